"""The MindRecord file format (version 3.0), read and written with the standard library and numpy.

A shard file is: an 8-byte little-endian header length, the header as compact JSON, zero padding to
``header_size``; then pages of ``page_size`` bytes in page-id order (the last one only as long as its data).
BLOB_DATA pages hold each row's blob (8-byte LE length, then the blob fields: with one blob field its bytes,
with several each as an 8-byte BE length and bytes, in name order); RAW_DATA pages hold each row's scalar
fields as an 8-byte LE length and a MessagePack map (keys sorted). int32/int64 array fields are stored
compressed: a 4-byte BE count, 2 bits per element (MSB first) giving its width (1/2/4/8 bytes), then each
element little-endian in that width. A sqlite file ``<shard>.db`` (table INDEXES) locates every row's raw and
blob bytes and holds the index fields.
"""
import json
import math
import os
import sqlite3
import struct

import numpy as np

HEADER_SIZE = 1 << 24
PAGE_SIZE = 1 << 25
SCALAR_TYPES = ("int32", "int64", "float32", "float64", "string", "bytes")
ARRAY_TYPES = ("int32", "int64", "float32", "float64")


# ------------------------------------------------------------------ MessagePack (the subset MindRecord uses)
# the sized forms of each kind: (largest value or length it holds, tag byte, struct format), smallest first
_UINT_FORMS = ((0xFF, b"\xcc", ">B"), (0xFFFF, b"\xcd", ">H"), (0xFFFFFFFF, b"\xce", ">I"), (math.inf, b"\xcf", ">Q"))
_STR_FORMS = ((0xFF, b"\xd9", ">B"), (0xFFFF, b"\xda", ">H"), (math.inf, b"\xdb", ">I"))
_BIN_FORMS = ((0xFF, b"\xc4", ">B"), (0xFFFF, b"\xc5", ">H"), (math.inf, b"\xc6", ">I"))
_MAP_FORMS = ((0xFFFF, b"\xde", ">H"), (math.inf, b"\xdf", ">I"))
_ARRAY_FORMS = ((0xFFFF, b"\xdc", ">H"), (math.inf, b"\xdd", ">I"))


def _header(n, fix_limit, fix_base, forms):
    """The MessagePack header of ``n`` (a non-negative int, or a length): the single byte ``fix_base | n`` when
    ``n < fix_limit``, else the first of ``forms`` that holds it."""
    if n < fix_limit:
        return struct.pack(">B", fix_base | n)
    for limit, tag, fmt in forms:
        if n <= limit:
            return tag + struct.pack(fmt, n)


def _pack(v, out):
    if v is None:
        out.append(b"\xc0")
    elif isinstance(v, bool):
        out.append(b"\xc3" if v else b"\xc2")
    elif isinstance(v, (int, np.integer)):
        v = int(v)
        if v >= 0:
            out.append(_header(v, 128, 0, _UINT_FORMS))
        elif v >= -32:
            out.append(struct.pack(">b", v))
        elif v >= -128:
            out.append(b"\xd0" + struct.pack(">b", v))
        elif v >= -32768:
            out.append(b"\xd1" + struct.pack(">h", v))
        elif v >= -2147483648:
            out.append(b"\xd2" + struct.pack(">i", v))
        else:
            out.append(b"\xd3" + struct.pack(">q", v))
    elif isinstance(v, (float, np.floating)):
        v = float(v)
        f32 = np.float32(v) if abs(v) <= 3.4028234663852886e38 or math.isinf(v) else None
        if f32 is not None and not math.isnan(v) and float(f32) == v:
            out.append(b"\xca" + struct.pack(">f", v))
        else:
            out.append(b"\xcb" + struct.pack(">d", v))
    elif isinstance(v, str):
        b = v.encode("utf-8")
        out.append(_header(len(b), 32, 0xA0, _STR_FORMS))
        out.append(b)
    elif isinstance(v, (bytes, bytearray)):
        out.append(_header(len(v), 0, 0, _BIN_FORMS))
        out.append(bytes(v))
    elif isinstance(v, dict):
        out.append(_header(len(v), 16, 0x80, _MAP_FORMS))
        for k in sorted(v):
            _pack(k, out)
            _pack(v[k], out)
    elif isinstance(v, (list, tuple)):
        out.append(_header(len(v), 16, 0x90, _ARRAY_FORMS))
        for x in v:
            _pack(x, out)
    else:
        raise TypeError(f"MindRecord can not store a value of type {type(v).__name__}.")


def msgpack_dumps(v):
    out = []
    _pack(v, out)
    return b"".join(out)


class _Unpacker:
    def __init__(self, data):
        self.d = data
        self.i = 0

    def take(self, n):
        if self.i + n > len(self.d):
            raise ValueError("truncated MessagePack data")
        b = self.d[self.i:self.i + n]
        self.i += n
        return b

    def unpack(self):  # noqa: C901 - one branch per MessagePack type
        t = self.take(1)[0]
        if t < 0x80:
            return t
        if t >= 0xE0:
            return t - 256
        if 0xA0 <= t <= 0xBF:
            return self.take(t & 0x1F).decode("utf-8")
        if 0x80 <= t <= 0x8F:
            return self._map(t & 0x0F)
        if 0x90 <= t <= 0x9F:
            return [self.unpack() for _ in range(t & 0x0F)]
        fixed = {0xcc: ">B", 0xcd: ">H", 0xce: ">I", 0xcf: ">Q", 0xd0: ">b", 0xd1: ">h", 0xd2: ">i", 0xd3: ">q",
                 0xca: ">f", 0xcb: ">d"}
        if t in fixed:
            fmt = fixed[t]
            return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]
        if t == 0xC0:
            return None
        if t in (0xC2, 0xC3):
            return t == 0xC3
        if t in (0xD9, 0xDA, 0xDB):
            n = struct.unpack({0xD9: ">B", 0xDA: ">H", 0xDB: ">I"}[t], self.take({0xD9: 1, 0xDA: 2, 0xDB: 4}[t]))[0]
            return self.take(n).decode("utf-8")
        if t in (0xC4, 0xC5, 0xC6):
            n = struct.unpack({0xC4: ">B", 0xC5: ">H", 0xC6: ">I"}[t], self.take({0xC4: 1, 0xC5: 2, 0xC6: 4}[t]))[0]
            return bytes(self.take(n))
        if t in (0xDE, 0xDF):
            return self._map(struct.unpack(">H" if t == 0xDE else ">I", self.take(2 if t == 0xDE else 4))[0])
        if t in (0xDC, 0xDD):
            n = struct.unpack(">H" if t == 0xDC else ">I", self.take(2 if t == 0xDC else 4))[0]
            return [self.unpack() for _ in range(n)]
        raise ValueError(f"unsupported MessagePack type byte 0x{t:02x}")

    def _map(self, n):
        out = {}
        for _ in range(n):
            k = self.unpack()
            out[k] = self.unpack()
        return out


def msgpack_loads(data):
    u = _Unpacker(data)
    v = u.unpack()
    if u.i != len(data):
        raise ValueError("trailing bytes after MessagePack data")
    return v


# ------------------------------------------------------------------ int array compression
_WIDTH = ((np.int8, 1), (np.int16, 2), (np.int32, 4), (np.int64, 8))


def compress_ints(a):
    flat = np.asarray(a).reshape(-1).astype(np.int64)
    codes = np.full(flat.shape, 3, np.uint8)
    codes[(flat >= -2 ** 31) & (flat < 2 ** 31)] = 2
    codes[(flat >= -32768) & (flat < 32768)] = 1
    codes[(flat >= -128) & (flat < 128)] = 0
    n = flat.size
    padded = np.zeros(-(-n // 4) * 4, np.uint8)
    padded[:n] = codes
    bits = (padded[0::4] << 6) | (padded[1::4] << 4) | (padded[2::4] << 2) | padded[3::4]
    parts = [struct.pack(">I", n), bits.astype(np.uint8).tobytes()]
    for v, c in zip(flat.tolist(), codes.tolist()):
        dt, w = _WIDTH[c]
        parts.append(int(v).to_bytes(w, "little", signed=True))
    return b"".join(parts)


def decompress_ints(data, dtype):
    if len(data) < 4:
        raise ValueError("compressed int data shorter than its count")
    n = struct.unpack(">I", data[:4])[0]
    nb = -(-n // 4)
    bits = np.frombuffer(data, np.uint8, nb, 4)
    codes = np.stack([(bits >> 6) & 3, (bits >> 4) & 3, (bits >> 2) & 3, bits & 3], 1).reshape(-1)[:n]
    out = np.empty(n, np.int64)
    pos = 4 + nb
    for i, c in enumerate(codes.tolist()):
        w = _WIDTH[c][1]
        if pos + w > len(data):
            raise ValueError("compressed int data is truncated")
        out[i] = int.from_bytes(data[pos:pos + w], "little", signed=True)
        pos += w
    if pos != len(data):
        raise ValueError("compressed int data has trailing bytes")
    return out.astype(dtype)


# ------------------------------------------------------------------ header
def header_json(h):
    """The header as the reference writes it: compact, keys in its own order (nested keys sorted)."""
    order = ["header_size", "index_fields", "page", "page_size", "compression_size", "schema", "shard_addresses",
             "shard_id", "statistics", "version"]
    body = ",".join(f"{json.dumps(k)}:{json.dumps(h[k], sort_keys=True, separators=(',', ':'), ensure_ascii=False)}"
                    for k in order)
    return ("{" + body + "}").encode("utf-8")


def blob_fields_of(schema):
    return sorted(k for k, v in schema.items() if "shape" in v or v["type"] == "bytes")


def encode_blob(row, schema, blob_fields):
    """(blob bytes, bytes saved by int compression)."""
    parts, saved = [], 0
    for f in blob_fields:
        v = row[f]
        t = schema[f]["type"]
        if t == "bytes":
            data = bytes(v)
        elif t in ("int32", "int64"):
            raw = np.ascontiguousarray(v).astype(t)
            data = compress_ints(raw)
            saved += raw.nbytes - len(data)
        else:
            data = np.ascontiguousarray(v).astype(t).tobytes()
        parts.append(data if len(blob_fields) == 1 else struct.pack(">Q", len(data)) + data)
    if not blob_fields:
        return b"\x00\x00\x00\x00", 0
    return b"".join(parts), saved


def decode_blob(blob, schema, blob_fields):
    """{field: value} of one row's blob (bytes fields as bytes, arrays reshaped to the schema)."""
    chunks = {}
    if len(blob_fields) == 1:
        chunks[blob_fields[0]] = blob
    elif blob_fields:
        pos = 0
        for f in blob_fields:
            if pos + 8 > len(blob):
                raise ValueError("blob data is truncated")
            n = struct.unpack(">Q", blob[pos:pos + 8])[0]
            if pos + 8 + n > len(blob):
                raise ValueError("blob data is truncated")
            chunks[f] = blob[pos + 8:pos + 8 + n]
            pos += 8 + n
    out = {}
    for f, data in chunks.items():
        t = schema[f]["type"]
        if t == "bytes":
            out[f] = bytes(data)
            continue
        arr = decompress_ints(data, t) if t in ("int32", "int64") else np.frombuffer(data, dtype=t).copy()
        out[f] = arr.reshape(schema[f]["shape"])
    return out


def raw_value(v):
    """A raw field as the reference's FileReader gives it: an integral float comes back as an int."""
    if isinstance(v, float) and math.isfinite(v) and v.is_integer():
        return int(v)
    return v


# ------------------------------------------------------------------ sqlite index
_SQL_TYPE = {"int32": "INTEGER", "int64": "INTEGER", "float32": "REAL", "float64": "REAL", "string": "TEXT"}


def write_index_db(path, shard_name, index_fields, schema, entries):
    """``entries``: (row_id, page_raw, off_raw, end_raw, group, page_blob, off_blob, end_blob, {field: value})."""
    cols = ("CREATE TABLE INDEXES(  ROW_ID               INT  NOT NULL, PAGE_ID_RAW          INT  NOT NULL, "
            "PAGE_OFFSET_RAW      INT  NOT NULL, PAGE_OFFSET_RAW_END  INT  NOT NULL, ROW_GROUP_ID         INT  NOT "
            "NULL, PAGE_ID_BLOB         INT  NOT NULL, PAGE_OFFSET_BLOB     INT  NOT NULL, PAGE_OFFSET_BLOB_END INT  "
            "NOT NULL")
    keys = ["ROW_ID"]
    for k, f in enumerate(index_fields):
        cols += f",INC_{k} INT, {f}_0 {_SQL_TYPE[schema[f]['type']]}"
        keys.append(f"INC_{k}")
    cols += f", PRIMARY KEY({','.join(keys)}))"
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path)
    try:
        con.execute(cols)
        con.execute("CREATE TABLE SHARD_NAME(NAME TEXT NOT NULL)")
        con.execute("INSERT INTO SHARD_NAME VALUES (?)", (shard_name,))
        n = 8 + 2 * len(index_fields)
        sql = f"INSERT INTO INDEXES VALUES ({','.join('?' * n)})"
        rows = []
        for e in entries:
            vals = list(e[:8])
            for f in index_fields:
                vals += [0, e[8][f]]
            rows.append(vals)
        con.executemany(sql, rows)
        con.commit()
    finally:
        con.close()

"""mindspore.mindrecord.filereader: FileReader, reading MindRecord files written by MindSpore or by FileWriter.

Every problem with a file (missing, not a MindRecord, truncated, index missing or not matching) is a
RuntimeError naming the file.
"""
import json
import os
import sqlite3
import struct

from . import _format as F
from .common.exceptions import ParamTypeError, ParamValueError

__all__ = ["FileReader"]


def _bad(path, why):
    return RuntimeError(f"Invalid file, {path} is not a valid MindRecord file: {why}.")


def read_header(path):
    if not os.path.isfile(path):
        raise RuntimeError(f"The input: {path} is not exists.")
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        head = f.read(8)
        if len(head) < 8:
            raise _bad(path, f"it has {size} bytes, less than a header length")
        n = struct.unpack("<Q", head)[0]
        if n == 0 or n + 8 > size:
            raise _bad(path, f"its header length field says {n} bytes but the file has {size}")
        raw = f.read(n)
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise _bad(path, f"its header is not MindRecord JSON ({e})") from None
    needed = ("header_size", "page", "page_size", "schema", "shard_addresses")
    if not isinstance(header, dict) or any(k not in header for k in needed) or not header["schema"]:
        raise _bad(path, "its header lacks the MindRecord fields " + ", ".join(needed))
    return header


class _ShardFile:
    """One shard: its header, its index rows and the bytes of its pages."""

    def __init__(self, path):
        self.path = path
        self.header = read_header(path)
        self.schema = self.header["schema"][0]["schema"]
        self.blob_fields = self.header["schema"][0].get("blob_fields", F.blob_fields_of(self.schema))
        db = path + ".db"
        if not os.path.isfile(db):
            raise RuntimeError(f"The input: {db} is not exists.")
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                self.rows = con.execute("SELECT ROW_ID, PAGE_ID_RAW, PAGE_OFFSET_RAW, PAGE_OFFSET_RAW_END, "
                                        "PAGE_ID_BLOB, PAGE_OFFSET_BLOB, PAGE_OFFSET_BLOB_END FROM INDEXES "
                                        "ORDER BY ROW_ID").fetchall()
            finally:
                con.close()
        except sqlite3.DatabaseError as e:
            raise RuntimeError(f"Invalid file, {db} is not a valid MindRecord index file: {e}.") from None
        self.size = os.path.getsize(path)
        hs, ps = self.header["header_size"], self.header["page_size"]
        for r in self.rows:
            for page, end in ((r[1], r[3]), (r[4], r[6])):
                if hs + page * ps + end > self.size:
                    raise RuntimeError(f"Invalid file, {path} is truncated: row {r[0]} needs bytes up to "
                                       f"{hs + page * ps + end}, the file has {self.size}.")

    def fd(self):
        """A descriptor of the shard for positional reads (one per process)."""
        if getattr(self, "_pid", None) != os.getpid():
            self._fd = os.open(self.path, os.O_RDONLY)
            self._pid = os.getpid()
        return self._fd

    def close(self):
        if getattr(self, "_pid", None) == os.getpid():
            os.close(self._fd)
        self._pid = None

    def __del__(self):
        try:
            self.close()
        except (OSError, AttributeError, TypeError):
            pass

    def read_row(self, r, columns=None):
        hs, ps = self.header["header_size"], self.header["page_size"]
        fd = self.fd()

        def chunk(page, start, end):
            data = os.pread(fd, end - start, hs + page * ps + start)
            n = struct.unpack("<Q", data[:8])[0] if len(data) >= 8 else -1
            if n != len(data) - 8:
                raise RuntimeError(f"Invalid file, {self.path}: row {r[0]} at page {page} offset {start} is "
                                   "corrupt (its length field does not match the index).")
            return data[8:]
        try:
            raw = F.msgpack_loads(chunk(r[1], r[2], r[3]))
            blob = F.decode_blob(chunk(r[4], r[5], r[6]), self.schema, self.blob_fields)
        except ValueError as e:
            raise RuntimeError(f"Invalid file, {self.path}: row {r[0]} can not be decoded ({e}).") from None
        out = {k: v for k, v in raw.items() if k in self.schema}
        out.update(blob)
        if columns:
            out = {k: out[k] for k in self.schema if k in columns and k in out}
        return out


def shard_paths(file_name):
    """The shard files of a MindRecord: a path (all the shards its header names) or a list of paths."""
    if isinstance(file_name, str):
        if os.path.isfile(file_name) and not os.path.isfile(file_name + ".db"):
            raise RuntimeError(f"The input: {file_name}.db is not exists.")
        header = read_header(file_name)
        folder = os.path.dirname(os.path.abspath(file_name))
        paths = [os.path.join(folder, a) for a in header["shard_addresses"]]
        for p in paths:
            if not os.path.isfile(p):
                raise RuntimeError(f"The input: {p} is not exists (a shard named in the header of {file_name}).")
        return paths
    return list(file_name)


class FileReader:
    """Read the rows of MindRecord files as dicts (scalars as Python values, arrays as numpy, bytes as bytes)."""

    def __init__(self, file_name, num_consumer=4, columns=None, operator=None):
        if isinstance(file_name, list):
            if not file_name or not all(isinstance(p, str) for p in file_name):
                raise ParamValueError(f"The file name list should be a non-empty list of str: {file_name!r}.")
        elif not isinstance(file_name, str):
            raise ParamTypeError("file_name", "str or list")
        if not isinstance(num_consumer, int) or isinstance(num_consumer, bool):
            raise ParamTypeError("num_consumer", "int")
        if num_consumer < 1:
            raise ParamValueError(f"Parameter num_consumer: {num_consumer} should be at least 1.")
        if columns:
            if not isinstance(columns, list):
                raise ParamTypeError("columns", "list")
        self._columns = columns or None
        self._shards = [_ShardFile(p) for p in shard_paths(file_name)]
        schema = self._shards[0].schema
        if self._columns:
            for c in self._columns:
                if c not in schema:
                    raise RuntimeError(f"Invalid data, column name: {c} does not exist in the schema of "
                                       f"{self._shards[0].path}.")
        self._closed = False

    def get_next(self):
        """Yield each row as a dict."""
        for shard in self._shards:
            for r in shard.rows:
                row = shard.read_row(r, self._columns)
                yield {k: (F.raw_value(v) if k not in shard.blob_fields else v) for k, v in row.items()}

    def close(self):
        """Release the reader (its open files)."""
        for shard in self._shards:
            shard.close()
        self._closed = True

    def schema(self):
        """The schema dict."""
        return self._shards[0].schema

    def len(self):
        """The number of rows."""
        return sum(len(s.rows) for s in self._shards)

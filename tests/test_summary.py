"""SummaryRecord writes the event file real MindSpore writes (tests/golden/gen_summary.py made the reference
file from the same values). Both files are decoded by the small protobuf wire reader below and compared
record by record, except wall_time; every record's masked crc32c is checked."""
import glob
import os
import struct
import sys

import numpy as np
import pytest

import lightspore as ms
from lightspore.train import SummaryRecord
from tests._golden import read_varint as _varint

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
from summary_cases import SUMMARY_STEPS  # noqa: E402

REF = os.path.join(HERE, "golden", "summary", "reference.summary")


def _crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c ^= b
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
    c ^= 0xFFFFFFFF
    return ((((c >> 15) | (c << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def _fields(b):
    """Protobuf wire format -> list of (field, wire, value) with nested bytes left undecoded."""
    out, i = [], 0
    while i < len(b):
        key, i = _varint(b, i)
        f, w = key >> 3, key & 7
        if w == 0:
            v, i = _varint(b, i)
        elif w == 1:
            v, i = b[i:i + 8], i + 8
        elif w == 5:
            v, i = b[i:i + 4], i + 4
        else:
            n, i = _varint(b, i)
            v, i = b[i:i + n], i + n
        out.append((f, w, v))
    return out


def _decode_event(data):
    ev = {}
    for f, _w, v in _fields(data):
        if f == 2:
            ev["step"] = v
        elif f == 3:
            ev["version"] = v.decode()
        elif f == 5:
            ev["values"] = []
            for _f, _w2, val in _fields(v):
                item = {}
                for vf, _vw, vv in _fields(val):
                    if vf == 1:
                        item["tag"] = vv.decode()
                    elif vf == 3:
                        item["scalar"] = struct.unpack("<f", vv)[0]
                    elif vf == 8:
                        t = {"dims": []}
                        for tf, _tw, tv in _fields(vv):
                            if tf == 1:
                                t["dims"].append(tv)
                            elif tf == 2:
                                t["data_type"] = tv
                            elif tf == 3:
                                t["float_data"] = np.frombuffer(tv, "<f4").tolist()
                        item["tensor"] = t
                ev["values"].append(item)
    return ev


def _read(path):
    b = open(path, "rb").read()
    events, i = [], 0
    while i < len(b):
        (n,) = struct.unpack("<Q", b[i:i + 8])
        assert struct.unpack("<I", b[i + 8:i + 12])[0] == _crc32c(b[i:i + 8])
        data = b[i + 12:i + 12 + n]
        assert struct.unpack("<I", b[i + 12 + n:i + 16 + n])[0] == _crc32c(data)
        events.append(_decode_event(data))
        i += 16 + n
    return events


def test_same_events_as_reference(tmp_path):
    with SummaryRecord(str(tmp_path)) as rec:
        for step, items in SUMMARY_STEPS:
            for plugin, tag, a in items:
                rec.add_value(plugin, tag, ms.Tensor(a))
            rec.record(step)
    (path,) = glob.glob(str(tmp_path / "*"))
    assert os.path.basename(path).startswith("events.out.events.summary.") and path.endswith("_MS")
    assert _read(path) == _read(REF)
    assert not os.access(path, os.W_OK) or os.geteuid() == 0     # closed files are read-only (0400)
    assert oct(os.stat(path).st_mode & 0o777) == "0o400"


def test_bad_input(tmp_path):
    with SummaryRecord(str(tmp_path)) as rec:
        with pytest.raises(ValueError):
            rec.add_value("nope", "x", ms.Tensor(1.0))
        with pytest.raises(TypeError):
            rec.add_value("scalar", "x", 1.0)
        with pytest.raises(ValueError):
            rec.add_value("scalar", "", ms.Tensor(1.0))
        with pytest.raises(ValueError):
            rec.set_mode("test")
    with pytest.raises(TypeError):
        SummaryRecord(str(tmp_path), max_file_size="1")
    with pytest.raises(TypeError):
        SummaryRecord(str(tmp_path), file_prefix=1)

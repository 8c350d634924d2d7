"""Summary ops (ScalarSummary, TensorSummary, HistogramSummary, ImageSummary) called in construct, and histogram
and image values added directly, written by SummaryRecord: the file decodes to the same events as the one real
MindSpore wrote from the same cases (tests/golden/gen_summary_ops.py); images compare as decoded pixels."""
import glob
import io
import os
import struct
import sys

import numpy as np
import pytest
from PIL import Image

import lightspore as ms
from tests._golden import read_varint as _varint

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import summary_ops_cases  # noqa: E402

REF = os.path.join(HERE, "golden", "summary", "summary_ops.summary")


def _fields(b):
    out, i = [], 0
    while i < len(b):
        key, i = _varint(b, i)
        f, w = key >> 3, key & 7
        if w == 0:
            v, i = _varint(b, i)
        elif w == 1:
            v, i = struct.unpack("<d", b[i:i + 8])[0], i + 8
        elif w == 5:
            v, i = struct.unpack("<f", b[i:i + 4])[0], i + 4
        else:
            n, i = _varint(b, i)
            v, i = b[i:i + n], i + n
        out.append((f, v))
    return out


def _value(b):
    item = {}
    for f, v in _fields(b):
        if f == 1:
            item["tag"] = v.decode()
        elif f == 3:
            item["scalar"] = v
        elif f == 8:
            t = {"dims": []}
            for tf, tv in _fields(v):
                if tf == 1:
                    t["dims"].append(tv)
                elif tf == 2:
                    t["dtype"] = tv
                elif tf == 3:
                    t["data"] = np.frombuffer(tv, "<f4").tolist()
            item["tensor"] = t
        elif f == 9:
            h = {"buckets": []}
            for hf, hv in _fields(v):
                if hf == 1:
                    h["buckets"].append([bv for _bf, bv in _fields(hv)])
                else:
                    h[hf] = hv
            item["histogram"] = h
        elif f == 4:
            img = {}
            for imf, imv in _fields(v):
                if imf == 4:
                    img["pixels"] = np.asarray(Image.open(io.BytesIO(imv))).tolist()
                else:
                    img[imf] = imv
            item["image"] = img
    return item


def _read(path):
    b = open(path, "rb").read()
    events, i = [], 0
    while i < len(b):
        (n,) = struct.unpack("<Q", b[i:i + 8])
        ev = {}
        for f, v in _fields(b[i + 12:i + 12 + n]):
            if f == 2:
                ev["step"] = v
            elif f == 3:
                ev["version"] = v.decode()
            elif f == 5:
                ev["values"] = [_value(val) for _f, val in _fields(v)]
        events.append(ev)
        i += 16 + n
    return events


def _close(got, want, path=""):
    if isinstance(want, float):
        assert got == pytest.approx(want, rel=1e-6, abs=1e-12, nan_ok=True), path
    elif isinstance(want, dict):
        assert set(got) == set(want), path
        for k in want:
            _close(got[k], want[k], f"{path}.{k}")
    elif isinstance(want, list):
        assert len(got) == len(want), path
        for i, (g, w) in enumerate(zip(got, want)):
            _close(g, w, f"{path}[{i}]")
    else:
        assert got == want, path


def test_summary_ops_write_what_the_reference_writes(tmp_path):
    with ms.SummaryRecord(str(tmp_path)) as rec:
        summary_ops_cases.write(ms, rec)
    (path,) = glob.glob(str(tmp_path / "*"))
    _close(_read(path), _read(REF))


def test_summary_ops_check_their_inputs():
    with pytest.raises(TypeError, match="name must be valid string"):
        ms.ops.ScalarSummary()("", ms.Tensor(1.0))
    with pytest.raises(TypeError, match="expect to be Tensor"):
        ms.ops.TensorSummary()("t", 1.0)
    with pytest.raises(ValueError, match="rank must be less than or equal to 1"):
        ms.ops.ScalarSummary()("s", ms.Tensor(np.ones((2,), np.float32)))
    with pytest.raises(ValueError, match="valid image"):
        ms.ops.ImageSummary()("i", ms.Tensor(np.ones((2, 2), np.float32)))
    with pytest.raises(ValueError, match="should not be empty"):
        ms.ops.HistogramSummary()("h", ms.Tensor(1.0))


def test_eval_mode_leaves_summary_op_values_cached_until_train(tmp_path):
    net = summary_ops_cases.make_net(ms)
    with ms.SummaryRecord(str(tmp_path)) as rec:
        rec.set_mode("eval")
        net(ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.zeros((1, 3, 2, 2), np.float32)))
        rec.record(1)
        rec.set_mode("train")
        rec.record(2)
    (path,) = glob.glob(str(tmp_path / "*"))
    events = _read(path)
    assert [e.get("step") for e in events] == [None, 2]
    assert [v["tag"] for v in events[1]["values"]] == ["loss", "x", "x_hist", "img"]


def _close_values(got, want, path=""):
    """As _close, with the float32 tolerance of two frameworks training the same net (rtol 1e-4)."""
    if isinstance(want, float):
        assert got == pytest.approx(want, rel=1e-4, abs=1e-6, nan_ok=True), path
    elif isinstance(want, dict):
        assert set(got) == set(want), path
        for k in want:
            _close_values(got[k], want[k], f"{path}.{k}")
    elif isinstance(want, list):
        assert len(got) == len(want), path
        for i, (g, w) in enumerate(zip(got, want)):
            _close_values(g, w, f"{path}[{i}]")
    else:
        assert got == want, path


def test_summary_collector_writes_what_the_reference_writes(tmp_path):
    import summary_collector_cases
    summary_collector_cases.run(ms, str(tmp_path))
    (path,) = glob.glob(str(tmp_path / "*_MS"))
    got, want = _read(path), _read(os.path.join(HERE, "golden", "summary", "summary_collector.summary"))
    assert [(e.get("step"), [v["tag"] for v in e.get("values", [])]) for e in got] == \
        [(e.get("step"), [v["tag"] for v in e.get("values", [])]) for e in want]
    _close_values(got, want)


@pytest.mark.parametrize("kwargs, err, words", [
    (dict(collect_freq=0), ValueError, "greater than 0"),
    (dict(collect_freq=1.5), TypeError, "collect_freq"),
    (dict(collect_specified_data={"nope": True}), ValueError, "unsupported"),
    (dict(collect_specified_data={"histogram_regular": "("}), ValueError, "regular expression"),
    (dict(collect_specified_data={"collect_metric": 1}), TypeError, "collect_metric"),
    (dict(keep_default_action=1), TypeError, "keep_default_action"),
    (dict(collect_specified_data={"collect_landscape": {"unit": "step"}}), ValueError, "collect_landscape"),
])
def test_summary_collector_checks_its_arguments(tmp_path, kwargs, err, words):
    with pytest.raises(err, match=words):
        ms.train.SummaryCollector(str(tmp_path), **kwargs)

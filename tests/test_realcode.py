"""The private MindSpore pieces public model libraries import (mindnlp 0.1.1's _c_dataengine / _c_expression /
serialization helpers, mindocr's log._LogActionOnce, mindyolo's ops.function), against MindSpore 2.7.1's
behaviour recorded by tests/golden/gen_realcode.py. The libraries themselves are exercised by
tools/realcode_check.py against fetched checkouts (they are not on PyPI for CI, except mindcv: test_mindcv)."""
import json
import os
import sys

import numpy as np
import pytest

import lightspore as ms
import lightspore._c_dataengine as cde
import lightspore._c_expression as ce
import lightspore.dataset.text as text
from lightspore.dataset.text.transforms import DE_C_INTER_NORMALIZE_FORM, NormalizeForm, TextTensorOperation
from lightspore.log import _LogActionOnce
from lightspore.train import serialization as ser

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
sys.path.insert(0, HERE)
from realcode_cases import arr, parse_only_transforms  # noqa: E402

with open(os.path.join(HERE, "realcode.json"), encoding="utf-8") as _f:
    G = json.load(_f)



def test_vocab():
    v = cde.Vocab.from_dict({"a": 3, "b": 5, "c": 0})
    assert {"ids": v.tokens_to_ids(["a", "zz", "c"]), "tokens": v.ids_to_tokens([3, 4, 0]),
            "vocab": v.vocab()} == G["vocab_dict"]
    assert cde.Vocab.from_list(["x", "y", "x2"], ["<pad>", "<unk>"], True).vocab() == G["vocab_list_first"]
    assert cde.Vocab.from_list(["x", "y"], ["<pad>"], False).vocab() == G["vocab_list_last"]
    with pytest.raises(TypeError):
        v.tokens_to_ids("a")    # the reference's binding takes a list only


Lookup, Basic = parse_only_transforms(TextTensorOperation, cde, NormalizeForm, DE_C_INTER_NORMALIZE_FORM)


def test_parse_only_transforms_run_their_engine_operation():
    v = cde.Vocab.from_dict({"a": 3, "b": 5, "c": 0})
    got = [arr(Lookup(v, "a", "int64")(np.array(["a", "b", "zz", "c"]))),
           arr(Lookup(text.Vocab.from_list(["p", "q"]).c_vocab, None, "int32")(np.array([["q", "p"], ["p", "p"]])))]
    assert got == G["lookup"]
    assert G["lookup_missing"] == "RuntimeError"
    with pytest.raises(RuntimeError):
        Lookup(v, None, "int32")(np.array(["zz"]))
    texts = ["Hello, Wörld! 你好", "  MindSpore's API -- on PyTorch.  ", "ÀÉÎ õü"]
    for lc in (True, False):
        assert [arr(Basic(lc)(np.array(t))) for t in texts] == G["basic"][str(lc)], lc
    assert {f.name: int(DE_C_INTER_NORMALIZE_FORM[f]) for f in NormalizeForm} == G["normalize_form_map"]


def test_parse_only_transform_in_a_pipeline():
    ds = ms.dataset.NumpySlicesDataset({"text": np.array(["a", "b", "zz"])}, shuffle=False)
    ds = ds.map(operations=[Lookup(cde.Vocab.from_dict({"a": 3, "b": 5, "c": 0}), "a", "int64")],
                input_columns=["text"])
    got = [int(row[0]) for row in ds.create_tuple_iterator(output_numpy=True)]
    assert got == G["lookup"][0]["value"][:3]


def test_random_normal():
    a, b, c = (np.zeros((4000,), np.float32) for _ in range(3))
    ce._random_normal(7, a, 1.5, 0.5)
    ce._random_normal(7, b, 1.5, 0.5)
    ce._random_normal(8, c, 1.5, 0.5)
    ref = G["random_normal"]
    assert bool(np.array_equal(a, b)) == ref["same_seed_equal"]
    assert bool(np.array_equal(a, c)) == ref["other_seed_equal"]
    # the stream is torch's, not the reference's: the distribution is what must agree (4000 samples)
    assert abs(a.mean() - ref["mean"]) < 0.05 and abs(a.std() - ref["std"]) < 0.05
    with pytest.raises(TypeError):
        ce._random_normal(7, np.zeros(3, np.int32), 0.0, 1.0)


def test_ckpt_proto_helpers():
    msg = ser._parse_ckpt_proto(os.path.join(HERE, "realcode.ckpt"), None, None, False)
    got = [{"tag": e.tag, "tensor_type": e.tensor.tensor_type, "dims": list(e.tensor.dims),
            "value": np.frombuffer(e.tensor.tensor_content, ser.tensor_to_np_type(e.tensor.tensor_type)).tolist()}
           for e in msg.value]
    assert got == G["parse_ckpt_proto"]
    assert {k: np.dtype(ser.tensor_to_np_type(k)).name for k in G["tensor_to_np_type"]} == G["tensor_to_np_type"]
    assert {k: str(t) for k, t in ser.tensor_to_ms_type.items()} == G["tensor_to_ms_type"]
    assert {k: np.dtype(t).name for k, t in ser.np_type_convert.items()} == G["np_type_convert"]
    with pytest.raises(ValueError):
        ser._parse_ckpt_proto(os.path.join(HERE, "realcode.json"), None, None, False)


def test_log_action_once():
    class FakeLogger:
        def __init__(self):
            self.calls = []

        def warning(self, msg):
            self.calls.append(msg)

    logger = FakeLogger()
    _LogActionOnce.is_logged.pop("k1", None)
    _LogActionOnce.is_logged.pop("k2", None)

    def make(key, no_warning):
        @_LogActionOnce(logger=logger, key=key, no_warning=no_warning)
        def f(x):
            logger.warning(f"{key}:{x}")
            return x * 2
        return f

    f1, f1b, f2 = make("k1", False), make("k1", False), make("k2", True)
    results = [f1(1), f1(2), f1b(3), f2(4), f2(5)]
    assert {"results": results, "warnings": logger.calls,
            "restored": logger.warning.__func__ is FakeLogger.warning} == G["log_action_once"]


def test_ops_submodules_bound():
    assert {n: hasattr(ms.ops, n) for n in G["ops_submodules"]} == G["ops_submodules"]

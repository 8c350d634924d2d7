"""The small ops real code uses (ops/_misc.py) against the reference (tests/golden/gen_misc_ops.py)."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

import lightspore as ms
from lightspore import Tensor, ops
from lightspore.ops import functional as F
from lightspore.ops import operations as P

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import gen_misc_ops as G  # noqa: E402  (its case lists; the reference is imported only in its main())

with open(os.path.join(HERE, "golden", "misc_ops.json")) as _f:
    GOLD = json.load(_f)


def _raises(err, fn):
    with pytest.raises(Exception) as ei:
        fn()
    assert type(ei.value).__name__ == err["type"] or isinstance(ei.value, getattr(__builtins__, err["type"], ())), \
        (ei.value, err)
    assert isinstance(ei.value, {"TypeError": TypeError, "ValueError": ValueError,
                                 "RuntimeError": RuntimeError}[err["type"]])
    return str(ei.value)


def test_identity_returns_the_same_object():
    g = GOLD["identity"]
    x = Tensor(np.arange(4, dtype=np.float32))
    y = ops.identity(x)
    assert (y is x) == g["same_object"] and str(y.dtype) == g["dtype"] and y.asnumpy().tolist() == g["value"]
    assert (type(ops.identity) is P.identity) == g["class_is_P_identity"]
    assert (F.identity is ops.identity) == g["F_is_ops"]


@pytest.mark.parametrize("case", GOLD["make_range"], ids=lambda c: str(c["args"]))
def test_make_range(case):
    r = F.make_range(*case["args"])
    assert type(r).__name__ == case["type"] and list(r) == case["out"]


@pytest.mark.parametrize("case", GOLD["make_range_errors"], ids=lambda c: str(c["args"]))
def test_make_range_errors(case):
    msg = _raises(case["error"], lambda: F.make_range(*case["args"]))
    assert msg.split(" but got")[0] == case["error"]["message"].split(" but got")[0]


@pytest.mark.parametrize("case", GOLD["tuple_len"], ids=lambda c: str(c["args"]))
def test_tuple_len(case):
    assert F.tuple_len(tuple(case["args"])) == case["tuple"] and F.tuple_len(list(case["args"])) == case["list"]


def test_print_text_and_stream(tmp_path):
    script = tmp_path / "print_case.py"
    script.write_text(G.PRINT_SCRIPT)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([sys.executable, "-m", "lightspore", str(script)], capture_output=True, text=True, env=env,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == GOLD["print"]["stdout"]
    assert bool(r.stderr.strip()) == GOLD["print"]["stderr_has_output"], r.stderr


def test_print_returns_none(capsys):
    x = Tensor(np.arange(4, dtype=np.float32))
    assert (P.Print()(x) is None) == GOLD["print"]["returns_none"]
    assert (ops.print_(x) is None) == GOLD["print"]["print_returns_none"]
    assert GOLD["print_errors"]["no_input"] is None
    P.Print()()
    assert capsys.readouterr().out.count("Tensor(") == 2


def test_partial():
    g = GOLD["partial"]
    x = Tensor(np.arange(4, dtype=np.float32))
    part = P.Partial()(ops.add, x)
    assert f"{type(part).__module__}.{type(part).__name__}" == g["type"] and len(part.args) == g["args_len"]
    np.testing.assert_allclose(part(Tensor(np.ones(4, np.float32))).asnumpy(), g["value"])


@pytest.mark.parametrize("case", GOLD["random_choice_with_mask"], ids=lambda c: f"count{c['count']}")
def test_random_choice_with_mask(case):
    a = np.array(case["input"], dtype=bool)
    ms.set_seed(5)
    idx, mask = P.RandomChoiceWithMask(count=case["count"], seed=1)(Tensor(a))
    assert list(idx.shape) == case["index_shape"] and str(idx.dtype) == case["index_dtype"]
    assert list(mask.shape) == case["mask_shape"] and str(mask.dtype) == case["mask_dtype"]
    i, m = idx.asnumpy(), mask.asnumpy()
    assert int(m.sum()) == case["n_true_mask"]
    # chosen rows first, zero rows after them, as the reference's
    assert m.tolist() == sorted(m.tolist(), reverse=True)
    assert i[~m].tolist() == case["unselected_rows"]
    sel = sorted(i[m].tolist())
    true_pos = sorted(np.argwhere(a).tolist())
    if case["n_true_mask"] == len(true_pos) and a.ndim <= 2:  # all True positions chosen: the reference's set
        assert sel == case["selected"]
    elif case["n_true_mask"] == len(true_pos):
        # rank > 2: the reference's CPU kernel writes [i0, 0, flat index over the trailing dims] (e.g. (0, 1, 1)
        # of a (2, 2, 2) input as [0, 0, 3]); lightspore writes the coordinates its documentation promises.
        # Both name the same positions:
        def flat_ref(r):
            return r[0] * int(np.prod(a.shape[1:])) + r[-1]
        assert sorted(int(np.ravel_multi_index(tuple(r), a.shape)) for r in sel) == \
            sorted(flat_ref(r) for r in case["selected"])
        assert sel == true_pos
    else:                                        # a random subset of them, each once
        assert len(set(map(tuple, sel))) == len(sel) and all(s in true_pos for s in sel)


def test_choice_with_mask_functional():
    g = GOLD["choice_with_mask"]
    idx, mask = ops.choice_with_mask(Tensor(np.array([[True, False], [True, True]])), count=5, seed=3)
    assert list(idx.shape) == g["index_shape"] and int(mask.asnumpy().sum()) == g["n_true_mask"]
    assert sorted(idx.asnumpy()[mask.asnumpy()].tolist()) == g["selected"]


@pytest.mark.parametrize("name", sorted(GOLD["random_choice_with_mask_errors"]))
def test_random_choice_with_mask_errors(name):
    err = GOLD["random_choice_with_mask_errors"][name]
    calls = {
        "count_zero": lambda: P.RandomChoiceWithMask(count=0),
        "count_float": lambda: P.RandomChoiceWithMask(count=2.0),
        "seed_float": lambda: P.RandomChoiceWithMask(seed=1.0),
        "float_input": lambda: P.RandomChoiceWithMask(2)(Tensor(np.array([1.0, 0.0], np.float32))),
        "rank0_input": lambda: P.RandomChoiceWithMask(2)(Tensor(np.array(True))),
        "rank6_input": lambda: P.RandomChoiceWithMask(2)(Tensor(np.ones((1,) * 6, bool))),
        "ok_rank1": lambda: P.RandomChoiceWithMask(2)(Tensor(np.array([True, False]))),
    }
    if err is None:
        calls[name]()
    else:
        assert _raises(err, calls[name]) == err["message"]


@pytest.mark.parametrize("name", ["FloatStatus", "NPUAllocFloatStatus", "NPUGetFloatStatus", "NPUClearFloatStatus"])
def test_float_status_family_on_cpu(name):
    assert GOLD["float_status_cpu"]["construct"] is None
    prim = getattr(P, name)()
    assert getattr(ops, name) is getattr(P, name)
    args = {"FloatStatus": (Tensor(np.array([1.0, np.inf], np.float32)),),
            "NPUAllocFloatStatus": ()}.get(name, (Tensor(np.zeros(8, np.float32)),))
    err = GOLD["float_status_cpu"][name]
    assert _raises(err, lambda: prim(*args)) == err["message"]


@pytest.mark.skipif(not torch.cuda.is_available(), reason="FloatStatus computes on GPU only (the reference's kernel)")
def test_float_status_on_gpu():
    # the reference's documented GPU example: [log(-1), 1, log(0)] -> [1.]; a finite input -> [0.]
    fs = P.FloatStatus()
    bad = Tensor._make(torch.tensor([float("nan"), 1.0, float("-inf")], device="cuda"))
    good = Tensor._make(torch.tensor([1.0, 2.0], dtype=torch.float16, device="cuda"))
    r = fs(bad)
    assert r.shape == (1,) and str(r.dtype) == "Float32" and r.asnumpy().tolist() == [1.0]
    assert fs(good).asnumpy().tolist() == [0.0]


@pytest.mark.parametrize("name", sorted(GOLD["dynamic_rnn"]))
def test_dynamic_rnn_as_on_cpu(name):
    err = GOLD["dynamic_rnn"][name]
    h, i = 4, 3
    rnn_in = (Tensor(np.zeros((2, 1, i), np.float16)), Tensor(np.zeros((i + h, 4 * h), np.float16)),
              Tensor(np.zeros((4 * h,), np.float16)), None, Tensor(np.zeros((1, 1, h), np.float16)),
              Tensor(np.zeros((1, 1, h), np.float16)))
    calls = {
        "call_cpu": lambda: P.DynamicRNN()(*rnn_in),
        "construct": lambda: P.DynamicRNN(),
        "bad_cell_type": lambda: P.DynamicRNN(cell_type=1),
        "bad_cell_depth": lambda: P.DynamicRNN(cell_depth=1.0),
        "bad_keep_prob": lambda: P.DynamicRNN(keep_prob=1),
        "bad_time_major": lambda: P.DynamicRNN(time_major=1),
        "bad_direction_value": lambda: P.DynamicRNN(direction="BIDIRECTIONAL"),
        "bad_cell_type_value": lambda: P.DynamicRNN(cell_type="GRU"),
        "bad_activation_value": lambda: P.DynamicRNN(activation="relu"),
    }
    if err is None:
        calls[name]()
    else:
        assert _raises(err, calls[name]) == err["message"]


@pytest.mark.parametrize("name", ["ones_like", "zeros_like"])
@pytest.mark.parametrize("label", [lbl for lbl, _v in G.composite_inputs(Tensor)])
def test_composite_ones_zeros_like(name, label):
    from lightspore.ops import composite as C

    want = GOLD["composite"][name][label]
    value = dict(G.composite_inputs(Tensor))[label]
    got = G._call(getattr(C, name), value)
    if "error" in want:
        assert "error" in got, got
        with pytest.raises(Exception) as ei:
            getattr(C, name)(value)
        assert type(ei.value).__name__ == want["error"]["type"]
        assert got["error"]["message"].split(" args")[0] == want["error"]["message"].split(" args")[0]
    else:
        assert got == want


def test_composite_shares_ops_objects_and_add_flags():
    from lightspore.ops import composite as C

    for n, same in GOLD["composite_is_ops"].items():
        assert (getattr(C, n) is getattr(ops, n)) == same

    def g(x):
        return x
    assert (C.add_flags(g, predit=True) is g) == GOLD["add_flags"]["returns_fn"]
    assert g._func_graph_flags == GOLD["add_flags"]["flags"]
    assert C.add_flags(a=True, b=False)(lambda: 0)._func_graph_flags == GOLD["add_flags"]["decorator_flags"]


def test_get_cache_prim():
    from lightspore.ops._primitive_cache import _get_cache_prim

    g = GOLD["primitive_cache"]
    rs = _get_cache_prim(P.ReduceSum)(True)
    assert (rs is _get_cache_prim(P.ReduceSum)(True)) == g["same_instance"]
    assert (rs is _get_cache_prim(P.ReduceSum)(keep_dims=True)) == g["kw_same_as_positional"]
    assert (rs is not _get_cache_prim(P.ReduceSum)(False)) == g["other_args_other_instance"]
    assert (type(rs) is P.ReduceSum) == g["type_is_cls"]
    np.testing.assert_allclose(rs(Tensor(np.arange(6, dtype=np.float32).reshape(2, 3)), 1).asnumpy(), g["value"])


@pytest.mark.parametrize("k", range(len(G.ADAM_WD)))
def test_adam_weight_decay_primitive(k):
    want = GOLD["adam_weight_decay"][k]
    var0, m0, v0, g = G.adam_wd_inputs(k)
    var, m, v = (ms.Parameter(Tensor(a), name=n) for a, n in ((var0, "var"), (m0, "m"), (v0, "v")))
    out = P.AdamWeightDecay()(var, m, v, *G.ADAM_WD[k], Tensor(g))
    assert len(out) == want["n_out"]
    for got, key in ((var, "var"), (m, "m"), (v, "v")):
        np.testing.assert_allclose(got.asnumpy(), want[key], rtol=1e-5, atol=1e-7, err_msg=key)
    # the reference's CPU kernel returns zero-filled tensors of var's shape; lightspore returns the updated var
    assert np.shape(want["out_var"]) == out[0].shape


@pytest.mark.parametrize("name", sorted(GOLD["dynamic_gru_v2"]))
def test_dynamic_gru_v2_as_on_cpu(name):
    err = GOLD["dynamic_gru_v2"][name]
    h, i, b, steps = 4, 3, 2, 2
    gru_in = (Tensor(np.zeros((steps, b, i), np.float16)), Tensor(np.zeros((i, 3 * h), np.float16)),
              Tensor(np.zeros((h, 3 * h), np.float16)), Tensor(np.zeros((3 * h,), np.float16)),
              Tensor(np.zeros((3 * h,), np.float16)), None, Tensor(np.zeros((b, h), np.float16)))
    call = (lambda: P.DynamicGRUV2()(*gru_in)) if name == "call_cpu" else (lambda: P.DynamicGRUV2(**G.GRU_INIT[name]))
    if err is None:
        call()
    else:
        assert _raises(err, call) == err["message"]


@pytest.mark.parametrize("label", [c[0] for c in G.mixed_precision_inputs(Tensor)])
def test_mixed_precision_cast(label):
    _lbl, dst, value = next(c for c in G.mixed_precision_inputs(Tensor) if c[0] == label)
    assert G._call(F.mixed_precision_cast, getattr(ms, dst), value) == GOLD["mixed_precision_cast"][label]

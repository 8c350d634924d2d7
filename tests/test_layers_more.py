"""Attention/transformer, combined and the remaining ``nn`` cells against golden data from real MindSpore 2.7.1.

Golden data: tests/golden/gen_layers_more.py (cases and the shared call procedure in
tests/golden/layers_more_cases.py). For each case: parameter names/shapes/dtypes exactly; forward outputs,
parameters after a train-mode call, input gradients and parameter gradients (same weights, set with
``set_data``) at rtol 1e-4; the error type and message for bad arguments and bad inputs; signatures.
"""
import inspect
import json

import numpy as np
import pytest

import lightspore as ms
from lightspore import nn
from tests._golden import GOLDEN, error_matches, load_cases, run_cell_test

C = load_cases("layers_more_cases.py")
META = json.loads((GOLDEN / "layers_more.json").read_text())
DATA = np.load(GOLDEN / "layers_more.npz")

RTOL, ATOL = 1e-4, 1e-5


def _values(case_id, inputs):
    return [None if spec[0] == "same" else spec[1] if spec[0] in ("pyfloat", "py") else DATA[f"{case_id}/in{i}"]
            for i, (_, spec) in enumerate(inputs)]


@pytest.mark.parametrize("case", C.CASES, ids=[c[0] for c in C.CASES])
def test_layer_case(case, tmp_path):
    case_id, cls_name, kwargs, inputs, call_kwargs, opts = case
    info = META["cases"][case_id]
    names = [n for n, _, _ in info["params"]]
    want = {"params": info["params"]}
    cots, diff, ts = None, C.diff_positions(inputs), None
    if not opts.get("ctor_only"):
        want["values"] = {n: DATA[f"{case_id}/p/{n}"] for n in names}
        ts = C.to_tensors(inputs, _values(case_id, inputs), ms)
        want["out_dtypes"] = info["out_dtypes"]
        want["outs"] = [DATA[f"{case_id}/out{i}"] for i in range(info["n_out"])]
        if opts.get("train"):
            want["after"] = {n: DATA[f"{case_id}/after/{n}"] for n in names}
        if opts.get("grad", True):
            want["gx"] = {j: DATA[f"{case_id}/gx{j}"] for j in diff}
            want["gp"] = {n: DATA[f"{case_id}/gp/{n}"] for n in info["grad_params"]}
            cots = {i: DATA[f"{case_id}/cot{i}"] for i in range(info["n_out"]) if f"{case_id}/cot{i}" in DATA}

    def make_net():
        net = getattr(nn, cls_name)(**C.make_args(kwargs, ms))
        net.set_train(opts.get("train", False))
        return net

    run_cell_test(ms, make_net, ts, want, call=lambda n, a: C.call(n, inputs, C.resolve(inputs, a), call_kwargs),
                  diff=diff, cotangents=cots, ckpt_dir=tmp_path, what=case_id, rtol=RTOL, atol=ATOL,
                  check_initial=opts.get("keep", False))


# Messages that differ from the reference's only by an inherent name (a module path: mindspore.ops... against
# lightspore.ops...). Every other error must carry the reference's type (or a documented deliberate one,
# _golden.DELIBERATE_ERRORS) and the first line of its message word for word.
OTHER_WORDS = {"enc_act_ops_other"}
# Messages lightspore does not word as the reference yet (only the type is compared): the reference's AddExt/SubExt
# broadcast error, whose shape indices are not yet understood well enough to reproduce.
NOT_YET_WORDED = {"rnn_hx_shape", "mse_shape"}


def check_record(got, want, case_id):
    assert error_matches(got[0], want[0]), (got, want)
    if case_id not in OTHER_WORDS | NOT_YET_WORDED:
        assert got[1] == want[1], f"{case_id}: {got[1]!r} != the reference's {want[1]!r}"


@pytest.mark.parametrize("case", C.CTOR_ERRORS, ids=[c[0] for c in C.CTOR_ERRORS])
def test_ctor_error(case):
    case_id, cls_name, kwargs = case
    got = C.error_record(lambda: getattr(nn, cls_name)(**C.make_args(kwargs, ms)))
    check_record(got, META["ctor_errors"][case_id], case_id)


@pytest.mark.parametrize("case", C.CALL_ERRORS, ids=[c[0] for c in C.CALL_ERRORS])
def test_call_error(case):
    case_id, cls_name, kwargs, inputs, call_kwargs = case

    def go():
        net = getattr(nn, cls_name)(**C.make_args(kwargs, ms))
        values = C.make_values(inputs, np.random.default_rng(0))
        return C.call(net, inputs, C.to_tensors(inputs, values, ms), call_kwargs)

    check_record(C.error_record(go), META["call_errors"][case_id], case_id)


@pytest.mark.parametrize("name", C.class_names())
def test_signature(name):
    ours = str(inspect.signature(getattr(nn, name)))
    assert ours.replace("lightspore", "mindspore") == META["signatures"][name]


def test_unfold_documented_shape():
    """The reference has no CPU kernel for Unfold (ExtractImagePatches); its docstring example gives the shape."""
    net = nn.Unfold(ksizes=[1, 2, 2, 1], strides=[1, 2, 2, 1], rates=[1, 2, 2, 1])
    out = net(ms.Tensor(np.ones([2, 3, 6, 6]), dtype=ms.float16))
    assert out.shape == (2, 12, 2, 2)
    assert out.dtype == ms.float16


def test_no_init_parameters():
    want = META["no_init_parameters"]
    assert str(inspect.signature(nn.no_init_parameters)) == META["signatures"]["no_init_parameters"]
    assert getattr(ms.Parameter, "init_param", True) == want["before"]
    with nn.no_init_parameters():
        assert ms.Parameter.init_param == want["inside"]
        dense = nn.Dense(3, 2)
    assert ms.Parameter.init_param == want["after"]
    assert [[p.name, list(p.shape), str(p.dtype)] for p in dense.get_parameters()] == want["params"]
    w = np.arange(6, dtype=np.float32).reshape(2, 3)
    dense.weight.set_data(ms.Tensor(w))
    np.testing.assert_array_equal(dense.weight.asnumpy(), w)

"""Convolution, pooling, padding and image layers against golden data from real MindSpore 2.7.1.

Golden data: tests/golden/gen_layers_conv.py (cases in tests/golden/layers_conv_cases.py).
For each case: parameter names/shapes/dtypes exactly; forward outputs, input gradients and parameter
gradients (from the same weights, set with ``set_data``) at rtol 1e-4; error types for bad
arguments and bad inputs.
"""
import inspect
import json

import numpy as np
import pytest
from _golden import GOLDEN, load_cases  # noqa: E402

import lightspore as ms
from lightspore import nn

C = load_cases("layers_conv_cases.py")

META = json.loads((GOLDEN / "layers_conv.json").read_text())
DATA = np.load(GOLDEN / "layers_conv.npz")

RTOL, ATOL = 1e-4, 1e-5

# The layer classes this module checks (every case of these classes in the golden data runs).
LAYERS = {
    "Conv1d", "Conv3d", "Conv1dTranspose", "Conv2dTranspose", "Conv3dTranspose",
    "AvgPool1d", "AvgPool2d", "AvgPool3d", "MaxPool1d", "MaxPool3d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d",
    "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "AdaptiveMaxPool3d", "LPPool1d", "LPPool2d",
    "ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "ZeroPad2d", "ReflectionPad1d", "ReflectionPad2d",
    "ReflectionPad3d", "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d", "Pad",
    "Upsample", "PixelShuffle", "PixelUnshuffle", "Unflatten", "ChannelShuffle",
}
CASES = [c for c in C.CASES if c[1] in LAYERS]
CTOR_ERRORS = [c for c in C.CTOR_ERRORS if c[1] in LAYERS]
CALL_ERRORS = [c for c in C.CALL_ERRORS if c[1] in LAYERS]


def _close(got, want, what):
    got = np.asarray(got)
    assert got.shape == want.shape, f"{what}: shape {got.shape} != {want.shape}"
    if want.dtype.kind in "iu":
        np.testing.assert_array_equal(got, want, err_msg=what)
    else:
        np.testing.assert_allclose(got, want, rtol=RTOL, atol=ATOL, err_msg=what)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_layer_case(case):
    case_id, cls_name, kwargs, _shape = case
    info = META["cases"][case_id]
    net = getattr(nn, cls_name)(**C.make_args(kwargs))
    params = list(net.get_parameters())
    assert [[p.name, list(p.shape), str(p.dtype)] for p in params] == info["params"]
    for p in params:
        p.set_data(ms.Tensor(DATA[f"{case_id}/p/{p.name}"]))
    x = ms.Tensor(DATA[f"{case_id}/x"])
    out = net(x)
    outs = out if isinstance(out, tuple) else (out,)
    assert len(outs) == info["n_out"]
    assert [str(o.dtype) for o in outs] == info["out_dtypes"]
    for i, o in enumerate(outs):
        _close(o.asnumpy(), DATA[f"{case_id}/out{i}"], f"{case_id} output {i}")
    cot = ms.Tensor(DATA[f"{case_id}/cot"])

    def loss(inp):
        r = net(inp)
        if isinstance(r, tuple):
            r = r[0]
        return (r * cot).sum()

    if params:
        gx, gws = ms.grad(loss, grad_position=0, weights=params)(x)
        for p, g in zip(params, gws):
            _close(g.asnumpy(), DATA[f"{case_id}/gp/{p.name}"], f"{case_id} grad {p.name}")
    else:
        gx = ms.grad(loss, grad_position=0)(x)
    _close(gx.asnumpy(), DATA[f"{case_id}/gx"], f"{case_id} grad x")


def _raised(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return type(e).__name__
    return "ok"


@pytest.mark.parametrize("case", CTOR_ERRORS, ids=[c[0] for c in CTOR_ERRORS])
def test_ctor_error(case):
    case_id, cls_name, kwargs = case
    want = META["ctor_errors"][case_id][0]
    assert _raised(lambda: getattr(nn, cls_name)(**C.make_args(kwargs))) == want


@pytest.mark.parametrize("case", CALL_ERRORS, ids=[c[0] for c in CALL_ERRORS])
def test_call_error(case):
    case_id, cls_name, kwargs, shape = case
    want = META["call_errors"][case_id][0]
    net = getattr(nn, cls_name)(**C.make_args(kwargs))
    x = ms.Tensor(np.ones(shape, np.float32))
    assert _raised(lambda: net(x)) == want


NAMES = sorted(LAYERS)


@pytest.mark.parametrize("name", NAMES)
def test_signature(name):
    ref = META["signatures"][name]
    ours = str(inspect.signature(getattr(nn, name)))
    assert ours.replace("lightspore", "mindspore") == ref

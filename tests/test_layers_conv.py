"""Convolution, pooling, padding and image layers against golden data from real MindSpore 2.7.1.

Golden data: tests/golden/gen_layers_conv.py (cases in tests/golden/layers_conv_cases.py).
For each case: parameter names/shapes/dtypes exactly; forward outputs, input gradients and parameter
gradients (from the same weights, set with ``set_data``) at rtol 1e-4; the error type and message for
bad arguments and bad inputs.
"""
import inspect
import json

import numpy as np
import pytest
from _golden import GOLDEN, error_matches, load_cases, run_cell_test  # noqa: E402

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
CTOR_ERRORS = C.CTOR_ERRORS
CALL_ERRORS = C.CALL_ERRORS


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_layer_case(case, tmp_path):
    case_id, cls_name, kwargs, _shape = case
    info = META["cases"][case_id]
    want = {"params": info["params"], "out_dtypes": info["out_dtypes"],
            "values": {n: DATA[f"{case_id}/p/{n}"] for n, _, _ in info["params"]},
            "outs": [DATA[f"{case_id}/out{i}"] for i in range(info["n_out"])],
            "gx": {0: DATA[f"{case_id}/gx"]}, "gp": {n: DATA[f"{case_id}/gp/{n}"] for n, _, _ in info["params"]}}
    run_cell_test(ms, lambda: getattr(nn, cls_name)(**C.make_args(kwargs)), [ms.Tensor(DATA[f"{case_id}/x"])], want,
                  cotangents={0: DATA[f"{case_id}/cot"]}, ckpt_dir=tmp_path, what=case_id, rtol=RTOL, atol=ATOL)


# Messages that differ from the reference's only by an inherent name: none yet for these layers. Every other
# error must carry the reference's type (or a documented deliberate one, _golden.DELIBERATE_ERRORS) and the
# first line of its message word for word.
OTHER_WORDS = set()


def check_record(got, want, case_id):
    assert error_matches(got[0], want[0]), (got, want)
    if case_id not in OTHER_WORDS:
        assert got[1] == want[1], f"{case_id}: {got[1]!r} != the reference's {want[1]!r}"


@pytest.mark.parametrize("case", CTOR_ERRORS, ids=[c[0] for c in CTOR_ERRORS])
def test_ctor_error(case):
    case_id, cls_name, kwargs = case
    got = C.error_record(lambda: getattr(nn, cls_name)(**C.make_args(kwargs)))
    check_record(got, META["ctor_errors"][case_id], case_id)


@pytest.mark.parametrize("case", CALL_ERRORS, ids=[c[0] for c in CALL_ERRORS])
def test_call_error(case):
    case_id, cls_name, kwargs, shape = case
    net = getattr(nn, cls_name)(**C.make_args(kwargs))
    got = C.error_record(lambda: net(C.call_input(ms, shape)))
    check_record(got, META["call_errors"][case_id], case_id)


NAMES = sorted(LAYERS)


@pytest.mark.parametrize("name", NAMES)
def test_signature(name):
    ref = META["signatures"][name]
    ours = str(inspect.signature(getattr(nn, name)))
    assert ours.replace("lightspore", "mindspore") == ref

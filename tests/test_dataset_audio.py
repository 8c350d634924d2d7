"""lightspore.dataset.audio against golden data from MindSpore 2.7.1 (tests/golden/gen_dataset_audio.py): each
case of tests/golden/dataset_audio_cases.py is evaluated with lightspore; output dtypes and shapes must be equal,
values within the case's tolerance (rtol = atol), errors of the same type."""

import json
import os
import sys

import numpy as np
import pytest

import lightspore.dataset.audio as audio
import lightspore.dataset.audio.utils as U

HERE = os.path.join(os.path.dirname(__file__), "golden")
sys.path.insert(0, HERE)
from dataset_audio_cases import CASES, fill_enums, inputs  # noqa: E402

with open(os.path.join(HERE, "dataset_audio.json"), encoding="utf-8") as _f:
    GOLD = json.load(_f)["cases"]
ARR = dict(np.load(os.path.join(HERE, "dataset_audio.npz")))


def _flatten(value):
    if isinstance(value, (tuple, list)):
        return [a for v in value for a in _flatten(v)]
    return [np.asarray(value)]


@pytest.mark.parametrize("name,expr,tol", CASES, ids=[c[0] for c in CASES])
def test_case(name, expr, tol):
    env = {"audio": audio, "U": U, "np": np}
    env.update({k: v.copy() for k, v in inputs().items()})
    fill_enums(env, U)
    want = GOLD[name]
    if "error" in want:
        with pytest.raises(Exception) as info:
            eval(expr, env)
        assert type(info.value).__name__ == want["error"], f"{name}: {info.value!r}"
        head = " ".join(want["msg"].split()[:3])
        assert head in str(info.value), f"{name}: got {info.value}, want {want['msg']}"
        return
    outs = _flatten(eval(expr, env))
    assert [str(a.dtype) for a in outs] == want["dtypes"], name
    assert [list(a.shape) for a in outs] == want["shapes"], name
    for k, a in enumerate(outs):
        ref = ARR[f"{name}__{k}"]
        if tol == 0:
            np.testing.assert_array_equal(a, ref, err_msg=name)
        else:
            np.testing.assert_allclose(a, ref, rtol=tol, atol=tol, err_msg=name)


def test_every_case_has_golden():
    assert sorted(GOLD) == sorted(c[0] for c in CASES)


def test_module_paths():
    import lightspore.dataset as ds
    assert ds.audio is audio and audio.utils is U and audio.transforms.Spectrogram is audio.Spectrogram

"""lightspore.dataset.audio against golden data from MindSpore 2.7.1 (tests/golden/gen_dataset_audio.py): each
case of tests/golden/dataset_audio_cases.py and dataset_audio_more_cases.py is evaluated with lightspore; output
dtypes and shapes must be equal, values within the case's tolerance (rtol = atol), errors of the same type."""

import json
import os
import sys

import numpy as np
import pytest

import lightspore.dataset as ds
import lightspore.dataset.audio as audio
import lightspore.dataset.audio.utils as U

HERE = os.path.join(os.path.dirname(__file__), "golden")
sys.path.insert(0, HERE)
import dataset_audio_cases  # noqa: E402
import dataset_audio_more_cases  # noqa: E402

MODULES = {"dataset_audio": dataset_audio_cases, "dataset_audio_more": dataset_audio_more_cases}
GOLD, ARR = {}, {}
for _stem in MODULES:
    with open(os.path.join(HERE, f"{_stem}.json"), encoding="utf-8") as _f:
        GOLD[_stem] = json.load(_f)["cases"]
    ARR[_stem] = dict(np.load(os.path.join(HERE, f"{_stem}.npz")))
CASES = [(stem, *case) for stem, module in MODULES.items() for case in module.CASES]


def _flatten(value):
    if isinstance(value, (tuple, list)):
        return [a for v in value for a in _flatten(v)]
    return [np.asarray(value)]


def _seeded(seed, fn):
    ds.config.set_seed(seed)
    return fn()


@pytest.mark.parametrize("stem,name,expr,tol", CASES, ids=[c[1] for c in CASES])
def test_case(stem, name, expr, tol):
    module = MODULES[stem]
    env = {"audio": audio, "U": U, "np": np, "seeded": _seeded}
    env.update({k: v.copy() for k, v in module.inputs().items()})
    if hasattr(module, "fill_enums"):
        module.fill_enums(env, U)
    want = GOLD[stem][name]
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
        ref = ARR[stem][f"{name}__{k}"]
        if tol == 0:
            np.testing.assert_array_equal(a, ref, err_msg=name)
        else:
            np.testing.assert_allclose(a, ref, rtol=tol, atol=tol, err_msg=name)


# the recurrences of the IIR filters: with scipy they run in scipy.signal.lfilter; these cases run them again on the
# block formulation lightspore falls back to without scipy
IIR_CASES = [c for c in CASES if c[1] in {"riaa", "treble", "bass", "lowpass", "highpass", "bandpass", "bandreject",
                                          "allpass", "equalizer", "band", "deemph", "deemph_48k", "biquad", "lfilter",
                                          "lfilter_noclamp", "filtfilt", "filtfilt_noclamp", "overdrive",
                                          "overdrive_default"}]


@pytest.mark.parametrize("stem,name,expr,tol", IIR_CASES, ids=[c[1] for c in IIR_CASES])
def test_iir_without_scipy(monkeypatch, stem, name, expr, tol):
    from lightspore.dataset.audio import _iir
    monkeypatch.setattr(_iir, "_scipy_lfilter", None)
    test_case(stem, name, expr, tol)


def test_iir_blocks_long_signal():
    """Many blocks (and a partial last one) of a third-order filter: the block form equals the difference equation
    evaluated sample by sample."""
    from lightspore.dataset.audio import _iir
    x = np.random.default_rng(1).standard_normal((3, 2 * _iir._BLOCK + 37)) * 0.3
    a, b = [1.0, -1.2, 0.5, -0.08], [0.2, 0.1, 0.05, 0.01]
    want = np.zeros_like(x)
    for n in range(x.shape[1]):
        for k in range(4):
            if n - k >= 0:
                want[:, n] += b[k] * x[:, n - k] - (a[k] * want[:, n - k] if k else 0.0)
    np.testing.assert_allclose(_iir.lfilter(x, a, b, False, engine="blocks"), want, rtol=1e-10, atol=1e-12)


def test_every_case_has_golden():
    for stem, module in MODULES.items():
        assert sorted(GOLD[stem]) == sorted(c[0] for c in module.CASES)


def test_module_paths():
    import lightspore.dataset as ds
    assert ds.audio is audio and audio.utils is U and audio.transforms.Spectrogram is audio.Spectrogram

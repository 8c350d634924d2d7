"""The whole ``mindspore.numpy`` namespace vs real MindSpore 2.7.1.

Golden data: tests/golden/msnumpy_full.json, written by tests/golden/gen_msnumpy_full.py run with the reference
python. Each case expression runs on lightspore and must give the reference's dtype, shape and values (float
rtol 1e-4, exact for ints and bools) or raise the reference's error type.
"""
import inspect
import json
import math
import os
import sys

import numpy as np
import pytest

import lightspore as ms

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "golden"))
import gen_msnumpy_full as gen  # noqa: E402

with open(os.path.join(os.path.dirname(__file__), "golden", "msnumpy_full.json")) as f:
    GOLDEN = json.load(f)

# Reference names lightspore does not export (empty when everything is built).
NOT_BUILT = set()

CASES = [(name, i, expr, res) for name, items in GOLDEN["cases"].items() for i, (expr, res) in enumerate(items)]


def _close(got, exp, path):
    if isinstance(exp, list):
        assert isinstance(got, list) and len(got) == len(exp), f"{path}: {got!r} vs {exp!r}"
        for g, e in zip(got, exp):
            _close(g, e, path)
        return
    if isinstance(exp, float) and math.isnan(exp):
        assert isinstance(got, float) and math.isnan(got), f"{path}: {got!r} vs nan"
        return
    if isinstance(exp, float) or isinstance(got, float):
        assert got == pytest.approx(exp, rel=1e-4, abs=1e-5), f"{path}: {got!r} vs {exp!r}"
        return
    assert got == exp, f"{path}: {got!r} vs {exp!r}"


def _compare(got, exp, path):
    if "err" in exp:
        assert "err" in got, f"{path}: the reference raises {exp['err']}, lightspore gave {got}"
        assert got["err"] == exp["err"], f"{path}: {got['err']} vs the reference's {exp['err']}"
        return
    assert "err" not in got, f"{path}: lightspore raised {got['err']}: {got.get('msg')}"
    if "seq" in exp:
        assert got.get("seq") == exp["seq"], f"{path}: {got.get('seq')} vs {exp['seq']}"
        assert len(got["items"]) == len(exp["items"]), f"{path}: length"
        for k, (g, e) in enumerate(zip(got["items"], exp["items"])):
            _compare(g, e, f"{path}[{k}]")
        return
    if "d" in exp:
        assert got.get("d") == exp["d"], f"{path}: dtype {got.get('d')} vs {exp['d']}"
        assert got["s"] == exp["s"], f"{path}: shape {got['s']} vs {exp['s']}"
        _close(got["v"], exp["v"], path)
        return
    assert got == exp or (exp.get("py") == "float" and got.get("py") == "float"
                          and (got["v"] == exp["v"] or (math.isnan(got["v"]) and math.isnan(exp["v"])))), \
        f"{path}: {got} vs {exp}"


@pytest.fixture(scope="module")
def env():
    ms.set_seed(0)
    return gen._inputs(ms)


def _run(expr, env):
    try:
        return gen.encode(eval(expr, {"__name__": "msnumpy_cases", "mnp": ms.numpy, "ms": ms, "np": np, **env}))   # noqa: S307 - the generator's cases
    except Exception as e:   # noqa: BLE001 - the error type is the result
        return {"err": type(e).__name__, "msg": str(e)[:300]}


@pytest.mark.parametrize("name,expr,res", [(c[0], c[2], c[3]) for c in CASES], ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_case(name, expr, res, env):
    _compare(_run(expr, env), res, expr)


def test_names_match_reference():
    ref = set(GOLDEN["names"]["all"])
    assert set(ms.numpy.__all__) == ref - NOT_BUILT
    for n in GOLDEN["names"]["extra"]:
        assert hasattr(ms.numpy, n), n
    assert set(ms.numpy.fft.__all__) == set(GOLDEN["names"]["fft"])


def test_every_name_has_a_case():
    exprs = " ".join(e for items in GOLDEN["cases"].values() for e, _ in items)
    dtype_names = set(GOLDEN["names"]["all"]) & set(ms.numpy.numeric_types)
    missing = [n for n in GOLDEN["names"]["all"] if n not in GOLDEN["cases"] and n not in dtype_names]
    missing += [n for n in GOLDEN["names"]["fft"] if f"fft.{n}(" not in exprs]
    assert not missing


@pytest.mark.parametrize("name", sorted(GOLDEN["signatures"]))
def test_signature(name):
    obj = ms.numpy
    for part in name.split("."):
        obj = getattr(obj, part)
    assert str(inspect.signature(obj)) == GOLDEN["signatures"][name]


def test_submodule_paths():
    import importlib
    for sub in ("array_creations", "array_ops", "math_ops", "logic_ops", "dtypes", "fft"):
        mod = importlib.import_module(f"lightspore.numpy.{sub}")
        assert mod is getattr(ms.numpy, sub)
    assert ms.numpy.dtypes.int_ is ms.int32 and ms.numpy.uint is ms.uint32


_ = np


def test_deviations_are_recorded():
    """Each case where lightspore computes what the reference fails on keeps the reference's own result."""
    devs = [(e, r) for items in GOLDEN["cases"].values() for e, r in items if "deviation" in r]
    assert len(devs) == len(gen.DEVIATIONS)
    for e, r in devs:
        assert e in gen.DEVIATIONS and "reference" in r

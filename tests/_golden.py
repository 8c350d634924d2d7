"""Loading the golden data and the case modules shared with the generators (tests/golden/*_cases.py)."""
import importlib.util
import sys
from pathlib import Path

GOLDEN = Path(__file__).parent / 'golden'


def load_cases(filename='core_cases.py'):
    """Import tests/golden/<filename> once (it is not a package module) and return it."""
    name = '_lightspore_golden_' + filename[:-3]
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, GOLDEN / filename)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


# Deliberate differences in error types, each documented: lightspore raises ``ShapeRuntimeError`` (a subclass of
# both ValueError and RuntimeError, common/_errors.py) where the reference's kernels raise RuntimeError for a bad
# value found while running (an index out of range, a shape the kernel refuses), and ``StateDictError`` (one of
# those) where Cell.load_state_dict refuses a state dict. Nothing else may differ: an error matches the reference
# only when its type has the reference's exact name or is listed here against it.
DELIBERATE_ERRORS = {"RuntimeError": ("ShapeRuntimeError", "StateDictError")}


def error_matches(got_name, want_name):
    """True when lightspore's error type ``got_name`` stands for the reference's ``want_name`` (exact, or a
    documented deliberate difference)."""
    return got_name == want_name or got_name in DELIBERATE_ERRORS.get(want_name, ())


def check_error(err, want_name, keywords=(), ref_message=None):
    """Assert that the exception ``err`` (or None when nothing was raised) matches the reference's ``want_name``
    and mentions every keyword (case-insensitive)."""
    ref = f" (reference: {ref_message!r})" if ref_message else ""
    assert err is not None, f"expected {want_name}{ref}, nothing raised"
    got = type(err).__name__
    assert error_matches(got, want_name), f"expected {want_name}{ref}, got {got}: {err}"
    message = str(err).lower()
    for kw in keywords:
        assert kw.lower() in message, f"{kw!r} missing from {str(err)!r}{ref}"


def raised(fn):
    """The exception ``fn()`` raises, or None."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - any type may be the reference's
        return e
    return None


_SCALARS = (bool, int, float, str, type(None))


def first_diff(got, want, path='', rel=1e-4, atol=1e-6):
    """The path and values of the first difference between two JSON-like values, or None if equal.

    Types compare too: ``1``, ``1.0`` and ``True`` differ. Floats compare with rtol/atol (float32 rtol 1e-4; NaN
    equals NaN). A reference error ``{"error": T}`` is matched by a lightspore error ``{"error": T', ...}`` when
    ``error_matches(T', T)``: the same type name, or a documented deliberate difference.
    """
    import math
    if isinstance(want, dict) and 'error' in want:
        ok = isinstance(got, dict) and 'error' in got and error_matches(got['error'], want['error'])
        return None if ok else (path, got, want)
    if isinstance(want, _SCALARS) or isinstance(got, _SCALARS):
        if type(got) is not type(want):
            return (path + ' (type)', got, want)
        if isinstance(want, float):
            if (math.isnan(got) and math.isnan(want)) or got == want or abs(got - want) <= rel * abs(want) + atol:
                return None
            return (path, got, want)
        return None if got == want else (path, got, want)
    if isinstance(got, list) and isinstance(want, list):
        if len(got) != len(want):
            return (path + ' (length)', len(got), len(want))
        for i, (a, b) in enumerate(zip(got, want)):
            d = first_diff(a, b, f'{path}[{i}]', rel, atol)
            if d:
                return d
        return None
    if isinstance(got, dict) and isinstance(want, dict):
        if got.keys() != want.keys():
            return (path + ' (keys)', sorted(got), sorted(want))
        for k in want:
            d = first_diff(got[k], want[k], f'{path}.{k}', rel, atol)
            if d:
                return d
        return None
    return None if got == want else (path, got, want)


def json_case_suite(cases_module, json_name, ms):
    """The two tests of a JSON-golden case table (``CASES``: name -> function of the framework module):
    every case has golden data, and each case's result equals the reference's (``first_diff``).

        test_all_cases_have_golden, test_case = json_case_suite('composite_cases', 'composite.json', ms)
    """
    import json

    import pytest

    if str(GOLDEN) not in sys.path:
        sys.path.insert(0, str(GOLDEN))
    import importlib
    cases = importlib.import_module(cases_module).CASES
    gold = json.loads((GOLDEN / json_name).read_text())

    def test_all_cases_have_golden():
        assert set(cases) == set(gold)

    @pytest.mark.parametrize("name", sorted(cases))
    def test_case(name):
        got = json.loads(json.dumps(cases[name](ms)))
        d = first_diff(got, gold[name])
        assert d is None, f"{name}{d[0]}: got {d[1]!r}, want {d[2]!r}"

    return test_all_cases_have_golden, test_case

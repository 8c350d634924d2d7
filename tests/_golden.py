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


def outcome(fn):
    """'ok', or the type name of the exception ``fn()`` raises (compare with ``error_matches`` or ``==``)."""
    err = raised(fn)
    return "ok" if err is None else type(err).__name__


def close(got, want, what, rtol=1e-4, atol=1e-5):
    """Shape exactly; integer/bool values exactly; floats at rtol/atol (NaN equals NaN)."""
    import numpy as np
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape, f"{what}: shape {got.shape} != {want.shape}"
    if want.dtype.kind in "iub":
        np.testing.assert_array_equal(got, want, err_msg=what)
    else:
        np.testing.assert_allclose(got, want, rtol=rtol, atol=atol, err_msg=what)


def _flat(out):
    if isinstance(out, (tuple, list)):
        return tuple(o for x in out for o in _flat(x))
    return (out,)


def run_cell_test(ms, make_net, args, want, *, call=None, diff=(0,), cotangents=None, ckpt_dir=None, lr=0.1,
                  what="cell", rtol=1e-4, atol=1e-5, check_initial=False):
    """One check of a Cell against the reference's golden data, like Keras's run_layer_test.

    ``make_net()`` builds the cell; ``args`` are its inputs (Tensors or plain values); ``call(net, args)`` runs it
    (default ``net(*args)``). ``want`` holds the reference's data:

    * ``params``: ``[[name, shape, dtype], ...]`` of ``get_parameters()``, compared exactly;
    * ``values``: ``{name: array}`` set into the parameters before the call (the same weights on both sides; with
      ``check_initial`` the initial values are compared with them first);
    * ``out_dtypes`` and ``outs``: the flattened outputs' dtype names and values (without ``outs``, only the
      parameters are checked); ``after``: ``{name: array}`` the parameters after a train-mode call;
    * ``gx``: ``{position: array}`` input gradients and ``gp``: ``{name: array}`` parameter gradients of
      ``sum(out_i * cotangents[i])`` (``cotangents``: ``{output index: array}``), when given.

    Then, from the same data: a checkpoint round trip (``save_checkpoint`` into ``ckpt_dir``, a fresh cell,
    ``load_checkpoint`` + ``load_param_into_net``; cells with parameters) gives the reference's outputs again, and
    one ``nn.SGD(lr)`` step with the computed gradients leaves every trainable parameter at ``value - lr * gp`` of
    the reference.
    """
    import numpy as np
    call = call or (lambda n, a: n(*a))
    net = make_net()
    params = list(net.get_parameters())
    assert [[p.name, list(p.shape), str(p.dtype)] for p in params] == want["params"], f"{what}: parameters"
    if "values" not in want:
        return
    for p in params:
        if check_initial:
            close(p.asnumpy(), want["values"][p.name], f"{what} initial {p.name}", rtol, atol)
        p.set_data(ms.Tensor(want["values"][p.name]))
    if "outs" not in want:
        return
    path = None
    if ckpt_dir is not None and params:
        path = str(ckpt_dir / f"{what.replace('/', '_')}.ckpt")
        ms.save_checkpoint(net, path)
    outs = _flat(call(net, args))
    assert [str(o.dtype) for o in outs] == want["out_dtypes"], f"{what}: output dtypes"
    for i, (o, w) in enumerate(zip(outs, want["outs"])):
        close(o.asnumpy(), w, f"{what} output {i}", rtol, atol)
    if "after" in want:          # a train-mode call moved some parameters (moving statistics)
        for p in params:
            close(p.asnumpy(), want["after"][p.name], f"{what} {p.name} after the call", rtol, atol)
            p.set_data(ms.Tensor(want["values"][p.name]))
    if path is not None:
        again = make_net()
        not_loaded = ms.load_param_into_net(again, ms.load_checkpoint(path))
        assert not list(not_loaded[0] if isinstance(not_loaded, tuple) else not_loaded), f"{what}: ckpt round trip"
        for i, (o, w) in enumerate(zip(_flat(call(again, args)), want["outs"])):
            close(o.asnumpy(), w, f"{what} output {i} after a checkpoint round trip", rtol, atol)
    if "gx" not in want and "gp" not in want:
        return
    cots = {i: ms.Tensor(c) for i, c in (cotangents or {}).items()}
    diff = tuple(diff)
    weights = list(net.trainable_params())

    def loss(*xs):
        cur = list(args)
        for j, x in zip(diff, xs):
            cur[j] = x
        o = _flat(call(net, cur))
        total = None
        for i, c in cots.items():
            term = (o[i] * c).sum()
            total = term if total is None else total + term
        return total
    xs = [args[j] for j in diff]
    if not diff and not weights:
        return
    res = ms.grad(loss, grad_position=tuple(range(len(diff))) if diff else None, weights=weights or None)(*xs)
    if diff and weights:
        gxs, gws = res
    elif diff:
        gxs, gws = res, ()
    else:
        gxs, gws = (), res
    if not isinstance(gxs, (tuple, list)):
        gxs = (gxs,)
    for j, g in zip(diff, gxs):
        close(g.asnumpy(), want["gx"][j], f"{what} grad input {j}", rtol, atol)
    for p, g in zip(weights, gws):
        close(g.asnumpy(), want["gp"][p.name], f"{what} grad {p.name}", rtol, atol)
    if weights and lr:
        ms.nn.SGD(weights, learning_rate=lr)(tuple(gws))
        for p in weights:
            expect = np.asarray(want["values"][p.name], np.float64) - lr * np.asarray(want["gp"][p.name], np.float64)
            close(p.asnumpy(), expect.astype(np.asarray(want["values"][p.name]).dtype),
                  f"{what} {p.name} after one SGD step", rtol, max(atol, 1e-6))


def read_varint(b, i):
    """A protobuf base-128 varint in ``b`` at ``i`` -> (value, index after it): for the tests that read files the
    reference wrote (summary event files) with a small parser of their own rather than lightspore's writer."""
    n = shift = 0
    while True:
        x = b[i]
        i += 1
        n |= (x & 0x7F) << shift
        shift += 7
        if not x & 0x80:
            return n, i

"""Dynamic shapes under ms.jit / GRAPH_MODE: ``Symbol``, ``enable_dynamic`` and unknown-rank input specs, checked
against the reference (tests/golden/gen_jit_dynamic.py, cases in tests/golden/jit_dynamic_cases.py; golden data per
release) and for their recompilation behaviour: an input whose dynamic dimensions change is not recompiled."""
import json

import numpy as np
import pytest
from _golden import GOLDEN, load_cases

import lightspore as ms
from lightspore import ops
from lightspore._compile import jit_stats

C = load_cases('jit_dynamic_cases.py')
REF = json.loads((GOLDEN / f'jit_dynamic_{ms.get_release()}.json').read_text())


@pytest.fixture(autouse=True)
def _backend(monkeypatch):
    monkeypatch.setenv('LIGHTSPORE_JIT_BACKEND', 'aot_eager')
    monkeypatch.delenv('LIGHTSPORE_JIT', raising=False)
    yield
    ms.set_context(mode=ms.PYNATIVE_MODE)


def same_outcome(got, want, what):
    """('ok', value) against the reference's, or the error type and the message's first line."""
    assert got[0] == want[0], f'{what}: {got} != {want}'
    if got[0] == 'ok':
        if isinstance(want[1], list):
            np.testing.assert_allclose(np.asarray(got[1]), np.asarray(want[1]), rtol=1e-5, atol=1e-6, err_msg=what)
        else:
            assert got[1] == want[1], what
    else:
        assert str(got[1]).splitlines()[0] == str(want[1]).splitlines()[0], what


@pytest.mark.parametrize('index', range(len(REF['symbols'])))
def test_symbol_arguments_and_info(index):
    kw, want = REF['symbols'][index]
    same_outcome(C.outcome(lambda: C.symbol_info(ms, kw)), want, f'Symbol(**{kw})')


def test_symbol_str_and_spec_shapes():
    assert str(ms.Symbol(max=8, min=2)) == REF['symbol_str']
    assert C.spec_shapes(ms) == REF['spec_shapes']
    from lightspore.common.symbol import Symbol
    assert Symbol is ms.Symbol


@pytest.mark.parametrize('case', sorted(REF['enable_dynamic_checks']))
def test_enable_dynamic_argument_checks(case):
    same_outcome(C.enable_dynamic_checks(ms)[case], REF['enable_dynamic_checks'][case], case)


def test_enable_dynamic_values_errors_and_one_graph():
    keep = {}
    got = C.enable_dynamic_values(ms, keep)
    want = REF['enable_dynamic_values']
    assert sorted(got) == sorted(want)
    for k in want:
        same_outcome(got[k] if k.startswith('wrong') else ['ok', got[k]], want[k] if k.startswith('wrong')
                     else ['ok', want[k]], k)
    # four row counts (three compiled calls after the eager first one): one shape-generic graph each
    assert jit_stats(keep['f']) == (1, [])
    assert jit_stats(keep['g']) == (1, [])


def test_without_enable_dynamic_each_shape_compiles():
    @ms.jit
    def f(x):
        return ops.tanh(x) * 2

    for rows in C.ROWS:
        f(ms.Tensor(np.ones((rows, 4), np.float32)))
    assert jit_stats(f)[0] == len(C.ROWS) - 1


def test_enable_dynamic_on_a_method_and_below_jit():
    class Model:
        @ms.enable_dynamic(x=ms.Tensor(shape=[None], dtype=ms.float32))
        @ms.jit
        def scale(self, x):
            return x * 3

    @ms.jit
    @ms.enable_dynamic(x=ms.Tensor(shape=[None, None], dtype=ms.float32))
    def h(x):
        return ops.exp(x).sum()

    m = Model()
    for n in (3, 4, 6, 9):
        np.testing.assert_allclose(m.scale(ms.Tensor(np.arange(n, dtype=np.float32))).asnumpy(), np.arange(n) * 3)
        np.testing.assert_allclose(h(ms.Tensor(np.zeros((n, n + 1), np.float32))).asnumpy(), n * (n + 1), rtol=1e-6)
    assert jit_stats(h) == (1, [])
    assert jit_stats(Model.scale)[0] == 1


def test_graph_mode_symbol_inputs_checked_and_one_graph():
    ms.set_context(mode=ms.GRAPH_MODE)
    keep = {}
    got = C.symbol_inputs_values(ms, keep)
    want = REF['symbol_inputs_values']
    assert sorted(got) == sorted(want)
    for k in want:
        same_outcome(got[k], want[k], k)
    # sizes in the Symbols' ranges after the eager first call: one graph; the rejected ones never compile
    assert jit_stats(keep['cls']) == (1, [])

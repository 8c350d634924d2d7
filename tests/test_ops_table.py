"""The op table checked against real MindSpore 2.7.1: every case of tests/golden/ops_cases.py in every
form the reference has (functional, primitive, Tensor method): values (float32 rtol 1e-4), dtypes,
shapes, input gradients, error types, and statistics for random ops.

Golden data: tests/golden/ops.{json,npz}, written by tests/golden/gen_ops.py.
"""
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

import lightspore as ms

GOLDEN = Path(__file__).parent / 'golden'


def _load_cases():
    name = '_lightspore_golden_ops_cases'
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, GOLDEN / 'ops_cases.py')
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


C = _load_cases()
META = json.loads((GOLDEN / 'ops.json').read_text())
NPZ = dict(np.load(GOLDEN / 'ops.npz'))
PARAMS = [(c, f) for c in C.CASES for f in c.forms if c.cid in META and f in META[c.cid]['forms']]


@pytest.mark.parametrize('case,form', PARAMS, ids=[f'{c.cid}-{f}' for c, f in PARAMS])
def test_op(case, form):
    C.check_form(ms, case, form, META[case.cid]['forms'][form], NPZ)


GRADS = [c for c in C.CASES if c.cid in META and META[c.cid].get('grad')]


@pytest.mark.parametrize('case', GRADS, ids=[c.cid for c in GRADS])
def test_grad(case):
    for i, g in enumerate(C.grads(ms, case)):
        C.close(g, NPZ[f'{case.cid}|grad|{i}'], case, f'{case.cid} grad {i}')


def test_table_complete():
    """Every case ran in the reference (the golden file is not stale)."""
    assert {c.cid for c in C.CASES} == set(META)


RANDOM = [c for c in C.CASES if c.random and c.random[2] < 1e30 and not c.err and c.cid in META]


@pytest.mark.parametrize('case', RANDOM, ids=[c.cid for c in RANDOM])
def test_random_reproducible(case):
    """``set_seed`` makes every random op repeat its draws; consecutive calls differ."""
    form = case.forms[0]
    ms.set_seed(123)
    a = C.outputs(C.call(ms, case, form))[0][0]
    b = C.outputs(C.call(ms, case, form))[0][0]
    ms.set_seed(123)
    a2 = C.outputs(C.call(ms, case, form))[0][0]
    np.testing.assert_array_equal(a, a2)
    if a.size > 100:
        assert not np.array_equal(a, b)


# ---------------------------------------------------------------------------------------------
# the table's strictness and primitive attributes
# ---------------------------------------------------------------------------------------------
def test_registering_a_name_twice_raises():
    from lightspore.ops import _table
    for registry in (_table.OPS, _table.PRIMS, _table.METHODS, _table.MINT):
        name = next(iter(registry))
        with pytest.raises(ValueError, match='registered twice'):
            registry[name] = registry[name]
        with pytest.raises(TypeError, match='explicitly'):
            registry.setdefault(name, None)
    with pytest.raises(ValueError, match='registered twice'):
        _table.op('add')(lambda input, other: input)


def test_no_method_is_shadowed_by_the_tensor_class():
    """Every registered Tensor method is the one Tensor exposes (none hidden by a name Tensor defines itself)."""
    from lightspore.common.tensor import Tensor
    from lightspore.ops._table import METHODS
    shadowed = [n for n, f in METHODS.items() if getattr(Tensor, n) is not f and not isinstance(f, property)]
    assert not shadowed


ATTRS_SPEC = importlib.util.spec_from_file_location('_lightspore_prim_attrs_cases', GOLDEN / 'prim_attrs_cases.py')
ATTRS = importlib.util.module_from_spec(ATTRS_SPEC)
ATTRS_SPEC.loader.exec_module(ATTRS)
ATTRS_GOLDEN = json.loads((GOLDEN / 'prim_attrs.json').read_text())
# primitives whose attrs still differ from the reference's (none: ops/_table.REF_ATTRS puts enums, shapes and the
# reference's constants in its form): listed so that a new difference, or a fixed one, fails this test
ATTRS_KNOWN_DIFFERENT = set()


def test_primitive_attrs_like_the_reference():
    """``Primitive.attrs`` of every primitive both frameworks have, built as gen_prim_attrs.py builds them."""
    same, different = [], []
    for name, ref in ATTRS_GOLDEN.items():
        cls = getattr(ms.ops, name, None)
        if cls is None:
            continue
        got = ATTRS.record(cls(*ATTRS.ARGS.get(name, ())))
        (same if got == ref else different).append(name)
    assert len(same) > 300
    assert set(different) == ATTRS_KNOWN_DIFFERENT, (sorted(set(different) - ATTRS_KNOWN_DIFFERENT),
                                                     sorted(ATTRS_KNOWN_DIFFERENT - set(different)))
    for name in ('BroadcastTo', 'ScatterAdd', 'InplaceAdd', 'ReduceSum', 'MatMul', 'Concat', 'Gather'):
        assert name in same


# ---------------------------------------------------------------------------------------------
# errors whose words came from torch: the reference's type, its key words, none of torch's
# ---------------------------------------------------------------------------------------------
ERR_SPEC = importlib.util.spec_from_file_location('_lightspore_op_errors_cases', GOLDEN / 'op_errors_cases.py')
ERR = importlib.util.module_from_spec(ERR_SPEC)
ERR_SPEC.loader.exec_module(ERR)
ERR_GOLDEN = json.loads((GOLDEN / 'op_errors.json').read_text())


@pytest.mark.parametrize('case', list(ERR.cases))
def test_op_error_like_the_reference(case):
    from _golden import raised
    action, keywords = ERR.cases[case]
    ref = ERR_GOLDEN[case]
    err = raised(lambda: ERR.materialize(action(ms)))
    assert err is not None, f'{case}: nothing raised, the reference raised {ref["raises"]}'
    assert type(err).__name__ == ref['raises'], (case, type(err), str(err), ref)
    if keywords is None:        # compared word for word
        assert str(err).split('\n')[0] == ref['message'], (case, str(err))
        return
    for kw in keywords:
        assert kw.lower() in str(err).lower(), (case, kw, str(err))
    ref_words = (ref['message'] or '').lower()      # torch's phrase is allowed where the reference says it too
    assert not [w for w in ERR.TORCH_WORDS if w.lower() in str(err).lower() and w.lower() not in ref_words], (
        case, str(err))

"""Every op of the table that has sample inputs (``@op(..., samples=...)``), through every form it has (functional,
primitive, Tensor method, mint), against real MindSpore 2.7.1: result dtypes, shapes and values (float32 rtol
1e-4), or the exact error type; and lightspore's forms agree with each other wherever the reference's do.

Golden data: tests/golden/op_samples.{json,npz}, written by tests/golden/gen_op_samples.py.
"""
import json

import numpy as np
import pytest
from _golden import GOLDEN, load_cases

import lightspore as ms
from lightspore.ops import _samples
from lightspore.ops._table import OPS, SPECS

C = load_cases('op_samples_cases.py')
GOLD = json.loads((GOLDEN / 'op_samples.json').read_text())
NPZ = dict(np.load(GOLDEN / 'op_samples.npz'))
MANIFEST = C.manifest(ms)
REF_ARRAYS = {}     # 'op|sample|form' -> the reference's arrays of that result, in order
for _k in sorted(NPZ):
    REF_ARRAYS.setdefault('|'.join(_k.split('|')[:3]), []).append(NPZ[_k])
# random ops: their draws differ from the reference's (other generators), so dtypes and shapes are compared (and
# the property of a ``Prop`` sample, which holds whatever the draws)
RANDOM = {n for n, s in SPECS.items() if (s.impl.__module__ or '').endswith('._random')}
# (op, sample, form) results that still differ from the reference, each with its reason; a fixed one fails the test
KNOWN_DIFFERENT = {
    # the reference's CPU Round kernel takes decimals=0 only ("For Round only support decimals equal 0")
    'round|4|functional': 'CPU kernel limit', 'round|4|method:round': 'CPU kernel limit',
    # the reference ignores right=True (it answers as side='left'); lightspore follows the documented meaning
    'searchsorted|1|functional': 'reference ignores right', 'searchsorted|1|mint:searchsorted': 'idem',
    # the reference's Xlogy and Zeta primitives refuse a Python number and broadcasting, which their functional
    # forms accept; lightspore's primitives take what the functional form takes
    'xlogy|3|primitive:Xlogy': 'primitive refuses a number', 'zeta|3|primitive:Zeta': 'idem',
    'zeta|1|primitive:Zeta': 'primitive refuses broadcasting',
}


def test_golden_is_current():
    """The golden file holds exactly the specs that have samples, with the same samples and forms."""
    assert sorted(MANIFEST) == sorted(GOLD)
    for name, entry in MANIFEST.items():
        assert entry['samples'] == GOLD[name]['samples'], name
        for forms in GOLD[name]['results']:
            assert set(forms) <= set(entry['forms']), name


def test_sample_coverage():
    """How much of the table is covered by samples (the count is reported; it may only grow)."""
    with_samples = sum(1 for s in SPECS.values() if s.samples)
    assert 'rand' in RANDOM and 'add' not in RANDOM
    assert with_samples == len(GOLD)
    assert with_samples >= 614, (with_samples, len(SPECS), len(OPS))


def _tol(dtype):
    return (1e-3, 1e-3) if dtype in ('Float16', 'BFloat16') else (1e-4, 1e-5)


def _compare(got, got_arrays, want, where, ref, values=True):
    """Assert the lightspore record ``got`` (its arrays in ``got_arrays`` under ``where``) equals the reference record
    ``want`` (its arrays in the golden file under ``ref``); returns lightspore's arrays in order."""
    if 'raises' in want:
        assert 'raises' in got, f'{where}: the reference raised {want["raises"]} ({want["message"]}), got {got}'
        assert got['raises'] == want['raises'], f'{where}: {got} != reference {want}'
        return [got['raises']]
    assert 'raises' not in got, f'{where}: raised {got}, the reference returned {want}'
    if 'seq' in want:
        assert got.get('seq') == want['seq'] and len(got['items']) == len(want['items']), (where, got, want)
        return [a for i, (g, w) in enumerate(zip(got['items'], want['items']))
                for a in _compare(g, got_arrays, w, f'{where}|{i}', f'{ref}|{i}', values)]
    if 'py' in want:
        assert got == want, (where, got, want)
        return [got.get('value')]
    assert got.get('dtype') == want['dtype'] and got['shape'] == want['shape'], (where, got, want)
    a, w = got_arrays[where], NPZ[ref]
    if not values:
        return []
    rtol, atol = _tol(want['dtype'])
    if a.dtype.kind in 'fc':
        np.testing.assert_allclose(a, w, rtol=rtol, atol=atol, equal_nan=True, err_msg=where)
    else:
        np.testing.assert_array_equal(a, w, err_msg=where)
    return [a]


def _same(xs, ys):
    return len(xs) == len(ys) and all(np.array_equal(np.asarray(x), np.asarray(y), equal_nan=np.asarray(x).dtype.kind
                                                     in 'fc') for x, y in zip(xs, ys))


@pytest.mark.parametrize('name', sorted(GOLD))
def test_op_samples(name):
    spec = SPECS[name]
    failures = []
    for i, (sample, ref_forms) in enumerate(zip(spec.samples, GOLD[name]['results'])):
        outs = {}
        for form, want in ref_forms.items():
            key = ref = f'{name}|{i}|{form}'
            if 'same_as' in want:       # the reference gave what an earlier form gave
                ref = f'{name}|{i}|{want["same_as"]}'
                want = ref_forms[want['same_as']]
            if 'no_kernel' in want:     # the reference's CPU build lacks the kernel (gen_op_samples.NO_KERNEL)
                continue
            arrays = {}
            got = C.run(ms, _samples, name, sample, form, key, arrays)
            try:
                assert got is not None, f'{key}: lightspore lacks this form'
                outs[form] = _compare(got, arrays, want, key, ref, name not in RANDOM or sample.check is not None)
            except AssertionError as e:
                if key not in KNOWN_DIFFERENT:
                    failures.append(f'{key} {sample!r}: {e}')
                continue
            assert key not in KNOWN_DIFFERENT, f'{key} is fixed: remove it from KNOWN_DIFFERENT'
        # wherever the reference's forms gave the same result, lightspore's give the same result too
        ref_groups = []
        for form, want in ref_forms.items():
            if form not in outs:
                continue
            base = want.get('same_as', form)
            mine = (json.dumps(ref_forms[base], sort_keys=True), REF_ARRAYS.get(f'{name}|{i}|{base}', []))
            for (text, arrays), forms in ref_groups:
                if text == mine[0] and _same(arrays, mine[1]):
                    forms.append(form)
                    break
            else:
                ref_groups.append((mine, [form]))
        for _, forms in ref_groups:
            done = [outs[f] for f in forms if f in outs]
            for other in done[1:]:
                if not _same(done[0], other):
                    failures.append(f'{name}|{i}: forms {forms} disagree')
    assert not failures, '\n'.join(failures)

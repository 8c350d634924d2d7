"""The mint names MindSpore 2.10 added, against tests/golden/mint_v210_{2.10.0,2.7.1}.json
(tests/golden/gen_mint_v210.py, run with each reference): ``mint.vdot``, ``mint.nn.CosineEmbeddingLoss`` /
``mint.nn.functional.cosine_embedding_loss``, ``mint.optim.FusedAdamW``; the signatures and argument errors of the
reference's Python layer; the 2.10 signatures of
``mint.nn.Mish`` / ``SELU`` and where ``chunk_ext`` lives, under each release.

The reference's CPU build has no kernel for these three, so their expected values are the documented formulas
computed with numpy by the generator (``"alt": "formula"`` in the json). FusedAdamW is also checked against the
AdamW golden of tests/golden/mint.npz (the reference documents FusedAdamW as the same AdamW rule, fused).
"""
import json
import os
import subprocess
import sys
import types

import numpy as np
import pytest
from _golden import GOLDEN, load_cases

import lightspore as ms
from lightspore import mint

G = json.loads((GOLDEN / 'mint_v210_2.10.0.json').read_text())
G271 = json.loads((GOLDEN / 'mint_v210_2.7.1.json').read_text())


def _np(rec):
    if 're' in rec:
        return (np.asarray(rec['re']) + 1j * np.asarray(rec['im'])).astype(rec['dtype'])
    return np.asarray(rec['v'], dtype=rec['dtype'])


def _close(got, rec, what, rtol=1e-5, atol=1e-6):
    exp = _np(rec)
    got = np.asarray(got)
    assert got.dtype == exp.dtype, (what, got.dtype, exp.dtype)
    assert got.shape == exp.shape, (what, got.shape, exp.shape)
    np.testing.assert_allclose(got, exp, rtol=rtol, atol=atol, err_msg=what)


def test_values_are_recorded_as_formula_derived():
    """The goldens say where their values came from: the reference could not run these kernels on CPU."""
    assert G['release'] == '2.10.0'
    assert all(r['alt'] == 'formula' for r in G['vdot'].values())
    assert all(r['alt'] == 'formula' for r in G['fused']['cases'].values())


@pytest.mark.parametrize('cid', sorted(G['vdot']))
def test_vdot(cid):
    r = G['vdot'][cid]
    out = mint.vdot(ms.Tensor(_np(r['input'])), ms.Tensor(_np(r['other'])))
    assert isinstance(out, ms.Tensor)
    _close(out.asnumpy(), r['expected'], cid)


@pytest.mark.parametrize('form', ['F', 'Cell'])
@pytest.mark.parametrize('cid', sorted(G['cel']))
def test_cosine_embedding_loss(cid, form):
    r = G['cel'][cid]
    args = [ms.Tensor(_np(r[k])) for k in ('x1', 'x2', 'y')]
    kw = r['kw']
    if form == 'F':
        out = mint.nn.functional.cosine_embedding_loss(*args, **kw)
    else:
        out = mint.nn.CosineEmbeddingLoss(**kw)(*args)
    _close(out.asnumpy(), r[form]['expected'], f'{cid}/{form}', rtol=1e-4)


def _fused_run(case):
    f = G['fused']
    w = ms.Parameter(ms.Tensor(_np(f['w'])), name='w')
    b = ms.Parameter(ms.Tensor(_np(f['b'])), name='b')
    params = [{'params': [w], 'lr': 0.5}, {'params': [b]}] if case['groups'] else [w, b]
    kw = dict(case['kw'])
    if 'betas' in kw and isinstance(kw['betas'], list) and case is not f['cases'].get('betas_list'):
        kw['betas'] = tuple(kw['betas'])        # json keeps tuples as lists; only 'betas_list' passes a list
    opt = mint.optim.FusedAdamW(params, **kw)
    vals = []
    for gw, gb in f['grads']:
        assert opt((ms.Tensor(_np(gw)), ms.Tensor(_np(gb)))) is True
        vals.append([w.asnumpy().copy(), b.asnumpy().copy()])
    return vals


@pytest.mark.parametrize('cid', sorted(G['fused']['cases']))
def test_fused_adamw(cid):
    case = G['fused']['cases'][cid]
    vals = _fused_run(case)
    for s, (got, exp) in enumerate(zip(vals, case['expected'])):
        for i in range(2):
            _close(got[i], exp[i], f'{cid} step {s} param {i}', rtol=1e-5, atol=1e-6)


def test_fused_adamw_state():
    """Every group follows the constructor's amsgrad; the running maxima are the optimizer's Parameters."""
    def par(n):
        return ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name=n)
    made = {"group_true_default_false": ([{"params": [par("p")], "amsgrad": True}], {"amsgrad": False}),
            "amsgrad": ([par("q")], {"amsgrad": True}), "plain": ([par("r")], {}),
            "two_groups_amsgrad": ([{"params": [par("a")]}, {"params": [par("b")], "lr": 0.1}], {"amsgrad": True})}
    assert sorted(made) == sorted(G['fused_state'])
    for k, (params, kw) in made.items():
        o = mint.optim.FusedAdamW(params, **kw)
        got = {"amsgrad": [g["amsgrad"] for g in o.param_groups],
               "has_max": ["max_exp_avg_sq" in g for g in o.param_groups],
               "names": sorted(x.name for x in o.get_parameters())}
        assert got == G['fused_state'][k], k


C = load_cases('mint_cases.py')
META = json.loads((GOLDEN / 'mint.json').read_text())
NPZ = dict(np.load(GOLDEN / 'mint.npz'))
ADAMW = [c for c in C.OPTIMS if c.cls == 'AdamW' and not c.err and 'O:' + c.cid in META]


@pytest.mark.parametrize('case', ADAMW, ids=[c.cid for c in ADAMW])
def test_fused_adamw_equals_adamw_golden(case):
    """FusedAdamW run through mint_cases' AdamW cases gives the AdamW golden recorded from 2.7.1's reference."""
    vals, _ = C.run_optim(ms, case, types.SimpleNamespace(AdamW=mint.optim.FusedAdamW))
    for i, v in enumerate(vals):
        np.testing.assert_allclose(v, NPZ[f'O:{case.cid}|{i}'], rtol=1e-4, atol=1e-6, err_msg=f'{case.cid} {i}')


def _error_cases():
    t = ms.Tensor(np.ones(3, np.float32))
    t2 = ms.Tensor(np.ones((2, 3), np.float32))
    y = ms.Tensor(np.array([1, -1], np.int32))
    p = ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name='p')
    q = ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name='q')
    F = mint.optim.FusedAdamW
    return {
        'vdot/list_input': lambda: mint.vdot([1.0, 2.0, 3.0], t),
        'vdot/list_other': lambda: mint.vdot(t, [1.0, 2.0, 3.0]),
        'cel/bad_reduction': lambda: mint.nn.functional.cosine_embedding_loss(t2, t2, y, reduction='bad'),
        'cel/cell_bad_reduction': lambda: mint.nn.CosineEmbeddingLoss(reduction='bad')(t2, t2, y),
        'cel/list_input': lambda: mint.nn.functional.cosine_embedding_loss([[1.0, 2.0]], t2, y),
        'fused/lr_int': lambda: F([p], lr=1),
        'fused/lr_neg': lambda: F([p], lr=-0.1),
        'fused/betas_scalar': lambda: F([p], betas=0.9),
        'fused/betas_len3': lambda: F([p], betas=(0.9, 0.99, 0.999)),
        'fused/beta0_int': lambda: F([p], betas=(0, 0.99)),
        'fused/beta1_one': lambda: F([p], betas=(0.9, 1.0)),
        'fused/beta0_neg': lambda: F([p], betas=(-0.1, 0.99)),
        'fused/eps_neg': lambda: F([p], eps=-1e-8),
        'fused/eps_int': lambda: F([p], eps=0),
        'fused/wd_neg': lambda: F([p], weight_decay=-0.1),
        'fused/amsgrad_int': lambda: F([p], amsgrad=1),
        'fused/maximize_int': lambda: F([p], maximize=1),
        'fused/mixed_amsgrad': lambda: F([{'params': [p], 'amsgrad': True}, {'params': [q]}]),
        'fused/empty': lambda: F([]),
        'fused/none': lambda: F(None),
    }


@pytest.mark.parametrize('key', sorted(G['errors']))
def test_argument_errors(key):
    want = G['errors'][key]
    assert want not in (None, 'none'), key
    with pytest.raises(Exception) as ei:
        _error_cases()[key]()
    assert type(ei.value).__name__ == want, (key, type(ei.value), ei.value)
    if key.startswith('fused/') and key not in ('fused/empty', 'fused/none'):
        assert 'FusedAdamW' in str(ei.value) or 'Invalid' in str(ei.value), ei.value


def test_error_cases_match_the_generator():
    assert sorted(_error_cases()) == sorted(G['errors'])


_PROBE = r'''
import inspect, json
import lightspore as ms
import lightspore.ops.functional as opsf, lightspore.ops.function.array_func as af
from lightspore import mint
def sig(o, drop=False):
    s = inspect.signature(o)
    if drop:
        s = s.replace(parameters=list(s.parameters.values())[1:])
    return str(s)
out = {"paths": {"ops.chunk_ext": hasattr(ms.ops, "chunk_ext"), "ops.functional.chunk_ext": hasattr(opsf, "chunk_ext"),
                 "ops.function.chunk_ext": hasattr(ms.ops.function, "chunk_ext"),
                 "ops.function.array_func.chunk_ext": hasattr(af, "chunk_ext"),
                 "sig:mint.nn.Mish": sig(mint.nn.Mish.__init__, True),
                 "sig:mint.nn.SELU": sig(mint.nn.SELU.__init__, True)},
       "signatures": {"mint.vdot": sig(mint.vdot),
                      "mint.nn.functional.cosine_embedding_loss": sig(mint.nn.functional.cosine_embedding_loss),
                      "mint.nn.CosineEmbeddingLoss": sig(mint.nn.CosineEmbeddingLoss.__init__, True),
                      "mint.optim.FusedAdamW": sig(mint.optim.FusedAdamW.__init__, True)}}
print(json.dumps(out))
'''


@pytest.mark.parametrize('release,golden', [('2.10.0', G), ('2.7.1', G271)], ids=['2.10.0', '2.7.1'])
def test_signatures_and_paths_per_release(release, golden):
    env = dict(os.environ, LIGHTSPORE_MS_VERSION=release)
    p = subprocess.run([sys.executable, '-c', _PROBE], capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    got = json.loads(p.stdout.strip().splitlines()[-1])
    assert got['paths'] == golden['paths']
    if 'signatures' in golden:
        assert got['signatures'] == golden['signatures']


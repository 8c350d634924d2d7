"""Normalization, dropout, embedding and activation cells checked against real MindSpore 2.7.1:
parameter names/shapes/dtypes/initial values, forward in train and eval mode, input and parameter
gradients from shared weights, moving statistics after two train steps, get_activation, errors (type and
first message line).

Golden data: tests/golden/layers_norm.{json,npz} (tests/golden/gen_layers_norm.py); the cases are in
tests/golden/layers_norm_cases.py and run unchanged here on lightspore. Dropout and RReLU are random:
checked structurally/statistically. InstanceNorm has no CPU kernel in the reference: its parameters and
errors come from the reference, its output from the reference's formula (computed by the generator).
"""
import json

import numpy as np
import pytest
from _golden import GOLDEN, load_cases  # noqa: E402

import lightspore as ms

C = load_cases('layers_norm_cases.py')
REF = json.loads((GOLDEN / 'layers_norm.json').read_text())
OUT = dict(np.load(GOLDEN / 'layers_norm.npz'))
RANDOM_INIT = {'embedding_normal'}
_CACHE = {}


def _layer(name):
    if name not in _CACHE:
        _CACHE[name] = C.run_layer(ms, name)
    return _CACHE[name]


def _close(a, b):
    np.testing.assert_allclose(a, b, rtol=1e-4, atol=5e-5)


@pytest.mark.parametrize('name', list(C.LAYERS))
def test_layer_params(name):
    meta, arrays = _layer(name)
    ref = REF['layers'][name]
    assert meta['params'] == ref['params']
    assert meta['standalone'] == ref['standalone']
    if name not in RANDOM_INIT:
        for p in ref['params']:
            _close(arrays['init/' + p['name']], OUT[f'{name}/init/' + p['name']])


@pytest.mark.parametrize('name', list(C.LAYERS))
def test_layer_numerics(name):
    _, arrays = _layer(name)
    keys = [k[len(name) + 1:] for k in OUT if k.startswith(name + '/') and not k[len(name) + 1:].startswith('init/')]
    assert sorted(keys) == sorted(k for k in arrays if not k.startswith('init/'))
    for k in keys:
        if k == 'out/eval_dtype':
            assert str(arrays[k]) == str(OUT[f'{name}/{k}'])
        else:
            assert arrays[k].shape == OUT[f'{name}/{k}'].shape, k
            _close(arrays[k], OUT[f'{name}/{k}'])


# The reference's SeLU gradient on CPU is wrong for x < 0 (it is not scale*alpha*exp(x)): its forward is
# compared with the reference, its gradient with the derivative of the reference's formula.
_SELU_ALPHA, _SELU_SCALE = 1.67326324235437728481, 1.05070098735548049342


@pytest.mark.parametrize('name', list(C.ACTIVATIONS))
def test_activation(name):
    got, dt = C.run_activation(ms, name)
    assert dt == REF['activations'][name]
    for k, v in got.items():
        want = OUT[f'act/{name}/{k}']
        if name == 'selu' and k == 'grad':
            x = OUT[f'act/{name}/x'].astype(np.float64)
            slope = np.where(x > 0, _SELU_SCALE, _SELU_SCALE * _SELU_ALPHA * np.exp(x))
            rng = np.random.default_rng(C.seed_of(name))
            rng.standard_normal(x.shape)
            gout = rng.standard_normal(x.shape).astype(np.float32)
            want = (slope * gout).astype(np.float32)
        _close(v, want)


# Errors whose message is not compared (the type is): the reference's CPU kernel-selection report (its first line
# is empty; lightspore names the op and the dtype instead).
TYPE_ONLY = {'emb_float_ids'}


@pytest.mark.parametrize('name', list(C.ERRORS))
def test_error(name):
    # the reference's error type and the first line of its message, word for word (None: it accepts the call)
    got, want = C.run_error(ms, name), REF['errors'][name]
    if name in TYPE_ONLY:
        got, want = got[0], want[0]
    assert got == want


def test_get_activation():
    assert C.get_activation_record(ms) == REF['get_activation']


def test_dropout_attributes():
    assert C.dropout_record(ms) == REF['dropout']


@pytest.mark.parametrize('cls', ['InstanceNorm1d', 'InstanceNorm2d', 'InstanceNorm3d'])
def test_instancenorm(cls):
    cell = getattr(ms.nn, cls)(3)
    assert C.param_record(cell) == REF['instancenorm'][cls]
    cell.gamma.set_data(ms.Tensor(OUT[f'inst/{cls}/gamma']))
    cell.beta.set_data(ms.Tensor(OUT[f'inst/{cls}/beta']))
    x = ms.Tensor(OUT[f'inst/{cls}/x'])
    for mode in (True, False):
        cell.set_train(mode)
        _close(cell(x).asnumpy(), OUT[f'inst/{cls}/formula_out'])


# ---- random cells: structure and statistics ------------------------------------------------------
def _frac_zero(a):
    return float((a == 0).mean())


@pytest.mark.parametrize('expr,drop', [('nn.Dropout()', 0.5), ('nn.Dropout(keep_prob=0.8)', 0.2),
                                       ('nn.Dropout(p=0.3)', 0.3), ('nn.Dropout(0.9, p=0.6)', 0.6)])
def test_dropout_statistics(expr, drop):
    ms.set_seed(1)
    cell = C.build(ms, expr)
    x = np.ones((200, 100), np.float32)
    assert cell(ms.Tensor(x)).asnumpy().tolist() == x.tolist()  # eval mode at construction: identity
    cell.set_train(True)
    y = cell(ms.Tensor(x)).asnumpy()
    assert abs(_frac_zero(y) - drop) < 0.02
    np.testing.assert_allclose(np.unique(y[y != 0]), [1.0 / (1.0 - drop)], rtol=1e-6)
    cell.set_train(False)
    t = ms.Tensor(x)
    assert cell(t) is t


@pytest.mark.parametrize('expr,shape', [('nn.Dropout()', (3, 4)), ('nn.Dropout(p=0)', (3, 4)),
                                        ('nn.Dropout(keep_prob=1.0)', (3, 4)), ('nn.Dropout1d(0.0)', (2, 3, 4)),
                                        ('nn.Dropout2d(0.0)', (2, 3, 4, 4)), ('nn.Dropout3d(0.0)', (2, 3, 2, 2, 2))])
def test_dropout_identity(expr, shape):
    cell = C.build(ms, expr)
    if 'Dropout()' not in expr:
        cell.set_train(True)
    t = ms.Tensor(np.ones(shape, np.float32))
    assert cell(t) is t


@pytest.mark.parametrize('expr,shape', [('nn.Dropout1d(0.4)', (20, 50, 30)), ('nn.Dropout2d(0.4)', (20, 50, 4, 5)),
                                        ('nn.Dropout3d(0.4)', (20, 50, 2, 3, 4))])
def test_channel_dropout(expr, shape):
    ms.set_seed(2)
    cell = C.build(ms, expr)
    cell.set_train(True)
    y = cell(ms.Tensor(np.ones(shape, np.float32))).asnumpy()
    flat = y.reshape(shape[0], shape[1], -1)
    per_channel = flat.max(axis=-1)
    assert ((flat == 0).all(axis=-1) | (flat == per_channel[..., None]).all(axis=-1)).all()
    assert abs(_frac_zero(per_channel) - 0.4) < 0.05
    np.testing.assert_allclose(np.unique(per_channel[per_channel != 0]), [1 / 0.6], rtol=1e-6)


@pytest.mark.parametrize('expr', C.RRELU)
def test_rrelu(expr):
    cell = C.build(ms, expr)
    x = np.concatenate([np.linspace(-3, -0.1, 500), np.linspace(0, 3, 500)]).astype(np.float32)
    y = cell(ms.Tensor(x)).asnumpy()
    lo, hi = float(cell.lower.asnumpy()), float(cell.upper.asnumpy())
    np.testing.assert_array_equal(y[500:], x[500:])
    ratio = y[:500] / x[:500]
    assert ratio.min() >= lo - 1e-6 and ratio.max() <= hi + 1e-6
    if hi > lo:
        assert ratio.std() > 0


def test_batchnorm_no_tape_at_rest():
    bn = ms.nn.BatchNorm2d(3)
    bn.set_train(True)
    y = bn(ms.Tensor(np.random.default_rng(0).standard_normal((2, 3, 4, 4)).astype(np.float32)))
    assert not y.to_torch().requires_grad
    assert not bn.moving_mean.to_torch().requires_grad

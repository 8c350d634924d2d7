"""Case definitions shared by ``gen_optim.py`` (run under real MindSpore 2.7.1) and ``tests/test_optim.py``
(run under lightspore): optimizers, learning-rate schedules, dynamic_lr lists, training wrappers and
error cases.

Every function takes the framework module (``mindspore`` or ``lightspore``) as ``ms`` and uses only
MindSpore's public API, so the same code runs on both sides. Nothing here imports either framework.
"""
from collections import OrderedDict

import numpy as np

N_STEPS = 4

# The tiny problem: four parameters; 'gamma' and 'beta' names are excluded from weight decay by the
# default filter; 'conv.weight' has a second dimension of 16 (gradient centralization applies).
PARAM_SPECS = OrderedDict([
    ('dense.weight', (3, 4)),
    ('dense.bias', (4,)),
    ('norm.gamma', (4,)),
    ('conv.weight', (2, 16, 1, 1)),
])


def _values(seed, shape):
    """Deterministic float32 values with |v| in [0.1, 1] (no gradient near Adam's eps, no sign flips)."""
    rng = np.random.RandomState(seed)
    mag = rng.uniform(0.1, 1.0, shape)
    sign = np.where(rng.uniform(size=shape) < 0.5, -1.0, 1.0)
    return (mag * sign).astype(np.float32)


def initial_values():
    return OrderedDict((name, _values(i, shape)) for i, (name, shape) in enumerate(PARAM_SPECS.items()))


def grads_for_step(step):
    return OrderedDict((name, _values(100 + 10 * step + i, shape))
                       for i, (name, shape) in enumerate(PARAM_SPECS.items()))


def make_params(ms):
    return [ms.Parameter(ms.Tensor(v), name=n) for n, v in initial_values().items()]


def _groups_lr_wd(ms, p):
    return [{'params': [p[0], p[1]], 'lr': 0.05, 'weight_decay': 0.01},
            {'params': [p[2]], 'weight_decay': 0.0},
            {'params': [p[3]], 'lr': 0.2}]


def _groups_dynamic(ms, p):
    # one group with a per-step list, one with a schedule, one with a fixed rate (converted)
    return [{'params': [p[0]], 'lr': [0.1, 0.09, 0.08, 0.07, 0.06]},
            {'params': [p[1], p[2]], 'lr': 0.05},
            {'params': [p[3]]}]


def _groups_ordered(ms, p):
    return [{'params': [p[2], p[3]], 'lr': 0.05},
            {'params': [p[1], p[0]], 'weight_decay': 0.1},
            {'order_params': [p[0], p[1], p[2], p[3]]}]


def _assign_lr(ms, opt, step):
    """Change the learning rate (and momentum when there is one) between steps, as users do."""
    if step == 2:
        ms.ops.assign(opt.learning_rate, ms.Tensor(0.02, ms.float32))
        if 'momentum' in dict(opt.parameters_and_names()):
            ms.ops.assign(opt.momentum, ms.Tensor(0.5, ms.float32))


# name -> (builder(ms, params), between-steps hook or None)
OPTIMIZER_CASES = OrderedDict([
    ('sgd', (lambda ms, p: ms.nn.SGD(p), None)),
    ('sgd_momentum', (lambda ms, p: ms.nn.SGD(p, learning_rate=0.05, momentum=0.9), None)),
    ('sgd_dampening', (lambda ms, p: ms.nn.SGD(p, learning_rate=0.05, momentum=0.8, dampening=0.3), None)),
    ('sgd_nesterov', (lambda ms, p: ms.nn.SGD(p, learning_rate=0.05, momentum=0.9, nesterov=True), None)),
    ('sgd_wd', (lambda ms, p: ms.nn.SGD(p, learning_rate=0.05, momentum=0.9, weight_decay=0.1), None)),
    ('sgd_loss_scale', (lambda ms, p: ms.nn.SGD(p, learning_rate=0.05, loss_scale=128.0), None)),
    ('sgd_wd_loss_scale', (lambda ms, p: ms.nn.SGD(p, learning_rate=0.05, momentum=0.9, weight_decay=0.05,
                                                   loss_scale=8), None)),
    ('sgd_groups', (lambda ms, p: ms.nn.SGD(_groups_lr_wd(ms, p), learning_rate=0.1, momentum=0.9,
                                            weight_decay=0.02), None)),
    ('sgd_groups_dynamic', (lambda ms, p: ms.nn.SGD(_groups_dynamic(ms, p), learning_rate=ms.nn.ExponentialDecayLR(
        0.1, 0.5, 2), momentum=0.9), None)),
    ('sgd_ordered', (lambda ms, p: ms.nn.SGD(_groups_ordered(ms, p), learning_rate=0.1), None)),
    ('sgd_lr_list', (lambda ms, p: ms.nn.SGD(p, learning_rate=[0.1, 0.05, 0.025, 0.0125, 0.01]), None)),
    ('sgd_lr_tensor_1d', (lambda ms, p: ms.nn.SGD(p, learning_rate=ms.Tensor(np.array([0.1, 0.2, 0.3, 0.4, 0.5],
                                                                                        np.float32))), None)),
    ('sgd_lr_tensor_0d', (lambda ms, p: ms.nn.SGD(p, learning_rate=ms.Tensor(0.07, ms.float32)), None)),
    ('sgd_lr_int', (lambda ms, p: ms.nn.SGD(p, learning_rate=1), None)),
    ('sgd_assign_lr', (lambda ms, p: ms.nn.SGD(p, learning_rate=0.1, momentum=0.9), _assign_lr)),
    ('sgd_cosine', (lambda ms, p: ms.nn.SGD(p, learning_rate=ms.nn.CosineDecayLR(0.01, 0.1, 3)), None)),
    ('sgd_warmup', (lambda ms, p: ms.nn.SGD(p, learning_rate=ms.nn.WarmUpLR(0.1, 3)), None)),
    ('momentum', (lambda ms, p: ms.nn.Momentum(p, 0.05, 0.9), None)),
    ('momentum_nesterov', (lambda ms, p: ms.nn.Momentum(p, 0.05, 0.9, use_nesterov=True), None)),
    ('momentum_wd', (lambda ms, p: ms.nn.Momentum(p, 0.05, 0.9, weight_decay=0.1), None)),
    ('momentum_loss_scale', (lambda ms, p: ms.nn.Momentum(p, 0.05, 0.9, weight_decay=0.01, loss_scale=1024.0),
                             None)),
    ('momentum_groups', (lambda ms, p: ms.nn.Momentum(_groups_lr_wd(ms, p), 0.1, 0.9), None)),
    ('momentum_assign', (lambda ms, p: ms.nn.Momentum(p, 0.1, 0.9), _assign_lr)),
    ('momentum_dynamic_wd', (lambda ms, p: ms.nn.Momentum(p, 0.05, 0.9, weight_decay=ms.nn.ExponentialDecayLR(
        0.1, 0.5, 1)), None)),
    ('momentum_natural_exp', (lambda ms, p: ms.nn.Momentum(p, ms.nn.NaturalExpDecayLR(0.1, 0.3, 2, True), 0.9),
                              None)),
    ('momentum_inverse', (lambda ms, p: ms.nn.Momentum(p, ms.nn.InverseDecayLR(0.1, 0.5, 1), 0.9), None)),
    ('momentum_polynomial', (lambda ms, p: ms.nn.Momentum(p, ms.nn.PolynomialDecayLR(0.1, 0.01, 3, 2.0), 0.9),
                             None)),
    ('adam', (lambda ms, p: ms.nn.Adam(p, learning_rate=0.01), None)),
    ('adam_nesterov', (lambda ms, p: ms.nn.Adam(p, learning_rate=0.01, use_nesterov=True), None)),
    ('adam_amsgrad', (lambda ms, p: ms.nn.Adam(p, learning_rate=0.01, use_amsgrad=True), None)),
    ('adam_wd', (lambda ms, p: ms.nn.Adam(p, learning_rate=0.01, weight_decay=0.1), None)),
    ('adam_loss_scale', (lambda ms, p: ms.nn.Adam(p, learning_rate=0.01, weight_decay=0.01, loss_scale=64.0),
                         None)),
    ('adam_betas_eps', (lambda ms, p: ms.nn.Adam(p, learning_rate=0.02, beta1=0.5, beta2=0.9, eps=0.1), None)),
    ('adam_groups', (lambda ms, p: ms.nn.Adam(_groups_lr_wd(ms, p), learning_rate=0.01), None)),
    ('adam_lr_list', (lambda ms, p: ms.nn.Adam(p, learning_rate=[0.01, 0.02, 0.03, 0.04, 0.05]), None)),
    ('adam_lazy', (lambda ms, p: ms.nn.Adam(p, learning_rate=0.01, use_lazy=True), None)),
    ('adamweightdecay', (lambda ms, p: ms.nn.AdamWeightDecay(p, learning_rate=0.01), None)),
    ('adamweightdecay_wd', (lambda ms, p: ms.nn.AdamWeightDecay(p, learning_rate=0.01, weight_decay=0.1), None)),
    ('adamweightdecay_groups', (lambda ms, p: ms.nn.AdamWeightDecay(_groups_lr_wd(ms, p), learning_rate=0.01,
                                                                    weight_decay=0.05), None)),
    ('adamweightdecay_betas', (lambda ms, p: ms.nn.AdamWeightDecay(p, learning_rate=0.02, beta1=0.8, beta2=0.95,
                                                                   eps=1e-3, weight_decay=0.02), None)),
])


def lr_summary(ms, lr):
    """get_lr() as [kind, values]: 'Parameter'/'Tensor'/'tuple' and float values."""
    if isinstance(lr, tuple):
        return ['tuple', [float(np.asarray(x.asnumpy()).reshape(-1)[0]) for x in lr],
                [type(x).__name__ for x in lr]]
    kind = 'Parameter' if isinstance(lr, ms.Parameter) else type(lr).__name__
    return [kind, [float(v) for v in np.asarray(lr.asnumpy()).reshape(-1)], list(lr.shape)]


def run_optimizer_case(ms, case):
    """Builds the optimizer on fresh parameters and applies N_STEPS fixed gradient sets.
    Returns structure (json-able) and arrays (name -> ndarray)."""
    builder, hook = OPTIMIZER_CASES[case]
    params = make_params(ms)
    opt = builder(ms, params)
    meta = OrderedDict()
    arrays = OrderedDict()
    meta['type'] = type(opt).__name__
    meta['param_names'] = [p.name for p in opt.parameters]
    meta['state'] = [[n, p.name, list(p.shape), str(p.dtype)] for n, p in opt.parameters_and_names()]
    meta['dynamic_lr'] = bool(opt.dynamic_lr)
    meta['is_group'] = bool(opt.is_group)
    meta['is_group_lr'] = bool(opt.is_group_lr)
    meta['decay_flags'] = [bool(f) for f in opt.decay_flags]
    meta['exec_weight_decay'] = bool(opt.exec_weight_decay)
    meta['learning_rate_type'] = type(opt.learning_rate).__name__
    lr_params = opt.get_lr_parameter(list(opt.parameters))
    meta['lr_parameter'] = [(p.name if isinstance(p, ms.Parameter) else type(p).__name__) for p in lr_params]
    meta['init_args'] = sorted(getattr(opt, 'init_args', {}) or {})
    meta['init_learning_rate'] = _jsonable(getattr(opt, 'init_learning_rate', 'absent'))
    meta['lrs'] = []
    meta['results'] = []
    for step in range(N_STEPS):
        if hook is not None:
            hook(ms, opt, step)
        meta['lrs'].append(lr_summary(ms, opt.get_lr()))
        g = grads_for_step(step)
        grads = tuple(ms.Tensor(g[p.name]) for p in opt.parameters)
        result = opt(grads)
        meta['results'].append(_jsonable(result))
        for p in params:
            arrays[f'step{step}/{p.name}'] = p.asnumpy().copy()
    meta['lrs'].append(lr_summary(ms, opt.get_lr()))
    meta['global_step'] = [int(v) for v in opt.global_step.asnumpy().reshape(-1)]
    for name, p in opt.parameters_and_names():
        arrays['state/' + name] = p.asnumpy().copy()
    return meta, arrays


def _jsonable(x):
    if isinstance(x, (bool, int, float, str)) or x is None:
        return x
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, dict):
        return {k: _jsonable(v) for k, v in x.items()}
    if isinstance(x, np.generic):
        return x.item()
    return type(x).__name__


# --------------------------------------------------------------------------------------------
# learning-rate schedules: value at steps 0..N
# --------------------------------------------------------------------------------------------
SCHEDULE_CASES = OrderedDict([
    ('exponential', lambda ms: ms.nn.ExponentialDecayLR(0.1, 0.9, 4)),
    ('exponential_stair', lambda ms: ms.nn.ExponentialDecayLR(0.1, 0.9, 4, is_stair=True)),
    ('natural_exp', lambda ms: ms.nn.NaturalExpDecayLR(0.1, 0.9, 4)),
    ('natural_exp_stair', lambda ms: ms.nn.NaturalExpDecayLR(0.1, 0.9, 4, is_stair=True)),
    ('inverse', lambda ms: ms.nn.InverseDecayLR(0.1, 0.5, 3)),
    ('inverse_stair', lambda ms: ms.nn.InverseDecayLR(0.1, 0.5, 3, is_stair=True)),
    ('cosine', lambda ms: ms.nn.CosineDecayLR(0.01, 0.1, 5)),
    ('polynomial', lambda ms: ms.nn.PolynomialDecayLR(0.1, 0.01, 5, 0.5)),
    ('polynomial_update', lambda ms: ms.nn.PolynomialDecayLR(0.1, 0.01, 3, 2.0, update_decay_steps=True)),
    ('warmup', lambda ms: ms.nn.WarmUpLR(0.1, 5)),
])
SCHEDULE_STEPS = 12


def run_schedule_case(ms, case):
    """Values (float32) for int32 steps given as 1-element Tensors, and one scalar-step call."""
    sched = SCHEDULE_CASES[case](ms)
    values = []
    for step in range(SCHEDULE_STEPS):
        out = sched(ms.Tensor(np.array([step], np.int32)))
        values.append(np.asarray(out.asnumpy(), np.float32).reshape(-1))
    scalar = sched(ms.Tensor(np.array(3, np.int32)))
    meta = OrderedDict(shape=list(out.shape), dtype=str(out.dtype), scalar_shape=list(scalar.shape),
                       scalar_dtype=str(scalar.dtype), repr=repr(sched))
    return meta, np.stack(values)


# --------------------------------------------------------------------------------------------
# dynamic_lr lists
# --------------------------------------------------------------------------------------------
DYNAMIC_LR_CASES = OrderedDict([
    ('piecewise', lambda ms: ms.nn.piecewise_constant_lr([2, 5, 10], [0.1, 0.05, 0.01])),
    ('exponential', lambda ms: ms.nn.exponential_decay_lr(0.1, 0.9, 12, 2, 3)),
    ('exponential_stair', lambda ms: ms.nn.exponential_decay_lr(0.1, 0.9, 12, 2, 3, True)),
    ('natural_exp', lambda ms: ms.nn.natural_exp_decay_lr(0.1, 0.9, 12, 2, 3)),
    ('natural_exp_stair', lambda ms: ms.nn.natural_exp_decay_lr(0.1, 0.9, 12, 2, 3, True)),
    ('inverse', lambda ms: ms.nn.inverse_decay_lr(0.1, 0.5, 12, 2, 3)),
    ('inverse_stair', lambda ms: ms.nn.inverse_decay_lr(0.1, 0.5, 12, 2, 3, True)),
    ('cosine', lambda ms: ms.nn.cosine_decay_lr(0.01, 0.1, 12, 2, 4)),
    ('polynomial', lambda ms: ms.nn.polynomial_decay_lr(0.1, 0.01, 12, 2, 4, 0.5)),
    ('polynomial_update', lambda ms: ms.nn.polynomial_decay_lr(0.1, 0.01, 12, 2, 2, 2.0, True)),
    ('warmup', lambda ms: ms.nn.warmup_lr(0.1, 12, 2, 3)),
])


# --------------------------------------------------------------------------------------------
# training wrappers on a tiny Dense net
# --------------------------------------------------------------------------------------------
def _dense_net(ms):
    net = ms.nn.Dense(4, 3)
    rng = np.random.RandomState(7)
    net.weight.set_data(ms.Tensor(rng.uniform(-1, 1, (3, 4)).astype(np.float32)))
    net.bias.set_data(ms.Tensor(rng.uniform(-1, 1, (3,)).astype(np.float32)))
    return net


def _data(ms):
    rng = np.random.RandomState(8)
    x = ms.Tensor(rng.uniform(-1, 1, (5, 4)).astype(np.float32))
    y = ms.Tensor(rng.uniform(-1, 1, (5, 3)).astype(np.float32))
    return x, y


def _train(ms, sens=None, return_grad=False, opt='momentum'):
    net = _dense_net(ms)
    loss_net = ms.nn.WithLossCell(net, ms.nn.MSELoss())
    if opt == 'momentum':
        optimizer = ms.nn.Momentum(net.trainable_params(), 0.1, 0.9)
    else:
        optimizer = ms.nn.Adam(net.trainable_params(), 0.01, loss_scale=4.0)
    kwargs = {} if sens is None else {'sens': sens}
    step = ms.nn.TrainOneStepCell(loss_net, optimizer, return_grad=return_grad, **kwargs)
    step.set_train()
    x, y = _data(ms)
    out = OrderedDict()
    for i in range(3):
        r = step(x, y)
        if return_grad:
            loss, grads = r
            out[f'grads{i}'] = OrderedDict((k, v.asnumpy()) for k, v in grads.items())
        else:
            loss = r
        out[f'loss{i}'] = loss.asnumpy()
    out['weight'] = net.weight.asnumpy()
    out['bias'] = net.bias.asnumpy()
    out['names'] = [n for n, _ in step.parameters_and_names()]
    return out


def _with_eval(ms):
    net = _dense_net(ms)
    x, y = _data(ms)
    loss, outputs, label = ms.nn.WithEvalCell(net, ms.nn.MSELoss())(x, y)
    return OrderedDict(loss=loss.asnumpy(), outputs=outputs.asnumpy(), label=label.asnumpy())


def _with_loss(ms):
    net = _dense_net(ms)
    x, y = _data(ms)
    cell = ms.nn.WithLossCell(net, ms.nn.MSELoss())
    return OrderedDict(loss=cell(x, y).asnumpy(), backbone=type(cell.backbone_network).__name__,
                       names=[n for n, _ in cell.parameters_and_names()])


def _forward_value_and_grad(ms, mode):
    net = _dense_net(ms)
    x, y = _data(ms)
    loss_net = ms.nn.WithLossCell(net, ms.nn.MSELoss())
    weights = ms.ParameterTuple(net.trainable_params())
    out = OrderedDict()
    if mode == 'inputs':
        loss, g = ms.nn.ForwardValueAndGrad(loss_net)(x, y)
        out['g0'] = g.asnumpy()
    elif mode == 'all':
        loss, g = ms.nn.ForwardValueAndGrad(loss_net, get_all=True)(x, y)
        out['g0'], out['g1'] = g[0].asnumpy(), g[1].asnumpy()
    elif mode == 'weights':
        loss, g = ms.nn.ForwardValueAndGrad(loss_net, weights=weights, get_by_list=True)(x, y)
        out['w0'], out['w1'] = g[0].asnumpy(), g[1].asnumpy()
    elif mode == 'all_weights_sens':
        sens = ms.Tensor(np.array(3.0, np.float32))
        loss, (gi, gw) = ms.nn.ForwardValueAndGrad(loss_net, weights=weights, get_all=True, get_by_list=True,
                                                   sens_param=True)(x, y, sens)
        out['g0'], out['g1'] = gi[0].asnumpy(), gi[1].asnumpy()
        out['w0'], out['w1'] = gw[0].asnumpy(), gw[1].asnumpy()
    out['loss'] = loss.asnumpy()
    return out


def _with_grad(ms, sens):
    net = _dense_net(ms)
    x, y = _data(ms)
    kwargs = {} if sens is None else {'sens': ms.Tensor(np.array(sens, np.float32))}
    grads = ms.nn.WithGradCell(net, ms.nn.MSELoss(), **kwargs)(x, y)
    return OrderedDict((f'w{i}', g.asnumpy()) for i, g in enumerate(grads))


WRAPPER_CASES = OrderedDict([
    ('train_momentum', lambda ms: _train(ms)),
    ('train_sens', lambda ms: _train(ms, sens=2.5)),
    ('train_return_grad', lambda ms: _train(ms, return_grad=True)),
    ('train_adam_loss_scale_sens', lambda ms: _train(ms, sens=4.0, opt='adam')),
    ('with_eval', _with_eval),
    ('with_loss', _with_loss),
    ('fvg_inputs', lambda ms: _forward_value_and_grad(ms, 'inputs')),
    ('fvg_all', lambda ms: _forward_value_and_grad(ms, 'all')),
    ('fvg_weights', lambda ms: _forward_value_and_grad(ms, 'weights')),
    ('fvg_all_weights_sens', lambda ms: _forward_value_and_grad(ms, 'all_weights_sens')),
    ('with_grad', lambda ms: _with_grad(ms, None)),
    ('with_grad_sens', lambda ms: _with_grad(ms, 2.0)),
])


def flatten(prefix, obj, arrays, meta):
    """Split a wrapper result into arrays (npz) and everything else (json)."""
    for k, v in obj.items():
        if isinstance(v, dict):
            flatten(f'{prefix}{k}/', v, arrays, meta)
        elif isinstance(v, np.ndarray) or isinstance(v, np.generic):
            arrays[prefix + k] = np.asarray(v)
        else:
            meta[prefix + k] = v


# --------------------------------------------------------------------------------------------
# misc structure: init args, get_lr_parameter of groups, signatures of the decorated classes
# --------------------------------------------------------------------------------------------
def _p(ms, name='w', shape=(2, 2)):
    return ms.Parameter(ms.Tensor(np.ones(shape, np.float32)), name=name)


def _two(ms):
    return [_p(ms, 'w'), _p(ms, 'b', (2,))]


def _opt_attrs(ms):
    out = OrderedDict()
    sgd = ms.nn.SGD(_two(ms), learning_rate=ms.Tensor(np.array([0.1, 0.2], np.float32)), momentum=0.9)
    out['sgd_init_args'] = _jsonable(sgd.init_args)
    out['sgd_init_learning_rate'] = _jsonable(sgd.init_learning_rate)
    out['sgd_init_params'] = [p.name for p in sgd.init_params['params']]
    adam = ms.nn.Adam(_two(ms), learning_rate=ms.nn.WarmUpLR(0.1, 2), use_lazy=True)
    out['adam_init_args'] = _jsonable(adam.init_args)
    out['adam_init_learning_rate'] = _jsonable(adam.init_learning_rate)
    awd = ms.nn.AdamWeightDecay(_two(ms))
    out['awd_has_init_args'] = hasattr(awd, 'init_args')
    out['sgd_weight_decay'] = [type(sgd.weight_decay).__name__, float(sgd.weight_decay.asnumpy())]
    out['sgd_reciprocal_scale'] = float(sgd.reciprocal_scale.asnumpy())
    out['sgd_need_scale'] = bool(sgd.need_scale)
    out['sgd_param_length'] = sgd.param_length
    ls = ms.nn.Momentum(_two(ms), 0.1, 0.9, weight_decay=0.01, loss_scale=4.0)
    out['ls_weight_decay'] = float(ls.weight_decay.asnumpy())
    out['ls_reciprocal_scale'] = float(ls.reciprocal_scale.asnumpy())
    out['ls_need_scale'] = bool(ls.need_scale)
    out['ls_get_weight_decay'] = float(ls.get_weight_decay().asnumpy())
    w, b = _two(ms)
    g = ms.nn.Momentum([{'params': [w], 'weight_decay': 0.1}, {'params': [b]}], 0.1, 0.9, loss_scale=2.0)
    out['group_weight_decay'] = [float(x.asnumpy()) for x in g.weight_decay]
    out['group_decay_flags'] = list(g.decay_flags)
    out['group_repr'] = repr(g)
    out['adam_repr'] = repr(ms.nn.Adam(_two(ms)))
    out['sgd_schedule_repr'] = repr(ms.nn.SGD(_two(ms), learning_rate=ms.nn.CosineDecayLR(0.0, 0.1, 3)))
    out['dense_train_repr'] = repr(ms.nn.TrainOneStepCell(ms.nn.WithLossCell(ms.nn.Dense(2, 2), ms.nn.MSELoss()),
                                                          ms.nn.SGD(_two(ms))))
    return out


# --------------------------------------------------------------------------------------------
# errors: name -> (action, keywords the message must contain)
# --------------------------------------------------------------------------------------------
def materialize(r):
    """Touch every Tensor in a result (the reference raises some kernel errors lazily)."""
    if hasattr(r, 'asnumpy'):
        r.asnumpy()
    elif isinstance(r, (tuple, list)):
        for x in r:
            materialize(x)
    return r


def _run_steps(opt, grads, n):
    for _ in range(n):
        opt(grads)
    return opt


def _grads(ms):
    return (ms.Tensor(np.ones((2, 2), np.float32)), ms.Tensor(np.ones((2,), np.float32)))


ERROR_CASES = OrderedDict([
    ('lr_2d_tensor', (lambda ms: ms.nn.SGD(_two(ms), learning_rate=ms.Tensor(np.ones((2, 2), np.float32))),
                      ['learning_rate', 'dimension'])),
    ('lr_str', (lambda ms: ms.nn.SGD(_two(ms), learning_rate='abc'), [])),
    ('lr_none', (lambda ms: ms.nn.SGD(_two(ms), learning_rate=None), ['learning_rate'])),
    ('lr_negative', (lambda ms: ms.nn.SGD(_two(ms), learning_rate=-1), ['learning rate', '-1'])),
    ('lr_numpy_scalar', (lambda ms: ms.nn.SGD(_two(ms), learning_rate=np.float32(0.1)), ['learning_rate'])),
    ('lr_list_exhausted', (lambda ms: _run_steps(ms.nn.SGD(_two(ms), learning_rate=[0.1, 0.2]), _grads(ms), 3),
                           ['gather', '2'])),
    ('lr_list_exhausted_get_lr', (lambda ms: _run_steps(ms.nn.Momentum(_two(ms), [0.1, 0.2], 0.9), _grads(ms),
                                                        2).get_lr(), ['gather', '2'])),
    ('wd_negative', (lambda ms: ms.nn.SGD(_two(ms), weight_decay=-1), ['weight_decay', '-1'])),
    ('wd_str', (lambda ms: ms.nn.SGD(_two(ms), weight_decay='a'), ['weight_decay'])),
    ('loss_scale_zero', (lambda ms: ms.nn.SGD(_two(ms), loss_scale=0), ['loss_scale'])),
    ('loss_scale_str', (lambda ms: ms.nn.SGD(_two(ms), loss_scale='a'), ['loss_scale'])),
    ('params_none', (lambda ms: ms.nn.SGD(None), ['parameters', 'none'])),
    ('params_int', (lambda ms: ms.nn.SGD(5), ['parameters', 'iterable'])),
    ('params_empty', (lambda ms: ms.nn.SGD([]), ['parameters', 'empty'])),
    ('params_not_parameters', (lambda ms: ms.nn.SGD([1, 2]), ['parameter'])),
    ('params_mixed', (lambda ms: ms.nn.SGD([_p(ms), {'params': [_p(ms, 'b')]}]), ['parameter', 'dict'])),
    ('params_duplicate_object', (lambda ms: (lambda w: ms.nn.SGD([w, w]))(_p(ms)), ['already exists'])),
    ('params_duplicate_name', (lambda ms: ms.nn.Momentum([_p(ms), _p(ms)], 0.1, 0.9), ['already exists'])),
    ('group_duplicate', (lambda ms: (lambda w: ms.nn.SGD([{'params': [w]}, {'params': [w]}]))(_p(ms)),
                         ['already exists'])),
    ('group_bad_key', (lambda ms: ms.nn.SGD([{'params': _two(ms), 'foo': 1}]), ['foo'])),
    ('group_no_params', (lambda ms: ms.nn.SGD([{'lr': 0.1}]), ['params'])),
    ('group_empty_params', (lambda ms: ms.nn.SGD([{'params': []}]), ['empty'])),
    ('group_non_parameter', (lambda ms: ms.nn.SGD([{'params': [1]}]), ['parameter'])),
    ('group_order_extra_key', (lambda ms: ms.nn.SGD([{'params': _two(ms)}, {'order_params': [], 'lr': 0.1}]),
                               ['order'])),
    ('group_order_length', (lambda ms: (lambda w, b: ms.nn.SGD([{'params': [w, b]}, {'order_params': [w]}]))(
        *_two(ms)), ['length'])),
    ('group_lr_lengths', (lambda ms: (lambda w, b: ms.nn.SGD([{'params': [w], 'lr': [0.1, 0.2]},
                                                              {'params': [b], 'lr': [0.1, 0.2, 0.3]}]))(*_two(ms)),
                          ['same size'])),
    ('group_wd_negative', (lambda ms: ms.nn.SGD([{'params': _two(ms), 'weight_decay': -0.1}]),
                           ['weight_decay'])),
    ('group_gc_not_bool', (lambda ms: ms.nn.SGD([{'params': _two(ms), 'grad_centralization': 1}]),
                           ['centralization'])),
    ('sgd_momentum_str', (lambda ms: ms.nn.SGD(_two(ms), momentum='a'), ['momentum'])),
    ('sgd_momentum_negative', (lambda ms: ms.nn.SGD(_two(ms), momentum=-0.1), ['momentum', '-0.1'])),
    ('sgd_dampening_negative', (lambda ms: ms.nn.SGD(_two(ms), dampening=-0.1), ['dampening'])),
    ('sgd_nesterov_int', (lambda ms: ms.nn.SGD(_two(ms), nesterov=1), ['nesterov'])),
    ('sgd_nesterov_dampening', (lambda ms: ms.nn.SGD(_two(ms), momentum=0.9, dampening=0.1, nesterov=True),
                                ['nesterov', 'dampening'])),
    ('sgd_dynamic_wd', (lambda ms: ms.nn.SGD(_two(ms), weight_decay=ms.nn.ExponentialDecayLR(0.1, 0.9, 1)),
                        ['dynamic weight decay'])),
    ('momentum_int', (lambda ms: ms.nn.Momentum(_two(ms), 0.1, 1), ['momentum', 'float'])),
    ('momentum_nesterov_int', (lambda ms: ms.nn.Momentum(_two(ms), 0.1, 0.9, use_nesterov=1), ['bool'])),
    ('momentum_missing', (lambda ms: ms.nn.Momentum(_two(ms), 0.1), ['momentum'])),
    ('adam_beta2_one', (lambda ms: ms.nn.Adam(_two(ms), beta2=1.0), ['beta2', '1.0'])),
    ('adam_beta1_int', (lambda ms: ms.nn.Adam(_two(ms), beta1=0), ['beta1'])),
    ('adam_eps_zero', (lambda ms: ms.nn.Adam(_two(ms), eps=0.0), ['eps'])),
    ('adam_bad_kwarg', (lambda ms: ms.nn.Adam(_two(ms), foo=1), ['foo'])),
    ('adam_amsgrad_lazy', (lambda ms: ms.nn.Adam(_two(ms), use_amsgrad=True, use_lazy=True), ['use_amsgrad'])),
    ('adam_lazy_offload', (lambda ms: ms.nn.Adam(_two(ms), use_lazy=True, use_offload=True), ['use_lazy'])),
    ('adam_amsgrad_int', (lambda ms: ms.nn.Adam(_two(ms), use_amsgrad=1), ['use_amsgrad'])),
    ('adamwd_beta1_one', (lambda ms: ms.nn.AdamWeightDecay(_two(ms), beta1=1.0), ['beta1'])),
    ('adamwd_wd_negative', (lambda ms: ms.nn.AdamWeightDecay(_two(ms), weight_decay=-1.0), ['weight_decay'])),
    ('get_lr_parameter_int', (lambda ms: ms.nn.SGD(_two(ms)).get_lr_parameter(5), ['param'])),
    ('get_lr_parameter_missing', (lambda ms: ms.nn.SGD(_two(ms)).get_lr_parameter(_p(ms, 'z')), ['z'])),
    ('optimizer_base_construct', (lambda ms: ms.nn.Optimizer(0.1, _two(ms))(_grads(ms)), [])),
    ('grads_wrong_count', (lambda ms: ms.nn.SGD(_two(ms))(_grads(ms)[:1]), [])),
    ('train_sens_zero', (lambda ms: ms.nn.TrainOneStepCell(ms.nn.Dense(2, 2), ms.nn.SGD(_two(ms)), sens=0),
                         ['sens'])),
    ('fvg_bad_network', (lambda ms: ms.nn.ForwardValueAndGrad(5), ['network'])),
    ('fvg_weights_missing', (lambda ms: ms.nn.ForwardValueAndGrad(ms.nn.Dense(2, 2), get_by_list=True),
                             ['weights'])),
    ('fvg_get_all_int', (lambda ms: ms.nn.ForwardValueAndGrad(ms.nn.Dense(2, 2), get_all=1), ['get_all'])),
    ('with_eval_cast_int', (lambda ms: ms.nn.WithEvalCell(ms.nn.Dense(2, 2), ms.nn.MSELoss(), add_cast_fp32=1),
                            ['add_cast_fp32'])),
    ('parameter_update_tensor', (lambda ms: ms.nn.ParameterUpdate(ms.Tensor(1.0)), ['parameter'])),
    # schedules
    ('exp_decay_steps_zero', (lambda ms: ms.nn.ExponentialDecayLR(0.1, 0.9, 0), ['decay_steps'])),
    ('exp_lr_int', (lambda ms: ms.nn.ExponentialDecayLR(1, 0.9, 2), ['learning_rate'])),
    ('exp_rate_negative', (lambda ms: ms.nn.ExponentialDecayLR(0.1, -0.9, 2), ['decay_rate'])),
    ('exp_stair_int', (lambda ms: ms.nn.ExponentialDecayLR(0.1, 0.9, 2, is_stair=1), ['is_stair'])),
    ('natural_steps_float', (lambda ms: ms.nn.NaturalExpDecayLR(0.1, 0.9, 2.0), ['decay_steps'])),
    ('inverse_steps_bool', (lambda ms: ms.nn.InverseDecayLR(0.1, 0.9, True), ['decay_steps'])),
    ('cosine_min_int', (lambda ms: ms.nn.CosineDecayLR(0, 0.1, 2), ['min_lr'])),
    ('cosine_min_ge_max', (lambda ms: ms.nn.CosineDecayLR(0.2, 0.1, 2), ['max_lr', 'min_lr'])),
    ('cosine_max_int', (lambda ms: ms.nn.CosineDecayLR(0.0, 1, 2), ['max_lr'])),
    ('polynomial_power_zero', (lambda ms: ms.nn.PolynomialDecayLR(0.1, 0.01, 2, 0.0), ['power'])),
    ('polynomial_end_int', (lambda ms: ms.nn.PolynomialDecayLR(0.1, 0, 2, 1.0), ['end_learning_rate'])),
    ('polynomial_update_int', (lambda ms: ms.nn.PolynomialDecayLR(0.1, 0.01, 2, 1.0, 1), ['update_decay_steps'])),
    ('warmup_lr_int', (lambda ms: ms.nn.WarmUpLR(1, 2), ['learning_rate'])),
    ('warmup_steps_zero', (lambda ms: ms.nn.WarmUpLR(0.1, 0), ['warmup_steps'])),
    ('schedule_base', (lambda ms: ms.nn.learning_rate_schedule.LearningRateSchedule()(ms.Tensor(1)), [])),
    # dynamic_lr
    ('piecewise_len', (lambda ms: ms.nn.piecewise_constant_lr([1, 2], [0.1]), ['milestone', 'size'])),
    ('piecewise_decreasing', (lambda ms: ms.nn.piecewise_constant_lr([3, 2], [0.1, 0.2]), ['milestone'])),
    ('piecewise_int_lr', (lambda ms: ms.nn.piecewise_constant_lr([1, 2], [1, 0.2]), ['learning_rates[0]'])),
    ('piecewise_not_list', (lambda ms: ms.nn.piecewise_constant_lr(3, [0.1]), ['milestone'])),
    ('exp_lr_total_zero', (lambda ms: ms.nn.exponential_decay_lr(0.1, 0.9, 0, 1, 1), ['total_step'])),
    ('exp_lr_rate_int', (lambda ms: ms.nn.exponential_decay_lr(0.1, 1, 4, 1, 1), ['decay_rate'])),
    ('cosine_lr_min_ge_max', (lambda ms: ms.nn.cosine_decay_lr(0.2, 0.1, 4, 1, 1), ['max_lr'])),
    ('cosine_lr_min_int', (lambda ms: ms.nn.cosine_decay_lr(0, 0.1, 4, 1, 1), ['min_lr'])),
    ('polynomial_lr_end_int', (lambda ms: ms.nn.polynomial_decay_lr(0.1, 0, 4, 1, 1, 1.0), ['end_learning_rate'])),
    ('polynomial_lr_update_int', (lambda ms: ms.nn.polynomial_decay_lr(0.1, 0.0, 4, 1, 1, 1.0, 1),
                                  ['update_decay_epoch'])),
    ('warmup_lr_negative', (lambda ms: ms.nn.warmup_lr(-0.1, 4, 1, 1), ['learning_rate'])),
    ('warmup_lr_epoch_zero', (lambda ms: ms.nn.warmup_lr(0.1, 4, 1, 0), ['warmup_epoch'])),
])

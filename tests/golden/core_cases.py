"""Case definitions shared by ``gen_core.py`` (run under real MindSpore) and the core golden tests
(run under lightspore).

Every function here takes the framework module (``mindspore`` or ``lightspore``) as ``ms`` and uses
only MindSpore's public API, so the very same code builds the nets and runs the cases on both
sides. Nothing here may import mindspore or lightspore itself.
"""
import importlib
import re
from collections import OrderedDict

import numpy as np

ADDR_RE = re.compile(r" at 0x[0-9a-fA-F]+")
MODULE_RE = re.compile(r"<(?:mindspore|lightspore)\.")


def norm_addr(text):
    """Normalise a repr: object addresses (``<... object at 0x7f...>`` -> ``at 0xADDR``) and the top
    package in ``<mindspore.common.initializer.HeUniform object ...>`` (-> ``<ms.``)."""
    return MODULE_RE.sub("<ms.", ADDR_RE.sub(" at 0xADDR", text))


def _normal(ms):
    return importlib.import_module(ms.__name__ + ".common.initializer").Normal


# --------------------------------------------------------------------------------------------
# a. LeNet5 (verbatim structure of the model-building overview)
# --------------------------------------------------------------------------------------------
def lenet5_class(ms):
    nn = ms.nn
    Normal = _normal(ms)

    class LeNet5(nn.Cell):
        def __init__(self, num_class=10, num_channel=1, include_top=True):
            super().__init__()
            self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode='valid')
            self.conv2 = nn.Conv2d(6, 16, 5, pad_mode='valid')
            self.relu = nn.ReLU()
            self.max_pool2d = nn.MaxPool2d(kernel_size=2, stride=2)
            self.include_top = include_top
            if self.include_top:
                self.flatten = nn.Flatten()
                self.fc1 = nn.Dense(16 * 5 * 5, 120, weight_init=Normal(0.02))
                self.fc2 = nn.Dense(120, 84, weight_init=Normal(0.02))
                self.fc3 = nn.Dense(84, num_class, weight_init=Normal(0.02))

        def construct(self, x):
            x = self.conv1(x)
            x = self.relu(x)
            x = self.max_pool2d(x)
            x = self.conv2(x)
            x = self.relu(x)
            x = self.max_pool2d(x)
            if not self.include_top:
                return x
            x = self.flatten(x)
            x = self.relu(self.fc1(x))
            x = self.relu(self.fc2(x))
            x = self.fc3(x)
            return x

    return LeNet5


def make_lenet(ms, weights):
    """LeNet5 with every parameter set from ``weights`` (name -> float32 ndarray)."""
    net = lenet5_class(ms)()
    for p in net.get_parameters():
        p.set_data(ms.Tensor(np.array(weights[p.name])))
    return net


def lenet_weights(rng):
    """Deterministic LeNet5 weights (fan-in scaled so that the net trains visibly)."""
    shapes = OrderedDict([
        ('conv1.weight', (6, 1, 5, 5)), ('conv2.weight', (16, 6, 5, 5)),
        ('fc1.weight', (120, 400)), ('fc1.bias', (120,)),
        ('fc2.weight', (84, 120)), ('fc2.bias', (84,)),
        ('fc3.weight', (10, 84)), ('fc3.bias', (10,)),
    ])
    out = OrderedDict()
    for name, shape in shapes.items():
        if name.endswith('bias'):
            out[name] = rng.uniform(-0.05, 0.05, shape).astype(np.float32)
        else:
            fan_in = int(np.prod(shape[1:]))
            bound = np.sqrt(6.0 / fan_in)
            out[name] = rng.uniform(-bound, bound, shape).astype(np.float32)
    return out


# Optimizer cases: name -> builder(ms, params). Each runs 3 steps from the same start.
OPTIMIZER_CASES = OrderedDict([
    ('sgd', lambda ms, p: ms.nn.SGD(p, learning_rate=0.01)),
    ('sgd_nesterov_wd', lambda ms, p: ms.nn.SGD(p, learning_rate=0.01, momentum=0.9, nesterov=True,
                                                weight_decay=1e-4)),
    ('momentum', lambda ms, p: ms.nn.Momentum(p, learning_rate=0.01, momentum=0.9)),
    ('momentum_wd', lambda ms, p: ms.nn.Momentum(p, learning_rate=0.01, momentum=0.9, weight_decay=1e-4)),
    ('adam', lambda ms, p: ms.nn.Adam(p, learning_rate=1e-3)),
    ('adam_amsgrad', lambda ms, p: ms.nn.Adam(p, learning_rate=1e-3, use_amsgrad=True)),
    ('adam_wd', lambda ms, p: ms.nn.Adam(p, learning_rate=1e-3, weight_decay=1e-4)),
    ('adamweightdecay', lambda ms, p: ms.nn.AdamWeightDecay(p, learning_rate=1e-3, weight_decay=0.01)),
    # dynamic learning rates: get_lr() is recorded before every step and after the last one
    ('sgd_lr_list', lambda ms, p: ms.nn.SGD(p, learning_rate=[0.01, 0.005, 0.0025, 0.001])),
    ('momentum_exp_decay', lambda ms, p: ms.nn.Momentum(
        p, learning_rate=ms.nn.ExponentialDecayLR(0.01, 0.5, 1), momentum=0.9)),
])
DYNAMIC_LR_CASES = ('sgd_lr_list', 'momentum_exp_decay')
ADAM_FAMILY = ('adam', 'adam_amsgrad', 'adam_wd', 'adamweightdecay')
N_STEPS = 3
LENET_LOSSES = ('sce', 'ce')
# weight-gradient indices recorded for the grad_position+weights and has_aux variants
EXTENDED_GRAD_INDICES = (0, 3, 4, 7)


def lenet_loss_fn(ms, name):
    if name == 'sce':
        return ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
    return ms.nn.CrossEntropyLoss()


def lenet_grads(ms, weights, x, labels, loss_name, extended=False):
    """Loss and gradients of LeNet5 the way MindSpore's tutorials compute them.

    Returns a dict of numpy results. ``extended`` adds grad_position/weights combinations, ms.grad
    and has_aux."""
    net = make_lenet(ms, weights)
    loss_fn = lenet_loss_fn(ms, loss_name)
    optimizer = ms.nn.SGD(net.trainable_params(), learning_rate=0.01)
    t_x, t_y = ms.Tensor(x), ms.Tensor(labels)

    def forward_fn(data, label):
        logits = net(data)
        return loss_fn(logits, label)

    def forward_aux(data, label):
        logits = net(data)
        return loss_fn(logits, label), logits

    res = OrderedDict()
    loss, grads = ms.value_and_grad(forward_fn, None, optimizer.parameters)(t_x, t_y)
    res['loss'] = loss.asnumpy()
    res['grads'] = [(p.name, g.asnumpy()) for p, g in zip(optimizer.parameters, grads)]
    loss_x, dx = ms.value_and_grad(forward_fn, grad_position=0)(t_x, t_y)
    res['dx_loss'] = loss_x.asnumpy()
    res['dx'] = dx.asnumpy()
    if extended:
        _, (dx2, grads2) = ms.value_and_grad(forward_fn, 0, optimizer.parameters)(t_x, t_y)
        res['dxw_dx'] = dx2.asnumpy()
        res['dxw_grads'] = [g.asnumpy() for g in grads2]
        res['grad_fn_dx'] = ms.grad(forward_fn, grad_position=0)(t_x, t_y).asnumpy()
        (aux_loss, aux_logits), aux_grads = ms.value_and_grad(
            forward_aux, None, optimizer.parameters, has_aux=True)(t_x, t_y)
        res['aux_loss'] = aux_loss.asnumpy()
        res['aux_logits'] = aux_logits.asnumpy()
        res['aux_grads'] = [g.asnumpy() for g in aux_grads]
    return res


def run_optimizer_case(ms, case, weights, x, labels):
    """N_STEPS training steps of LeNet5 (the tutorial's train_step). Returns a dict with the step
    losses, get_lr() before every step and after the last, final weights, optimizer type name."""
    net = make_lenet(ms, weights)
    loss_fn = lenet_loss_fn(ms, 'sce')
    optimizer = OPTIMIZER_CASES[case](ms, net.trainable_params())

    def forward_fn(data, label):
        logits = net(data)
        loss = loss_fn(logits, label)
        return loss, logits

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)

    def train_step(data, label):
        (loss, _), grads = grad_fn(data, label)
        optimizer(grads)
        return loss

    t_x, t_y = ms.Tensor(x), ms.Tensor(labels)
    losses, lrs = [], []
    for _ in range(N_STEPS):
        lrs.append(float(np.asarray(optimizer.get_lr().asnumpy())))
        losses.append(float(train_step(t_x, t_y).asnumpy()))
    lrs.append(float(np.asarray(optimizer.get_lr().asnumpy())))
    return OrderedDict(losses=losses, lrs=lrs, type=type(optimizer).__name__,
                       param_names=[p.name for p in optimizer.parameters],
                       final=[(p.name, p.asnumpy()) for p in net.get_parameters()])


# --------------------------------------------------------------------------------------------
# b. losses. Arrays are referenced by key ("@key") and stored in core_losses.npz.
# --------------------------------------------------------------------------------------------
def loss_arrays(rng):
    a = OrderedDict()
    a['logits'] = rng.standard_normal((4, 5)).astype(np.float32)
    a['target_idx'] = np.array([1, 0, 4, 2], np.int32)
    a['target_idx_ign'] = np.array([1, -100, 4, 3], np.int32)
    a['target_idx_ign2'] = np.array([1, 2, 4, 2], np.int32)
    p = rng.uniform(0.1, 1.0, (4, 5)).astype(np.float32)
    a['target_prob'] = (p / p.sum(axis=1, keepdims=True)).astype(np.float32)
    a['onehot'] = np.eye(5, dtype=np.float32)[[1, 0, 4, 2]]
    a['class_weight'] = np.array([0.5, 1.0, 2.0, 1.5, 0.25], np.float32)
    a['logits_k'] = rng.standard_normal((2, 3, 4)).astype(np.float32)
    a['target_k'] = np.array([[0, 2, 1, 1], [2, 2, 0, 1]], np.int32)
    lp = rng.standard_normal((4, 5)).astype(np.float32)
    a['logprob'] = (lp - np.log(np.exp(lp).sum(axis=1, keepdims=True))).astype(np.float32)
    a['x'] = rng.standard_normal((3, 4)).astype(np.float32)
    a['y'] = rng.standard_normal((3, 4)).astype(np.float32)
    a['bin_target'] = (rng.uniform(size=(3, 4)) > 0.5).astype(np.float32)
    a['bce_weight'] = np.array([1.0, 0.5, 2.0, 1.5], np.float32)
    a['pos_weight'] = np.array([2.0, 1.0, 0.5, 3.0], np.float32)
    a['target_prob_x'] = rng.uniform(0.0, 1.0, (3, 4)).astype(np.float32)
    return a


LOSS_CASES = OrderedDict([
    # id: (class name, kwargs, inputs)
    ('ce_idx_mean', ('CrossEntropyLoss', {}, ['@logits', '@target_idx'])),
    ('ce_idx_sum', ('CrossEntropyLoss', {'reduction': 'sum'}, ['@logits', '@target_idx'])),
    ('ce_idx_none', ('CrossEntropyLoss', {'reduction': 'none'}, ['@logits', '@target_idx'])),
    ('ce_idx_weight_mean', ('CrossEntropyLoss', {'weight': '@class_weight'}, ['@logits', '@target_idx'])),
    ('ce_idx_weight_none', ('CrossEntropyLoss', {'weight': '@class_weight', 'reduction': 'none'},
                            ['@logits', '@target_idx'])),
    ('ce_idx_ignore_default', ('CrossEntropyLoss', {}, ['@logits', '@target_idx_ign'])),
    ('ce_idx_ignore_2_mean', ('CrossEntropyLoss', {'ignore_index': 2}, ['@logits', '@target_idx_ign2'])),
    ('ce_idx_ignore_2_none', ('CrossEntropyLoss', {'ignore_index': 2, 'reduction': 'none'},
                              ['@logits', '@target_idx_ign2'])),
    ('ce_idx_ignore_weight', ('CrossEntropyLoss', {'ignore_index': 2, 'weight': '@class_weight'},
                              ['@logits', '@target_idx_ign2'])),
    ('ce_idx_smooth', ('CrossEntropyLoss', {'label_smoothing': 0.1}, ['@logits', '@target_idx'])),
    ('ce_idx_smooth_weight', ('CrossEntropyLoss', {'label_smoothing': 0.2, 'weight': '@class_weight'},
                              ['@logits', '@target_idx'])),
    ('ce_idx_smooth_none', ('CrossEntropyLoss', {'label_smoothing': 0.1, 'reduction': 'none'},
                            ['@logits', '@target_idx'])),
    ('ce_prob_mean', ('CrossEntropyLoss', {}, ['@logits', '@target_prob'])),
    ('ce_prob_sum', ('CrossEntropyLoss', {'reduction': 'sum'}, ['@logits', '@target_prob'])),
    ('ce_prob_none', ('CrossEntropyLoss', {'reduction': 'none'}, ['@logits', '@target_prob'])),
    ('ce_prob_weight', ('CrossEntropyLoss', {'weight': '@class_weight'}, ['@logits', '@target_prob'])),
    ('ce_prob_smooth', ('CrossEntropyLoss', {'label_smoothing': 0.1}, ['@logits', '@target_prob'])),
    ('ce_kdim_mean', ('CrossEntropyLoss', {}, ['@logits_k', '@target_k'])),
    ('ce_kdim_none', ('CrossEntropyLoss', {'reduction': 'none'}, ['@logits_k', '@target_k'])),
    ('sce_sparse_mean', ('SoftmaxCrossEntropyWithLogits', {'sparse': True, 'reduction': 'mean'},
                         ['@logits', '@target_idx'])),
    ('sce_sparse_none', ('SoftmaxCrossEntropyWithLogits', {'sparse': True}, ['@logits', '@target_idx'])),
    ('sce_sparse_sum', ('SoftmaxCrossEntropyWithLogits', {'sparse': True, 'reduction': 'sum'},
                        ['@logits', '@target_idx'])),
    ('sce_dense_none', ('SoftmaxCrossEntropyWithLogits', {}, ['@logits', '@onehot'])),
    ('sce_dense_mean', ('SoftmaxCrossEntropyWithLogits', {'reduction': 'mean'}, ['@logits', '@onehot'])),
    ('sce_dense_prob_sum', ('SoftmaxCrossEntropyWithLogits', {'reduction': 'sum'},
                            ['@logits', '@target_prob'])),
    ('nll_mean', ('NLLLoss', {}, ['@logprob', '@target_idx'])),
    ('nll_sum', ('NLLLoss', {'reduction': 'sum'}, ['@logprob', '@target_idx'])),
    ('nll_none', ('NLLLoss', {'reduction': 'none'}, ['@logprob', '@target_idx'])),
    ('nll_weight_mean', ('NLLLoss', {'weight': '@class_weight'}, ['@logprob', '@target_idx'])),
    ('nll_ignore_mean', ('NLLLoss', {'ignore_index': 2}, ['@logprob', '@target_idx_ign2'])),
    ('nll_ignore_weight_none', ('NLLLoss', {'ignore_index': 2, 'weight': '@class_weight',
                                            'reduction': 'none'},
                                ['@logprob', '@target_idx_ign2'])),
    ('mse_mean', ('MSELoss', {}, ['@x', '@y'])),
    ('mse_sum', ('MSELoss', {'reduction': 'sum'}, ['@x', '@y'])),
    ('mse_none', ('MSELoss', {'reduction': 'none'}, ['@x', '@y'])),
    ('l1_mean', ('L1Loss', {}, ['@x', '@y'])),
    ('l1_sum', ('L1Loss', {'reduction': 'sum'}, ['@x', '@y'])),
    ('l1_none', ('L1Loss', {'reduction': 'none'}, ['@x', '@y'])),
    ('bce_mean', ('BCEWithLogitsLoss', {}, ['@x', '@bin_target'])),
    ('bce_none', ('BCEWithLogitsLoss', {'reduction': 'none'}, ['@x', '@bin_target'])),
    ('bce_sum_weight', ('BCEWithLogitsLoss', {'reduction': 'sum', 'weight': '@bce_weight'},
                        ['@x', '@bin_target'])),
    ('bce_pos_weight', ('BCEWithLogitsLoss', {'pos_weight': '@pos_weight'}, ['@x', '@bin_target'])),
    ('bce_weight_pos_weight_none', ('BCEWithLogitsLoss',
                                    {'reduction': 'none', 'weight': '@bce_weight',
                                     'pos_weight': '@pos_weight'}, ['@x', '@bin_target'])),
    ('bce_soft_target', ('BCEWithLogitsLoss', {}, ['@x', '@target_prob_x'])),
    ('smoothl1_default', ('SmoothL1Loss', {}, ['@x', '@y'])),
    ('smoothl1_beta05_mean', ('SmoothL1Loss', {'beta': 0.5, 'reduction': 'mean'}, ['@x', '@y'])),
    ('smoothl1_beta2_sum', ('SmoothL1Loss', {'beta': 2.0, 'reduction': 'sum'}, ['@x', '@y'])),
])
# losses whose second input is differentiable too (float targets): grads recorded for both positions
LOSS_GRAD_BOTH = ('mse', 'l1', 'smoothl1', 'bce_soft')


def loss_grad_positions(case_id):
    return (0, 1) if case_id.startswith(LOSS_GRAD_BOTH) else (0,)


def resolve(ms, value, arrays):
    """'@key' -> ms.Tensor(arrays[key]); anything else unchanged."""
    if isinstance(value, str) and value.startswith('@'):
        return ms.Tensor(np.array(arrays[value[1:]]))
    return value


def build_loss(ms, case_id, arrays):
    cls_name, kwargs, inputs = LOSS_CASES[case_id]
    kw = {k: resolve(ms, v, arrays) for k, v in kwargs.items()}
    loss = getattr(ms.nn, cls_name)(**kw)
    args = [resolve(ms, v, arrays) for v in inputs]
    return loss, args


def run_loss_case(ms, case_id, arrays):
    """(value Tensor, {position: grad ndarray}) with grads of loss(...).sum() via ms.grad."""
    loss, args = build_loss(ms, case_id, arrays)
    value = loss(*args)
    positions = loss_grad_positions(case_id)

    def fn(*a):
        return loss(*a).sum()

    grads = ms.grad(fn, grad_position=positions)(*args)
    if len(positions) == 1:
        grads = (grads,)
    return value, {pos: g.asnumpy() for pos, g in zip(positions, grads)}


# --------------------------------------------------------------------------------------------
# c. tensor behaviour
# --------------------------------------------------------------------------------------------
DTYPE_NAMES = ['bool_', 'int8', 'uint8', 'int16', 'int32', 'int64', 'float16', 'float32', 'float64']
BINOPS = ['+', '-', '*', '/', '//', '%', '**', '==', '<']
SCALARS = OrderedDict([('int', 2), ('negint', -3), ('float', 2.5), ('bool', True)])

_NP = {'bool_': np.bool_, 'int8': np.int8, 'uint8': np.uint8, 'int16': np.int16, 'int32': np.int32,
       'int64': np.int64, 'float16': np.float16, 'float32': np.float32, 'float64': np.float64}


def operand(dtype_name, side, op):
    """Numpy operand for a binary-op case. Values avoid integer division by zero and negative integer
    exponents; bool operands are all True."""
    if dtype_name == 'bool_':
        return np.array([True, True, True])
    if side == 'a':
        vals = [5, 2, 7] if dtype_name == 'uint8' or op == '**' else [5, -2, 7]
    else:
        vals = [2, 3, 4] if dtype_name == 'uint8' or op == '**' else [2, 3, -4]
    return np.array(vals).astype(_NP[dtype_name])


def apply_binop(op, a, b):
    if op == '+':
        return a + b
    if op == '-':
        return a - b
    if op == '*':
        return a * b
    if op == '/':
        return a / b
    if op == '//':
        return a // b
    if op == '%':
        return a % b
    if op == '**':
        return a ** b
    if op == '==':
        return a == b
    if op == '<':
        return a < b
    raise AssertionError(op)


def scalar_ok(op, scalar, tensor_dtype):
    """Which scalar/tensor combinations are run (avoid int div by 0 / negative int exponents)."""
    if op == '**' and isinstance(scalar, int) and not isinstance(scalar, bool) and scalar < 0:
        return False
    return True


def run_binop(ms, op, a_np, b_np):
    """Returns ('ok', dtype_str, values) or ('error', exc_class_name). a_np/b_np: ndarray or python scalar.
    Tensors are forced to materialise (asnumpy) so that lazily raised kernel errors surface."""
    a = ms.Tensor(a_np) if isinstance(a_np, np.ndarray) else a_np
    b = ms.Tensor(b_np) if isinstance(b_np, np.ndarray) else b_np
    try:
        r = apply_binop(op, a, b)
        vals = r.asnumpy()
    except Exception as e:  # noqa: BLE001 - recording what the framework raises
        return ('error', type(e).__name__)
    return ('ok', str(r.dtype), vals.astype(np.float64).tolist())


def binop_cases():
    """All binary-op cases as OrderedDict key -> (table, op, left operand, right operand); operands are
    numpy arrays (made into tensors) or python scalars."""
    cases = OrderedDict()
    for op in BINOPS:
        for a in DTYPE_NAMES:
            for b in DTYPE_NAMES:
                cases[f'{a}|{op}|{b}'] = ('tensor_tensor', op, operand(a, 'a', op), operand(b, 'b', op))
    for sname, sval in SCALARS.items():
        for op in BINOPS:
            for d in DTYPE_NAMES:
                if not scalar_ok(op, sval, d):
                    continue
                cases[f'T[{d}]|{op}|{sname}'] = ('tensor_scalar', op, operand(d, 'a', op), sval)
                cases[f'{sname}|{op}|T[{d}]'] = ('tensor_scalar', op, sval, operand(d, 'b', op))
    for a, b in ZERO_DIM_CASES:
        cases[f'{a[0]}{a[1]}d+{b[0]}{b[1]}d'] = ('zero_dim', '+', zero_dim_operand(*a), zero_dim_operand(*b))
    for k, (d, f) in NP_SCALAR_CASES.items():
        cases[k] = ('np_scalar', '+', operand(d, 'a', '+'), f())
    return cases


def tensor_info(f):
    """['ok', dtype str, shape, values] for the tensor f() returns, or ['error', exception class name]."""
    try:
        t = f()
        return ['ok', str(t.dtype), list(t.shape), t.asnumpy().astype(np.float64).tolist()]
    except Exception as e:  # noqa: BLE001 - recording what the framework raises
        return ['error', type(e).__name__]


# Tensor(x) inputs: name -> factory
TENSOR_INPUTS = OrderedDict([
    ('int', lambda: 1),
    ('float', lambda: 1.5),
    ('bool', lambda: True),
    ('big_int', lambda: 2 ** 40),
    ('list_int', lambda: [1, 2]),
    ('list_float', lambda: [1.0, 2]),
    ('list_bool', lambda: [True, False]),
    ('list_bool_int', lambda: [True, 2]),
    ('nested_int', lambda: [[1, 2], [3, 4]]),
    ('tuple_mixed', lambda: (1, 2.0)),
    ('empty_list', lambda: []),
    ('np_int8', lambda: np.int8(1)),
    ('np_int32', lambda: np.int32(3)),
    ('np_int64', lambda: np.int64(3)),
    ('np_float16', lambda: np.float16(1)),
    ('np_float32', lambda: np.float32(1)),
    ('np_float64', lambda: np.float64(2.0)),
    ('np_bool', lambda: np.bool_(True)),
    ('np_arr_int64', lambda: np.array([1, 2])),
    ('np_arr_float64', lambda: np.array([1.0])),
    ('np_arr_uint8', lambda: np.array([1], np.uint8)),
    ('np_arr_bool', lambda: np.array([True])),
])

# Tensor(x, dtype=...) : name -> (factory, dtype attribute name)
TENSOR_INPUTS_DTYPE = OrderedDict([
    ('int_as_float16', (lambda: 1, 'float16')),
    ('float_list_as_int32', (lambda: [1.5, -2.7], 'int32')),
    ('np_f64_as_float32', (lambda: np.array([0.1], np.float64), 'float32')),
    ('int_list_as_bool', (lambda: [0, 2], 'bool_')),
])

# Parameter(x) inputs
# 0-d tensors take part in promotion like any tensor? ((dtype, ndim), (dtype, ndim)) under '+'
ZERO_DIM_CASES = [
    (('int64', 0), ('int8', 1)), (('int8', 1), ('int64', 0)), (('float64', 0), ('float32', 1)),
    (('float32', 0), ('int32', 1)), (('int32', 0), ('float16', 1)), (('float32', 0), ('float16', 1)),
    (('int64', 0), ('uint8', 1)), (('bool_', 1), ('int64', 0)), (('int32', 0), ('int64', 0)),
    (('float16', 0), ('float64', 0)),
]


def zero_dim_operand(dtype_name, ndim):
    v = np.array(True if dtype_name == 'bool_' else 3).astype(_NP[dtype_name])
    return v if ndim == 0 else np.stack([v, v])


# tensor (1-d, given dtype) + numpy scalar on the right
NP_SCALAR_CASES = OrderedDict([
    ('float16+np.float64', ('float16', lambda: np.float64(2.5))),
    ('int32+np.float64', ('int32', lambda: np.float64(2.5))),
    ('int32+np.float32', ('int32', lambda: np.float32(2.5))),
    ('int8+np.int64', ('int8', lambda: np.int64(2))),
    ('float16+np.float32', ('float16', lambda: np.float32(2.5))),
    ('int8+np.int32', ('int8', lambda: np.int32(2))),
    ('bool+np.bool_', ('bool_', lambda: np.bool_(True))),
    ('int8+int_overflow', ('int8', lambda: 300)),
])

PARAM_INPUTS = OrderedDict([
    ('int', lambda: 3),
    ('float', lambda: 1.5),
    ('bool', lambda: True),
    ('list_int', lambda: [1, 2]),
    ('list_float', lambda: [1.5]),
    ('np_float64_scalar', lambda: np.float64(1.0)),
    ('np_int64_scalar', lambda: np.int64(2)),
    ('np_arr_int64', lambda: np.array([1, 2])),
    ('np_arr_float64', lambda: np.array([1.0, 2.0])),
    ('str', lambda: 'abc'),
    ('none', lambda: None),
])

# tensors whose repr()/str() are recorded: name -> factory(ms)
REPR_TENSORS = OrderedDict([
    ('scalar_float', lambda ms: ms.Tensor(1.5)),
    ('scalar_int', lambda ms: ms.Tensor(3)),
    ('scalar_bool', lambda ms: ms.Tensor(True)),
    ('vec_float', lambda ms: ms.Tensor([1.0, 2.5, -3.25])),
    ('mat_float', lambda ms: ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3) / 3)),
    ('mat_int', lambda ms: ms.Tensor(np.arange(6).reshape(2, 3))),
    ('vec_int8', lambda ms: ms.Tensor([1, -2], ms.int8)),
    ('vec_bool', lambda ms: ms.Tensor([True, False])),
    ('vec_float16', lambda ms: ms.Tensor([1.5, 2.0], ms.float16)),
    ('vec_float64', lambda ms: ms.Tensor([0.1], ms.float64)),
    ('vec_sci', lambda ms: ms.Tensor([1e-8, 1e8])),
    ('cube_int32', lambda ms: ms.Tensor(np.ones((2, 2, 2), np.int32))),
    ('empty', lambda ms: ms.Tensor(np.zeros((0, 3), np.float32))),
    ('big_summarised', lambda ms: ms.Tensor(np.arange(2000, dtype=np.float32).reshape(40, 50))),
    ('long_vec', lambda ms: ms.Tensor(np.arange(1500, dtype=np.int32))),
])

DTYPE_STR_NAMES = ['bool_', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
                   'float16', 'float32', 'float64', 'bfloat16', 'complex64', 'complex128',
                   'half', 'single', 'double', 'float_', 'int_', 'uint']
NPTYPE_DTYPES = ['bool_', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
                 'float16', 'float32', 'float64', 'complex64', 'complex128']
PYTYPE_DTYPES = ['bool_', 'int8', 'int32', 'int64', 'uint8', 'float16', 'float32', 'float64']
PYTYPES = OrderedDict([
    ('int', int), ('float', float), ('bool', bool), ('complex', complex), ('str', str),
    ('np.int8', np.int8), ('np.int32', np.int32), ('np.int64', np.int64), ('np.uint8', np.uint8),
    ('np.float16', np.float16), ('np.float32', np.float32), ('np.float64', np.float64),
    ('np.bool_', np.bool_),
])


# --------------------------------------------------------------------------------------------
# d. cell traversal
# --------------------------------------------------------------------------------------------
def _cell_classes(ms):
    nn = ms.nn

    class Block(nn.Cell):
        def __init__(self, cin, cout):
            super().__init__()
            self.dense = nn.Dense(cin, cout)
            self.act = nn.ReLU()
            self.scale = ms.Parameter(ms.Tensor(np.ones(cout, np.float32)), name='scale')

        def construct(self, x):
            return self.act(self.dense(x)) * self.scale

    class NoPrefix(nn.Cell):
        def __init__(self):
            super().__init__(auto_prefix=False)
            self.inner = nn.Dense(4, 4)
            self.p = ms.Parameter(ms.Tensor(np.ones(4, np.float32)), name='pp')

        def construct(self, x):
            return self.inner(x) + self.p

    class Nested(nn.Cell):
        def __init__(self):
            super().__init__()
            self.seq = nn.SequentialCell([nn.Dense(3, 4), nn.ReLU(), Block(4, 4)])
            self.seqd = nn.SequentialCell(OrderedDict([('fc', nn.Dense(4, 4)), ('blk', Block(4, 4))]))
            cl = nn.CellList([nn.Dense(4, 4)])
            cl.append(nn.Dense(4, 4))
            cl.insert(0, nn.ReLU())
            cl.extend([Block(4, 4)])
            self.cl = cl
            self.cd = nn.CellDict({'a': nn.Dense(4, 4), 'b': nn.ReLU()})
            self.nop = NoPrefix()
            self.free = ms.Parameter(ms.Tensor(np.zeros(4, np.float32)))
            self.shared = ms.Parameter(ms.Tensor(np.ones(4, np.float32)), name='shared_w')
            self.alias = self.shared
            self.sub = nn.SequentialCell(Block(4, 4), nn.Dense(4, 2))

        def construct(self, x):
            x = self.seq(x)
            x = self.seqd(x)
            for c in self.cl:
                x = c(x)
            x = self.cd['b'](self.cd['a'](x))
            x = self.nop(x)
            x = x + self.free + self.shared * self.alias
            return self.sub(x)

    class LateList(nn.Cell):
        """A CellList assigned while empty and filled afterwards, and a cell assigned after init."""
        def __init__(self):
            super().__init__()
            self.blk = Block(2, 2)
            self.cl = nn.CellList()
            self.cl.append(nn.Dense(2, 2))
            self.late = None

        def construct(self, x):
            x = self.blk(x)
            for c in self.cl:
                x = c(x)
            return self.late(x)

    class Tied(nn.Cell):
        """A cell used under two attribute names, and a weight tied between two Dense layers."""
        def __init__(self):
            super().__init__()
            d = nn.Dense(3, 3)
            self.first = d
            self.second = d
            self.enc = nn.Dense(3, 3)
            self.dec = nn.Dense(3, 3)
            self.dec.weight = self.enc.weight

        def construct(self, x):
            return self.dec(self.enc(self.second(self.first(x))))

    class Outer(nn.Cell):
        """Nets inside nets inside nets."""
        def __init__(self):
            super().__init__()
            self.inner = Nested()
            self.head = nn.SequentialCell([Block(2, 2), nn.Dense(2, 1, has_bias=False)])

        def construct(self, x):
            return self.head(self.inner(x))

    return Block, NoPrefix, Nested, LateList, Tied, Outer


def _late_list(ms):
    net = _cell_classes(ms)[3]()
    net.cl.append(ms.nn.Dense(2, 3))
    net.late = ms.nn.Dense(3, 1)
    return net


CELL_NETS = OrderedDict([
    ('nested', (lambda ms: _cell_classes(ms)[2](), (2, 3))),
    ('noprefix_top', (lambda ms: _cell_classes(ms)[1](), (2, 4))),
    ('late_list', (_late_list, (2, 2))),
    ('tied', (lambda ms: _cell_classes(ms)[4](), (2, 3))),
    ('outer', (lambda ms: _cell_classes(ms)[5](), (2, 3))),
    ('lenet', (lambda ms: lenet5_class(ms)(), None)),
])


def set_cell_weights(ms, net, seed=7):
    """Set every parameter deterministically, in parameters_and_names order."""
    rng = np.random.default_rng(seed)
    for _, p in net.parameters_and_names():
        arr = rng.uniform(-0.5, 0.5, tuple(p.shape)).astype(np.float32)
        p.set_data(ms.Tensor(arr))


def cell_record(ms, name):
    """Everything recorded about one traversal net (json-able), plus its forward output."""
    builder, in_shape = CELL_NETS[name]
    net = builder(ms)
    rec = OrderedDict()
    rec['get_parameters'] = [p.name for p in net.get_parameters()]
    rec['parameters_and_names'] = [[k, p.name] for k, p in net.parameters_and_names()]
    rec['cells_and_names'] = [[k, type(c).__name__] for k, c in net.cells_and_names()]
    rec['name_cells'] = list(net.name_cells().keys())
    rec['cells'] = [type(c).__name__ for c in net.cells()]
    rec['parameters_dict'] = list(net.parameters_dict().keys())
    rec['shapes'] = [list(p.shape) for p in net.get_parameters()]
    rec['repr'] = norm_addr(repr(net))
    out = None
    if in_shape is not None:
        set_cell_weights(ms, net)
        x = np.random.default_rng(11).uniform(-1, 1, in_shape).astype(np.float32)
        out = net(ms.Tensor(x)).asnumpy()
    first_key = next(iter(net.parameters_and_names()))[0]
    params = dict(net.parameters_and_names())
    params[first_key].requires_grad = False
    rec['frozen'] = first_key
    rec['trainable_params'] = [p.name for p in net.trainable_params()]
    rec['untrainable_params'] = [p.name for p in net.untrainable_params()]
    net.update_parameters_name('pre.')
    rec['after_update_name'] = [p.name for p in net.get_parameters()]
    return rec, out


# --------------------------------------------------------------------------------------------
# e. errors: name -> (action(ms), keywords that must appear (case-insensitive) in the message)
#   The action materialises tensor results (asnumpy) so lazily raised errors surface inside it.
# --------------------------------------------------------------------------------------------
def _t(ms, shape, dtype=np.float32):
    return ms.Tensor(np.ones(shape, dtype))


def summarize(ms, r):
    """json-able summary of a non-raising action's result."""
    if isinstance(r, ms.Tensor):
        r.asnumpy()
        return ['tensor', list(r.shape), str(r.dtype)]
    if r is None:
        return None
    return type(r).__name__


def _assign(obj, attr, value):
    setattr(obj, attr, value)
    return getattr(obj, attr)


def _holder(ms):
    class Holder(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.r = ms.nn.ReLU()
    return Holder()


ERROR_CASES = OrderedDict([
    ('conv2d_3d_input', (lambda ms: ms.nn.Conv2d(1, 2, 3)(_t(ms, (1, 8, 8))), ['conv2d', '4', '3'])),
    ('conv2d_5d_input', (lambda ms: ms.nn.Conv2d(1, 2, 3)(_t(ms, (1, 1, 1, 8, 8))), ['conv2d', '4', '5'])),
    ('conv2d_wrong_in_channels', (lambda ms: ms.nn.Conv2d(3, 2, 3)(_t(ms, (2, 1, 8, 8))), ['conv2d', '3'])),
    ('conv2d_int_input', (lambda ms: ms.nn.Conv2d(1, 2, 3)(_t(ms, (2, 1, 8, 8), np.int32)), ['conv2d'])),
    ('conv2d_bad_pad_mode', (lambda ms: ms.nn.Conv2d(1, 2, 3, pad_mode='foo'), ['pad_mode', 'foo'])),
    ('conv2d_padding_without_pad_mode', (lambda ms: ms.nn.Conv2d(1, 2, 3, pad_mode='same', padding=1),
                                         ['pad', 'same'])),
    ('conv2d_neg_in_channels', (lambda ms: ms.nn.Conv2d(-1, 2, 3), ['conv2d', 'in_channels', '-1'])),
    ('conv2d_zero_kernel', (lambda ms: ms.nn.Conv2d(1, 2, 0), ['conv2d', 'kernel_size'])),
    ('conv2d_bad_group', (lambda ms: ms.nn.Conv2d(3, 2, 3, group=2), ['group', 'in_channels'])),
    ('dense_wrong_last_dim', (lambda ms: ms.nn.Dense(3, 4)(_t(ms, (2, 5))), ['5', '3'])),
    ('dense_1d_input', (lambda ms: ms.nn.Dense(3, 4)(_t(ms, (3,))), [])),
    ('dense_3d_input', (lambda ms: ms.nn.Dense(3, 4)(_t(ms, (2, 2, 3))), [])),
    ('dense_float_in_channels', (lambda ms: ms.nn.Dense(3.5, 4), ['dense', 'in_channels', 'int', 'float'])),
    ('dense_bad_activation', (lambda ms: ms.nn.Dense(3, 4, activation='nope'), ['nope'])),
    ('normal_neg_sigma_ctor', (lambda ms: _normal(ms)(sigma=-1), [])),
    ('normal_neg_sigma_dense', (lambda ms: ms.nn.Dense(3, 4, weight_init=_normal(ms)(sigma=-1)).weight,
                                ['sigma'])),
    ('maxpool_bad_pad_mode', (lambda ms: ms.nn.MaxPool2d(2, 2, pad_mode='foo'), ['maxpool2d', 'pad_mode'])),
    ('maxpool_3d_input', (lambda ms: ms.nn.MaxPool2d(2, 2)(_t(ms, (1, 8, 8))), [])),
    ('flatten_0d_input', (lambda ms: ms.nn.Flatten()(ms.Tensor(1.0)), ['dim'])),
    ('param_from_str', (lambda ms: ms.Parameter('abc'), ['str'])),
    ('param_from_none', (lambda ms: ms.Parameter(None), ['none'])),
    ('param_from_bool', (lambda ms: ms.Parameter(True), ['bool'])),
    ('param_from_np_int64_scalar', (lambda ms: ms.Parameter(np.int64(2)), ['default_input'])),
    ('assign_str_to_param_attr', (lambda ms: _assign(ms.nn.Dense(3, 4), 'weight', 'x'),
                                  ['weight', 'parameter', 'str'])),
    ('assign_tensor_to_param_attr', (lambda ms: _assign(ms.nn.Dense(3, 4), 'weight', _t(ms, (4, 3))), [])),
    ('assign_tensor_bad_shape_to_param_attr', (lambda ms: _assign(ms.nn.Dense(3, 4), 'weight',
                                                                  _t(ms, (5, 3))),
                                               [])),
    ('assign_int_to_cell_attr', (lambda ms: _assign(_holder(ms), 'r', 3), ['cell', 'int'])),
    ('insert_param_name_with_dot', (lambda ms: ms.nn.Dense(2, 2).insert_param_to_cell(
        'a.b', ms.Parameter(ms.Tensor([1.0]))), ['param_name', '.'])),
    ('insert_param_non_param', (lambda ms: ms.nn.Dense(2, 2).insert_param_to_cell('c', _t(ms, (2,))),
                                ['parameter'])),
    ('param_tuple_duplicate_names', (lambda ms: ms.ParameterTuple(
        [ms.Parameter(ms.Tensor([1.0]), name='a'), ms.Parameter(ms.Tensor([2.0]), name='a')]),
                                     ["'a'", 'unique'])),
    ('celllist_append_noncell', (lambda ms: ms.nn.CellList().append(3), ['celllist', 'cell', 'int'])),
    ('celllist_init_noncell', (lambda ms: ms.nn.CellList([ms.nn.ReLU(), 3]), ['celllist', 'cell', 'int'])),
    ('celllist_insert_noncell', (lambda ms: ms.nn.CellList([ms.nn.ReLU()]).insert(0, 'a'),
                                 ['celllist', 'cell', 'str'])),
    ('celllist_extend_noncell', (lambda ms: ms.nn.CellList().extend([1]), ['celllist', 'cell', 'int'])),
    ('celllist_extend_nonlist', (lambda ms: ms.nn.CellList().extend(ms.nn.ReLU()), ['celllist', 'list'])),
    ('celllist_index_out_of_range', (lambda ms: ms.nn.CellList([ms.nn.ReLU()])[3],
                                     ['celllist', 'index', '3'])),
    ('sequential_init_noncell', (lambda ms: ms.nn.SequentialCell([ms.nn.ReLU(), 3]), ['cell', 'int'])),
    ('sequential_append_noncell', (lambda ms: ms.nn.SequentialCell([ms.nn.ReLU()]).append(3),
                                   ['sequentialcell', 'cell', 'int'])),
    ('sequential_index_out_of_range', (lambda ms: ms.nn.SequentialCell([ms.nn.ReLU()])[3],
                                       ['sequentialcell', 'index', '3'])),
    ('celldict_noncell', (lambda ms: ms.nn.CellDict({'a': 3}), ['celldict', 'cell', 'int'])),
    ('celldict_nonstr_key', (lambda ms: ms.nn.CellDict({1: ms.nn.ReLU()}), ['celldict', 'key', 'int'])),
    ('celldict_missing_key', (lambda ms: ms.nn.CellDict({'a': ms.nn.ReLU()})['b'], ['b'])),
    ('tensor_dtype_as_str', (lambda ms: ms.Tensor([1.0], dtype='float32'), ['dtype'])),
    ('tensor_from_str', (lambda ms: ms.Tensor('abc'), ['str'])),
    ('tensor_ragged_list', (lambda ms: ms.Tensor([[1, 2], [3]]), [])),
    ('tensor_plus_np_int64', (lambda ms: _t(ms, (2,)) + np.int64(2), ['add'])),
    ('tensor_plus_np_float32', (lambda ms: _t(ms, (2,)) + np.float32(2), ['add'])),
    ('add_broadcast_mismatch', (lambda ms: _t(ms, (2, 3)) + _t(ms, (4,)), ['broadcast'])),
    ('bool_floordiv_bool', (lambda ms: ms.Tensor([True]) // ms.Tensor([True]), [])),
    ('true_minus_bool_tensor', (lambda ms: True - ms.Tensor([True]), ['sub'])),
    ('sgd_negative_lr', (lambda ms: ms.nn.SGD(ms.nn.Dense(2, 2).trainable_params(), learning_rate=-0.1),
                         ['sgd', 'learning rate', '-0.1'])),
    ('sgd_nesterov_without_momentum', (lambda ms: ms.nn.SGD(ms.nn.Dense(2, 2).trainable_params(),
                                                            learning_rate=0.1, nesterov=True),
                                       ['sgd', 'nesterov', 'momentum'])),
    ('momentum_negative', (lambda ms: ms.nn.Momentum(ms.nn.Dense(2, 2).trainable_params(), learning_rate=0.1,
                                                     momentum=-0.1), ['momentum', '-0.1'])),
    ('adam_bad_beta1', (lambda ms: ms.nn.Adam(ms.nn.Dense(2, 2).trainable_params(), beta1=1.5),
                        ['adam', 'beta1', '1.5'])),
    ('adam_empty_params', (lambda ms: ms.nn.Adam([]), ['parameters', 'empty'])),
    ('ce_bad_reduction', (lambda ms: ms.nn.CrossEntropyLoss(reduction='foo'), ['reduction', 'foo'])),
    ('mse_shape_mismatch', (lambda ms: ms.nn.MSELoss()(_t(ms, (2, 3)), _t(ms, (4,))), ['broadcast'])),
    ('grad_position_out_of_range', (lambda ms: ms.value_and_grad(lambda x: x.sum(), grad_position=5)(
        ms.Tensor([1.0]))[1], ['5'])),
])

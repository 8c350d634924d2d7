"""Cases shared by gen_layers_norm.py (run on real MindSpore 2.7.1) and tests/test_layers_norm.py
(run on lightspore): normalization, dropout, embedding and activation cells.

Every function takes the framework module ``ms`` (``mindspore`` or ``lightspore``) so the same code
builds and runs the cells on both sides.
"""
import re
import zlib

import numpy as np

# name -> (constructor expression, input shape). Inputs are float32 standard normal unless the
# shape is given as ('ids', shape, vocab).
LAYERS = {
    'bn1d': ('nn.BatchNorm1d(3)', (4, 3)),
    'bn1d_3d': ('nn.BatchNorm1d(3, momentum=0.8, eps=1e-3)', (4, 3, 5)),
    'bn1d_noaffine': ('nn.BatchNorm1d(3, affine=False)', (6, 3)),
    'bn2d': ('nn.BatchNorm2d(3)', (2, 3, 4, 5)),
    'bn2d_ubs_true': ('nn.BatchNorm2d(3, use_batch_statistics=True, momentum=0.7)', (2, 3, 4, 4)),
    'bn2d_ubs_false': ('nn.BatchNorm2d(3, use_batch_statistics=False)', (2, 3, 4, 4)),
    'bn2d_inits': ("nn.BatchNorm2d(2, gamma_init=2.0, beta_init='ones', moving_mean_init=0.5, "
                   "moving_var_init=3.0)", (3, 2, 3, 3)),
    'bn3d': ('nn.BatchNorm3d(2)', (2, 2, 3, 4, 5)),
    'ln': ('nn.LayerNorm((5,))', (3, 4, 5)),
    'ln_2axes': ('nn.LayerNorm((4, 5), begin_norm_axis=1, begin_params_axis=1, epsilon=1e-5)', (3, 4, 5)),
    'ln_mixed': ('nn.LayerNorm((5,), begin_norm_axis=1, begin_params_axis=-1)', (3, 4, 5)),
    'ln_list': ('nn.LayerNorm([6], epsilon=1e-3)', (2, 6)),
    'gn': ('nn.GroupNorm(2, 4)', (3, 4, 5, 5)),
    'gn_one': ('nn.GroupNorm(1, 6, eps=1e-3)', (2, 6, 7)),
    'gn_noaffine': ('nn.GroupNorm(3, 3, affine=False)', (2, 3, 4, 4)),
    'embedding': ("nn.Embedding(7, 4, embedding_table='ones')", ('ids', (3, 5), 7)),
    'embedding_onehot': ("nn.Embedding(7, 4, use_one_hot=True, embedding_table='zeros')", ('ids', (2, 4), 7)),
    'embedding_pad': ("nn.Embedding(6, 3, embedding_table=2.0, padding_idx=1)", ('ids', (4, 3), 6)),
    'embedding_normal': ("nn.Embedding(50, 8)", ('ids', (5,), 50)),
    'prelu': ('nn.PReLU()', (2, 3, 4)),
    'prelu_c': ('nn.PReLU(3, 0.1)', (2, 3, 4, 4)),
    'prelu_list': ('nn.PReLU(2, [0.1, 0.3])', (4, 2)),
    'preluext': ('nn.PReLUExt(3, 0.2)', (2, 3, 4)),
}

# activations without parameters: name -> (constructor expression, input shape)
ACTIVATIONS = {
    'relu': ('nn.ReLU()', (3, 4)),
    'relu6': ('nn.ReLU6()', (3, 4)),
    'sigmoid': ('nn.Sigmoid()', (3, 4)),
    'tanh': ('nn.Tanh()', (3, 4)),
    'softmax': ('nn.Softmax()', (3, 4)),
    'softmax0': ('nn.Softmax(0)', (3, 4)),
    'logsoftmax': ('nn.LogSoftmax()', (3, 4)),
    'logsoftmax1': ('nn.LogSoftmax(axis=1)', (2, 3, 4)),
    'softmin': ('nn.Softmin()', (3, 4)),
    'softmin0': ('nn.Softmin(axis=0)', (3, 4)),
    'softmax2d': ('nn.Softmax2d()', (2, 3, 4, 4)),
    'softmax2d_3': ('nn.Softmax2d()', (3, 4, 4)),
    'gelu': ('nn.GELU()', (3, 4)),
    'gelu_exact': ('nn.GELU(approximate=False)', (3, 4)),
    'fastgelu': ('nn.FastGelu()', (3, 4)),
    'silu': ('nn.SiLU()', (3, 4)),
    'hswish': ('nn.HSwish()', (3, 4)),
    'hsigmoid': ('nn.HSigmoid()', (3, 4)),
    'leakyrelu': ('nn.LeakyReLU()', (3, 4)),
    'leakyrelu_a': ('nn.LeakyReLU(alpha=0.05)', (3, 4)),
    'elu': ('nn.ELU()', (3, 4)),
    'celu': ('nn.CELU()', (3, 4)),
    'celu_a': ('nn.CELU(alpha=2.0)', (3, 4)),
    'selu': ('nn.SeLU()', (3, 4)),
    'mish': ('nn.Mish()', (3, 4)),
    'softsign': ('nn.Softsign()', (3, 4)),
    'tanhshrink': ('nn.Tanhshrink()', (3, 4)),
    'hardtanh': ('nn.Hardtanh()', (3, 4)),
    'hardtanh_r': ('nn.Hardtanh(min_val=-0.5, max_val=0.7)', (3, 4)),
    'logsigmoid': ('nn.LogSigmoid()', (3, 4)),
    'softshrink': ('nn.SoftShrink()', (3, 4)),
    'softshrink_l': ('nn.SoftShrink(0.3)', (3, 4)),
    'hshrink': ('nn.HShrink()', (3, 4)),
    'hshrink_l': ('nn.HShrink(lambd=0.8)', (3, 4)),
    'threshold': ('nn.Threshold(0.1, 20.0)', (3, 4)),
    'glu': ('nn.GLU()', (3, 4)),
    'glu0': ('nn.GLU(axis=0)', (4, 3)),
    'lrn': ('nn.LRN()', (2, 6, 3, 3)),
    'lrn_r': ('nn.LRN(depth_radius=2, bias=2.0, alpha=0.5, beta=0.75)', (2, 6, 3, 3)),
}

GET_ACTIVATION_NAMES = ['softmin', 'softmax', 'softmax2d', 'logsoftmax', 'logsoftmaxExt', 'relu', 'relu6',
                        'rrelu', 'silu', 'tanh', 'tanhshrink', 'hardtanh', 'gelu', 'fast_gelu', 'elu', 'sigmoid',
                        'softsign', 'prelu', 'preluExt', 'leakyrelu', 'hswish', 'hsigmoid', 'logsigmoid',
                        'softshrink', 'hshrink', 'mish']
GET_ACTIVATION_BAD = ['ReLU', 'gelu_tanh', 'threshold', 'softplus', 'glu', 'celu', 1]

# expressions that must raise; the generator records the exception type
ERRORS = {
    'bn_num_features_float': 'nn.BatchNorm2d(3.0)',
    'bn_num_features_zero': 'nn.BatchNorm2d(0)',
    'bn_momentum_big': 'nn.BatchNorm2d(3, momentum=1.5)',
    'bn_momentum_neg': 'nn.BatchNorm1d(3, momentum=-0.1)',
    'bn_ubs_str': "nn.BatchNorm2d(3, use_batch_statistics='yes')",
    'bn_format_bad': "nn.BatchNorm2d(3, data_format='NCDHW')",
    'bn_format_nhwc_cpu': "nn.BatchNorm2d(3, data_format='NHWC')",
    'bn1d_input_4d': 'nn.BatchNorm1d(3)(x4)',
    'bn2d_input_3d': 'nn.BatchNorm2d(3)(x3)',
    'bn3d_input_4d': 'nn.BatchNorm3d(3)(x4)',
    'ln_shape_int': 'nn.LayerNorm(5)',
    'ln_shape_empty': 'nn.LayerNorm(())',
    'gn_groups_zero': 'nn.GroupNorm(0, 4)',
    'gn_not_divisible': 'nn.GroupNorm(3, 4)',
    'gn_eps_int': 'nn.GroupNorm(2, 4, eps=1)',
    'gn_affine_int': 'nn.GroupNorm(2, 4, affine=1)',
    'gn_channels_float': 'nn.GroupNorm(2, 4.0)',
    'in_num_features_float': 'nn.InstanceNorm2d(3.0)',
    'in_eps_int': 'nn.InstanceNorm2d(3, eps=1)',
    'in_momentum_int': 'nn.InstanceNorm2d(3, momentum=1)',
    'in_momentum_big': 'nn.InstanceNorm2d(3, momentum=1.5)',
    'in_affine_int': 'nn.InstanceNorm2d(3, affine=1)',
    'in_gamma_list': 'nn.InstanceNorm2d(3, gamma_init=[1.0, 1.0, 1.0])',
    'in_zero': 'nn.InstanceNorm1d(0)',
    'dropout_keep_int': 'nn.Dropout(1)',
    'dropout_keep_zero': 'nn.Dropout(0.0)',
    'dropout_keep_big': 'nn.Dropout(1.5)',
    'dropout_p_one': 'nn.Dropout(p=1.0)',
    'dropout_p_neg': 'nn.Dropout(p=-0.1)',
    'dropout_p_str': "nn.Dropout(p='0.5')",
    'dropout2d_p_int': 'nn.Dropout2d(1)',
    'dropout2d_p_big': 'nn.Dropout2d(1.5)',
    'dropout1d_p_neg': 'nn.Dropout1d(-0.5)',
    'dropout3d_p_str': "nn.Dropout3d('a')",
    'emb_vocab_float': 'nn.Embedding(5.0, 3)',
    'emb_size_str': "nn.Embedding(5, '3')",
    'emb_onehot_int': 'nn.Embedding(5, 3, use_one_hot=1)',
    'emb_pad_big': 'nn.Embedding(5, 3, padding_idx=5)',
    'emb_pad_neg': 'nn.Embedding(5, 3, padding_idx=-1)',
    'emb_dtype_bool': 'nn.Embedding(5, 3, dtype=ms.bool_)',
    'prelu_channel_zero': 'nn.PReLU(0)',
    'prelu_w_int': 'nn.PReLU(1, 1)',
    'prelu_w_list_len': 'nn.PReLU(3, [0.1, 0.2])',
    'prelu_w_list_int': 'nn.PReLU(2, [1, 2])',
    'prelu_w_tensor_shape': 'nn.PReLU(3, ms.Tensor(np.ones((2,), np.float32)))',
    'gelu_approx_int': 'nn.GELU(approximate=1)',
    'hardtanh_range': 'nn.Hardtanh(1.0, 0.5)',
    'rrelu_range': 'nn.RReLU(0.5, 0.1)',
    'rrelu_str': "nn.RReLU('a', 0.5)",
    'softmax2d_2d': 'nn.Softmax2d()(x2)',
    'threshold_noargs': 'nn.Threshold()',
    'elu_alpha_call': 'nn.ELU(alpha=0.5)(x2)',
    'bn_channels_mismatch': 'nn.BatchNorm2d(2)(x4)',
    'ln_shape_mismatch': 'nn.LayerNorm((3,))(x4)',
    'emb_float_ids': 'nn.Embedding(5, 3)(x2)',
    'bn_num_features_bool': 'nn.BatchNorm2d(True)',
    'bn_eps_str': "nn.BatchNorm2d(3, eps='a')",
    'bn_affine_int': 'nn.BatchNorm2d(3, affine=1)',
    'bn3d_num_features_neg': 'nn.BatchNorm3d(-1)',
    'bn2d_str_input': "nn.BatchNorm2d(3)('abc')",
    'ln_begin_float': 'nn.LayerNorm((4,), begin_norm_axis=1.0)',
    'ln_eps_str': "nn.LayerNorm((4,), epsilon='a')",
    'gn_groups_bool': 'nn.GroupNorm(True, 4)',
    'gn_input_2d': 'nn.GroupNorm(1, 3)(x2)',
    'dropout_p_bool': 'nn.Dropout(p=True)',
    'dropout2d_input_2d': 'nn.Dropout2d(0.5)(x2)',
    'emb_vocab_zero': 'nn.Embedding(0, 3)',
    'emb_size_bool': 'nn.Embedding(5, True)',
    'celu_alpha_zero_call': 'nn.CELU(0.0)(x2)',
    'celu_alpha_int_call': 'nn.CELU(1)(x2)',
    'softshrink_neg_call': 'nn.SoftShrink(-1.0)(x2)',
    'leakyrelu_str_input': "nn.LeakyReLU()('abc')",
    'hswish_str_input': "nn.HSwish()('abc')",
    'gelu_str_input': "nn.GELU()('abc')",
    'sigmoid_str_input': "nn.Sigmoid()('abc')",
}

RRELU = ("nn.RReLU()", "nn.RReLU(0.2, 0.4)", "nn.RReLU(lower=1, upper=2)")
DROPOUTS = {
    'dropout_default': 'nn.Dropout()',
    'dropout_keep': 'nn.Dropout(keep_prob=0.8)',
    'dropout_p': 'nn.Dropout(p=0.3)',
    'dropout_p_int0': 'nn.Dropout(p=0)',
    'dropout_keep1': 'nn.Dropout(keep_prob=1.0)',
    'dropout1d': 'nn.Dropout1d()',
    'dropout2d': 'nn.Dropout2d(p=0.4)',
    'dropout3d': 'nn.Dropout3d(0.2)',
}


def seed_of(name):
    return zlib.crc32(name.encode())


def build(ms, expr):
    return eval(expr, {'nn': ms.nn, 'ms': ms, 'np': np})  # noqa: S307 - fixed expressions above


def make_input(rng, spec):
    if spec[0] == 'ids':
        _, shape, vocab = spec
        return rng.integers(0, vocab, size=shape).astype(np.int32)
    return rng.standard_normal(spec).astype(np.float32)


def param_record(cell):
    return [dict(name=p.name, shape=list(p.shape), dtype=str(p.dtype), requires_grad=bool(p.requires_grad))
            for p in cell.get_parameters()]


def run_layer(ms, name):
    """Build, set shared weights, forward+grad in train mode (step 1), forward (step 2), forward eval.

    Returns (meta, arrays)."""
    expr, spec = LAYERS[name]
    rng = np.random.default_rng(seed_of(name))

    class Net(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.layer = build(ms, expr)

        def construct(self, x):
            return self.layer(x)

    net = Net()
    meta = {'params': param_record(net), 'standalone': param_record(build(ms, expr))}
    arrays = {}
    init_vals = {}
    for p in net.get_parameters():
        init_vals[p.name] = p.asnumpy().copy()
    x = make_input(rng, spec)
    # shared weights for trainable params (embedding 'normal' tables too), keep non-trainable as made
    for p in net.trainable_params():
        w = rng.standard_normal(p.shape).astype(np.float32) * 0.5 + (1.0 if 'gamma' in p.name else 0.0)
        p.set_data(ms.Tensor(w))
    for p in net.get_parameters():
        arrays['param/' + p.name] = p.asnumpy().copy()
    for k, v in init_vals.items():
        arrays['init/' + k] = v
    xt = ms.Tensor(x)
    arrays['x'] = x

    weights = net.trainable_params()
    net.set_train(True)
    out0 = net(xt)
    gout = rng.standard_normal(out0.shape).astype(np.float32)
    gt = ms.Tensor(gout)
    # reset stats changed by the probe forward
    for p in net.get_parameters():
        p.set_data(ms.Tensor(arrays['param/' + p.name]))

    def loss_fn(inp):
        return (net(inp) * gt).sum()

    is_float = spec[0] != 'ids'
    if is_float:
        fn = ms.value_and_grad(loss_fn, grad_position=0, weights=weights)
    else:
        fn = ms.value_and_grad(loss_fn, grad_position=None, weights=weights)
    loss, grads = fn(xt)
    arrays['loss'] = np.asarray(loss.asnumpy())
    if is_float:
        gx, gw = grads
        arrays['grad/x'] = gx.asnumpy()
    else:
        gw = grads
    for p, g in zip(weights, gw):
        arrays['grad/' + p.name] = g.asnumpy()
    out_train = net(xt)  # step 2
    arrays['out/train'] = out_train.asnumpy()
    for p in net.get_parameters():
        arrays['after/' + p.name] = p.asnumpy().copy()
    net.set_train(False)
    arrays['out/eval'] = net(xt).asnumpy()
    arrays['out/eval_dtype'] = np.array(str(net(xt).dtype))
    return meta, arrays


def run_activation(ms, name):
    expr, shape = ACTIVATIONS[name]
    rng = np.random.default_rng(seed_of(name))
    x = rng.standard_normal(shape).astype(np.float32) * 2
    cell = build(ms, expr)
    xt = ms.Tensor(x)
    out = cell(xt)
    gout = rng.standard_normal(out.shape).astype(np.float32)
    gt = ms.Tensor(gout)

    def loss_fn(inp):
        return (cell(inp) * gt).sum()

    _, gx = ms.value_and_grad(loss_fn)(xt)
    return {'x': x, 'out': out.asnumpy(), 'grad': gx.asnumpy()}, str(out.dtype)


def run_error(ms, name):
    env = {'nn': ms.nn, 'ms': ms, 'np': np,
           'x2': ms.Tensor(np.ones((2, 3), np.float32)),
           'x3': ms.Tensor(np.ones((2, 3, 4), np.float32)),
           'x4': ms.Tensor(np.ones((2, 3, 4, 4), np.float32))}
    try:
        out = eval(ERRORS[name], env)  # noqa: S307 - fixed expressions above
        if hasattr(out, 'asnumpy'):
            out.asnumpy()  # the reference runs asynchronously: its kernel errors surface here
    except Exception as e:  # noqa: BLE001 - the type and the first line of the message are recorded
        lines = str(e).splitlines()
        return [type(e).__name__, re.sub(r' at 0x[0-9a-fA-F]+', ' at 0x...', lines[0]) if lines else '']
    return None


def get_activation_record(ms):
    rec = {}
    for n in GET_ACTIVATION_NAMES:
        rec[n] = type(ms.nn.get_activation(n)).__name__
    for n in GET_ACTIVATION_BAD:
        try:
            ms.nn.get_activation(n)
            rec['bad/' + repr(n)] = None
        except Exception as e:  # noqa: BLE001
            rec['bad/' + repr(n)] = type(e).__name__
    rec['none'] = repr(ms.nn.get_activation(None))
    return rec


def dropout_record(ms):
    rec = {}
    for k, expr in DROPOUTS.items():
        c = build(ms, expr)
        rec[k] = {a: (getattr(c, a) if isinstance(getattr(c, a, None), (int, float, type(None))) else 'other')
                  for a in ('p', 'keep_prob', 'prob') if hasattr(c, a)}
        rec[k]['training'] = bool(c.training)
    return rec

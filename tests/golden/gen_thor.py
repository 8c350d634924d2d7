"""THOR (nn.thor, the THOR layers, train.train_thor) from the reference, for tests/test_thor.py (run with the
reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_thor.py

Writes tests/golden/thor.json + thor.npz. Two kinds of data, kept apart:

1. Run by real MindSpore 2.7.1 on CPU: DenseThor / EmbeddingThor / EmbeddingLookupThor forward passes, their
   recorded statistics (matrix_a in the forward, matrix_g in the backward) and gradients; Conv2dThor with its
   ``thor`` flag off; the parameters (names, shapes, dtypes, requires_grad) and cell types after
   ``ConvertNetUtils().convert_to_thor_net`` on the small ResNet-like net of thor_cases.py; the optimizer ``thor()``
   builds (its parameters and layer maps); ``ConvertModelUtils`` giving ``ModelThor``; constructor errors.
2. NUMPY FORMULAS OF THE REFERENCE'S GPU KERNELS (the reference's CPU build has no kernel for ThorIm2Col,
   CholeskyTrsm or UpdateThorGradient, so it cannot run a THOR step or Conv2dThor's statistics on CPU):
   three THOR training steps of that net. The forward/backward, the loss, the gradients, each layer's input and
   output gradient come from real MindSpore (the converted net with its THOR flags off); A and G, their damped
   block inverses (CholeskyTrsm: 128x128 diagonal blocks, the last one padded with the identity),
   UpdateThorGradient (blockdiag(G^-1) @ g @ blockdiag(A^-1)), weight decay and the momentum update are written
   below in numpy after nn/optim/thor.py's ThorGpu, nn/layer/thor_layer.py's GPU branches and the CUDA kernels
   (cholesky_trsm_solve, matrix_split, update_thor_gradient, thor_im2col) of MindSpore's source.
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import thor_cases as C  # noqa: E402


def errname(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e).splitlines()[0][:300]]
    return None


# ---------------------------------------------------------------------------------------------------------------
# 2. numpy formulas of the reference's GPU kernels
# ---------------------------------------------------------------------------------------------------------------
def np_block_inverse(m, split=128):
    """CholeskyTrsm(split_dim) then BatchMatMul(transpose_a): inverses of the diagonal blocks."""
    n = m.shape[0]
    if n <= split:
        return np.linalg.inv(m)[None]
    nb = -(-n // split)
    padded = np.eye(nb * split)
    padded[:n, :n] = m
    return np.stack([np.linalg.inv(padded[i * split:(i + 1) * split, i * split:(i + 1) * split])
                     for i in range(nb)])


def np_update_gradient(ginv, g, ainv):
    """UpdateThorGradient: blockdiag(Ginv) @ g @ blockdiag(Ainv) (g zero-padded to whole blocks)."""
    out_dim, in_dim = g.shape
    bh, sg = ginv.shape[0], ginv.shape[-1]
    bw, sa = ainv.shape[1], ainv.shape[-1]
    big_g = np.zeros((bh * sg, bh * sg))
    for i in range(bh):
        big_g[i * sg:(i + 1) * sg, i * sg:(i + 1) * sg] = ginv[i]
    big_a = np.zeros((bw * sa, bw * sa))
    for j in range(bw):
        big_a[j * sa:(j + 1) * sa, j * sa:(j + 1) * sa] = ainv[0, j]
    gp = np.zeros((bh * sg, bw * sa))
    gp[:out_dim, :in_dim] = g
    return (big_g @ gp @ big_a)[:out_dim, :in_dim]


def np_same_patches(x, k, s):
    """ThorIm2Col with pad_mode 'same' (zero padding, TF style): (C*kh*kw, N, Ho*Wo)."""
    n, c, h, w = x.shape
    ho, wo = -(-h // s), -(-w // s)
    ph = max((ho - 1) * s + k - h, 0)
    pw = max((wo - 1) * s + k - w, 0)
    xp = np.pad(x, ((0, 0), (0, 0), (ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2)))
    cols = np.zeros((c, k, k, n, ho, wo))
    for i in range(k):
        for j in range(k):
            cols[:, i, j] = xp[:, :, i:i + s * ho:s, j:j + s * wo:s].transpose(1, 0, 2, 3)
    return cols.reshape(c * k * k, n, ho * wo)


def np_conv_stats(x, dout, k, s):
    """Conv2dThor (GPU branch): A from the batch-mean of the patches, G from the batch-mean of dout."""
    m = np_same_patches(x.astype(np.float64), k, s).mean(1)
    a_n = m.shape[1]
    d = dout.astype(np.float64).mean(0).reshape(dout.shape[1], -1)
    g_n = d.shape[1]
    return m @ m.T / a_n, d @ d.T / g_n, a_n, g_n


def np_dense_stats(x, dout):
    """DenseThor (GPU branch): A = x^T x / in_channels, G = dout^T dout / batch."""
    x, dout = x.astype(np.float64), dout.astype(np.float64)
    return x.T @ x / x.shape[1], dout.T @ dout / dout.shape[0]


def np_thor_step(kinds, stats, grads, weights, moments, step, batch, loss_scale=1.0, fresh=True):
    """ThorGpu.construct; ``kinds`` per trainable parameter: ('conv'|'fc', layer) or None. With ``fresh`` (the
    thor flag on) the damped inverses are recomputed from ``stats``, else the last ones (in ``stats``) are used."""
    damping = C.DAMPING[step]
    new = []
    for i, g in enumerate(grads):
        g = g.astype(np.float64) / loss_scale
        kind = kinds[i]
        if kind is not None and not fresh:
            st = stats[kind[1]]
            g = np_update_gradient(st['Ginv'], g.reshape(g.shape[0], -1), st['Ainv']).reshape(g.shape)
        elif kind is not None:
            typ, layer = kind
            st = stats[layer]
            if typ == 'conv':
                d_a, d_g = damping / st['a_n'], damping / st['g_n']
                fmap = np.sqrt(1.0 / st['a_n'])
            else:
                d_a = d_g = damping
                fmap = 1.0
            a = st['A'] + np.sqrt(d_a) * np.eye(st['A'].shape[0])
            gm = st['G'] / loss_scale ** 2 * batch ** 2 + np.sqrt(d_g) * np.eye(st['G'].shape[0])
            ainv = np_block_inverse(a)
            ginv = np_block_inverse(gm)
            ainv = np.broadcast_to(ainv[None], (ginv.shape[0],) + ainv.shape) * fmap
            ginv = ginv * fmap
            g = np_update_gradient(ginv, g.reshape(g.shape[0], -1), ainv).reshape(g.shape)
            st['Ainv'], st['Ginv'] = ainv, ginv
        new.append(g)
    return _momentum_update(new, weights, moments, step)


def np_embedding_ln_step(kinds, stats, grads, weights, moments, step, batch):
    """ThorGpu.construct (thor on) for the Embedding ('emb'), LayerNorm ('ln') and Dense ('fc') branches."""
    damping = C.DAMPING[step]
    new = []
    for i, g in enumerate(grads):
        g = g.astype(np.float64)
        kind = kinds[i]
        if kind == 'ln':
            g = g / (g * g / batch + np.sqrt(damping))
        elif kind is not None:
            typ, layer = kind
            st = stats[layer]
            gm = st['G'] * batch ** 2 + np.sqrt(damping) * np.eye(st['G'].shape[0])
            if typ == 'emb':
                a = 1.0 / (st['A'] / batch + np.sqrt(damping))
                linv = np.linalg.inv(np.linalg.cholesky(gm))       # CholeskyTrsm: L^-1
                ginv = linv @ linv                                 # then MatMul(L^-1, L^-1), as written
                g = (a[:, None] * g) @ ginv
            else:
                ainv = np_block_inverse(st['A'] + np.sqrt(damping) * np.eye(st['A'].shape[0]))[None]
                ginv = np_block_inverse(gm)
                g = np_update_gradient(ginv, g, ainv)
        new.append(g)
    return _momentum_update(new, weights, moments, step)


def _momentum_update(new, weights, moments, step):
    out_w, out_m = [], []
    lr = C.LR[step]
    for w, g, m in zip(weights, new, moments):
        g = g + C.WEIGHT_DECAY * w
        m = C.MOMENTUM * m + g
        out_w.append(w - lr * m)
        out_m.append(m)
    return out_w, out_m


def reference_steps(ms, nn, net, opt, loss, schedule, arrays, prefix):
    """Train ``net`` (converted by ``opt``) one step per entry of ``schedule`` (True: a THOR step that
    recomputes A, G and their inverses; False: a first-order step with the last inverses): the reference runs
    the network forward/backward, numpy the update. Writes the final parameters and last inverses."""
    net.add_flags_recursive(thor=False)
    net.set_train(True)
    # the GPU's compute type: convert_to_thor_net casts Dense layers to float16 on every target but GPU
    net.head.to_float(ms.float32)
    params = net.trainable_params()
    kinds = []
    fim = opt.weight_fim_idx_map
    layer_of = [p.name.rsplit('.', 1)[0] for p in opt.matrix_a_cov]
    for i in range(len(params)):
        t = fim[i]
        kinds.append(None if t == -1 else ({1: 'conv', 2: 'fc'}[opt.weight_layertype_idx_map[i]], layer_of[t]))
    cells = dict(net.cells_and_names())
    captured = {}

    def pre_hook(name):
        def fn(cell, inputs):
            captured.setdefault(name, {})['x'] = inputs[0].asnumpy()
        return fn

    def back_hook(name):
        def fn(cell, grad_input, grad_output):
            captured.setdefault(name, {})['dout'] = grad_output[0].asnumpy()
        return fn

    for name in layer_of:
        cells[name].register_forward_pre_hook(pre_hook(name))
        cells[name].register_backward_hook(back_hook(name))

    grad_fn = ms.value_and_grad(lambda xb, yb: loss(net(xb), yb), None, params)
    xs, ys = C.data()
    moments = [np.zeros(p.shape) for p in params]
    losses, stats = [], {}
    for step, thor_on in enumerate(schedule):
        xb = ms.Tensor(xs[step * C.BATCH:(step + 1) * C.BATCH])
        yb = ms.Tensor(ys[step * C.BATCH:(step + 1) * C.BATCH])
        lval, grads = grad_fn(xb, yb)
        losses.append(float(lval.asnumpy()))
        if thor_on:
            for name in layer_of:
                cell = cells[name]
                xin, dout = captured[name]['x'], captured[name]['dout']
                if isinstance(cell, nn.Conv2dThor):
                    a, g, a_n, g_n = np_conv_stats(xin, dout, cell.kernel_size[0], cell.stride[0])
                    stats[name] = {'A': a, 'G': g, 'a_n': a_n, 'g_n': g_n}
                else:
                    a, g = np_dense_stats(xin, dout)
                    stats[name] = {'A': a, 'G': g}
        weights = [p.asnumpy().astype(np.float64) for p in params]
        new_w, moments = np_thor_step(kinds, stats, [g.asnumpy() for g in grads], weights, moments, step, C.BATCH,
                                      fresh=thor_on)
        for p, nw in zip(params, new_w):
            p.set_data(ms.Tensor(nw.astype(np.float32)))
        if step == 0 and not prefix:
            for name in layer_of:
                arrays[f"step0_A_{name}"] = stats[name]['A'].astype(np.float32)
                arrays[f"step0_G_{name}"] = stats[name]['G'].astype(np.float32)
    for p in net.get_parameters():
        if "matrix" not in p.name and "normalizer" not in p.name:
            arrays[prefix + "final_" + p.name] = p.asnumpy()
    for i, name in enumerate(layer_of):
        arrays[f"{prefix}last_Ainv_{i}"] = stats[name]['Ainv'].astype(np.float32)
        arrays[f"{prefix}last_Ginv_{i}"] = stats[name]['Ginv'].astype(np.float32)
    return losses, [p.name for p in net.get_parameters()]


def reference_emb_steps(ms, nn, net, opt, loss, arrays):
    """Two THOR steps of the BERT-like stack: reference forward/backward with THOR flags off, numpy update."""
    net.add_flags_recursive(thor=False)
    net.set_train(True)
    net.head.to_float(ms.float32)
    params = net.trainable_params()
    kinds = []
    for i in range(len(params)):
        kind = opt.weight_layertype_idx_map[i]
        kinds.append({3: ('emb', 'embed'), 2: ('fc', 'head'), 4: 'ln'}.get(kind))
    captured = {}
    for name in ("embed", "head"):
        cell = getattr(net, name)
        cell.register_forward_pre_hook(lambda c, inputs, name=name: captured.__setitem__(name + "_x",
                                                                                      inputs[0].asnumpy()))
        cell.register_backward_hook(lambda c, gi, go, name=name: captured.__setitem__(name + "_d", go[0].asnumpy()))
    grad_fn = ms.value_and_grad(lambda xb, yb: loss(net(xb), yb), None, params)
    xs, ys = C.emb_data()
    moments = [np.zeros(p.shape) for p in params]
    losses = []
    for step in range(C.EMB_STEPS):
        sl = slice(step * C.EMB_BATCH, (step + 1) * C.EMB_BATCH)
        lval, grads = grad_fn(ms.Tensor(xs[sl]), ms.Tensor(ys[sl]))
        losses.append(float(lval.asnumpy()))
        ids = captured["embed_x"].reshape(-1)
        d = captured["embed_d"].reshape(-1, 8).astype(np.float64)
        stats = {"embed": {"A": np.bincount(ids, minlength=10).astype(np.float64), "G": d.T @ d / d.shape[0]}}
        a, g = np_dense_stats(captured["head_x"], captured["head_d"])
        stats["head"] = {"A": a, "G": g}
        weights = [p.asnumpy().astype(np.float64) for p in params]
        new_w, moments = np_embedding_ln_step(kinds, stats, [g.asnumpy() for g in grads], weights, moments, step,
                                              C.EMB_BATCH)
        for p, nw in zip(params, new_w):
            p.set_data(ms.Tensor(nw.astype(np.float32)))
    for p in params:
        arrays["emb_final_" + p.name] = p.asnumpy()
    return losses


# ---------------------------------------------------------------------------------------------------------------
# 1. live reference
# ---------------------------------------------------------------------------------------------------------------
def main():
    import mindspore as ms
    from mindspore import nn
    from mindspore.train.train_thor import ConvertModelUtils, ConvertNetUtils

    ms.set_context(mode=ms.PYNATIVE_MODE)
    out, arrays = {}, {}
    rng = np.random.RandomState(0)

    # DenseThor: forward, matrix_a, backward, matrix_g
    x = rng.randn(4, 5).astype(np.float32)
    w = rng.randn(3, 5).astype(np.float32)
    b = rng.randn(3).astype(np.float32)
    coef = rng.randn(4, 3).astype(np.float32)
    d = nn.DenseThor(5, 3, weight_init=ms.Tensor(w), bias_init=ms.Tensor(b), activation='relu')
    y = d(ms.Tensor(x))
    arrays.update(dense_x=x, dense_w=w, dense_b=b, dense_coef=coef, dense_out=y.asnumpy(),
                  dense_a=d.matrix_a.asnumpy())
    dx = ms.grad(lambda t: (d(t) * ms.Tensor(coef)).sum())(ms.Tensor(x))
    arrays.update(dense_dx=dx.asnumpy(), dense_g=d.matrix_g.asnumpy())
    d16 = nn.DenseThor(5, 3, weight_init=ms.Tensor(w), bias_init=ms.Tensor(b)).to_float(ms.float16)
    y16 = d16(ms.Tensor(x))
    out["dense_fp16_dtype"] = str(y16.dtype)
    arrays.update(dense_fp16_out=y16.asnumpy().astype(np.float32), dense_fp16_a=d16.matrix_a.asnumpy())
    out["dense_params"] = [[n, p.name, list(p.shape), str(p.dtype), p.requires_grad]
                           for n, p in d.parameters_and_names()]
    out["dense_repr"] = repr(d)

    # EmbeddingThor
    table = rng.randn(7, 4).astype(np.float32)
    ids = np.array([[1, 2, 2], [6, 0, 2]], np.int32)
    ecoef = rng.randn(2, 3, 4).astype(np.float32)
    e = nn.EmbeddingThor(7, 4, embedding_table=ms.Tensor(table))
    eo = e(ms.Tensor(ids))
    arrays.update(emb_table=table, emb_ids=ids, emb_coef=ecoef, emb_out=eo.asnumpy(), emb_a=e.matrix_a.asnumpy())
    gt = ms.grad(lambda t: (e(t) * ms.Tensor(ecoef)).sum(), None, e.trainable_params())(ms.Tensor(ids))
    arrays.update(emb_dtable=gt[0].asnumpy(), emb_g=e.matrix_g.asnumpy())
    e1 = nn.EmbeddingThor(7, 4, use_one_hot=True, embedding_table=ms.Tensor(table))
    arrays["emb_onehot_out"] = e1(ms.Tensor(ids)).asnumpy()
    out["emb_params"] = [[n, p.name, list(p.shape), str(p.dtype), p.requires_grad]
                         for n, p in e.parameters_and_names()]
    # padding_idx: the reference's own construction fails (RuntimeError "The pointer[device_address] is null",
    # writing into its lazily initialized table); recorded, not matched
    out["emb_padding_idx"] = errname(lambda: nn.EmbeddingThor(7, 4, padding_idx=3))

    # EmbeddingLookupThor, CPU target (a plain lookup; an id past the table gives zeros)
    el = nn.EmbeddingLookupThor(7, 4, param_init=ms.Tensor(table.astype(np.float16)))
    lids = np.array([[1, 9], [6, 0]], np.int32)
    arrays.update(lookup_ids=lids, lookup_out=el(ms.Tensor(lids)).asnumpy())
    out["lookup_params"] = [[n, p.name, list(p.shape), str(p.dtype), p.requires_grad]
                            for n, p in el.parameters_and_names()]
    elm = nn.EmbeddingLookupThor(7, 4, param_init=ms.Tensor(table.astype(np.float16)), max_norm=0.5)
    arrays["lookup_maxnorm_out"] = elm(ms.Tensor(lids)).asnumpy()

    # EmbeddingLookupThor, DEVICE target: the reference's CPU has no SparseGatherV2 kernel (recorded); NUMPY
    # FORMULAS of its GPU branch: rows looked up, A = id counts (float16), G = d^T d / dout.shape[0] in float16
    dev = nn.EmbeddingLookupThor(7, 4, param_init=ms.Tensor(table.astype(np.float16)), target='DEVICE')
    out["lookup_device_cpu"] = errname(lambda: dev(ms.Tensor(lids)))[0]
    dids = np.array([[1, 2], [6, 2]], np.int32)
    dcoef = rng.randn(2, 2, 4).astype(np.float16)
    t16 = table.astype(np.float16)
    d = dcoef.reshape(-1, 4).astype(np.float32)
    dtable = np.zeros_like(t16)
    np.add.at(dtable, dids.reshape(-1), dcoef.reshape(-1, 4))
    arrays.update(device_ids=dids, device_coef=dcoef, device_out=t16[dids],
                  device_a=np.bincount(dids.reshape(-1), minlength=7).astype(np.float16).astype(np.float32),
                  device_g=(d.T @ d / dcoef.shape[0]).astype(np.float16).astype(np.float32), device_dtable=dtable)

    # Conv2dThor with its thor flag off (the reference's CPU has no ThorIm2Col kernel for the flag on)
    cw = rng.randn(4, 2, 3, 3).astype(np.float32)
    cx = rng.randn(2, 2, 6, 6).astype(np.float32)
    c = nn.Conv2dThor(2, 4, 3, stride=2, weight_init=ms.Tensor(cw))
    c.thor = False
    arrays.update(conv_w=cw, conv_x=cx, conv_out=c(ms.Tensor(cx)).asnumpy())
    out["conv_params"] = [[n, p.name, list(p.shape), str(p.dtype), p.requires_grad]
                          for n, p in c.parameters_and_names()]
    out["conv_repr"] = repr(c)
    out["conv_on_cpu"] = errname(lambda: nn.Conv2dThor(2, 4, 3)(ms.Tensor(cx)))

    # constructor errors
    errs = {
        "dense_in_channels": lambda: nn.DenseThor(0, 3),
        "dense_has_bias": lambda: nn.DenseThor(2, 3, has_bias=1),
        "dense_weight_shape": lambda: nn.DenseThor(2, 3, weight_init=ms.Tensor(np.ones((2, 2), np.float32))),
        "conv_group": lambda: nn.Conv2dThor(3, 4, 3, group=2),
        "conv_padding": lambda: nn.Conv2dThor(3, 4, 3, padding=1.5),
        "emb_vocab": lambda: nn.EmbeddingThor(2.0, 3),
        "lookup_target": lambda: nn.EmbeddingLookupThor(4, 3, target='GPU'),
        "lookup_sparse": lambda: nn.EmbeddingLookupThor(4, 3, sparse=False),
    }
    out["errors"] = {k: errname(f) for k, f in errs.items()}

    # ConvertNetUtils on the ResNet-like net, and the optimizer thor() builds for it
    net = C.build_net(ms)
    ConvertNetUtils().convert_to_thor_net(net)
    out["converted_cells"] = [[n, type(cell).__name__] for n, cell in net.cells_and_names()]
    out["converted_params"] = [[p.name, list(p.shape), str(p.dtype), p.requires_grad]
                               for p in net.get_parameters()]
    lr = ms.Tensor(np.array(C.LR, np.float32))
    damping = ms.Tensor(np.array(C.DAMPING, np.float32))
    net = C.build_net(ms)
    opt = nn.thor(net, lr, damping, C.MOMENTUM, weight_decay=C.WEIGHT_DECAY, batch_size=C.BATCH,
                  frequency=C.FREQUENCY)
    out["opt"] = {
        "type": type(opt).__name__, "frequency": opt.get_frequency(),
        "params": [p.name for p in opt.parameters],
        "all": [[n, list(p.shape), str(p.dtype)] for n, p in opt.parameters_and_names()],
        "fim": list(opt.weight_fim_idx_map), "conv": list(opt.weight_conv_idx_map),
        "kinds": list(opt.weight_layertype_idx_map), "a_shapes": [list(s) for s in opt.matrix_a_shape],
        "matrix_a_cov": [p.name for p in opt.matrix_a_cov], "matrix_g_cov": [p.name for p in opt.matrix_g_cov],
        "a_normalizer": [p.name for p in opt.a_normalizer],
    }
    opt_errs = {
        "momentum_int": lambda: nn.thor(C.build_net(ms), lr, damping, 1),
        "frequency_1": lambda: nn.thor(C.build_net(ms), lr, damping, 0.9, frequency=1),
        "lr_float": lambda: nn.thor(C.build_net(ms), 0.1, damping, 0.9),
        "momentum_negative": lambda: nn.thor(C.build_net(ms), lr, damping, -0.5),
    }
    out["opt_errors"] = {k: errname(f) for k, f in opt_errs.items()}

    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
    model = ms.train.Model(net, loss_fn=loss, optimizer=opt)
    model = ConvertModelUtils.convert_to_thor_model(model=model, network=net, loss_fn=loss, optimizer=opt)
    out["model"] = {"type": type(model).__name__, "frequency": model._frequency}
    step_cell = nn.TrainOneStepCell(nn.WithLossCell(net, loss), opt)
    m2 = ConvertModelUtils.convert_to_thor_model(model=model, network=step_cell, optimizer=opt)
    out["model_from_step_cell"] = [type(m2).__name__, m2._frequency]

    class WithLookup(nn.Cell):
        def __init__(self):
            super().__init__()
            self.lookup = nn.EmbeddingLookup(5, 3)

        def construct(self, x):
            return self.lookup(x)

    out["convert_lookup"] = errname(lambda: ConvertNetUtils().convert_to_thor_net(WithLookup()))
    plain_opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
    plain = ms.train.Model(net, loss_fn=loss, optimizer=plain_opt)
    out["model_plain_kept"] = ConvertModelUtils.convert_to_thor_model(plain, net, loss, plain_opt) is plain

    # 2. three THOR steps: reference forward/backward (THOR flags off) + numpy formulas of the GPU kernels;
    # every step a THOR step (the reference off the device sink), then the GPU sink schedule at frequency 3
    # (one THOR step, then first-order steps with the last inverses)
    run = reference_steps(ms, nn, net, opt, loss, [True] * C.STEPS, arrays, "")
    out["losses"], out["final_names"] = run
    net = C.build_net(ms)
    opt = nn.thor(net, lr, damping, C.MOMENTUM, weight_decay=C.WEIGHT_DECAY, batch_size=C.BATCH, frequency=3)
    schedule = [step % 3 == 0 for step in range(C.STEPS)]
    out["gpu_sink_losses"], _ = reference_steps(ms, nn, net, opt, loss, schedule, arrays, "gpu_sink_")

    # the Embedding / LayerNorm / Dense branches on a BERT-like stack (two THOR steps)
    net = C.build_emb_net(ms)
    opt = nn.thor(net, lr, damping, C.MOMENTUM, weight_decay=C.WEIGHT_DECAY, batch_size=C.EMB_BATCH,
                  frequency=C.FREQUENCY)
    out["emb_opt"] = {"kinds": list(opt.weight_layertype_idx_map), "fim": list(opt.weight_fim_idx_map),
                      "a_shapes": [list(x) for x in opt.matrix_a_shape],
                      "inv": [[n, list(p.shape)] for n, p in opt.parameters_and_names() if "inv" in n]}
    out["emb_losses"] = reference_emb_steps(ms, nn, net, opt, loss, arrays)

    with open(os.path.join(HERE, "thor.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
    np.savez_compressed(os.path.join(HERE, "thor.npz"), **arrays)
    print("wrote thor.json, thor.npz:", len(arrays), "arrays; losses", out["losses"], out["gpu_sink_losses"])


if __name__ == "__main__":
    main()

"""THOR against tests/golden/gen_thor.py: the layers' forward passes, statistics and gradients and the conversion
from real MindSpore 2.7.1 on CPU; the optimizer's steps from the numpy formulas of the reference's GPU kernels
(the reference's CPU build cannot run them), through ConvertNetUtils + ConvertModelUtils + Model.train."""
import json

import numpy as np
import pytest

import lightspore as ms
from lightspore import nn
from lightspore.train.train_thor import ConvertModelUtils, ConvertNetUtils
from tests._golden import GOLDEN, check_error, load_cases, raised

G = json.loads((GOLDEN / "thor.json").read_text())
A = np.load(GOLDEN / "thor.npz")
C = load_cases("thor_cases.py")
T = ms.Tensor


def close(got, want, rtol=1e-4, atol=1e-6):
    got = got.asnumpy() if hasattr(got, "asnumpy") else np.asarray(got)
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)


def params_of(cell):
    return [[n, p.name, list(p.shape), str(p.dtype), p.requires_grad] for n, p in cell.parameters_and_names()]


def test_dense_thor_forward_statistics_and_gradient():
    d = nn.DenseThor(5, 3, weight_init=T(A["dense_w"]), bias_init=T(A["dense_b"]), activation='relu')
    assert params_of(d) == G["dense_params"]
    assert repr(d) == G["dense_repr"]
    close(d(T(A["dense_x"])), A["dense_out"])
    close(d.matrix_a, A["dense_a"])
    dx = ms.grad(lambda t: (d(t) * T(A["dense_coef"])).sum())(T(A["dense_x"]))
    close(dx, A["dense_dx"])
    close(d.matrix_g, A["dense_g"])


def test_dense_thor_in_float16():
    """to_float(float16) (what amp O2/O3 does): the weights are used in float16, as the reference's."""
    d = nn.DenseThor(5, 3, weight_init=T(A["dense_w"]), bias_init=T(A["dense_b"])).to_float(ms.float16)
    y = d(T(A["dense_x"]))
    assert str(y.dtype) == G["dense_fp16_dtype"]
    close(y.astype(ms.float32), A["dense_fp16_out"], rtol=2e-3, atol=2e-3)
    close(d.matrix_a, A["dense_fp16_a"], rtol=2e-3, atol=2e-3)


def test_embedding_thor():
    e = nn.EmbeddingThor(7, 4, embedding_table=T(A["emb_table"]))
    assert params_of(e) == G["emb_params"]
    ids = T(A["emb_ids"])
    close(e(ids), A["emb_out"])
    close(e.matrix_a, A["emb_a"])
    gt = ms.grad(lambda t: (e(t) * T(A["emb_coef"])).sum(), None, e.trainable_params())(ids)
    close(gt[0], A["emb_dtable"])
    close(e.matrix_g, A["emb_g"])
    close(nn.EmbeddingThor(7, 4, use_one_hot=True, embedding_table=T(A["emb_table"]))(ids), A["emb_onehot_out"])


def test_embedding_lookup_thor_cpu_target():
    table = T(A["emb_table"].astype(np.float16))
    el = nn.EmbeddingLookupThor(7, 4, param_init=table)
    assert params_of(el) == G["lookup_params"]
    out = el(T(A["lookup_ids"]))
    assert out.dtype == ms.float16
    close(out, A["lookup_out"], rtol=1e-3)
    # max_norm clips each looked-up row (ClipByNorm over the embedding axis): lightspore's documented difference
    # from the reference's CPU ClipByNorm, which ignores the axis (A["lookup_maxnorm_out"] is that output)
    rows = A["lookup_out"].astype(np.float32)
    want = rows * 0.5 / np.maximum(np.sqrt((rows * rows).sum(-1, keepdims=True)), 0.5)
    close(nn.EmbeddingLookupThor(7, 4, param_init=table, max_norm=0.5)(T(A["lookup_ids"])), want,
          rtol=2e-3, atol=1e-3)


def test_embedding_lookup_thor_device_target():
    """target='DEVICE' records A and G (the reference's GPU branch; its CPU build has no kernel: numpy formulas)."""
    el = nn.EmbeddingLookupThor(7, 4, param_init=T(A["emb_table"].astype(np.float16)), target='DEVICE')
    ids = T(A["device_ids"])
    out = el(ids)
    assert out.dtype == ms.float16
    close(out, A["device_out"])
    close(el.matrix_a, A["device_a"])
    grads = ms.grad(lambda t: (el(t) * T(A["device_coef"])).sum(), None, el.trainable_params())(ids)
    close(grads[0], A["device_dtable"], rtol=1e-3, atol=1e-3)
    close(el.matrix_g, A["device_g"], rtol=1e-3, atol=1e-3)


def test_conv2d_thor_parameters_and_forward():
    c = nn.Conv2dThor(2, 4, 3, stride=2, weight_init=T(A["conv_w"]))
    assert params_of(c) == G["conv_params"]
    assert repr(c) == G["conv_repr"]
    c.thor = False
    close(c(T(A["conv_x"])), A["conv_out"])
    c.thor = True                      # the reference's CPU has no kernel here; GPU formulas (same output)
    close(c(T(A["conv_x"])), A["conv_out"])


@pytest.mark.parametrize("key", sorted(G["errors"]))
def test_layer_errors(key):
    cases = {
        "dense_in_channels": lambda: nn.DenseThor(0, 3),
        "dense_has_bias": lambda: nn.DenseThor(2, 3, has_bias=1),
        "dense_weight_shape": lambda: nn.DenseThor(2, 3, weight_init=T(np.ones((2, 2), np.float32))),
        "conv_group": lambda: nn.Conv2dThor(3, 4, 3, group=2),
        "conv_padding": lambda: nn.Conv2dThor(3, 4, 3, padding=1.5),
        "emb_vocab": lambda: nn.EmbeddingThor(2.0, 3),
        "lookup_target": lambda: nn.EmbeddingLookupThor(4, 3, target='GPU'),
        "lookup_sparse": lambda: nn.EmbeddingLookupThor(4, 3, sparse=False),
    }
    want, message = G["errors"][key]
    name = message.split("'")[1]
    check_error(raised(cases[key]), want, [name], message)


def _thor(net):
    lr = T(np.array(C.LR, np.float32))
    damping = T(np.array(C.DAMPING, np.float32))
    return nn.thor(net, lr, damping, C.MOMENTUM, weight_decay=C.WEIGHT_DECAY, batch_size=C.BATCH,
                   frequency=C.FREQUENCY)


def test_convert_net_utils():
    net = C.build_net(ms)
    ConvertNetUtils().convert_to_thor_net(net)
    assert [[n, type(c).__name__] for n, c in net.cells_and_names()] == G["converted_cells"]
    assert [[p.name, list(p.shape), str(p.dtype), p.requires_grad] for p in net.get_parameters()] \
        == G["converted_params"]


def test_thor_optimizer_structure():
    opt = _thor(C.build_net(ms))
    want = G["opt"]
    assert type(opt).__name__ == want["type"] and opt.get_frequency() == want["frequency"]
    assert [p.name for p in opt.parameters] == want["params"]
    assert [[n, list(p.shape), str(p.dtype)] for n, p in opt.parameters_and_names()] == want["all"]
    assert list(opt.weight_fim_idx_map) == want["fim"]
    assert list(opt.weight_conv_idx_map) == want["conv"]
    assert list(opt.weight_layertype_idx_map) == want["kinds"]
    assert [list(s) for s in opt.matrix_a_shape] == want["a_shapes"]
    assert [p.name for p in opt.matrix_a_cov] == want["matrix_a_cov"]
    assert [p.name for p in opt.matrix_g_cov] == want["matrix_g_cov"]
    assert [p.name for p in opt.a_normalizer] == want["a_normalizer"]


@pytest.mark.parametrize("key", sorted(G["opt_errors"]))
def test_thor_errors(key):
    lr = T(np.array(C.LR, np.float32))
    cases = {
        "momentum_int": lambda: nn.thor(C.build_net(ms), lr, lr, 1),
        "frequency_1": lambda: nn.thor(C.build_net(ms), lr, lr, 0.9, frequency=1),
        "lr_float": lambda: nn.thor(C.build_net(ms), 0.1, lr, 0.9),
        "momentum_negative": lambda: nn.thor(C.build_net(ms), lr, lr, -0.5),
    }
    want, message = G["opt_errors"][key]
    check_error(raised(cases[key]), want, [message.split("'")[1]], message)


def test_convert_model_utils():
    net = C.build_net(ms)
    opt = _thor(net)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
    model = ms.train.Model(net, loss_fn=loss, optimizer=opt)
    model = ConvertModelUtils.convert_to_thor_model(model=model, network=net, loss_fn=loss, optimizer=opt)
    assert type(model).__name__ == G["model"]["type"]
    assert model._frequency == G["model"]["frequency"]
    step_cell = nn.TrainOneStepCell(nn.WithLossCell(net, loss), opt)
    m2 = ConvertModelUtils.convert_to_thor_model(model=model, network=step_cell, optimizer=opt)
    assert [type(m2).__name__, m2._frequency] == G["model_from_step_cell"]
    plain_opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
    plain = ms.train.Model(net, loss_fn=loss, optimizer=plain_opt)
    assert (ConvertModelUtils.convert_to_thor_model(plain, net, loss, plain_opt) is plain) == G["model_plain_kept"]


def test_first_step_statistics():
    """A and G after one forward/backward of the converted net (GPU formulas of Conv2dThor/DenseThor)."""
    net = C.build_net(ms)
    ConvertNetUtils().convert_to_thor_net(net)
    net.set_train(True)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
    xs, ys = C.data()
    ms.value_and_grad(lambda x, y: loss(net(x), y), None, net.trainable_params())(T(xs[:C.BATCH]),
                                                                                   T(ys[:C.BATCH]))
    cells = dict(net.cells_and_names())
    for key in A.files:
        if key.startswith("step0_"):
            _, which, name = key.split("_", 2)
            cell = cells[name]
            got = getattr(cell, "matrix_a_cov" if which == "A" else "matrix_g_cov", None)
            if got is None:
                got = getattr(cell, "matrix_a" if which == "A" else "matrix_g")
            close(got, A[key], rtol=1e-4, atol=1e-6)


def _train_thor_model(frequency, sink):
    net = C.build_net(ms)
    lr = T(np.array(C.LR, np.float32))
    damping = T(np.array(C.DAMPING, np.float32))
    opt = nn.thor(net, lr, damping, C.MOMENTUM, weight_decay=C.WEIGHT_DECAY, batch_size=C.BATCH, frequency=frequency)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
    model = ms.train.Model(net, loss_fn=loss, optimizer=opt)
    model = ConvertModelUtils.convert_to_thor_model(model=model, network=net, loss_fn=loss, optimizer=opt)
    xs, ys = C.data()
    ds = ms.dataset.NumpySlicesDataset({"x": xs, "y": ys}, shuffle=False).batch(C.BATCH)
    losses = []
    model.train(1, ds, dataset_sink_mode=sink, callbacks=[ms.train.LambdaCallback(
        on_train_step_end=lambda rc: losses.append(float(rc.original_args().net_outputs.asnumpy())))])
    return net, opt, losses


def _check_run(net, opt, losses, want_losses, prefix):
    np.testing.assert_allclose(losses, want_losses, rtol=1e-4)
    assert [p.name for p in net.get_parameters()] == G["final_names"]
    for p in net.get_parameters():
        if prefix + "final_" + p.name in A.files:
            close(p, A[prefix + "final_" + p.name], rtol=2e-4, atol=1e-5)
    for i in range(len(opt.matrix_a)):
        close(opt.matrix_a[i], A[f"{prefix}last_Ainv_{i}"], rtol=1e-3, atol=1e-4)
        close(opt.matrix_g[i], A[f"{prefix}last_Ginv_{i}"], rtol=1e-3, atol=1e-4)


def test_thor_model_trains_like_the_reference():
    """The acceptance run: convert, build ModelThor, Model.train three steps; losses, every parameter and the
    optimizer's last inverses equal the reference's formulas (every step a THOR step, as off the device sink)."""
    net, opt, losses = _train_thor_model(C.FREQUENCY, sink=False)
    _check_run(net, opt, losses, G["losses"], "")


def test_thor_gpu_sink_schedule(monkeypatch):
    """On the GPU target with dataset_sink_mode, a THOR step every `frequency` steps and first-order steps with
    the last inverses in between (the reference's GPU sink schedule); the flags are on again afterwards."""
    from lightspore.train.train_thor import model_thor
    monkeypatch.setattr(model_thor, "_device_target", lambda: "GPU")
    net, opt, losses = _train_thor_model(3, sink=True)
    _check_run(net, opt, losses, G["gpu_sink_losses"], "gpu_sink_")
    assert net.head.thor and opt.thor


def test_thor_embedding_layernorm_dense_branches():
    """A BERT-like stack (Embedding -> LayerNorm -> Dense): the optimizer's layer map and two THOR steps against
    the reference's formulas for its Embedding, LayerNorm and FC branches."""
    net = C.build_emb_net(ms)
    lr = T(np.array(C.LR, np.float32))
    damping = T(np.array(C.DAMPING, np.float32))
    opt = nn.thor(net, lr, damping, C.MOMENTUM, weight_decay=C.WEIGHT_DECAY, batch_size=C.EMB_BATCH,
                  frequency=C.FREQUENCY)
    want = G["emb_opt"]
    assert list(opt.weight_layertype_idx_map) == want["kinds"] and list(opt.weight_fim_idx_map) == want["fim"]
    assert [list(x) for x in opt.matrix_a_shape] == want["a_shapes"]
    assert [[n, list(p.shape)] for n, p in opt.parameters_and_names() if "inv" in n] == want["inv"]
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), opt)
    step.set_train(True)
    xs, ys = C.emb_data()
    losses = [float(step(T(xs[i * C.EMB_BATCH:(i + 1) * C.EMB_BATCH]),
                         T(ys[i * C.EMB_BATCH:(i + 1) * C.EMB_BATCH])).asnumpy()) for i in range(C.EMB_STEPS)]
    np.testing.assert_allclose(losses, G["emb_losses"], rtol=1e-4)
    for p in net.trainable_params():
        close(p, A["emb_final_" + p.name], rtol=2e-4, atol=1e-5)


def test_convert_embedding_lookup_fails_as_the_reference():
    """The reference's converter reads EmbeddingLookup.vocab_cache_size, which the layer does not have."""
    class WithLookup(nn.Cell):
        def __init__(self):
            super().__init__()
            self.lookup = nn.EmbeddingLookup(5, 3)

        def construct(self, x):
            return self.lookup(x)

    want, message = G["convert_lookup"]
    check_error(raised(lambda: ConvertNetUtils().convert_to_thor_net(WithLookup())), want, ["vocab_cache_size"],
                message)

"""amp (auto/custom mixed precision, loss scalers, build_train_network), the loss scale managers,
TrainOneStepWithLossScaleCell and the update cells, Model with amp_level / loss_scale_manager, against
tests/golden/amp.json (tests/golden/gen_amp.py, real MindSpore 2.7.1). The runners are shared with the
generator (tests/golden/amp_cases.py), so both frameworks run the same code on the same data."""
import json
import math

import numpy as np
import pytest
from _golden import GOLDEN, check_error, first_diff, load_cases, raised

import lightspore as ms
from lightspore import nn

C = load_cases("amp_cases.py")
G = json.loads((GOLDEN / "amp.json").read_text())


class Net(nn.Cell):
    """amp_cases.NET_SOURCE (the same class is in tests/golden/gen_amp.py)."""

    def __init__(self, with_matmul=True):
        super().__init__()
        self.fc1, self.bn, self.relu, self.fc2, mm, w = C.net_layers(ms)
        self.with_matmul = with_matmul
        if with_matmul:
            self.mm = mm
            self.w = w

    def construct(self, x):
        h = self.fc2(self.relu(self.bn(self.fc1(x))))
        C.SEEN.append(str(h.dtype))
        if self.with_matmul:
            return self.mm(h, self.w)
        return h


def _same(got, want, rel=1e-6):
    d = first_diff(got, want, rel=rel)
    assert d is None, d


def _close(a, b, rtol, atol):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    assert a.shape == b.shape
    np.testing.assert_allclose(a, b, rtol=rtol, atol=atol, equal_nan=True)


def _arr_close(got, want, rtol, atol):
    assert got["dtype"] == want["dtype"]
    assert got["shape"] == want["shape"]
    _close(got["value"], want["value"], rtol, atol)


# ------------------------------------------------------------------------------------------ scalers
def test_loss_scalers_and_all_finite():
    _same(C.gen_scalers(ms), G["scalers"])


def test_dynamic_scaler_sequences():
    want = G["scalers"]["dynamic"]
    assert len(want) == len(C.dynamic_scaler_cases())
    got = C.gen_scalers(ms)["dynamic"]
    for g, w in zip(got, want):
        _same(g, w)


def test_managers_and_update_cells():
    _same(C.gen_managers(ms), G["managers"])


# ------------------------------------------------------------------------------ loss scale train cell
@pytest.mark.parametrize("kind", ["dynamic", "fixed", "tensor"])
def test_train_one_step_with_loss_scale(kind):
    got = C.run_ls_cell(ms, kind, lambda cell: cell)
    want = G["ls_cell"][kind]
    assert len(got["steps"]) == len(want["steps"])
    for i, (g, w) in enumerate(zip(got["steps"], want["steps"])):
        assert g[1:] == w[1:], (i, g, w)          # overflow flag, scale, flag dtype and shape
        if math.isinf(w[0]):
            assert g[0] == w[0], (i, g, w)
        else:
            assert abs(g[0] - w[0]) <= 1e-5 * abs(w[0]), (i, g, w)
    assert any(w[1] for w in want["steps"])        # one step overflowed (and skipped the update)
    assert sorted(got["weights"]) == sorted(want["weights"])
    for name, w in want["weights"].items():
        _arr_close(got["weights"][name], w, 1e-5, 1e-6)
    assert got["params"] == want["params"]


def test_overflow_step_keeps_weights():
    xs, ys = C.step_inputs()
    net = C.make_dense(ms)
    cell = nn.TrainOneStepWithLossScaleCell(nn.WithLossCell(net, nn.MSELoss()),
                                            nn.Momentum(net.trainable_params(), 0.1, 0.9),
                                            nn.DynamicLossScaleUpdateCell(2.0 ** 10, 2, 2))
    cell(ms.Tensor(xs[0]), ms.Tensor(ys[0]))
    before = net.weight.asnumpy().copy()
    _, overflow, _ = cell(ms.Tensor(xs[2]), ms.Tensor(ys[2]))
    assert bool(overflow.asnumpy())
    np.testing.assert_array_equal(net.weight.asnumpy(), before)


# ------------------------------------------------------------------------------- mixed precision
@pytest.mark.parametrize("case", ["O0", "O1", "O2", "O3", "custom_white", "custom_black"])
def test_auto_mixed_precision(case):
    want = G["amp"][case]
    level = None if case.startswith("custom") else case
    custom = case.split("_")[1] if case.startswith("custom") else None
    got = C.run_amp(ms, Net, level, custom=custom)
    if case in ("O1", "custom_white"):
        # the reference rewrites each cell into a generated class (DenseOpt ...); the tree is the same
        assert [n for n, _ in got["tree"]] == [n for n, _ in want["tree"]]
    else:
        assert got["tree"] == want["tree"]
    assert got["params"] == want["params"]       # every Parameter stays float32
    assert got["seen"] == want["seen"]           # the inner activation's dtype
    assert (got["amp_level"] or "") == want["amp_level"]   # a reference Cell starts with _amp_level ""
    tol = 1e-5 if case == "O0" else 2e-3
    _arr_close(got["out"], want["out"], tol, tol)


def test_white_and_black_lists():
    white = [c.__name__ for c in ms.amp.get_white_list()]
    want = G["amp"]["white_list"]
    # the reference's list, in its order, less the classes lightspore does not have
    assert white == [n for n in want if n in white]
    assert {"Conv2d", "Dense", "Conv2D", "MatMul", "BatchMatMul", "ReLU"} <= set(white)
    assert [c.__name__ for c in ms.amp.get_black_list()] == G["amp"]["black_list"]
    lst = ms.amp.get_white_list()
    lst.append(nn.Flatten)
    assert nn.Flatten not in ms.amp.get_white_list()


def test_o2_gradients_reach_float32_parameters():
    net = ms.amp.auto_mixed_precision(Net(), "O2")
    x = ms.Tensor(C.amp_input())
    grads = ms.grad(lambda a: net(a).sum(), None, net.trainable_params())(x)
    assert all(str(g.dtype) == "Float32" for g in grads)
    assert all(np.isfinite(g.asnumpy()).all() for g in grads)


def test_bfloat16_levels_run():
    # the reference's CPU kernels have no bfloat16 MatMul, so only dtypes are checked here
    for level in ("O1", "O2", "O3"):
        C.SEEN.clear()
        out = ms.amp.auto_mixed_precision(Net(), level, ms.bfloat16)(ms.Tensor(C.amp_input()))
        assert str(out.dtype) == "Float32"
        assert C.SEEN == (["Float32"] if level == "O1" else ["BFloat16"])


# ----------------------------------------------------------------------------------------- Model
@pytest.mark.parametrize("case", sorted(G["model"]))
def test_model_train_amp(case):
    want = G["model"][case]
    runs = {
        "O2_dynamic": ("O2", lambda: ms.DynamicLossScaleManager(2 ** 12, 2, 3), True, {}),
        "O2_fixed_drop": ("O2", lambda: ms.FixedLossScaleManager(256.0), True, {}),
        "O2_fixed_nodrop": ("O2", lambda: ms.FixedLossScaleManager(1024.0, False), False, {"loss_scale": 1024.0}),
        "O2_keep_bn_false": ("O2", lambda: ms.FixedLossScaleManager(1024.0, False), False,
                             {"keep_bn": False, "loss_scale": 1024.0}),
        "O3": ("O3", lambda: None, False, {}),
        "O1": ("O1", lambda: None, False, {}),
        "O0_fixed_drop": ("O0", lambda: ms.FixedLossScaleManager(64.0), True, {}),
    }
    level, manager, overflow_data, kw = runs[case]
    got = C.run_model(ms, Net, lambda cell: cell, level, manager(), overflow_data, **kw)
    assert got["train_network"] == want["train_network"]
    assert len(got["steps"]) == len(want["steps"])
    tol = 1e-5 if case.startswith("O0") else 5e-3
    for i, (g, w) in enumerate(zip(got["steps"], want["steps"])):
        assert g[1:] == w[1:], (i, g, w)          # overflow flags and scales exactly
        if len(w) > 1 and w[1]:
            # an overflowing step: the batch's activations hold inf/nan; the reference's CPU ReLU kernel
            # maps nan to 0 (torch's relu keeps nan), so only the flag and the skipped update compare
            continue
        assert abs(g[0] - w[0]) <= tol * abs(w[0]), (i, g, w)
    assert got.get("manager_scale") == want.get("manager_scale")
    for name, w in want["weights"].items():
        _arr_close(got["weights"][name], w, 2e-2 if tol > 1e-5 else 1e-4, 2e-3 if tol > 1e-5 else 1e-5)


def test_model_default_o2_uses_dynamic_loss_scale():
    net = Net(with_matmul=False)
    model = ms.Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                     nn.Momentum(net.trainable_params(), 0.05, 0.9), amp_level="O2")
    cell = model.train_network
    assert type(cell).__name__ == "TrainOneStepWithLossScaleCell"
    assert type(cell.loss_scaling_manager).__name__ == "DynamicLossScaleUpdateCell"
    assert float(cell.scale_sense.asnumpy()) == 2.0 ** 24


# ----------------------------------------------------------------------------------------- errors
# messages that name a class by its module path, which differs (mindspore.ops.auto_generate... vs lightspore.ops)
OTHER_WORDS = {"custom_black_prim"}


@pytest.mark.parametrize("name", sorted(G["errors"]))
def test_errors(name):
    want = G["errors"][name]
    fn = C.error_cases()[name]
    if want is None:
        fn(ms)
        return
    err = raised(lambda: fn(ms))
    check_error(err, want[0], ref_message=want[1])
    if name not in OTHER_WORDS:
        assert str(err).split("\n")[0] == want[1]          # the reference's words


# ----------------------------------------------------------------------------------------- boost
def test_boost_gradient_accumulation():
    got, want = C.run_boost(ms), G["boost"]
    assert got["params"] == want["params"]
    assert [r["step"] for r in got["rows"]] == [r["step"] for r in want["rows"]]
    for g, w in zip(got["rows"], want["rows"]):
        assert g["loss"] == w["loss"]
        for key in ("weight", "bias"):
            _arr_close(g[key], w[key], 1e-5, 1e-6)
        for ga, wa in zip(g["acc"], w["acc"]):
            _arr_close(ga, wa, 1e-5, 1e-6)
    _same(got["op_add"], want["op_add"])
    _same(got["op_clear"], want["op_clear"])


def test_grad_accumulation_cell():
    got, want = C.run_grad_accu(ms), G["grad_accu"]
    for key in ("params", "tree", "train_network", "errors"):
        assert got[key] == want[key], key
    for key in ("forward", "train_loss"):
        assert abs(got[key] - want[key]) <= 1e-5 * abs(want[key]), key


def test_grad_accumulation_train_step_uses_mean_gradient():
    # the optimizer gets the mean of the micro-batch gradients (see nn/wrap/grad_accumulation.py)
    r = np.random.RandomState(6)
    x, y = r.randn(4, 4).astype(np.float32), r.randn(4, 3).astype(np.float32)
    a, b = C.make_dense(ms), C.make_dense(ms)
    train = ms.amp.build_train_network(nn.GradAccumulationCell(nn.WithLossCell(a, nn.MSELoss()), 2),
                                       nn.SGD(a.trainable_params(), 0.1))
    train(ms.Tensor(x), ms.Tensor(y))
    loss_b = nn.WithLossCell(b, nn.MSELoss())
    grads = ms.grad(lambda u, v: (loss_b(u[:2], v[:2]) + loss_b(u[2:], v[2:])) / 2, None,
                    b.trainable_params())(ms.Tensor(x), ms.Tensor(y))
    np.testing.assert_allclose(a.weight.asnumpy(), b.weight.asnumpy() - 0.1 * grads[0].asnumpy(), rtol=1e-5,
                               atol=1e-6)


# ------------------------------------------------------------------------------ progress bar (lightspore)
def _train_with_monitor():
    net = C.make_dense(ms)
    model = ms.Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.01))
    r = np.random.RandomState(7)
    data = [(ms.Tensor(r.randn(2, 4).astype(np.float32)), ms.Tensor(r.randn(2, 3).astype(np.float32)))
            for _ in range(3)]
    model.train(2, data, callbacks=[ms.train.LossMonitor()])


def test_progress_bar_env_var(capsys, monkeypatch):
    try:
        import tqdm  # noqa: F401
    except ImportError:        # without tqdm the variable changes nothing but one warning
        has_tqdm = False
    else:
        has_tqdm = True
    monkeypatch.delenv("LIGHTSPORE_PROGRESS", raising=False)
    _train_with_monitor()
    plain = capsys.readouterr()
    assert "epoch 1/2" not in plain.err
    monkeypatch.setenv("LIGHTSPORE_PROGRESS", "1")
    _train_with_monitor()
    shown = capsys.readouterr()
    assert shown.out == plain.out           # LossMonitor's lines are untouched
    if has_tqdm:
        assert "epoch 1/2" in shown.err and "epoch 2/2" in shown.err and "3/3" in shown.err
    else:
        assert "epoch 1/2" not in shown.err
    monkeypatch.setenv("LIGHTSPORE_PROGRESS", "0")
    _train_with_monitor()
    assert "epoch 1/2" not in capsys.readouterr().err


def test_auto_level():
    want = G["auto"]
    got = C.run_auto(ms)["ops"]
    assert got["seen"] == want["ops"]["seen"]        # the dtype of every listed / unlisted operator's result
    assert got["amp_level"] == want["ops"]["amp_level"]
    for g, w in zip(got["out"], want["ops"]["out"]):
        _arr_close(g, w, 2e-3, 2e-3)
    net = C.run_amp(ms, Net, "auto")
    assert net["seen"] == want["net"]["seen"] and net["params"] == want["net"]["params"]
    _arr_close(net["out"], want["net"]["out"], 2e-3, 2e-3)


def test_frozen_layers_run_in_low_precision():
    # a frozen (requires_grad=False) Dense is cast like a trainable one; the Parameters stay float32
    net = Net()
    for p in net.fc1.get_parameters():
        p.requires_grad = False
    C.SEEN.clear()
    out = ms.amp.auto_mixed_precision(net, "O3")(ms.Tensor(C.amp_input()))
    assert C.SEEN == ["Float16"] and str(out.dtype) == "Float32"
    assert str(net.fc1.weight.dtype) == "Float32" and not net.fc1.weight.requires_grad
    _arr_close(C.arr(out), G["amp"]["O3"]["out"], 2e-3, 2e-3)


def test_conv_net_levels_and_o2_training():
    got, want = C.run_conv(ms), G["conv"]
    for level in ("O1", "O2", "O3"):
        assert got[level]["tree"] == want[level]["tree"], level
        assert got[level]["params"] == want[level]["params"], level
        _arr_close(got[level]["out"], want[level]["out"], 3e-3, 3e-3)
    for g, w in zip(got["train_O2"], want["train_O2"]):
        assert abs(g - w) <= 5e-3 * abs(w), (got["train_O2"], want["train_O2"])
    for name, w in want["train_O2_weights"].items():
        _arr_close(got["train_O2_weights"][name], w, 2e-2, 2e-3)


def test_model_eval_and_predict_after_o2_training():
    got, want = C.run_model_eval(ms, Net), G["model_eval"]
    assert got["eval_network"] == want["eval_network"]
    assert got["eval"]["acc"] == want["eval"]["acc"]
    assert abs(got["eval"]["loss"] - want["eval"]["loss"]) <= 5e-3 * abs(want["eval"]["loss"])
    _arr_close(got["predict"], want["predict"], 1e-2, 5e-3)      # the network itself now runs in float16

"""Cases shared by gen_amp.py (run with real MindSpore) and tests/test_amp.py (run with lightspore).

Every function takes the framework module ``ms`` (``mindspore`` or ``lightspore``) so the same networks,
weights and inputs go through both.
"""
import importlib

import numpy as np

SEEN = []      # dtypes of an inner activation, appended by Net.construct


def _rs(seed):
    return np.random.RandomState(seed)


def weights():
    r = _rs(0)
    return {
        "w1": (r.randn(8, 4) * 0.5).astype(np.float32), "b1": (r.randn(8) * 0.1).astype(np.float32),
        "w2": (r.randn(3, 8) * 0.5).astype(np.float32), "b2": (r.randn(3) * 0.1).astype(np.float32),
        "w3": (r.randn(3, 3) * 0.5).astype(np.float32),
        "wd": (r.randn(3, 4) * 0.5).astype(np.float32), "bd": (r.randn(3) * 0.1).astype(np.float32),
    }


NET_SOURCE = """Dense(4, 8) -> BatchNorm1d -> ReLU -> Dense(8, 3) [-> ops.MatMul with a Parameter w].

The class itself is written out at module level in gen_amp.py and test_amp.py (the reference's O1 rewrite
re-imports the module that defines the network class); both build it from weights() as below.
"""


def net_layers(ms):
    """The layers of Net, from weights()."""
    nn, T = ms.nn, ms.Tensor
    w = weights()
    return (nn.Dense(4, 8, weight_init=T(w["w1"]), bias_init=T(w["b1"])), nn.BatchNorm1d(8), nn.ReLU(),
            nn.Dense(8, 3, weight_init=T(w["w2"]), bias_init=T(w["b2"])), ms.ops.MatMul(),
            ms.Parameter(T(w["w3"]), name="w"))


def make_dense(ms):
    w = weights()
    return ms.nn.Dense(4, 3, weight_init=ms.Tensor(w["wd"]), bias_init=ms.Tensor(w["bd"]))


def amp_input():
    return (_rs(1).randn(5, 4) * 2).astype(np.float32)


def step_inputs():
    """Five (x, label) steps for TrainOneStepWithLossScaleCell; step 2 overflows (a 1e38 input)."""
    r = _rs(2)
    xs = [r.randn(4, 4).astype(np.float32) for _ in range(5)]
    xs[2][0, 0] = 1e38
    ys = [r.randn(4, 3).astype(np.float32) for _ in range(5)]
    return xs, ys


def model_data():
    """16 samples, batches of 4; the third batch holds a 1e38 input (an overflowing step)."""
    r = _rs(3)
    x = r.randn(16, 4).astype(np.float32)
    x[9, 1] = 1e38
    y = r.randint(0, 3, size=16).astype(np.int32)
    return x, y


def finite_flags():
    return [True, True, False, True, True, True, True, False, False, True, True, True]


def dynamic_scaler_cases():
    """(scale_value, scale_factor, scale_window) for DynamicLossScaler.adjust over finite_flags()."""
    return [(1024, 2, 3), (2.0 ** 126, 4, 1), (3.0, 2, 2), (1, 3, 1)]


def manager_overflows():
    return [False, False, True, False, False, False, True, True, False, False, False, False]


def error_cases():
    """name -> callable(ms) that must raise; the reference's error type and message are recorded."""
    def amp(ms):
        return ms.amp

    def net(ms):
        return make_dense(ms)

    def opt(ms, n):
        return ms.nn.Momentum(n.trainable_params(), 0.1, 0.9)

    def bt(ms, **kw):
        n = net(ms)
        return amp(ms).build_train_network(n, opt(ms, n), ms.nn.MSELoss(), **kw)

    return {
        "amp_bad_level": lambda ms: amp(ms).auto_mixed_precision(net(ms), "O5"),
        "amp_bad_dtype": lambda ms: amp(ms).auto_mixed_precision(net(ms), "O2", ms.float32),
        "amp_not_cell": lambda ms: amp(ms).auto_mixed_precision(lambda x: x, "O1"),
        "amp_auto_not_callable": lambda ms: amp(ms).auto_mixed_precision(3, "auto"),
        "btn_level_type": lambda ms: bt(ms, level=1),
        "btn_level_value": lambda ms: bt(ms, level="O4"),
        "btn_boost_level": lambda ms: bt(ms, boost_level="O3"),
        "btn_bad_kwarg": lambda ms: bt(ms, scale=1),
        "btn_keep_bn_type": lambda ms: bt(ms, keep_batchnorm_fp32="yes"),
        "btn_cast_type": lambda ms: bt(ms, cast_model_type=ms.int32),
        "btn_lsm_type": lambda ms: bt(ms, loss_scale_manager=3),
        "btn_optimizer_type": lambda ms: amp(ms).build_train_network(net(ms), "sgd"),
        "btn_loss_fn_type": lambda ms: amp(ms).build_train_network(net(ms), opt(ms, net(ms)), lambda a, b: a),
        "loss_scaler_abstract": lambda ms: amp(ms).LossScaler(),
        "static_small": lambda ms: amp(ms).StaticLossScaler(0.5),
        "static_type": lambda ms: amp(ms).StaticLossScaler("8"),
        "dynamic_small": lambda ms: amp(ms).DynamicLossScaler(0.5, 2, 2),
        "dynamic_factor_zero": lambda ms: amp(ms).DynamicLossScaler(1024, 0, 2),
        "dynamic_factor_float": lambda ms: amp(ms).DynamicLossScaler(1024, 2.0, 2),
        "dynamic_window_neg": lambda ms: amp(ms).DynamicLossScaler(1024, 2, -1),
        "fixed_manager_small": lambda ms: ms.FixedLossScaleManager(0.5),
        "dynamic_manager_small": lambda ms: ms.DynamicLossScaleManager(0.5),
        "dynamic_manager_window": lambda ms: ms.DynamicLossScaleManager(scale_window=0),
        "dynamic_manager_window_type": lambda ms: ms.DynamicLossScaleManager(scale_window=1.5),
        "dynamic_manager_factor": lambda ms: ms.DynamicLossScaleManager(scale_factor=0),
        "ls_cell_float_sense": lambda ms: ms.nn.TrainOneStepWithLossScaleCell(
            ms.nn.WithLossCell(net(ms), ms.nn.MSELoss()), opt(ms, net(ms)), 1.0),
        "ls_cell_shape_sense": lambda ms: ms.nn.TrainOneStepWithLossScaleCell(
            ms.nn.WithLossCell(net(ms), ms.nn.MSELoss()), opt(ms, net(ms)), ms.Tensor(np.ones(2, np.float32))),
        "custom_none": lambda ms: amp(ms).custom_mixed_precision(net(ms)),
        "custom_both": lambda ms: amp(ms).custom_mixed_precision(net(ms), white_list=[], black_list=[]),
        "custom_not_list": lambda ms: amp(ms).custom_mixed_precision(net(ms), white_list=(ms.nn.Dense,)),
        "custom_not_class": lambda ms: amp(ms).custom_mixed_precision(net(ms), white_list=["Dense"]),
        "custom_black_prim": lambda ms: amp(ms).custom_mixed_precision(net(ms), black_list=[ms.ops.MatMul]),
        "custom_bad_dtype": lambda ms: amp(ms).custom_mixed_precision(net(ms), white_list=[ms.nn.Dense],
                                                                      dtype=ms.float32),
        "custom_not_cell": lambda ms: amp(ms).custom_mixed_precision(3, white_list=[ms.nn.Dense]),
        "model_amp_no_opt": lambda ms: ms.Model(net(ms), ms.nn.MSELoss(), amp_level="O2"),
        "model_lsm_no_opt": lambda ms: ms.Model(net(ms), ms.nn.MSELoss(),
                                                loss_scale_manager=ms.FixedLossScaleManager()),
        "model_bad_level": lambda ms: ms.Model(net(ms), ms.nn.MSELoss(), opt(ms, net(ms)), amp_level="O7"),
        "set_sense_float": lambda ms: ms.nn.TrainOneStepWithLossScaleCell(
            ms.nn.WithLossCell(net(ms), ms.nn.MSELoss()), opt(ms, net(ms)),
            ms.Tensor(np.float32(8.0))).set_sense_scale(2.0),
    }


# ------------------------------------------------------------------ runners (shared by generator and test)
def arr(t):
    a = t.asnumpy() if hasattr(t, "asnumpy") else np.asarray(t)
    return {"dtype": str(t.dtype) if hasattr(t, "dtype") else str(a.dtype), "shape": list(a.shape),
            "value": a.astype(np.float64).ravel().tolist()}


def scalar(t):
    return float(t.asnumpy()) if hasattr(t, "asnumpy") else float(t)


def gen_scalers(ms):
    out = {}
    s = ms.amp.StaticLossScaler(1024)
    out["static_scale"] = arr(s.scale(ms.Tensor(np.array([1.5, -2.0], np.float32))))
    un = s.unscale((ms.Tensor(np.array([1.5, 1.0]), ms.float16), ms.Tensor(np.array([1.2]), ms.float16)))
    out["static_unscale"] = [arr(t) for t in un]
    out["static_adjust"] = bool(s.adjust(ms.Tensor(True)))
    out["static_value"] = arr(s.scale_value)
    dyn = []
    for sv, sf, sw in dynamic_scaler_cases():
        d = ms.amp.DynamicLossScaler(sv, sf, sw)
        rows = []
        for flag in finite_flags():
            ret = d.adjust(ms.Tensor(flag))
            rows.append([bool(ret), scalar(d.scale_value), int(d.counter.asnumpy())])
        dyn.append(rows)
    out["dynamic"] = dyn
    d = ms.amp.DynamicLossScaler(64, 2, 2)
    out["dynamic_scale"] = [arr(t) for t in d.scale((ms.Tensor(np.array([0.5, 3.0], np.float32)),
                                                     ms.Tensor(np.array([0.25]), ms.float16)))]
    out["dynamic_unscale_tensor"] = arr(d.unscale(ms.Tensor(np.array([64.0, 2.0], np.float32))))
    fin = []
    nan, inf = float("nan"), float("inf")
    for items in ([[1.0, 2.0], [3.0]], [[1.0, nan], [3.0]], [[1.0], [inf, 2.0]], [[-inf]], [[0.0, 65504.0]]):
        fin.append(bool(ms.amp.all_finite(tuple(ms.Tensor(np.array(v, np.float32)) for v in items)).asnumpy()))
    fin.append(bool(ms.amp.all_finite([ms.Tensor(np.array([1.0, nan]), ms.float16)]).asnumpy()))
    out["all_finite"] = fin
    return out


def gen_managers(ms):
    out = {}
    f = ms.FixedLossScaleManager()
    g = ms.FixedLossScaleManager(1024.0, False)
    out["fixed"] = [f.get_loss_scale(), f.get_drop_overflow_update(), type(f.get_update_cell()).__name__,
                    f.get_update_cell().get_loss_scale(), g.get_loss_scale(), g.get_drop_overflow_update(),
                    g.get_update_cell() is None]
    d = ms.DynamicLossScaleManager(2 ** 10, 2, 3)
    rows = []
    for ov in manager_overflows():
        d.update_loss_scale(ov)
        rows.append([float(d.get_loss_scale()), d.cur_iter, d.last_overflow_iter, d.bad_step])
    out["dynamic"] = rows
    dd = ms.DynamicLossScaleManager()
    cell = dd.get_update_cell()
    out["dynamic_default"] = [float(dd.get_loss_scale()), dd.scale_factor, dd.scale_window,
                              dd.get_drop_overflow_update(), type(cell).__name__, float(cell.get_loss_scale())]
    out["update_cell_params"] = [p.name for p in cell.get_parameters()]
    cases = []
    for init, factor, window in ((1024.0, 2, 3), (2.0, 4, 1)):
        uc = ms.nn.DynamicLossScaleUpdateCell(init, factor, window)
        scale = ms.Parameter(ms.Tensor(init, ms.float32), name="s")
        rows = []
        for ov in manager_overflows():
            ret = uc(scale, ms.Tensor(ov))
            rows.append([bool(ret.asnumpy()), scalar(scale), int(uc.cur_iter.asnumpy()),
                         int(uc.last_overflow_iter.asnumpy())])
        cases.append(rows)
    out["update_cell"] = cases
    fc = ms.nn.FixedLossScaleUpdateCell(64.0)
    scale = ms.Parameter(ms.Tensor(64.0, ms.float32), name="s")
    out["fixed_cell"] = [bool(fc(scale, ms.Tensor(True)).asnumpy()), scalar(scale), fc.get_loss_scale()]
    return out


def run_ls_cell(ms, kind, prepare):
    net = make_dense(ms)
    wl = ms.nn.WithLossCell(net, ms.nn.MSELoss())
    opt = ms.nn.Momentum(net.trainable_params(), 0.1, 0.9)
    if kind == "dynamic":
        sense = ms.nn.DynamicLossScaleUpdateCell(2.0 ** 10, 2, 2)
    elif kind == "fixed":
        sense = ms.nn.FixedLossScaleUpdateCell(128.0)
    else:
        sense = ms.Tensor(np.float32(1024.0))
    cell = prepare(ms.nn.TrainOneStepWithLossScaleCell(wl, opt, sense))
    xs, ys = step_inputs()
    if kind == "tensor":
        xs[2][0, 0] = 0.5
    rows = []
    for i, (x, y) in enumerate(zip(xs, ys)):
        if kind == "tensor" and i == 2:
            cell.set_sense_scale(ms.Tensor(np.float32(np.inf)))
        if kind == "tensor" and i == 3:
            cell.set_sense_scale(ms.Tensor(np.float32(1024.0)))
        loss, cond, scale = cell(ms.Tensor(x), ms.Tensor(y))
        rows.append([scalar(loss), bool(cond.asnumpy()), scalar(scale), str(cond.dtype), list(cond.shape)])
    return {"steps": rows, "weights": {p.name: arr(p) for p in net.get_parameters()},
            "params": [p.name for p in cell.get_parameters()]}


def cell_tree(net):
    return [[name, type(c).__name__] for name, c in net.cells_and_names() if name]


def param_info(net):
    return [[path, p.name, str(p.dtype)] for path, p in net.parameters_and_names()]


def run_amp(ms, Net, level, dtype=None, custom=None):
    net = Net()
    net.set_train(False)
    if custom is not None:
        if custom == "white":
            kw = {"white_list": [ms.nn.Dense]}
        else:
            kw = {"black_list": [ms.nn.BatchNorm1d, ms.nn.LayerNorm]}
        if dtype is not None:
            kw["dtype"] = dtype
        m = ms.amp.custom_mixed_precision(net, **kw)
    elif dtype is None:
        m = ms.amp.auto_mixed_precision(net, level)
    else:
        m = ms.amp.auto_mixed_precision(net, level, dtype)
    m.set_train(False)
    SEEN.clear()
    out = m(ms.Tensor(amp_input()))
    return {"tree": cell_tree(m), "params": param_info(m), "seen": list(SEEN), "out": arr(out),
            "amp_level": getattr(m, "_amp_level", None)}


def gen_amp(ms, Net):
    out = {}
    for level in ("O0", "O1", "O2", "O3"):
        out[level] = run_amp(ms, Net, level)
    out["custom_white"] = run_amp(ms, Net, None, custom="white")
    out["custom_black"] = run_amp(ms, Net, None, custom="black")
    out["white_list"] = [c.__name__ for c in ms.amp.get_white_list()]
    out["black_list"] = [c.__name__ for c in ms.amp.get_black_list()]
    return out


def _recorder(ms):
    class Record(ms.train.Callback):
        def __init__(self):
            self.rows = []

        def on_train_step_end(self, run_context):
            o = run_context.original_args().net_outputs
            if isinstance(o, (tuple, list)):
                self.rows.append([scalar(o[0]), bool(o[1].asnumpy()), scalar(o[2])])
            else:
                self.rows.append([scalar(o)])

    return Record()


def run_model(ms, Net, prepare, level, manager, overflow_data, keep_bn=None, loss_scale=1.0):
    net = Net(with_matmul=False)
    loss = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), 0.05, 0.9, loss_scale=loss_scale)
    kw = {}
    if manager is not None:
        kw["loss_scale_manager"] = manager
    if keep_bn is not None:
        kw["keep_batchnorm_fp32"] = keep_bn
    model = ms.Model(net, loss, opt, amp_level=level, **kw)
    if isinstance(model.train_network, ms.nn.TrainOneStepWithLossScaleCell):
        prepare(model.train_network)
    x, y = model_data()
    if not overflow_data:
        x[9, 1] = 0.25
    dataset = importlib.import_module(ms.__name__ + ".dataset")
    data = dataset.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(4)
    rec = _recorder(ms)
    model.train(2, data, callbacks=[rec])
    res = {"steps": rec.rows, "train_network": type(model.train_network).__name__,
           "weights": {p.name: arr(p) for p in net.get_parameters()}}
    if manager is not None:
        res["manager_scale"] = float(manager.get_loss_scale())
    return res


def gen_model(ms, Net, prepare):
    return {
        "O2_dynamic": run_model(ms, Net, prepare, "O2", ms.DynamicLossScaleManager(2 ** 12, 2, 3), True),
        "O2_fixed_drop": run_model(ms, Net, prepare, "O2", ms.FixedLossScaleManager(256.0), True),
        "O2_fixed_nodrop": run_model(ms, Net, prepare, "O2", ms.FixedLossScaleManager(1024.0, False), False,
                                     loss_scale=1024.0),
        "O2_keep_bn_false": run_model(ms, Net, prepare, "O2", ms.FixedLossScaleManager(1024.0, False), False,
                                      keep_bn=False, loss_scale=1024.0),
        "O3": run_model(ms, Net, prepare, "O3", None, False),
        "O1": run_model(ms, Net, prepare, "O1", None, False),
        "O0_fixed_drop": run_model(ms, Net, prepare, "O0", ms.FixedLossScaleManager(64.0), True),
    }


def gen_errors(ms):
    out = {}
    for name, fn in error_cases().items():
        try:
            fn(ms)
        except Exception as e:  # noqa: BLE001
            out[name] = [type(e).__name__, str(e).split("\n")[0]]
        else:
            out[name] = None
    return out


def run_boost(ms):
    """boost.GradientAccumulation(3, Momentum) over five calls with fixed gradients, and the two ops."""
    boost = importlib.import_module(ms.__name__ + ".boost")
    ga_mod = importlib.import_module(ms.__name__ + ".boost.grad_accumulation")
    net = make_dense(ms)
    opt = ms.nn.Momentum(net.trainable_params(), 0.1, 0.9)
    cell = boost.GradientAccumulation(3, opt)
    r = _rs(4)
    rows = []
    for _ in range(5):
        grads = (ms.Tensor(r.randn(3, 4).astype(np.float32)), ms.Tensor(r.randn(3).astype(np.float32)))
        loss = cell(ms.Tensor(np.float32(1.5)), grads)
        rows.append({"loss": scalar(loss), "weight": arr(net.weight), "bias": arr(net.bias),
                     "acc": [arr(p) for p in cell._grad_accumulation],
                     "step": int(cell._accumulation_step.asnumpy())})
    acc = ms.Parameter(ms.Tensor(np.ones(3, np.float32)), name="acc")
    ga_mod.gradient_accumulation_op(4, acc, ms.Tensor(np.array([4.0, 8.0, -2.0], np.float32)))
    after_add = arr(acc)
    ga_mod.gradient_clear_op(acc)
    return {"rows": rows, "params": [p.name for p in cell.get_parameters()], "op_add": after_add,
            "op_clear": arr(acc)}


def run_grad_accu(ms):
    """nn.GradAccumulationCell forward (sum over micro-batches) and what build_train_network makes of it."""
    net = ms.nn.WithLossCell(make_dense(ms), ms.nn.MSELoss())
    cell = ms.nn.GradAccumulationCell(net, 2)
    r = _rs(5)
    x = ms.Tensor(r.randn(4, 4).astype(np.float32))
    y = ms.Tensor(r.randn(4, 3).astype(np.float32))
    out = {"forward": scalar(cell(x, y)), "params": [p.name for p in cell.get_parameters()],
           "tree": cell_tree(cell)}
    train = ms.amp.build_train_network(cell, ms.nn.SGD(net.trainable_params(), 0.01))
    out["train_network"] = type(train).__name__
    out["train_loss"] = scalar(train(x, y))
    errors = {}
    for name, fn in {"micro_zero": lambda: ms.nn.GradAccumulationCell(net, 0),
                     "micro_str": lambda: ms.nn.GradAccumulationCell(net, "2"),
                     "not_cell": lambda: ms.nn.GradAccumulationCell(lambda a: a, 2),
                     "with_loss_scale": lambda: ms.amp.build_train_network(
                         ms.nn.GradAccumulationCell(net, 2), ms.nn.SGD(net.trainable_params(), 0.01),
                         loss_scale_manager=ms.DynamicLossScaleManager())}.items():
        try:
            fn()
        except Exception as e:  # noqa: BLE001
            errors[name] = type(e).__name__
        else:
            errors[name] = None
    out["errors"] = errors
    return out


def make_auto_net(ms):
    """A Dense, a MatMul and operators from each 'auto' list; records the dtype of every result."""
    nn, ops, T = ms.nn, ms.ops, ms.Tensor
    w = weights()

    class AutoNet(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(4, 3, weight_init=T(w["wd"]), bias_init=T(w["bd"]))
            self.mm = ops.MatMul()
            self.w = ms.Parameter(T(w["w3"]), name="w")

        def construct(self, x):
            h = self.fc(x)
            m = self.mm(h, self.w)
            s = ops.softmax(m, axis=-1)
            e = ops.exp(m)
            r = ops.relu(m)
            c = ops.cat((r, s), axis=1)
            lg = ops.log(s + 1)
            SEEN.extend(str(v.dtype) for v in (h, m, s, e, r, c, lg))
            return c, e, lg

    return AutoNet()


def run_auto(ms):
    net = make_auto_net(ms)
    net.set_train(False)
    m = ms.amp.auto_mixed_precision(net, "auto")
    SEEN.clear()
    res = m(ms.Tensor(amp_input()))
    return {"ops": {"seen": list(SEEN), "out": [arr(t) for t in res], "amp_level": getattr(m, "_amp_level", None)}}


def make_conv_net(ms):
    """SequentialCell: Conv2d(1, 4, 3, pad 1) -> BatchNorm2d -> ReLU -> MaxPool2d(2) -> Flatten -> Dense(36, 5)."""
    nn, T = ms.nn, ms.Tensor
    r = _rs(8)
    return nn.SequentialCell([
        nn.Conv2d(1, 4, 3, pad_mode="pad", padding=1, has_bias=True,
                  weight_init=T((r.randn(4, 1, 3, 3) * 0.4).astype(np.float32)),
                  bias_init=T((r.randn(4) * 0.1).astype(np.float32))),
        nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
        nn.Dense(36, 5, weight_init=T((r.randn(5, 36) * 0.2).astype(np.float32)),
                 bias_init=T((r.randn(5) * 0.1).astype(np.float32)))])


def run_conv(ms):
    r = _rs(9)
    x = ms.Tensor(r.randn(4, 1, 6, 6).astype(np.float32))
    y = ms.Tensor(r.randint(0, 5, size=4).astype(np.int32))
    out = {}
    for level in ("O1", "O2", "O3"):
        net = make_conv_net(ms)
        net.set_train(False)
        m = ms.amp.auto_mixed_precision(net, level)
        m.set_train(False)
        out[level] = {"tree": cell_tree(m), "params": param_info(m), "out": arr(m(x))}
    net = make_conv_net(ms)
    train = ms.amp.build_train_network(net, ms.nn.Momentum(net.trainable_params(), 0.01, 0.9),
                                       ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                                       level="O2", loss_scale_manager=ms.FixedLossScaleManager(64.0, False))
    out["train_O2"] = [scalar(train(x, y)) for _ in range(3)]
    out["train_O2_weights"] = {p.name: arr(p) for p in net.get_parameters()}
    return out


def run_model_eval(ms, Net):
    """Model(amp_level='O2', metrics) trained one epoch, then evaluated (the eval network runs the float16
    network and casts its outputs back to float32)."""
    net = Net(with_matmul=False)
    loss = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), 0.05, 0.9, loss_scale=256.0)
    model = ms.Model(net, loss, opt, metrics={"acc", "loss"}, amp_level="O2",
                     loss_scale_manager=ms.FixedLossScaleManager(256.0, False))
    dataset = importlib.import_module(ms.__name__ + ".dataset")
    x, y = model_data()
    x[9, 1] = 0.25

    def data():
        return dataset.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(4)

    model.train(1, data())
    res = model.eval(data())
    pred = model.predict(ms.Tensor(x[:4]))
    return {"eval": {k: float(v) for k, v in sorted(res.items())}, "predict": arr(pred),
            "eval_network": type(model.eval_network).__name__}

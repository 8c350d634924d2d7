"""Generate tests/golden/train.json with real MindSpore 2.7.1 (metrics, callbacks, Model).

Run (re-runnable, deterministic):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_train.py

Records: metric values on fixed inputs (train_cases.metric_cases), auc, metric errors, names();
Model.train on a fixed Dense net / weights / NumpySlicesDataset with SGD: the lines LossMonitor
prints, per-step losses and callback fields, ModelCheckpoint file names, final weights; Model.eval,
Model.fit (LossMonitor eval lines, History), Model.predict, EarlyStopping, ReduceLROnPlateau and
LearningRateScheduler runs.
"""
import contextlib
import io
import json
import os
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import train_cases as C  # noqa: E402, I001
import mindspore as ms  # noqa: E402
from mindspore import nn, train  # noqa: E402
import mindspore.dataset as ds  # noqa: E402

assert ms.__version__ == '2.7.1', ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE)


def jsonable(v):
    if isinstance(v, ms.Tensor):
        v = v.asnumpy()
    if isinstance(v, (list, tuple)):
        return {"type": type(v).__name__, "items": [jsonable(i) for i in v]}
    if isinstance(v, np.ndarray):
        return {"type": "ndarray", "dtype": str(v.dtype), "shape": list(v.shape),
                "value": v.astype(np.float64).ravel().tolist()}
    if isinstance(v, np.generic):
        return {"type": "npscalar", "dtype": str(v.dtype), "value": float(v)}
    if isinstance(v, (bool, int, float)):
        return {"type": type(v).__name__, "value": float(v)}
    raise TypeError(type(v))


def gen_metrics():
    out = {}
    for name, cls, kw, updates, ekw in C.metric_cases():
        m = getattr(train, cls)(**kw)
        m.clear()
        for inp in updates:
            m.update(*inp)
        out[name] = jsonable(m.eval(**ekw))
    for name, kw, updates in C.cm_metric_inputs():
        m = train.ConfusionMatrixMetric(**kw)
        for inp in updates:
            m.update(*inp)
        out[name] = jsonable(m.eval())
    for name, x, y, reorder in C.AUC_CASES:
        out[name] = jsonable(train.auc(x, y, reorder))
    errors = {}

    def err(key, fn):
        try:
            fn()
            errors[key] = None
        except Exception as e:  # noqa: BLE001
            errors[key] = type(e).__name__

    p = np.ones((2, 3), np.float32)
    errors_list = [
        ("acc_eval_empty", lambda: train.Accuracy().eval()),
        ("acc_bad_type", lambda: train.Accuracy('foo')),
        ("acc_tuple_input", lambda: train.Accuracy().update((1, 2), np.array([0, 1]))),
        ("acc_three_inputs", lambda: train.Accuracy().update(p, np.array([0, 1]), p)),
        ("acc_bad_shape", lambda: train.Accuracy().update(p, np.array([0, 1, 2]))),
        ("acc_class_change", lambda: (lambda m: (m.update(p, np.array([0, 1])),
                                                 m.update(np.ones((2, 4)), np.array([0, 1]))))(train.Accuracy())),
        ("ml_not_binary", lambda: train.Accuracy('multilabel').update(p * 0.5, p)),
        ("metric_fn_unknown", lambda: train.get_metric_fn('nope')),
        ("topk_zero", lambda: train.TopKCategoricalAccuracy(0)),
        ("topk_float", lambda: train.TopKCategoricalAccuracy(1.0)),
        ("fbeta_zero", lambda: train.Fbeta(0)),
        ("loss_2d", lambda: train.Loss().update(np.ones((2, 2)))),
        ("mae_empty", lambda: train.MAE().eval()),
        ("cm_bad_norm", lambda: train.ConfusionMatrix(2, normalize='x')),
        ("roc_empty", lambda: train.ROC().eval()),
        ("auc_list", lambda: train.auc([0, 1], [0, 1])),
        ("auc_not_monotonic", lambda: train.auc(np.array([0, 1, 0.5]), np.array([0, 1, 1]))),
        ("dice_shape", lambda: train.Dice().update(p, np.ones((3, 2)))),
        ("set_indexes_bad", lambda: train.Accuracy().set_indexes((0, 1))),
        ("prec_label_too_big", lambda: train.Precision().update(p, np.array([0, 3]))),
    ]
    for k, f in errors_list:
        err(k, f)
    # set_indexes: (label, logits) reordered
    m = train.Accuracy().set_indexes([1, 0])
    m.update(np.array([0, 2], np.int32), np.array([[0.9, 0.1, 0.0], [0.1, 0.2, 0.7]], np.float32))
    out["indexes_acc"] = jsonable(m.eval())
    out["names"] = train.names()
    out["errors"] = errors
    out["call"] = jsonable(train.MAE()(np.array([1.0, 2.0]), np.array([1.5, 2.5])))
    return out


class SqLoss(nn.Cell):
    def construct(self, logits, label):
        d = logits - label
        return (d * d).mean()


class Recorder(train.Callback):
    def __init__(self):
        super().__init__()
        self.events = []
        self.steps = []

    def on_train_begin(self, rc):
        self.events.append("train_begin")

    def on_train_epoch_begin(self, rc):
        self.events.append("train_epoch_begin")

    def on_train_step_begin(self, rc):
        self.events.append("train_step_begin")

    def on_train_step_end(self, rc):
        p = rc.original_args()
        self.events.append("train_step_end")
        self.steps.append([p.cur_epoch_num, p.cur_step_num, p.batch_num, p.epoch_num, p.mode,
                           bool(p.dataset_sink_mode), float(p.net_outputs.asnumpy())])

    def on_train_epoch_end(self, rc):
        self.events.append("train_epoch_end")

    def on_train_end(self, rc):
        self.events.append("train_end")

    def on_eval_begin(self, rc):
        self.events.append("eval_begin")

    def on_eval_epoch_begin(self, rc):
        self.events.append("eval_epoch_begin")

    def on_eval_step_begin(self, rc):
        self.events.append("eval_step_begin")

    def on_eval_step_end(self, rc):
        p = rc.original_args()
        self.events.append("eval_step_end")
        self.steps.append(["eval", p.cur_step_num, p.batch_num, p.mode])

    def on_eval_epoch_end(self, rc):
        self.events.append("eval_epoch_end")

    def on_eval_end(self, rc):
        self.events.append("eval_end")


def make(metrics=None, lr=C.LR):
    x, y, w, b = C.train_data()
    net = nn.Dense(4, 2)
    net.weight.set_data(ms.Tensor(w))
    net.bias.set_data(ms.Tensor(b))
    opt = nn.SGD(net.trainable_params(), learning_rate=lr)
    model = train.Model(net, SqLoss(), opt, metrics=metrics)
    return net, opt, model


def dataset():
    x, y, _, _ = C.train_data()
    return ds.NumpySlicesDataset((x, y), column_names=["data", "label"], shuffle=False).batch(C.BATCH)


def run(model, cbs, epochs=C.EPOCHS, fit=False, **kw):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        if fit:
            model.fit(epochs, dataset(), callbacks=cbs, **kw)
        else:
            model.train(epochs, dataset(), callbacks=cbs, **kw)
    return buf.getvalue().splitlines()


def weights(net):
    return {p.name: p.asnumpy().astype(np.float64).ravel().tolist() for p in net.trainable_params()}


def gen_train():
    out = {}
    net, _, model = make()
    rec = Recorder()
    with tempfile.TemporaryDirectory() as d:
        cfg = train.CheckpointConfig(save_checkpoint_steps=2, keep_checkpoint_max=2,
                                     append_info=["epoch_num", "step_num"])
        ck = train.ModelCheckpoint(prefix="net", directory=d, config=cfg)
        lines = run(model, [train.LossMonitor(), rec, ck])
        out["files"] = sorted(os.listdir(d))
        out["latest"] = os.path.basename(ck.latest_ckpt_file_name)
        pd = ms.load_checkpoint(os.path.join(d, out["latest"]))
        out["latest_epoch_num"] = int(pd["epoch_num"].asnumpy())
        out["latest_step_num"] = int(pd["step_num"].asnumpy())
        out["latest_weight"] = pd["weight"].asnumpy().astype(np.float64).ravel().tolist()
        # a second ModelCheckpoint with the same prefix in the same directory
        ck2 = train.ModelCheckpoint(prefix="net", directory=d, config=train.CheckpointConfig(save_checkpoint_steps=3))
        _, _, model2 = make()
        run(model2, [ck2], epochs=1)
        out["files_second"] = sorted(os.listdir(d))
    out["lines"] = lines
    # what a checkpoint of the training network holds (optimizer state, append_info values)
    with tempfile.TemporaryDirectory() as d:
        _, _, model = make()
        cfg = train.CheckpointConfig(append_info=["epoch_num", {"note": "x", "lr": 0.5}])
        ck = train.ModelCheckpoint(prefix="n", directory=d, config=cfg)
        run(model, [ck], epochs=1)
        pd = ms.load_checkpoint(ck.latest_ckpt_file_name)
        out["ckpt_entries"] = [[k, v] if isinstance(v, str) else [k, str(v.dtype), list(v.shape)]
                               for k, v in pd.items()]
    out["events"] = rec.events
    out["steps"] = rec.steps
    out["weights"] = weights(net)
    # LossMonitor(per_print_times=2), initial_epoch
    _, _, model = make()
    out["lines_pp2"] = run(model, [train.LossMonitor(2)])
    _, _, model = make()
    out["lines_initial_epoch"] = run(model, [train.LossMonitor()], epochs=3, initial_epoch=1)
    # sink mode on CPU: every batch runs, steps are numbered modulo sink_size
    _, _, model = make()
    out["lines_sink"] = run(model, [train.LossMonitor()], epochs=1, dataset_sink_mode=True, sink_size=2)
    # eval / predict
    net, _, model = make(metrics={"mae": train.MAE(), "loss": train.Loss(), "mse": train.MSE()})
    rec = Recorder()
    res = model.eval(dataset(), callbacks=[rec])
    out["eval"] = {k: float(v) for k, v in res.items()}
    out["eval_events"] = rec.events
    out["eval_steps"] = rec.steps
    x = C.train_data()[0]
    out["predict"] = model.predict(ms.Tensor(x[:3])).asnumpy().astype(np.float64).ravel().tolist()
    # fit with validation each epoch
    net, _, model = make(metrics={"mae": train.MAE(), "loss": train.Loss()})
    hist = train.History()
    rec = Recorder()
    out["fit_lines"] = run(model, [train.LossMonitor(3), hist, rec], epochs=2, fit=True, valid_dataset=dataset())
    out["fit_events"] = rec.events
    out["history"] = {k: [float(i) for i in v] for k, v in hist.history.items()}
    out["history_epoch"] = hist.epoch
    # EarlyStopping on the training loss in max mode stops after its patience
    net, _, model = make()
    es = train.EarlyStopping(monitor="loss", mode="max", patience=1, verbose=True)
    rec = Recorder()
    out["es_lines"] = run(model, [rec, es], epochs=5)
    out["es_steps"] = len(rec.steps)
    out["es_stopped_epoch"] = es.stopped_epoch
    # ReduceLROnPlateau on the training loss in max mode halves the lr
    net, opt, model = make()
    rl = train.ReduceLROnPlateau(monitor="loss", mode="max", patience=1, factor=0.5, verbose=True)
    rec = Recorder()
    out["rl_lines"] = run(model, [rec, rl], epochs=4)
    out["rl_lr"] = float(opt.learning_rate.asnumpy())
    out["rl_losses"] = [s[-1] for s in rec.steps]
    out["rl_weights"] = weights(net)
    # LearningRateScheduler
    net, opt, model = make()
    rec = Recorder()
    run(model, [rec, train.LearningRateScheduler(C.lr_function)], epochs=2)
    out["lrs_lr"] = float(opt.learning_rate.asnumpy())
    out["lrs_losses"] = [s[-1] for s in rec.steps]
    out["lrs_weights"] = weights(net)
    # BackupAndRestore: a second run starts from the first run's backup
    with tempfile.TemporaryDirectory() as d:
        _, _, model = make()
        run(model, [train.BackupAndRestore(d, delete_checkpoint=False)], epochs=1)
        out["backup_files"] = sorted(os.listdir(d))
        net, _, model = make()
        run(model, [train.BackupAndRestore(d)], epochs=2)
        out["backup_files_after"] = sorted(os.listdir(d))
        out["backup_weights"] = weights(net)
    return out


def main():
    res = {"metrics": gen_metrics(), "train": gen_train()}
    with open(os.path.join(HERE, "train.json"), "w") as f:
        json.dump(res, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

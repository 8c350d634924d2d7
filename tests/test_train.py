"""Model / callbacks against real MindSpore 2.7.1 (tests/golden/train.json, from tests/golden/gen_train.py).

The reference run: Dense(4, 2) with fixed weights, a squared-error loss cell, SGD(lr=0.1), a
NumpySlicesDataset of 10 samples batched by 4 (3 steps per epoch). Here the same batches come from a
small dataset object (create_tuple_iterator/get_dataset_size) or a plain list of tuples.
"""
import ast
import contextlib
import io
import json
import os
import re
import sys

import numpy as np
import pytest

import lightspore as ms
from lightspore import nn, train

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import train_cases as C  # noqa: E402

with open(os.path.join(HERE, "golden", "train.json")) as f:
    GOLD = json.load(f)["train"]

RTOL = 1e-4


class SqLoss(nn.Cell):
    def construct(self, logits, label):
        d = logits - label
        return (d * d).mean()


class Batches:
    """What the trainer needs of a mindspore.dataset pipeline: create_tuple_iterator and get_dataset_size."""

    def __init__(self):
        x, y, _, _ = C.train_data()
        self.batches = [(x[i:i + C.BATCH], y[i:i + C.BATCH]) for i in range(0, len(x), C.BATCH)]

    def get_dataset_size(self):
        return len(self.batches)

    def create_tuple_iterator(self, num_epochs=-1, output_numpy=False, do_copy=True):
        return iter([(ms.Tensor(a), ms.Tensor(b)) for a, b in self.batches])


def plain_list():
    return list(Batches().batches)


class Recorder(train.Callback):
    def __init__(self):
        super().__init__()
        self.events = []
        self.steps = []

    def __getattribute__(self, name):
        attr = object.__getattribute__(self, name)
        if name.startswith("on_") and name not in ("on_train_step_end", "on_eval_step_end"):
            events = object.__getattribute__(self, "events")

            def hook(rc):
                events.append(name[3:])
                return attr(rc)
            return hook
        return attr

    def on_train_step_end(self, rc):
        p = rc.original_args()
        self.events.append("train_step_end")
        self.steps.append([p.cur_epoch_num, p.cur_step_num, p.batch_num, p.epoch_num, p.mode,
                           bool(p.dataset_sink_mode), float(p.net_outputs.asnumpy())])

    def on_eval_step_end(self, rc):
        p = rc.original_args()
        self.events.append("eval_step_end")
        self.steps.append(["eval", p.cur_step_num, p.batch_num, p.mode])


def make(metrics=None, lr=C.LR):
    _, _, w, b = C.train_data()
    net = nn.Dense(4, 2)
    net.weight.set_data(ms.Tensor(w))
    net.bias.set_data(ms.Tensor(b))
    opt = nn.SGD(net.trainable_params(), learning_rate=lr)
    return net, opt, train.Model(net, SqLoss(), opt, metrics=metrics)


def run(model, cbs, epochs=C.EPOCHS, fit=False, data=Batches, **kw):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        (model.fit if fit else model.train)(epochs, data(), callbacks=cbs, **kw)
    return buf.getvalue().splitlines()


LOSS_LINE = re.compile(r"^epoch: (\d+) step: (\d+), loss is (\S+)$")
EVAL_LINE = re.compile(r"^Eval result: epoch (\d+), metrics: (\{.*\})$")


def check_lines(got, exp):
    """Same lines; numbers (float32 results printed in full) within RTOL."""
    assert len(got) == len(exp), (got, exp)
    for g, e in zip(got, exp):
        mg, me = LOSS_LINE.match(g), LOSS_LINE.match(e)
        if me:
            assert mg, g
            assert mg.group(1, 2) == me.group(1, 2)
            np.testing.assert_allclose(float(mg.group(3)), float(me.group(3)), rtol=RTOL)
            continue
        mg, me = EVAL_LINE.match(g), EVAL_LINE.match(e)
        if me:
            assert mg, g
            assert mg.group(1) == me.group(1)
            dg, de = ast.literal_eval(mg.group(2)), ast.literal_eval(me.group(2))
            assert list(dg) == list(de)
            np.testing.assert_allclose(list(dg.values()), list(de.values()), rtol=RTOL)
            continue
        assert g == e


def check_steps(got, exp):
    assert len(got) == len(exp)
    for g, e in zip(got, exp):
        assert g[:-1] == e[:-1] if isinstance(e[-1], float) else g == e
        if isinstance(e[-1], float):
            np.testing.assert_allclose(g[-1], e[-1], rtol=RTOL)


def check_weights(net, exp):
    got = {p.name: p.asnumpy().astype(np.float64).ravel().tolist() for p in net.trainable_params()}
    assert list(got) == list(exp)
    for k in exp:
        np.testing.assert_allclose(got[k], exp[k], rtol=RTOL, atol=1e-6)


@pytest.mark.parametrize("data", [Batches, plain_list])
def test_train_loss_monitor_checkpoints_weights(tmp_path, data):
    net, _, model = make()
    rec = Recorder()
    cfg = train.CheckpointConfig(save_checkpoint_steps=2, keep_checkpoint_max=2,
                                 append_info=["epoch_num", "step_num"])
    ck = train.ModelCheckpoint(prefix="net", directory=str(tmp_path), config=cfg)
    lines = run(model, [train.LossMonitor(), rec, ck], data=data)
    check_lines(lines, GOLD["lines"])
    assert rec.events == GOLD["events"]
    check_steps(rec.steps, GOLD["steps"])
    check_weights(net, GOLD["weights"])
    assert sorted(os.listdir(tmp_path)) == GOLD["files"]
    assert os.path.basename(ck.latest_ckpt_file_name) == GOLD["latest"]
    pd = ms.load_checkpoint(ck.latest_ckpt_file_name)
    assert int(pd["epoch_num"].asnumpy()) == GOLD["latest_epoch_num"]
    assert int(pd["step_num"].asnumpy()) == GOLD["latest_step_num"]
    np.testing.assert_allclose(pd["weight"].asnumpy().ravel(), GOLD["latest_weight"], rtol=RTOL)
    # a second ModelCheckpoint with the same prefix writes prefix_1-...
    ck2 = train.ModelCheckpoint(prefix="net", directory=str(tmp_path),
                                config=train.CheckpointConfig(save_checkpoint_steps=3))
    run(make()[2], [ck2], epochs=1, data=data)
    assert sorted(os.listdir(tmp_path)) == GOLD["files_second"]


def test_checkpoint_entries(tmp_path):
    cfg = train.CheckpointConfig(append_info=["epoch_num", {"note": "x", "lr": 0.5}])
    ck = train.ModelCheckpoint(prefix="n", directory=str(tmp_path), config=cfg)
    run(make()[2], [ck], epochs=1)
    pd = ms.load_checkpoint(ck.latest_ckpt_file_name)
    got = [[k, v] if isinstance(v, str) else [k, str(v.dtype), list(v.shape)] for k, v in pd.items()]
    assert got == GOLD["ckpt_entries"]


def test_loss_monitor_per_print_times_and_initial_epoch():
    check_lines(run(make()[2], [train.LossMonitor(2)]), GOLD["lines_pp2"])
    check_lines(run(make()[2], [train.LossMonitor()], epochs=3, initial_epoch=1), GOLD["lines_initial_epoch"])


def test_eval_and_predict():
    _, _, model = make(metrics={"mae": train.MAE(), "loss": train.Loss(), "mse": train.MSE()})
    rec = Recorder()
    res = model.eval(Batches(), callbacks=[rec])
    assert list(res) == list(GOLD["eval"])
    np.testing.assert_allclose([res[k] for k in res], list(GOLD["eval"].values()), rtol=RTOL)
    assert rec.events == GOLD["eval_events"]
    assert rec.steps == GOLD["eval_steps"]
    x = C.train_data()[0]
    out = model.predict(ms.Tensor(x[:3]))
    np.testing.assert_allclose(out.asnumpy().ravel(), GOLD["predict"], rtol=RTOL, atol=1e-6)


def test_fit_with_validation_and_history():
    _, _, model = make(metrics={"mae": train.MAE(), "loss": train.Loss()})
    hist = train.History()
    rec = Recorder()
    lines = run(model, [train.LossMonitor(3), hist, rec], epochs=2, fit=True, valid_dataset=Batches())
    check_lines(lines, GOLD["fit_lines"])
    assert rec.events == GOLD["fit_events"]
    assert list(hist.history) == list(GOLD["history"])
    for k, v in GOLD["history"].items():
        np.testing.assert_allclose([float(i) for i in hist.history[k]], v, rtol=RTOL)
    assert hist.epoch == GOLD["history_epoch"]


def test_early_stopping():
    es = train.EarlyStopping(monitor="loss", mode="max", patience=1, verbose=True)
    rec = Recorder()
    assert run(make()[2], [rec, es], epochs=5) == GOLD["es_lines"]
    assert len(rec.steps) == GOLD["es_steps"]
    assert es.stopped_epoch == GOLD["es_stopped_epoch"]


def test_reduce_lr_on_plateau():
    net, opt, model = make()
    rl = train.ReduceLROnPlateau(monitor="loss", mode="max", patience=1, factor=0.5, verbose=True)
    rec = Recorder()
    assert run(model, [rec, rl], epochs=4) == GOLD["rl_lines"]
    np.testing.assert_allclose(float(opt.learning_rate.asnumpy()), GOLD["rl_lr"], rtol=1e-6)
    np.testing.assert_allclose([s[-1] for s in rec.steps], GOLD["rl_losses"], rtol=RTOL)
    check_weights(net, GOLD["rl_weights"])


def test_learning_rate_scheduler():
    net, opt, model = make()
    rec = Recorder()
    run(model, [rec, train.LearningRateScheduler(C.lr_function)], epochs=2)
    np.testing.assert_allclose(float(opt.learning_rate.asnumpy()), GOLD["lrs_lr"], rtol=1e-6)
    np.testing.assert_allclose([s[-1] for s in rec.steps], GOLD["lrs_losses"], rtol=RTOL)
    check_weights(net, GOLD["lrs_weights"])


def test_time_monitor_and_lambda_callback():
    seen = []
    lam = train.LambdaCallback(on_train_step_end=lambda rc: seen.append(rc.original_args().cur_step_num),
                               on_train_end=lambda rc: seen.append("end"))
    lines = run(make()[2], [train.TimeMonitor(), lam], epochs=2)
    assert len(lines) == 2
    for line in lines:
        assert re.match(r"^Train epoch time: \d+\.\d{3} ms, per step time: \d+\.\d{3} ms$", line), line
    assert seen == [1, 2, 3, 4, 5, 6, "end"]


def test_old_style_hooks_and_run_context():
    class Old(train.Callback):
        def __init__(self):
            super().__init__()
            self.calls = []

        def begin(self, rc):
            self.calls.append("begin")

        def epoch_end(self, rc):
            self.calls.append("epoch_end")

        def step_end(self, rc):
            self.calls.append("step_end")
            if rc.original_args().cur_step_num == 2:
                rc.request_stop()

        def end(self, rc):
            self.calls.append("end")

    cb = Old()
    run(make()[2], [cb], epochs=3)
    assert cb.calls == ["begin", "step_end", "step_end", "epoch_end", "end"]
    with pytest.raises(TypeError):
        train.RunContext([1])
    rc = train.RunContext({"a": 1})
    assert rc.original_args() == {"a": 1} and not rc.get_stop_requested()


def test_bad_input_errors():
    net, opt, model = make()
    x, y, _, _ = C.train_data()
    with pytest.raises(ValueError, match="two elements"):
        model.train(1, [(x[:4], y[:4], y[:4])])
    with pytest.raises(ValueError, match="eval_network"):
        train.Model(net, None, opt, metrics={"acc": train.Accuracy()})
    with pytest.raises(ValueError, match="metrics"):
        model.eval(Batches())
    with pytest.raises(ValueError, match="initial_epoch"):
        model.train(2, Batches(), initial_epoch=2)
    with pytest.raises(TypeError, match="Callback"):
        model.train(1, Batches(), callbacks=[object()])
    with pytest.raises(ValueError, match="kwargs"):
        train.Model(net, SqLoss(), opt, foo=1)
    with pytest.raises(TypeError, match="dataset"):
        model.train(1, 3)

    class Boom(train.Callback):
        def on_train_step_end(self, rc):
            raise RuntimeError("callback failed")

    with pytest.raises(RuntimeError, match="callback failed"):
        model.train(1, Batches(), callbacks=[Boom()])
    with pytest.raises(ValueError, match="can't be all None or 0"):
        train.CheckpointConfig(save_checkpoint_steps=0, keep_checkpoint_max=0)
    with pytest.raises(ValueError, match="append_info"):
        train.CheckpointConfig(append_info=["epochs"])
    with pytest.raises(ValueError, match="prefix"):
        train.ModelCheckpoint(prefix="a/b")
    with pytest.raises(ValueError, match="NAN or INF"):
        bad = [(np.full((4, 4), np.nan, np.float32), y[:4])]
        run(make()[2], [train.LossMonitor()], epochs=1, data=lambda: bad)


def test_top_level_exports():
    for name in ("Model", "LossMonitor", "ModelCheckpoint", "CheckpointConfig", "Callback", "RunContext",
                 "Accuracy", "History", "EarlyStopping"):
        assert getattr(ms, name) is getattr(train, name)


def test_fit_rejects_old_style_custom_hooks_and_dataset_reuse():
    # the reference: ValueError in fit for a user callback overriding step_end etc.; RuntimeError for a
    # dataset object already trained on by another Model
    class Old(train.Callback):
        def step_end(self, rc):
            pass

    with pytest.raises(ValueError, match="on_train"):
        make()[2].fit(1, Batches(), callbacks=[Old()])
    data = Batches()
    make()[2].train(1, data)
    with pytest.raises(RuntimeError, match="used in other model"):
        make()[2].train(1, data)


def test_sink_mode_counts_steps_per_sink_size():
    # the reference on CPU runs every batch in sink mode, numbering steps modulo sink_size
    lines = run(make()[2], [train.LossMonitor()], epochs=1, dataset_sink_mode=True, sink_size=2)
    check_lines(lines, GOLD["lines_sink"])


def test_backup_and_restore(tmp_path):
    run(make()[2], [train.BackupAndRestore(str(tmp_path), delete_checkpoint=False)], epochs=1)
    assert sorted(os.listdir(tmp_path)) == GOLD["backup_files"]
    net, _, model = make()
    run(model, [train.BackupAndRestore(str(tmp_path))], epochs=2)
    assert sorted(os.listdir(tmp_path)) == GOLD["backup_files_after"]
    check_weights(net, GOLD["backup_weights"])

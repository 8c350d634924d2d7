"""LossMonitor, TimeMonitor, History, LambdaCallback."""
import time

import numpy as np

from ...common.tensor import Tensor
from ._callback import Callback, _handle_loss


def _check_int(name, value, owner, positive=False):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For '{owner}', the type of '{name}' should be int, but got {type(value).__name__}.")
    if value < 0 or (positive and value == 0):
        raise ValueError(f"For '{owner}', '{name}' must be {'positive' if positive else 'non-negative'}, but got "
                         f"{value}.")
    return value


class LossMonitor(Callback):
    """Prints ``epoch: E step: S, loss is L`` every ``per_print_times`` steps, and the eval metrics of
    ``fit`` at the end of each epoch; raises ValueError on a NaN/Inf loss."""

    def __init__(self, per_print_times=1):
        super().__init__()
        self._per_print_times = _check_int("per_print_times", per_print_times, "LossMonitor")
        self._last_print_time = 0

    def step_end(self, run_context):
        p = run_context.original_args()
        epoch = p.get("cur_epoch_num", 1)
        loss = _handle_loss(p.net_outputs)
        step_in_epoch = (p.cur_step_num - 1) % p.batch_num + 1
        if isinstance(loss, float) and (np.isnan(loss) or np.isinf(loss)):
            raise ValueError(f"In epoch: {epoch} step: {step_in_epoch}, loss is NAN or INF, training process "
                             "cannot continue, terminating training.")
        every = self._per_print_times
        if every == 0:
            return
        # a new run (cur_step_num restarted) moves the last print back
        while p.cur_step_num <= self._last_print_time:
            self._last_print_time -= max(every, p.batch_num if p.get("dataset_sink_mode") else 1)
        if p.cur_step_num - self._last_print_time >= every:
            self._last_print_time = p.cur_step_num
            print(f"epoch: {epoch} step: {step_in_epoch}, loss is {loss}", flush=True)

    def on_train_epoch_end(self, run_context):
        p = run_context.original_args()
        metrics = p.get("metrics")
        if metrics:
            # numpy scalars printed as plain numbers, as the reference's line shows them (numpy 1.x reprs)
            shown = {k: v.item() if isinstance(v, np.generic) else v for k, v in metrics.items()}
            print(f"Eval result: epoch {p.cur_epoch_num}, metrics: {shown}")


class TimeMonitor(Callback):
    """Prints the epoch time and the time per step (and the data-loading time with ``data_time``)."""

    def __init__(self, data_size=None, data_time=False):
        super().__init__()
        if not isinstance(data_time, bool):
            raise TypeError(f"For 'TimeMonitor', the type of 'data_time' should be bool, but got "
                            f"{type(data_time).__name__}.")
        self.data_size = data_size
        self.data_time = data_time
        self.epoch_time = time.time()
        self.data_time_sum = 0.0
        self.data_time_start = 0.0

    def _timing_data(self, run_context):
        return self.data_time and not run_context.original_args().get("dataset_sink_mode", False)

    def on_train_step_begin(self, run_context):
        if self._timing_data(run_context):
            self.data_time_sum += time.time() - self.data_time_start

    def on_train_step_end(self, run_context):
        if self._timing_data(run_context):
            self.data_time_start = time.time()

    def epoch_begin(self, run_context):
        self.epoch_time = time.time()
        if self._timing_data(run_context):
            self.data_time_sum = 0.0
            self.data_time_start = time.time()

    def epoch_end(self, run_context):
        epoch_ms = (time.time() - self.epoch_time) * 1000
        p = run_context.original_args()
        steps = self.data_size
        batch_num = p.get("batch_num")
        if isinstance(batch_num, int) and batch_num > 0:
            steps = batch_num
        _check_int("data_size", steps, "TimeMonitor", positive=True)
        line = f"{p.get('mode', '').title()} epoch time: {epoch_ms:5.3f} ms, per step time: {epoch_ms / steps:5.3f} ms"
        if self._timing_data(run_context):
            line += f" (data time: {self.data_time_sum * 1000 / steps:5.3f} ms)"
        print(line, flush=True)


class History(Callback):
    """Records the network output (mean loss) and the eval metrics at the end of each epoch."""

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = None

    def begin(self, run_context):
        self.epoch = {"epoch": []}

    def epoch_end(self, run_context):
        p = run_context.original_args()
        if self.epoch is None:
            self.epoch = {"epoch": []}
        self.epoch["epoch"].append(p.get("cur_epoch_num", 1))
        out = p.get("net_outputs")
        if isinstance(out, (tuple, list)) and out and isinstance(out[0], Tensor):
            out = out[0]
        if isinstance(out, Tensor):
            out = np.mean(out.asnumpy())
        record = {"net_output": out}
        if p.get("metrics"):
            record.update(p.get("metrics"))
        for key, value in record.items():
            self.history.setdefault(key, []).append(value)


def _noop(run_context):
    return None


class LambdaCallback(Callback):
    """A callback made of the given functions (each taking ``run_context``)."""

    def __init__(self, on_train_epoch_begin=None, on_train_epoch_end=None, on_train_step_begin=None,
                 on_train_step_end=None, on_train_begin=None, on_train_end=None, on_eval_epoch_begin=None,
                 on_eval_epoch_end=None, on_eval_step_begin=None, on_eval_step_end=None, on_eval_begin=None,
                 on_eval_end=None):
        super().__init__()
        given = dict(on_train_epoch_begin=on_train_epoch_begin, on_train_epoch_end=on_train_epoch_end,
                     on_train_step_begin=on_train_step_begin, on_train_step_end=on_train_step_end,
                     on_train_begin=on_train_begin, on_train_end=on_train_end,
                     on_eval_epoch_begin=on_eval_epoch_begin, on_eval_epoch_end=on_eval_epoch_end,
                     on_eval_step_begin=on_eval_step_begin, on_eval_step_end=on_eval_step_end,
                     on_eval_begin=on_eval_begin, on_eval_end=on_eval_end)
        for name, fn in given.items():
            setattr(self, name, fn if fn else _noop)

"""Callback base class, RunContext, the callback list and the cb_params dict."""
import contextlib

import numpy as np

from ...common.tensor import Tensor


class Callback:
    """Base class of callbacks. Override the ``on_train_*``/``on_eval_*`` hooks (the older
    ``begin``/``epoch_begin``/``step_begin``/``step_end``/``epoch_end``/``end`` hooks are what the
    new ones call by default). A callback is also a context manager around the run."""

    def __enter__(self):
        return self

    def __exit__(self, *err):
        pass

    def begin(self, run_context):
        pass

    def epoch_begin(self, run_context):
        pass

    def epoch_end(self, run_context):
        pass

    def step_begin(self, run_context):
        pass

    def step_end(self, run_context):
        pass

    def end(self, run_context):
        pass

    def on_train_begin(self, run_context):
        self.begin(run_context)

    def on_train_epoch_begin(self, run_context):
        self.epoch_begin(run_context)

    def on_train_epoch_end(self, run_context):
        self.epoch_end(run_context)

    def on_train_step_begin(self, run_context):
        self.step_begin(run_context)

    def on_train_step_end(self, run_context):
        self.step_end(run_context)

    def on_train_end(self, run_context):
        self.end(run_context)

    def on_eval_begin(self, run_context):
        self.begin(run_context)

    def on_eval_epoch_begin(self, run_context):
        self.epoch_begin(run_context)

    def on_eval_epoch_end(self, run_context):
        self.epoch_end(run_context)

    def on_eval_step_begin(self, run_context):
        self.step_begin(run_context)

    def on_eval_step_end(self, run_context):
        self.step_end(run_context)

    def on_eval_end(self, run_context):
        self.end(run_context)


_HOOKS = ("begin", "epoch_begin", "epoch_end", "step_begin", "step_end", "end",
          "on_train_begin", "on_train_epoch_begin", "on_train_epoch_end", "on_train_step_begin",
          "on_train_step_end", "on_train_end", "on_eval_begin", "on_eval_epoch_begin", "on_eval_epoch_end",
          "on_eval_step_begin", "on_eval_step_end", "on_eval_end")


def _fan_out(hook):
    def call(self, run_context):
        for cb in self._callbacks:
            getattr(cb, hook)(run_context)

    call.__name__ = hook
    return call


class _CallbackManager(Callback):
    """Runs every hook on each callback of a list, in order; enters them all as context managers."""

    def __init__(self, callbacks):
        super().__init__()
        self._stack = None
        if callbacks is None:
            self._callbacks = []
        elif isinstance(callbacks, Callback):
            self._callbacks = [callbacks]
        elif isinstance(callbacks, (list, tuple)):
            for cb in callbacks:
                if not isinstance(cb, Callback):
                    raise TypeError("When the 'callbacks' is a list, the elements in 'callbacks' must be Callback "
                                    f"functions, but got {type(cb).__name__}.")
            self._callbacks = list(callbacks)
        else:
            raise TypeError(f"The 'callbacks' is not a Callback or a list of Callback, but got "
                            f"{type(callbacks).__name__}.")

    def __enter__(self):
        if self._stack is None:
            self._stack = contextlib.ExitStack().__enter__()
            entered = []
            for cb in self._callbacks:
                target = self._stack.enter_context(cb)
                entered.append(target if isinstance(target, Callback) else cb)
            self._callbacks = entered
        return self

    def __exit__(self, *err):
        return self._stack.__exit__(*err)


for _hook in _HOOKS:
    setattr(_CallbackManager, _hook, _fan_out(_hook))


class _InternalCallbackParam(dict):
    """The ``cb_params`` dict: keys readable and writable as attributes."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"'cb_params' has no field '{key}'") from None

    def __setattr__(self, key, value):
        self[key] = value


class RunContext:
    """What a callback receives: ``original_args()`` (cb_params) and ``request_stop()``."""

    def __init__(self, original_args):
        if not isinstance(original_args, dict):
            raise TypeError("The argument 'original_args' of RunContext should be dict type, but got "
                            f"{type(original_args)}.")
        self._original_args = original_args
        self._stop_requested = False

    def original_args(self):
        return self._original_args

    def request_stop(self):
        self._stop_requested = True

    def get_stop_requested(self):
        return self._stop_requested


def _handle_loss(loss):
    """The loss as the reference's monitors see it: a Tensor's mean as a float, a tuple's first Tensor."""
    if isinstance(loss, (tuple, list)):
        if loss and isinstance(loss[0], Tensor):
            return loss[0]
        return loss
    if isinstance(loss, Tensor):
        return float(np.mean(loss.asnumpy()))
    return loss

"""EarlyStopping, ReduceLROnPlateau, LearningRateScheduler."""
import logging
import math

import numpy as np

from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ._callback import Callback, _handle_loss

logger = logging.getLogger("lightspore")

_SMALLER_IS_BETTER = ("hausdorff_distance", "mae", "mse", "loss", "perplexity", "mean_surface_distance",
                      "root_mean_square_distance", "eval_loss")


def _check_type(name, value, types, owner):
    if isinstance(value, bool) and bool not in types:
        raise TypeError(f"For '{owner}', the type of '{name}' should be {[t.__name__ for t in types]}, but got bool.")
    if not isinstance(value, tuple(types)):
        raise TypeError(f"For '{owner}', the type of '{name}' should be {[t.__name__ for t in types]}, but got "
                        f"{type(value).__name__}.")
    return value


def _check_non_negative_int(name, value, owner):
    _check_type(name, value, [int], owner)
    if value < 0:
        raise ValueError(f"For '{owner}', '{name}' must be non-negative, but got {value}.")
    return value


class _Monitoring(Callback):
    """Shared part of EarlyStopping and ReduceLROnPlateau: the monitored value and 'better'."""

    _OWNER = ""

    def _setup(self, monitor, min_delta, patience, verbose, mode):
        self.monitor = _check_type("monitor", monitor, [str], self._OWNER)
        self.min_delta = abs(_check_type("min_delta", min_delta, [float, int], self._OWNER))
        self.patience = _check_non_negative_int("patience", patience, self._OWNER)
        self.verbose = _check_type("verbose", verbose, [bool], self._OWNER)
        self.mode = _check_type("mode", mode, [str], self._OWNER)
        if self.mode not in ("auto", "min", "max"):
            raise ValueError(f"mode should be 'auto', 'min' or 'max', but got {self.mode}.")
        self._reset_best()

    def _lower_is_better(self):
        return self.mode == "min" or (self.mode == "auto" and self.monitor in _SMALLER_IS_BETTER)

    def _reset_best(self):
        self.best = np.inf if self._lower_is_better() else -np.inf

    def is_improvement(self, current, best):
        if self._lower_is_better():
            return np.less(current, best - self.min_delta)
        return np.greater(current, best + self.min_delta)

    def _get_monitor_value(self, p):
        candidates = {}
        if self.monitor == "loss":
            value = _handle_loss(p.get("net_outputs"))
        else:
            candidates = p.get("eval_results", {}) or {}
            value = candidates.get(self.monitor)
        if value is None:
            logger.warning("%s is conditioned on %s, which is not available. Available choices are: %s",
                           self._OWNER, self.monitor, sorted({"loss", *candidates}))
        if isinstance(value, Tensor):
            value = value.asnumpy()
        if isinstance(value, np.ndarray) and value.shape != ():
            raise ValueError(f"{self._OWNER} only supports scalar monitor now.")
        return np.array(value) if value else None


class EarlyStopping(_Monitoring):
    """Stops training when the monitored value has not improved for ``patience`` epochs."""

    _OWNER = "EarlyStopping"

    def __init__(self, monitor="eval_loss", min_delta=0, patience=0, verbose=False, mode="auto", baseline=None,
                 restore_best_weights=False):
        super().__init__()
        self._setup(monitor, min_delta, patience, verbose, mode)
        # the reference keeps |min_delta| as the baseline when one is given (its own quirk)
        self.baseline = self.min_delta if baseline else None
        self.restore_best_weights = _check_type("restore_best_weights", restore_best_weights, [bool], self._OWNER)
        self.wait = 0
        self.stopped_epoch = 0
        self.best_weights_param_dict = None

    def on_train_begin(self, run_context):
        self.wait = 0
        self.stopped_epoch = 0
        self._reset_best()
        self.best_weights_param_dict = None

    @staticmethod
    def _snapshot(net):
        return {name: p.asnumpy().copy() for name, p in net.parameters_dict().items()}

    def on_train_epoch_end(self, run_context):
        p = run_context.original_args()
        current = self._get_monitor_value(p)
        if current is None:
            return
        net = p.train_network
        if self.restore_best_weights and self.best_weights_param_dict is None:
            self.best_weights_param_dict = self._snapshot(net)
        self.wait += 1
        if self.is_improvement(current, self.best):
            self.best = current
            if self.restore_best_weights:
                self.best_weights_param_dict = self._snapshot(net)
            if self.baseline is None or self.is_improvement(current, self.baseline):
                self.wait = 0
        if self.wait >= self.patience:
            self.stopped_epoch = p.get("cur_epoch_num")
            run_context.request_stop()
            if self.restore_best_weights and self.best_weights_param_dict is not None:
                if self.verbose:
                    print("Restoring model weights from the end of the best epoch.")
                params = net.parameters_dict()
                for name, value in self.best_weights_param_dict.items():
                    params[name].set_data(Tensor(value))

    def on_train_end(self, run_context):
        if self.stopped_epoch > 0 and self.verbose:
            print(f"Epoch {self.stopped_epoch:05d}: early stopping")


class ReduceLROnPlateau(_Monitoring):
    """Multiplies the optimizer's learning rate by ``factor`` when the monitored value plateaus."""

    _OWNER = "ReduceLROnPlateau"

    def __init__(self, monitor="eval_loss", factor=0.1, patience=10, verbose=False, mode="auto", min_delta=1e-4,
                 cooldown=0, min_lr=0):
        super().__init__()
        _check_type("factor", factor, [float], self._OWNER)
        if not 0.0 < factor < 1.0:
            raise ValueError(f"For '{self._OWNER}', 'factor' must be in range of (0.0, 1.0), but got {factor}.")
        self.factor = factor
        self._setup(monitor, min_delta, patience, verbose, mode)
        self.cooldown = _check_non_negative_int("cooldown", cooldown, self._OWNER)
        self.min_lr = _check_type("min_lr", min_lr, [float, int], self._OWNER)
        self.cooldown_counter = 0
        self.wait = 0

    def on_train_begin(self, run_context):
        self.cooldown_counter = 0
        self.wait = 0
        self._reset_best()

    def on_train_epoch_end(self, run_context):
        p = run_context.original_args()
        lr = getattr(p.optimizer, "learning_rate", None)
        if not isinstance(lr, Parameter):
            raise ValueError("ReduceLROnPlateau does not support dynamic learning rate and group learning rate now.")
        current = self._get_monitor_value(p)
        if current is None:
            return
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self.is_improvement(current, self.best):
            self.best = current
            self.wait = 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            if self.wait >= self.patience:
                old = lr.asnumpy()
                if old > self.min_lr:
                    new = np.maximum(old * np.float32(self.factor), self.min_lr).astype(old.dtype)
                    lr.set_data(Tensor(new))
                    if self.verbose:
                        print(f"Epoch {p.cur_epoch_num:05d}: ReduceLROnPlateau reducing learning rate to {str(new)}.")
                self.cooldown_counter = self.cooldown
                self.wait = 0


class LearningRateScheduler(Callback):
    """Sets the learning rate to ``learning_rate_function(lr, cur_step_num)`` after each step."""

    def __init__(self, learning_rate_function):
        super().__init__()
        self.learning_rate_function = learning_rate_function

    def step_end(self, run_context):
        p = run_context.original_args()
        lr_param = p.optimizer.learning_rate
        lr = float(np.array2string(lr_param.asnumpy()))
        new_lr = self.learning_rate_function(lr, p.cur_step_num)
        if not math.isclose(lr, new_lr, rel_tol=1e-10):
            lr_param.set_data(Tensor(new_lr, mstype.float32))
            logger.info("At step %s, learning_rate change to %s", p.cur_step_num, new_lr)

"""Metric base class and shared helpers (``mindspore.train.Metric``)."""
import functools
from abc import ABCMeta, abstractmethod

import numpy as np

from ...common.tensor import Tensor

_EVAL_TYPES = ("classification", "multilabel")


def rearrange_inputs(func):
    """Decorator for ``update``: reorders its inputs by the metric's ``indexes`` when they are set."""

    @functools.wraps(func)
    def wrapper(self, *inputs):
        order = self.indexes
        if order:
            inputs = [inputs[i] for i in order]
        return func(self, *inputs)

    return wrapper


def _to_numpy(data):
    if isinstance(data, Tensor):
        return data.asnumpy()
    if isinstance(data, np.ndarray):
        return data
    if isinstance(data, list):
        return np.array(data)
    raise TypeError("For 'Metric' and its derived classes, the input data type must be tensor, list or "
                    f"numpy.ndarray, but got {type(data)}.")


def _check_input_count(name, inputs, count, what="predicted value, true value"):
    if len(inputs) != count:
        raise ValueError(f"For '{name}.update', it needs {count} input{'s' if count > 1 else ''} ({what}), "
                         f"but got {len(inputs)}.")


def _no_samples(name, extra=""):
    return RuntimeError(f"The '{name}' can not be calculated, because the number of samples is 0, please check "
                        f"whether {extra}has called update method before calling eval method.")


def _is_onehot(arr):
    """True when ``arr`` (ndim > 1) holds 0/1 values with exactly one 1 along axis 1."""
    if arr.ndim < 2 or not np.array_equal(arr * arr, arr):
        return False
    return bool((arr.sum(axis=1) == 1).all())


def _track_class_num(metric, name, y_pred):
    """The first ``update`` records the class count (``y_pred``'s axis 1) in ``metric._class_num``; a later one
    with another count is a ValueError naming ``'<name>.update'``."""
    if metric._class_num == 0:
        metric._class_num = y_pred.shape[1]
    elif y_pred.shape[1] != metric._class_num:
        raise ValueError(f"For '{name}.update', class number not match, last input predicted data contain "
                         f"{metric._class_num} classes, but current predicted data contain {y_pred.shape[1]} "
                         "classes, please check your predicted value(inputs[0]).")


def _check_average(average, owner):
    if not isinstance(average, bool):
        raise TypeError(f"For '{owner}', the type of 'average' should be bool, but got {type(average).__name__}.")


class Metric(metaclass=ABCMeta):
    """Base class of metrics: ``clear`` resets, ``update`` accumulates, ``eval`` computes."""

    def __init__(self):
        self._indexes = None

    def _convert_data(self, data):
        return _to_numpy(data)

    def _update_inputs(self, name, inputs, count=2, what="predicted value, true value"):
        """``update``'s ``inputs`` as numpy arrays: ValueError naming ``'<name>.update'`` unless there are
        ``count`` of them (``what`` lists them in the message)."""
        _check_input_count(name, inputs, count, what)
        return [self._convert_data(x) for x in inputs]

    @property
    def indexes(self):
        return getattr(self, "_indexes", None)

    def set_indexes(self, indexes):
        if not isinstance(indexes, list) or not all(isinstance(i, int) for i in indexes):
            raise ValueError("For 'set_indexes', the argument 'indexes' must be a list and all its elements must be "
                             f"int, but got {indexes!r}.")
        self._indexes = indexes
        return self

    def __call__(self, *inputs):
        self.clear()
        self.update(*inputs)
        return self.eval()

    @abstractmethod
    def clear(self):
        raise NotImplementedError("Must define clear function to use this base class")

    @abstractmethod
    def eval(self):
        raise NotImplementedError("Must define eval function to use this base class")

    @abstractmethod
    def update(self, *inputs):
        raise NotImplementedError("Must define update function to use this base class")


class EvaluationBase(Metric):
    """Base of the metrics taking ``eval_type`` ('classification' or 'multilabel')."""

    def __init__(self, eval_type):
        super().__init__()
        if eval_type not in _EVAL_TYPES:
            raise TypeError(f"The argument 'eval_type' must be in {set(_EVAL_TYPES)}, but got {eval_type}")
        self._type = eval_type

    def _check_shape(self, y_pred, y):
        if self._type == "classification":
            if y_pred.ndim != y.ndim + 1:
                raise ValueError("In classification case, the dimension of y_pred (predicted value) should equal to "
                                 "the dimension of y (true value) add 1, but got y_pred dimension: "
                                 f"{y_pred.ndim} and y dimension: {y.ndim}.")
            if y.shape != (y_pred.shape[0],) + y_pred.shape[2:]:
                raise ValueError("In classification case, y shape should be equal to y_pred shape with the value at "
                                 f"index 1 deleted, but got y_pred shape {y_pred.shape} and y shape {y.shape}")
        elif y_pred.shape != y.shape:
            raise ValueError(f"In {self._type} case, the shape of y_pred (predicted value) should equal to the shape "
                             f"of y (true value), but got y_pred shape: {y_pred.shape} and y shape: {y.shape}.")

    def _check_value(self, y_pred, y):
        if self._type != "classification":
            if not (np.array_equal(y_pred * y_pred, y_pred) and np.array_equal(y * y, y)):
                raise ValueError("In multilabel case, all elements in y_pred (predicted value) and y (true value) "
                                 "should be 0 or 1.")

    def _prepare(self, name, inputs):
        """Shared input handling: convert, one-hot labels to indices, check shapes/values/class count."""
        y_pred, y = self._update_inputs(name, inputs)
        if self._type == "classification" and y_pred.ndim == y.ndim and _is_onehot(y):
            y = y.argmax(axis=1)
        self._check_shape(y_pred, y)
        self._check_value(y_pred, y)
        _track_class_num(self, name, y_pred)
        return y_pred, y

    def clear(self):
        raise NotImplementedError

    def update(self, *inputs):
        raise NotImplementedError

    def eval(self):
        raise NotImplementedError


def _binary_curve(preds, target, pos_label=1):
    """False/true positive counts at each distinct threshold, highest score first."""
    if preds.ndim > target.ndim:
        preds = preds[:, 0]
    order = np.argsort(-preds)
    preds = preds[order]
    target = target[order]
    cut = np.nonzero(preds[1:] - preds[:-1])[0]
    cut = np.concatenate([cut, [target.shape[0] - 1]]).astype(np.int64)
    hits = (target == pos_label).astype(np.int64)
    tps = np.cumsum(hits)[cut]
    fps = 1 + cut - tps
    return fps, tps, preds[cut]

"""Accuracy, Precision, Recall, Fbeta/F1, top-k accuracy."""
import sys

import numpy as np

from .metric import (
    EvaluationBase,
    Metric,
    _check_average,
    _is_onehot,
    _no_samples,
    _track_class_num,
    rearrange_inputs,
)

_EPS = sys.float_info.min


class Accuracy(EvaluationBase):
    """Fraction of correctly predicted samples (classification or multilabel)."""

    def __init__(self, eval_type="classification"):
        super().__init__(eval_type)
        self.clear()

    def clear(self):
        self._correct_num = 0
        self._total_num = 0
        self._class_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._prepare("Accuracy", inputs)
        if self._type == "classification":
            hit = (y_pred.argmax(axis=1) == y).astype(np.int64).reshape(-1)
        else:
            last = y_pred.ndim - 1
            p = y_pred.swapaxes(1, last).reshape(-1, self._class_num)
            t = y.swapaxes(1, last).reshape(-1, self._class_num)
            hit = (p == t).all(axis=1).astype(np.int64)
        self._correct_num += hit.sum()
        self._total_num += hit.shape[0]

    def eval(self):
        if self._total_num == 0:
            raise _no_samples("Accuracy", "your inputs(predicted value, true value) are empty, or ")
        return self._correct_num / self._total_num


class _PRBase(EvaluationBase):
    """Precision and Recall share everything but the denominator."""

    _NAME = ""

    def __init__(self, eval_type="classification"):
        super().__init__(eval_type)
        self.eps = _EPS
        self.clear()

    def clear(self):
        self._class_num = 0
        if self._type == "multilabel":
            self._true_positives = np.empty(0)
            self._denominator = np.empty(0)
            self._ratio_sum = 0
            self._count = 0
        else:
            self._true_positives = 0
            self._denominator = 0

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._prepare(self._NAME, inputs)
        k = self._class_num
        if self._type == "classification":
            if y.max() + 1 > k:
                raise ValueError(f"For '{self._NAME}.update', predicted value (input[0]) should have the same "
                                 "classes number as true value (input[1]), but got predicted value classes "
                                 f"{k}, true value classes {y.max() + 1}.")
            eye = np.eye(k)
            y = eye[y.reshape(-1)]
            y_pred = eye[y_pred.argmax(axis=1).reshape(-1)]
        else:
            y_pred = y_pred.swapaxes(1, 0).reshape(k, -1)
            y = y.swapaxes(1, 0).reshape(k, -1)
        tp = (y * y_pred).sum(axis=0)
        denom = (y_pred if self._NAME == "Precision" else y).sum(axis=0)
        if self._type == "multilabel":
            self._ratio_sum += np.float64(np.sum(tp / (denom + self.eps)))
            self._count += len(denom)
            self._true_positives = np.concatenate((self._true_positives, tp), axis=0)
            self._denominator = np.concatenate((self._denominator, denom), axis=0)
        else:
            self._true_positives += tp
            self._denominator += denom

    def eval(self, average=False):
        if self._class_num == 0:
            raise _no_samples(self._NAME, "your inputs (predicted value, true value) are empty, or ")
        _check_average(average, type(self).__name__)
        result = self._true_positives / (self._denominator + self.eps)
        if average:
            if self._type == "multilabel":
                result = self._ratio_sum / (self._count + self.eps)
            return result.mean()
        return result


class Precision(_PRBase):
    """Per-class precision TP / (TP + FP) (``eval(average=True)`` gives the mean)."""

    _NAME = "Precision"


class Recall(_PRBase):
    """Per-class recall TP / (TP + FN) (``eval(average=True)`` gives the mean)."""

    _NAME = "Recall"


class Fbeta(Metric):
    """Per-class F-beta score."""

    def __init__(self, beta):
        super().__init__()
        self.eps = _EPS
        if not beta > 0:
            raise ValueError(f"For 'Fbeta', the argument 'beta' must be greater than 0, but got {beta}.")
        self.beta = beta
        self.clear()

    def clear(self):
        self._true_positives = 0
        self._actual_positives = 0
        self._positives = 0
        self._class_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._update_inputs("Fbeta", inputs)
        if y_pred.ndim == y.ndim and _is_onehot(y):
            y = y.argmax(axis=1)
        _track_class_num(self, "Fbeta", y_pred)
        k = self._class_num
        if y.max() + 1 > k:
            raise ValueError("For 'Fbeta.update', predicted value(inputs[0]) and true value(inputs[1]) should "
                             f"contain same classes, but got predicted value contains {k} classes and true value "
                             f"contains {y.max() + 1} classes.")
        eye = np.eye(k)
        y = eye[y.reshape(-1)]
        y_pred = eye[y_pred.argmax(axis=1).reshape(-1)]
        self._true_positives += (y * y_pred).sum(axis=0)
        self._positives += y_pred.sum(axis=0)
        self._actual_positives += y.sum(axis=0)

    def eval(self, average=False):
        _check_average(average, type(self).__name__)
        if self._class_num == 0:
            raise _no_samples("Fbeta", "your inputs(predicted value, true value) are empty, or ")
        b2 = self.beta ** 2
        score = (1.0 + b2) * self._true_positives / (b2 * self._actual_positives + self._positives + self.eps)
        return score.mean() if average else score


class F1(Fbeta):
    """F1 score: Fbeta with beta = 1."""

    def __init__(self):
        super().__init__(1.0)


class TopKCategoricalAccuracy(Metric):
    """Fraction of samples whose label is among the k highest predictions."""

    def __init__(self, k):
        super().__init__()
        if not isinstance(k, int) or isinstance(k, bool):
            raise TypeError(f"For 'TopKCategoricalAccuracy', the type of the argument 'k' should be int, but got "
                            f"'k' type: {type(k)}.")
        if k < 1:
            raise ValueError(f"For 'TopKCategoricalAccuracy', the argument 'k' must be at least 1, but got 'k' "
                             f"value: {k}.")
        self.k = k
        self.clear()

    def clear(self):
        self._correct_num = 0
        self._samples_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._update_inputs("TopKCategoricalAccuracy", inputs)
        if y_pred.ndim == y.ndim and _is_onehot(y):
            y = y.argmax(axis=1)
        top = np.argsort(-y_pred, axis=1)[:, :self.k]
        labels = y.reshape(-1, 1)
        self._correct_num += (top == labels).sum()
        self._samples_num += labels.shape[0]

    def eval(self):
        if self._samples_num == 0:
            raise _no_samples("TopKCategoricalAccuracy", "your inputs (predicted value, true value) are empty, or ")
        return self._correct_num / self._samples_num


class Top1CategoricalAccuracy(TopKCategoricalAccuracy):
    """Top-1 categorical accuracy."""

    def __init__(self):
        super().__init__(1)


class Top5CategoricalAccuracy(TopKCategoricalAccuracy):
    """Top-5 categorical accuracy."""

    def __init__(self):
        super().__init__(5)

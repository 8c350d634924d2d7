"""MAE, MSE, Loss, Dice, Perplexity."""
import math

import numpy as np

from .metric import Metric, _no_samples, rearrange_inputs


def _f64(v):
    """A float32 numpy scalar or array as float64 (numpy 1.x promotion of float32 with python numbers)."""
    if isinstance(v, (np.floating, np.ndarray)) and v.dtype == np.float32:
        return v.astype(np.float64)
    return v


class _ErrorSum(Metric):
    _NAME = ""

    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self):
        self._error_sum = 0
        self._samples_num = 0

    @staticmethod
    def _err(diff):
        raise NotImplementedError

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._update_inputs(self._NAME, inputs)
        self._error_sum += self._err(y.reshape(y_pred.shape) - y_pred).sum()
        self._samples_num += y.shape[0]

    def eval(self):
        if self._samples_num == 0:
            raise _no_samples(self._NAME, "your inputs(predicted value, true value) are empty, or ")
        # numpy 1.x (the reference's) promotes float32 / int to float64; do so under numpy 2 too
        return _f64(self._error_sum) / self._samples_num


class MAE(_ErrorSum):
    """Mean absolute error: sum |y - y_pred| over all elements / number of samples."""

    _NAME = "MAE"

    @staticmethod
    def _err(diff):
        return np.abs(diff)


class MSE(_ErrorSum):
    """Mean squared error: sum (y - y_pred)^2 over all elements / number of samples."""

    _NAME = "MSE"

    @staticmethod
    def _err(diff):
        return np.power(diff, 2)


class Loss(Metric):
    """Average of the loss values passed to ``update`` (each update's loss is first averaged)."""

    def __init__(self):
        super().__init__()
        self.clear()

    def clear(self):
        self._sum_loss = 0
        self._total_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        (loss,) = self._update_inputs("Loss", inputs, 1, "loss")
        if loss.ndim == 0:
            loss = loss.reshape(1)
        if loss.ndim != 1:
            raise ValueError(f"For 'Loss.update', the dimension of your input (loss) must be 1, but got {loss.ndim}.")
        self._sum_loss += loss.mean(-1)
        self._total_num += 1

    def eval(self):
        if self._total_num == 0:
            raise _no_samples("Loss")
        return _f64(self._sum_loss) / self._total_num


class Dice(Metric):
    """Dice coefficient 2|X.Y| / (|X|^2 + |Y|^2 + smooth), averaged over samples."""

    def __init__(self, smooth=1e-05):
        super().__init__()
        if isinstance(smooth, bool) or not isinstance(smooth, float):
            raise TypeError(f"For 'Dice', the type of 'smooth' should be float, but got {type(smooth).__name__}.")
        if not smooth > 0:
            raise ValueError(f"For 'Dice', the argument 'smooth' must be positive, but got {smooth}.")
        self.smooth = smooth
        self.clear()

    def clear(self):
        self._dice_coeff_sum = 0
        self._samples_num = 0

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._update_inputs("Dice", inputs)
        self._samples_num += y.shape[0]
        if y_pred.shape != y.shape:
            raise ValueError("For 'Dice.update', predicted value (input[0]) and true value (input[1]) should have "
                             f"same shape, but got predicted value shape: {y_pred.shape}, true value shape: "
                             f"{y.shape}.")
        p = y_pred.flatten()
        t = y.flatten()
        inter = np.dot(p, t)
        union = np.dot(p, p) + np.dot(t, t)
        self._dice_coeff_sum += 2 * float(inter) / float(union + self.smooth)

    def eval(self):
        if self._samples_num == 0:
            raise _no_samples("Dice coefficient", "your inputs(predicted value, true value) are empty, or ")
        return self._dice_coeff_sum / float(self._samples_num)


class Perplexity(Metric):
    """exp(mean negative log-probability of the labels); ``ignore_label`` positions are skipped."""

    def __init__(self, ignore_label=None):
        super().__init__()
        if ignore_label is not None and (isinstance(ignore_label, bool) or not isinstance(ignore_label, int)):
            raise TypeError("For 'Perplexity', the type of 'ignore_label' should be int, but got "
                            f"{type(ignore_label).__name__}.")
        self.ignore_label = ignore_label
        self.clear()

    def clear(self):
        self._sum_metric = 0.0
        self._num_inst = 0

    @rearrange_inputs
    def update(self, *inputs):
        pred, label = self._update_inputs("Perplexity", inputs, 2, "predicted value, label")
        if label.size != pred.size / pred.shape[-1]:
            raise RuntimeError("For 'Perplexity.update', predicted value (input[0]) and label (input[1]) should "
                               f"have the same shape, but got predicted value shape {pred.shape}, label shape "
                               f"{label.shape}.")
        label = label.reshape(label.size)
        picked = np.squeeze(pred[np.arange(label.size)[:, None], label.astype(int)[:, None]])
        num = 0
        if self.ignore_label is not None:
            ignore = (label == self.ignore_label).astype(picked.dtype)
            num -= np.sum(ignore)
            picked = picked * (1 - ignore) + ignore
        loss = 0.0 - np.sum(np.log(np.maximum(1e-10, picked)))
        self._sum_metric += loss
        self._num_inst += num + picked.size

    def eval(self):
        if self._num_inst == 0:
            raise _no_samples("Perplexity")
        return math.exp(self._sum_metric / self._num_inst)

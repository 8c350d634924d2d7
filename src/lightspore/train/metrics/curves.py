"""ConfusionMatrix, ROC and auc."""
import numpy as np

from .metric import Metric, _binary_curve, rearrange_inputs


def _check_int(name, value, owner):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For '{owner}', the type of '{name}' should be int, but got {type(value).__name__}.")
    return value


class ConfusionMatrix(Metric):
    """num_classes x num_classes confusion matrix (rows: true class, columns: predicted class)."""

    def __init__(self, num_classes, normalize="no_norm", threshold=0.5):
        super().__init__()
        self.num_classes = _check_int("num_classes", num_classes, "ConfusionMatrix")
        if normalize not in ("target", "prediction", "all", "no_norm"):
            raise ValueError("For 'ConfusionMatrix', the argument 'normalize' must be in ['all', 'prediction', "
                             f"'target', 'no_norm'], but got {normalize}.")
        self.normalize = normalize
        if not isinstance(threshold, float):
            raise TypeError(f"For 'ConfusionMatrix', the type of 'threshold' should be float, but got "
                            f"{type(threshold).__name__}.")
        self.threshold = threshold
        self.clear()

    def clear(self):
        self.confusion_matrix = np.zeros((self.num_classes, self.num_classes))
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._update_inputs("ConfusionMatrix", inputs)
        if y_pred.ndim not in (y.ndim, y.ndim + 1):
            raise ValueError("For 'ConfusionMatrix.update', predicted value (input[0]) and true value (input[1]) "
                             "should have same dimensions, or the dimension of predicted value equals the dimension "
                             f"of true value add 1, but got predicted value ndim: {y_pred.ndim}, true value ndim: "
                             f"{y.ndim}.")
        if y_pred.ndim == y.ndim + 1:
            y_pred = y_pred.argmax(axis=1)
        if y_pred.ndim == y.ndim and y_pred.dtype in (np.float16, np.float32, np.float64):
            y_pred = (y_pred >= self.threshold).astype(int)
        k = self.num_classes
        flat = (y.reshape(-1) * k + y_pred.reshape(-1)).astype(int)
        self.confusion_matrix += np.bincount(flat, minlength=k * k).reshape(k, k)
        self._is_update = True

    def eval(self):
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        cm = self.confusion_matrix.astype(float)
        if self.normalize == "no_norm":
            return cm
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.normalize == "target":
                out = cm / cm.sum(axis=1, keepdims=True)
            elif self.normalize == "prediction":
                out = cm / cm.sum(axis=0, keepdims=True)
            else:
                out = cm / cm.sum()
        out[np.isnan(out)] = 0
        return out


def _curve_inputs(y_pred, y, class_num, pos_label):
    if y_pred.ndim not in (y.ndim, y.ndim + 1):
        raise ValueError("For 'ROC', predicted value (input[0]) and true value (input[1]) must have same dimensions, "
                         "or the dimension of predicted value equal the dimension of true value add 1, but got "
                         f"predicted value ndim: {y_pred.ndim}, true value ndim: {y.ndim}.")
    if y_pred.ndim == y.ndim:
        if class_num is not None and class_num != 1:
            raise ValueError("For 'ROC', when predicted value (input[0]) and true value (input[1]) have the same "
                             f"shape, the 'class_num' must be 1, but got {class_num}.")
        return y_pred.flatten(), y.flatten(), 1, 1 if pos_label is None else pos_label
    if pos_label is not None:
        raise ValueError("For 'ROC', when the dimension of predicted value (input[0]) equals the dimension of true "
                         f"value (input[1]) add 1, the 'pos_label' must be None, but got {pos_label}.")
    if class_num != y_pred.shape[1]:
        raise ValueError(f"For 'ROC', the 'class_num' must equal the number of classes from predicted value "
                         f"(input[0]), but got 'class_num' {class_num}, the number of classes from predicted value "
                         f"{y_pred.shape[1]}.")
    # the reference reshapes (N, C) row-major to (C, N) here (not a transpose); kept for equal numbers
    return y_pred.reshape(class_num, -1), y.flatten(), class_num, pos_label


class ROC(Metric):
    """Receiver operating characteristic: (fpr, tpr, thresholds), per class for multi-class inputs."""

    def __init__(self, class_num=None, pos_label=None):
        super().__init__()
        self.class_num = class_num if class_num is None else _check_int("class_num", class_num, "ROC")
        self.pos_label = pos_label if pos_label is None else _check_int("pos_label", pos_label, "ROC")
        self.clear()

    def clear(self):
        self.y_pred = 0
        self.y = 0
        self.sample_weights = None
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._update_inputs("ROC", inputs)
        self.y_pred, self.y, self.class_num, self.pos_label = _curve_inputs(y_pred, y, self.class_num,
                                                                            self.pos_label)
        self._is_update = True

    def _roc_eval(self, y_pred, y, class_num, pos_label):
        if class_num == 1:
            fps, tps, thr = _binary_curve(y_pred, y, pos_label=pos_label)
            tps = np.squeeze(np.concatenate([np.zeros(1, dtype=tps.dtype), tps]))
            fps = np.squeeze(np.concatenate([np.zeros(1, dtype=fps.dtype), fps]))
            thr = np.concatenate([thr[:1] + 1, thr])
            if fps[-1] <= 0:
                raise ValueError("For 'ROC.eval', there is no negative samples in true value, false positive value "
                                 "is meaningless.")
            if tps[-1] <= 0:
                raise ValueError("For 'ROC.eval', there is no positive samples in true value, true positive value "
                                 "is meaningless.")
            return fps / fps[-1], tps / tps[-1], thr
        fpr, tpr, thr = [], [], []
        for c in range(class_num):
            p, t, k, lbl = _curve_inputs(y_pred[:, c], y, 1, c)
            f, tp, th = self._roc_eval(p, t, k, lbl)
            fpr.append(f)
            tpr.append(tp)
            thr.append(th)
        return fpr, tpr, thr

    def eval(self):
        if not self._is_update:
            raise RuntimeError("Please call the 'update' method before calling 'eval' method.")
        return self._roc_eval(np.squeeze(self.y_pred), np.squeeze(self.y), self.class_num, self.pos_label)


def _as_1d(a):
    shape = np.shape(a)
    if len(shape) == 1 or (len(shape) == 2 and shape[1] == 1):
        return np.ravel(a)
    raise ValueError("For 'auc', the input must be a 1-dimensional array, or a 2-dimensional array with the second "
                     f"dimension of 1, but got shape {shape}.")


def auc(x, y, reorder=False):
    """Area under the curve through the points (x, y), by the trapezoidal rule."""
    if not isinstance(x, np.ndarray) or not isinstance(y, np.ndarray):
        raise TypeError(f"For 'auc', the argument 'x' and 'y' must all be np.ndarray, but got {type(x)}, {type(y)}")
    for a in (x, y):
        if a.ndim == 0:
            raise TypeError(f"Singleton array {a} cannot be considered as a valid collection.")
    if x.shape[0] != y.shape[0]:
        raise ValueError(f"Found input variables with inconsistent numbers of samples: {[x.shape[0], y.shape[0]]}.")
    x = _as_1d(x)
    y = _as_1d(y)
    if x.shape[0] < 2:
        raise ValueError(f"For 'auc', the shape of the argument 'x' in axis 0 must be at least 2, but got "
                         f"{x.shape[0]}.")
    sign = 1
    if reorder:
        order = np.lexsort((y, x))
        x, y = x[order], y[order]
    else:
        dx = np.diff(x)
        if np.any(dx < 0):
            if np.all(dx <= 0):
                sign = -1
            else:
                raise ValueError("For 'auc', if the argument 'reorder' is False, the argument 'x' array must be "
                                 f"increasing or decreasing, but got 'x': {x}")
    trapz = getattr(np, "trapezoid", None) or np.trapz
    return sign * trapz(y, x)

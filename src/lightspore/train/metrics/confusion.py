"""ConfusionMatrixMetric: tp/fp/tn/fn based metrics (sensitivity, precision, f1, mcc, ...)."""
import numpy as np

from .metric import Metric, rearrange_inputs

_ALIASES = {
    "tpr": ("sensitivity", "recall", "hit_rate", "true_positive_rate", "tpr"),
    "tnr": ("specificity", "selectivity", "true_negative_rate", "tnr"),
    "ppv": ("precision", "positive_predictive_value", "ppv"),
    "npv": ("negative_predictive_value", "npv"),
    "fnr": ("miss_rate", "false_negative_rate", "fnr"),
    "fpr": ("fall_out", "false_positive_rate", "fpr"),
    "fdr": ("false_discovery_rate", "fdr"),
    "for": ("false_omission_rate", "for"),
    "pt": ("prevalence_threshold", "pt"),
    "ts": ("threat_score", "critical_success_index", "ts", "csi"),
    "acc": ("accuracy", "acc"),
    "ba": ("balanced_accuracy", "ba"),
    "f1": ("f1_score", "f1"),
    "mcc": ("matthews_correlation_coefficient", "mcc"),
    "fm": ("fowlkes_mallows_index", "fm"),
    "bm": ("informedness", "bookmaker_informedness", "bm"),
    "mk": ("markedness", "deltap", "mk"),
}
_CANONICAL = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
_REDUCTIONS = ("none", "mean", "sum", "mean_batch", "sum_batch", "mean_channel", "sum_channel")
_NAN = np.array(float("nan"))


def _canonical(metric_name):
    key = _CANONICAL.get(metric_name.replace(" ", "_").lower())
    if key is None:
        raise NotImplementedError("The metric is not implemented.")
    return key


def _ratio(num, den):
    return np.where(den > 0, num / np.where(den > 0, den, 1), _NAN)


def _fraction(key, tp, fp, tn, fn):
    """(numerator, denominator) of the metric ``key``."""
    p, n = tp + fn, fp + tn
    if key in ("pt", "ba", "bm"):
        tpr, tnr = _ratio(tp, p), _ratio(tn, n)
        if key == "pt":
            return np.sqrt(tpr * (1.0 - tnr)) + tnr - 1.0, tpr + tnr - 1.0
        if key == "ba":
            return tpr + tnr, 2.0
        return tpr + tnr - 1.0, 1.0
    if key == "fm":
        return np.sqrt(_ratio(tp, tp + fp) * _ratio(tp, p)), 1.0
    if key == "mk":
        with np.errstate(divide="ignore", invalid="ignore"):
            npv = tn / (tn + fn)
        return _ratio(tp, tp + fp) + npv - 1.0, 1.0
    if key == "mcc":
        return tp * tn - fp * fn, np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    table = {"tpr": (tp, p), "tnr": (tn, n), "ppv": (tp, tp + fp), "npv": (tn, tn + fn), "fnr": (fn, p),
             "fpr": (fp, n), "fdr": (fp, fp + tp), "for": (fn, fn + tn), "ts": (tp, tp + fn + fp),
             "acc": (tp + tn, p + n), "f1": (tp * 2.0, tp * 2.0 + fn + fp)}
    return table[key]


def _metric_from_counts(metric_name, counts):
    key = _canonical(metric_name)
    if counts.ndim == 1:
        counts = counts[None]
    if counts.shape[-1] != 4:
        raise ValueError("For 'ConfusionMatrix', the size of the last dimension of confusion_matrix must be 4, but "
                         f"got {counts.shape[-1]}.")
    num, den = _fraction(key, counts[..., 0], counts[..., 1], counts[..., 2], counts[..., 3])
    if isinstance(den, np.ndarray):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(den != 0, num / den, _NAN)
    with np.errstate(divide="ignore", invalid="ignore"):
        return num / den


def _counts(y_pred, y, skip_channel):
    """(batch, class, 4) array of tp, fp, tn, fn per sample and class."""
    if not skip_channel:
        y = y[:, 1:] if y.shape[1] > 1 else y
        y_pred = y_pred[:, 1:] if y_pred.shape[1] > 1 else y_pred
    y = y.astype(float)
    y_pred = y_pred.astype(float)
    if y.shape != y_pred.shape:
        raise ValueError(f"For 'ConfusionMatrixMetric', the shape of y and y_pred must be equal, but got "
                         f"{y.shape} and {y_pred.shape}.")
    b, c = y_pred.shape[:2]
    y_pred = y_pred.reshape(b, c, -1)
    y = y.reshape(b, c, -1)
    tp = (y_pred + y == 2).astype(float).sum(axis=2)
    tn = (y_pred + y == 0).astype(float).sum(axis=2)
    pos = y.sum(axis=2)
    neg = y.shape[-1] - pos
    return np.stack([tp, neg - tn, tn, pos - tp], axis=-1)


def _reduce(chart, how):
    """(reduced chart, count of non-NaN entries) over batch/channel axes."""
    nans = np.isnan(chart)
    valid = (~nans).astype(float)
    chart = np.where(nans, 0, chart)
    if how == "none":
        return chart, valid
    if how == "sum":
        return np.sum(chart, axis=(0, 1)), valid.sum(axis=(0, 1))
    if how == "sum_batch":
        return chart.sum(axis=0), valid.sum(axis=0)
    if how == "sum_channel":
        return chart.sum(axis=1), valid.sum(axis=1)
    if how == "mean_batch":
        # the reference maps this name to an uncalled function and fails to unpack it
        raise TypeError("cannot unpack non-iterable function object")
    if how == "mean_channel":
        cnt = valid.sum(axis=1)
        return np.where(cnt > 0, chart.sum(axis=1) / np.where(cnt > 0, cnt, 1), np.zeros(1)), cnt
    cnt = valid.sum(axis=1)
    per_sample = np.where(cnt > 0, chart.sum(axis=1) / np.where(cnt > 0, cnt, 1), np.zeros(1))
    cnt = (cnt > 0).astype(float).sum(axis=0)
    return np.where(cnt > 0, per_sample.sum(axis=0) / np.where(cnt > 0, cnt, 1), np.zeros(1)), cnt


class ConfusionMatrixMetric(Metric):
    """A confusion-matrix metric (``metric_name``: sensitivity, precision, f1 score, mcc, ...) over one-hot
    predictions and labels, from totals over all updates or (``calculation_method``) averaged per update."""

    def __init__(self, skip_channel=True, metric_name="sensitivity", calculation_method=False, decrease="mean"):
        super().__init__()
        for name, value, typ in (("skip_channel", skip_channel, bool), ("metric_name", metric_name, str),
                                 ("calculation_method", calculation_method, bool), ("decrease", decrease, str)):
            if not isinstance(value, typ):
                raise TypeError(f"For 'ConfusionMatrixMetric', the type of '{name}' should be {typ.__name__}, but "
                                f"got {type(value).__name__}.")
        if decrease not in _REDUCTIONS:
            raise ValueError(f"For 'ConfusionMatrixMetric', 'decrease' should be in {list(_REDUCTIONS)}, but got "
                             f"{decrease}.")
        self.skip_channel = skip_channel
        self.metric_name = metric_name
        self.calculation_method = calculation_method
        self.decrease = decrease
        self._per_update = calculation_method
        self.clear()

    def clear(self):
        self._total_num = 0
        self._class_num = 0
        self._totals = np.zeros(4)

    @rearrange_inputs
    def update(self, *inputs):
        y_pred, y = self._update_inputs("ConfusionMatrixMetric", inputs)
        if not np.all(y.astype(np.uint8) == y):
            raise ValueError("For 'ConfusionMatrix.update', the true value (input[1]) must be a binarized ndarray.")
        if y_pred.ndim < 2:
            raise ValueError("For 'ConfusionMatrix.update', the predicted value (input[0]) must have at least 2 "
                             f"dimensions, but got {y_pred.ndim}.")
        if y_pred.ndim == 2 or (y_pred.ndim == 3 and y_pred.shape[-1] == 1):
            self._per_update = False     # as the reference: sticky once such an input is seen
        counts = _counts(y_pred, y, self.skip_channel)
        if self.calculation_method and self._per_update:
            score, valid = _reduce(_metric_from_counts(self.metric_name, counts), self.decrease)
            valid = int(np.asarray(valid).item())
            self._total_num += np.asarray(score).item() * valid
            self._class_num += valid
        else:
            summed, _ = _reduce(counts, "sum")
            self._totals = self._totals + summed

    def eval(self):
        if self.calculation_method:
            if self._class_num == 0:
                raise RuntimeError("The 'ConfusionMatrixMetric' can not be calculated, because the number of samples "
                                   "is 0, please check whether your inputs(predicted value, true value) are empty, or "
                                   "has called update method before calling eval method.")
            return self._total_num / self._class_num
        return _metric_from_counts(self.metric_name, self._totals)

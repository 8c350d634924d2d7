"""Loss cells of ``mindspore.nn``.

Each cell checks its arguments once at construction (with the reference's error types), checks the
inputs it must check per call with cheap dtype/shape comparisons, and computes on the held torch
tensors (``x._t``), so torch's kernels and autograd do the work. ``LossBase.get_loss`` keeps the
reference's arithmetic: the unreduced loss is cast to float32, weighted, reduced over every axis and
cast back to its own dtype.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ... import ops
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...ops._table import IMPLS
from ..cell import Cell
from ..layer._validate import ms_type_name
from ..layer.activation import get_activation

__all__ = ["LossBase", "L1Loss", "MSELoss", "RMSELoss", "MAELoss", "SmoothL1Loss", "HuberLoss",
           "SoftmaxCrossEntropyWithLogits", "CrossEntropyLoss", "NLLLoss", "BCELoss", "BCEWithLogitsLoss",
           "KLDivLoss", "SoftMarginLoss", "CosineEmbeddingLoss", "DiceLoss", "MultiClassDiceLoss", "FocalLoss",
           "MultiMarginLoss", "MultiLabelSoftMarginLoss", "PoissonNLLLoss", "GaussianNLLLoss",
           "TripletMarginWithDistanceLoss", "MarginRankingLoss", "HingeEmbeddingLoss", "CTCLoss"]

_REDUCTIONS = ("mean", "sum", "none")
_T = mstype.to_torch
_F16, _F32, _F64, _BF16 = _T(mstype.float16), _T(mstype.float32), _T(mstype.float64), _T(mstype.bfloat16)
_I32, _I64 = _T(mstype.int32), _T(mstype.int64)
_HALF_FLOATS = (_F16, _F32)
_KERNEL_FLOATS = (_F16, _F32, _BF16)
_INDEX_TYPES = (_I32, _I64)
_UNSIGNED = tuple(_T(d) for d in (mstype.uint8, mstype.uint16, mstype.uint32, mstype.uint64) if _T(d) is not None)
_HALF_LN_2PI = 0.5 * math.log(2 * math.pi)


# ---------------------------------------------------------------------------------------------
# shared checks (construction time unless named per call)
# ---------------------------------------------------------------------------------------------
def _name(torch_dtype):
    return repr(mstype.from_torch(torch_dtype))


def _tensor(x, arg, cls_name):
    """The torch tensor held by ``x``; TypeError naming the cell and argument for anything else."""
    if isinstance(x, Tensor):
        return x._t
    raise TypeError(f"For '{cls_name}', the '{arg}' must be '<class 'mindspore._c_expression.typing.TensorType'>', "
                    f"but got '{ms_type_name(x)}'")


def _dtype_in(t, allowed, arg, cls_name):
    if t.dtype not in allowed:
        names = ", ".join(_name(d) for d in allowed)
        raise TypeError(f"For '{cls_name}', the '{arg}' should be one of [{names}], but got '{_name(t.dtype)}'.")


def _check_reduction(reduction, cls_name, valid=_REDUCTIONS):
    if not isinstance(reduction, str) or reduction not in valid:
        raise ValueError(f"For '{cls_name}', the 'reduction' must be in {list(valid)}, but got {reduction}.")


def _check_type(value, arg, types, cls_name):
    """``value`` must be an instance of ``types``; a bool passes only where bool is listed."""
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(value, types)
    if not ok:
        validator.check_value_type(arg, value, list(types), cls_name)  # raises the reference's words
    return value


def _ms(dtype):
    """A torch dtype by the reference's name of it ('Float32')."""
    return mstype.from_torch(dtype)


def _index_dtype_error(prim, arg, t):
    return TypeError(f"For primitive[{prim}], the input argument[{arg}] must be a type of {{Tensor[Int32], "
                     f"Tensor[Int64]}}, but got Tensor[{_ms(t.dtype)}].")


def _prim_shape(prim, what, a, b):
    """The reference's primitive shape check: 'the input_shape: [3,4,] must be equal to [4,]'."""
    if a.shape != b.shape:
        dims = ("".join(f"{d}," for d in t.shape) for t in (a, b))
        raise ValueError(f"For primitive[{prim}], the {what}: [{next(dims)}] must be equal to [{next(dims)}]")


def _enum_error(value, op):
    return ValueError(f'Failed to convert the value "{value}" of input \'reduction\' of \'{op}\' to enum.')


def _same_shape(a, b, na, nb, cls_name):
    if a.shape != b.shape:
        raise ValueError(f"For '{cls_name}', the shape of '{na}' must be equal to the shape of '{nb}', but got "
                         f"'{na}' shape {tuple(a.shape)} and '{nb}' shape {tuple(b.shape)}.")


def _broadcast_error(err, a, b, na, nb, cls_name):
    msg = str(err)
    if "size of tensor" in msg or "broadcast" in msg or "shape" in msg:
        return ValueError(f"For '{cls_name}', '{na}' shape {tuple(a.shape)} and '{nb}' shape {tuple(b.shape)} "
                          f"need to broadcast to each other, but they can not.")
    return TypeError(f"For '{cls_name}', {msg.strip().splitlines()[0]}")


def _diff(a, b, na, nb, cls_name):
    """``a - b`` with torch broadcasting; the reference's ValueError when the shapes do not broadcast."""
    try:
        return a - b
    except RuntimeError as e:
        raise _broadcast_error(e, a, b, na, nb, cls_name) from None


def _reduce(t, reduction):
    if reduction == "mean":
        return t.mean()
    if reduction == "sum":
        return t.sum()
    return t


def _weighted_reduce(t, reduce, average, weights=None):
    """LossBase.get_loss on torch tensors: float32 arithmetic, result in the input's dtype."""
    dt = t.dtype
    if dt is not _F32:
        t = t.to(_F32)
    if weights is not None:
        t = weights * t
    if reduce:
        t = t.mean() if average else t.sum()
    if dt is not _F32:
        t = t.to(dt)
    return t


def _float_weight(weights):
    if isinstance(weights, Tensor):
        w = weights._t
        return w if w.dtype is _F32 else w.to(_F32)
    if isinstance(weights, (int, float)) and not isinstance(weights, bool) and weights == 1.0:
        return None
    return torch.tensor(weights, dtype=_F32) if isinstance(weights, (list, tuple)) else float(weights)


def _index_error(err, cls_name):
    return RuntimeError(f"For '{cls_name}', {str(err).strip()} Every label must be a valid class index.")


# ---------------------------------------------------------------------------------------------
# base
# ---------------------------------------------------------------------------------------------
class LossBase(Cell):
    """Base class of the losses: ``reduction`` plus ``get_loss`` (weight, then reduce over all axes)."""

    def __init__(self, reduction="mean"):
        super().__init__()
        _check_reduction(reduction, self.cls_name)
        self.average = reduction != "sum"
        self.reduce = reduction != "none"
        self.reduce_mean = ops.ReduceMean()
        self.reduce_sum = ops.ReduceSum()
        self.mul = ops.Mul()
        self.cast = ops.Cast()

    def get_axis(self, x):
        """Every axis of ``x``: ``(0, 1, ..., x.ndim - 1)``."""
        return tuple(range(len(x.shape)))

    def get_loss(self, x, weights=1.0):
        """``x`` (the unreduced loss) times ``weights``, reduced as ``reduction`` says."""
        t = _tensor(x, "x", self.cls_name)
        return Tensor._make(_weighted_reduce(t, self.reduce, self.average, _float_weight(weights)))

    def construct(self, logits, labels):
        raise NotImplementedError


class _ElementwiseLoss(LossBase):
    """Shared by L1Loss, MSELoss, MAELoss: an elementwise function of ``logits - labels``."""

    _fn = None

    def __init__(self, reduction="mean"):
        super().__init__(reduction)
        self.reduction = reduction

    def construct(self, logits, labels):
        cls = self.cls_name
        d = _diff(_tensor(logits, "logits", cls), _tensor(labels, "labels", cls), "logits", "labels", cls)
        return Tensor._make(_weighted_reduce(type(self)._fn(d), self.reduce, self.average))


class L1Loss(_ElementwiseLoss):
    """Mean absolute error |logits - labels| (broadcasting), reduced by ``reduction``."""

    _fn = staticmethod(torch.abs)

    def construct(self, logits, labels):
        if not isinstance(logits, Tensor):  # the words of the reference's l1_loss function
            raise TypeError(f"For 'l1_loss', the 'input' must be a Tensor, but got '{ms_type_name(logits)}'")
        return super().construct(logits, labels)


class MSELoss(_ElementwiseLoss):
    """Mean squared error (logits - labels)^2 (broadcasting), reduced by ``reduction``."""

    _fn = staticmethod(torch.square)


class MAELoss(_ElementwiseLoss):
    """Mean absolute error |logits - label|, reduced by ``reduction``."""

    _fn = staticmethod(torch.abs)


class RMSELoss(LossBase):
    """sqrt(mean((logits - label)^2))."""

    def __init__(self):
        super().__init__()
        self.MSELoss = MSELoss()

    def construct(self, logits, label):
        cls = self.cls_name
        a, b = _tensor(logits, "logits", cls), _tensor(label, "labels", cls)
        for t in (a, b):
            if t.dtype in _UNSIGNED:
                raise TypeError(f"For '{cls}', the parameters data type must not be in [mindspore.uint8, "
                                f"mindspore.uint16, mindspore.uint32, mindspore.uint64], but got {_name(t.dtype)}.")
        mse = _weighted_reduce(torch.square(_diff(a, b, "logits", "labels", cls)), True, True)
        return Tensor._make(torch.sqrt(mse))


class SmoothL1Loss(LossBase):
    """Smooth L1: 0.5 d^2 / beta where |d| < beta, |d| - 0.5 beta elsewhere. Default reduction 'none'."""

    def __init__(self, beta=1.0, reduction="none"):
        super().__init__(reduction)
        if isinstance(beta, str) or not isinstance(beta, (bool, int, float)):
            raise TypeError(f"For '{self.cls_name}', the type of 'beta' should be one of '[int, bool, float]', "
                            f"but got {type(beta)}.")
        self.beta = beta
        self.reduction = reduction

    def construct(self, logits, labels):
        cls = self.cls_name
        beta = self.beta
        if beta <= 0:
            # the reference accepts these at construction and fails in the kernel, in its words
            raise RuntimeError(f"For '{cls}', the values for beta should greater than 0, but got {beta:g}." if beta == 0
                               else f"For '{cls}', the values for beta not support negative values, but got {beta:g}.")
        a, b = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        _prim_shape("SmoothL1Loss", "prediction_shape", a, b)
        if not (a.is_floating_point() and b.is_floating_point()):
            raise TypeError(f"For '{cls}', 'logits' and 'labels' must be float tensors, but got "
                            f"{_name(a.dtype)} and {_name(b.dtype)}.")
        return Tensor._make(F.smooth_l1_loss(a, b, reduction=self.reduction, beta=float(beta)))


class HuberLoss(LossBase):
    """Huber: 0.5 d^2 where |d| < delta, delta (|d| - 0.5 delta) elsewhere; reduced by ``reduction``."""

    def __init__(self, reduction="mean", delta=1.0):
        super().__init__(reduction=reduction)
        self.reduction = reduction
        self.delta = delta

    def construct(self, logits, labels):
        delta = self.delta
        if isinstance(delta, bool) or not isinstance(delta, (int, float)):
            raise TypeError(f"For 'huber_loss', the type of 'delta' should be one of '['int', 'float']', but got "
                            f"type '{type(delta).__name__}'.")
        if delta <= 0:
            raise ValueError(f"For 'huber_loss', the argument 'delta' must > 0.0, but got {delta}.")
        cls = self.cls_name
        z = torch.abs(_diff(_tensor(logits, "logits", cls), _tensor(labels, "labels", cls), "logits", "labels", cls))
        loss = torch.where(z < delta, 0.5 * torch.square(z), delta * (z - 0.5 * delta))
        return Tensor._make(_weighted_reduce(loss, self.reduce, self.average))


# ---------------------------------------------------------------------------------------------
# classification
# ---------------------------------------------------------------------------------------------
class _SoftmaxCrossEntropy(torch.autograd.Function):
    """Per-row -sum(labels * log_softmax(logits)) with the reference primitive's gradient:
    softmax(logits) - labels (exact only for labels summing to 1), and none for the labels."""

    @staticmethod
    def forward(ctx, logits, labels):
        logp = torch.log_softmax(logits, -1)
        ctx.save_for_backward(logp, labels)
        return -(labels * logp).sum(-1)

    @staticmethod
    def backward(ctx, g):
        logp, labels = ctx.saved_tensors
        return g.unsqueeze(-1) * (torch.exp(logp) - labels), None


class SoftmaxCrossEntropyWithLogits(LossBase):
    """Softmax cross entropy of 2-D logits with one-hot/probability labels, or with class indices
    (int32/int64) when ``sparse=True``. Default reduction 'none' (one value per sample)."""

    def __init__(self, sparse=False, reduction="none"):
        super().__init__(reduction)
        if not isinstance(sparse, bool):
            raise TypeError(f"For '{self.cls_name}', the 'sparse' must be a bool, but got {type(sparse).__name__}.")
        self.sparse = sparse
        self.reduction = reduction

    def construct(self, logits, labels):
        cls = self.cls_name
        lt, yt = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        if self.sparse:
            if yt.dtype not in _INDEX_TYPES:  # the reference's primitive's words
                raise _index_dtype_error("SparseSoftmaxCrossEntropyWithLogits" if self.reduction == "mean" else
                                         "OneHot", "labels_type" if self.reduction == "mean" else "indices", yt)
            n_classes = lt.shape[-1] if lt.dim() else 0
            if self.reduction == "mean":
                if yt.shape != lt.shape[:-1]:
                    raise ValueError("Labels shape value must be equal to the Features except the last dimension of "
                                     "Features")
                if lt.dtype not in _HALF_FLOATS:
                    _dtype_in(lt, _HALF_FLOATS, "logits", cls)
                if lt.dim() != 2:
                    lt, yt = lt.reshape(-1, n_classes), yt.reshape(-1)
                try:
                    return Tensor._make(F.cross_entropy(lt, yt if yt.dtype is _I64 else yt.long()))
                except IndexError as e:
                    raise _index_error(e, cls) from None
            # one-hot in float32 (an out-of-range index gives a row of zeros, as the reference's OneHot)
            yt = (yt.unsqueeze(-1) == torch.arange(n_classes, device=yt.device)).to(_F32)
        if yt.shape != lt.shape:  # the reference's words, in its order
            raise ValueError(f"For '{cls}', evaluator arg 'label' shape must be consistent with 'logits' shape, but "
                             f"got 'label' shape: {tuple(yt.shape)}, 'logits' shape: {tuple(lt.shape)}.")
        if lt.dim() != 2:
            raise ValueError(f"For primitive[SoftmaxCrossEntropyWithLogits], the dimension of logits must be equal "
                             f"to 2, but got {lt.dim()}.")
        if yt.dtype is not lt.dtype:
            raise TypeError("For primitive[SoftmaxCrossEntropyWithLogits], the input type must be same.")
        if lt.dtype not in _HALF_FLOATS:
            raise TypeError(f"For primitive[SoftmaxCrossEntropyWithLogits], the input argument[label_type] must be a "
                            f"type of {{Tensor[Float16], Tensor[Float32]}}, but got Tensor[{_ms(lt.dtype)}].")
        loss = _SoftmaxCrossEntropy.apply(lt, yt)
        return Tensor._make(_weighted_reduce(loss, self.reduce, self.average))


def _check_class_weight(weight, cls_name):
    if weight is not None:
        if not isinstance(weight, Tensor):
            raise TypeError(f"For '{cls_name}', the type of 'weight' should be 'Tensor', but got type "
                            f"'{type(weight).__name__}'.")
        _dtype_in(weight._t, _HALF_FLOATS, "weight", cls_name)
    return weight


class CrossEntropyLoss(LossBase):
    """Cross entropy of logits (C,), (N, C) or (N, C, d1, ...) with int32 class indices or float
    probabilities; ``weight`` per class, ``ignore_index``, ``label_smoothing`` in [0, 1]."""

    def __init__(self, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
        super().__init__(reduction)
        cls = self.cls_name
        _check_type(ignore_index, "ignore_index", (int,), cls)
        _check_type(label_smoothing, "label_smoothing", (float,), cls)
        if not 0.0 <= label_smoothing <= 1.0:
            raise ValueError(f"For '{cls}', the 'label_smoothing' must be in range of [0.0, 1.0], but got "
                             f"{label_smoothing} with type 'float'.")
        self.weight = _check_class_weight(weight, cls)
        self.ignore_index = ignore_index
        self.reduction = reduction
        self.label_smoothing = label_smoothing

    def construct(self, logits, labels):
        cls = self.cls_name
        lt, yt = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        if lt.dtype not in _HALF_FLOATS:
            _dtype_in(lt, _HALF_FLOATS, "logits", cls)
        lr, yr = lt.dim(), yt.dim()
        w = self.weight
        if w is not None:
            w = w._t if w._t.dtype is lt.dtype else w._t.to(lt.dtype)
        if yr == lr - 1:
            if yt.dtype is not _I32:
                raise TypeError(f"For '{cls}', the 'labels' should be Int32, but got '{_name(yt.dtype)}'.")
            if lr != 1 and (lt.shape[0],) + tuple(lt.shape[2:]) != tuple(yt.shape):
                raise ValueError(f"For '{cls}', the shape of 'logits' should be (N, C, d_0, d_1, ...), and the shape "
                                 f"of 'labels' should be (N, d_0, d_1, ...), but get 'logits' shape: "
                                 f"{tuple(lt.shape)} and 'labels' shape: {tuple(yt.shape)}.")
            try:
                out = F.cross_entropy(lt, yt.long(), w, ignore_index=self.ignore_index, reduction=self.reduction,
                                      label_smoothing=self.label_smoothing)
            except IndexError as e:
                raise _index_error(e, cls) from None
            return Tensor._make(out)
        if yr != lr:
            raise ValueError(f"For '{cls}', the rank of 'logits' and 'labels' should be:\n'logits.ndim == labels.ndim' "
                             f"for probabilities, or 'logits.ndim - 1 == labels.ndim' for class indices, but get "
                             f"'logits' rank: {lr} and 'labels' rank: {yr}.")
        if yt.dtype not in _HALF_FLOATS:
            _dtype_in(yt, _HALF_FLOATS, "labels", cls)
        if lt.shape != yt.shape:
            raise ValueError(f"For '{cls}', the shape of 'logits' should be (N, C, d_0, d_1, ...), and the shape of "
                             f"'labels' should be (N, C, d_0, d_1, ...), but get 'logits' shape: {tuple(lt.shape)} "
                             f"and 'labels' shape: {tuple(yt.shape)}.")
        class_dim = 0 if lr == 1 else 1
        n_classes = lt.shape[class_dim]
        logp = torch.log_softmax(lt, class_dim)
        if self.label_smoothing > 0.0:
            yt = yt * (1 - self.label_smoothing) + self.label_smoothing / n_classes
        prod = logp * yt
        if w is not None:
            prod = prod * (w if lr == 1 else w.reshape((1, -1) + (1,) * (lr - 2)))
        if self.reduction == "mean":
            out = -prod.sum() / (lt.numel() / n_classes)
        elif self.reduction == "sum":
            out = -prod.sum()
        else:
            out = -prod.sum(class_dim)
        return Tensor._make(out)


class NLLLoss(LossBase):
    """Negative log likelihood of log-probabilities (N, C, ...) at int32/int64 class indices."""

    def __init__(self, weight=None, ignore_index=-100, reduction="mean"):
        super().__init__(reduction)
        _check_type(ignore_index, "ignore_index", (int,), self.cls_name)
        self.weight = _check_class_weight(weight, self.cls_name)
        self.ignore_index = ignore_index
        self.reduction = reduction

    def construct(self, logits, labels):
        cls = self.cls_name
        lt, yt = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        if yt.dtype not in _INDEX_TYPES:
            raise _index_dtype_error("GatherD", "index", yt)
        if not lt.is_floating_point():
            lt = lt.to(_F32)
        w = self.weight
        if w is not None:
            w = w._t if w._t.dtype is lt.dtype else w._t.to(lt.dtype)
        try:
            out = F.nll_loss(lt, yt.long(), w, ignore_index=self.ignore_index, reduction=self.reduction)
        except IndexError as e:
            raise _index_error(e, cls) from None
        except (ValueError, RuntimeError) as e:
            raise ValueError(f"For '{cls}', {str(e).strip().splitlines()[0]} (logits shape {tuple(lt.shape)}, "
                             f"labels shape {tuple(yt.shape)})") from None
        return Tensor._make(out)


def _no_parameter(value, arg, cls_name):
    if isinstance(value, Parameter):
        raise TypeError(f"For '{cls_name}', the '{arg}' can not be a Parameter.")
    return value


def _optional_tensor(value, arg, cls_name):
    if value is None:
        return None
    return _tensor(value, arg, cls_name)


def _broadcasts_to(w, shape, arg, cls_name):
    try:
        ok = torch.broadcast_shapes(w.shape, shape) == shape
    except RuntimeError:
        ok = False
    if not ok:
        raise ValueError(f"For '{cls_name}', the shape of '{arg}' can not broadcast to the shape of 'input'.")


def _bce_logits_dtype(t, arg):
    if t.dtype not in _KERNEL_FLOATS:  # the words of the reference's BCEWithLogitsLoss primitive
        raise TypeError(f"For primitive[BCEWithLogitsLoss], the input argument[{arg}] must be a type of {{BFloat16, "
                        f"Float16, Float32}}, but got {_ms(t.dtype)}.")


class BCEWithLogitsLoss(LossBase):
    """Binary cross entropy of sigmoid(input) against target, with optional ``weight`` and ``pos_weight``."""

    def __init__(self, reduction="mean", weight=None, pos_weight=None):
        super().__init__()
        self.reduction = reduction
        self.weight = _no_parameter(weight, "weight", self.cls_name)
        self.pos_weight = _no_parameter(pos_weight, "pos_weight", self.cls_name)

    def construct(self, input, target):
        cls = self.cls_name
        if self.reduction not in _REDUCTIONS:
            raise _enum_error(self.reduction, cls)
        it, tt = _tensor(input, "input", cls), _tensor(target, "target", cls)
        for arg, t in (("input", it), ("target", tt)):
            _bce_logits_dtype(t, arg)
        if it.shape != tt.shape:
            raise ValueError(f"For '{cls}', two inputs 'input' and 'target' shape are not equal, 'input' shape: "
                             f"[const vector]{{{', '.join(map(str, it.shape))}}}, 'target' shape: "
                             f"[const vector]{{{', '.join(map(str, tt.shape))}}}")
        ct = torch.promote_types(it.dtype, tt.dtype)
        ws = []
        for arg in ("weight", "pos_weight"):
            w = _optional_tensor(getattr(self, arg), arg, cls)
            if w is not None:
                _bce_logits_dtype(w, arg)
                _broadcasts_to(w, it.shape, arg, cls)
                w = w if w.dtype is ct else w.to(ct)
            ws.append(w)
        x = it if it.dtype is ct else it.to(ct)
        y = tt if tt.dtype is ct else tt.to(ct)
        out = F.binary_cross_entropy_with_logits(x, y, ws[0], reduction=self.reduction, pos_weight=ws[1])
        return Tensor._make(out if out.dtype is tt.dtype else out.to(tt.dtype))


class BCELoss(LossBase):
    """Binary cross entropy of probabilities in [0, 1] (logs clamped at log(1e-12)), optional ``weight``."""

    def __init__(self, weight=None, reduction="mean"):
        super().__init__(reduction)
        self.reduction = reduction
        self.weight = weight

    def construct(self, logits, labels):
        cls = self.cls_name
        x, y = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        if y.dtype is not x.dtype:  # the words of the reference's primitive (its spelling)
            raise TypeError(f"For primitive[BinaryCrossEntorpy], the input and target should have same type, but got: "
                            f"{_ms(x.dtype)} and {_ms(y.dtype)}.")
        if x.dtype not in _KERNEL_FLOATS:
            raise TypeError(f"For Primitive[BinaryCrossEntorpy], the type of the input must be [Float16, Float32, "
                            f"BFloat16], but got {_ms(x.dtype)}!")
        _prim_shape("BinaryCrossEntropy", "input_shape", x, y)
        w = _optional_tensor(self.weight, "weight", cls)
        if w is not None:
            _broadcasts_to(w, x.shape, "weight", cls)
        try:
            return Tensor._make(IMPLS["binary_cross_entropy"](x, y, w, self.reduction))
        except RuntimeError as e:
            raise RuntimeError(str(e).replace("'binary_cross_entropy'", f"'{cls}'")) from None


class KLDivLoss(LossBase):
    """Kullback-Leibler divergence labels * (log(labels) - logits), zero where labels <= 0.
    ``reduction``: 'mean' (over elements), 'batchmean', 'sum' or 'none'."""

    _VALID = ("none", "mean", "batchmean", "sum")

    def __init__(self, reduction="mean"):
        super().__init__()
        self.reduction = reduction

    def construct(self, logits, labels):
        cls = self.cls_name
        if not isinstance(self.reduction, str) or self.reduction not in self._VALID:
            raise ValueError(f"For '{cls}', the 'reduction' must be str and must be in '{list(self._VALID)}', but "
                             f"got '{self.reduction}'.")
        x, y = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        if y.dtype is not x.dtype:
            raise TypeError("For primitive[KLDivLoss], the input type must be same.")
        if not x.is_floating_point():
            raise TypeError(f"For '{cls}', 'logits' and 'labels' must be float tensors of the same dtype, but got "
                            f"{_name(x.dtype)} and {_name(y.dtype)}.")
        _prim_shape("KLDivLoss", "x shape", x, y)
        return Tensor._make(IMPLS["kl_div"](x, y, self.reduction))


class SoftMarginLoss(LossBase):
    """Two-class soft margin: log(1 + exp(-labels * logits)), reduced by ``reduction``."""

    def __init__(self, reduction="mean"):
        super().__init__()
        self.reduction = reduction

    def construct(self, logits, labels):
        cls = self.cls_name
        if self.reduction not in _REDUCTIONS:
            raise _enum_error(self.reduction, "soft_margin_loss")
        x, y = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        _dtype_in(x, _HALF_FLOATS, "logits", cls)
        _prim_shape("SoftMarginLoss", "input_shape", x, y)
        return Tensor._make(_reduce(F.softplus(-y.to(x.dtype) * x), self.reduction))


class CosineEmbeddingLoss(LossBase):
    """1 - cos(x1, x2) where labels == 1, max(0, cos(x1, x2) - margin) where labels == -1."""

    def __init__(self, margin=0.0, reduction="mean"):
        super().__init__(reduction)
        cls = self.cls_name
        _check_type(margin, "margin", (float,), cls)
        if not -1.0 <= margin <= 1.0:
            raise ValueError(f"For '{cls}', the 'margin' must be in range of [-1.0, 1.0], but got {margin} with type "
                             f"'float'.")
        self.margin = margin

    def construct(self, logits_x1, logits_x2, labels):
        cls = self.cls_name
        a, b = _tensor(logits_x1, "logits_x1", cls), _tensor(logits_x2, "logits_x2", cls)
        y = _tensor(labels, "labels", cls)
        if a.dtype is not b.dtype:  # the words of the reference's SameTypeShape check
            raise TypeError(f"For 'SameTypeShape', the x dtype should be = y dtype: {_ms(b.dtype)}, but got "
                            f"{_ms(a.dtype)}.")
        if a.shape != b.shape:
            raise ValueError(f"For 'SameTypeShape', the x shape should be = y shape: {tuple(b.shape)}, but got "
                             f"{tuple(a.shape)}.")
        if a.dim() < 2:
            raise ValueError(f"For '{cls}', 'logits_x1' must have at least 2 dimensions (the cosine is taken along "
                             f"axis 1), but got {a.dim()}.")
        cosine = (a * b).sum(1) / (torch.sqrt(torch.square(a).sum(1)) * torch.sqrt(torch.square(b).sum(1)))
        zeros = torch.zeros_like(cosine)
        pos = torch.where(y == 1, 1.0 - cosine, zeros)
        neg = torch.where(y == -1, torch.clamp(cosine - self.margin, min=0.0), zeros)
        return Tensor._make(_weighted_reduce(pos + neg, self.reduce, self.average))


def _positive_float(value, arg, cls_name=None):
    where = f"For '{cls_name}', the" if cls_name else "The"
    if isinstance(value, bool) or not isinstance(value, float):
        raise TypeError(f"{where} '{arg}' must be float, but got '{type(value).__name__}'")
    if not value > 0:
        raise ValueError(f"{where} '{arg}' must be float and must > 0, but got '{value}' with type 'float'.")
    return value


def _dice(x, y, smooth):
    x, y = x.reshape(-1), y.reshape(-1)
    inter = (x * y).sum()
    union = (x * x).sum() + (y * y).sum()
    return 1 - 2 * inter / (union + smooth)


class DiceLoss(LossBase):
    """1 - 2 sum(x y) / (sum(x^2) + sum(y^2) + smooth) over all elements."""

    def __init__(self, smooth=1e-5):
        super().__init__()
        self.smooth = _positive_float(smooth, "smooth")

    def construct(self, logits, label):
        cls = self.cls_name
        x, y = _tensor(logits, "logits", cls), _tensor(label, "labels", cls)
        if x.shape != y.shape:
            raise ValueError(f"For '{cls}', the 'logits_shape' should be = label_shape: {tuple(y.shape)}, but got "
                             f"{tuple(x.shape)}.")
        u8 = _T(mstype.uint8)
        if x.dtype is u8 or y.dtype is u8:
            arg = "logits" if x.dtype is u8 else "labels"
            raise TypeError(f"For '{cls}', the dtype of '{arg}' can not be uint8.")
        return Tensor._make(_dice(x, y, self.smooth))


class MultiClassDiceLoss(LossBase):
    """Mean over classes (axis 1) of the binary Dice loss, after ``activation`` (default softmax on
    the last axis); optional per-class ``weights`` (2-D) and one ignored class ``ignore_indiex``."""

    _ACTIVATIONS = ["softmax", "logsoftmax", "relu", "relu6", "tanh", "sigmoid"]

    def __init__(self, weights=None, ignore_indiex=None, activation="softmax"):
        super().__init__()
        cls = self.cls_name
        self.binarydiceloss = DiceLoss(smooth=1e-5)
        if weights is not None:
            validator.check_value_type("weights", weights, [Tensor])  # the reference names no cell here
            if weights.ndim != 2:
                raise ValueError(f"For '{cls}', the dimension of 'weights' must be 2, but got {weights.ndim}.")
        self.weights = weights
        if ignore_indiex is not None:
            validator.check_value_type("ignore_indiex", ignore_indiex, [int])
        self.ignore_indiex = ignore_indiex
        if isinstance(activation, str):
            if activation not in self._ACTIVATIONS:
                raise ValueError(f"For '{cls}', the 'activation' must be in {self._ACTIVATIONS}, but got "
                                 f"{activation}.")
            activation = get_activation(activation)
        if activation is not None and not isinstance(activation, Cell):
            raise TypeError(f"For '{cls}', the 'activation' must be str or Cell, but got {type(activation)}.")
        self.activation = activation

    def construct(self, logits, label):
        cls = self.cls_name
        _tensor(logits, "logits", cls)
        y = _tensor(label, "labels", cls)
        if tuple(logits.shape) != tuple(y.shape):
            raise ValueError(f"For '{cls}', the 'logits_shape' should be = label_shape: {tuple(y.shape)}, but got "
                             f"{tuple(logits.shape)}.")
        if y.dim() < 2:
            raise ValueError(f"For '{cls}', the 'logits' dimension must be greater than 1, but got {y.dim()}.")
        n_classes = y.shape[1]
        w = None
        if self.weights is not None:
            w = self.weights._t
            if w.shape[0] != n_classes:
                raise ValueError(f"For '{cls}', the weight_shape[0] must be equal to label_shape[1], but got "
                                 f"weight_shape[0]: {w.shape[0]} and label_shape[1]: {n_classes}.")
        if self.activation is not None:
            logits = self.activation(logits)
        x = logits._t
        smooth = self.binarydiceloss.smooth
        total = 0
        for i in range(n_classes):
            if i != self.ignore_indiex:
                d = _dice(x[:, i], y[:, i], smooth)
                total = total + (d * w[i] if w is not None else d)
        if not isinstance(total, torch.Tensor):
            total = torch.zeros((), dtype=x.dtype if x.is_floating_point() else _F32, device=x.device)
        return Tensor._make(total / n_classes)


class FocalLoss(LossBase):
    """Focal loss -(1 - p)^gamma log(p) over the softmax of axis 1; labels are class indices
    (shape[1] == 1) or one-hot/probabilities (shape[1] == C); optional per-class ``weight``."""

    def __init__(self, weight=None, gamma=2.0, reduction="mean"):
        super().__init__(reduction=reduction)
        cls = self.cls_name
        validator.check_value_type("gamma", gamma, [float])  # the reference names no cell here
        self.gamma = gamma
        if weight is not None and not isinstance(weight, Tensor):
            raise TypeError(f"For '{cls}', the type of 'weight' must be a Tensor, but got {type(weight).__name__}.")
        if isinstance(weight, Tensor) and weight.ndim != 1:
            raise ValueError(f"For '{cls}', the dimension of 'weight' must be 1, but got {weight.ndim}.")
        self.weight = weight

    _LABEL_TYPES = (_I32, _I64, _F16, _F32)

    def construct(self, logits, labels):
        cls = self.cls_name
        x, y = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        for arg, t in (("logits", x), ("labels", y)):
            if not 2 <= t.dim() <= 4:
                raise ValueError(f"For '{cls}', the dimensions of '{arg}' must be in [2, 4], but got dimension of "
                                 f"'{arg}' {t.dim()}.")
        if x.dim() != y.dim():
            raise ValueError(f"For '{cls}', the dimensions of 'logits' and 'labels' must be equal, but got dimension "
                             f"of 'logits' {x.dim()} and dimension of 'labels' {y.dim()}.")
        n_classes = x.shape[1]
        if n_classes == 1:
            raise ValueError(f"For '{cls}', the 'logits'.shape[1] cannot be one, but got {n_classes}.")
        if y.shape[1] not in (1, n_classes):
            raise ValueError(f"For '{cls}', the 'labels'.shape[1] must be one or equal to 'logits'.shape[1]: "
                             f"{n_classes}, but got {y.shape[1]}.")
        _dtype_in(y, self._LABEL_TYPES, "labels", cls)
        index_labels = y.shape[1] == 1
        x = x.reshape(x.shape[0], n_classes, -1)
        y = y.reshape(y.shape[0], y.shape[1], -1)
        logp = torch.log_softmax(x, 1)
        if index_labels:
            idx = y.long()
            logp = logp.gather(1, idx).squeeze(1)
        prob = torch.exp(logp)
        if self.weight is not None:
            w = self.weight._t.reshape(1, -1, 1).expand(y.shape[0], -1, y.shape[2])
            if index_labels:
                w = w.gather(1, idx).squeeze(1)
            logp = logp * w
        focal = torch.pow(1.0 - prob, self.gamma)
        if index_labels:
            loss = (-focal * logp).mean(1)
        else:
            loss = (-focal * y * logp).mean(-1)
        return Tensor._make(_weighted_reduce(loss, self.reduce, self.average))


class MultiMarginLoss(LossBase):
    """Multi-class hinge loss of 2-D ``x`` at int64 ``target``; ``p`` in {1, 2}, float ``margin``,
    optional per-class ``weight`` (given at construction or per call)."""

    def __init__(self, p=1, margin=1.0, reduction="mean", weight=None):
        super().__init__()
        cls = self.cls_name
        if isinstance(p, bool) or p not in (1, 2):
            raise ValueError(f"For '{cls}', the 'p' must be int and must in {{1, 2}}, but got '{p}' with type "
                             f"'{type(p).__name__}'.")
        _check_type(margin, "margin", (float,), cls)
        validator.check_string(reduction, ["none", "sum", "mean"], "reduction", cls)
        self.p, self.margin, self.reduction = p, margin, reduction
        self.weight = weight

    def construct(self, x, target, weight=None):
        cls = self.cls_name
        xt, tt = _tensor(x, "x", cls), _tensor(target, "target", cls)
        if self.weight is not None:
            weight = self.weight
        w = _optional_tensor(weight, "weight", cls)
        # the words of the reference's MultiMarginLoss primitive
        if xt.dim() != 2 or tt.dim() != 1:
            raise ValueError(f"For MultiMarginLoss, the rank of input x and target should be 2 and 1, while rank of x "
                             f"is {xt.dim()}, rank of target is  {tt.dim()}")
        if tt.dtype is not _I64:
            raise TypeError(f"For primitive[MultiMarginLoss], the input argument[target] must be a type of "
                            f"{{Tensor[Int64]}}, but got Tensor[{mstype.from_torch(tt.dtype)}].")
        if xt.shape[0] != tt.shape[0]:
            raise ValueError(f"For MultiMarginLoss x_shape[0] and target_shape[0] should be the same, while "
                             f"x_shape[0] is {xt.shape[0]}, target_shape[0] is {tt.shape[0]}")
        if w is not None and w.dtype is not xt.dtype:
            w = w.to(xt.dtype)
        try:
            out = F.multi_margin_loss(xt, tt, self.p, self.margin, w, reduction=self.reduction)
        except (IndexError, RuntimeError) as e:
            raise _index_error(e, cls) from None
        return Tensor._make(out)


class MultiLabelSoftMarginLoss(LossBase):
    """Multi-label one-versus-all loss: mean over the last axis of
    -(y log sigmoid(x) + (1 - y) log sigmoid(-x)), optionally weighted, then reduced."""

    def __init__(self, weight=None, reduction="mean"):
        super().__init__(reduction)
        self.weight = weight
        self.reduction = reduction

    def construct(self, x, target):
        cls = self.cls_name
        xt, yt = _tensor(x, "input", cls), _tensor(target, "target", cls)
        try:
            loss = yt * F.softplus(-xt) + (1 - yt) * F.softplus(xt)
            w = _optional_tensor(self.weight, "weight", cls)
            if w is not None:
                loss = loss * w
        except RuntimeError as e:
            raise _broadcast_error(e, xt, yt, "input", "target", cls) from None
        n = xt.shape[-1] if xt.dim() else 1
        loss = loss.sum(-1) / n if loss.dim() else loss
        return Tensor._make(_weighted_reduce(loss, self.reduce, self.average))


class PoissonNLLLoss(LossBase):
    """Poisson negative log likelihood: exp(x) - t x (``log_input``) or x - t log(x + eps), plus the
    Stirling term where t > 1 when ``full``."""

    def __init__(self, log_input=True, full=False, eps=1e-08, reduction="mean"):
        super().__init__(reduction=reduction)
        self.log_input = log_input
        self.full = full
        self.eps = eps

    def construct(self, input, target):
        cls = self.cls_name
        x, t = _tensor(input, "input", cls), _tensor(target, "target", cls)
        if not x.is_floating_point() and x.dtype not in (_I64, _T(mstype.bool_)):
            raise TypeError(f"For '{cls}', the 'input' must be a float tensor, but got {_name(x.dtype)}.")
        t = t.to(x.dtype)
        try:
            if self.log_input:
                loss = torch.exp(x) - t * x
            else:
                loss = x - t * torch.log(x + self.eps)
            if self.full:
                t = torch.clamp(t, min=self.eps)
                stirling = (t + 0.5) * torch.log(t) - t + _HALF_LN_2PI
                loss = loss + torch.where(t > 1, stirling, torch.zeros_like(stirling))
        except RuntimeError as e:
            raise _broadcast_error(e, x, t, "input", "target", cls) from None
        return Tensor._make(_weighted_reduce(loss, self.reduce, self.average))


class GaussianNLLLoss(LossBase):
    """Gaussian negative log likelihood 0.5 (log(max(var, eps)) + (logits - labels)^2 / max(var, eps))
    (+ 0.5 log(2 pi) when ``full``). Keyword-only arguments."""

    def __init__(self, *, full=False, eps=1e-6, reduction="mean"):
        super().__init__()
        cls = self.cls_name
        if isinstance(eps, bool) or not isinstance(eps, float):
            raise TypeError(f"For '{cls}', the 'eps' must be 'float',  but got '{type(eps).__name__}'.")
        if not 0 < eps < float("inf"):
            raise ValueError(f"For '{cls}', the 'eps' must be in range of (0, inf), but got {eps} with type 'float'.")
        _check_type(full, "full", (bool,), cls)
        if not isinstance(reduction, str) or reduction not in ("none", "mean", "sum"):
            raise ValueError(f"For 'gaussian_nll_loss', the 'reduction' must be str and must be in "
                             f"'['none', 'mean', 'sum']', but got '{reduction}'.")
        self.full, self.eps, self.reduction = full, eps, reduction

    def construct(self, logits, labels, var):
        cls = self.cls_name
        x, t = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        v = _tensor(var, "var", cls)
        if x.shape != v.shape and x.shape[:-1] == v.shape:
            v = v.unsqueeze(-1)
        if not v.is_floating_point():
            v = v.to(_F32)
        v = torch.clamp(v, min=self.eps)
        try:
            loss = 0.5 * (torch.log(v) + torch.square(x - t) / v)
        except RuntimeError as e:
            raise _broadcast_error(e, x, v, "logits", "var", cls) from None
        if self.full:
            loss = loss + _HALF_LN_2PI
        return Tensor._make(_reduce(loss, self.reduction))


def _pairwise_distance(x, y):
    d = torch.abs(x._t - y._t)
    if d.dim() == 0:
        raise ValueError("For 'pairwise_distance' in 'TripletMarginWithDistanceLoss', 'ndim' of the input must be "
                         "positive, but got 0")
    return Tensor._make(torch.linalg.vector_norm(d, 2, dim=1))


class TripletMarginWithDistanceLoss(LossBase):
    """max(d(x, positive) - d(x, negative) + margin, 0) with ``distance_function`` (default: the L2
    norm of the difference along axis 1); ``swap`` uses min(d(x, negative), d(positive, negative))."""

    def __init__(self, distance_function=None, swap=False, reduction="mean", margin=1.0):
        super().__init__(reduction=reduction)
        cls = self.cls_name
        if isinstance(margin, bool) or not isinstance(margin, float):
            raise TypeError(f"For '{cls}', the type of 'margin' must be 'float', but got "
                            f"'{type(margin).__name__}'.")
        validator.check_bool(swap, "swap", cls)
        self.distance_function = _pairwise_distance if distance_function is None else distance_function
        self.swap = swap
        self.reduction = reduction
        self.margin = margin

    def construct(self, x, positive, negative):
        cls = self.cls_name
        for arg, v in (("x", x), ("positive", positive), ("negative", negative)):
            _tensor(v, arg, cls)
        dist = self.distance_function
        d1 = dist(x, positive)._t
        d2 = dist(x, negative)._t
        if self.swap:
            d2 = torch.minimum(d2, dist(positive, negative)._t)
        loss = torch.clamp(d1 - d2 + self.margin, min=0)
        return Tensor._make(_weighted_reduce(loss, self.reduce, self.average))


class MarginRankingLoss(LossBase):
    """max(0, -target * (input1 - input2) + margin); float ``margin``; all inputs of one dtype."""

    def __init__(self, margin=0.0, reduction="mean"):
        super().__init__(reduction)
        self.reduction = reduction
        self.margin = margin

    def construct(self, input1, input2, target):
        cls = "margin_ranking_loss"
        if isinstance(self.margin, bool) or not isinstance(self.margin, float):
            raise TypeError(f"For '{cls}', the type of 'margin' should be 'float', but got type "
                            f"'{type(self.margin).__name__}'.")
        a, b = _tensor(input1, "input1", cls), _tensor(input2, "input2", cls)
        t = _tensor(target, "target", cls)
        if a.dtype is not b.dtype:
            raise TypeError(f"For {cls}, the input1 dtype should be equal to input2 dtype, but got input1 dtype:"
                            f"{mstype.from_torch(a.dtype)}, input2 dtype:{mstype.from_torch(b.dtype)}.")
        if t.dtype is not a.dtype:
            raise TypeError(f"For {cls}, the target dtype should be equal to input1 dtype, but got target dtype:"
                            f"{mstype.from_torch(t.dtype)}, input1 dtype:{mstype.from_torch(a.dtype)}.")
        try:
            loss = torch.clamp(-t * (a - b) + self.margin, min=0)
        except RuntimeError as e:
            raise _broadcast_error(e, a, t, "input1", "target", self.cls_name) from None
        return Tensor._make(_weighted_reduce(loss, self.reduce, self.average))


class HingeEmbeddingLoss(LossBase):
    """x where labels > 0, max(0, margin - x) where labels < 0 (zero elsewhere); float inputs."""

    def __init__(self, margin=1.0, reduction="mean"):
        super().__init__()
        cls = self.cls_name
        _check_type(margin, "margin", (float, int), cls)
        if not isinstance(reduction, str) or reduction not in ("none", "sum", "mean"):
            raise ValueError(f"For '{cls}', the 'reduction' must be str and must be in '['none', 'sum', 'mean']', "
                             f"but got '{reduction}'.")
        self.margin = margin
        self.reduction = reduction

    def construct(self, logits, labels):
        cls = self.cls_name
        x, y = _tensor(logits, "logits", cls), _tensor(labels, "labels", cls)
        if not x.is_floating_point():
            raise TypeError(f"For '{cls}', the dtype of the first input must be float, but got "
                            f"{mstype.from_torch(x.dtype)}.")
        if not y.is_floating_point():
            raise TypeError(f"For '{cls}', the dtype of the second input must be float, but got "
                            f"{mstype.from_torch(y.dtype)}.")
        try:
            pos = (y > 0).to(x.dtype)
            neg = (y < 0).to(x.dtype)
            loss = pos * x + torch.clamp(self.margin * neg - neg * x, min=0)
        except RuntimeError as e:
            raise _broadcast_error(e, x, y, "logits", "labels", cls) from None
        return Tensor._make(_reduce(loss, self.reduction))


def _lengths(v, arg, cls_name):
    if isinstance(v, Tensor):
        return v._t
    if isinstance(v, (list, tuple)):
        return torch.tensor(v, dtype=torch.long)
    raise TypeError(f"For '{cls_name}', the '{arg}' must be a Tensor, but got {type(v).__name__}.")


class CTCLoss(LossBase):
    """Connectionist Temporal Classification loss of log-probabilities (T, N, C) or (T, C); 'mean'
    divides each loss by its target length before averaging."""

    def __init__(self, blank=0, reduction="mean", zero_infinity=False):
        super().__init__()
        self.blank = blank
        self.reduction = reduction
        self.zero_infinity = zero_infinity

    def construct(self, log_probs, targets, input_lengths, target_lengths):
        cls = self.cls_name
        lp, tg = _tensor(log_probs, "log_probs", cls), _tensor(targets, "targets", cls)
        if isinstance(self.blank, bool) or not isinstance(self.blank, int):
            raise TypeError(f"For 'ctc_loss', the type of 'blank' should be 'int', but got type "
                            f"'{type(self.blank).__name__}'.")
        if not isinstance(self.reduction, str) or self.reduction not in ("none", "sum", "mean"):
            raise ValueError(f"For 'ctc_loss', the 'reduction' must be str and must be in '['none', 'sum', 'mean']', "
                             f"but got '{self.reduction}'.")
        if not isinstance(self.zero_infinity, bool):
            raise TypeError(f"For 'ctc_loss', the type of 'zero_infinity' should be 'bool', but got type "
                            f"'{type(self.zero_infinity).__name__}'.")
        if tg.dtype not in _INDEX_TYPES:
            raise _index_dtype_error("CTCLossV2", "targets", tg)
        il, tl = _lengths(input_lengths, "input_lengths", cls), _lengths(target_lengths, "target_lengths", cls)
        unbatched = lp.dim() == 2
        if unbatched:
            if tg.dim() > 2:
                raise ValueError(f"For {cls}, when the shape of log_probs is (T, C), the dimension of targets should "
                                 f"be 1 or 2, but got {tg.dim()}.")
            if tg.dim() == 2 and tg.shape[0] != 1:
                raise ValueError(f"For {cls}, the first dimension of 2-D targets should be 1,but got "
                                 f"{tg.shape[0]}.")
            if tg.dim() == 1:
                tg = tg.unsqueeze(0)
            lp = lp.unsqueeze(-2)
        il, tl = il.reshape(-1), tl.reshape(-1)
        if bool((il < tl).any()):
            raise RuntimeError(f"For '{cls}', every input length must be at least its target length, but got "
                               f"input_lengths {il.tolist()} and target_lengths {tl.tolist()}.")
        loss = F.ctc_loss(lp, tg.long(), il, tl, blank=self.blank, reduction="none",
                          zero_infinity=self.zero_infinity)
        if self.reduction == "sum":
            loss = loss.sum()
        elif self.reduction == "mean":
            dt = loss.dtype
            loss = (loss.to(_F32) / torch.clamp(tl, min=1).to(_F32)).mean().to(dt)
        if unbatched:
            loss = loss.squeeze(0)
        return Tensor._make(loss)


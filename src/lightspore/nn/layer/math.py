"""Math cells: ReduceLogSumExp, Range, LGamma, DiGamma, IGamma, LBeta, MatMul, Moments, MatInverse, MatDet,
Norm, ClipByNorm, L1Regularizer.

The special functions use torch's kernels (lgamma, digamma, the regularized incomplete gamma), which agree
with the reference's Lanczos/series formulas to float32 precision on their domains.
"""
import math

import numpy as np
import torch

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..cell import Cell, _ArglessCell
from ._validate import check_dtype, tensor_input

__all__ = ["ReduceLogSumExp", "Range", "LGamma", "DiGamma", "IGamma", "LBeta", "MatMul", "Moments", "MatInverse",
           "MatDet", "Norm", "ClipByNorm", "L1Regularizer"]

_F16_F32 = (torch.float16, torch.float32)


def _check_type(value, arg, types, cls_name):
    return validator.check_value_type(arg, value, list(types), cls_name)


def _dims(axis, ndim):
    """The reference's axis argument of a reduction (``()`` = every axis) as a tuple of dims."""
    if isinstance(axis, (tuple, list)):
        return tuple(range(ndim)) if len(axis) == 0 else tuple(axis)
    return (axis,)


def _squeeze(t, axis):
    """Squeeze the reduced axes (all size-1 axes when ``axis`` is ``()``, as the reference's Squeeze(())."""
    if isinstance(axis, (tuple, list)) and len(axis) == 0:
        return t.squeeze()
    dims = _dims(axis, t.dim())
    return t.squeeze(dims) if dims else t


class ReduceLogSumExp(Cell):
    """``log(sum(exp(x), axis))``."""

    def __init__(self, axis, keep_dims=False):
        super().__init__()
        _check_type(axis, "axis", (int, list, tuple), "ReduceLogSumExp")
        _check_type(keep_dims, "keep_dims", (bool,), "ReduceLogSumExp")
        self.axis = axis
        self.keep_dims = keep_dims

    def construct(self, x):
        t = tensor_input(x, "x", "ReduceLogSumExp")
        return Tensor._make(torch.logsumexp(t, _dims(self.axis, t.dim()), keepdim=self.keep_dims))


class Range(Cell):
    """A constant tensor ``arange(start, limit, delta)``: int32 for integer arguments, float32 otherwise."""

    def __init__(self, start, limit=None, delta=1):
        super().__init__()
        if delta == 0:
            raise ValueError("For 'Range', the 'delta' can not be zero.")
        data = np.arange(start, limit, delta)
        self.ms_dtype = mstype.float32 if data.dtype == np.float64 else mstype.int32
        self.result_tensor = Tensor(data, dtype=self.ms_dtype)

    def construct(self):
        return self.result_tensor


class LGamma(_ArglessCell):
    """``log|Gamma(x)|`` (inf at the non-positive integers)."""

    def construct(self, x):
        t = tensor_input(x, "x", "LGamma")
        check_dtype(t, "x", _F16_F32, "LGamma")
        return Tensor._make(torch.lgamma(t))


class DiGamma(_ArglessCell):
    """``d/dx log Gamma(x)`` (NaN at the negative integers)."""

    def construct(self, x):
        t = tensor_input(x, "x", "DiGamma")
        check_dtype(t, "x", _F16_F32, "DiGamma")
        out = torch.digamma(t)
        bad = (t < 0) & (t == torch.floor(t))
        return Tensor._make(torch.where(bad, torch.full_like(out, float("nan")), out))


class IGamma(_ArglessCell):
    """The regularized lower incomplete gamma function ``P(a, x)``; NaN where ``a < 0`` or ``x < 0``.

    Differentiable in ``x`` (torch has no derivative in ``a``)."""

    def construct(self, a, x):
        ta, tx = tensor_input(a, "a", "IGamma"), tensor_input(x, "x", "IGamma")
        check_dtype(ta, "a", (torch.float32,), "IGamma")
        check_dtype(tx, "x", (ta.dtype,), "IGamma")
        ta, tx = torch.broadcast_tensors(ta, tx)
        out = torch.special.gammainc(ta, tx)
        bad = (tx < 0) | (ta < 0)
        return Tensor._make(torch.where(bad, torch.full_like(out, float("nan")), out))


class LBeta(_ArglessCell):
    """``log|Beta(x, y)| = lgamma(x) + lgamma(y) - lgamma(x + y)``."""

    def construct(self, x, y):
        tx, ty = tensor_input(x, "x", "LBeta"), tensor_input(y, "y", "LBeta")
        check_dtype(tx, "x", _F16_F32, "LBeta")
        check_dtype(ty, "y", (tx.dtype,), "LBeta")
        return Tensor._make(torch.lgamma(tx) + torch.lgamma(ty) - torch.lgamma(tx + ty))


class MatMul(Cell):
    """Matrix product with numpy's rules for 1-D operands and broadcast batch dimensions;
    ``transpose_x1``/``transpose_x2`` transpose the last two axes of a (>= 2-D) operand."""

    def __init__(self, transpose_x1=False, transpose_x2=False):
        super().__init__()
        _check_type(transpose_x1, "transpose_x1", (bool,), "MatMul")
        _check_type(transpose_x2, "transpose_x2", (bool,), "MatMul")
        self.transpose_x1 = transpose_x1
        self.transpose_x2 = transpose_x2

    def construct(self, x1, x2):
        a, b = tensor_input(x1, "x1", "MatMul"), tensor_input(x2, "x2", "MatMul")
        if a.dim() >= 2 and self.transpose_x1:
            a = a.transpose(-1, -2)
        if b.dim() >= 2 and self.transpose_x2:
            b = b.transpose(-1, -2)
        if a.shape[-1] != (b.shape[0] if b.dim() == 1 else b.shape[-2]):
            raise ValueError(f"For 'MatMul', the column of matrix dimensions of 'x1' must be equal to the row of "
                             f"matrix dimensions of 'x2', but got 'x1_col' {a.shape[-1]} and 'x2_row' "
                             f"{b.shape[0] if b.dim() == 1 else b.shape[-2]}.")
        if a.dim() == 1 and b.dim() == 1:
            return Tensor._make((a * b).sum(-1))
        return Tensor._make(torch.matmul(a, b))


class Moments(Cell):
    """``(mean, variance)`` over ``axis`` (population variance; float16 computed in float32)."""

    def __init__(self, axis=None, keep_dims=None):
        super().__init__()
        if axis is None:
            axis = ()
        if isinstance(axis, tuple):
            for i, item in enumerate(axis):
                _check_type(item, f"axis[{i}]", (int,), "Moments")
        self.axis = _check_type(axis, "axis", (int, tuple), "Moments")
        self.keep_dims = _check_type(False if keep_dims is None else keep_dims, "keep_dims", (bool,), "Moments")

    def construct(self, x):
        t = tensor_input(x, "x", "Moments")
        check_dtype(t, "input x", _F16_F32, "Moments")
        half = t.dtype == torch.float16
        if half:
            t = t.float()
        dims = _dims(self.axis, t.dim())
        mean = t.mean(dims, keepdim=True)
        var = ((t - mean.detach()) ** 2).mean(dims, keepdim=True)
        if not self.keep_dims:
            mean, var = _squeeze(mean, self.axis), _squeeze(var, self.axis)
        if half:
            mean, var = mean.half(), var.half()
        return Tensor._make(mean), Tensor._make(var)


class MatInverse(_ArglessCell):
    """Inverse of a symmetric positive-definite matrix, through its Cholesky factor."""

    def construct(self, a):
        t = tensor_input(a, "a", "MatInverse")
        check_dtype(t, "input_a", _F16_F32, "MatInverse")
        return Tensor._make(torch.cholesky_inverse(torch.linalg.cholesky(t)))


class MatDet(_ArglessCell):
    """Determinant of a symmetric positive-definite matrix, through its Cholesky factor."""

    def construct(self, a):
        t = tensor_input(a, "a", "MatDet")
        check_dtype(t, "input_a", _F16_F32, "MatDet")
        diag = torch.linalg.cholesky(t).diagonal(dim1=-2, dim2=-1)
        return Tensor._make(diag.prod(-1) ** 2)


class Norm(Cell):
    """``sqrt(sum(x**2, axis))``; ``axis=()`` reduces every axis."""

    def __init__(self, axis=(), keep_dims=False):
        super().__init__()
        validator.check_value_type("keep_dims", keep_dims, [bool], "Norm")
        self.axis = axis
        self.keep_dims = keep_dims

    def construct(self, x):
        t = tensor_input(x, "x", "Norm")
        out = torch.sqrt(torch.sum(t * t, _dims(self.axis, t.dim()), keepdim=True))
        if not self.keep_dims:
            out = _squeeze(out, self.axis)
        return Tensor._make(out)

    def extend_repr(self):
        return f"axis={self.axis}, keep_dims={self.keep_dims}"


class ClipByNorm(Cell):
    """``x * clip_norm / max(||x||_2 over axis, clip_norm)`` in float32 (``axis=None``: the whole tensor)."""

    def __init__(self, axis=None):
        super().__init__()
        if axis is not None:
            if isinstance(axis, (tuple, list)):
                for v in axis:
                    _check_type(v, "axis", (int,), "ClipByNorm")
            else:
                _check_type(axis, "axis", (int, tuple, list), "ClipByNorm")
        self.axis = axis

    def construct(self, x, clip_norm):
        if not isinstance(x, Tensor) or not isinstance(clip_norm, Tensor):
            raise TypeError("For 'ClipByNorm', the input args must be tensor.")
        t, c = x._t.float(), clip_norm._t.float()
        dims = tuple(range(t.dim())) if self.axis is None else _dims(self.axis, t.dim())
        norm = torch.sqrt(torch.sum(t * t, dims, keepdim=True))
        return Tensor._make(t * c / torch.maximum(norm, c))


class L1Regularizer(Cell):
    """``scale * sum(|weights|)`` as a float32 scalar."""

    def __init__(self, scale):
        super().__init__()
        validator.check_value_type("scale", scale, [int, float], "L1Regularizer")
        if scale <= 0:
            raise ValueError(f"For 'L1Regularizer', the 'scale' must be greater than 0, but got {scale}.")
        if math.isinf(scale) or math.isnan(scale):
            raise ValueError(f"For 'L1Regularizer', the 'scale' can not be INF or NAN, but got {scale}.")
        self.scale = Tensor(scale, dtype=mstype.float32)

    def construct(self, weights):
        t = tensor_input(weights, "weights", "L1Regularizer")
        if t.dtype == torch.bool:  # the reference's number-type check and its list of them
            names = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
                     "float64", "bfloat16", "complex64", "complex128", "int4", "float8_e4m3fn", "float8_e5m2",
                     "hifloat8")
            raise TypeError(f"The 'weights' doesn't support 'Bool' and expect to receive "
                            f"({', '.join('mindspore.' + n for n in names)}).")
        return Tensor._make(self.scale._t * torch.sum(torch.abs(t)))

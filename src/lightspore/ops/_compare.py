"""Comparisons, logical ops, NaN/Inf tests and element selection (where/select)."""
from __future__ import annotations

import torch

from ._args import _as_tensor, _attr_prim, _binary, attr_prim
from ._samples import LOGICAL, S, V, f32, i32, inf, mask, nan
from ._table import OPS, method, op


@op(prim="IsNan", method="isnan", samples=(S(V([nan, 1.0, inf])), S(i32(3))))
def isnan(input):
    return torch.isnan(input)


@op(prim="IsInf", method="isinf", samples=(S(V([nan, 1.0, -inf])), S(i32(3))))
def isinf(input):
    return torch.isinf(input)


@op(prim="IsFinite", method="isfinite", samples=(S(V([nan, 1.0, -inf])), S(i32(3))))
def isfinite(input):
    return torch.isfinite(input)


# ---------------------------------------------------------------------------------------------
# comparison and logic
# ---------------------------------------------------------------------------------------------
@op(prim="LogicalAnd", method="logical_and", samples=LOGICAL + (S(f32(3), f32(3, seed=1)),))
def logical_and(input, other):
    return torch.logical_and(input, other)


@op(prim="LogicalOr", method="logical_or", samples=LOGICAL + (S(f32(3), f32(3, seed=1)),))
def logical_or(input, other):
    return torch.logical_or(input, other)


@op(prim="LogicalNot", method="logical_not", samples=(S(mask(2, 3)), S(f32(3)), S(i32(4))))
def logical_not(input):
    return torch.logical_not(input)


@op(method="isclose",
    samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(V([1.0, 2.0, nan]), V([1.0, 2.00001, nan]), equal_nan=True)))
def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return torch.isclose(input, _as_tensor(other, input), rtol=rtol, atol=atol, equal_nan=equal_nan)


@op(prim="Select", samples=(S(mask(2, 3), f32(2, 3), f32(2, 3, seed=1)), S(mask(2, 3), i32(2, 3), 1)))
def select(condition, input, other):
    return torch.where(condition, _as_tensor(input), _as_tensor(other, _as_tensor(input)))


@op(samples=(S(mask(2, 3), f32(2, 3), f32(2, 3, seed=1)), S(mask(2, 3), f32(2, 3), 0.0),
             S(mask(3), i32(3), f32(3, seed=1))))
def where(condition, input, other):
    x = _as_tensor(input) if isinstance(input, torch.Tensor) else input
    return torch.where(condition, x, other)


@method("where")
def _t_where(self, condition, y):
    """``x.where(condition, y)``: elements of ``x`` where ``condition`` holds, else of ``y``."""
    return where(condition, self, y)


@method("equal")
def _t_equal(self, other):
    return OPS["equal"](self, other)


@op(out="raw", samples=(S(V([1.5])), S(V([0], 'int32'))))
def is_nonzero(input):
    """Whether the single element of ``input`` is non-zero."""
    if input.numel() != 1:
        raise RuntimeError(f"For 'is_nonzero', the input must hold exactly one element, but got {input.numel()}.")
    return bool(input.reshape(()).item() != 0)


@method("allclose")
def _allclose_method(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return bool(torch.allclose(self._t, other._t.to(self._t.dtype), rtol=rtol, atol=atol, equal_nan=equal_nan))


def _check_numerics(s, x):
    if not bool(torch.isfinite(x).all()):
        raise RuntimeError("For 'CheckNumerics', the input contains NaN or Inf.")
    return x.clone()

_attr_prim("CheckNumerics", [], _check_numerics, "The input itself; a RuntimeError when it holds NaN or Inf.")


@op(samples=(S(V([1.0, nan, inf, -inf])), S(i32(3))))
def isnan_ext(tensor):
    """Element-wise NaN test."""
    return torch.isnan(tensor)


def _bitpack(s, x, threshold):
    if x.shape[-1] % 8:
        raise ValueError(f"For 'CompareAndBitpack', the last dimension ({x.shape[-1]}) must be a multiple of 8.")
    bits = (x > threshold).to(torch.uint8).reshape(*x.shape[:-1], -1, 8)
    weights = torch.tensor([128, 64, 32, 16, 8, 4, 2, 1], dtype=torch.uint8, device=x.device)
    return (bits * weights).sum(-1, dtype=torch.uint8)

_attr_prim("CompareAndBitpack", [], _bitpack, "``x > threshold`` packed 8 bits to a uint8 (big-endian).")

logical_xor = _binary("logical_xor", torch.logical_xor, "LogicalXor", ("logical_xor",),
                      samples=LOGICAL + (S(f32(3), f32(3, seed=1)),))


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1), 1.0),))
def approximate_equal(x, y, tolerance=1e-05):
    return torch.abs(x - y) < tolerance


@method("approximate_equal")
def _t_approximate_equal(self, other, tolerance=1e-05):
    return approximate_equal(self, other, tolerance)


attr_prim("ApproximateEqual", approximate_equal, {"tolerance": 1e-05})


attr_prim("IsClose", isclose, {"rtol": 1e-05, "atol": 1e-08, "equal_nan": False})

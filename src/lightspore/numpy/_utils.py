"""Shared helpers of ``lightspore.numpy``: array-like -> torch tensor (Python ints int32, floats float32, as the
reference), dtype arguments, the reference's promotion of two arrays, and wrapping results as Tensors."""
from __future__ import annotations

import builtins
import functools
import types

import torch

from ..common import dtype as mstype
from ..common.tensor import Tensor
from ..ops._table import unwrap, wrap

__all__ = []

_INT_TYPES = (torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.uint16, torch.uint32,
              torch.uint64)


def _name(where):
    return f"For 'mindspore.numpy.{where}'"


def _type_error(where, what, got):
    raise TypeError(f"{_name(where)}, {what}, but got {type(got).__name__}.")


def _from_py(a):
    t = torch.as_tensor(a)
    if t.dtype == torch.int64:
        t = t.to(torch.int32)
    elif t.dtype == torch.float64:
        t = t.to(torch.float32)
    return t


def _tt(a, where, name="input"):
    """Array-like -> torch tensor (a Tensor through the op table's ``unwrap``)."""
    if isinstance(a, Tensor):
        return unwrap(a)
    if isinstance(a, (bool, int, float)):
        return _from_py(a)
    if isinstance(a, (list, tuple)):
        if not a:
            return torch.zeros(0, dtype=torch.float32)
        if any(isinstance(e, Tensor) for e in a):
            return torch.stack([_tt(e, where, name) for e in a])
        try:
            return _from_py(a)
        except (TypeError, ValueError, RuntimeError):
            pass
    _type_error(where, f"'{name}' must be a Tensor, a number, a list or a tuple", a)


def _check_tensor(where, *xs):
    """The reference demands Tensors (not Python numbers or lists) for some functions."""
    for x in xs:
        if not isinstance(x, Tensor):
            _type_error(where, "the input must be a Tensor", x)


def _dt(dtype, where):
    """dtype argument -> torch dtype (None stays None)."""
    if dtype is None:
        return None
    if isinstance(dtype, str):
        try:
            dtype = getattr(mstype, {"float": "float32", "int": "int32", "bool": "bool_", "uint": "uint32"}
                            .get(dtype, dtype))
        except AttributeError:
            raise TypeError(f"{_name(where)}, 'dtype' {dtype!r} is not a dtype name.") from None
    return mstype.to_torch(mstype.check_dtype(dtype, f"mindspore.numpy.{where}"))


def _w(t):
    return wrap(t)      # the op table's edge: torch results become lightspore Tensors


def _cast(t, dtype, where):
    d = _dt(dtype, where)
    return t if d is None or t.dtype == d else t.to(d)


def _promote(*ts):
    d = ts[0].dtype
    for t in ts[1:]:
        d = torch.promote_types(d, t.dtype)
    return d


def _pair(x1, x2, where):
    a, b = _tt(x1, where, "x1"), _tt(x2, where, "x2")
    if a.dtype is b.dtype:
        return a, b
    d = torch.promote_types(a.dtype, b.dtype)
    return (a if a.dtype is d else a.to(d)), (b if b.dtype is d else b.to(d))


def _is_int(t):
    return t.dtype in _INT_TYPES


def _float(t):
    """Integers and bools compute in float32, as the reference's float-only kernels do."""
    return t if t.is_floating_point() or t.is_complex() else t.to(torch.float32)


def _axis(axis, ndim, where):
    if isinstance(axis, bool) or not isinstance(axis, int):
        _type_error(where, "'axis' must be an int", axis)
    if not -ndim <= axis < builtins.max(ndim, 1):
        raise ValueError(f"{_name(where)}, 'axis' {axis} is out of bounds for an array of dimension {ndim}.")
    return axis % builtins.max(ndim, 1)


def _axes(axis, ndim, where):
    """None -> all axes; int or tuple -> a sorted tuple of non-negative axes."""
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (tuple, list)):
        out = tuple(_axis(a, ndim, where) for a in axis)
        if len(set(out)) != len(out):
            raise ValueError(f"{_name(where)}, 'axis' has duplicate entries: {axis}.")
        return out
    return (_axis(axis, ndim, where),)


def _shape(shape, where):
    if isinstance(shape, bool):
        _type_error(where, "'shape' must be an int or a tuple of ints", shape)
    if isinstance(shape, int):
        return (shape,)
    if isinstance(shape, Tensor):
        shape = shape._t.tolist()
    if isinstance(shape, (tuple, list)) and builtins.all(isinstance(s, int) and not isinstance(s, bool)
                                                         for s in shape):
        return tuple(shape)
    _type_error(where, "'shape' must be an int or a tuple of ints", shape)



def _guard(ns, names, prefix=""):
    """Wrap the module's public functions so that a shape or index mismatch found by torch is reported as the
    reference reports it: a ValueError naming the function (never a raw torch RuntimeError)."""
    for n in names:
        f = ns.get(n)
        if isinstance(f, types.FunctionType):
            ns[n] = _errors_as_value_error(f, prefix + n.rstrip("_"))


def _errors_as_value_error(f, name):
    @functools.wraps(f)
    def guarded(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except NotImplementedError:
            raise
        except (RuntimeError, IndexError) as e:
            raise ValueError(f"For 'mindspore.numpy.{name}', the inputs do not fit together: {e}") from None
    return guarded

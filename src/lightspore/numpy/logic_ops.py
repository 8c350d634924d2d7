"""``mindspore.numpy.logic_ops``: comparisons, logical functions and set membership (bool results)."""
from __future__ import annotations

import torch

from ..common.tensor import Tensor
from ._utils import _cast, _check_tensor, _float, _guard, _name, _pair, _promote, _tt, _w

__all__ = ['not_equal', 'less_equal', 'less', 'greater_equal', 'greater', 'equal', 'isfinite', 'isnan', 'isinf',
           'isposinf', 'isneginf', 'isscalar', 'logical_and', 'logical_not', 'logical_or', 'logical_xor', 'in1d',
           'isin', 'isclose', 'signbit', 'sometrue', 'array_equal', 'array_equiv', 'setdiff1d']


def _cmp(fn, x1, x2, dtype, where):
    a, b = _pair(x1, x2, where)
    return _w(_cast(fn(a, b), dtype, where))


def not_equal(x1, x2, dtype=None):
    _check_tensor("not_equal", x1, x2)
    return _cmp(torch.ne, x1, x2, dtype, "not_equal")


def less_equal(x1, x2, dtype=None):
    _check_tensor("less_equal", x1, x2)
    return _cmp(torch.le, x1, x2, dtype, "less_equal")


def less(x1, x2, dtype=None):
    return _cmp(torch.lt, x1, x2, dtype, "less")


def greater_equal(x1, x2, dtype=None):
    return _cmp(torch.ge, x1, x2, dtype, "greater_equal")


def greater(x1, x2, dtype=None):
    return _cmp(torch.gt, x1, x2, dtype, "greater")


def equal(x1, x2, dtype=None):
    return _cmp(torch.eq, x1, x2, dtype, "equal")


def _un(fn, x, dtype, where):
    return _w(_cast(fn(_tt(x, where, "x")), dtype, where))


def isfinite(x, dtype=None):
    return _un(torch.isfinite, x, dtype, "isfinite")


def isnan(x, dtype=None):
    return _un(torch.isnan, x, dtype, "isnan")


def isinf(x, dtype=None):
    return _un(torch.isinf, x, dtype, "isinf")


def isposinf(x):
    _check_tensor("isposinf", x)
    return _w(torch.isposinf(x._t))


def isneginf(x):
    return _w(torch.isneginf(_tt(x, "isneginf", "x")))


def isscalar(element):
    return isinstance(element, (int, float, complex, bool, str, bytes))


def _bool(fn, x1, x2, dtype, where):
    a, b = _tt(x1, where, "x1"), _tt(x2, where, "x2")
    return _w(_cast(fn(a.bool(), b.bool()), dtype, where))


def logical_and(x1, x2, dtype=None):
    return _bool(torch.logical_and, x1, x2, dtype, "logical_and")


def logical_or(x1, x2, dtype=None):
    return _bool(torch.logical_or, x1, x2, dtype, "logical_or")


def logical_xor(x1, x2, dtype=None):
    _check_tensor("logical_xor", x1, x2)
    return _bool(torch.logical_xor, x1, x2, dtype, "logical_xor")


def logical_not(a, dtype=None):
    return _w(_cast(torch.logical_not(_tt(a, "logical_not", "a").bool()), dtype, "logical_not"))


def isin(element, test_elements, invert=False):
    e, t = _tt(element, "isin", "element"), _tt(test_elements, "isin", "test_elements")
    d = _promote(e, t)
    return _w(torch.isin(e.to(d), t.to(d).flatten(), invert=invert))


def in1d(ar1, ar2, invert=False):
    return _w(isin(ar1, ar2, invert)._t.flatten())


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    x, y = _pair(a, b, "isclose")
    x, y = _float(x), _float(y)
    return _w(torch.isclose(x, y, rtol, atol, equal_nan))


def signbit(x, dtype=None):
    t = _tt(x, "signbit", "x")
    return _w(_cast(torch.signbit(_float(t)), dtype, "signbit"))


def sometrue(a, axis=None, keepdims=False):
    t = _tt(a, "sometrue", "a").bool()
    if axis is None:
        out = t.any()
        return _w(out.reshape((1,) * t.ndim) if keepdims else out)
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    return _w(torch.any(t, dim=tuple(axes), keepdim=keepdims))


def array_equal(a1, a2, equal_nan=False):
    x, y = _tt(a1, "array_equal", "a1"), _tt(a2, "array_equal", "a2")
    if x.shape != y.shape:
        return _w(torch.tensor(False))
    d = _promote(x, y)
    x, y = x.to(d), y.to(d)
    eq = x == y
    if equal_nan and d.is_floating_point:
        eq = eq | (torch.isnan(x) & torch.isnan(y))
    return _w(eq.all())


def array_equiv(a1, a2):
    x, y = _tt(a1, "array_equiv", "a1"), _tt(a2, "array_equiv", "a2")
    try:
        xb, yb = torch.broadcast_tensors(x, y)
    except RuntimeError:
        return _w(torch.tensor(False))
    d = _promote(x, y)
    return _w((xb.to(d) == yb.to(d)).all())


def setdiff1d(ar1, ar2, assume_unique=False):
    a, b = _tt(ar1, "setdiff1d", "ar1").flatten(), _tt(ar2, "setdiff1d", "ar2").flatten()
    d = _promote(a, b)
    a, b = a.to(d), b.to(d)
    if not assume_unique:
        a = torch.unique(a, sorted=True)
    return _w(a[~torch.isin(a, b)])


_ = (Tensor, _name)


_guard(globals(), __all__)

# names the reference's module also carries (imported from its sibling modules), so those paths resolve
from .array_creations import asarray, ones, zeros  # noqa: E402, F401

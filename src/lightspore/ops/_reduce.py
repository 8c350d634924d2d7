"""Reductions, scans, sorting and searching: sum/mean/max..., cumulative ops, topk/sort, unique, histograms."""
from __future__ import annotations

import numbers

import torch

from ..common import dtype as mstype
from ..common._errors import RefRuntimeError
from ..common.tensor import Tensor
from ._args import _REQ, _attr_prim, _axes, _idx, _pick_axis, _pick_keep, _tdt, _varargs, attr_prim
from ._samples import REDUCE, A, D, S, V, f32, i32, mask, nan
from ._table import METHODS, OPS, Primitive, method, op, prim, unwrap

# ---------------------------------------------------------------------------------------------
# reductions
# ---------------------------------------------------------------------------------------------
_WIDE_UNSIGNED = frozenset((torch.uint16, torch.uint32, torch.uint64))


def _reduce_mean(x, dim, keep):
    if not (x.is_floating_point() or x.is_complex()):
        return torch.mean(x.double(), dim=dim, keepdim=keep).to(x.dtype)
    return torch.mean(x, dim=dim, keepdim=keep)


@op(samples=REDUCE + (S(i32(2, 3)), S(mask(2, 3), 1), S(f32(2, 3), dtype=D('float64'))))
def sum(input, dim=None, keepdim=False, *, dtype=None):
    if type(dim) is int and dtype is None and input.dtype not in _WIDE_UNSIGNED:      # the common call, directly
        return torch.sum(input, dim, keepdim)
    d = _axes(dim)
    tdt = _tdt(dtype)
    if tdt is None and input.dtype in _WIDE_UNSIGNED:
        # the reference keeps these dtypes (sums modulo 2**n); torch's CPU sum lacks them
        wide = input.view(torch.int64) if input.dtype is torch.uint64 else input.to(torch.int64)
        r = torch.sum(wide) if d is None else torch.sum(wide, dim=d, keepdim=keepdim)
        if d is None and keepdim:
            r = r.reshape((1,) * input.dim())
        return r.view(torch.uint64) if input.dtype is torch.uint64 else r.to(input.dtype)
    if d is None:
        r = torch.sum(input, dtype=tdt)
        return r.reshape((1,) * input.dim()) if keepdim else r
    return torch.sum(input, dim=d, keepdim=keepdim, dtype=tdt)


@op(samples=REDUCE + (S(i32(2, 3)),))
def mean(x, axis=None, keep_dims=False):
    d = _axes(axis)
    if d is None:
        r = _reduce_mean(x, None, False)
        return r.reshape((1,) * x.dim()) if keep_dims else r
    return _reduce_mean(x, d, keep_dims)


@op(samples=REDUCE + (S(i32(2, 3), 0),))
def prod(input, axis=None, keep_dims=False, dtype=None):
    tdt = _tdt(dtype)
    d = _axes(axis)
    if d is None:
        r = torch.prod(input, dtype=tdt)
        return r.reshape((1,) * input.dim()) if keep_dims else r
    if isinstance(d, tuple):
        r = input if tdt is None else input.to(tdt)
        for a in sorted((a % input.dim() for a in d), reverse=True):
            r = torch.prod(r, dim=a, keepdim=keep_dims)
        return r
    return torch.prod(input, dim=d, keepdim=keep_dims, dtype=tdt)


def _amax_like(fn, input, axis, keepdims, initial, where, name):
    x = input
    if where is not None:
        if initial is None:
            raise ValueError(f"For '{name}', 'initial' must be given when 'where' is given.")
        x = torch.where(where, x, torch.as_tensor(initial, dtype=x.dtype, device=x.device))
    d = _axes(axis)
    if d is None:
        r = fn(x)
        if keepdims:
            r = r.reshape((1,) * x.dim())
    else:
        r = fn(x, dim=d, keepdim=keepdims)
    if initial is not None:
        r = (torch.maximum if fn is torch.amax else torch.minimum)(
            r, torch.as_tensor(initial, dtype=r.dtype, device=r.device))
    return r


@op(samples=REDUCE)
def amax(input, axis=None, keepdims=False, *, initial=None, where=None):
    return _amax_like(torch.amax, input, axis, keepdims, initial, where, "amax")


@op(samples=REDUCE)
def amin(input, axis=None, keepdims=False, *, initial=None, where=None):
    return _amax_like(torch.amin, input, axis, keepdims, initial, where, "amin")


def _max_min(fn, argfn, input, axis, keepdims, initial, where, name):
    if axis is None or input.dim() == 0:
        # the reference reduces everything and reports index 0 (keepdims/initial/where unused here)
        vals = input if input.dim() == 0 else (torch.amax if fn is torch.max else torch.amin)(input)
        return vals, torch.zeros((), dtype=torch.int64, device=input.device)
    if initial is not None and not isinstance(initial, numbers.Number):
        raise TypeError(f"For '{name}', 'initial' must be a scalar, but got {type(initial).__name__}")
    if not isinstance(axis, int):
        raise TypeError(f"For '{name}', 'axis' must be int, but got {type(axis).__name__}")
    if where is not None:
        if initial is None:
            raise ValueError(f"For '{name}', 'initial' must be given when 'where' is given.")
        input = torch.where(where, input, torch.as_tensor(initial, dtype=input.dtype, device=input.device))
    v, i = fn(input, dim=int(axis), keepdim=keepdims)
    if initial is not None:
        v = (torch.maximum if fn is torch.max else torch.minimum)(
            v, torch.as_tensor(initial, dtype=v.dtype, device=v.device))
    return v, i


@op(out="tuple", samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1), S(f32(2, 3, 4), 1, True)))
def max(input, axis=None, keepdims=False, *, initial=None, where=None):
    return _max_min(torch.max, torch.argmax, input, axis, keepdims, initial, where, "max")


@op(out="tuple", samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1), S(f32(2, 3, 4), 1, True)))
def min(input, axis=None, keepdims=False, *, initial=None, where=None):
    return _max_min(torch.min, torch.argmin, input, axis, keepdims, initial, where, "min")


_UINT_WIDE = {torch.uint16: torch.int32, torch.uint32: torch.int64}
_UINT_SUM = frozenset((torch.uint16, torch.uint32, torch.uint64))


def _ordered(x):
    """An integer tensor whose order is ``x``'s, for the unsigned dtypes torch's CPU reductions lack (uint64 through
    its bits with the sign flipped: exact), and a function mapping values back."""
    if x.dtype in _UINT_WIDE:
        return x.to(_UINT_WIDE[x.dtype]), (lambda r, dt=x.dtype: r.to(dt))
    if x.dtype is torch.uint64:
        flip = -2 ** 63
        return x.view(torch.int64) ^ flip, (lambda r: (r ^ flip).view(torch.uint64))
    return x, (lambda r: r)


@op(samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1), S(f32(2, 3, 4), -1, True), S(i32(5))))
def argmax(input, dim=None, keepdim=False):
    return torch.argmax(_ordered(input)[0], dim=dim, keepdim=keepdim)


@op(samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1), S(f32(2, 3, 4), -1, True), S(i32(5))))
def argmin(input, axis=None, keepdims=False):
    if input.dim() == 0:
        return torch.zeros((), dtype=torch.int64, device=input.device)
    r = torch.argmin(_ordered(input)[0], dim=axis, keepdim=keepdims and axis is not None)
    return r.to(torch.int32)


@method("argmax")
def _t_argmax(self, axis=None, keepdims=False, *, dim=None, keepdim=None):
    """``Tensor.argmax(axis=None, keepdims=False)``, also spelt ``dim``/``keepdim`` as the reference takes."""
    return argmax(self, axis if dim is None else dim, keepdims if keepdim is None else keepdim)


@method("argmin")
def _t_argmin(self, axis=None, keepdims=False, *, dim=None, keepdim=None):
    """``Tensor.argmin(axis=None, keepdims=False)``, also spelt ``dim``/``keepdim``."""
    return argmin(self, axis if dim is None else dim, keepdims if keepdim is None else keepdim)


@op(samples=(S(mask(2, 3)), S(mask(2, 3), 1), S(f32(2, 3), 0, True)))
def all(input, axis=None, keep_dims=False):
    d = _axes(axis)
    if d is None:
        r = torch.all(input)
        return r.reshape((1,) * input.dim()) if keep_dims else r
    return torch.all(input, dim=d, keepdim=keep_dims)


@op(samples=(S(mask(2, 3)), S(mask(2, 3), 1), S(f32(2, 3), 0, True)))
def any(input, axis=None, keep_dims=False):
    d = _axes(axis)
    if d is None:
        r = torch.any(input)
        return r.reshape((1,) * input.dim()) if keep_dims else r
    return torch.any(input, dim=d, keepdim=keep_dims)


@op(samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1), S(f32(2, 3, 4), 1, 1, True)))
def std(input, axis=None, ddof=0, keepdims=False):
    return torch.std(input, dim=_axes(axis), correction=ddof, keepdim=keepdims)


@op(samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1), S(f32(2, 3, 4), 1, 1, True)))
def var(input, axis=None, ddof=0, keepdims=False):
    return torch.var(input, dim=_axes(axis), correction=ddof, keepdim=keepdims)


@op(method="logsumexp", samples=(S(f32(2, 3), 1), S(f32(2, 3), 0, True)))
def logsumexp(input, dim, keepdim=False):
    d = _axes(dim)
    return torch.logsumexp(input, dim=d if d is not None else tuple(range(input.dim())), keepdim=keepdim)


@op(samples=(S(f32(2, 3), 1), S(i32(2, 3), 0), S(f32(2, 3), 0, D('float64'))))
def cumsum(x, axis, dtype=None):
    tdt = _tdt(dtype)
    if tdt is None and x.dtype in _UINT_SUM:     # torch's CPU cumsum lacks them: the same sums modulo 2**n
        wide = x.view(torch.int64) if x.dtype is torch.uint64 else x.to(torch.int64)
        r = torch.cumsum(wide, dim=axis)
        return r.view(torch.uint64) if x.dtype is torch.uint64 else r.to(x.dtype)
    return torch.cumsum(x, dim=axis, dtype=tdt if tdt is not None or x.dtype == torch.bool else x.dtype)


@op(out="tuple", samples=(S(f32(2, 5), 2), S(f32(2, 5), 2, 0, False)))
def topk(input, k, dim=None, largest=True, sorted=True):
    x, back = _ordered(input)                    # uint16/32/64: on an order-preserving signed copy
    v, i = torch.topk(x, k, dim=-1 if dim is None else dim, largest=largest, sorted=sorted)
    return back(v), i.to(torch.int32)


@op(out="tuple", samples=(S(f32(2, 5)), S(f32(2, 5), 0, True), S(i32(6))))
def sort(input_x, axis=-1, descending=False):
    v, i = torch.sort(input_x, dim=axis, descending=descending, stable=True)
    return v, i.to(torch.int32)


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 1.0, 1), S(f32(2, 3), 'fro'), S(f32(2, 3), 2, 0, True)))
def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):
    return torch.linalg.norm(A if dtype is None else A.to(_tdt(dtype)), ord=ord, dim=_axes(dim),
                             keepdim=keepdim)


# ---------------------------------------------------------------------------------------------
# primitives with attributes
# ---------------------------------------------------------------------------------------------
def _reduce_prim(cls_name, fn):
    class _P(Primitive):
        def __init__(self, keep_dims=False):
            super().__init__(cls_name)
            self.skip_mode = False
            if not isinstance(keep_dims, bool):
                raise TypeError(f"For '{cls_name}', 'keep_dims' must be bool, but got {type(keep_dims).__name__}")
            self.keep_dims = keep_dims

        def __call__(self, x, axis=()):
            if self.skip_mode and (axis == () or axis == []):
                return x
            return fn(x, axis, self.keep_dims)

    _P.__name__ = _P.__qualname__ = cls_name
    return prim(cls_name)(_P)


@prim("ReduceSum")
class ReduceSum(Primitive):
    def __init__(self, keep_dims=False, skip_mode=False):
        super().__init__("ReduceSum")
        if not isinstance(keep_dims, bool):
            raise TypeError(f"For 'ReduceSum', 'keep_dims' must be bool, but got {type(keep_dims).__name__}")
        self.keep_dims, self.skip_mode = keep_dims, skip_mode

    def __call__(self, x, axis=()):
        if self.skip_mode and (axis == () or axis == []):
            return x
        r = sum(x, axis, self.keep_dims)
        if isinstance(x, Tensor) and r.dtype != x.dtype:     # the primitive keeps integer and bool dtypes
            return Tensor._make(r._t.to(x._t.dtype))
        return r

_reduce_prim("ReduceMean", lambda x, a, k: mean(x, a, k))

_reduce_prim("ReduceProd", lambda x, a, k: prod(x, a, k))

_reduce_prim("ReduceMax", lambda x, a, k: amax(x, a, k))

_reduce_prim("ReduceMin", lambda x, a, k: amin(x, a, k))

_reduce_prim("ReduceAll", lambda x, a, k: all(x, a, k))

_reduce_prim("ReduceAny", lambda x, a, k: any(x, a, k))


@prim("Argmax")
class Argmax(Primitive):
    def __init__(self, axis=-1, output_type=mstype.int32):
        super().__init__("Argmax")
        self.axis, self.output_type = axis, output_type

    def __call__(self, x):
        return Tensor._make(torch.argmax(unwrap(x), dim=self.axis).to(_tdt(self.output_type)))


@prim("Argmin")
class Argmin(Primitive):
    def __init__(self, axis=-1, output_type=mstype.int32):
        super().__init__("Argmin")
        self.axis, self.output_type = axis, output_type

    def __call__(self, x):
        return Tensor._make(torch.argmin(unwrap(x), dim=self.axis).to(_tdt(self.output_type)))


attr_prim("TopK", None, {"sorted": True}, call=lambda self, input_x, k: topk(input_x, k, None, True, self.sorted))


attr_prim("Sort", sort, {"axis": -1, "descending": False})


@method("sum")
def _t_sum(self, *args, **kwargs):
    return sum(self, _pick_axis(args, kwargs), _pick_keep(args, kwargs), dtype=kwargs.get("dtype"))


@method("mean")
def _t_mean(self, *args, **kwargs):
    if not args and not kwargs:
        t = self._t
        if t.is_floating_point():       # x.mean() of a float tensor: straight to torch
            return Tensor._make(torch.mean(t))
    return mean(self, _pick_axis(args, kwargs), _pick_keep(args, kwargs))


@method("prod")
def _t_prod(self, *args, **kwargs):
    return prod(self, _pick_axis(args, kwargs), _pick_keep(args, kwargs), kwargs.get("dtype"))


def _t_maxmin(name, fn):
    def m(self, *args, **kwargs):
        if not args and not kwargs:
            x, back = _ordered(self._t)
            return Tensor._make(back((torch.amax if name == "max" else torch.amin)(x)))
        if "out" in kwargs:
            _pick_axis(args, kwargs)        # numpy's np.max(tensor): the reference's TypeError
        if args or "dim" in kwargs:
            # torch style: positional dim / dim= -> (values, indices)
            return fn(self, _pick_axis(args, kwargs), _pick_keep(args, kwargs))
        return (amax if name == "max" else amin)(self, kwargs.get("axis"), _pick_keep(args, kwargs),
                                                 initial=kwargs.get("initial"), where=kwargs.get("where"))
    METHODS[name] = m

_t_maxmin("max", max)

_t_maxmin("min", min)


@method("amax")
def _t_amax(self, axis=None, keepdims=False, *, initial=None, where=None):
    return amax(self, axis, keepdims, initial=initial, where=where)


@method("amin")
def _t_amin(self, axis=None, keepdims=False, *, initial=None, where=None):
    return amin(self, axis, keepdims, initial=initial, where=where)


@method("std")
def _t_std(self, *args, **kwargs):
    ddof = kwargs.get("ddof", kwargs.get("correction", args[1] if len(args) > 1 else 0))
    keep = kwargs.get("keepdims", kwargs.get("keepdim", args[2] if len(args) > 2 else False))
    return std(self, _pick_axis(args[:1], kwargs), ddof, keep)


@method("var")
def _t_var(self, *args, **kwargs):
    ddof = kwargs.get("ddof", kwargs.get("correction", args[1] if len(args) > 1 else 0))
    keep = kwargs.get("keepdims", kwargs.get("keepdim", args[2] if len(args) > 2 else False))
    return var(self, _pick_axis(args[:1], kwargs), ddof, keep)


@method("cumsum")
def _t_cumsum(self, *args, **kwargs):
    return cumsum(self, _pick_axis(args, kwargs, 0), dtype=kwargs.get("dtype"))


@method("topk")
def _t_topk(self, k, dim=None, largest=True, sorted=True):
    return topk(self, k, dim, largest, sorted)


@method("sort")
def _t_sort(self, *args, **kwargs):
    axis = args[0] if args else kwargs.get("dim", kwargs.get("axis", -1))
    descending = args[1] if len(args) > 1 else kwargs.get("descending", False)
    return sort(self, axis, descending)


@method("norm")
def _t_norm(self, ord=None, dim=None, keepdim=False, *, dtype=None):
    return norm(self, ord, dim, keepdim, dtype=dtype)


# ---------------------------------------------------------------------------------------------
# unique / sort / search / count
# ---------------------------------------------------------------------------------------------
def _unique_impl(input):
    """Unique values in order of first occurrence (the reference's order) and int32 inverse indices."""
    flat = input.reshape(-1)
    y, inv = torch.unique(flat, sorted=True, return_inverse=True)
    pos = torch.arange(flat.numel(), device=flat.device)
    first = torch.full((y.numel(),), flat.numel(), dtype=pos.dtype, device=flat.device)
    first = first.scatter_reduce(0, inv, pos, "amin")
    order = torch.argsort(first)
    rank = torch.argsort(order)
    return y[order], rank[inv].reshape(input.shape).to(torch.int32)

unique = op("unique", prim="Unique", out="tuple",
            samples=(S(V([3, 1, 2, 1, 3], "int32")), S(V([2.5, -1.0, 2.5], "float32"))))(_unique_impl)


@op(method="unique_consecutive", out="any",
    samples=(S(V([1, 1, 2, 2, 3, 1], 'int32')), S(V([1, 1, 2, 2, 3, 1], 'int32'), True, True)))
def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    return torch.unique_consecutive(input, return_inverse, return_counts, dim)


@op(prim="UniqueWithPad", method="unique_with_pad", out="tuple", samples=(S(V([1, 2, 2, 4, 1], 'int32'), 0),))
def unique_with_pad(x, pad_num):
    """Unique values (first-occurrence order) padded to the input's length with ``pad_num``; int32-style idx."""
    y, idx = _unique_impl(x)
    pad = torch.full((x.numel() - y.numel(),), pad_num, dtype=x.dtype, device=x.device)
    return torch.cat([y, pad]), idx.to(x.dtype)


attr_prim("UniqueConsecutive", unique_consecutive, {"return_inverse": False, "return_counts": False, "dim": None})


@op(samples=(S(f32(2, 5)), S(f32(2, 5), 0, True)))
def argsort(input, axis=-1, descending=False):
    return torch.argsort(input, dim=axis, descending=descending).to(torch.int32)


def _keyword_aliases(fn, aliases, name):
    """A Tensor method calling ``fn`` that also takes the reference's other keyword spellings (``aliases``: the
    other spelling -> ``fn``'s parameter), as its documented overloads do (``x.all(dim=1, keepdim=True)``)."""
    def m(self, *args, **kwargs):
        if "out" in kwargs:
            _pick_axis(args, kwargs)            # numpy's out=: the reference's TypeError
        for other, own in aliases.items():
            if other in kwargs:
                kwargs[own] = kwargs.pop(other)
        return fn(self, *args, **kwargs)
    m.__name__ = m.__qualname__ = name
    METHODS[name] = m


_keyword_aliases(all, {"dim": "axis", "keepdim": "keep_dims", "keepdims": "keep_dims"}, "all")
_keyword_aliases(any, {"dim": "axis", "keepdim": "keep_dims", "keepdims": "keep_dims"}, "any")


@method("argsort")
def _t_argsort(self, axis=-1, descending=False, *, dim=None, stable=False):
    """``Tensor.argsort(axis=-1, descending=False)`` or ``(dim=-1, descending=False, stable=False)``."""
    d = axis if dim is None else dim
    return Tensor._make(torch.argsort(self._t, dim=d, descending=descending, stable=bool(stable)).to(torch.int32))


@op(samples=(S(V([1.0, 2.0, 3.0, 5.0]), f32(2, 3)), S(V([1.0, 2.0, 3.0, 5.0]), V([2.0, 4.0]), right=True)))
def searchsorted(sorted_sequence, values, *, out_int32=False, right=False, side=None, sorter=None):
    return torch.searchsorted(sorted_sequence, values, out_int32=out_int32, right=right, side=side,
                              sorter=_idx(sorter))


@op(samples=(S(f32(2, 3), [-1.0, 0.0, 1.0]), S(f32(2, 3), [-1.0, 0.0, 1.0], right=True)))
def bucketize(input, boundaries, *, right=False):
    b = boundaries if isinstance(boundaries, torch.Tensor) else torch.tensor(
        list(boundaries), dtype=input.dtype if input.is_floating_point() else torch.float32, device=input.device)
    return torch.bucketize(input, b, right=right, out_int32=True)


@op(method="count_nonzero", samples=(S(i32(2, 3)), S(i32(2, 3), 1), S(f32(2, 3), (0, 1), True)))
def count_nonzero(x, axis=(), keep_dims=False, dtype=mstype.int32):
    dims = None if axis in ((), [], None) else (tuple(axis) if isinstance(axis, (list, tuple)) else (axis,))
    r = (x != 0).sum(dim=dims, keepdim=keep_dims) if dims is not None else (x != 0).sum()
    if keep_dims and dims is None:
        r = r.reshape((1,) * x.ndim)
    return r.to(_tdt(dtype))


@op(method="bincount", samples=(S(A((6,), 'int32', 0, 4)), S(A((6,), 'int32', 0, 4), f32(6), 7)))
def bincount(input, weights=None, minlength=0):
    r = torch.bincount(input, weights, minlength)
    return r if r.is_floating_point() else r.to(torch.float32)     # the reference: float32 counts


@op(method="histc", samples=(S(f32(10), 4, -2.0, 2.0),))
def histc(input, bins=100, min=0.0, max=0.0):
    return torch.histc(input, bins, min, max)


@op(method="msort", samples=(S(f32(4, 3)),))
def msort(input):
    return torch.msort(input)


@method("ptp")
def _ptp_method(self, axis=None, keepdims=False):
    t = self._t
    if axis is None:
        r = t.max() - t.min()
        return Tensor._make(r.reshape((1,) * t.ndim) if keepdims else r)
    return Tensor._make(torch.amax(t, axis, keepdims) - torch.amin(t, axis, keepdims))


@op(out="tuple", samples=(S(f32(2, 5), 2),))
def top_k(input_x, k, sorted=True):
    """Deprecated alias of ``topk`` along the last dimension: ``(values, int32 indices)``."""
    v, i = torch.topk(input_x, k, dim=-1, largest=True, sorted=sorted)
    return v, i.to(torch.int32)


@method("unique")
def _unique_method(self, sorted=True, return_inverse=False, return_counts=False, dim=None):
    r = torch.unique(self._t, sorted=sorted, return_inverse=return_inverse, return_counts=return_counts, dim=dim)
    return tuple(Tensor._make(x) for x in r) if isinstance(r, tuple) else Tensor._make(r)


@method("top_k")
def _top_k_method(self, k, sorted=True):
    return OPS["top_k"](self, k, sorted)


@method("sum_to_size")
def _sum_to_size_method(self, *size):
    size = tuple(_varargs(size))
    return Tensor._make(self._t.sum_to_size(size))

_attr_prim("Bucketize", [("boundaries", _REQ)], lambda s, x: torch.bucketize(
    x, torch.tensor(s.boundaries, dtype=x.dtype if x.is_floating_point() else torch.float32, device=x.device)
    , right=True).to(torch.int32), "Bucket indices: the number of ``boundaries`` <= each value of ``input``.")


@op(samples=(S(f32(2, 4)), S(f32(2, 4), 2, 0)))
def diff_ext(input, n=1, dim=-1, prepend=None, append=None):
    """The ``n``-th forward difference along ``dim``."""
    return torch.diff(input, n, dim, prepend, append)


@op(method="cumprod", samples=(S(f32(2, 3), 1), S(i32(2, 3), 0)))
def cumprod(input, dim, dtype=None):
    # an integer input keeps its dtype (torch's kernel widens it to int64)
    return torch.cumprod(input, dim, dtype=_tdt(dtype) if dtype is not None else input.dtype)


@op(method="cummax", out="tuple", samples=(S(f32(2, 4), 1), S(i32(2, 4), 0)))
def cummax(input, axis):
    r = torch.cummax(input, axis)
    return r.values, r.indices


@op(method="cummin", out="tuple", samples=(S(f32(2, 4), 1), S(i32(2, 4), 0)))
def cummin(input, axis):
    r = torch.cummin(input, axis)
    return r.values, r.indices.to(torch.int32)   # the reference: int32 indices here, int64 for cummax


@op(method="logcumsumexp", samples=(S(f32(2, 4), 1),))
def logcumsumexp(input, axis):
    return torch.logcumsumexp(input, axis)


@op(method="diff", samples=(S(f32(2, 4)), S(f32(2, 4), 2, 0)))
def diff(x, n=1, axis=-1, prepend=None, append=None):
    if n != 1:
        raise RefRuntimeError(f"For 'diff', 'n' must be 1, but got {n}")
    return torch.diff(x, n, axis, prepend, append)


@prim("CumProd")
class CumProd(Primitive):
    def __init__(self, exclusive=False, reverse=False):
        super().__init__("CumProd")
        self.exclusive, self.reverse = bool(exclusive), bool(reverse)

    def __call__(self, x, axis):
        t = x._t
        if self.reverse:
            t = t.flip(axis)
        r = torch.cumprod(t, axis)
        if self.exclusive:
            r = torch.cat([torch.ones_like(r.narrow(axis, 0, 1)), r.narrow(axis, 0, r.shape[axis] - 1)], axis)
        if self.reverse:
            r = r.flip(axis)
        return type(x)._make(r)


def _cum_prim(cls_name, fn):
    class _P(Primitive):
        def __init__(self, axis):
            Primitive.__init__(self, cls_name)
            self.axis = axis

        def __call__(self, input):
            return fn(input, self.axis)
    _P.__name__ = _P.__qualname__ = cls_name
    return prim(cls_name)(_P)

Cummax = _cum_prim("Cummax", cummax)

Cummin = _cum_prim("Cummin", cummin)


@op(out="tuple", samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1, 1, True)))
def std_mean(input, axis=None, ddof=0, keepdims=False):
    return torch.std_mean(input, dim=axis, correction=ddof, keepdim=keepdims)


@op(out="tuple", samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1, 1, True)))
def var_mean(input, axis=None, ddof=0, keepdims=False):
    return torch.var_mean(input, dim=axis, correction=ddof, keepdim=keepdims)


@op(samples=(S(f32(2, 4)), S(f32(2, 4), f32(2, 4, seed=1)), S(f32(2, 4), dx=0.5, dim=0)))
def trapz(y, x=None, *, dx=1.0, dim=-1):
    if x is None:
        return torch.trapezoid(y, dx=dx, dim=dim)
    return torch.trapezoid(y, x, dim=dim)


@op(method="cov", samples=(S(f32(3, 5)), S(f32(3, 5), correction=0)))
def cov(input, *, correction=1, fweights=None, aweights=None):
    return torch.cov(input, correction=correction, fweights=fweights, aweights=aweights)


def _axis_tuple(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, int):
        return (axis,)
    axis = tuple(axis)
    return axis if axis else tuple(range(ndim))


def _w(r):
    if isinstance(r, tuple):
        return tuple(Tensor._make(x) for x in r)
    return Tensor._make(r)


# ---------------------------------------------------------------------------------------------
# max / min with their indices
# ---------------------------------------------------------------------------------------------
def _with_value(fn, x, axis, keep_dims):
    if x.dim() == 0:
        return torch.zeros((), dtype=torch.int64, device=x.device), x
    v, i = fn(x, dim=axis, keepdim=keep_dims)
    return i, v


_attr_prim("ArgMaxWithValue", [("axis", 0), ("keep_dims", False)],
           lambda s, x: _with_value(torch.max, x, s.axis, s.keep_dims),
           "``(indices, values)`` of the maximum along ``axis``.")


_attr_prim("ArgMinWithValue", [("axis", 0), ("keep_dims", False)],
           lambda s, x: _with_value(torch.min, x, s.axis, s.keep_dims),
           "``(indices, values)`` of the minimum along ``axis``.")


@method("argmax_with_value")
def _t_argmax_with_value(self, axis=0, keep_dims=False):
    return max(self, axis, keep_dims)


@method("argmin_with_value")
def _t_argmin_with_value(self, axis=0, keep_dims=False):
    return min(self, axis, keep_dims)


@op(out="tuple", method="aminmax", samples=(S(f32(2, 4)), S(f32(2, 4), axis=1, keepdims=True)))
def aminmax(input, *, axis=0, keepdims=False):
    """``(min, max)`` along ``axis`` (all elements when ``axis`` is None)."""
    if axis is None:
        lo, hi = torch.amin(input), torch.amax(input)
        if keepdims:
            lo, hi = lo.reshape((1,) * input.dim()), hi.reshape((1,) * input.dim())
        return lo, hi
    return torch.amin(input, dim=axis, keepdim=keepdims), torch.amax(input, dim=axis, keepdim=keepdims)


# ---------------------------------------------------------------------------------------------
# medians, quantiles, k-th values
# ---------------------------------------------------------------------------------------------
@op(out="tuple", samples=(S(f32(2, 5)), S(f32(2, 5), 0, True)))
def median(input, axis=-1, keepdims=False):
    """``(values, indices)``: the lower median along ``axis``."""
    if input.dim() == 0:
        return input, torch.zeros((), dtype=torch.int64, device=input.device)
    return torch.median(input, dim=axis, keepdim=keepdims)


@op(out="tuple", method="nanmedian",
    samples=(S(V([[1.0, nan, 3.0], [2.0, 5.0, 1.0]])), S(V([[1.0, nan, 3.0], [2.0, 5.0, 1.0]]), 0, True)))
def nanmedian(input, axis=-1, keepdims=False):
    """``(values, indices)``: the lower median along ``axis``, NaNs ignored."""
    if input.dim() == 0:
        return input, torch.zeros((), dtype=torch.int64, device=input.device)
    return torch.nanmedian(input, dim=axis, keepdim=keepdims)


@prim("Median")
class Median(Primitive):
    """``(y, indices)``: the median of all elements (``global_median``) or along ``axis``."""

    def __init__(self, global_median=False, axis=0, keep_dims=False, ignore_nan=False):
        super().__init__("Median")
        self.global_median, self.axis, self.keep_dims, self.ignore_nan = global_median, axis, keep_dims, ignore_nan

    def __call__(self, x):
        t = unwrap(x)
        fn = torch.nanmedian if self.ignore_nan else torch.median
        if self.global_median:
            return _w((fn(t), torch.zeros((), dtype=torch.int64, device=t.device)))
        return _w(fn(t, dim=self.axis, keepdim=self.keep_dims))


def _quantile(fn, name, input, q, axis, keepdims):
    if not input.is_floating_point():
        raise TypeError(f"For '{name}', the dtype of 'input' must be float32 or float64, but got {input.dtype}.")
    if isinstance(q, float):
        if not 0 <= q <= 1:
            raise ValueError(f"For '{name}', 'q' must be in [0, 1], but got {q}.")
        qt = torch.tensor(q, dtype=input.dtype, device=input.device)
    elif isinstance(q, torch.Tensor):
        if q.dim() > 1:
            raise ValueError(f"For '{name}', 'q' must be a scalar or 1-D, but got {q.dim()}-D.")
        qt = q.to(input.dtype)
    else:
        raise TypeError(f"For '{name}', 'q' must be a float or a Tensor, but got {type(q).__name__}.")
    return fn(input, qt, dim=axis, keepdim=keepdims)


@op(method="quantile", samples=(S(f32(2, 5), 0.3), S(f32(2, 5), 0.5, 1, True)))
def quantile(input, q, axis=None, keepdims=False):
    """The ``q``-th quantiles (linear interpolation) along ``axis`` (of all elements when None)."""
    return _quantile(torch.quantile, "quantile", input, q, axis, keepdims)


@op(method="nanquantile", samples=(S(V([[1.0, nan, 3.0], [2.0, 5.0, 1.0]]), 0.5, 1),))
def nanquantile(input, q, axis=None, keepdims=False):
    """``quantile`` ignoring NaNs."""
    return _quantile(torch.nanquantile, "nanquantile", input, q, axis, keepdims)


@method("kthvalue")
def _t_kthvalue(self, k, dim=-1, keepdim=False):
    """``(values, indices)`` of the ``k``-th smallest element along ``dim``."""
    v, i = torch.kthvalue(self._t, k, dim=dim, keepdim=keepdim)
    return Tensor._make(v), Tensor._make(i)


@prim("NthElement")
class NthElement(Primitive):
    """The ``n``-th smallest (or largest, ``reverse``) value along the last dimension."""

    def __init__(self, reverse=False):
        super().__init__("NthElement")
        self.reverse = reverse

    def __call__(self, input, n):
        t = unwrap(input)
        n = int(unwrap(n))
        if n < 0 or n >= t.shape[-1]:
            raise ValueError(f"For 'NthElement', 'n' must be in [0, {t.shape[-1]}), but got {n}.")
        s = torch.sort(t, dim=-1, descending=self.reverse).values
        return Tensor._make(s[..., n])


# ---------------------------------------------------------------------------------------------
# NaN-ignoring sums and means
# ---------------------------------------------------------------------------------------------
@op(method="nansum", samples=(S(V([[1.0, nan], [2.0, 3.0]])), S(V([[1.0, nan], [2.0, 3.0]]), 1)))
def nansum(input, axis=None, keepdims=False, *, dtype=None):
    """Sum treating NaNs as zero."""
    tdt = _tdt(dtype)
    if axis is None or axis == ():
        r = torch.nansum(input, dtype=tdt)
        return r.reshape((1,) * input.dim()) if keepdims else r
    if not input.is_floating_point():
        return torch.sum(input, dim=axis, keepdim=keepdims, dtype=tdt)
    return torch.nansum(input, dim=axis, keepdim=keepdims, dtype=tdt)


@op(method="nanmean", samples=(S(V([[1.0, nan], [2.0, 3.0]])), S(V([[1.0, nan], [2.0, 3.0]]), 1)))
def nanmean(input, axis=None, keepdims=False, *, dtype=None):
    """Mean of the non-NaN elements."""
    x = input if dtype is None else input.to(_tdt(dtype))
    if axis is None:
        r = torch.nanmean(x)
        return r.reshape((1,) * x.dim()) if keepdims else r
    return torch.nanmean(x, dim=axis, keepdim=keepdims)


# ---------------------------------------------------------------------------------------------
# scans as primitives (exclusive / reverse)
# ---------------------------------------------------------------------------------------------
def _scan(fn, x, axis, exclusive, reverse, fill):
    axis = int(unwrap(axis))
    if reverse:
        x = torch.flip(x, (axis,))
    r = fn(x, axis)
    if exclusive:
        pad = torch.full_like(r.narrow(axis, 0, 1), fill)
        r = torch.cat([pad, r.narrow(axis, 0, r.shape[axis] - 1)], axis)
    if reverse:
        r = torch.flip(r, (axis,))
    return r


@prim("CumSum")
class CumSum(Primitive):
    """Cumulative sum along ``axis``; ``exclusive`` shifts by one, ``reverse`` runs from the end."""

    def __init__(self, exclusive=False, reverse=False):
        super().__init__("CumSum")
        self.exclusive, self.reverse = exclusive, reverse

    def __call__(self, input, axis):
        t = unwrap(input)
        return Tensor._make(_scan(lambda a, d: torch.cumsum(a, d, dtype=a.dtype), t, axis, self.exclusive,
                                  self.reverse, 0))


@prim("CumulativeLogsumexp")
class CumulativeLogsumexp(Primitive):
    """Cumulative log-sum-exp along ``axis``; ``exclusive`` starts from -inf, ``reverse`` from the end."""

    def __init__(self, exclusive=False, reverse=False):
        super().__init__("CumulativeLogsumexp")
        self.exclusive, self.reverse = exclusive, reverse

    def __call__(self, x, axis):
        t = unwrap(x)     # exclusive: the first element is the dtype's lowest value (as the reference)
        return Tensor._make(_scan(torch.logcumsumexp, t, axis, self.exclusive, self.reverse,
                                  torch.finfo(t.dtype).min))


# ---------------------------------------------------------------------------------------------
# norms and sums of squares as primitives
# ---------------------------------------------------------------------------------------------
@prim("ReduceStd")
class ReduceStd(Primitive):
    """``(std, mean)`` over ``axis`` (all dims when empty), Bessel-corrected when ``unbiased``."""

    def __init__(self, axis=[], unbiased=True, keep_dims=False):  # noqa: B006  (the reference's default)
        super().__init__("ReduceStd")
        self.axis = tuple(axis) if isinstance(axis, (list, tuple)) else (axis,)
        self.unbiased, self.keep_dims = unbiased, keep_dims

    def __call__(self, input_x):
        t = unwrap(input_x)
        dims = _axis_tuple(self.axis, t.dim())
        s, m = torch.std_mean(t, dim=dims, correction=1 if self.unbiased else 0, keepdim=self.keep_dims)
        return Tensor._make(s), Tensor._make(m)


@prim("EuclideanNorm")
class EuclideanNorm(Primitive):
    """The 2-norm over ``axes``."""

    def __init__(self, keep_dims=False):
        super().__init__("EuclideanNorm")
        self.keep_dims = keep_dims

    def __call__(self, x, axes):
        t = unwrap(x)
        ax = unwrap(axes)
        ax = tuple(ax.tolist()) if isinstance(ax, torch.Tensor) else _axis_tuple(ax, t.dim())
        if t.is_floating_point() or t.is_complex():
            r = torch.linalg.vector_norm(t, 2, dim=ax, keepdim=self.keep_dims)
        else:
            r = torch.sqrt(torch.sum(t.double() ** 2, dim=ax, keepdim=self.keep_dims)).to(t.dtype)
        return Tensor._make(r)


@prim("LpNorm")
class LpNorm(Primitive):
    """The ``p``-norm over ``axis`` (0-norm counts non-zeros)."""

    def __init__(self, axis, p=2, keep_dims=False, epsilon=1e-12):
        super().__init__("LpNorm")
        self.axis = tuple(axis) if isinstance(axis, (list, tuple)) else (axis,)
        self.p, self.keep_dims, self.epsilon = p, keep_dims, epsilon

    def __call__(self, input):
        t = unwrap(input)
        return Tensor._make(torch.linalg.vector_norm(t, float(self.p), dim=self.axis, keepdim=self.keep_dims))


@prim("NuclearNorm")
class NuclearNorm(Primitive):
    """The nuclear norm (sum of singular values) of the matrices on dims ``dim`` (the last two when None)."""

    def __init__(self, dim=None, keepdim=False):
        super().__init__("NuclearNorm")
        self.dim, self.keepdim = dim, keepdim

    def __call__(self, input):
        t = unwrap(input)
        if self.dim is None and t.dim() != 2:
            raise ValueError(f"For 'NuclearNorm', when 'dim' is None the input must be 2-D, but got {t.dim()}-D.")
        dim = (-2, -1) if self.dim is None else tuple(self.dim)
        return Tensor._make(torch.linalg.matrix_norm(t, "nuc", dim=dim, keepdim=self.keepdim))


_attr_prim("SquareSumAll", [], lambda s, x, y: (torch.sum(x * x), torch.sum(y * y)),
           "``(sum(x**2), sum(y**2))`` over all elements.")


@prim("CountNonZero")
class CountNonZero(Primitive):
    """Number of non-zero elements over ``dims`` (all when None), as int64."""

    def __init__(self, dims=None):
        super().__init__("CountNonZero")
        self.dims = dims

    def __call__(self, x):
        t = unwrap(x)
        if self.dims is None or self.dims == () or self.dims == []:
            return Tensor._make(torch.count_nonzero(t).to(torch.int64))
        dims = (self.dims,) if isinstance(self.dims, int) else tuple(self.dims)
        return Tensor._make(torch.count_nonzero(t, dim=dims).to(torch.int64))


# ---------------------------------------------------------------------------------------------
# histograms and counts
# ---------------------------------------------------------------------------------------------
@prim("Bincount")
class Bincount(Primitive):
    """Counts (or sums of ``weights``) of each value in ``[0, size)`` of the int32 ``array``."""

    def __init__(self):
        super().__init__("Bincount")

    def __call__(self, array, size, weights):
        a, w = unwrap(array), unwrap(weights)
        n = int(unwrap(size))
        if n < 0:
            raise ValueError(f"For 'Bincount', 'size' must be non-negative, but got {n}.")
        keep = (a >= 0) & (a < n)
        r = torch.zeros(n, dtype=w.dtype, device=a.device)
        r.index_add_(0, a[keep].long(), w[keep])
        return Tensor._make(r)


@prim("Histogram")
class Histogram(Primitive):
    """Counts of ``x`` in ``bins`` equal-width bins over ``[min, max]`` (the data's range when equal)."""

    def __init__(self, bins=100, min=0.0, max=0.0):  # noqa: A002
        super().__init__("Histogram")
        if not isinstance(bins, int) or isinstance(bins, bool) or bins <= 0:
            raise ValueError(f"For 'Histogram', 'bins' must be a positive int, but got {bins}.")
        if min > max:
            raise ValueError(f"For 'Histogram', 'min' must not be greater than 'max', but got {min} > {max}.")
        self.bins, self.min, self.max = bins, float(min), float(max)

    def __call__(self, x):
        t = unwrap(x)
        r = torch.histc(t.float(), bins=self.bins, min=self.min, max=self.max)
        return Tensor._make(r.to(t.dtype))


@prim("HistogramFixedWidth")
class HistogramFixedWidth(Primitive):
    """Counts of ``x`` in ``nbins`` equal bins over ``range`` (values outside go to the end bins)."""

    def __init__(self, nbins, dtype="int32"):
        super().__init__("HistogramFixedWidth")
        if not isinstance(nbins, int) or nbins < 1:
            raise ValueError(f"For 'HistogramFixedWidth', 'nbins' must be a positive int, but got {nbins}.")
        self.nbins, self.dtype = nbins, dtype

    def __call__(self, x, range):  # noqa: A002
        t, rg = unwrap(x).double(), unwrap(range).double()
        lo, hi = rg[0], rg[1]
        idx = torch.floor((t - lo) / (hi - lo) * self.nbins).clamp(0, self.nbins - 1).long()
        r = torch.bincount(idx.reshape(-1), minlength=self.nbins)
        return Tensor._make(r.to(torch.int32))


# ---------------------------------------------------------------------------------------------
# searching sorted sequences
# ---------------------------------------------------------------------------------------------
@prim("SearchSorted")
class SearchSorted(Primitive):
    """Insertion indices of ``values`` into the innermost-sorted ``sorted_sequence``."""

    def __init__(self, dtype=mstype.int64, right=False):
        super().__init__("SearchSorted")
        self.dtype, self.right = dtype, right

    def __call__(self, sorted_sequence, values, sorter=None):
        r = torch.searchsorted(unwrap(sorted_sequence), unwrap(values), right=self.right,
                               sorter=None if sorter is None else unwrap(sorter).long())
        return Tensor._make(r.to(_tdt(self.dtype)))


def _bound(name, right):
    class _B(Primitive):
        def __init__(self, out_type=mstype.int32):
            super().__init__(name)
            self.out_type = out_type

        def __call__(self, sorted_x, values):
            s, v = unwrap(sorted_x), unwrap(values)
            if s.dim() != 2 or v.dim() != 2 or s.shape[0] != v.shape[0]:
                raise ValueError(f"For '{name}', 'sorted_x' and 'values' must be 2-D with the same number of "
                                 f"rows, but got shapes {tuple(s.shape)} and {tuple(v.shape)}.")
            return Tensor._make(torch.searchsorted(s, v, right=right).to(_tdt(self.out_type)))

    _B.__name__ = _B.__qualname__ = name
    _B.__doc__ = f"Per row: the {'first index > value' if right else 'first index >= value'} in ``sorted_x``."
    return prim(name)(_B)

LowerBound = _bound("LowerBound", False)

UpperBound = _bound("UpperBound", True)


@method("searchsorted")
def _t_searchsorted(self, v, side="left", sorter=None):
    """Insertion indices of ``v`` into this sorted tensor (``side`` 'left' or 'right'), as int64."""
    if side not in ("left", "right"):
        raise ValueError(f"For 'Tensor.searchsorted', 'side' must be 'left' or 'right', but got {side!r}.")
    vt = unwrap(v)
    if not isinstance(vt, torch.Tensor):
        vt = torch.as_tensor(vt, dtype=self._t.dtype, device=self._t.device)
    r = torch.searchsorted(self._t, vt, right=side == "right",
                           sorter=None if sorter is None else unwrap(sorter).long())
    return Tensor._make(r)


# ---------------------------------------------------------------------------------------------
# deprecated functional aliases the reference still exports (``ops.reduce_sum = P.ReduceSum()`` ...)
# ---------------------------------------------------------------------------------------------
def _reduce_alias(name, fn):
    def impl(x, axis=()):
        return fn(x, _axes(axis), False)

    impl.__name__ = name
    impl.__doc__ = f"``ops.{name}(x, axis=())``: the reduction over ``axis`` (all dims when empty)."
    return op(name, samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), 1), S(f32(2, 3, 4), (0, 2))))(impl)

_reduce_alias("reduce_sum", lambda x, a, k: torch.sum(x) if a is None else torch.sum(x, dim=a, keepdim=k))

_reduce_alias("reduce_mean", lambda x, a, k: _reduce_mean(x, a, k))

_reduce_alias("reduce_max", lambda x, a, k: torch.amax(x) if a is None else torch.amax(x, dim=a, keepdim=k))

_reduce_alias("reduce_min", lambda x, a, k: torch.amin(x) if a is None else torch.amin(x, dim=a, keepdim=k))


_keyword_aliases(median, {"dim": "axis", "keepdim": "keepdims"}, "median")

"""``mindspore.numpy.array_creations``: making arrays (Python ints become int32 and floats float32, as in the
reference; ``ones``/``zeros``/``eye``... default to float32)."""
from __future__ import annotations

import builtins
import math

import numpy as _np
import torch

from ..common import dtype as mstype
from ..common.tensor import Tensor
from ..ops._args import _varargs
from ._utils import _axis, _check_tensor, _dt, _guard, _name, _shape, _tt, _type_error, _w

__all__ = ['array', 'asarray', 'asfarray', 'ones', 'zeros', 'full', 'randn', 'rand', 'randint', 'arange',
           'linspace', 'logspace', 'eye', 'identity', 'empty', 'empty_like', 'ones_like', 'zeros_like',
           'full_like', 'diagonal', 'tril', 'triu', 'tri', 'trace', 'meshgrid', 'mgrid', 'ogrid', 'diagflat',
           'diag', 'diag_indices', 'ix_', 'indices', 'geomspace', 'vander', 'hamming', 'hanning', 'bartlett',
           'blackman', 'triu_indices', 'tril_indices', 'triu_indices_from', 'tril_indices_from',
           'histogram_bin_edges', 'pad', 'copy_']


def _arr(obj, op, name="obj"):
    if not isinstance(obj, (Tensor, bool, int, float, list, tuple)):
        _type_error(op, f"'{name}' must be a Tensor, a number, a list or a tuple", obj)
    return _tt(obj, op, name)


def array(obj, dtype=None, copy=True, ndmin=0):
    t = _arr(obj, "array")
    d = _dt(dtype, "array")
    t = t.to(d) if d is not None else t
    t = t.clone() if copy else t
    while t.ndim < ndmin:
        t = t.unsqueeze(0)
    return _w(t)


def asarray(a, dtype=None):
    t = _arr(a, "asarray", "a")
    d = _dt(dtype, "asarray")
    return _w(t.to(d) if d is not None else t)


def asfarray(a, dtype=mstype.float32):
    t = _arr(a, "asfarray", "a")
    d = _dt(dtype, "asfarray")
    if not d.is_floating_point:         # a non-float dtype falls back to float32
        d = torch.float32
    return _w(t.to(d))


def copy_(a):
    return _w(_arr(a, "copy", "a").clone())


def ones(shape, dtype=mstype.float32):
    return _w(torch.ones(_shape(shape, "ones"), dtype=_dt(dtype, "ones")))


def zeros(shape, dtype=mstype.float32):
    return _w(torch.zeros(_shape(shape, "zeros"), dtype=_dt(dtype, "zeros")))


def empty(shape, dtype=mstype.float32):
    return _w(torch.empty(_shape(shape, "empty"), dtype=_dt(dtype, "empty")))


def full(shape, fill_value, dtype=None):
    v = _tt(fill_value, "full", "fill_value")
    d = _dt(dtype, "full") or v.dtype
    return _w(torch.broadcast_to(v.to(d), _shape(shape, "full")).clone())


def _rand_shape(shape, op):
    return _shape(tuple(_varargs(shape)), op)


def _float_dtype(dtype, op):
    d = _dt(dtype, op)
    if not d.is_floating_point:
        raise TypeError(f"{_name(op)}, 'dtype' must be a float type, but got {dtype}.")
    return d


def rand(*shape, dtype=mstype.float32):
    return _w(torch.rand(_rand_shape(shape, "rand"), dtype=_float_dtype(dtype, "rand")))


def randn(*shape, dtype=mstype.float32):
    return _w(torch.randn(_rand_shape(shape, "randn"), dtype=_float_dtype(dtype, "randn")))


def randint(minval, maxval=None, shape=None, dtype=mstype.int32):
    if maxval is None:
        minval, maxval = 0, minval
    for n, v in (("minval", minval), ("maxval", maxval)):
        if isinstance(v, bool) or not isinstance(v, int):
            _type_error("randint", f"'{n}' must be an int", v)
    if maxval <= minval:
        raise ValueError(f"{_name('randint')}, 'maxval' ({maxval}) must be greater than 'minval' ({minval}).")
    d = _dt(dtype, "randint")
    if d not in (torch.int8, torch.int16, torch.int32, torch.uint8):
        raise TypeError(f"{_name('randint')}, 'dtype' must be int8, int16, int32 or uint8, but got {dtype}.")
    s = () if shape is None else _shape(shape, "randint")
    return _w(torch.randint(minval, maxval, s, dtype=torch.int64).to(d))


def arange(start, stop=None, step=None, dtype=None):
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    is_float = False
    vals = []
    for n, v in (("start", start), ("stop", stop), ("step", step)):
        if isinstance(v, Tensor) and v.ndim == 0:      # a 0-d Tensor counts as a float (float32 result)
            v, is_float = float(v._t.item()), True
        elif isinstance(v, (_np.integer, _np.floating)):    # so does a NumPy scalar (not a Python int)
            v, is_float = float(v), True
        elif isinstance(v, bool) or not isinstance(v, (int, float)):
            _type_error("arange", f"'{n}' must be int or float", v)
        vals.append(v)
    start, stop, step = vals
    if step == 0:
        raise ZeroDivisionError(f"{_name('arange')}, 'step' must not be 0.")
    is_float = is_float or any(isinstance(v, float) for v in (start, stop, step))
    d = _dt(dtype, "arange") or (torch.float32 if is_float else torch.int32)
    return _w(torch.arange(start, stop, step, dtype=torch.float64 if is_float else torch.int64).to(d))


def _space(start, stop, num, endpoint, axis, op):
    """float64 grid of ``num`` points from start to stop along a new axis (moved to ``axis``), and the step."""
    if isinstance(num, bool) or not isinstance(num, int):
        raise TypeError(f"{_name(op)}, 'num' must be an int, but got {num!r}.")
    if num < 0:
        raise ValueError(f"{_name(op)}, 'num' must be non-negative, but got {num}.")
    s = _tt(start, op, "start").to(torch.float64)
    e = _tt(stop, op, "stop").to(torch.float64)
    s, e = torch.broadcast_tensors(s, e)
    div = (num - 1) if endpoint else num
    step = (e - s) / div if div > 0 else torch.full_like(e, float("nan"))
    idx = torch.arange(num, dtype=torch.float64).reshape((num,) + (1,) * s.ndim)
    out = s + idx * step if num > 1 else s.unsqueeze(0).expand((num,) + s.shape).clone()
    if endpoint and num > 1:
        out[-1] = e
    return torch.movedim(out, 0, _axis(axis, out.ndim, op)), step


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    d = _dt(dtype, "linspace") or torch.float32
    out, step = _space(start, stop, num, endpoint, axis, "linspace")
    out = out.to(d)
    return (_w(out), _w(step.to(d))) if retstep else _w(out)


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    d = _dt(dtype, "logspace") or torch.float32
    out, _ = _space(start, stop, num, endpoint, axis, "logspace")
    return _w(torch.pow(float(base), out).to(d))


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    d = _dt(dtype, "geomspace")
    s = _tt(start, "geomspace", "start").to(torch.float32)
    e = _tt(stop, "geomspace", "stop").to(torch.float32)
    s, e = torch.broadcast_tensors(s, e)
    root = num - 1 if endpoint else num
    base = torch.pow(e / s, torch.tensor(1.0 / root, dtype=torch.float32))     # float32 ratio, as the reference
    expo, _ = _space(_w(torch.zeros_like(base)), _w(torch.full_like(base, root)), num, endpoint, axis, "geomspace")
    expo = expo.to(d or torch.float32)      # the exponents take ``dtype`` too (int exponents for an int dtype)
    ax = _axis(axis, base.ndim + 1, "geomspace")
    out = torch.pow(base.unsqueeze(ax), expo) * s.unsqueeze(ax)
    return _w(out.to(d) if d is not None else out.to(torch.float32))


def _eye(n, m, k, d):
    r = torch.arange(n).unsqueeze(1)
    c = torch.arange(m).unsqueeze(0)
    return (c - r == k).to(d)


def _int_arg(v, name, op):
    if isinstance(v, bool) or not isinstance(v, int):
        _type_error(op, f"'{name}' must be an int", v)
    return v


def eye(N, M=None, k=0, dtype=mstype.float32):
    N = _int_arg(N, "N", "eye")
    M = N if M is None else _int_arg(M, "M", "eye")
    return _w(_eye(N, M, _int_arg(k, "k", "eye"), _dt(dtype, "eye")))


def identity(n, dtype=mstype.float32):
    n = _int_arg(n, "n", "identity")
    return _w(_eye(n, n, 0, _dt(dtype, "identity")))


def tri(N, M=None, k=0, dtype=mstype.float32):
    M = N if M is None else M
    r = torch.arange(N).unsqueeze(1)
    c = torch.arange(M).unsqueeze(0)
    return _w((c - r <= k).to(_dt(dtype, "tri")))


def _like(a, dtype, shape, op):
    t = _tt(a, op, "a")
    d = _dt(dtype, op) or t.dtype
    s = tuple(t.shape) if shape is None else _shape(shape, op)
    return s, d


def ones_like(a, dtype=None, shape=None):
    s, d = _like(a, dtype, shape, "ones_like")
    return _w(torch.ones(s, dtype=d))


def zeros_like(a, dtype=None, shape=None):
    s, d = _like(a, dtype, shape, "zeros_like")
    return _w(torch.zeros(s, dtype=d))


def empty_like(prototype, dtype=None, shape=None):
    s, d = _like(prototype, dtype, shape, "empty_like")
    return _w(torch.empty(s, dtype=d))


def full_like(a, fill_value, dtype=None, shape=None):
    s, d = _like(a, dtype, shape, "full_like")
    v = _tt(fill_value, "full_like", "fill_value")
    return _w(torch.broadcast_to(v.to(d), s).clone())


def diagonal(a, offset=0, axis1=0, axis2=1):
    t = _tt(a, "diagonal", "a")
    if t.ndim < 2:
        raise ValueError(f"{_name('diagonal')}, the input must have at least 2 dimensions, but got {t.ndim}.")
    return _w(torch.diagonal(t, offset, _axis(axis1, t.ndim, "diagonal"), _axis(axis2, t.ndim, "diagonal")).clone())


def _tri_mask(t, k, lower):
    n, m = t.shape[-2], t.shape[-1]
    r = torch.arange(n).unsqueeze(1)
    c = torch.arange(m).unsqueeze(0)
    return (c - r <= k) if lower else (c - r >= k)


def tril(m, k=0):
    t = _tt(m, "tril", "m")
    if t.ndim == 1:
        t = t.unsqueeze(0).expand(t.shape[0], t.shape[0])
    return _w(torch.where(_tri_mask(t, k, True), t, torch.zeros((), dtype=t.dtype)))


def triu(m, k=0):
    t = _tt(m, "triu", "m")
    if t.ndim == 1:
        t = t.unsqueeze(0).expand(t.shape[0], t.shape[0])
    return _w(torch.where(_tri_mask(t, k, False), t, torch.zeros((), dtype=t.dtype)))


def trace(a, offset=0, axis1=0, axis2=1, dtype=None):
    t = _tt(a, "trace", "a")
    if t.ndim < 2:
        raise ValueError(f"{_name('trace')}, the input must have at least 2 dimensions, but got {t.ndim}.")
    dg = torch.diagonal(t, offset, _axis(axis1, t.ndim, "trace"), _axis(axis2, t.ndim, "trace"))
    d = _dt(dtype, "trace")
    out = dg.sum(-1) if dg.shape[-1] else torch.zeros(dg.shape[:-1], dtype=t.dtype)
    if d is not None:
        out = out.to(d)
    return _w(out)


def meshgrid(*xi, sparse=False, indexing="xy"):
    _check_tensor("meshgrid", *xi)
    if indexing not in ("xy", "ij"):
        raise TypeError(f"{_name('meshgrid')}, 'indexing' must be 'xy' or 'ij', but got {indexing!r}.")
    ts = [x._t.flatten() for x in xi]
    n = len(ts)
    shapes = [t.numel() for t in ts]
    if indexing == "xy" and n >= 2:
        shapes[0], shapes[1] = shapes[1], shapes[0]
    out = []
    for i, t in enumerate(ts):
        j = i if indexing == "ij" or n < 2 else {0: 1, 1: 0}.get(i, i)
        view = [1] * n
        view[j] = t.numel()
        g = t.reshape(view)
        out.append(g if sparse else g.expand(shapes).clone())
    return [_w(g) for g in out]


class _Grid:
    """``mgrid`` / ``ogrid``: index with slices; a complex step is a point count (end included)."""

    def __init__(self, sparse):
        self._sparse = sparse

    def __getitem__(self, keys):
        single = not isinstance(keys, tuple)
        keys = (keys,) if single else keys
        axes = []
        for k in keys:
            if not isinstance(k, slice):
                raise TypeError(f"{_name('mgrid')}, the index must be slices, but got {type(k).__name__}.")
            start = 0 if k.start is None else k.start
            step = 1 if k.step is None else k.step
            if isinstance(step, complex):
                num = int(abs(step))
                axes.append(torch.linspace(float(start), float(k.stop), num, dtype=torch.float64).to(torch.float32))
                continue
            is_float = any(isinstance(v, float) for v in (start, k.stop, step))
            axes.append(torch.arange(start, k.stop, step, dtype=torch.float64 if is_float else torch.int64))
        is_float = any(a.is_floating_point() for a in axes)
        axes = [a.to(torch.float32 if is_float else torch.int32) for a in axes]
        if single:
            return _w(axes[0])
        if self._sparse:
            n = len(axes)
            return [_w(a.reshape([-1 if i == j else 1 for j in range(n)])) for i, a in enumerate(axes)]
        return _w(torch.stack(torch.meshgrid(*axes, indexing="ij")))


mgrid = _Grid(False)
ogrid = _Grid(True)


def diag(v, k=0):
    _check_tensor("diag", v)
    t = v._t
    if t.ndim == 1:
        n = t.shape[0] + abs(k)
        out = torch.zeros((n, n), dtype=t.dtype)
        return _w(out + torch.diag(t, k))
    if t.ndim == 2:
        return _w(torch.diagonal(t, k).clone())
    raise ValueError(f"{_name('diag')}, the input must be 1-D or 2-D, but got {t.ndim}-D.")


def diagflat(v, k=0):
    _check_tensor("diagflat", v)
    return _w(torch.diag(v._t.flatten(), k))


def diag_indices(n, ndim=2):
    if isinstance(n, bool) or not isinstance(n, int):
        _type_error("diag_indices", "'n' must be an int", n)
    return tuple(_w(torch.arange(n, dtype=torch.int32)) for _ in range(ndim))


def ix_(*args):
    _check_tensor("ix_", *args)
    n = len(args)
    out = []
    for i, a in enumerate(args):
        if a.ndim != 1:
            raise ValueError(f"{_name('ix_')}, each input must be 1-D, but got {a.ndim}-D.")
        t = a._t.nonzero().flatten().to(torch.int32) if a._t.dtype == torch.bool else a._t
        out.append(_w(t.reshape([-1 if j == i else 1 for j in range(n)])))
    return tuple(out)


def indices(dimensions, dtype=mstype.int32, sparse=False):
    dims = _shape(dimensions, "indices")
    d = _dt(dtype, "indices")
    n = len(dims)
    out = []
    for i, s in enumerate(dims):
        g = torch.arange(s).reshape([-1 if j == i else 1 for j in range(n)])
        out.append(_w((g if sparse else g.expand(dims).clone()).to(d)))
    return out


def vander(x, N=None, increasing=False):
    t = _tt(x, "vander", "x")
    if t.dtype == torch.bool:
        raise TypeError(f"{_name('vander')}, a bool input is not supported (as in the reference).")
    if t.ndim != 1:
        raise ValueError(f"{_name('vander')}, 'x' must be 1-D, but got {t.ndim}-D.")
    n = t.shape[0] if N is None else N
    p = torch.arange(n)
    if not increasing:
        p = p.flip(0)
    out = t.unsqueeze(1).to(torch.float64) ** p.unsqueeze(0)
    return _w(out.to(t.dtype))


def _window(M, op, fn):
    if isinstance(M, bool) or not isinstance(M, int):
        _type_error(op, "'M' must be an int", M)
    if M <= 0:
        return _w(torch.zeros(0, dtype=torch.float32))
    if M == 1:
        return _w(torch.ones(1, dtype=torch.float32))
    n = torch.arange(M, dtype=torch.float64)
    return _w(fn(n, M).to(torch.float32))


def hamming(M):
    return _window(M, "hamming", lambda n, m: 0.54 - 0.46 * torch.cos(2 * math.pi * n / (m - 1)))


def hanning(M):
    return _window(M, "hanning", lambda n, m: 0.5 - 0.5 * torch.cos(2 * math.pi * n / (m - 1)))


def bartlett(M):
    return _window(M, "bartlett", lambda n, m: 1 - torch.abs(2 * n / (m - 1) - 1))


def blackman(M):
    return _window(M, "blackman", lambda n, m: 0.42 - 0.5 * torch.cos(2 * math.pi * n / (m - 1))
                   + 0.08 * torch.cos(4 * math.pi * n / (m - 1)))


def _tri_indices(n, k, m, lower):
    m = n if m is None else m
    r = torch.arange(n).unsqueeze(1)
    c = torch.arange(m).unsqueeze(0)
    mask = (c - r <= k) if lower else (c - r >= k)
    idx = mask.nonzero()
    return _w(idx[:, 0].to(torch.int32)), _w(idx[:, 1].to(torch.int32))


def triu_indices(n, k=0, m=None):
    return _tri_indices(n, k, m, False)


def tril_indices(n, k=0, m=None):
    return _tri_indices(n, k, m, True)


def _from_2d(arr, op):
    _check_tensor(op, arr)
    if arr.ndim != 2:
        raise ValueError(f"{_name(op)}, the input must be 2-D, but got {arr.ndim}-D.")
    return arr.shape


def triu_indices_from(arr, k=0):
    n, m = _from_2d(arr, "triu_indices_from")
    return _tri_indices(n, k, m, False)


def tril_indices_from(arr, k=0):
    n, m = _from_2d(arr, "tril_indices_from")
    return _tri_indices(n, k, m, True)


def _bin_edges(t, bins, range, op):
    """Edges (float64) for a histogram of ``t``; ``bins`` an int or a sequence of edges."""
    if isinstance(bins, (list, tuple, Tensor)):
        e = _tt(bins, op, "bins")
        return e, e.dtype
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
        raise ValueError(f"{_name(op)}, 'bins' must be a positive int or a sequence, but got {bins!r}.")
    if range is None:
        lo, hi = (t.min().double(), t.max().double()) if t.numel() else (torch.tensor(0.0), torch.tensor(1.0))
    else:
        lo, hi = torch.tensor(float(range[0]), dtype=torch.float64), torch.tensor(float(range[1]),
                                                                                  dtype=torch.float64)
        if lo > hi:
            raise ValueError(f"{_name(op)}, 'range' max must be larger than min, but got {range}.")
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    lo, hi = lo.float(), hi.float()     # float32 steps, as the reference's linspace
    step = (hi - lo) / bins
    e = lo + torch.arange(bins + 1, dtype=torch.float32) * step
    e[-1] = hi
    return e, torch.float32


def histogram_bin_edges(a, bins=10, range=None, weights=None):   # noqa: A002 - the reference's name
    t = _tt(a, "histogram_bin_edges", "a")
    e, d = _bin_edges(t.flatten(), bins, range, "histogram_bin_edges")
    return _w(e.to(d))


def _pad_width(pw, ndim, op):
    p = _tt(pw, op, "pad_width") if not isinstance(pw, int) else torch.tensor(pw)
    p = torch.broadcast_to(p.to(torch.int64).reshape(-1, 2) if p.numel() % 2 == 0 and p.ndim > 0 and p.numel() > 1
                           else p.to(torch.int64).reshape(1, -1).expand(1, 2), (ndim, 2))
    return [tuple(int(v) for v in row) for row in p.tolist()]


def _stat(t, mode, stat_length, before, after, axis):
    n = t.shape[axis]

    def red(x):
        if mode == "maximum":
            return x.amax(axis, keepdim=True)
        if mode == "minimum":
            return x.amin(axis, keepdim=True)
        r = x.double().mean(axis, keepdim=True)
        return torch.round(r).to(x.dtype) if not x.is_floating_point() else r.to(x.dtype)
    sl = n if stat_length is None else builtins.min(stat_length, n)
    lo = red(t.narrow(axis, 0, sl))
    hi = red(t.narrow(axis, n - sl, sl))
    shape_b = list(t.shape)
    shape_b[axis] = before
    shape_a = list(t.shape)
    shape_a[axis] = after
    return torch.cat([lo.expand(shape_b), t, hi.expand(shape_a)], axis)


def pad(arr, pad_width, mode="constant", stat_length=None, constant_values=0, end_values=0,
        reflect_type="even", **kwargs):
    t = _tt(arr, "pad", "arr")
    pw = _pad_width(pad_width, t.ndim, "pad")
    if callable(mode):
        raise TypeError(f"{_name('pad')}, a function 'mode' is not supported.")
    if mode == "constant":
        if not isinstance(constant_values, (int, Tensor)) and not (isinstance(constant_values, (tuple, list))):
            _type_error("pad", "'constant_values' must be an int, a tuple or a Tensor", constant_values)
        cv = _pad_width(constant_values, t.ndim, "pad") if not isinstance(constant_values, Tensor) else None
        for ax, (b, a) in enumerate(pw):
            cb, ca = cv[ax] if cv is not None else (constant_values._t, constant_values._t)
            sb, sa = list(t.shape), list(t.shape)
            sb[ax], sa[ax] = b, a
            t = torch.cat([torch.full(sb, 0, dtype=t.dtype) + torch.as_tensor(cb).to(t.dtype), t,
                           torch.full(sa, 0, dtype=t.dtype) + torch.as_tensor(ca).to(t.dtype)], ax)
        return _w(t)
    if mode in ("edge", "wrap", "reflect", "symmetric"):
        for ax, (b, a) in enumerate(pw):
            n = t.shape[ax]
            idx = torch.arange(-b, n + a)
            if mode == "edge":
                idx = idx.clamp(0, n - 1)
            elif mode == "wrap":
                idx = idx % n
            elif mode == "reflect":
                period = builtins.max(2 * (n - 1), 1)
                idx = idx % period
                idx = torch.where(idx >= n, period - idx, idx)
            else:
                period = 2 * n
                idx = idx % period
                idx = torch.where(idx >= n, period - 1 - idx, idx)
            src = t
            t = torch.index_select(src, ax, idx)
            if reflect_type == "odd" and mode in ("reflect", "symmetric") and n:
                shp = [1] * t.ndim
                shp[ax] = -1
                pos = torch.arange(-b, n + a).reshape(shp)
                first, last = src.narrow(ax, 0, 1), src.narrow(ax, n - 1, 1)
                t = torch.where(pos < 0, 2 * first - t, torch.where(pos >= n, 2 * last - t, t))
        return _w(t)
    if mode in ("maximum", "minimum", "mean"):
        sl = stat_length
        for ax, (b, a) in enumerate(pw):
            t = _stat(t, mode, sl if isinstance(sl, (int, type(None))) else None, b, a, ax)
        return _w(t)
    if mode == "linear_ramp":
        ev = _pad_width(end_values, t.ndim, "pad")
        for ax, (b, a) in enumerate(pw):
            n = t.shape[ax]
            first = t.narrow(ax, 0, 1).double()
            last = t.narrow(ax, n - 1, 1).double()
            shp = [1] * t.ndim
            parts = []
            if b:
                shp[ax] = b
                w = (torch.arange(b, dtype=torch.float64) / b).reshape(shp)
                parts.append(ev[ax][0] + (first - ev[ax][0]) * w)
            parts.append(t.double())
            if a:
                shp[ax] = a
                w = (torch.arange(1, a + 1, dtype=torch.float64) / a).reshape(shp)
                parts.append(last + (ev[ax][1] - last) * w)
            t = torch.cat(parts, ax).to(t.dtype)
        return _w(t)
    if mode in ("median", "empty"):
        raise NotImplementedError(f"{_name('pad')}, mode {mode!r} is not supported (as in the reference).")
    raise ValueError(f"{_name('pad')}, 'mode' {mode!r} is not a supported mode.")



_guard(globals(), __all__)

# names the reference's module also carries (imported from its sibling modules), so those paths resolve
from .array_ops import (  # noqa: E402, F401
    apply_along_axis,
    broadcast_arrays,
    broadcast_to,
    concatenate,
    flip,
    moveaxis,
    ravel,
    reshape,
    where,
)
from .dtypes import nan, pi  # noqa: E402, F401

"""``mindspore.numpy``: the NumPy-style functions model code calls (mindcv uses arange, tile, roll, split, ones).

Arrays are lightspore Tensors. Python ints become int32 and floats float32, as in the reference. Only the
functions listed in ``__all__`` are built; the rest of the reference's ``mindspore.numpy`` is absent.
"""
from __future__ import annotations

import torch

from ..common import dtype as mstype
from ..common.tensor import Tensor
from ..ops._args import _shape_arg

__all__ = ["arange", "ones", "zeros", "full", "ones_like", "zeros_like", "full_like", "eye", "linspace", "tile",
           "roll", "split", "concatenate", "stack", "reshape", "transpose", "expand_dims", "squeeze", "where",
           "meshgrid", "cumsum", "clip", "sum", "mean", "asarray", "array"]


def _t(a, where):
    if isinstance(a, Tensor):
        return a._t
    if isinstance(a, (bool, int, float, list, tuple)):
        return _from_py(a)
    raise TypeError(f"For 'mindspore.numpy.{where}', the input must be a Tensor, a number, a list or a tuple, "
                    f"but got {type(a).__name__}.")


def _from_py(a):
    t = torch.as_tensor(a)
    if t.dtype == torch.int64:
        t = t.to(torch.int32)
    elif t.dtype == torch.float64:
        t = t.to(torch.float32)
    return t


def _dt(dtype, where):
    return None if dtype is None else mstype.to_torch(mstype.check_dtype(dtype, f"mindspore.numpy.{where}"))


def _w(t):
    return Tensor._make(t)


def _shape(shape, where):
    return _shape_arg(shape, f"mindspore.numpy.{where}")     # the op table's shape check


def asarray(a, dtype=None):
    t = _t(a, "asarray")
    d = _dt(dtype, "asarray")
    return _w(t.to(d) if d is not None else t)


def array(obj, dtype=None, copy=True, ndmin=0):
    t = _t(obj, "array")
    d = _dt(dtype, "array")
    t = t.to(d) if d is not None else t
    t = t.clone() if copy else t
    while t.ndim < ndmin:
        t = t.unsqueeze(0)
    return _w(t)


def arange(start, stop=None, step=None, dtype=None):
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    for n, v in (("start", start), ("stop", stop), ("step", step)):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise TypeError(f"For 'mindspore.numpy.arange', '{n}' must be int or float, but got {type(v).__name__}.")
    if step == 0:
        raise ZeroDivisionError("For 'mindspore.numpy.arange', 'step' must not be 0.")
    is_float = any(isinstance(v, float) for v in (start, stop, step))
    d = _dt(dtype, "arange") or (torch.float32 if is_float else torch.int32)
    return _w(torch.arange(start, stop, step, dtype=torch.float64 if is_float else torch.int64).to(d))


def ones(shape, dtype=mstype.float32):
    return _w(torch.ones(_shape(shape, "ones"), dtype=_dt(dtype, "ones")))


def zeros(shape, dtype=mstype.float32):
    return _w(torch.zeros(_shape(shape, "zeros"), dtype=_dt(dtype, "zeros")))


def full(shape, fill_value, dtype=None):
    v = _t(fill_value, "full")
    d = _dt(dtype, "full") or v.dtype
    return _w(torch.broadcast_to(v.to(d), _shape(shape, "full")).clone())


def _like(a, dtype, shape, where):
    t = _t(a, where)
    d = _dt(dtype, where) or t.dtype
    s = tuple(t.shape) if shape is None else _shape(shape, where)
    return s, d


def ones_like(a, dtype=None, shape=None):
    s, d = _like(a, dtype, shape, "ones_like")
    return _w(torch.ones(s, dtype=d))


def zeros_like(a, dtype=None, shape=None):
    s, d = _like(a, dtype, shape, "zeros_like")
    return _w(torch.zeros(s, dtype=d))


def full_like(a, fill_value, dtype=None, shape=None):
    s, d = _like(a, dtype, shape, "full_like")
    return _w(torch.full(s, fill_value, dtype=d))


def eye(N, M=None, k=0, dtype=mstype.float32):
    M = N if M is None else M
    return _w(_eye(N, M, k, _dt(dtype, "eye")))


def _eye(n, m, k, d):
    r = torch.arange(n).unsqueeze(1)
    c = torch.arange(m).unsqueeze(0)
    return (c - r == k).to(d)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    d = _dt(dtype, "linspace") or torch.float32
    s = _t(start, "linspace").to(torch.float64)
    e = _t(stop, "linspace").to(torch.float64)
    div = (num - 1) if endpoint else num
    step = (e - s) / div if div > 0 else torch.full_like(e - s, float("nan"))
    idx = torch.arange(num, dtype=torch.float64).reshape((num,) + (1,) * (s + e).ndim)
    out = s + idx * step if num > 1 else s.unsqueeze(0).expand((num,) + s.shape)
    if endpoint and num > 1:
        out[-1] = e
    out = torch.movedim(out, 0, axis).to(d)
    return (_w(out), _w(step.to(d))) if retstep else _w(out)


def tile(a, reps):
    t = _t(a, "tile")
    reps = (reps,) if isinstance(reps, int) else tuple(reps)
    return _w(t.tile(reps))


def roll(a, shift, axis=None):
    t = _t(a, "roll")
    if axis is None:
        return _w(torch.roll(t.flatten(), shift).reshape(t.shape))
    return _w(torch.roll(t, shift, axis))


def split(x, indices_or_sections, axis=0):
    t = _t(x, "split")
    if isinstance(indices_or_sections, int):
        if t.shape[axis] % indices_or_sections:
            raise ValueError(f"For 'mindspore.numpy.split', the size of axis {axis} ({t.shape[axis]}) must be "
                             f"divisible by 'indices_or_sections' ({indices_or_sections}).")
        parts = torch.tensor_split(t, indices_or_sections, axis)
    elif isinstance(indices_or_sections, (list, tuple)):
        return [_w(p) for p in torch.tensor_split(t, list(indices_or_sections), axis)]   # a list, as the reference
    else:
        raise TypeError(f"For 'mindspore.numpy.split', 'indices_or_sections' must be an int, a list or a tuple, "
                        f"but got {type(indices_or_sections).__name__}.")
    return tuple(_w(p) for p in parts)


def _many(arrays, where):
    if isinstance(arrays, Tensor):
        return list(arrays._t.unbind(0))
    return [_t(a, where) for a in arrays]


def concatenate(arrays, axis=0):
    ts = _many(arrays, "concatenate")
    if axis is None:
        return _w(torch.cat([t.flatten() for t in ts]))
    return _w(torch.cat(ts, axis))


def stack(arrays, axis=0):
    return _w(torch.stack(_many(arrays, "stack"), axis))


def reshape(x, new_shape):
    return _w(_t(x, "reshape").reshape(_shape(new_shape, "reshape")))


def transpose(a, axes=None):
    t = _t(a, "transpose")
    return _w(t.permute(*(reversed(range(t.ndim)) if axes is None else axes)))


def expand_dims(a, axis):
    t = _t(a, "expand_dims")
    for ax in sorted(axis if isinstance(axis, (tuple, list)) else (axis,)):
        t = t.unsqueeze(ax)
    return _w(t)


def squeeze(a, axis=None):
    t = _t(a, "squeeze")
    if axis is None:
        return _w(t.squeeze())
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    return _w(t.squeeze(tuple(axes)))   # an axis whose size is not 1 is left as it is (as the reference does)


def where(condition, x=None, y=None):
    c = _t(condition, "where")
    if x is None or y is None:      # the reference has no one-argument form
        raise TypeError("For 'mindspore.numpy.where', 'x' and 'y' must be array-like (Tensor, number, list).")
    return _w(torch.where(c.bool(), _t(x, "where"), _t(y, "where")))


def meshgrid(*xi, sparse=False, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise TypeError(f"For 'mindspore.numpy.meshgrid', 'indexing' must be 'xy' or 'ij', but got {indexing!r}.")
    ts = [_t(x, "meshgrid").flatten() for x in xi]
    grids = torch.meshgrid(*ts, indexing=indexing)
    if sparse:
        n = len(ts)
        out = []
        for i, t in enumerate(ts):
            shape = [1] * n
            j = i if indexing == "ij" or n < 2 else {0: 1, 1: 0}.get(i, i)
            shape[j] = t.numel()
            out.append(t.reshape(shape))
        grids = out
    return [_w(g) for g in grids]     # a list, as the reference


def cumsum(a, axis=None, dtype=None):
    t = _t(a, "cumsum")
    d = _dt(dtype, "cumsum")
    if d is None and not t.is_floating_point():     # integer sums keep int32/int64; narrower ones widen to int32
        d = t.dtype if t.dtype in (torch.int32, torch.int64) else torch.int32
    if axis is None:
        t, axis = t.flatten(), 0
    return _w(torch.cumsum(t, axis, dtype=d))


def clip(x, xmin, xmax, dtype=None):
    t = _t(x, "clip")
    if xmin is None and xmax is None:
        raise ValueError("For 'mindspore.numpy.clip', 'xmin' and 'xmax' must not both be None.")
    lo = None if xmin is None else _t(xmin, "clip")
    hi = None if xmax is None else _t(xmax, "clip")
    out = torch.clamp(t, lo, hi).to(t.dtype)
    d = _dt(dtype, "clip")
    return _w(out.to(d) if d is not None else out)


def _axes(axis):
    return None if axis is None else (tuple(axis) if isinstance(axis, (tuple, list)) else (axis,))


def sum(a, axis=None, dtype=None, keepdims=False, initial=None):
    t = _t(a, "sum")
    d = _dt(dtype, "sum")
    if d is None and t.dtype == torch.bool:
        d = torch.float32
    ax = _axes(axis)
    out = torch.sum(t, dim=ax, keepdim=keepdims, dtype=d) if ax is not None else \
        (torch.sum(t, dtype=d).reshape((1,) * t.ndim) if keepdims else torch.sum(t, dtype=d))
    if initial is not None:
        out = out + initial
    return _w(out)


def mean(a, axis=None, keepdims=False, dtype=None):
    t = _t(a, "mean")
    d = _dt(dtype, "mean")
    if not t.is_floating_point():       # the reference averages integers into their own dtype (truncating)
        d = d or t.dtype
        t = t.to(torch.float32)
    ax = _axes(axis)
    out = torch.mean(t, dim=ax, keepdim=keepdims) if ax is not None else \
        (torch.mean(t).reshape((1,) * t.ndim) if keepdims else torch.mean(t))
    return _w(out.to(d) if d is not None else out)

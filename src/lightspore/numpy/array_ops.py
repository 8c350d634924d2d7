"""``mindspore.numpy.array_ops``: reshaping, joining, splitting, indexing and reordering arrays."""
from __future__ import annotations

import builtins

import numpy as _np
import torch

from ..common.tensor import Tensor
from ._utils import _axes, _axis, _check_tensor, _guard, _name, _promote, _shape, _tt, _type_error, _w

__all__ = ['transpose', 'expand_dims', 'squeeze', 'rollaxis', 'swapaxes', 'reshape', 'ravel', 'concatenate',
           'where', 'atleast_1d', 'atleast_2d', 'atleast_3d', 'column_stack', 'hstack', 'dstack', 'vstack',
           'stack', 'unique', 'moveaxis', 'tile', 'broadcast_to', 'broadcast_arrays', 'append', 'roll', 'split',
           'vsplit', 'flip', 'flipud', 'fliplr', 'hsplit', 'dsplit', 'take_along_axis', 'take', 'repeat',
           'rot90', 'select', 'array_split', 'choose', 'size', 'array_str', 'apply_along_axis', 'piecewise',
           'unravel_index', 'apply_over_axes', 'argwhere', 'intersect1d']


def transpose(a, axes=None):
    _check_tensor("transpose", a)
    t = a._t
    if axes is None:
        return _w(t.permute(*reversed(range(t.ndim))))
    ax = tuple(_axis(x, t.ndim, "transpose") for x in axes)
    if sorted(ax) != list(range(t.ndim)):
        raise ValueError(f"{_name('transpose')}, 'axes' {axes} is not a permutation of the {t.ndim} axes.")
    return _w(t.permute(*ax))


def expand_dims(a, axis):
    _check_tensor("expand_dims", a)
    t = a._t
    axs = axis if isinstance(axis, (tuple, list)) else (axis,)
    n = t.ndim + len(axs)
    for ax in sorted(_axis(x, n, "expand_dims") for x in axs):
        t = t.unsqueeze(ax)
    return _w(t)


def squeeze(a, axis=None):
    _check_tensor("squeeze", a)
    t = a._t
    if axis is None:
        return _w(t.squeeze())
    axs = tuple(ax for ax in _axes(axis, t.ndim, "squeeze") if t.shape[ax] == 1)   # others stay, as the reference
    return _w(t.squeeze(axs)) if axs else _w(t)


def rollaxis(x, axis, start=0):
    _check_tensor("rollaxis", x)
    n = x.ndim
    axis = _axis(axis, n, "rollaxis")
    if isinstance(start, bool) or not isinstance(start, int):
        _type_error("rollaxis", "'start' must be an int", start)
    if not -n <= start <= n:
        raise ValueError(f"{_name('rollaxis')}, 'start' {start} is out of range [{-n}, {n}].")
    start = start + n if start < 0 else start
    if axis < start:
        start -= 1
    return _w(torch.movedim(x._t, axis, start))


def swapaxes(x, axis1, axis2):
    _check_tensor("swapaxes", x)
    return _w(torch.swapaxes(x._t, _axis(axis1, x.ndim, "swapaxes"), _axis(axis2, x.ndim, "swapaxes")))


def reshape(x, new_shape):
    _check_tensor("reshape", x)
    s = _shape(new_shape, "reshape")
    n = x._t.numel()
    known = 1
    for v in s:
        if v != -1:
            known *= v
    if s.count(-1) > 1 or (-1 not in s and known != n) or (-1 in s and (known == 0 or n % known)):
        raise ValueError(f"{_name('reshape')}, cannot reshape an array of size {n} into shape {s}.")
    return _w(x._t.reshape(s))


def ravel(x):
    _check_tensor("ravel", x)
    return _w(x._t.flatten())


def _many(arrays, where):
    if isinstance(arrays, Tensor):
        return list(arrays._t.unbind(0))
    if not isinstance(arrays, (list, tuple)):
        _type_error(where, "the input must be a Tensor, a list or a tuple of Tensors", arrays)
    ts = [_tt(a, where, "arrays") for a in arrays]
    if ts:
        d = _promote(*ts)
        ts = [t.to(d) for t in ts]
    return ts


def concatenate(arrays, axis=0):
    ts = _many(arrays, "concatenate")
    if axis is None:
        return _w(torch.cat([t.flatten() for t in ts]))
    return _w(torch.cat(ts, _axis(axis, ts[0].ndim, "concatenate")))


def where(condition, x=None, y=None):
    c = _tt(condition, "where", "condition")
    if x is None or y is None:      # the reference has no one-argument form
        raise TypeError(f"{_name('where')}, 'x' and 'y' must be array-like (Tensor, number, list).")
    a, b = _tt(x, "where", "x"), _tt(y, "where", "y")
    d = _promote(a, b)
    return _w(torch.where(c.bool(), a.to(d), b.to(d)))


def _atleast(ndim, arys, where):
    _check_tensor(where, *arys)
    out = []
    for a in arys:
        t = a._t
        if t.ndim < ndim:
            if ndim == 3 and t.ndim == 1:
                t = t.reshape(1, -1, 1)
            elif ndim == 3 and t.ndim == 2:
                t = t.unsqueeze(-1)
            else:
                t = t.reshape((1,) * (ndim - t.ndim) + tuple(t.shape))
        out.append(_w(t))
    return out[0] if len(out) == 1 else out


def atleast_1d(*arys):
    return _atleast(1, arys, "atleast_1d")


def atleast_2d(*arys):
    return _atleast(2, arys, "atleast_2d")


def atleast_3d(*arys):
    return _atleast(3, arys, "atleast_3d")


def column_stack(tup):
    ts = _many(tup, "column_stack")
    return _w(torch.cat([t.reshape(-1, 1) if t.ndim == 1 else t for t in ts], 1))


def hstack(tup):
    ts = _many(tup, "hstack")
    return _w(torch.cat(ts, 0 if ts[0].ndim == 1 else 1))


def vstack(tup):
    ts = _many(tup, "vstack")
    return _w(torch.cat([t.reshape(1, -1) if t.ndim < 2 else t for t in ts], 0))


def dstack(tup):
    ts = _many(tup, "dstack")
    return _w(torch.cat([_atleast(3, (_w(t),), "dstack")._t for t in ts], 2))


def stack(arrays, axis=0):
    ts = _many(arrays, "stack")
    return _w(torch.stack(ts, _axis(axis, ts[0].ndim + 1, "stack")))


def unique(x, return_inverse=False):
    _check_tensor("unique", x)
    t = x._t.flatten()
    u, first = _first_unique(t)             # the reference keeps the order of first occurrence
    order = torch.argsort(first)
    vals = u[order]
    if return_inverse:
        _, inv = torch.unique(t, sorted=True, return_inverse=True)
        rank = torch.empty_like(order)
        rank[order] = torch.arange(order.numel())
        return _w(vals), _w(rank[inv].to(torch.int32))
    return _w(vals)


def moveaxis(a, source, destination):
    t = _tt(a, "moveaxis", "a")
    src = _axes(source, t.ndim, "moveaxis") if isinstance(source, (tuple, list)) else (_axis(source, t.ndim,
                                                                                              "moveaxis"),)
    dst = _axes(destination, t.ndim, "moveaxis") if isinstance(destination, (tuple, list)) else \
        (_axis(destination, t.ndim, "moveaxis"),)
    if len(src) != len(dst):
        raise ValueError(f"{_name('moveaxis')}, 'source' and 'destination' must have the same number of elements.")
    return _w(torch.movedim(t, src, dst))


def tile(a, reps):
    _check_tensor("tile", a)
    reps = (reps,) if isinstance(reps, int) else tuple(reps)
    return _w(a._t.tile(reps))


def broadcast_to(array, shape):
    t = _tt(array, "broadcast_to", "array")
    s = _shape(shape, "broadcast_to")
    try:
        return _w(torch.broadcast_to(t, s).clone())
    except RuntimeError:
        raise ValueError(f"{_name('broadcast_to')}, cannot broadcast shape {tuple(t.shape)} to {s}.") from None


def broadcast_arrays(*args):
    ts = [_tt(a, "broadcast_arrays", "args") for a in args]
    try:
        return [_w(t.clone()) for t in torch.broadcast_tensors(*ts)]
    except RuntimeError:
        raise ValueError(f"{_name('broadcast_arrays')}, the shapes {[tuple(t.shape) for t in ts]} "
                         f"cannot be broadcast together.") from None


def append(arr, values, axis=None):
    _check_tensor("append", arr, values)
    a, v = arr._t, values._t
    d = _promote(a, v)
    if axis is None:
        return _w(torch.cat([a.flatten().to(d), v.flatten().to(d)]))
    return _w(torch.cat([a.to(d), v.to(d)], _axis(axis, a.ndim, "append")))


def roll(a, shift, axis=None):
    _check_tensor("roll", a)
    t = a._t
    if axis is None:
        return _w(torch.roll(t.flatten(), shift).reshape(t.shape))
    return _w(torch.roll(t, shift, axis))


def _split(x, ios, axis, where, equal):
    _check_tensor(where, x)
    t = x._t
    axis = _axis(axis, t.ndim, where)
    if isinstance(ios, bool):
        _type_error(where, "'indices_or_sections' must be an int, a list or a tuple", ios)
    if isinstance(ios, int):
        if ios <= 0:
            raise ValueError(f"{_name(where)}, 'indices_or_sections' must be positive, but got {ios}.")
        if equal and t.shape[axis] % ios:
            raise ValueError(f"{_name(where)}, the size of axis {axis} ({t.shape[axis]}) must be divisible by "
                             f"'indices_or_sections' ({ios}).")
        return tuple(_w(p) for p in torch.tensor_split(t, ios, axis))
    if isinstance(ios, (list, tuple, Tensor)):
        idx = ios._t.tolist() if isinstance(ios, Tensor) else list(ios)
        if any(b <= a for a, b in zip(idx, idx[1:])) or any(not -t.shape[axis] <= v <= t.shape[axis] for v in idx):
            raise ValueError(f"{_name(where)}, 'indices_or_sections' must be increasing indices within the axis "
                             f"size {t.shape[axis]}, but got {idx}.")
        return [_w(p) for p in torch.tensor_split(t, idx, axis)]   # a list, as the reference
    _type_error(where, "'indices_or_sections' must be an int, a list or a tuple", ios)


def split(x, indices_or_sections, axis=0):
    return _split(x, indices_or_sections, axis, "split", True)


def array_split(x, indices_or_sections, axis=0):
    return _split(x, indices_or_sections, axis, "array_split", False)


def _nd(x, n, where):
    _check_tensor(where, x)
    if x.ndim < n:
        raise ValueError(f"{_name(where)}, the input must have at least {n} dimensions, but got {x.ndim}.")


def vsplit(x, indices_or_sections):
    _nd(x, 2, "vsplit")
    return _split(x, indices_or_sections, 0, "vsplit", True)


def hsplit(x, indices_or_sections):
    _nd(x, 2, "hsplit")
    return _split(x, indices_or_sections, 1, "hsplit", True)


def dsplit(x, indices_or_sections):
    _nd(x, 3, "dsplit")
    return _split(x, indices_or_sections, 2, "dsplit", True)


def flip(m, axis=None):
    _check_tensor("flip", m)
    return _w(torch.flip(m._t, _axes(axis, m.ndim, "flip")))


def flipud(m):
    _nd(m, 1, "flipud")
    return _w(torch.flip(m._t, (0,)))


def fliplr(m):
    _nd(m, 2, "fliplr")
    return _w(torch.flip(m._t, (1,)))


def take_along_axis(arr, indices, axis):
    _check_tensor("take_along_axis", arr, indices)
    a, i = arr._t, indices._t.long()
    if axis is None:
        a, axis = a.flatten(), 0
    axis = _axis(axis, a.ndim, "take_along_axis")
    if i.ndim != a.ndim:
        raise ValueError(f"{_name('take_along_axis')}, 'indices' and 'arr' must have the same number of dimensions.")
    shape = list(torch.broadcast_shapes(tuple(a.shape[:axis]) + (1,) + tuple(a.shape[axis + 1:]),
                                        tuple(i.shape[:axis]) + (1,) + tuple(i.shape[axis + 1:])))
    sa, si = list(shape), list(shape)
    sa[axis], si[axis] = a.shape[axis], i.shape[axis]
    return _w(torch.gather(a.expand(sa), axis, i.expand(si)))


def _index_mode(i, n, mode, where):
    if mode == "clip":     # negative indices count from the end first, as the reference
        return torch.where(i < 0, i + n, i).clamp(0, n - 1) if n else i
    if mode == "wrap":
        return i % n
    if mode == "raise":
        if ((i < -n) | (i >= n)).any():
            raise ValueError(f"{_name(where)}, an index is out of bounds for size {n}.")
        return i % n
    raise ValueError(f"{_name(where)}, 'mode' must be 'raise', 'wrap' or 'clip', but got {mode!r}.")


def take(a, indices, axis=None, mode="clip"):
    _check_tensor("take", a, indices)
    t, i = a._t, indices._t.long()
    if axis is None:
        t, axis = t.flatten(), 0
    axis = _axis(axis, t.ndim, "take")
    i = _index_mode(i, t.shape[axis], mode, "take")
    out = torch.index_select(t, axis, i.flatten())
    return _w(out.reshape(tuple(t.shape[:axis]) + tuple(i.shape) + tuple(t.shape[axis + 1:])))


def repeat(a, repeats, axis=None):
    t = _tt(a, "repeat", "a")
    if axis is None:
        t, axis = t.flatten(), 0
    axis = _axis(axis, t.ndim, "repeat")
    r = torch.as_tensor(repeats, dtype=torch.int64) if not isinstance(repeats, Tensor) else repeats._t.long()
    return _w(torch.repeat_interleave(t, r, axis))


def rot90(a, k=1, axes=(0, 1)):
    _check_tensor("rot90", a)
    if a.ndim < 2:
        raise ValueError(f"{_name('rot90')}, the input must have at least 2 dimensions, but got {a.ndim}.")
    ax = tuple(_axis(x, a.ndim, "rot90") for x in axes)
    if len(ax) != 2 or ax[0] == ax[1]:
        raise ValueError(f"{_name('rot90')}, 'axes' must be two different axes, but got {axes}.")
    return _w(torch.rot90(a._t, k, ax))


def select(condlist, choicelist, default=0):
    cs = [_tt(c, "select", "condlist") for c in condlist]
    vs = [_tt(v, "select", "choicelist") for v in choicelist]
    if len(cs) != len(vs):
        raise ValueError(f"{_name('select')}, 'condlist' and 'choicelist' must have the same length, but got "
                         f"{len(cs)} and {len(vs)}.")
    if not isinstance(default, (int, float, bool)) and not (isinstance(default, Tensor) and default.ndim == 0):
        raise ValueError(f"{_name('select')}, 'default' must be a scalar, but got {type(default).__name__}.")
    dft = _tt(default, "select", "default")
    d = _promote(*vs, dft) if vs else dft.dtype
    out = dft.to(d)
    for c, v in zip(reversed(cs), reversed(vs)):
        out = torch.where(c.bool(), v.to(d), out)
    shape = torch.broadcast_shapes(*[c.shape for c in cs], *[v.shape for v in vs])
    return _w(torch.broadcast_to(out, shape).clone())


def choose(a, choices, mode="clip"):
    i = _tt(a, "choose", "a").long()
    cs = [_tt(c, "choose", "choices") for c in choices]
    d = _promote(*cs)
    i = _index_mode(i, len(cs), mode, "choose")
    st = torch.stack(torch.broadcast_tensors(*[c.to(d) for c in cs], i)[:-1])
    ib = torch.broadcast_to(i, st.shape[1:])
    return _w(torch.gather(st, 0, ib.unsqueeze(0)).squeeze(0))


def size(a, axis=None):
    t = _tt(a, "size", "a")
    if axis is None:
        return t.numel()
    return t.shape[_axis(axis, t.ndim, "size")]


def array_str(a):
    _check_tensor("array_str", a)
    return str(a.asnumpy())


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    _check_tensor("apply_along_axis", arr)
    t = arr._t
    axis = _axis(axis, t.ndim, "apply_along_axis")
    moved = torch.movedim(t, axis, -1)
    lead = moved.shape[:-1]
    rows = [func1d(_w(r), *args, **kwargs) for r in moved.reshape(-1, moved.shape[-1])]
    res = torch.stack([_tt(r, "apply_along_axis", "func1d result") for r in rows])
    res = res.reshape(tuple(lead) + tuple(res.shape[1:]))
    if res.ndim > len(lead):
        res = torch.movedim(res, tuple(range(len(lead), res.ndim)), tuple(range(axis, axis + res.ndim - len(lead))))
    return _w(res)


def piecewise(x, condlist, funclist, *args, **kw):
    t = _tt(x, "piecewise", "x")
    if not isinstance(condlist, (list, tuple)):
        raise ValueError(f"{_name('piecewise')}, 'condlist' must be a list or a tuple of conditions, but got "
                         f"{type(condlist).__name__}.")
    cs = [_tt(c, "piecewise", "condlist").bool() for c in condlist]
    n = len(cs)
    if len(funclist) == n + 1:
        cs.append(~torch.stack(cs).any(0) if cs else torch.ones_like(t, dtype=torch.bool))
    elif len(funclist) != n:
        raise ValueError(f"{_name('piecewise')}, 'funclist' must have {n} or {n + 1} entries, but got "
                         f"{len(funclist)}.")
    for f in funclist:
        if callable(f):
            raise TypeError(f"{_name('piecewise')}, callable entries of 'funclist' are not supported "
                            f"(as in the reference); give numbers.")
    vals = [_tt(f, "piecewise", "funclist") for f in funclist]
    d = _promote(*vals)
    out = torch.zeros(t.shape, dtype=d)
    for c, v in zip(cs, vals):
        out = torch.where(c, v.to(d), out)
    return _w(out)


def unravel_index(indices, shape, order="C"):
    i = _tt(indices, "unravel_index", "indices").long()
    s = _shape(shape, "unravel_index")
    if order not in ("C", "F"):
        raise ValueError(f"{_name('unravel_index')}, 'order' must be 'C' or 'F', but got {order!r}.")
    total = 1
    for v in s:
        total *= v
    i = i.clamp(-total, total - 1) % total
    dims = list(s) if order == "F" else list(reversed(s))
    out = []
    for dsz in dims:
        out.append((i % dsz).to(torch.int32))
        i = i // dsz
    if order == "C":
        out.reverse()
    return tuple(_w(o) for o in out)


def apply_over_axes(func, a, axes):
    _check_tensor("apply_over_axes", a)
    res = a
    for ax in ([axes] if isinstance(axes, int) else axes):
        r = func(res, ax)
        if isinstance(r, Tensor) and r.ndim == res.ndim - 1:
            r = expand_dims(r, ax)
        res = r
    return res


def argwhere(a):
    t = _tt(a, "argwhere", "a")
    if t.ndim == 0:
        t = t.reshape(1)
    return _w(torch.nonzero(t))


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    a, b = _tt(ar1, "intersect1d", "ar1").flatten(), _tt(ar2, "intersect1d", "ar2").flatten()
    d = _promote(a, b)
    a, b = a.to(d), b.to(d)
    ua, ia = _first_unique(a)
    ub, ib = _first_unique(b)
    mask = torch.isin(ua, ub)
    common = ua[mask]
    if not return_indices:
        return _w(common)
    pos_b = torch.searchsorted(ub, common)
    return _w(common), _w(ia[mask].to(torch.int32)), _w(ib[pos_b].to(torch.int32))


def _first_unique(t):
    """Sorted unique values and the index of each one's first occurrence."""
    u, inv = torch.unique(t, sorted=True, return_inverse=True)
    first = torch.full((u.numel(),), t.numel(), dtype=torch.int64)
    first = first.scatter_reduce(0, inv, torch.arange(t.numel()), "amin")
    return u, first


_ = (_np, builtins)


_guard(globals(), __all__)

"""Indexing: gather, index_select, masked ops, scatter families, strided/sliced access, in-place scatter primitives."""
from __future__ import annotations

import numbers

import torch

from ..common import dtype as mstype
from ..common._errors import RefRuntimeError
from ..common.tensor import Tensor
from ._args import _REQ, _attr_prim, _check_nd, _idx, _nd_index, _no_attr_prim, _tdt, _u, _write, attr_prim
from ._samples import A, P, S, V, f32, mask, pos
from ._table import METHODS, OPS, SPECS, Primitive, method, op, prim


@op(samples=(S(f32(4, 3), V([0, 3, 1], 'int32'), 0), S(f32(4, 3), V([[0, 2], [1, 1]], 'int32'), 1),
             S(f32(2, 4, 3), V([[0, 2], [1, 1]], 'int32'), 1, 1)))
def gather(input_params, input_indices, axis, batch_dims=0):
    if batch_dims != 0:
        lead = input_params.shape[:batch_dims]
        p = input_params.reshape(-1, *input_params.shape[batch_dims:])
        i = input_indices.reshape(-1, *input_indices.shape[batch_dims:])
        out = torch.stack([torch.index_select(pp, axis - batch_dims, ii.reshape(-1)).reshape(
            *pp.shape[:axis - batch_dims], *ii.shape, *pp.shape[axis - batch_dims + 1:]) for pp, ii in zip(p, i)])
        return out.reshape(*lead, *out.shape[1:])
    nd = input_params.dim()
    if not -nd <= axis < max(nd, 1):
        raise ValueError(f"For 'Gather', the axis must be in [{-nd}, {max(nd, 1)}), but got {axis}.")
    axis = axis % max(nd, 1)
    idx = input_indices
    if idx.dtype not in (torch.int32, torch.int64):
        if idx.dtype is not torch.int16:      # the reference's Gather takes int16/int32/int64 indices only
            raise TypeError(f"For 'Gather', the input argument[input_indices] must be a type of "
                            f"{{Tensor[Int16], Tensor[Int32], Tensor[Int64]}}, but got "
                            f"Tensor[{mstype.from_torch(idx.dtype)}].")
        idx = idx.long()
    try:
        if idx.dim() == 1:      # index_select takes int32 or int64 indices and already has the output shape
            return torch.index_select(input_params, axis, idx)
        out = torch.index_select(input_params, axis, idx.reshape(-1))
    except (IndexError, RuntimeError):
        n = input_params.shape[axis] if nd else 1
        bad = idx[(idx < 0) | (idx >= n)]
        if bad.numel():     # the reference's kernel error, in its words
            raise RefRuntimeError(f"For 'Gather', the 'input_indices' should be in the range [0, {n}), but got "
                                  f"{int(bad.reshape(-1)[0])}.") from None
        raise
    return out.reshape(*input_params.shape[:axis], *idx.shape, *input_params.shape[axis + 1:])


@op(method="gather_elements", samples=(S(f32(2, 3), 1, V([[0, 2], [1, 0]], 'int32')),))
def gather_elements(input, dim, index):
    return torch.gather(input, dim, index.long())


@op(samples=(S(f32(4, 3), 0, V([0, 3], 'int32')), S(f32(4, 3), 1, V([2, 0], 'int64'))))
def index_select(input, axis, index):
    return torch.index_select(input, axis, index.long())


@op(method="narrow", samples=(S(f32(4, 3), 0, 1, 2), S(f32(4, 3), 1, 0, 2)))
def narrow(input, axis, start, length):
    return torch.narrow(input, axis, start, length)


@op(samples=(S(f32(2, 3), mask(2, 3), 0.5), S(f32(2, 3), mask(3), V(-1.0))))
def masked_fill(input_x, mask, value):
    return torch.masked_fill(input_x, mask, value)


@op(method="masked_select", samples=(S(f32(2, 3), mask(2, 3)),))
def masked_select(input, mask):
    return torch.masked_select(input, mask)


@op(method="nonzero", samples=(S(V([[0, 1], [2, 0]], 'int32')), S(V([[0, 1], [2, 0]], 'int32'), as_tuple=True)))
def nonzero(input, *, as_tuple=False):
    return torch.nonzero(input, as_tuple=as_tuple) if not as_tuple else torch.nonzero(input, as_tuple=True)

_no_attr_prim("MaskedFill", masked_fill)

_no_attr_prim("GatherD", gather_elements)

_no_attr_prim("MaskedSelect", masked_select)


attr_prim("Gather", gather, {"batch_dims": 0})


@prim("OneHot")
class OneHot(Primitive):
    def __init__(self, axis=-1):
        super().__init__("OneHot")
        self.axis = axis

    def __call__(self, indices, depth, on_value, off_value):
        from ._nn import one_hot

        return one_hot(indices, depth, on_value, off_value, self.axis)


@method("gather")
def _t_gather(self, *args, **kwargs):
    if "input_indices" in kwargs or "axis" in kwargs or len(args) >= 2 and not isinstance(args[0], int):
        return gather(self, *args, **kwargs)
    dim = kwargs.get("dim", args[0] if args else None)
    index = kwargs.get("index", args[1] if len(args) > 1 else None)
    return gather_elements(self, dim, index)


@method("index_select")
def _t_index_select(self, *args, **kwargs):
    axis = kwargs.get("axis", kwargs.get("dim", args[0] if args else None))
    index = kwargs.get("index", args[1] if len(args) > 1 else None)
    return index_select(self, axis, index)


@method("masked_fill")
def _t_masked_fill(self, mask, value):
    return masked_fill(self, mask, value)


# ---------------------------------------------------------------------------------------------
# scatter / gather
# ---------------------------------------------------------------------------------------------
@op(method="scatter", samples=(S(f32(3, 3), 1, V([[0, 1], [2, 0]], 'int64'), f32(2, 2, seed=1)),))
def scatter(input, axis, index, src):
    if isinstance(src, torch.Tensor):
        return torch.scatter(input, axis, _idx(index), src)
    return torch.scatter(input, axis, _idx(index), src)


@op(prim="ScatterNd", samples=(S(V([[0], [2]], 'int32'), f32(2, 3), (4, 3)),))
def scatter_nd(indices, updates, shape):
    if isinstance(shape, torch.Tensor):
        shape = tuple(shape.tolist())
    out = torch.zeros(tuple(shape), dtype=updates.dtype, device=updates.device)
    _check_nd("scatter_nd", out, indices, updates)
    return out.index_put(_nd_index(indices), updates, accumulate=True)


@op(static=("args",), samples=(S(f32(3, 4), V([[0], [2]], "int32"), f32(2, 4, seed=1)),
                               S(f32(2, 3), V([[0, 1], [1, 2]], "int64"), V([5.0, 6.0]))))
def tensor_scatter_update(*args):
    input_x, indices, updates = (a._t if isinstance(a, Tensor) else a for a in args)
    _check_nd("tensor_scatter_update", input_x, indices, updates)
    return input_x.index_put(_nd_index(indices), updates.to(input_x.dtype))


def _tsr(name, how):
    def impl(input_x, indices, updates):
        _check_nd(name, input_x, indices, updates)
        k = indices.shape[-1]
        lead = input_x.shape[:k]
        rest = input_x.shape[k:]
        if how in ("add", "sub"):
            u = -updates if how == "sub" else updates
            return input_x.index_put(_nd_index(indices), u.to(input_x.dtype), accumulate=True)
        strides = torch.tensor([int(torch.tensor(lead[i + 1:]).prod()) for i in range(k)], device=indices.device)
        lin = (_idx(indices) * strides).sum(-1).reshape(-1)
        flat = input_x.reshape((-1,) + tuple(rest)).clone()
        u = updates.reshape((-1,) + tuple(rest)).to(input_x.dtype)
        red = {"mul": "prod", "max": "amax", "min": "amin"}[how]
        lin = lin.reshape((-1,) + (1,) * len(rest)).expand_as(u)
        return flat.scatter_reduce_(0, lin, u, red, include_self=True).reshape(input_x.shape)
    impl.__name__ = name
    return impl

_TSR_SAMPLES = (S(f32(4, 3), V([[0], [2]], "int32"), f32(2, 3, seed=1)), S(f32(4, 3), V([[1, 2], [3, 0]], "int32"),
                                                                          f32(2, seed=1)))

for _how in ("add", "sub", "mul", "max", "min"):     # tensor_scatter_add ... and TensorScatterAdd ...
    op("tensor_scatter_" + _how, prim="TensorScatter" + _how.capitalize(), samples=_TSR_SAMPLES)(
        _tsr("tensor_scatter_" + _how, _how))


_no_attr_prim("TensorScatterUpdate", tensor_scatter_update)


@op(samples=(S(f32(3, 3), V([[0, 1], [2, 0]], 'int32'), f32(2, 2, seed=1), 1),))
def tensor_scatter_elements(input_x, indices, updates, axis=0, reduction='none'):
    if reduction not in ('none', 'add'):
        raise ValueError(f"For 'tensor_scatter_elements', 'reduction' must be 'none' or 'add', but got {reduction!r}")
    if reduction == 'add':
        return torch.scatter_add(input_x, axis, _idx(indices), updates)
    return torch.scatter(input_x, axis, _idx(indices), updates)


attr_prim("TensorScatterElements", tensor_scatter_elements, {"axis": 0, "reduction": 'none'})


@op(prim="GatherNd", method="gather_nd", samples=(S(f32(3, 4), V([[0, 1], [2, 3]], 'int32')),))
def gather_nd(input_x, indices):
    return input_x[_nd_index(indices)]


@op(method="index_fill", samples=(S(f32(3, 4), 1, V([0, 2], 'int32'), 0.5),))
def index_fill(x, axis, index, value):
    if not isinstance(index, torch.Tensor) or index.dtype != torch.int32:
        raise TypeError("For 'index_fill', 'index' must be an int32 tensor")
    return torch.index_fill(x, axis, _idx(index), value)


@op(prim="UnsortedSegmentSum", samples=(S(f32(4, 3), V([0, 1, 0, 2], 'int32'), 3),))
def unsorted_segment_sum(input_x, segment_ids, num_segments):
    n = int(num_segments)
    ids = _idx(segment_ids)
    out = torch.zeros((n,) + tuple(input_x.shape[ids.ndim:]), dtype=input_x.dtype, device=input_x.device)
    flat_ids = ids.reshape(-1)
    keep = (flat_ids >= 0) & (flat_ids < n)
    vals = input_x.reshape((-1,) + tuple(input_x.shape[ids.ndim:]))
    return out.index_add(0, flat_ids[keep], vals[keep])


@op(samples=(S(f32(3, 4), f32(4, seed=1), 0, 1),))
def select_scatter(input, src, axis, index):
    return torch.select_scatter(input, src, axis, index)


@op(samples=(S(f32(4, 3), f32(2, 3, seed=1), 0, 1, 3),))
def slice_scatter(input, src, axis=0, start=None, end=None, step=1):
    return torch.slice_scatter(input, src, axis, start, end, step)


@op(samples=(S(f32(3, 3), f32(3, seed=1)),))
def diagonal_scatter(input, src, offset=0, dim1=0, dim2=1):
    return torch.diagonal_scatter(input, src, offset, dim1, dim2)


@op(method="argwhere", samples=(S(V([[0, 1], [2, 0]], 'int32')),))
def argwhere(input):
    return torch.argwhere(input)


@op(method="index_add", samples=(S(f32(4, 3), V([0, 2], 'int32'), f32(2, 3, seed=1), 0),))
def index_add(x, indices, y, axis, use_lock=True, check_index_bound=True):
    return torch.index_add(x, axis, _idx(indices), y)


_SEGMENT_SAMPLES = (S(f32(4, 3), V([0, 1, 0, 2], "int32"), 3), S(f32(4, 3), V([0, 1, 0, 1], "int32"), 3))


def _segment(name, how):
    def impl(x, segment_ids, num_segments):
        n = int(num_segments.item()) if isinstance(num_segments, torch.Tensor) else int(num_segments)
        ids = _idx(segment_ids).reshape(-1)
        rest = tuple(x.shape[segment_ids.ndim:])
        vals = x.reshape((-1,) + rest)
        keep = (ids >= 0) & (ids < n)
        ids, vals = ids[keep], vals[keep]
        if how == "prod":
            init = torch.ones((n,) + rest, dtype=x.dtype, device=x.device)
        else:
            lim = torch.finfo(x.dtype) if x.is_floating_point() else torch.iinfo(x.dtype)
            init = torch.full((n,) + rest, lim.min if how == "amax" else lim.max, dtype=x.dtype, device=x.device)
        idx = ids.reshape((-1,) + (1,) * len(rest)).expand_as(vals)
        return init.scatter_reduce(0, idx, vals, how, include_self=True)
    impl.__name__ = name
    return impl

for _how, _reduction in (("max", "amax"), ("min", "amin"), ("prod", "prod")):    # unsorted_segment_max ...
    op("unsorted_segment_" + _how, prim="UnsortedSegment" + _how.capitalize(), samples=_SEGMENT_SAMPLES)(
        _segment("unsorted_segment_" + _how, _reduction))


def _tsdiv(input_x, indices, updates):
    _check_nd("tensor_scatter_div", input_x, indices, updates)
    k = indices.shape[-1]
    lead, rest = input_x.shape[:k], input_x.shape[k:]
    strides = torch.tensor([int(torch.tensor(lead[i + 1:]).prod()) for i in range(k)], device=indices.device)
    lin = (_idx(indices) * strides).sum(-1).reshape((-1,) + (1,) * len(rest))
    u = updates.reshape((-1,) + tuple(rest)).to(input_x.dtype)
    flat = input_x.reshape((-1,) + tuple(rest))
    den = torch.ones_like(flat).scatter_reduce(0, lin.expand_as(u), u, "prod", include_self=True)
    return (flat / den).reshape(input_x.shape)

_tsdiv.__name__ = "tensor_scatter_div"

tensor_scatter_div = op("tensor_scatter_div", prim="TensorScatterDiv",
                        samples=(S(f32(3, 4), V([[0], [2]], "int32"), pos(2, 4, seed=1)),))(_tsdiv)


@op("slice", prim="Slice", samples=(S(f32(4, 3), (1, 0), (2, 2)),))
def _slice(input_x, begin, size):
    out = input_x
    for d, (b, s) in enumerate(zip(begin, size)):
        s = input_x.shape[d] - b if s == -1 else s
        out = out.narrow(d, b, s)
    return out.clone()


@method("select")
def _select_method(self, dim, index):
    return Tensor._make(torch.select(self._t, dim, int(index)))


@method("index_put")
def _index_put_method(self, indices, values, accumulate=False):
    idx = tuple(_idx(i._t) for i in indices)
    return Tensor._make(self._t.index_put(idx, values._t, accumulate))


# ---------------------------------------------------------------------------------------------
# in-place scatter on Parameters (ScatterAdd..., ScatterNdAdd...): the result is written into input_x
# ---------------------------------------------------------------------------------------------
def _nd_reduce(name, input_x, indices, updates, how):
    """Out-of-place N-d scatter of ``updates`` into ``input_x`` at ``indices`` (last dim indexes leading dims)."""
    _check_nd(name, input_x, indices, updates)
    u = updates.to(input_x.dtype)
    if how == "update":
        return input_x.index_put(_nd_index(indices), u)
    if how in ("add", "sub"):
        return input_x.index_put(_nd_index(indices), -u if how == "sub" else u, accumulate=True)
    k = indices.shape[-1]
    lead, rest = input_x.shape[:k], input_x.shape[k:]
    strides = torch.tensor([int(torch.tensor(lead[i + 1:]).prod()) for i in range(k)], device=indices.device)
    lin = (_idx(indices) * strides).sum(-1).reshape((-1,) + (1,) * len(rest))
    u = u.reshape((-1,) + tuple(rest))
    flat = input_x.reshape((-1,) + tuple(rest))
    lin = lin.expand_as(u)
    if how == "div":
        den = torch.ones_like(flat).scatter_reduce(0, lin, u, "prod", include_self=True)
        r = flat / den if flat.is_floating_point() else torch.div(flat, den, rounding_mode="trunc")
    else:
        red = {"mul": "prod", "max": "amax", "min": "amin"}[how]
        r = flat.clone().scatter_reduce_(0, lin, u, red, include_self=True)
    return r.reshape(input_x.shape)


def _inplace(input_x, r):
    with torch.no_grad():
        input_x.copy_(r)
    return input_x


def _scatter_fn(name, how, nd):
    if nd:
        def impl(input_x, indices, updates, use_locking=False):
            return _inplace(input_x, _nd_reduce(name, input_x, indices, updates, how))
    else:
        def impl(input_x, indices, updates):
            return _inplace(input_x, _nd_reduce(name, input_x, _idx(indices).unsqueeze(-1), updates, how))
    impl.__name__ = name
    return impl


def _scatter_prim(cls_name, fn, default_locking):
    def __init__(self, use_locking=default_locking):
        Primitive.__init__(self, cls_name)
        self.use_locking = use_locking

    def __call__(self, input_x, indices, updates):
        return fn(input_x, indices, updates)
    cls = type(cls_name, (Primitive,), {"__init__": __init__, "__call__": __call__})
    return prim(cls_name)(cls)


@op(static=("args",))
def scatter_nd_update(*args):
    input_x, indices, updates = (a._t if isinstance(a, Tensor) else a for a in args[:3])
    return _inplace(input_x, _nd_reduce("scatter_nd_update", input_x, indices, updates, "update"))


def _scatter_samples(how, nd):
    """Write into a Parameter of 3 rows at repeated rows (distinct ones for update, where the winner of a repeat is
    unspecified); the N-d forms also at (row, col) cells of an int32 Parameter."""
    if how == "update":
        rows, shape, cells = ([[0], [2]] if nd else [2, 0]), (2, 2), [[0, 1], [2, 0]]
    elif nd:
        rows, shape, cells = [[0], [2], [0]], (3, 2), [[0, 1], [2, 0], [0, 1]]
    else:
        rows, shape, cells = [[0, 1], [1, 0]], (2, 2, 2), None
    upd = A(shape, "float32", *((0.5, 2) if how == "div" else (-2, 2)), 1)
    by_rows = S(P(f32(3, 2)), V(rows, "int32"), upd)
    if not nd:
        return (by_rows,)
    return by_rows, S(P(A((3, 2), "int32", 1, 5)), V(cells, "int32"), A((len(cells),), "int32", 1, 3, 1))


for _how in ("update", "add", "sub", "mul", "div", "max", "min"):
    _cap = _how.capitalize()
    _f1 = op("scatter_" + _how, samples=_scatter_samples(_how, False))(_scatter_fn("scatter_" + _how, _how, False))
    _scatter_prim("Scatter" + _cap, _f1, _how == "update")
    SPECS["scatter_" + _how].prim = "Scatter" + _cap
    if _how not in ("update", "add"):    # the reference binds these Tensor methods to tensor_scatter_*
        METHODS["scatter_" + _how] = OPS["tensor_scatter_" + _how]
    if _how == "update":
        _f2 = scatter_nd_update
        SPECS["scatter_nd_update"].samples = _scatter_samples(_how, True)
    else:
        _f2 = op("scatter_nd_" + _how, samples=_scatter_samples(_how, True))(
            _scatter_fn("scatter_nd_" + _how, _how, True))
    _scatter_prim("ScatterNd" + _cap, _f2, _how == "update")
    SPECS["scatter_nd_" + _how].prim = "ScatterNd" + _cap

OPS.pop("scatter_sub", None)     # the reference has ScatterSub and Tensor.scatter_sub, no ops.scatter_sub


# ---------------------------------------------------------------------------------------------
# InplaceUpdate / InplaceAdd / InplaceSub / InplaceIndexAdd
# ---------------------------------------------------------------------------------------------
def _rows(indices):
    if isinstance(indices, torch.Tensor):
        return _idx(indices).reshape(-1)
    if isinstance(indices, numbers.Integral):
        return torch.tensor([int(indices)])
    return torch.tensor([int(i) for i in indices])


@op(method="inplace_update", samples=(S(f32(4, 3), f32(2, 3, seed=1), V([0, 2], 'int32')),))
def inplace_update(x, v, indices):
    idx = _rows(indices).to(x.device)
    return x.index_copy(0, idx, v.reshape((idx.numel(),) + tuple(x.shape[1:])).to(x.dtype))


@op(samples=(S(f32(4, 3), f32(2, 3, seed=1), (0, 2)),))
def inplace_add(x, v, indices):
    idx = _rows(indices).to(x.device)
    return x.index_add(0, idx, v.reshape((idx.numel(),) + tuple(x.shape[1:])).to(x.dtype))


@op(samples=(S(f32(4, 3), f32(2, 3, seed=1), (0, 2)),))
def inplace_sub(x, v, indices):
    idx = _rows(indices).to(x.device)
    return x.index_add(0, idx, -v.reshape((idx.numel(),) + tuple(x.shape[1:])).to(x.dtype))


@op(samples=(S(P(f32(3, 2)), V([0, 2, 0], "int32"), f32(3, 2, seed=1), 0),
             S(P(f32(2, 3)), V([2, 1], "int32"), f32(2, 2, seed=1), 1)))
def inplace_index_add(var, indices, updates, axis):
    return _inplace(var, var.index_add(axis, _idx(indices), updates.to(var.dtype)))


def _inplace_prim(cls_name, fn):
    def __init__(self, indices):
        Primitive.__init__(self, cls_name)
        self.indices = indices

    def __call__(self, x, v):
        return fn(x, v, self.indices)
    return prim(cls_name)(type(cls_name, (Primitive,), {"__init__": __init__, "__call__": __call__}))

_inplace_prim("InplaceUpdate", inplace_update)

_inplace_prim("InplaceAdd", inplace_add)

_inplace_prim("InplaceSub", inplace_sub)


attr_prim("InplaceIndexAdd", inplace_index_add, {"axis": _REQ})


# ---------------------------------------------------------------------------------------------
# strided_slice / StridedSlice (begin/end/ellipsis/new-axis/shrink-axis masks, negative strides)
# ---------------------------------------------------------------------------------------------
def _ints(v, name, arg):
    if isinstance(v, torch.Tensor):
        v = v.tolist()
    if not isinstance(v, (tuple, list)) or not all(isinstance(i, numbers.Integral) for i in v):
        raise TypeError(f"For '{name}', '{arg}' must be a tuple of ints, but got {v!r}")
    return [int(i) for i in v]


@op(samples=(S(f32(4, 5), (0, 1), (4, 5), (2, 2)),))
def strided_slice(input_x, begin, end, strides, begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0,
                  shrink_axis_mask=0):
    name = "strided_slice"
    begin, end, strides = _ints(begin, name, "begin"), _ints(end, name, "end"), _ints(strides, name, "strides")
    if not len(begin) == len(end) == len(strides):
        raise ValueError(f"For '{name}', 'begin', 'end' and 'strides' must have the same length, "
                         f"but got {len(begin)}, {len(end)}, {len(strides)}")
    if any(s == 0 for s in strides):
        raise ValueError(f"For '{name}', 'strides' cannot contain 0, but got {strides}")
    n = len(begin)
    bit = lambda m, i: (m >> i) & 1  # noqa: E731
    consumed = sum(1 for i in range(n) if not bit(ellipsis_mask, i) and not bit(new_axis_mask, i))
    r = input_x
    out_dim = in_dim = 0
    for i in range(n):
        if bit(ellipsis_mask, i):
            k = input_x.ndim - consumed
            out_dim += k
            in_dim += k
        elif bit(new_axis_mask, i):
            r = r.unsqueeze(out_dim)
            out_dim += 1
        elif bit(shrink_axis_mask, i):
            size = input_x.shape[in_dim]
            b = begin[i] + size if begin[i] < 0 else begin[i]
            if not 0 <= b < size:
                raise ValueError(f"For '{name}', index {begin[i]} is out of range for dimension {in_dim} "
                                 f"of size {size}")
            r = r.select(out_dim, b)
            in_dim += 1
        else:
            size = input_x.shape[in_dim]
            sl = slice(None if bit(begin_mask, i) else begin[i], None if bit(end_mask, i) else end[i], strides[i])
            start, stop, step = sl.indices(size)
            if step > 0:
                r = r.narrow(out_dim, start, max(0, stop - start)) if stop > start else r.narrow(out_dim, 0, 0)
                if step > 1:
                    r = r.unfold(out_dim, 1, step).squeeze(-1) if r.shape[out_dim] else r
            else:
                idx = torch.tensor(list(range(start, stop, step)), dtype=torch.long, device=r.device)
                r = r.index_select(out_dim, idx)
            out_dim += 1
            in_dim += 1
    return r.clone()


attr_prim("StridedSlice", strided_slice, {"begin_mask": 0, "end_mask": 0, "ellipsis_mask": 0, "new_axis_mask": 0,
                                          "shrink_axis_mask": 0})


# ---------------------------------------------------------------------------------------------
# masked_scatter, fill_diagonal, ptp, dtype predicates
# ---------------------------------------------------------------------------------------------
def _masked_scatter(input, mask, source):
    if mask.dtype != torch.bool:    # the reference's message lists uint8 too, but rejects it
        raise TypeError(f"For 'masked_scatter', 'mask' must be a bool tensor, but got {mstype.from_torch(mask.dtype)}")
    return input.masked_scatter(mask, source)


@method("masked_scatter")
def _masked_scatter_method(self, mask, source):
    return Tensor._make(_masked_scatter(self._t, mask._t, source._t))


@prim("MaskedScatter")
class MaskedScatter(Primitive):
    def __init__(self):
        super().__init__("MaskedScatter")

    def __call__(self, x, mask, updates):
        return Tensor._make(_masked_scatter(x._t, mask._t, updates._t))


@op(samples=(S(f32(3, 4), V([0, 5, 11], 'int64')),))
def take(input, index):
    """Elements of the flattened ``input`` at ``index`` (shaped like ``index``)."""
    return torch.take(input, _idx(index))


@method("take")
def _t_take(self, indices=None, axis=None, mode="clip", *, index=None):
    """``Tensor.take(indices, axis=None, mode='clip')``: along ``axis`` (the flattened tensor when None); 'clip'
    counts negative indices from the end and clamps the rest, 'wrap' wraps them; 'raise' is not implemented, as in
    the reference."""
    if index is not None:                  # the reference's take(index) overload
        indices = index
    if mode not in ("clip", "wrap", "raise"):
        raise ValueError(f"For 'Tensor.take', 'mode' must be 'clip', 'wrap' or 'raise', but got {mode!r}.")
    if mode == "raise":
        raise NotImplementedError('"raise" mode is not implemented')
    x = self._t.reshape(-1) if axis is None else self._t
    ax = 0 if axis is None else axis % x.dim()
    n = x.shape[ax]
    idx = _idx(indices._t if isinstance(indices, Tensor) else torch.as_tensor(indices))
    idx = idx % n if mode == "wrap" else torch.where(idx < 0, idx + n, idx).clamp(0, n - 1)
    out = torch.index_select(x, ax, idx.reshape(-1))
    return Tensor._make(out.reshape(*x.shape[:ax], *idx.shape, *x.shape[ax + 1:]))


@op(samples=(S(f32(4, 3), (1, 0), (2, 2)),))
def tensor_slice(input, begin, size):
    """The slice of ``input`` starting at ``begin`` with ``size`` (-1: to the end)."""
    idx = tuple(slice(b, None if s == -1 else b + s) for b, s in zip(begin, size))
    return input[idx]


@method("scatter_add")
def _scatter_add_method(self, dim, index, src):
    return Tensor._make(torch.scatter_add(self._t, dim, _idx(index._t), src._t))


@method("scatter_add_")
def _scatter_add__method(self, dim, index, src):
    return _write(self, torch.scatter_add(self._t, dim, _idx(_u(index)), _u(src)))

_attr_prim("GatherV2", [], lambda s, x, i, a, batch_dims=0: OPS["gather"].__wrapped_impl__(x, i, a, batch_dims),
           "Gather along an axis.")

_attr_prim("IndexFill", [], lambda s, x, dim, index, value: torch.index_fill(
    x, int(dim), _idx(index), value), "Fill the entries at index along dim with value.")


@prim("IndexAdd")
class IndexAdd(Primitive):
    """Add ``input_y`` into the Parameter ``input_x`` at ``indices`` along ``axis`` (in place); returns it."""

    def __init__(self, axis, use_lock=True, check_index_bound=True):
        super().__init__("IndexAdd")
        self.axis, self.use_lock, self.check_index_bound = axis, use_lock, check_index_bound

    def __call__(self, input_x, indices, input_y):
        return OPS["inplace_index_add"](input_x, indices, input_y, self.axis)

_attr_prim("NonZero", [], lambda s, x: torch.nonzero(x), "Indices (N, rank) of the non-zero elements, int64.")

_attr_prim("ScatterAddWithAxis", [("axis", 0)], lambda s, x, indices, updates: torch.scatter_add(
    x, s.axis, _idx(indices), updates), "``x`` with ``updates`` added at ``indices`` along ``axis``.")


def _index_put(s, x1, x2, indices):
    idx = tuple(_idx(_u(i)) for i in indices)
    return x1.index_put(idx, x2, bool(s.accumulate))

_attr_prim("IndexPut", [("accumulate", 0)], _index_put,
           "``x1`` with ``x2`` written (or added, ``accumulate``) at the index tensors ``indices``.")

_attr_prim("ScatterNonAliasingAdd", [], lambda s, x, indices, updates: x.index_put(
    tuple(_idx(indices).unbind(-1)), updates, accumulate=True), "``x`` with ``updates`` added at N-d ``indices``.")


@op(samples=(S(f32(2, 3), 1, V([[0, 2], [1, 0]], 'int32')),))
def gather_d(x, dim, index):
    """Elements of ``x`` along ``dim`` picked by ``index`` (``gather_elements``)."""
    return torch.gather(x, dim, _idx(index))


def _confusion(s, labels, predictions, weights=None):
    n = s.num_classes
    lab, pred = labels.long(), predictions.long()
    if bool((lab < 0).any() or (lab >= n).any() or (pred < 0).any() or (pred >= n).any()):
        raise ValueError(f"For 'ConfusionMatrix', labels and predictions must be in [0, {n}).")
    w = weights if weights is not None else torch.ones_like(lab, dtype=torch.float64)
    out = torch.zeros(n * n, dtype=torch.float64, device=lab.device)
    out.index_add_(0, lab * n + pred, w.to(torch.float64))
    return out.reshape(n, n).to(_tdt(mstype.check_dtype(s.dtype) if not isinstance(s.dtype, str)
                                     else getattr(mstype, s.dtype)))

_attr_prim("ConfusionMatrix", [("num_classes", _REQ), ("dtype", "int32")], _confusion,
           "The (num_classes, num_classes) confusion matrix of labels (rows) against predictions (columns).")


@method("choose")
def _choose_method(self, choices, mode="clip"):
    """Element ``i`` taken from ``choices[self[i]]`` (indices clipped, or wrapped with mode='wrap')."""
    cs = torch.stack(torch.broadcast_tensors(*[_u(c) if isinstance(c, Tensor) else torch.as_tensor(c)
                                               for c in choices]))
    idx = self._t.long()
    n = cs.shape[0]
    if mode == "clip":
        idx = idx.clamp(0, n - 1)
    elif mode == "wrap":
        idx = idx.remainder(n)
    elif mode == "raise":
        if bool(((idx < 0) | (idx >= n)).any()):
            raise ValueError("For 'Tensor.choose', an index is out of range of 'choices'.")
    else:
        raise ValueError(f"For 'Tensor.choose', 'mode' must be 'clip', 'wrap' or 'raise', but got {mode!r}.")
    shape = tuple(torch.broadcast_shapes(idx.shape, cs.shape[1:]))
    cs = cs.reshape((n,) + (1,) * (len(shape) - cs.dim() + 1) + tuple(cs.shape[1:])).expand((n,) + shape)
    return Tensor._make(torch.gather(cs, 0, idx.expand(shape).unsqueeze(0)).squeeze(0))


@method("masked_scatter_")
def _masked_scatter__method(self, mask, source):
    return _write(self, METHODS["masked_scatter"](self, mask, source)._t)


@method("put_")
def _put__method(self, index, source, accumulate=False):
    self._t.put_(_idx(index._t), source._t, accumulate)
    return self


@method("itemset")
def _itemset_method(self, *args):
    """A copy with a scalar written at a flat index or an index tuple (the tensor itself is unchanged, as in
    the reference)."""
    t = self._t.clone()
    if len(args) == 1:
        t.view(-1)[0] = args[0]
    elif len(args) == 2:
        where, v = args
        if isinstance(where, int):
            t.view(-1)[where] = v
        else:
            t[tuple(where)] = v
    else:
        raise ValueError(f"For 'Tensor.itemset', 1 or 2 arguments are expected, but got {len(args)}.")
    return Tensor._make(t)

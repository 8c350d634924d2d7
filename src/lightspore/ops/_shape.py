"""Shape and layout: reshape, transpose, concat/stack/split, squeeze/expand, flips, diagonals, dtype/shape queries."""
from __future__ import annotations

import builtins
import numbers

import numpy as np
import torch

from ..common import dtype as mstype
from ..common._errors import translate_error
from ..common.tensor import Tensor
from ._args import (
    _REQ,
    _attr_prim,
    _axes,
    _idx,
    _impl,
    _no_attr_prim,
    _pick_axis,
    _shape_arg,
    _tdt,
    _u,
    _varargs,
    _write,
    attr_prim,
)
from ._samples import D, S, V, f32, i32
from ._table import METHODS, OPS, Primitive, method, op, prim, unwrap


# ---------------------------------------------------------------------------------------------
# shape and indexing
# ---------------------------------------------------------------------------------------------
@op(samples=(S(f32(2, 3), (3, 2)), S(f32(2, 3), (-1,)), S(i32(2, 3), [1, -1])))
def reshape(input, shape):
    if type(shape) is tuple:        # the common call: torch checks the ints itself (anything else: the slow path)
        try:
            return torch.reshape(input, shape)
        except TypeError:
            pass
    return torch.reshape(input, _shape_arg(shape, "reshape"))


@op(samples=(S(f32(2, 3, 4), (2, 0, 1)), S(f32(2, 3), (1, 0))))
def transpose(input, dims):
    if type(dims) is tuple:         # as in reshape
        try:
            return torch.permute(input, dims)
        except TypeError:
            pass
    return input.permute(*_shape_arg(dims, "transpose"))


@op(samples=(S(f32(2, 3, 4), (2, 0, 1)),))
def permute(input, axis):
    return input.permute(*_shape_arg(axis, "permute"))


@op(seq=("tensors",),
    samples=(S((f32(2, 3), f32(1, 3, seed=1))), S([f32(2, 3), f32(2, 2, seed=1)], 1), S((i32(2), f32(2)),)))
def concat(tensors, axis=0):
    return torch.cat(tensors, dim=axis)


@op(seq=("tensors",), samples=(S((f32(2, 3), f32(1, 3, seed=1))), S([f32(2, 3), f32(2, 2, seed=1)], 1)))
def cat(tensors, axis=0):
    return torch.cat(tensors, dim=axis)


@op(seq=("tensors",), samples=(S((f32(2, 3), f32(2, 3, seed=1))), S([f32(2, 3), f32(2, 3, seed=1)], -1)))
def stack(tensors, axis=0):
    return torch.stack(tensors, dim=axis)


@op(out="tuple", samples=(S(f32(4, 3), 2), S(f32(4, 3), [1, 3]), S(f32(4, 3), 1, 1)))
def split(tensor, split_size_or_sections, axis=0):
    return torch.split(tensor, split_size_or_sections, dim=axis)


@op(out="tuple", method="chunk", samples=(S(f32(4, 3), 2), S(f32(5, 3), 3), S(f32(4, 3), 3, 1)))
def chunk(input, chunks, axis=0):
    return torch.chunk(input, chunks, dim=axis)


@op(out="tuple", samples=(S(f32(2, 3)), S(f32(2, 3), 1)))
def unbind(input, dim=0):
    return torch.unbind(input, dim)


@op(samples=(S(f32(2, 1, 3, 1)), S(f32(2, 1, 3, 1), 1), S(f32(2, 1, 3, 1), (1, 3)), S(f32(2, 3), 0)))
def squeeze(input, axis=None):
    if axis is None:
        return torch.squeeze(input)
    return torch.squeeze(input, _axes(axis))


@op(method="expand_dims", samples=(S(f32(2, 3), 0), S(f32(2, 3), -1)))
def expand_dims(input_x, axis):
    return torch.unsqueeze(input_x, axis)


@op(method="unsqueeze", samples=(S(f32(2, 3), 0), S(f32(2, 3), -1)))
def unsqueeze(input, dim):
    return torch.unsqueeze(input, dim)


@op(samples=(S(f32(2, 3, 4)), S(f32(2, 3, 4), start_dim=0, end_dim=1), S(f32(2, 3, 4), 'F')))
def flatten(input, order="C", *, start_dim=1, end_dim=-1):
    if order not in ("C", "F"):
        raise ValueError(f"For 'flatten', 'order' must be 'C' or 'F', but got {order!r}")
    if order == "F":
        input = input.permute(*range(input.dim() - 1, -1, -1))
    if input.dim() == 0:
        return input.reshape(1)
    return torch.flatten(input, start_dim, end_dim)


@op(samples=(S(f32(1, 3), (2, 3)), S(f32(3), (2, -1))))
def broadcast_to(input, shape):
    shape = _shape_arg(shape, "broadcast_to")
    return input.expand(*shape)


@op(samples=(S(f32(2, 3), (2, 1)), S(f32(3), (2, 2))))
def tile(input, dims):
    return torch.tile(input, _shape_arg(dims, "tile"))


@op(method="flip", samples=(S(f32(2, 3), (0,)), S(f32(2, 3), (0, 1))))
def flip(input, dims):
    return torch.flip(input, _shape_arg(dims, "flip"))


@op(method="roll", samples=(S(f32(2, 3), 1, 1), S(f32(2, 3), (1, 1), (0, 1))))
def roll(input, shifts, dims=None):
    return torch.roll(input, shifts, dims)


@op(method="tril", samples=(S(f32(3, 3)), S(f32(3, 4), 1)))
def tril(input, diagonal=0):
    return torch.tril(input, diagonal)


@op(method="triu", samples=(S(f32(3, 3)), S(f32(3, 4), -1)))
def triu(input, diagonal=0):
    return torch.triu(input, diagonal)


@op(samples=(S(f32(2, 3), D('int32')), S(i32(3), D('float16')), S(f32(3), D('bool_'))))
def cast(input, dtype):
    tdt = _tdt(mstype.check_dtype(dtype, "For 'cast', 'dtype'"))
    if isinstance(input, torch.Tensor):
        return input.to(tdt)
    if isinstance(input, (bool, int, float, np.bool_, np.integer, np.floating)):   # ops.cast(x.shape[0], ...)
        return torch.tensor(input.item() if isinstance(input, np.generic) else input).to(tdt)
    raise TypeError(f"For 'cast', 'input_x' must be a Tensor or a number, but got {type(input).__name__}.")


@op(samples=(S(f32(2, 3), 2), S(f32(2, 3), 2, 1)))
def repeat_interleave(input, repeats, axis=None):
    return torch.repeat_interleave(input, repeats, dim=axis)


@method("repeat_interleave")
def _t_repeat_interleave(self, repeats, axis=None, *, dim=None):
    """``Tensor.repeat_interleave(repeats, axis=None)``, also spelt ``dim=``."""
    return repeat_interleave(self, repeats, axis if dim is None else dim)


@op(out="tuple", samples=(S(f32(2), f32(3, seed=1)), S(f32(2), f32(3, seed=1), indexing='ij')))
def meshgrid(*inputs, indexing="xy"):
    return torch.meshgrid(*inputs, indexing=indexing)


# ---------------------------------------------------------------------------------------------
# type / shape helpers and gradients
# ---------------------------------------------------------------------------------------------
@op(out="raw", samples=(S(f32(2)), S(i32(2))))
def dtype(x):
    return mstype.from_torch(x.dtype)


@op(out="raw", samples=(S(f32(2, 3)),))
def shape(input_x):
    return tuple(input_x.shape)


@op(out="raw", samples=(S(f32(2, 3)),))
def rank(input_x):
    return input_x.dim()


@op(out="raw", samples=(S(f32(2, 3)),))
def size(input_x):
    return input_x.numel()


@op(out="raw", samples=(S(f32(2, 3)),))
def numel(input):
    return input.numel()

_no_attr_prim("Reshape", reshape)

_no_attr_prim("Transpose", transpose)

_no_attr_prim("Cast", cast)

_no_attr_prim("Tile", tile)

_no_attr_prim("Shape", shape)

_no_attr_prim("Rank", rank)

_no_attr_prim("Size", size)

_no_attr_prim("DType", dtype)


attr_prim("Concat", concat, {"axis": 0})


attr_prim("Stack", stack, {"axis": 0})


@prim("Split")
class Split(Primitive):
    def __init__(self, axis=0, output_num=1):
        super().__init__("Split")
        self.axis, self.output_num = axis, output_num

    def __call__(self, x):
        t = unwrap(x)
        if t.shape[self.axis] % self.output_num:
            raise ValueError(f"For 'Split', the shape of 'input_x' at axis {self.axis} ({t.shape[self.axis]}) "
                             f"must be divisible by 'output_num' ({self.output_num}).")
        return tuple(Tensor._make(p) for p in torch.chunk(t, self.output_num, self.axis))


@prim("Squeeze")
class Squeeze(Primitive):
    def __init__(self, axis=()):
        super().__init__("Squeeze")
        self.axis = axis

    def __call__(self, x):
        return squeeze(x, self.axis if self.axis != () else None)


_no_attr_prim("ExpandDims", expand_dims)


@method("reshape")
def _t_reshape(self, *shape):
    shape = _varargs(shape)
    try:
        return Tensor._make(self._t.reshape(_shape_arg(shape, "Tensor.reshape")))
    except RuntimeError as e:
        raise translate_error("Tensor.reshape", e) from None


@method("view")
def _t_view(self, *shape):
    shape = _varargs(shape)
    if len(shape) == 1 and isinstance(shape[0], mstype.Type):
        return Tensor._make(self._t.view(_tdt(shape[0])))
    # reshape is a view whenever the strides allow one and a copy otherwise (a transposed tensor), as the reference
    shape = _shape_arg(shape, "Tensor.view")
    try:
        return Tensor._make(self._t.reshape(shape))
    except RuntimeError:
        raise ValueError(f"For 'Tensor.view', the proposed shape {list(shape)} is invalid for an input of size "
                         f"{self._t.numel()} (shape {list(self._t.shape)}).") from None


@method("view_as")
def _t_view_as(self, other):
    return Tensor._make(self._t.view_as(other._t))


@method("expand_as")
def _t_expand_as(self, other):
    return Tensor._make(self._t.expand_as(unwrap(other)))


@method("broadcast_to")
def _t_broadcast_to(self, shape):
    return broadcast_to(self, shape)


@method("transpose")
def _t_transpose(self, *axes):
    if not axes or axes == (None,):     # numpy's np.transpose(tensor) passes axes=None
        return Tensor._make(self._t.permute(*range(self._t.dim() - 1, -1, -1)))
    if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
        axes = axes[0]
    elif len(axes) == 2:              # two ints: swap these two dims (torch style), whatever the rank
        return Tensor._make(self._t.transpose(*axes))
    return Tensor._make(self._t.permute(*axes))


@method("permute")
def _t_permute(self, *axis):
    axis = _varargs(axis)
    return Tensor._make(self._t.permute(*axis))


@method("t")
def _t_t(self):
    return Tensor._make(self._t.t())


@method("swapaxes")
def _t_swapaxes(self, axis0, axis1):
    return Tensor._make(self._t.transpose(axis0, axis1))


@method("squeeze")
def _t_squeeze(self, *args, **kwargs):
    return squeeze(self, _pick_axis(args, kwargs))


@method("flatten")
def _t_flatten(self, order="C", *, start_dim=0, end_dim=-1):
    return flatten(self, order, start_dim=start_dim, end_dim=end_dim)


@method("tile")
def _t_tile(self, *reps):
    reps = _varargs(reps)
    return tile(self, tuple(reps))


@method("repeat")
def _t_repeat(self, *repeats):
    repeats = _varargs(repeats)
    return Tensor._make(self._t.repeat(*repeats))


@method("split")
def _t_split(self, split_size_or_sections, axis=0):
    return split(self, split_size_or_sections, axis)


@method("softmax")
def _t_softmax(self, axis, dtype=None):
    from ._nn import softmax

    return softmax(self, axis, dtype=dtype)


@method("log_softmax")
def _t_log_softmax(self, axis=-1):
    from ._nn import log_softmax

    return log_softmax(self, axis)


@method("relu")
def _t_relu(self):
    return Tensor._make(torch.relu(self._t))


@method("float_power")
def _t_float_power(self, other):
    return Tensor._make(torch.float_power(self._t, unwrap(other)))


# ---------------------------------------------------------------------------------------------
# axes, diagonals, flips
# ---------------------------------------------------------------------------------------------
@op(method="movedim", samples=(S(f32(2, 3, 4), 0, 2), S(f32(2, 3, 4), (0, 1), (2, 0))))
def movedim(x, source, destination):
    return torch.movedim(x, source, destination)


@op(method="moveaxis", samples=(S(f32(2, 3, 4), 0, 2),))
def moveaxis(x, source, destination):
    return torch.movedim(x, source, destination)


@op(samples=(S(f32(2, 3, 4), 0, 2),))
def swapaxes(input, axis0, axis1):
    return torch.swapaxes(input, axis0, axis1)


@op(method="swapdims", samples=(S(f32(2, 3, 4), 0, 2),))
def swapdims(input, dim0, dim1):
    return torch.swapaxes(input, dim0, dim1)


@op(prim="Diag", method="diag", samples=(S(f32(3)), S(i32(2))))
def diag(input):
    if input.ndim == 1:
        return torch.diag(input)
    return torch.diag(input.reshape(-1)).reshape(tuple(input.shape) * 2)


@op(samples=(S(f32(3, 4)), S(f32(3, 4), 1), S(f32(2, 3, 4), 0, 1, 2)))
def diagonal(input, offset=0, dim1=0, dim2=1):
    return torch.diagonal(input, offset, dim1, dim2)


@method("diagonal")
def _diagonal_method(self, offset=0, axis1=0, axis2=1):
    return diagonal(self, offset, axis1, axis2)


@op(samples=(S(f32(2, 3)), S(f32(3), 1)))
def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    return torch.diag_embed(input, offset, dim1, dim2)


@op(method="diagflat", samples=(S(f32(3)), S(f32(2, 2), 1)))
def diagflat(input, offset=0):
    return torch.diagflat(input, offset)


@op(method="rot90", samples=(S(f32(2, 3), 1, (0, 1)), S(f32(2, 3), 2, (1, 0))))
def rot90(input, k, dims):
    return torch.rot90(input, k, list(dims))


@op(method="fliplr", samples=(S(f32(2, 3)),))
def fliplr(input):
    return torch.fliplr(input)


@op(method="flipud", samples=(S(f32(2, 3)),))
def flipud(input):
    return torch.flipud(input)


@op(samples=(S(f32(2, 3), (0,)),))
def reverse(x, axis):
    return torch.flip(x, tuple(axis) if isinstance(axis, (list, tuple)) else (axis,))


# ---------------------------------------------------------------------------------------------
# stacking / splitting helpers
# ---------------------------------------------------------------------------------------------
def _seq_or_one(fn, inputs):
    if isinstance(inputs, torch.Tensor):
        return fn(inputs)
    return tuple(fn(t) for t in inputs)


@op(seq=("inputs",), out="any", samples=(S(f32()), S([f32(), f32(2, 3)])))
def atleast_1d(inputs):
    return _seq_or_one(torch.atleast_1d, inputs)


@op(seq=("inputs",), out="any", samples=(S(f32(3)), S([f32(), f32(2, 3)])))
def atleast_2d(inputs):
    return _seq_or_one(torch.atleast_2d, inputs)


@op(seq=("inputs",), out="any", samples=(S(f32(3)), S([f32(), f32(2, 3)])))
def atleast_3d(inputs):
    return _seq_or_one(torch.atleast_3d, inputs)


@op(seq=("tensors",), samples=(S((f32(2, 3), f32(2, 1, seed=1))),))
def hstack(tensors):
    return torch.hstack(list(tensors))


@op(seq=("inputs",), samples=(S((f32(2, 3), f32(1, 3, seed=1))),))
def vstack(inputs):
    return torch.vstack(list(inputs))


@op(seq=("tensors",), samples=(S((f32(2, 3), f32(2, 3, seed=1))),))
def dstack(tensors):
    return torch.dstack(list(tensors))


@op(seq=("tensors",), samples=(S((f32(3), f32(3, 2, seed=1))),))
def column_stack(tensors):
    return torch.column_stack(list(tensors))


def _ios(v):
    return list(v) if isinstance(v, (list, tuple)) else int(v) if isinstance(v, numbers.Integral) else v


@op(method="tensor_split", out="tuple", samples=(S(f32(5, 2), 2), S(f32(5, 2), [1, 3]), S(f32(2, 5), 2, 1)))
def tensor_split(input, indices_or_sections, axis=0):
    return torch.tensor_split(input, _ios(indices_or_sections), axis)


@op(method="hsplit", out="tuple", samples=(S(f32(2, 4), 2),))
def hsplit(input, indices_or_sections):
    return torch.hsplit(input, _ios(indices_or_sections))


@op(method="vsplit", out="tuple", samples=(S(f32(4, 2), 2),))
def vsplit(input, indices_or_sections):
    return torch.vsplit(input, _ios(indices_or_sections))


@op(method="dsplit", out="tuple", samples=(S(f32(2, 2, 4), 2),))
def dsplit(input, indices_or_sections):
    return torch.dsplit(input, _ios(indices_or_sections))


# ---------------------------------------------------------------------------------------------
# part 2: unstack/stack helpers, segment reductions, band/sequence masks, slicing, products
# ---------------------------------------------------------------------------------------------
@op(out="tuple", samples=(S(f32(2, 3)), S(f32(2, 3), 1)))
def unstack(input_x, axis=0):
    return torch.unbind(input_x, axis)


attr_prim("Unstack", None, {"axis": 0, "num": None}, call=lambda self, x: unstack(x, self.axis))


@op(seq=("tensors",), samples=(S((f32(2, 3), f32(1, 3, seed=1))),))
def row_stack(tensors):
    return torch.vstack(list(tensors))


@op(prim="Expand", samples=(S(f32(1, 3), V([2, 3], 'int32')),))
def expand(input_x, size):
    if isinstance(size, torch.Tensor):
        size = size.tolist()
    return input_x.expand(tuple(size))


@op(prim="MatrixBandPart", samples=(S(f32(3, 4), 1, 0), S(f32(3, 4), -1, 1)))
def matrix_band_part(x, lower, upper):
    m, n = x.shape[-2], x.shape[-1]
    lower = int(lower.item()) if isinstance(lower, torch.Tensor) else int(lower)
    upper = int(upper.item()) if isinstance(upper, torch.Tensor) else int(upper)
    i = torch.arange(m, device=x.device).unsqueeze(-1)
    j = torch.arange(n, device=x.device)
    keep = torch.ones((m, n), dtype=torch.bool, device=x.device)
    if lower >= 0:
        keep &= (i - j) <= lower
    if upper >= 0:
        keep &= (j - i) <= upper
    return torch.where(keep, x, torch.zeros((), dtype=x.dtype, device=x.device))


@op(samples=(S(V([1, 3, 2], 'int32'), 4),))
def sequence_mask(lengths, maxlen=None):
    if maxlen is None:
        maxlen = int(lengths.max().item())
    return torch.arange(maxlen, device=lengths.device) < lengths.unsqueeze(-1)


@op(samples=(S(f32(2, 3), 2), S(f32(2, 3), 2, 1)))
def repeat_elements(x, rep, axis=0):
    return torch.repeat_interleave(x, rep, axis)


@method("reverse_sequence")
def _t_reverse_sequence(self, seq_lengths, seq_dim=0, batch_dim=0):
    return reverse_sequence(self, seq_lengths, seq_dim, batch_dim)


@op(samples=(S(f32(3, 4), V([1, 2, 3], 'int32'), 1),))
def reverse_sequence(x, seq_lengths, seq_dim, batch_dim=0):
    out = x.clone()
    for b in range(x.shape[batch_dim]):
        n = int(seq_lengths[b])
        if n > 1:
            src = x.select(batch_dim, b)
            d = seq_dim - (seq_dim > batch_dim)
            part = src.narrow(d, 0, n).flip(d)
            out.select(batch_dim, b).narrow(d, 0, n).copy_(part)
    return out


attr_prim("ReverseSequence", reverse_sequence, {"seq_dim": _REQ, "batch_dim": 0})


@op(samples=(S(f32(2), f32(3, seed=1)),))
def cartesian_prod(*inputs):
    return torch.cartesian_prod(*inputs)


@op(samples=(S(f32(4)), S(f32(4), 3, True)))
def combinations(input, r=2, with_replacement=False):
    return torch.combinations(input, r, with_replacement)


@op(samples=(S(f32(2, 2), f32(1, 3, seed=1)),))
def block_diag(*inputs):
    return torch.block_diag(*inputs)


# ---------------------------------------------------------------------------------------------
# Tensor methods over table entries (same signature as the functional form)
# ---------------------------------------------------------------------------------------------
def _bind(meth, fn):
    METHODS[meth] = fn

for _m in ("select_scatter", "slice_scatter", "diagonal_scatter", "unsorted_segment_max", "unsorted_segment_min",
           "unsorted_segment_prod"):
    _bind(_m, OPS[_m])


@method("expand")
def _expand_method(self, *size):
    size = tuple(_varargs(size))
    return Tensor._make(self._t.expand(tuple(int(s._t.item()) if isinstance(s, Tensor) else s for s in size)))


@method("reverse")
def _reverse_method(self, axis):
    return reverse(self, axis)


@method("unbind")
def _unbind_method(self, dim=0):
    return tuple(Tensor._make(t) for t in torch.unbind(self._t, dim))


@method("reshape_as")
def _reshape_as_method(self, other):
    return Tensor._make(self._t.reshape(other._t.shape))


@method("type_as")
def _type_as_method(self, other):
    return Tensor._make(self._t.to(other._t.dtype))


@method("fill_diagonal")
def _fill_diagonal_method(self, fill_value, wrap=False):
    return Tensor._make(self._t.clone().fill_diagonal_(fill_value, wrap))


@op(out="raw", method="is_complex", samples=(S(f32(2)),))
def is_complex(input):
    return isinstance(input, torch.Tensor) and input.is_complex()


@op(out="raw", samples=(S(f32(2)), S(i32(2))))
def is_floating_point(input):
    return isinstance(input, torch.Tensor) and input.is_floating_point()


@method("is_signed")
def _is_signed_method(self):
    return self._t.is_signed()


@method("ndimension")
def _ndimension_method(self):
    return self._t.ndim


# ---------------------------------------------------------------------------------------------
# functional shape helpers and the reference's small utilities
# ---------------------------------------------------------------------------------------------
@op(samples=(S(f32(2, 3)), S(f32(3))))
def t(input):
    """Transpose a 2-D tensor (0-D and 1-D are returned as they are)."""
    if input.dim() > 2:
        raise ValueError(f"For 't', the input must be at most 2-D, but got {input.dim()}-D.")
    return input.t()


@op(samples=(S(f32(2, 3), i32(2)),))
def type_as(input, other):
    """``input`` cast to ``other``'s dtype."""
    return input.to(other.dtype)


@op(samples=(S(f32(2, 3), f32(3, 2)),))
def view_as(input, other):
    """``input`` reshaped (viewed) to ``other``'s shape."""
    return input.view(other.shape)


@op(samples=(S(f32(1, 3), f32(2, 3)),))
def expand_as(input, other):
    """``input`` broadcast to ``other``'s shape."""
    return input.expand_as(other)


@op(method="ravel", samples=(S(f32(2, 3)),))
def ravel(input):
    """``input`` flattened to 1-D."""
    return input.reshape(-1)


def _addn(x, name):
    if isinstance(x, torch.Tensor):
        return x
    if not x:
        raise ValueError(f"For '{name}', the input must hold at least one tensor.")
    r = x[0]
    for v in x[1:]:
        r = r + v
    return r


@op(seq=("x",), samples=(S([f32(2, 3), f32(2, 3, seed=1), f32(2, 3, seed=2)]), S((i32(3), i32(3, seed=1)))))
def addn(x):
    """Element-wise sum of the tensors in ``x``."""
    return _addn(x, "addn")


@op(seq=("x",), samples=(S([f32(2, 3), f32(2, 3, seed=1)]),))
def accumulate_n(x):
    """Element-wise sum of the tensors in ``x``."""
    return _addn(x, "accumulate_n")


class _SeqPrim(Primitive):
    def __call__(self, inputs):
        return Tensor._make(_addn([i._t if isinstance(i, Tensor) else i for i in inputs], self.name))


@prim("AddN")
class AddN(_SeqPrim):
    def __init__(self):
        super().__init__("AddN")


@prim("AccumulateNV2")
class AccumulateNV2(_SeqPrim):
    def __init__(self):
        super().__init__("AccumulateNV2")


@op(out="raw", static=("obj",), samples=(S(f32(2)), S(3), S([1, 2])))
def is_tensor(obj):
    """Whether ``obj`` is a Tensor."""
    return isinstance(obj, Tensor)


@op(samples=(S(f32(2)),))
def view_as_real(input):
    """A complex tensor as real, with a last dimension of size 2 (real, imaginary)."""
    if not input.is_complex():
        raise TypeError(f"For 'view_as_real', the dtype of the input must be complex, but got "
                        f"{mstype.from_torch(input.dtype)}.")
    return torch.view_as_real(input)


# ---------------------------------------------------------------------------------------------
# Tensor-only methods: copies, new tensors, dtype conversions, in-place variants
# ---------------------------------------------------------------------------------------------
@method("clone")
def _clone_method(self):
    return Tensor._make(self._t.clone())


@method("type")
def _type_method(self, dtype=None):
    if dtype is None:
        return str(mstype.from_torch(self._t.dtype))
    return Tensor._make(self._t.to(_tdt(dtype)))


@method("byte")
def _byte_method(self):
    return Tensor._make(self._t.to(torch.uint8))


@method("short")
def _short_method(self):
    return Tensor._make(self._t.to(torch.int16))


@method("bitwise_not")
def _bitwise_not_method(self):
    return Tensor._make(torch.bitwise_not(self._t))


def _conj_t(self):
    """The conjugate transpose of the last two dims (the transpose for real tensors)."""
    return Tensor._make(self._t.mH.resolve_conj())

METHODS["mH"] = property(_conj_t)


def _h(self):
    """The conjugate transpose of a 2-D tensor."""
    if self._t.dim() != 2:
        raise ValueError(f"For 'Tensor.H', the tensor must be 2-D, but got {self._t.dim()}-D.")
    return Tensor._make(self._t.mH.resolve_conj())

METHODS["H"] = property(_h)


@method("storage_offset")
def _storage_offset_method(self):
    return self._t.storage_offset()


def _diag_part(x):
    if x.dim() % 2 or x.dim() == 0:
        raise ValueError(f"For 'DiagPart', the rank of the input must be even and positive, but got {x.dim()}.")
    k = x.dim() // 2
    if tuple(x.shape[:k]) != tuple(x.shape[k:]):
        raise ValueError(f"For 'DiagPart', the input's shape must be (D1..Dk, D1..Dk), but got {tuple(x.shape)}.")
    n = 1
    for d in x.shape[:k]:
        n *= d
    return torch.diagonal(x.reshape(n, n)).reshape(x.shape[:k])


def _sorted_segment(how):
    def f(self, x, segment_ids):
        ids = _idx(segment_ids)
        if ids.dim() != 1 or ids.shape[0] != x.shape[0]:
            raise ValueError(f"For '{self.name}', 'segment_ids' must be 1-D with the length of the input's first "
                             f"dimension, but got shape {tuple(ids.shape)}.")
        if ids.numel() and bool((ids[1:] < ids[:-1]).any()):
            raise ValueError(f"For '{self.name}', 'segment_ids' must be sorted.")
        n = int(ids.max().item()) + 1 if ids.numel() else 0
        out = torch.zeros((n,) + tuple(x.shape[1:]), dtype=x.dtype, device=x.device)
        idx = ids.view(-1, *([1] * (x.dim() - 1))).expand_as(x)
        if how == "sum":
            return out.scatter_add(0, idx, x)
        if how == "mean":
            s = out.scatter_add(0, idx, x)
            c = torch.zeros(n, dtype=x.dtype, device=x.device).scatter_add(0, ids, torch.ones_like(ids, dtype=x.dtype))
            return s / c.clamp(min=1).view(-1, *([1] * (x.dim() - 1)))
        red = {"max": "amax", "min": "amin", "prod": "prod"}[how]
        if how == "prod":      # empty segments: the product's identity, 1
            out = torch.ones_like(out)
        r = out.scatter_reduce(0, idx, x, reduce=red, include_self=False)
        return r
    return f


def _depth_to_space(self, x):
    bs = self.block_size
    n, c, h, w = x.shape
    if c % (bs * bs):
        raise ValueError(f"For 'DepthToSpace', the channels ({c}) must be divisible by block_size**2 ({bs * bs}).")
    return x.reshape(n, bs, bs, c // (bs * bs), h, w).permute(0, 3, 4, 1, 5, 2).reshape(n, c // (bs * bs), h * bs,
                                                                                      w * bs)


def _space_to_depth(self, x):
    bs = self.block_size
    n, c, h, w = x.shape
    if h % bs or w % bs:
        raise ValueError(f"For 'SpaceToDepth', the height and width ({h}, {w}) must be divisible by "
                         f"block_size ({bs}).")
    return x.reshape(n, c, h // bs, bs, w // bs, bs).permute(0, 3, 5, 1, 2, 4).reshape(n, c * bs * bs, h // bs,
                                                                                      w // bs)


def _space_to_batch(x, block, pads):
    m = len(block)
    pad = []
    for lo_hi in reversed(pads):
        pad += [int(lo_hi[0]), int(lo_hi[1])]
    x = torch.nn.functional.pad(x, pad)
    lead = tuple(x.shape[:x.dim() - m])
    sp = x.shape[x.dim() - m:]
    for s, b in zip(sp, block):
        if s % b:
            raise ValueError(f"For 'space_to_batch_nd', the padded spatial size {s} must be divisible by {b}.")
    shape = list(lead)
    for s, b in zip(sp, block):
        shape += [s // b, b]
    x = x.reshape(shape)
    nl = len(lead)
    perm = [nl + 2 * i + 1 for i in range(m)] + list(range(nl)) + [nl + 2 * i for i in range(m)]
    x = x.permute(perm)
    nb = 1
    for b in block:
        nb *= b
    return x.reshape((nb * lead[0],) + lead[1:] + tuple(s // b for s, b in zip(sp, block)))


def _batch_to_space(x, block, crops):
    m = len(block)
    nb = 1
    for b in block:
        nb *= b
    if x.shape[0] % nb:
        raise ValueError(f"For 'batch_to_space_nd', the batch ({x.shape[0]}) must be divisible by {nb}.")
    rest = tuple(x.shape[1:x.dim() - m])
    sp = tuple(x.shape[x.dim() - m:])
    x = x.reshape(tuple(block) + (x.shape[0] // nb,) + rest + sp)
    nr = len(rest)
    perm = [m] + [m + 1 + i for i in range(nr)]
    for i in range(m):
        perm += [m + 1 + nr + i, i]
    x = x.permute(perm).reshape((x.shape[m],) + rest + tuple(s * b for s, b in zip(sp, block)))
    idx = [slice(None)] * (1 + nr)
    for (lo, hi), s, b in zip(crops, sp, block):
        idx.append(slice(int(lo), s * b - int(hi)))
    return x[tuple(idx)]


@op(samples=(S(f32(1, 1, 4, 4), [2, 2], [[0, 0], [0, 0]]),))
def space_to_batch_nd(input_x, block_size, paddings):
    """Zero-pad the spatial dims and move ``block_size`` blocks of them into the batch dimension."""
    block = [block_size] * len(paddings) if isinstance(block_size, int) else list(block_size)
    return _space_to_batch(input_x, block, paddings)


@op(samples=(S(f32(4, 1, 2, 2), [2, 2], [[0, 0], [0, 0]]),))
def batch_to_space_nd(input_x, block_shape, crops):
    """Move blocks of the batch dimension back into the spatial dims, then crop (``space_to_batch_nd``'s inverse)."""
    block = [block_shape] * len(crops) if isinstance(block_shape, int) else list(block_shape)
    return _batch_to_space(input_x, block, crops)


def _unravel_index(self, indices, dims):
    idx, d = _idx(indices), _idx(dims)
    if bool((idx < 0).any()) or bool((idx >= torch.prod(d)).any()):
        raise ValueError("For 'UnravelIndex', every index must be in [0, prod(dims)).")
    out = []
    for s in reversed(d.tolist()):
        out.append(idx % s)
        idx = torch.div(idx, s, rounding_mode="floor")
    return torch.stack(out[::-1], 0).to(indices.dtype)


def _invert_permutation(self, x):
    xs = x.tolist() if isinstance(x, torch.Tensor) else list(x)
    if sorted(xs) != list(range(len(xs))):
        raise ValueError(f"For 'InvertPermutation', the input must be a permutation of 0..{len(xs) - 1}, "
                         f"but got {xs}.")
    inv = [0] * len(xs)
    for i, v in enumerate(xs):
        inv[v] = i
    return torch.tensor(inv, dtype=x.dtype, device=x.device) if isinstance(x, torch.Tensor) else tuple(inv)


def _split_v(self, x):
    sizes = list(self.size_splits)
    d = self.split_dim % x.dim()
    if sizes.count(-1) == 1:
        sizes[sizes.index(-1)] = x.shape[d] - (builtins.sum(s for s in sizes if s != -1))
    if len(sizes) != self.num_split or builtins.sum(sizes) != x.shape[d]:
        raise ValueError(f"For 'SplitV', 'size_splits' {self.size_splits} must hold 'num_split' ({self.num_split}) "
                         f"sizes adding up to {x.shape[d]}.")
    return tuple(torch.split(x, sizes, d))

_attr_prim("Tril", [("diagonal", 0)], lambda s, x: torch.tril(x, s.diagonal), "Lower triangle of the last two dims.")

_attr_prim("Triu", [("diagonal", 0)], lambda s, x: torch.triu(x, s.diagonal), "Upper triangle of the last two dims.")

_attr_prim("Identity", [], lambda s, x: x.clone(), "A copy of the input.")

_attr_prim("InvertPermutation", [], _invert_permutation, "The inverse of a permutation of 0..n-1.")

_attr_prim("Meshgrid", [("indexing", "xy")], lambda s, xs: tuple(torch.meshgrid(*[_u(t) for t in xs],
                                                                                indexing=s.indexing)),
           "Coordinate matrices from coordinate vectors.")

_attr_prim("Unpack", [("axis", 0)], lambda s, x: tuple(torch.unbind(x, s.axis)), "Unstack along axis.")

_attr_prim("Pack", [("axis", 0)], lambda s, xs: torch.stack([_u(t) for t in xs], s.axis), "Stack along axis.")

_attr_prim("ReverseV2", [("axis", _REQ)], lambda s, x: torch.flip(x, tuple(s.axis)), "Reverse along the axes.")

_attr_prim("BroadcastTo", [("shape", _REQ)], lambda s, x: OPS["broadcast_to"].__wrapped_impl__(x, s.shape),
           "Broadcast to shape (-1 keeps a dimension).")

_attr_prim("SplitV", [("size_splits", _REQ), ("split_dim", _REQ), ("num_split", _REQ)], _split_v,
           "Split into pieces of the given sizes (one -1 takes the rest).")

_attr_prim("DiagPart", [], lambda s, x: _diag_part(x), "The diagonal of a (D1..Dk, D1..Dk) tensor.")

_attr_prim("ConjugateTranspose", [], lambda s, x, perm: x.permute(*perm).conj().resolve_conj(),
           "Permute the dims and conjugate.")

for _h in ("sum", "max", "min", "mean", "prod"):
    _attr_prim("Segment" + _h.capitalize(), [], _sorted_segment(_h), f"Per-segment {_h} over sorted segment ids.")

_attr_prim("DepthToSpace", [("block_size", _REQ)], _depth_to_space, "Depth (channels) into spatial blocks, NCHW.")

_attr_prim("SpaceToDepth", [("block_size", _REQ)], _space_to_depth, "Spatial blocks into depth (channels), NCHW.")

_attr_prim("SpaceToBatchND", [("block_shape", _REQ), ("paddings", _REQ)],
           lambda s, x: _space_to_batch(x, [s.block_shape] * len(s.paddings) if isinstance(s.block_shape, int)
                                        else list(s.block_shape), s.paddings),
           "Pad, then move spatial blocks into the batch dimension.")

_attr_prim("BatchToSpaceND", [("block_shape", _REQ), ("crops", _REQ)],
           lambda s, x: _batch_to_space(x, [s.block_shape] * len(s.crops) if isinstance(s.block_shape, int)
                                        else list(s.block_shape), s.crops),
           "Move batch blocks into the spatial dims, then crop.")

_attr_prim("SpaceToBatch", [("block_size", _REQ), ("paddings", _REQ)],
           lambda s, x: _space_to_batch(x, [s.block_size] * 2, s.paddings), "SpaceToBatchND with a square block.")

_attr_prim("BatchToSpace", [("block_size", _REQ), ("crops", _REQ)],
           lambda s, x: _batch_to_space(x, [s.block_size] * 2, s.crops), "BatchToSpaceND with a square block.")

_attr_prim("UnravelIndex", [], _unravel_index, "Flat indices into coordinates of an array of shape dims.")


def _fill_diag(s, x):
    r = x.clone()
    if r.dim() == 2:
        n = r.shape[1]
        step = n + 1
        flat = r.view(-1)
        end = flat.numel() if s.wrap else builtins.min(r.shape[0], n) * n
        flat[0:end:step] = s.fill_value
        return r
    if len(set(r.shape)) != 1:
        raise ValueError("For 'FillDiagonal', every dimension of a tensor with more than 2 dims must be equal.")
    idx = torch.arange(r.shape[0], device=r.device)
    r[(idx,) * r.dim()] = s.fill_value
    return r

_attr_prim("FillDiagonal", [("fill_value", _REQ), ("wrap", False)], _fill_diag,
           "The input with its main diagonal set to ``fill_value`` (``wrap``: restart every n+1 rows).")

_attr_prim("InplaceUpdateV2", [], lambda s, x, indices, v: _impl("inplace_update")(x, v, tuple(
    indices.tolist()) if isinstance(indices, torch.Tensor) else indices), "Rows ``indices`` of x replaced by v.")

_attr_prim("LeftShift", [], lambda s, x, y: torch.bitwise_left_shift(x, y), "Element-wise ``x << y``.")

_attr_prim("RightShift", [], lambda s, x, y: torch.bitwise_right_shift(x, y), "Element-wise ``x >> y``.")

_attr_prim("MatrixDiagV3", [("align", "RIGHT_LEFT")],
           lambda s, x, k, num_rows, num_cols, padding_value: _impl("matrix_diag")(
               x, k, num_rows, num_cols, padding_value, s.align), "Batched diagonal matrices from diagonals.")

_attr_prim("MatrixDiagPartV3", [("align", "RIGHT_LEFT")],
           lambda s, x, k, padding_value: _impl("matrix_diag_part")(x, k, padding_value, s.align),
           "The (band of) diagonals of batched matrices.")

_attr_prim("MatrixSetDiagV3", [("align", "RIGHT_LEFT")],
           lambda s, x, diagonal, k: _impl("matrix_set_diag")(x, diagonal, k, s.align),
           "Batched matrices with their (band of) diagonals replaced.")

_attr_prim("ParallelConcat", [], lambda s, xs: torch.cat([_u(t) for t in xs], 0), "Concat along the first dim.")

_attr_prim("TensorAdd", [], lambda s, x, y: torch.add(x, y), "Element-wise ``x + y`` (use Add).")

_attr_prim("TensorShape", [], lambda s, x: torch.tensor(tuple(x.shape), dtype=torch.int64),
           "The shape of the input as a 1-D int64 tensor.")

_attr_prim("DynamicShape", [("dtype", 9)], lambda s, x: torch.tensor(tuple(x.shape), dtype=torch.int64),
           "The shape of the input as a 1-D int64 tensor (use TensorShape).")


@op(samples=(S(f32(2, 3)), S(i32(4))))
def dyn_shape(input_x):
    """The shape of the input as a 1-D int64 tensor."""
    return torch.tensor(tuple(input_x.shape), dtype=torch.int64)


def _list_diff(s, x, y):
    keep = ~torch.isin(x, y)
    idx = torch.nonzero(keep).reshape(-1)
    return x[keep], idx.to(_tdt(s.out_idx))

_attr_prim("ListDiff", [("out_idx", mstype.int32)], _list_diff,
           "``(out, idx)``: the values of ``x`` not in ``y`` and their positions.")


def _dim_map(s, x):
    src, dst = s.src_format, s.dst_format
    table = torch.tensor([src.index(c) for c in dst], dtype=x.dtype, device=x.device)
    return table[torch.remainder(x, len(src)).long()]

_attr_prim("DataFormatDimMap", [("src_format", "NHWC"), ("dst_format", "NCHW")], _dim_map,
           "Dimension indices in ``src_format`` mapped to their positions in ``dst_format``.")


@op(samples=(S(f32(2, 3)),))
def inplace_sigmoid(input):
    """``sigmoid`` in place; returns the input."""
    return input.sigmoid_()


# ---------------------------------------------------------------------------------------------
# the reference's "_ext" (torch-style) variants and remaining in-place functionals
# ---------------------------------------------------------------------------------------------
@op(samples=(S(f32(2, 3), 2.0), S(f32(2, 3), f32(2, 3, seed=1))))
def float_power_ext(input, exponent):
    """``input ** exponent`` computed in double precision (float64, complex128 for complex)."""
    return torch.float_power(input, exponent)


@op(out="tuple", samples=(S(f32(5, 2), 2), S(f32(2, 6), 4, 1), S(f32(3), 5), S(f32(3), 0)))
def chunk_ext(input, chunks, dim=0):
    """``chunks`` pieces of ``input`` along ``dim`` (the last may be smaller)."""
    return torch.chunk(input, chunks, dim)


@op(static=("equation",), samples=(S("ij,jk->ik", f32(2, 3), f32(3, 4, seed=1)), S("ii->i", f32(3, 3))))
def einsum_ext(equation, *operands):
    """Einstein summation over ``operands``."""
    return torch.einsum(equation, *operands)


# ---------------------------------------------------------------------------------------------
# last batch: more primitive forms and small utilities
# ---------------------------------------------------------------------------------------------
@prim("AssignSub")
class AssignSub(Primitive):
    """Subtract ``value`` from the Parameter ``variable`` in place; returns it."""

    def __init__(self):
        super().__init__("AssignSub")

    def __call__(self, variable, value):
        from ._inplace import assign_sub
        return assign_sub(variable, value)

_attr_prim("Roll", [("shifts", _REQ), ("dims", None)], lambda s, x: torch.roll(x, s.shifts, s.dims),
           "Elements rolled by ``shifts`` along ``dims``.")


def _vec_permute(s, x):
    src, dst = s.src_format, s.dst_format
    perm = [src.index(c) for c in dst]
    if x.dim() == 1:
        if x.shape[0] == 4:
            return x[perm]
        return x[[p - 1 for p in perm[1:-1]]] if x.shape[0] == 2 else x
    return x[perm]

_attr_prim("DataFormatVecPermute", [("src_format", "NHWC"), ("dst_format", "NCHW")], _vec_permute,
           "A shape (or (4, 2) block) vector permuted from ``src_format`` to ``dst_format``.")


@op(samples=(S(f32(2, 3)), S(i32(3), "CPU", False), S(f32(2), "NPU")))
def move_to(input, to="CPU", blocking=True):
    """A copy of ``input`` on the device ``to`` ('CPU', 'GPU' or 'Ascend'; non-CPU means torch's accelerator)."""
    if to not in ("CPU", "GPU", "Ascend"):
        raise ValueError(f"For 'move_to', 'to' must be 'CPU', 'GPU' or 'Ascend', but got {to!r}.")
    if to == "CPU":
        return input.to("cpu", non_blocking=not blocking)
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    return input.to(dev, non_blocking=not blocking)


@op(prim="ScalarCast", static=("input_y",), out="raw",
    samples=(S(2.7, D("int64")), S(-2.7, D("int64")), S(3, D("float64")), S(0, D("bool")), S(2.5, D("float32"))))
def scalar_cast(input_x, input_y):
    """The Python scalar ``input_x`` converted to the number type of the dtype ``input_y``."""
    t = _tdt(input_y)
    if t not in (torch.int64, torch.float64, torch.bool):
        raise ValueError(f"For 'ScalarCast', the supported types are int64, float64 and bool, but got {input_y}.")
    if t.is_floating_point:
        return float(input_x)
    if t == torch.bool:
        return bool(input_x)
    return int(input_x)


# ---------------------------------------------------------------------------------------------
# remaining Tensor-only methods
# ---------------------------------------------------------------------------------------------
@method("addcdiv")
def _addcdiv_method(self, tensor1, tensor2, *, value=1):
    return OPS["addcdiv"](self, tensor1, tensor2, value)


@method("addmm_")
def _addmm__method(self, mat1, mat2, *, beta=1, alpha=1):
    return _write(self, torch.addmm(self._t, mat1._t, mat2._t, beta=beta, alpha=alpha))


@method("eigvals")
def _eigvals_method(self):
    return OPS["eigvals"](self)


@method("fill_diagonal_")
def _fill_diagonal__method(self, fill_value, wrap=False):
    return _write(self, METHODS["fill_diagonal"](self, fill_value, wrap)._t)


@method("index_copy_")
def _index_copy__method(self, dim, index, tensor):
    return _write(self, torch.index_copy(self._t, dim, _idx(index._t), tensor._t))


@method("resize")
def _resize_method(self, *new_shape):
    """A copy with shape ``new_shape``: the flattened data, cut or padded with zeros (numpy's resize)."""
    new_shape = tuple(_varargs(new_shape))
    n = 1
    for d in new_shape:
        n *= d
    flat = self._t.reshape(-1)
    out = torch.zeros(n, dtype=flat.dtype, device=flat.device)
    k = builtins.min(n, flat.numel())
    out[:k] = flat[:k]
    return Tensor._make(out.reshape(new_shape))


@method("value")
def _value_method(self):
    return self

METHODS["data"] = property(lambda self: self, doc="The tensor itself (its data without gradient history).")


@method("get_bytes")
def _get_bytes_method(self):
    return self._t.detach().cpu().contiguous().numpy().tobytes()


@method("is_pinned")
def _is_pinned_method(self):
    return bool(self._t.is_pinned()) if self._t.device.type == "cpu" else False

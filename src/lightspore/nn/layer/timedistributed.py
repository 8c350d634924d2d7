"""TimeDistributed: applies a layer to every time step of its input."""
import torch

from ...common.tensor import Tensor
from ...ops._table import Primitive
from ..cell import Cell

__all__ = ["TimeDistributed"]


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


class TimeDistributed(Cell):
    """Applies ``layer`` along ``time_axis``: one call per step (outputs stacked on ``time_axis``), or one call
    on the time axis merged into ``reshape_with_axis`` when that is given."""

    def __init__(self, layer, time_axis, reshape_with_axis=None):
        if not isinstance(layer, (Cell, Primitive)):
            raise TypeError(f"For 'TimeDistributed', the 'layer' must be Cell or Primitive instance, but got type: "
                            f"{type(layer).__name__}.")
        super().__init__()
        if not _is_int(time_axis):
            raise TypeError(f"For 'TimeDistributed', the type of 'time_axis' must be 'int', but got "
                            f"'{type(time_axis).__name__}'.")
        if reshape_with_axis is not None and not _is_int(reshape_with_axis):
            raise TypeError(f"For 'TimeDistributed', the type of 'reshape_with_axis' must be 'int', but got "
                            f"'{type(reshape_with_axis).__name__}'.")
        self.layer = layer
        self.time_axis = time_axis
        self.reshape_with_axis = reshape_with_axis

    def _out(self, out):
        if not isinstance(out, Tensor):
            raise TypeError("For 'TimeDistributed', the inputs and outputs must be a Tensor.")
        return out._t

    def construct(self, inputs):
        if not isinstance(inputs, Tensor):
            raise TypeError("For 'TimeDistributed', the inputs and outputs must be a Tensor.")
        t = inputs._t
        nd = t.dim()
        if nd < 3:
            raise ValueError(f"For 'TimeDistributed', the inputs shape must be at least 3D, but got {nd}.")
        time_axis = self.time_axis % nd
        if self.reshape_with_axis is None:
            outs = [self._out(self.layer(Tensor._make(step))) for step in t.unbind(time_axis)]
            if time_axis > outs[0].dim():
                raise ValueError(f"For 'TimeDistributed', the value of 'time_axis' must be in range of "
                                 f"[{-outs[0].dim() - 1}, {outs[0].dim()}], but got {time_axis}.")
            return Tensor._make(torch.stack(outs, time_axis))
        rwa = self.reshape_with_axis % nd
        if rwa == nd - 1:
            new_time = nd - 2
        else:
            new_time = rwa + 1 if time_axis > rwa else rwa - 1
        pos = min(new_time, rwa)
        a, b = sorted((new_time, time_axis))
        perm = tuple(range(a)) + (b,) + tuple(range(a, b)) + tuple(range(b + 1, nd))
        moved = t.permute(perm)
        shape_new = tuple(moved.shape)
        merged = moved.reshape(shape_new[:pos] + (-1,) + shape_new[pos + 2:])
        out = self._out(self.layer(Tensor._make(merged)))
        if pos >= out.dim() or merged.shape[pos] != out.shape[pos]:
            raise ValueError(f"For 'TimeDistributed', the 'reshape_with_axis' is invalid in the input and output: "
                             f"'reshape_pos' {pos}, 'inputs_shape' {tuple(merged.shape)}, 'outputs_shape' "
                             f"{tuple(out.shape)}. You may try pass parameters without 'reshape_with_axis'.")
        out_shape = tuple(out.shape[:pos]) + shape_new[pos:pos + 2]
        if pos + 1 < out.dim():
            out_shape += tuple(out.shape[pos + 1:])
        return Tensor._make(out.reshape((-1,) + out_shape[1:]))

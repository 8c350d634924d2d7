"""``mindspore.ops.operations._rl_inner_ops``: ``CudnnGRU``, the stacked GRU primitive over one flat weight
tensor (MindSpore's GPU kernel; ``nn.GRU`` and mindnlp's GPU GRU call it).

The flat weight is cuDNN's packing: for each layer and, within it, each direction, ``W_ih`` (3*hidden, in),
``W_hh`` (3*hidden, hidden), then (``has_bias``) ``b_ih``, ``b_hh`` (3*hidden each), gates in the order
``r, z, n``; torch's fused GRU (``torch.gru``, cuDNN on the GPU) runs it, on the CPU too.
"""
import torch

from ...common.tensor import Tensor
from .._table import Primitive, prim_attr_register

__all__ = ["CudnnGRU"]


def _positive_int(value, arg):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For 'CudnnGRU', the '{arg}' must be int, but got {type(value).__name__}.")
    if value <= 0:
        raise ValueError(f"For 'CudnnGRU', the '{arg}' must be a positive int, but got {value}.")
    return value


def _bool(value, arg):
    if not isinstance(value, bool):
        raise TypeError(f"For 'CudnnGRU', the type of '{arg}' must be bool, but got {type(value).__name__}.")
    return value


class CudnnGRU(Primitive):
    """``CudnnGRU(input_size, hidden_size, num_layers, has_bias, bidirectional, dropout)(x, h, w)`` with ``x``
    (seq_len, batch, input_size), ``h`` (num_directions * num_layers, batch, hidden_size) and the flat weight
    ``w``; returns ``(output, h_n, reserve, state)``. ``reserve`` and ``state`` (cuDNN's workspace and dropout
    state, shape (0, 1) here) carry nothing: torch's autograd keeps what backward needs."""

    @prim_attr_register
    def __init__(self, input_size, hidden_size, num_layers, has_bias, bidirectional, dropout):
        self.input_size = _positive_int(input_size, "input_size")
        self.hidden_size = _positive_int(hidden_size, "hidden_size")
        self.num_layers = _positive_int(num_layers, "num_layers")
        self.has_bias = _bool(has_bias, "has_bias")
        self.bidirectional = _bool(bidirectional, "bidirectional")
        if isinstance(dropout, bool) or not isinstance(dropout, float):
            raise TypeError(f"For 'CudnnGRU', the type of 'dropout' must be float, but got {type(dropout).__name__}.")
        if not 0.0 <= dropout <= 1.0:
            raise ValueError(f"For 'CudnnGRU', the 'dropout' must be in range [0.0, 1.0], but got {dropout}.")
        self.dropout = dropout
        self.num_directions = 2 if bidirectional else 1

    def _weight_count(self):
        gate, hid = 3 * self.hidden_size, self.hidden_size
        total = 0
        for layer in range(self.num_layers):
            in_size = self.input_size if layer == 0 else hid * self.num_directions
            total += self.num_directions * (gate * in_size + gate * hid + (2 * gate if self.has_bias else 0))
        return total

    def _params(self, flat):
        gate, hid = 3 * self.hidden_size, self.hidden_size
        params, pos = [], 0

        def take(*shape):
            nonlocal pos
            n = shape[0] * (shape[1] if len(shape) > 1 else 1)
            t = flat[pos:pos + n].reshape(shape)
            pos += n
            return t

        for layer in range(self.num_layers):
            in_size = self.input_size if layer == 0 else hid * self.num_directions
            for _ in range(self.num_directions):
                params += [take(gate, in_size), take(gate, hid)]
                if self.has_bias:
                    params += [take(gate), take(gate)]
        return params

    def __call__(self, x, h, w):
        for arg, value in (("x", x), ("h", h), ("w", w)):
            if not isinstance(value, Tensor):
                raise TypeError(f"For 'CudnnGRU', the input '{arg}' must be a Tensor, but got "
                                f"{type(value).__name__}.")
        xt, ht, wt = x._t, h._t, w._t.reshape(-1)
        if xt.dim() != 3 or xt.shape[-1] != self.input_size:
            raise ValueError(f"For 'CudnnGRU', the input 'x' must be 3-D (seq_len, batch_size, {self.input_size}), "
                             f"but got shape {tuple(xt.shape)}.")
        want_h = (self.num_directions * self.num_layers, xt.shape[1], self.hidden_size)
        if tuple(ht.shape) != want_h:
            raise ValueError(f"For 'CudnnGRU', the input 'h' must have shape {want_h}, but got {tuple(ht.shape)}.")
        if wt.numel() != self._weight_count():
            raise ValueError(f"For 'CudnnGRU', the flat weight 'w' must have {self._weight_count()} elements, "
                             f"but got {wt.numel()}.")
        out, hn = torch.gru(xt, ht, self._params(wt), self.has_bias, self.num_layers, self.dropout,
                            self.dropout > 0, self.bidirectional, False)
        empty = xt.new_zeros((0, 1))
        return Tensor._make(out), Tensor._make(hn), Tensor._make(empty), Tensor._make(empty.clone())

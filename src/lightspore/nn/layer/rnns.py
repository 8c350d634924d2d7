"""Stacked recurrent layers: ``RNN`` (tanh or relu), ``LSTM``, ``GRU``.

Parameters, per layer ``k`` and direction (suffix ``_reverse`` for the backward one), registered as the
reference registers them (all ``weight_ih_*``, then ``weight_hh_*``, ``bias_ih_*``, ``bias_hh_*``):
``weight_ih_l{k}`` (gates * hidden, input of layer k), ``weight_hh_l{k}`` (gates * hidden, hidden), and the
two biases (gates * hidden), drawn from ``numpy.random.uniform(-1/sqrt(hidden), 1/sqrt(hidden))``.

Gate layout (LSTM ``i, f, g, o``; GRU ``r, z, n``) is torch's, so a whole stack runs as one call of torch's
fused kernel (``torch.lstm`` / ``torch.gru`` / ``torch.rnn_tanh`` / ``torch.rnn_relu``) with the weights in
the reference's order. ``seq_length`` (variable lengths) runs the packed form of the same kernel: past its
length a sequence's outputs are zero and its final state is the state at its last valid step, the backward
direction reading each sequence reversed within its own length, as the reference computes it. Lengths of 0
(or below) give zero outputs and the initial state; lengths above the time dimension count as full.
Dropout between layers applies in train mode only.
"""
import logging
import math

import numpy as np
import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from ..cell import Cell
from ._validate import positive_int
from .dropout import Dropout

__all__ = ["RNN", "LSTM", "GRU"]

_logger = logging.getLogger("lightspore")
_HX_DTYPES = (torch.float32, torch.float16)


class _DynamicRunner(Cell):
    """Runs a whole stack with one of torch's fused multi-layer kernels (no Parameters of its own)."""

    _kernel = None
    is_lstm = False

    def construct(self, x, hx, lengths, weights, has_bias, num_layers, dropout, train, bidirectional,
                  batch_first):
        kernel = type(self)._kernel
        state = hx if self.is_lstm else hx[0]
        if lengths is None:
            out = kernel(x, state, weights, has_bias, num_layers, dropout, train, bidirectional, batch_first)
            return out[0], out[1:]
        if batch_first:
            x = x.transpose(0, 1)
        steps, batch = x.shape[0], x.shape[1]
        lengths = lengths.to("cpu", torch.int64).clamp(max=steps)
        empty = lengths <= 0
        sorted_len, order = torch.sort(lengths.clamp(min=1), descending=True)
        restore = torch.argsort(order)
        dev_order, dev_restore = order.to(x.device), restore.to(x.device)
        packed = pack_padded_sequence(x.index_select(1, dev_order), sorted_len, enforce_sorted=True)
        state = tuple(h.index_select(1, dev_order) for h in hx)
        out = kernel(packed.data, packed.batch_sizes, state if self.is_lstm else state[0], weights, has_bias,
                     num_layers, dropout, train, bidirectional)
        output, _ = pad_packed_sequence(PackedSequence(out[0], packed.batch_sizes), total_length=steps)
        output = output.index_select(1, dev_restore)
        finals = tuple(h.index_select(1, dev_restore) for h in out[1:])
        if bool(empty.any()):
            mask = empty.to(x.device).view(1, batch, 1)
            output = output.masked_fill(mask, 0)
            finals = tuple(torch.where(mask, h0, h) for h0, h in zip(hx, finals))
        if batch_first:
            output = output.transpose(0, 1)
        return output, finals


class _DynamicRNNTanh(_DynamicRunner):
    _kernel = torch.rnn_tanh


class _DynamicRNNRelu(_DynamicRunner):
    _kernel = torch.rnn_relu


class _DynamicGRUCPUGPU(_DynamicRunner):
    _kernel = torch.gru


class _DynamicLSTMCPUGPU(_DynamicRunner):
    _kernel = torch.lstm
    is_lstm = True


_MODES = {"RNN_TANH": (1, _DynamicRNNTanh), "RNN_RELU": (1, _DynamicRNNRelu), "GRU": (3, _DynamicGRUCPUGPU),
          "LSTM": (4, _DynamicLSTMCPUGPU)}


def _is_tensor(value, arg, cls_name):
    if not isinstance(value, Tensor):
        raise TypeError(f"For '{cls_name}', the '{arg}' must be 'Tensor', but got '{type(value).__name__}'.")
    return value._t


class _RNNBase(Cell):
    """Shared construction and forward of RNN, GRU and LSTM."""

    def __init__(self, mode, input_size, hidden_size, num_layers=1, has_bias=True, batch_first=False, dropout=0.,
                 bidirectional=False, dtype=mstype.float32):
        super().__init__()
        name = self.cls_name
        positive_int(hidden_size, "hidden_size", name)
        positive_int(input_size, "input_size", name)
        positive_int(num_layers, "num_layers", name)
        if isinstance(dropout, bool) or not isinstance(dropout, float):
            raise TypeError(f"For '{name}', the type of 'dropout' must be 'float', but got "
                            f"'{type(dropout).__name__}'.")
        for arg, value in (("has_bias", has_bias), ("batch_first", batch_first), ("bidirectional", bidirectional)):
            validator.check_value_type(arg, value, [bool], name)
        if not 0 <= dropout < 1:
            raise ValueError(f"For '{name}', the 'dropout' must be a number in range [0, 1) representing the "
                             f"probability of an element being zeroed, but got {dropout}.")
        if dropout > 0 and num_layers == 1:
            _logger.warning("dropout option adds dropout after all but last recurrent layer, so non-zero dropout "
                            "expects num_layers greater than 1, but got dropout=%s and num_layers=%s",
                            dropout, num_layers)
        if mode not in _MODES:
            raise ValueError(f"For '{name}', the 'mode' must be in ['RNN_RELU', 'RNN_TANH', 'LSTM', 'GRU'], "
                             f"but got {mode}.")
        chunks, runner = _MODES[mode]
        gate_size = chunks * hidden_size
        self.rnn = runner()
        self.__dict__["_input_size"] = input_size
        self.hidden_size = hidden_size
        self.batch_first = batch_first
        self.num_layers = num_layers
        self.dropout = dropout
        self.dropout_op = Dropout(p=float(dropout))
        self.bidirectional = bidirectional
        self.has_bias = has_bias
        self.is_lstm = mode == "LSTM"
        num_directions = 2 if bidirectional else 1
        stdv = 1 / math.sqrt(hidden_size)

        def draw(shape, pname):
            values = np.random.uniform(-stdv, stdv, shape).astype(np.float32)
            return Parameter(Tensor(values, dtype=dtype), name=pname)

        w_ih, w_hh, b_ih, b_hh = [], [], [], []
        for layer in range(num_layers):
            for direction in range(num_directions):
                layer_input = input_size if layer == 0 else hidden_size * num_directions
                suffix = "_reverse" if direction == 1 else ""
                w_ih.append(draw((gate_size, layer_input), f"weight_ih_l{layer}{suffix}"))
                w_hh.append(draw((gate_size, hidden_size), f"weight_hh_l{layer}{suffix}"))
                if has_bias:
                    b_ih.append(draw((gate_size,), f"bias_ih_l{layer}{suffix}"))
                    b_hh.append(draw((gate_size,), f"bias_hh_l{layer}{suffix}"))
        self.w_ih_list = ParameterTuple(w_ih)
        self.w_hh_list = ParameterTuple(w_hh)
        self.b_ih_list = ParameterTuple(b_ih)
        self.b_hh_list = ParameterTuple(b_hh)
        self.__dict__["_num_directions"] = num_directions

    def _flat_weights(self, dtype):
        """[w_ih, w_hh, (b_ih, b_hh)] per layer and direction, cast to the input's dtype."""
        groups = (self.w_ih_list, self.w_hh_list, self.b_ih_list, self.b_hh_list) if self.has_bias else \
            (self.w_ih_list, self.w_hh_list)
        flat = []
        for i in range(len(self.w_ih_list)):
            for group in groups:
                t = group[i]._t
                flat.append(t if t.dtype == dtype else t.to(dtype))
        return flat

    def _check_state(self, hx, x, expected):
        name = self.cls_name
        if not self.is_lstm:
            states = (_is_tensor(hx, "hx", name),)
            args = ("hx",)
        else:
            if not isinstance(hx, tuple):
                raise TypeError(f"For '{name}', the 'hx' must be 'Tuple', but got '{type(hx).__name__}'.")
            if len(hx) != 2:
                raise TypeError(f"For '{name}', the length of 'hx' must be '2', but got '{len(hx)}'.")
            states = (_is_tensor(hx[0], "hx[0]", name), _is_tensor(hx[1], "hx[1]", name))
            args = ("hx[0]", "hx[1]")
        if x.dtype not in _HX_DTYPES:
            raise TypeError(f"For '{name}', the element of 'x' must be one of Float32, Float16 when 'hx' is given, "
                            f"but got {mstype.from_torch(x.dtype)}.")
        for arg, h in zip(args, states):
            if h.dtype not in _HX_DTYPES:
                raise TypeError(f"For '{name}', the element of '{arg}' must be one of Float32, Float16, but got "
                                f"{mstype.from_torch(h.dtype)}.")
            if h.dtype != x.dtype:
                raise TypeError(f"For '{name}', the type of '{arg}' should be same as 'x', but got 'x' with type "
                                f"{mstype.from_torch(x.dtype)} and '{arg}' with type {mstype.from_torch(h.dtype)}.")
            if tuple(h.shape) != expected:
                raise ValueError(f"For '{name}', the shape of '{arg}' must be {expected} (num_layers * "
                                 f"num_directions, batch_size, hidden_size), but got {tuple(h.shape)}.")
        return states

    def construct(self, x, hx=None, seq_length=None):
        name = self.cls_name
        x_t = _is_tensor(x, "x", name)
        if x_t.dim() > 3 and name in ("GRU", "RNN"):  # the reference's cell loop multiplies 2-D steps
            raise ValueError("MatMul inputs should have the same dimension size and equal to 2.")
        if x_t.dim() != 3:
            raise ValueError(f"For '{name}', the input 'x' must be a 3-D tensor (seq_len, batch_size, input_size) "
                             f"or, with batch_first, (batch_size, seq_len, input_size), but got a {x_t.dim()}-D "
                             f"tensor of shape {tuple(x_t.shape)}.")
        if x_t.shape[2] != self._input_size and name == "LSTM":  # the words of the reference's LSTM primitive
            raise ValueError(f"For primitive[LSTM], the x_shape[2] must be equal to {self._input_size}, but got "
                             f"{x_t.shape[2]}.")
        if x_t.shape[2] != self._input_size:
            raise ValueError(f"For '{name}', the last dimension of 'x' must be equal to 'input_size' "
                             f"({self._input_size}), but got shape {tuple(x_t.shape)}.")
        if not x_t.is_floating_point():
            raise TypeError(f"For '{name}', the 'x' must be a float tensor, but got {mstype.from_torch(x_t.dtype)}.")
        batch = x_t.shape[0] if self.batch_first else x_t.shape[1]
        shape = (self.num_layers * self._num_directions, batch, self.hidden_size)
        if hx is None:
            zeros = x_t.new_zeros(shape)
            states = (zeros, x_t.new_zeros(shape)) if self.is_lstm else (zeros,)
        else:
            states = self._check_state(hx, x_t, shape)
        lengths = None
        if seq_length is not None:
            lengths = _is_tensor(seq_length, "seq_length", name)
            if lengths.dtype not in (torch.int32, torch.int64):
                raise TypeError(f"For '{name}', the 'seq_length' should be one of [mindspore.int32, "
                                f"mindspore.int64], but got '{mstype.from_torch(lengths.dtype)}'.")
            if lengths.dim() != 1 or lengths.shape[0] != batch:
                size = lengths.shape[0] if lengths.dim() else lengths.numel()
                raise ValueError(f"For '{name}' batch size of x and seq_length must be equal, but got {batch} of x "
                                 f"and {size} of seq_length.")
        train = self.training and self.dropout > 0
        output, finals = self.rnn.construct(x_t, states, lengths, self._flat_weights(x_t.dtype), self.has_bias,
                                  self.num_layers, float(self.dropout), train, self.bidirectional, self.batch_first)
        if self.is_lstm:
            return Tensor._make(output), (Tensor._make(finals[0]), Tensor._make(finals[1]))
        return Tensor._make(output), Tensor._make(finals[0])


def _split_nonlinearity(cls_name, kwargs):
    if "nonlinearity" not in kwargs:
        return "RNN_TANH"
    nonlinearity = kwargs.pop("nonlinearity")
    if nonlinearity == "tanh":
        return "RNN_TANH"
    if nonlinearity == "relu":
        return "RNN_RELU"
    raise ValueError(f"For '{cls_name}', the 'nonlinearity' must be in ['tanh', 'relu'], but got {nonlinearity}.")


class RNN(_RNNBase):
    """``RNN(input_size, hidden_size, num_layers=1, has_bias=True, batch_first=False, dropout=0.0,
    bidirectional=False, dtype=mstype.float32, nonlinearity='tanh')`` (``nonlinearity`` by keyword);
    call ``(x, hx=None, seq_length=None)`` -> ``(output, h_n)``."""

    def __init__(self, *args, **kwargs):
        mode = _split_nonlinearity("RNN", kwargs)
        super().__init__(mode, *args, **kwargs)


class GRU(_RNNBase):
    """``GRU(input_size, hidden_size, num_layers=1, has_bias=True, batch_first=False, dropout=0.0,
    bidirectional=False, dtype=mstype.float32)``; call ``(x, hx=None, seq_length=None)`` -> ``(output, h_n)``."""

    def __init__(self, *args, **kwargs):
        super().__init__("GRU", *args, **kwargs)


class LSTM(_RNNBase):
    """``LSTM(input_size, hidden_size, num_layers=1, has_bias=True, batch_first=False, dropout=0.0,
    bidirectional=False, dtype=mstype.float32)``; call ``(x, hx=None, seq_length=None)`` with ``hx = (h_0, c_0)``
    -> ``(output, (h_n, c_n))``."""

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)


"""Single-step recurrent cells: ``RNNCell``, ``LSTMCell``, ``GRUCell``.

Each cell holds ``weight_ih`` (chunks * hidden, input), ``weight_hh`` (chunks * hidden, hidden) and, with
``has_bias``, ``bias_ih``/``bias_hh`` (chunks * hidden), all drawn from ``Uniform(1 / sqrt(hidden_size))``.
Gate order inside the stacked weights: LSTM ``i, f, g, o``; GRU ``r, z, n`` with the reset gate applied
to ``W_hn h + b_hn``: the layout torch's fused cell kernels (``torch.lstm_cell``, ``torch.gru_cell``,
``torch.rnn_tanh_cell``, ``torch.rnn_relu_cell``) take, so each step is one kernel call.
"""
import functools
import math

import torch

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.initializer import Uniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell
from ._validate import positive_int

__all__ = ["RNNCell", "LSTMCell", "GRUCell"]

_CELL_DTYPES = (torch.float32, torch.float16)


def _cell_tensor(value, arg, cls_name):
    """The torch tensor of a cell input: a float32/float16 Tensor (TypeError otherwise)."""
    if not isinstance(value, Tensor):
        raise TypeError(f"For '{cls_name}', the '{arg}' must be 'Tensor', but got '{type(value).__name__}'.")
    t = value._t
    if t.dtype not in _CELL_DTYPES:
        raise TypeError(f"For '{cls_name}', the '{arg}' should be one of [mindspore.float32, mindspore.float16], "
                        f"but got '{mstype.from_torch(t.dtype)}'.")
    return t


def _reject_layer_arguments(init):
    """LSTMCell was a whole LSTM layer before MindSpore 1.6 (``batch_size``, ``dropout``, ``bidirectional``
    and more positional arguments): such calls are refused with a pointer to ``nn.LSTM``."""

    @functools.wraps(init)
    def checked(self, *args, **kwargs):
        if len(args) > 3 or any(k in kwargs for k in ("batch_size", "dropout", "bidirectional")):
            raise ValueError("The arguments of `nn.LSTMCell` from old MindSpore version(<1.6) are detected, if you "
                             "still need use single LSTM layer, please use `nn.LSTM` instead.")
        init(self, *args, **kwargs)

    return checked


class RNNCellBase(Cell):
    """Shared construction of the recurrent cells: argument checks and the four Parameters."""

    def __init__(self, input_size: int, hidden_size: int, has_bias: bool, num_chunks: int, dtype=mstype.float32):
        super().__init__()
        name = self.cls_name
        validator.check_value_type("has_bias", has_bias, [bool], name)
        self.hidden_size = positive_int(hidden_size, "hidden_size", name)
        self.input_size = positive_int(input_size, "input_size", name)
        self.has_bias = has_bias
        gates = num_chunks * hidden_size
        self.weight_ih = Parameter(initializer("zeros", [gates, input_size], dtype), name="weight_ih")
        self.weight_hh = Parameter(initializer("zeros", [gates, hidden_size], dtype), name="weight_hh")
        if has_bias:
            self.bias_ih = Parameter(initializer("zeros", [gates], dtype), name="bias_ih")
            self.bias_hh = Parameter(initializer("zeros", [gates], dtype), name="bias_hh")
        else:
            self.bias_ih = None
            self.bias_hh = None
        self.reset_parameters(dtype=dtype)

    def reset_parameters(self, dtype=mstype.float32):
        """Redraw every Parameter from ``Uniform(1 / sqrt(hidden_size))``."""
        stdv = 1 / math.sqrt(self.hidden_size)
        for weight in self.get_parameters():
            weight.set_data(initializer(Uniform(stdv), weight.shape, dtype))

    def _weights(self, x, h):
        """The cell's weights as torch tensors, after the shape and dtype checks of a step."""
        name = self.cls_name
        if x.dim() != 2 or h.dim() != 2:
            raise ValueError(f"For '{name}', 'x' and 'hx' must be 2-D tensors (batch_size, input_size) and "
                             f"(batch_size, hidden_size), but got shapes {tuple(x.shape)} and {tuple(h.shape)}.")
        if x.shape[1] != self.input_size:
            raise ValueError(f"For '{name}', the last dimension of 'x' must be equal to 'input_size' "
                             f"({self.input_size}), but got shape {tuple(x.shape)}.")
        if h.shape[0] != x.shape[0] or h.shape[1] != self.hidden_size:
            raise ValueError(f"For '{name}', the shape of 'hx' must be ({x.shape[0]}, {self.hidden_size}) "
                             f"(batch_size, hidden_size), but got {tuple(h.shape)}.")
        w_ih = self.weight_ih._t
        if x.dtype != w_ih.dtype or h.dtype != w_ih.dtype:
            raise TypeError(f"For '{name}', the dtypes of 'x' ({mstype.from_torch(x.dtype)}) and 'hx' "
                            f"({mstype.from_torch(h.dtype)}) must be the same as the weights' "
                            f"({mstype.from_torch(w_ih.dtype)}).")
        if self.has_bias:
            return w_ih, self.weight_hh._t, self.bias_ih._t, self.bias_hh._t
        return w_ih, self.weight_hh._t, None, None


class RNNCell(RNNCellBase):
    """Elman cell ``h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)`` with ``act`` tanh or relu."""

    _non_linearity = ["tanh", "relu"]

    def __init__(self, input_size: int, hidden_size: int, has_bias: bool = True, nonlinearity: str = "tanh",
                 dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, num_chunks=1, dtype=dtype)
        if not isinstance(nonlinearity, str):
            raise TypeError(f"For 'RNNCell', the type of 'nonlinearity' should be 'str', but got type "
                            f"'{type(nonlinearity).__name__}'.")
        if nonlinearity not in self._non_linearity:
            raise ValueError(f"For 'RNNCell', the 'nonlinearity' must be str and must be in "
                             f"'{self._non_linearity}', but got '{nonlinearity}'.")
        self.nonlinearity = nonlinearity
        self.__dict__["_step"] = torch.rnn_tanh_cell if nonlinearity == "tanh" else torch.rnn_relu_cell

    def construct(self, x, hx):
        x_t = _cell_tensor(x, "x", "RNNCell")
        h_t = _cell_tensor(hx, "hx", "RNNCell")
        return Tensor._make(self._step(x_t, h_t, *self._weights(x_t, h_t)))


class LSTMCell(RNNCellBase):
    """LSTM cell: ``(h', c') = LSTMCell(x, (h, c))`` with gates ``i, f, g, o``."""

    @_reject_layer_arguments
    def __init__(self, input_size: int, hidden_size: int, has_bias: bool = True, dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, num_chunks=4, dtype=dtype)
        self.support_non_tensor_inputs = True

    def construct(self, x, hx):
        x_t = _cell_tensor(x, "x", "LSTMCell")
        if not isinstance(hx, tuple):
            raise TypeError(f"For 'LSTMCell', the 'hx' must be 'Tuple', but got '{type(hx).__name__}'.")
        if len(hx) != 2:
            raise TypeError(f"For 'LSTMCell', the length of 'hx' must be '2', but got '{len(hx)}'.")
        h_t = _cell_tensor(hx[0], "hx[0]", "LSTMCell")
        c_t = _cell_tensor(hx[1], "hx[1]", "LSTMCell")
        weights = self._weights(x_t, h_t)
        if c_t.shape != h_t.shape or c_t.dtype != h_t.dtype:
            raise ValueError(f"For 'LSTMCell', 'hx[1]' must have the shape and dtype of 'hx[0]' "
                             f"{tuple(h_t.shape)}, but got {tuple(c_t.shape)}.")
        hy, cy = torch.lstm_cell(x_t, (h_t, c_t), *weights)
        return Tensor._make(hy), Tensor._make(cy)


class GRUCell(RNNCellBase):
    """GRU cell with gates ``r, z, n``: ``n = tanh(W_in x + b_in + r * (W_hn h + b_hn))``,
    ``h' = (1 - z) * n + z * h``."""

    def __init__(self, input_size: int, hidden_size: int, has_bias: bool = True, dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, num_chunks=3, dtype=dtype)

    def construct(self, x, hx):
        x_t = _cell_tensor(x, "x", "GRUCell")
        h_t = _cell_tensor(hx, "hx", "GRUCell")
        return Tensor._make(torch.gru_cell(x_t, h_t, *self._weights(x_t, h_t)))

"""Basic layers: Dense, Flatten, Dropout, Identity."""
import math

import torch
import torch.nn.functional as F

from ...common import dtype as mstype
from ...common.initializer import HeUniform, Uniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...ops._table import Primitive
from ..cell import Cell
from ._validate import check_bool, positive_int
from .activation import get_activation

__all__ = ["Dense", "Flatten", "Identity"]


def _dense_parameters(cls_name, n_in, n_out, weight_init, bias_init, has_bias, dtype):
    """The weight (out, in), HeUniform(sqrt(5)) by default, and the bias (out), Uniform(1/sqrt(in)) by default or
    None without ``has_bias``, of Dense and Linear; ``n_in``/``n_out`` are (size, argument name) pairs. A Tensor
    init of another shape is the reference's ValueError."""
    (in_size, in_arg), (out_size, out_arg) = n_in, n_out
    if isinstance(weight_init, Tensor) and (weight_init.ndim != 2 or weight_init.shape[0] != out_size
                                            or weight_init.shape[1] != in_size):
        raise ValueError(f"For '{cls_name}', weight init shape error. The ndim of 'weight_init' must be equal to 2, "
                         f"and the first dim must be equal to '{out_arg}', and the second dim must be equal to "
                         f"'{in_arg}'. But got 'weight_init': {weight_init}, '{out_arg}': {out_size}, "
                         f"'{in_arg}': {in_size}.")
    if weight_init is None:
        weight_init = HeUniform(math.sqrt(5))
    weight = Parameter(initializer(weight_init, [out_size, in_size], dtype=dtype), name="weight")
    if not has_bias:
        return weight, None
    if isinstance(bias_init, Tensor) and (bias_init.ndim != 1 or bias_init.shape[0] != out_size):
        raise ValueError(f"For '{cls_name}', bias init shape error. The ndim of 'bias_init' must be equal to 1, "
                         f"and the first dim must be equal to '{out_arg}'. But got 'bias_init': {bias_init}, "
                         f"'{out_arg}': {out_size}.")
    if bias_init is None:
        bias_init = Uniform(scale=1 / math.sqrt(in_size))
    return weight, Parameter(initializer(bias_init, [out_size], dtype=dtype), name="bias")


class Dense(Cell):
    """Fully connected layer ``activation(x @ weight.T + bias)``; weight (out, in), bias (out)."""

    def __init__(self, in_channels, out_channels, weight_init=None, bias_init=None, has_bias=True, activation=None,
                 dtype=mstype.float32):
        super().__init__()
        name = "Dense"
        self.in_channels = positive_int(in_channels, "in_channels", name)
        self.out_channels = positive_int(out_channels, "out_channels", name)
        self.has_bias = check_bool(has_bias, "has_bias", name)
        self.weight, self.bias = _dense_parameters(name, (in_channels, "in_channels"), (out_channels, "out_channels"),
                                                  weight_init, bias_init, self.has_bias, dtype)
        self.activation = get_activation(activation) if isinstance(activation, str) else activation
        if activation is not None and not isinstance(self.activation, (Cell, Primitive)):
            raise TypeError(f"For '{name}', the 'activation' must be str or Cell or Primitive, but got "
                            f"{type(activation).__name__}.")
        self.activation_flag = self.activation is not None

    def construct(self, x):
        if not isinstance(x, Tensor):  # the reference reads the input's shape first
            raise TypeError(f"For primitive[Shape], the input argument must be Tensor, but got {type(x)}.")
        t = x._t
        try:
            out = F.linear(t, self.weight._t, self.bias._t if self.has_bias else None)
        except RuntimeError:
            raise self._error(t) from None
        out = Tensor._make(out)
        if self.activation_flag:
            out = self.activation(out)
        return out

    def _error(self, t):
        if t.dim() == 0 or t.shape[-1] != self.in_channels:  # the words of the reference's MatMul
            return ValueError(f"For 'MatMul' the input dimensions must be equal, but got 'x1_col': "
                              f"{t.shape[-1] if t.dim() else 1} and 'x2_row': {self.in_channels}.")
        return TypeError(f"For 'Dense', the input 'x' dtype {mstype.from_torch(t.dtype)} must match the weight "
                         f"dtype {self.weight.dtype}.")

    def extend_repr(self):
        s = f"input_channels={self.in_channels}, output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        if self.activation_flag:
            s += f", activation={self.activation}"
        return s


class Flatten(Cell):
    """Flatten dimensions ``start_dim`` .. ``end_dim`` into one."""

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def construct(self, x):
        # the reference checks at call time, in this order: the input, the range of either dim (Python's own
        # TypeError for a non-number), their type, their order
        if not isinstance(x, Tensor):
            raise TypeError("the input x must be Tensor!")
        t = x._t
        ndim = max(t.dim(), 1)
        for axis in (self.start_dim, self.end_dim):
            if axis < -ndim or axis >= ndim:
                raise ValueError("'start_dim' or 'end_dim' out of range.")
        if any(isinstance(v, bool) or not isinstance(v, int) for v in (self.start_dim, self.end_dim)):
            raise TypeError("For 'flatten', both 'start_dim' and 'end_dim' must be int.")
        if self.start_dim % ndim > self.end_dim % ndim:
            raise ValueError("For 'flatten', 'start_dim' cannot come after 'end_dim'.")
        return Tensor._make(torch.flatten(t, self.start_dim, self.end_dim) if t.dim() else t.reshape(1))


class Identity(Cell):
    """Returns its input; extra constructor arguments are accepted and ignored, as in the reference."""

    def __init__(self, *args, **kwargs):
        super().__init__()

    def construct(self, input):
        return input

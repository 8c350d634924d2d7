"""Dense-like layers beyond ``Dense``: BiDense (bilinear) and Linear (torch-style argument names)."""
import math

import torch.nn.functional as F

from ...common import dtype as mstype
from ...common.initializer import Uniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell
from ._validate import check_bool, positive_int, tensor_arg
from .basic import _dense_parameters

__all__ = ["BiDense", "Linear"]


class BiDense(Cell):
    """Bilinear layer ``y_o = x1^T W_o x2 + b_o``; weight (out, in1, in2), bias (out)."""

    def __init__(self, in1_channels, in2_channels, out_channels, weight_init=None, bias_init=None, has_bias=True,
                 dtype=mstype.float32):
        super().__init__()
        name = "BiDense"
        positive_int(in1_channels, "in1_channels", name)
        self.in_channels = positive_int(in2_channels, "in2_channels", name)
        positive_int(out_channels, "out_channels", name)
        check_bool(has_bias, "has_bias", name)
        self.in1_channels = in1_channels
        self.in2_channels = in2_channels
        self.out_channels = out_channels
        self.has_bias = has_bias
        bound = 1 / math.sqrt(in1_channels)
        if weight_init is None:
            weight_init = Uniform(bound)
        if isinstance(weight_init, Tensor) and (weight_init.ndim != 3 or tuple(weight_init.shape) != (
                out_channels, in1_channels, in2_channels)):
            raise ValueError(f"For '{name}', weight init shape error: 'weight_init' must have the shape "
                             f"(out_channels, in1_channels, in2_channels) = "
                             f"{(out_channels, in1_channels, in2_channels)}, but got {weight_init.shape}.")
        self.weight = Parameter(initializer(weight_init, (out_channels, in1_channels, in2_channels), dtype=dtype),
                                "weight")
        if has_bias:
            if bias_init is None:
                bias_init = Uniform(bound)
            if isinstance(bias_init, Tensor) and (bias_init.ndim != 1 or bias_init.shape[0] != out_channels):
                raise ValueError(f"For '{name}', bias init shape error: 'bias_init' must have the shape "
                                 f"({out_channels},), but got {bias_init.shape}.")
            self.bias = Parameter(initializer(bias_init, [out_channels], dtype=dtype), name="bias")
        else:
            self.bias = None

    def construct(self, input1, input2):
        name = "BiDense"
        a, b = tensor_arg(input1, "input1", name), tensor_arg(input2, "input2", name)
        if a.shape[-1] != self.in1_channels:
            raise ValueError(f"For '{name}', the last dimension of 'input1' must be same as 'in1_channels', but got "
                             f"{a.shape[-1]} of 'input1' and {self.in1_channels} of 'in1_channels'")
        if b.shape[-1] != self.in2_channels:
            raise ValueError(f"For '{name}', the last dimension of 'input2' must be same as 'in2_channels', but got "
                             f"{b.shape[-1]} of 'input2' and {self.in2_channels} of 'in2_channels'")
        if a.shape[:-1] != b.shape[:-1]:
            raise ValueError(f"For '{name}', the dimensions except the last of 'input1' must be same as 'input2', "
                             f"but got {tuple(a.shape)} of 'input1' and {tuple(b.shape)} of 'input2'")
        lead = a.shape[:-1]
        a2, b2 = a.reshape(-1, a.shape[-1]), b.reshape(-1, b.shape[-1])
        out = F.bilinear(a2, b2, self.weight._t, self.bias._t if self.has_bias else None)
        return Tensor._make(out.reshape(*lead, self.out_channels))

    def extend_repr(self):
        s = f"in1_channels={self.in1_channels}, in2_channels={self.in2_channels}, output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        return s


class Linear(Cell):
    """``x @ weight.T + bias`` with torch-style arguments (``in_features``, ``out_features``, ``bias``)."""

    def __init__(self, in_features, out_features, bias=True, weight_init=None, bias_init=None, dtype=None):
        super().__init__()
        name = "Linear"
        self.in_features = positive_int(in_features, "in_features", name)
        self.out_features = positive_int(out_features, "out_features", name)
        self.has_bias = check_bool(bias, "has_bias", name)
        if dtype is None:
            dtype = mstype.float32
        self.weight, self.bias = _dense_parameters(name, (in_features, "in_features"), (out_features, "out_features"),
                                                  weight_init, bias_init, self.has_bias, dtype)

    def construct(self, x):
        if isinstance(x, str) and self.has_bias:  # the words of the reference's dense function
            raise TypeError('Failed calling Dense with "Dense()(input=string, weight=Tensor, bias=Tensor)".')
        t = tensor_arg(x, "x", "Linear")
        try:
            out = F.linear(t, self.weight._t, self.bias._t if self.has_bias else None)
        except RuntimeError:
            raise ValueError(f"Dense shape error, got x_col: {t.shape[-1] if t.dim() else 1}, w_row: "
                             f"{self.in_features}. In Dense x_col and w_row should be equal. if the dim of w is "
                             f"2.") from None
        return Tensor._make(out)

    def extend_repr(self):
        s = f"input_features={self.in_features}, output_features={self.out_features}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        return s



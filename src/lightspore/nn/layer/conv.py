"""Convolution layers."""
import math

from ...common import dtype as mstype
from ...common._errors import ShapeRuntimeError
from ...common.initializer import HeUniform, Uniform, _calculate_fan_in_and_fan_out, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...ops._nn import conv2d_torch
from ..cell import Cell
from ._validate import check_bool, check_string, non_negative_int, positive_int, twice

__all__ = ["Conv2d"]


def _input_tensor(x, cls_name, ndim, layout):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the input 'x' must be a Tensor, but got {type(x).__name__}.")
    t = x._t
    if t.dim() != ndim:
        raise ValueError(f"For '{cls_name}', the input 'x' must be a {ndim}-D tensor {layout}, "
                         f"but got a {t.dim()}-D tensor of shape {tuple(t.shape)}.")
    return t


class _Conv(Cell):
    """Shared construction of the convolution layers: validation, weight and bias parameters."""

    def __init__(self, in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                 has_bias, weight_init, bias_init, data_format="NCHW", transposed=False, dtype=mstype.float32):
        super().__init__()
        name = type(self).__name__
        self.in_channels = positive_int(in_channels, "in_channels", name)
        self.out_channels = positive_int(out_channels, "out_channels", name)
        self.kernel_size = kernel_size
        self.stride = stride
        self.pad_mode = check_string(pad_mode, ["valid", "same", "pad"], "pad_mode", name)
        self.data_format = check_string(data_format, ["NCHW", "NHWC", "NCDHW"], "format", name)
        if self.data_format == "NHWC":
            raise ValueError(f"For '{name}', the \"NHWC\" format only support in GPU target, "
                             f"and lightspore supports the NCHW format only.")
        if isinstance(padding, bool):
            raise TypeError(f"For '{name}', the type of 'padding' must be int or tuple(int), but got bool.")
        if isinstance(padding, int):
            non_negative_int(padding, "padding", name)
        elif isinstance(padding, tuple):
            for pad in padding:
                non_negative_int(pad, "padding item", name)
        else:
            raise TypeError(f"For '{name}', the type of 'padding' must be int or tuple(int), "
                            f"but got {type(padding).__name__}.")
        if self.pad_mode != "pad" and padding != 0 and padding != (0,) * len(padding if
                                                                            isinstance(padding, tuple) else ()):
            raise ValueError(f"For '{name}', the 'padding' must be zero when 'pad_mode' is not 'pad', "
                             f"but got 'padding': {padding} and 'pad_mode': {pad_mode}.")
        self.padding = padding
        self.dilation = dilation
        self.group = positive_int(group, "group", name)
        self.has_bias = check_bool(has_bias, "has_bias", name)
        if in_channels % group != 0:
            raise ValueError(f"For '{name}', the attr 'in_channels' must be divisible by attr 'group', "
                             f"but got 'in_channels': {in_channels} and 'group': {group}.")
        if out_channels % group != 0:
            raise ValueError(f"For '{name}', the 'out_channels' must be divisible by attr 'group', "
                             f"but got 'out_channels': {out_channels} and 'group': {group}.")
        if transposed:
            shape = [in_channels, out_channels // group, *kernel_size]
        else:
            shape = [out_channels, in_channels // group, *kernel_size]
        if weight_init is None:
            weight_init = HeUniform(math.sqrt(5))
        self.weight_init = weight_init
        self.weight = Parameter(initializer(weight_init, shape, dtype=dtype), name="weight")
        self.bias_init = bias_init
        if has_bias:
            if bias_init is None:
                fan_in, _ = _calculate_fan_in_and_fan_out(shape)
                bias_init = Uniform(1 / math.sqrt(fan_in)) if fan_in != 0 else "zeros"
                self.bias_init = bias_init
            self.bias = Parameter(initializer(bias_init, [out_channels], dtype=dtype), name="bias")
        else:
            self.bias = None

    def extend_repr(self):
        return (f"input_channels={self.in_channels}, output_channels={self.out_channels}, "
                f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, "
                f"padding={self.padding}, dilation={self.dilation}, group={self.group}, "
                f"has_bias={self.has_bias}, weight_init={self.weight_init}, bias_init={self.bias_init}, "
                f"format={self.data_format}")


class Conv2d(_Conv):
    """2-D convolution over an (N, C, H, W) input; parameters ``weight`` (C_out, C_in/group, kH, kW) and
    ``bias`` (C_out) when ``has_bias``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, data_format="NCHW",
                 dtype=mstype.float32):
        name = type(self).__name__
        kernel_size = twice(kernel_size, "kernel_size", name)
        stride = twice(stride, "stride", name)
        self._dilation = dilation
        dilation = twice(dilation, "dilation", name)
        positive_int(group, "group", name)
        if isinstance(padding, tuple) and len(padding) != 4:
            raise ValueError(f"For '{name}', the length of 'padding' must be 4 when it is a tuple, "
                             f"but got {len(padding)}.")
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, data_format, dtype=dtype)

    def construct(self, x):
        t = _input_tensor(x, "Conv2d", 4, "(N, C_in, H_in, W_in)")
        b = self.bias._t if self.has_bias else None
        try:
            out = conv2d_torch(t, self.weight._t, b, self.stride, self.pad_mode, self.padding, self.dilation,
                               self.group, "Conv2d")
        except RuntimeError as e:
            raise _conv_error(self, t, e) from None
        return Tensor._make(out)


def _conv_error(cell, t, err):
    name = type(cell).__name__
    if t.shape[1] != cell.in_channels:
        return ShapeRuntimeError(f"For '{name}', the input 'x' must have {cell.in_channels} channels (dim 1), "
                          f"but got shape {tuple(t.shape)}.")
    if t.dtype != cell.weight._t.dtype:
        return TypeError(f"For '{name}', the input 'x' dtype {mstype.from_torch(t.dtype)} does not match the "
                         f"weight dtype {cell.weight.dtype}.")
    return ValueError(f"For '{name}', the input of shape {tuple(t.shape)} is invalid: {str(err).splitlines()[0]}")



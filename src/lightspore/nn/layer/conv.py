"""Convolution layers."""
import math

import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.initializer import HeUniform, Uniform, _calculate_fan_in_and_fan_out, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...ops._nn import conv2d_torch, same_pads
from ..cell import Cell
from ._validate import check_bool, check_string, ms_type_name, non_negative_int, positive_int, twice

__all__ = ["Conv2d", "Conv1d", "Conv3d", "Conv1dTranspose", "Conv2dTranspose", "Conv3dTranspose"]


def _conv_weight_shape(in_channels, out_channels, group, kernel_size, transposed):
    """(C_out, C_in/group, *kernel_size); (C_in, C_out/group, *kernel_size) for a transposed convolution."""
    if transposed:
        return [in_channels, out_channels // group, *kernel_size]
    return [out_channels, in_channels // group, *kernel_size]


def _input_tensor(x, cls_name, ndim, layout):
    if not isinstance(x, Tensor) and cls_name == "Conv2d":
        raise TypeError(f"The primitive[Conv2D]'s input arguments[w, x] must be all tensor and those type must be "
                        f"same. But got input argument[x]:{ms_type_name(x)}")
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the input 'x' must be a Tensor, but got {type(x).__name__}.")
    t = x._t
    if t.dim() != ndim:
        if cls_name == "Conv2dTranspose":  # the reference unpacks the shape into four names
            raise ValueError(f"not enough values to unpack (expected 4, got {t.dim()})" if t.dim() < 4 else
                             "too many values to unpack (expected 4)")
        # the reference's primitive's words; Conv1d runs Conv2D on the input with a dim added
        prim, extra = {"Conv1d": ("Conv2D", 1), "Conv2d": ("Conv2D", 0), "Conv3d": ("Conv3D", 0),
                       "Conv3dTranspose": ("Conv3DTranspose", 0)}.get(cls_name, (None, 0))
        if prim:
            raise ValueError(f"For primitive[{prim}], the x shape size must be equal to {ndim + extra}, but got "
                             f"{t.dim() + extra}.")
        raise ValueError(f"For '{cls_name}', the input 'x' must be a {ndim}-D tensor {layout}, "
                         f"but got a {t.dim()}-D tensor of shape {tuple(t.shape)}.")
    return t


# the primitive whose check the reference's pad_mode error names (the cell's own name for the others)
_PAD_MODE_PRIM = {"Conv2d": "Conv2D", "Conv3d": "Conv3D", "Conv3dTranspose": "Conv3DTranspose"}


def _pad_not_zero(name, padding, pad_mode):
    """The reference's error for a nonzero padding outside 'pad' mode: its primitive's words, which see a 1-D
    cell's padding as (0, 0, p, p)."""
    if name in ("Conv1d", "Conv1dTranspose"):
        padding = (0, 0, padding, padding)
    if name in ("Conv1d", "Conv2d"):
        return ValueError(f"For 'Conv2D', the 'pad' must be zero when 'pad_mode' is not 'pad', but got 'pad': "
                          f"{padding} and 'pad_mode': {pad_mode}.")
    prim, n = {"Conv3d": ("Conv3D", 6), "Conv2dTranspose": ("Conv2DTranspose", 4),
               "Conv1dTranspose": ("Conv2DBackpropInput", 4)}.get(name, ("Conv3DTranspose", 6))
    return ValueError(f"For '{prim}', the 'pad' must be zero or {(0,) * n} when 'pad_mode' is not \"pad\", but "
                      f"got 'pad' is {padding} and 'pad_mode' is {pad_mode}.")


class _ConvBase(Cell):
    """The arguments every convolution cell (the nn.Conv* layers, THOR's Conv2dThor) checks first."""

    def __init__(self, in_channels, out_channels, kernel_size, stride, pad_mode):
        super().__init__()
        name = type(self).__name__
        self.in_channels = positive_int(in_channels, "in_channels", name)
        self.out_channels = positive_int(out_channels, "out_channels", name)
        self.kernel_size = kernel_size
        self.stride = stride
        self.pad_mode = check_string(pad_mode, ["valid", "same", "pad"], "pad_mode", _PAD_MODE_PRIM.get(name, name))


class _Conv(_ConvBase):
    """Shared construction of the convolution layers: validation, weight and bias parameters."""

    def __init__(self, in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                 has_bias, weight_init, bias_init, data_format="NCHW", transposed=False, dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode)
        name = type(self).__name__
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
            raise _pad_not_zero(name, padding, pad_mode)
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
        shape = _conv_weight_shape(in_channels, out_channels, group, kernel_size, transposed)
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
        # the reference's primitives, kept as attributes: subclasses (mindcv's StdConv2d) call self.conv2d(x, w)
        from ...ops import BiasAdd, Conv2D
        self.conv2d = Conv2D(out_channel=self.out_channels, kernel_size=self.kernel_size, mode=1,
                             pad_mode=self.pad_mode, pad=self.padding, stride=self.stride, dilation=self.dilation,
                             group=self.group, data_format=self.data_format)
        self.bias_add = BiasAdd(data_format=self.data_format)

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
    if t.shape[1] != cell.in_channels and name in ("Conv1d", "Conv2d"):  # the words of the reference's Conv2D
        return RuntimeError(f"For 'Conv2D', 'C_in' of input 'x' shape divide by parameter 'group' must be equal to "
                            f"'C_in' of input 'weight' shape: {cell.in_channels // cell.group}, but got 'C_in' of "
                            f"input 'x' shape: {t.shape[1]}, and 'group': {cell.group}.")
    if t.shape[1] != cell.in_channels:
        return RuntimeError(f"For '{name}', the input 'x' must have {cell.in_channels} channels (dim 1), "
                            f"but got shape {tuple(t.shape)}.")
    if t.dtype != cell.weight._t.dtype:
        return TypeError(f"For '{name}', the input 'x' dtype {mstype.from_torch(t.dtype)} does not match the "
                         f"weight dtype {cell.weight.dtype}.")
    return ValueError(f"For '{name}', the input of shape {tuple(t.shape)} is invalid: {str(err).splitlines()[0]}")




# ---------------------------------------------------------------------------------------------
# Conv1d / Conv3d and the transposed convolutions
# ---------------------------------------------------------------------------------------------
def _int_arg(value, arg, cls_name, minimum):
    validator.check_value_type(arg, value, int, cls_name)
    return validator.check_int(value, minimum, validator.GE, arg, cls_name)


def _triple(value, arg, cls_name, greater_zero=True):
    """int or tuple of three ints -> tuple of three ints (the reference's _check_3d_int_or_tuple)."""
    if isinstance(value, bool) or not isinstance(value, (int, tuple)):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' should be one of '['int', 'tuple']', but got type "
                        f"'{type(value).__name__}'.")
    ret = (value,) * 3 if isinstance(value, int) else tuple(value)
    if len(ret) != 3 or any(isinstance(v, bool) or not isinstance(v, int) for v in ret) or \
            any((v <= 0) if greater_zero else (v < 0) for v in ret):
        kind = "positive" if greater_zero else "non-negative"
        raise ValueError(f"For '{cls_name}', the parameter '{arg}' must be an {kind} integer or a tuple of three "
                         f"{kind} integer, but got {ret}")
    return ret


def _check_padding_len(padding, n, cls_name, arg="padding"):
    if isinstance(padding, bool) or not isinstance(padding, (int, tuple)):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' should be one of '['int', 'tuple']', but got type "
                        f"'{type(padding).__name__}'.")
    if isinstance(padding, tuple) and len(padding) != n:
        raise ValueError(f"For '{cls_name}', the '{arg} size' must be int and must = {n}, but got '{len(padding)}' "
                         f"with type 'int'.")


def _pairs(padding, nd):
    """int or flat tuple (before0, after0, before1, after1, ...) -> list of (before, after) per spatial dim."""
    if isinstance(padding, int):
        return [(padding, padding)] * nd
    return [(padding[2 * i], padding[2 * i + 1]) for i in range(nd)]


_CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
_CONV_T = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}


def _flat_torch_pad(pairs):
    """[(before, after) per spatial dim, first dim first] -> torch F.pad order (last dim first)."""
    out = []
    for b, a in reversed(pairs):
        out += [b, a]
    return out


def _conv_nd(t, w, b, stride, pad_mode, pairs, dilation, group):
    """N-d convolution with MindSpore's pad modes; ``pairs`` is the (before, after) padding per dim."""
    nd = t.dim() - 2
    conv = _CONV[nd]
    if pad_mode == "same":
        pairs = [same_pads(t.shape[2 + i], w.shape[2 + i], stride[i], dilation[i]) for i in range(nd)]
    elif pad_mode == "valid":
        return conv(t, w, b, stride, 0, dilation, group)
    if all(p == q for p, q in pairs):
        return conv(t, w, b, stride, tuple(p for p, _ in pairs), dilation, group)
    return conv(F.pad(t, _flat_torch_pad(pairs)), w, b, stride, 0, dilation, group)


def _conv_transpose_nd(t, w, b, stride, pad_mode, pairs, dilation, group, extra=None):
    """N-d transposed convolution with MindSpore's output lengths: 'same' -> L*s, 'valid' -> L*s + max(dk-s, 0),
    'pad' -> (L-1)*s + dk - before - after (+ ``extra`` per dim, the torch-style output_padding)."""
    nd = t.dim() - 2
    crops = []  # (crop before, target length, full length)
    for i in range(nd):
        length, k, s, d = t.shape[2 + i], w.shape[2 + i], stride[i], dilation[i]
        dk = d * (k - 1) + 1
        full = (length - 1) * s + dk
        if pad_mode == "same":
            before, target = max(dk - s, 0) // 2, length * s
        elif pad_mode == "valid":
            before, target = 0, length * s + max(dk - s, 0)
        else:
            before, target = pairs[i][0], full - pairs[i][0] - pairs[i][1]
        if extra is not None:
            target += extra[i]
        crops.append((before, target, full))
    padding, out_pad = [], []
    for (before, target, full), s, d in zip(crops, stride, dilation):
        op = target - (full - 2 * before)
        if 0 <= op < max(s, d):
            padding.append(before)
            out_pad.append(op)
        else:
            break
    convt = _CONV_T[nd]
    if len(padding) == nd:
        return convt(t, w, b, stride, tuple(padding), tuple(out_pad), group, dilation)
    out = convt(t, w, None, stride, 0, 0, group, dilation)
    out = F.pad(out, _flat_torch_pad([(-before, target - full + before) for before, target, full in crops]))
    if b is not None:
        out = out + b.reshape(-1, *([1] * nd))
    return out


class Conv1d(_Conv):
    """1-D convolution over an (N, C, W) input. As in the reference the weight is stored 4-D:
    (C_out, C_in/group, 1, k); ``bias`` (C_out) when ``has_bias``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, dtype=mstype.float32):
        name = type(self).__name__
        _check_1d_args(kernel_size, stride, padding, dilation, name)
        positive_int(group, "group", name)
        if not (in_channels % group == 0 and out_channels % group == 0):
            raise ValueError(f"The argument 'group' should be divisible by 'in_channels' and 'out_channels', but got "
                             f"group:{group}, in_channels:{in_channels}, out_channels:{out_channels}.")
        weight_init = _expand_weight_init(weight_init, name)
        super().__init__(in_channels, out_channels, (1, kernel_size), (1, stride), pad_mode, padding,
                         (1, dilation), group, has_bias, weight_init, bias_init, dtype=dtype)
        self.padding = (0, 0, padding, padding)
        self._s, self._d, self._pairs = (stride,), (dilation,), [(padding, padding)]
        self._mode = self.pad_mode

    def construct(self, x):
        t = _input_tensor(x, "Conv1d", 3, "(N, C_in, W_in)")
        b = self.bias._t if self.has_bias else None
        try:
            out = _conv_nd(t, self.weight._t.squeeze(2), b, self._s, self._mode, self._pairs, self._d, self.group)
        except RuntimeError as e:
            raise _conv_error(self, t, e) from None
        return Tensor._make(out)


def _check_1d_args(kernel_size, stride, padding, dilation, name):
    """The 1-D convolutions take plain ints: kernel_size, stride, dilation >= 1 and padding >= 0."""
    _int_arg(kernel_size, "kernel_size", name, 1)
    _int_arg(stride, "stride", name, 1)
    _int_arg(padding, "padding", name, 0)
    _int_arg(dilation, "dilation", name, 1)


def _expand_weight_init(weight_init, name):
    """A 3-D Tensor weight_init for the 1-D convolutions gets the reference's extra axis 2."""
    if isinstance(weight_init, Tensor):
        if weight_init.ndim != 3:
            raise ValueError(f"For '{name}', the 'weight_init_shape' must be int and must = 3, but got "
                             f"'{weight_init.ndim}' with type 'int'.")
        return Tensor._make(weight_init._t.unsqueeze(2))
    return weight_init


def _check_3d_args(in_channels, out_channels, group, kernel_size, stride, dilation, padding, name):
    """The 3-D convolutions' checks (the reference's order); returns kernel_size, stride, dilation as 3-tuples."""
    if not (in_channels % group == 0 and out_channels % group == 0):
        raise ValueError("The argument 'group' should be divisible by 'in_channels' and 'out_channels'")
    kernel_size = _triple(kernel_size, "kernel_size", name)
    stride = _triple(stride, "stride", name)
    dilation = _triple(dilation, "dilation", name)
    _check_padding_len(padding, 6, name)
    return kernel_size, stride, dilation


class Conv3d(_Conv):
    """3-D convolution over an (N, C, D, H, W) input; weight (C_out, C_in/group, kD, kH, kW)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, data_format="NCDHW",
                 dtype=mstype.float32):
        name = type(self).__name__
        kernel_size, stride, dilation = _check_3d_args(in_channels, out_channels, group, kernel_size, stride,
                                                       dilation, padding, name)
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, data_format, dtype=dtype)
        self._pairs = _pairs(padding, 3)

    def construct(self, x):
        t = _input_tensor(x, "Conv3d", 5, "(N, C_in, D_in, H_in, W_in)")
        b = self.bias._t if self.has_bias else None
        try:
            out = _conv_nd(t, self.weight._t, b, self.stride, self.pad_mode, self._pairs, self.dilation, self.group)
        except RuntimeError as e:
            raise _conv_error(self, t, e) from None
        return Tensor._make(out)


def _check_output_padding(op, stride, dilation, is_pad):
    for i, p in enumerate(op):
        if p < 0 or p >= max(dilation[i], stride[i]):
            raise ValueError(f"output_padding[{i}] must be in range of [0, max(stride, dilation)).")
    if not is_pad and any(op):
        raise ValueError("when output_padding is not zero, pad_mode must be 'pad'")


class Conv1dTranspose(_Conv):
    """1-D transposed convolution over (N, C, W); weight stored 4-D (C_in, C_out/group, 1, k)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, has_bias=False, weight_init=None, bias_init=None, dtype=mstype.float32):
        name = type(self).__name__
        _check_1d_args(kernel_size, stride, padding, dilation, name)
        weight_init = _expand_weight_init(weight_init, name)
        super().__init__(in_channels, out_channels, (1, kernel_size), (1, stride), pad_mode, padding,
                         (1, dilation), group, has_bias, weight_init, bias_init, transposed=True, dtype=dtype)
        self.padding = (0, 0, padding, padding)
        self._s, self._d, self._pairs = (stride,), (dilation,), [(padding, padding)]

    def construct(self, x):
        t = x._t if isinstance(x, Tensor) else None
        if t is None or t.dim() != 3:
            if t is None:
                raise TypeError(f"For 'Conv1dTranspose', the input 'x' must be a Tensor, but got {type(x).__name__}.")
            raise ValueError(f"For 'Conv1dTranspose', the dimension of input must be 3d, but got {t.dim()}.")
        b = self.bias._t if self.has_bias else None
        try:
            out = _conv_transpose_nd(t, self.weight._t.squeeze(2), b, self._s, self.pad_mode, self._pairs, self._d,
                                     self.group)
        except RuntimeError as e:
            raise _conv_error(self, t, e) from None
        return Tensor._make(out)


class Conv2dTranspose(_Conv):
    """2-D transposed convolution over (N, C, H, W); weight (C_in, C_out/group, kH, kW). A non-zero
    ``output_padding`` (pad_mode 'pad' only) appends zeros at the bottom/right after the bias."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0,
                 output_padding=0, dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None,
                 dtype=mstype.float32):
        name = type(self).__name__
        kernel_size = twice(kernel_size, "kernel_size", name)
        stride = twice(stride, "stride", name)
        dilation = twice(dilation, "dilation", name)
        _check_padding_len(padding, 4, name)
        _check_padding_len(output_padding, 2, name, "output_padding")
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, transposed=True, dtype=dtype)
        self.output_padding = output_padding
        self._pairs = _pairs(padding, 2)
        self._op = (output_padding,) * 2 if isinstance(output_padding, int) else tuple(output_padding)

    def construct(self, x):
        t = _input_tensor(x, "Conv2dTranspose", 4, "(N, C_in, H_in, W_in)")
        b = self.bias._t if self.has_bias else None
        try:
            out = _conv_transpose_nd(t, self.weight._t, b, self.stride, self.pad_mode, self._pairs, self.dilation,
                                     self.group)
        except RuntimeError as e:
            raise _conv_error(self, t, e) from None
        if self._op != (0, 0):
            _check_output_padding(self._op, self.stride, self.dilation, self.pad_mode == "pad")
            out = F.pad(out, (0, self._op[1], 0, self._op[0]))
        return Tensor._make(out)


class Conv3dTranspose(_Conv):
    """3-D transposed convolution over (N, C, D, H, W); weight (C_in, C_out/group, kD, kH, kW);
    ``output_padding`` extends the output as in torch (the positions are computed, then the bias added)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0, dilation=1,
                 group=1, output_padding=0, has_bias=False, weight_init=None, bias_init=None, data_format="NCDHW",
                 dtype=mstype.float32):
        name = type(self).__name__
        kernel_size, stride, dilation = _check_3d_args(in_channels, out_channels, group, kernel_size, stride,
                                                       dilation, padding, name)
        self.output_padding = _triple(output_padding, "output_padding", name, greater_zero=False)
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init, data_format, transposed=True, dtype=dtype)
        self._pairs = _pairs(padding, 3)
        if any(self.output_padding):
            _check_output_padding(self.output_padding, stride, dilation, self.pad_mode == "pad")

    def construct(self, x):
        t = _input_tensor(x, "Conv3dTranspose", 5, "(N, C_in, D_in, H_in, W_in)")
        b = self.bias._t if self.has_bias else None
        try:
            out = _conv_transpose_nd(t, self.weight._t, b, self.stride, self.pad_mode, self._pairs, self.dilation,
                                     self.group, self.output_padding)
        except RuntimeError as e:
            raise _conv_error(self, t, e) from None
        return Tensor._make(out)

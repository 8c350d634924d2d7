"""Convolution, pooling, padding, patch and sampling functionals (with their primitive classes)."""
from __future__ import annotations

import torch
import torch.nn.functional as F

from .. import _checkparam as validator
from ..common import dtype as mstype
from ..common.tensor import Tensor
from ._args import _REQ, attr_prim
from ._nn import same_pads
from ._nn_image import adaptive_avg_pool1d_torch
from ._nn_rt import RefRuntimeError, rt_op
from ._samples import S, V, f32, pos, unit
from ._table import OPS, method, op, unwrap


def _tuple(v, n, name, where):
    if isinstance(v, bool):
        raise TypeError(f"For '{where}', '{name}' must be an int or a tuple of {n} ints, but got {v!r}.")
    if isinstance(v, int):
        return (v,) * n
    if isinstance(v, (tuple, list)) and all(isinstance(i, int) and not isinstance(i, bool) for i in v):
        if len(v) == n:
            return tuple(v)
        if len(v) == n + 2:          # (1, 1, d...) NC-prefixed form of the primitives
            return tuple(v[2:])
        if len(v) == 1:
            return (v[0],) * n
    raise ValueError(f"For '{where}', '{name}' must be an int or a tuple of {n} ints, but got {v!r}.")


def _check_pad_mode(pad_mode, where):
    if not isinstance(pad_mode, str) or pad_mode.lower() not in ("same", "valid", "pad"):
        raise ValueError(f"For '{where}', 'pad_mode' must be one of ['same', 'valid', 'pad'], but got {pad_mode!r}.")
    return pad_mode.lower()


def _conv_pads(x, w, stride, pad_mode, padding, dilation, nd, where):
    """Per spatial dimension (before, after) padding for MindSpore's pad modes."""
    if pad_mode == "valid":
        if padding not in (0, (0,) * nd, (0,) * (2 * nd)):
            raise ValueError(f"For '{where}', 'padding' must be zero when 'pad_mode' is 'valid', but got {padding}.")
        return [(0, 0)] * nd
    if pad_mode == "same":
        if padding not in (0, (0,) * nd, (0,) * (2 * nd)):
            raise ValueError(f"For '{where}', 'padding' must be zero when 'pad_mode' is 'same', but got {padding}.")
        return [same_pads(x.shape[2 + i], w.shape[2 + i], stride[i], dilation[i]) for i in range(nd)]
    if isinstance(padding, int):
        if padding < 0:
            raise ValueError(f"For '{where}', 'padding' must be non-negative, but got {padding}.")
        return [(padding, padding)] * nd
    padding = tuple(padding)
    if any(p < 0 for p in padding):
        raise ValueError(f"For '{where}', 'padding' must be non-negative, but got {padding}.")
    if len(padding) == nd:
        return [(p, p) for p in padding]
    if len(padding) == 2 * nd:
        return [(padding[2 * i], padding[2 * i + 1]) for i in range(nd)]
    raise ValueError(f"For '{where}', 'padding' must be an int or a tuple of {nd} or {2 * nd} ints, but got {padding}.")


_CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}


def conv_torch(x, w, b, stride, pad_mode, padding, dilation, groups, nd, where):
    if x.dtype in (torch.float64, torch.complex64, torch.complex128):
        raise TypeError(f"For '{where}', the input must be float16, bfloat16 or float32, but got "
                        f"{mstype.from_torch(x.dtype)}.")
    if x.dim() != nd + 2:
        raise ValueError(f"For '{where}', the input must be a {nd + 2}-D tensor, but got {x.dim()}-D.")
    if w.dim() != nd + 2:
        raise ValueError(f"For '{where}', the weight must be a {nd + 2}-D tensor, but got {w.dim()}-D.")
    if x.shape[1] % groups or w.shape[0] % groups:
        raise ValueError(f"For '{where}', 'groups' must divide the input channels {x.shape[1]} and the output "
                         f"channels {w.shape[0]}, but got {groups}.")
    if x.shape[1] != w.shape[1] * groups:
        raise (ValueError if nd == 3 else RefRuntimeError)(
            f"For '{where}', the input has {x.shape[1]} channels but the weight expects "
            f"{w.shape[1] * groups} (weight shape {tuple(w.shape)}, groups {groups}).")
    stride = _tuple(stride, nd, "stride", where)
    dilation = _tuple(dilation, nd, "dilation", where)
    pads = _conv_pads(x, w, stride, _check_pad_mode(pad_mode, where), padding, dilation, nd, where)
    if b is not None and (b.dim() != 1 or b.shape[0] != w.shape[0]):
        raise ValueError(f"For '{where}', expected bias to be 1-dimensional with {w.shape[0]} elements, but got "
                         f"shape {tuple(b.shape)}.")
    if all(p == q for p, q in pads):
        return _CONV[nd](x, w, b, stride, tuple(p for p, _ in pads), dilation, groups)
    flat = []
    for p, q in reversed(pads):
        flat += [p, q]
    return _CONV[nd](F.pad(x, flat), w, b, stride, 0, dilation, groups)


@rt_op(samples=(S(f32(1, 2, 6), f32(3, 2, 3, seed=1)),
                S(f32(1, 2, 6), f32(3, 2, 3, seed=1), f32(3, seed=2), 2, 'pad', 1)))
def conv1d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    return conv_torch(input, weight, bias, stride, pad_mode, padding, dilation, groups, 1, "conv1d")


@rt_op(samples=(S(f32(1, 2, 4, 4, 4), f32(3, 2, 2, 2, 2, seed=1)),))
def conv3d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    return conv_torch(input, weight, bias, stride, pad_mode, padding, dilation, groups, 3, "conv3d")


def _conv3d_prim(self, x, w):
    return Tensor._make(conv_torch(unwrap(x), unwrap(w), None, self.stride, self.pad_mode, self.pad, self.dilation,
                                   self.group, 3, "Conv3D"))


attr_prim("Conv3D", None, {"out_channel": _REQ, "kernel_size": _REQ, "mode": 1,
                           "pad_mode": "valid", "pad": 0, "stride": 1, "dilation": 1, "group": 1,
                           "data_format": "NCDHW"}, call=_conv3d_prim)


@op(samples=(S(f32(1, 2, 3, 3), f32(2, 3, 2, 2, seed=1)),
             S(f32(1, 2, 3, 3), f32(2, 3, 2, 2, seed=1), f32(3, seed=2), 2)))
def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    if input.dim() not in (3, 4):
        raise ValueError(f"For 'conv_transpose2d', the input must be a 3-D or 4-D tensor, but got {input.dim()}-D.")
    return F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)


@op(samples=(S(f32(1, 2, 3, 3, 3), f32(2, 1, 2, 2, 2, seed=1)),
             S(f32(1, 2, 3, 3, 3), f32(2, 2, 3, 3, 3, seed=1), "pad", 1, 2, output_padding=1),
             S(f32(1, 2, 3, 3, 3), f32(2, 1, 2, 2, 2, seed=1), "same", stride=2),
             S(f32(1, 2, 3, 3, 3), f32(2, 1, 2, 2, 2, seed=1), "pad", (1, 0, 0, 1, 1, 1), dilation=(1, 2, 1)),
             S(f32(1, 2, 3, 3, 3), f32(2, 1, 2, 2, 2, seed=1), "pad", (1, 0, 0, 1, 1, 1), dilation=2)))
def conv3d_transpose(inputs, weight, pad_mode="valid", padding=0, stride=1, dilation=1, group=1, output_padding=0):
    pad_mode = _check_pad_mode(pad_mode, "conv3d_transpose")
    stride = _tuple(stride, 3, "stride", "conv3d_transpose")
    dilation = _tuple(dilation, 3, "dilation", "conv3d_transpose")
    if dilation[0] != 1:
        raise ValueError(f"For 'Conv3DTranspose', the depth of parameter 'dilation' must be 1, but got {dilation[0]}.")
    output_padding = _tuple(output_padding, 3, "output_padding", "conv3d_transpose")
    full = F.conv_transpose3d(inputs, weight, None, stride, 0, 0, group, dilation)
    k = [(weight.shape[2 + i] - 1) * dilation[i] + 1 for i in range(3)]
    if pad_mode == "pad":
        if isinstance(padding, int):
            p = (padding,) * 6
        elif isinstance(padding, (tuple, list)) and len(padding) == 6:
            p = tuple(padding)
        else:
            raise ValueError(f"For 'Conv3DTranspose', attr 'pad' must be a non-negative int or a tuple of six "
                             f"non-negative ints, but got {padding!r}.")
        pads = [(p[2 * i], p[2 * i + 1]) for i in range(3)]
    elif pad_mode == "same":
        pads = []
        for i in range(3):
            total = max(k[i] - stride[i], 0)
            pads.append((total // 2, total - total // 2))
    else:
        pads = [(0, 0)] * 3
    out = full
    for i, (a, b) in enumerate(pads):
        n = out.shape[2 + i]
        end = n - b + output_padding[i]
        if end > n:
            pad = [0, 0] * 3
            pad[2 * (2 - i) + 1] = end - n
            out = F.pad(out, pad)
        out = out.narrow(2 + i, a, end - a)
    return out


# ---------------------------------------------------------------------------------------------
# pooling
# ---------------------------------------------------------------------------------------------
def _nonneg(v, name, where):
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"For '{where}', '{name}' must be an int, but got {type(v).__name__}.")
    if v < 0:
        raise ValueError(f"For '{where}', '{name}' must be non-negative, but got {v}.")
    return v


def _positive(v, name, where):
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"For '{where}', '{name}' must be an int, but got {type(v).__name__}.")
    if v <= 0:
        raise ValueError(f"For '{where}', '{name}' must be positive, but got {v}.")
    return v


@op(samples=(S(f32(1, 2, 6), 2, 2),))
def avg_pool1d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True):
    where = "avg_pool1d"
    if not isinstance(input_x, torch.Tensor):
        raise TypeError("For avg_pool1d, the input input_x must be tensor")
    # the reference's order: every type, then the values (a tuple stride passes the type check, not the int one)
    validator.check_value_type("kernel_size", kernel_size, [int], where)
    validator.check_value_type("stride", stride, (int, tuple), where)
    validator.check_value_type("ceil_mode", ceil_mode, bool, where)
    validator.check_value_type("count_include_pad", count_include_pad, bool, where)
    validator.check_int(kernel_size, 1, validator.GE, "kernel_size", where)
    validator.check_int(stride, 1, validator.GE, "stride", where)
    (padding,) = _pool_padding(padding, 1, where)
    if input_x.dim() != 3:
        raise ValueError(f"For '{where}', the input must be a 3-D tensor, but got {input_x.dim()}-D.")
    return F.avg_pool1d(input_x, kernel_size, stride, padding, ceil_mode, count_include_pad)


def _pool_padding(padding, n, where):
    """An int, or a tuple of ``n`` non-negative ints (the reference's avg_pool1d/2d padding), as a tuple."""
    if isinstance(padding, int):
        return (validator.check_non_negative_int(padding, "padding", where),) * n
    if not isinstance(padding, tuple):
        raise TypeError(f"For {where}, padding should be int or tuple of length {n}.")
    if len(padding) != n:
        raise ValueError(f"For {where}, padding should be int or tuple of length {n}.")
    return tuple(validator.check_non_negative_int(p, "padding", where) for p in padding)


def _pool2d_pair(v, name):
    """avg_pool2d's kernel_size or stride: an int or a tuple of two ints >= 1, in the reference's words."""
    if isinstance(v, int):
        return (validator.check_int(v, 1, validator.GE, name, "avg_pool2d"),) * 2
    if not isinstance(v, tuple):
        raise TypeError(f"For avg_pool2d, {name} should be int or tuple of length 2.")
    if len(v) != 2:
        raise ValueError(f"For avg_pool2d, {name} should be int or tuple of length 2.")
    return tuple(validator.check_int(i, 1, validator.GE, name, "avg_pool2d") for i in v)


def avg_pool2d_torch(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
    """The reference's avg_pool2d with its (top, bottom, left, right) padding: torch's own padding where it is
    symmetric; otherwise the zeros are added first and each window's sum divided by what the reference divides
    by (``divisor_override``, the window's size within the padded input, or its count of real elements)."""
    (kh, kw), (top, bottom, left, right) = kernel_size, padding
    if top + bottom > kh or left + right > kw:
        raise ValueError(f"For 'AvgPool3D the sum of the pads in the two directions should be less than or equal "
                         f"to the corresponding kernel size, but got pads: (0,0,{top},{bottom},{left},{right}) "
                         f"and kernel: (1, {kh}, {kw})")
    if top == bottom and left == right:
        return F.avg_pool2d(x, kernel_size, stride, (top, left), ceil_mode, count_include_pad, divisor_override or None)
    pads = (left, right, top, bottom)

    def window_sums(t):
        return F.avg_pool2d(F.pad(t, pads), kernel_size, stride, 0, ceil_mode, True, 1)

    total = window_sums(x)
    if divisor_override:
        return total / divisor_override
    ones = torch.ones_like(x[:1, :1])
    count = F.avg_pool2d(torch.ones_like(F.pad(ones, pads)), kernel_size, stride, 0, ceil_mode, True, 1) \
        if count_include_pad else window_sums(ones)
    return total / count


@op(samples=(S(f32(1, 2, 4, 4, 4), 2, 2),))
def avg_pool3d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=0):
    where = "avg_pool3d"
    k = _tuple(kernel_size, 3, "kernel_size", where)
    s = _tuple(stride, 3, "stride", where)
    if isinstance(padding, int):
        p = (padding,) * 3
    elif isinstance(padding, tuple) and len(padding) == 3:
        p = padding
    elif isinstance(padding, tuple) and len(padding) == 6 and padding[0::2] == padding[1::2]:
        p = padding[0::2]
    else:
        raise ValueError(f"For '{where}', 'padding' must be an int or a tuple of 3 ints, but got {padding!r}.")
    if input_x.dim() != 5:
        raise ValueError(f"For '{where}', the input must be a 5-D tensor, but got {input_x.dim()}-D.")
    x = input_x.float() if input_x.dtype in (torch.float16, torch.bfloat16) else input_x   # no CPU half kernel
    return F.avg_pool3d(x, k, s, p, ceil_mode, count_include_pad, divisor_override or None).to(input_x.dtype)


@op(out="any", samples=(S(f32(1, 1, 4, 4, 4), 2), S(f32(1, 2, 4, 4, 4), 2, 1, 0, 1, False, True)))
def max_pool3d(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    where = "max_pool3d"
    k = _tuple(kernel_size, 3, "kernel_size", where)
    s = k if stride is None else _tuple(stride, 3, "stride", where)
    p = _tuple(padding, 3, "padding", where)
    d = _tuple(dilation, 3, "dilation", where)
    if x.dim() != 5:
        raise ValueError(f"For '{where}', the input must be a 5-D tensor, but got {x.dim()}-D.")
    out, idx = F.max_pool3d(x, k, s, p, d, ceil_mode, True)
    return (out, idx) if return_indices else out


def _avg_pool_prim(self, x):
    t = unwrap(x)
    k = _tuple(self.kernel_size, 2, "kernel_size", "AvgPool")
    s = _tuple(self.strides, 2, "strides", "AvgPool")
    mode = _check_pad_mode(self.pad_mode, "AvgPool")
    if self.data_format == "NHWC":
        t = t.permute(0, 3, 1, 2)
    if mode == "same":
        pt, pb = same_pads(t.shape[-2], k[0], s[0], 1)
        pl, pr = same_pads(t.shape[-1], k[1], s[1], 1)
        ones = torch.ones_like(t[:1, :1])
        num = F.avg_pool2d(F.pad(t, (pl, pr, pt, pb)), k, s, divisor_override=1)
        den = F.avg_pool2d(F.pad(ones, (pl, pr, pt, pb)), k, s, divisor_override=1)
        out = num / den
    else:
        out = F.avg_pool2d(t, k, s)
    if self.data_format == "NHWC":
        out = out.permute(0, 2, 3, 1)
    return Tensor._make(out)


attr_prim("AvgPool", None, {"kernel_size": 1, "strides": 1, "pad_mode": "VALID", "data_format": "NCHW"},
          call=_avg_pool_prim)


def _avg_pool3d_prim(self, x):
    t = unwrap(x)
    k = _tuple(self.kernel_size, 3, "kernel_size", "AvgPool3D")
    s = _tuple(self.strides, 3, "strides", "AvgPool3D")
    mode = _check_pad_mode(self.pad_mode, "AvgPool3D")
    if mode == "same":
        pads = [same_pads(t.shape[2 + i], k[i], s[i], 1) for i in range(3)]
    elif mode == "pad":
        p = _tuple(self.pad, 3, "pad", "AvgPool3D") if not (isinstance(self.pad, tuple) and len(self.pad) == 6) \
            else self.pad
        pads = [(p[i], p[i]) for i in range(3)] if len(p) == 3 else [(p[2 * i], p[2 * i + 1]) for i in range(3)]
    else:
        pads = [(0, 0)] * 3
    if all(a == b for a, b in pads) and mode == "pad":
        return Tensor._make(F.avg_pool3d(t, k, s, tuple(a for a, _ in pads), self.ceil_mode, self.count_include_pad,
                                         self.divisor_override or None))
    flat = []
    for a, b in reversed(pads):
        flat += [a, b]
    num = F.avg_pool3d(F.pad(t, flat), k, s, 0, self.ceil_mode, divisor_override=1)
    if self.divisor_override:
        return Tensor._make(num / self.divisor_override)
    if self.count_include_pad and mode != "valid":
        return Tensor._make(num / (k[0] * k[1] * k[2]))
    den = F.avg_pool3d(F.pad(torch.ones_like(t[:1, :1]), flat), k, s, 0, self.ceil_mode, divisor_override=1)
    return Tensor._make(num / den)


attr_prim("AvgPool3D", None, {"kernel_size": 1, "strides": 1, "pad_mode": "valid", "pad": 0, "ceil_mode": False,
                              "count_include_pad": True, "divisor_override": 0, "data_format": "NCDHW"},
          call=_avg_pool3d_prim)


def _output_size(output_size, nd, x, where):
    if isinstance(output_size, int):
        return (output_size,) * nd
    if isinstance(output_size, (tuple, list)) and len(output_size) == nd:
        return tuple(x.shape[-nd + i] if v is None else v for i, v in enumerate(output_size))
    raise ValueError(f"For '{where}', 'output_size' must be an int or a tuple of {nd} ints, but got {output_size!r}.")


@op(samples=(S(f32(1, 2, 6), 3),))
def adaptive_avg_pool1d(input, output_size):
    if not isinstance(input, torch.Tensor):
        raise TypeError("For adaptive_avg_pool1d, the input input must be tensor")
    if isinstance(output_size, bool) or not isinstance(output_size, int):
        raise TypeError(f"For adaptive_avg_pool1d, 'output_size' must be an int, but got {type(output_size)}.")
    return adaptive_avg_pool1d_torch(input, output_size)


@op(samples=(S(f32(1, 2, 4, 4), 2), S(f32(1, 2, 4, 4), (2, 1))))
def adaptive_avg_pool2d(input, output_size):
    if input.dim() not in (3, 4):
        raise ValueError(f"For 'adaptive_avg_pool2d', the input must be a 3-D or 4-D tensor, but got {input.dim()}-D.")
    return F.adaptive_avg_pool2d(input, _output_size(output_size, 2, input, "adaptive_avg_pool2d"))


@op(samples=(S(f32(1, 2, 4, 4, 4), 2),))
def adaptive_avg_pool3d(input, output_size):
    if input.dim() not in (4, 5):
        raise ValueError(f"For 'adaptive_avg_pool3d', the input must be a 4-D or 5-D tensor, but got {input.dim()}-D.")
    return F.adaptive_avg_pool3d(input, _output_size(output_size, 3, input, "adaptive_avg_pool3d"))


@op(samples=(S(f32(1, 2, 6), 3),))
def adaptive_max_pool1d(input, output_size):
    where = "adaptive_max_pool1d"
    if not isinstance(input, torch.Tensor):
        raise TypeError("For adaptive_max_pool1d, the input input must be tensor")
    _positive(output_size, "output_size", where)
    if input.dim() != 3:
        raise ValueError(f"For adaptive_max_pool1d input must have 3 dim, but got {input.dim()}.")
    n = input.shape[2]
    if n < output_size or n % output_size:
        raise ValueError(f"For adaptive_max_pool1d input's last dimension must be divisible by output size "
                         f"{output_size}, but got {n}.")
    if input.dtype not in (torch.float16, torch.float32):
        raise TypeError(f"For adaptive_max_pool1d, the input dtype must be float16 or float32, but got "
                        f"{mstype.from_torch(input.dtype)}.")
    return F.max_pool1d(input, n // output_size, n // output_size)


@op(out="any", samples=(S(f32(1, 2, 4, 4), 2),))
def adaptive_max_pool2d(input, output_size, return_indices=False):
    if not isinstance(return_indices, bool):
        raise TypeError(f"For 'adaptive_max_pool2d', 'return_indices' must be a bool, but got "
                        f"{type(return_indices).__name__}.")
    if input.dim() not in (3, 4):
        raise ValueError(f"For 'adaptive_max_pool2d', the input must be a 3-D or 4-D tensor, but got {input.dim()}-D.")
    out, idx = F.adaptive_max_pool2d(input, _output_size(output_size, 2, input, "adaptive_max_pool2d"), True)
    return (out, idx) if return_indices else out


@op(out="any", samples=(S(f32(1, 1, 4, 4, 4), (2, 2, 2)), S(f32(1, 4, 4, 4), 2, True)))
def adaptive_max_pool3d(input, output_size, return_indices=False):
    if input.dim() not in (4, 5):
        raise ValueError(f"For 'adaptive_max_pool3d', the input must be a 4-D or 5-D tensor, but got {input.dim()}-D.")
    out, idx = F.adaptive_max_pool3d(input, _output_size(output_size, 3, input, "adaptive_max_pool3d"), True)
    return (out, idx.int()) if return_indices else out


attr_prim("AdaptiveAvgPool2D", lambda x, output_size: OPS["adaptive_avg_pool2d"](x, output_size),
          {"output_size": _REQ})
attr_prim("AdaptiveAvgPool3D", lambda x, output_size: OPS["adaptive_avg_pool3d"](x, output_size),
          {"output_size": _REQ})
def _adaptive_max_pool2d_prim(self, x):
    if not isinstance(self.output_size, (tuple, list)):
        raise TypeError(f"For 'AdaptiveMaxPool2D', the type of 'output_size' should be one of '[list of int, tuple "
                        f"of int]', but got {type(self.output_size)}.")
    return OPS["adaptive_max_pool2d"](x, tuple(self.output_size), True)


attr_prim("AdaptiveMaxPool2D", None, {"output_size": _REQ}, call=_adaptive_max_pool2d_prim)


def _lp_norm_type(x, norm_type, where):
    """The reference's first lp_pool checks, in its order: norm_type (a bool counts as an int), then a 1-D input
    (its index error)."""
    if not isinstance(norm_type, (int, float)):
        raise TypeError(f"For {where}, the type of 'norm_type' must be float or int, but got {type(norm_type)}")
    if norm_type == 0:
        raise ValueError(f"For {where}, the value of 'norm_type' can not be 0.")
    if x.dim() == 1:
        raise ValueError("Dimension out of range (expected to be in range of [-2, 2), but got 2)")
    return float(norm_type)


def _lp_window(kernel_size, stride, ceil_mode, where):
    """(kernel, stride) after the reference avg_pool1d's (ints >= 1, a bool ceil_mode) or avg_pool2d's
    (an int or a tuple of ints >= 1) checks."""
    stride = kernel_size if stride is None else stride
    for arg, v in (("kernel_size", kernel_size), ("stride", stride)):
        if where == "avg_pool1d":
            validator.check_value_type(arg, v, int, where)
        for item in (v if isinstance(v, tuple) else (v,)):
            validator.check_int(item, 1, validator.GE, arg, where)
    validator.check_value_type("ceil_mode", ceil_mode, bool, where)
    return kernel_size, stride


def _lp_finish(out, ksize, p):
    return (torch.sign(out) * torch.relu(torch.abs(out)) * ksize).pow(1.0 / p)


@op(samples=(S(pos(1, 2, 6), 2.0, 2),))
def lp_pool1d(x, norm_type, kernel_size, stride=None, ceil_mode=False):
    p = _lp_norm_type(x, norm_type, "lp_pool1d")
    kernel_size, s = _lp_window(kernel_size, stride, ceil_mode, "avg_pool1d")
    out = F.avg_pool1d(x.pow(p), kernel_size, s, 0, ceil_mode)
    return _lp_finish(out, kernel_size, p)


@op(samples=(S(pos(1, 2, 4, 4), 2.0, 2),))
def lp_pool2d(x, norm_type, kernel_size, stride=None, ceil_mode=False):
    p = _lp_norm_type(x, norm_type, "lp_pool2d")
    _, s = _lp_window(kernel_size, stride, ceil_mode, "avg_pool2d")
    k = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    out = F.avg_pool2d(x.pow(p), k, s, 0, ceil_mode)
    return _lp_finish(out, k[0] * k[1], p)


def _unpool(x, indices, kernel_size, stride, padding, output_size, nd, where):
    fn = (F.max_unpool1d, F.max_unpool2d, F.max_unpool3d)[nd - 1]
    k = _tuple(kernel_size, nd, "kernel_size", where)
    s = k if stride is None or stride == 0 else _tuple(stride, nd, "stride", where)
    p = _tuple(padding, nd, "padding", where)
    if output_size is not None and not isinstance(output_size, tuple):
        raise ValueError(f"For {where}, output_size must be tuple, but type {type(output_size)}.")
    if output_size:
        output_size = output_size[-nd:]
    else:
        output_size = None
    return fn(x, indices.long(), k, s, p, output_size)


@op(samples=(S(f32(1, 2, 2), V([[[1, 2], [0, 3]]], "int64"), 2),
             S(f32(2, 3), V([[1, 2, 5], [0, 3, 4]], "int64"), 2, 2, 0, (7,))))
def max_unpool1d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    return _unpool(x, indices, kernel_size, stride, padding, output_size, 1, "max_unpool1d")


@op(samples=(S(f32(1, 1, 2, 2), V([[[[1, 6], [8, 15]]]], "int64"), 2),
             S(f32(1, 1, 2, 2), V([[[[0, 4], [12, 15]]]], "int64"), 3, 2, 1, (1, 1, 4, 4)),
             S(f32(1, 1, 2, 2), V([[[[0, 4], [12, 16]]]], "int64"), 3, 2, 1, (1, 1, 5, 5))))
def max_unpool2d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    return _unpool(x, indices, kernel_size, stride, padding, output_size, 2, "max_unpool2d")


@op(samples=(S(f32(1, 1, 1, 1, 2), V([[[[[3, 13]]]]], "int64"), 2),))
def max_unpool3d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    return _unpool(x, indices, kernel_size, stride, padding, output_size, 3, "max_unpool3d")


# ---------------------------------------------------------------------------------------------
# padding, patches, shuffles
# ---------------------------------------------------------------------------------------------
_PAD_MODES = {"constant": "constant", "reflect": "reflect", "replicate": "replicate", "circular": "circular"}


@op(samples=(S(f32(1, 2, 3), (1, 2)), S(f32(1, 2, 3), (1, 1), 'constant', 0.5), S(f32(1, 2, 3), (1, 1), 'reflect')))
def pad(input_x, padding, mode="constant", value=None):
    if not isinstance(input_x, torch.Tensor):
        raise TypeError(f"For 'pad', the type of 'input_x' must be Tensor, but got {type(input_x)}.")
    if isinstance(padding, torch.Tensor):
        padding = tuple(int(v) for v in padding.tolist())
    if not isinstance(padding, (tuple, list)) or not all(isinstance(v, int) and not isinstance(v, bool)
                                                          for v in padding):
        raise TypeError(f"For 'pad', the type of 'padding' must be a tuple or list of ints, but got {padding!r}.")
    if not padding:
        return input_x
    if len(padding) % 2:
        raise ValueError(f"For 'pad', the length of 'padding' must be even, but got {len(padding)}.")
    if len(padding) // 2 > input_x.dim():
        raise ValueError(f"For 'pad', the length of 'padding' must be at most twice the input rank "
                         f"{input_x.dim()}, but got {len(padding)}.")
    if mode not in _PAD_MODES:
        raise ValueError(f"For 'pad', 'mode' must be one of {list(_PAD_MODES)}, but got {mode!r}.")
    if mode == "constant":
        return F.pad(input_x, tuple(padding), "constant", 0 if value is None else value)
    if len(padding) > 6:
        raise ValueError(f"For 'pad', the padding must be less than or equal to 6, but got {len(padding)}.")
    if value is not None:
        raise ValueError(f"For 'pad', the padding mode '{mode}' can not set value, but got value {value}.")
    return F.pad(input_x, tuple(padding), mode)


@op(samples=(S(f32(1, 2, 4, 4), 2),))
def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    if input.dim() != 4:
        raise ValueError(f"For 'unfold', the input must be a 4-D tensor, but got {input.dim()}-D.")
    return F.unfold(input, kernel_size, dilation, padding, stride)


@method("unfold")
def _unfold_method(self, kernel_size, dilation=1, padding=0, stride=1):
    return OPS["unfold"](self, kernel_size, dilation, padding, stride)


@op(samples=(S(f32(1, 8, 9), V([4, 4], 'int32'), 2),))
def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    if not isinstance(output_size, torch.Tensor):
        raise TypeError(f"For 'fold', 'output_size' must be a Tensor, but got {type(output_size).__name__}.")
    output_size = tuple(int(v) for v in output_size.tolist())
    if input.dim() != 3:
        raise ValueError(f"For 'fold', the input must be a 3-D tensor, but got {input.dim()}-D.")
    return F.fold(input, output_size, kernel_size, dilation, padding, stride)


@method("fold")
def _fold_method(self, output_size, kernel_size, dilation=1, padding=0, stride=1):
    return OPS["fold"](self, output_size, kernel_size, dilation, padding, stride)


def _shuffle_checks(x, factor, arg, where):
    if isinstance(factor, bool) or not isinstance(factor, int):
        raise TypeError(f"For '{where}', '{arg}' must be an int, but got {type(factor).__name__}.")
    if factor <= 0:
        raise ValueError(f"For '{where}', '{arg}' must be positive, but got {factor}.")
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"For '{where}', 'input' must be a Tensor, but got {type(x).__name__}.")
    if x.dim() < 3:
        raise ValueError(f"For '{where}', the dimension of 'input' must be at least 3, but got {x.dim()}.")


@op(samples=(S(f32(1, 4, 2, 2), 2),))
def pixel_shuffle(input, upscale_factor):
    _shuffle_checks(input, upscale_factor, "upscale_factor", "pixel_shuffle")
    if input.shape[-3] % (upscale_factor * upscale_factor):
        raise ValueError(f"For 'pixel_shuffle', the channels {input.shape[-3]} must be divisible by the square of "
                         f"'upscale_factor' {upscale_factor}.")
    return F.pixel_shuffle(input, upscale_factor)


@op(samples=(S(f32(1, 1, 4, 4), 2),))
def pixel_unshuffle(input, downscale_factor):
    _shuffle_checks(input, downscale_factor, "downscale_factor", "pixel_unshuffle")
    if input.shape[-1] % downscale_factor or input.shape[-2] % downscale_factor:
        raise ValueError(f"For 'pixel_unshuffle', the height and width {tuple(input.shape[-2:])} must be divisible "
                         f"by 'downscale_factor' {downscale_factor}.")
    return F.pixel_unshuffle(input, downscale_factor)


@op(samples=(S(f32(1, 4, 2, 2), 2),))
def channel_shuffle(x, groups):
    if isinstance(groups, bool) or not isinstance(groups, int):
        raise TypeError(f"For 'channel_shuffle', 'groups' must be an int, but got {type(groups).__name__}.")
    if groups <= 0:
        raise ValueError(f"For 'channel_shuffle', 'groups' must be positive, but got {groups}.")
    if x.dim() <= 3:
        raise TypeError(f"For ChannelShuffle, expect input with > 3 dims, but got {x.dim()}.")
    if x.shape[1] % groups:
        raise ValueError(f"For 'channel_shuffle', the channels {x.shape[1]} must be divisible by 'groups' {groups}.")
    return F.channel_shuffle(x, groups)


attr_prim("ChannelShuffle", lambda x, group: OPS["channel_shuffle"](x, group), {"group": _REQ})


# ---------------------------------------------------------------------------------------------
# sampling grids
# ---------------------------------------------------------------------------------------------
@op(samples=(S(f32(1, 1, 3, 3), unit(1, 2, 2, 2, seed=1)),
             S(f32(1, 1, 3, 3), unit(1, 2, 2, 2, seed=1), 'nearest', 'border', True)))
def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):
    if mode not in ("bilinear", "nearest", "bicubic"):
        raise ValueError(f"For 'grid_sample', 'mode' must be 'bilinear', 'nearest' or 'bicubic', but got {mode!r}.")
    if padding_mode not in ("zeros", "border", "reflection"):
        raise ValueError(f"For 'grid_sample', 'padding_mode' must be 'zeros', 'border' or 'reflection', but got "
                         f"{padding_mode!r}.")
    if input.dim() not in (4, 5):
        raise ValueError(f"For 'grid_sample', the input must be a 4-D or 5-D tensor, but got {input.dim()}-D.")
    return F.grid_sample(input, grid, mode, padding_mode, bool(align_corners))


@op(samples=(S(f32(1, 2, 3), (1, 1, 3, 3)), S(f32(1, 2, 3), (1, 1, 3, 3), True)))
def affine_grid(theta, size, align_corners=False):
    if not isinstance(align_corners, bool):
        raise TypeError(f"For 'affine_grid', 'align_corners' must be a bool, but got {type(align_corners).__name__}.")
    if isinstance(size, torch.Tensor):
        size = tuple(int(v) for v in size.tolist())
    return F.affine_grid(theta, list(size), align_corners)


# ---------------------------------------------------------------------------------------------
# dropout, embedding
# ---------------------------------------------------------------------------------------------
def _dropout_nd(x, p, training, nd, where):
    if not isinstance(training, bool):
        raise TypeError(f"For '{where}', the 'training' must be a bool, but got {type(training).__name__}.")
    if isinstance(p, bool) or not isinstance(p, (int, float)):
        raise TypeError(f"For '{where}', 'p' must be a float, but got {type(p).__name__}.")
    if not 0 <= p <= 1:
        raise ValueError(f"For '{where}', 'p' must be in range [0, 1], but got {p}.")
    if x.dim() != nd + 2:
        raise ValueError(f"For '{where}', the input must be a {nd + 2}-D tensor, but got {x.dim()}-D.")
    if not training:
        return x
    fn = (F.dropout1d, F.dropout2d, F.dropout3d)[nd - 1]
    return fn(x, p, True)


@op(samples=(S(f32(2, 3, 4), 0.5, False),))
def dropout1d(input, p=0.5, training=True):
    return _dropout_nd(input, p, training, 1, "dropout1d")


@op(samples=(S(f32(1, 2, 3, 3), 0.5, False),))
def dropout2d(input, p=0.5, training=True):
    return _dropout_nd(input, p, training, 2, "dropout2d")


@op(samples=(S(f32(1, 2, 2, 2, 2), 0.5, False),))
def dropout3d(input, p=0.5, training=True):
    return _dropout_nd(input, p, training, 3, "dropout3d")


def _dropout_prim(nd):
    def call(self, x):
        t = unwrap(x)
        out = _dropout_nd(t, 1.0 - self.keep_prob, True, nd, f"Dropout{nd}D")
        mask = (out != 0) | (t == 0) if self.keep_prob > 0 else torch.zeros_like(t, dtype=torch.bool)
        return Tensor._make(out), Tensor._make(mask)
    return call


attr_prim("Dropout2D", None, {"keep_prob": 0.5}, call=_dropout_prim(2))
attr_prim("Dropout3D", None, {"keep_prob": 0.5}, call=_dropout_prim(3))


@op(samples=(S(V([[0, 2], [1, 0]], 'int32'), f32(3, 4)), S(V([[0, 2], [1, 0]], 'int32'), f32(3, 4), 0)))
def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False):
    if max_norm is not None:
        with torch.no_grad():
            idx = input.long().unique()
            rows = weight[idx]
            norms = rows.norm(p=norm_type, dim=-1, keepdim=True)
            scale = torch.where(norms > max_norm, max_norm / (norms + 1e-7), torch.ones_like(norms))
            weight[idx] = rows * scale
    return F.embedding(input.long(), weight, padding_idx, None, norm_type, scale_grad_by_freq)


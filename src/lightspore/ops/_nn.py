"""Neural-network functionals: activations, convolution, pooling, dropout, losses, one_hot."""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from .. import _checkparam as validator
from ..common import dtype as mstype
from ..common.tensor import Tensor
from ._args import _attr_prim
from ._nn_rt import RefRuntimeError, rt_op
from ._samples import ACT, A, D, S, V, f16, f32, i32, pos
from ._table import Primitive, op, prim, unwrap

_REDUCTIONS = ("none", "mean", "sum")


def _pair(v, name, where):
    if isinstance(v, int):
        return (v, v)
    if isinstance(v, (tuple, list)) and len(v) == 2 and all(isinstance(i, int) for i in v):
        return tuple(v)
    raise TypeError(f"For '{where}', '{name}' must be an int or a tuple of two ints, but got {v!r}")


def same_pads(in_size, k, s, d):
    """TensorFlow-style 'same' padding (extra pixel at the end): returns (before, after)."""
    out = -(-in_size // s)
    total = max((out - 1) * s + (k - 1) * d + 1 - in_size, 0)
    return total // 2, total - total // 2


def _check_reduction(reduction, where):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"For '{where}', 'reduction' must be one of {list(_REDUCTIONS)}, but got {reduction!r}.")


# ---------------------------------------------------------------------------------------------
# activations
# ---------------------------------------------------------------------------------------------
@op(prim="ReLU", samples=ACT + (S(i32(4)),))
def relu(input, inplace=False):
    return torch.relu_(input) if inplace else torch.relu(input)


def _only(x, where, allowed):
    if x.dtype not in allowed:
        names = ", ".join(str(mstype.from_torch(d)) for d in allowed)
        raise TypeError(f"For '{where}', the input must be one of {{{names}}}, but got {mstype.from_torch(x.dtype)}.")


_F16_F32 = (torch.float16, torch.float32)
_HALF_SINGLE = (torch.float16, torch.bfloat16, torch.float32)


@op(prim="ReLU6", samples=ACT)
def relu6(x):
    _only(x, "relu6", _F16_F32)
    return F.relu6(x)


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 0), S(f16(3)), S(f32(2, 3), dtype=D('float64'))))
def softmax(input, axis=-1, *, dtype=None):
    if dtype is not None:
        input = input.to(mstype.to_torch(dtype))
    return torch.softmax(input, axis)


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 0)))
def log_softmax(logits, axis=-1):
    return torch.log_softmax(logits, axis)


@op(samples=ACT + (S(f32(2, 3), 'tanh'),))
def gelu(input, approximate="none"):
    if approximate not in ("none", "tanh"):
        raise ValueError(f"For 'gelu', 'approximate' must be 'none' or 'tanh', but got {approximate!r}")
    return F.gelu(input, approximate=approximate)


@op(samples=ACT)
def silu(input):
    return F.silu(input)


@op(samples=ACT + (S(f32(2, 3), 0.1),))
def leaky_relu(input, alpha=0.2):
    if not input.is_floating_point():        # integer kernels use the slope truncated to an integer
        return torch.where(input > 0, input, input * int(alpha))
    return F.leaky_relu(input, alpha)


@op(samples=ACT + (S(f32(2, 3), 0.5),))
def elu(input_x, alpha=1.0):
    if alpha != 1.0:
        raise ValueError(f"For 'elu', 'alpha' must be 1.0 (the only value the kernel supports), but got {alpha}.")
    return F.elu(input_x, alpha)


@op(prim="Mish", samples=ACT)
def mish(x):
    return F.mish(x)


@op(samples=ACT + (S(f32(2, 3), 2, 1),))
def softplus(input, beta=1, threshold=20):
    return F.softplus(input, beta, threshold)


@op(prim="HSwish", samples=ACT)
def hardswish(input):
    if not input.is_floating_point():        # integer inputs: the float result truncated toward zero
        return F.hardswish(input.double()).to(input.dtype)
    return F.hardswish(input)


@op(prim="HSigmoid", samples=ACT)
def hardsigmoid(input):
    if not input.is_floating_point():
        return F.hardsigmoid(input.double()).to(input.dtype)
    return F.hardsigmoid(input)


@prim("Softmax")
class Softmax(Primitive):
    def __init__(self, axis=-1):
        super().__init__("Softmax")
        self.axis = axis[0] if isinstance(axis, (tuple, list)) and len(axis) == 1 else axis
        self.attrs["axis"] = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)    # the reference's form

    def __call__(self, x):
        return Tensor._make(torch.softmax(unwrap(x), self.axis))


_attr_prim("LogSoftmax", [("axis", -1)], lambda s, logits: torch.log_softmax(logits, s.axis), None)


# ---------------------------------------------------------------------------------------------
# dense / convolution / pooling
# ---------------------------------------------------------------------------------------------
@op(samples=(S(f32(2, 3), f32(4, 3, seed=1)), S(f32(2, 3), f32(4, 3, seed=1), f32(4, seed=2))))
def dense(input, weight, bias=None):
    return F.linear(input, weight, bias)


@prim("BiasAdd")
class BiasAdd(Primitive):
    def __init__(self, data_format="NCHW"):
        super().__init__("BiasAdd")
        if data_format not in ("NCHW", "NHWC", "NCDHW"):
            raise ValueError(f"For 'BiasAdd', 'data_format' must be 'NCHW', 'NHWC' or 'NCDHW', got {data_format!r}")
        self.data_format = data_format

    def __call__(self, input_x, bias):
        x, b = unwrap(input_x), unwrap(bias)
        if self.data_format == "NHWC":
            return Tensor._make(x + b)
        return Tensor._make(_bias_add(x, b))


def _bias_add(input_x, bias):
    if input_x.dim() > 2:
        return input_x + bias.reshape(-1, *([1] * (input_x.dim() - 2)))
    return input_x + bias


@op(samples=(S(f32(2, 3, 2), f32(3, seed=1)),))
def bias_add(input_x, bias):
    return _bias_add(input_x, bias)


def conv2d_torch(x, w, b, stride, pad_mode, padding, dilation, groups, where="conv2d"):
    """2-D convolution with MindSpore's pad modes on torch tensors (NCHW)."""
    if x.dim() != 4:
        raise ValueError(f"For '{where}', the input must be a 4-D tensor (N, C, H, W), but got shape "
                         f"{tuple(x.shape)}.")
    sh, sw = stride
    dh, dw = dilation
    kh, kw = w.shape[-2], w.shape[-1]
    if pad_mode == "same":
        pt, pb = same_pads(x.shape[2], kh, sh, dh)
        pl, pr = same_pads(x.shape[3], kw, sw, dw)
        if pt == pb and pl == pr:
            return F.conv2d(x, w, b, stride, (pt, pl), dilation, groups)
        x = F.pad(x, (pl, pr, pt, pb))
        return F.conv2d(x, w, b, stride, 0, dilation, groups)
    if pad_mode == "valid":
        return F.conv2d(x, w, b, stride, 0, dilation, groups)
    # 'pad'
    if isinstance(padding, int):
        return F.conv2d(x, w, b, stride, padding, dilation, groups)
    if len(padding) == 2:
        return F.conv2d(x, w, b, stride, tuple(padding), dilation, groups)
    top, bottom, left, right = padding
    if top == bottom and left == right:
        return F.conv2d(x, w, b, stride, (top, left), dilation, groups)
    return F.conv2d(F.pad(x, (left, right, top, bottom)), w, b, stride, 0, dilation, groups)


def _check_pad_mode(pad_mode, where):
    if not isinstance(pad_mode, str) or pad_mode.lower() not in ("same", "valid", "pad"):
        raise ValueError(f"For '{where}', 'pad_mode' must be one of ['same', 'valid', 'pad'], but got {pad_mode!r}.")
    return pad_mode.lower()


@rt_op(samples=(S(f32(1, 2, 5, 5), f32(3, 2, 3, 3, seed=1)),
                S(f32(1, 2, 5, 5), f32(4, 1, 3, 3, seed=1), f32(4, seed=2), 2, 'pad', 1, 1, 2),
                S(f32(1, 2, 5, 5), f32(3, 2, 3, 3, seed=1), None, 1, 'same')))
def conv2d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):
    pad_mode = _check_pad_mode(pad_mode, "conv2d")
    if input.dtype == torch.float64 or weight.dtype == torch.float64:
        raise TypeError("For 'conv2d', the input and weight must be float16, bfloat16 or float32, but got Float64.")
    if input.dim() == 4 and weight.dim() == 4 and input.shape[1] != weight.shape[1] * groups:
        raise RefRuntimeError(f"For 'conv2d', the input has {input.shape[1]} channels but the weight expects "
                              f"{weight.shape[1] * groups} (weight shape {tuple(weight.shape)}, groups {groups}).")
    if isinstance(padding, (tuple, list)) and len(padding) != 2:
        raise ValueError(f"For 'conv2d', 'padding' must be a tuple or list of 2 integers, but got {padding}.")
    return conv2d_torch(input, weight, bias, _pair(stride, "stride", "conv2d"), pad_mode, padding,
                        _pair(dilation, "dilation", "conv2d"), groups)


def _ceil_covers_same(size, kernel, stride, dilation):
    """Whether torch's ceil_mode output size equals the 'same' output size ceil(n / s) in both dims."""
    for n, k, st, d in zip(size, kernel, stride, dilation):
        eff = d * (k - 1) + 1
        if n < eff or -(-(n - eff) // st) + 1 != -(-n // st):
            return False
    return True


def max_pool2d_torch(x, kernel, stride, pad_mode, padding, dilation, return_indices, ceil_mode, where):
    if x.dim() not in (3, 4):
        raise ValueError(f"For '{where}', the input must be a 3-D or 4-D tensor, but got shape {tuple(x.shape)}.")
    if pad_mode == "same":
        pt, pb = same_pads(x.shape[-2], kernel[0], stride[0], dilation[0])
        pl, pr = same_pads(x.shape[-1], kernel[1], stride[1], dilation[1])
        if pt == 0 and pl == 0 and (pb or pr) and not ceil_mode and _ceil_covers_same(x.shape[-2:], kernel, stride,
                                                                                      dilation):
            # padding only at the end: torch's ceil_mode windows are exactly those, without a padded copy
            return F.max_pool2d(x, kernel, stride, 0, dilation, True, return_indices)
        if pt or pb or pl or pr:
            x = F.pad(x, (pl, pr, pt, pb), value=-math.inf)
        return F.max_pool2d(x, kernel, stride, 0, dilation, ceil_mode, return_indices)
    if pad_mode == "valid":
        return F.max_pool2d(x, kernel, stride, 0, dilation, ceil_mode, return_indices)
    return F.max_pool2d(x, kernel, stride, padding, dilation, ceil_mode, return_indices)


@op(out="any", samples=(S(f32(1, 2, 4, 4), 2), S(f32(1, 2, 5, 5), 3, 2, 1), S(f32(1, 2, 4, 4), 2, return_indices=True)))
def max_pool2d(x, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
    if x.dim() != 4:
        raise ValueError(f"For 'max_pool2d', the input must be a 4-D tensor, but got {x.dim()}-D.")
    k = _pair(kernel_size, "kernel_size", "max_pool2d")
    s = k if stride is None else _pair(stride, "stride", "max_pool2d")
    return max_pool2d_torch(x, k, s, "pad", padding, _pair(dilation, "dilation", "max_pool2d"),
                            return_indices, ceil_mode, "max_pool2d")


@op(samples=(S(f32(1, 2, 4, 4), 2, 2), S(f32(1, 2, 5, 5), 3, 2, 1),
             S(f32(1, 2, 5, 5), 2, 1, (1, 0, 0, 1)), S(f32(1, 2, 5, 5), 2, 1, (1, 0, 0, 1), False, False),
             S(f32(1, 2, 5, 5), 2, 2, (1, 0, 0, 1), True), S(f32(1, 2, 5, 5), 2, 1, (1, 0, 0, 1), False, True, 3),
             S(f32(1, 2, 6, 5), (3, 2), (2, 1), (2, 1, 0, 0), True, False)))
def avg_pool2d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=0):
    from ._nn_conv import _pool2d_pair, _pool_padding, avg_pool2d_torch
    if not isinstance(input_x, torch.Tensor):
        raise TypeError("For avg_pool2d, the input input_x must be tensor")
    kernel_size, stride = _pool2d_pair(kernel_size, "kernel_size"), _pool2d_pair(stride, "stride")
    padding = _pool_padding(padding, 4, "avg_pool2d")
    validator.check_value_type("ceil_mode", ceil_mode, bool, "avg_pool2d")
    validator.check_value_type("count_include_pad", count_include_pad, bool, "avg_pool2d")
    validator.check_non_negative_int(divisor_override, "divisor_override", "avg_pool2d")
    if input_x.dim() != 4:
        raise ValueError(f"For 'avg_pool2d', the input must be a 4-D tensor, but got {input_x.dim()}-D.")
    return avg_pool2d_torch(input_x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)


@prim("Conv2D")
class Conv2D(Primitive):
    def __init__(self, out_channel, kernel_size, mode=1, pad_mode="valid", pad=0, stride=1, dilation=1, group=1,
                 data_format="NCHW"):
        super().__init__("Conv2D")
        self.out_channel, self.kernel_size = out_channel, _pair(kernel_size, "kernel_size", "Conv2D")
        self.pad_mode = _check_pad_mode(pad_mode, "Conv2D")
        self.pad = pad
        self.stride = _pair(stride[-2:] if isinstance(stride, tuple) and len(stride) == 4 else stride,
                            "stride", "Conv2D")
        self.dilation = _pair(dilation[-2:] if isinstance(dilation, tuple) and len(dilation) == 4 else dilation,
                              "dilation", "Conv2D")
        self.group = group

    def __call__(self, x, w):
        return Tensor._make(conv2d_torch(unwrap(x), unwrap(w), None, self.stride, self.pad_mode, self.pad,
                                         self.dilation, self.group, "Conv2D"))


@prim("MaxPool")
class MaxPool(Primitive):
    def __init__(self, kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW"):
        super().__init__("MaxPool")
        self.kernel_size = _pair(kernel_size, "kernel_size", "MaxPool")
        self.strides = _pair(strides, "strides", "MaxPool")
        self.pad_mode = _check_pad_mode(pad_mode, "MaxPool")

    def __call__(self, x):
        return Tensor._make(max_pool2d_torch(unwrap(x), self.kernel_size, self.strides, self.pad_mode, 0, (1, 1),
                                             False, False, "MaxPool"))


# ---------------------------------------------------------------------------------------------
# dropout, one_hot
# ---------------------------------------------------------------------------------------------
@rt_op(samples=(S(f32(2, 3), 0.5, False),))
def dropout(input, p=0.5, training=True, seed=None):
    if not training:
        return input
    if not 0 <= p < 1:
        raise RefRuntimeError(f"For 'Dropout, the 'keep_prob' must be in (0.0, 1.0], but got {1 - p}")
    return F.dropout(input, p, True)


@op(samples=(S(V([0, 2, 1], 'int32'), 3, V(1.0), V(0.0)), S(V([0, 2, 1], 'int64'), 4, V(2.0), V(-1.0), 0)))
def one_hot(indices, depth, on_value=1, off_value=0, axis=-1):
    on = on_value.item() if isinstance(on_value, torch.Tensor) else on_value
    off = off_value.item() if isinstance(off_value, torch.Tensor) else off_value
    dt = on_value.dtype if isinstance(on_value, torch.Tensor) else (
        torch.float32 if isinstance(on, float) else torch.int64)
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        raise ValueError(f"For 'one_hot', 'depth' must be a non-negative int, but got {depth!r}.")
    if indices.dtype not in (torch.int32, torch.int64):
        raise TypeError(f"For primitive[OneHot], the input argument[indices] must be a type of {{Tensor[Int32], "
                        f"Tensor[Int64]}}, but got Tensor[{mstype.from_torch(indices.dtype)}].")
    idx = indices.long()
    valid = (idx >= 0) & (idx < depth)                  # out-of-range indices give an all-off row
    oh = F.one_hot(torch.where(valid, idx, torch.zeros_like(idx)), depth) * valid.unsqueeze(-1)
    out = torch.where(oh.bool(), torch.tensor(on, dtype=dt, device=oh.device),
                      torch.tensor(off, dtype=dt, device=oh.device))
    if axis != -1:
        out = out.movedim(-1, axis)
    return out


# ---------------------------------------------------------------------------------------------
# losses
# ---------------------------------------------------------------------------------------------
def _reduce(x, reduction):
    if reduction == "mean":
        return x.mean()
    if reduction == "sum":
        return x.sum()
    return x


@op(samples=(S(f32(3, 4), V([0, 3, 1], 'int32')), S(f32(3, 4), V([0, 3, 1], 'int32'), reduction='none'),
             S(f32(3, 4), V([0, 3, 1], 'int32'), label_smoothing=0.1), S(f32(3, 4), pos(3, 4))))
def cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
    _check_reduction(reduction, "cross_entropy")
    if not target.is_floating_point():
        if target.dtype not in (torch.int32, torch.int64):      # class indices: the reference gathers with them
            raise TypeError(f"For 'cross_entropy', the input argument[target] must be a type of {{Tensor[Int32], "
                            f"Tensor[Int64]}}, but got Tensor[{mstype.from_torch(target.dtype)}].")
        target = target.long()
    return F.cross_entropy(input, target, weight, ignore_index=ignore_index, reduction=reduction,
                           label_smoothing=label_smoothing)


@op(samples=(S(f32(3, 4), V([0, 3, 1], 'int32')), S(f32(3, 4), V([0, 3, 1], 'int32'), reduction='sum'),
             S(f32(3, 4), V([0, 3, 1], 'int32'), ignore_index=3)))
def nll_loss(inputs, target, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0):
    _check_reduction(reduction, "nll_loss")
    if target.dtype not in (torch.int32, torch.int64):      # the reference's kernel takes these only
        raise TypeError(f"For 'nll_loss', the input argument[target] must be a type of {{Tensor[Int32], "
                        f"Tensor[Int64]}}, but got Tensor[{mstype.from_torch(target.dtype)}].")
    target = target.long()
    loss = F.nll_loss(inputs, target, weight, ignore_index=ignore_index, reduction=reduction)
    if label_smoothing > 0.0:
        n = inputs.shape[1]
        smooth = -inputs.sum(dim=1)
        if weight is not None:
            smooth = -(inputs * weight.reshape(1, -1, *([1] * (inputs.dim() - 2)))).sum(dim=1)
        mask = target == ignore_index
        smooth = smooth.masked_fill(mask, 0.0)
        if reduction == "mean":
            denom = (weight[target.masked_fill(mask, 0)].masked_fill(mask, 0).sum() if weight is not None
                     else (~mask).sum())
            smooth = smooth.sum() / denom
        else:
            smooth = _reduce(smooth, reduction)
        loss = (1 - label_smoothing) * loss + label_smoothing / n * smooth
    return loss


_F32 = mstype.to_torch(mstype.float32)


def _reduce_f32(x, reduction, out_dtype):
    """The reference's loss reduction: float32 arithmetic, the result cast to ``out_dtype``."""
    if x.dtype is not _F32:
        x = x.to(_F32)
    x = _reduce(x, reduction)
    return x if out_dtype is _F32 else x.to(out_dtype)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(2, 3, seed=1), 'none')))
def mse_loss(input, target, reduction="mean"):
    _check_reduction(reduction, "mse_loss")
    x = torch.square(input - target)
    return _reduce_f32(x, reduction, x.dtype if x.is_floating_point() else _F32)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(2, 3, seed=1), 'sum')))
def l1_loss(input, target, reduction="mean"):
    _check_reduction(reduction, "l1_loss")
    x = torch.abs(input - target)
    return _reduce_f32(x, reduction, x.dtype)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(2, 3, seed=1), 0.5, 'mean')))
def smooth_l1_loss(input, target, beta=1.0, reduction="none"):
    _check_reduction(reduction, "smooth_l1_loss")
    return F.smooth_l1_loss(input, target, reduction=reduction, beta=beta)


@op(samples=(S(f32(2, 3), A((2, 3), 'float32', 0, 1, 1), pos(2, 3), pos(3)),))
def binary_cross_entropy_with_logits(input, target, weight=None, pos_weight=None, reduction="mean"):
    _check_reduction(reduction, "binary_cross_entropy_with_logits")
    _only(input, "binary_cross_entropy_with_logits", _HALF_SINGLE)
    return F.binary_cross_entropy_with_logits(input, target, weight, reduction=reduction, pos_weight=pos_weight)


class _BinaryCrossEntropy(torch.autograd.Function):
    """Unreduced binary cross entropy with the reference's arithmetic: logs of values clamped at 1e-12
    forward; d/dx = (x - y) / max(x (1 - x), 1e-12), d/dy = log(1 - x) - log(x) backward."""

    @staticmethod
    def forward(ctx, x, y, eps):
        ctx.save_for_backward(x, y)
        ctx.eps = eps
        return -(y * torch.log(torch.clamp(x, min=eps)) + (1 - y) * torch.log(torch.clamp(1 - x, min=eps)))

    @staticmethod
    def backward(ctx, g):
        x, y = ctx.saved_tensors
        gx = gy = None
        if ctx.needs_input_grad[0]:
            gx = g * (x - y) / torch.clamp(x * (1 - x), min=ctx.eps)
        if ctx.needs_input_grad[1]:
            gy = g * (torch.log1p(-x) - torch.log(x))
        return gx, gy, None


@rt_op(samples=(S(A((2, 3), 'float32', 0.1, 0.9), A((2, 3), 'float32', 0, 1, 1)),
                S(A((2, 3), 'float32', 0.1, 0.9), A((2, 3), 'float32', 0, 1, 1), pos(2, 3), 'sum')))
def binary_cross_entropy(logits, labels, weight=None, reduction="mean"):
    _check_reduction(reduction, "binary_cross_entropy")
    _only(logits, "binary_cross_entropy", _HALF_SINGLE)
    if logits.device.type == "cpu" and bool(((logits < 0) | (logits > 1)).any()):
        raise RefRuntimeError("For 'binary_cross_entropy', the value of 'logits' must be between 0 and 1.")
    loss = _BinaryCrossEntropy.apply(logits, labels, 1e-12)
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


class _KLDiv(torch.autograd.Function):
    """Elementwise labels * (log(labels) - logits), zero where labels <= 0, with the reference's
    gradient: -labels for the logits everywhere, none for the labels."""

    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(y)
        pos = y > 0
        safe = torch.where(pos, y, torch.ones_like(y))
        return torch.where(pos, y * (torch.log(safe) - x), torch.zeros_like(x))

    @staticmethod
    def backward(ctx, g):
        (y,) = ctx.saved_tensors
        return -y * g, None


@op(samples=(S(f32(2, 3), pos(2, 3, seed=1)), S(f32(2, 3), pos(2, 3, seed=1), 'batchmean')))
def kl_div(logits, labels, reduction="mean"):
    if not isinstance(reduction, str) or reduction not in ("none", "mean", "sum", "batchmean"):
        raise ValueError(f"For 'kl_div', the 'reduction' must be str and must be in "
                         f"'['none', 'mean', 'batchmean', 'sum']', but got '{reduction}'.")
    loss = _KLDiv.apply(logits, labels)
    if reduction == "sum":
        return loss.sum()
    if reduction == "mean":
        return loss.sum() / max(logits.numel(), 1)
    if reduction == "batchmean":
        if logits.dim() == 0:
            raise RuntimeError("For 'kl_div', 'logits' must not be a scalar when 'reduction' is 'batchmean'.")
        return loss.sum() / logits.shape[0]
    return loss


def softmax_cross_entropy_torch(logits, labels):
    """Per-sample softmax cross entropy with dense (probability) labels."""
    return -(labels * torch.log_softmax(logits, -1)).sum(-1)


@prim("SoftmaxCrossEntropyWithLogits")
class SoftmaxCrossEntropyWithLogits(Primitive):
    def __init__(self):
        super().__init__("SoftmaxCrossEntropyWithLogits")

    def __call__(self, logits, labels):
        lg, lb = unwrap(logits), unwrap(labels)
        loss = softmax_cross_entropy_torch(lg, lb)
        grad = torch.softmax(lg, -1) - lb
        return Tensor._make(loss), Tensor._make(grad.detach())


@prim("SparseSoftmaxCrossEntropyWithLogits")
class SparseSoftmaxCrossEntropyWithLogits(Primitive):
    def __init__(self, is_grad=False):
        super().__init__("SparseSoftmaxCrossEntropyWithLogits")
        self.is_grad = is_grad

    def __call__(self, logits, labels):
        lg, lb = unwrap(logits), unwrap(labels)
        if self.is_grad:
            g = torch.softmax(lg, -1) - F.one_hot(lb.long(), lg.shape[-1]).to(lg.dtype)
            return Tensor._make(g / lg.shape[0])
        return Tensor._make(F.cross_entropy(lg, lb.long()))


# the other nn modules register their table entries when this one is imported

"""The layer classes of ``mindspore.mint.nn`` (PyTorch-style arguments; parameter names, shapes and
initializers as in the reference). Forward passes call the torch-level functions of ``_fimpl``."""
import math
from typing import Optional

import numpy as np
import torch

from ...common import dtype as mstype
from ...common.initializer import HeUniform, Normal, Uniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...nn.cell import Cell
from . import _fimpl as _f


def _t(x, where):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{where}', the input must be a Tensor, but got {type(x).__name__}.")
    return x._t


def _tuple(v, n):
    return tuple(v) if isinstance(v, (tuple, list)) else (v,) * n


class _Apply(Cell):
    """A parameterless cell: ``construct(input)`` applies ``_fn(input, **self._kw)``."""

    _fn = None

    def _setup(self, **kw):
        self._kw = kw
        for k, v in kw.items():
            object.__setattr__(self, k, v)

    def construct(self, input):
        r = type(self)._fn(_t(input, self.cls_name), **self._kw)
        if isinstance(r, tuple):
            return tuple(Tensor._make(x) for x in r)
        return Tensor._make(r)


# ---- activations --------------------------------------------------------------------------------
_CELL_ARGS = ("Mish", "SELU")


def _act(name, fn, doc):
    def __init__(self):
        Cell.__init__(self)
        self._setup()
    if name in _CELL_ARGS:      # 2.10 gives these Cell's own arguments (their signature follows the release)
        def __init__(self, auto_prefix=True, flags=None):     # noqa: F811
            Cell.__init__(self, auto_prefix, flags)
            self._setup()
    return type(name, (_Apply,), {"__init__": __init__, "_fn": staticmethod(fn), "__doc__": doc,
                                  "__module__": "lightspore.mint.nn"})


Sigmoid = _act("Sigmoid", torch.sigmoid, "Sigmoid elementwise.")
Tanh = _act("Tanh", torch.tanh, "Tanh elementwise.")
LogSigmoid = _act("LogSigmoid", _f.logsigmoid, "log(sigmoid(x)) elementwise.")
Mish = _act("Mish", torch.nn.functional.mish, "x * tanh(softplus(x)) elementwise.")
SELU = _act("SELU", torch.selu, "Scaled ELU elementwise.")


class GELU(_Apply):
    """Gaussian error linear unit (``approximate`` 'none' or 'tanh')."""

    _fn = staticmethod(lambda x, approximate: _f.gelu(x, approximate=approximate))

    def __init__(self, approximate='none'):
        super().__init__()
        self._setup(approximate=approximate)


class SiLU(_Apply):
    """x * sigmoid(x) elementwise."""

    _fn = staticmethod(_f.silu)

    def __init__(self, inplace=False):
        super().__init__()
        self._setup(inplace=inplace)


class ReLU6(_Apply):
    """min(max(x, 0), 6) elementwise."""

    _fn = staticmethod(_f.relu6)

    def __init__(self, inplace=False):
        super().__init__()
        self._setup(inplace=inplace)


class ELU(_Apply):
    """Exponential linear unit."""

    _fn = staticmethod(_f.elu)

    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self._setup(alpha=alpha, inplace=inplace)


class Hardtanh(_Apply):
    """Clamp to [min_val, max_val]."""

    _fn = staticmethod(_f.hardtanh)

    def __init__(self, min_val=-1.0, max_val=1.0, inplace=False):
        super().__init__()     # the reference checks min_val <= max_val when the cell runs
        self._setup(min_val=min_val, max_val=max_val, inplace=inplace)


class Threshold(_Apply):
    """``x`` where ``x > threshold``, else ``value``."""

    _fn = staticmethod(_f.threshold)

    def __init__(self, threshold, value, inplace=False):
        super().__init__()
        self._setup(threshold=threshold, value=value, inplace=inplace)


class Softmax(_Apply):
    """Softmax along ``dim`` (default: the last)."""

    _fn = staticmethod(_f.softmax)

    def __init__(self, dim=None):
        super().__init__()
        self._setup(dim=dim)


class Flatten(_Apply):
    """Flatten dims ``start_dim..end_dim``."""

    _fn = staticmethod(_f.flatten)

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self._setup(start_dim=start_dim, end_dim=end_dim)


class PixelShuffle(_Apply):
    """Rearrange (N, C*r*r, H, W) -> (N, C, H*r, W*r)."""

    _fn = staticmethod(_f.pixel_shuffle)

    def __init__(self, upscale_factor):
        super().__init__()
        self._setup(upscale_factor=upscale_factor)


class Fold(_Apply):
    """Combine sliding blocks into a tensor (col2im)."""

    _fn = staticmethod(_f.fold)

    def __init__(self, output_size, kernel_size, dilation=1, padding=0, stride=1):
        super().__init__()
        self._setup(output_size=output_size, kernel_size=kernel_size, dilation=dilation, padding=padding,
                    stride=stride)


class Unfold(_Apply):
    """Extract sliding blocks (im2col)."""

    _fn = staticmethod(_f.unfold)

    def __init__(self, kernel_size, dilation=1, padding=0, stride=1):
        super().__init__()
        self._setup(kernel_size=kernel_size, dilation=dilation, padding=padding, stride=stride)


class Upsample(_Apply):
    """Resize with ``interpolate``."""

    _fn = staticmethod(_f.interpolate)

    def __init__(self, size=None, scale_factor=None, mode='nearest', align_corners=None,
                 recompute_scale_factor=None):
        super().__init__()
        self._setup(size=size, scale_factor=scale_factor, mode=mode, align_corners=align_corners,
                    recompute_scale_factor=recompute_scale_factor)


def _up_nearest(x, size, scale_factor):
    return torch.nn.functional.interpolate(x, size, scale_factor, 'nearest')


def _up_bilinear(x, size, scale_factor):
    return torch.nn.functional.interpolate(x, size, scale_factor, 'bilinear', align_corners=True)


class UpsamplingNearest2d(_Apply):
    """2-D nearest-neighbour upsampling."""

    _fn = staticmethod(_up_nearest)

    def __init__(self, size=None, scale_factor=None):
        super().__init__()
        self._setup(size=size, scale_factor=scale_factor)


class UpsamplingBilinear2d(_Apply):
    """2-D bilinear upsampling (align_corners=True)."""

    _fn = staticmethod(_up_bilinear)

    def __init__(self, size=None, scale_factor=None):
        super().__init__()
        self._setup(size=size, scale_factor=scale_factor)


# ---- pooling ------------------------------------------------------------------------------------
class AdaptiveAvgPool1d(_Apply):
    """1-D adaptive average pooling."""

    _fn = staticmethod(_f.adaptive_avg_pool1d)

    def __init__(self, output_size) -> None:
        super().__init__()
        self._setup(output_size=output_size)


class AdaptiveAvgPool2d(_Apply):
    """2-D adaptive average pooling."""

    _fn = staticmethod(_f.adaptive_avg_pool2d)

    def __init__(self, output_size) -> None:
        super().__init__()
        self._setup(output_size=output_size)


class AdaptiveAvgPool3d(_Apply):
    """3-D adaptive average pooling."""

    _fn = staticmethod(_f.adaptive_avg_pool3d)

    def __init__(self, output_size):
        super().__init__()
        self._setup(output_size=output_size)


class AdaptiveMaxPool1d(_Apply):
    """1-D adaptive max pooling."""

    _fn = staticmethod(_f.adaptive_max_pool1d)

    def __init__(self, output_size, return_indices=False) -> None:
        super().__init__()
        self._setup(output_size=output_size, return_indices=return_indices)


class AvgPool1d(_Apply):
    """1-D average pooling."""

    _fn = staticmethod(_f.avg_pool1d)

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
        super().__init__()
        self._setup(kernel_size=kernel_size, stride=stride, padding=padding, ceil_mode=ceil_mode,
                    count_include_pad=count_include_pad)


class AvgPool2d(_Apply):
    """2-D average pooling."""

    _fn = staticmethod(_f.avg_pool2d)

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__()
        self._setup(kernel_size=kernel_size, stride=stride, padding=padding, ceil_mode=ceil_mode,
                    count_include_pad=count_include_pad, divisor_override=divisor_override)


class AvgPool3d(_Apply):
    """3-D average pooling."""

    _fn = staticmethod(_f.avg_pool3d)

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__()
        self._setup(kernel_size=kernel_size, stride=stride, padding=padding, ceil_mode=ceil_mode,
                    count_include_pad=count_include_pad, divisor_override=divisor_override)


class MaxUnpool2d(Cell):
    """Partial inverse of 2-D max pooling."""

    def __init__(self, kernel_size, stride=None, padding=0) -> None:
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding

    def construct(self, input, indices, output_size=None):
        return Tensor._make(_f.max_unpool2d(_t(input, 'MaxUnpool2d'), indices._t, self.kernel_size, self.stride,
                                            self.padding, output_size))


# ---- padding ------------------------------------------------------------------------------------
def _pad_arg(padding, n, where):
    if isinstance(padding, int):
        return (padding,) * (2 * n)
    padding = tuple(padding)
    if len(padding) != 2 * n:
        raise ValueError(f"For '{where}', 'padding' must be an int or a tuple of {2 * n} ints, but got "
                         f"{padding!r}.")
    return padding


def _pad_fn(x, pad, mode, value):
    return _f.pad(x, pad, mode, value)


def _pad_cls(name, n, mode, with_value, zero=False):
    if with_value:
        def __init__(self, padding, value):
            Cell.__init__(self)
            self._setup(pad=_pad_arg(padding, n, name), mode=mode, value=value)
    elif zero:
        def __init__(self, padding):
            Cell.__init__(self)
            self._setup(pad=_pad_arg(padding, n, name), mode=mode, value=0)
    else:
        def __init__(self, padding):
            Cell.__init__(self)
            self._setup(pad=_pad_arg(padding, n, name), mode=mode, value=None)
    return type(name, (_Apply,), {"__init__": __init__, "_fn": staticmethod(_pad_fn),
                                  "__doc__": f"{n}-D {mode} padding.", "__module__": "lightspore.mint.nn"})


ConstantPad1d = _pad_cls("ConstantPad1d", 1, "constant", True)
ConstantPad2d = _pad_cls("ConstantPad2d", 2, "constant", True)
ConstantPad3d = _pad_cls("ConstantPad3d", 3, "constant", True)
ZeroPad1d = _pad_cls("ZeroPad1d", 1, "constant", False, True)
ZeroPad2d = _pad_cls("ZeroPad2d", 2, "constant", False, True)
ZeroPad3d = _pad_cls("ZeroPad3d", 3, "constant", False, True)
ReflectionPad1d = _pad_cls("ReflectionPad1d", 1, "reflect", False)
ReflectionPad2d = _pad_cls("ReflectionPad2d", 2, "reflect", False)
ReflectionPad3d = _pad_cls("ReflectionPad3d", 3, "reflect", False)
ReplicationPad1d = _pad_cls("ReplicationPad1d", 1, "replicate", False)
ReplicationPad2d = _pad_cls("ReplicationPad2d", 2, "replicate", False)
ReplicationPad3d = _pad_cls("ReplicationPad3d", 3, "replicate", False)


# ---- losses -------------------------------------------------------------------------------------
class _Loss(Cell):
    _fn = None

    def _setup(self, **kw):
        self._kw = kw
        for k, v in kw.items():
            object.__setattr__(self, k, v)

    def construct(self, input, target):
        kw = {k: (v._t if isinstance(v, Tensor) else v) for k, v in self._kw.items()}
        return Tensor._make(type(self)._fn(_t(input, self.cls_name), _t(target, self.cls_name), **kw))


def _check_red(reduction, where, extra=()):
    """The reference checks ``reduction`` when the loss runs (the functional's check), not here."""
    return reduction


class L1Loss(_Loss):
    """Mean absolute error."""

    _fn = staticmethod(_f.l1_loss)

    def __init__(self, reduction='mean'):
        super().__init__()
        self._setup(reduction=_check_red(reduction, 'L1Loss'))


class MSELoss(_Loss):
    """Mean squared error."""

    _fn = staticmethod(_f.mse_loss)

    def __init__(self, reduction='mean'):
        super().__init__()
        self._setup(reduction=_check_red(reduction, 'MSELoss'))


class SmoothL1Loss(_Loss):
    """Huber-like smooth L1 loss."""

    _fn = staticmethod(_f.smooth_l1_loss)

    def __init__(self, reduction='mean', beta=1.0):
        super().__init__()
        self._setup(reduction=_check_red(reduction, 'SmoothL1Loss'), beta=beta)


class SoftMarginLoss(_Loss):
    """log(1 + exp(-y x)) averaged."""

    _fn = staticmethod(_f.soft_margin_loss)

    def __init__(self, reduction='mean'):
        super().__init__()
        self._setup(reduction=_check_red(reduction, 'SoftMarginLoss'))


class CosineEmbeddingLoss(Cell):
    """Cosine embedding loss of ``mint.nn.functional.cosine_embedding_loss`` (MindSpore 2.10); as in the reference,
    ``margin`` and ``reduction`` are checked when called."""

    def __init__(self, margin=0.0, reduction='mean'):
        super().__init__()
        self.margin = margin
        self.reduction = reduction

    def construct(self, input1, input2, target):
        n = self.cls_name
        return Tensor._make(_f.cosine_embedding_loss(_t(input1, n), _t(input2, n), _t(target, n), self.margin,
                                                     self.reduction))


class KLDivLoss(_Loss):
    """Kullback-Leibler divergence (input holds log-probabilities)."""

    _fn = staticmethod(_f.kl_div)

    def __init__(self, reduction='mean', log_target=False):
        super().__init__()
        self._setup(reduction=_check_red(reduction, 'KLDivLoss', ('batchmean',)), log_target=log_target)


class BCELoss(_Loss):
    """Binary cross entropy on probabilities."""

    _fn = staticmethod(_f.binary_cross_entropy)

    def __init__(self, weight=None, reduction='mean'):
        super().__init__()
        self._setup(weight=weight, reduction=_check_red(reduction, 'BCELoss'))


class BCEWithLogitsLoss(_Loss):
    """Binary cross entropy on logits."""

    _fn = staticmethod(_f.binary_cross_entropy_with_logits)

    def __init__(self, weight=None, reduction='mean', pos_weight=None):
        super().__init__()
        self._setup(weight=weight, reduction=_check_red(reduction, 'BCEWithLogitsLoss'), pos_weight=pos_weight)


# ---- layers with parameters ---------------------------------------------------------------------
def _dt(dtype):
    return mstype.float32 if dtype is None else dtype


class _Conv(Cell):
    _nd = 2
    _transposed = False

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode='zeros', dtype=None):
        super().__init__()
        n, name = self._nd, type(self).__name__
        for v, a in ((in_channels, 'in_channels'), (out_channels, 'out_channels')):
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ValueError(f"For '{name}', '{a}' must be a non-negative int, but got {v!r}.")
        if isinstance(groups, bool) or not isinstance(groups, int) or groups <= 0:
            raise ValueError(f"For '{name}', 'groups' must be a positive int, but got {groups!r}.")
        if in_channels % groups:
            raise ValueError('in_channels must be divisible by groups.')
        if out_channels % groups:
            raise ValueError('out_channels must be divisible by groups.')
        kernel_size, stride, dilation = _tuple(kernel_size, n), _tuple(stride, n), _tuple(dilation, n)
        if isinstance(padding, str):
            if padding not in ('same', 'valid'):
                raise ValueError(f"For '{name}', 'padding' must be one of 'same', 'valid', but got {padding!r}.")
            if padding == 'same' and any(s != 1 for s in stride):
                raise ValueError("padding='same' is not supported for strided convolutions")
        else:
            padding = _tuple(padding, n)
        if padding_mode not in ('zeros', 'reflect', 'replicate', 'circular'):
            raise ValueError(f"For '{name}', 'padding_mode' must be one of 'zeros', 'reflect', 'replicate', "
                             f"'circular', but got {padding_mode!r}.")
        for vals, a in ((kernel_size, 'kernel_size'), (stride, 'stride'), (dilation, 'dilation')):
            for v in vals:
                if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                    raise ValueError(f"For '{name}', '{a} item' must be a positive int, but got {v!r}.")
        if not isinstance(bias, bool):
            raise TypeError(f"For '{name}', 'bias' must be a bool, but got {type(bias).__name__}.")
        self.in_channels, self.out_channels, self.groups = in_channels, out_channels, groups
        self.kernel_size, self.stride, self.padding, self.dilation = kernel_size, stride, padding, dilation
        self.padding_mode, self.transposed = padding_mode, self._transposed
        self.output_padding = (0,) * n
        if isinstance(padding, str):
            rp = [0, 0] * n
            if padding == 'same':
                for d, k, i in zip(dilation, kernel_size, range(n - 1, -1, -1)):
                    tot = d * (k - 1)
                    rp[2 * i], rp[2 * i + 1] = tot // 2, tot - tot // 2
            self._reversed_padding = tuple(rp)
        else:
            self._reversed_padding = tuple(x for x in reversed(padding) for _ in range(2))
        if self._transposed:
            shape = [in_channels, out_channels // groups, *kernel_size]
        else:
            shape = [out_channels, in_channels // groups, *kernel_size]
        dtype = _dt(dtype)
        self.weight = Parameter(initializer(HeUniform(math.sqrt(5)), shape, dtype=dtype), name='weight')
        if bias:
            fan_in = shape[1] * int(np.prod(kernel_size))
            binit = Uniform(1 / math.sqrt(fan_in)) if fan_in else 'zeros'
            self.bias = Parameter(initializer(binit, [out_channels], dtype=dtype), name='bias')
        else:
            self.bias = None

    def construct(self, input):
        x = _t(input, type(self).__name__)
        b = None if self.bias is None else self.bias._t
        fn = {1: _f.conv1d, 2: _f.conv2d, 3: _f.conv3d}[self._nd]
        if self.padding_mode != 'zeros':
            x = torch.nn.functional.pad(x, self._reversed_padding, self.padding_mode)
            return Tensor._make(fn(x, self.weight._t, b, self.stride, 0, self.dilation, self.groups))
        return Tensor._make(fn(x, self.weight._t, b, self.stride, self.padding, self.dilation, self.groups))


class Conv1d(_Conv):
    """1-D convolution over (N, C, L)."""

    _nd = 1


class Conv2d(_Conv):
    """2-D convolution over (N, C, H, W)."""

    _nd = 2


class Conv3d(_Conv):
    """3-D convolution over (N, C, D, H, W)."""

    _nd = 3


class ConvTranspose2d(_Conv):
    """2-D transposed convolution; weight (in_channels, out_channels // groups, kH, kW)."""

    _nd = 2
    _transposed = True

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
                 bias=True, dilation=1, padding_mode='zeros', dtype=None):
        if padding_mode != 'zeros':
            raise ValueError(f"Only 'zeros' padding mode is supported for {type(self).__name__}")
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, padding_mode,
                         dtype)
        self.output_padding = _tuple(output_padding, self._nd)

    def construct(self, input, output_size=None):
        x = _t(input, 'ConvTranspose2d')
        b = None if self.bias is None else self.bias._t
        op = self.output_padding
        if output_size is not None:
            op = torch.nn.ConvTranspose2d._output_padding(
                torch.nn.ConvTranspose2d(1, 1, 1), x, list(output_size), list(self.stride), list(self.padding),
                list(self.kernel_size), 2, list(self.dilation))
        return Tensor._make(_f.conv_transpose2d(x, self.weight._t, b, self.stride, self.padding, op, self.groups,
                                                self.dilation))


class _BatchNorm(Cell):
    _dims = (2,)

    def __init__(self, num_features: int, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True,
                 dtype=None) -> None:
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        self.dtype = _dt(dtype)
        tdt = mstype.to_torch(self.dtype)
        if affine:
            self.weight = Parameter(Tensor._make(torch.ones(num_features, dtype=tdt)), name="weight")
            self.bias = Parameter(Tensor._make(torch.zeros(num_features, dtype=tdt)), name="bias")
        else:
            self.weight = self.bias = None
        if track_running_stats:
            self.running_mean = Parameter(Tensor._make(torch.zeros(num_features, dtype=tdt)), name="running_mean",
                                          requires_grad=False)
            self.running_var = Parameter(Tensor._make(torch.ones(num_features, dtype=tdt)), name="running_var",
                                         requires_grad=False)
            self.num_batches_tracked = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int64)),
                                                 name="num_batches_tracked", requires_grad=False)
        else:
            self.running_mean = self.running_var = self.num_batches_tracked = None

    def reset_running_stats(self) -> None:
        if self.track_running_stats:
            self.running_mean._t.zero_()
            self.running_var._t.fill_(1)
            self.num_batches_tracked._t.zero_()

    def reset_parameters(self) -> None:
        self.reset_running_stats()
        if self.affine:
            self.weight._t.data.fill_(1)
            self.bias._t.data.zero_()

    def construct(self, input):
        x = _t(input, type(self).__name__)
        if self._dims is not None and x.dim() not in self._dims:
            raise ValueError(f"expected {' or '.join(f'{d}D' for d in self._dims)} input (got {x.dim()}D input)")
        factor = 0.0 if self.momentum is None else self.momentum
        if self.training and self.track_running_stats:
            self.num_batches_tracked._t.add_(1)
            if self.momentum is None:
                factor = 1.0 / float(self.num_batches_tracked._t)
        use_batch = self.training or (self.running_mean is None and self.running_var is None)
        track = not self.training or self.track_running_stats
        rm = self.running_mean._t if track and self.running_mean is not None else None
        rv = self.running_var._t if track and self.running_var is not None else None
        w = None if self.weight is None else self.weight._t
        b = None if self.bias is None else self.bias._t
        return Tensor._make(torch.nn.functional.batch_norm(x, rm, rv, w, b, use_batch, factor, self.eps))


class BatchNorm1d(_BatchNorm):
    """Batch normalization over (N, C) or (N, C, L)."""

    _dims = (2, 3)


class BatchNorm2d(_BatchNorm):
    """Batch normalization over (N, C, H, W)."""

    _dims = (4,)


class BatchNorm3d(_BatchNorm):
    """Batch normalization over (N, C, D, H, W)."""

    _dims = (5,)


class GroupNorm(Cell):
    """Group normalization; weight ones, bias zeros (trainable when ``affine``)."""

    def __init__(self, num_groups, num_channels, eps=1e-05, affine=True, dtype=None):
        super().__init__()
        for v, a in ((num_groups, 'num_groups'), (num_channels, 'num_channels')):
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                raise ValueError(f"For 'GroupNorm', '{a}' must be a positive int, but got {v!r}.")
        if num_channels % num_groups:
            raise ValueError(f"For 'GroupNorm', the 'num_channels' must be divided by 'num_groups', but got "
                             f"'num_channels': {num_channels}, 'num_groups': {num_groups}.")
        if not isinstance(eps, float):
            raise TypeError(f"For 'GroupNorm', 'eps' must be a float, but got {type(eps).__name__}.")
        if not isinstance(affine, bool):
            raise TypeError(f"For 'GroupNorm', 'affine' must be a bool, but got {type(affine).__name__}.")
        self.num_groups, self.num_channels, self.eps, self.affine = num_groups, num_channels, eps, affine
        dtype = _dt(dtype)
        self.weight = Parameter(initializer('ones', num_channels, dtype=dtype), name="weight", requires_grad=affine)
        self.bias = Parameter(initializer('zeros', num_channels, dtype=dtype), name="bias", requires_grad=affine)

    def construct(self, x):
        return Tensor._make(_f.group_norm(_t(x, 'GroupNorm'), self.num_groups, self.weight._t, self.bias._t,
                                          self.eps))


# ---- public classes of the reference's mint.nn beyond its documented list -----------------------
class GLU(_Apply):
    """Gated linear unit: first half * sigmoid(second half) along ``dim``."""

    _fn = staticmethod(_f.glu)

    def __init__(self, dim=-1):
        super().__init__()
        self._setup(dim=dim)


class MaxPool2d(_Apply):
    """2-D max pooling (``stride`` defaults to ``kernel_size``)."""

    _fn = staticmethod(_f.max_pool2d)

    def __init__(self, kernel_size=1, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
        super().__init__()
        self._setup(kernel_size=kernel_size, stride=stride if stride is not None else kernel_size, padding=padding,
                    dilation=dilation, ceil_mode=ceil_mode, return_indices=return_indices)


class _DropoutBase(Cell):
    _fn = None

    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        self.p, self.inplace = p, inplace

    def construct(self, input):
        if not self.training or self.p == 0:
            return input
        return Tensor._make(type(self)._fn(_t(input, type(self).__name__), self.p, True, self.inplace))


class Dropout(_DropoutBase):
    """Zero elements with probability ``p`` in training, scaling the rest by 1/(1-p)."""

    _fn = staticmethod(_f.dropout)


class Dropout2d(_DropoutBase):
    """Zero whole channels with probability ``p`` in training."""

    _fn = staticmethod(_f.dropout2d)


class Embedding(Cell):
    """Lookup table; weight (num_embeddings, embedding_dim) drawn from N(0, 1), row ``padding_idx`` zero."""

    def __init__(self, num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0,
                 scale_grad_by_freq=False, sparse=False, _weight=None, _freeze=False, dtype=None):
        super().__init__()
        if not isinstance(sparse, bool):
            raise TypeError(f"For 'Embedding', 'sparse' must be a bool, but got {type(sparse).__name__}.")
        if sparse:
            raise ValueError("For Embedding, the scenerio, where `sparse` is True, has not be supported.")
        for v, a in ((num_embeddings, 'num_embeddings'), (embedding_dim, 'embedding_dim')):
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError(f"For 'Embedding', '{a}' must be an int, but got {type(v).__name__}.")
        if padding_idx is not None:
            if not -num_embeddings <= padding_idx < num_embeddings:
                raise ValueError(f"For 'Embedding', 'padding_idx' must be in [{-num_embeddings}, {num_embeddings}), "
                                 f"but got {padding_idx}.")
            padding_idx = padding_idx % num_embeddings
        if max_norm is not None and not isinstance(max_norm, float):
            raise TypeError(f"For 'Embedding', 'max_norm' must be a float, but got {type(max_norm).__name__}.")
        self.num_embeddings, self.embedding_dim, self.padding_idx = num_embeddings, embedding_dim, padding_idx
        self.max_norm, self.norm_type, self.scale_grad_by_freq, self.sparse = max_norm, norm_type, \
            scale_grad_by_freq, sparse
        self.dtype = _dt(dtype)
        if _weight is None:
            w = initializer(Normal(1.0, 0.0), [num_embeddings, embedding_dim], dtype=self.dtype)
            if padding_idx is not None:
                w._t[padding_idx] = 0
        else:
            if tuple(_weight.shape) != (num_embeddings, embedding_dim):
                raise ValueError(f"For Embedding, shape of weight should be match with num_embeddings and "
                                 f"embedding_dim, but got {tuple(_weight.shape)}.")
            w = _weight
        self.weight = Parameter(w, name='weight', requires_grad=not _freeze)

    def construct(self, input):
        return Tensor._make(_f.embedding(_t(input, 'Embedding'), self.weight._t, self.padding_idx, self.max_norm,
                                         self.norm_type, self.scale_grad_by_freq))


class LayerNorm(Cell):
    """Layer normalization over the trailing ``normalized_shape``; weight ones, bias zeros."""

    def __init__(self, normalized_shape, eps=1e-05, elementwise_affine=True, bias=True, dtype=None):
        super().__init__()
        if isinstance(normalized_shape, int) and not isinstance(normalized_shape, bool):
            normalized_shape = (normalized_shape,)
        if not isinstance(normalized_shape, (tuple, list)):
            raise TypeError(f"For 'LayerNorm', the type of 'normalized_shape' must be tuple[int] or list[int], but "
                            f"got {normalized_shape} and the type is {type(normalized_shape)}.")
        if not normalized_shape:
            raise ValueError("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one "
                             f"element, but got normalized_shape = {normalized_shape}")
        self.normalized_shape, self.eps, self.elementwise_affine = tuple(normalized_shape), eps, elementwise_affine
        tdt = mstype.to_torch(_dt(dtype))
        self.weight = self.bias = None
        if elementwise_affine:
            self.weight = Parameter(Tensor._make(torch.ones(self.normalized_shape, dtype=tdt)), name="weight")
            if bias:
                self.bias = Parameter(Tensor._make(torch.zeros(self.normalized_shape, dtype=tdt)), name="bias")

    def construct(self, input):
        w = None if self.weight is None else self.weight._t
        b = None if self.bias is None else self.bias._t
        return Tensor._make(_f.layer_norm(_t(input, 'LayerNorm'), self.normalized_shape, w, b, self.eps))


class CrossEntropyLoss(_Loss):
    """Cross entropy over class logits (class indices or probabilities as targets)."""

    _fn = staticmethod(_f.cross_entropy)

    def __init__(self, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0):
        super().__init__()
        self._setup(weight=weight, ignore_index=ignore_index, reduction=reduction, label_smoothing=label_smoothing)


class NLLLoss(_Loss):
    """Negative log-likelihood over log-probabilities."""

    _fn = staticmethod(_f.nll_loss)

    def __init__(self, weight=None, ignore_index=-100, reduction='mean'):
        super().__init__()
        self._setup(weight=weight, ignore_index=ignore_index, reduction=reduction)


def _world_group(process_group):
    """The torch process group for ``process_group`` (None or a world-group name: the default group), and
    its size; size 1 when torch.distributed is not initialised (single process, as the reference)."""
    import torch.distributed as dist

    if not (dist.is_available() and dist.is_initialized()):
        return None, 1
    if process_group is None or process_group in ("hccl_world_group", "nccl_world_group", "mccl_world_group"):
        group = dist.group.WORLD
    elif isinstance(process_group, dist.ProcessGroup):
        group = process_group
    else:
        raise ValueError(f"For 'SyncBatchNorm', 'process_group' must be None, a world group name or a torch "
                         f"ProcessGroup, but got {process_group!r}.")
    return group, dist.get_world_size(group)


class SyncBatchNorm(_BatchNorm):
    """Batch normalization whose training statistics are reduced over the processes of ``process_group``
    (torch.distributed, autograd-aware all-reduce); a single process normalises like BatchNorm."""

    _dims = None

    def __init__(self, num_features: int, eps: float = 1e-05, momentum: float = 0.1, affine: bool = True,
                 track_running_stats: bool = True, process_group: Optional[str] = None, dtype=None):
        super().__init__(num_features, eps, momentum, affine, track_running_stats, dtype)
        self._group, self.world_size = _world_group(process_group)
        self.process_group = process_group if process_group else "world_group"

    def construct(self, input):
        x = _t(input, 'SyncBatchNorm')
        if x.dim() < 2:
            raise ValueError(f"expected at least 2D input (got {x.dim()}D input)")
        if x.shape[1] == 0:
            raise ValueError("SyncBatchNorm number of input channels should be non-zero")
        if not (self.training and self.world_size > 1):
            if not self.training and (self.running_mean is None or self.running_var is None):
                raise ValueError("running mean or running var can't be none for batch_norm.")
            return super().construct(input)
        factor = 0.0 if self.momentum is None else self.momentum
        if self.track_running_stats:
            self.num_batches_tracked._t.add_(1)
            if self.momentum is None:
                factor = 1.0 / float(self.num_batches_tracked._t)
        from ...nn.layer.normalization_ext import _AllReduce  # one differentiable all-reduce for both

        def all_reduce(t, group):
            return _AllReduce.apply(t, group)

        axes = (0,) + tuple(range(2, x.dim()))
        shape = (1, -1) + (1,) * (x.dim() - 2)
        count = torch.tensor([x.numel() // x.shape[1]], dtype=x.dtype)
        sums = all_reduce(torch.cat([x.sum(axes), count]), group=self._group)
        total = sums[-1]
        mean = sums[:-1] / total
        sq = all_reduce(((x - mean.reshape(shape)) ** 2).sum(axes), group=self._group)
        var = sq / total
        y = (x - mean.reshape(shape)) * torch.rsqrt(var + self.eps).reshape(shape)
        if self.weight is not None:
            y = y * self.weight._t.reshape(shape) + self.bias._t.reshape(shape)
        if self.track_running_stats:
            with torch.no_grad():
                self.running_mean._t.mul_(1 - factor).add_(factor * mean.detach())
                self.running_var._t.mul_(1 - factor).add_(factor * (var * total / (total - 1)).detach())
        return Tensor._make(y)

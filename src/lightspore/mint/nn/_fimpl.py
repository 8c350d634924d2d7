"""Torch-level implementations of ``mindspore.mint.nn.functional`` (PyTorch-style arguments).

Where the op table has the same math (activations, losses), these call its entries; the rest are
PyTorch's functionals with the reference's argument checks. ``functional.py`` generates the public forms.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

from ...ops import _release_ops
from ...ops._table import IMPLS as _I
from .._impl import tdt

_RED = ("none", "mean", "sum")


def _red(reduction, where):
    if reduction not in _RED:
        raise ValueError(f"For '{where}', 'reduction' must be one of {list(_RED)}, but got {reduction!r}.")
    return reduction


# ---- activations --------------------------------------------------------------------------------
def relu(input, inplace=False):
    return _I["relu"](input, inplace)


def relu_(input):
    return torch.relu_(input)


def relu6(input, inplace=False):
    return F.relu6(input, inplace=inplace)


def sigmoid(input):
    return _I["sigmoid"](input)


def sigmoid_(input):
    return torch.sigmoid_(input)


def tanh(input):
    return _I["tanh"](input)


def silu(input, inplace=False):
    return F.silu(input, inplace=inplace)


def gelu(input, *, approximate='none'):
    return _I["gelu"](input, approximate)


def elu(input, alpha=1.0, inplace=False):
    return F.elu(input, alpha, inplace=inplace)


def elu_(input, alpha=1.0):
    return F.elu_(input, alpha)


def leaky_relu(input, negative_slope=0.01):
    return F.leaky_relu(input, negative_slope)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if min_val > max_val:
        raise ValueError(f"For 'hardtanh', 'min_val' must not be greater than 'max_val', but got {min_val} and "
                         f"{max_val}.")
    return F.hardtanh(input, min_val, max_val, inplace=inplace)


def hardtanh_(input, min_val=-1, max_val=1):
    return hardtanh(input, min_val, max_val, True)


def threshold(input, threshold, value, inplace=False):
    return F.threshold(input, threshold, value, inplace=inplace)


def threshold_(input, threshold, value):
    return F.threshold_(input, threshold, value)


def hardshrink(input, lambd=0.5):
    return F.hardshrink(input, lambd)


def softshrink(input, lambd=0.5):
    if lambd < 0:
        raise ValueError(f"For 'softshrink', 'lambd' must be non-negative, but got {lambd}.")
    return F.softshrink(input, lambd)


def hardsigmoid(input):
    return F.hardsigmoid(input)


def hardswish(input):
    return F.hardswish(input)


def mish(input):
    return F.mish(input)


def selu(input):
    return F.selu(input)


def softplus(input, beta=1, threshold=20):
    return F.softplus(input, beta, threshold)


def logsigmoid(input):
    return F.logsigmoid(input)


def prelu(input, weight):
    return F.prelu(input, weight)


def glu(input, dim=-1):
    return F.glu(input, dim)


def softmax(input, dim=None, dtype=None):
    if dim is None:     # the implicit axis differs between 2.7.1 and 2.10
        dim = _release_ops.softmax_dim(input.ndim)
    if not isinstance(dim, int) or isinstance(dim, bool):
        raise TypeError(f"For 'softmax', the type of 'dim' must be 'int', but got {dim!r}.")
    if dtype is not None:
        input = input.to(tdt(dtype))
    return torch.softmax(input, dim)


def log_softmax(input, dim=None, *, dtype=None):
    if dim is None:
        dim = -1
    if dtype is not None:
        input = input.to(tdt(dtype))
    return torch.log_softmax(input, dim)


# ---- linear / conv ------------------------------------------------------------------------------
def linear(input, weight, bias=None):
    return F.linear(input, weight, bias)


def _conv_padding(padding, where):
    if isinstance(padding, str) and padding not in ("same", "valid"):
        raise ValueError(f"For '{where}', 'padding' must be 'same', 'valid', an int or a tuple, but got "
                         f"{padding!r}.")
    return padding


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return F.conv1d(input, weight, bias, stride, _conv_padding(padding, 'conv1d'), dilation, groups)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return F.conv2d(input, weight, bias, stride, _conv_padding(padding, 'conv2d'), dilation, groups)


def conv3d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return F.conv3d(input, weight, bias, stride, _conv_padding(padding, 'conv3d'), dilation, groups)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    return F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    return F.fold(input, output_size, kernel_size, dilation, padding, stride)


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    return F.unfold(input, kernel_size, dilation, padding, stride)


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False):
    if max_norm is not None:
        with torch.no_grad():
            torch.embedding_renorm_(weight, input.reshape(-1), max_norm, norm_type)
    return F.embedding(input, weight, padding_idx, None, norm_type, scale_grad_by_freq)


# ---- pooling ------------------------------------------------------------------------------------
def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    return F.avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad)


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    return F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)


def avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    return F.avg_pool3d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    r = F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode=ceil_mode,
                     return_indices=return_indices)
    return tuple(r) if return_indices else r


def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    return F.max_unpool2d(input, indices, kernel_size, stride, padding, output_size)


def adaptive_avg_pool1d(input, output_size):
    return F.adaptive_avg_pool1d(input, output_size)


def adaptive_avg_pool2d(input, output_size):
    return F.adaptive_avg_pool2d(input, output_size)


def adaptive_avg_pool3d(input, output_size):
    return F.adaptive_avg_pool3d(input, output_size)


def adaptive_max_pool1d(input, output_size, return_indices=False):
    r = F.adaptive_max_pool1d(input, output_size, return_indices)
    return tuple(r) if return_indices else r


def adaptive_max_pool2d(input, output_size, return_indices=False):
    r = F.adaptive_max_pool2d(input, output_size, return_indices)
    return tuple(r) if return_indices else r


# ---- normalization ------------------------------------------------------------------------------
def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05):
    return F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):
    return F.group_norm(input, num_groups, weight, bias, eps)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    return F.layer_norm(input, tuple(normalized_shape), weight, bias, eps)


def normalize(input, p=2.0, dim=1, eps=1e-12):
    return F.normalize(input, p, dim, eps)


# ---- dropout ------------------------------------------------------------------------------------
def _check_p(p, where):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"For '{where}', 'p' must be in range [0, 1], but got {p}.")


def dropout(input, p=0.5, training=True, inplace=False):
    _check_p(p, 'dropout')
    return F.dropout(input, p, training, inplace)


def dropout2d(input, p=0.5, training=True, inplace=False):
    _check_p(p, 'dropout2d')
    return F.dropout2d(input, p, training, inplace)


# ---- shape --------------------------------------------------------------------------------------
def flatten(input, start_dim=0, end_dim=-1):
    return torch.flatten(input, start_dim, end_dim)


def one_hot(tensor, num_classes=-1):
    return F.one_hot(tensor.long() if tensor.dtype != torch.int64 else tensor, num_classes)


def pad(input, pad, mode='constant', value=None):
    if mode not in ('constant', 'reflect', 'replicate', 'circular'):
        raise ValueError(f"For 'pad', 'mode' must be 'constant', 'reflect', 'replicate' or 'circular', but got "
                         f"{mode!r}.")
    if mode != 'constant' and value not in (None, 0):
        raise ValueError(f"For 'pad', 'value' is only valid in 'constant' mode, but got mode {mode!r} and value "
                         f"{value!r}.")
    return F.pad(input, tuple(pad), mode, value if mode == 'constant' else None)


def pixel_shuffle(input, upscale_factor):
    return F.pixel_shuffle(input, upscale_factor)


_MODES = ("nearest", "linear", "bilinear", "bicubic", "trilinear")


def interpolate(input, size=None, scale_factor=None, mode='nearest', align_corners=None,
                recompute_scale_factor=None):
    if mode not in _MODES:
        raise ValueError(f"For 'interpolate', 'mode' must be in {list(_MODES)}, but got {mode!r}.")
    if mode == "nearest":
        if align_corners is not None:
            raise ValueError("For 'interpolate', align_corners option can only be set with the interpolating "
                             "modes: linear | bilinear | bicubic | trilinear.")
    elif align_corners is None:
        align_corners = False
    if size is not None and scale_factor is not None:
        raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot be set simultaneously.")
    if size is None and scale_factor is None:
        raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot be both empty.")
    if recompute_scale_factor and size is not None:
        raise ValueError("For 'interpolate', it is incorrect to set 'recompute_scale_factor' to True after "
                         "specifying an explicit 'size'.")
    if mode in ("bilinear", "bicubic") and scale_factor is not None and not recompute_scale_factor:
        raise ValueError("For 'interpolate', scale_factor option can only be set with the interpolating modes: "
                         "nearest | linear | area | trilinear.")
    return F.interpolate(input, size, scale_factor, mode, align_corners if mode != "nearest" else None,
                         recompute_scale_factor)


def upsample(input, size=None, scale_factor=None, mode='nearest', align_corners=None):
    return interpolate(input, size, scale_factor, mode, align_corners)


def grid_sample(input, grid, mode='bilinear', padding_mode='zeros', align_corners=None):
    return F.grid_sample(input, grid, mode, padding_mode, bool(align_corners))


# ---- losses -------------------------------------------------------------------------------------
def binary_cross_entropy(input, target, weight=None, reduction='mean'):
    return F.binary_cross_entropy(input, target, weight, reduction=_red(reduction, 'binary_cross_entropy'))


def binary_cross_entropy_with_logits(input, target, weight=None, reduction='mean', pos_weight=None):
    return F.binary_cross_entropy_with_logits(input, target, weight, reduction=_red(
        reduction, 'binary_cross_entropy_with_logits'), pos_weight=pos_weight)


def _class_index(target):
    """Class-index targets of any integer dtype (the reference takes int32 as well as int64; torch only int64)."""
    if not (target.is_floating_point() or target.is_complex() or target.dtype in (torch.int64, torch.bool)):
        return target.long()
    return target


def cross_entropy(input, target, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0):
    target = _class_index(target)
    return F.cross_entropy(input, target, weight, ignore_index=ignore_index,
                           reduction=_red(reduction, 'cross_entropy'), label_smoothing=label_smoothing)


def nll_loss(input, target, weight=None, ignore_index=-100, reduction='mean'):
    return F.nll_loss(input, _class_index(target), weight, ignore_index=ignore_index,
                      reduction=_red(reduction, 'nll_loss'))


def kl_div(input, target, reduction='mean', log_target=False):
    if reduction not in ('none', 'mean', 'sum', 'batchmean'):
        raise ValueError(f"For 'kl_div', 'reduction' must be 'none', 'mean', 'sum' or 'batchmean', but got "
                         f"{reduction!r}.")
    if reduction == 'mean':     # elementwise mean, as the reference (torch warns about this mode)
        r = F.kl_div(input, target, reduction='none', log_target=log_target)
        return r.mean()
    return F.kl_div(input, target, reduction=reduction, log_target=log_target)


def mse_loss(input, target, reduction='mean'):
    return F.mse_loss(input, target, reduction=_red(reduction, 'mse_loss'))


def l1_loss(input, target, reduction='mean'):
    return F.l1_loss(input, target, reduction=_red(reduction, 'l1_loss'))


def smooth_l1_loss(input, target, reduction='mean', beta=1.0):
    return F.smooth_l1_loss(input, target, reduction=_red(reduction, 'smooth_l1_loss'), beta=beta)


def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction='mean'):
    """``1 - cos(x1, x2)`` where ``target`` is 1, ``max(0, cos(x1, x2) - margin)`` where it is -1 (cosine over
    the last dim; ``input2`` broadcasts to ``input1``)."""
    where = 'cosine_embedding_loss'
    _red(reduction, where)
    if isinstance(margin, bool) or not isinstance(margin, (int, float)):
        raise TypeError(f"For '{where}', 'margin' must be a float, but got {type(margin).__name__}.")
    if input1.dim() not in (1, 2):
        raise ValueError(f"For '{where}', 'input1' must be of shape (N, D) or (D), but got {tuple(input1.shape)}.")
    try:
        x2 = input2.broadcast_to(input1.shape)
    except RuntimeError:
        raise ValueError(f"For '{where}', the shape of 'input2' must equal or broadcast to the shape of 'input1' "
                         f"{tuple(input1.shape)}, but got {tuple(input2.shape)}.") from None
    if tuple(target.shape) != tuple(input1.shape[:-1]):
        raise ValueError(f"For '{where}', the shape of 'target' must be {tuple(input1.shape[:-1])} (the shape of "
                         f"'input1' without its last dim), but got {tuple(target.shape)}.")
    return F.cosine_embedding_loss(input1, x2, target, margin=float(margin), reduction=reduction)


def soft_margin_loss(input, target, reduction='mean'):
    return F.soft_margin_loss(input, target, reduction=_red(reduction, 'soft_margin_loss'))

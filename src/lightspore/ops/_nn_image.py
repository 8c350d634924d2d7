"""Resampling functionals: interpolate/upsample (the reference's argument rules, torch's kernels)."""
from __future__ import annotations

import functools
import math

import numpy as np
import torch
import torch.nn.functional as F

from ..common import dtype as mstype
from ._samples import S, f32
from ._table import op

__all__ = ["interpolate_torch"]

# mode -> {input rank: the optional arguments that rank accepts}
_MODES = {
    "nearest": {3: (), 4: (), 5: ("scale_factor",)},
    "linear": {3: ("align_corners",)},
    "bilinear": {4: ("align_corners",)},
    "bicubic": {4: ("align_corners",)},
    "area": {3: ("scale_factor",), 4: ("scale_factor",), 5: ("scale_factor",)},
    "nearest-exact": {3: (), 4: ()},
    "trilinear": {5: ("align_corners", "scale_factor")},
}


def _positive(v, kind, arg):
    """One size (int) or scale factor (float) entry: wrong type -> TypeError, not > 0 -> ValueError."""
    if not isinstance(v, kind):
        raise TypeError(f"For 'interpolate', the '{arg}' must be {kind.__name__}, but got '{type(v).__name__}'")
    if isinstance(v, bool):
        raise TypeError(f"For 'interpolate', the '{arg}' must be {kind.__name__} and must > 0, but got "
                        f"'{v}' with type 'bool'.")
    if math.isinf(v) or math.isnan(v):
        raise ValueError(f"For 'interpolate', the '{arg}' must be a legal value, but got '{v}'.")
    if v <= 0:
        raise ValueError(f"For 'interpolate', the '{arg}' must be {kind.__name__} and must > 0, but got '{v}'.")


def _spatial(v, kind, arg, rank):
    """An int/float or a sequence of them -> a tuple with one entry per spatial dimension."""
    if isinstance(v, (tuple, list)):
        for i, e in enumerate(v):
            _positive(e, kind, f"{arg}[{i}]")
        if len(v) != rank - 2:
            raise ValueError(f"For 'interpolate', 'input' and '{arg}' must have the same spatial dimensions, "
                             f"but got 'input' is {rank - 2}D, '{arg}' is {len(v)}D")
        return tuple(v)
    _positive(v, kind, arg)
    return (v,) * (rank - 2)


def interpolate_torch(t, size=None, scale_factor=None, mode="nearest", align_corners=None,
                      recompute_scale_factor=None):
    """``mindspore.ops.interpolate`` on a torch tensor (also behind ``nn.Upsample``)."""
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"For 'interpolate', 'input' must be a tensor, but got {type(t)}")
    rank = t.dim()
    if size is not None and scale_factor is not None:
        raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot be set simultaneously")
    if size is not None:
        size = _spatial(size, int, "size", rank)
    elif scale_factor is not None:
        scale_factor = _spatial(scale_factor, float, "scale_factor", rank)
    else:
        raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot be both empty")
    if isinstance(mode, list) or mode not in _MODES:
        raise ValueError(f"For 'interpolate', 'mode' must be in '{list(_MODES)}', but got {mode}")
    allowed = _MODES[mode].get(rank)
    if allowed is None:
        raise ValueError(f"For 'interpolate', {mode} only support '{list(_MODES[mode])}'D, but got {rank}D")
    if mode == "area" and size is None:
        recompute_scale_factor = True
    if recompute_scale_factor is not None and recompute_scale_factor:
        if not isinstance(recompute_scale_factor, bool):
            raise TypeError(f"For 'interpolate', the 'recompute_scale_factor' must be a bool, but got "
                            f"{type(recompute_scale_factor).__name__}.")
        if size is not None:
            raise ValueError("For 'interpolate', it is incorrect to set 'recompute_scale_factor' to True after "
                             "specifying an explicit 'size'.")
        size = tuple(math.floor(t.shape[i + 2] * scale_factor[i]) for i in range(rank - 2))
        scale_factor = None
    elif scale_factor is not None and "scale_factor" not in allowed:
        raise ValueError(f"For 'interpolate', 'scale_factor' option cannot currently be set with the mode = {mode} "
                         f"and dim = {rank}D.")
    if align_corners is not None:
        if not isinstance(align_corners, bool):
            raise TypeError(f"For 'interpolate', the 'align_corners' must be a bool, but got "
                            f"{type(align_corners).__name__}.")
        if "align_corners" not in allowed:
            raise ValueError(f"For 'interpolate', 'align_corners' option cannot currently be set with the "
                             f"mode = {mode}, and dim = {rank}D")
    else:
        align_corners = False
    if mode == "area":
        if rank == 3:
            return adaptive_avg_pool1d_torch(t, size[0])
        return (F.adaptive_avg_pool2d if rank == 4 else F.adaptive_avg_pool3d)(t, size)
    if mode == "bicubic":
        return _bicubic(t, size, align_corners)
    if mode in ("nearest", "nearest-exact"):
        return F.interpolate(t, size=size, scale_factor=scale_factor, mode=mode)
    return F.interpolate(t, size=size, scale_factor=scale_factor, mode=mode, align_corners=align_corners)


def adaptive_avg_pool1d_torch(t, output_size):
    """The reference's adaptive_avg_pool1d: an average pool, so the length must be a multiple of the size."""
    if t.dim() != 3:
        raise ValueError(f"For adaptive_avg_pool1d input must have 3 dim, but got {t.dim()}.")
    length = t.shape[2]
    if length < output_size:
        raise ValueError(f"For adaptive_avg_pool1d input's last dimension must be greater or equal to output size "
                         f"{output_size}, but got {length}.")
    if length % output_size:
        raise ValueError(f"For adaptive_avg_pool1d input's last dimension must be divisible by output size "
                         f"{output_size}, but got {length}.")
    if t.dtype not in (torch.float16, torch.float32):
        raise TypeError(f"For adaptive_avg_pool1d, the input dtype must be float16 or float32, but got "
                        f"{mstype.from_torch(t.dtype)}.")
    k = length // output_size
    return F.avg_pool1d(t, k, k)


@functools.lru_cache(maxsize=256)
def _cubic_weights(n_in, n_out, align_corners, half_pixel):
    """(n_out, n_in) weights of the reference's ResizeBicubic (TensorFlow's kernel). Half-pixel centres:
    Keys' cubic with a=-0.5, taps outside the input dropped and the remaining weights renormalised.
    Otherwise a=-0.75 and taps clamped to the edge, with source x = i * scale (scale (in-1)/(out-1) under
    align_corners, in/out else). The fractional offset is rounded to 1/1024, the resolution of the kernel's
    weight table."""
    a = -0.5 if half_pixel else -0.75
    if align_corners:
        scale = (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
    else:
        scale = n_in / n_out
    w = np.zeros((n_out, n_in), np.float64)
    for i in range(n_out):
        x = (i + 0.5) * scale - 0.5 if half_pixel else i * scale
        ix = math.floor(x)
        t = round((x - ix) * 1024) / 1024
        u = (t + 1, t, 1 - t, 2 - t)      # distances to the four taps ix-1 .. ix+2
        coeffs = [((a * d - 5 * a) * d + 8 * a) * d - 4 * a if d > 1 else ((a + 2) * d - (a + 3)) * d * d + 1
                  for d in u]
        taps = (ix - 1, ix, ix + 1, ix + 2)
        if half_pixel:
            kept = [(j, c) for j, c in zip(taps, coeffs) if 0 <= j < n_in]
            total = sum(c for _, c in kept)
            for j, c in kept:
                w[i, j] += c / total
        else:
            for j, c in zip(taps, coeffs):
                w[i, min(max(j, 0), n_in - 1)] += c
    w.setflags(write=False)
    return w


def _bicubic(t, size, align_corners):
    wh = torch.from_numpy(_cubic_weights(t.shape[-2], size[0], align_corners, not align_corners).copy()).to(t.dtype)
    ww = torch.from_numpy(_cubic_weights(t.shape[-1], size[1], align_corners, not align_corners).copy()).to(t.dtype)
    return torch.einsum("oh,nchw,pw->ncop", wh.to(t.device), t, ww.to(t.device))


@op(samples=(S(f32(1, 2, 3, 3), (6, 6)), S(f32(1, 2, 3, 3), None, 2.0, 'bilinear', True),
             S(f32(1, 2, 4), 6, None, 'linear')))
def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,
                recompute_scale_factor=None):
    return interpolate_torch(input, size, scale_factor, mode, align_corners, recompute_scale_factor)


@op(samples=(S(f32(1, 1, 2, 3), (4, 6)), S(f32(1, 2, 3), None, 2.0),
             S(f32(1, 1, 2, 3), (3, 5), None, "bilinear", False),
             S(f32(1, 1, 2, 3), None, (2.0, 1.5), "bicubic", True), S(f32(1, 1, 2, 3), (3, 4), None, "bicubic", True),
             S(f32(1, 1, 2, 3), None, 2.0, "bilinear", False, True), S(f32(1, 2, 4), 6, None, "linear", True),
             S(f32(1, 1, 2, 3))))
def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None):
    return interpolate_torch(input, size, scale_factor, mode, align_corners, recompute_scale_factor)

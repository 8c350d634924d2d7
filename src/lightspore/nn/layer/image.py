"""Image layers: Upsample (the reference's ``ops.interpolate`` rules), PixelShuffle, PixelUnshuffle, Unflatten."""
import math

import numpy as np
import torch
import torch.nn.functional as F

from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["Upsample", "PixelShuffle", "PixelUnshuffle", "Unflatten", "ChannelShuffle", "interpolate_torch"]

# mode -> {rank: options that may be set}
_SUPPORTED = {
    "nearest": {3: (), 4: (), 5: ("scale_factor",)},
    "linear": {3: ("align_corners",)},
    "bilinear": {4: ("align_corners",)},
    "bicubic": {4: ("align_corners",)},
    "area": {3: ("scale_factor",), 4: ("scale_factor",), 5: ("scale_factor",)},
    "nearest-exact": {3: (), 4: ()},
    "trilinear": {5: ("align_corners", "scale_factor")},
}


def _positive_seq(v, arg, kinds):
    ok = all(isinstance(i, kinds) and not isinstance(i, bool) and i > 0 for i in v)
    if not ok:
        raise ValueError(f"For 'interpolate', '{arg}' must be positive, but got {v}.")


def interpolate_torch(t, size=None, scale_factor=None, mode="nearest", align_corners=None,
                      recompute_scale_factor=None):
    """``mindspore.ops.interpolate`` on a torch tensor: the reference's argument rules, torch's kernels."""
    if isinstance(size, list):
        size = tuple(size)
    if isinstance(scale_factor, list):
        scale_factor = tuple(scale_factor)
    rank = t.dim()
    if size is not None and scale_factor is not None:
        raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot be set simultaneously")
    if size is not None:
        if isinstance(size, tuple):
            _positive_seq(size, "size", int)
            if len(size) != rank - 2:
                raise ValueError(f"For 'interpolate', 'input' dim must be {len(size) + 2} when 'size' has "
                                 f"{len(size)} items, but got {rank}.")
        else:
            _positive_seq((size,), "size", int)
            size = (size,) * (rank - 2)
    elif scale_factor is not None:
        if isinstance(scale_factor, tuple):
            _positive_seq(scale_factor, "scale_factor", (int, float))
            if len(scale_factor) != rank - 2:
                raise ValueError(f"For 'interpolate', 'input' dim must be {len(scale_factor) + 2} when "
                                 f"'scale_factor' has {len(scale_factor)} items, but got {rank}.")
        else:
            _positive_seq((scale_factor,), "scale_factor", (int, float))
            scale_factor = (scale_factor,) * (rank - 2)
    else:
        raise ValueError("For 'interpolate', 'size' and 'scale_factor' cannot be both empty")
    if mode not in _SUPPORTED:
        raise ValueError(f"For 'interpolate', 'mode' must be one of {list(_SUPPORTED)}, but got {mode!r}.")
    allowed = _SUPPORTED[mode].get(rank)
    if allowed is None:
        raise ValueError(f"For 'interpolate', 'input' must be a {'/'.join(f'{r}-D' for r in _SUPPORTED[mode])} "
                         f"tensor when 'mode' is '{mode}', but got a {rank}-D tensor.")
    if mode == "area" and size is None:
        recompute_scale_factor = True
    if recompute_scale_factor:
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
            raise TypeError(f"For 'interpolate', 'align_corners' must be bool, but got {type(align_corners)}.")
        if "align_corners" not in allowed:
            raise ValueError(f"For 'interpolate', 'align_corners' option cannot currently be set with the "
                             f"mode = {mode}, and dim = {rank}D")
    else:
        align_corners = False
    if mode == "area":
        return F.adaptive_avg_pool1d(t, size) if rank == 3 else \
            (F.adaptive_avg_pool2d(t, size) if rank == 4 else F.adaptive_avg_pool3d(t, size))
    if mode == "bicubic":
        return _bicubic(t, size, align_corners)
    if mode in ("nearest", "nearest-exact"):
        return F.interpolate(t, size=size, scale_factor=scale_factor, mode=mode)
    return F.interpolate(t, size=size, scale_factor=scale_factor, mode=mode, align_corners=align_corners)


def _cubic_matrix(n_in, n_out, align_corners):
    """(n_out, n_in) interpolation weights of the reference's ResizeBicubic (TensorFlow's kernel): with
    half-pixel centres (align_corners False) Keys' cubic a=-0.5 with out-of-range taps dropped and the
    rest renormalised; with align_corners a=-0.75 and edge-clamped taps; the fractional offset is
    quantised to 1/1024 as the kernel's weight table is."""
    half_pixel = not align_corners
    a = -0.5 if half_pixel else -0.75
    w = np.zeros((n_out, n_in), np.float64)
    if align_corners:
        scale = (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
    else:
        scale = n_in / n_out
    for i in range(n_out):
        x = (i + 0.5) * scale - 0.5 if half_pixel else i * scale
        ix = math.floor(x)
        t = round((x - ix) * 1024) / 1024  # the kernel reads its weights from a 1024-entry table
        coeffs = [((a * (t + 1) - 5 * a) * (t + 1) + 8 * a) * (t + 1) - 4 * a,
                  ((a + 2) * t - (a + 3)) * t * t + 1,
                  ((a + 2) * (1 - t) - (a + 3)) * (1 - t) * (1 - t) + 1,
                  ((a * (2 - t) - 5 * a) * (2 - t) + 8 * a) * (2 - t) - 4 * a]
        taps = [ix - 1, ix, ix + 1, ix + 2]
        if half_pixel:
            kept = [(j, c) for j, c in zip(taps, coeffs) if 0 <= j < n_in]
            total = sum(c for _, c in kept)
            for j, c in kept:
                w[i, j] += c / total
        else:
            for j, c in zip(taps, coeffs):
                w[i, min(max(j, 0), n_in - 1)] += c
    return w


def _bicubic(t, size, align_corners):
    wh = torch.from_numpy(_cubic_matrix(t.shape[-2], size[0], align_corners)).to(t.dtype)
    ww = torch.from_numpy(_cubic_matrix(t.shape[-1], size[1], align_corners)).to(t.dtype)
    return torch.einsum("oh,nchw,pw->ncop", wh, t, ww)


class Upsample(Cell):
    """Resizes the input by ``size`` or ``scale_factor`` with ``mode``; the rules of ``ops.interpolate``."""

    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None,
                 recompute_scale_factor=None):
        super().__init__()
        self.size = size
        self.scale_factor = scale_factor
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise TypeError(f"For 'interpolate', 'input' must be a tensor, but got {type(x)}")
        return Tensor._make(interpolate_torch(x._t, self.size, self.scale_factor, self.mode, self.align_corners,
                                              self.recompute_scale_factor))


def _factor(v, arg, where):
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"For '{where}', the type of '{arg}' must be int, but got {type(v).__name__}.")
    if v <= 0:
        raise ValueError(f"For '{where}', '{arg}' must be a positive int, but got {v}.")
    return v


class PixelShuffle(Cell):
    """Rearranges (*, C*r*r, H, W) into (*, C, H*r, W*r)."""

    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = upscale_factor

    def construct(self, input):
        t = input._t if isinstance(input, Tensor) else None
        if t is None:
            raise TypeError(f"For 'pixel_shuffle', the input must be a Tensor, but got {type(input).__name__}.")
        r = _factor(self.upscale_factor, "upscale_factor", "pixel_shuffle")
        if t.dim() < 3:
            raise ValueError(f"For 'pixel_shuffle', the dimension of input must be >= 3, but got {t.dim()}.")
        if t.shape[-3] % (r * r):
            raise ValueError("For 'pixel_shuffle', the length of third to last dimension is not divisibleby "
                             "`upscale_factor` squared.")
        return Tensor._make(F.pixel_shuffle(t, r))


class PixelUnshuffle(Cell):
    """Rearranges (*, C, H*r, W*r) into (*, C*r*r, H, W)."""

    def __init__(self, downscale_factor):
        super().__init__()
        self.downscale_factor = downscale_factor

    def construct(self, input):
        t = input._t if isinstance(input, Tensor) else None
        if t is None:
            raise TypeError(f"For 'pixel_unshuffle', the input must be a Tensor, but got {type(input).__name__}.")
        r = _factor(self.downscale_factor, "downscale_factor", "pixel_unshuffle")
        if t.dim() < 3:
            raise ValueError(f"For 'pixel_unshuffle', the dimension of input must be >= 3, but got {t.dim()}.")
        if t.shape[-1] % r or t.shape[-2] % r:
            raise ValueError("For 'pixel_unshuffle', the length of second to last 2 dimension should be divisible "
                             "by downscale_factor.")
        return Tensor._make(F.pixel_unshuffle(t, r))


class Unflatten(Cell):
    """Splits dimension ``axis`` into ``unflattened_size``."""

    def __init__(self, axis, unflattened_size):
        super().__init__()
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise TypeError(f"For 'Unflatten', the type of 'axis' must be 'int', but got '{type(axis).__name__}'.")
        if not isinstance(unflattened_size, (list, tuple)):
            raise TypeError(f"For 'Unflatten', the type of 'unflattended_size' should be one of '['list', 'tuple']', "
                            f"but got type '{type(unflattened_size).__name__}'.")
        self.axis = axis
        self.unflattened_size = tuple(unflattened_size)

    def construct(self, input_x):
        t = input_x._t
        shape = tuple(t.shape)
        new_shape = shape[:self.axis] + self.unflattened_size
        if self.axis != -1:
            new_shape += shape[self.axis + 1:]
        try:
            return Tensor._make(t.reshape(new_shape))
        except RuntimeError:
            raise ValueError(f"For 'Unflatten', the input of shape {shape} cannot be unflattened at axis {self.axis} "
                             f"into {self.unflattened_size}.") from None


class ChannelShuffle(Cell):
    """Splits the channels (dim 1) into ``groups`` and interleaves them: (N, g, C/g, ...) -> (N, C/g, g, ...)."""

    def __init__(self, groups):
        super().__init__()
        if not isinstance(groups, int):
            raise TypeError(f"For ChannelShuffle, the param `groups` must be int, but got {type(groups)}.")
        if groups < 1:
            raise ValueError(f"For ChannelShuffle, the param `groups` must be larger than 0, but got {groups}.")
        self.groups = groups

    def construct(self, x):
        t = x._t
        shape = t.shape
        if t.dim() < 3 or shape[1] % self.groups:
            raise ValueError(f"For ChannelShuffle, the input must be at least 3-D with channels divisible by "
                             f"'groups' {self.groups}, but got shape {tuple(shape)}.")
        out = t.reshape(shape[0], self.groups, shape[1] // self.groups, -1).transpose(1, 2)
        return Tensor._make(out.reshape(shape))

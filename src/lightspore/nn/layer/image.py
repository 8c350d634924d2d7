"""Image layers: Upsample (the reference's ``ops.interpolate`` rules), PixelShuffle, PixelUnshuffle, Unflatten."""

import torch.nn.functional as F

from ... import _checkparam as validator
from ...common.tensor import Tensor
from ...ops._nn_image import interpolate_torch
from ..cell import Cell
from ._validate import ms_type_name

__all__ = ["Upsample", "PixelShuffle", "PixelUnshuffle", "Unflatten", "ChannelShuffle", "interpolate_torch"]

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


def _shuffle_input(input, factor, arg, where):
    """The checked factor and the input's torch tensor (of rank >= 3), in the reference's order and words, for
    ``pixel_shuffle``/``pixel_unshuffle``."""
    r = validator.check_positive_int(factor, arg)
    if not isinstance(input, Tensor):
        raise TypeError(f"For '{where}', the 'input' must be a Tensor, but got '{ms_type_name(input)}'")
    t = input._t
    if t.dim() < 3:
        raise ValueError(f"For {where}, the dimension of `input` should be larger than 2, but got {t.dim()}.")
    return t, r


class PixelShuffle(Cell):
    """Rearranges (*, C*r*r, H, W) into (*, C, H*r, W*r)."""

    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = upscale_factor

    def construct(self, input):
        t, r = _shuffle_input(input, self.upscale_factor, "upscale_factor", "pixel_shuffle")
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
        t, r = _shuffle_input(input, self.downscale_factor, "downscale_factor", "pixel_unshuffle")
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
        if not isinstance(x, Tensor):  # the reference reads the input's shape first
            raise TypeError(f"For primitive[Shape], the input argument must be Tensor, but got {type(x)}.")
        t = x._t
        shape = t.shape
        proposed = (shape[0], self.groups, shape[1] // self.groups, -1)
        try:
            out = t.reshape(proposed).transpose(1, 2)
        except RuntimeError:
            raise ValueError(f"proposed_shape '[const vector]{{{', '.join(map(str, proposed))}}}' is invalid for "
                             f"input of size {t.numel()}") from None
        return Tensor._make(out.reshape(shape))

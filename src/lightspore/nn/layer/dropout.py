"""Dropout layers: Dropout (``keep_prob`` or ``p``), Dropout1d/2d/3d (whole channels). Identity in eval mode."""
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["Dropout", "Dropout1d", "Dropout2d", "Dropout3d"]


def _input(x, cls_name):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the input 'x' must be a Tensor, but got {type(x).__name__}.")
    return x._t


def _channel_p(p, cls_name):
    validator.check_value_type("p", p, [float], cls_name)
    if p < 0 or p > 1:
        raise ValueError(f"For '{cls_name}', the 'p' must be a number in range [0, 1], but got {p}.")
    return p


class Dropout(Cell):
    """Zeroes elements with probability ``p`` (or ``1 - keep_prob`` when ``p`` is None) and scales the rest by
    ``1 / (1 - p)`` in train mode."""

    def __init__(self, keep_prob=0.5, p=None, dtype=mstype.float32):
        super().__init__()
        name = "Dropout"
        if p is None:
            validator.check_value_type("keep_prob", keep_prob, [float], name)
            if keep_prob <= 0 or keep_prob > 1:
                raise ValueError(f"For '{name}', the 'keep_prob' must be a number in range (0, 1], but got "
                                 f"{keep_prob}.")
            self._drop = 1.0 - keep_prob
        else:
            validator.check_value_type("p", p, [float, int], name)
            if p < 0 or p >= 1:
                raise ValueError(f"For '{name}', the 'p' must be a number in range [0, 1), but got {p}.")
            self._drop = float(p)
        self.p = p
        self.keep_prob = keep_prob

    def construct(self, x):
        if not self.training or self._drop == 0.0:
            return x
        return Tensor._make(F.dropout(_input(x, "Dropout"), self._drop, True))

    def extend_repr(self):
        return f"keep_prob={self.keep_prob}" if self.p is None else f"p={self.p}"


class Dropout1d(Cell):
    """Zeroes whole channels of (N, C, L) or (C, L) input with probability ``p`` in train mode."""

    def __init__(self, p=0.5):
        super().__init__()
        self.prob = _channel_p(p, "Dropout1d")

    def construct(self, x):
        if not self.training or self.prob == 0:
            return x
        t = _input(x, "Dropout1d")
        if t.dim() not in (2, 3):
            raise ValueError(f"For 'dropout1d', the input must be 2D or 3D, but got {t.dim()}D.")
        return Tensor._make(F.dropout1d(t, self.prob, True))


class _ChannelDropout(Cell):
    _ndim = 0
    _fn = None

    def __init__(self, p=0.5):
        super().__init__()
        self.keep_prob = 1.0 - _channel_p(p, self.cls_name)

    def construct(self, x):
        if not self.training or self.keep_prob == 1:
            return x
        t = _input(x, self.cls_name)
        if t.dim() != self._ndim:
            raise ValueError(f"For '{self.cls_name}', the input must be {self._ndim}D, but got {t.dim()}D.")
        return Tensor._make(type(self)._fn(t, 1.0 - self.keep_prob, True))

    def extend_repr(self):
        return f"p={self.keep_prob}"


class Dropout2d(_ChannelDropout):
    """Zeroes whole channels of (N, C, H, W) input with probability ``p`` in train mode."""

    _ndim = 4
    _fn = F.dropout2d


class Dropout3d(_ChannelDropout):
    """Zeroes whole channels of (N, C, D, H, W) input with probability ``p`` in train mode."""

    _ndim = 5
    _fn = F.dropout3d

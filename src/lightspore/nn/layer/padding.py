"""Padding layers: ConstantPad1d/2d/3d, ZeroPad2d, ReflectionPad1d/2d/3d, ReplicationPad1d/2d/3d and Pad."""
import torch
import torch.nn.functional as F

from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "ZeroPad2d", "ReflectionPad1d", "ReflectionPad2d",
           "ReflectionPad3d", "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d", "Pad"]


def _tensor_in(x, name):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{name}', the input must be a Tensor, but got {type(x).__name__}.")
    return x._t


def _index_pad(t, pairs, kind):
    """Pad dimension ``d`` of ``t`` by ``pairs[d] = (before, after)`` (pairs aligned to the last dims) by
    gathering indices: 'reflect' (edge not repeated), 'symmetric' (edge repeated) or 'edge' (replicate)."""
    first = t.dim() - len(pairs)
    for i, (b, a) in enumerate(pairs):
        if b == 0 and a == 0:
            continue
        dim = first + i
        n = t.shape[dim]
        idx = torch.arange(-b, n + a, device=t.device)
        if kind == "edge":
            idx = idx.clamp(0, n - 1)
        elif kind == "reflect":
            if b >= n or a >= n:
                raise ValueError(f"Padding size should be less than the corresponding input dimension, but got "
                                 f"padding ({b}, {a}) at dimension {dim} of input of shape {tuple(t.shape)}.")
            idx = idx.abs()
            idx = torch.where(idx > n - 1, 2 * (n - 1) - idx, idx)
        else:  # symmetric
            if b > n or a > n:
                raise ValueError(f"Padding size should be no more than the corresponding input dimension, but got "
                                 f"padding ({b}, {a}) at dimension {dim} of input of shape {tuple(t.shape)}.")
            idx = torch.where(idx < 0, -idx - 1, idx)
            idx = torch.where(idx > n - 1, 2 * n - 1 - idx, idx)
        t = t.index_select(dim, idx)
    return t


def _torch_to_pairs(padding):
    """torch/MindSpore flat padding (last dim first: left, right, top, bottom, ...) -> pairs, first dim first."""
    pairs = [(padding[2 * i], padding[2 * i + 1]) for i in range(len(padding) // 2)]
    return list(reversed(pairs))


class _ConstantPadNd(Cell):
    _max_len = 2

    def __init__(self, padding, value):
        super().__init__()
        name = type(self).__name__
        if isinstance(padding, bool) or not isinstance(padding, (int, tuple)):
            raise TypeError(f"For '{name}', the type of parameter 'padding' must be in [int, tuple], but got "
                            f"{type(padding)}")
        if isinstance(padding, int):
            padding = (padding,) * self._max_len
        else:
            if len(padding) % 2 != 0:
                raise ValueError(f"For '{name}', the length of parameter 'padding' with tuple type must be a "
                                 f"multiple of 2, but got {len(padding)}")
            if name == "ConstantPad1d" and len(padding) != 2:
                raise ValueError(f"For '{name}', the length of parameter 'padding' with tuple type must equal to 2."
                                 f"but got {len(padding)}")
            if len(padding) > self._max_len:
                raise ValueError(f"For '{name}', the length of parameter 'padding' with tuple type must no more "
                                 f"than {self._max_len}.but got {len(padding)}")
            if not all(isinstance(p, int) and not isinstance(p, bool) for p in padding):
                raise TypeError(f"For '{name}', every element of 'padding' must be int, but got {padding}.")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"For '{name}', the type of parameter 'value' must be in [int, float], but got "
                            f"{type(value)}")
        self.padding = padding
        self.value = value
        self._name = name

    def construct(self, x):
        t = _tensor_in(x, self._name)
        pairs = _torch_to_pairs(self.padding)
        if len(pairs) > t.dim():
            raise ValueError(f"For '{self._name}', the dimension of input must more than or equal to len(padding)/2, "
                             f"but got {t.dim()}")
        for i, (b, a) in enumerate(pairs):
            n = t.shape[t.dim() - len(pairs) + i]
            if b < -n or a < -n or n + b + a <= 0:
                raise ValueError(f"For '{self._name}', the shape of input after padding must be positive, the input "
                                 f"shape is {tuple(t.shape)}, but got 'padding' {self.padding}.")
        return Tensor._make(F.pad(t, self.padding, "constant", self.value))


class ConstantPad1d(_ConstantPadNd):
    """Pads the last dimension with ``value``; ``padding`` int or (left, right); negative values crop."""
    _max_len = 2


class ConstantPad2d(_ConstantPadNd):
    """Pads the last two dimensions with ``value``; ``padding`` int or (left, right, top, bottom)."""
    _max_len = 4


class ConstantPad3d(_ConstantPadNd):
    """Pads the last three dimensions with ``value``; ``padding`` int or a tuple of up to 6 ints."""
    _max_len = 6


class ZeroPad2d(_ConstantPadNd):
    """Pads the last two dimensions with zeros; ``padding`` int or (left, right, top, bottom)."""
    _max_len = 4

    def __init__(self, padding):
        super().__init__(padding, 0)


class _IndexPadNd(Cell):
    _len = 2
    _kind = "reflect"

    def __init__(self, padding):
        super().__init__()
        name = type(self).__name__
        if isinstance(padding, int) and not isinstance(padding, bool):
            padding = (padding,) * self._len
        if not isinstance(padding, tuple):
            raise TypeError(f"For '{name}' the input 'padding' must be an integer or tuple, but got "
                            f"{type(padding).__name__}")
        if len(padding) % 2 != 0:
            raise ValueError(f"For '{name}' the length of input 'padding' must be divisible by 2, but got padding of "
                             f"length {len(padding)}. ")
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in padding):
            raise TypeError(f"For '{name}' every element in 'padding' must be integer, but got {padding}. ")
        if self._kind == "reflect" and not all(i >= 0 for i in padding):
            raise ValueError(f"For '{name}' every element in 'padding' must be >= 0. but got {padding}. ")
        self.padding = padding
        self._pairs = _torch_to_pairs(padding)

    def construct(self, x):
        name = type(self).__name__
        t = _tensor_in(x, name)
        if len(self._pairs) > t.dim():
            raise ValueError(f"For padding with length {len(self.padding)}, the dimension of the tensor should be at "
                             f"least {len(self._pairs)}, but got {t.dim()}")
        if self._kind == "edge" and any(b < 0 or a < 0 for b, a in self._pairs):
            return Tensor._make(_index_pad(F.pad(t, [min(p, 0) for p in self.padding]),
                                           [(max(b, 0), max(a, 0)) for b, a in self._pairs], "edge"))
        return Tensor._make(_index_pad(t, self._pairs, self._kind))


class ReflectionPad1d(_IndexPadNd):
    """Reflection padding of the last dimension; ``padding`` int or (left, right)."""
    _len = 2


class ReflectionPad2d(_IndexPadNd):
    """Reflection padding of the last two dimensions; ``padding`` int or (left, right, top, bottom)."""
    _len = 4


class ReflectionPad3d(_IndexPadNd):
    """Reflection padding of the last three dimensions; ``padding`` int or a 6-tuple."""
    _len = 6


class ReplicationPad1d(_IndexPadNd):
    """Edge (replication) padding of the last dimension; ``padding`` int or (left, right)."""
    _len = 2
    _kind = "edge"


class ReplicationPad2d(_IndexPadNd):
    """Edge (replication) padding of the last two dimensions; ``padding`` int or (left, right, top, bottom)."""
    _len = 4
    _kind = "edge"


class ReplicationPad3d(_IndexPadNd):
    """Edge (replication) padding of the last three dimensions; ``padding`` int or a 6-tuple."""
    _len = 6
    _kind = "edge"


class Pad(Cell):
    """Pads the leading dimensions by ``paddings = ((before, after), ...)`` (one pair per dimension, from the
    first) with zeros ('CONSTANT') or mirrored values ('REFLECT', 'SYMMETRIC')."""

    def __init__(self, paddings, mode="CONSTANT"):
        super().__init__()
        name = "Pad"
        if not isinstance(mode, str):
            raise TypeError(f"For '{name}', the type of 'mode' must be str, but got {type(mode).__name__}.")
        if mode not in ("CONSTANT", "REFLECT", "SYMMETRIC"):
            raise ValueError(f"For '{name}', the 'mode' must be str and must be in '['CONSTANT', 'REFLECT', "
                             f"'SYMMETRIC']', but got '{mode}'.")
        if not isinstance(paddings, tuple):
            raise TypeError(f"For '{name}', the type of 'paddings' must be tuple, but got {type(paddings).__name__}.")
        for item in paddings:
            if len(item) != 2:
                raise ValueError(f"For '{name}', the dimension of 'paddings' must be (n, 2), but got {paddings}.")
        if len(paddings) > 4:
            raise ValueError(f"For '{name}', only 'paddings' up to 4 dims is supported, but got {len(paddings)}.")
        self.mode = mode
        self.paddings = paddings
        self._pairs = [(int(b), int(a)) for b, a in paddings]
        flat = []
        for b, a in reversed(self._pairs):
            flat += [b, a]
        self._flat = flat

    def construct(self, x):
        t = _tensor_in(x, "Pad")
        if len(self._pairs) != t.dim():
            raise ValueError(f"For 'Pad', the length of 'paddings' must equal the rank of the input {t.dim()}, "
                             f"but got {len(self._pairs)}.")
        if self.mode == "CONSTANT":
            return Tensor._make(F.pad(t, self._flat))
        return Tensor._make(_index_pad(t, self._pairs, self.mode.lower()))

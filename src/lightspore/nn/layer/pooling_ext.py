"""Torch-style pooling cells: AvgPool1dExt/2dExt/3dExt, MaxPool2dExt, MaxUnpool1d/2d/3d and
FractionalMaxPool2d/3d (their arguments are kept as given and checked when the cell runs, as in the reference)."""
import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["AvgPool1dExt", "AvgPool2dExt", "AvgPool3dExt", "MaxPool2dExt", "MaxUnpool1d", "MaxUnpool2d",
           "MaxUnpool3d", "FractionalMaxPool2d", "FractionalMaxPool3d"]


def _input(x, cls_name, ndims):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the input must be a Tensor, but got {type(x).__name__}.")
    t = x._t
    if t.dim() not in ndims:
        raise ValueError(f"For '{cls_name}', the input must be a {' or '.join(f'{n}-D' for n in ndims)} tensor, "
                         f"but got a {t.dim()}-D tensor of shape {tuple(t.shape)}.")
    return t


def _run(cls_name, fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except RuntimeError as e:
        raise ValueError(f"For '{cls_name}', {str(e).splitlines()[0]}") from None


def _int_or_tuple(value, arg, cls_name):
    if isinstance(value, bool) or not isinstance(value, (int, tuple, list)):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be int or tuple(int), but got "
                        f"{type(value).__name__}.")
    if isinstance(value, (tuple, list)):
        for v in value:
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError(f"For '{cls_name}', the '{arg}' must contain ints only, but got {value}.")
        return tuple(value)
    return value


class _AvgPoolExt(Cell):
    _ndims = ()
    _fn = None

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad
        self.divisor_override = divisor_override

    def _args(self):
        name = type(self).__name__
        k = _int_or_tuple(self.kernel_size, "kernel_size", name)
        s = k if self.stride is None else _int_or_tuple(self.stride, "stride", name)
        p = _int_or_tuple(self.padding, "padding", name)
        return k, s, p

    def construct(self, input):
        name = type(self).__name__
        t = _input(input, name, self._ndims)
        k, s, p = self._args()
        kw = {} if self.divisor_override is None else {"divisor_override": self.divisor_override}
        return Tensor._make(_run(name, type(self)._fn, t, k, s, p, self.ceil_mode, self.count_include_pad, **kw))


class AvgPool1dExt(_AvgPoolExt):
    """1-D average pooling over (N, C, L) or (C, L) input with explicit zero padding."""

    _ndims = (2, 3)
    _fn = staticmethod(F.avg_pool1d)

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
        super().__init__(kernel_size, stride, padding, ceil_mode, count_include_pad)


class AvgPool2dExt(_AvgPoolExt):
    """2-D average pooling over (N, C, H, W) or (C, H, W) input with explicit zero padding."""

    _ndims = (3, 4)
    _fn = staticmethod(F.avg_pool2d)


class AvgPool3dExt(_AvgPoolExt):
    """3-D average pooling over (N, C, D, H, W) or (C, D, H, W) input with explicit zero padding."""

    _ndims = (4, 5)
    _fn = staticmethod(F.avg_pool3d)


class MaxPool2dExt(Cell):
    """2-D max pooling with explicit (-inf) padding and dilation; ``(output, argmax)`` when ``return_indices``."""

    def __init__(self, kernel_size=1, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.dilation = dilation
        self.return_indices = return_indices
        self.ceil_mode = ceil_mode

    def construct(self, input):
        name = "MaxPool2dExt"
        t = _input(input, name, (3, 4))
        k = _int_or_tuple(self.kernel_size, "kernel_size", name)
        s = _int_or_tuple(self.stride, "stride", name)
        p = _int_or_tuple(self.padding, "padding", name)
        d = _int_or_tuple(self.dilation, "dilation", name)
        out = _run(name, F.max_pool2d, t, k, s, p, d, ceil_mode=self.ceil_mode, return_indices=self.return_indices)
        if self.return_indices:
            return Tensor._make(out[0]), Tensor._make(out[1])
        return Tensor._make(out)


class _MaxUnpool(Cell):
    _ndims = ()
    _fn = None

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        if stride is None:
            stride = kernel_size
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding

    def construct(self, x, indices, output_size=None):
        name = type(self).__name__
        if output_size is not None:
            if not isinstance(output_size, tuple):
                raise ValueError(f"For {name}, output_size must be tuple, but type {type(output_size)}.")
            if not output_size:
                raise ValueError(f"For {name}, the length of output_size must be positive, but got 0.")
        t = _input(x, name, self._ndims)
        if not isinstance(indices, Tensor):
            raise TypeError(f"For '{name}', the 'indices' must be a Tensor, but got {type(indices).__name__}.")
        idx = indices._t
        if idx.dtype not in (torch.int32, torch.int64):
            raise TypeError(f"For '{name}', the 'indices' must be an int32 or int64 tensor, but got {idx.dtype}.")
        if tuple(idx.shape) != tuple(t.shape):
            raise ValueError(f"For '{name}', the shape of 'indices' must equal the shape of 'x' {tuple(t.shape)}, "
                             f"but got {tuple(idx.shape)}.")
        k = _int_or_tuple(self.kernel_size, "kernel_size", name)
        s = _int_or_tuple(self.stride, "stride", name)
        p = _int_or_tuple(self.padding, "padding", name)
        out = _run(name, type(self)._fn, t, idx.long(), k, s, p, output_size=output_size or None)
        return Tensor._make(out)


class MaxUnpool1d(_MaxUnpool):
    """Partial inverse of MaxPool1d: scatters ``x`` to the positions ``indices`` of a zero (N, C, L_out) tensor."""

    _ndims = (2, 3)
    _fn = staticmethod(F.max_unpool1d)


class MaxUnpool2d(_MaxUnpool):
    """Partial inverse of MaxPool2d: scatters ``x`` to the flat positions ``indices`` of each (H_out, W_out)."""

    _ndims = (3, 4)
    _fn = staticmethod(F.max_unpool2d)


class MaxUnpool3d(_MaxUnpool):
    """Partial inverse of MaxPool3d: scatters ``x`` to the flat positions ``indices`` of each (D, H, W) output."""

    _ndims = (4, 5)
    _fn = staticmethod(F.max_unpool3d)


class _FractionalMaxPool(Cell):
    _ndims = ()
    _fn = None
    _n = 2

    def __init__(self, kernel_size, output_size=None, output_ratio=None, return_indices=False,
                 _random_samples=None):
        super().__init__()
        self.kernel_size = kernel_size
        self.output_size = output_size
        self.output_ratio = output_ratio
        self.return_indices = return_indices
        self._random_samples = _random_samples

    def construct(self, input):
        name = type(self).__name__
        t = _input(input, name, self._ndims)
        fn_name = f"fractional_max_pool{self._n}d"  # the reference's function's words
        if self.output_size is None and self.output_ratio is None:
            raise ValueError(f"For {fn_name}, 'output_size' and 'output_ratio' can not be Noneat the same time, but "
                             f"got None and None .")
        if self.output_size is not None and self.output_ratio is not None:
            raise ValueError(f"For {name}, only one of 'output_size' and 'output_ratio' can be given.")
        ratio = self.output_ratio
        if ratio is not None:
            ratio = (ratio,) * self._n if isinstance(ratio, (int, float)) else tuple(ratio)
            for i, r in enumerate(ratio):
                validator.check_float_range(r, 0.0, 1.0, validator.INC_NEITHER, f"output_ratio[{i}]", fn_name)
        samples = self._random_samples
        if samples is not None:
            samples = samples._t if isinstance(samples, Tensor) else torch.as_tensor(samples)
            samples = samples.to(t.dtype)
        out = _run(name, type(self)._fn, t, self.kernel_size, output_size=self.output_size, output_ratio=ratio,
                   return_indices=True, _random_samples=samples)
        if self.return_indices:
            return Tensor._make(out[0]), Tensor._make(out[1])
        return Tensor._make(out[0])


class FractionalMaxPool2d(_FractionalMaxPool):
    """2-D fractional max pooling (pseudo-random pooling regions from ``_random_samples`` of shape (N, C, 2))."""

    _ndims = (3, 4)
    _fn = staticmethod(F.fractional_max_pool2d)


class FractionalMaxPool3d(_FractionalMaxPool):
    """3-D fractional max pooling (pseudo-random pooling regions from ``_random_samples`` of shape (N, C, 3))."""

    _ndims = (4, 5)
    _fn = staticmethod(F.fractional_max_pool3d)
    _n = 3

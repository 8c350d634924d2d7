"""Pooling layers."""
import math

import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ...ops._nn import max_pool2d_torch, same_pads
from ..cell import Cell
from ._validate import check_bool, check_string, twice

__all__ = ["MaxPool2d", "MaxPool1d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "AdaptiveAvgPool1d",
           "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "AdaptiveMaxPool3d",
           "LPPool1d", "LPPool2d"]


class MaxPool2d(Cell):
    """2-D max pooling with MindSpore's ``pad_mode`` ('valid', 'same', 'pad')."""

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False, data_format="NCHW"):
        super().__init__()
        name = "MaxPool2d"
        self.pad_mode = _pad_mode(pad_mode, name)
        self.format = check_string(data_format, ["NCHW", "NHWC"], "format", name)
        if self.format == "NHWC":
            raise ValueError(f"For '{name}', lightspore supports the NCHW format only.")
        self.kernel_size = _int_or_tuple(kernel_size, "kernel_size", name)
        self.stride = _int_or_tuple(stride, "stride", name)
        self._k = _nd(self.kernel_size, 2, "kernel_size", name)
        self._s = _nd(self.stride, 2, "stride", name)
        self._d = twice(dilation, "dilation", name)
        self.return_indices = check_bool(return_indices, "return_indices", name)
        self.ceil_mode = check_bool(ceil_mode, "ceil_mode", name)
        if self.pad_mode != "PAD" and (padding != 0 or dilation != 1 or ceil_mode or return_indices):
            raise ValueError(f"For MaxPool2d, the parameter 'padding', 'dilation', 'return_indices', 'ceil_mode' "
                             f"can not be set to non-default value when pad_mode is not 'pad', but got "
                             f"pad_mode:{pad_mode}.")
        if isinstance(padding, int):
            self._p = (padding, padding)
        elif isinstance(padding, (tuple, list)) and len(padding) in (1, 2):
            self._p = tuple(padding) * (2 // len(padding))
        else:
            raise ValueError(f"For '{name}', 'padding' must be an int or a tuple of 1 or 2 ints, got {padding!r}.")
        if any(p * 2 > k for p, k in zip(self._p, self._k)):
            raise ValueError(f"For '{name}', 'padding' {padding} should be at most half of 'kernel_size' "
                             f"{kernel_size}.")
        self.padding = padding
        self.dilation = dilation
        self._mode = self.pad_mode.lower()

    def construct(self, x):
        if not isinstance(x, Tensor):  # the reference reads the input's ndim first
            raise AttributeError(f"'{type(x).__name__}' object has no attribute 'ndim'")
        if x._t.dim() not in (3, 4):
            raise ValueError(f"For primitive[MaxPool], the length of input must be equal to 4 , but got {x._t.dim()}.")
        out = max_pool2d_torch(x._t, self._k, self._s, self._mode, self._p, self._d, self.return_indices,
                               self.ceil_mode, "MaxPool2d")
        if self.return_indices:
            return Tensor._make(out[0]), Tensor._make(out[1])
        return Tensor._make(out)

    def extend_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}"


# ---------------------------------------------------------------------------------------------
# the other poolings
# ---------------------------------------------------------------------------------------------
def _tensor_in(x, name):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{name}', the input must be a Tensor, but got {type(x).__name__}.")
    return x._t


def _int_or_tuple(value, arg, name):
    """The reference's _PoolNd check: int > 0 or a tuple of ints > 0 (a 1-tuple collapses to its item)."""
    if isinstance(value, bool) or not isinstance(value, (int, tuple)):
        raise TypeError(f"For '{name}', the type of '{arg}' should be one of '['int', 'tuple']', but got type "
                        f"'{type(value).__name__}'.")
    if isinstance(value, int):
        if value <= 0:
            raise ValueError(f"For '{name}', the '{arg}' must be an positive int number or a tuple, but got {value}")
        return value
    if any(isinstance(v, bool) or not isinstance(v, int) or v <= 0 for v in value):
        raise ValueError(f"For '{name}', the '{arg}' must be an positive int number or a tuple, but got {value}")
    return value[0] if len(value) == 1 else value


def _nd(value, nd, arg, name):
    if isinstance(value, int):
        return (value,) * nd
    if len(value) != nd:
        raise ValueError(f"For {name}, the length of {arg} must be equal to {nd}, but got {len(value)}.")
    return tuple(value)


def _pool_padding(padding, nd, name):
    """int, or a tuple/list of 1 or nd non-negative ints -> nd-tuple."""
    if isinstance(padding, bool) or not isinstance(padding, (int, tuple, list)):
        raise TypeError(f"For '{name}', the type of 'padding' should be one of '['int', 'tuple', 'list']', but got "
                        f"type '{type(padding).__name__}'.")
    vals = [padding] if isinstance(padding, int) else list(padding)
    if any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in vals):
        raise ValueError(f"For '{name}', the 'padding' must be non-negative ints, but got {padding}.")
    if len(vals) == 1:
        return (vals[0],) * nd
    if len(vals) != nd:
        raise ValueError(f"For {name}, the padding must be a int or tuple/list contains 1 or {nd} int, but got "
                         f"tuple/list with length:{len(vals)}.")
    return tuple(vals)


def _pad_mode(pad_mode, name):
    if not isinstance(pad_mode, str):
        raise TypeError(f"For '{name}', the type of 'pad_mode' should be 'str', but got type "
                        f"'{type(pad_mode).__name__}'.")
    if pad_mode.upper() not in ("VALID", "SAME", "PAD"):
        raise ValueError(f"For '{name}', the 'pad_mode' must be str and must be in '['VALID', 'SAME', 'PAD']', "
                         f"but got '{pad_mode.upper()}'.")
    return pad_mode.upper()


def _same_pairs(t, k, s, d=None):
    nd = len(k)
    d = d or (1,) * nd
    pairs = [same_pads(t.shape[t.dim() - nd + i], k[i], s[i], d[i]) for i in range(nd)]
    flat = []
    for b, a in reversed(pairs):
        flat += [b, a]
    return flat


_AVG = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}
_MAX = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}


def _avg_same(t, k, s):
    """'same' average pooling: padded positions are not counted (the divisor is the number of real inputs)."""
    nd = len(k)
    flat = _same_pairs(t, k, s)
    if not any(flat):
        return _AVG[nd](t, k, s)
    if flat[0::2] == flat[1::2]:  # symmetric: torch's own padding, not counted
        return _AVG[nd](t, k, s, tuple(reversed(flat[0::2])), False, False)
    ones = torch.ones((1, 1) + tuple(t.shape[-nd:]), dtype=t.dtype, device=t.device)
    return _AVG[nd](F.pad(t, flat), k, s) / _AVG[nd](F.pad(ones, flat), k, s)


def _max_same(t, k, s):
    nd = len(k)
    flat = _same_pairs(t, k, s)
    if not any(flat):
        return _MAX[nd](t, k, s)
    if flat[0::2] == flat[1::2]:  # symmetric: torch's own (-inf) padding
        return _MAX[nd](t, k, s, tuple(reversed(flat[0::2])))
    return _MAX[nd](F.pad(t, flat, value=-math.inf), k, s)


class _PadModePoolNd(Cell):
    """What the avg and max poolings with a ``pad_mode`` share: the window arguments and the (C, ...) input."""
    _nd = 2

    def __init__(self, kernel_size, stride, pad_mode):
        super().__init__()
        name = type(self).__name__
        self.pad_mode = _pad_mode(pad_mode, name)
        self.kernel_size = _int_or_tuple(kernel_size, "kernel_size", name)
        self.stride = _int_or_tuple(stride, "stride", name)

    def _batched(self, x):
        """``x`` as a torch tensor with a batch dim, and whether it came with one."""
        name = type(self).__name__
        if not isinstance(x, Tensor):  # the reference reads the input's ndim first
            raise AttributeError(f"'{type(x).__name__}' object has no attribute 'ndim'")
        t = x._t
        nd = self._nd
        batched = t.dim() == nd + 2
        if not batched and t.dim() != nd + 1:
            if nd == 1:
                raise ValueError(f"For '{name}', the input must has {nd + 2} dim, but got {t.dim()}")
            prim = {"AvgPool2d": "AvgPool", "AvgPool3d": "AvgPool3D"}.get(name, "MaxPool3D")
            raise ValueError(f"For primitive[{prim}], the x_rank must be equal to {nd + 2}, but got {t.dim()}.")
        return (t if batched else t.unsqueeze(0)), batched

    def extend_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}"


class _AvgPoolNd(_PadModePoolNd):
    def __init__(self, kernel_size, stride, pad_mode, padding, ceil_mode, count_include_pad, divisor_override):
        super().__init__(kernel_size, stride, pad_mode)
        name = type(self).__name__
        nd = self._nd
        if nd == 1:
            for arg, v in (("kernel_size", self.kernel_size), ("stride", self.stride)):
                validator.check_int(v, 1, validator.GE, arg, name)
        self._k = _nd(self.kernel_size, nd, "kernel_size", name)
        self._s = _nd(self.stride, nd, "stride", name)
        check_bool(ceil_mode, "ceil_mode", name)
        check_bool(count_include_pad, "count_include_pad", name)
        if divisor_override is not None:
            if divisor_override <= 0:
                raise ValueError(f"For '{name}', the 'divisor_override' must be > 0, but got {divisor_override}.")
            validator.check_non_negative_int(divisor_override, "divisor_override", "AvgPool3D")  # its primitive's
        self._p = _pool_padding(padding, nd, name)
        self._general = (self.pad_mode == "PAD" or any(self._p) or ceil_mode or not count_include_pad
                         or divisor_override is not None)
        if nd == 3 and self.pad_mode == "SAME":
            self._general = False
        if self._general and self.pad_mode == "SAME":
            raise ValueError(f"For '{name}', 'padding', 'ceil_mode', 'count_include_pad' and 'divisor_override' "
                             f"must be default values when 'pad_mode' is 'same'.")
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad
        self.divisor_override = divisor_override
        self._fn = _AVG[nd]

    def construct(self, x):
        t, batched = self._batched(x)
        nd = self._nd
        if self._general:
            extra = () if nd == 1 else (self.divisor_override,)
            out = self._fn(t, self._k, self._s, self._p, self.ceil_mode, self.count_include_pad, *extra)
        elif self.pad_mode == "SAME":
            if nd == 3 and self.count_include_pad:
                # AvgPool3D counts the zero padding of 'same' in the divisor
                out = self._fn(F.pad(t, _same_pairs(t, self._k, self._s)), self._k, self._s, 0, self.ceil_mode,
                               True, self.divisor_override)
            else:
                out = _avg_same(t, self._k, self._s)
        else:
            out = self._fn(t, self._k, self._s)
        return Tensor._make(out if batched else out.squeeze(0))


class AvgPool1d(_AvgPoolNd):
    """1-D average pooling over (N, C, L) or (C, L)."""
    _nd = 1

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False,
                 count_include_pad=True):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode, count_include_pad, None)


class AvgPool2d(_AvgPoolNd):
    """2-D average pooling over (N, C, H, W) or (C, H, W)."""
    _nd = 2

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=None, data_format="NCHW"):
        name = "AvgPool2d"
        self.format = check_string(data_format, ["NCHW", "NHWC"], "format", name)
        if self.format == "NHWC":
            raise ValueError(f"For '{name}, the 'NHWC' format only support in GPU target; lightspore supports NCHW.")
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode, count_include_pad, divisor_override)


class AvgPool3d(_AvgPoolNd):
    """3-D average pooling over (N, C, D, H, W) or (C, D, H, W)."""
    _nd = 3

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode, count_include_pad, divisor_override)


class _MaxPoolNd(_PadModePoolNd):
    def __init__(self, kernel_size, stride, pad_mode, padding, dilation, return_indices, ceil_mode):
        super().__init__(kernel_size, stride, pad_mode)
        name = type(self).__name__
        nd = self._nd
        if nd == 1:
            for arg, v in (("kernel_size", kernel_size), ("stride", stride)):
                validator.check_int(v, 1, validator.GE, arg, name)
        self._k = _nd(self.kernel_size, nd, "kernel_size", name)
        self._s = _nd(self.stride, nd, "stride", name)
        self.return_indices = check_bool(return_indices, "return_indices", name)
        check_bool(ceil_mode, "ceil_mode", name)
        self.ceil_mode = ceil_mode
        if isinstance(dilation, bool) or not isinstance(dilation, (int, tuple)):
            raise ValueError(f"For {name}, the 'dilation' must be int or tuple, but got {type(dilation)}.")
        self._d = _nd(dilation[0] if isinstance(dilation, tuple) and len(dilation) == 1 else dilation, nd,
                      "dilation", name)
        self._p = _pool_padding(padding, nd, name)
        if self.pad_mode != "PAD":
            self._check_defaults(padding, dilation, return_indices, ceil_mode, pad_mode)
        self.padding = padding
        self.dilation = dilation

    def construct(self, x):
        t, batched = self._batched(x)
        nd = self._nd
        if self.pad_mode == "PAD":
            out = _MAX[nd](t, self._k, self._s, self._p, self._d, self.ceil_mode, self.return_indices)
        elif self.pad_mode == "SAME":
            out = _max_same(t, self._k, self._s)
        else:
            out = _MAX[nd](t, self._k, self._s)
        if self.return_indices:
            o, i = out
            return (Tensor._make(o), Tensor._make(i)) if batched else (Tensor._make(o[0]), Tensor._make(i[0]))
        return Tensor._make(out if batched else out.squeeze(0))


class MaxPool1d(_MaxPoolNd):
    """1-D max pooling over (N, C, L) or (C, L); indices (Int64) with ``return_indices`` in 'pad' mode."""
    _nd = 1

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False):
        super().__init__(kernel_size, stride, pad_mode, padding, dilation, return_indices, ceil_mode)

    def _check_defaults(self, padding, dilation, return_indices, ceil_mode, pad_mode):
        if padding != 0 or dilation != 1 or return_indices or ceil_mode:
            raise ValueError(f"For MaxPool1d, the parameter 'padding', 'dilation', 'return_indices', 'ceil_mode' "
                             f"can not be set to non-default value when pad_mode is not 'pad', but got "
                             f"pad_mode:{pad_mode}.")


class MaxPool3d(_MaxPoolNd):
    """3-D max pooling over (N, C, D, H, W) or (C, D, H, W)."""
    _nd = 3

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False):
        super().__init__(kernel_size, stride, pad_mode, padding, dilation, return_indices, ceil_mode)

    def _check_defaults(self, padding, dilation, return_indices, ceil_mode, pad_mode):
        if dilation != 1 or return_indices:
            raise ValueError(f"For MaxPool3d, the pad_mode must be 'pad' when dilation is not 1 or return_indices "
                             f"is True, but got pad_mode:{pad_mode}.")


def _check_float_input(t, name):
    if t.dtype not in (torch.float16, torch.float32):
        raise TypeError(f"For {name}, the x_dtype must be float16 or float32, but got {mstype.from_torch(t.dtype)}.")


class _Adaptive1d(Cell):
    def __init__(self, output_size):
        super().__init__()
        name = type(self).__name__
        checks = (lambda: validator.check_value_type("output_size", output_size, int, name),
                  lambda: validator.check_int(output_size, 1, validator.GE, "output_size", name))
        for check in checks[::self._order]:  # the reference's max pooling checks the value first
            check()
        self.output_size = output_size

    def construct(self, x):
        name = type(self).__name__
        t = _tensor_in(x, name)
        if t.dim() != 3:
            raise ValueError(f"For {name}, the input must has 3 dim, but got {t.dim()}.")
        if t.shape[2] < self.output_size:
            raise ValueError(f"For {name}, the input's last dimension must be greater or equal to output size "
                             f"{self.output_size}, but got {t.shape[2]}.")
        if t.shape[2] % self.output_size:
            raise ValueError(f"For {name}, the input's last dimension must be divisible by output size "
                             f"{self.output_size}, but got {t.shape[2]}.")
        _check_float_input(t, name)
        return Tensor._make(self._fn(t, self.output_size))


class AdaptiveAvgPool1d(_Adaptive1d):
    """1-D adaptive average pooling over (N, C, L); L must be divisible by ``output_size`` (as the reference)."""
    _order = 1
    _fn = staticmethod(F.adaptive_avg_pool1d)


class AdaptiveMaxPool1d(_Adaptive1d):
    """1-D adaptive max pooling over (N, C, L); L must be divisible by ``output_size`` (as the reference)."""
    _order = -1
    _fn = staticmethod(F.adaptive_max_pool1d)


def _adaptive_size(output_size, nd, name, allow_none=True):
    if isinstance(output_size, int):
        vals = (output_size,) * nd
    elif isinstance(output_size, (tuple, list)) and len(output_size) == nd:
        vals = tuple(output_size)
    else:
        raise TypeError(f"For '{name}', 'output_size' must be an int or a tuple of {nd} ints, but got "
                        f"{output_size!r}.")
    for i, v in enumerate(vals):
        if v is None and allow_none:
            continue
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"For '{name}', 'output_size' items must be int or None, but got {output_size!r}.")
        if v < 0:  # 0 is an empty output, as the reference's
            validator.check_number(f"output_size[{i}]", v, 0, validator.GE, f"{name[:-1]}D")
    return vals


def _adaptive_max_size(output_size, nd, name):
    """The reference's call-time checks of an adaptive max pooling's ``output_size``, in its primitive's words."""
    prim = f"AdaptiveMaxPool{nd}D"
    if isinstance(output_size, float):
        if nd == 2:
            raise TypeError("'float' object is not iterable")
        raise ValueError(f"For primitive[{prim}], the rank of output_size must be equal to 1, but got 0.")
    size = (output_size,) * nd if isinstance(output_size, int) else output_size
    if isinstance(size, tuple) and any(isinstance(v, int) and v <= 0 for v in size):
        if nd == 2:
            raise RuntimeError(f"For primitive[{prim}], the output_size is illegal")
        raise ValueError(f"For '{prim}', 'output_size' should be a vector with all positive item, but got {size}.")
    return _adaptive_size(output_size, nd, name)


class _AdaptiveNd(Cell):
    """Adaptive average pooling over ``_nd`` dims; _AdaptiveMaxNd adds ``return_indices``."""
    _nd = 2
    _max = False

    def __init__(self, output_size):
        super().__init__()
        if not self._max:  # the reference's AdaptiveAvgPool2D/3D primitive checks the type; the rest at call time
            validator.check_value_type("output_size", output_size, [int, tuple], f"AdaptiveAvgPool{self._nd}D")
            _adaptive_size(output_size, self._nd, type(self).__name__)
        self.output_size = output_size

    def construct(self, x):
        name = type(self).__name__
        t = _tensor_in(x, name)
        nd = self._nd
        if self._max and nd == 2:
            validator.check_value_type("return_indices", self.return_indices, [bool], "adaptive_max_pool2d")
        size = (_adaptive_max_size if self._max else _adaptive_size)(self.output_size, nd, name)
        if t.dim() not in (nd + 1, nd + 2):  # the words of the reference's primitives
            what = "the dim" if name == "AdaptiveAvgPool2d" else "the the rank" if nd == 3 and not self._max \
                else "the rank"
            raise ValueError(f"For primitive[{name[:-1]}D], {what} of x must be in [{nd + 1},{nd + 2}], but got "
                             f"{t.dim()}.")
        if not self._max:
            return Tensor._make(self._fn(t, size))
        out, idx = self._fn(t, size, True)
        if self.return_indices:
            return Tensor._make(out), Tensor._make(idx.to(self._idx_dtype))
        return Tensor._make(out)


class _AdaptiveMaxNd(_AdaptiveNd):
    _max = True
    _idx_dtype = torch.int64

    def __init__(self, output_size, return_indices=False):
        super().__init__(output_size)
        self.return_indices = return_indices


class AdaptiveAvgPool2d(_AdaptiveNd):
    """2-D adaptive average pooling; ``output_size`` int or (H, W) with None keeping that size."""
    _nd = 2
    _fn = staticmethod(F.adaptive_avg_pool2d)


class AdaptiveAvgPool3d(_AdaptiveNd):
    """3-D adaptive average pooling; ``output_size`` int or (D, H, W) with None keeping that size."""
    _nd = 3
    _fn = staticmethod(F.adaptive_avg_pool3d)


class AdaptiveMaxPool2d(_AdaptiveMaxNd):
    """2-D adaptive max pooling; with ``return_indices`` also the Int64 flat indices."""
    _nd = 2
    _fn = staticmethod(F.adaptive_max_pool2d)


class AdaptiveMaxPool3d(_AdaptiveMaxNd):
    """3-D adaptive max pooling; with ``return_indices`` also the Int32 flat indices (as the reference)."""
    _nd = 3
    _idx_dtype = torch.int32
    _fn = staticmethod(F.adaptive_max_pool3d)


class _LPPoolNd(Cell):
    """As the reference, nothing is checked at construction: ops.lp_pool1d/lp_pool2d check every argument at
    call time."""
    _nd = 1

    def __init__(self, norm_type, kernel_size, stride=None, ceil_mode=False):
        super().__init__()
        self.norm_type = norm_type
        self.kernel_size = kernel_size
        self.stride = stride
        self.ceil_mode = ceil_mode

    def construct(self, x):
        from ... import ops
        if not isinstance(x, Tensor):  # what the reference's lp_pool1d/lp_pool2d read of the input first
            attr = "shape" if self._nd == 1 else "pow"
            raise AttributeError(f"'{type(x).__name__}' object has no attribute '{attr}'")
        fn = ops.lp_pool1d if self._nd == 1 else ops.lp_pool2d
        return fn(x, self.norm_type, self.kernel_size, self.stride, self.ceil_mode)


class LPPool1d(_LPPoolNd):
    """1-D power-average pooling ``(sum x^p)^(1/p)`` over windows of (N, C, L) or (C, L)."""
    _nd = 1


class LPPool2d(_LPPoolNd):
    """2-D power-average pooling over (N, C, H, W) or (C, H, W)."""
    _nd = 2

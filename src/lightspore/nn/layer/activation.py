"""Activation cells of ``mindspore.nn`` and ``get_activation``."""
import numbers

import numpy as np
import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell, _ArglessCell
from ._validate import check_bool, ms_type_name

__all__ = ["Softmin", "Softmax", "Softmax2d", "LogSoftmax", "LogSoftmaxExt", "ReLU", "ReLU6", "RReLU", "SeLU",
           "SiLU", "Tanh", "Tanhshrink", "Hardtanh", "GELU", "FastGelu", "Sigmoid", "Softsign", "PReLU",
           "PReLUExt", "get_activation", "LeakyReLU", "HSigmoid", "HSwish", "ELU", "LogSigmoid", "LRN",
           "SoftShrink", "HShrink", "CELU", "Threshold", "Mish", "GLU"]


# the reference's primitive calls whose "Failed calling" message a str input meets (checked against it)
_PRIM_CALLS = {"Softmax": "Softmax(axis=Tuple<int>)", "ReLU": "ReLU()", "HSwish": "HSwish()", "Sigmoid": "Sigmoid()"}


def _check_tensor(x, cls_name):
    if not isinstance(x, Tensor):
        if isinstance(x, str) and cls_name in _PRIM_CALLS:
            raise TypeError(f'Failed calling {cls_name} with "{_PRIM_CALLS[cls_name]}(input=string)".')
        if cls_name == "GELU":  # the reference reads the input's dtype first
            raise TypeError(f"For Primitive[Dtype], the input argument[input_x] must be a Tensor, CSRTensor or "
                            f"COOTensor, but got {type(x)}.")
        if cls_name == "LeakyReLU":
            raise TypeError(f"For 'leaky_relu', the 'input' must be a Tensor, but got '{ms_type_name(x)}'")
        raise TypeError(f"For '{cls_name}', the input must be a Tensor, but got {type(x).__name__}.")
    return x._t


def _number(value, arg, cls_name):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be float or int, but got "
                        f"{type(value).__name__}.")
    return value


class _Elementwise(_ArglessCell):
    """A parameterless activation applying ``_fn`` to the torch tensor."""

    _fn = None

    def construct(self, input):
        if type(input) is not Tensor:
            _check_tensor(input, self.cls_name)
        return Tensor._make(type(self)._fn(input._t))


class ReLU(_Elementwise):
    """max(x, 0) elementwise."""

    _fn = torch.relu


class ReLU6(_Elementwise):
    """min(max(x, 0), 6) elementwise."""

    _fn = F.relu6


class Sigmoid(_Elementwise):
    """1 / (1 + exp(-x)) elementwise."""

    _fn = torch.sigmoid


class Tanh(_Elementwise):
    """tanh(x) elementwise."""

    _fn = torch.tanh


class SiLU(_Elementwise):
    """x * sigmoid(x) elementwise."""

    _fn = F.silu


class SeLU(_Elementwise):
    """Scaled ELU with the fixed constants of Klambauer et al."""

    _fn = F.selu


class Mish(_Elementwise):
    """x * tanh(softplus(x)) elementwise."""

    _fn = F.mish


class Softsign(_Elementwise):
    """x / (1 + |x|) elementwise."""

    _fn = F.softsign


class Tanhshrink(_Elementwise):
    """x - tanh(x) elementwise."""

    _fn = F.tanhshrink


class HSwish(_Elementwise):
    """x * relu6(x + 3) / 6 elementwise."""

    _fn = F.hardswish


class HSigmoid(_Elementwise):
    """relu6(x + 3) / 6 elementwise."""

    _fn = F.hardsigmoid


class LogSigmoid(_Elementwise):
    """log(sigmoid(x)) elementwise."""

    _fn = F.logsigmoid


def _fast_gelu(t):
    # x / (1 + exp(-1.702 |x|)) * exp(0.851 (x - |x|)), i.e. x * sigmoid(1.702 x)
    return t * torch.sigmoid(1.702 * t)


class FastGelu(_Elementwise):
    """x * sigmoid(1.702 x) elementwise."""

    _fn = _fast_gelu


class _AlongAxis(Cell):
    """An activation along ``axis`` (default: the last)."""

    def __init__(self, axis=-1):
        super().__init__()
        self.axis = axis


def _shrink_lambd(lambd, cls_name):
    if not isinstance(lambd, (int, float)):
        raise TypeError(f"For '{cls_name}', the type of 'lambd' should be one of '[int, bool, float]', but got "
                        f"{type(lambd)}.")
    return lambd


class Softmax(_AlongAxis):
    """softmax along ``axis`` (an int or a tuple of one int)."""

    def __init__(self, axis=-1):
        if not isinstance(axis, (int, tuple)):
            raise TypeError(f"For 'Softmax', the type of 'axis' should be one of '[int, tuple of int]', but got "
                            f"{type(axis)}.")
        super().__init__(axis)

    def construct(self, input):
        axis = self.axis[0] if isinstance(self.axis, tuple) and len(self.axis) == 1 else self.axis
        return Tensor._make(torch.softmax(_check_tensor(input, "Softmax"), axis))


class Softmin(_AlongAxis):
    """softmax(-x) along ``axis``."""

    def construct(self, x):
        return Tensor._make(torch.softmax(-_check_tensor(x, "Softmin"), self.axis))


class Softmax2d(_ArglessCell):
    """softmax over the channel axis (-3) of (C, H, W) or (N, C, H, W) input."""

    def construct(self, x):
        t = _check_tensor(x, "Softmax2d")
        if t.dim() not in (3, 4):
            raise ValueError(f"For 'Softmax2d', the in_shape must have 3 or 4 dims, but got {t.dim()}.")
        return Tensor._make(torch.softmax(t, -3))


class LogSoftmax(_AlongAxis):
    """log(softmax(x)) along ``axis``."""

    def construct(self, x):
        return Tensor._make(torch.log_softmax(_check_tensor(x, "LogSoftmax"), self.axis))


class LogSoftmaxExt(Cell):
    """log(softmax(x)) along ``dim``; ``dim=None`` picks 0 for 0-, 1- and 3-d input, else 1."""

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def construct(self, x):
        t = _check_tensor(x, "LogSoftmaxExt")
        dim = self.dim
        if dim is None:
            dim = 0 if t.dim() in (0, 1, 3) else 1
        return Tensor._make(torch.log_softmax(t, dim))


class GELU(Cell):
    """GELU; ``approximate=True`` (the reference's default) is the tanh approximation."""

    def __init__(self, approximate=True):
        super().__init__()
        check_bool(approximate, "approximate", "GELU")
        self.approximate = "tanh" if approximate else "none"

    def construct(self, x):
        return Tensor._make(F.gelu(_check_tensor(x, "GELU"), approximate=self.approximate))


class LeakyReLU(Cell):
    """x if x >= 0 else alpha * x."""

    def __init__(self, alpha=0.2):
        super().__init__()
        self.alpha = alpha

    def construct(self, x):
        return Tensor._make(F.leaky_relu(_check_tensor(x, "LeakyReLU"), self.alpha))


class ELU(Cell):
    """x if x > 0 else alpha * (exp(x) - 1); the reference's kernel only accepts ``alpha=1.0`` (ValueError on call)."""

    def __init__(self, alpha=1.0):
        super().__init__()
        _number(alpha, "alpha", "ELU")
        self.alpha = alpha

    def construct(self, x):
        t = _check_tensor(x, "ELU")
        if self.alpha != 1.0:
            raise ValueError("EluIn Elu, alpha must be 1.0f.")  # the reference's kernel's words
        return Tensor._make(F.elu(t))


class CELU(Cell):
    """max(0, x) + min(0, alpha * (exp(x / alpha) - 1))."""

    def __init__(self, alpha=1.0):
        super().__init__()
        self.alpha = alpha  # checked at call time, as the reference's CeLU primitive does

    def construct(self, x):
        alpha = self.alpha
        if not isinstance(alpha, float):
            kind = {str: "string", int: "int", bool: "bool"}.get(type(alpha), type(alpha).__name__)
            raise TypeError(f'Failed calling CeLU with "CeLU(alpha={kind})(x=Tensor)".')
        if alpha == 0:
            raise ValueError(f"For primitive[CeLU], the alpha must be not equal to 0 , but got {alpha:g}.")
        return Tensor._make(F.celu(_check_tensor(x, "CELU"), alpha))


class Hardtanh(Cell):
    """clamp(x, min_val, max_val)."""

    def __init__(self, min_val=-1.0, max_val=1.0):
        super().__init__()
        self.min_val = min_val
        self.max_val = max_val
        if min_val >= max_val:
            raise ValueError(f"For Hardtanh, min_val should be less than max_val,but got {min_val} and {max_val}")

    def construct(self, x):
        return Tensor._make(F.hardtanh(_check_tensor(x, "Hardtanh"), self.min_val, self.max_val))


class SoftShrink(Cell):
    """x - lambd if x > lambd, x + lambd if x < -lambd, else 0."""

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = float(_shrink_lambd(lambd, "SoftShrink"))

    def construct(self, input):
        if self.lambd < 0:  # the reference's kernel checks the value when it runs
            raise RuntimeError(f"For 'SoftShrink', the values for lambd should be greater or equal to 0, , but found "
                               f"to be [{self.lambd:g}].")
        return Tensor._make(F.softshrink(_check_tensor(input, "SoftShrink"), self.lambd))


class HShrink(Cell):
    """x if |x| > lambd else 0."""

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = float(_shrink_lambd(lambd, "HShrink"))

    def construct(self, input):
        return Tensor._make(F.hardshrink(_check_tensor(input, "HShrink"), self.lambd))


class Threshold(Cell):
    """x if x > threshold else value."""

    def __init__(self, threshold, value):
        super().__init__()
        self.threshold = threshold
        self.value = value

    def construct(self, input_x):
        return Tensor._make(F.threshold(_check_tensor(input_x, "Threshold"), self.threshold, self.value))


class GLU(Cell):
    """Splits ``x`` in two halves along ``axis``: first * sigmoid(second)."""

    def __init__(self, axis=-1):
        super().__init__()
        self.dim = axis

    def construct(self, x):
        t = _check_tensor(x, "GLU")
        if t.dim() == 0 or t.shape[self.dim] % 2:
            raise ValueError(f"For 'GLU', the size of dimension {self.dim} of the input must be even, but got "
                             f"shape {tuple(t.shape)}.")
        return Tensor._make(F.glu(t, self.dim))


class RReLU(Cell):
    """x if x >= 0 else a * x with ``a`` drawn uniformly from [lower, upper] per element (every call)."""

    def __init__(self, lower=1 / 8, upper=1 / 3):
        super().__init__()
        validator.check_value_type("upper", upper, [float, int], "RReLU")
        validator.check_value_type("lower", lower, [float, int], "RReLU")
        if lower > upper:
            raise ValueError(f"For RReLU, the value of 'upper' must be greater than or equal to 'lower', but got "
                             f"upper: {upper}, lower: {lower}. ")
        self.lower = Tensor(lower, dtype=mstype.float32)
        self.upper = Tensor(upper, dtype=mstype.float32)
        self._range = (float(lower), float(upper))

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise TypeError(f"For 'rrelu', the input must be a Tensor, but got {type(x)}.")
        t = x._t
        lo, hi = self._range
        a = torch.empty_like(t).uniform_(lo, hi) if lo != hi else torch.full_like(t, lo)
        return Tensor._make(torch.where(t >= 0, t, t * a))


class LRN(Cell):
    """Local response normalization across channels: x / (bias + alpha * sum_{|c'-c|<=r} x_c'^2) ** beta."""

    def __init__(self, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
        super().__init__()
        if isinstance(depth_radius, bool) or not isinstance(depth_radius, int):
            raise TypeError(f"For 'LRN', the type of 'depth_radius' must be int, but got "
                            f"{type(depth_radius).__name__}.")
        if depth_radius < 0:
            raise ValueError(f"For 'LRN', the 'depth_radius' must be non-negative, but got {depth_radius}.")
        for n, v in (("bias", bias), ("alpha", alpha), ("beta", beta)):
            if not isinstance(v, float):
                raise TypeError(f"For 'LRN', the type of '{n}' must be float, but got {type(v).__name__}.")
        if norm_region != "ACROSS_CHANNELS":
            raise ValueError(f"For 'LRN', the 'norm_region' must be 'ACROSS_CHANNELS', but got {norm_region}.")
        self.depth_radius, self.bias, self.alpha, self.beta = depth_radius, bias, alpha, beta
        self.norm_region = norm_region

    def construct(self, input_x):
        t = _check_tensor(input_x, "LRN")
        if t.dim() != 4:
            raise ValueError(f"For 'LRN', the input must be 4-D, but got {t.dim()}-D.")
        size = 2 * self.depth_radius + 1
        # torch divides alpha by size; the reference does not
        return Tensor._make(F.local_response_norm(t, size, self.alpha * size, self.beta, self.bias))


def _prelu_weight(t, w):
    if t.dim() >= 2 or w.numel() == 1:
        return F.prelu(t, w)
    return torch.where(t >= 0, t, t * w)


class PReLU(Cell):
    """x if x >= 0 else w * x with a learnable ``w`` per channel (parameter name ``'a'``)."""

    def __init__(self, channel=1, w=0.25):
        super().__init__()
        validator.check_positive_int(channel, "channel", "PReLU")
        if isinstance(w, (float, np.float32)):
            w = Tensor(np.full((channel,), w, dtype=np.float32), dtype=mstype.float32)
        elif isinstance(w, list):
            if len(w) != channel:
                raise ValueError(f"For 'PReLU', the length of 'w' must be equal to the 'channel' when the 'w' is a "
                                 f"list, but got the length of 'w': {len(w)}, the 'channel': {channel}.")
            for i in w:
                if not isinstance(i, (float, np.float32)):
                    raise ValueError(f"For 'PReLU', all elements in 'w' must be float when the 'w' is a list, but "
                                     f"got {i}.")
            w = Tensor(w, dtype=mstype.float32)
        elif isinstance(w, Tensor):
            if w.dtype not in (mstype.float16, mstype.float32):
                raise ValueError(f"For 'PReLU', the dtype of 'w' must be float16 or float32 when the 'w' is a tensor, "
                                 f"but got {w.dtype}.")
            if len(w.shape) != 1 or w.shape[0] != channel:
                raise ValueError(f"For 'PReLU', the dimension of 'w' must be 1, and the elements number should be "
                                 f"equal to the 'channel' when the 'w' is a tensor, but got 'w' shape {w.shape}, the "
                                 f"'channel' {channel}.")
        else:
            raise TypeError(f"For 'PReLU', the 'w' only supported float, list and tensor, but got {type(w).__name__}.")
        self.w = Parameter(w, name="a")

    def construct(self, x):
        t = _check_tensor(x, "PReLU")
        w = self.w._t
        if w.dtype != t.dtype:
            w = w.to(t.dtype)
        return Tensor._make(_prelu_weight(t, w))


class PReLUExt(Cell):
    """PReLU with a learnable ``weight`` of ``num_parameters`` values initialised to ``init``."""

    def __init__(self, num_parameters=1, init=0.25, dtype=None):
        super().__init__()
        if not isinstance(init, numbers.Number):
            raise TypeError(f"For 'PReLUExt', the type of 'init' must be a number, but got {type(init).__name__}.")
        w = Tensor(np.full((num_parameters,), init, dtype=np.float32), dtype=dtype)
        self.weight = Parameter(w, name="weight")

    def construct(self, input):
        return Tensor._make(_prelu_weight(_check_tensor(input, "PReLUExt"), self.weight._t))


_ACTIVATIONS = {
    "softmin": Softmin, "softmax": Softmax, "softmax2d": Softmax2d, "logsoftmax": LogSoftmax,
    "logsoftmaxExt": LogSoftmaxExt, "relu": ReLU, "relu6": ReLU6, "rrelu": RReLU, "silu": SiLU, "tanh": Tanh,
    "tanhshrink": Tanhshrink, "hardtanh": Hardtanh, "gelu": GELU, "fast_gelu": FastGelu, "elu": ELU,
    "sigmoid": Sigmoid, "softsign": Softsign, "prelu": PReLU, "preluExt": PReLUExt, "leakyrelu": LeakyReLU,
    "hswish": HSwish, "hsigmoid": HSigmoid, "logsigmoid": LogSigmoid, "softshrink": SoftShrink, "hshrink": HShrink,
    "threshold": Threshold, "mish": Mish,
}


def get_activation(name, prim_name=None):
    """An activation cell from its registered name ('relu', 'fast_gelu', ...); None stays None.

    An unknown name raises KeyError, as in the reference."""
    if name is None:
        return None
    if name not in _ACTIVATIONS:
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        raise KeyError(f"{prefix} 'name' must be in {list(_ACTIVATIONS)}, but got {name}.")
    return _ACTIVATIONS[name]()

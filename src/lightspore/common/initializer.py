"""Parameter initializers (``mindspore.common.initializer``).

lightspore materialises eagerly: ``initializer(...)`` draws the data at once, with torch, straight
into the target dtype on the current device, and returns a Tensor whose ``init`` is the Initializer.

Built-in initializers draw with torch (``_draw``). An Initializer subclass written against the
reference's API (it overrides ``_initialize(arr)`` and fills a numpy array in place) is run exactly
that way: lightspore hands it a numpy array of the target dtype and converts the result.

Random draws use a torch.Generator seeded, per draw, from numpy's global RNG (as the reference
seeds its kernels), so ``set_seed(s)`` - or ``np.random.seed(s)`` - makes initialisation reproducible.
"""
from __future__ import annotations

import math
import numbers

import numpy as np
import torch

from . import dtype as mstype
from ._device import current_device
from .seed import _get_graph_seed, _init_generator, get_seed
from .tensor import Tensor

__all__ = ["Initializer", "initializer", "TruncatedNormal", "Normal", "Uniform", "HeUniform", "HeNormal",
           "XavierUniform", "XavierNormal", "One", "Zero", "Constant", "Identity", "Sparse", "Dirac",
           "Orthogonal", "VarianceScaling"]

_INITIALIZER_ALIAS = {}
_FLOAT_TORCH = (torch.float32, torch.float16, torch.bfloat16, torch.float64)
_SQRT2 = math.sqrt(2.0)
_BAD_INIT = ("For 'initializer', the type of the 'init' argument should be 'Tensor', 'number', 'string' or "
             "'initializer', but got {}.")


class Initializer:
    """Base class of initializers. Subclasses fill a numpy array in place in ``_initialize(arr)``;
    ``init(arr)`` calls it."""

    def __init__(self, **kwargs):
        self._kwargs = kwargs
        self._seed = None

    @property
    def seed(self):
        if self._seed is None:
            return _get_graph_seed(get_seed(), "init")
        return self._seed + 1, 0

    @seed.setter
    def seed(self, value):
        self._seed = value

    def _initialize(self, *kwargs):
        raise NotImplementedError("Must be overridden!")

    def __call__(self, arr):
        return self._initialize(arr)

    def __repr__(self):
        # the reference prints the default object repr (layers show it in their own repr)
        mod = type(self).__module__.replace("lightspore", "mindspore", 1)
        return f"<{mod}.{type(self).__qualname__} object at {hex(id(self))}>"


def _register(*aliases):
    """Class decorator: register the lower-cased class name and ``aliases`` for ``initializer(str)``."""

    def reg(cls):
        _INITIALIZER_ALIAS.setdefault(cls.__name__.lower(), cls)
        for alias in aliases:
            _INITIALIZER_ALIAS.setdefault(alias, cls)
        return cls

    return reg


# ---- the torch-backed path of the built-in initializers ----------------------------------------
def _fill_numpy(self, arr):
    """``_initialize`` of the built-ins: draw with torch on the CPU and write into ``arr`` in place."""
    shape = tuple(arr.shape)
    try:
        tdt = torch.from_numpy(np.empty(0, dtype=arr.dtype)).dtype
    except TypeError:
        tdt = torch.float32
    data = self._draw(shape, tdt, torch.device("cpu"))
    if data.dtype == torch.bfloat16:
        data = data.float()
    _assignment(arr, data.numpy())


def _work_dtype(tdt):
    """dtype to draw random floats in: the target if it is a float dtype, else float32 (then cast)."""
    return tdt if tdt in _FLOAT_TORCH else torch.float32


def _cast(t, tdt):
    return t if t.dtype == tdt else t.to(tdt)


def _check_sigma(sigma, who):
    if sigma < 0:
        raise ValueError(f"For '{who}' initializer, the standard deviation 'sigma' must be >= 0, "
                         f"but got {sigma} (sigma < 0).")


def _normal(shape, mean, sigma, tdt, dev, who):
    _check_sigma(sigma, who)
    g = _init_generator(dev)
    t = torch.empty(shape, dtype=_work_dtype(tdt), device=dev)
    return _cast(t.normal_(float(mean), float(sigma), generator=g), tdt)


def _uniform(shape, a, b, tdt, dev):
    lo, hi = (a, b) if a <= b else (b, a)
    g = _init_generator(dev)
    t = torch.empty(shape, dtype=_work_dtype(tdt), device=dev)
    if lo == hi:
        return _cast(t.fill_(float(lo)), tdt)
    return _cast(t.uniform_(float(lo), float(hi), generator=g), tdt)


def _phi(x):
    return 0.5 * (1.0 + math.erf(x / _SQRT2))


def _truncated_normal(shape, a, b, mean, sigma, tdt, dev, who):
    """N(mean, sigma^2) restricted to [min(a, b), max(a, b)] (absolute bounds, as in the reference)."""
    _check_sigma(sigma, who)
    lo, hi = (float(a), float(b)) if a <= b else (float(b), float(a))
    mean, sigma = float(mean), float(sigma)
    g = _init_generator(dev)
    if sigma == 0.0:
        return torch.full(shape, min(max(mean, lo), hi), dtype=_work_dtype(tdt), device=dev).to(tdt)
    alpha, beta = (lo - mean) / sigma, (hi - mean) / sigma
    flip = alpha > 0  # sample the mirror image in the lower tail, where the CDF is well resolved
    if flip:
        alpha, beta = -beta, -alpha
    # inverse-CDF sampling; far-tail intervals need float64 for the erfinv argument
    wdt = torch.float64 if (tdt == torch.float64 or beta < -2.0) else torch.float32
    pa, pb = 2.0 * _phi(alpha) - 1.0, 2.0 * _phi(beta) - 1.0
    t = torch.empty(shape, dtype=wdt, device=dev)
    if pa < pb:
        t.uniform_(pa, pb, generator=g)
    else:
        t.fill_(pa)
    lim = 1.0 - torch.finfo(wdt).eps / 2  # keep erfinv finite: uniform_ may return its lower end, -1
    t.clamp_(-lim, lim).erfinv_().mul_(_SQRT2)
    if flip:
        t.neg_()
    t.mul_(sigma).add_(mean).clamp_(lo, hi)
    return _cast(t, tdt)


# ---- fan and gain rules --------------------------------------------------------------------------
def _calculate_fan_in_and_fan_out(shape):
    """(fan_in, fan_out) of a weight of ``shape``: (in, out) for 2-D, times the receptive field for more."""
    dims = len(shape)
    if dims < 2:
        raise ValueError("'fan_in' and 'fan_out' can not be computed for tensor with fewer than 2 "
                         f"dimensions, but got dimensions {dims}.")
    receptive = 1
    for s in shape[2:]:
        receptive *= s
    return shape[1] * receptive, shape[0] * receptive


_calculate_in_and_out = _calculate_fan_in_and_fan_out


def _calculate_correct_fan(shape, mode):
    mode = mode.lower()
    valid = ["fan_in", "fan_out"]
    if mode not in valid:
        raise ValueError(f"'mode' {mode} not supported, please use one of {valid}")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
    return fan_in if mode == "fan_in" else fan_out


_LINEAR_FNS = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
               "conv_transpose3d", "sigmoid")


def _calculate_gain(nonlinearity, param=None):
    """The gain recommended for ``nonlinearity`` (``param``: leaky_relu's negative slope)."""
    if nonlinearity in _LINEAR_FNS:
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            slope = 0.01
        elif isinstance(param, (int, float)) and not isinstance(param, bool):
            slope = param
        else:
            raise ValueError(f"For 'HeUniform', 'negative_slope' {param} is not a valid number."
                             "When 'nonlinearity' has been set to 'leaky_relu', 'negative_slope' should be "
                             f"int or float type, but got {type(param)}.")
        return math.sqrt(2.0 / (1 + slope ** 2))
    raise ValueError("For 'HeUniform', the argument 'nonlinearity' should be one of "
                     f"['sigmoid', 'tanh', 'relu' or 'leaky_relu'], but got {nonlinearity}.")


# ---- numpy helpers of the reference's module (used by Initializer subclasses written for it) -------
def _assignment(arr, num):
    """Write ``num`` (array or scalar) into ``arr`` in place; returns ``arr``."""
    if arr.shape == ():
        arr = arr.reshape(1)
        arr[:] = num
        return arr.reshape(())
    arr[:] = num[:] if isinstance(num, np.ndarray) else num
    return arr


def _numpy_seed():
    return np.random.randint(low=1, high=(1 << 63), dtype=np.int64)


def _init_random_normal(mean, sigma, shape):
    return _normal(tuple(shape), mean, sigma, torch.float32, torch.device("cpu"), "Normal").numpy()


def _init_random_uniform(a, b, shape):
    return _uniform(tuple(shape), a, b, torch.float32, torch.device("cpu")).numpy()


def _init_truncated_normal(a, b, mean, sigma, shape):
    return _truncated_normal(tuple(shape), a, b, mean, sigma, torch.float32, torch.device("cpu"),
                             "TruncatedNormal").numpy()


# ---- the initializers ----------------------------------------------------------------------------
@_register("zeros")
class Zero(Initializer):
    """Fills with 0."""

    _initialize = _fill_numpy

    def _draw(self, shape, tdt, dev):
        return torch.zeros(shape, dtype=tdt, device=dev)


@_register("ones")
class One(Initializer):
    """Fills with 1."""

    _initialize = _fill_numpy

    def _draw(self, shape, tdt, dev):
        return torch.ones(shape, dtype=tdt, device=dev)


class _Xavier(Initializer):
    """Shared argument of the Xavier (Glorot) initializers; ``_scale(shape, k)`` is gain * sqrt(k / (fan_in +
    fan_out))."""

    _initialize = _fill_numpy

    def __init__(self, gain=1):
        super().__init__(gain=gain)
        self.gain = gain

    def _scale(self, shape, k):
        fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
        return self.gain * math.sqrt(k / (fan_in + fan_out))


@_register("xavier_normal")
class XavierNormal(_Xavier):
    r"""Xavier (Glorot) normal: N(0, sigma^2), sigma = gain * sqrt(2 / (fan_in + fan_out))."""

    def _draw(self, shape, tdt, dev):
        return _normal(shape, 0.0, self._scale(shape, 2.0), tdt, dev, "XavierNormal")


@_register("xavier_uniform")
class XavierUniform(_Xavier):
    r"""Xavier (Glorot) uniform: U(-b, b), b = gain * sqrt(6 / (fan_in + fan_out))."""

    def _draw(self, shape, tdt, dev):
        bound = self._scale(shape, 6.0)
        return _uniform(shape, -bound, bound, tdt, dev)


class _He(Initializer):
    """Shared arguments of the He (Kaiming) initializers; ``_std`` is gain / sqrt(fan_mode)."""

    _initialize = _fill_numpy

    def __init__(self, negative_slope=0, mode="fan_in", nonlinearity="leaky_relu"):
        super().__init__(negative_slope=negative_slope, mode=mode, nonlinearity=nonlinearity)
        self.negative_slope = negative_slope
        self.mode = mode
        self.nonlinearity = nonlinearity

    def _std(self, shape):
        fan = _calculate_correct_fan(shape, self.mode)
        return _calculate_gain(self.nonlinearity, self.negative_slope) / math.sqrt(fan)


@_register("he_uniform")
class HeUniform(_He):
    r"""He (Kaiming) uniform: U(-b, b), b = gain * sqrt(3 / fan_mode)."""

    def _draw(self, shape, tdt, dev):
        bound = math.sqrt(3.0) * self._std(shape)
        return _uniform(shape, -bound, bound, tdt, dev)


@_register("he_normal")
class HeNormal(_He):
    r"""He (Kaiming) normal: N(0, sigma^2), sigma = gain / sqrt(fan_mode)."""

    def _draw(self, shape, tdt, dev):
        return _normal(shape, 0.0, self._std(shape), tdt, dev, "HeNormal")


def _constant_value(value):
    if isinstance(value, Tensor):
        value = value.asnumpy()
    if isinstance(value, np.ndarray):
        if value.size != 1:
            raise ValueError(f"For 'Constant' initializer, an array 'value' must hold exactly one element "
                             f"(setting an array element with a sequence), but got shape {value.shape}.")
        value = value.reshape(()).item()
    elif isinstance(value, np.generic):
        value = value.item()
    if not isinstance(value, (numbers.Number, np.number)):
        raise ValueError(f"For 'Constant' initializer, 'value' must be a number, but got {value!r}.")
    return value


class Constant(Initializer):
    """Fills with ``value`` (a number, or a one-element array)."""

    _initialize = _fill_numpy

    def __init__(self, value):
        super().__init__(value=value)
        self.value = value

    def _draw(self, shape, tdt, dev):
        value = _constant_value(self.value)
        t = torch.empty(shape, dtype=tdt, device=dev)
        integral = not (t.is_floating_point() or t.is_complex())
        if integral and isinstance(value, float) and math.isfinite(value):
            value = int(value)  # numpy's fill truncates toward zero
        return t.fill_(value)


@_register()
class Identity(Initializer):
    """A 2-D identity matrix (ones on the main diagonal)."""

    _initialize = _fill_numpy

    def _draw(self, shape, tdt, dev):
        if len(shape) != 2:
            raise ValueError("For Identity initializer, the dimension of the initialized tensor should be 2, "
                             f"but got {len(shape)}.")
        return torch.eye(shape[0], shape[1], dtype=tdt, device=dev)


@_register()
class Sparse(Initializer):
    """A 2-D matrix from N(0, sigma^2) with ``ceil(sparsity * rows)`` zeros in every column."""

    _initialize = _fill_numpy

    def __init__(self, sparsity, sigma=0.01):
        super().__init__()
        self.sparsity = sparsity
        self.sigma = sigma

    def _draw(self, shape, tdt, dev):
        if len(shape) != 2:
            raise ValueError("For Sparse initializer, the dimension of the initialized tensor should be 2, "
                             f"but got {len(shape)}.")
        rows, cols = shape
        data = _normal(shape, 0.0, self.sigma, torch.float32, dev, "Sparse")
        k = len(range(rows)[: int(np.ceil(self.sparsity * rows))])  # python slice semantics, as the reference
        if k:
            g = _init_generator(dev)
            idx = torch.rand(shape, generator=g, device=dev).argsort(dim=0)[:k]
            data.scatter_(0, idx, 0.0)
        return _cast(data, tdt)


@_register()
class Dirac(Initializer):
    """Dirac delta for 3/4/5-D convolution weights (identity on the channels), per group."""

    _initialize = _fill_numpy

    def __init__(self, groups=1):
        super().__init__()
        self.groups = groups

    def _draw(self, shape, tdt, dev):
        dims = len(shape)
        if dims not in (3, 4, 5):
            raise ValueError("For Dirac initializer, only support to initialize tensor with dimension of "
                             f"3, 4 or 5, but got {dims}.")
        if shape[0] % self.groups != 0:
            raise ValueError("For Dirac initializer, the first dimension of the initialized tensor must be "
                             f"divisible by groups, but got first dimension {shape[0]}, "
                             f"groups {self.groups}.")
        per_group = shape[0] // self.groups
        n = min(per_group, shape[1])
        t = torch.zeros(shape, dtype=tdt, device=dev)
        ar = torch.arange(n, device=dev)
        centre = tuple(s // 2 for s in shape[2:])
        for grp in range(self.groups):
            t[(grp * per_group + ar, ar) + centre] = 1
        return t


@_register()
class Orthogonal(Initializer):
    """A (semi-)orthogonal matrix (trailing dimensions flattened), times ``gain``."""

    _initialize = _fill_numpy

    def __init__(self, gain=1.0):
        super().__init__(gain=gain)
        self.gain = gain

    def _draw(self, shape, tdt, dev):
        if len(shape) < 2:
            raise ValueError("For Orthogonal initializer, the dimension of the initialized tensor should be "
                             f"no less than 2, but got {len(shape)}.")
        rows = shape[0]
        cols = math.prod(shape) // rows
        wdt = torch.float64 if tdt == torch.float64 else torch.float32
        data = _normal((rows, cols), 0.0, 1.0, wdt, dev, "Orthogonal")
        if rows < cols:
            data = data.T
        q, r = torch.linalg.qr(data)
        q = q * torch.sign(torch.diagonal(r))
        if rows < cols:
            q = q.T
        return _cast((q * self.gain).reshape(shape).contiguous(), tdt)


@_register()
class VarianceScaling(Initializer):
    """Scaled random values: std = sqrt(scale / n), n = fan_in, fan_out or their mean (``mode``).

    Note: as in MindSpore 2.7.1, the default ``distribution='truncated_normal'`` draws from the uniform
    distribution U(-sqrt(3 * scale / n), sqrt(3 * scale / n)) (the reference's truncated branch is
    unreachable); ``'untruncated_normal'`` draws N(0, scale / n).
    """

    _initialize = _fill_numpy

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal"):
        super().__init__(scale=scale, mode=mode, distribution=distribution)
        if scale <= 0.0:
            raise ValueError("For VarianceScaling initializer, the argument 'scale' must be greater than 0, "
                             f"but got {scale}.")
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise ValueError("For VarianceScaling initializer, the argument 'mode' must be fan_in, "
                             f"fan_out or fan_avg, but got {mode}.")
        if distribution not in ("uniform", "truncated_normal", "untruncated_normal"):
            raise ValueError("For VarianceScaling initializer, the argument 'distribution' must be uniform, "
                             f"truncated_normal or untruncated_normal, but got {distribution}.")
        self.scale = scale
        self.mode = mode
        self.distribution = distribution

    def _draw(self, shape, tdt, dev):
        fan_in, fan_out = _calculate_fan_in_and_fan_out(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[self.mode]
        scale = self.scale / max(1.0, n)
        if self.distribution == "untruncated_normal":
            return _normal(shape, 0.0, math.sqrt(scale), tdt, dev, "VarianceScaling")
        limit = math.sqrt(3.0 * scale)
        return _uniform(shape, -limit, limit, tdt, dev)


@_register()
class Uniform(Initializer):
    """U(-scale, scale)."""

    _initialize = _fill_numpy

    def __init__(self, scale=0.07):
        super().__init__(scale=scale)
        self.scale = scale

    def _draw(self, shape, tdt, dev):
        return _uniform(shape, -self.scale, self.scale, tdt, dev)


@_register()
class Normal(Initializer):
    """N(mean, sigma^2)."""

    _initialize = _fill_numpy

    def __init__(self, sigma=0.01, mean=0.0):
        super().__init__(sigma=sigma, mean=mean)
        self.sigma = sigma
        self.mean = mean

    def _draw(self, shape, tdt, dev):
        return _normal(shape, self.mean, self.sigma, tdt, dev, "Normal")


@_register()
class TruncatedNormal(Initializer):
    """N(mean, sigma^2) truncated to the interval [a, b] (absolute bounds, not in units of sigma)."""

    _initialize = _fill_numpy

    def __init__(self, sigma=0.01, mean=0.0, a=-2.0, b=2.0):
        super().__init__(sigma=sigma, mean=mean, a=a, b=b)
        self.sigma = sigma
        self.mean = mean
        self.a = a
        self.b = b

    def _draw(self, shape, tdt, dev):
        return _truncated_normal(shape, self.a, self.b, self.mean, self.sigma, tdt, dev, "TruncatedNormal")


# ---- entry points --------------------------------------------------------------------------------
def _resolve(init):
    """str alias / number / Initializer -> Initializer instance."""
    if isinstance(init, Initializer):
        return init
    if isinstance(init, str):
        cls = _INITIALIZER_ALIAS.get(init.lower())
        if cls is None:
            raise ValueError(f"For 'initializer', the class corresponding to '{init}' was not found.")
        return cls()
    if isinstance(init, numbers.Number):
        return Constant(init)
    raise TypeError(_BAD_INIT.format(type(init)))


def _materialize(init, shape, ms_dtype):
    """Draw ``init`` (Initializer, alias or number) as a torch tensor of ``shape`` / ``ms_dtype`` on the
    current device."""
    init = _resolve(init)
    shape = tuple(shape)
    tdt = mstype.to_torch(ms_dtype)
    dev = current_device()
    if dev.type == "meta":   # DeviceCtx('meta'): shape and dtype only; nothing drawn, the seed stream untouched
        return torch.empty(shape, dtype=tdt, device=dev)
    if type(init)._initialize is _fill_numpy:
        return init._draw(shape, tdt, dev)
    # an Initializer written for the reference: it fills a numpy array in place
    arr = np.zeros(shape, dtype=mstype.dtype_to_nptype(ms_dtype))
    if not isinstance(init, Zero):
        init(arr)
    return torch.from_numpy(arr).to(device=dev, dtype=tdt)



def initializer(init, shape=None, dtype=mstype.float32):
    """Create a Tensor of ``shape`` and ``dtype`` filled by ``init``.

    Args:
        init (Union[Tensor, str, Initializer, numbers.Number]): a Tensor (returned as is; its shape must
            equal ``shape``), an initializer alias such as ``'normal'``, ``'zeros'``, ``'he_uniform'``, an
            Initializer, or a number (``Constant``).
        shape (Union[tuple, list, int]): shape of the result (positive ints).
        dtype (mindspore.dtype): data type of the result. Default: ``mstype.float32``.

    Returns:
        Tensor, with the data already drawn; its ``init`` attribute is the Initializer used.
    """
    if not isinstance(init, (Tensor, numbers.Number, str, Initializer)):
        raise TypeError(_BAD_INIT.format(type(init)))
    if isinstance(init, Tensor):
        want = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
        if init.shape != want:
            raise ValueError("For 'initializer', the shape of the 'init' argument should be same as the "
                             f"argument 'shape', but got the 'init' shape {list(init.shape)} and the 'shape' "
                             f"{list(want)}.")
        return init

    if isinstance(shape, list):
        shape = tuple(shape)
    elif isinstance(shape, numbers.Number):
        shape = (shape,)
    if shape is not None:
        for value in shape:
            if not isinstance(value, int) or value <= 0:
                raise ValueError("For 'initializer', the argument 'shape' is invalid, the value of 'shape' "
                                 f"must be positive integer, but got {shape}")
        shape = tuple(int(v) for v in shape)  # bools are accepted (as ints) by the reference
    init = _resolve(init)
    if shape is None:
        raise AttributeError(f"For 'initializer', the argument 'shape' is required when 'init' is "
                             f"{type(init).__name__} (only a Tensor 'init' carries its own shape).")
    if not isinstance(dtype, mstype.Type):
        raise TypeError(f"For 'initializer', the argument 'dtype' must be a mindspore dtype such as "
                        f"mindspore.float32, but got {dtype!r}.")
    out = Tensor._make(_materialize(init, shape, dtype))
    out._init = init
    return out

"""Random ops: rand/randn/randint(+_like), uniform, normal, standard_normal, multinomial, randperm,
bernoulli, shuffle. Every draw comes from torch generators, so ``lightspore.set_seed``
makes them reproducible: without an op ``seed`` an op draws from torch's global generator (seeded by
``set_seed``); with one it draws from a generator of its own for (op, seed), created from the global
and op seeds and advancing with every call (reset by ``set_seed``), as the reference's stateful kernels do.
"""
from __future__ import annotations

import numbers

import torch

from ..common import dtype as mstype
from ..common import seed as _seed
from ..common._device import current_device
from ..common.tensor import Tensor
from ._args import _REQ, _attr_prim, _varargs, attr_prim
from ._samples import D, Prop, S, V, f32, i32, pos
from ._table import Primitive, method, op, prim

_GENS = {}


def _reset(_s=None):
    _GENS.clear()


_seed._register_seed_hook(_reset)


def _gen(name, seed, device=None):
    """The generator an op draws from: torch's global one, or one per (op, seed)."""
    if seed is None or seed == 0 and _seed.get_seed() is None:
        return None
    if not isinstance(seed, numbers.Integral) or isinstance(seed, bool):
        raise TypeError(f"For '{name}', 'seed' must be an int, but got {type(seed).__name__}")
    dev = torch.device(device or current_device())
    key = (name, int(seed), str(dev))
    g = _GENS.get(key)
    if g is None:
        g = torch.Generator(device=dev)
        g.manual_seed((int(seed) * 1000003 + (_seed.get_seed() or 0)) % (2**63))
        _GENS[key] = g
    return g


def _size(size, name):
    size = tuple(_varargs(size))
    out = []
    for s in size:
        if isinstance(s, Tensor):
            s = int(s._t.item())
        if not isinstance(s, numbers.Integral) or isinstance(s, bool):
            raise TypeError(f"For '{name}', 'size' must be ints or a tuple of ints, but got {size!r}")
        if s < 0:
            raise ValueError(f"For '{name}', 'size' must be non-negative, but got {size!r}")
        out.append(int(s))
    return tuple(out)


def _fdt(dtype, name, default=torch.float32):
    if dtype is None:
        return default
    t = mstype.to_torch(dtype)
    if not t.is_floating_point:
        raise ValueError(f"For '{name}', 'dtype' must be a float type, but got {dtype}")
    return t


@op(static=("size",), samples=(S(2, 3), S(4, dtype=D('float64'))))
def rand(*size, dtype=None, seed=None):
    return torch.rand(_size(size, "rand"), dtype=_fdt(dtype, "rand"), generator=_gen("rand", seed),
                      device=current_device())


@op(static=("size",), samples=(S(2, 3), S(4, dtype=D('float16'))))
def randn(*size, dtype=None, seed=None):
    return torch.randn(_size(size, "randn"), dtype=_fdt(dtype, "randn"), generator=_gen("randn", seed),
                       device=current_device())


def _int_dt(dtype, name):
    if dtype is None:
        return torch.int64
    t = mstype.to_torch(dtype)
    if t.is_floating_point or t.is_complex or t == torch.bool:
        raise TypeError(f"For '{name}', 'dtype' must be an integer type, but got {dtype}")
    return t


def _check_int(v, name, arg):
    if not isinstance(v, numbers.Integral) or isinstance(v, bool):
        raise TypeError(f"For '{name}', '{arg}' must be an int, but got {type(v).__name__}")


@op(samples=(S(0, 5, (2, 3)), S(-2, 2, (4,), dtype=D('int32'))))
def randint(low, high, size, seed=None, *, dtype=None):
    _check_int(low, "randint", "low")
    _check_int(high, "randint", "high")
    if not isinstance(size, (tuple, list)):
        raise TypeError(f"For 'randint', 'size' must be a tuple, but got {type(size).__name__}")
    if high <= low:
        raise ValueError(f"For 'randint', 'low' must be less than 'high', but got low={low}, high={high}")
    return torch.randint(low, high, _size(tuple(size), "randint"), dtype=_int_dt(dtype, "randint"),
                         generator=_gen("randint", seed), device=current_device())


@op(samples=(S(f32(2, 3)), S(f32(2, 3), dtype=D('float64'))))
def rand_like(input, seed=None, *, dtype=None):
    dt = _fdt(dtype, "rand_like", input.dtype if input.is_floating_point() else torch.float32)
    return torch.rand(input.shape, dtype=dt, generator=_gen("rand_like", seed, input.device), device=input.device)


@op(samples=(S(f32(2, 3)), S(i32(3), dtype=D('float32'))))
def randn_like(input, seed=None, *, dtype=None):
    dt = _fdt(dtype, "randn_like", input.dtype if input.is_floating_point() else torch.float32)
    return torch.randn(input.shape, dtype=dt, generator=_gen("randn_like", seed, input.device),
                       device=input.device)


@op(samples=(S(f32(2, 3), 0, 5), S(i32(3), 0, 5)))
def randint_like(input, low, high, seed=None, *, dtype=None):
    _check_int(low, "randint_like", "low")
    _check_int(high, "randint_like", "high")
    if high <= low:
        raise ValueError(f"For 'randint_like', 'low' must be less than 'high', but got low={low}, high={high}")
    dt = input.dtype if dtype is None else mstype.to_torch(dtype)
    if dt.is_floating_point or dt.is_complex or dt == torch.bool:
        raise ValueError(f"For 'randint_like', the 'dtype' must be an int type, but got {mstype.from_torch(dt)}")
    return torch.randint(low, high, input.shape, dtype=dt, generator=_gen("randint_like", seed, input.device),
                         device=input.device)


def _shape_t(shape, name):
    if isinstance(shape, torch.Tensor):
        shape = tuple(shape.tolist())
    if not isinstance(shape, (tuple, list)):
        raise TypeError(f"For '{name}', 'shape' must be a tuple, but got {type(shape).__name__}")
    return _size(tuple(shape), name)


@op(samples=(S((2, 3), V(0.0), V(1.0)), S((4,), V(0, 'int32'), V(5, 'int32'), None, D('int32'))))
def uniform(shape, minval, maxval, seed=None, dtype=mstype.float32):
    shape = _shape_t(shape, "uniform")
    t = mstype.to_torch(dtype)
    for arg, v in (("minval", minval), ("maxval", maxval)):
        if not isinstance(v, torch.Tensor):
            raise TypeError(f"For 'uniform', '{arg}' must be a Tensor, but got {type(v).__name__}")
    g = _gen("uniform", seed)
    out_shape = torch.broadcast_shapes(shape, minval.shape, maxval.shape)
    if t.is_floating_point:
        u = torch.rand(out_shape, dtype=t, generator=g, device=minval.device)
        return u * (maxval - minval).to(t) + minval.to(t)
    if t not in (torch.int32, torch.int64):
        raise TypeError(f"For 'uniform', 'dtype' must be float16, float32, int32 or int64, but got {dtype}")
    u = torch.rand(out_shape, dtype=torch.float64, generator=g, device=minval.device)
    return (minval + torch.floor(u * (maxval - minval))).to(t)


def _loc_scale(shape, loc, scale, name):
    """``loc`` and ``scale`` as float32 tensors and the shape of the draw: ``shape`` broadcast with both."""
    shape = _shape_t(shape, name)
    loc = torch.as_tensor(loc, dtype=torch.float32)
    scale = torch.as_tensor(scale, dtype=torch.float32)
    return loc, scale, torch.broadcast_shapes(shape, loc.shape, scale.shape)


@op(samples=(S((2, 3), V(0.0), V(1.0)),))
def normal(shape, mean, stddev, seed=None):
    mean, stddev, out_shape = _loc_scale(shape, mean, stddev, "normal")
    z = torch.randn(out_shape, dtype=torch.float32, generator=_gen("normal", seed), device=mean.device)
    return z * stddev + mean


@op(samples=(S((2, 3)),))
def standard_normal(shape, seed=None):
    return torch.randn(_shape_t(shape, "standard_normal"), generator=_gen("standard_normal", seed),
                       device=current_device())


@op(method="multinomial", samples=(S(pos(2, 4), 3), S(pos(4), 2, False)))
def multinomial(input, num_samples, replacement=True, seed=None):
    if not input.is_floating_point():
        raise TypeError(f"For 'multinomial', 'input' must be a float tensor, but got {mstype.from_torch(input.dtype)}")
    r = torch.multinomial(input, num_samples, replacement, generator=_gen("multinomial", seed, input.device))
    return r.to(torch.int32)      # the reference returns int32 indices


@op(samples=(S(5), S(6, 0, 0, D('int32'))))
def randperm(n, seed=0, offset=0, dtype=mstype.int64):
    _check_int(n, "randperm", "n")
    if n < 0:
        raise ValueError(f"For 'randperm', 'n' must be non-negative, but got {n}")
    g = _gen("randperm", seed)
    return torch.randperm(n, generator=g, device=current_device()).to(mstype.to_torch(dtype))


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 0.3)))
def bernoulli(input, p=0.5, seed=None):
    if isinstance(p, torch.Tensor):
        p = p.to(torch.float32).expand(input.shape)
    else:
        p = torch.full(input.shape, float(p), dtype=torch.float32, device=input.device)
    return torch.bernoulli(p, generator=_gen("bernoulli", seed, input.device)).to(input.dtype)


@op(samples=(S(f32(4, 2)),))
def shuffle(x, seed=None):
    idx = torch.randperm(x.shape[0], generator=_gen("shuffle", seed), device=x.device) if x.ndim else None
    return x[idx] if idx is not None else x.clone()


attr_prim("StandardNormal", None, {"seed": 0, "seed2": 0},
          call=lambda self, shape: standard_normal(shape, self.seed or None))


@prim("UniformReal")
class UniformReal(Primitive):
    def __init__(self, seed=0, seed2=0):
        super().__init__("UniformReal")
        self.seed, self.seed2 = seed, seed2

    def __call__(self, shape):
        g = _gen("UniformReal", self.seed or None)
        return Tensor._make(torch.rand(_shape_t(shape, "UniformReal"), generator=g, device=current_device()))


@prim("Multinomial")
class Multinomial(Primitive):
    def __init__(self, seed=0, seed2=0, dtype=mstype.int32):
        super().__init__("Multinomial")
        self.seed, self.seed2, self.dtype = seed, seed2, dtype

    def __call__(self, x, num_samples):
        r = multinomial(x, num_samples, True, self.seed or None)
        return Tensor._make(r._t.to(mstype.to_torch(self.dtype)))


@op(samples=(S((2, 3)),))
def standard_laplace(shape, seed=None):
    shape = _shape_t(shape, "standard_laplace")
    u = torch.rand(shape, generator=_gen("standard_laplace", seed), device=current_device()) - 0.5
    return -torch.sign(u) * torch.log1p(-2 * u.abs())


@op(samples=(S((2, 3), V(0.0), V(1.0)),))
def laplace(shape, mean, lambda_param, seed=None):
    mean, lam, out_shape = _loc_scale(shape, mean, lambda_param, "laplace")
    u = torch.rand(out_shape, generator=_gen("laplace", seed), device=mean.device) - 0.5
    return mean - lam * torch.sign(u) * torch.log1p(-2 * u.abs())


@op(method="random_categorical", samples=(S(f32(2, 4), 3),))
def random_categorical(logits, num_sample, seed=0, dtype=mstype.int64):
    p = torch.softmax(logits.to(torch.float32), -1)
    r = torch.multinomial(p, num_sample, True, generator=_gen("random_categorical", seed, logits.device))
    return r.to(mstype.to_torch(dtype))


attr_prim("StandardLaplace", None, {"seed": 0, "seed2": 0},
          call=lambda self, shape: standard_laplace(shape, self.seed or None))


def _gamma_draw(alpha, g):
    if g is None:
        return torch._standard_gamma(alpha)
    with torch.random.fork_rng(devices=[]):     # _standard_gamma has no generator argument
        torch.manual_seed(int(torch.randint(0, 2**62, (), generator=g)))
        return torch._standard_gamma(alpha)


@op(samples=(S((2, 3), pos(2)), S(V([2, 3], "int32"), pos(2))))
def random_gamma(shape, alpha, seed=None):
    if not isinstance(shape, torch.Tensor):     # the reference takes the shape as a Tensor only
        raise TypeError(f"For 'random_gamma', 'shape' must be a Tensor, but got {type(shape).__name__}.")
    shape = _shape_t(shape, "random_gamma")
    a = alpha.expand(tuple(shape) + tuple(alpha.shape)).contiguous()
    return _gamma_draw(a, _gen("random_gamma", seed))


@op(samples=(S((2, 3), pos(2)), S(V([2, 3], "int32"), pos(2))))
def random_poisson(shape, rate, seed=None, dtype=mstype.float32):
    if not isinstance(shape, torch.Tensor):     # the reference takes the shape as a Tensor only
        raise TypeError(f"For 'random_poisson', the input argument[shape] must be a Tensor of Int32 or Int64, but "
                        f"got {type(shape).__name__}.")
    shape = _shape_t(shape, "random_poisson")
    r = rate.to(torch.float32).expand(tuple(shape) + tuple(rate.shape)).contiguous()
    return torch.poisson(r, generator=_gen("random_poisson", seed)).to(mstype.to_torch(dtype))


@op(samples=(Prop("drawn_from", V([[0.0, 1.0, 2.0, 0.0], [3.0, 0.0, 0.0, 1.0]]), V(5, "int64"), V(0, "int64"), 6, True),
             Prop("drawn_from", V([0.5, 0.0, 1.0]), V(1, "int64"), V(2, "int64"), 2)))
def multinomial_with_replacement(x, seed, offset, numsamples, replacement=False):
    s = int(seed.item()) if isinstance(seed, torch.Tensor) else int(seed)
    o = int(offset.item()) if isinstance(offset, torch.Tensor) else int(offset)
    g = _gen("multinomial_with_replacement", s * 7919 + o) if (s or o) else None
    return torch.multinomial(x, numsamples, replacement, generator=g)


# ---------------------------------------------------------------------------------------------
# more distributions: gamma/poisson (functional and primitive), truncated normal, uniform ints,
# Cauchy, log-normal, Bernoulli and permutation primitives, and the Tensor's random fills
# ---------------------------------------------------------------------------------------------


def _bshape(*shapes):
    return tuple(torch.broadcast_shapes(*[tuple(s) for s in shapes]))


@op(samples=(S((2, 3), V(1.0), V(2.0)),))
def gamma(shape, alpha, beta, seed=None):
    """Gamma(alpha, beta) samples (``beta``: the rate); shape ``shape`` broadcast with alpha and beta."""
    shape = _shape_t(shape, "gamma")
    out = _bshape(shape, alpha.shape, beta.shape)
    a = alpha.to(torch.float32).expand(out).contiguous()
    return _gamma_draw(a, _gen("gamma", seed)) / beta.to(torch.float32)


@op(samples=(S((2, 3), V(2.0)),))
def poisson(shape, mean, seed=None):
    """Poisson(mean) samples of shape ``shape`` broadcast with ``mean`` (float32)."""
    shape = _shape_t(shape, "poisson")
    m = mean.to(torch.float32).expand(_bshape(shape, mean.shape)).contiguous()
    return torch.poisson(m, generator=_gen("poisson", seed))


class _Seeded(Primitive):
    def __init__(self, name, seed=0, seed2=0):
        super().__init__(name)
        self.seed, self.seed2 = seed, seed2

    def _g(self, device=None):
        s = self.seed * 1000003 + self.seed2 if (self.seed or self.seed2) else None
        return _gen(self.name, s, device)


def _shape_of(shape, name):
    return tuple(shape._t.tolist()) if isinstance(shape, Tensor) else _shape_t(shape, name)


@prim("Gamma")
class Gamma(_Seeded):
    """Gamma(alpha, beta) samples of shape ``broadcast(shape, alpha, beta)``."""

    def __init__(self, seed=0, seed2=0):
        super().__init__("Gamma", seed, seed2)

    def __call__(self, shape, alpha, beta):
        a, b = alpha._t.to(torch.float32), beta._t.to(torch.float32)
        out = _bshape(_shape_of(shape, "Gamma"), a.shape, b.shape)
        s = _gamma_draw(a.expand(out).contiguous(), self._g())
        return Tensor._make(s / b)


@prim("Poisson")
class Poisson(_Seeded):
    """Poisson(mean) samples of shape ``shape`` (int32)."""

    def __init__(self, seed=0, seed2=0):
        super().__init__("Poisson", seed, seed2)

    def __call__(self, shape, mean):
        m = mean._t.to(torch.float32)
        out = _bshape(_shape_of(shape, "Poisson"), m.shape)
        return Tensor._make(torch.poisson(m.expand(out).contiguous(), generator=self._g()).to(torch.int32))


@prim("UniformInt")
class UniformInt(_Seeded):
    """Integers uniform on ``[minval, maxval)`` (int32)."""

    def __init__(self, seed=0, seed2=0):
        super().__init__("UniformInt", seed, seed2)

    def __call__(self, shape, minval, maxval):
        lo, hi = int(minval._t.item()), int(maxval._t.item())
        if lo >= hi:
            raise ValueError(f"For 'UniformInt', 'minval' must be less than 'maxval', but got {lo} and {hi}.")
        return Tensor._make(torch.randint(lo, hi, _shape_of(shape, "UniformInt"), dtype=torch.int32,
                                          generator=self._g(), device=current_device()))


@prim("TruncatedNormal")
class TruncatedNormal(_Seeded):
    """Standard normal samples truncated to [-2, 2]."""

    def __init__(self, dtype=mstype.float32, seed=0, seed2=0):
        super().__init__("TruncatedNormal", seed, seed2)
        self.dtype = dtype

    def __call__(self, shape):
        out = torch.empty(_shape_of(shape, "TruncatedNormal"), dtype=torch.float32, device=current_device())
        g = self._g()
        n = out.numel()
        flat = out.view(-1)
        filled = 0
        while filled < n:
            z = torch.randn(max(2 * (n - filled), 16), generator=g, device=out.device)
            z = z[z.abs() <= 2][: n - filled]
            flat[filled:filled + z.numel()] = z
            filled += z.numel()
        return Tensor._make(out.to(mstype.to_torch(self.dtype)))


attr_prim("RandomCategorical", random_categorical, {"dtype": mstype.int64})


@prim("Bernoulli")
class Bernoulli(Primitive):
    """0/1 samples shaped like ``x`` with probability ``p`` (a float or a tensor broadcast to x)."""

    def __init__(self, seed=-1, offset=0):
        super().__init__("Bernoulli")
        self.seed, self.offset = seed, offset

    def __call__(self, x, p):
        t = x._t
        pt = p._t if isinstance(p, Tensor) else torch.tensor(float(p))
        probs = pt.to(torch.float32).expand(t.shape).contiguous()
        g = _gen("Bernoulli", self.seed * 7919 + self.offset) if self.seed not in (-1, None) else None
        return Tensor._make(torch.bernoulli(probs, generator=g).to(t.dtype))


@prim("Randperm")
class Randperm(Primitive):
    """A random permutation of 0..n-1, padded with ``pad`` to ``max_length``."""

    def __init__(self, max_length=1, pad=-1, dtype=mstype.int32):
        super().__init__("Randperm")
        self.max_length, self.pad, self.dtype = max_length, pad, dtype

    def __call__(self, n):
        k = int(n._t.reshape(-1)[0].item())
        if k > self.max_length:
            raise ValueError(f"For 'Randperm', n ({k}) must not exceed 'max_length' ({self.max_length}).")
        r = torch.full((self.max_length,), self.pad, dtype=torch.int64, device=current_device())
        r[:k] = torch.randperm(k, device=current_device())
        return Tensor._make(r.to(mstype.to_torch(self.dtype)))


@prim("RandomShuffle")
class RandomShuffle(_Seeded):
    """``x`` with its first dimension randomly permuted."""

    def __init__(self, seed=0, seed2=0):
        super().__init__("RandomShuffle", seed, seed2)

    def __call__(self, x):
        t = x._t
        if t.dim() == 0:
            return Tensor._make(t.clone())
        return Tensor._make(t[torch.randperm(t.shape[0], generator=self._g(), device=t.device)])


@prim("Cauchy")
class Cauchy(Primitive):
    """Cauchy(median, sigma) samples of shape ``size`` (float32)."""

    def __init__(self, size, median=0.0, sigma=1.0):
        super().__init__("Cauchy")
        self.size, self.median, self.sigma = size, median, sigma

    def __call__(self):
        out = torch.empty(tuple(self.size), dtype=torch.float32, device=current_device())
        return Tensor._make(out.cauchy_(self.median, self.sigma))


_attr_prim("LogNormalReverse", [("mean", 1.0), ("std", 2.0)], lambda s, input: torch.empty_like(input).log_normal_(
    s.mean, s.std), "Log-normal(mean, std) samples shaped like ``input``.")


# Tensor random fills (in place) and draws
@method("normal_")
def _t_normal_(self, mean=0, std=1, *, generator=None):
    self._t.normal_(float(mean), float(std))
    return self


@method("uniform_")
def _t_uniform_(self, from_=0, to=1, *, generator=None):
    self._t.uniform_(float(from_), float(to))
    return self


@method("random_")
def _t_random_(self, from_=0, to=None, *, generator=None):
    if to is None:
        self._t.random_(int(from_)) if from_ else self._t.random_()
    else:
        self._t.random_(int(from_), int(to))
    return self


@method("exponential_")
def _t_exponential_(self, lambd=1, *, generator=None):
    self._t.exponential_(float(lambd))
    return self


@method("bernoulli_")
def _t_bernoulli_(self, p=0.5, *, generator=None):
    self._t.bernoulli_(p._t if isinstance(p, Tensor) else float(p))
    return self


@method("bernoulli")
def _t_bernoulli(self, *, generator=None):
    return Tensor._make(torch.bernoulli(self._t))


@method("cauchy")
def _t_cauchy(self, median=0.0, sigma=1.0):
    return Tensor._make(torch.empty_like(self._t).cauchy_(median, sigma))


@method("log_normal")
def _t_log_normal(self, mean=1.0, std=2.0):
    return Tensor._make(torch.empty_like(self._t).log_normal_(mean, std))


@method("uniform")
def _t_uniform(self, from_=0.0, to=1.0, generator=None):
    return Tensor._make(torch.empty_like(self._t).uniform_(float(from_), float(to)))


@prim("RandomGamma")
class RandomGamma(_Seeded):
    """Gamma(alpha) samples of shape ``shape + alpha.shape``."""

    def __init__(self, seed=0, seed2=0):
        super().__init__("RandomGamma", seed, seed2)

    def __call__(self, shape, alpha):
        a = alpha._t
        out = _shape_of(shape, "RandomGamma") + tuple(a.shape)
        return Tensor._make(_gamma_draw(a.expand(out).contiguous(), self._g()))


@prim("RandomPoisson")
class RandomPoisson(_Seeded):
    """Poisson(rate) samples of shape ``shape + rate.shape``."""

    def __init__(self, seed=0, seed2=0, dtype=mstype.int64):
        super().__init__("RandomPoisson", seed, seed2)
        self.dtype = dtype

    def __call__(self, shape, rate):
        r = rate._t.to(torch.float32)
        out = _shape_of(shape, "RandomPoisson") + tuple(r.shape)
        return Tensor._make(torch.poisson(r.expand(out).contiguous(), generator=self._g()).to(
            mstype.to_torch(self.dtype)))


attr_prim("MultinomialWithReplacement", multinomial_with_replacement, {"numsamples": _REQ, "replacement": False})


# functional forms of the in-place random fills (return the input)
@op(samples=(S(V([0.0, 1.0, 1.0, 0.0])),))
def bernoulli_ext(input, *, generator=None):
    """0/1 samples with the probabilities in ``input``."""
    return torch.bernoulli(input)


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 0.3)))
def bernoulli_(input, p=0.5, *, generator=None):
    """Fill ``input`` with Bernoulli(p) 0/1 samples in place."""
    return input.bernoulli_(p)


@op(samples=(S(f32(2, 3)),))
def exponential_(input, lambd=1, *, generator=None):
    """Fill ``input`` with Exponential(lambd) samples in place."""
    return input.exponential_(float(lambd))


@op(samples=(S(f32(2, 3)),))
def normal_(input, mean=0, std=1, *, generator=None):
    """Fill ``input`` with Normal(mean, std) samples in place."""
    return input.normal_(float(mean), float(std))


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 0, 5)))
def random_(input, from_=0, to=None, *, generator=None):
    """Fill ``input`` with integers uniform on ``[from_, to)`` in place."""
    return input.random_(int(from_), int(to)) if to is not None else input.random_(int(from_)) if from_ else \
        input.random_()


@op(samples=(S(f32(2, 3)), S(f32(2, 3), -1, 1)))
def uniform_(input, from_=0, to=1, *, generator=None):
    """Fill ``input`` with Uniform(from_, to) samples in place."""
    return input.uniform_(float(from_), float(to))

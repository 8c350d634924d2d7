"""Random draws of the distributions, from the generators the random ops use (``ops._random``): with seed 0 and
no global seed, torch's global generator; else one per (op, seed) seeded from the global and op seeds."""
import torch

from .....ops._random import _gamma_draw, _gen


def uniform(shape, seed, dtype=torch.float32):
    """U[0, 1) of ``shape``."""
    return torch.rand(shape, dtype=dtype, generator=_gen("uniform", seed))


def normal(shape, mean, sd, seed):
    """N(mean, sd) of ``shape`` (reparameterised: differentiable in mean and sd)."""
    z = torch.randn(shape, dtype=torch.float32, generator=_gen("normal", seed))
    return z * sd + mean


def gamma(shape, alpha, rate, seed):
    """Gamma(alpha, rate) of ``shape`` (reparameterised in alpha by torch's implicit gradient)."""
    a = torch.broadcast_to(alpha.to(torch.float32), shape).contiguous()
    return _gamma_draw(a, _gen("gamma", seed)) / rate.to(torch.float32)


def poisson(shape, rate, seed):
    """Poisson(rate) of ``shape``."""
    r = torch.broadcast_to(rate.to(torch.float32), shape).contiguous()
    return torch.poisson(r.detach(), generator=_gen("poisson", seed))


def multinomial(probs_2d, num_samples, seed):
    """``num_samples`` class indices per row of ``probs_2d`` (with replacement)."""
    return torch.multinomial(probs_2d.detach(), num_samples, True, generator=_gen("multinomial", seed))

"""Cauchy distribution (mean, sd and var are undefined: ValueError)."""
import math

import torch

from ....common import dtype as mstype
from ._loc_scale import LocScale
from ._utils import sampling
from ._utils.custom_ops import exp_generic, log1p_generic, log_generic  # noqa: F401 - names of the reference's
from ._utils.utils import (
    check_distribution_name,
    check_greater_zero,  # noqa: F401 - a name of the reference's module
    raise_not_defined,
)
from .distribution import Distribution  # noqa: F401 - a name of the reference's module
from .normal import _up

__all__ = ["Cauchy"]


class Cauchy(LocScale):
    """Cauchy distribution with parameters ``loc`` and ``scale`` (> 0)."""

    _DIST_TYPE = "Cauchy"

    def __init__(self, loc=None, scale=None, seed=None, dtype=mstype.float32, name="Cauchy"):
        self._start(locals(), 'loc', 'scale')
        self._add_loc_scale(loc, scale)
        self.entropy_const = math.log(4 * math.pi)

    def _mean(self, *args, **kwargs):
        return raise_not_defined('mean', 'Cauchy', *args, **kwargs)

    def _sd(self, *args, **kwargs):
        return raise_not_defined('standard deviation', 'Cauchy', *args, **kwargs)

    def _var(self, *args, **kwargs):
        return raise_not_defined('variance', 'Cauchy', *args, **kwargs)

    def _entropy(self, loc=None, scale=None):
        _, scale = self._check_param_type(loc, scale)
        return torch.log(scale) + self.entropy_const

    def _log_prob(self, value, loc=None, scale=None):
        z, scale = self._z(value, loc, scale)
        return -torch.log(torch.square(z) + 1.0) - torch.log(math.pi * scale)

    def _cdf(self, value, loc=None, scale=None):
        z, _ = self._z(value, loc, scale)
        return torch.atan(z) / math.pi + 0.5

    def _log_cdf(self, value, loc=None, scale=None):
        z, _ = self._z(value, loc, scale)
        return _up(torch.log(2. * torch.atan(z) / math.pi + 1.0)) - math.log(2.)

    def _quantile(self, p, loc=None, scale=None):
        loc, scale = self._check_param_type(loc, scale)
        return loc + scale * torch.tan(math.pi * (p - 0.5))

    def _kl_loss(self, dist, loc_b, scale_b, loc_a=None, scale_a=None):
        check_distribution_name(dist, 'Cauchy')
        loc_b = self._check_other(loc_b, 'loc_b')
        scale_b = self._check_other(scale_b, 'scale_b')
        loc_a, scale_a = self._check_param_type(loc_a, scale_a)
        sum_square = torch.square(scale_a + scale_b)
        square_diff = torch.square(loc_a - loc_b)
        return _up(torch.log(sum_square + square_diff)) - math.log(4.0) - torch.log(scale_a) - torch.log(scale_b)

    def _cross_entropy(self, dist, loc_b, scale_b, loc_a=None, scale_a=None):
        check_distribution_name(dist, 'Cauchy')
        return self._entropy(loc_a, scale_a) + self._kl_loss(dist, loc_b, scale_b, loc_a, scale_a)

    def _sample(self, shape=(), loc=None, scale=None):
        loc_t, scale_t = self._check_param_type(loc, scale)
        draw_shape, drop = self._sample_shape(shape, (loc_t + scale_t).shape)
        value = self._quantile(sampling.uniform(draw_shape, self.seed), loc, scale).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

"""Normal (Gaussian) distribution."""
import math

import torch

from ....common import dtype as mstype
from ....common.tensor import Tensor
from ._utils import sampling
from ._utils.utils import check_distribution_name, check_greater_zero
from .distribution import Distribution

__all__ = ["Normal"]

_HALF_LOG_2PI = 0.5 * math.log(2. * math.pi)


_WIDE = (torch.float32, torch.float64)


def _up(t):
    """``t`` in at least float32: the reference's float32 constants promote float16 results."""
    return t if t.dtype in _WIDE else t.to(torch.promote_types(t.dtype, torch.float32))


def _add_mean_sd(dist, mean, sd):
    """Record the ``mean`` and ``sd`` (> 0) parameters of Normal, HalfNormal, Laplace and StudentT."""
    dist._mean_value = dist._add_parameter(mean, 'mean')
    dist._sd_value = dist._add_parameter(sd, 'sd')
    if dist._sd_value is not None:
        check_greater_zero(dist._sd_value, "Standard deviation")


class Normal(Distribution):
    """Normal distribution with parameters ``mean`` and ``sd`` (> 0)."""

    _REPR = (('mean', '_mean_value'), ('standard deviation', '_sd_value'))
    _DIST_TYPE = "Normal"

    def __init__(self, mean=None, sd=None, seed=None, dtype=mstype.float32, name="Normal"):
        self._start(locals(), 'mean', 'sd')
        _add_mean_sd(self, mean, sd)
        self.coff = Tensor(-_HALF_LOG_2PI, dtype=dtype)

    def _get_dist_args(self, mean=None, sd=None):
        return self._dist_args(mean, sd)

    def _mean(self, mean=None, sd=None):
        return self._check_param_type(mean, sd)[0]

    def _mode(self, mean=None, sd=None):
        return self._check_param_type(mean, sd)[0]

    def _sd(self, mean=None, sd=None):
        return self._check_param_type(mean, sd)[1]

    def _entropy(self, mean=None, sd=None):
        _, sd = self._check_param_type(mean, sd)
        return math.log(math.sqrt(math.e * 2. * math.pi)) + _up(torch.log(sd))

    def _cross_entropy(self, dist, mean_b, sd_b, mean=None, sd=None):
        check_distribution_name(dist, 'Normal')
        return self._entropy(mean, sd) + self._kl_loss(dist, mean_b, sd_b, mean, sd)

    def _log_prob(self, value, mean=None, sd=None):
        value = self._cast_value(value)
        mean, sd = self._check_param_type(mean, sd)
        return -0.5 * torch.square((value - mean) / sd) + (self.coff._t - torch.log(sd))

    def _cdf(self, value, mean=None, sd=None):
        value = self._cast_value(value)
        mean, sd = self._check_param_type(mean, sd)
        return 0.5 * (1.0 + torch.erf(_up(value - mean) / (_up(sd) * math.sqrt(2.0))))

    def _kl_loss(self, dist, mean_b, sd_b, mean=None, sd=None):
        check_distribution_name(dist, 'Normal')
        mean_b = self._check_other(mean_b, 'mean_b')
        sd_b = self._check_other(sd_b, 'sd_b')
        mean_a, sd_a = self._check_param_type(mean, sd)
        diff_log_scale = torch.log(sd_a) - torch.log(sd_b)
        squared_diff = torch.square(mean_a / sd_b - mean_b / sd_b)
        return 0.5 * squared_diff + 0.5 * torch.expm1(2 * diff_log_scale) - diff_log_scale

    def _sample(self, shape=(), mean=None, sd=None):
        mean, sd = self._check_param_type(mean, sd)
        draw_shape, drop = self._sample_shape(shape, (mean + sd).shape)
        value = sampling.normal(draw_shape, mean, sd, self.seed).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

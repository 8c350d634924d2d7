"""Exponential distribution."""
import torch

from ....common import dtype as mstype
from ._utils import sampling
from ._utils.custom_ops import exp_generic, log_generic  # noqa: F401 - names of the reference's module
from ._utils.utils import check_distribution_name, check_greater_zero, read_only
from .distribution import Distribution

__all__ = ["Exponential"]


class Exponential(Distribution):
    """Exponential distribution with parameter ``rate`` (> 0)."""

    _REPR = (('rate', 'rate'),)
    _DIST_TYPE = "Exponential"

    def __init__(self, rate=None, seed=None, dtype=mstype.float32, name="Exponential"):
        self._start(locals(), 'rate')
        self._rate = self._add_checked(rate, 'rate', check_greater_zero, 'rate')

    rate = read_only('_rate', "The rate given at construction (a Tensor), or None.")

    def _get_dist_args(self, rate=None):
        return self._dist_args(rate)

    def _mean(self, rate=None):
        return 1.0 / self._check_param_type(rate)

    def _mode(self, rate=None):
        rate = self._check_param_type(rate)
        return torch.zeros(rate.shape, dtype=mstype.to_torch(self.dtype))

    def _sd(self, rate=None):
        return 1.0 / self._check_param_type(rate)

    def _entropy(self, rate=None):
        return 1.0 - torch.log(self._check_param_type(rate))

    def _cross_entropy(self, dist, rate_b, rate=None):
        check_distribution_name(dist, 'Exponential')
        return self._entropy(rate) + self._kl_loss(dist, rate_b, rate)

    def _log_prob(self, value, rate=None):
        value = self._cast_value(value)
        rate = self._check_param_type(rate)
        prob = torch.log(rate) - rate * value
        return torch.where(value < 0, torch.full_like(prob, -float('inf')), prob)

    def _cdf(self, value, rate=None):
        value = self._cast_value(value)
        rate = self._check_param_type(rate)
        cdf = 1.0 - torch.exp(-1. * rate * value)
        return torch.where(value < 0, torch.zeros_like(cdf), cdf)

    def _log_survival(self, value, rate=None):
        value = self._cast_value(value)
        rate = self._check_param_type(rate)
        sf = -1. * rate * value
        return torch.where(value < 0, torch.zeros_like(sf), sf)

    def _kl_loss(self, dist, rate_b, rate=None):
        check_distribution_name(dist, 'Exponential')
        rate_b = self._check_other(rate_b, 'rate_b')
        rate_a = self._check_param_type(rate)
        return torch.log(rate_a) - torch.log(rate_b) + rate_b / rate_a - 1.0

    def _sample(self, shape=(), rate=None):
        rate = self._check_param_type(rate)
        draw_shape, drop = self._sample_shape(shape, rate.shape)
        value = (-torch.log(sampling.uniform(draw_shape, self.seed)) / rate).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

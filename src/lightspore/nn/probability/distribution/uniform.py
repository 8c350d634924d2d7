"""Uniform distribution on [low, high)."""
import torch

from ....common import dtype as mstype
from ._utils import sampling
from ._utils.custom_ops import exp_generic, log_generic  # noqa: F401 - names of the reference's module
from ._utils.utils import check_distribution_name, check_greater, read_only
from .distribution import Distribution

__all__ = ["Uniform"]


class Uniform(Distribution):
    """Uniform distribution with parameters ``low`` < ``high``."""

    _REPR = (('low', 'low'), ('high', 'high'))
    _DIST_TYPE = "Uniform"

    def __init__(self, low=None, high=None, seed=None, dtype=mstype.float32, name="Uniform"):
        self._start(locals(), 'low', 'high')
        self._low = self._add_parameter(low, 'low')
        self._high = self._add_parameter(high, 'high')
        if self.low is not None and self.high is not None:
            check_greater(self.low, self.high, 'low', 'high')

    low = read_only('_low', "The lower bound given at construction (a Tensor), or None.")

    high = read_only('_high', "The upper bound given at construction (a Tensor), or None.")

    def _get_dist_args(self, low=None, high=None):
        return self._dist_args(low, high)

    def _mean(self, low=None, high=None):
        low, high = self._check_param_type(low, high)
        return (low + high) / 2.

    def _var(self, low=None, high=None):
        low, high = self._check_param_type(low, high)
        return torch.square(high - low) / 12.0

    def _entropy(self, low=None, high=None):
        low, high = self._check_param_type(low, high)
        return torch.log(high - low)

    def _cross_entropy(self, dist, low_b, high_b, low=None, high=None):
        check_distribution_name(dist, 'Uniform')
        return self._entropy(low, high) + self._kl_loss(dist, low_b, high_b, low, high)

    def _prob(self, value, low=None, high=None):
        value = self._cast_value(value)
        low, high = self._check_param_type(low, high)
        neg_ones = torch.full(value.shape, -1.0, dtype=mstype.to_torch(self.dtype))
        prob = torch.exp(neg_ones * torch.log(high - low))
        zeros = torch.zeros_like(prob)
        return torch.where(value <= high, torch.where(value < low, zeros, prob), zeros)

    def _kl_loss(self, dist, low_b, high_b, low=None, high=None):
        check_distribution_name(dist, 'Uniform')
        low_b = self._check_other(low_b, 'low_b')
        high_b = self._check_other(high_b, 'high_b')
        low_a, high_a = self._check_param_type(low, high)
        kl = torch.log(high_b - low_b) - torch.log(high_a - low_a)
        inside = torch.logical_and(low_b <= low_a, high_a <= high_b)
        return torch.where(inside, kl, torch.full_like(kl, float('inf')))

    def _cdf(self, value, low=None, high=None):
        value = self._cast_value(value)
        low, high = self._check_param_type(low, high)
        prob = (value - low) / (high - low)
        return torch.where(value < high, torch.where(value < low, torch.zeros_like(prob), prob),
                           torch.ones_like(prob))

    def _sample(self, shape=(), low=None, high=None):
        low, high = self._check_param_type(low, high)
        draw_shape, drop = self._sample_shape(shape, (low + high).shape)
        value = ((high - low) * sampling.uniform(draw_shape, self.seed) + low).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

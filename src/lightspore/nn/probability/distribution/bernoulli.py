"""Bernoulli distribution."""
import torch

from ....common import dtype as mstype
from ._utils import sampling
from ._utils.custom_ops import _log, exp_generic, log_generic  # noqa: F401 - names of the reference's module
from ._utils.utils import _clamp_probs, check_distribution_name, check_prob, check_type_name, clamp_probs, read_only  # noqa: F401
from .distribution import Distribution

__all__ = ["Bernoulli"]

_NUMBER_TYPES = mstype.int_type + mstype.uint_type + mstype.float_type


class Bernoulli(Distribution):
    """Bernoulli distribution with ``probs`` (0 < probs < 1) the probability of 1; values and samples have
    ``dtype`` (int32 by default)."""

    _REPR = (('probs', 'probs'),)
    _DIST_TYPE = "Bernoulli"

    def __init__(self, probs=None, seed=None, dtype=mstype.int32, name="Bernoulli"):
        self._start(locals(), 'probs', dtypes=_NUMBER_TYPES)
        self._probs = self._add_checked(probs, 'probs', check_prob)

    probs = read_only('_probs', "The probability of 1 given at construction (a Tensor), or None.")

    def _get_dist_args(self, probs1=None):
        return self._dist_args(probs1)

    def _mean(self, probs1=None):
        return self._check_param_type(probs1)

    def _mode(self, probs1=None):
        probs1 = self._check_param_type(probs1)
        return (0.5 < probs1).to(mstype.to_torch(self.dtype))

    def _var(self, probs1=None):
        probs1 = self._check_param_type(probs1)
        return torch.exp(_log(1.0 - probs1) + _log(probs1))

    def _entropy(self, probs1=None):
        probs1 = self._check_param_type(probs1)
        probs0 = 1.0 - probs1
        return -(probs0 * _log(probs0)) - (probs1 * _log(probs1))

    def _cross_entropy(self, dist, probs1_b, probs1=None):
        check_distribution_name(dist, 'Bernoulli')
        return self._entropy(probs1) + self._kl_loss(dist, probs1_b, probs1)

    def _log_prob(self, value, probs1=None):
        value = self._cast_value(value, to=self.parameter_type)
        probs1 = _clamp_probs(self._check_param_type(probs1))
        return _log(probs1) * value + _log(1.0 - probs1) * (1.0 - value)

    def _cdf(self, value, probs1=None):
        value = torch.floor(self._cast_value(value, to=self.parameter_type))
        probs1 = self._check_param_type(probs1)
        shape = (value * probs1).shape
        value = torch.broadcast_to(value, shape)
        probs0 = torch.broadcast_to(1.0 - probs1, shape)
        zeros, ones = torch.zeros_like(probs0), torch.ones_like(probs0)
        return torch.where(value < 1.0, torch.where(value < 0.0, zeros, probs0), ones)

    def _kl_loss(self, dist, probs1_b, probs1=None):
        check_distribution_name(dist, 'Bernoulli')
        probs1_b = self._check_other(probs1_b, 'probs1_b')
        probs1_a = self._check_param_type(probs1)
        probs0_a, probs0_b = 1.0 - probs1_a, 1.0 - probs1_b
        return probs1_a * _log(probs1_a / probs1_b) + probs0_a * _log(probs0_a / probs0_b)

    def _sample(self, shape=(), probs1=None):
        probs1 = self._check_param_type(probs1)
        draw_shape, drop = self._sample_shape(shape, probs1.shape)
        value = (sampling.uniform(draw_shape, self.seed) < probs1).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

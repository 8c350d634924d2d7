"""Geometric distribution: the number of failures before the first success."""
import torch

from ....common import dtype as mstype
from ._utils import sampling
from ._utils.custom_ops import _log, exp_generic, log_generic  # noqa: F401 - names of the reference's module
from ._utils.utils import check_distribution_name, check_prob, read_only
from .distribution import Distribution

__all__ = ["Geometric"]


class Geometric(Distribution):
    """Geometric distribution with success probability ``probs`` (0 < probs < 1); values and samples have
    ``dtype`` (int32 by default)."""

    _REPR = (('probs', 'probs'),)
    _DIST_TYPE = "Geometric"

    def __init__(self, probs=None, seed=None, dtype=mstype.int32, name="Geometric"):
        self._start(locals(), 'probs', dtypes=mstype.int_type + mstype.uint_type + mstype.float_type)
        self._probs = self._add_checked(probs, 'probs', check_prob)

    probs = read_only('_probs', "The success probability given at construction (a Tensor), or None.")

    def _get_dist_args(self, probs1=None):
        return self._dist_args(probs1)

    def _mean(self, probs1=None):
        probs1 = self._check_param_type(probs1)
        return (1. - probs1) / probs1

    def _mode(self, probs1=None):
        probs1 = self._check_param_type(probs1)
        return torch.zeros(probs1.shape, dtype=mstype.to_torch(self.dtype))

    def _var(self, probs1=None):
        probs1 = self._check_param_type(probs1)
        return (1.0 - probs1) / torch.square(probs1)

    def _entropy(self, probs1=None):
        probs1 = self._check_param_type(probs1)
        probs0 = 1.0 - probs1
        return (-probs0 * _log(probs0) - probs1 * _log(probs1)) / probs1

    def _cross_entropy(self, dist, probs1_b, probs1=None):
        check_distribution_name(dist, 'Geometric')
        return self._entropy(probs1) + self._kl_loss(dist, probs1_b, probs1)

    def _prob(self, value, probs1=None):
        value = torch.floor(self._cast_value(value, to=self.parameter_type))
        probs1 = self._check_param_type(probs1)
        pmf = torch.exp(_log(1.0 - probs1) * value + _log(probs1))
        return torch.where(value < 0, torch.zeros_like(pmf), pmf)

    def _cdf(self, value, probs1=None):
        value = torch.floor(self._cast_value(value, to=self.parameter_type))
        probs1 = self._check_param_type(probs1)
        cdf = 1.0 - torch.pow(1.0 - probs1, value + 1.0)
        return torch.where(value < 0, torch.zeros_like(cdf), cdf)

    def _kl_loss(self, dist, probs1_b, probs1=None):
        check_distribution_name(dist, 'Geometric')
        probs1_b = self._check_other(probs1_b, 'probs1_b')
        probs1_a = self._check_param_type(probs1)
        probs0_a, probs0_b = 1.0 - probs1_a, 1.0 - probs1_b
        return _log(probs1_a / probs1_b) + (probs0_a / probs1_a) * _log(probs0_a / probs0_b)

    def _sample(self, shape=(), probs1=None):
        probs1 = self._check_param_type(probs1)
        draw_shape, drop = self._sample_shape(shape, probs1.shape)
        u = sampling.uniform(draw_shape, self.seed)
        value = torch.floor(_log(u) / _log(1.0 - probs1)).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

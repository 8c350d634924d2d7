"""Gamma distribution (shape ``concentration``, inverse scale ``rate``)."""
import torch

from ....common import dtype as mstype
from ....common.tensor import Tensor
from ...layer.math import DiGamma
from ._utils import sampling
from ._utils.custom_ops import _igamma, log_generic  # noqa: F401 - log_generic: a name of the reference's module
from ._utils.utils import check_distribution_name, check_greater_zero, check_type_name, read_only
from .distribution import Distribution

__all__ = ["Gamma"]


class Gamma(Distribution):
    """Gamma distribution with Tensor parameters ``concentration`` (> 0) and ``rate`` (> 0); Python scalars are
    refused (TypeError), as in the reference."""

    _REPR = (('concentration', '_concentration'), ('rate', '_rate'))
    _DIST_TYPE = "Gamma"

    def __init__(self, concentration=None, rate=None, seed=None, dtype=mstype.float32, name="Gamma"):
        param = dict(locals())
        param['param_dict'] = {'concentration': concentration, 'rate': rate}
        check_type_name("dtype", dtype, mstype.float_type, type(self).__name__)
        if isinstance(concentration, (int, float)):
            raise TypeError("Input concentration can't be scalar")
        if isinstance(rate, (int, float)):
            raise TypeError("Input rate can't be scalar")
        super().__init__(seed, dtype, name, param)
        self._concentration = self._add_parameter(concentration, 'concentration')
        self._rate = self._add_parameter(rate, 'rate')
        if self._concentration is not None:
            check_greater_zero(self._concentration, "concentration")
        if self._rate is not None:
            check_greater_zero(self._rate, "rate")
        self.digamma = DiGamma()

    def _digamma(self, x):
        return self.digamma(Tensor._make(x))._t

    concentration = read_only('_concentration', "The concentration given at construction (a Tensor), or None.")

    rate = read_only('_rate', "The rate given at construction (a Tensor), or None.")

    def _get_dist_args(self, concentration=None, rate=None):
        return self._dist_args(concentration, rate)

    def _mean(self, concentration=None, rate=None):
        concentration, rate = self._check_param_type(concentration, rate)
        return concentration / rate

    def _var(self, concentration=None, rate=None):
        concentration, rate = self._check_param_type(concentration, rate)
        return concentration / torch.square(rate)

    def _sd(self, concentration=None, rate=None):
        concentration, rate = self._check_param_type(concentration, rate)
        return torch.sqrt(concentration) / rate

    def _mode(self, concentration=None, rate=None):
        concentration, rate = self._check_param_type(concentration, rate)
        mode = (concentration - 1.) / rate
        return torch.where(concentration > 1., mode, torch.full_like(mode, float('nan')))

    def _entropy(self, concentration=None, rate=None):
        concentration, rate = self._check_param_type(concentration, rate)
        return (concentration - torch.log(rate) + torch.lgamma(concentration)
                + (1. - concentration) * self._digamma(concentration))

    def _cross_entropy(self, dist, concentration_b, rate_b, concentration_a=None, rate_a=None):
        check_distribution_name(dist, 'Gamma')
        return (self._entropy(concentration_a, rate_a)
                + self._kl_loss(dist, concentration_b, rate_b, concentration_a, rate_a))

    def _log_prob(self, value, concentration=None, rate=None):
        value = self._cast_value(value)
        concentration, rate = self._check_param_type(concentration, rate)
        unnormalized = (concentration - 1.) * torch.log(value) - rate * value
        return unnormalized - (torch.lgamma(concentration) - concentration * torch.log(rate))

    def _cdf(self, value, concentration=None, rate=None):
        value = self._cast_value(value)
        concentration, rate = self._check_param_type(concentration, rate)
        return _igamma(concentration, rate * value)

    def _kl_loss(self, dist, concentration_b, rate_b, concentration_a=None, rate_a=None):
        check_distribution_name(dist, 'Gamma')
        concentration_b = self._check_other(concentration_b, 'concentration_b')
        rate_b = self._check_other(rate_b, 'rate_b')
        concentration_a, rate_a = self._check_param_type(concentration_a, rate_a)
        return ((concentration_a - concentration_b) * self._digamma(concentration_a)
                + torch.lgamma(concentration_b) - torch.lgamma(concentration_a)
                + concentration_b * torch.log(rate_a) - concentration_b * torch.log(rate_b)
                + concentration_a * (rate_b / rate_a - 1.))

    def _sample(self, shape=(), concentration=None, rate=None):
        concentration, rate = self._check_param_type(concentration, rate)
        draw_shape, drop = self._sample_shape(shape, (concentration + rate).shape)
        value = sampling.gamma(draw_shape, concentration, rate, self.seed).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

"""LogNormal distribution: exp(X) for X ~ Normal(loc, scale)."""
import math

import torch

from ....common import dtype as mstype
from ._utils.custom_ops import exp_generic, log_generic  # noqa: F401 - names of the reference's module
from ._utils.utils import _t, check_distribution_name, read_only  # noqa: F401
from .transformed_distribution import TransformedDistribution

__all__ = ["LogNormal"]


class LogNormal(TransformedDistribution):
    """LogNormal distribution: the log of the variable is Normal(``loc``, ``scale``)."""

    _REPR = (('loc', 'loc'), ('scale', 'scale'))
    _DIST_TYPE = "LogNormal"

    def __init__(self, loc=None, scale=None, seed=0, dtype=mstype.float32, name="LogNormal"):
        from ..bijector.exp import Exp
        from .normal import Normal

        super().__init__(distribution=Normal(loc, scale, dtype=dtype), bijector=Exp(), seed=seed, name=name)
        self._reset_parameters()
        self._loc = self._add_parameter(loc, 'loc')
        self._scale = self._add_parameter(scale, 'scale')
        self.log_2pi = math.log(2 * math.pi)

    loc = read_only('_loc', "The mean of the log, given at construction (a Tensor), or None.")

    scale = read_only('_scale', "The standard deviation of the log, given at construction (a Tensor), or None.")

    def _get_dist_args(self, loc=None, scale=None):
        return self._dist_args(loc, scale)

    def _mean_var(self, loc, scale):
        mean, sd = self._check_param_type(loc, scale)
        return mean, sd, self._dist("var", mean=mean, sd=sd)

    def _mean(self, loc=None, scale=None):
        mean, _, var = self._mean_var(loc, scale)
        return torch.exp(mean + 0.5 * var)

    def _mode(self, loc=None, scale=None):
        mean, _, var = self._mean_var(loc, scale)
        return torch.exp(mean - var)

    def _var(self, loc=None, scale=None):
        mean, _, var = self._mean_var(loc, scale)
        return torch.expm1(var) * torch.exp(2. * mean + var)

    def _entropy(self, loc=None, scale=None):
        mean, sd = self._check_param_type(loc, scale)
        return mean + 0.5 + torch.log(sd) + 0.5 * self.log_2pi

    def _cdf(self, value, loc=None, scale=None):
        mean, sd = self._check_param_type(loc, scale)
        cdf = self._dist("cdf", self._bij("inverse", value), mean, sd)
        return torch.where(_t(value) > 0., cdf, torch.zeros_like(cdf))

    def _log_prob(self, value, loc=None, scale=None):
        mean, sd = self._check_param_type(loc, scale)
        unadjusted = self._dist("log_prob", self._bij("inverse", value), mean, sd)
        return unadjusted + self._bij("inverse_log_jacobian", value)

    def _cross_entropy(self, dist, loc_b, scale_b, loc_a=None, scale_a=None):
        check_distribution_name(dist, 'LogNormal')
        return self._entropy(loc_a, scale_a) + self._kl_loss(dist, loc_b, scale_b, loc_a, scale_a)

    def _kl_loss(self, dist, loc_b, scale_b, loc_a=None, scale_a=None):
        check_distribution_name(dist, 'LogNormal')
        return self._dist("kl_loss", 'Normal', loc_b, scale_b, loc_a, scale_a)

    def _sample(self, shape=(), loc=None, scale=None):
        shape = self.checktuple(shape, 'shape')
        mean, sd = self._check_param_type(loc, scale)
        drop = shape == ()
        org_sample = self._dist("sample", (1,) if drop else shape, mean, sd).to(mstype.to_torch(self.dtype))
        value = self._bij("forward", org_sample)
        return value.squeeze(0) if drop else value

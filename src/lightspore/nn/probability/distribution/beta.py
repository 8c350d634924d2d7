"""Beta distribution."""
import torch

from ....common import dtype as mstype
from ....common.tensor import Tensor
from ...layer.math import DiGamma, LBeta
from ._utils import sampling
from ._utils.custom_ops import log_generic  # noqa: F401 - a name of the reference's module
from ._utils.utils import check_distribution_name, check_greater_zero, check_type_name, read_only
from .distribution import Distribution

__all__ = ["Beta"]


class Beta(Distribution):
    """Beta distribution with parameters ``concentration1`` (alpha, > 0) and ``concentration0`` (beta, > 0);
    Python floats are refused (TypeError), as in the reference."""

    _REPR = (('concentration1', '_concentration1'), ('concentration0', '_concentration0'))
    _DIST_TYPE = "Beta"

    def __init__(self, concentration1=None, concentration0=None, seed=None, dtype=mstype.float32, name="Beta"):
        param = dict(locals())
        param['param_dict'] = {'concentration1': concentration1, 'concentration0': concentration0}
        check_type_name("dtype", dtype, mstype.float_type, type(self).__name__)
        if isinstance(concentration0, float):
            raise TypeError("Input concentration0 can't be scalar")
        if isinstance(concentration1, float):
            raise TypeError("Input concentration1 can't be scalar")
        super().__init__(seed, dtype, name, param)
        self._concentration1 = self._add_parameter(concentration1, 'concentration1')
        self._concentration0 = self._add_parameter(concentration0, 'concentration0')
        if self._concentration1 is not None:
            check_greater_zero(self._concentration1, "concentration1")
        if self._concentration0 is not None:
            check_greater_zero(self._concentration0, "concentration0")
        self.digamma = DiGamma()
        self.lbeta = LBeta()

    def _digamma(self, x):
        return self.digamma(Tensor._make(x))._t

    def _lbeta(self, a, b):
        return self.lbeta(Tensor._make(a), Tensor._make(b))._t

    concentration1 = read_only('_concentration1', "alpha given at construction (a Tensor), or None.")

    concentration0 = read_only('_concentration0', "beta given at construction (a Tensor), or None.")

    def _get_dist_args(self, concentration1=None, concentration0=None):
        return self._dist_args(concentration1, concentration0)

    def _mean(self, concentration1=None, concentration0=None):
        c1, c0 = self._check_param_type(concentration1, concentration0)
        return c1 / (c1 + c0)

    def _var(self, concentration1=None, concentration0=None):
        c1, c0 = self._check_param_type(concentration1, concentration0)
        total = c1 + c0
        return c1 * c0 / (torch.pow(total, 2) * (total + 1.))

    def _mode(self, concentration1=None, concentration0=None):
        c1, c0 = self._check_param_type(concentration1, concentration0)
        mode = (c1 - 1.) / (c1 + c0 - 2.)
        return torch.where(torch.logical_and(c1 > 1., c0 > 1.), mode, torch.full_like(mode, float('nan')))

    def _entropy(self, concentration1=None, concentration0=None):
        c1, c0 = self._check_param_type(concentration1, concentration0)
        total = c1 + c0
        return (self._lbeta(c1, c0) - (c1 - 1.) * self._digamma(c1) - (c0 - 1.) * self._digamma(c0)
                + (total - 2.) * self._digamma(total))

    def _cross_entropy(self, dist, concentration1_b, concentration0_b, concentration1_a=None, concentration0_a=None):
        check_distribution_name(dist, 'Beta')
        return (self._entropy(concentration1_a, concentration0_a)
                + self._kl_loss(dist, concentration1_b, concentration0_b, concentration1_a, concentration0_a))

    def _log_prob(self, value, concentration1=None, concentration0=None):
        value = self._cast_value(value)
        c1, c0 = self._check_param_type(concentration1, concentration0)
        unnormalized = (c1 - 1.) * torch.log(value) + (c0 - 1.) * torch.log1p(-value)
        return unnormalized - self._lbeta(c1, c0)

    def _kl_loss(self, dist, concentration1_b, concentration0_b, concentration1_a=None, concentration0_a=None):
        check_distribution_name(dist, 'Beta')
        c1_b = self._check_other(concentration1_b, 'concentration1_b')
        c0_b = self._check_other(concentration0_b, 'concentration0_b')
        c1_a, c0_a = self._check_param_type(concentration1_a, concentration0_a)
        total_a, total_b = c1_a + c0_a, c1_b + c0_b
        return ((self._lbeta(c1_b, c0_b) - self._lbeta(c1_a, c0_a))
                - self._digamma(c1_a) * (c1_b - c1_a) - self._digamma(c0_a) * (c0_b - c0_a)
                + self._digamma(total_a) * (total_b - total_a))

    def _sample(self, shape=(), concentration1=None, concentration0=None):
        c1, c0 = self._check_param_type(concentration1, concentration0)
        draw_shape, drop = self._sample_shape(shape, (c1 + c0).shape)
        ones = torch.ones(draw_shape, dtype=mstype.to_torch(self.dtype))
        g1 = sampling.gamma(draw_shape, c1, ones, self.seed)
        g0 = sampling.gamma(draw_shape, c0, ones, self.seed)
        value = (g1 / (g1 + g0)).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

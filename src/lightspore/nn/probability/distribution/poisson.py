"""Poisson distribution."""
import torch

from ....common import dtype as mstype
from ._utils import sampling
from ._utils.custom_ops import _igamma, exp_generic, log_generic  # noqa: F401 - names of the reference's module
from ._utils.utils import check_greater_zero, check_type_name, read_only
from .distribution import Distribution

__all__ = ["Poisson"]


class Poisson(Distribution):
    """Poisson distribution with Tensor parameter ``rate`` (> 0); a Python scalar is refused (TypeError)."""

    _REPR = (('rate', 'rate'),)
    _DIST_TYPE = "Poisson"

    def __init__(self, rate=None, seed=None, dtype=mstype.float32, name="Poisson"):
        param = dict(locals())
        param['param_dict'] = {'rate': rate}
        check_type_name("dtype", dtype, mstype.int_type + mstype.uint_type + mstype.float_type,
                        type(self).__name__)
        if isinstance(rate, (int, float)):
            raise TypeError("Input rate can't be scalar")
        super().__init__(seed, dtype, name, param)
        self._rate = self._add_checked(rate, 'rate', check_greater_zero, 'rate')

    rate = read_only('_rate', "The rate given at construction (a Tensor), or None.")

    def _get_dist_args(self, rate=None):
        return self._dist_args(rate)

    def _mean(self, rate=None):
        return self._check_param_type(rate)

    def _mode(self, rate=None):
        return torch.floor(self._check_param_type(rate))

    def _var(self, rate=None):
        return self._check_param_type(rate)

    def _log_prob(self, value, rate=None):
        value = self._cast_value(value)
        rate = self._check_param_type(rate)
        log_rate = torch.log(rate)
        safe_x = torch.where(value < 0, torch.zeros_like(value), value)
        y = log_rate * safe_x - torch.lgamma(safe_x + 1.)
        unnormalized = torch.where(value == safe_x, y, torch.full_like(y, -float('inf')))
        return unnormalized - torch.exp(log_rate)

    def _cdf(self, value, rate=None):
        value = self._cast_value(value)
        rate = self._check_param_type(rate)
        below = value < 0
        safe_x = torch.where(below, torch.zeros_like(value), value)
        cdf = 1. - _igamma(1. + safe_x, rate)
        return torch.where(below, torch.zeros_like(cdf), cdf)

    def _sample(self, shape=(), rate=None):
        rate = self._check_param_type(rate).to(torch.float32)
        draw_shape, drop = self._sample_shape(shape, rate.shape)
        value = sampling.poisson(draw_shape, rate, self.seed).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

"""Laplace distribution (only prob and log_prob, as in the reference)."""
import torch

from ....common import dtype as mstype
from ._utils.utils import check_type_name
from .distribution import Distribution
from .normal import _add_mean_sd

__all__ = ["Laplace"]


class Laplace(Distribution):
    """Laplace distribution with location ``mean`` and scale ``sd`` (> 0)."""

    def __init__(self, mean=None, sd=None, seed=None, dtype=mstype.float32, name="Laplace"):
        param = dict(locals())
        param['param_dict'] = {'mean': mean, 'sd': sd}
        check_type_name("dtype", dtype, mstype.float_type, type(self).__name__)
        super().__init__(seed, dtype, name, param)
        _add_mean_sd(self, mean, sd)

    def _log_prob(self, value, mean=None, sd=None):
        value = self._cast_value(value)
        mean, sd = self._check_param_type(mean, sd)
        return -1.0 * torch.abs((value - mean) / sd) - torch.log(2. * sd)

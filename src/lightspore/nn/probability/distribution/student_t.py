"""Student's t distribution (only prob and log_prob, as in the reference)."""
import math

import torch

from ....common import dtype as mstype
from ._utils.utils import check_greater_zero
from .distribution import Distribution
from .normal import _add_mean_sd

__all__ = ["StudentT"]


class StudentT(Distribution):
    """Student's t distribution with ``df`` (> 0) degrees of freedom, location ``mean`` and scale ``sd`` (> 0)."""

    def __init__(self, df=None, mean=None, sd=None, seed=None, dtype=mstype.float32, name="StudentT"):
        self._start(locals(), 'df', 'mean', 'sd')
        self._df_value = self._add_parameter(df, 'df')
        _add_mean_sd(self, mean, sd)
        if self._df_value is not None:
            check_greater_zero(self._df_value, "Degrees of freedom")
        self.half_log_pi = 0.5 * math.log(math.pi)

    def _log_prob(self, value, df=None, mean=None, sd=None):
        value = self._cast_value(value)
        df, mean, sd = self._check_param_type(df, mean, sd)
        y = (value - mean) / sd
        log_unnormalized = -0.5 * (df + 1.) * torch.log1p(y ** 2. / df)
        log_normalization = (torch.log(torch.abs(sd)) + 0.5 * torch.log(df) + self.half_log_pi
                             + torch.lgamma(0.5 * df) - torch.lgamma(0.5 * (df + 1.)))
        return log_unnormalized - log_normalization

"""Half-normal distribution (only prob and log_prob, as in the reference)."""
import math

import torch

from ....common import dtype as mstype
from .distribution import Distribution
from .normal import _add_mean_sd

__all__ = ["HalfNormal"]


class HalfNormal(Distribution):
    """Half-normal distribution with parameters ``mean`` and ``sd`` (> 0): density 0 below zero."""

    def __init__(self, mean=None, sd=None, seed=None, dtype=mstype.float32, name="HalfNormal"):
        self._start(locals(), 'mean', 'sd')
        _add_mean_sd(self, mean, sd)
        self.coeff = math.sqrt(2. / math.pi)

    def _prob(self, value, mean=None, sd=None):
        value = self._cast_value(value)
        mean, sd = self._check_param_type(mean, sd)
        pdf = self.coeff / sd * torch.exp(-0.5 * torch.square((value - mean) / sd))
        return pdf * (value >= 0).to(mstype.to_torch(self.dtype))

"""Laplace distribution (only prob and log_prob, as in the reference)."""
import torch

from ....common import dtype as mstype
from .distribution import Distribution
from .normal import _add_mean_sd

__all__ = ["Laplace"]


class Laplace(Distribution):
    """Laplace distribution with location ``mean`` and scale ``sd`` (> 0)."""

    def __init__(self, mean=None, sd=None, seed=None, dtype=mstype.float32, name="Laplace"):
        self._start(locals(), 'mean', 'sd')
        _add_mean_sd(self, mean, sd)

    def _log_prob(self, value, mean=None, sd=None):
        value = self._cast_value(value)
        mean, sd = self._check_param_type(mean, sd)
        return -1.0 * torch.abs((value - mean) / sd) - torch.log(2. * sd)

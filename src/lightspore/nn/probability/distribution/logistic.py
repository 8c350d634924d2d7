"""Logistic distribution."""
import math

import numpy as np
import torch

from ....common import dtype as mstype
from ._loc_scale import LocScale
from ._utils import sampling
from ._utils.custom_ops import exp_generic, log_generic  # noqa: F401 - names of the reference's module
from ._utils.utils import check_greater_zero  # noqa: F401 - a name of the reference's module
from .distribution import Distribution  # noqa: F401 - a name of the reference's module

__all__ = ["Logistic"]

_THRESHOLD = float(np.log(np.finfo(np.float32).eps) + 1.)


def _softplus(x):
    """log(1 + exp(x)), exact where exp(x) under- or overflows (the reference's thresholds)."""
    too_small = x < _THRESHOLD
    too_large = x > -_THRESHOLD
    safe = torch.where(torch.logical_or(too_small, too_large), torch.ones_like(x), x)
    y = torch.log(torch.exp(safe) + 1.0)
    return torch.where(too_small, torch.exp(x), torch.where(too_large, x, y))


class Logistic(LocScale):
    """Logistic distribution with parameters ``loc`` and ``scale`` (> 0)."""

    _DIST_TYPE = "Logistic"

    def __init__(self, loc=None, scale=None, seed=None, dtype=mstype.float32, name="Logistic"):
        self._start(locals(), 'loc', 'scale')
        self._add_loc_scale(loc, scale)
        self.threshold = _THRESHOLD
        self.sd_const = math.pi / math.sqrt(3)

    def _mean(self, loc=None, scale=None):
        return self._mode(loc, scale)

    def _sd(self, loc=None, scale=None):
        _, scale = self._check_param_type(loc, scale)
        return scale * torch.tensor(self.sd_const, dtype=scale.dtype)

    def _entropy(self, loc=None, scale=None):
        _, scale = self._check_param_type(loc, scale)
        return torch.log(scale) + 2.

    def _log_prob(self, value, loc=None, scale=None):
        z, scale = self._z(value, loc, scale)
        return -z - 2. * _softplus(-z) - torch.log(scale)

    def _cdf(self, value, loc=None, scale=None):
        return torch.sigmoid(self._z(value, loc, scale)[0])

    def _log_cdf(self, value, loc=None, scale=None):
        return -_softplus(-self._z(value, loc, scale)[0])

    def _survival_function(self, value, loc=None, scale=None):
        return torch.sigmoid(-self._z(value, loc, scale)[0])

    def _log_survival(self, value, loc=None, scale=None):
        return -_softplus(self._z(value, loc, scale)[0])

    def _sample(self, shape=(), loc=None, scale=None):
        loc, scale = self._check_param_type(loc, scale)
        draw_shape, drop = self._sample_shape(shape, (loc + scale).shape)
        u = sampling.uniform(draw_shape, self.seed)
        value = ((torch.log(u) - torch.log1p(-u)) * scale + loc).to(mstype.to_torch(self.dtype))
        return value.squeeze(0) if drop else value

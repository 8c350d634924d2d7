"""Gumbel distribution (Uniform(0, 1) through the inverse Gumbel cdf)."""
import math

import numpy as np
import torch

from ....common import dtype as mstype
from ._utils.custom_ops import exp_generic, log_generic  # noqa: F401 - names of the reference's module
from ._utils.utils import check_distribution_name, check_type_name, read_only
from .normal import _up
from .transformed_distribution import TransformedDistribution

__all__ = ["Gumbel"]

_EULER = float(np.euler_gamma)


class Gumbel(TransformedDistribution):
    """Gumbel distribution with ``loc`` and ``scale`` (> 0), both required; its methods take no per-call
    parameters."""

    _REPR = (('loc', '_loc'), ('scale', '_scale'))
    _DIST_TYPE = "Gumbel"

    def __init__(self, loc, scale, seed=0, dtype=mstype.float32, name="Gumbel"):
        from ..bijector.gumbel_cdf import GumbelCDF
        from ..bijector.invert import Invert
        from .uniform import Uniform

        check_type_name("dtype", dtype, mstype.float_type, type(self).__name__)
        gumbel_cdf = GumbelCDF(loc, scale)
        super().__init__(distribution=Uniform(0.0, 1.0, dtype=dtype), bijector=Invert(gumbel_cdf), seed=seed,
                         name=name)
        self._reset_parameters()
        self._loc = self._add_parameter(loc, 'loc')
        self._scale = self._add_parameter(scale, 'scale')
        self._gumbel_bijector = gumbel_cdf

    loc = read_only('_loc', "The location (a Tensor).")

    scale = read_only('_scale', "The scale (a Tensor).")

    def _get_dist_args(self, loc=None, scale=None):
        return self._dist_args(loc, scale)

    def _loc_scale(self):
        return self.loc._t, self.scale._t

    def _ones(self, shape):
        return torch.ones(shape, dtype=mstype.to_torch(self.parameter_type))

    def _mean(self):
        loc, scale = self._loc_scale()
        return loc + scale * _EULER

    def _mode(self):
        loc, scale = self._loc_scale()
        return loc * self._ones(scale.shape)

    def _sd(self):
        _, scale = self._loc_scale()
        return _up(scale * self._ones(self.broadcast_shape)) * math.pi / math.sqrt(6.)

    def _entropy(self):
        _, scale = self._loc_scale()
        return 1. + torch.log(scale * self._ones(self.broadcast_shape)) + _EULER

    def _log_prob(self, value):
        value = self._cast_value(value)
        loc, scale = self._loc_scale()
        z = (value - loc) / scale
        return -(z + torch.exp(-z)) - torch.log(scale)

    def _cdf(self, value):
        return self._gumbel_bijector._forward(self._cast_value(value))

    def _cross_entropy(self, dist, loc_b, scale_b):
        check_distribution_name(dist, 'Gumbel')
        return self._entropy() + self._kl_loss(dist, loc_b, scale_b)

    def _kl_loss(self, dist, loc_b, scale_b):
        check_distribution_name(dist, 'Gumbel')
        loc_b = self._check_other(loc_b, 'loc_b')
        scale_b = self._check_other(scale_b, 'scale_b')
        loc, scale = self._loc_scale()
        return (torch.log(scale_b / scale) + _EULER * (scale / scale_b - 1.) + (loc - loc_b) / scale_b
                + torch.expm1((loc_b - loc) / scale_b + torch.lgamma(scale / scale_b + 1.)))

    def _sample(self, shape=()):
        shape = self.checktuple(shape, 'shape')
        draw_shape, drop = self._sample_shape(shape, self._broadcast_shape)
        org_sample = self._dist("sample", draw_shape).to(mstype.to_torch(self.dtype))
        value = self._bij("forward", org_sample)
        return value.squeeze(0) if drop else value

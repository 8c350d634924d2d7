"""GumbelCDF bijector: y = exp(-exp(-(x - loc) / scale))."""
import torch

from ..distribution._utils.custom_ops import _log, exp_generic, log_generic  # noqa: F401 - reference names
from ..distribution._utils.utils import check_greater_zero, read_only
from .bijector import Bijector

__all__ = ["GumbelCDF"]


class GumbelCDF(Bijector):
    """The cdf of Gumbel(``loc``, ``scale`` > 0) as a bijector from the reals to (0, 1)."""

    _REPR = (('loc', 'loc'), ('scale', 'scale'))

    def __init__(self, loc=0.0, scale=1.0, name='GumbelCDF'):
        param = dict(locals())
        param['param_dict'] = {'loc': loc, 'scale': scale}
        super().__init__(name=name, param=param)
        self._loc = self._add_parameter(loc, 'loc')
        self._scale = self._add_parameter(scale, 'scale')
        check_greater_zero(self._scale, "scale")

    loc = read_only('_loc', "The location (a Tensor).")

    scale = read_only('_scale', "The scale (a Tensor).")

    def _z(self, x):
        x = self._check_value_dtype(x)
        scale = self.cast_param_by_value(x, self.scale)
        return (x - self.cast_param_by_value(x, self.loc)) / scale, scale

    def _forward(self, x):
        z, _ = self._z(x)
        return torch.exp(-torch.exp(-z))

    def _inverse(self, y):
        y = self._check_value_dtype(y)
        return self.cast_param_by_value(y, self.loc) - self.cast_param_by_value(y, self.scale) * _log(-_log(y))

    def _forward_log_jacobian(self, x):
        z, scale = self._z(x)
        return -z - torch.exp(-z) - torch.log(scale)

    def _inverse_log_jacobian(self, y):
        y = self._check_value_dtype(y)
        return _log(self.cast_param_by_value(y, self.scale) / (-1. * y * _log(y)))

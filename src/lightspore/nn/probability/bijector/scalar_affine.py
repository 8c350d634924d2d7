"""ScalarAffine bijector: y = scale * x + shift."""
import torch

from ..distribution._utils.custom_ops import log_generic  # noqa: F401 - a name of the reference's module
from ..distribution._utils.utils import read_only
from .bijector import Bijector

__all__ = ["ScalarAffine"]


class ScalarAffine(Bijector):
    """y = ``scale`` * x + ``shift`` (floats or float Tensors of one dtype)."""

    _REPR = (('scale', 'scale'), ('shift', 'shift'))

    def __init__(self, scale=1.0, shift=0.0, name='ScalarAffine'):
        param = dict(locals())
        param['param_dict'] = {'scale': scale, 'shift': shift}
        super().__init__(is_constant_jacobian=True, is_injective=True, name=name, dtype=None, param=param)
        self._scale = self._add_parameter(scale, 'scale')
        self._shift = self._add_parameter(shift, 'shift')

    scale = read_only('_scale', "The scale (a Tensor).")

    shift = read_only('_shift', "The shift (a Tensor).")

    def _forward(self, x):
        x = self._check_value_dtype(x)
        scale, shift = self.cast_param_by_value(x, self.scale), self.cast_param_by_value(x, self.shift)
        return scale * x + shift * torch.ones_like(x)

    def _inverse(self, y):
        y = self._check_value_dtype(y)
        return (y - self.cast_param_by_value(y, self.shift)) / self.cast_param_by_value(y, self.scale)

    def _forward_log_jacobian(self, x):
        x = self._check_value_dtype(x)
        return torch.log(torch.abs(self.cast_param_by_value(x, self.scale)))

    def _inverse_log_jacobian(self, y):
        y = self._check_value_dtype(y)
        return -1. * torch.log(torch.abs(self.cast_param_by_value(y, self.scale)))

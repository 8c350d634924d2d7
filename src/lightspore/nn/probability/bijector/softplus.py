"""Softplus bijector: y = log(1 + exp(k x)) / k."""
import numpy as np
import torch

from ....common.tensor import Tensor
from ...layer.activation import LogSigmoid
from ..distribution._utils.custom_ops import _log, exp_generic, log_generic  # noqa: F401 - reference names
from ..distribution._utils.utils import read_only
from .bijector import Bijector

__all__ = ["Softplus"]

_THRESHOLD = float(np.log(np.finfo(np.float32).eps) + 1)
_TINY = float(np.exp(_THRESHOLD))


class Softplus(Bijector):
    """Softplus with ``sharpness`` k (a float or float Tensor)."""

    _REPR = (('sharpness', 'sharpness'),)

    def __init__(self, sharpness=1.0, name='Softplus'):
        param = dict(locals())
        param['param_dict'] = {'sharpness': sharpness}
        super().__init__(name=name, dtype=None, param=param)
        self._sharpness = self._add_parameter(sharpness, 'sharpness')
        self.threshold = _THRESHOLD
        self.tiny = _TINY
        self.log_sigmoid = LogSigmoid()

    @staticmethod
    def _softplus(x):
        too_small = x < _THRESHOLD
        too_large = x > -_THRESHOLD
        safe = torch.where(torch.logical_or(too_small, too_large), torch.ones_like(x), x)
        y = _log(torch.exp(safe) + 1.0)
        return torch.where(too_small, torch.exp(x), torch.where(too_large, x, y))

    @staticmethod
    def _inverse_softplus(x):
        too_small = x < _TINY
        too_large = x > -_THRESHOLD
        safe = torch.where(torch.logical_or(too_small, too_large), torch.ones_like(x), x)
        y = safe + _log(torch.abs(torch.expm1(-safe)))
        return torch.where(too_small, _log(x), torch.where(too_large, x, y))

    sharpness = read_only('_sharpness', "The sharpness k (a Tensor).")

    def _scaled(self, value):
        value = self._check_value_dtype(value)
        k = self.cast_param_by_value(value, self.sharpness)
        return k * value, k

    def _forward(self, x):
        scaled, k = self._scaled(x)
        return self._softplus(scaled) / k

    def _inverse(self, y):
        scaled, k = self._scaled(y)
        return self._inverse_softplus(scaled) / k

    def _forward_log_jacobian(self, x):
        return self.log_sigmoid(Tensor._make(self._scaled(x)[0]))._t

    def _inverse_log_jacobian(self, y):
        scaled, _ = self._scaled(y)
        return scaled - self._inverse_softplus(scaled)

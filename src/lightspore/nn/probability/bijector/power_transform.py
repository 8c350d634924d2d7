"""PowerTransform bijector: y = (1 + c x)^(1/c), and exp(x) at c = 0."""
import torch

from ..distribution._utils.custom_ops import _log, exp_generic, log_generic  # noqa: F401 - reference names
from ..distribution._utils.utils import check_greater_equal_zero, read_only
from .bijector import Bijector

__all__ = ["PowerTransform"]


class PowerTransform(Bijector):
    """PowerTransform with ``power`` c >= 0 (a float or float Tensor)."""

    _REPR = (('power', 'power'),)

    def __init__(self, power=0., name='PowerTransform'):
        param = dict(locals())
        param['param_dict'] = {'power': power}
        super().__init__(name=name, param=param)
        self._power = self._add_parameter(power, 'power')
        check_greater_equal_zero(self._power, 'Power')

    power = read_only('_power', "The power c (a Tensor).")

    def _broadcast(self, x):
        """(x, power, safe power, power == 0), broadcast together in x's dtype."""
        power = self.cast_param_by_value(x, self.power)
        x, power = torch.broadcast_tensors(x, power)
        zero = power == 0
        return x, power, torch.where(zero, torch.ones_like(power), power), zero

    def _forward(self, x):
        x, _, safe, zero = self._broadcast(self._check_value_dtype(x))
        return torch.where(zero, torch.exp(x), torch.exp(torch.log1p(x * safe) / safe))

    def _inverse(self, y):
        y, _, safe, zero = self._broadcast(self._check_value_dtype(y))
        return torch.where(zero, _log(y), torch.expm1(_log(y) * safe) / safe)

    def _forward_log_jacobian(self, x):
        x, _, safe, zero = self._broadcast(self._check_value_dtype(x))
        return torch.where(zero, x, (1. / safe - 1) * torch.log1p(x * safe))

    def _inverse_log_jacobian(self, y):
        y = self._check_value_dtype(y)
        return (self.cast_param_by_value(y, self.power) - 1) * _log(y)

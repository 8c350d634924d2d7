"""Invert bijector: swaps forward and inverse of another bijector."""
from .... import _checkparam as validator
from ..distribution._utils.utils import _t, _wrap, read_only
from .bijector import Bijector

__all__ = ["Invert"]


class Invert(Bijector):
    """The inverse of ``bijector``; its name defaults to ``'Invert' + bijector.name``."""

    def __init__(self, bijector, name=""):
        param = dict(locals())
        validator.check_value_type('bijector', bijector, [Bijector], "Invert")
        name = name or ('Invert' + bijector.name)
        param["name"] = name
        super().__init__(is_constant_jacobian=bijector.is_constant_jacobian, is_injective=bijector.is_injective,
                         name=name, dtype=bijector.dtype, param=param)
        self._bijector = bijector
        self._batch_shape = self.bijector.batch_shape
        self._is_scalar_batch = self.bijector.is_scalar_batch

    bijector = read_only('_bijector', "The bijector.")

    def _forward(self, x):
        return _t(self.bijector("inverse", x))

    def _inverse(self, y):
        return _t(self.bijector("forward", y))

    def _forward_log_jacobian(self, x):
        return _t(self.bijector("inverse_log_jacobian", x))

    def _inverse_log_jacobian(self, y):
        return _t(self.bijector("forward_log_jacobian", y))

    def inverse(self, y):
        """x = g^-1(y) = bijector.forward(y)."""
        return _wrap(self._inverse(y))

    def forward(self, x):
        """y = g(x) = bijector.inverse(x)."""
        return _wrap(self._forward(x))

    def inverse_log_jacobian(self, y):
        """bijector.forward_log_jacobian(y)."""
        return _wrap(self._inverse_log_jacobian(y))

    def forward_log_jacobian(self, x):
        """bijector.inverse_log_jacobian(x)."""
        return _wrap(self._forward_log_jacobian(x))

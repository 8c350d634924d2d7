"""Exp bijector: y = exp(x) (PowerTransform with power 0)."""
from .power_transform import PowerTransform

__all__ = ["Exp"]


class Exp(PowerTransform):
    """y = exp(x)."""

    def __init__(self, name='Exp'):
        super().__init__(name=name)

    def extend_repr(self):
        return 'exp' if self.is_scalar_batch else f'batch_shape = {self.batch_shape}'

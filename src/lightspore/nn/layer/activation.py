"""Activation cells used by the core layers (the full family lives here as it grows)."""
import torch
import torch.nn.functional as F

from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["ReLU", "ReLU6", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "GELU", "SiLU", "LeakyReLU",
           "get_activation"]


def _check_tensor(x, cls_name):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the input must be a Tensor, but got {type(x).__name__}.")
    return x._t


class ReLU(Cell):
    """max(x, 0) elementwise."""

    def __init__(self):
        super().__init__()

    def construct(self, input):
        if type(input) is not Tensor:
            _check_tensor(input, "ReLU")
        return Tensor._make(torch.relu(input._t))


class ReLU6(Cell):
    def __init__(self):
        super().__init__()

    def construct(self, x):
        return Tensor._make(F.relu6(_check_tensor(x, "ReLU6")))


class Sigmoid(Cell):
    def __init__(self):
        super().__init__()

    def construct(self, input):
        return Tensor._make(torch.sigmoid(_check_tensor(input, "Sigmoid")))


class Tanh(Cell):
    def __init__(self):
        super().__init__()

    def construct(self, x):
        return Tensor._make(torch.tanh(_check_tensor(x, "Tanh")))


class Softmax(Cell):
    def __init__(self, axis=-1):
        super().__init__()
        self.axis = axis

    def construct(self, input):
        return Tensor._make(torch.softmax(_check_tensor(input, "Softmax"), self.axis))


class LogSoftmax(Cell):
    def __init__(self, axis=-1):
        super().__init__()
        self.axis = axis

    def construct(self, x):
        return Tensor._make(torch.log_softmax(_check_tensor(x, "LogSoftmax"), self.axis))


class GELU(Cell):
    """GELU; ``approximate=True`` (the reference's default) is the tanh approximation."""

    def __init__(self, approximate=True):
        super().__init__()
        if not isinstance(approximate, bool):
            raise TypeError(f"For 'GELU', 'approximate' must be bool, but got {type(approximate).__name__}.")
        self.approximate = approximate
        self._mode = "tanh" if approximate else "none"

    def construct(self, x):
        return Tensor._make(F.gelu(_check_tensor(x, "GELU"), approximate=self._mode))


class SiLU(Cell):
    def __init__(self):
        super().__init__()

    def construct(self, input):
        return Tensor._make(F.silu(_check_tensor(input, "SiLU")))


class LeakyReLU(Cell):
    def __init__(self, alpha=0.2):
        super().__init__()
        self.alpha = alpha

    def construct(self, x):
        return Tensor._make(F.leaky_relu(_check_tensor(x, "LeakyReLU"), self.alpha))


_ACTIVATIONS = {
    "relu": ReLU, "relu6": ReLU6, "sigmoid": Sigmoid, "tanh": Tanh, "softmax": Softmax,
    "logsoftmax": LogSoftmax, "gelu": GELU, "silu": SiLU, "leakyrelu": LeakyReLU,
}


def get_activation(name, prim_name=None):
    """An activation cell from its lower-case name ('relu', 'sigmoid', ...); None stays None."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise TypeError(f"For '{prim_name or 'get_activation'}', the 'name' must be a str, "
                        f"but got {type(name).__name__}.")
    if name not in _ACTIVATIONS:
        raise KeyError(f"For '{prim_name or 'get_activation'}', the 'name' must be in {list(_ACTIVATIONS)}, "
                       f"but got {name}.")
    return _ACTIVATIONS[name]()

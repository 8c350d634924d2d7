"""``mindspore.device_context.gpu``: the CUDA backend through torch."""
from .device import device_count, is_available
from .op_precision import conv_allow_tf32, matmul_allow_tf32

__all__ = ["device_count", "is_available"]

"""TF32 switches of the GPU backend: torch's ``allow_tf32`` flags for matmul (cuBLAS) and convolution (cuDNN)."""
import torch

__all__ = ["matmul_allow_tf32", "conv_allow_tf32"]


def _bool(name, value):
    if not isinstance(value, bool):
        raise TypeError(f"The argument '{name}' must be type of {bool}, but got {type(value)}.")


def matmul_allow_tf32(value):
    """Let float32 matmuls use TensorFloat-32 on Ampere and newer GPUs (``torch.backends.cuda.matmul``)."""
    _bool("value", value)
    torch.backends.cuda.matmul.allow_tf32 = value


def conv_allow_tf32(value):
    """Let float32 convolutions use TensorFloat-32 on Ampere and newer GPUs (``torch.backends.cudnn``)."""
    _bool("value", value)
    torch.backends.cudnn.allow_tf32 = value

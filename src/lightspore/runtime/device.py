"""Which torch device the runtime functions act on: the current ``device_target`` (CPU or a CUDA GPU)."""
import torch


def _target():
    from ..context import get_context
    return get_context("device_target")


def _cuda_device():
    """The current torch CUDA device, or None on the CPU target / without CUDA."""
    from ..common._device import current_device
    dev = current_device()
    if dev.type == "cuda" and torch.cuda.is_available():
        return dev
    return None

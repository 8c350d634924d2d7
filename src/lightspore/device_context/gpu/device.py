"""GPU availability and count: torch.cuda."""
import torch

from ... import log as logger


def is_available():
    """Whether torch sees a CUDA device."""
    if not torch.cuda.is_available():
        logger.warning("Device GPU is not available.")
        return False
    return True


def device_count():
    """Number of CUDA devices; RuntimeError when there is none, as in the reference."""
    if not torch.cuda.is_available():
        raise RuntimeError("Device_target GPU not exist.")
    return torch.cuda.device_count()

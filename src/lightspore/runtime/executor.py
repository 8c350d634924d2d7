"""``mindspore.runtime`` executor settings mapped onto torch."""
import os

import torch

from .. import log as logger

__all__ = ["launch_blocking", "dispatch_threads_num"]

_configured = {}


def launch_blocking():
    """Run every kernel synchronously (errors surface at the op that caused them): sets CUDA_LAUNCH_BLOCKING
    and the ``pynative_synchronize`` context key."""
    from ..context import _context
    os.environ["CUDA_LAUNCH_BLOCKING"] = "1"
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        logger.warning("launch_blocking: CUDA was already initialized in this process; CUDA_LAUNCH_BLOCKING takes "
                       "effect in processes started from now on. Call it before the first GPU op.")
    _context["pynative_synchronize"] = True


def dispatch_threads_num(threads_num):
    """Threads that dispatch independent ops (torch's inter-op thread pool). Once per process, before any
    parallel work, as in the reference."""
    if isinstance(threads_num, bool) or not isinstance(threads_num, int):
        raise TypeError(f"The argument 'threads_num' must be type of {int}, but got {type(threads_num)}.")
    if "dispatch" in _configured:
        raise RuntimeError("The 'dispatch_threads_num' can not be set repeatedly.")
    if threads_num <= 0:
        raise ValueError(f"The 'threads_num' must be positive int, but got {threads_num}.")
    try:
        torch.set_num_interop_threads(threads_num)
    except RuntimeError as e:
        raise RuntimeError("The 'dispatch_threads_num' must be set before the first op runs in parallel "
                           f"(torch: {e}).") from None
    _configured["dispatch"] = threads_num

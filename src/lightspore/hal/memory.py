"""``mindspore.hal`` memory counters per device target (the reference's deprecated spelling of
``mindspore.runtime``'s)."""
import torch

from ..runtime import memory as _rt
from .device import _target

__all__ = ["memory_stats", "memory_reserved", "max_memory_reserved", "empty_cache", "reset_peak_memory_stats",
           "memory_summary", "memory_allocated", "max_memory_allocated", "reset_max_memory_reserved",
           "reset_max_memory_allocated"]


def _dev(device_target):
    target = _target(device_target)
    if target == "CPU":
        return None
    from ..common._device import current_device
    cur = current_device()
    return cur if cur.type == "cuda" else torch.device("cuda", torch.cuda.current_device())


def memory_stats(device_target=None):
    """The memory pool's counters of ``device_target`` (bytes)."""
    return _rt._stats(_dev(device_target))


def memory_reserved(device_target=None):
    return memory_stats(device_target)["total_reserved_memory"]


def max_memory_reserved(device_target=None):
    return memory_stats(device_target)["max_reserved_memory"]


def memory_allocated(device_target=None):
    return memory_stats(device_target)["total_allocated_memory"]


def max_memory_allocated(device_target=None):
    return memory_stats(device_target)["max_allocated_memory"]


def memory_summary(device_target=None):
    return _rt._summary(memory_stats(device_target))


def empty_cache():
    _rt.empty_cache()


def reset_peak_memory_stats(device_target=None):
    dev = _dev(device_target)
    if dev is not None:
        torch.cuda.reset_peak_memory_stats(dev)


reset_max_memory_reserved = reset_peak_memory_stats
reset_max_memory_allocated = reset_peak_memory_stats

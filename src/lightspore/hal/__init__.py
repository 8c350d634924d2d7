"""``mindspore.hal``: device, stream, event and memory queries per device target (the older spelling of
``mindspore.runtime``, which the reference keeps with deprecation warnings).

'CPU' is always available (one device); 'GPU' is available when torch sees CUDA; 'Ascend' never is.
"""
from .device import (
    device_count,
    get_arch_list,
    get_device_capability,
    get_device_name,
    get_device_properties,
    is_available,
    is_initialized,
)
from .event import Event
from .memory import *  # noqa: F403  (the memory counters per device target: memory_stats, empty_cache, ...)
from .stream import *  # noqa: F403  (the stream API: Stream, StreamCtx, synchronize, ...)

__all__ = sorted(["is_initialized", "is_available", "device_count", "get_device_capability",
                  "get_device_properties", "get_device_name", "get_arch_list", "Event", "communication_stream",
                  "Stream", "synchronize", "set_cur_stream", "current_stream", "default_stream", "StreamCtx",
                  "memory_stats", "memory_reserved", "max_memory_reserved", "empty_cache", "reset_peak_memory_stats",
                  "memory_summary", "memory_allocated", "max_memory_allocated", "reset_max_memory_reserved",
                  "reset_max_memory_allocated"])

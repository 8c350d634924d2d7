"""``mindspore.runtime``: streams, events, memory statistics and executor settings on torch's runtime.

On a GPU target these act on ``torch.cuda`` (the current device); on the CPU target work is synchronous on the
host, memory counters are 0 as in the reference, and the stream/event objects are usable no-ops.
"""
from .device_limit import get_device_limit, set_device_limit
from .event import Event
from .executor import dispatch_threads_num, launch_blocking, set_cpu_affinity
from .memory import (
    MemPool,
    PluggableAllocator,
    empty_cache,
    max_memory_allocated,
    max_memory_reserved,
    memory_allocated,
    memory_replay,
    memory_reserved,
    memory_stats,
    memory_summary,
    reset_max_memory_allocated,
    reset_max_memory_reserved,
    reset_peak_memory_stats,
    set_memory,
    use_mem_pool,
)
from .stream import *  # noqa: F403  (the stream API: Stream, StreamCtx, synchronize, ...)
from .stream_limit import StreamLimitCtx, get_stream_limit, reset_stream_limit, set_stream_limit

__all__ = sorted(["launch_blocking", "dispatch_threads_num", "Stream", "communication_stream", "synchronize",
                  "set_cur_stream", "current_stream", "default_stream", "StreamCtx", "set_memory", "memory_stats",
                  "memory_reserved", "max_memory_reserved", "empty_cache", "reset_peak_memory_stats",
                  "memory_summary", "memory_allocated", "max_memory_allocated", "reset_max_memory_reserved",
                  "reset_max_memory_allocated", "Event", "set_cpu_affinity", "memory_replay", "PluggableAllocator",
                  "MemPool", "use_mem_pool", "get_device_limit", "set_device_limit", "get_stream_limit",
                  "set_stream_limit", "reset_stream_limit", "StreamLimitCtx"])

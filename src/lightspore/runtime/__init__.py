"""``mindspore.runtime``: streams, events, memory statistics and executor settings on torch's runtime.

On a GPU target these act on ``torch.cuda`` (the current device); on the CPU target work is synchronous on the
host, memory counters are 0 as in the reference, and the stream/event objects are usable no-ops.
"""
from .event import Event
from .executor import dispatch_threads_num, launch_blocking
from .memory import (
    empty_cache,
    max_memory_allocated,
    max_memory_reserved,
    memory_allocated,
    memory_reserved,
    memory_stats,
    memory_summary,
    reset_max_memory_allocated,
    reset_max_memory_reserved,
    reset_peak_memory_stats,
    set_memory,
)
from .stream import (
    Stream,
    StreamCtx,
    communication_stream,
    current_stream,
    default_stream,
    set_cur_stream,
    synchronize,
)

__all__ = sorted(["launch_blocking", "dispatch_threads_num", "Stream", "communication_stream", "synchronize",
                  "set_cur_stream", "current_stream", "default_stream", "StreamCtx", "set_memory", "memory_stats",
                  "memory_reserved", "max_memory_reserved", "empty_cache", "reset_peak_memory_stats",
                  "memory_summary", "memory_allocated", "max_memory_allocated", "reset_max_memory_reserved",
                  "reset_max_memory_allocated", "Event"])

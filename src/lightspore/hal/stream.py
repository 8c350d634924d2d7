"""``mindspore.hal.stream``: the stream API (shared with ``mindspore.runtime.stream``)."""
from ..runtime.stream import (  # noqa: F401
    Stream,
    StreamCtx,
    communication_stream,
    current_stream,
    default_stream,
    set_cur_stream,
    synchronize,
)

__all__ = ["Stream", "synchronize", "set_cur_stream", "current_stream", "default_stream", "communication_stream",
           "StreamCtx"]

"""``mindspore.runtime`` stream core limits (MindSpore 2.10): ``set_stream_limit`` / ``get_stream_limit`` /
``reset_stream_limit`` and the ``StreamLimitCtx`` context manager. The limit is the number of Ascend cube and
vector cores a stream's kernels may use; torch has no such limit on CPU or CUDA streams, so it is kept on the
``Stream`` and read back (``-1``: not set)."""
from .stream import Stream

__all__ = ["set_stream_limit", "get_stream_limit", "reset_stream_limit", "StreamLimitCtx"]


def _check(stream, where):
    if not isinstance(stream, Stream):
        raise TypeError(f"For '{where}', the argument 'stream' should be Stream, but got {type(stream)}.")


def _get(stream):
    return getattr(stream, "_core_limit", (-1, -1))


def _set(stream, cube_num, vector_num):
    stream._core_limit = (cube_num, vector_num)


def get_stream_limit(stream):
    """``{'cube_core_num': ..., 'vector_core_num': ...}`` of ``stream``."""
    _check(stream, "get_stream_limit")
    cube, vector = _get(stream)
    return {"cube_core_num": cube, "vector_core_num": vector}


def set_stream_limit(stream, cube_num=-1, vector_num=-1):
    _check(stream, "set_stream_limit")
    _set(stream, cube_num, vector_num)


def reset_stream_limit(stream):
    _check(stream, "set_stream_limit")     # the reference's message names set_stream_limit here too
    _set(stream, -1, -1)


class StreamLimitCtx:
    """``with StreamLimitCtx(stream, cube_num, vector_num):`` sets the stream's limit for the block and restores
    the previous one after."""

    def __init__(self, stream, cube_num=-1, vector_num=-1):
        _check(stream, "StreamLimitCtx")
        self.stream = stream
        self.cube_num = cube_num
        self.vector_num = vector_num
        self.prev_cube_num = -1
        self.prev_vector_num = -1

    def __enter__(self):
        self.prev_cube_num, self.prev_vector_num = _get(self.stream)
        _set(self.stream, self.cube_num, self.vector_num)

    def __exit__(self, exc_type, exc_val, exc_tb):
        _set(self.stream, self.prev_cube_num, self.prev_vector_num)

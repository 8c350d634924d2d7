"""``mindspore.runtime`` streams on ``torch.cuda.Stream``.

On the CPU target every op runs synchronously on the calling thread, which is one stream (id 0): the stream
functions work and are trivially in order (``query()`` is True, ``synchronize()`` returns at once), where the
reference only logs "CPU device is not supported" and returns None.
"""
import torch

from .device import _cuda_device
from .event import Event

__all__ = ["Stream", "synchronize", "set_cur_stream", "current_stream", "default_stream", "communication_stream",
           "StreamCtx"]


def _check_int(name, value, where):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For '{where}', the type of '{name}' must be 'int', but got '{type(value).__name__}'.")


class Stream:
    """A device stream: a queue of work on one device, independent of the other streams.

    ``Stream(priority=0)`` makes a new stream (lower numbers: higher priority); on the CPU target all streams are
    the synchronous host queue."""

    def __init__(self, priority=0, **kwargs):
        _check_int("priority", priority, "Stream")
        if "stream_id" in kwargs:
            _check_int("stream_id", kwargs["stream_id"], "Stream")
        wrapped = kwargs.get("stream")
        dev = _cuda_device()
        if isinstance(wrapped, Stream):
            self._t, self._dev = wrapped._t, wrapped._dev
        elif isinstance(wrapped, torch.cuda.Stream):
            self._t, self._dev = wrapped, wrapped.device
        elif dev is None:
            self._t, self._dev = None, torch.device("cpu")
        else:
            self._t = torch.cuda.Stream(dev, priority=-1 if priority < 0 else 0)
            self._dev = dev

    @classmethod
    def _wrap(cls, t):
        return cls(stream=t)

    @property
    def id(self):
        """The stream's id on its device (0: the default stream)."""
        return 0 if self._t is None else int(self._t.stream_id)

    @property
    def device_id(self):
        return 0 if self._t is None else (self._dev.index or 0)

    @property
    def device_name(self):
        return "CPU" if self._t is None else "GPU"

    def record_event(self, event=None):
        """Record ``event`` (a new one if None) on this stream and return it."""
        if event is None:
            event = Event()
        if not isinstance(event, Event):
            raise TypeError(f"For 'record_event', the argument 'event' should be Event, but got {type(event)}.")
        event.record(self)
        return event

    def wait_event(self, event):
        """Make the work submitted to this stream from now on wait for ``event``."""
        if not isinstance(event, Event):
            raise TypeError(f"For 'wait_event', the argument 'event' should be Event, but got {type(event)}.")
        event.wait(self)

    def wait_stream(self, stream):
        """Make the work submitted to this stream from now on wait for everything queued on ``stream``."""
        if not isinstance(stream, Stream):
            raise TypeError(f"For 'wait_stream', the argument 'stream' should be Stream, but got {type(stream)}.")
        self.wait_event(stream.record_event())

    def synchronize(self):
        """Block until every kernel queued on this stream has finished."""
        if self._t is not None:
            self._t.synchronize()

    def query(self):
        """True when every kernel queued on this stream has finished."""
        return True if self._t is None else bool(self._t.query())

    def __eq__(self, other):
        if not isinstance(other, Stream):
            raise TypeError(f"For '__eq__', the argument 'other' should be Stream, but got {type(other)}.")
        return self.device_name == other.device_name and self.device_id == other.device_id and self.id == other.id

    def __hash__(self):
        return hash((self.id, self.device_id))

    def __repr__(self):
        return f"Stream(device_name={self.device_name}, device_id:{self.device_id}, stream id:{self.id})"


_cpu_stream = {"current": None}


def synchronize():
    """Wait for all streams of the current device."""
    dev = _cuda_device()
    if dev is not None:
        torch.cuda.synchronize(dev)


def set_cur_stream(stream):
    """Make ``stream`` the current stream (no-op for None). Prefer ``with StreamCtx(stream):``."""
    if stream is None:
        return
    if not isinstance(stream, Stream):
        raise TypeError(f"For 'set_cur_stream', the argument 'stream' should be Stream, but got {type(stream)}.")
    if stream._t is not None:
        torch.cuda.set_stream(stream._t)
    else:
        _cpu_stream["current"] = stream


def current_stream():
    """The stream new work goes to on the current device."""
    dev = _cuda_device()
    if dev is None:
        return _cpu_stream["current"] or Stream()
    return Stream(stream=torch.cuda.current_stream(dev))


def default_stream():
    """The device's default stream."""
    dev = _cuda_device()
    return Stream() if dev is None else Stream(stream=torch.cuda.default_stream(dev))


_comm = {}


def communication_stream():
    """The stream collective communication runs on (one per device, made on first use)."""
    dev = _cuda_device()
    if dev is None:
        return Stream()
    if dev not in _comm:
        _comm[dev] = Stream()
    return _comm[dev]


class StreamCtx:
    """``with StreamCtx(stream):`` runs the block's work on ``stream`` and restores the previous stream after."""

    def __init__(self, ctx_stream):
        if ctx_stream is not None and not isinstance(ctx_stream, Stream):
            raise TypeError(f"For 'StreamCtx', the argument 'ctx_stream' should be Stream, but got "
                            f"{type(ctx_stream)}.")
        self.stream = ctx_stream
        self._prev = None

    def __enter__(self):
        if self.stream is None:
            return self
        self._prev = current_stream()
        if self.stream._t is not None and self._prev._t is not None and self._prev._dev != self.stream._dev:
            raise ValueError(f"For 'StreamCtx', the stream is on {self.stream._dev} but the current device is "
                             f"{self._prev._dev}.")
        set_cur_stream(self.stream)
        return self

    def __exit__(self, *exc):
        if self.stream is None:
            return
        if self._prev._t is not None:
            torch.cuda.set_stream(self._prev._t)
        else:
            _cpu_stream["current"] = self._prev if self._prev.id else None

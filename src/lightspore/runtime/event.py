"""``mindspore.runtime.Event`` on ``torch.cuda.Event``; on the CPU target, a host timestamp.

CPU work is synchronous, so a CPU event is complete once recorded and its ``elapsed_time`` is the host time
between two records (milliseconds, like CUDA's).
"""
import time

import torch

from .device import _cuda_device


class Event:
    """A marker in a stream: ``record()`` it, ``wait()`` for it from another stream, time two of them with
    ``elapsed_time`` (needs ``enable_timing=True``)."""

    def __init__(self, enable_timing=False, blocking=False):
        if not isinstance(enable_timing, bool):
            raise TypeError(f"For 'Event', the 'enable_timing' must be a bool, but got "
                            f"{type(enable_timing).__name__}.")
        if not isinstance(blocking, bool):
            raise TypeError(f"For 'Event', the 'blocking' must be a bool, but got {type(blocking).__name__}.")
        self.enable_timing = enable_timing
        self.blocking = blocking
        self._t = torch.cuda.Event(enable_timing=enable_timing, blocking=blocking) \
            if _cuda_device() is not None else None
        self._time = None

    @staticmethod
    def _stream(stream, where):
        from .stream import Stream, current_stream
        if stream is None:
            return current_stream()
        if not isinstance(stream, Stream):
            raise TypeError(f"For '{where}', the argument 'stream' should be Stream, but got {type(stream)}.")
        return stream

    def record(self, stream=None):
        """Record the event on ``stream`` (the current stream if None)."""
        s = self._stream(stream, "record")
        if self._t is not None and s._t is not None:
            self._t.record(s._t)
        else:
            self._time = time.perf_counter()

    def wait(self, stream=None):
        """Make future work on ``stream`` (the current stream if None) wait for this event."""
        s = self._stream(stream, "wait")
        if self._t is not None and s._t is not None:
            self._t.wait(s._t)

    def synchronize(self):
        """Block until the work recorded before this event has finished."""
        if self._t is not None:
            self._t.synchronize()

    def query(self):
        """True when the work recorded before this event has finished."""
        return True if self._t is None else bool(self._t.query())

    def elapsed_time(self, end_event):
        """Milliseconds between this event's record and ``end_event``'s."""
        if not isinstance(end_event, Event):
            raise TypeError(f"For 'elapsed_time', the argument 'end_event' should be Event, but got "
                            f"{type(end_event)}.")
        if not (self.enable_timing and end_event.enable_timing):
            raise RuntimeError("For 'elapsed_time', both events must be created with enable_timing=True.")
        if self._t is not None and end_event._t is not None:
            return float(self._t.elapsed_time(end_event._t))
        if self._time is None or end_event._time is None:
            raise RuntimeError("For 'elapsed_time', both events must be recorded before the time between them "
                               "can be measured.")
        return (end_event._time - self._time) * 1000.0

"""``mindspore.hal.event``: the event API (shared with ``mindspore.runtime.event``)."""
from ..runtime.event import Event

__all__ = ["Event"]

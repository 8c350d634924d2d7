"""``mindspore.hal.stream``: the stream API (shared with ``mindspore.runtime.stream``)."""
from ..runtime.stream import *  # noqa: F403
from ..runtime.stream import __all__  # noqa: F401

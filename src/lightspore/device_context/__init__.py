"""``mindspore.device_context``: per-backend device settings (``cpu``, ``gpu``, ``ascend``) on torch."""
from . import ascend, cpu, gpu

__all__ = ["cpu", "gpu", "ascend"]

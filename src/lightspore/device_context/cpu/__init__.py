"""``mindspore.device_context.cpu``: the CPU backend (always available, one device)."""
from .device import device_count, is_available
from .op_tuning import threads_num

__all__ = ["device_count", "is_available", "threads_num"]

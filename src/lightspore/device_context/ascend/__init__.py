"""``mindspore.device_context.ascend``: Ascend has no PyTorch backend here; it is reported unavailable."""
from .device import device_count, is_available

__all__ = ["device_count", "is_available"]

"""``mindspore.DeviceCtx`` (MindSpore 2.10): a ``with`` block that makes a device current for the tensors, Parameters
and Cells created inside it, then restores the one before (a per-thread stack, so blocks nest).

``DeviceCtx('meta')`` is torch's meta device: Parameters, initializers and ops inside produce shapes and dtypes
without storage (initializers draw nothing and leave the seed stream untouched, as in the reference), so a net of
any size is built without allocating; ``Cell.to_empty(device='CPU')`` then gives it real, uninitialised storage.
"""
import threading

import torch

from . import _device

_VALID = ["CPU", "GPU", "Ascend", "meta"]
_local = threading.local()


class DeviceInfo(tuple):
    """``(device_target, device_id)``, as ``mindspore.get_current_device()`` returns it."""

    def __new__(cls, device_target, device_id):
        return super().__new__(cls, (device_target, device_id))

    @property
    def device_target(self):
        return self[0]

    @property
    def device_id(self):
        return self[1]


def device_name(d):
    """MindSpore's name of a torch device: 'CPU', 'meta', or 'GPU:<index>' (Tensor.device, UntypedStorage.device)."""
    if d.type in ("cpu", "meta"):
        return "CPU" if d.type == "cpu" else "meta"
    return f"{d.type.upper()}:{d.index or 0}"


class on_device:
    """``with on_device('cpu'):`` makes ``dev`` the device new tensors are created on for the block (no context
    keys change): an explicit ``device='CPU'`` argument inside ``DeviceCtx('meta')``."""

    def __init__(self, dev):
        self.dev = torch.device(dev)

    def __enter__(self):
        self.prev = _device.current_device()
        _device.set_current_device(self.dev)

    def __exit__(self, *exc):
        _device.set_current_device(self.prev)


def _stack():
    s = getattr(_local, "stack", None)
    if s is None:
        s = _local.stack = []
    return s


def _torch_device(name, device_id):
    if name == "CPU":
        return torch.device("cpu")
    if name == "meta":
        return torch.device("meta")
    if name == "GPU" and torch.cuda.is_available():
        return torch.device(f"cuda:{device_id}")
    raise RuntimeError(f"Unsupported device target {name}. This process only supports one of the "
                       f"{['CPU', 'GPU'] if torch.cuda.is_available() else ['CPU']}. Please check whether the "
                       f"{name} environment is installed and configured correctly.")


class DeviceCtx:
    """Context manager: ``with DeviceCtx('meta'): net = Net()``. ``name`` is 'CPU', 'GPU', 'Ascend' or 'meta';
    ``device_id`` defaults to 0 (set on entry)."""

    def __init__(self, name: str, device_id=None):
        self.name = name
        self.device_id = device_id

    def __enter__(self):
        from .. import context

        if self.name not in _VALID:
            raise ValueError(f"For DeviceCtx, the name must be one of {_VALID}, but got {self.name}.")
        if self.device_id is not None and self.device_id < 0:
            raise ValueError("For DeviceCtx, the device_id must be greater than or equal to 0.")
        if self.device_id is None:
            self.device_id = 0
        dev = _torch_device(self.name, self.device_id)
        ctx = context._context
        _stack().append((ctx["device_target"], ctx["device_id"], _device.current_device()))
        ctx["device_target"], ctx["device_id"] = self.name, self.device_id
        _device.set_current_device(dev)
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        from .. import context

        target, device_id, dev = _stack().pop()
        context._context["device_target"], context._context["device_id"] = target, device_id
        _device.set_current_device(dev)


__all__ = ["DeviceCtx"]

"""``mindspore.hal`` device queries on torch."""
import torch

from .. import log as logger

__all__ = ["is_initialized", "is_available", "device_count", "get_device_capability", "get_device_properties",
           "get_device_name", "get_arch_list"]

_TARGETS = ["CPU", "GPU", "Ascend"]


def _has(target):
    return target == "CPU" or (target == "GPU" and torch.cuda.is_available())


def _target(device_target):
    """The reference's argument check: None means the context's target; the target must exist here."""
    if device_target is None:
        from ..context import get_context
        device_target = get_context("device_target")
    if not isinstance(device_target, str):
        raise TypeError(f"The argument 'device_target' must be str, but got {device_target}, type is "
                        f"{type(device_target)}.")
    if device_target not in _TARGETS:
        raise ValueError(f"The argument 'device_target' must be one of {_TARGETS}, but got {device_target}.")
    if not _has(device_target):
        raise ValueError(f"{device_target} backend is not available for this MindSpore package.You can call "
                         f"hal.is_available to check the reason.")
    return device_target


def _device_id(device_id, target):
    count = device_count(target)
    if isinstance(device_id, bool) or not isinstance(device_id, int):
        raise TypeError(f"The argument 'device_id' must be int, but got {device_id}, type is {type(device_id)}.")
    if device_id < 0:
        raise ValueError(f"The argument 'device_id' should not be negative, but got {device_id}.")
    if device_id >= count:
        raise ValueError(f"The argument 'device_id' must be less than device count: {count}, but got {device_id}.")


def is_initialized(device_target):
    """Whether the backend of ``device_target`` has been started in this process."""
    if device_target not in _TARGETS:
        raise ValueError(f"For 'hal.is_initialized', the argument 'device_target' must be one of {_TARGETS}, but "
                         f"got {device_target}.")
    if device_target == "CPU":
        return True
    if device_target == "GPU":
        return torch.cuda.is_available() and torch.cuda.is_initialized()
    logger.info(f"Backend {device_target} is not created yet.")
    return False


def is_available(device_target):
    """Whether ``device_target`` can be used in this installation."""
    if device_target not in _TARGETS:
        raise ValueError(f"For 'hal.is_available', the argument 'device_target' must be one of {_TARGETS}, but "
                         f"got {device_target}.")
    if not _has(device_target):
        logger.warning(f"Backend {device_target} is not available.")
        return False
    return True


def device_count(device_target=None):
    """Number of devices of ``device_target`` (the context's target if None); CPU counts as one."""
    target = _target(device_target)
    return 1 if target == "CPU" else torch.cuda.device_count()


def get_device_capability(device_id, device_target=None):
    """(major, minor) compute capability of a GPU; None for the CPU."""
    target = _target(device_target)
    _device_id(device_id, target)
    return None if target == "CPU" else tuple(torch.cuda.get_device_capability(device_id))


def get_device_properties(device_id, device_target=None):
    """A GPU's properties (name, major, minor, total_memory, multi_processor_count, ...); None for the CPU."""
    target = _target(device_target)
    _device_id(device_id, target)
    return None if target == "CPU" else torch.cuda.get_device_properties(device_id)


def get_device_name(device_id, device_target=None):
    """The device's name ('CPU' for the CPU)."""
    target = _target(device_target)
    _device_id(device_id, target)
    return "CPU" if target == "CPU" else torch.cuda.get_device_name(device_id)


def get_arch_list(device_target=None):
    """The GPU architectures this build supports; None for the CPU."""
    target = _target(device_target)
    return None if target == "CPU" else torch.cuda.get_arch_list()

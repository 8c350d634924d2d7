"""``mindspore.runtime.set_device_limit`` / ``get_device_limit`` (MindSpore 2.10): the number of Ascend cube and
vector cores a device's kernels may use. No CPU or CUDA kernel takes such a limit (torch has none), so the limits
are kept per device id and read back; ``-1`` means not set."""

__all__ = ["set_device_limit", "get_device_limit"]

_limits = {}


def _ints(where, sig, *values):
    if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
        raise TypeError(f"{where}(): incompatible function arguments. The following argument types are supported: "
                        f"{sig}. Invoked with: {', '.join(repr(v) for v in values)}")


def set_device_limit(device, cube_num=-1, vector_num=-1):
    """Keep the core limits of device ``device`` (an int id)."""
    _ints("set_device_limit", "(arg0: int, arg1: int, arg2: int) -> None", device, cube_num, vector_num)
    _limits[device] = (cube_num, vector_num)


def get_device_limit(device):
    """``{'cube_core_num': ..., 'vector_core_num': ...}`` as set for device ``device`` (-1 where not set)."""
    _ints("get_device_limit", "(arg0: int) -> tuple", device)
    cube, vector = _limits.get(device, (-1, -1))
    return {"cube_core_num": cube, "vector_core_num": vector}

"""``Cell.to`` / ``Cell.to_empty`` (MindSpore 2.10): move or cast a cell's Parameters in place (each Parameter
object keeps its identity, so optimizers and other references see the new data), and the meta device (shape and
dtype without storage: torch's 'meta')."""
import torch

from ..common import dtype as mstype
from ..common._meta import torch_device
from ..common.tensor import Tensor


def _parse_to(args, kwargs):
    """(device, dtype, non_blocking) from to(device=None, dtype=None, non_blocking=False) / to(dtype, ...) /
    to(tensor, ...)."""
    device = kwargs.pop("device", None)
    dtype = kwargs.pop("dtype", None)
    non_blocking = kwargs.pop("non_blocking", False)
    if kwargs:
        raise TypeError(f"Cell.to() got unexpected keyword arguments {sorted(kwargs)}.")
    rest = list(args)
    if rest and isinstance(rest[0], Tensor):
        t = rest.pop(0)
        dtype, device = t.dtype, ("meta" if t.is_meta else "CPU")
    elif rest and isinstance(rest[0], mstype.Type):
        dtype = rest.pop(0)
    elif rest and (isinstance(rest[0], str) or rest[0] is None):
        device = rest.pop(0)
        if rest and isinstance(rest[0], mstype.Type):
            dtype = rest.pop(0)
    if rest and isinstance(rest[0], bool):
        non_blocking = rest.pop(0)
    if rest:
        raise TypeError(f"Cell.to() received an invalid combination of arguments: {args!r}.")
    return device, dtype, non_blocking


def _params(cell, recurse):
    return [p for _, p in cell.parameters_and_names(expand=recurse)]


def to(self, *args, **kwargs):
    device, dtype, non_blocking = _parse_to(args, dict(kwargs))
    tdtype = None
    if dtype is not None:
        tdtype = mstype.to_torch(dtype)
        if not (tdtype.is_floating_point or tdtype.is_complex):
            raise TypeError(f"Cell.to only accepts floating point or complex dtypes, but got desired dtype={dtype}")
    dev = torch_device(device, "Cell.to") if device is not None else None
    for p in _params(self, True):
        t = p._t
        if t.is_meta and device is not None and dev != "meta":
            raise RuntimeError("Cannot copy from tensor which is on meta device. Please use Cell.to_empty() instead "
                               "of Cell.to() when moving module from meta to a different device.")
        target = tdtype if tdtype is not None and (t.is_floating_point() or t.is_complex()) else t.dtype
        new = t.to(device=("meta" if dev == "meta" else (t.device if device is None else "cpu")), dtype=target,
                   non_blocking=non_blocking)
        if new is not t:
            p._t = new
    return self


def to_empty(self, *, device=None, recurse=True):
    dev = torch_device(device, "Cell.to_empty") if device is not None else None   # None: each keeps its device
    if device is not None and dev is None:
        dev = "cpu"
    for p in _params(self, recurse):
        p._t = torch.empty_like(p._t, device=dev)
    return self

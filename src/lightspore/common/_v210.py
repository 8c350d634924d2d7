"""Top-level functions new in MindSpore 2.10: ``swap_tensors``, ``frombuffer``."""
import torch

from . import dtype as mstype
from .tensor import Tensor


def swap_tensors(t1, t2):
    """Exchange the contents (data, shape, dtype) of two Tensors in place: each object keeps its identity."""
    if not isinstance(t1, Tensor) or not isinstance(t2, Tensor):
        raise TypeError(f"For 'swap_tensors', both inputs must be Tensors, but got {type(t1).__name__} and "
                        f"{type(t2).__name__}.")
    t1._t, t2._t = t2._t, t1._t


def frombuffer(buffer, dtype, count=-1, offset=0):
    """A 1-D Tensor sharing memory with ``buffer`` (an object with the buffer interface): ``count`` items of
    ``dtype`` (-1: all) from byte ``offset``."""
    if not isinstance(dtype, mstype.Type):
        raise TypeError(f"For 'frombuffer', 'dtype' must be a mindspore dtype, but got {type(dtype).__name__}.")
    return Tensor._make(torch.frombuffer(buffer, dtype=mstype.to_torch(dtype), count=count, offset=offset))

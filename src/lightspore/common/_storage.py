"""``mindspore.UntypedStorage`` (MindSpore 2.10): the bytes under a Tensor, whatever their dtype, as
``Tensor.untyped_storage()`` returns them; a view of a tensor shares its storage.

It holds the tensor's ``torch.UntypedStorage``; every Tensor over the same torch storage gets the same object (kept
on the torch storage itself, so it lives exactly as long as the bytes). It is not built directly, as in the
reference (TypeError).
"""
import numbers

import torch

from . import dtype as mstype
from .device import device_name

__all__ = ["UntypedStorage", "untyped_storage"]


class UntypedStorage:
    """The bytes under a Tensor: ``size()``/``nbytes()``, ``data_ptr()``, ``device``, ``dtype`` (of the tensor it
    was taken from), ``copy_(src)`` (same size), ``resize_(nbytes)``, ``is_shared()``."""

    __slots__ = ("_s", "_dtype", "__weakref__")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'UntypedStorage' instances")

    @property
    def device(self):
        return device_name(self._s.device)

    @property
    def dtype(self):
        return self._dtype

    def nbytes(self):
        return self._s.nbytes()

    size = nbytes
    __len__ = nbytes

    def element_size(self):
        return 1

    def data_ptr(self):
        return self._s.data_ptr()

    def is_shared(self):
        return self._s.is_shared()

    def copy_(self, src):
        if not isinstance(src, UntypedStorage):
            raise TypeError(f"For 'UntypedStorage.copy_', 'src' must be an UntypedStorage, but got "
                            f"{type(src).__name__}.")
        if src.nbytes() != self.nbytes():
            raise RuntimeError(f"Size does not match, self was {self.nbytes()} bytes but src was {src.nbytes()} "
                               f"bytes")
        self._s.copy_(src._s)
        return self

    def resize_(self, size):
        if not isinstance(size, numbers.Integral) or isinstance(size, bool):
            raise RuntimeError(f"resize_ expects an int, but got {type(size).__name__}")
        size = int(size)
        if self._s.resizable():
            self._s.resize_(size)
        else:       # bytes shared with a numpy array: this storage moves to its own bytes, the tensors keep theirs
            new = torch.UntypedStorage(size, device=self._s.device)
            n = min(size, self._s.nbytes())
            if n:
                new[:n].copy_(self._s[:n])
            self._s = new
        return self

    def __repr__(self):
        return f"<mindspore.common.storage.UntypedStorage object at {hex(id(self))}>"


def untyped_storage(tensor):
    """``Tensor.untyped_storage()``: the one UntypedStorage of ``tensor``'s torch storage."""
    s = tensor._t.untyped_storage()
    wrapper = getattr(s, "_lightspore_storage", None)
    if wrapper is None:
        wrapper = object.__new__(UntypedStorage)
        wrapper._s = s
        wrapper._dtype = mstype.from_torch(tensor._t.dtype)
        s._lightspore_storage = wrapper
    return wrapper

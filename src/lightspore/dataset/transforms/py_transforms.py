"""mindspore.dataset.transforms.py_transforms: the pre-2.0 name of the Python general transforms.

Same classes as ``mindspore.dataset.transforms`` except ``Compose``, which kept its old result here as in the
reference: always a tuple of the columns.
"""
from . import transforms as _t
from .transforms import (
    PyTensorOperation,
    RandomApply,
    RandomChoice,
    RandomOrder,
    TensorOperation,
    not_random,
)

__all__ = ["Compose", "PyTensorOperation", "RandomApply", "RandomChoice", "RandomOrder", "TensorOperation",
           "not_random"]


class Compose(_t.Compose):
    """Apply ``transforms`` in turn; the result is always a tuple (the pre-2.0 behaviour)."""

    def __call__(self, *args):
        out = super().__call__(*args)
        return out if isinstance(out, tuple) else (out,)

"""mindspore.dataset.transforms.py_transforms: the pre-2.0 name of the Python general transforms.

Same classes as ``mindspore.dataset.transforms`` (Compose and the random pickers apply their list in the same
way in both).
"""
from .transforms import (
    Compose,
    PyTensorOperation,
    RandomApply,
    RandomChoice,
    RandomOrder,
    TensorOperation,
    not_random,
)

__all__ = ["Compose", "PyTensorOperation", "RandomApply", "RandomChoice", "RandomOrder", "TensorOperation",
           "not_random"]

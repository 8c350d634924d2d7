"""mindspore.dataset.transforms.c_transforms: the pre-2.0 name of the general transforms.

The reference keeps these as deprecated copies of ``mindspore.dataset.transforms``; here they are the same
classes (one implementation, one behaviour).
"""
from .transforms import (
    Compose,
    Concatenate,
    Duplicate,
    Fill,
    Mask,
    OneHot,
    PadEnd,
    RandomApply,
    RandomChoice,
    Relational,
    Slice,
    TensorOperation,
    TypeCast,
    Unique,
)

__all__ = ["Compose", "Concatenate", "Duplicate", "Fill", "Mask", "OneHot", "PadEnd", "RandomApply", "RandomChoice",
           "Relational", "Slice", "TensorOperation", "TypeCast", "Unique"]

"""``mindspore.ops.operations`` (``P``): the primitive classes."""
from . import PRIMS as _PRIMS
from ._table import Primitive, PrimitiveWithCheck, PrimitiveWithInfer  # noqa: F401

globals().update(_PRIMS)

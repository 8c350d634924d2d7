"""``mindspore.ops.operations`` (``P``): the primitive classes.

Every primitive of the op table, as in the reference (``P.ReLU is ops.ReLU``); the submodules
(``nn_ops``, ``math_ops``, ``array_ops``...) are mirrors listing the reference's names per topic.
"""
from .._misc import identity  # noqa: F401  (the class; ops.identity is its instance, as in the reference)
from .._table import PRIMS as _PRIMS
from .._table import Primitive, PrimitiveWithCheck, PrimitiveWithInfer  # noqa: F401

globals().update(_PRIMS)

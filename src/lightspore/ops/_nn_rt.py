"""Ops whose bad inputs raise RuntimeError in the reference (its kernel-side checks).

An implementation raises ``RefRuntimeError`` (a RuntimeError) with the reference's words; the op table re-raises it
as a plain RuntimeError instead of translating it, so ``rt_op`` is the table's ``op``.
"""
from ..common._errors import RefRuntimeError
from ._table import op as rt_op

__all__ = ["RefRuntimeError", "rt_op"]

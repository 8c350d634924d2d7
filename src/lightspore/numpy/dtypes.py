"""``mindspore.numpy.dtypes``: the dtype names of ``mindspore.numpy`` (``int_`` is int32, ``float_`` float32,
``uint`` uint32) and the constants inf, nan, pi."""
from __future__ import annotations

from ..common.dtype import bool_, float16, float32, float64, int8, int16, int32, int64, uint8, uint16, uint32, uint64

inf = float("inf")
PINF = float("inf")
NINF = float("-inf")
nan = float("nan")
pi = 3.141592653589793

int_ = int32
uint = uint32
float_ = float32

numeric_types = ['int_', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float_',
                 'float16', 'float32', 'float64', 'bool_']

__all__ = numeric_types + ['uint', 'inf', 'PINF', 'NINF', 'nan', 'pi', 'numeric_types']
_ = (bool_, float16, float64, int8, int16, int64, uint8, uint16, uint64)

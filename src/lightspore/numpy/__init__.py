"""``mindspore.numpy``: NumPy-style functions on lightspore Tensors.

Python ints become int32 and floats float32, as in the reference; ``ones``/``zeros``/``eye`` default to float32.
The submodules mirror the reference's (``array_creations``, ``array_ops``, ``math_ops``, ``logic_ops``,
``dtypes``, ``fft``). Names of the reference that are not built are absent (listed in
tests/test_msnumpy_full.py).
"""
from __future__ import annotations

from . import array_creations, array_ops, dtypes, fft, logic_ops, math_ops
from .array_creations import *  # noqa: F403
from .array_creations import copy_ as copy
from .array_ops import *  # noqa: F403
from .dtypes import *  # noqa: F403
from .dtypes import NINF, PINF, inf, nan, numeric_types, pi, uint
from .logic_ops import *  # noqa: F403
from .math_ops import *  # noqa: F403
from .math_ops import around, divmod_, matrix_power, sum_

mod = remainder  # noqa: F405
fabs = absolute  # noqa: F405
round = around  # noqa: A001
divmod = divmod_  # noqa: A001
abs = absolute  # noqa: A001, F405
max = amax  # noqa: A001, F405
min = amin  # noqa: A001, F405
sum = sum_  # noqa: A001
bitwise_not = invert  # noqa: F405
del divmod_, sum_

__all__ = sorted(
    [n for n in array_ops.__all__]
    + [n for n in array_creations.__all__ if n != "copy_"]
    + [n for n in math_ops.__all__ if n not in ("divmod_", "sum_", "around", "matrix_power")]
    + ["mod", "fabs", "divmod", "abs", "max", "min", "sum", "bitwise_not"]
    + logic_ops.__all__
    + numeric_types)
_ = (NINF, PINF, inf, nan, pi, uint, copy, fft, dtypes, matrix_power)

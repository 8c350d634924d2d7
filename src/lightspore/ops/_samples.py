"""Sample inputs of the op table's specs: small, deterministic and framework-free.

An op's spec (``@op(..., samples=...)``) lists ``S(...)`` records whose arguments are array builders (``A``: a
seeded random array of a shape and dtype; ``V``: literal values), dtype names (``D``) and plain Python values.
``build(sample, ms)`` turns one into the arguments of a call for either framework, so the same record runs in
lightspore (tests/test_op_samples.py) and in the reference (tests/golden/gen_op_samples.py). The ``repr`` of every
record evaluates back to an equal record in this module's namespace; that text is the golden file's key.

This module imports only numpy: the generator loads it by path in the reference's interpreter, which has no torch.
"""
import numpy as np

__all__ = ["A", "V", "D", "S", "build", "nan", "inf", "f32", "f64", "f16", "i32", "i64", "u8", "mask", "pos", "unit",
           "idx", "UNARY", "UNARY_POS", "UNARY_UNIT", "UNARY_FLOAT", "BINARY", "REDUCE", "ACT", "LOGICAL", "BITWISE"]


nan, inf = float("nan"), float("inf")     # so that the repr of V([nan, inf]) evaluates here


class A:
    """A seeded random array: floats uniform in [lo, hi), integers in [lo, hi], bools at random."""
    __slots__ = ("shape", "dtype", "lo", "hi", "seed")

    def __init__(self, shape, dtype="float32", lo=-2, hi=2, seed=0):
        self.shape, self.dtype, self.lo, self.hi, self.seed = tuple(shape), dtype, lo, hi, seed

    def array(self):
        rs = np.random.RandomState(self.seed)
        if self.dtype == "bool":
            return rs.rand(*self.shape) > 0.5
        if np.dtype(self.dtype).kind in "iu":
            return rs.randint(self.lo, self.hi + 1, size=self.shape).astype(self.dtype)
        return rs.uniform(self.lo, self.hi, size=self.shape).astype(self.dtype)

    def __repr__(self):
        return f"A({self.shape!r}, {self.dtype!r}, {self.lo!r}, {self.hi!r}, {self.seed!r})"


class V:
    """Literal values as an array of a dtype (indices, masks, exact inputs)."""
    __slots__ = ("values", "dtype")

    def __init__(self, values, dtype="float32"):
        self.values, self.dtype = values, dtype

    def array(self):
        return np.array(self.values, self.dtype)

    def __repr__(self):
        return f"V({self.values!r}, {self.dtype!r})"


class D:
    """A dtype argument, by the framework's attribute name (``D('float16')`` is ``ms.float16``)."""
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"D({self.name!r})"


class S:
    """One sample call: positional and keyword arguments (builders, dtypes or plain values)."""
    __slots__ = ("args", "kwargs")

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs

    def __repr__(self):
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"S({', '.join(parts)})"


def _value(x, ms):
    if isinstance(x, (A, V)):
        return ms.Tensor(x.array())
    if isinstance(x, D):
        return getattr(ms, x.name)
    if isinstance(x, tuple):
        return tuple(_value(v, ms) for v in x)
    if isinstance(x, list):
        return [_value(v, ms) for v in x]
    return x


def build(sample, ms):
    """``(args, kwargs)`` of ``sample`` for the framework module ``ms`` (fresh tensors on every call)."""
    return [_value(a, ms) for a in sample.args], {k: _value(v, ms) for k, v in sample.kwargs.items()}


def f32(*shape, seed=0):
    return A(shape, "float32", seed=seed)


def f64(*shape, seed=0):
    return A(shape, "float64", seed=seed)


def f16(*shape, seed=0):
    return A(shape, "float16", seed=seed)


def i32(*shape, lo=-3, hi=3, seed=0):
    return A(shape, "int32", lo, hi, seed)


def i64(*shape, lo=-3, hi=3, seed=0):
    return A(shape, "int64", lo, hi, seed)


def u8(*shape, seed=0):
    return A(shape, "uint8", 0, 9, seed)


def mask(*shape, seed=0):
    return A(shape, "bool", seed=seed)


def pos(*shape, seed=0):
    """float32 in [0.5, 2): inside the domain of log, sqrt, ..."""
    return A(shape, "float32", 0.5, 2, seed)


def unit(*shape, seed=0):
    """float32 in [-0.9, 0.9): inside the domain of asin, atanh, ..."""
    return A(shape, "float32", -0.9, 0.9, seed)


def idx(*shape, hi=1, seed=0):
    """int32 indices in [0, hi]."""
    return A(shape, "int32", 0, hi, seed)


# sample sets shared by many specs: a 2-D float32 input, a 0-d one, and the integer or float16 input whose dtype
# rule (kept, promoted to float32, refused) differs between ops
UNARY = (S(f32(2, 3)), S(f32()), S(i32(4)), S(f16(3)))
UNARY_POS = (S(pos(2, 3)), S(pos()), S(A((4,), "int32", 1, 5)))
UNARY_UNIT = (S(unit(2, 3)), S(unit()), S(A((3,), "float64", -0.9, 0.9)))
UNARY_FLOAT = (S(f32(2, 3)), S(f32()), S(f64(3)))
BINARY = (S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(3, seed=1)), S(i32(4), i32(4, lo=1, hi=4, seed=1)),
          S(f32(2, 3), 2.5), S(i32(3), f32(3, seed=1)))
REDUCE = (S(f32(2, 3, 4)), S(f32(2, 3, 4), 1), S(f32(2, 3, 4), -1, True), S(f32(2, 3, 4), (0, 2)))
ACT = (S(f32(2, 3)), S(f32(4)), S(f16(3)))
LOGICAL = (S(mask(2, 3), mask(2, 3, seed=1)), S(mask(3), mask(2, 3, seed=1)))
BITWISE = (S(i32(2, 3), i32(2, 3, seed=1)), S(u8(4), u8(4, seed=1)), S(mask(3), mask(3, seed=1)))

"""Sample inputs of the op table's specs: small, deterministic and framework-free.

An op's spec (``@op(..., samples=...)``) lists ``S(...)`` records whose arguments are array builders (``A``: a
seeded random array of a shape and dtype; ``V``: literal values), dtype names (``D``) and plain Python values.
``build(sample, ms)`` turns one into the arguments of a call for either framework, so the same record runs in
lightspore (tests/test_op_samples.py) and in the reference (tests/golden/gen_op_samples.py). The ``repr`` of every
record evaluates back to an equal record in this module's namespace; that text is the golden file's key.

Two markers extend what a sample can say. ``P(builder)`` is an argument the op writes into: a ``Parameter``
(``P(builder, param=False)``: a plain Tensor); its value after the call is compared too, next to the returned value.
``Prop(check, ...)`` is a sample whose result is not unique (eigenvectors up to phase, random draws): the result's
dtypes and shapes are compared, and its values only through ``CHECKS[check]``, a numpy function of the inputs and
the outputs applied alike to the reference's and lightspore's results.

This module imports only numpy: the generator loads it by path in the reference's interpreter, which has no torch.
"""
import numpy as np

__all__ = ["A", "V", "D", "S", "P", "Prop", "CHECKS", "NAMES", "build", "mutated", "arrays_of", "nan", "inf", "f32",
           "f64", "f16", "i32", "i64", "u8", "mask", "pos", "unit", "idx", "UNARY", "UNARY_POS",
           "UNARY_UNIT", "UNARY_FLOAT", "BINARY", "REDUCE", "ACT", "LOGICAL", "BITWISE"]


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


class P:
    """An argument the op updates in place: a Parameter holding the builder's array (a plain Tensor when not
    ``param``); its value after the call is part of the result."""
    __slots__ = ("of", "param")

    def __init__(self, of, param=True):
        self.of, self.param = of, param

    def array(self):
        return self.of.array()

    def __repr__(self):
        return f"P({self.of!r})" if self.param else f"P({self.of!r}, param=False)"


class S:
    """One sample call: positional and keyword arguments (builders, dtypes or plain values)."""
    __slots__ = ("args", "kwargs")
    check = None

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs

    def __repr__(self):
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        head = "S(" if self.check is None else f"Prop({self.check!r}, "
        return head + ", ".join(parts) + ")"


class Prop(S):
    """A sample whose values are compared through the property ``CHECKS[check]`` (see the module's text)."""
    __slots__ = ("check",)

    def __init__(self, check, *args, **kwargs):
        if check not in CHECKS:
            raise KeyError(f"no property {check!r} in CHECKS")
        S.__init__(self, *args, **kwargs)
        self.check = check


def _value(x, ms):
    if isinstance(x, P):
        t = ms.Tensor(x.array())
        return ms.Parameter(t, name="sample_param") if x.param else t
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


def mutated(sample, args, kwargs):
    """The built arguments that ``sample`` marks ``P`` (written by the op), in order."""
    return ([a for b, a in zip(sample.args, args) if isinstance(b, P)]
            + [kwargs[k] for k, b in sample.kwargs.items() if isinstance(b, P)])


def arrays_of(sample):
    """``(args, kwargs)`` of ``sample`` as numpy arrays and plain values (what a property function reads)."""
    def val(x):
        if isinstance(x, (A, V, P)):
            return x.array()
        if isinstance(x, (tuple, list)):
            return type(x)(val(v) for v in x)
        return x
    return [val(a) for a in sample.args], {k: val(v) for k, v in sample.kwargs.items()}


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


# ---------------------------------------------------------------------------------------------
# properties of results that are not unique: ``check(args, kwargs, out)`` -> a tuple of arrays and plain values
# that are (args, kwargs: ``arrays_of(sample)``; out: the result as numpy arrays, nested as the op returns them)
# ---------------------------------------------------------------------------------------------
def _char_poly(w):
    """The characteristic polynomial's coefficients (real: the matrix is real): the eigenvalues in any order."""
    return np.real(np.poly(w.astype(np.complex128))).astype(np.float32)


def _eigvals(args, kwargs, w):
    return (_char_poly(w),)


def _eig(args, kwargs, out):
    """Eigenvalues (as their polynomial), and eigenvectors up to a phase: ``A V == V diag(w)``, unit columns."""
    (a,), (w, v) = args, out
    resid = np.abs(a @ v - v * w[None, :]).max()
    return _char_poly(w), bool(resid <= 1e-4 * max(1.0, np.abs(a).max())), np.linalg.norm(v, axis=0).astype(np.float32)


def _rrelu(args, kwargs, y):
    """Non-negative inputs pass; each negative one is scaled by a slope in [lower, upper]."""
    x, lower, upper = (list(args) + [1.0 / 8, 1.0 / 3])[:3]
    neg = x < 0
    slope = y[neg] / x[neg]
    return bool(np.array_equal(y[~neg], x[~neg])), bool(np.all((slope >= lower - 1e-6) & (slope <= upper + 1e-6)))


def _softmax_rows(args, kwargs, y):
    """Gumbel-softmax: a distribution along ``dim`` (one-hot when ``hard``)."""
    dim = kwargs.get("dim", args[3] if len(args) > 3 else -1)
    hard = kwargs.get("hard", args[2] if len(args) > 2 else False)
    one_hot = bool(np.all(np.isclose(y, 0, atol=1e-6) | np.isclose(y, 1, atol=1e-6))) if hard else None
    return (bool(np.allclose(y.sum(axis=dim), 1, atol=1e-5)), bool(y.min() >= 0 and y.max() <= 1 + 1e-6), one_hot)


def _drawn_from(args, kwargs, idx):
    """Multinomial draws: indices of categories whose weight is positive."""
    x = args[0].reshape(-1, args[0].shape[-1])
    idx = idx.reshape(x.shape[0], -1)
    return (bool(np.all((idx >= 0) & (idx < x.shape[1]))),
            bool(np.all(np.take_along_axis(x, np.clip(idx, 0, x.shape[1] - 1), 1) > 0)))


def _pooled_at(args, kwargs, out):
    """Fractional max pooling: every output is the input's element at its (per-channel flattened) index, and along
    each spatial axis the windows move forward, so that coordinate of the picked elements never decreases."""
    x, (y, idx) = args[0], out
    flat = x.reshape(x.shape[0], x.shape[1], -1)
    picked = np.take_along_axis(flat, idx.reshape(idx.shape[0], idx.shape[1], -1), 2).reshape(y.shape)
    coords = np.unravel_index(idx, x.shape[2:])
    forward = all(np.all(np.diff(c, axis=2 + k) >= 0) for k, c in enumerate(coords))
    return bool(np.array_equal(picked, y)), bool(forward)


CHECKS = {"eigvals": _eigvals, "eig": _eig, "rrelu": _rrelu, "softmax_rows": _softmax_rows,
          "drawn_from": _drawn_from, "pooled_at": _pooled_at}

# the names a sample's ``repr`` uses (the golden file's keys evaluate in this namespace)
NAMES = ("A", "V", "D", "S", "P", "Prop", "nan", "inf")

"""Element-wise math: arithmetic, powers, exps and logs, trigonometry, rounding, special functions, scalar ops."""
from __future__ import annotations

import builtins

import torch

from ..common import dtype as mstype
from . import _promote, _release_ops
from ._args import _REQ, _binary, _dt, _scal, _unary, attr_prim
from ._samples import BINARY, BITWISE, UNARY, UNARY_POS, UNARY_UNIT, A, S, V, f16, f32, i32, inf, nan, pos
from ._table import IMPLS, SPECS, Primitive, op, prim

# ---------------------------------------------------------------------------------------------
# elementwise arithmetic
# ---------------------------------------------------------------------------------------------
# add, sub, mul, div, floor_div, floor_mod, pow, maximum, minimum and the comparisons, in every form (functional,
# primitive, Tensor method, mint, operator), come from the one definition in _promote
_promote.register()
_div = IMPLS["div"]


@op(prim="RealDiv", samples=BINARY)
def _real_div(x, y):
    if isinstance(x, torch.Tensor) and isinstance(y, torch.Tensor) and not (
            x.is_floating_point() or x.is_complex() or y.is_floating_point() or y.is_complex()):
        return torch.div(x, y, rounding_mode="trunc")   # RealDiv of two integer tensors keeps their dtype
    return _div(x, y)


@op(prim="Neg", method=("neg", "negative"), aliases=("negative",), samples=UNARY)
def neg(input):
    return torch.neg(input)


@op(prim="Abs", method=("abs", "absolute"), aliases=("absolute",), samples=UNARY)
def abs(input):
    return torch.abs(input)


# the integer dtypes the reference's Exp refuses (it takes int64 and bool)
_EXP_REFUSED = frozenset((torch.int8, torch.int16, torch.int32, torch.uint8))


@op(prim="Exp", method="exp", samples=UNARY)
def exp(input):
    r = torch.exp(input)
    if r.dtype is not input.dtype and input.dtype in _EXP_REFUSED:
        raise TypeError(f"For primitive[Exp], the input argument[input] must be a type of {{BFloat16, Bool, "
                        f"Complex128, Complex64, Float16, Float32, Float64, Int64}}, but got {_dt(input)}.")
    return r


@op(prim="Log", method="log", samples=UNARY_POS)
def log(input):
    return torch.log(input)


@op(prim="Log1p", method="log1p", samples=UNARY_POS)
def log1p(input):
    return torch.log1p(input)


@op(prim="Expm1", method="expm1", samples=UNARY)
def expm1(input):
    return torch.expm1(input)


@op(prim="Sqrt", method="sqrt", samples=UNARY_POS)
def sqrt(x):
    return torch.sqrt(x)


@op(prim="Rsqrt", method="rsqrt", samples=UNARY_POS)
def rsqrt(input):
    return torch.rsqrt(input)


@op(prim="Square", method="square", samples=UNARY)
def square(input):
    return torch.square(input)


@op(prim="Reciprocal", method="reciprocal", samples=UNARY_POS)
def reciprocal(input):
    if not (input.is_floating_point() or input.is_complex()):
        input = input.float()
    return torch.reciprocal(input)


@op(prim="Sin", method="sin", samples=UNARY)
def sin(input):
    return torch.sin(input)


@op(prim="Cos", method="cos", samples=UNARY)
def cos(input):
    return torch.cos(input)


@op(prim="Tan", method="tan", samples=UNARY_UNIT)
def tan(input):
    return torch.tan(input)


@op(prim="Tanh", method="tanh", samples=UNARY)
def tanh(input):
    return torch.tanh(input)


@op(prim="Sigmoid", method="sigmoid", samples=UNARY)
def sigmoid(input):
    return torch.sigmoid(input)


@op(prim="Erf", method="erf", samples=UNARY)
def erf(input):
    return torch.erf(input)


@op(prim="Sign", method="sign", samples=UNARY)
def sign(input):
    return torch.sign(input)


@op(prim="Floor", method="floor", samples=UNARY)
def floor(input):
    return torch.floor(input)


@op(prim="Ceil", method="ceil", samples=UNARY)
def ceil(input):
    if not input.is_floating_point():
        raise TypeError(f"For primitive[Ceil], the input argument[input_x] must be a type of {{BFloat16, Float16, "
                        f"Float32, Float64}}, but got {_dt(input)}.")
    return torch.ceil(input)


@op(method="round", samples=UNARY + (S(f32(2, 3), decimals=1),))
def round(input, *, decimals=0):
    if not (input.is_floating_point() or input.is_complex()):
        return input.clone()    # integers are already round (torch's kernel refuses them)
    return torch.round(input, decimals=decimals)


@op(method=("clamp", "clip"), aliases=("clip",),
    samples=(S(f32(2, 3), -1.0, 1.0), S(f32(2, 3), None, 0.5), S(i32(4), 0, 2), S(f32(2, 3), f32(3, seed=1), 1.5)))
def clamp(input, min=None, max=None):
    return _release_ops.clamp(input, min, max)     # int input with float bounds differs between releases


@op(samples=(S(f32(2, 3), -1.0, 1.0), S(f32(2, 3), V(-0.5), V(0.5))))
def clip_by_value(x, clip_value_min=None, clip_value_max=None):
    if clip_value_min is None and clip_value_max is None:
        raise ValueError("For 'clip_by_value', at least one of 'clip_value_min' and 'clip_value_max' must "
                         "not be None.")
    return torch.clamp(x, clip_value_min, clip_value_max)


# trigonometric / hyperbolic and their inverses
acos = _unary("acos", torch.acos, "ACos", ("acos", "arccos"), floatify="only", samples=UNARY_UNIT)

arccos = _unary("arccos", torch.acos, floatify="only", samples=UNARY_UNIT)

asin = _unary("asin", torch.asin, "Asin", ("asin", "arcsin"), floatify="only", samples=UNARY_UNIT)

arcsin = _unary("arcsin", torch.asin, argname="x", floatify="only", samples=UNARY_UNIT)

atan = _unary("atan", torch.atan, "Atan", ("atan", "arctan"), floatify="only")

arctan = _unary("arctan", torch.atan, floatify="only")

cosh = _unary("cosh", torch.cosh, "Cosh", ("cosh",), floatify="only")

sinh = _unary("sinh", torch.sinh, "Sinh", ("sinh",), floatify="only")

acosh = _unary("acosh", torch.acosh, "Acosh", ("acosh", "arccosh"), floatify="only",
               samples=(S(A((2, 3), 'float32', 1, 3)), S(A((3,), 'int32', 1, 4))))

arccosh = _unary("arccosh", torch.acosh, floatify="only", samples=(S(A((2, 3), 'float32', 1, 3)),))

asinh = _unary("asinh", torch.asinh, "Asinh", ("asinh", "arcsinh"), floatify="only")

arcsinh = _unary("arcsinh", torch.asinh, floatify="only")

atanh = _unary("atanh", torch.atanh, "Atanh", ("atanh", "arctanh"), floatify="only", samples=UNARY_UNIT)

arctanh = _unary("arctanh", torch.atanh, floatify="only", samples=UNARY_UNIT)


# special functions
erfc = _unary("erfc", torch.erfc, "Erfc", ("erfc",), floatify="only")

erfinv = _unary("erfinv", torch.erfinv, "Erfinv", ("erfinv",), floatify="only", samples=UNARY_UNIT)

lgamma = _unary("lgamma", torch.lgamma, "Lgamma", ("lgamma",), samples=UNARY_POS)

digamma = _unary("digamma", torch.digamma, "Digamma", ("digamma",), floatify="only", samples=UNARY_POS)

i0 = _unary("i0", torch.i0, None, ("i0",), floatify="only")

sinc = _unary("sinc", torch.sinc, "Sinc", ("sinc",))


# logs / exps / rounding
log2 = _unary("log2", torch.log2, None, ("log2",), floatify="only", samples=UNARY_POS)

log10 = _unary("log10", torch.log10, None, ("log10",), floatify="only", samples=UNARY_POS)

exp2 = _unary("exp2", torch.exp2)

trunc = _unary("trunc", torch.trunc, "Trunc", ("trunc",), floatify=False)

frac = _unary("frac", lambda x: torch.frac(x) if x.is_floating_point() else torch.zeros_like(x), None, ("frac",),
              argname="x", floatify=False)

deg2rad = _unary("deg2rad", torch.deg2rad, None, ("deg2rad",), argname="x", floatify="only")

rad2deg = _unary("rad2deg", torch.rad2deg, None, ("rad2deg",), argname="x", floatify="only")

sgn = _unary("sgn", torch.sgn, None, ("sgn",), floatify=False)

signbit = _unary("signbit", torch.signbit, None, ("signbit",), floatify=False)

positive = _unary("positive", torch.positive, None, ("positive",), floatify=False)


def _invert(x):
    if x.dtype == torch.bool or x.is_floating_point() or x.is_complex():
        raise TypeError(f"For 'invert', 'x' must be an integer tensor, but got {mstype.from_torch(x.dtype)}")
    return torch.bitwise_not(x)

invert = _unary("invert", _invert, "Invert", ("invert",), argname="x", floatify=False,
                samples=(S(i32(2, 3)), S(A((4,), 'int16', -5, 5)), S(f32(3))))

atan2 = _binary("atan2", torch.atan2, "Atan2", ("atan2", "arctan2"), floatify="one")

arctan2 = _binary("arctan2", torch.atan2, floatify="one")

logaddexp = _binary("logaddexp", torch.logaddexp, None, ("logaddexp",), floatify="both",
                    samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(3, seed=1)), S(i32(3), i32(3, seed=1))))

logaddexp2 = _binary("logaddexp2", torch.logaddexp2, None, ("logaddexp2",), floatify="both",
                     samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(3, seed=1)), S(i32(3), i32(3, seed=1))))

hypot = _binary("hypot", torch.hypot, "Hypot", ("hypot",), floatify="one")

bitwise_and = _binary("bitwise_and", torch.bitwise_and, "BitwiseAnd", ("bitwise_and",), samples=BITWISE)

bitwise_or = _binary("bitwise_or", torch.bitwise_or, "BitwiseOr", ("bitwise_or",), samples=BITWISE)

bitwise_xor = _binary("bitwise_xor", torch.bitwise_xor, "BitwiseXor", ("bitwise_xor",), samples=BITWISE)

bitwise_left_shift = _binary("bitwise_left_shift", torch.bitwise_left_shift, None, ("bitwise_left_shift",),
                             samples=(S(i32(2, 3), A((2, 3), 'int32', 0, 3)),))

bitwise_right_shift = _binary("bitwise_right_shift", torch.bitwise_right_shift, None, ("bitwise_right_shift",),
                              samples=(S(i32(2, 3), A((2, 3), 'int32', 0, 3)),))

fmod = _binary("fmod", torch.fmod, None, ("fmod",))

xlogy = _binary("xlogy", torch.xlogy, "Xlogy", ("xlogy",), floatify="one")

copysign = _binary("copysign", torch.copysign, None, ("copysign",), args=("x", "other"), floatify=True,
                   samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(i32(3), f32(3, seed=1))))

heaviside = _binary("heaviside", torch.heaviside, "Heaviside", ("heaviside",), args=("input", "values"),
                    floatify="same", samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(V([-1.0, 0.0, 2.0]), V([0.5]))))

gcd = _binary("gcd", torch.gcd, "Gcd", ("gcd",), samples=(S(A((2, 3), 'int32', 1, 20), A((2, 3), 'int32', 1, 20, 1)),))

lcm = _binary("lcm", torch.lcm, "Lcm", ("lcm",), samples=(S(A((2, 3), 'int32', 1, 20), A((2, 3), 'int32', 1, 20, 1)),))


def _ldexp(x, other):
    # x * 2**other with the power taken in x's float dtype (torch.ldexp's backward rounds 2**-n to 0)
    if isinstance(other, torch.Tensor) and not other.is_floating_point():
        other = other.to(x.dtype if x.is_floating_point() else torch.float32)
    return torch.mul(x, torch.exp2(torch.as_tensor(other, dtype=x.dtype if x.is_floating_point() else torch.float32)))

ldexp = _binary("ldexp", _ldexp, None, ("ldexp",), args=("x", "other"), floatify=True,
                samples=(S(f32(2, 3), A((2, 3), 'int32', -2, 2)),))


@op(samples=(S(pos(2, 3), 2.0), S(pos(3), pos(3, seed=1))))
def float_power(input, exponent):
    return torch.float_power(input, exponent)


@op(prim="Lerp", method="lerp",
    samples=(S(f32(2, 3), f32(2, 3, seed=1), 0.3), S(f32(2, 3), f32(2, 3, seed=1), pos(2, 3, seed=2))))
def lerp(input, end, weight):
    return torch.lerp(input, end, weight if isinstance(weight, torch.Tensor) else float(weight))


@op(prim="Addcmul", method="addcmul", samples=(S(f32(2, 3), f32(2, 3, seed=1), f32(2, 3, seed=2), V(0.5)),))
def addcmul(input, tensor1, tensor2, value=1):
    if isinstance(value, (int, float)) and input.dtype == tensor1.dtype == tensor2.dtype:
        return torch.addcmul(input, tensor1, tensor2, value=value)      # one fused kernel
    return input + value * tensor1 * tensor2


@op(prim="Addcdiv",
    samples=(S(f32(2, 3), f32(2, 3, seed=1), pos(2, 3, seed=2), V(0.5)),
             ))   # Tensor.addcdiv: the reference kernel (AddcdivExt) is unregistered on CPU
def addcdiv(input, tensor1, tensor2, value=1):
    if isinstance(value, (int, float)) and input.is_floating_point() and input.dtype == tensor1.dtype == tensor2.dtype:
        return torch.addcdiv(input, tensor1, tensor2, value=value)
    return input + value * tensor1 / tensor2


@op(method="nan_to_num", samples=(S(V([nan, inf, -inf, 1.0])), S(V([nan, inf, -inf, 1.0]), 0.0, 10.0, -10.0)))
def nan_to_num(input, nan=None, posinf=None, neginf=None):
    return torch.nan_to_num(input, nan=0.0 if nan is None else nan, posinf=posinf, neginf=neginf)


@op(method="logit", samples=(S(A((2, 3), 'float32', 0.1, 0.9)), S(A((2, 3), 'float32', 0.1, 0.9), 0.2)))
def logit(input, eps=None):
    return torch.logit(input, eps)


attr_prim("NanToNum", nan_to_num, {"nan": None, "posinf": None, "neginf": None})


attr_prim("Logit", None, {"eps": -1.0}, call=lambda self, x: logit(x, None if self.eps < 0 else self.eps))


# ---------------------------------------------------------------------------------------------
# complex parts, classification, more binary math, special functions
# ---------------------------------------------------------------------------------------------
def _angle(x):
    if not x.is_complex():
        raise TypeError(f"For 'angle', 'input' must be a complex tensor, but got {mstype.from_torch(x.dtype)}")
    return torch.angle(x)

angle = _unary("angle", _angle, "Angle", ("angle",), floatify=False)

conj = _unary("conj", lambda x: torch.conj(x).resolve_conj(), "Conj", ("conj",), floatify=False)

real = _unary("real", lambda x: torch.real(x).clone() if x.is_complex() else x.clone(), "Real", ("real",),
              floatify=False)

imag = _unary("imag", lambda x: torch.imag(x).clone() if x.is_complex() else torch.zeros_like(x), "Imag", ("imag",),
              floatify=False)

isneginf = _unary("isneginf", torch.isneginf, None, ("isneginf",), floatify=False)

isposinf = _unary("isposinf", torch.isposinf, None, ("isposinf",), floatify=False)

isreal = _unary("isreal", torch.isreal, None, ("isreal",), floatify=False)

def _inv(x):
    if x.is_floating_point() or x.is_complex():
        return torch.reciprocal(x)
    # integers: 1 // x truncated, and the dtype's minimum where x is 0 (as the reference's kernel gives)
    zero = x == 0
    r = torch.div(torch.ones_like(x), torch.where(zero, torch.ones_like(x), x), rounding_mode="trunc")
    return torch.where(zero, torch.full((), torch.iinfo(x.dtype).min, dtype=x.dtype, device=x.device), r)

inv = _unary("inv", _inv, "Inv", ("inv",), argname="x", floatify=False)


def _with_derivative(fn, deriv):
    """``fn`` with the derivative ``deriv(x)`` (torch has no autograd formula for these Bessel functions)."""
    class _F(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return fn(x)

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * deriv(x)

    def call(x):
        return _F.apply(x) if torch.is_grad_enabled() and x.requires_grad else fn(x)
    return call

_sp = torch.special

_BESSEL_GRAD = {
    "j0": lambda x: -_sp.bessel_j1(x),
    "j1": lambda x: _sp.bessel_j0(x) - _sp.bessel_j1(x) / x,
    "y0": lambda x: -_sp.bessel_y1(x),
    "y1": lambda x: _sp.bessel_y0(x) - _sp.bessel_y1(x) / x,
    "k0": lambda x: -_sp.modified_bessel_k1(x),
    "k1": lambda x: -_sp.modified_bessel_k0(x) - _sp.modified_bessel_k1(x) / x,
    "k0e": lambda x: _sp.scaled_modified_bessel_k0(x) - _sp.scaled_modified_bessel_k1(x),
    "k1e": lambda x: _sp.scaled_modified_bessel_k1(x) * (1 - 1 / x) - _sp.scaled_modified_bessel_k0(x),
}

# the reference's value on the negative half-line, where these functions are undefined (torch gives NaN)
_BESSEL_NEGATIVE = {"k": float("inf"), "y": float("-inf")}


def _bessel(fn, negative):
    """``fn`` computed in float32 for a half-precision input (torch has no half kernels for these), and ``negative``
    where the input is below zero."""
    def call(x):
        half = x.dtype in (torch.float16, torch.bfloat16)
        y = fn(x.float() if half else x)
        if negative is not None:
            y = torch.where(x < 0, torch.full((), negative, dtype=y.dtype, device=y.device), y)
        return y.to(x.dtype) if half else y
    return call


for _b in ("i0", "i0e", "i1", "i1e", "j0", "j1", "k0", "k0e", "k1", "k1e", "y0", "y1"):
    _tf = {"i0": torch.special.i0, "i0e": torch.special.i0e, "i1": torch.special.i1, "i1e": torch.special.i1e,
           "j0": torch.special.bessel_j0, "j1": torch.special.bessel_j1, "y0": torch.special.bessel_y0,
           "y1": torch.special.bessel_y1, "k0": torch.special.modified_bessel_k0,
           "k1": torch.special.modified_bessel_k1, "k0e": torch.special.scaled_modified_bessel_k0,
           "k1e": torch.special.scaled_modified_bessel_k1}[_b]
    _tf = _bessel(_tf, _BESSEL_NEGATIVE.get(_b[0]))
    if _b in _BESSEL_GRAD:
        _tf = _with_derivative(_tf, _BESSEL_GRAD[_b])
    globals()["bessel_" + _b] = _unary("bessel_" + _b, _tf, "Bessel" + _b[0].upper() + _b[1:], argname="x",
                                       floatify="only")

fmax = _binary("fmax", lambda input, other: torch.fmax(*_scal(input, other)), "Fmax", ("fmax",))

nextafter = _binary("nextafter", torch.nextafter, "NextAfter", ("nextafter",), floatify="same")

igamma = _binary("igamma", torch.special.gammainc, "Igamma", ("igamma",), floatify="same")

igammac = _binary("igammac", torch.special.gammaincc, "Igammac", ("igammac",), floatify="same")

def _float_inputs(prim_name, names, allowed, *xs):
    """The reference's dtype check of a primitive taking float (or complex) tensors only, made after its implicit
    promotion (an integer tensor beside a float one is promoted, so passes)."""
    def ok(x):
        return not isinstance(x, torch.Tensor) or x.is_floating_point() or (x.is_complex() and "Complex64" in allowed)
    if builtins.any(ok(x) and isinstance(x, torch.Tensor) for x in xs):
        return
    for n, x in zip(names, xs):
        if not ok(x):
            raise TypeError(f"For primitive[{prim_name}], the input argument[{n}] must be a type of {{{allowed}}}, but "
                            f"got Tensor[{_dt(x)}].")


_FLOATS = "Tensor[Float16], Tensor[Float32], Tensor[Float64]"
_FLOATS_COMPLEX = "Tensor[Complex128], Tensor[Complex64], " + _FLOATS


def _zeta(x, q):
    _float_inputs("Zeta", ("x", "q"), "Tensor[Float32], Tensor[Float64]", x, q)
    return torch.special.zeta(x, q)

zeta = _binary("zeta", _zeta, "Zeta", floatify="same")


def _xdivy(x, y):
    _float_inputs("Xdivy", ("x", "y"), _FLOATS_COMPLEX, x, y)
    return torch.where(x == 0, torch.zeros_like(x / y), x / y)

xdivy = _binary("xdivy", _xdivy, "Xdivy", ("xdivy",), args=("x", "y"))

truncate_div = _binary("truncate_div", lambda x, y: torch.div(x, y, rounding_mode="trunc"), "TruncateDiv",
                       args=("x", "y"))

truncate_mod = _binary("truncate_mod", torch.fmod, "TruncateMod", args=("x", "y"))

floordiv = _binary("floordiv", torch.floor_divide)

floormod = _binary("floormod", torch.remainder, args=("x", "y"))


@op(method="mvlgamma", samples=(S(A((2, 3), 'float32', 2, 3), 2),))
def mvlgamma(input, p):
    return torch.mvlgamma(input, p)


@op(prim="Polygamma", samples=(S(V(1, "int64"), pos(2, 3)), S(V(2, "int64"), pos(4, seed=1))))
def polygamma(n, input):
    return torch.polygamma(int(n), input)


@op(prim="Polar", samples=(S(pos(2, 3), f32(2, 3, seed=1)),))
def polar(abs, angle):
    return torch.polar(abs, angle)


@op(prim="PopulationCount", samples=(S(A((4,), 'int16', 0, 100)),))
def population_count(input_x):
    if input_x.is_floating_point() or input_x.is_complex() or input_x.dtype == torch.bool:
        raise TypeError(f"For 'population_count', 'input_x' must be an integer tensor, "
                        f"but got {mstype.from_torch(input_x.dtype)}")
    bits = input_x.element_size() * 8
    v = input_x.to(torch.int64) & ((1 << bits) - 1) if bits < 64 else input_x.to(torch.int64)
    count = torch.zeros_like(v)
    for i in range(bits):
        count += (v >> i) & 1
    return count.to(torch.uint8)


attr_prim("Mvlgamma", mvlgamma, {"p": _REQ})


def _alias(name, target, args):
    """A functional alias with its own (reference) parameter names calling ``target``'s implementation."""
    ns = {"_f": IMPLS[target]}
    params = ", ".join(args)
    exec(f"def {name}({params}):\n    return _f({params})\n", ns)
    impl = ns[name]
    impl.__doc__ = f"Alias of ``ops.{target}``."
    return op(name, samples=SPECS[target].samples)(impl)     # an alias runs its target's samples

for _n, _t in [("ge", "greater_equal"), ("gt", "greater"), ("le", "less_equal"), ("lt", "less"),
               ("ne", "not_equal"), ("eq", "equal"), ("tensor_add", "add"), ("tensor_mul", "mul"),
               ("tensor_floordiv", "floor_div"), ("tensor_pow", "pow"), ("tensor_gt", "greater"),
               ("tensor_ge", "greater_equal"), ("tensor_lt", "less"), ("tensor_le", "less_equal")]:
    _alias(_n, _t, ("input", "exponent") if _t == "pow" else ("input", "other"))

_alias("tensor_mod", "floor_mod", ("x", "y"))

_alias("tensor_exp", "exp", ("input",))

_alias("tensor_expm1", "expm1", ("input",))

_alias("pows", "pow", ("input", "exponent"))


@op(samples=(S(f32(2, 3), pos(2, 3, seed=1)), S(V([7, -7, 9], "int32"), V([2, 2, -4], "int32"))))
def tensor_div(x, y):
    """``x / y`` as the reference's ``P.RealDiv()``: integer inputs divide with truncation."""
    x, y = _scal(x, y)
    if not (x.is_floating_point() or x.is_complex() or y.is_floating_point() or y.is_complex()):
        return torch.div(x, y, rounding_mode="trunc")
    return torch.div(x, y)


@op(samples=(S(f32(2, 3), 2.5), S(i32(4), 3)))
def tensor_muls(input, other):
    """``input * other`` for a Python number ``other``."""
    if not isinstance(other, (int, float, bool)):
        raise TypeError(f"For 'Muls', 'other' must be a number, but got {type(other).__name__}.")
    return torch.mul(input, other)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(i32(2, 3), i32(3, seed=1))))
def tensor_sub(*args):
    """``ops.tensor_sub(x, y)``: element-wise ``x - y`` (the reference's ``P.Sub()`` instance)."""
    if len(args) != 2:
        raise TypeError(f"For 'Sub', 2 inputs are required, but got {len(args)}.")
    return torch.sub(*_scal(*args)) if not isinstance(args[0], torch.Tensor) else torch.sub(args[0], args[1])


# ---------------------------------------------------------------------------------------------
# more element-wise primitives
# ---------------------------------------------------------------------------------------------
def _div_no_nan(x1, x2):
    x1, x2 = _scal(x1, x2)
    if not any(v.is_floating_point() or v.is_complex() for v in (x1, x2)):     # one float input is enough
        raise TypeError(f"For 'DivNoNan', the inputs must be float or complex tensors, but got {_dt(x1)} and "
                        f"{_dt(x2)}.")
    r = torch.where(x2 == 0, torch.zeros((), dtype=torch.result_type(x1, x2), device=x1.device), x1 / torch.where(
        x2 == 0, torch.ones_like(x2), x2))
    return r


def _mul_no_nan(x, y):
    x, y = _scal(x, y)
    return torch.where(y == 0, torch.zeros((), dtype=torch.result_type(x, y), device=x.device), x * y)

_binary("_div_no_nan", _div_no_nan, "DivNoNan", args=("x1", "x2"))

_binary("_mul_no_nan", _mul_no_nan, "MulNoNan", args=("x", "y"))

_binary("_squared_difference", lambda x, y: torch.square(torch.sub(*_scal(x, y))), "SquaredDifference",
        args=("x", "y"))

_binary("_mod", lambda x, y: torch.fmod(*_scal(x, y)), "Mod", args=("x", "y"))


@op(prim="Fmin", method="fmin", samples=(S(f32(2, 3), f32(2, 3, seed=1)),))
def fmin(input, other):
    """Element-wise minimum ignoring NaN (NaN only where both are NaN)."""
    return torch.fmin(input, other)

def _rint(x):
    _float_inputs("Rint", ("x",), _FLOATS, x)
    return torch.round(x)

_unary("_rint", _rint, "Rint", argname="input_x", floatify=False)

def _complex_abs(x):
    if not x.is_complex():
        raise TypeError(f"For primitive[ComplexAbs], the input argument[x] must be a type of {{Tensor[Complex64], "
                        f"Tensor[Complex128]}}, but got Tensor[{_dt(x)}].")
    return torch.abs(x)

_unary("_complex_abs", _complex_abs, "ComplexAbs", argname="x", floatify=False)

_unary("_eps", lambda x: torch.full_like(x, torch.finfo(x.dtype).tiny if x.dtype != torch.float16
                                          else 2.0 ** -24), "Eps", argname="x", floatify=False)


@op(samples=(S(f32(2, 3)), S(f16(3))))
def eps(x):
    """A tensor like ``x`` filled with the smallest positive value of its float dtype."""
    if x.dtype == torch.float16:
        return torch.full_like(x, 2.0 ** -24)
    return torch.full_like(x, torch.finfo(x.dtype).tiny)


@op(prim="Complex", samples=(S(f32(3), f32(3, seed=1)),))
def _complex(real, imag):
    if real.dtype != imag.dtype:
        raise TypeError(f"For 'Complex', 'real' and 'imag' must have the same dtype, but got "
                        f"{_dt(real)} and {_dt(imag)}")
    return torch.complex(real, imag)


@prim("Round")
class Round(Primitive):
    """Round half to even (``decimals`` places)."""

    def __init__(self):
        super().__init__("Round")

    def __call__(self, input, decimals=0):
        from ..common.tensor import Tensor
        from ._table import unwrap
        return Tensor._make(torch.round(unwrap(input), decimals=int(decimals)))


# ---------------------------------------------------------------------------------------------
# Python scalar arithmetic (the reference's scalar_* primitives, run eagerly)
# ---------------------------------------------------------------------------------------------
def _scalar_op(name, fn, nargs=2):
    def impl2(x, y):
        for v in (x, y):
            if not isinstance(v, (int, float, bool)):
                raise TypeError(f"For '{name}', the inputs must be scalars (int, float, bool), but got "
                                f"{type(v).__name__}")
        return fn(x, y)

    def impl1(x):
        if not isinstance(x, (int, float, bool)):
            raise TypeError(f"For '{name}', the input must be a scalar (int, float, bool), but got "
                            f"{type(x).__name__}")
        return fn(x)

    impl = impl2 if nargs == 2 else impl1
    impl.__name__ = name
    impl.__doc__ = f"``{name}`` on Python scalars."
    samples = (S(7, 2), S(2.5, 2), S(True, 3), S(3, 1.5)) if nargs == 2 else (S(3), S(-2.5))
    return op(name, out="raw", samples=samples)(impl)


def _sdiv(x, y):
    if y == 0:
        raise ValueError("For 'scalar_div', the divisor can not be zero.")
    return x / y


def _sfloordiv(x, y):
    if y == 0:
        raise ValueError("For 'scalar_floordiv', the divisor can not be zero.")
    return x // y


def _smod(x, y):
    if y == 0:
        raise ValueError("For 'scalar_mod', the divisor can not be zero.")
    return x % y

_scalar_op("scalar_add", lambda x, y: x + y)

_scalar_op("scalar_sub", lambda x, y: x - y)

_scalar_op("scalar_mul", lambda x, y: x * y)

_scalar_op("scalar_div", _sdiv)

_scalar_op("scalar_floordiv", _sfloordiv)

_scalar_op("scalar_mod", _smod)

_scalar_op("scalar_pow", lambda x, y: x ** y)

_scalar_op("scalar_eq", lambda x, y: x == y)

_scalar_op("scalar_gt", lambda x, y: x > y)

_scalar_op("scalar_ge", lambda x, y: x >= y)

_scalar_op("scalar_lt", lambda x, y: x < y)

_scalar_op("scalar_le", lambda x, y: x <= y)

_scalar_op("scalar_max", lambda x, y: x if x >= y else y)

_scalar_op("scalar_min", lambda x, y: x if x <= y else y)

_scalar_op("scalar_uadd", lambda x: +x, 1)

_scalar_op("scalar_usub", lambda x: -x, 1)

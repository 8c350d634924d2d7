"""Binary arithmetic and comparison ops: their dtype semantics, written once for every form.

``a + b``, ``ops.add``, ``ops.Add()``, ``Tensor.add`` and ``mint.add`` all run ``binary_impl("add", form)``; what
differs between the forms in the reference (measured cell by cell: tests/golden/gen_promotion.py) is data here:

* ``_PROMOTE``: the result dtype of two tensors (a 0-d tensor promotes like any other tensor), ``-`` where the
  reference refuses the pair with TypeError;
* ``_scalar_promote``: a Python bool/int/float operand next to a tensor;
* ``_REFUSED``: per op and form, the promoted dtypes its kernel refuses (TypeError), separately for
  tensor x tensor, tensor x scalar and scalar x tensor.

Division gives float32 for integer and bool operands; comparisons give bool. torch computes in the promoted
dtype, or in int64 for the unsigned dtypes its CPU kernels lack, and the result is cast back.
"""
from __future__ import annotations

import numpy as _np
import torch

from .. import _release
from ..common import dtype as mstype
from ..common._errors import RefRuntimeError, translate_error
from ..common.tensor import Tensor

_ORDER = (torch.bool, torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.uint16, torch.uint32,
          torch.uint64, torch.float16, torch.float32, torch.float64, torch.bfloat16)
_CODE = dict(zip(_ORDER, "b1248uvwxhfdz"))
_DTYPE = {c: d for d, c in _CODE.items()}

# row: left dtype, column: right dtype (order b1248uvwxhfdz); '-': TypeError (no implicit conversion)
_PROMOTE_ROWS = """
b1248uvwxhfdz
112482---hfdz
222482---hfdz
444484---hfdz
888888---hfdz
u2248u---hfdz
v-----v------
w------w-----
x-------x----
hhhhhh---hfdf
ffffff---ffdf
dddddd---dddd
zzzzzz---ffdz
""".split()
_PROMOTE = {(a, b): (_DTYPE[_PROMOTE_ROWS[i][j]] if _PROMOTE_ROWS[i][j] != "-" else None)
            for i, a in enumerate(_ORDER) for j, b in enumerate(_ORDER)}

_INTEGRAL = frozenset(_ORDER[:9])
_WIDE_UNSIGNED = frozenset((torch.uint16, torch.uint32, torch.uint64))   # torch's CPU kernels lack most ops


def _scalar_promote(t, s):
    """The dtype of tensor dtype ``t`` with a Python scalar of type ``s`` (bool, int, float); None: TypeError."""
    if s is bool:
        return t
    if t in _WIDE_UNSIGNED:
        return None
    if s is int:
        return torch.int64 if t is torch.bool else t
    return torch.float32 if t in _INTEGRAL else t


# op -> (reference primitive name, torch function, kind); kind: 'arith' | 'div' | 'cmp'
_OPS = {
    "add": ("Add", torch.add, "arith"), "sub": ("Sub", torch.sub, "arith"), "mul": ("Mul", torch.mul, "arith"),
    "div": ("Div", torch.true_divide, "div"), "floor_div": ("FloorDiv", torch.floor_divide, "arith"),
    "mod": ("FloorMod", torch.remainder, "arith"), "pow": ("Pow", torch.pow, "arith"),
    "maximum": ("Maximum", torch.maximum, "arith"), "minimum": ("Minimum", torch.minimum, "arith"),
    "eq": ("Equal", torch.eq, "cmp"), "ne": ("NotEqual", torch.ne, "cmp"), "lt": ("Less", torch.lt, "cmp"),
    "le": ("LessEqual", torch.le, "cmp"), "gt": ("Greater", torch.gt, "cmp"), "ge": ("GreaterEqual", torch.ge, "cmp"),
    # div/divide with rounding_mode='floor' or 'trunc' (golden: promotion_cases.EXTRA)
    "div_floor": ("FloorDiv", lambda a, b: torch.div(a, b, rounding_mode="floor"), "arith"),   # differentiable
    "div_trunc": ("Div", lambda a, b: torch.div(a, b, rounding_mode="trunc"), "arith"),
}
# ops whose kernel refuses a promoted dtype with RuntimeError rather than TypeError
_KERNEL_ERROR = {"div_floor": RefRuntimeError}   # the op table re-raises it as a plain RuntimeError

# op -> form -> refused promoted dtypes (codes) as one string (every position) or a tuple
# (tensor x tensor, tensor x scalar, scalar x tensor). Where the reference's CPU build lacks a kernel
# (mint.mul(tensor, 2.0): "The kernel Muls unregistered") the form computes as the functional one does.
_F = ("functional", "primitive")
_REFUSED = {
    "add": {**dict.fromkeys(_F, "b"), **dict.fromkeys(("method", "mint", "operator"), "")},
    "sub": {**dict.fromkeys(_F, "bwxz"), "method": "", "mint": "", "operator": ("", "", "bwxz")},
    "mul": dict.fromkeys(_F + ("method", "mint", "operator"), "z"),
    "div": dict.fromkeys(_F + ("method", "mint", "operator"), "z"),
    "floor_div": dict.fromkeys(_F + ("method", "mint", "operator"), "bz"),
    "mod": {**dict.fromkeys(_F + ("operator",), "bvwxz"), "method": "bz", "mint": ("bz", "bz", "bwxz")},
    "pow": {**dict.fromkeys(_F + ("method", "operator"), "bz"), "mint": ("bz", "bvwxz", "bvwxz")},
    "maximum": dict.fromkeys(_F + ("method", "mint"), "vz"),
    "minimum": dict.fromkeys(_F + ("method", "mint"), "bz"),
    **{c: dict.fromkeys(_F + ("method", "mint", "operator"), "z") for c in ("eq", "ne", "lt", "le", "gt", "ge")},
    "div_floor": dict.fromkeys(_F + ("method", "mint", "operator"), "bz"),
    "div_trunc": dict.fromkeys(_F + ("method", "mint", "operator"), "b28vwxhz"),
}

# MindSpore 2.10 (lightspore._release; golden: tests/golden/gen_release.py): bool // bool is accepted (the result
# is the left operand); a Python/NumPy scalar as the first argument of these (op, form)s is a TypeError naming
# the overload; Less compares an int scalar with an integer tensor as numbers (2.7.1, like every other op, wraps
# it to the tensor's dtype first); NumPy scalars are operands like Python scalars of their kind.
_REFUSED_2_10 = {**_REFUSED, "floor_div": dict.fromkeys(_F + ("method", "mint", "operator"), "z")}
_SCALAR_FIRST_2_10 = {("eq", "functional"): "Equal()(input={}, other=Tensor)", ("eq", "mint"): "eq({}, Tensor)",
                      ("lt", "functional"): "less({}, Tensor)", ("lt", "mint"): "less({}, Tensor)"}
_UNWRAPPED_2_10 = frozenset(("lt",))
# integer tensor dtypes an int scalar is wrapped into before the kernel runs: (lowest value, span)
_WRAP = {torch.uint8: (0, 256), torch.int8: (-128, 256), torch.int16: (-32768, 65536), torch.int32: (-2**31, 2**32)}


def _tensor_name(dt):
    return f"Tensor[{mstype.from_torch(dt)}]"


class _Refusal:
    """A cached decision to raise: the exception type and message."""
    __slots__ = ("cls", "msg")

    def __init__(self, cls, msg):
        self.cls, self.msg = cls, msg


def _plan(op, form, ka, kb, v2_10=False):
    """How to compute ``op`` in ``form`` for operand keys ka, kb (a torch dtype, or bool/int/float for a Python
    scalar) following 2.10 or 2.7.1: (compute dtype, result dtype) or a _Refusal. Cached per key by the callers."""
    prim, _, kind = _OPS[op]
    if ka in _COMPLEX or kb in _COMPLEX:
        return _complex_plan(op, prim, kind, ka, kb)
    refused = (_REFUSED_2_10 if v2_10 else _REFUSED)[op][form]
    if isinstance(refused, str):
        refused = (refused, refused, refused)
    if isinstance(ka, torch.dtype) and isinstance(kb, torch.dtype):
        p, ref = _PROMOTE.get((ka, kb)), refused[0]
        if p is None:
            return _Refusal(TypeError, f"Type implicit conversion between {mstype.from_torch(ka)} and "
                                       f"{mstype.from_torch(kb)} is not supported.")
    else:
        t, s, ref = (ka, kb, refused[1]) if isinstance(ka, torch.dtype) else (kb, ka, refused[2])
        first = v2_10 and t is kb and _SCALAR_FIRST_2_10.get((op, "functional" if form == "primitive" else form))
        if first:
            name = first.split("(")[0]
            return _Refusal(TypeError, f'Failed calling {name} with "{first.format(s.__name__)}".')
        p = _scalar_promote(t, s)
        if v2_10 and s is int and op in _UNWRAPPED_2_10 and p in _WRAP:
            return torch.int64, torch.bool
        if p is None:
            return _Refusal(TypeError, f"Type implicit conversion between {mstype.from_torch(t)} and a Python "
                                       f"{s.__name__} is not supported.")
    if _CODE[p] in ref:
        ok = ", ".join(sorted(_tensor_name(d) for d in _ORDER if _CODE[d] not in ref))
        return _Refusal(_KERNEL_ERROR.get(op, TypeError), f"For primitive[{prim}], the input argument[x] must be "
                                                           f"a type of {{{ok}}}, "
                                   f"but got {_tensor_name(p)}.")
    out = torch.bool if kind == "cmp" else (torch.float32 if kind == "div" and p in _INTEGRAL else p)
    compute = torch.int64 if p in _WIDE_UNSIGNED else p
    return compute, out


_COMPLEX = frozenset((torch.complex64, torch.complex128))


def _complex_plan(op, prim, kind, ka, kb):
    """A complex operand: the wider complex dtype of the two (a real tensor or Python scalar takes the complex
    tensor's); ordering comparisons and the ops without a complex kernel refuse it."""
    if op in ("floor_div", "mod", "maximum", "minimum", "div_floor", "div_trunc") or op in ("lt", "le", "gt", "ge"):
        d = ka if ka in _COMPLEX else kb
        return _Refusal(TypeError, f"For primitive[{prim}], the input argument[x] must not be a complex tensor, but "
                                   f"got {_tensor_name(d)}.")
    if isinstance(ka, torch.dtype) and isinstance(kb, torch.dtype):
        p = torch.promote_types(ka, kb)
    else:
        p = ka if isinstance(ka, torch.dtype) else kb
    return p, (torch.bool if kind == "cmp" else p)


def _key(x, prim):
    """An operand's plan key: its torch dtype, or the Python scalar type; anything else is refused."""
    if isinstance(x, torch.Tensor):
        return x.dtype
    if isinstance(x, bool):
        return bool
    if isinstance(x, int):
        return int
    if isinstance(x, float):
        return float
    if isinstance(x, _np.generic) and _release.follows_2_10("an op with a NumPy scalar operand"):
        if isinstance(x, _np.bool_):
            return bool
        if isinstance(x, (_np.integer, _np.floating)):
            return int if isinstance(x, _np.integer) else float
    name = "Tensor" if isinstance(x, Tensor) else (f"<class '{type(x).__module__}.{type(x).__name__}'>"
                                                    if type(x).__module__ != "builtins" else type(x).__name__)
    raise TypeError(f'Failed calling {prim} with "{prim}()(input, other={name})". The valid calling should be: '
                    f'"{prim}()(input=<Number, Tensor>, other=<Number, Tensor>)".')


_is_compiling = torch.compiler.is_compiling


def binary_impl(op, form, params=("a", "b")):
    """The torch-level ``(a, b) -> torch.Tensor`` of ``op`` in ``form`` (parameters named ``params``): a, b are torch
    tensors or Python scalars. Same-dtype tensors whose plan is a plain torch call take a fast path without a
    lookup; the rest follow the cached plan of their operand keys."""
    prim, fn, kind = _OPS[op]
    cache = {}
    fast = set()
    for d in _ORDER:       # same plan under both releases: the fast path never asks which one is followed
        plan = _plan(op, form, d, d)
        if isinstance(plan, tuple) and plan[0] is d and (plan[1] is d or kind != "arith"):
            if not (op == "sub" and d is torch.bool) and _plan(op, form, d, d, True) == plan:
                fast.add(d)
    bool_sub = op == "sub"
    bool_floordiv = op == "floor_div"
    tensor_only = op in ("maximum", "minimum")

    def slow(a, b):
        ka, kb = _key(a, prim), _key(b, prim)
        if _is_compiling():     # traced code plans directly: a guard on the memo's size would recompile every
            plan = _plan(op, form, ka, kb, _release.follows_2_10(f"'{op}'"))     # graph when a new pair appears
        else:
            plan = cache.get((ka, kb))
            if plan is None:
                plan = cache[(ka, kb)] = _plan(op, form, ka, kb, _release.follows_2_10(f"'{op}'"))
        if type(plan) is _Refusal:
            raise plan.cls(plan.msg)
        compute, out = plan
        wrap = _WRAP.get(compute)
        if wrap is not None:      # the reference converts an int scalar to the tensor's dtype first
            lo, span = wrap
            if type(a) is int and not lo <= a < lo + span:
                a = (a - lo) % span + lo
            if type(b) is int and not lo <= b < lo + span:
                b = (b - lo) % span + lo
        if isinstance(a, torch.Tensor):
            if a.dtype is not compute:
                a = a.to(compute)
        else:       # torch takes a Python scalar only on the right
            a = torch.tensor(a, dtype=compute, device=b.device)
        if isinstance(b, torch.Tensor):
            if b.dtype is not compute:
                b = b.to(compute)
        elif tensor_only or compute is torch.bool:
            b = torch.tensor(b, dtype=compute, device=a.device)
        elif b is True or b is False:     # torch refuses a bool scalar in some kernels (sub)
            b = int(b)
        elif isinstance(b, _np.generic):  # 2.10: a NumPy scalar operand counts as its Python value
            b = int(b) if isinstance(b, _np.bool_) else b.item()
        if bool_sub and compute is torch.bool:
            r = torch.logical_xor(a, b)
        elif bool_floordiv and compute is torch.bool:     # 2.10: x // y of bools is x
            r = torch.logical_or(a, torch.logical_and(a, b))
        else:
            r = fn(a, b)
        return r if r.dtype is out else r.to(out)

    x, y = params
    ns = {"_T": torch.Tensor, "_fast": frozenset(fast), "_fn": fn, "_slow": slow}
    exec(f"def {op}({x}, {y}):\n"
         f"    if type({x}) is _T and type({y}) is _T:\n"
         f"        d = {x}.dtype\n"
         f"        if d is {y}.dtype and d in _fast:\n"
         f"            return _fn({x}, {y})\n"
         f"    return _slow({x}, {y})\n", ns)
    f = ns[op]
    f._fast = (ns["_fast"], fn)     # the op table inlines this same-dtype check into the public function
    return f


# ---------------------------------------------------------------------------------------------
# the forms: one spec per op (functional name and parameters, primitive, Tensor methods, mint name,
# Python operators); every form runs binary_impl(op, form)
# ---------------------------------------------------------------------------------------------
_SPECS = (
    # functional, op, parameters, Tensor methods, mint, operators (forward, reflected)
    ("add", "add", ("input", "other"), ("add",), "add", ("add",)),
    ("sub", "sub", ("input", "other"), ("sub", "subtract"), "sub", ("sub",)),
    ("mul", "mul", ("input", "other"), ("mul", "multiply"), "mul", ("mul",)),
    ("div", "div", ("input", "other"), ("div", "true_divide", "divide"), "div", ("truediv",)),
    ("floor_div", "floor_div", ("x", "y"), ("floor_divide",), "floor_divide", ("floordiv",)),
    ("floor_mod", "mod", ("x", "y"), ("remainder",), "remainder", ("mod",)),
    ("pow", "pow", ("input", "exponent"), ("pow",), "pow", ("pow",)),
    ("maximum", "maximum", ("input", "other"), ("maximum",), "maximum", ()),
    ("minimum", "minimum", ("input", "other"), ("minimum",), "minimum", ()),
    ("equal", "eq", ("input", "other"), ("eq",), "eq", ("eq",)),
    ("not_equal", "ne", ("input", "other"), ("ne", "not_equal"), "ne", ("ne",)),
    ("greater", "gt", ("input", "other"), ("gt", "greater"), "gt", ("gt", "lt")),
    ("greater_equal", "ge", ("input", "other"), ("ge", "greater_equal"), "ge", ("ge", "le")),
    ("less", "lt", ("input", "other"), ("lt", "less"), "lt", ("lt", "gt")),
    ("less_equal", "le", ("input", "other"), ("le", "less_equal"), "le", ("le", "ge")),
)
# the functional spellings of the same ops (golden: promotion_cases.EXTRA): name, op, the form whose plan it
# follows in the reference, parameters
_FUNCTIONAL_ALIASES = (
    ("floor_divide", "floor_div", "functional", ("input", "other")),
    ("remainder", "mod", "mint", ("input", "other")),
    ("multiply", "mul", "functional", ("input", "other")),
    ("true_divide", "div", "functional", ("dividend", "divisor")),
    ("divide", "div", "functional", ("input", "other")),
)
# Tensor methods / mint functions with a keyword beyond (input, other): alpha scales ``other``
_ALPHA = {"add", "sub"}
# mint functions the reference overloads (signature ``(*args, **kwargs)``)
_MINT_OVERLOADED = {"add", "sub", "div", "floor_divide", "remainder", "ge"}


def _functional(fname, op, params, form="functional"):
    """The functional form's torch-level implementation, with the reference's parameter names."""
    impl = binary_impl(op, form, params)
    if op == "div" and params == ("input", "other"):
        modes = {"floor": binary_impl("div_floor", form), "trunc": binary_impl("div_trunc", form)}

        def div(input, other, *, rounding_mode=None):
            if rounding_mode is None:
                return impl(input, other)
            f = modes.get(rounding_mode) if isinstance(rounding_mode, str) else None
            if f is None:
                raise ValueError(f"For '{fname}', 'rounding_mode' must be None, 'floor' or 'trunc', but got "
                                 f"{rounding_mode!r}")
            return f(input, other)
        div.__name__ = div.__qualname__ = fname
        return div
    impl.__name__ = impl.__qualname__ = fname
    return impl


def _subtract():
    """ops.subtract: the reference scales ``other`` by ``alpha`` first, always (``Mul``, so a bool ``other`` becomes
    int64 and a bfloat16 one is refused), then subtracts (``Sub``)."""
    mul, sub = binary_impl("mul", "functional"), binary_impl("sub", "functional")

    def subtract(input, other, *, alpha=1):
        return sub(input, mul(other, alpha) if isinstance(other, torch.Tensor) else other * alpha)
    return subtract


def _edge(impl, prim, self_first=True):
    """A Tensor-level callable ``(x, y) -> Tensor`` around a torch-level impl: unwrap, call, wrap, and translate
    torch's own errors (a shape mismatch, ...) into the reference's types."""
    def call(x, y):
        try:
            return Tensor._make(impl(x._t if isinstance(x, Tensor) else x, y._t if isinstance(y, Tensor) else y))
        except (RuntimeError, IndexError, NotImplementedError) as e:
            raise translate_error(prim, e) from None
    return call


def _method(impl, prim, name, alpha):
    call = _edge(impl, prim)
    if alpha:
        def m(self, other, *, alpha=1):
            return call(self, other if alpha == 1 else other * alpha)
    elif name == "multiply":
        def m(self, value):
            return call(self, value)
    elif name == "remainder":      # the reference also takes the divisor by the keyword ``divisor``
        def m(self, other=None, *, divisor=None):
            if (other is None) == (divisor is None):
                raise TypeError(f"For 'Tensor.remainder', give the divisor once, as 'other' or 'divisor', but got "
                                f"other={other!r} and divisor={divisor!r}.")
            return call(self, divisor if other is None else other)
    elif name in ("div", "divide"):
        def m(self, other, *, rounding_mode=None):
            if rounding_mode is None:
                return call(self, other)
            from ._table import OPS
            return OPS["div"](self, other, rounding_mode=rounding_mode)
    else:
        def m(self, other):
            return call(self, other)
    m.__name__ = m.__qualname__ = name
    return m


def _mint(impl, prim, name, params, op):
    call = _edge(impl, prim)
    if name in _MINT_OVERLOADED:
        kw = "alpha" if op in _ALPHA else ("rounding_mode" if op == "div" else None)

        def f(*args, **kwargs):
            extra = kwargs.pop(kw, None) if kw else None
            if len(args) + len(kwargs) != 2 or kwargs and set(kwargs) - {"input", "other"}:
                raise TypeError(f"For 'mint.{name}', the inputs must be (input, other{', *, ' + kw if kw else ''}), "
                                f"but got {len(args)} positional and {sorted(kwargs)} keyword arguments.")
            x = args[0] if args else kwargs["input"]
            y = args[1] if len(args) > 1 else kwargs["other"]
            if kw == "alpha" and extra is not None and extra != 1:
                y = y * extra
            if kw == "rounding_mode" and extra is not None:
                from ._table import OPS
                return OPS["div"](x, y, rounding_mode=extra)
            return call(x, y)
    else:
        ns = {"_c": call}
        a, b = ("input", "exponent") if op == "pow" else ("input", "other")
        exec(f"def {name}({a}, {b}):\n    return _c({a}, {b})\n", ns)
        f = ns[name]
    f.__name__ = f.__qualname__ = name
    f.__module__ = "lightspore.mint"
    return f


def _operators(op, names, prim):
    """Tensor.__xxx__ (and __rxxx__/__ixxx__ for arithmetic): the operator form; a comparison with the scalar on
    the left is Python's reflected call, i.e. the mirrored comparison."""
    impl = binary_impl(op, "operator")
    call = _edge(impl, prim)
    fwd = names[0]
    out = {}

    fast, fn = impl._fast

    def forward(self, other):
        try:
            a = self._t
            if type(other) is Tensor:       # same-dtype fast path inlined (see binary_impl)
                b = other._t
                d = a.dtype
                if d is b.dtype and d in fast:
                    return Tensor._make(fn(a, b))
                return Tensor._make(impl(a, b))
            return Tensor._make(impl(a, other._t if isinstance(other, Tensor) else other))
        except (RuntimeError, IndexError, NotImplementedError) as e:
            raise translate_error(prim, e) from None
    out[f"__{fwd}__"] = forward
    if len(names) == 1 and op not in ("eq", "ne"):
        def reflected(self, other):
            return call(other, self)
        out[f"__r{fwd}__"] = reflected
        out[f"__i{fwd}__"] = forward
    if op == "eq":
        def eq(self, other):
            return False if other is None else call(self, other)
        out["__eq__"] = eq
    if op == "ne":
        def ne(self, other):
            return True if other is None else call(self, other)
        out["__ne__"] = ne
    for k, f in out.items():
        f.__name__ = f.__qualname__ = k
    return out


def register():
    """Register every form of every binary op in the op table (called once from ops/__init__ via _elementwise)."""
    from ._samples import BINARY
    from ._table import METHODS, MINT, SPECS, op
    for fname, opname, params, methods, mint_name, operators in _SPECS:
        prim = _OPS[opname][0]
        op(fname, prim=prim, samples=BINARY)(_functional(fname, opname, params))
        SPECS[fname].methods, SPECS[fname].mint = tuple(methods), mint_name
        if opname == "sub":
            op("subtract", samples=BINARY)(_subtract())
        for alias, aop, form, aparams in _FUNCTIONAL_ALIASES:
            if aop == opname:
                op(alias, samples=BINARY)(_functional(alias, aop, aparams, form))
        for m in methods:
            METHODS[m] = _method(binary_impl(opname, "method"), prim, m, opname in _ALPHA)
        MINT[mint_name] = _mint(binary_impl(opname, "mint"), prim, mint_name, params, opname)
        if operators:
            for k, f in _operators(opname, operators, prim).items():
                METHODS[k] = f

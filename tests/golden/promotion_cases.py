"""The binary-op promotion matrix, shared by ``gen_promotion.py`` (run under real MindSpore) and
``tests/test_promotion.py``.

Every cell is one call ``form(lhs, rhs)``: lhs/rhs is a 1-D tensor (``t``), a 0-d tensor (``z``) of each
dtype, or a Python scalar (``s``: bool/int/float), scalar x scalar excluded. The recorded outcome is one
character: the result's dtype (``DTYPE_CODES``), the error type (``ERROR_CODES``), or ``.`` where the form
does not take that operand (a Tensor method on a scalar).
"""
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "bfloat16"]
DTYPE_CODES = dict(zip(DTYPES, "b1248uvwxhfdz"))
ERROR_CODES = {"TypeError": "T", "ValueError": "V", "RuntimeError": "R"}   # anything else: "E"
SCALARS = {"bool": True, "int": 2, "float": 2.5}

# op: (functional ops.xxx, primitive ops.Xxx, Tensor method, mint function, Python operator or None)
OPS = {
    "add": ("add", "Add", "add", "add", "+"),
    "sub": ("sub", "Sub", "sub", "sub", "-"),
    "mul": ("mul", "Mul", "mul", "mul", "*"),
    "div": ("div", "Div", "div", "div", "/"),
    "floor_div": ("floor_div", "FloorDiv", "floor_divide", "floor_divide", "//"),
    "mod": ("floor_mod", "FloorMod", "remainder", "remainder", "%"),
    "pow": ("pow", "Pow", "pow", "pow", "**"),
    "maximum": ("maximum", "Maximum", "maximum", "maximum", None),
    "minimum": ("minimum", "Minimum", "minimum", "minimum", None),
    "eq": ("equal", "Equal", "eq", "eq", "=="),
    "ne": ("not_equal", "NotEqual", "ne", "ne", "!="),
    "lt": ("less", "Less", "lt", "lt", "<"),
    "le": ("less_equal", "LessEqual", "le", "le", "<="),
    "gt": ("greater", "Greater", "gt", "gt", ">"),
    "ge": ("greater_equal", "GreaterEqual", "ge", "ge", ">="),
}
FORMS = ("functional", "primitive", "method", "mint", "operator")

# the other spellings of these ops, each one call: name -> (namespace 'ops' | 'mint' | 'method', attribute,
# keyword arguments; a str value names the keyword the right operand is passed as)
EXTRA = {
    "ops.floor_divide": ("ops", "floor_divide", {}), "ops.remainder": ("ops", "remainder", {}),
    "ops.subtract": ("ops", "subtract", {}), "ops.multiply": ("ops", "multiply", {}),
    "ops.divide": ("ops", "divide", {}), "ops.true_divide": ("ops", "true_divide", {}),
    "ops.divide(floor)": ("ops", "divide", {"rounding_mode": "floor"}),
    "ops.divide(trunc)": ("ops", "divide", {"rounding_mode": "trunc"}),
    "ops.div(floor)": ("ops", "div", {"rounding_mode": "floor"}),
    "mint.divide": ("mint", "divide", {}), "mint.div(trunc)": ("mint", "div", {"rounding_mode": "trunc"}),
    "Tensor.subtract": ("method", "subtract", {}), "Tensor.multiply": ("method", "multiply", {}),
    "Tensor.divide": ("method", "divide", {}), "Tensor.true_divide": ("method", "true_divide", {}),
    "Tensor.divide(floor)": ("method", "divide", {"rounding_mode": "floor"}),
    "Tensor.remainder(divisor=)": ("method", "remainder", "divisor"),
}
# where the reference's CPU build lacks a kernel for an EXTRA spelling, the cell records this functional one's
EXTRA_FALLBACK = {"mint.divide": "ops.divide", "mint.div(trunc)": "ops.divide(trunc)",
                  "Tensor.subtract": "ops.subtract", "Tensor.multiply": "ops.multiply", "Tensor.divide": "ops.divide",
                  "Tensor.true_divide": "ops.true_divide", "Tensor.divide(floor)": "ops.divide(floor)",
                  "Tensor.remainder(divisor=)": "ops.remainder"}


def operands():
    """Every operand: (kind, dtype-or-scalar-type)."""
    return [(k, d) for k in "tz" for d in DTYPES] + [("s", s) for s in SCALARS]


def cells():
    """Every (lhs, rhs) pair, scalar x scalar excluded, in a fixed order."""
    ops = operands()
    return [(a, b) for a in ops for b in ops if not (a[0] == "s" and b[0] == "s")]


def make(kind, what, tensor, dtypes):
    """An operand built with the framework's ``Tensor`` class and dtype namespace."""
    import numpy as np
    if kind == "s":
        return SCALARS[what]
    if what == "bool":
        data = np.array([True, True]) if kind == "t" else np.array(True)
    else:
        data = np.array([1, 2]) if kind == "t" else np.array(3)
    return tensor(data, dtype=getattr(dtypes, "bool_" if what == "bool" else what))


def call(form, op, a, b, ops, mint):
    """``form`` of ``op`` on (a, b); returns the result or raises. NotImplemented -> None (form not applicable)."""
    import operator
    if op in EXTRA:
        where, name, kw = EXTRA[op]
        if where == "method":
            if isinstance(a, (bool, int, float)):
                return None
            return getattr(a, name)(**{kw: b}) if isinstance(kw, str) else getattr(a, name)(b, **kw)
        return getattr(ops if where == "ops" else mint, name)(a, b, **kw)
    fname, pname, mname, mintname, sym = OPS[op]
    if form == "functional":
        return getattr(ops, fname)(a, b)
    if form == "primitive":
        return getattr(ops, pname)()(a, b)
    if form == "mint":
        return getattr(mint, mintname)(a, b)
    if form == "method":
        if isinstance(a, (bool, int, float)):
            return None
        return getattr(a, mname)(b)
    if sym is None:
        return None
    fn = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "//": operator.floordiv,
          "%": operator.mod, "**": operator.pow, "==": operator.eq, "!=": operator.ne, "<": operator.lt,
          "<=": operator.le, ">": operator.gt, ">=": operator.ge}[sym]
    return fn(a, b)


# the reference's CPU build lacks some kernels (``mint.mul(tensor, 2.0)``: "The kernel Muls unregistered"); as in
# gen_mint.py such a cell records what the functional form gives for the same operands, which lightspore computes
NO_KERNEL = ("unregistered", "Not implement exception", "Create kernelmod", "not supported on this device")


def outcome(form, op, a, b, ops, mint):
    """One character for the cell (see the module docstring)."""
    try:
        r = call(form, op, a, b, ops, mint)
        if r is None:
            return "."
        dt = getattr(r, "dtype", None)
        r.asnumpy()      # the reference runs asynchronously: a kernel's error shows when the value is read
    except Exception as e:  # noqa: BLE001  (the error type is the datum)
        if form == "extra" and op in EXTRA_FALLBACK and any(m in str(e) for m in NO_KERNEL):
            return outcome("extra", EXTRA_FALLBACK[op], a, b, ops, mint)
        if form not in ("functional", "extra") and any(m in str(e) for m in NO_KERNEL):
            return outcome("functional", op, a, b, ops, mint)
        return ERROR_CODES.get(type(e).__name__, "E")
    if dt is None:
        return "E"
    return DTYPE_CODES.get(str(dt).lower(), "E")

"""The op table: every op is written once, on torch tensors, and registered here.

``@op`` takes an implementation whose parameters carry MindSpore's names and defaults and generates
the public functional form with the *same* signature (``inspect.signature`` matches the reference).
The generated function unwraps Tensor arguments once, calls the implementation, wraps the result
once, and turns torch's internal errors into ``ValueError``/``TypeError`` naming the op. From the same
entry come the primitive class (``ops.Xxx``) and the Tensor method(s).

    @op(prim="Add", method="add")
    def add(input, other):
        return torch.add(input, other)
"""
from __future__ import annotations

import builtins
import inspect

import torch

from ..common._errors import RefRuntimeError, ShapeRuntimeError, translate_error, translate_type_error
from ..common.tensor import Tensor

__all__ = ["op", "prim", "OPS", "PRIMS", "METHODS", "SPECS", "OpSpec", "Primitive", "unwrap", "wrap", "unwrap_tree"]


class _Registry(dict):
    """A name table that refuses a second registration of a name (``del`` first to replace one on purpose)."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def __setitem__(self, name, value):
        if name in self:
            raise ValueError(f"op table: {self.kind} {name!r} is registered twice")
        super().__setitem__(name, value)

    def setdefault(self, name, value=None):
        raise TypeError(f"op table: register {self.kind} {name!r} explicitly (setdefault hides a duplicate)")

    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self[k] = v


OPS = _Registry("function")     # functional name -> generated public function
PRIMS = _Registry("primitive")  # primitive class name -> class
METHODS = _Registry("Tensor method")  # Tensor method name -> function(self, ...)
IMPLS = _Registry("implementation")   # functional name -> torch-level implementation
MINT = _Registry("mint function")     # mint functions whose semantics differ from the functional form
SPECS = _Registry("spec")             # functional name -> its OpSpec


class OpSpec:
    """One op's declaration: its torch-level implementation, the generated public function, the primitive class and
    Tensor methods made from it, its aliases, its output kind and its sample inputs (``ops/_samples.py``), which
    tests/test_op_samples.py runs through every form and compares with the reference."""
    __slots__ = ("name", "impl", "fn", "prim", "methods", "aliases", "out", "samples", "mint")

    def __init__(self, name, impl, fn, prim, methods, aliases, out, samples, mint=None):
        self.name, self.impl, self.fn, self.prim = name, impl, fn, prim
        self.methods, self.aliases, self.out, self.samples = tuple(methods), tuple(aliases), out, tuple(samples)
        self.mint = mint    # the mint function of the same semantics under another name (binary ops)

    def __repr__(self):
        return f"OpSpec({self.name!r}, prim={self.prim!r}, methods={self.methods!r}, samples={len(self.samples)})"


def unwrap(x):
    return x._t if isinstance(x, Tensor) else x


def _unwrap_seq(xs):
    if isinstance(xs, Tensor):
        return xs._t
    return [x._t if isinstance(x, Tensor) else x for x in xs]


def wrap(r):
    """Wrap any torch result (tensor, tuple/list of tensors, nested) as lightspore Tensors."""
    if isinstance(r, torch.Tensor):
        return Tensor._make(r)
    if isinstance(r, tuple):
        return tuple(wrap(x) for x in r)
    if isinstance(r, list):
        return [wrap(x) for x in r]
    return r


def unwrap_tree(x):
    """Tensors (nested in tuples/lists) -> their torch tensors; the inverse of ``wrap``."""
    if isinstance(x, Tensor):
        return x._t
    if isinstance(x, tuple):
        return tuple(unwrap_tree(v) for v in x)
    if isinstance(x, list):
        return [unwrap_tree(v) for v in x]
    return x


def _wrap_tuple(r):
    return tuple(Tensor._make(x) if isinstance(x, torch.Tensor) else wrap(x) for x in r)


_OUT = {"tensor": "Tensor._make", "tuple": "_wrap_tuple", "any": "wrap", "raw": ""}


def _generate(name, impl, seq, out, static):
    sig = inspect.signature(impl)
    params = list(sig.parameters.values())
    ns = {"_impl": impl, "Tensor": Tensor, "_wrap_tuple": _wrap_tuple, "wrap": wrap, "_U": unwrap,
          "_S": _unwrap_seq, "_tr": translate_error, "_name": name, "_ty": type, "_attr": _attribute_error,
          "_Ref": RefRuntimeError, "_Own": ShapeRuntimeError,
          "_trt": translate_type_error}
    defs, call = [], []
    star_done = False
    for p in params:
        dflt = ""
        if p.default is not inspect.Parameter.empty:
            ns["_d_" + p.name] = p.default
            dflt = "=_d_" + p.name
        if p.kind is inspect.Parameter.VAR_POSITIONAL:
            defs.append("*" + p.name)
            star_done = True
            call.append(f"*[_U(a) for a in {p.name}]" if p.name not in static else "*" + p.name)
            continue
        if p.kind is inspect.Parameter.VAR_KEYWORD:
            defs.append("**" + p.name)
            call.append("**" + p.name)
            continue
        if p.kind is inspect.Parameter.KEYWORD_ONLY and not star_done:
            defs.append("*")
            star_done = True
        defs.append(p.name + dflt)
        if p.name in seq:
            val = f"_S({p.name})"
        elif p.name in static:
            val = p.name
        else:       # Tensor inline (the hot path); Parameter and the rest through _U
            val = f"({p.name}._t if _ty({p.name}) is Tensor else _U({p.name}))"
        if p.kind is inspect.Parameter.KEYWORD_ONLY:
            call.append(f"{p.name}={val}")
        elif p.kind is inspect.Parameter.POSITIONAL_ONLY:
            call.append(val)
        else:
            call.append(val)
    pos_only = [p for p in params if p.kind is inspect.Parameter.POSITIONAL_ONLY]
    if pos_only:
        defs.insert(len(pos_only), "/")
    w = _OUT[out]
    args = ", ".join(p.name for p in params) + ("," if len(params) == 1 else "")
    fast = ""
    if getattr(impl, "_fast", None) is not None and len(params) == 2:
        # a binary op's same-dtype fast path (ops/_promote.py), inlined: no frame between here and torch
        ns["_fast"], ns["_fn"] = impl._fast
        x, y = (p.name for p in params)
        fast = (f"        if _ty({x}) is Tensor and _ty({y}) is Tensor:\n"
                f"            a = {x}._t\n"
                f"            b = {y}._t\n"
                f"            d = a.dtype\n"
                f"            if d is b.dtype and d in _fast:\n"
                f"                return Tensor._make(_fn(a, b))\n")
    body = (f"def {name}({', '.join(defs)}):\n"
            f"    try:\n"
            f"{fast}"
            f"        r = _impl({', '.join(call)})\n"
            f"    except _Own:\n"                  # lightspore's own errors pass unchanged
            f"        raise\n"
            f"    except _Ref as e:\n"             # the reference's RuntimeError, in its words
            f"        raise RuntimeError(str(e)) from None\n"
            f"    except (RuntimeError, IndexError, NotImplementedError) as e:\n"
            f"        raise _tr(_name, e) from None\n"
            f"    except TypeError as e:\n"        # torch's argument parser: the reference's words
            f"        t = _trt(_name, e)\n"
            f"        if t is e:\n"
            f"            raise\n"
            f"        raise t from None\n"
            f"    except AttributeError as e:\n"
            f"        raise _attr(_name, e, ({args})) from None\n"
            f"    return {w}(r)\n")
    exec(compile(body, f"<lightspore op {name}>", "exec"), ns)
    fn = ns[name]
    fn.__doc__ = impl.__doc__
    fn.__module__ = "lightspore.ops"
    fn.__qualname__ = name
    fn.__wrapped_impl__ = impl
    return fn


def _attribute_error(name, err, args):
    """An AttributeError inside an op: a wrong-typed argument (the object lacking the attribute is one of the
    arguments, or inside one) becomes the reference's TypeError; anything else is a bug and stays as it is."""
    obj = getattr(err, "obj", None)
    direct = builtins.any(a is obj or (isinstance(a, (list, tuple)) and builtins.any(x is obj for x in a))
                          for a in args)
    # a plain Python or numpy value lacking a tensor attribute came from a wrong-typed argument
    if direct or type(obj).__module__ in ("builtins", "numpy"):
        got = ", ".join(type(a).__name__ for a in args)
        return TypeError(f"For '{name}', an argument has an unsupported type: expected Tensors (or numbers where "
                         f"the op takes them), but got ({got}).")
    return err


def op(name=None, *, prim=None, method=None, seq=(), static=(), out="tensor", aliases=(), samples=()):
    """Register a torch-level implementation (one spec, ``SPECS[name]``); returns the generated public function.

    prim: PascalCase primitive class name taking no init attributes (inputs == functional args).
    method: Tensor method name(s) bound to the same function (first parameter is ``self``).
    seq: parameters holding sequences of tensors. static: parameters never unwrapped.
    out: 'tensor' | 'tuple' | 'any' | 'raw'.
    samples: ``ops/_samples.S`` records, run through every form against the reference by the tests.
    """
    def deco(impl):
        fname = name or impl.__name__
        fn = _generate(fname, impl, set(seq), out, set(static))
        OPS[fname] = fn
        IMPLS[fname] = impl
        for a in aliases:
            OPS[a] = fn
        if prim:
            _simple_prim(prim, fn)
        methods = (method,) if isinstance(method, str) else tuple(method or ())
        for m in methods:
            METHODS[m] = fn
        SPECS[fname] = OpSpec(fname, impl, fn, prim, methods, aliases, out, samples)
        return fn
    return deco


def method(name, of=None):
    """Register a Tensor-only method whose signature differs from the functional form; ``of`` names the spec whose
    method form it is (its samples then run through it too)."""
    def deco(fn):
        METHODS[name] = fn
        if of is not None:
            SPECS[of].methods += (name,)
        return fn
    return deco


class Primitive:
    """Base of MindSpore's primitive classes: attributes in ``__init__``, inputs in ``__call__``."""

    def __init__(self, name):
        self.name = name
        self.attrs = {}
        self.instance_name = ""

    def add_prim_attr(self, name, value):
        self.attrs[name] = value
        setattr(self, name, value)
        return self

    def del_prim_attr(self, name):
        self.attrs.pop(name, None)
        return self

    def set_prim_instance_name(self, instance_name):
        self.instance_name = instance_name
        return self

    def init_prim_io_names(self, inputs, outputs):
        self.input_names, self.output_names = inputs, outputs

    def set_device(self, device_target):
        return self

    def shard(self, *args, **kwargs):
        return self

    def recompute(self, mode=True):
        return self

    def __repr__(self):
        return f"Prim[{self.name}]"


PrimitiveWithInfer = Primitive
PrimitiveWithCheck = Primitive


def prim_attr_register(fn):
    """Decorator for a custom primitive's ``__init__``: names the primitive after its class and records every
    ``__init__`` argument (defaults included) as a primitive attribute before the body runs."""
    import functools

    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def deco(self, *args, **kwargs):
        if not hasattr(self, "attrs"):
            Primitive.__init__(self, type(self).__name__)
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        for name, value in list(bound.arguments.items())[1:]:
            if sig.parameters[name].kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
                continue
            self.add_prim_attr(name, value)
        return fn(self, *args, **kwargs)

    return deco


# ---------------------------------------------------------------------------------------------
# primitive attributes in the reference's form: every factory below ends its __init__ with ``ref_attrs``
# ---------------------------------------------------------------------------------------------
_DROP = object()        # the reference keeps no such attribute


class _Const:
    """An attribute the reference adds whatever the arguments (``max_length`` of the window ops...)."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


def _enum(table, upper=False):
    """A string option stored as the reference's enum integer."""
    def conv(v, arg):
        return table.get(v.upper() if upper else v, v) if isinstance(v, str) else v
    return conv


def _upper(v, arg):
    return v.upper() if isinstance(v, str) else v


def _pad_to(n, lead=2):
    """An int or short tuple stored as the reference's n-element list (leading 1s, as for NCHW strides)."""
    def conv(v, arg):
        v = list(v) if isinstance(v, (tuple, list)) else [v] * (n - lead)
        return [1] * (n - len(v)) + v
    return conv


def _as_passed(v, arg):
    return list(arg) if isinstance(arg, tuple) else arg


def _listed(default):
    def conv(v, arg):
        if v is None:
            return list(default)
        return list(v) if isinstance(v, (tuple, list)) else [v]
    return conv


_TYPE_IDS = {"Float16": 42, "Float32": 43, "Float64": 44, "Int32": 34, "Int64": 35}


def _type_id(v, arg):
    return _TYPE_IDS.get(str(v), v)


_REDUCTION = {"reduction": _enum({"sum": 0, "mean": 1, "none": 2})}
_FORMAT = _enum({"NCHW": 0, "NHWC": 1}, upper=True)
_MAX_LENGTH = {"max_length": _Const(1000000)}
_GRID = {"interpolation_mode": _enum({"bilinear": 0, "nearest": 1}),
         "padding_mode": _enum({"zeros": 0, "border": 1, "reflection": 2})}
_POOL2D = {"pad_mode": _upper, "strides": _pad_to(4), "kernel_size": _pad_to(4)}
_POOL3D = {"pad_mode": _upper, "strides": _pad_to(5, 3), "kernel_size": _pad_to(5, 3), "pad_list": _listed([0] * 6)}
# primitive -> {attribute: conversion (value, init argument) -> value | _Const | _DROP}
REF_ATTRS = {
    "HammingWindow": {"dtype": lambda v, arg: {"Float16": 1, "Float32": 0, "Float64": 11}.get(str(v), v)},
    "Argmax": {"output_type": _type_id}, "Argmin": {"output_type": _type_id}, "SearchSorted": {"dtype": _type_id},
    "AvgPool": {"data_format": _FORMAT, "pad_mode": _enum({"PAD": 0, "SAME": 1, "VALID": 2}, upper=True),
                "strides": _pad_to(2, 0), "kernel_size": _pad_to(2, 0)},
    "AvgPool3D": _POOL3D, "MaxPool": _POOL2D, "MaxPoolWithArgmax": dict(_POOL2D, data_format=_DROP),
    "MaxPool3D": dict(_POOL3D, ceil_mode=lambda v, arg: 0 if v is None else int(v),
                      pad_list=lambda v, arg: [v] * 6 if isinstance(v, int) else list(v)),
    "Conv2D": {"pad": _pad_to(4, 0), "stride": _pad_to(4), "dilation": _pad_to(4), "kernel_size": _as_passed,
               "groups": _Const(1)},
    "BiasAdd": {"data_format": _FORMAT},
    "BCEWithLogitsLoss": _REDUCTION, "BinaryCrossEntropy": _REDUCTION, "NLLLoss": _REDUCTION,
    "SmoothL1Loss": _REDUCTION, "SoftMarginLoss": _REDUCTION,
    "BartlettWindow": _MAX_LENGTH, "BlackmanWindow": _MAX_LENGTH, "Expand": _MAX_LENGTH,
    "SegmentMax": _MAX_LENGTH, "SegmentMean": _MAX_LENGTH, "SegmentMin": _MAX_LENGTH, "SegmentProd": _MAX_LENGTH,
    "SegmentSum": _MAX_LENGTH, "TruncatedNormal": _MAX_LENGTH,
    "MatrixDiagPartV3": {"max_length": _Const(200000000)}, "MatrixSetDiagV3": {"max_length": _Const(200000000)},
    "Fmax": {"ignore_nan": _Const(True)}, "Fmin": {"ignore_nan": _Const(True)},
    "GatherV2": {"batch_dims": _Const(0)}, "EmbeddingLookup": {"bprop_return_sparse": _Const(True)},
    "Log": {"base": _Const(-1.0), "scale": _Const(1.0), "shift": _Const(0.0), "cust_aicpu": _Const("Log")},
    "Median": {"cust_aicpu": _Const("Median")},
    "SparseSoftmaxCrossEntropyWithLogits": {"sens": _Const(1.0)},
    "GridSampler2D": _GRID, "GridSampler3D": _GRID,
    "Meshgrid": {"indexing": _enum({"ij": 0, "xy": 1})},
    "ResizeLinear1D": {"coordinate_transformation_mode": _enum({"align_corners": 1, "half_pixel": 2})},
    "L2Normalize": {"axis": _listed(())}, "CountNonZero": {"dims": _listed(())},
    "NuclearNorm": {"dim": _listed([1000])},
    "Dropout2D": {"keep_prob": _DROP}, "Dropout3D": {"keep_prob": _DROP}, "Pack": {"axis": _DROP},
    "Unpack": {"axis": _DROP}, "MatrixSolve": {"adjoint": _DROP},
    "LRN": dict.fromkeys(("depth_radius", "bias", "alpha", "beta", "norm_region"), _DROP),
    "DynamicShape": {"dtype": _DROP, "is_dynamic_shape": _Const(True)},
    "TensorScatterElements": {"reduction": _DROP, "reduce": lambda v, arg: v},
}


def ref_attrs(self, arguments=None):
    """Put ``self.attrs`` in the reference's form (``REF_ATTRS``): enums as integers, shapes as the reference's
    lists, the constants it adds, none it lacks. ``arguments``: the init arguments by name. Instance attributes
    (what the primitive's call reads) are left as they are."""
    conv = REF_ATTRS.get(type(self).__name__)
    if conv is None:
        return
    attrs = self.attrs
    for name, c in conv.items():
        if c is _DROP:
            attrs.pop(name, None)
        elif isinstance(c, _Const):
            attrs[name] = c.value
        elif name == "reduce":     # TensorScatterElements: its 'reduction' argument, as the reference's enum
            attrs[name] = {"none": 0, "add": 1}.get(getattr(self, "reduction", "none"), 0)
        elif name == "pad_list" and name not in attrs:     # AvgPool3D: its 'pad' on each of the six sides
            pad = attrs.get("pad", 0)
            attrs[name] = [pad] * 6 if isinstance(pad, int) else list(pad)
        elif name in attrs:
            attrs[name] = c(attrs[name], (arguments or {}).get(name))


def _simple_prim(cls_name, fn):
    def __init__(self):
        Primitive.__init__(self, cls_name)
        ref_attrs(self)

    def __call__(self, *args, **kwargs):
        return fn(*args, **kwargs)

    cls = type(cls_name, (Primitive,), {"__init__": __init__, "__call__": __call__,
                                        "__module__": "lightspore.ops"})
    PRIMS[cls_name] = cls
    return cls


def prim(cls_name):
    """Register a primitive class with init attributes written by hand::

        @prim("ReduceSum")
        class ReduceSum(Primitive):
            def __init__(self, keep_dims=False): ...
            def __call__(self, x, axis=()): return ops.sum(...)
    """
    def deco(cls):
        cls.__module__ = "lightspore.ops"
        init = cls.__dict__.get("__init__")
        if init is not None and not getattr(init, "_fills_attrs", False):
            cls.__init__ = _filling_attrs(init, cls_name in REF_ATTRS)
        PRIMS[cls_name] = cls
        return cls
    return deco


_ATTR_KINDS = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


def _filling_attrs(init, converted=False):
    """Wrap a primitive's ``__init__`` so that, as in the reference, every init argument is a primitive attribute:
    ``attrs[name]`` is the value the body stored on the instance under that name (normalised), else the argument
    (defaults applied). Attributes the body added itself are kept."""
    sig = inspect.signature(init)
    names = [p.name for p in list(sig.parameters.values())[1:] if p.kind in _ATTR_KINDS]
    if not names and not converted:
        init._fills_attrs = True
        return init

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        attrs = self.attrs
        own = self.__dict__
        for n in names:
            if n not in attrs:
                attrs[n] = own[n] if n in own else bound.arguments[n]
        ref_attrs(self, bound.arguments)

    __init__.__signature__ = sig
    __init__.__doc__ = init.__doc__
    __init__.__wrapped__ = init
    __init__._fills_attrs = True
    return __init__

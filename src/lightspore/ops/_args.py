"""Argument helpers shared by the op files (axes, shapes, dtypes, scalar operands), attribute-primitive factories."""
from __future__ import annotations

import builtins
import inspect
import numbers

import numpy as np
import torch

from ..common import dtype as mstype
from ..common._device import current_device
from ..common.tensor import Tensor, _python_to_torch
from ._samples import BINARY, UNARY
from ._table import OPS, Primitive, op, prim

_tdt = mstype.to_torch


def _axes(axis, ndim=None):
    """MindSpore axis argument (None / () / int / tuple / list / Tensor) -> torch dim or None (= all)."""
    if axis is None:
        return None
    if isinstance(axis, torch.Tensor):
        axis = axis.tolist()
    if isinstance(axis, (list, tuple)):
        if len(axis) == 0:
            return None
        return tuple(int(a) for a in axis)
    return int(axis)


def _as_tensor(x, like=None):
    if isinstance(x, torch.Tensor):
        return x
    if like is not None and isinstance(x, (bool, int, float)):
        return torch.tensor(x, dtype=like.dtype if not isinstance(x, float) or like.is_floating_point()
                            else torch.float32, device=like.device)
    if isinstance(x, np.ndarray):
        return torch.from_numpy(x)
    return _python_to_torch(x).to(current_device())


def _shape_arg(shape, where):
    if type(shape) is tuple and builtins.all(type(s) is int for s in shape):   # the common case first
        return shape
    if isinstance(shape, torch.Tensor):
        shape = shape.tolist()
    if isinstance(shape, numbers.Integral):
        return (int(shape),)
    if isinstance(shape, (list, tuple)):
        out = []
        for s in shape:
            if isinstance(s, Tensor):
                s = s._t
            if isinstance(s, torch.Tensor):
                s = int(s.item())
            if not isinstance(s, numbers.Integral):
                raise TypeError(f"For '{where}', 'shape' must be a tuple of ints, but got {shape!r}")
            out.append(int(s))
        return tuple(out)
    raise TypeError(f"For '{where}', 'shape' must be an int or a tuple/list of ints, but got {type(shape).__name__}")


def _varargs(args):
    """The values a ``*args`` parameter got, which may also come as one tuple/list (``x.permute(1, 0)`` and
    ``x.permute((1, 0))``): that tuple/list, else ``args``."""
    return args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args


# ---------------------------------------------------------------------------------------------
# creation
# ---------------------------------------------------------------------------------------------
def _dev():
    return current_device()


def _no_attr_prim(cls_name, fn):
    class _P(Primitive):
        def __init__(self):
            super().__init__(cls_name)

        def __call__(self, *args):
            return fn(*args)

    _P.__name__ = _P.__qualname__ = cls_name
    return prim(cls_name)(_P)


# ---------------------------------------------------------------------------------------------
# Tensor methods whose signatures differ from the functional form (the reference overloads them:
# both MindSpore-style ``axis``/``keep_dims`` and torch-style ``dim``/``keepdim`` are accepted)
# ---------------------------------------------------------------------------------------------
def _pick_axis(args, kwargs, default=None):
    if "out" in kwargs:     # numpy's np.sum(tensor) calls tensor.sum(axis=None, out=None): the reference refuses it
        raise TypeError("For Tensor methods, the argument 'out' (numpy's output array) is not supported; "
                        "call the Tensor method or convert with asnumpy() first.")
    if args:
        return args[0]
    for k in ("axis", "dim"):
        if k in kwargs:
            return kwargs[k]
    return default


def _pick_keep(args, kwargs):
    if len(args) > 1:
        return args[1]
    for k in ("keepdims", "keep_dims", "keepdim"):
        if k in kwargs:
            return kwargs[k]
    return False


def _idx(t):
    return t.long() if isinstance(t, torch.Tensor) and t.dtype != torch.int64 else t


def _nd_index(indices):
    return tuple(_idx(indices).unbind(-1))


def _check_nd(name, input_x, indices, updates):
    if not isinstance(indices, torch.Tensor) or indices.is_floating_point() or indices.dtype == torch.bool:
        raise TypeError(f"For '{name}', 'indices' must be an int32 or int64 tensor")
    k = indices.shape[-1]
    want = tuple(indices.shape[:-1]) + tuple(input_x.shape[k:])
    if tuple(updates.shape) != want:
        raise ValueError(f"For '{name}', 'updates' must have shape {want}, but got {tuple(updates.shape)}")


# in-place methods whose signatures the reference publishes
def _write(self, r):
    self._t.copy_(r)
    return self


def _u(x):
    return x._t if isinstance(x, Tensor) else x


# ---------------------------------------------------------------------------------------------
# primitives with attributes over the shape ops (the reference's operations.* classes)
# ---------------------------------------------------------------------------------------------
def attr_prim(cls_name, fn, init_sig, call=None):
    """A primitive class whose ``__init__`` takes the attributes ``init_sig`` lists (name -> default, or ``_REQ``
    when required) and whose ``__call__(*inputs)`` is ``fn(*inputs, **attrs)`` (or ``call(self, *inputs)`` when
    given): ``attr_prim("Cholesky", cholesky, {"upper": False})`` makes ``Cholesky(upper)(x)`` ``cholesky(x,
    upper=upper)``."""
    params = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    params += [inspect.Parameter(k, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=v) for k, v in init_sig.items()]
    sig = inspect.Signature(params)

    def __init__(self, *args, **kwargs):
        Primitive.__init__(self, cls_name)
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        for k, v in list(bound.arguments.items())[1:]:
            self.add_prim_attr(k, v)
        if hasattr(self, "_check"):
            self._check()

    __init__.__signature__ = sig

    names = tuple(init_sig)

    def __call__(self, *inputs):
        attrs = self.__dict__       # add_prim_attr keeps each attribute there
        return fn(*inputs, **{k: attrs[k] for k in names})

    cls = type(cls_name, (Primitive,), {"__init__": __init__, "__call__": __call__ if call is None else call,
                                        "__module__": "lightspore.ops"})
    return prim(cls_name)(cls)


def _attr_prim(cls_name, attrs, call, doc):
    """A primitive class: ``__init__`` takes ``attrs`` (name, default) pairs, ``__call__`` runs ``call`` on the
    inputs' torch tensors and wraps its result (``attr_prim`` is the form that calls a public function)."""
    params = ", ".join(n if d is _REQ else f"{n}=_d_{n}" for n, d in attrs)
    ns = {"Primitive": Primitive, "_call": call, "_U": _u, "Tensor": Tensor, "wrap": _wrap_any}
    ns.update({f"_d_{n}": d for n, d in attrs if d is not _REQ})
    body = (f"def __init__(self{', ' if params else ''}{params}):\n"
            f"    Primitive.__init__(self, {cls_name!r})\n")
    for n, _ in attrs:
        body += f"    self.{n} = {n}\n"
    body += ("def __call__(self, *args):\n"
             "    return wrap(_call(self, *[_U(a) for a in args]))\n")
    exec(body, ns)
    cls = type(cls_name, (Primitive,), {"__init__": ns["__init__"], "__call__": ns["__call__"], "__doc__": doc})
    cls.__qualname__ = cls_name
    return prim(cls_name)(cls)

_REQ = inspect.Parameter.empty     # an init argument without a default


def _wrap_any(r):
    if isinstance(r, torch.Tensor):
        return Tensor._make(r)
    if isinstance(r, (tuple, list)):
        return tuple(_wrap_any(x) for x in r)
    return r


# ---------------------------------------------------------------------------------------------
# primitive forms of existing functionals, deprecated aliases, and small conversions
# ---------------------------------------------------------------------------------------------
def _impl(name):
    return OPS[name].__wrapped_impl__


def _fl(x):
    """Integer/bool input -> float32 (MindSpore's float-valued math on integer tensors)."""
    if isinstance(x, torch.Tensor) and not (x.is_floating_point() or x.is_complex()):
        return x.to(torch.float32)
    return x


def _float_only(x, name, arg="input"):
    if isinstance(x, torch.Tensor) and not (x.is_floating_point() or x.is_complex()):
        raise TypeError(f"For '{name}', '{arg}' must be a float tensor (float16, float32, float64), "
                        f"but got {mstype.from_torch(x.dtype)}")
    return x


def _unary(name, fn, prim_name=None, methods=(), aliases=(), argname="input", floatify=True, samples=UNARY):
    if floatify == "only":
        def impl(input):
            return fn(_float_only(input, name, argname))
    else:
        def impl(input):
            return fn(_fl(input) if floatify else input)
    if argname != "input":
        exec_ns = {"_f": impl}
        exec(f"def {name}({argname}):\n    return _f({argname})\n", exec_ns)
        impl2 = exec_ns[name]
    else:
        impl2 = impl
    impl2.__name__ = name
    impl2.__doc__ = f"Element-wise ``{name}``."
    return op(name, prim=prim_name, method=tuple(methods), aliases=aliases, samples=samples)(impl2)


def _isfloat(x):
    return isinstance(x, float) or (isinstance(x, torch.Tensor) and (x.is_floating_point() or x.is_complex()))


def _one_float(name, a, b):
    if not (_isfloat(a) or _isfloat(b)):
        raise TypeError(f"For '{name}', at least one input must be a float tensor, but got "
                        f"{_dt(a)} and {_dt(b)}")


def _both_float(name, a, b):
    for arg, x in (("input", a), ("other", b)):
        if not isinstance(x, torch.Tensor):
            raise TypeError(f"For {name}, '{arg}' must be a Tensor, but got {type(x)}")
    if not (_isfloat(a) and _isfloat(b)):
        raise TypeError(f"For {name}, the dtype of 'input' and 'other' must be float, but got {_dt(a)} and {_dt(b)}")


def _same_dtype(name, a, b, names=("input", "values")):
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and a.dtype != b.dtype:
        raise TypeError(f"For '{name}', '{names[0]}' and '{names[1]}' must have the same dtype, but got {_dt(a)} and "
                        f"{_dt(b)}")


def _scal(a, b):
    """Python number operands -> tensors (float32 unless the tensor operand is a wider float)."""
    def conv(x, other):
        if isinstance(x, torch.Tensor) or not isinstance(other, torch.Tensor):
            return x
        dt = other.dtype if other.is_floating_point() else torch.float32
        return torch.tensor(x, dtype=dt, device=other.device)
    return conv(a, b), conv(b, a)


def _dt(x):
    return mstype.from_torch(x.dtype) if isinstance(x, torch.Tensor) else type(x).__name__


def _binary(name, fn, prim_name=None, methods=(), args=("input", "other"), floatify=False, samples=BINARY):
    ns = {"_fn": fn, "_fl": _fl, "_name": name, "_one_float": _one_float, "_both_float": _both_float,
          "_same_dtype": _same_dtype, "_scal": _scal}
    a, b = args
    if floatify == "one":   # at least one float operand (both integer -> TypeError)
        body = (f"def {name}({a}, {b}):\n    _one_float(_name, {a}, {b})\n"
                f"    return _fn(*_scal({a}, {b}))\n")
    elif floatify == "both":
        body = (f"def {name}({a}, {b}):\n    _both_float(_name, {a}, {b})\n"
                f"    return _fn({a}, {b})\n")
    elif floatify == "same":
        body = (f"def {name}({a}, {b}):\n    _same_dtype(_name, {a}, {b}, {args!r})\n"
                f"    return _fn({a}, {b})\n")
    elif floatify:
        body = f"def {name}({a}, {b}):\n    return _fn(_fl({a}), {b})\n"
    else:
        body = f"def {name}({a}, {b}):\n    return _fn({a}, {b})\n"
    exec(body, ns)
    impl = ns[name]
    impl.__doc__ = f"Element-wise ``{name}``."
    return op(name, prim=prim_name, method=tuple(methods), samples=samples)(impl)

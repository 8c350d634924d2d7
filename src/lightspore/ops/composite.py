"""Gradient transforms on top of ``torch.autograd``: ``grad``, ``value_and_grad``, ``GradOperation``.

No tape outside a transform: Parameters rest with ``requires_grad=False``. A transform marks the
inputs and weights it differentiates, runs the function under ``torch.enable_grad()``, calls
``torch.autograd.grad`` and restores the flags, so plain forward calls record nothing.
"""
from __future__ import annotations

import types

import torch

from .. import _compile, _release
from ..common import dtype as mstype
from ..common._errors import ShapeRuntimeError
from ..common.parameter import Parameter, ParameterTuple
from ..common.sparse_tensor import RowTensor
from ..common.tensor import Tensor
from ._table import unwrap_tree, wrap

__all__ = ["grad", "value_and_grad", "GradOperation", "get_grad", "MultitypeFuncGraph", "HyperMap", "Map", "partial",
           "constexpr", "ReduceOp"]

_depth = [0]   # nesting depth of active transforms (higher-order gradients need create_graph)


def _check_position(grad_position, nargs, where):
    if grad_position is None:
        return None
    if isinstance(grad_position, bool) or not isinstance(grad_position, (int, tuple, list)):
        raise TypeError(f"For '{where}', 'grad_position' must be an int, a tuple of ints or None, "
                        f"but got {type(grad_position).__name__}.")
    pos = (grad_position,) if isinstance(grad_position, int) else tuple(grad_position)
    if not pos:
        raise ValueError(f"For '{where}', 'grad_position' must not be empty.")
    for p in pos:
        if not isinstance(p, int) or isinstance(p, bool):
            raise TypeError(f"For '{where}', every element of 'grad_position' must be an int, got {p!r}.")
        if p < 0 or p >= nargs:
            raise ShapeRuntimeError(f"For '{where}', position index {p} in 'grad_position' is exceed input size "
                                    f"({nargs} input(s)).")
    return pos


def _weights_list(weights, where):
    if weights is None:
        return None
    if isinstance(weights, Parameter):
        return [weights]
    if isinstance(weights, (list, tuple, ParameterTuple)):
        for w in weights:
            if not isinstance(w, Parameter):
                raise TypeError(f"For '{where}', 'weights' must be a Parameter, a list/tuple of Parameters or a "
                                f"ParameterTuple, but it contains {type(w).__name__}.")
        return list(weights)
    if hasattr(weights, "trainable_params"):   # a Cell
        return list(weights.trainable_params())
    raise TypeError(f"For '{where}', 'weights' must be a Parameter, a list/tuple of Parameters or a "
                    f"ParameterTuple, but got {type(weights).__name__}.")


def _flat_outputs(out):
    if isinstance(out, Tensor):
        return [out._t]
    if isinstance(out, (tuple, list)):
        res = []
        for o in out:
            res.extend(_flat_outputs(o))
        return res
    if isinstance(out, torch.Tensor):
        return [out]
    return []


def _detach_out(out):
    """Tensors (nested in tuples/lists) detached from the autograd graph; anything else as it is."""
    if isinstance(out, Tensor):
        return Tensor._make(out._t.detach())
    if isinstance(out, tuple):
        return tuple(_detach_out(o) for o in out)
    if isinstance(out, list):
        return [_detach_out(o) for o in out]
    return out


def _grad_under_functorch(fn, args, kwargs, pos, has_aux, sens, where):
    """grad inside vmap/jvp/jacfwd: torch.func.grad composes with those transforms (requires_grad_ does not)."""
    pos = tuple(pos or ())
    for p in pos:
        if not isinstance(args[p], Tensor):
            raise TypeError(f"For '{where}', the input at grad_position {p} must be a Tensor, "
                            f"but got {type(args[p]).__name__}.")

    def scalar_fn(*diff):
        a = list(args)
        for p, d in zip(pos, diff):
            a[p] = Tensor._make(d)
        out = fn(*a, **kwargs)
        diff_outs = _flat_outputs(out[0] if has_aux else out)
        if sens is not None:
            ss = [x._t if isinstance(x, Tensor) else torch.as_tensor(x)
                  for x in (sens if isinstance(sens, (tuple, list)) else (sens,))]
        else:
            ss = [torch.ones_like(o) for o in diff_outs]
        total = sum((o * g).sum() for o, g in zip(diff_outs, ss))
        return total, unwrap_tree(out)

    gs, out = torch.func.grad(scalar_fn, argnums=tuple(range(len(pos))), has_aux=True)(*[args[p]._t for p in pos])
    return wrap(out), [Tensor._make(g) for g in gs], []


def _call_with_saved_hooks(fn, args, kwargs):
    """``fn(*args, **kwargs)``; a Cell given hooks by ``Cell.register_saved_tensors_hooks`` (2.10) runs inside them
    (only the cell given to grad itself, as in the reference)."""
    pack = getattr(fn, "__dict__", {}).get("_saved_tensors_pack_hook")
    if pack is None:
        return fn(*args, **kwargs)
    from ..common._saved_hooks import saved_tensors_hooks
    with saved_tensors_hooks(pack, fn.__dict__["_saved_tensors_unpack_hook"]):
        return fn(*args, **kwargs)


def _run_and_grad(fn, args, kwargs, pos, weights, has_aux, sens, where, ints_as_reals=True):
    """Run fn under autograd; return (outputs, input grads list, weight grads list)."""
    if _compile.grad_outside_graph():    # ms.jit at O0: between graphs, as torch.compile splits at backward()
        return _compile.run_outside_graph(_run_and_grad, fn, args, kwargs, pos, weights, has_aux, sens, where)
    if not weights and pos and torch._C._are_functorch_transforms_active():
        return _grad_under_functorch(fn, args, kwargs, pos, has_aux, sens, where)
    create_graph = _depth[0] > 0
    new_args = list(args)
    in_leaves = []
    int_inputs = False
    if pos is not None:
        for p in pos:
            a = args[p]
            if not isinstance(a, Tensor):
                raise TypeError(f"For '{where}', the input at grad_position {p} must be a Tensor, "
                                f"but got {type(a).__name__}.")
            t = a._t
            if not (t.is_floating_point() or t.is_complex()):
                # an integer input: the reference differentiates through its values as real numbers and returns
                # the gradient in the input's dtype (the outputs still come from the integer input, below); one
                # that only an integer can be (an index) has a zero gradient, as in the reference
                leaf = t.detach().to(torch.float32).requires_grad_(True) if ints_as_reals else None
                int_inputs = ints_as_reals
            else:
                leaf = t if create_graph and t.requires_grad else t.detach().requires_grad_(True)
            if leaf is not None:
                new_args[p] = Tensor._make(leaf)
            in_leaves.append(leaf)
    w_tensors = []
    restore = []
    swapped = []
    if weights:
        in_graph = not create_graph and _compile.tracing_grad()
        for w in weights:
            t = w._t
            if in_graph:    # ms.jit tracing: differentiate a detached alias (requires_grad_ on a graph input breaks it)
                swapped.append((w, t))
                t = w._t = t.detach().requires_grad_(True)
            elif not t.requires_grad:
                t.requires_grad_(True)
                restore.append(t)
            w_tensors.append(t)
    _depth[0] += 1
    try:
        with torch.enable_grad():
            out = _call_with_saved_hooks(fn, new_args, kwargs)
            if has_aux:
                if not isinstance(out, tuple) or len(out) < 2:
                    raise TypeError(f"For '{where}', with has_aux=True the function must return a tuple of at "
                                    f"least two elements, but got {type(out).__name__}.")
                diff_outs = _flat_outputs(out[0])
            else:
                diff_outs = _flat_outputs(out)
            if sens is not None:
                grads_out = [s._t if isinstance(s, Tensor) else torch.as_tensor(s) for s in
                             (sens if isinstance(sens, (tuple, list)) else (sens,))]
            else:
                grads_out = [torch.ones_like(o) for o in diff_outs]
            targets = [t for t in in_leaves if t is not None] + w_tensors
            pairs = [(o, g) for o, g in zip(diff_outs, grads_out) if o.requires_grad]
            if targets and pairs:
                gs = torch.autograd.grad([o for o, _ in pairs], targets, [g for _, g in pairs],
                                         allow_unused=True, create_graph=create_graph)
            else:
                gs = [None] * len(targets)
    except (TypeError, RuntimeError, IndexError, ValueError):
        if not int_inputs:
            raise
        retry = True        # an integer input used where only an integer goes: differentiate without it
    else:
        retry = False
    finally:
        _depth[0] -= 1
        for t in restore:
            t.requires_grad_(False)
        for w, t in swapped:
            w._t = t
    if retry:
        return _run_and_grad(fn, args, kwargs, pos, weights, has_aux, sens, where, ints_as_reals=False)
    gs = list(gs)
    in_grads = []
    k = 0
    for leaf, p in zip(in_leaves, pos or ()):
        if leaf is None:
            in_grads.append(Tensor._make(torch.zeros_like(args[p]._t)))
            continue
        g = gs[k]
        k += 1
        g = g if g is not None else torch.zeros_like(leaf)
        dt = args[p]._t.dtype
        in_grads.append(Tensor._make(g if g.dtype is dt else g.to(dt)))
    if int_inputs:      # the outputs of the integer inputs themselves (the gradient pass ran on float copies)
        with torch.no_grad():
            out = _call_with_saved_hooks(fn, list(args), kwargs)
    w_grads = []
    for t, g in zip(w_tensors, gs[k:]):
        w_grads.append(Tensor._make(g if g is not None else torch.zeros_like(t)))
    if not create_graph:
        out = _detach_out(out)
    return out, in_grads, w_grads


def _pack(pos, grad_position, weights, in_grads, w_grads, return_ids):
    if return_ids:
        in_grads = [(p, g) for p, g in zip(pos or (), in_grads)]
        w_grads = [(w.name, g) for w, g in zip(weights or (), w_grads)]
    # a single position (int or 1-tuple) gives a bare gradient, as in the reference
    ig = in_grads[0] if len(in_grads) == 1 else tuple(in_grads)
    if weights is None:
        return ig
    if grad_position is None:
        return tuple(w_grads)
    return ig, tuple(w_grads)


def _split_sens(args, sens_param):
    """With ``sens_param`` (MindSpore 2.10) the last positional argument is the output's gradient (sens)."""
    if not isinstance(sens_param, bool):
        raise TypeError(f"For '_Grad', the 'sens_param' should be bool, but got {type(sens_param).__name__}")
    return (args[:-1], args[-1]) if sens_param and args else (args, None)


def _value_and_grad_fn(fn, grad_position, weights, has_aux, return_ids, sens_param, name):
    """The function of ``args`` returning ``(fn(*args), gradients)`` that value_and_grad and grad (``name``, in the
    error messages) both make."""
    if grad_position is None and weights is None:
        raise ValueError(f"For '{name}', 'grad_position' and 'weights' can not both be None.")
    wlist = _weights_list(weights, name)

    def run(*args, **kwargs):
        args, sens = _split_sens(args, sens_param)
        pos = _check_position(grad_position, len(args), name)
        out, ig, wg = _run_and_grad(fn, args, kwargs, pos, wlist, has_aux, sens, name)
        return out, _pack(pos, grad_position, wlist, ig, wg, return_ids)

    return run


def value_and_grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """A function returning ``(fn(*args), gradients)``; see ``mindspore.value_and_grad``."""
    return _value_and_grad_fn(fn, grad_position, weights, has_aux, return_ids, sens_param, "value_and_grad")


def grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """A function returning the gradients of ``fn``; see ``mindspore.grad``."""
    run = _value_and_grad_fn(fn, grad_position, weights, has_aux, return_ids, sens_param, "grad")

    def wrapper(*args, **kwargs):
        out, g = run(*args, **kwargs)
        if has_aux:
            return g, tuple(out[1:])
        return g

    return wrapper


def _sig_2_7_1(fn, grad_position=0, weights=None, has_aux=False, return_ids=False):
    pass


def _sig_2_10_0(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    pass


for _f in (grad, value_and_grad):     # sens_param is new in 2.10
    _release.signature_per_release(_f, _sig_2_7_1, _sig_2_10_0)


def get_grad(gradients, identifier):
    """Pick one gradient out of a ``return_ids=True`` result by position index or parameter."""
    key = identifier.name if isinstance(identifier, Parameter) else identifier

    def search(g):
        if isinstance(g, tuple) and len(g) == 2 and isinstance(g[0], (int, str)) and isinstance(g[1], Tensor):
            return g[1] if g[0] == key else None
        if isinstance(g, (tuple, list)):
            for x in g:
                r = search(x)
                if r is not None:
                    return r
        return None

    r = search(gradients)
    if r is None:
        raise RuntimeError(f"For 'get_grad', no gradient was found for identifier {key!r}.")
    return r


class GradOperation:
    """``ops.GradOperation(get_all=False, get_by_list=False, sens_param=False)``."""

    def __init__(self, get_all=False, get_by_list=False, sens_param=False):
        for n, v in (("get_all", get_all), ("get_by_list", get_by_list), ("sens_param", sens_param)):
            if not isinstance(v, bool):
                raise TypeError(f"For 'GradOperation', '{n}' must be bool, but got {type(v).__name__}.")
        self.get_all, self.get_by_list, self.sens_param = get_all, get_by_list, sens_param

    def __call__(self, fn, weights=None):
        wlist = _weights_list(weights, "GradOperation") if self.get_by_list else None
        if self.get_by_list and wlist is None:
            raise TypeError("For 'GradOperation', 'weights' must be given when get_by_list=True.")

        def after_grad(*args):
            sens = None
            if self.sens_param:
                args, sens = args[:-1], args[-1]
            if self.get_all:
                pos = tuple(i for i, a in enumerate(args) if isinstance(a, Tensor))
            elif self.get_by_list:
                pos = None
            else:
                pos = (0,) if args else None
            _, ig, wg = _run_and_grad(fn, args, {}, pos, wlist, False, sens, "GradOperation")
            if self.get_by_list:
                if self.get_all:
                    return tuple(ig), tuple(wg)
                return tuple(wg)
            if self.get_all:
                return tuple(ig)
            return ig[0]

        return after_grad


# ---------------------------------------------------------------------------------------------
# Overloaded functions and mapping over sequences (MindSpore's graph-level helpers, run eagerly)
# ---------------------------------------------------------------------------------------------
# type name -> the kinds of object it matches (one object has exactly one kind, see _kind_of)
_TYPE_NAMES = {
    "Tensor": {"Tensor"}, "Number": {"Bool", "Int", "UInt", "Float"}, "Bool": {"Bool"}, "Int": {"Int"},
    "UInt": {"UInt"}, "Float": {"Float"}, "String": {"String"}, "None": {"None"}, "Tuple": {"Tuple"},
    "List": {"List"}, "Function": {"Function"}, "RowTensor": {"RowTensor"}, "COOTensor": {"COOTensor"},
    "CSRTensor": {"CSRTensor"}, "TypeType": {"TypeType"}, "Slice": {"Slice"}, "Ellipsis": {"Ellipsis"},
}


_SIZED = {f"{k}{n}" for k, ns in (("Int", (8, 16, 32, 64)), ("UInt", (8, 16, 32, 64)), ("Float", (16, 32, 64)))
          for n in ns} | {"BFloat16"}
_SIZED_OF_KIND = {"Int": "Int64", "Float": "Float64"}


def _parse_type_name(t):
    if isinstance(t, mstype.Type):
        generic = {mstype.tensor_type: "Tensor", mstype.number: "Number", mstype.int_: "Int",
                   mstype.uint: "UInt", mstype.float_: "Float", mstype.bool_: "Bool", mstype.string: "String",
                   mstype.type_none: "None", mstype.list_: "List", mstype.tuple_: "Tuple"}
        if t in generic:
            return generic[t], None
        return "Tensor", t          # a concrete dtype: a tensor of that dtype
    if not isinstance(t, str):
        raise TypeError(f"For 'MultitypeFuncGraph', register only supports str or mindspore.dtype type names, "
                        f"but got {t!r}.")
    if t.startswith("Tensor[") and t.endswith("]"):
        return "Tensor", mstype.check_dtype(getattr(mstype, t[7:-1].lower(), None) or t[7:-1],
                                            "MultitypeFuncGraph.register")
    if t in _SIZED:                 # a sized number type: Python int is Int64, float is Float64, bool is Bool
        return t, None
    if t not in _TYPE_NAMES:
        raise RuntimeError(f"For 'MultitypeFuncGraph.register', unsupported type name: {t!r}; expected one of "
                             f"{sorted(_TYPE_NAMES)} or 'Tensor[<dtype>]'.")
    return t, None


# the kind of an object, by its type; the first match counts (bool before int)
_KINDS = ((Tensor, "Tensor"), (bool, "Bool"), (int, "Int"), (float, "Float"), (str, "String"), (type(None), "None"),
          (tuple, "Tuple"), (list, "List"), (RowTensor, "RowTensor"), (mstype.Type, "TypeType"), (slice, "Slice"),
          (type(Ellipsis), "Ellipsis"))


def _kind_of(obj):
    for cls, kind in _KINDS:
        if isinstance(obj, cls):
            return kind
    if isinstance(obj, (types.FunctionType, MultitypeFuncGraph, HyperMap, Map)) or hasattr(obj, "construct") \
            or type(obj).__module__.startswith("lightspore.ops"):
        return "Function"
    raise NotImplementedError(f"For 'MultitypeFuncGraph', the python type {type(obj)} cannot be converted to a "
                                f"MindSpore type.")


class MultitypeFuncGraph:
    """``ops.MultitypeFuncGraph(name, read_value=False)``: a function overloaded on its arguments' types.

    ``@f.register("Tensor", "Number")`` adds an overload; a call runs the first overload whose type names match
    (a single overload is called whatever the arguments are, as in the reference).
    """

    def __init__(self, name, read_value=False):
        self.name = name
        self.read_value = read_value
        self.entries = []

    def register(self, *type_names):
        sigs = tuple(_parse_type_name(t) for t in type_names)

        def deco(fn):
            self.entries.append((sigs, fn))
            return fn
        return deco

    def __call__(self, *args):
        import numpy as np
        for a in args:
            if isinstance(a, np.ndarray):
                raise TypeError("For 'MultitypeFuncGraph', the input can not be numpy.ndarray")
        if len(self.entries) == 1:
            return self.entries[0][1](*args)
        kinds = [_kind_of(a) for a in args]
        for sigs, fn in self.entries:
            if len(sigs) != len(args):
                continue
            if all((_SIZED_OF_KIND.get(k) == name if name in _SIZED else k in _TYPE_NAMES[name])
                   and (dt is None or a.dtype == dt) for (name, dt), k, a in zip(sigs, kinds, args)):
                return fn(*args)
        raise ValueError(f"For 'MultitypeFuncGraph' {self.name!r}, no registered overload matches the argument "
                         f"types {tuple(kinds)}; registered: {[tuple(s[0] for s in sig) for sig, _ in self.entries]}.")

    def __repr__(self):
        return f"MultitypeFuncGraph({self.name!r})"


def _check_map_op(op, where):
    if op is not None and not callable(op):
        raise TypeError(f"For '{where}', 'ops' must be a MultitypeFuncGraph, a callable or None, but got "
                        f"{type(op).__name__}.")


class _MapOp:
    """What HyperMap and Map share: ``ops`` (None: the function comes first in each call) and ``reverse``."""
    _where = None

    def __init__(self, ops=None, reverse=False):
        _check_map_op(ops, self._where)
        self.ops, self.reverse = ops, reverse


class HyperMap(_MapOp):
    """``ops.HyperMap(ops=None, reverse=False)``: apply ``ops`` leaf-wise over (nested) tuples/lists."""
    _where = "HyperMap"

    def __call__(self, *args):
        fn, seqs = (self.ops, args) if self.ops is not None else (args[0], args[1:])
        return _hyper(fn, seqs)


def _hyper(fn, seqs):
    if not seqs or not isinstance(seqs[0], (tuple, list)):
        return fn(*seqs)
    n = len(seqs[0])
    for s in seqs[1:]:
        if not isinstance(s, (tuple, list)) or len(s) != n:
            raise ValueError(f"For 'HyperMap', every input sequence must have the length of the first ({n}), "
                             f"but got {type(s).__name__} of length {len(s) if hasattr(s, '__len__') else '-'}.")
    return tuple(_hyper(fn, items) for items in zip(*seqs))


class Map(_MapOp):
    """``ops.Map(ops=None, reverse=False)``: apply ``ops`` to the elements of sequences (one level)."""
    _where = "Map"

    def __call__(self, *args):
        fn, seqs = (self.ops, args) if self.ops is not None else (args[0], args[1:])
        return tuple(map(fn, *seqs))


def partial(*args):
    """``ops.partial(func, *args)``: ``func`` with its leading arguments fixed."""
    import functools
    if not args or not callable(args[0]):
        raise TypeError("For 'partial', the first argument must be a callable.")
    return functools.partial(args[0], *args[1:])


def constexpr(fn=None, get_instance=True, name=None, reuse_result=True, check=True):
    """``ops.constexpr``: in the reference, evaluated while compiling a graph; here the function simply runs.

    Returns a primitive instance whose call runs ``fn`` (``get_instance=False``: the primitive class).
    """
    from ._table import Primitive

    def deco(f):
        class ProxyOp(Primitive):
            def __init__(self):
                super().__init__(name or f.__name__)

            def __call__(self, *args):
                return f(*args)

        return ProxyOp() if get_instance else ProxyOp

    return deco(fn) if fn is not None else deco


class ReduceOp:
    """``ops.ReduceOp``: the reduction names of collective communication (an enumeration, not an operator)."""
    SUM = "sum"
    MAX = "max"
    MIN = "min"
    PROD = "prod"


# the reference's composite also offers these (real code: C.clip_by_value, C.ones_like, C.add_flags): the
# same objects as ops.xxx where the reference shares them; resolved on first use (ops imports this module)
_FROM_OPS = ("clip_by_value", "clip_by_global_norm", "batch_dot", "count_nonzero", "cummin", "dot", "gamma",
             "laplace", "mm", "multinomial", "normal", "poisson", "repeat_elements", "repeat_interleave",
             "sequence_mask", "tensor_dot", "uniform", "vecdot")
_FROM_MISC = ("ones_like", "zeros_like", "add_flags")


def __getattr__(name):
    if name in _FROM_OPS or name in _FROM_MISC:
        import importlib

        src = importlib.import_module(__package__ + ("._misc" if name in _FROM_MISC else ""))
        if hasattr(src, name):
            value = globals()[name] = getattr(src, name)
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

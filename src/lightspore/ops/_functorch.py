"""Function transforms of ``mindspore.ops``: ``vmap``, ``jvp``, ``vjp``, ``jacfwd``, ``jacrev`` (on
``torch.func`` and ``torch.autograd``) and the ``Custom`` primitive for Python functions (``pyfunc``).

The user's function works on lightspore Tensors; the transforms hand it Tensors that hold torch.func's
batched/dual tensors and take the torch tensors back out of what it returns. As in ``composite.grad``,
nothing records a tape outside a transform: Parameters a ``vjp`` differentiates get
``requires_grad`` only while the transform runs.
"""
from __future__ import annotations

import math

import numpy as np
import torch
import torch.func as tf

from ..common import dtype as mstype
from ..common.tensor import Tensor
from ._table import Primitive, unwrap_tree, wrap
from .composite import _detach_out, _weights_list

__all__ = ["vmap", "jvp", "vjp", "jacfwd", "jacrev", "linearize", "jet", "derivative", "Custom"]


_to_torch, _to_ms = unwrap_tree, wrap     # the op table's tree (un)wrapping


def _torch_fn(fn):
    """fn on lightspore Tensors -> the same function on torch tensors."""
    def f(*args):
        return _to_torch(fn(*_to_ms(args)))
    return f


def _check_has_aux(has_aux, where):
    if not isinstance(has_aux, bool):
        raise TypeError(f"For '{where}', the type of 'has_aux' must be bool, but got {type(has_aux).__name__}.")


def _split_aux(out, where):
    """(first output, aux): aux is out[1] for two outputs, out[1:] for more (the reference's packing)."""
    if not isinstance(out, tuple) or len(out) < 2:
        raise ValueError("When 'has_aux' is True, origin 'fn' requires more than one outputs.")
    return out[0], (out[1] if len(out) == 2 else out[1:])


def _check_tensors(xs, where):
    for x in xs:
        if isinstance(x, (tuple, list)):
            _check_tensors(x, where)
        elif not isinstance(x, Tensor):
            raise TypeError(f"For '{where}', the inputs must be Tensors, but got {type(x).__name__}.")


# ---------------------------------------------------------------------------------------------
# vmap
# ---------------------------------------------------------------------------------------------
def _axes(spec, where, name):
    """Validate an in_axes/out_axes spec: int, None, or (nested) tuples/lists of them."""
    if spec is None or (isinstance(spec, int) and not isinstance(spec, bool)):
        return spec
    if isinstance(spec, (tuple, list)):
        return tuple(_axes(s, where, name) for s in spec)
    raise RuntimeError(f"For '{where}', '{name}' must be an int, None or a tuple of them, but got "
                       f"{type(spec).__name__}.")


def vmap(fn, in_axes=0, out_axes=0):
    """Maps ``fn`` over the ``in_axes`` of its inputs, stacking the results along ``out_axes``."""
    in_axes = _axes(in_axes, "vmap", "in_axes")
    out_axes = _axes(out_axes, "vmap", "out_axes")
    if _is_cell_list(fn):
        return _vmap_ensemble(fn, in_axes, out_axes)
    if not callable(fn):
        raise TypeError(f"For 'vmap', 'fn' must be callable, but got {type(fn).__name__}.")

    def wrapped(*args):
        ins = in_axes
        if isinstance(ins, tuple) and len(ins) != len(args):
            raise RuntimeError(f"For 'vmap', the length of 'in_axes' ({len(ins)}) must equal the number of inputs "
                             f"({len(args)}).")
        if isinstance(ins, tuple):
            ins = tuple(_in_spec(a, s) for a, s in zip(args, ins))
        mapped = tf.vmap(_torch_fn(fn), in_dims=ins, out_dims=out_axes, randomness="different")
        try:
            return _to_ms(mapped(*_to_torch(args)))
        except (ValueError, IndexError) as e:    # torch.func's reports of bad axes and batch sizes
            raise RuntimeError(f"For 'vmap', {str(e).splitlines()[0]}") from None

    return wrapped


def _is_cell_list(fn):
    from ..nn.cell import Cell
    return (isinstance(fn, (list, tuple)) or type(fn).__name__ == "CellList") and len(fn) > 0 and \
        all(isinstance(c, Cell) for c in fn)


def _vmap_ensemble(cells, in_axes, out_axes):
    """Model ensembling: the cells share one structure; their parameters, stacked along axis 0, are mapped
    together with the inputs and the first cell runs on each slice."""
    cells = list(cells)
    params = [list(c.get_parameters()) for c in cells]
    if any(len(p) != len(params[0]) or any(a.shape != b.shape for a, b in zip(p, params[0])) for p in params):
        raise ValueError("For 'vmap', the cells of a CellList must have parameters of the same number and shapes.")
    lead = params[0]

    def wrapped(*args):
        ins = in_axes if isinstance(in_axes, tuple) else (in_axes,) * len(args)
        if len(ins) != len(args):
            raise RuntimeError(f"For 'vmap', the length of 'in_axes' ({len(ins)}) must equal the number of inputs "
                               f"({len(args)}).")
        stacked = tuple(torch.stack([p[i]._t for p in params]) for i in range(len(lead)))

        def per_model(ws, *a):
            saved = [p._t for p in lead]
            try:
                for p, t in zip(lead, ws):
                    p._t = t
                return _to_torch(cells[0](*_to_ms(a)))
            finally:
                for p, t in zip(lead, saved):
                    p._t = t

        mapped = tf.vmap(per_model, in_dims=(0,) + tuple(_in_spec(a, s) for a, s in zip(args, ins)),
                         out_dims=out_axes, randomness="different")
        try:
            return _to_ms(mapped(stacked, *_to_torch(args)))
        except (ValueError, IndexError) as e:
            raise RuntimeError(f"For 'vmap', {str(e).splitlines()[0]}") from None

    return wrapped


def _in_spec(arg, spec):
    """Broadcast one axis over a tuple/list argument, as the reference accepts."""
    if isinstance(arg, (tuple, list)) and not isinstance(spec, tuple):
        return type(arg)(_in_spec(a, spec) for a in arg) if spec is not None else None
    if isinstance(arg, list) and isinstance(spec, tuple):
        return list(_in_spec(a, s) for a, s in zip(arg, spec))
    return spec


# ---------------------------------------------------------------------------------------------
# jvp / vjp
# ---------------------------------------------------------------------------------------------
def jvp(fn, inputs, v, has_aux=False):
    """``(fn(inputs), J @ v)`` (and the auxiliary outputs with ``has_aux``)."""
    _check_has_aux(has_aux, "jvp")
    if not isinstance(inputs, (Tensor, tuple, list)) or not isinstance(v, (Tensor, tuple, list)):
        raise TypeError("The inputs type of 'jvp' must be Tensor or tuple of Tensors.")
    ins = tuple(inputs) if isinstance(inputs, (tuple, list)) else (inputs,)
    vs = tuple(v) if isinstance(v, (tuple, list)) else (v,)
    if len(ins) != len(vs):
        raise ValueError(f"The length of 'inputs' and 'v' of 'jvp' must be equal, but got {len(ins)} and "
                         f"{len(vs)}.")
    _check_tensors(ins + vs, "jvp")
    f = _torch_fn(fn)
    if has_aux:
        def f_aux(*a):
            out = f(*a)
            first, aux = _split_aux(out, "jvp")
            return first, aux
        out, tangent, aux = tf.jvp(f_aux, _to_torch(ins), _to_torch(vs), has_aux=True)
        return _to_ms(out), _to_ms(tangent), _to_ms(aux)
    out, tangent = tf.jvp(f, _to_torch(ins), _to_torch(vs))
    return _to_ms(out), _to_ms(tangent)


def linearize(fn, inputs):
    """``(fn(*inputs), jvp_fn)``: ``jvp_fn(v)`` is ``J @ v`` at ``inputs`` (one tangent per input)."""
    if not isinstance(inputs, (Tensor, tuple, list)):
        raise TypeError("The inputs type of 'linearize' must be Tensor or tuple of Tensors.")
    ins = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    _check_tensors(ins, "linearize")
    f = _torch_fn(fn)
    out = fn(*ins)

    def jvp_fn(*v):
        vs = tuple(v[0]) if len(v) == 1 and isinstance(v[0], (tuple, list)) else v
        _check_tensors(vs, "linearize")
        if len(vs) != len(ins):
            raise ValueError(f"For 'linearize', expected {len(ins)} tangent(s), but got {len(vs)}.")
        return _to_ms(tf.jvp(f, _to_torch(ins), _to_torch(vs))[1])

    return out, jvp_fn


def vjp(fn, *inputs, weights=None, has_aux=False):
    """``(fn(*inputs), vjp_fn)``; ``vjp_fn(v)`` gives the input gradients (and, with ``weights``, the
    weight gradients) of ``v @ J``."""
    _check_tensors(inputs, "vjp")
    _check_has_aux(has_aux, "vjp")
    wlist = _weights_list(weights, "vjp")
    leaves = [x._t.detach().requires_grad_(x._t.is_floating_point() or x._t.is_complex()) for x in inputs]
    # each weight runs on an alias of its storage that is a graph leaf; the Parameter itself keeps its
    # tensor (requires_grad=False at rest) and gets it back when fn returns
    wlist = wlist or []
    saved = [w._t for w in wlist]
    w_tensors = [t.detach().requires_grad_(True) for t in saved]
    try:
        for w, t in zip(wlist, w_tensors):
            w._t = t
        with torch.enable_grad():
            res = fn(*[Tensor._make(t) for t in leaves])
    finally:
        for w, t in zip(wlist, saved):
            w._t = t
    if has_aux:
        first, aux = _split_aux(res, "vjp")
    else:
        first, aux = res, None
    outs = _to_torch(first)
    flat_outs = list(outs) if isinstance(outs, (tuple, list)) else [outs]

    def vjp_fn(*v):
        _check_tensors(v, "vjp")
        sens = [t._t for t in v]
        if len(sens) != len(flat_outs):
            raise ValueError(f"For 'vjp', the number of cotangents ({len(sens)}) must equal the number of "
                             f"outputs ({len(flat_outs)}).")
        targets = leaves + w_tensors
        pairs = [(o, s) for o, s in zip(flat_outs, sens) if o.requires_grad]
        if pairs:
            gs = torch.autograd.grad([o for o, _ in pairs], targets, [s for _, s in pairs], retain_graph=True,
                                     allow_unused=True)
        else:
            gs = [None] * len(targets)
        gs = [Tensor._make(g if g is not None else torch.zeros_like(t)) for g, t in zip(gs, targets)]
        ig = tuple(gs[:len(leaves)])
        if weights is None:
            return ig
        return ig, tuple(gs[len(leaves):])

    out = _detach_out(first)
    if has_aux:
        return out, vjp_fn, _detach_out(aux)
    return out, vjp_fn


# ---------------------------------------------------------------------------------------------
# Taylor mode: jet / derivative
# ---------------------------------------------------------------------------------------------
def _taylor(fn, primals, series, order, where):
    """fn(primals) and the derivatives d^k/dt^k f(x(t)) at t=0, k = 1..order, for the input curve
    x(t) = primals + sum_k series[k-1] t^k / k! (series in derivative convention, as the reference)."""
    xs = _to_torch(primals)
    ss = _to_torch(series)
    f = _torch_fn(fn)
    t0 = torch.zeros((), dtype=xs.dtype, device=xs.device)

    def curve(t):
        x = xs
        for k in range(order):
            x = x + ss[k] * (t ** (k + 1) / math.factorial(k + 1))
        return f(x)

    def nth(fun, n):
        if n == 0:
            return fun
        prev = nth(fun, n - 1)
        return lambda t: tf.jvp(prev, (t,), (torch.ones_like(t),))[1]

    return Tensor._make(f(xs)), [Tensor._make(nth(curve, k)(t0)) for k in range(1, order + 1)]


def jet(fn, primals, series):
    """Taylor-mode propagation: ``(fn(primals), out_series)``; ``series[k]`` is the (k+1)-th derivative of
    the input curve, ``out_series[k]`` the (k+1)-th derivative of ``fn`` along it."""
    if not isinstance(primals, Tensor) or not isinstance(series, Tensor):
        raise TypeError("For 'jet', 'primals' and 'series' must be Tensors.")
    if tuple(series.shape[1:]) != tuple(primals.shape):
        raise ValueError(f"For 'jet', 'series' must have shape (order, *primals.shape), but got {series.shape} "
                         f"for primals of shape {primals.shape}.")
    out, ys = _taylor(fn, primals, series, series.shape[0], "jet")
    return out, Tensor._make(torch.stack([y._t for y in ys]))


def derivative(fn, primals, order):
    """``(fn(primals), d^order fn / dx^order)`` along the all-ones direction (the elementwise derivative for
    elementwise ``fn``)."""
    if not isinstance(primals, Tensor):
        raise TypeError(f"For 'derivative', 'primals' must be a Tensor, but got {type(primals).__name__}.")
    if isinstance(order, bool) or not isinstance(order, int) or order < 1:
        raise ValueError(f"For 'derivative', 'order' must be a positive int, but got {order!r}.")
    ones = torch.ones_like(primals._t)
    series = torch.stack([ones] + [torch.zeros_like(ones)] * (order - 1))
    out, ys = _taylor(fn, primals, Tensor._make(series), order, "derivative")
    return out, ys[-1]


# ---------------------------------------------------------------------------------------------
# jacobians
# ---------------------------------------------------------------------------------------------
def _jac_position(grad_position, nargs, where):
    if isinstance(grad_position, bool) or not isinstance(grad_position, (int, tuple)):
        raise TypeError(f"For '{where}', 'grad_position' must be an int or a tuple of ints, but got "
                        f"{type(grad_position).__name__}.")
    pos = (grad_position,) if isinstance(grad_position, int) else grad_position
    if not pos:
        raise ValueError(f"For '{where}', 'grad_position' must not be empty.")
    for p in pos:
        if isinstance(p, bool) or not isinstance(p, int):
            raise TypeError(f"For '{where}', every element of 'grad_position' must be an int, but got {p!r}.")
        if not 0 <= p < nargs:
            raise ValueError(f"For '{where}', position index {p} in 'grad_position' is out of range for "
                             f"{nargs} input(s).")
    return grad_position


def _jacobian(transform, where):
    def make(fn, grad_position=0, has_aux=False):
        _check_has_aux(has_aux, where)

        def wrapped(*args):
            _check_tensors(args, where)
            argnums = _jac_position(grad_position, len(args), where)
            f = _torch_fn(fn)
            if has_aux:
                def f_aux(*a):
                    return _split_aux(f(*a), where)
                jac, aux = transform(f_aux, argnums=argnums, has_aux=True)(*_to_torch(args))
                return _to_ms(jac), _to_ms(aux)
            return _to_ms(transform(f, argnums=argnums)(*_to_torch(args)))

        return wrapped
    return make


jacfwd = _jacobian(tf.jacfwd, "jacfwd")
jacfwd.__name__ = jacfwd.__qualname__ = "jacfwd"
jacfwd.__doc__ = "The Jacobian of ``fn`` with respect to the inputs at ``grad_position``, by forward mode."
jacrev = _jacobian(tf.jacrev, "jacrev")
jacrev.__name__ = jacrev.__qualname__ = "jacrev"
jacrev.__doc__ = "The Jacobian of ``fn`` with respect to the inputs at ``grad_position``, by reverse mode."


# ---------------------------------------------------------------------------------------------
# Custom (pyfunc)
# ---------------------------------------------------------------------------------------------
class Custom(Primitive):
    """A primitive running a Python function on numpy arrays (``func_type='pyfunc'``, the only kind that
    exists without MindSpore's kernel compilers). ``out_shape``/``out_dtype`` (values, or callables of the
    input shapes/dtypes) describe the result, which is checked against them. ``bprop(*inputs, out, dout)``
    (a Python function on Tensors) gives the input gradients; without it the op is not differentiable."""

    def __init__(self, func, out_shape=None, out_dtype=None, func_type="pyfunc", bprop=None, reg_info=None):
        super().__init__("Custom")
        if func_type != "pyfunc":
            raise ValueError(f"For 'Custom', only func_type='pyfunc' (a Python function) is supported here, but got "
                             f"{func_type!r}.")
        if not callable(func):
            raise TypeError(f"For 'Custom', 'func' must be a function when func_type is 'pyfunc', but got "
                            f"{type(func).__name__}.")
        if out_shape is None or out_dtype is None:
            raise ValueError("For 'Custom', 'out_shape' and 'out_dtype' must be given when func_type is 'pyfunc'.")
        self.func, self.out_shape, self.out_dtype = func, out_shape, out_dtype
        self.func_type, self.bprop, self.reg_info = func_type, bprop, reg_info
        self.add_prim_attr("func_type", func_type)

    def _expected(self, inputs):
        shapes = [tuple(x.shape) for x in inputs]
        dtypes = [x.dtype for x in inputs]
        shape = self.out_shape(*shapes) if callable(self.out_shape) else self.out_shape
        dtype = self.out_dtype(*dtypes) if callable(self.out_dtype) and not isinstance(self.out_dtype, mstype.Type) \
            else self.out_dtype
        return shape, dtype

    def _run(self, inputs):
        shape, dtype = self._expected(inputs)
        arrays = [x.asnumpy() if isinstance(x, Tensor) else x for x in inputs]
        res = self.func(*arrays)
        multi = isinstance(dtype, (tuple, list))
        results = res if multi else (res,)
        shapes = shape if multi else (shape,)
        dtypes = dtype if multi else (dtype,)
        if len(results) != len(dtypes):
            raise ValueError(f"For 'Custom', the function returned {len(results)} outputs, but 'out_dtype' "
                             f"describes {len(dtypes)}.")
        outs = []
        for r, s, d in zip(results, shapes, dtypes):
            a = np.asarray(r, dtype=mstype.dtype_to_nptype(d))
            if tuple(a.shape) != tuple(s):
                raise ValueError(f"For 'Custom', the function returned shape {a.shape}, but 'out_shape' is "
                                 f"{tuple(s)}.")
            outs.append(torch.from_numpy(np.ascontiguousarray(a)))
        return outs, multi

    def __call__(self, *inputs):
        _check_tensors(inputs, "Custom")
        if not torch.is_grad_enabled() or not any(x._t.requires_grad for x in inputs):
            outs, multi = self._run(inputs)
            outs = [Tensor._make(o) for o in outs]
            return tuple(outs) if multi else outs[0]
        prim = self

        class _Fn(torch.autograd.Function):
            @staticmethod
            def forward(ctx, *ts):
                outs, multi = prim._run([Tensor._make(t.detach()) for t in ts])
                ctx.multi = multi
                ctx.save_for_backward(*ts, *outs)
                return tuple(outs) if multi else outs[0]

            @staticmethod
            def backward(ctx, *gs):
                if prim.bprop is None:
                    raise RuntimeError("Illegal primitive Custom's bprop not defined")
                saved = ctx.saved_tensors
                n = len(saved) - len(gs)
                ins = [Tensor._make(t) for t in saved[:n]]
                outs = [Tensor._make(t) for t in saved[n:]]
                out = tuple(outs) if ctx.multi else outs[0]
                dout = tuple(Tensor._make(g) for g in gs) if ctx.multi else Tensor._make(gs[0])
                grads = prim.bprop(*ins, out, dout)
                grads = grads if isinstance(grads, (tuple, list)) else (grads,)
                return tuple(g._t if isinstance(g, Tensor) else g for g in grads)

        r = _Fn.apply(*[x._t for x in inputs])
        return tuple(Tensor._make(t) for t in r) if isinstance(r, tuple) else Tensor._make(r)


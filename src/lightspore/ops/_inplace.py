"""Assignment, dependencies and in-place Tensor updates (assign, depend, stop_gradient, ``x.add_``...)."""
from __future__ import annotations

import torch

from ..common.tensor import Tensor
from ._args import _idx, _no_attr_prim, _u, _write
from ._samples import P, S, V, f32, i32
from ._table import METHODS, method, op, unwrap


@op(prim="StopGradient", samples=(S(f32(2, 3)), S(i32(4))))
def stop_gradient(value):
    return value.detach() if isinstance(value, torch.Tensor) else value


def depend(value, expr):
    """Return ``value``; eager execution already orders ``expr`` before it."""
    return value


def assign(variable, value):
    """Write ``value`` into ``variable`` (a Parameter) in place; returns the variable."""
    v = unwrap(value)
    v = v if isinstance(v, torch.Tensor) else torch.as_tensor(v)
    try:
        with torch.no_grad():
            variable._t.copy_(v)
    except RuntimeError:
        raise ValueError(f"For 'Assign', the shape of 'value' {tuple(v.shape)} must match the shape of "
                         f"'variable' {tuple(variable._t.shape)}.") from None
    return variable


def assign_add(variable, value):
    with torch.no_grad():
        variable._t.add_(unwrap(value))
    return variable


def assign_sub(variable, value):
    with torch.no_grad():
        variable._t.sub_(unwrap(value))
    return variable

_no_attr_prim("Assign", assign)

_no_attr_prim("AssignAdd", assign_add)

_no_attr_prim("Depend", depend)


@method("fill_")
def _t_fill_(self, value):
    self._t.fill_(unwrap(value))
    return self


@method("zero_")
def _t_zero_(self):
    self._t.zero_()
    return self


@method("copy_")
def _t_copy_(self, src, non_blocking=False):
    self._t.copy_(unwrap(src))
    return self


@method("add_")
def _t_add_(self, other, *, alpha=1):
    self._t.add_(unwrap(other), alpha=alpha)
    return self


@method("mul_")
def _t_mul_(self, other):
    self._t.mul_(unwrap(other))
    return self


@method("sub_")
def _t_sub_(self, other, *, alpha=1):
    self._t.sub_(unwrap(other), alpha=alpha)
    return self


@method("div_")
def _t_div_(self, other, *, rounding_mode=None):
    self._t.div_(unwrap(other), rounding_mode=rounding_mode)
    return self


def _inplace_method(name, fn):
    def m(self, *args, **kwargs):
        r = fn(self._t, *[a._t if isinstance(a, Tensor) else a for a in args],
               **{k: (v._t if isinstance(v, Tensor) else v) for k, v in kwargs.items()})
        if r.shape != self._t.shape:
            raise RuntimeError(f"For 'Tensor.{name}', the result's shape {tuple(r.shape)} differs from the "
                               f"tensor's {tuple(self._t.shape)}.")
        self._t.copy_(r)
        return self
    m.__name__ = name
    m.__doc__ = f"In-place ``{name[:-1]}``: writes the result into this tensor and returns it."
    METHODS[name] = m
    return m

_inplace_method("exp_", lambda t: torch.exp(t))

_inplace_method("log_", lambda t: torch.log(t))

_inplace_method("sigmoid_", lambda t: torch.sigmoid(t))

_inplace_method("remainder_", lambda t, other: torch.remainder(t, other))

_inplace_method("floor_divide_", lambda t, other: torch.floor_divide(t, other))

_inplace_method("masked_fill_", lambda t, mask, value: torch.masked_fill(t, mask, value))

_inplace_method("index_fill_", lambda t, dim, index, value: torch.index_fill(t, dim, _idx(index), value))

_inplace_method("scatter_", lambda t, dim, index, src, *, reduce=None: torch.scatter(t, dim, _idx(index), src)
         if reduce is None else torch.scatter(t, dim, _idx(index), src, reduce=reduce))


@method("clamp_")
def _clamp__method(self, min=None, max=None):
    return _write(self, torch.clamp(self._t, _u(min), _u(max)))


@method("floor_")
def _floor__method(self):
    return _write(self, torch.floor(self._t))


@method("tanh_")
def _tanh__method(self):
    return _write(self, torch.tanh(self._t))


@method("sign_")
def _sign__method(self):
    return _write(self, torch.sign(self._t))


@method("erfinv_")
def _erfinv__method(self):
    return _write(self, torch.erfinv(self._t))


@method("index_add_")
def _index_add__method(self, dim, index, source, *, alpha=1):
    return _write(self, torch.index_add(self._t, dim, _idx(index._t), source._t, alpha=alpha))


@method("index_put_")
def _index_put__method(self, indices, values, accumulate=False):
    idx = tuple(_idx(_u(i)) for i in indices)
    return _write(self, self._t.index_put(idx, _u(values), accumulate))


@op(samples=(S(f32(2, 3)),))
def zero_(input):
    """Fill ``input`` with zeros in place; returns it."""
    return input.zero_()


@op(samples=(S(f32(2, 3), -0.5, 0.5),))
def clamp_(input, min=None, max=None):
    """Clamp ``input`` in place; returns it."""
    return input.clamp_(min, max)


@op(samples=(S(f32(2, 3)),))
def tanh_(input):
    """``tanh`` in place; returns the input."""
    return input.tanh_()


@op(samples=(S(f32(2, 3, seed=3)),))
def erfinv_(input):
    """``erfinv`` in place; returns the input."""
    return input.erfinv_()


@op(samples=(S(P(f32(2, 3), param=False), V([0, 4], "int64"), V([9.0, 8.0])),
             S(P(f32(2, 3), param=False), V([[1], [1]], "int64"), V([[9.0], [8.0]]), True)))
def put_(input, index, source, accumulate=False):
    """Write ``source`` into the flattened ``input`` at ``index`` (adding when ``accumulate``); in place."""
    return input.put_(_idx(index), source, accumulate)


@op(samples=(S(P(f32(2, 3), param=False), (3, 2)), S(P(f32(2, 3), param=False), [6])))
def reshape_(input, shape):
    """``input`` in ``shape``; ``input`` itself keeps its shape (the reference's ``ops.reshape_`` is a ``Reshape``
    primitive, not an in-place op)."""
    return torch.reshape(input, tuple(shape))

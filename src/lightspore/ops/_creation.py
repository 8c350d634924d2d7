"""Tensors made from nothing or from a shape: zeros/ones/full, ranges, eye, windows, scalar/tuple conversion."""
from __future__ import annotations

import builtins
import numbers

import torch

from ..common import dtype as mstype
from ..common._device import current_device
from ..common._errors import ShapeRuntimeError
from ..common.tensor import Tensor
from ._args import _REQ, _attr_prim, _dev, _no_attr_prim, _shape_arg, _tdt, _varargs
from ._samples import D, S, V, f32, i32
from ._table import OPS, SPECS, Primitive, method, op, prim


@op(samples=(S((2, 3)), S((2,), D('int32'))))
def zeros(size, dtype=None):
    return torch.zeros(_shape_arg(size, "zeros"), dtype=_tdt(dtype) or torch.float32, device=_dev())


@op(samples=(S((2, 3)), S(3, D('float16'))))
def ones(shape, dtype=None):
    return torch.ones(_shape_arg(shape, "ones"), dtype=_tdt(dtype) or torch.float32, device=_dev())


@op(samples=(S((2, 3), 1.5), S((2,), 3, dtype=D('int32'))))
def full(size, fill_value, *, dtype=None):
    if isinstance(fill_value, torch.Tensor):
        tdt = _tdt(dtype) or fill_value.dtype
        return torch.full(_shape_arg(size, "full"), fill_value.item(), dtype=tdt, device=_dev())
    if not isinstance(size, (list, tuple)):
        raise TypeError(f"For 'ops.full', 'size' must be a tuple or list of ints, but got {type(size).__name__}.")
    tdt = _tdt(dtype) or torch.int64     # the reference's default is int64, whatever the value
    if not tdt.is_floating_point and not tdt.is_complex and isinstance(fill_value, float):
        fill_value = int(fill_value)
    return torch.full(_shape_arg(size, "full"), fill_value, dtype=tdt, device=_dev())


@op(samples=(S(D('float32'), (2, 3), 1.5),))
def fill(type, shape, value):
    return torch.full(_shape_arg(shape, "fill"), value.item() if isinstance(value, torch.Tensor) else value,
                      dtype=_tdt(type), device=_dev())


@op(samples=(S(f32(2, 3)), S(i32(2), dtype=D('float32'))))
def zeros_like(input, *, dtype=None):
    return torch.zeros_like(input, dtype=_tdt(dtype))


@op(samples=(S(f32(2, 3)), S(i32(2), dtype=D('float32'))))
def ones_like(input, *, dtype=None):
    return torch.ones_like(input, dtype=_tdt(dtype))


@op(samples=(S(f32(2, 3), 2.5), S(i32(2), 2.5)))
def full_like(input, fill_value, *, dtype=None):
    return torch.full_like(input, fill_value, dtype=_tdt(dtype))


@op(samples=(S(5), S(1, 7, 2), S(0.0, 1.0, 0.25), S(3, dtype=D('float32'))))
def arange(start=0, end=None, step=1, *, dtype=None):
    vals = [v.item() if isinstance(v, torch.Tensor) else v for v in (start, end, step)]
    start, end, step = vals
    if end is None:
        start, end = 0, start
    tdt = _tdt(dtype)
    if tdt is None:
        tdt = torch.float32 if builtins.any(isinstance(v, float) for v in (start, end, step)) else torch.int64
    return torch.arange(start, end, step, dtype=tdt, device=_dev())


@op(samples=(S(0.0, 1.0, 5), S(V(-1.0), V(1.0), 3)))
def linspace(start, end, steps):
    s = start.item() if isinstance(start, torch.Tensor) else start
    e = end.item() if isinstance(end, torch.Tensor) else end
    return torch.linspace(s, e, int(steps), device=_dev())


@op(samples=(S(3), S(2, 3, D('int32'))))
def eye(n, m=None, dtype=None):
    return torch.eye(n, n if m is None else m, dtype=_tdt(dtype) or torch.float32, device=_dev())

_no_attr_prim("Fill", fill)

_no_attr_prim("ZerosLike", zeros_like)

_no_attr_prim("OnesLike", ones_like)


_no_attr_prim("Ones", ones)


_no_attr_prim("Zeros", zeros)


# the reference's IndexError for an empty tuple, passed on unchanged by the op table (as its own errors are), under
# the name IndexError
_TupleIndexError = type("IndexError", (IndexError, ShapeRuntimeError), {"__module__": __name__})


@op(static=("input_x",), out="any",
    samples=(S((1, 2, 3)), S((1.5, 2, 3)), S((True, 2)), S((2, True)), S([1, 2]), S(range(3)), S(()), S(("a",))))
def tuple_to_array(input_x):
    """A tuple of numbers as a 1-D tensor whose dtype follows the first element (int/bool -> int32, any other
    number -> float32), as the reference does; a list gives None, an empty tuple IndexError."""
    if isinstance(input_x, range):
        input_x = tuple(input_x)
    if not isinstance(input_x, tuple):
        return None
    if not input_x:
        raise _TupleIndexError("tuple index out of range")
    if not all(isinstance(v, numbers.Number) for v in input_x):
        raise TypeError(f"For Tensor, the input_data is {input_x} that contain unsupported element.")
    dt = torch.int32 if isinstance(input_x[0], int) else torch.float32
    return torch.tensor([int(v) if dt is torch.int32 else float(v) for v in input_x], dtype=dt)


@prim("TupleToArray")
class TupleToArray(Primitive):
    """``tuple_to_array`` for a tuple (or range) of numbers of one type; no lists, bools or mixed types."""

    def __init__(self):
        super().__init__("TupleToArray")

    def __call__(self, input_x):
        x = tuple(input_x) if isinstance(input_x, range) else input_x
        if not isinstance(x, tuple):
            raise TypeError(f"For 'TupleToArray', the type of 'x' should be 'tuple', but got type "
                            f"'{type(x).__name__}'.")
        if not x:
            raise ValueError("For 'TupleToArray', the size of x should be > : 0, but got 0.")
        for i, v in enumerate(x):
            if isinstance(v, bool) or not isinstance(v, numbers.Number):
                raise TypeError(f"For 'TupleToArray', the type of 'x[{i}]' should be 'Number', but got type "
                                f"'{type(v).__name__}'.")
        if not all(isinstance(v, type(x[0])) for v in x):
            raise TypeError("For 'TupleToArray', all elements of 'input_x' must be have same type.")
        return OPS["tuple_to_array"](x)


SPECS["tuple_to_array"].prim = "TupleToArray"


@op(samples=(S(3, 3), S(3, 4, 1)))
def tril_indices(row, col, offset=0, *, dtype=mstype.int64):
    return torch.tril_indices(row, col, offset, dtype=_tdt(dtype))


@op(samples=(S(3, 3), S(3, 4, 1)))
def triu_indices(row, col, offset=0, *, dtype=mstype.int64):
    return torch.triu_indices(row, col, offset, dtype=_tdt(dtype))


@op("range", samples=(S(V(0, 'int32'), V(5, 'int32'), V(2, 'int32')),))
def _range(start, end, step, maxlen=1000000):
    vals = [v.item() if isinstance(v, torch.Tensor) else v for v in (start, end, step)]
    dt = next((v.dtype for v in (start, end, step) if isinstance(v, torch.Tensor)), None)
    if dt is not None and not dt.is_floating_point:
        dt = torch.int64      # the reference: integer ranges come back as int64
    return torch.arange(*vals, dtype=dt)


@prim("Range")
class Range(Primitive):
    def __init__(self, maxlen=1000000):
        super().__init__("Range")
        self.maxlen = maxlen

    def __call__(self, start, end, step):
        return OPS["range"](start, end, step, self.maxlen)


@op(samples=(S(V(0, "int32"), V(7, "int32"), V(2, "int32")), S(V(0.5), V(2.0), V(0.5))))
def tensor_range(start, end, step):
    """``[start, end)`` with ``step`` (0-D tensors in, their dtype out)."""
    tdt = start.dtype if start.is_floating_point() else torch.int64
    return torch.arange(start.item(), end.item(), step.item(), dtype=tdt, device=start.device)


@op(samples=(S(f32(2, 3), 1.5), S(i32(4), 2)))
def fills(x, value):
    """A tensor like ``x`` filled with ``value``."""
    return torch.full_like(x, value.item() if isinstance(value, torch.Tensor) else value)


@method("fill")
def _fill_method(self, value):
    return Tensor._make(torch.full_like(self._t, value._t.item() if isinstance(value, Tensor) else value))


@method("fills")
def _fills_method(self, value):
    return _fill_method(self, value)


def _new(self, size, kind, fill=None, dtype=None):
    size = tuple(_varargs(size))
    tdt = _tdt(dtype) if dtype is not None else self._t.dtype
    if kind == "full":
        return Tensor._make(torch.full(size, fill, dtype=tdt, device=self._t.device))
    return Tensor._make((torch.zeros if kind == "zeros" else torch.ones)(size, dtype=tdt, device=self._t.device))


@method("new_zeros")
def _new_zeros_method(self, *size, dtype=None):
    return _new(self, size, "zeros", dtype=dtype)


@method("new_ones")
def _new_ones_method(self, *size, dtype=None):
    return _new(self, size, "ones", dtype=dtype)


@method("new_full")
def _new_full_method(self, size, fill_value, *, dtype=None):
    return _new(self, (size,), "full", fill_value, dtype)

_attr_prim("Eye", [], lambda s, n, m, t: torch.eye(n, m, dtype=_tdt(t)), "An ``n x m`` identity matrix of dtype t.")

_attr_prim("TrilIndices", [("row", _REQ), ("col", _REQ), ("offset", 0), ("dtype", mstype.int32)],
           lambda s: torch.tril_indices(s.row, s.col, s.offset, dtype=_tdt(s.dtype)),
           "Indices (2, N) of the lower triangle of a row x col matrix.")

_attr_prim("TriuIndices", [("row", _REQ), ("col", _REQ), ("offset", 0), ("dtype", mstype.int32)],
           lambda s: torch.triu_indices(s.row, s.col, s.offset, dtype=_tdt(s.dtype)),
           "Indices (2, N) of the upper triangle of a row x col matrix.")

_attr_prim("LinSpace", [], lambda s, start, stop, num: torch.linspace(start.item(), stop.item(), int(
    num.item() if isinstance(num, torch.Tensor) else num), dtype=start.dtype, device=start.device),
    "``num`` evenly spaced values from ``start`` to ``stop``.")

_attr_prim("LogSpace", [("steps", 10), ("base", 10), ("dtype", mstype.float32)],
           lambda s, start, end: torch.pow(float(s.base), torch.linspace(start.item(), end.item(), s.steps,
                                                                           dtype=torch.float64)).to(_tdt(s.dtype)),
           "``steps`` values of ``base ** linspace(start, end)``.")

_attr_prim("FillV2", [], lambda s, shape, value: torch.full(tuple(shape.tolist()) if isinstance(shape, torch.Tensor)
                                                            else tuple(shape), value.item(), dtype=value.dtype,
                                                            device=value.device),
           "A tensor of ``shape`` filled with the 0-D ``value`` (its dtype).")

_attr_prim("Fills", [], lambda s, x, value: torch.full_like(x, value.item() if isinstance(value, torch.Tensor)
                                                            else value), "A tensor like ``x`` filled with value.")

_attr_prim("HammingWindow", [("periodic", True), ("alpha", 0.54), ("beta", 0.46), ("dtype", mstype.float32)],
           lambda s, n: torch.hamming_window(int(n.item()), s.periodic, s.alpha, s.beta, dtype=_tdt(s.dtype)),
           "The Hamming window of length ``n``.")

_attr_prim("BartlettWindow", [("periodic", True), ("dtype", mstype.float32)],
           lambda s, n: torch.bartlett_window(int(n.item()), s.periodic, dtype=_tdt(s.dtype)),
           "The Bartlett window of length ``n``.")

_attr_prim("BlackmanWindow", [("periodic", True), ("dtype", mstype.float32)],
           lambda s, n: torch.blackman_window(int(n.item()), s.periodic, dtype=_tdt(s.dtype)),
           "The Blackman window of length ``n``.")


@op(prim="ScalarToTensor", static=("input_x", "dtype"),
    samples=(S(3), S(2.5), S(7, D("int32")), S(True, D("float16")), S(2.5, D("int64"))))
def scalar_to_tensor(input_x, dtype=mstype.float32):
    """A 0-D tensor holding the Python scalar ``input_x`` in ``dtype``."""
    if not isinstance(input_x, (int, float, bool)):
        raise TypeError(f"For 'scalar_to_tensor', 'input_x' must be a scalar, but got {type(input_x).__name__}.")
    return torch.tensor(input_x, dtype=_tdt(dtype), device=current_device())


def _ragged_range(s, starts, limits, deltas):
    st, li, de = torch.broadcast_tensors(starts.reshape(-1), limits.reshape(-1), deltas.reshape(-1))
    vals, splits = [], [0]
    for a, b, d in zip(st.tolist(), li.tolist(), de.tolist()):
        r = torch.arange(a, b, d, dtype=starts.dtype) if (b - a) * d > 0 else torch.zeros(0, dtype=starts.dtype)
        vals.append(r)
        splits.append(splits[-1] + r.numel())
    return torch.tensor(splits, dtype=_tdt(s.Tsplits)), torch.cat(vals) if vals else torch.zeros(0)

_attr_prim("RaggedRange", [("Tsplits", _REQ)], _ragged_range,
           "``(nested_splits, dense_values)`` of the ranges ``starts[i]:limits[i]:deltas[i]``.")


@method("new_empty")
def _new_empty_method(self, size, *, dtype=None, device=None):
    return _new(self, (size,) if isinstance(size, (tuple, list)) else (tuple([size]),), "zeros", dtype=dtype)


@op(samples=(S(0.0, 2.0, 3),))
def logspace(start, end, steps, base=10, *, dtype=mstype.float32):
    return torch.logspace(float(start), float(end), int(steps), base=base, dtype=_tdt(dtype))

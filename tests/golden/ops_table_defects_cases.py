"""Defects of the op table's edges (issue 13), run the same way in either framework: ``Tensor`` of a list of NumPy
scalars, a NumPy scalar as the left operand of an arithmetic operator, ``asnumpy()`` of a conjugated tensor, and
gradients with respect to integer inputs. ``run_all(ms)`` returns a JSON-able record per case; gen_ops_table_defects.py
records the reference's under each release and tests/test_ops_table_defects.py compares lightspore's. Imports neither
framework itself."""
import operator
from collections import OrderedDict

import numpy as np


class _NumpyPair:
    """A result beside what numpy computes on the plain array."""

    def __init__(self, result, numpy_alone):
        self.result, self.numpy_alone = result, numpy_alone


def describe(r):
    if isinstance(r, _NumpyPair):
        return {"type": "numpy pair", "result": describe(r.result), "numpy_alone": describe(r.numpy_alone)}
    if isinstance(r, (tuple, list)):
        return [type(r).__name__] + [describe(x) for x in r]
    if isinstance(r, np.ndarray):
        return {"type": "ndarray", "dtype": str(r.dtype), "value": r.tolist()}
    if hasattr(r, "asnumpy"):
        v = r.asnumpy()
        return {"type": "Tensor", "dtype": str(r.dtype), "shape": list(r.shape),
                "value": _complex(v.tolist()) if v.dtype.kind == "c" else v.tolist()}
    if isinstance(r, complex):
        return {"type": "complex", "value": [r.real, r.imag]}
    if isinstance(r, np.ndarray) and r.dtype.kind == "c":
        return {"type": "ndarray", "dtype": str(r.dtype), "value": _complex(r.tolist())}
    return {"type": type(r).__name__, "value": r}


def _complex(v):
    return [[x.real, x.imag] for x in v] if isinstance(v, list) else v


SCALARS = {"np.float32(2)": np.float32(2), "np.float64(2)": np.float64(2), "np.int64(3)": np.int64(3),
           "np.int32(3)": np.int32(3), "np.bool_(True)": np.bool_(True)}
TENSORS = {"f32": (np.array([1.0, 2.0], np.float32)), "i32": np.array([1, 2], np.int32),
           "f16": np.array([1, 2], np.float16)}
OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "<": operator.lt}


def cases():
    out = OrderedDict()
    lists = {"np.float32": [np.float32(1.5), np.float32(2)], "np.float64": [np.float64(1.5), np.float64(2)],
             "np.int32": [np.int32(1), np.int32(2)], "np.int64": [np.int64(1), np.int64(2)],
             "np.float16": [np.float16(1), np.float16(2)], "np.int8": [np.int8(1), np.int8(2)],
             "np.int32+np.float32": [np.int32(1), np.float32(2)], "np.bool_": [np.bool_(True), np.bool_(False)],
             "nested np.float64": [[np.float64(1.5)], [np.float64(2)]], "np.float64 tuple": (np.float64(1.5),),
             "np.float32+np.float64": [np.float32(1), np.float64(2)], "np.int32 arrays": [np.array([1, 2], np.int32)],
             "np.float64 arrays": [np.array([1.5, 2.0]), np.array([1.0, 2.0])]}
    for k, v in lists.items():
        out[f"Tensor([{k}])"] = lambda ms, v=v: ms.Tensor(v)
    for sk, s in SCALARS.items():
        for tk, a in TENSORS.items():
            for ok, op in OPERATORS.items():
                # numpy computes these (through Tensor.__array__): the result is what numpy gives on the array
                # alone, whose dtype follows the numpy installed (value-based casting before numpy 2, NEP 50 after)
                out[f"{sk} {ok} {tk}"] = lambda ms, s=s, a=a, op=op: _NumpyPair(op(s, ms.Tensor(a)), op(s, a))
            out[f"{tk} + {sk}"] = lambda ms, s=s, a=a: ms.Tensor(a) + s
    z = np.array([1 + 2j, 3 - 1j], np.complex64)
    out["ops.conj(z).asnumpy()"] = lambda ms: _complex(ms.ops.conj(ms.Tensor(z)).asnumpy().tolist())
    out["z.conj().asnumpy()"] = lambda ms: _complex(ms.Tensor(z).conj().asnumpy().tolist())
    out["ops.conj(z) * 2"] = lambda ms: _complex((ms.ops.conj(ms.Tensor(z)) * 2).asnumpy().tolist())
    out["z * z"] = lambda ms: _complex((ms.Tensor(z) * ms.Tensor(z)).asnumpy().tolist())
    out["z + f32"] = lambda ms: ms.Tensor(z) + ms.Tensor(np.array([1.0, 2.0], np.float32))
    out["z / 2.5"] = lambda ms: ms.ops.div(ms.Tensor(z), 2.5)
    out["z - f64"] = lambda ms: ms.Tensor(z) - ms.Tensor(np.array([1.0, 2.0], np.float64))
    out["z == z"] = lambda ms: ms.Tensor(z) == ms.Tensor(z)
    out["z < z"] = lambda ms: ms.Tensor(z) < ms.Tensor(z)
    xi, xf = np.array([1, 2], np.int32), np.array([1.0, 2.0], np.float32)
    out["grad int (a*2).sum()"] = lambda ms: ms.grad(lambda a: (a * 2).sum(), grad_position=0)(ms.Tensor(xi))
    out["grad int (a*a).sum()"] = lambda ms: ms.grad(lambda a: (a * a).sum(), grad_position=0)(ms.Tensor(xi))
    out["grad float*int position 1"] = lambda ms: ms.grad(lambda a, b: (a * b).sum(), grad_position=1)(
        ms.Tensor(xf), ms.Tensor(xi))
    out["grad float*int both"] = lambda ms: ms.grad(lambda a, b: (a * b).sum(), grad_position=(0, 1))(
        ms.Tensor(xf), ms.Tensor(xi))
    out["value_and_grad int"] = lambda ms: ms.value_and_grad(lambda a: (a * 3).sum(), grad_position=0)(ms.Tensor(xi))
    out["grad int64 index"] = lambda ms: ms.grad(lambda i, y: ms.ops.gather(y, i, 0).sum(), grad_position=(0, 1))(
        ms.Tensor(np.array([0, 1], np.int64)), ms.Tensor(xf))
    out["grad int cast"] = lambda ms: ms.grad(lambda a: (a.astype(ms.float32) * 0.5).sum(), grad_position=0)(
        ms.Tensor(xi))
    return out


def run_all(ms):
    res = OrderedDict()
    for name, fn in cases().items():
        try:
            res[name] = describe(fn(ms))
        except Exception as e:  # noqa: BLE001 - any type may be the reference's
            # the reference's CPU build lacking a kernel for a dtype (2.7.1's complex Div) is not a semantic rule
            res[name] = ({"no_kernel": True} if "Select CPU operator" in str(e) else {"raises": type(e).__name__})
    return res

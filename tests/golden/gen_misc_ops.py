"""The small ops real code uses (ops/_misc.py), for tests/test_misc_ops.py (run with the reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_misc_ops.py

identity, make_range, tuple_len, Print/print_ (the exact text and stream), Partial, RandomChoiceWithMask
(shapes, dtypes, which positions, mask), the float-status family and DynamicRNN on CPU (the reference
raises: they are GPU/Ascend kernels), and their argument errors. Writes tests/golden/misc_ops.json.
"""
import json
import os
import subprocess
import sys
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "misc_ops.json")

# what the Print cases print, run in a child so both streams are captured exactly
PRINT_SCRIPT = r"""
import numpy as np
import mindspore as ms
from mindspore import Tensor, ops
from mindspore.ops import operations as P
P.Print()("hello", Tensor(np.arange(4, dtype=np.float32)), 3, (1, 2))
ops.print_("a", Tensor(np.array([[1, 2], [3, 4]], np.int32)), Tensor(np.array(1.5, np.float16)))
P.Print()(Tensor(np.array([True, False])), 2.5, "x y", Tensor(np.array([[0.25, -1.0], [3.0, 1e-3]], np.float32)))
ops.print_(Tensor(np.array([1, 2, 3], np.int64)), [1, 2], None)
print("python-side", flush=True)
"""

PRINT_CASES_DOC = ["Print: str, float32 vector, int, tuple",
                   "print_: str, int32 matrix, float16 scalar",
                   "Print: bool vector, float, str with space, float32 matrix",
                   "print_: int64 vector, list, None"]

MAKE_RANGE = [[5], [1, 10, 3], [5, 1, -2], [0], [3, 3], [-3, 3, 2], [10, 0, -3], [2, 9]]
MAKE_RANGE_ERRORS = [[1.5], [1, 5, 0], [1, 2, 3, 4], []]
TUPLE_LEN = [[1, 2, 3], [], [[1, 2], 3]]

RCWM = [  # (input (bool array as nested list), count)
    ([[True, False], [False, True]], 4),
    ([True, False, True, True, False], 3),
    ([True, False, True, True, False], 2),
    ([[[True, True], [False, True]], [[False, False], [True, False]]], 6),
    ([False, False, False], 2),
    ([[True] * 5] * 4, 7),
]


ADAM_WD = [(0.001, 0.9, 0.999, 1e-8, 0.0), (0.01, 0.8, 0.99, 1e-6, 0.05), (0.1, 0.5, 0.9, 1e-3, 0.3)]


def adam_wd_inputs(k):
    rng = np.random.default_rng(10 + k)
    var = rng.standard_normal((3, 4)).astype(np.float32)
    m = rng.standard_normal((3, 4)).astype(np.float32) * 0.1
    v = np.abs(rng.standard_normal((3, 4))).astype(np.float32) * 0.1
    g = rng.standard_normal((3, 4)).astype(np.float32)
    return var, m, v, g


GRU_INIT = {"construct": {}, "zrh": {"gate_order": "zrh"}, "direction": {"direction": "BIDIRECTIONAL"},
            "cell_depth": {"cell_depth": 1.0}, "keep_prob": {"keep_prob": 1}, "cell_clip": {"cell_clip": -1},
            "num_proj": {"num_proj": 0.0}, "num_proj_neg": {"num_proj": -1}, "time_major": {"time_major": 1},
            "activation": {"activation": "relu"}, "gate_order": {"gate_order": "abc"},
            "reset_after": {"reset_after": 1}, "is_training": {"is_training": 1}}


def mixed_precision_inputs(Tensor):
    """(label, destination dtype name, value) cases for F.mixed_precision_cast."""
    f32 = Tensor(np.array([1.5, -2.0], np.float32))
    f16 = Tensor(np.array([0.25, 3.0], np.float16))
    i32 = Tensor(np.array([1, 2], np.int32))
    return [("f32_to_f16", "float16", f32), ("f16_to_f32", "float32", f16), ("int_kept", "float16", i32),
            ("tuple", "float16", (f32, i32, 3.0, (f16,))), ("list", "float32", [f16, f32]),
            ("dict_kept", "float16", {"a": f32}), ("scalar_kept", "float16", 2.5), ("none", "float16", None)]


def composite_inputs(Tensor):
    """(label, value) cases for ops.composite.ones_like / zeros_like (built with either framework's Tensor)."""
    t = Tensor(np.array([[1.5, 2], [3, 4]], np.float32))
    i = Tensor(np.array([1, 2], np.int32))
    return [("tensor", t), ("nested_tuple", (t, (i, 3))), ("list", [t, i]), ("float", 2.5), ("int", 3),
            ("bool", True), ("dict", {"a": t}), ("none", None)]


def encode(v):
    """A result as JSON: tensors by dtype/shape/values, tuples element-wise, scalars with their type."""
    if hasattr(v, "asnumpy"):
        return {"tensor": v.asnumpy().tolist(), "dtype": str(v.dtype), "shape": list(v.shape)}
    if isinstance(v, (tuple, list)):
        return {type(v).__name__: [encode(x) for x in v]}
    if isinstance(v, dict):
        return {"dict": {k: encode(x) for k, x in v.items()}}
    if v is None:
        return None
    return {"scalar": v, "type": type(v).__name__}


def _call(fn, *args, **kwargs):
    try:
        return {"out": encode(fn(*args, **kwargs))}
    except Exception as e:  # noqa: BLE001
        return {"error": _err_of(e)}


def _err_of(e):
    lines = [ln.strip() for ln in str(e).split("\n") if ln.strip() and not ln.strip().startswith(("-", "node:"))]
    return {"type": type(e).__name__, "message": (lines[0] if lines else "")[:300]}


def _err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        lines = [ln.strip() for ln in str(e).split("\n") if ln.strip() and not ln.strip().startswith(("-", "node:"))]
        return {"type": type(e).__name__, "message": (lines[0] if lines else "")[:300]}
    return None


def main():
    warnings.simplefilter("ignore")
    import mindspore as ms
    from mindspore import Tensor, ops
    from mindspore.ops import functional as F
    from mindspore.ops import operations as P

    data = {}
    x = Tensor(np.arange(4, dtype=np.float32))
    y = ops.identity(x)
    data["identity"] = {"same_object": y is x, "value": y.asnumpy().tolist(), "dtype": str(y.dtype),
                        "class_is_P_identity": type(ops.identity) is P.identity,
                        "F_is_ops": F.identity is ops.identity}

    data["make_range"] = [{"args": a, "out": list(F.make_range(*a)), "type": type(F.make_range(*a)).__name__}
                          for a in MAKE_RANGE]
    data["make_range_errors"] = [{"args": a, "error": _err(lambda a=a: F.make_range(*a))} for a in MAKE_RANGE_ERRORS]
    data["tuple_len"] = [{"args": a, "tuple": F.tuple_len(tuple(a)), "list": F.tuple_len(list(a))} for a in TUPLE_LEN]

    r = subprocess.run([sys.executable, "-c", PRINT_SCRIPT], capture_output=True, text=True,
                       env={**os.environ, "GLOG_v": "3"})
    data["print"] = {"stdout": r.stdout, "stderr_has_output": bool(r.stderr.strip()), "cases": PRINT_CASES_DOC,
                     "returns_none": P.Print()(x) is None, "print_returns_none": ops.print_(x) is None}
    data["print_errors"] = {"no_input": _err(lambda: P.Print()())}

    part = P.Partial()(ops.add, x)
    data["partial"] = {"type": type(part).__module__ + "." + type(part).__name__,
                       "value": part(Tensor(np.ones(4, np.float32))).asnumpy().tolist(),
                       "args_len": len(part.args)}

    cases = []
    for arr, count in RCWM:
        a = np.array(arr, dtype=bool)
        idx, mask = P.RandomChoiceWithMask(count=count, seed=1)(Tensor(a))
        idx_np, mask_np = idx.asnumpy(), mask.asnumpy()
        cases.append({"input": arr, "count": count, "index_shape": list(idx.shape), "index_dtype": str(idx.dtype),
                      "mask_shape": list(mask.shape), "mask_dtype": str(mask.dtype),
                      "n_true_mask": int(mask_np.sum()),
                      "selected": sorted(idx_np[mask_np].tolist()),
                      "unselected_rows": idx_np[~mask_np].tolist()})
    data["random_choice_with_mask"] = cases
    b = Tensor(np.array([True, False]))
    data["random_choice_with_mask_errors"] = {
        "count_zero": _err(lambda: P.RandomChoiceWithMask(count=0)),
        "count_float": _err(lambda: P.RandomChoiceWithMask(count=2.0)),
        "seed_float": _err(lambda: P.RandomChoiceWithMask(seed=1.0)),
        "float_input": _err(lambda: P.RandomChoiceWithMask(2)(Tensor(np.array([1.0, 0.0], np.float32)))),
        "rank0_input": _err(lambda: P.RandomChoiceWithMask(2)(Tensor(np.array(True)))),
        "rank6_input": _err(lambda: P.RandomChoiceWithMask(2)(Tensor(np.ones((1,) * 6, bool)))),
        "ok_rank1": _err(lambda: P.RandomChoiceWithMask(2)(b)),
    }
    # choice_with_mask: the functional form
    idx, mask = ops.choice_with_mask(Tensor(np.array([[True, False], [True, True]])), count=5, seed=3)
    data["choice_with_mask"] = {"index_shape": list(idx.shape),
                                "selected": sorted(idx.asnumpy()[mask.asnumpy()].tolist()),
                                "n_true_mask": int(mask.asnumpy().sum())}

    f = Tensor(np.array([1.0, np.inf], np.float32))
    z8 = Tensor(np.zeros(8, np.float32))
    data["float_status_cpu"] = {
        "FloatStatus": _err(lambda: P.FloatStatus()(f)),
        "NPUAllocFloatStatus": _err(lambda: P.NPUAllocFloatStatus()()),
        "NPUGetFloatStatus": _err(lambda: P.NPUGetFloatStatus()(z8)),
        "NPUClearFloatStatus": _err(lambda: P.NPUClearFloatStatus()(z8)),
        "construct": _err(lambda: (P.FloatStatus(), P.NPUAllocFloatStatus(), P.NPUGetFloatStatus(),
                                   P.NPUClearFloatStatus())),
    }
    h, i = 4, 3
    rnn_in = (Tensor(np.zeros((2, 1, i), np.float16)), Tensor(np.zeros((i + h, 4 * h), np.float16)),
              Tensor(np.zeros((4 * h,), np.float16)), None, Tensor(np.zeros((1, 1, h), np.float16)),
              Tensor(np.zeros((1, 1, h), np.float16)))
    data["dynamic_rnn"] = {
        "call_cpu": _err(lambda: P.DynamicRNN()(*rnn_in)),
        "construct": _err(lambda: P.DynamicRNN()),
        "bad_cell_type": _err(lambda: P.DynamicRNN(cell_type=1)),
        "bad_cell_depth": _err(lambda: P.DynamicRNN(cell_depth=1.0)),
        "bad_keep_prob": _err(lambda: P.DynamicRNN(keep_prob=1)),
        "bad_time_major": _err(lambda: P.DynamicRNN(time_major=1)),
        "bad_direction_value": _err(lambda: P.DynamicRNN(direction="BIDIRECTIONAL")),
        "bad_cell_type_value": _err(lambda: P.DynamicRNN(cell_type="GRU")),
        "bad_activation_value": _err(lambda: P.DynamicRNN(activation="relu")),
    }
    from mindspore.ops import composite as C

    data["composite"] = {name: {label: _call(getattr(C, name), v) for label, v in composite_inputs(Tensor)}
                         for name in ("ones_like", "zeros_like")}
    data["composite_is_ops"] = {n: getattr(C, n) is getattr(ops, n) for n in ("clip_by_value", "clip_by_global_norm")}

    def g(x):
        return x
    data["add_flags"] = {"returns_fn": C.add_flags(g, predit=True) is g, "flags": g._func_graph_flags}
    deco = C.add_flags(a=True, b=False)
    data["add_flags"]["decorator_flags"] = deco(lambda: 0)._func_graph_flags
    from mindspore.ops._primitive_cache import _get_cache_prim

    rs = _get_cache_prim(P.ReduceSum)(True)
    a = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    data["primitive_cache"] = {
        "same_instance": rs is _get_cache_prim(P.ReduceSum)(True),
        "kw_same_as_positional": rs is _get_cache_prim(P.ReduceSum)(keep_dims=True),
        "other_args_other_instance": rs is not _get_cache_prim(P.ReduceSum)(False),
        "type_is_cls": type(rs) is P.ReduceSum,
        "value": rs(a, 1).asnumpy().tolist()}
    from mindspore import Parameter

    awd = []
    for k, (lr, b1, b2, eps, decay) in enumerate(ADAM_WD):
        var0, m0, v0, g = adam_wd_inputs(k)
        var, m, v = (Parameter(Tensor(a), name=n) for a, n in ((var0, "var"), (m0, "m"), (v0, "v")))
        out = P.AdamWeightDecay()(var, m, v, lr, b1, b2, eps, decay, Tensor(g))
        awd.append({"var": var.asnumpy().tolist(), "m": m.asnumpy().tolist(), "v": v.asnumpy().tolist(),
                    "out_var": out[0].asnumpy().tolist(), "n_out": len(out)})
    data["adam_weight_decay"] = awd
    h, i, b, steps = 4, 3, 2, 2
    gru_in = (Tensor(np.zeros((steps, b, i), np.float16)), Tensor(np.zeros((i, 3 * h), np.float16)),
              Tensor(np.zeros((h, 3 * h), np.float16)), Tensor(np.zeros((3 * h,), np.float16)),
              Tensor(np.zeros((3 * h,), np.float16)), None, Tensor(np.zeros((b, h), np.float16)))
    data["dynamic_gru_v2"] = {"call_cpu": _err(lambda: P.DynamicGRUV2()(*gru_in))}
    data["dynamic_gru_v2"].update({k: _err(lambda kw=kw: P.DynamicGRUV2(**kw)) for k, kw in GRU_INIT.items()})

    data["mixed_precision_cast"] = {label: _call(F.mixed_precision_cast, getattr(ms, dst), value)
                                    for label, dst, value in mixed_precision_inputs(Tensor)}
    data["version"] = ms.__version__
    with open(OUT, "w") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()

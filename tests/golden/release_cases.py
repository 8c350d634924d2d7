"""The behaviours MindSpore 2.10 changed from 2.7.1, as cases run by both references (gen_release.py) and by
lightspore under each release (tests/test_release.py). Importable by either side: ``run(ms)`` takes the
``mindspore`` (or ``lightspore``) module and returns ``{case: result}``, a result being
``{"dtype": str, "value": list}`` or ``{"error": type name, "message": first line}``."""
import numpy as np

F32 = np.arange(24, dtype=np.float32).reshape(1, 2, 3, 4) / 10


def cases(ms):
    from_np = ms.Tensor
    mint, ops = ms.mint, ms.ops
    c = {}
    # softmax without dim: 2.10 torch's legacy implicit axis, 2.7.1 the last
    for nd in range(5):
        shape = {0: (), 1: (24,), 2: (4, 6), 3: (2, 3, 4), 4: (1, 2, 3, 4)}[nd]
        x = from_np(np.float32(2.0)) if nd == 0 else from_np(F32.reshape(shape))
        c[f"mint.nn.functional.softmax {nd}d"] = (lambda x=x: mint.nn.functional.softmax(x))
        c[f"mint.nn.Softmax {nd}d"] = (lambda x=x: mint.nn.Softmax()(x))
    c["softmax dtype"] = lambda: mint.nn.functional.softmax(from_np(np.ones((2, 3, 4), np.float16)), dtype=ms.float32)
    # a NumPy scalar operand
    ts = {"i32": np.array([1, 2], np.int32), "f32": np.array([1., 2.], np.float32),
          "f16": np.array([1., 2.], np.float16)}
    ss = {"np.float32": np.float32(1.5), "np.int64": np.int64(3), "np.int32": np.int32(3), "np.bool_": np.bool_(True),
          "np.float16": np.float16(1.5), "np.uint8": np.uint8(3), "np.float64": np.float64(1.5)}
    for tn, tv in ts.items():
        for sn, sv in ss.items():
            c[f"{tn} + {sn}"] = (lambda t=tv, s=sv: from_np(t) + s)
            c[f"ops.mul({tn}, {sn})"] = (lambda t=tv, s=sv: ops.mul(from_np(t), s))
            c[f"mint.add({tn}, {sn})"] = (lambda t=tv, s=sv: mint.add(from_np(t), s))
            c[f"{tn} < {sn}"] = (lambda t=tv, s=sv: from_np(t) < s)
            c[f"{tn} // {sn}"] = (lambda t=tv, s=sv: from_np(t) // s)
    # int scalars out of an integer tensor's range (negative against unsigned)
    u8 = np.array([0, 1, 200, 255], np.uint8)
    i8 = np.array([-1, 1, 100], np.int8)
    for v in (-1, -56, 255, 256, 300):
        c[f"u8 < {v}"] = (lambda v=v: from_np(u8) < v)
        c[f"ops.less(u8, {v})"] = (lambda v=v: ops.less(from_np(u8), v))
        c[f"mint.lt(u8, {v})"] = (lambda v=v: mint.lt(from_np(u8), v))
        c[f"{v} > u8"] = (lambda v=v: v > from_np(u8))
        c[f"u8 == {v}"] = (lambda v=v: from_np(u8) == v)
        c[f"u8 >= {v}"] = (lambda v=v: from_np(u8) >= v)
        c[f"mint.gt(u8, {v})"] = (lambda v=v: mint.gt(from_np(u8), v))
        c[f"u8 != {v}"] = (lambda v=v: from_np(u8) != v)
        c[f"u8 + {v}"] = (lambda v=v: from_np(u8) + v)
    c["i8 < 200"] = lambda: from_np(i8) < 200
    c["i8 <= 200"] = lambda: from_np(i8) <= 200
    # bool // bool
    a, b = np.array([False, False, True, True]), np.array([False, True, False, True])
    c["bool // bool"] = lambda: from_np(a) // from_np(b)
    c["bool // True"] = lambda: from_np(a) // True
    c["True // bool"] = lambda: True // from_np(b)
    c["ops.floor_div(bool, bool)"] = lambda: ops.floor_div(from_np(a), from_np(b))
    c["ops.FloorDiv()(bool, bool)"] = lambda: ops.FloorDiv()(from_np(a), from_np(b))
    c["mint.floor_divide(bool, bool)"] = lambda: mint.floor_divide(from_np(a), from_np(b))
    c["Tensor.floor_divide(bool, bool)"] = lambda: from_np(a).floor_divide(from_np(b))
    # clamp of an integer tensor with float bounds
    ii = np.array([1, 5, 9], np.int32)
    c["mint.clamp(i32, 2.5, 7.5)"] = lambda: mint.clamp(from_np(ii), 2.5, 7.5)
    c["mint.clamp(i32, min=2.5)"] = lambda: mint.clamp(from_np(ii), min=2.5)
    c["mint.clamp(i32, max=7.5)"] = lambda: mint.clamp(from_np(ii), max=7.5)
    c["mint.clamp(i32, 2, 7)"] = lambda: mint.clamp(from_np(ii), 2, 7)
    c["mint.clamp(i32, 2, 7.5)"] = lambda: mint.clamp(from_np(ii), 2, 7.5)
    c["mint.clamp(i32, T f32, T f32)"] = lambda: mint.clamp(from_np(ii), from_np(np.float32(2.5)),
                                                            from_np(np.float32(7.5)))
    c["mint.clamp(i32, T f16)"] = lambda: mint.clamp(from_np(ii), from_np(np.float16(2.5)), None)
    c["ops.clamp(i32, 2.5, 7.5)"] = lambda: ops.clamp(from_np(ii), 2.5, 7.5)
    c["mint.clip(i32, 2.5, 7.5)"] = lambda: mint.clip(from_np(ii), 2.5, 7.5)
    c["Tensor.clamp(i32, 2.5, 7.5)"] = lambda: from_np(ii).clamp(2.5, 7.5)
    c["mint.clamp(i64, 2.5, 7.5)"] = lambda: mint.clamp(from_np(np.array([1, 5], np.int64)), 2.5, 7.5)
    c["mint.clamp(u8, 2.5, 7.5)"] = lambda: mint.clamp(from_np(np.array([1, 5], np.uint8)), 2.5, 7.5)
    c["mint.clamp(f16, 1.5, 7.5)"] = lambda: mint.clamp(from_np(np.array([1, 2], np.float16)), 1.5, 7.5)
    # a scalar first argument to the comparisons
    comps = {"mint.eq": mint.eq, "mint.less": mint.less, "mint.lt": mint.lt, "ops.equal": ops.equal,
             "ops.less": ops.less, "ops.lt": ops.lt, "ops.Equal()": ops.Equal(), "ops.Less()": ops.Less(),
             "mint.ne": mint.ne, "mint.gt": mint.gt, "mint.le": mint.le, "mint.ge": mint.ge,
             "mint.greater": mint.greater, "ops.greater": ops.greater, "ops.not_equal": ops.not_equal,
             "ops.less_equal": ops.less_equal}
    for nm, f in comps.items():
        for sn, s in (("2", 2), ("2.0", 2.0), ("True", True)):
            c[f"{nm}({sn}, i32)"] = (lambda f=f, s=s: f(s, from_np(ii)))
        c[f"{nm}(i32, 2)"] = (lambda f=f: f(from_np(ii), 2))
    return c


def result(fn, flush=None):
    try:       # the reference may raise only when the result is read
        r = fn()
        if isinstance(r, np.ndarray):
            return {"ndarray": str(r.dtype), "value": r.tolist()}
        return {"dtype": str(r.dtype), "value": r.asnumpy().tolist()}
    except Exception as e:  # noqa: BLE001 - any type may be the reference's
        if flush is not None:      # the reference can report a failed kernel again at the next op: drain it
            for _ in range(2):
                try:
                    flush()
                except Exception:  # noqa: BLE001, S112
                    continue
        return {"error": type(e).__name__, "message": (str(e).splitlines() or [""])[0][:200]}


def run(ms):
    def flush():
        (ms.Tensor(np.ones(1, np.float32)) + 1).asnumpy()
    return {k: result(f, flush) for k, f in cases(ms).items()}

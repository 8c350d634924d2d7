"""Cases for the dynamic-shape API of ms.jit (``Symbol``, ``enable_dynamic``, unknown-rank ``Tensor(shape=None)``),
shared by gen_jit_dynamic.py (run under real MindSpore) and tests/test_jit_dynamic.py (run under lightspore).
Every function takes the framework module as ``ms`` and uses only MindSpore's public API."""
import numpy as np

SYMBOL_CASES = [
    {}, {"max": 32, "unique": True}, {"divisor": 8, "remainder": 1}, {"max": 8, "min": 2}, {"min": 5, "divisor": 2},
    {"max": 4, "min": 4}, {"max": 1.5}, {"min": 0}, {"divisor": 0}, {"divisor": 8, "remainder": 8},
    {"remainder": -1}, {"unique": 1}, {"min": "a"}, {"max": 64, "min": 2, "divisor": 4, "remainder": 3},
]
ROWS = (3, 5, 8, 13)


def outcome(fn):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - recording the error
        return [type(e).__name__, str(e)]
    return ["ok", r]


def symbol_info(ms, kw):
    """``str``/``to_dict`` of a Symbol (a unique Symbol's id replaced by True)."""
    s = ms.Symbol(**kw)
    d = s.to_dict()
    if "id" in d:
        d["id"] = d["id"] == id(s)
    return d


def spec_shapes(ms):
    s1, s2 = ms.Symbol(divisor=8, remainder=1), ms.Symbol(max=32, unique=True)
    return {"symbols": list(ms.Tensor(shape=(None, s1, s1, s2, s2), dtype=ms.float32).shape),
            "unknown_rank": list(ms.Tensor(shape=None, dtype=ms.float32).shape)}


def enable_dynamic_checks(ms):
    """The decorator's argument checks (error type and message, or 'ok')."""
    T = ms.Tensor
    f32 = ms.float32

    def f(x, y):
        return x + y

    cases = {
        "empty": lambda: ms.enable_dynamic()(ms.jit(f)),
        "not_tensor": lambda: ms.enable_dynamic(x=3)(ms.jit(f)),
        "no_none": lambda: ms.enable_dynamic(x=T(np.ones((2, 3), np.float32)))(ms.jit(f)),
        "bad_dim": lambda: ms.enable_dynamic(x=T(shape=[None, 0], dtype=f32))(ms.jit(f)),
        "too_many": lambda: ms.enable_dynamic(x=T(shape=[None], dtype=f32), y=T(shape=[None], dtype=f32),
                                              z=T(shape=[None], dtype=f32))(ms.jit(f)),
        "not_function": lambda: ms.enable_dynamic(x=T(shape=[None], dtype=f32))(3),
        "ok_tuple": lambda: ms.enable_dynamic(x=(T(shape=[None], dtype=f32), T(shape=[2], dtype=f32)))(ms.jit(f)),
    }
    return {k: outcome(lambda fn=fn: (fn(), None)[1]) for k, fn in cases.items()}


def enable_dynamic_values(ms, keep=None):
    """A jitted function with a dynamic first dimension (and one with an unknown rank), over several shapes;
    then a call whose dtype, and one whose fixed dimension, differ from the spec (``keep`` gets the functions)."""
    rng = np.random.RandomState(7)

    @ms.enable_dynamic(x=ms.Tensor(shape=[None, 4], dtype=ms.float32))
    @ms.jit
    def f(x, w):
        return ms.ops.tanh(ms.ops.matmul(x, w)).sum(axis=1) * 2

    @ms.enable_dynamic(x=ms.Tensor(shape=None, dtype=ms.float32))
    @ms.jit
    def g(x):
        return ms.ops.relu(x) - 1

    if keep is not None:
        keep.update(f=f, g=g)
    w = ms.Tensor(rng.rand(4, 3).astype(np.float32))
    out = {}
    for rows in ROWS:
        x = rng.rand(rows, 4).astype(np.float32) - 0.5
        out[f"f{rows}"] = f(ms.Tensor(x), w).asnumpy().tolist()
        out[f"g{rows}"] = g(ms.Tensor(rng.rand(rows, 2, rows).astype(np.float32) - 0.5)).asnumpy().tolist()
    out["wrong_dtype"] = outcome(lambda: f(ms.Tensor(np.ones((2, 4), np.float16)), w).asnumpy().tolist())
    out["wrong_shape"] = outcome(lambda: f(ms.Tensor(np.ones((2, 5), np.float32)), w).asnumpy().tolist())
    return out


def symbol_inputs_values(ms, keep=None):
    """A Cell given ``set_inputs`` with Symbol dimensions, called with sizes inside and outside the ranges
    (``keep`` gets the Cell class)."""
    nn, ops = ms.nn, ms.ops

    class Net(nn.Cell):
        def construct(self, x):
            return ops.abs(x) * 2 - ops.mean(x, axis=-1, keep_dims=True)

    if keep is not None:
        keep.update(cls=Net)
    net = Net()
    s1, s2 = ms.Symbol(min=2, max=16), ms.Symbol(divisor=4, unique=True)
    net.set_inputs(ms.Tensor(shape=(s1, s2, s2), dtype=ms.float32))
    rng = np.random.RandomState(3)
    out = {}
    for shape in ((2, 4, 4), (5, 8, 8), (16, 4, 4), (20, 3, 5), (1, 4, 4), (3, 8, 4), (3, 6, 6), (3, 12, 12)):
        x = rng.rand(*shape).astype(np.float32) - 0.5
        out["x".join(map(str, shape))] = outcome(lambda x=x: net(ms.Tensor(x)).asnumpy().tolist())
    return out

"""Cases shared by tests/golden/gen_jit.py (run on the reference) and tests/test_jit.py (run on lightspore)."""
import numpy as np

JIT_ARG_CASES = [
    {}, {"capture_mode": "bytecode"}, {"capture_mode": "trace"}, {"capture_mode": "x"}, {"capture_mode": 1},
    {"jit_level": "O1"}, {"jit_level": "O2"}, {"dynamic": 1}, {"dynamic": 2}, {"dynamic": -1},
    {"dynamic": True}, {"dynamic": 1.0}, {"fullgraph": True}, {"fullgraph": 1}, {"backend": "ms_backend"},
    {"backend": "GE"}, {"backend": "inductor"}, {"exec_order": "dfs"}, {"exec_order": "zzz"},
    {"exec_order": 1}, {"infer_boost": "on"}, {"infer_boost": "x"}, {"infer_boost": 1},
    {"disable_format_transform": True}, {"disable_format_transform": 1}, {"ge_options": 1},
    {"ge_options": {"bad": {}}}, {"ge_options": {"global": 1}}, {"ge_options": {"global": {"k": 1}}},
    {"unknown_option": 1},
]

JIT_CONFIG_CASES = [
    {}, {"jit_level": "O0"}, {"jit_level": "O1"}, {"jit_level": "O2"}, {"jit_level": "O3"},
    {"exc_mode": "sink"}, {"exc_mode": "x"}, {"jit_syntax_level": "STRICT"}, {"jit_syntax_level": "LAX"},
    {"jit_syntax_level": "x"}, {"debug_level": "DEBUG"}, {"debug_level": "x"}, {"infer_boost": "on"},
    {"infer_boost": "x"}, {"jit_level": "O1", "backend": "GE", "foo": 1},
]


def inputs():
    rng = np.random.RandomState(3)
    return {"x": rng.randn(4, 5).astype(np.float32), "w": rng.randn(5, 3).astype(np.float32)}


def run_values(ms):
    """Jitted functions whose results depend on data-dependent branches, loops and Python constants."""
    a = inputs()
    x, w = ms.Tensor(a["x"]), ms.Tensor(a["w"])

    @ms.jit
    def branch(t):
        if t.sum() > 0:
            return t * 2
        return t - 1

    @ms.jit
    def loop(t, n):
        for _ in range(n):
            t = ms.ops.relu(t) * 0.5 + t
        return t

    @ms.jit
    def scaled(t, k, flag):
        y = ms.ops.matmul(t, w) * k
        return ms.ops.tanh(y) if flag else y

    class Net(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.dense = ms.nn.Dense(5, 3, weight_init=ms.Tensor(a["w"].T.copy()), bias_init="zeros")

        @ms.jit
        def construct(self, t):
            return ms.ops.sigmoid(self.dense(t))

    net = Net()
    return {
        "branch_pos": branch(x.abs()).asnumpy(), "branch_neg": branch(-x.abs()).asnumpy(),
        "loop_2": loop(x, 2).asnumpy(), "loop_3": loop(x, 3).asnumpy(),
        "scaled_2_true": scaled(x, 2.0, True).asnumpy(), "scaled_3_false": scaled(x, 3.0, False).asnumpy(),
        "cell_method": net(x).asnumpy(),
    }


def cell_jit_config(ms):
    """jit_config_dict of a Cell before set_jit_config, after one call, and after a second (ignored) call."""
    net = ms.nn.Dense(2, 2)
    before = dict(net.jit_config_dict)
    net.set_jit_config(ms.JitConfig(jit_level="O1"))
    once = dict(net.jit_config_dict)
    net.set_jit_config(ms.JitConfig(jit_level="O0", exc_mode="sink"))
    return {"before": before, "once": once, "twice": dict(net.jit_config_dict)}

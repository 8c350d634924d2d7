"""Cases for Cell.register_saved_tensors_hooks (MindSpore 2.10), run by the reference (gen_cell_v210.py) and by
lightspore (tests/test_cell_v210.py) with the same code."""
import numpy as np

X = np.array([1.0, 2.0, -0.5], np.float32)
Y = np.array([3.0, 4.0, 0.25], np.float32)


def _net(ms, kind):
    nn, ops = ms.nn, ms.ops

    class Mul(nn.Cell):
        def construct(self, x, y):
            return (x * y).sum()

    class Inner(nn.Cell):
        def construct(self, x):
            return ops.exp(x)

    class Outer(nn.Cell):
        def __init__(self):
            super().__init__()
            self.inner = Inner()

        def construct(self, x, y):
            return (self.inner(x) * y).sum()

    return {"mul": Mul, "outer": Outer}[kind]()


def run(ms, case):
    """Return (gradients, the pack/unpack log sorted, forward value without grad, log of that forward)."""
    log = []

    def pack(scale):
        def f(x):
            log.append(["pack", [round(float(v), 5) for v in x.asnumpy().ravel()]])
            return x * scale
        return f

    def unpack(x):
        log.append(["unpack", [round(float(v), 5) for v in x.asnumpy().ravel()]])
        return x

    net = _net(ms, case["net"])
    target = net.inner if case.get("on") == "inner" else net
    target.register_saved_tensors_hooks(pack(2.0), unpack)
    if case.get("replace"):
        target.register_saved_tensors_hooks(pack(3.0), unpack)
    x, y = ms.Tensor(X), ms.Tensor(Y)
    grads = ms.grad(net, grad_position=(0, 1))(x, y)
    glog = sorted(log)
    log.clear()
    fwd = float(net(x, y).asnumpy())
    return [g.asnumpy().tolist() for g in grads], glog, fwd, sorted(log)


CASES = {
    "mul": {"net": "mul"},
    "mul_replaced": {"net": "mul", "replace": True},
    "outer": {"net": "outer"},
    "inner_only": {"net": "outer", "on": "inner"},
}

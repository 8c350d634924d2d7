"""Networks shared by gen_mindir.py (run with real MindSpore) and tests/test_mindir.py (run with lightspore).

``build(ms, name)`` gives the network ``name`` of NETS built with the framework module ``ms`` (``mindspore`` or
``lightspore``), its weights set from a fixed numpy seed in ``parameters_and_names`` order, in eval mode;
``inputs(name)`` its numpy inputs.
"""
import numpy as np

NETS = ("lenet", "bn_pool", "residual", "mlp_ops", "norms", "activations", "pads", "misc_ops", "ext_ops",
        "control_flow")
INPUT_SHAPES = {"lenet": (2, 1, 28, 28), "bn_pool": (2, 3, 8, 8), "residual": (1, 4, 9, 9), "mlp_ops": (4, 8),
                "norms": (3, 6, 10), "activations": (2, 3, 7, 7), "pads": (1, 2, 8, 8),
                "ext_ops": (2, 3, 6), "control_flow": (2, 4),
                "misc_ops": (2, 3, 4)}


def inputs(name, seed=1):
    return np.random.RandomState(seed).randn(*INPUT_SHAPES[name]).astype(np.float32)


def _classes(ms):
    nn, ops = ms.nn, ms.ops

    class LeNet(nn.Cell):
        """Conv2d / ReLU / MaxPool2d / Flatten / Dense."""

        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 6, 5, pad_mode="valid")
            self.conv2 = nn.Conv2d(6, 8, 3, pad_mode="same", has_bias=True)
            self.relu = nn.ReLU()
            self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
            self.flat = nn.Flatten()
            self.fc1 = nn.Dense(8 * 6 * 6, 16)
            self.fc2 = nn.Dense(16, 10)

        def construct(self, x):
            x = self.pool(self.relu(self.conv1(x)))
            x = self.pool(self.relu(self.conv2(x)))
            return self.fc2(self.relu(self.fc1(self.flat(x))))

    class BnPool(nn.Cell):
        """Conv2d (pad) + BatchNorm2d (eval) + AvgPool2d + a grouped Conv2d."""

        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 4, 3, pad_mode="pad", padding=1, has_bias=True)
            self.bn = nn.BatchNorm2d(4)
            self.pool = nn.AvgPool2d(2, 2)
            self.gconv = nn.Conv2d(4, 4, 3, group=2, stride=2, pad_mode="same")

        def construct(self, x):
            return self.gconv(self.pool(self.bn(self.conv(x))))

    class Residual(nn.Cell):
        """A residual block with Add, a strided Conv2d, Softmax and a tuple output."""

        def __init__(self):
            super().__init__()
            self.c1 = nn.Conv2d(4, 4, 3)
            self.c2 = nn.Conv2d(4, 4, 3, stride=2)
            self.bn = nn.BatchNorm2d(4)
            self.relu = nn.ReLU()
            self.sm = nn.Softmax(axis=1)

        def construct(self, x):
            y = self.relu(self.bn(self.c1(x)) + x)
            return self.sm(self.c2(y)), ops.sigmoid(y)

    class MlpOps(nn.Cell):
        """ops.matmul / transpose / concat / reshape / cast / mean / slicing and Dense with an activation."""

        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(np.zeros((8, 6), np.float32)), name="w")
            self.d = nn.Dense(12, 5, activation="tanh")
            self.drop = nn.Dropout(p=0.3)

        def construct(self, x):
            h = ops.matmul(x, self.w)
            t = ops.transpose(ops.reshape(h, (2, 2, 6)), (1, 0, 2))
            h = ops.concat((h, ops.reshape(t, (4, 6))), axis=1)
            h = self.drop(h)
            y = self.d(h)
            return ops.mean(y, axis=1, keep_dims=True) * 2.0 - ops.cast(h[:, :1] > 0, ms.float32) + ops.exp(y) / 3

    class Norms(nn.Cell):
        """LayerNorm, Dense on 3-D input, GELU, LogSoftmax, ReduceSum, Sqrt, ExpandDims/Squeeze."""

        def __init__(self):
            super().__init__()
            self.ln = nn.LayerNorm((10,))
            self.d = nn.Dense(10, 4)
            self.gelu = nn.GELU()
            self.lsm = nn.LogSoftmax(axis=-1)

        def construct(self, x):
            y = self.gelu(self.d(self.ln(x)))
            s = ops.sqrt(ops.sum(y * y, dim=2, keepdim=True) + 1.0)
            return self.lsm(y / s), ops.squeeze(ops.expand_dims(y, 0), 0) - ops.maximum(y, 0.1)

    class Activations(nn.Cell):
        """Depthwise Conv2d, MaxPool2d(same), activations (LeakyReLU, ReLU6, SiLU, Tanh, HSwish) and Mul/Sub/Div."""

        def __init__(self):
            super().__init__()
            self.dw = nn.Conv2d(3, 3, 3, group=3, pad_mode="pad", padding=1, dilation=1)
            self.pool = nn.MaxPool2d(3, 2, pad_mode="same")
            self.lrelu = nn.LeakyReLU(0.2)
            self.relu6 = nn.ReLU6()
            self.silu = nn.SiLU()
            self.hswish = nn.HSwish()

        def construct(self, x):
            y = self.pool(self.dw(x))
            a = self.lrelu(y) * self.relu6(y) - self.silu(y)
            return ops.tanh(a) / (ops.abs(self.hswish(y)) + 1.5)

    class Pads(nn.Cell):
        """nn.Pad (zeros) before a valid MaxPool2d; MaxPool2d and Conv2d 'same' on an even size."""

        def __init__(self):
            super().__init__()
            self.pad = nn.Pad(paddings=((0, 0), (0, 0), (1, 1), (1, 1)), mode="CONSTANT")
            self.pool = nn.MaxPool2d(kernel_size=3, stride=2)
            self.same = nn.MaxPool2d(kernel_size=3, stride=2, pad_mode="same")
            self.conv = nn.Conv2d(2, 3, 3, stride=2, pad_mode="same")

        def construct(self, x):
            return self.pool(self.pad(x)) + self.same(x), self.conv(x)

    class ControlFlow(nn.Cell):
        """Tensor-valued if/while (Switch, Partial and sub-graphs in the file) and an unrolled for."""

        def __init__(self):
            super().__init__()
            self.d = nn.Dense(4, 4)

        def construct(self, x):
            y = self.d(x)
            if y.sum() > 0:
                y = y * 2
            else:
                y = ops.abs(y) + 1
            while y.max() < 20:
                y = y * 1.5 + 1
            for _ in range(2):
                y = y - 0.5
            return y

    class MiscOps(nn.Cell):
        """Batched matmul (3-D), neg, log, minimum and a comparison cast back to float."""

        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(np.zeros((2, 4, 5), np.float32)), name="w")

        def construct(self, x):
            y = ops.matmul(x, self.w)
            z = ops.bmm(y, ops.transpose(y, (0, 2, 1)))
            m = ops.minimum(ops.log(ops.abs(z) + 1.0), -z)
            return ops.neg(m) + ops.cast(m < 0.5, ms.float32)

    class ExtOps(nn.Cell):
        """mint ops, which graphs record as MindSpore 2.x's generated primitives (Dense, SumExt, MaxDim, ...)."""

        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor(np.zeros((4, 6), np.float32)), name="w")
            self.b = ms.Parameter(ms.Tensor(np.zeros((4,), np.float32)), name="b")

        def construct(self, x):
            mint = ms.mint
            F = mint.nn.functional
            y = mint.tanh(F.linear(x, self.w, self.b))
            s = mint.sum(y, 2, True, dtype=ms.float32)
            m = mint.mean(y, dim=1, keepdim=True)
            v, _ = mint.max(y, dim=2, keepdim=False)
            a = mint.add(y, s, alpha=0.5) - mint.sub(m, y, alpha=2.0)
            z = mint.bmm(a[:, :, :2], ops.transpose(a[:, :, 2:], (0, 2, 1)))
            w, _ = mint.min(y, dim=2, keepdim=True)
            return (ops.log_softmax(a, -1), v * 2 + mint.prod(y, dim=2) - w[:, :, 0] / 3.0,
                    z + mint.ones_like(z, dtype=ms.float32) - mint.zeros_like(z, dtype=ms.float32),
                    mint.argmax(y, dim=1, keepdim=False))

    return {"lenet": LeNet, "bn_pool": BnPool, "residual": Residual, "mlp_ops": MlpOps, "norms": Norms,
            "activations": Activations, "pads": Pads,
            "ext_ops": ExtOps, "control_flow": ControlFlow,
            "misc_ops": MiscOps}


def build(ms, name, seed=0):
    net = _classes(ms)[name]()
    rng = np.random.RandomState(seed)
    for pname, p in net.parameters_and_names():
        shape = tuple(p.shape)
        if pname.endswith("moving_variance"):
            value = rng.uniform(0.5, 1.5, shape)
        elif pname.endswith(("gamma", "moving_mean", "beta")):
            value = rng.uniform(-0.5, 0.5, shape) + (1.0 if pname.endswith("gamma") else 0.0)
        else:
            value = rng.randn(*shape) * 0.3
        p.set_data(ms.Tensor(value.astype(np.float32)))
    net.set_train(False)
    return net

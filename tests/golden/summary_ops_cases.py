"""Summary-op cases shared by tests/golden/gen_summary_ops.py (reference) and tests/test_summary_ops.py: a network
that calls ScalarSummary / TensorSummary / HistogramSummary / ImageSummary in construct, recorded step by step by
SummaryRecord, plus histogram and image values added directly."""
import numpy as np


def steps():
    rng = np.random.default_rng(3)
    hist2 = rng.standard_normal((4, 5)).astype(np.float32)
    hist2[0, 0], hist2[1, 1], hist2[2, 2] = np.nan, np.inf, -np.inf
    return [
        (1, np.arange(6, dtype=np.float32).reshape(2, 3), rng.random((2, 3, 4, 5)).astype(np.float32)),
        (2, hist2, (rng.standard_normal((3, 1, 6, 4)) * 10 - 3).astype(np.float32)),
        (5, rng.standard_normal((1000,)).astype(np.float32),
         rng.integers(0, 256, (9, 3, 2, 3)).astype(np.uint8)),
        (6, np.full((7,), 2.5, np.float32), np.full((1, 1, 3, 3), 0.5, np.float32)),
    ]


DIRECT = [("histogram", "direct_hist", np.arange(12, dtype=np.int32).reshape(3, 4)),
          ("image", "direct_img", np.linspace(0, 1, 2 * 3 * 2 * 2, dtype=np.float32).reshape(2, 3, 2, 2)),
          ("scalar", "direct_scalar", np.array([1.5], np.float32))]


def make_net(ms):
    nn, ops = ms.nn, ms.ops

    class SummaryNet(nn.Cell):
        def __init__(self):
            super().__init__()
            self.scalar = ops.ScalarSummary()
            self.tensor = ops.TensorSummary()
            self.hist = ops.HistogramSummary()
            self.image = ops.ImageSummary()

        def construct(self, x, img):
            self.scalar("loss", x.sum() * 0 + x.reshape(-1)[0])
            self.tensor("x", x)
            self.hist("x_hist", x)
            self.image("img", img)
            self.scalar("loss", x.reshape(-1)[1])     # the same tag again: the last value is written
            return x * 2

    return SummaryNet()


def write(ms, record):
    net = make_net(ms)
    for step, x, img in steps():
        net(ms.Tensor(x), ms.Tensor(img))
        record.record(step)
    for plugin, tag, a in DIRECT:
        record.add_value(plugin, tag, ms.Tensor(a))
    record.record(7)

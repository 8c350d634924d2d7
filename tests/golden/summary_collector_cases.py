"""A SummaryCollector run shared by tests/golden/gen_summary_collector.py (reference) and
tests/test_summary_ops.py: a small conv net with fixed weights (and a ScalarSummary in construct) trained by
Model.train for 2 epochs of 4 steps with collect_freq=3."""
import numpy as np


def run(ms, summary_dir):
    nn, ops = ms.nn, ms.ops
    rng = np.random.default_rng(5)
    w_conv = (rng.standard_normal((2, 3, 3, 3)) * 0.3).astype(np.float32)
    w_fc = (rng.standard_normal((2, 32)) * 0.3).astype(np.float32)
    b_fc = (rng.standard_normal((2,)) * 0.1).astype(np.float32)

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 2, 3, weight_init=ms.Tensor(w_conv))
            self.flat = nn.Flatten()
            self.fc = nn.Dense(32, 2, weight_init=ms.Tensor(w_fc), bias_init=ms.Tensor(b_fc))
            self.summary = ops.ScalarSummary()

        def construct(self, x):
            y = self.fc(self.flat(self.conv(x)))
            self.summary("logit0", y.reshape(-1)[0])
            return y

    data = {"image": rng.random((8, 3, 4, 4)).astype(np.float32), "label": rng.integers(0, 2, (8,)).astype(np.int32)}
    ds = ms.dataset.NumpySlicesDataset(data, shuffle=False).batch(2)
    net = Net()
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    model = ms.train.Model(net, loss, nn.Momentum(net.trainable_params(), 0.05, 0.9))
    collector = ms.train.SummaryCollector(summary_dir, collect_freq=3,
                                          collect_specified_data={"collect_dataset_graph": False,
                                                                  "collect_landscape": None})
    model.train(2, ds, callbacks=[collector], dataset_sink_mode=False)

"""The THOR cases shared by tests/golden/gen_thor.py (real MindSpore) and tests/test_thor.py (lightspore): the
small ResNet-like network, its data and the optimizer's settings. ``ms`` is the framework module."""
import numpy as np

BATCH = 4
STEPS = 3
LR = [0.05, 0.04, 0.03, 0.02]
DAMPING = [0.03, 0.02, 0.01, 0.005]
MOMENTUM = 0.9
WEIGHT_DECAY = 1e-4
FREQUENCY = 2


def build_net(ms):
    nn, ops = ms.nn, ms.ops

    class Block(nn.Cell):
        def __init__(self, ch):
            super().__init__()
            self.conv1 = nn.Conv2d(ch, ch, 3, pad_mode='same')   # A is 144x144: two 128-blocks
            self.bn1 = nn.BatchNorm2d(ch)
            self.conv2 = nn.Conv2d(ch, ch, 3, pad_mode='same')
            self.bn2 = nn.BatchNorm2d(ch)
            self.relu = nn.ReLU()

        def construct(self, x):
            y = self.relu(self.bn1(self.conv1(x)))
            return self.relu(self.bn2(self.conv2(y)) + x)

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.stem = nn.SequentialCell([nn.Conv2d(3, 16, 3, stride=2, pad_mode='same'), nn.BatchNorm2d(16),
                                           nn.ReLU()])
            self.layer = Block(16)
            self.mean = ops.ReduceMean(keep_dims=False)
            self.head = nn.Dense(16, 10)

        def construct(self, x):
            return self.head(self.mean(self.layer(self.stem(x)), (2, 3)))

    net = Net()
    rng = np.random.RandomState(7)
    for p in net.trainable_params():
        if p.name.endswith("weight") or p.name.endswith("bias"):
            p.set_data(ms.Tensor((rng.randn(*p.shape) * 0.3).astype(np.float32)))
    return net


def data():
    rng = np.random.RandomState(11)
    x = rng.randn(STEPS * BATCH, 3, 8, 8).astype(np.float32)
    y = rng.randint(0, 10, STEPS * BATCH).astype(np.int32)
    return x, y


EMB_STEPS = 2
EMB_BATCH = 4


def build_emb_net(ms):
    """A BERT-like stack: Embedding -> LayerNorm -> mean over the sequence -> Dense (THOR's Embedding, LayerNorm
    and FC branches)."""
    nn, ops = ms.nn, ms.ops

    class EmbNet(nn.Cell):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(10, 8)
            self.norm = nn.LayerNorm((8,))
            self.mean = ops.ReduceMean(keep_dims=False)
            self.head = nn.Dense(8, 3)

        def construct(self, ids):
            return self.head(self.mean(self.norm(self.embed(ids)), 1))

    net = EmbNet()
    rng = np.random.RandomState(17)
    for p in net.trainable_params():
        p.set_data(ms.Tensor((rng.randn(*p.shape) * 0.5 + (1.0 if p.name.endswith("gamma") else 0.0))
                             .astype(np.float32)))
    return net


def emb_data():
    rng = np.random.RandomState(19)
    return (rng.randint(0, 10, (EMB_STEPS * EMB_BATCH, 5)).astype(np.int32),
            rng.randint(0, 3, EMB_STEPS * EMB_BATCH).astype(np.int32))

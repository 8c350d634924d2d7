"""One worker of a 2-process data-parallel job (CPU). Run by tests/golden/gen_distributed.py under the reference's
own ``msrun`` (real MindSpore 2.7.1), and by tests/test_data_parallel.py under lightspore (``python -m lightspore``,
the ``mindspore`` alias) with torchrun's environment: the same script records the same quantities in both.

Usage: python gen_distributed_worker.py OUTDIR [--no-graph]   -> OUTDIR/rank<r>.npz
(--no-graph leaves out the one GRAPH_MODE case, whose compilation is the slow part.)

Recorded (every rank): rank/size queries, AllReduce(sum)/AllGather/Broadcast results, the gradient of AllReduce
inside ops.grad, the context's values under DATA_PARALLEL, explicit DistributedGradReducer outputs (mean and
sum), TrainOneStepCell losses and weights over 3 steps under DATA_PARALLEL (the reference's
TrainOneStepWithLossScaleCell asks for an Ascend-only overflow op on the CPU, so it is not recorded),
Model.train over a sharded NumpySlicesDataset with ModelCheckpoint (files written per rank and their values),
parameter_broadcast from differently initialised ranks; rank 0 also trains one process on the concatenated batch.
"""
import os
import sys

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops
from mindspore import dataset as ds
from mindspore.communication import GlobalComm, get_group_size, get_local_rank, get_local_rank_size, get_rank, init
from mindspore.context import ParallelMode
from mindspore.train import Callback, CheckpointConfig, Model, ModelCheckpoint

OUT = sys.argv[1]
ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
init()
R, N = get_rank(), get_group_size()
res = {"rank": np.array(R), "size": np.array(N), "local_rank": np.array(get_local_rank()),
       "local_size": np.array(get_local_rank_size()), "backend": np.array(str(GlobalComm.BACKEND)),
       "world_group": np.array(GlobalComm.WORLD_COMM_GROUP)}

# ---- collectives ---------------------------------------------------------------------------------------------
x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3) * (R + 1) + R)
res["allreduce_sum"] = ops.AllReduce()(x).asnumpy()
res["allgather"] = ops.AllGather()(x).asnumpy()
res["broadcast0"] = ops.Broadcast(0)((x,))[0].asnumpy()
res["broadcast1"] = ops.Broadcast(1)((x,))[0].asnumpy()
w = Tensor(np.array([[1.0, -2.0, 0.5], [3.0, 0.25, -1.0]], np.float32) * (R + 2))


def _f(a):
    return ops.AllReduce()(a * w).sum()


res["allreduce_grad"] = ops.grad(_f)(x).asnumpy()

# ---- the parallel context under data parallel ------------------------------------------------------------------
ms.set_auto_parallel_context(parallel_mode=ParallelMode.DATA_PARALLEL, gradients_mean=True)
res["ctx_device_num"] = np.array(ms.get_auto_parallel_context("device_num"))
res["ctx_global_rank"] = np.array(ms.get_auto_parallel_context("global_rank"))
res["ctx_parallel_mode"] = np.array(ms.get_auto_parallel_context("parallel_mode"))
from mindspore.parallel._utils import _get_device_num, _get_global_rank, _get_gradients_mean  # noqa: E402

res["utils_device_num"] = np.array(_get_device_num())
res["utils_global_rank"] = np.array(_get_global_rank())
res["utils_gradients_mean"] = np.array(_get_gradients_mean())


# ---- a small classifier with fixed weights ---------------------------------------------------------------------
class MLP(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Dense(4, 8)
        self.relu = nn.ReLU()
        self.fc2 = nn.Dense(8, 3)

    def construct(self, a):
        return self.fc2(self.relu(self.fc1(a)))


def make_net(seed=0):
    rng = np.random.RandomState(seed)
    net = MLP()
    for p in net.get_parameters():
        p.set_data(Tensor((rng.standard_normal(p.shape) * 0.5).astype(np.float32)))
    return net


def weights(net, tag):
    for p in net.trainable_params():
        res[f"{tag}/{p.name}"] = p.asnumpy()


rng = np.random.RandomState(7)
X = rng.standard_normal((16, 4)).astype(np.float32)
Y = rng.randint(0, 3, size=(16,)).astype(np.int32)
xb, yb = Tensor(X[R * 8:(R + 1) * 8]), Tensor(Y[R * 8:(R + 1) * 8])
loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")

# explicit DistributedGradReducer (mean=True / mean=False)
net = make_net()
grad_fn = ms.value_and_grad(nn.WithLossCell(net, loss_fn), None, net.trainable_params())
loss, grads = grad_fn(xb, yb)
res["dgr_local_loss"] = loss.asnumpy()
for tag, mean in (("dgr_mean", True), ("dgr_sum", False)):
    red = nn.DistributedGradReducer(net.trainable_params(), mean=mean)
    for p, g in zip(net.trainable_params(), red(grads)):
        res[f"{tag}/{p.name}"] = g.asnumpy()

# TrainOneStepCell under DATA_PARALLEL (gradients_mean=True), 3 steps of Momentum
net = make_net()
opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
step = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), opt)
res["tosc_losses"] = np.array([step(xb, yb).asnumpy() for _ in range(3)])
weights(net, "tosc")

# Model.train over a sharded dataset, with ModelCheckpoint in each rank's own directory


class Losses(Callback):
    def __init__(self):
        super().__init__()
        self.losses = []

    def step_end(self, run_context):
        self.losses.append(float(run_context.original_args().net_outputs.asnumpy()))


net = make_net()
opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
data = ds.NumpySlicesDataset((X, Y), column_names=["x", "y"], shuffle=False, num_shards=N, shard_id=R).batch(4)
res["shard_first_batch"] = next(data.create_tuple_iterator())[0].asnumpy()
# uneven shards (15 rows over 2 ranks), by num_shards/shard_id and by a DistributedSampler
rows15 = np.arange(15, dtype=np.int32)
for tag, d in (("shard15", ds.NumpySlicesDataset(rows15, column_names=["i"], shuffle=False, num_shards=N,
                                                 shard_id=R)),
               ("sampler15", ds.NumpySlicesDataset(rows15, column_names=["i"],
                                                   sampler=ds.DistributedSampler(N, R, shuffle=False)))):
    res[tag] = np.array([int(r[0].asnumpy()) for r in d.create_tuple_iterator()])
model = Model(net, loss_fn=loss_fn, optimizer=opt)
rec = Losses()
ckdir = os.path.join(OUT, f"ckpt_{R}")
ck = ModelCheckpoint(prefix="dp", directory=ckdir, config=CheckpointConfig(save_checkpoint_steps=2,
                                                                          keep_checkpoint_max=10))
model.train(2, data, callbacks=[rec, ck], dataset_sink_mode=False)
res["model_losses"] = np.array(rec.losses)
weights(net, "model")
files = sorted(f for f in os.listdir(ckdir) if f.endswith(".ckpt"))
res["ckpt_files"] = np.array(files)
last = ms.load_checkpoint(os.path.join(ckdir, files[-1]))
for k in sorted(last):
    res[f"ckpt/{k}"] = last[k].asnumpy()

# parameter_broadcast: ranks start from different weights. In PyNative mode the reference leaves them alone; in
# GRAPH_MODE, compiling the training graph broadcasts rank 0's parameters before the first step.
ms.set_auto_parallel_context(parameter_broadcast=True)
MODES = ((ms.PYNATIVE_MODE, "pbcast"),) + (() if "--no-graph" in sys.argv else ((ms.GRAPH_MODE, "pbcast_graph"),))
for mode, tag in MODES:
    ms.set_context(mode=mode)
    net = make_net(seed=100 + R)
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    model = Model(net, loss_fn=loss_fn, optimizer=opt)
    data = ds.NumpySlicesDataset((X, Y), column_names=["x", "y"], shuffle=False, num_shards=N, shard_id=R).batch(8)
    model.train(1, data, dataset_sink_mode=False)
    weights(net, tag)
ms.set_context(mode=ms.PYNATIVE_MODE)
ms.set_auto_parallel_context(parameter_broadcast=False)

# one process on the concatenated batch (stand-alone; rank 0 records it)
ms.reset_auto_parallel_context()
if R == 0:
    net = make_net()
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), opt)
    res["single_losses"] = np.array([step(Tensor(X), Tensor(Y)).asnumpy() for _ in range(3)])
    weights(net, "single")

np.savez(os.path.join(OUT, f"rank{R}.npz"), **res)
print(f"rank {R} done", flush=True)

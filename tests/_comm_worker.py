"""One rank of a 2-process lightspore job for tests/test_comm.py and tests/test_data_parallel.py: the collectives
the reference's CPU backend cannot run (every ReduceOp, ReduceScatter, AlltoAll, Reduce, gather/scatter,
point-to-point, NeighborExchange, comm_func, user groups), their gradients, and data-parallel training variants
(loss scaling, several gradient buckets, an unused parameter, sens) next to one process on the concatenated batch.
Inputs are simple functions of the rank, so the tests compute the expected values with numpy.

Usage: python tests/_comm_worker.py OUTDIR   (with torchrun's environment)  -> OUTDIR/rank<r>.npz
"""
import os
import sys

import numpy as np

import lightspore as ms
import lightspore.communication.comm_func as cf
from lightspore import Tensor, nn, ops
from lightspore.communication import (
    create_group,
    destroy_group,
    get_comm_name,
    get_group_rank_from_world_rank,
    get_group_size,
    get_process_group_ranks,
    get_rank,
    get_world_rank_from_group_rank,
    init,
)

OUT = sys.argv[1]
init()
R, N = get_rank(), get_group_size()
res = {}


def xr(r):
    return (np.arange(8, dtype=np.float32).reshape(4, 2) - 3.0) * (r + 1) + r


x = Tensor(xr(R))
for op in ("sum", "max", "min", "prod"):
    res[f"allreduce_{op}"] = ops.AllReduce(op)(x).asnumpy()
res["allgather"] = ops.AllGather()(x).asnumpy()
res["reducescatter_sum"] = ops.ReduceScatter()(x).asnumpy()
res["reducescatter_max"] = ops.ReduceScatter("max")(x).asnumpy()
res["alltoall"] = ops.AlltoAll(2, 0, 1)(x).asnumpy()
res["reduce_to1"] = ops.Reduce(1)(x).asnumpy()
res["collective_gather_to0"] = ops.CollectiveGather(0)(x).asnumpy()
res["collective_scatter_from1"] = ops.CollectiveScatter(1)(x).asnumpy()
res["barrier"] = ops.Barrier()().asnumpy()
if R == 0:
    res["send_out"] = ops.Send(7, 1)(x).asnumpy()
else:
    res["received"] = ops.Receive(7, 0, (4, 2), ms.float32)().asnumpy()
res["neighbor"] = ops.NeighborExchange([1 - R], [1 - R], [(4, 2)], [(4, 2)], ms.float32)((x,))[0].asnumpy()

# gradients (inside ops.grad)
w = Tensor(np.linspace(-1, 1, 8, dtype=np.float32).reshape(4, 2) * (R + 2))
for op in ("sum", "max", "prod"):
    res[f"grad_allreduce_{op}"] = ops.grad(lambda a, op=op: (ops.AllReduce(op)(a) * w).sum())(x).asnumpy()
w8 = Tensor(np.linspace(-1, 1, 16, dtype=np.float32).reshape(8, 2) * (R + 2))
res["grad_allgather"] = ops.grad(lambda a: (ops.AllGather()(a) * w8).sum())(x).asnumpy()
w2 = Tensor(np.linspace(-1, 1, 4, dtype=np.float32).reshape(2, 2) * (R + 2))
res["grad_reducescatter"] = ops.grad(lambda a: (ops.ReduceScatter()(a) * w2).sum())(x).asnumpy()
res["grad_alltoall"] = ops.grad(lambda a: (ops.AlltoAll(2, 0, 1)(a) * Tensor(np.arange(8, dtype=np.float32)
                                                                            .reshape(2, 4) + R)).sum())(x).asnumpy()

# comm_func
res["cf_all_reduce"] = cf.all_reduce(x)[0].asnumpy()
out, h = cf.all_reduce(x, "max", async_op=True)
h.wait()
res["cf_all_reduce_async_max"] = out.asnumpy()
res["cf_all_reduce_handle_none"] = np.array(cf.all_reduce(x)[1] is None)
res["cf_all_gather"] = cf.all_gather_into_tensor(x)[0].asnumpy()
res["cf_reduce_scatter"] = cf.reduce_scatter_tensor(x)[0].asnumpy()
res["cf_broadcast_from1"] = cf.broadcast(x, src=1).asnumpy()
cf.barrier()
res["cf_reduce_to0"] = cf.reduce(x, 0).asnumpy()
res["cf_gather_to1"] = cf.gather_into_tensor(x, dst=1).asnumpy()
res["cf_scatter_from0"] = cf.scatter_tensor(x, src=0).asnumpy()
if R == 0:
    cf.send(x, dst=1)
    h = cf.isend(x * 2, dst=1)
    h.wait()
else:
    res["cf_recv"] = cf.recv(Tensor(np.zeros((4, 2), np.float32)), src=0).asnumpy()
    t, h = cf.irecv(Tensor(np.zeros((4, 2), np.float32)), src=0)
    h.wait()
    res["cf_irecv"] = t.asnumpy()
peer = 1 - R
outs = cf.batch_isend_irecv([cf.P2POp("isend", x, peer), cf.P2POp("irecv", Tensor(np.zeros((4, 2), np.float32)), peer)])
res["cf_batch_recv"] = outs[1].asnumpy()
res["cf_a2a_single"] = cf.all_to_all_single_with_output_shape((4, 2), x)[0].asnumpy()
# every rank sends 1 row to rank 0 and 2 rows to rank 1
lst, _ = cf.all_to_all_with_output_shape([(R + 1, 2), (R + 1, 2)], [Tensor(xr(R)[:1]), Tensor(xr(R)[:2])])
res["cf_a2a_list0"], res["cf_a2a_list1"] = lst[0].asnumpy(), lst[1].asnumpy()
o = Tensor(np.zeros(3, np.float32))
cf.all_to_all_v_c(o, Tensor(np.arange(3, dtype=np.float32) + 10 * R), [1, 2, 2, 1])
res["cf_a2a_v_c"] = o.asnumpy()

# user groups
create_group("g_pair", [1, 0])
res["group_ranks"] = np.array(get_process_group_ranks("g_pair"))
res["group_rank_of_world1"] = np.array(get_group_rank_from_world_rank(1, "g_pair"))
res["world_rank_of_group0"] = np.array(get_world_rank_from_group_rank("g_pair", 0))
res["group_allreduce"] = ops.AllReduce(group="g_pair")(x).asnumpy()
res["group_rank"] = np.array(get_rank("g_pair"))
res["comm_name_is_str"] = np.array(isinstance(get_comm_name(), str))
destroy_group("g_pair")

# data-parallel training variants vs one process on the concatenated batch
rng = np.random.RandomState(3)
X = rng.standard_normal((16, 5)).astype(np.float32)
Y = rng.standard_normal((16, 2)).astype(np.float32)


class Net(nn.Cell):
    def __init__(self, shared=False):
        super().__init__()
        self.shared = shared
        self.a = nn.Dense(5, 6)
        self.b = nn.Dense(6, 6)
        self.c = nn.Dense(6, 2)
        self.unused = nn.Dense(2, 2)

    def construct(self, v):
        h = ops.tanh(self.b(ops.tanh(self.a(v))))
        if self.shared:     # the same weights used twice in one step
            h = ops.tanh(self.b(h))
        return self.c(h)


def make(shared=False):
    r = np.random.RandomState(11)
    net = Net(shared)
    for p in net.get_parameters():
        p.set_data(Tensor((r.standard_normal(p.shape) * 0.4).astype(np.float32)))
    return net


def run(kind, xs, ys):
    net = make(kind == "shared")
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.05, momentum=0.9)
    wl = nn.WithLossCell(net, nn.MSELoss())
    if kind == "ls":
        step = nn.TrainOneStepWithLossScaleCell(wl, opt, scale_sense=Tensor(np.array(256.0, np.float32)))
    elif kind == "sens":
        step = nn.TrainOneStepCell(wl, opt, sens=4.0)
    else:
        step = nn.TrainOneStepCell(wl, opt)
    losses = []
    for _ in range(3):
        out = step(Tensor(xs), Tensor(ys))
        losses.append((out[0] if isinstance(out, tuple) else out).asnumpy())
    return np.array(losses), {p.name: p.asnumpy() for p in net.trainable_params()}


xb, yb = X[R * 8:(R + 1) * 8], Y[R * 8:(R + 1) * 8]
for kind, fusion in (("plain", []), ("buckets", [1, 3, 5]), ("ls", []), ("sens", []), ("shared", [2])):
    ms.set_auto_parallel_context(parallel_mode="data_parallel", gradients_mean=True, all_reduce_fusion_config=fusion)
    losses, ws = run(kind, xb, yb)
    res[f"dp_{kind}_losses"] = losses
    for k, v in ws.items():
        res[f"dp_{kind}/{k}"] = v
    ms.reset_auto_parallel_context()
    if R == 0:
        losses, ws = run(kind, X, Y)
        res[f"single_{kind}_losses"] = losses
        for k, v in ws.items():
            res[f"single_{kind}/{k}"] = v

# both ranks save the same (data-parallel, hence equal) network to ONE file at once, repeatedly: the file is never
# half-written, whichever rank's write lands last
net = make()
shared = os.path.join(OUT, "shared.ckpt")
for _ in range(5):
    ms.save_checkpoint(net, shared)
ops.Barrier()()
loaded = ms.load_checkpoint(shared)
res["shared_ckpt_ok"] = np.array(all(np.array_equal(loaded[p.name].asnumpy(), p.asnumpy())
                                     for p in net.get_parameters()))
res["shared_ckpt_leftovers"] = np.array(sorted(f for f in os.listdir(OUT) if not f.endswith(".npz")))

np.savez(os.path.join(OUT, f"rank{R}.npz"), **res)
print(f"rank {R} done", flush=True)

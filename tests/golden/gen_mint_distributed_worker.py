"""One rank of a 2-process job exercising ``mindspore.mint.distributed`` and ``mindspore.ops.function.comm_func``
(the torch.distributed-style API). Run by tests/golden/gen_mint_distributed.py under the reference's own ``msrun``
(real MindSpore 2.7.1, CPU), and by tests/test_mint_distributed.py under lightspore (``python -m lightspore``, the
``mindspore`` alias) with torchrun's environment: the same script records the same things in both.

Usage: python gen_mint_distributed_worker.py OUTDIR   -> OUTDIR/rank<r>.json

Each record is ``[\"ok\", value]`` (tensors as ``{dtype, value}``) or ``[\"err\", type name, first line of the
message]``; a record whose key ends in ``/expect`` is the same quantity computed from its definition with numpy
(the oracle for what the reference cannot run on the CPU: its CPU build lacks the kernels of
all_gather_into_tensor, reduce_scatter_tensor, the *_uneven forms, point-to-point send/recv and the returning mode
of set_comm_ops_inplace(False); it also refuses init_process_group() on the CPU, whose backend must be 'hccl', so
the job joins with communication.init() when init_process_group() fails; nor has it the kernels of the
primitives AllGatherV, ReduceScatterV, AlltoAllV, AlltoAllVC and BatchISendIRecv, whose argument checks it runs;
its NeighborExchangeV2 raises NotImplementedError when called outside graph mode on Ascend).
"""
import json
import os
import sys
import time

import mindspore as ms
import mindspore.mint.distributed as d
import mindspore.ops.function.comm_func as cf
import numpy as np
from mindspore import Tensor, ops
from mindspore.communication import init

OUT = sys.argv[1]
ms.set_context(device_target="CPU")
REC = {}


def _val(v):
    if isinstance(v, Tensor):
        return {"dtype": str(v.dtype), "value": v.asnumpy().tolist()}
    if isinstance(v, np.ndarray):
        return {"value": v.tolist()}
    if isinstance(v, (list, tuple)):
        return [_val(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _val(x) for k, x in v.items()}
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return type(v).__name__       # a handle: its kind only


def rec(key, fn):
    t0 = time.monotonic()
    try:
        REC[key] = ["ok", _val(fn())]
    except Exception as e:  # noqa: BLE001  (recording the error is the point)
        REC[key] = ["err", type(e).__name__, (str(e).strip().splitlines() or [""])[0]]
    if time.monotonic() - t0 > 2:
        print(f"{key}: {time.monotonic() - t0:.1f} s", file=sys.stderr)


def expect(key, value):
    REC[key + "/expect"] = ["ok", _val(value)]


def t(a, dtype=np.float32):
    return Tensor(np.array(a, dtype=dtype))


# ----- before joining ------------------------------------------------------------------------------------------------
rec("pre/is_available", d.is_available)
rec("pre/is_initialized", d.is_initialized)
rec("pre/get_rank", d.get_rank)
rec("pre/get_world_size", d.get_world_size)
rec("pre/get_backend", d.get_backend)
rec("pre/get_global_rank", lambda: d.get_global_rank(None, 3))
rec("pre/get_global_rank_bad", lambda: d.get_global_rank(None, "3"))
rec("pre/get_group_rank_bad", lambda: d.get_group_rank(None, 1.5))
rec("pre/get_rank_badgroup", lambda: d.get_rank(3))
rec("pre/get_backend_badgroup", lambda: d.get_backend(3))
rec("pre/get_process_group_ranks_badgroup", lambda: d.get_process_group_ranks(3))
rec("pre/new_group_none", lambda: d.new_group())
rec("pre/new_group_tuple", lambda: d.new_group((0, 1)))
rec("pre/new_group_backend", lambda: d.new_group([0, 1], backend="nccl"))
rec("pre/ipg_backend", lambda: d.init_process_group("gloo"))
rec("pre/ipg_world_size_type", lambda: d.init_process_group(world_size="2"))
rec("pre/ipg_timeout_type", lambda: d.init_process_group(timeout=5))
rec("pre/ipg_store_type", lambda: d.init_process_group(store=1))
rec("pre/ipg_no_world_size", lambda: d.init_process_group(init_method="tcp://127.0.0.1:1"))
rec("pre/ipg_no_rank", lambda: d.init_process_group(init_method="tcp://127.0.0.1:1", world_size=2))
rec("pre/tcpstore_host", lambda: d.TCPStore(1, 1))
rec("pre/tcpstore_port_type", lambda: d.TCPStore("127.0.0.1", "1"))
rec("pre/tcpstore_port_range", lambda: d.TCPStore("127.0.0.1", 70000))
rec("pre/tcpstore_world_size", lambda: d.TCPStore("127.0.0.1", 1, world_size=0))
rec("pre/tcpstore_master", lambda: d.TCPStore("127.0.0.1", 1, is_master=1))
rec("pre/ops_tcpstore_timeout", lambda: ops.TCPStore("127.0.0.1", 1, timeout=3))
rec("pre/set_inplace_type", lambda: cf.set_comm_ops_inplace(1))
rec("pre/set_inplace_list", lambda: cf.set_comm_ops_inplace(True, "all_reduce"))
rec("pre/set_inplace_name", lambda: cf.set_comm_ops_inplace(True, ["all_reducee"]))
rec("pre/p2pop_op", lambda: d.P2POp("send", t([1.0]), 1))
rec("pre/p2pop_tensor", lambda: d.P2POp("isend", [1.0], 1))
rec("pre/p2pop_peer", lambda: d.P2POp("isend", t([1.0]), 1.0))
rec("pre/p2pop_tag", lambda: d.P2POp("isend", t([1.0]), 1, tag=1))
rec("pre/p2pop_func", lambda: type(d.P2POp(d.irecv, t([1.0]), 1)).__name__)
rec("pre/batch_empty", lambda: d.batch_isend_irecv([]))
rec("pre/batch_type", lambda: d.batch_isend_irecv([1]))

# ----- joining -------------------------------------------------------------------------------------------------------
try:
    d.init_process_group()
except RuntimeError:    # the reference on the CPU (see the docstring)
    init()
R = d.get_rank()
N = d.get_world_size()
peer = 1 - R
WORLD = [np.arange(4, dtype=np.float32) * (r + 1) + r for r in range(N)]   # rank r's input of the collectives
rec("is_initialized", d.is_initialized)
rec("rank", lambda: R)
rec("world_size", lambda: N)
rec("get_backend", d.get_backend)
rec("get_process_group_ranks", d.get_process_group_ranks)
rec("get_global_rank", lambda: d.get_global_rank(None, 1))
rec("get_group_rank", lambda: d.get_group_rank(None, 1))
rec("ops_get_rank", ops.get_rank)

# ----- collectives, in place -----------------------------------------------------------------------------------------
for op, red in (("sum", np.sum), ("max", np.max), ("min", np.min), ("prod", np.prod)):
    x = t(WORLD[R])
    rec(f"all_reduce_{op}", lambda x=x, op=op: [d.all_reduce(x, op), x])
    expect(f"all_reduce_{op}", [None, {"dtype": "Float32", "value": red(np.stack(WORLD), 0).tolist()}])
x = t(WORLD[R])
rec("all_reduce_async", lambda: [(type(h).__name__, h.wait()) for h in [d.all_reduce(x, async_op=True)]] + [x])
x = t(WORLD[R])
rec("ops_all_reduce", lambda: [ops.all_reduce(x), x])
x = Tensor(np.arange(6, dtype=np.int32).reshape(2, 3) + R)
rec("all_reduce_int", lambda: [d.all_reduce(x), x])
rec("all_reduce_bad_tensor", lambda: d.all_reduce([1.0]))
rec("all_reduce_bad_op_type", lambda: d.all_reduce(t([1.0]), 1))
rec("all_reduce_bad_op", lambda: d.all_reduce(t([1.0]), "mean"))
rec("all_reduce_bad_group", lambda: d.all_reduce(t([1.0]), group=1))
rec("all_reduce_bad_async", lambda: d.all_reduce(t([1.0]), async_op=1))

tl = [t(np.zeros(4)) for _ in range(N)]
rec("all_gather", lambda: [d.all_gather(tl, t(WORLD[R])), tl])
expect("all_gather", [None, [{"dtype": "Float32", "value": w.tolist()} for w in WORLD]])
rec("all_gather_bad_len", lambda: d.all_gather([t(np.zeros(4))], t(WORLD[R])))
rec("all_gather_bad_shape", lambda: d.all_gather([t(np.zeros(3)) for _ in range(N)], t(WORLD[R])))
rec("all_gather_bad_list", lambda: d.all_gather(t(np.zeros(4)), t(WORLD[R])))
rec("all_gather_bad_item", lambda: d.all_gather([1, 2], t(WORLD[R])))

b = Tensor(np.arange(3, dtype=np.int32) * (R + 1))
rec("broadcast", lambda: [d.broadcast(b, 1), b])
expect("broadcast", [None, {"dtype": "Int32", "value": [0, 2, 4]}])
rec("broadcast_bad_src", lambda: d.broadcast(t([1.0]), "0"))
rec("broadcast_bad_tensor", lambda: d.broadcast(1, 0))
rec("barrier", d.barrier)
rec("barrier_bad_group", lambda: d.barrier(1))

out = t(np.zeros(8))
rec("all_gather_into_tensor", lambda: [d.all_gather_into_tensor(out, t(WORLD[R])), out])
expect("all_gather_into_tensor", [None, {"dtype": "Float32", "value": np.concatenate(WORLD).tolist()}])
rec("all_gather_into_tensor_bad_in", lambda: d.all_gather_into_tensor(out, 1))
rec("all_gather_into_tensor_bad_out", lambda: d.all_gather_into_tensor(None, t(WORLD[R])))
out = t(np.zeros(2))
rec("reduce_scatter_tensor", lambda: [d.reduce_scatter_tensor(out, t(WORLD[R])), out])
expect("reduce_scatter_tensor", [None, {"dtype": "Float32", "value": np.sum(WORLD, 0)[2 * R:2 * R + 2].tolist()}])
rec("reduce_scatter_tensor_bad_op", lambda: d.reduce_scatter_tensor(out, t(WORLD[R]), "avg"))
out = t(np.zeros(2))
rec("reduce_scatter", lambda: [d.reduce_scatter(out, [t(WORLD[R][:2]), t(WORLD[R][2:])]), out])
expect("reduce_scatter", [None, {"dtype": "Float32", "value": np.sum(WORLD, 0)[2 * R:2 * R + 2].tolist()}])
rec("reduce_scatter_bad_len", lambda: d.reduce_scatter(out, [t(WORLD[R][:2])]))

x = t(WORLD[R])
rec("reduce", lambda: [d.reduce(x, 0), x])
expect("reduce", [None, {"dtype": "Float32", "value": (np.sum(WORLD, 0) if R == 0 else WORLD[R]).tolist()}])
rec("reduce_bad_dst", lambda: d.reduce(t([1.0]), "0"))
rec("reduce_bad_op", lambda: d.reduce(t([1.0]), 0, "avg"))

gl = [t(np.zeros(4)) for _ in range(N)]
rec("gather", lambda: [d.gather(t(WORLD[R]), gl, 0), gl])
expect("gather", [None, [{"dtype": "Float32", "value": (WORLD[i] if R == 0 else np.zeros(4)).tolist()}
                         for i in range(N)]])
rec("gather_bad_dst", lambda: d.gather(t(WORLD[R]), gl, "0"))
rec("gather_bad_list_dtype", lambda: d.gather(t(WORLD[R]), [t([0.0]), t([0], np.int32)], 0))
o = t(np.zeros(4))
rec("scatter", lambda: [d.scatter(o, [t(WORLD[i] * 10) for i in range(N)], 1), o])
expect("scatter", [None, {"dtype": "Float32", "value": (WORLD[R] * 10).tolist()}])
rec("scatter_bad_src", lambda: d.scatter(o, [o, o], None))

outs = [t(np.zeros(2)) for _ in range(N)]
rec("all_to_all", lambda: [d.all_to_all(outs, [t(WORLD[R][2 * i:2 * i + 2]) for i in range(N)]), outs])
expect("all_to_all", [None, [{"dtype": "Float32", "value": WORLD[i][2 * R:2 * R + 2].tolist()} for i in range(N)]])
rec("all_to_all_bad_dtype", lambda: d.all_to_all(outs, [t([1.0]), t([1], np.int32)]))
o = t(np.zeros(4))
rec("all_to_all_single", lambda: [d.all_to_all_single(o, t(WORLD[R])), o])
expect("all_to_all_single", [None, {"dtype": "Float32",
                                     "value": np.concatenate([w[2 * R:2 * R + 2] for w in WORLD]).tolist()}])
o = t(np.zeros(3 if R == 0 else 5))
rec("all_to_all_single_split", lambda: [d.all_to_all_single(o, t(WORLD[R]), [1, 2] if R == 0 else [3, 2],
                                                             [1, 3] if R == 0 else [2, 2]), o])
expect("all_to_all_single_split", [None, {"dtype": "Float32", "value": np.array(
    [WORLD[0][0], WORLD[1][0], WORLD[1][1]] if R == 0 else list(WORLD[0][1:]) + list(WORLD[1][2:])).tolist()}])
rec("all_to_all_single_indivisible", lambda: d.all_to_all_single(t(np.zeros(4)), t(np.zeros(3))))

o3 = t(np.zeros(3))
rec("all_gather_into_tensor_uneven_out", lambda: [d.all_gather_into_tensor_uneven(o3, t(WORLD[R][:1 + R]),
                                                                                 [1, 2]), o3])
AGU = np.array([WORLD[0][0], WORLD[1][0], WORLD[1][1]]).tolist()
expect("all_gather_into_tensor_uneven_out", [None, {"dtype": "Float32", "value": AGU}])
o = t(np.zeros(1 + R))
rec("reduce_scatter_tensor_uneven", lambda: [d.reduce_scatter_tensor_uneven(o, t(WORLD[R][:3]), [1, 2]), o])
expect("reduce_scatter_tensor_uneven", [None, {"dtype": "Float32", "value": np.sum(WORLD, 0)[:3][
    slice(0, 1) if R == 0 else slice(1, 3)].tolist()}])
rec("reduce_scatter_tensor_uneven_prod", lambda: d.reduce_scatter_tensor_uneven(o, t(WORLD[R][:3]), [1, 2], "prod"))

# ----- objects -------------------------------------------------------------------------------------------------------
ol = [None] * N
rec("all_gather_object", lambda: [d.all_gather_object(ol, {"rank": R, "v": [1, R]}), ol])
expect("all_gather_object", [None, [{"rank": r, "v": [1, r]} for r in range(N)]])
rec("all_gather_object_bad_len", lambda: d.all_gather_object([None], 1))
bl = ["a", {"k": (1, 2)}, 3.5] if R == 0 else [None, None, None]
rec("broadcast_object_list", lambda: [d.broadcast_object_list(bl, 0), bl])
expect("broadcast_object_list", [None, ["a", {"k": [1, 2]}, 3.5]])
rec("broadcast_object_list_empty", lambda: d.broadcast_object_list([], 0))
gol = [None] * N if R == 0 else None
rec("gather_object", lambda: [d.gather_object(("r", R), gol, 0), gol])
expect("gather_object", [None, [["r", r] for r in range(N)] if R == 0 else None])
so = [None]
rec("scatter_object_list", lambda: [d.scatter_object_list(so, ["x" * 3, {"y": 1}] if R == 0 else None, 0), so])
expect("scatter_object_list", [None, ["xxx" if R == 0 else {"y": 1}]])
rec("scatter_object_list_empty", lambda: d.scatter_object_list([], [1, 2], 0))
rec("all_gather_object_forbidden", lambda: d.all_gather_object([None] * N, np.float32))

# ----- a group -------------------------------------------------------------------------------------------------------
g = d.new_group([1, 0])
rec("new_group", lambda: g)
rec("group_backend", lambda: d.get_backend(g))
rec("group_ranks", lambda: d.get_process_group_ranks(g))
rec("group_rank", lambda: d.get_rank(g))
rec("group_size", lambda: d.get_world_size(g))
rec("group_global_rank", lambda: d.get_global_rank(g, 1))
rec("unknown_group_rank", lambda: d.get_rank("no_such_group"))
rec("unknown_group_size", lambda: d.get_world_size("no_such_group"))
rec("group_group_rank", lambda: d.get_group_rank(g, 1))
x = t(WORLD[R])
rec("group_all_reduce", lambda: [d.all_reduce(x, group=g), x])
expect("group_all_reduce", [None, {"dtype": "Float32", "value": np.sum(WORLD, 0).tolist()}])
rec("destroy_group", lambda: d.destroy_process_group(g))
rec("destroy_bad_group", lambda: d.destroy_process_group(1))

# ----- ops.function.comm_func: the same functions, and the returning mode ------------------------------------------
x = t(WORLD[R])
rec("cf/all_reduce", lambda: [cf.all_reduce(x), x])
expect("cf/all_reduce", [None, {"dtype": "Float32", "value": np.sum(WORLD, 0).tolist()}])
b = Tensor(np.arange(3, dtype=np.int32) * (R + 1))
rec("cf/broadcast", lambda: [cf.broadcast(b, 0), b])
out = t(np.zeros(8))
rec("cf/gather_into_tensor", lambda: [cf.gather_into_tensor(out, t(WORLD[R]), 0), out])
expect("cf/gather_into_tensor", [None, {"dtype": "Float32",
                                        "value": (np.concatenate(WORLD) if R == 0 else np.zeros(8)).tolist()}])
out = t(np.zeros(2))
rec("cf/scatter_tensor", lambda: [cf.scatter_tensor(out, t(np.arange(4) * 3.0), 0), out])
expect("cf/scatter_tensor", [None, {"dtype": "Float32", "value": (np.arange(4) * 3.0)[2 * R:2 * R + 2].tolist()}])
cnt = [1, 1, 2, 1]      # rank 0 sends 1 to itself and 1 to rank 1; rank 1 sends 2 to rank 0 and 1 to itself
o = t(np.zeros(3 if R == 0 else 2))
rec("cf/all_to_all_v_c", lambda: [cf.all_to_all_v_c(o, t(WORLD[R][:2 + R]), cnt), o])
expect("cf/all_to_all_v_c", [None, {"dtype": "Float32", "value": np.array(
    [WORLD[0][0], WORLD[1][0], WORLD[1][1]] if R == 0 else [WORLD[0][1], WORLD[1][2]]).tolist()}])
rec("cf/all_to_all_v_c_bad", lambda: cf.all_to_all_v_c(o, t([1.0]), [1, 1, 1]))
rec("cf/all_to_all_v_c_bad_item", lambda: cf.all_to_all_v_c(o, t([1.0]), [1, 1, 1, 1.0]))

cf.set_comm_ops_inplace(False)
# first, before the reference's failing kernels below (their errors surface late, at later calls)
x = t(WORLD[R])
rec("cf/noinplace/mint_all_reduce", lambda: [d.all_reduce(x), x])    # mint.distributed stays in place
expect("cf/noinplace/mint_all_reduce", [None, {"dtype": "Float32", "value": np.sum(WORLD, 0).tolist()}])
x = t(WORLD[R])
rec("cf/noinplace/all_reduce", lambda: [cf.all_reduce(x), x])
expect("cf/noinplace/all_reduce", [[{"dtype": "Float32", "value": np.sum(WORLD, 0).tolist()}, None],
                                   {"dtype": "Float32", "value": WORLD[R].tolist()}])
rec("cf/noinplace/all_gather_into_tensor", lambda: cf.all_gather_into_tensor(None, t(WORLD[R])))
expect("cf/noinplace/all_gather_into_tensor", [{"dtype": "Float32", "value": np.concatenate(WORLD).tolist()}, None])
rec("cf/noinplace/reduce_scatter_tensor", lambda: cf.reduce_scatter_tensor(None, t(WORLD[R])))
expect("cf/noinplace/reduce_scatter_tensor", [{"dtype": "Float32",
                                               "value": np.sum(WORLD, 0)[2 * R:2 * R + 2].tolist()}, None])
rec("cf/noinplace/all_to_all_single", lambda: cf.all_to_all_single(t(np.zeros(4)), t(WORLD[R])))
expect("cf/noinplace/all_to_all_single", [{"dtype": "Float32", "value": np.concatenate(
    [w[2 * R:2 * R + 2] for w in WORLD]).tolist()}, None])
for name, call in (("broadcast", lambda: cf.broadcast(t([1.0]), 0)), ("barrier", cf.barrier),
                   ("all_gather", lambda: cf.all_gather([t([0.0])] * N, t([1.0]))),
                   ("reduce", lambda: cf.reduce(t([1.0]), 0)),
                   ("all_gather_object", lambda: cf.all_gather_object([None] * N, 1)),
                   ("batch_isend_irecv", lambda: cf.batch_isend_irecv([cf.P2POp("isend", t([1.0]), peer)]))):
    rec(f"cf/noinplace/{name}", call)
o = t([0.0])
rec("cf/noinplace/all_to_all_v_c", lambda: [cf.all_to_all_v_c(o, t([R + 5.0]), [1, 0, 0, 1]), o])
expect("cf/noinplace/all_to_all_v_c", [None, {"dtype": "Float32", "value": [R + 5.0]}])
cf.set_comm_ops_inplace(True)

# ----- the variable-size primitives ---------------------------------------------------------------------------------
rec("prim/AllGatherV", lambda: ops.AllGatherV()(t(WORLD[R][:1 + R]), [1, 2]))
expect("prim/AllGatherV", {"dtype": "Float32", "value": AGU})
rec("prim/ReduceScatterV", lambda: ops.ReduceScatterV("max")(t(WORLD[R][:3]), (1, 2)))
expect("prim/ReduceScatterV", {"dtype": "Float32", "value": np.max(WORLD, 0)[:3][
    slice(0, 1) if R == 0 else slice(1, 3)].tolist()})
rec("prim/AlltoAllV", lambda: ops.AlltoAllV()(t(WORLD[R][:2 + R]), [1, 1 + R], [1, 1] if R == 0 else [1, 2]))
expect("prim/AlltoAllV", {"dtype": "Float32", "value": np.array(
    [WORLD[0][0], WORLD[1][0]] if R == 0 else [WORLD[0][1], WORLD[1][1], WORLD[1][2]]).tolist()})
rec("prim/AlltoAllVC", lambda: ops.AlltoAllVC()(t(WORLD[R][:2 + R]), [1, 1, 2, 1]))
expect("prim/AlltoAllVC", {"dtype": "Float32", "value": np.array(
    [WORLD[0][0], WORLD[1][0], WORLD[1][1]] if R == 0 else [WORLD[0][1], WORLD[1][2]]).tolist()})
rec("prim/AlltoAllVC_transpose", lambda: ops.AlltoAllVC(transpose=True)(t(WORLD[R][:3 - R]), [1, 1, 2, 1]))
expect("prim/AlltoAllVC_transpose", {"dtype": "Float32", "value": np.array(
    [WORLD[0][0], WORLD[1][0]] if R == 0 else [WORLD[0][1], WORLD[0][2], WORLD[1][1]]).tolist()})
# their gradients (the reverse collective): every rank's loss weighs its output by rank + 1
xg = t(WORLD[R][:1 + R])
rec("prim/AllGatherV_grad", lambda: ops.grad(lambda a: (ops.AllGatherV()(a, [1, 2]) * (R + 1)).sum())(xg))
expect("prim/AllGatherV_grad", {"dtype": "Float32", "value": [3.0] * (1 + R)})
rec("prim/ReduceScatterV_grad", lambda: ops.grad(lambda a: (ops.ReduceScatterV()(a, [1, 2]) * (R + 1)).sum())(
    t(WORLD[R][:3])))
expect("prim/ReduceScatterV_grad", {"dtype": "Float32", "value": [1.0, 2.0, 2.0]})
rec("prim/AlltoAllV_grad", lambda: ops.grad(lambda a: (ops.AlltoAllV()(a, [1, 1 + R], [1, 1] if R == 0 else [1, 2])
                                                      * (R + 1)).sum())(t(WORLD[R][:2 + R])))
expect("prim/AlltoAllV_grad", {"dtype": "Float32", "value": [1.0, 2.0] if R == 0 else [1.0, 2.0, 2.0]})
# NeighborExchangeV2 (the reference runs it only in graph mode on Ascend: its PyNative call raises
# NotImplementedError): its docstring's example, then halos to the right, bottom right and bottom (and back)
NO = [-1] * 8
ne = ops.NeighborExchangeV2([-1, -1, -1, -1, 1, -1, -1, -1], [0, 1, 0, 0], [-1, -1, -1, -1, 1, -1, -1, -1],
                            [0, 1, 0, 0], "NCHW") if R == 0 else \
    ops.NeighborExchangeV2([0] + NO[1:], [1, 0, 0, 0], [0] + NO[1:], [1, 0, 0, 0], "NCHW")
rec("prim/NeighborExchangeV2_doc", lambda: ne(Tensor(np.ones([1, 1, 2, 2], np.float32) * (R + 1))))
expect("prim/NeighborExchangeV2_doc", {"dtype": "Float32", "value": [[[[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]]]] if R == 0
                                       else [[[[1.0, 1.0], [2.0, 2.0], [2.0, 2.0]]]]})
HX = [np.arange(9, dtype=np.float32).reshape(3, 3) + 10 * r for r in range(N)]
HW = [(np.arange(16, dtype=np.float32).reshape(4, 4) + 1) * (r + 1) for r in range(N)]
ids = ([-1, -1, 1, 1, 1, -1, -1, -1], [0, 1, 0, 1]) if R == 0 else ([0, -1, -1, -1, -1, -1, 0, 0], [1, 0, 1, 0])
ne = ops.NeighborExchangeV2(ids[0], ids[1], ids[0], ids[1], "NCHW")
rec("prim/NeighborExchangeV2", lambda: ne(Tensor(HX[R][None, None])))
rec("prim/NeighborExchangeV2_grad", lambda: ops.grad(lambda a: (ne(a) * Tensor(HW[R][None, None])).sum())(
    Tensor(HX[R][None, None])))
halo, gx = np.zeros((4, 4), np.float32), HW[R][:3, :3].copy() if R == 0 else HW[R][1:, 1:].copy()
if R == 0:
    halo[:3, :3], halo[:3, 3], halo[3, 3], halo[3, :3] = HX[0], HX[1][:, 0], HX[1][0, 0], HX[1][0, :]
    gx[:, 2] += HW[1][1:, 0]
    gx[2, 2] += HW[1][0, 0]
    gx[2, :] += HW[1][0, 1:]
else:
    halo[1:, 1:], halo[1:, 0], halo[0, 0], halo[0, 1:] = HX[1], HX[0][:, 2], HX[0][2, 2], HX[0][2, :]
    gx[:, 0] += HW[0][:3, 3]
    gx[0, 0] += HW[0][3, 3]
    gx[0, :] += HW[0][3, :3]
expect("prim/NeighborExchangeV2", {"dtype": "Float32", "value": halo[None, None].tolist()})
expect("prim/NeighborExchangeV2_grad", {"dtype": "Float32", "value": gx[None, None].tolist()})
rec("prim/NeighborExchangeV2_rank", lambda: ops.NeighborExchangeV2([5] + NO[1:], [1, 0, 0, 0], NO, [0] * 4, "NCHW"))
rec("prim/NeighborExchangeV2_type", lambda: ops.NeighborExchangeV2(NO, [1, 0, 0, 0], ["a"] + NO[1:], [0] * 4, "NCHW"))
rec("prim/AlltoAllV_block", lambda: ops.AlltoAllV(block_size=1.0))
rec("prim/AlltoAllVC_block", lambda: ops.AlltoAllVC(block_size="1"))
rec("prim/ReduceScatterV_op", lambda: ops.ReduceScatterV(op=1))
rec("prim/BatchISendIRecv_op_types", lambda: ops.BatchISendIRecv(1, [0]))
rec("prim/BatchISendIRecv_remote_ranks", lambda: ops.BatchISendIRecv(("isend",), 0))
rec("prim/BatchISendIRecv_lengths", lambda: ops.BatchISendIRecv(("isend",), (0, 1)))
rec("prim/BatchISendIRecv_recv_lengths", lambda: ops.BatchISendIRecv(("isend",), (0,), [(1,)], []))
rec("prim/BatchISendIRecv_shapes", lambda: ops.BatchISendIRecv(("isend",), (0,), 3))

# ----- point to point (last: the reference's CPU build fails them and cannot go on) -----------------------------------
rec("send_self", lambda: d.send(t([1.0]), R))
rec("isend_self", lambda: d.isend(t([1.0]), R))
rec("send_bad_dst", lambda: d.send(t([1.0]), "1"))
rec("recv_bad_src", lambda: d.recv(t([1.0]), "1"))
rec("irecv_bad_tensor", lambda: d.irecv(1, 0))
if R == 0:
    rec("send", lambda: d.send(t([1.0, 2.0, 3.0]), 1))
    rec("isend", lambda: [type(h).__name__ for h in [d.isend(t([4.0, 5.0]), 1)]])
else:
    r1, r2 = t(np.zeros(3)), t(np.zeros(2))
    rec("recv", lambda: [d.recv(r1, 0), r1])
    rec("irecv", lambda: [d.irecv(r2, 0).wait(), r2])
expect("recv", [0, {"dtype": "Float32", "value": [1.0, 2.0, 3.0]}])
expect("irecv", [None, {"dtype": "Float32", "value": [4.0, 5.0]}])
rec("p2p/barrier", d.barrier)
expect("p2p/barrier", None)
got = t(np.zeros(2))
rec("batch_isend_irecv", lambda: [[h.wait() for h in d.batch_isend_irecv(
    [d.P2POp("isend", t(WORLD[R][:2]), peer), d.P2POp(d.irecv, got, peer)])], got])
expect("batch_isend_irecv", [[None], {"dtype": "Float32", "value": WORLD[peer][:2].tolist()}])
rec("prim/BatchISendIRecv", lambda: ops.BatchISendIRecv(("isend", "irecv"), (peer, peer), [(2,)], [ms.float32])(
    (t(WORLD[R][:2] + 1),)))
expect("prim/BatchISendIRecv", [{"dtype": "Float32", "value": 0.0},
                                {"dtype": "Float32", "value": (WORLD[peer][:2] + 1).tolist()}])
rec("batch_mixed_groups", lambda: d.batch_isend_irecv([d.P2POp("isend", t([1.0]), peer),
                                                       d.P2POp("irecv", t([1.0]), peer, group="g")]))

rec("destroy_process_group", d.destroy_process_group)
rec("post/is_initialized", d.is_initialized)

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, f"rank{R}.json"), "w") as f:
    json.dump(REC, f, indent=0, sort_keys=True)

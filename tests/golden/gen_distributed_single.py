"""Golden data for the distributed API in ONE process started without a launcher (what a single-device run of a
data-parallel script meets): rank queries before init, what init() raises, the collective primitives' attributes
and errors, the auto-parallel context (defaults, set/get round trips, errors), parallel._utils, and
DistributedGradReducer/TrainOneStepCell construction. Writes tests/golden/distributed_single.json.

Run with the reference python:  GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_distributed_single.py
"""
import json
import os
from pathlib import Path

for _k in ("RANK_ID", "RANK_SIZE", "LOCAL_RANK", "LOCAL_RANK_SIZE", "MS_ROLE", "MS_WORKER_NUM", "MS_SCHED_HOST",
           "MS_SCHED_PORT", "OMPI_COMM_WORLD_RANK", "RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT"):
    os.environ.pop(_k, None)

import mindspore as ms  # noqa: E402
import numpy as np  # noqa: E402
from mindspore import Tensor, nn, ops  # noqa: E402

OUT = Path(__file__).resolve().parent / "distributed_single.json"
res = {}


def rec(name, fn):
    try:
        v = fn()
        res[name] = {"ok": _plain(v)}
    except Exception as e:  # noqa: BLE001  (recording the reference's error)
        res[name] = {"err": type(e).__name__, "msg": str(e).splitlines()[0][:300] if str(e) else ""}


def _plain(v):
    if isinstance(v, (bool, int, float, str)) or v is None:
        return v
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, Tensor):
        return v.asnumpy().tolist()
    return repr(v)


x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
import mindspore.communication as comm  # noqa: E402
from mindspore.communication import get_group_size, get_local_rank, get_local_rank_size, get_rank, init  # noqa: E402

rec("names", lambda: [comm.HCCL_WORLD_COMM_GROUP, comm.NCCL_WORLD_COMM_GROUP, comm.MCCL_WORLD_COMM_GROUP,
                      comm.GlobalComm.WORLD_COMM_GROUP, comm.GlobalComm.BACKEND, comm.GlobalComm.INITED])
rec("get_rank", get_rank)
rec("get_group_size", get_group_size)
rec("get_local_rank", get_local_rank)
rec("get_local_rank_size", get_local_rank_size)
rec("get_rank_bad_group", lambda: get_rank(3))
rec("get_group_size_bad_group", lambda: get_group_size(3))
os.environ["RANK_ID"], os.environ["RANK_SIZE"] = "3", "4"
rec("get_rank_env", get_rank)
rec("get_group_size_env", get_group_size)
del os.environ["RANK_ID"], os.environ["RANK_SIZE"]
rec("create_group_no_init", lambda: comm.create_group("g", [0, 1]))
rec("destroy_group_no_init", lambda: comm.destroy_group("g"))
rec("create_group_bad_name", lambda: comm.create_group(1, [0, 1]))
rec("get_world_rank_from_group_rank_no_init", lambda: comm.get_world_rank_from_group_rank("g", 0))
rec("init_bad_backend_type", lambda: init(1))
rec("init_bad_backend", lambda: init("foo"))
rec("init_hccl_on_cpu", lambda: init("hccl"))
rec("init_nccl_on_cpu", lambda: init("nccl"))
rec("init_no_launcher", lambda: init())

# primitives: attributes, argument errors, calls without init
rec("AllReduce_attrs", lambda: [ops.AllReduce().op, ops.AllReduce().group, ops.AllReduce("max", "g").attrs
                                if hasattr(ops.AllReduce(), "attrs") else None])
rec("AllReduce_bad_op_type", lambda: ops.AllReduce(op=1))
rec("AllReduce_bad_group", lambda: ops.AllReduce(group=3))
rec("AllReduce_call", lambda: ops.AllReduce()(x))
rec("AllGather_attrs", lambda: [ops.AllGather().rank, ops.AllGather().rank_size, ops.AllGather().group])
rec("AllGather_call", lambda: ops.AllGather()(x))
rec("ReduceScatter_attrs", lambda: [ops.ReduceScatter().op, ops.ReduceScatter().rank_size])
rec("ReduceScatter_bad_op", lambda: ops.ReduceScatter(op=1))
rec("Broadcast_bad_root", lambda: ops.Broadcast("0"))
rec("Broadcast_call", lambda: ops.Broadcast(0)((x,)))
rec("AlltoAll_attrs", lambda: [ops.AlltoAll(2, 0, 1).split_count, ops.AlltoAll(2, 0, 1).split_dim,
                               ops.AlltoAll(2, 0, 1).concat_dim, ops.AlltoAll(2, 0, 1).rank_size])
rec("Receive_bad_dtype", lambda: ops.Receive(0, 0, [2], ms.bool_))
rec("Barrier_call", lambda: ops.Barrier()())

# the auto-parallel context
from mindspore.parallel._auto_parallel_context import _get_auto_parallel_context_func_map  # noqa: E402

rec("ctx_defaults", lambda: {k: ms.get_auto_parallel_context(k) for k in _get_auto_parallel_context_func_map})
rec("ctx_set_dp", lambda: ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL,
                                                       gradients_mean=True, device_num=2, global_rank=1,
                                                       all_reduce_fusion_config=[2, 4]))
rec("ctx_after_set", lambda: [ms.get_auto_parallel_context(k) for k in
                              ("parallel_mode", "gradients_mean", "device_num", "global_rank",
                               "all_reduce_fusion_config")])
from mindspore.parallel._utils import _get_device_num, _get_global_rank, _get_gradients_mean, _get_parallel_mode  # noqa

rec("utils_after_set", lambda: [_get_device_num(), _get_global_rank(), _get_gradients_mean(), _get_parallel_mode()])
rec("ctx_bad_mode", lambda: ms.set_auto_parallel_context(parallel_mode="foo"))
rec("ctx_bad_key", lambda: ms.set_auto_parallel_context(foo=1))
rec("ctx_get_bad_key", lambda: ms.get_auto_parallel_context("foo"))
rec("ctx_device_num_0", lambda: ms.set_auto_parallel_context(device_num=0))
rec("ctx_device_num_str", lambda: ms.set_auto_parallel_context(device_num="2"))
rec("ctx_global_rank_big", lambda: ms.set_auto_parallel_context(global_rank=5000))
rec("ctx_gradients_mean_int", lambda: ms.set_auto_parallel_context(gradients_mean=1))
rec("ctx_fusion_tuple", lambda: ms.set_auto_parallel_context(all_reduce_fusion_config=(1, 2)))
rec("ctx_set_pipeline_interleave", lambda: ms.set_auto_parallel_context(pipeline_interleave=True))
rec("ctx_comm_fusion_size", lambda: (ms.set_auto_parallel_context(
    comm_fusion={"allreduce": {"mode": "size", "config": 32}}), ms.get_auto_parallel_context("comm_fusion"))[1])
rec("ctx_comm_fusion_index", lambda: (ms.set_auto_parallel_context(
    comm_fusion={"allreduce": {"mode": "index", "config": [3]}}), ms.get_auto_parallel_context("comm_fusion"),
    ms.get_auto_parallel_context("all_reduce_fusion_config"))[1:])
rec("ctx_comm_fusion_bad_mode", lambda: ms.set_auto_parallel_context(comm_fusion={"allreduce": {"mode": "x",
                                                                                                "config": 1}}))
rec("ctx_comm_fusion_bad_key", lambda: ms.set_auto_parallel_context(comm_fusion={"foo": {}}))
rec("ctx_comm_fusion_no_config", lambda: ms.set_auto_parallel_context(comm_fusion={"allreduce": {"mode": "auto"}}))
ms.reset_auto_parallel_context()
rec("ctx_comm_fusion_after_reset", lambda: ms.get_auto_parallel_context("comm_fusion"))
ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True, device_num=2,
                             global_rank=1, all_reduce_fusion_config=[2, 4])
net = nn.Dense(3, 2)
rec("dgr_repr", lambda: repr(nn.DistributedGradReducer(net.trainable_params())))
rec("dgr_bad_degree", lambda: nn.DistributedGradReducer(net.trainable_params(), degree=0))
rec("dgr_bad_degree_float", lambda: nn.DistributedGradReducer(net.trainable_params(), degree=2.0))
rec("dgr_call_no_init", lambda: nn.DistributedGradReducer(net.trainable_params(), mean=True)(
    tuple(Tensor(np.ones(p.shape, np.float32)) for p in net.trainable_params())))
opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
rec("tosc_dp_children", lambda: [type(c).__name__ for _, c in
                                 nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt).name_cells().items()])
rec("model_dp_device_num_check", lambda: ms.train.Model(net, nn.MSELoss(), opt)._device_number)
ms.reset_auto_parallel_context()
rec("ctx_after_reset", lambda: [ms.get_auto_parallel_context(k) for k in
                                ("parallel_mode", "gradients_mean", "device_num", "global_rank",
                                 "all_reduce_fusion_config")])
rec("tosc_standalone_children", lambda: [type(c).__name__ for _, c in
                                         nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
                                         .name_cells().items()])
rec("pbcast_standalone_model", lambda: (ms.set_auto_parallel_context(parameter_broadcast=True),
                                        ms.train.Model(net, nn.MSELoss(), opt))[0])
ms.reset_auto_parallel_context()
rec("parallel_mode_class", lambda: [ms.ParallelMode.STAND_ALONE, ms.ParallelMode.DATA_PARALLEL,
                                    ms.ParallelMode.HYBRID_PARALLEL, ms.ParallelMode.SEMI_AUTO_PARALLEL,
                                    ms.ParallelMode.AUTO_PARALLEL, ms.ParallelMode.MODE_LIST,
                                    ms.context.ParallelMode is ms.ParallelMode,
                                    ms.train.model.ParallelMode is ms.ParallelMode])

OUT.write_text(json.dumps(res, indent=1, sort_keys=True) + "\n")
print(f"wrote {OUT}: {len(res)} cases")

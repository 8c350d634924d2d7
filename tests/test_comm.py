"""mindspore.communication, the collective primitives, comm_func and the parallel context.

One process (no launcher) against the reference's behaviour recorded by tests/golden/gen_distributed_single.py;
2 gloo processes (tests/_comm_worker.py) for the collectives the reference's CPU backend cannot run, with the
expected values computed by numpy from the ranks' inputs; data-parallel variants against one process on the
concatenated batch (rtol 1e-5); faults: init() with a missing peer and a killed worker end with a clear error in
bounded time."""
import json
import os

import numpy as np
import pytest
from _dist import free_port, run_job
from _golden import GOLDEN

import lightspore as ms
import lightspore.communication as comm
from lightspore import Tensor, nn, ops
from lightspore.parallel import _utils as putils

REF = json.loads((GOLDEN / "distributed_single.json").read_text())
_ENV = ("RANK_ID", "RANK_SIZE", "LOCAL_RANK", "LOCAL_RANK_SIZE", "MS_ROLE", "MS_WORKER_NUM", "MS_SCHED_HOST",
        "MS_SCHED_PORT", "MS_NODE_ID", "RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT")


@pytest.fixture(autouse=True)
def _clean(monkeypatch):
    for k in _ENV:
        monkeypatch.delenv(k, raising=False)
    ms.reset_auto_parallel_context()
    yield
    ms.reset_auto_parallel_context()


def _call(fn):
    try:
        return {"ok": fn()}
    except Exception as e:  # noqa: BLE001
        return {"err": type(e).__name__, "msg": str(e)}


def _check(name, fn, plain=lambda v: v):
    want, got = REF[name], _call(fn)
    if "err" in want:
        assert got.get("err") == want["err"], f"{name}: expected {want['err']} ({want['msg']}), got {got}"
    else:
        assert "ok" in got, f"{name}: expected {want['ok']!r}, got {got}"
        assert plain(got["ok"]) == want["ok"], name


X = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))


# ---- one process, no launcher ------------------------------------------------------------------------------------
def test_names_and_queries_before_init(monkeypatch):
    _check("names", lambda: [comm.HCCL_WORLD_COMM_GROUP, comm.NCCL_WORLD_COMM_GROUP, comm.MCCL_WORLD_COMM_GROUP,
                             comm.GlobalComm.WORLD_COMM_GROUP, comm.GlobalComm.BACKEND, comm.GlobalComm.INITED])
    for name in ("get_rank", "get_group_size", "get_local_rank", "get_local_rank_size"):
        _check(name, getattr(comm, name))
    _check("get_rank_bad_group", lambda: comm.get_rank(3))
    _check("get_group_size_bad_group", lambda: comm.get_group_size(3))
    monkeypatch.setenv("RANK_ID", "3")
    monkeypatch.setenv("RANK_SIZE", "4")
    _check("get_rank_env", comm.get_rank)
    _check("get_group_size_env", comm.get_group_size)


def test_openmpi_ranks_before_init(monkeypatch):
    # the reference reads OpenMPI's variables into RANK_ID/DEVICE_ID/RANK_SIZE when communication is imported
    from lightspore.communication import management
    for k, v in (("RANK_ID", "0"), ("RANK_SIZE", "1"), ("DEVICE_ID", "0"), ("OMPI_COMM_WORLD_RANK", "2"),
                 ("OMPI_COMM_WORLD_SIZE", "4"), ("OMPI_COMM_WORLD_LOCAL_RANK", "1")):
        monkeypatch.setenv(k, v)
    management._set_rank_from_mpi()
    assert (comm.get_rank(), comm.get_group_size(), os.environ["DEVICE_ID"]) == (2, 4, "1")


@pytest.mark.parametrize("name,call", [
    ("create_group_no_init", lambda: comm.create_group("g", [0, 1])),
    ("destroy_group_no_init", lambda: comm.destroy_group("g")),
    ("create_group_bad_name", lambda: comm.create_group(1, [0, 1])),
    ("get_world_rank_from_group_rank_no_init", lambda: comm.get_world_rank_from_group_rank("g", 0)),
    ("init_bad_backend_type", lambda: comm.init(1)),
    ("init_bad_backend", lambda: comm.init("foo")),
    ("init_hccl_on_cpu", lambda: comm.init("hccl")),
    ("init_nccl_on_cpu", lambda: comm.init("nccl")),
    ("init_no_launcher", lambda: comm.init()),
])
def test_errors_before_init(name, call):
    _check(name, call)


def test_init_without_launcher_says_how_to_launch():
    with pytest.raises(RuntimeError, match="without using 'mpirun'") as e:
        comm.init()
    assert "msrun" in str(e.value)


def test_primitives_in_one_process():
    _check("AllReduce_attrs", lambda: [ops.AllReduce().op, ops.AllReduce().group, ops.AllReduce("max", "g").attrs])
    _check("AllGather_attrs", lambda: [ops.AllGather().rank, ops.AllGather().rank_size, ops.AllGather().group])
    _check("ReduceScatter_attrs", lambda: [ops.ReduceScatter().op, ops.ReduceScatter().rank_size])
    a2a = ops.AlltoAll(2, 0, 1)
    _check("AlltoAll_attrs", lambda: [a2a.split_count, a2a.split_dim, a2a.concat_dim, a2a.rank_size])
    for name, call in (("AllReduce_bad_op_type", lambda: ops.AllReduce(op=1)),
                       ("AllReduce_bad_group", lambda: ops.AllReduce(group=3)),
                       ("ReduceScatter_bad_op", lambda: ops.ReduceScatter(op=1)),
                       ("Broadcast_bad_root", lambda: ops.Broadcast("0")),
                       ("Receive_bad_dtype", lambda: ops.Receive(0, 0, [2], ms.bool_)),
                       # called without init(): RuntimeError, as the reference's
                       ("AllReduce_call", lambda: ops.AllReduce()(X)),
                       ("AllGather_call", lambda: ops.AllGather()(X)),
                       ("Broadcast_call", lambda: ops.Broadcast(0)((X,))),
                       ("Barrier_call", lambda: ops.Barrier()())):
        _check(name, call)


def test_auto_parallel_context():
    from lightspore.parallel._auto_parallel_context import _DEFAULTS
    assert {k: ms.get_auto_parallel_context(k) for k in _DEFAULTS} == REF["ctx_defaults"]["ok"]
    _check("ctx_set_dp", lambda: ms.set_auto_parallel_context(
        parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True, device_num=2, global_rank=1,
        all_reduce_fusion_config=[2, 4]))
    keys = ("parallel_mode", "gradients_mean", "device_num", "global_rank", "all_reduce_fusion_config")
    _check("ctx_after_set", lambda: [ms.get_auto_parallel_context(k) for k in keys])
    _check("utils_after_set", lambda: [putils._get_device_num(), putils._get_global_rank(),
                                       putils._get_gradients_mean(), putils._get_parallel_mode()])
    for name, call in (("ctx_bad_mode", lambda: ms.set_auto_parallel_context(parallel_mode="foo")),
                       ("ctx_bad_key", lambda: ms.set_auto_parallel_context(foo=1)),
                       ("ctx_get_bad_key", lambda: ms.get_auto_parallel_context("foo")),
                       ("ctx_device_num_0", lambda: ms.set_auto_parallel_context(device_num=0)),
                       ("ctx_device_num_str", lambda: ms.set_auto_parallel_context(device_num="2")),
                       ("ctx_global_rank_big", lambda: ms.set_auto_parallel_context(global_rank=5000)),
                       ("ctx_gradients_mean_int", lambda: ms.set_auto_parallel_context(gradients_mean=1)),
                       ("ctx_fusion_tuple", lambda: ms.set_auto_parallel_context(all_reduce_fusion_config=(1, 2))),
                       ("ctx_set_pipeline_interleave",
                        lambda: ms.set_auto_parallel_context(pipeline_interleave=True))):
        _check(name, call)
    _check("ctx_comm_fusion_size", lambda: (ms.set_auto_parallel_context(
        comm_fusion={"allreduce": {"mode": "size", "config": 32}}), ms.get_auto_parallel_context("comm_fusion"))[1])
    _check("ctx_comm_fusion_index", lambda: (ms.set_auto_parallel_context(
        comm_fusion={"allreduce": {"mode": "index", "config": [3]}}), ms.get_auto_parallel_context("comm_fusion"),
        ms.get_auto_parallel_context("all_reduce_fusion_config"))[1:], plain=list)
    for name, cfg in (("ctx_comm_fusion_bad_mode", {"allreduce": {"mode": "x", "config": 1}}),
                      ("ctx_comm_fusion_bad_key", {"foo": {}}),
                      ("ctx_comm_fusion_no_config", {"allreduce": {"mode": "auto"}})):
        _check(name, lambda cfg=cfg: ms.set_auto_parallel_context(comm_fusion=cfg))
    ms.reset_auto_parallel_context()
    _check("ctx_comm_fusion_after_reset", lambda: ms.get_auto_parallel_context("comm_fusion"))
    _check("ctx_after_reset", lambda: [ms.get_auto_parallel_context(k) for k in keys])
    assert ms.context.get_auto_parallel_context is ms.get_auto_parallel_context


def test_comm_fusion_sets_the_gradient_buckets():
    net = nn.SequentialCell([nn.Dense(600, 600), nn.Dense(600, 600), nn.Dense(600, 10)])

    def buckets():
        return nn.DistributedGradReducer(net.trainable_params(), degree=1)._buckets

    assert buckets() == [[5, 4, 3, 2, 1, 0]]                   # 25 MB, torch DDP's default
    ms.set_auto_parallel_context(comm_fusion={"allreduce": {"mode": "size", "config": 1}})
    assert buckets() == [[5, 4, 3], [2], [1], [0]]              # 1 MB: a 600x600 weight is a bucket alone
    ms.set_auto_parallel_context(comm_fusion={"allreduce": {"mode": "index", "config": [2]}})
    assert buckets() == [[5, 4, 3], [2, 1, 0]]                  # the reference's fusion ids: params 0-2 | 3-5
    ms.reset_auto_parallel_context()
    ms.set_auto_parallel_context(all_reduce_fusion_config=[2])
    assert buckets() == [[5, 4, 3], [2, 1, 0]]
    ms.set_auto_parallel_context(comm_fusion={"openstate": False})
    assert buckets() == [[5], [4], [3], [2], [1], [0]]


def test_modes_not_built_are_refused_not_run_as_data_parallel():
    for mode in ("semi_auto_parallel", "auto_parallel", "hybrid_parallel"):
        with pytest.raises(ValueError, match=mode):
            ms.set_auto_parallel_context(parallel_mode=mode)
    with pytest.raises(ValueError, match="pipeline_stages"):
        ms.set_auto_parallel_context(pipeline_stages=2)
    ms.set_auto_parallel_context(pipeline_stages=1, enable_parallel_optimizer=False)   # defaults are accepted
    assert ms.get_auto_parallel_context("parallel_mode") == "stand_alone"


def test_parallel_mode_paths_and_wrappers():
    import lightspore.train.model as model_mod
    _check("parallel_mode_class", lambda: [ms.ParallelMode.STAND_ALONE, ms.ParallelMode.DATA_PARALLEL,
                                           ms.ParallelMode.HYBRID_PARALLEL, ms.ParallelMode.SEMI_AUTO_PARALLEL,
                                           ms.ParallelMode.AUTO_PARALLEL, ms.ParallelMode.MODE_LIST,
                                           ms.context.ParallelMode is ms.ParallelMode,
                                           model_mod.ParallelMode is ms.ParallelMode])
    net = nn.Dense(3, 2)
    _check("dgr_repr", lambda: repr(nn.DistributedGradReducer(net.trainable_params())))
    _check("dgr_bad_degree", lambda: nn.DistributedGradReducer(net.trainable_params(), degree=0))
    _check("dgr_bad_degree_float", lambda: nn.DistributedGradReducer(net.trainable_params(), degree=2.0))
    _check("dgr_call_no_init", lambda: nn.DistributedGradReducer(net.trainable_params(), mean=True)(
        tuple(Tensor(np.ones(p.shape, np.float32)) for p in net.trainable_params())))
    assert nn.wrap.grad_reducer.DistributedGradReducer is nn.DistributedGradReducer
    opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)

    def children():
        step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
        return [type(c).__name__ for _, c in step.name_cells().items()]

    _check("tosc_standalone_children", children)
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True, device_num=2,
                                 global_rank=1, all_reduce_fusion_config=[2, 4])
    _check("tosc_dp_children", children)
    _check("model_dp_device_num_check", lambda: ms.train.Model(net, nn.MSELoss(), opt)._device_number)
    ms.reset_auto_parallel_context()
    _check("pbcast_standalone_model", lambda: (ms.set_auto_parallel_context(parameter_broadcast=True),
                                               ms.train.Model(net, nn.MSELoss(), opt))[0])


# ---- 2 processes ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ranks(tmp_path_factory):
    out = tmp_path_factory.mktemp("comm")
    worker = os.path.join(os.path.dirname(__file__), "_comm_worker.py")
    res = run_job([worker, str(out)], timeout=240, MS_TOPO_TIMEOUT=60)
    for rank, (rc, log) in enumerate(res):
        assert rc == 0, f"rank {rank} failed (rc={rc}):\n{log[-4000:]}"
    return [dict(np.load(out / f"rank{r}.npz")) for r in range(2)]


def xr(r):
    return (np.arange(8, dtype=np.float32).reshape(4, 2) - 3.0) * (r + 1) + r


x0, x1 = xr(0), xr(1)
ZERO1 = np.zeros(1, np.float32)


def _expected(r):
    lin = np.linspace(-1, 1, 8, dtype=np.float32).reshape(4, 2)
    w = [lin * 2, lin * 3]
    w8 = [np.linspace(-1, 1, 16, dtype=np.float32).reshape(8, 2) * k for k in (2, 3)]
    w2 = [np.linspace(-1, 1, 4, dtype=np.float32).reshape(2, 2) * k for k in (2, 3)]
    c = [np.arange(8, dtype=np.float32).reshape(2, 4) + k for k in (0, 1)]
    rows = slice(2 * r, 2 * r + 2)
    mx, prod = np.maximum(x0, x1), x0 * x1
    with np.errstate(divide="ignore", invalid="ignore"):
        g_prod = (w[0] * prod + w[1] * prod) / xr(r)
    e = {
        "allreduce_sum": x0 + x1, "allreduce_max": mx, "allreduce_min": np.minimum(x0, x1), "allreduce_prod": prod,
        "allgather": np.concatenate([x0, x1]), "reducescatter_sum": (x0 + x1)[rows], "reducescatter_max": mx[rows],
        "alltoall": np.concatenate([x0[rows], x1[rows]], axis=1),
        "reduce_to1": x0 + x1 if r == 1 else ZERO1,
        "collective_gather_to0": np.concatenate([x0, x1]) if r == 0 else ZERO1,
        "collective_scatter_from1": x1[rows], "neighbor": xr(1 - r),
        "grad_allreduce_sum": w[0] + w[1], "grad_allreduce_max": (w[0] + w[1]) * (xr(r) == mx),
        "grad_allreduce_prod": g_prod,
        "grad_allgather": (w8[0] + w8[1])[4 * r:4 * r + 4], "grad_reducescatter": np.concatenate(w2),
        "grad_alltoall": np.concatenate([c[0][:, rows], c[1][:, rows]]),
        "cf_all_reduce": x0 + x1, "cf_all_reduce_async_max": mx, "cf_all_reduce_handle_none": np.array(True),
        "cf_all_gather": np.concatenate([x0, x1]), "cf_reduce_scatter": (x0 + x1)[rows], "cf_broadcast_from1": x1,
        "cf_reduce_to0": x0 + x1 if r == 0 else ZERO1,
        "cf_gather_to1": np.concatenate([x0, x1]) if r == 1 else ZERO1,
        "cf_scatter_from0": x0[rows], "cf_batch_recv": xr(1 - r),
        "cf_a2a_single": np.concatenate([x0[rows], x1[rows]]),
        "cf_a2a_list0": x0[:r + 1], "cf_a2a_list1": x1[:r + 1],
        "cf_a2a_v_c": np.array([0, 10, 11], np.float32) if r == 0 else np.array([1, 2, 12], np.float32),
        "group_ranks": np.array([0, 1]), "group_rank_of_world1": np.array(1), "world_rank_of_group0": np.array(0),
        "group_allreduce": x0 + x1, "group_rank": np.array(r), "comm_name_is_str": np.array(True),
        "shared_ckpt_ok": np.array(True), "shared_ckpt_leftovers": np.array(["shared.ckpt"]),
    }
    if r == 0:
        e["send_out"] = x0
    else:
        e.update(received=x0, cf_recv=x0, cf_irecv=2 * x0)
    return e


@pytest.mark.parametrize("rank", [0, 1])
def test_collectives_two_processes(ranks, rank):
    got = ranks[rank]
    for key, want in _expected(rank).items():
        assert key in got, key
        assert got[key].shape == np.shape(want), f"{key}: {got[key].shape} != {np.shape(want)}"
        if got[key].dtype.kind in "US":
            assert (got[key] == want).all(), f"rank {rank}: {key}: {got[key]} != {want}"
        else:
            np.testing.assert_allclose(got[key], want, rtol=1e-6, err_msg=f"rank {rank}: {key}")
    assert got["barrier"].shape == (1,) and got["barrier"].dtype == np.float32


@pytest.mark.parametrize("kind", ["plain", "buckets", "ls", "sens", "shared"])
def test_data_parallel_variants_equal_one_process(ranks, kind):
    single = {k.split("/", 1)[1]: v for k, v in ranks[0].items() if k.startswith(f"single_{kind}/")}
    assert single and "unused.weight" in single
    for r in (0, 1):
        for name, want in single.items():
            np.testing.assert_allclose(ranks[r][f"dp_{kind}/{name}"], want, rtol=1e-5, atol=1e-6,
                                       err_msg=f"rank {r} {kind} {name}")
    # each rank's loss is its half's; with equal halves their mean is the concatenated batch's loss (MSE)
    np.testing.assert_allclose((ranks[0][f"dp_{kind}_losses"] + ranks[1][f"dp_{kind}_losses"]) / 2,
                               ranks[0][f"single_{kind}_losses"], rtol=1e-5)


# ---- faults -----------------------------------------------------------------------------------------------------
def test_init_with_a_missing_peer_times_out_clearly():
    rank = 0   # rank 0 of 2 hosts the rendezvous and waits for rank 1, which never starts
    res = run_job(["-c", "import lightspore.communication as c; c.init()"], ranks=[rank], timeout=90,
                  MS_TOPO_TIMEOUT=3)
    rc, log = res[0]
    assert rc not in (0, None), log
    assert "could not join" in log and "MS_TOPO_TIMEOUT" in log and f"rank {rank} of 2" in log, log[-2000:]


KILLED = """
import os, signal, numpy as np
import lightspore as ms
from lightspore import ops
from lightspore.communication import init, get_rank
init()
x = ms.Tensor(np.ones(4, np.float32))
ops.AllReduce()(x)
if get_rank() == 1:
    os.kill(os.getpid(), signal.SIGKILL)
for _ in range(100):
    ops.AllReduce()(x)
print("survived")
"""


def test_killed_worker_ends_its_peer_with_an_error():
    res = run_job(["-c", KILLED], timeout=90, MS_TOPO_TIMEOUT=20)
    (rc0, log0), (rc1, _) = res
    assert rc1 == -9
    assert rc0 not in (0, None), log0
    assert "survived" not in log0


SHORT = ("import numpy as np, lightspore as ms; from lightspore import ops; "
         "from lightspore.communication import init, get_rank, get_group_size; init(); "
         "print('R', get_rank(), get_group_size(), ops.AllReduce()(ms.Tensor(np.ones(2, np.float32))).asnumpy())")


def test_msrun_environment_and_a_clean_exit_on_every_rank():
    # the reference msrun's variables instead of torchrun's; the job ends right after a collective, so rank 0 (the
    # rendezvous host) may exit first: every rank must still exit 0 (no abort in gloo's teardown)
    port = free_port()
    res = run_job(["-c", SHORT], timeout=120, RANK="", WORLD_SIZE="", MASTER_ADDR="", MASTER_PORT="",
                  MS_WORKER_NUM=2, MS_SCHED_HOST="127.0.0.1", MS_SCHED_PORT=port, MS_ROLE="MS_WORKER",
                  MS_NODE_ID=lambda rank: rank, MS_TOPO_TIMEOUT=60)
    for r, (rc, log) in enumerate(res):
        assert rc == 0, log[-2000:]
        assert f"R {r} 2 [2. 2.]" in log, log[-2000:]

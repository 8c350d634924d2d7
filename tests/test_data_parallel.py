"""Data-parallel training on 2 gloo processes against real MindSpore 2.7.1 run under its own msrun
(tests/golden/gen_distributed.py): the same worker script (tests/golden/gen_distributed_worker.py) runs here under
lightspore through the ``mindspore`` alias, and every rank's results must match the reference's (rtol 1e-4):
collectives, the context under DATA_PARALLEL, DistributedGradReducer, TrainOneStepCell, Model.train over a
sharded dataset with per-rank ModelCheckpoint files, parameter_broadcast (PyNative: none; GRAPH_MODE: rank 0's).
Also: N data-parallel steps equal one process on the concatenated batch (rtol 1e-5); the variants of that check
(buckets, unused parameter, sens, loss scaling) are in tests/test_comm.py, which runs the lightspore-only worker."""
import numpy as np
import pytest
from _dist import run_job
from _golden import GOLDEN

WORKER = str(GOLDEN / "gen_distributed_worker.py")


@pytest.fixture(scope="module")
def ranks(tmp_path_factory):
    out = tmp_path_factory.mktemp("dp")
    # LIGHTSPORE_JIT=0: the one GRAPH_MODE case runs eagerly (compiling it is slow and is not what is tested)
    res = run_job(["-m", "lightspore", WORKER, str(out)], timeout=240, MS_TOPO_TIMEOUT=60, LIGHTSPORE_JIT=0)
    for rank, (rc, log) in enumerate(res):
        assert rc == 0, f"rank {rank} failed (rc={rc}):\n{log[-4000:]}"
    return [dict(np.load(out / f"rank{r}.npz")) for r in range(2)]


@pytest.fixture(scope="module")
def golden():
    with np.load(GOLDEN / "distributed.npz") as z:
        g = {k: z[k] for k in z.files}
    return [{k[3:]: v for k, v in g.items() if k.startswith(f"r{r}/")} for r in range(2)]


def _same(got, want, key, rtol=1e-4):
    assert got.shape == want.shape, f"{key}: shape {got.shape} != {want.shape}"
    if want.dtype.kind in "fc":
        np.testing.assert_allclose(got, want, rtol=rtol, atol=1e-6, err_msg=key)
    else:
        assert (got == want).all(), f"{key}: {got} != {want}"


@pytest.mark.parametrize("rank", [0, 1])
def test_every_rank_matches_reference(ranks, golden, rank):
    got, want = ranks[rank], golden[rank]
    assert sorted(got) == sorted(want)
    for key in sorted(want):
        _same(got[key], want[key], f"rank {rank}: {key}")


@pytest.mark.parametrize("group", ["allreduce_sum", "allgather", "broadcast0", "broadcast1", "tosc/fc1.weight",
                                   "model/fc2.weight", "ckpt/moments.fc1.weight", "pbcast_graph/fc1.weight"])
def test_ranks_agree_where_the_reference_does(ranks, group):
    np.testing.assert_array_equal(ranks[0][group], ranks[1][group])


def test_pynative_parameter_broadcast_leaves_ranks_apart(ranks, golden):
    # the reference broadcasts only when compiling a graph: in PyNative the ranks keep their own initial weights
    assert np.abs(golden[0]["pbcast/fc1.weight"] - golden[1]["pbcast/fc1.weight"]).max() > 0.1
    assert np.abs(ranks[0]["pbcast/fc1.weight"] - ranks[1]["pbcast/fc1.weight"]).max() > 0.1


def test_data_parallel_equals_one_process_on_the_concatenated_batch(ranks, golden):
    for name in ("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"):
        for r in (0, 1):
            np.testing.assert_allclose(ranks[r][f"tosc/{name}"], ranks[0][f"single/{name}"], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(ranks[0][f"single/{name}"], golden[0][f"single/{name}"], rtol=1e-4, atol=1e-6)

"""The model zoo's and mindnlp's remaining calls against tests/golden/gen_zoo.py (real MindSpore 2.7.1): the
strategy-search and parameter-server settings, DatasetHelper, OnRequestExit, ops.primitive._run_op and
CudnnGRU (expected values: the reference's nn.GRU on the same weights; its CPU build has no CudnnGRU kernel)."""
import json
import os
import signal

import numpy as np
import pytest

import lightspore as ms
from lightspore import context
from lightspore.ops.operations._rl_inner_ops import CudnnGRU
from lightspore.ops.primitive import _run_op
from tests._golden import GOLDEN, error_matches, load_cases

G = json.loads((GOLDEN / "zoo.json").read_text())
A = np.load(GOLDEN / "zoo.npz")
Z = load_cases("zoo_cases.py")


def outcome(fn):
    try:
        return ["ok", fn()]
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e).strip().splitlines()[0][:200]]


def same_outcome(got, want, where):
    assert error_matches(got[0], want[0]) or got[0] == want[0], f"{where}: got {got}, reference {want}"
    if want[0] == "ok":
        assert got[1] == want[1], f"{where}: got {got[1]}, reference {want[1]}"


def same_record(got, want):
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g[0] == [list(x) for x in w[0]] or g[0] == w[0]
        if len(w) == 3:
            same_outcome(g[1], w[1], w[0])
            assert g[2] == w[2], f"{w[0]}: state {g[2]}, reference {w[2]}"
        elif isinstance(w[1], list):
            same_outcome(g[1], w[1], w[0])
        else:
            assert g[1] == w[1], f"{w[0]}: {g[1]}, reference {w[1]}"


def _json(x):
    return json.loads(json.dumps(x))


def test_algo_parameters():
    same_record(_json(Z.run_algo(ms, outcome)), G["algo"])


@pytest.fixture
def clean_ps(monkeypatch):
    from lightspore.parallel import _ps_context
    for key in ("MS_ROLE", "MS_WORKER_NUM", "MS_SERVER_NUM", "MS_SCHED_HOST", "MS_SCHED_PORT"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(_ps_context, "_ctx", _ps_context._PSContext())
    yield


def test_ps_context(clean_ps):
    same_record(_json(Z.run_ps(ms, context, outcome)), G["ps"])


def test_ps_context_reads_the_cluster_environment(clean_ps, monkeypatch):
    """Enabling PS mode reads MS_ROLE and the cluster variables, as the reference's PSContext::SetPSEnable."""
    monkeypatch.setenv("MS_ROLE", "MS_WORKER")
    monkeypatch.setenv("MS_WORKER_NUM", "4")
    monkeypatch.setenv("MS_SCHED_HOST", "10.1.2.3")
    monkeypatch.setenv("MS_SCHED_PORT", "8118")
    ms.set_ps_context(enable_ps=True)
    assert [ms.get_ps_context(k) for k in ("ms_role", "worker_num", "server_num", "scheduler_ip",
                                           "scheduler_port", "server_mode")] == \
        ["MS_WORKER", 4, 0, "10.1.2.3", 8118, "PARAMETER_SERVER"]
    from lightspore.parallel._ps_context import _is_role_worker
    assert _is_role_worker()
    ms.reset_ps_context()
    assert ms.get_ps_context("ms_role") == "MS_NOT_PS" and not _is_role_worker()


def test_dataset_helper():
    got = _json(Z.run_dataset_helper(ms, outcome))
    want = G["dataset_helper"]
    assert sorted(got) == sorted(want)
    for key, w in want.items():
        g = got[key]
        if isinstance(w, list) and w and isinstance(w[0], str) and len(w) == 2 and key not in ("two_epochs",):
            same_outcome(g, w, key)
        elif isinstance(w, str):
            assert error_matches(g, w), f"{key}: {g} vs {w}"
        else:
            assert g == w, f"{key}: {g} vs {w}"


def test_on_request_exit(tmp_path):
    got = _json(Z.run_on_request_exit(ms, outcome, str(tmp_path), signal.SIGTERM))
    want = G["exit"]
    for key, w in want["errors"].items():
        same_outcome(got["errors"][key], w, key)
        word = w[1].split("'")[1] if "'" in w[1] else "SIGKILL"
        assert word in got["errors"][key][1]
    for key in ("names", "made", "steps", "exit_flag", "files", "saved_names", "saved_is_final",
                "resumed_from_saved"):
        assert got[key] == want[key], f"{key}: {got[key]} vs {want[key]}"
    assert os.path.isfile(tmp_path / "rank_0" / "Lenet_train.ckpt")


@pytest.mark.parametrize("base", Z.RUN_OP_PRIMS)
def test_run_op_from_a_primitive_subclass(base):
    sub = type(base, (getattr(ms.ops, base),), {"__call__": lambda self, *args: _run_op(self, self.name, args)})
    np.testing.assert_allclose(sub()(*Z.run_op_args(ms, base)).asnumpy(), A[f"run_op_{base}"], rtol=1e-6)


@pytest.mark.parametrize("key", sorted(Z.GRU_CASES))
def test_cudnn_gru_equals_the_reference_gru(key):
    inp, hid, layers, bidir = Z.GRU_CASES[key]
    gru = CudnnGRU(inp, hid, layers, True, bidir, 0.0)
    out, hn, reserve, state = gru(ms.Tensor(A[f"gru_{key}_x"]), ms.Tensor(A[f"gru_{key}_h0"]),
                                  ms.Tensor(A[f"gru_{key}_w"].reshape(-1, 1, 1)))
    np.testing.assert_allclose(out.asnumpy(), A[f"gru_{key}_out"], rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(hn.asnumpy(), A[f"gru_{key}_hn"], rtol=1e-4, atol=1e-6)
    assert reserve.ndim == 2 and state.ndim == 2


@pytest.mark.parametrize("key", sorted(Z.GRU_ERRORS))
def test_cudnn_gru_errors(key):
    got = outcome(lambda: CudnnGRU(*Z.GRU_ERRORS[key]) and None)
    same_outcome(got, G["cudnn_gru_errors"][key], key)


def test_cudnn_gru_bad_inputs():
    gru = CudnnGRU(3, 4, 1, True, False, 0.0)
    x, h = ms.Tensor(A["gru_one_x"]), ms.Tensor(A["gru_one_h0"])
    with pytest.raises(ValueError, match="'w' must have"):
        gru(x, h, ms.Tensor(np.ones((5, 1, 1), np.float32)))
    with pytest.raises(ValueError, match="'h' must have shape"):
        gru(x, ms.Tensor(np.ones((2, 2, 4), np.float32)), ms.Tensor(A["gru_one_w"]))


def test_build_searched_strategy_and_merge_sliced_parameter(tmp_path):
    empty = tmp_path / "empty.ckpt"
    empty.write_bytes(b"")
    arrays = {}
    got = _json(Z.run_merge(ms, outcome, str(GOLDEN / "zoo_strategy.json"), str(GOLDEN / "zoo_strategy.ckpt"),
                            str(empty), arrays))
    want = G["merge"]
    for key in want:
        if key != "errors":
            assert got[key] == want[key], f"{key}: {got[key]} vs {want[key]}"
    for key, w in want["errors"].items():
        same_outcome(got["errors"][key], w, key)
    for key, value in arrays.items():
        np.testing.assert_array_equal(value, A[key], err_msg=key)


def test_load_distributed_checkpoint(tmp_path):
    files = []
    for rank in range(4):
        items = [{"name": name, "data": ms.Tensor(A[f"dist_rank{rank}_{name}"])} for name in Z.DIST]
        files.append(str(tmp_path / f"rank_{rank}.ckpt"))
        ms.save_checkpoint(items, files[-1])
    strategy = tmp_path / "dist_strategy.json"
    strategy.write_text(json.dumps(Z.dist_strategy_json()))
    arrays = {}
    got = _json(Z.run_load_distributed(ms, outcome, files, str(strategy), arrays))
    want = G["load_distributed"]
    for key in ("whole", "predict"):
        same_outcome(got[key], want[key], key)
    for key, w in want["errors"].items():
        same_outcome(got["errors"][key], w, key)
    assert sorted(arrays) == sorted(k for k in A.files if k.startswith("dist_whole") or k.startswith("dist_predict"))
    for key, value in arrays.items():
        np.testing.assert_array_equal(value, A[key], err_msg=key)
    np.testing.assert_array_equal(arrays["dist_whole_a"], Z.dist_full()["a"])

"""mindspore.Profiler / mindspore.profiler.profile on torch.profiler: the schedule's actions and the written folder
(layout, op-table header) against what real MindSpore 2.7.1 writes on CPU (tests/golden/gen_profiler.py); the
trace holds the ops that ran inside the profiled window and not those outside it."""
import csv
import json
import os
import re

import numpy as np
import pytest

import lightspore as ms
from lightspore.profiler import Profiler, ProfilerActivity, profile, schedule, tensorboard_trace_handler

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = json.load(open(os.path.join(HERE, "golden", "profiler.json")))
# the reference's op names (its trace) and the torch ops lightspore runs for them
TORCH_NAME = {"MatMul": "aten::mm", "ReLU": "aten::relu"}


def _trace_names(folder):
    with open(os.path.join(folder, "ASCEND_PROFILER_OUTPUT", "trace_view.json")) as f:
        data = json.load(f)
    return {e.get("name") for e in data["traceEvents"] if e.get("ph") == "X"}


def test_schedule_actions_match_reference():
    got = [[schedule(**kw)(i).name for i in range(16)] for kw in GOLDEN["schedule_cases"]]
    assert got == GOLDEN["schedules"]


def test_analyse_writes_a_trace_of_the_ops_that_ran(tmp_path):
    x = ms.Tensor(np.ones((8, 8), np.float32))
    ms.ops.sigmoid(x)                                    # before the profiler: not in the trace
    prof = Profiler(output_path=str(tmp_path))
    ms.ops.relu(ms.ops.matmul(x, x))
    prof.analyse()
    (run,) = os.listdir(tmp_path)
    assert re.sub(r"\d+", "N", run).endswith("_ascend_ms")
    written = {os.path.relpath(os.path.join(r, n), tmp_path / run) for r, _d, ns in os.walk(tmp_path) for n in ns}
    for f in ("ASCEND_PROFILER_OUTPUT/trace_view.json", "FRAMEWORK/cpu_op_type_info_0.csv"):
        assert "<run>_ascend_ms/" + f in GOLDEN["files"] and f in written
    names = _trace_names(tmp_path / run)
    assert {TORCH_NAME[n] for n in GOLDEN["trace_ops"]} <= names
    assert "aten::sigmoid" not in names
    with open(tmp_path / run / "FRAMEWORK" / "cpu_op_type_info_0.csv") as f:
        rows = list(csv.reader(f))
    assert ",".join(rows[0]) == GOLDEN["op_table_header"]
    counted = {r[0]: int(r[1]) for r in rows[1:]}
    assert counted["aten::mm"] == 1 and counted["aten::relu"] == 1


def test_scheduled_profile_writes_one_trace_per_cycle(tmp_path):
    x = ms.Tensor(np.ones((4, 4), np.float32))
    kw = dict(wait=1, active=2, warmup=1, repeat=2, skip_first=1)
    saves = GOLDEN["schedules"][0].count("RECORD_AND_SAVE")
    with profile(activities=[ProfilerActivity.CPU], schedule=schedule(**kw),
                 on_trace_ready=tensorboard_trace_handler(str(tmp_path), worker_name="w")) as prof:
        for _ in range(12):
            ms.ops.exp(x)
            prof.step()
    runs = sorted(os.listdir(tmp_path))
    assert len(runs) == saves == 2
    for r in runs:
        assert r.startswith("w_") and "aten::exp" in _trace_names(tmp_path / r)


def test_misuse_gives_clear_errors(tmp_path):
    prof = Profiler(output_path=str(tmp_path))
    with pytest.raises(RuntimeError, match="already started"):
        prof.start()
    prof.stop()
    with pytest.raises(RuntimeError, match="has not started"):
        prof.stop()
    idle = Profiler(output_path=str(tmp_path), start_profile=False)
    with pytest.raises(RuntimeError, match="has not started"):
        idle.stop()
    with pytest.raises(RuntimeError, match="nothing has been profiled"):
        idle.analyse()
    with pytest.raises(TypeError, match="unexpected keyword"):
        Profiler(output_dir=str(tmp_path))
    with pytest.raises(TypeError, match="start_profile"):
        Profiler(start_profile=1)
    with Profiler(output_path=str(tmp_path)):
        with pytest.raises(RuntimeError, match="another profiler"):
            Profiler(output_path=str(tmp_path))
    if not ms.hal.is_available("GPU"):
        with pytest.raises(ValueError, match="no CUDA"):
            Profiler(activities=[ProfilerActivity.GPU])


def test_metadata_is_written(tmp_path):
    prof = Profiler(output_path=str(tmp_path))
    prof.add_metadata("model", "lenet")
    prof.add_metadata_json("cfg", '{"bs": 32}')
    ms.ops.relu(ms.Tensor(np.ones((2,), np.float32)))
    prof.analyse(pretty=True)
    (run,) = os.listdir(tmp_path)
    with open(tmp_path / run / "profiler_metadata.json") as f:
        assert json.load(f) == {"model": "lenet", "cfg": {"bs": 32}}


def test_mstx_marks_and_ranges_appear_in_the_trace(tmp_path):
    from lightspore.profiler import mstx
    assert mstx.range_start("idle") == 0                  # no profiler recording: nothing, as the reference
    x = ms.Tensor(np.ones((4, 4), np.float32))
    prof = Profiler(output_path=str(tmp_path))
    mstx.mark("begin")
    rid = mstx.range_start("work")
    ms.ops.tanh(x)
    mstx.range_end(rid)
    prof.analyse()
    (run,) = os.listdir(tmp_path)
    with open(tmp_path / run / "ASCEND_PROFILER_OUTPUT" / "trace_view.json") as f:
        events = {e.get("name"): e for e in json.load(f)["traceEvents"] if e.get("ph") == "X"}
    assert "mstx::default::begin" in events and "mstx::default::work" in events
    work, tanh = events["mstx::default::work"], events["aten::tanh"]
    assert work["ts"] <= tanh["ts"] and tanh["ts"] + tanh["dur"] <= work["ts"] + work["dur"]

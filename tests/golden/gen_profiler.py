"""What real MindSpore's profiler writes and schedules on CPU, for tests/test_profiler.py:

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_profiler.py

Writes tests/golden/profiler.json: the schedule's action per step for several settings, and the layout of the
folder Profiler.analyse() writes (relative paths with the run-specific folder name replaced) with the header of
its op table and the op names in its trace.
"""
import json
import os
import re
import tempfile

import mindspore as ms
import numpy as np
from mindspore.profiler import schedule

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEDULES = [dict(wait=1, active=2, warmup=1, repeat=2, skip_first=1), dict(wait=0, active=1),
             dict(wait=2, active=1, warmup=0, repeat=0), dict(wait=0, active=3, warmup=2, repeat=1, skip_first=3)]

if __name__ == "__main__":
    out = {"schedule_cases": SCHEDULES, "schedules": [[schedule(**kw)(i).name for i in range(16)] for kw in SCHEDULES]}
    d = tempfile.mkdtemp()
    prof = ms.Profiler(output_path=d)
    x = ms.Tensor(np.ones((8, 8), np.float32))
    ms.ops.relu(ms.ops.matmul(x, x))
    prof.analyse()
    files = []
    for root, _dirs, names in os.walk(d):
        for n in names:
            rel = os.path.relpath(os.path.join(root, n), d)
            files.append(re.sub(r"^[^/]+_ascend_ms", "<run>_ascend_ms", rel))
    out["files"] = sorted(files)
    (run,) = os.listdir(d)
    out["run_folder"] = re.sub(r"\d+", "N", run)
    with open(os.path.join(d, run, "FRAMEWORK", "cpu_op_type_info_0.csv")) as f:
        out["op_table_header"] = f.readline().strip()
    with open(os.path.join(d, run, "ASCEND_PROFILER_OUTPUT", "trace_view.json")) as f:
        out["trace_ops"] = sorted({e["name"] for e in json.load(f) if e.get("ph") == "X"})
    with open(os.path.join(HERE, "profiler.json"), "w") as f:
        json.dump(out, f, indent=1)
    print("wrote profiler.json")

"""Golden data for tests/test_jit.py: run with the reference python (MindSpore 2.7.1).

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_jit.py

Records (tests/golden/jit.json):
  * ``jit`` argument checks: for each keyword set, the error type and message (or "ok");
  * ``JitConfig``: the error type and message, or the resulting ``jit_config_dict``; ``Cell.set_jit_config``;
  * values of small jitted functions with data-dependent control flow, Python constants and a jitted
    Cell method, computed by the reference in its graph mode (the inputs are in jit_cases.py).
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import jit_cases as C  # noqa: E402


def outcome(fn):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - recording the reference's error
        return [type(e).__name__, str(e)]
    return ["ok", r]


def main():
    import mindspore as ms

    out = {"jit_args": [], "jit_config": [], "values": {}}
    for kw in C.JIT_ARG_CASES:
        out["jit_args"].append([kw, outcome(lambda kw=kw: (ms.jit(lambda x: x, **kw), None)[1])])
    for kw in C.JIT_CONFIG_CASES:
        out["jit_config"].append([kw, outcome(lambda kw=kw: ms.JitConfig(**kw).jit_config_dict)])
    out["cell_jit_config"] = C.cell_jit_config(ms)
    for mode in (ms.GRAPH_MODE, ms.PYNATIVE_MODE):
        ms.set_context(mode=mode)
        vals = C.run_values(ms)
        out["values"]["graph" if mode == ms.GRAPH_MODE else "pynative"] = {
            k: np.asarray(v).tolist() for k, v in vals.items()}
    with open(os.path.join(HERE, "jit.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()

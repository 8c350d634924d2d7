"""Golden data for tests/test_jit_dynamic.py (``Symbol``, ``enable_dynamic``, unknown-rank input specs), recorded
from the reference in its graph mode. Run with each reference python:

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_jit_dynamic.py          # 2.7.1
    GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python tests/golden/gen_jit_dynamic.py   # 2.10.0

Writes tests/golden/jit_dynamic_<version>.json.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import jit_dynamic_cases as C  # noqa: E402


def main():
    import mindspore as ms

    ms.set_context(mode=ms.GRAPH_MODE)
    out = {"symbols": [[kw, C.outcome(lambda kw=kw: C.symbol_info(ms, kw))] for kw in C.SYMBOL_CASES],
           "symbol_str": str(ms.Symbol(max=8, min=2)), "spec_shapes": C.spec_shapes(ms),
           "enable_dynamic_checks": C.enable_dynamic_checks(ms), "enable_dynamic_values": C.enable_dynamic_values(ms),
           "symbol_inputs_values": C.symbol_inputs_values(ms)}
    with open(os.path.join(HERE, f"jit_dynamic_{ms.__version__}.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()

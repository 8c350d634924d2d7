"""Generate tests/golden/ops_table_defects_<release>.json from real MindSpore: run once with each reference.

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_ops_table_defects.py
    GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python tests/golden/gen_ops_table_defects.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import mindspore as ms  # noqa: E402, I001
import ops_table_defects_cases as C  # noqa: E402

assert ms.__version__ in ("2.7.1", "2.10.0"), ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE)
with open(os.path.join(HERE, f"ops_table_defects_{ms.__version__}.json"), "w") as f:
    json.dump(C.run_all(ms), f, indent=0)
    f.write("\n")

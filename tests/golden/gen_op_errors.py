"""Generate tests/golden/op_errors.json with real MindSpore 2.7.1: type and first message line of each case of
op_errors_cases.py.

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_op_errors.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import op_errors_cases as C  # noqa: E402, I001
import reference_errors as R  # noqa: E402
import mindspore as ms  # noqa: E402

assert ms.__version__ == "2.7.1", ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE, pynative_synchronize=True)

with open(os.path.join(HERE, "op_errors.json"), "w") as f:
    json.dump(R.record_errors(ms, C.cases, C.materialize), f, indent=1)
    f.write("\n")

"""mindspore.experimental.optim / lr_scheduler results of real MindSpore, for tests/test_runtime_experimental.py:

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_experimental_optim.py

Writes tests/golden/experimental_optim.json from the cases of tests/golden/experimental_optim_cases.py.
"""
import json
import os
import sys

import mindspore as ms

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import experimental_optim_cases as cases  # noqa: E402

if __name__ == "__main__":
    res = cases.run_all(ms)
    with open(os.path.join(HERE, "experimental_optim.json"), "w") as f:
        json.dump(res, f)
    print("wrote experimental_optim.json")

"""Golden data of ``mindspore.nn.probability`` from real MindSpore (run with the reference python):

    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref/bin/python /work/main/tests/golden/gen_probability.py

Runs every case of gen_probability_cases.py (distribution methods and properties on fixed parameters and values,
bijector methods, gradients, error types, signatures) and writes probability.json beside this file.
"""
import json
import os
import sys
import warnings

import mindspore as ms

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_probability_cases as cases  # noqa: E402

warnings.filterwarnings("ignore")
ms.set_context(mode=ms.PYNATIVE_MODE)
out = {name: fn(ms) for name, fn in cases.CASES.items()}
with open(os.path.join(HERE, "probability.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
print(f"probability.json: {len(out)} cases, version {ms.__version__}")

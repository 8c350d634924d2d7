"""Golden data for mint.addr_ / conv_tbc / npu_gelu (tests/golden/release_mint_cases.py), from the 2.10 reference:

    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python /work/main/tests/golden/gen_release_mint.py
"""
import json
import os
import sys

import mindspore

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from release_mint_cases import record  # noqa: E402

out = record(mindspore)
path = os.path.join(HERE, f"release_mint_{mindspore.__version__}.json")
with open(path, "w") as f:
    json.dump(out, f, indent=0, sort_keys=True)
print(path, len(out), "cases")

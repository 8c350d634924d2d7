"""Golden data for the meta device (tests/golden/meta_cases.py), recorded from the 2.10 reference:

    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python /work/main/tests/golden/gen_meta.py
"""
import json
import os
import sys

import mindspore

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from meta_cases import CASES  # noqa: E402

out = {name: fn(mindspore) for name, fn in CASES.items()}
path = os.path.join(HERE, "meta_2.10.0.json")
with open(path, "w") as f:
    json.dump(out, f, indent=0, sort_keys=True)
print(path, len(out), "cases")

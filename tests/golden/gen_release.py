"""Golden data for the behaviours MindSpore 2.10 changed (tests/golden/release_cases.py), recorded from both
references; run with each reference python (GLOG_v=3):

    /root/.cache/mindspore-ref/bin/python tests/golden/gen_release.py          # -> release_2.7.1.json
    /root/.cache/mindspore-ref-2.10.0/bin/python tests/golden/gen_release.py   # -> release_2.10.0.json
"""
import importlib.util
import json
import os

import mindspore

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("release_cases", os.path.join(HERE, "release_cases.py"))
cases = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cases)

out = {"release": mindspore.__version__, "cases": cases.run(mindspore)}
path = os.path.join(HERE, f"release_{mindspore.__version__}.json")
with open(path, "w") as f:
    json.dump(out, f, indent=0, sort_keys=True)
print(path, len(out["cases"]), "cases")

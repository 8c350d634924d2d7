"""Golden data for what MindSpore 2.10 added to existing names (tests/golden/release_additions_cases.py): run with
the 2.10 reference (GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python tests/golden/gen_release_additions.py)."""
import importlib.util
import json
import os

import mindspore

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("cases", os.path.join(HERE, "release_additions_cases.py"))
cases = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cases)

if __name__ == "__main__":
    out = {"release": mindspore.__version__, "cases": cases.run(mindspore)}
    with open(os.path.join(HERE, f"release_additions_{mindspore.__version__}.json"), "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
    print(len(out["cases"]), "cases")

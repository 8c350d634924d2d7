"""Golden data for mindspore.dataset.dataloader (added in MindSpore 2.8): run with the 2.10 reference python
(GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python tests/golden/gen_dataloader.py) -> dataloader.json."""
import importlib.util
import json
import os

import mindspore
import mindspore.dataset.dataloader  # noqa: F401

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("dataloader_cases", os.path.join(HERE, "dataloader_cases.py"))
cases = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cases)

if __name__ == "__main__":
    out = {"release": mindspore.__version__, "cases": cases.run(mindspore)}
    with open(os.path.join(HERE, "dataloader.json"), "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
    print(len(out["cases"]), "cases")

"""Golden data for Cell.register_saved_tensors_hooks (MindSpore 2.10): gradients and the pack/unpack calls of
tests/golden/cell_v210_cases.py under the 2.10 reference, and the method's signature. Run:
GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python tests/golden/gen_cell_v210.py"""
import importlib.util
import inspect
import json
import os

import mindspore as ms

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("cases", os.path.join(HERE, "cell_v210_cases.py"))
C = importlib.util.module_from_spec(spec)
spec.loader.exec_module(C)

if __name__ == "__main__":
    out = {"release": ms.__version__,
           "signature": str(inspect.signature(ms.nn.Cell.register_saved_tensors_hooks)),
           "cases": {k: dict(zip(("grads", "log", "forward", "forward_log"), C.run(ms, c)))
                     for k, c in C.CASES.items()}}
    with open(os.path.join(HERE, "cell_v210.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
    print(json.dumps(out)[:3000])

"""What real MindSpore's export answers on CPU, for tests/test_export.py (run with the reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_export.py

Writes tests/golden/export.json: the error type and first message line for each rejected call.
"""
import json
import os
import tempfile

import mindspore as ms
import numpy as np
from mindspore import nn

HERE = os.path.dirname(os.path.abspath(__file__))
CALLS = {"AIR": dict(file_name="m", file_format="AIR"), "onnx": dict(file_name="m", file_format="onnx"),
         "TXT": dict(file_name="m", file_format="TXT"), "name_int": dict(file_name=3, file_format="ONNX")}

if __name__ == "__main__":
    os.chdir(tempfile.mkdtemp())
    net = nn.SequentialCell([nn.Dense(4, 3), nn.ReLU()])
    x = ms.Tensor(np.ones((2, 4), np.float32))
    out = {}
    for key, kw in CALLS.items():
        try:
            ms.export(net, x, **kw)
            out[key] = None
        except Exception as e:    # noqa: BLE001 - the error is the answer
            out[key] = {"error": type(e).__name__, "message": str(e).strip().splitlines()[0]}
    out["calls"] = CALLS
    with open(os.path.join(HERE, "export.json"), "w") as f:
        json.dump(out, f, indent=1)
    print("wrote export.json")

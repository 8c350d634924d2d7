"""Golden data: slicing with negative steps (t[::-1], t[:, 4:0:-2], t[..., ::-3], with ints/None/Ellipsis around).

Run with the reference python (MindSpore 2.7.1), from the repository root:
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_negative_slices.py
Writes tests/golden/negative_slices.json: for each index expression, the result's shape, dtype and values.
"""
import json
import os

import mindspore as ms
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
# each entry is the text inside t[...]
# Left out, reference bugs (lightspore gives numpy's answer): "5:-100:-2" (a start past the end) returns
# uninitialised memory, and "::-1, None, 1:" ignores the negative step.
INDEXES = ["::-1", "::-2", "1::-1", ":, ::-1", ":, 4:0:-2", "..., ::-3", "0, ::-1", "None, ::-1, 2",
           "::-1, ::-1, ::-1", "-1:-4:-1", "-2::-2", "1, ..., ::-2", ":0:-1"]


def main():
    base = np.arange(4 * 5 * 6, dtype=np.float32).reshape(4, 5, 6)
    scope = {"t": ms.Tensor(base)}
    cases = []
    for text in INDEXES:
        r = eval(f"t[{text}]", scope)  # noqa: S307
        cases.append({"index": text, "shape": list(r.shape), "dtype": str(r.dtype),
                      "values": r.asnumpy().ravel().tolist()})
    with open(os.path.join(HERE, "negative_slices.json"), "w") as f:
        json.dump({"reference": ms.__version__, "cases": cases}, f)


if __name__ == "__main__":
    main()

"""Generate tests/golden/promotion.json with real MindSpore 2.7.1: the result dtype (or the error type) of
every binary arithmetic/comparison op in every form over every dtype/operand pair (see promotion_cases.py).

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_promotion.py [--extra-only]

``--extra-only`` re-records only the ``extra`` section (promotion_cases.EXTRA: one form each) and keeps the rest.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import promotion_cases as C  # noqa: E402, I001
import mindspore as ms  # noqa: E402
from mindspore import mint, ops  # noqa: E402

assert ms.__version__ == "2.7.1", ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE)
# run each op synchronously: otherwise an op's error surfaces in a later call and lands in the wrong cell
ms.set_context(pynative_synchronize=True)


def main():
    cache = {}

    def operand(o):
        if o not in cache:
            cache[o] = C.make(o[0], o[1], ms.Tensor, ms)
        return cache[o]

    cells = C.cells()
    path = os.path.join(HERE, "promotion.json")
    if "--extra-only" in sys.argv:
        with open(path) as f:
            out = json.load(f)
    else:
        out = {"cells": len(cells), "results": {}}
    out["extra"] = {}
    for op in C.EXTRA:
        codes = "".join(C.outcome("extra", op, operand(a), operand(b), ops, mint) for a, b in cells)
        out["extra"][op] = codes
        print(op, codes.count("T"), "TypeErrors", flush=True)
    for op in C.OPS if "--extra-only" not in sys.argv else ():
        out["results"][op] = {}
        for form in C.FORMS:
            codes = "".join(C.outcome(form, op, operand(a), operand(b), ops, mint) for a, b in cells)
            out["results"][op][form] = codes
            print(op, form, codes.count("T"), "TypeErrors", flush=True)
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

"""Generate tests/golden/prim_attrs.json with real MindSpore 2.7.1: ``Primitive.attrs`` of every primitive class of
``mindspore.ops`` that can be built with no arguments or with the arguments of prim_attrs_cases.ARGS.

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_prim_attrs.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import prim_attrs_cases as C  # noqa: E402, I001
import mindspore as ms  # noqa: E402
from mindspore import ops  # noqa: E402
from mindspore.ops.primitive import Primitive  # noqa: E402

assert ms.__version__ == "2.7.1", ms.__version__


def main():
    out = {}
    for name in sorted(dir(ops)):
        cls = getattr(ops, name)
        if not (isinstance(cls, type) and issubclass(cls, Primitive)) or name.startswith("_"):
            continue
        try:
            p = cls(*C.ARGS.get(name, ()))
        except Exception:  # noqa: BLE001  (needs arguments we do not sample)
            continue
        try:
            out[name] = C.record(p)
        except Exception:  # noqa: BLE001
            continue
    with open(os.path.join(HERE, "prim_attrs.json"), "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
        f.write("\n")
    print(len(out), "primitives")


if __name__ == "__main__":
    main()

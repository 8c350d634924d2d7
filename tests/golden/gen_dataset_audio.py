"""Golden data for lightspore.dataset.audio.

Run with the reference python (MindSpore 2.7.1), from the repository root:
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_dataset_audio.py
Writes tests/golden/dataset_audio.npz (each case's output arrays, ``<name>__<k>``) and dataset_audio.json (each
case's dtypes and shapes, or its error).
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import mindspore as ms  # noqa: E402
import mindspore.dataset.audio as audio  # noqa: E402
import mindspore.dataset.audio.utils as U  # noqa: E402
from dataset_audio_cases import CASES, fill_enums, inputs  # noqa: E402


def flatten(value):
    if isinstance(value, (tuple, list)):
        return [a for v in value for a in flatten(v)]
    return [np.asarray(value)]


def main():
    meta, arrays = {}, {}
    for name, expr, _ in CASES:
        env = {"audio": audio, "U": U, "np": np}
        env.update({k: v.copy() for k, v in inputs().items()})
        fill_enums(env, U)
        try:
            outs = flatten(eval(expr, env))
        except Exception as e:  # noqa: BLE001 - the error is the golden value
            msg = str(e)
            i = msg.find("[ERROR] ")
            meta[name] = {"error": type(e).__name__, "msg": (msg[i + 8:] if i >= 0 else msg).split("\n")[0]}
            continue
        meta[name] = {"dtypes": [str(a.dtype) for a in outs], "shapes": [list(a.shape) for a in outs]}
        for k, a in enumerate(outs):
            arrays[f"{name}__{k}"] = a
    np.savez_compressed(os.path.join(HERE, "dataset_audio.npz"), **arrays)
    with open(os.path.join(HERE, "dataset_audio.json"), "w", encoding="utf-8") as f:
        json.dump({"mindspore": ms.__version__, "cases": meta}, f, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

"""Golden data for lightspore.dataset.audio.

Run with the reference python (MindSpore 2.7.1), from the repository root:
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_dataset_audio.py
Writes tests/golden/dataset_audio.npz (each case's output arrays, ``<name>__<k>``) and dataset_audio.json (each
case's dtypes and shapes, or its error) for the cases of dataset_audio_cases.py, and dataset_audio_more.{npz,json}
for those of dataset_audio_more_cases.py.
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dataset_audio_cases  # noqa: E402
import dataset_audio_more_cases  # noqa: E402
import mindspore as ms  # noqa: E402
import mindspore.dataset as ds  # noqa: E402
import mindspore.dataset.audio as audio  # noqa: E402
import mindspore.dataset.audio.utils as U  # noqa: E402


def flatten(value):
    if isinstance(value, (tuple, list)):
        return [a for v in value for a in flatten(v)]
    return [np.asarray(value)]


def seeded(seed, fn):
    ds.config.set_seed(seed)
    return fn()


def run(stem, module):
    meta, arrays = {}, {}
    for name, expr, _ in module.CASES:
        env = {"audio": audio, "U": U, "np": np, "seeded": seeded}
        env.update({k: v.copy() for k, v in module.inputs().items()})
        if hasattr(module, "fill_enums"):
            module.fill_enums(env, U)
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
    np.savez_compressed(os.path.join(HERE, f"{stem}.npz"), **arrays)
    with open(os.path.join(HERE, f"{stem}.json"), "w", encoding="utf-8") as f:
        json.dump({"mindspore": ms.__version__, "cases": meta}, f, indent=0, sort_keys=True)
        f.write("\n")


def main():
    run("dataset_audio", dataset_audio_cases)
    run("dataset_audio_more", dataset_audio_more_cases)


if __name__ == "__main__":
    main()

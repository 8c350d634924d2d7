"""Golden data for the dataset loaders (COCO, VOC, CLUE, Manifest, the text/audio corpora, ...).

Run with the reference python (MindSpore 2.7.1), from any folder:
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_dataset_loaders.py
Builds the small dataset trees of dataset_loaders_cases.make_files in a temporary folder, reads them with
the reference and writes tests/golden/dataset_loaders.json: every case's value or error, and the signature of
every loader.
"""
import inspect
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import mindspore as ms  # noqa: E402
import mindspore.dataset as ds  # noqa: E402
from dataset_loaders_cases import CASES, NAMES, SLOW_START, encode, encode_error, make_files, scope  # noqa: E402


def _child_cases(names):
    """Run ``names`` in a child process with GLOG_v=1 (see dataset_loaders_cases.SLOW_START)."""
    import subprocess
    res = subprocess.run([sys.executable, os.path.abspath(__file__), *names], capture_output=True, text=True,
                         timeout=300, env=dict(os.environ, GLOG_v="1"))
    return json.loads(res.stdout.strip().splitlines()[-1])


def main():
    ds.config.set_num_parallel_workers(1)
    only = set(sys.argv[1:])
    out = {}
    with tempfile.TemporaryDirectory() as root:
        make_files(root)
        env = scope(ds, ms, root)
        for name, expr in CASES:
            if (only and name not in only) or (not only and name in SLOW_START):
                continue
            try:
                out[name] = encode(eval(expr, dict(env)))
            except Exception as e:  # noqa: BLE001 - the error is the golden value
                out[name] = encode_error(e)
                out[name]["msg"] = out[name]["msg"].replace(root, "ROOT")
    if only:
        print(json.dumps(out))
        return
    out.update(_child_cases(SLOW_START))
    sigs = {n: str(inspect.signature(getattr(ds, n))) for n in NAMES}
    with open(os.path.join(HERE, "dataset_loaders.json"), "w", encoding="utf-8") as f:
        json.dump({"mindspore": ms.__version__, "cases": out, "signatures": sigs}, f, indent=0,
                  ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

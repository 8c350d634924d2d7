"""Golden data for lightspore.dataset.text and the text dataset readers.

Run with the reference python (MindSpore 2.7.1), from the repository root:
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_dataset_text.py
Writes tests/golden/dataset_text.json: for each case of dataset_text_cases.CASES, its value or error, and
tests/golden/dataset_text_more.json for the cases of dataset_text_more_cases.py.
"""
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dataset_text_more_cases as more  # noqa: E402
import mindspore as ms  # noqa: E402
import mindspore.dataset as ds  # noqa: E402
import mindspore.dataset.text as text  # noqa: E402
from dataset_text_cases import CASES, encode, encode_error, make_files, scope  # noqa: E402

SIGNATURE_MODULES = ["dataset.text", "dataset.text.transforms", "dataset.text.utils", "dataset.audio",
                     "dataset.audio.transforms", "dataset.audio.utils", "mindrecord", "dataset.core.datatypes",
                     "dataset.transforms.transforms", "dataset.engine"]


def signatures():
    """The signature of every public class (its __init__) and function of the modules lightspore mirrors here."""
    import importlib
    import inspect
    out = {}
    for m in SIGNATURE_MODULES:
        mod = importlib.import_module("mindspore." + m)
        for n in dir(mod):
            obj = getattr(mod, n)
            if n.startswith("_") or not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            try:
                sig = inspect.signature(obj.__init__ if inspect.isclass(obj) else obj)
            except (TypeError, ValueError):
                continue
            out[f"{m}.{n}"] = str(sig)
    return out


def run(cases, make, make_scope):
    out = {}
    with tempfile.TemporaryDirectory() as root:
        make(root)
        env = make_scope(text, ds, ms, root)
        for name, expr in cases:
            try:
                out[name] = encode(eval(expr, dict(env)))
            except Exception as e:  # noqa: BLE001 - the error is the golden value
                out[name] = encode_error(e)
                out[name]["msg"] = out[name]["msg"].replace(root, "ROOT")
    return out


def main():
    with open(os.path.join(HERE, "dataset_text.json"), "w", encoding="utf-8") as f:
        json.dump({"mindspore": ms.__version__, "cases": run(CASES, make_files, scope), "signatures": signatures()},
                  f, indent=0, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    with open(os.path.join(HERE, "dataset_text_more.json"), "w", encoding="utf-8") as f:
        json.dump({"mindspore": ms.__version__, "cases": run(more.CASES, more.make_files, more.scope)}, f, indent=0,
                  ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

"""Run a case table (``CASES``: name -> function of the framework module) on the installed reference and write
its results as ``<stem>_<release>.json`` beside this file; the generators gen_meta.py, gen_cell_members.py and
gen_runtime_210.py are one call each."""
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def err(fn, *args):
    """``fn(*args)``, or {"error": the type name of what it raised} (the reference's type is the data)."""
    try:
        return fn(*args)
    except Exception as e:  # noqa: BLE001
        return {"error": type(e).__name__}


def record(cases_module, stem):
    import mindspore
    sys.path.insert(0, HERE)
    cases = importlib.import_module(cases_module).CASES
    out = {name: fn(mindspore) for name, fn in cases.items()}
    path = os.path.join(HERE, f"{stem}_{mindspore.__version__}.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
    print(path, len(out), "cases")

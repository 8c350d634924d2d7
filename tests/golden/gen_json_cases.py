"""Golden data of the JSON case tables, from real MindSpore (run with the reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_json_cases.py [composite msnumpy cell_state]

For each table ``<name>_cases.py`` (``CASES``: name -> function of the framework module) writes
``<name>.json`` with every case's result on MindSpore; tests/_golden.json_case_suite compares lightspore's.
"""
import importlib
import json
import os
import sys
import warnings

import mindspore as ms

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
TABLES = ("composite", "msnumpy", "cell_state", "defects")

warnings.filterwarnings("ignore")
ms.set_context(mode=ms.PYNATIVE_MODE)
for table in sys.argv[1:] or TABLES:
    cases = importlib.import_module(f"{table}_cases").CASES
    out = {name: fn(ms) for name, fn in cases.items()}
    with open(os.path.join(HERE, f"{table}.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
    print(f"{table}.json: {len(out)} cases")

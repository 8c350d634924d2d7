"""Coverage of the reference's public surface (../shared/api/mindspore-api.json) by lightspore.

For each namespace: how many reference names exist in lightspore, and how many have a signature equal
to the reference's (``inspect.signature``; for classes, of ``__init__`` without ``self``).

    python tools/api_coverage.py [--api PATH] [--namespace mindspore.nn] [--list-missing] [--mismatches]
    python tools/api_coverage.py --modules [--list-missing]   (the module tree: tools/module_coverage.py)
"""
import argparse
import importlib
import inspect
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_API = os.environ.get("LIGHTSPORE_API_JSON") or os.path.join(HERE, "..", "..", "shared", "api",
                                                                     "mindspore-api.json")
try:                       # a fresh clone, not pip-installed: import the package from src/
    import lightspore  # noqa: F401
except ImportError:
    sys.path.insert(0, os.path.join(HERE, "..", "src"))

NAMESPACES = {
    "mindspore": "lightspore",
    "mindspore.common.dtype": "lightspore.common.dtype",
    "mindspore.common.initializer": "lightspore.common.initializer",
    "mindspore.ops": "lightspore.ops",
    "mindspore.nn": "lightspore.nn",
    "mindspore.Tensor": ("lightspore", "Tensor"),
    "mindspore.nn.Cell": ("lightspore.nn", "Cell"),
    "mindspore.train": "lightspore.train",
    "mindspore.amp": "lightspore.amp",
    "mindspore.dataset": "lightspore.dataset",
    "mindspore.dataset.transforms": "lightspore.dataset.transforms",
    "mindspore.dataset.vision": "lightspore.dataset.vision",
    "mindspore.communication": "lightspore.communication",
    "mindspore.mint": "lightspore.mint",
    "mindspore.mint.nn": "lightspore.mint.nn",
    "mindspore.mint.nn.functional": "lightspore.mint.nn.functional",
    "mindspore.mint.optim": "lightspore.mint.optim",
}


def _signature(obj, drop_first=False):
    try:
        if drop_first and callable(obj) and not inspect.isclass(obj):
            sig = inspect.signature(obj)
            params = list(sig.parameters.values())
            if params and params[0].kind in (params[0].POSITIONAL_ONLY, params[0].POSITIONAL_OR_KEYWORD):
                params = params[1:]
            return str(sig.replace(parameters=params)).replace("lightspore", "mindspore")
        if inspect.isclass(obj):
            sig = inspect.signature(obj.__init__)
            params = list(sig.parameters.values())[1:]
            return str(sig.replace(parameters=params)).replace("lightspore", "mindspore")
        return str(inspect.signature(obj)).replace("lightspore", "mindspore")
    except (TypeError, ValueError):
        return None


def _normalise(sig):
    # "(/, *args, **kwargs)": object.__init__ less self, as the reference's tool printed it (no own __init__)
    if not sig:
        return sig
    # a function default prints its address ("<function <lambda> at 0x7f...>", nn.thor's decay_filter)
    sig = re.sub(r" at 0x[0-9a-f]+>", ">", sig)
    return sig.replace("(self, ", "(").replace("(self)", "()").replace("(/, ", "(")


GOLDEN = os.path.join(HERE, "..", "tests", "golden")


# how the generators spell a public name -> its namespace in the API json
_SPELLINGS = [
    (r"\bnn\.([A-Z]\w*)", "mindspore.nn"), (r"\bops\.([A-Za-z]\w*)", "mindspore.ops"),
    (r"\b(?:ms|mindspore)\.([A-Za-z]\w*)", "mindspore"), (r"\btrain\.([A-Za-z]\w*)", "mindspore.train"),
    (r"\bamp\.([A-Za-z]\w*)", "mindspore.amp"), (r"\b(?:ds|dataset)\.([A-Za-z]\w*)", "mindspore.dataset"),
    (r"\bvision\.([A-Za-z]\w*)", "mindspore.dataset.vision"),
    (r"\btransforms\.([A-Za-z]\w*)", "mindspore.dataset.transforms"),
    (r"\bI\.([A-Z]\w*)", "mindspore.common.initializer"), (r"\bmstype\.([a-z]\w*)", "mindspore.common.dtype"),
    (r"\bV\.([A-Z]\w*)", "mindspore.dataset.vision"), (r"\bT\.([A-Z]\w*)", "mindspore.dataset.transforms"),
]
# layer case tables name their classes as strings ("BiDense", "LSTM")
_LAYER_TABLES = (r"[\"']([A-Z][A-Za-z0-9]+)[\"']", "mindspore.nn", ("layers_", "rnn_"))
# the Cell case tables call its methods on nets they build (net.cells_and_names(), n.state_dict())
_CELL_TABLES = (r"\.([a-z_][a-z0-9_]*)\(", "mindspore.nn.Cell", ("core_", "cell_", "gen_core", "gen_cell"))


def golden_tested():
    """(namespace, name) pairs that the committed golden generators run on real MindSpore.

    Two sources, united: ``golden_tested_names()`` of a tests/golden/*_cases.py module that defines it (the op
    tables list exactly what they ran), and the public names spelled in the source of every generator and
    case module (``nn.Conv2d(``, ``ops.add``, ``ms.Tensor``...). A name counts only if lightspore also has it.
    """
    import glob
    import importlib.util
    import re
    tested = set()
    files = sorted(glob.glob(os.path.join(GOLDEN, "gen_*.py")) + glob.glob(os.path.join(GOLDEN, "*_cases.py")))
    sys.path.insert(0, GOLDEN)
    try:
        for path in files:
            with open(path) as f:
                src = f.read()
            for pattern, ns in _SPELLINGS:
                tested |= {(ns, m) for m in re.findall(pattern, src)}
            for pattern, ns, prefixes in (_LAYER_TABLES, _CELL_TABLES):
                if os.path.basename(path).startswith(prefixes):
                    tested |= {(ns, m) for m in re.findall(pattern, src)}
            if "def golden_tested_names" not in src:
                continue
            name = "_golden_" + os.path.basename(path)[:-3]
            spec = importlib.util.spec_from_file_location(name, path)
            mod = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(mod)
                tested |= set(mod.golden_tested_names())
            except Exception as e:   # noqa: BLE001 - a broken case module must not hide the others
                print(f"warning: {os.path.basename(path)}: {type(e).__name__}: {e}", file=sys.stderr)
    finally:
        sys.path.remove(GOLDEN)
    return tested


def coverage(api_path=DEFAULT_API):
    with open(api_path) as f:
        api = json.load(f)["namespaces"]
    rows = {}
    for ns, target in NAMESPACES.items():
        names = api.get(ns, {})
        try:
            if isinstance(target, tuple):
                holder = getattr(importlib.import_module(target[0]), target[1])
            else:
                holder = importlib.import_module(target)
        except ImportError:
            holder = None
        present, equal, missing, mismatch = [], [], [], []
        for name, info in sorted(names.items()):
            obj = getattr(holder, name, None) if holder is not None else None
            if obj is None:
                missing.append(name)
                continue
            present.append(name)
            ref = info.get("signature")
            if ref is None:
                equal.append(name)          # the reference publishes no signature (values, overloads)
                continue
            static = isinstance(inspect.getattr_static(holder, name, None), (staticmethod, classmethod))
            ours = _signature(obj, drop_first=isinstance(target, tuple) and not static)
            if ours == ref or _normalise(ours) == _normalise(ref):
                equal.append(name)
            else:
                mismatch.append((name, ref, ours))
        rows[ns] = {"total": len(names), "present": present, "equal": equal, "missing": missing,
                    "mismatch": mismatch}
    tested = golden_tested()
    for ns, r in rows.items():
        r["tested"] = [n for n in r["present"] if (ns, n) in tested]
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--api", default=DEFAULT_API,
                   help="the manifest's path, or a release: 2.7.1 or 2.10 (../shared/api/mindspore-api[-2.10].json, "
                        "checked under that release of lightspore._release)")
    p.add_argument("--namespace")
    p.add_argument("--list-missing", action="store_true")
    p.add_argument("--mismatches", action="store_true")
    p.add_argument("--nn-classes", action="store_true",
                   help="one line per mindspore.nn class: present or absent, __init__ signature equal or not")
    p.add_argument("--modules", action="store_true",
                   help="the reference's module tree: modules present / reference modules, names resolved per "
                        "module (tools/module_coverage.py; with --list-missing, the missing names)")
    args = p.parse_args()
    release = {"2.7": "2.7.1", "2.7.1": "2.7.1", "2.10": "2.10.0", "2.10.0": "2.10.0"}.get(args.api)
    if release:
        args.api = os.path.join(os.path.dirname(DEFAULT_API),
                                "mindspore-api.json" if release == "2.7.1" else "mindspore-api-2.10.json")
    else:       # a manifest's path: 2.10's by its name, else 2.7.1's (signatures are compared per release)
        release = "2.10.0" if "2.10" in os.path.basename(args.api) else "2.7.1"
    import lightspore
    lightspore.set_release(release)
    if args.modules:
        sys.path.insert(0, HERE)
        import module_coverage

        return module_coverage.main(["--list-missing"] if args.list_missing else [])
    if not os.path.exists(args.api):
        print(f"api_coverage: the reference's API listing is not at {os.path.abspath(args.api)}.\n"
              "It is a JSON file of every public name of MindSpore 2.7.1 with its kind and signature "
              "({'namespaces': {namespace: {name: {'kind', 'signature', 'summary'}}}}), kept beside the checkout "
              "as ../shared/api/mindspore-api.json, not in the repository. Pass its path with --api PATH or set "
              "LIGHTSPORE_API_JSON.", file=sys.stderr)
        return 2
    rows = coverage(args.api)
    if args.nn_classes:
        return _nn_classes(args.api, rows["mindspore.nn"])
    print(f"{'namespace':32s}{'reference':>10s}{'present':>9s}{'sig equal':>11s}{'golden-tested':>15s}")
    for ns, r in rows.items():
        if args.namespace and ns != args.namespace:
            continue
        print(f"{ns:32s}{r['total']:10d}{len(r['present']):9d}{len(r['equal']):11d}{len(r['tested']):15d}")
        if args.mismatches:
            for name, ref, ours in r["mismatch"]:
                print(f"    {name}: reference {ref}  lightspore {ours}")
        if args.list_missing:
            print("    missing: " + ", ".join(r["missing"]))
    return 0


def _nn_classes(api_path, row):
    with open(api_path) as f:
        api = json.load(f)["namespaces"]["mindspore.nn"]
    classes = sorted(n for n, info in api.items() if info.get("kind") == "class")
    present, equal, tested = set(row["present"]), set(row["equal"]), set(row["tested"])
    n_present = sum(c in present for c in classes)
    n_equal = sum(c in equal for c in classes)
    print(f"mindspore.nn classes: {len(classes)}; present {n_present}; __init__ signature equal {n_equal}; "
          f"golden-tested {sum(c in tested for c in classes)}")
    for c in classes:
        state = "absent" if c not in present else ("signature equal" if c in equal else "SIGNATURE DIFFERS")
        print(f"  {c:40s} {state}{'  golden-tested' if c in tested else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

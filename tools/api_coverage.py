"""Coverage of the reference's public surface (../shared/api/mindspore-api.json) by lightspore.

For each namespace: how many reference names exist in lightspore, and how many have a signature equal
to the reference's (``inspect.signature``; for classes, of ``__init__`` without ``self``).

    python tools/api_coverage.py [--api PATH] [--namespace mindspore.nn] [--list-missing] [--mismatches]
"""
import argparse
import importlib
import inspect
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_API = os.path.join(HERE, "..", "..", "shared", "api", "mindspore-api.json")

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
    return sig.replace("(self, ", "(").replace("(self)", "()") if sig else sig


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
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--api", default=DEFAULT_API)
    p.add_argument("--namespace")
    p.add_argument("--list-missing", action="store_true")
    p.add_argument("--mismatches", action="store_true")
    args = p.parse_args()
    rows = coverage(args.api)
    print(f"{'namespace':32s}{'reference':>10s}{'present':>9s}{'sig equal':>11s}")
    for ns, r in rows.items():
        if args.namespace and ns != args.namespace:
            continue
        print(f"{ns:32s}{r['total']:10d}{len(r['present']):9d}{len(r['equal']):11d}")
        if args.mismatches:
            for name, ref, ours in r["mismatch"]:
                print(f"    {name}: reference {ref}  lightspore {ours}")
        if args.list_missing:
            print("    missing: " + ", ".join(r["missing"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

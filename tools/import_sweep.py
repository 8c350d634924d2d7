"""Which MindSpore paths public model code uses that the reference has and lightspore lacks.

    python tools/import_sweep.py CHECKOUT [CHECKOUT ...] [--top 40] [--import] [--json OUT]

For every .py file under the checkouts that imports mindspore, collects statically (ast) the
``mindspore`` paths it references: ``import mindspore.x.y``, ``from mindspore.x import y``, and
attribute chains off names bound by those imports (``ms.nn.Dense``, ``nn.Conv2d``, ``P.ReLU``,
``ops.operations.nn_ops.X``). A path counts when the reference has it: its longest prefix found in the
reference's module tree (tests/golden/module_tree.json: modules and the names each exports) or in the
documented API (../shared/api/mindspore-api.json). It is *missing* when that prefix does not resolve in
lightspore through the ``mindspore`` alias (import the module part, then getattr the rest).

Prints the number of MindSpore-using files, the share that reference at least one missing path,
per checkout, and the most-used missing paths (by number of files).

``--import``: also imports every module of the model libraries' packages (mindcv, mindyolo, mindocr,
mindaudio, mindnlp: a directory named like the checkout inside it) through the alias, one child
process per library, and counts modules that import / fail on a mindspore path / fail on something
else (a third-party package this venv lacks, their own bugs).

The checkouts are fetched public repositories (never committed here); for mindspore-ai/models pass
its ``official`` folder.
"""
import argparse
import ast
import collections
import importlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TREE = os.path.join(HERE, "..", "tests", "golden", "module_tree.json")
API = os.path.join(HERE, "..", "..", "shared", "api", "mindspore-api.json")


# ----------------------------------------------------------------------------- the reference's paths
def reference_paths(tree_path=TREE, api_path=API):
    """Every dotted path the reference has: its modules, the names they export, the API json's names."""
    paths = set()
    with open(tree_path) as f:
        tree = json.load(f)
    for mod, entry in tree["modules"].items():
        parts = mod.split(".")
        for i in range(1, len(parts) + 1):
            paths.add(".".join(parts[:i]))
        for n in {**entry["names"], **entry.get("extra", {})}:
            paths.add(f"{mod}.{n}")
    if os.path.exists(api_path):
        with open(api_path) as f:
            api = json.load(f)
        for ns, names in api["namespaces"].items():
            ns = ns.split(" ")[0]  # "mindspore.Parameter (beyond Tensor)"
            paths.add(ns)
            for n in names:
                paths.add(f"{ns}.{n}")
    return paths


def longest_known_prefix(path, known):
    parts = path.split(".")
    for i in range(len(parts), 0, -1):
        p = ".".join(parts[:i])
        if p in known:
            return p
    return None


# ----------------------------------------------------------------------------- static collection
def _chain(node):
    """a.b.c -> ["a", "b", "c"] for a pure Name/Attribute chain, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return parts[::-1]
    return None


def file_paths(source):
    """(uses_mindspore, set of referenced mindspore paths) for one file's source text."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False, set()
    aliases, paths, uses = {}, set(), False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "mindspore" or a.name.startswith("mindspore."):
                    uses = True
                    paths.add(a.name)
                    if a.asname:
                        aliases[a.asname] = a.name
                    else:
                        aliases["mindspore"] = "mindspore"
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and (
                node.module == "mindspore" or node.module.startswith("mindspore.")):
            uses = True
            paths.add(node.module)
            for a in node.names:
                if a.name == "*":
                    continue
                full = f"{node.module}.{a.name}"
                paths.add(full)
                aliases[a.asname or a.name] = full
    if not uses:
        return False, set()
    # attribute chains: only the outermost Attribute of each chain (ast.walk visits parents first)
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            ch = _chain(node)
            v = node.value
            while isinstance(v, ast.Attribute):
                inner.add(id(v))
                v = v.value
            if ch and ch[0] in aliases:
                paths.add(".".join([aliases[ch[0]]] + ch[1:]))
    return True, paths


def collect(checkout):
    out = {}
    for root, dirs, files in os.walk(checkout):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for fn in files:
            if fn.endswith(".py"):
                p = os.path.join(root, fn)
                try:
                    with open(p, encoding="utf-8", errors="replace") as f:
                        src = f.read()
                except OSError:
                    continue
                uses, paths = file_paths(src)
                if uses:
                    out[p] = paths
    return out


# ----------------------------------------------------------------------------- lightspore side
class Resolver:
    """Does a reference path resolve in lightspore through the alias? (cached)"""

    def __init__(self):
        import lightspore

        lightspore.install_alias()
        self._cache = {}

    def __call__(self, path):
        if path not in self._cache:
            self._cache[path] = self._resolve(path)
        return self._cache[path]

    def _resolve(self, path):
        parts = path.split(".")
        try:
            obj = importlib.import_module(parts[0])
        except Exception:  # noqa: BLE001
            return False
        cur = parts[0]
        for p in parts[1:]:
            cur = f"{cur}.{p}"
            # as the import statement does: a submodule wins over a package attribute of the same name
            # (mindspore.common.tensor is the module for `from mindspore.common.tensor import Tensor`, though
            # the attribute mindspore.common.tensor is the function)
            if hasattr(obj, "__path__"):
                try:
                    obj = importlib.import_module(cur)
                    continue
                except ModuleNotFoundError as e:
                    if not (e.name and cur.startswith(e.name)):
                        return False
                except Exception:  # noqa: BLE001  (a broken mirror counts as missing)
                    return False
            if not hasattr(obj, p):
                return False
            obj = getattr(obj, p)
        return True


def measure(checkouts, known, resolve):
    per_repo, missing_files = {}, collections.Counter()
    total = bad = 0
    for co in checkouts:
        files = collect(co)
        n_bad = 0
        for _p, paths in files.items():
            miss = set()
            for path in paths:
                pre = longest_known_prefix(path, known)
                if pre is not None and not resolve(pre):
                    miss.add(pre)
            if miss:
                n_bad += 1
                for m in miss:
                    missing_files[m] += 1
        per_repo[co] = (len(files), n_bad)
        total += len(files)
        bad += n_bad
    return total, bad, per_repo, missing_files


# ----------------------------------------------------------------------------- import every module
def import_library(root, pkg, timeout=900):
    """Import every module of ``root/pkg`` in a child process through the alias (realcode_check.py's walk)."""
    import tempfile
    out = os.path.join(tempfile.mkdtemp(prefix="import-sweep-"), f"{pkg}.json")
    r = subprocess.run([sys.executable, "-m", "lightspore", os.path.join(HERE, "realcode_check.py"), "--walk", root,
                        pkg, "--out", out], capture_output=True, text=True, timeout=timeout, cwd=root)
    if not os.path.exists(out):
        return None, r.stderr[-2000:]
    with open(out) as f:
        return json.load(f), None


def _is_mindspore_failure(msg, name):
    return "mindspore" in (name or "") or "mindspore" in msg or "lightspore" in msg


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkouts", nargs="+")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--import", dest="do_import", action="store_true")
    ap.add_argument("--json", help="write the numbers and missing paths here")
    args = ap.parse_args(argv)
    known = reference_paths()
    resolve = Resolver()
    total, bad, per_repo, missing = measure(args.checkouts, known, resolve)
    print(f"{'checkout':50s} {'files':>6s} {'missing':>8s}")
    for co, (n, b) in per_repo.items():
        print(f"{co:50s} {n:6d} {b:8d}  {100.0 * b / max(n, 1):5.1f}%")
    print(f"\nall: {bad} of {total} MindSpore-using files reference a path the reference has and "
          f"lightspore lacks ({100.0 * bad / max(total, 1):.1f}%)\n")
    print("top missing paths (files using each):")
    for p, c in missing.most_common(args.top):
        print(f"  {c:5d}  {p}")
    result = {"files": total, "missing_files": bad, "per_checkout": per_repo,
              "missing": missing.most_common()}
    if args.do_import:
        print("\nimporting every module through the alias:")
        imports = {}
        for co in args.checkouts:
            pkg = os.path.basename(os.path.normpath(co))
            if not os.path.isfile(os.path.join(co, pkg, "__init__.py")):
                continue
            res, err = import_library(os.path.abspath(co), pkg)
            if res is None:
                print(f"  {pkg}: the child process failed: {err}")
                continue
            ok = sum(v is None for v in res.values())
            ms_fail = collections.Counter()
            other = collections.Counter()
            for v in res.values():
                if v is not None:
                    (ms_fail if _is_mindspore_failure(*v) else other)[v[0]] += 1
            print(f"  {pkg}: {ok}/{len(res)} modules import; {sum(ms_fail.values())} fail on a mindspore "
                  f"path, {sum(other.values())} on something else")
            for msg, c in ms_fail.most_common(8):
                print(f"      {c:4d}  {msg}")
            for msg, c in other.most_common(4):
                print(f"      {c:4d}  (other) {msg}")
            imports[pkg] = res
        result["imports"] = imports
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

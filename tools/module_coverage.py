"""How much of the reference's module tree lightspore mirrors (tests/golden/module_tree.json).

    python tools/module_coverage.py [--list-missing] [--write-expected]

Imports every reference module path through the ``mindspore`` alias and checks each name the reference
exports there. Prints modules present / reference modules and names resolved per module. With
``--write-expected`` it rewrites tests/module_tree_expected.json, the committed list of modules and
names that resolve today: tests/test_module_tree.py fails when one of them stops resolving, so run this
after building something new (and commit the list with it). ``tools/api_coverage.py --modules`` prints
the same report.
"""
import argparse
import importlib
import inspect
import json
import os
import sys

# the module tree was walked on MindSpore 2.7.1, and a few bindings differ under 2.10 (ops.chunk_ext)
os.environ.setdefault("LIGHTSPORE_MS_VERSION", "2.7.1")

HERE = os.path.dirname(os.path.abspath(__file__))
TREE = os.path.join(HERE, "..", "tests", "golden", "module_tree.json")
EXPECTED = os.path.join(HERE, "..", "tests", "module_tree_expected.json")


def load_tree(path=TREE):
    with open(path) as f:
        return json.load(f)


def names_of(entry):
    """{name: object index}: a module's exported names (its __all__) and its other public attributes."""
    return {**entry["names"], **entry.get("extra", {})}


def _alias():
    import lightspore

    lightspore.install_alias()


BROKEN = {}  # module -> the error its import raised (a mirror that exists but fails to import)


def import_module(name):
    """The module lightspore offers at the reference's path ``name`` (via the alias), or None if absent
    (or broken: its import error is kept in BROKEN)."""
    _alias()
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name and (name == e.name or name.startswith(e.name + ".")):
            return None
        BROKEN[name] = f"{type(e).__name__}: {e}"
    except Exception as e:  # noqa: BLE001  (reported, not hidden: see report())
        BROKEN[name] = f"{type(e).__name__}: {e}"
    return None


def resolve(tree):
    """{module: {name: object}} for every reference module lightspore has and the names it resolves."""
    out = {}
    for m in sorted(tree["modules"]):
        mod = import_module(m)
        if mod is None:
            continue
        names = {}
        for n in names_of(tree["modules"][m]):
            try:
                names[n] = getattr(mod, n)
            except AttributeError:
                pass
        out[m] = names
    return out


def kind_ok(ref_kind, obj):
    if ref_kind == "class":
        return inspect.isclass(obj)
    if ref_kind == "function":
        return callable(obj)
    if ref_kind == "constant":
        return not callable(obj) or isinstance(obj, bool)
    return not inspect.ismodule(obj)


def identity_problems(tree, resolved):
    """Places where lightspore breaks the reference's identities: one reference object resolving to
    different lightspore objects at different paths, a class resolving to a non-class, a constant to
    a different value."""
    objects, groups, problems = tree["objects"], {}, []
    for m, names in resolved.items():
        for n, obj in names.items():
            idx = names_of(tree["modules"][m])[n]
            kind, canon = objects[idx]
            if not kind_ok(kind, obj):
                problems.append(f"{m}.{n}: the reference's is a {kind} ({canon}), lightspore's a "
                                f"{type(obj).__name__}")
            if kind == "constant":
                if repr(obj) != canon:
                    problems.append(f"{m}.{n}: the reference's value is {canon}, lightspore's {obj!r}")
                continue
            groups.setdefault(idx, []).append((f"{m}.{n}", obj))
    for idx, places in groups.items():
        first_path, first = places[0]
        for path, obj in places[1:]:
            if obj is not first:
                problems.append(f"{path} is not {first_path} (in the reference both are {objects[idx][1]})")
    return problems


def report(tree, resolved, list_missing=False, out=sys.stdout):
    mods = tree["modules"]
    n_names = sum(len(names_of(e)) for e in mods.values())
    got_names = 0
    print(f"{'reference module':62s} {'names':>11s}", file=out)
    for m in sorted(mods):
        total = len(names_of(mods[m]))
        if m in resolved:
            got = len(resolved[m])
            got_names += got
            print(f"{m:62s} {got:5d}/{total:<5d}", file=out)
            if list_missing and got < total:
                miss = sorted(set(names_of(mods[m])) - set(resolved[m]))
                print("      missing: " + " ".join(miss), file=out)
        elif m in BROKEN:
            print(f"{m:62s}   BROKEN: {BROKEN[m][:200]}", file=out)
        else:
            print(f"{m:62s}   absent ({total} names)", file=out)
    print(f"\nmodules present: {len(resolved)} / {len(mods)} reference modules; names resolved in present "
          f"modules: {got_names}, of all reference module names: {got_names} / {n_names}", file=out)


def write_expected(resolved, problems, path=EXPECTED):
    """The committed list: modules and names that resolve, and the identity breaks known today (lightspore
    objects that the reference shares between two paths but lightspore defines twice: listed to be fixed,
    a new one fails the test)."""
    data = {"modules": {m: sorted(names) for m, names in sorted(resolved.items())},
            "known_identity_breaks": sorted(problems)}
    with open(path, "w") as f:
        json.dump(data, f, indent=0, sort_keys=True)
        f.write("\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list-missing", action="store_true")
    ap.add_argument("--write-expected", action="store_true")
    args = ap.parse_args(argv)
    tree = load_tree()
    resolved = resolve(tree)
    report(tree, resolved, args.list_missing)
    problems = identity_problems(tree, resolved)
    if problems:
        known = set()
        if os.path.exists(EXPECTED):
            with open(EXPECTED) as f:
                known = set(json.load(f).get("known_identity_breaks", ()))
        print(f"\n{len(problems)} identity problems ({len(known & set(problems))} listed as known in "
              f"{os.path.relpath(EXPECTED)}; NEW marks the others):")
        for p in problems:
            print(("  " if p in known else "  NEW ") + p)
    if args.write_expected:
        write_expected(resolved, problems)
        print(f"wrote {os.path.relpath(EXPECTED)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

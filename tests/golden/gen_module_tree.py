"""The reference's module tree, for tests/test_module_tree.py and tools/import_sweep.py (run with the
reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_module_tree.py

Walks the installed ``mindspore`` package (pkgutil.walk_packages), imports every public module (a
private ``_x`` path component skips the module, except the few in KEEP_PRIVATE that public model code
imports) and records, per module, the public names it exports: its ``__all__`` when it defines one,
otherwise its public attributes that are not modules and were defined inside mindspore (plain
constants included); for a module with an ``__all__``, its other such attributes under "extra".
Every exported object gets an entry in one object table, shared by all modules that export it, so
"mindspore.ops.composite.GradOperation is mindspore.ops.GradOperation" becomes "both names point at
object #n":

    {"version": "2.7.1",
     "objects": [[kind, canonical], ...],      # kind: class/function/instance:<TypeName>/constant
     "modules": {"mindspore.ops.composite": {"all": true, "package": true, "names": {"GradOperation": 17},
                                            "extra": {"clip_by_value": 912}}},
     "failed": {"mindspore.x": "ImportError: ..."}}

canonical is "module:qualname" for classes and functions (where they are defined), and the first
"module:name" (modules in sorted order) that exports an instance; a constant's canonical is its repr.
Writes tests/golden/module_tree.json.
"""
import importlib
import inspect
import json
import os
import pkgutil
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "module_tree.json")

# private modules that public model code (mindcv, mindnlp, the official zoo...) imports by name
KEEP_PRIVATE = {
    "mindspore._checkparam",
    "mindspore.parallel._utils",
    "mindspore.parallel._auto_parallel_context",
    "mindspore.train.callback._callback",
    "mindspore.ops._primitive_cache",
}
# the private names public code imports from them (recorded under "extra" of those modules)
PRIVATE_NAMES = {
    "mindspore.log": ["_LogActionOnce"],
    "mindspore.ops._primitive_cache": ["_get_cache_prim"],
    "mindspore.parallel._utils": ["_get_device_num", "_get_enable_parallel_optimizer", "_get_gradients_mean",
                                  "_get_parallel_mode", "_is_sharding_propagation"],
}
# tooling and C-extension internals that are no part of the Python API
SKIP_PREFIXES = ("mindspore.ops_generate", "mindspore._", "mindspore.include", "mindspore.lib",
                 "mindspore.Third_Party_Open_Source_Software_Notice")
# generated op-definition internals (thousands of names no model code imports from these paths; the
# ops they define are recorded where they are public: mindspore.ops, ops.functional, ops.operations.*)
# and the dataset's argument validators
SKIP_MODULES = {"mindspore.ops.tensor_method", "mindspore.ops.auto_generate.gen_ops_def",
                "mindspore.ops.auto_generate.gen_ops_prim", "mindspore.ops.auto_generate.pyboost_inner_prim",
                "mindspore.ops.auto_generate.gen_extend_func",
                "mindspore.ops.auto_generate.cpp_create_prim_instance_helper"}
SKIP_SUFFIXES = (".validators", ".validator_helpers")
# packages whose __all__ is empty on purpose: their thousands of generated attributes are internals
NO_EXTRA = {"mindspore.ops.auto_generate", "mindspore.ops.operations.manually_defined"}
CONSTANT_TYPES = (bool, int, float, str, type(None))


def _public_module(name):
    if name in KEEP_PRIVATE:
        return True
    if name.startswith(SKIP_PREFIXES) or name in SKIP_MODULES or name.endswith(SKIP_SUFFIXES):
        return False
    return not any(part.startswith("_") for part in name.split(".")[1:])


def _walk():
    import mindspore

    names = {"mindspore"}
    for info in pkgutil.walk_packages(mindspore.__path__, "mindspore.", onerror=lambda _n: None):
        names.add(info.name)
    names |= KEEP_PRIVATE
    return sorted(n for n in names if _public_module(n))


def _kind(obj):
    if inspect.isclass(obj):
        return "class"
    if inspect.isfunction(obj) or inspect.isbuiltin(obj) or inspect.ismethod(obj):
        return "function"
    if isinstance(obj, CONSTANT_TYPES):
        return "constant"
    return "instance:" + type(obj).__name__


def _from_mindspore(obj):
    mod = getattr(obj, "__module__", None)
    if inspect.isclass(obj) or inspect.isfunction(obj) or inspect.isbuiltin(obj):
        return isinstance(mod, str) and mod.startswith("mindspore")
    if isinstance(obj, CONSTANT_TYPES):
        return True
    return type(obj).__module__.startswith("mindspore")


def _public_attrs(mod):
    return sorted(n for n, v in vars(mod).items()
                  if not n.startswith("_") and not inspect.ismodule(v) and _from_mindspore(v))


def _exports(mod):
    """(names, has __all__, extra): __all__ or the public attributes; with an __all__, ``extra`` are the
    public attributes outside it (``ops.composite.clip_by_value``: real code uses those too)."""
    if isinstance(getattr(mod, "__all__", None), (list, tuple)):
        names = [n for n in mod.__all__ if isinstance(n, str)]
        listed = set(names)
        return names, True, [n for n in _public_attrs(mod) if n not in listed]
    return _public_attrs(mod), False, []


def main():
    warnings.simplefilter("ignore")
    objects, index, modules, failed = [], {}, {}, {}
    for name in _walk():
        try:
            mod = importlib.import_module(name)
        except BaseException as e:  # noqa: BLE001  (Ascend-only modules raise anything on import)
            failed[name] = f"{type(e).__name__}: {str(e).splitlines()[0][:200] if str(e) else ''}"
            continue
        exported, has_all, extra = _exports(mod)
        if name in NO_EXTRA:
            extra = []
        extra = extra + [n for n in PRIVATE_NAMES.get(name, ()) if hasattr(mod, n)]
        entry, entry_extra = {}, {}
        for n in exported + extra:
            if not hasattr(mod, n):
                continue  # the reference's own __all__ lists a few names it never defines
            v = getattr(mod, n)
            if inspect.ismodule(v):
                continue
            kind = _kind(v)
            key = ("c", repr(v)) if kind == "constant" else ("o", id(v))
            if key not in index:
                if kind in ("class", "function"):
                    canon = f"{getattr(v, '__module__', '?')}:{getattr(v, '__qualname__', n)}"
                elif kind == "constant":
                    canon = repr(v)
                else:
                    canon = f"{name}:{n}"
                index[key] = len(objects)
                objects.append([kind, canon])
            (entry_extra if n in extra else entry)[n] = index[key]
        modules[name] = {"all": has_all, "package": hasattr(mod, "__path__"), "names": entry}
        if entry_extra:
            modules[name]["extra"] = entry_extra
    data = {"version": __import__("mindspore").__version__, "objects": objects, "modules": modules,
            "failed": failed}
    with open(OUT, "w") as f:
        json.dump(data, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print(f"{len(modules)} modules, {len(failed)} failed to import, {len(objects)} objects -> {OUT}",
          file=sys.stderr)


if __name__ == "__main__":
    main()

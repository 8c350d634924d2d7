"""Mirror modules: the reference's submodule paths re-exporting the objects lightspore defines elsewhere.

Real MindSpore code imports the same object from many paths (``mindspore.ops.operations.nn_ops.ReLU`` is
``mindspore.ops.ReLU``; ``mindspore.nn.layer.CellList`` is ``mindspore.nn.CellList``). A mirror module
lists, per lightspore module that defines them, the names the reference exports at that path, and binds
those that lightspore has - the very same objects, nothing new. A name lightspore has not built stays
absent (``tools/api_coverage.py --modules`` lists the gaps).

A mirror imported while its source is still initializing (``lightspore.nn`` imports
``lightspore.nn.layer.activation``, which first runs the ``lightspore.nn.layer`` mirror) binds the rest on
first attribute access (a module ``__getattr__``), once the source is complete.

The mirror files are generated from the reference's module tree by ``tools/gen_mirrors.py``: the names
live in one data file, ``_mirrors.json`` (module -> {source module: names}), and each mirror module is the
call ``mirror(globals())``, so the table is read in one place and the modules carry no code of their own.
"""
import importlib
import json
import os
import sys

_TABLE = None


def _table():
    global _TABLE
    if _TABLE is None:
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "_mirrors.json")) as f:
            _TABLE = json.load(f)
    return _TABLE


def mirror(namespace, name=None):
    """Bind into a mirror module's globals the names ``_mirrors.json`` lists for it (its reference path is
    ``name``, else the module's own name with ``lightspore`` read as ``mindspore``)."""
    name = name or "mindspore" + namespace["__name__"][len("lightspore"):]
    entry = _table()[name]
    return reexport(namespace, entry["sources"], has_all=entry.get("all", False), names_order=entry.get("order"))


def _initializing(mod):
    spec = getattr(mod, "__spec__", None)
    return bool(getattr(spec, "_initializing", False))


def _bind(namespace, sources, bound):
    """Bind what the sources have; return the sources still initializing (to retry later)."""
    pending = {}
    for modname, spec in sources.items():
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as e:
            if e.name and modname.startswith(e.name):
                continue
            raise
        if _initializing(mod):
            pending[modname] = spec
            continue
        for tok in spec.split():
            name, _, src = tok.partition("=")
            src = src or name
            if hasattr(mod, src):
                namespace[name] = getattr(mod, src)
                bound.append(name)
    return pending


def reexport(namespace, sources, has_all=False, names_order=None):
    """Bind into ``namespace`` (a module's globals) the names listed per source module.

    ``sources``: {"lightspore.ops": "Conv2D ReLU print_=Print ..."}; ``a=b`` binds ``a`` to the
    source's ``b``. A source module that does not exist (yet) or lacks a name contributes nothing.
    With ``has_all`` the module's ``__all__`` lists the bound names that are in ``names_order`` (the
    reference's ``__all__``), in its order.
    """
    bound = []
    order = {n: i for i, n in enumerate(names_order or ())}

    def finish():
        if has_all:
            namespace["__all__"] = sorted((n for n in bound if n in order), key=order.get)

    pending = _bind(namespace, sources, bound)
    if not pending:
        finish()
        return bound
    modname = namespace["__name__"]

    def __getattr__(attr):
        nonlocal pending
        if pending and not any(_initializing(sys.modules.get(m)) for m in pending):
            todo, pending = pending, {}
            _bind(namespace, todo, bound)
            finish()
            namespace.pop("__getattr__", None)
        if attr in namespace:
            return namespace[attr]
        raise AttributeError(f"module {modname!r} has no attribute {attr!r}")

    namespace["__getattr__"] = __getattr__
    return bound

"""The opt-in ``mindspore`` alias: ``import mindspore.x.y`` resolves to ``lightspore.x.y``.

Nothing named ``mindspore`` is installed on disk; the alias exists only in a process that asks for it
(``lightspore.install_alias()`` or ``python -m lightspore script.py``).
"""
import importlib
import importlib.abc
import importlib.machinery
import sys
import types

SOURCE = "mindspore"
TARGET = "lightspore"


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, module):
        self._module = module
        self._spec = getattr(module, "__spec__", None)

    def create_module(self, spec):
        return self._module

    def exec_module(self, module):
        if self._spec is not None:
            module.__spec__ = self._spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname != SOURCE and not fullname.startswith(SOURCE + "."):
            return None
        tname = TARGET + fullname[len(SOURCE):]
        try:
            module = importlib.import_module(tname)
        except ModuleNotFoundError as e:
            if e.name and (tname == e.name or tname.startswith(e.name + ".")):
                raise ModuleNotFoundError(f"No module named {fullname!r}: lightspore has no {tname!r} "
                                          f"(see the README for what is built)", name=fullname) from None
            raise
        parent, _, child = tname.rpartition(".")
        shadow = getattr(sys.modules.get(parent), child, module)
        if shadow is not module and not isinstance(shadow, types.ModuleType):
            _keep_attribute(sys.modules[parent], child)
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(module),
                                              is_package=hasattr(module, "__path__"))


class _KeepsShadowedNames(types.ModuleType):
    """A package whose attribute ``x`` is an object (``train.data_sink`` the function, ``profiler.mstx`` the
    marker) while its submodule ``x`` also exists, as in the reference. Importing ``mindspore.<pkg>.x`` through the
    alias loads the submodule under a second name, and Python then sets the parent's attribute to the module;
    this keeps the object there (only a module object is refused, and only for those names)."""

    def __setattr__(self, name, value):
        if isinstance(value, types.ModuleType) and name in self.__dict__.get("_ls_shadowed", ()):
            return
        super().__setattr__(name, value)


def _keep_attribute(package, name):
    if type(package) is types.ModuleType:
        package.__class__ = _KeepsShadowedNames
    package.__dict__.setdefault("_ls_shadowed", set()).add(name)


def install_alias():
    """Make ``import mindspore`` (and every submodule) resolve to lightspore in this process.

    Raises RuntimeError if a real ``mindspore`` was already imported here.
    """
    for f in sys.meta_path:
        if isinstance(f, _AliasFinder):
            return f
    mod = sys.modules.get(SOURCE)
    if mod is not None and not getattr(mod, "__name__", "").startswith(TARGET):
        raise RuntimeError("install_alias(): a real 'mindspore' is already imported in this process")
    finder = _AliasFinder()
    sys.meta_path.insert(0, finder)
    return finder

"""``mindspore.ops._primitive_cache``: ``_get_cache_prim``, which model code uses to build a primitive once
per distinct set of arguments (``_get_cache_prim(P.ReduceSum)(True)`` is the same instance on every call)."""
from ._table import Primitive
from .composite import constexpr

__all__ = []  # a private module of the reference; its users import _get_cache_prim by name

_PRIM_CACHE = {}


def _get_cache_prim(cls):
    """A function building ``cls(*args, **kwargs)`` that returns one shared instance per distinct arguments
    (keyed, as in the reference, by the class and the ``str`` of every argument)."""
    def _get(*args, **kwargs):
        key = str((str(cls),) + tuple(str(a) for a in args) + tuple(f"{k}:{v}" for k, v in kwargs.items()))
        prim = _PRIM_CACHE.get(key)
        if prim is None:
            prim = _PRIM_CACHE[key] = cls(*args, **kwargs)
        return prim

    return _get


_unused = (Primitive, constexpr)  # the reference's module offers both names too

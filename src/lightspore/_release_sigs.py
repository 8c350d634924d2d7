"""Signatures MindSpore 2.10 changed on names defined elsewhere (the op table, mint, ``ms.tensor``): each reports
the followed release's signature (lightspore._release.signature_per_release); the functions accept both forms.
Applied once, at the end of ``import lightspore``."""
import inspect

from . import _release, mint, ops
from .common.tensor import tensor as _tensor_fn


def _sig(text):
    ns = {}
    exec(f"def f{text}:\n    pass\n", ns)    # a parameter list from the 2.10 manifest
    return inspect.signature(ns["f"])


_OVERLOADED = "(*args, **kwargs)"       # 2.10 routes these through its overload dispatcher
_CHANGED = [
    (ops, "less", _OVERLOADED), (ops, "lt", _OVERLOADED), (ops, "tensor_lt", _OVERLOADED),
    (mint, "eq", _OVERLOADED), (mint, "less", _OVERLOADED), (mint, "lt", _OVERLOADED), (mint, "mul", _OVERLOADED),
    (mint, "flatten", _OVERLOADED), (mint, "reshape", _OVERLOADED), (mint, "squeeze", _OVERLOADED),
    (mint, "t", _OVERLOADED),
    (mint, "rand", "(*size, generator=None, dtype=None, device=None)"),
    (mint, "randn", "(*size, generator=None, dtype=None, device=None)"),
    (mint, "rand_like", "(input, *, dtype=None, device=None)"),
    (mint, "randn_like", "(input, *, dtype=None, device=None)"),
    (mint, "randint", "(*args, generator=None, dtype=None, device=None)"),
    (mint, "randint_like", "(*args, dtype=None, device=None)"),
]


def _drop(sig, names):
    return sig.replace(parameters=[p for p in sig.parameters.values() if p.name not in names])


def apply():
    done = set()
    for mod, name, new in _CHANGED:
        f = getattr(mod, name, None)
        if f is None or id(f) in done:
            continue
        done.add(id(f))
        old = _drop(inspect.signature(f), ("device",))
        _release.signature_per_release(f, old, _sig(new))
    for cls in (mint.nn.Mish, mint.nn.SELU):    # 2.10 gives these Cell's (auto_prefix=True, flags=None)
        _release.signature_per_release(cls.__init__, _sig("(self)"), _sig("(self, auto_prefix=True, flags=None)"))
    t = _tensor_fn
    _release.signature_per_release(t, _drop(inspect.signature(t), ("device",)), inspect.signature(t))

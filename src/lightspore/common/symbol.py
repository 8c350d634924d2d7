"""``Symbol``: what is known about one dynamic dimension of a ``Tensor(shape=...)`` input spec.

Under ``ms.jit`` / GRAPH_MODE a dimension given as a Symbol (in ``Cell.set_inputs`` or ``enable_dynamic``)
compiles shape-generic, like ``None``; ``min`` and ``max`` become the range of PyTorch's symbolic size
(``torch._dynamo.mark_dynamic(..., min=, max=)``) when the actual size lies in it. ``divisor``/``remainder``
and ``unique`` are optimisation hints in the reference, which does not check them against the inputs; lightspore
keeps them (``to_dict``) and does not check them either.
"""

import inspect

from .. import _release

__all__ = ["Symbol"]


class Symbol:
    """``Symbol(max=0, min=1, divisor=1, remainder=0, unique=False, **kwargs)``: a dimension ``divisor * N +
    remainder`` (N >= 1) in ``[min, max]`` (``max`` counts when it exceeds ``min``)."""

    def __init__(self, max=0, min=1, divisor=1, remainder=0, unique=False, **kwargs):  # noqa: A002 - reference names
        for name, value in (("max", max), ("min", min), ("divisor", divisor), ("remainder", remainder)):
            if not isinstance(value, int):
                raise TypeError(f"For 'Symbol', the argument '{name}' must be int, but got {type(value)}")
        if not isinstance(unique, bool):
            raise TypeError(f"For 'Symbol', the argument 'unique' must be bool, but got {type(unique)}")
        if min <= 0:
            raise ValueError(f"For 'Symbol', the 'min' value should be positive, but got {min}")
        if divisor <= 0:
            raise ValueError(f"For 'Symbol', the 'divisor' value should be positive, but got {divisor}")
        if not 0 <= remainder < divisor:
            raise ValueError(f"For 'Symbol', the 'remainder' value should be in the range '[0, {divisor})', "
                             f"but got {remainder}")
        self.max = max
        self.min = min
        self.divisor = divisor
        self.remainder = remainder
        self.unique = unique
        self.id = id(self)

    def __str__(self):
        return str(self.to_dict())

    def to_dict(self):
        """The information that differs from an unconstrained dimension."""
        info = {}
        if self.max > self.min:
            info["max"] = self.max
        if self.min > self.divisor + self.remainder:      # below that, N >= 1 already implies it
            info["min"] = self.min
        if self.divisor != 1:
            info["divisor"] = self.divisor
        if self.remainder != 0:
            info["remainder"] = self.remainder
        if self.unique:
            info["id"] = self.id
        return info

    def _range(self, size):
        """``(min, max)`` for torch's mark_dynamic when ``size`` lies in it, else ``(None, None)`` (the reference
        does not reject sizes outside a Symbol's range)."""
        hi = self.max if self.max > self.min else None
        if size < self.min or (hi is not None and size > hi):
            return None, None
        return self.min, hi


def _init_signature(var_keyword):
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    params = [inspect.Parameter("self", kind)] + [
        inspect.Parameter(name, kind, default=default)
        for name, default in (("max", 0), ("min", 1), ("divisor", 1), ("remainder", 0), ("unique", False))]
    return inspect.Signature(params + [inspect.Parameter(var_keyword, inspect.Parameter.VAR_KEYWORD)])


# 2.7.1 spells the catch-all keyword argument 'kawgs', 2.10 'kwargs'
_release.signature_per_release(Symbol.__init__, _init_signature("kawgs"), _init_signature("kwargs"))

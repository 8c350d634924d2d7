"""Which MindSpore release lightspore follows in this process: 2.10.0 (the default) or 2.7.1.

The two releases differ in a handful of silent behaviours (README, "Releases"): softmax without ``dim``, NumPy
scalars in arithmetic, negative ints against unsigned tensors in comparisons, ``bool // bool``, clamping an int
tensor with float bounds, a scalar first argument to ``eq``/``less``. Pick the release once per process:

* the environment variable ``LIGHTSPORE_MS_VERSION=2.7.1`` (or ``2.10.0``), read once at import, or
* ``lightspore.set_release("2.7.1")`` before the first op whose result depends on the release ran.

Only the code paths that differ consult the release, and none of them is a hot path (same-dtype tensor
arithmetic never asks); the op table's promotion caches are filled from the table of the release followed.
Once a release-dependent behaviour has run, the release is fixed: switching afterwards would leave results
computed under both, so ``set_release`` then raises RuntimeError.
"""
from __future__ import annotations

import os

RELEASES = ("2.7.1", "2.10.0")
DEFAULT = "2.10.0"
_ALIASES = {"2.7": "2.7.1", "2.7.1": "2.7.1", "2.10": "2.10.0", "2.10.0": "2.10.0"}

# the release followed, and whether a release-dependent path has consulted it (then it is fixed)
RELEASE = DEFAULT
V2_10 = True
_fixed_by = None
_listeners = []


def _parse(value, where):
    if not isinstance(value, str):
        raise TypeError(f"For '{where}', the release must be a str, one of {list(RELEASES)}, but got "
                        f"{type(value).__name__}.")
    r = _ALIASES.get(value.strip())
    if r is None:
        raise ValueError(f"For '{where}', the release must be one of {list(RELEASES)}, but got {value!r}.")
    return r


def _apply(release):
    global RELEASE, V2_10
    RELEASE, V2_10 = release, release == "2.10.0"
    for fn in _listeners:
        fn(release)


def on_switch(fn):
    """Call ``fn(release)`` now and whenever the release is set (modules that keep per-release data: version
    strings, the alias's ``__version__``)."""
    _listeners.append(fn)
    fn(RELEASE)
    return fn


def follows_2_10(what=None):
    """True when following 2.10: called only by the paths whose behaviour differs between the releases, and
    fixes the release for the rest of the process."""
    global _fixed_by
    if _fixed_by is None:
        _fixed_by = what or "an op"
    return V2_10


def set_release(release):
    """Follow MindSpore ``release`` ('2.7.1' or '2.10.0') in this process.

    Valid until the first op whose behaviour differs between the releases has run; the environment variable
    ``LIGHTSPORE_MS_VERSION`` sets the same before import."""
    r = _parse(release, "set_release")
    if r == RELEASE:
        return
    if _fixed_by is not None:
        raise RuntimeError(f"For 'set_release', the release is fixed at {RELEASE} for this process: {_fixed_by} "
                           f"already ran under it. Call set_release({r!r}) before the first op, or set "
                           f"LIGHTSPORE_MS_VERSION={r} in the environment.")
    _apply(r)


def get_release():
    """The MindSpore release followed in this process ('2.7.1' or '2.10.0')."""
    return RELEASE


_env = os.environ.get("LIGHTSPORE_MS_VERSION")
if _env:
    try:
        _apply(_parse(_env, "LIGHTSPORE_MS_VERSION"))
    except (TypeError, ValueError) as e:
        raise ValueError(f"LIGHTSPORE_MS_VERSION={_env!r}: the release must be one of {list(RELEASES)}.") from e


def signature_per_release(fn, v2_7_1, v2_10_0):
    """Report ``fn``'s signature as the followed release documents it (``v2_7_1``/``v2_10_0``: functions whose
    signatures are the releases'); ``fn`` itself accepts both (2.10's additions are keywords 2.7.1 code never
    passes), so nothing is tested per call."""
    import inspect
    sigs = {"2.7.1": v2_7_1 if isinstance(v2_7_1, inspect.Signature) else inspect.signature(v2_7_1),
            "2.10.0": v2_10_0 if isinstance(v2_10_0, inspect.Signature) else inspect.signature(v2_10_0)}

    def follow(release):
        fn.__signature__ = sigs[release]
    on_switch(follow)
    return fn

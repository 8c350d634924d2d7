"""The op table's sample inputs run through every form of each op, in either framework.

``manifest(ls)`` (lightspore's interpreter) lists every spec that has samples: its forms and the ``repr`` of each
sample. ``run(ms, samples, entry, sample_index, form)`` calls one form on one sample in the framework ``ms`` and
``record`` turns what it returned (or raised) into JSON plus arrays. Used by gen_op_samples.py (the reference) and
tests/test_op_samples.py (lightspore). Imports neither framework itself.
"""
import importlib.util
import os

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_samples_module():
    """ops/_samples.py by path (it imports only numpy), for an interpreter without lightspore."""
    spec = importlib.util.spec_from_file_location("_op_samples_builders",
                                                  os.path.join(REPO, "src", "lightspore", "ops", "_samples.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def manifest(ls):
    """{op name: {"forms": [form, ...], "samples": [repr, ...]}} for every spec of lightspore ``ls`` with samples.
    Forms: "functional", "primitive:<Class>", "method:<name>", "mint:<name>"."""
    from lightspore import mint
    from lightspore.ops._table import SPECS
    out = {}
    for name, spec in sorted(SPECS.items()):
        if not spec.samples:
            continue
        forms = ["functional"]
        if spec.prim:
            forms.append("primitive:" + spec.prim)
        forms += ["method:" + m for m in spec.methods]
        mint_name = spec.mint or (name if getattr(mint, name, None) is spec.fn else None)
        if mint_name:
            forms.append("mint:" + mint_name)
        out[name] = {"forms": forms, "samples": [repr(s) for s in spec.samples]}
    return out


def callable_of(ms, name, form, args):
    """The object a form calls and the arguments it takes; None when the framework lacks that form."""
    kind, _, attr = form.partition(":")
    if kind == "functional":
        fn = getattr(ms.ops, name, None)
        return (fn, args) if fn is not None else None
    if kind == "primitive":
        cls = getattr(ms.ops, attr, None)
        return (cls(), args) if cls is not None else None
    if kind == "method":
        if not args or not isinstance(args[0], ms.Tensor):
            return None
        fn = getattr(args[0], attr, None)
        return (fn, args[1:]) if fn is not None else None
    fn = getattr(ms.mint, attr, None)
    return (fn, args) if fn is not None else None


def record(r, key, arrays):
    """JSON description of a result; its arrays go to ``arrays`` under ``key|i``."""
    if isinstance(r, (tuple, list)):
        return {"seq": type(r).__name__, "items": [record(x, f"{key}|{i}", arrays) for i, x in enumerate(r)]}
    if hasattr(r, "asnumpy"):
        a = r.asnumpy()
        arrays[key] = a
        return {"dtype": str(r.dtype), "shape": list(r.shape)}
    if isinstance(r, np.ndarray):       # a property's array (samples.CHECKS)
        arrays[key] = r
        return {"dtype": "numpy." + str(r.dtype), "shape": list(r.shape)}
    if isinstance(r, (bool, int, float, np.generic)) or r is None:
        v = r.item() if isinstance(r, np.generic) else r
        return {"py": type(r).__name__, "value": v}
    return {"py": type(r).__name__}


def _numpy(r):
    if isinstance(r, (tuple, list)):
        return type(r)(_numpy(x) for x in r)
    return r.asnumpy() if hasattr(r, "asnumpy") else r


def _meta(r):
    """A result's dtypes and shapes without its values (a ``Prop`` sample's result)."""
    if isinstance(r, (tuple, list)):
        return {"seq": type(r).__name__, "items": [_meta(x) for x in r]}
    if hasattr(r, "asnumpy"):
        return {"py": "Tensor", "value": [str(r.dtype), list(r.shape)]}
    return record(r, None, {})


def run(ms, samples, name, sample, form, key, arrays):
    """Record one form of op ``name`` on one sample (an ``S`` record); None when the framework lacks the form.

    A ``Prop`` sample records the result's dtypes and shapes, then its property (``samples.CHECKS``); a sample
    with ``P`` arguments records the returned value, then each such argument as the call left it."""
    args, kwargs = samples.build(sample, ms)
    written = samples.mutated(sample, args, kwargs)
    target = callable_of(ms, name, form, args)
    if target is None:
        return None
    fn, args = target
    try:
        r = fn(*args, **kwargs)
        if sample.check is not None:
            a, kw = samples.arrays_of(sample)
            prop = samples.CHECKS[sample.check](a, kw, _numpy(r))
            return {"seq": "property", "items": [_meta(r), record(prop, f"{key}|1", arrays)]}
        if written:
            return {"seq": "in_place", "items": [record(r, f"{key}|0", arrays)]
                    + [record(w, f"{key}|{i}", arrays) for i, w in enumerate(written, 1)]}
        return record(r, key, arrays)
    except Exception as e:  # noqa: BLE001 - any type may be the reference's
        lines = [t.strip() for t in str(e).splitlines() if any(c.isalnum() for c in t)]
        return {"raises": type(e).__name__, "message": " ".join(lines)[:300]}

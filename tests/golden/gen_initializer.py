"""Record the reference's initializer / seed behaviour (real MindSpore 2.7.1).

Run (re-runnable; statistics of large draws, so exact draws do not matter):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_initializer.py

Writes tests/golden/initializer.json. Cases live in initializer_cases.py (shared with the test).
"""
import inspect
import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import initializer_cases as C  # noqa: E402
import mindspore as ms  # noqa: E402
from mindspore.common import dtype as mstype  # noqa: E402
from mindspore.common import initializer as I  # noqa: E402

assert ms.__version__ == "2.7.1", ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE)
S = ms  # set_seed, get_seed, manual_seed, ... live at the top level


def to_numpy(t):
    if t.has_init:
        t = t.init_data()
    if t.dtype == mstype.bfloat16:
        t = t.astype(mstype.float32)
    return t.asnumpy()


def theory(init, shape):
    """Fan-derived bound (uniform kinds) or standard deviation (normal kinds), from the reference's rules."""
    if isinstance(init, str):
        init = I._INITIALIZER_ALIAS[init.lower()]()
    if isinstance(init, (I.HeUniform, I.HeNormal)):
        fan = I._calculate_correct_fan(shape, init.mode)
        std = I._calculate_gain(init.nonlinearity, init.negative_slope) / math.sqrt(fan)
        return {"bound": math.sqrt(3.0) * std} if isinstance(init, I.HeUniform) else {"std": std}
    if isinstance(init, (I.XavierUniform, I.XavierNormal)):
        fan_in, fan_out = I._calculate_fan_in_and_fan_out(shape)
        if isinstance(init, I.XavierUniform):
            return {"bound": init.gain * math.sqrt(6.0 / (fan_in + fan_out))}
        return {"std": init.gain * math.sqrt(2.0 / (fan_in + fan_out))}
    if isinstance(init, I.VarianceScaling):
        fan_in, fan_out = I._calculate_fan_in_and_fan_out(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[init.mode]
        scale = init.scale / max(1.0, n)
        if init.distribution == "untruncated_normal":
            return {"std": math.sqrt(scale)}
        return {"bound": math.sqrt(3.0 * scale)}  # 'truncated_normal' draws uniform in 2.7.1
    if isinstance(init, I.TruncatedNormal):
        return {"lo": min(init.a, init.b), "hi": max(init.a, init.b), "mean": init.mean, "sigma": init.sigma}
    if isinstance(init, I.Uniform):
        return {"bound": abs(init.scale)}
    if isinstance(init, I.Normal):
        return {"std": init.sigma, "mean": init.mean}
    return {}


def main():
    out = {"initial_get_seed": ms.get_seed()}
    ns = C.namespace(I, mstype, ms.Tensor, S)

    ms.set_seed(1234)
    out["stats"] = {}
    for name, expr, shape, dt in C.STAT_CASES:
        init = eval(expr, ns)
        t = I.initializer(init, shape, getattr(mstype, dt))
        rec = C.stats(to_numpy(t))
        rec.update(dtype=str(t.dtype), shape=list(t.shape), theory=theory(init, shape))
        out["stats"][name] = rec

    out["exact"] = {}
    for name, expr in C.EXACT_CASES:
        t = eval(expr, ns)
        init = t.init
        a = to_numpy(t)
        out["exact"][name] = {"dtype": str(t.dtype), "shape": list(t.shape), "value": a.tolist(),
                              "init": type(init).__name__ if init is not None else None}

    out["orthogonal"] = {}
    for name, shape, gain in C.ORTHOGONAL_CASES:
        a = to_numpy(I.initializer(I.Orthogonal(gain=gain), shape, mstype.float32)).reshape(shape[0], -1)
        gram = a @ a.T if a.shape[0] <= a.shape[1] else a.T @ a
        out["orthogonal"][name] = {"gram": np.round(gram, 4).tolist(), "norm": float(np.linalg.norm(a))}

    out["call"] = {}
    for name, code in C.CALL_CASES:
        scope = dict(ns)
        exec(code, scope)
        r, a = scope["out"]
        rec = C.stats(a)
        rec.update(returned=repr(r), dtype=str(a.dtype))
        out["call"][name] = rec
    out["call_exact"] = {}
    for name, code in C.CALL_EXACT_CASES:
        scope = dict(ns)
        exec(code, scope)
        r, a = scope["out"]
        out["call_exact"][name] = {"returned": repr(r), "dtype": str(a.dtype), "value": a.tolist()}

    def run(expr):
        r = eval(expr, ns)
        if isinstance(r, ms.Tensor):
            to_numpy(r)  # the reference draws lazily: errors of the draw surface here

    out["errors"] = {e: C.outcome(lambda e=e: run(e)) for e in C.ERROR_CASES}
    out["fans"] = [[list(s), list(I._calculate_fan_in_and_fan_out(s))] for s in C.FAN_SHAPES]
    out["gains"] = [[nl, p, I._calculate_gain(nl, p)] for nl, p in C.GAIN_CASES]
    out["aliases"] = {k: v.__name__ for k, v in sorted(I._INITIALIZER_ALIAS.items())}
    out["attrs"] = {e: C.public_attrs(eval(e, ns)) for e in C.ATTR_CASES}
    out["all"] = sorted(I.__all__)
    out["signatures"] = {n: str(inspect.signature(getattr(I, n))) for n in sorted(I.__all__)}

    # seeds
    out["seed_errors"] = {e: C.outcome(lambda e=e: eval(e, ns)) for e in C.SEED_ERROR_CASES}
    ms.manual_seed(13)
    out["initial_seed_after_manual_13"] = ms.initial_seed()
    ms.manual_seed(-5)
    out["initial_seed_after_manual_neg5"] = ms.initial_seed()
    out["manual_seed_returns"] = type(ms.manual_seed(3)).__name__
    out["rng_state_dtype"] = str(ms.get_rng_state().dtype)
    ms.set_seed(77)
    out["get_seed_after_set"] = ms.get_seed()
    # numpy's global stream after initialisations: one 63-bit seed is drawn per random init
    ms.set_seed(5)
    to_numpy(I.initializer("normal", (2, 3)))
    to_numpy(I.initializer("uniform", (4,)))
    to_numpy(I.initializer("ones", (2,)))
    to_numpy(I.initializer(I.Orthogonal(), (3, 3)))
    to_numpy(I.initializer("zeros", (2,)))
    to_numpy(I.initializer(I.TruncatedNormal(), (5,)))
    out["numpy_after_inits"] = np.random.rand(3).tolist()
    # Initializer.seed property
    ms.set_seed(5)
    out["init_seed_property"] = [list(I.Normal().seed), list(I.Normal().seed)]
    n = I.Normal()
    n.seed = 7
    out["init_seed_property_set"] = list(n.seed)
    # reproducibility properties of the random initializers (the streams differ, the properties must not)
    out["seed_properties"] = C.seed_properties(ns, to_numpy)

    with open(os.path.join(HERE, "initializer.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

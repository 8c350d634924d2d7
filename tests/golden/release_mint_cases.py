"""The three mint names MindSpore 2.10 added for Ascend kernels: ``mint.addr_``, ``mint.conv_tbc``, ``mint.npu_gelu``.

``CASES`` maps a case name to ``(run, formula)``: ``run(ms)`` calls the framework; ``formula()`` is the documented
result computed with numpy. The reference's CPU build type-checks the arguments in its Python entry (TypeError) but
has no kernel (RuntimeError "Not implement exception"), so gen_release_mint.py records, for each case, either the
reference's argument error or, where it reached the missing kernel, ``{"reference_cpu": "RuntimeError",
"expected": formula()}``; tests/test_release_mint.py checks lightspore's result against that.
"""
import math

import numpy as np

X = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], np.float32)
V1 = np.array([1.0, -2.0], np.float32)
V2 = np.array([0.5, 3.0, -1.0], np.float32)
SEQ = np.linspace(-1, 1, 5 * 2 * 3, dtype=np.float32).reshape(5, 2, 3)          # (time, batch, channel)
W = np.linspace(-0.5, 0.7, 3 * 3 * 4, dtype=np.float32).reshape(3, 3, 4)       # (kernel, in, out)
B = np.array([0.1, -0.2, 0.3, 0.0], np.float32)
G = np.array([-3.0, -1.0, -0.1, 0.0, 0.4, 1.0, 2.5], np.float32)


def _out(t):
    return {"dtype": str(t.dtype), "shape": list(t.shape), "v": t.asnumpy().tolist()}


def _np(a):
    a = np.asarray(a, np.float32)
    return {"dtype": "Float32", "shape": list(a.shape), "v": a.tolist()}


def _addr(beta, alpha):
    def run(ms):
        inp = ms.Tensor(X.copy())
        r = ms.mint.addr_(inp, ms.Tensor(V1), ms.Tensor(V2), beta=beta, alpha=alpha)
        return {"result": _out(r), "input after": _out(inp)}

    def formula():
        r = _np(beta * X + alpha * np.outer(V1, V2))
        return {"result": r, "input after": r}
    return run, formula


def _tbc(pad):
    def run(ms):
        return _out(ms.mint.conv_tbc(ms.Tensor(SEQ), ms.Tensor(W), ms.Tensor(B), pad))

    def formula():
        xp = np.pad(SEQ, ((pad, pad), (0, 0), (0, 0)))
        t_out = xp.shape[0] - W.shape[0] + 1
        out = np.stack([np.einsum("kbc,kco->bo", xp[t:t + W.shape[0]], W) for t in range(t_out)]) + B
        return _np(out)
    return run, formula


def _gelu(approximate):
    def run(ms):
        return _out(ms.mint.npu_gelu(ms.Tensor(G), approximate=approximate))

    def formula():
        if approximate == "tanh":
            return _np(0.5 * G * (1 + np.tanh(math.sqrt(2 / math.pi) * (G + 0.044715 * G ** 3))))
        return _np([0.5 * g * (1 + math.erf(g / math.sqrt(2))) for g in G])
    return run, formula


def _bad(call):
    return (lambda ms: call(ms, ms.mint, ms.Tensor)), None


CASES = {
    "addr_": _addr(1, 1),
    "addr_ beta alpha": _addr(0.5, 2.0),
    "conv_tbc": _tbc(0),
    "conv_tbc pad": _tbc(1),
    "npu_gelu": _gelu("none"),
    "npu_gelu tanh": _gelu("tanh"),
    "addr_ beta str": _bad(lambda ms, m, T: m.addr_(T(X), T(V1), T(V2), beta="a")),
    "addr_ vec numpy": _bad(lambda ms, m, T: m.addr_(T(X), V1, T(V2))),
    "conv_tbc pad float": _bad(lambda ms, m, T: m.conv_tbc(T(SEQ), T(W), T(B), 1.5)),
    "conv_tbc pad str": _bad(lambda ms, m, T: m.conv_tbc(T(SEQ), T(W), T(B), "a")),
    "conv_tbc bias None": _bad(lambda ms, m, T: m.conv_tbc(T(SEQ), T(W), None)),
    "conv_tbc input numpy": _bad(lambda ms, m, T: m.conv_tbc(SEQ, T(W), T(B))),
    "npu_gelu approximate int": _bad(lambda ms, m, T: m.npu_gelu(T(G), approximate=1)),
    "npu_gelu list": _bad(lambda ms, m, T: m.npu_gelu([1.0])),
}


def run_case(ms, name):
    """The case's result, or {"error": type name}."""
    run, _ = CASES[name]
    try:
        return run(ms)
    except Exception as e:  # noqa: BLE001 - the reference's type is the data
        return {"error": type(e).__name__}


def record(ms):
    """What the generator stores for the reference (see the module docstring)."""
    out = {}
    for name, (_, formula) in CASES.items():
        got = run_case(ms, name)
        if got.get("error") == "RuntimeError" and formula is not None:
            got = {"reference_cpu": "RuntimeError", "expected": formula()}
        out[name] = got
    return out

"""Golden data for the mint names MindSpore 2.10 added (mint.vdot, mint.nn.CosineEmbeddingLoss,
mint.nn.functional.cosine_embedding_loss, mint.optim.FusedAdamW) and the 2.10 signature/path changes of
mint.nn.Mish / SELU and chunk_ext. Run with each reference:

    GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python tests/golden/gen_mint_v210.py   # mint_v210_2.10.0.json
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_mint_v210.py          # mint_v210_2.7.1.json

Signatures, the module paths and every argument error come from the reference's Python layer (they are raised
before any kernel runs). The reference's CPU build has no kernel for Vdot, CosineEmbeddingLoss or the AdamW
update ("Not implement exception" from InferShape), so where the reference call fails that way the expected
values are computed here with numpy from the documented formulas, and the record says so (``"alt": "formula"``):
  vdot(a, b) = sum(conj(a) * b) over 1-D inputs (aclnnVdot, torch.vdot);
  cosine_embedding_loss = 1 - cos(x1, x2) where y == 1, max(0, cos(x1, x2) - margin) where y == -1, cos over the
    last dim, then the reduction;
  FusedAdamW: the AdamW rule (decoupled decay theta *= 1 - lr*wd, bias-corrected moments, g negated with
    maximize). FusedAdamW and mint.optim.AdamW call the same AdamW kernel (ops.auto_generate.AdamW); with amsgrad
    the rule here is the one the reference writes out in Python for the same optimizer
    (mindspore/experimental/optim/adamw.py: maximum of the raw exp_avg_sq, then sqrt(.)/sqrt(1 - beta2^t) + eps),
    which is also what tests/golden/mint.npz's AdamW/max_ams golden was computed with; the docstring's
    max(v_hat^max, v_hat) notation differs from it once the bias correction changes between steps.
"""
import inspect
import json
import os

import mindspore as ms
import numpy as np
from mindspore import mint

HERE = os.path.dirname(os.path.abspath(__file__))
V210 = ms.__version__.startswith("2.10")


def _sig(obj, drop_self=False):
    s = inspect.signature(obj)
    if drop_self:
        s = s.replace(parameters=list(s.parameters.values())[1:])
    return str(s)


def _no_kernel(e):
    """The CPU build's failures: no kernel ("Not implement exception" from InferShape), or FusedAdamW's
    flattening of several parameters into one buffer, whose InplaceCopy CPU kernel rejects the sliced view
    ("an unexpected kernel has been launched"), or the AdamW kernel itself ("unregistered")."""
    marks = ("Not implement", "unexpected kernel", "unregistered")
    return isinstance(e, RuntimeError) and any(m in str(e) for m in marks)


def _arr(a):
    a = np.asarray(a)
    if np.iscomplexobj(a):
        return {"re": a.real.tolist(), "im": a.imag.tolist(), "dtype": str(a.dtype)}
    return {"v": a.tolist(), "dtype": str(a.dtype)}


def paths():
    import mindspore.ops.function.array_func as af
    import mindspore.ops.functional as opsf
    return {
        "ops.chunk_ext": hasattr(ms.ops, "chunk_ext"),
        "ops.functional.chunk_ext": hasattr(opsf, "chunk_ext"),
        "ops.function.chunk_ext": hasattr(ms.ops.function, "chunk_ext"),
        "ops.function.array_func.chunk_ext": hasattr(af, "chunk_ext"),
        "sig:mint.nn.Mish": _sig(mint.nn.Mish.__init__, True),
        "sig:mint.nn.SELU": _sig(mint.nn.SELU.__init__, True),
    }


# ---- vdot -------------------------------------------------------------------------------------------
def vdot_cases(rng):
    a = rng.standard_normal(5).astype(np.float32)
    b = rng.standard_normal(5).astype(np.float32)
    c = (rng.standard_normal(4) + 1j * rng.standard_normal(4)).astype(np.complex64)
    d = (rng.standard_normal(4) + 1j * rng.standard_normal(4)).astype(np.complex64)
    e = rng.standard_normal(3)
    f = rng.standard_normal(3)
    return [("f32", a, b), ("c64", c, d), ("f64", e, f)]


def run_vdot(rng):
    out = {}
    for cid, a, b in vdot_cases(rng):
        rec = {"input": _arr(a), "other": _arr(b)}
        try:
            r = mint.vdot(ms.Tensor(a), ms.Tensor(b)).asnumpy()
            rec.update(expected=_arr(r), alt=None)
        except Exception as e:  # noqa: BLE001
            if not _no_kernel(e):
                raise
            rec.update(expected=_arr(np.asarray(np.vdot(a, b), dtype=a.dtype)), alt="formula")
        out[cid] = rec
    return out


# ---- cosine_embedding_loss ----------------------------------------------------------------------------
def _cel(x1, x2, y, margin, reduction):
    x2 = np.broadcast_to(x2, x1.shape)
    cos = (x1 * x2).sum(-1) / np.sqrt((x1 * x1).sum(-1) * (x2 * x2).sum(-1))
    loss = np.where(y == 1, 1.0 - cos, np.maximum(0.0, cos - margin)).astype(x1.dtype)
    if reduction == "mean":
        return np.asarray(loss.mean(), x1.dtype)
    if reduction == "sum":
        return np.asarray(loss.sum(), x1.dtype)
    return loss


def cel_cases(rng):
    x1 = rng.standard_normal((4, 6)).astype(np.float32)
    x2 = rng.standard_normal((4, 6)).astype(np.float32)
    y = np.array([1, -1, -1, 1], np.int32)
    v1 = rng.standard_normal(5).astype(np.float32)
    v2 = rng.standard_normal(5).astype(np.float32)
    row = rng.standard_normal((1, 6)).astype(np.float32)
    doc1 = np.array([[0.3, 0.8], [0.4, 0.3]], np.float32)
    doc2 = np.array([[0.4, 1.2], [-0.4, -0.9]], np.float32)
    return [
        ("doc", doc1, doc2, np.array([1, -1], np.int32), {}),
        ("mean", x1, x2, y, {}),
        ("sum_margin", x1, x2, y, {"margin": 0.2, "reduction": "sum"}),
        ("none_neg_margin", x1, x2, y, {"margin": -0.3, "reduction": "none"}),
        ("1d_pos", v1, v2, np.array(1, np.int32), {"reduction": "none"}),
        ("1d_neg", v1, v2, np.array(-1, np.int32), {}),
        ("broadcast", x1, row, y, {"reduction": "none"}),
    ]


def run_cel(rng):
    out = {}
    for cid, x1, x2, y, kw in cel_cases(rng):
        rec = {"x1": _arr(x1), "x2": _arr(x2), "y": _arr(y), "kw": kw}
        for form in ("F", "Cell"):
            try:
                if form == "F":
                    r = mint.nn.functional.cosine_embedding_loss(ms.Tensor(x1), ms.Tensor(x2), ms.Tensor(y), **kw)
                else:
                    r = mint.nn.CosineEmbeddingLoss(**kw)(ms.Tensor(x1), ms.Tensor(x2), ms.Tensor(y))
                rec[form] = {"expected": _arr(r.asnumpy()), "alt": None}
            except Exception as e:  # noqa: BLE001
                if not _no_kernel(e):
                    raise
                rec[form] = {"expected": _arr(_cel(x1, x2, y, kw.get("margin", 0.0), kw.get("reduction", "mean"))),
                             "alt": "formula"}
        out[cid] = rec
    return out


# ---- FusedAdamW -----------------------------------------------------------------------------------------
OPT_CASES = [
    ("default", {}, False),
    ("wd_lr", {"lr": 0.05, "weight_decay": 0.1, "betas": (0.8, 0.95)}, False),
    ("betas_list", {"lr": 0.01, "betas": [0.85, 0.99]}, False),
    ("ams_max", {"lr": 0.01, "amsgrad": True, "maximize": True}, False),
    ("groups", {"lr": 0.01}, True),
]


def _adamw_np(params, grads_seq, groups):
    """The documented AdamW rule in float64, three steps; ``groups``: one options dict per parameter."""
    ps = [p.astype(np.float64) for p in params]
    m = [np.zeros_like(p) for p in ps]
    v = [np.zeros_like(p) for p in ps]
    vmax = [np.zeros_like(p) for p in ps]
    out = []
    for t, grads in enumerate(grads_seq, 1):
        for i, g in enumerate(grads):
            o = groups[i]
            lr, (b1, b2), eps, wd = o["lr"], o["betas"], o["eps"], o["weight_decay"]
            g = -g.astype(np.float64) if o["maximize"] else g.astype(np.float64)
            ps[i] = ps[i] - lr * wd * ps[i]
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            vv = v[i]
            if o["amsgrad"]:      # the running maximum of the raw second moment, then bias-corrected
                vmax[i] = np.maximum(vmax[i], v[i])
                vv = vmax[i]
            ps[i] = ps[i] - lr / (1 - b1 ** t) * m[i] / (np.sqrt(vv) / np.sqrt(1 - b2 ** t) + eps)
        out.append([p.astype(np.float32) for p in ps])
    return out


def run_fused(rng):
    w = rng.standard_normal((3, 4)).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32)
    grads = [(rng.standard_normal((3, 4)).astype(np.float32), rng.standard_normal(4).astype(np.float32))
             for _ in range(3)]
    out = {"w": _arr(w), "b": _arr(b), "grads": [[_arr(x) for x in g] for g in grads], "cases": {}}
    defaults = {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 1e-2, "amsgrad": False,
                "maximize": False}
    for cid, kw, grouped in OPT_CASES:
        opts = dict(defaults, **kw)
        per = [dict(opts, lr=0.5), dict(opts)] if grouped else [opts, opts]
        rec = {"kw": kw, "groups": grouped}
        try:
            pw = ms.Parameter(ms.Tensor(w), name="w")
            pb = ms.Parameter(ms.Tensor(b), name="b")
            params = [{"params": [pw], "lr": 0.5}, {"params": [pb]}] if grouped else [pw, pb]
            opt = mint.optim.FusedAdamW(params, **kw)
            vals = []
            for gw, gb in grads:
                opt((ms.Tensor(gw), ms.Tensor(gb)))
                vals.append([pw.asnumpy().copy(), pb.asnumpy().copy()])
            if np.array_equal(vals[-1][0], w):
                raise RuntimeError("Not implement: the update left the parameters unchanged")
            rec["alt"] = None
        except Exception as e:  # noqa: BLE001
            if not _no_kernel(e):
                raise
            vals = _adamw_np([w, b], grads, per)
            rec["alt"] = "formula"
            rec["reference_error"] = str(e).split("\n")[0][:200]
        rec["expected"] = [[_arr(x) for x in step] for step in vals]
        out["cases"][cid] = rec
    return out


def _error(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        if _no_kernel(e):
            return None         # past the Python layer: no argument error
        return type(e).__name__
    return "none"


def errors():
    t = ms.Tensor(np.ones(3, np.float32))
    t2 = ms.Tensor(np.ones((2, 3), np.float32))
    y = ms.Tensor(np.array([1, -1], np.int32))
    p = ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name="p")
    q = ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name="q")
    F = mint.optim.FusedAdamW
    cases = {
        "vdot/list_input": lambda: mint.vdot([1.0, 2.0, 3.0], t),
        "vdot/list_other": lambda: mint.vdot(t, [1.0, 2.0, 3.0]),
        "cel/bad_reduction": lambda: mint.nn.functional.cosine_embedding_loss(t2, t2, y, reduction="bad"),
        "cel/cell_bad_reduction": lambda: mint.nn.CosineEmbeddingLoss(reduction="bad")(t2, t2, y),
        "cel/list_input": lambda: mint.nn.functional.cosine_embedding_loss([[1.0, 2.0]], t2, y),
        "fused/lr_int": lambda: F([p], lr=1),
        "fused/lr_neg": lambda: F([p], lr=-0.1),
        "fused/betas_scalar": lambda: F([p], betas=0.9),
        "fused/betas_len3": lambda: F([p], betas=(0.9, 0.99, 0.999)),
        "fused/beta0_int": lambda: F([p], betas=(0, 0.99)),
        "fused/beta1_one": lambda: F([p], betas=(0.9, 1.0)),
        "fused/beta0_neg": lambda: F([p], betas=(-0.1, 0.99)),
        "fused/eps_neg": lambda: F([p], eps=-1e-8),
        "fused/eps_int": lambda: F([p], eps=0),
        "fused/wd_neg": lambda: F([p], weight_decay=-0.1),
        "fused/amsgrad_int": lambda: F([p], amsgrad=1),
        "fused/maximize_int": lambda: F([p], maximize=1),
        "fused/mixed_amsgrad": lambda: F([{"params": [p], "amsgrad": True}, {"params": [q]}]),
        "fused/empty": lambda: F([]),
        "fused/none": lambda: F(None),
    }
    return {k: _error(fn) for k, fn in cases.items()}


def fused_state():
    """Group flags and Parameter names after construction (one parameter per group: the reference's CPU build
    constructs these; several parameters in a group fail in its InplaceCopy CPU kernel)."""
    def one(params, **kw):
        o = mint.optim.FusedAdamW(params, **kw)
        return {"amsgrad": [g["amsgrad"] for g in o.param_groups],
                "has_max": ["max_exp_avg_sq" in g for g in o.param_groups],
                "names": sorted(x.name for x in o.get_parameters())}

    def par(n):
        return ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name=n)
    return {"group_true_default_false": one([{"params": [par("p")], "amsgrad": True}], amsgrad=False),
            "amsgrad": one([par("q")], amsgrad=True),
            "plain": one([par("r")]),
            "two_groups_amsgrad": one([{"params": [par("a")]}, {"params": [par("b")], "lr": 0.1}], amsgrad=True)}


def signatures():
    return {
        "mint.vdot": _sig(mint.vdot),
        "mint.nn.functional.cosine_embedding_loss": _sig(mint.nn.functional.cosine_embedding_loss),
        "mint.nn.CosineEmbeddingLoss": _sig(mint.nn.CosineEmbeddingLoss.__init__, True),
        "mint.optim.FusedAdamW": _sig(mint.optim.FusedAdamW.__init__, True),
    }


if __name__ == "__main__":
    rec = {"release": ms.__version__, "paths": paths()}
    if V210:
        rng = np.random.default_rng(210)
        rec.update(signatures=signatures(), errors=errors(), vdot=run_vdot(rng), cel=run_cel(rng),
                   fused=run_fused(rng), fused_state=fused_state())
    with open(os.path.join(HERE, f"mint_v210_{ms.__version__}.json"), "w") as f:
        json.dump(rec, f, indent=0, sort_keys=True)
    print(json.dumps({k: v for k, v in rec.items() if k in ("paths", "errors", "signatures")}, indent=1))

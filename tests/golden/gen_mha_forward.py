"""ops.function.nn_func.multi_head_attention_forward from the reference, for tests/test_mha_forward.py (run with the
reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_mha_forward.py

Inputs from a fixed numpy seed (sequence-first: (L, N, E)); CASES lists the keyword variations. Writes
tests/golden/mha_forward.npz.
"""
import os
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
L, S, N, E, H = 3, 4, 2, 8, 2

CASES = {
    "plain": {},
    "self_attention": {"self": True},
    "key_padding_mask": {"key_padding_mask": "kpm_bool"},
    "attn_mask_bool": {"attn_mask": "mask_bool"},
    "attn_mask_float": {"attn_mask": "mask_float"},
    "attn_mask_3d": {"attn_mask": "mask_3d"},
    "bias_kv": {"bias_kv": True},
    "zero_attn": {"add_zero_attn": True},
    "separate": {"use_separate_proj_weight": True},
    "per_head": {"average_attn_weights": False},
    "no_bias": {"no_bias": True},
}


def inputs(case):
    """(args, kwargs) of the call for ``case``, as numpy arrays (the caller wraps them as Tensors)."""
    spec = CASES[case]
    rng = np.random.default_rng(7)
    q = rng.standard_normal((L, N, E)).astype(np.float32)
    k = rng.standard_normal((S, N, E)).astype(np.float32)
    v = rng.standard_normal((S, N, E)).astype(np.float32)
    if spec.get("self"):
        k = v = q
    w_in = (rng.standard_normal((3 * E, E)) * 0.3).astype(np.float32)
    b_in = (rng.standard_normal(3 * E) * 0.1).astype(np.float32)
    w_out = (rng.standard_normal((E, E)) * 0.3).astype(np.float32)
    b_out = (rng.standard_normal(E) * 0.1).astype(np.float32)
    if spec.get("no_bias"):
        b_in = b_out = None
    bias_k = bias_v = None
    if spec.get("bias_kv"):
        bias_k = (rng.standard_normal((1, 1, E)) * 0.1).astype(np.float32)
        bias_v = (rng.standard_normal((1, 1, E)) * 0.1).astype(np.float32)
    s = k.shape[0]
    masks = {"kpm_bool": np.array([[False] * (s - 1) + [True], [False] * s]),
             "mask_bool": np.triu(np.ones((L, s), bool), 1),
             "mask_float": (rng.standard_normal((L, s)) * 0.5).astype(np.float32),
             "mask_3d": np.tile(np.triu(np.ones((L, s), bool), 2)[None], (N * H, 1, 1))}
    kwargs = {"training": False}
    for key in ("key_padding_mask", "attn_mask"):
        if key in spec:
            kwargs[key] = masks[spec[key]]
    if spec.get("use_separate_proj_weight"):
        kwargs.update(use_separate_proj_weight=True, q_proj_weight=w_in[:E], k_proj_weight=w_in[E:2 * E],
                      v_proj_weight=w_in[2 * E:])
    if "average_attn_weights" in spec:
        kwargs["average_attn_weights"] = spec["average_attn_weights"]
    args = [q, k, v, E, H, w_in, b_in, bias_k, bias_v, bool(spec.get("add_zero_attn")), 0.0, w_out, b_out]
    return args, kwargs


def wrap(Tensor, args, kwargs):
    def t(x):
        return Tensor(x) if isinstance(x, np.ndarray) else x
    return [t(a) for a in args], {k: t(v) for k, v in kwargs.items()}


def main():
    warnings.simplefilter("ignore")
    from mindspore import Tensor
    from mindspore.ops.function.nn_func import multi_head_attention_forward

    out = {}
    for case in CASES:
        args, kwargs = wrap(Tensor, *inputs(case))
        try:
            o, w = multi_head_attention_forward(*args, **kwargs)
            out[f"{case}/out"] = o.asnumpy().copy()
            out[f"{case}/weights"] = w.asnumpy().copy()
        except Exception as e:  # noqa: BLE001
            out[f"{case}/error"] = np.array(f"{type(e).__name__}: {str(e).splitlines()[0][:200]}")
    np.savez_compressed(os.path.join(HERE, "mha_forward.npz"), **out)


if __name__ == "__main__":
    main()

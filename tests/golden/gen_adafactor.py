"""nn.AdaFactor (mindspore.nn.optim.adafactor) steps from the reference, for tests/test_adafactor.py (run with
the reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_adafactor.py

For each case of CASES: parameters and gradients from a fixed numpy seed, three optimizer steps, and after
each step the parameters and the optimizer's state (exp_avg, exp_avg_sq_row/col, exp_avg_sq, step); the
state's names and shapes; and the constructor's argument errors. Writes tests/golden/adafactor.npz + .json.
"""
import json
import os
import sys
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

SHAPES = {"w": (4, 3), "b": (4,), "k": (2, 3, 5)}
CASES = {
    "default": {},
    "manual_lr": {"learning_rate": 0.01, "relative_step": False, "scale_parameter": False, "beta1": 0.0,
                  "weight_decay": 0.1},
    "warmup": {"relative_step": True, "warmup_init": True, "clip_threshold": 0.5, "decay_rate": 0.5},
    "scaled_manual": {"learning_rate": 0.05, "relative_step": False, "eps": (1e-20, 1e-2), "beta1": 0.5},
}
STEPS = 3
ERRORS = {
    "lr_and_relative_step": {"learning_rate": 0.1},
    "warmup_without_relative": {"learning_rate": 0.1, "relative_step": False, "warmup_init": True},
    "no_lr_no_relative": {"relative_step": False},
    "eps_len": {"eps": (1e-30,)},
    "eps_int": {"eps": (1, 1e-3)},
    "clip_int": {"clip_threshold": 1},
    "decay_rate_range": {"decay_rate": 1.5},
    "weight_decay_range": {"weight_decay": 1.0},
    "beta1_str": {"beta1": "0.9"},
    "scale_parameter_int": {"scale_parameter": 1},
}


def inputs(seed=0):
    rng = np.random.default_rng(seed)
    params = {n: rng.standard_normal(s).astype(np.float32) for n, s in SHAPES.items()}
    grads = [{n: rng.standard_normal(s).astype(np.float32) for n, s in SHAPES.items()} for _ in range(STEPS)]
    return params, grads


STATE = ("exp_avg", "exp_avg_sq_row", "exp_avg_sq_col", "exp_avg_sq")


def main():
    warnings.simplefilter("ignore")
    import mindspore as ms
    from mindspore import Parameter, Tensor
    from mindspore.nn.optim.adafactor import AdaFactor

    arrays, meta = {}, {"cases": {}, "errors": {}, "version": ms.__version__}
    for case, kwargs in CASES.items():
        p0, grads = inputs()
        params = [Parameter(Tensor(p0[n]), name=n) for n in SHAPES]
        opt = AdaFactor(params, **kwargs)
        meta["cases"][case] = {"state": {k: [[q.name, list(q.shape), str(q.dtype)] for q in getattr(opt, k)]
                                         for k in STATE},
                               "step_param": [opt.step.name, list(opt.step.shape)]}
        for s in range(STEPS):
            opt(tuple(Tensor(grads[s][n]) for n in SHAPES))
            for p in params:
                arrays[f"{case}/{s}/param/{p.name}"] = p.asnumpy().copy()
            for k in STATE:
                for i, q in enumerate(getattr(opt, k)):
                    arrays[f"{case}/{s}/{k}/{i}"] = q.asnumpy().copy()
            arrays[f"{case}/{s}/step"] = opt.step.asnumpy().copy()
    for name, kwargs in ERRORS.items():
        p0, _ = inputs()
        try:
            AdaFactor([Parameter(Tensor(p0["w"]), name="w")], **kwargs)
            meta["errors"][name] = None
        except Exception as e:  # noqa: BLE001
            meta["errors"][name] = {"type": type(e).__name__, "message": str(e).split("\n")[0][:300]}
    np.savez_compressed(os.path.join(HERE, "adafactor.npz"), **arrays)
    with open(os.path.join(HERE, "adafactor.json"), "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote adafactor.npz/.json", file=sys.stderr)


if __name__ == "__main__":
    main()

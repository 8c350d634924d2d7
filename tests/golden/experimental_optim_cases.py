"""Cases for mindspore.experimental.optim and its lr_scheduler, run the same way by the reference
(tests/golden/gen_experimental_optim.py) and by lightspore (tests/test_runtime_experimental.py): ``run(ms)`` returns
the parameters after each optimizer step and the learning rates after each scheduler step."""
import math

import numpy as np

STEPS = 6


def _params(ms, tag):
    rng = np.random.default_rng(7)
    w = ms.Parameter(ms.Tensor(rng.standard_normal((3, 4)).astype(np.float32)), name=f"w{tag}")
    b = ms.Parameter(ms.Tensor(rng.standard_normal((4,)).astype(np.float32)), name=f"b{tag}")
    v = ms.Parameter(ms.Tensor(rng.standard_normal((2,)).astype(np.float32)), name=f"v{tag}")
    return [w, b, v]


def _grads(ms, step):
    rng = np.random.default_rng(100 + step)
    shapes = [(3, 4), (4,), (2,)]
    return tuple(ms.Tensor((rng.standard_normal(s) * (0.5 + step)).astype(np.float32)) for s in shapes)


OPTIM_CASES = [
    ("Adam", {}),
    ("Adam", {"lr": 0.01, "weight_decay": 0.1, "maximize": True}),
    ("Adam", {"lr": 0.05, "betas": (0.8, 0.99), "eps": 1e-3, "amsgrad": True}),
    ("AdamW", {}),
    ("AdamW", {"lr": 0.02, "weight_decay": 0.3, "amsgrad": True}),
    ("AdamW", {"lr": 0.02, "maximize": True, "eps": 1e-4}),
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.1, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True, "maximize": True}),
    ("Adadelta", {}),
    ("Adadelta", {"lr": 0.5, "rho": 0.8, "eps": 1e-4, "weight_decay": 0.1, "maximize": True}),
    ("Adagrad", {}),
    ("Adagrad", {"lr": 0.1, "lr_decay": 0.1, "weight_decay": 0.05, "initial_accumulator_value": 0.5}),
    ("Adamax", {}),
    ("Adamax", {"lr": 0.01, "betas": (0.8, 0.9), "weight_decay": 0.1, "maximize": True}),
    ("ASGD", {}),
    ("ASGD", {"lr": 0.05, "lambd": 0.01, "alpha": 0.5, "t0": 2.0, "weight_decay": 0.1}),
    ("NAdam", {}),
    ("NAdam", {"lr": 0.01, "betas": (0.8, 0.99), "weight_decay": 0.1, "momentum_decay": 0.01}),
    ("RAdam", {}),
    ("RAdam", {"lr": 0.01, "betas": (0.5, 0.6), "weight_decay": 0.1}),
    ("RMSprop", {}),
    ("RMSprop", {"lr": 0.02, "alpha": 0.9, "momentum": 0.5, "centered": True, "weight_decay": 0.1, "maximize": True}),
    ("Rprop", {}),
    ("Rprop", {"lr": 0.05, "etas": (0.3, 1.5), "step_sizes": (1e-3, 0.2), "maximize": True}),
]


def run_optim(ms, name, kwargs, groups):
    from importlib import import_module
    optim = import_module(ms.__name__ + ".experimental.optim")
    ps = _params(ms, "")
    if groups:
        params = [{"params": ps[:2]}, {"params": ps[2:], "lr": 0.2, "weight_decay": 0.05}]
    else:
        params = ps
    opt = getattr(optim, name)(params, **kwargs)
    out = []
    for step in range(STEPS):
        opt(_grads(ms, step))
        out.append([p.asnumpy().tolist() for p in ps])
    return out


SCHED_CASES = [
    ("StepLR", {"step_size": 3, "gamma": 0.5}),
    ("LinearLR", {"start_factor": 0.25, "end_factor": 1.0, "total_iters": 4}),
    ("ExponentialLR", {"gamma": 0.8}),
    ("PolynomialLR", {"total_iters": 6, "power": 2.0}),
    ("MultiplicativeLR", {"lr_lambda": "mult"}),
    ("ConstantLR", {"factor": 0.5, "total_iters": 3}),
    ("MultiStepLR", {"milestones": [2, 5, 5, 8], "gamma": 0.5}),
    ("LambdaLR", {"lr_lambda": "lambda"}),
    ("LambdaLR", {"lr_lambda": "two_lambdas"}),
    ("CyclicLR", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3}),
    ("CyclicLR", {"base_lr": [0.01, 0.02], "max_lr": 0.1, "step_size_up": 2, "step_size_down": 3,
                  "mode": "triangular2"}),
    ("CyclicLR", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 2, "mode": "exp_range", "gamma": 0.9}),
    ("CosineAnnealingWarmRestarts", {"T_0": 3, "T_mult": 2, "eta_min": 0.001}),
    ("CosineAnnealingWarmRestarts", {"T_0": 4}),
    ("CosineAnnealingLR", {"T_max": 5, "eta_min": 0.01}),
    ("CosineAnnealingLR", {"T_max": 3}),
    ("SequentialLR", {}),
    ("ReduceLROnPlateau", {"patience": 1, "factor": 0.5, "cooldown": 1, "min_lr": 0.02}),
    ("ReduceLROnPlateau", {"mode": "max", "patience": 0, "threshold_mode": "abs", "threshold": 0.1}),
]
SCHED_STEPS = 14
METRICS = [1.0, 0.9, 0.95, 0.97, 0.85, 0.86, 0.86, 0.87, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75]
# step(epoch) jumps (closed forms)
EPOCH_CASES = [
    ("StepLR", {"step_size": 2, "gamma": 0.5}, [5, 1, 8]),
    ("ExponentialLR", {"gamma": 0.9}, [3, 7]),
    ("LinearLR", {"start_factor": 0.5, "total_iters": 4}, [2, 6]),
    ("CosineAnnealingLR", {"T_max": 6, "eta_min": 0.001}, [2, 4, 9]),
    ("ConstantLR", {"factor": 0.5, "total_iters": 2}, [1, 3]),
    ("PolynomialLR", {"total_iters": 4, "power": 1.0}, [2, 5]),
    ("CosineAnnealingWarmRestarts", {"T_0": 2}, [1, 5, 3]),
    ("CosineAnnealingWarmRestarts", {"T_0": 3, "T_mult": 2}, [1, 2]),
]


def _kwargs(kwargs):
    kw = dict(kwargs)
    if kw.get("lr_lambda") == "lambda":
        kw["lr_lambda"] = lambda e: 0.9 ** e
    elif kw.get("lr_lambda") == "two_lambdas":
        kw["lr_lambda"] = [lambda e: 0.9 ** e, lambda e: 1.0 / (e + 1)]
    elif kw.get("lr_lambda") == "mult":
        kw["lr_lambda"] = lambda e: 0.95
    return kw


def _lrs(sched):
    return [float(x.asnumpy()) for x in sched.get_last_lr()]


def run_sched(ms, name, kwargs, epochs=None):
    from importlib import import_module
    optim = import_module(ms.__name__ + ".experimental.optim")
    lr_scheduler = optim.lr_scheduler
    ps = _params(ms, "")
    opt = optim.SGD([{"params": ps[:2]}, {"params": ps[2:], "lr": 0.05}], lr=0.1)
    if name == "SequentialLR":
        s1 = lr_scheduler.LinearLR(opt, start_factor=0.5, total_iters=3)
        s2 = lr_scheduler.ExponentialLR(opt, gamma=0.9)
        sched = lr_scheduler.SequentialLR(opt, [s1, s2], milestones=[4])
    else:
        sched = getattr(lr_scheduler, name)(opt, **_kwargs(kwargs))
    out = [_lrs(sched)]
    if epochs is not None:
        for e in epochs:
            sched.step(e)
            out.append(_lrs(sched))
        return out
    for i in range(SCHED_STEPS):
        if name == "ReduceLROnPlateau":
            sched.step(ms.Tensor(METRICS[i], ms.float32))
        else:
            sched.step()
        out.append(_lrs(sched))
        # the scheduler's learning rate is what the optimizer uses
        assert abs(float(opt.param_groups[0]["lr"].asnumpy()) - out[-1][0]) <= 1e-6 * max(1.0, abs(out[-1][0]))
    return out


def run_all(ms):
    res = {"optim": {}, "sched": {}, "epoch": {}}
    for i, (name, kw) in enumerate(OPTIM_CASES):
        for groups in (False, True):
            res["optim"][f"{i}:{name}:{groups}"] = run_optim(ms, name, kw, groups)
    for i, (name, kw) in enumerate(SCHED_CASES):
        res["sched"][f"{i}:{name}"] = run_sched(ms, name, kw)
    for i, (name, kw, epochs) in enumerate(EPOCH_CASES):
        res["epoch"][f"{i}:{name}"] = run_sched(ms, name, kw, epochs)
    return res


def finite(x):
    return x if not isinstance(x, float) or math.isfinite(x) else str(x)

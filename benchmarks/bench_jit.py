"""Training steps eager vs compiled: lightspore (eager, ``ms.jit``) against raw PyTorch (eager, ``torch.compile``).

Models: the seed's LeNet5 at batch 32 (bench_lenet.py's network) and mindcv's ResNet-50 at batch 8
(``create_model('resnet50')`` run unchanged through the ``mindspore`` alias; PyTorch gets the same architecture,
bench_resnet50.build_torch's). A step is forward, softmax cross-entropy, gradients and a Momentum/SGD(momentum)
update, four ways:

  (a) lightspore eager      ``loss, grads = grad_fn(x, y); opt(grads)``
  (b) lightspore ms.jit     the same function under ``@ms.jit`` (Inductor)
  (c) PyTorch eager         ``zero_grad; loss = ce(net(x), y); loss.backward(); opt.step()``
  (d) torch.compile         the same function under ``torch.compile`` (Inductor)

The compiler stack is imported and initialised once before anything is timed (a tiny torch.compile'd step).
The first two calls are timed for each (``ms.jit`` runs its first call eagerly and compiles on the second;
``torch.compile`` compiles on the first): compile time = their sum minus two steady steps. Then rounds
alternate between the four so that machine drift hits all alike, and the medians and ratios are printed.
Targets (issue 14): (b) <= 1.05x (d); (b) <= 0.8x (c) wherever (d) reaches that; compile time of (b) <= 1.2x
that of (d).

    python benchmarks/bench_jit.py [--models lenet,resnet50] [--rounds 5] [--steps N] [--threads N] [--quick]
                                   [--fresh N] [--cold]

``--fresh N``: also measure (b)'s and (d)'s compile time each in N fresh processes, alternating (in one process
the compiled column that runs first pays one-off costs the other then reuses).
``--quick``: LeNet5 only, 3 rounds of 10 steps (a couple of minutes, compile included).
The Inductor compile cache on disk is used as PyTorch normally does; ``--cold`` points it at a fresh
temporary directory so that first-call times include code generation.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def _lenet_data(batch=32):
    rng = np.random.RandomState(0)
    return rng.rand(batch, 1, 32, 32).astype(np.float32), rng.randint(0, 10, batch).astype(np.int32)


def _resnet_data(batch=8):
    rng = np.random.RandomState(0)
    return rng.standard_normal((batch, 3, 224, 224)).astype(np.float32), rng.randint(0, 10, batch).astype(np.int32)


# ---------------------------------------------------------------------------------------------
# lightspore: the tutorial's train_step, eager and under ms.jit
# ---------------------------------------------------------------------------------------------
def _ms_steps(ms, net, x_np, y_np):
    loss_fn = ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = ms.nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9)

    def forward_fn(data, label):
        return loss_fn(net(data), label)

    grad_fn = ms.value_and_grad(forward_fn, None, opt.parameters)

    def train_step(data, label):
        loss, grads = grad_fn(data, label)
        opt(grads)
        return loss

    x, y = ms.Tensor(x_np), ms.Tensor(y_np)
    return train_step, (x, y), (lambda out: out.asnumpy())


JIT_LEVEL = os.environ.get("BENCH_JIT_LEVEL", "O0")      # --jit-level (passed to --first-call subprocesses too)


def build_lightspore(model, jit):
    import lightspore as ms
    import lightspore.nn as nn

    ms.set_seed(1)
    if model == "lenet":
        from lightspore.common.initializer import Normal

        class LeNet5(nn.Cell):
            def __init__(self, num_class=10, num_channel=1):
                super().__init__()
                self.conv1 = nn.Conv2d(num_channel, 6, 5, pad_mode='valid')
                self.conv2 = nn.Conv2d(6, 16, 5, pad_mode='valid')
                self.relu = nn.ReLU()
                self.max_pool2d = nn.MaxPool2d(kernel_size=2, stride=2)
                self.flatten = nn.Flatten()
                self.fc1 = nn.Dense(16 * 5 * 5, 120, weight_init=Normal(0.02))
                self.fc2 = nn.Dense(120, 84, weight_init=Normal(0.02))
                self.fc3 = nn.Dense(84, num_class, weight_init=Normal(0.02))

            def construct(self, x):
                x = self.max_pool2d(self.relu(self.conv1(x)))
                x = self.max_pool2d(self.relu(self.conv2(x)))
                x = self.flatten(x)
                x = self.relu(self.fc1(x))
                x = self.relu(self.fc2(x))
                return self.fc3(x)

        net, data = LeNet5(), _lenet_data()
    else:
        ms.install_alias()
        from mindcv.models import create_model

        net, data = create_model("resnet50", num_classes=10), _resnet_data()
    net.set_train(True)
    step, args, sync = _ms_steps(ms, net, *data)
    return (ms.jit(step, jit_level=JIT_LEVEL) if jit else step), args, sync


# ---------------------------------------------------------------------------------------------
# raw PyTorch: the same networks, eager and under torch.compile
# ---------------------------------------------------------------------------------------------
def build_torch(model, compiled):
    import torch
    import torch.nn.functional as F
    from torch import nn

    torch.manual_seed(1)
    if model == "lenet":
        class LeNet5(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 6, 5, bias=False)
                self.conv2 = nn.Conv2d(6, 16, 5, bias=False)
                self.fc1, self.fc2, self.fc3 = nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10)

            def forward(self, x):
                x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)
                x = torch.flatten(x, 1)
                return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))

        net, (x_np, y_np) = LeNet5(), _lenet_data()
    else:
        net, (x_np, y_np) = _torch_resnet50(), _resnet_data()
    net.train()
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)

    def train_step(x, y):
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()
        return loss

    args = (torch.from_numpy(x_np), torch.from_numpy(y_np.astype(np.int64)))
    return (torch.compile(train_step) if compiled else train_step), args, (lambda out: out.detach().numpy())


def _torch_resnet50():
    """bench_resnet50's PyTorch network (mindcv resnet50's architecture): its train closure holds the net."""
    import torch
    from bench_resnet50 import build_torch as resnet_parts

    train = resnet_parts()[0]
    return next(c.cell_contents for c in train.__closure__ if isinstance(c.cell_contents, torch.nn.Sequential))


VARIANTS = (("a", "lightspore eager"), ("b", "lightspore ms.jit"), ("c", "torch eager"), ("d", "torch.compile"))


def _build(model, key):
    if key == "a":
        return build_lightspore(model, jit=False)
    if key == "b":
        return build_lightspore(model, jit=True)
    if key == "c":
        return build_torch(model, compiled=False)
    return build_torch(model, compiled=True)


def warm_compiler():
    """Import and initialise the compiler stack once (Dynamo, AOTAutograd, Inductor's code cache) with a tiny
    compiled training step, so that neither compiled column's first-call time includes the one-off cost of
    importing PyTorch's compiler modules (several seconds) - whichever ran first would pay it."""
    import torch

    w = torch.ones(3, requires_grad=True)

    @torch.compile
    def tiny(x):
        return (x * w).sum()

    tiny(torch.ones(3)).backward()


def bench(model, rounds, steps, warmup):
    built, first = {}, {}
    for key, _ in VARIANTS:
        fn, args, sync = _build(model, key)
        t0 = time.perf_counter()
        sync(fn(*args))
        t1 = time.perf_counter()
        sync(fn(*args))       # ms.jit runs its first call eagerly and compiles on the second: time both
        first[key] = (t1 - t0, time.perf_counter() - t1)
        print(f"  {model} ({key}): first call {first[key][0]:.2f} s, second {first[key][1]:.2f} s", flush=True)
        for _ in range(warmup):
            sync(fn(*args))
        built[key] = (fn, args, sync)
    times = {key: [] for key, _ in VARIANTS}
    for _ in range(rounds):
        for key, _ in VARIANTS:
            fn, args, sync = built[key]
            t0 = time.perf_counter()
            for _ in range(steps):
                out = fn(*args)
            sync(out)
            times[key].append((time.perf_counter() - t0) / steps)
    med = {k: statistics.median(v) for k, v in times.items()}
    return med, first


def first_calls(model, key, threads):
    """In this (fresh) process: warm the compiler stack, then time the first two calls and three steady steps of
    one variant; prints JSON. Used by --fresh so that each compiled column pays exactly its own one-off costs."""
    import torch

    if threads:
        torch.set_num_threads(threads)
    warm_compiler()
    fn, args, sync = _build(model, key)
    calls = []
    for _ in range(5):
        t0 = time.perf_counter()
        sync(fn(*args))
        calls.append(time.perf_counter() - t0)
    print(json.dumps({"first": calls[:2], "step": statistics.median(calls[2:])}))


def fresh_compile_times(model, repeats, threads):
    """Compile time of (b) and (d), each measured in its own fresh process, alternating: median seconds."""
    out = {"b": [], "d": []}
    for _ in range(repeats):
        for key in ("b", "d"):
            cmd = [sys.executable, os.path.abspath(__file__), "--first-call", model, key, "--threads", str(threads)]
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            r = json.loads(res.stdout.strip().splitlines()[-1])
            out[key].append(sum(r["first"]) - 2 * r["step"])
            print(f"  {model} ({key}) fresh process: compile {out[key][-1]:.2f} s", flush=True)
    return {k: statistics.median(v) for k, v in out.items()}


def report(model, med, first, rounds, steps, fresh=None):
    unit, scale = ("ms", 1e3)
    print(f"\n{model}: median of {rounds} alternating rounds x {steps} steps, {unit}/step")
    print(f"  {'variant':<22} {unit + '/step':>9} {'x (c)':>7} {'calls 1+2 s':>12}")
    for key, name in VARIANTS:
        print(f"  ({key}) {name:<18} {med[key] * scale:9.2f} {med[key] / med['c']:7.2f} {sum(first[key]):12.2f}")
    comp_b = sum(first["b"]) - 2 * med["b"]
    comp_d = sum(first["d"]) - 2 * med["d"]
    print(f"  (b)/(d) step time {med['b'] / med['d']:.2f} (target <= 1.05); "
          f"(b)/(c) {med['b'] / med['c']:.2f}, (d)/(c) {med['d'] / med['c']:.2f} (target (b) <= 0.8 where (d) is)")
    print(f"  compile time (first two calls - two steps): (b) {comp_b:.1f} s, (d) {comp_d:.1f} s, "
          f"ratio {comp_b / comp_d if comp_d > 0 else float('nan'):.2f} (target <= 1.2)")
    if fresh:
        print(f"  compile time, each in a fresh process (median): (b) {fresh['b']:.1f} s, (d) {fresh['d']:.1f} s, "
              f"ratio {fresh['b'] / fresh['d']:.2f} (target <= 1.2)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="lenet,resnet50")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--steps", type=int, default=0, help="steps per round (default: 20 LeNet5, 2 ResNet-50)")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (default: torch's choice)")
    ap.add_argument("--cold", action="store_true", help="a fresh Inductor cache directory (compile from scratch)")
    ap.add_argument("--fresh", type=int, default=0,
                    help="also time (b)'s and (d)'s compile in N fresh processes each, alternating")
    ap.add_argument("--jit-level", choices=("O0", "O1"), default=None,
                    help="ms.jit's jit_level for (b): O0 (default; the gradient between graphs, as torch.compile "
                         "splits at backward) or O1 (forward, backward and update one graph)")
    ap.add_argument("--first-call", nargs=2, metavar=("MODEL", "VARIANT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.jit_level:
        os.environ["BENCH_JIT_LEVEL"] = args.jit_level
        globals()["JIT_LEVEL"] = args.jit_level
    if args.first_call:
        first_calls(*args.first_call, args.threads)
        return
    if args.cold:
        os.environ["TORCHINDUCTOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench_jit_inductor_")
    models = ["lenet"] if args.quick else args.models.split(",")
    rounds = 3 if args.quick else args.rounds
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, ms.jit jit_level {JIT_LEVEL}, Inductor cache "
          f"{os.environ.get('TORCHINDUCTOR_CACHE_DIR', 'default')}")
    warm_compiler()
    for model in models:
        steps = args.steps or (10 if args.quick else 20 if model == "lenet" else 2)
        fresh = fresh_compile_times(model, args.fresh, args.threads) if args.fresh else None
        med, first = bench(model, rounds, steps, 1 if model == "resnet50" else args.warmup)
        report(model, med, first, rounds, steps, fresh)


if __name__ == "__main__":
    main()

"""LeNet5 batch-32 on CPU: lightspore vs the same network in raw PyTorch (and real MindSpore when a
python with it is named by LIGHTSPORE_REF_PYTHON), side by side in one run.

Measures
  * training step (forward, loss, gradients, Momentum update) and inference, median ms over rounds
    that alternate between the frameworks so machine drift hits both alike;
  * per-op dispatch overhead: a small elementwise add, lightspore (ops.add and Tensor +) vs torch.add;
  * peak RSS of a 1,000-step training loop, each framework in its own fresh process, and the RSS
    growth between step 100 and step 1,000.

    python benchmarks/bench_lenet.py [--steps 50] [--rounds 7] [--mem-steps 1000]
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

import numpy as np

BATCH = 32


def _data(seed=0):
    rng = np.random.RandomState(seed)
    return rng.rand(BATCH, 1, 32, 32).astype(np.float32), rng.randint(0, 10, BATCH).astype(np.int32)


# ---------------------------------------------------------------------------------------------
# the three implementations of one training step
# ---------------------------------------------------------------------------------------------
def build_lightspore():
    import lightspore as ms
    import lightspore.nn as nn
    from lightspore.common.initializer import Normal

    return _build_ms_like(ms, nn, Normal)


def build_mindspore():
    import mindspore as ms
    import mindspore.nn as nn
    from mindspore.common.initializer import Normal

    ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
    return _build_ms_like(ms, nn, Normal)


def _build_ms_like(ms, nn, Normal):
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

    net = LeNet5()
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9)

    def forward_fn(data, label):
        return loss_fn(net(data), label)

    grad_fn = ms.value_and_grad(forward_fn, None, opt.parameters)
    x_np, y_np = _data()
    x, y = ms.Tensor(x_np), ms.Tensor(y_np)

    def train_step():
        loss, grads = grad_fn(x, y)
        opt(grads)
        return loss

    def infer():
        return net(x)

    def sync(out):
        out.asnumpy()

    return train_step, infer, sync


def build_torch():
    import torch
    import torch.nn as tnn
    import torch.nn.functional as F

    class LeNet5(tnn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = tnn.Conv2d(1, 6, 5, bias=False)
            self.conv2 = tnn.Conv2d(6, 16, 5, bias=False)
            self.fc1 = tnn.Linear(400, 120)
            self.fc2 = tnn.Linear(120, 84)
            self.fc3 = tnn.Linear(84, 10)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)
            x = torch.flatten(x, 1)
            x = F.relu(self.fc1(x))
            x = F.relu(self.fc2(x))
            return self.fc3(x)

    net = LeNet5()
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    x_np, y_np = _data()
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np).long()

    def train_step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()
        return loss

    def infer():
        with torch.no_grad():
            return net(x)

    def sync(out):
        out.detach().numpy()

    return train_step, infer, sync


BUILDERS = {"lightspore": build_lightspore, "torch": build_torch, "mindspore": build_mindspore}


# ---------------------------------------------------------------------------------------------
def _time(fn, sync, steps):
    t0 = time.perf_counter()
    for _ in range(steps):
        out = fn()
    sync(out)
    return (time.perf_counter() - t0) / steps * 1e3


def timing(frameworks, steps, rounds):
    built = {f: BUILDERS[f]() for f in frameworks}
    for f in frameworks:                      # warm up
        tr, inf, sync = built[f]
        _time(tr, sync, 20)
        _time(inf, sync, 20)
    res = {f: {"train": [], "infer": []} for f in frameworks}
    for _ in range(rounds):
        for f in frameworks:
            tr, inf, sync = built[f]
            res[f]["train"].append(_time(tr, sync, steps))
            res[f]["infer"].append(_time(inf, sync, steps))
    return {f: {k: statistics.median(v) for k, v in d.items()} for f, d in res.items()}


def op_overhead(n=20000, rounds=7):
    import torch

    import lightspore as ms

    a_np = np.random.rand(8, 8).astype(np.float32)
    ta, tb = torch.from_numpy(a_np), torch.from_numpy(a_np.copy())
    la, lb = ms.Tensor(a_np), ms.Tensor(a_np.copy())
    add = ms.ops.add

    def loop(fn):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        return (time.perf_counter() - t0) / n * 1e6

    cases = {"torch.add": lambda: torch.add(ta, tb), "ops.add": lambda: add(la, lb),
             "torch a+b": lambda: ta + tb, "Tensor a+b": lambda: la + lb,
             "torch.relu": lambda: torch.relu(ta), "ops.relu": lambda: ms.ops.relu(la)}
    out = {k: [] for k in cases}
    for _ in range(rounds):
        for k, fn in cases.items():
            out[k].append(loop(fn))
    return {k: statistics.median(v) for k, v in out.items()}


def _rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def memory_child(framework, steps):
    tr, _, sync = BUILDERS[framework]()
    rss = {}
    for i in range(1, steps + 1):
        out = tr()
        if i in (100, steps):
            sync(out)
            rss[i] = _rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_mb": peak, "rss_100": rss[100], "rss_end": rss[steps]}))


def memory(framework, steps, python=None):
    cmd = [python or sys.executable, os.path.abspath(__file__), "--mem-child", framework,
           "--mem-steps", str(steps)]
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "GLOG_v": "3"})
    if r.returncode != 0:
        raise RuntimeError(f"memory run for {framework} failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def mindspore_timing(python, steps, rounds):
    cmd = [python, os.path.abspath(__file__), "--time-child", "mindspore", "--steps", str(steps),
           "--rounds", str(rounds)]
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "GLOG_v": "3"})
    if r.returncode != 0:
        print(f"(real MindSpore run failed: {r.stderr[-500:]})")
        return None
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--mem-steps", type=int, default=1000)
    p.add_argument("--mem-child", default=None)
    p.add_argument("--time-child", default=None)
    args = p.parse_args()
    if args.mem_child:
        memory_child(args.mem_child, args.mem_steps)
        return
    if args.time_child:
        print(json.dumps(timing([args.time_child], args.steps, args.rounds)[args.time_child]))
        return

    import torch

    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, batch {BATCH}")
    t = timing(["torch", "lightspore"], args.steps, args.rounds)
    ref_py = os.environ.get("LIGHTSPORE_REF_PYTHON")
    ms_t = mindspore_timing(ref_py, args.steps, max(3, args.rounds // 2)) if ref_py else None
    print("\nLeNet5 batch-32, CPU (median ms per call)")
    print(f"{'':12s}{'train step':>12s}{'inference':>12s}")
    for f, d in list(t.items()) + ([("mindspore", ms_t)] if ms_t else []):
        print(f"{f:12s}{d['train']:12.3f}{d['infer']:12.3f}")
    print(f"ratio lightspore/torch: train {t['lightspore']['train'] / t['torch']['train']:.3f}x, "
          f"inference {t['lightspore']['infer'] / t['torch']['infer']:.3f}x")
    if ms_t:
        print(f"ratio mindspore/torch:  train {ms_t['train'] / t['torch']['train']:.3f}x, "
              f"inference {ms_t['infer'] / t['torch']['infer']:.3f}x")

    ov = op_overhead()
    print("\nper-op dispatch, 8x8 float32 (median us per call)")
    for k, v in ov.items():
        print(f"  {k:12s}{v:8.3f}")
    print(f"overhead: ops.add {ov['ops.add'] - ov['torch.add']:+.3f} us, "
          f"Tensor + {ov['Tensor a+b'] - ov['torch a+b']:+.3f} us, "
          f"ops.relu {ov['ops.relu'] - ov['torch.relu']:+.3f} us")

    print(f"\ntraining-loop memory over {args.mem_steps} steps (fresh process each)")
    mem = {f: memory(f, args.mem_steps) for f in ("torch", "lightspore")}
    for f, m in mem.items():
        print(f"  {f:12s} peak RSS {m['peak_mb']:8.1f} MB   RSS step100 {m['rss_100']:8.1f} MB   "
              f"step{args.mem_steps} {m['rss_end']:8.1f} MB   growth {m['rss_end'] - m['rss_100']:+.1f} MB")
    print(f"peak RSS ratio lightspore/torch: {mem['lightspore']['peak_mb'] / mem['torch']['peak_mb']:.3f}x")


if __name__ == "__main__":
    main()

"""Data-parallel training step on CPU processes (gloo): lightspore (TrainOneStepCell under DATA_PARALLEL, whose
DistributedGradReducer all-reduces gradient buckets while backward runs) vs the same network in raw PyTorch under
``torch.nn.parallel.DistributedDataParallel``, for the seed's LeNet5 and mindcv's ResNet-18 (run unchanged through
the ``mindspore`` alias; the torch side is the same architecture written in torch).

Each job starts N worker processes with torchrun's environment (free loopback port); inside every worker the two
frameworks alternate rounds of --steps timed steps (after warm-up) so machine drift hits both alike, and the median
step time over --rounds is reported (and rank 0's CPU time per step, which other load on the machine disturbs
less than wall time). N=1 (no communication: stand-alone lightspore, plain torch) and N=2 give the
1->2 process scaling of samples/s (global batch = N x --batch) for both.

    python benchmarks/bench_ddp.py [--models lenet,resnet18] [--batch 32] [--image 64] [--rounds 5] [--steps 5]
                                   [--threads 1]
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time

import numpy as np


def _data(model, batch, image, rank):
    rng = np.random.RandomState(100 + rank)
    if model == "lenet":
        x = rng.rand(batch, 1, 32, 32).astype(np.float32)
    else:
        x = rng.standard_normal((batch, 3, image, image)).astype(np.float32)
    return x, rng.randint(0, 10, batch).astype(np.int32)


# ---- lightspore -------------------------------------------------------------------------------------------------
def build_lightspore(model, x_np, y_np, world):
    import lightspore
    lightspore.install_alias()
    import mindspore as ms
    from mindspore import nn

    if world > 1:
        ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    if model == "lenet":
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "golden"))
        import core_cases
        net = core_cases.lenet5_class(ms)()
    else:
        from mindcv.models import create_model
        net = create_model("resnet18", num_classes=10)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.01, momentum=0.9)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss), opt)
    step.set_train()
    x, y = ms.Tensor(x_np), ms.Tensor(y_np)

    def run():
        return float(step(x, y).asnumpy())

    return run


# ---- raw torch (+ DDP) ------------------------------------------------------------------------------------------
def build_torch(model, x_np, y_np, world):
    import torch
    import torch.nn.functional as F
    from torch import nn

    if model == "lenet":
        class LeNet5(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1, self.conv2 = nn.Conv2d(1, 6, 5, bias=False), nn.Conv2d(6, 16, 5, bias=False)
                self.fc1, self.fc2, self.fc3 = nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10)

            def forward(self, x):
                x = F.max_pool2d(F.relu(self.conv1(x)), 2, 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2, 2)
                x = torch.flatten(x, 1)
                return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))

        net = LeNet5()
    else:   # mindcv's resnet18: BasicBlocks [2, 2, 2, 2], BN after every conv, 7x7 stem + 3x3 max pool
        class Basic(nn.Module):
            def __init__(self, cin, ch, stride):
                super().__init__()
                self.conv1, self.bn1 = nn.Conv2d(cin, ch, 3, stride, 1, bias=False), nn.BatchNorm2d(ch)
                self.conv2, self.bn2 = nn.Conv2d(ch, ch, 3, 1, 1, bias=False), nn.BatchNorm2d(ch)
                self.down = (nn.Sequential(nn.Conv2d(cin, ch, 1, stride, bias=False), nn.BatchNorm2d(ch))
                             if stride != 1 or cin != ch else None)

            def forward(self, x):
                idt = x if self.down is None else self.down(x)
                y = F.relu(self.bn1(self.conv1(x)))
                return F.relu(self.bn2(self.conv2(y)) + idt)

        layers, cin = [nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
                       nn.MaxPool2d(3, 2, 1)], 64
        for ch, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
            layers += [Basic(cin, ch, stride), Basic(ch, ch, 1)]
            cin = ch
        net = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, 10))
    net.train()
    if world > 1:
        net = nn.parallel.DistributedDataParallel(net)
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np).long()

    def run():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()
        return float(loss.detach())

    return run


# ---- one worker process -----------------------------------------------------------------------------------------
def worker(args):
    import torch
    torch.set_num_threads(args.threads)
    rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
    if world > 1:
        import lightspore.communication as comm
        comm.init()     # torch.distributed's default group: lightspore's reducer and torch DDP both use it
    x, y = _data(args.model, args.batch, args.image, rank)
    runs = {"lightspore": build_lightspore(args.model, x, y, world), "torch": build_torch(args.model, x, y, world)}
    for run in runs.values():
        for _ in range(args.warmup):
            run()
    times = {k: [] for k in runs}
    cpu = {k: [] for k in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            if world > 1:
                torch.distributed.barrier()
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in range(args.steps):
                run()
            times[name].append((time.perf_counter() - t0) / args.steps)
            cpu[name].append((time.process_time() - c0) / args.steps)
    if rank == 0:
        res = {k: statistics.median(v) for k, v in times.items()}
        res.update({"cpu_" + k: statistics.median(v) for k, v in cpu.items()})
        print("RESULT " + json.dumps(res), flush=True)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def job(args, model, world):
    port = _free_port()
    procs = []
    for r in range(world):
        env = dict(os.environ, RANK=str(r), WORLD_SIZE=str(world), LOCAL_RANK=str(r), LOCAL_WORLD_SIZE=str(world),
                   MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), OMP_NUM_THREADS=str(args.threads),
                   MS_TOPO_TIMEOUT="120")
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", "--model", model, "--batch", str(args.batch),
               "--image", str(args.image), "--rounds", str(args.rounds), "--steps", str(args.steps),
               "--warmup", str(args.warmup), "--threads", str(args.threads)]
        procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    outs = []
    try:
        for p in procs:
            outs.append(p.communicate(timeout=args.timeout)[0])
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, o in zip(procs, outs):
        if p.returncode != 0:
            raise SystemExit(f"{model} x{world}: a worker failed (rc={p.returncode}):\n{o[-3000:]}")
    line = [ln for ln in outs[0].splitlines() if ln.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="lenet,resnet18")
    ap.add_argument("--model", default="lenet")
    ap.add_argument("--batch", type=int, default=32, help="per-process batch")
    ap.add_argument("--image", type=int, default=64, help="ResNet-18 input size")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1, help="torch threads per process")
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("--worker", action="store_true")
    args = ap.parse_args()
    if args.worker:
        return worker(args)
    print(f"per-process batch {args.batch}, {args.threads} thread(s) per process, median of {args.rounds} rounds x "
          f"{args.steps} steps (alternating frameworks), ResNet-18 input {args.image}x{args.image}")
    for model in args.models.split(","):
        one, two = job(args, model, 1), job(args, model, 2)
        print(f"\n{model}:")
        for name in ("lightspore", "torch"):
            sps1, sps2 = args.batch / one[name], 2 * args.batch / two[name]
            label = "torch DDP" if name == "torch" else "lightspore"
            print(f"  {label:11s} 1 proc {one[name] * 1e3:8.2f} ms/step {sps1:8.1f} samples/s | 2 procs "
                  f"{two[name] * 1e3:8.2f} ms/step {sps2:8.1f} samples/s | scaling 1->2 {sps2 / sps1:.2f}x")
        print(f"  ratio lightspore / torch DDP (2 procs, step time): {two['lightspore'] / two['torch']:.3f}x "
              f"(target <= 1.05x); 1 proc: {one['lightspore'] / one['torch']:.3f}x")
        print(f"  CPU time of rank 0 per step (less sensitive to other load on the machine): 2 procs lightspore "
              f"{two['cpu_lightspore'] * 1e3:.2f} ms, torch DDP {two['cpu_torch'] * 1e3:.2f} ms "
              f"({two['cpu_lightspore'] / two['cpu_torch']:.3f}x); 1 proc {one['cpu_lightspore'] * 1e3:.2f} ms, "
              f"{one['cpu_torch'] * 1e3:.2f} ms ({one['cpu_lightspore'] / one['cpu_torch']:.3f}x)")


if __name__ == "__main__":
    main()

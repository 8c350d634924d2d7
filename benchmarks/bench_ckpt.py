"""Checkpoint save/load speed: lightspore vs torch.save/torch.load (and real MindSpore when a python
with it is named by LIGHTSPORE_REF_PYTHON), ~100 MB of float32 weights, in one run.

    python benchmarks/bench_ckpt.py [--mb 100] [--rounds 5] [--dir /tmp]

Rows (median over rounds, MB/s of tensor data; every save goes to a fresh path):
  lightspore .ckpt / .safetensors   save_checkpoint(net) / load_checkpoint(path, net)
                                    (save includes the fsync that makes the write atomic)
  torch.save / torch.load           the same tensors as a state_dict (no fsync: torch does none)
  torch.save + fsync                the same, plus an fsync, for a like-for-like write
  mindspore .ckpt / .safetensors    real MindSpore 2.7.1, same sizes (own process, own numbers)
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
import torch

LAYER = (1024, 1024)  # 4 MiB of float32 per parameter


def _layers(mb):
    return max(1, int(round(mb * 1e6 / (LAYER[0] * LAYER[1] * 4))))


def _median_mbps(nbytes, times):
    return nbytes / 1e6 / statistics.median(times)


def bench_lightspore(mb, rounds, folder):
    import lightspore as ms
    from lightspore import Parameter, Tensor, nn
    from lightspore.train import serialization as ser

    class Net(nn.Cell):
        def __init__(self, n):
            super().__init__()
            rng = np.random.default_rng(0)
            for i in range(n):
                setattr(self, f"w{i}", Parameter(Tensor(rng.standard_normal(LAYER, dtype=np.float32)),
                                                 name=f"w{i}"))

        def construct(self, x):
            return x

    n = _layers(mb)
    net, net2 = Net(n), Net(n)
    nbytes = sum(p.nbytes for p in net.get_parameters())
    rows = {}
    for kind in ("ckpt", "safetensors"):
        save_t, load_t = [], []
        for r in range(rounds):
            path = os.path.join(folder, f"ls{r}.{kind}")
            t0 = time.perf_counter()
            ser.save_checkpoint(net, path, format=kind)
            save_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ser.load_checkpoint(path, net=net2, format=kind)
            load_t.append(time.perf_counter() - t0)
            os.chmod(path, 0o600)
            os.remove(path)
        assert all(np.array_equal(a.asnumpy(), b.asnumpy())
                   for a, b in zip(net.get_parameters(), net2.get_parameters()))
        rows[f"lightspore .{kind}"] = (_median_mbps(nbytes, save_t), _median_mbps(nbytes, load_t))

    sd = {k: v.clone() for k, v in ser.to_torch_state_dict(net).items()}
    for label, sync in (("torch.save / torch.load", False), ("torch.save + fsync", True)):
        save_t, load_t = [], []
        for r in range(rounds):
            path = os.path.join(folder, f"t{r}.pt")
            t0 = time.perf_counter()
            with open(path, "wb") as f:
                torch.save(sd, f)
                if sync:
                    f.flush()
                    os.fsync(f.fileno())
            save_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            loaded = torch.load(path, weights_only=True)
            for k, v in sd.items():  # load into existing tensors, like load_param_into_net
                v.copy_(loaded[k])
            load_t.append(time.perf_counter() - t0)
            os.remove(path)
        rows[label] = (_median_mbps(nbytes, save_t), _median_mbps(nbytes, load_t))
    del ms
    return nbytes, rows


_REF_SCRIPT = r"""
import json, os, statistics, sys, time
import numpy as np
import mindspore as ms
from mindspore import Parameter, Tensor, nn
mb, rounds, folder, n, shape = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), (1024, 1024)

class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        rng = np.random.default_rng(0)
        for i in range(n):
            setattr(self, f"w{i}", Parameter(Tensor(rng.standard_normal(shape, dtype=np.float32)), name=f"w{i}"))
    def construct(self, x):
        return x

net, net2 = Net(), Net()
nbytes = n * shape[0] * shape[1] * 4
rows = {}
for kind in ("ckpt", "safetensors"):
    save_t, load_t = [], []
    for r in range(rounds):
        path = os.path.join(folder, f"ms{r}.{kind}")
        t0 = time.perf_counter()
        ms.save_checkpoint(net, path, format=kind)
        save_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ms.load_checkpoint(path, net=net2, format=kind)
        load_t.append(time.perf_counter() - t0)
        os.chmod(path, 0o600)
        os.remove(path)
    mbs = nbytes / 1e6
    rows[f"mindspore .{kind}"] = (mbs / statistics.median(save_t), mbs / statistics.median(load_t))
print(json.dumps(rows))
"""


def bench_reference(ref_python, mb, rounds, folder):
    r = subprocess.run([ref_python, "-c", _REF_SCRIPT, str(mb), str(rounds), folder, str(_layers(mb))],
                       capture_output=True, text=True, env=dict(os.environ, GLOG_v="3"), timeout=1200)
    if r.returncode != 0:
        print("reference failed:\n" + r.stderr[-2000:], file=sys.stderr)
        return {}
    return {k: tuple(v) for k, v in json.loads(r.stdout.strip().splitlines()[-1]).items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--dir", default=None, help="folder for the files (default: a temp folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        nbytes, rows = bench_lightspore(args.mb, args.rounds, folder)
        ref = os.environ.get("LIGHTSPORE_REF_PYTHON")
        if ref:
            rows.update(bench_reference(ref, args.mb, args.rounds, folder))
    print(f"checkpoint of {nbytes / 1e6:.1f} MB ({_layers(args.mb)} x float32{list(LAYER)}), "
          f"median of {args.rounds}, torch {torch.__version__}, {os.cpu_count()} cpus")
    print(f"{'':34s}{'save MB/s':>12s}{'load MB/s':>12s}")
    base = rows["torch.save / torch.load"]
    for label, (s, l) in rows.items():
        print(f"{label:34s}{s:12.0f}{l:12.0f}   (x{s / base[0]:.2f} / x{l / base[1]:.2f} vs torch)")


if __name__ == "__main__":
    main()

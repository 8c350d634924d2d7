"""Building a large net on the meta device (MindSpore 2.10's ``DeviceCtx('meta')``) against PyTorch's
``torch.device('meta')`` building the same layers: time (median of alternating rounds) and peak RSS.

    LIGHTSPORE_MS_VERSION=2.10.0 .venv/bin/python benchmarks/bench_meta.py [--layers 15] [--width 8192] [--rounds 5]
"""
import argparse
import resource
import statistics
import time

import torch

import lightspore as ms
from lightspore import nn


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_lightspore(layers, width):
    with ms.DeviceCtx("meta"):
        net = nn.SequentialCell([nn.Dense(width, width) for _ in range(layers)])
    return sum(p.size for p in net.get_parameters())


def build_torch(layers, width):
    with torch.device("meta"):
        net = torch.nn.Sequential(*[torch.nn.Linear(width, width) for _ in range(layers)])
    return sum(p.numel() for p in net.parameters())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--layers", type=int, default=15)
    ap.add_argument("--width", type=int, default=8192)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    rss0 = peak_rss_mib()
    times = {"lightspore": [], "torch": []}
    counts = {}
    for _ in range(a.rounds):
        for name, fn in (("lightspore", build_lightspore), ("torch", build_torch)):
            t = time.perf_counter()
            counts[name] = fn(a.layers, a.width)
            times[name].append(time.perf_counter() - t)
    med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
    print(f"{counts['lightspore']:.4g} parameters ({counts['lightspore'] * 4 / 2**30:.1f} GiB as float32)")
    print(f"build on meta, median of {a.rounds} alternating rounds: lightspore {med['lightspore']:.2f} ms, "
          f"torch {med['torch']:.2f} ms ({med['lightspore'] / med['torch']:.2f}x)")
    print(f"peak RSS over all rounds: {rss0:.0f} -> {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()

"""Speed of the audio IIR filters (the transforms that run a recurrence over the samples): lightspore (scipy's
lfilter, and the block form used without scipy) vs real MindSpore when LIGHTSPORE_REF_PYTHON names a python
with it, and vs an older lightspore when LIGHTSPORE_BEFORE_SRC names its ``src`` folder.

    python benchmarks/bench_audio.py [--channels 2] [--samples 16000] [--rounds 5] [--calls 3]

Each side runs in its own worker process; the rounds alternate between the workers (one round: every transform
``--calls`` times on the same float32 waveform, the best call kept), and the table gives each side's median over
the rounds in milliseconds per call, and the ratio to lightspore (scipy).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np

# (label, expression over the module ``audio``)
TRANSFORMS = [
    ("Biquad", "audio.Biquad(0.4, 0.2, 0.1, 1.0, -0.3, 0.1)"),
    ("LowpassBiquad", "audio.LowpassBiquad(16000, 1000.0)"),
    ("HighpassBiquad", "audio.HighpassBiquad(16000, 800.0, 0.5)"),
    ("BandpassBiquad", "audio.BandpassBiquad(16000, 900.0, 0.7, True)"),
    ("BandrejectBiquad", "audio.BandrejectBiquad(16000, 440.0)"),
    ("AllpassBiquad", "audio.AllpassBiquad(16000, 700.0)"),
    ("BandBiquad", "audio.BandBiquad(16000, 600.0, 0.9, True)"),
    ("EqualizerBiquad", "audio.EqualizerBiquad(16000, 1200.0, -4.0)"),
    ("TrebleBiquad", "audio.TrebleBiquad(16000, 3.0)"),
    ("BassBiquad", "audio.BassBiquad(16000, 5.0)"),
    ("RiaaBiquad", "audio.RiaaBiquad(44100)"),
    ("DeemphBiquad", "audio.DeemphBiquad(44100)"),
    ("LFilter (order 3)", "audio.LFilter([1.0, -1.2, 0.5, -0.08], [0.2, 0.1, 0.05, 0.01])"),
    ("Filtfilt", "audio.Filtfilt([1.0, -0.5, 0.25], [0.3, 0.3, 0.1])"),
    ("Overdrive", "audio.Overdrive(10.0, 30.0)"),
]


def worker(kind, channels, samples, calls):
    """Answer each line 'round' on stdin with one JSON line of best-of-``calls`` seconds per transform."""
    if kind == "mindspore":
        import mindspore.dataset.audio as audio
    else:
        import lightspore.dataset.audio as audio
        if kind == "lightspore-blocks":
            from lightspore.dataset.audio import _iir
            _iir._scipy_lfilter = None
    t = np.arange(samples) / 16000.0
    wave = np.stack([0.4 * np.sin(2 * np.pi * (220 + 110 * c) * t) for c in range(channels)])
    wave = (wave + 0.05 * np.random.default_rng(0).standard_normal(wave.shape)).astype(np.float32)
    ops = [(label, eval(expr, {"audio": audio})) for label, expr in TRANSFORMS]
    for op in ops:
        op[1](wave)                      # warm up (imports, caches)
    print(json.dumps({"ready": kind}), flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        times = {}
        for label, op in ops:
            best = float("inf")
            for _ in range(calls):
                t0 = time.perf_counter()
                op(wave)
                best = min(best, time.perf_counter() - t0)
            times[label] = best
        print(json.dumps(times), flush=True)


def _start(kind, python, env, args):
    cmd = [python, os.path.abspath(__file__), "--worker", kind, "--channels", str(args.channels),
           "--samples", str(args.samples), "--calls", str(args.calls)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
                            cwd="/tmp" if kind == "mindspore" else None)
    while True:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the {kind} worker stopped before it was ready")
        if line.startswith("{") and "ready" in line:
            return proc


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--channels", type=int, default=2)
    parser.add_argument("--samples", type=int, default=16000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=3)
    parser.add_argument("--worker", default=None)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.channels, args.samples, args.calls)
        return
    env = dict(os.environ, GLOG_v="3")
    sides = [("lightspore", sys.executable, env), ("lightspore-blocks", sys.executable, env)]
    if os.environ.get("LIGHTSPORE_BEFORE_SRC"):
        sides.append(("before", sys.executable, dict(env, PYTHONPATH=os.environ["LIGHTSPORE_BEFORE_SRC"])))
    if os.environ.get("LIGHTSPORE_REF_PYTHON"):
        sides.append(("mindspore", os.environ["LIGHTSPORE_REF_PYTHON"], env))
    procs = {kind: _start(kind, python, e, args) for kind, python, e in sides}
    results = {kind: [] for kind in procs}
    for _ in range(args.rounds):
        for kind, proc in procs.items():          # alternate: one round of each side in turn
            proc.stdin.write("round\n")
            proc.stdin.flush()
            results[kind].append(json.loads(proc.stdout.readline()))
    for proc in procs.values():
        proc.stdin.close()
        proc.wait()
    kinds = list(procs)
    print(f"waveform ({args.channels}, {args.samples}) float32; median of {args.rounds} rounds, best of "
          f"{args.calls} calls each; ms per call (ratio: side / lightspore)")
    head = f"{'transform':<20}" + "".join(f"{k:>22}" for k in kinds)
    print(head)
    print("-" * len(head))
    for label, _ in TRANSFORMS:
        med = {k: statistics.median(r[label] for r in results[k]) for k in kinds}
        cells = []
        for k in kinds:
            cell = f"{med[k] * 1e3:9.3f}"
            if k != "lightspore":
                cell += f" ({med[k] / med['lightspore']:7.2f}x)"
            cells.append(f"{cell:>22}")
        print(f"{label:<20}" + "".join(cells))


if __name__ == "__main__":
    main()

"""Golden data for tests/test_mint_distributed.py: runs gen_mint_distributed_worker.py as a 2-process job under the
reference's own launcher (real MindSpore 2.7.1 ``msrun``, CPU backend), and stores every rank's records (see the
worker's docstring) with the reference's signatures of ``mindspore.mint.distributed`` and
``mindspore.ops.function.comm_func`` in tests/golden/mint_distributed.json.

Run with the reference python (its bin/ holds msrun):
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_mint_distributed.py
"""
import inspect
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKER = HERE / "gen_mint_distributed_worker.py"
sys.path.insert(0, str(HERE.parent))
from _dist import free_port  # noqa: E402


def _signatures():
    import mindspore.mint.distributed as md
    import mindspore.ops as ops
    import mindspore.ops.function.comm_func as cf
    out = {}
    for prefix, mod, names in (("mint.distributed", md, list(md.__all__) + ["TCPStore"]),
                               ("ops.function.comm_func", cf, list(cf.__all__))):
        for n in names:
            obj = getattr(mod, n)
            out[f"{prefix}.{n}"] = str(inspect.signature(obj))
    out["ops"] = sorted(n for n in cf.__all__ if getattr(ops, n, None) is getattr(cf, n))
    out["mint.distributed.__all__"] = list(md.__all__)
    out["ops.function.comm_func.__all__"] = list(cf.__all__)
    return out


def _msrun(out, log):
    """Run the worker as 2 ranks under the reference's msrun (its bin/ is the running python's); every rank writes
    out/rank<r>.json."""
    bindir = Path(sys.executable).parent
    flags = {"worker_num": 2, "local_worker_num": 2, "master_port": free_port(), "log_dir": log, "join": True,
             "cluster_time_out": 300}
    cmd = [str(bindir / "msrun")] + [f"--{k}={v}" for k, v in flags.items()] + [str(WORKER), out]
    env = dict(os.environ, GLOG_v="3", PATH=os.pathsep.join([str(bindir), os.environ.get("PATH", "")]))
    done = subprocess.run(cmd, env=env, cwd=os.path.dirname(out), timeout=900, capture_output=True, text=True)
    if done.returncode:
        for f in sorted(Path(log).glob("worker_*.log")):
            print(f.read_text()[-4000:], file=sys.stderr)
        raise SystemExit(f"msrun failed with exit code {done.returncode}")


def main():
    with tempfile.TemporaryDirectory(prefix="gen_mint_distributed_") as tmp:
        out = os.path.join(tmp, "out")
        _msrun(out, os.path.join(tmp, "log"))
        golden = {"signatures": _signatures()}
        for rank in (0, 1):
            with open(os.path.join(out, f"rank{rank}.json")) as f:
                golden[f"rank{rank}"] = json.load(f)
    with open(HERE / "mint_distributed.json", "w") as f:
        json.dump(golden, f, indent=0, sort_keys=True)
        f.write("\n")
    print(f"wrote {HERE / 'mint_distributed.json'}")


if __name__ == "__main__":
    main()

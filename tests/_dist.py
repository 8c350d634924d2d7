"""Starting small torch.distributed jobs for the tests: N local processes with torchrun's environment (RANK,
WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR=127.0.0.1, MASTER_PORT = a free port found by binding port 0),
gloo on loopback, bounded by a timeout; every process is killed and waited for before returning."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def job_env(rank, world, port, **extra):
    env = dict(os.environ)
    for k in ("RANK_ID", "RANK_SIZE", "MS_WORKER_NUM", "MS_SCHED_HOST", "MS_SCHED_PORT", "MS_NODE_ID", "MS_ROLE"):
        env.pop(k, None)
    env.update({"RANK": str(rank), "WORLD_SIZE": str(world), "LOCAL_RANK": str(rank), "LOCAL_WORLD_SIZE": str(world),
                "GROUP_RANK": "0", "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port), "OMP_NUM_THREADS": "1",
                "PYTHONUNBUFFERED": "1"})
    env.update({k: str(v(rank)) if callable(v) else str(v) for k, v in extra.items()})   # callable: per rank
    return env


def run_job(args, world=2, timeout=180, ranks=None, **extra_env):
    """Run ``python <args>`` as ranks ``ranks`` (default: all) of a ``world``-process job. Returns
    ``[(returncode, output)]`` per started rank; processes still alive at ``timeout`` are killed (rc None)."""
    port = free_port()
    ranks = list(range(world)) if ranks is None else ranks
    procs = [subprocess.Popen([sys.executable, *args], env=job_env(r, world, port, **extra_env),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for r in ranks]
    deadline = time.monotonic() + timeout
    out = []
    try:
        for p in procs:
            try:
                o, _ = p.communicate(timeout=max(1.0, deadline - time.monotonic()))
                out.append((p.returncode, o))
            except subprocess.TimeoutExpired:
                p.kill()
                o, _ = p.communicate()
                out.append((None, o))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    return out

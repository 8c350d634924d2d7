"""Worker script for the msrun goldens (tests/golden/gen_msrun.py) and for tests/test_msrun.py.

Deliberately light (no framework import), so that it records only what the launcher gives a worker:
the msrun environment variables, its argv, and a chosen way to end. Usage: SCRIPT MODE [ARGS...]
  ok          print and exit 0
  exit        rank 1 exits with code 3, the other ranks sleep (the launcher must stop them)
  raise       rank 1 raises ValueError, the other ranks sleep
  kill        rank 1 kills itself with SIGKILL, the other ranks sleep
  sleep       every rank sleeps 120 s (lightspore tests only: the launcher is signalled)
  gloo        (lightspore tests only) torch.distributed from env:// and an all-reduce of rank+1 over gloo;
              MSRUN_TEST_GLOO=1 in the environment adds it to any mode
"""
import json
import os
import sys
import time

KEYS = ("MS_WORKER_NUM", "MS_SCHED_HOST", "MS_SCHED_PORT", "MS_TOPO_TIMEOUT", "MS_ROLE", "MS_NODE_ID",
        "MS_NODE_RANK", "RANK_ID", "RANK_SIZE", "DEVICE_ID", "RANK_TABLE_FILE", "MSRUN_CPU_LIST")

if os.environ.get("MS_ROLE") == "MS_SCHED":  # the reference's msrun also runs the script as its scheduler
    sys.exit(0)
mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
rank = os.environ.get("RANK_ID")
print("ENVJSON " + json.dumps({k: os.environ[k] for k in KEYS if k in os.environ}, sort_keys=True), flush=True)
print("ARGVJSON " + json.dumps(sys.argv[1:]), flush=True)
print(f"hello from rank {rank}", flush=True)
if mode in ("exit", "raise", "kill"):
    if rank == "1":
        if mode == "exit":
            sys.exit(3)
        if mode == "raise":
            raise ValueError("worker of rank 1 fails on purpose")
        os.kill(os.getpid(), 9)
    time.sleep(120)
if mode == "sleep":
    time.sleep(120)
if mode == "gloo" or os.environ.get("MSRUN_TEST_GLOO") == "1":
    import torch
    import torch.distributed as dist

    dist.init_process_group("gloo")
    t = torch.tensor([float(dist.get_rank() + 1)])
    dist.all_reduce(t)
    torch_env = {k: os.environ.get(k) for k in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "GROUP_RANK",
                                                "MASTER_ADDR", "MASTER_PORT")}
    print("GLOOJSON " + json.dumps({"rank": dist.get_rank(), "world": dist.get_world_size(), "sum": t.item(),
                                    "env": torch_env}), flush=True)
    dist.destroy_process_group()

"""Start of every msrun worker: msrun's per-rank environment, CPU binding, then ``python -m lightspore`` semantics.

The elastic agent starts ``python -m lightspore.msrun._worker ARGV...`` with stdout redirected to the worker's log
file; here stderr joins it (msrun writes both streams into ``worker_<rank>.log``), the variables MindSpore scripts
read (``RANK_ID``, ``DEVICE_ID``, ``MS_NODE_ID``) are derived from torch's ``RANK``/``LOCAL_RANK``, and the script
runs with ``import mindspore`` resolved to lightspore.
"""
import json
import os
import sys

_CPUS = "LIGHTSPORE_MSRUN_CPUS"


def _cpu_set(ranges):
    cpus = set()
    for part in ranges.split(","):
        lo, _, hi = part.partition("-")
        cpus.update(range(int(lo), int(hi or lo) + 1))
    return cpus


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    os.dup2(1, 2)  # stderr into the same log file as stdout, in order
    env = os.environ
    rank, local_rank = env.get("RANK"), env.get("LOCAL_RANK", "0")
    if rank is not None:
        env["RANK_ID"] = rank
        env["MS_NODE_ID"] = rank
    env["DEVICE_ID"] = local_rank
    cpus = json.loads(env.pop(_CPUS, "{}")).get(local_rank)
    if cpus:
        os.sched_setaffinity(0, _cpu_set(cpus))
    from lightspore.__main__ import main as run_script

    return run_script(argv)


if __name__ == "__main__":
    sys.exit(main())

"""Start of every msrun worker: msrun's per-rank environment, CPU binding, then ``python -m lightspore`` semantics.

The elastic agent runs this file by path (``python .../lightspore/msrun/_worker.py ARGV...``, so that starting a
worker does not import lightspore and torch before the script asks for them) with stdout redirected to the
worker's log file. Here stderr joins it (msrun writes both streams into ``worker_<rank>.log``), the variables
MindSpore scripts read (``RANK_ID``, ``DEVICE_ID``, ``MS_NODE_ID``) are derived from torch's ``RANK``/``LOCAL_RANK``,
and the script runs with ``import mindspore`` resolved to lightspore (installed on the first such import).
This module imports only the standard library.
"""
import importlib.abc
import json
import os
import runpy
import sys

_CPUS = "LIGHTSPORE_MSRUN_CPUS"
_AGENT = "LIGHTSPORE_MSRUN_AGENT_PID"
_PREFIX = "LIGHTSPORE_MSRUN_PREFIX"
_PR_SET_PDEATHSIG = 1


def _die_with_agent():
    """A worker whose launcher is killed (SIGKILL leaves it no chance to stop them) ends too: no orphans."""
    agent = os.environ.pop(_AGENT, None)
    if agent is None or not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != int(agent):  # the launcher died before prctl took effect
        os._exit(1)


class _LazyAlias(importlib.abc.MetaPathFinder):
    """On the first ``import mindspore[.x]``: import lightspore, install its alias and step aside."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "mindspore" and not fullname.startswith("mindspore."):
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        from lightspore import install_alias

        return install_alias().find_spec(fullname, path, target)


def _leave_process_group():
    """A script that ends without ``release()`` leaves torch's default process group alive until interpreter exit,
    where gloo's threads are torn down by static destructors and now and then abort the process
    ("terminate called without an active exception", SIGABRT) after the script succeeded. Destroy it first."""
    dist = sys.modules.get("torch.distributed")
    if dist is None:
        return
    try:
        if dist.is_available() and dist.is_initialized():
            dist.destroy_process_group()
    except Exception:  # noqa: BLE001 - best effort on the way out
        pass


def run_target(argv, prog):
    """Run ``SCRIPT [ARGS]`` or ``-m MODULE [ARGS]`` as ``__main__``; returns an exit code."""
    if argv[0] == "-m":
        if len(argv) < 2:
            print(f"{prog} -m: a module name is required", file=sys.stderr)
            return 2
        sys.argv = argv[1:]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        _leave_process_group()
        return 0
    script = argv[0]
    if not os.path.isfile(script):
        print(f"{prog}: no such file: {script}", file=sys.stderr)
        return 2
    sys.argv = argv
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name="__main__")
    _leave_process_group()
    return 0


def _cpu_set(ranges):
    cpus = set()
    for part in ranges.split(","):
        lo, _, hi = part.partition("-")
        cpus.update(range(int(lo), int(hi or lo) + 1))
    return cpus


def _bind(argv):
    """--bind_numa / a bind file: run this worker under the reference's command prefix (``numactl ...`` replaces
    the process, keeping its pid; ``taskset -c`` is the same CPU affinity, set here)."""
    prefix = json.loads(os.environ.pop(_PREFIX, "{}")).get(os.environ.get("LOCAL_RANK", "0"))
    if not prefix:
        return
    if prefix[0] == "taskset":
        os.sched_setaffinity(0, _cpu_set(prefix[-1]))
        return
    os.execvp(prefix[0], [*prefix, sys.executable, os.path.abspath(__file__), *argv])


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    _bind(argv)
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.path and sys.path[0] and os.path.abspath(sys.path[0]) == here:
        del sys.path[0]  # run by path: this package directory must not shadow top-level modules
    os.dup2(1, 2)  # stderr into the same log file as stdout, in order
    _die_with_agent()
    env = os.environ
    rank, local_rank = env.get("RANK"), env.get("LOCAL_RANK", "0")
    if rank is not None:
        env["RANK_ID"] = rank
        env["MS_NODE_ID"] = rank
    env["DEVICE_ID"] = local_rank
    cpus = json.loads(env.pop(_CPUS, "{}")).get(local_rank)
    if cpus:
        os.sched_setaffinity(0, _cpu_set(cpus))
    if not argv:
        print("msrun worker: no script to run", file=sys.stderr)
        return 2
    sys.meta_path.insert(0, _LazyAlias())
    return run_target(argv, "msrun worker")


if __name__ == "__main__":
    sys.exit(main())

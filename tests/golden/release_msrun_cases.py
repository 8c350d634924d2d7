"""What tests/golden/gen_release_msrun.py launches and asks the 2.10 reference's msrun, shared with
tests/test_release_msrun.py (which runs the same through lightspore's msrun under LIGHTSPORE_MS_VERSION=2.10)."""
import os

WORKER = ("import os\nprint('AFF', sorted(os.sched_getaffinity(0)), 'BIND_FILE', "
          "os.path.basename(os.environ.get('MSRUN_BIND_FILE', '')), flush=True)\n")

_LAST_CPU = max(os.sched_getaffinity(0))
BIND_FILES = {
    "cpu.json": {"bind_config": {"bind_cpu_mode": "cpu", "bind_memory_mode": "none"},
                 "bind_cpu": {"device0": {"main": str(_LAST_CPU)}, "device1": {"main": "0-1"}}},
    "numa.json": {"bind_config": {"bind_cpu_mode": "numa", "bind_memory_mode": "numa"},
                  "bind_cpu": {"device0": 0, "device1": 1}, "bind_memory": {"device0": 0, "device1": 1}},
    "cpu_numa_memory.json": {"bind_config": {"bind_cpu_mode": "cpu", "bind_memory_mode": "numa"},
                             "bind_cpu": {"device0": {"main": "0"}}, "bind_memory": {"device0": 0}},
    "memory_only.json": {"bind_config": {"bind_cpu_mode": "none", "bind_memory_mode": "numa"},
                         "bind_memory": {"device1": 0}},
    "bad_mode.json": {"bind_config": {"bind_cpu_mode": "socket"}},
    "not_object.json": [1, 2],
}
LAUNCHES = {
    "true": "--bind_numa=True",
    "false": "--bind_numa=False",
    "dict": '--bind_numa={"device0": ["0"]}',
    "cpu bind file": "--bind_numa=cpu.json",
    "numa bind file without numactl": "--bind_numa=numa.json",
    "missing json": "--bind_numa=nofile.json",
    "bad json": "--bind_numa=abc",
    "bad key": '--bind_numa={"gpu0": ["0"]}',
    "bad range": '--bind_numa={"device0": ["a"]}',
    "not a list": '--bind_numa={"device0": "0"}',
    "bad mode": "--bind_numa=bad_mode.json",
    "not an object": "--bind_numa=not_object.json",
}
# (bind_numa, bind_core, bind_core's CPU plan per local rank) -> the worker commands of local ranks 0 and 1
NUMA_MAPS = {
    "numa dict": ({"device0": ["0"], "device1": ["1"]}, False, {}),
    "numa dict with bind_core": ({"device0": ["0"], "device1": ["1"]},
                                 {"device0": ["0-1"], "device1": ["2-3"]}, {"0": "0-1", "1": "2-3"}),
    "numa dict, one device": ({"device0": ["0,1"]}, False, {}),
}


def lines_of(rc, stdout, stderr, log, work):
    """What is compared of one launch: exit code, the 'Start worker' line, the last stderr line, the worker's
    'AFF' line (paths relative to the work directory)."""
    start = [ln.replace(work + os.sep, "") for ln in stdout.splitlines() if ln.startswith("Start worker")]
    err = [ln for ln in stderr.splitlines() if ln.strip()]
    aff = [ln for ln in log.splitlines() if ln.startswith("AFF")]
    return {"rc": rc, "start": start, "last_error": err[-1] if rc and err else "", "worker": aff[:1]}

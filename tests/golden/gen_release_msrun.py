"""Golden data for 2.10 msrun's ``--bind_numa`` (tests/test_release_msrun.py), from the 2.10 reference:

    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python /work/main/tests/golden/gen_release_msrun.py

Real launches (``msrun --worker_num=1 --local_worker_num=1 --join=True --bind_numa=...`` of a script printing its
CPU affinity and MSRUN_BIND_FILE) on this machine, which has ``taskset`` and one NUMA node but no ``numactl``; and
the command prefixes the reference's launcher builds for unified bind files and NUMA maps (its own functions called
directly, since running them needs numactl).
"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MSRUN = os.path.join(os.path.dirname(sys.executable), "msrun")
sys.path.insert(0, HERE)
from release_msrun_cases import BIND_FILES, LAUNCHES, NUMA_MAPS, WORKER, lines_of  # noqa: E402


def launch(flag, work):
    log_dir = os.path.join(work, "lg")
    port = random.randint(20000, 40000)
    p = subprocess.run([MSRUN, "--worker_num=1", "--local_worker_num=1", f"--master_port={port}",
                        f"--log_dir={log_dir}", "--join=True", flag, "w.py"], cwd=work, capture_output=True,
                       text=True, timeout=300, env=dict(os.environ, GLOG_v="3"))
    log = ""
    if os.path.exists(os.path.join(log_dir, "worker_0.log")):
        with open(os.path.join(log_dir, "worker_0.log")) as f:
            log = f.read()
    return lines_of(p.returncode, p.stdout, p.stderr, log, work)


def main():
    from mindspore.parallel.cluster.process_entity import _bind, _utils
    out = {"launch": {}, "config prefix": {}, "numa map cmd": {}}
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, "w.py"), "w") as f:
            f.write(WORKER)
        for name, body in BIND_FILES.items():
            with open(os.path.join(work, name), "w") as f:
                json.dump(body, f)
        for name, flag in LAUNCHES.items():
            out["launch"][name] = launch(flag, work)
            shutil_rm(os.path.join(work, "lg"))
    for name, body in BIND_FILES.items():
        if isinstance(body, dict) and body["bind_config"].get("bind_cpu_mode") != "socket":
            out["config prefix"][name] = [_bind._generate_bind_prefix_from_config(r, body) for r in (0, 1)]
    for name, (numa, core, cpu_map) in NUMA_MAPS.items():
        ctx = _bind.BindContext()
        ctx.bind_numa, ctx.bind_core, ctx.device_to_cpu_map = numa, core, {int(k): v for k, v in cpu_map.items()}
        out["numa map cmd"][name] = [_utils._generate_cmd("w.py", [], r, ctx) for r in (0, 1)]
    path = os.path.join(HERE, "release_msrun_2.10.0.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
    print(path)


def shutil_rm(path):
    import shutil
    shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main()

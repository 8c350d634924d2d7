"""2.10 msrun's ``--bind_numa`` against tests/golden/release_msrun_2.10.0.json (gen_release_msrun.py, the 2.10
reference's msrun on this machine, plus the command prefixes its launcher builds): real launches through
``python -m lightspore.msrun`` under LIGHTSPORE_MS_VERSION=2.10, the flag's errors, and the numactl/taskset
prefixes for bind files and NUMA maps."""
import argparse
import json
import os
import shutil
import subprocess
import sys

import pytest
from _dist import free_port
from _golden import GOLDEN, load_cases

from lightspore.msrun import _args, _bind

cases = load_cases("release_msrun_cases.py")
GOLD = json.loads((GOLDEN / "release_msrun_2.10.0.json").read_text())
ARG_ERRORS = [n for n, g in GOLD["launch"].items() if g["rc"] == 2]


@pytest.fixture
def work(tmp_path):
    (tmp_path / "w.py").write_text(cases.WORKER)
    for name, body in cases.BIND_FILES.items():
        (tmp_path / name).write_text(json.dumps(body))
    return tmp_path


def _launch(flag, work):
    env = dict(os.environ, LIGHTSPORE_MS_VERSION="2.10")
    p = subprocess.run([sys.executable, "-m", "lightspore.msrun", "--worker_num=1", "--local_worker_num=1",
                        f"--master_port={free_port()}", "--log_dir=lg", "--join=True", flag, "w.py"],
                       cwd=work, capture_output=True, text=True, timeout=300, env=env)
    log_path = work / "lg" / "worker_0.log"
    log = log_path.read_text() if log_path.exists() else ""
    shutil.rmtree(work / "lg", ignore_errors=True)
    return cases.lines_of(p.returncode, p.stdout, p.stderr, log, str(work))


@pytest.mark.parametrize("name", ["true", "cpu bind file"])
def test_launch_like_reference(name, work):
    assert _launch(cases.LAUNCHES[name], work) == GOLD["launch"][name]


@pytest.mark.parametrize("name", ARG_ERRORS)
def test_flag_errors_like_reference(name, work, monkeypatch):
    monkeypatch.chdir(work)
    value = cases.LAUNCHES[name].split("=", 1)[1]
    with pytest.raises(argparse.ArgumentTypeError) as e:
        _bind.parse_bind_numa(value)
    assert f"msrun: error: argument --bind_numa: {e.value}" == GOLD["launch"][name]["last_error"]


def test_bind_file_needing_numactl_is_refused_without_it(work, monkeypatch):
    monkeypatch.chdir(work)
    monkeypatch.setattr(_bind.shutil, "which", lambda cmd: None if cmd == "numactl" else "/usr/bin/" + cmd)
    cfg = _bind.parse_bind_numa("numa.json")
    assert os.environ.pop("MSRUN_BIND_FILE") == str(work / "numa.json")
    os.environ.pop("MSRUN_BIND_FILE_HASH")
    with pytest.raises(RuntimeError) as e:
        _bind.numa_prefixes(cfg, False, {}, 1)
    assert f"RuntimeError: {e.value}" == GOLD["launch"]["numa bind file without numactl"]["last_error"]


@pytest.mark.parametrize("name", sorted(GOLD["config prefix"]))
def test_bind_file_prefixes(name):
    assert [_bind._prefix_from_config(r, cases.BIND_FILES[name]) for r in (0, 1)] == GOLD["config prefix"][name]


@pytest.mark.parametrize("name", sorted(GOLD["numa map cmd"]))
def test_numa_map_commands(name, monkeypatch):
    monkeypatch.setattr(_bind.shutil, "which", lambda cmd: "/usr/bin/" + cmd)
    monkeypatch.setattr(_bind, "available_numas", lambda: [0, 1])
    numa, core, plan = cases.NUMA_MAPS[name]
    prefixes = _bind.numa_prefixes(json.loads(json.dumps(numa)), core, plan, 2)
    assert [prefixes.get(str(r), []) + ["python", "w.py"] for r in (0, 1)] == GOLD["numa map cmd"][name]


def test_flag_is_2_10s():
    """Under 2.7.1 (the suite's release) msrun has no --bind_numa, as the 2.7.1 reference."""
    with pytest.raises(SystemExit):
        _args.build_parser().parse_args(["--bind_numa=True", "w.py"])

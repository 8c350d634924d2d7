"""python -m lightspore.msrun, mpirun and torchrun against the reference's msrun (tests/golden/msrun.json from
tests/golden/gen_msrun.py): flags, their errors, log files, printed lines, worker environment, exit codes; faults
end the job with the failed rank named, on one node or two, and leave no process behind."""
import argparse
import ast
import json
import multiprocessing
import os
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import pytest
from _dist import free_port

from lightspore.__main__ import _adopt_mpi_env
from lightspore.msrun import _args, _launcher

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = json.load(open(os.path.join(HERE, "golden", "msrun.json")))
WORKER = os.path.join(HERE, "golden", "gen_msrun_worker.py")
MS_WORKER = os.path.join(HERE, "golden", "gen_msrun_ms_worker.py")
# every launch is bounded: a launcher that does not stop a sleeping (120 s) worker fails the test by timing out
BOUND_S = 90
ABSENT_FLAGS = {"sim_level", "sim_rank_id"}  # the reference's dry-run simulation: no graph compiler to simulate


def procs_mentioning(text):
    """pids of live processes whose working directory or command line is in text (the test's own temp dir): the
    launchers, supervisors and workers a test started all run there."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{pid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if (cwd.startswith(text) or text in cmd) and state != "Z":
            found.append(int(pid))
    return found


def wait_gone(text, bound=30.0):
    end = time.monotonic() + bound
    while time.monotonic() < end:
        if not procs_mentioning(text):
            return []
        time.sleep(0.2)
    return procs_mentioning(text)


def elastic_temp_dirs():
    return {d for d in os.listdir(tempfile.gettempdir()) if d.startswith("torchelastic_")}


@pytest.fixture
def work(tmp_path):
    shutil.copy(WORKER, tmp_path / "w.py")
    shutil.copy(MS_WORKER, tmp_path / "ms_w.py")
    temp_before = elastic_temp_dirs()
    yield tmp_path
    left = wait_gone(str(tmp_path))
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes left running: {left}"
    assert elastic_temp_dirs() <= temp_before, "torch's elastic agent left a temp directory"


def msrun_cli(args, cwd, timeout=BOUND_S, **kw):
    """`python -m lightspore.msrun ARGS` as a user types it."""
    return subprocess.run([sys.executable, "-m", "lightspore.msrun", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, **kw)


# Most runs start the launcher from a fork server that has imported lightspore and torch's elastic agent once, then
# runs `-m lightspore.msrun` exactly as the command line does (runpy, sys.argv, its own stdout/stderr files): the
# same code path, without paying the imports in every launcher process (CI has 2 cores).
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(["lightspore", "lightspore.msrun._launcher",
                               "torch.distributed.elastic.agent.server.local_elastic_agent"])


def _launcher_child(args, cwd, out, err):
    os.chdir(cwd)
    for fd, path in ((1, out), (2, err)):
        f = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(f, fd)
        os.close(f)
    sys.argv = ["msrun", *args]
    runpy.run_module("lightspore.msrun", run_name="__main__", alter_sys=True)


class Launch:
    def __init__(self, args, cwd):
        self.out, self.err = f"{cwd}/.launch{id(self)}.out", f"{cwd}/.launch{id(self)}.err"
        self.proc = _FORKS.Process(target=_launcher_child, args=(list(args), str(cwd), self.out, self.err))
        self.proc.start()
        self.pid = self.proc.pid

    def send_signal(self, sig):
        os.kill(self.pid, sig)

    def wait(self, timeout=BOUND_S):
        self.proc.join(timeout)
        if self.proc.exitcode is None:
            self.proc.kill()
            self.proc.join()
            raise subprocess.TimeoutExpired("msrun", timeout)
        self.returncode = self.proc.exitcode
        with open(self.out) as f:
            self.stdout = f.read()
        with open(self.err) as f:
            self.stderr = f.read()
        os.remove(self.out)
        os.remove(self.err)
        return self

    def kill(self):
        if self.proc.exitcode is None:
            self.proc.kill()
            self.proc.join()


def msrun(args, cwd, timeout=BOUND_S):
    launch = Launch(args, cwd)
    try:
        return launch.wait(timeout)
    finally:
        launch.kill()


def tagged(text, tag):
    """Every ``TAG {json}`` record in ``text``: two workers sharing one stdout pipe (torchrun's tee) can land on one
    line, so each record is decoded where its tag starts rather than line by line."""
    dec, out, key, i = json.JSONDecoder(), [], tag + " ", text.find(tag + " ")
    while i >= 0:
        obj, end = dec.raw_decode(text, i + len(key))
        out.append(obj)
        i = text.find(key, end)
    return out


def norm(text, port, log_dir):
    return text.replace(f"--log_dir={log_dir}", "--log_dir=<LOG>").replace(log_dir, "<LOG>") \
        .replace(str(port), "<PORT>").replace(socket.gethostname(), "<HOST>")


def golden_args(name, port):
    return [a.replace("<PORT>", str(port)).replace("<LOG>", f"l_{name}") for a in GOLD["runs"][name]["args"]]


def check_run(name, p, cwd, port, log_dir):
    """What a run left behind equals what the reference's msrun left with the same flags."""
    g = GOLD["runs"][name]
    assert p.returncode == g["rc"], p.stderr[-3000:]
    assert [norm(ln, port, log_dir) for ln in p.stdout.splitlines()
            if ln.startswith("Start worker process")] == g["stdout_start_lines"]
    logs = sorted(os.listdir(cwd / log_dir))
    assert [norm(f, port, log_dir) for f in logs] == g["log_files"]
    for f in logs:
        text = (cwd / log_dir / f).read_text()
        env, key = tagged(text, "ENVJSON"), norm(f, port, log_dir)
        if key + ":argv" in g["log_env"]:
            assert {k: norm(v, port, log_dir) for k, v in env[0].items()} == g["log_env"][key], f
            assert tagged(text, "ARGVJSON")[0] == g["log_env"][key + ":argv"]
    return g


# ---------------------------------------------------------------- command line


def test_flags_match_reference():
    ours = {a.dest: a for a in _args.build_parser()._actions if not isinstance(a, argparse._HelpAction)}
    ref = {f["dest"]: f for f in GOLD["parser"]}
    assert set(ours) == set(ref) - ABSENT_FLAGS
    type_name = {int: "int", str: "str", ast.literal_eval: "literal_eval", _args.parse_bind_core: "bind_core"}
    for dest, r in ref.items():
        if dest in ABSENT_FLAGS:
            continue
        a = ours[dest]
        assert (a.option_strings, a.default, type_name.get(a.type), a.choices, a.nargs, a.required) == \
            (r["option_strings"], r["default"], r["type"], r["choices"], r["nargs"], r["required"]), dest
        assert a.help


@pytest.mark.parametrize("name", sorted(GOLD["errors"]))
def test_bad_flags_like_reference(name, tmp_path, monkeypatch, capsys):
    g = GOLD["errors"][name]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(_launcher._DETACHED, raising=False)
    if g["rc"] == 2:  # argparse's usage errors
        with pytest.raises(SystemExit) as e:
            _launcher.main(g["args"])
        assert e.value.code == 2
        assert capsys.readouterr().err.strip().splitlines()[-1] == g["last_line"]
        return
    kind, _, message = g["last_line"].partition(": ")
    with pytest.raises((ValueError, RuntimeError)) as e:
        _launcher.main(g["args"])
    assert type(e.value).__name__ == kind
    if name == "bad_master_addr":  # the reference's message names a flag that does not exist ('--master_address')
        assert str(e.value).startswith("DNS resolution has failed") and "--master_addr" in str(e.value)
    else:
        assert str(e.value) == message
    assert not os.path.exists(tmp_path / "lx" / "scheduler.log")


def test_our_extra_checks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="multiple of local_worker_num"):
        _launcher.main(["--worker_num=3", "--local_worker_num=2", "--node_rank=0", "w.py"])
    with pytest.raises(ValueError, match="node_rank must be in"):
        _launcher.main(["--worker_num=4", "--local_worker_num=2", "--node_rank=2", "w.py"])
    with pytest.raises(ValueError, match="local_worker_num must be greater than 0"):
        _launcher.main(["--worker_num=2", "--local_worker_num=0", "w.py"])


def test_worker_command_forms():
    def argv(*cmd):
        ns = _args.build_parser().parse_args(["--worker_num=1", "--local_worker_num=1", *cmd])
        ns.master_addr = "127.0.0.1"
        return _launcher._Plan(ns).worker_argv()

    assert argv("train.py", "--lr", "1") == ["train.py", "--lr", "1"]
    assert argv("python", "-u", "train.py", "x") == ["train.py", "x"]
    assert argv("python3", "-m", "pkg.mod") == ["-m", "pkg.mod"]
    assert argv("pytest", "-q", "t.py") == ["-m", "pytest", "-q", "t.py"]


def test_bind_core_plans():
    assert _launcher._cpu_plan({"device0": ["0-1"], "device1": ["2-3", "6-7"]}, 2) == {"0": "0-1", "1": "2-3,6-7"}
    cpus = sorted(os.sched_getaffinity(0))
    plan = _launcher._cpu_plan(True, 1)
    assert plan == {"0": ",".join(map(str, cpus))}


# ---------------------------------------------------------------- real runs on one node


def test_mindspore_script_like_reference(work):
    """An unmodified MindSpore script (init, get_rank, get_group_size, ops.AllReduce) under msrun."""
    port = free_port()
    p = msrun(golden_args("mindspore_script", port), work)
    g = check_run("mindspore_script", p, work, port, "l_mindspore_script")
    got = [r for f in sorted(os.listdir(work / "l_mindspore_script")) if f.startswith("worker")
           for r in tagged((work / "l_mindspore_script" / f).read_text(), "MSJSON")]
    assert sorted(got, key=lambda r: r["rank"]) == g["ms_results"]


def test_join_runs_and_logs_like_reference(work):
    """The command line as typed; the workers also check the env:// contract: init_process_group('gloo') and an
    all-reduce work from the variables the launcher set."""
    port = free_port()
    p = msrun_cli(golden_args("ok_join", port), work, env=dict(os.environ, MSRUN_TEST_GLOO="1"))
    g = check_run("ok_join", p, work, port, "l_ok_join")
    # --join=True prints the workers' logs as msrun's tail does
    assert sorted(ln for ln in p.stdout.splitlines() if ln.startswith("hello from rank")) == g["stdout_hello"]
    got = tagged(p.stdout, "GLOOJSON")
    assert sorted((r["rank"], r["world"], r["sum"]) for r in got) == [(0, 2, 3.0), (1, 2, 3.0)]
    for r in got:
        e = r["env"]
        assert (e["RANK"], e["WORLD_SIZE"], e["LOCAL_RANK"], e["LOCAL_WORLD_SIZE"], e["GROUP_RANK"]) == \
            (str(r["rank"]), "2", str(r["rank"]), "2", "0")
        assert (e["MASTER_ADDR"], e["MASTER_PORT"]) == ("127.0.0.1", str(port))


def test_rank_table_and_timeout_exported(work):
    port = free_port()
    p = msrun(golden_args("ok_join_timeout_rank_table", port), work)
    check_run("ok_join_timeout_rank_table", p, work, port, "l_ok_join_timeout_rank_table")


def test_log_name_and_tail(work):
    port = free_port()
    p = msrun(golden_args("log_name_tail", port), work)
    g = check_run("log_name_tail", p, work, port, "l_log_name_tail")
    assert sorted(ln for ln in p.stdout.splitlines() if ln.startswith("hello from rank")) == g["stdout_hello"]


@pytest.mark.parametrize("mode", ["exit", "raise", "kill"])
def test_failed_worker_stops_the_job(work, mode):
    name = {"exit": "fail_join"}.get(mode, f"fail_{mode}")
    port = free_port()
    p = msrun(golden_args(name, port), work)
    log_dir = f"l_{name}"
    g = check_run(name, p, work, port, log_dir)
    assert norm(p.stderr.strip().splitlines()[-1], port, log_dir) == g["stderr_last_line"]
    # the failed rank and its log are named; rank 0 (sleeping) was stopped, not reported as a cause
    cause = {"exit": "Error code: 3", "raise": "Error code: 1", "kill": "killed by signal SIGKILL"}[mode]
    line = [ln for ln in p.stderr.splitlines() if "Worker process of rank" in ln]
    assert len(line) == 1 and "rank 1 " in line[0] and cause in line[0] and f"{log_dir}/worker_1.log" in line[0]
    if mode == "raise":
        assert "ValueError: worker of rank 1 fails on purpose" in p.stderr


def test_no_join_returns_and_supervises(work):
    port = free_port()
    args = golden_args("no_join", port)
    args[-1] = "exit"  # rank 1 fails later: the background supervisor must still stop rank 0
    p = msrun(args, work)
    g = GOLD["runs"]["no_join"]
    assert p.returncode == g["rc"] == 0, p.stderr[-3000:]
    assert [norm(ln, port, "l_no_join") for ln in p.stdout.splitlines()] == g["stdout_start_lines"]
    assert not wait_gone(str(work), BOUND_S)
    assert sorted(os.listdir(work / "l_no_join")) == g["log_files_later"]
    sched = (work / "l_no_join" / "scheduler.log").read_text()
    assert "Worker process of rank 1" in sched and "worker_1.log" in sched and "Distributed job exited" in sched


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_signalled_launcher_leaves_no_worker(work, sig):
    port = free_port()
    proc = Launch(["--worker_num=2", "--local_worker_num=2", f"--master_port={port}", "--log_dir=lg",
                   "--join=True", "w.py", "sleep"], work)
    try:
        end = time.monotonic() + BOUND_S
        while time.monotonic() < end and not all(
                (work / "lg" / f"worker_{r}.log").exists() and "hello" in (work / "lg" / f"worker_{r}.log").read_text()
                for r in (0, 1)):
            time.sleep(0.2)
        proc.send_signal(sig)
        proc.wait()
    finally:
        proc.kill()
    # SIGINT (Ctrl+C): the workers are stopped and the exit code is the reference's; SIGTERM: stopped too, exit
    # 128+15 (the reference's msrun has no handler: it dies and leaves its workers running); SIGKILL: the workers
    # die with the launcher. The fixture checks that no process is left in every case.
    expected = {signal.SIGINT: GOLD["runs"]["sigint"]["rc"], signal.SIGTERM: 128 + signal.SIGTERM,
                signal.SIGKILL: -signal.SIGKILL}[sig]
    assert proc.returncode == expected


# ---------------------------------------------------------------- two nodes on loopback


def two_nodes(work, port, mode, extra=(), node_rank=True):
    procs = [Launch(["--worker_num=2", "--local_worker_num=1", *([f"--node_rank={n}"] if node_rank else []),
                     f"--master_port={port}", f"--log_dir=l_node{n}", "--join=True", *extra, "w.py", *mode], work)
             for n in (0, 1)]
    try:
        return [(pr.wait().returncode, pr.stdout, pr.stderr) for pr in procs]
    finally:
        for pr in procs:
            pr.kill()


def test_two_nodes_like_reference(work):
    port = free_port()
    res = two_nodes(work, port, ["gloo"])
    sums = []
    for n, (rc, out, err) in enumerate(res):
        g = GOLD["runs"][f"node{n}"]
        assert rc == g["rc"], err[-3000:]
        assert [norm(ln, port, f"l_node{n}") for ln in out.splitlines()
                if ln.startswith("Start worker process")] == g["stdout_start_lines"]
        assert sorted(os.listdir(work / f"l_node{n}")) == g["log_files"]
        for f, env in g["log_env"].items():
            if not f.endswith(":argv"):
                mine = tagged((work / f"l_node{n}" / f).read_text(), "ENVJSON")[0]
                assert {k: norm(v, port, f"l_node{n}") for k, v in mine.items()} == env
        sums += [(r["rank"], r["sum"], r["env"]["GROUP_RANK"]) for r in tagged(out, "GLOOJSON")]
    assert sorted(sums) == [(0, 3.0, "0"), (1, 3.0, "1")]


def test_two_nodes_without_node_rank(work):
    """--node_rank left at -1: torch's c10d rendezvous assigns the ranks when the nodes meet; msrun then prints no
    rank lines and names each node's log by its local index."""
    port = free_port()
    g = GOLD["runs"]["node_auto"]
    ranks = []
    for n, (rc, out, err) in enumerate(two_nodes(work, port, ["gloo"], node_rank=False)):
        assert rc == g["rc"], err[-3000:]
        assert [ln for ln in out.splitlines() if ln.startswith("Start worker process")] == g["stdout_start_lines"]
        assert sorted(os.listdir(work / f"l_node{n}")) == g["log_files"]
        ranks += [(r["rank"], r["sum"]) for r in tagged(out, "GLOOJSON")]
    assert sorted(ranks) == [(0, 3.0), (1, 3.0)]


def test_failure_on_one_node_stops_the_other(work):
    port = free_port()
    (rc0, _, err0), (rc1, _, err1) = two_nodes(work, port, ["exit"])
    assert (rc0, rc1) == (1, 1), err0[-2000:] + err1[-2000:]
    assert "On node 1: Worker process of rank 1" in err0 and "l_node1/worker_1.log" in err0
    assert "Worker process of rank 1" in err1 and "Error code: 3" in err1


def test_vanished_node_stops_the_others(work):
    """Node 1's launcher is SIGKILLed mid-run (its worker dies with it): node 0 stops its sleeping worker once
    node 1's heartbeat has been silent for --cluster_time_out seconds."""
    port = free_port()
    procs = [Launch(["--worker_num=2", "--local_worker_num=1", f"--node_rank={n}", f"--master_port={port}",
                     f"--log_dir=l_node{n}", "--join=True", "--cluster_time_out=3", "w.py", "sleep"], work)
             for n in (0, 1)]
    try:
        end = time.monotonic() + BOUND_S
        logs = [work / "l_node0" / "worker_0.log", work / "l_node1" / "worker_1.log"]
        while time.monotonic() < end and not all(f.exists() and "hello" in f.read_text() for f in logs):
            time.sleep(0.2)
        procs[1].send_signal(signal.SIGKILL)
        rc0 = procs[0].wait().returncode
        procs[1].wait()
    finally:
        for pr in procs:
            pr.kill()
    assert rc0 == 1
    assert "node 1 stopped responding" in procs[0].stderr and "--cluster_time_out" in procs[0].stderr


@pytest.mark.parametrize("node", [0, 1])
def test_missing_node_times_out(work, node):
    port = free_port()
    p = msrun(["--worker_num=2", "--local_worker_num=1", f"--node_rank={node}", f"--master_port={port}",
               "--log_dir=lg", "--join=True", "--cluster_time_out=2", "w.py"], work)
    assert p.returncode == 1
    last = p.stderr.strip().splitlines()[-1]
    assert last.startswith("RuntimeError: The cluster of 2 node(s) (2 workers) could not be built")
    assert f"node {node} waited 2 s (--cluster_time_out)" in last


# ---------------------------------------------------------------- torchrun and mpirun


def test_torchrun_runs_mindspore_script(work):
    """`torchrun --nproc_per_node=2 -m lightspore ms_w.py`: an unmodified MindSpore script's init() joins from
    torchrun's variables; its AllReduce equals the reference's under its own msrun."""
    port = free_port()
    p = subprocess.run([sys.executable, "-m", "torch.distributed.run", "--nproc_per_node=2", f"--master_port={port}",
                        f"--log-dir={work}/torchrun_logs", "-m", "lightspore", "ms_w.py"], cwd=work,
                       capture_output=True, text=True, timeout=BOUND_S)
    assert p.returncode == 0, p.stderr[-3000:]
    assert sorted(tagged(p.stdout, "MSJSON"), key=lambda r: r["rank"]) == GOLD["runs"]["mindspore_script"]["ms_results"]


def test_mpirun_runs_mindspore_script(work):
    """`mpirun -n 2 python -m lightspore ms_w.py`: OpenMPI's real mpirun where it is installed (CI: apt-get install
    openmpi-bin), else two processes given the variables it sets (OMPI_COMM_WORLD_*). The unmodified MindSpore
    script's AllReduce equals the reference's under its own msrun."""
    port = free_port()
    if shutil.which("mpirun"):
        p = subprocess.run(["mpirun", "--allow-run-as-root", "--oversubscribe", "-n", "2", "-x", f"MASTER_PORT={port}",
                            sys.executable, "-m", "lightspore", "ms_w.py"], cwd=work, capture_output=True,
                           text=True, timeout=BOUND_S)
        assert p.returncode == 0, p.stderr[-3000:]
        res = tagged(p.stdout, "MSJSON")
    else:
        procs, res = [], []
        for r in (0, 1):
            env = {k: v for k, v in os.environ.items() if k not in ("RANK", "WORLD_SIZE", "MASTER_ADDR", "LOCAL_RANK")}
            env.update(OMPI_COMM_WORLD_RANK=str(r), OMPI_COMM_WORLD_SIZE="2", OMPI_COMM_WORLD_LOCAL_RANK=str(r),
                       OMPI_COMM_WORLD_LOCAL_SIZE="2", MASTER_PORT=str(port))
            procs.append(subprocess.Popen([sys.executable, "-m", "lightspore", "ms_w.py"], cwd=work, env=env,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        try:
            for pr in procs:
                out, err = pr.communicate(timeout=BOUND_S)
                assert pr.returncode == 0, err[-3000:]
                res += tagged(out, "MSJSON")
        finally:
            for pr in procs:
                pr.kill()
    assert sorted(res, key=lambda r: r["rank"]) == GOLD["runs"]["mindspore_script"]["ms_results"]


def test_openmpi_environment_rules():
    env = {"OMPI_COMM_WORLD_RANK": "3", "OMPI_COMM_WORLD_SIZE": "4", "OMPI_COMM_WORLD_LOCAL_RANK": "1",
           "OMPI_COMM_WORLD_LOCAL_SIZE": "2"}
    with pytest.raises(RuntimeError, match="MASTER_ADDR"):
        _adopt_mpi_env(dict(env))
    e = dict(env, MASTER_ADDR="10.0.0.1", OMPI_MCA_ess_base_jobid="1234")
    assert _adopt_mpi_env(e)
    assert (e["RANK"], e["WORLD_SIZE"], e["LOCAL_RANK"], e["LOCAL_WORLD_SIZE"], e["GROUP_RANK"]) == \
        ("3", "4", "1", "2", "1")
    e2 = dict(env, MASTER_ADDR="10.0.0.1", OMPI_MCA_ess_base_jobid="1234", OMPI_COMM_WORLD_RANK="0")
    _adopt_mpi_env(e2)
    assert e2["MASTER_PORT"] == e["MASTER_PORT"]  # every rank of one job agrees on the port
    done = dict(env, RANK="7")
    assert not _adopt_mpi_env(done) and "WORLD_SIZE" not in done  # a launcher's own variables win

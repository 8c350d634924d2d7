"""Golden data for tests/test_msrun.py, recorded from the reference's msrun (MindSpore 2.7.1, CPU).

Run with the reference python, its bin/ first on PATH (msrun starts workers with the `python` it finds there):

    PATH=/root/.cache/mindspore-ref/bin:$PATH GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_msrun.py

Writes tests/golden/msrun.json: the command line (each flag's name, default, type, choices), the exit codes and
error messages of bad flags, and what real runs leave behind: log file names, the lines msrun prints, the
environment a worker gets, the exit code and message when a worker fails, --join=False returning before the job
ends, two nodes with --node_rank, --worker_log_name and --tail_worker_log. Paths, pids, ports and the host name
are replaced by placeholders.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER = os.path.join(HERE, "gen_msrun_worker.py")
MS_WORKER = os.path.join(HERE, "gen_msrun_ms_worker.py")
MSRUN = shutil.which("msrun")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parser_record():
    from mindspore.parallel.cluster import run as msrun_run

    captured = {}

    class Stop(Exception):
        pass

    def capture(self, *a, **k):
        captured["parser"] = self
        raise Stop

    orig = argparse.ArgumentParser.parse_args
    argparse.ArgumentParser.parse_args = capture
    try:
        msrun_run.get_args()
    except Stop:
        pass
    finally:
        argparse.ArgumentParser.parse_args = orig
    flags = []
    for act in captured["parser"]._actions:
        if isinstance(act, argparse._HelpAction):
            continue
        typ = getattr(act.type, "__name__", None)
        flags.append({"dest": act.dest, "option_strings": act.option_strings, "default": act.default,
                      "type": {"literal_eval": "literal_eval", "parse_and_validate_bind_core": "bind_core"}.get(
                          typ, typ), "choices": act.choices, "nargs": act.nargs, "required": act.required})
    return flags


def norm(text, subs):
    for old, new in subs:
        if old:
            text = text.replace(old, new)
    return text


def run(args, cwd, timeout=300):
    t0 = time.time()
    p = subprocess.run([MSRUN, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return p, time.time() - t0


def last_line(text):
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def worker_lines(text, tag):
    return [json.loads(ln[len(tag) + 1:]) for ln in text.splitlines() if ln.startswith(tag + " ")]


def main():
    out = {"parser": parser_record(), "errors": {}, "runs": {}}
    work = tempfile.mkdtemp(prefix="gen_msrun_")
    shutil.copy(WORKER, os.path.join(work, "w.py"))
    shutil.copy(MS_WORKER, os.path.join(work, "ms_w.py"))
    host = socket.gethostname()
    try:
        bad = {
            "worker_num_zero": ["--worker_num=0", "w.py"],
            "local_exceeds_total": ["--worker_num=2", "--local_worker_num=4", "--log_dir=lx", "w.py"],
            "join_not_bool": ["--join=maybe", "w.py"],
            "worker_num_not_int": ["--worker_num=abc", "w.py"],
            "bind_core_not_json": ["--bind_core=cores", "w.py"],
            "bind_core_bad_key": ['--bind_core={"dev0": ["0-1"]}', "w.py"],
            "bind_core_bad_range": ['--bind_core={"device0": ["0,1"]}', "w.py"],
            "bind_core_not_list": ['--bind_core={"device0": "0-1"}', "w.py"],
            "no_script": ["--worker_num=2"],
            "bad_master_addr": ["--master_addr=no-such-host.invalid", "w.py"],
        }
        for name, args in bad.items():
            p, _ = run(args, work, timeout=120)
            err = p.stderr
            out["errors"][name] = {"args": args, "rc": p.returncode, "last_line": last_line(err)}
        time.sleep(2)  # 'local_exceeds_total' started a scheduler before failing; let it exit

        def logs(d):
            return sorted(os.listdir(d)) if os.path.isdir(d) else []

        def record(name, args, log_dir, extra_subs=()):
            port = free_port()
            args = [f"--master_port={port}", *args]
            p, secs = run(args, work)
            subs = [(os.path.join(work, log_dir), "<LOG>"), (log_dir, "<LOG>"), (str(port), "<PORT>"),
                    (host, "<HOST>"), *extra_subs]
            rec = {"args": [norm(a, subs) for a in args], "rc": p.returncode,
                   "stdout_start_lines": [norm(ln, subs) for ln in p.stdout.splitlines()
                                          if ln.startswith("Start worker process")],
                   "stdout_env": [{k: norm(v, subs) for k, v in e.items()} for e in worker_lines(p.stdout, "ENVJSON")],
                   "stdout_hello": sorted(ln for ln in p.stdout.splitlines() if ln.startswith("hello from rank")),
                   "stderr_last_line": norm(last_line(p.stderr), subs),
                   "log_files": logs(os.path.join(work, log_dir)), "seconds": round(secs, 1)}
            envs = {}
            for f in rec["log_files"]:
                with open(os.path.join(work, log_dir, f)) as fh:
                    text = fh.read()
                e = worker_lines(text, "ENVJSON")
                if e:
                    envs[norm(f, subs)] = {k: norm(v, subs) for k, v in e[0].items()}
                    envs[norm(f, subs) + ":argv"] = worker_lines(text, "ARGVJSON")[0]
            rec["log_env"] = envs
            rec["log_files"] = [norm(f, subs) for f in rec["log_files"]]
            out["runs"][name] = rec
            return rec

        record("ok_join", ["--worker_num=2", "--local_worker_num=2", "--log_dir=l_ok", "--join=True",
                           "w.py", "ok", "a b", "--flag=1"], "l_ok")
        record("ok_join_timeout_rank_table", ["--worker_num=2", "--local_worker_num=2", "--log_dir=l_rt", "--join=True",
                                              "--cluster_time_out=45", "--rank_table_file=/tmp/rt.json", "w.py"],
               "l_rt")
        record("fail_join", ["--worker_num=2", "--local_worker_num=2", "--log_dir=l_fail", "--join=True",
                             "w.py", "exit"], "l_fail")
        for mode in ("raise", "kill"):
            record(f"fail_{mode}", ["--worker_num=2", "--local_worker_num=2", f"--log_dir=l_{mode}", "--join=True",
                                    "w.py", mode], f"l_{mode}")
        rec = record("no_join", ["--worker_num=2", "--local_worker_num=2", "--log_dir=l_nojoin", "w.py", "ok"],
                     "l_nojoin")
        time.sleep(5)
        rec["log_files_later"] = logs(os.path.join(work, "l_nojoin"))  # no host name in these
        record("log_name_tail", ["--worker_num=2", "--local_worker_num=2", "--log_dir=l_name", "--join=True",
                                 "--worker_log_name=w_{hostname}", "--tail_worker_log=1", "w.py"], "l_name")
        # two nodes on loopback, one worker each; the workers do not meet, so each launcher returns on its own
        for node in (0, 1):
            record(f"node{node}", ["--worker_num=2", "--local_worker_num=1", f"--node_rank={node}",
                                   f"--log_dir=l_node{node}", "--join=True", "w.py"], f"l_node{node}")
        rec = record("mindspore_script", ["--worker_num=2", "--local_worker_num=2", "--log_dir=l_ms", "--join=True",
                                          "ms_w.py"], "l_ms")
        rec["ms_results"] = sorted((r for f in rec["log_files"] if f.startswith("worker")
                                    for r in worker_lines(open(os.path.join(work, "l_ms", f)).read(), "MSJSON")),
                                   key=lambda r: r["rank"])
        # Ctrl+C (SIGINT) to a joined msrun while its workers run: it stops them; record its exit code
        port = free_port()
        log_dir = os.path.join(work, "l_sigint")
        proc = subprocess.Popen([MSRUN, f"--master_port={port}", "--worker_num=2", "--local_worker_num=2",
                                 "--log_dir=l_sigint", "--join=True", "w.py", "sleep"], cwd=work,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        end = time.time() + 120
        while time.time() < end and not all(
                os.path.exists(os.path.join(log_dir, f"worker_{r}.log"))
                and "hello" in open(os.path.join(log_dir, f"worker_{r}.log")).read() for r in (0, 1)):
            time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=120)
        out["runs"]["sigint"] = {"rc": proc.returncode}
        record("node_auto", ["--worker_num=2", "--local_worker_num=1", "--log_dir=l_auto", "--join=True", "w.py"],
               "l_auto")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(HERE, "msrun.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.join(HERE, "msrun.json"))


if __name__ == "__main__":
    sys.exit(main())

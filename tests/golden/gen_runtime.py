"""What real MindSpore's runtime modules answer on CPU, for tests/test_runtime.py (run with the reference python):

    /root/.cache/mindspore-ref/bin/python tests/golden/gen_runtime.py

Runs tests/golden/runtime_cases.py in fresh reference processes (the log cases under several GLOG_* settings)
and writes tests/golden/runtime.json.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "runtime_cases.py")
LOG_ENVS = {
    "default": {},
    "info": {"GLOG_v": "1"},
    "error": {"GLOG_v": "3"},
    "file": {"GLOG_v": "2", "GLOG_logtostderr": "0", "GLOG_log_dir": "@TMP@", "logger_maxBytes": "1000",
             "logger_backupCount": "3", "GLOG_stderrthreshold": "3"},
    "bad_level": {"GLOG_v": "7"},
    "bad_console": {"GLOG_logtostderr": "2"},
    "no_dir": {"GLOG_logtostderr": "0"},
}
_STRIP = ("GLOG_v", "GLOG_logtostderr", "GLOG_log_dir", "logger_maxBytes", "logger_backupCount",
          "GLOG_stderrthreshold", "VLOG_v")


def run(python, args, env_extra, cwd=None):
    """Run the case script; return (json answer or None, stderr lines)."""
    env = {k: v for k, v in os.environ.items() if k not in _STRIP}
    tmp = tempfile.mkdtemp()
    env.update({k: v.replace("@TMP@", tmp) for k, v in env_extra.items()})
    p = subprocess.run([python, *args], env=env, capture_output=True, text=True, timeout=300, cwd=cwd)
    ans = None
    for line in p.stdout.splitlines():
        if line.startswith("JSON:"):
            ans = json.loads(line[5:])
    files = []
    for root, _dirs, names in os.walk(tmp):
        for n in names:
            with open(os.path.join(root, n)) as f:
                files.append({"path": os.path.relpath(os.path.join(root, n), tmp).split(os.sep)[:-1],
                              "lines": f.read().splitlines()})
    return ans, p.stderr.splitlines(), files, p.returncode


if __name__ == "__main__":
    out = {"main": run(sys.executable, [SCRIPT], {"GLOG_v": "3"})[0], "log": {}}
    for name, env in LOG_ENVS.items():
        ans, err, files, rc = run(sys.executable, [SCRIPT, "log"], env)
        mine = [ln for ln in err if "runtime case" in ln or "runtime info" in ln]
        out["log"][name] = {"answer": ans, "ok": rc == 0, "stderr": mine,
                            "files": [{"path": f["path"], "lines": [ln for ln in f["lines"] if "runtime " in ln]}
                                      for f in files],
                            "error": [ln for ln in err if "Error" in ln][-1:] if rc else []}
    with open(os.path.join(HERE, "runtime.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
    print("wrote runtime.json")

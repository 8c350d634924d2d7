"""Golden data for data-parallel training: runs gen_distributed_worker.py as a 2-process job under the reference's
own launcher (real MindSpore 2.7.1 ``msrun``, CPU backend), and stores what every rank recorded in
tests/golden/distributed.npz (keys ``r<rank>/<name>``).

Run with the reference python (its bin/ holds msrun):
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_distributed.py
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
WORKER = HERE / "gen_distributed_worker.py"


def main():
    bindir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", GLOG_v="3")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    tmp = tempfile.mkdtemp(prefix="gen_distributed_")
    try:
        out = os.path.join(tmp, "out")
        os.makedirs(out)
        cmd = [str(bindir / "msrun"), "--worker_num=2", "--local_worker_num=2", f"--master_port={port}",
               f"--log_dir={os.path.join(tmp, 'log')}", "--join=True", "--cluster_time_out=300", str(WORKER), out]
        r = subprocess.run(cmd, env=env, cwd=tmp, timeout=900, capture_output=True, text=True)
        if r.returncode != 0:
            for f in sorted(Path(tmp, "log").glob("worker_*.log")):
                print(f.read_text()[-4000:], file=sys.stderr)
            raise SystemExit(f"msrun failed with exit code {r.returncode}")
        golden = {}
        for rank in (0, 1):
            with np.load(os.path.join(out, f"rank{rank}.npz")) as z:
                for k in z.files:
                    golden[f"r{rank}/{k}"] = z[k]
        np.savez_compressed(HERE / "distributed.npz", **golden)
        print(f"wrote {HERE / 'distributed.npz'}: {len(golden)} arrays")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

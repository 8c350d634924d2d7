"""A summary file written by real MindSpore from summary ops in a network (and histogram/image values added
directly), for tests/test_summary_ops.py (run with the reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_summary_ops.py

Writes tests/golden/summary/summary_ops.summary from tests/golden/summary_ops_cases.py.
"""
import glob
import os
import shutil
import sys
import tempfile

import mindspore as ms

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import summary_ops_cases  # noqa: E402

if __name__ == "__main__":
    d = tempfile.mkdtemp()
    with ms.SummaryRecord(d) as rec:
        summary_ops_cases.write(ms, rec)
    (path,) = glob.glob(os.path.join(d, "*"))
    out = os.path.join(HERE, "summary", "summary_ops.summary")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if os.path.exists(out):
        os.chmod(out, 0o600)
    shutil.copyfile(path, out)
    os.chmod(out, 0o644)
    shutil.rmtree(d, ignore_errors=True)
    print("wrote", out, os.path.getsize(out), "bytes")

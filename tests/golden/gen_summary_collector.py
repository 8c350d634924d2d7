"""The summary file real MindSpore's SummaryCollector writes during Model.train, for tests/test_summary_ops.py:

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_summary_collector.py

Writes tests/golden/summary/summary_collector.summary from tests/golden/summary_collector_cases.py.
"""
import glob
import os
import shutil
import sys
import tempfile

import mindspore as ms

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import summary_collector_cases  # noqa: E402

if __name__ == "__main__":
    d = tempfile.mkdtemp()
    summary_collector_cases.run(ms, d)
    (path,) = glob.glob(os.path.join(d, "*_MS"))
    out = os.path.join(HERE, "summary", "summary_collector.summary")
    if os.path.exists(out):
        os.chmod(out, 0o600)
    shutil.copyfile(path, out)
    os.chmod(out, 0o644)
    print("wrote", out, os.path.getsize(out), "bytes;", "reference folder:", sorted(os.listdir(d)))
    shutil.rmtree(d, ignore_errors=True)

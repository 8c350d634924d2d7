"""Golden data for the 2.10 runtime names (tests/golden/runtime_210_cases.py), from the 2.10 reference:

    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python /work/main/tests/golden/gen_runtime_210.py
"""
from _record import record

record("runtime_210_cases", "runtime_210")

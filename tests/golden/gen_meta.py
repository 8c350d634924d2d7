"""Golden data for the meta device (tests/golden/meta_cases.py), recorded from the 2.10 reference:

    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python /work/main/tests/golden/gen_meta.py
"""
from _record import record

record("meta_cases", "meta")

"""Golden data for the Cell members (tests/golden/cell_members_cases.py), recorded from the 2.7.1 reference (2.10
gives the same):

    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref/bin/python /work/main/tests/golden/gen_cell_members.py
"""
from _record import record

record("cell_members_cases", "cell_members")

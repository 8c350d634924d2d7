"""The ``nn.Cell`` members MindSpore keeps for its compiler, parallel planner and mixed precision, checked against
golden data from the reference (tests/golden/gen_cell_members.py)."""
import numpy as np
from _golden import json_case_suite

import lightspore as ms

test_all_cases_have_golden, test_case = json_case_suite("cell_members_cases", "cell_members_2.7.1.json", ms)


def test_compile_and_run_goes_through_torch_compile():
    from lightspore._compile import jit_stats
    net = ms.nn.Dense(3, 2)
    x = ms.Tensor(np.ones((2, 3), np.float32))
    want = net(x).asnumpy()
    for _ in range(3):
        np.testing.assert_allclose(net.compile_and_run(x).asnumpy(), want, rtol=1e-6)
    graphs, _ = jit_stats(net.__dict__["_compiled_call"])
    assert graphs >= 1


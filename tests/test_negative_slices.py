"""Slicing with negative steps against the reference (tests/golden/negative_slices.json, from
tests/golden/gen_negative_slices.py): torch refuses negative steps, MindSpore returns the reversed elements."""
import json

import numpy as np
import pytest

import lightspore as ms
from tests._golden import GOLDEN

CASES = json.loads((GOLDEN / "negative_slices.json").read_text())["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["index"] for c in CASES])
def test_negative_step_slices(case):
    scope = {"t": ms.Tensor(np.arange(4 * 5 * 6, dtype=np.float32).reshape(4, 5, 6))}
    r = eval(f"t[{case['index']}]", scope)  # noqa: S307
    assert list(r.shape) == case["shape"]
    assert str(r.dtype) == case["dtype"]
    np.testing.assert_array_equal(r.asnumpy().ravel(), np.array(case["values"], np.float32))

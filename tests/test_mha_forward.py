"""ops.function.nn_func.multi_head_attention_forward against the reference (tests/golden/gen_mha_forward.py)."""
import os
import sys

import numpy as np
import pytest

import lightspore  # noqa: F401
from lightspore import Tensor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import gen_mha_forward as G  # noqa: E402

GOLD = np.load(os.path.join(HERE, "golden", "mha_forward.npz"))


@pytest.mark.parametrize("case", sorted(G.CASES))
def test_matches_the_reference(case):
    from lightspore.ops.function.nn_func import multi_head_attention_forward

    args, kwargs = G.wrap(Tensor, *G.inputs(case))
    out, weights = multi_head_attention_forward(*args, **kwargs)
    np.testing.assert_allclose(out.asnumpy(), GOLD[f"{case}/out"], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(weights.asnumpy(), GOLD[f"{case}/weights"], rtol=1e-4, atol=1e-5)

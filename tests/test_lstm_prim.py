"""ops.LSTM (one flat weight tensor) against the reference's CPU kernel (tests/golden/gen_lstm_prim.py)."""
import os
import sys

import numpy as np
import pytest

from lightspore import Tensor, ops
from lightspore.ops import operations as P

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import gen_lstm_prim as G  # noqa: E402

GOLD = np.load(os.path.join(HERE, "golden", "lstm_prim.npz"))


@pytest.mark.parametrize("case", sorted(G.CASES))
def test_matches_the_reference(case):
    i, h, layers, bias, bi = G.CASES[case]
    out = P.LSTM(i, h, layers, bias, bi, 0.0)(*(Tensor(a) for a in G.inputs(case)))
    assert len(out) == 5 and ops.LSTM is P.LSTM
    for name, t in zip(("y", "hn", "cn"), out[:3]):
        np.testing.assert_allclose(t.asnumpy(), GOLD[f"{case}/{name}"], rtol=1e-5, atol=1e-6, err_msg=name)


@pytest.mark.parametrize("case", sorted(G.ERROR_CASES))
def test_refused_as_in_the_reference(case):
    assert str(GOLD[f"{case}/error"]) == "RuntimeError"   # the reference's CPU kernel refuses it
    i, h, layers, bias, bi = G.ERROR_CASES[case]
    with pytest.raises(ValueError, match="input_size == hidden_size"):
        P.LSTM(i, h, layers, bias, bi, 0.0)

"""Cell.register_saved_tensors_hooks (MindSpore 2.10) against tests/golden/cell_v210.json (gen_cell_v210.py, run with
the 2.10 reference, from the cases of tests/golden/cell_v210_cases.py): the gradients, the pack/unpack calls (as a
sorted list: torch saves a product's operands in the other order), the forward without grad (no calls), and that
only the cell given to grad is affected, not one called inside it."""
import inspect
import json

import numpy as np
import pytest
from _golden import GOLDEN, load_cases

import lightspore as ms

C = load_cases('cell_v210_cases.py')
G = json.loads((GOLDEN / 'cell_v210.json').read_text())


def test_signature():
    assert str(inspect.signature(ms.nn.Cell.register_saved_tensors_hooks)) == G['signature']


@pytest.mark.parametrize('cid', sorted(C.CASES))
def test_saved_tensors_hooks(cid):
    want = G['cases'][cid]
    grads, log, fwd, flog = C.run(ms, C.CASES[cid])
    for g, w in zip(grads, want['grads']):
        np.testing.assert_allclose(g, w, rtol=1e-5, atol=1e-6)
    assert len(grads) == len(want['grads'])
    assert [k for k, _ in log] == [k for k, _ in want['log']]
    for (_, v), (_, w) in zip(log, want['log']):
        np.testing.assert_allclose(v, w, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(fwd, want['forward'], rtol=1e-6)
    assert flog == want['forward_log']

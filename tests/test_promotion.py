"""The binary-op promotion matrix against real MindSpore 2.7.1 (tests/golden/promotion.json, made by
tests/golden/gen_promotion.py): the result dtype or error type of add/sub/mul/div/floor_div/mod/pow/maximum/minimum
and the six comparisons, in every form (ops.xxx, ops.Xxx()(), Tensor.xxx, mint.xxx, the Python operator), over
every dtype pair of 1-D and 0-d tensors and Python bool/int/float scalars."""
import json
import os
import sys

import pytest

import lightspore as ms
from lightspore import mint, ops

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import promotion_cases as C  # noqa: E402

GOLDEN = json.load(open(os.path.join(HERE, "golden", "promotion.json")))


@pytest.mark.parametrize("op", list(C.OPS))
def test_promotion_matrix(op):
    cells = C.cells()
    assert GOLDEN["cells"] == len(cells)
    cache = {o: C.make(o[0], o[1], ms.Tensor, ms) for o in C.operands()}
    wrong = []
    for form in C.FORMS:
        ref = GOLDEN["results"][op][form]
        for (a, b), want in zip(cells, ref):
            got = C.outcome(form, op, cache[a], cache[b], ops, mint)
            if got != want:
                wrong.append(f"{form} {a}x{b}: {got} != {want}")
    assert not wrong, f"{len(wrong)} cells differ, e.g.\n" + "\n".join(wrong[:20])


@pytest.mark.parametrize("name", list(C.EXTRA))
def test_promotion_other_spellings(name):
    """ops.subtract/multiply/divide/true_divide/floor_divide/remainder, divide's rounding modes, their mint and
    Tensor spellings: one form each, every cell."""
    cells = C.cells()
    cache = {o: C.make(o[0], o[1], ms.Tensor, ms) for o in C.operands()}
    ref = GOLDEN["extra"][name]
    wrong = [f"{a}x{b}: {got} != {want}" for (a, b), want in zip(cells, ref)
             if (got := C.outcome("extra", name, cache[a], cache[b], ops, mint)) != want]
    assert not wrong, f"{len(wrong)} cells differ, e.g.\n" + "\n".join(wrong[:20])


def test_values_follow_the_promoted_dtype():
    """The dtype is not all: bool - bool is xor, int / int is a float division, uint16 computes exactly."""
    t = ms.Tensor([True, False])
    assert (t - ms.Tensor([True, True])).asnumpy().tolist() == [False, True]
    assert (ms.Tensor([1, 2], ms.int32) / ms.Tensor([2, 4], ms.int32)).asnumpy().tolist() == [0.5, 0.5]
    u = ms.Tensor([1, 2], ms.uint16) + ms.Tensor([3, 4], ms.uint16)
    assert u.dtype == ms.uint16 and u.asnumpy().tolist() == [4, 6]

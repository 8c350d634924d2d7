"""``mint.addr_`` / ``mint.conv_tbc`` / ``mint.npu_gelu`` (MindSpore 2.10) against tests/golden/release_mint_2.10.0.json
(gen_release_mint.py): the reference's argument errors, and, where its CPU build has no kernel, the documented
formula computed with numpy by the generator."""
import json

import pytest
from _golden import GOLDEN, first_diff, load_cases

import lightspore as ms

cases = load_cases("release_mint_cases.py")
GOLD = json.loads((GOLDEN / "release_mint_2.10.0.json").read_text())


def test_every_case_has_golden_and_the_kernels_were_missing_on_the_reference_cpu():
    assert set(GOLD) == set(cases.CASES)
    assert {n for n, g in GOLD.items() if g.get("reference_cpu") == "RuntimeError"} == {
        n for n, (_, formula) in cases.CASES.items() if formula is not None}


@pytest.mark.parametrize("name", sorted(cases.CASES))
def test_case(name):
    want = GOLD[name].get("expected", GOLD[name])
    d = first_diff(json.loads(json.dumps(cases.run_case(ms, name))), want)
    assert d is None, f"{name}{d[0]}: got {d[1]!r}, want {d[2]!r}"


def test_addr_writes_into_its_input():
    import numpy as np
    inp = ms.Tensor(np.zeros((2, 2), np.float32))
    ms.mint.addr_(inp, ms.Tensor(np.ones(2, np.float32)), ms.Tensor(np.ones(2, np.float32)))
    assert inp.asnumpy().tolist() == [[1.0, 1.0], [1.0, 1.0]]

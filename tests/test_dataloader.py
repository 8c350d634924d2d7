"""mindspore.dataset.dataloader (MindSpore 2.8+) against golden data from the 2.10 reference
(tests/golden/gen_dataloader.py): batches, Tensor dtypes and shapes, seeded shuffling, samplers, collation and the
argument errors."""
import json

import pytest
from _golden import GOLDEN, first_diff, load_cases

import lightspore

WANT = json.loads((GOLDEN / "dataloader.json").read_text())
CASES = load_cases("dataloader_cases.py")


@pytest.fixture(scope="module")
def got():
    import lightspore.dataset.dataloader  # noqa: F401
    return CASES.run(lightspore)


@pytest.mark.parametrize("case", sorted(WANT["cases"]))
def test_dataloader_case(got, case):
    want, have = WANT["cases"][case], got[case]
    if isinstance(want, dict) and "error" in want:
        assert isinstance(have, dict) and have.get("error") == want["error"], (have, want)
        return
    diff = first_diff(have, want)
    assert diff is None, f"{case}: {diff}"


def test_reachable_as_attribute():
    assert lightspore.dataset.dataloader.DataLoader.__module__.startswith("lightspore.dataset.dataloader")

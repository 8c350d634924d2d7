"""mindspore._checkparam (lightspore._checkparam) against the reference (tests/golden/gen_checkparam.py)."""
import json
import os
import sys

import pytest

from lightspore import _checkparam as V

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import gen_checkparam as G  # noqa: E402

with open(os.path.join(HERE, "golden", "checkparam.json")) as _f:
    GOLD = json.load(_f)


@pytest.mark.parametrize("i", range(len(G.CALLS)), ids=lambda i: f"{G.CALLS[i][0]}-{i}")
def test_check_as_the_reference(i):
    name, args, kwargs = G.CALLS[i]
    assert G.run(V, name, args, kwargs) == GOLD["calls"][i]


def test_constants_and_alias_path():
    assert {c: getattr(V, c) for c in G.CONSTANTS} == GOLD["constants"]
    import lightspore

    lightspore.install_alias()
    from mindspore import _checkparam as Validator

    assert Validator is V

"""nn.AdaFactor against the reference's steps (tests/golden/gen_adafactor.py)."""
import json
import os
import sys

import numpy as np
import pytest

from lightspore import Parameter, Tensor
from lightspore.nn.optim.adafactor import AdaFactor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "golden"))
import gen_adafactor as G  # noqa: E402

with open(os.path.join(HERE, "golden", "adafactor.json")) as _f:
    META = json.load(_f)
ARR = np.load(os.path.join(HERE, "golden", "adafactor.npz"))


@pytest.mark.parametrize("case", sorted(G.CASES))
def test_steps_match_the_reference(case):
    p0, grads = G.inputs()
    params = [Parameter(Tensor(p0[n]), name=n) for n in G.SHAPES]
    opt = AdaFactor(params, **G.CASES[case])
    meta = META["cases"][case]
    assert [opt.step.name, list(opt.step.shape)] == meta["step_param"]
    for k in G.STATE:
        got = [[q.name, list(q.shape), str(q.dtype)] for q in getattr(opt, k)]
        if k == "exp_avg" and not opt.use_first_moment:   # unnamed placeholders in both
            got = [g[1:] for g in got]
            want = [w[1:] for w in meta["state"][k]]
        else:
            want = meta["state"][k]
        assert got == want, k
    for s in range(G.STEPS):
        opt(tuple(Tensor(grads[s][n]) for n in G.SHAPES))
        for p in params:
            np.testing.assert_allclose(p.asnumpy(), ARR[f"{case}/{s}/param/{p.name}"], rtol=1e-4, atol=1e-6,
                                       err_msg=f"{case} step {s} {p.name}")
        for k in G.STATE:
            for i, q in enumerate(getattr(opt, k)):
                np.testing.assert_allclose(q.asnumpy(), ARR[f"{case}/{s}/{k}/{i}"], rtol=1e-4, atol=1e-7,
                                           err_msg=f"{case} step {s} {k}[{i}]")
        np.testing.assert_allclose(opt.step.asnumpy(), ARR[f"{case}/{s}/step"])


@pytest.mark.parametrize("name", sorted(G.ERRORS))
def test_argument_errors(name):
    want = META["errors"][name]
    p0, _ = G.inputs()
    with pytest.raises({"TypeError": TypeError, "ValueError": ValueError}[want["type"]]) as ei:
        AdaFactor([Parameter(Tensor(p0["w"]), name="w")], **G.ERRORS[name])
    assert str(ei.value) == want["message"]


def test_same_object_on_every_path():
    import lightspore as ms

    ms.install_alias()
    import mindspore.nn as nn
    from mindspore.nn.optim.adafactor import AdaFactor as A2

    assert A2 is AdaFactor and nn.optim.AdaFactor is AdaFactor and nn.AdaFactor is AdaFactor

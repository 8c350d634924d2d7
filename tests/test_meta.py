"""The meta device (MindSpore 2.10): ``DeviceCtx('meta')``, ``device='meta'``, ``Tensor.is_meta``, ``Cell.to_empty``,
checked against golden data from the 2.10 reference (tests/golden/gen_meta.py), and a 1e9-parameter net built on
meta without allocating."""
import resource

from _golden import json_case_suite

import lightspore as ms

test_all_cases_have_golden, test_case = json_case_suite("meta_cases", "meta_2.10.0.json", ms)


def _rss_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def test_billion_parameters_on_meta_allocate_nothing():
    before = _rss_mib()
    with ms.DeviceCtx("meta"):
        net = ms.nn.SequentialCell([ms.nn.Dense(8192, 8192) for _ in range(15)])
    params = net.get_parameters()
    assert sum(p.size for p in params) > 1_000_000_000
    assert all(p.is_meta for p in net.get_parameters())
    assert _rss_mib() - before < 64          # 4 GB of float32 would be there if anything were allocated
    assert ms.get_current_device() == ("CPU", 0)


def test_to_empty_then_load_gives_a_working_net():
    import numpy as np
    with ms.DeviceCtx("meta"):
        net = ms.nn.Dense(3, 2)
    net.to_empty(device="CPU")
    w = np.arange(6, dtype=np.float32).reshape(2, 3)
    ms.load_param_into_net(net, {"weight": ms.Parameter(ms.Tensor(w), name="weight"),
                                 "bias": ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name="bias")})
    out = net(ms.Tensor(np.ones((1, 3), np.float32))).asnumpy()
    np.testing.assert_allclose(out, w.sum(1, keepdims=True).T + 1)

"""Every name lightspore exports from these namespaces has the reference's signature
(``../shared/api/mindspore-api.json``, MindSpore 2.7.1's public surface)."""
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools"))
import api_coverage  # noqa: E402

API = api_coverage.DEFAULT_API
# signatures the reference prints for pybind11 classes ("(/, *args, **kwargs)") that a Python class can
# not reproduce; everything else must match
PYBIND_ONLY = {"Tensor", "ParameterTuple", "Type", "QuantDtype", "Callback"}
CHECKED = ["mindspore", "mindspore.common.dtype", "mindspore.common.initializer", "mindspore.ops",
           "mindspore.nn", "mindspore.nn.Cell", "mindspore.train", "mindspore.Tensor",
           "mindspore.amp", "mindspore.dataset", "mindspore.dataset.transforms", "mindspore.dataset.vision",
           "mindspore.communication"]


@pytest.fixture(scope="module")
def rows():
    if not os.path.exists(API):
        pytest.skip("the shared API listing is not beside this checkout")
    return api_coverage.coverage(API)


@pytest.mark.parametrize("namespace", CHECKED)
def test_exported_names_have_reference_signatures(rows, namespace):
    bad = [(n, ref, ours) for n, ref, ours in rows[namespace]["mismatch"] if n not in PYBIND_ONLY]
    assert not bad, "\n".join(f"{n}: reference {r} lightspore {o}" for n, r, o in bad)


API_2_10 = os.path.join(os.path.dirname(API), "mindspore-api-2.10.json")


def test_names_new_or_changed_in_2_10_have_its_signatures():
    """Under the 2.10 switch (a subprocess: the release is per process), every exported name that MindSpore 2.10
    added or whose signature it changed has 2.10's signature; names it removed are absent."""
    import json
    import subprocess
    if not os.path.exists(API_2_10):
        pytest.skip("the shared 2.10 API listing is not beside this checkout")
    with open(API) as f:
        old = json.load(f)["namespaces"]
    with open(API_2_10) as f:
        new = json.load(f)["namespaces"]
    changed = {(ns, n) for ns in CHECKED for n, info in new.get(ns, {}).items()
               if n not in old.get(ns, {}) or old[ns][n].get("signature") != info.get("signature")}
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); import api_coverage; "
            "rows = api_coverage.coverage(sys.argv[2]); "
            "print(json.dumps({ns: [r['mismatch'], r['present']] for ns, r in rows.items()}))")
    env = dict(os.environ, LIGHTSPORE_MS_VERSION="2.10.0")
    p = subprocess.run([sys.executable, "-c", code, os.path.join(os.path.dirname(__file__), "..", "tools"),
                        API_2_10], capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    rows = json.loads(p.stdout.strip().splitlines()[-1])
    bad = [(ns, n, ref, ours) for ns in CHECKED for n, ref, ours in rows[ns][0]
           if (ns, n) in changed and n not in PYBIND_ONLY]
    assert not bad, "\n".join(f"{ns}.{n}: 2.10 {r} lightspore {o}" for ns, n, r, o in bad)
    removed = [(ns, n) for ns in CHECKED for n in old.get(ns, {}) if n not in new.get(ns, {})
               and n in rows[ns][1]]
    assert not removed, removed

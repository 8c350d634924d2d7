"""The release switch (lightspore._release): each behaviour MindSpore 2.10 changed is checked against golden data
recorded from both references (tests/golden/gen_release.py) under the release the switch selects."""
import json
import os
import subprocess
import sys

import pytest
from _golden import GOLDEN, first_diff

RELEASES = ("2.7.1", "2.10.0")
RUNNER = f"""
import json, sys, importlib.util
spec = importlib.util.spec_from_file_location("release_cases", {str(GOLDEN / 'release_cases.py')!r})
cases = importlib.util.module_from_spec(spec); spec.loader.exec_module(cases)
import lightspore
json.dump({{"release": lightspore.__version__, "cases": cases.run(lightspore)}}, sys.stdout)
"""


def _run(code, release=None, check=True):
    env = dict(os.environ)
    env.pop("LIGHTSPORE_MS_VERSION", None)
    if release:
        env["LIGHTSPORE_MS_VERSION"] = release
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    if check:
        assert p.returncode == 0, p.stderr[-3000:]
    return p


@pytest.fixture(scope="module", params=RELEASES)
def outcome(request):
    release = request.param
    want = json.loads((GOLDEN / f"release_{release}.json").read_text())
    got = json.loads(_run(RUNNER, release).stdout)
    return release, want, got


def test_release_reported(outcome):
    release, want, got = outcome
    assert want["release"] == release and got["release"] == release


def test_changed_behaviours_follow_the_release(outcome):
    release, want, got = outcome
    bad = []
    for case, w in want["cases"].items():
        g = got["cases"][case]
        if "error" in w:
            ok = "error" in g and g["error"] == w["error"]
            if ok and w["message"].startswith("Failed calling"):   # the 2.10 overload refusals: their words
                ok = g["message"].startswith("Failed calling")
            if not ok:
                bad.append((case, g, w))
            continue
        if "error" in g or g.get("dtype") != w["dtype"] or first_diff(g["value"], w["value"]) is not None:
            bad.append((case, g, w))
    assert not bad, f"{len(bad)} of {len(want['cases'])} differ under {release}:\n" + "\n".join(
        f"{c}: lightspore {g} reference {w}" for c, g, w in bad[:20])


def test_the_releases_really_differ():
    """The golden files of the two releases differ in the cases the switch is for (a test that can fail)."""
    a, b = (json.loads((GOLDEN / f"release_{r}.json").read_text())["cases"] for r in RELEASES)
    differing = {k for k in a if a[k] != b[k] and not (isinstance(a[k].get("value"), list)
                                                       and first_diff(a[k]["value"], b[k].get("value")) is None)}
    for key in ("mint.nn.functional.softmax 3d", "i32 + np.float32", "u8 < -1", "bool // bool",
                "mint.clamp(i32, 2.5, 7.5)", "mint.eq(2, i32)", "ops.less(2, i32)"):
        assert key in differing, key


def test_default_is_newest_alias_reports_it_and_bad_values_refused():
    p = _run("import lightspore, sys; lightspore.install_alias(); import mindspore, mindspore.version as v\n"
             "print(mindspore.__version__, v.__version__, lightspore.get_release(),"
             " hasattr(mindspore.ops, 'chunk_ext'))\n"
             "for r in ('2.8', 2.7):\n"
             "    try:\n        lightspore.set_release(r)\n"
             "    except (TypeError, ValueError) as e:\n        print(type(e).__name__)\n")
    assert p.stdout.split() == ["2.10.0", "2.10.0", "2.10.0", "False", "ValueError", "TypeError"]
    p = _run("import lightspore", release="3.0", check=False)
    assert p.returncode != 0 and "LIGHTSPORE_MS_VERSION" in p.stderr


def test_set_release_before_first_op_then_fixed():
    """Same-dtype arithmetic (identical in both releases) never consults the switch: it stays off the hot path;
    the first op that differs fixes the release."""
    code = """
import lightspore as ms, numpy as np
y = ms.Tensor(np.ones((2, 2), np.float32))
y = (y + y) * y - y / y
ms.set_release("2.7.1")
print(ms.__version__, hasattr(ms.ops, "chunk_ext"))
x = ms.Tensor(np.array([1, 5, 9], np.int32))
print(ms.mint.clamp(x, 2.5, 7.5).dtype)
ms.set_release("2.7.1")          # the same release again: fine
try:
    ms.set_release("2.10.0")
except RuntimeError as e:
    print("RuntimeError", "fixed at 2.7.1" in str(e), "LIGHTSPORE_MS_VERSION" in str(e))
"""
    assert _run(code).stdout.split() == ["2.7.1", "True", "Int32", "RuntimeError", "True", "True"]


ADDITIONS = f"""
import json, sys, importlib.util
spec = importlib.util.spec_from_file_location("c", {str(GOLDEN / 'release_additions_cases.py')!r})
cases = importlib.util.module_from_spec(spec); spec.loader.exec_module(cases)
import lightspore
json.dump(cases.run(lightspore), sys.stdout)
"""


def test_2_10_additions_to_existing_names():
    """sens_param, forward-hook prepend/always_call, the recompute keywords, device='meta' / is_meta and the
    removal of ops.chunk_ext, against the 2.10 reference (tests/golden/gen_release_additions.py)."""
    want = json.loads((GOLDEN / "release_additions_2.10.0.json").read_text())["cases"]
    got = json.loads(_run(ADDITIONS, "2.10.0").stdout)
    bad = []
    for case, w in want.items():
        g = got[case]
        if isinstance(w, dict) and "error" in w:
            if not (isinstance(g, dict) and g.get("error") == w["error"]):
                bad.append((case, g, w))
        elif first_diff(g, w) is not None:
            bad.append((case, g, w))
    assert not bad, "\n".join(f"{c}: lightspore {g} reference {w}" for c, g, w in bad)

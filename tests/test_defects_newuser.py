"""The details a new user meets: the example's --plot curve has round tick values on both axes; with
LIGHTSPORE_PROGRESS=1 the LossMonitor lines never land on the progress bar's line; every skip in the suite says why
(pytest -rs shows it)."""
import ast
import io
import os
import sys
from pathlib import Path

import numpy as np
import pytest

import lightspore as ms

ROOT = Path(__file__).resolve().parents[1]


def _curve():
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import _curve
    finally:
        sys.path.pop(0)
    return _curve


@pytest.mark.parametrize("lo, hi, want", [
    (0.0312, 2.28, [0.0, 1.0, 2.0, 3.0]),
    (0.5, 0.52, [0.5, 0.51, 0.52]),
    (1.0, 1.0, [0.9, 1.0, 1.1]),
    (-3.2, 47.0, [-20.0, 0.0, 20.0, 40.0, 60.0]),
])
def test_curve_ticks_are_round_and_cover_the_values(lo, hi, want):
    assert _curve().nice_ticks(lo, hi) == pytest.approx(want)


def test_curve_png_has_ticks_on_both_axes(tmp_path):
    """The PNG is drawn with tick marks below the x axis and left of the y axis (dark pixels there), not only the
    two axis lines."""
    from PIL import Image

    c = _curve()
    path = tmp_path / "curve.png"
    c.write_curve([2.3, 1.1, 0.6, 0.35, 0.2], str(path), title="t")
    img = np.asarray(Image.open(path).convert("L"))
    h, w = img.shape
    left, bottom = 76, 52
    below_x_axis = img[h - bottom + 1:h - bottom + 5, left - 1:w - 18]      # x tick marks
    left_of_y_axis = img[34:h - bottom, left - 5:left - 1]                  # y tick marks
    assert (below_x_axis < 128).any(axis=0).sum() >= 5        # one mark per epoch
    assert (left_of_y_axis < 128).any(axis=1).sum() >= 3      # one mark per y tick
    with pytest.raises(ValueError):
        c.write_curve([], str(path))


def test_progress_bar_and_loss_monitor_lines_do_not_share_a_line(monkeypatch):
    """Model.train with LIGHTSPORE_PROGRESS=1 and LossMonitor, stdout and stderr into one stream (a terminal): each
    'epoch: ... loss is' line starts at the beginning of a line."""
    pytest.importorskip("tqdm", reason="the progress bar needs the optional 'tqdm' package")
    monkeypatch.setenv("LIGHTSPORE_PROGRESS", "1")
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "stderr", stream)
    ds = ms.dataset.NumpySlicesDataset({"x": np.ones((8, 2), np.float32), "y": np.ones((8, 1), np.float32)},
                                       shuffle=False).batch(2)
    net = ms.nn.Dense(2, 1)
    model = ms.train.Model(net, ms.nn.MSELoss(), ms.nn.SGD(net.trainable_params(), 0.01))
    model.train(2, ds, callbacks=[ms.train.LossMonitor()])
    assert sys.stdout is stream            # the bar gave stdout back
    text = stream.getvalue()
    starts = [i for i in range(len(text)) if text.startswith("epoch: ", i)]
    assert len(starts) == 8, text
    for i in starts:
        assert i == 0 or text[i - 1] in "\r\n", repr(text[max(0, i - 60):i + 30])


def _skip_calls(tree):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
        if name in ("skip", "skipif", "importorskip", "xfail"):
            yield name, node


def test_every_skip_says_why():
    """pytest.skip / mark.skipif / importorskip / xfail in the suite all carry a reason (shown by pytest -rs)."""
    missing = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, call in _skip_calls(tree):
            has_reason = any(k.arg in ("reason", "msg") for k in call.keywords) or (
                name == "skip" and call.args) or (name == "skipif" and len(call.args) > 1)
            if not has_reason:
                missing.append(f"{path.relative_to(ROOT)}:{call.lineno} {name}")
    assert not missing, missing


def test_api_coverage_says_what_it_needs(tmp_path):
    import subprocess

    r = subprocess.run([sys.executable, str(ROOT / "tools" / "api_coverage.py"), "--api", str(tmp_path / "no.json")],
                       capture_output=True, text=True, timeout=120, env=dict(os.environ, LIGHTSPORE_API_JSON=""))
    assert r.returncode == 2, (r.returncode, r.stderr[-500:])
    assert "--api PATH" in r.stderr and "LIGHTSPORE_API_JSON" in r.stderr and str(tmp_path / "no.json") in r.stderr

"""A training-curve PNG written with Pillow (a lightspore dependency): no plotting library needed."""
import math

from PIL import Image, ImageDraw

__all__ = ["write_curve", "nice_ticks"]


def nice_ticks(lo, hi, count=5):
    """About ``count`` round tick values (steps of 1, 2 or 5 times a power of ten) covering [lo, hi]."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise ValueError(f"nice_ticks: the range must be finite, got [{lo}, {hi}]")
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / max(count - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    last = math.ceil(hi / step) * step
    n = int(round((last - first) / step))
    return [round(first + i * step, 12) for i in range(n + 1)]


def _label(v):
    return f"{v:.4g}"


def write_curve(values, path, title="training loss", xlabel="epoch", ylabel="loss", size=(560, 340)):
    """Plot ``values`` (one per epoch) as a line with labelled axes, tick marks with their values on both axes,
    light grid lines and a title; save the PNG to ``path``."""
    values = [float(v) for v in values]
    if not values:
        raise ValueError("write_curve: no values to plot")
    if not all(math.isfinite(v) for v in values):
        raise ValueError(f"write_curve: the values must be finite, got {values}")
    w, h = size
    left, right, top, bottom = 76, 20, 34, 52
    img = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(img)
    yticks = nice_ticks(min(values), max(values))
    lo, hi = yticks[0], yticks[-1]
    n = len(values)
    x_step = max(1, math.ceil(n / 10))
    xticks = list(range(1, n + 1, x_step))
    if xticks[-1] != n:
        xticks.append(n)
    plot_w, plot_h = w - left - right, h - top - bottom

    def px(epoch):
        return left + plot_w * ((epoch - 1) / (n - 1) if n > 1 else 0.5)

    def py(v):
        return top + plot_h * (1 - (v - lo) / (hi - lo))

    for v in yticks:
        y = py(v)
        d.line([(left, y), (w - right, y)], fill=(225, 225, 225), width=1)
        d.line([(left - 5, y), (left, y)], fill="black", width=1)
        text = _label(v)
        tw = d.textlength(text)
        d.text((left - 8 - tw, y - 6), text, fill="black")
    for e in xticks:
        x = px(e)
        d.line([(x, h - bottom), (x, h - bottom + 5)], fill="black", width=1)
        text = str(e)
        d.text((x - d.textlength(text) / 2, h - bottom + 8), text, fill="black")
    d.line([(left, top), (left, h - bottom), (w - right, h - bottom)], fill="black", width=1)
    pts = [(px(i + 1), py(v)) for i, v in enumerate(values)]
    if n > 1:
        d.line(pts, fill=(31, 119, 180), width=2)
    for x, y in pts:
        d.ellipse([x - 3, y - 3, x + 3, y + 3], fill=(31, 119, 180))
    d.text((left, 10), title, fill="black")
    d.text((left + plot_w / 2 - d.textlength(xlabel) / 2, h - 20), xlabel, fill="black")
    d.text((6, top + plot_h / 2 - 6), ylabel, fill="black")
    img.save(path)
    return path

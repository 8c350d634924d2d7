"""The torch-level bodies of the ops whose behaviour MindSpore 2.10 changed (lightspore._release picks the
release; golden: tests/golden/gen_release.py). Each consults the release only on the path that differs."""
from __future__ import annotations

import torch

from .. import _release


def clamp(input, min=None, max=None, name="clamp"):
    """``clamp``/``clip`` in every form. An integer tensor with floating bounds (a Python float or a floating
    tensor): 2.10 promotes like arithmetic (int32 with 2.5 -> float32, with a float16 tensor -> float16); 2.7.1
    clamps in float and keeps the input's dtype (truncating the bounds)."""
    if min is None and max is None:
        raise ValueError(f"For '{name}', at least one of 'min' and 'max' must not be None.")
    floating_bound = False
    for v in (min, max):
        if isinstance(v, float) or (isinstance(v, torch.Tensor) and v.dtype.is_floating_point
                                    and v.dtype is not input.dtype):
            floating_bound = True
    if not floating_bound:
        return torch.clamp(input, min, max)
    if _release.follows_2_10(f"'{name}' with floating bounds"):
        dt = input.dtype
        for v in (min, max):
            if isinstance(v, torch.Tensor):
                dt = torch.promote_types(dt, v.dtype)
            elif isinstance(v, float) and not dt.is_floating_point:
                dt = torch.float32
        return torch.clamp(input.to(dt), min, max)
    if input.is_floating_point():
        return torch.clamp(input, min, max)
    return torch.clamp(input.double(), min, max).to(input.dtype)


def softmax_dim(ndim, name="softmax"):
    """The axis softmax uses when ``dim`` is None: 2.10 follows torch's legacy implicit-dim rule (0 for 0-, 1-
    and 3-d input, else 1); 2.7.1 the last axis (and refuses a 0-d input)."""
    if _release.follows_2_10(f"'{name}' without dim"):
        return 0 if ndim in (0, 1, 3) else 1
    if ndim == 0:
        raise ValueError("For primitive[Softmax], the axis must be in [0,0), but got -1.")
    return -1

"""``Rprop`` (resilient backpropagation) with the reference's rule, in float32.

Per element, with ``g`` the gradient after weight decay and centralization, ``t`` the global step after
this step's increment::

    step_size = lr everywhere                        (first step only)
    s = sign(g * prev) -> etaplus where > 0, etaminus where < 0, 1 where 0
    step_size = clip(step_size * s, step_size_min, step_size_max)
    g = 0 where s == etaminus
    param -= sign(g) * step_size;  prev = g

State: ``prev.*`` and ``step_size.*``.
"""
from __future__ import annotations

import numpy as np
import torch

from ..learning_rate_schedule import _open_range, _value_type
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Rprop"]

_f32 = np.float32


class Rprop(Optimizer):
    """``Rprop(params, learning_rate=0.1, etas=(0.5, 1.2), step_sizes=(1e-6, 50.0), weight_decay=0.0)``."""

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, etas=(0.5, 1.2), step_sizes=(1e-6, 50.), weight_decay=0.):
        super().__init__(learning_rate, params, weight_decay)
        if not isinstance(etas, tuple):
            raise TypeError(f"For Rprop, etas must be a tuple, but got {type(etas)}.")
        if len(etas) != 2:
            raise ValueError(f"For Rprop, etas must be a tuple with the size of 2, but got {len(etas)}.")
        if not isinstance(step_sizes, tuple):
            # the reference names the type of 'etas' here
            raise TypeError(f"For Rprop, step_sizes must be a tuple, but got {type(etas)}.")
        if len(step_sizes) != 2:
            raise ValueError(f"For Rprop, step_sizes must be a tuple with the size of 2, but got {len(step_sizes)}.")
        if step_sizes[0] > step_sizes[1]:
            raise ValueError(f"For Rprop, maximal step size should not be less than minimal step size, but got "
                             f"{step_sizes[0]} > {step_sizes[1]}.")
        name = self.cls_name
        _open_range(etas[0], 0.0, 1.0, "etaminus", name)
        _value_type("etaplus", etas[1], [float], name)
        if etas[1] <= 1.0:
            raise ValueError(f"For Rprop, etaplus must be greater than 1.0, but got etaplus {etas[1]}.")
        _value_type("min_step_sizes", step_sizes[0], [float], name)
        _value_type("max_step_sizes", step_sizes[1], [float], name)
        self.etaminus, self.etaplus = etas
        self.step_size_min, self.step_size_max = step_sizes
        self.prev = self._parameters.clone(prefix="prev", init="zeros")
        self.step_size = self._parameters.clone(prefix="step_size", init="zeros")
        d = self.__dict__
        d["_minus32"], d["_plus32"] = float(_f32(self.etaminus)), float(_f32(self.etaplus))

    def construct(self, gradients):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(gradients)
            first = self._step_host.get() == 1
            minus, plus = self._minus32, self._plus32
            for i, (p, g, prev, size) in enumerate(zip(ps, gs, self.prev, self.step_size)):
                g32 = g.to(torch.float32)
                size_t = size._t
                if first:
                    current = torch.full_like(size_t, float(_f32(lrs[self._param_slot[i]])), dtype=torch.float32)
                else:
                    current = size_t.to(torch.float32)
                s = torch.sign(g32 * prev._t.to(torch.float32))
                s = torch.where(s > 0, plus, s)
                s = torch.where(s < 0, minus, s)
                s = torch.where(s == 0, 1.0, s)
                current = torch.clamp(current * s, self.step_size_min, self.step_size_max)
                g_upd = torch.where(s == minus, 0.0, g32)
                p.copy_(p.to(torch.float32) - torch.sign(g_upd) * current)
                prev._t.copy_(g_upd)
                size_t.copy_(current)
        return True

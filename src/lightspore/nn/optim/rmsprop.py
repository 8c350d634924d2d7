"""``RMSProp`` (plain and centered) with MindSpore's ApplyRMSProp / ApplyCenteredRMSProp rules.

With ``g`` the gradient after weight decay, centralization and loss scaling::

    ms  = decay * ms + (1 - decay) * g * g                 (mean_square starts at ONE, not zero)
    mg  = decay * mg + (1 - decay) * g                     (centered only; mean_grad starts at zero)
    mom = momentum * mom + lr * g / sqrt(ms + eps)         (centered: sqrt(ms - mg * mg + eps))
    param -= mom

``eps`` sits inside the square root (torch puts it outside). State: ``mean_square.*``, ``moment.*`` and,
centered, ``mean_grad.*``: the reference's names.
"""
from __future__ import annotations

import numpy as np
import torch

from ..learning_rate_schedule import _non_negative_float, _positive_float, _value_type
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["RMSProp"]

_f32 = np.float32


class RMSProp(Optimizer):
    """``RMSProp(params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
    centered=False, loss_scale=1.0, weight_decay=0.0)``."""

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False,
                 centered=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        _value_type("decay", decay, [float], name)
        _non_negative_float(decay, "decay", name)
        _value_type("momentum", momentum, [float], name)
        _non_negative_float(momentum, "momentum", name)
        _value_type("epsilon", epsilon, [float], name)
        _positive_float(epsilon, "epsilon", name)
        _value_type("use_locking", use_locking, [bool], name)
        _value_type("centered", centered, [bool], name)
        self.centered = centered
        if centered:
            self.mg = self._parameters.clone(prefix="mean_grad", init="zeros")
        self.momentum = momentum
        self.ms = self._parameters.clone(prefix="mean_square", init="ones")
        self.moment = self._parameters.clone(prefix="moment", init="zeros")
        self.epsilon = epsilon
        self.decay = decay
        d = self.__dict__
        d["_decay32"] = float(_f32(decay))
        d["_keep32"] = float(_f32(1.0) - _f32(decay))
        d["_mom32"] = float(_f32(momentum))
        d["_eps32"] = float(_f32(epsilon))

    def construct(self, gradients):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(gradients)
            squares = [m._t for m in self.ms]
            moms = [m._t for m in self.moment]
            torch._foreach_mul_(squares, self._decay32)
            torch._foreach_addcmul_(squares, gs, gs, value=self._keep32)
            if self.centered:
                means = [m._t for m in self.mg]
                torch._foreach_mul_(means, self._decay32)
                torch._foreach_add_(means, gs, alpha=self._keep32)
                denom = torch._foreach_addcmul(squares, means, means, value=-1.0)
                torch._foreach_add_(denom, self._eps32)
            else:
                denom = torch._foreach_add(squares, self._eps32)
            torch._foreach_sqrt_(denom)
            if self._mom32 != 0.0:
                torch._foreach_mul_(moms, self._mom32)
            else:
                torch._foreach_zero_(moms)
            for slot, idx in self._buckets:
                sel = (lambda xs: xs) if idx is None else (lambda xs, idx=idx: [xs[i] for i in idx])
                torch._foreach_addcdiv_(sel(moms), sel(gs), sel(denom), value=lrs[slot])
            torch._foreach_sub_(ps, moms)
        return self._success

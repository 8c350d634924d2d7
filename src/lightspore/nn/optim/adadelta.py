"""``Adadelta`` with MindSpore's ApplyAdadelta rule::

    accum        = rho * accum + (1 - rho) * g * g
    update       = sqrt(accum_update + eps) / sqrt(accum + eps) * g
    accum_update = rho * accum_update + (1 - rho) * update * update
    param       -= lr * update

``g`` is the gradient after weight decay, centralization and loss scaling. State: ``accum.*``,
``accum_update.*`` (both start at zero).
"""
from __future__ import annotations

import numpy as np
import torch

from ...common.tensor import Tensor
from ..learning_rate_schedule import _non_negative_float, _value_type
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Adadelta"]

_f32 = np.float32


def _closed_unit(value, arg, prim_name):
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"For '{prim_name}', the '{arg}' must be in range of [0.0, 1.0], but got {value} with type "
                         f"'{type(value).__name__}'.")


class Adadelta(Optimizer):
    """``Adadelta(params, learning_rate=1.0, rho=0.9, epsilon=1e-6, loss_scale=1.0, weight_decay=0.0)``."""

    @opt_init_args_register
    def __init__(self, params, learning_rate=1.0, rho=0.9, epsilon=1e-6, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        _value_type("rho", rho, [float], name)
        _value_type("epsilon", epsilon, [float], name)
        _closed_unit(rho, "rho", name)
        _non_negative_float(epsilon, "epsilon", name)
        self.accum = self.parameters.clone(prefix="accum", init=0)
        self.accum_update = self.parameters.clone(prefix="accum_update", init=0)
        self.rho = rho
        self.epsilon = epsilon
        d = self.__dict__
        d["_rho32"] = float(_f32(rho))
        d["_keep32"] = float(_f32(1.0) - _f32(rho))
        d["_eps32"] = float(_f32(epsilon))

    def construct(self, grads):
        if not isinstance(grads, tuple) or not isinstance(grads[0], Tensor):
            raise TypeError("For 'Adadelta', the 'grads' must be a tuple of Tensor.")
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(grads)
            accs = [a._t for a in self.accum]
            ups = [a._t for a in self.accum_update]
            torch._foreach_mul_(accs, self._rho32)
            torch._foreach_addcmul_(accs, gs, gs, value=self._keep32)
            num = torch._foreach_add(ups, self._eps32)
            torch._foreach_sqrt_(num)
            den = torch._foreach_add(accs, self._eps32)
            torch._foreach_sqrt_(den)
            torch._foreach_div_(num, den)
            update = torch._foreach_mul(num, gs)
            torch._foreach_mul_(ups, self._rho32)
            torch._foreach_addcmul_(ups, update, update, value=self._keep32)
            for slot, idx in self._buckets:
                sel = (lambda xs: xs) if idx is None else (lambda xs, idx=idx: [xs[i] for i in idx])
                torch._foreach_add_(sel(ps), sel(update), alpha=-lrs[slot])
        return self._success

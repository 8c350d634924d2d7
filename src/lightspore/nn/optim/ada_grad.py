"""``Adagrad`` with MindSpore's ApplyAdagrad rule (no epsilon; the accumulator starts at ``accum``)::

    accum += g * g            (only with update_slots=True)
    param -= lr * g / sqrt(accum)

``g`` is the gradient after weight decay, centralization and loss scaling. State: ``accum.*``.
"""
from __future__ import annotations

import torch

from ..learning_rate_schedule import _non_negative_float, _value_type
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    """``Adagrad(params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0, weight_decay=0.0)``."""

    @opt_init_args_register
    def __init__(self, params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        _value_type("accum", accum, [float], name)
        _value_type("update_slots", update_slots, [bool], name)
        _non_negative_float(accum, "accum", name)
        self.accum = self._parameters.clone(prefix="accum", init=accum)
        self.__dict__["_update_slots"] = update_slots

    def construct(self, grads):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(grads)
            accs = [a._t for a in self.accum]
            if self._update_slots:
                torch._foreach_addcmul_(accs, gs, gs)
            denom = torch._foreach_sqrt(accs)
            for slot, idx in self._buckets:
                sel = (lambda xs: xs) if idx is None else (lambda xs, idx=idx: [xs[i] for i in idx])
                torch._foreach_addcdiv_(sel(ps), sel(gs), sel(denom), value=-lrs[slot])
        return self._success

"""``FTRL`` (follow the regularized leader) with MindSpore's ApplyFtrl rule::

    accum_new = accum + g * g
    linear += g - (accum_new ** -lr_power - accum ** -lr_power) / lr * param
    param = (l1 * sign(linear) - linear) / (accum_new ** -lr_power / lr + 2 * l2)  where |linear| > l1, else 0
    accum = accum_new

``g`` is the gradient after weight decay (every parameter decays unless grouped), centralization and loss
scaling. Only a fixed, single learning rate is accepted. State: ``moments.*`` (starting at
``initial_accum``) and ``linear.*``.
"""
from __future__ import annotations

import numpy as np
import torch

from ..learning_rate_schedule import _value_type
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["FTRL"]

_f32 = np.float32


def _bound(value, arg, rel, prim_name):
    ok = value >= 0.0 if rel == ">=" else value <= 0.0
    if not ok:
        raise ValueError(f"For '{prim_name}', the argument '{arg}' must {rel} 0.0, but got {value}.")


def _check_param(initial_accum, learning_rate, lr_power, l1, l2, use_locking, prim_name):
    _value_type("initial_accum", initial_accum, [float], prim_name)
    _bound(initial_accum, "initial_accum", ">=", prim_name)
    _value_type("learning_rate", learning_rate, [float], prim_name)
    if learning_rate <= 0.0:
        raise ValueError(f"For '{prim_name}', the 'learning_rate' must be float and must > 0, but got "
                         f"'{learning_rate}' with type 'float'.")
    _value_type("lr_power", lr_power, [float], prim_name)
    _bound(lr_power, "lr_power", "<=", prim_name)
    _value_type("l1", l1, [float], prim_name)
    _bound(l1, "l1", ">=", prim_name)
    _value_type("l2", l2, [float], prim_name)
    _bound(l2, "l2", ">=", prim_name)
    _value_type("use_locking", use_locking, [bool], prim_name)


class FTRL(Optimizer):
    """``FTRL(params, initial_accum=0.1, learning_rate=0.001, lr_power=-0.5, l1=0.0, l2=0.0, use_locking=False,
    loss_scale=1.0, weight_decay=0.0)``."""

    @opt_init_args_register
    def __init__(self, params, initial_accum=0.1, learning_rate=0.001, lr_power=-0.5, l1=0.0, l2=0.0,
                 use_locking=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale=loss_scale)
        if self.dynamic_lr or self.is_group_lr:
            raise ValueError(f"For 'FTRL', dynamic learning rate and group learning rate are currently not supported "
                             f"in FTRL, they should all be false, but got dynamic learning rate {self.dynamic_lr} and"
                             f" group learning rate {self.is_group_lr}.")
        _check_param(initial_accum, learning_rate, lr_power, l1, l2, use_locking, self.cls_name)
        self.moments = self._parameters.clone(prefix="moments", init=initial_accum)
        self.linear = self._parameters.clone(prefix="linear", init="zeros")
        self.l1 = l1
        self.l2 = l2
        self.lr = learning_rate
        self.lr_power = lr_power
        if not self.is_group:
            self.decay_flags = tuple(True for _ in self._parameters)
            self._build_plan()
        self.use_locking = use_locking
        d = self.__dict__
        d["_l1_32"], d["_two_l2"] = float(_f32(l1)), float(_f32(2.0) * _f32(l2))
        d["_power32"] = float(-_f32(lr_power))

    @Optimizer.target.setter
    def target(self, value):
        if not isinstance(value, str):
            raise TypeError(f"For 'FTRL', the property 'target' must be string type, but got type {type(value)}.")
        if value not in ("CPU", "Ascend", "GPU"):
            raise ValueError(f"For 'FTRL', the property 'target' must be 'CPU', 'Ascend' or 'GPU', but got {value}.")
        self._target = value

    def _pow(self, ts):
        if self._power32 == 0.5:
            return torch._foreach_sqrt(ts)
        return torch._foreach_pow(ts, self._power32)

    def construct(self, grads):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(grads)
            lr = float(_f32(lrs[0]))
            accs = [a._t for a in self.moments]
            lins = [x._t for x in self.linear]
            old_pow = self._pow(accs)
            torch._foreach_addcmul_(accs, gs, gs)
            new_pow = self._pow(accs)
            sigma = torch._foreach_sub(new_pow, old_pow)
            torch._foreach_div_(sigma, lr)
            torch._foreach_add_(lins, gs)
            torch._foreach_sub_(lins, torch._foreach_mul(sigma, ps))
            quad = torch._foreach_div(new_pow, lr)
            torch._foreach_add_(quad, self._two_l2)
            for p, lin, q in zip(ps, lins, quad):
                x = (torch.sign(lin) * self._l1_32 - lin) / q
                p.copy_(torch.where(lin.abs() > self._l1_32, x, torch.zeros_like(x)))
        return self._success

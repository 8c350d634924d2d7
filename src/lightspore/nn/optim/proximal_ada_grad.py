"""``ProximalAdagrad`` with MindSpore's ApplyProximalAdagrad rule::

    accum += g * g
    rate = lr / sqrt(accum)                        (per element)
    prox = param - rate * g
    param = sign(prox) * max(|prox| - rate * l1, 0) / (1 + rate * l2)

``g`` is the gradient after weight decay, centralization and loss scaling. State: ``accum.*`` (starting at
``accum``).
"""
from __future__ import annotations

import numpy as np
import torch

from ..._torch_compat import foreach_rsqrt
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..learning_rate_schedule import _non_negative_float, _value_type
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["ProximalAdagrad"]

_f32 = np.float32


def _check_param_value(accum, l1, l2, use_locking, prim_name):
    _value_type("accum", accum, [float], prim_name)
    _value_type("l1", l1, [float], prim_name)
    _value_type("l2", l2, [float], prim_name)
    _value_type("use_locking", use_locking, [bool], prim_name)
    _non_negative_float(accum, "accum", prim_name)
    _non_negative_float(l1, "l1", prim_name)
    _non_negative_float(l2, "l2", prim_name)


class ProximalAdagrad(Optimizer):
    """``ProximalAdagrad(params, accum=0.1, learning_rate=0.001, l1=0.0, l2=0.0, use_locking=False,
    loss_scale=1.0, weight_decay=0.0)``."""

    @opt_init_args_register
    def __init__(self, params, accum=0.1, learning_rate=0.001, l1=0.0, l2=0.0, use_locking=False, loss_scale=1.0,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(accum, l1, l2, use_locking, self.cls_name)
        self.accum = self._parameters.clone(prefix="accum", init=accum)
        self.l1 = Tensor(l1, mstype.float32)
        self.l2 = Tensor(l2, mstype.float32)
        self.use_locking = use_locking
        d = self.__dict__
        d["_l1_32"], d["_l2_32"] = _f32(l1), _f32(l2)

    @Optimizer.target.setter
    def target(self, value):
        if not isinstance(value, str):
            raise TypeError(f"For 'ProximalAdagrad', the property 'target' must be string type, but got {type(value)}")
        if value not in ("CPU", "Ascend", "GPU"):
            raise ValueError(f"For 'ProximalAdagrad', the property 'target' must be 'CPU', 'Ascend' or 'GPU', "
                             f"but got {value}.")
        self._target = value

    def construct(self, grads):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(grads)
            accs = [a._t for a in self.accum]
            torch._foreach_addcmul_(accs, gs, gs)
            rates = foreach_rsqrt(accs)
            l1, l2 = float(self._l1_32), float(self._l2_32)
            for slot, idx in self._buckets:
                sel = (lambda xs: xs) if idx is None else (lambda xs, idx=idx: [xs[i] for i in idx])
                lr = float(_f32(lrs[slot]))
                rate_ = sel(rates)
                torch._foreach_mul_(rate_, lr)                      # lr / sqrt(accum), per element
                p_ = sel(ps)
                torch._foreach_sub_(p_, torch._foreach_mul(sel(gs), rate_))
                for p, rate in zip(p_, rate_):
                    if l1 > 0.0:
                        p.copy_(torch.sign(p) * torch.clamp(p.abs() - rate * l1, min=0.0) / (1.0 + rate * l2))
                    elif l2 != 0.0:
                        p.div_(1.0 + rate * l2)
        return self._success

"""``AdaMax`` with MindSpore's ApplyAdaMax rule (``beta1_power`` is multiplied by ``beta1`` first)::

    m = beta1 * m + (1 - beta1) * g
    v = max(beta2 * v, |g|)
    param -= lr / (1 - beta1_power) * m / (v + eps)

``g`` is the gradient after weight decay, centralization and loss scaling. State: ``beta1_power`` (shape
(1,)), ``moment1.*``, ``moment2.*``.
"""
from __future__ import annotations

import numpy as np
import torch

from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .adam import _check_param_value
from .optimizer import Optimizer, _HostValue, _read_float, opt_init_args_register

__all__ = ["AdaMax"]

_f32 = np.float32


class AdaMax(Optimizer):
    """``AdaMax(params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.0,
    loss_scale=1.0)``."""

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.0,
                 loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.beta1_power = Parameter(initializer(1, [1], mstype.float32), name="beta1_power")
        self.eps = Tensor(eps, mstype.float32)
        self.moment1 = self._parameters.clone(prefix="moment1", init="zeros")
        self.moment2 = self._parameters.clone(prefix="moment2", init="zeros")
        d = self.__dict__
        d["_b1"], d["_b2"] = _f32(beta1), float(_f32(beta2))
        d["_w1"] = float(_f32(1.0) - _f32(beta1))
        d["_eps32"] = float(_f32(eps))
        d["_b1p_host"] = _HostValue(self.beta1_power, _read_float)

    def construct(self, gradients):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(gradients)
            b1p = _f32(self._b1p_host.get()) * self._b1
            self.beta1_power._t.fill_(float(b1p))
            self._b1p_host.wrote(float(b1p))
            ms = [m._t for m in self.moment1]
            vs = [v._t for v in self.moment2]
            torch._foreach_lerp_(ms, gs, self._w1)
            torch._foreach_mul_(vs, self._b2)
            torch._foreach_maximum_(vs, torch._foreach_abs(gs))
            denom = torch._foreach_add(vs, self._eps32)
            correction = _f32(1.0) - b1p
            for slot, idx in self._buckets:
                sel = (lambda xs: xs) if idx is None else (lambda xs, idx=idx: [xs[i] for i in idx])
                step = float(_f32(lrs[slot]) / correction)
                torch._foreach_addcdiv_(sel(ps), sel(ms), sel(denom), value=-step)
        return self._success

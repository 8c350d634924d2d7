"""``LazyAdam``: Adam whose sparse path updates only the rows a sparse gradient touches. lightspore's
gradients are dense, for which the reference runs the plain Adam kernel::

    beta1_power *= beta1;  beta2_power *= beta2          (Parameters of shape (1,))
    m = m + (g - m) * (1 - beta1);  v = v + (g * g - v) * (1 - beta2)
    param -= lr * sqrt(1 - beta2_power) / (1 - beta1_power) * m / (sqrt(v) + eps)
    (Nesterov: beta1 * m + (1 - beta1) * g in place of m)

``g`` is the gradient after weight decay, centralization and loss scaling. State: ``beta1_power``,
``beta2_power``, ``moment1.*``, ``moment2.*``.
"""
from __future__ import annotations

import logging

import numpy as np
import torch

from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..learning_rate_schedule import _non_negative_float, _open_range, _positive_float, _value_type
from .adam import next_beta_powers
from .optimizer import Optimizer, _HostValue, _read_float, opt_init_args_register

__all__ = ["LazyAdam"]

_f32 = np.float32
_logger = logging.getLogger("lightspore")


def _check_param_value(beta1, beta2, eps, weight_decay, prim_name):
    _value_type("beta1", beta1, [float], prim_name)
    _value_type("beta2", beta2, [float], prim_name)
    _value_type("eps", eps, [float], prim_name)
    _value_type("weight_dacay", weight_decay, [float], prim_name)  # (sic) the reference's argument name
    _open_range(beta1, 0.0, 1.0, "beta1", prim_name)
    _open_range(beta2, 0.0, 1.0, "beta2", prim_name)
    _positive_float(eps, "eps", prim_name)
    _non_negative_float(weight_decay, "weight_decay", prim_name)


class LazyAdam(Optimizer):
    """``LazyAdam(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
    use_nesterov=False, weight_decay=0.0, loss_scale=1.0)`` (deprecated since MindSpore 2.0 for ``Adam``)."""

    @opt_init_args_register
    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        _logger.warning("'LazyAdam' is deprecated from version 2.0 and will be removed in a future version, "
                        "use 'Adam' instead.")
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        name = self.cls_name
        _check_param_value(beta1, beta2, eps, weight_decay, name)
        _value_type("use_locking", use_locking, [bool], name)
        _value_type("use_nesterov", use_nesterov, [bool], name)
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.beta1_power = Parameter(initializer(1, [1], mstype.float32), name="beta1_power")
        self.beta2_power = Parameter(initializer(1, [1], mstype.float32), name="beta2_power")
        self.eps = Tensor(eps, mstype.float32)
        self.use_nesterov = use_nesterov
        self.use_locking = use_locking
        self._is_device = True
        self.moment1 = self._parameters.clone(prefix="moment1", init="zeros")
        self.moment2 = self._parameters.clone(prefix="moment2", init="zeros")
        d = self.__dict__
        d["_b1"], d["_b2"] = _f32(beta1), _f32(beta2)
        d["_eps32"] = float(_f32(eps))
        d["_b1p_host"] = _HostValue(self.beta1_power, _read_float)
        d["_b2p_host"] = _HostValue(self.beta2_power, _read_float)

    @Optimizer.target.setter
    def target(self, value):
        self._set_base_target(value)

    def construct(self, gradients):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(gradients)
            b1p, b2p = next_beta_powers(self)
            one = _f32(1.0)
            w1, w2 = float(one - self._b1), float(one - self._b2)
            correction = np.sqrt(one - b2p) / (one - b1p)
            ms = [m._t for m in self.moment1]
            vs = [v._t for v in self.moment2]
            torch._foreach_lerp_(ms, gs, w1)
            torch._foreach_lerp_(vs, torch._foreach_mul(gs, gs), w2)
            denom = torch._foreach_sqrt(vs)
            torch._foreach_add_(denom, self._eps32)
            if self.use_nesterov:
                num = torch._foreach_mul(ms, float(self._b1))
                torch._foreach_add_(num, gs, alpha=w1)
            else:
                num = ms
            for slot, idx in self._buckets:
                sel = (lambda xs: xs) if idx is None else (lambda xs, idx=idx: [xs[i] for i in idx])
                step = float(_f32(lrs[slot]) * correction)
                torch._foreach_addcdiv_(sel(ps), sel(num), sel(denom), value=-step)
        return self._success

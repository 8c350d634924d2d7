"""``Momentum``: MindSpore's ApplyMomentum rule.

``accum = momentum * accum + g``; then ``param -= lr * accum``, or with Nesterov
``param -= lr * g + lr * momentum * accum``. ``g`` is the gradient after weight decay and loss scaling.
The buffers are the ``moments.*`` Parameters (checkpoint names as the reference's).
"""
from __future__ import annotations

import torch

from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..learning_rate_schedule import _check_bool, _value_type
from .optimizer import Optimizer, _add_scaled_, _HostValue, _read_float, opt_init_args_register

__all__ = ["Momentum"]


class Momentum(Optimizer):
    """``Momentum(params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False)``."""

    _graph_update = True

    @opt_init_args_register
    def __init__(self, params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _value_type("momentum", momentum, [float], self.cls_name)
        if momentum < 0.0:
            raise ValueError(f"For 'Momentum', the argument 'momentum' must be at least 0.0, but got {momentum}")
        self.momentum = Parameter(Tensor(momentum, mstype.float32), name="momentum")
        self.params = self._parameters
        self.use_nesterov = _check_bool(use_nesterov)
        self.moments = self.params.clone(prefix="moments", init="zeros")
        self.__dict__["_momentum_host"] = _HostValue(self.momentum, _read_float)

    def construct(self, gradients):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(gradients)
            mom = self._momentum_host.now()
            accs = [a._t for a in self.moments]
            torch._foreach_mul_(accs, mom)
            torch._foreach_add_(accs, gs)
            for slot, idx in self._buckets:
                lr = lrs[slot]
                if idx is None:
                    p_, g_, a_ = ps, gs, accs
                else:
                    p_, g_, a_ = [ps[i] for i in idx], [gs[i] for i in idx], [accs[i] for i in idx]
                if self.use_nesterov:
                    _add_scaled_(p_, g_, -lr)
                    _add_scaled_(p_, a_, -lr * mom)
                else:
                    _add_scaled_(p_, a_, -lr)
        return self._success

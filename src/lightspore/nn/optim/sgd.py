"""``SGD``: stochastic gradient descent with MindSpore's momentum buffer rule.

Per element, with ``g`` the gradient after weight decay and loss scaling (the SGD kernel's own
``weight_decay`` is 0; the base class applies decay):

* momentum > 0: on the first update of an element (its ``stat`` is still 1) ``accum = g`` and
  ``stat = 0``; afterwards ``accum = momentum * accum + (1 - dampening) * g``. Then
  ``g = g + momentum * accum`` (Nesterov) or ``g = accum``.
* ``param -= lr * g``.

The ``accum.*`` and ``stat.*`` Parameters hold that state (checkpoint names as the reference's).
"""
from __future__ import annotations

import numpy as np
import torch

from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..learning_rate_schedule import _value_type
from .optimizer import Optimizer, _add_scaled_, _HostValue, _read_float, opt_init_args_register

__all__ = ["SGD"]


class SGD(Optimizer):
    _graph_update = True
    """``SGD(params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False,
    loss_scale=1.0)``."""

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False,
                 loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        if isinstance(momentum, int):
            momentum = float(momentum)
        if not isinstance(momentum, float):
            raise TypeError(f"For 'SGD', the argument 'momentum' must be float type, but got {type(momentum)}.")
        if momentum < 0.0:
            raise ValueError(f"For 'SGD', the argument 'momentum' must be at least 0.0, but got {momentum}.")
        if isinstance(dampening, int):
            dampening = float(dampening)
        if not isinstance(dampening, float):
            raise TypeError(f"For 'SGD', the argument 'dampening' must be float type, but got {type(dampening)}.")
        if dampening < 0.0:
            raise ValueError(f"For 'SGD', the argument 'dampening' must be at least 0.0, "
                             f"but got 'dampening' {dampening}")
        self.dampening = dampening
        _value_type("nesterov", nesterov, [bool], self.cls_name)
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError(f"For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must "
                             f"equal to 0.0, but got 'momentum' {momentum}, 'dampening' {dampening}.")
        self.nesterov = nesterov
        if self.dynamic_weight_decay:
            raise TypeError("For 'SGD', dynamic weight decay is currently not supported, the argument "
                            "'weight_decay' or 'weight_decay' set in grouped 'params' must be float or int type.")
        self.momentum = Parameter(Tensor(momentum, mstype.float32), name="momentum")
        self.accum = self._parameters.clone(prefix="accum", init="zeros")
        self.stat = self._parameters.clone(prefix="stat", init="ones")
        d = self.__dict__
        d["_momentum_host"] = _HostValue(self.momentum, _read_float)
        d["_one_minus_damp"] = float(np.float32(1.0) - np.float32(dampening))
        d["_stat_key"] = None

    def _stat_cleared(self, stats):
        """True when every ``stat`` tensor is the one our last update zeroed and was not written since."""
        key = self._stat_key
        if key is None:
            return False
        for t, (kt, kv) in zip(stats, key):
            if t is not kt or t._version != kv:
                return False
        return True

    def construct(self, gradients):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(gradients)
            mom = self._momentum_host.now()
            if isinstance(mom, torch.Tensor):       # ms.jit tracing: the momentum is a 0-d tensor
                upd = self._graph_accumulate(gs, mom)
            elif mom > 0.0:
                accs = [a._t for a in self.accum]
                stats = [s._t for s in self.stat]
                if self._stat_cleared(stats):
                    torch._foreach_mul_(accs, mom)
                    torch._foreach_add_(accs, gs, alpha=self._one_minus_damp)
                else:
                    for g, a, s in zip(gs, accs, stats):
                        fresh = s > 0
                        a.copy_(torch.where(fresh, g, a * mom + self._one_minus_damp * g))
                        s.masked_fill_(fresh, 0)
                    self.__dict__["_stat_key"] = [(s, s._version) for s in stats]
                upd = torch._foreach_add(gs, accs, alpha=mom) if self.nesterov else accs
            else:
                upd = gs
            for slot, idx in self._buckets:
                if idx is None:
                    _add_scaled_(ps, upd, -lrs[slot])
                else:
                    _add_scaled_([ps[i] for i in idx], [upd[i] for i in idx], -lrs[slot])
        return self._success

    def _graph_accumulate(self, gs, mom):
        """The accumulation with ``mom`` a 0-d tensor (traced by ms.jit): both of eager's branches (momentum 0 or
        not, first step or not) as ``torch.where``, so no value is read on the host; returns the update."""
        on = mom > 0
        upd = []
        for g, a, s in zip(gs, (a._t for a in self.accum), (s._t for s in self.stat)):
            fresh = s > 0
            new = torch.where(fresh, g, a * mom + self._one_minus_damp * g)
            a.copy_(torch.where(on, new, a))
            s.copy_(torch.where(on & fresh, torch.zeros_like(s), s))
            upd.append(torch.where(on, g + mom * new if self.nesterov else new, g))
        return upd

"""``ASGD`` (averaged SGD) with the reference's per-parameter rule, in float32.

With ``t`` the global step after this step's increment and ``g`` the gradient after weight decay and
centralization::

    eta = lr                                  (first step only)
    param = param * (1 - lambd * eta) - eta * g
    ax = param  if mu == 1  else  ax + (param - ax) * mu
    eta = lr / (1 + lambd * lr * t) ** alpha   (used by the next step)
    mu = 1 / max(1, t - t0)

State: ``mu_<name>`` and ``eta_<name>`` (scalars) and ``ax_.<name>`` per parameter: the reference's names.
"""
from __future__ import annotations

import numpy as np
import torch

from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from ..learning_rate_schedule import _value_type
from .optimizer import Optimizer, _HostValue, _read_float, opt_init_args_register

__all__ = ["ASGD"]

_f32 = np.float32


class ASGD(Optimizer):
    """``ASGD(params, learning_rate=0.1, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0)``."""

    @opt_init_args_register
    def __init__(self, params, learning_rate=0.1, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        name = self.cls_name
        _value_type("lambd", lambd, [float], name)
        _value_type("alpha", alpha, [float], name)
        _value_type("t0", t0, [float], name)
        self.lambd = lambd
        self.alpha = alpha
        self.t0 = Tensor([t0], dtype=mstype.float32)
        mu, eta = [], []
        for param in self._parameters:
            mu.append(Parameter(Tensor(1.0, dtype=mstype.float32), name="mu_" + param.name))
            eta.append(Parameter(Tensor(0.0, dtype=mstype.float32), name="eta_" + param.name))
        self.lens = len(self._parameters)
        self.mu = ParameterTuple(mu)
        self.eta = ParameterTuple(eta)
        self.ax = self._parameters.clone(prefix="ax_", init="zeros")
        d = self.__dict__
        d["_lambd32"], d["_alpha32"], d["_t0_32"] = _f32(lambd), _f32(alpha), _f32(t0)
        d["_mu_host"] = [_HostValue(m, _read_float) for m in self.mu]
        d["_eta_host"] = [_HostValue(e, _read_float) for e in self.eta]

    def construct(self, gradients):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(gradients)
            step = _f32(self._step_host.get())
            one = _f32(1.0)
            lambd = self._lambd32
            new_mu = float(one / max(one, step - self._t0_32))
            for i, (p, g, ax) in enumerate(zip(ps, gs, self.ax)):
                lr = _f32(lrs[self._param_slot[i]])
                eta_host, mu_host = self._eta_host[i], self._mu_host[i]
                if step == 1:
                    self.eta[i]._t.fill_(float(lr))
                    eta_host.wrote(float(lr))
                eta = _f32(eta_host.get())
                p.mul_(float(one - lambd * eta)).add_(g.to(p.dtype), alpha=-float(eta))
                mu = _f32(mu_host.get())
                a = ax._t
                if mu != one:
                    a.add_((p - a) * float(mu))
                else:
                    a.copy_(p)
                next_eta = float(lr / np.power(one + lambd * lr * step, self._alpha32, dtype=_f32))
                self.eta[i]._t.fill_(next_eta)
                eta_host.wrote(next_eta)
                self.mu[i]._t.fill_(new_mu)
                mu_host.wrote(new_mu)
        return True

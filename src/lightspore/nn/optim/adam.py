"""``Adam`` (with ``use_amsgrad``, ``use_nesterov``) and ``AdamWeightDecay``, with MindSpore's formulas.

Adam (gradient ``g`` after weight decay and loss scaling; ``beta1_power``/``beta2_power`` are first
multiplied by ``beta1``/``beta2``)::

    m = m + (g - m) * (1 - beta1)              v = v + (g * g - v) * (1 - beta2)
    lr_t = lr * sqrt(1 - beta2_power) / (1 - beta1_power)
    param -= lr_t * m / (sqrt(v) + eps)                                   (eps outside the correction)
    Nesterov: m replaced by beta1 * m + (1 - beta1) * g in the update
    AMSGrad:  vhat = max(vhat, v); sqrt(vhat) in the denominator

AdamWeightDecay (no bias correction, decoupled decay, gradients used as given)::

    m, v as above;  update = m / (sqrt(v) + eps) + weight_decay * param;  param -= lr * update

State Parameters: ``beta1_power``, ``beta2_power``, ``moment1.*``, ``moment2.*`` (``vhat.*``) for Adam,
``adam_m.*``, ``adam_v.*`` for AdamWeightDecay: the reference's names.
"""
from __future__ import annotations

import numpy as np
import torch

from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell
from ..learning_rate_schedule import _open_range, _positive_float, _value_type
from .optimizer import Optimizer, _add_scaled_, _HostValue, _read_float, opt_init_args_register

__all__ = ["Adam", "AdamWeightDecay"]

_f32 = np.float32


def _check_param_value(beta1, beta2, eps, prim_name):
    _value_type("beta1", beta1, [float], prim_name)
    _value_type("beta2", beta2, [float], prim_name)
    _value_type("eps", eps, [float], prim_name)
    _open_range(beta1, 0.0, 1.0, "beta1", prim_name)
    _open_range(beta2, 0.0, 1.0, "beta2", prim_name)
    _positive_float(eps, "eps", prim_name)


def _sub(lst, idx):
    return lst if idx is None else [lst[i] for i in idx]


def next_beta_powers(opt):
    """``beta_power *= beta`` in float32 for an Adam-family optimizer (``beta1_power``/``beta2_power``
    Parameters with host mirrors ``_b1p_host``/``_b2p_host``), written back; returns the new powers (0-d
    tensors while ms.jit traces a ``_graph_update`` optimizer)."""
    if opt._graph_update and torch.compiler.is_compiling():
        b1p, b2p = opt.beta1_power._t, opt.beta2_power._t
        b1p.mul_(opt._b1f)
        b2p.mul_(opt._b2f)
        return b1p.reshape(-1)[0], b2p.reshape(-1)[0]
    b1p = float(_f32(opt._b1p_host.get()) * opt._b1)
    b2p = float(_f32(opt._b2p_host.get()) * opt._b2)
    opt.beta1_power._t.fill_(b1p)
    opt._b1p_host.wrote(b1p)
    opt.beta2_power._t.fill_(b2p)
    opt._b2p_host.wrote(b2p)
    return b1p, b2p


class Adam(Optimizer):
    """``Adam(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
    use_nesterov=False, weight_decay=0.0, loss_scale=1.0, use_amsgrad=False, **kwargs)``;
    kwargs: ``use_lazy``, ``use_offload`` (same update for dense gradients)."""

    _graph_update = True

    @opt_init_args_register
    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
                 use_nesterov=False, weight_decay=0.0, loss_scale=1.0, use_amsgrad=False, **kwargs):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        if set(kwargs) - {"use_lazy", "use_offload"}:
            raise KeyError(f"For 'Adam', invalid keys are passed as kwargs, supported keys are 'use_lazy' and"
                           f"'use_offload', but got {kwargs.keys()}.")
        use_lazy = kwargs.get("use_lazy", False)
        use_offload = kwargs.get("use_offload", False)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        for name, value in (("use_locking", use_locking), ("use_nesterov", use_nesterov),
                            ("use_amsgrad", use_amsgrad), ("use_lazy", use_lazy), ("use_offload", use_offload)):
            _value_type(name, value, [bool], self.cls_name)
        if use_lazy and use_offload:
            raise ValueError(f"For 'Adam', 'use_lazy' and 'use_offload' can not both be True."
                             f"But got use_lazy={use_lazy}, use_offload={use_offload}.")
        if use_amsgrad and (use_lazy or use_offload):
            raise ValueError(f"For lazy Adam and Adam with offload, there is no parameter named 'use_amsgrad'."
                             f"but got 'use_amsgrad'={use_amsgrad}.")
        self.beta1 = Tensor(beta1, mstype.float32)
        self.beta2 = Tensor(beta2, mstype.float32)
        self.beta1_power = Parameter(Tensor(1.0, mstype.float32), name="beta1_power")
        self.beta2_power = Parameter(Tensor(1.0, mstype.float32), name="beta2_power")
        self.eps = Tensor(eps, mstype.float32)
        self.use_nesterov = use_nesterov
        self.use_locking = use_locking
        self.use_amsgrad = use_amsgrad
        self.use_lazy = use_lazy
        self.use_offload = use_offload
        self.moment1 = self._parameters.clone(prefix="moment1", init="zeros")
        self.moment2 = self._parameters.clone(prefix="moment2", init="zeros")
        if use_amsgrad:
            self.vhat = self._parameters.clone(prefix="vhat", init="zeros")
        self._is_device = True
        d = self.__dict__
        d["_b1"], d["_b2"] = _f32(beta1), _f32(beta2)
        d["_b1f"], d["_b2f"] = float(d["_b1"]), float(d["_b2"])
        d["_w1"], d["_w2"] = float(_f32(1.0) - d["_b1"]), float(_f32(1.0) - d["_b2"])
        d["_eps"] = float(_f32(eps))
        d["_b1p_host"] = _HostValue(self.beta1_power, _read_float)
        d["_b2p_host"] = _HostValue(self.beta2_power, _read_float)

    @Optimizer.target.setter
    def target(self, value):
        self._set_base_target(value)

    def _next_powers(self):
        return next_beta_powers(self)

    def construct(self, gradients):
        with torch.no_grad():
            ps, gs, lrs = self._begin_step(gradients)
            b1p, b2p = self._next_powers()
            graph = isinstance(b1p, torch.Tensor)      # ms.jit tracing: the powers are 0-d tensors
            if graph:
                correction = torch.sqrt(1.0 - b2p) / (1.0 - b1p)
            else:
                one = _f32(1.0)
                correction = np.sqrt(one - _f32(b2p)) / (one - _f32(b1p))
            w1, w2 = self._w1, self._w2
            ms = [m._t for m in self.moment1]
            vs = [v._t for v in self.moment2]
            torch._foreach_lerp_(ms, gs, w1)
            torch._foreach_lerp_(vs, torch._foreach_mul(gs, gs), w2)
            if self.use_amsgrad:
                vh = [v._t for v in self.vhat]
                torch._foreach_maximum_(vh, vs)
                denom = torch._foreach_sqrt(vh)
            else:
                denom = torch._foreach_sqrt(vs)
            torch._foreach_add_(denom, self._eps)
            if self.use_nesterov and not self.use_amsgrad:
                num = torch._foreach_mul(ms, self._b1f)
                torch._foreach_add_(num, gs, alpha=w1)
            else:
                num = ms
            for slot, idx in self._buckets:
                if graph:
                    upd = torch._foreach_div(_sub(num, idx), _sub(denom, idx))
                    _add_scaled_(_sub(ps, idx), upd, -(lrs[slot] * correction))
                    continue
                step_size = float(_f32(lrs[slot]) * correction)
                torch._foreach_addcdiv_(_sub(ps, idx), _sub(num, idx), _sub(denom, idx), value=-step_size)
        return self._success


class AdamWeightDecay(Optimizer):
    """``AdamWeightDecay(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0)``."""

    _support_parallel_optimizer = True
    _graph_update = True

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        _check_param_value(beta1, beta2, eps, self.cls_name)
        self.beta1 = Tensor(np.array([beta1]).astype(np.float32))
        self.beta2 = Tensor(np.array([beta2]).astype(np.float32))
        self.eps = Tensor(np.array([eps]).astype(np.float32))
        self.moments1 = self._parameters.clone(prefix="adam_m", init="zeros")
        self.moments2 = self._parameters.clone(prefix="adam_v", init="zeros")
        self.fused_opt = None
        self.use_fused_opt = True
        d = self.__dict__
        one = _f32(1.0)
        d["_w1"], d["_w2"] = float(one - _f32(beta1)), float(one - _f32(beta2))
        d["_eps"] = float(_f32(eps))
        # buckets of parameters sharing a learning rate and a weight-decay coefficient
        sources, keys = [], []
        for i in range(self.param_length):
            if not self.decay_flags[i]:
                src = 0.0
            elif self.is_group:
                wd = self.group_weight_decay[i]
                src = wd if isinstance(wd, Cell) else float(_f32(wd))
            else:
                src = self.weight_decay if self.dynamic_decay_flags else float(self.weight_decay._t.item())
            key = ("cell", id(src)) if isinstance(src, Cell) else ("f", src)
            if key not in [k for k, _ in sources]:
                sources.append((key, src))
            keys.append((self._param_slot[i], [k for k, _ in sources].index(key)))
        d["_wd_sources"] = [s for _, s in sources]
        d["_awd_buckets"] = self._bucket(keys)

    def construct(self, gradients):
        with torch.no_grad():
            ps = [p._t for p in self._parameters]
            gs = self._torch_grads(gradients)
            gs = [g if g.dtype == p.dtype else g.to(p.dtype) for g, p in zip(gs, ps)]
            wds = [self._decay_value(s) for s in self._wd_sources]
            lrs = self._lrs_and_advance()
            ms = [m._t for m in self.moments1]
            vs = [v._t for v in self.moments2]
            torch._foreach_lerp_(ms, gs, self._w1)
            torch._foreach_lerp_(vs, torch._foreach_mul(gs, gs), self._w2)
            denom = torch._foreach_sqrt(vs)
            torch._foreach_add_(denom, self._eps)
            update = torch._foreach_div(ms, denom)
            for (slot, wd_i), idx in self._awd_buckets:
                p_, u_ = _sub(ps, idx), _sub(update, idx)
                wd = wds[wd_i]
                if isinstance(wd, torch.Tensor) or wd != 0.0:
                    _add_scaled_(u_, p_, wd)
                _add_scaled_(p_, u_, -lrs[slot])
        return self._success

"""``mindspore.mint.optim``: PyTorch-style optimizers (Adam, AdamW, SGD) over Cell parameters.

Called like the reference: ``optimizer(grads)`` with a tuple of gradients in ``optimizer.parameters``
order; parameters and state Parameters (``exp_avg.<name>``, ``exp_avg_sq.<name>``, ``momentum_buf.<name>``)
are updated in place with the reference's formulas.
"""
from collections.abc import Iterable

import torch

from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from ...experimental.optim.adam import _check_adam as _check_adam_values
from ...experimental.optim.optimizer import _group_parameters, _param_groups
from ...nn.cell import Cell

__all__ = ["Adam", "AdamW", "FusedAdamW", "SGD"]


class _Optimizer(Cell):
    """Parameter groups (``param_groups``, ``group_start_id``) and the flat ``parameters`` tuple."""

    def __init__(self, params, defaults):
        super().__init__(auto_prefix=False)
        groups = _param_groups(params)
        self.defaults = defaults
        self.param_groups = []
        self.group_start_id = [0]
        self._flat = []
        for group in groups:
            self.add_param_group(group)
        self.parameters = ParameterTuple(self._flat)

    def add_param_group(self, param_group):
        """Add a group (a dict with 'params' and optional per-group options)."""
        ps = _group_parameters(param_group, self.param_groups)
        param_group["params"] = ps
        for k, v in self.defaults.items():
            param_group.setdefault(k, v)
        lr = param_group["lr"]
        if isinstance(lr, bool) or not isinstance(lr, (int, float)) or lr < 0:
            raise ValueError(f"For '{type(self).__name__}', the 'learning rate' must be a non-negative float, "
                             f"but got {lr!r}.")
        param_group["lr"] = float(lr)
        self.param_groups.append(param_group)
        self.group_start_id.append(self.group_start_id[-1] + len(ps))
        self._flat.extend(ps)
        if hasattr(self, "parameters") and isinstance(self.parameters, ParameterTuple):
            self.parameters = ParameterTuple(self._flat)

    def _groups(self, gradients):
        gradients = tuple(gradients)
        if len(gradients) != len(self._flat):
            raise ValueError(f"For '{type(self).__name__}', the number of gradients ({len(gradients)}) must equal "
                             f"the number of parameters ({len(self._flat)}).")
        for gid, group in enumerate(self.param_groups):
            s, e = self.group_start_id[gid], self.group_start_id[gid + 1]
            yield group, s, e, [g._t if isinstance(g, Tensor) else torch.as_tensor(g) for g in gradients[s:e]]


def _float(v, name, cls):
    if not isinstance(v, float):
        raise TypeError(f"For '{cls}', the type of '{name}' must be float, but got {type(v).__name__}.")


def _check_adam(cls, lr, betas, eps, weight_decay, amsgrad, maximize):
    if not isinstance(betas, tuple):
        raise TypeError(f"For '{cls}', the type of 'betas' must be tuple, but got {type(betas).__name__}.")
    if len(betas) != 2:
        raise ValueError(f"For '{cls}', the length of 'betas' must be 2, but got {len(betas)}.")
    _float(betas[0], "betas[0]", cls)
    _float(betas[1], "betas[1]", cls)
    _float(eps, "eps", cls)
    _float(weight_decay, "weight_decay", cls)
    _float(lr, "lr", cls)
    for v, n in ((amsgrad, "amsgrad"), (maximize, "maximize")):
        if not isinstance(v, bool):
            raise TypeError(f"For '{cls}', the type of '{n}' must be bool, but got {type(v).__name__}.")
    _check_adam_values(lr, betas, eps, weight_decay)


class _AdamBase(_Optimizer):
    _decoupled = False

    def __init__(self, params, lr, betas, eps, weight_decay, amsgrad, maximize):
        _check_adam(type(self).__name__, lr, betas, eps, weight_decay, amsgrad, maximize)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                                      maximize=maximize))
        self._init_state()

    def _init_state(self):
        self.exp_avg = self.parameters.clone(prefix="exp_avg", init="zeros")
        self.exp_avg_sq = self.parameters.clone(prefix="exp_avg_sq", init="zeros")
        # as in the reference: Adam counts from 0, AdamW from -1 (its update kernel adds the 1 itself)
        start = -1.0 if self._decoupled else 0.0
        self.state_step = Parameter(Tensor._make(torch.full((1,), start)), name="state_step", requires_grad=False)
        for group in self.param_groups:
            if group.get("amsgrad"):
                group["max_exp_avg_sq"] = ParameterTuple(group["params"]).clone(prefix="max_exp_avg_sq",
                                                                                init="zeros")

    def construct(self, gradients):
        self.state_step._t.add_(1)
        step = float(self.state_step._t[0]) + (1.0 if self._decoupled else 0.0)
        with torch.no_grad():
            for group, s, _, grads in self._groups(gradients):
                vmax = group.get("max_exp_avg_sq") if group.get("amsgrad") and self._decoupled else None
                beta1, beta2 = group["betas"]
                lr, eps, wd = group["lr"], group["eps"], group["weight_decay"]
                bc1, bc2 = 1 - beta1 ** step, 1 - beta2 ** step
                for i, g in enumerate(grads):
                    p = self._flat[s + i]._t
                    m, v = self.exp_avg[s + i]._t, self.exp_avg_sq[s + i]._t
                    if group["maximize"]:
                        g = -g
                    if self._decoupled:
                        p.mul_(1 - lr * wd)
                    elif wd != 0.0:
                        g = g + wd * p
                    m.mul_(beta1).add_(g, alpha=1 - beta1)
                    v.mul_(beta2).add_(g * g, alpha=1 - beta2)
                    if vmax is not None:
                        vm = vmax[i]._t
                        torch.maximum(vm, v, out=vm)
                        v = vm
                    denom = v.sqrt() / (bc2 ** 0.5) + eps
                    p.add_(m / denom, alpha=-lr / bc1)
        return True


class Adam(_AdamBase):
    """Adam (weight decay added to the gradient, as L2).

    With ``amsgrad`` the reference keeps ``max_exp_avg_sq`` state but never stores the running maximum, so
    each step's denominator uses the current second moment: the update equals plain Adam's, as here.
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, *,
                 maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize)


class AdamW(_AdamBase):
    """AdamW: decoupled weight decay ``param *= 1 - lr * weight_decay`` before the Adam step; ``amsgrad``
    divides by the running maximum of the second moment."""

    _decoupled = True

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize)


class FusedAdamW(AdamW):
    """MindSpore 2.10's fused AdamW: the same update as ``AdamW`` (the reference runs all of a group's parameters
    as one flat buffer through the AdamW kernel). ``betas`` may be a tuple or a list; ``amsgrad`` must be the same
    in every parameter group."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        params = list(params) if isinstance(params, Iterable) and not isinstance(params, (dict, set)) else params
        if isinstance(params, list) and params and isinstance(params[0], dict):
            flags = [bool(g.get("amsgrad", bool(amsgrad))) for g in params]
            if len(set(flags)) != 1:
                raise ValueError(f"FusedAdamW does not support mixed amsgrad across param_groups. Found amsgrad "
                                 f"flags per group: {flags}. Please keep amsgrad consistent.")
        if not isinstance(betas, (tuple, list)):
            raise TypeError(f"For 'FusedAdamW', the type of 'betas' must be tuple or list, but got "
                            f"{type(betas).__name__}.")
        _check_adam("FusedAdamW", lr, tuple(betas), eps, weight_decay, amsgrad, maximize)
        _Optimizer.__init__(self, params, dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay,
                                               amsgrad=amsgrad, maximize=maximize))
        # as in the reference: every group follows the constructor's amsgrad, and the running maxima are the
        # optimizer's Parameters ('max_exp_avg_sq.<name>', saved with it), shared with the groups
        for group in self.param_groups:
            group["amsgrad"] = False
        self._init_state()
        if amsgrad:
            self.max_exp_avg_sq = self.parameters.clone(prefix="max_exp_avg_sq", init="zeros")
            for gid, group in enumerate(self.param_groups):
                group["amsgrad"] = True
                s, e = self.group_start_id[gid], self.group_start_id[gid + 1]
                group["max_exp_avg_sq"] = ParameterTuple(tuple(self.max_exp_avg_sq[s:e]))


class SGD(_Optimizer):
    """Stochastic gradient descent with momentum, dampening, Nesterov and weight decay (PyTorch's rule)."""

    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False):
        for v, n in ((lr, "lr"), (momentum, "momentum"), (dampening, "dampening"), (weight_decay, "weight_decay")):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise TypeError(f"For 'SGD', the type of '{n}' must be float or int, but got {type(v).__name__}.")
        for v, n in ((nesterov, "nesterov"), (maximize, "maximize")):
            if not isinstance(v, bool):
                raise TypeError(f"For 'SGD', the type of '{n}' must be bool, but got {type(v).__name__}.")
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, dampening=dampening,
                                      nesterov=nesterov, maximize=maximize))
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError(f"For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must "
                             f"equal to 0.0, but got 'momentum' {momentum}, 'dampening' {dampening}")
        self.momentum_buf = self.parameters.clone(prefix="momentum_buf", init="zeros")
        self.step_t = Parameter(Tensor._make(torch.tensor(0, dtype=mstype.to_torch(mstype.int32))), name="step_t",
                                requires_grad=False)

    def construct(self, gradients):
        first = int(self.step_t._t) == 0
        with torch.no_grad():
            for group, s, _, grads in self._groups(gradients):
                mom, damp, wd = group["momentum"], group["dampening"], group["weight_decay"]
                for i, g in enumerate(grads):
                    p = self._flat[s + i]._t
                    if group["maximize"]:
                        g = -g
                    if wd != 0.0:
                        g = g + wd * p
                    if mom != 0:
                        buf = self.momentum_buf[s + i]._t
                        if first:
                            buf.copy_(g)
                        else:
                            buf.mul_(mom).add_(g, alpha=1 - damp)
                        g = g + mom * buf if group["nesterov"] else buf
                    p.add_(g, alpha=-group["lr"])
        self.step_t._t.add_(1)
        return True

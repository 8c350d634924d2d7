"""``AdaFactor`` (``mindspore.nn.optim.adafactor``): Adafactor (Shazeer & Stern, 2018), with the reference's
state, parameter names and update order. Per parameter, in float32, at step ``t`` (the ``afactor_step``
Parameter, counted from 1)::

    lr      = min(1e-6 * t if warmup_init else 1e-2, 1 / sqrt(t))   if relative_step (and a number lr)
              else the learning rate
    lr_t    = lr * max(eps[1], rms(param))                          if scale_parameter, else lr
    beta2t  = 1 - t ** -decay_rate
    u       = grad ** 2 + eps[0]
    rank>=2: row = beta2t * row + (1 - beta2t) * mean(u, -1);  col = beta2t * col + (1 - beta2t) * mean(u, -2)
             u = grad / sqrt(row / mean(row, -1))[..., None] / sqrt(col)[..., None, :]
    else:    v = beta2t * v + (1 - beta2t) * u;  u = grad / sqrt(v)
    u       = u / max(1, rms(u) / clip_threshold) * lr_t
    beta1>0: exp_avg = beta1 * exp_avg + (1 - beta1) * u;  u = exp_avg
    param   = param - param * weight_decay * lr_t (if weight_decay) - u

Gradients are used as given (the reference applies neither ``loss_scale`` nor the base class's weight decay
here: ``weight_decay`` enters through the rule above).
"""
from __future__ import annotations

import numpy as np
import torch

from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from .optimizer import Optimizer, opt_init_args_register

__all__ = ["AdaFactor"]

_f32 = np.float32


def _type_error(name, value, expected):
    return TypeError(f"For 'AdaFactor', the type of '{name}' should be {expected}, but got type "
                     f"'{type(value).__name__}'.")


def _check_float(name, value):
    if not isinstance(value, float):
        raise _type_error(name, value, "'float'")
    if value < 0:
        raise ValueError(f"For 'AdaFactor', the '{name}' must be a non-negative float number, but got {value}.")


def _check_bool(name, value):
    if not isinstance(value, bool):
        raise _type_error(name, value, "'bool'")


class AdaFactor(Optimizer):
    """``AdaFactor(params, learning_rate=None, eps=(1e-30, 1e-3), clip_threshold=1.0, decay_rate=0.8, beta1=0.9,
    weight_decay=0.0, scale_parameter=True, relative_step=True, warmup_init=False, compression=False,
    loss_scale=1.0)``."""

    @opt_init_args_register
    def __init__(self, params, learning_rate=None, eps=(1e-30, 1e-3), clip_threshold=1.0, decay_rate=0.8, beta1=0.9,
                 weight_decay=0.0, scale_parameter=True, relative_step=True, warmup_init=False, compression=False,
                 loss_scale=1.0):
        if learning_rate is not None and relative_step:
            raise ValueError("Cannot combine manual lr and relative_step options", learning_rate)
        if warmup_init and not relative_step:
            raise ValueError("warmup_init requires relative_step=True")
        if learning_rate is None and not relative_step:
            raise ValueError("Cannot learning_rate is None and relative_step=False")
        if learning_rate is None:
            learning_rate = 0.0
        if beta1 is None:
            beta1 = 0.0
        # a schedule (not a number) is used as it is: no relative step, no parameter scaling
        self_scale_lr = isinstance(learning_rate, (float, int)) and not isinstance(learning_rate, bool)
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        if not isinstance(eps, (list, tuple)):
            raise _type_error("eps", eps, "one of '['list', 'tuple']'")
        if len(eps) != 2:
            raise ValueError("eps must have 2 value: (eps1, eps2).")
        for i, e in enumerate(eps):
            _check_float(f"eps{i}", e)
        _check_float("clip_threshold", clip_threshold)
        if not isinstance(decay_rate, float):
            raise _type_error("decay_rate", decay_rate, "'float'")
        if not 0 < decay_rate < 1:
            raise ValueError(f"For 'AdaFactor', the 'decay_rate' must be in range of (0, 1), but got {decay_rate} "
                             f"with type 'float'.")
        if not 0 <= weight_decay < 1:
            raise ValueError(f"For 'AdaFactor', the 'weight_decay' must be in range of [0, 1), but got "
                             f"{weight_decay} with type '{type(weight_decay).__name__}'.")
        _check_bool("scale_parameter", scale_parameter)
        _check_bool("relative_step", relative_step)
        _check_bool("compression", compression)
        if not isinstance(beta1, (int, float)) or isinstance(beta1, bool):
            raise _type_error("beta1", beta1, "one of '['int', 'float']'")
        if float(beta1) < 0:
            raise ValueError(f"For 'AdaFactor', the 'beta1' must be a non-negative float number, but got {beta1}.")
        self.scale_lr = self_scale_lr
        self.eps = tuple(Tensor(e, mstype.float32) for e in eps)
        self.clip_threshold = Tensor(clip_threshold, mstype.float32)
        self.decay_rate = Tensor(-decay_rate, mstype.float32)
        self.beta1 = Tensor(beta1, mstype.float32)
        self.weight_decay_flag = bool(weight_decay)
        self.scale_parameter = scale_parameter if self.scale_lr else False
        self.relative_step = relative_step
        self.warmup_init = warmup_init
        self.compression = compression
        self._init_state(beta1)
        self.step = Parameter(initializer(0, [1], mstype.float32), name="afactor_step")
        d = self.__dict__
        d["_h"] = {"eps0": _f32(eps[0]), "eps1": _f32(eps[1]), "clip": _f32(clip_threshold),
                   "decay": _f32(-decay_rate), "beta1": _f32(beta1), "wd": _f32(weight_decay)}

    def _init_state(self, beta1):
        if beta1 > 0:
            self.use_first_moment = True
            self.exp_avg = self._parameters.clone(prefix="exp_avg", init="zeros")
        else:
            self.use_first_moment = False
            self.exp_avg = ParameterTuple([Parameter(Tensor(0.0))] * len(self._parameters))
        row, col, sq = [], [], []
        for p in self._parameters:
            shape, dt, name = tuple(p.shape), p.dtype, p.name
            if len(shape) > 1:
                row.append(Parameter(initializer(0, shape=shape[:-1], dtype=dt), name=f"exp_avg_sq_row_{name}"))
                col.append(Parameter(initializer(0, shape=shape[:-2] + shape[-1:], dtype=dt),
                                     name=f"exp_avg_sq_col_{name}"))
                sq.append(Parameter(initializer(0, shape=(1,), dtype=dt), name=f"exp_avg_sq_{name}"))
            else:
                row.append(Parameter(initializer(0, shape=(1,), dtype=dt), name=f"exp_avg_sq_row_{name}"))
                col.append(Parameter(initializer(0, shape=(1,), dtype=dt), name=f"exp_avg_sq_col_{name}"))
                sq_dt = mstype.float16 if self.compression else dt
                sq.append(Parameter(initializer(0, shape=shape, dtype=sq_dt), name=f"exp_avg_sq_{name}"))
        self.exp_avg_sq_row = ParameterTuple(row)
        self.exp_avg_sq_col = ParameterTuple(col)
        self.exp_avg_sq = ParameterTuple(sq)

    @property
    def supports_memory_efficient_fp16(self):
        return True

    @property
    def supports_flat_params(self):
        return False

    def construct(self, gradients):
        h = self._h
        with torch.no_grad():
            gs = self._torch_grads(gradients)
            lrs = self._lr_values()
            self._advance()
            self.step._t.add_(1)
            t = _f32(self.step._t.reshape(-1)[0].item())
            relative = self.scale_lr and self.relative_step
            if relative:
                min_step = _f32(1e-6) * t if self.warmup_init else _f32(1e-2)
                rel_lr = min(min_step, _f32(1.0) / np.sqrt(t, dtype=_f32))
            beta2t = float(_f32(1.0) - np.power(t, h["decay"], dtype=_f32))
            for i, (g, p) in enumerate(zip(gs, self._parameters)):
                lr = float(rel_lr) if relative else float(_f32(lrs[self._param_slot[i]]))
                self._update(i, g, p, lr, beta2t)
        return self._success

    def _update(self, i, g, p, lr, beta2t):
        h = self._h
        g = g.to(torch.float32)
        x = p._t.to(torch.float32)
        if self.scale_parameter:
            rms = x.square().mean().sqrt()
            lr_t = lr * torch.clamp(rms, min=float(h["eps1"]))
        else:
            lr_t = torch.tensor(lr, dtype=torch.float32, device=x.device)
        u = g.square() + float(h["eps0"])
        if g.dim() >= 2:
            row_p, col_p = self.exp_avg_sq_row[i]._t, self.exp_avg_sq_col[i]._t
            row = row_p.to(torch.float32) * beta2t + u.mean(-1) * (1.0 - beta2t)
            col = col_p.to(torch.float32) * beta2t + u.mean(-2) * (1.0 - beta2t)
            row_p.copy_(row)
            col_p.copy_(col)
            row, col = row_p.to(torch.float32), col_p.to(torch.float32)
            r = (1.0 / (row / row.mean(-1, keepdim=True)).sqrt()).unsqueeze(-1)
            c = (1.0 / col.unsqueeze(-2).sqrt())
            u = r * c * g
        else:
            v_p = self.exp_avg_sq[i]._t
            v = v_p.to(torch.float32) * beta2t + u * (1.0 - beta2t)
            v_p.copy_(v)
            u = (1.0 / v_p.to(torch.float32).sqrt()) * g
        coff = torch.clamp(u.square().mean().sqrt() / float(h["clip"]), min=1.0)
        u = u / coff * lr_t
        if self.use_first_moment:
            m_p = self.exp_avg[i]._t
            m = m_p.to(torch.float32) * float(h["beta1"]) + u * (1 - float(h["beta1"]))
            m_p.copy_(m)
            u = m_p.to(torch.float32)
        if self.weight_decay_flag:
            x = x + x * -float(h["wd"]) * lr_t
        p._t.copy_(x - u)

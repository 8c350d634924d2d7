"""``mindspore.experimental.optim.RAdam``: Adam with the variance rectification term."""
import torch

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, _check_nonneg, _check_pos, _check_range, _decayed, _state

__all__ = ["RAdam"]


class RAdam(Optimizer):
    """RAdam: with ``rho_t = rho_inf - 2 t b2^t / (1 - b2^t)``, the rectified Adam step when ``rho_t > 5``, else
    ``p -= lr m / (1 - b1^t)``."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        _check_pos(lr, "lr", "RAdam")
        _check_nonneg(weight_decay, "weight_decay", "RAdam")
        _check_pos(eps, "eps", "RAdam")
        _check_range(betas[0], "betas[0]", "RAdam", 0.0, 1.0)
        _check_range(betas[1], "betas[1]", "RAdam", 0.0, 1.0)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))
        self.step_t = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int32)), "step_t", requires_grad=False)
        self.exp_avg = _state(self, "exp_avg")
        self.exp_avg_sq = _state(self, "exp_avg_sq")

    def construct(self, gradients):
        grads, t = self._grads(gradients, self.step_t)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                b1, b2 = group["betas"]
                lr, eps = self._lr_of(group), group["eps"]
                bc1 = 1 - torch.pow(torch.tensor(b1, dtype=torch.float32), t)
                b2_pow = torch.pow(torch.tensor(b2, dtype=torch.float32), t)
                bc2 = 1 - b2_pow
                rho_inf = 2 / (1 - b2) - 1
                rho_t = rho_inf - 2 * t * b2_pow / bc2
                gs = _decayed(grads[s:e], [p._t for p in self._flat[s:e]], group["weight_decay"])
                for i, g in zip(range(s, e), gs):
                    p, m, v = self._flat[i]._t, self.exp_avg[i]._t, self.exp_avg_sq[i]._t
                    m.copy_(m * b1 + g * (1 - b1))
                    v.copy_(v * b2 + g * g * (1 - b2))
                    m_hat = m / bc1
                    if float(rho_t) > 5.0:
                        rect = torch.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                        adaptive = torch.sqrt(bc2) / (torch.sqrt(v) + eps)
                        p.copy_(p - m_hat * lr * adaptive * rect)
                    else:
                        p.copy_(p - m_hat * lr)
        return True

"""``mindspore.experimental.optim.NAdam``: Adam with Nesterov momentum and momentum decay."""
import torch

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, _check_nonneg, _check_pos, _check_range, _decayed, _state

__all__ = ["NAdam"]


class NAdam(Optimizer):
    """NAdam: ``mu_t = b1 (1 - 0.5 * 0.96^(t psi))``; ``p -= lr (1 - mu_t) / (1 - prod mu) g / d`` then
    ``p -= lr mu_{t+1} / (1 - prod mu * mu_{t+1}) m / d`` with ``d = sqrt(v / (1 - b2^t)) + eps``."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3):
        _check_pos(lr, "lr", "NAdam")
        _check_pos(eps, "eps", "NAdam")
        _check_nonneg(weight_decay, "weight_decay", "NAdam")
        _check_nonneg(momentum_decay, "momentum_decay", "NAdam")
        _check_range(betas[0], "betas[0]", "NAdam", 0.0, 1.0)
        _check_range(betas[1], "betas[1]", "NAdam", 0.0, 1.0)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay))
        self.step_t = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int32)), "step_t", requires_grad=False)
        self.exp_avg = _state(self, "exp_avg")
        self.exp_avg_sq = _state(self, "exp_avg_sq")
        self.mu_product = [Parameter(Tensor._make(torch.tensor(1.0)), "mu_product_" + p.name, requires_grad=False)
                           for p in self.parameters]

    def construct(self, gradients):
        grads, t = self._grads(gradients, self.step_t)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                b1, b2 = group["betas"]
                lr, eps, psi = self._lr_of(group), group["eps"], group["momentum_decay"]
                bc2 = 1 - torch.pow(torch.tensor(b2, dtype=torch.float32), t)
                mu = b1 * (1.0 - 0.5 * torch.pow(torch.tensor(0.96), t * psi))
                mu_next = b1 * (1.0 - 0.5 * torch.pow(torch.tensor(0.96), (t + 1) * psi))
                gs = _decayed(grads[s:e], [p._t for p in self._flat[s:e]], group["weight_decay"])
                for i, g in zip(range(s, e), gs):
                    p, m, v, prod = self._flat[i]._t, self.exp_avg[i]._t, self.exp_avg_sq[i]._t, self.mu_product[i]._t
                    prod.copy_(prod * mu)
                    m.copy_(m * b1 + g * (1 - b1))
                    v.copy_(v * b2 + g * g * (1 - b2))
                    denom = torch.sqrt(v / bc2) + eps
                    p.copy_(p - lr * (1.0 - mu) / (1.0 - prod) * g / denom)
                    p.copy_(p - lr * mu_next / (1.0 - prod * mu_next) * m / denom)
        return True

"""``mindspore.experimental.optim.Adamax``: Adam with the infinity norm."""
import torch

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, _check_nonneg, _check_pos, _check_range, _decayed, _state

__all__ = ["Adamax"]


class Adamax(Optimizer):
    """Adamax: ``m = b1 m + (1 - b1) g``; ``u = max(b2 u, |g| + eps)``; ``p -= lr / (1 - b1^t) * m / u``."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *, maximize=False):
        _check_pos(lr, "lr", "Adamax")
        _check_nonneg(weight_decay, "weight_decay", "Adamax")
        _check_pos(eps, "eps", "Adamax")
        _check_range(betas[0], "betas[0]", "Adamax", 0.0, 1.0)
        _check_range(betas[1], "betas[1]", "Adamax", 0.0, 1.0)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, maximize=maximize))
        self.step_t = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int32)), "step_t", requires_grad=False)
        self.exp_avg = _state(self, "exp_avg")
        self.exp_inf = _state(self, "exp_inf")

    def construct(self, gradients):
        grads, _ = self._grads(gradients, self.step_t)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                b1, b2 = group["betas"]
                clr = self._lr_of(group) / (1 - torch.pow(torch.tensor(b1, dtype=torch.float32), self.step_t._t))
                gs = _decayed(grads[s:e], [p._t for p in self._flat[s:e]], group["weight_decay"], group["maximize"])
                for i, g in zip(range(s, e), gs):
                    p, m, u = self._flat[i]._t, self.exp_avg[i]._t, self.exp_inf[i]._t
                    m.copy_(m * b1 + g * (1 - b1))
                    u.copy_(torch.maximum(u * b2, g.abs() + group["eps"]))
                    p.copy_(p - clr * m / u)
        return True

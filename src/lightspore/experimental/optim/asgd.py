"""``mindspore.experimental.optim.ASGD``: averaged SGD."""
import torch

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, _check_nonneg, _check_pos, _decayed, _state

__all__ = ["ASGD"]


class ASGD(Optimizer):
    """ASGD: ``eta = lr`` on the first step; ``p = p (1 - lambd eta) - eta g``; ``ax`` averages ``p`` from step t0;
    ``eta = lr / (1 + lambd lr t)^alpha``; ``mu = 1 / max(1, t - t0)``."""

    def __init__(self, params, lr=0.01, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0, maximize=False):
        _check_pos(lr, "lr", "ASGD")
        _check_nonneg(weight_decay, "weight_decay", "ASGD")
        if not isinstance(lambd, float):
            raise TypeError(f"For 'ASGD', the type of lambd must be float, but got {type(lambd)}.")
        if not isinstance(t0, float):
            raise TypeError(f"For 'ASGD', the type of t0 must be float, but got {type(t0)}.")
        super().__init__(params, dict(lr=lr, lambd=lambd, alpha=alpha, t0=t0, weight_decay=weight_decay,
                                      maximize=maximize))
        self.mu = [Parameter(Tensor._make(torch.tensor(1.0)), "mu_" + p.name, requires_grad=False)
                   for p in self.parameters]
        self.eta = [Parameter(Tensor._make(torch.tensor(0.0)), "eta_" + p.name, requires_grad=False)
                    for p in self.parameters]
        self.ax = _state(self, "ax")
        self.step_t = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int32)), "step_t", requires_grad=False)

    def construct(self, gradients):
        grads, step = self._grads(gradients, self.step_t)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                lr, lambd = self._lr_of(group), group["lambd"]
                gs = _decayed(grads[s:e], [p._t for p in self._flat[s:e]], group["weight_decay"], group["maximize"])
                for i, g in zip(range(s, e), gs):
                    p, eta, mu, ax = self._flat[i]._t, self.eta[i]._t, self.mu[i]._t, self.ax[i]._t
                    if int(step) == 1:
                        eta.copy_(lr)
                    new = (p * (1.0 - lambd * eta) - eta * g).to(p.dtype)
                    p.copy_(new)
                    if float(mu) != 1:
                        ax.add_(((new - ax) * mu).to(ax.dtype))
                    else:
                        ax.copy_(new)
                    eta.copy_(lr / torch.pow(1.0 + lambd * lr * step, group["alpha"]))
                    mu.copy_(1.0 / torch.maximum(torch.tensor(1.0), step - group["t0"]))
        return True

"""``mindspore.experimental.optim.Adadelta``: the reference's ``ApplyAdadelta`` update."""
import torch

from .optimizer import Optimizer, _check_nonneg, _check_pos, _check_range, _decayed, _state

__all__ = ["Adadelta"]


class Adadelta(Optimizer):
    """Adadelta: ``acc = rho acc + (1 - rho) g^2``; ``u = sqrt(acc_u + eps) / sqrt(acc + eps) g``;
    ``acc_u = rho acc_u + (1 - rho) u^2``; ``p -= lr u``."""

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0, *, maximize=False):
        _check_pos(lr, "lr", "Adadelta")
        _check_pos(eps, "eps", "Adadelta")
        _check_nonneg(weight_decay, "weight_decay", "Adadelta")
        _check_range(rho, "rho", "Adadelta", 0.0, 1.0, True, True)
        super().__init__(params, dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize))
        self.accum = _state(self, "accum")
        self.accum_update = _state(self, "accum_update")

    def construct(self, gradients):
        grads = self._grads(gradients)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                lr, rho, eps = self._lr_of(group), group["rho"], group["eps"]
                gs = _decayed(grads[s:e], [p._t for p in self._flat[s:e]], group["weight_decay"], group["maximize"])
                for i, g in zip(range(s, e), gs):
                    p, acc, acc_u = self._flat[i]._t, self.accum[i]._t, self.accum_update[i]._t
                    acc.copy_(acc * rho + g * g * (1 - rho))
                    u = torch.sqrt(acc_u + eps) * torch.rsqrt(acc + eps) * g
                    acc_u.copy_(acc_u * rho + u * u * (1 - rho))
                    p.sub_(lr * u)
        return True

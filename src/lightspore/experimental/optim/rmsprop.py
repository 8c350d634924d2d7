"""``mindspore.experimental.optim.RMSprop``."""
import torch

from .optimizer import Optimizer, _check_nonneg, _check_pos, _decayed, _state

__all__ = ["RMSprop"]


class RMSprop(Optimizer):
    """RMSprop: ``ms = alpha ms + (1 - alpha) g^2``; centered: ``mg = alpha mg + (1 - alpha) g``,
    ``avg = sqrt(ms - mg^2) + eps`` (else ``sqrt(ms) + eps``); with momentum ``buf = mom buf + g / avg``,
    ``p -= lr buf``; else ``p -= lr g / avg``."""

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False,
                 maximize=False):
        _check_pos(lr, "lr", "RMSprop")
        _check_nonneg(alpha, "alpha", "RMSprop")
        _check_pos(eps, "eps", "RMSprop")
        _check_nonneg(momentum, "momentum", "RMSprop")
        _check_nonneg(weight_decay, "weight_decay", "RMSprop")
        super().__init__(params, dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                                      weight_decay=weight_decay, maximize=maximize))
        self.mean_grad = _state(self, "mean_grad")
        self.mean_square = _state(self, "mean_square")
        self.moment = _state(self, "moment")

    def construct(self, gradients):
        grads = self._grads(gradients)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                lr, alpha, eps, mom = self._lr_of(group), group["alpha"], group["eps"], group["momentum"]
                gs = _decayed(grads[s:e], [p._t for p in self._flat[s:e]], group["weight_decay"], group["maximize"])
                for i, g in zip(range(s, e), gs):
                    p, ms_, mg, buf = (self._flat[i]._t, self.mean_square[i]._t, self.mean_grad[i]._t,
                                       self.moment[i]._t)
                    ms_.copy_(torch.addcmul(ms_ * alpha, g, g, value=1 - alpha))
                    if group["centered"]:
                        mg.copy_(mg * alpha + g * (1 - alpha))
                        avg = torch.sqrt(torch.addcmul(ms_, mg, mg, value=-1.0)) + eps
                    else:
                        avg = torch.sqrt(ms_) + eps
                    if mom > 0:
                        buf.copy_(buf * mom + g / avg)
                        p.copy_(p - buf * lr)
                    else:
                        p.copy_(p - lr * g / avg)
        return True

"""``mindspore.experimental.optim.AdamW``: decoupled weight decay, then the bias-corrected Adam step."""
import torch

from ...common.parameter import Parameter  # noqa: F401  (the reference's module has these names)
from ...common.tensor import Tensor  # noqa: F401
from .adam import _init_adam
from .optimizer import Optimizer

__all__ = ["AdamW"]


class AdamW(Optimizer):
    """AdamW: ``p *= 1 - lr * wd``; ``m = b1 m + (1 - b1) g``; ``v = b2 v + (1 - b2) g^2``;
    ``p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)`` (``amsgrad``: the running max of v)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False):
        _init_adam(self, params, lr, betas, eps, weight_decay, amsgrad, maximize)

    def construct(self, gradients):
        grads, step = self._grads(gradients, self.state_step)
        step = step.to(torch.float32)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                b1, b2 = group["betas"]
                lr, eps, wd = self._lr_of(group), group["eps"], group["weight_decay"]
                decay = 1 - lr * wd
                bc1 = 1 - torch.pow(torch.tensor(b1, dtype=torch.float32), step)
                bc2_sqrt = torch.sqrt(1 - torch.pow(torch.tensor(b2, dtype=torch.float32), step))
                step_size = lr / bc1
                for i in range(s, e):
                    p, m, v = self._flat[i]._t, self.exp_avg[i]._t, self.exp_avg_sq[i]._t
                    g = -grads[i] if group["maximize"] else grads[i]
                    new_p = p * decay
                    m.copy_(m * b1 + g * (1 - b1))
                    v.copy_(torch.addcmul(v * b2, g, g, value=1 - b2))
                    if group["amsgrad"]:
                        vmax = self.max_exp_avg_sq[i]._t
                        torch.maximum(vmax, v, out=vmax)
                        denom = vmax.sqrt() / bc2_sqrt + eps
                    else:
                        denom = v.sqrt() / bc2_sqrt + eps
                    p.copy_(new_p - (m / denom) * step_size)
        return True

"""``mindspore.experimental.optim.Adam``: the reference's ``ops.Adam`` update, with L2 weight decay added to
the gradient."""
import torch

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, _state

__all__ = ["Adam"]


def _check_adam(lr, betas, eps, weight_decay):
    if lr < 0.0:
        raise ValueError(f"Invalid learning rate: {lr}")
    if eps < 0.0:
        raise ValueError(f"Invalid epsilon value: {eps}")
    if not 0.0 <= betas[0] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
    if not 0.0 <= betas[1] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
    if weight_decay < 0.0:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")


def _init_adam(opt, params, lr, betas, eps, weight_decay, amsgrad, maximize):
    """Adam's and AdamW's shared construction: the checks, the group defaults, the moment states and the step."""
    _check_adam(lr, betas, eps, weight_decay)
    Optimizer.__init__(opt, params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                                         maximize=maximize))
    opt.exp_avg = _state(opt, "exp_avg")
    opt.exp_avg_sq = _state(opt, "exp_avg_sq")
    opt.max_exp_avg_sq = _state(opt, "max_exp_avg_sq")
    opt.state_step = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int32)), "state_step", requires_grad=False)


class Adam(Optimizer):
    """Adam: ``m += (g - m)(1 - b1)``, ``v += (g^2 - v)(1 - b2)``,
    ``p -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)``.

    As in the reference, ``amsgrad`` is accepted (and ``max_exp_avg_sq`` state is kept) but the update does not
    use it."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, *,
                 maximize=False):
        _init_adam(self, params, lr, betas, eps, weight_decay, amsgrad, maximize)

    def construct(self, gradients):
        grads, step = self._grads(gradients, self.state_step)
        step = step.to(torch.float32)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                b1, b2 = group["betas"]
                lr, eps, wd = self._lr_of(group), group["eps"], group["weight_decay"]
                lr_t = lr * torch.sqrt(1 - torch.pow(torch.tensor(b2, dtype=torch.float32), step)) / \
                    (1 - torch.pow(torch.tensor(b1, dtype=torch.float32), step))
                for i in range(s, e):
                    p, m, v = self._flat[i]._t, self.exp_avg[i]._t, self.exp_avg_sq[i]._t
                    g = -grads[i] if group["maximize"] else grads[i]
                    if wd != 0.0:
                        g = g + p * wd
                    m.add_((g - m) * (1 - b1))
                    v.add_((g * g - v) * (1 - b2))
                    p.sub_(lr_t * m / (v.sqrt() + eps))
        return True

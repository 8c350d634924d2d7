"""``mindspore.experimental.optim.SGD``: the reference's ``ops.SGD`` update (momentum, dampening, Nesterov,
weight decay)."""
import torch

from ...common.tensor import Tensor
from .optimizer import Optimizer, _state

__all__ = ["SGD"]


class SGD(Optimizer):
    """SGD: ``g += wd * p``; with momentum, ``buf = g`` on the first step, else ``buf = mom * buf + (1 - damp) g``;
    ``g = g + mom * buf`` (Nesterov) or ``buf``; ``p -= lr * g``."""

    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0.0, nesterov=False, *, maximize=False):
        if isinstance(lr, bool) or not isinstance(lr, (float, int, Tensor)):
            raise TypeError(f"For 'SGD', the type of 'lr' should be one of ['float', 'int', 'Tensor'], but got "
                            f"'{type(lr).__name__}'.")
        if float(lr) < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if isinstance(momentum, bool) or not isinstance(momentum, (int, float)):
            raise TypeError(f"For 'SGD', the type of 'momentum' should be one of ['int', 'float'], but got "
                            f"'{type(momentum).__name__}'.")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        for v, n in ((nesterov, "nesterov"), (maximize, "maximize")):
            if not isinstance(v, bool):
                raise TypeError(f"For 'SGD', the type of '{n}' should be 'bool', but got '{type(v).__name__}'.")
        super().__init__(params, dict(lr=lr, momentum=float(momentum), dampening=dampening,
                                      weight_decay=weight_decay, nesterov=nesterov, maximize=maximize,
                                      grad_centralization=False))
        for group in self.param_groups:
            d = group["dampening"]
            if isinstance(d, bool) or not isinstance(d, (int, float)):
                raise TypeError(f"For 'SGD', the type of 'dampening' should be one of ['int', 'float'], but got "
                                f"'{type(d).__name__}'.")
            group["dampening"] = float(d)
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ValueError(f"For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' must equal "
                             f"to 0.0, but got 'momentum' {momentum}, 'dampening' {dampening}")
        self.accum = _state(self, "accum")
        self.stat = _state(self, "stat", "ones")

    def construct(self, gradients):
        grads = self._grads(gradients)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                lr, mom, damp, wd = self._lr_of(group), group["momentum"], group["dampening"], group["weight_decay"]
                for i in range(s, e):
                    p, acc, stat = self._flat[i]._t, self.accum[i]._t, self.stat[i]._t
                    g = -grads[i] if group["maximize"] else grads[i]
                    if wd > 0:
                        g = g + p * wd
                    if mom > 0:
                        first = stat > 0
                        acc.copy_(torch.where(first, g, acc * mom + (1 - damp) * g))
                        stat.zero_()
                        g = g + acc * mom if group["nesterov"] else acc.clone()
                    p.sub_(lr * g)
        return True

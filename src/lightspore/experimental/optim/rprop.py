"""``mindspore.experimental.optim.Rprop``: resilient backpropagation."""
import torch

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, _check_pos, _check_range, _state

__all__ = ["Rprop"]


class Rprop(Optimizer):
    """Rprop: per-element step sizes (``lr`` at first) scaled by ``etas`` as the gradient keeps or flips its sign,
    clipped to ``step_sizes``; a flipped gradient is zeroed for that step; ``p -= sign(g) * step``."""

    def __init__(self, params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *, maximize=False):
        _check_pos(lr, "lr", "Rprop")
        if etas[1] <= 1.0:
            raise ValueError(f"For Rprop, the etas[1] must be greater than 1.0, but got {etas[1]}.")
        _check_range(etas[0], "etas[0]", "Rprop", 0.0, 1.0, False, False)
        super().__init__(params, dict(lr=lr, etas=etas, step_sizes=step_sizes, maximize=maximize))
        self.prev = _state(self, "prev")
        self.step_size = _state(self, "step_size")
        self.step_t = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int32)), "step_t", requires_grad=False)

    def construct(self, gradients):
        grads, _ = self._grads(gradients, self.step_t)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                lr = self._lr_of(group)
                minus, plus = (torch.tensor(v, dtype=torch.float32) for v in group["etas"])
                lo, hi = group["step_sizes"]
                for i in range(s, e):
                    p, prev, size = self._flat[i]._t, self.prev[i]._t, self.step_size[i]._t
                    g = -grads[i] if group["maximize"] else grads[i]
                    cur = torch.ones_like(size) * lr if int(self.step_t._t) == 1 else size.clone()
                    sign = torch.sign(g * prev)
                    factor = torch.where(sign > 0, plus, torch.where(sign < 0, minus, torch.ones_like(sign)))
                    clipped = torch.clamp(cur * factor, lo, hi)
                    size.copy_(clipped)
                    g = torch.where(factor == minus, torch.zeros_like(g), g)
                    prev.copy_(g)
                    p.copy_(p - torch.sign(g) * clipped)
        return True

"""``mindspore.experimental.optim.Adagrad``: the reference's ``ApplyAdagradV2`` update with a decaying lr."""
import torch

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer, _check_nonneg, _check_pos, _decayed

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    """Adagrad: ``acc += g^2``; ``p -= lr / (1 + t lr_decay) * g / (sqrt(acc) + eps)`` (t counts from 0)."""

    def __init__(self, params, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10,
                 *, maximize=False):
        _check_pos(lr, "lr", "Adagrad")
        _check_nonneg(lr_decay, "lr_decay", "Adagrad")
        _check_nonneg(weight_decay, "weight_decay", "Adagrad")
        _check_nonneg(initial_accumulator_value, "initial_accumulator_value", "Adagrad")
        _check_pos(eps, "eps", "Adagrad")
        super().__init__(params, dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                                      initial_accumulator_value=initial_accumulator_value, maximize=maximize))
        self.accum = self.parameters.clone(prefix="accum", init="zeros")
        for a in self.accum:
            a._t.fill_(float(initial_accumulator_value))
        self.step_t = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int32)), "step_t", requires_grad=False)

    def construct(self, gradients):
        grads = self._grads(gradients)
        with torch.no_grad():
            for _gid, group, s, e in self._group_slices():
                lr = self._lr_of(group) / (1 + self.step_t._t * group["lr_decay"])
                gs = _decayed(grads[s:e], [p._t for p in self._flat[s:e]], group["weight_decay"], group["maximize"])
                for i, g in zip(range(s, e), gs):
                    p, acc = self._flat[i]._t, self.accum[i]._t
                    acc.add_(g * g)
                    p.sub_(lr * g / (acc.sqrt() + group["eps"]))
            self.step_t._t.add_(1)
        return True

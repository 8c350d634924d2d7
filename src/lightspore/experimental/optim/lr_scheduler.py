"""``mindspore.experimental.optim.lr_scheduler``: schedulers that rewrite the learning-rate Parameters of an
``experimental.optim`` optimizer, with the reference's recursive (chainable) formulas in float32.

``last_epoch`` is a float32 Parameter as in the reference; ``get_last_lr()`` returns the groups' learning rates
as Tensors.
"""
import math
from bisect import bisect_right
from collections import Counter

import torch

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from .optimizer import Optimizer

__all__ = ["StepLR", "LinearLR", "LRScheduler", "ExponentialLR", "PolynomialLR", "MultiplicativeLR", "ConstantLR",
           "MultiStepLR", "LambdaLR", "SequentialLR", "ReduceLROnPlateau", "CyclicLR", "CosineAnnealingWarmRestarts",
           "CosineAnnealingLR"]

_F32 = torch.float32


def _f32(v):
    if isinstance(v, Tensor):
        v = v._t
    return torch.tensor(v, dtype=_F32) if not isinstance(v, torch.Tensor) else v.to(_F32)


def _param(value, name):
    return Parameter(Tensor._make(_f32(value).clone()), name, requires_grad=False)


class LRScheduler:
    """Base class: ``step()`` advances ``last_epoch`` and writes ``get_lr()`` into the optimizer's learning
    rates."""

    def __init__(self, optimizer, last_epoch=-1):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")
        if isinstance(last_epoch, bool) or not isinstance(last_epoch, int):
            raise TypeError(f"The type of 'last_epoch' should be 'int', but got '{type(last_epoch).__name__}'.")
        if last_epoch < -1:
            raise ValueError(f"Invalid last_epoch: {last_epoch}")
        if last_epoch == -1:
            for group in optimizer.param_groups:
                group.setdefault("initial_lr", Tensor._make(group["lr"]._t.clone()))
        else:
            for i, group in enumerate(optimizer.param_groups):
                if "initial_lr" not in group:
                    raise KeyError(f"param 'initial_lr' is not specified in param_groups[{i}] when resuming an "
                                   f"optimizer")
        self.base_lrs = [group["initial_lr"] for group in optimizer.param_groups]
        self.optimizer = optimizer
        self._last_lr = list(optimizer.lrs)
        self.groups_num = len(optimizer.param_groups)
        self.last_epoch = _param(float(last_epoch), "last_epoch_" + type(self).__name__)
        self.step()

    # helpers on torch values
    @property
    def _epoch(self):
        return self.last_epoch._t

    def _lrs(self):
        return [lr._t for lr in self._last_lr]

    def _base(self):
        return [_f32(b._t if isinstance(b, Tensor) else b) for b in self.base_lrs]

    def get_lr(self):
        raise NotImplementedError(f"'{type(self).__name__}' does not define get_lr().")

    def get_last_lr(self):
        """The learning rate of each param group, as Tensors."""
        return [lr.value() for lr in self._last_lr]

    def step(self, epoch=None):
        """Advance one epoch (or jump to ``epoch`` with the closed form) and update the learning rates."""
        if epoch is None:
            self._epoch.add_(1)
            values = self.get_lr()
        else:
            self._epoch.fill_(float(epoch))
            values = self._get_closed_form_lr() if hasattr(self, "_get_closed_form_lr") else self.get_lr()
        for lr, v in zip(self._last_lr, values):
            lr._t.copy_(_f32(v))
        return True


class StepLR(LRScheduler):
    """Multiply the learning rate by ``gamma`` every ``step_size`` epochs."""

    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1):
        if not isinstance(step_size, int) and not isinstance(step_size, bool):
            raise TypeError(f"For 'StepLR', the 'step_size' must be int, but got {type(step_size)}.")
        if not isinstance(gamma, float):
            raise TypeError(f"For 'StepLR', the 'gamma' must be float, but got {type(gamma)}.")
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e = float(self._epoch)
        if e == 0 or e % self.step_size != 0:
            return [lr * 1.0 for lr in self._lrs()]
        return [lr * self.gamma for lr in self._lrs()]

    def _get_closed_form_lr(self):
        return [b * self.gamma ** (float(self._epoch) // self.step_size) for b in self._base()]


class LinearLR(LRScheduler):
    """Scale the learning rate linearly from ``start_factor`` to ``end_factor`` over ``total_iters`` epochs."""

    def __init__(self, optimizer, start_factor=1.0 / 3, end_factor=1.0, total_iters=5, last_epoch=-1):
        if start_factor > 1.0 or start_factor <= 0:
            raise ValueError("Starting multiplicative factor expected to be greater than 0 and less than or equal "
                             "to 1.")
        if end_factor > 1.0 or end_factor < 0:
            raise ValueError("Ending multiplicative factor expected to be between 0 and 1.")
        if not isinstance(total_iters, int):
            raise TypeError(f"For 'LinearLR', the type of total_iters must be int, but got {type(total_iters)}.")
        self.start_factor = start_factor
        self.end_factor = end_factor
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e = self._epoch
        if float(e) == 0:
            return [lr * self.start_factor for lr in self._lrs()]
        if float(e) > self.total_iters:
            return [lr * 1.0 for lr in self._lrs()]
        factor = 1.0 + (self.end_factor - self.start_factor) / (
            self.total_iters * self.start_factor + (e - 1) * (self.end_factor - self.start_factor))
        return [lr * factor for lr in self._lrs()]

    def _get_closed_form_lr(self):
        e = float(self._epoch)
        return [b * (self.start_factor + (self.end_factor - self.start_factor) * min(self.total_iters, e)
                     / self.total_iters) for b in self._base()]


class ExponentialLR(LRScheduler):
    """Multiply the learning rate by ``gamma`` every epoch."""

    def __init__(self, optimizer, gamma, last_epoch=-1):
        if not isinstance(gamma, float):
            raise TypeError(f"For 'ExponentialLR', the 'gamma' must be float, but got {type(gamma)}.")
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if float(self._epoch) == 0:
            return [lr * 1.0 for lr in self._lrs()]
        return [lr * self.gamma for lr in self._lrs()]

    def _get_closed_form_lr(self):
        return [b * self.gamma ** float(self._epoch) for b in self._base()]


class PolynomialLR(LRScheduler):
    """Decay the learning rate as ``(1 - epoch / total_iters) ** power`` until ``total_iters``."""

    def __init__(self, optimizer, total_iters=5, power=1.0, last_epoch=-1):
        if not isinstance(power, float):
            raise TypeError(f"For 'PolynomialLR', the 'power' must be float, but got {type(power)}.")
        if power < 0:
            raise ValueError(f"For 'PolynomialLR', the 'power' must be >= 0, but got {power}.")
        if not isinstance(total_iters, int):
            raise TypeError(f"For 'PolynomialLR', the type of total_iters must be int, but got {type(total_iters)}.")
        self.total_iters = total_iters
        self.power = power
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e = self._epoch
        if float(e) == 0 or float(e) > self.total_iters:
            return [lr * 1.0 for lr in self._lrs()]
        factor = ((1.0 - e / self.total_iters) / (1.0 - (e - 1) / self.total_iters)) ** self.power
        return [lr * factor for lr in self._lrs()]

    def _get_closed_form_lr(self):
        e = torch.minimum(_f32(float(self.total_iters)), self._epoch)
        return [b * (1.0 - e / self.total_iters) ** self.power for b in self._base()]


def _lambdas(optimizer, lr_lambda):
    n = len(optimizer.param_groups)
    if isinstance(lr_lambda, (list, tuple)):
        if len(lr_lambda) != n:
            raise ValueError(f"Expected {n} lr_lambdas, but got {len(lr_lambda)}")
        return list(lr_lambda)
    return [lr_lambda] * n


class LambdaLR(LRScheduler):
    """The learning rate is ``initial_lr * lr_lambda(epoch)`` (one lambda, or one per group)."""

    def __init__(self, optimizer, lr_lambda, last_epoch=-1):
        self.lr_lambdas = _lambdas(optimizer, lr_lambda)
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e = self.last_epoch.value()
        out = []
        for f, b in zip(self.lr_lambdas, self._base()):
            v = f(e)
            out.append(b * (v._t if isinstance(v, Tensor) else float(v)))
        return out


class MultiplicativeLR(LRScheduler):
    """Multiply the learning rate by ``lr_lambda(epoch)`` every epoch."""

    def __init__(self, optimizer, lr_lambda, last_epoch=-1):
        self.lr_lambdas = _lambdas(optimizer, lr_lambda)
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        if float(self._epoch) > 0:
            e = self.last_epoch.value()
            out = []
            for f, lr in zip(self.lr_lambdas, self._lrs()):
                v = f(e)
                out.append(lr * (v._t if isinstance(v, Tensor) else float(v)))
            return out
        return [lr * 1.0 for lr in self._lrs()]


class MultiStepLR(LRScheduler):
    """Multiply the learning rate by ``gamma`` at each milestone epoch (repeated milestones multiply again)."""

    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1):
        if not isinstance(milestones, list):
            raise TypeError(f"The type of 'milestones' should be 'list', but got '{type(milestones).__name__}'.")
        for m in milestones:
            if not isinstance(m, int) and not isinstance(m, bool):
                raise TypeError(f"For 'MultiStepLR', elements of the 'milestones' must be type of int, but got one "
                                f"element of 'milestones' type: {type(m)}.")
        if isinstance(gamma, bool) or not isinstance(gamma, (float, int)):
            raise TypeError(f"The type of 'gamma' should be one of ['float', 'int'], but got "
                            f"'{type(gamma).__name__}'.")
        self.milestones = Counter(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e = int(float(self._epoch))
        if e in self.milestones:
            return [lr * self.gamma ** self.milestones[e] for lr in self._lrs()]
        return [lr.clone() for lr in self._lrs()]


class ConstantLR(LRScheduler):
    """Scale the learning rate by ``factor`` until epoch ``total_iters``."""

    def __init__(self, optimizer, factor=1.0 / 3, total_iters=5, last_epoch=-1):
        if factor > 1.0 or factor < 0:
            raise ValueError("Constant multiplicative factor expected to be between 0 and 1.")
        if not isinstance(total_iters, int):
            raise TypeError(f"For 'ConstantLR', the type of total_iters must be int, but got {type(total_iters)}.")
        self.factor = factor
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e = float(self._epoch)
        if e == 0:
            return [lr * self.factor for lr in self._lrs()]
        if e != self.total_iters:
            return [lr * 1.0 for lr in self._lrs()]
        return [lr / self.factor for lr in self._lrs()]

    def _get_closed_form_lr(self):
        e = float(self._epoch)
        return [b * (self.factor + (e >= self.total_iters) * (1 - self.factor)) for b in self._base()]


class SequentialLR:
    """Run ``schedulers`` one after another, switching at the ``milestones`` epochs."""

    def __init__(self, optimizer, schedulers, milestones, last_epoch=-1):
        for i, s in enumerate(schedulers):
            if s.optimizer is not optimizer:
                raise ValueError(f"Sequential Schedulers expects all schedulers to belong to the same optimizer, but "
                                 f"got scheduler at index {i} is different from the optimizer passed in.")
        if len(milestones) != len(schedulers) - 1:
            raise ValueError(f"Sequential Schedulers expects number of schedulers provided to be one more than the "
                             f"number of milestone points, but got number of schedulers {len(schedulers)} and the "
                             f"number of milestones {len(milestones)}")
        self._schedulers = schedulers
        self.milestones = milestones
        self.last_epoch = _param(float(last_epoch + 1), "last_epoch_SequentialLR")
        self.optimizer = optimizer
        for group in optimizer.param_groups:
            group["lr"]._t.copy_(_f32(group["initial_lr"]._t))
        for s in schedulers:
            s._epoch.sub_(1)
        schedulers[0].step()
        self._last_lr = schedulers[0]._last_lr

    def step(self):
        self.last_epoch._t.add_(1)
        e = int(float(self.last_epoch._t))
        idx = bisect_right(self.milestones, e)
        sched = self._schedulers[idx]
        if idx > 0 and self.milestones[idx - 1] == e:
            sched.step(0)
        else:
            sched.step()

    def get_last_lr(self):
        return [lr.value() for lr in self._last_lr]


class ReduceLROnPlateau:
    """Multiply the learning rate by ``factor`` when the metric passed to ``step`` stops improving for more than
    ``patience`` epochs."""

    def __init__(self, optimizer, mode='min', factor=0.1, patience=10, threshold=1e-4, threshold_mode='rel',
                 cooldown=0, min_lr=0, eps=1e-8):
        if factor >= 1.0:
            raise ValueError("The lr factor should be less than 1.0.")
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"Expected an `Optimizer`, but got type {type(optimizer).__name__}")
        self.factor = factor
        self.optimizer = optimizer
        n = len(optimizer.param_groups)
        if isinstance(min_lr, (list, tuple)):
            if len(min_lr) != n:
                raise ValueError(f"Expected {n} min_lrs, got {len(min_lr)}")
            self.min_lrs = [_f32(float(v)) for v in min_lr]
        else:
            self.min_lrs = [_f32(float(min_lr))] * n
        if mode not in {"min", "max"}:
            raise ValueError(f"`mode` should be 'min' or 'max', but got {mode}.")
        if threshold_mode not in {"rel", "abs"}:
            raise ValueError(f"`threshold mode` should be 'rel' or 'abs', but got {threshold_mode}.")
        self.mode, self.patience, self.threshold, self.threshold_mode = mode, patience, threshold, threshold_mode
        self.cooldown, self.eps = cooldown, eps
        self.mode_worse = float("inf") if mode == "min" else float("-inf")
        self.last_epoch = Parameter(Tensor._make(torch.tensor(0, dtype=torch.int32)), "last_epoch_ReduceLROnPlateau",
                                    requires_grad=False)
        self.best = _param(self.mode_worse, "best")
        self.cooldown_counter = _param(0.0, "cooldown_counter")
        self.wait = _param(0.0, "wait")
        self._last_lr = [group["lr"] for group in optimizer.param_groups]

    def step(self, metrics):
        current = _f32(metrics._t if isinstance(metrics, Tensor) else float(metrics))
        self.last_epoch._t.add_(1)
        if self._is_improvement(current, self.best._t):
            self.best._t.copy_(current)
            self.wait._t.zero_()
        else:
            self.wait._t.add_(1)
        if self.in_cooldown():
            self.cooldown_counter._t.sub_(1)
            self.wait._t.zero_()
        if float(self.wait._t) > self.patience:
            for i, lr in enumerate(self._last_lr):
                old = lr._t.clone()
                new = torch.maximum(old * self.factor, self.min_lrs[i])
                if bool(old > new + self.eps):
                    lr._t.copy_(new)
            self.cooldown_counter._t.fill_(float(self.cooldown))
            self.wait._t.zero_()
        return True

    def in_cooldown(self):
        return bool(self.cooldown_counter._t > 0)

    def _is_improvement(self, current, best):
        if self.mode == "min" and self.threshold_mode == "rel":
            return bool(current < best * (1.0 - self.threshold))
        if self.mode == "min":
            return bool(current < best - self.threshold)
        if self.threshold_mode == "rel":
            return bool(current > best * (self.threshold + 1.0))
        return bool(current > best + self.threshold)

    def get_last_lr(self):
        return [lr.value() for lr in self._last_lr]


class CyclicLR(LRScheduler):
    """Cycle the learning rate between ``base_lr`` and ``max_lr`` (triangular, triangular2, exp_range or a custom
    ``scale_fn``)."""

    def __init__(self, optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode='triangular',
                 gamma=1.0, scale_fn=None, scale_mode='cycle', last_epoch=-1):
        base_lrs = self._per_group(optimizer, base_lr, "base_lr")
        if last_epoch == -1:
            for lr, group in zip(base_lrs, optimizer.param_groups):
                group["lr"]._t.copy_(_f32(float(lr)))
        self.max_lrs = [_f32(float(v)) for v in self._per_group(optimizer, max_lr, "max_lr")]
        up = float(step_size_up)
        down = up if step_size_down is None else float(step_size_down)
        self.total_step_size = up + down
        self.step_up_ratio = up / self.total_step_size
        if mode not in ("triangular", "triangular2", "exp_range") and scale_fn is None:
            raise ValueError("mode is invalid and scale_fn is None")
        self.mode, self.gamma, self._scale_fn_custom, self.scale_mode = mode, gamma, scale_fn, scale_mode
        if scale_fn is None:
            self.scale_mode = "iterations" if mode == "exp_range" else "cycle"
        super().__init__(optimizer, last_epoch)
        self.base_lrs = [Tensor._make(_f32(float(v))) for v in base_lrs]

    @staticmethod
    def _per_group(optimizer, value, name):
        n = len(optimizer.param_groups)
        if isinstance(value, (list, tuple)):
            if len(value) != n:
                raise ValueError(f"Expected {n} values for {name}, got {len(value)}")
            return list(value)
        return [value] * n

    def scale_fn(self, x):
        if self._scale_fn_custom is not None:
            return self._scale_fn_custom(x)
        if self.mode == "triangular":
            return 1.0
        if self.mode == "triangular2":
            return 1 / (2.0 ** (x - 1))
        return self.gamma ** x

    def get_lr(self):
        e = self._epoch
        cycle = torch.floor(1 + e / self.total_step_size)
        x = 1.0 + e / self.total_step_size - cycle
        scale = x / self.step_up_ratio if bool(x <= self.step_up_ratio) else (x - 1) / (self.step_up_ratio - 1)
        out = []
        for b, m in zip(self._base(), self.max_lrs):
            height = (m - b) * scale
            arg = cycle if self.scale_mode == "cycle" else e
            out.append(b + height * self.scale_fn(arg))
        return out


class CosineAnnealingWarmRestarts(LRScheduler):
    """Cosine annealing from the initial learning rate to ``eta_min``, restarting after ``T_0`` epochs, then
    ``T_0 * T_mult``, ..."""

    def __init__(self, optimizer, T_0, T_mult=1, eta_min=0, last_epoch=-1):  # noqa: N803 (the reference's names)
        if not isinstance(T_0, int) or T_0 <= 0:
            raise ValueError(f"T_0 should be an integer and equal or greater than 0, but got {T_0}")
        if not isinstance(T_mult, int) or T_mult < 1:
            raise ValueError(f"T_mult should be an integer and equal or greater than 1, but got {T_mult}")
        if isinstance(eta_min, bool) or not isinstance(eta_min, (float, int)):
            raise TypeError(f"The type of 'eta_min' should be one of ['float', 'int'], but got "
                            f"'{type(eta_min).__name__}'.")
        self.T_0 = _param(float(T_0), "T_0")
        self.T_i = _param(float(T_0), "T_i")
        self.T_mult = T_mult
        self.eta_min = eta_min
        self.T_cur = _param(float(last_epoch), "T_cur")
        self._last_lr = [group["lr"] for group in optimizer.param_groups]
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        pct = _f32(math.pi * self.T_cur._t / self.T_i._t)
        eta = _f32(float(self.eta_min))
        return [eta + (b - eta) * (1 + torch.cos(pct)) / 2 for b in self._base()]

    def step(self, epoch=None):
        if epoch is None and float(self._epoch) < 0:
            epoch = 0
        if epoch is None:
            epoch = float(self._epoch) + 1
            self.T_cur._t.add_(1)
            if bool(self.T_cur._t >= self.T_i._t):
                self.T_cur._t.sub_(self.T_i._t.clone())
                self.T_i._t.mul_(self.T_mult)
        else:
            if epoch < 0:
                raise ValueError(f"epoch should be a non-negative integer, but got {epoch}")
            epoch = float(epoch)
            t0 = float(self.T_0._t)
            if epoch >= t0:
                if self.T_mult == 1:
                    self.T_cur._t.fill_(epoch % t0)
                else:
                    n = int(math.log(epoch / t0 * (self.T_mult - 1) + 1, self.T_mult))
                    self.T_cur._t.fill_(epoch - t0 * (self.T_mult ** n - 1) / (self.T_mult - 1))
                    self.T_i._t.fill_(t0 * self.T_mult ** n)
            else:
                self.T_i._t.fill_(t0)
                self.T_cur._t.fill_(epoch)
        self._epoch.fill_(math.floor(epoch))
        for group, v in zip(self.optimizer.param_groups, self.get_lr()):
            group["lr"]._t.copy_(_f32(v))


class CosineAnnealingLR(LRScheduler):
    """Cosine annealing of the learning rate from its initial value to ``eta_min`` over ``T_max`` epochs."""

    def __init__(self, optimizer, T_max, eta_min=0.0, last_epoch=-1):  # noqa: N803 (the reference's names)
        if isinstance(eta_min, bool) or not isinstance(eta_min, (float, int)):
            raise TypeError(f"For 'CosineAnnealingLR', the 'eta_min' must be float or int, but got {type(eta_min)}.")
        if not isinstance(T_max, int) and not isinstance(T_max, bool):
            raise TypeError(f"For 'CosineAnnealingLR', the 'T_max' must be int, but got {type(T_max)}.")
        self.T_max = T_max
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        e = self._epoch
        if float(e) == 0:
            return [lr * 1.0 for lr in self._lrs()]
        if float((e - 1 - self.T_max) % (2 * self.T_max)) == 0:
            pct = _f32(math.pi / self.T_max)
            return [lr + (b - self.eta_min) * (1 - torch.cos(pct)) / 2 for b, lr in zip(self._base(), self._lrs())]
        num = 1 + torch.cos(math.pi * e / self.T_max)
        den = 1 + torch.cos(math.pi * (e - 1) / self.T_max)
        return [num / den * (lr - self.eta_min) + self.eta_min for lr in self._lrs()]

    def _get_closed_form_lr(self):
        e = self._epoch
        return [self.eta_min + (b - self.eta_min) * (1 + torch.cos(math.pi * e / self.T_max)) / 2
                for b in self._base()]

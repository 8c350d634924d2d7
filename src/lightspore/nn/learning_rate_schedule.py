"""``mindspore.nn.learning_rate_schedule``: learning rates computed from the global step.

Each schedule is a Cell whose ``construct(global_step)`` returns the learning rate of that step as a
float32 Tensor, with the reference's formulas evaluated in float32 (the step is cast to float32 first).
The argument checks below reproduce the reference's error types (``TypeError`` for a wrong type,
``ValueError`` for a wrong value) and are shared with ``nn.dynamic_lr`` and ``nn.optim``.
"""
from __future__ import annotations

import math

import numpy as np
import torch

from ..common.tensor import Tensor
from .cell import Cell

__all__ = ["ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR", "CosineDecayLR",
           "PolynomialDecayLR", "WarmUpLR"]


# ------------------------------------------------------------------------------------------------
# argument checks (shared by nn.dynamic_lr and nn.optim)
# ------------------------------------------------------------------------------------------------
def _who(arg_name, prim_name):
    arg = f"'{arg_name}'" if arg_name else "input value"
    return f"For '{prim_name}', the {arg}" if prim_name else f"The {arg}"


def _check_number(value, bound, rel, arg_type, arg_name=None, prim_name=None):
    """``value`` must be an ``arg_type`` (never a bool) with ``value <rel> bound``."""
    who = _who(arg_name, prim_name)
    if not isinstance(value, arg_type):
        raise TypeError(f"{who} must be {arg_type.__name__}, but got '{type(value).__name__}'")
    if math.isinf(value) or math.isnan(value):
        raise ValueError(f"{who} must be a legal value, but got '{value}'.")
    ok = {">": value > bound, ">=": value >= bound}[rel]
    if isinstance(value, bool) or not ok:
        msg = (f"{who} must be {arg_type.__name__} and must {rel} {bound}, "
               f"but got '{value}' with type '{type(value).__name__}'.")
        raise TypeError(msg) if isinstance(value, bool) else ValueError(msg)
    return value


def _positive_int(value, arg_name=None, prim_name=None):
    return _check_number(value, 0, ">", int, arg_name, prim_name)


def _positive_float(value, arg_name=None, prim_name=None):
    return _check_number(value, 0, ">", float, arg_name, prim_name)


def _non_negative_float(value, arg_name=None, prim_name=None):
    return _check_number(value, 0, ">=", float, arg_name, prim_name)


def _float_at_least_zero(value, arg_name, where, prim_name=None):
    """A float >= 0 for a schedule's floor rate (``min_lr``, ``end_learning_rate``, a warm-up's rate): the
    reference words a non-float as a TypeError naming ``where``, then checks the value as _non_negative_float."""
    if not isinstance(value, float):
        raise TypeError(f"For '{where}', the argument '{arg_name}' must be type of float, "
                        f"but got '{arg_name}' type: {type(value)}.")
    return _non_negative_float(value, arg_name, prim_name)


def _is_float(value, arg_name=None, prim_name=None):
    who = _who(arg_name, prim_name)
    if not isinstance(value, float) or isinstance(value, bool):
        arg = f"'{arg_name}'" if arg_name else "input value"
        lead = f"For '{prim_name}', the" if prim_name else "The"
        raise TypeError(f"{lead} type of {arg} must be 'float', but got '{type(value).__name__}'.")
    if math.isinf(value) or math.isnan(value):
        raise ValueError(f"{who} must be a legal float, but got '{value}'.")
    return value


def _value_type(arg_name, value, valid_types, prim_name=None):
    """``isinstance`` check where a bool only passes when ``bool`` is listed."""
    valid_types = tuple(valid_types)
    if (isinstance(value, bool) and bool not in valid_types) or not isinstance(value, valid_types):
        names = [t.__name__ for t in valid_types]
        lead = f"For '{prim_name}', the" if prim_name else "The"
        shown = f"one of '{names}'" if len(names) > 1 else f"'{names[0]}'"
        raise TypeError(f"{lead} type of '{arg_name}' should be {shown}, but got type '{type(value).__name__}'.")
    return value


def _open_range(value, low, high, arg_name=None, prim_name=None):
    """A float strictly inside ``(low, high)``."""
    lead = f"For '{prim_name}', the" if prim_name else "The"
    arg = f"'{arg_name}'" if arg_name else "input value"
    if isinstance(value, bool) or not isinstance(value, (float, np.ndarray, np.generic)):
        raise TypeError(f"{lead} {arg} must be 'float',  but got '{type(value).__name__}'.")
    if not low < value < high:
        raise ValueError(f"{lead} {arg} must be in range of ({low}, {high}), "
                         f"but got {value} with type '{type(value).__name__}'.")
    return value


def _check_bool(value, arg_name=None, prim_name=None):
    if not isinstance(value, bool):
        lead = f"For '{prim_name}', the" if prim_name else "The"
        arg = f"'{arg_name}'" if arg_name else "input value"
        raise TypeError(f"{lead} {arg} must be a bool, but got {type(value).__name__}.")
    return value


# ------------------------------------------------------------------------------------------------
# schedules
# ------------------------------------------------------------------------------------------------
def _step_f32(global_step):
    """The global step (Tensor or number) as a float32 torch tensor."""
    t = global_step._t if isinstance(global_step, Tensor) else torch.as_tensor(global_step)
    return t.to(torch.float32)


def _step_min(global_step, bound):
    """``min(global_step, bound)`` in the step's own dtype, then cast to float32 (the reference's order)."""
    t = global_step._t if isinstance(global_step, Tensor) else torch.as_tensor(global_step)
    return torch.clamp(t, max=bound).to(torch.float32)


class LearningRateSchedule(Cell):
    """Base class of learning-rate schedules: ``construct(global_step)`` returns the step's rate."""

    def __init__(self):
        super().__init__()

    def construct(self, global_step):
        raise NotImplementedError


def _check_decay_inputs(learning_rate, decay_rate, decay_steps, is_stair, cls_name):
    _positive_int(decay_steps, "decay_steps", cls_name)
    _positive_float(learning_rate, "learning_rate", cls_name)
    _is_float(learning_rate, "learning_rate", cls_name)
    _positive_float(decay_rate, "decay_rate", cls_name)
    _is_float(decay_rate, "decay_rate", cls_name)
    _value_type("is_stair", is_stair, [bool], cls_name)


class _DecayLR(LearningRateSchedule):
    """The arguments and checks shared by the exponential, natural-exp and inverse decay schedules."""

    def __init__(self, learning_rate, decay_rate, decay_steps, is_stair=False):
        super().__init__()
        _check_decay_inputs(learning_rate, decay_rate, decay_steps, is_stair, self.cls_name)
        self.learning_rate = learning_rate
        self.decay_rate = decay_rate
        self.decay_steps = decay_steps
        self.is_stair = is_stair


class ExponentialDecayLR(_DecayLR):
    """``learning_rate * decay_rate ** p`` with ``p = step / decay_steps`` (floored when ``is_stair``)."""

    def construct(self, global_step):
        p = _step_f32(global_step) / self.decay_steps
        if self.is_stair:
            p = torch.floor(p)
        return Tensor._make(self.learning_rate * torch.pow(self.decay_rate, p))


class NaturalExpDecayLR(_DecayLR):
    """``learning_rate * e ** (-decay_rate * p)``, ``p`` the step (a multiple of ``decay_steps`` when stair)."""

    math_e = math.e

    def construct(self, global_step):
        p = _step_f32(global_step)
        if self.is_stair:
            p = torch.floor_divide(p, self.decay_steps) * self.decay_steps
        return Tensor._make(self.learning_rate * torch.pow(self.math_e, -self.decay_rate * p))


class InverseDecayLR(_DecayLR):
    """``learning_rate / (1 + decay_rate * p)`` with ``p = step / decay_steps`` (floored when stair)."""

    def construct(self, global_step):
        p = _step_f32(global_step) / self.decay_steps
        if self.is_stair:
            p = torch.floor(p)
        return Tensor._make(self.learning_rate / (1 + self.decay_rate * p))


class CosineDecayLR(LearningRateSchedule):
    """``min_lr + 0.5 * (max_lr - min_lr) * (1 + cos(pi * min(step, decay_steps) / decay_steps))``."""

    def __init__(self, min_lr, max_lr, decay_steps):
        super().__init__()
        _float_at_least_zero(min_lr, "min_lr", "CosineDecayLR", self.cls_name)
        _positive_float(max_lr, "max_lr", self.cls_name)
        _is_float(max_lr, "max_lr", self.cls_name)
        _positive_int(decay_steps, "decay_steps", self.cls_name)
        if min_lr >= max_lr:
            raise ValueError(f"For 'CosineDecayLR', the 'max_lr' must be greater than the 'min_lr', "
                             f"but got 'max_lr' value: {max_lr}, 'min_lr' value: {min_lr}.")
        self.min_lr = min_lr
        self.max_lr = max_lr
        self.decay_steps = decay_steps
        self.math_pi = math.pi
        self.delta = 0.5 * (max_lr - min_lr)

    def construct(self, global_step):
        p = _step_min(global_step, self.decay_steps)
        # cos(pi * x) written, as the reference does, as sin(pi * (x + 0.5))
        return Tensor._make(self.min_lr + self.delta * (1.0 + torch.sin(self.math_pi * (p / self.decay_steps + 0.5))))


class PolynomialDecayLR(LearningRateSchedule):
    """``(lr - end_lr) * (1 - step / decay_steps) ** power + end_lr``; with ``update_decay_steps`` the
    decay period grows to the next multiple of ``decay_steps`` instead of the step being clipped."""

    def __init__(self, learning_rate, end_learning_rate, decay_steps, power, update_decay_steps=False):
        super().__init__()
        _positive_float(learning_rate, "learning_rate")
        _is_float(learning_rate, "learning_rate")
        _float_at_least_zero(end_learning_rate, "end_learning_rate", "PolynomialDecayLR", self.cls_name)
        _positive_int(decay_steps, "decay_steps", self.cls_name)
        _value_type("update_decay_steps", update_decay_steps, [bool], self.cls_name)
        _positive_float(power, "power", self.cls_name)
        _is_float(power, "power", self.cls_name)
        self.decay_steps = decay_steps
        self.start_learning_rate = learning_rate
        self.end_learning_rate = end_learning_rate
        self.diff_learning_rate = learning_rate - end_learning_rate
        self.power = power
        self.update_decay_steps = update_decay_steps

    def construct(self, global_step):
        step = _step_f32(global_step)
        decay = self.decay_steps
        if self.update_decay_steps:
            decay = decay * torch.clamp(torch.ceil(step / decay), min=1)
        else:
            step = torch.clamp(step, max=decay)
        p = step / decay
        return Tensor._make(self.diff_learning_rate * torch.pow(1.0 - p, self.power) + self.end_learning_rate)


class WarmUpLR(LearningRateSchedule):
    """``learning_rate * min(step, warmup_steps) / warmup_steps``."""

    def __init__(self, learning_rate, warmup_steps):
        super().__init__()
        _float_at_least_zero(learning_rate, "learning_rate", "WarmUpLR", self.cls_name)
        _positive_int(warmup_steps, "warmup_steps", self.cls_name)
        self.warmup_steps = warmup_steps
        self.learning_rate = learning_rate

    def construct(self, global_step):
        return Tensor._make(self.learning_rate * (_step_min(global_step, self.warmup_steps) / self.warmup_steps))

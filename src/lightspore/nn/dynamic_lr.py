"""``mindspore.nn.dynamic_lr``: per-step learning-rate lists, computed in Python floats.

Each function returns a list with one learning rate per step (``total_step`` entries), evaluated with
the reference's formulas in the same order of float operations, so the lists equal the reference's
bit for bit. The lists can be passed to an optimizer as ``learning_rate``.
"""
from __future__ import annotations

import math

from .learning_rate_schedule import (
    _float_at_least_zero,
    _is_float,
    _positive_float,
    _positive_int,
    _value_type,
)

__all__ = ["piecewise_constant_lr", "exponential_decay_lr", "natural_exp_decay_lr", "inverse_decay_lr",
           "cosine_decay_lr", "polynomial_decay_lr", "warmup_lr"]


def piecewise_constant_lr(milestone, learning_rates):
    """``learning_rates[i]`` repeated until step ``milestone[i]`` (milestones ascending)."""
    _value_type("milestone", milestone, (tuple, list))
    _value_type("learning_rates", learning_rates, (tuple, list))
    if len(milestone) != len(learning_rates):
        raise ValueError(f"For 'piecewise_constant_lr', the size of 'milestone' must be same with the size of "
                         f"'learning_rates', but got 'milestone' size: {len(milestone)}, 'learning_rates' size: "
                         f"{len(learning_rates)}.")
    out = []
    last = 0
    for i, item in enumerate(milestone):
        _positive_int(item, f"milestone[{i}]")
        _is_float(learning_rates[i], f"learning_rates[{i}]")
        if item < last:
            raise ValueError(f"For 'piecewise_constant_lr', the value of milestone[{i}] must be greater than "
                             f"milestone[{i - 1}], but got milestone[{i}]: {milestone[i]}, "
                             f"milestone[{i - 1}]: {milestone[i - 1]}.")
        out.extend([learning_rates[i]] * (item - last))
        last = item
    return out


def _check_decay(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair):
    _positive_int(total_step, "total_step")
    _positive_int(step_per_epoch, "step_per_epoch")
    _positive_int(decay_epoch, "decay_epoch")
    _positive_float(learning_rate, "learning_rate")
    _is_float(learning_rate, "learning_rate")
    _positive_float(decay_rate, "decay_rate")
    _is_float(decay_rate, "decay_rate")
    _value_type("is_stair", is_stair, [bool])


def exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    """``learning_rate * decay_rate ** (epoch / decay_epoch)`` (exponent floored when ``is_stair``)."""
    _check_decay(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)
    out = []
    for i in range(total_step):
        epoch = math.floor(i / step_per_epoch)
        exponent = math.floor(epoch / decay_epoch) if is_stair else epoch / decay_epoch
        out.append(learning_rate * decay_rate ** exponent)
    return out


def natural_exp_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    """``learning_rate * e ** (-decay_rate * epoch)`` (epoch rounded down to a multiple of
    ``decay_epoch`` when ``is_stair``)."""
    _check_decay(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)
    out = []
    for i in range(total_step):
        epoch = math.floor(i / step_per_epoch)
        if is_stair:
            epoch = math.floor(epoch / decay_epoch) * decay_epoch
        out.append(learning_rate * math.e ** (-decay_rate * epoch))
    return out


def inverse_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False):
    """``learning_rate / (1 + decay_rate * epoch / decay_epoch)`` (ratio floored when ``is_stair``)."""
    _check_decay(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)
    out = []
    for i in range(total_step):
        epoch = math.floor(i / step_per_epoch)
        if is_stair:
            out.append(learning_rate / (1 + decay_rate * math.floor(epoch / decay_epoch)))
        else:
            out.append(learning_rate / (1 + decay_rate * epoch / decay_epoch))
    return out


def cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch):
    """``min_lr + 0.5 * (max_lr - min_lr) * (1 + cos(pi * min(epoch, decay_epoch) / decay_epoch))``."""
    _float_at_least_zero(min_lr, "min_lr", "cosine_decay_lr")
    _positive_float(max_lr, "max_lr")
    _is_float(max_lr, "max_lr")
    _positive_int(total_step, "total_step")
    _positive_int(step_per_epoch, "step_per_epoch")
    _positive_int(decay_epoch, "decay_epoch")
    if min_lr >= max_lr:
        raise ValueError(f"For 'cosine_decay_lr', the 'max_lr' must be greater than the 'min_lr', "
                         f"but got 'max_lr' value: {max_lr}, 'min_lr' value: {min_lr}.")
    delta = 0.5 * (max_lr - min_lr)
    out = []
    for i in range(total_step):
        epoch = min(math.floor(i / step_per_epoch), decay_epoch)
        out.append(min_lr + delta * (1 + math.cos(math.pi * epoch / decay_epoch)))
    return out


def polynomial_decay_lr(learning_rate, end_learning_rate, total_step, step_per_epoch, decay_epoch, power,
                        update_decay_epoch=False):
    """``(lr - end_lr) * (1 - epoch / decay_epoch) ** power + end_lr``; the epoch is clipped at
    ``decay_epoch``, or with ``update_decay_epoch`` the decay period grows to the next multiple."""
    _positive_float(learning_rate, "learning_rate")
    _is_float(learning_rate, "learning_rate")
    _float_at_least_zero(end_learning_rate, "end_learning_rate", "polynomial_decay_lr")
    _positive_float(power, "power")
    _is_float(power, "power")
    _positive_int(total_step, "total_step")
    _positive_int(step_per_epoch, "step_per_epoch")
    _positive_int(decay_epoch, "decay_epoch")
    _value_type("update_decay_epoch", update_decay_epoch, [bool])
    delta = learning_rate - end_learning_rate
    out = []
    for i in range(total_step):
        epoch = math.floor(i / step_per_epoch)
        if update_decay_epoch:
            period = decay_epoch * max(math.ceil(epoch / decay_epoch), 1)
        else:
            period, epoch = decay_epoch, min(decay_epoch, epoch)
        out.append(delta * (1 - epoch / period) ** power + end_learning_rate)
    return out


def warmup_lr(learning_rate, total_step, step_per_epoch, warmup_epoch):
    """``learning_rate * min(epoch, warmup_epoch) / warmup_epoch``."""
    _float_at_least_zero(learning_rate, "learning_rate", "warmup_lr")
    _positive_int(warmup_epoch, "warmup_epoch")
    _positive_int(total_step, "total_step")
    _positive_int(step_per_epoch, "step_per_epoch")
    out = []
    for i in range(total_step):
        epoch = min(warmup_epoch, math.floor(i / step_per_epoch))
        out.append(learning_rate * epoch / warmup_epoch)
    return out

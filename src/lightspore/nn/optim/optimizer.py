"""``Optimizer``: the base of every optimizer, and ``opt_init_args_register``.

The base parses what the reference parses (parameter groups with their own ``lr``, ``weight_decay``,
``grad_centralization`` and ``order_params``; learning rates as float, scalar Tensor, per-step
list/1-D Tensor or ``LearningRateSchedule``; ``weight_decay`` as number or Cell; ``loss_scale``) into
the same public attributes (``learning_rate``, ``parameters``, ``global_step``, ``weight_decay``,
``decay_flags``, ...) and the same parameter names, so optimizer state checkpoints match.

The update itself runs on torch tensors under ``torch.no_grad()``, in place on ``param._t``, with
``torch._foreach_*`` kernels over the parameters that share a learning rate. Everything that can be
decided once (which parameters decay, which learning rate each parameter uses, which gradients are
centralized) is decided at construction. Hyper-parameters that live in Parameters (learning rate,
momentum, the global step, Adam's beta powers) are read on the host through a cache keyed on the
tensor's identity and version counter, so a step neither syncs with the device nor misses a value
the user changed (``ops.assign``, ``set_data``, checkpoint loading).
"""
from __future__ import annotations

import inspect
import logging
from collections.abc import Iterable

import numpy as np
import torch

from ... import ops
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from ..cell import Cell, CellList
from ..learning_rate_schedule import (
    LearningRateSchedule,
    _non_negative_float,
    _positive_float,
    _value_type,
)

__all__ = ["Optimizer", "opt_init_args_register"]

_logger = logging.getLogger("lightspore")
_f32 = np.float32


def opt_init_args_register(fn):
    """Decorate an optimizer's ``__init__`` to record its arguments.

    Before ``__init__`` runs, the bound arguments (defaults applied) are stored on the instance:
    ``init_params = {'params': ...}`` (from ``params``, or from ``optimizer.init_params`` for wrapper
    optimizers), ``init_learning_rate`` (a Tensor becomes a list; a Cell schedule becomes None) and
    ``init_args`` with everything else.
    """
    sig = inspect.signature(fn)

    def deco(self, *args, **kwargs):
        arguments = sig.bind(self, *args, **kwargs)
        arguments.apply_defaults()
        arguments = arguments.arguments
        arguments.pop("self")
        if "params" in arguments:
            self.init_params = {"params": arguments.pop("params")}
        if "optimizer" in arguments:
            self.init_params = {"params": arguments.pop("optimizer").init_params["params"]}
        if "learning_rate" in arguments:
            lr = arguments.pop("learning_rate")
            if isinstance(lr, Tensor):
                lr = lr.asnumpy().tolist()
            self.init_learning_rate = None if isinstance(lr, Cell) else lr
        self.init_args = arguments
        fn(self, *args, **kwargs)

    deco.__doc__ = fn.__doc__
    return deco


# ------------------------------------------------------------------------------------------------
# host-side reads of hyper-parameters held in Parameters
# ------------------------------------------------------------------------------------------------
class _HostValue:
    """A Parameter's value on the host, re-read only when its tensor was replaced or written to."""

    __slots__ = ("param", "read", "_t", "_ver", "value")

    def __init__(self, param, read):
        self.param, self.read = param, read
        self._t, self._ver, self.value = None, -1, None

    def get(self):
        t = self.param._t
        if t is not self._t or t._version != self._ver:
            self.value = self.read(t)
            self._t, self._ver = t, t._version
        return self.value

    def wrote(self, value):
        """Record ``value`` as what our own in-place write just stored."""
        t = self.param._t
        self._t, self._ver, self.value = t, t._version, value

    def tensor(self):
        """The value as a 0-d tensor read in the graph (ms.jit tracing: no host read, no graph break)."""
        return self.param._t.reshape(-1)[0]

    def now(self):
        """The host float in eager code; while ms.jit traces, the 0-d tensor (see ``Optimizer._graph_update``)."""
        return self.tensor() if torch.compiler.is_compiling() else self.get()


def _add_scaled_(xs, ys, a):
    """``xs += a * ys`` in place; ``a`` is a host float, or a 0-d tensor while ms.jit traces."""
    if isinstance(a, torch.Tensor):
        torch._foreach_add_(xs, torch._foreach_mul(ys, a))
    else:
        torch._foreach_add_(xs, ys, alpha=a)


def _add_scaled(xs, ys, a):
    """``xs + a * ys`` as new tensors (``a`` as in ``_add_scaled_``)."""
    if isinstance(a, torch.Tensor):
        return torch._foreach_add(xs, torch._foreach_mul(ys, a))
    return torch._foreach_add(xs, ys, alpha=a)


def _read_float(t):
    return float(t.detach().reshape(-1)[0])


def _read_int(t):
    return int(t.detach().reshape(-1)[0])


def _read_list(t):
    return t.detach().to(torch.float32).cpu().reshape(-1).tolist()


class _StaticLr:
    """A learning rate held in a scalar Parameter."""

    def __init__(self, param):
        self.host = _HostValue(param, _read_float)

    def value(self, opt, step):
        return self.host.get()

    def tensor(self, opt):
        return self.host.tensor()


class _ConvertedLr(_StaticLr):
    """A scalar Parameter seen through ``_ConvertToCell`` (``lr + 1.0 - 1.0`` in float32)."""

    def value(self, opt, step):
        return float((_f32(self.host.get()) + _f32(1.0)) - _f32(1.0))

    def tensor(self, opt):
        return (self.host.tensor() + 1.0) - 1.0


class _ListLr:
    """A per-step list held in a 1-D Parameter, indexed by the global step."""

    def __init__(self, param):
        self.host = _HostValue(param, _read_list)

    def value(self, opt, step):
        values = self.host.get()
        if not 0 <= step < len(values):
            raise RuntimeError(f"For 'Gather', the 'input_indices' should be in the range [0, {len(values)}), "
                               f"but got {step}: the dynamic learning rate list has {len(values)} entries and "
                               f"the optimizer is at step {step}.")
        return values[step]

    def tensor(self, opt):
        table = self.host.param._t.reshape(-1).to(torch.float32)
        return table.index_select(0, opt.global_step._t.reshape(-1)[:1].long()).reshape(())


class _ScheduleLr:
    """Any LearningRateSchedule (or Cell): called with the global step Parameter."""

    def __init__(self, cell):
        self.cell = cell

    def value(self, opt, step):
        return float(self.cell(opt.global_step)._t.reshape(()).item())

    def tensor(self, opt):
        return self.cell(opt.global_step)._t.reshape(-1)[0].to(torch.float32)


# ------------------------------------------------------------------------------------------------
# learning-rate cells the reference builds internally
# ------------------------------------------------------------------------------------------------
class _ConvertToCell(LearningRateSchedule):
    """A fixed learning rate (Parameter) dressed as a schedule, for groups mixing fixed and dynamic."""

    def __init__(self, learning_rate):
        super().__init__()
        if not isinstance(learning_rate, Parameter):
            raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be Parameter, "
                            f"but got {type(learning_rate)}.")
        self.learning_rate = learning_rate

    def construct(self, global_step):
        return self.learning_rate + 1.0 - 1.0


class _IteratorLearningRate(LearningRateSchedule):
    """A per-step learning-rate list (1-D Tensor) indexed by the global step."""

    def __init__(self, learning_rate, name):
        super().__init__()
        if not isinstance(learning_rate, Tensor):
            raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be Tensor, "
                            f"but got {type(learning_rate)}.")
        if learning_rate.ndim != 1:
            raise ValueError(f"For 'Optimizer', the dimension of the argument 'learning_rate' should be 1, "
                             f"but got {learning_rate.ndim}.")
        self.learning_rate = Parameter(learning_rate, name)

    def construct(self, global_step):
        table = self.learning_rate._t
        idx = global_step._t.reshape(-1).long() if isinstance(global_step, Tensor) else \
            torch.tensor([int(global_step)])
        n = table.shape[0]
        bad = idx[(idx < 0) | (idx >= n)]
        if bad.numel():
            raise RuntimeError(f"For 'Gather', the 'input_indices' should be in the range [0, {n}), "
                               f"but got {int(bad[0])}.")
        return Tensor._make(table.index_select(0, idx.to(table.device)))


class _WrappedWeightDecay(Cell):
    """A weight-decay schedule (Cell) times the loss scale."""

    def __init__(self, weight_decay, loss_scale=1.0):
        super().__init__()
        self.weight_decay = weight_decay
        self.loss_scale = Tensor(loss_scale, mstype.float32)

    def construct(self, global_step):
        return self.weight_decay(global_step) * self.loss_scale


class _Mapper:
    """``ops.Map``/``ops.HyperMap`` for optimizer code written the MindSpore way: apply ``fn`` across
    sequences (``reverse`` walks them back to front but keeps the result order)."""

    def __init__(self, fn=None, reverse=False):
        self.fn, self.reverse = fn, reverse

    def __call__(self, *args):
        fn, seqs = (self.fn, args) if self.fn is not None else (args[0], args[1:])
        seqs = [tuple(s) if isinstance(s, (tuple, list)) else None for s in seqs]
        length = next((len(s) for s in seqs if s is not None), None)
        if length is None:
            return fn(*args[0 if self.fn is not None else 1:])
        if any(s is not None and len(s) != length for s in seqs):
            raise RuntimeError("The tuples in HyperMap should have the same length.")
        raw = args if self.fn is not None else args[1:]
        cols = [s if s is not None else (r,) * length for s, r in zip(seqs, raw)]
        order = range(length - 1, -1, -1) if self.reverse else range(length)
        out = [None] * length
        for i in order:
            out[i] = fn(*(c[i] for c in cols))
        return tuple(out)


# ------------------------------------------------------------------------------------------------
# the base class
# ------------------------------------------------------------------------------------------------
class Optimizer(Cell):
    """Base class of optimizers: ``Optimizer(learning_rate, parameters, weight_decay=0.0, loss_scale=1.0)``.

    ``parameters`` is a list of Parameters or of group dicts (keys ``'params'``, ``'lr'``,
    ``'weight_decay'``, ``'grad_centralization'``; one optional ``{'order_params': [...]}``).
    Subclasses implement ``construct(gradients)``; calling the optimizer with the gradients (one per
    parameter, in ``parameters`` order) updates the parameters in place and advances ``global_step``.
    """

    _support_parallel_optimizer = False
    # True where construct takes its hyper-parameters as 0-d tensors while ms.jit traces (``_begin_step``,
    # ``_HostValue.now``, ``_add_scaled_``): the update is then one graph, with no host read to split it
    _graph_update = False

    def __init__(self, learning_rate, parameters, weight_decay=0.0, loss_scale=1.0):
        super().__init__(auto_prefix=False)
        parameters = self._parameters_base_check(parameters, "parameters")
        self.param_rank = None
        self.optim_filter = None
        if not isinstance(parameters, list):
            raise TypeError(f"For 'Optimizer' argument 'parameters' must be 'list', but got {type(parameters)}.")
        if not (all(isinstance(x, Parameter) for x in parameters) or all(isinstance(x, dict) for x in parameters)):
            raise TypeError("For 'Optimizer', all elements of the argument 'parameters' must be 'Parameter' or "
                            "'dict', please check the 'parameters'.")
        if isinstance(loss_scale, int):
            loss_scale = float(loss_scale)
        _value_type("loss_scale", loss_scale, [float], self.cls_name)
        _positive_float(loss_scale, "loss_scale", self.cls_name)
        self.loss_scale = loss_scale
        self.dynamic_weight_decay = False
        self.grad_centralization = False
        self._unique = True
        from ...context import get_context

        self._target = get_context("device_target")
        self.dynamic_lr = False
        self.assignadd = ops.AssignAdd()
        self.global_step = Parameter(Tensor(np.zeros([1], np.int32)), name="global_step")
        self.is_group = False
        self.is_group_lr = False
        self.is_group_params_ordered = False
        learning_rate = self._preprocess_single_lr(learning_rate)
        if isinstance(parameters[0], dict):
            self.is_group = True
            self.group_params = []
            self.group_lr = []
            self.group_weight_decay = []
            self.group_grad_centralization = []
            self._init_group_params(parameters, learning_rate, weight_decay, self.grad_centralization)
        self._init_opt_attrs(learning_rate, parameters, weight_decay)
        self.add_flags(skip_auto_parallel_compile=True)
        self._build_plan()

    # ---- construction --------------------------------------------------------------------
    def _init_opt_attrs(self, learning_rate, parameters, weight_decay):
        weight_decay = self._preprocess_weight_decay(weight_decay)
        if self.is_group_lr:
            if self.dynamic_lr:
                self.learning_rate = CellList(self.group_lr, auto_prefix=False)
            else:
                self.learning_rate = ParameterTuple(self.group_lr)
        else:
            self.learning_rate = self._build_single_lr(learning_rate, "learning_rate")
        if self.is_group:
            self.parameters = ParameterTuple(self.group_params)
            self._parameters = self.parameters
            self.decay_flags = tuple(isinstance(x, Cell) or x > 0 for x in self.group_weight_decay)
            self.dynamic_decay_flags = tuple(isinstance(x, Cell) for x in self.group_weight_decay)
            self.weight_decay = tuple(x if flag else Tensor(x, mstype.float32)
                                      for x, flag in zip(self.group_weight_decay, self.dynamic_decay_flags))
            self.exec_weight_decay = any(self.decay_flags)
            self.grad_centralization_flags = tuple(self.group_grad_centralization)
        else:
            self.parameters = ParameterTuple(parameters)
            self._parameters = self.parameters
            self.decay_flags = tuple("beta" not in x.name and "gamma" not in x.name for x in self._parameters)
            self.dynamic_decay_flags = isinstance(weight_decay, Cell)
            self.exec_weight_decay = isinstance(weight_decay, Cell) or weight_decay > 0
            self.weight_decay = weight_decay if self.dynamic_decay_flags else Tensor(weight_decay, mstype.float32)
        for param in self._parameters:
            if getattr(param, "unique", False):
                self._unique = False
                break
        self.reciprocal_scale = Tensor(1.0 / self.loss_scale, mstype.float32)
        self.need_scale = self.loss_scale != 1.0
        self.global_step_increase_tensor = Tensor([1], mstype.int32)
        self.param_length = len(self._parameters)
        self.map_ = _Mapper()
        self.map_reverse = _Mapper(None, True)
        self.hyper_map = _Mapper()
        self.hyper_map_reverse = _Mapper(None, True)
        self.use_parallel = False
        self.optim_filter = (True,) * self.param_length
        self.enable_tuple_broaden = True

    @staticmethod
    def _parameters_base_check(parameters, param_info):
        if parameters is None:
            raise ValueError(f"For 'Optimizer', the argument {param_info} can not be None.")
        if not isinstance(parameters, Iterable):
            raise TypeError(f"For 'Optimizer', the argument {param_info} must be Iterable type, "
                            f"but got {type(parameters)}.")
        parameters = list(parameters)
        if not parameters:
            raise ValueError(f"For 'Optimizer', the argument {param_info} must not be empty.")
        return parameters

    @staticmethod
    def _preprocess_grad_centralization(grad_centralization):
        if not isinstance(grad_centralization, bool):
            raise TypeError(f"For 'Optimizer', the 'gradients_centralization' must be bool type, "
                            f"but got {type(grad_centralization)}.")
        return grad_centralization

    def _preprocess_weight_decay(self, weight_decay):
        if isinstance(weight_decay, (float, int)):
            weight_decay = float(weight_decay)
            _non_negative_float(weight_decay, "weight_decay", self.cls_name)
            return weight_decay * self.loss_scale
        if isinstance(weight_decay, Cell):
            self.dynamic_weight_decay = True
            return _WrappedWeightDecay(weight_decay, self.loss_scale)
        raise TypeError(f"For 'Optimizer', the argument 'Weight_decay' must be int, float or Cell.but got "
                        f"{type(weight_decay)}")

    def _preprocess_single_lr(self, learning_rate):
        """A float, a float32 scalar Tensor, a float32 1-D Tensor (dynamic) or a schedule (dynamic)."""
        if isinstance(learning_rate, (float, int)):
            learning_rate = float(learning_rate)
            _non_negative_float(learning_rate, "learning rate", self.cls_name)
            return learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 0:
            return Tensor(learning_rate.asnumpy(), dtype=mstype.float32)
        self.dynamic_lr = True
        if isinstance(learning_rate, Tensor):
            if learning_rate.ndim > 1:
                raise ValueError(f"For 'Optimizer', if 'learning_rate' is Tensor type, then the dimension of it "
                                 f"should be 0 or 1, but got {learning_rate.ndim}.")
            if learning_rate.size < 2:
                _logger.warning("For 'Optimizer', if use 'Tensor' type dynamic learning rate, please make sure "
                                "that the number of elements in the tensor is greater than 1, but got %d.",
                                learning_rate.size)
            return Tensor(learning_rate.asnumpy(), dtype=mstype.float32)
        if isinstance(learning_rate, Iterable) and not isinstance(learning_rate, Cell):
            return Tensor(np.array(list(learning_rate)).astype(np.float32))
        if isinstance(learning_rate, LearningRateSchedule):
            return learning_rate
        raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be int, float, Tensor, Iterable or "
                        f"LearningRateSchedule, but got {type(learning_rate)}.")

    def _build_single_lr(self, learning_rate, name):
        """A Parameter for a fixed rate (a ``_ConvertToCell`` among dynamic groups), an
        ``_IteratorLearningRate`` for a per-step list, the schedule itself otherwise."""
        if isinstance(learning_rate, float) or (isinstance(learning_rate, Tensor) and learning_rate.ndim == 0):
            if isinstance(learning_rate, float):
                learning_rate = Tensor(learning_rate, mstype.float32)
            learning_rate = Parameter(learning_rate, name)
            if self.is_group_lr and self.dynamic_lr:
                learning_rate = _ConvertToCell(learning_rate)
            return learning_rate
        if isinstance(learning_rate, Tensor) and learning_rate.ndim == 1:
            return _IteratorLearningRate(learning_rate, name)
        return learning_rate

    def _check_group_params(self, parameters):
        keys_ok = ["params", "lr", "weight_decay", "order_params", "grad_centralization"]
        for group in parameters:
            invalid = [k for k in group.keys() if k not in keys_ok]
            if invalid:
                raise KeyError(f"For 'Optimizer', the key in group params must be one of in {keys_ok}, "
                               f"but got {invalid}.")
            if "order_params" in group:
                self._check_order_group(group)
                continue
            group_params = self._parameters_base_check(group["params"], "group `params`")
            for index, param in enumerate(group_params):
                if not isinstance(param, Parameter):
                    raise TypeError(f"For 'Optimizer', the element in group parameters must be Parameter type, "
                                    f"but got {type(param)} at index {index}.")

    @staticmethod
    def _check_order_group(group):
        if len(group) > 1:
            raise ValueError(f"For 'Optimizer', the order params dict in group parameters should only include "
                             f"the 'order_params' key, but got {group.keys()}.")
        if not isinstance(group["order_params"], Iterable):
            raise TypeError(f"For 'Optimizer', the value of 'order_params' in group parameters should be "
                            f"Iterable type, but got {type(group['order_params'])}.")

    def _parse_group_params(self, parameters, learning_rate):
        self._check_group_params(parameters)
        list_len = learning_rate.size if isinstance(learning_rate, Tensor) and learning_rate.ndim == 1 else 0
        for group in parameters:
            if "order_params" in group:
                self.is_group_params_ordered = True
                continue
            if "lr" in group:
                self.is_group_lr = True
                group_lr = self._preprocess_single_lr(group["lr"])
                if isinstance(group_lr, Tensor) and group_lr.ndim == 1:
                    if list_len == 0:
                        list_len = group_lr.size
                    elif group_lr.size != list_len:
                        raise ValueError("For 'Optimizer', the Tensor type dynamic learning rate in group must be "
                                         "the same size as the argument 'learning_rate'.")

    def _init_group_params(self, parameters, learning_rate, weight_decay, grad_centralization):
        self._parse_group_params(parameters, learning_rate)
        default_lr = self._build_single_lr(learning_rate, "learning_rate")
        seen_names = set()
        ordered = None
        for group_num, group in enumerate(parameters):
            if "order_params" in group:
                ordered = group["order_params"]
                continue
            group_params = list(group["params"])
            self.group_params += group_params
            if "lr" in group:
                lr = self._build_single_lr(self._preprocess_single_lr(group["lr"]),
                                           "learning_rate_group_" + str(group_num))
            else:
                lr = default_lr
            wd = self._preprocess_weight_decay(group.get("weight_decay", weight_decay))
            if "grad_centralization" in group:
                self.grad_centralization = self._preprocess_grad_centralization(group["grad_centralization"])
                gc = self.grad_centralization
            else:
                gc = grad_centralization
            for param in group_params:
                _value_type("parameter", param, [Parameter], self.cls_name)
                if param.name in seen_names:
                    raise RuntimeError(f"For 'Optimizer', the {param.name} parameter already exists, it does not "
                                       f"support repeated setting. Please check whether the optimizer parameter "
                                       f"has been set multiple times.")
                seen_names.add(param.name)
                self.group_lr.append(lr)
                self.group_weight_decay.append(wd)
                self.group_grad_centralization.append(gc)
        if self.is_group_params_ordered:
            self._order_and_adjust_group_params(ordered)

    def _order_and_adjust_group_params(self, ordered_parameters):
        ordered_parameters = list(ordered_parameters)
        n = len(self.group_params)
        if len(ordered_parameters) != n:
            raise ValueError(f"For 'Optimizer',the length of order parameters must be the same as the length of "
                             f"group parameters, but got order parameters' length {len(ordered_parameters)}, "
                             f"group parameters' length {n}.")
        names = [p.name for p in ordered_parameters]
        slots = [[None] * n for _ in range(4)]
        for param, lr, wd, gc in zip(self.group_params, self.group_lr, self.group_weight_decay,
                                     self.group_grad_centralization):
            if param.name not in names:
                raise ValueError(f"For 'Optimizer', the parameter {param.name} is not in 'order_params'.")
            i = names.index(param.name)
            slots[0][i], slots[1][i], slots[2][i], slots[3][i] = param, lr, wd, gc
        self.group_params, self.group_lr, self.group_weight_decay, self.group_grad_centralization = slots

    def _build_plan(self):
        """Decide once: the learning-rate source of each parameter, the buckets of parameters sharing
        one (updated with one foreach call each), which gradients decay with which coefficient, and
        which gradients are centralized."""
        n = self.param_length
        d = self.__dict__
        # learning-rate slots
        if self.is_group_lr:
            lr_objs = [self.learning_rate[i] for i in range(n)]
        else:
            lr_objs = [self.learning_rate] * n
        slots, slot_of, slot_ids = [], [], {}
        for obj in lr_objs:
            if id(obj) not in slot_ids:
                slot_ids[id(obj)] = len(slots)
                slots.append(self._lr_source(obj))
            slot_of.append(slot_ids[id(obj)])
        d["_lr_slots"] = slots
        d["_param_slot"] = slot_of
        d["_buckets"] = self._bucket(slot_of)
        # weight decay: [(indices or None for all, coefficient source)]
        plan = []
        if self.exec_weight_decay:
            if self.is_group:
                keyed = {}
                for i, (flag, wd) in enumerate(zip(self.decay_flags, self.group_weight_decay)):
                    if flag:
                        key = ("cell", id(wd)) if isinstance(wd, Cell) else ("f", float(_f32(wd)))
                        keyed.setdefault(key, (wd if isinstance(wd, Cell) else float(_f32(wd)), []))[1].append(i)
                plan = [(idx if len(idx) < n else None, src) for src, idx in keyed.values()]
            else:
                idx = [i for i, f in enumerate(self.decay_flags) if f]
                src = self.weight_decay if self.dynamic_decay_flags else float(_f32(self.weight_decay._t.item()))
                if idx:
                    plan = [(idx if len(idx) < n else None, src)]
        d["_decay_plan"] = plan
        # gradient centralization: parameters of rank >= 2 whose second dimension is a multiple of 16
        gc_idx = []
        if self.is_group:
            for i, (flag, p) in enumerate(zip(self.grad_centralization_flags, self._parameters)):
                if flag and len(p.shape) >= 2 and p.shape[1] % 16 == 0:
                    gc_idx.append(i)
        d["_gc_idx"] = gc_idx
        d["_recip"] = float(_f32(1.0 / self.loss_scale))
        d["_step_host"] = _HostValue(self.global_step, _read_int)
        d["_success"] = (True,) * n

    @staticmethod
    def _bucket(keys):
        """Indices grouped by key, in first-appearance order; a bucket holding every index in order is
        marked None (the foreach calls then take the full lists as they are)."""
        groups = {}
        for i, k in enumerate(keys):
            groups.setdefault(k, []).append(i)
        n = len(keys)
        return [(k, None if len(idx) == n else idx) for k, idx in groups.items()]

    @staticmethod
    def _lr_source(obj):
        if isinstance(obj, _ConvertToCell):
            return _ConvertedLr(obj.learning_rate)
        if isinstance(obj, _IteratorLearningRate):
            return _ListLr(obj.learning_rate)
        if isinstance(obj, Parameter):
            return _StaticLr(obj)
        return _ScheduleLr(obj)

    # ---- properties ---------------------------------------------------------------------
    @property
    def unique(self):
        return self._unique

    @unique.setter
    def unique(self, value):
        if not isinstance(value, bool):
            raise TypeError(f"For 'Optimizer', the property 'unique' must be bool, but got {type(value)}")
        self._unique = value

    @property
    def target(self):
        return self._target

    @target.setter
    def target(self, value):
        raise NotImplementedError

    def _set_base_target(self, value):
        if not isinstance(value, str):
            raise TypeError(f"For 'Optimizer', the property 'target' must be string, but got {type(value)}")
        if value not in ("CPU", "Ascend", "GPU"):
            raise ValueError(f"For 'Optimizer', the property 'target' must be one of ['CPU', 'Ascend' ,'GPU'], "
                             f"but got {value}")
        self._is_device = value != "CPU"
        self._target = value

    # ---- the step, on torch tensors (used by the subclasses' construct) ------------------
    def _torch_grads(self, gradients):
        n = self.param_length
        if len(gradients) != n:
            raise RuntimeError(f"For '{self.cls_name}', the number of gradients must equal the number of "
                               f"parameters ({n}), but got {len(gradients)}. The tuples in HyperMap should have "
                               f"the same length.")
        return [g._t if isinstance(g, Tensor) else torch.as_tensor(g) for g in gradients]

    def _decay_value(self, src):
        if isinstance(src, float):
            return src
        value = src(self.global_step)._t.reshape(-1)[0]
        return value if self._graph_update and torch.compiler.is_compiling() else float(value)

    def _apply_decay(self, gs, ps):
        """``grad + wd * param`` for the decaying parameters; new tensors, the inputs are not written."""
        for idx, src in self._decay_plan:
            wd = self._decay_value(src)
            if idx is None:
                gs = _add_scaled(gs, ps, wd)
            else:
                gs = list(gs)
                new = _add_scaled([gs[i] for i in idx], [ps[i] for i in idx], wd)
                for i, t in zip(idx, new):
                    gs[i] = t
        return gs

    def _prepare(self, gs, ps):
        """Weight decay, centralization, then ``grad * (1 / loss_scale)``, as the reference orders them.
        Never writes into the caller's gradient tensors."""
        if self._decay_plan:
            gs = self._apply_decay(gs, ps)
        if self._gc_idx:
            gs = list(gs)
            for i in self._gc_idx:
                g = gs[i]
                gs[i] = g - g.mean(dim=tuple(range(1, g.dim())), keepdim=True)
        if self.need_scale:
            gs = torch._foreach_mul(gs, self._recip)
        return gs

    def _lr_values(self):
        """The learning rate of every slot at the current step (host floats)."""
        step = self._step_host.get()
        return [s.value(self, step) for s in self._lr_slots]

    def _lr_tensors(self):
        """The learning rate of every slot at the current step as 0-d tensors (read in the graph)."""
        return [s.tensor(self) for s in self._lr_slots]

    def _advance(self):
        """``global_step += 1`` in place (after the learning rates were read)."""
        if torch.compiler.is_compiling():
            self.global_step._t.add_(1)     # the host mirror sees the version change and re-reads
            return
        step = self._step_host.get()
        self.global_step._t.add_(1)
        self._step_host.wrote(step + 1)

    def _begin_step(self, gradients):
        """The start every update shares: the parameters' torch tensors, the prepared gradients and the
        learning rates of this step; then ``global_step`` advances. Call under ``torch.no_grad()``."""
        ps = [p._t for p in self._parameters]
        gs = self._prepare(self._torch_grads(gradients), ps)
        return ps, gs, self._lrs_and_advance()

    def _lrs_and_advance(self):
        """This step's learning rates (host floats; 0-d tensors while ms.jit traces a ``_graph_update``
        optimizer), then ``global_step += 1``."""
        lrs = self._lr_tensors() if self._graph_update and torch.compiler.is_compiling() else self._lr_values()
        self._advance()
        return lrs

    # ---- the reference's public helpers (on Tensors) ---------------------------------------
    def flatten_gradients(self, gradients):
        return gradients

    def decay_weight(self, gradients):
        if not self.exec_weight_decay:
            return gradients
        with torch.no_grad():
            out = self._apply_decay([g._t for g in gradients], [p._t for p in self._parameters])
        return tuple(Tensor._make(t) for t in out)

    def gradients_centralization(self, gradients):
        if not self.is_group or not self._gc_idx:
            return gradients
        out = list(gradients)
        for i in self._gc_idx:
            g = out[i]._t
            out[i] = Tensor._make(g - g.mean(dim=tuple(range(1, g.dim())), keepdim=True))
        return tuple(out)

    def scale_grad(self, gradients):
        if not self.need_scale:
            return gradients
        return tuple(Tensor._make(t) for t in torch._foreach_mul([g._t for g in gradients], self._recip))

    def get_weight_decay(self):
        """The weight decay of this step (Tensors; a tuple per parameter for groups)."""
        if self.dynamic_weight_decay:
            if self.is_group:
                return tuple(wd(self.global_step) if flag else wd
                             for wd, flag in zip(self.weight_decay, self.dynamic_decay_flags))
            return self.weight_decay(self.global_step)
        return self.weight_decay

    def get_lr(self):
        """The learning rate of the current step: the ``learning_rate`` Parameter(s) for fixed rates,
        a scalar Tensor (a tuple per parameter for groups) for dynamic ones."""
        lr = self.learning_rate
        if self.dynamic_lr:
            if self.is_group_lr:
                return tuple(cell(self.global_step).reshape(()) for cell in self.learning_rate)
            return self.learning_rate(self.global_step).reshape(())
        return lr

    def get_lr_parameter(self, param):
        """The learning rate (Parameter or schedule) used for ``param`` (a Parameter or a list of them)."""
        if isinstance(param, Parameter):
            param_list = [param]
        elif isinstance(param, list):
            param_list = param
        else:
            raise TypeError(f"For 'get_lr_parameter', the 'param' must be 'Parameter' or 'list' type, "
                            f"but got {type(param)}.")
        ids = [id(p) for p in self._parameters]
        out = []
        for p in param_list:
            _value_type("parameter", p, [Parameter], self.cls_name)
            if id(p) not in ids:
                raise ValueError(f"For 'get_lr_parameter', the parameter {p.name} is not in optimizer, please "
                                 f"check whether the argument 'param' is correct.")
            lr = self.learning_rate[ids.index(id(p))] if self.is_group_lr else self.learning_rate
            if isinstance(lr, (_ConvertToCell, _IteratorLearningRate)):
                lr = lr.learning_rate
            out.append(lr)
        return out if isinstance(param, list) else out[0]

    def _is_dynamic_lr_or_weight_decay(self):
        return self.dynamic_lr or self.dynamic_weight_decay

    def broadcast_params(self, optim_result):
        return optim_result

    def construct(self, *hyper_params):
        raise NotImplementedError


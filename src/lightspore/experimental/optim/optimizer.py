"""The base of ``mindspore.experimental.optim``: param groups, one float32 learning-rate Parameter per group
(``optimizer.lrs``, also ``group['lr']``), the flat ``parameters`` tuple and the per-group slices."""
from collections import defaultdict
from collections.abc import Iterable

import torch

from ... import log as logger
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from ...nn.cell import Cell

__all__ = ["Optimizer"]


def _param_groups(params):
    """``params`` (an iterable of Parameters, or of param-group dicts) as a list of param-group dicts, checked
    as the reference's Optimizer checks it (this module's Optimizer and ``mint.optim``'s)."""
    if params is None:
        raise ValueError("For 'Optimizer', the argument params can not be None.")
    if not isinstance(params, Iterable):
        raise TypeError(f"For 'Optimizer', the argument params must be Iterable type, but got {type(params)}.")
    params = list(params)
    if not params:
        raise ValueError("For 'Optimizer', the argument params must not be empty.")
    return params if isinstance(params[0], dict) else [{"params": params}]


def _group_parameters(param_group, param_groups):
    """The Parameters of ``param_group`` (a dict) as a list, checked: none of them may be in ``param_groups``
    already (a repeat within the group only warns, as in the reference)."""
    if not isinstance(param_group, dict):
        raise TypeError("Param group must be a dict.")
    ps = param_group["params"]
    if isinstance(ps, Parameter):
        ps = [ps]
    elif isinstance(ps, set):
        raise TypeError("Optimizer parameters need to be organized in ordered collections, but the ordering of "
                        "tensors in sets will change between runs. Please use a list instead.")
    else:
        ps = list(ps)
    for p in ps:
        if not isinstance(p, Parameter):
            raise TypeError(f"Optimizer can only optimize Parameters, but one of the params is {type(p)}")
    if len({id(p) for p in ps}) != len(ps):
        logger.warning("Optimizer contains a parameter group with duplicate parameters.")
    seen = {id(p) for g in param_groups for p in g["params"]}
    if any(id(p) in seen for p in ps):
        raise ValueError("some parameters appear in more than one parameter group.")
    return ps


class Optimizer(Cell):
    """Base class: ``Optimizer(params, defaults)``; ``params`` is an iterable of Parameters or of dicts
    (param groups with their own options); ``defaults`` fills the options a group leaves out."""

    def __init__(self, params, defaults):
        super().__init__(auto_prefix=False)
        groups = _param_groups(params)
        self.defaults = defaults
        self.state = defaultdict(dict)
        self.param_groups = []
        self.lrs = []
        self.group_start_id = [0]
        self._flat = []
        self.parameters = ()
        for group in groups:
            self.add_param_group(group)

    def __repr__(self):
        s = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            s += f"\nParameter Group {i}\n"
            for key in sorted(group):
                if key == "params":
                    continue
                v = group[key]
                s += f"    {key}: {v.value() if key == 'lr' and isinstance(v, Parameter) else v}\n"
        return s + ")"

    def add_param_group(self, param_group):
        """Add a group: a dict with 'params' and optional per-group options."""
        ps = _group_parameters(param_group, self.param_groups)
        param_group["params"] = ps
        for k, v in self.defaults.items():
            param_group.setdefault(k, v)
        gid = len(self.param_groups)
        lr = self._build_lr(param_group.get("lr"), f"learning_rate_group_{gid}")
        wd = param_group.get("weight_decay", 0.0)
        if isinstance(wd, bool) or not isinstance(wd, (int, float)):
            raise TypeError(f"For 'Optimizer', the argument 'Weight_decay' must be int or float.but got {type(wd)}")
        if wd < 0:
            raise ValueError(f"For '{type(self).__name__}', the 'weight_decay' must be non-negative, but got {wd}.")
        self.lrs.append(lr)
        param_group["lr"] = lr
        param_group["weight_decay"] = float(wd)
        self.param_groups.append(param_group)
        self.group_start_id.append(self.group_start_id[-1] + len(ps))
        self._flat.extend(ps)
        self.parameters = ParameterTuple(self._flat)

    def _build_lr(self, lr, name):
        if isinstance(lr, (float, int)) and not isinstance(lr, bool):
            if lr < 0:
                raise ValueError(f"For '{type(self).__name__}', the 'learning rate' must be non-negative, but got "
                                 f"{lr}.")
            t = torch.tensor(float(lr), dtype=torch.float32)
        elif isinstance(lr, Tensor):
            if lr.ndim != 0:
                raise ValueError("For 'Optimizer', if 'learning_rate' is a Tensor, then it should be scalar Tensor")
            t = lr._t.detach().to(torch.float32).clone()
        else:
            raise TypeError(f"For 'Optimizer', the argument 'learning_rate' must be int, float or Tensor, but got "
                            f"{type(lr)}.")
        return Parameter(Tensor._make(t), name, requires_grad=False)

    def _grads(self, gradients, counter=None):
        """The gradients as torch tensors, checked against the parameters. With ``counter`` (a step-count
        Parameter) the step is counted first and ``(gradients, the new count's torch tensor)`` returned."""
        gradients = tuple(gradients)
        if len(gradients) != len(self._flat):
            raise ValueError(f"For '{type(self).__name__}', the number of gradients ({len(gradients)}) must equal "
                             f"the number of parameters ({len(self._flat)}).")
        grads = [g._t if isinstance(g, Tensor) else torch.as_tensor(g) for g in gradients]
        if counter is None:
            return grads
        counter._t.add_(1)
        return grads, counter._t

    def _group_slices(self):
        for gid, group in enumerate(self.param_groups):
            yield gid, group, self.group_start_id[gid], self.group_start_id[gid + 1]

    @staticmethod
    def _lr_of(group):
        """The group's learning rate as a float32 scalar tensor (a float put in ``group['lr']`` is used as is,
        as the reference does)."""
        lr = group["lr"]
        if isinstance(lr, Tensor):
            return lr._t
        return torch.tensor(float(lr), dtype=torch.float32)

    def construct(self, *hyper_params):
        raise NotImplementedError(f"'{type(self).__name__}' does not define an update step.")


def _state(opt, prefix, init="zeros"):
    return opt.parameters.clone(prefix=prefix, init=init)


def _check_nonneg(value, name, cls):
    if value < 0.0:
        raise ValueError(f"For {cls}, the {name} must be greater than or equal to 0.0, but got {value}.")


def _check_pos(value, name, cls):
    if value <= 0.0:
        raise ValueError(f"For {cls}, the {name} must be greater than 0.0, but got {value}.")


_F32 = mstype.to_torch(mstype.float32)


def _check_range(value, name, cls, low, high, inc_low=True, inc_high=False):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"For '{cls}', the type of '{name}' must be float, but got {type(value).__name__}.")
    ok = (value >= low if inc_low else value > low) and (value <= high if inc_high else value < high)
    if not ok:
        lo, hi = "[" if inc_low else "(", "]" if inc_high else ")"
        raise ValueError(f"For '{cls}', the '{name}' must be in range of {lo}{low}, {high}{hi}, but got {value}.")


def _f32(v):
    return torch.tensor(v, dtype=torch.float32)


def _decayed(grads, params, wd, maximize=False):
    """The gradients negated for ``maximize`` and with L2 weight decay added, as the reference's _decay_weight."""
    out = []
    for g, p in zip(grads, params):
        g = -g if maximize else g
        out.append(g + p * wd if wd != 0.0 else g)
    return out

"""``Parameter`` and ``ParameterTuple``.

A Parameter's torch tensor is a leaf with ``requires_grad=False`` at rest; gradient transforms switch
it on only for the weights they differentiate (see ``lightspore.ops.composite``).
"""
from __future__ import annotations

import itertools

import numpy as np
import torch

from . import dtype as mstype
from .tensor import Tensor, _to_torch_data

__all__ = ["Parameter", "ParameterTuple"]

PARAMETER_NAME_DEFAULT = "Parameter"
_GENERATED_PREFIX = PARAMETER_NAME_DEFAULT + "#"
_NAME_MAX_LEN = 1024
_name_ids = itertools.count(1)


def _generate_name():
    return _GENERATED_PREFIX + str(next(_name_ids))


def _is_generated(name):
    return name.startswith(_GENERATED_PREFIX)


def _initial_data(default_input):
    """Parameter's own copy of the initial value (the reference copies; ints -> Int32, floats -> Float32)."""
    if isinstance(default_input, bool):
        raise ValueError("Parameter data can not be `bool`")
    if isinstance(default_input, Tensor):
        return default_input._t.detach().clone()
    if isinstance(default_input, int) and not isinstance(default_input, np.generic):
        return torch.tensor(default_input, dtype=torch.int32)
    if isinstance(default_input, float):
        return torch.tensor(default_input, dtype=torch.float32)
    if isinstance(default_input, np.ndarray):
        return torch.from_numpy(np.array(default_input, copy=True, order="C"))
    if isinstance(default_input, (list, np.ndarray)):
        return _to_torch_data(default_input).detach().clone()
    raise TypeError(f"The type of the argument 'default_input' must be in ['Tensor', 'int', 'float', "
                    f"'numpy.ndarray', 'list']. But got type {type(default_input)}.")


class Parameter(Tensor):
    """A Tensor that a Cell owns and optimizers update.

    ``Parameter(default_input, name=None, requires_grad=True, layerwise_parallel=False,
    parallel_optimizer=True, storage_format='', device=None)``
    """

    def __init__(self, default_input, name=None, requires_grad=True, layerwise_parallel=False,
                 parallel_optimizer=True, storage_format="", device=None):
        t = _initial_data(default_input)
        from ._device import current_device

        dev = current_device()
        if t.device != dev and not t.is_meta:   # a meta tensor stays meta (Cell.to_empty gives it storage)
            t = t.to(dev)
        self._t = t
        init = getattr(default_input, "init", None) if isinstance(default_input, Tensor) else None
        if init is not None:
            self._init = init
        self.name = name
        self.requires_grad = requires_grad
        self.layerwise_parallel = bool(layerwise_parallel)
        self.parallel_optimizer = bool(parallel_optimizer)
        self.storage_format = storage_format
        self.is_init = False
        self.sliced = False
        self.requires_aggr = True
        self.cache_enable = False

    # ---- identity ----------------------------------------------------------------------
    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name_):
        if name_ is None:
            name_ = _generate_name()
        elif isinstance(name_, str):
            name_ = name_.strip() or _generate_name()
            if len(name_) > _NAME_MAX_LEN:
                raise ValueError(f"The length of the '{name_}' name should be less than {_NAME_MAX_LEN}.")
        else:
            raise ValueError(f"The type of the Parameter's name should be 'string' or 'None', "
                             f"but got {type(name_)}.")
        self._name = name_

    @property
    def requires_grad(self):
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, value=True):
        if not isinstance(value, bool):
            raise TypeError("The argument `requires_grad` must be bool type")
        self._requires_grad = value

    @property
    def comm_fusion(self):
        """The fusion group of this Parameter's gradient all-reduce (``Cell.set_comm_fusion``); 1 by default."""
        return self.__dict__.get("_comm_fusion", 1)

    @comm_fusion.setter
    def comm_fusion(self, comm_fusion_):
        from .._checkparam import check_non_negative_int
        check_non_negative_int(comm_fusion_)
        self.__dict__["_comm_fusion"] = comm_fusion_

    @property
    def inited_param(self):
        return None

    @property
    def has_init(self):
        return False

    @property
    def data(self):
        return self

    def __str__(self):
        return (f"Parameter (name={self.name}, shape={self.shape}, dtype={self.dtype}, "
                f"requires_grad={self.requires_grad})")

    __repr__ = __str__

    def __reduce__(self):
        return (_rebuild_parameter, (self.asnumpy().copy(), str(self.dtype), self.name, self.requires_grad))

    def __deepcopy__(self, memo):
        new = Parameter(self, requires_grad=self.requires_grad)
        new.name = self.name
        return new

    def __copy__(self):
        return self.__deepcopy__({})

    # ---- data --------------------------------------------------------------------------
    def value(self):
        """The parameter's current value as a Tensor (shares memory)."""
        return Tensor._make(self._t.detach())

    def set_data(self, data, slice_shape=False):
        """Replace the data; a Tensor is taken without a copy, cast to this parameter's dtype."""
        if isinstance(data, bool) or not isinstance(data, (Tensor, int, float)):
            raise TypeError(f"Parameter data must be [`Tensor`, `int`, `float`] or a kind of `Tensor` "
                            f"(like `Tensor`). But with type {type(data)}.")
        cur = self._t
        if isinstance(data, (int, float)):
            if isinstance(data, float) and not (cur.is_floating_point() or cur.is_complex()):
                raise TypeError(f"For 'Parameter.set_data', the data type of parameter '{self.name}' is "
                                f"{self.dtype}, it can not be set from a float.")
            new = torch.tensor(data, dtype=cur.dtype, device=cur.device)
        else:
            new = data._t.detach()
            if new.dtype != cur.dtype:
                new = new.to(cur.dtype)
            if new.device != cur.device:
                new = new.to(cur.device)
        self._t = new
        self.sliced = slice_shape
        return self

    def _update_in_place(self, new):
        """Copy ``new`` (torch) into the current storage (used by optimizers and load)."""
        with torch.no_grad():
            self._t.copy_(new)

    def init_data(self, layout=None, set_sliced=False):
        return self

    def clone(self, init="same"):
        """A new Parameter with the same name and flags; data copied, or drawn from ``init``."""
        x = Parameter(self, name=self.name, requires_grad=self.requires_grad,
                      layerwise_parallel=self.layerwise_parallel, parallel_optimizer=self.parallel_optimizer)
        if init != "same":
            from .initializer import initializer

            x.set_data(initializer(init, shape=self.shape, dtype=self.dtype))
        return x

    def copy(self):
        return self.clone(init="same")


def _rebuild_parameter(arr, dtype_name, name, requires_grad):
    dt = mstype._by_name(dtype_name)
    return Parameter(Tensor._make(torch.from_numpy(arr).to(mstype.to_torch(dt))), name=name,
                     requires_grad=requires_grad)


class ParameterTuple(tuple):
    """A tuple of Parameters with unique names."""

    def __new__(cls, iterable):
        data = tuple(iterable)
        ids, names = set(), set()
        for x in data:
            if not isinstance(x, Parameter):
                raise TypeError(f"For ParameterTuple initialization, ParameterTuple input should be "
                                f"'Parameter' collection, but got a {type(x)}. ")
            if id(x) not in ids:
                if x.name in names:
                    raise ValueError(f"The value {x} , its name '{x.name}' already exists. "
                                     "Please set a unique name for the parameter.")
                names.add(x.name)
                ids.add(id(x))
        return tuple.__new__(cls, data)

    def clone(self, prefix, init="same"):
        if not isinstance(prefix, str):
            raise TypeError(f"For 'ParameterTuple.clone', 'prefix' must be str, but got {type(prefix).__name__}")
        new = []
        for x in self:
            x1 = x.clone(init)
            x1.name = prefix + "." + x1.name
            new.append(x1)
        return ParameterTuple(new)

"""``Bijector``: the base Cell of the invertible transforms (``mindspore.nn.probability.bijector``).

A subclass implements ``_forward``, ``_inverse``, ``_forward_log_jacobian`` and ``_inverse_log_jacobian`` on torch
tensors; the public methods wrap the result as a Tensor. Calling a bijector on a Distribution gives the
TransformedDistribution of the two.
"""
import torch

from .... import _checkparam as validator
from ....common import dtype as mstype
from ....common.tensor import Tensor
from ...cell import Cell
from ..distribution._utils.utils import (
    CheckTensor,
    ParamsRecord,
    _t,
    _wrap,
    batch_repr,
    cast_to_tensor,
    check_type_name,
    raise_type_error,
    read_only,
)
from ..distribution.distribution import Distribution
from ..distribution.transformed_distribution import TransformedDistribution

__all__ = ["Bijector"]

_METHODS = ("forward", "inverse", "forward_log_jacobian", "inverse_log_jacobian")


class Bijector(ParamsRecord, Cell):
    """Base class of the bijectors. ``is_constant_jacobian``: the Jacobian does not depend on the input;
    ``dtype``: the float dtype inputs must have (None: any float dtype); ``param``: the subclass's ``locals()``
    with ``param_dict`` naming its parameters."""

    def __init__(self, is_constant_jacobian=False, is_injective=True, name=None, dtype=None, param=None):
        super().__init__()
        validator.check_value_type('name', name, [str], type(self).__name__)
        validator.check_value_type('is_constant_jacobian', is_constant_jacobian, [bool], name)
        validator.check_value_type('is_injective', is_injective, [bool], name)
        if dtype is not None:
            check_type_name("dtype", dtype, mstype.float_type, type(self).__name__)
        self._name = name
        self._dtype = dtype
        self._parameters = {k: v for k, v in param.items()
                            if k != 'param' and not (k == 'self' or k.startswith('_'))}
        if 'bijector' not in param:
            self._batch_shape = self._calc_batch_shape()
            self._is_scalar_batch = self._check_is_scalar_batch()
        self._is_constant_jacobian = is_constant_jacobian
        self._is_injective = is_injective
        self.checktensor = CheckTensor()

    is_constant_jacobian = read_only('_is_constant_jacobian', "Whether the Jacobian does not depend on the input.")
    is_injective = read_only('_is_injective', "Whether the transform is one-to-one.")

    def extend_repr(self):
        return batch_repr(self, self.batch_shape)

    def _check_value_dtype(self, value):
        """``value`` as a torch tensor: a float Tensor (of the bijector's dtype when it has one)."""
        self.checktensor(value, 'input value of bijector')
        t = _t(value)
        if self.dtype is None:
            if t.is_floating_point():
                return t
            return raise_type_error('input value of bijector', mstype.from_torch(t.dtype), mstype.float_)
        if t.dtype != mstype.to_torch(self.dtype):
            raise TypeError(f"For '{self.name}', the input value must have the bijector's dtype {self.dtype}, "
                            f"but got {mstype.from_torch(t.dtype)}.")
        return t

    def _shape_mapping(self, shape):
        # as in the reference, this needs a ``parameter_type`` attribute, which only a subclass can set (the
        # built-in bijectors have none: AttributeError)
        mstype.to_torch(self.parameter_type)
        return tuple(torch.broadcast_shapes(tuple(shape), tuple(self.batch_shape)))

    def shape_mapping(self, shape):
        """``shape`` broadcast with the bijector's batch shape."""
        return self._shape_mapping(shape)

    def _add_parameter(self, value, name):
        """Record a parameter (a float number or float Tensor; not None or bool) and return it as a Tensor."""
        if not hasattr(self, 'default_parameters'):
            self.default_parameters = []
            self.parameter_names = []
            self.common_dtype = None
        if isinstance(value, bool) or value is None:
            raise TypeError(f"{name} cannot be type {type(value)}")
        value_t = value if isinstance(value, Tensor) else Tensor(value)
        if self.dtype is None:
            if self.common_dtype is None:
                self.common_dtype = value_t.dtype
            elif value_t.dtype != self.common_dtype:
                raise TypeError(f"{name} should have the same dtype as other arguments.")
            check_type_name(f"dtype of {name}", value_t.dtype, mstype.float_type, type(self).__name__)
        elif value_t.dtype != self.dtype:
            raise TypeError(f"{name} should have the same dtype as the bijector's dtype.")
        self.default_parameters += [value]
        self.parameter_names += [name]
        return value_t

    def _calc_batch_shape(self):
        if 'param_dict' not in self.parameters:
            return None
        shape = None
        for value in self.parameters.get('param_dict').values():
            if value is None:
                return None
            s = tuple(cast_to_tensor(value).shape)
            shape = s if shape is None else tuple(torch.broadcast_shapes(shape, s))
        return shape

    def _check_is_scalar_batch(self):
        if 'param_dict' not in self.parameters:
            return False
        return all(v is None or isinstance(v, (int, float)) for v in self.parameters.get('param_dict').values())

    def _check_value(self, value, name):
        self.checktensor(value, name)
        return value

    def cast_param_by_value(self, value, para):
        """``para`` cast to the dtype of ``value``."""
        return _t(para).to(_t(value).dtype)

    def forward(self, value, *args, **kwargs):
        """y = f(x)."""
        return _wrap(self._forward(value, *args, **kwargs))

    def inverse(self, value, *args, **kwargs):
        """x = f^-1(y)."""
        return _wrap(self._inverse(value, *args, **kwargs))

    def forward_log_jacobian(self, value, *args, **kwargs):
        """log |df/dx| at x."""
        return _wrap(self._forward_log_jacobian(value, *args, **kwargs))

    def inverse_log_jacobian(self, value, *args, **kwargs):
        """log |df^-1/dy| at y."""
        return _wrap(self._inverse_log_jacobian(value, *args, **kwargs))

    def __call__(self, *args, **kwargs):
        if args and isinstance(args[0], Distribution):
            return TransformedDistribution(self, args[0])
        return super().__call__(*args, **kwargs)

    def construct(self, name, *args, **kwargs):
        """``bijector('forward', x)``: the method called ``name``."""
        if name in _METHODS:
            return getattr(self, name)(*args, **kwargs)
        raise Exception('Invalid name')

"""Argument checks and conversions of ``mindspore.nn.probability`` (module ``distribution._utils.utils``).

The checks look at concrete values once, at construction; the torch-level helpers (``_t``, ``_wrap``) are what
the distributions compute with.
"""
import numpy as np
import torch

from ..... import context
from .....common import dtype as mstype
from .....common.parameter import Parameter
from .....common.tensor import Tensor


def _t(x):
    """The torch tensor behind a lightspore Tensor (a torch tensor passes through)."""
    return x._t if isinstance(x, Tensor) else x


def _wrap(x):
    """torch results -> lightspore Tensors (tuples recurse; anything else passes through)."""
    if isinstance(x, torch.Tensor):
        return Tensor._make(x)
    if isinstance(x, tuple):
        return tuple(_wrap(v) for v in x)
    return x


def _np_of(value):
    return value._t.detach().cpu().numpy() if isinstance(value, Tensor) else np.asarray(value)


def cast_to_tensor(t, hint_type=mstype.float32):
    """``t`` (a Tensor, ndarray, list, int or float) as a Tensor of ``hint_type``; a Parameter is kept as is."""
    if t is None:
        raise ValueError("Input cannot be None in cast_to_tensor")
    if isinstance(t, Parameter):
        return t
    if isinstance(t, bool):
        raise TypeError("Input cannot be Type Bool")
    if isinstance(t, (Tensor, np.ndarray, list, int, float)):
        return Tensor(t, dtype=hint_type)
    raise TypeError(f"Unable to convert input of type {type(t)} to a Tensor of type {hint_type}")


def cast_type_for_device(dtype):
    """The dtype a distribution computes in on the current device (GPU narrows 64-bit and small ints)."""
    if context.get_context("device_target") == "GPU":
        if dtype in mstype.uint_type or dtype == mstype.int8:
            return mstype.int16
        if dtype == mstype.int64:
            return mstype.int32
        if dtype == mstype.float64:
            return mstype.float32
    return dtype


def check_greater_equal_zero(value, name):
    """ValueError unless every element of ``value`` is >= 0."""
    if (_np_of(value) < 0).any():
        raise ValueError(f'{name} must be greater than or equal to zero.')


def check_greater_zero(value, name):
    """ValueError unless every element of ``value`` is > 0."""
    if value is None:
        raise ValueError('input value cannot be None in check_greater_zero')
    if not (_np_of(value) > 0).all():
        raise ValueError(f'{name} must be greater than zero.')


def check_greater(a, b, name_a, name_b):
    """ValueError unless ``a < b`` everywhere (Parameters are not checked)."""
    if a is None or b is None:
        raise ValueError('input value cannot be None in check_greater')
    if isinstance(a, Parameter) or isinstance(b, Parameter):
        return
    if not (_np_of(a) < _np_of(b)).all():
        raise ValueError(f'{name_a} must be less than {name_b}')


def check_prob(p):
    """ValueError unless every probability is strictly between 0 and 1."""
    if p is None:
        raise ValueError('input value cannot be None in check_greater_zero')
    p = _np_of(p)
    if not (p > 0).all():
        raise ValueError('Probabilities must be greater than zero')
    if not (p < 1).all():
        raise ValueError('Probabilities must be less than one')


def check_sum_equal_one(probs):
    """ValueError unless the probabilities along the last axis sum to one."""
    if probs is None:
        raise ValueError('input value cannot be None in check_sum_equal_one')
    total = np.sum(_np_of(probs), axis=-1)
    eps = np.finfo(total.dtype).eps
    if not np.allclose(total, np.ones(total.shape), rtol=eps * 10, atol=eps):
        raise ValueError('Probabilities for each category should sum to one for Categorical distribution.')


def check_rank(probs):
    """ValueError when ``probs`` is 0-d."""
    if probs is None:
        raise ValueError('input value cannot be None in check_rank')
    if _np_of(probs).ndim == 0:
        raise ValueError('probs for Categorical distribution must have rank >= 1.')


def logits_to_probs(logits, is_binary=False):
    """Sigmoid (binary) or softmax over the last axis."""
    t = _t(logits)
    return _wrap(torch.sigmoid(t) if is_binary else torch.softmax(t, -1))


def _clamp_probs(t):
    eps = torch.finfo(t.dtype).eps
    return t.clamp(eps, 1 - eps)


def clamp_probs(probs):
    """``probs`` clipped into [eps, 1 - eps] of its dtype."""
    return _wrap(_clamp_probs(_t(probs)))


def probs_to_logits(probs, is_binary=False):
    """Log-odds (binary) or log of the clamped probabilities."""
    p = _clamp_probs(_t(probs))
    return _wrap(torch.log(p) - torch.log1p(-p) if is_binary else torch.log(p))


def raise_none_error(name):
    raise TypeError(f"the type {name} must be subclass of Tensor."
                    f" It can not be None since it is not specified during initialization.")


def raise_broadcast_error(shape_a, shape_b):
    raise ValueError(f"Shape {shape_a} and {shape_b} is not broadcastable.")


def raise_not_impl_error(name):
    raise ValueError(f"{name} function must be implemented for non-linear transformation")


def raise_not_implemented_util(func_name, obj, *args, **kwargs):
    raise NotImplementedError(f"{func_name} is not implemented for {obj} distribution.")


def raise_type_error(name, cur_type, required_type):
    raise TypeError(f"For {name} , the type must be or be subclass of {required_type}, but got {cur_type}")


def raise_not_defined(func_name, obj, *args, **kwargs):
    raise ValueError(f"{func_name} is undefined for {obj} distribution.")


def check_distribution_name(name, expected_name):
    """ValueError unless ``name`` (the ``dist`` argument of kl_loss/cross_entropy) is ``expected_name``."""
    if name is None:
        raise ValueError("Input dist must be a constant which is not None.")
    if name != expected_name:
        raise ValueError(f"Expected dist input is {expected_name}, but got {name}.")


def check_type_name(arg_name, dtype, valid_types, cls_name):
    """TypeError unless ``dtype`` is one of ``valid_types``."""
    if dtype not in valid_types:
        raise TypeError(f"For '{cls_name}', the '{arg_name}' should be one of {list(valid_types)}, "
                        f"but got '{dtype}'.")


class CheckTuple:
    """``CheckTuple()(x, name)``: ``x`` when it is a tuple, else TypeError."""

    def __call__(self, x, name):
        if isinstance(x, tuple):
            return x
        raise TypeError(f"For {name}, input type must be a tuple.")


class CheckTensor:
    """``CheckTensor()(x, name)``: ``x`` when it is a Tensor (or None), else TypeError."""

    def __call__(self, x, name):
        if x is None or isinstance(x, (Tensor, torch.Tensor)):
            return x
        raise TypeError(f"For {name}, input type must be a Tensor or Parameter.")


_INT_TYPES = mstype.int_type + mstype.uint_type


def set_param_type(args, hint_type):
    """The dtype the parameters ``args`` ({name: value}) are computed in: their common float dtype (ints and
    float64 become float32), else ``hint_type`` (float32 when it is an int type or None)."""
    if hint_type in _INT_TYPES or hint_type is None:
        hint_type = mstype.float32
    common = None
    for name, arg in args.items():
        if hasattr(arg, 'dtype'):
            cur = mstype.pytype_to_dtype(arg.dtype) if isinstance(arg, np.ndarray) else arg.dtype
            if common is None:
                common = cur
            elif cur != common:
                raise TypeError(f"{name} should have the same dtype as other arguments.")
    if common in _INT_TYPES or common == mstype.float64:
        return mstype.float32
    return hint_type if common is None else common


def batch_repr(obj, batch_shape):
    """extend_repr of the distributions and bijectors: the parameters named in ``obj._REPR`` ((label, attribute)
    pairs) for a scalar batch, else the batch shape; '' for a class without ``_REPR``."""
    if not obj._REPR:
        return ''
    if obj.is_scalar_batch:
        return ', '.join(f'{label} = {getattr(obj, attr)}' for label, attr in obj._REPR)
    return f'batch_shape = {batch_shape}'


def read_only(attr, doc):
    """A read-only property returning ``self.<attr>``."""
    return property(lambda self: getattr(self, attr), doc=doc)


class ParamsRecord:
    """What Distribution and Bijector share: the read-only attributes their constructors set, and ``_REPR``,
    the (label, attribute) pairs their extend_repr shows for a scalar batch (see batch_repr)."""

    _REPR = ()

    name = read_only('_name', "The name given at construction.")
    dtype = read_only('_dtype', "The dtype of values and samples.")
    parameters = read_only('_parameters', "The arguments the cell was built with.")
    is_scalar_batch = read_only('_is_scalar_batch', "Whether every parameter is a Python number.")
    batch_shape = read_only('_batch_shape', "The parameters' broadcast shape (None if one is missing).")

"""Argument checks shared by the layers (run at construction time, never per call)."""
import numbers

from ...common import dtype as mstype
from ...common.tensor import Tensor


def tensor_input(x, arg, cls_name):
    """The torch tensor held by ``x``; "For 'Cell', the input 'x' must be a Tensor" (TypeError) otherwise."""
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the input '{arg}' must be a Tensor, but got {type(x).__name__}.")
    return x._t


def tensor_arg(x, arg, cls_name):
    """The torch tensor held by ``x``; "For 'Cell', the 'x' must be a Tensor" (TypeError) otherwise."""
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the '{arg}' must be a Tensor, but got {type(x).__name__}.")
    return x._t


def check_dtype(t, arg, allowed, cls_name):
    """TypeError unless the torch tensor ``t`` has one of the ``allowed`` torch dtypes."""
    if t.dtype not in allowed:
        names = [str(mstype.from_torch(d)) for d in allowed]
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be one of {names}, but got "
                        f"{mstype.from_torch(t.dtype)}.")


def positive_int(value, arg, cls_name):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be int, but got {type(value).__name__}.")
    if value <= 0:
        raise ValueError(f"For '{cls_name}', the '{arg}' must be a positive int, but got {value}.")
    return int(value)


def non_negative_int(value, arg, cls_name):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be int, but got {type(value).__name__}.")
    if value < 0:
        raise ValueError(f"For '{cls_name}', the '{arg}' must be a non-negative int, but got {value}.")
    return int(value)


def check_bool(value, arg, cls_name):
    if not isinstance(value, bool):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be bool, but got {type(value).__name__}.")
    return value


def twice(value, arg, cls_name):
    """int -> (int, int); a tuple of two ints is kept; anything else is a TypeError/ValueError."""
    if isinstance(value, bool):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be int or tuple(int), but got bool.")
    if isinstance(value, numbers.Integral):
        positive_int(value, arg, cls_name)
        return (int(value), int(value))
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(f"For '{cls_name}', '{arg}' must be an int or a tuple of two ints, but got {value}.")
        for v in value:
            positive_int(v, arg + " item", cls_name)
        return tuple(int(v) for v in value)
    raise TypeError(f"For '{cls_name}', the type of '{arg}' must be int or tuple(int), "
                    f"but got {type(value).__name__}.")


def check_string(value, valid, arg, cls_name):
    if not isinstance(value, str):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be str, but got {type(value).__name__}.")
    for v in valid:
        if value.lower() == v.lower():
            return v
    raise ValueError(f"For '{cls_name}', the '{arg}' must be one of {valid}, but got '{value}'.")

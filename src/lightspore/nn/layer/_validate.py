"""Argument checks shared by the layers (run at construction time, never per call)."""
from ... import _checkparam as validator
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
    """TypeError unless the torch tensor ``t`` has one of the ``allowed`` torch dtypes, in the words of the
    reference's Validator.check_tensor_dtype_valid."""
    if t.dtype not in allowed:
        names = [str(mstype.from_torch(d)) for d in allowed]
        want = names[0] if len(names) == 1 else f"one of [{', '.join('mindspore.' + n.lower() for n in names)}]"
        raise TypeError(f"For '{cls_name}', the '{arg}' should be {want}, but got "
                        f"'mindspore.{str(mstype.from_torch(t.dtype)).lower()}'.")


def positive_int(value, arg, cls_name):
    """The reference's Validator.check_positive_int (a bool is a TypeError, its words)."""
    return int(validator.check_positive_int(value, arg, cls_name))


def non_negative_int(value, arg, cls_name):
    return int(validator.check_non_negative_int(value, arg, cls_name))


def check_bool(value, arg, cls_name):
    return validator.check_bool(value, arg, cls_name)


def expand_tuple(value, n):
    """The reference's int -> n-tuple expansion (Validator's _expand_tuple): an int (not a bool) repeats, a
    tuple of n ints is kept; anything else is a TypeError in its words."""
    if not isinstance(value, tuple):
        if isinstance(value, int) and not isinstance(value, bool):
            return (value,) * n
        raise TypeError(f"When expanding an int number to tuple, input type must be integer or tuple[int], "
                        f"but got {type(value)}")
    if len(value) != n:
        raise TypeError(f"When expanding an int number to tuple, input tuple dimension must be {n}, but got {value}")
    for v in value:
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"When expanding an int number to tuple, the type of element in input tuple must be an "
                            f"integer, but got {type(v)}.")
    return value


def twice(value, arg, cls_name):
    """int -> (int, int), a tuple of two ints kept (expand_tuple), each item > 0 ('<arg> item', the reference's
    convolution check)."""
    value = expand_tuple(value, 2)
    for v in value:
        validator.check_positive_int(v, f"{arg} item", cls_name)
    return value


def check_string(value, valid, arg, cls_name):
    """The reference's Validator.check_string: ``value`` is one of ``valid`` exactly (case matters)."""
    return validator.check_string(value, valid, arg, cls_name)


def ms_type_name(obj):
    """The reference's name for the type of a Python value in its messages: 'String', 'Int64', 'Float32', 'Bool',
    'List[Float32*2]' (items of one type), 'Tuple[Int64,Float32]', 'External' (a numpy array, any other object)."""
    for cls, name in ((bool, "Bool"), (int, "Int64"), (float, "Float32"), (str, "String")):
        if isinstance(obj, cls):
            return name
    if isinstance(obj, (list, tuple)):
        items = [ms_type_name(v) for v in obj]
        kind = "List" if isinstance(obj, list) else "Tuple"
        if len(items) > 1 and len(set(items)) == 1:
            return f"{kind}[{items[0]}*{len(items)}]"
        return f"{kind}[{','.join(items)}]"
    return "External"  # what it calls any other object (a numpy array)

"""Argument checks shared by the layers (run at construction time, never per call)."""
import numbers


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

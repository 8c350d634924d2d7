"""``mindspore._checkparam``: the argument checks model code borrows from the reference
(``from mindspore import _checkparam as Validator``; ``Validator.check_positive_int(n, "n", "MyCell")``).

Each check returns the value when it passes and otherwise raises the reference's error type with its
message (tests/golden/gen_checkparam.py). Relations: ``EQ NE LT LE GT GE`` (one value), ``INC_NEITHER
INC_LEFT INC_RIGHT INC_BOTH`` (a range), ``IN NOT_IN``.
"""
import math
from collections.abc import Iterable

EQ, NE, LT, LE, GT, GE = 1, 2, 3, 4, 5, 6
INC_NEITHER, INC_LEFT, INC_RIGHT, INC_BOTH = 7, 8, 9, 10
IN, NOT_IN = 11, 12

_ONE = {EQ: "=", NE: "!=", LT: "<", LE: "<=", GT: ">", GE: ">=", IN: "in", NOT_IN: "not in"}
_TWO = {INC_NEITHER: "({}, {})", INC_LEFT: "[{}, {})", INC_RIGHT: "({}, {}]", INC_BOTH: "[{}, {}]"}


def _rel(a, b, rel):
    ops = {EQ: lambda: a == b, NE: lambda: a != b, LT: lambda: a < b, LE: lambda: a <= b, GT: lambda: a > b,
           GE: lambda: a >= b, IN: lambda: a in b, NOT_IN: lambda: a not in b}
    return ops[rel]() if rel in ops else False


def _in_range(v, lo, hi, rel):
    return {INC_NEITHER: lo < v < hi, INC_LEFT: lo <= v < hi, INC_RIGHT: lo < v <= hi,
            INC_BOTH: lo <= v <= hi}.get(rel, False)


def _one(value, rel):
    return f"{_ONE[rel]} {value}" if rel in _ONE else ""


def _two(lo, hi, rel):
    return _TWO[rel].format(lo, hi) if rel in _TWO else ""


def _check_number(arg_value, value, rel, arg_type=int, arg_name=None, prim_name=None):
    info = (f"For '{prim_name}', the " if prim_name else "The ") + (f"'{arg_name}'" if arg_name else "input value")
    if not isinstance(arg_value, arg_type):
        raise TypeError(f"{info} must be {arg_type.__name__}, but got '{type(arg_value).__name__}'")
    if math.isinf(arg_value) or math.isnan(arg_value):
        raise ValueError(f"{info} must be a legal value, but got '{arg_value}'.")
    mismatch = isinstance(arg_value, bool)
    if mismatch or not _rel(arg_value, value, rel):
        msg = (f"{info} must be {arg_type.__name__} and must {_one(value, rel)}, but got '{arg_value}' with type "
               f"'{type(arg_value).__name__}'.")
        raise TypeError(msg) if mismatch else ValueError(msg)
    return arg_value


def check_int(arg_value, value, rel, arg_name=None, prim_name=None):
    return _check_number(arg_value, value, rel, int, arg_name, prim_name)


def check_float(arg_value, value, rel, arg_name=None, prim_name=None):
    return _check_number(arg_value, value, rel, float, arg_name, prim_name)


def check_equal_int(arg_value, value, arg_name=None, prim_name=None):
    return _check_number(arg_value, value, EQ, int, arg_name, prim_name)


def check_positive_int(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, GT, int, arg_name, prim_name)


def check_negative_int(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, LT, int, arg_name, prim_name)


def check_non_positive_int(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, LE, int, arg_name, prim_name)


def check_non_negative_int(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, GE, int, arg_name, prim_name)


def check_positive_float(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, GT, float, arg_name, prim_name)


def check_negative_float(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, LT, float, arg_name, prim_name)


def check_non_positive_float(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, LE, float, arg_name, prim_name)


def check_non_negative_float(arg_value, arg_name=None, prim_name=None):
    return _check_number(arg_value, 0, GE, float, arg_name, prim_name)


def _sequence(check, sequence, arg_name, prim_name):
    for i, element in enumerate(sequence):
        check(element, f"{arg_name if arg_name else 'arg_name'}[{i}]", prim_name)
    return sequence


def check_positive_int_sequence(sequence, arg_name=None, prim_name=None):
    return _sequence(check_positive_int, sequence, arg_name, prim_name)


def check_non_negative_int_sequence(sequence, arg_name=None, prim_name=None):
    return _sequence(check_non_negative_int, sequence, arg_name, prim_name)


def check_positive_float_sequence(sequence, arg_name=None, prim_name=None):
    return _sequence(check_positive_float, sequence, arg_name, prim_name)


def check_is_number(arg_value, arg_type, arg_name=None, prim_name=None):
    prim = f"For '{prim_name}', the" if prim_name else "The"
    name = f"'{arg_name}'" if arg_name else "input value"
    if not isinstance(arg_value, arg_type) or isinstance(arg_value, bool):
        raise TypeError(f"{prim} type of {name} must be '{arg_type.__name__}', but got "
                        f"'{type(arg_value).__name__}'.")
    if math.isinf(arg_value) or math.isnan(arg_value):
        raise ValueError(f"{prim} {name} must be a legal float, but got '{arg_value}'.")
    return arg_value


def check_is_int(arg_value, arg_name=None, prim_name=None):
    return check_is_number(arg_value, int, arg_name, prim_name)


def check_is_float(arg_value, arg_name=None, prim_name=None):
    return check_is_number(arg_value, float, arg_name, prim_name)


def check_number_range(arg_value, lower_limit, upper_limit, rel, value_type, arg_name=None, prim_name=None):
    import numpy as np

    prim = f"For '{prim_name}', the" if prim_name else "The"
    name = f"'{arg_name}'" if arg_name else "input value"
    if not isinstance(arg_value, (np.ndarray, np.generic, value_type)) or isinstance(arg_value, bool):
        raise TypeError(f"{prim} {name} must be '{value_type.__name__}',  but got '{type(arg_value).__name__}'.")
    if not _in_range(arg_value, lower_limit, upper_limit, rel):
        raise ValueError(f"{prim} {name} must be in range of {_two(lower_limit, upper_limit, rel)}, but got "
                         f"{arg_value} with type '{type(arg_value).__name__}'.")
    return arg_value


def check_int_range(arg_value, lower_limit, upper_limit, rel, arg_name=None, prim_name=None):
    return check_number_range(arg_value, lower_limit, upper_limit, rel, int, arg_name, prim_name)


def check_float_range(arg_value, lower_limit, upper_limit, rel, arg_name=None, prim_name=None):
    return check_number_range(arg_value, lower_limit, upper_limit, rel, float, arg_name, prim_name)


def check(arg_name, arg_value, value_name, value, rel=EQ, prim_name=None, excp_cls=ValueError):
    if not _rel(arg_value, value, rel):
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        subject = f"{prefix} '{arg_name}'" if " " not in arg_name else f"{prefix} {arg_name}"
        raise excp_cls(f"{subject} should be {_one(f'{value_name}: {value}', rel)}, but got {arg_value}.")
    return arg_value


def check_number(arg_name, arg_value, value, rel, prim_name):
    if not _rel(arg_value, value, rel):
        raise ValueError(f"For '{prim_name}', the argument '{arg_name}' must {_one(value, rel)}, but got "
                         f"{arg_value}.")
    return arg_value


def check_isinstance(arg_name, arg_value, classes):
    if not isinstance(arg_value, classes):
        raise ValueError(f"The parameter '{arg_name}' must be isinstance of {classes}, but got {arg_value}.")
    return arg_value


def check_bool(arg_value, arg_name=None, prim_name=None):
    prim = f"For '{prim_name}', the" if prim_name else "The"
    name = f"'{arg_name}'" if arg_name else "input value"
    if not isinstance(arg_value, bool):
        raise TypeError(f"{prim} {name} must be a bool, but got {type(arg_value).__name__}.")
    return arg_value


def check_string(arg_value, valid_values, arg_name=None, prim_name=None):
    prefix = f"For '{prim_name}', the" if prim_name else "The"
    if not (isinstance(arg_value, str) and arg_value in valid_values):
        raise ValueError(f"{prefix} '{arg_name if arg_name else 'parameter'}' must be str and must be in "
                         f"'{valid_values}', but got '{arg_value}'.")
    return arg_value


def check_type_name(arg_name, arg_type, valid_types, prim_name):
    """``arg_type`` (a dtype or class) is one of ``valid_types``; the reference's TypeError otherwise."""
    valid_types = tuple(valid_types) if isinstance(valid_types, Iterable) else (valid_types,)
    if arg_type not in valid_types:
        names = [getattr(t, "__name__", t) for t in valid_types]
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        many = len(valid_types) > 1
        raise TypeError(f"{prefix} '{arg_name}' should be {'one of ' if many else ''}{names if many else names[0]}, "
                        f"but got '{getattr(arg_type, '__name__', None) or repr(arg_type)}'.")
    return arg_type


def check_value_type(arg_name, arg_value, valid_types, prim_name=None):
    valid_types = tuple(valid_types) if isinstance(valid_types, Iterable) else (valid_types,)

    def fail():
        names = [t.__name__ if hasattr(t, "__name__") else str(t) for t in valid_types]
        prefix = f"For '{prim_name}', the" if prim_name else "The"
        many = len(valid_types) > 1
        raise TypeError(f"{prefix} type of '{arg_name}' should be {'one of ' if many else ''}"
                        f"'{names if many else names[0]}', but got type '{type(arg_value).__name__}'.")

    if isinstance(arg_value, bool) and bool not in valid_types:
        fail()
    if isinstance(arg_value, float) and float not in valid_types:
        arg_value = round(arg_value, 6)
    if not isinstance(arg_value, valid_types):
        fail()
    return arg_value

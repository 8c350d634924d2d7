"""Argument checks shared by dataset.transforms and dataset.vision (the reference's error types)."""


import multiprocessing

import numpy as np

FLOAT_MAX_INTEGER = 16777216
INT32_MAX = 2147483647
INT32_MIN = -2147483648
UINT32_MAX = 4294967295
FLOAT32_MAX = float(np.finfo(np.float32).max)


def type_check(arg, types, name):
    """TypeError unless ``arg`` is one of ``types`` (a bool is not an int unless bool is listed). As the
    reference words it: the value as ``str`` (an empty string as ``""``), the types as a list, but as given for
    the bool case."""
    shown = '""' if isinstance(arg, str) and not arg else arg
    if isinstance(arg, bool) and int in types and bool not in types:
        raise TypeError(f"Argument {name} with value {shown} is not of type {types}, but got {type(arg)}.")
    if not isinstance(arg, types):
        raise TypeError(f"Argument {name} with value {shown} is not of type {list(types)}, but got {type(arg)}.")


def type_check_list(args, types, name):
    type_check(args, (list, tuple), name)
    for i, a in enumerate(args):
        type_check(a, types, f"{name}[{i}]")


def check_value(value, lo, hi, name="", left_open=False, right_open=False):
    """ValueError unless lo <= value <= hi (either end may be open)."""
    bad_lo = value <= lo if left_open else value < lo
    bad_hi = value >= hi if right_open else value > hi
    if bad_lo or bad_hi:
        lb = "(" if left_open else "["
        rb = ")" if right_open else "]"
        label = f"{name} " if name else ""
        raise ValueError(f"Input {label}is not within the required interval of {lb}{lo}, {hi}{rb}.")


def check_positive(value, name=""):
    if value <= 0:
        raise ValueError(f"Input {name} must be greater than 0.")


def check_float32(value, name=""):
    check_value(value, -FLOAT32_MAX, FLOAT32_MAX, name)


def check_pos_float32(value, name=""):
    check_value(value, 0, FLOAT32_MAX, name, left_open=True)


def check_prob(prob, name="prob"):
    type_check(prob, (float, int), name)
    check_value(prob, 0.0, 1.0, name)


def pipeline_error(msg):
    """The RuntimeError of a check the reference makes when the pipeline starts (its message, framed as the
    reference frames a pipeline error, without the C++ call stack)."""
    return RuntimeError(f"Exception thrown from dataset pipeline. {msg}")


def check_columns(columns, name):
    """A column name or a non-empty list of distinct non-empty names, in the reference's words."""
    type_check(columns, (list, str), name)
    if isinstance(columns, str):
        if not columns:
            raise ValueError(f"{name} should not be an empty str.")
        return
    if not columns:
        raise ValueError(f"{name} should not be empty.")
    for i, c in enumerate(columns):
        if not c:
            raise ValueError(f"{name}[{i}] should not be empty.")
    for i, c in enumerate(columns):
        type_check(c, (str,), f"{name}[{i}]")
    if len(set(columns)) != len(columns):
        raise ValueError("Every column name should not be same with others in column_names.")


def check_num_parallel_workers(value):
    type_check(value, (int,), "num_parallel_workers")
    cpus = multiprocessing.cpu_count()
    if value < 1 or value > cpus:
        raise ValueError(f"num_parallel_workers exceeds the boundary between 1 and {cpus}!")

"""Argument checks of ``mindspore.dataset.dataloader`` (the reference's wording and error types)."""


def check_type(value, name, valid_type, invalid_type=(), allow_none=False):
    if allow_none and value is None:
        return
    if not isinstance(value, valid_type) or isinstance(value, invalid_type):
        raise TypeError(f"{name} must be {valid_type}, but got: {type(value).__name__}.")


def _compare(value, name, bad, words, allow_none):
    if allow_none and value is None:
        return
    try:
        failed = bad(value)
    except TypeError as exc:
        raise TypeError(f"{name} must be a number, but got: {type(value).__name__}.") from exc
    if failed:
        raise ValueError(f"{name} must be {words}, but got: {value}.")


def check_positive(value, name, allow_none=False):
    _compare(value, name, lambda v: v <= 0, "positive", allow_none)


def check_non_negative(value, name, allow_none=False):
    _compare(value, name, lambda v: v < 0, "non-negative", allow_none)


def check_exclusive_args(condition, arg_name, description):
    if condition:
        raise ValueError(f"{arg_name} cannot be specified {description}.")

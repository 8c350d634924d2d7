"""Argument checks of the parallel settings (no imports: ``lightspore.context`` loads this package early)."""


def _check_kwarg_types(kwargs, types):
    """The reference's ``args_type_check`` on keyword arguments: a value that is not None and not of its
    listed type is a TypeError."""
    for name, value in kwargs.items():
        want = types.get(name)
        if want is not None and value is not None and not isinstance(value, want):
            raise TypeError(f"The parameter '{name}' must be {want}, but got {type(value)}")

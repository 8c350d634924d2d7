"""``mindspore.parallel.algo_parameter_config``: the settings of the auto-parallel strategy search
(``set_algo_parameters`` / ``get_algo_parameters`` / ``reset_algo_parameters``).

They are stored, checked and returned as the reference does; they steer only the AUTO_PARALLEL strategy search,
which lightspore does not build (``set_auto_parallel_context`` refuses that mode), so nothing else reads them.
"""
from ._checks import _check_kwarg_types

__all__ = ["get_algo_parameters", "reset_algo_parameters", "set_algo_parameters"]

_DEFAULTS = {
    "fully_use_devices": False,
    "elementwise_op_strategy_follow": False,
    "enable_algo_approxi": False,
    "algo_approxi_epsilon": 0.10000000149011612,    # the reference keeps it as a C++ float
    "tensor_slice_align_enable": False,
    "tensor_slice_align_size": 16,
}
_config = dict(_DEFAULTS)


def _f32(value):
    import numpy as np
    return float(np.float32(value))


def _set(key, value):
    if value is None:
        raise TypeError(f"For 'set_algo_parameters', the argument '{key}' must be "
                        f"{_TYPES[key].__name__}, but got None.")
    if key == "tensor_slice_align_size":
        if value < 1 or value > 1024:
            raise ValueError(f"Align_size must be in [1, 1024], but got {value}")
        value = int(value)
    elif key == "algo_approxi_epsilon":
        if not 0 < value <= 1:
            raise RuntimeError(f"For 'set_algo_parameters', 'epsilon' must be in (0, 1], but got {value}.")
        value = _f32(value)
    else:
        value = bool(value)
    _config[key] = value


_TYPES = {"tensor_slice_align_enable": bool, "tensor_slice_align_size": int, "fully_use_devices": bool,
          "elementwise_op_strategy_follow": bool, "enable_algo_approxi": bool, "algo_approxi_epsilon": float}


def set_algo_parameters(**kwargs):
    """Set the strategy-search settings (``fully_use_devices``, ``elementwise_op_strategy_follow``,
    ``enable_algo_approxi``, ``algo_approxi_epsilon`` in (0, 1], ``tensor_slice_align_enable``,
    ``tensor_slice_align_size`` in [1, 1024]); an unknown keyword is a ValueError."""
    _check_kwarg_types(kwargs, _TYPES)
    for key, value in kwargs.items():
        if key not in _DEFAULTS:
            raise ValueError(f"Set context keyword {key} is not recognized!")
        _set(key, value)


def get_algo_parameters(attr_key):
    """The value of one strategy-search setting; an unknown key is a ValueError."""
    if attr_key not in _DEFAULTS:
        raise ValueError(f"Get context keyword {attr_key} is not recognized!")
    return _config[attr_key]


def reset_algo_parameters():
    """Every strategy-search setting back to its default."""
    _config.clear()
    _config.update(_DEFAULTS)

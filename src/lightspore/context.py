"""``set_context`` / ``get_context``: execution settings mapped onto torch.

``mode``: PYNATIVE_MODE (1) runs eagerly on PyTorch; GRAPH_MODE (0) makes a Cell called from eager code
compile its call with ``torch.compile`` (``lightspore._compile``). ``device_target`` 'CPU' / 'GPU' picks
the torch device that new tensors and parameters are created on; 'Ascend' is not available and raises ValueError.
"""
import torch

from .common._device import set_current_device

GRAPH_MODE = 0
PYNATIVE_MODE = 1

_context = {
    "mode": PYNATIVE_MODE,
    "device_target": "CPU",
    "device_id": 0,
    "save_graphs": False,
    "save_graphs_path": ".",
    "jit_level": "O0",
    "max_call_depth": 1000,
    "deterministic": "OFF",
    "runtime_num_threads": None,
    "enable_graph_kernel": False,
    "reserve_class_name_in_scope": True,
    "pynative_synchronize": False,
    "max_device_memory": "1024GB",
    "print_file_path": "",
    "enable_reduce_precision": True,
    "check_bprop": False,
}

_KNOWN = set(_context) | {
    "jit_config", "memory_optimize_level", "memory_offload", "ascend_config", "gpu_config", "aoe_tune_mode",
    "aoe_config", "op_timeout", "enable_compile_cache", "compile_cache_path", "inter_op_parallel_num",
    "disable_format_transform", "graph_kernel_flags", "variable_memory_max_size", "mempool_block_size",
    "env_config_path", "grad_for_scalar", "enable_auto_mixed_precision", "device_target", "precompile_only",
    "debug_level", "enable_sparse", "auto_tune_mode", "save_dump_path", "enable_dump", "enable_profiling",
    "profiling_options", "saving_graphs", "exec_order", "infer_precision_mode", "support_binary",
}


def _apply_device(target, device_id):
    if target == "CPU":
        set_current_device("cpu")
    elif target == "GPU":
        if not torch.cuda.is_available():
            raise ValueError("For 'set_context', device_target 'GPU' was requested but PyTorch sees no CUDA "
                             "device on this machine.")
        set_current_device(f"cuda:{device_id}")
    else:
        raise ValueError(f"For 'set_context', 'device_target' must be 'CPU' or 'GPU' in lightspore "
                         f"('Ascend' has no PyTorch backend here), but got {target!r}.")


def set_context(**kwargs):
    """Set execution settings; unknown keys raise ValueError as in the reference."""
    for key, value in kwargs.items():
        if key not in _KNOWN:
            raise ValueError(f"For 'context.set_context', the keyword argument {key} is not recognized! For detailed "
                             f"usage of 'set_context', please refer to the Mindspore official website.")
        if key == "mode":
            if value not in (GRAPH_MODE, PYNATIVE_MODE):
                raise ValueError(f"For 'set_context', the argument 'mode' should be context.GRAPH_MODE (0) or "
                                 f"context.PYNATIVE_MODE (1), but got {value}.")
            from ._compile import set_graph_mode  # GRAPH_MODE: a Cell call compiles through torch.compile

            set_graph_mode(value == GRAPH_MODE)
        elif key == "device_target":
            if not isinstance(value, str):
                raise TypeError(f"For 'set_context', 'device_target' must be str, but got {type(value).__name__}.")
            value = {"cpu": "CPU", "gpu": "GPU", "ascend": "Ascend"}.get(value.lower(), value)
            _apply_device(value, kwargs.get("device_id", _context["device_id"]))
        elif key == "device_id":
            if not isinstance(value, int) or value < 0:
                raise ValueError(f"For 'set_context', 'device_id' must be a non-negative int, but got {value!r}.")
            if _context["device_target"] == "GPU" and "device_target" not in kwargs:
                _apply_device("GPU", value)
        elif key == "runtime_num_threads" and value is not None:
            torch.set_num_threads(int(value))
        _context[key] = value


# what the reference's get_context answers for keys never set (MindSpore 2.7.1 on CPU; tests/test_runtime.py)
_READ_DEFAULTS = {
    "aoe_config": {}, "aoe_tune_mode": "", "ascend_config": {}, "compile_cache_path": "", "debug_level": 0,
    "disable_format_transform": False, "enable_profiling": False, "env_config_path": "", "exec_order": "bfs",
    "gpu_config": {}, "grad_for_scalar": False, "graph_kernel_flags": "", "inter_op_parallel_num": 0,
    "jit_config": {}, "memory_optimize_level": 0, "mempool_block_size": 1.0, "op_timeout": 900,
    "precompile_only": False, "profiling_options": "training_trace", "support_binary": False,
    "variable_memory_max_size": "0", "enable_ge": False,
}
_KNOWN |= set(_READ_DEFAULTS)


def get_context(attr_key):
    """The current value of one setting; unknown keys raise ValueError."""
    if attr_key not in _KNOWN:
        raise ValueError(f"For 'context.get_context', the argument {attr_key} is not recognized! For detailed "
                         f"usage of 'get_context', please refer to the Mindspore official website.")
    if attr_key == "max_device_memory" and str(_context[attr_key]).endswith("GB"):   # the reference: GB, a float
        return float(str(_context[attr_key])[:-2])
    if attr_key == "runtime_num_threads" and _context[attr_key] is None:
        return torch.get_num_threads()
    if attr_key == "save_graphs" and isinstance(_context[attr_key], bool):
        return int(_context[attr_key])
    if attr_key == "memory_optimize_level" and attr_key in _context:
        return {"O0": 0, "O1": 1}.get(_context[attr_key], _context[attr_key])
    return _context.get(attr_key, _READ_DEFAULTS.get(attr_key))


def set_device(device_target, device_id=None):
    """``mindspore.set_device``: choose 'CPU' or 'GPU' (and the GPU index)."""
    kw = {"device_target": device_target}
    if device_id is not None:
        kw["device_id"] = device_id
    set_context(**kw)


def get_current_device():
    """``(device_target, device_id)`` as a DeviceInfo (``.device_target``, ``.device_id``), like the reference."""
    from .common.device import DeviceInfo
    return DeviceInfo(_context["device_target"], _context["device_id"])


def set_deterministic(deterministic):
    torch.use_deterministic_algorithms(bool(deterministic))
    _context["deterministic"] = "ON" if deterministic else "OFF"


# data-parallel settings (lightspore.parallel): mindspore.context.set_auto_parallel_context / ParallelMode
from .parallel._auto_parallel_context import (  # noqa: E402,F401  (re-exported: mindspore.context.X)
    ParallelMode,
    get_auto_parallel_context,
    reset_auto_parallel_context,
    set_auto_parallel_context,
)
from .parallel._ps_context import get_ps_context, reset_ps_context, set_ps_context  # noqa: E402,F401

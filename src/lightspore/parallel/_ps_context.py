"""``mindspore.parallel._ps_context``: the parameter-server context (``set_ps_context`` / ``get_ps_context`` /
``reset_ps_context``).

lightspore does not build parameter-server training; the context stores, checks and returns what the reference's
does (and, as the reference, enabling PS mode reads the role, the worker/server numbers and the scheduler's
address from ``MS_ROLE``, ``MS_WORKER_NUM``, ``MS_SERVER_NUM``, ``MS_SCHED_HOST``, ``MS_SCHED_PORT``).
"""
import os

from ._checks import _check_kwarg_types

_WORKER, _PSERVER, _SERVER, _SCHED, _NOT_PS = "MS_WORKER", "MS_PSERVER", "MS_SERVER", "MS_SCHED", "MS_NOT_PS"
_MAX_PORT = 65535


class _PSContext:
    def __init__(self):
        self.ps_enabled = False
        self.is_worker = self.is_pserver = self.is_sched = False
        self.role = _NOT_PS
        self.worker_num = 0
        self.server_num = 0
        self.scheduler_ip = "127.0.0.1"
        self.scheduler_port = 6667
        self.server_mode = ""
        self.enable_ssl = False
        self.config_file_path = ""
        self.passwords = {}

    def ms_role(self):
        if self.is_worker:
            return _WORKER
        if self.is_pserver:
            return _PSERVER
        if self.is_sched:
            return _SCHED
        return _NOT_PS

    def set_ps_enable(self, enabled):
        enabled = _pybind_bool("enable_ps", enabled)
        self.ps_enabled = enabled
        if not enabled:
            self.is_worker = self.is_pserver = self.is_sched = False
            return
        role = os.environ.get("MS_ROLE", "") or self.ms_role()
        if role == _WORKER:
            self.is_worker = True
        elif role in (_PSERVER, _SERVER):
            self.is_pserver = True
        elif role == _SCHED:
            self.is_sched = True
        self.worker_num = _strtol(os.environ.get("MS_WORKER_NUM", ""))
        self.server_num = _strtol(os.environ.get("MS_SERVER_NUM", ""))
        self.scheduler_ip = os.environ.get("MS_SCHED_HOST", "")
        port = _strtol(os.environ.get("MS_SCHED_PORT", ""))
        if port > _MAX_PORT:
            raise RuntimeError(f"The port: {port} is illegal.")
        self.scheduler_port = port
        self.server_mode = "PARAMETER_SERVER"

    def reset(self):
        self.ps_enabled = False
        self.is_worker = self.is_pserver = self.is_sched = False


def _strtol(text):
    """C's strtol(text, NULL, 10): the leading decimal integer, 0 when there is none."""
    text = text.lstrip()
    end = 1 if text[:1] in "+-" else 0
    while end < len(text) and text[end].isdigit():
        end += 1
    try:
        return int(text[:end])
    except ValueError:
        return 0


def _pybind_type(key, value, kind, lo=None, hi=None):
    ok = isinstance(value, kind) if kind is not int else isinstance(value, int) and lo <= value <= hi
    if kind is str and isinstance(value, str):
        ok = True
    if not ok:
        want = f"int in [{lo}, {hi}]" if kind is int else kind.__name__
        raise TypeError(f"For 'set_ps_context', the argument '{key}' must be {want}, but got {value!r} "
                        f"of type {type(value).__name__}.")
    return value


def _pybind_bool(key, value):
    """pybind11's bool conversion: None is False, a number converts by its truth value, anything else is a
    TypeError."""
    if value is None:
        return False
    if isinstance(value, (bool, int, float)):
        return bool(value)
    raise TypeError(f"For 'set_ps_context', the argument '{key}' must be bool, but got {value!r} "
                    f"of type {type(value).__name__}.")


_ctx = _PSContext()


def ps_context():
    """The process's parameter-server context."""
    return _ctx


def _set_server_mode(value):
    _pybind_type("server_mode", value, str)
    if value != "PARAMETER_SERVER":
        raise RuntimeError(f"{value} is invalid. Server mode must be PARAMETER_SERVER")
    _ctx.server_mode = value


def _set_ms_role(value):
    _pybind_type("ms_role", value, str)
    if value not in (_WORKER, _PSERVER, _SERVER, _SCHED):
        raise RuntimeError(f"ms_role {value} is invalid.")
    _ctx.role = value          # kept for the cluster; get_ps_context('ms_role') reports the PS-mode role


def _setter(attr, kind, lo=None, hi=None):
    def set_value(value):
        setattr(_ctx, attr, _pybind_type(attr, value, kind, lo, hi))
    return set_value


def _set_password(which):
    def set_value(value):
        _ctx.passwords[which] = _pybind_type(which, value, str)
    return set_value


_SET = {
    "server_mode": _set_server_mode,
    "ms_role": _set_ms_role,
    "enable_ps": lambda v: _ctx.set_ps_enable(v),
    "worker_num": _setter("worker_num", int, 0, 2 ** 32 - 1),
    "server_num": _setter("server_num", int, 0, 2 ** 32 - 1),
    "scheduler_ip": _setter("scheduler_ip", str),
    "scheduler_port": _setter("scheduler_port", int, 0, _MAX_PORT),
    "enable_ssl": lambda v: setattr(_ctx, "enable_ssl", _pybind_bool("enable_ssl", v)),
    "client_password": _set_password("client_password"),
    "server_password": _set_password("server_password"),
    "config_file_path": _setter("config_file_path", str),
}
_GET = {
    "server_mode": lambda: _ctx.server_mode,
    "ms_role": lambda: _ctx.ms_role(),
    "enable_ps": lambda: _ctx.ps_enabled,
    "worker_num": lambda: _ctx.worker_num,
    "server_num": lambda: _ctx.server_num,
    "scheduler_ip": lambda: _ctx.scheduler_ip,
    "scheduler_port": lambda: _ctx.scheduler_port,
    "enable_ssl": lambda: _ctx.enable_ssl,
    "config_file_path": lambda: _ctx.config_file_path,
}


def _set_ps_context(**kwargs):
    for key, value in kwargs.items():
        if key not in _SET:
            raise ValueError(f"Set PS context keyword {key} is not recognized!")
        _SET[key](value)


def _get_ps_context(attr_key):
    if attr_key not in _GET:
        raise ValueError(f"Get PS context keyword {attr_key} is not recognized!")
    return _GET[attr_key]()


def _reset_ps_context():
    _ctx.reset()


def _is_role_worker():
    return _ctx.is_worker


def _is_role_pserver():
    return _ctx.is_pserver


def _is_role_sched():
    return _ctx.is_sched


def _is_ps_mode():
    return _get_ps_context("server_mode") == "PARAMETER_SERVER"


def _enable_distributed_mindrt():
    """Whether MindSpore's own cluster runtime is up: never in lightspore (torch.distributed is)."""
    return False


def _cache_enable():
    return False


def set_ps_context(**kwargs):
    """Set parameter-server context values (``enable_ps``, ``config_file_path``, ``enable_ssl``,
    ``client_password``, ``server_password``, and the cluster keys); unknown keys are a ValueError."""
    _check_kwarg_types(kwargs, {"enable_ps": bool})
    _set_ps_context(**kwargs)


def get_ps_context(attr_key):
    """A parameter-server context value."""
    return _get_ps_context(attr_key)


def reset_ps_context():
    """Switch PS mode off (the other values stay, as the reference's)."""
    _reset_ps_context()

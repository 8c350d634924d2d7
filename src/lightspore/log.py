"""``mindspore.log``: MindSpore's logger on Python's ``logging``, configured from the same environment variables.

``GLOG_v`` (0 DEBUG .. 4 CRITICAL, default 2), ``GLOG_logtostderr`` (1: to stderr, 0: to a rotating file under
``GLOG_log_dir/rank_<id>/logs/mindspore.log.<pid>``), ``GLOG_stderrthreshold``, ``logger_maxBytes`` and
``logger_backupCount`` are read once, on the first message or query, as in the reference. Records look like the
reference's: ``[WARNING] ME(pid:thread,process):YYYY-mm-dd-HH:MM:SS.mmm.uuu [file:line] message``.
"""
import logging
import os
import sys
import threading
import time
from logging.handlers import RotatingFileHandler

__all__ = ["get_level", "get_log_config"]

_LEVEL_OF_GLOG = {"0": logging.DEBUG, "1": logging.INFO, "2": logging.WARNING, "3": logging.ERROR,
                  "4": logging.CRITICAL}
_GLOG_OF_LEVEL = {v: k for k, v in _LEVEL_OF_GLOG.items()}
_ENV = {"level": "GLOG_v", "console": "GLOG_logtostderr", "filepath": "GLOG_log_dir", "maxBytes": "logger_maxBytes",
        "backupCount": "logger_backupCount", "stderr_level": "GLOG_stderrthreshold"}
_FORMAT = ("[%(levelname)s] %(sub_module)s(%(process)d:%(thread)d,%(processName)s):%(asctime)s "
           "[%(filepath)s:%(lineno)d] %(message)s")
_lock = threading.Lock()
_logger = None


class _Formatter(logging.Formatter):
    """The reference's layout: time as ``%Y-%m-%d-%H:%M:%S.mmm.uuu`` and the path from the package folder on."""

    def formatTime(self, record, datefmt=None):   # noqa: N802 (logging's name)
        t = self.converter(record.created)
        if datefmt:
            return time.strftime(datefmt, t)
        micro = str(round(record.msecs * 1000))
        return f"{time.strftime('%Y-%m-%d-%H:%M:%S', t)}.{micro[:3]}.{micro[3:]}"

    def format(self, record):
        path = record.pathname
        for root in ("lightspore", "mindspore"):
            i = path.rfind(root)
            if i >= 0:
                path = path[i:]
                break
        record.filepath = path
        record.sub_module = "ME"
        return super().format(record)


def _env_config():
    return {k: os.environ[v].strip() for k, v in _ENV.items() if os.environ.get(v)}


def _check_level(value):
    if value not in _LEVEL_OF_GLOG:
        raise ValueError(f"Incorrect log level, please check the configuration of GLOG_v or GLOG_stderrthreshold, "
                         f"desired log level: 4-CRITICAL, 3-ERROR, 2-WARNING, 1-INFO, 0-DEBUG. But got {value}.")


def _check(cfg):
    for key in ("level", "stderr_level"):
        if key in cfg:
            _check_level(cfg[key])
    console = cfg.get("console")
    if console is None:
        return
    if console not in ("0", "1"):
        raise ValueError(f"Incorrect value, the value of GLOG_logtostderr must be 0 or 1, but got {console}.")
    if console == "0":
        if not cfg.get("filepath"):
            raise ValueError("When GLOG_logtostderr is set to 0, the directory of saving log GLOG_log_dir must be "
                             "set, but got it empty.")
        for key in ("maxBytes", "backupCount"):
            if key in cfg and not cfg[key].isdigit():
                raise ValueError(f"Incorrect value, the value of {_ENV[key]} must be positive integer. But got "
                                 f"{_ENV[key]}:{cfg[key]}.")


def _rank_id():
    return os.getenv("RANK_ID") or os.getenv("OMPI_COMM_WORLD_RANK") or os.getenv("MS_NODE_ID") or "0"


def _caller(stack_info=False, stacklevel=1):
    """The first frame outside this file: the line that called ``log.warning(...)``."""
    f = sys._getframe(1)
    here = os.path.normcase(__file__)
    while f is not None and os.path.normcase(f.f_code.co_filename) in (here, os.path.normcase(logging.__file__)):
        f = f.f_back
    if f is None:
        return "(unknown file)", 0, "(unknown function)", None
    sinfo = None
    if stack_info:
        import traceback
        sinfo = "Stack (most recent call last):\n" + "".join(traceback.format_stack(f))
    return f.f_code.co_filename, f.f_lineno, f.f_code.co_name, sinfo


def _get_logger():
    global _logger
    if _logger is not None:
        return _logger
    cfg = _env_config()
    _check(cfg)
    with _lock:
        if _logger is not None:
            return _logger
        name = f"mindspore.log.{os.getpid()}"
        logger = logging.getLogger(f"ME.{name}")
        logger.findCaller = _caller
        logger.setLevel(_LEVEL_OF_GLOG[cfg.get("level", "2")])
        logger.propagate = False
        for h in list(logger.handlers):
            logger.removeHandler(h)
        fmt = _Formatter(_FORMAT)
        if cfg.get("console", "1") == "1":
            h = logging.StreamHandler(sys.stderr)
            h.name = "StreamHandler"
            h.setFormatter(fmt)
            logger.addHandler(h)
        else:
            log_dir = os.path.join(os.path.realpath(cfg["filepath"]), f"rank_{_rank_id()}", "logs")
            os.makedirs(log_dir, mode=0o700, exist_ok=True)
            fh = RotatingFileHandler(os.path.join(log_dir, name), maxBytes=int(cfg.get("maxBytes", "52428800")),
                                     backupCount=int(cfg.get("backupCount", "30")), encoding="utf8")
            fh.name = "FileHandler"
            fh.setFormatter(fmt)
            logger.addHandler(fh)
            os.chmod(fh.baseFilename, 0o600)
            h = logging.StreamHandler(sys.stderr)
            h.name = "StreamHandler"
            h.setFormatter(fmt)
            h.setLevel(_LEVEL_OF_GLOG[cfg.get("stderr_level", "2")])
            logger.addHandler(h)
        _logger = logger
    return _logger


def debug(msg, *args, **kwargs):
    """Log ``msg % args`` with severity DEBUG (shown when ``GLOG_v=0``)."""
    _get_logger().debug(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    """Log ``msg % args`` with severity INFO (shown when ``GLOG_v`` <= 1)."""
    _get_logger().info(msg, *args, **kwargs)


def warning(msg, *args, **kwargs):
    """Log ``msg % args`` with severity WARNING (shown when ``GLOG_v`` <= 2, the default)."""
    _get_logger().warning(msg, *args, **kwargs)


def error(msg, *args, **kwargs):
    """Log ``msg % args`` with severity ERROR."""
    _get_logger().error(msg, *args, **kwargs)


def critical(msg, *args, **kwargs):
    """Log ``msg % args`` with severity CRITICAL."""
    _get_logger().critical(msg, *args, **kwargs)


def get_level():
    """The logger's level as the ``GLOG_v`` digit: '0' DEBUG, '1' INFO, '2' WARNING, '3' ERROR, '4' CRITICAL."""
    return _GLOG_OF_LEVEL.get(_get_logger().getEffectiveLevel())


def get_log_config():
    """The logger's configuration as the environment variables that set it (the file settings only when the log
    goes to a file)."""
    logger = _get_logger()
    handler = logger.handlers[0]
    cfg = {"GLOG_v": get_level(), "GLOG_logtostderr": "1"}
    if handler.name == "FileHandler":
        cfg["GLOG_logtostderr"] = "0"
        cfg["GLOG_log_dir"] = os.path.dirname(handler.baseFilename)
        cfg["logger_maxBytes"] = handler.maxBytes
        cfg["logger_backupCount"] = handler.backupCount
        cfg["GLOG_stderrthreshold"] = _GLOG_OF_LEVEL.get(logger.handlers[1].level)
    return cfg


class _LogActionOnce:
    """Decorator: the first call of the wrapped function with a given ``key`` logs its warnings; later calls
    (and every call when ``no_warning``) run with ``logger.warning`` silenced. Keys are shared by every
    instance (the reference's class attribute ``is_logged``)."""

    is_logged = {}

    def __init__(self, logger, key, no_warning=False):
        self.logger = logger
        self.key = key
        self.no_warning = no_warning

    def __call__(self, func):
        def wrapper(*args, **kwargs):
            if not hasattr(self.logger, "warning"):
                return func(*args, **kwargs)
            saved = self.logger.warning
            if self.no_warning or self.key in _LogActionOnce.is_logged:
                self.logger.warning = lambda msg, *a, **k: msg
            else:
                _LogActionOnce.is_logged[self.key] = True
            try:
                return func(*args, **kwargs)
            finally:
                self.logger.warning = saved

        return wrapper

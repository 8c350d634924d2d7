"""``jit`` and ``jit_class``.

MindSpore compiles a ``@jit`` function into a graph; lightspore compiles it with ``torch.compile``
(TorchDynamo + Inductor; see ``lightspore._compile`` for what compiles, what falls back and the switches).
The arguments are checked as the reference checks them.
"""
import inspect
import json
import logging
import types
from typing import Callable, Optional

from .jit_config import JitConfig

__all__ = ["jit", "jit_class", "lazy_inline", "no_inline", "enable_dynamic"]

_CAPTURE_MODES = ("ast", "bytecode", "trace")
_JIT_LEVELS = ("O0", "O1")
_BACKENDS = ("ms_backend", "GE")
_logger = logging.getLogger("lightspore")


def _check_string(value, allowed, name):
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"For 'jit', the '{name}' must be str and must be in '{list(allowed)}', but got '{value}'.")
    return value


def _check_ge_options(option, ge_options):
    if not isinstance(ge_options, dict):
        raise TypeError(f"For 'jit(options)', the type of '{option}' must be dict, but got {type(ge_options)}.")
    for level, opts in ge_options.items():
        if level not in ("global", "session"):
            raise ValueError(f"For '{option}', the key of '{option}' must be one of ['global', 'session'], "
                             f"but got '{level}'.")
        if not isinstance(opts, dict):
            raise TypeError(f"For '{option}', the type of {level} options must be dict, but got {type(opts)}. "
                            f"The error options: {opts}.")
        for key, value in opts.items():
            if not isinstance(key, str):
                raise TypeError(f"For '{option}', the type of key and value must be str, but got {type(key)}. "
                                f"The error key is {key}.")
            if not isinstance(value, str):
                raise TypeError(f"For '{option}', the type of key and value must be str, but got {type(value)}. "
                                f"The error value is {value}")


def _check_str_choice(option, value, allowed):
    if not isinstance(value, str):
        raise TypeError(f"For 'jit(options)', the type of '{option}' must be str, but got {type(value)}.")
    if value not in allowed:
        raise ValueError(f"For '{option}', the value of '{option}' must be one of {list(allowed)}, "
                         f"but got '{value}'.")


def _check_options(options, backend):
    """The reference's checks of ``**options``: deprecated names warned about and dropped, known options'
    values checked (wrong type: TypeError, wrong value: ValueError), unknown ones warned about."""
    deprecated = {"mode": "capture_mode", "input_signature": "dynamic", "hash_args": "",
                  "jit_config": "jit_level, fullgraph or options", "compile_once": ""}
    for key, instead in deprecated.items():
        if key in options:
            msg = f"For 'jit', the parameter '{key}' has been deprecated."
            if instead:
                msg += f" Please use the parameter '{instead}' instead."
            _logger.warning(msg)
            del options[key]
    backends = {"disable_format_transform": "ms_backend", "exec_order": "ms_backend", "ge_options": "GE",
                "infer_boost": "ms_backend"}
    for option, value in options.items():
        if option in backends and backend not in ("", backends[option]):
            _logger.warning(f"For 'jit(options)', the option '{option}' is only support backend in "
                            f"'{[backends[option]]}', but got '{backend}', ignore it.")
        if option == "disable_format_transform":
            if not isinstance(value, bool):
                raise TypeError(f"For 'jit(options)', the type of '{option}' must be bool, but got {type(value)}.")
        elif option == "exec_order":
            _check_str_choice(option, value, ("bfs", "dfs"))
        elif option == "infer_boost":
            _check_str_choice(option, value, ("on", "off"))
        elif option == "ge_options":
            _check_ge_options(option, value)
        else:
            _logger.warning(f"For 'jit(options)', the option argument '{option}' is not recognized, please check!")


def _wrap(func, dynamic, fullgraph, jit_config, jit_level="O0"):
    from .._compile import compile_function
    from ..nn.cell import Cell

    def compiled(f, name=None):
        out = compile_function(f, name=name, dynamic=dynamic, fullgraph=fullgraph, jit_level=jit_level)
        out.__dict__["_jit_config"] = jit_config
        return out

    if isinstance(func, Cell):              # a Cell instance: its construct, bound to it
        return types.MethodType(compiled(type(func).construct, f"{type(func).__name__}.construct"), func)
    if isinstance(func, type) and issubclass(func, Cell):
        func.construct = compiled(func.construct, f"{func.__name__}.construct")
        return func
    if isinstance(func, types.MethodType):
        return types.MethodType(compiled(func.__func__), func.__self__)
    if not isinstance(func, types.FunctionType):
        _logger.warning(f"The func should be function, method or cell instance/class, but got {func}")
        return func
    return compiled(func)


def jit(function: Optional[Callable] = None, *, capture_mode: str = "ast", jit_level: str = "O0", dynamic: int = 0,
        fullgraph: bool = False, backend: str = "", **options):
    """Compile ``function`` (a function, a method, a Cell instance or class) with ``torch.compile``.

    ``dynamic=1`` compiles shape-generic graphs; ``dynamic=0`` compiles one graph per input shape, dtype
    and Python constant, as the reference's graph cache does. ``fullgraph=True`` raises RuntimeError when the
    function cannot be one graph; otherwise what cannot be compiled runs eagerly (``JitFallbackWarning``).
    """
    _check_string(capture_mode, _CAPTURE_MODES, "capture_mode")
    _check_string(jit_level, _JIT_LEVELS, "jit_level")
    if not isinstance(dynamic, int) or isinstance(dynamic, bool):
        raise TypeError(f"For 'jit', the 'dynamic' must be 'int',  but got '{type(dynamic).__name__}'.")
    if not 0 <= dynamic <= 1:
        raise ValueError(f"For 'jit', the 'dynamic' must be in range of [0, 1], but got {dynamic} with type 'int'.")
    if not isinstance(fullgraph, bool):
        raise TypeError(f"For 'jit', the 'fullgraph' must be a bool, but got {type(fullgraph).__name__}.")
    if backend != "":
        _check_string(backend, _BACKENDS, "backend")
    _check_options(options, backend)
    jit_config = JitConfig(jit_level=jit_level, exc_mode=options.get("exc_mode", "auto"),
                           jit_syntax_level="STRICT" if fullgraph else "LAX",
                           infer_boost=options.get("infer_boost", "off"), backend=backend,
                           options=json.dumps(options))

    def deco(func):
        return _wrap(func, dynamic, fullgraph, jit_config, jit_level)

    return deco(function) if function is not None else deco


def _dynamic_spec_ok(arg, name):
    """A spec for enable_dynamic: a Tensor with an unknown rank or at least one None dimension (positive sizes
    otherwise), or a tuple/list holding one."""
    from .tensor import Tensor

    if isinstance(arg, Tensor):
        shape = arg.shape
        if tuple(shape) == (-2,):
            return True
        if -1 not in shape:
            return False
        for item in shape:
            if item != -1 and item <= 0:
                raise TypeError(f"The argument '{name}' has invalid shape '{shape}', only supports None or a "
                                f"tuple/list of positive integers and None.")
        return True
    return isinstance(arg, (tuple, list)) and any(_dynamic_spec_ok(item, name) for item in arg)


def _check_dynamic_type(arg, name):
    from .tensor import Tensor

    if isinstance(arg, (tuple, list)):
        for item in arg:
            _check_dynamic_type(item, name)
    elif not isinstance(arg, Tensor):
        raise TypeError(f"The decorator enable_dynamic only supports Tensor or a tuple/list of Tensor, but the "
                        f"argument : {name} is type of:{type(arg)}.")


def enable_dynamic(**kwargs):
    """Decorator for an ``ms.jit`` function: the named arguments compile shape-generic in the dimensions their
    spec (``Tensor(shape=[None, ...], dtype=...)``; ``Tensor(shape=None, dtype=...)`` for an unknown rank; Symbol
    dimensions with their ranges) leaves open (``torch._dynamo.mark_dynamic``). Each call checks the inputs' dtypes
    and fixed sizes against the specs, as the reference does."""
    if not kwargs:
        raise ValueError("When using decorator enable_dynamic, the input cannot be empty!")
    for name, arg in kwargs.items():
        _check_dynamic_type(arg, name)
        if not _dynamic_spec_ok(arg, name):
            raise TypeError(f"When using decorator enable_dynamic, the shape of argument '{name}' at least have "
                            f"one None.")

    def decorator(func):
        if not isinstance(func, (types.FunctionType, types.MethodType)):
            raise ValueError(f"Decorator enable_dynamic can only be used for function or method decrocated by "
                             f"ms.jit, but got {func}.")
        names = [n for n in inspect.signature(func).parameters if n != "self"]
        if len(kwargs) > len(names):
            raise ValueError(f"When using decorator enable_dynamic, the number of arguments {len(kwargs)} exceeds "
                             f"the number of function arguments {len(names)}.")
        specs = {names.index(key): (key, value) for key, value in kwargs.items()}
        inner = inspect.unwrap(func)
        inner = getattr(inner, "__func__", inner)
        inner.__enable_dynamic__ = specs        # read by the jitted function at each call (lightspore._compile)
        return func

    return decorator


def jit_class(cls):
    """Class decorator: the reference lets graph code use instances of ``cls``; eager code always can."""
    if not isinstance(cls, type):
        raise TypeError(f"Decorator jit_class can only be used for class type, but got {cls!r}.")
    from ..nn.cell import Cell
    if issubclass(cls, Cell):
        raise TypeError(f"Decorator jit_class is for user-defined classes, not nn.Cell: {cls!r}.")
    try:
        cls.__ms_class__ = True
    except TypeError:
        raise TypeError(f"Decorator jit_class cannot mark the built-in type {cls!r}.") from None
    return cls


def lazy_inline(fn=None, attrs=None, policy=None):
    """Decorator for a Cell's ``__init__``: in the reference, the cell's graph is compiled once and reused.
    Eager execution has no graphs, so the ``__init__`` runs as written."""
    def deco(f):
        if getattr(f, "__name__", "") != "__init__":
            raise ValueError(f"The lazy_inline should decorate the __init__ function, not the function: "
                             f"{getattr(f, '__name__', f)!r}.")
        return f
    return deco(fn) if fn is not None else deco


def no_inline(fn=None):
    """Decorator: in the reference, keeps a function out of graph inlining; eager code runs it as written."""
    return fn if fn is not None else (lambda f: f)

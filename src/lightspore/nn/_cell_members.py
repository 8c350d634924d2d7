"""The ``Cell`` members MindSpore keeps for its graph compiler, parallel planner and mixed precision, with the
values and checks they have on a CPU or GPU process of the reference; ``nn/cell.py`` attaches them to ``Cell``.

Most are plain state (flags, caches, layout dictionaries) that the reference's own code or a user's reads back; a
few act: ``compile``/``compile_and_run`` hand the cell to the jit machinery (``lightspore._compile``, on
``torch.compile``), ``offload`` keeps the activations a cell saves for its backward pass in host memory while it
runs on a GPU (``torch.autograd.graph.save_on_cpu``), ``set_comm_fusion`` sets ``Parameter.comm_fusion``.
"""
import enum
import functools
import time
import weakref
from collections import OrderedDict
from typing import Any, Callable, Dict, List, TypeVar, Union

import torch

from .. import _checkparam as validator
from .. import log as logger


class MixedPrecisionType(int, enum.Enum):
    """``mindspore._c_expression.MixedPrecisionType``: what ``Cell.get_mixed_precision_type`` returns."""
    NOTSET = 0
    FP16 = 1
    FP32 = 2
    BF16 = 3


_TO_FLOAT = {torch.float16: MixedPrecisionType.FP16, torch.float32: MixedPrecisionType.FP32,
             torch.bfloat16: MixedPrecisionType.BF16}


def _lazy(name, factory):
    """A read-only property over ``__dict__[name]``, created by ``factory()`` on first read."""
    def get(self):
        d = self.__dict__
        v = d.get(name)
        if v is None:
            v = d[name] = factory()
        return v
    return get


def _checked(name, kind, message):
    """The setter of a property: ``value`` must be ``kind`` (TypeError with ``message`` and its type)."""
    def set_(self, value):
        if not isinstance(value, kind):
            raise TypeError(f"{message}, but got type {type(value)}.")
        self.__dict__[name] = value
    return set_


def _unset_until_assigned(name, public):
    """Read: the value once assigned; before that the reference's Cell has none (AttributeError, its message)."""
    def get(self):
        d = self.__dict__
        if name not in d:
            raise AttributeError(f"The '{type(self).__name__}' object has no attribute '{public}'.")
        return d[name]
    return get


def _set_compile_phase(self, value):
    if not isinstance(value, str):
        raise TypeError(f"For 'Cell', 'compile_phase' must be string type, but got type {type(value)}.")
    self.__dict__["_compile_phase"] = value
    for cell in self._cells.values():
        if cell is not None:
            cell.compile_phase = value


def _stage_setter(name, what):
    def set_(self, value):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{what} must be int type, but got type : {type(value)}")
        if value < 0:
            raise ValueError(f"{what} can not be less than 0, but got {value}")
        self.__dict__[name] = value
    return set_


def _set_bprop_debug(self, value):
    if not isinstance(value, bool):
        raise TypeError(f"For 'Cell', the property 'bprop_debug' must be bool type, but got type {type(value)}.")
    self.__dict__["_bprop_debug"] = value


PROPERTIES = {
    "create_time": property(lambda self: self.__dict__["_create_time"]),
    "bprop_debug": property(lambda self: self.__dict__.get("_bprop_debug", False), _set_bprop_debug),
    "compiled": property(lambda self: self.__dict__.get("_compiled", False)),
    "compile_cache": property(_lazy("_compile_cache", set)),
    "phase_cache": property(_lazy("_phase_cache", dict)),
    "compile_phase": property(lambda self: self.__dict__.get("_compile_phase"), _set_compile_phase),
    "exist_names": property(lambda self: self.__dict__["_exist_names"]),
    "exist_objs": property(lambda self: self.__dict__["_exist_objs"]),
    "cell_init_args": property(_unset_until_assigned("_cell_init_args", "cell_init_args"),
                               _checked("_cell_init_args", str, "For 'Cell', the property 'cell_init_args' must be "
                                        "string type")),
    "enable_backward_hook": property(_unset_until_assigned("_enable_backward_hook", "enable_backward_hook")),
    "parameter_layout_dict": property(_lazy("_parameter_layout_dict", dict),
                                      _checked("_parameter_layout_dict", dict, "For 'Cell', the property "
                                               "'parameter_layout_dict' must be dict type")),
    "parallel_parameter_name_list": property(_lazy("_parallel_parameter_name_list", tuple),
                                             _checked("_parallel_parameter_name_list", list, "For 'Cell', the "
                                                      "property 'parallel_parameter_name_list' must be list type")),
    "parallel_parameter_merge_net_dict": property(
        _lazy("_parallel_parameter_merge_net_dict", dict),
        _checked("_parallel_parameter_merge_net_dict", dict, "For 'Cell', the property "
                 "'parallel_parameter_merge_net_dict' must be dict type")),
    "pipeline_stage": property(_unset_until_assigned("_pipeline_stage", "pipeline_stage"),
                               _stage_setter("_pipeline_stage", "For 'Cell', the property 'pipeline_stage'")),
    "pipeline_segment": property(_unset_until_assigned("_pipeline_segment", "pipeline_segment"),
                                 _stage_setter("_pipeline_segment", "For 'context.set_auto_parallel_context', the "
                                               "argument 'pipeline_stages'")),
}

CLASS_ATTRS = {
    "T_destination": TypeVar("T_destination", bound=Dict[str, Any]),
    "total_instance_count": 0,
    "global_cells": weakref.WeakKeyDictionary(),
}


_CELL = []      # the Cell class (attach)
COMPILED = weakref.WeakSet()    # cells with a compiled form (ms_memory_recycle empties their compile_cache)


def on_init(cell):
    """What ``Cell.__init__`` records: its creation time (ns) and one more live instance."""
    cell.__dict__["_create_time"] = time.time_ns()
    _CELL[0].total_instance_count += 1


def on_del(cell):
    try:
        if "_create_time" in cell.__dict__:
            _CELL[0].total_instance_count -= 1
    except (TypeError, AttributeError, IndexError):     # interpreter shutdown: module state already cleared
        pass


# ---- methods ----------------------------------------------------------------------------------------------
def cast_inputs(self, inputs, dst_type):
    logger.warning("'cast_inputs' will be deprecated in future versions.")


def remove_redundant_parameters(self):
    logger.warning("'remove_redundant_parameters' will be deprecated in future versions.")


def run_construct(self, cast_inputs, kwargs):
    """As in the reference: ``construct`` (with this cell's hooks) is called with the two arguments as they are."""
    logger.warning(f"The 'run_construct' function of '{self.cls_name}' will be removed in a future version. "
                   f"Calling this function is not recommended.")
    return self._run_construct((cast_inputs, kwargs), {})


def _phase_key(self):
    from .. import _release
    tail = ".0" if _release.follows_2_10() else ".0..0"
    return f"{self.phase}.{self.create_time}.{id(self)}{tail}"


def compile(self, *args, **kwargs):
    """Prepare this cell's compiled form (``torch.compile`` traces it on its first runs, as ``ms.jit`` does) and
    record its phase, as the reference's graph executor does; nothing runs."""
    from .._compile import compile_function
    d = self.__dict__
    if d.get("_compiled_call") is None:
        cell = self
        d["_compiled_call"] = compile_function(lambda *a, **k: cell._run_construct(a, k),
                                               name=f"{type(self).__name__}.construct")
    COMPILED.add(self)
    key = _phase_key(self)
    self.compile_cache.add(key)
    self.phase_cache[self.phase] = key


def compile_and_run(self, *args, **kwargs):
    """``compile`` then run the compiled form; in GRAPH_MODE this marks the cell ``compiled``."""
    from .._compile import graph_mode_enabled
    self.compile(*args, **kwargs)
    if graph_mode_enabled():
        self.__dict__["_compiled"] = True
    return self.__dict__["_compiled_call"](*args, **kwargs)


def _offload_construct(cell, inner, *args, **kwargs):
    on_gpu = any(p is not None and p._t.is_cuda for p in cell._params.values())
    if on_gpu and torch.is_grad_enabled():
        with torch.autograd.graph.save_on_cpu(pin_memory=True):
            return inner(*args, **kwargs)
    return inner(*args, **kwargs)


def offload(self, backward_prefetch="Auto"):
    """The activations this cell's cells save for the backward pass wait in host memory (inside
    ``grad``/``value_and_grad``, for cells on a GPU); ``backward_prefetch`` is 'Auto' or a non-negative int."""
    if isinstance(backward_prefetch, str):
        validator.check_string(backward_prefetch, ["Auto"], "backward_prefetch", self.cls_name)
    else:
        validator.check_non_negative_int(backward_prefetch)
    for _, cell in self.cells_and_names():
        d = cell.__dict__
        if d.get("_offload") is None:
            d["construct"] = functools.partial(_offload_construct, cell, cell.construct)
        d["_offload"] = backward_prefetch


def _primitives(cell):
    from ..ops._table import Primitive
    for _, c in cell.cells_and_names():
        for v in list(c.__dict__.values()):
            if isinstance(v, Primitive):
                yield v


def set_data_parallel(self):
    for prim in _primitives(self):
        prim.add_prim_attr("strategy_gen_mode", "data_parallel")


def parameters_broadcast_dict(self, recurse=True):
    out = OrderedDict((p.name, p) for p in self.get_parameters(expand=recurse) if p.layerwise_parallel is False)
    return out or None


def set_broadcast_flag(self, mode=True):
    self.add_flags_recursive(broadcast_flag=mode)
    return self


def set_comm_fusion(self, fusion_type, recurse=True):
    validator.check_non_negative_int(fusion_type)
    for p in self.trainable_params(recurse):
        p.comm_fusion = fusion_type
    return self


def check_names_and_refresh_name(self):
    if "_params" not in self.__dict__:
        return
    names = [p.name for p in dict(self.parameters_and_names()).values()]
    if len(set(names)) < len(names):
        self.update_parameters_name()
        self.check_names()


def get_mixed_precision_type(self):
    """FP16/FP32/BF16 after ``to_float`` or ``set_mixed_precision_type``, else NOTSET."""
    d = self.__dict__
    mpt = d.get("_mixed_precision_type")
    if mpt is not None:
        return mpt
    return _TO_FLOAT.get(d.get("_cast_type"), MixedPrecisionType.NOTSET)


def set_mixed_precision_type(self, mixed_precision_type):
    """Record the type (the reference's graph compiler reads it; a PyNative call does not change)."""
    if not isinstance(mixed_precision_type, MixedPrecisionType):
        raise TypeError("set_mixed_precision_type(): incompatible function arguments. The following argument "
                        "types are supported: (self: Cell, arg0: MixedPrecisionType) -> None. Invoked with: "
                        f"{self!r}, {mixed_precision_type!r}")
    self.__dict__["_mixed_precision_type"] = mixed_precision_type


def _in_jit():
    """True inside an ``ms.jit`` call (its first, eager run included) or in GRAPH_MODE."""
    import sys

    from .. import _compile
    if _compile.graph_mode_enabled() or torch.compiler.is_compiling():
        return True
    code = _compile._JitState.__call__.__code__
    f = sys._getframe(2)
    while f is not None:
        if f.f_code is code:
            return True
        f = f.f_back
    return False


def _param_hook_construct(cell, inner, *args, **kwargs):
    if not _in_jit():       # as in the reference: the hooks act in compiled (jit / GRAPH_MODE) calls only
        return inner(*args, **kwargs)
    net_hook = cell.__dict__.get("__parameter_forward_hook__")
    swapped = []
    try:
        for p in cell.get_parameters():
            hooks = list(p.__dict__.get("_forward_hooks", ())) + ([net_hook] if net_hook is not None else [])
            value = p
            for hook in hooks:
                out = hook(value)
                value = value if out is None else out
            if value is not p:
                swapped.append((p, p._t))
                p._t = value._t
        return inner(*args, **kwargs)
    finally:
        for p, t in swapped:
            p._t = t


def register_parameter_forward_hook(self, hook: Union[Callable, List[Dict[str, Any]]]) -> None:
    """2.10: in compiled calls (``ms.jit``, GRAPH_MODE) each Parameter of this cell is read through ``hook(param)``
    (a callable: every Parameter; a list of ``{"params": [...], "hook": fn}``: those Parameters), gradients
    flowing through the hook; PyNative calls read the Parameters as they are, as in the reference."""
    from ..common.parameter import Parameter
    if isinstance(hook, list):
        for item in hook:
            if not isinstance(item, dict):
                raise TypeError(f"Each item in the hook list must be a dictionary, but got {type(item)}.")
            if not ("params" in item and "hook" in item):
                raise ValueError("Each dictionary in the hook list must contain both params and hook keys.")
            if not callable(item["hook"]):
                raise TypeError(f"The hook value must be callable, but got {type(item['hook'])}.")
            for p in item["params"]:
                if not isinstance(p, Parameter):
                    raise TypeError(f"All items in params must be of type 'Parameter', but got {type(p)}.")
                p.__dict__.setdefault("_forward_hooks", []).append(item["hook"])
    elif callable(hook):
        self.__dict__["__parameter_forward_hook__"] = hook
    else:
        raise TypeError(f"Hook must be a callable function or a list of dictionaries, but got {type(hook)}.")
    d = self.__dict__
    if not d.get("_parameter_hooks_on"):
        d["construct"] = functools.partial(_param_hook_construct, self, self.construct)
        d["_parameter_hooks_on"] = True


METHODS = {f.__name__: f for f in (
    register_parameter_forward_hook,
    cast_inputs, remove_redundant_parameters, run_construct, compile, compile_and_run, offload, set_data_parallel,
    parameters_broadcast_dict, set_broadcast_flag, set_comm_fusion, check_names_and_refresh_name,
    get_mixed_precision_type, set_mixed_precision_type)}


def attach(cell_cls):
    """Put the members on ``Cell``."""
    _CELL[:] = [cell_cls]
    for name, value in {**PROPERTIES, **CLASS_ATTRS, **METHODS}.items():
        setattr(cell_cls, name, value)
    for name, f in METHODS.items():
        f.__qualname__ = f"Cell.{name}"

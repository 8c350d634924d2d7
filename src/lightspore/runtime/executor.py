"""``mindspore.runtime`` executor settings mapped onto torch."""
import os
import re

import torch

from .. import _checkparam as validator
from .. import _release
from .. import log as logger
from ..parallel._checks import _check_kwarg_types

__all__ = ["launch_blocking", "dispatch_threads_num", "set_cpu_affinity"]

_configured = {}


def launch_blocking():
    """Run every kernel synchronously (errors surface at the op that caused them): sets CUDA_LAUNCH_BLOCKING
    and the ``pynative_synchronize`` context key."""
    from ..context import _context
    os.environ["CUDA_LAUNCH_BLOCKING"] = "1"
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        logger.warning("launch_blocking: CUDA was already initialized in this process; CUDA_LAUNCH_BLOCKING takes "
                       "effect in processes started from now on. Call it before the first GPU op.")
    _context["pynative_synchronize"] = True


def _check_thread_count(num, arg, setting, configured):
    """A thread count set once per process (``num``, the argument ``arg``), checked in the reference's order:
    its ``args_type_check`` (an int or None), RuntimeError when ``setting`` is in ``configured`` already, then
    ``check_positive_int``."""
    _check_kwarg_types({arg: num}, {arg: int})
    if setting in configured:
        raise RuntimeError(f"The '{setting}' can not be set repeatedly.")
    return validator.check_positive_int(num, arg)


def dispatch_threads_num(threads_num):
    """Threads that dispatch independent ops (torch's inter-op thread pool). Once per process, before any
    parallel work, as in the reference."""
    _check_thread_count(threads_num, "threads_num", "dispatch_threads_num", _configured)
    try:
        torch.set_num_interop_threads(threads_num)
    except RuntimeError as e:
        raise RuntimeError("The 'dispatch_threads_num' must be set before the first op runs in parallel "
                           f"(torch: {e}).") from None
    _configured["dispatch_threads_num"] = threads_num


_RANGE = re.compile(r"^(\d+-\d+|\d+)(,(\d+-\d+|\d+))*$")


def _cpus_of(ranges):
    cpus = []
    for item in ranges:
        for part in item.split(","):
            lo, _, hi = part.partition("-")
            cpus.extend(range(int(lo), int(hi or lo) + 1))
    return cpus


def _check_affinity_args(affinity_cpu_list, module_to_cpu_dict):
    if affinity_cpu_list is not None:
        if not isinstance(affinity_cpu_list, list):
            raise TypeError(f"The parameter '{affinity_cpu_list}' must be list, but got {type(affinity_cpu_list)}")
        for cpu_range in affinity_cpu_list:
            if not isinstance(cpu_range, str):
                raise ValueError(f"CPU range '{cpu_range}' in '{affinity_cpu_list}' should be a string.")
            if not _RANGE.match(cpu_range):
                raise ValueError(f"CPU range '{cpu_range}' in '{affinity_cpu_list}' should be in format "
                                 "'cpuidX-cpuidY' or 'cpuidX,cpuidY,cpuidZ'.")
    if module_to_cpu_dict is not None:
        if not isinstance(module_to_cpu_dict, dict):
            raise TypeError(f"The parameter '{module_to_cpu_dict}' must be dict, but got {type(module_to_cpu_dict)}")
        for module, indices in module_to_cpu_dict.items():
            if not isinstance(indices, list):
                raise ValueError(f"The value of module_to_cpu_dict: {indices} should be a list.")
            for index in indices:
                if not isinstance(index, int) or index < 0:
                    raise ValueError(f"CPU index '{index}' for module '{module}' in '{indices}' should be a "
                                     "non-negative integer.")


def _from_bind_file(bind_file):
    """(cpu list, module dict) of this device from msrun's unified bind file (``--bind_numa``'s JSON)."""
    import json

    from ..context import get_context
    with open(bind_file, encoding="utf-8") as f:
        conf = json.load(f)
    modules = conf.get("bind_cpu", {}).get(f"device{get_context('device_id')}")
    if not modules:
        return None, None
    ranges = [r for r in modules.values() if isinstance(r, str)]
    cpus = _cpus_of(ranges)
    start = 0
    module_dict = {}
    for name, r in modules.items():
        n = len(_cpus_of([r]))
        module_dict[name] = list(range(start, start + n))
        start += n
    return [",".join(str(c) for c in cpus)], module_dict


def set_cpu_affinity(enable_affinity, affinity_cpu_list=None, module_to_cpu_dict=None, bind_file=None):
    """Thread-level core binding, once per process. As in the reference's CPU build: the arguments are checked,
    CPUs outside this process's affinity are refused (RuntimeError), a second call raises RuntimeError; the chosen
    plan is kept in ``_configured['cpu_affinity']`` (module -> CPU ids). The reference's CPU runtime binds its own
    actor threads, and the main thread's affinity is left as it is; torch's intra-op threads are left to torch."""
    from ..context import get_context
    if isinstance(affinity_cpu_list, dict):
        affinity_cpu_list = affinity_cpu_list.get(f"device{get_context('device_id')}", False)
        if affinity_cpu_list is False:
            logger.warning("'mindspore.runtime.set_cpu_affinity' is not enabled as wrong dict passed in to "
                           "affinity_cpu_list.")
            return
    if "cpu_affinity" in _configured:
        raise RuntimeError("The 'mindspore.runtime.set_cpu_affinity' cannot be set repeatedly.")
    if not enable_affinity:
        _configured["cpu_affinity"] = {}
        return
    if bind_file is not None:
        affinity_cpu_list, module_to_cpu_dict = _from_bind_file(os.path.abspath(bind_file))
        if affinity_cpu_list is None:
            _configured["cpu_affinity"] = {}
            return
    _check_affinity_args(affinity_cpu_list, module_to_cpu_dict)
    available = sorted(os.sched_getaffinity(0))
    if affinity_cpu_list:
        cpus = _cpus_of(affinity_cpu_list)
        for c in cpus:
            if c not in available:
                raise RuntimeError(f"CPU id:{c} set in affinity_cpu_list:{affinity_cpu_list} is not available.")
    else:
        cpus = available
    plan = {"main": cpus}
    if module_to_cpu_dict:
        plan = {m: [cpus[i] for i in idx if i < len(cpus)] for m, idx in module_to_cpu_dict.items()}
    _configured["cpu_affinity"] = plan


def _set_cpu_affinity_2_7_1(enable_affinity, affinity_cpu_list=None, module_to_cpu_dict=None):
    """2.7.1's signature (``bind_file`` came with 2.10's msrun ``--bind_numa``)."""


_release.signature_per_release(set_cpu_affinity, _set_cpu_affinity_2_7_1, set_cpu_affinity)

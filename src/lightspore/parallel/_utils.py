"""``mindspore.parallel._utils``: the small helpers model code and training wrappers call to read the parallel
context (``_get_device_num``, ``_get_gradients_mean``, ``_get_parallel_mode``, ...)."""
from __future__ import annotations

import logging

from ..common.seed import get_seed
from ..communication.management import get_group_size, get_rank
from ._auto_parallel_context import ParallelMode, auto_parallel_context

_logger = logging.getLogger("lightspore")


def _get_parallel_mode():
    """The parallel mode ('stand_alone', 'data_parallel', ...)."""
    return auto_parallel_context().get_parallel_mode()


def _is_in_data_parallel_mode():
    return _get_parallel_mode() == ParallelMode.DATA_PARALLEL


def _is_in_hybrid_parallel_mode():
    return _get_parallel_mode() == ParallelMode.HYBRID_PARALLEL


def _is_sharding_propagation():
    """Whether sharding propagation searches the strategies (semi-auto/auto parallel only: never here)."""
    ctx = auto_parallel_context()
    return ctx.get_strategy_search_mode() == "sharding_propagation" or ctx.get_sharding_propagation()


def _is_in_auto_parallel_mode():
    return _get_parallel_mode() in (ParallelMode.SEMI_AUTO_PARALLEL, ParallelMode.AUTO_PARALLEL)


def _get_gradients_mean():
    """Whether gradients are averaged (not summed) over the devices."""
    return auto_parallel_context().get_gradients_mean()


def _get_device_num():
    """1 stand-alone; else the context's device_num when it was set, or the world size."""
    ctx = auto_parallel_context()
    if ctx.get_parallel_mode() == ParallelMode.STAND_ALONE:
        return 1
    return ctx.get_device_num() if ctx.get_device_num_is_set() else get_group_size()


def _get_global_rank():
    """0 stand-alone; else the context's global_rank when it was set, or this process's rank."""
    ctx = auto_parallel_context()
    if ctx.get_parallel_mode() == ParallelMode.STAND_ALONE:
        return 0
    return ctx.get_global_rank() if ctx.get_global_rank_is_set() else get_rank()


def _get_parameter_broadcast():
    """Whether the parameters of rank 0 are broadcast to the others before training."""
    ctx = auto_parallel_context()
    pb = ctx.get_parameter_broadcast()
    if ctx.get_parallel_mode() in ("data_parallel", "hybrid_parallel") and pb is False:
        if get_seed() is None:
            _logger.warning("You are suggested to use mindspore.context.set_auto_parallel_context("
                            "parameter_broadcast=True) or mindspore.common.set_seed() to share parameters among "
                            "multi-devices.")
    return pb


def _get_full_batch():
    return auto_parallel_context().get_full_batch()


def _get_pipeline_stages():
    return auto_parallel_context().get_pipeline_stages()


def _get_stage_device_num():
    return _get_device_num() // _get_pipeline_stages()


def _get_enable_parallel_optimizer():
    return auto_parallel_context().get_enable_parallel_optimizer()


def _get_grad_accumulation_shard():
    return auto_parallel_context().get_grad_accumulation_shard()


def _check_full_batch():
    if _get_parallel_mode() not in ("semi_auto_parallel", "auto_parallel") and _get_full_batch():
        raise RuntimeError("full_batch could only be used under semi_auto_parallel or auto_parallel.")


def _need_to_full():
    """Whether dataset shapes must be expanded to the full batch (only in semi-auto/auto parallel, absent here)."""
    return False


def _device_number_check(parallel_mode, device_number):
    if parallel_mode == "stand_alone" and device_number != 1:
        raise ValueError(f"If parallel_mode is stand_alone, device_number must be 1, device_number: {device_number}, "
                         f"parallel_mode:{parallel_mode}")


def _parameter_broadcast_check(parallel_mode, parameter_broadcast):
    if parameter_broadcast is True and parallel_mode in ("stand_alone", "semi_auto_parallel", "auto_parallel"):
        raise ValueError(f"stand_alone, semi_auto_parallel and auto_parallel do not support parameter broadcast, "
                         f"parallel_mode: {parallel_mode}, parameter_broadcast:{parameter_broadcast}")

"""``mindspore.runtime`` memory functions on torch's CUDA caching allocator.

On the CPU target the reference's memory pool reports zeros; so does this module. On a GPU the numbers are
torch's: reserved = bytes held by the caching allocator, allocated = bytes in live tensors, idle = reserved -
allocated, peaks since the last reset.
"""
import contextlib
import re

import torch

from .. import log as logger
from ..parallel._checks import _check_kwarg_types
from .device import _cuda_device

__all__ = ["set_memory", "memory_stats", "memory_reserved", "max_memory_reserved", "empty_cache",
           "reset_peak_memory_stats", "memory_summary", "memory_allocated", "max_memory_allocated",
           "reset_max_memory_reserved", "reset_max_memory_allocated", "memory_replay", "PluggableAllocator",
           "MemPool", "use_mem_pool", "ms_memory_recycle"]

_MEMORY_RE = re.compile(r"[1-9][0-9]*(\.)?[0-9]*GB|0\.[0-9]*GB")
_RESERVE_RE = re.compile(r"[0-9][0-9]*(\.)?[0-9]*GB|0\.[0-9]*GB")
_memory_conf = {}


def _size(value, pattern, allow_zero=False):
    """A "xxGB" size as the reference checks it: a prefix match of its pattern (``re.match``), then not zero."""
    if pattern.match(value) is None:
        raise ValueError(f"The '{value}' is illegal, it must be match regular'{pattern.pattern}' by "
                         f"flags'{re.ASCII}.'")
    if not allow_zero and value in ("0GB", "0.0GB"):
        raise ValueError('The memory value should not be "0GB".')
    return float(value[:-2])


def set_memory(init_size='2GB', increase_size='2GB', max_size='1024GB', optimize_level='O0',
               huge_page_reserve_size='0GB'):
    """Configure the device memory pool once per process. ``max_size`` caps the CUDA caching allocator
    (``torch.cuda.set_per_process_memory_fraction``) on a GPU; the other sizes are recorded (torch's allocator
    grows by itself). A second call raises RuntimeError, as in the reference."""
    args = {"init_size": init_size, "increase_size": increase_size, "max_size": max_size,
            "optimize_level": optimize_level, "huge_page_reserve_size": huge_page_reserve_size}
    _check_kwarg_types(args, dict.fromkeys(args, str))      # every argument a str, before anything else
    if _memory_conf:
        raise RuntimeError("The 'set_memory' can not be set repeatedly.")
    sizes = {"init_size": _size(init_size, _MEMORY_RE), "increase_size": _size(increase_size, _MEMORY_RE),
             "max_size": _size(max_size, _MEMORY_RE),
             "huge_page_reserve_size": _size(huge_page_reserve_size, _RESERVE_RE, True)}
    if optimize_level not in ("O0", "O1"):
        raise ValueError(f"The optimize_level must be one of ['O0', 'O1'], but got {optimize_level}.")
    dev = _cuda_device()
    if dev is not None:
        total = torch.cuda.get_device_properties(dev).total_memory
        torch.cuda.set_per_process_memory_fraction(min(1.0, sizes["max_size"] * (1 << 30) / total), dev)
    from ..context import _context
    _context["memory_optimize_level"] = optimize_level
    _memory_conf.update(sizes, optimize_level=optimize_level)


def _pool(block_unit_size=0):
    return {"block_unit_size": block_unit_size, "block_counts": 0, "blocks_info": {}}


def memory_stats():
    """The memory pool's counters (bytes) as the reference names them."""
    return _stats(_cuda_device())


def _stats(dev):
    if dev is None:
        s = dict.fromkeys(("total_reserved_memory", "total_allocated_memory", "total_idle_memory",
                           "total_eager_free_memory", "max_reserved_memory", "max_allocated_memory"), 0)
        s["commom_mem_pool_stats"] = _pool()
        s["persistent_mem_pool_stats"] = {"block_counts": 0, "block_unit_size": 0, "blocks_info": {}}
        return s
    t = torch.cuda.memory_stats(dev)
    reserved = int(t.get("reserved_bytes.all.current", 0))
    allocated = int(t.get("allocated_bytes.all.current", 0))
    segments = torch.cuda.memory_snapshot()
    blocks = {}
    for seg in segments:
        if seg.get("device", dev.index) == (dev.index or 0):
            blocks[seg["address"]] = {"block_stream_id": 0, "block_memory_size": seg["total_size"]}
    return {"total_reserved_memory": reserved, "total_allocated_memory": allocated,
            "total_idle_memory": reserved - allocated, "total_eager_free_memory": 0,
            "max_reserved_memory": int(t.get("reserved_bytes.all.peak", 0)),
            "max_allocated_memory": int(t.get("allocated_bytes.all.peak", 0)),
            "commom_mem_pool_stats": {"block_unit_size": 0, "block_counts": len(blocks), "blocks_info": blocks},
            "persistent_mem_pool_stats": {"block_counts": 0, "block_unit_size": 0, "blocks_info": {}}}


def memory_reserved():
    """Bytes the memory pool holds on the current device (0 on CPU)."""
    return memory_stats()["total_reserved_memory"]


def max_memory_reserved():
    """Peak of :func:`memory_reserved` since the process start or the last reset."""
    return memory_stats()["max_reserved_memory"]


def memory_allocated():
    """Bytes in live tensors on the current device (0 on CPU)."""
    return memory_stats()["total_allocated_memory"]


def max_memory_allocated():
    """Peak of :func:`memory_allocated` since the process start or the last reset."""
    return memory_stats()["max_allocated_memory"]


def empty_cache():
    """Release the cached, unused blocks of the memory pool to the device."""
    dev = _cuda_device()
    released = 0
    if dev is not None:
        before = torch.cuda.memory_reserved(dev)
        torch.cuda.empty_cache()
        released = before - torch.cuda.memory_reserved(dev)
    logger.info(f"The empty_cache operation is executed successfully, release size: {released}.")


def reset_max_memory_reserved():
    """Restart the peak of :func:`max_memory_reserved` from the current value."""
    reset_peak_memory_stats()


def reset_max_memory_allocated():
    """Restart the peak of :func:`max_memory_allocated` from the current value."""
    reset_peak_memory_stats()


def reset_peak_memory_stats():
    """Restart both peaks from the current values."""
    dev = _cuda_device()
    if dev is not None:
        torch.cuda.reset_peak_memory_stats(dev)


def _format_size(n):
    prefixes = ["B  ", "KB", "MB", "GB", "TB", "PB"]
    prefix, scaled = prefixes[0], n
    for p in prefixes[1:]:
        if scaled < 768 * 1024:
            break
        prefix = p
        n //= 1024
        scaled /= 1024
    return f"{n:6d} {prefix}"


def memory_summary():
    """A printable table of :func:`memory_stats`, laid out as the reference's."""
    return _summary(memory_stats())


def _summary(stats):
    rows = [("total_reserved_memory", "Reserved memory"), ("total_allocated_memory", "Allocated memory"),
            ("total_idle_memory", "Idle memory"), ("total_eager_free_memory", "Eager free memory"),
            ("max_reserved_memory", "Max reserved memory"), ("max_allocated_memory", "Max allocated memory")]
    lines = ["=" * 45, " {:^43} ".format("Memory summary"), "=" * 45, " {:<20} | {:<20} ".format("Metric", "Data")]
    for key, title in rows:
        lines.append("-" * 45)
        lines.append(f" {title:<20} | {_format_size(stats[key]):<20} ")
    lines.append("=" * 45)
    return "|" + "|\n|".join(lines) + "|\n"


def memory_replay(file_path):
    """Replay the allocations and frees recorded in an Ascend ``memory_block.csv``: Ascend-only in the reference,
    whose CPU and GPU builds raise RuntimeError (no Ascend device context); so does lightspore."""
    import os
    raise RuntimeError(f"For 'memory_replay', replaying {os.path.realpath(file_path)!r} needs an Ascend device "
                       f"context; the current device target is {_target_name()}.")


def _target_name():
    from .device import _target
    return _target()


class PluggableAllocator:
    """Allocation functions from a shared library (loaded with ctypes): ``alloc_fn_name`` is
    ``void* alloc(size_t size, int device, stream)`` and ``free_fn_name`` ``void free(void* ptr, size_t size, ...)``.
    With ``MemPool`` and ``use_mem_pool`` they take over device allocations (on a GPU, through torch's
    ``CUDAPluggableAllocator``, which calls ``free(ptr, size, device, stream)``)."""

    def __init__(self, path_to_so_file: str, alloc_fn_name: str, free_fn_name: str):
        import ctypes
        lib = ctypes.CDLL(path_to_so_file)
        alloc_fn = ctypes.cast(getattr(lib, alloc_fn_name), ctypes.c_void_p).value
        free_fn = ctypes.cast(getattr(lib, free_fn_name), ctypes.c_void_p).value
        if alloc_fn is None:
            raise ValueError(f"Cannot find allocator function {alloc_fn_name} in {path_to_so_file}")
        if free_fn is None:
            raise ValueError(f"Cannot find free function {free_fn_name} in {path_to_so_file}")
        self._alloc_fn, self._free_fn = alloc_fn, free_fn
        self._source = (path_to_so_file, alloc_fn_name, free_fn_name)
        self._torch = None

    @property
    def alloc_fn_ptr(self) -> int:
        return self._alloc_fn

    @property
    def free_fn_ptr(self) -> int:
        return self._free_fn

    def _torch_allocator(self):
        if self._torch is None:
            self._torch = torch.cuda.memory.CUDAPluggableAllocator(*self._source)
        return self._torch


class MemPool:
    """A pool over a ``PluggableAllocator``, for ``use_mem_pool``."""

    def __init__(self, allocator: PluggableAllocator):
        self._allocator = allocator
        self._torch = None

    @property
    def allocator(self) -> PluggableAllocator:
        return self._allocator


@contextlib.contextmanager
def use_mem_pool(pool: MemPool):
    """Inside the block, this thread's device allocations come from ``pool`` (on a GPU: ``torch.cuda.MemPool``
    over the allocator, ``torch.cuda.use_mem_pool``). On the CPU target there is no device pool to route: the
    reference's CPU build raises NameError (its pluggable-allocator hook is absent), and so does lightspore."""
    allocator = pool.allocator
    dev = _cuda_device()
    if dev is None:
        raise NameError("For 'use_mem_pool', the pluggable allocator routes device memory, and the current device "
                        f"target {_target_name()} has no device memory pool (use it on a GPU).")
    if pool._torch is None:
        pool._torch = torch.cuda.MemPool(allocator._torch_allocator().allocator())
    with torch.cuda.use_mem_pool(pool._torch, device=dev):
        yield


def ms_memory_recycle():
    """``mindspore.ms_memory_recycle``: drop every compiled graph (``torch._dynamo.reset``: ``ms.jit`` functions and
    compiled cells recompile on their next call), empty the compile caches of the cells that compiled
    (``Cell.compile_cache``), and return the cached device memory (``torch.cuda.empty_cache``)."""
    import gc

    from ..nn._cell_members import COMPILED
    for cell in list(COMPILED):
        cell.compile_cache.clear()
        cell.__dict__.pop("_compiled_call", None)
    COMPILED.clear()
    torch._dynamo.reset()
    gc.collect()
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        torch.cuda.empty_cache()

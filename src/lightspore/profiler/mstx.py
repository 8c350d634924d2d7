"""``mindspore.profiler.mstx``: user markers and ranges in the profiler's trace.

While a lightspore profiler records, ``mark`` adds an instant span named ``mstx::<domain>::<message>`` and
``range_start``/``range_end`` a span around the work between them (torch's record_function; on a GPU also NVTX,
which Nsight shows). Without a recording profiler they do nothing and ``range_start`` returns 0, as the
reference does without its (NPU) profiler.
"""
import itertools

import torch

from .. import log as logger

__all__ = ["Mstx"]


def _ok(message, domain, where):
    if not message or not isinstance(message, str):
        logger.warning(f"Invalid message for mstx.{where} func. Please input valid message string.")
        return False
    if not isinstance(domain, str) or domain == "":
        logger.warning(f"Invalid domain name for mstx.{where} func. Please input str and can not be empty.")
        return False
    return True


def _recording():
    from .profiler import _active
    return bool(_active)


class Mstx:
    """Markers and ranges (the reference's ``mstx``)."""

    _ids = itertools.count(1)
    _open = {}

    @staticmethod
    def mark(message: str, stream=None, domain: str = "default") -> None:
        """An instant marker named ``message``."""
        if not _recording() or not _ok(message, domain, "mark"):
            return
        handle = torch.ops.profiler._record_function_enter_new(f"mstx::{domain}::{message}", None)
        torch.ops.profiler._record_function_exit._RecordFunction(handle)
        if torch.cuda.is_available() and torch.cuda.is_initialized():
            torch.cuda.nvtx.mark(message)

    @staticmethod
    def range_start(message: str, stream=None, domain: str = "default") -> int:
        """Open a range named ``message``; returns its id for ``range_end`` (0 when nothing is recorded)."""
        if not _recording() or not _ok(message, domain, "range_start"):
            return 0
        rid = next(Mstx._ids)
        handle = torch.ops.profiler._record_function_enter_new(f"mstx::{domain}::{message}", None)
        nvtx = torch.cuda.nvtx.range_start(message) if torch.cuda.is_available() and torch.cuda.is_initialized() \
            else None
        Mstx._open[rid] = (handle, nvtx, domain)
        return rid

    @staticmethod
    def range_end(range_id: int, domain: str = "default") -> None:
        """Close the range ``range_id`` returned by ``range_start``."""
        if range_id == 0:
            return
        if isinstance(range_id, bool) or not isinstance(range_id, int) or range_id not in Mstx._open:
            logger.warning("Invalid range_id for mstx.range_end func. Please input return value from "
                           "mstx.range_start.")
            return
        handle, nvtx, _dom = Mstx._open.pop(range_id)
        torch.ops.profiler._record_function_exit._RecordFunction(handle)
        if nvtx is not None:
            torch.cuda.nvtx.range_end(nvtx)

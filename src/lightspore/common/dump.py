"""``mindspore.set_dump`` (``mindspore.common.dump``; deprecated in the reference for ``mindspore.tools.set_dump``):
mark a Cell (and every cell under it) or a Primitive for Ascend's data dump. Only Ascend dumps; on CPU and GPU the
reference warns and still sets the marks (the target may be moved later), and so does lightspore: ``dump`` in the
cells' flags, ``dump`` ('true'/'false') in the attributes of primitives that carry one."""
import warnings

from .. import log as logger

__all__ = ["set_dump"]


def _mark(target, enabled):
    from ..nn import Cell
    from ..ops._table import Primitive
    if isinstance(target, Cell):
        target.add_flags(dump=enabled)
        for cell in target.cells():
            _mark(cell, enabled)
        for value in list(target.__dict__.values()):
            if isinstance(value, Primitive) and "dump" in value.attrs:
                _mark(value, enabled)
    if isinstance(target, Primitive):
        target.add_prim_attr("dump", "true" if enabled else "false")


def set_dump(target, enabled=True):
    from .. import context
    from ..nn import Cell
    from ..ops._table import Primitive
    logger.warning("'mindspore.set_dump' is deprecated from version 2.7.1 and will be removed in a future version, "
                   "use 'mindspore.tools.set_dump' instead.")
    if not isinstance(target, (Cell, Primitive)):
        raise ValueError(f"The \"target\" parameter must be an instance of Cell or Primitive, but got an instance of "
                         f"{type(target)}.")
    if not isinstance(enabled, bool):
        raise ValueError("The \"enabled\" parameter must be bool.")
    current = context.get_context("device_target")
    if current != "Ascend":
        warnings.warn(f"Current device_target is {current}, which is not supported by set_dump. Only Ascend device "
                      "target is supported currently. If you have Ascend device, consider set device_target to "
                      "Ascend before calling set_dump.", stacklevel=2)
    _mark(target, enabled)

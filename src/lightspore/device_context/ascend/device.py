"""Ascend availability: never (no torch backend for it in lightspore)."""
from ... import log as logger


def is_available():
    """Ascend is not available in lightspore."""
    logger.warning("Device Ascend is not available.")
    return False


def device_count():
    """RuntimeError, as the reference raises without Ascend devices."""
    raise RuntimeError("Device Ascend not exist.")

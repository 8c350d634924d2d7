"""``mindspore.train.summary``: ``SummaryRecord`` (``summary_record``) writing MindSpore's summary event files."""
from .summary_record import SummaryRecord, _cache_summary, _take_summary_cache  # noqa: F401

__all__ = ["SummaryRecord"]

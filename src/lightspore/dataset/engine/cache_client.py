"""mindspore.dataset.engine.cache_client: the dataset cache client (kept in this process, see
lightspore.dataset._cache)."""
from .._cache import DatasetCache

__all__ = ["DatasetCache"]

"""``DatasetCache``: the reference's cache client, kept in this process.

MindSpore's ``DatasetCache`` talks to a separately started cache server (``cache_admin --start``) that keeps the
rows a pipeline has read so later epochs (and other pipelines of the same session) take them from memory. Here
the rows are kept in the ``DatasetCache`` object itself: a reader given ``cache=`` (COCO, VOC, Manifest and the
other readers of ``_loaders_*``) stores each row the first time it is read and serves it from memory afterwards,
in every epoch and in every pipeline whose reader has the same arguments and the same cache object (as the
reference's server recognises a pipeline it has cached). The other sources and ``map(cache=...)`` accept a cache
and read as without one. No server is needed and none is
contacted: ``hostname``, ``port``, ``num_connections`` and ``prefetch_size`` are checked and kept as the
reference does but unused; ``size`` (MB, 0: unlimited) bounds the memory kept, and rows past it are read again
(``spilling`` is kept for reference's sake: nothing is written to disk).
"""

__all__ = ["DatasetCache"]

_UINT32_MAX = 4294967295
_INT32_MAX = 2147483647
_UINT64_MAX = 18446744073709551615


def _type_error(name, value, types):
    return TypeError(f"Argument {name} with value {value!r} is not of type {types}, but got {type(value)}.")


def _check_int(name, value, lo, hi):
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(name, value, "[<class 'int'>]")
    if not lo <= value <= hi:
        raise ValueError(f"Input {name} is not within the required interval of [{lo}, {hi}].")


class CacheStat:
    """The statistics ``DatasetCache.get_stat()`` returns."""

    def __init__(self, num_mem_cached, avg_cache_sz, num_disk_cached=0):
        self.num_mem_cached = num_mem_cached
        self.avg_cache_sz = avg_cache_sz
        self.num_disk_cached = num_disk_cached

    def __repr__(self):
        return (f"CacheStat(num_mem_cached={self.num_mem_cached}, avg_cache_sz={self.avg_cache_sz}, "
                f"num_disk_cached={self.num_disk_cached})")


class DatasetCache:
    """A cache of the rows a pipeline reads (in this process; see the module's note)."""

    def __init__(self, session_id, size=0, spilling=False, hostname=None, port=None, num_connections=None,
                 prefetch_size=None):
        _check_int("session_id", session_id, 1, _UINT32_MAX)
        if isinstance(size, bool) or not isinstance(size, int):
            raise _type_error("size", size, "(<class 'int'>,)")
        if size != 0:
            if size < 0:
                raise ValueError("Input size must be greater than 0.")
            _check_int("size", size, 0, _UINT64_MAX)
        if not isinstance(spilling, bool):
            raise _type_error("spilling", spilling, "(<class 'bool'>,)")
        if hostname is not None and not isinstance(hostname, str):
            raise _type_error("hostname", hostname, "(<class 'str'>,)")
        if port is not None:
            if isinstance(port, bool) or not isinstance(port, int):
                raise _type_error("port", port, "(<class 'int'>,)")
            if not 1025 <= port <= 65535:
                raise ValueError("Input port is not within the required interval of [1025, 65535].")
        for name, v in (("num_connections", num_connections), ("prefetch_size", prefetch_size)):
            if v is not None:
                _check_int(name, v, 1, _INT32_MAX)
        if hostname is not None and hostname != "127.0.0.1":
            raise RuntimeError("now cache client has to be on the same host with cache server.")
        self.session_id = session_id
        self.size = size
        self.spilling = spilling
        self.hostname = hostname
        self.port = port
        self.prefetch_size = prefetch_size
        self.num_connections = num_connections
        self._rows = {}
        self._bytes = 0
        self._used = False

    def _row(self, source, index, read):
        """Row ``index`` of ``source``: from the cache, or ``read()`` and kept."""
        self._used = True
        key = (source._cache_key(), index)
        row = self._rows.get(key)
        if row is None:
            row = read()
            nbytes = sum(getattr(a, "nbytes", 0) for a in row)
            if self.size == 0 or self._bytes + nbytes <= self.size * 1048576:
                self._rows[key] = row
                self._bytes += nbytes
        return [a.copy() for a in row]

    def get_stat(self):
        """The rows kept in memory (``num_mem_cached``), their average size in bytes (``avg_cache_sz``) and the
        rows spilled to disk (``num_disk_cached``, always 0 here)."""
        if not self._used:
            raise RuntimeError("GetStat called but the cache is not in use yet.")
        n = len(self._rows)
        return CacheStat(n, self._bytes // n if n else 0)

    def __deepcopy__(self, memodict):
        # pipelines are deep-copied when iterated: every copy shares this cache, as the reference's share a server
        memodict[id(self)] = self
        return self

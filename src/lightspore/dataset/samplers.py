"""Samplers: which row indices of a random-access source a pipeline reads, in what order."""
import copy
import numbers
from enum import Enum

import numpy as np

from . import config
from .transforms._check import pipeline_error

__all__ = ["Shuffle", "Sampler", "BuiltinSampler", "SequentialSampler", "RandomSampler", "DistributedSampler",
           "SubsetSampler", "SubsetRandomSampler", "WeightedRandomSampler", "PKSampler"]


class Shuffle(str, Enum):
    """Shuffle levels of the file-based sources (the in-memory sources shuffle globally or not at all)."""
    FALSE = "false"
    ADAPTIVE = "adaptive"
    GLOBAL = "global"
    PARTIAL = "partial"
    FILES = "files"
    INFILE = "infile"


def _rng(epoch, salt=0, always_seeded=False):
    """The generator of one epoch: reproducible when the user set a seed (or ``always_seeded``: every
    shard of a distributed job must draw the same order), fresh otherwise."""
    if always_seeded or config._seeded():
        return np.random.default_rng([config.get_seed(), epoch, salt])
    return np.random.default_rng()


INT64_MAX = 9223372036854775807
_MODES = tuple(Shuffle)


def _integer(name, value):
    """The reference's sampler type checks: an int (a bool is one) ..."""
    if not isinstance(value, int):
        raise TypeError(f"{name} must be integer but was: {value}.")


def _boolean(name, value):
    """... and a bool."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a boolean value but was: {value}.")


def _check_num_samples(num_samples):
    """None or an int in [0, INT64_MAX] (0 reads all rows, as None does, but is what get_num_samples gives)."""
    if num_samples is None:
        return None
    _integer("num_samples", num_samples)
    if num_samples < 0 or num_samples > INT64_MAX:
        raise ValueError(f"num_samples exceeds the boundary between 0 and {INT64_MAX}(INT64_MAX)!")
    return int(num_samples)


def _global_only(mode):
    """A builtin sampler over an in-memory source shuffles globally or not at all (checked when the pipeline
    starts, as the reference). A plain string equal to a mode is not that mode here, as in the reference."""
    if mode is not Shuffle.FALSE and mode is not Shuffle.GLOBAL:
        raise RuntimeError(f"The shuffle mode: {mode} is not supported with current dataset.")


class BuiltinSampler:
    """Base of the samplers: ``indices(n, epoch)`` gives the row ids of one epoch over ``n`` rows; a
    child sampler (``add_child``) samples among the ids its parent chooses."""

    def __init__(self, num_samples=None):
        self.num_samples = num_samples
        self.child_sampler = None

    def add_child(self, sampler):
        if self.child_sampler is not None:
            raise RuntimeError("Cannot add child sampler, this sampler already has a child.")
        if sampler is not None and not isinstance(sampler, BuiltinSampler):
            raise AttributeError(f"'{type(sampler).__name__}' object has no attribute 'get_shuffle_mode'")
        if sampler is not None and sampler.get_shuffle_mode() == Shuffle.PARTIAL:
            raise RuntimeError("When multiple samplers are used, ensure that the shuffle of the input sampler "
                               "must not be Shuffle.PARTIAL.")
        mode = self.get_shuffle_mode()
        if mode not in (Shuffle.GLOBAL, Shuffle.FALSE):
            raise RuntimeError("When multiple samplers are used, ensure that the shuffle of the current sampler "
                               f"must be Shuffle.FALSE or Shuffle.GLOBAL, but got: {mode}.")
        self.child_sampler = sampler

    def get_shuffle_mode(self):
        return Shuffle.FALSE

    def get_child(self):
        return self.child_sampler

    def _ids(self, n, epoch):
        raise NotImplementedError

    def _validate(self):
        """The checks of the argument values the reference makes when the pipeline starts."""

    def indices(self, n, epoch=0, counting=False):
        """Row ids over a source of ``n`` rows (through the child sampler, when one is set); never more
        than ``n`` of them, as the reference caps ``num_samples`` at the source's size. ``counting``: only
        their number is wanted (the dataset's size), where the reference lets some reading errors pass."""
        self._validate()
        if self.child_sampler is not None:
            base = np.asarray(self.child_sampler.indices(n, epoch, counting), dtype=np.int64)
            ids = np.asarray(self._ids(len(base), epoch), dtype=np.int64)
            return base[ids][:len(base)] if len(ids) else base[:0]
        return self._ids(n, epoch)[:n]

    def _limit(self, ids):
        if self.num_samples:
            ids = ids[:self.num_samples]
        return ids

    def get_num_samples(self):
        """``num_samples``, or the child's when smaller or when this sampler has none."""
        own = self.num_samples
        child = self.child_sampler.get_num_samples() if self.child_sampler is not None else None
        if own is None or child is None:
            return child if own is None else own
        return min(own, child)

    def is_shuffled(self):
        return False

    def is_sharded(self):
        return False


class _IterSampler(BuiltinSampler):
    """Any iterable of row ids given as ``sampler=``."""

    def __init__(self, ids, num_samples=None):
        super().__init__(num_samples)
        self.ids = ids

    def _ids(self, n, epoch):
        return self._limit(np.fromiter((int(i) for i in self.ids), dtype=np.int64))


class Sampler(BuiltinSampler):
    """A user sampler: subclass it and write ``__iter__`` yielding row ids (``self.dataset_size`` is
    the number of rows of the source)."""

    def __init__(self, num_samples=None):
        if num_samples is None and hasattr(self, "__len__"):
            num_samples = len(self)
        super().__init__(num_samples)
        self.dataset_size = 0

    def __iter__(self):
        raise NotImplementedError("A user Sampler must define __iter__.")

    def get_num_samples(self):
        """``num_samples``, else the number of ids a pass yields (counted on a copy, leaving this one's state)."""
        if self.num_samples is not None:
            return self.num_samples
        return sum(1 for _ in copy.deepcopy(self))

    def _ids(self, n, epoch):
        self.dataset_size = n
        ids = np.fromiter((int(i) for i in self), dtype=np.int64)
        return self._limit(ids)


class SequentialSampler(BuiltinSampler):
    """Rows in order, from ``start_index``."""

    def __init__(self, start_index=None, num_samples=None):
        if start_index is not None:
            _integer("start_index", start_index)
        super().__init__(_check_num_samples(num_samples))
        self.start_index = start_index

    def _validate(self):
        if (self.start_index or 0) < 0:
            raise pipeline_error(f"SequentialSampler: start_index_ must be greater than or equal to 0, but got: "
                                 f"{self.start_index}")

    def indices(self, n, epoch=0, counting=False):
        start = int(self.start_index or 0)
        if n and start >= n and not counting:     # a size of 0, an error when read
            raise pipeline_error(f"Invalid parameter, start_index must be less than num_rows, but got start_index: "
                                 f"{start}, num_rows: {n}.")
        return super().indices(n, epoch, counting)

    def _ids(self, n, epoch):
        start = int(self.start_index or 0)
        return self._limit(np.arange(start, n, dtype=np.int64))


class RandomSampler(BuiltinSampler):
    """Rows in a random order (a new one each epoch), with or without replacement."""

    def __init__(self, replacement=False, num_samples=None, shuffle=Shuffle.GLOBAL):
        _boolean("replacement", replacement)
        num_samples = _check_num_samples(num_samples)
        if shuffle not in _MODES or shuffle == Shuffle.FALSE:
            raise TypeError(f"shuffle must be valid shuffle mode but was: {shuffle}.")
        super().__init__(num_samples)
        self.replacement = replacement
        self.shuffle = shuffle

    def _validate(self):
        _global_only(self.shuffle)

    def get_shuffle_mode(self):
        return self.shuffle

    def _ids(self, n, epoch):
        rng = _rng(epoch, 1)
        if self.replacement:
            if not n:
                return np.zeros(0, np.int64)
            return rng.integers(0, n, size=min(self.num_samples or n, n), dtype=np.int64)
        return self._limit(rng.permutation(n).astype(np.int64))

    def is_shuffled(self):
        return True


class DistributedSampler(BuiltinSampler):
    """The rows of one shard of ``num_shards`` (rows ``shard_id, shard_id + num_shards, ...`` of the
    possibly shuffled order; with the default ``offset`` -1 every shard gets ``ceil(n / num_shards)`` rows,
    wrapping around)."""

    def __init__(self, num_shards, shard_id, shuffle=True, num_samples=None, offset=-1):
        _integer("num_shards", num_shards)
        _integer("shard_id", shard_id)
        if not isinstance(shuffle, bool) and shuffle not in _MODES:
            raise TypeError(f"shuffle must be a boolean value or valid shuffle mode but was: {shuffle}.")
        num_samples = _check_num_samples(num_samples)
        _integer("offset", offset)
        super().__init__(num_samples)
        self.num_shards = int(num_shards)
        self.shard_id = int(shard_id)
        if isinstance(shuffle, bool):
            shuffle = Shuffle.GLOBAL if shuffle else Shuffle.FALSE
        self.shuffle = shuffle
        self.offset = int(offset)

    def _validate(self):
        _global_only(self.shuffle)
        if self.num_shards <= 0:
            raise pipeline_error(f"DistributedSampler: num_shards must be greater than 0, but got: {self.num_shards}")
        if not 0 <= self.shard_id < self.num_shards:
            raise pipeline_error(f"DistributedSampler: shard_id must be in range [0, {self.num_shards}), but got: "
                                 f"{self.shard_id}")
        if self.offset > self.num_shards:
            raise pipeline_error(f"DistributedSampler: offset must be no more than num_shards({self.num_shards}), "
                                 f"but got: {self.offset}")

    def get_shuffle_mode(self):
        return self.shuffle

    def _ids(self, n, epoch):
        if n == 0:
            return np.zeros(0, np.int64)
        shuffled = self.shuffle != Shuffle.FALSE
        order = _rng(epoch, 2, always_seeded=True).permutation(n) if shuffled else np.arange(n)
        if self.offset >= 0:    # row i goes to shard (i + offset) % num_shards: shards may differ by one row
            pos = np.arange((self.shard_id - self.offset) % self.num_shards, n, self.num_shards)
        else:                   # every shard ceil(n / num_shards) rows, wrapping around
            per_shard = -(-n // self.num_shards)
            pos = (np.arange(per_shard) * self.num_shards + self.shard_id) % n
        return self._limit(order[pos].astype(np.int64))

    def is_shuffled(self):
        return self.shuffle != Shuffle.FALSE

    def is_sharded(self):
        return self.num_shards > 1


def _check_indices(indices, num_samples):
    """The row ids of a subset sampler: any iterable but a str (its first ``num_samples``), or one int."""
    if isinstance(indices, int):
        indices = [indices]
    elif isinstance(indices, str) or not hasattr(indices, "__iter__"):
        raise TypeError(f"Unsupported sampler object of type ({type(indices)})")
    elif num_samples is not None:
        indices = [i for i, _ in zip(indices, range(num_samples))]
    else:
        indices = list(indices)
    for k, i in enumerate(indices):
        if not isinstance(i, (int, np.integer)):
            raise TypeError(f"SubsetSampler: Type of indices element must be int, but got list[{k}]: {i}, type: "
                            f"{type(i)}.")
    return np.asarray([int(i) for i in indices], dtype=np.int64)


class SubsetSampler(BuiltinSampler):
    """The given row ids, in the given order."""

    def __init__(self, indices, num_samples=None):
        num_samples = _check_num_samples(num_samples)
        self.indices_ = _check_indices(indices, num_samples)
        super().__init__(num_samples)

    def get_num_samples(self):
        own = super().get_num_samples()
        return len(self.indices_) if own is None else min(len(self.indices_), own)

    def _check_range(self, n):
        bad = self.indices_[(self.indices_ < 0) | (self.indices_ >= n)] if n else self.indices_[:0]
        if len(bad):
            raise pipeline_error(f"Sample ID ({int(bad[0])}) is out of bound, expected range [0, {n - 1}]")

    def _ids(self, n, epoch):
        self._check_range(n)
        return self._limit(self.indices_.copy())


class SubsetRandomSampler(SubsetSampler):
    """The given row ids, in a random order (a new one each epoch)."""

    def _ids(self, n, epoch):
        self._check_range(n)
        return self._limit(self.indices_[_rng(epoch, 3).permutation(len(self.indices_))])

    def is_shuffled(self):
        return True

    def get_shuffle_mode(self):
        return Shuffle.GLOBAL


class WeightedRandomSampler(BuiltinSampler):
    """``num_samples`` row ids drawn with probabilities proportional to ``weights``."""

    def __init__(self, weights, num_samples=None, replacement=True):
        if not isinstance(weights, list):
            weights = [weights]
        for k, w in enumerate(weights):
            if not isinstance(w, numbers.Number):
                raise TypeError(f"type of weights element must be number, but got w[{k}]: {w}, type: {type(w)}.")
        num_samples = _check_num_samples(num_samples)
        _boolean("replacement", replacement)
        super().__init__(num_samples)
        self.weights = np.asarray(weights, dtype=np.float64)
        self.replacement = replacement

    def _validate(self):
        w = self.weights
        if not len(w):
            raise pipeline_error("WeightedRandomSampler: weights vector must not be empty")
        for k, x in enumerate(w):
            if x < 0:
                raise pipeline_error(f"WeightedRandomSampler: weights vector must not contain negative numbers, got: "
                                     f"weights[{k}] = {x:.6f}")
        if not w.any():
            raise pipeline_error("WeightedRandomSampler: elements of weights vector must not be all zero")

    def get_shuffle_mode(self):
        return Shuffle.GLOBAL

    def _ids(self, n, epoch):
        """``num_samples`` (default: the source's size, at most that) ids drawn among the first len(weights)."""
        w = self.weights
        if len(w) > n:
            raise pipeline_error(f"Invalid parameter, size of sample weights must be less than or equal to num of "
                                 f"data, otherwise might cause generated id out of bound or other errors, but got "
                                 f"weight size: {len(w)}, num of data: {n}")
        k = min(self.num_samples or n, n)
        if not self.replacement and k > len(w):
            raise pipeline_error(f"Invalid parameter, without replacement, weight size must be greater than or equal "
                                 f"to num_samples, but got weight size: {len(w)}, num_samples: {k}")
        p = self.weights / self.weights.sum()
        return _rng(epoch, 4).choice(len(p), size=k, replace=self.replacement, p=p).astype(np.int64)

    def is_shuffled(self):
        return True


class PKSampler(BuiltinSampler):
    """``num_val`` rows of each class (classes in sorted order), drawn at random with replacement from
    the rows whose ``class_column`` holds that class."""

    def __init__(self, num_val, num_class=None, shuffle=False, class_column="label", num_samples=None):
        _integer("num_val", num_val)
        if num_class is not None:
            raise NotImplementedError("Not supported to specify num_class for PKSampler.")
        _boolean("shuffle", shuffle)
        if not isinstance(class_column, str):
            raise TypeError(f"class_column must be a str value but was: {class_column}.")
        super().__init__(_check_num_samples(num_samples))
        self.num_val = num_val
        self.shuffle = shuffle
        self.class_column = class_column

    def _ids(self, n, epoch):
        raise RuntimeError("PKSampler needs the class labels of a labelled source (MnistDataset, Cifar10Dataset, "
                           "ImageFolderDataset ...); GeneratorDataset doesn't support PKSampler.")

    def _validate(self):
        if self.num_val <= 0:
            raise pipeline_error(f"PKSampler: num_val must be greater than 0, but got: {self.num_val}")

    def label_indices(self, labels, epoch=0):
        """Row ids for the per-row class ``labels``."""
        self._validate()
        labels = np.asarray(labels).reshape(len(labels), -1)[:, 0]
        rng = _rng(epoch, 7)
        ids = []
        for c in np.unique(labels):
            rows = np.flatnonzero(labels == c)
            ids.append(rows[rng.integers(0, len(rows), size=self.num_val)])
        ids = np.concatenate(ids).astype(np.int64) if ids else np.zeros(0, np.int64)
        if self.shuffle:
            ids = ids[rng.permutation(len(ids))]
        return self._limit(ids)

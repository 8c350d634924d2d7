"""Index samplers. Shuffling draws from a ``numpy.random.Generator`` (as MindSpore 2.10 does: a seeded generator
gives the reference's exact order), not from torch's generator."""
import itertools
from typing import Iterable, Union

import numpy as np
import torch.utils.data as tud

from ._utils import check_positive, check_type


class Sampler(tud.Sampler):
    """Base class of samplers: subclasses define ``__iter__`` (indices) and usually ``__len__``."""

    def __init__(self, data_source=None) -> None:
        pass

    def __iter__(self):
        raise NotImplementedError(f"{self.__class__.__name__} must implement __iter__ method.")


class SequentialSampler(Sampler):
    """Indices 0, 1, ..., len(data_source) - 1."""

    def __init__(self, data_source) -> None:
        super().__init__(data_source)
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self) -> int:
        return len(self.data_source)


class RandomSampler(Sampler):
    """Random indices: a permutation per pass (``num_samples`` of them), or draws with replacement."""

    def __init__(self, data_source, replacement: bool = False, num_samples: Union[int, None] = None,
                 generator=None) -> None:
        super().__init__(data_source)
        if not isinstance(replacement, bool):
            raise TypeError(f"replacement must be bool, but got: {type(replacement).__name__}")
        if num_samples is not None and not isinstance(num_samples, int):
            raise TypeError(f"num_samples must be int, but got: {type(num_samples).__name__}")
        if num_samples is not None and num_samples <= 0:
            raise ValueError(f"num_samples must be a positive integer value, but got num_samples = {num_samples}")
        if generator is not None and not isinstance(generator, np.random.Generator):
            raise TypeError(f"generator must be numpy.random.Generator, but got: {type(generator).__name__}")
        self.data_source = data_source
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = generator

    @property
    def num_samples(self) -> int:
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self):
        n = len(self.data_source)
        g = self.generator
        if g is None:       # a fresh stream seeded from NumPy's global state
            g = np.random.default_rng(np.random.randint(0, np.iinfo(np.int64).max, dtype=np.int64, endpoint=True))
        total = self.num_samples
        if self.replacement:
            for _ in range(total // 32):
                yield from g.integers(0, n, size=(32,), dtype=np.int64).tolist()
            yield from g.integers(0, n, size=(total % 32,), dtype=np.int64).tolist()
        else:
            for _ in range(total // n):
                yield from g.permutation(n).tolist()
            yield from g.permutation(n).tolist()[:total % n]

    def __len__(self) -> int:
        return self.num_samples


class BatchSampler(Sampler):
    """Groups the indices of ``sampler`` into lists of ``batch_size`` (the last one shorter unless
    ``drop_last``)."""

    def __init__(self, sampler: Union[Sampler, Iterable], batch_size: int, drop_last: bool) -> None:
        super().__init__()
        check_type(batch_size, "batch_size", valid_type=int, invalid_type=bool)
        check_positive(batch_size, "batch_size")
        check_type(drop_last, "drop_last", valid_type=bool)
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self):
        it = iter(self.sampler)
        while True:
            batch = list(itertools.islice(it, self.batch_size))
            if not batch or (self.drop_last and len(batch) < self.batch_size):
                return
            yield batch

    def __len__(self) -> int:
        n = len(self.sampler)
        return n // self.batch_size if self.drop_last else (n + self.batch_size - 1) // self.batch_size

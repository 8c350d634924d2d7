"""``DistributedSampler``: each of ``num_replicas`` processes reads its own share of the dataset (padded to equal
shares, or trimmed with ``drop_last``); shuffling permutes with ``numpy.random.default_rng(seed + epoch)``."""
import math
from typing import Optional

import numpy as np

from .sampler import Sampler


def _world():
    from ...communication import management as m
    try:
        return m.get_group_size(), m.get_rank()
    except Exception as e:  # noqa: BLE001 - not initialised: the reference's error
        raise RuntimeError("MindSpore distributed feature is not available.") from e


class DistributedSampler(Sampler):
    def __init__(self, dataset, num_replicas: Optional[int] = None, rank: Optional[int] = None,
                 shuffle: Optional[bool] = True, seed: Optional[int] = 0, drop_last: Optional[bool] = False) -> None:
        super().__init__(dataset)
        for name, value, kind in (("num_replicas", num_replicas, int), ("rank", rank, int)):
            if value is not None and not isinstance(value, kind):
                raise TypeError(f"{name} must be int, but got: {type(value).__name__}")
        for name, value, kind in (("shuffle", shuffle, bool), ("seed", seed, int), ("drop_last", drop_last, bool)):
            if not isinstance(value, kind):
                raise TypeError(f"{name} must be {kind.__name__}, but got: {type(value).__name__}")
        if num_replicas is None or rank is None:
            size, r = _world()
            num_replicas = size if num_replicas is None else num_replicas
            rank = r if rank is None else rank
        if num_replicas <= 0:
            raise ValueError(f"Invalid num_replicas: {num_replicas}, num_replicas must be greater than 0.")
        if rank >= num_replicas or rank < 0:
            raise ValueError(f"Invalid rank: {rank}, rank must be in the interval [0, {num_replicas - 1}]")
        self.dataset, self.num_replicas, self.rank = dataset, num_replicas, rank
        self.shuffle, self.seed, self.drop_last, self.epoch = shuffle, seed, drop_last, 0
        n = len(dataset)
        if n % num_replicas == 0 or not drop_last:
            self.num_samples = math.ceil(n / num_replicas)
        else:
            self.num_samples = math.ceil((n - num_replicas) / num_replicas)
        self.total_samples = self.num_samples * num_replicas

    def __iter__(self):
        n = len(self.dataset)
        idx = np.random.default_rng(self.seed + self.epoch).permutation(n).tolist() if self.shuffle \
            else list(range(n))
        if self.drop_last:
            idx = idx[:self.total_samples]
        else:
            pad = self.total_samples - len(idx)
            idx += (idx * math.ceil(pad / len(idx)))[:pad] if pad > len(idx) else idx[:pad]
        return iter(idx[self.rank:self.total_samples:self.num_replicas])

    def __len__(self) -> int:
        return self.num_samples

    def set_epoch(self, epoch: int) -> None:
        """Use ``epoch`` in the shuffling seed (call it at the start of each epoch for a new order)."""
        self.epoch = epoch

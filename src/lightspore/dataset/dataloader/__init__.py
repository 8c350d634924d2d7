"""``mindspore.dataset.dataloader`` (MindSpore 2.8+): the PyTorch-style ``DataLoader``, ``Dataset``,
``IterableDataset``, ``TensorDataset``, samplers and ``default_collate``, on ``torch.utils.data``."""
from . import dataloader, dataset, distributed, sampler
from ._utils.collate import default_collate, default_convert
from ._utils.worker import get_worker_info
from .dataloader import DataLoader
from .dataset import Dataset, IterableDataset, TensorDataset
from .distributed import DistributedSampler
from .sampler import BatchSampler, RandomSampler, Sampler, SequentialSampler

__all__ = ["DataLoader", "Dataset", "IterableDataset", "TensorDataset", "Sampler", "SequentialSampler",
           "RandomSampler", "BatchSampler", "DistributedSampler", "default_collate", "default_convert",
           "get_worker_info"]

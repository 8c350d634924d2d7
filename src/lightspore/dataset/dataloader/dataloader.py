"""``DataLoader``: MindSpore 2.10's PyTorch-style loader, run by ``torch.utils.data.DataLoader`` (its worker
processes, prefetching, pinning, persistent workers); lightspore supplies the reference's argument checks,
NumPy-generator shuffling and Tensor collation."""
import multiprocessing
from typing import Callable, Iterable, Union

import numpy as np
import torch.utils.data as tud

from ..._torch_compat import DATALOADER_IN_ORDER
from ._utils import check_exclusive_args, check_non_negative, check_positive, check_type
from ._utils.collate import default_collate, default_convert
from .dataset import IterableDataset
from .sampler import BatchSampler, RandomSampler, Sampler, SequentialSampler


def _check(dataset, batch_size, shuffle, sampler, batch_sampler, num_workers, pin_memory, drop_last, timeout,
           multiprocessing_context, generator, prefetch_factor, persistent_workers, in_order):
    if isinstance(dataset, tud.IterableDataset):
        how = "when dataset is iterable style"
        check_exclusive_args(shuffle, "shuffle", how)
        check_exclusive_args(sampler is not None, "sampler", how)
        check_exclusive_args(batch_sampler is not None, "batch_sampler", how)
    elif not hasattr(dataset, "__getitem__"):
        raise NotImplementedError(f"{dataset.__class__.__name__} should implement __getitem__ method if it is map "
                                  f"style.")
    check_type(batch_size, "batch_size", valid_type=int, invalid_type=bool, allow_none=True)
    check_positive(batch_size, "batch_size", allow_none=True)
    check_type(shuffle, "shuffle", valid_type=bool, allow_none=True)
    if sampler is not None and shuffle:
        raise ValueError("sampler cannot be specified with shuffle.")
    if batch_sampler is not None:
        how = "with batch_sampler"
        check_exclusive_args(batch_size != 1, "batch_size", how)
        check_exclusive_args(shuffle, "shuffle", how)
        check_exclusive_args(sampler is not None, "sampler", how)
        check_exclusive_args(drop_last, "drop_last", how)
    check_type(num_workers, "num_workers", valid_type=int, invalid_type=bool)
    check_non_negative(num_workers, "num_workers")
    check_type(pin_memory, "pin_memory", valid_type=bool)
    check_type(drop_last, "drop_last", valid_type=bool)
    check_type(timeout, "timeout", valid_type=(int, float), invalid_type=bool)
    check_non_negative(timeout, "timeout")
    if multiprocessing_context is not None:
        if num_workers <= 0:
            raise ValueError(f"multiprocessing_context must only be specified when num_workers is greater than 0, "
                             f"but got: {num_workers}.")
        if not isinstance(multiprocessing_context, (str, multiprocessing.context.BaseContext)):
            raise TypeError(f"multiprocessing_context must be {multiprocessing.get_all_start_methods()} or "
                            f"multiprocessing.context.BaseContext, but got: {multiprocessing_context}.")
    check_type(generator, "generator", valid_type=np.random.Generator, allow_none=True)
    if prefetch_factor is not None:
        if num_workers <= 0:
            raise ValueError(f"prefetch_factor must only be specified when num_workers is greater than 0, but got: "
                             f"{num_workers}.")
        check_type(prefetch_factor, "prefetch_factor", valid_type=int, invalid_type=bool)
        check_positive(prefetch_factor, "prefetch_factor")
    check_type(persistent_workers, "persistent_workers", valid_type=bool)
    if persistent_workers and num_workers <= 0:
        raise ValueError(f"persistent_workers must only be specified when num_workers is greater than 0, but got: "
                         f"{num_workers}.")
    check_type(in_order, "in_order", valid_type=bool)


class DataLoader:
    """Iterate ``dataset`` in batches: samplers choose the indices, ``collate_fn`` (default: ``default_collate``)
    merges the samples into Tensors, ``num_workers`` processes load in parallel."""

    def __init__(self, dataset, batch_size: Union[int, None] = 1, shuffle: Union[bool, None] = None,
                 sampler: Union[Sampler, Iterable, None] = None,
                 batch_sampler: Union[Sampler, Iterable, None] = None, num_workers: int = 0,
                 collate_fn: Union[Callable, None] = None, pin_memory: bool = False, drop_last: bool = False,
                 timeout: float = 0.0, worker_init_fn: Union[Callable[[int], None], None] = None,
                 multiprocessing_context=None, generator: Union[np.random.Generator, None] = None, *,
                 prefetch_factor: Union[int, None] = None, persistent_workers: bool = False,
                 in_order: bool = True) -> None:
        _check(dataset, batch_size, shuffle, sampler, batch_sampler, num_workers, pin_memory, drop_last, timeout,
               multiprocessing_context, generator, prefetch_factor, persistent_workers, in_order)
        self.dataset = dataset
        self.num_workers = num_workers
        self.pin_memory = pin_memory
        self.timeout = timeout
        self.worker_init_fn = worker_init_fn
        self.generator = generator if generator is not None else np.random.default_rng()
        self.persistent_workers = persistent_workers
        self.in_order = in_order
        self.multiprocessing_context = multiprocessing_context
        self.prefetch_factor = 2 if prefetch_factor is None and num_workers > 0 else prefetch_factor
        iterable = isinstance(dataset, tud.IterableDataset)
        if sampler is None and not iterable:
            sampler = RandomSampler(dataset, generator=self.generator) if shuffle else SequentialSampler(dataset)
        self.sampler = sampler
        if batch_sampler is not None:
            batch_size, drop_last = None, False
        elif batch_size is not None and not iterable:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size, self.drop_last, self.batch_sampler = batch_size, drop_last, batch_sampler
        if collate_fn is None:
            collate_fn = default_collate if (batch_sampler is not None or (iterable and batch_size is not None)) \
                else default_convert
        self.collate_fn = collate_fn
        kw = dict(num_workers=num_workers, collate_fn=collate_fn, pin_memory=pin_memory, timeout=timeout,
                  worker_init_fn=worker_init_fn, multiprocessing_context=multiprocessing_context,
                  prefetch_factor=self.prefetch_factor, persistent_workers=persistent_workers)
        if DATALOADER_IN_ORDER:
            kw["in_order"] = in_order
        if iterable:
            self._loader = tud.DataLoader(dataset, batch_size=batch_size, drop_last=drop_last, **kw)
        elif batch_sampler is not None:
            self._loader = tud.DataLoader(dataset, batch_sampler=batch_sampler, **kw)
        else:
            self._loader = tud.DataLoader(dataset, batch_size=None, sampler=sampler, **kw)

    def __iter__(self):
        return iter(self._loader)

    def __len__(self):
        if isinstance(self.dataset, IterableDataset) or isinstance(self.dataset, tud.IterableDataset):
            n = len(self.dataset)
            if self.batch_size is None:
                return n
            return n // self.batch_size if self.drop_last else (n - 1) // self.batch_size + 1
        return len(self.batch_sampler if self.batch_sampler is not None else self.sampler)

"""Map-style and iterable datasets for ``mindspore.dataset.dataloader.DataLoader`` (on torch.utils.data's bases,
so torch's DataLoader machinery recognises them)."""
from typing import Generic, TypeVar

import torch.utils.data as tud

_T_co = TypeVar("_T_co", covariant=True)


class Dataset(tud.Dataset, Generic[_T_co]):
    """Base class of map-style datasets: subclasses define ``__getitem__`` (and usually ``__len__``)."""

    def __init__(self) -> None:
        pass

    def __getitem__(self, index: int) -> _T_co:
        raise NotImplementedError(f"{self.__class__.__name__} must implement __getitem__ method.")


class IterableDataset(tud.IterableDataset, Dataset[_T_co]):
    """Base class of iterable datasets: subclasses define ``__iter__``."""

    def __iter__(self):
        raise NotImplementedError(f"{self.__class__.__name__} must implement __iter__ method.")


class TensorDataset(Dataset):
    """Samples are the rows of the given Tensors (indexed along their first axis), returned as a tuple."""

    def __init__(self, *tensors) -> None:
        super().__init__()
        if any(t.shape[0] != tensors[0].shape[0] for t in tensors):
            raise ValueError("All tensors must have the same size in the first dimension.")
        self.tensors = tensors

    def __getitem__(self, index: int):
        return tuple(t[index] for t in self.tensors)

    def __len__(self) -> int:
        return self.tensors[0].shape[0]

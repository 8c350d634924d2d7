"""mindspore.dataset.engine.datasets_vision: the image dataset readers."""
from .._loaders_vision import CocoDataset, ManifestDataset, RandomDataset, VOCDataset
from ..sources import (
    Cifar10Dataset,
    Cifar100Dataset,
    EMnistDataset,
    FakeImageDataset,
    FashionMnistDataset,
    ImageFolderDataset,
    KMnistDataset,
    MnistDataset,
)

__all__ = ["Cifar10Dataset", "Cifar100Dataset", "EMnistDataset", "FakeImageDataset", "FashionMnistDataset",
           "ImageFolderDataset", "KMnistDataset", "MnistDataset", "CocoDataset", "ManifestDataset", "RandomDataset",
           "VOCDataset"]

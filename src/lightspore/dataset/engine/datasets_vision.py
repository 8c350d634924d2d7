"""mindspore.dataset.engine.datasets_vision: the image dataset readers."""
from .._loaders_images import (
    Caltech101Dataset,
    Caltech256Dataset,
    CelebADataset,
    CityscapesDataset,
    DIV2KDataset,
    FlickrDataset,
    Flowers102Dataset,
    Food101Dataset,
    KITTIDataset,
    LFWDataset,
    OmniglotDataset,
    PhotoTourDataset,
    Places365Dataset,
    QMnistDataset,
    RenderedSST2Dataset,
    SBDataset,
    SBUDataset,
    SemeionDataset,
    STL10Dataset,
    SUN397Dataset,
    SVHNDataset,
    USPSDataset,
)
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
           "VOCDataset", "Caltech101Dataset", "Caltech256Dataset", "CelebADataset", "DIV2KDataset", "FlickrDataset",
           "Flowers102Dataset", "Food101Dataset", "KITTIDataset", "OmniglotDataset", "QMnistDataset",
           "RenderedSST2Dataset", "SemeionDataset", "STL10Dataset", "SUN397Dataset", "SVHNDataset", "USPSDataset",
           "CityscapesDataset", "LFWDataset", "Places365Dataset", "SBUDataset", "SBDataset", "PhotoTourDataset"]

"""mindspore.dataset: data pipelines (sources, samplers, batch/map/shuffle, iterators)."""
from . import audio, callback, config, core, dataloader, engine, text, transforms, vision
from ._pipeline import (
    AudioBaseDataset,
    BatchDataset,
    BatchInfo,
    BucketBatchByLengthDataset,
    ConcatDataset,
    Dataset,
    DictIterator,
    FilterDataset,
    MapDataset,
    MappableDataset,
    ProjectDataset,
    RenameDataset,
    RepeatDataset,
    ShuffleDataset,
    SkipDataset,
    SourceDataset,
    TakeDataset,
    TextBaseDataset,
    TupleIterator,
    UnionBaseDataset,
    VisionBaseDataset,
    ZipDataset,
)
from ._pipeline import zip_datasets as zip  # noqa: A001 - the reference's name
from .callback import DSCallback
from .samplers import (
    DistributedSampler,
    PKSampler,
    RandomSampler,
    Sampler,
    SequentialSampler,
    Shuffle,
    SubsetRandomSampler,
    SubsetSampler,
    WeightedRandomSampler,
)
from .sources import (
    Cifar10Dataset,
    Cifar100Dataset,
    EMnistDataset,
    FakeImageDataset,
    FashionMnistDataset,
    GeneratorDataset,
    ImageFolderDataset,
    KMnistDataset,
    MnistDataset,
    NumpySlicesDataset,
    PaddedDataset,
    Schema,
)
from .standard_sources import MindDataset, TFRecordDataset
from .text_sources import (
    CSVDataset,
    IMDBDataset,
    IWSLT2016Dataset,
    IWSLT2017Dataset,
    PennTreebankDataset,
    TextFileDataset,
)
from .transforms.transforms import Implementation

__all__ = ["config", "transforms", "vision", "Dataset", "BatchInfo", "TupleIterator", "DictIterator", "zip",
           "Shuffle", "Sampler", "DistributedSampler", "PKSampler", "RandomSampler", "SequentialSampler",
           "SubsetRandomSampler", "SubsetSampler", "WeightedRandomSampler", "GeneratorDataset", "NumpySlicesDataset",
           "MnistDataset", "FashionMnistDataset", "KMnistDataset", "Cifar10Dataset", "Cifar100Dataset",
           "ImageFolderDataset", "PaddedDataset", "Schema", "TextFileDataset", "CSVDataset",
           "FakeImageDataset", "EMnistDataset", "IMDBDataset", "IWSLT2016Dataset", "IWSLT2017Dataset",
           "PennTreebankDataset", "MindDataset", "TFRecordDataset"]

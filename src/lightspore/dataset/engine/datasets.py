"""mindspore.dataset.engine.datasets: the Dataset base classes and the pipeline stages."""
from .._pipeline import (
    AudioBaseDataset,
    BatchDataset,
    BatchInfo,
    BucketBatchByLengthDataset,
    ConcatDataset,
    Dataset,
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
    UnionBaseDataset,
    VisionBaseDataset,
    ZipDataset,
)
from .._pipeline import zip_datasets as zip  # noqa: A001 - the reference's name
from ..sources import Schema

__all__ = ["AudioBaseDataset", "BatchDataset", "BatchInfo", "BucketBatchByLengthDataset", "ConcatDataset",
           "Dataset", "FilterDataset", "MapDataset", "MappableDataset", "ProjectDataset", "RenameDataset",
           "RepeatDataset", "Schema", "ShuffleDataset", "SkipDataset", "SourceDataset", "TakeDataset",
           "TextBaseDataset", "UnionBaseDataset", "VisionBaseDataset", "ZipDataset", "zip"]

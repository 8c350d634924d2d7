"""mindspore.dataset.engine.datasets_standard_format: readers of the standard file formats."""
from ..standard_sources import MindDataset, TFRecordDataset
from ..text_sources import CSVDataset

__all__ = ["CSVDataset", "MindDataset", "TFRecordDataset"]

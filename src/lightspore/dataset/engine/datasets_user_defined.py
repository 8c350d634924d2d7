"""mindspore.dataset.engine.datasets_user_defined: the datasets over user Python data."""
from ..sources import GeneratorDataset, NumpySlicesDataset, PaddedDataset

__all__ = ["GeneratorDataset", "NumpySlicesDataset", "PaddedDataset"]

"""mindspore.dataset.engine.datasets_text: the text dataset readers."""
from ..text_sources import TextFileDataset

__all__ = ["TextFileDataset"]

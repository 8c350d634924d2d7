"""mindspore.dataset.engine.datasets_text: the text dataset readers."""
from ..text_sources import IMDBDataset, IWSLT2016Dataset, IWSLT2017Dataset, PennTreebankDataset, TextFileDataset

__all__ = ["IMDBDataset", "IWSLT2016Dataset", "IWSLT2017Dataset", "PennTreebankDataset", "TextFileDataset"]

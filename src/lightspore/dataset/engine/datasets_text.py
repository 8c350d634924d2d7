"""mindspore.dataset.engine.datasets_text: the text dataset readers."""
from .._loaders_text import (
    AGNewsDataset,
    AmazonReviewDataset,
    CLUEDataset,
    CoNLL2000Dataset,
    DBpediaDataset,
    EnWik9Dataset,
    Multi30kDataset,
    SogouNewsDataset,
    SQuADDataset,
    SST2Dataset,
    UDPOSDataset,
    WikiTextDataset,
    YahooAnswersDataset,
    YelpReviewDataset,
)
from ..text_sources import IMDBDataset, IWSLT2016Dataset, IWSLT2017Dataset, PennTreebankDataset, TextFileDataset

__all__ = ["IMDBDataset", "IWSLT2016Dataset", "IWSLT2017Dataset", "PennTreebankDataset", "TextFileDataset",
           "AGNewsDataset", "AmazonReviewDataset", "CLUEDataset", "CoNLL2000Dataset", "DBpediaDataset",
           "EnWik9Dataset", "Multi30kDataset", "SogouNewsDataset", "SQuADDataset", "SST2Dataset", "UDPOSDataset",
           "WikiTextDataset", "YahooAnswersDataset", "YelpReviewDataset"]

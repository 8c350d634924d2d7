"""mindspore.dataset: data pipelines (sources, samplers, batch/map/shuffle, iterators)."""
from . import audio, callback, config, core, dataloader, engine, text, transforms, vision
from .callback import DSCallback
from .engine import *  # noqa: F403 - the loaders, samplers, cache and serializer, as the reference's engine exports
from .engine.datasets import *  # noqa: F403 - Dataset and the pipeline classes
from .engine.iterators import DictIterator, TupleIterator
from .samplers import Sampler, Shuffle
from .transforms.transforms import Implementation

__all__ = ["config", "transforms", "vision", "Dataset", "BatchInfo", "TupleIterator", "DictIterator", "zip",
           "Shuffle", "Sampler", "DistributedSampler", "PKSampler", "RandomSampler", "SequentialSampler",
           "SubsetRandomSampler", "SubsetSampler", "WeightedRandomSampler", "GeneratorDataset", "NumpySlicesDataset",
           "MnistDataset", "FashionMnistDataset", "KMnistDataset", "Cifar10Dataset", "Cifar100Dataset",
           "ImageFolderDataset", "PaddedDataset", "Schema", "TextFileDataset", "CSVDataset",
           "FakeImageDataset", "EMnistDataset", "IMDBDataset", "IWSLT2016Dataset", "IWSLT2017Dataset",
           "PennTreebankDataset", "MindDataset", "TFRecordDataset",
           "DatasetCache", "CocoDataset", "VOCDataset", "ManifestDataset", "RandomDataset", "CLUEDataset",
           "AGNewsDataset", "AmazonReviewDataset", "DBpediaDataset", "SogouNewsDataset", "YahooAnswersDataset",
           "YelpReviewDataset", "SST2Dataset", "SQuADDataset", "WikiTextDataset", "EnWik9Dataset", "CoNLL2000Dataset",
           "UDPOSDataset", "Multi30kDataset", "YesNoDataset", "LJSpeechDataset", "SpeechCommandsDataset",
           "GTZANDataset", "CMUArcticDataset", "LibriTTSDataset", "Caltech101Dataset", "Caltech256Dataset",
           "CelebADataset", "DIV2KDataset", "FlickrDataset", "Flowers102Dataset", "Food101Dataset", "KITTIDataset",
           "OmniglotDataset", "QMnistDataset", "RenderedSST2Dataset", "SemeionDataset", "STL10Dataset", "SUN397Dataset",
           "SVHNDataset", "USPSDataset", "serialize", "deserialize", "show", "compare",
           "CityscapesDataset", "LFWDataset", "Places365Dataset", "SBUDataset", "SBDataset", "TedliumDataset",
           "PhotoTourDataset", "WIDERFaceDataset"]

"""mindspore.dataset.engine: the datasets, samplers and iterators under the reference's engine module names.

Every name here is the object ``mindspore.dataset`` exports; the submodules (``datasets``, ``iterators``,
``samplers``, ``datasets_user_defined``, ``datasets_vision``, ``datasets_text``, ``datasets_standard_format``)
group them as the reference does.
"""
from . import (
    cache_client,
    datasets,
    datasets_audio,
    datasets_standard_format,
    datasets_text,
    datasets_user_defined,
    datasets_vision,
    iterators,
    samplers,
    serializer_deserializer,
)
from .cache_client import DatasetCache
from .datasets import *  # noqa: F403
from .datasets_audio import *  # noqa: F403
from .datasets_audio import __all__ as _audio_all
from .datasets_standard_format import *  # noqa: F403
from .datasets_standard_format import __all__ as _std_all
from .datasets_text import *  # noqa: F403
from .datasets_text import __all__ as _text_all
from .datasets_user_defined import GeneratorDataset, NumpySlicesDataset, PaddedDataset
from .datasets_vision import *  # noqa: F403
from .datasets_vision import __all__ as _vision_all
from .iterators import DictIterator, Iterator, TupleIterator
from .samplers import *  # noqa: F403
from .serializer_deserializer import compare, deserialize, serialize, show

__all__ = ["Schema", "zip", "GeneratorDataset", "NumpySlicesDataset", "PaddedDataset", "DistributedSampler",
           "PKSampler", "RandomSampler", "SequentialSampler", "SubsetRandomSampler", "SubsetSampler",
           "WeightedRandomSampler"] + list(_std_all) + list(_text_all) + list(_vision_all) + list(_audio_all) + [
    "DatasetCache", "compare", "deserialize", "serialize", "show"]

"""mindspore.dataset.engine.samplers: the samplers."""
from ..samplers import (
    BuiltinSampler,
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

__all__ = ["BuiltinSampler", "DistributedSampler", "PKSampler", "RandomSampler", "Sampler", "SequentialSampler",
           "Shuffle", "SubsetRandomSampler", "SubsetSampler", "WeightedRandomSampler"]

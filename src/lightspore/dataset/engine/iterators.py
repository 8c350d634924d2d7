"""mindspore.dataset.engine.iterators: the dataset iterators."""
from .._pipeline import DictIterator, Iterator, TupleIterator

__all__ = ["DictIterator", "Iterator", "TupleIterator"]

"""mindspore.dataset.engine.serializer_deserializer: a pipeline as JSON (serialize, deserialize, show, compare)."""
from .._serialize import compare, deserialize, serialize, show

__all__ = ["compare", "deserialize", "serialize", "show"]

"""``default_collate`` / ``default_convert``: samples to ``mindspore.Tensor`` batches. torch's generic collate
walks the structure (mappings, named tuples, sequences -> lists); the leaves follow MindSpore 2.10's map: Tensors
and numeric arrays are stacked into a Tensor, Python ints give int64, Python floats float64, NumPy scalars a
Tensor of their dtype, strings and bytes stay a list."""
import collections.abc
import re

import numpy as np
import torch
from torch.utils.data._utils.collate import collate as _collate

from ....common import dtype as mstype
from ....common.tensor import Tensor

_STR_OBJ = re.compile(r"[SaUO]")


def _tensor_fn(batch, *, collate_fn_map=None):
    return Tensor._make(torch.stack([t._t for t in batch], 0))


def _array_fn(batch, *, collate_fn_map=None):
    if _STR_OBJ.search(batch[0].dtype.str) is not None:
        raise TypeError(f"default_collate: batch must contain Tensor, NumPy array, number, dict or list, but got "
                        f"a NumPy array of {batch[0].dtype}.")
    return Tensor._make(torch.stack([torch.from_numpy(np.ascontiguousarray(b)) for b in batch], 0))


# the reference builds the batch as Tensor(list of NumPy scalars), whose dtype rule widens int32 to int64 and
# narrows float64 to float32 (lightspore's Tensor(list) keeps NumPy's dtype: noted for common/tensor.py)
_LIST_OF_SCALARS = {np.dtype(np.int32): np.int64, np.dtype(np.float64): np.float32}


def _np_scalar_fn(batch, *, collate_fn_map=None):
    arr = np.array(batch)
    return Tensor(arr.astype(_LIST_OF_SCALARS.get(arr.dtype, arr.dtype)))


def _float_fn(batch, *, collate_fn_map=None):
    return Tensor(batch, dtype=mstype.float64)


def _int_fn(batch, *, collate_fn_map=None):
    return Tensor(batch)


def _str_fn(batch, *, collate_fn_map=None):
    return batch


default_collate_fn_map = {
    Tensor: _tensor_fn,
    np.ndarray: _array_fn,
    (np.bool_, np.number, np.object_): _np_scalar_fn,
    float: _float_fn,
    int: _int_fn,
    str: _str_fn,
    bytes: _str_fn,
}


def collate(batch, *, collate_fn_map=None):
    """Collate ``batch`` (a list of samples of one structure) with the leaf functions of ``collate_fn_map``."""
    return _collate(batch, collate_fn_map=collate_fn_map)


def default_collate(batch: list):
    """Merge a list of samples into a batch: Tensors / arrays / numbers at the leaves become one Tensor each
    (first axis: the batch), mappings and sequences keep their structure (a tuple sample gives a list)."""
    return _collate(batch, collate_fn_map=default_collate_fn_map)


def default_convert(data):
    """Convert each NumPy array (other than str/bytes/object) and NumPy scalar in ``data`` into a Tensor, keeping
    the structure; used per sample when automatic batching is off (``batch_size=None``)."""
    if isinstance(data, Tensor):
        return data
    if isinstance(data, (np.number, np.bool_)):
        return Tensor(data)
    if isinstance(data, np.ndarray):
        return data if _STR_OBJ.search(data.dtype.str) is not None else Tensor.from_numpy(data)
    if isinstance(data, collections.abc.Mapping):
        try:
            return type(data)({k: default_convert(v) for k, v in data.items()})
        except TypeError:
            return {k: default_convert(v) for k, v in data.items()}
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence) and not isinstance(data, (str, bytes)):
        try:
            return type(data)([default_convert(d) for d in data])
        except TypeError:
            return [default_convert(d) for d in data]
    return data

"""mindspore.dataset.core.datatypes: the dataset engine's element types, named from numpy and MindSpore dtypes.

A ``DataType`` is the engine's name of an element type (``str()`` gives ``'int32'``, ``'string'``...); the
engine itself works on numpy arrays, so this is a name, compared by value.
"""
import numpy as np

from ...common import dtype as _ms


class DataType:
    """An element type of the dataset engine, by name (``''`` for an unknown type)."""

    __slots__ = ("_name",)

    def __init__(self, name=""):
        self._name = str(name)

    def __str__(self):
        return self._name

    def __repr__(self):
        return f"DataType({self._name!r})"

    def __eq__(self, other):
        return isinstance(other, DataType) and other._name == self._name

    def __hash__(self):
        return hash(self._name)


_NAMES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
          "float64")


def nptype_to_detype(type_):
    """The engine type of a numpy dtype (None when it has none, e.g. complex)."""
    if not isinstance(type_, np.dtype):
        type_ = np.dtype(type_)
    if type_.kind == "U" and type_.itemsize == 0:
        return DataType("string")
    return DataType(type_.name) if type_.name in _NAMES else None


def _ms_table():
    table = {_ms.bool_: DataType("bool"), _ms.string: DataType("string")}
    for name in _NAMES[1:]:
        table[getattr(_ms, name)] = DataType(name)
    return table


def mstype_to_detype(type_):
    """The engine type of a MindSpore dtype (NotImplementedError for a non-dtype, KeyError for one it lacks)."""
    if not isinstance(type_, _ms.Type):
        raise NotImplementedError()
    return _ms_table()[type_]


def mstypelist_to_detypelist(type_list):
    """Replace, in place, each MindSpore dtype of ``type_list`` by its engine type (None: the unknown type)."""
    for i, t in enumerate(type_list):
        type_list[i] = DataType("") if t is None else mstype_to_detype(t)
    return type_list

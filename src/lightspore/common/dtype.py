"""MindSpore's data types, and the one table that maps them to torch and numpy.

Every other module converts through ``to_torch`` / ``from_torch`` / ``to_numpy`` here; nothing else
names a torch dtype.
"""
from __future__ import annotations

import numpy as np
import torch

__all__ = [
    "Type", "Number", "Bool", "Int", "UInt", "Float", "BFloat", "Complex", "TensorType", "String",
    "TypeNone", "List", "Tuple", "QuantDtype",
    "bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "bfloat16", "complex64", "complex128", "float8_e4m3fn",
    "float8_e5m2", "hifloat8", "qint4x2", "string", "type_none", "tensor_type", "number", "int_",
    "uint", "float_", "list_", "tuple_", "byte", "ubyte", "short", "ushort", "intc", "uintc", "intp",
    "uintp", "long", "half", "single", "double", "cfloat", "cdouble",
    "dtype_to_nptype", "dtype_to_pytype", "pytype_to_dtype", "get_py_obj_dtype",
    "float_type", "int_type", "uint_type", "all_types", "number_type", "signed_type",
]


class Type:
    """Base of MindSpore's type objects. ``str()`` gives the MindSpore name (``Float32``)."""

    __slots__ = ("_name", "_repr", "_torch", "_np", "_nbits")

    def __init__(self, name, repr_name, torch_dtype=None, np_dtype=None, nbits=0):
        self._name = name
        self._repr = repr_name
        self._torch = torch_dtype
        self._np = np_dtype
        self._nbits = nbits

    def __str__(self):
        return self._name

    def __repr__(self):
        return "mindspore." + self._repr

    def __eq__(self, other):
        return self is other or (isinstance(other, Type) and other._name == self._name)

    def __hash__(self):
        return hash(self._name)

    def __reduce__(self):
        return (_by_name, (self._name,))

    @property
    def nbits(self):
        return self._nbits

    def to_torch(self):
        return self._torch


class Number(Type):
    __slots__ = ()


class Bool(Number):
    __slots__ = ()


class Int(Number):
    __slots__ = ()


class UInt(Number):
    __slots__ = ()


class Float(Number):
    __slots__ = ()


class BFloat(Float):
    __slots__ = ()


class Complex(Number):
    __slots__ = ()


class TensorType(Type):
    __slots__ = ()


class String(Type):
    __slots__ = ()


class TypeNone(Type):
    __slots__ = ()


class List(Type):
    __slots__ = ()


class Tuple(Type):
    __slots__ = ()


class QuantDtype:
    """Placeholder enumeration name space of the reference (quantisation data types)."""

    INT4 = "INT4"
    INT8 = "INT8"


_f8e4 = getattr(torch, "float8_e4m3fn", None)
_f8e5 = getattr(torch, "float8_e5m2", None)

bool_ = Bool("Bool", "bool", torch.bool, np.bool_, 8)
int8 = Int("Int8", "int8", torch.int8, np.int8, 8)
int16 = Int("Int16", "int16", torch.int16, np.int16, 16)
int32 = Int("Int32", "int32", torch.int32, np.int32, 32)
int64 = Int("Int64", "int64", torch.int64, np.int64, 64)
uint8 = UInt("UInt8", "uint8", torch.uint8, np.uint8, 8)
uint16 = UInt("UInt16", "uint16", torch.uint16, np.uint16, 16)
uint32 = UInt("UInt32", "uint32", torch.uint32, np.uint32, 32)
uint64 = UInt("UInt64", "uint64", torch.uint64, np.uint64, 64)
float16 = Float("Float16", "float16", torch.float16, np.float16, 16)
float32 = Float("Float32", "float32", torch.float32, np.float32, 32)
float64 = Float("Float64", "float64", torch.float64, np.float64, 64)
bfloat16 = BFloat("BFloat16", "bfloat16", torch.bfloat16, None, 16)
complex64 = Complex("Complex64", "complex64", torch.complex64, np.complex64, 64)
complex128 = Complex("Complex128", "complex128", torch.complex128, np.complex128, 128)
float8_e4m3fn = Float("Float8E4M3FN", "float8_e4m3fn", _f8e4, None, 8)
float8_e5m2 = Float("Float8E5M2", "float8_e5m2", _f8e5, None, 8)
hifloat8 = Float("HiFloat8", "hifloat8", None, None, 8)
qint4x2 = Int("Int4", "int4", None, None, 4)
string = String("String", "string_")
type_none = TypeNone("None", "type_none")
tensor_type = TensorType("Tensor", "tensor")
number = Number("Number", "number")
int_ = Int("Int", "int")
uint = UInt("UInt", "uint")
float_ = Float("Float", "float")
list_ = List("List", "list_")
tuple_ = Tuple("Tuple", "tuple_")

# numpy-style aliases, as the reference has them
byte, ubyte, short, ushort = int8, uint8, int16, uint16
intc, uintc, intp, uintp = int32, uint32, int64, uint64
long, half, single, double = int64, float16, float32, float64
cfloat, cdouble = complex64, complex128

float_type = (float16, float32, float64, bfloat16, float8_e4m3fn, float8_e5m2, hifloat8)
int_type = (int8, int16, int32, int64)
uint_type = (uint8, uint16, uint32, uint64)
signed_type = (int8, int16, int32, int64, float16, float32, float64, bfloat16, complex64, complex128)
number_type = (int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64,
               bfloat16, complex64, complex128)
all_types = (bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64,
             bfloat16, complex64, complex128, qint4x2, float8_e4m3fn, float8_e5m2, hifloat8)

_BY_NAME = {t._name: t for t in all_types + (string, type_none, tensor_type, number)}
_FROM_TORCH = {t._torch: t for t in all_types if t._torch is not None}
_FROM_NP = {np.dtype(t._np): t for t in all_types if t._np is not None}


def _by_name(name):
    return _BY_NAME[name]


def to_torch(dtype):
    """MindSpore dtype (or torch/numpy dtype, or None) -> torch.dtype (None stays None)."""
    if dtype is None:
        return None
    if isinstance(dtype, Type):
        t = dtype._torch
        if t is None:
            raise TypeError(f"dtype {dtype} has no PyTorch equivalent and is not supported by lightspore")
        return t
    if isinstance(dtype, torch.dtype):
        return dtype
    return from_numpy(dtype)._torch


def from_torch(torch_dtype):
    """torch.dtype -> MindSpore dtype."""
    try:
        return _FROM_TORCH[torch_dtype]
    except KeyError:
        raise TypeError(f"torch dtype {torch_dtype} has no MindSpore equivalent") from None


def from_numpy(np_dtype):
    """numpy dtype (or type) -> MindSpore dtype."""
    try:
        return _FROM_NP[np.dtype(np_dtype)]
    except (KeyError, TypeError):
        raise TypeError(f"numpy dtype {np_dtype!r} has no MindSpore equivalent") from None


def check_dtype(dtype, where="dtype"):
    """Accept a MindSpore dtype (or a numpy/torch dtype or Python type); return the MindSpore dtype."""
    if isinstance(dtype, Type):
        return dtype
    if isinstance(dtype, torch.dtype):
        return from_torch(dtype)
    if dtype in (bool, int, float, complex):
        return pytype_to_dtype(dtype)
    if isinstance(dtype, str):
        raise TypeError(f"{where} should be a mindspore dtype such as mindspore.float32, but got the string "
                        f"{dtype!r}.")
    try:
        return from_numpy(dtype)
    except TypeError:
        raise TypeError(f"{where} must be a mindspore dtype such as mindspore.float32, "
                        f"but got {dtype!r}") from None


def to_numpy(dtype):
    if dtype is bfloat16:
        raise TypeError("numpy has no bfloat16; cast the Tensor to float32 first")
    if dtype._np is None:
        raise TypeError(f"dtype {dtype} has no numpy equivalent")
    return dtype._np


def dtype_to_nptype(type_):
    """Convert a MindSpore dtype to the numpy scalar type."""
    if type_ is bfloat16:
        # the reference maps bfloat16 to its own numpy extension type; numpy itself has none
        return np.float32
    return to_numpy(type_)


_PY2MS = {bool: bool_, int: int64, float: float64, complex: complex128, str: string,
          type(None): type_none, list: list_, tuple: tuple_}


def pytype_to_dtype(obj):
    """Convert a Python type (or numpy dtype) to a MindSpore dtype."""
    if isinstance(obj, Type):
        return obj
    if isinstance(obj, type) and obj in _PY2MS:
        return _PY2MS[obj]
    return from_numpy(obj)


def dtype_to_pytype(type_):
    """Convert a MindSpore dtype to the Python type."""
    if type_ is bool_:
        return bool
    if isinstance(type_, (Int, UInt)):
        return int
    if isinstance(type_, Float):
        return float
    if isinstance(type_, Complex):
        return complex
    if type_ is string:
        return str
    if type_ is type_none:
        return type(None)
    if type_ is list_:
        return list
    if type_ is tuple_:
        return tuple
    raise TypeError(f"For 'dtype_to_pytype', {type_!r} has no Python type.")


def get_py_obj_dtype(obj):
    """The MindSpore dtype of a Python object or Tensor."""
    from .tensor import Tensor

    if isinstance(obj, Tensor):
        return obj.dtype
    if isinstance(obj, type):
        return pytype_to_dtype(obj)
    return pytype_to_dtype(type(obj))

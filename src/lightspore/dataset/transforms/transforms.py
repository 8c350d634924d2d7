"""mindspore.dataset.transforms: general data transforms on numpy arrays (and PIL images)."""

import enum
import numbers
import random

import numpy as np

from ...common import dtype as _dt
from ._check import check_positive, check_value, type_check

__all__ = ["Compose", "Concatenate", "Duplicate", "Fill", "Mask", "OneHot", "PadEnd", "RandomApply",
           "RandomChoice", "RandomOrder", "Relational", "Slice", "TypeCast", "Unique", "not_random"]


def _is_pil(x):
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - pillow is a dependency
        return False
    return isinstance(x, Image.Image)


class Implementation(enum.IntEnum):
    """Which implementation a transform runs: C (the engine's) or PY (its ``_execute_py``)."""

    C = 0
    PY = 1


class TensorOperation:
    """Base of every transform: called on one or more numpy arrays (or PIL images), returns an array or a tuple."""

    #: whether the transform draws random numbers (used by caching engines)
    random = True
    #: whether the reference implements this transform in Python (see Compose.__call__)
    _py_impl = False
    #: ``Implementation.PY`` sends calls to ``_execute_py`` (user subclasses written for the reference set it)
    implementation = None

    def __init__(self):
        """Transforms without arguments take none (the reference's signature is ``()``)."""
        super().__init__()

    def __call__(self, *inputs):
        if self.implementation == Implementation.PY:
            return self._execute_py(*inputs)
        if len(inputs) != 1:
            raise RuntimeError(f"{type(self).__name__}: The op is OneToOne, can only accept one tensor as input, "
                               f"got {len(inputs)}.")
        if _is_pil(inputs[0]) and hasattr(self, "_execute_pil"):
            return self._execute_pil(inputs[0])
        arrays = []
        for x in inputs:
            if _is_pil(x):
                arrays.append(np.asarray(x))
                continue
            try:
                arrays.append(np.asarray(x))
            except (TypeError, ValueError) as e:
                raise TypeError(f"Invalid user input. Got {type(x)}: {x}, cannot be converted into tensor.") from e
        return self._execute(*arrays)

    def _execute(self, *arrays):
        # a transform written for the reference whose class only defines parse() (model libraries do this):
        # parse() returns an engine operation of _c_dataengine, which runs it as the reference's engine does
        parse = getattr(self, "parse", None)
        if parse is None:  # pragma: no cover - every transform of this package defines _execute
            raise NotImplementedError
        return parse()._run(*arrays)

    def __repr__(self):
        return f"{type(self).__name__}()"


class PyTensorOperation:
    """Base of the transforms written in Python: a call runs ``_execute_py`` on the input."""

    def __init__(self):
        super().__init__()
        self.transforms = []
        self.output_type = None

    def __call__(self, img):
        return self._execute_py(img)


# a plain Python callable is accepted everywhere a transform is
def _check_transform_list(transforms, name="transforms list", allow_empty=False):
    type_check(transforms, (list,), name)
    if not transforms and not allow_empty:
        raise ValueError("transforms list can not be empty.")
    for i, op in enumerate(transforms):
        if isinstance(op, type):
            raise ValueError(f"op_list[{i}] should be a dataset processing operation instance, but got: {op}. "
                             "It may be missing parentheses for instantiation.")
        if not callable(op):
            raise TypeError(f"transforms[{i}] is neither a transforms op (TensorOperation) nor a callable pyfunc.")


def _apply(op, args):
    out = op(*args)
    return out if isinstance(out, tuple) else (out,)


def _finish(args):
    return args[0] if len(args) == 1 else tuple(args)


class Compose(TensorOperation):
    """Apply a list of transforms one after another (nested Compose lists are flattened)."""

    def __init__(self, transforms):
        _check_transform_list(transforms)
        flat = []
        for op in transforms:
            flat.extend(op.transforms if isinstance(op, Compose) else [op])
        self.transforms = flat
        if all(getattr(op, "random", True) is False for op in flat):
            self.random = False

    def __call__(self, *args):
        if not args:
            raise TypeError("Compose was called without an image. "
                            "Fix invocation (avoid it being invoked as Compose([...])()).")
        for op in self.transforms:
            args = _apply(op, args)
        if any(getattr(op, "_py_impl", False) for op in self.transforms):
            # the reference runs such a list through its Python executor, which returns a tuple of columns
            return tuple(args)
        return _finish(args)


def _all_py(transforms):
    return all(getattr(op, "_py_impl", False) for op in transforms)


class RandomApply(TensorOperation):
    """Apply the whole list of transforms with probability ``prob``, else pass the input through."""

    def __init__(self, transforms, prob=0.5):
        _check_transform_list(transforms)
        type_check(prob, (float, int), "prob")
        check_value(prob, 0, 1, "prob")
        self.transforms = list(transforms)
        self.prob = prob
        self._py_impl = _all_py(self.transforms)

    def __call__(self, *args):
        if random.random() < self.prob:
            for op in self.transforms:
                args = _apply(op, args)
        return _finish(args)


class RandomChoice(TensorOperation):
    """Apply one transform picked uniformly from the list."""

    def __init__(self, transforms):
        _check_transform_list(transforms)
        self.transforms = list(transforms)
        self._py_impl = _all_py(self.transforms)

    def __call__(self, *args):
        return _finish(_apply(random.choice(self.transforms), args))


class RandomOrder(TensorOperation):
    """Apply every transform of the list, in a random order."""

    _py_impl = True

    def __init__(self, transforms):
        _check_transform_list(transforms)
        self.transforms = list(transforms)

    def __call__(self, *args):
        order = list(self.transforms)
        random.shuffle(order)
        for op in order:
            args = _apply(op, args)
        return _finish(args)


def not_random(function):
    """Mark ``function`` as deterministic (its results may then be cached)."""
    function.random = False
    return function


def _np_dtype(data_type, name="data_type"):
    if isinstance(data_type, _dt.Type):
        np_t = _dt.to_numpy(data_type)
        if np_t is None:
            raise TypeError(f"Argument {name} with value {data_type} has no numpy equivalent.")
        return np.dtype(np_t)
    if data_type is None:
        raise TypeError(f"Argument {name} with value None is not of type [mindspore.dtype, numpy.dtype], "
                        "but got <class 'NoneType'>.")
    try:
        return np.dtype(data_type)
    except (TypeError, ValueError):
        raise TypeError(f"Argument {name} with value {data_type} is not of type [mindspore.dtype, numpy.dtype], "
                        f"but got {type(data_type)}.") from None


class TypeCast(TensorOperation):
    """Cast the input to a MindSpore dtype (``ms.int32``) or a numpy dtype (``np.float32``)."""

    random = False

    def __init__(self, data_type):
        self._np_type = _np_dtype(data_type)
        self.data_type = str(self._np_type)

    def _execute(self, a):
        if (a.dtype.kind in "SU") != (self._np_type.kind in "SU"):
            raise RuntimeError(f"TypeCast: Unsupported cast from {a.dtype} to {self._np_type}.")
        return a.astype(self._np_type)


class Duplicate(TensorOperation):
    """Return the input and a copy of it (two columns)."""

    random = False

    def _execute(self, a):
        return a, a.copy()


class Unique(TensorOperation):
    """Unique values in first-seen order, each element's index into them (int32), and their counts (int32)."""

    random = False

    def _execute(self, a):
        if a.ndim < 2:
            raise RuntimeError(f"Unique: input must be at least 2-D in order to do unique op, got rank:{a.ndim}")
        flat = a.reshape(-1)
        _, first, inverse, counts = np.unique(flat, return_index=True, return_inverse=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(order.size)
        return flat[first[order]], rank[inverse.reshape(-1)].astype(np.int32), counts[order].astype(np.int32)


def _scalar_check(value, name):
    type_check(value, (str, float, bool, int, bytes), name)


class Fill(TensorOperation):
    """Fill every element with ``fill_value`` (same shape and dtype as the input)."""

    random = False

    def __init__(self, fill_value):
        _scalar_check(fill_value, "fill_value")
        self.fill_value = fill_value

    def _execute(self, a):
        is_text = isinstance(self.fill_value, (str, bytes))
        if is_text != (a.dtype.kind in "SU"):
            raise RuntimeError("Fill: fill_value and the input tensor must be of the same data type when "
                               f"involving strings or bytes, but got fill_value {self.fill_value!r} and input "
                               f"type {a.dtype}.")
        return np.full(a.shape, self.fill_value).astype(a.dtype) if not is_text else np.full(a.shape, self.fill_value)


class Relational(enum.IntEnum):
    """Comparison used by :class:`Mask`."""

    EQ = 0
    NE = 1
    GT = 2
    GE = 3
    LT = 4
    LE = 5


_RELATIONAL = {Relational.EQ: np.equal, Relational.NE: np.not_equal, Relational.GT: np.greater,
               Relational.GE: np.greater_equal, Relational.LT: np.less, Relational.LE: np.less_equal}


class Mask(TensorOperation):
    """Elementwise ``input <operator> constant``, cast to ``dtype`` (bool by default)."""

    random = False

    def __init__(self, operator, constant, dtype=_dt.bool_):
        type_check(operator, (Relational,), "operator")
        _scalar_check(constant, "constant")
        type_check(dtype, (_dt.Type,), "dtype")
        self.operator = operator
        self.constant = constant
        self.dtype = dtype
        self._np_type = _np_dtype(dtype, "dtype")

    def _execute(self, a):
        const = np.asarray(self.constant)
        if a.dtype.kind not in "SU" and const.dtype.kind not in "SU":
            const = const.astype(a.dtype) if a.dtype.kind != "b" else const
        return _RELATIONAL[self.operator](a, const).astype(self._np_type)


class OneHot(TensorOperation):
    """One-hot encode integer labels (scalar or 1-D), with optional label smoothing (float64 output then)."""

    random = False

    def __init__(self, num_classes, smoothing_rate=0.0):
        type_check(smoothing_rate, (int, float), "smoothing_rate")
        type_check(num_classes, (int,), "num_classes")
        check_positive(num_classes)
        check_value(smoothing_rate, 0.0, 1.0, "smoothing_rate")
        self.num_classes = num_classes
        self.smoothing_rate = smoothing_rate

    def _execute(self, a):
        if a.dtype.kind not in "iu":
            raise RuntimeError(f"OneHot: OneHot only support input of int type, but got:{a.dtype}")
        labels = a.reshape([d for d in a.shape if d != 1])
        if labels.ndim > 1:
            raise RuntimeError(f"OneHot: Only support scalar or 1D input, got rank: {labels.ndim}")
        if labels.size and labels.max() >= self.num_classes:
            raise RuntimeError(f"OneHot: index values should not bigger than num classes: {self.num_classes}, "
                               f"but got: {labels.max()}")
        hot = (labels[..., None] == np.arange(self.num_classes)).astype(a.dtype)
        if self.smoothing_rate:
            rate = float(self.smoothing_rate)
            return hot.astype(np.float64) * (1.0 - rate) + rate / self.num_classes
        return hot


class PadEnd(TensorOperation):
    """Pad (or truncate) each dimension at its end to ``pad_shape`` with ``pad_value``."""

    random = False

    def __init__(self, pad_shape, pad_value=None):
        if pad_value is not None:
            _scalar_check(pad_value, "pad_value")
        type_check(pad_shape, (list,), "pad_shape")
        for dim in pad_shape:
            if dim is not None:
                if not isinstance(dim, int) or isinstance(dim, bool):
                    raise TypeError("a value in the list is not an integer.")
                check_value(dim, 1, 9223372036854775807)
        self.pad_shape = list(pad_shape)
        self.pad_value = pad_value

    def _execute(self, a):
        if len(self.pad_shape) != a.ndim:
            raise RuntimeError(f"PadEnd: invalid pad shape, as rank of input is: {a.ndim}, and rank of pad shape "
                               f"is: {len(self.pad_shape)}.")
        if any(d is None for d in self.pad_shape):
            raise RuntimeError("Failed to create empty tensor, tensor shape is unknown.")
        fill = self.pad_value if self.pad_value is not None else ("" if a.dtype.kind in "SU" else 0)
        out = np.full(self.pad_shape, fill, dtype=a.dtype if a.dtype.kind not in "SU" else None)
        if a.dtype.kind in "SU":
            out = out.astype(np.result_type(out.dtype, a.dtype))
        region = tuple(slice(0, min(n, d)) for n, d in zip(self.pad_shape, a.shape))
        out[region] = a[region]
        return out


class Concatenate(TensorOperation):
    """Concatenate ``prepend``, the 1-D input and ``append`` (dtypes must agree)."""

    random = False

    def __init__(self, axis=0, prepend=None, append=None):
        if axis is not None:
            type_check(axis, (int,), "axis")
            if axis not in (0, -1):
                raise ValueError("only 1D concatenation supported.")
        for name, arr in (("prepend", prepend), ("append", append)):
            if arr is not None:
                type_check(arr, (np.ndarray,), name)
                if arr.ndim != 1:
                    raise ValueError(f"can only {name} 1D arrays.")
        self.axis = axis
        self.prepend = prepend
        self.append = append

    def _execute(self, a):
        if a.ndim != 1:
            raise RuntimeError(f"Concatenate: only 1D input supported, got rank of input: {a.ndim}")
        parts = []
        for name, arr in (("prepend", self.prepend), ("append", self.append)):
            if arr is not None and arr.dtype != a.dtype and not (arr.dtype.kind in "SU" and a.dtype.kind in "SU"):
                raise RuntimeError(f"Concatenate: input datatype does not match the {name} datatype, got input "
                                   f"datatype: {a.dtype}, {name} datatype: {arr.dtype}")
        if self.prepend is not None:
            parts.append(self.prepend)
        parts.append(a)
        if self.append is not None:
            parts.append(self.append)
        return np.concatenate(parts)


class Slice(TensorOperation):
    """Index the input per dimension: an int, a list of ints, a slice, or ``None``/``...``/``True`` (all)."""

    random = False

    def __init__(self, *slices):
        for s in slices:
            if s is not None:
                if not isinstance(s, (int, list, slice, bool, type(Ellipsis))):
                    raise TypeError(f"Argument slice with value {s} is not of type [int, list, slice, bool, "
                                    f"ellipsis], but got {type(s)}.")
                if isinstance(s, list):
                    for i, v in enumerate(s):
                        type_check(v, (int,), f"slice[{i}]")
        self.slices = slices

    def _execute(self, a):
        out = a
        for axis, s in enumerate(self.slices):
            if s is None or s is Ellipsis or isinstance(s, bool):
                continue
            if isinstance(s, slice):
                out = out[(slice(None),) * axis + (s,)]
            else:
                idx = [s] if isinstance(s, numbers.Integral) else list(s)
                n = out.shape[axis]
                for i in idx:
                    if not -n <= i < n:
                        raise RuntimeError(f"Slice: index {i} is out of bounds for dimension {axis} of size {n}.")
                out = np.take(out, idx, axis=axis)
        return np.ascontiguousarray(out)

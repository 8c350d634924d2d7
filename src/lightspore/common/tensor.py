"""``Tensor``: MindSpore's tensor, holding one ``torch.Tensor`` in the slot ``_t``.

Holding (rather than subclassing) keeps torch's kernels and autograd untouched: an operator costs a
Python call plus the torch call. Methods that come from the op table are installed on the class by
``lightspore.ops`` when it is imported.
"""
from __future__ import annotations

import numbers
import operator

import numpy as np
import torch

from . import dtype as mstype
from ._device import current_device
from ._errors import translate_error
from .device import device_name, on_device
from .symbol import Symbol

__all__ = ["Tensor", "from_numpy", "is_tensor", "tensor", "from_torch", "to_torch"]

_INPUT_TYPES = "['Tensor', 'ndarray', 'list', 'tuple', 'float', 'int', 'bool', 'complex', 'numpy scalar']"


def _numpy_to_torch(arr: np.ndarray, copy: bool) -> torch.Tensor:
    if arr.dtype == np.float64 or arr.dtype.kind in "biufc":
        if copy or not arr.flags.writeable or not arr.flags.c_contiguous or arr.dtype.byteorder == ">":
            arr = np.array(arr, copy=True, order="C")
            if arr.dtype.byteorder == ">":
                arr = arr.astype(arr.dtype.newbyteorder("="))
        return torch.from_numpy(arr)
    raise TypeError(f"For 'Tensor', numpy arrays of dtype {arr.dtype} are not supported")


def _python_to_torch(data) -> torch.Tensor:
    """Python scalar / nested list -> torch tensor with MindSpore's default dtypes
    (bool -> Bool, int -> Int64, float -> Float32, complex -> Complex64)."""
    if isinstance(data, bool):
        return torch.tensor(data, dtype=torch.bool)
    if isinstance(data, numbers.Integral):
        return torch.tensor(int(data), dtype=torch.int64)
    if isinstance(data, numbers.Real):
        return torch.tensor(float(data), dtype=torch.float32)
    if isinstance(data, complex):
        return torch.tensor(data, dtype=torch.complex64)
    # lists / tuples, possibly holding Tensors
    if any(isinstance(x, Tensor) for x in data):
        parts = [x._t if isinstance(x, Tensor) else _python_to_torch(x) for x in data]
        return torch.stack(torch.broadcast_tensors(*parts)) if parts else torch.tensor([])
    try:
        arr = np.array(data)
    except ValueError:
        arr = np.array(None, dtype=object)
    if arr.dtype == object:
        raise TypeError(f"For Tensor, the input_data is {data!r} that contain unsupported element: a list/tuple "
                        f"must be a regular (non-ragged) nested sequence of numbers.")
    if arr.dtype == np.float64:     # Python floats and numpy float64 scalars alike, as in the reference
        arr = arr.astype(np.float32)
    elif arr.dtype == np.int32:     # numpy int32 scalars: the reference's Int64 (narrower integers are kept)
        arr = arr.astype(np.int64)
    elif arr.dtype == np.complex128 and not _has_np_float64(data):
        arr = arr.astype(np.complex64)
    elif arr.dtype.kind == "U":
        raise TypeError("For 'Tensor', string data is not supported")
    return torch.from_numpy(_c_array(arr))


def _c_array(arr):
    return arr if arr.flags.c_contiguous and arr.flags.writeable else np.array(arr, order="C")


def _holds_tensor(data):
    if isinstance(data, (list, tuple)):
        return any(isinstance(x, Tensor) or _holds_tensor(x) for x in data)
    return False


def _python_to_torch_as(data, np_dtype):
    try:
        arr = np.array(data, dtype=np_dtype)
    except (ValueError, TypeError):
        return _python_to_torch(data).to(mstype.to_torch(mstype.from_numpy(np_dtype)))
    return torch.from_numpy(_c_array(arr))


def _has_np_float64(data):
    for x in data:
        if isinstance(x, (list, tuple)):
            if _has_np_float64(x):
                return True
        elif isinstance(x, (np.float64, np.complex128, np.ndarray)) and getattr(x, "dtype", None) in (
                np.float64, np.complex128):
            return True
    return False


def _to_torch_data(input_data) -> torch.Tensor:
    if isinstance(input_data, Tensor):
        return input_data._t
    if isinstance(input_data, torch.Tensor):
        return input_data
    if isinstance(input_data, np.ndarray):
        return _numpy_to_torch(input_data, copy=True)
    if isinstance(input_data, np.generic):
        return torch.from_numpy(np.array(input_data))
    if isinstance(input_data, (bool, int, float, complex, list, tuple, numbers.Number)):
        return _python_to_torch(input_data)
    raise TypeError(f"For 'Tensor', the type of 'input_data' should be one of {_INPUT_TYPES}, "
                    f"but got type '{type(input_data).__name__}'.")


def _unwrap(x):
    return x._t if isinstance(x, Tensor) else x


def _index(idx):
    """Translate a MindSpore index (may hold Tensors, lists, numpy arrays) to a torch index."""
    if isinstance(idx, Tensor):
        return idx._t
    if isinstance(idx, tuple):
        return tuple(_index(i) for i in idx)
    if isinstance(idx, np.ndarray):
        return torch.from_numpy(idx)
    if isinstance(idx, list) and any(isinstance(i, Tensor) for i in idx):
        return torch.stack([i._t if isinstance(i, Tensor) else torch.tensor(i) for i in idx])
    return idx

def _flip_negative_steps(t, index):
    """``(t', index')`` with every negative-step slice of ``index`` turned into a positive one over ``t`` flipped
    along that dimension (the same elements in the same order), or None when ``index`` has none or holds
    advanced indices (tensors, lists, masks), whose dimension mapping this does not follow."""
    items = index if isinstance(index, tuple) else (index,)
    if not any(isinstance(i, slice) and i.step is not None and i.step < 0 for i in items):
        return None
    if not all(i is None or i is Ellipsis or isinstance(i, (int, slice)) for i in items):
        return None
    consumed = sum(1 for i in items if isinstance(i, (int, slice)))
    dim, new = 0, []
    for i in items:
        if i is Ellipsis:
            dim += t.dim() - consumed
        elif i is None:
            pass
        elif isinstance(i, slice) and i.step is not None and i.step < 0:
            n = t.shape[dim]
            start, stop, step = i.indices(n)
            t = t.flip(dim)
            i = slice(n - 1 - start, n - 1 - stop, -step)
            dim += 1
        else:
            dim += 1
        new.append(i)
    return t, tuple(new)



class Tensor:
    """MindSpore Tensor (``mindspore.Tensor``) backed by a ``torch.Tensor``.

    ``Tensor(input_data=None, dtype=None, shape=None, init=None, const_arg=False, device=None)``
    """

    __slots__ = ("_t", "_init", "__weakref__")
    # no __array_priority__: as in the reference, numpy computes ``np.float32(2) * x`` and ``ndarray + x`` itself
    # (through __array__) and returns an ndarray

    def __init__(self, /, *args, **kwargs):
        self._init_from(*args, **kwargs)

    def _init_from(self, input_data=None, dtype=None, shape=None, init=None, const_arg=False, device=None):
        ms_dtype = mstype.check_dtype(dtype, "For 'Tensor', 'dtype'") if dtype is not None else None
        if input_data is None:
            if shape is None:
                if ms_dtype is not None and init is None:
                    _make_placeholder(self, (-2,), ms_dtype, init)     # an unknown rank (enable_dynamic, set_inputs)
                    return
                raise ValueError("For 'Tensor', 'input_data' and 'shape' can not both be None.")
            shape = (shape,) if isinstance(shape, int) else tuple(shape)
            if any(s is None or (isinstance(s, int) and s < 0) or isinstance(s, Symbol) for s in shape):
                _make_placeholder(self, shape, ms_dtype, init)      # a dynamic-shape input spec (set_inputs)
                return
            if any(not isinstance(s, int) for s in shape):
                raise ValueError(f"For 'Tensor', 'shape' must be a tuple of non-negative ints, got {shape}")
            tdt = mstype.to_torch(ms_dtype) if ms_dtype is not None else torch.float32
            if init is not None:
                from .initializer import _materialize

                t = _materialize(init, shape, ms_dtype or mstype.float32)
                self._init = init
            else:
                t = torch.zeros(shape, dtype=tdt)
        else:
            if shape is not None:
                raise ValueError("For 'Tensor', 'shape' must be None when 'input_data' is given.")
            if (ms_dtype is not None and ms_dtype._np is not None
                    and isinstance(input_data, (list, tuple, float, int, bool, complex))
                    and not _holds_tensor(input_data)):
                # build straight in the requested dtype (no float32 round trip for float64 data)
                t = _python_to_torch_as(input_data, ms_dtype._np)
            else:
                t = _to_torch_data(input_data)
            if ms_dtype is not None:
                tdt = mstype.to_torch(ms_dtype)
                if t.dtype != tdt:
                    t = t.to(tdt)
        dev = current_device() if device is None else _parse_device(device)
        if t.device != dev:
            t = t.to(dev)
        self._t = t

    # ---- construction helpers ------------------------------------------------------------
    @classmethod
    def _make(cls, t):
        """Wrap a torch tensor without copying or checking (the fast path)."""
        self = object.__new__(cls)
        self._t = t
        return self

    @staticmethod
    def from_numpy(array):
        """Tensor sharing memory with a numpy array."""
        return from_numpy(array)

    @staticmethod
    def from_torch(t):
        """Zero-copy view of a ``torch.Tensor`` as a lightspore Tensor."""
        return Tensor._make(t.detach() if t.requires_grad else t)

    def to_torch(self):
        """The underlying ``torch.Tensor`` (zero-copy)."""
        return self._t

    # ---- basic attributes ----------------------------------------------------------------
    @property
    def shape(self):
        return tuple(self._t.shape)

    @property
    def dtype(self):
        return mstype.from_torch(self._t.dtype)

    @property
    def ndim(self):
        return self._t.dim()

    @property
    def size(self):
        return self._t.numel()

    @property
    def itemsize(self):
        return self._t.element_size()

    @property
    def nbytes(self):
        return self._t.numel() * self._t.element_size()

    @property
    def strides(self):
        es = self._t.element_size()
        return tuple(s * es for s in self._t.stride())

    @property
    def init(self):
        try:
            return self._init
        except AttributeError:
            return None

    @init.setter
    def init(self, value):
        self._init = value

    @property
    def has_init(self):
        return False

    @property
    def T(self):
        return Tensor._make(self._t.permute(*range(self._t.dim() - 1, -1, -1)))

    @property
    def mT(self):
        return Tensor._make(self._t.mT)

    @property
    def is_meta(self):
        """True for a Tensor on the meta device (MindSpore 2.10): a shape and dtype without storage."""
        return self._t.is_meta

    def is_shared(self):
        """Whether the data lives in shared memory (MindSpore 2.10)."""
        return self._t.is_shared()

    def untyped_storage(self):
        """The bytes under this tensor, dtype-agnostic (MindSpore 2.10's ``mindspore.UntypedStorage``)."""
        from ._storage import untyped_storage
        return untyped_storage(self)

    def set_(self, source):
        """Make this Tensor share ``source``'s data, shape and dtype (MindSpore 2.10); returns a Tensor over the
        same data (a new object, as in the reference)."""
        if not isinstance(source, Tensor):
            raise TypeError(f"For 'Tensor.set_', 'source' must be a Tensor, but got {type(source).__name__}.")
        self._t = source._t
        return Tensor._make(self._t)

    @property
    def device(self):
        return device_name(self._t.device)

    @property
    def requires_grad(self):
        return self._t.requires_grad

    def dim(self):
        return self._t.dim()

    def numel(self):
        return self._t.numel()

    nelement = numel

    def element_size(self):
        return self._t.element_size()

    def is_contiguous(self):
        return self._t.is_contiguous()

    def is_floating_point(self):
        return self._t.is_floating_point()

    def stride(self, dim=None):
        return self._t.stride() if dim is None else self._t.stride(dim)

    def data_ptr(self):
        return self._t.data_ptr()

    def init_data(self, slice_index=None, shape=None, opt_shard_group=None):
        """Initialised data; lightspore materialises initializers eagerly, so this is the tensor. Like the
        reference, a tensor built without ``init`` has nothing to initialise (TypeError)."""
        if self.init is None:
            raise TypeError("For 'Tensor.init_data', the tensor must have been created with 'init', "
                            "but its 'init' is None.")
        return self

    # ---- conversions ---------------------------------------------------------------------
    def asnumpy(self):
        """A numpy array sharing memory with the tensor where it lives on the CPU."""
        t = self._t.detach()
        if t.is_meta:   # the reference's error for a meta tensor (DeviceCtx('meta'), MindSpore 2.10)
            raise RuntimeError("Not support copy between src:meta and dst:CPU: a tensor on the meta device has no "
                               "data (give it storage with Cell.to_empty first).")
        if t.dtype == torch.bfloat16:
            t = t.float()
        return t.cpu().numpy() if t.device.type != "cpu" else t.numpy()

    def numpy(self):
        return self.asnumpy()

    def __array__(self, dtype=None, copy=None):
        a = self.asnumpy()
        return a.astype(dtype) if dtype is not None else a

    def item(self):
        if self._t.numel() != 1:
            raise ValueError(f"For 'Tensor.item', the tensor must have exactly one element, "
                             f"but got shape {self.shape}")
        return self._t.item()

    def tolist(self):
        return self._t.tolist()

    def astype(self, dtype, copy=True):
        if isinstance(dtype, str):      # numpy-style names ('float32', 'Float32', 'float' = float64), as the reference
            try:
                dtype = mstype.from_numpy(np.dtype(dtype.lower()))
            except TypeError:
                raise TypeError(f"For 'Tensor.astype', the string dtype must name a numpy dtype such as 'float32', "
                                f"but got {dtype!r}.") from None
        tdt = mstype.to_torch(mstype.check_dtype(dtype, "For 'Tensor.astype', 'dtype'"))
        return Tensor._make(self._t.to(tdt, copy=copy))

    def to(self, dtype):
        return self.astype(dtype)

    def float(self):
        return Tensor._make(self._t.float())

    def half(self):
        return Tensor._make(self._t.half())

    def int(self):
        return Tensor._make(self._t.int())

    def long(self):
        return Tensor._make(self._t.long())

    def bool(self):
        return Tensor._make(self._t.bool())

    def double(self):
        return Tensor._make(self._t.double())

    def bfloat16(self):
        return Tensor._make(self._t.bfloat16())

    def copy(self):
        return Tensor._make(self._t.clone())

    def contiguous(self):
        return Tensor._make(self._t.contiguous())

    def assign_value(self, value):
        """Replace the content (and shape/dtype) of this tensor with ``value``'s, in place."""
        v = value._t if isinstance(value, Tensor) else _to_torch_data(value)
        self._t = v
        return self

    def set_dtype(self, dtype):
        dtype = mstype.check_dtype(dtype)
        self._t = self._t.to(mstype.to_torch(dtype))
        return dtype      # the reference returns the new dtype

    def cpu(self):
        return Tensor._make(self._t.cpu())

    def move_to(self, to, blocking=True):
        dev = {"CPU": "cpu", "GPU": "cuda", "Ascend": "cpu"}.get(to)
        if dev is None:
            raise ValueError(f"For 'Tensor.move_to', 'to' must be 'CPU', 'GPU' or 'Ascend', but got {to!r}")
        return Tensor._make(self._t.to(dev, non_blocking=not blocking))

    # ---- python protocol -----------------------------------------------------------------
    def __repr__(self):
        from ._format import tensor_repr

        return tensor_repr(self)

    def __str__(self):
        from ._format import tensor_str

        return tensor_str(self)

    def __format__(self, spec):
        if self._t.dim() == 0 and spec:
            return format(self._t.item(), spec)
        return str(self)

    def __len__(self):
        if self._t.dim() == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._t.shape[0]

    def __iter__(self):
        if self._t.dim() == 0:
            raise TypeError("iteration over a 0-d tensor")
        for t in self._t.unbind(0):
            yield Tensor._make(t)

    def __bool__(self):
        if self._t.numel() != 1:
            raise ValueError("The truth value of a Tensor with more than one element is ambiguous.")
        return bool(self._t.item())

    def __int__(self):
        return int(self.item())

    def __float__(self):
        return float(self.item())

    def __index__(self):
        if self._t.dtype.is_floating_point or self._t.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self._t.item())

    __hash__ = object.__hash__

    def __getitem__(self, index):
        try:
            return Tensor._make(self._t[_index(index)])
        except ValueError:          # torch has no negative strides: t[::-1] flips those dimensions first
            flipped = _flip_negative_steps(self._t, index)
            if flipped is None:
                raise
            return Tensor._make(flipped[0][_index(flipped[1])])

    def __setitem__(self, index, value):
        v = value._t if isinstance(value, Tensor) else value
        if isinstance(v, (np.ndarray, list, tuple)):
            v = torch.as_tensor(np.asarray(v))
        self._t[_index(index)] = v
        return self       # the reference returns the tensor itself

    def __getstate__(self):
        return {"data": self.asnumpy(), "dtype": str(self.dtype)}

    def __setstate__(self, state):
        dt = mstype._by_name(state["dtype"])
        self._t = torch.from_numpy(np.array(state["data"])).to(mstype.to_torch(dt))

    def __deepcopy__(self, memo):
        new = object.__new__(type(self))
        new._t = self._t.detach().clone()
        return new

    def __copy__(self):
        return Tensor._make(self._t)

    # ---- operators: + - * / // % ** and the comparisons are the op table's (ops/_promote.py); the bitwise
    # ops, shifts and @ are installed below ----
    def __neg__(self):
        return Tensor._make(-self._t)

    def __pos__(self):
        return self

    def __abs__(self):
        return Tensor._make(self._t.abs())

    def __invert__(self):
        # the reference's ``~x`` is logical not, for every dtype
        return Tensor._make(torch.logical_not(self._t))



def _operand(x, name):
    if isinstance(x, Tensor):
        return x._t
    if isinstance(x, (bool, int, float, complex)) and (not isinstance(x, np.generic) or isinstance(x, float)):
        return float(x) if isinstance(x, np.generic) else x
    if isinstance(x, np.ndarray):
        return _numpy_to_torch(x, copy=False)
    if isinstance(x, (list, tuple)):
        return _python_to_torch(x)
    if isinstance(x, torch.Tensor):
        return x
    # the reference refuses numpy scalars and other objects as operands
    raise TypeError(f'Failed calling {name} with "{name}()(input=Tensor, other={type(x)})".')


def _binary(name, fn, reflected=False):
    def method(self, other):
        o = _operand(other, name)
        try:
            return Tensor._make(fn(o, self._t) if reflected else fn(self._t, o))
        except (RuntimeError, NotImplementedError) as e:
            raise translate_error(name, e) from None
    return method


_BINARY = {
    "matmul": ("matmul", operator.matmul), "and": ("BitwiseAnd", operator.and_), "or": ("BitwiseOr", operator.or_),
    "xor": ("BitwiseXor", operator.xor), "lshift": ("LeftShift", operator.lshift),
    "rshift": ("RightShift", operator.rshift),
}
for _n, (_prim, _fn) in _BINARY.items():
    setattr(Tensor, f"__{_n}__", _binary(_prim, _fn))
    setattr(Tensor, f"__r{_n}__", _binary(_prim, _fn, reflected=True))
    setattr(Tensor, f"__i{_n}__", _binary(_prim, _fn))


def _parse_device(device):
    if isinstance(device, torch.device):
        return device
    d = str(device)
    if d.upper().startswith("CPU"):
        return torch.device("cpu")
    if d.upper().startswith("GPU") or d.startswith("cuda"):
        idx = d.split(":")[1] if ":" in d else "0"
        return torch.device(f"cuda:{idx}")
    return torch.device(d)


def from_numpy(array):
    """``mindspore.from_numpy``: a Tensor sharing memory with ``array``."""
    if not isinstance(array, np.ndarray):
        raise TypeError(f"For 'from_numpy', the input must be a numpy.ndarray, but got {type(array).__name__}")
    return Tensor._make(torch.from_numpy(array))


def from_torch(t):
    """Zero-copy: a ``torch.Tensor`` viewed as a lightspore Tensor."""
    return Tensor.from_torch(t)


def to_torch(t):
    """Zero-copy: the ``torch.Tensor`` behind a lightspore Tensor."""
    return t._t


def is_tensor(obj):
    return isinstance(obj, Tensor)


def tensor(input_data=None, dtype=None, shape=None, init=None, const_arg=False, device=None):
    """``mindspore.tensor``: functional constructor; ``device='meta'`` (2.10) gives a Tensor without storage."""
    from ._meta import torch_device
    dev = torch_device(device, "tensor")
    if dev is None and device is not None:      # an explicit 'CPU' is the CPU, inside DeviceCtx('meta') too
        with on_device("cpu"):
            return Tensor(input_data, dtype, shape, init, const_arg)
    t = Tensor(input_data, dtype, shape, init, const_arg)
    return t if dev is None else Tensor._make(t._t.to("meta"))




class _PlaceholderTensor(Tensor):
    """``Tensor(shape=(None, 4), dtype=...)``: a shape with unknown dimensions (-1; ``(-2,)`` for an unknown rank)
    that describes an input for ``Cell.set_inputs``. It holds no data: its size is 0 and ``asnumpy`` raises, as in
    the reference. The shape lives in the ``_init`` slot (a placeholder has no initializer)."""

    __slots__ = ()

    @property
    def shape(self):
        return tuple(s if isinstance(s, int) else -1 for s in self._init)      # a Symbol dimension shows as -1

    @property
    def ndim(self):
        return len(self._init)

    @property
    def size(self):
        return 0

    @property
    def init(self):
        return None

    def asnumpy(self):
        raise ValueError("negative dimensions are not allowed")

    def __repr__(self):
        return f"Tensor(shape={list(self._init)}, dtype={self.dtype}, value=\n)"

    def __str__(self):
        raise ValueError("negative dimensions are not allowed")


def _make_placeholder(self, shape, ms_dtype, init):
    if ms_dtype is None or init is not None:
        raise ValueError("If setting dynamic shape, dtype must not be None, init must be None")
    shape = tuple(-1 if s is None else s for s in shape)          # Symbol dimensions are kept (ms.jit reads them)
    self.__class__ = _PlaceholderTensor
    self._t = torch.zeros([s if isinstance(s, int) and s > 0 else 0 for s in shape], dtype=mstype.to_torch(ms_dtype))
    self._init = shape

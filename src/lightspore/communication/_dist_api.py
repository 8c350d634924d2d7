"""``mindspore.ops.function.comm_func``: the torch.distributed-style communication API on ``torch.distributed``
(gloo on the CPU, NCCL on the GPU), bound there and at the top of ``ops`` (``ops.all_reduce``, ``ops.isend``...).

Every function here is also ``mindspore.mint.distributed``'s, which calls the same code always in place
(``mint/distributed/distributed.py`` wraps these). The collectives write their results into the tensors they are
given and return None, or a handle when ``async_op=True`` (``handle.wait()`` waits for torch's work); that is the
default mode. ``set_comm_ops_inplace(False, [names])`` switches the named functions to returning their results
instead (``all_reduce``, ``all_gather_into_tensor``, ``reduce_scatter_tensor`` and the all-to-alls return
``(tensor, handle)``, ``recv`` the received tensor, ``irecv`` ``(tensor, handle)``), through the same code as
``mindspore.communication.comm_func``'s; the other functions have only the in-place mode and raise ValueError then.

Ranks given as ``src``/``dst``/``peer`` are world ranks, as in the reference; a group is a group name (a string,
``None`` = the world group), made by ``new_group``. The ``*_object`` functions pickle the objects into int8 tensors
and unpickle only plain builtin data (a pickled class or function is refused, as the reference refuses it).
"""
from __future__ import annotations

import builtins
import contextvars
import datetime
import hashlib
import inspect
import io
import pickle
import sys

import torch
import torch.distributed as dist

from .. import _release
from .. import context as _context
from ..common.tensor import Tensor
from ..ops import _comm as _c
from ..ops.composite import ReduceOp  # noqa: F401
from ..parallel._checks import _check_kwarg_types
from . import _comm_helper as _h
from . import comm_func as _cc
from . import management as _m
from ._comm_helper import GlobalComm  # noqa: F401  (the reference's module has these too)
from .comm_func import CommHandle, default_handle, get_cache_group_rank, get_cache_group_size  # noqa: F401

__all__ = ["TCPStore", "init_process_group", "destroy_process_group", "get_rank", "get_world_size", "new_group",
           "get_backend", "get_global_rank", "get_process_group_ranks", "get_group_rank", "all_reduce",
           "all_gather_into_tensor", "all_gather_into_tensor_uneven", "all_to_all", "all_to_all_single",
           "reduce_scatter_tensor", "reduce_scatter_tensor_uneven", "isend", "irecv", "send", "recv", "gather",
           "scatter", "all_gather", "reduce_scatter", "barrier", "broadcast", "reduce", "P2POp", "batch_isend_irecv",
           "all_gather_object", "broadcast_object_list", "gather_object", "scatter_object_list", "is_available",
           "is_initialized", "gather_into_tensor", "scatter_tensor", "set_comm_ops_inplace", "all_to_all_v_c"]

BACKEND_HCCL = "hccl"
BACKEND_MCCL = "mccl"
_OPS = ("sum", "prod", "min", "max")

# ----- the in-place switch ----------------------------------------------------------------------------------------
comm_funcs = ["all_reduce", "all_gather_into_tensor", "all_gather_into_tensor_uneven", "all_to_all",
              "all_to_all_single", "reduce_scatter_tensor", "reduce_scatter_tensor_uneven", "isend", "irecv", "send",
              "recv", "gather", "scatter", "all_gather", "reduce_scatter", "barrier", "broadcast", "reduce",
              "batch_isend_irecv", "all_gather_object", "broadcast_object_list", "gather_object",
              "scatter_object_list", "gather_into_tensor", "scatter_tensor", "all_to_all_v_c"]
_INPLACE = dict.fromkeys(comm_funcs, True)
# set while a mint.distributed function runs: those are in place whatever set_comm_ops_inplace said, and take
# mint.distributed's classes (MINT_CLASSES, filled by that module)
_ALWAYS_INPLACE = contextvars.ContextVar("lightspore_comm_always_inplace", default=False)
MINT_CLASSES = {}


def set_comm_ops_inplace(is_enable, func_list=None):
    """Make the functions named in ``func_list`` (all of them when None) write in place (True) or return their
    results (False)."""
    if not isinstance(is_enable, bool):
        raise TypeError(f"For 'set_comm_ops_inplace', the argument 'is_enable' must be type of bool, but got "
                        f"'is_enable' type : {type(is_enable)}.")
    if func_list is None:
        func_list = list(_INPLACE)
    elif not isinstance(func_list, (list, tuple)):
        raise TypeError(f"Expected list or tuple, but got {type(func_list)}.")
    for name in func_list:
        if name not in _INPLACE:
            raise ValueError(f"The function name in `func_list` must be correct, but got {name}.")
        _INPLACE[name] = is_enable


def _inplace(name):
    return _ALWAYS_INPLACE.get() or _INPLACE[name]


def is_inplace_func():
    """Whether the calling communication function is in its in-place mode (False for any other caller)."""
    name = sys._getframe(1).f_code.co_name
    return _inplace(name) if name in _INPLACE else False


def _only_inplace(name):
    if not _inplace(name):
        raise ValueError("Non-inplace mode is currently not supported.")


# ----- argument checks (the reference's words) ----------------------------------------------------------------------
def _tensor(x, msg):
    if not isinstance(x, Tensor):
        raise TypeError(msg)
    return x


def _group(group):
    if group is None:
        group = _h.GlobalComm.WORLD_COMM_GROUP
    if not isinstance(group, str):
        raise TypeError(f"The argument 'group' must be type of string, but got 'group' type : {type(group)}.")
    return group


def _group_async(group, async_op):
    group = _group(group)
    if not isinstance(async_op, bool):
        raise TypeError(f"The argument 'async_op' must be a bool, but got {type(async_op)}.")
    return group


def _op(api, op, allowed=_OPS):
    if not isinstance(op, str):
        raise TypeError(f"For {api}, the input op type must be str")
    if op not in allowed:
        raise TypeError(f"For {api}, the input op value must be one of sum, prod, min, max")
    return op


def _int(api, what, v):
    if not isinstance(v, int):
        raise TypeError(f"For {api}, the {what} must be int")
    return v


def _check_all_tensors(tensor_list):
    if not isinstance(tensor_list, (list, tuple)):
        raise TypeError(f"Expected list or tuple, but got {type(tensor_list)}.")
    for t in tensor_list:
        if not isinstance(t, Tensor):
            raise TypeError(f"Expected tensor, but got {type(t)}")


def _same(tensor_list, what, first_words):
    """Every tensor of the list has the first one's ``what`` (dtype or shape)."""
    want = None
    for t in tensor_list:
        if not isinstance(t, Tensor):
            continue
        got = getattr(t, what)
        if want is None:
            want = got
        elif got != want:
            raise TypeError(f"{first_words} {what} must be the same, but got {want} and {got}.")


def _check_len(tensor_list, size):
    if not tensor_list or len(tensor_list) != size:
        raise TypeError(f"The argument list tensor len must be equal to group rank size, but got {len(tensor_list)}.")


def _check_list_like(tensor_list, tensor, size):
    _check_len(tensor_list, size)
    if tensor.dtype != tensor_list[0].dtype:
        raise TypeError(f"The argument list tensor type must be equal to tensor type, but got {tensor_list[0].dtype}.")
    if tensor.shape != tensor_list[0].shape:
        raise TypeError(f"The argument list tensor shape must be equal to tensor shape, but got "
                        f"{tensor_list[0].shape}.")


def _check_out(api, out, like):
    if out.shape != like.shape:
        raise TypeError(f"For {api}, the output shape should be {like.shape}, but got {out.shape}.")
    if out.dtype != like.dtype:
        raise TypeError(f"For {api}, the output dtype should be {like.dtype}, but got {out.dtype}.")


def _numel_check(api, out, numel):
    if out._t.numel() != numel:
        raise ValueError(f"For {api}, the output tensor must hold {numel} elements, but it holds {out._t.numel()} "
                         f"(shape {out.shape}).")


# ----- torch plumbing ------------------------------------------------------------------------------------------------
def _pg(api, group):
    return _h.torch_group(_m._get_group(group), api)


def _size_rank(api, group):
    pg = _pg(api, group)
    return pg, dist.get_world_size(pg), dist.get_rank(pg)


def _group_rank(world_rank, group):
    """The group rank of a world rank (identity for the world group)."""
    return _cc._group_rank(world_rank, group)


def _buf(t):
    """A contiguous torch buffer writing into Tensor ``t`` (``t``'s own storage when it is contiguous) and the
    copy that brings a separate buffer back into ``t`` (None when there is none)."""
    d = t._t.detach()
    if d.is_contiguous():
        return d, None
    c = d.contiguous()
    return c, (d, c)


class _Work:
    """torch work objects, and the copies into the caller's tensors to make once they are done."""

    def __init__(self, works, copies=()):
        self.works = [w for w in works if w is not None]
        self.copies = [c for c in copies if c is not None]

    def is_completed(self):
        return not self.copies and all(w.is_completed() for w in self.works)

    def wait(self):
        for w in self.works:
            w.wait()
        for dst, src in self.copies:
            dst.copy_(src)
        self.works, self.copies = [], []


def _finish(works, copies, async_op):
    """Wait (sync) or hand back a handle (async)."""
    work = _Work(works, copies)
    if async_op:
        return CommHandle(work)
    work.wait()
    return None


def _put(out, value, async_op):
    """Write a computed torch tensor into Tensor ``out`` (the collectives that torch gives no in-place form for)."""
    out._t.detach().copy_(value.reshape(out._t.shape))
    return default_handle if async_op else None


# ----- process groups -------------------------------------------------------------------------------------------------
class TCPStore:
    """A key-value store served over TCP (``torch.distributed.TCPStore``): the master process serves it, the others
    connect to ``host_name:port``."""

    def __init__(self, host_name, port, world_size=None, is_master=False, timeout=datetime.timedelta(seconds=300),
                 wait_for_workers=True, multi_tenant=False, master_listen_fd=None, use_libuv=True):
        for arg, value, kind, name in (("host_name", host_name, str, "string"), ("port", port, int, "int"),
                                       ("is_master", is_master, bool, "bool"),
                                       ("timeout", timeout, datetime.timedelta, "timedelta"),
                                       ("wait_for_workers", wait_for_workers, bool, "bool")):
            _store_type(arg, value, kind, name)
        world_size = 1 if world_size is None else world_size
        _store_type("world_size", world_size, int, "int")
        if port < 0 or port > 65535:
            raise ValueError(f"For 'TCPStore', the argument 'port' must be legal, but got {port}.")
        if world_size <= 0:
            raise ValueError(f"For 'TCPStore', the argument 'world_size' must be legal, but got {world_size}.")
        self.instance = dist.TCPStore(host_name, port, world_size, is_master, timeout=timeout,
                                      wait_for_workers=wait_for_workers, multi_tenant=multi_tenant,
                                      master_listen_fd=master_listen_fd, use_libuv=use_libuv)
        self.host = host_name
        self.port = port

    def add(self, key, amount):
        _key("add", key)
        if not isinstance(amount, int):
            raise TypeError(f"For 'TCPStore.add', the argument 'amount' must be type of string or int, but got "
                            f"'amount' type : {type(amount)}.")
        return self.instance.add(key, amount)

    def set(self, key, value):
        _key("set", key)
        if not isinstance(value, (str, bytes)):
            raise TypeError(f"For 'TCPStore.set', the argument 'value' must be type of string or bytes, but got "
                            f"'value' type : {type(value)}.")
        return self.instance.set(key, value)

    def get(self, key):
        _key("get", key)
        return self.instance.get(key)

    def delete_key(self, key):
        _key("delete_key", key)
        return self.instance.delete_key(key)


def _store_type(arg, value, kind, name, api="TCPStore"):
    if not isinstance(value, kind):
        raise TypeError(f"For '{api}', the argument '{arg}' must be type of {name}, but got '{arg}' type : "
                        f"{type(value)}.")


def _key(method, key):
    _store_type("key", key, str, "string", f"TCPStore.{method}")


def is_available():
    """Whether distributed communication is built in (``torch.distributed.is_available()``)."""
    return dist.is_available()


def is_initialized():
    """Whether this process has joined a job (``init_process_group`` or ``communication.init``)."""
    return bool(_h.GlobalComm.INITED and dist.is_initialized())


def init_process_group(backend="hccl", init_method=None, timeout=None, world_size=-1, rank=-1, store=None,
                       pg_options=None, device_id=None, *, group_name=""):
    """Join the job: from the launcher's environment (msrun, torchrun, mpirun) as ``communication.init`` does, or
    from ``init_method`` (a ``tcp://host:port`` URL) or a ``TCPStore`` with ``world_size`` and ``rank`` given.
    ``backend`` is the reference's only name, ``"hccl"``: gloo runs it on the CPU, NCCL on the GPU. ``group_name``
    (MindSpore 2.10) names the world group too."""
    store_type = MINT_CLASSES["TCPStore"] if _ALWAYS_INPLACE.get() else TCPStore
    _check_kwarg_types({"init_method": init_method, "timeout": timeout, "world_size": world_size, "rank": rank,
                        "store": store}, {"init_method": str, "timeout": datetime.timedelta, "world_size": int,
                                          "rank": int, "store": store_type})
    if backend != "hccl":
        raise ValueError("Only support hccl now, please setting backend to hccl or using default value")
    if init_method is not None and store is not None:
        raise ValueError("Only one of init_method and store is supported.")
    if init_method is None and store is None:
        _m.init(_h.DEVICE_TO_BACKEND.get(_context.get_context("device_target"), "mccl"))
    else:
        if world_size <= 0:
            raise ValueError("Specified world_size must be a positive integer.")
        if rank < 0:
            raise ValueError("Specified rank must be a non-negative integer.")
        _m.init_with(rank, world_size, timeout or datetime.timedelta(seconds=300), init_method=init_method,
                     store=None if store is None else store.instance)
    if group_name:
        _m.alias_world(group_name)
    size = _m.get_group_size(group_name or _h.GlobalComm.WORLD_COMM_GROUP)
    if world_size not in (-1, size):
        raise ValueError("world_size is wrong, please using default value or setting: ", size)


def _release_signatures(fn, name, before):
    """``fn``'s signature per release: 2.10 adds the keyword ``name`` before the parameter ``before``, which
    2.7.1 lacks (``fn`` takes it as a keyword-only argument, so 2.7.1's positional calls are unchanged)."""
    sig = inspect.signature(fn)
    old = [p for p in sig.parameters.values() if p.name != name]
    i = [p.name for p in old].index(before)
    new = old[:i] + [sig.parameters[name].replace(kind=inspect.Parameter.POSITIONAL_OR_KEYWORD)] + old[i:]
    _release.signature_per_release(fn, sig.replace(parameters=old), sig.replace(parameters=new))


_release_signatures(init_process_group, "group_name", "pg_options")


def destroy_process_group(group=None):
    """Leave the job (``group`` None or the world group), or destroy the group ``group``."""
    if group is None or group == _h.GlobalComm.WORLD_COMM_GROUP:
        _m.release()
    elif not isinstance(group, str):
        raise TypeError(f"For 'destroy_group', the argument 'group' must be type of string or None, but got 'group' "
                        f"type : {type(group)}.")
    else:
        _m.destroy_group(group)


def _query(api, fn, group):
    group = _h.GlobalComm.WORLD_COMM_GROUP if group is None else group
    if not isinstance(group, str):
        raise TypeError(f"For '{api}', the argument 'group' must be type of string, but got 'group' type : "
                        f"{type(group)}.")
    try:
        return fn(group)
    except (RuntimeError, ValueError):   # not joined, or a group this process does not know: the reference answers -1
        return -1


def get_rank(group=None):
    """This process's rank in ``group`` (the world when None); -1 for a group this process is not in."""
    return _query("get_rank", _m.get_rank, group)


def get_world_size(group=None):
    """The number of processes in ``group`` (the world when None)."""
    return _query("get_world_size", _m.get_group_size, group)


def new_group(ranks=None, timeout=None, backend=None, pg_options=None, use_local_synchronization=False,
              group_desc=None):
    """Create the group of world ranks ``ranks`` (every member calls it) and return its name (the world group's
    name when ``ranks`` is None)."""
    if ranks is None:
        return _h.GlobalComm.WORLD_COMM_GROUP
    if not isinstance(ranks, list):
        raise TypeError(f"ranks must be list, but got {type(ranks)}")
    ranks = sorted(ranks)
    backend = "hccl" if backend is None else backend
    if not isinstance(backend, str) or backend not in ("hccl", "mccl"):
        raise TypeError(f"the input backend must be hccl or mccl, but got {backend}")
    name = f"{backend}_{len(ranks)}_{hashlib.sha1('_'.join(map(str, ranks)).encode()).hexdigest()}"
    _m.create_group(name, ranks, pg_options)
    return name


def get_backend(group=None):
    """The communication library's name of ``group``."""
    if group is None:
        return BACKEND_HCCL
    if not isinstance(group, str):
        raise TypeError(f"For 'get_backend', the argument 'group' must be type of string or None, but got 'group' "
                        f"type : {type(group)}.")
    for name in (BACKEND_HCCL, BACKEND_MCCL):
        if name in group:
            return name
    return _h.GlobalComm.BACKEND


def get_global_rank(group, group_rank):
    """The world rank of rank ``group_rank`` of ``group``."""
    if not isinstance(group_rank, int):
        raise TypeError(f"The group_rank argument must be integer, but got {type(group_rank)}.")
    if group is None or group is _h.GlobalComm.WORLD_COMM_GROUP:
        return group_rank
    if not isinstance(group, str):
        raise TypeError(f"For 'get_global_rank', the argument 'group' must be type of string or None, but got "
                        f"'group' type : {type(group)}.")
    return _m.get_world_rank_from_group_rank(group, group_rank)


def get_group_rank(group, global_rank):
    """The rank in ``group`` of world rank ``global_rank``."""
    if not isinstance(global_rank, int):
        raise TypeError(f"The global_rank argument must be integer, but got {type(global_rank)}.")
    group = _h.GlobalComm.WORLD_COMM_GROUP if group is None else group
    if not isinstance(group, str):
        raise TypeError(f"For 'get_group_rank_from_world_rank', the argument 'group' must be type of string, but got "
                        f"'group' type : {type(group)}.")
    return _m.get_group_rank_from_world_rank(global_rank, group)


def get_process_group_ranks(group=None):
    """The world ranks of the processes of ``group``, in group-rank order."""
    group = _h.GlobalComm.WORLD_COMM_GROUP if group is None else group
    if not isinstance(group, str):
        raise TypeError(f"For 'get_process_group_ranks', the argument 'group' must be type of string or None, but "
                        f"got 'group' type : {type(group)}.")
    return _m.get_process_group_ranks(group)


# ----- collectives ----------------------------------------------------------------------------------------------
def all_reduce(tensor, op="sum", group=None, async_op=False):
    """Reduce ``tensor`` over ``group`` with ``op`` ('sum', 'prod', 'min', 'max') into ``tensor``."""
    _tensor(tensor, "For all_reduce, the input tensor must be tensor")
    _op("all_reduce", op)
    group = _group_async(group, async_op)
    if not _inplace("all_reduce"):
        return _cc.all_reduce(tensor, op, group, async_op)
    buf, back = _buf(tensor)
    work = dist.all_reduce(buf, op=_c._RED[op], group=_pg("all_reduce", group), async_op=async_op)
    return _finish([work], [back], async_op)


def all_gather_into_tensor(output_tensor, input_tensor, group=None, async_op=False):
    """Concatenate ``input_tensor`` of every rank of ``group`` along the first dimension into ``output_tensor``."""
    _tensor(input_tensor, "For all_gather_into_tensor, the input tensor must be tensor")
    inplace = _inplace("all_gather_into_tensor")
    if inplace:
        _tensor(output_tensor, "For all_gather_into_tensor, the output tensor must be tensor")
    group = _group_async(group, async_op)
    if not inplace:
        return _cc.all_gather_into_tensor(input_tensor, group, async_op)
    pg, n, _ = _size_rank("all_gather_into_tensor", group)
    _numel_check("all_gather_into_tensor", output_tensor, input_tensor._t.numel() * n)
    return _put(output_tensor, _c._all_gather(input_tensor._t.reshape((-1,) + tuple(input_tensor.shape[1:])), pg),
                async_op)


def all_gather_into_tensor_uneven(output, input, output_split_sizes=None, group=None, async_op=False):
    """Concatenate along the first dimension ``input`` of every rank, whose first dimension on rank ``i`` is
    ``output_split_sizes[i]`` (all equal when None), into ``output``."""
    _only_inplace("all_gather_into_tensor_uneven")
    group = _group_async(group, async_op)
    pg, n, _ = _size_rank("all_gather_into_tensor_uneven", group)
    sizes = _cc._split_sizes(output_split_sizes, output.shape[0] if output.shape else 0, n, "output")
    _numel_check("all_gather_into_tensor_uneven", output, sum(sizes) * _inner(output))
    return _put(output, _c._all_gather_v(input._t.detach(), [s * _inner(output) for s in sizes], pg), async_op)


def reduce_scatter_tensor(output, input, op="sum", group=None, async_op=False):
    """Reduce ``input`` over ``group`` with ``op``; rank ``i`` gets the ``i``-th equal slice of the first dimension
    in ``output``."""
    _tensor(input, "For reduce_scatter_tensor, the input tensor must be tensor")
    inplace = _inplace("reduce_scatter_tensor")
    if inplace:
        _tensor(output, "For reduce_scatter_tensor, the output tensor must be tensor")
    _op("reduce_scatter_tensor", op)
    group = _group_async(group, async_op)
    if not inplace:
        return _cc.reduce_scatter_tensor(input, op, group, async_op)
    pg = _pg("reduce_scatter_tensor", group)
    return _put(output, _c._reduce_scatter(input._t, _c._RED[op], pg, "reduce_scatter_tensor"), async_op)


def reduce_scatter_tensor_uneven(output, input, input_split_sizes=None, op="sum", group=None, async_op=False):
    """Reduce ``input`` over ``group`` with ``op``; rank ``i`` gets the ``i``-th slice of the first dimension, of
    ``input_split_sizes[i]`` rows (equal slices when None), in ``output``."""
    _only_inplace("reduce_scatter_tensor_uneven")
    _op("reduce_scatter_tensor_uneven", op, ("sum", "min", "max"))
    group = _group_async(group, async_op)
    pg, n, _ = _size_rank("reduce_scatter_tensor_uneven", group)
    sizes = _cc._split_sizes(input_split_sizes, input.shape[0] if input.shape else 0, n, "input")
    return _put(output, _c._reduce_scatter_v(input._t, [s * _inner(input) for s in sizes], _c._RED[op], pg),
                async_op)


def reduce(tensor, dst, op="sum", group=None, async_op=False):
    """Reduce ``tensor`` over ``group`` with ``op`` into ``tensor`` of world rank ``dst``."""
    _only_inplace("reduce")
    _tensor(tensor, "For reduce, the input tensor must be tensor")
    _int("reduce", "dst", dst)
    _op("reduce", op)
    group = _group_async(group, async_op)
    pg = _pg("reduce", group)
    if dist.get_rank() == dst:
        buf, back = _buf(tensor)
    else:   # torch's reduce leaves partial results in the other ranks' buffers; their tensors stay as they were
        buf, back = tensor._t.detach().clone(memory_format=torch.contiguous_format), None
    work = dist.reduce(buf, dst=dst, op=_c._RED[op], group=pg, async_op=async_op)
    return _finish([work], [back], async_op)


def broadcast(tensor, src, group=None, async_op=False):
    """Give every rank of ``group`` the ``tensor`` of world rank ``src`` (written into ``tensor``)."""
    _only_inplace("broadcast")
    _tensor(tensor, "For broadcast, the input tensor must be tensor")
    _int("broadcast", "src", src)
    group = _group_async(group, async_op)
    _group_rank(src, group)
    buf, back = _buf(tensor)
    work = dist.broadcast(buf, src=src, group=_pg("broadcast", group), async_op=async_op)
    return _finish([work], [back], async_op)


def barrier(group=None, async_op=False, device_ids=None):
    """Wait until every rank of ``group`` has called ``barrier``."""
    group = _group_async(group, async_op)
    return _finish([dist.barrier(group=_pg("barrier", group), async_op=async_op)], (), async_op)


def all_gather(tensor_list, tensor, group=None, async_op=False):
    """Put ``tensor`` of group rank ``i`` into ``tensor_list[i]`` on every rank of ``group``."""
    _only_inplace("all_gather")
    _check_all_tensors(tensor_list)
    _same(tensor_list, "dtype", "all_to_all input")
    _tensor(tensor, "For all_gather_into_tensor, the input tensor must be tensor")
    group = _group_async(group, async_op)
    pg, n, r = _size_rank("all_gather", group)
    _check_len(tensor_list, n)
    _check_out("all_gather", tensor, tensor_list[r])
    bufs = [_buf(t) for t in tensor_list]
    work = dist.all_gather([b for b, _ in bufs], tensor._t.detach().contiguous(), group=pg, async_op=async_op)
    return _finish([work], [c for _, c in bufs], async_op)


def reduce_scatter(output, input_list, op="sum", group=None, async_op=False):
    """Reduce ``input_list[i]`` over ``group`` with ``op`` into ``output`` of group rank ``i``."""
    _only_inplace("reduce_scatter")
    _check_all_tensors(input_list)
    _same(input_list, "dtype", "all_to_all input")
    _tensor(output, "For reduce_scatter, the output tensor must be tensor")
    group = _group_async(group, async_op)
    _op("reduce_scatter", op)
    pg, n, r = _size_rank("reduce_scatter", group)
    _check_len(input_list, n)
    _check_out("reduce_scatter", output, input_list[r])
    stacked = torch.stack([t._t.detach() for t in input_list])
    return _put(output, _c._reduce_scatter(stacked, _c._RED[op], pg, "reduce_scatter"), async_op)


def _rooted(api, tensor, tensor_list, root, group, async_op):
    """The checks of gather/scatter: (pg, group size, group rank of ``root``, this rank's group rank)."""
    _check_all_tensors(tensor_list)
    _same(tensor_list, "dtype", "tensor_lists")
    _same(tensor_list, "shape", "tensor_lists")
    # (the reference's scatter words its messages as scatter_tensor's)
    _tensor(tensor, "For gather, the input tensor must be tensor" if api == "gather" else
            "For scatter_tensor, the output tensor must be tensor")
    _int(api if api == "gather" else "scatter_tensor", "dst" if api == "gather" else "src", root)
    group = _group_async(group, async_op)
    pg, n, r = _size_rank(api, group)
    root_g = _group_rank(root, group)
    if root_g == r:
        _check_list_like(tensor_list, tensor, n)
    return pg, root_g, r


def gather(tensor, gather_list, dst=0, group=None, async_op=False):
    """Put ``tensor`` of group rank ``i`` into ``gather_list[i]`` of world rank ``dst``."""
    _only_inplace("gather")
    pg, dst_g, r = _rooted("gather", tensor, gather_list, dst, group, async_op)
    bufs = [_buf(t) for t in gather_list] if r == dst_g else []
    work = dist.gather(tensor._t.detach().contiguous(), [b for b, _ in bufs] if bufs else None, dst=dst, group=pg,
                       async_op=async_op)
    return _finish([work], [c for _, c in bufs], async_op)


def scatter(tensor, scatter_list, src=0, group=None, async_op=False):
    """Put ``scatter_list[i]`` of world rank ``src`` into ``tensor`` of group rank ``i``."""
    _only_inplace("scatter")
    pg, src_g, r = _rooted("scatter", tensor, scatter_list, src, group, async_op)
    buf, back = _buf(tensor)
    parts = [t._t.detach().contiguous() for t in scatter_list] if r == src_g else None
    work = dist.scatter(buf, parts, src=src, group=pg, async_op=async_op)
    return _finish([work], [back], async_op)


def gather_into_tensor(output_tensor, input_tensor, dst=0, group=None, async_op=False):
    """Concatenate ``input_tensor`` of every rank of ``group`` along the first dimension into ``output_tensor`` of
    world rank ``dst``."""
    _only_inplace("gather_into_tensor")
    _tensor(input_tensor, "For gather_into_tensor, the input tensor must be tensor")
    _tensor(output_tensor, "For gather_into_tensor, the output tensor must be tensor")
    _int("gather_into_tensor", "dst", dst)
    group = _group_async(group, async_op)
    _, n, r = _size_rank("gather_into_tensor", group)
    dst_g = _group_rank(dst, group)
    out = _c.CollectiveGather(dst_g, group)(input_tensor)
    if r == dst_g:
        _numel_check("gather_into_tensor", output_tensor, input_tensor._t.numel() * n)
        return _put(output_tensor, out._t, async_op)
    return default_handle if async_op else None


def scatter_tensor(output_tensor, input_tensor, src=0, group=None, async_op=False):
    """Split ``input_tensor`` of world rank ``src`` evenly along the first dimension; group rank ``i`` gets slice
    ``i`` in ``output_tensor``."""
    _only_inplace("scatter_tensor")
    _tensor(input_tensor, "For scatter_tensor, the input tensor must be tensor")
    _tensor(output_tensor, "For scatter_tensor, the output tensor must be tensor")
    _int("scatter_tensor", "src", src)
    group = _group_async(group, async_op)
    src_g = _group_rank(src, group)
    return _put(output_tensor, _c.CollectiveScatter(src_g, group)(input_tensor)._t, async_op)


# ----- all-to-all -----------------------------------------------------------------------------------------------
def _inner(t):
    """The number of elements per row of the first dimension."""
    return _cc._numel(t.shape[1:])


def _all_to_all_v(output, send_flat, send_numels, recv_numels, pg, async_op):
    """Exchange ``send_numels[i]`` elements of ``send_flat`` with rank ``i``; what comes back fills ``output``."""
    _numel_check("all_to_all", output, sum(recv_numels))
    flat, work = _c._all_to_all_v(send_flat, send_numels, recv_numels, pg, async_op)
    return _finish([work], [(output._t.detach(), flat.view(output._t.shape))], async_op)


def all_to_all(output_tensor_list, input_tensor_list, group=None, async_op=False):
    """Send ``input_tensor_list[i]`` to group rank ``i`` and receive ``output_tensor_list[i]`` from it."""
    group = _group_async(group, async_op)
    _check_all_tensors(input_tensor_list)
    _same(input_tensor_list, "dtype", "all_to_all input")
    if not _inplace("all_to_all"):
        return _cc.all_to_all_with_output_shape(output_tensor_list, input_tensor_list, group, async_op)
    _check_all_tensors(output_tensor_list)
    _same(output_tensor_list, "dtype", "all_to_all input")
    send = torch.cat([t._t.detach().reshape(-1) for t in input_tensor_list])
    flat, work = _c._all_to_all_v(send, [t._t.numel() for t in input_tensor_list],
                                  [t._t.numel() for t in output_tensor_list], _pg("all_to_all", group), async_op)
    copies, off = [], 0
    for t in output_tensor_list:
        copies.append((t._t.detach(), flat[off:off + t._t.numel()].view(t._t.shape)))
        off += t._t.numel()
    return _finish([work], copies, async_op)


def all_to_all_single(output, input, output_split_sizes=None, input_split_sizes=None, group=None, async_op=False):
    """Split ``input`` along the first dimension by ``input_split_sizes`` (evenly when None), send piece ``i`` to
    group rank ``i``, and write the pieces received (``output_split_sizes`` rows each) into ``output``."""
    _check_all_tensors([input])
    _check_all_tensors([output])
    group = _group_async(group, async_op)
    if not _inplace("all_to_all_single"):
        return _cc.all_to_all_single_with_output_shape(output, input, output_split_sizes, input_split_sizes, group,
                                                       async_op)
    pg, n, _ = _size_rank("all_to_all_single", group)
    ins = _cc._split_sizes(input_split_sizes, input.shape[0], n, "input")
    outs = _cc._split_sizes(output_split_sizes, output.shape[0], n, "output")
    return _all_to_all_v(output, input._t.detach().reshape(-1).contiguous(), [s * _inner(input) for s in ins],
                         [s * _inner(output) for s in outs], pg, async_op)


def all_to_all_v_c(output, input, send_count_matrix, group=None, async_op=False):
    """All-to-all by a count matrix: ``send_count_matrix[i * n + j]`` elements go from group rank ``i`` to rank
    ``j``; the received elements fill ``output`` (flattened) in rank order. Returns None, or the handle when
    ``async_op``."""
    _check_all_tensors([input])
    _check_all_tensors([output])
    group = _group_async(group, async_op)
    return _cc.all_to_all_v_c(output, input, send_count_matrix, group, async_op)


# ----- point to point -----------------------------------------------------------------------------------------------
def _p2p_checks(api, tensor, peer, what, group):
    _tensor(tensor, f"For {api}, the input tensor must be tensor")
    _int(api, what, peer)
    group = _group(group)
    if what == "dst" and _cc.get_cache_group_rank() == peer:
        raise ValueError("Invalid destination rank: destination rank should not be the same as the rank of the "
                         "current process.")
    _group_rank(peer, group)
    return group


def send(tensor, dst=0, group=None, tag=0):
    """Send ``tensor`` to world rank ``dst`` (another process)."""
    group = _p2p_checks("send", tensor, dst, "dst", group)
    _cc.send(tensor, dst, group, tag)


def isend(tensor, dst=0, group=None, tag=0):
    """Start sending ``tensor`` to world rank ``dst``; returns the handle."""
    group = _p2p_checks("isend", tensor, dst, "dst", group)
    return _cc.isend(tensor, dst, group, tag)


def recv(tensor, src=0, group=None, tag=0):
    """Receive into ``tensor`` what world rank ``src`` sends; returns 0 (the received tensor when not in place)."""
    group = _p2p_checks("recv", tensor, src, "src", group)
    if not _inplace("recv"):
        return _cc.recv(tensor, src, group, tag)
    buf, back = _buf(tensor)
    _finish([dist.irecv(buf, src=src, group=_pg("recv", group), tag=tag)], [back], False)
    return 0


def irecv(tensor, src=0, group=None, tag=0):
    """Start receiving into ``tensor`` what world rank ``src`` sends; returns the handle (``(tensor, handle)`` when
    not in place)."""
    group = _p2p_checks("irecv", tensor, src, "src", group)
    if not _inplace("irecv"):
        return _cc.irecv(tensor, src, group, tag)
    buf, back = _buf(tensor)
    return _finish([dist.irecv(buf, src=src, group=_pg("irecv", group), tag=tag)], [back], True)


class P2POp:
    """One send or receive of ``batch_isend_irecv``: ``op`` is ``"isend"``/``"irecv"`` (or those functions),
    ``peer`` a world rank."""
    _FUNCS = ()

    def __new__(cls, op, tensor, peer, group=None, tag=0):
        if isinstance(op, str):
            if op not in ("isend", "irecv"):
                raise TypeError(f"Expected op to be of type isend or irecv, but got {op}")
        elif op not in cls._FUNCS:
            raise TypeError(f"Expected op to be of type isend or irecv, but got {op}")
        if not isinstance(tensor, Tensor):
            raise TypeError(f"Expected tensor to be Tensor, but got {type(tensor)}.")
        if not isinstance(peer, int):
            raise TypeError("For P2POp, the peer must be int")
        if tag != 0:
            raise NotImplementedError("tag is not support yet.")
        return object.__new__(cls)

    def __init__(self, op, tensor, peer, group=None, tag=0):
        self.op = op
        self.tensor = tensor
        self.peer = peer
        self.group = group
        self.tag = tag


P2POp._FUNCS = (isend, irecv)


def batch_isend_irecv(p2p_op_list):
    """Start the sends and receives of ``p2p_op_list`` together; returns a list holding one handle for them all."""
    _only_inplace("batch_isend_irecv")
    if not p2p_op_list:
        raise TypeError("p2p_op_list can not be empty list.")
    if not all(isinstance(p, P2POp) for p in p2p_op_list):
        raise TypeError("The elements in p2p_op_list must be type of P2POp.")
    group = p2p_op_list[0].group
    if any(p.group != group for p in p2p_op_list):
        raise TypeError("The group name in p2p_op_list must be consistent.")
    group = _group(group)
    pg = _pg("batch_isend_irecv", group)
    ops, copies = [], []
    for p in p2p_op_list:
        _group_rank(p.peer, group)
        name = p.op if isinstance(p.op, str) else p.op.__name__
        buf, back = _buf(p.tensor)
        ops.append(dist.P2POp(dist.isend if name == "isend" else dist.irecv, buf, p.peer, pg))
        copies.append(back)
    return [CommHandle(_Work(dist.batch_isend_irecv(ops), copies))]


# ----- objects --------------------------------------------------------------------------------------------------------
_SAFE_BUILTINS = {"range", "complex", "set", "frozenset", "slice"}


class RestrictedUnpickler(pickle.Unpickler):
    """Unpickles plain data only: of the globals a pickle may name, only a few builtin types are allowed."""

    def find_class(self, module, name):
        if module == "builtins" and name in _SAFE_BUILTINS:
            return getattr(builtins, name)
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


def restricted_loads(s):
    return RestrictedUnpickler(io.BytesIO(s)).load()


def _to_bytes(obj, size=0):
    """``obj`` pickled into an int8 Tensor (zero-padded to ``size``), and the pickle's length."""
    data = pickle.dumps(obj)
    t = torch.zeros(max(size, len(data)), dtype=torch.int8)
    t[:len(data)] = torch.frombuffer(bytearray(data), dtype=torch.int8)
    return Tensor._make(t), len(data)


def _from_bytes(tensor, size):
    return restricted_loads(tensor._t.cpu().numpy().tobytes()[:int(size)])


def _object_group(api, group):
    group = _h.GlobalComm.WORLD_COMM_GROUP if group is None else group
    if not isinstance(group, str):
        raise TypeError(f"For '{api}', the argument 'group' must be type of string, but got 'group' type : "
                        f"{type(group)}.")
    return group


def _gathered_objects(obj, group, collect):
    """Every rank's pickled ``obj`` and its length, exchanged by ``collect(tensor_list, tensor)``."""
    n = _cc.get_cache_group_size(group)
    sizes = [Tensor._make(torch.zeros(1, dtype=torch.int32)) for _ in range(n)]
    all_gather(sizes, Tensor._make(torch.tensor([_to_bytes(obj)[1]], dtype=torch.int32)), group=group)
    mine, _ = _to_bytes(obj, max(int(s._t.item()) for s in sizes))
    bufs = [Tensor._make(torch.zeros_like(mine._t)) for _ in range(n)]
    collect(bufs, mine)
    return bufs, sizes


def all_gather_object(object_list, obj, group=None):
    """Put ``obj`` of group rank ``i`` into ``object_list[i]`` on every rank."""
    _only_inplace("all_gather_object")
    group = _object_group("all_gather_object", group)
    n = _cc.get_cache_group_size(group)
    if not isinstance(object_list, list) or len(object_list) != n:
        raise TypeError(f"The len of argument object_list must be equal to group rank size, but got "
                        f"{len(object_list)}.")
    bufs, sizes = _gathered_objects(obj, group, lambda out, t: all_gather(out, t, group=group))
    for i, (b, s) in enumerate(zip(bufs, sizes)):
        object_list[i] = _from_bytes(b, s._t.item())


def gather_object(obj, object_gather_list=None, dst=0, group=None):
    """Put ``obj`` of group rank ``i`` into ``object_gather_list[i]`` of world rank ``dst``."""
    _only_inplace("gather_object")
    group = _object_group("gather_object", group)
    _int("gather_object", "dst", dst)
    n = _cc.get_cache_group_size(group)
    me = _cc.get_cache_group_rank()
    if me == dst and (not isinstance(object_gather_list, list) or len(object_gather_list) != n):
        raise TypeError(f"The len of object_gather_list must be equal to group rank size, but got "
                        f"{len(object_gather_list)}.")
    bufs, sizes = _gathered_objects(obj, group, lambda out, t: gather(t, out, dst, group))
    if me == dst:
        for i, (b, s) in enumerate(zip(bufs, sizes)):
            object_gather_list[i] = _from_bytes(b, s._t.item())


def broadcast_object_list(object_list, src=0, group=None, device=None):
    """Give every rank the objects of ``object_list`` of world rank ``src`` (written into ``object_list``)."""
    _only_inplace("broadcast_object_list")
    group = _object_group("broadcast_object_list", group)
    _int("broadcast_object_list", "src", src)
    if not isinstance(object_list, list) or not object_list:
        raise TypeError("The object_list can not be empty.")
    me = _cc.get_cache_group_rank()
    sizes = torch.zeros(len(object_list), dtype=torch.int32)
    if me == src:
        packed = [_to_bytes(o) for o in object_list]
        sizes = torch.tensor([s for _, s in packed], dtype=torch.int32)
    sizes = Tensor._make(sizes)
    broadcast(sizes, src, group)
    lens = sizes._t.tolist()
    data = Tensor._make(torch.cat([t._t for t, _ in packed]) if me == src else torch.zeros(sum(lens),
                                                                                           dtype=torch.int8))
    broadcast(data, src, group)
    if me != src:
        off = 0
        for i, n in enumerate(lens):
            object_list[i] = _from_bytes(Tensor._make(data._t[off:off + n]), n)
            off += n


def scatter_object_list(scatter_object_output_list, scatter_object_input_list, src=0, group=None):
    """Put ``scatter_object_input_list[i]`` of world rank ``src`` into ``scatter_object_output_list[0]`` of group
    rank ``i``."""
    _only_inplace("scatter_object_list")
    group = _object_group("scatter_object_list", group)
    if not isinstance(scatter_object_output_list, list) or not scatter_object_output_list:
        raise TypeError("The scatter_object_output_list can not be empty.")
    _int("scatter_object_list", "src", src)
    n = _cc.get_cache_group_size(group)
    me = _cc.get_cache_group_rank()
    sizes = torch.zeros(n, dtype=torch.int32)
    if me == src:
        if not isinstance(scatter_object_input_list, list) or len(scatter_object_input_list) != n:
            raise TypeError("The len of scatter_object_input_list must be equal to group rank size, but got "
                            "{len(scatter_object_input_list)}.")
        sizes = torch.tensor([_to_bytes(o)[1] for o in scatter_object_input_list], dtype=torch.int32)
    sizes = Tensor._make(sizes)
    broadcast(sizes, src, group)
    width = int(sizes._t.max())
    parts = [_to_bytes(o, width)[0] for o in scatter_object_input_list] if me == src else \
        [Tensor._make(torch.zeros(width, dtype=torch.int8)) for _ in range(n)]
    out = Tensor._make(torch.zeros(width, dtype=torch.int8))
    scatter(out, parts, src, group)
    scatter_object_output_list[0] = _from_bytes(out, sizes._t[_group_rank(me, group)].item())


for _name in __all__:   # their public home, as in the reference
    globals()[_name].__module__ = "lightspore.ops.function.comm_func"

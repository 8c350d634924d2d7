"""``mindspore.communication.comm_func``: functional collectives on ``torch.distributed``.

As in the reference, ``all_reduce``, ``all_gather_into_tensor``, ``reduce_scatter_tensor``, ``irecv`` and the
all-to-all functions return ``(tensor, handle)``: ``handle`` is None unless ``async_op=True``, when it is a
``CommHandle`` whose ``wait()`` waits for torch's work object. Ranks given as ``src``/``dst``/``peer`` are world
ranks (the reference's convention); group ranks are derived from them.
"""
from __future__ import annotations

import torch
import torch.distributed as dist

from ..common import dtype as mstype
from ..common._device import current_device
from ..common.tensor import Tensor
from ..ops import _comm as _c
from ..ops.composite import ReduceOp  # noqa: F401  (the reference's comm_func exposes it)
from ._comm_helper import GlobalComm, _ExistingGroup, torch_group
from .management import _get_group, get_group_rank_from_world_rank

__all__ = ["all_reduce", "all_gather_into_tensor", "all_to_all_with_output_shape",
           "all_to_all_single_with_output_shape", "barrier", "broadcast", "gather_into_tensor", "isend", "irecv",
           "reduce_scatter_tensor", "reduce", "scatter_tensor", "send", "recv", "P2POp", "batch_isend_irecv",
           "all_to_all_v_c"]


_PENDING = []   # torch works of handles nobody has waited for: kept alive until done (gloo cancels a dropped send)


def _completed(work):
    return getattr(work, "is_completed", lambda: False)()


class CommHandle:
    """The handle of an asynchronous collective: ``wait()`` blocks until it is done."""

    def __init__(self, handle=None, exec_sync=False):
        self.handle = handle
        self.exec_sync = exec_sync
        if handle is not None:
            _PENDING[:] = [w for w in _PENDING if not _completed(w)]
            _PENDING.append(handle)

    def wait(self):
        if self.handle is not None:
            self.handle.wait()


default_handle = CommHandle()


def get_cache_group_size(group=GlobalComm.WORLD_COMM_GROUP):
    """The size of ``group`` (cached by the reference; torch answers directly)."""
    return dist.get_world_size(_pg("get_cache_group_size", group))


def get_cache_group_rank(group=GlobalComm.WORLD_COMM_GROUP):
    """This process's rank in ``group``."""
    return dist.get_rank(_pg("get_cache_group_rank", group))


def _check_tensor(api, tensor):
    if not isinstance(tensor, Tensor):
        raise TypeError(f"For {api}, the input tensor must be tensor")
    return tensor._t


def _pg(api, group):
    if group is None:
        group = GlobalComm.WORLD_COMM_GROUP
    if not isinstance(group, str):
        raise TypeError(f"For {api}, the argument 'group' must be type of string, but got 'group' type : "
                        f"{type(group)}.")
    return torch_group(_get_group(group), api)


def _group_rank(world_rank, group):
    group = _get_group(GlobalComm.WORLD_COMM_GROUP if group is None else group)
    if group in _ExistingGroup.GROUP_RANKS:
        return get_group_rank_from_world_rank(world_rank, group)
    return world_rank


def _done(out, work, async_op):
    if async_op:
        return Tensor._make(out), CommHandle(work)
    return Tensor._make(out), None


def all_reduce(tensor, op="sum", group=GlobalComm.WORLD_COMM_GROUP, async_op=False):
    """Reduce ``tensor`` over ``group`` with ``op``; returns ``(result, handle)``."""
    t = _check_tensor("all_reduce", tensor)
    if not isinstance(op, str):
        raise TypeError("For all_reduce, the input op type must be str")
    if op not in ("sum", "prod", "min", "max"):
        raise TypeError("For all_reduce, the input op value must be one of sum, prod, min, max")
    pg = _pg("all_reduce", group)
    if not async_op:
        return Tensor._make(_c._AllReduceFn.apply(t, op, pg)), None
    out = t.detach().clone().contiguous()
    return _done(out, dist.all_reduce(out, op=_c._RED[op], group=pg, async_op=True), True)


def all_gather_into_tensor(tensor, group=GlobalComm.WORLD_COMM_GROUP, async_op=False):
    """Concatenate ``tensor`` of every rank of ``group`` along the first dimension; returns ``(result, handle)``."""
    t = _check_tensor("all_gather_into_tensor", tensor)
    pg = _pg("all_gather_into_tensor", group)
    return Tensor._make(_c._AllGatherFn.apply(t, pg)), (CommHandle() if async_op else None)


def reduce_scatter_tensor(tensor, op="sum", group=GlobalComm.WORLD_COMM_GROUP, async_op=False):
    """Reduce ``tensor`` over ``group``, rank ``i`` keeping the ``i``-th slice of the first dimension."""
    t = _check_tensor("reduce_scatter_tensor", tensor)
    if not isinstance(op, str) or op not in _c._RED:
        raise TypeError("For reduce_scatter_tensor, the input op value must be one of sum, prod, min, max")
    pg = _pg("reduce_scatter_tensor", group)
    return Tensor._make(_c._ReduceScatterFn.apply(t, op, pg)), (CommHandle() if async_op else None)


def reduce(tensor, dst, op="sum", group=GlobalComm.WORLD_COMM_GROUP):
    """Reduce ``tensor`` onto world rank ``dst``; the other ranks get a tensor of shape (1,)."""
    t = _check_tensor("reduce", tensor)
    if not isinstance(op, str) or op not in _c._RED:
        raise TypeError("For reduce, the input op value must be one of sum, prod, min, max")
    pg = _pg("reduce", group)
    return Tensor._make(_c._ReduceFn.apply(t, _group_rank(dst, group), op, pg))


def broadcast(tensor, src=0, group=GlobalComm.WORLD_COMM_GROUP):
    """Every rank of ``group`` gets ``tensor`` of world rank ``src``."""
    t = _check_tensor("broadcast", tensor)
    if not isinstance(src, int):
        raise TypeError("For broadcast, the src must be int")
    pg = _pg("broadcast", group)
    return Tensor._make(_c._broadcast(t, _group_rank(src, group), pg))


def barrier(group=GlobalComm.WORLD_COMM_GROUP):
    """Block until every rank of ``group`` has called ``barrier``."""
    if not isinstance(group, str):
        raise TypeError(f"group must be type of string, but got {type(group)}")
    dist.barrier(group=_pg("barrier", group))


def gather_into_tensor(tensor, dst=0, group=GlobalComm.WORLD_COMM_GROUP):
    """Concatenate ``tensor`` of every rank along the first dimension on world rank ``dst``; the others get a
    tensor of shape (1,)."""
    _check_tensor("gather_into_tensor", tensor)
    if not isinstance(dst, int):
        raise TypeError("For gather_into_tensor, the dst must be int")
    _pg("gather_into_tensor", group)
    return _c.CollectiveGather(_group_rank(dst, group), group)(tensor)


def scatter_tensor(tensor, src=0, group=GlobalComm.WORLD_COMM_GROUP):
    """Split ``tensor`` of world rank ``src`` evenly along the first dimension over the ranks of ``group``."""
    _check_tensor("scatter_tensor", tensor)
    if not isinstance(src, int):
        raise TypeError("For scatter_tensor, the src must be int")
    _pg("scatter_tensor", group)
    return _c.CollectiveScatter(_group_rank(src, group), group)(tensor)


def _peer(api, rank, arg, group):
    if not isinstance(rank, int) or isinstance(rank, bool):
        raise TypeError(f"For {api}, the {arg} must be int")
    pg = _pg(api, group)
    if pg is not None and rank not in _ExistingGroup.GROUP_RANKS[_get_group(group)]:
        raise ValueError(f"For {api}, world rank {rank} is not in group {group!r}.")
    return pg


def send(tensor, dst=0, group=GlobalComm.WORLD_COMM_GROUP, tag=0):
    """Send ``tensor`` to world rank ``dst``."""
    t = _check_tensor("send", tensor)
    pg = _peer("send", dst, "dst", group)
    dist.send(t.detach().contiguous(), dst=dst, group=pg, tag=tag)


def recv(tensor, src=0, group=GlobalComm.WORLD_COMM_GROUP, tag=0):
    """Receive from world rank ``src`` a tensor with ``tensor``'s shape and dtype."""
    t = _check_tensor("recv", tensor)
    pg = _peer("recv", src, "src", group)
    out = torch.empty_like(t)
    dist.recv(out, src=src, group=pg, tag=tag)
    return Tensor._make(out)


def isend(tensor, dst=0, group=GlobalComm.WORLD_COMM_GROUP, tag=0):
    """Start sending ``tensor`` to world rank ``dst``; returns a ``CommHandle``."""
    t = _check_tensor("isend", tensor)
    pg = _peer("isend", dst, "dst", group)
    return CommHandle(dist.isend(t.detach().contiguous(), dst=dst, group=pg, tag=tag))


def irecv(tensor, src=0, group=GlobalComm.WORLD_COMM_GROUP, tag=0):
    """Start receiving from world rank ``src``; returns ``(tensor, handle)`` (the tensor is valid after
    ``handle.wait()``)."""
    t = _check_tensor("irecv", tensor)
    pg = _peer("irecv", src, "src", group)
    out = torch.empty_like(t)
    return Tensor._make(out), CommHandle(dist.irecv(out, src=src, group=pg, tag=tag))


class P2POp:
    """One ``isend`` or ``irecv`` of a ``batch_isend_irecv`` call."""

    def __new__(cls, op, tensor, peer, group=None, tag=0, recv_dtype=None):
        if not (isinstance(op, str) or callable(op)):
            raise TypeError(f"op must be type of string or function, but got type of {type(op)}")
        op_name = op if isinstance(op, str) else op.__name__
        if op_name not in ("isend", "irecv"):
            raise ValueError(f"Expected ``op`` to be of type ``isend`` or `irecv``, but got {op_name}")
        if not isinstance(tensor, (Tensor, tuple)):
            raise TypeError(f"Expected ``tensor`` to be type of tuple or Tensor, but got {type(tensor)}.")
        if tag != 0:
            raise NotImplementedError("``tag`` not support yet.")
        return object.__new__(cls)

    def __init__(self, op, tensor, peer, group=None, tag=0, *, recv_dtype=None):
        self.op = op
        self.tensor = tensor
        if not isinstance(peer, int):
            raise TypeError(f"peer must be type of int, but got type of {type(peer)}")
        if recv_dtype and not isinstance(recv_dtype, mstype.Type):
            raise TypeError(f"recv_dtype must be type of mindspore dtype, but got type of {type(recv_dtype)}")
        self.peer = peer
        self.group = group
        self.tag = tag
        self.recv_dtype = recv_dtype


def batch_isend_irecv(p2p_op_list):
    """Run the sends and receives of ``p2p_op_list`` together; returns one tensor per op (the received tensor
    for an ``irecv``, a 0-d placeholder for an ``isend``)."""
    if not isinstance(p2p_op_list, list):
        raise TypeError(f"p2p_op_list must be type of list, but got type of {p2p_op_list}.")
    if not p2p_op_list:
        raise TypeError("p2p_op_list can not be empty list.")
    pg = _pg("batch_isend_irecv", p2p_op_list[0].group)
    ops, outs = [], []
    for i, p in enumerate(p2p_op_list):
        if not isinstance(p, P2POp):
            raise TypeError("must be type of P2POp")
        name = p.op if isinstance(p.op, str) else p.op.__name__
        if name == "isend":
            t = p.tensor._t.detach().contiguous()
            ops.append(dist.P2POp(dist.isend, t, p.peer, pg))
            outs.append(torch.zeros((), dtype=t.dtype, device=t.device))
        else:
            if isinstance(p.tensor, Tensor):
                out = torch.empty_like(p.tensor._t)
            else:
                if p.recv_dtype is None:
                    raise ValueError(f"'recv_dtype' of {i}th P2POp in p2p_op_list is None but op_types is'irecv' and "
                                     f"P2POp.tensor is a tuple type.")
                out = torch.empty(p.tensor, dtype=mstype.to_torch(p.recv_dtype), device=current_device())
            ops.append(dist.P2POp(dist.irecv, out, p.peer, pg))
            outs.append(out)
    for w in dist.batch_isend_irecv(ops):
        w.wait()
    return tuple(Tensor._make(o) for o in outs)


def all_to_all_with_output_shape(output_shape_list, input_tensor_list, group=None, async_op=False):
    """Send ``input_tensor_list[i]`` to rank ``i`` and receive from rank ``i`` a tensor shaped like
    ``output_shape_list[i]``; returns ``(tuple of received tensors, handle)``."""
    for lst, what in ((input_tensor_list, (Tensor,)), (output_shape_list, (Tensor, tuple, list))):
        if not isinstance(lst, (list, tuple)):
            raise TypeError(f"Expected list or tuple, but got {type(lst)}.")
        for t in lst:
            if not isinstance(t, what):
                raise TypeError(f"Expected tensor{' or tuple' if len(what) > 1 else ''}, but got {type(t)}")
    dtypes = {t.dtype for t in input_tensor_list}
    if len(dtypes) > 1:
        raise TypeError(f"all_to_all input dtype must be the same, but got {sorted(map(str, dtypes))}.")
    pg = _pg("all_to_all_with_output_shape", group)
    shapes = [tuple(s.shape) if isinstance(s, Tensor) else tuple(s) for s in output_shape_list]
    send = torch.cat([t._t.reshape(-1) for t in input_tensor_list]) if input_tensor_list else torch.empty(0)
    dtype = input_tensor_list[0]._t.dtype if input_tensor_list else torch.float32
    numel = [int(torch.Size(s).numel()) for s in shapes]
    out, work = _c._all_to_all_v(send.to(dtype), [t._t.numel() for t in input_tensor_list], numel, pg, async_op)
    if work is not None and not async_op:
        work.wait()
    res, off = [], 0
    for n, s in zip(numel, shapes):
        res.append(Tensor._make(out[off:off + n].reshape(s)))
        off += n
    return tuple(res), (CommHandle(work) if async_op else None)


def all_to_all_single_with_output_shape(output_shape, tensor, output_split_sizes=None, input_split_sizes=None,
                                        group=None, async_op=False):
    """Split ``tensor`` along the first dimension by ``input_split_sizes`` (evenly when None), exchange the pieces
    with every rank and concatenate the received ones into ``output_shape``; returns ``(tensor, handle)``."""
    t = _check_tensor("all_to_all_single_with_output_shape", tensor)
    pg = _pg("all_to_all_single_with_output_shape", group)
    n = dist.get_world_size(pg)
    oshape = tuple(output_shape.shape) if isinstance(output_shape, Tensor) else tuple(output_shape)
    ins = _split_sizes(input_split_sizes, t.shape[0], n, "input")
    outs = _split_sizes(output_split_sizes, oshape[0], n, "output")
    inner_out = _numel(oshape[1:])
    flat, work = _c._all_to_all_v(t, [k * _numel(t.shape[1:]) for k in ins], [k * inner_out for k in outs], pg,
                                  async_op)
    return Tensor._make(flat.view(oshape)), (CommHandle(work) if async_op else None)


def _numel(shape):
    return int(torch.Size(shape).numel())


def _split_sizes(sizes, rows, n, what):
    """The rows sent to (received from) each of the ``n`` ranks: ``sizes``, or equal shares of ``rows``."""
    if sizes is None or not sizes:
        if rows % n:
            raise ValueError(f"{what} shape at dim 0 must be divided by world_size, but got {rows} and {n}.")
        return [rows // n] * n
    return list(sizes)


def all_to_all_v_c(output, input, send_count_matrix, group=None, async_op=False):
    """All-to-all with counts: ``send_count_matrix[i * n + j]`` elements go from rank ``i`` to rank ``j``;
    the received elements are written into ``output`` (flattened) in rank order. Returns the handle."""
    if not isinstance(input, Tensor) or not isinstance(output, Tensor):
        raise TypeError(f"Expected tensor, but got {type(input if not isinstance(input, Tensor) else output)}")
    if not isinstance(async_op, bool):
        raise TypeError(f"The argument 'async_op' must be a bool, but got {type(async_op)}.")
    if not isinstance(send_count_matrix, list):
        raise TypeError(f"send_count_matrix must be list, but got {type(send_count_matrix)}")
    if not all(isinstance(x, int) for x in send_count_matrix):
        raise TypeError("send_count_matrix elements must be of type int")
    pg = _pg("all_to_all_v_c", group)
    n = dist.get_world_size(pg)
    if n * n != len(send_count_matrix):
        raise TypeError(f"send_count_matrix must be square matrix, but got {len(send_count_matrix)}.")
    r = dist.get_rank(pg)
    send_counts = send_count_matrix[r * n:(r + 1) * n]
    recv_counts = [send_count_matrix[i * n + r] for i in range(n)]
    flat, work = _c._all_to_all_v(input._t, send_counts, recv_counts, pg, async_op)
    if async_op:
        class _Copy:
            def wait(self_inner):
                work.wait()
                output._t.view(-1)[:flat.numel()].copy_(flat.to(output._t.dtype))
        return CommHandle(_Copy())
    output._t.view(-1)[:flat.numel()].copy_(flat.to(output._t.dtype))
    return None

"""Collective-communication primitives on ``torch.distributed``: ``AllReduce`` (sum/max/min/prod),
``AllGather``, ``ReduceScatter``, ``Broadcast``, ``AlltoAll``, ``Reduce``, ``CollectiveGather``,
``CollectiveScatter``, ``Barrier``, ``Send``/``Receive``, ``NeighborExchange``, and the variable-size ones:
``AllGatherV``, ``ReduceScatterV``, ``AlltoAllV``, ``AlltoAllVC``, ``BatchISendIRecv``, ``NeighborExchangeV2``.

Attributes in ``__init__`` (``group`` is a MindSpore group name, see ``communication``), inputs in
``__call__``. Each collective that the reference differentiates is a ``torch.autograd.Function`` with the
reference's backward (AllReduce -> AllReduce of the gradient, AllGather <-> ReduceScatter, AlltoAll ->
the reverse AlltoAll, Reduce -> Broadcast), so they work inside ``grad``/``value_and_grad``. Called before
``communication.init()`` they raise RuntimeError, as the reference's do on one process.
"""
from __future__ import annotations

import torch
import torch.distributed as dist

from ..common import dtype as mstype
from ..common._device import current_device
from ..common.tensor import Tensor
from ..communication._comm_helper import GlobalComm, torch_group
from ..communication.management import _get_group, get_group_size, get_rank
from ._table import Primitive, prim

_RED = {"sum": dist.ReduceOp.SUM, "max": dist.ReduceOp.MAX, "min": dist.ReduceOp.MIN,
        "prod": dist.ReduceOp.PRODUCT}
_WORLD = GlobalComm.WORLD_COMM_GROUP
_RECV_TYPES = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16, mstype.int8, mstype.int16, mstype.int32,
               mstype.int64, mstype.uint8, mstype.uint16, mstype.uint32, mstype.uint64)


_STR_WORDS = {"group": "For '{}', the 'group' must be str, but got {}.",
              "op": "For '{}', the type of 'op' should be 'str', but got type '{}'."}


def _str_arg(name, arg, value):
    """A primitive's string attribute (``group``: a world-group name read as the current world's)."""
    value = _get_group(value) if arg == "group" else value
    if not isinstance(value, str):
        raise TypeError(_STR_WORDS[arg].format(name, type(value).__name__))
    return value


def _check_group(name, group):
    return _str_arg(name, "group", group)


def _red(name, op):
    if op not in _RED:
        raise ValueError(f"For '{name}', the 'op' must be one of 'sum', 'max', 'min', 'prod', but got {op!r}.")
    return _RED[op]


def _int(name, arg, v):
    if not isinstance(v, int) or isinstance(v, bool):
        raise TypeError(f"For '{name}', the type of '{arg}' should be 'int', but got type '{type(v).__name__}'.")
    return v


def _tensor(name, x, arg="x"):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{name}', the input '{arg}' must be a Tensor, but got {type(x).__name__}.")
    return x._t


def _is_gloo(pg):
    return dist.get_backend(pg) == "gloo"


# ----- torch-level collectives (return new tensors, never touch their input) --------------------------------
def _all_reduce(t, op, pg):
    out = t.detach().clone().contiguous()
    dist.all_reduce(out, op=op, group=pg)
    return out


def _all_gather(t, pg):
    n = dist.get_world_size(pg)
    t = t.detach().contiguous()
    out = torch.empty((t.shape[0] * n,) + tuple(t.shape[1:]), dtype=t.dtype, device=t.device)
    if _is_gloo(pg):
        dist.all_gather(list(out.chunk(n)) if t.shape[0] else [torch.empty_like(t) for _ in range(n)], t, group=pg)
    else:
        dist.all_gather_into_tensor(out, t, group=pg)
    return out


def _reduce_scatter(t, op, pg, name="ReduceScatter"):
    n = dist.get_world_size(pg)
    if t.shape[0] % n:
        raise ValueError(f"For '{name}', the first dimension of the input ({t.shape[0]}) must be divisible by the "
                         f"group size {n}.")
    if _is_gloo(pg):  # gloo has no reduce_scatter: reduce everything, keep this rank's slice
        return _all_reduce(t, op, pg).chunk(n)[dist.get_rank(pg)].clone()
    t = t.detach().contiguous()
    out = torch.empty((t.shape[0] // n,) + tuple(t.shape[1:]), dtype=t.dtype, device=t.device)
    dist.reduce_scatter_tensor(out, t, op=op, group=pg)
    return out


def _broadcast(t, root, pg):
    out = t.detach().clone().contiguous()
    dist.broadcast(out, src=root if pg is None else dist.get_global_rank(pg, root), group=pg)
    return out


def _all_to_all(t, split_count, split_dim, concat_dim, pg, name="AlltoAll"):
    n = dist.get_world_size(pg)
    if split_count != n:
        raise ValueError(f"For '{name}', 'split_count' must equal the group size {n}, but got {split_count}.")
    if t.shape[split_dim] % split_count:
        raise ValueError(f"For '{name}', the input's dimension {split_dim} ({t.shape[split_dim]}) must be divisible "
                         f"by 'split_count' {split_count}.")
    parts = [p.contiguous() for p in t.detach().chunk(split_count, dim=split_dim)]
    send = torch.stack(parts)           # (n, *chunk)
    recv = torch.empty_like(send)
    dist.all_to_all_single(recv, send, group=pg)
    return torch.cat(list(recv.unbind(0)), dim=concat_dim)


def _all_to_all_v(flat, send_numels, recv_numels, pg, async_op=False):
    """Send ``send_numels[i]`` elements of the flat tensor ``flat`` to group rank ``i`` and receive
    ``recv_numels[i]`` from it: (the received elements, concatenated, and torch's work when ``async_op``)."""
    out = torch.empty(sum(recv_numels), dtype=flat.dtype, device=flat.device)
    work = dist.all_to_all_single(out, flat.detach().reshape(-1).contiguous(), output_split_sizes=list(recv_numels),
                                  input_split_sizes=list(send_numels), group=pg, async_op=async_op)
    return out, work


def _all_gather_v(t, sizes, pg):
    """Rank ``i``'s ``sizes[i]`` elements, concatenated in rank order, on every rank."""
    n = dist.get_world_size(pg)
    return _all_to_all_v(t.reshape(-1).repeat(n), [t.numel()] * n, sizes, pg)[0]


def _reduce_scatter_v(t, sizes, op, pg):
    """The reduction of ``t`` over the group; rank ``i`` keeps its ``sizes[i]`` elements (in rank order)."""
    r = dist.get_rank(pg)
    start = sum(sizes[:r])
    return _all_reduce(t.reshape(-1), op, pg)[start:start + sizes[r]].clone()


def _batch_p2p(sends, recvs, pg):
    """Send each (tensor, group rank[, tag]) of ``sends`` and fill each (tensor, group rank[, tag]) of ``recvs``,
    together."""
    def op(kind, t, r, tag=0):
        return dist.P2POp(kind, t, r if pg is None else dist.get_global_rank(pg, r), pg, tag)
    ops = [op(dist.isend, s[0].detach().contiguous(), *s[1:]) for s in sends]
    ops += [op(dist.irecv, *r) for r in recvs]
    if ops:
        for w in dist.batch_isend_irecv(ops):
            w.wait()


# ----- autograd --------------------------------------------------------------------------------------------
class _AllReduceFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, op, pg):
        out = _all_reduce(x, _RED[op], pg)
        ctx.op, ctx.pg = op, pg
        if op != "sum":
            ctx.save_for_backward(x, out)
        return out

    @staticmethod
    def backward(ctx, g):
        dy = _all_reduce(g, dist.ReduceOp.SUM, ctx.pg) if ctx.op == "sum" else None
        if ctx.op == "prod":
            x, out = ctx.saved_tensors
            dy = _all_reduce(g * out, dist.ReduceOp.SUM, ctx.pg) / x
        elif ctx.op in ("max", "min"):
            x, out = ctx.saved_tensors
            dy = _all_reduce(g, dist.ReduceOp.SUM, ctx.pg) * (x == out).to(g.dtype)
        return dy, None, None


class _AllGatherFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, pg):
        ctx.pg = pg
        return _all_gather(x, pg)

    @staticmethod
    def backward(ctx, g):
        return _reduce_scatter(g, dist.ReduceOp.SUM, ctx.pg), None


class _ReduceScatterFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, op, pg):
        ctx.op, ctx.pg = op, pg
        return _reduce_scatter(x, _RED[op], pg)

    @staticmethod
    def backward(ctx, g):
        if ctx.op != "sum":
            raise RuntimeError("The reducescatter bprop only support ReduceOp.SUM until now.")
        return _all_gather(g, ctx.pg), None, None


class _AlltoAllFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, split_count, split_dim, concat_dim, pg):
        ctx.args = (split_count, concat_dim, split_dim, pg)
        return _all_to_all(x, split_count, split_dim, concat_dim, pg)

    @staticmethod
    def backward(ctx, g):
        return _all_to_all(g, *ctx.args), None, None, None, None


class _ReduceFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, dest, op, pg):
        ctx.dest, ctx.pg = dest, pg
        out = x.detach().clone().contiguous()
        dst = dest if pg is None else dist.get_global_rank(pg, dest)
        dist.reduce(out, dst=dst, op=_RED[op], group=pg)
        if dist.get_rank(pg) != dest:
            return torch.zeros(1, dtype=x.dtype, device=x.device)
        return out

    @staticmethod
    def backward(ctx, g):
        return _broadcast(g, ctx.dest, ctx.pg), None, None, None


def _reducing(prim_, fn, x):
    """AllReduce's and ReduceScatter's call: check the input and the op, run ``fn`` over the group."""
    t = _tensor(prim_.name, x)
    _red(prim_.name, prim_.op)
    return Tensor._make(fn.apply(t, prim_.op, torch_group(prim_.group, prim_.name)))


# ----- primitives ------------------------------------------------------------------------------------------
@prim("AllReduce")
class AllReduce(Primitive):
    """Reduce ``x`` over the processes of ``group`` with ``op`` ('sum', 'max', 'min' or 'prod'); every process
    gets the result."""

    def __init__(self, op="sum", group=_WORLD):
        Primitive.__init__(self, "AllReduce")
        self.group = _check_group(self.name, group)
        self.op = _str_arg(self.name, "op", op)
        for k, v in (("op", op), ("group", self.group), ("fusion", 0), ("index", 0), ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, x):
        return _reducing(self, _AllReduceFn, x)


@prim("AllGather")
class AllGather(Primitive):
    """Concatenate ``x`` of every process of ``group`` along the first dimension, in rank order."""

    def __init__(self, group=_WORLD):
        Primitive.__init__(self, "AllGather")
        self.group = _check_group(self.name, group)
        self.rank = get_rank(self.group)
        self.rank_size = get_group_size(self.group)
        for k, v in (("group", self.group), ("rank_size", self.rank_size), ("fusion", 0), ("mean_flag", False),
                     ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, x):
        t = _tensor(self.name, x)
        if t.dim() == 0:
            raise ValueError(f"For '{self.name}', the input must have at least one dimension, but got a 0-d tensor.")
        pg = torch_group(self.group, self.name)
        return Tensor._make(_AllGatherFn.apply(t, pg))


@prim("ReduceScatter")
class ReduceScatter(Primitive):
    """Reduce ``x`` over the processes of ``group`` with ``op``, then give rank ``i`` the ``i``-th of
    ``group size`` equal slices along the first dimension."""

    def __init__(self, op="sum", group=_WORLD):
        Primitive.__init__(self, "ReduceScatter")
        self.op = _str_arg(self.name, "op", op)
        self.group = _check_group(self.name, group)
        self.rank_size = get_group_size(self.group)
        for k, v in (("op", op), ("group", self.group), ("rank_size", self.rank_size), ("fusion", 0),
                     ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, x):
        return _reducing(self, _ReduceScatterFn, x)


@prim("Broadcast")
class Broadcast(Primitive):
    """Every process of ``group`` gets the tensors of group rank ``root_rank``; input and output are tuples."""

    def __init__(self, root_rank, group=_WORLD):
        Primitive.__init__(self, "Broadcast")
        self.root_rank = _int(self.name, "root_rank", root_rank)
        self.group = _check_group(self.name, group)
        for k, v in (("root_rank", root_rank), ("group", self.group), ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, x):
        if isinstance(x, Tensor):
            x = (x,)
        if not isinstance(x, (tuple, list)):
            raise TypeError(f"For '{self.name}', the input must be a tuple of Tensors, but got {type(x).__name__}.")
        pg = torch_group(self.group, self.name)
        return tuple(Tensor._make(_broadcast(_tensor(self.name, t), self.root_rank, pg)) for t in x)


@prim("AlltoAll")
class AlltoAll(Primitive):
    """Split ``x`` into ``split_count`` blocks along ``split_dim``, send block ``i`` to rank ``i``, and
    concatenate the received blocks along ``concat_dim``."""

    def __init__(self, split_count, split_dim, concat_dim, group=_WORLD):
        Primitive.__init__(self, "AlltoAll")
        self.group = _check_group(self.name, group)
        self.split_count = _int(self.name, "split_count", split_count)
        self.split_dim = _int(self.name, "split_dim", split_dim)
        self.concat_dim = _int(self.name, "concat_dim", concat_dim)
        self.rank_size = get_group_size(self.group)
        for k, v in (("split_count", split_count), ("split_dim", split_dim), ("concat_dim", concat_dim),
                     ("group", self.group), ("rank_size", self.rank_size), ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, x):
        t = _tensor(self.name, x)
        pg = torch_group(self.group, self.name)
        sd, cd = self.split_dim % t.dim(), self.concat_dim % t.dim()
        return Tensor._make(_AlltoAllFn.apply(t, self.split_count, sd, cd, pg))


@prim("Reduce")
class Reduce(Primitive):
    """Reduce ``x`` over ``group`` onto group rank ``dest_rank``; the other ranks get a tensor of shape (1,)."""

    def __init__(self, dest_rank, op="sum", group=_WORLD):
        Primitive.__init__(self, "Reduce")
        self.group = _check_group(self.name, group)
        self.op = _str_arg(self.name, "op", op)
        self.dest_rank = _int(self.name, "dest_rank", dest_rank)
        for k, v in (("dest_rank", dest_rank), ("op", op), ("group", self.group)):
            self.add_prim_attr(k, v)

    def __call__(self, x):
        t = _tensor(self.name, x)
        _red(self.name, self.op)
        pg = torch_group(self.group, self.name)
        return Tensor._make(_ReduceFn.apply(t, self.dest_rank, self.op, pg))


def _rooted_init(self, name, root_attr, root, group):
    """The attributes of CollectiveGather/CollectiveScatter: the root rank, the group, this rank and the size."""
    Primitive.__init__(self, name)
    self.group = _check_group(self.name, group)
    setattr(self, root_attr, _int(self.name, root_attr, root))
    self.rank_id = get_rank(self.group)
    self.rank_size = get_group_size(self.group)
    for k, v in ((root_attr, root), ("group", self.group), ("rank_id", self.rank_id), ("rank_size", self.rank_size)):
        self.add_prim_attr(k, v)


@prim("CollectiveGather")
class CollectiveGather(Primitive):
    """Concatenate ``x`` of every rank along the first dimension on group rank ``dest_rank``; the others get a
    tensor of shape (1,)."""

    def __init__(self, dest_rank, group=_WORLD):
        _rooted_init(self, "CollectiveGather", "dest_rank", dest_rank, group)

    def __call__(self, x):
        t = _tensor(self.name, x).detach().contiguous()
        pg = torch_group(self.group, self.name)
        n = dist.get_world_size(pg)
        dst = self.dest_rank if pg is None else dist.get_global_rank(pg, self.dest_rank)
        if dist.get_rank(pg) == self.dest_rank:
            parts = [torch.empty_like(t) for _ in range(n)]
            dist.gather(t, parts, dst=dst, group=pg)
            return Tensor._make(torch.cat(parts))
        dist.gather(t, None, dst=dst, group=pg)
        return Tensor._make(torch.zeros(1, dtype=t.dtype, device=t.device))


@prim("CollectiveScatter")
class CollectiveScatter(Primitive):
    """Split ``x`` of group rank ``src_rank`` evenly along the first dimension; rank ``i`` gets slice ``i``."""

    def __init__(self, src_rank=0, group=_WORLD):
        _rooted_init(self, "CollectiveScatter", "src_rank", src_rank, group)

    def __call__(self, x):
        t = _tensor(self.name, x).detach().contiguous()
        pg = torch_group(self.group, self.name)
        n = dist.get_world_size(pg)
        if t.shape[0] % n:
            raise ValueError(f"For '{self.name}', the first dimension of the input ({t.shape[0]}) must be divisible "
                             f"by the group size {n}.")
        src = self.src_rank if pg is None else dist.get_global_rank(pg, self.src_rank)
        out = torch.empty((t.shape[0] // n,) + tuple(t.shape[1:]), dtype=t.dtype, device=t.device)
        parts = [p.contiguous() for p in t.chunk(n)] if dist.get_rank(pg) == self.src_rank else None
        dist.scatter(out, parts, src=src, group=pg)
        return Tensor._make(out)


@prim("Barrier")
class Barrier(Primitive):
    """Wait until every process of ``group`` has reached this call."""

    def __init__(self, group=_WORLD):
        Primitive.__init__(self, "Barrier")
        self.group = group
        self.add_prim_attr("group", group)
        self.add_prim_attr("side_effect_mem", True)

    def __call__(self):
        pg = torch_group(_check_group(self.name, self.group), self.name)
        dist.barrier(group=pg)
        return Tensor._make(torch.zeros(1, dtype=torch.float32))


@prim("Send")
class Send(Primitive):
    """Send the input to group rank ``dest_rank`` (matched by a ``Receive`` with the same ``sr_tag``)."""

    def __init__(self, sr_tag, dest_rank, group=_WORLD, group_back=_WORLD):
        Primitive.__init__(self, "Send")
        self.sr_tag = _int(self.name, "sr_tag", sr_tag)
        self.rank = _int(self.name, "dest_rank", dest_rank)
        self.group = _check_group(self.name, group)
        self.group_back = group_back
        for k, v in (("sr_tag", sr_tag), ("dest_rank", dest_rank), ("group", self.group),
                     ("group_back", group_back), ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, x):
        t = _tensor(self.name, x).detach().contiguous()
        pg = torch_group(self.group, self.name)
        dst = self.rank if pg is None else dist.get_global_rank(pg, self.rank)
        dist.send(t, dst=dst, group=pg, tag=self.sr_tag)
        return x


@prim("Receive")
class Receive(Primitive):
    """Receive a tensor of ``shape`` and ``dtype`` from group rank ``src_rank`` (sent with the same ``sr_tag``)."""

    def __init__(self, sr_tag, src_rank, shape, dtype, group=_WORLD, group_back=_WORLD):
        Primitive.__init__(self, "Receive")
        self.tag = _int(self.name, "sr_tag", sr_tag)
        self.rank = _int(self.name, "src_rank", src_rank)
        if not isinstance(shape, (tuple, list)) or not all(isinstance(s, int) for s in shape):
            raise TypeError(f"For '{self.name}', the 'shape' must be a tuple or list of ints, but got {shape!r}.")
        if dtype not in _RECV_TYPES:
            raise TypeError(f"For '{self.name}', the 'dtype' must be one of {[str(d) for d in _RECV_TYPES]}, but got "
                            f"{dtype!r}.")
        self.shape = tuple(shape)
        self.dtype = dtype
        self.group = _check_group(self.name, group)
        self.group_back = group_back
        for k, v in (("sr_tag", sr_tag), ("src_rank", src_rank), ("shape", list(shape)), ("dtype", dtype),
                     ("group", self.group), ("group_back", group_back), ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, x=None):
        pg = torch_group(self.group, self.name)
        out = torch.empty(self.shape, dtype=mstype.to_torch(self.dtype), device=current_device())
        src = self.rank if pg is None else dist.get_global_rank(pg, self.rank)
        dist.recv(out, src=src, group=pg, tag=self.tag)
        return Tensor._make(out)


@prim("NeighborExchange")
class NeighborExchange(Primitive):
    """Send ``x[i]`` to rank ``send_rank_ids[i]`` and receive from each of ``recv_rank_ids`` a tensor of
    ``recv_shapes[j]`` and ``recv_type``; returns the received tensors as a tuple."""

    def __init__(self, send_rank_ids, recv_rank_ids, recv_shapes, send_shapes, recv_type, group=_WORLD):
        Primitive.__init__(self, "NeighborExchange")
        self.send_rank_ids = send_rank_ids
        self.recv_rank_ids = recv_rank_ids
        self.recv_shapes = recv_shapes
        self.send_shapes = send_shapes
        self.recv_type = recv_type
        self.group = _check_group(self.name, group)
        for k, v in (("send_rank_ids", send_rank_ids), ("recv_rank_ids", recv_rank_ids),
                     ("recv_shapes", recv_shapes), ("send_shapes", send_shapes), ("recv_type", recv_type),
                     ("group", self.group), ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, x):
        xs = (x,) if isinstance(x, Tensor) else tuple(x)
        if len(xs) != len(self.send_rank_ids):
            raise ValueError(f"For '{self.name}', the input holds {len(xs)} tensors but 'send_rank_ids' names "
                             f"{len(self.send_rank_ids)} ranks.")
        pg = torch_group(self.group, self.name)
        outs = [torch.empty(tuple(s), dtype=mstype.to_torch(self.recv_type), device=current_device())
                for s in self.recv_shapes]
        _batch_p2p([(_tensor(self.name, t), r) for t, r in zip(xs, self.send_rank_ids)],
                   list(zip(outs, self.recv_rank_ids)), pg)
        return tuple(Tensor._make(o) for o in outs)


# ----- the variable-size collectives ---------------------------------------------------------------------------------
def _ints(name, arg, v):
    """A list of ints given as a list, a tuple or a 1-d Tensor."""
    if isinstance(v, Tensor):
        return [int(x) for x in v._t.reshape(-1).tolist()]
    if not isinstance(v, (list, tuple)):
        raise TypeError(f"For '{name}', the '{arg}' must be a tuple, a list or a Tensor, but got "
                        f"{type(v).__name__}.")
    return [_int(name, arg, x) for x in v]


def _flat_result(t):
    """The reference's empty result: a 0-d tensor whose value means nothing."""
    return Tensor._make(t if t.numel() else torch.zeros((), dtype=t.dtype, device=t.device))


class _AllGatherVFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, sizes, pg):
        ctx.sizes, ctx.pg = sizes, pg
        return _all_gather_v(x, sizes, pg)

    @staticmethod
    def backward(ctx, g):
        return _reduce_scatter_v(g, ctx.sizes, dist.ReduceOp.SUM, ctx.pg), None, None


class _ReduceScatterVFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, sizes, op, pg):
        ctx.sizes, ctx.pg, ctx.shape = sizes, pg, x.shape
        return _reduce_scatter_v(x, sizes, _RED[op], pg)

    @staticmethod
    def backward(ctx, g):
        return _all_gather_v(g, ctx.sizes, ctx.pg).reshape(ctx.shape), None, None, None


class _AlltoAllVFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, send, recv, pg):
        ctx.send, ctx.recv, ctx.pg = send, recv, pg
        return _all_to_all_v(x, send, recv, pg)[0]

    @staticmethod
    def backward(ctx, g):
        return _all_to_all_v(g, ctx.recv, ctx.send, ctx.pg)[0].reshape(-1), None, None, None


def _v_init(self, name, group, rank_attrs=True, **attrs):
    """The attributes every variable-size collective has: its group, the group's size and this rank in it (in
    ``attrs`` too unless ``rank_attrs`` is False: the reference's AlltoAllV lists only group and block_size)."""
    Primitive.__init__(self, name)
    self.group = _check_group(name, _WORLD if group is None else group)
    self.rank_size = get_group_size(self.group)
    self.rank_id = get_rank(self.group)
    ranks = (("rank_size", self.rank_size), ("rank_id", self.rank_id)) if rank_attrs else ()
    for k, v in (("group", self.group), *ranks, *attrs.items()):
        self.add_prim_attr(k, v)


@prim("AllGatherV")
class AllGatherV(Primitive):
    """Concatenate the one-dimensional ``input_x`` of every rank of ``group`` (``output_split_sizes[i]`` elements
    from rank ``i``) in rank order."""

    def __init__(self, group=_WORLD):
        _v_init(self, "AllGatherV", group, mean_flag=False)

    def __call__(self, input_x, output_split_sizes):
        t = _tensor(self.name, input_x, "input_x")
        sizes = _ints(self.name, "output_split_sizes", output_split_sizes)
        return _flat_result(_AllGatherVFn.apply(t.reshape(-1), sizes, torch_group(self.group, self.name)))


@prim("ReduceScatterV")
class ReduceScatterV(Primitive):
    """Reduce the one-dimensional ``input_x`` over ``group`` with ``op``; rank ``i`` keeps its
    ``input_split_sizes[i]`` elements, in rank order."""

    def __init__(self, op="sum", group=_WORLD):
        self.op = _str_arg("ReduceScatterV", "op", op)
        _v_init(self, "ReduceScatterV", group, op=op)

    def __call__(self, input_x, input_split_sizes):
        t = _tensor(self.name, input_x, "input_x")
        _red(self.name, self.op)
        sizes = _ints(self.name, "input_split_sizes", input_split_sizes)
        return _flat_result(_ReduceScatterVFn.apply(t.reshape(-1), sizes, self.op, torch_group(self.group, self.name)))


def _block_size(name, v):
    if not isinstance(v, int):
        raise TypeError(f"For '{name}', the type of 'block_size' should be 'int', but got type '{type(v).__name__}'.")
    return v


@prim("AlltoAllV")
class AlltoAllV(Primitive):
    """Send ``send_numel_list[i] * block_size`` elements of the flat ``input_x`` to rank ``i`` and receive
    ``recv_numel_list[i] * block_size`` from it; the received elements, concatenated in rank order."""

    def __init__(self, group=_WORLD, block_size=1):
        self.block_size = _block_size("AlltoAllV", block_size)
        _v_init(self, "AlltoAllV", group, rank_attrs=False, block_size=block_size)

    def __call__(self, input_x, send_numel_list, recv_numel_list):
        t = _tensor(self.name, input_x, "input_x")
        send = [n * self.block_size for n in _ints(self.name, "send_numel_list", send_numel_list)]
        recv = [n * self.block_size for n in _ints(self.name, "recv_numel_list", recv_numel_list)]
        return _flat_result(_AlltoAllVFn.apply(t.reshape(-1), send, recv, torch_group(self.group, self.name)))


@prim("AlltoAllVC")
class AlltoAllVC(Primitive):
    """All-to-all by a count matrix: ``send_count_matrix[i * rank_size + j] * block_size`` elements go from rank
    ``i`` to rank ``j`` (the matrix read transposed when ``transpose``); the received elements, concatenated in
    rank order."""

    def __init__(self, group=_WORLD, block_size=1, transpose=False):
        self.block_size = _block_size("AlltoAllVC", block_size)
        self.transpose = transpose
        _v_init(self, "AlltoAllVC", group, block_size=block_size, transpose=transpose)

    def __call__(self, input_x, send_count_matrix):
        t = _tensor(self.name, input_x, "input_x")
        m, n, r = _ints(self.name, "send_count_matrix", send_count_matrix), self.rank_size, self.rank_id
        if len(m) != n * n:
            raise ValueError(f"For '{self.name}', 'send_count_matrix' must hold rank_size * rank_size = {n * n} "
                             f"counts, but got {len(m)}.")
        at = (lambda i, j: m[j * n + i]) if self.transpose else (lambda i, j: m[i * n + j])
        send = [at(r, j) * self.block_size for j in range(n)]
        recv = [at(i, r) * self.block_size for i in range(n)]
        return _flat_result(_AlltoAllVFn.apply(t.reshape(-1), send, recv, torch_group(self.group, self.name)))


@prim("BatchISendIRecv")
class BatchISendIRecv(Primitive):
    """Sends and receives together: ``op_types[k]`` ('isend' or 'irecv') with group rank ``remote_ranks[k]``.
    The inputs are the tensors to send, in order; the outputs follow ``op_types``: a received tensor (of the next
    of ``receive_shapes``/``receive_dtypes``) at each 'irecv', a meaningless scalar at each 'isend'."""

    def __init__(self, op_types, remote_ranks, receive_shapes=None, receive_dtypes=None, group=_WORLD):
        Primitive.__init__(self, "BatchISendIRecv")
        receive_shapes = () if receive_shapes is None else receive_shapes
        receive_dtypes = () if receive_dtypes is None else receive_dtypes
        for arg, v in (("receive_shapes", receive_shapes), ("receive_dtypes", receive_dtypes),
                       ("op_types", op_types), ("remote_ranks", remote_ranks)):
            if not isinstance(v, (tuple, list)):
                raise TypeError(f"For '{self.name}', the type of '{arg}' should be one of '['tuple', 'list']', but "
                                f"got type '{type(v).__name__}'.")
        if len(receive_shapes) != len(receive_dtypes):
            raise ValueError(f"length of receive_shapes and receive_shapes must be the same, but got receive_shapes: "
                             f"{len(receive_shapes)}  and receive_shapes: {receive_dtypes}")
        if len(op_types) != len(remote_ranks):
            raise ValueError("length of op_types and remote_ranks must be the same.")
        self.op_types, self.remote_ranks = tuple(op_types), tuple(remote_ranks)
        self.receive_shapes, self.receive_dtypes = tuple(receive_shapes), tuple(receive_dtypes)
        self.group = _WORLD if group is None else group
        for k, v in (("group", self.group), ("op_types", op_types), ("remote_ranks", remote_ranks),
                     ("receive_shapes", receive_shapes), ("receive_dtypes", receive_dtypes), ("no_eliminate", True)):
            self.add_prim_attr(k, v)

    def __call__(self, input_x=()):
        xs = [x for x in ((input_x,) if isinstance(input_x, Tensor) else tuple(input_x)) if x is not None]
        n_send = sum(op == "isend" for op in self.op_types)
        if len(xs) != n_send:
            raise RuntimeError(f"For '{self.name}', the number of input tensors ({len(xs)}) must equal the number of "
                               f"'isend' in 'op_types' ({n_send}).")
        pg = torch_group(_check_group(self.name, self.group), self.name)
        sends, recvs, outs = [], [], []
        inputs, shapes = iter(xs), iter(zip(self.receive_shapes, self.receive_dtypes))
        for op, r in zip(self.op_types, self.remote_ranks):
            if op == "isend":
                t = _tensor(self.name, next(inputs), "input_x")
                sends.append((t, r))
                outs.append(torch.zeros((), dtype=t.dtype, device=t.device))
            else:
                shape, dtype = next(shapes)
                outs.append(torch.empty(tuple(shape), dtype=mstype.to_torch(dtype), device=current_device()))
                recvs.append((outs[-1], r))
        _batch_p2p(sends, recvs, pg)
        return tuple(Tensor._make(o) for o in outs)


# ----- NeighborExchangeV2: halo exchange in 8 directions ---------------------------------------------------------
# the directions in the order of send_rank_ids/recv_rank_ids: (rows, columns) as -1 before, 0 along, 1 after
_DIRS = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))


def _sent(shape, lens, d):
    """Where the data sent in direction ``d`` lies in the input ``(..., H, W)``."""
    (dy, dx), (top, bottom, left, right), (h, w) = _DIRS[d], lens, shape[-2:]
    return (Ellipsis, (slice(0, top), slice(0, h), slice(h - bottom, h))[dy + 1],
            (slice(0, left), slice(0, w), slice(w - right, w))[dx + 1])


def _received(shape, lens, d):
    """Where the data received from direction ``d`` goes in the output (``shape`` is the input's; ``d`` None: the
    input itself, in the middle)."""
    (dy, dx), (top, bottom, left, right), (h, w) = _DIRS[d] if d is not None else (0, 0), lens, shape[-2:]
    return (Ellipsis, (slice(0, top), slice(top, top + h), slice(top + h, top + h + bottom))[dy + 1],
            (slice(0, left), slice(left, left + w), slice(left + w, left + w + right))[dx + 1])


def _halo_exchange(x, send_ids, send_lens, recv_ids, recv_lens, pg):
    """The output: ``x`` in the middle, the halos received around it. A message's tag is its sender's direction
    (it arrives from the opposite one), so several directions can share a peer."""
    n, c, h, w = x.shape
    out = torch.zeros((n, c, h + recv_lens[0] + recv_lens[1], w + recv_lens[2] + recv_lens[3]), dtype=x.dtype,
                      device=x.device)
    out[_received(x.shape, recv_lens, None)] = x
    sends = [(x[_sent(x.shape, send_lens, d)], r, d) for d, r in enumerate(send_ids) if r != -1]
    bufs = {d: torch.empty_like(out[_received(x.shape, recv_lens, d)]) for d, r in enumerate(recv_ids) if r != -1}
    _batch_p2p(sends, [(b, recv_ids[d], (d + 4) % 8) for d, b in bufs.items()], pg)
    for d, b in bufs.items():
        out[_received(x.shape, recv_lens, d)] = b
    return out


class _HaloFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, send_ids, send_lens, recv_ids, recv_lens, pg):
        ctx.args, ctx.shape = (send_ids, send_lens, recv_ids, recv_lens, pg), x.shape
        return _halo_exchange(x, send_ids, send_lens, recv_ids, recv_lens, pg)

    @staticmethod
    def backward(ctx, g):
        # each received halo's gradient goes back to its sender, who adds it where it took the halo from
        send_ids, send_lens, recv_ids, recv_lens, pg = ctx.args
        gx = g[_received(ctx.shape, recv_lens, None)].clone()
        back = [(g[_received(ctx.shape, recv_lens, d)], r, (d + 4) % 8) for d, r in enumerate(recv_ids) if r != -1]
        bufs = {d: torch.empty_like(gx[_sent(ctx.shape, send_lens, d)]) for d, r in enumerate(send_ids) if r != -1}
        _batch_p2p(back, [(b, send_ids[d], d) for d, b in bufs.items()], pg)
        for d, b in bufs.items():
            gx[_sent(ctx.shape, send_lens, d)] += b
        return gx, None, None, None, None, None


@prim("NeighborExchangeV2")
class NeighborExchangeV2(Primitive):
    """Halo exchange of an NCHW ``x`` with up to 8 neighbours (top, top right, right, bottom right, bottom, bottom
    left, left, top left; -1 = none): the edges given by ``send_lens`` ([top, bottom, left, right]) go to
    ``send_rank_ids``, and the output is ``x`` surrounded by the ``recv_lens`` edges from ``recv_rank_ids``."""

    def __init__(self, send_rank_ids, send_lens, recv_rank_ids, recv_lens, data_format, group=_WORLD):
        Primitive.__init__(self, "NeighborExchangeV2")
        self.send_rank_ids, self.recv_rank_ids = send_rank_ids, recv_rank_ids
        self.send_lens, self.recv_lens, self.format = send_lens, recv_lens, data_format
        self.group = _get_group(group)
        for k, v in (("send_rank_ids", send_rank_ids), ("send_lens", send_lens), ("recv_rank_ids", recv_rank_ids),
                     ("recv_lens", recv_lens), ("data_format", data_format), ("group", self.group),
                     ("no_eliminate", True)):
            self.add_prim_attr(k, v)
        self.rank_size = get_group_size(self.group)
        for arg, ids in (("send_rank_ids", send_rank_ids), ("recv_rank_ids", recv_rank_ids)):
            for r in ids:
                if r == -1:
                    continue
                if not isinstance(r, int) or isinstance(r, bool):
                    raise TypeError(f"The 'rank_id in {arg}' must be 'int',  but got '{type(r).__name__}'.")
                if not 0 <= r < self.rank_size:
                    raise ValueError(f"The 'rank_id in {arg}' must be in range of [0, {self.rank_size}), but got {r} "
                                     f"with type 'int'.")

    def __call__(self, x):
        t = _tensor(self.name, x)
        if t.dim() != 4:
            raise ValueError(f"For '{self.name}', the input must be 4-D (NCHW), but got {t.dim()}-D.")
        pg = torch_group(self.group, self.name)
        return Tensor._make(_HaloFn.apply(t, list(self.send_rank_ids), list(self.send_lens),
                                          list(self.recv_rank_ids), list(self.recv_lens), pg))

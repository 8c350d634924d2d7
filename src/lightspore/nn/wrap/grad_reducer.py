"""``nn.DistributedGradReducer``: sum (or average) gradients over the processes of a group, on
``torch.distributed``.

As the reference does: gradients are reduced in float32 and cast back; with ``mean`` they are multiplied by
``1/degree``; parameters with ``layerwise_parallel=True`` are left alone. Gradients travel in buckets, flat
float32 buffers reduced with one ``all_reduce`` each: the parameters' ``comm_fusion`` ids (or the context's
``all_reduce_fusion_config`` split indices, or ``comm_fusion={"allreduce": {"mode": "index", ...}}``) split the
buckets as the reference fuses its AllReduce ops, and a bucket is also closed at 25 MB, torch DDP's default
(``comm_fusion`` 'size' mode: its size in MB; ``openstate=False``: one all-reduce per gradient).

Overlap with the backward pass (what torch DDP does): ``TrainOneStepCell`` and friends run their gradient
transform inside ``reducer._overlap(weights)``, which hooks each weight's torch tensor; as soon as every gradient
of a bucket is computed its ``all_reduce`` starts asynchronously while autograd keeps going. Buckets are filled
in reverse parameter order (the order backward produces them) and launched strictly in bucket order, so every
process issues the same collectives in the same order.
"""
from __future__ import annotations

import torch
import torch.distributed as dist

from ...common.tensor import Tensor
from ...communication._comm_helper import GlobalComm, torch_group
from ...communication.management import get_group_size
from ...parallel._auto_parallel_context import auto_parallel_context
from ..cell import Cell

__all__ = ["DistributedGradReducer"]

_BUCKET_BYTES = 25 * 1024 * 1024


def _bucket_plan(params, split_indices, fusion_type, cap=_BUCKET_BYTES):
    if cap is None:     # fusion switched off: one all-reduce per gradient
        return [[i] for i in reversed(range(len(params)))]
    """Lists of parameter indices (into ``params``), in launch order (last parameters first)."""
    fusion = [getattr(p, "comm_fusion", 1) for p in params]
    if len(set(fusion)) == 1 and split_indices and fusion_type == 1:
        fusion, fid, s = [], 0, 0
        for i in range(len(params)):
            fusion.append(fid)
            if s < len(split_indices) and split_indices[s] <= i:
                fid += 1
                s += 1
    buckets, cur, cur_bytes, cur_id = [], [], 0, None
    for i in reversed(range(len(params))):
        nbytes = params[i]._t.numel() * 4
        if cur and (fusion[i] != cur_id or cur_bytes + nbytes > cap):
            buckets.append(cur)
            cur, cur_bytes = [], 0
        cur.append(i)
        cur_bytes += nbytes
        cur_id = fusion[i]
    if cur:
        buckets.append(cur)
    return buckets


class DistributedGradReducer(Cell):
    """All-reduce the gradients of ``parameters`` over ``group``; ``mean`` (default: the context's
    ``gradients_mean``) divides them by ``degree`` (default: the group size)."""

    def __init__(self, parameters, mean=None, degree=None, fusion_type=1, group=GlobalComm.WORLD_COMM_GROUP):
        super().__init__(auto_prefix=False)
        self.mean = auto_parallel_context().get_gradients_mean() if mean is None else mean
        if degree is None:
            degree = get_group_size()
        elif not isinstance(degree, int) or isinstance(degree, bool) or degree <= 0:
            raise ValueError(f"For 'DistributedGradReducer', parameter 'degree' in DistributedGradReducer should large "
                             f"than 0 and be int, degree: {degree}.")
        self.degree = degree
        self.group = group
        self.fusion_type = fusion_type
        params = list(parameters)
        self.__dict__["_reduce_params"] = params
        self.allreduce_filter = tuple(not getattr(p, "layerwise_parallel", False) for p in params)
        ctx = auto_parallel_context()
        split = ctx.get_all_reduce_fusion_split_indices()
        plan = _bucket_plan(params, split, fusion_type, ctx.get_allreduce_bucket_bytes())
        self.__dict__["_buckets"] = [[i for i in b if self.allreduce_filter[i]] for b in plan]
        self.__dict__["_buckets"] = [b for b in self._buckets if b]

    # ----- the reference's call: reduce already computed gradients ---------------------------------------------
    def construct(self, grads):
        gs = [g._t if isinstance(g, Tensor) else g for g in grads]
        if len(gs) != len(self.allreduce_filter):
            raise ValueError(f"For 'DistributedGradReducer', got {len(gs)} gradients for {len(self.allreduce_filter)} "
                             f"parameters.")
        pg = torch_group(self.group, "DistributedGradReducer")
        out = list(gs)
        pending = []
        for b in self._buckets:
            flat = torch.cat([gs[i].detach().reshape(-1).to(torch.float32) for i in b])
            pending.append((b, flat, dist.all_reduce(flat, group=pg, async_op=True)))
        for b, flat, work in pending:
            work.wait()
            self._unpack(b, flat, gs, out)
        return tuple(Tensor._make(g) if isinstance(g, torch.Tensor) else g for g in out)

    def _scale(self, flat):
        # the reference multiplies by a float32 Tensor(1/degree)
        s = self.__dict__.get("_inv_degree")
        if s is None or s.device != flat.device:
            s = self.__dict__["_inv_degree"] = torch.tensor(1.0 / self.degree, dtype=torch.float32, device=flat.device)
        flat.mul_(s)

    def _unpack(self, bucket, flat, like, out):
        if self.mean:
            self._scale(flat)
        off = 0
        for i in bucket:
            n = like[i].numel()
            out[i] = flat[off:off + n].view(like[i].shape).to(like[i].dtype)
            off += n

    # ----- overlap with backward --------------------------------------------------------------------------------
    def _overlap(self, weights, reuse=False):
        """A context manager that reduces the gradients of ``weights`` (the reducer's parameters, same order)
        while backward runs; ``.result(grads)`` then returns the reduced gradients. ``reuse``: the bucket buffers
        (which the returned gradients view) are kept for the next step, for a caller that drops its gradients
        within the step (a training cell handing them to its optimizer)."""
        return _Overlap(self, list(weights), reuse)

    def _grad_buffers(self, reuse):
        """Per bucket a flat float32 buffer, and per parameter its gradient's view into it."""
        if reuse and "_bufs" in self.__dict__:
            return self.__dict__["_bufs"]
        where, sizes = self._layout()
        dev = self._reduce_params[0]._t.device if self._reduce_params else None
        flats = [torch.empty(n, dtype=torch.float32, device=dev) for n in sizes]
        views = {}
        for i, (bi, off) in where.items():
            t = self._reduce_params[i]._t
            views[i] = flats[bi][off:off + t.numel()].view(t.shape)
        bufs = (flats, views)
        if reuse:
            self.__dict__["_bufs"] = bufs
        return bufs

    def _can_overlap(self, weights):
        ws = list(weights)
        return len(ws) == len(self._reduce_params) and all(a is b for a, b in zip(ws, self._reduce_params))

    def _layout(self):
        """(bucket of each parameter index -> (bucket, offset), bucket sizes), computed once."""
        lay = self.__dict__.get("_lay")
        if lay is None:
            where, sizes = {}, []
            for bi, b in enumerate(self._buckets):
                off = 0
                for i in b:
                    where[i] = (bi, off)
                    off += self._reduce_params[i]._t.numel()
                sizes.append(off)
            lay = self.__dict__["_lay"] = (where, sizes)
        return lay



_ACTIVE = [None]    # the overlap of the step running now (one at a time per process)


def _grad_hook(key):
    def hook(g):
        ov = _ACTIVE[0]
        if ov is not None:
            i = ov.index.get(key)
            if i is not None:
                ov.add(i, g)
    return hook


def _ensure_hook(t):
    """One gradient hook per parameter tensor, registered once and kept: it does nothing unless a data-parallel
    step is running and reduces this tensor (a replaced tensor gets its own on first use)."""
    if getattr(t, "_lightspore_dp_hook", False):
        return
    was = t.requires_grad
    if not was:
        t.requires_grad_(True)      # torch registers hooks only on tensors that require grad
    t.register_hook(_grad_hook(id(t)))
    if not was:
        t.requires_grad_(False)
    t._lightspore_dp_hook = True


class _Overlap:
    def __init__(self, reducer, weights, reuse=False):
        self.r = reducer
        self.w = weights
        self.reuse = reuse
        self.pg = torch_group(reducer.group, "DistributedGradReducer")

    def __enter__(self):
        r = self.r
        self.where, sizes = r._layout()
        index = r.__dict__.get("_index")
        if index is None or any(index.get(id(self.w[i]._t)) != i for i in self.where):
            index = {}
            for i in self.where:
                t = self.w[i]._t
                _ensure_hook(t)
                index[id(t)] = i
            r.__dict__["_index"] = index
        self.index = index
        self.bufs, self.views = r._grad_buffers(self.reuse)
        self.missing = [len(b) for b in r._buckets]
        self.works = [None] * len(sizes)
        self.next = 0
        self.seen = set()
        self.late = False
        _ACTIVE[0] = self
        return self

    def add(self, i, g):
        if i in self.seen:      # a second gradient for one leaf: reduce the final gradients after backward instead
            self.late = True
            return
        self.seen.add(i)
        self.views[i].copy_(g)
        bi = self.where[i][0]
        self.missing[bi] -= 1
        while self.next < len(self.bufs) and self.missing[self.next] == 0:
            self.works[self.next] = dist.all_reduce(self.bufs[self.next], group=self.pg, async_op=True)
            self.next += 1

    def __exit__(self, *exc):
        _ACTIVE[0] = None
        if exc[0] is not None:
            for w in self.works:
                if w is not None:
                    w.wait()
        return False

    def result(self, grads):
        """Reduced gradients, given the transform's (unreduced) gradients of the same weights."""
        gs = [g._t for g in grads]
        if self.late:
            for w in self.works:
                if w is not None:
                    w.wait()
            return self.r.construct(grads)
        if self.next < len(self.bufs):
            # a gradient never arrived (unused parameter, zero gradient): fill the unlaunched buckets from the final
            # gradients and launch them, still in bucket order
            for bi in range(self.next, len(self.bufs)):
                for i in self.r._buckets[bi]:
                    self.views[i].copy_(gs[i].detach())
                self.works[bi] = dist.all_reduce(self.bufs[bi], group=self.pg, async_op=True)
            self.next = len(self.bufs)
        out = list(gs)
        r = self.r
        for bi, b in enumerate(r._buckets):
            self.works[bi].wait()
            if r.mean:
                r._scale(self.bufs[bi])
            for i in b:
                v = self.views[i]
                out[i] = v if v.dtype == gs[i].dtype else v.to(gs[i].dtype)
        return tuple(Tensor._make(g) for g in out)


def _broadcast_parameters(network, root=0):
    """Overwrite the parameters of ``network`` (except layerwise-parallel ones) with those of world rank ``root``,
    in one flat broadcast per dtype (what the reference's parameter_broadcast does before training)."""
    if not (GlobalComm.INITED and dist.is_initialized()) or dist.get_world_size() == 1:
        return
    params = [p for p in network.get_parameters() if not getattr(p, "layerwise_parallel", False)]
    by_dtype = {}
    for p in params:
        by_dtype.setdefault(p._t.dtype, []).append(p)
    for dt in sorted(by_dtype, key=str):
        ps = by_dtype[dt]
        flat = torch.cat([p._t.detach().reshape(-1) for p in ps])
        dist.broadcast(flat, src=root)
        off = 0
        with torch.no_grad():
            for p in ps:
                n = p._t.numel()
                p._t.copy_(flat[off:off + n].view(p._t.shape))
                off += n

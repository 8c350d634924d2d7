"""A Cell's custom ``bprop(*inputs, out, dout)`` as a ``torch.autograd.Function``: the forward runs the cell without
a tape, the backward calls ``bprop`` with the cell's inputs, its output and the output's gradient, and hands its
results to the inputs. The cell's own Parameters get no gradient from this call, as in the reference."""
import torch

from ..common.tensor import Tensor


class _Bprop(torch.autograd.Function):
    @staticmethod
    def forward(ctx, cell, args, kwargs, slots, *tensors):
        from .cell import Cell
        inputs = list(args)
        for i, t in zip(slots, tensors):
            inputs[i] = Tensor._make(t)
        with torch.no_grad():
            out = Cell.__call__(cell, *inputs, **kwargs)
        ctx.cell, ctx.inputs, ctx.slots, ctx.out = cell, inputs, slots, out
        cell.__dict__["_bprop_last_out"] = out       # the structure call_with_bprop rebuilds
        ctx.is_tuple = isinstance(out, (tuple, list))
        outs = tuple(out) if ctx.is_tuple else (out,)
        ctx.n_out = len(outs)
        ctx.out_is_tensor = [isinstance(o, Tensor) for o in outs]
        ctx.templates = [o._t for o in outs if isinstance(o, Tensor)]
        return tuple(o._t.clone() for o in outs if isinstance(o, Tensor))

    @staticmethod
    def backward(ctx, *douts):
        grads_iter = iter(douts)
        dout_list = []
        templates = iter(ctx.templates)
        for is_tensor in ctx.out_is_tensor:
            if is_tensor:
                g, tpl = next(grads_iter), next(templates)
                dout_list.append(Tensor._make(torch.zeros_like(tpl) if g is None else g))
            else:
                dout_list.append(None)
        dout = tuple(dout_list) if ctx.is_tuple else dout_list[0]
        name = type(ctx.cell).__name__
        with torch.no_grad():
            res = ctx.cell.bprop(*ctx.inputs, ctx.out, dout)
        res = tuple(res) if isinstance(res, (tuple, list)) else (res,)
        if len(res) < len(ctx.inputs):
            raise RuntimeError(f"For '{name}', the custom bprop must return a gradient for every input of construct, "
                               f"but it returned {len(res)} for {len(ctx.inputs)} inputs.")
        out = []
        for i in ctx.slots:
            g = res[i]
            if g is None:
                out.append(None)
            elif isinstance(g, Tensor):
                tgt = ctx.inputs[i]._t
                out.append(g._t.to(tgt.dtype) if tgt.is_floating_point() or tgt.is_complex() else None)
            else:
                raise TypeError(f"For '{name}', the custom bprop must return Tensors, but gradient {i} is "
                                f"{type(g).__name__}.")
        return (None, None, None, None) + tuple(out)


def call_with_bprop(cell, args, kwargs):
    slots = tuple(i for i, a in enumerate(args) if isinstance(a, Tensor))
    res = iter(_Bprop.apply(cell, args, kwargs, slots, *[args[i]._t for i in slots]))
    out = cell.__dict__.pop("_bprop_last_out")
    if isinstance(out, (tuple, list)):
        return type(out)(Tensor._make(next(res)) if isinstance(o, Tensor) else o for o in out)
    return Tensor._make(next(res)) if isinstance(out, Tensor) else out

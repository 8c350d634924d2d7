"""What lightspore uses from torch that not every torch it declares (``pyproject.toml``) has, decided once at
import: the newer keyword or op where torch has it, the older equivalent where it does not."""
import inspect

import torch


def _accepts(fn, name):
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


# torch.compile(isolate_recompiles=True) (recent torch): a compiled function's graphs count against its own
# recompile limit; without it they share the limit of every compile of the same code object
COMPILE_KWARGS = {"isolate_recompiles": True} if _accepts(torch.compile, "isolate_recompiles") else {}

# Dynamo's trace_autograd_ops (recent torch): torch.autograd.grad traced into the graph (ms.jit's jit_level O1)
TRACE_AUTOGRAD = {"trace_autograd_ops": True} if hasattr(torch._dynamo.config, "trace_autograd_ops") else {}

# DataLoader(in_order=...); without it batches always come in order, which in_order=False allows
DATALOADER_IN_ORDER = _accepts(torch.utils.data.DataLoader.__init__, "in_order")

# torch._foreach_rsqrt, absent from older torch
foreach_rsqrt = getattr(torch, "_foreach_rsqrt", None) or (
    lambda xs: torch._foreach_reciprocal(torch._foreach_sqrt(xs)))

"""``mindspore.ops``: functional ops, primitive classes and gradient transforms, from one table."""
from ..common.tensor import Tensor as _Tensor

# every module that registers op-table entries, by topic (importing one twice-registers nothing: names are unique)
from . import (  # noqa: F401
    _comm,
    _compare,
    _creation,
    _elementwise,
    _fft,
    _index,
    _inplace,
    _linalg,
    _misc,
    _nn,
    _nn_act,
    _nn_conv,
    _nn_det,
    _nn_image,
    _nn_loss,
    _nn_prims,
    _random,
    _reduce,
    _shape,
    _summary,
)
from ._functorch import Custom, derivative, jacfwd, jacrev, jet, jvp, linearize, vjp, vmap
from ._inplace import assign, assign_add, assign_sub, depend
from ._table import METHODS, OPS, PRIMS, Primitive, PrimitiveWithCheck, PrimitiveWithInfer, prim_attr_register
from .composite import (
    GradOperation,
    HyperMap,
    Map,
    MultitypeFuncGraph,
    ReduceOp,
    constexpr,
    get_grad,
    grad,
    partial,
    value_and_grad,
)


def _install():
    g = globals()
    for name, fn in OPS.items():
        if not name.startswith("_"):
            g[name] = fn
    for name, cls in PRIMS.items():
        g[name] = cls
    for name, fn in METHODS.items():
        if name not in _Tensor.__dict__:
            setattr(_Tensor, name, fn)


_install()

# the torch.distributed-style communication API (ops.all_reduce, ops.init_process_group...): ops.function.comm_func's
# (communication/_dist_api.py), but for the four whose names ops gives to tensor ops (gather, scatter) or leaves out
from ..communication import _dist_api as _comm_func  # noqa: E402

_COMM_NAMES = [n for n in _comm_func.__all__ if n not in ("gather", "scatter", "gather_into_tensor", "scatter_tensor")]
globals().update({n: getattr(_comm_func, n) for n in _COMM_NAMES})

__all__ = sorted(k for k in list(OPS) + list(PRIMS) if not k.startswith("_")) + [
    "Primitive", "PrimitiveWithInfer", "PrimitiveWithCheck", "GradOperation", "grad", "value_and_grad",
    "get_grad", "assign", "assign_add", "assign_sub", "depend"] + [
    "Custom", "derivative", "jacfwd", "jacrev", "jet", "jvp", "linearize", "vjp", "vmap"] + [
    "MultitypeFuncGraph", "HyperMap", "Map", "partial", "constexpr", "ReduceOp", "prim_attr_register"] + _COMM_NAMES

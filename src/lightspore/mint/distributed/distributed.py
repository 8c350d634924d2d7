"""``mindspore.mint.distributed.distributed``: the torch.distributed-style communication API, always in place.

Each function is ``ops.function.comm_func``'s own (one implementation on ``torch.distributed``), called with the
in-place mode forced whatever ``ops.set_comm_ops_inplace`` set: the collectives write into the tensors they are
given and return None, or a handle when ``async_op=True``. They are separate objects with the same signatures, as in
the reference (``mint.distributed.all_reduce is ops.all_reduce`` is False).
"""
import functools

from ...communication import _dist_api as _cf

_NAMES = ["init_process_group", "destroy_process_group", "get_rank", "get_world_size", "new_group", "get_backend",
           "get_global_rank", "get_process_group_ranks", "get_group_rank", "all_reduce", "all_gather_into_tensor",
           "all_gather_into_tensor_uneven", "all_to_all", "all_to_all_single", "reduce_scatter_tensor",
           "reduce_scatter_tensor_uneven", "isend", "irecv", "send", "recv", "gather", "scatter", "all_gather",
           "reduce_scatter", "barrier", "broadcast", "reduce", "P2POp", "batch_isend_irecv", "all_gather_object",
           "broadcast_object_list", "gather_object", "scatter_object_list", "is_available", "is_initialized"]


def _in_place(fn):
    """``fn`` run with the in-place mode forced (the same signature, this module's name)."""
    def call(*args, **kwargs):
        token = _cf._ALWAYS_INPLACE.set(True)
        try:
            return fn(*args, **kwargs)
        finally:
            _cf._ALWAYS_INPLACE.reset(token)

    functools.update_wrapper(call, fn)
    call.__dict__.pop("__signature__", None)     # read through __wrapped__: it follows the release
    call.__module__ = __name__
    return call


globals().update({_n: _in_place(getattr(_cf, _n)) for _n in _NAMES if _n != "P2POp"})
__all__ = list(_NAMES)


class P2POp(_cf.P2POp):
    """One send or receive of ``batch_isend_irecv``: ``op`` is ``"isend"``/``"irecv"`` (or this module's
    ``isend``/``irecv``), ``peer`` a world rank."""


P2POp._FUNCS = (globals()["isend"], globals()["irecv"])


class TCPStore(_cf.TCPStore):
    """A key-value store served over TCP (``torch.distributed.TCPStore``): the master process serves it, the others
    connect to ``host_name:port``."""


_cf.MINT_CLASSES["TCPStore"] = TCPStore

"""``mindspore.ops.function.comm_func``: the torch.distributed-style communication API (``all_reduce``,
``init_process_group``, ``isend``, ``set_comm_ops_inplace``...), written in ``communication/_dist_api.py`` (which
``ops`` imports without this package's mirror) and bound here."""
from ..._runtime import synchronize  # noqa: F401
from ...common.api import jit_class  # noqa: F401
from ...communication import (  # noqa: F401
    create_group,
    get_group_rank_from_world_rank,
    get_group_size,
    get_world_rank_from_group_rank,
    init,
)
from ...communication._dist_api import *  # noqa: F403
from ...communication._dist_api import (  # noqa: F401  (the reference's module has these too)
    BACKEND_HCCL,
    BACKEND_MCCL,
    CommHandle,
    GlobalComm,
    ReduceOp,
    RestrictedUnpickler,
    Tensor,
    __all__,
    comm_funcs,
    default_handle,
    get_cache_group_rank,
    get_cache_group_size,
    is_inplace_func,
    restricted_loads,
)
from .. import cat  # noqa: F401

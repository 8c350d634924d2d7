"""``mindspore.communication``: collective communication on ``torch.distributed`` (gloo on the CPU, NCCL on
the GPU). Processes are started by ``python -m lightspore.msrun``, ``mpirun -n N python -m lightspore`` or
``torchrun``; ``init()`` joins them."""
from .management import (  # noqa: F401  (the names of management's __all__)
    HCCL_WORLD_COMM_GROUP,
    MCCL_WORLD_COMM_GROUP,
    NCCL_WORLD_COMM_GROUP,
    GlobalComm,
    __all__,
    create_group,
    destroy_group,
    get_comm_name,
    get_group_rank_from_world_rank,
    get_group_size,
    get_local_rank,
    get_local_rank_size,
    get_process_group_ranks,
    get_rank,
    get_world_rank_from_group_rank,
    init,
    release,
)

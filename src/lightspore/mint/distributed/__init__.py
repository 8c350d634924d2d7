"""``mindspore.mint.distributed``: the torch.distributed-style communication API on ``torch.distributed``
(see ``distributed.py``)."""
from . import distributed
from .distributed import *  # noqa: F403
from .distributed import TCPStore, __all__  # noqa: F401

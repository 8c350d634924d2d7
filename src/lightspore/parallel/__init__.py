"""``mindspore.parallel``: lightspore builds data parallelism only (on ``torch.distributed``); the context lives in
``parallel._auto_parallel_context`` and its helpers in ``parallel._utils``. Sharding, layouts and pipelines
(semi-auto/auto parallel) are not built, so their names are absent. The strategy-search settings
(``set_algo_parameters``...) are stored and returned; the checkpoint helpers work on un-sliced parameters."""
from .algo_parameter_config import get_algo_parameters, reset_algo_parameters, set_algo_parameters
from .checkpoint_transform import build_searched_strategy, load_distributed_checkpoint, merge_sliced_parameter

__all__ = ["set_algo_parameters", "reset_algo_parameters", "get_algo_parameters", "build_searched_strategy",
           "merge_sliced_parameter", "load_distributed_checkpoint"]

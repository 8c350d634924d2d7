"""``mindspore.train``: Model, callbacks, metrics and checkpoint serialization."""
from . import callback, metrics
from .callback import *  # noqa: F401,F403
from .callback import __all__ as _callback_all
from .metrics import *  # noqa: F401,F403
from .metrics import __all__ as _metrics_all
from .model import Model
from .serialization import *  # noqa: F401,F403
from .serialization import __all__ as _serialization_all

__all__ = ["Model"] + list(_callback_all) + list(_metrics_all) + list(_serialization_all)
from .summary import SummaryRecord  # noqa: E402

__all__ += ["SummaryRecord"]
from ..amp import build_train_network  # noqa: E402
from .loss_scale_manager import DynamicLossScaleManager, FixedLossScaleManager, LossScaleManager  # noqa: E402

__all__ += ["LossScaleManager", "FixedLossScaleManager", "DynamicLossScaleManager", "build_train_network"]
from ._data_sink import data_sink  # noqa: E402
from ._export import export  # noqa: E402
from ._mindir import load  # noqa: E402

__all__ += ["export", "data_sink", "load"]
from .train_thor import ConvertModelUtils, ConvertNetUtils  # noqa: E402

__all__ += ["ConvertNetUtils", "ConvertModelUtils"]
from .dataset_helper import DatasetHelper, connect_network_with_dataset  # noqa: E402

__all__ += ["DatasetHelper", "connect_network_with_dataset"]
from ..parallel.checkpoint_transform import (  # noqa: E402
    build_searched_strategy,
    load_distributed_checkpoint,
    merge_sliced_parameter,
)

__all__ += ["build_searched_strategy", "merge_sliced_parameter", "load_distributed_checkpoint"]

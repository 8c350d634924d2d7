"""``mindspore.train`` callbacks."""
from ._callback import Callback, RunContext, _CallbackManager, _InternalCallbackParam
from ._checkpoint import BackupAndRestore, CheckpointConfig, ModelCheckpoint
from ._monitors import History, LambdaCallback, LossMonitor, TimeMonitor
from ._plateau import EarlyStopping, LearningRateScheduler, ReduceLROnPlateau

__all__ = ["Callback", "RunContext", "BackupAndRestore", "CheckpointConfig", "ModelCheckpoint", "History",
           "LambdaCallback", "LossMonitor", "TimeMonitor", "EarlyStopping", "LearningRateScheduler",
           "ReduceLROnPlateau"]

_INTERNAL = (_CallbackManager, _InternalCallbackParam)

from ..summary_collector import SummaryCollector  # noqa: E402  (mindspore.train.callback.SummaryCollector)

__all__ += ["SummaryCollector"]
from ._on_request_exit import OnRequestExit  # noqa: E402

__all__ += ["OnRequestExit"]

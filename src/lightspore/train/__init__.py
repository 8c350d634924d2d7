"""``mindspore.train``: Model, callbacks, metrics and checkpoint serialization."""
from . import metrics
from .metrics import *  # noqa: F401,F403
from .metrics import __all__ as _metrics_all
from .serialization import *  # noqa: F401,F403
from .serialization import __all__ as _serialization_all

__all__ = list(_metrics_all) + list(_serialization_all)

"""mindspore.dataset.callback: DSCallback, hooks a map stage calls as its rows go through."""
from .ds_callback import DSCallback

__all__ = ["DSCallback"]

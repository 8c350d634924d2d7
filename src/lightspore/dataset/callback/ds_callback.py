"""mindspore.dataset.callback.ds_callback: DSCallback and the run context its hooks receive."""
from ..transforms._check import check_value, type_check

__all__ = ["DSCallback"]


class DSCallback:
    """Base of the dataset callbacks passed to ``Dataset.map(callbacks=...)``: ``ds_begin`` once, then per epoch
    ``ds_epoch_begin`` / ``ds_epoch_end``, and ``ds_step_begin`` / ``ds_step_end`` every ``step_size`` rows
    (steps 1, 1 + step_size, ...). Each hook gets a run context with ``cur_epoch_num``,
    ``cur_step_num_in_epoch`` and ``cur_step_num``."""

    def __init__(self, step_size=1):
        type_check(step_size, (int,), "step_size")
        check_value(step_size, 1, 2147483647, "step_size")
        self.step_size = step_size

    def ds_begin(self, ds_run_context):
        """Called once, before the first epoch."""

    def ds_epoch_begin(self, ds_run_context):
        """Called before each epoch."""

    def ds_epoch_end(self, ds_run_context):
        """Called after each epoch."""

    def ds_step_begin(self, ds_run_context):
        """Called before each ``step_size``-th row."""

    def ds_step_end(self, ds_run_context):
        """Called after each ``step_size``-th row."""


class RunContext:
    """What a DSCallback hook sees: the epoch (from 1) and the step numbers (in the epoch and overall)."""

    __slots__ = ("cur_epoch_num", "cur_step_num_in_epoch", "cur_step_num")

    def __init__(self, epoch, step_in_epoch, step):
        self.cur_epoch_num = epoch
        self.cur_step_num_in_epoch = step_in_epoch
        self.cur_step_num = step

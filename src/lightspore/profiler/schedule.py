"""``mindspore.profiler.schedule``: which steps are skipped, warmed up, recorded and saved."""
from enum import Enum

from .. import log as logger

__all__ = ["ProfilerAction", "Schedule"]


class ProfilerAction(Enum):
    NONE = 0
    WARM_UP = 1
    RECORD = 2
    RECORD_AND_SAVE = 3


class Schedule:
    """``schedule(*, wait, active, warmup=0, repeat=0, skip_first=0)``: after ``skip_first`` steps, cycles of
    ``wait`` idle steps, ``warmup`` steps, ``active`` recorded steps (the last one saves), ``repeat`` times
    (0: without end)."""

    def __init__(self, *, wait: int, active: int, warmup: int = 0, repeat: int = 0, skip_first: int = 0) -> None:
        self.wait, self.active, self.warmup, self.repeat, self.skip_first = wait, active, warmup, repeat, skip_first
        self._check_params()

    def __call__(self, step: int) -> ProfilerAction:
        if step < self.skip_first:
            return ProfilerAction.NONE
        step -= self.skip_first
        cycle = self.wait + self.warmup + self.active
        if self.repeat > 0 and step // cycle >= self.repeat:
            return ProfilerAction.NONE
        pos = step % cycle
        if pos < self.wait:
            return ProfilerAction.NONE
        if pos < self.wait + self.warmup:
            return ProfilerAction.WARM_UP
        return ProfilerAction.RECORD if pos < cycle - 1 else ProfilerAction.RECORD_AND_SAVE

    def _check_params(self):
        """The reference resets bad values to defaults with a warning; so does this."""
        for name, low, default in (("wait", 0, 0), ("warmup", 0, 0), ("repeat", 0, 0), ("skip_first", 0, 0),
                                   ("active", 1, 1)):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or v < low:
                logger.warning(f"Invalid parameter {name}: {v!r}, reset it to {default}.")
                setattr(self, name, default)
        if self.warmup == 0:
            logger.warning("Profiler won't be using warmup, this can skew profiler results")

    def to_dict(self):
        return {"wait": self.wait, "active": self.active, "warmup": self.warmup, "repeat": self.repeat,
                "skip_first": self.skip_first}

    def __repr__(self):
        return (f"Schedule(wait={self.wait}, active={self.active}, warmup={self.warmup}, repeat={self.repeat}, "
                f"skip_first={self.skip_first})")

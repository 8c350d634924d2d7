"""``mindspore.Profiler`` and ``mindspore.profiler.profile`` on ``torch.profiler``.

Host (CPU) ops are always recorded; CUDA kernels too when the device target is GPU (or ``ProfilerActivity.GPU``
is asked for). ``analyse()`` (or an ``on_trace_ready`` handler) writes, as the reference lays it out,
``<output_path>/<host>_<pid>_<time>_ascend_ms/``:

- ``ASCEND_PROFILER_OUTPUT/trace_view.json``: a Chrome trace (open it in chrome://tracing or Perfetto);
- ``ASCEND_PROFILER_OUTPUT/op_statistic.csv`` and ``FRAMEWORK/cpu_op_type_info_0.csv``: per-op counts and times;
- ``profiler_metadata.json`` when ``add_metadata`` was used.

Starting a profiler that runs, or stopping one that does not, raises RuntimeError (the reference only logs).
"""
import contextlib
import csv
import datetime
import json
import os
import socket
import warnings
from typing import Any, Callable, Iterable, Optional

import torch
import torch.profiler as tprof

from .. import log as logger
from .common.constant import AicoreMetrics, ProfilerActivity, ProfilerLevel
from .schedule import ProfilerAction, Schedule

__all__ = ["Profiler", "Profile", "tensorboard_trace_handler"]

_ACTION = {ProfilerAction.NONE: tprof.ProfilerAction.NONE, ProfilerAction.WARM_UP: tprof.ProfilerAction.WARMUP,
           ProfilerAction.RECORD: tprof.ProfilerAction.RECORD,
           ProfilerAction.RECORD_AND_SAVE: tprof.ProfilerAction.RECORD_AND_SAVE}
_PROFILER_KWARGS = {"start_profile", "output_path", "profiler_level", "activities", "schedule", "on_trace_ready",
                    "profile_memory", "aic_metrics", "with_stack", "data_simplification", "l2_cache", "hbm_ddr",
                    "pcie", "data_process", "parallel_strategy", "sync_enable", "record_shapes", "mstx",
                    "experimental_config", "export_type", "host_sys", "sys_io", "sys_interconnection"}
_active = []


def tensorboard_trace_handler(dir_name: str = None, worker_name: str = None, analyse_flag: bool = True,
                              async_mode: bool = False):
    """An ``on_trace_ready`` handler: each time a trace is ready, write it (and the op tables) under ``dir_name``
    (default ``./data``), in a folder named after ``worker_name`` (default ``<host>_<pid>``)."""
    if dir_name is not None and not isinstance(dir_name, str):
        raise TypeError(f"For 'tensorboard_trace_handler', 'dir_name' must be str, but got "
                        f"{type(dir_name).__name__}.")
    if worker_name is not None and not isinstance(worker_name, str):
        raise TypeError(f"For 'tensorboard_trace_handler', 'worker_name' must be str, but got "
                        f"{type(worker_name).__name__}.")
    if not isinstance(analyse_flag, bool):
        logger.warning("analyse_flag is not bool, set by default.")
        analyse_flag = True

    def handler_fn(prof_inst) -> None:
        if analyse_flag:
            prof_inst._write(dir_name or "./data", worker_name)

    return handler_fn


def _activities(activities):
    from ..context import get_context
    if activities is None:
        activities = [ProfilerActivity.CPU] + ([ProfilerActivity.GPU] if get_context("device_target") == "GPU"
                                                else [])
    if isinstance(activities, ProfilerActivity):
        activities = [activities]
    out = []
    for a in activities:
        if not isinstance(a, ProfilerActivity):
            raise TypeError(f"For 'Profiler', each of 'activities' must be a ProfilerActivity, but got {a!r}.")
        if a is ProfilerActivity.CPU:
            out.append(tprof.ProfilerActivity.CPU)
        elif a is ProfilerActivity.GPU:
            if not torch.cuda.is_available():
                raise ValueError("For 'Profiler', ProfilerActivity.GPU was requested but PyTorch sees no CUDA device "
                                 "on this machine; use [ProfilerActivity.CPU].")
            out.append(tprof.ProfilerActivity.CUDA)
        else:
            logger.warning("ProfilerActivity.NPU: there is no Ascend device here; only the host (and CUDA) side is "
                           "recorded.")
    if tprof.ProfilerActivity.CPU not in out:
        out.insert(0, tprof.ProfilerActivity.CPU)
    return out


@contextlib.contextmanager
def _quiet():
    """Each scheduled cycle is written as its own trace, which is what torch warns about on a new cycle."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*Profiler clears events at the end of each cycle.*")
        yield


class _Base:
    """The torch.profiler session behind both front ends."""

    def _setup(self, output_path, activities, schedule, on_trace_ready, profile_memory, with_stack, record_shapes,
               where):
        if not isinstance(output_path, str) or not output_path:
            raise TypeError(f"For '{where}', 'output_path' must be a non-empty str, but got {output_path!r}.")
        if schedule is not None and not callable(schedule):
            raise TypeError(f"For '{where}', 'schedule' must be a mindspore.profiler.schedule, but got "
                            f"{type(schedule).__name__}.")
        if on_trace_ready is not None and not callable(on_trace_ready):
            raise TypeError(f"For '{where}', 'on_trace_ready' must be callable, but got "
                            f"{type(on_trace_ready).__name__}.")
        for name, v in (("profile_memory", profile_memory), ("with_stack", with_stack),
                        ("record_shapes", record_shapes)):
            if not isinstance(v, bool):
                raise TypeError(f"For '{where}', '{name}' must be bool, but got {type(v).__name__}.")
        self._where = where
        self._output_path = output_path
        self._torch_activities = _activities(activities)
        self.schedule = schedule
        self.on_trace_ready = on_trace_ready
        self._opts = dict(profile_memory=profile_memory, with_stack=with_stack, record_shapes=record_shapes)
        self._metadata = {}
        self._has_started = False
        self._torch = None
        self._traces = 0
        self.step_num = 0

    def _torch_schedule(self):
        if self.schedule is None:
            return None
        return lambda step: _ACTION[self.schedule(step)]

    def _ready(self, _torch_prof):
        if self.on_trace_ready is not None:
            self.on_trace_ready(self)

    def start(self) -> None:
        """Start recording. RuntimeError if this profiler is already recording."""
        if self._has_started:
            raise RuntimeError(f"For '{self._where}.start', the profiler has already started; call stop() before "
                               f"starting it again.")
        if any(p is not self for p in _active):
            raise RuntimeError(f"For '{self._where}.start', another profiler is recording in this process; stop it "
                               f"first (torch.profiler records one session at a time).")
        with _quiet():
            self._torch = tprof.profile(activities=self._torch_activities, schedule=self._torch_schedule(),
                                        on_trace_ready=self._ready if self.schedule is not None else None,
                                        **self._opts)
            self._torch.start()
        self._has_started = True
        _active.append(self)

    def stop(self) -> None:
        """Stop recording. RuntimeError if this profiler is not recording."""
        if not self._has_started:
            raise RuntimeError(f"For '{self._where}.stop', the profiler has not started: call start() (or create "
                               f"it with start_profile=True) before stop().")
        self._torch.stop()
        self._has_started = False
        _active.remove(self)
        if self.schedule is None and self.on_trace_ready is not None:
            self.on_trace_ready(self)

    def step(self) -> None:
        """Mark the end of a training step (drives ``schedule``)."""
        if self.schedule is None:
            logger.error("With no schedule in the Profiler, step takes no effect!")
            return
        if not self._has_started:
            logger.error("Profiler is stopped, step takes no effect!")
            return
        self.step_num += 1
        with _quiet():
            self._torch.step()

    def add_metadata(self, key: str, value: str):
        """Record ``key: value`` in ``profiler_metadata.json`` next to the trace."""
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError("For 'add_metadata', 'key' and 'value' must be str.")
        self._metadata[key] = value

    def add_metadata_json(self, key: str, value: str):
        """Record ``key`` with the JSON document ``value`` in ``profiler_metadata.json``."""
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError("For 'add_metadata_json', 'key' and 'value' must be str.")
        try:
            self._metadata[key] = json.loads(value)
        except ValueError as e:
            raise ValueError(f"For 'add_metadata_json', 'value' must be a JSON string: {e}") from None

    def _write(self, output_path, worker_name=None, pretty=False):
        """Export the finished torch session as the reference's folder; return the folder."""
        if self._torch is None:
            raise RuntimeError(f"For '{self._where}', nothing has been profiled: start() the profiler and run some "
                               f"ops before analysing.")
        stamp = datetime.datetime.now().strftime("%Y%m%d%H%M%S%f")[:-3]
        worker = worker_name or f"{socket.gethostname()}_{os.getpid()}"
        self._traces += 1
        folder = os.path.join(os.path.realpath(output_path), f"{worker}_{stamp}_{self._traces}_ascend_ms")
        out = os.path.join(folder, "ASCEND_PROFILER_OUTPUT")
        os.makedirs(out, exist_ok=True)
        os.makedirs(os.path.join(folder, "FRAMEWORK"), exist_ok=True)
        trace = os.path.join(out, "trace_view.json")
        self._torch.export_chrome_trace(trace + ".tmp")
        if pretty:
            with open(trace + ".tmp") as f:
                data = json.load(f)
            with open(trace + ".tmp", "w") as f:
                json.dump(data, f, indent=4)
        os.replace(trace + ".tmp", trace)
        rows = []
        events = [e for e in self._torch.key_averages() if e.key != "ProfilerStep*" and
                  not e.key.startswith("ProfilerStep#")]
        total = sum(e.self_cpu_time_total for e in events) or 1.0
        steps = max(1, self.step_num)
        for e in sorted(events, key=lambda e: -e.self_cpu_time_total):
            ms_total = e.cpu_time_total / 1000.0
            rows.append([e.key, e.count, e.count / steps, ms_total, ms_total / max(1, e.count),
                         e.self_cpu_time_total / total])
        head = ["op_type", "type_occurrences", "execution_frequency(per-step)", "total_compute_time",
                "avg_time(ms)", "percent"]
        for path in (os.path.join(out, "op_statistic.csv"), os.path.join(folder, "FRAMEWORK",
                                                                        "cpu_op_type_info_0.csv")):
            with open(path, "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(head)
                w.writerows(rows)
        if self._metadata:
            with open(os.path.join(folder, "profiler_metadata.json"), "w") as f:
                json.dump(self._metadata, f, indent=4 if pretty else None)
        self.output_dir = folder
        return folder

    def __enter__(self):
        if not self._has_started:
            self.start()
        return self

    def __exit__(self, exc_type, exc_value, traceback) -> None:
        if self._has_started:
            self.stop()

    def __del__(self):
        if getattr(self, "_has_started", False):
            try:
                self._torch.stop()
                _active.remove(self)
            except Exception:    # noqa: BLE001 - interpreter shutdown
                pass


class Profiler(_Base):
    """``Profiler(**kwargs)``: records the ops that run between ``start()`` (at construction unless
    ``start_profile=False``) and ``stop()``; ``analyse()`` writes the trace under ``output_path``.

    Keyword arguments as the reference: start_profile=True, output_path='./data', activities, schedule,
    on_trace_ready, profile_memory=False, with_stack=False, record_shapes=False; the Ascend-only ones
    (profiler_level, aic_metrics, l2_cache, hbm_ddr, pcie, parallel_strategy, data_simplification, ...) are
    accepted and have no effect."""

    def __init__(self, **kwargs) -> None:
        unknown = sorted(set(kwargs) - _PROFILER_KWARGS)
        if unknown:
            raise TypeError(f"For 'Profiler', unexpected keyword argument(s) {unknown}; the accepted ones are "
                            f"{sorted(_PROFILER_KWARGS)}.")
        start = kwargs.get("start_profile", True)
        if not isinstance(start, bool):
            raise TypeError(f"For 'Profiler', 'start_profile' must be bool, but got {type(start).__name__}.")
        level = kwargs.get("profiler_level", ProfilerLevel.Level0)
        if not isinstance(level, ProfilerLevel):
            raise TypeError(f"For 'Profiler', 'profiler_level' must be a ProfilerLevel, but got {level!r}.")
        aic = kwargs.get("aic_metrics", AicoreMetrics.AiCoreNone)
        if not isinstance(aic, AicoreMetrics):
            raise TypeError(f"For 'Profiler', 'aic_metrics' must be an AicoreMetrics, but got {aic!r}.")
        self._setup(kwargs.get("output_path", "./data"), kwargs.get("activities"), kwargs.get("schedule"),
                    kwargs.get("on_trace_ready"), kwargs.get("profile_memory", False), kwargs.get("with_stack", False),
                    kwargs.get("record_shapes", False), "Profiler")
        if start:
            self.start()

    def analyse(self, offline_path=None, pretty=False, step_list=None, mode="sync") -> None:
        """Stop recording if needed and write the trace and op tables under ``output_path``."""
        if mode not in ("sync", "async"):
            raise ValueError(f"For 'Profiler.analyse', 'mode' must be one of ['sync', 'async'], but got {mode!r}.")
        if not isinstance(pretty, bool):
            raise TypeError(f"For 'Profiler.analyse', 'pretty' must be bool, but got {type(pretty).__name__}.")
        if self._has_started:
            self._torch.stop()
            self._has_started = False
            _active.remove(self)
        if self.schedule is not None:
            logger.warning("The profiler has schedule. Please use 'on_trace_ready' to analyse data.")
            return
        self._write(self._output_path, pretty=pretty)


class Profile(_Base):
    """``mindspore.profiler.profile``: the newer front end; traces are written by ``on_trace_ready`` (e.g.
    ``tensorboard_trace_handler('./data')``) when a scheduled cycle ends, or at ``stop()`` without a schedule."""

    def __init__(self, activities: Optional[Iterable[ProfilerActivity]] = None, with_stack: bool = False,
                 profile_memory: bool = False, data_process: bool = False, parallel_strategy: bool = False,
                 start_profile: bool = True, hbm_ddr: bool = False, pcie: bool = False, sync_enable: bool = True,
                 record_shapes: bool = False, schedule: Optional[Callable[[int], ProfilerAction]] = None,
                 on_trace_ready: Optional[Callable[..., Any]] = None, experimental_config=None):
        if not isinstance(start_profile, bool):
            raise TypeError(f"For 'profile', 'start_profile' must be bool, but got {type(start_profile).__name__}.")
        self._setup("./data", activities, schedule, on_trace_ready, profile_memory, with_stack, record_shapes,
                    "profile")
        if start_profile:
            self.start()


def _default_schedule():
    return Schedule(wait=0, active=1)

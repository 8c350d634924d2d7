"""``mindspore.profiler``: record the ops a network runs (torch.profiler underneath) and write a Chrome trace
plus per-op tables in the reference's folder layout."""
from .common.constant import AicoreMetrics, ExportType, HostSystem, ProfilerActivity, ProfilerLevel
from .mstx import Mstx as mstx
from .profiler import Profile as profile
from .profiler import Profiler, tensorboard_trace_handler
from .schedule import Schedule as schedule

__all__ = ["tensorboard_trace_handler", "schedule", "Profiler", "ProfilerLevel", "ProfilerActivity", "AicoreMetrics",
           "ExportType", "HostSystem", "profile", "mstx"]

"""State of collective communication on ``torch.distributed``: the world-group names, ``GlobalComm``,
the backend names, and the map from MindSpore group names (strings) to torch process groups.

MindSpore names communication groups by strings; the world group is ``hccl_world_group`` /
``nccl_world_group`` / ``mccl_world_group`` depending on the backend. torch's default process group
plays the world group for all three names; ``create_group`` maps a user name onto ``dist.new_group``.
"""
from __future__ import annotations

import os

import torch.distributed as dist

HCCL_WORLD_COMM_GROUP = "hccl_world_group"
NCCL_WORLD_COMM_GROUP = "nccl_world_group"
MCCL_WORLD_COMM_GROUP = "mccl_world_group"
_WORLD_NAMES = (HCCL_WORLD_COMM_GROUP, NCCL_WORLD_COMM_GROUP, MCCL_WORLD_COMM_GROUP)

DEVICE_TO_BACKEND = {"Ascend": "hccl", "GPU": "nccl", "CPU": "mccl"}


class Backend:
    """The communication library names: ``Backend("nccl")`` returns ``"nccl"``; an unknown name raises."""
    UNDEFINED = "undefined"
    HCCL = "hccl"
    NCCL = "nccl"
    MCCL = "mccl"

    def __new__(cls, name):
        if not isinstance(name, str):
            raise TypeError(f"For 'Backend', the class variable 'name' must be a string, but got the type : "
                            f"{type(name)}")
        value = getattr(Backend, name.upper(), Backend.UNDEFINED)
        if value == Backend.UNDEFINED:
            raise ValueError(f"For 'Backend', the class variable 'name' {name} is not supported, please use hccl "
                             f"or nccl.")
        return value


class GlobalComm:
    """World communication information: ``BACKEND`` (``"hccl"``/``"nccl"``/``"mccl"``), ``WORLD_COMM_GROUP``
    (the world group's name for that backend), ``INITED`` (whether ``init()`` has run)."""
    BACKEND = Backend("hccl")
    WORLD_COMM_GROUP = HCCL_WORLD_COMM_GROUP
    INITED = False
    CHECK_ENVS = True


class _ExistingGroup:
    """User groups of this process: name -> rank list as given, name -> {world rank: group rank},
    name -> torch group."""
    ITEMS = {}
    GROUP_RANKS = {}
    TORCH = {}


def _is_world(group):
    return group is None or group in _WORLD_NAMES


def _check_inited(api):
    if not GlobalComm.INITED or not dist.is_initialized():
        raise RuntimeError(f"For '{api}': Distributed Communication has not been inited. You can't invoke this "
                           f"interface yet. Please call `init()` method first (in a process started by msrun, "
                           f"mpirun or torchrun).")


def _check_group_type(api, group):
    if not isinstance(group, str):
        raise TypeError(f"For '{api}', the argument 'group' must be type of string, but got 'group' type : "
                        f"{type(group)}.")


def torch_group(group, api="communication"):
    """The torch process group for a MindSpore group name (None for the world group). Raises when ``init()``
    has not run or the name is unknown."""
    _check_inited(api)
    if _is_world(group):
        return None
    pg = _ExistingGroup.TORCH.get(group)
    if pg is None:
        raise ValueError(f"For '{api}', the communication group {group!r} does not exist: create it with "
                         f"mindspore.communication.create_group first.")
    return pg


def group_size(group, api="communication"):
    pg = torch_group(group, api)
    return dist.get_world_size(pg)


def group_rank(group, api="communication"):
    pg = torch_group(group, api)
    return dist.get_rank(pg)


def world_rank_of(group, group_rank_id, api="communication"):
    """The world rank of a rank of ``group`` (identity for the world group)."""
    pg = torch_group(group, api)
    return group_rank_id if pg is None else dist.get_global_rank(pg, group_rank_id)


def _env_int(*names, default=None):
    for n in names:
        v = os.environ.get(n)
        if v not in (None, ""):
            return int(v)
    return default


def _local_info():
    """(local rank, local world size) of this process from the launcher's environment."""
    rank = dist.get_rank() if dist.is_initialized() else _env_int("RANK", default=0)
    lrank = _env_int("LOCAL_RANK", "MS_LOCAL_RANK", "OMPI_COMM_WORLD_LOCAL_RANK", default=None)
    lsize = _env_int("LOCAL_WORLD_SIZE", "MS_LOCAL_WORKER_NUM", "OMPI_COMM_WORLD_LOCAL_SIZE", default=None)
    world = dist.get_world_size() if dist.is_initialized() else 1
    if lsize is None:
        lsize = world
    if lrank is None:
        lrank = rank % lsize
    return lrank, lsize


def _reset_groups():
    _ExistingGroup.ITEMS.clear()
    _ExistingGroup.GROUP_RANKS.clear()
    _ExistingGroup.TORCH.clear()

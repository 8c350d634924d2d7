"""``mindspore.communication.management``: init/release and rank queries, on ``torch.distributed``.

``init()`` joins the job its launcher started: it reads torchrun's env:// variables (``RANK``,
``WORLD_SIZE``, ``MASTER_ADDR``, ``MASTER_PORT``, ``LOCAL_RANK``, ``LOCAL_WORLD_SIZE``) that
``python -m lightspore.msrun``, torchrun and the mpirun shim set, or else the reference msrun's own
variables (``MS_WORKER_NUM``, ``MS_NODE_ID``, ``MS_SCHED_HOST``, ``MS_SCHED_PORT``). The backend is gloo for
the CPU (the reference's ``"mccl"``) and NCCL for the GPU (``"nccl"``). Waiting for peers is bounded by
``MS_TOPO_TIMEOUT`` seconds (set by msrun from ``--cluster_time_out``; 600 when unset).
"""
from __future__ import annotations

import atexit
import datetime
import os

import torch
import torch.distributed as dist

from .. import context as _context
from ._comm_helper import (
    DEVICE_TO_BACKEND,
    HCCL_WORLD_COMM_GROUP,
    MCCL_WORLD_COMM_GROUP,
    NCCL_WORLD_COMM_GROUP,
    Backend,
    GlobalComm,
    _check_group_type,
    _check_inited,
    _env_int,
    _ExistingGroup,
    _is_world,
    _local_info,
    _reset_groups,
    torch_group,
)

__all__ = ["GlobalComm", "init", "release", "get_rank", "get_group_size", "get_world_rank_from_group_rank",
           "get_group_rank_from_world_rank", "create_group", "get_comm_name", "HCCL_WORLD_COMM_GROUP",
           "NCCL_WORLD_COMM_GROUP", "MCCL_WORLD_COMM_GROUP", "get_local_rank", "get_local_rank_size",
           "destroy_group", "get_process_group_ranks"]

DEFAULT_WORLD_COMM_GROUP = HCCL_WORLD_COMM_GROUP
_DEFAULT_TIMEOUT_S = 600

_NO_LAUNCHER = ("Maybe you are trying to call 'mindspore.communication.init()' without using 'mpirun', which will "
                "make MindSpore load several environment variables and check their validation. Please use "
                "'mpirun' to launch this process to fix this issue, or refer to this link if you want to run "
                "distributed training using 'msrun' (lightspore: `python -m lightspore.msrun --worker_num=N "
                "--local_worker_num=N script.py`, mpirun or torchrun; none of their environment variables "
                "RANK/WORLD_SIZE/MASTER_ADDR/MASTER_PORT or MS_WORKER_NUM/MS_NODE_ID/MS_SCHED_HOST/MS_SCHED_PORT "
                "is set in this process).")


def _set_rank_from_mpi():
    """As the reference does on import: under OpenMPI, RANK_ID / DEVICE_ID / RANK_SIZE come from OMPI_COMM_WORLD_*
    (so get_rank() and get_group_size() answer before init())."""
    for src, dst in (("OMPI_COMM_WORLD_RANK", "RANK_ID"), ("OMPI_COMM_WORLD_LOCAL_RANK", "DEVICE_ID"),
                     ("OMPI_COMM_WORLD_SIZE", "RANK_SIZE")):
        if os.environ.get(src):
            os.environ[dst] = os.environ[src]


_set_rank_from_mpi()


def _get_group(group):
    if group == DEFAULT_WORLD_COMM_GROUP:
        return GlobalComm.WORLD_COMM_GROUP
    return group


def _rendezvous():
    """(rank, world size, master addr, master port) from the launcher's environment, or None."""
    if os.environ.get("RANK") is not None and os.environ.get("WORLD_SIZE") is not None and \
            os.environ.get("MASTER_ADDR") and os.environ.get("MASTER_PORT"):
        return (int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"]), os.environ["MASTER_ADDR"],
                int(os.environ["MASTER_PORT"]))
    if os.environ.get("MS_WORKER_NUM") and os.environ.get("MS_SCHED_HOST") and os.environ.get("MS_SCHED_PORT"):
        rank = _env_int("MS_NODE_ID", "RANK_ID")
        if rank is None:
            return None
        return rank, int(os.environ["MS_WORKER_NUM"]), os.environ["MS_SCHED_HOST"], int(os.environ["MS_SCHED_PORT"])
    return None


def _timeout_s():
    t = os.environ.get("MS_TOPO_TIMEOUT")
    try:
        t = float(t) if t else _DEFAULT_TIMEOUT_S
    except ValueError:
        return _DEFAULT_TIMEOUT_S
    return t if t > 0 else 10 ** 7     # msrun --cluster_time_out < 0: wait without a limit


def init(backend_name=None):
    """Join the distributed job this process belongs to (see the module docstring)."""
    device_target = _context.get_context("device_target")
    if backend_name is None:
        if device_target not in DEVICE_TO_BACKEND:
            raise RuntimeError(f"For 'set_context', the argument 'device_target' {device_target} is not supported "
                               f"in parallel initialization, please use Ascend, GPU or CPU.")
        backend_name = DEVICE_TO_BACKEND[device_target]
    expected = DEVICE_TO_BACKEND.get(device_target)
    for bad, error, msg in (
            (not isinstance(backend_name, str), TypeError,
             f"For 'init', the argument 'backend_name' must be a string, but got the type : {type(backend_name)}"),
            (backend_name not in ("hccl", "nccl", "mccl"), RuntimeError,
             f"For 'init', the argument 'backend_name' must be one of 'hccl', 'nccl' and 'mccl', but got "
             f"'backend_name' : {backend_name}"),
            (backend_name in ("hccl", "nccl") and expected != backend_name, RuntimeError,
             f"For 'init', the argument 'backend_name' should be '{expected}' to init '{device_target}', but got "
             f"'{backend_name}'.")):
        if bad:
            raise error(msg)
    if GlobalComm.INITED and dist.is_initialized():
        return
    rdv = _rendezvous()
    if rdv is None:
        raise RuntimeError(_NO_LAUNCHER)
    rank, world, addr, port = rdv
    timeout = _timeout_s()
    _join(backend_name, rank, world, datetime.timedelta(seconds=timeout), init_method=f"tcp://{addr}:{port}",
          where=f"{addr}:{port}", why="MS_TOPO_TIMEOUT / msrun --cluster_time_out")


def init_with(rank, world_size, timeout, init_method=None, store=None):
    """Join a job of ``world_size`` processes as rank ``rank`` through ``init_method`` (``tcp://host:port``) or a
    ``torch.distributed.Store``, waiting at most ``timeout`` (a timedelta) for the others: the backend is the
    device's (gloo on the CPU, NCCL on the GPU)."""
    backend = DEVICE_TO_BACKEND.get(_context.get_context("device_target"), "mccl")
    if GlobalComm.INITED and dist.is_initialized():
        return
    _join("mccl" if backend == "hccl" else backend, rank, world_size, timeout, init_method=init_method, store=store,
          where=init_method or "the given TCPStore", why="init_process_group's timeout")


def _join(backend_name, rank, world, timeout, init_method=None, store=None, where="", why=""):
    """torch.distributed.init_process_group with a bounded wait, then the world group's state."""
    use_nccl = backend_name == "nccl"
    if use_nccl:
        lrank = _env_int("LOCAL_RANK", "MS_LOCAL_RANK", default=0)
        torch.cuda.set_device(lrank)
        _context.set_context(device_id=lrank)
    try:
        dist.init_process_group(backend="nccl" if use_nccl else "gloo", init_method=init_method, store=store,
                                rank=rank, world_size=world, timeout=timeout)
    except Exception as e:  # the store's timeout or a refused connection: name what was waited for
        raise RuntimeError(f"For 'init', this process (rank {rank} of {world}) could not join the distributed job at "
                           f"{where} within {timeout.total_seconds():g} s ({why}): "
                           f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}") from None
    atexit.register(_release_at_exit)
    GlobalComm.BACKEND = Backend(backend_name)
    GlobalComm.WORLD_COMM_GROUP = {"hccl": HCCL_WORLD_COMM_GROUP, "nccl": NCCL_WORLD_COMM_GROUP,
                                   "mccl": MCCL_WORLD_COMM_GROUP}[backend_name]
    GlobalComm.INITED = True
    os.environ["RANK_ID"] = str(rank)
    os.environ["DEVICE_ID"] = str(_context.get_context("device_id"))
    if os.environ.get("RANK_SIZE") is None:
        os.environ["RANK_SIZE"] = str(world)


def _release_at_exit():
    # tear the process group down while the interpreter is still whole: left to static destructors, gloo's
    # threads can abort a process whose peer (the rendezvous host) has already exited
    try:
        if dist.is_initialized():
            dist.destroy_process_group()
    except Exception:  # noqa: BLE001  (exiting anyway)
        pass


def release():
    """Leave the distributed job (destroys every process group of this process)."""
    if dist.is_initialized():
        dist.destroy_process_group()
    _reset_groups()
    GlobalComm.INITED = False


def _before_init(api, group, env, default):
    """Checks ``group``; before ``init()``, the launcher's answer (the environment variable ``env``, else
    ``default``), after it None."""
    _check_group_type(api, group)
    return None if GlobalComm.INITED else int(os.environ.get(env, default))


def _answer(api, group, env, default, fn):
    """``fn`` of the torch group of ``group``, or before ``init()`` the launcher's answer."""
    before = _before_init(api, group, env, default)
    return before if before is not None else fn(torch_group(_get_group(group), api))


def _on_node(api, group, env, default, pick):
    """``pick(local rank, local size, the world ranks of group on this node or None for the world group)``, or
    before ``init()`` the launcher's answer."""
    before = _before_init(api, group, env, default)
    if before is not None:
        return before
    lrank, lsize = _local_info()
    group = _get_group(group)
    if _is_world(group):
        return pick(lrank, lsize, None)
    node = dist.get_rank() // lsize
    return pick(lrank, lsize, [r for r in sorted(_ExistingGroup.GROUP_RANKS.get(group, {})) if r // lsize == node])


def get_rank(group=GlobalComm.WORLD_COMM_GROUP):
    """This process's rank in ``group``; before ``init()``: the ``RANK_ID`` environment variable, or 0."""
    return _answer("get_rank", group, "RANK_ID", 0, dist.get_rank)


def get_local_rank(group=GlobalComm.WORLD_COMM_GROUP):
    """This process's rank among the processes of ``group`` on its node; before ``init()``: ``LOCAL_RANK`` or 0."""
    return _on_node("get_local_rank", group, "LOCAL_RANK", 0,
                    lambda lrank, lsize, mates: lrank if mates is None else mates.index(dist.get_rank()))


def get_group_size(group=GlobalComm.WORLD_COMM_GROUP):
    """The number of processes in ``group``; before ``init()``: the ``RANK_SIZE`` environment variable, or 1."""
    return _answer("get_group_size", group, "RANK_SIZE", 1, dist.get_world_size)


def get_local_rank_size(group=GlobalComm.WORLD_COMM_GROUP):
    """The number of processes of ``group`` on this node; before ``init()``: ``LOCAL_RANK_SIZE`` or 1."""
    return _on_node("get_local_rank_size", group, "LOCAL_RANK_SIZE", 1,
                    lambda lrank, lsize, mates: lsize if mates is None else len(mates))


def _rank_query(api, group, arg, value):
    """The checks that both rank translations make; returns the torch group (None: the world)."""
    _check_group_type(api, group)
    _check_inited(api)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"For '{api}', the argument '{arg}' must be type of int, but got '{arg}' type : "
                        f"{type(value)}.")
    return torch_group(_get_group(group), api)


def get_world_rank_from_group_rank(group, group_rank_id):
    """The world rank of rank ``group_rank_id`` of ``group``."""
    pg = _rank_query("get_world_rank_from_group_rank", group, "group_rank_id", group_rank_id)
    size = dist.get_world_size(pg)
    if not 0 <= group_rank_id < size:
        raise ValueError(f"For 'get_world_rank_from_group_rank', 'group_rank_id' must be in [0, {size}) for group "
                         f"{group!r}, but got {group_rank_id}.")
    return group_rank_id if pg is None else dist.get_global_rank(pg, group_rank_id)


def get_group_rank_from_world_rank(world_rank_id, group):
    """The rank in ``group`` of world rank ``world_rank_id``."""
    if _rank_query("get_group_rank_from_world_rank", group, "world_rank_id", world_rank_id) is None:
        if not 0 <= world_rank_id < dist.get_world_size():
            raise ValueError(f"For 'get_group_rank_from_world_rank', 'world_rank_id' must be in "
                             f"[0, {dist.get_world_size()}), but got {world_rank_id}.")
        return world_rank_id
    table = _ExistingGroup.GROUP_RANKS[_get_group(group)]
    if world_rank_id not in table:
        raise ValueError(f"For 'get_group_rank_from_world_rank', world rank {world_rank_id} is not in group "
                         f"{group!r} (ranks {sorted(table)}).")
    return table[world_rank_id]


def create_group(group, rank_ids, options=None):
    """Create the user group ``group`` of the world ranks ``rank_ids`` (``torch.distributed.new_group``; only the
    member processes call it)."""
    if not isinstance(group, str):
        raise TypeError(f"For 'create_group', the argument 'group' must be type of string, but got 'group' type : "
                        f"{type(group)}.")
    _check_inited("create_group")
    if group in _ExistingGroup.ITEMS:
        if rank_ids != _ExistingGroup.ITEMS[group]:
            raise ValueError(f"The group {group} has been created, the rank_list is {_ExistingGroup.ITEMS[group]}, "
                             f"but current rank_list for the group is {rank_ids}")
        return
    if not isinstance(rank_ids, list):
        raise TypeError(f"For 'create_group', the argument 'rank_ids' must be type of list, but got 'rank_ids' type : "
                        f"{type(rank_ids)}.")
    if len(rank_ids) < 1:
        raise ValueError(f"For 'create_group', the argument 'rank_ids' size should be greater than 1, but got "
                         f"'rank_ids' size : {len(rank_ids)}.")
    if len(rank_ids) != len(set(rank_ids)):
        raise ValueError(f"List rank_ids in Group {group} has duplicate data!")
    world = dist.get_world_size()
    bad = [r for r in rank_ids if not isinstance(r, int) or not 0 <= r < world]
    if bad:
        raise ValueError(f"For 'create_group', every rank id must be an int in [0, {world}), but got {bad}.")
    if _is_world(group):
        raise ValueError(f"For 'create_group', the group name {group!r} is reserved for the world group.")
    ranks = sorted(rank_ids)
    pg = dist.new_group(ranks=ranks, use_local_synchronization=True)
    _ExistingGroup.TORCH[group] = pg
    _ExistingGroup.ITEMS[group] = rank_ids
    _ExistingGroup.GROUP_RANKS[group] = {w: g for g, w in enumerate(ranks)}


def alias_world(group):
    """Make ``group`` one more name of the world group (init_process_group's ``group_name``)."""
    world = dist.get_world_size()
    _ExistingGroup.TORCH[group] = dist.group.WORLD
    _ExistingGroup.ITEMS[group] = list(range(world))
    _ExistingGroup.GROUP_RANKS[group] = {r: r for r in range(world)}


def destroy_group(group):
    """Destroy a group made by ``create_group``; the world group cannot be destroyed."""
    if not isinstance(group, str):
        raise TypeError(f"For 'destroy_group', the argument 'group' must be type of string, but got 'group' type : "
                        f"{type(group)}.")
    _check_inited("destroy_group")
    if _is_world(group):
        raise ValueError("The world_group does not support destruction.")
    pg = torch_group(group, "destroy_group")
    dist.destroy_process_group(pg)
    del _ExistingGroup.TORCH[group]
    del _ExistingGroup.ITEMS[group]
    del _ExistingGroup.GROUP_RANKS[group]


def get_comm_name(group=GlobalComm.WORLD_COMM_GROUP):
    """The communicator's name of ``group`` (torch's process-group name)."""
    _check_group_type("get_comm_name", group)
    pg = torch_group(_get_group(group), "get_comm_name")
    return dist.distributed_c10d._get_process_group_name(pg if pg is not None else dist.group.WORLD)


def get_process_group_ranks(group=GlobalComm.WORLD_COMM_GROUP):
    """The world ranks of the processes in ``group``, in group-rank order."""
    _check_group_type("get_process_group_ranks", group)
    pg = torch_group(_get_group(group), "get_process_group_ranks")
    if pg is None:
        return list(range(dist.get_world_size()))
    return dist.get_process_group_ranks(pg)

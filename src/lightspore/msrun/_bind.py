"""msrun's ``--bind_numa`` (MindSpore 2.10): start each worker bound to NUMA nodes, as the reference does.

The flag takes ``True``/``False``, a JSON dict ``{"deviceN": ["0", "1-2"], "scheduler": [...]}`` of NUMA node
ranges per local worker, or the path of a unified bind file (``*.json`` with ``bind_config``: ``bind_cpu_mode``
'cpu'/'numa'/'none', ``bind_memory_mode`` 'numa'/'none', ``bind_cpu``, ``bind_memory``), whose path and SHA-256 are
exported as ``MSRUN_BIND_FILE`` / ``MSRUN_BIND_FILE_HASH`` (``set_cpu_affinity(bind_file=...)`` reads it). Each
worker then runs under ``numactl`` (``--membind``/``--cpunodebind``/``--physcpubind``) or ``taskset -c``, the
commands the reference prefixes; without ``numactl`` on the machine ``True``/dict binding is skipped with a warning
and a bind file that needs it is refused (RuntimeError), as in the reference.
"""
import argparse
import hashlib
import json
import logging
import os
import re
import shutil

log = logging.getLogger("lightspore.msrun")

_NODES = "/sys/devices/system/node/"


def bool_or_dict(value):
    """``True``/``False`` (any case) or a JSON object, msrun's binding flags' first step (ArgumentTypeError)."""
    low = value.lower()
    if low in ("true", "false"):
        return low == "true"
    try:
        mapping = json.loads(value)
    except json.JSONDecodeError as e:
        raise argparse.ArgumentTypeError("Failed to parse JSON into a dictionary") from e
    if not isinstance(mapping, dict):
        raise argparse.ArgumentTypeError(f"Type of {value} should be bool or dict, but got {type(mapping)}.")
    return mapping


def _parse_bool_or_dict(value, resource, desc):
    mapping = bool_or_dict(value)
    if isinstance(mapping, bool) or any(k in mapping for k in ("bind_config", "bind_cpu", "bind_memory")):
        return mapping
    pattern = re.compile(r"^(\d+-\d+|\d+(?:,\d+)*)$")
    for device, ranges in mapping.items():
        if not re.fullmatch(r"device\d+|scheduler", device):
            raise argparse.ArgumentTypeError(f"Key {device} must be in format 'scheduler' or 'deviceX'.")
        if not isinstance(ranges, list):
            raise argparse.ArgumentTypeError(f"Type of value for {device}:{ranges} should be a list, but got "
                                             f"{type(ranges)}.")
        cleaned = []
        for item in ranges:
            if not isinstance(item, str):
                raise argparse.ArgumentTypeError(f"{resource} {item} in {ranges} should be a string.")
            item = re.sub(r"\s+", "", item)
            if not pattern.match(item):
                raise argparse.ArgumentTypeError(f"{resource} {item} in {ranges} should be in format '{desc}', "
                                                 f"'{desc},{desc[:-1]}Y' or '{desc}-{desc[:-1]}Y'.")
            cleaned.append(item)
        mapping[device] = cleaned
    return mapping


def parse_bind_numa(value):
    """``--bind_numa``'s argparse type."""
    if value.lower().endswith(".json"):
        if not os.path.exists(value):
            raise argparse.ArgumentTypeError(f"bind_numa json file '{value}' does not exist.")
        if not os.path.isfile(value):
            raise argparse.ArgumentTypeError(f"bind_numa json path '{value}' is not a file.")
    if os.path.isfile(value):
        path = os.path.abspath(value)
        try:
            with open(path, encoding="utf-8") as f:
                raw = f.read()
            config = json.loads(raw)
        except (OSError, json.JSONDecodeError) as e:
            raise argparse.ArgumentTypeError(f"Failed to load bind_numa json file: {value}.") from e
        if not isinstance(config, dict):
            raise argparse.ArgumentTypeError(f"bind_numa json file '{value}' should be a json object.")
        bind_config = config.get("bind_config", {})
        if not isinstance(bind_config, dict):
            raise argparse.ArgumentTypeError("bind_config must be a json object.")
        if str(bind_config.get("bind_cpu_mode", "none")).lower() not in ("cpu", "numa", "none"):
            raise argparse.ArgumentTypeError("'bind_cpu_mode' only supports 'cpu'/'numa'/'none'.")
        if str(bind_config.get("bind_memory_mode", "none")).lower() not in ("numa", "none"):
            raise argparse.ArgumentTypeError("'bind_memory_mode' only supports 'numa'/'none'.")
        os.environ["MSRUN_BIND_FILE"] = path
        os.environ["MSRUN_BIND_FILE_HASH"] = hashlib.sha256(raw.encode("utf-8")).hexdigest()
        return config
    return _parse_bool_or_dict(value, "NUMA", "numaidX")


def _ids(text):
    out = []
    for part in str(text).replace(" ", "").split(","):
        if part:
            lo, _, hi = part.partition("-")
            out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def available_numas():
    """NUMA nodes with both CPUs and memory (sysfs), as numactl can use them."""
    if not os.path.isdir(_NODES):
        return []
    nodes = sorted(int(n[4:]) for n in os.listdir(_NODES) if re.fullmatch(r"node\d+", n))

    def mask(name):
        try:
            with open(os.path.join(_NODES, name)) as f:
                return set(_ids(f.read().strip()))
        except OSError:
            return None
    cpu, mem = mask("has_cpu"), mask("has_memory")
    if cpu is None and mem is None:
        return nodes
    return [n for n in nodes if (cpu is None or n in cpu) and (mem is None or n in mem)]


def _prefix_from_config(local_rank, cfg):
    conf = cfg.get("bind_config", {})
    cpu_mode = str(conf.get("bind_cpu_mode", "none")).lower()
    mem_mode = str(conf.get("bind_memory_mode", "none")).lower()
    key = f"device{local_rank}"
    mem = cfg.get("bind_memory", {}).get(key) if mem_mode == "numa" else None
    mem = None if mem is None else str(mem)
    if cpu_mode == "cpu":
        main = str((cfg.get("bind_cpu", {}).get(key) or {}).get("main") or "").replace(" ", "")
        if mem is not None:
            return ["numactl", "--membind", mem] + (["--physcpubind", main] if main else [])
        return ["taskset", "-c", main] if main else []
    if cpu_mode == "numa":
        node = cfg.get("bind_cpu", {}).get(key)
        if node is None:
            return ["numactl", "--membind", mem] if mem is not None else []
        return ["numactl"] + (["--membind", mem] if mem is not None else []) + ["--cpunodebind", str(node)]
    return ["numactl", "--membind", mem] if mem is not None else []


def _check_config(cfg, numas):
    conf = cfg.get("bind_config", {})
    cpu_mode = str(conf.get("bind_cpu_mode", "none")).lower()
    mem_mode = str(conf.get("bind_memory_mode", "none")).lower()
    if cpu_mode == "cpu" and not shutil.which("taskset"):
        raise RuntimeError("Command 'taskset' is not supported.")
    if (cpu_mode == "numa" or mem_mode == "numa") and not shutil.which("numactl"):
        raise RuntimeError("Command 'numactl' is not supported.")
    cpus = sorted(os.sched_getaffinity(0))
    if cpu_mode == "cpu":
        for device, modules in cfg.get("bind_cpu", {}).items():
            if modules is None:
                continue
            if not isinstance(modules, dict):
                raise TypeError(f"'bind_cpu_mode' is 'cpu', in 'bind_cpu', type of value for {device}:{modules} "
                                f"should be dict, but got {type(modules)}.")
            for ranges in modules.values():
                for c in _ids(ranges):
                    if c not in cpus:
                        raise RuntimeError(f"CPU id {c} in {modules} for {device} is not available.")
    for mode, section in ((cpu_mode, "bind_cpu"), (mem_mode, "bind_memory")):
        if mode != "numa":
            continue
        if not numas:
            raise RuntimeError("No available NUMA in the environment.")
        for device, node in cfg.get(section, {}).items():
            if node is None:
                continue
            for n in _ids(node):
                if n not in numas:
                    raise RuntimeError(f"NUMA id {n} in {node} for {device} is not available.")


def numa_prefixes(bind_numa, bind_core, cpu_plan, local):
    """{local rank (str): command prefix} for the workers, from --bind_numa (and --bind_core's plan)."""
    if bind_numa is False or bind_numa is None:
        return {}
    numas = available_numas()
    if isinstance(bind_numa, dict) and "bind_config" in bind_numa:
        _check_config(bind_numa, numas)
        return {str(i): p for i in range(local) if (p := _prefix_from_config(i, bind_numa))}
    if not shutil.which("numactl"):
        log.warning("Command 'numactl' is not supported, arg '--bind_numa' takes no effect!")
        return {}
    if not numas:
        log.warning("Failed to acquire available numa node info from '/sys/devices/system/node/'. Will not launch "
                    "process with numactl.")
        return {}
    if bind_numa is True:
        if len(numas) < local:
            log.warning(f"Available NUMA nodes count({numas}) is insufficient for device count({local}). To avoid "
                        "performance degradation, will not launch process with numactl automatically.")
            return {}
        nodes = {i: str(numas[i]) for i in range(local)}
    else:
        for ranges in bind_numa.values():
            for n in _ids(",".join(ranges)):
                if n not in numas:
                    raise RuntimeError(f"NUMA id {n} in '--bind_numa' is not available.")
        workers = [(k, v) for k, v in bind_numa.items() if k != "scheduler"]
        nodes = {}
        for i in range(local):
            if i >= len(workers) or workers[i][0] != f"device{i}":
                log.warning(f"Cannot find process[{i}] in args '--bind_numa'. Will not launch process with numactl.")
                continue
            nodes[i] = ",".join(workers[i][1])
    out = {}
    for i, node in nodes.items():
        cpus = cpu_plan.get(str(i))
        out[str(i)] = ["numactl", "--membind", node] + (["--physcpubind", cpus] if cpus else ["--cpunodebind", node])
    return out

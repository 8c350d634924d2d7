"""msrun's command line: the reference's flags, defaults, types and checks (help text written for lightspore)."""
import argparse
import ast
import re

# The reference's simulation (dry-run) flags --sim_level/--sim_rank_id compile graphs without devices; lightspore
# has no graph compiler to simulate, so they are absent (argparse rejects them as unrecognized arguments).


def parse_bind_core(value):
    """``--bind_core``: ``True``/``False`` (any case) or a JSON object {"deviceN": ["a-b", ...]}."""
    from ._bind import bool_or_dict
    mapping = bool_or_dict(value)
    if isinstance(mapping, bool):
        return mapping
    for key, ranges in mapping.items():
        if not re.fullmatch(r"device\d+", key):
            raise argparse.ArgumentTypeError(f"Key '{key}' must be in format 'deviceX' (X ≥ 0).")
        if not isinstance(ranges, list):
            raise argparse.ArgumentTypeError(f"Value for '{key}':{ranges} should be a list, "
                                             f"but got {type(ranges)}.")
        for item in ranges:
            if not isinstance(item, str):
                raise argparse.ArgumentTypeError(f"CPU range '{item}' in '{ranges}' should be a string.")
            if not re.fullmatch(r"\d+-\d+", item):
                raise argparse.ArgumentTypeError(f"CPU range '{item}' in '{ranges}' should be "
                                                 "in format 'cpuidX-cpuidY'.")
    return mapping


def build_parser(prog="msrun"):
    p = argparse.ArgumentParser(
        prog=prog,
        description="Start a MindSpore script on several processes (and nodes) with lightspore: torch's elastic "
                    "agent supervises the workers, torch.distributed (gloo on CPU, NCCL on GPU) connects them.")
    p.add_argument("--worker_num", type=int, default=8,
                   help="total number of worker processes in the job, over all nodes (default: 8)")
    p.add_argument("--local_worker_num", type=int, default=8,
                   help="number of worker processes started on this node (default: 8)")
    p.add_argument("--master_addr", type=str, default="127.0.0.1",
                   help="IP address or host name of the master node, which hosts the rendezvous store "
                        "(default: 127.0.0.1)")
    p.add_argument("--master_port", type=int, default=8118,
                   help="port of the rendezvous store on the master node, a free port in 1024-65535 (default: 8118)")
    p.add_argument("--node_rank", type=int, default=-1,
                   help="index of this node; its workers get ranks node_rank*local_worker_num + 0..local_worker_num-1. "
                        "-1 (default): ranks are assigned when the nodes meet")
    p.add_argument("--log_dir", type=str, default="",
                   help="directory for the worker_<rank>.log files (and scheduler.log on the master node); "
                        "default: the current directory")
    p.add_argument("--join", type=ast.literal_eval, default=False, choices=[True, False],
                   help="True: wait for the workers, print their logs and exit with the job's result; "
                        "False (default): return once the workers are started, a background supervisor "
                        "keeps watching them")
    p.add_argument("--cluster_time_out", type=int, default=600,
                   help="seconds to wait for every node and worker to join the job (default: 600); "
                        "a negative value waits forever")
    p.add_argument("--bind_core", type=parse_bind_core, default=False,
                   help="bind each worker to CPU cores: True splits this process's CPUs evenly among the local "
                        "workers; a JSON dict {\"device0\": [\"0-3\"], ...} gives the cores of each local worker")
    from .. import _release
    if _release.get_release() == "2.10.0":      # 2.10's msrun added --bind_numa
        from ._bind import parse_bind_numa
        p.add_argument("--bind_numa", type=parse_bind_numa, default=False,
                       help="bind each worker to NUMA nodes with numactl: True gives local worker i node i (when "
                            "there are enough nodes); a JSON dict {\"device0\": [\"0\"], ...} gives each worker's "
                            "nodes; a unified bind file (*.json with bind_config/bind_cpu/bind_memory) gives CPU "
                            "(taskset or numactl) and memory binding per device, and is exported as MSRUN_BIND_FILE")
    p.add_argument("--rank_table_file", type=str, default="",
                   help="exported to the workers as RANK_TABLE_FILE (not used to build the job)")
    p.add_argument("--worker_log_name", type=str, default="",
                   help="log file name stem instead of 'worker'; {ip} and {hostname} are replaced by this node's "
                        "address and host name, and _<rank>.log is appended")
    p.add_argument("--tail_worker_log", type=str, default="-1",
                   help="with --join=True: comma-separated local worker indices whose logs are printed to the "
                        "console; -1 (default): all")
    p.add_argument("task_script", type=str,
                   help="the script each worker runs (with 'import mindspore' resolved to lightspore); "
                        "'python SCRIPT', 'python -m MODULE' and 'pytest ...' also work")
    p.add_argument("task_script_args", nargs=argparse.REMAINDER, help="arguments passed to the script")
    return p

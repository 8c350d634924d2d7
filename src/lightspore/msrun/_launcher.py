"""``python -m lightspore.msrun``: MindSpore's msrun on torch's elastic agent.

torch's ``LocalElasticAgent`` starts, watches and stops the workers and its rendezvous handlers (static TCP store
when ranks are fixed, c10d when ``--node_rank`` is left at -1 on several nodes) build the cluster; every worker
gets torchrun's variables (RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, GROUP_RANK, MASTER_ADDR, MASTER_PORT)
plus the ones msrun exports. What this module adds on top: msrun's flags and checks, its log files
(``worker_<rank>.log``, ``scheduler.log``), tailing them with ``--join=True``, a background supervisor with
``--join=False`` (msrun returns once the workers are started), and telling every node when one node's worker
failed so that all of them stop.
"""
import datetime
import ipaddress
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time

from .._torch_compat import _accepts
from ._args import build_parser

_WORKER_PY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_worker.py")
_DETACHED = "LIGHTSPORE_MSRUN_DETACHED"
_DETACHED_CHILD = "LIGHTSPORE_MSRUN_SUPERVISOR"
_RUN_ID = "lightspore_msrun"
_FAILED_KEY = "lightspore_msrun/failed"
_DONE_KEY = "lightspore_msrun/done/"
_BEAT_KEY = "lightspore_msrun/beat/"
_LEFT_KEY = "lightspore_msrun/left/"
_FOREVER = 10 ** 8  # seconds: a negative --cluster_time_out waits "forever"
_SHUTDOWN_GRACE_S = 5  # SIGTERM to SIGKILL when the job is stopped
_MONITOR_S = 0.1
_BEAT_EVERY_S = 1.0

log = logging.getLogger("lightspore.msrun")


class _Plan:
    """What this node does, derived from the flags (and checked like msrun checks them)."""

    def __init__(self, args):
        self.args = args
        self.master_ip = _to_ip(args.master_addr)
        if args.worker_num <= 0:
            raise ValueError(f"worker_num must be greater than 0, but got {args.worker_num}.")
        if args.log_dir and not os.path.exists(args.log_dir):
            old = os.umask(0o077)
            try:
                os.makedirs(args.log_dir, mode=0o700, exist_ok=True)
            finally:
                os.umask(old)
        if args.local_worker_num > args.worker_num:
            raise ValueError(f"Total worker number is {args.worker_num}, "
                             f"but got exceeded local worker number: {args.local_worker_num}.")
        if args.local_worker_num <= 0:
            raise ValueError(f"local_worker_num must be greater than 0, but got {args.local_worker_num}.")
        if args.worker_num % args.local_worker_num:
            raise ValueError(f"lightspore's msrun starts the same number of workers on every node: worker_num "
                             f"({args.worker_num}) must be a multiple of local_worker_num ({args.local_worker_num}).")
        self.nnodes = args.worker_num // args.local_worker_num
        self.local = args.local_worker_num
        self.timeout = _FOREVER if args.cluster_time_out < 0 else max(args.cluster_time_out, 1)
        if self.nnodes == 1:
            self.node_rank = 0
        else:
            self.node_rank = args.node_rank
            if args.node_rank >= self.nnodes:
                raise ValueError(f"node_rank must be in [0, {self.nnodes}) for {args.worker_num} workers with "
                                 f"{args.local_worker_num} on each node, but got {args.node_rank}.")
        self.ranks_known = self.node_rank >= 0
        stem = _log_stem(args.worker_log_name, self.master_ip)
        self.log_paths = []
        for i in range(self.local):
            rank = self.node_rank * self.local + i if self.ranks_known else i
            self.log_paths.append(os.path.join(args.log_dir, f"{stem}_{rank}.log"))
        # msrun writes scheduler.log on every node whose address is the master's (two "nodes" on one machine both do)
        self.hosts_store = _is_local(self.master_ip)
        if self.hosts_store:
            self.own_log = os.path.join(args.log_dir, "scheduler.log")
        else:
            self.own_log = os.path.join(args.log_dir, f"msrun_node_{self.node_rank}.log")
        self.tail = set(range(self.local))
        if args.tail_worker_log != "-1":
            self.tail = {int(x) for x in args.tail_worker_log.split(",")}
        self.cpus = _cpu_plan(args.bind_core, self.local)
        from ._bind import numa_prefixes
        self.prefixes = numa_prefixes(getattr(args, "bind_numa", False), args.bind_core, self.cpus, self.local)

    def worker_argv(self):
        """The argv of ``python -m lightspore`` in each worker (msrun's 'python'/'pytest' forms understood)."""
        script, rest = self.args.task_script, list(self.args.task_script_args)
        if script in ("python", "python3"):
            while rest and rest[0] == "-u":
                rest = rest[1:]
            return rest
        if script == "pytest":
            return ["-m", "pytest", *rest]
        return [script, *rest]


def _to_ip(addr):
    try:
        ipaddress.IPv4Address(addr)
        return addr
    except ipaddress.AddressValueError:
        try:
            return socket.gethostbyname(addr)
        except socket.gaierror as e:
            raise RuntimeError("DNS resolution has failed. Please verify that the correct hostname has been "
                               f"specified in the '--master_addr' parameter (got {addr!r}).") from e


def _local_ip(toward):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect((toward, 0))
        return s.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        s.close()


def _is_local(ip):
    if ipaddress.IPv4Address(ip).is_loopback:
        return True
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.bind((ip, 0))
            return True
        except OSError:
            return False


def _log_stem(name, master_ip):
    if not name:
        return "worker"
    name = name.replace("{ip}", _local_ip(master_ip))
    return name.replace("{hostname}", socket.gethostname())


def _cpu_plan(bind_core, local):
    """{local rank (str): 'a-b,c'} for the workers to bind to, from --bind_core."""
    if bind_core is False:
        return {}
    if bind_core is True:
        cpus = sorted(os.sched_getaffinity(0))
        per = len(cpus) // local
        if per < 1:
            log.warning("bind_core: %d CPUs for %d workers, cores are not bound.", len(cpus), local)
            return {}
        plan = {}
        for i in range(local):
            mine = cpus[i * per:(i + 1) * per] if i < local - 1 else cpus[i * per:]
            plan[str(i)] = ",".join(str(c) for c in mine)
        return plan
    plan = {}
    for i, (key, ranges) in enumerate(bind_core.items()):
        if i >= local:
            break
        if int(key[len("device"):]) != i:
            log.warning("bind_core: entry %d is '%s', not 'device%d': worker %d is not bound.", i, key, i, i)
            continue
        plan[str(i)] = ",".join(ranges)
    for i in range(len(bind_core), local):
        log.warning("bind_core: no entry for worker %d, it is not bound.", i)
    return plan


def _setup_logging(plan, child):
    """Launcher messages: warnings and errors on stderr, everything in scheduler.log on the master node; a
    detached supervisor's stderr is its log file."""
    log.setLevel(logging.INFO)
    log.propagate = False
    fmt = logging.Formatter("[%(levelname)s] msrun %(asctime)s: %(message)s")
    h = logging.StreamHandler(sys.stderr)
    h.setLevel(logging.INFO if child else logging.WARNING)
    handlers = [h]
    if not child and plan.args.join and plan.hosts_store:
        handlers.append(logging.FileHandler(plan.own_log, mode="w"))
    for h in handlers:
        h.setFormatter(fmt)
        log.addHandler(h)
    # torch's own agent messages (SIGTERM sent to pid ..., exit codes) go to the log file only
    elastic = logging.getLogger("torch.distributed.elastic")
    elastic.setLevel(logging.WARNING)
    elastic.propagate = False
    if child or len(handlers) > 1:
        elastic.addHandler(handlers[-1])
    else:
        elastic.addHandler(logging.NullHandler())
    return handlers


def _print_starts(plan):
    if plan.local == plan.args.worker_num and plan.args.node_rank not in (0, -1):
        log.warning("All workers will be spawned on this node, so 'node_rank': [%d] will be ignored.",
                    plan.args.node_rank)
    if not plan.ranks_known:
        log.warning("You are running distributed job with multiple nodes but not setting '--node_rank'. So "
                    "'rank_id' of each process will be assigned after cluster is successfully built; workers "
                    "read it from the RANK and RANK_ID environment variables.")
        return
    for i, path in enumerate(plan.log_paths):
        rank = plan.node_rank * plan.local + i
        print(f"Start worker process with rank id:{rank}, log file:{path}. "
              f"Environment variable [RANK_ID={rank}] is exported.{_execute_command(plan, i)}", flush=True)


def _execute_command(plan, local_rank):
    """2.10's msrun also prints each worker's command line (its bind prefix, then python and the script)."""
    from .. import _release
    if _release.get_release() != "2.10.0":
        return ""
    script, rest = plan.args.task_script, list(plan.args.task_script_args)
    cmd = [script, *rest] if script in ("python", "python3", "pytest") else ["python", script, *rest]
    return " Execute command: " + " ".join(plan.prefixes.get(str(local_rank), []) + cmd)


def _worker_environment(plan):
    """Variables every worker inherits (the per-rank ones are set by _worker.py)."""
    a = plan.args
    env = {
        "RANK_SIZE": str(a.worker_num),
        "MS_WORKER_NUM": str(a.worker_num),
        "MS_SCHED_HOST": plan.master_ip,
        "MS_SCHED_PORT": str(a.master_port),
        "MS_TOPO_TIMEOUT": str(a.cluster_time_out),
        "MS_ROLE": "MS_WORKER",
        "MS_NODE_RANK": str(a.node_rank),
        "LIGHTSPORE_MSRUN_CPUS": json.dumps(plan.cpus),
        "LIGHTSPORE_MSRUN_PREFIX": json.dumps(plan.prefixes),
        "LIGHTSPORE_MSRUN_AGENT_PID": str(os.getpid()),
    }
    if a.rank_table_file:
        env["RANK_TABLE_FILE"] = a.rank_table_file
    if a.bind_core is True:
        for i, cpus in plan.cpus.items():
            if i == "0":
                env["MSRUN_CPU_LIST"] = str(sorted(_expand(cpus)))
    os.environ.update(env)
    os.environ.setdefault("PYTHONUNBUFFERED", "1")  # the logs are read while the job runs
    os.environ.pop(_DETACHED, None)


def _expand(cpus):
    out = []
    for part in cpus.split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def _make_agent_classes():
    """torch's agent and log spec, subclassed for msrun's log files and for stopping every node together."""
    from torch.distributed.elastic.agent.server.api import RunResult, WorkerState
    from torch.distributed.elastic.agent.server.local_elastic_agent import LocalElasticAgent
    from torch.distributed.elastic.multiprocessing import LogsSpecs
    from torch.distributed.elastic.multiprocessing.api import LogsDest

    class MsrunLogs(LogsSpecs):
        """stdout of local worker i into plan.log_paths[i]; the worker joins stderr to it."""

        def __init__(self, paths):
            super().__init__(log_dir=os.path.dirname(paths[0]) or ".")
            self._paths = paths

        @property
        def root_log_dir(self):
            return self._root_log_dir

        def reify(self, envs):
            n = len(envs)
            for i in range(n):
                envs[i]["TORCHELASTIC_ERROR_FILE"] = ""
            return LogsDest(stdouts={i: self._paths[i] for i in range(n)}, stderrs=dict.fromkeys(range(n), ""),
                            tee_stdouts={}, tee_stderrs={}, error_files=dict.fromkeys(range(n), os.devnull))

    class MsrunAgent(LocalElasticAgent):
        """Also watches the other nodes: a failure anywhere is written to the rendezvous store, and every node's
        agent stops its workers when it sees one (or when a node stops beating)."""

        remote_failure = None

        def _monitor_workers(self, worker_group):
            result = super()._monitor_workers(worker_group)
            if worker_group.group_world_size <= 1:
                return result
            store = worker_group.store
            if result.state in (WorkerState.FAILED, WorkerState.UNHEALTHY):
                info = _failure_info(result.failures, worker_group, self._paths)
                try:
                    store.set(_FAILED_KEY, json.dumps(info))
                except Exception:  # the master's store is gone: nothing to tell
                    pass
                return result
            if result.state != WorkerState.HEALTHY:
                return result
            try:
                if store.check([_FAILED_KEY]):
                    self.remote_failure = json.loads(store.get(_FAILED_KEY))
                    return RunResult(state=WorkerState.FAILED)
                silent = self._beat(worker_group)
                if silent is not None:
                    self.remote_failure = {"lost": f"node {silent} stopped responding (its launcher sent no "
                                                   f"heartbeat for {self._silence_s} s, --cluster_time_out)"}
                    return RunResult(state=WorkerState.FAILED)
            except Exception as e:  # noqa: BLE001 - any store error means the master node is gone
                self.remote_failure = {"lost": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}
                return RunResult(state=WorkerState.FAILED)
            return result

        def _exit_barrier(self):
            pass  # _finish_barrier does it, with heartbeats, after run()

        def _beat(self, worker_group):
            """Count this node's heartbeat up and watch the others'; returns a node silent for too long."""
            now = time.monotonic()
            if now - getattr(self, "_last_beat", 0.0) < _BEAT_EVERY_S:
                return None
            self._last_beat = now
            store, me = worker_group.store, worker_group.group_rank
            store.add(_BEAT_KEY + str(me), 1)
            seen = self.__dict__.setdefault("_seen", {})
            for r in range(worker_group.group_world_size):
                if r == me or store.check([_DONE_KEY + str(r)]):
                    continue
                beat = store.add(_BEAT_KEY + str(r), 0)
                if r not in seen or seen[r][0] != beat:
                    seen[r] = (beat, now)
                elif now - seen[r][1] > self._silence_s:
                    return r
            return None

    return MsrunAgent, MsrunLogs


def _failure_info(failures, worker_group, paths):
    """The failed workers, root causes first: a worker ended by the SIGTERM that stops the job is listed only when
    no other worker failed."""
    out = []
    for rank, f in sorted((failures or {}).items()):
        out.append({"rank": rank, "pid": f.pid, "exitcode": f.exitcode, "node": worker_group.group_rank,
                    "log": paths[f.local_rank]})
    causes = [f for f in out if f["exitcode"] != -signal.SIGTERM]
    return {"failures": causes or out}


def _describe(fail):
    code = fail["exitcode"]
    if code < 0:
        try:
            how = f"was killed by signal {signal.Signals(-code).name} ({-code})"
        except ValueError:
            how = f"was killed by signal {-code}"
    else:
        how = f"exited with exception. Error code: {code}"
    return f"Worker process of rank {fail['rank']} (pid {fail['pid']}) {how}. Log file: {fail['log']}"


def _tail_of(path, lines=20):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def _finish_barrier(store, group_rank, nnodes, status, timeout):
    """Every node's agent waits here for the others (the master's store must outlive every node's job). A node
    whose heartbeat counter stops moving for `timeout` seconds is given up on. Returns every node's status."""
    store.set(_DONE_KEY + str(group_rank), status)
    last_beat, last_change = {}, {}
    while True:
        missing = [r for r in range(nnodes) if not store.check([_DONE_KEY + str(r)])]
        if not missing:
            break
        now = time.monotonic()
        for r in missing:
            beat = store.add(_BEAT_KEY + str(r), 0)
            if last_beat.get(r) != beat:
                last_beat[r], last_change[r] = beat, now
            elif now - last_change[r] > timeout:
                raise RuntimeError(f"node {r} stopped responding (no heartbeat for {timeout} s)")
        store.add(_BEAT_KEY + str(group_rank), 1)
        time.sleep(0.2)
    statuses = [store.get(_DONE_KEY + str(r)).decode() for r in range(nnodes)]
    # second phase: the node hosting the store leaves only after every node has read the statuses
    store.set(_LEFT_KEY + str(group_rank), "1")
    end = time.monotonic() + 30
    try:
        while time.monotonic() < end and not all(store.check([_LEFT_KEY + str(r)]) for r in range(nnodes)):
            time.sleep(0.1)
    except Exception:  # noqa: BLE001 - the host already left: everyone has read the statuses
        pass
    return statuses


def _run_agent(plan, tail_logs):
    """Run torch's elastic agent for this node; returns the exit code."""
    from torch.distributed.elastic.agent.server.api import WorkerSpec, WorkerState
    from torch.distributed.elastic.multiprocessing import SignalException
    from torch.distributed.elastic.multiprocessing.tail_log import TailLog
    from torch.distributed.elastic.rendezvous import RendezvousParameters
    from torch.distributed.elastic.rendezvous import registry as rdzv_registry

    MsrunAgent, MsrunLogs = _make_agent_classes()
    a = plan.args
    endpoint = f"{plan.master_ip}:{a.master_port}"
    if plan.ranks_known:
        params = RendezvousParameters(backend="static", endpoint=endpoint, run_id=_RUN_ID, min_nodes=plan.nnodes,
                                      max_nodes=plan.nnodes, rank=plan.node_rank, timeout=plan.timeout)
    else:
        params = RendezvousParameters(backend="c10d", endpoint=endpoint, run_id=_RUN_ID, min_nodes=plan.nnodes,
                                      max_nodes=plan.nnodes, join_timeout=plan.timeout, last_call_timeout=1,
                                      read_timeout=max(60, min(plan.timeout, 600)))
    os.environ["TORCHELASTIC_SIGNALS_TO_HANDLE"] = "SIGTERM,SIGINT,SIGHUP,SIGQUIT"
    try:
        handler = rdzv_registry.get_rendezvous_handler(params)
    except Exception as e:  # noqa: BLE001 - c10d connects to the store here
        raise RuntimeError(_cluster_error(plan, e)) from None
    spec = WorkerSpec(role="worker", local_world_size=plan.local, entrypoint=sys.executable,
                      args=(_WORKER_PY, *plan.worker_argv()), rdzv_handler=handler,
                      max_restarts=0, monitor_interval=_MONITOR_S,
                      master_addr=plan.master_ip if plan.ranks_known else None,
                      master_port=a.master_port if plan.ranks_known else None)
    grace = {"shutdown_timeout": _SHUTDOWN_GRACE_S} if _accepts(MsrunAgent.__init__, "shutdown_timeout") else {}
    agent = MsrunAgent(spec=spec, logs_specs=MsrunLogs(plan.log_paths), start_method="spawn", **grace)
    agent._paths = plan.log_paths
    agent._silence_s = plan.timeout
    for path in plan.log_paths:  # msrun truncates the logs of an earlier run before the workers start
        open(path, "w").close()
    tail = None
    if tail_logs:
        files = {i: p for i, p in enumerate(plan.log_paths) if i in plan.tail}
        tail = TailLog("worker", files, sys.stdout, dict.fromkeys(files, "")).start()
    log.info("Starting %d workers of node %s (%d nodes, rendezvous at %s).", plan.local,
             plan.node_rank if plan.ranks_known else "?", plan.nnodes, endpoint)
    try:
        try:
            result = agent.run()
        except SignalException as e:
            log.warning("msrun received %s, all workers are terminated.", e.sigval.name)
            return 0 if e.sigval == signal.SIGINT else 128 + int(e.sigval)
        except Exception as e:  # noqa: BLE001 - the rendezvous could not complete
            raise RuntimeError(_cluster_error(plan, e)) from None
        finally:
            if tail is not None:
                tail.stop()
        wg = agent._worker_group
        failed = result.state != WorkerState.SUCCEEDED
        fails = _failure_info(result.failures, wg, plan.log_paths)["failures"] if result.failures else []
        remote = agent.remote_failure
        if plan.nnodes > 1 and wg.store is not None and not (remote and "lost" in remote):
            try:
                statuses = _finish_barrier(wg.store, wg.group_rank, plan.nnodes, "failed" if failed else "ok",
                                           plan.timeout)
                if not failed and "failed" in statuses:
                    failed = True
                    if wg.store.check([_FAILED_KEY]):
                        remote = json.loads(wg.store.get(_FAILED_KEY))
                    else:
                        remote = {"lost": "another node's workers failed"}
            except Exception as e:  # noqa: BLE001
                failed = True
                remote = remote or {"lost": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}
        if not failed:
            log.info("All workers successfully exit!")
            return 0
        for f in fails:
            log.error("%s", _describe(f))
            tail_text = _tail_of(f["log"])
            if tail_text:
                log.error("Last lines of %s:\n%s", f["log"], tail_text.rstrip())
        if remote and "failures" in remote:
            for f in remote["failures"]:
                log.error("On node %s: %s", f["node"], _describe(f))
        elif remote:
            log.error("Lost contact with the other nodes: %s", remote["lost"])
        if not fails and not remote:
            log.error("The workers were stopped (state %s).", result.state.name)
        log.warning("There's worker exits with exception, all other workers were stopped.")
        raise RuntimeError("Distributed job exited with exception. Please check logs in "
                           f"directory: {a.log_dir}.")
    finally:
        handler.shutdown()



def _cluster_error(plan, e):
    first = str(e).splitlines()[0] if str(e) else type(e).__name__
    waited = "forever" if plan.args.cluster_time_out < 0 else f"{plan.args.cluster_time_out} s"
    who = f"node {plan.node_rank}" if plan.ranks_known else "this node"
    return (f"The cluster of {plan.nnodes} node(s) ({plan.args.worker_num} workers) could not be built: {who} "
            f"waited {waited} (--cluster_time_out) at the master {plan.master_ip}:{plan.args.master_port} "
            f"({type(e).__name__}: {first})")


def _detach(plan):
    """--join=False: a supervisor in its own session runs the job; msrun itself returns once it is started."""
    state = dict(vars(plan.args))
    env = dict(os.environ)
    env[_DETACHED] = json.dumps(state)
    env[_DETACHED_CHILD] = "1"
    with open(plan.own_log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "lightspore.msrun"], env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True, close_fds=True)
    log.info("Distributed job is spawned; its supervisor (pid %d) logs to %s.", proc.pid, plan.own_log)
    return 0


def main(argv=None):
    """msrun's entry point; returns the exit code (raises ValueError/RuntimeError for msrun's fatal errors)."""
    detached_state = os.environ.pop(_DETACHED, None)
    if detached_state is not None:
        import argparse

        args = argparse.Namespace(**json.loads(detached_state))
    else:
        args = build_parser().parse_args(argv)
    plan = _Plan(args)
    child = bool(os.environ.get(_DETACHED_CHILD))
    handlers = _setup_logging(plan, child)
    try:
        if not child:
            _print_starts(plan)
        if not args.join and not child:
            return _detach(plan)
        os.environ.pop(_DETACHED_CHILD, None)
        _worker_environment(plan)
        start = datetime.datetime.now()
        code = _run_agent(plan, tail_logs=not child)
        log.info("Job finished after %.1f s.", (datetime.datetime.now() - start).total_seconds())
        return code
    except RuntimeError as e:
        if child:
            log.error("RuntimeError: %s", e)
            return 1
        raise
    finally:
        elastic = logging.getLogger("torch.distributed.elastic")
        for h in handlers + list(elastic.handlers):
            log.removeHandler(h)
            elastic.removeHandler(h)
            h.close()


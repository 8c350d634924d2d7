"""``python -m lightspore script.py [args]``: run an unmodified MindSpore script on lightspore.

Started by a launcher, the process joins its distributed job through torchrun's env:// variables (RANK,
WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, GROUP_RANK, MASTER_ADDR, MASTER_PORT) that
``mindspore.communication.init()`` reads: ``torchrun`` and ``python -m lightspore.msrun`` set them, and under
OpenMPI's ``mpirun -n N python -m lightspore script.py`` they are derived here from OMPI_COMM_WORLD_*.
"""
import os
import sys
import zlib

_MPI_DEFAULT_PORT = 29500


def _adopt_mpi_env(env=None):
    """OpenMPI's rank variables -> torchrun's, unless a launcher already set RANK. Returns True if it did."""
    env = os.environ if env is None else env
    if "OMPI_COMM_WORLD_RANK" not in env or "RANK" in env:
        return False
    rank, size = int(env["OMPI_COMM_WORLD_RANK"]), int(env["OMPI_COMM_WORLD_SIZE"])
    local_rank = int(env.get("OMPI_COMM_WORLD_LOCAL_RANK", rank))
    local_size = int(env.get("OMPI_COMM_WORLD_LOCAL_SIZE", size))
    if "MASTER_ADDR" not in env:
        if local_size != size:
            raise RuntimeError(
                f"python -m lightspore under mpirun: the {size} processes run on several nodes, so the address of "
                "rank 0's node must be given: export MASTER_ADDR (and MASTER_PORT) to every rank, e.g. "
                "'mpirun -x MASTER_ADDR=<host of rank 0> -x MASTER_PORT=29500 ...'.")
        env["MASTER_ADDR"] = "127.0.0.1"
    if "MASTER_PORT" not in env:
        # every rank must agree: derive it from the job's id where OpenMPI gives one (two jobs on one machine then
        # rarely collide), else torchrun's default
        job = env.get("OMPI_MCA_ess_base_jobid") or env.get("OMPI_MCA_orte_ess_jobid") or env.get("PMIX_NAMESPACE")
        port = 20000 + zlib.crc32(job.encode()) % 20000 if job else _MPI_DEFAULT_PORT
        env["MASTER_PORT"] = str(port)
    env["RANK"], env["WORLD_SIZE"] = str(rank), str(size)
    env["LOCAL_RANK"], env["LOCAL_WORLD_SIZE"] = str(local_rank), str(local_size)
    env["GROUP_RANK"] = str(rank // local_size)  # mpirun's default mapping fills one node after another
    return True


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python -m lightspore SCRIPT.py [ARGS...]\n"
              "       python -m lightspore -m MODULE [ARGS...]\n"
              "Runs a MindSpore program with 'import mindspore' resolved to lightspore.")
        return 0 if argv else 2
    try:
        _adopt_mpi_env()
    except RuntimeError as e:
        print(str(e), file=sys.stderr)
        return 2
    from lightspore import install_alias
    from lightspore.msrun._worker import run_target

    install_alias()
    return run_target(argv, "python -m lightspore")


if __name__ == "__main__":
    sys.exit(main())

"""CPU kernel threads: torch's intra-op thread pool."""
import torch

from ...runtime.executor import _check_thread_count

_configured = {}


def threads_num(num):
    """Threads a CPU kernel may use (``torch.set_num_threads``); once per process, as in the reference."""
    _check_thread_count(num, "num", "threads_num", _configured)
    torch.set_num_threads(num)
    _configured["threads_num"] = num

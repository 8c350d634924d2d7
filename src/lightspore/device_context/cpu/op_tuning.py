"""CPU kernel threads: torch's intra-op thread pool."""
import torch

_configured = {}


def threads_num(num):
    """Threads a CPU kernel may use (``torch.set_num_threads``); once per process, as in the reference."""
    if isinstance(num, bool) or not isinstance(num, int):
        raise TypeError(f"The argument 'num' must be type of {int}, but got {type(num)}.")
    if "threads" in _configured:
        raise RuntimeError("The 'threads_num' can not be set repeatedly.")
    if num <= 0:
        raise ValueError(f"The 'num' must be positive int, but got {num}.")
    torch.set_num_threads(num)
    _configured["threads"] = num

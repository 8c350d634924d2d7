"""mindspore._c_expression: the few functions of the reference's C++ front end that model code calls.

Public model libraries reach into it for initializers (mindnlp's ``_legacy.initializer`` fills numpy
buffers with ``_random_normal``). Each is done by torch here; the random stream is torch's, seeded the
same way, so a given seed gives the same numbers on every run (not the reference's numbers).
"""
import numpy as np
import torch

__all__ = ["_random_normal"]


def _writable_float_buffer(name, buf):
    if not isinstance(buf, np.ndarray) or buf.dtype.kind != "f" or not buf.flags.writeable:
        raise TypeError(f"{name}(): incompatible function arguments: arg1 must be a writable float numpy buffer, "
                        f"got {type(buf).__name__}" + (f" of {buf.dtype}" if isinstance(buf, np.ndarray) else "")
                        + ".")
    return torch.from_numpy(buf)


def _generator(seed):
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool):
        raise TypeError(f"incompatible function arguments: seed must be an int, got {type(seed).__name__}.")
    g = torch.Generator()
    g.manual_seed(int(seed) & 0xFFFFFFFFFFFFFFFF)
    return g


def _random_normal(seed, buf, mean, sigma):
    """Fill the float numpy array ``buf`` in place with N(mean, sigma**2) samples drawn from ``seed``."""
    t = _writable_float_buffer("_random_normal", buf)
    t.normal_(float(mean), float(sigma), generator=_generator(seed))



from .nn._cell_members import MixedPrecisionType  # noqa: E402,F401  (Cell.get_mixed_precision_type's enum)

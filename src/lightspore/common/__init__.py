"""``mindspore.common``: dtype, Tensor, Parameter, initializer, seed."""
from . import dtype
from .parameter import Parameter, ParameterTuple
from .tensor import Tensor

__all__ = ["dtype", "Parameter", "ParameterTuple", "Tensor"]

# the reference's mindspore.common also exports the dtypes, the seed functions and a few tools (real code
# does `from mindspore.common import set_seed`, `mindspore.common.float32`); as there, the names
# mutable/recompute/tensor are the functions, not the submodules (common.seed stays the module:
# lightspore's own code imports it)
from .api import jit, jit_class, lazy_inline, no_inline  # noqa: E402
from .dtype import *  # noqa: E402,F403
from .dtype import __all__ as _dtype_all  # noqa: E402
from .jit_config import JitConfig  # noqa: E402
from .mutable import mutable  # noqa: E402
from .recompute import recompute  # noqa: E402
from .seed import (  # noqa: E402
    Generator,
    default_generator,
    get_rng_state,
    get_seed,
    initial_seed,
    manual_seed,
    set_rng_state,
    set_seed,
)
from .sparse_tensor import RowTensor  # noqa: E402
from .tensor import from_numpy, is_tensor, tensor  # noqa: E402

__all__ += [n for n in _dtype_all if n not in __all__] + [
    "jit", "JitConfig", "jit_class", "lazy_inline", "no_inline", "mutable", "recompute", "Generator",
    "default_generator",
    "get_rng_state", "get_seed", "initial_seed", "manual_seed", "set_rng_state", "set_seed", "RowTensor",
    "from_numpy", "is_tensor", "tensor"]

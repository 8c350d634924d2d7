"""``mindspore.ops.functional`` (``F``): the functional ops.

Every functional op of the table, plus the reference's other names at this path (``F.vmap``,
``F.identity``, ``F.make_range``, ``F.print_``...: the same objects as ``ops.xxx``), from the generated
mirror list in ``_functional_mirror``.
"""
from . import OPS as _OPS
from . import assign, assign_add, assign_sub, depend, grad, stop_gradient, value_and_grad  # noqa: F401
from ._functional_mirror import *  # noqa: F403
from .composite import partial  # noqa: F401

globals().update({k: v for k, v in _OPS.items() if not k.startswith("_")})

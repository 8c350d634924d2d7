"""Global seeding (``mindspore.set_seed`` / ``get_seed``) and the default random generator.

``set_seed(s)`` seeds every random source lightspore draws from: numpy's global RNG (as the reference
does; parameter initializers take their per-draw seed from it, like MindSpore's), Python's ``random``,
and torch's global generators (CPU and every CUDA device), which lightspore's random ops use.
Hooks registered with ``_register_seed_hook`` (e.g. the dataset module) are called with the seed too.

``manual_seed`` / ``initial_seed`` / ``seed`` / ``get_rng_state`` / ``set_rng_state`` act on
``default_generator``, a ``Generator`` wrapping torch's default CPU generator.
"""
from __future__ import annotations

import random as _pyrandom

import numpy as np
import torch

__all__ = ["set_seed", "get_seed", "Generator", "default_generator", "seed", "manual_seed",
           "initial_seed", "get_rng_state", "set_rng_state"]

DEFAULT_GRAPH_SEED = 87654321
_MAXINT32 = 2**31 - 1
_SEED_STEP = 3528531795 ^ 3449720151

_GLOBAL_SEED = None
_KERNEL_SEED = {}
_SEED_HOOKS = []
_INIT_GENERATORS = {}


def _register_seed_hook(fn):
    """Call ``fn(seed)`` whenever ``set_seed`` runs (used by modules with their own RNG)."""
    if fn not in _SEED_HOOKS:
        _SEED_HOOKS.append(fn)
    return fn


def set_seed(seed):
    """Set the global seed (numpy, Python ``random``, torch, initializers, registered hooks).

    Raises:
        TypeError: if ``seed`` is not an ``int`` (``bool`` included).
        ValueError: if ``seed`` is negative or not below 2**32.
    """
    if not isinstance(seed, int):
        raise TypeError(f"The argument 'seed' must be type of int, but got {type(seed)}.")
    if isinstance(seed, bool) or seed < 0:
        msg = (f"For 'global_seed', the 'seed' must be int and must >= 0, but got '{seed}' with type "
               f"'{type(seed).__name__}'.")
        raise TypeError(msg) if isinstance(seed, bool) else ValueError(msg)
    if seed > 2**32 - 1:
        raise ValueError(f"For 'set_seed', the 'seed' must be between 0 and 2**32 - 1, but got {seed}.")
    np.random.seed(seed)
    _pyrandom.seed(seed)
    torch.manual_seed(seed)
    for hook in _SEED_HOOKS:
        hook(seed)
    _reset_op_seed()
    global _GLOBAL_SEED
    _GLOBAL_SEED = seed


def get_seed():
    """The global seed given to ``set_seed``, or None if it was never set."""
    return _GLOBAL_SEED


# ---- the reference's graph/op seed bookkeeping (used by random ops with a `seed` argument) --------
def _truncate_seed(seed):
    return seed % _MAXINT32


def _reset_op_seed():
    for key in _KERNEL_SEED:
        _KERNEL_SEED[key] = key[1]


def _get_op_seed(op_seed, kernel_name):
    return _KERNEL_SEED.setdefault((kernel_name, op_seed), op_seed)


def _update_seeds(op_seed, kernel_name):
    if op_seed is not None:
        _KERNEL_SEED[(kernel_name, op_seed)] = _KERNEL_SEED.get((kernel_name, op_seed)) + _SEED_STEP


def _get_graph_seed(op_seed, kernel_name):
    """(global seed, op seed) for a random op, advancing the op seed; (0, 0) when neither is set."""
    global_seed = get_seed()
    if global_seed == 0:
        global_seed = DEFAULT_GRAPH_SEED
    elif global_seed is None:
        global_seed = 0
    if op_seed is None:
        op_seed = 0
    if global_seed == 0 and op_seed == 0:
        return 0, 0
    if not isinstance(op_seed, int) or isinstance(op_seed, bool) or op_seed < 0:
        raise ValueError(f"For '{kernel_name}', the 'seed' must be int and must >= 0, but got '{op_seed}'.")
    temp_seed = _get_op_seed(op_seed, kernel_name)
    seeds = _truncate_seed(global_seed), _truncate_seed(temp_seed)
    _update_seeds(op_seed, kernel_name)
    return seeds


# ---- generator used by the parameter initializers -----------------------------------------------
def _init_generator(device):
    """A torch.Generator on ``device``, freshly seeded from numpy's global RNG.

    The reference draws one 63-bit seed from ``np.random`` per initialisation; doing the same keeps
    ``set_seed`` / ``np.random.seed`` reproducibility and numpy's stream position as in MindSpore.
    """
    device = torch.device(device)
    g = _INIT_GENERATORS.get(device)
    if g is None:
        g = _INIT_GENERATORS[device] = torch.Generator(device=device)
    g.manual_seed(int(np.random.randint(low=1, high=(1 << 63), dtype=np.int64)))
    return g


# ---- Generator / default generator --------------------------------------------------------------
class Generator:
    """A random-number generator state (seed and position) for random functions.

    Wraps a ``torch.Generator`` (``to_torch()`` gives it); ``Generator()`` makes a new CPU one.
    """

    def __init__(self):
        self._gen = torch.Generator()
        self._seed = self._gen.initial_seed()

    @classmethod
    def _wrap(cls, torch_gen):
        self = object.__new__(cls)
        self._gen = torch_gen
        self._seed = torch_gen.initial_seed()
        return self

    def to_torch(self):
        """The underlying ``torch.Generator``."""
        return self._gen

    def set_state(self, state):
        """Restore a state returned by ``get_state``."""
        from .tensor import Tensor

        if isinstance(state, Tensor):
            state = state._t
        if not isinstance(state, torch.Tensor):
            raise TypeError(f"For 'Generator.set_state', 'state' must be a Tensor returned by get_state(), "
                            f"but got {type(state).__name__}.")
        self._gen.set_state(state.to(device="cpu", dtype=torch.uint8))
        self._seed = _signed_seed(self._gen.initial_seed())

    def get_state(self):
        """The generator state, a uint8 Tensor."""
        from .tensor import Tensor

        return Tensor._make(self._gen.get_state())

    def seed(self):
        """Seed the generator with a non-deterministic random number and return it."""
        s = self._gen.seed()
        self._seed = s
        return s

    def manual_seed(self, seed):
        """Set the seed (an int; negative values are accepted, as in the reference). Returns self."""
        if not isinstance(seed, int):
            raise TypeError("Seed must be an integer.")
        if not -(2**63) <= seed < 2**64:
            raise ValueError(f"For 'manual_seed', the 'seed' must fit in 64 bits, but got {seed}.")
        self._gen.manual_seed(int(seed))
        self._seed = int(seed)
        return self

    def initial_seed(self):
        """The seed the generator was last seeded with."""
        if _signed_seed(self._gen.initial_seed()) != _signed_seed(self._seed):
            self._seed = self._gen.initial_seed()  # reseeded through torch directly
        return self._seed


def _signed_seed(s):
    s &= (1 << 64) - 1
    return s - (1 << 64) if s >= (1 << 63) else s


default_generator = Generator._wrap(torch.default_generator)


def seed():
    """Seed the default generator with a non-deterministic random number and return it."""
    return default_generator.seed()


def manual_seed(seed):
    """Set the default generator's seed; returns the default generator."""
    return default_generator.manual_seed(seed)


def initial_seed():
    """The initial seed of the default generator."""
    return default_generator.initial_seed()


def get_rng_state():
    """The default generator's state (a uint8 Tensor)."""
    return default_generator.get_state()


def set_rng_state(state):
    """Restore the default generator's state from ``get_rng_state()``."""
    default_generator.set_state(state)

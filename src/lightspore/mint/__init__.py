"""``mindspore.mint``: PyTorch-style functions, from the same op table as ``ops``.

A mint function whose signature equals an op-table entry's is generated from that entry; the others
are generated from the renaming/PyTorch-style implementations in ``_impl``; the reference's overloaded
functions (``(*args, **kwargs)``) take PyTorch's overloads.
"""
from ..ops import _table
from ..ops._table import IMPLS as _IMPLS
from . import _impl

# same signature and semantics as the op-table entry of the same name
_SAME = (
    "abs acos acosh addbmm addmm addmv arange arccos arccosh arcsin arcsinh arctan arctan2 arctanh argmax "
    "asin asinh atan atan2 atanh bincount bitwise_and bitwise_or bitwise_xor broadcast_to ceil cos cosh cross "
    "cumprod divide dot dstack einsum erf erfc erfinv exp exp2 expm1 eye flip float_power floor full full_like "
    "gcd greater hstack inverse isclose isfinite isinf isneginf less less_equal log log10 log1p log2 logaddexp "
    "logaddexp2 logical_and logical_not logical_or logical_xor logsumexp masked_select matmul maximum minimum mm "
    "mul nan_to_num neg not_equal ones_like outer polar pow reciprocal reshape roll rsqrt "
    "searchsorted sigmoid sign sin sinc sinh square sum swapaxes tan tanh tile trace tril triu unbind "
    "unique_consecutive unsqueeze zeros_like").split()

# mint signature, implementation in _impl
_OWN = (
    "all amax amin argmin mean prod count_nonzero norm std var std_mean var_mean median cummax cummin cumsum "
    "allclose histc argsort sort topk baddbmm bmm mv cdist triangular_solve t cat concat stack chunk split diag "
    "diff flatten ravel gather index_select narrow permute transpose squeeze select take scatter scatter_add "
    "meshgrid clone negative eq ne gt lt le sqrt frac isnan softmax conv2d zeros rand randn rand_like randn_like "
    "randint randint_like randperm bernoulli multinomial normal batch_norm_stats batch_norm_elemt "
    "batch_norm_gather_stats_with_counts round nonzero vdot addr_ conv_tbc npu_gelu").split()
# public names of the reference's mint module that its documented list leaves out
_EXTRA = "addcmul equal item fix trunc linspace ones unique".split()

_SEQ = {"cat": ("tensors",), "concat": ("tensors",), "stack": ("tensors",), "dstack": ("tensors",),
        "hstack": ("tensors",)}
_OUT = {"allclose": "raw", "equal": "raw", "item": "raw", "unique": "any", "median": "any", "chunk": "tuple",
        "split": "tuple", "unbind": "tuple", "meshgrid": "tuple", "cummax": "tuple", "cummin": "tuple",
        "sort": "tuple", "topk": "tuple", "std_mean": "tuple", "var_mean": "tuple", "triangular_solve": "tuple",
        "batch_norm_stats": "tuple", "batch_norm_gather_stats_with_counts": "tuple", "nonzero": "any",
        "unique_consecutive": "any"}


def _make(name, impl):
    fn = _table._generate(name, impl, set(_SEQ.get(name, ())), _OUT.get(name, "tensor"), set())
    fn.__module__ = "lightspore.mint"
    return fn


_FUNCS = {}
for _n in _SAME:
    _FUNCS[_n] = _table.OPS[_n] if _n in _table.OPS else _make(_n, _IMPLS[_n])
for _n in _OWN + _EXTRA:
    _FUNCS[_n] = _make(_n, getattr(_impl, _n))
for _n, _f in _impl.OVERLOADS.items():
    _FUNCS[_n] = _impl.overload(_n, _f)
# the binary ops whose mint form differs from the functional one (ops/_promote.py)
_FUNCS.update(_table.MINT)

globals().update(_FUNCS)

from . import distributed, nn, optim  # noqa: E402

__all__ = sorted(_FUNCS) + ["nn", "optim"]

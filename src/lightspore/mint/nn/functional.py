"""``mindspore.mint.nn.functional``: PyTorch-style neural-network functions."""
from ...ops import _table
from . import _fimpl

_NAMES = (
    "adaptive_avg_pool1d adaptive_avg_pool2d adaptive_avg_pool3d adaptive_max_pool1d adaptive_max_pool2d "
    "avg_pool1d avg_pool2d avg_pool3d batch_norm binary_cross_entropy binary_cross_entropy_with_logits conv1d "
    "conv2d conv3d conv_transpose2d cross_entropy dropout dropout2d elu elu_ embedding flatten fold glu "
    "grid_sample group_norm hardtanh hardtanh_ interpolate kl_div layer_norm leaky_relu linear log_softmax "
    "logsigmoid max_pool2d max_unpool2d mse_loss nll_loss normalize one_hot pad pixel_shuffle prelu relu relu6 "
    "relu_ sigmoid sigmoid_ silu soft_margin_loss softmax tanh threshold threshold_ unfold upsample").split()
# public names of the reference's mint.nn.functional that its documented list leaves out
_EXTRA = "hardshrink hardsigmoid hardswish l1_loss mish selu smooth_l1_loss softplus softshrink".split()
# added by MindSpore 2.10
_V2_10 = ["cosine_embedding_loss"]
# the reference's overloaded ``(*args, **kwargs)`` functions
_OVERLOADED = {"conv1d", "conv3d", "gelu", "pixel_shuffle"}
_OUT = {"max_pool2d": "any", "adaptive_max_pool1d": "any", "adaptive_max_pool2d": "any"}


def _overloaded(name, impl):
    inner = _table._generate(name, impl, set(), "tensor", set())

    def fn(*args, **kwargs):
        return inner(*args, **kwargs)
    fn.__name__ = fn.__qualname__ = name
    fn.__module__ = "lightspore.mint.nn.functional"
    fn.__doc__ = impl.__doc__
    return fn


_FUNCS = {}
for _n in _NAMES + _EXTRA + _V2_10 + ["gelu"]:
    _impl = getattr(_fimpl, _n)
    if _n in _OVERLOADED:
        _FUNCS[_n] = _overloaded(_n, _impl)
    else:
        _f = _table._generate(_n, _impl, set(), _OUT.get(_n, "tensor"), set())
        _f.__module__ = "lightspore.mint.nn.functional"
        _FUNCS[_n] = _f
globals().update(_FUNCS)

__all__ = sorted(_FUNCS)

"""exp/log that accept any input (ints become float32) and the broadcast helper of the distributions."""
import torch

from .utils import CheckTensor, _t, _wrap


def _float(t):
    return t if t.is_floating_point() else t.to(torch.float32)


def _exp(t):
    return torch.exp(_float(t))


def _log(t):
    # log(0) = -inf and log(x < 0) = nan, as the reference's select-based log gives
    return torch.log(_float(t))


def exp_generic(input_x):
    """exp, casting a non-float input to float32 first."""
    return _wrap(_exp(_t(input_x)))


def log_generic(input_x):
    """log, -inf at 0 and nan below 0, casting a non-float input to float32 first."""
    return _wrap(_log(_t(input_x)))


def log_generic_with_check(x):
    """log_generic of a Tensor (TypeError for anything else)."""
    CheckTensor()(x, "the input of log_generic")
    return log_generic(x)


def log1p_generic(x):
    """log(x + 1) with log_generic's edge values."""
    return _wrap(_log(_t(x) + 1.0))


def broadcast_to(x, target):
    """``x`` broadcast to the shape of ``target``."""
    xt, tt = _t(x), _t(target)
    if xt.shape == tt.shape:
        return x
    return _wrap(torch.broadcast_to(xt, tt.shape))

"""exp/log that accept any input (ints become float32) and the broadcast helper of the distributions."""
import torch

from .utils import CheckTensor, _t, _wrap


def _float(t):
    return t if t.is_floating_point() else t.to(torch.float32)


def _exp(t):
    return torch.exp(_float(t))


def _log(t):
    """log with the reference's selects: -inf at 0 and nan below 0 as constants, so the gradient there is the
    reference's too (0 below zero, nan at zero)."""
    t = _float(t)
    out = torch.where(t <= 0, torch.full_like(t, -float('inf')), torch.log(t))
    return torch.where(t < 0, torch.full_like(t, float('nan')), out)


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


class _IGamma(torch.autograd.Function):
    """The regularized lower incomplete gamma P(a, x) with gradients in both arguments (torch's
    ``special.gammainc`` has none in ``a``): d/dx is the gamma density, d/da a central difference in float64."""

    @staticmethod
    def forward(ctx, a, x):
        ctx.save_for_backward(a, x)
        return torch.special.gammainc(a, x)

    @staticmethod
    def backward(ctx, grad):
        a, x = ctx.saved_tensors
        ga = gx = None
        if ctx.needs_input_grad[0]:
            a64, x64 = a.double(), x.double()
            h = 1e-5 * torch.clamp(a64, min=1.0)
            da = (torch.special.gammainc(a64 + h, x64) - torch.special.gammainc(a64 - h, x64)) / (2 * h)
            ga = (grad * da.to(a.dtype))
        if ctx.needs_input_grad[1]:
            dens = torch.exp((a - 1) * torch.log(x) - x - torch.lgamma(a))
            gx = grad * torch.where(x > 0, dens, torch.zeros_like(dens))
        return ga, gx


def _igamma(a, x):
    """P(a, x) broadcast, differentiable in ``a`` and ``x``."""
    a, x = torch.broadcast_tensors(a, x)
    return _IGamma.apply(a, x)

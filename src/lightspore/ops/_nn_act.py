"""Activation functionals (and their primitive classes) beyond the basic ones of ``_nn``."""
from __future__ import annotations

import torch
import torch.nn.functional as F

from ..common import dtype as mstype
from ._args import attr_prim
from ._nn_rt import RefRuntimeError, rt_op
from ._samples import ACT, A, Prop, S, f32, i32
from ._table import OPS, method, op


def _float_only(x, where):
    if not x.is_floating_point():
        raise TypeError(f"For '{where}', the dtype of the input must be float16, float32 or float64, but got "
                        f"{mstype.from_torch(x.dtype)}.")


_SELU_SCALE = 1.0507009873554805


class _Selu(torch.autograd.Function):
    """SELU with the reference's gradient: ``scale`` for x > 0, ``scale * (y + 1)`` elsewhere (y = the output)."""

    @staticmethod
    def forward(ctx, x):
        y = F.selu(x)
        ctx.save_for_backward(x, y)
        return y

    @staticmethod
    def backward(ctx, g):
        x, y = ctx.saved_tensors
        return g * torch.where(x > 0, torch.full_like(y, _SELU_SCALE), _SELU_SCALE * (y + 1))


@op(prim="SeLU", samples=ACT)
def selu(input_x):
    if not input_x.is_floating_point():      # integer kernels: the scale truncates to 1, negatives give 0
        return torch.where(input_x > 0, input_x, torch.zeros_like(input_x))
    return _Selu.apply(input_x)


@op(samples=ACT)
def celu(x, alpha=1.0):
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)):
        raise TypeError(f"For 'celu', 'alpha' must be a float, but got {type(alpha).__name__}.")
    if alpha == 0:
        raise ValueError("For 'celu', 'alpha' must not be 0.")
    _float_only(x, "celu")
    return F.celu(x, alpha)


attr_prim("CeLU", celu, {"alpha": 1.0})


@op(samples=ACT + (S(f32(2, 3), -0.5, 0.5),))
def hardtanh(input, min_val=-1.0, max_val=1.0):
    return torch.clamp(input, min_val, max_val).to(input.dtype)


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 0)))
def softmin(x, axis=-1, *, dtype=None):
    if dtype is not None:
        x = x.to(mstype.to_torch(dtype))
    return torch.softmax(-x, axis)


@op(samples=ACT)
def logsigmoid(x):
    _float_only(x, "logsigmoid")
    return F.logsigmoid(x)


@op(prim="Softsign", samples=ACT)
def softsign(x):
    _float_only(x, "softsign")
    return F.softsign(x)


@rt_op(samples=(S(f32(2, 3)), S(f32(2, 3), 1.0)))
def softshrink(input, lambd=0.5):
    _check_lambd(lambd, "softshrink")
    _half_single_only(input, "softshrink")
    return F.softshrink(input, lambd)


@rt_op(method="soft_shrink", samples=ACT + (S(f32(4), 1.0), S(i32(3)), S(f32(3), -1.0)))
def soft_shrink(input, lambd=0.5):
    _check_lambd(lambd, "soft_shrink")
    _half_single_only(input, "soft_shrink")
    return F.softshrink(input, lambd)


attr_prim("SoftShrink", softshrink, {"lambd": 0.5})


_HALF_SINGLE = (torch.float16, torch.bfloat16, torch.float32)


def _half_single_only(x, where):
    if x.dtype not in _HALF_SINGLE:
        raise TypeError(f"For '{where}', the input must be one of {{BFloat16, Float16, Float32}}, but got "
                        f"{mstype.from_torch(x.dtype)}.")


def _check_lambd(lambd, where):
    if isinstance(lambd, bool) or not isinstance(lambd, (int, float)):
        raise TypeError(f"For '{where}', 'lambd' must be a float, but got {type(lambd).__name__}.")
    if lambd < 0:
        raise RefRuntimeError(f"For '{where}', 'lambd' must be greater or equal to 0, but got {lambd}.")


@rt_op(samples=(S(f32(2, 3)), S(f32(2, 3), 1.0)))
def hardshrink(input, lambd=0.5):
    _check_lambd(lambd, "hardshrink")
    _half_single_only(input, "hardshrink")
    return F.hardshrink(input, lambd)


attr_prim("HShrink", hardshrink, {"lambd": 0.5})


@method("hardshrink")
def _hardshrink_method(self, lambd=0.5):
    return hardshrink(self, lambd)


@op(samples=ACT)
def tanhshrink(input):
    return input - torch.tanh(input)


@op(samples=(S(f32(2, 3), 0.5, -1.0),))
def threshold(input, thr, value):
    return torch.where(input > thr, input, torch.as_tensor(value, dtype=input.dtype, device=input.device))


@op(samples=(S(f32(2, 4)), S(f32(4, 2), 0)))
def glu(x, axis=-1):
    return F.glu(x, axis)


attr_prim("GLU", glu, {"axis": -1})


@op(prim="PReLU", samples=(S(f32(2, 3, 2), A((3,), 'float32', 0, 0.5)),))
def prelu(input, weight):
    if input.dtype not in (torch.float16, torch.float32):
        raise TypeError(f"For 'prelu', the input must be float16 or float32, but got {mstype.from_torch(input.dtype)}.")
    return F.prelu(input, weight)


@op(samples=(Prop("rrelu", f32(2, 3)), Prop("rrelu", f32(8), 0.2, 0.5), S(i32(3)), S(i32(3), 1, 2), S(f32(3), 0.5, 0.2),
             S(f32(3), "0.1")))    # slopes are random (an integer input truncates them: fixed)
def rrelu(input, lower=1.0 / 8, upper=1.0 / 3):
    for arg, v in (("upper", upper), ("lower", lower)):
        if not isinstance(v, (float, int)):
            raise TypeError(f"For 'rrelu', '{arg}' must be an int or a float, but got {type(v)}")
    if lower > upper:
        raise ValueError(f"For 'rrelu', the value of 'upper' must be greater than or equal to 'lower', but got upper: "
                         f"{upper}, lower: {lower}. ")
    if input.is_floating_point():
        return F.rrelu(input, lower, upper, training=True)
    # the reference draws float32 slopes and casts them to the input's dtype: an integer input truncates them
    slope = torch.empty(input.shape, device=input.device).uniform_(lower, upper).to(input.dtype)
    return torch.where(input < 0, input * slope, input)


def _fast_gelu(x):
    a = torch.abs(x)
    return x / (1 + torch.exp(-1.702 * a)) * torch.exp(0.851 * (x - a))


@op(prim="FastGeLU", samples=ACT)
def fast_gelu(x):
    if x.dtype not in (torch.float16, torch.float32):
        raise TypeError(f"For 'FastGeLU', input[0] type should be float16 or float32. but got "
                        f"{mstype.from_torch(x.dtype)}")
    return _fast_gelu(x)


attr_prim("FastGelu", fast_gelu, {})
attr_prim("Gelu", lambda x: OPS["gelu"](x, "tanh"), {})
attr_prim("GeLU", lambda x: OPS["gelu"](x, "tanh"), {})
attr_prim("Elu", lambda x, alpha: OPS["elu"](x, alpha), {"alpha": 1.0})
attr_prim("Softplus", OPS["softplus"], {})


@op(samples=(S(f32(1, 4, 2, 2)), S(f32(1, 4, 2, 2), 2, 1.0, 0.5, 0.75)))
def lrn(x, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
    if norm_region != "ACROSS_CHANNELS":
        raise ValueError(f"For 'lrn', 'norm_region' must be 'ACROSS_CHANNELS', but got {norm_region!r}.")
    if x.dtype not in (torch.float16, torch.float32):
        raise TypeError(f"For 'lrn', the input must be float16 or float32, but got {mstype.from_torch(x.dtype)}.")
    half = x.dtype == torch.float16                  # no CPU half kernel for the window sum: float32 inside
    if half:
        x = x.float()
    sq = torch.square(x).unsqueeze(1)                 # (N, 1, C, H, W): sum over a window of channels
    sq = F.pad(sq, (0, 0, 0, 0, depth_radius, depth_radius))
    s = F.avg_pool3d(sq, (2 * depth_radius + 1, 1, 1), stride=1).squeeze(1) * (2 * depth_radius + 1)
    out = x / torch.pow(bias + alpha * s, beta)
    return out.half() if half else out


attr_prim("LRN", lrn, {"depth_radius": 5, "bias": 1.0, "alpha": 1.0, "beta": 0.5, "norm_region": "ACROSS_CHANNELS"})


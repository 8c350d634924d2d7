"""Normalization functionals, distance functionals and the losses beyond the basic ones of ``_nn``."""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from ..common.tensor import Tensor
from ._args import attr_prim
from ._nn import _only, _reduce
from ._samples import S, V, f16, f32, pos
from ._table import OPS, SPECS, op, unwrap

_REDUCTIONS = ("none", "mean", "sum")


def _check_reduction(reduction, where):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"For '{where}', 'reduction' must be one of {list(_REDUCTIONS)}, but got {reduction!r}.")


# ---------------------------------------------------------------------------------------------
# normalization
# ---------------------------------------------------------------------------------------------
@op(samples=(S(f32(2, 3), (3,)), S(f32(2, 3), (3,), pos(3), f32(3, seed=1))))
def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    return F.layer_norm(input, tuple(normalized_shape), weight, bias, eps)


@op(samples=(S(f32(2, 3), f32(3), pos(3), pos(3, seed=1), f32(3, seed=2)),
             S(f32(2, 3, 2), f32(3), pos(3), pos(3, seed=1), f32(3, seed=2), True)))
def batch_norm(input_x, running_mean, running_var, weight, bias, training=False, momentum=0.1, eps=1e-05):
    if not isinstance(training, bool):
        raise TypeError(f"For 'batch_norm', 'training' must be a bool, but got {type(training).__name__}.")
    _only(input_x, "batch_norm", (torch.float16, torch.float32))
    return F.batch_norm(input_x, running_mean, running_var, weight, bias, training, momentum, eps)


@op(samples=(S(f32(2, 4, 3), 2), S(f32(2, 4, 3), 2, pos(4), f32(4, seed=1))))
def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):
    if isinstance(num_groups, bool) or not isinstance(num_groups, int):
        raise TypeError(f"For 'group_norm', 'num_groups' must be an int, but got {type(num_groups).__name__}.")
    if num_groups <= 0 or input.shape[1] % num_groups:
        raise ValueError(f"For 'group_norm', 'num_groups' must be positive and divide the channels "
                         f"{input.shape[1]}, but got {num_groups}.")
    return F.group_norm(input, num_groups, weight, bias, eps)


def _layer_norm_prim(self, x, gamma, beta):
    t, g, b = unwrap(x), unwrap(gamma), unwrap(beta)
    axis = self.begin_norm_axis % t.dim()
    dims = tuple(range(axis, t.dim()))
    mean = t.mean(dims, keepdim=True)
    var = t.var(dims, unbiased=False, keepdim=True)
    y = (t - mean) * torch.rsqrt(var + self.epsilon)
    pax = self.begin_params_axis % t.dim()
    shape = (1,) * pax + tuple(g.shape)
    y = y * g.reshape(shape) + b.reshape(shape)
    return Tensor._make(y), Tensor._make(mean), Tensor._make(var)


attr_prim("LayerNorm", None, {"begin_norm_axis": 1, "begin_params_axis": 1, "epsilon": 1e-07},
          call=_layer_norm_prim)


def _batch_norm_prim(self, x, scale, bias, mean, variance):
    t = unwrap(x)
    if self.data_format == "NHWC":
        t = t.movedim(-1, 1)
    s, b, m, v = unwrap(scale), unwrap(bias), unwrap(mean), unwrap(variance)
    if self.is_training:
        dims = [0] + list(range(2, t.dim()))
        bm = t.mean(dims)
        bv = t.var(dims, unbiased=False)
        y = F.batch_norm(t, None, None, s, b, True, 0.0, self.epsilon)
        n = t.numel() // t.shape[1]
        with torch.no_grad():
            m.mul_(1 - self.momentum).add_(bm * self.momentum)
            v.mul_(1 - self.momentum).add_(bv * (n / max(n - 1, 1)) * self.momentum)
        outs = (y, m.clone(), v.clone(), bm, bv)
    else:
        y = F.batch_norm(t, m, v, s, b, False, 0.0, self.epsilon)
        outs = (y, m.clone(), v.clone(), m.clone(), v.clone())
    if self.data_format == "NHWC":
        outs = (outs[0].movedim(1, -1),) + outs[1:]
    return tuple(Tensor._make(o) for o in outs)


attr_prim("BatchNorm", None, {"is_training": False, "epsilon": 1e-05, "momentum": 0.1, "data_format": "NCHW"},
          call=_batch_norm_prim)


def _l2_normalize(self, x):
    t = unwrap(x)
    axis = self.axis
    if isinstance(axis, (tuple, list)):
        if len(axis) != 1:
            raise TypeError(f"For 'L2Normalize', the length of 'axis' must be 1, but got {len(axis)}.")
        axis = axis[0]
    n = torch.sum(t * t, dim=axis, keepdim=True)
    return Tensor._make(t / torch.sqrt(torch.clamp(n, min=self.epsilon)))


attr_prim("L2Normalize", None, {"axis": 0, "epsilon": 1e-4}, call=_l2_normalize)


# ---------------------------------------------------------------------------------------------
# distances
# ---------------------------------------------------------------------------------------------
@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(2, 3, seed=1), 0)))
def cosine_similarity(x1, x2, dim=1, eps=1e-08):
    _only(x1, "cosine_similarity", (torch.float16, torch.float32))
    return F.cosine_similarity(x1, x2, dim, eps)


@op(prim=None, samples=(S(f32(4, 3)),))
def pdist(input, p=2.0):
    if p < 0:
        raise ValueError(f"For 'pdist', 'p' must be non-negative, but got {p}.")
    if input.dim() != 2:
        raise ValueError(f"For 'pdist', the input must be 2-D, but got {input.dim()}-D.")
    if input.dtype in (torch.float16, torch.bfloat16):      # no half kernel on CPU: compute in float32
        return F.pdist(input.float(), p).to(input.dtype)
    return F.pdist(input, p)


attr_prim("Pdist", lambda x, p: OPS["pdist"](x, p), {"p": 2.0})


@op(samples=(S(f32(2, 3), f32(2, 4, seed=1), f32(5, 3, 4, seed=2)),
             S(f32(2, 3), f32(2, 4, seed=1), f32(5, 3, 4, seed=2), f32(5, seed=3))))
def bidense(input1, input2, weight, bias=None):
    return F.bilinear(input1, input2, weight, bias)


# ---------------------------------------------------------------------------------------------
# losses
# ---------------------------------------------------------------------------------------------
@op(samples=(S(f32(2, 3), f32(2, 3, seed=1), V([1, -1], 'int32')),))
def cosine_embedding_loss(input1, input2, target, margin=0.0, reduction="mean"):
    _check_reduction(reduction, "cosine_embedding_loss")
    if not -1 <= margin <= 1:
        raise ValueError(f"For 'cosine_embedding_loss', 'margin' must be in range [-1, 1], but got {margin}.")
    return F.cosine_embedding_loss(input1, input2, target, margin, reduction=reduction)


@op(samples=(S(f32(3), f32(3, seed=1), V([1.0, -1.0, 1.0])),))
def margin_ranking_loss(input1, input2, target, margin=0.0, reduction="mean"):
    _check_reduction(reduction, "margin_ranking_loss")
    return F.margin_ranking_loss(input1, input2, target, margin, reduction=reduction)


@op(samples=(S(f32(2, 3), V([[1.0, -1.0, 1.0], [-1.0, 1.0, 1.0]])),))
def soft_margin_loss(input, target, reduction="mean"):
    _check_reduction(reduction, "soft_margin_loss")
    return F.soft_margin_loss(input, target, reduction=reduction)


attr_prim("SoftMarginLoss", lambda x, y, reduction: OPS["soft_margin_loss"](x, y, reduction), {"reduction": "mean"})


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1), f32(2, 3, seed=2)),))
def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False, reduction="mean"):
    _check_reduction(reduction, "triplet_margin_loss")
    return F.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap, reduction=reduction)


def _triplet_prim(self, x, positive, negative, margin):
    m = unwrap(margin)
    m = m.item() if isinstance(m, torch.Tensor) else m
    return OPS["triplet_margin_loss"](x, positive, negative, m, self.p, self.eps, self.swap, self.reduction)


attr_prim("TripletMarginLoss", None, {"p": 2, "swap": False, "eps": 1e-06, "reduction": "mean"}, call=_triplet_prim)


@op(samples=(S(f32(2, 3), V([[1.0, -1.0, 1.0], [-1.0, 1.0, 1.0]])),))
def hinge_embedding_loss(inputs, targets, margin=1.0, reduction="mean"):
    _check_reduction(reduction, "hinge_embedding_loss")
    if isinstance(margin, bool) or not isinstance(margin, (int, float)):
        raise TypeError(f"For 'hinge_embedding_loss', 'margin' must be a float, but got {type(margin).__name__}.")
    return F.hinge_embedding_loss(inputs, targets, float(margin), reduction=reduction)


@op(samples=(S(f32(3, 4), V([0, 3, 1], 'int64')),))
def multi_margin_loss(input, target, p=1, margin=1, weight=None, reduction="mean"):
    _check_reduction(reduction, "multi_margin_loss")
    if p not in (1, 2):
        raise ValueError(f"For 'multi_margin_loss', 'p' must be 1 or 2, but got {p}.")
    if isinstance(margin, bool) or not isinstance(margin, int):
        raise TypeError(f"For 'multi_margin_loss', the type of 'margin' must be int, but got {type(margin)}.")
    return _multi_margin(input, target, p, margin, weight, reduction)


def _multi_margin(x, target, p, margin, weight, reduction):
    if target.dtype != torch.int64:
        raise TypeError("For primitive[MultiMarginLoss], the input argument[target] must be a type of "
                        "{Tensor[Int64]}.")
    return F.multi_margin_loss(x, target, p, margin, weight, reduction=reduction)


def _multi_margin_prim(self, x, target, weight=None):
    _check_reduction(self.reduction, "MultiMarginLoss")
    return Tensor._make(_multi_margin(unwrap(x), unwrap(target), self.p, self.margin, unwrap(weight),
                                      self.reduction))


attr_prim("MultiMarginLoss", None, {"p": 1, "margin": 1.0, "reduction": "mean"}, call=_multi_margin_prim)


@op(samples=(S(f32(2, 4), V([[3, 0, -1, 1], [0, 1, 2, 3]], 'int32')),))
def multilabel_margin_loss(input, target, reduction="mean"):
    _check_reduction(reduction, "multilabel_margin_loss")
    return F.multilabel_margin_loss(input, target.long(), reduction=reduction)


def _multilabel_margin_prim(self, x, target):
    t = unwrap(target).long()
    loss = OPS["multilabel_margin_loss"](x, target, self.reduction)
    valid = torch.cumprod((t >= 0).long(), -1).bool()
    is_target = torch.zeros_like(t)
    safe = torch.where(valid, t, torch.zeros_like(t))
    is_target.scatter_(-1, safe, valid.long())
    return loss, Tensor._make(is_target.to(unwrap(target).dtype))


attr_prim("MultilabelMarginLoss", None, {"reduction": "mean"}, call=_multilabel_margin_prim)


@op(samples=(S(f32(2, 3), V([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])),))
def multilabel_soft_margin_loss(input, target, weight=None, reduction="mean"):
    _check_reduction(reduction, "multilabel_soft_margin_loss")
    return F.multilabel_soft_margin_loss(input, target, weight, reduction=reduction)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1), pos(2, 3)),))
def gaussian_nll_loss(x, target, var, full=False, eps=1e-06, reduction="mean"):
    _check_reduction(reduction, "gaussian_nll_loss")
    if not isinstance(full, bool):
        raise TypeError(f"For 'gaussian_nll_loss', 'full' must be a bool, but got {type(full).__name__}.")
    if isinstance(eps, bool) or not isinstance(eps, float) or eps <= 0:
        raise ValueError(f"For 'gaussian_nll_loss', 'eps' must be a positive float, but got {eps!r}.")
    v = torch.clamp(var, min=eps)
    loss = 0.5 * (torch.log(v) + torch.square(x - target) / v)
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return _reduce(loss, reduction)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(2, 3, seed=1), 'none', 0.5)))
def huber_loss(input, target, reduction="mean", delta=1.0):
    _check_reduction(reduction, "huber_loss")
    if isinstance(delta, bool) or not isinstance(delta, (int, float)):
        raise TypeError(f"For 'huber_loss', 'delta' must be a float, but got {type(delta).__name__}.")
    if delta <= 0:
        raise ValueError(f"For 'huber_loss', 'delta' must be positive, but got {delta}.")
    return F.huber_loss(input, target, reduction=reduction, delta=float(delta))


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(2, 3, seed=1), 'sum')))
def mse_loss_ext(input, target, reduction="mean"):
    _check_reduction(reduction, "mse_loss_ext")
    return F.mse_loss(input, target, reduction=reduction)


# (T, N, C) logits, two targets of lengths 2 and 1
_CTC = (f32(5, 2, 4), V([[1, 2], [3, 3]], "int32"), V([5, 4], "int32"), V([2, 1], "int32"))


@op(out="tuple", samples=(S(*_CTC), S(*_CTC, 0, "none"), S(*_CTC, 3, "sum"),
                          S(f32(3, 1, 3), V([[1, 2, 1]], "int32"), V([3], "int32"), V([3], "int32"), 0, "none", True)))
def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="mean", zero_infinity=False):
    _check_reduction(reduction, "ctc_loss")
    tg, il, tl = targets.long(), input_lengths.long(), target_lengths.long()
    loss = F.ctc_loss(log_probs, tg, il, tl, blank, "none", False)
    if zero_infinity:      # the reference keeps the infinite losses and zeroes only their gradients
        finite = F.ctc_loss(log_probs, tg, il, tl, blank, "none", True)
        loss = finite + (loss - finite).detach()
    if reduction == "mean":
        loss = (loss / tl.clamp(min=1).to(loss.dtype)).mean()
    elif reduction == "sum":
        loss = loss.sum()
    with torch.no_grad():
        log_alpha = _ctc_log_alpha(log_probs.detach(), tg, il, tl, blank)
    return loss, log_alpha


def _ctc_log_alpha(lp, tg, il, tl, blank):
    """(N, T, 2S+1) forward variables of CTC in log space (-inf where unreachable or past a length)."""
    t_max, n, _ = lp.shape
    s_ext = 2 * tg.shape[1] + 1
    ext = torch.full((n, s_ext), blank, dtype=torch.long, device=lp.device)
    ext[:, 1::2] = tg
    states = torch.arange(s_ext, device=lp.device)
    valid = states[None, :] < (2 * tl + 1)[:, None]
    skip = torch.zeros((n, s_ext), dtype=torch.bool, device=lp.device)
    skip[:, 2:] = (ext[:, 2:] != blank) & (ext[:, 2:] != ext[:, :-2])
    neg = torch.tensor(-math.inf, dtype=lp.dtype, device=lp.device)
    emit = lp.permute(1, 0, 2).gather(2, ext[:, None, :].expand(n, t_max, s_ext))   # (N, T, S')
    out = torch.full((n, t_max, s_ext), -math.inf, dtype=lp.dtype, device=lp.device)
    a = torch.full((n, s_ext), -math.inf, dtype=lp.dtype, device=lp.device)
    a[:, 0] = emit[:, 0, 0]
    if s_ext > 1:
        a[:, 1] = emit[:, 0, 1]
    a = torch.where(valid, a, neg)
    out[:, 0] = torch.where((il > 0)[:, None], a, neg)
    for t in range(1, t_max):
        prev1 = torch.cat([torch.full_like(a[:, :1], -math.inf), a[:, :-1]], 1)
        prev2 = torch.cat([torch.full_like(a[:, :2], -math.inf), a[:, :-2]], 1)
        prev2 = torch.where(skip, prev2, neg)
        a = torch.logsumexp(torch.stack([a, prev1, prev2]), 0) + emit[:, t]
        a = torch.where(valid, a, neg)
        out[:, t] = torch.where((il > t)[:, None], a, neg)
    return out


attr_prim("L2Loss", lambda x: OPS["_l2_loss"](x), {})


@op(name="_l2_loss", samples=(S(f32(2, 3)), S(f16(4)), S(f32())))
def _l2_loss(x):
    return torch.sum(torch.square(x)) / 2


SPECS["_l2_loss"].prim = "L2Loss"     # the reference has no ops._l2_loss: its primitive is the form compared


attr_prim("SmoothL1Loss", None, {"beta": 1.0, "reduction": "none"},
          call=lambda self, x, y: OPS["smooth_l1_loss"](x, y, self.beta, self.reduction))
attr_prim("KLDivLoss", None, {"reduction": "mean"}, call=lambda self, x, y: OPS["kl_div"](x, y, self.reduction))
attr_prim("BinaryCrossEntropy", None, {"reduction": "mean"},
          call=lambda self, x, y, weight=None: OPS["binary_cross_entropy"](x, y, weight, self.reduction))
attr_prim("BCEWithLogitsLoss", None, {"reduction": "mean"},
          call=lambda self, x, y, weight=None, pos_weight=None: OPS["binary_cross_entropy_with_logits"](
              x, y, weight, pos_weight, self.reduction))


def _nll_prim(self, x, target, weight):
    t, w = unwrap(x), unwrap(weight)
    tg = unwrap(target).long()
    loss = OPS["nll_loss"](x, target, weight, self.ignore_index, self.reduction)
    valid = tg != self.ignore_index
    total = torch.where(valid, w[torch.where(valid, tg, torch.zeros_like(tg))], torch.zeros((), dtype=t.dtype)).sum()
    return loss, Tensor._make(total)


attr_prim("NLLLoss", None, {"reduction": "mean", "ignore_index": -100}, call=_nll_prim)


def _sigmoid_ce(self, x, y):
    return Tensor._make(F.binary_cross_entropy_with_logits(unwrap(x), unwrap(y), reduction="none"))


attr_prim("SigmoidCrossEntropyWithLogits", None, {}, call=_sigmoid_ce)

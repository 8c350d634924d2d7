"""More losses of ``mindspore.nn``: L1LossExt, MultilabelMarginLoss, TripletMarginLoss (torch's kernels; the
reference computes the same formulas) and SampledSoftmaxLoss."""
import math

import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common.tensor import Tensor
from .loss import LossBase, _check_reduction, _tensor

__all__ = ["L1LossExt", "MultilabelMarginLoss", "TripletMarginLoss", "SampledSoftmaxLoss"]


class L1LossExt(LossBase):
    """``|logits - labels|`` (broadcasting) reduced by ``reduction`` ('mean', 'sum' or 'none')."""

    def __init__(self, reduction='mean'):
        super().__init__(reduction)
        self.reduction = reduction

    def construct(self, logits, labels):
        a, b = _tensor(logits, "logits", "L1LossExt"), _tensor(labels, "labels", "L1LossExt")
        try:
            a, b = torch.broadcast_tensors(a, b)
        except RuntimeError:
            raise ValueError(f"For 'L1LossExt', the shapes of 'logits' {tuple(a.shape)} and 'labels' "
                             f"{tuple(b.shape)} can not broadcast.") from None
        return Tensor._make(F.l1_loss(a, b, reduction=self.reduction))


class MultilabelMarginLoss(LossBase):
    """Multi-label hinge loss: for each sample, ``sum_{j in targets, i not in targets} max(0, 1 - (x[j] - x[i]))
    / C``; ``target`` holds the class indices of the sample, ended by the first -1."""

    def __init__(self, reduction='mean'):
        super().__init__()
        validator.check_string(reduction, ["none", "sum", "mean"], "reduction", "MultilabelMarginLoss")
        self.reduction = reduction

    def construct(self, x, target):
        name = "MultilabelMarginLoss"
        t, y = _tensor(x, "x", name), _tensor(target, "target", name)
        if y.dtype != torch.int32 and y.dtype != torch.int64:
            raise TypeError(f"For '{name}', the 'target' must be an int32 tensor, but got {y.dtype}.")
        if t.dim() not in (1, 2) or tuple(y.shape) != tuple(t.shape):
            raise ValueError(f"For '{name}', 'x' must be 1-D or 2-D and 'target' must have its shape, but got "
                             f"{tuple(t.shape)} and {tuple(y.shape)}.")
        return Tensor._make(F.multilabel_margin_loss(t, y.long(), reduction=self.reduction))


class TripletMarginLoss(LossBase):
    """``max(d(x, positive) - d(x, negative) + margin, 0)`` with the p-norm distance ``d`` (``eps`` added to the
    differences); ``swap`` uses ``min(d(x, negative), d(positive, negative))``."""

    def __init__(self, p=2, swap=False, eps=1e-06, reduction="mean", margin=1.):
        super().__init__()
        self.p = p
        self.swap = swap
        self.eps = eps
        self.reduction = reduction
        self.margin = margin

    def construct(self, x, positive, negative, margin=1.):
        name = "TripletMarginLoss"
        a, p, n = _tensor(x, "x", name), _tensor(positive, "positive", name), _tensor(negative, "negative", name)
        if self.margin != 1.0:
            margin = self.margin
        if isinstance(margin, Tensor):
            margin = float(margin._t)
        _check_reduction(self.reduction, name)
        if isinstance(self.swap, bool) is False:
            raise TypeError(f"For '{name}', the type of 'swap' must be bool, but got {type(self.swap).__name__}.")
        try:
            out = F.triplet_margin_loss(a, p, n, margin=margin, p=self.p, eps=self.eps, swap=self.swap,
                                        reduction=self.reduction)
        except RuntimeError as e:
            raise ValueError(f"For '{name}', {str(e).splitlines()[0]}") from None
        return Tensor._make(out)


class SampledSoftmaxLoss(LossBase):
    """Softmax cross entropy over the true classes and ``num_sampled`` sampled classes, the logits of each
    corrected by ``-log(expected count)``; the per-example loss (shape (batch,)) is returned whatever
    ``reduction`` says, as in the reference. ``sampled_values`` = (sampled candidates, true expected counts,
    sampled expected counts) fixes the sample; otherwise unique classes are drawn uniformly (the true classes
    left out when ``remove_accidental_hits``) and the expected counts are ``1 - (1 - 1/num_classes)**tries``."""

    def __init__(self, num_sampled, num_classes, num_true=1, sampled_values=None, remove_accidental_hits=True,
                 seed=0, reduction='none'):
        super().__init__(reduction)
        name = "SampledSoftmaxLoss"
        if num_true < 1:
            raise ValueError(f"For '{name}', the 'num_true' must be greater than or equal to 1, but got {num_true}.")
        if seed < 0:
            raise ValueError(f"For '{name}', the 'seed' must be greater than or equal to 0, but got {seed}.")
        if num_sampled > num_classes:
            raise ValueError(f"For '{name}', the 'num_sampled' must be smaller than or equal to 'num_classes', but "
                             f"got 'num_sampled': {num_sampled} and 'num_classes': {num_classes}.")
        if num_true > num_classes:
            raise ValueError(f"For '{name}', the 'num_true' must be smaller than or equal to 'num_classes', but got "
                             f"'num_true': {num_true} amd 'num_classes': {num_classes}.")
        if sampled_values is not None:
            if not isinstance(sampled_values, (list, tuple)):
                raise TypeError(f"For '{name}', the type of 'sampled_values' must be a list or tuple, but got "
                                f"{type(sampled_values).__name__}.")
            if len(sampled_values) != 3:
                raise ValueError(f"For '{name}', the length of 'sampled_values' must be equal to 3,but got "
                                 f"{len(sampled_values)}.")
        self.num_sampled = num_sampled
        self.num_classes = num_classes
        self.num_true = num_true
        self.sampled_values = sampled_values
        self.remove_accidental_hits = remove_accidental_hits
        self.seed = seed
        self._gen = torch.Generator().manual_seed(seed) if seed else None

    def _sample(self, labels):
        n, k = self.num_classes, self.num_sampled
        exclude = set(labels.reshape(-1).tolist()) if self.remove_accidental_hits else set()
        if len(exclude) + k > n:
            exclude = set()
        picked, seen, tries = [], set(), 0
        while len(picked) < k:
            c = int(torch.randint(n, (1,), generator=self._gen))
            tries += 1
            if c in seen or c in exclude:
                continue
            seen.add(c)
            picked.append(c)
        count = -math.expm1(tries * math.log1p(-1.0 / n))
        sampled = torch.tensor(picked, dtype=torch.int64)
        return sampled, torch.full(labels.shape, count), torch.full((k,), count)

    def construct(self, weights, biases, labels, logits):
        name = "SampledSoftmaxLoss"
        w, b = _tensor(weights, "weights", name), _tensor(biases, "biases", name)
        y, x = _tensor(labels, "labels", name), _tensor(logits, "logits", name)
        if y.dtype not in (torch.int32, torch.int64):
            raise TypeError(f"For '{name}', the dtype of 'labels' must be int32 or int64, but got {y.dtype}.")
        nt = self.num_true
        y = y.reshape(-1, nt).long()
        if self.sampled_values is None:
            sampled, true_count, sampled_count = self._sample(y)
        else:
            sampled, true_count, sampled_count = (v._t if isinstance(v, Tensor) else torch.as_tensor(v)
                                                  for v in self.sampled_values)
        sampled = sampled.long().to(w.device)
        true_w = w[y.reshape(-1)].reshape(-1, nt, w.shape[1])
        true_logits = (x.unsqueeze(1) * true_w).sum(-1) + b[y.reshape(-1)].reshape(-1, nt)
        sampled_logits = x @ w[sampled].T + b[sampled]
        true_logits = true_logits - torch.log(true_count.to(x.dtype).to(x.device))
        sampled_logits = sampled_logits - torch.log(sampled_count.to(x.dtype).to(x.device))
        out_logits = torch.cat([true_logits, sampled_logits], dim=1)
        targets = torch.cat([torch.full_like(true_logits, 1.0 / nt), torch.zeros_like(sampled_logits)], dim=1)
        shifted = out_logits - out_logits.max(dim=1, keepdim=True).values
        e = torch.exp(shifted)
        pred = e / e.sum(dim=1, keepdim=True)
        return Tensor._make(-(targets * torch.log(pred + 1.0e-20)).sum(1))

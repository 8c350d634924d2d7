"""Categorical distribution over the classes 0 .. K-1 of the last axis of ``probs``."""
import torch

from ....common import dtype as mstype
from ....ops import stop_gradient  # noqa: F401 - a name of the reference's module
from ._utils import sampling
from ._utils.custom_ops import (  # noqa: F401 - names of the reference's module
    _log,
    broadcast_to,
    exp_generic,
    log_generic,
    log_generic_with_check,
)
from ._utils.utils import (
    check_distribution_name,
    check_prob,
    check_rank,
    check_sum_equal_one,
    read_only,
)
from .distribution import Distribution

__all__ = ["Categorical"]


class Categorical(Distribution):
    """Categorical distribution with event probabilities ``probs`` (rank >= 1, each in (0, 1), summing to one
    over the last axis); values and samples have ``dtype`` (int32 by default)."""

    _REPR = (('probs', 'probs'),)
    _DIST_TYPE = "Categorical"

    def __init__(self, probs=None, seed=None, dtype=mstype.int32, name="Categorical"):
        self._start(locals(), 'probs', dtypes=mstype.uint_type + mstype.int_type + mstype.float_type)
        self._probs = self._add_parameter(probs, 'probs')
        if self.probs is not None:
            check_rank(self.probs)
            check_prob(self.probs)
            check_sum_equal_one(probs)
            if self.probs.shape[:-1] == ():
                self._is_scalar_batch = True
            self._broadcast_shape = self._broadcast_shape[:-1]
        self.index_type = mstype.int32

    probs = read_only('_probs', "The event probabilities given at construction (a Tensor), or None.")

    def _get_dist_args(self, probs=None):
        return self._dist_args(probs)

    def _index(self, probs):
        return torch.arange(probs.shape[-1], dtype=probs.dtype)

    def _mean(self, probs=None):
        probs = self._check_param_type(probs)
        return (self._index(probs) * probs).sum(-1, keepdim=True)

    def _mode(self, probs=None):
        probs = self._check_param_type(probs)
        return torch.argmax(probs, -1).to(mstype.to_torch(self.dtype))

    def _var(self, probs=None):
        probs = self._check_param_type(probs)
        index = self._index(probs)
        return (torch.square(index) * probs).sum(-1, keepdim=True) - torch.square((index * probs).sum(-1, keepdim=True))

    def _entropy(self, probs=None):
        probs = self._check_param_type(probs)
        return torch.squeeze(-(_log(probs) * probs).sum(-1, keepdim=True))

    def _kl_loss(self, dist, probs_b, probs=None):
        check_distribution_name(dist, 'Categorical')
        probs_b = self._check_other(probs_b, 'probs_b')
        logits_a = _log(self._check_param_type(probs))
        logits_b = _log(probs_b)
        kl = torch.softmax(logits_a, -1) * (torch.log_softmax(logits_a, -1) - torch.log_softmax(logits_b, -1))
        return torch.squeeze(kl.sum(-1, keepdim=True))

    def _cross_entropy(self, dist, probs_b, probs=None):
        check_distribution_name(dist, 'Categorical')
        return self._entropy(probs) + self._kl_loss(dist, probs_b, probs)

    def _class_index(self, value, probs):
        """(table broadcast against the values, the class index of each value (last axis 1), the batch shape,
        whether a 0-d value of a scalar batch is squeezed back): values in (-1, 0) count as class 0, others are
        floored."""
        value = self._check_value(value, 'value').to(probs.dtype)
        value = torch.where(torch.logical_and(value < 0, value > -1.), torch.zeros_like(value), torch.floor(value))
        drop_dim = value.shape == () and probs.shape[:-1] == ()
        if drop_dim:
            value = value.unsqueeze(-1)
        value = value.unsqueeze(-1)
        shape = torch.broadcast_shapes(probs.shape, value.shape)
        return torch.broadcast_to(probs, shape), torch.broadcast_to(value, shape)[..., :1], shape[:-1], drop_dim

    def _log_prob(self, value, probs=None):
        probs = self._check_param_type(probs)
        logits, value, label_shape, drop_dim = self._class_index(value, _log(probs))
        num_classes = logits.shape[-1]
        out_of_bound = torch.logical_or(value < 0.0, value > num_classes - 1).squeeze(-1)
        index = value.clamp(0.0, num_classes - 1).to(torch.int64)
        pmf = torch.gather(logits, -1, index).squeeze(-1)
        pmf = torch.where(out_of_bound, torch.full_like(pmf, float('nan')), pmf).reshape(label_shape)
        return torch.squeeze(pmf) if drop_dim else pmf

    def _cdf(self, value, probs=None):
        probs = self._check_param_type(probs)
        probs, value, label_shape, drop_dim = self._class_index(value, probs)
        num_classes = probs.shape[-1]
        below = (value < 0.0).squeeze(-1)
        index = value.clamp(0.0, num_classes - 1).to(torch.int64)
        cdf = torch.gather(torch.cumsum(probs, -1), -1, index).squeeze(-1)
        cdf = torch.where(below, torch.zeros_like(cdf), cdf).reshape(label_shape)
        return torch.squeeze(cdf) if drop_dim else cdf

    def _sample(self, shape=(), probs=None):
        shape = self.checktuple(shape, 'shape')
        probs = self._check_param_type(probs)
        num_classes = probs.shape[-1]
        sample_shape = tuple(shape) + tuple(probs.shape[:-1])
        drop_dim = sample_shape == ()
        if drop_dim:
            sample_shape = (1,)
        num_sample = 1
        for s in shape:
            num_sample *= s
        samples = sampling.multinomial(probs.reshape(-1, num_classes), num_sample, self.seed)
        samples = samples.transpose(0, 1).reshape(sample_shape).to(mstype.to_torch(self.dtype))
        return samples.squeeze(0) if drop_dim else samples

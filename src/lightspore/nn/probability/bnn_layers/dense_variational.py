"""Bayesian dense layers: weights (and bias) sampled from a trainable Normal posterior at every call."""
import torch
import torch.nn.functional as F

from .... import _checkparam as Validator
from ....common.tensor import Tensor
from ...cell import Cell
from ...layer.activation import get_activation
from ..distribution._utils.utils import _t
from ..distribution.normal import Normal
from ._util import check_posterior, check_prior
from .layer_distribution import NormalPrior, normal_post_fn

__all__ = ['DenseReparam', 'DenseLocalReparam']


class _DenseVariational(Cell):
    """Shared construction of the Bayesian dense layers (priors, posteriors, activation, KL loss)."""

    def __init__(self, in_channels, out_channels, activation=None, has_bias=True, weight_prior_fn=NormalPrior,
                 weight_posterior_fn=normal_post_fn, bias_prior_fn=NormalPrior, bias_posterior_fn=normal_post_fn):
        super().__init__()
        self.in_channels = Validator.check_positive_int(in_channels)
        self.out_channels = Validator.check_positive_int(out_channels)
        self.has_bias = Validator.check_bool(has_bias)
        self.weight_prior = check_prior(weight_prior_fn, "weight_prior_fn")
        self.weight_posterior = check_posterior(weight_posterior_fn, shape=[self.out_channels, self.in_channels],
                                                param_name='bnn_weight', arg_name="weight_posterior_fn")
        if self.has_bias:
            self.bias_prior = check_prior(bias_prior_fn, "bias_prior_fn")
            self.bias_posterior = check_posterior(bias_posterior_fn, shape=[self.out_channels], param_name='bnn_bias',
                                                  arg_name="bias_posterior_fn")
        self.activation = activation
        if not self.activation:
            self.activation_flag = False
        else:
            self.activation_flag = True
            if isinstance(self.activation, str):
                self.activation = get_activation(activation)
            elif isinstance(self.activation, Cell):
                self.activation = activation
            else:
                raise ValueError('The type of `activation` is wrong.')

    def construct(self, x):
        outputs = self._apply_variational_weight(x)
        if self.has_bias:
            outputs = self.apply_variational_bias(outputs)
        if self.activation_flag:
            outputs = self.activation(outputs)
        return outputs

    def extend_repr(self):
        s = (f'in_channels={self.in_channels}, out_channels={self.out_channels}, '
             f'weight_mean={self.weight_posterior.mean}, weight_std={self.weight_posterior.untransformed_std}, '
             f'has_bias={self.has_bias}')
        if self.has_bias:
            s += f', bias_mean={self.bias_posterior.mean}, bias_std={self.bias_posterior.untransformed_std}'
        if self.activation_flag:
            s += f', activation={self.activation}'
        return s

    def apply_variational_bias(self, inputs):
        """``inputs`` plus a bias drawn from the bias posterior (added along axis 1)."""
        return _bias_add(inputs, self.bias_posterior("sample"))

    def compute_kl_loss(self):
        """KL(prior || posterior) summed over the weights (and the bias)."""
        return _kl_loss(self)


def _bias_add(inputs, bias):
    x, b = _t(inputs), _t(bias)
    return Tensor._make(x + b.reshape((1, -1) + (1,) * (x.dim() - 2)))


def _kl_loss(layer):
    """The shared KL term of the Bayesian dense and conv layers."""
    def kl_of(prior, posterior):
        args = posterior("get_dist_args")
        return _t(prior("kl_loss", posterior("get_dist_type"), *args)).sum()
    kl = kl_of(layer.weight_prior, layer.weight_posterior)
    if layer.has_bias:
        kl = kl + kl_of(layer.bias_prior, layer.bias_posterior)
    return Tensor._make(kl)


class DenseReparam(_DenseVariational):
    """Dense layer with the reparameterisation trick: y = x W^T (+ b), W (and b) sampled per call."""

    def __init__(self, in_channels, out_channels, activation=None, has_bias=True, weight_prior_fn=NormalPrior,
                 weight_posterior_fn=normal_post_fn, bias_prior_fn=NormalPrior, bias_posterior_fn=normal_post_fn):
        super().__init__(in_channels, out_channels, activation=activation, has_bias=has_bias,
                         weight_prior_fn=weight_prior_fn, weight_posterior_fn=weight_posterior_fn,
                         bias_prior_fn=bias_prior_fn, bias_posterior_fn=bias_posterior_fn)

    def _apply_variational_weight(self, inputs):
        return Tensor._make(F.linear(_t(inputs), _t(self.weight_posterior("sample"))))


class DenseLocalReparam(_DenseVariational):
    """Dense layer with the local reparameterisation trick: the pre-activations are sampled from
    Normal(x mean^T, sqrt(x^2 sd^2^T))."""

    def __init__(self, in_channels, out_channels, activation=None, has_bias=True, weight_prior_fn=NormalPrior,
                 weight_posterior_fn=normal_post_fn, bias_prior_fn=NormalPrior, bias_posterior_fn=normal_post_fn):
        super().__init__(in_channels, out_channels, activation=activation, has_bias=has_bias,
                         weight_prior_fn=weight_prior_fn, weight_posterior_fn=weight_posterior_fn,
                         bias_prior_fn=bias_prior_fn, bias_posterior_fn=bias_posterior_fn)
        self.normal = Normal()

    def _apply_variational_weight(self, inputs):
        x = _t(inputs)
        mean = F.linear(x, _t(self.weight_posterior("mean")))
        std = torch.sqrt(F.linear(torch.square(x), torch.square(_t(self.weight_posterior("sd")))))
        return self.normal("sample", mean=Tensor._make(mean), sd=Tensor._make(std))

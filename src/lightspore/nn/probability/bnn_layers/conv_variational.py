"""Bayesian 2-D convolution: the kernel (and bias) sampled from a trainable Normal posterior at every call."""
from ....ops import Conv2D
from ...layer._validate import twice
from ...layer.conv import _Conv
from ._util import check_posterior, check_prior
from .dense_variational import _bias_add, _kl_loss
from .layer_distribution import NormalPrior, normal_post_fn

__all__ = ['ConvReparam']


class _ConvVariational(_Conv):
    """Shared construction of the Bayesian convolutions: the layer's own weight and bias are frozen, the sampled
    kernel comes from the posterior."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_prior_fn=NormalPrior, weight_posterior_fn=normal_post_fn,
                 bias_prior_fn=NormalPrior, bias_posterior_fn=normal_post_fn):
        name = type(self).__name__
        kernel_size = twice(kernel_size, "kernel_size", name)
        stride = twice(stride, "stride", name)
        dilation = twice(dilation, "dilation", name)
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init='normal', bias_init='zeros')
        if pad_mode not in ('valid', 'same', 'pad'):
            raise ValueError('Attr \'pad_mode\' of \'Conv2d\' Op passed ' + str(pad_mode)
                             + ', should be one of values in \'valid\', \'same\', \'pad\'.')
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = kernel_size
        self.stride = stride
        self.pad_mode = pad_mode
        self.padding = padding
        self.dilation = dilation
        self.group = group
        self.has_bias = has_bias
        self.shape = [self.out_channels, self.in_channels // self.group, *self.kernel_size]
        self.weight.requires_grad = False
        self.weight_prior = check_prior(weight_prior_fn, "weight_prior_fn")
        self.weight_posterior = check_posterior(weight_posterior_fn, shape=self.shape, param_name='bnn_weight',
                                                arg_name="weight_posterior_fn")
        if self.has_bias:
            self.bias.requires_grad = False
            self.bias_prior = check_prior(bias_prior_fn, "bias_prior_fn")
            self.bias_posterior = check_posterior(bias_posterior_fn, shape=[self.out_channels], param_name='bnn_bias',
                                                  arg_name="bias_posterior_fn")
        self.conv2d = Conv2D(out_channel=self.out_channels, kernel_size=self.kernel_size, mode=1,
                             pad_mode=self.pad_mode, pad=self.padding, stride=self.stride, dilation=self.dilation,
                             group=self.group)

    def construct(self, inputs):
        outputs = self._apply_variational_weight(inputs)
        if self.has_bias:
            outputs = self.apply_variational_bias(outputs)
        return outputs

    def extend_repr(self):
        s = (f'in_channels={self.in_channels}, out_channels={self.out_channels}, kernel_size={self.kernel_size}, '
             f'stride={self.stride}, pad_mode={self.pad_mode}, padding={self.padding}, dilation={self.dilation}, '
             f'group={self.group}, weight_mean={self.weight_posterior.mean}, '
             f'weight_std={self.weight_posterior.untransformed_std}, has_bias={self.has_bias}')
        if self.has_bias:
            s += f', bias_mean={self.bias_posterior.mean}, bias_std={self.bias_posterior.untransformed_std}'
        return s

    def compute_kl_loss(self):
        """KL(prior || posterior) summed over the kernel (and the bias)."""
        return _kl_loss(self)

    def apply_variational_bias(self, inputs):
        """``inputs`` plus a bias drawn from the bias posterior (per output channel)."""
        return _bias_add(inputs, self.bias_posterior("sample"))


class ConvReparam(_ConvVariational):
    """2-D convolution with the reparameterisation trick: the kernel is sampled from its posterior per call."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_prior_fn=NormalPrior, weight_posterior_fn=normal_post_fn,
                 bias_prior_fn=NormalPrior, bias_posterior_fn=normal_post_fn):
        super().__init__(in_channels, out_channels, kernel_size, stride=stride, pad_mode=pad_mode, padding=padding,
                         dilation=dilation, group=group, has_bias=has_bias, weight_prior_fn=weight_prior_fn,
                         weight_posterior_fn=weight_posterior_fn, bias_prior_fn=bias_prior_fn,
                         bias_posterior_fn=bias_posterior_fn)

    def _apply_variational_weight(self, inputs):
        return self.conv2d(inputs, self.weight_posterior("sample"))

"""Combined cells: Conv2dBnAct and DenseBnAct (a layer, an optional BatchNorm, an optional activation)."""
from ...ops._table import Primitive
from ..cell import Cell
from ._validate import check_bool
from .activation import LeakyReLU, get_activation
from .basic import Dense
from .conv import Conv2d
from .normalization import BatchNorm1d, BatchNorm2d

__all__ = ["Conv2dBnAct", "DenseBnAct"]


def _combined_activation(activation, alpha, cls_name):
    if activation == "leakyrelu":
        return LeakyReLU(alpha)
    act = get_activation(activation) if isinstance(activation, str) else activation
    if activation is not None and not isinstance(act, (Cell, Primitive)):
        raise TypeError(f"For '{cls_name}', the 'activation' must be str or Cell or Primitive, but got "
                        f"{type(activation).__name__}.")
    return act


class _LayerBnAct(Cell):
    """A layer, then an optional BatchNorm (``batchnorm``) and an optional activation."""

    def _bn_act(self, bn_cls, out_channels, has_bn, momentum, eps, activation, alpha, after_fake):
        name = type(self).__name__
        self.has_bn = check_bool(has_bn, "has_bn", name)
        self.has_act = activation is not None
        self.after_fake = check_bool(after_fake, "after_fake", name)
        if has_bn:
            self.batchnorm = bn_cls(out_channels, eps, momentum)
        self.activation = _combined_activation(activation, alpha, name)

    def _bn_act_forward(self, x):
        if self.has_bn:
            x = self.batchnorm(x)
        if self.has_act:
            x = self.activation(x)
        return x


class Conv2dBnAct(_LayerBnAct):
    """``Conv2d`` followed by an optional ``BatchNorm2d`` (``batchnorm``) and an optional activation."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_init='normal', bias_init='zeros', has_bn=False, momentum=0.997,
                 eps=1e-5, activation=None, alpha=0.2, after_fake=True):
        super().__init__()
        self.conv = Conv2d(in_channels, out_channels, kernel_size=kernel_size, stride=stride, pad_mode=pad_mode,
                           padding=padding, dilation=dilation, group=group, has_bias=has_bias,
                           weight_init=weight_init, bias_init=bias_init)
        self._bn_act(BatchNorm2d, out_channels, has_bn, momentum, eps, activation, alpha, after_fake)

    def construct(self, x):
        return self._bn_act_forward(self.conv(x))


class DenseBnAct(_LayerBnAct):
    """``Dense`` followed by an optional ``BatchNorm1d`` (``batchnorm``) and an optional activation."""

    def __init__(self, in_channels, out_channels, weight_init='normal', bias_init='zeros', has_bias=True,
                 has_bn=False, momentum=0.9, eps=1e-5, activation=None, alpha=0.2, after_fake=True):
        super().__init__()
        self.dense = Dense(in_channels, out_channels, weight_init, bias_init, has_bias)
        self._bn_act(BatchNorm1d, out_channels, has_bn, momentum, eps, activation, alpha, after_fake)

    def construct(self, x):
        return self._bn_act_forward(self.dense(x))

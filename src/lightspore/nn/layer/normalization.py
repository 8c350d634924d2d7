"""Normalization layers: BatchNorm1d/2d/3d, LayerNorm, GroupNorm, InstanceNorm1d/2d/3d.

MindSpore's ``momentum`` is the weight of the *old* moving value
(``moving = momentum * moving + (1 - momentum) * batch``), the opposite of torch's; the moving
variance is updated with the unbiased batch variance and normalization uses the biased one (as torch).
"""
import numbers

import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.initializer import Initializer, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell
from ._validate import check_bool, check_string, positive_int

__all__ = ["BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm", "GroupNorm", "InstanceNorm1d",
           "InstanceNorm2d", "InstanceNorm3d"]


def _int_type(value, arg, cls_name):
    validator.check_value_type(arg, value, [int], cls_name)


def _float_type(value, arg, cls_name):
    validator.check_value_type(arg, value, [float], cls_name)


def _input(x, cls_name):
    if not isinstance(x, Tensor) and cls_name.startswith("BatchNorm"):  # the reference reads its shape first
        raise TypeError(f"For primitive[Shape], the input argument must be Tensor, but got {type(x)}.")
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the input 'x' must be a Tensor, but got {type(x).__name__}.")
    return x._t


class _BatchNorm(Cell):
    _dims = ()

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init='ones', beta_init='zeros',
                 moving_mean_init='zeros', moving_var_init='ones', use_batch_statistics=None, data_format='NCHW',
                 dtype=mstype.float32):
        super().__init__()
        name = self.cls_name
        _int_type(num_features, "num_features", name)
        if num_features < 1:
            raise ValueError(f"For '{name}', the 'num_features' must be at least 1, but got {num_features}.")
        if momentum < 0 or momentum > 1:
            raise ValueError(f"For '{name}', the 'momentum' must be a number in range [0, 1], but got {momentum}.")
        self.format = check_string(data_format, ['NCHW', 'NHWC'], 'format', name)
        if self.format == 'NHWC':
            raise ValueError(f"For '{name}', the 'NHWC' format only support in GPU target, but got device target "
                             f"CPU.")
        if use_batch_statistics is not None and not isinstance(use_batch_statistics, bool):
            raise ValueError(f"For '{name}', the 'use_batch_statistics' must be a boolean value or None, "
                             f"but got {use_batch_statistics}.")
        self.use_batch_statistics = use_batch_statistics
        self.num_features = num_features
        self.eps = eps
        self.gamma_init = gamma_init
        self.beta_init = beta_init
        self.moving_mean_init = moving_mean_init
        self.moving_var_init = moving_var_init
        self.moving_mean = Parameter(initializer(moving_mean_init, num_features, dtype=dtype), name="mean",
                                     requires_grad=False)
        self.moving_variance = Parameter(initializer(moving_var_init, num_features, dtype=dtype), name="variance",
                                         requires_grad=False)
        self.gamma = Parameter(initializer(gamma_init, num_features, dtype=dtype), name="gamma", requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, num_features, dtype=dtype), name="beta", requires_grad=affine)
        # stored as the reference stores it: the weight of the batch statistics
        self.momentum = 1.0 - momentum

    def _check_dim(self, t):
        if t.dim() not in self._dims:
            want = " dims or ".join(str(d) for d in self._dims)
            what = "" if len(self._dims) > 1 else " in_shape"  # the reference's BatchNorm1d names nothing
            raise ValueError(f"For '{self.cls_name}', the{what} must have {want} dims, but got {t.dim()}.")

    def _bn(self, t):
        ubs = self.use_batch_statistics
        training = self.training if ubs is None else ubs
        if t.dim() >= 2 and t.shape[1] != self.num_features:  # the words of the reference's BatchNorm primitive
            raise ValueError(f"For BatchNorm, scale.shape[0] should be equal to input_x's channel dimension: "
                             f"{t.shape[1]}, bug got scale.shape[0]: {self.num_features}.")
        if t.dim() < 2:
            raise ValueError(f"For '{self.cls_name}', the channel (dim 1) of the input 'x' must be equal to "
                             f"'num_features' ({self.num_features}), but got input shape {tuple(t.shape)}.")
        mm, mv = self.moving_mean._t, self.moving_variance._t
        if training:
            # torch updates the running buffers in place, with torch's momentum = 1 - MindSpore's
            return F.batch_norm(t, mm, mv, self.gamma._t, self.beta._t, True, self.momentum, self.eps)
        return F.batch_norm(t, mm, mv, self.gamma._t, self.beta._t, False, 0.0, self.eps)

    def construct(self, x):
        t = _input(x, self.cls_name)
        self._check_dim(t)
        return Tensor._make(self._bn(t))

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={1.0 - self.momentum}, "
                f"gamma={self.gamma}, beta={self.beta}, moving_mean={self.moving_mean}, "
                f"moving_variance={self.moving_variance}")


class BatchNorm1d(_BatchNorm):
    """Batch normalization over (N, C) or (N, C, L) input."""

    _dims = (2, 3)


class BatchNorm2d(_BatchNorm):
    """Batch normalization over (N, C, H, W) input."""

    _dims = (4,)


class BatchNorm3d(Cell):
    """Batch normalization over (N, C, D, H, W) input; parameters live in the child cell ``bn2d``."""

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init='ones', beta_init='zeros',
                 moving_mean_init='zeros', moving_var_init='ones', use_batch_statistics=None, dtype=mstype.float32):
        super().__init__()
        self.bn2d = BatchNorm2d(num_features=num_features, eps=eps, momentum=momentum, affine=affine,
                                gamma_init=gamma_init, beta_init=beta_init, moving_mean_init=moving_mean_init,
                                moving_var_init=moving_var_init, use_batch_statistics=use_batch_statistics,
                                data_format="NCHW", dtype=dtype)

    def construct(self, x):
        t = _input(x, "BatchNorm3d")
        if t.dim() != 5:
            raise ValueError(f"For 'BatchNorm3d', the in_shape must have 5 dims, but got {t.dim()}.")
        # the child's training flag decides (set_train propagates), exactly as the reference's bn2d call
        return Tensor._make(self.bn2d._bn(t))


class LayerNorm(Cell):
    """Layer normalization over the axes from ``begin_norm_axis``; gamma/beta of ``normalized_shape`` are
    applied from ``begin_params_axis``."""

    def __init__(self, normalized_shape, begin_norm_axis=-1, begin_params_axis=-1, gamma_init='ones',
                 beta_init='zeros', epsilon=1e-7, dtype=mstype.float32):
        super().__init__()
        if not isinstance(normalized_shape, (tuple, list)):
            raise TypeError(f"For '{self.cls_name}', the type of 'normalized_shape' must be tuple[int] or list[int], "
                            f"but got {normalized_shape} and the type is {type(normalized_shape)}.")
        if not normalized_shape:
            raise ValueError("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one "
                             f"element, but got normalized_shape = {normalized_shape}")
        self.normalized_shape = normalized_shape
        self.begin_norm_axis = begin_norm_axis
        self.begin_params_axis = begin_params_axis
        self.epsilon = epsilon
        self.gamma = Parameter(initializer(gamma_init, normalized_shape, dtype=dtype), name="gamma")
        self.beta = Parameter(initializer(beta_init, normalized_shape, dtype=dtype), name="beta")
        self._pshape = tuple(int(s) for s in normalized_shape)
        # the reference keeps its primitive as ``self.layer_norm``; subclasses (mindcv's ConvNextLayerNorm) call it
        from ...ops import LayerNorm as _LayerNormPrim
        self.layer_norm = _LayerNormPrim(begin_norm_axis=begin_norm_axis, begin_params_axis=begin_params_axis,
                                         epsilon=epsilon)

    def construct(self, input_x):
        t = _input(input_x, "LayerNorm")
        _int_type(self.begin_norm_axis, "begin_norm_axis", self.cls_name)  # the reference checks these at call time
        _int_type(self.begin_params_axis, "begin_params_axis", self.cls_name)
        nd = t.dim()
        bna = self.begin_norm_axis + nd if self.begin_norm_axis < 0 else self.begin_norm_axis
        bpa = self.begin_params_axis + nd if self.begin_params_axis < 0 else self.begin_params_axis
        if 0 <= bna < nd and 0 <= bpa < nd and tuple(t.shape[bpa:]) != self._pshape:  # the primitive's words
            shape, pshape = ", ".join(map(str, t.shape)), ", ".join(map(str, self._pshape))
            raise ValueError(f"For 'LayerNorm', gamma or beta shape must match input shape, but got input shape: "
                             f"[const vector]{{{shape}}}, gamma shape: [const vector]{{{pshape}}}, beta shape: "
                             f"[const vector]{{{pshape}}}.")
        if not 0 <= bna < nd or not 0 <= bpa < nd:
            raise ValueError(f"For 'LayerNorm', the shape of gamma and beta {list(self._pshape)} must equal the input "
                             f"shape from 'begin_params_axis' ({self.begin_params_axis}) and 'begin_norm_axis' "
                             f"({self.begin_norm_axis}) must be in range for input shape {tuple(t.shape)}.")
        g, b = _affine_as(self, t)
        if bna == bpa:
            return Tensor._make(F.layer_norm(t, self._pshape, g, b, self.epsilon))
        dims = tuple(range(bna, nd))
        var, mean = torch.var_mean(t, dim=dims, unbiased=False, keepdim=True)
        y = (t - mean) * torch.rsqrt(var + self.epsilon)
        return Tensor._make(y * g + b)

    def extend_repr(self):
        return (f"normalized_shape={self.normalized_shape}, begin_norm_axis={self.begin_norm_axis}, "
                f"begin_params_axis={self.begin_params_axis}, gamma{self.gamma}, beta={self.beta}")


def _affine_as(cell, t):
    """``cell``'s gamma and beta as torch tensors of ``t``'s dtype."""
    g, b = cell.gamma._t, cell.beta._t
    if g.dtype != t.dtype:
        g, b = g.to(t.dtype), b.to(t.dtype)
    return g, b


class GroupNorm(Cell):
    """Group normalization over (N, C, *) input with ``num_groups`` groups of channels."""

    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, gamma_init='ones', beta_init='zeros',
                 dtype=mstype.float32):
        super().__init__()
        name = self.cls_name
        self.num_groups = positive_int(num_groups, "num_groups", name)
        self.num_channels = positive_int(num_channels, "num_channels", name)
        if num_channels % num_groups != 0:
            raise ValueError(f"For '{name}', the 'num_channels' must be divided by 'num_groups', but got "
                             f"'num_channels': {num_channels}, 'num_groups': {num_groups}.")
        _float_type(eps, "eps", name)
        self.eps = eps
        self.affine = check_bool(affine, "affine", name)
        self.gamma = Parameter(initializer(gamma_init, self.num_channels, dtype=dtype), name="gamma",
                               requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, self.num_channels, dtype=dtype), name="beta",
                              requires_grad=affine)

    def construct(self, x):
        t = _input(x, "GroupNorm")
        if t.dim() < 2 or t.shape[1] != self.num_channels:
            raise ValueError(f"For 'GroupNorm', the channel(the second dim of the input 'x') must be equal to "
                             f"num_channels, but got input shape {tuple(t.shape)}, num_channels: "
                             f"{self.num_channels}.")
        g, b = _affine_as(self, t)
        return Tensor._make(F.group_norm(t, self.num_groups, g, b, self.eps))

    def extend_repr(self):
        return f"num_groups={self.num_groups}, num_channels={self.num_channels}"


class _InstanceNorm(Cell):
    _ndim = 0

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, gamma_init='ones', beta_init='zeros',
                 dtype=mstype.float32):
        super().__init__()
        name = self.cls_name
        _int_type(num_features, "num_features", name)
        _float_type(eps, "eps", name)
        _float_type(momentum, "momentum", name)
        validator.check_value_type("affine", affine, [bool], name)
        for key, val in (("gamma_init", gamma_init), ("beta_init", beta_init)):
            if not isinstance(val, (Tensor, numbers.Number, str, Initializer)):
                raise TypeError(f"For '{name}', the type of '{key}' must be in [Tensor, numbers.Number, str, "
                                f"Initializer], but got type {type(val).__name__}.")
            if isinstance(val, Tensor) and val.dtype != mstype.float32:
                raise TypeError(f"For '{name}', the type of '{key}' must be float32, but got {val.dtype}.")
        if num_features < 1:
            raise ValueError(f"For '{name}', the 'num_features' must be at least 1, but got {num_features}.")
        if momentum < 0 or momentum > 1:
            raise ValueError(f"For '{name}', the 'momentum' must be a number in range [0, 1], but got {momentum}.")
        self.num_features = num_features
        self.eps = eps
        self.moving_mean = Parameter(initializer('zeros', num_features, dtype=dtype), name="mean",
                                     requires_grad=False)
        self.moving_variance = Parameter(initializer('ones', num_features, dtype=dtype), name="variance",
                                         requires_grad=False)
        self.gamma = Parameter(initializer(gamma_init, num_features, dtype=dtype), name="gamma", requires_grad=affine)
        self.beta = Parameter(initializer(beta_init, num_features, dtype=dtype), name="beta", requires_grad=affine)
        self.momentum = momentum

    def construct(self, x):
        t = _input(x, self.cls_name)
        if t.dim() != self._ndim:
            raise ValueError(f"For '{self.cls_name}', the in_shape must have {self._ndim} dims, but got {t.dim()}.")
        # instance statistics in train and eval mode (the reference's InstanceNorm kernel always uses them)
        # moving statistics are tracked in train mode only (torch's update rule, with momentum as given)
        mm, mv = (self.moving_mean._t, self.moving_variance._t) if self.training else (None, None)
        return Tensor._make(F.instance_norm(t, mm, mv, self.gamma._t, self.beta._t, True, self.momentum, self.eps))

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={self.momentum}, gamma={self.gamma}, "
                f"beta={self.beta}, moving_mean={self.moving_mean}, moving_variance={self.moving_variance}")


class InstanceNorm1d(_InstanceNorm):
    """Instance normalization over (N, C, L) input."""

    _ndim = 3


class InstanceNorm2d(_InstanceNorm):
    """Instance normalization over (N, C, H, W) input."""

    _ndim = 4


class InstanceNorm3d(_InstanceNorm):
    """Instance normalization over (N, C, D, H, W) input."""

    _ndim = 5

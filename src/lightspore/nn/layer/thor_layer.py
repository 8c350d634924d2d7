"""The layers of the second-order optimizer THOR: ``DenseThor``, ``Conv2dThor``, ``EmbeddingThor``,
``EmbeddingLookupThor``.

Each computes its layer as usual and, while its ``thor`` flag is on, also records the statistics THOR needs:
``matrix_a`` (A, the covariance of the layer's input) in the forward pass, and ``matrix_g`` (G, the covariance of
the gradient arriving at the layer's output) through a tensor hook when a gradient transform differentiates it.
The formulas are the reference's GPU branch (its CPU is treated as its GPU, the reference's own CPU build has no
kernel for THOR's im2col):

- Dense: ``A = x^T x / in_channels``, ``G = dout^T dout / batch``.
- Conv2d: the input's ``'same'``-padded patches ``(C*kh*kw, N, Ho*Wo)`` averaged over the batch give ``M``;
  ``A = M M^T / (Ho*Wo)``; ``dout`` averaged over the batch, ``(C_out, Ho*Wo)``, gives ``G = D D^T / (Ho*Wo)``;
  ``a_normalizer``/``g_normalizer`` hold ``Ho*Wo``.
- Embedding: ``A`` is the count of each id in the batch, ``G = dout^T dout / n_ids``.
"""
import numbers

import torch
import torch.nn.functional as F

from ... import log as logger
from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ...ops._nn import conv2d_torch, same_pads
from ..cell import Cell
from ._validate import check_bool, non_negative_int, positive_int, twice
from .activation import get_activation
from .conv import _conv_weight_shape, _ConvBase

__all__ = ["DenseThor", "Conv2dThor", "EmbeddingThor", "EmbeddingLookupThor"]


def _stat(param, value):
    """Store a statistic into ``param`` (the reference assigns a Tensor to the Parameter's attribute, which
    copies it in with the Parameter's dtype)."""
    param.set_data(Tensor._make(value.detach()))


def _on_grad(out, fn):
    """Call ``fn(dout)`` with the gradient reaching ``out`` (a torch tensor) when one is computed."""
    if out.requires_grad:
        def hook(grad):
            with torch.no_grad():
                fn(grad)
        out.register_hook(hook)


def _input(x, cls_name, arg="x"):
    if not isinstance(x, Tensor):
        raise TypeError(f"For '{cls_name}', the input '{arg}' must be a Tensor, but got {type(x).__name__}.")
    return x._t


def _param(cell, param):
    """``param``'s torch tensor in the cell's mixed-precision type (``to_float``; amp marks cells with it): the
    amp machinery leaves the Parameters of a cell that also holds non-trainable statistics as they are, so the
    THOR layers cast their weights where they use them (differentiably: the gradient reaches the float32
    Parameter)."""
    t = param._t
    cast = cell.__dict__.get("_cast_type")
    if cast is not None and t.dtype != cast and t.is_floating_point():
        return t.to(cast)
    return t


def _eye(n):
    return Tensor._make(torch.eye(n, dtype=torch.float32))


def _zeros(*shape):
    return Tensor._make(torch.zeros(shape, dtype=torch.float32))


class DenseThor(Cell):
    """``nn.Dense`` that records THOR's A and G (``matrix_a`` (in, in), ``matrix_g`` (out, out))."""

    def __init__(self, in_channels, out_channels, weight_init='normal', bias_init='zeros', has_bias=True,
                 activation=None):
        super().__init__()
        name = "DenseThor"
        self.thor = True
        self.in_channels = positive_int(in_channels, "in_channels", name)
        self.out_channels = positive_int(out_channels, "out_channels", name)
        self.has_bias = check_bool(has_bias, "has_bias", name)
        if isinstance(weight_init, Tensor) and (weight_init.ndim != 2 or weight_init.shape[0] != out_channels
                                                or weight_init.shape[1] != in_channels):
            raise ValueError(f"For '{name}', weight init shape error. The dim of 'weight_init' should be equal to 2, "
                             f"and the first dim must be equal to 'out_channels', and the second dim must be equal "
                             f"to 'in_channels'. But got 'weight_init' of shape {weight_init.shape}, "
                             f"'out_channels': {out_channels}, 'in_channels': {in_channels}.")
        self.weight = Parameter(initializer(weight_init, [out_channels, in_channels]), name="weight")
        self.bias = None
        if self.has_bias:
            if isinstance(bias_init, Tensor) and (bias_init.ndim != 1 or bias_init.shape[0] != out_channels):
                raise ValueError(f"For '{name}', bias init shape error. The dim of 'bias_init' should be equal to 1, "
                                 f"and the first dim must be equal to 'out_channels'. But got 'bias_init' of shape "
                                 f"{bias_init.shape}, 'out_channels': {out_channels}.")
            self.bias = Parameter(initializer(bias_init, [out_channels]), name="bias")
        self.activation = get_activation(activation)
        self.activation_flag = self.activation is not None
        self.matrix_a = Parameter(_eye(in_channels), name="matrix_a", requires_grad=False)
        self.matrix_g = Parameter(_eye(out_channels), name="matrix_g", requires_grad=False)
        self.is_ascend = False
        self.split_dim = 128

    def save_gradient(self, dout):
        """Record G from the gradient ``dout`` of the layer's output (before the bias); returns ``dout``."""
        t = dout._t if isinstance(dout, Tensor) else dout
        _stat(self.matrix_g, (t.t() @ t) * (1.0 / t.shape[0]))
        return dout

    def construct(self, x):
        t = _input(x, "DenseThor")
        if t.dim() == 0 or t.shape[-1] != self.in_channels:
            raise ValueError(f"For 'DenseThor', the last dimension of the input 'x' must be equal to 'in_channels' "
                             f"({self.in_channels}), but got input shape {tuple(t.shape)}.")
        w = _param(self, self.weight)
        if w.dtype != t.dtype:
            raise TypeError(f"For 'DenseThor', the input 'x' dtype {mstype.from_torch(t.dtype)} must match the "
                            f"weight dtype {self.weight.dtype}.")
        out = t @ w.t()
        if self.thor:
            with torch.no_grad():
                cov = t.t() @ t
                _stat(self.matrix_a, cov * (1.0 / cov.shape[0]))
            _on_grad(out, self.save_gradient)
        if self.has_bias:
            out = out + _param(self, self.bias)
        out = Tensor._make(out)
        if self.activation_flag:
            out = self.activation(out)
        return out

    def extend_repr(self):
        s = f"input_channels={self.in_channels}, output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        return s


class _ConvThor(_ConvBase):
    """Validation and parameters shared by the THOR convolution."""

    def __init__(self, in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group, has_bias,
                 weight_init, bias_init, transposed=False):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode)
        name = type(self).__name__
        self.bias_init = bias_init
        if isinstance(padding, tuple):
            for pad in padding:
                non_negative_int(pad, "padding item", name)
        elif isinstance(padding, numbers.Integral) and not isinstance(padding, bool):
            non_negative_int(padding, "padding", name)
        else:
            raise TypeError(f"For '{name}', the type of 'padding' must be int/tuple(int), but got "
                            f"{type(padding).__name__}.")
        self.padding = padding
        self.dilation = dilation
        self.group = positive_int(group, "group", name)
        self.has_bias = has_bias
        if in_channels % group != 0:
            raise ValueError(f"For '{name}', the 'in_channels' must be divisible by 'group', but got "
                             f"'in_channels': {in_channels} and 'group': {group}.")
        if out_channels % group != 0:
            raise ValueError(f"For '{name}', the 'out_channels' must be divisible by 'group', but got "
                             f"'out_channels': {out_channels} and 'group': {group}.")
        shape = _conv_weight_shape(in_channels, out_channels, group, kernel_size, transposed)
        self.weight = Parameter(initializer(weight_init, shape), name="weight")
        if check_bool(has_bias, "has_bias", name):
            self.bias = Parameter(initializer(self.bias_init, [out_channels]), name="bias")
        else:
            if self.bias_init != "zeros":
                logger.warning("Value of 'has_bias' is False, value of 'bias_init' will be ignored.")
            self.bias = None


class Conv2dThor(_ConvThor):
    """``nn.Conv2d`` that records THOR's A (``matrix_a_cov``, (C_in*kh*kw)^2) and G (``matrix_g_cov``,
    C_out^2) with their normalizers (``a_normalizer``, ``g_normalizer``)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1,
                 group=1, has_bias=False, weight_init='normal', bias_init='zeros'):
        name = "Conv2dThor"
        kernel_size = twice(kernel_size, "kernel_size", name)
        stride = twice(stride, "stride", name)
        self._dilation = dilation
        dilation = twice(dilation, "dilation", name)
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation, group,
                         has_bias, weight_init, bias_init)
        self.thor = True
        self.hw = kernel_size[0] * kernel_size[1]
        self.matrix_a_dim = self.in_channels * kernel_size[0] * kernel_size[1]
        self.matrix_g_dim = self.out_channels
        self.a_normalizer = Parameter(initializer(1, [1], mstype.float32), name="a_normalizer", requires_grad=False)
        self.g_normalizer = Parameter(initializer(1, [1], mstype.float32), name="g_normalizer", requires_grad=False)
        self.is_ascend = False
        self.matrix_a_cov = Parameter(_zeros(self.matrix_a_dim, self.matrix_a_dim), name="matrix_a",
                                      requires_grad=False)
        self.matrix_g_cov = Parameter(_zeros(self.matrix_g_dim, self.matrix_g_dim), name="matrix_g",
                                      requires_grad=False)

    def _patches(self, t):
        """THOR's im2col: 'same' zero padding at the layer's stride, patches (C*kh*kw, N, Ho*Wo)."""
        kh, kw = self.kernel_size
        sh, sw = self.stride
        pt, pb = same_pads(t.shape[2], kh, sh, 1)
        pl, pr = same_pads(t.shape[3], kw, sw, 1)
        cols = F.unfold(F.pad(t, (pl, pr, pt, pb)), (kh, kw), stride=(sh, sw))
        return cols.permute(1, 0, 2)

    def save_gradient(self, dout):
        """Record G and ``g_normalizer`` from the gradient ``dout`` (N, C_out, Ho, Wo) of the output."""
        t = dout._t if isinstance(dout, Tensor) else dout
        d = t.mean(0).reshape(t.shape[1], -1).float()
        normalizer = d.shape[1]
        _stat(self.matrix_g_cov, (d @ d.t()) * (1.0 / normalizer))
        _stat(self.g_normalizer, torch.tensor([normalizer]))
        return dout

    def construct(self, x):
        t = _input(x, "Conv2dThor")
        if t.dim() != 4:
            raise ValueError(f"For 'Conv2dThor', the input 'x' must be a 4-D tensor (N, C_in, H_in, W_in), "
                             f"but got a {t.dim()}-D tensor of shape {tuple(t.shape)}.")
        if t.shape[1] != self.in_channels:
            raise ValueError(f"For 'Conv2dThor', the input 'x' must have {self.in_channels} channels (dim 1), "
                             f"but got shape {tuple(t.shape)}.")
        if self.thor:
            with torch.no_grad():
                m = self._patches(t).mean(1).float()
                normalizer = m.shape[1]
                _stat(self.matrix_a_cov, (m @ m.t()) * (1.0 / normalizer))
                _stat(self.a_normalizer, torch.tensor([normalizer]))
        out = conv2d_torch(t, _param(self, self.weight), None, self.stride, self.pad_mode, self.padding,
                           self.dilation, self.group, "Conv2dThor")
        if self.thor:
            _on_grad(out, self.save_gradient)
        if self.has_bias:
            out = out + _param(self, self.bias).reshape(1, -1, 1, 1)
        return Tensor._make(out)

    def extend_repr(self):
        return (f"input_channels={self.in_channels}, output_channels={self.out_channels}, "
                f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, "
                f"padding={self.padding}, dilation={self.dilation}, group={self.group}, has_bias={self.has_bias}, "
                f"bias_init={self.bias_init}")


def _check_int_type(value, arg, cls_name):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For '{cls_name}', the type of '{arg}' must be int, but got {type(value).__name__}.")
    return value


class EmbeddingThor(Cell):
    """``nn.Embedding`` that records THOR's A (``matrix_a``, the id counts, (vocab,)) and G (``matrix_g``,
    (embedding_size, embedding_size))."""

    def __init__(self, vocab_size, embedding_size, use_one_hot=False, embedding_table='normal',
                 dtype=mstype.float32, padding_idx=None):
        super().__init__()
        name = "EmbeddingThor"
        self.vocab_size = _check_int_type(vocab_size, "vocab_size", name)
        self.embedding_size = _check_int_type(embedding_size, "embedding_size", name)
        check_bool(use_one_hot, "use_one_hot", name)
        if dtype not in mstype.number_type:
            raise TypeError(f"For '{name}', the 'dtype' must be subclass of {mstype.number_type}, but got {dtype}.")
        self.use_one_hot = use_one_hot
        self.dtype = dtype
        self.init_tensor = initializer(embedding_table, [vocab_size, embedding_size])
        self.padding_idx = padding_idx
        if padding_idx is not None:
            if isinstance(padding_idx, bool) or not isinstance(padding_idx, int):
                raise TypeError(f"For '{name}', the type of 'padding_idx' must be int, but got "
                                f"{type(padding_idx).__name__}.")
            if not 0 <= padding_idx <= vocab_size:
                raise ValueError(f"For '{name}', the 'padding_idx' must be in range [0, {vocab_size}], "
                                 f"but got {padding_idx}.")
            self.init_tensor[self.padding_idx] = 0
        self.embedding_table = Parameter(self.init_tensor, name="embedding_table")
        self.thor = True
        self.matrix_a = Parameter(_zeros(vocab_size), name="matrix_a", requires_grad=False)
        self.matrix_g = Parameter(_zeros(embedding_size, embedding_size), name="matrix_g", requires_grad=False)

    def save_gradient(self, dout):
        """Record G from the gradient ``dout`` (n_ids, embedding_size) of the looked-up rows."""
        t = dout._t if isinstance(dout, Tensor) else dout
        _stat(self.matrix_g, (t.t() @ t) * (1.0 / t.shape[0]))
        return dout

    def construct(self, ids):
        t = _input(ids, "EmbeddingThor", "ids")
        flat = t.reshape(-1).long()
        table = _param(self, self.embedding_table)
        if self.use_one_hot:
            onehot = F.one_hot(flat, self.vocab_size).to(mstype.to_torch(self.dtype))
            out = onehot @ table
        else:
            if self.thor:
                with torch.no_grad():
                    _stat(self.matrix_a, torch.bincount(flat, minlength=self.vocab_size)[:self.vocab_size].float())
            out = table[flat]
            if self.thor:
                _on_grad(out, self.save_gradient)
        return Tensor._make(out.reshape(tuple(t.shape) + (self.embedding_size,)))

    def extend_repr(self):
        return (f"vocab_size={self.vocab_size}, embedding_size={self.embedding_size}, "
                f"use_one_hot={self.use_one_hot}, embedding_table={self.embedding_table}, dtype={self.dtype}, "
                f"padding_idx={self.padding_idx}")


class EmbeddingLookupThor(Cell):
    """``nn.EmbeddingLookup`` (float16 table) that records THOR's A and G when ``target='DEVICE'``; with
    ``target='CPU'`` it looks rows up (ids outside the table give zeros) and records nothing, as the reference."""
    BATCH_SLICE = "batch_slice"
    FIELD_SLICE = "field_slice"
    TABLE_ROW_SLICE = "table_row_slice"
    TABLE_COLUMN_SLICE = "table_column_slice"

    def __init__(self, vocab_size, embedding_size, param_init='normal', target='CPU', slice_mode='batch_slice',
                 manual_shapes=None, max_norm=None, sparse=True):
        super().__init__()
        name = "EmbeddingLookupThor"
        check_bool(sparse, "sparse", name)
        self.vocab_size = positive_int(vocab_size, "vocab_size", name)
        self.target = target
        self.sparse = sparse
        self.forward_unique = False
        self.dtype = mstype.float16
        if target not in ("CPU", "DEVICE"):
            raise ValueError(f"For '{name}', the 'target' must be one of values in ('CPU', 'DEVICE'), "
                             f"but got {target}.")
        if not sparse and target == "CPU":
            raise ValueError(f"For '{name}', embedding_lookup must be sparse when 'target' is CPU, but got "
                             f"'sparse': {sparse}, 'target': {target}.")
        self.embedding_size = positive_int(embedding_size, "embedding_size", name)
        self.embedding_table = Parameter(initializer(param_init, [self.vocab_size, self.embedding_size],
                                                     mstype.float16), name="embedding_table")
        # slice_mode / manual_shapes only act under semi-auto or auto parallel, which lightspore does not build
        self.slice_mode = slice_mode
        self.manual_shapes = manual_shapes
        self.embedding_table.unique = self.forward_unique
        self.max_norm = max_norm
        if self.max_norm is not None:
            if isinstance(max_norm, bool) or not isinstance(max_norm, numbers.Real) or max_norm <= 0:
                raise ValueError(f"For '{name}', the 'max_norm' must be a positive float, but got {max_norm}.")
            self.max_norm = Tensor(float(max_norm), dtype=mstype.float16)
        self.thor = True
        self.matrix_a = Parameter(_zeros(vocab_size), name="matrix_a", requires_grad=False)
        self.matrix_g = Parameter(_zeros(embedding_size, embedding_size), name="matrix_g", requires_grad=False)

    def save_gradient(self, dout):
        """Record G (computed in float16, as the reference) from the gradient of the looked-up rows."""
        t = dout._t if isinstance(dout, Tensor) else dout
        normalizer = t.shape[0]
        d = t.reshape(-1, self.embedding_size)
        g = ((d.t() @ d) * (1.0 / normalizer)).half()
        _stat(self.matrix_g, g)
        return dout

    def construct(self, indices):
        t = _input(indices, "EmbeddingLookupThor", "indices")
        table = self.embedding_table._t
        idx = t.long()
        if self.target == "CPU":
            valid = (idx >= 0) & (idx < self.vocab_size)
            out = table[idx.clamp(0, self.vocab_size - 1)] * valid.unsqueeze(-1).to(table.dtype)
        else:
            if self.thor:
                with torch.no_grad():
                    counts = torch.bincount(idx.reshape(-1), minlength=self.vocab_size)[:self.vocab_size]
                    _stat(self.matrix_a, counts.half())
            out = table[idx]
            if self.thor:
                _on_grad(out, self.save_gradient)
        if self.max_norm is not None:
            dims = tuple(range(t.dim(), out.dim()))
            o = out.float()
            c = self.max_norm._t.float()
            norm = torch.sqrt(torch.sum(o * o, dims, keepdim=True))
            out = o * c / torch.maximum(norm, c)
        return Tensor._make(out)

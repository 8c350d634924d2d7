"""Neural-network primitive classes whose inputs or attributes differ from a functional form: padding,
pooling with argmax, transposed convolutions, patches, resizing kernels, CTC; plus mirror_pad, intopk
and ctc_greedy_decoder."""
from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F

from ..common import dtype as mstype
from ..common.tensor import Tensor
from ._args import _REQ, attr_prim
from ._nn import same_pads
from ._nn_conv import _check_pad_mode, _tuple, conv3d_transpose
from ._nn_image import _cubic_weights
from ._samples import A, Prop, S, V, f32
from ._table import OPS, op, unwrap


def _ints(t):
    """A Tensor / sequence of ints -> tuple of Python ints."""
    if isinstance(t, Tensor):
        t = t._t
    if isinstance(t, torch.Tensor):
        return tuple(int(v) for v in t.reshape(-1).tolist())
    return tuple(int(v) for v in t)


# ---------------------------------------------------------------------------------------------
# padding
# ---------------------------------------------------------------------------------------------
def _pairs_to_torch(pairs):
    """((before, after) per dim, first dim first) -> torch's flat list (last dim first)."""
    flat = []
    for b, a in reversed([tuple(p) for p in pairs]):
        flat += [int(b), int(a)]
    return flat


def _pad_prim(self, x):
    t = unwrap(x)
    pads = self.paddings
    if not isinstance(pads, (tuple, list)) or len(pads) != t.dim() or \
            any(not isinstance(p, (tuple, list)) or len(p) != 2 for p in pads):
        raise ValueError(f"For 'Pad', 'paddings' must be a tuple of {t.dim()} (before, after) pairs, but got "
                         f"{pads!r}.")
    if any(v < 0 for p in pads for v in p):
        raise ValueError(f"For 'Pad', every padding must be non-negative, but got {pads!r}.")
    return Tensor._make(F.pad(t, _pairs_to_torch(pads)))


attr_prim("Pad", None, {"paddings": _REQ}, call=_pad_prim)


def _padv3_prim(self, x, paddings, constant_value=None):
    t = unwrap(x)
    p = list(_ints(paddings))
    if not self.paddings_contiguous:      # [b0, b1, ..., e0, e1, ...] -> [b0, e0, b1, e1, ...]
        half = len(p) // 2
        p = [v for pair in zip(p[:half], p[half:]) for v in pair]
    mode = {"edge": "replicate"}.get(self.mode, self.mode)
    if mode not in ("constant", "reflect", "replicate", "circular"):
        raise ValueError(f"For 'PadV3', 'mode' must be 'constant', 'reflect', 'edge' or 'circular', but got "
                         f"{self.mode!r}.")
    if mode == "constant":
        v = unwrap(constant_value)
        v = 0 if v is None else (v.item() if isinstance(v, torch.Tensor) else v)
        return Tensor._make(F.pad(t, p, "constant", v))
    expand = len(p) // 2 + 1 == t.dim()
    out = F.pad(t.unsqueeze(0) if expand else t, p, mode)
    return Tensor._make(out.squeeze(0) if expand else out)


attr_prim("PadV3", None, {"mode": "constant", "paddings_contiguous": True}, call=_padv3_prim)


def _symmetric_pad(t, pairs):
    for d, (b, a) in enumerate(pairs):
        if b == 0 and a == 0:
            continue
        n = t.shape[d]
        if b > n or a > n:
            raise ValueError(f"For 'MirrorPad', in 'SYMMETRIC' mode the padding of dimension {d} must not exceed "
                             f"its size {n}, but got ({b}, {a}).")
        parts = []
        if b:
            parts.append(t.narrow(d, 0, b).flip(d))
        parts.append(t)
        if a:
            parts.append(t.narrow(d, n - a, a).flip(d))
        t = torch.cat(parts, d)
    return t


def _reflect_pad(t, pairs):
    for d, (b, a) in enumerate(pairs):
        if b == 0 and a == 0:
            continue
        n = t.shape[d]
        if b >= n or a >= n:
            raise ValueError(f"For 'MirrorPad', in 'REFLECT' mode the padding of dimension {d} must be less than "
                             f"its size {n}, but got ({b}, {a}).")
        idx = list(range(b, 0, -1)) + list(range(n)) + list(range(n - 2, n - 2 - a, -1))
        t = t.index_select(d, torch.tensor(idx, device=t.device))
    return t


def _mirror(t, paddings, mode, where):
    pairs = [tuple(int(v) for v in row) for row in unwrap(paddings).reshape(-1, 2).tolist()] \
        if isinstance(unwrap(paddings), torch.Tensor) else [tuple(p) for p in paddings]
    if len(pairs) != t.dim():
        raise ValueError(f"For '{where}', 'paddings' must have {t.dim()} rows, but got {len(pairs)}.")
    if mode == "REFLECT":
        return _reflect_pad(t, pairs)
    if mode == "SYMMETRIC":
        return _symmetric_pad(t, pairs)
    raise ValueError(f"For '{where}', 'mode' must be 'REFLECT' or 'SYMMETRIC', but got {mode!r}.")


@op(samples=(S(f32(1, 3, 3), V([[0, 0], [1, 1], [1, 1]], "int64"), "REFLECT"),
             S(f32(1, 3, 3), V([[0, 0], [1, 2], [2, 1]], "int64"), "SYMMETRIC")))
def mirror_pad(input_x, paddings, mode):
    return _mirror(input_x, paddings, mode, "mirror_pad")


attr_prim("MirrorPad", None, {"mode": "REFLECT"},
          call=lambda self, x, paddings: Tensor._make(_mirror(unwrap(x), paddings, self.mode, "MirrorPad")))


def _padding_prim(self, x):
    t = unwrap(x)
    if t.shape[-1] != 1:
        raise ValueError(f"For 'Padding', the last dimension of the input must be 1, but got {t.shape[-1]}.")
    return Tensor._make(F.pad(t, (0, self.pad_dim_size - 1)))


attr_prim("Padding", None, {"pad_dim_size": 8}, call=_padding_prim)


# ---------------------------------------------------------------------------------------------
# dense / flatten / dropout
# ---------------------------------------------------------------------------------------------
attr_prim("Dense", None, {}, call=lambda self, x, w, b=None: OPS["dense"](x, w, b))


def _flatten_prim(self, x):
    t = unwrap(x)
    return Tensor._make(t.reshape(t.shape[0], -1) if t.dim() > 0 else t.reshape(1))


attr_prim("Flatten", None, {}, call=_flatten_prim)


def _dropout_prim(self, x):
    t = unwrap(x)
    if not 0 < self.keep_prob <= 1:
        raise ValueError(f"For 'Dropout', 'keep_prob' must be in range (0, 1], but got {self.keep_prob}.")
    mask = (torch.rand_like(t, dtype=torch.float32) < self.keep_prob)
    out = t * mask.to(t.dtype) / self.keep_prob
    return Tensor._make(out), Tensor._make(mask.to(t.dtype))


attr_prim("Dropout", None, {"keep_prob": 0.5, "Seed0": 0, "Seed1": 0}, call=_dropout_prim)


# ---------------------------------------------------------------------------------------------
# pooling with argmax, unpooling
# ---------------------------------------------------------------------------------------------
def _pads_for(mode, sizes, k, s, pads, nd, where):
    if mode == "same":
        return [same_pads(sizes[i], k[i], s[i], 1) for i in range(nd)]
    if mode == "pad":
        if isinstance(pads, int):
            return [(pads, pads)] * nd
        pads = tuple(pads)
        if len(pads) == nd:
            return [(p, p) for p in pads]
        return [(pads[2 * i], pads[2 * i + 1]) for i in range(nd)]
    return [(0, 0)] * nd


def _max_pool_nd(t, k, s, pads, ceil_mode, nd, dilation=1):
    fn = (F.max_pool1d, F.max_pool2d, F.max_pool3d)[nd - 1]
    if all(a == b for a, b in pads) and all(2 * a <= kk for (a, _), kk in zip(pads, k)):
        return fn(t, k, s, tuple(a for a, _ in pads), dilation, ceil_mode, True)
    flat = []
    for a, b in reversed(pads):
        flat += [a, b]
    return fn(F.pad(t, flat, value=-math.inf), k, s, 0, dilation, ceil_mode, True)


def _maxpool3d_prim(self, x):
    t = unwrap(x)
    k = _tuple(self.kernel_size, 3, "kernel_size", "MaxPool3D")
    s = _tuple(self.strides, 3, "strides", "MaxPool3D")
    mode = _check_pad_mode(self.pad_mode, "MaxPool3D")
    pads = _pads_for(mode, t.shape[2:], k, s, self.pad_list, 3, "MaxPool3D")
    return Tensor._make(_max_pool_nd(t, k, s, pads, bool(self.ceil_mode), 3)[0])


attr_prim("MaxPool3D", None, {"kernel_size": 1, "strides": 1, "pad_mode": "VALID", "pad_list": 0, "ceil_mode": None,
                              "data_format": "NCDHW"}, call=_maxpool3d_prim)


def _argmax_prim(self, x):
    t = unwrap(x)
    k = _tuple(self.kernel_size, 2, "kernel_size", "MaxPoolWithArgmax")
    s = _tuple(self.strides, 2, "strides", "MaxPoolWithArgmax")
    mode = _check_pad_mode(self.pad_mode, "MaxPoolWithArgmax")
    pads = _pads_for(mode, t.shape[2:], k, s, 0, 2, "MaxPoolWithArgmax")
    pads = [(0, a + b) for a, b in pads]     # this kernel puts all of the 'same' padding after the data
    out, idx = _max_pool_nd(t, k, s, pads, False, 2)
    if any(a or b for a, b in pads):         # indices of the padded map -> of the input
        w_pad = t.shape[3] + pads[1][0] + pads[1][1]
        r, c = idx // w_pad - pads[0][0], idx % w_pad - pads[1][0]
        idx = r * t.shape[3] + c
    # the reference's argmax counts over (C, H, W) of each sample
    idx = idx + (torch.arange(t.shape[1], device=t.device) * (t.shape[2] * t.shape[3])).reshape(1, -1, 1, 1)
    return Tensor._make(out), Tensor._make(idx.int())


attr_prim("MaxPoolWithArgmax", None, {"kernel_size": 1, "strides": 1, "pad_mode": "valid", "data_format": "NCHW"},
          call=_argmax_prim)


def _argmax_v2_prim(self, x):
    t = unwrap(x)
    k = _tuple(self.kernel_size, 2, "kernel_size", "MaxPoolWithArgmaxV2")
    s = k if self.strides is None else _tuple(self.strides, 2, "strides", "MaxPoolWithArgmaxV2")
    p = _tuple(self.pads, 2, "pads", "MaxPoolWithArgmaxV2")
    d = _tuple(self.dilation, 2, "dilation", "MaxPoolWithArgmaxV2")
    out, idx = F.max_pool2d(t, k, s, p, d, self.ceil_mode, True)
    return Tensor._make(out), Tensor._make(idx.to(mstype.to_torch(self.argmax_type)))


attr_prim("MaxPoolWithArgmaxV2", None, {"kernel_size": _REQ, "strides": None, "pads": 0, "dilation": (1, 1),
                                        "ceil_mode": False, "argmax_type": mstype.int64}, call=_argmax_v2_prim)


def _argmax3d_prim(self, x):
    t = unwrap(x)
    k = _tuple(self.ksize, 3, "ksize", "MaxPool3DWithArgmax")
    s = _tuple(self.strides, 3, "strides", "MaxPool3DWithArgmax")
    p = _tuple(self.pads, 3, "pads", "MaxPool3DWithArgmax")
    d = _tuple(self.dilation, 3, "dilation", "MaxPool3DWithArgmax")
    out, idx = F.max_pool3d(t, k, s, p, d, self.ceil_mode, True)
    return Tensor._make(out), Tensor._make(idx.to(mstype.to_torch(self.argmax_type)))


attr_prim("MaxPool3DWithArgmax", None, {"ksize": _REQ, "strides": _REQ, "pads": _REQ, "dilation": (1, 1, 1),
                                        "ceil_mode": False, "data_format": "NCDHW", "argmax_type": mstype.int64},
          call=_argmax3d_prim)


def _unpool_prim(nd):
    name = f"MaxUnpool{nd}D"

    def call(self, x, argmax):
        t, idx = unwrap(x), unwrap(argmax).long()
        k = _tuple(self.ksize, nd, "ksize", name)
        s = k if not self.strides else _tuple(self.strides, nd, "strides", name)
        p = _tuple(self.pads, nd, "pads", name)
        size = tuple(self.output_shape)[-nd:] if self.output_shape else None
        fn = F.max_unpool2d if nd == 2 else F.max_unpool3d
        return Tensor._make(fn(t, idx, k, s, p, size))
    return call


attr_prim("MaxUnpool2D", None, {"ksize": _REQ, "strides": 0, "pads": 0, "output_shape": (), "data_format": "NCHW"},
          call=_unpool_prim(2))
attr_prim("MaxUnpool3D", None, {"ksize": _REQ, "strides": 0, "pads": 0, "output_shape": (), "data_format": "NCDHW"},
          call=_unpool_prim(3))


# ---------------------------------------------------------------------------------------------
# transposed convolutions
# ---------------------------------------------------------------------------------------------
def _conv2d_input_grad(self, dout, weight, input_size):
    dy, w = unwrap(dout), unwrap(weight)
    size = _ints(input_size)
    k = (w.shape[2], w.shape[3])
    s = _tuple(self.stride, 2, "stride", self.name)
    d = _tuple(self.dilation, 2, "dilation", self.name)
    mode = _check_pad_mode(self.pad_mode, self.name)
    if mode == "same":
        pads = [same_pads(size[2 + i], k[i], s[i], d[i]) for i in range(2)]
    elif mode == "pad":
        p = self.pad if not isinstance(self.pad, int) else (self.pad,) * 4
        pads = [(p[0], p[1]), (p[2], p[3])]
    else:
        pads = [(0, 0), (0, 0)]
    padded = (size[0], size[1], size[2] + sum(pads[0]), size[3] + sum(pads[1]))
    g = torch.nn.grad.conv2d_input(padded, w, dy, s, 0, d, self.group)
    return Tensor._make(g[:, :, pads[0][0]:pads[0][0] + size[2], pads[1][0]:pads[1][0] + size[3]])


_CONV_T = {"out_channel": _REQ, "kernel_size": _REQ, "pad_mode": "valid", "pad": 0, "pad_list": None, "mode": 1,
           "stride": 1, "dilation": 1, "group": 1, "data_format": "NCHW"}
attr_prim("Conv2DBackpropInput", None, _CONV_T, call=_conv2d_input_grad)
attr_prim("Conv2DTranspose", None, _CONV_T, call=_conv2d_input_grad)


def _conv3d_transpose_prim(self, x, w):
    return Tensor._make(conv3d_transpose.__wrapped_impl__(unwrap(x), unwrap(w), self.pad_mode, self.pad, self.stride,
                                                          self.dilation, self.group, self.output_padding))


attr_prim("Conv3DTranspose", None, {"in_channel": _REQ, "out_channel": _REQ, "kernel_size": _REQ, "mode": 1,
                                    "pad_mode": "valid", "pad": 0, "stride": 1, "dilation": 1, "group": 1,
                                    "output_padding": 0, "data_format": "NCDHW"}, call=_conv3d_transpose_prim)


# ---------------------------------------------------------------------------------------------
# sampling grids, patches
# ---------------------------------------------------------------------------------------------
def _grid_sampler(self, x, grid):
    return OPS["grid_sample"](x, grid, self.interpolation_mode, self.padding_mode, self.align_corners)


attr_prim("GridSampler2D", None, {"interpolation_mode": "bilinear", "padding_mode": "zeros", "align_corners": False},
          call=_grid_sampler)
attr_prim("GridSampler3D", None, {"interpolation_mode": "bilinear", "padding_mode": "zeros", "align_corners": False},
          call=_grid_sampler)
attr_prim("AffineGrid", None, {"align_corners": False},
          call=lambda self, theta, output_size: OPS["affine_grid"](theta, _ints(output_size), self.align_corners))


def _im2col(self, x):
    t = unwrap(x)
    k = _tuple(self.ksizes, 2, "ksizes", "Im2Col")
    cols = F.unfold(t, k, _tuple(self.dilations, 2, "dilations", "Im2Col"), _im2col_pads(self.pads),
                    _tuple(self.strides, 2, "strides", "Im2Col"))
    return Tensor._make(cols.reshape(t.shape[0], t.shape[1], k[0] * k[1], -1))


def _im2col_pads(p):
    if isinstance(p, int):
        return (p, p)
    p = tuple(p)
    if len(p) == 1:
        return (p[0], p[0])
    if len(p) == 2:
        return p
    if len(p) == 4 and p[0] == p[1] and p[2] == p[3]:
        return (p[0], p[2])
    raise ValueError(f"For 'Im2Col', 'pads' must be an int or a tuple of 1, 2 or 4 ints, but got {p!r}.")


attr_prim("Im2Col", None, {"ksizes": _REQ, "strides": 1, "dilations": 1, "pads": 0}, call=_im2col)


def _col2im(self, x, output_size):
    return Tensor._make(_col2im_torch(unwrap(x), output_size, self.kernel_size, self.dilation, self.padding,
                                      self.stride))


attr_prim("Col2Im", None, {"kernel_size": _REQ, "dilation": 1, "padding": 0, "stride": 1}, call=_col2im)


# ---------------------------------------------------------------------------------------------
# resize kernels (TensorFlow coordinate rules)
# ---------------------------------------------------------------------------------------------
def _linear_weights(n_in, n_out, mode):
    """(n_out, n_in) linear interpolation weights; mode 'align_corners' | 'half_pixel' | 'asymmetric'."""
    w = np.zeros((n_out, n_in), np.float64)
    if mode == "align_corners":
        scale = (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
    else:
        scale = n_in / n_out
    for i in range(n_out):
        x = (i + 0.5) * scale - 0.5 if mode == "half_pixel" else i * scale
        x = min(max(x, 0.0), n_in - 1)
        lo = int(math.floor(x))
        hi = min(lo + 1, n_in - 1)
        f = x - lo
        w[i, lo] += 1 - f
        w[i, hi] += f
    return w


def _nearest_index(n_in, n_out, align_corners, half_pixel):
    if align_corners:
        scale = (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
    else:
        scale = n_in / n_out
    idx = []
    for i in range(n_out):
        if half_pixel:
            x = math.floor((i + 0.5) * scale)
        elif align_corners:
            x = math.floor(i * scale + 0.5)      # round half away from zero
        else:
            x = math.floor(i * scale)
        idx.append(min(max(int(x), 0), n_in - 1))
    return idx


def _apply_separable(t, mats):
    """Apply one (n_out, n_in) matrix per trailing spatial dimension."""
    nd = len(mats)
    for i, m in enumerate(mats):
        dim = t.dim() - nd + i
        m = torch.from_numpy(m.copy()).to(dtype=t.dtype, device=t.device)
        t = torch.tensordot(t, m, dims=([dim], [1])).movedim(-1, dim)
    return t


def _check_4d(t, where):
    if t.dim() != 4:
        raise ValueError(f"For '{where}', the input must be a 4-D tensor, but got {t.dim()}-D.")


def _resize_bilinear(self, x, size):
    t = unwrap(x)
    _check_4d(t, "ResizeBilinearV2")
    h, w = _ints(size)
    mode = "align_corners" if self.align_corners else ("half_pixel" if self.half_pixel_centers else "asymmetric")
    out = _apply_separable(t.float() if not t.is_floating_point() else t,
                           [_linear_weights(t.shape[2], h, mode), _linear_weights(t.shape[3], w, mode)])
    return Tensor._make(out)


attr_prim("ResizeBilinearV2", None, {"align_corners": False, "half_pixel_centers": False}, call=_resize_bilinear)


def _resize_nearest(t, size, align_corners, half_pixel):
    ih = _nearest_index(t.shape[-2], size[0], align_corners, half_pixel)
    iw = _nearest_index(t.shape[-1], size[1], align_corners, half_pixel)
    return t.index_select(-2, torch.tensor(ih, device=t.device)).index_select(-1, torch.tensor(iw, device=t.device))


attr_prim("ResizeNearestNeighbor", None, {"size": _REQ, "align_corners": False, "half_pixel_centers": False},
          call=lambda self, x: Tensor._make(_resize_nearest(unwrap(x), _ints(self.size), self.align_corners, False)))
# (the reference's ResizeNearestNeighbor kernel ignores half_pixel_centers; V2 honours it)
attr_prim("ResizeNearestNeighborV2", None, {"align_corners": False, "half_pixel_centers": False},
          call=lambda self, x, size: Tensor._make(_resize_nearest(unwrap(x), _ints(size), self.align_corners,
                                                                  self.half_pixel_centers)))


def _resize_bicubic(self, x, size):
    t = unwrap(x)
    _check_4d(t, "ResizeBicubic")
    h, w = _ints(size)
    return Tensor._make(_apply_separable(t, [_cubic_weights(t.shape[2], h, self.align_corners, self.half_pixel_centers),
                                             _cubic_weights(t.shape[3], w, self.align_corners,
                                                            self.half_pixel_centers)]))


attr_prim("ResizeBicubic", None, {"align_corners": False, "half_pixel_centers": False}, call=_resize_bicubic)


def _resize_linear1d(self, x, size):
    t = unwrap(x)
    mode = self.coordinate_transformation_mode
    if mode == "asymmetric":
        raise RuntimeError("For 'ResizeLinear1D', coordinate_transformation_mode not support now.")
    if mode not in ("align_corners", "half_pixel"):
        raise ValueError(f"For 'ResizeLinear1D', 'coordinate_transformation_mode' must be 'align_corners' or "
                         f"'half_pixel', but got {mode!r}.")
    (n,) = _ints(size)
    return Tensor._make(_apply_separable(t, [_linear_weights(t.shape[-1], n, mode)]))


attr_prim("ResizeLinear1D", None, {"coordinate_transformation_mode": "align_corners"}, call=_resize_linear1d)


def _upsample3d(mode):
    def call(self, x, output_size=None, scales=None):
        t = unwrap(x)
        if (output_size is None) == (scales is None):
            raise ValueError(f"For 'Upsample{'Nearest' if mode == 'nearest' else 'Trilinear'}3D', exactly one of "
                             f"'output_size' and 'scales' must be given.")
        size = _ints(output_size) if output_size is not None else None
        sc = tuple(float(v) for v in (unwrap(scales).tolist() if isinstance(unwrap(scales), torch.Tensor)
                                      else scales)) if scales is not None else None
        if mode == "nearest":
            return Tensor._make(F.interpolate(t, size=size, scale_factor=sc, mode="nearest"))
        return Tensor._make(F.interpolate(t, size=size, scale_factor=sc, mode="trilinear",
                                          align_corners=self.align_corners))
    return call


attr_prim("UpsampleNearest3D", None, {}, call=_upsample3d("nearest"))
attr_prim("UpsampleTrilinear3D", None, {"align_corners": False}, call=_upsample3d("trilinear"))


# ---------------------------------------------------------------------------------------------
# top-k membership, CTC decoding and loss
# ---------------------------------------------------------------------------------------------
@op(prim=None, samples=(S(f32(3, 4), V([0, 1, 2], "int32"), 2), S(f32(3, 4), V([3, 3, 0], "int32"), 1)))
def intopk(x1, x2, k):
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"For 'intopk', 'k' must be an int, but got {type(k).__name__}.")
    if x1.dim() != 2 or x2.dim() != 1 or x1.shape[0] != x2.shape[0]:
        raise ValueError(f"For 'intopk', 'x1' must be 2-D and 'x2' 1-D with x1.shape[0] elements, but got "
                         f"{tuple(x1.shape)} and {tuple(x2.shape)}.")
    target = x1.gather(1, x2.long().unsqueeze(1))
    larger = (x1 > target).sum(1)
    return larger < k


attr_prim("InTopK", None, {"k": _REQ}, call=lambda self, x1, x2: OPS["intopk"](x1, x2, self.k))


def _greedy_decode(inputs, sequence_length, merge_repeated):
    t = unwrap(inputs)
    lens = unwrap(sequence_length).tolist()
    steps, batch, classes = t.shape
    blank = classes - 1
    best = t.argmax(-1)                               # (T, N)
    best_val = t.max(-1).values
    indices, values, logp = [], [], []
    max_len = 0
    for b in range(batch):
        seq, prev = [], None
        total = 0.0
        for s in range(int(lens[b])):
            c = int(best[s, b])
            total += float(best_val[s, b])
            if c != blank and not (merge_repeated and c == prev):
                seq.append(c)
            prev = c
        for j, c in enumerate(seq):
            indices.append((b, j))
            values.append(c)
        max_len = max(max_len, len(seq))
        logp.append(-total)
    dev = t.device
    return (Tensor._make(torch.tensor(indices, dtype=torch.int64, device=dev).reshape(-1, 2)),
            Tensor._make(torch.tensor(values, dtype=torch.int64, device=dev)),
            Tensor._make(torch.tensor([batch, max_len], dtype=torch.int64, device=dev)),
            Tensor._make(torch.tensor(logp, dtype=t.dtype, device=dev).reshape(batch, 1)))


def ctc_greedy_decoder(inputs, sequence_length, merge_repeated=True):
    """Greedy CTC decoding (blank = the last class): (indices, values, dense shape, negative log-probability sums)."""
    return _greedy_decode(inputs, sequence_length, merge_repeated)


ctc_greedy_decoder.__module__ = "lightspore.ops"
OPS["ctc_greedy_decoder"] = ctc_greedy_decoder
attr_prim("CTCGreedyDecoder", None, {"merge_repeated": True},
          call=lambda self, inputs, sequence_length: _greedy_decode(inputs, sequence_length, self.merge_repeated))


def _ctc_loss_prim(self, inputs, labels_indices, labels_values, sequence_length):
    if self.preprocess_collapse_repeated or not self.ctc_merge_repeated:
        raise ValueError("For 'CTCLoss', only preprocess_collapse_repeated=False with ctc_merge_repeated=True "
                         "(the standard CTC loss) is supported.")
    x = unwrap(inputs)
    idx = unwrap(labels_indices).long()
    vals = unwrap(labels_values).long()
    lens = unwrap(sequence_length).long()
    steps, batch, classes = x.shape
    tl = torch.bincount(idx[:, 0], minlength=batch)
    targets = torch.zeros((batch, max(int(tl.max()) if tl.numel() else 0, 1)), dtype=torch.long, device=x.device)
    targets[idx[:, 0], idx[:, 1]] = vals
    taped = torch.is_grad_enabled() and x.requires_grad     # inside grad/value_and_grad: the loss stays on the tape
    with torch.enable_grad():
        leaf = x if taped else x.detach().requires_grad_(True)
        lp = torch.log_softmax(leaf, -1)
        loss = F.ctc_loss(lp, targets, lens, tl, blank=classes - 1, reduction="none",
                          zero_infinity=bool(self.ignore_longer_outputs_than_inputs))
        (g,) = torch.autograd.grad(loss.sum(), leaf, retain_graph=taped)
    return Tensor._make(loss if taped else loss.detach()), Tensor._make(g.detach())


attr_prim("CTCLoss", None, {"preprocess_collapse_repeated": False, "ctc_merge_repeated": True,
                            "ignore_longer_outputs_than_inputs": False}, call=_ctc_loss_prim)


@op(samples=(S(f32(2, 1)), S(f32(3, 1), 4)))
def padding(x, pad_dim_size=8):
    return _padding_prim(type("P", (), {"pad_dim_size": pad_dim_size})(), Tensor._make(x))._t


def _adaptive_max3d_prim(self, x, output_size):
    t = unwrap(x)
    out, idx = F.adaptive_max_pool3d(t, _ints(output_size), True)
    return Tensor._make(out), Tensor._make(idx.int())


attr_prim("AdaptiveMaxPool3D", None, {}, call=_adaptive_max3d_prim)


def _embedding_lookup(self, input_params, input_indices, offset):
    p, idx = unwrap(input_params), unwrap(input_indices).long() - int(unwrap(offset))
    valid = (idx >= 0) & (idx < p.shape[0])
    rows = p[idx.clamp(0, p.shape[0] - 1)]
    return Tensor._make(torch.where(valid.unsqueeze(-1), rows, torch.zeros_like(rows)))


attr_prim("EmbeddingLookup", None, {}, call=_embedding_lookup)


def _area_weights(n_in, n_out, align_corners):
    """(n_out, n_in) weights of TensorFlow's ResizeArea: each output cell averages the input it covers."""
    scale = (n_in - 1) / (n_out - 1) if align_corners and n_out > 1 else n_in / n_out
    w = np.zeros((n_out, n_in), np.float64)
    for i in range(n_out):
        y0, y1 = i * scale, (i + 1) * scale
        for j in range(int(math.floor(y0)), int(math.ceil(y1))):
            overlap = min(y1, j + 1) - max(y0, j)
            if overlap > 0:
                w[i, min(j, n_in - 1)] += overlap / scale
    return w


def _resize_area(self, images, size):
    t = unwrap(images)
    if t.dim() != 4:
        raise ValueError(f"For 'ResizeArea', the images must be a 4-D tensor (NHWC), but got {t.dim()}-D.")
    h, w = _ints(size)
    x = t.to(torch.float32).movedim(-1, 1)
    out = _apply_separable(x, [_area_weights(t.shape[1], h, self.align_corners),
                               _area_weights(t.shape[2], w, self.align_corners)])
    return Tensor._make(out.movedim(1, -1))


attr_prim("ResizeArea", None, {"align_corners": False}, call=_resize_area)


@op(samples=(Prop("softmax_rows", f32(2, 3)), Prop("softmax_rows", f32(2, 4), 0.5, True),
             Prop("softmax_rows", f32(3, 2), 1.0, False, 0), S(f32(2, 3), 0.0)))    # the noise is random
def gumbel_softmax(logits, tau=1.0, hard=False, dim=-1):
    if logits.dtype not in (torch.float16, torch.float32):
        raise TypeError(f"For 'gumbel_softmax', the 'logits' should be float16 or float32, but got "
                        f"{mstype.from_torch(logits.dtype)}.")
    if isinstance(tau, bool) or not isinstance(tau, float):
        raise TypeError(f"For 'gumbel_softmax', the 'tau' must be a float, but got {type(tau).__name__}.")
    if not isinstance(hard, bool):
        raise TypeError(f"For 'gumbel_softmax', the 'hard' must be a bool, but got {type(hard).__name__}.")
    if tau <= 0:
        raise ValueError(f"For 'gumbel_softmax', the 'tau' must be positive, but got {tau}.")
    u = torch.rand_like(logits)
    y = torch.softmax((logits - torch.log(-torch.log(u))) / tau, dim)
    if hard:
        onehot = torch.zeros_like(y).scatter_(dim, y.argmax(dim, keepdim=True), 1.0)
        return (onehot - y).detach() + y
    return y


def _tensor_list(x, where):
    if isinstance(x, Tensor):
        return [x], True
    if isinstance(x, (tuple, list)) and all(isinstance(i, Tensor) for i in x):
        return list(x), False
    raise TypeError(f"For '{where}', 'x' must be a Tensor or a tuple/list of Tensors, but got {type(x).__name__}.")


def clip_by_norm(x, max_norm, norm_type=2.0, error_if_nonfinite=False):
    """Scales ``x`` (a Tensor or a sequence of them) so that their joint ``norm_type`` norm is at most ``max_norm``."""
    xs, single = _tensor_list(x, "clip_by_norm")
    ts = [i._t for i in xs]
    if norm_type == float("inf"):
        total = torch.stack([t.abs().max() for t in ts]).max()
    else:
        total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(t, norm_type) for t in ts]),
                                         norm_type)
    if error_if_nonfinite and not bool(torch.isfinite(total)):
        raise RuntimeError(f"For clip_by_norm, the total norm of order {norm_type} from input is non-finite.")
    coef = unwrap(max_norm) / (total + 1e-6)
    out = [Tensor._make(t * coef) for t in ts] if bool(coef < 1) else xs
    return out[0] if single else out


def clip_by_global_norm(x, clip_norm=1.0, use_norm=None):
    """Scales the tensors in ``x`` by ``clip_norm / max(global L2 norm, clip_norm)``."""
    if isinstance(clip_norm, bool) or not isinstance(clip_norm, (int, float)) or clip_norm <= 0:
        raise ValueError(f"For 'clip_by_global_norm', 'clip_norm' must be a number > 0, but got {clip_norm!r}.")
    if use_norm is not None:
        raise ValueError(f"For 'clip_by_global_norm', input 'use_norm' only supports None currently, but got "
                         f"'use_norm': {use_norm}")
    xs, _ = _tensor_list(x, "clip_by_global_norm")
    norm = torch.sqrt(sum(torch.sum(torch.square(i._t.float())) for i in xs))
    norm = torch.clamp(norm, min=float(clip_norm))
    return tuple(Tensor._make((i._t * clip_norm / norm).to(i._t.dtype)) for i in xs)


for _f in (clip_by_norm, clip_by_global_norm):
    _f.__module__ = "lightspore.ops"
    OPS[_f.__name__] = _f


def _ctc_v2_prim(self, log_probs, targets, input_lengths, target_lengths):
    loss, alpha = OPS["ctc_loss"](log_probs, targets, input_lengths, target_lengths, self.blank, "none",
                                  self.zero_infinity)
    if self.reduction != "none":
        raise ValueError(f"For 'CTCLossV2', 'reduction' must be 'none', but got {self.reduction!r}.")
    return loss, alpha


attr_prim("CTCLossV2", None, {"blank": 0, "reduction": "none", "zero_infinity": False}, call=_ctc_v2_prim)


# ---------------------------------------------------------------------------------------------
# fractional max pooling, crop_and_resize
# ---------------------------------------------------------------------------------------------
def _fractional_size(x, nd, output_size, output_ratio, where):
    if output_size is None and output_ratio is None:
        raise ValueError(f"For {where}, 'output_size' and 'output_ratio' can not be None at the same time.")
    if output_size is not None:
        return _tuple(output_size, nd, "output_size", where)
    if isinstance(output_ratio, (float, int)):
        if not isinstance(output_ratio, float):
            raise TypeError(f"For '{where}', 'output_ratio' must be a float, but got {type(output_ratio).__name__}.")
        output_ratio = (output_ratio,) * nd
    for r in output_ratio:
        if not 0.0 < r < 1.0:
            raise ValueError(f"For '{where}', every 'output_ratio' must be in (0, 1), but got {output_ratio}.")
    return tuple(int(x.shape[-nd + i] * output_ratio[i]) for i in range(nd))


def _fractional(nd):
    where = f"fractional_max_pool{nd}d"
    fn = F.fractional_max_pool2d if nd == 2 else F.fractional_max_pool3d

    def impl(input, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None):
        if not isinstance(return_indices, bool):
            raise TypeError(f"For '{where}', 'return_indices' must be a bool, but got "
                            f"{type(return_indices).__name__}.")
        size = _fractional_size(input, nd, output_size, output_ratio, where)
        squeeze = input.dim() == nd + 1
        x = input.unsqueeze(0) if squeeze else input
        samples = _random_samples
        if samples is None:
            samples = torch.rand(x.shape[0], x.shape[1], nd, dtype=x.dtype if x.is_floating_point() else None,
                                 device=x.device)
        out, idx = fn(x, _tuple(kernel_size, nd, "kernel_size", where), output_size=size, return_indices=True,
                      _random_samples=samples.to(x.dtype))
        if squeeze:
            out, idx = out.squeeze(0), idx.squeeze(0)
        return (out, idx) if return_indices else out
    impl.__name__ = where
    return impl


# with _random_samples the windows are fixed; without, their offsets are random
fractional_max_pool2d = op(out="any", samples=(
    S(f32(1, 1, 5, 5), (2, 2), (2, 2), None, True, V([[[0.3, 0.6]]])),
    S(f32(2, 6, 6), 2, None, 0.5, False, V([[[0.9, 0.1], [0.5, 0.5]]])),
    Prop("pooled_at", f32(1, 2, 7, 6), 2, (3, 3), None, True)))(_fractional(2))
fractional_max_pool3d = op(out="any", samples=(
    S(f32(1, 1, 4, 4, 5), (2, 2, 2), (2, 2, 3), None, True, V([[[0.3, 0.6, 0.1]]])),
    Prop("pooled_at", f32(1, 2, 5, 5, 5), 2, (3, 3, 3), None, True)))(_fractional(3))


@op(samples=(S(f32(1, 4, 4, 1), V([[0, 0, 1, 1], [0.25, 0.25, 0.75, 1]], "float32"), V([0, 0], "int32"), (2, 3)),))
def crop_and_resize(image, boxes, box_indices, crop_size, method="bilinear", extrapolation_value=0.0):
    if method not in ("bilinear", "nearest", "bilinear_v2"):
        raise ValueError(f"For 'crop_and_resize', 'method' must be 'bilinear', 'nearest' or 'bilinear_v2', but got "
                         f"{method!r}.")
    if image.dim() != 4:
        raise ValueError(f"For 'crop_and_resize', 'image' must be a 4-D tensor (NHWC), but got {image.dim()}-D.")
    ch, cw = crop_size
    _, h, w, _ = image.shape
    img = image.to(torch.float32)
    b = boxes.to(torch.float32)
    y1, x1, y2, x2 = b[:, 0:1], b[:, 1:2], b[:, 2:3], b[:, 3:4]

    def coords(lo, hi, n_out, n_in):
        steps = torch.arange(n_out, dtype=torch.float32, device=image.device)[None, :]
        if n_out > 1:
            return lo * (n_in - 1) + steps * (hi - lo) * (n_in - 1) / (n_out - 1)
        return (0.5 * (lo + hi) * (n_in - 1)).expand(-1, 1)

    ys, xs = coords(y1, y2, ch, h), coords(x1, x2, cw, w)              # (B, ch), (B, cw)
    src = img[box_indices.long()]                                      # (B, H, W, C)
    inside = ((ys >= 0) & (ys <= h - 1))[:, :, None] & ((xs >= 0) & (xs <= w - 1))[:, None, :]
    bidx = torch.arange(src.shape[0], device=image.device)[:, None, None]
    if method == "nearest":
        yi = torch.floor(ys + 0.5).clamp(0, h - 1).long()[:, :, None]      # round half away from zero
        xi = torch.floor(xs + 0.5).clamp(0, w - 1).long()[:, None, :]
        out = src[bidx, yi, xi]
    else:
        y0 = torch.floor(ys).clamp(0, h - 1)
        x0 = torch.floor(xs).clamp(0, w - 1)
        y1i, x1i = torch.ceil(ys).clamp(0, h - 1).long(), torch.ceil(xs).clamp(0, w - 1).long()
        dy = (ys - y0)[:, :, None, None]
        dx = (xs - x0)[:, None, :, None]
        y0, x0 = y0.long(), x0.long()
        tl = src[bidx, y0[:, :, None], x0[:, None, :]]
        tr = src[bidx, y0[:, :, None], x1i[:, None, :]]
        bl = src[bidx, y1i[:, :, None], x0[:, None, :]]
        br = src[bidx, y1i[:, :, None], x1i[:, None, :]]
        top = tl + (tr - tl) * dx
        bottom = bl + (br - bl) * dx
        out = top + (bottom - top) * dy
    return torch.where(inside[..., None], out, torch.full_like(out, float(extrapolation_value)))


attr_prim("CropAndResize", None, {"method": "bilinear", "extrapolation_value": 0.0},
          call=lambda self, image, boxes, box_indices, crop_size: OPS["crop_and_resize"](
              image, boxes, box_indices, crop_size, self.method, self.extrapolation_value))


# ---------------------------------------------------------------------------------------------
# deformable convolution (v2)
# ---------------------------------------------------------------------------------------------
def _four(v, name):
    if not isinstance(v, tuple) or len(v) != 4 or not all(isinstance(i, int) for i in v):
        raise TypeError(f"For 'deformable_conv2d', '{name}' must be a tuple of 4 ints, but got {v!r}.")
    return v


@op(samples=(S(f32(1, 2, 4, 4), f32(2, 2, 2, 2, seed=1), A((1, 12, 3, 3), "float32", -1, 1, 2), (2, 2), (1, 1, 1, 1),
               (0, 0, 0, 0)),
             S(f32(1, 2, 4, 4), f32(3, 2, 2, 2, seed=1), A((1, 12, 2, 2), "float32", -1, 1, 2), (2, 2), (1, 1, 2, 2),
               (1, 0, 0, 1), f32(3, seed=3))))
def deformable_conv2d(x, weight, offsets, kernel_size, strides, padding, bias=None, dilations=(1, 1, 1, 1), groups=1,
                      deformable_groups=1, modulated=True):
    if not isinstance(modulated, bool):
        raise TypeError(f"For 'deformable_conv2d', 'modulated' must be a bool, but got {type(modulated).__name__}.")
    if not modulated:
        raise ValueError("For 'deformable_conv2d', 'modulated' only supports True (DeformableConv2D v2).")
    if not isinstance(kernel_size, tuple) or len(kernel_size) != 2:
        raise TypeError(f"For 'deformable_conv2d', 'kernel_size' must be a tuple of 2 ints, but got {kernel_size!r}.")
    s, p, d = _four(strides, "strides"), _four(padding, "padding"), _four(dilations, "dilations")
    if s[:2] != (1, 1) or d[:2] != (1, 1):
        raise ValueError("For 'deformable_conv2d', the N and C dimensions of 'strides' and 'dilations' must be 1.")
    kh, kw = kernel_size
    n, c, h, w = x.shape
    dg = deformable_groups
    xp = F.pad(x, (p[2], p[3], p[0], p[1]))
    hp, wp = xp.shape[2], xp.shape[3]
    ho = (hp - (kh - 1) * d[2] - 1) // s[2] + 1
    wo = (wp - (kw - 1) * d[3] - 1) // s[3] + 1
    k = kh * kw
    off = offsets.reshape(n, 3, dg, kh, kw, ho, wo)
    dx, dy, mask = off[:, 0], off[:, 1], off[:, 2]                      # (N, dg, kh, kw, Ho, Wo)
    dev, dt = x.device, x.dtype
    base_y = (torch.arange(ho, device=dev, dtype=dt) * s[2])[None, None, None, None, :, None] + \
        (torch.arange(kh, device=dev, dtype=dt) * d[2])[None, None, :, None, None, None]
    base_x = (torch.arange(wo, device=dev, dtype=dt) * s[3])[None, None, None, None, None, :] + \
        (torch.arange(kw, device=dev, dtype=dt) * d[3])[None, None, None, :, None, None]
    py, px = base_y + dy, base_x + dx                                   # sampling points in the padded map
    gy = 2 * py / max(hp - 1, 1) - 1
    gx = 2 * px / max(wp - 1, 1) - 1
    grid = torch.stack([gx, gy], -1).reshape(n * dg, k * ho, wo, 2)
    sampled = F.grid_sample(xp.reshape(n * dg, c // dg, hp, wp), grid, "bilinear", "zeros", align_corners=True)
    cols = sampled.reshape(n, dg, c // dg, k, ho, wo) * mask.reshape(n, dg, 1, k, ho, wo)
    cols = cols.reshape(n, groups, (c // groups) * k, ho * wo)
    wmat = weight.reshape(groups, weight.shape[0] // groups, (c // groups) * k)
    out = torch.einsum("gok,ngkl->ngol", wmat, cols).reshape(n, weight.shape[0], ho, wo)
    if bias is not None:
        out = out + bias.reshape(1, -1, 1, 1)
    return out


def _col2im_torch(t, output_size, kernel_size, dilation, padding, stride):
    if t.dim() != 4:
        raise ValueError(f"For 'Col2Im', the input must be a 4-D tensor (N, C, kernel, L), but got {t.dim()}-D.")
    cols = t.reshape(t.shape[0], t.shape[1] * t.shape[2], t.shape[3])
    return F.fold(cols, _ints(output_size), _tuple(kernel_size, 2, "kernel_size", "Col2Im"),
                  _tuple(dilation, 2, "dilation", "Col2Im"), _tuple(padding, 2, "padding", "Col2Im"),
                  _tuple(stride, 2, "stride", "Col2Im"))


@op(method="col2im", samples=(S(f32(1, 1, 4, 4), V([3, 3], "int32"), 2, 1, 0, 1),
                              S(f32(2, 2, 4, 9), V([4, 4], "int32"), (2, 2), 1, 1, 2),
                              S(f32(1, 2, 4, 16), V([4, 5], "int32"), (2, 2), (2, 1), (1, 0), 1),
                              S(f32(1, 4, 4), V([3, 3], "int32"), 2, 1, 0, 1)))
def col2im(input_x, output_size, kernel_size, dilation, padding_value, stride):
    return _col2im_torch(input_x, output_size, kernel_size, dilation, padding_value, stride)


def _fixed_ksize(nd):
    name = "FractionalMaxPoolWithFixedKsize" if nd == 2 else "FractionalMaxPool3DWithFixedKsize"
    fn = F.fractional_max_pool2d if nd == 2 else F.fractional_max_pool3d

    def call(self, x, random_samples):
        t, s = unwrap(x), unwrap(random_samples)
        if self.data_format not in ("NCHW", "NCDHW"):
            raise ValueError(f"For '{name}', only the channels-first data_format is supported, but got "
                             f"{self.data_format!r}.")
        out, idx = fn(t, _tuple(self.ksize, nd, "ksize", name), output_size=_tuple(self.output_shape, nd,
                                                                                     "output_shape", name),
                      return_indices=True, _random_samples=s.to(t.dtype))
        return Tensor._make(out), Tensor._make(idx)
    return name, call


for _nd in (2, 3):
    _name, _call = _fixed_ksize(_nd)
    attr_prim(_name, None, {"ksize": _REQ, "output_shape": _REQ,
                            "data_format": "NCHW" if _nd == 2 else "NCDHW"}, call=_call)


# ---------------------------------------------------------------------------------------------
# RoI Align
# ---------------------------------------------------------------------------------------------
def _bilinear_at(feat, y, x):
    """feat (C, H, W); y, x (...) sample points -> (C, ...), zero outside [-1, H] x [-1, W] (Caffe2 rule)."""
    h, w = feat.shape[1], feat.shape[2]
    outside = (y < -1.0) | (y > h) | (x < -1.0) | (x > w)
    y = y.clamp(min=0)
    x = x.clamp(min=0)
    y0 = y.floor().long().clamp(max=h - 1)
    x0 = x.floor().long().clamp(max=w - 1)
    y1 = (y0 + 1).clamp(max=h - 1)
    x1 = (x0 + 1).clamp(max=w - 1)
    y = torch.where(y0 >= h - 1, y0.to(y.dtype), y)
    x = torch.where(x0 >= w - 1, x0.to(x.dtype), x)
    ly, lx = y - y0, x - x0
    hy, hx = 1 - ly, 1 - lx
    v = (feat[:, y0, x0] * (hy * hx) + feat[:, y0, x1] * (hy * lx) + feat[:, y1, x0] * (ly * hx) +
         feat[:, y1, x1] * (ly * lx))
    return torch.where(outside, torch.zeros_like(v), v)


def _roi_align(self, features, rois):
    x, r = unwrap(features), unwrap(rois)
    ph, pw = self.pooled_height, self.pooled_width
    outs = []
    for roi in r:
        b = int(roi[0])
        x1, y1 = roi[1] * self.spatial_scale, roi[2] * self.spatial_scale
        x2 = (roi[3] + self.roi_end_mode) * self.spatial_scale
        y2 = (roi[4] + self.roi_end_mode) * self.spatial_scale
        rw = torch.clamp(x2 - x1, min=1.0)
        rh = torch.clamp(y2 - y1, min=1.0)
        bh, bw = rh / ph, rw / pw
        # adaptive sampling (sample_num <= 0) takes floor(bin size) points, so a bin under one pixel averages
        # nothing and gives NaN, as the reference's kernel does
        sy = self.sample_num if self.sample_num > 0 else int(float(rh) / ph)
        sx = self.sample_num if self.sample_num > 0 else int(float(rw) / pw)
        iy = (torch.arange(ph, dtype=x.dtype, device=x.device)[:, None] * bh + y1 +
              (torch.arange(sy, dtype=x.dtype, device=x.device)[None, :] + 0.5) * bh / sy)     # (ph, sy)
        ix = (torch.arange(pw, dtype=x.dtype, device=x.device)[:, None] * bw + x1 +
              (torch.arange(sx, dtype=x.dtype, device=x.device)[None, :] + 0.5) * bw / sx)     # (pw, sx)
        yy = iy[:, :, None, None].expand(ph, sy, pw, sx)
        xx = ix[None, None, :, :].expand(ph, sy, pw, sx)
        v = _bilinear_at(x[b], yy, xx)                                                        # (C, ph, sy, pw, sx)
        outs.append(v.mean(dim=(2, 4)))
    if not outs:
        return Tensor._make(x.new_zeros((0, x.shape[1], ph, pw)))
    return Tensor._make(torch.stack(outs))


attr_prim("ROIAlign", None, {"pooled_height": _REQ, "pooled_width": _REQ, "spatial_scale": _REQ, "sample_num": 2,
                             "roi_end_mode": 1}, call=_roi_align)

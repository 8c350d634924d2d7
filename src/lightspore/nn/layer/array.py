"""Array cells: Tril, Triu, OneHot, MatrixDiag, MatrixDiagPart, MatrixSetDiag, Roll, Unfold (image patches)."""
import numbers

import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..cell import Cell, _ArglessCell
from ._validate import tensor_input

__all__ = ["Tril", "Triu", "OneHot", "MatrixDiag", "MatrixDiagPart", "MatrixSetDiag", "Roll", "Unfold"]


def _int(value, arg, cls_name):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"For '{cls_name}', the '{arg}' must be an int, but got {type(value).__name__}.")
    return int(value)


class _Tri(_ArglessCell):
    _fn = None

    def construct(self, x, k=0):
        name = type(self).__name__
        t = tensor_input(x, "x", name)
        k = _int(k, "k value", name.lower())
        if t.dim() < 2:
            raise ValueError(f"For '{name.lower()}', the rank of 'x' must be at least 2, but got {t.dim()}.")
        return Tensor._make(type(self)._fn(t, k))


class Tril(_Tri):
    """Zeroes the elements above the ``k``-th diagonal of the last two axes."""

    _fn = staticmethod(torch.tril)


class Triu(_Tri):
    """Zeroes the elements below the ``k``-th diagonal of the last two axes."""

    _fn = staticmethod(torch.triu)


class OneHot(Cell):
    """One-hot encoding of integer ``indices`` with ``depth`` classes along ``axis``, ``on_value`` where
    the index matches and ``off_value`` elsewhere, in ``dtype``."""

    def __init__(self, axis=-1, depth=1, on_value=1.0, off_value=0.0, dtype=mstype.float32):
        super().__init__()
        self.axis = _int(axis, "axis", "OneHot")
        self.depth = depth
        self.dtype = dtype
        self.on_value = on_value
        self.off_value = off_value

    def construct(self, indices):
        t = tensor_input(indices, "indices", "OneHot")
        if t.dtype not in (torch.int32, torch.int64, torch.uint8):
            raise TypeError(f"For 'OneHot', the 'indices' must be an int32, int64 or uint8 tensor, but got "
                            f"{mstype.from_torch(t.dtype)}.")
        ndim = t.dim() + 1
        if not -ndim <= self.axis < ndim:
            raise ValueError(f"For 'OneHot', the 'axis' must be in range [{-ndim}, {ndim}), but got {self.axis}.")
        depth = _int(self.depth, "depth", "OneHot")
        if depth < 0:
            raise ValueError(f"For 'OneHot', the 'depth' must be non-negative, but got {depth}.")
        dt = mstype.to_torch(self.dtype)
        hit = t.long().unsqueeze(-1) == torch.arange(depth, device=t.device)
        out = torch.where(hit, torch.tensor(self.on_value, dtype=dt, device=t.device),
                          torch.tensor(self.off_value, dtype=dt, device=t.device))
        axis = self.axis % ndim
        if axis != ndim - 1:
            out = out.movedim(-1, axis)
        return Tensor._make(out)


class MatrixDiag(_ArglessCell):
    """A batch of diagonal matrices ``(..., n, n)`` from the diagonals ``x`` of shape ``(..., n)``."""

    def construct(self, input_x):
        t = tensor_input(input_x, "input_x", "MatrixDiag")
        if t.dim() < 1:
            raise ValueError("For 'MatrixDiag', the rank of 'input_x' must be at least 1, but got 0.")
        return Tensor._make(torch.diag_embed(t))


class MatrixDiagPart(_ArglessCell):
    """The main diagonals ``(..., min(m, n))`` of a batch of matrices ``(..., m, n)``."""

    def construct(self, input_x):
        t = tensor_input(input_x, "input_x", "MatrixDiagPart")
        if t.dim() < 2:
            raise ValueError(f"For 'MatrixDiagPart', the rank of 'input_x' must be at least 2, but got {t.dim()}.")
        return Tensor._make(torch.diagonal(t, dim1=-2, dim2=-1))


class MatrixSetDiag(_ArglessCell):
    """``x`` with its main diagonals (last two axes) replaced by ``diagonal`` of shape ``(..., min(m, n))``."""

    def construct(self, input_x, diagonal):
        name = "MatrixSetDiag"
        t, d = tensor_input(input_x, "x", name), tensor_input(diagonal, "diagonal", name)
        if t.dim() < 2:
            raise ValueError(f"For '{name}', the rank of 'x' must be at least 2, but got {t.dim()}.")
        if d.dtype != t.dtype:
            raise TypeError(f"For '{name}', the 'diagonal' must have the dtype of 'x' "
                            f"({mstype.from_torch(t.dtype)}), but got {mstype.from_torch(d.dtype)}.")
        want = tuple(t.shape[:-2]) + (min(t.shape[-2], t.shape[-1]),)
        if tuple(d.shape) != want:
            raise ValueError(f"For '{name}', the shape of 'diagonal' must be {want}, but got {tuple(d.shape)}.")
        n = want[-1]
        eye = torch.eye(t.shape[-2], t.shape[-1], dtype=torch.bool, device=t.device)
        full = torch.zeros_like(t)
        full[..., torch.arange(n), torch.arange(n)] = d
        return Tensor._make(torch.where(eye, full, t))


class Roll(Cell):
    """Rolls the elements along ``axis`` by ``shift`` (ints or equal-length sequences)."""

    def __init__(self, shift, axis):
        super().__init__()
        for arg, v in (("shift", shift), ("axis", axis)):
            validator.check_value_type(arg, v, [int, tuple, list], "Roll")
        self.shift = list(shift) if isinstance(shift, (tuple, list)) else [shift]
        self.axis = list(axis) if isinstance(axis, (tuple, list)) else [axis]
        if len(self.shift) != len(self.axis):
            raise ValueError(f"For 'Roll', the shape of 'shift' and the shape of 'axis' must be the same, but got "
                             f"the length of 'shift' {len(self.shift)} and the length of 'axis' {len(self.axis)}.")

    def construct(self, input_x):
        t = tensor_input(input_x, "input_x", "Roll")
        dim = t.dim()
        for a in self.axis:
            if not -dim <= a < dim:
                raise ValueError(f"For 'Roll', the 'axis' must be in range [{-dim}, {dim}), but got {a}.")
        return Tensor._make(torch.roll(t, self.shift, self.axis))


def _patch_arg(value, arg, cls_name):
    if not isinstance(value, (tuple, list)):
        raise TypeError(f"For '{cls_name}', the type of '{arg}s' must be tuple or list, but got "
                        f"{type(value).__name__}.")
    if len(value) != 4 or value[0] != 1 or value[3] != 1:
        raise ValueError(f"For '{cls_name}' the format of '{arg}s' must be [1, {arg}_row, {arg}_col, 1], but got "
                         f"{value}.")
    r, c = value[1], value[2]
    if not (isinstance(r, int) and isinstance(c, int)) or r < 1 or c < 1:
        raise ValueError(f"For '{cls_name}' the {arg}_row and {arg}_col in '{arg}s' must be an positive integer "
                         f"number, but got {arg}_row is {r}, {arg}_col is {c}")
    return (r, c)


class Unfold(Cell):
    """Extracts image patches from an NCHW input: output ``(N, k_row * k_col * C, out_row, out_col)``, the depth
    ordered (row in the patch, column in the patch, channel) as TensorFlow's ``extract_image_patches``.
    ``padding`` ``"same"`` pads with zeros so that ``out = ceil(in / stride)``; ``"valid"`` does not pad."""

    def __init__(self, ksizes, strides, rates, padding="valid"):
        super().__init__()
        name = "Unfold"
        validator.check_value_type("ksizes", ksizes, [tuple, list], name)
        self.ksizes = _patch_arg(ksizes, "ksize", name)
        self.strides = _patch_arg(strides, "stride", name)
        self.rates = _patch_arg(rates, "rate", name)
        if not isinstance(padding, str):
            raise TypeError(f"For '{name}', the type of 'padding' must be str, but got {type(padding).__name__}.")
        self.padding = padding.upper()

    def construct(self, input_x):
        t = tensor_input(input_x, "input_x", "Unfold")
        if t.dim() != 4:
            raise ValueError(f"For 'Unfold', the input must be a 4-D tensor (N, C, H, W), but got shape "
                             f"{tuple(t.shape)}.")
        if self.padding not in ("SAME", "VALID"):
            raise ValueError(f"For 'Unfold', the 'padding' must be 'same' or 'valid', but got '{self.padding}'.")
        n, c, h, w = t.shape
        (kr, kc), (sr, sc), (rr, rc) = self.ksizes, self.strides, self.rates
        er, ec = (kr - 1) * rr + 1, (kc - 1) * rc + 1
        if self.padding == "SAME":
            oh, ow = -(-h // sr), -(-w // sc)
            # as the reference's kernel: top/left pad = (needed) / 2 truncated toward zero (negative crops)
            top, left = int(((oh - 1) * sr + er - h) / 2), int(((ow - 1) * sc + ec - w) / 2)
            bottom = max(0, (oh - 1) * sr + er - (h + top))
            right = max(0, (ow - 1) * sc + ec - (w + left))
            t = F.pad(t, (left, right, top, bottom))
        else:
            oh, ow = (h - er) // sr + 1, (w - ec) // sc + 1
            if oh <= 0 or ow <= 0:
                raise ValueError(f"For 'Unfold', the input of shape {tuple(t.shape)} is smaller than the dilated "
                                 f"patch ({er}, {ec}).")
        cols = F.unfold(t, (kr, kc), dilation=(rr, rc), stride=(sr, sc))  # (N, C*kr*kc, L), channel slowest
        cols = cols.reshape(n, c, kr * kc, oh, ow).transpose(1, 2)
        return Tensor._make(cols.reshape(n, kr * kc * c, oh, ow))

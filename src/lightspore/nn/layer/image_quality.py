"""Image cells: ImageGradients, SSIM, MSSSIM, PSNR, CentralCrop."""

import numpy as np
import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..cell import Cell, CellList, _ArglessCell
from ._validate import tensor_input
from .conv import Conv2d

__all__ = ["ImageGradients", "SSIM", "MSSSIM", "PSNR", "CentralCrop"]


def _check_4d(t, arg, cls_name):
    if t.dim() != 4:
        raise ValueError(f"For '{cls_name}', the dimension of '{arg}' must be 4d, but got {t.dim()}.")


def _same_type_shape(a, b, cls_name):
    if a.dtype != b.dtype:
        raise TypeError(f"For '{cls_name}', 'img2' must have the dtype of 'img1' ({mstype.from_torch(a.dtype)}), "
                        f"but got {mstype.from_torch(b.dtype)}.")
    if a.shape != b.shape:
        raise ValueError(f"For '{cls_name}', 'img2' must have the shape of 'img1' {tuple(a.shape)}, but got "
                         f"{tuple(b.shape)}.")


def _dtype_max(dt):
    """1.0 for float images, the integer maximum for integer images (their values get scaled into [0, 1])."""
    if dt.is_floating_point:
        return 1.0
    return float(torch.iinfo(dt).max)


def _to_float(t, dtype_max):
    t = t.float()
    return t * (1.0 / dtype_max) if dtype_max > 1.0 else t


def _max_val(max_val, dtype_max):
    return max_val / dtype_max if dtype_max > 1.0 else float(max_val)


def _check_max_val(max_val, cls_name):
    validator.check_value_type("max_val", max_val, [int, float], cls_name)
    validator.check_number("max_val", max_val, 0.0, validator.GT, cls_name)


def _check_filter(filter_size, filter_sigma, k1, k2, cls_name):
    validator.check_value_type("filter_size", filter_size, [int], cls_name)
    validator.check_int(filter_size, 1, validator.GE, "filter_size", cls_name)
    validator.check_positive_float(filter_sigma, "filter_sigma", cls_name)
    for arg, v in (("k1", k1), ("k2", k2)):
        validator.check_value_type(arg, v, [float], cls_name)


def _window(size, sigma):
    """The normalized (size x size) Gaussian window as a (1, 1, size, size) float32 array."""
    r = np.arange(-size // 2 + 1, size // 2 + 1, dtype=np.float32)
    g = np.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2 * sigma ** 2))
    return (g / g.sum()).astype(np.float32)[None, None]


def _window_conv(window):
    conv = Conv2d(1, 1, window.shape[-1], pad_mode="valid", weight_init=Tensor(window))
    conv.weight.requires_grad = False
    return conv


def _ssim_cs(c1, c2, img1, img2, w):
    """Mean SSIM and contrast-structure terms per (N, C), each channel filtered separately by ``w``."""
    n, c, h, wd = img1.shape
    a, b = img1.reshape(n * c, 1, h, wd), img2.reshape(n * c, 1, h, wd)

    def conv(x):
        return F.conv2d(x, w)
    mu1, mu2 = conv(a), conv(b)
    mu1_sq, mu2_sq, mu12 = mu1 * mu1, mu2 * mu2, mu1 * mu2
    s1 = conv(a * a) - mu1_sq
    s2 = conv(b * b) - mu2_sq
    s12 = conv(a * b) - mu12
    v1 = 2 * s12 + c2
    v2 = s1 + s2 + c2
    ssim = ((2 * mu12 + c1) * v1) / ((mu1_sq + mu2_sq + c1) * v2)
    cs = v1 / v2
    return ssim.reshape(n, c, -1).mean(-1), cs.reshape(n, c, -1).mean(-1)


class ImageGradients(_ArglessCell):
    """``(dy, dx)``: forward differences along H and W of an NCHW image, zero in the last row / column."""

    def construct(self, images):
        t = tensor_input(images, "images", "ImageGradients")
        _check_4d(t, "images", "ImageGradients")
        dy = torch.zeros_like(t)
        dx = torch.zeros_like(t)
        if t.shape[2] > 1:
            dy = torch.cat([t[:, :, 1:] - t[:, :, :-1], torch.zeros_like(t[:, :, :1])], dim=2)
        if t.shape[3] > 1:
            dx = torch.cat([t[:, :, :, 1:] - t[:, :, :, :-1], torch.zeros_like(t[:, :, :, :1])], dim=3)
        return Tensor._make(dy), Tensor._make(dx)


class SSIM(Cell):
    """Structural similarity per image (mean over channels) with a Gaussian window (``conv``, not trained)."""

    def __init__(self, max_val=1.0, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03):
        super().__init__()
        _check_max_val(max_val, "SSIM")
        _check_filter(filter_size, filter_sigma, k1, k2, "SSIM")
        self.max_val = max_val
        self.filter_size = filter_size
        self.filter_sigma = filter_sigma
        self.k1 = k1
        self.k2 = k2
        self.conv = _window_conv(_window(filter_size, filter_sigma))

    def construct(self, img1, img2):
        a, b = tensor_input(img1, "img1", "SSIM"), tensor_input(img2, "img2", "SSIM")
        if a.dtype not in (torch.float32, torch.float16):
            raise TypeError(f"For 'SSIM', the type of 'img1' must be Float32 or Float16, but got "
                            f"{mstype.from_torch(a.dtype)}.")
        _check_4d(a, "img1", "SSIM")
        if a.shape[2] < self.filter_size or a.shape[3] < self.filter_size:
            raise ValueError(f"For 'SSIM', the height and width of 'img1' must be >= filter_size "
                             f"({self.filter_size}), but got shape {tuple(a.shape)}.")
        _same_type_shape(a, b, "SSIM")
        dmax = _dtype_max(a.dtype)
        mv = _max_val(self.max_val, dmax)
        ssim, _ = _ssim_cs((self.k1 * mv) ** 2, (self.k2 * mv) ** 2, _to_float(a, dmax), _to_float(b, dmax),
                           self.conv.weight._t)
        return Tensor._make(ssim.mean(-1))


class MSSSIM(Cell):
    """Multi-scale SSIM: contrast-structure terms of the first scales and the SSIM of the last, each to the power
    of its ``power_factors`` entry, multiplied; the images are halved (2x2 average) between scales."""

    def __init__(self, max_val=1.0, power_factors=(0.0448, 0.2856, 0.3001, 0.2363, 0.1333), filter_size=11,
                 filter_sigma=1.5, k1=0.01, k2=0.03):
        super().__init__()
        _check_max_val(max_val, "MSSSIM")
        validator.check_value_type("power_factors", power_factors, [tuple, list], "MSSSIM")
        _check_filter(filter_size, filter_sigma, k1, k2, "MSSSIM")
        self.max_val = max_val
        self.filter_size = filter_size
        self.filter_sigma = filter_sigma
        self.k1 = k1
        self.k2 = k2
        window = _window(filter_size, filter_sigma)
        self.level = len(power_factors)
        self.multi_convs_list = CellList([_window_conv(window) for _ in range(self.level)])
        self.weight_tensor = Tensor(np.array(power_factors, np.float32))

    def construct(self, img1, img2):
        a, b = tensor_input(img1, "img1", "MSSSIM"), tensor_input(img2, "img2", "MSSSIM")
        _check_4d(a, "img1", "MSSSIM")
        _check_4d(b, "img2", "MSSSIM")
        if a.dtype not in (torch.float64, torch.float32, torch.float16, torch.uint8):
            raise TypeError(f"For 'MSSSIM', the type of 'img1' must be Float64, Float32, Float16 or UInt8, but got "
                            f"{mstype.from_torch(a.dtype)}.")
        _same_type_shape(a, b, "MSSSIM")
        dmax = _dtype_max(a.dtype)
        mv = _max_val(self.max_val, dmax)
        c1, c2 = (self.k1 * mv) ** 2, (self.k2 * mv) ** 2
        a, b = _to_float(a, dmax), _to_float(b, dmax)
        terms = []
        sim = None
        for i in range(self.level):
            sim, cs = _ssim_cs(c1, c2, a, b, self.multi_convs_list[i].weight._t)
            terms.append(torch.relu(cs))
            a, b = F.avg_pool2d(a, 2, 2), F.avg_pool2d(b, 2, 2)
        stacked = torch.stack(terms[:-1] + [torch.relu(sim)], dim=-1)
        ms_ssim = torch.pow(stacked, self.weight_tensor._t).prod(-1)
        return Tensor._make(ms_ssim.mean(-1))


class PSNR(Cell):
    """Peak signal-to-noise ratio per image: ``10 * log10(max_val**2 / mse)``."""

    def __init__(self, max_val=1.0):
        super().__init__()
        _check_max_val(max_val, "PSNR")
        self.max_val = max_val

    def construct(self, img1, img2):
        a, b = tensor_input(img1, "img1", "PSNR"), tensor_input(img2, "img2", "PSNR")
        _check_4d(a, "img1", "PSNR")
        _check_4d(b, "img2", "PSNR")
        _same_type_shape(a, b, "PSNR")
        dmax = _dtype_max(a.dtype)
        mv = _max_val(self.max_val, dmax)
        mse = torch.mean((_to_float(a, dmax) - _to_float(b, dmax)) ** 2, dim=(-3, -2, -1))
        return Tensor._make(10 * torch.log(mv * mv / mse) / np.log(10.0))


class CentralCrop(Cell):
    """Crops the central ``central_fraction`` of the H and W axes of a CHW or NCHW image."""

    def __init__(self, central_fraction):
        super().__init__()
        validator.check_value_type("central_fraction", central_fraction, [float], "CentralCrop")
        validator.check_float_range(central_fraction, 0.0, 1.0, validator.INC_RIGHT, "central_fraction",
                                    "CentralCrop")
        self.central_fraction = central_fraction

    def construct(self, image):
        t = tensor_input(image, "image", "CentralCrop")
        if t.dim() not in (3, 4):
            raise ValueError(f"CentralCrop image must be 3d or 4d, but got shape {tuple(t.shape)}")
        if self.central_fraction == 1.0:
            return image
        h, w = t.shape[-2], t.shape[-1]
        hs = int((float(h) - float(h * self.central_fraction)) / 2)
        ws = int((float(w) - float(w * self.central_fraction)) / 2)
        return Tensor._make(t[..., hs:h - hs, ws:w - ws])



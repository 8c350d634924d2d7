"""AutoAugment, RandAugment and TrivialAugmentWide on numpy HWC uint8 images (torchvision's op space)."""

import math
import random

import numpy as np

from ..transforms._check import FLOAT_MAX_INTEGER, check_value, type_check
from . import transforms as _t
from .utils import AutoAugmentPolicy, Inter

# (op, probability, magnitude bin) pairs of the three published AutoAugment policies
_N = None
_POLICIES = {
    AutoAugmentPolicy.IMAGENET: [
        (("Posterize", 0.4, 8), ("Rotate", 0.6, 9)), (("Solarize", 0.6, 5), ("AutoContrast", 0.6, _N)),
        (("Equalize", 0.8, _N), ("Equalize", 0.6, _N)), (("Posterize", 0.6, 7), ("Posterize", 0.6, 6)),
        (("Equalize", 0.4, _N), ("Solarize", 0.2, 4)), (("Equalize", 0.4, _N), ("Rotate", 0.8, 8)),
        (("Solarize", 0.6, 3), ("Equalize", 0.6, _N)), (("Posterize", 0.8, 5), ("Equalize", 1.0, _N)),
        (("Rotate", 0.2, 3), ("Solarize", 0.6, 8)), (("Equalize", 0.6, _N), ("Posterize", 0.4, 6)),
        (("Rotate", 0.8, 8), ("Color", 0.4, 0)), (("Rotate", 0.4, 9), ("Equalize", 0.6, _N)),
        (("Equalize", 0.0, _N), ("Equalize", 0.8, _N)), (("Invert", 0.6, _N), ("Equalize", 1.0, _N)),
        (("Color", 0.6, 4), ("Contrast", 1.0, 8)), (("Rotate", 0.8, 8), ("Color", 1.0, 2)),
        (("Color", 0.8, 8), ("Solarize", 0.8, 7)), (("Sharpness", 0.4, 7), ("Invert", 0.6, _N)),
        (("ShearX", 0.6, 5), ("Equalize", 1.0, _N)), (("Color", 0.4, 0), ("Equalize", 0.6, _N)),
        (("Equalize", 0.4, _N), ("Solarize", 0.2, 4)), (("Solarize", 0.6, 5), ("AutoContrast", 0.6, _N)),
        (("Invert", 0.6, _N), ("Equalize", 1.0, _N)), (("Color", 0.6, 4), ("Contrast", 1.0, 8)),
        (("Equalize", 0.8, _N), ("Equalize", 0.6, _N))],
    AutoAugmentPolicy.CIFAR10: [
        (("Invert", 0.1, _N), ("Contrast", 0.2, 6)), (("Rotate", 0.7, 2), ("TranslateX", 0.3, 9)),
        (("Sharpness", 0.8, 1), ("Sharpness", 0.9, 3)), (("ShearY", 0.5, 8), ("TranslateY", 0.7, 9)),
        (("AutoContrast", 0.5, _N), ("Equalize", 0.9, _N)), (("ShearY", 0.2, 7), ("Posterize", 0.3, 7)),
        (("Color", 0.4, 3), ("Brightness", 0.6, 7)), (("Sharpness", 0.3, 9), ("Brightness", 0.7, 9)),
        (("Equalize", 0.6, _N), ("Equalize", 0.5, _N)), (("Contrast", 0.6, 7), ("Sharpness", 0.6, 5)),
        (("Color", 0.7, 7), ("TranslateX", 0.5, 8)), (("Equalize", 0.8, _N), ("Invert", 0.1, _N)),
        (("TranslateY", 0.4, 3), ("Sharpness", 0.2, 6)), (("Brightness", 0.9, 6), ("Color", 0.2, 8)),
        (("Solarize", 0.5, 2), ("Invert", 0.0, _N)), (("TranslateY", 0.9, 9), ("TranslateY", 0.7, 9)),
        (("Equalize", 0.2, _N), ("Equalize", 0.6, _N)), (("Color", 0.9, 9), ("Equalize", 0.6, _N)),
        (("AutoContrast", 0.8, _N), ("Solarize", 0.2, 8)), (("Brightness", 0.1, 3), ("Color", 0.7, 0)),
        (("Solarize", 0.4, 5), ("AutoContrast", 0.9, _N)), (("AutoContrast", 0.9, _N), ("Solarize", 0.8, 3)),
        (("TranslateY", 0.7, 9), ("AutoContrast", 0.9, _N)), (("Equalize", 0.3, _N), ("AutoContrast", 0.4, _N)),
        (("Equalize", 0.2, _N), ("AutoContrast", 0.6, _N))],
    AutoAugmentPolicy.SVHN: [
        (("ShearX", 0.9, 4), ("Invert", 0.2, _N)), (("ShearY", 0.9, 8), ("Invert", 0.7, _N)),
        (("Equalize", 0.6, _N), ("Solarize", 0.6, 6)), (("Invert", 0.9, _N), ("Equalize", 0.6, _N)),
        (("Equalize", 0.6, _N), ("Rotate", 0.9, 3)), (("ShearX", 0.9, 4), ("AutoContrast", 0.8, _N)),
        (("ShearY", 0.9, 8), ("Invert", 0.4, _N)), (("ShearY", 0.9, 5), ("Solarize", 0.2, 6)),
        (("Invert", 0.9, _N), ("AutoContrast", 0.8, _N)), (("Equalize", 0.6, _N), ("Rotate", 0.9, 3)),
        (("ShearX", 0.9, 4), ("Solarize", 0.3, 3)), (("ShearY", 0.8, 8), ("Invert", 0.7, _N)),
        (("Equalize", 0.9, _N), ("TranslateY", 0.6, 6)), (("Invert", 0.9, _N), ("Equalize", 0.6, _N)),
        (("Contrast", 0.3, 3), ("Rotate", 0.8, 4)), (("Invert", 0.8, _N), ("TranslateY", 0.0, 2)),
        (("ShearY", 0.7, 6), ("Solarize", 0.4, 8)), (("Invert", 0.6, _N), ("Rotate", 0.8, 4)),
        (("ShearY", 0.3, 7), ("TranslateX", 0.9, 3)), (("ShearX", 0.1, 6), ("Invert", 0.6, _N)),
        (("Solarize", 0.7, 2), ("TranslateY", 0.6, 7)), (("ShearY", 0.8, 4), ("Invert", 0.8, _N)),
        (("ShearX", 0.7, 9), ("TranslateY", 0.8, 3)), (("ShearY", 0.8, 5), ("AutoContrast", 0.7, _N)),
        (("ShearX", 0.7, 2), ("Invert", 0.1, _N))],
}

_SIGNED = {"ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate", "Brightness", "Color", "Contrast",
           "Sharpness"}


def _magnitudes(name, bins, h, w, wide=False):
    """The magnitude of each bin of op ``name`` (torchvision's op space; ``wide`` for TrivialAugmentWide)."""
    if name in ("ShearX", "ShearY"):
        return np.linspace(0.0, 0.99 if wide else 0.3, bins)
    if name == "TranslateX":
        return np.linspace(0.0, 32.0 if wide else 150.0 / 331.0 * w, bins)
    if name == "TranslateY":
        return np.linspace(0.0, 32.0 if wide else 150.0 / 331.0 * h, bins)
    if name == "Rotate":
        return np.linspace(0.0, 135.0 if wide else 30.0, bins)
    if name in ("Brightness", "Color", "Contrast", "Sharpness"):
        return np.linspace(0.0, 0.99 if wide else 0.9, bins)
    if name == "Posterize":
        return 8 - np.round(np.arange(bins) / ((bins - 1) / (6 if wide else 4)))
    if name == "Solarize":
        return np.linspace(255.0, 0.0, bins)
    return np.zeros(bins)


def _apply(img, name, mag, inter, fill):
    """One augmentation on an HWC uint8 image."""
    h, w = img.shape[:2]
    if name == "ShearX":
        return _t._affine_np(img, 0.0, (0.0, 0.0), 1.0, (math.degrees(math.atan(mag)), 0.0), inter, fill)
    if name == "ShearY":
        return _t._affine_np(img, 0.0, (0.0, 0.0), 1.0, (0.0, math.degrees(math.atan(mag))), inter, fill)
    if name == "TranslateX":
        return _t._affine_np(img, 0.0, (float(int(mag)), 0.0), 1.0, (0.0, 0.0), inter, fill)
    if name == "TranslateY":
        return _t._affine_np(img, 0.0, (0.0, float(int(mag))), 1.0, (0.0, 0.0), inter, fill)
    if name == "Rotate":
        return _t._affine_np(img, -mag, (0.0, 0.0), 1.0, (0.0, 0.0), inter, fill)
    if name == "Brightness":
        return _t._adjust_brightness(img, 1.0 + mag)
    if name == "Color":
        return _t._adjust_saturation(img, 1.0 + mag)
    if name == "Contrast":
        return _t._adjust_contrast(img, 1.0 + mag)
    if name == "Sharpness":
        return _t._sharpness(img, 1.0 + mag)
    if name == "Posterize":
        return _t._posterize(img, int(mag))
    if name == "Solarize":
        return _t._solarize(img, mag, 255)
    if name == "AutoContrast":
        return _t._autocontrast(img, 0.0, None)
    if name == "Equalize":
        return _t.Equalize()._execute(img)
    if name == "Invert":
        return (255 - img.astype(np.int64)).astype(img.dtype)
    return img


def _rgb_u8(img, op):
    if img.ndim != 3 or img.shape[2] != 3:
        raise RuntimeError(f"{op}: input tensor is not in shape of <H,W,C> or channel is not 3, got shape "
                           f"{img.shape}")
    if img.dtype != np.uint8:
        raise RuntimeError(f"{op}: input tensor type should be uint8, but got {img.dtype}.")
    return img


def _fill3(fill_value):
    return (fill_value,) * 3 if isinstance(fill_value, int) else tuple(fill_value)


def _signed(name, mag):
    return -mag if name in _SIGNED and random.random() < 0.5 else mag


def _init_warp(op, interpolation, fill_value):
    """Check and keep the warp options of the augment policies (each checks them after its own arguments)."""
    type_check(interpolation, (Inter,), "interpolation")
    _t._check_fill(fill_value)
    op.interpolation = interpolation
    op.fill_value = _fill3(fill_value)


class AutoAugment(_t.ImageTensorOperation):
    """Apply a random sub-policy of the ImageNet, CIFAR10 or SVHN AutoAugment policy."""

    def __init__(self, policy=AutoAugmentPolicy.IMAGENET, interpolation=Inter.NEAREST, fill_value=0):
        type_check(policy, (AutoAugmentPolicy,), "policy")
        _init_warp(self, interpolation, fill_value)
        self.policy = policy

    def _execute(self, img):
        img = _rgb_u8(img, "AutoAugment")
        h, w = img.shape[:2]
        for name, prob, bin_id in random.choice(_POLICIES[self.policy]):
            if random.random() <= prob:
                mag = 0.0 if bin_id is None else float(_magnitudes(name, 10, h, w)[bin_id])
                img = _apply(img, name, _signed(name, mag), self.interpolation, self.fill_value)
        return img


_RAND_OPS = ["Identity", "ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate", "Brightness", "Color",
             "Contrast", "Sharpness", "Posterize", "Solarize", "AutoContrast", "Equalize"]


class RandAugment(_t.ImageTensorOperation):
    """Apply ``num_ops`` ops drawn uniformly from the RandAugment space at a fixed ``magnitude`` bin."""

    def __init__(self, num_ops=2, magnitude=9, num_magnitude_bins=31, interpolation=Inter.NEAREST, fill_value=0):
        type_check(num_ops, (int,), "num_ops")
        check_value(num_ops, 0, FLOAT_MAX_INTEGER, "num_ops")
        type_check(num_magnitude_bins, (int,), "num_magnitude_bins")
        check_value(num_magnitude_bins, 2, FLOAT_MAX_INTEGER, "num_magnitude_bins")
        type_check(magnitude, (int,), "magnitude")
        check_value(magnitude, 0, num_magnitude_bins, "magnitude", right_open=True)
        _init_warp(self, interpolation, fill_value)
        self.num_ops = num_ops
        self.magnitude = magnitude
        self.num_magnitude_bins = num_magnitude_bins

    def _execute(self, img):
        img = _rgb_u8(img, "RandAugment")
        h, w = img.shape[:2]
        for _ in range(self.num_ops):
            name = random.choice(_RAND_OPS)
            mag = float(_magnitudes(name, self.num_magnitude_bins, h, w)[self.magnitude])
            img = _apply(img, name, _signed(name, mag), self.interpolation, self.fill_value)
        return img


class TrivialAugmentWide(_t.ImageTensorOperation):
    """Apply one op drawn uniformly from the wide op space at a random magnitude bin."""

    def __init__(self, num_magnitude_bins=31, interpolation=Inter.NEAREST, fill_value=0):
        type_check(num_magnitude_bins, (int,), "num_magnitude_bins")
        check_value(num_magnitude_bins, 2, FLOAT_MAX_INTEGER, "num_magnitude_bins")
        _init_warp(self, interpolation, fill_value)
        self.num_magnitude_bins = num_magnitude_bins

    def _execute(self, img):
        img = _rgb_u8(img, "TrivialAugmentWide")
        h, w = img.shape[:2]
        name = random.choice(_RAND_OPS)
        mags = _magnitudes(name, self.num_magnitude_bins, h, w, wide=True)
        mag = float(mags[random.randint(0, self.num_magnitude_bins - 1)])
        return _apply(img, name, _signed(name, mag), self.interpolation, self.fill_value)

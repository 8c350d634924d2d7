"""mindspore.dataset.vision.py_transforms: the pre-2.0 Python image transforms (PIL images in, PIL or CHW out).

Most are the same classes as ``mindspore.dataset.vision`` (they already take PIL images). Three kept their old
meaning in the reference and differ here too: ``Decode`` gives a PIL image, and ``Normalize`` / ``NormalizePad``
work on the CHW float arrays that ``ToTensor`` makes.
"""
from . import transforms as _t
from .transforms import (
    HWC2CHW,
    AdjustGamma,
    AutoContrast,
    CenterCrop,
    Equalize,
    FiveCrop,
    Grayscale,
    HsvToRgb,
    Invert,
    LinearTransformation,
    MixUp,
    RandomAffine,
    RandomColor,
    RandomColorAdjust,
    RandomCrop,
    RandomErasing,
    RandomGrayscale,
    RandomHorizontalFlip,
    RandomLighting,
    RandomPerspective,
    RandomResizedCrop,
    RandomRotation,
    RandomSharpness,
    RandomVerticalFlip,
    Resize,
    RgbToHsv,
    TenCrop,
    ToPIL,
    ToTensor,
    ToType,
    UniformAugment,
    not_random,
)
from .utils import Border, Inter

__all__ = ["AdjustGamma", "AutoContrast", "Border", "CenterCrop", "Decode", "Equalize", "FiveCrop", "Grayscale",
           "HWC2CHW", "HsvToRgb", "Inter", "Invert", "LinearTransformation", "MixUp", "Normalize", "NormalizePad",
           "RandomAffine", "RandomColor", "RandomColorAdjust", "RandomCrop", "RandomErasing", "RandomGrayscale",
           "RandomHorizontalFlip", "RandomLighting", "RandomPerspective", "RandomResizedCrop", "RandomRotation",
           "RandomSharpness", "RandomVerticalFlip", "Resize", "RgbToHsv", "TenCrop", "ToPIL", "ToTensor", "ToType",
           "UniformAugment", "not_random"]


class Decode(_t.Decode):
    """Decode encoded image bytes to a PIL RGB image."""

    def __init__(self):
        super().__init__(to_pil=True)


class Normalize(_t.Normalize):
    """``(img - mean) / std`` per channel of a CHW float image (as ``ToTensor`` gives)."""

    def __init__(self, mean, std):
        super().__init__(mean, std, is_hwc=False)


class NormalizePad(_t.NormalizePad):
    """Normalize a CHW float image and append a zero channel, as ``dtype``."""

    def __init__(self, mean, std, dtype="float32"):
        super().__init__(mean, std, dtype, is_hwc=False)

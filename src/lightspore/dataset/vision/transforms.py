"""mindspore.dataset.vision transforms: numpy HWC images follow OpenCV's kernels, PIL images PIL's."""

import io
import math
import numbers
import random

import numpy as np
from PIL import Image, ImageEnhance, ImageOps

from ..transforms._check import (
    FLOAT_MAX_INTEGER,
    INT32_MAX,
    INT32_MIN,
    check_float32,
    check_pos_float32,
    check_positive,
    check_prob,
    check_value,
    type_check,
    type_check_list,
)
from ..transforms.transforms import TensorOperation, TypeCast, _np_dtype
from . import _cv
from .utils import Border, ConvertMode, ImageBatchFormat, Inter, SliceMode, _pil_filter

__all__ = ["AutoAugment", "RandAugment", "TrivialAugmentWide", "AdjustBrightness", "AdjustContrast", "AdjustGamma",
           "AdjustHue", "AdjustSaturation", "AdjustSharpness", "Affine", "AutoContrast", "BoundingBoxAugment",
           "CenterCrop", "ConvertColor", "Crop", "CutMixBatch", "CutOut", "Decode", "Equalize", "Erase", "FiveCrop",
           "GaussianBlur", "Grayscale", "HWC2CHW", "HorizontalFlip", "HsvToRgb", "Invert", "LinearTransformation",
           "MixUp", "MixUpBatch", "Normalize", "NormalizePad", "Pad", "PadToSize", "Perspective", "Posterize",
           "RandomAdjustSharpness", "RandomAffine", "RandomAutoContrast", "RandomColor", "RandomColorAdjust",
           "RandomCrop", "RandomCropDecodeResize", "RandomCropWithBBox", "RandomEqualize", "RandomErasing",
           "RandomGrayscale", "RandomHorizontalFlip", "RandomHorizontalFlipWithBBox", "RandomInvert",
           "RandomLighting", "RandomPerspective", "RandomPosterize", "RandomResize", "RandomResizeWithBBox",
           "RandomResizedCrop", "RandomResizedCropWithBBox", "RandomRotation", "RandomSelectSubpolicy",
           "RandomSharpness", "RandomSolarize", "RandomVerticalFlip", "RandomVerticalFlipWithBBox", "Rescale",
           "Resize", "ResizeWithBBox", "ResizedCrop", "RgbToHsv", "Rotate", "SlicePatches", "Solarize", "TenCrop",
           "ToNumpy", "ToPIL", "ToTensor", "ToType", "UniformAugment", "VerticalFlip", "not_random"]


def _is_pil(x):
    return isinstance(x, Image.Image)


def not_random(func):
    """Mark ``func`` as deterministic (its results may then be cached)."""
    func.random = False
    return func


class ImageTensorOperation(TensorOperation):
    """An image transform: accepts numpy arrays and PIL images only."""

    @property
    def _py_impl(self):
        # the reference runs ANTIALIAS resampling (and Decode(to_pil=True)) in Python
        inter = getattr(self, "interpolation", None) or getattr(self, "resample", None)
        return inter == Inter.ANTIALIAS or getattr(self, "to_pil", False) is True

    def __call__(self, *inputs):
        for x in inputs:
            if not isinstance(x, (np.ndarray, Image.Image)):
                raise TypeError(f"Input should be NumPy or PIL image, got {type(x)}.")
        return super().__call__(*inputs)


def _hwc(img, op):
    """Check a numpy image is HW or HWC."""
    if img.ndim not in (2, 3):
        raise RuntimeError(f"{op}: input tensor is not in shape of <H,W> or <H,W,C>, but got rank: {img.ndim}")
    return img


def _batched(execute):
    """Let ``execute`` take <..., H, W, C> arrays: each image gets the same random draws, as in the reference."""

    def run(self, img):
        if img.ndim <= 3:
            return execute(self, img)
        flat = img.reshape((-1,) + img.shape[-3:])
        state = random.getstate()
        outs = []
        for x in flat:
            random.setstate(state)
            outs.append(execute(self, x))
        return np.stack(outs).reshape(img.shape[:-3] + outs[0].shape)

    run.__doc__ = execute.__doc__
    return run


# ---------------------------------------------------------------- argument checks

def _check_size(size, lo_name="size", hi=FLOAT_MAX_INTEGER):
    type_check(size, (int, list, tuple), lo_name)
    if isinstance(size, int):
        check_value(size, 1, FLOAT_MAX_INTEGER)
    elif len(size) == 2:
        for i, v in enumerate(size):
            type_check(v, (int,), f"{lo_name}[{i}]")
            check_value(v, 1, hi)
    else:
        raise TypeError("Size should be a single integer or a list/tuple (h, w) of length 2.")


def _check_resize_size(size):
    if isinstance(size, int) and not isinstance(size, bool):
        check_value(size, 1, FLOAT_MAX_INTEGER)
    elif isinstance(size, (list, tuple)) and len(size) == 2:
        for i, v in enumerate(size):
            type_check(v, (int,), f"size at dim {i}")
            check_value(v, 1, INT32_MAX, f"size at dim {i}")
    else:
        raise TypeError("Size should be a single integer or a list/tuple (h, w) of length 2.")


def _check_fill(fill_value):
    if isinstance(fill_value, int) and not isinstance(fill_value, bool):
        check_value(fill_value, 0, 255, "fill_value")
    elif isinstance(fill_value, tuple) and len(fill_value) == 3:
        for i, v in enumerate(fill_value):
            type_check(v, (int,), f"fill_value[{i}]")
            check_value(v, 0, 255, f"fill_value[{i}]")
    else:
        raise TypeError("fill_value should be a single integer or a 3-tuple.")


def _check_padding(padding):
    type_check(padding, (tuple, list, numbers.Number), "padding")
    if isinstance(padding, numbers.Number):
        type_check(padding, (int,), "padding")
        check_value(padding, 0, INT32_MAX, "padding")
    else:
        if len(padding) not in (2, 4):
            raise ValueError("The size of the padding list or tuple should be 2 or 4.")
        for i, v in enumerate(padding):
            type_check(v, (int,), f"padding[{i}]")
            check_value(v, 0, INT32_MAX, "pad_value")


def _parse_padding(padding):
    """(left, top, right, bottom) from an int, a 2-sequence (left/right, top/bottom) or a 4-sequence."""
    if isinstance(padding, numbers.Number):
        return (padding,) * 4
    if len(padding) == 2:
        return padding[0], padding[1], padding[0], padding[1]
    return tuple(padding)


def _check_range_pair(value, name):
    type_check(value, (tuple, list), name)
    if len(value) != 2:
        raise TypeError(f"{name} should be a list/tuple of length 2.")


def _check_scale_ratio(size, scale, ratio, max_attempts):
    _check_size(size)
    if scale is not None:
        _check_range_pair(scale, "scale")
        type_check_list(scale, (float, int), "scale")
        if scale[0] > scale[1]:
            raise ValueError("scale should be in (min,max) format. Got (max,min).")
        for v in scale:
            check_value(v, 0, FLOAT_MAX_INTEGER)
        check_positive(scale[1], "scale[1]")
    if ratio is not None:
        _check_range_pair(ratio, "ratio")
        check_pos_float32(ratio[0], "ratio[0]")
        check_pos_float32(ratio[1], "ratio[1]")
        if ratio[0] > ratio[1]:
            raise ValueError("ratio should be in (min,max) format. Got (max,min).")
    if max_attempts is not None:
        type_check(max_attempts, (int,), "max_attempts")
        check_value(max_attempts, 1, INT32_MAX, "max_attempts")


def _size2(size):
    return (size, size) if isinstance(size, int) else (int(size[0]), int(size[1]))


# ---------------------------------------------------------------- shared image helpers

def _resize_to(img, size, inter):
    """Resize a numpy image; an int ``size`` sets the shorter side and keeps the aspect ratio (floored)."""
    h, w = img.shape[:2]
    if isinstance(size, int):
        if h <= w:
            oh, ow = size, int(w * size / h)
        else:
            oh, ow = int(h * size / w), size
    else:
        oh, ow = size
    if oh == h and ow == w and inter != Inter.PILCUBIC:
        return img.copy()
    return _cv.resize(img, oh, ow, int(inter))


def _pil_resize(img, size, inter):
    w, h = img.size
    if isinstance(size, int):
        if (w <= h and w == size) or (h <= w and h == size):
            return img
        if w < h:
            return img.resize((size, int(size * h / w)), _pil_filter(inter))
        return img.resize((int(size * w / h), size), _pil_filter(inter))
    return img.resize((size[1], size[0]), _pil_filter(inter))


def _crop_np(img, top, left, h, w, op="Crop"):
    ih, iw = img.shape[:2]
    if top < 0 or left < 0 or top + h > ih or left + w > iw:
        raise RuntimeError(f"{op}: Crop height/width must be in range of the image, got crop area "
                           f"(top={top}, left={left}, height={h}, width={w}) on an image of {ih}x{iw}.")
    return img[top:top + h, left:left + w].copy()


def _center_crop_np(img, size):
    ch, cw = size
    h, w = img.shape[:2]
    if ch > h or cw > w:  # pad (centered, zeros) up to the crop size first
        dh, dw = max(ch - h, 0), max(cw - w, 0)
        # the larger half of an odd padding goes on top / left
        img = _cv.pad(img, dh - dh // 2, dh // 2, dw - dw // 2, dw // 2, "constant", 0)
        h, w = img.shape[:2]
    return img[(h - ch) // 2:(h - ch) // 2 + ch, (w - cw) // 2:(w - cw) // 2 + cw].copy()


def _pil_crop(img, top, left, h, w):
    return img.crop((left, top, left + w, top + h))


def _random_resized_box(h, w, scale, ratio, max_attempts):
    """(top, left, height, width) of a random crop with area in ``scale`` and aspect ratio in ``ratio``."""
    area = h * w
    log_lo, log_hi = math.log(ratio[0]), math.log(ratio[1])
    for _ in range(max_attempts):
        target = random.uniform(scale[0], scale[1]) * area
        aspect = math.exp(random.uniform(log_lo, log_hi))
        cw = int(round(math.sqrt(target * aspect)))
        ch = int(round(cw / aspect))
        if 0 < cw <= w and 0 < ch <= h:
            return random.randint(0, h - ch), random.randint(0, w - cw), ch, cw
    in_ratio = w / h
    if in_ratio < ratio[0]:
        cw, ch = w, int(round(w / ratio[0]))
    elif in_ratio > ratio[1]:
        ch, cw = h, int(round(h * ratio[1]))
    else:
        cw, ch = w, h
    return (h - ch) // 2, (w - cw) // 2, ch, cw


def _to_uint8_like(x, dtype):
    return _cv._saturate(x, dtype)


# ---------------------------------------------------------------- decode / conversions

class Decode(ImageTensorOperation):
    """Decode encoded image bytes (1-D uint8 array or bytes) to an HWC uint8 RGB array, or a PIL image."""

    random = False

    def __init__(self, to_pil=False):
        type_check(to_pil, (bool,), "to_pil")
        self.to_pil = to_pil

    def __call__(self, img):
        if isinstance(img, bytes):
            img = np.frombuffer(img, dtype=np.uint8)
        if not isinstance(img, np.ndarray):
            raise TypeError(f"The type of the encoded image should be {np.ndarray}, but got {type(img)}.")
        if img.dtype.type is np.str_:
            raise TypeError(f"The data type of the encoded image can not be {img.dtype.type}.")
        if img.ndim != 1:
            raise TypeError(f"The number of array dimensions of the encoded image should be 1, but got {img.ndim}.")
        try:
            pil = Image.open(io.BytesIO(img.tobytes()))
            pil = pil.convert("RGB")
        except (OSError, ValueError) as e:
            if self.to_pil:
                raise ValueError(f"{e}\n: Failed to decode given image.") from e
            raise RuntimeError(f"Decode: image decode failed. {e}") from e
        return pil if self.to_pil else np.asarray(pil).copy()


class ToPIL(TensorOperation):
    """Convert a decoded HWC/HW numpy image to a PIL image."""

    _py_impl = True

    random = False

    def __call__(self, img):
        if _is_pil(img):
            return img
        if not isinstance(img, np.ndarray):
            raise TypeError(f"The input image should be of type numpy.ndarray or PIL.Image.Image. Got {type(img)}.")
        if img.ndim not in (2, 3):
            raise ValueError(f"The dimension of input image should be 2 or 3. Got {img.ndim}.")
        if img.ndim == 2:
            img = img[:, :, None]
        if img.shape[-1] > 4:
            raise ValueError(f"The channel of input image should not exceed 4. Got {img.shape[-1]}.")
        if img.shape[-1] == 1:
            return Image.fromarray(img[:, :, 0])
        if img.dtype != np.uint8:
            raise TypeError(f"The input image type {img.dtype} is not supported when image shape is [H, W, 2], "
                            "[H, W, 3] or [H, W, 4].")
        return Image.fromarray(img)


class ToNumpy(TensorOperation):
    """Convert a PIL image to a numpy array."""

    random = False

    def __call__(self, img):
        return np.array(img)


class ToTensor(ImageTensorOperation):
    """HWC (or HW) image -> CHW array of ``output_type`` scaled by 1/255."""

    random = False

    def __init__(self, output_type=np.float32):
        self._np_type = _np_dtype(output_type, "output_type")
        self.output_type = output_type

    def __call__(self, img):
        if not isinstance(img, (np.ndarray, Image.Image)):
            raise TypeError(f"Input should be NumPy or PIL image, got {type(img)}.")
        arr = np.asarray(img)
        if arr.ndim == 2:
            arr = arr[:, :, None]
        if arr.ndim != 3:
            raise RuntimeError(f"ToTensor: The input image should be in shape of <H,W> or <H,W,C>, but got "
                               f"rank: {arr.ndim}")
        if _is_pil(img):
            return (arr.transpose(2, 0, 1) / 255.0).astype(self._np_type)
        # the numpy path rescales in float32 by the reciprocal, as the reference's kernel does
        return (arr.transpose(2, 0, 1).astype(np.float32) * np.float32(1.0 / 255.0)).astype(self._np_type)


class ToType(TypeCast):
    """Cast the input to a MindSpore or numpy dtype."""


class HWC2CHW(ImageTensorOperation):
    """Transpose HWC -> CHW (an HW image is returned unchanged)."""

    random = False

    def _execute(self, img):
        if img.ndim == 2:
            return img.copy()
        if img.ndim != 3:
            raise RuntimeError(f"HWC2CHW: the dimension of image tensor does not match the requirement of operator. "
                               f"Expecting tensor in dimension of <H,W> or <H, W, C>. But got dimension {img.ndim}.")
        return np.ascontiguousarray(img.transpose(2, 0, 1))


class Rescale(ImageTensorOperation):
    """``img * rescale + shift`` as float32."""

    random = False

    def __init__(self, rescale, shift):
        type_check(rescale, (numbers.Number,), "rescale")
        type_check(shift, (numbers.Number,), "shift")
        check_float32(rescale, "rescale")
        check_float32(shift, "shift")
        self.rescale = rescale
        self.shift = shift

    def _execute(self, img):
        # float32 scale and shift fused in one rounding (OpenCV's convertTo kernel uses FMA)
        scale = float(np.float32(self.rescale))
        shift = float(np.float32(self.shift))
        return (img.astype(np.float32).astype(np.float64) * scale + shift).astype(np.float32)


def _check_mean_std(mean, std):
    type_check(mean, (list, tuple), "mean")
    type_check(std, (list, tuple), "std")
    if len(mean) != len(std):
        raise ValueError("Length of mean and std must be equal.")
    for i, m in enumerate(mean):
        type_check(m, (int, float), f"mean[{i}]")
        check_value(m, 0, 255, f"mean[{i}]")
    for i, s in enumerate(std):
        type_check(s, (int, float), f"std[{i}]")
        check_value(s, 0, 255, f"std[{i}]", left_open=True)


def _normalize(img, mean, std, is_hwc, op):
    if img.ndim < 2:
        raise RuntimeError(f"{op}: input tensor is not in shape of <H,W> or <...,H,W,C>, but got rank: {img.ndim}")
    x = img.astype(np.float32)
    if x.ndim == 2:
        x = x[:, :, None] if is_hwc else x[None]
    channels = x.shape[-1] if is_hwc else x.shape[-3]
    m = np.asarray(mean, np.float32)
    s = np.asarray(std, np.float32)
    if len(m) == 1:
        m = np.repeat(m, channels)
        s = np.repeat(s, channels)
    if len(m) != channels:
        raise RuntimeError(f"{op}: number of channels does not match the size of mean and std vectors, got "
                           f"channels: {channels}, size of mean: {len(mean)}")
    shape = (1, 1, channels) if is_hwc else (channels, 1, 1)
    out = (x - m.reshape(shape)) / s.reshape(shape)
    return out if img.ndim >= 3 else out.reshape(img.shape)


class Normalize(ImageTensorOperation):
    """``(img - mean) / std`` per channel, float32; ``is_hwc`` chooses HWC or CHW layout."""

    random = False

    def __init__(self, mean, std, is_hwc=True):
        _check_mean_std(mean, std)
        type_check(is_hwc, (bool,), "is_hwc")
        self.mean = list(mean)
        self.std = list(std)
        self.is_hwc = is_hwc

    def _execute(self, img):
        return _normalize(img, self.mean, self.std, self.is_hwc, "Normalize")


class NormalizePad(ImageTensorOperation):
    """Normalize, then append a zero channel (``dtype`` float32 or float16)."""

    random = False

    def __init__(self, mean, std, dtype="float32", is_hwc=True):
        _check_mean_std(mean, std)
        type_check(dtype, (str,), "dtype")
        if dtype not in ("float32", "float16"):
            raise ValueError(f"dtype only supports float32 or float16, but got {dtype}.")
        type_check(is_hwc, (bool,), "is_hwc")
        self.mean = list(mean)
        self.std = list(std)
        self.dtype = dtype
        self.is_hwc = is_hwc

    def _execute(self, img):
        if img.ndim != 3:
            raise RuntimeError(f"NormalizePad: input tensor is not in shape of <H,W,C>, but got rank: {img.ndim}")
        out = _normalize(img, self.mean, self.std, self.is_hwc, "NormalizePad")
        axis = 2 if self.is_hwc else 0
        zshape = list(out.shape)
        zshape[axis] = 1
        return np.concatenate([out, np.zeros(zshape, np.float32)], axis).astype(self.dtype)


# ---------------------------------------------------------------- geometry

class Resize(ImageTensorOperation):
    """Resize to ``size`` ((h, w), or an int for the shorter side keeping the aspect ratio)."""

    random = False

    def __init__(self, size, interpolation=Inter.BILINEAR):
        _check_resize_size(size)
        type_check(interpolation, (Inter,), "interpolation")
        self.size = size if isinstance(size, int) else tuple(size)
        self.interpolation = interpolation

    @_batched
    def _execute(self, img):
        if img.ndim not in (2, 3):
            raise RuntimeError(f"Resize: input tensor is not in shape of <H,W> or <H,W,C>, but got rank: {img.ndim}")
        if self.interpolation == Inter.ANTIALIAS:
            raise TypeError(f"img should be PIL image. Got {type(img)}.")
        return _resize_to(img, self.size, self.interpolation)

    def _execute_pil(self, img):
        return _pil_resize(img, self.size, self.interpolation)


class CenterCrop(ImageTensorOperation):
    """Crop the center ``size`` region (zero-padded first when the image is smaller)."""

    random = False

    def __init__(self, size):
        _check_size(size)
        self.size = size

    @_batched
    def _execute(self, img):
        return _center_crop_np(_hwc(img, "CenterCrop"), _size2(self.size))

    def _execute_pil(self, img):
        ch, cw = _size2(self.size)
        w, h = img.size
        return _pil_crop(img, int(round((h - ch) / 2.0)), int(round((w - cw) / 2.0)), ch, cw)


class Crop(ImageTensorOperation):
    """Crop the ``size`` region whose top-left corner is ``coordinates`` (y, x)."""

    random = False

    def __init__(self, coordinates, size):
        type_check(coordinates, (list, tuple), "coordinates")
        if len(coordinates) != 2:
            raise TypeError("Coordinates should be a list/tuple (y, x) of length 2.")
        for i, v in enumerate(coordinates):
            type_check(v, (int,), f"coordinates[{i}]")
            check_value(v, 0, INT32_MAX, f"coordinates[{i}]")
        _check_size(size)
        self.coordinates = tuple(coordinates)
        self.size = size

    def _execute(self, img):
        h, w = _size2(self.size)
        return _crop_np(_hwc(img, "Crop"), self.coordinates[0], self.coordinates[1], h, w)


class ResizedCrop(ImageTensorOperation):
    """Crop (top, left, height, width), then resize to ``size``."""

    random = False

    def __init__(self, top, left, height, width, size, interpolation=Inter.BILINEAR):
        for name, v in (("top", top), ("left", left)):
            type_check(v, (int,), name)
            check_value(v, 0, INT32_MAX, name)
        for name, v in (("height", height), ("width", width)):
            type_check(v, (int,), name)
            check_value(v, 1, INT32_MAX, name)
        _check_size(size)
        type_check(interpolation, (Inter,), "interpolation")
        self.top, self.left, self.height, self.width = top, left, height, width
        self.size = size
        self.interpolation = interpolation

    def _execute(self, img):
        img = _crop_np(_hwc(img, "ResizedCrop"), self.top, self.left, self.height, self.width, "ResizedCrop")
        return _resize_to(img, _size2(self.size), self.interpolation)


def _flip_np(img, axis):
    return np.ascontiguousarray(np.flip(_hwc(img, "Flip"), axis))


class HorizontalFlip(ImageTensorOperation):
    """Mirror left-right."""

    random = False

    @_batched
    def _execute(self, img):
        return _flip_np(img, 1)


class VerticalFlip(ImageTensorOperation):
    """Mirror top-bottom."""

    random = False

    @_batched
    def _execute(self, img):
        return _flip_np(img, 0)


class RandomHorizontalFlip(ImageTensorOperation):
    """Mirror left-right with probability ``prob``."""

    def __init__(self, prob=0.5):
        check_prob(prob)
        self.prob = prob

    @_batched
    def _execute(self, img):
        return _flip_np(img, 1) if random.random() < self.prob else img

    def _execute_pil(self, img):
        return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if random.random() < self.prob else img


class RandomVerticalFlip(ImageTensorOperation):
    """Mirror top-bottom with probability ``prob``."""

    def __init__(self, prob=0.5):
        check_prob(prob)
        self.prob = prob

    def _execute(self, img):
        return _flip_np(img, 0) if random.random() < self.prob else img

    def _execute_pil(self, img):
        return img.transpose(Image.Transpose.FLIP_TOP_BOTTOM) if random.random() < self.prob else img


def _pil_pad(img, left, top, right, bottom, fill, mode):
    if mode == "constant":
        if isinstance(fill, tuple) and img.mode in ("L", "1"):
            fill = fill[0]
        return ImageOps.expand(img, border=(left, top, right, bottom), fill=fill)
    arr = np.asarray(img)
    widths = ((top, bottom), (left, right)) + (((0, 0),) if arr.ndim == 3 else ())
    return Image.fromarray(np.pad(arr, widths, mode))


class Pad(ImageTensorOperation):
    """Pad borders: ``padding`` is an int, (left/right, top/bottom) or (left, top, right, bottom)."""

    random = False

    def __init__(self, padding, fill_value=0, padding_mode=Border.CONSTANT):
        _check_padding(padding)
        _check_fill(fill_value)
        type_check(padding_mode, (Border,), "padding_mode")
        self.padding = _parse_padding(padding)
        self.fill_value = fill_value
        self.padding_mode = padding_mode

    def _execute(self, img):
        left, top, right, bottom = self.padding
        return _cv.pad(_hwc(img, "Pad"), top, bottom, left, right, self.padding_mode.value, self.fill_value)

    def _execute_pil(self, img):
        left, top, right, bottom = self.padding
        return _pil_pad(img, left, top, right, bottom, self.fill_value, self.padding_mode.value)


class RandomCrop(ImageTensorOperation):
    """Pad (optionally), then crop ``size`` at a random position."""

    def __init__(self, size, padding=None, pad_if_needed=False, fill_value=0, padding_mode=Border.CONSTANT):
        _check_size(size)
        type_check(pad_if_needed, (bool,), "pad_if_needed")
        if padding is not None:
            _check_padding(padding)
        if fill_value is not None:
            _check_fill(fill_value)
        if padding_mode is not None:
            type_check(padding_mode, (Border,), "padding_mode")
        self.size = size
        self.padding = _parse_padding(padding) if padding is not None else (0, 0, 0, 0)
        self.pad_if_needed = pad_if_needed
        self.fill_value = fill_value
        self.padding_mode = padding_mode

    @_batched
    def _execute(self, img):
        img = _hwc(img, "RandomCrop")
        ch, cw = _size2(self.size)
        left, top, right, bottom = self.padding
        mode = self.padding_mode.value
        if any(self.padding):
            img = _cv.pad(img, top, bottom, left, right, mode, self.fill_value)
        h, w = img.shape[:2]
        if self.pad_if_needed and (h < ch or w < cw):
            ph = max(ch - h, 0)
            pw = max(cw - w, 0)
            img = _cv.pad(img, ph, ph, pw, pw, mode, self.fill_value)
            h, w = img.shape[:2]
        if h < ch or w < cw:
            raise RuntimeError(f"RandomCrop: invalid crop size, crop size is bigger than the image dimensions, "
                               f"got crop height: {ch}, crop width: {cw}")
        top = random.randint(0, h - ch)
        left = random.randint(0, w - cw)
        return img[top:top + ch, left:left + cw].copy()

    def _execute_pil(self, img):
        ch, cw = _size2(self.size)
        left, top, right, bottom = self.padding
        mode = self.padding_mode.value
        fill = tuple(self.fill_value) if isinstance(self.fill_value, list) else self.fill_value
        if any(self.padding):
            img = _pil_pad(img, left, top, right, bottom, fill, mode)
        if self.pad_if_needed and img.size[0] < cw:
            pw = cw - img.size[0]
            img = _pil_pad(img, pw, 0, pw, 0, fill, mode)
        if self.pad_if_needed and img.size[1] < ch:
            ph = ch - img.size[1]
            img = _pil_pad(img, 0, ph, 0, ph, fill, mode)
        w, h = img.size
        if ch > h or cw > w:
            raise ValueError(f"Crop size {(ch, cw)} is larger than input image size {(h, w)}.")
        if ch == h and cw == w:
            return _pil_crop(img, 0, 0, h, w)
        top = random.randint(0, h - ch)
        left = random.randint(0, w - cw)
        return _pil_crop(img, top, left, ch, cw)


class RandomResizedCrop(ImageTensorOperation):
    """Crop a random area/aspect-ratio region and resize it to ``size``."""

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3. / 4., 4. / 3.), interpolation=Inter.BILINEAR,
                 max_attempts=10):
        if interpolation is not None:
            type_check(interpolation, (Inter,), "interpolation")
        _check_scale_ratio(size, scale, ratio, max_attempts)
        self.size = _size2(size)
        self.scale = scale
        self.ratio = ratio
        self.interpolation = interpolation
        self.max_attempts = max_attempts

    @_batched
    def _execute(self, img):
        img = _hwc(img, "RandomResizedCrop")
        h, w = img.shape[:2]
        top, left, ch, cw = _random_resized_box(h, w, self.scale, self.ratio, self.max_attempts)
        return _cv.resize(img[top:top + ch, left:left + cw], self.size[0], self.size[1], int(self.interpolation))

    def _execute_pil(self, img):
        w, h = img.size
        top, left, ch, cw = _random_resized_box(h, w, self.scale, self.ratio, self.max_attempts)
        return _pil_resize(_pil_crop(img, top, left, ch, cw), self.size, self.interpolation)


class RandomCropDecodeResize(RandomResizedCrop):
    """Decode encoded bytes, then RandomResizedCrop (HWC uint8 RGB output)."""

    def __call__(self, img):
        if isinstance(img, bytes):
            img = np.frombuffer(img, dtype=np.uint8)
        if not isinstance(img, np.ndarray):
            raise TypeError(f"Input should be an encoded image in 1-D NumPy format, got {type(img)}.")
        if img.ndim != 1 or img.dtype.type is not np.uint8:
            raise TypeError("Input should be an encoded image with uint8 type in 1-D NumPy format, "
                            f"got format:{type(img)}, dtype:{img.dtype.type}.")
        return self._execute(Decode()(img))


def _rotation_matrix(h, w, degrees, center, expand):
    """Inverse (dst -> src) 2x3 matrix and output size of a counter-clockwise rotation by ``degrees``."""
    cx, cy = ((w - 1) / 2.0, (h - 1) / 2.0) if center is None else center
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)
    fwd = np.array([[cos, sin, (1 - cos) * cx - sin * cy],
                    [-sin, cos, sin * cx + (1 - cos) * cy]], dtype=np.float64)
    oh, ow = h, w
    if expand:
        bw = abs(w * cos) + abs(h * sin)
        bh = abs(w * sin) + abs(h * cos)
        fwd[0, 2] += bw / 2.0 - w / 2.0
        fwd[1, 2] += bh / 2.0 - h / 2.0
        ow, oh = int(round(bw)), int(round(bh))
    return _cv.invert_affine(fwd), oh, ow


def _warp_inter(inter):
    """OpenCV warps: nearest, bicubic, and bilinear for everything else (area has no warp form)."""
    return {Inter.NEAREST: 0, Inter.BICUBIC: 3}.get(inter, 2)


def _rotate_np(img, degrees, resample, expand, center, fill):
    img = _hwc(img, "Rotate")
    h, w = img.shape[:2]
    m, oh, ow = _rotation_matrix(h, w, degrees, center, expand)
    if isinstance(fill, tuple):  # the reference hands the fill color to OpenCV in reversed channel order
        fill = fill[::-1]
    return _cv.warp_affine(img, m, oh, ow, _warp_inter(resample), fill)


def _pil_rotate(img, angle, resample, expand, center, fill):
    fill = (fill,) * 3 if isinstance(fill, int) else tuple(fill)
    angle = angle % 360.0
    if resample == Inter.ANTIALIAS and (angle not in (0, 90, 180, 270) or center):
        raise ValueError("When using Inter.ANTIALIAS, center needs to be None and "
                         "angle needs to be an integer multiple of 90.")
    return img.rotate(angle, _pil_filter(resample), expand, center, fillcolor=fill)


def _check_rotate_common(resample, expand, center, fill_value):
    type_check(resample, (Inter,), "resample")
    type_check(expand, (bool,), "expand")
    if center is not None:
        type_check(center, (tuple,), "center")
        if len(center) != 2:
            raise ValueError("Value center needs to be a 2-tuple.")
        for v in center:
            type_check(v, (int, float), "center")
            check_value(v, INT32_MIN, INT32_MAX, "center")
    _check_fill(fill_value)


class Rotate(ImageTensorOperation):
    """Rotate counter-clockwise by ``degrees`` about ``center`` (default: the image center)."""

    random = False

    def __init__(self, degrees, resample=Inter.NEAREST, expand=False, center=None, fill_value=0):
        type_check(degrees, (float, int), "degrees")
        check_float32(degrees, "degrees")
        _check_rotate_common(resample, expand, center, fill_value)
        self.degrees = degrees % 360
        self.resample = resample
        self.expand = expand
        self.center = center
        self.fill_value = fill_value

    @_batched
    def _execute(self, img):
        return _rotate_np(img, self.degrees, self.resample, self.expand, self.center, self.fill_value)


class RandomRotation(ImageTensorOperation):
    """Rotate by an angle drawn uniformly from ``degrees`` ((min, max), or a number d for (-d, d))."""

    def __init__(self, degrees, resample=Inter.NEAREST, expand=False, center=None, fill_value=0):
        type_check(degrees, (int, float, list, tuple), "degrees")
        if isinstance(degrees, numbers.Number):
            check_value(degrees, 0, float(np.finfo(np.float32).max), "degrees")
            degrees = (-degrees, degrees)
        else:
            if len(degrees) != 2:
                raise TypeError("If degrees is a sequence, the length must be 2.")
            type_check_list(degrees, (int, float), "degrees")
            if degrees[0] > degrees[1]:
                raise ValueError("degrees should be in (min,max) format. Got (max,min).")
        _check_rotate_common(resample, expand, center, fill_value)
        self.degrees = tuple(degrees)
        self.resample = resample
        self.expand = expand
        self.center = center
        self.fill_value = fill_value

    def _execute(self, img):
        angle = random.uniform(*self.degrees)
        return _rotate_np(img, angle, self.resample, self.expand, self.center, self.fill_value)

    def _execute_pil(self, img):
        angle = random.uniform(*self.degrees)
        return _pil_rotate(img, angle, self.resample, self.expand, self.center, self.fill_value)


# ---------------------------------------------------------------- color

def _rgb_image(img, op):
    if img.ndim != 3 or img.shape[2] != 3:
        raise RuntimeError(f"{op}: image shape is not <H,W,C> or channel is not 3, got image rank: {img.ndim}")
    return img


def _adjust_brightness(img, factor):
    # OpenCV convertTo / addWeighted on uint8 compute in float32
    return _to_uint8_like(img.astype(np.float32) * np.float32(factor), img.dtype)


def _adjust_contrast(img, factor):
    """Blend with the rounded mean gray level (OpenCV addWeighted)."""
    gray_mean = float(np.rint(_cv.rgb_to_gray(img).astype(np.float64).mean()))
    if img.dtype != np.uint8:
        return (img.astype(np.float64) * factor + gray_mean * (1 - factor)).astype(img.dtype)
    return _cv.add_weighted(img, factor, np.full(img.shape, gray_mean, np.float32), 1 - factor, img.dtype)


def _adjust_saturation(img, factor):
    """Blend with the grayscale image (OpenCV addWeighted)."""
    gray = _cv.rgb_to_gray(img)[:, :, None]
    if img.dtype != np.uint8:
        return (img.astype(np.float64) * factor + gray.astype(np.float64) * (1 - factor)).astype(img.dtype)
    return _cv.add_weighted(img, factor, np.repeat(gray, 3, 2), 1 - factor, img.dtype)


def _adjust_hue(img, factor):
    if img.dtype != np.uint8:
        hsv = _rgb_to_hsv_np(img.astype(np.float64) / 255.0)
        hsv[..., 0] = (hsv[..., 0] + factor) % 1.0
        return (_hsv_to_rgb_np(hsv) * 255.0).astype(img.dtype)
    hsv = _cv.rgb_to_hsv_full_u8(img)
    shift = np.uint8(int(factor * 255) % 256)
    hsv[..., 0] = hsv[..., 0] + shift  # wraps like the reference's uint8 hue channel
    return _cv.hsv_full_to_rgb_u8(hsv)


def _rgb_to_hsv_np(rgb):
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    maxc = rgb.max(-1)
    minc = rgb.min(-1)
    v = maxc
    delta = maxc - minc
    s = np.where(maxc > 0, delta / np.where(maxc > 0, maxc, 1), 0.0)
    d = np.where(delta > 0, delta, 1)
    rc, gc, bc = (maxc - r) / d, (maxc - g) / d, (maxc - b) / d
    h = np.where(r == maxc, bc - gc, np.where(g == maxc, 2.0 + rc - bc, 4.0 + gc - rc))
    h = np.where(delta > 0, (h / 6.0) % 1.0, 0.0)
    return np.stack([h, s, v], -1)


def _hsv_to_rgb_np(hsv):
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    i = np.floor(h * 6.0)
    f = h * 6.0 - i
    p, q, t = v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))
    i = i.astype(np.int64) % 6
    choices = [np.stack(c, -1) for c in ((v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q))]
    out = np.zeros(hsv.shape)
    for k in range(6):
        out = np.where((i == k)[..., None], choices[k], out)
    return out


def _check_factor(value, name):
    type_check(value, (float, int), name)
    check_value(value, 0, FLOAT_MAX_INTEGER, name)


class AdjustBrightness(ImageTensorOperation):
    """Multiply pixel values by ``brightness_factor`` (saturating)."""

    random = False

    def __init__(self, brightness_factor):
        _check_factor(brightness_factor, "brightness_factor")
        self.brightness_factor = brightness_factor

    def _execute(self, img):
        if img.ndim not in (2, 3) or (img.ndim == 3 and img.shape[2] not in (1, 3)):
            raise RuntimeError(f"AdjustBrightness: image shape is not <H,W> or <H,W,C> with 1 or 3 channels, got "
                               f"shape {img.shape}")
        return _adjust_brightness(img, self.brightness_factor)

    def _execute_pil(self, img):
        return ImageEnhance.Brightness(img).enhance(self.brightness_factor)


class AdjustContrast(ImageTensorOperation):
    """Blend with the mean gray level: ``img * f + mean * (1 - f)``."""

    random = False

    def __init__(self, contrast_factor):
        _check_factor(contrast_factor, "contrast_factor")
        self.contrast_factor = contrast_factor

    def _execute(self, img):
        return _adjust_contrast(_rgb_image(img, "AdjustContrast"), self.contrast_factor)

    def _execute_pil(self, img):
        return ImageEnhance.Contrast(img).enhance(self.contrast_factor)


class AdjustSaturation(ImageTensorOperation):
    """Blend with the grayscale image: ``img * f + gray * (1 - f)``."""

    random = False

    def __init__(self, saturation_factor):
        _check_factor(saturation_factor, "saturation_factor")
        self.saturation_factor = saturation_factor

    def _execute(self, img):
        return _adjust_saturation(_rgb_image(img, "AdjustSaturation"), self.saturation_factor)

    def _execute_pil(self, img):
        return ImageEnhance.Color(img).enhance(self.saturation_factor)


def _color_range(value, name, center=1.0, bound=(0, FLOAT_MAX_INTEGER), non_negative=True):
    type_check(value, (numbers.Number, list, tuple), name)
    if isinstance(value, numbers.Number):
        if value < 0:
            raise ValueError(f"The input value of {name} cannot be negative.")
        lo, hi = center - value, center + value
        return (max(0.0, lo) if non_negative else lo), hi
    if len(value) != 2:
        raise TypeError(f"If {name} is a sequence, the length must be 2.")
    if value[0] > value[1]:
        raise ValueError(f"{name} value should be in (min,max) format. Got ({value[0]}, {value[1]}).")
    for v in value:
        check_value(v, bound[0], bound[1])
    return tuple(value)


class RandomColorAdjust(ImageTensorOperation):
    """Random brightness, contrast, saturation and hue changes, applied in a random order."""

    def __init__(self, brightness=(1, 1), contrast=(1, 1), saturation=(1, 1), hue=(0, 0)):
        self.brightness = _color_range(brightness, "brightness")
        self.contrast = _color_range(contrast, "contrast")
        self.saturation = _color_range(saturation, "saturation")
        self.hue = _color_range(hue, "hue", center=0.0, bound=(-0.5, 0.5), non_negative=False)

    def _factors(self):
        return (random.uniform(*self.brightness), random.uniform(*self.contrast),
                random.uniform(*self.saturation), random.uniform(*self.hue))

    def _execute(self, img):
        img = _rgb_image(img, "RandomColorAdjust")
        b, c, s, h = self._factors()
        steps = [lambda x: _adjust_brightness(x, b), lambda x: _adjust_contrast(x, c),
                 lambda x: _adjust_saturation(x, s), lambda x: _adjust_hue(x, h) if h else x]
        random.shuffle(steps)
        for step in steps:
            img = step(img)
        return img

    def _execute_pil(self, img):
        b, c, s, h = self._factors()

        def hue(x):
            if x.mode in ("L", "1", "I", "F"):
                return x
            hsv = np.array(x.convert("HSV"))
            hsv[..., 0] = (hsv[..., 0].astype(np.int64) + int(h * 255)) % 256
            return Image.fromarray(hsv, "HSV").convert(x.mode)

        steps = [lambda x: ImageEnhance.Brightness(x).enhance(b), lambda x: ImageEnhance.Contrast(x).enhance(c),
                 lambda x: ImageEnhance.Color(x).enhance(s), hue]
        random.shuffle(steps)
        for step in steps:
            img = step(img)
        return img


class Grayscale(TensorOperation):
    """PIL image -> grayscale PIL image with 1 or 3 channels."""

    _py_impl = True

    random = False

    def __init__(self, num_output_channels=1):
        type_check(num_output_channels, (int,), "num_output_channels")
        if num_output_channels not in (1, 3):
            raise ValueError("Number of channels of the output grayscale image"
                             f"should be either 1 or 3. Got {num_output_channels}.")
        self.num_output_channels = num_output_channels

    def __call__(self, img):
        if not _is_pil(img):
            raise TypeError(f"img should be PIL image. Got {type(img)}.")
        gray = img.convert("L")
        if self.num_output_channels == 1:
            return gray
        g = np.asarray(gray)
        return Image.fromarray(np.dstack([g, g, g]), "RGB")


class RandomGrayscale(TensorOperation):
    """Convert a PIL image to grayscale with probability ``prob`` (keeping its channel count)."""

    _py_impl = True

    def __init__(self, prob=0.1):
        check_prob(prob)
        self.prob = prob

    def __call__(self, img):
        if not _is_pil(img):
            raise TypeError(f"img should be PIL image. Got {type(img)}.")
        channels = 1 if img.mode == "L" else 3
        if random.random() < self.prob:
            return Grayscale(channels)(img)
        return img


class Invert(ImageTensorOperation):
    """``255 - img`` for RGB uint8 images."""

    random = False

    def _execute(self, img):
        img = _rgb_image(img, "Invert")
        return (255 - img.astype(np.int64)).astype(img.dtype) if img.dtype == np.uint8 else 255 - img

    def _execute_pil(self, img):
        return ImageOps.invert(img.convert("RGB"))


class RandomInvert(ImageTensorOperation):
    """Invert with probability ``prob``."""

    def __init__(self, prob=0.5):
        check_prob(prob)
        self.prob = prob

    def _execute(self, img):
        return Invert()._execute(img) if random.random() < self.prob else img


def _check_bits(bits):
    type_check(bits, (int,), "bits")
    check_value(bits, 1, 8, "bits")


def _posterize(img, bits):
    _hwc(img, "Posterize")
    if img.dtype != np.uint8:
        raise RuntimeError(f"Posterize: data type of input image should be uint8, but got {img.dtype}.")
    mask = np.uint8((0xFF << (8 - bits)) & 0xFF)
    return img & mask


class Posterize(ImageTensorOperation):
    """Keep the top ``bits`` bits of each uint8 value."""

    random = False

    def __init__(self, bits):
        _check_bits(bits)
        self.bits = bits

    def _execute(self, img):
        return _posterize(img, self.bits)


class RandomPosterize(ImageTensorOperation):
    """Posterize with a number of bits drawn uniformly from ``bits`` (an int or (min, max))."""

    def __init__(self, bits=(8, 8)):
        type_check(bits, (list, tuple, int), "bits")
        if isinstance(bits, int):
            _check_bits(bits)
            bits = (bits, bits)
        else:
            if len(bits) != 2:
                raise TypeError("Size of bits should be a single integer or a list/tuple (min, max) of length 2.")
            for b in bits:
                _check_bits(b)
            if bits[0] > bits[1]:
                raise ValueError(f"Input is not within the required interval of ({bits[0]}, {bits[1]}).")
        self.bits = tuple(bits)

    def _execute(self, img):
        return _posterize(img, random.randint(self.bits[0], self.bits[1]))


def _solarize(img, lo, hi):
    _hwc(img, "Solarize")
    inv = (255 - img.astype(np.int64)).astype(img.dtype) if img.dtype == np.uint8 else 255 - img
    return np.where((img >= lo) & (img <= hi), inv, img)


def _check_threshold(threshold):
    type_check(threshold, (float, int, list, tuple), "threshold")
    if isinstance(threshold, (int, float)):
        threshold = (threshold, threshold)
    if len(threshold) != 2:
        raise TypeError("threshold must be a single number or sequence of two numbers.")
    for v in threshold:
        type_check(v, (float, int), "threshold")
        check_value(v, 0, 255, "threshold")
    if threshold[0] > threshold[1]:
        raise ValueError("threshold must be in min max format numbers.")
    return tuple(threshold)


class Solarize(ImageTensorOperation):
    """Invert the values within ``threshold`` ((min, max), or a number t for (t, 255))."""

    random = False

    def __init__(self, threshold):
        if isinstance(threshold, (int, float)) and not isinstance(threshold, bool):
            check_value(threshold, 0, 255, "threshold")
            self.threshold = (threshold, 255)
        else:
            self.threshold = _check_threshold(threshold)

    def _execute(self, img):
        return _solarize(img, *self.threshold)


class RandomSolarize(ImageTensorOperation):
    """Solarize a random sub-range of ``threshold``."""

    def __init__(self, threshold=(0, 255)):
        type_check(threshold, (tuple,), "threshold")
        self.threshold = _check_threshold(threshold)

    def _execute(self, img):
        # the reference inverts every value at or above a threshold drawn from the range
        return _solarize(img, random.randint(int(self.threshold[0]), int(self.threshold[1])), 255)


_CONVERT = {
    ConvertMode.COLOR_BGR2BGRA: lambda x: np.concatenate([x, np.full(x.shape[:2] + (1,), _amax(x), x.dtype)], 2),
    ConvertMode.COLOR_BGRA2BGR: lambda x: x[:, :, :3],
    ConvertMode.COLOR_BGR2RGBA: lambda x: np.concatenate([x[:, :, ::-1], np.full(x.shape[:2] + (1,), _amax(x),
                                                                                 x.dtype)], 2),
    ConvertMode.COLOR_RGBA2BGR: lambda x: x[:, :, 2::-1],
    ConvertMode.COLOR_BGR2RGB: lambda x: x[:, :, ::-1],
    ConvertMode.COLOR_BGRA2RGBA: lambda x: x[:, :, [2, 1, 0, 3]],
    ConvertMode.COLOR_BGR2GRAY: lambda x: _cv.rgb_to_gray(x[:, :, ::-1]),
    ConvertMode.COLOR_RGB2GRAY: lambda x: _cv.rgb_to_gray(x),
    ConvertMode.COLOR_GRAY2BGR: lambda x: np.repeat(_gray2d(x)[:, :, None], 3, 2),
    ConvertMode.COLOR_GRAY2BGRA: lambda x: np.concatenate([np.repeat(_gray2d(x)[:, :, None], 3, 2),
                                                           np.full(x.shape[:2] + (1,), _amax(x), x.dtype)], 2),
    ConvertMode.COLOR_BGRA2GRAY: lambda x: _cv.rgb_to_gray(x[:, :, 2::-1]),
    ConvertMode.COLOR_RGBA2GRAY: lambda x: _cv.rgb_to_gray(x[:, :, :3]),
}
_IN_CHANNELS = {0: 3, 1: 4, 2: 3, 3: 4, 4: 3, 5: 4, 6: 3, 7: 3, 8: 1, 9: 1, 10: 4, 11: 4}


def _amax(x):
    return 255 if x.dtype == np.uint8 else 1


def _gray2d(x):
    return x if x.ndim == 2 else x[:, :, 0]


class ConvertColor(ImageTensorOperation):
    """Change the color space (OpenCV's cvtColor codes listed in ConvertMode)."""

    random = False

    def __init__(self, convert_mode):
        type_check(convert_mode, (ConvertMode,), "convert_mode")
        self.convert_mode = convert_mode

    def _execute(self, img):
        channels = 1 if img.ndim == 2 else img.shape[2]
        if img.ndim not in (2, 3) or channels != _IN_CHANNELS[int(self.convert_mode)]:
            raise RuntimeError(f"ConvertColor: the number of channels of the input image ({channels}) does not "
                               f"match the convert mode {self.convert_mode.name}.")
        return np.ascontiguousarray(_CONVERT[self.convert_mode](img))


# ---------------------------------------------------------------- erasing

def _check_erase_value(value):
    if not (isinstance(value, numbers.Number) or (isinstance(value, str) and value == "random")
            or (isinstance(value, (tuple, list)) and len(value) == 3)):
        raise ValueError("The value for erasing should be either a single value, "
                         "or a string 'random', or a sequence of 3 elements for RGB respectively.")


class RandomErasing(TensorOperation):
    """With probability ``prob`` erase a random rectangle of a CHW numpy image (random.* draws)."""

    _py_impl = True

    def __init__(self, prob=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0, inplace=False, max_attempts=10):
        type_check(prob, (float, int), "prob")
        type_check_list(scale, (float, int), "scale")
        if len(scale) != 2:
            raise TypeError("scale should be a list or tuple of length 2.")
        type_check_list(ratio, (float, int), "ratio")
        if len(ratio) != 2:
            raise TypeError("ratio should be a list or tuple of length 2.")
        type_check(value, (int, list, tuple, str), "value")
        type_check(inplace, (bool,), "inplace")
        type_check(max_attempts, (int,), "max_attempts")
        _check_erase_value(value)
        check_value(prob, 0.0, 1.0, "prob")
        if scale[0] > scale[1]:
            raise ValueError("scale should be in (min,max) format. Got (max,min).")
        for v in scale:
            check_value(v, 0, FLOAT_MAX_INTEGER)
        check_positive(scale[1], "scale[1]")
        if ratio[0] > ratio[1]:
            raise ValueError("ratio should be in (min,max) format. Got (max,min).")
        for v in ratio:
            check_value(v, 0, FLOAT_MAX_INTEGER, left_open=True)
        check_value(max_attempts, 1, INT32_MAX, "max_attempts")
        self.prob = prob
        self.scale = scale
        self.ratio = ratio
        self.value = value
        self.inplace = inplace
        self.max_attempts = max_attempts

    def __call__(self, img):
        if not isinstance(img, np.ndarray):
            raise TypeError(f"img should be NumPy array. Got {type(img)}.")
        if not self.prob > random.random():
            return img
        c, h, w = img.shape
        for _ in range(self.max_attempts):
            area = random.uniform(self.scale[0], self.scale[1]) * h * w
            aspect = random.uniform(self.ratio[0], self.ratio[1])
            ew = int(round(math.sqrt(area * aspect)))
            eh = int(round(ew / aspect))
            if eh < h and ew < w:
                top = random.randint(0, h - eh)
                left = random.randint(0, w - ew)
                if isinstance(self.value, numbers.Number):
                    fill = self.value
                elif isinstance(self.value, str):
                    fill = np.random.normal(0.0, 1.0, (c, eh, ew))
                else:
                    fill = np.ones((c, eh, ew)) * np.asarray(self.value)[:, None, None]
                out = img if self.inplace else img.copy()
                out[:, top:top + eh, left:left + ew] = fill
                return out
        out = img if self.inplace else img.copy()
        out[:, :, :] = img
        return out


class Erase(ImageTensorOperation):
    """Fill the (top, left, height, width) region of an HWC image with ``value``."""

    random = False

    def __init__(self, top, left, height, width, value=0.0, inplace=False):
        for name, v in (("top", top), ("left", left)):
            type_check(v, (int,), name)
            check_value(v, 0, INT32_MAX, name)
        for name, v in (("height", height), ("width", width)):
            type_check(v, (int,), name)
            check_value(v, 1, INT32_MAX, name)
        type_check(value, (float, int, tuple), "value")
        vals = value if isinstance(value, tuple) else (value,)
        if len(vals) not in (1, 3):
            raise TypeError("value should be a single number or a 3-tuple.")
        for v in vals:
            type_check(v, (float, int), "value")
            check_value(v, 0, 255, "value")
        type_check(inplace, (bool,), "inplace")
        self.top, self.left, self.height, self.width = top, left, height, width
        self.value = value
        self.inplace = inplace

    def _execute(self, img):
        img = _rgb_image(img, "Erase")
        out = img.copy()
        vals = np.asarray(self.value if isinstance(self.value, tuple) else (self.value,) * 3, np.float64)
        out[self.top:self.top + self.height, self.left:self.left + self.width] = \
            _to_uint8_like(vals, img.dtype) if img.dtype == np.uint8 else vals.astype(img.dtype)
        return out


class CutOut(ImageTensorOperation):
    """Zero ``num_patches`` random ``length`` x ``length`` squares (HWC or CHW)."""

    def __init__(self, length, num_patches=1, is_hwc=True):
        type_check(length, (int,), "length")
        check_value(length, 1, INT32_MAX, "length")
        type_check(num_patches, (int,), "num_patches")
        check_value(num_patches, 1, INT32_MAX, "num_patches")
        type_check(is_hwc, (bool,), "is_hwc")
        self.length = length
        self.num_patches = num_patches
        self.is_hwc = is_hwc

    def _execute(self, img):
        if img.ndim != 3:
            raise RuntimeError(f"CutOut: shape is invalid, should be <H,W,C> or <C,H,W>, got rank: {img.ndim}")
        out = img.copy()
        h, w = (img.shape[0], img.shape[1]) if self.is_hwc else (img.shape[-2], img.shape[-1])
        for _ in range(self.num_patches):
            y = random.randint(0, max(h - self.length, 0))
            x = random.randint(0, max(w - self.length, 0))
            if self.is_hwc:
                out[y:y + self.length, x:x + self.length] = 0
            else:
                out[..., y:y + self.length, x:x + self.length] = 0
        return out


# ---------------------------------------------------------------- batch mixing

def _batch_check(images, labels, op):
    if images.ndim != 4:
        raise RuntimeError(f"{op}: image shape is not <N,H,W,C> or <N,C,H,W>, got rank: {images.ndim}")
    if labels.ndim not in (2, 3):
        raise RuntimeError(f"{op}: Wrong labels shape. The second column (labels) must have a shape of NC or NLC, "
                           f"got rank: {labels.ndim}")
    if labels.shape[0] != images.shape[0]:
        raise RuntimeError(f"{op}: batch sizes of images and labels differ.")


class MixUpBatch(ImageTensorOperation):
    """Mix each (image, one-hot label) pair of a batch with a shuffled partner, weight ~ Beta(alpha, alpha)."""

    def __init__(self, alpha=1.0):
        type_check(alpha, (int, float), "alpha")
        check_positive(alpha, "alpha")
        check_pos_float32(alpha)
        self.alpha = alpha

    def __call__(self, images, labels):
        images = np.asarray(images)
        labels = np.asarray(labels)
        _batch_check(images, labels, "MixUpBatch")
        lam = np.random.beta(self.alpha, self.alpha)
        perm = np.random.permutation(images.shape[0])
        mixed = lam * images.astype(np.float32) + (1 - lam) * images[perm].astype(np.float32)
        mixed_labels = lam * labels.astype(np.float32) + (1 - lam) * labels[perm].astype(np.float32)
        if images.dtype == np.uint8:
            mixed = np.clip(np.rint(mixed), 0, 255)
        return mixed.astype(images.dtype), mixed_labels.astype(np.float32)


class CutMixBatch(ImageTensorOperation):
    """Paste a random box of a shuffled partner into each image (probability ``prob``), mixing labels by area."""

    def __init__(self, image_batch_format, alpha=1.0, prob=1.0):
        type_check(image_batch_format, (ImageBatchFormat,), "image_batch_format")
        type_check(alpha, (int, float), "alpha")
        type_check(prob, (int, float), "prob")
        check_pos_float32(alpha)
        check_positive(alpha, "alpha")
        check_value(prob, 0, 1, "prob")
        self.image_batch_format = image_batch_format
        self.alpha = alpha
        self.prob = prob

    def __call__(self, images, labels):
        images = np.asarray(images)
        labels = np.asarray(labels)
        _batch_check(images, labels, "CutMixBatch")
        nhwc = self.image_batch_format == ImageBatchFormat.NHWC
        n = images.shape[0]
        h, w = (images.shape[1], images.shape[2]) if nhwc else (images.shape[2], images.shape[3])
        out = images.copy()
        out_labels = labels.astype(np.float32).copy()
        perm = np.random.permutation(n)
        for i in range(n):
            if random.random() >= self.prob:
                continue
            lam = np.random.beta(self.alpha, self.alpha)
            cut = math.sqrt(1 - lam)
            ch, cw = int(h * cut), int(w * cut)
            cy, cx = random.randint(0, h - 1), random.randint(0, w - 1)
            y0, y1 = max(cy - ch // 2, 0), min(cy + ch // 2, h)
            x0, x1 = max(cx - cw // 2, 0), min(cx + cw // 2, w)
            j = perm[i]
            if nhwc:
                out[i, y0:y1, x0:x1] = images[j, y0:y1, x0:x1]
            else:
                out[i, :, y0:y1, x0:x1] = images[j, :, y0:y1, x0:x1]
            area = (y1 - y0) * (x1 - x0) / float(h * w)
            out_labels[i] = (1 - area) * labels[i] + area * labels[j]
        return out, out_labels


# ---------------------------------------------------------------- histogram, sharpness, blur, gamma, hue

def _per_channel(img, fn):
    if img.ndim == 2:
        return fn(img)
    return np.stack([fn(np.ascontiguousarray(img[:, :, c])) for c in range(img.shape[2])], 2)


def _u8_image(img, op):
    if img.ndim not in (2, 3) or (img.ndim == 3 and img.shape[2] not in (1, 3)):
        raise RuntimeError(f"{op}: image shape is not <H,W,C> or <H,W>, or channel is not 1 or 3, got shape "
                           f"{img.shape}")
    if img.dtype != np.uint8:
        raise RuntimeError(f"{op}: input image data type should be uint8, but got {img.dtype}.")
    return img


def _check_cutoff_ignore(cutoff, ignore):
    type_check(cutoff, (int, float), "cutoff")
    check_value(cutoff, 0, 50, "cutoff", right_open=True)
    if ignore is not None:
        type_check(ignore, (list, tuple, int), "ignore")
        for v in ([ignore] if isinstance(ignore, int) else ignore):
            type_check(v, (int,), "item")
            check_value(v, 0, 255, "ignore")


def _autocontrast(img, cutoff, ignore):
    ignore = [] if ignore is None else ([ignore] if isinstance(ignore, int) else list(ignore))
    return _per_channel(_u8_image(img, "AutoContrast"), lambda ch: _cv.autocontrast_channel(ch, cutoff, ignore))


class AutoContrast(ImageTensorOperation):
    """Stretch each channel's histogram (minus ``cutoff`` percent at both ends, ``ignore`` values) to 0..255."""

    random = False

    def __init__(self, cutoff=0.0, ignore=None):
        _check_cutoff_ignore(cutoff, ignore)
        self.cutoff = cutoff
        self.ignore = ignore

    def _execute(self, img):
        return _autocontrast(img, self.cutoff, self.ignore)

    def _execute_pil(self, img):
        return ImageOps.autocontrast(img, self.cutoff, self.ignore)


class RandomAutoContrast(ImageTensorOperation):
    """AutoContrast with probability ``prob``."""

    def __init__(self, cutoff=0.0, ignore=None, prob=0.5):
        _check_cutoff_ignore(cutoff, ignore)
        check_prob(prob)
        self.cutoff = cutoff
        self.ignore = ignore
        self.prob = prob

    def _execute(self, img):
        return _autocontrast(img, self.cutoff, self.ignore) if random.random() < self.prob else img


class Equalize(ImageTensorOperation):
    """Histogram equalization of each uint8 channel."""

    random = False

    def _execute(self, img):
        return _per_channel(_u8_image(img, "Equalize"), _cv.equalize_channel)

    def _execute_pil(self, img):
        return ImageOps.equalize(img)


class RandomEqualize(ImageTensorOperation):
    """Equalize with probability ``prob``."""

    def __init__(self, prob=0.5):
        check_prob(prob)
        self.prob = prob

    def _execute(self, img):
        return Equalize()._execute(img) if random.random() < self.prob else img


_SMOOTH = np.array([[1, 1, 1], [1, 5, 1], [1, 1, 1]], np.float64) / 13.0


def _sharpness(img, factor):
    if img.ndim not in (2, 3):
        raise RuntimeError(f"AdjustSharpness: input tensor is not in shape of <H,W> or <H,W,C>, but got rank: "
                           f"{img.ndim}")
    blurred = _cv.filter2d_f32(img, _SMOOTH)
    blurred[0] = img[0]
    blurred[-1] = img[-1]
    blurred[:, 0] = img[:, 0]
    blurred[:, -1] = img[:, -1]
    return _cv.add_weighted(blurred, 1 - factor, img, factor, img.dtype)


class AdjustSharpness(ImageTensorOperation):
    """Blend with a smoothed copy: 0 blurs, 1 keeps, 2 sharpens."""

    random = False

    def __init__(self, sharpness_factor):
        type_check(sharpness_factor, (float, int), "sharpness_factor")
        check_value(sharpness_factor, 0, FLOAT_MAX_INTEGER)
        self.sharpness_factor = sharpness_factor

    def _execute(self, img):
        return _sharpness(img, self.sharpness_factor)


class RandomAdjustSharpness(ImageTensorOperation):
    """AdjustSharpness(degree) with probability ``prob``."""

    def __init__(self, degree, prob=0.5):
        type_check(degree, (float, int), "degree")
        check_value(degree, 0, float(np.finfo(np.float32).max), "degree")
        type_check(prob, (float, int), "prob")
        check_value(prob, 0.0, 1.0, "prob")
        self.degree = degree
        self.prob = prob

    def _execute(self, img):
        return _sharpness(img, self.degree) if random.random() < self.prob else img


def _check_degrees_pair(degrees):
    if not isinstance(degrees, (list, tuple)):
        raise TypeError("degrees must be either a tuple or a list.")
    type_check_list(degrees, (int, float), "degrees")
    if len(degrees) != 2:
        raise ValueError("degrees must be a sequence with length 2.")
    for d in degrees:
        check_value(d, 0, FLOAT_MAX_INTEGER)
    if degrees[0] > degrees[1]:
        raise ValueError("degrees should be in (min,max) format. Got (max,min).")


class RandomSharpness(ImageTensorOperation):
    """Sharpness with a factor drawn uniformly from ``degrees``."""

    def __init__(self, degrees=(0.1, 1.9)):
        _check_degrees_pair(degrees)
        self.degrees = tuple(degrees)

    def _execute(self, img):
        return _sharpness(img, random.uniform(*self.degrees))

    def _execute_pil(self, img):
        return ImageEnhance.Sharpness(img).enhance(random.uniform(*self.degrees))


class RandomColor(ImageTensorOperation):
    """Saturation-style blend with the grayscale image, factor drawn uniformly from ``degrees``."""

    def __init__(self, degrees=(0.1, 1.9)):
        _check_degrees_pair(degrees)
        self.degrees = tuple(degrees)

    def _execute(self, img):
        return _adjust_saturation(_rgb_image(img, "RandomColor"), random.uniform(*self.degrees))

    def _execute_pil(self, img):
        return ImageEnhance.Color(img).enhance(random.uniform(*self.degrees))


class GaussianBlur(ImageTensorOperation):
    """Gaussian blur (OpenCV kernel, reflect-101 border); ``sigma`` None derives it from the kernel size."""

    random = False

    def __init__(self, kernel_size, sigma=None):
        type_check(kernel_size, (int, list, tuple), "kernel_size")
        sizes = [kernel_size] if isinstance(kernel_size, int) else list(kernel_size)
        if not isinstance(kernel_size, int) and len(sizes) != 2:
            raise TypeError("Kernel size should be a single integer or a list/tuple (kernel_width, kernel_height) "
                            "of length 2.")
        for i, k in enumerate(sizes):
            type_check(k, (int,), f"kernel_size[{i}]")
            check_value(k, 1, FLOAT_MAX_INTEGER, "kernel_size")
            if k % 2 == 0:
                raise ValueError(f"kernel_size[{i}] must be odd, got {k}.")
        if sigma is not None:
            type_check(sigma, (numbers.Number, list, tuple), "sigma")
            sigmas = [sigma] if isinstance(sigma, numbers.Number) else list(sigma)
            if not isinstance(sigma, numbers.Number) and len(sigmas) != 2:
                raise TypeError("Sigma should be a single number or a list/tuple of length 2 for width and height.")
            for i, s in enumerate(sigmas):
                type_check(s, (numbers.Number,), f"size[{i}]")
                check_value(s, 0, FLOAT_MAX_INTEGER, "sigma")
        self.kernel_size = tuple(sizes)
        self.sigma = (0,) if sigma is None else tuple(float(s) for s in
                                                      ([sigma] if isinstance(sigma, numbers.Number) else sigma))

    def _execute(self, img):
        if img.ndim not in (2, 3):
            raise RuntimeError(f"GaussianBlur: input tensor is not in shape of <H,W> or <H,W,C>, but got rank: "
                               f"{img.ndim}")
        kx = self.kernel_size[0]
        ky = self.kernel_size[-1]
        sx = self.sigma[0]
        sy = self.sigma[-1]
        return _cv.gaussian_blur(img, kx, ky, sx, sy)


class AdjustGamma(ImageTensorOperation):
    """``gain * (img / 255) ** gamma * 255`` (uint8 via a lookup table), ``img ** gamma * gain`` for floats."""

    random = False

    def __init__(self, gamma, gain=1):
        type_check(gamma, (float, int), "gamma")
        check_value(gamma, 0, FLOAT_MAX_INTEGER)
        if gain is not None:
            type_check(gain, (float, int), "gain")
            check_value(gain, -FLOAT_MAX_INTEGER, FLOAT_MAX_INTEGER)
        self.gamma = gamma
        self.gain = gain

    @_batched
    def _execute(self, img):
        if img.dtype == np.uint8:
            lut = np.array([(255 + 1 - 1e-3) * self.gain * pow(x / 255.0, self.gamma) for x in range(256)])
            lut = np.clip(lut.astype(np.int64), 0, 255).astype(np.uint8)
            return lut[img]
        return (np.power(img.astype(np.float32), self.gamma) * self.gain).astype(img.dtype)

    def _execute_pil(self, img):
        table = [int((255 + 1 - 1e-3) * self.gain * pow(x / 255.0, self.gamma)) for x in range(256)]
        bands = len(img.getbands())
        return img.point(table * bands) if bands in (1, 3) else img


class AdjustHue(ImageTensorOperation):
    """Rotate the hue by ``hue_factor`` of a full turn (-0.5 .. 0.5)."""

    random = False

    def __init__(self, hue_factor):
        type_check(hue_factor, (float, int), "hue_factor")
        check_value(hue_factor, -0.5, 0.5, "hue_factor")
        self.hue_factor = hue_factor

    def _execute(self, img):
        return _adjust_hue(_rgb_image(img, "AdjustHue"), self.hue_factor)

    def _execute_pil(self, img):
        if img.mode in ("L", "1", "I", "F"):
            return img
        hsv = np.array(img.convert("HSV"))
        hsv[..., 0] = (hsv[..., 0].astype(np.int64) + int(self.hue_factor * 255)) % 256
        return Image.fromarray(hsv, "HSV").convert(img.mode)


def _hsv_convert(imgs, is_hwc, fn, op):
    arr = np.asarray(imgs)
    if arr.ndim not in (3, 4):
        raise TypeError(f"img shape should be (H, W, C)/(N, H, W, C)/(C, H, W)/(N, C, H, W). Got {arr.shape}.")
    caxis = (arr.ndim - 1) if is_hwc else (arr.ndim - 3)
    if arr.shape[caxis] != 3:
        raise TypeError(f"The channel of {op} input should be 3. Got {arr.shape[caxis]}.")
    out = fn(*np.moveaxis(arr, caxis, 0))
    return np.stack(out, caxis)


def _first_dtype(channel, first_is_f64, in_dtype):
    """The reference maps colorsys over the pixels with np.vectorize: the values are computed on Python
    floats, but each output channel takes the dtype of the first pixel's result computed on numpy scalars,
    so a channel whose first value stayed in the input's float type is rounded to that type."""
    if first_is_f64 or not np.issubdtype(in_dtype, np.floating):
        return channel
    return channel.astype(in_dtype).astype(np.float64)


def _colorsys_rgb_to_hsv(r, g, b):
    in_dtype = r.dtype
    r, g, b = (c.astype(np.float64) for c in (r, g, b))
    maxc = np.maximum(np.maximum(r, g), b)
    minc = np.minimum(np.minimum(r, g), b)
    rangec = maxc - minc
    grey = rangec == 0
    safe = np.where(grey, 1.0, rangec)
    s = np.where(grey, 0.0, rangec / np.where(maxc == 0, 1.0, maxc))
    rc, gc, bc = ((maxc - c) / safe for c in (r, g, b))
    h = np.where(r == maxc, bc - gc, np.where(g == maxc, 2.0 + rc - bc, 4.0 + gc - rc))
    h = np.where(grey, 0.0, (h / 6.0) % 1.0)
    return h, _first_dtype(s, bool(grey.reshape(-1)[0]), in_dtype), maxc


def _colorsys_hsv_to_rgb(h, s, v):
    hf, sf, vf = (c.astype(np.float64) for c in (h, s, v))
    i = np.trunc(hf * 6.0)
    f = hf * 6.0 - i
    p, q, t = vf * (1.0 - sf), vf * (1.0 - sf * f), vf * (1.0 - sf * (1.0 - f))
    i = i.astype(np.int64) % 6
    slots = {0: (vf, t, p), 1: (q, vf, p), 2: (p, vf, t), 3: (p, q, vf), 4: (t, p, vf), 5: (vf, p, q)}
    names = {0: ("v", "t", "p"), 1: ("q", "v", "p"), 2: ("p", "v", "t"), 3: ("p", "q", "v"), 4: ("t", "p", "v"),
             5: ("v", "p", "q")}
    grey = sf == 0.0
    out = []
    i0 = int(i.reshape(-1)[0])
    grey0 = bool(grey.reshape(-1)[0])
    for ch in range(3):
        val = np.zeros_like(vf)
        for k in range(6):
            val = np.where(i == k, slots[k][ch], val)
        val = np.where(grey, vf, val)
        first_is_v = grey0 or names[i0][ch] == "v"
        out.append(_first_dtype(val, not first_is_v, v.dtype))
    return out


class RgbToHsv(TensorOperation):
    """RGB -> HSV (colorsys convention, float output) for numpy HWC/CHW images or batches of them."""

    _py_impl = True

    random = False

    def __init__(self, is_hwc=False):
        type_check(is_hwc, (bool,), "is_hwc")
        self.is_hwc = is_hwc

    def __call__(self, rgb_imgs):
        return _hsv_convert(rgb_imgs, self.is_hwc, _colorsys_rgb_to_hsv, "RgbToHsv")


class HsvToRgb(TensorOperation):
    """HSV -> RGB (colorsys convention, float output) for numpy HWC/CHW images or batches of them."""

    _py_impl = True

    random = False

    def __init__(self, is_hwc=False):
        type_check(is_hwc, (bool,), "is_hwc")
        self.is_hwc = is_hwc

    def __call__(self, hsv_imgs):
        return _hsv_convert(hsv_imgs, self.is_hwc, _colorsys_hsv_to_rgb, "HsvToRgb")


class RandomLighting(ImageTensorOperation):
    """AlexNet PCA lighting noise with standard deviation ``alpha``."""

    _TABLE = np.array([[55.46 * -0.5675, 4.794 * 0.7192, 1.148 * 0.4009],
                       [55.46 * -0.5808, 4.794 * -0.0045, 1.148 * -0.8140],
                       [55.46 * -0.5836, 4.794 * -0.6948, 1.148 * 0.4203]])

    def __init__(self, alpha=0.05):
        type_check(alpha, (float, int), "alpha")
        check_value(alpha, 0, float(np.finfo(np.float32).max), "alpha")
        self.alpha = alpha

    def _noise(self):
        a = np.array([np.random.normal(0.0, self.alpha) if self.alpha else 0.0 for _ in range(3)])
        return self._TABLE @ a

    def _execute(self, img):
        img = _rgb_image(img, "RandomLighting")
        out = img.astype(np.float64) + self._noise()
        return _to_uint8_like(out, img.dtype) if img.dtype == np.uint8 else out.astype(img.dtype)

    def _execute_pil(self, img):
        out = np.asarray(img).astype(np.float64) + self._noise()
        return Image.fromarray(np.uint8(np.minimum(np.maximum(out, 0), 255)))


# ---------------------------------------------------------------- affine / perspective

def _affine_forward(h, w, degrees, translate_px, scale, shear):
    """Forward (src -> dst) 2x3 matrix: rotation clockwise by ``degrees`` and shear about the image center."""
    a = math.radians(degrees)
    sx, sy = math.radians(shear[0]), -math.radians(shear[1])
    cx, cy = (w - 1) / 2.0, (h - 1) / 2.0
    m = np.array([
        [scale * math.cos(a + sy) / math.cos(sy),
         scale * (-math.cos(a + sy) * math.tan(sx) / math.cos(sy) - math.sin(a)), 0.0],
        [scale * math.sin(a + sy) / math.cos(sy),
         scale * (-math.sin(a + sy) * math.tan(sx) / math.cos(sy) + math.cos(a)), 0.0]], dtype=np.float32)
    m = m.astype(np.float64)
    m[0, 2] = (1 - m[0, 0]) * cx - m[0, 1] * cy + translate_px[0]
    m[1, 2] = (1 - m[1, 1]) * cy - m[1, 0] * cx + translate_px[1]
    return m


def _affine_np(img, degrees, translate_px, scale, shear, resample, fill):
    img = _hwc(img, "Affine")
    h, w = img.shape[:2]
    inv = _cv.invert_affine(_affine_forward(h, w, degrees, translate_px, scale, shear))
    return _cv.warp_affine(img, inv, h, w, _warp_inter(resample), fill)


class Affine(ImageTensorOperation):
    """Rotate (clockwise), translate (fractions of width/height), scale and shear about the image center."""

    random = False

    def __init__(self, degrees, translate, scale, shear, resample=Inter.NEAREST, fill_value=0):
        type_check(degrees, (int, float), "degrees")
        check_value(degrees, -180, 180, "degrees")
        type_check(translate, (list, tuple), "translate")
        if len(translate) != 2:
            raise TypeError("The length of translate should be 2.")
        for i, t in enumerate(translate):
            type_check(t, (int, float), f"translate[{i}]")
            check_value(t, -1.0, 1.0, f"translate[{i}]")
        type_check(scale, (int, float), "scale")
        check_positive(scale, "scale")
        type_check(shear, (numbers.Number, tuple, list), "shear")
        if isinstance(shear, (list, tuple)):
            if len(shear) != 2:
                raise TypeError("The length of shear should be 2.")
            for i, s in enumerate(shear):
                type_check(s, (int, float), f"shear[{i}]")
                check_value(s, -180, 180, f"shear[{i}]")
        else:
            check_value(shear, -180, 180, "shear")
        type_check(resample, (Inter,), "resample")
        _check_fill(fill_value)
        self.degrees = degrees
        self.translate = tuple(translate)
        self.scale_ = scale
        self.shear = (shear, 0.0) if isinstance(shear, numbers.Number) else tuple(shear)
        self.resample = resample
        self.fill_value = (fill_value,) * 3 if isinstance(fill_value, int) else fill_value

    def _execute(self, img):
        h, w = img.shape[:2]
        t = (self.translate[0] * w, self.translate[1] * h)
        return _affine_np(img, self.degrees, t, self.scale_, self.shear, self.resample, self.fill_value)


class RandomAffine(ImageTensorOperation):
    """Affine with parameters drawn uniformly from the given ranges."""

    def __init__(self, degrees, translate=None, scale=None, shear=None, resample=Inter.NEAREST, fill_value=0):
        type_check(degrees, (int, float, list, tuple), "degrees")
        if isinstance(degrees, (int, float)):
            check_value(degrees, 0, float(np.finfo(np.float32).max), "degrees")
        else:
            if len(degrees) != 2:
                raise TypeError("If degrees is a sequence, the length must be 2.")
            type_check_list(degrees, (int, float), "degrees")
            if degrees[0] > degrees[1]:
                raise ValueError("degrees should be in (min,max) format. Got (max,min).")
        if translate is not None:
            type_check(translate, (list, tuple), "translate")
            type_check_list(translate, (int, float), "translate")
            if len(translate) not in (2, 4):
                raise TypeError("translate should be a list or tuple of length 2 or 4.")
            for i, t in enumerate(translate):
                check_value(t, -1.0, 1.0, f"translate at {i}")
        if scale is not None:
            type_check(scale, (tuple, list), "scale")
            type_check_list(scale, (int, float), "scale")
            if len(scale) != 2:
                raise TypeError("scale should be a list or tuple of length 2.")
            if scale[0] > scale[1]:
                raise ValueError("Input scale[1] must be equal to or greater than scale[0].")
            for v in scale:
                check_value(v, 0, FLOAT_MAX_INTEGER)
            check_positive(scale[1], "scale[1]")
        if shear is not None:
            type_check(shear, (numbers.Number, tuple, list), "shear")
            if isinstance(shear, numbers.Number):
                check_positive(shear, "shear")
            else:
                type_check_list(shear, (int, float), "shear")
                if len(shear) not in (2, 4):
                    raise TypeError("shear must be of length 2 or 4.")
                if len(shear) == 2 and shear[0] > shear[1]:
                    raise ValueError("Input shear[1] must be equal to or greater than shear[0]")
                if len(shear) == 4 and (shear[0] > shear[1] or shear[2] > shear[3]):
                    raise ValueError("Input shear[1] must be equal to or greater than shear[0] and "
                                     "shear[3] must be equal to or greater than shear[2].")
        type_check(resample, (Inter,), "resample")
        if fill_value is not None:
            _check_fill(fill_value)
        if shear is None:
            shear = (0.0, 0.0, 0.0, 0.0)
        elif isinstance(shear, numbers.Number):
            shear = (-shear, shear, 0.0, 0.0)
        elif len(shear) == 2:
            shear = (shear[0], shear[1], 0.0, 0.0)
        self.degrees = (-degrees, degrees) if isinstance(degrees, numbers.Number) else tuple(degrees)
        translate = (0.0, 0.0, 0.0, 0.0) if translate is None else tuple(translate)
        self._translate_arg = translate
        self.translate = translate + (0.0, 0.0) if len(translate) == 2 else translate
        self.scale = (1.0, 1.0) if scale is None else tuple(scale)
        self.shear = tuple(shear)
        self.resample = resample
        self.fill_value = (fill_value,) * 3 if isinstance(fill_value, int) else fill_value

    def _params(self, h, w):
        angle = random.uniform(*self.degrees)
        tx = random.uniform(self.translate[0], self.translate[1]) * w
        ty = random.uniform(self.translate[2], self.translate[3]) * h
        scale = random.uniform(*self.scale)
        shear = (random.uniform(self.shear[0], self.shear[1]), random.uniform(self.shear[2], self.shear[3]))
        return angle, (tx, ty), scale, shear

    def _execute(self, img):
        if self.resample == Inter.ANTIALIAS:
            raise TypeError("Current Interpolation is not supported with NumPy input.")
        h, w = img.shape[:2]
        angle, t, scale, shear = self._params(h, w)
        return _affine_np(img, angle, t, scale, shear, self.resample, self.fill_value)

    def _execute_pil(self, img):
        if self.resample in (Inter.AREA, Inter.PILCUBIC):
            raise TypeError("Current Interpolation is not supported with PIL input.")
        w, h = img.size
        angle = math.radians(random.uniform(*self.degrees))
        max_dx = self._translate_arg[0] * w
        max_dy = self._translate_arg[1] * h
        tx = float(np.round(random.uniform(-max_dx, max_dx)))
        ty = float(np.round(random.uniform(-max_dy, max_dy)))
        scale = 1.0 / random.uniform(*self.scale)
        sx = math.radians(random.uniform(self.shear[0], self.shear[1]))
        sy = math.radians(random.uniform(self.shear[2], self.shear[3]))
        # inverse matrix (output -> input) about the center, as PIL's Image.transform expects
        cx, cy = w * 0.5 + 0.5, h * 0.5 + 0.5
        d = math.cos(angle + sx) * math.cos(angle + sy) + math.sin(angle + sx) * math.sin(angle + sy)
        m = [math.cos(angle + sx), math.sin(angle + sx), 0, -math.sin(angle + sy), math.cos(angle + sy), 0]
        m = [scale / d * v for v in m]
        m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty)
        m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty)
        m[2] += cx
        m[5] += cy
        return img.transform(img.size, Image.Transform.AFFINE, m, _pil_filter(self.resample),
                             fillcolor=self.fill_value)


def _perspective_matrix(src, dst, lstsq=False):
    """3x3 homography mapping the four ``src`` points onto ``dst`` (OpenCV getPerspectiveTransform).
    ``lstsq``: solve by least squares, as the reference's PIL path does; PIL samples on the exact coefficients,
    and the two solvers differ in the last bits."""
    a = []
    b = []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -x * u, -y * u])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -x * v, -y * v])
        b.append(v)
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    sol = np.linalg.lstsq(a, b, rcond=None)[0] if lstsq else np.linalg.solve(a, b)
    return np.append(sol, 1.0).reshape(3, 3)


def _check_points(points, name):
    type_check_list(points, (list, tuple), name)
    if len(points) != 4:
        raise TypeError(f"{name} should be a list or tuple of length 4.")
    for i, p in enumerate(points):
        type_check(p, (list, tuple), f"{name}[{i}]")
        if len(p) != 2:
            raise TypeError(f"{name}[{i}] should be a list or tuple of length 2.")
        for j, v in enumerate(p):
            type_check(v, (int,), f"{name}[{i}][{j}]")
            check_value(v, INT32_MIN, INT32_MAX, f"{name}[{i}][{j}]")


class Perspective(ImageTensorOperation):
    """Warp so that ``start_points`` move to ``end_points`` (four (x, y) corners)."""

    random = False

    def __init__(self, start_points, end_points, interpolation=Inter.BILINEAR):
        _check_points(start_points, "start_points")
        _check_points(end_points, "end_points")
        type_check(interpolation, (Inter,), "interpolation")
        self.start_points = start_points
        self.end_points = end_points
        self.interpolation = interpolation

    def _execute(self, img):
        img = _hwc(img, "Perspective")
        h, w = img.shape[:2]
        inv = _perspective_matrix(self.end_points, self.start_points)
        inter = 0 if self.interpolation == Inter.NEAREST else 2
        return _cv.warp_perspective(img, inv, h, w, inter)

    def _execute_pil(self, img):
        m = _perspective_matrix(self.end_points, self.start_points, lstsq=True).reshape(-1)[:8]
        return img.transform(img.size, Image.Transform.PERSPECTIVE, tuple(m), _pil_filter(self.interpolation))


class RandomPerspective(TensorOperation):
    """With probability ``prob``, move each corner of a PIL image inward by up to ``distortion_scale``."""

    _py_impl = True

    def __init__(self, distortion_scale=0.5, prob=0.5, interpolation=Inter.BICUBIC):
        type_check(distortion_scale, (float,), "distortion_scale")
        type_check(prob, (float,), "prob")
        check_value(distortion_scale, 0.0, 1.0, "distortion_scale")
        check_value(prob, 0.0, 1.0, "prob")
        type_check(interpolation, (Inter,), "interpolation")
        self.distortion_scale = distortion_scale
        self.prob = prob
        self.interpolation = interpolation

    def __call__(self, img):
        if not _is_pil(img):
            raise TypeError(f"img should be PIL image. Got {type(img)}.")
        if not self.prob > random.random():
            return img
        w, h = img.size
        hw, hh = int(w / 2), int(h / 2)
        d = self.distortion_scale
        tl = (random.randint(0, int(d * hw)), random.randint(0, int(d * hh)))
        tr = (random.randint(w - int(d * hw) - 1, w - 1), random.randint(0, int(d * hh)))
        br = (random.randint(w - int(d * hw) - 1, w - 1), random.randint(h - int(d * hh) - 1, h - 1))
        bl = (random.randint(0, int(d * hw)), random.randint(h - int(d * hh) - 1, h - 1))
        start = [(0, 0), (w - 1, 0), (w - 1, h - 1), (0, h - 1)]
        m = _perspective_matrix([tl, tr, br, bl], start, lstsq=True).reshape(-1)[:8]
        return img.transform(img.size, Image.Transform.PERSPECTIVE, tuple(m), _pil_filter(self.interpolation))


# ---------------------------------------------------------------- more crops and pads

def _pil_five(img, size):
    ch, cw = _size2(size)
    w, h = img.size
    if ch > h or cw > w:
        raise ValueError(f"Crop size {(ch, cw)} is larger than input image size {(h, w)}.")
    center = _pil_crop(img, int(round((h - ch) / 2.0)), int(round((w - cw) / 2.0)), ch, cw)
    return (img.crop((0, 0, cw, ch)), img.crop((w - cw, 0, w, ch)), img.crop((0, h - ch, cw, h)),
            img.crop((w - cw, h - ch, w, h)), center)


class FiveCrop(TensorOperation):
    """The four corner crops and the center crop of a PIL image (a tuple of five images)."""

    _py_impl = True

    random = False

    def __init__(self, size):
        _check_size(size)
        self.size = size

    def __call__(self, img):
        if not _is_pil(img):
            raise TypeError(f"img should be PIL image. Got {type(img)}.")
        return _pil_five(img, self.size)


class TenCrop(TensorOperation):
    """FiveCrop of the image and of its (horizontally or vertically) flipped copy (a tuple of ten images)."""

    _py_impl = True

    random = False

    def __init__(self, size, use_vertical_flip=False):
        _check_size(size)
        if use_vertical_flip is not None:
            type_check(use_vertical_flip, (bool,), "use_vertical_flip")
        self.size = size
        self.use_vertical_flip = use_vertical_flip

    def __call__(self, img):
        if not _is_pil(img):
            raise TypeError(f"img should be PIL image. Got {type(img)}.")
        flip = Image.Transpose.FLIP_TOP_BOTTOM if self.use_vertical_flip else Image.Transpose.FLIP_LEFT_RIGHT
        return _pil_five(img, self.size) + _pil_five(img.transpose(flip), self.size)


class PadToSize(ImageTensorOperation):
    """Pad to ``size`` (h, w); ``offset`` is the (top, left) padding (default: centered)."""

    random = False

    def __init__(self, size, offset=None, fill_value=0, padding_mode=Border.CONSTANT):
        type_check(size, (int, list, tuple), "size")
        sizes = [size] if isinstance(size, int) else list(size)
        if not isinstance(size, int) and len(sizes) != 2:
            raise ValueError("The size must be a sequence of length 2.")
        for i, v in enumerate(sizes):
            type_check(v, (int,), f"size{i}")
            check_value(v, 1, INT32_MAX, f"size{i}")
        if offset is not None:
            type_check(offset, (int, list, tuple), "offset")
            offs = [offset] if isinstance(offset, int) else list(offset)
            if not isinstance(offset, int) and len(offs) not in (0, 2):
                raise ValueError("The offset must be empty or a sequence of length 2.")
            for i, v in enumerate(offs):
                type_check(v, (int,), f"offset{i}")
                check_value(v, 0, INT32_MAX, f"offset{i}")
        _check_fill(fill_value)
        type_check(padding_mode, (Border,), "padding_mode")
        self.size = _size2(size)
        self.offset = offset
        self.fill_value = fill_value
        self.padding_mode = padding_mode

    def _execute(self, img):
        img = _hwc(img, "PadToSize")
        h, w = img.shape[:2]
        th, tw = self.size
        if th < h or tw < w:
            raise RuntimeError(f"PadToSize: the target size to pad should be no less than the original image size, "
                               f"but got target size {(th, tw)} and original size {(h, w)}.")
        if self.offset is None or (isinstance(self.offset, (list, tuple)) and not self.offset):
            top, left = (th - h) // 2, (tw - w) // 2
        elif isinstance(self.offset, int):
            top = left = self.offset
        else:
            top, left = self.offset
        if top + h > th or left + w > tw:
            raise RuntimeError(f"PadToSize: the sum of offset and original image size should be no more than the "
                               f"target size, got offset {(top, left)}.")
        return _cv.pad(img, top, th - h - top, left, tw - w - left, self.padding_mode.value, self.fill_value)


class RandomResize(ImageTensorOperation):
    """Resize with an interpolation drawn from nearest, bilinear, bicubic and area."""

    def __init__(self, size):
        _check_resize_size(size)
        self.size = size if isinstance(size, int) else tuple(size)

    @_batched
    def _execute(self, img):
        inter = random.choice([Inter.NEAREST, Inter.BILINEAR, Inter.BICUBIC, Inter.AREA])
        return _resize_to(_hwc(img, "RandomResize"), self.size, inter)


class SlicePatches(ImageTensorOperation):
    """Split an HWC image into num_height x num_width patches (PAD pads the remainder, DROP drops it)."""

    random = False

    def __init__(self, num_height=1, num_width=1, slice_mode=SliceMode.PAD, fill_value=0):
        for name, v in (("num_height", num_height), ("num_width", num_width)):
            type_check(v, (int,), name)
            check_value(v, 1, INT32_MAX, name)
        type_check(slice_mode, (SliceMode,), "slice_mode")
        type_check(fill_value, (int,), "fill_value")
        check_value(fill_value, 0, 255, "fill_value")
        self.num_height = num_height
        self.num_width = num_width
        self.slice_mode = slice_mode
        self.fill_value = fill_value

    def _execute(self, img):
        img = _hwc(img, "SlicePatches")
        h, w = img.shape[:2]
        if self.slice_mode == SliceMode.PAD:
            ph = -(-h // self.num_height)
            pw = -(-w // self.num_width)
            img = _cv.pad(img, 0, ph * self.num_height - h, 0, pw * self.num_width - w, "constant",
                          self.fill_value)
        else:
            ph = h // self.num_height
            pw = w // self.num_width
        return tuple(img[i * ph:(i + 1) * ph, j * pw:(j + 1) * pw].copy()
                     for i in range(self.num_height) for j in range(self.num_width))


class LinearTransformation(TensorOperation):
    """``(flatten(img) - mean_vector) @ transformation_matrix``, reshaped back (numpy CHW images)."""

    _py_impl = True

    random = False

    def __init__(self, transformation_matrix, mean_vector):
        type_check(transformation_matrix, (np.ndarray,), "transformation_matrix")
        type_check(mean_vector, (np.ndarray,), "mean_vector")
        if transformation_matrix.shape[0] != transformation_matrix.shape[1]:
            raise ValueError("transformation_matrix should be a square matrix. "
                             f"Got shape {transformation_matrix.shape} instead.")
        if mean_vector.shape[0] != transformation_matrix.shape[0]:
            raise ValueError(f"mean_vector length {mean_vector.shape[0]} should match either one dimension of the "
                             f"square transformation_matrix {transformation_matrix.shape}.")
        self.transformation_matrix = transformation_matrix
        self.mean_vector = mean_vector

    def __call__(self, np_img):
        if not isinstance(np_img, np.ndarray):
            raise TypeError(f"img should be NumPy array. Got {type(np_img)}.")
        n = self.transformation_matrix.shape[0]
        if np_img.size != n:
            raise ValueError(f"Input image dimensions {np_img.shape} should match the transformation matrix {n}.")
        flat = np_img.reshape(1, -1) - self.mean_vector
        return np.dot(flat, self.transformation_matrix).reshape(np_img.shape)


# ---------------------------------------------------------------- policies

def _check_ops(transforms, name="transforms list"):
    type_check(transforms, (list, tuple), name)
    if not transforms:
        raise ValueError("transforms list can not be empty.")
    for i, op in enumerate(transforms):
        if isinstance(op, type):
            raise ValueError(f"op_list[{i}] should be a dataset processing operation instance, but got: {op}. "
                             "It may be missing parentheses for instantiation.")
        if not callable(op):
            raise TypeError(f"transforms[{i}] is neither a transforms op (TensorOperation) nor a callable pyfunc.")


class UniformAugment(TensorOperation):
    """Pick ``num_ops`` distinct transforms at random; each is then applied with a random probability."""

    def __init__(self, transforms, num_ops=2):
        type_check(num_ops, (int,), "num_ops")
        check_positive(num_ops, "num_ops")
        if num_ops > len(transforms):
            raise ValueError("num_ops is greater than transforms list size.")
        _check_ops(transforms)
        self.transforms = list(transforms)
        self.num_ops = num_ops

    def __call__(self, img):
        for idx in np.random.choice(len(self.transforms), size=self.num_ops, replace=False):
            pr = random.random()
            if random.random() < pr:
                img = self.transforms[idx](img.copy())
        return img


class RandomSelectSubpolicy(TensorOperation):
    """Pick one sub-policy (a list of (op, prob)) at random and apply each of its ops with its probability."""

    def __init__(self, policy):
        type_check(policy, (list,), "policy")
        if not policy:
            raise ValueError("policy can not be empty.")
        for i, sub in enumerate(policy):
            type_check(sub, (list,), f"policy[{[i]}]")
            if not sub:
                raise ValueError(f"policy[{i}] can not be empty.")
            for j, pair in enumerate(sub):
                if not isinstance(pair, tuple) or len(pair) != 2:
                    raise ValueError(f"policy[{i}][{j}] needs to be a 2-tuple.")
                if not callable(pair[0]) or isinstance(pair[0], type):
                    raise TypeError(f"op of (op, prob) in policy[{i}][{j}] is not a c_transform op "
                                    "(TensorOperation) nor a callable pyfunc.")
                type_check(pair[1], (int, float), f"prob of (op, prob) policy[{i}][{j}]")
                check_value(pair[1], 0, 1, f"prob of (op, prob) policy[{i}][{j}]")
        self.policy = policy

    def __call__(self, img):
        for op, prob in random.choice(self.policy):
            if random.random() < prob:
                img = op(img)
        return img



class MixUp(TensorOperation):
    """Mix a batch of images and one-hot labels with a circularly shifted copy (``is_single``) or with the
    previous batch, weights ~ Beta(alpha, alpha) per sample (numpy.random draws)."""

    _py_impl = True

    def __init__(self, batch_size, alpha, is_single=True):
        type_check(is_single, (bool,), "is_single")
        type_check(batch_size, (int,), "batch_size")
        type_check(alpha, (int, float), "alpha")
        check_value(batch_size, 1, FLOAT_MAX_INTEGER)
        check_positive(alpha, "alpha")
        self.image = 0
        self.label = 0
        self.is_first = True
        self.batch_size = batch_size
        self.alpha = alpha
        self.is_single = is_single

    def __call__(self, image, label):
        n = self.batch_size
        lam = np.random.beta(self.alpha, self.alpha, n)
        if self.is_single:
            shift = list(range(1, n)) + [0]
            other_img, other_lab = image[shift, ...], label[shift, ...]
        else:
            if self.is_first:
                lam = np.ones(n)
                self.is_first = False
            other_img, other_lab = self.image, self.label
        mix_img = lam.reshape((n, 1, 1, 1)) * image + (1 - lam.reshape((n, 1, 1, 1))) * other_img
        mix_lab = lam.reshape((n, 1)) * label + (1 - lam.reshape((n, 1))) * other_lab
        if not self.is_single:
            self.image, self.label = mix_img, mix_lab
        return mix_img, mix_lab


# ---------------------------------------------------------------- bounding boxes ([x, y, w, h, ...] float32 rows)

def _check_bboxes(img, bboxes, op):
    if not isinstance(bboxes, np.ndarray) or bboxes.dtype != np.float32:
        raise RuntimeError(f"{op}: bounding boxes should be a float32 numpy array, got "
                           f"{getattr(bboxes, 'dtype', type(bboxes))}.")
    if bboxes.ndim != 2:
        raise RuntimeError(f"{op}: bounding boxes should have a shape of <N, 4+>, got rank {bboxes.ndim}.")
    if bboxes.shape[1] < 4:
        raise RuntimeError(f"BoundingBox: bounding boxes should be have at least 4 features, but got: "
                           f"{bboxes.shape[1]}")
    h, w = img.shape[:2]
    for box in bboxes:
        x, y, bw, bh = (float(v) for v in box[:4])
        if x < 0 or y < 0 or bw < 0 or bh < 0:
            raise RuntimeError("BoundingBox: bounding boxes can not be negative.")
        if x + bw > w:
            raise RuntimeError(f"BoundingBox: bounding boxes is out of bounds of the image, as image width: {w}, "
                               f"bbox width coordinate: {x + bw}")
        if y + bh > h:
            raise RuntimeError(f"BoundingBox: bounding boxes is out of bounds of the image, as image height: {h}, "
                               f"bbox height coordinate: {y + bh}")
    return bboxes.copy()


class _BBoxOperation(ImageTensorOperation):
    """Transforms taking (image, bboxes) and returning both."""

    def __call__(self, img, bboxes):
        for x in (img, bboxes):
            if not isinstance(x, (np.ndarray, Image.Image)):
                raise TypeError(f"Input should be NumPy or PIL image, got {type(x)}.")
        img = np.asarray(img)
        _hwc(img, type(self).__name__)
        return self._execute_bbox(img, _check_bboxes(img, bboxes, type(self).__name__))


class RandomHorizontalFlipWithBBox(_BBoxOperation):
    """Mirror left-right (and the boxes) with probability ``prob``."""

    def __init__(self, prob=0.5):
        check_prob(prob)
        self.prob = prob

    def _execute_bbox(self, img, boxes):
        if random.random() < self.prob:
            boxes[:, 0] = img.shape[1] - boxes[:, 0] - boxes[:, 2]
            img = _flip_np(img, 1)
        return img, boxes


class RandomVerticalFlipWithBBox(_BBoxOperation):
    """Mirror top-bottom (and the boxes) with probability ``prob``."""

    def __init__(self, prob=0.5):
        check_prob(prob)
        self.prob = prob

    def _execute_bbox(self, img, boxes):
        if random.random() < self.prob:
            boxes[:, 1] = img.shape[0] - boxes[:, 1] - boxes[:, 3]
            img = _flip_np(img, 0)
        return img, boxes


def _scale_boxes(boxes, h, w, oh, ow):
    boxes[:, 0] *= np.float32(ow / w)
    boxes[:, 2] *= np.float32(ow / w)
    boxes[:, 1] *= np.float32(oh / h)
    boxes[:, 3] *= np.float32(oh / h)
    return boxes


class ResizeWithBBox(_BBoxOperation):
    """Resize like :class:`Resize` and scale the boxes."""

    random = False

    def __init__(self, size, interpolation=Inter.BILINEAR):
        _check_resize_size(size)
        type_check(interpolation, (Inter,), "interpolation")
        self.size = size if isinstance(size, int) else tuple(size)
        self.interpolation = interpolation

    def _execute_bbox(self, img, boxes):
        out = _resize_to(img, self.size, self.interpolation)
        return out, _scale_boxes(boxes, img.shape[0], img.shape[1], out.shape[0], out.shape[1])


class RandomResizeWithBBox(_BBoxOperation):
    """ResizeWithBBox with a randomly chosen interpolation (box coordinates rounded to 4 decimals)."""

    def __init__(self, size):
        _check_resize_size(size)
        self.size = size if isinstance(size, int) else tuple(size)

    def _execute_bbox(self, img, boxes):
        inter = random.choice([Inter.NEAREST, Inter.BILINEAR, Inter.BICUBIC, Inter.AREA])
        out = _resize_to(img, self.size, inter)
        h, w = img.shape[:2]
        scaled = boxes.astype(np.float64)
        scaled[:, [0, 2]] *= out.shape[1] / w
        scaled[:, [1, 3]] *= out.shape[0] / h
        boxes[:, :4] = np.round(scaled[:, :4], 4).astype(np.float32)
        return out, boxes


def _crop_boxes(boxes, top, left, ch, cw):
    """Shift boxes into the crop window, clip them to it, and drop those left entirely outside."""
    keep = ((boxes[:, 0] - left <= cw) & (boxes[:, 1] - top <= ch)
            & (boxes[:, 0] + boxes[:, 2] - left >= 0) & (boxes[:, 1] + boxes[:, 3] - top >= 0))
    boxes = boxes[keep]
    x1 = boxes[:, 0] - left
    y1 = boxes[:, 1] - top
    x2 = np.minimum(x1 + boxes[:, 2], cw)
    y2 = np.minimum(y1 + boxes[:, 3], ch)
    x1 = np.maximum(x1, 0)
    y1 = np.maximum(y1, 0)
    boxes[:, 0] = x1
    boxes[:, 1] = y1
    boxes[:, 2] = np.maximum(x2 - x1, 0)
    boxes[:, 3] = np.maximum(y2 - y1, 0)
    return boxes


class RandomCropWithBBox(_BBoxOperation):
    """RandomCrop that also shifts and clips the boxes."""

    def __init__(self, size, padding=None, pad_if_needed=False, fill_value=0, padding_mode=Border.CONSTANT):
        self._crop = RandomCrop(size, padding, pad_if_needed, fill_value, padding_mode)
        self.size = size
        self.padding = padding
        self.pad_if_needed = pad_if_needed
        self.fill_value = fill_value
        self.padding_mode = padding_mode

    def _execute_bbox(self, img, boxes):
        crop = self._crop
        ch, cw = _size2(crop.size)
        left, top, right, bottom = crop.padding
        mode = crop.padding_mode.value
        if any(crop.padding):
            img = _cv.pad(img, top, bottom, left, right, mode, crop.fill_value)
            boxes[:, 0] += left
            boxes[:, 1] += top
        h, w = img.shape[:2]
        if crop.pad_if_needed and (h < ch or w < cw):
            ph, pw = max(ch - h, 0), max(cw - w, 0)
            img = _cv.pad(img, ph, ph, pw, pw, mode, crop.fill_value)
            boxes[:, 0] += pw
            boxes[:, 1] += ph
            h, w = img.shape[:2]
        if h < ch or w < cw:
            raise RuntimeError(f"RandomCropWithBBox: invalid crop size, crop size is bigger than the image "
                               f"dimensions, got crop height: {ch}, crop width: {cw}")
        y = random.randint(0, h - ch)
        x = random.randint(0, w - cw)
        return img[y:y + ch, x:x + cw].copy(), _crop_boxes(boxes, y, x, ch, cw)


class RandomResizedCropWithBBox(_BBoxOperation):
    """RandomResizedCrop that also moves and scales the boxes."""

    def __init__(self, size, scale=(0.08, 1.0), ratio=(3. / 4., 4. / 3.), interpolation=Inter.BILINEAR,
                 max_attempts=10):
        self._rrc = RandomResizedCrop(size, scale, ratio, interpolation, max_attempts)
        self.size = self._rrc.size
        self.scale = scale
        self.ratio = ratio
        self.interpolation = interpolation
        self.max_attempts = max_attempts

    def _execute_bbox(self, img, boxes):
        h, w = img.shape[:2]
        top, left, ch, cw = _random_resized_box(h, w, self.scale, self.ratio, self.max_attempts)
        out = _cv.resize(img[top:top + ch, left:left + cw], self.size[0], self.size[1], int(self.interpolation))
        boxes = _crop_boxes(boxes, top, left, ch, cw)
        return out, _scale_boxes(boxes, ch, cw, self.size[0], self.size[1])


class BoundingBoxAugment(_BBoxOperation):
    """Apply ``transform`` inside a random ``ratio`` share of the boxes (each box region is replaced)."""

    def __init__(self, transform, ratio=0.3):
        type_check(ratio, (float, int), "ratio")
        check_value(ratio, 0.0, 1.0, "ratio")
        if not isinstance(transform, TensorOperation):
            raise TypeError(f"Argument transform with value {transform} is not of type [TensorOperation], "
                            f"but got {type(transform)}.")
        self.transform = transform
        self.ratio = ratio

    def _execute_bbox(self, img, boxes):
        out = img.copy()
        n = int(round(boxes.shape[0] * self.ratio))
        for i in sorted(random.sample(range(boxes.shape[0]), n)):
            x, y, bw, bh = (int(v) for v in boxes[i, :4])
            if bw <= 0 or bh <= 0:
                continue
            patch = np.asarray(self.transform(out[y:y + bh, x:x + bw].copy()))
            if patch.shape[:2] == (bh, bw):
                out[y:y + bh, x:x + bw] = patch.reshape(out[y:y + bh, x:x + bw].shape)
        return out, boxes


from ._augment import AutoAugment, RandAugment, TrivialAugmentWide  # noqa: E402 - they build on this module

"""Enums and image helper functions of mindspore.dataset.vision."""

import enum
import io

import numpy as np
from PIL import Image

__all__ = ["AutoAugmentPolicy", "Border", "ConvertMode", "ImageBatchFormat", "ImageReadMode", "Inter", "SliceMode",
           "encode_jpeg", "encode_png", "get_image_num_channels", "get_image_size", "read_file", "read_image",
           "write_file", "write_jpeg", "write_png"]


class Inter(enum.IntEnum):
    """Interpolation methods."""

    NEAREST = 0
    ANTIALIAS = 1
    BILINEAR = 2
    LINEAR = 2
    BICUBIC = 3
    CUBIC = 3
    AREA = 4
    PILCUBIC = 5


# PIL resampling filter for each Inter (PIL inputs)
_PIL_FILTER = {Inter.NEAREST: Image.Resampling.NEAREST, Inter.ANTIALIAS: Image.Resampling.LANCZOS,
               Inter.BILINEAR: Image.Resampling.BILINEAR, Inter.BICUBIC: Image.Resampling.BICUBIC}


def _pil_filter(inter):
    if inter not in _PIL_FILTER:
        raise RuntimeError("Unsupported interpolation, only support NEAREST, ANTIALIAS, LINEAR and CUBIC.")
    return _PIL_FILTER[inter]


class Border(str, enum.Enum):
    """Padding modes."""

    CONSTANT = "constant"
    EDGE = "edge"
    REFLECT = "reflect"
    SYMMETRIC = "symmetric"


class AutoAugmentPolicy(str, enum.Enum):
    """AutoAugment policies."""

    IMAGENET = "imagenet"
    CIFAR10 = "cifar10"
    SVHN = "svhn"


class ConvertMode(enum.IntEnum):
    """Color conversion modes of ConvertColor."""

    COLOR_BGR2BGRA = 0
    COLOR_RGB2RGBA = 0
    COLOR_BGRA2BGR = 1
    COLOR_RGBA2RGB = 1
    COLOR_BGR2RGBA = 2
    COLOR_RGB2BGRA = 2
    COLOR_RGBA2BGR = 3
    COLOR_BGRA2RGB = 3
    COLOR_BGR2RGB = 4
    COLOR_RGB2BGR = 4
    COLOR_BGRA2RGBA = 5
    COLOR_RGBA2BGRA = 5
    COLOR_BGR2GRAY = 6
    COLOR_RGB2GRAY = 7
    COLOR_GRAY2BGR = 8
    COLOR_GRAY2RGB = 8
    COLOR_GRAY2BGRA = 9
    COLOR_GRAY2RGBA = 9
    COLOR_BGRA2GRAY = 10
    COLOR_RGBA2GRAY = 11


class ImageBatchFormat(enum.IntEnum):
    """Layout of a batch of images."""

    NHWC = 0
    NCHW = 1


class ImageReadMode(enum.IntEnum):
    """Read modes of read_image."""

    UNCHANGED = 0
    GRAYSCALE = 1
    COLOR = 2


class SliceMode(enum.IntEnum):
    """How SlicePatches treats the remainder."""

    PAD = 0
    DROP = 1


def _image_array(image, what="image"):
    if isinstance(image, np.ndarray):
        return image
    if hasattr(image, "asnumpy"):
        return image.asnumpy()
    raise TypeError(f"Input {what} is not of type {np.ndarray} or Tensor, but got: {type(image)}.")


def _encode(image, fmt, **kw):
    arr = _image_array(image)
    if arr.dtype != np.uint8:
        raise RuntimeError(f"Encode{fmt}: The type of the image data should be UINT8, but got {arr.dtype}.")
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    if arr.ndim not in (2, 3) or (arr.ndim == 3 and arr.shape[2] != 3):
        raise RuntimeError(f"Encode{fmt}: The image has invalid dimensions or channels, got shape {arr.shape}.")
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format=fmt, **kw)
    return np.frombuffer(buf.getvalue(), dtype=np.uint8).copy()


def _check_level(value, name, lo, hi, op):
    """An encoder's int option in [lo, hi] (TypeError for a non-int, then RuntimeError from ``op``)."""
    if not isinstance(value, int):
        raise TypeError(f"Input {name} is not of type {int}, but got: {type(value)}.")
    if not lo <= value <= hi:
        raise RuntimeError(f"{op}: Invalid {name} {value}, should be in range of [{lo}, {hi}].")


def encode_jpeg(image, quality=75):
    """Encode an HWC (3 channels) or HW uint8 image as JPEG; returns 1-D uint8 data."""
    _check_level(quality, "quality", 1, 100, "EncodeJpeg")
    return _encode(image, "JPEG", quality=quality)


def encode_png(image, compression_level=6):
    """Encode an HWC (3 channels) or HW uint8 image as PNG; returns 1-D uint8 data."""
    _check_level(compression_level, "compression_level", 0, 9, "EncodePng")
    return _encode(image, "PNG", compress_level=compression_level)


def get_image_num_channels(image):
    """Number of channels of a numpy (HW -> 1) or PIL image."""
    if isinstance(image, np.ndarray):
        if image.ndim == 2:
            return 1
        if image.ndim == 3:
            return int(image.shape[2])
        raise RuntimeError(f"GetImageNumChannels: invalid parameter, image should have at least two dimensions, "
                           f"but got: {image.ndim}")
    if isinstance(image, Image.Image):
        return len(image.getbands())
    raise TypeError(f"Input image is not of type {np.ndarray} or {Image.Image}, but got: {type(image)}.")


def get_image_size(image):
    """[height, width] of a numpy (HW...) or PIL image."""
    if isinstance(image, np.ndarray):
        if image.ndim < 2:
            raise RuntimeError(f"GetImageSize: invalid parameter, image should have at least two dimensions, "
                               f"but got: {image.ndim}")
        return [int(image.shape[0]), int(image.shape[1])]
    if isinstance(image, Image.Image):
        return [image.size[1], image.size[0]]
    raise TypeError(f"Input image is not of type {np.ndarray} or {Image.Image}, but got: {type(image)}.")


def read_file(filename):
    """The bytes of a file as a 1-D uint8 array."""
    if not isinstance(filename, str):
        raise TypeError(f"Input filename is not of type {str}, but got: {type(filename)}.")
    with open(filename, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8).copy()


def write_file(filename, data):
    """Write 1-D uint8 data to a file."""
    if not isinstance(filename, str):
        raise TypeError(f"Input filename is not of type {str}, but got: {type(filename)}.")
    arr = _image_array(data, "data")
    if arr.dtype != np.uint8 or arr.ndim != 1:
        raise RuntimeError(f"WriteFile: The data should be one dimension uint8, got shape {arr.shape} and type "
                           f"{arr.dtype}.")
    with open(filename, "wb") as f:
        f.write(arr.tobytes())


def read_image(filename, mode=ImageReadMode.UNCHANGED):
    """Decode an image file to an HWC uint8 array (grayscale -> 1 channel, color -> RGB)."""
    if not isinstance(filename, str):
        raise TypeError(f"Input filename is not of type {str}, but got: {type(filename)}.")
    if not isinstance(mode, ImageReadMode):
        raise TypeError(f"Input mode is not of type {ImageReadMode}, but got: {type(mode)}.")
    img = Image.open(filename)
    if mode == ImageReadMode.GRAYSCALE:
        img = img.convert("L")
    elif mode == ImageReadMode.COLOR or img.mode not in ("L", "RGB"):
        img = img.convert("RGB")
    arr = np.asarray(img)
    return arr[:, :, None] if arr.ndim == 2 else arr


def write_jpeg(filename, image, quality=75):
    """Encode ``image`` as JPEG and write it to ``filename``."""
    write_file(filename, encode_jpeg(image, quality))


def write_png(filename, image, compression_level=6):
    """Encode ``image`` as PNG and write it to ``filename``."""
    write_file(filename, encode_png(image, compression_level))

"""mindspore.dataset.audio.utils: the audio enums and the filter-bank / DCT matrices."""
import enum
import math

import numpy as np

from ..transforms._check import check_value as _check_value
from ..transforms._check import type_check as _type_check

__all__ = ["BorderType", "DensityFunction", "FadeShape", "GainType", "Interpolation", "MelType", "Modulation",
           "NormMode", "NormType", "ResampleMethod", "ScaleType", "WindowType", "create_dct", "linear_fbanks",
           "melscale_fbanks"]


def type_check(arg, types, arg_name):
    """TypeError unless ``arg`` is an instance of ``types`` (the reference exposes its checker here too)."""
    _type_check(arg, types, arg_name)


def _str_enum(name, doc, **members):
    """A str-valued Enum class of this module (the reference's audio enums compare equal to their strings)."""
    cls = enum.Enum(name, list(members.items()), type=str, module=__name__, qualname=name)
    cls.__doc__ = doc
    return cls


BorderType = _str_enum("BorderType", "Padding modes.", CONSTANT="constant", EDGE="edge", REFLECT="reflect",
                       SYMMETRIC="symmetric")
DensityFunction = _str_enum("DensityFunction", "Dither noise densities.", TPDF="TPDF", RPDF="RPDF", GPDF="GPDF")
FadeShape = _str_enum("FadeShape", "Fade curves.", QUARTER_SINE="quarter_sine", HALF_SINE="half_sine",
                      LINEAR="linear", LOGARITHMIC="logarithmic", EXPONENTIAL="exponential")
GainType = _str_enum("GainType", "How a gain is given.", AMPLITUDE="amplitude", POWER="power", DB="db")
Interpolation = _str_enum("Interpolation", "Delay-line interpolation.", LINEAR="linear", QUADRATIC="quadratic")
MelType = _str_enum("MelType", "Mel scales.", HTK="htk", SLANEY="slaney")
Modulation = _str_enum("Modulation", "LFO shapes.", SINUSOIDAL="sinusoidal", TRIANGULAR="triangular")
NormMode = _str_enum("NormMode", "DCT normalization.", ORTHO="ortho", NONE="none")
NormType = _str_enum("NormType", "Mel filter normalization.", SLANEY="slaney", NONE="none")
ResampleMethod = _str_enum("ResampleMethod", "Resampling kernels.", SINC_INTERPOLATION="sinc_interpolation",
                           KAISER_WINDOW="kaiser_window")
ScaleType = _str_enum("ScaleType", "Spectrogram scales.", POWER="power", MAGNITUDE="magnitude")
WindowType = _str_enum("WindowType", "STFT windows.", BARTLETT="bartlett", BLACKMAN="blackman", HAMMING="hamming",
                       HANN="hann", KAISER="kaiser")


def _hz_to_mel(f, mel_type):
    if mel_type == MelType.HTK:
        return 2595.0 * math.log10(1.0 + f / 700.0)
    f_sp, min_log_hz, min_log_mel, logstep = 200.0 / 3, 1000.0, 15.0, math.log(6.4) / 27.0
    return f / f_sp if f < min_log_hz else min_log_mel + math.log(f / min_log_hz) / logstep


def _mel_to_hz(m, mel_type):
    if mel_type == MelType.HTK:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp, min_log_hz, min_log_mel, logstep = 200.0 / 3, 1000.0, 15.0, math.log(6.4) / 27.0
    freqs = f_sp * m
    log_t = m >= min_log_mel
    freqs[log_t] = min_log_hz * np.exp(logstep * (m[log_t] - min_log_mel))
    return freqs


def _triangles(all_freqs, f_pts):
    f_diff = f_pts[1:] - f_pts[:-1]
    slopes = f_pts[None, :] - all_freqs[:, None]
    down = -slopes[:, :-2] / f_diff[:-1]
    up = slopes[:, 2:] / f_diff[1:]
    return np.maximum(0.0, np.minimum(down, up))


def _mel_fbanks(n_freqs, f_min, f_max, n_mels, sample_rate, norm, mel_type):
    all_freqs = np.linspace(0, sample_rate // 2, n_freqs)
    m_pts = np.linspace(_hz_to_mel(f_min, mel_type), _hz_to_mel(f_max, mel_type), n_mels + 2)
    f_pts = _mel_to_hz(m_pts, mel_type) if mel_type != MelType.HTK else 700.0 * (10.0 ** (m_pts / 2595.0) - 1.0)
    fb = _triangles(all_freqs, f_pts)
    if norm == NormType.SLANEY:
        fb *= (2.0 / (f_pts[2:n_mels + 2] - f_pts[:n_mels]))[None, :]
    return fb


def melscale_fbanks(n_freqs, f_min, f_max, n_mels, sample_rate, norm=NormType.NONE, mel_type=MelType.HTK):
    """Triangular mel filters, shape (n_freqs, n_mels), float32."""
    _type_check(n_freqs, (int,), "n_freqs")
    _check_value(n_freqs, 1, 2147483647, "n_freqs")
    _type_check(f_min, (int, float), "f_min")
    _type_check(f_max, (int, float), "f_max")
    _type_check(n_mels, (int,), "n_mels")
    _check_value(n_mels, 1, 2147483647, "n_mels")
    _type_check(sample_rate, (int,), "sample_rate")
    _type_check(norm, (NormType,), "norm")
    _type_check(mel_type, (MelType,), "mel_type")
    if f_min > f_max:
        raise ValueError(f"Input f_min should be no more than f_max, but got f_min: {f_min} and f_max: {f_max}.")
    return _mel_fbanks(n_freqs, float(f_min), float(f_max), n_mels, sample_rate, norm, mel_type).astype(np.float32)


def _linear_fbanks(n_freqs, f_min, f_max, n_filter, sample_rate):
    all_freqs = np.linspace(0, sample_rate // 2, n_freqs)
    f_pts = np.linspace(f_min, f_max, n_filter + 2)
    return _triangles(all_freqs, f_pts)


def linear_fbanks(n_freqs, f_min, f_max, n_filter, sample_rate):
    """Triangular linear-frequency filters, shape (n_freqs, n_filter), float32."""
    _type_check(n_freqs, (int,), "n_freqs")
    _type_check(f_min, (int, float), "f_min")
    _type_check(f_max, (int, float), "f_max")
    _type_check(n_filter, (int,), "n_filter")
    _type_check(sample_rate, (int,), "sample_rate")
    return _linear_fbanks(n_freqs, float(f_min), float(f_max), n_filter, sample_rate).astype(np.float32)


def _dct(n_mfcc, n_mels, norm):
    n = np.arange(n_mels, dtype=np.float64)
    k = np.arange(n_mfcc, dtype=np.float64)[:, None]
    dct = np.cos(math.pi / n_mels * (n + 0.5) * k)
    if norm == NormMode.ORTHO:
        dct[0] *= 1.0 / math.sqrt(2.0)
        dct *= math.sqrt(2.0 / n_mels)
    else:
        dct *= 2.0
    return dct.T


def create_dct(n_mfcc, n_mels, norm=NormMode.NONE):
    """The DCT-II matrix, shape (n_mels, n_mfcc), float32."""
    _type_check(n_mfcc, (int,), "n_mfcc")
    _check_value(n_mfcc, 1, 2147483647, "n_mfcc")
    _type_check(n_mels, (int,), "n_mels")
    _check_value(n_mels, 1, 2147483647, "n_mels")
    _type_check(norm, (NormMode,), "norm")
    return _dct(n_mfcc, n_mels, norm).astype(np.float32)

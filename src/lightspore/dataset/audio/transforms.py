"""mindspore.dataset.audio.transforms: audio transforms on numpy arrays shaped (..., time) (spectrogram
transforms: (..., freq, time); complex inputs: (..., 2) real/imaginary pairs).

The math follows the reference's operators (the torchaudio formulas); it is computed in float64 and returned
as float32 (float64 for float64 input), and is golden-tested against MindSpore 2.7.1.
"""
import math

import numpy as np

from ..transforms._check import check_value, type_check
from ..transforms.transforms import Implementation, TensorOperation  # noqa: F401 - as the reference's module
from . import _iir, _kernels
from .utils import (
    BorderType,
    DensityFunction,
    FadeShape,
    GainType,
    Interpolation,
    MelType,
    Modulation,
    NormMode,
    NormType,
    ResampleMethod,
    ScaleType,
    WindowType,
    _dct,
    _linear_fbanks,
    _mel_fbanks,
)

__all__ = ["AudioTensorOperation", "Filtfilt", "MaskAlongAxis", "Overdrive", "PhaseVocoder", "TimeStretch",
           "DetectPitchFrequency", "Dither", "Flanger", "GriffinLim", "InverseMelScale", "InverseSpectrogram",
           "MaskAlongAxisIID", "Phaser", "PitchShift", "Vad",
           "AllpassBiquad", "AmplitudeToDB", "Angle", "BandBiquad", "BandpassBiquad",
           "BandrejectBiquad", "BassBiquad", "Biquad", "ComplexNorm", "ComputeDeltas", "Contrast", "DBToAmplitude",
           "DCShift", "DeemphBiquad", "EqualizerBiquad", "Fade", "FrequencyMasking", "Gain", "HighpassBiquad",
           "LFCC", "LFilter", "LowpassBiquad", "MFCC", "Magphase", "MelScale", "MelSpectrogram", "MuLawDecoding",
           "MuLawEncoding", "Resample", "RiaaBiquad", "SlidingWindowCmn", "SpectralCentroid", "Spectrogram",
           "TimeMasking", "TrebleBiquad", "Vol"]

_FLOAT32_MAX = float(np.finfo(np.float32).max)


def _err(op, msg):
    return RuntimeError(f"{op}: {msg}")


def _signal(op, x, min_rank=1):
    a = np.asarray(x)
    if a.dtype.kind not in "iuf":
        raise _err(op, f"the data type of input tensor does not match the requirement of operator. Expecting "
                       f"tensor in type of [int, float, double]. But got type {a.dtype}.")
    if a.ndim < min_rank:
        raise _err(op, f"the shape of input tensor does not match the requirement of operator. Expecting tensor "
                       f"in shape of <..., time>. But got tensor with dimension {a.ndim}.")
    return a, (np.float64 if a.dtype == np.float64 else np.float32)


class AudioTensorOperation(TensorOperation):
    """Base of the audio transforms: one numpy array in, one (or a tuple) out."""

    random = False

    def __call__(self, *inputs):
        if len(inputs) != 1:
            raise RuntimeError(f"{type(self).__name__}: The op is OneToOne, can only accept one tensor as input, "
                               f"got {len(inputs)}.")
        return self._execute(inputs[0])


def _check_int(value, name, lo=0, hi=2147483647):
    type_check(value, (int,), name)
    check_value(value, lo, hi, name)


def _check_float(value, name, lo=-_FLOAT32_MAX, hi=_FLOAT32_MAX):
    type_check(value, (int, float), name)
    check_value(value, lo, hi, name)


# ------------------------------------------------------------------ spectrograms
def _window(kind, length):
    if length == 1:
        return np.ones(1)
    n = np.arange(length, dtype=np.float64)
    if kind == WindowType.HANN:
        return 0.5 - 0.5 * np.cos(2 * math.pi * n / length)
    if kind == WindowType.HAMMING:
        return 0.54 - 0.46 * np.cos(2 * math.pi * n / length)
    if kind == WindowType.BLACKMAN:
        return 0.42 - 0.5 * np.cos(2 * math.pi * n / length) + 0.08 * np.cos(4 * math.pi * n / length)
    if kind == WindowType.BARTLETT:
        return 1.0 - np.abs(2.0 * n / length - 1.0)
    # kaiser, beta 12, periodic
    return np.kaiser(length + 1, 12.0)[:-1]


_NP_PAD = {BorderType.CONSTANT: "constant", BorderType.EDGE: "edge", BorderType.REFLECT: "reflect",
           BorderType.SYMMETRIC: "symmetric"}


def _pad_last(a, left, right, mode):
    widths = [(0, 0)] * (a.ndim - 1) + [(left, right)]
    return np.pad(a, widths, mode=_NP_PAD[mode])


def _stft(a, n_fft, win_length, hop_length, pad, window, normalized, center, pad_mode, onesided):
    """Complex STFT of ``a`` (..., time) -> (..., freq, frames), float64."""
    x = a.astype(np.float64)
    if pad > 0:
        x = _pad_last(x, pad, pad, BorderType.CONSTANT)
    win = _window(window, win_length)
    left = (n_fft - win_length) // 2
    win = np.pad(win, (left, n_fft - win_length - left))
    if center:
        x = _pad_last(x, n_fft // 2, n_fft // 2, pad_mode)
    length = x.shape[-1]
    if length < n_fft:
        raise RuntimeError(f"Spectrogram: the length of the (padded) waveform, {length}, should be at least n_fft "
                           f"({n_fft}).")
    frames = 1 + (length - n_fft) // hop_length
    idx = np.arange(n_fft)[None, :] + hop_length * np.arange(frames)[:, None]
    seg = x[..., idx] * win
    spec = np.fft.rfft(seg, axis=-1) if onesided else np.fft.fft(seg, axis=-1)
    if normalized:
        spec = spec / math.sqrt(float(np.sum(win ** 2)))
    return np.swapaxes(spec, -1, -2)


def _check_frames(n_fft, win_length, hop_length, least=1):
    """n_fft positive; win_length (at most n_fft) and hop_length at least ``least`` when given."""
    _check_int(n_fft, "n_fft", 1)
    if win_length is not None:
        _check_int(win_length, "win_length", least)
        if win_length > n_fft:
            raise ValueError(f"Input win_length should be no more than n_fft, but got win_length: {win_length} and "
                             f"n_fft: {n_fft}.")
    if hop_length is not None:
        _check_int(hop_length, "hop_length", least)


def _check_spec_args(n_fft, win_length, hop_length, pad, power, normalized, center, onesided, window, pad_mode):
    _check_frames(n_fft, win_length, hop_length)
    _check_int(pad, "pad", 0)
    type_check(power, (int, float), "power")
    check_value(power, 0, _FLOAT32_MAX, "power")
    type_check(normalized, (bool,), "normalized")
    type_check(center, (bool,), "center")
    type_check(onesided, (bool,), "onesided")
    type_check(window, (WindowType,), "window")
    type_check(pad_mode, (BorderType,), "pad_mode")


def _power_spec(a, n_fft, win_length, hop_length, pad, window, power, normalized, center, pad_mode, onesided):
    win_length = win_length or n_fft
    hop_length = hop_length or win_length // 2
    spec = _stft(a, n_fft, win_length, hop_length, pad, window, normalized, center, pad_mode, onesided)
    mag = np.abs(spec)
    return mag if power == 1.0 else mag ** power


class Spectrogram(AudioTensorOperation):
    """|STFT|**power of a waveform (..., time) -> (..., n_fft // 2 + 1, frames)."""

    def __init__(self, n_fft=400, win_length=None, hop_length=None, pad=0, window=WindowType.HANN, power=2.0,
                 normalized=False, center=True, pad_mode=BorderType.REFLECT, onesided=True):
        _check_spec_args(n_fft, win_length, hop_length, pad, power, normalized, center, onesided, window, pad_mode)
        super().__init__()
        self.n_fft, self.pad, self.window, self.power = n_fft, pad, window, power
        self.win_length = win_length if win_length is not None else n_fft
        self.hop_length = hop_length if hop_length is not None else self.win_length // 2
        self.normalized, self.center, self.pad_mode, self.onesided = normalized, center, pad_mode, onesided

    def _execute(self, x):
        a, out = _signal("Spectrogram", x)
        return _power_spec(a, self.n_fft, self.win_length, self.hop_length, self.pad, self.window, self.power,
                           self.normalized, self.center, self.pad_mode, self.onesided).astype(out)


def _check_mel(n_mels, sample_rate, f_min, f_max, norm, mel_type):
    _check_int(n_mels, "n_mels", 1)
    _check_int(sample_rate, "sample_rate", 1)
    _check_float(f_min, "f_min")
    if f_max is not None:
        _check_float(f_max, "f_max", 0, _FLOAT32_MAX)
        if f_min >= f_max:
            raise ValueError(f"MelScale: f_max should be greater than f_min, but got f_min: {f_min} and f_max: "
                             f"{f_max}.")
    type_check(norm, (NormType,), "norm")
    type_check(mel_type, (MelType,), "mel_type")


def _apply_fb(spec, fb):
    # spec (..., freq, time), fb (freq, n) -> (..., n, time)
    return np.swapaxes(np.swapaxes(spec, -1, -2) @ fb, -1, -2)


class MelScale(AudioTensorOperation):
    """A spectrogram (..., n_stft, time) mapped onto ``n_mels`` mel bins."""

    def __init__(self, n_mels=128, sample_rate=16000, f_min=0.0, f_max=None, n_stft=201, norm=NormType.NONE,
                 mel_type=MelType.HTK):
        _check_mel(n_mels, sample_rate, f_min, f_max, norm, mel_type)
        _check_int(n_stft, "n_stft", 1)
        super().__init__()
        self.n_mels, self.sample_rate, self.f_min = n_mels, sample_rate, f_min
        self.f_max = f_max if f_max is not None else float(sample_rate // 2)
        self.n_stft, self.norm, self.mel_type = n_stft, norm, mel_type

    def _execute(self, x):
        a, out = _signal("MelScale", x, 2)
        if a.shape[-2] != self.n_stft:
            raise _err("MelScale", f"the frequency dimension of the input, {a.shape[-2]}, should be n_stft "
                                   f"({self.n_stft}).")
        fb = _mel_fbanks(self.n_stft, float(self.f_min), float(self.f_max), self.n_mels, self.sample_rate,
                         self.norm, self.mel_type)
        return _apply_fb(a.astype(np.float64), fb).astype(out)


class MelSpectrogram(AudioTensorOperation):
    """Spectrogram followed by MelScale."""

    def __init__(self, sample_rate=16000, n_fft=400, win_length=None, hop_length=None, f_min=0.0, f_max=None, pad=0,
                 n_mels=128, window=WindowType.HANN, power=2.0, normalized=False, center=True,
                 pad_mode=BorderType.REFLECT, onesided=True, norm=NormType.NONE, mel_scale=MelType.HTK):
        _check_spec_args(n_fft, win_length, hop_length, pad, power, normalized, center, onesided, window, pad_mode)
        _check_mel(n_mels, sample_rate, f_min, f_max, norm, mel_scale)
        super().__init__()
        self.sample_rate, self.n_fft, self.pad, self.n_mels = sample_rate, n_fft, pad, n_mels
        self.win_length = win_length if win_length is not None else n_fft
        self.hop_length = hop_length if hop_length is not None else self.win_length // 2
        self.f_min = f_min
        self.f_max = f_max if f_max is not None else float(sample_rate // 2)
        self.window, self.power, self.normalized, self.center = window, power, normalized, center
        self.pad_mode, self.onesided, self.norm, self.mel_scale = pad_mode, onesided, norm, mel_scale

    def _mel(self, a):
        spec = _power_spec(a, self.n_fft, self.win_length, self.hop_length, self.pad, self.window, self.power,
                           self.normalized, self.center, self.pad_mode, self.onesided)
        fb = _mel_fbanks(spec.shape[-2], float(self.f_min), float(self.f_max), self.n_mels, self.sample_rate,
                         self.norm, self.mel_scale)
        return _apply_fb(spec, fb)

    def _execute(self, x):
        a, out = _signal("MelSpectrogram", x)
        return self._mel(a).astype(out)


def _to_db(x, multiplier, amin, db_multiplier, top_db):
    x_db = multiplier * np.log10(np.maximum(x, amin))
    x_db -= multiplier * db_multiplier
    if top_db is not None:
        if x_db.ndim >= 3:
            flat = x_db.reshape((-1,) + x_db.shape[-3:])
            peak = flat.max(axis=(-3, -2, -1), keepdims=True) - top_db
            x_db = np.maximum(flat, peak).reshape(x_db.shape)
        else:
            x_db = np.maximum(x_db, x_db.max() - top_db)
    return x_db


class AmplitudeToDB(AudioTensorOperation):
    """Power (or magnitude) to decibels: 10 (20) * log10(max(x, amin) / ref_value), floored at max - top_db."""

    def __init__(self, stype=ScaleType.POWER, ref_value=1.0, amin=1e-10, top_db=80.0):
        type_check(stype, (ScaleType,), "stype")
        _check_float(ref_value, "ref_value", 0, _FLOAT32_MAX)
        _check_float(amin, "amin", 0, _FLOAT32_MAX)
        if top_db is not None:
            _check_float(top_db, "top_db", 0, _FLOAT32_MAX)
        super().__init__()
        self.stype, self.ref_value, self.amin, self.top_db = stype, ref_value, amin, top_db

    def _execute(self, x):
        a, out = _signal("AmplitudeToDB", x)
        mult = 10.0 if self.stype == ScaleType.POWER else 20.0
        db_mult = math.log10(max(self.amin, self.ref_value))
        return _to_db(a.astype(np.float64), mult, self.amin, db_mult, self.top_db).astype(out)


class DBToAmplitude(AudioTensorOperation):
    """Decibels back to amplitude: ref * (10 ** (x / 10)) ** power."""

    def __init__(self, ref, power):
        _check_float(ref, "ref")
        _check_float(power, "power")
        super().__init__()
        self.ref, self.power = ref, power

    def _execute(self, x):
        a, out = _signal("DBToAmplitude", x)
        return (self.ref * np.power(np.power(10.0, a.astype(np.float64) * 0.1), self.power)).astype(out)


def _complete(kwargs, defaults, name):
    if kwargs is None:
        return dict(defaults)
    type_check(kwargs, (dict,), name)
    missing = [k for k in defaults if k not in kwargs]
    if missing:
        raise KeyError(missing[0])
    return dict(kwargs)


class MFCC(AudioTensorOperation):
    """Mel-frequency cepstral coefficients: DCT of the log mel spectrogram (in dB unless ``log_mels``)."""

    def __init__(self, sample_rate=16000, n_mfcc=40, dct_type=2, norm=NormMode.ORTHO, log_mels=False,
                 melkwargs=None):
        _check_int(sample_rate, "sample_rate", 0)
        _check_int(n_mfcc, "n_mfcc", 1)
        type_check(dct_type, (int,), "dct_type")
        if dct_type != 2:
            raise ValueError(f"MFCC: dct_type must be 2, but got: {dct_type}.")
        type_check(norm, (NormMode,), "norm")
        type_check(log_mels, (bool,), "log_mels")
        defaults = {"n_fft": 400, "win_length": 400, "hop_length": 200, "f_min": 0.0, "f_max": sample_rate // 2,
                    "pad": 0, "n_mels": 128, "window": WindowType.HANN, "power": 2.0, "normalized": False,
                    "center": True, "pad_mode": BorderType.REFLECT, "onesided": True, "norm": NormType.NONE,
                    "mel_scale": MelType.HTK}
        kw = _complete(melkwargs, defaults, "melkwargs")
        if n_mfcc > kw["n_mels"]:
            raise ValueError(f"MFCC: n_mfcc should be less than or equal to n_mels, but got n_mfcc: {n_mfcc}, n_mels: "
                             f"{kw['n_mels']}.")
        super().__init__()
        self.sample_rate, self.n_mfcc, self.dct_type, self.norm, self.log_mels = (sample_rate, n_mfcc, dct_type,
                                                                                  norm, log_mels)
        self.melkwargs = kw
        self._mel = MelSpectrogram(sample_rate, kw["n_fft"], kw["win_length"], kw["hop_length"], kw["f_min"],
                                   kw["f_max"], kw["pad"], kw["n_mels"], kw["window"], kw["power"],
                                   kw["normalized"], kw["center"], kw["pad_mode"], kw["onesided"], kw["norm"],
                                   kw["mel_scale"])

    def _execute(self, x):
        a, out = _signal("MFCC", x)
        mel = self._mel._mel(a)
        mel = np.log(mel + 1e-6) if self.log_mels else _to_db(mel, 10.0, 1e-10, 0.0, 80.0)
        return _apply_fb(mel, _dct(self.n_mfcc, self.melkwargs["n_mels"], self.norm)).astype(out)


class LFCC(AudioTensorOperation):
    """Linear-frequency cepstral coefficients: DCT of the (log) linear-filtered spectrogram."""

    def __init__(self, sample_rate=16000, n_filter=128, n_lfcc=40, f_min=0.0, f_max=None, dct_type=2,
                 norm=NormMode.ORTHO, log_lf=False, speckwargs=None):
        _check_int(sample_rate, "sample_rate", 0)
        _check_int(n_filter, "n_filter", 1)
        _check_int(n_lfcc, "n_lfcc", 1)
        type_check(dct_type, (int,), "dct_type")
        if dct_type != 2:
            raise ValueError(f"LFCC: dct_type must be 2, but got: {dct_type}.")
        type_check(norm, (NormMode,), "norm")
        type_check(log_lf, (bool,), "log_lf")
        defaults = {"n_fft": 400, "win_length": 400, "hop_length": 200, "pad": 0, "window": WindowType.HANN,
                    "power": 2.0, "normalized": False, "center": True, "pad_mode": BorderType.REFLECT,
                    "onesided": True}
        kw = _complete(speckwargs, defaults, "speckwargs")
        super().__init__()
        self.sample_rate, self.n_filter, self.n_lfcc, self.f_min = sample_rate, n_filter, n_lfcc, f_min
        self.f_max = f_max if f_max is not None else sample_rate // 2
        self.dct_type, self.norm, self.log_lf, self.speckwargs = dct_type, norm, log_lf, kw

    def _execute(self, x):
        a, out = _signal("LFCC", x)
        kw = self.speckwargs
        spec = _power_spec(a, kw["n_fft"], kw["win_length"], kw["hop_length"], kw["pad"], kw["window"],
                           kw["power"], kw["normalized"], kw["center"], kw["pad_mode"], kw["onesided"])
        fb = _linear_fbanks(spec.shape[-2], float(self.f_min), float(self.f_max), self.n_filter, self.sample_rate)
        lin = _apply_fb(spec, fb)
        lin = np.log(lin + 1e-6) if self.log_lf else _to_db(lin, 10.0, 1e-10, 0.0, 80.0)
        return _apply_fb(lin, _dct(self.n_lfcc, self.n_filter, self.norm)).astype(out)


# ------------------------------------------------------------------ complex
def _complex(op, x):
    a, out = _signal(op, x)
    if a.shape[-1] != 2:
        raise _err(op, "the shape of input tensor does not match the requirement of operator. Expecting tensor in "
                       f"shape of <..., complex=2>. But got tensor with shape {list(a.shape)}.")
    return a.astype(np.float64), out


class ComplexNorm(AudioTensorOperation):
    """|z| ** power of complex pairs (..., 2)."""

    def __init__(self, power=1.0):
        _check_float(power, "power", 0)
        super().__init__()
        self.power = power

    def _execute(self, x):
        a, out = _complex("ComplexNorm", x)
        return np.power(a[..., 0] ** 2 + a[..., 1] ** 2, 0.5 * self.power).astype(out)


class Angle(AudioTensorOperation):
    """The angle of complex pairs (..., 2)."""

    def _execute(self, x):
        a, out = _complex("Angle", x)
        return np.arctan2(a[..., 1], a[..., 0]).astype(out)


class Magphase(AudioTensorOperation):
    """(|z| ** power, angle) of complex pairs (..., 2)."""

    def __init__(self, power=1.0):
        _check_float(power, "power", 0)
        super().__init__()
        self.power = power

    def _execute(self, x):
        a, out = _complex("Magphase", x)
        return (np.power(a[..., 0] ** 2 + a[..., 1] ** 2, 0.5 * self.power).astype(out),
                np.arctan2(a[..., 1], a[..., 0]).astype(out))


# ------------------------------------------------------------------ features
class ComputeDeltas(AudioTensorOperation):
    """Delta coefficients along time of a spectrogram (..., freq, time)."""

    def __init__(self, win_length=5, pad_mode=BorderType.EDGE):
        _check_int(win_length, "win_length", 3)
        type_check(pad_mode, (BorderType,), "pad_mode")
        super().__init__()
        self.win_length, self.pad_mode = win_length, pad_mode

    def _execute(self, x):
        a, out = _signal("ComputeDeltas", x, 2)
        n = (self.win_length - 1) // 2
        denom = n * (n + 1) * (2 * n + 1) / 3
        p = _pad_last(a.astype(np.float64), n, n, self.pad_mode)
        t = a.shape[-1]
        acc = sum(k * p[..., n + k:n + k + t] for k in range(-n, n + 1))
        return (acc / denom).astype(out)


class SpectralCentroid(AudioTensorOperation):
    """The centre of mass of the magnitude spectrum of each frame: (..., 1, frames)."""

    def __init__(self, sample_rate, n_fft=400, win_length=None, hop_length=None, pad=0, window=WindowType.HANN):
        _check_int(sample_rate, "sample_rate", 0)
        _check_spec_args(n_fft, win_length, hop_length, pad, 1.0, False, True, True, window, BorderType.REFLECT)
        super().__init__()
        self.sample_rate, self.n_fft, self.pad, self.window = sample_rate, n_fft, pad, window
        self.win_length = win_length if win_length is not None else n_fft
        self.hop_length = hop_length if hop_length is not None else self.win_length // 2

    def _execute(self, x):
        a, out = _signal("SpectralCentroid", x)
        spec = _power_spec(a, self.n_fft, self.win_length, self.hop_length, self.pad, self.window, 1.0, False, True,
                           BorderType.REFLECT, True)
        freqs = np.linspace(0, self.sample_rate // 2, 1 + self.n_fft // 2).reshape(-1, 1)
        return (np.sum(freqs * spec, axis=-2, keepdims=True) / np.sum(spec, axis=-2, keepdims=True)).astype(out)


class SlidingWindowCmn(AudioTensorOperation):
    """Cepstral mean (and variance) normalization over a sliding window of frames: input (..., time, freq)."""

    def __init__(self, cmn_window=600, min_cmn_window=100, center=False, norm_vars=False):
        _check_int(cmn_window, "cmn_window", 0)
        _check_int(min_cmn_window, "min_cmn_window", 0)
        type_check(center, (bool,), "center")
        type_check(norm_vars, (bool,), "norm_vars")
        super().__init__()
        self.cmn_window, self.min_cmn_window, self.center, self.norm_vars = (cmn_window, min_cmn_window, center,
                                                                             norm_vars)

    def _execute(self, x):
        a, out = _signal("SlidingWindowCmn", x, 2)
        shape = a.shape
        frames, feats = shape[-2:]
        spec = a.reshape(-1, frames, feats).astype(np.float64)
        res = np.zeros_like(spec)
        cur_sum = np.zeros((spec.shape[0], feats))
        cur_sq = np.zeros((spec.shape[0], feats))
        last_start = last_end = -1
        for t in range(frames):
            if self.center:
                start = t - self.cmn_window // 2
                end = start + self.cmn_window
            else:
                start = t - self.cmn_window
                end = t + 1
            if start < 0:
                end -= start
                start = 0
            if not self.center and end > t:
                end = max(t + 1, self.min_cmn_window)
            if end > frames:
                start -= end - frames
                end = frames
                start = max(start, 0)
            if last_start == -1:
                part = spec[:, start:end - start, :]
                cur_sum += part.sum(1)
                if self.norm_vars:
                    cur_sq += (part ** 2).sum(1)
            else:
                if start > last_start:
                    cur_sum -= spec[:, last_start, :]
                    if self.norm_vars:
                        cur_sq -= spec[:, last_start, :] ** 2
                if end > last_end:
                    cur_sum += spec[:, last_end, :]
                    if self.norm_vars:
                        cur_sq += spec[:, last_end, :] ** 2
            n = end - start
            last_start, last_end = start, end
            res[:, t, :] = spec[:, t, :] - cur_sum / n
            if self.norm_vars:
                if n == 1:
                    res[:, t, :] = 0.0
                else:
                    var = cur_sq / n - cur_sum ** 2 / n ** 2
                    res[:, t, :] *= np.power(var, -0.5)
        return res.reshape(shape).astype(out)


def _random_mask(res, out, param, value, ax):
    """Mask (in place) one stretch of axis ``ax`` of every matrix of ``res``: its width uniform in [0, param], its
    start uniform in what is left (the dataset seed's draws, as the reference)."""
    rng = _kernels.Mt19937()
    width = rng.uniform_int(0, param)
    start = rng.uniform_int(0, res.shape[ax] - width)
    if width:
        idx = [slice(None)] * res.ndim
        idx[ax] = slice(start, start + width)
        res[tuple(idx)] = out(np.float32(value))
    return res


class _Masking(AudioTensorOperation):
    _axis = -2

    def __init__(self, iid_masks=False, mask_param=0, mask_start=0, mask_value=0.0):
        type_check(iid_masks, (bool,), "iid_masks")
        _check_int(mask_param, self._param_name, 0)
        _check_int(mask_start, "mask_start", 0)
        _check_float(mask_value, "mask_value", 0, 16777216)
        super().__init__()
        self.iid_masks, self.mask_start, self.mask_value = iid_masks, mask_start, mask_value
        setattr(self, self._param_name, mask_param)
        self.random = iid_masks

    def _execute(self, x):
        a, out = _signal(type(self).__name__, x, 2)
        param = getattr(self, self._param_name)
        size = a.shape[self._axis]
        res = a.astype(out, copy=True)
        if self.iid_masks:
            return _random_mask(res, out, param, self.mask_value, self._axis)
        if self.mask_start + param > size:
            raise _err(type(self).__name__, f"mask_start plus {self._param_name} should be no more than the length "
                                            f"of the masked axis ({size}), but got {self.mask_start} + {param}.")
        idx = [slice(None)] * res.ndim
        idx[self._axis] = slice(self.mask_start, self.mask_start + param)
        res[tuple(idx)] = self.mask_value
        return res


class FrequencyMasking(_Masking):
    """Set ``freq_mask_param`` frequency rows from ``mask_start`` to ``mask_value`` (random rows with ``iid_masks``)."""

    _axis = -2
    _param_name = "freq_mask_param"

    def __init__(self, iid_masks=False, freq_mask_param=0, mask_start=0, mask_value=0.0):
        super().__init__(iid_masks, freq_mask_param, mask_start, mask_value)


class TimeMasking(_Masking):
    """Set ``time_mask_param`` time columns from ``mask_start`` to ``mask_value`` (random with ``iid_masks``)."""

    _axis = -1
    _param_name = "time_mask_param"

    def __init__(self, iid_masks=False, time_mask_param=0, mask_start=0, mask_value=0.0):
        super().__init__(iid_masks, time_mask_param, mask_start, mask_value)


# ------------------------------------------------------------------ effects
class DCShift(AudioTensorOperation):
    """Add ``shift`` (clipped to [-1, 1]; above the limiter threshold the gain ``limiter_gain`` applies)."""

    def __init__(self, shift, limiter_gain=None):
        _check_float(shift, "shift", -2.0, 2.0)
        if limiter_gain is not None:
            _check_float(limiter_gain, "limiter_gain")
        super().__init__()
        self.shift, self.limiter_gain = shift, limiter_gain

    def _execute(self, x):
        a, out = _signal("DCShift", x)
        w = a.astype(np.float64)
        shift, gain = self.shift, self.limiter_gain
        if gain is not None and shift > 0:
            thr = 1.0 - (abs(shift) - gain)
            mask = w > thr
            res = np.clip(w + shift, -1, 1)
            res[mask] = np.minimum((w[mask] - thr) * gain / (1 - thr) + thr + shift, thr)
        elif gain is not None and shift < 0:
            thr = 1.0 - (abs(shift) - gain)
            mask = w < -thr
            res = np.clip(w + shift, -1, 1)
            res[mask] = np.maximum((w[mask] + thr) * gain / (1 - thr) - thr + shift, -thr)
        else:
            res = np.clip(w + shift, -1, 1)
        return res.astype(out)


class Contrast(AudioTensorOperation):
    """SoX's contrast effect (``enhancement_amount`` in [0, 100])."""

    def __init__(self, enhancement_amount=75.0):
        _check_float(enhancement_amount, "enhancement_amount", 0, 100)
        super().__init__()
        self.enhancement_amount = enhancement_amount

    def _execute(self, x):
        a, out = _signal("Contrast", x)
        t1 = a.astype(np.float64) * (math.pi / 2)
        return np.sin(t1 + self.enhancement_amount / 750.0 * np.sin(t1 * 4)).astype(out)


class Gain(AudioTensorOperation):
    """Amplify by ``gain_db`` decibels."""

    def __init__(self, gain_db=1.0):
        _check_float(gain_db, "gain_db")
        super().__init__()
        self.gain_db = gain_db

    def _execute(self, x):
        a, out = _signal("Gain", x)
        return (a.astype(np.float64) * 10.0 ** (self.gain_db / 20.0)).astype(out)


class Vol(AudioTensorOperation):
    """Scale by ``gain`` (an amplitude ratio, a power ratio or decibels), clipped to [-1, 1]."""

    def __init__(self, gain, gain_type=GainType.AMPLITUDE):
        type_check(gain, (int, float), "gain")
        type_check(gain_type, (GainType,), "gain_type")
        if gain_type in (GainType.AMPLITUDE, GainType.POWER) and gain < 0:
            raise ValueError(f"Input gain is not within the required interval of [0, {_FLOAT32_MAX}].")
        super().__init__()
        self.gain, self.gain_type = gain, gain_type

    def _execute(self, x):
        a, out = _signal("Vol", x)
        w = a.astype(np.float64)
        if self.gain_type == GainType.AMPLITUDE:
            w = w * self.gain
        else:
            db = 10.0 * math.log10(self.gain) if self.gain_type == GainType.POWER else self.gain
            w = w * 10.0 ** (db / 20.0)
        return np.clip(w, -1, 1).astype(out)


class _MuLaw(AudioTensorOperation):
    def __init__(self, quantization_channels=256):
        _check_int(quantization_channels, "quantization_channels", 1)
        super().__init__()
        self.quantization_channels = quantization_channels


class MuLawEncoding(_MuLaw):
    """Mu-law companding to integers in [0, quantization_channels)."""

    def _execute(self, x):
        a, _ = _signal("MuLawEncoding", x)
        mu = self.quantization_channels - 1.0
        w = a.astype(np.float64)
        y = np.sign(w) * np.log1p(mu * np.abs(w)) / math.log1p(mu)
        return ((y + 1) / 2 * mu + 0.5).astype(np.int32)


class MuLawDecoding(_MuLaw):
    """Inverse of MuLawEncoding."""

    def _execute(self, x):
        a, out = _signal("MuLawDecoding", x)
        mu = self.quantization_channels - 1.0
        y = a.astype(np.float64) / mu * 2 - 1.0
        return (np.sign(y) * (np.exp(np.abs(y) * math.log1p(mu)) - 1.0) / mu).astype(out)


class Fade(AudioTensorOperation):
    """Fade in over the first ``fade_in_len`` samples and out over the last ``fade_out_len``."""

    def __init__(self, fade_in_len=0, fade_out_len=0, fade_shape=FadeShape.LINEAR):
        _check_int(fade_in_len, "fade_in_len", 0)
        _check_int(fade_out_len, "fade_out_len", 0)
        type_check(fade_shape, (FadeShape,), "fade_shape")
        super().__init__()
        self.fade_in_len, self.fade_out_len, self.fade_shape = fade_in_len, fade_out_len, fade_shape

    def _execute(self, x):
        a, out = _signal("Fade", x)
        n = a.shape[-1]
        if self.fade_in_len > n or self.fade_out_len > n:
            raise _err("Fade", f"fade_in_len and fade_out_len should be no more than the length of the waveform "
                               f"({n}).")
        s = self.fade_shape
        f = np.linspace(0, 1, self.fade_in_len)
        fin = {FadeShape.LINEAR: f, FadeShape.EXPONENTIAL: f * np.power(2.0, f - 1),
               FadeShape.LOGARITHMIC: np.log10(0.1 + f) + 1, FadeShape.QUARTER_SINE: np.sin(f * math.pi / 2),
               FadeShape.HALF_SINE: np.sin(f * math.pi - math.pi / 2) / 2 + 0.5}[s]
        f = np.linspace(0, 1, self.fade_out_len)
        fout = {FadeShape.LINEAR: -f + 1, FadeShape.EXPONENTIAL: (1 - f) * np.power(2.0, -f),
                FadeShape.LOGARITHMIC: np.log10(1.1 - f) + 1,
                FadeShape.QUARTER_SINE: np.sin(f * math.pi / 2 + math.pi / 2),
                FadeShape.HALF_SINE: np.sin(f * math.pi + math.pi / 2) / 2 + 0.5}[s]
        env = np.ones(n)
        env[:self.fade_in_len] *= fin
        if self.fade_out_len:
            env[n - self.fade_out_len:] *= fout
        return (a.astype(np.float64) * env).astype(out)


# ------------------------------------------------------------------ filters
class LFilter(AudioTensorOperation):
    """The IIR filter with denominator ``a_coeffs`` and numerator ``b_coeffs`` (clipped to [-1, 1] by default)."""

    def __init__(self, a_coeffs, b_coeffs, clamp=True):
        type_check(a_coeffs, (list, tuple), "a_coeffs")
        type_check(b_coeffs, (list, tuple), "b_coeffs")
        for i, v in enumerate(list(a_coeffs) + list(b_coeffs)):
            type_check(v, (int, float), f"coeffs[{i}]")
        if len(a_coeffs) != len(b_coeffs):
            raise ValueError("The size of a_coeffs and b_coeffs should be the same.")
        type_check(clamp, (bool,), "clamp")
        super().__init__()
        self.a_coeffs, self.b_coeffs, self.clamp = list(a_coeffs), list(b_coeffs), clamp

    def _execute(self, x):
        a, out = _signal("LFilter", x)
        return _iir.lfilter(a.astype(np.float64), self.a_coeffs, self.b_coeffs, self.clamp).astype(out)


class _BiquadBase(AudioTensorOperation):
    def _coeffs(self):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def _execute(self, x):
        a, out = _signal(type(self).__name__, x)
        b0, b1, b2, a0, a1, a2 = self._coeffs()
        return _iir.lfilter(a.astype(np.float64), [a0, a1, a2], [b0, b1, b2], True).astype(out)


def _check_rate(sample_rate):
    type_check(sample_rate, (int,), "sample_rate")
    if sample_rate == 0:
        raise ValueError("Input sample_rate can not be 0.")


def _check_q(q):
    _check_float(q, "Q", 0, 1)
    if q == 0:
        raise ValueError(f"Input Q is not within the required interval of (0, 1], but got {q}.")


class Biquad(_BiquadBase):
    """The biquad filter with the given coefficients."""

    def __init__(self, b0, b1, b2, a0, a1, a2):
        for name, v in (("b0", b0), ("b1", b1), ("b2", b2), ("a0", a0), ("a1", a1), ("a2", a2)):
            _check_float(v, name)
        if a0 == 0:
            raise ValueError("Input a0 can not be 0.")
        super().__init__()
        self.b0, self.b1, self.b2, self.a0, self.a1, self.a2 = b0, b1, b2, a0, a1, a2

    def _coeffs(self):
        return self.b0, self.b1, self.b2, self.a0, self.a1, self.a2


class _FreqBiquad(_BiquadBase):
    def __init__(self, sample_rate, freq, q, freq_name):
        _check_rate(sample_rate)
        _check_float(freq, freq_name)
        _check_q(q)
        super().__init__()
        self.sample_rate, self.Q = sample_rate, q
        setattr(self, freq_name, freq)
        self._freq = freq

    def _w0_alpha(self):
        w0 = 2 * math.pi * self._freq / self.sample_rate
        return w0, math.sin(w0) / 2 / self.Q


class LowpassBiquad(_FreqBiquad):
    """Two-pole low-pass filter."""

    def __init__(self, sample_rate, cutoff_freq, Q=0.707):  # noqa: N803 - the reference's name
        super().__init__(sample_rate, cutoff_freq, Q, "cutoff_freq")

    def _coeffs(self):
        w0, alpha = self._w0_alpha()
        c = math.cos(w0)
        return (1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha


class HighpassBiquad(_FreqBiquad):
    """Two-pole high-pass filter."""

    def __init__(self, sample_rate, cutoff_freq, Q=0.707):  # noqa: N803
        super().__init__(sample_rate, cutoff_freq, Q, "cutoff_freq")

    def _coeffs(self):
        w0, alpha = self._w0_alpha()
        c = math.cos(w0)
        return (1 + c) / 2, -1 - c, (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha


class AllpassBiquad(_FreqBiquad):
    """Two-pole all-pass filter."""

    def __init__(self, sample_rate, central_freq, Q=0.707):  # noqa: N803
        super().__init__(sample_rate, central_freq, Q, "central_freq")

    def _coeffs(self):
        w0, alpha = self._w0_alpha()
        c = math.cos(w0)
        return 1 - alpha, -2 * c, 1 + alpha, 1 + alpha, -2 * c, 1 - alpha


class BandpassBiquad(_FreqBiquad):
    """Two-pole band-pass filter (constant skirt gain or constant 0 dB peak gain)."""

    def __init__(self, sample_rate, central_freq, Q=0.707, const_skirt_gain=False):  # noqa: N803
        super().__init__(sample_rate, central_freq, Q, "central_freq")
        type_check(const_skirt_gain, (bool,), "const_skirt_gain")
        self.const_skirt_gain = const_skirt_gain

    def _coeffs(self):
        w0, alpha = self._w0_alpha()
        c = math.cos(w0)
        temp = math.sin(w0) / 2 if self.const_skirt_gain else alpha
        return temp, 0.0, -temp, 1 + alpha, -2 * c, 1 - alpha


class BandrejectBiquad(_FreqBiquad):
    """Two-pole band-reject filter."""

    def __init__(self, sample_rate, central_freq, Q=0.707):  # noqa: N803
        super().__init__(sample_rate, central_freq, Q, "central_freq")

    def _coeffs(self):
        w0, alpha = self._w0_alpha()
        c = math.cos(w0)
        return 1.0, -2 * c, 1.0, 1 + alpha, -2 * c, 1 - alpha


class BandBiquad(_FreqBiquad):
    """Two-pole band filter (``noise``: tuned for unpitched audio)."""

    def __init__(self, sample_rate, central_freq, Q=0.707, noise=False):  # noqa: N803
        super().__init__(sample_rate, central_freq, Q, "central_freq")
        type_check(noise, (bool,), "noise")
        self.noise = noise

    def _coeffs(self):
        w0 = 2 * math.pi * self._freq / self.sample_rate
        bw_hz = self._freq / self.Q
        a2 = math.exp(-2 * math.pi * bw_hz / self.sample_rate)
        a1 = -4 * a2 / (1 + a2) * math.cos(w0)
        b0 = math.sqrt(1 - a1 * a1 / (4 * a2)) * (1 - a2)
        if self.noise:
            b0 *= math.sqrt(((1 + a2) ** 2 - a1 ** 2) * (1 - a2) / (1 + a2)) / b0
        return b0, 0.0, 0.0, 1.0, a1, a2


class EqualizerBiquad(_FreqBiquad):
    """Two-pole peaking equalizer: ``gain`` dB around ``center_freq``."""

    def __init__(self, sample_rate, center_freq, gain, Q=0.707):  # noqa: N803
        super().__init__(sample_rate, center_freq, Q, "center_freq")
        _check_float(gain, "gain")
        self.gain = gain

    def _coeffs(self):
        w0, alpha = self._w0_alpha()
        c = math.cos(w0)
        amp = math.exp(self.gain / 40.0 * math.log(10))
        return 1 + alpha * amp, -2 * c, 1 - alpha * amp, 1 + alpha / amp, -2 * c, 1 - alpha / amp


def _shelf(sample_rate, gain, freq, q, treble):
    w0 = 2 * math.pi * freq / sample_rate
    alpha = math.sin(w0) / 2 / q
    amp = math.exp(gain / 40 * math.log(10))
    t1 = 2 * math.sqrt(amp) * alpha
    t2 = (amp - 1) * math.cos(w0)
    t3 = (amp + 1) * math.cos(w0)
    if treble:
        return (amp * ((amp + 1) + t2 + t1), -2 * amp * ((amp - 1) + t3), amp * ((amp + 1) + t2 - t1),
                (amp + 1) - t2 + t1, 2 * ((amp - 1) - t3), (amp + 1) - t2 - t1)
    return (amp * ((amp + 1) - t2 + t1), 2 * amp * ((amp - 1) - t3), amp * ((amp + 1) - t2 - t1),
            (amp + 1) + t2 + t1, -2 * ((amp - 1) + t3), (amp + 1) + t2 - t1)


class _ShelfBiquad(_BiquadBase):
    _treble = False

    def __init__(self, sample_rate, gain, central_freq, q):
        _check_rate(sample_rate)
        _check_float(gain, "gain")
        _check_float(central_freq, "central_freq")
        _check_q(q)
        super().__init__()
        self.sample_rate, self.gain, self.central_freq, self.Q = sample_rate, gain, central_freq, q

    def _coeffs(self):
        return _shelf(self.sample_rate, self.gain, self.central_freq, self.Q, self._treble)


class BassBiquad(_ShelfBiquad):
    """Low-shelf filter: ``gain`` dB below ``central_freq``."""

    def __init__(self, sample_rate, gain, central_freq=100.0, Q=0.707):  # noqa: N803
        super().__init__(sample_rate, gain, central_freq, Q)


class TrebleBiquad(_ShelfBiquad):
    """High-shelf filter: ``gain`` dB above ``central_freq``."""

    _treble = True

    def __init__(self, sample_rate, gain, central_freq=3000, Q=0.707):  # noqa: N803
        super().__init__(sample_rate, gain, central_freq, Q)


class DeemphBiquad(_BiquadBase):
    """CD de-emphasis (a fixed treble cut) for 44.1 kHz or 48 kHz audio."""

    def __init__(self, sample_rate):
        type_check(sample_rate, (int,), "sample_rate")
        if sample_rate not in (44100, 48000):
            raise ValueError(f"Argument sample_rate should be 44100 or 48000, but got {sample_rate}.")
        super().__init__()
        self.sample_rate = sample_rate

    def _coeffs(self):
        # SoX's fixed de-emphasis coefficients (as the reference uses them), a0 = 1
        if self.sample_rate == 44100:
            return 0.46035077, -0.28440821, 0.03388877, 1.0, -1.05429146, 0.26412280
        return 0.44769274, -0.30433729, 0.04114811, 1.0, -1.10818900, 0.29269256


_RIAA = {44100: ([-0.2014898, 0.9233820], [0.7083149, 0.9924091]),
         48000: ([-0.1766069, 0.9321590], [0.7396325, 0.9931330]),
         88200: ([-0.1168735, 0.9648312], [0.8590646, 0.9964002]),
         96000: ([-0.1141486, 0.9676817], [0.8699137, 0.9966946])}


class RiaaBiquad(_BiquadBase):
    """RIAA vinyl playback equalization (44.1, 48, 88.2 or 96 kHz)."""

    def __init__(self, sample_rate):
        type_check(sample_rate, (int,), "sample_rate")
        if sample_rate not in _RIAA:
            raise ValueError(f"sample_rate should be one of [44100, 48000, 88200, 96000], but got {sample_rate}.")
        super().__init__()
        self.sample_rate = sample_rate

    def _coeffs(self):
        zeros, poles = _RIAA[self.sample_rate]
        b0, b1, b2 = 1.0, -(zeros[0] + zeros[1]), zeros[0] * zeros[1]
        a0, a1, a2 = 1.0, -(poles[0] + poles[1]), poles[0] * poles[1]
        y = 2 * math.pi * 1000 / self.sample_rate
        b_re = b0 + b1 * math.cos(-y) + b2 * math.cos(-2 * y)
        a_re = a0 + a1 * math.cos(-y) + a2 * math.cos(-2 * y)
        b_im = b1 * math.sin(-y) + b2 * math.sin(-2 * y)
        a_im = a1 * math.sin(-y) + a2 * math.sin(-2 * y)
        g = 1 / math.sqrt((b_re ** 2 + b_im ** 2) / (a_re ** 2 + a_im ** 2))
        return b0 * g, b1 * g, b2 * g, a0, a1, a2


# ------------------------------------------------------------------ resampling
class Resample(AudioTensorOperation):
    """Band-limited resampling from ``orig_freq`` to ``new_freq`` (windowed sinc: Hann or Kaiser)."""

    def __init__(self, orig_freq=16000, new_freq=16000, resample_method=ResampleMethod.SINC_INTERPOLATION,
                 lowpass_filter_width=6, rolloff=0.99, beta=None):
        _check_float(orig_freq, "orig_freq", 0)
        _check_float(new_freq, "new_freq", 0)
        type_check(resample_method, (ResampleMethod,), "resample_method")
        _check_int(lowpass_filter_width, "lowpass_filter_width", 1)
        _check_float(rolloff, "rolloff", 0, 1)
        if beta is not None:
            _check_float(beta, "beta", 0)
        super().__init__()
        self.orig_freq, self.new_freq, self.resample_method = orig_freq, new_freq, resample_method
        self.lowpass_filter_width, self.rolloff, self.beta = lowpass_filter_width, rolloff, beta

    def _kernel(self, orig, new, rows):
        """The first ``rows`` of the ``new`` output phases' filters."""
        width_f = self.lowpass_filter_width
        base = min(orig, new) * self.rolloff
        width = math.ceil(width_f * orig / base)
        idx = np.arange(-width, width + orig, dtype=np.float64)[None, :] / orig
        t = np.arange(0, -rows, -1, dtype=np.float64)[:, None] / new + idx
        t *= base
        t = np.clip(t, -width_f, width_f)
        if self.resample_method == ResampleMethod.SINC_INTERPOLATION:
            window = np.cos(t * math.pi / width_f / 2) ** 2
        else:
            beta = 14.769656459379492 if self.beta is None else float(self.beta)
            window = np.i0(beta * np.sqrt(1 - (t / width_f) ** 2)) / np.i0(beta)
        t *= math.pi
        with np.errstate(invalid="ignore", divide="ignore"):
            k = np.where(t == 0, 1.0, np.sin(t) / np.where(t == 0, 1.0, t))
        return k * window * (base / orig), width

    def _execute(self, x):
        a, out = _signal("Resample", x)
        if self.orig_freq == self.new_freq:
            return a.astype(out)
        res = self._resample(a.astype(np.float64).reshape(-1, a.shape[-1]))
        return res.reshape(a.shape[:-1] + res.shape[-1:]).astype(out)

    def _resample(self, w):
        """Resample the rows of ``w`` (rows, time), float64."""
        g = math.gcd(int(self.orig_freq), int(self.new_freq))
        orig, new = int(self.orig_freq) // g, int(self.new_freq) // g
        length = w.shape[-1]
        target = math.ceil(new * length / orig)
        rows = min(new, target)        # a short output needs only the first phases (orig, new can be large)
        key = (orig, new, rows)
        if getattr(self, "_cached", None) is None or self._cached[0] != key:
            self._cached = (key, self._kernel(orig, new, rows))
        kernel, width = self._cached[1]
        p = np.pad(w, ((0, 0), (width, width + orig)))
        frames = min((p.shape[-1] - kernel.shape[-1]) // orig + 1, -(-target // rows))
        idx = np.arange(kernel.shape[-1])[None, :] + orig * np.arange(frames)[:, None]
        seg = p[:, idx]                                   # (batch, frames, K)
        res = (seg @ kernel.T).reshape(w.shape[0], -1)
        return res[:, :target]


class Filtfilt(AudioTensorOperation):
    """Zero-phase IIR filtering: the filter forward (unclipped), then backward over the reversed result."""

    def __init__(self, a_coeffs, b_coeffs, clamp=True):
        LFilter(a_coeffs, b_coeffs, clamp)   # same argument checks
        super().__init__()
        self.a_coeffs, self.b_coeffs, self.clamp = list(a_coeffs), list(b_coeffs), clamp

    def _execute(self, x):
        a, out = _signal("Filtfilt", x)
        fwd = _iir.lfilter(a.astype(np.float64), self.a_coeffs, self.b_coeffs, False)
        back = _iir.lfilter(np.ascontiguousarray(fwd[..., ::-1]), self.a_coeffs, self.b_coeffs, self.clamp)
        return np.ascontiguousarray(back[..., ::-1]).astype(out)


def _check_mask_value_axis(mask_value, axis):
    _check_float(mask_value, "mask_value")
    type_check(axis, (int,), "axis")
    if axis not in (1, 2):
        raise ValueError(f"Input axis is not within the required interval of [1, 2], but got {axis}.")


class MaskAlongAxis(AudioTensorOperation):
    """Set ``mask_width`` rows (``axis`` 1: frequency) or columns (``axis`` 2: time) from ``mask_start`` of a
    spectrogram (..., freq, time) to ``mask_value``."""

    def __init__(self, mask_start, mask_width, mask_value, axis):
        _check_int(mask_start, "mask_start", 0)
        _check_int(mask_width, "mask_width", 1)
        _check_mask_value_axis(mask_value, axis)
        super().__init__()
        self.mask_start, self.mask_width, self.mask_value, self.axis = mask_start, mask_width, mask_value, axis

    def _execute(self, x):
        a, out = _signal("MaskAlongAxis", x, 2)
        ax = -2 if self.axis == 1 else -1
        if self.mask_start + self.mask_width > a.shape[ax]:
            raise _err("MaskAlongAxis", f"mask_start plus mask_width should be no more than the length of the "
                                        f"masked axis ({a.shape[ax]}), but got {self.mask_start} + {self.mask_width}.")
        res = a.astype(out, copy=True)
        idx = [slice(None)] * res.ndim
        idx[ax] = slice(self.mask_start, self.mask_start + self.mask_width)
        res[tuple(idx)] = self.mask_value
        return res


class Overdrive(AudioTensorOperation):
    """SoX's overdrive: ``gain`` dB of soft clipping with ``color`` even harmonics, then a DC-blocking filter."""

    def __init__(self, gain=20.0, color=20.0):
        _check_float(gain, "gain", 0, 100)
        _check_float(color, "color", 0, 100)
        super().__init__()
        self.gain, self.color = gain, color

    def _execute(self, x):
        a, out = _signal("Overdrive", x)
        w = a.astype(np.float64).reshape(-1, a.shape[-1])
        temp = w * 10.0 ** (self.gain / 20.0) + self.color / 200.0
        low, high = temp < -1, temp > 1
        mid = ~low & ~high
        temp[low] = -2.0 / 3.0
        temp[high] = 2.0 / 3.0
        temp[mid] = temp[mid] - temp[mid] ** 3 / 3.0
        # the DC blocker last_out = temp - last_in + 0.995 * last_out is the IIR filter [1, -1] / [1, -0.995]
        last_out = _iir.lfilter(temp, [1.0, -0.995], [1.0, -1.0], False)
        return np.clip(w * 0.5 + last_out * 0.75, -1, 1).reshape(a.shape).astype(out)


def _phase_vocoder(spec, rate, phase_advance):
    """Speed a complex spectrogram (..., freq, time, 2) up by ``rate`` keeping its pitch."""
    z = spec[..., 0] + 1j * spec[..., 1]
    steps = np.arange(0, z.shape[-1], rate)
    alphas = np.mod(steps, 1.0)
    phase_0 = np.angle(z[..., :1])
    zp = np.concatenate([z, np.zeros(z.shape[:-1] + (2,))], -1)
    z0 = zp[..., steps.astype(np.int64)]
    z1 = zp[..., (steps + 1).astype(np.int64)]
    phase = np.angle(z1) - np.angle(z0) - phase_advance
    phase = phase - 2 * math.pi * np.round(phase / (2 * math.pi))
    phase = phase + phase_advance
    phase = np.concatenate([phase_0, phase[..., :-1]], -1)
    acc = np.cumsum(phase, -1)
    mag = alphas * np.abs(z1) + (1 - alphas) * np.abs(z0)
    return np.stack([mag * np.cos(acc), mag * np.sin(acc)], -1)


def _complex_spec(op, x):
    a, out = _signal(op, x, 3)
    if a.shape[-1] != 2:
        raise _err(op, "the shape of input tensor does not match the requirement of operator. Expecting tensor in "
                       f"shape of <..., freq, num_frame, complex=2>. But got tensor with shape {list(a.shape)}.")
    return a.astype(np.float64), out


class PhaseVocoder(AudioTensorOperation):
    """Time-stretch a complex spectrogram (..., freq, time, 2) by ``rate`` (``phase_advance``: (freq, 1))."""

    def __init__(self, rate, phase_advance):
        _check_float(rate, "rate", 0)
        if rate == 0:
            raise ValueError("Input rate should be greater than 0, but got: 0.")
        type_check(phase_advance, (np.ndarray,), "phase_advance")
        super().__init__()
        self.rate, self.phase_advance = rate, phase_advance

    def _execute(self, x):
        raw = np.asarray(x)
        if self.phase_advance.dtype != raw.dtype:
            raise _err("PhaseVocoder", f"invalid parameter, data type of phase_advance should be equal to data type "
                                       f"of input tensor, but got: data type of phase_advance "
                                       f"{self.phase_advance.dtype} while data type of input tensor {raw.dtype}.")
        a, out = _complex_spec("PhaseVocoder", x)
        return _phase_vocoder(a, self.rate, self.phase_advance.astype(np.float64)).astype(out)


class TimeStretch(AudioTensorOperation):
    """Stretch a complex spectrogram (..., n_freq, time, 2) in time by ``fixed_rate`` (1: unchanged) without
    changing its pitch."""

    def __init__(self, hop_length=None, n_freq=201, fixed_rate=None):
        if hop_length is not None:
            _check_int(hop_length, "hop_length", 1)
        _check_int(n_freq, "n_freq", 1)
        if fixed_rate is not None:
            _check_float(fixed_rate, "fixed_rate", 0)
        super().__init__()
        self.n_freq = n_freq
        self.hop_length = hop_length if hop_length is not None else n_freq - 1
        self.fixed_rate = fixed_rate if fixed_rate is not None else 1.0

    def _execute(self, x):
        a, out = _complex_spec("TimeStretch", x)
        if a.shape[-3] != self.n_freq:
            raise _err("TimeStretch", f"the frequency dimension of the input, {a.shape[-3]}, should be n_freq "
                                      f"({self.n_freq}).")
        if self.fixed_rate == 1.0:
            return a.astype(out)
        advance = np.linspace(0, math.pi * self.hop_length, self.n_freq)[:, None]
        return _phase_vocoder(a, self.fixed_rate, advance).astype(out)


# ------------------------------------------------------------------ signal recovery, pitch, effects, dither, VAD
def _check_int_nonzero(value, name):
    type_check(value, (int,), name)
    if not -2147483648 <= value <= 2147483647 or value == 0:
        raise ValueError(f"Input {name} is not within the required interval of [-2147483648, 0) and (0, "
                         f"2147483647].")


def _float_out(op, x, min_rank=1):
    """The input as float64 or float32 (the reference computes in float64 only for float64 input)."""
    a, out = _signal(op, x, min_rank)
    return a.astype(out), out


class InverseSpectrogram(AudioTensorOperation):
    """The waveform (..., time) of a complex spectrogram (..., freq, frames, 2), by the inverse STFT."""

    def __init__(self, length=None, n_fft=400, win_length=None, hop_length=None, pad=0, window=WindowType.HANN,
                 normalized=False, center=True, pad_mode=BorderType.REFLECT, onesided=True):
        if length is not None:
            _check_int(length, "length", 0)
        _check_int(n_fft, "n_fft", 1)
        type_check(window, (WindowType,), "window")
        type_check(normalized, (bool,), "normalized")
        type_check(center, (bool,), "center")
        type_check(pad_mode, (BorderType,), "pad_mode")
        type_check(onesided, (bool,), "onesided")
        _check_int(pad, "pad", 0)
        _check_frames(n_fft, win_length, hop_length)
        super().__init__()
        self.length = length if length is not None else 0
        self.n_fft = n_fft
        self.win_length = win_length if win_length is not None else n_fft
        self.hop_length = hop_length if hop_length is not None else self.win_length // 2
        self.pad, self.window, self.normalized, self.center = pad, window, normalized, center
        self.pad_mode, self.onesided = pad_mode, onesided

    def _execute(self, x):
        a, out = _complex_spec("InverseSpectrogram", x)
        lead, (freq, frames) = a.shape[:-3], a.shape[-3:-1]
        spec = a.reshape((-1, freq, frames, 2)).astype(out)
        if self.normalized:
            win = _kernels.padded_window(self.window, self.win_length, self.n_fft, _window)
            spec = spec * out(np.sqrt(np.sum(win * win, dtype=np.float32)))
        spec = spec.astype(np.float64)
        rows = freq if self.onesided else self.n_fft // 2 + 1
        target = (frames - 1) * self.hop_length if self.length == 0 else self.length + 2 * self.pad
        waves = np.stack([_kernels.istft(s[:rows, :, 0] + 1j * s[:rows, :, 1], self.n_fft, self.hop_length,
                                         self.win_length, self.window, self.center, target, _window)
                          for s in spec]).astype(out)
        cols = waves.shape[-1] - 2 * self.pad
        if self.length != 0 and self.pad > 0:
            # the reference copies the trimmed waveform through a float32 buffer
            waves = waves[:, self.pad:self.pad + cols].astype(np.float32)
        elif cols != waves.shape[-1]:
            raise _err("InverseSpectrogram", f"cannot trim {self.pad} samples of padding from each end of a "
                                             f"waveform of {waves.shape[-1]} samples when length is 0.")
        return waves.reshape(lead + (cols,))


class GriffinLim(AudioTensorOperation):
    """A waveform (..., time) whose spectrogram has the magnitudes (..., n_fft // 2 + 1, frames) given, by
    Griffin-Lim phase recovery (``momentum``: the fast variant; ``rand_init``: random starting phases, drawn
    from the dataset seed)."""

    def __init__(self, n_fft=400, n_iter=32, win_length=None, hop_length=None, window_type=WindowType.HANN,
                 power=2.0, momentum=0.99, length=None, rand_init=True):
        _check_int(n_fft, "n_fft", 1)
        _check_int(n_iter, "n_iter", 1)
        _check_frames(n_fft, win_length, hop_length, least=0)
        type_check(window_type, (WindowType,), "window_type")
        type_check(power, (int, float), "power")
        check_value(power, 0, _FLOAT32_MAX, "power", left_open=True)
        _check_float(momentum, "momentum", 0)
        if length is not None:
            _check_int(length, "length", 0)
        type_check(rand_init, (bool,), "rand_init")
        super().__init__()
        self.n_fft, self.n_iter = n_fft, n_iter
        self.win_length = win_length if win_length else n_fft
        self.hop_length = hop_length if hop_length else self.win_length // 2
        self.window_type, self.power, self.momentum = window_type, power, momentum
        self.length = length if length else 0
        self.rand_init = rand_init
        self.random = rand_init

    def _execute(self, x):
        a, out = _float_out("GriffinLim", x, 2)
        lead = a.shape[:-2]
        if self.n_fft // 2 + 1 != a.shape[-2]:
            raise _err("GriffinLim", f"the frequency of the input should equal to n_fft / 2 + 1, but got n_fft: "
                                     f"{self.n_fft} and frequency dimension {a.shape[-2]}.")

        def stft(wave):
            return _stft(wave, self.n_fft, self.win_length, self.hop_length, 0, self.window_type, False, True,
                         BorderType.REFLECT, True)

        res = _kernels.griffin_lim(a.reshape((-1,) + a.shape[-2:]), self.n_fft, self.n_iter, self.win_length,
                                   self.hop_length, self.window_type, self.power, self.momentum, self.length,
                                   self.rand_init, out, stft, _window)
        return res.reshape(lead + res.shape[-1:])


class InverseMelScale(AudioTensorOperation):
    """A spectrogram (..., n_stft, time) whose mel spectrogram is the input (..., n_mels, time), by least squares
    (gradient steps from a random start drawn from the dataset seed; a 2-D input gives a leading axis of 1)."""

    def __init__(self, n_stft, n_mels=128, sample_rate=16000, f_min=0.0, f_max=None, max_iter=100000,
                 tolerance_loss=1e-5, tolerance_change=1e-8, sgdargs=None, norm=NormType.NONE, mel_type=MelType.HTK):
        _check_int(n_mels, "n_mels", 1)
        _check_int(sample_rate, "sample_rate", 1)
        _check_float(f_min, "f_min")
        if f_max is not None:
            type_check(f_max, (int, float), "f_max")
            check_value(f_max, 0, _FLOAT32_MAX, "f_max", left_open=True)
            if f_min >= f_max:
                raise ValueError("MelScale: f_max should be greater than f_min.")
        elif f_min >= sample_rate // 2:
            raise ValueError("MelScale: sample_rate // 2 should be greater than f_min when f_max is set to None.")
        _check_int(n_stft, "n_stft", 1)
        type_check(norm, (NormType,), "norm")
        type_check(mel_type, (MelType,), "mel_type")
        _check_int(max_iter, "max_iter", 1)
        for name, v in (("tolerance_loss", tolerance_loss), ("tolerance_change", tolerance_change)):
            type_check(v, (int, float), name)
            check_value(v, 0, _FLOAT32_MAX, name, left_open=True)
        if sgdargs is not None:
            for key in ("sgd_lr", "sgd_momentum"):
                _check_float(sgdargs[key], key, 0)
        super().__init__()
        self.n_stft, self.n_mels, self.sample_rate, self.f_min = n_stft, n_mels, sample_rate, f_min
        self.f_max = f_max if f_max is not None else sample_rate // 2
        self.max_iter, self.tolerance_loss, self.tolerance_change = max_iter, tolerance_loss, tolerance_change
        self.sgdargs = sgdargs if sgdargs is not None else {"sgd_lr": 0.1, "sgd_momentum": 0.9}
        self.norm, self.mel_type = norm, mel_type

    def _execute(self, x):
        a, out = _float_out("InverseMelScale", x, 2)
        if a.shape[-2] != self.n_mels:
            raise _err("InverseMelScale", "n_mels must be equal to the penultimate dimension of input.")
        f_max = float(self.f_max) if abs(float(self.f_max)) > np.finfo(np.float32).eps else \
            float(self.sample_rate // 2)
        fb = _mel_fbanks(self.n_stft, float(self.f_min), f_max, self.n_mels, self.sample_rate, self.norm,
                         self.mel_type)
        res = _kernels.inverse_mel(a.reshape((-1,) + a.shape[-2:]), fb, self.max_iter, np.float32(self.tolerance_loss),
                                   np.float32(self.tolerance_change), self.sgdargs["sgd_lr"], out)
        lead = a.shape[:-2] if a.ndim > 2 else (1,)
        return res.reshape(lead + res.shape[-2:]).astype(out)


class PitchShift(AudioTensorOperation):
    """Shift the pitch of a waveform (..., time) by ``n_steps`` steps of ``bins_per_octave`` per octave (phase
    vocoder time stretch, inverse STFT, resampling), keeping its length."""

    def __init__(self, sample_rate, n_steps, bins_per_octave=12, n_fft=512, win_length=None, hop_length=None,
                 window=WindowType.HANN):
        _check_int(sample_rate, "sample_rate", 0)
        _check_int(n_steps, "n_steps", -2147483648)
        _check_int_nonzero(bins_per_octave, "bins_per_octave")
        _check_int(n_fft, "n_fft", 1)
        type_check(window, (WindowType,), "window")
        _check_frames(n_fft, win_length, hop_length)
        super().__init__()
        self.sample_rate, self.n_steps, self.bins_per_octave, self.n_fft = sample_rate, n_steps, bins_per_octave, n_fft
        self.win_length = win_length if win_length is not None else n_fft
        self.hop_length = hop_length if hop_length is not None else self.win_length // 4
        self.window = window

    def _execute(self, x):
        a, out = _float_out("PitchShift", x)
        length = a.shape[-1]
        w = a.reshape(-1, length)
        spec = _stft(w, self.n_fft, self.win_length, self.hop_length, 0, self.window, False, True,
                     BorderType.REFLECT, True)
        spec = np.stack([spec.real, spec.imag], -1).astype(out).astype(np.float64)
        rate = float(np.float32(2.0 ** float(np.float32(-self.n_steps) / np.float32(self.bins_per_octave))))
        if abs(rate - 1.0) > np.finfo(np.float32).eps:
            advance = np.linspace(0, math.pi * self.hop_length, spec.shape[-3]).astype(out)[:, None]
            spec = _phase_vocoder(spec, np.float32(rate), advance.astype(np.float64)).astype(out)
        stretched = int(round(np.float32(length) / np.float32(rate)))
        waves = np.stack([_kernels.istft(s[..., 0] + 1j * s[..., 1], self.n_fft, self.hop_length, self.win_length,
                                         self.window, True, stretched, _window)
                          for s in spec.astype(np.float64)]).astype(out)
        shifted = Resample(int(self.sample_rate / rate), self.sample_rate)._resample(waves)
        if shifted.shape[-1] >= length:
            shifted = shifted[:, :length]
        else:
            shifted = np.pad(shifted, ((0, 0), (0, length - shifted.shape[-1])))
        return shifted.reshape(a.shape).astype(out)


class DetectPitchFrequency(AudioTensorOperation):
    """The pitch (Hz) of each frame of a waveform (..., time) -> (..., frames), float32."""

    def __init__(self, sample_rate, frame_time=0.01, win_length=30, freq_low=85, freq_high=3400):
        _check_int_nonzero(sample_rate, "sample_rate")
        for name, v in (("frame_time", frame_time), ("freq_low", freq_low), ("freq_high", freq_high)):
            type_check(v, (float, int) if name == "frame_time" else (int, float), name)
            check_value(v, 0, _FLOAT32_MAX, name, left_open=True)
        _check_int(win_length, "win_length", 1)
        super().__init__()
        self.sample_rate, self.frame_time, self.win_length = sample_rate, frame_time, win_length
        self.freq_low, self.freq_high = freq_low, freq_high

    def _execute(self, x):
        a, out = _float_out("DetectPitchFrequency", x)
        if np.asarray(x).dtype.kind != "f":
            raise _err("DetectPitchFrequency", f"the data type of input tensor does not match the requirement of "
                                               f"operator. Expecting tensor in type of [float, double]. But got type "
                                               f"{np.asarray(x).dtype}.")
        res = _kernels.detect_pitch(a.reshape(-1, a.shape[-1]), self.sample_rate, self.frame_time, self.win_length,
                                    self.freq_low, self.freq_high, out)
        return res.reshape(a.shape[:-1] + res.shape[-1:])


class Flanger(AudioTensorOperation):
    """SoX's flanger on a waveform (..., channel, time)."""

    def __init__(self, sample_rate, delay=0.0, depth=2.0, regen=0.0, width=71.0, speed=0.5, phase=25.0,
                 modulation=Modulation.SINUSOIDAL, interpolation=Interpolation.LINEAR):
        _check_int_nonzero(sample_rate, "sample_rate")
        for name, v, lo, hi in (("delay", delay, 0, 30), ("depth", depth, 0, 10), ("regen", regen, -95, 95),
                                ("width", width, 0, 100), ("speed", speed, 0.1, 10), ("phase", phase, 0, 100)):
            type_check(v, (float, int), name)
            check_value(v, lo, hi, name)
        type_check(modulation, (Modulation,), "modulation")
        type_check(interpolation, (Interpolation,), "interpolation")
        super().__init__()
        self.sample_rate, self.delay, self.depth, self.regen = sample_rate, delay, depth, regen
        self.width, self.speed, self.phase = width, speed, phase
        self.modulation, self.interpolation = modulation, interpolation

    def _execute(self, x):
        a, _ = _signal("Flanger", x, 2)
        w = a.astype(np.float64 if a.dtype == np.float64 else np.float32)
        res = _kernels.flanger(w.reshape((-1,) + w.shape[-2:]).astype(np.float64), self.sample_rate,
                               float(self.delay), float(self.depth), float(self.regen), float(self.width),
                               float(self.speed), float(self.phase), self.modulation == Modulation.SINUSOIDAL,
                               self.interpolation == Interpolation.QUADRATIC)
        return res.astype(w.dtype).reshape(a.shape).astype(a.dtype)


class Phaser(AudioTensorOperation):
    """SoX's phaser on a waveform (..., time)."""

    def __init__(self, sample_rate, gain_in=0.4, gain_out=0.74, delay_ms=3.0, decay=0.4, mod_speed=0.5,
                 sinusoidal=True):
        type_check(sample_rate, (int,), "sample_rate")
        check_value(sample_rate, -2147483648, 2147483647, "sample_rate")
        for name, v, lo, hi in (("gain_in", gain_in, 0, 1), ("gain_out", gain_out, 0, 1e9),
                                ("delay_ms", delay_ms, 0, 5.0), ("decay", decay, 0, 0.99),
                                ("mod_speed", mod_speed, 0.1, 2)):
            type_check(v, (float, int), name)
            check_value(v, lo, hi, name)
        type_check(sinusoidal, (bool,), "sinusoidal")
        super().__init__()
        self.decay, self.delay_ms, self.gain_in, self.gain_out = decay, delay_ms, gain_in, gain_out
        self.mod_speed, self.sample_rate, self.sinusoidal = mod_speed, sample_rate, sinusoidal

    def _execute(self, x):
        a, out = _float_out("Phaser", x)
        t = out
        res = _kernels.phaser(a.reshape(-1, a.shape[-1]), self.sample_rate, t(np.float32(self.gain_in)),
                              t(np.float32(self.gain_out)), float(np.float32(self.delay_ms)), t(np.float32(self.decay)),
                              float(np.float32(self.mod_speed)), self.sinusoidal)
        return res.reshape(a.shape).astype(out)


def _bartlett32(length):
    return _window(WindowType.BARTLETT, length).astype(np.float32)


class Dither(AudioTensorOperation):
    """Quantize a waveform (..., time) to 16 bits with dither (TPDF: a triangular ramp; RPDF and GPDF: sample
    values picked with the dataset seed), optionally noise-shaped."""

    def __init__(self, density_function=DensityFunction.TPDF, noise_shaping=False):
        type_check(density_function, (DensityFunction,), "density_function")
        type_check(noise_shaping, (bool,), "noise_shaping")
        super().__init__()
        self.density_function, self.noise_shaping = density_function, noise_shaping
        self.random = density_function != DensityFunction.TPDF

    def _execute(self, x):
        a, _ = _float_out("Dither", x)
        res = _kernels.dither(a.reshape(-1, a.shape[-1]), self.density_function.value, self.noise_shaping,
                              _bartlett32)
        return res.reshape(a.shape)


class MaskAlongAxisIID(AudioTensorOperation):
    """Mask a random stretch (width uniform in [0, mask_param], start uniform; drawn from the dataset seed) of
    the frequency (``axis`` 1) or time (``axis`` 2) axis of a spectrogram (..., freq, time) with ``mask_value``."""

    random = True

    def __init__(self, mask_param, mask_value, axis):
        _check_int(mask_param, "mask_param", 0)
        _check_mask_value_axis(mask_value, axis)
        super().__init__()
        self.mask_param, self.mask_value, self.axis = mask_param, mask_value, axis

    def _execute(self, x):
        a, out = _float_out("MaskAlongAxisIID", x, 2)
        return _random_mask(a.copy(), out, self.mask_param, self.mask_value, -2 if self.axis == 1 else -1)


class Vad(AudioTensorOperation):
    """Voice activity detection: trim a waveform (..., time) before the detected start of speech."""

    def __init__(self, sample_rate, trigger_level=7.0, trigger_time=0.25, search_time=1.0, allowed_gap=0.25,
                 pre_trigger_time=0.0, boot_time=0.35, noise_up_time=0.1, noise_down_time=0.01,
                 noise_reduction_amount=1.35, measure_freq=20.0, measure_duration=None, measure_smooth_time=0.4,
                 hp_filter_freq=50.0, lp_filter_freq=6000.0, hp_lifter_freq=150.0, lp_lifter_freq=2000.0):
        _check_int(sample_rate, "sample_rate", 1)
        _check_float(trigger_level, "trigger_level")
        for name, v in (("trigger_time", trigger_time), ("search_time", search_time), ("allowed_gap", allowed_gap),
                        ("pre_trigger_time", pre_trigger_time), ("boot_time", boot_time),
                        ("noise_up_time", noise_up_time), ("noise_down_time", noise_down_time)):
            _check_float(v, name, 0)
        if noise_up_time < noise_down_time:
            raise ValueError(f"Input noise_up_time should be greater than noise_down_time, but got noise_up_time: "
                             f"{noise_up_time} and noise_down_time: {noise_down_time}.")
        _check_float(noise_reduction_amount, "noise_reduction_amount", 0)
        type_check(measure_freq, (int, float), "measure_freq")
        check_value(measure_freq, 0, _FLOAT32_MAX, "measure_freq", left_open=True)
        if measure_duration:
            _check_float(measure_duration, "measure_duration", 0)
        _check_float(measure_smooth_time, "measure_smooth_time", 0)
        for name, v in (("hp_filter_freq", hp_filter_freq), ("lp_filter_freq", lp_filter_freq),
                        ("hp_lifter_freq", hp_lifter_freq), ("lp_lifter_freq", lp_lifter_freq)):
            type_check(v, (int, float), name)
            check_value(v, 0, _FLOAT32_MAX, name, left_open=True)
        super().__init__()
        self.sample_rate, self.trigger_level, self.trigger_time = sample_rate, trigger_level, trigger_time
        self.search_time, self.allowed_gap, self.pre_trigger_time = search_time, allowed_gap, pre_trigger_time
        self.boot_time, self.noise_up_time, self.noise_down_time = boot_time, noise_up_time, noise_down_time
        self.noise_reduction_amount, self.measure_freq = noise_reduction_amount, measure_freq
        self.measure_duration = measure_duration if measure_duration else 2.0 / measure_freq
        self.measure_smooth_time = measure_smooth_time
        self.hp_filter_freq, self.lp_filter_freq = hp_filter_freq, lp_filter_freq
        self.hp_lifter_freq, self.lp_lifter_freq = hp_lifter_freq, lp_lifter_freq

    def _execute(self, x):
        a, out = _float_out("Vad", x)
        f32 = np.float32
        sr = self.sample_rate
        measure_len = int(f32(sr) * f32(self.measure_duration) + 0.5)
        dft_len = 16
        while dft_len < measure_len:
            dft_len *= 2
        start = max(int(f32(self.hp_filter_freq) / f32(sr) * f32(dft_len) + 0.5), 1)
        end = min(int(f32(self.lp_filter_freq) / f32(sr) * f32(dft_len) + 0.5), dft_len // 2)
        if end <= start:
            raise _err("Vad", "the end of spectrum must be greater than the start. Check if `hp_filter_freq` is too "
                              "large or `lp_filter_freq` is too small.")
        c_start = math.ceil(sr * 0.5 / f32(self.lp_lifter_freq))
        c_end = min(math.floor(sr * 0.5 / f32(self.hp_lifter_freq)), dft_len // 4)
        if c_end <= c_start:
            raise _err("Vad", "the end of cepstrum must be greater than the start. Check if `hp_lifter_freq` is too "
                              "large or `lp_lifter_freq` is too small.")
        cut = _kernels.vad_start(a.shape[-1], sr, f32(self.trigger_level), f32(self.search_time),
                                 f32(self.pre_trigger_time), f32(self.measure_freq), f32(self.measure_duration))
        return a[..., cut:].copy()

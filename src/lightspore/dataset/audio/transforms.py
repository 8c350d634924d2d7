"""mindspore.dataset.audio.transforms: audio transforms on numpy arrays shaped (..., time) (spectrogram
transforms: (..., freq, time); complex inputs: (..., 2) real/imaginary pairs).

The math follows the reference's operators (the torchaudio formulas); it is computed in float64 and returned
as float32 (float64 for float64 input), and is golden-tested against MindSpore 2.7.1.
"""
import math

import numpy as np

from ..transforms._check import check_value, type_check
from ..transforms.transforms import TensorOperation
from .utils import (
    BorderType,
    FadeShape,
    GainType,
    MelType,
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


def _check_spec_args(n_fft, win_length, hop_length, pad, power, normalized, center, onesided, window, pad_mode):
    _check_int(n_fft, "n_fft", 1)
    if win_length is not None:
        _check_int(win_length, "win_length", 1)
        if win_length > n_fft:
            raise ValueError(f"Input win_length should be no more than n_fft, but got win_length: {win_length} and "
                             f"n_fft: {n_fft}.")
    if hop_length is not None:
        _check_int(hop_length, "hop_length", 1)
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
            lead = res.reshape((-1,) + res.shape[-2:])
            for m in lead:
                width = int(np.random.uniform(0, param))
                start = int(np.random.uniform(0, size - width))
                idx = [slice(None)] * 2
                idx[self._axis] = slice(start, start + width)
                m[tuple(idx)] = self.mask_value
            return res
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


class MuLawEncoding(AudioTensorOperation):
    """Mu-law companding to integers in [0, quantization_channels)."""

    def __init__(self, quantization_channels=256):
        _check_int(quantization_channels, "quantization_channels", 1)
        super().__init__()
        self.quantization_channels = quantization_channels

    def _execute(self, x):
        a, _ = _signal("MuLawEncoding", x)
        mu = self.quantization_channels - 1.0
        w = a.astype(np.float64)
        y = np.sign(w) * np.log1p(mu * np.abs(w)) / math.log1p(mu)
        return ((y + 1) / 2 * mu + 0.5).astype(np.int32)


class MuLawDecoding(AudioTensorOperation):
    """Inverse of MuLawEncoding."""

    def __init__(self, quantization_channels=256):
        _check_int(quantization_channels, "quantization_channels", 1)
        super().__init__()
        self.quantization_channels = quantization_channels

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
def _lfilter(w, a_coeffs, b_coeffs, clamp):
    """Direct-form IIR filtering along the last axis (coefficients normalized by a0), zero initial state."""
    a = [float(v) / float(a_coeffs[0]) for v in a_coeffs]
    b = [float(v) / float(a_coeffs[0]) for v in b_coeffs]
    order = len(a)
    x = w.reshape(-1, w.shape[-1])
    y = np.empty_like(x)
    for r in range(x.shape[0]):
        xs = x[r].tolist()
        ys = [0.0] * len(xs)
        # plain floats: a sample at a time is cheaper in Python scalars than in numpy calls
        for t in range(len(xs)):
            acc = 0.0
            for k in range(min(order, t + 1)):
                acc += b[k] * xs[t - k]
                if k:
                    acc -= a[k] * ys[t - k]
            ys[t] = acc
        y[r] = ys
    if clamp:
        y = np.clip(y, -1, 1)
    return y.reshape(w.shape)


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
        return _lfilter(a.astype(np.float64), self.a_coeffs, self.b_coeffs, self.clamp).astype(out)


class _BiquadBase(AudioTensorOperation):
    def _coeffs(self):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def _execute(self, x):
        a, out = _signal(type(self).__name__, x)
        b0, b1, b2, a0, a1, a2 = self._coeffs()
        return _lfilter(a.astype(np.float64), [a0, a1, a2], [b0, b1, b2], True).astype(out)


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


class BassBiquad(_BiquadBase):
    """Low-shelf filter: ``gain`` dB below ``central_freq``."""

    def __init__(self, sample_rate, gain, central_freq=100.0, Q=0.707):  # noqa: N803
        _check_rate(sample_rate)
        _check_float(gain, "gain")
        _check_float(central_freq, "central_freq")
        _check_q(Q)
        super().__init__()
        self.sample_rate, self.gain, self.central_freq, self.Q = sample_rate, gain, central_freq, Q

    def _coeffs(self):
        return _shelf(self.sample_rate, self.gain, self.central_freq, self.Q, False)


class TrebleBiquad(_BiquadBase):
    """High-shelf filter: ``gain`` dB above ``central_freq``."""

    def __init__(self, sample_rate, gain, central_freq=3000, Q=0.707):  # noqa: N803
        _check_rate(sample_rate)
        _check_float(gain, "gain")
        _check_float(central_freq, "central_freq")
        _check_q(Q)
        super().__init__()
        self.sample_rate, self.gain, self.central_freq, self.Q = sample_rate, gain, central_freq, Q

    def _coeffs(self):
        return _shelf(self.sample_rate, self.gain, self.central_freq, self.Q, True)


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

    def _kernel(self, orig, new):
        width_f = self.lowpass_filter_width
        base = min(orig, new) * self.rolloff
        width = math.ceil(width_f * orig / base)
        idx = np.arange(-width, width + orig, dtype=np.float64)[None, :] / orig
        t = np.arange(0, -new, -1, dtype=np.float64)[:, None] / new + idx
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
        g = math.gcd(int(self.orig_freq), int(self.new_freq))
        orig, new = int(self.orig_freq) // g, int(self.new_freq) // g
        if getattr(self, "_cached", None) is None or self._cached[0] != (orig, new):
            self._cached = ((orig, new), self._kernel(orig, new))
        kernel, width = self._cached[1]
        w = a.astype(np.float64).reshape(-1, a.shape[-1])
        length = w.shape[-1]
        p = np.pad(w, ((0, 0), (width, width + orig)))
        frames = (p.shape[-1] - kernel.shape[-1]) // orig + 1
        idx = np.arange(kernel.shape[-1])[None, :] + orig * np.arange(frames)[:, None]
        seg = p[:, idx]                                   # (batch, frames, K)
        res = (seg @ kernel.T).reshape(w.shape[0], -1)
        target = math.ceil(new * length / orig)
        return res[:, :target].reshape(a.shape[:-1] + (target,)).astype(out)


class Filtfilt(AudioTensorOperation):
    """Zero-phase IIR filtering: the filter forward (unclipped), then backward over the reversed result."""

    def __init__(self, a_coeffs, b_coeffs, clamp=True):
        LFilter(a_coeffs, b_coeffs, clamp)   # same argument checks
        super().__init__()
        self.a_coeffs, self.b_coeffs, self.clamp = list(a_coeffs), list(b_coeffs), clamp

    def _execute(self, x):
        a, out = _signal("Filtfilt", x)
        fwd = _lfilter(a.astype(np.float64), self.a_coeffs, self.b_coeffs, False)
        back = _lfilter(np.ascontiguousarray(fwd[..., ::-1]), self.a_coeffs, self.b_coeffs, self.clamp)
        return np.ascontiguousarray(back[..., ::-1]).astype(out)


class MaskAlongAxis(AudioTensorOperation):
    """Set ``mask_width`` rows (``axis`` 1: frequency) or columns (``axis`` 2: time) from ``mask_start`` of a
    spectrogram (..., freq, time) to ``mask_value``."""

    def __init__(self, mask_start, mask_width, mask_value, axis):
        _check_int(mask_start, "mask_start", 0)
        _check_int(mask_width, "mask_width", 1)
        _check_float(mask_value, "mask_value")
        type_check(axis, (int,), "axis")
        if axis not in (1, 2):
            raise ValueError(f"Input axis is not within the required interval of [1, 2], but got {axis}.")
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
        res = np.empty_like(w)
        for r in range(w.shape[0]):
            t, ws = temp[r].tolist(), w[r].tolist()
            last_in = last_out = 0.0
            row = [0.0] * len(t)
            for i, v in enumerate(t):
                last_out = v - last_in + 0.995 * last_out
                last_in = v
                row[i] = ws[i] * 0.5 + last_out * 0.75
            res[r] = row
        return np.clip(res, -1, 1).reshape(a.shape).astype(out)


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

"""Kernels of the audio transforms that recover signals or model effects: the inverse STFT, Griffin-Lim, the
inverse mel scale, pitch detection and shifting, the flanger and phaser delay lines, dither and the voice
activity detector. They follow the reference's C++ operators step by step (its frame counts, padding, rounding
and the float32 steps where it computes in float32); the arithmetic is numpy.

The random ones draw from a Mersenne twister (MT19937, numpy's bit generator) seeded like the reference's
operators: with ``dataset.config.set_seed(s)`` every call of a transform restarts from ``s`` (the reference builds
its operator, and seeds it, at each eager call), and the draws are turned into numbers the way the C++ standard
library's ``generate_canonical`` / ``uniform_int_distribution`` do, so seeded results equal the reference's.
"""
import math
import os

import numpy as np

from .. import config as _config

_FLT_MIN = float(np.finfo(np.float32).tiny)
_DEFAULT_SEED = 5489          # std::mt19937::default_seed: the reference treats it as "no seed set"


# ------------------------------------------------------------------ random numbers
class Mt19937:
    """MT19937 with the reference's seeding and its distributions."""

    def __init__(self, seed=None):
        if seed is None:
            seed = _config.get_seed()
            if seed == _DEFAULT_SEED:
                seed = int.from_bytes(os.urandom(4), "little")
        self._bits = np.random.MT19937()
        self._bits._legacy_seeding(int(seed) & 0xFFFFFFFF)

    def raw(self, n):
        """``n`` 32-bit outputs as uint64."""
        return self._bits.random_raw(int(n)).astype(np.uint64)

    def uniform_float32(self, n):
        """generate_canonical<float>: one draw, float(r) / 2**32 in float32, below 1."""
        r = self.raw(n).astype(np.float32)
        out = r / np.float32(4294967296.0)
        return np.where(out >= 1, np.nextafter(np.float32(1), np.float32(0)), out).astype(np.float32)

    def uniform_float64(self, n):
        """generate_canonical<double>: two draws, (r0 + r1 * 2**32) / 2**64, below 1."""
        r = self.raw(2 * n).astype(np.float64).reshape(-1, 2) if n else np.zeros((0, 2))
        out = (r[:, 0] + r[:, 1] * 4294967296.0) / 18446744073709551616.0
        return np.where(out >= 1, np.nextafter(1.0, 0.0), out)

    def uniform_int(self, lo, hi):
        """uniform_int_distribution<int>(lo, hi) of libstdc++ (Lemire's multiply-shift for a 32-bit engine)."""
        span = hi - lo + 1
        if span <= 0 or span > 0xFFFFFFFF:
            return lo + int(self.raw(1)[0])
        product = int(self.raw(1)[0]) * span
        low = product & 0xFFFFFFFF
        if low < span:
            threshold = (-span) % span
            while low < threshold:
                product = int(self.raw(1)[0]) * span
                low = product & 0xFFFFFFFF
        return lo + (product >> 32)


# ------------------------------------------------------------------ windows and the inverse STFT
def window32(kind, length, window_fn):
    """The reference's float32 window (length 1: [1])."""
    if length == 1:
        return np.ones(1, np.float32)
    return window_fn(kind, length).astype(np.float32)


def padded_window(kind, win_length, n_fft, window_fn):
    win = window32(kind, win_length, window_fn)
    left = (n_fft - win_length) // 2
    return np.pad(win, (left, n_fft - win_length - left))


def istft(spec, n_fft, hop_length, win_length, window, center, length, window_fn):
    """Inverse STFT of one complex spectrogram ``spec`` (freq, frames) -> float64 waveform (the reference names
    GriffinLim in its errors whichever transform calls it)."""
    if n_fft != (spec.shape[0] - 1) * 2:
        raise RuntimeError(f"GriffinLim: the frequency of the input should equal to n_fft / 2 + 1, but got n_fft: "
                           f"{n_fft} and frequency dimension {spec.shape[0]}.")
    win = padded_window(window, win_length, n_fft, window_fn)
    if length != 0 and hop_length != 0:
        padded = length + n_fft if center else length
        n_frames = min(spec.shape[1], int(math.ceil(np.float32(padded) / np.float32(hop_length))))
    else:
        n_frames = spec.shape[1]
    total = n_fft + hop_length * (n_frames - 1)
    frames = np.fft.irfft(spec[:, :n_frames], n=n_fft, axis=0) * win.astype(np.float64)[:, None]
    y = np.zeros(total)
    wss = np.zeros(total, np.float32)
    sq = win * win
    for k in range(n_frames):
        s = k * hop_length
        y[s:s + n_fft] += frames[:, k]
        wss[s:s + n_fft] += sq[:total - s]
    ok = wss > _FLT_MIN
    y[ok] /= wss[ok]
    if length == 0 and center:
        half = n_fft // 2
        return y[half:total - half]
    y = y[(n_fft // 2 if center else 0):]
    if length > y.shape[0]:
        return np.pad(y, (0, length - y.shape[0]))
    return y[:length]


# ------------------------------------------------------------------ Griffin-Lim
def griffin_lim(spec, n_fft, n_iter, win_length, hop_length, window, power, momentum, length, rand_init, out,
                stft_fn, window_fn):
    """Waveforms (batch, time) from magnitude spectrograms ``spec`` (batch, freq, time) of dtype ``out``."""
    mags = np.power(spec.astype(out), out(1.0) / out(power)).astype(np.float64)
    rng = Mt19937() if rand_init else None
    # the reference's operator stores momentum / (1 + momentum) and its kernel scales the previous rebuilt
    # spectrum by m / (1 + m) of that stored value (float32 arithmetic both times)
    m = np.float32(momentum) / (np.float32(1) + np.float32(momentum))
    decay = float(m / (np.float32(1) + m))
    res = []
    eps = float(np.float32(1e-16))
    for mag in mags:
        if rand_init:
            # column-major over (freq, time); each element draws its imaginary part first, then its real part
            draws = rng.uniform_float64(2 * mag.size).reshape(-1, 2)
            angles = (draws[:, 1] + 1j * draws[:, 0]).reshape(mag.shape[::-1]).T
        else:
            angles = np.ones(mag.shape, np.complex128)
        tprev = np.zeros(mag.shape, np.complex128)
        for _ in range(n_iter):
            wave = istft(angles * mag, n_fft, hop_length, win_length, window, True, length, window_fn).astype(out)
            rebuilt = stft_fn(wave)
            if rebuilt.shape != mag.shape:
                # the reference reads past its buffer here; refuse instead
                raise RuntimeError(f"GriffinLim: a waveform of length {wave.shape[-1]} has {rebuilt.shape[-1]} STFT "
                                   f"frames, but the spectrogram has {mag.shape[-1]}: set length so that they agree.")
            rebuilt = rebuilt.real.astype(out) + 1j * rebuilt.imag.astype(out)
            angles = rebuilt
            if m != 0:
                angles = angles - tprev * decay
            angles = angles / (np.abs(angles) + eps)
            tprev = rebuilt
        res.append(istft(angles * mag, n_fft, hop_length, win_length, window, True, length, window_fn))
    return np.stack(res).astype(out)


# ------------------------------------------------------------------ inverse mel scale
def inverse_mel(mel, fb, max_iter, tolerance_loss, tolerance_change, lr, out):
    """Least-squares spectrograms (batch, n_stft, time) under the filter bank ``fb`` (n_stft, n_mels) by plain
    gradient steps from a uniform random start, in the dtype ``out`` (the reference's SGD keeps no momentum
    between steps: its momentum buffer is created anew at each step)."""
    rng = Mt19937()
    n_stft = fb.shape[0]
    fb = fb.astype(out)
    lr = out(np.float32(lr))
    res = []
    for m in mel.astype(out):
        target = m.T                                   # (time, n_mels)
        time = target.shape[0]
        draws = rng.uniform_float32(time * n_stft) if out == np.float32 else rng.uniform_float64(time * n_stft)
        spec = draws.astype(out).reshape(n_stft, time).T  # column-major (time, n_stft)
        loss = np.finfo(out).max
        for _ in range(max_iter):
            diff = target - spec @ fb
            new_loss = out(np.mean(np.square(diff), dtype=out))
            grad = (diff @ fb.T) * out(-1) / out(time)
            step = (spec - lr * grad).astype(out)
            if new_loss < tolerance_loss or abs(loss - new_loss) < tolerance_change:
                break
            loss = new_loss
            spec = step
        res.append(np.maximum(spec, 0).T)
    return np.stack(res)


# ------------------------------------------------------------------ pitch
def detect_pitch(w, sample_rate, frame_time, win_length, freq_low, freq_high, out):
    """Pitch (Hz) of each frame of each row of ``w`` (rows, time): the lag of the highest normalized
    cross-correlation, median-smoothed over ``win_length`` frames."""
    rows, length = w.shape
    lags = int(math.ceil(np.float32(sample_rate) / np.float32(freq_low)))
    frame_size = int(math.ceil(np.float32(sample_rate * np.float32(frame_time))))
    n_frames = int(math.ceil(np.float32(length) / np.float32(frame_size)))
    pad = lags + n_frames * frame_size - length
    x = np.pad(w.astype(np.float64), ((0, 0), (0, pad)))
    span = n_frames * frame_size
    s1 = x[:, :span].reshape(rows, n_frames, frame_size)
    norm1 = np.sum(s1 * s1, axis=-1)
    nccf = np.empty((rows, n_frames, lags))
    for lag in range(1, lags + 1):
        s2 = x[:, lag:lag + span].reshape(rows, n_frames, frame_size)
        norm2 = np.sum(s2 * s2, axis=-1)
        num = np.sum(s1 * s2, axis=-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            nccf[:, :, lag - 1] = np.where((norm1 != 0) & (norm2 != 0), num / norm1 / norm2, 0.0)
    nccf = nccf.astype(out)
    lag_min = int(math.ceil(np.float32(sample_rate) / np.float32(freq_high)))
    tail = nccf[..., lag_min:]
    best = lag_min + np.argmax(tail, axis=-1)
    best_val = np.take_along_axis(nccf, best[..., None], -1)[..., 0]
    head = nccf[..., lag_min:max(lags // 2, lag_min + 1)]
    half = lag_min + np.argmax(head, axis=-1)
    half_val = np.take_along_axis(nccf, half[..., None], -1)[..., 0]
    idx = np.where(half_val > best_val * out(0.99), half, best) + 1
    # median smoothing: the first value repeated on the left, windows of win_length, the lower median
    p = (win_length - 1) // 2
    padded = np.concatenate([np.repeat(idx[:, :1], p, axis=1), idx], axis=1)
    n_out = n_frames + p - win_length + 1
    if n_out <= 0:
        return np.zeros((rows, 0), np.float32)
    windows = np.stack([padded[:, j:j + win_length] for j in range(n_out)], axis=1)
    med = np.sort(windows, axis=-1)[..., p]
    return (sample_rate / (1e-9 + med)).astype(np.float32)


# ------------------------------------------------------------------ modulated delay lines
def wave_table(as_int, sinusoidal, size, lo, hi, phase):
    """The reference's LFO table (float32 arithmetic; integer tables rounded half away from zero)."""
    offset = int(phase / math.pi / 2 * size + 0.5)
    point = (np.arange(size) + offset) % size
    if sinusoidal:
        table = ((np.sin(point * math.pi / size * 2) + 1) / 2).astype(np.float32)
    else:
        table = (point * 2.0 / size).astype(np.float32)
        quarter = 4 * point // size
        table = np.where(quarter == 0, table + np.float32(0.5),
                         np.where((quarter == 1) | (quarter == 2), np.float32(1.5) - table,
                                  np.where(quarter == 3, table - np.float32(1.5), table))).astype(np.float32)
    table = table * (np.float32(hi) - np.float32(lo)) + np.float32(lo)
    if as_int:
        table = np.where(table < 0, table - np.float32(0.5), table + np.float32(0.5)).astype(np.int32)
    return table


def flanger(x, sample_rate, delay, depth, regen, width, speed, phase, sinusoidal, quadratic):
    """SoX's flanger on ``x`` (batch, channels, time), float64 arithmetic."""
    feedback_gain = regen / 100.0
    delay_gain = width / 100.0
    channel_phase = phase / 100.0
    delay_min = delay / 1000.0
    delay_depth = depth / 1000.0
    in_gain = 1.0 / (1 + delay_gain)
    delay_gain = delay_gain / (1 + delay_gain) * (1 - abs(feedback_gain))
    buf_len = int((delay_min + delay_depth) * sample_rate + 0.5) + 2
    lfo_len = int(sample_rate / speed)
    lfo = wave_table(False, sinusoidal, lfo_len, math.floor(delay_min * sample_rate + 0.5), buf_len - 2.0,
                     3 * math.pi / 2).astype(np.float64)
    batch, channels, time = x.shape
    bufs = np.zeros((batch, channels, buf_len))
    last = np.zeros((batch, channels))
    res = np.empty_like(x)
    ch_phase = np.array([int(j * lfo_len * channel_phase + 0.5) for j in range(channels)])
    rows = np.arange(channels)
    pos = lfo_pos = 0
    for t in range(time):
        pos = (pos + buf_len - 1) % buf_len
        d = lfo[(lfo_pos + ch_phase) % lfo_len]
        frac = d - np.trunc(d)
        idx = np.floor(d).astype(np.int64)
        bufs[:, :, pos] = x[:, :, t] + last * feedback_gain
        a = bufs[:, rows, (pos + idx) % buf_len]
        b = bufs[:, rows, (pos + idx + 1) % buf_len]
        if quadratic:
            c = bufs[:, rows, (pos + idx + 2) % buf_len] - a
            b = b - a
            delayed = a + ((c * 0.5 - b) * frac + (b * 2 - c * 0.5)) * frac
        else:
            delayed = a + (b - a) * frac
        last = delayed
        res[:, :, t] = x[:, :, t] * in_gain + delayed * delay_gain
        lfo_pos = (lfo_pos + 1) % lfo_len
    return np.clip(res, -1, 1)


def phaser(x, sample_rate, gain_in, gain_out, delay_ms, decay, mod_speed, sinusoidal):
    """SoX's phaser on ``x`` (channels, time): a delay line with a modulated tap and feedback ``decay``."""
    sig = x * gain_in
    buf_len = int(delay_ms * 0.001 * sample_rate + 0.5)
    mod_len = int(np.float32(sample_rate) / np.float32(mod_speed) + 0.5)
    mod = wave_table(True, sinusoidal, mod_len, 1.0, float(buf_len), math.pi / 2).astype(np.int64)
    buf = np.zeros((x.shape[0], buf_len), dtype=x.dtype)
    res = np.empty_like(sig)
    delay_pos = mod_pos = 0
    for t in range(x.shape[1]):
        idx = (delay_pos + mod[mod_pos]) % buf_len
        mod_pos = (mod_pos + 1) % mod_len
        delay_pos = (delay_pos + 1) % buf_len
        cur = sig[:, t] + buf[:, idx]
        res[:, t] = cur
        buf[:, delay_pos] = cur * decay
    # the reference clamps through float32
    return np.clip((res * gain_out).astype(np.float32), -1, 1)


# ------------------------------------------------------------------ dither
def _round_half_away(v):
    return np.sign(v) * np.floor(np.abs(v) + 0.5)


def dither(x, density, noise_shaping, bartlett):
    """Quantize ``x`` (rows, time) to 16 bits with the reference's dither (``x``'s dtype arithmetic)."""
    rng = Mt19937()
    x = x.copy()
    rows, time = x.shape
    t = x.dtype.type
    rc = rng.uniform_int(0, rows - 1) if rows > 1 else 0
    rt = rng.uniform_int(0, time - 1) if time > 1 else 0
    scaled = x * t(32766)
    if density == "RPDF":
        noisy = scaled + x[rc, rt]
    elif density == "GPDF":
        gauss = x[rc, rt]
        for _ in range(6):
            r2 = rng.uniform_int(0, rows - 1) if rows > 1 else 0
            t2 = rng.uniform_int(0, time - 1) if time > 1 else 0
            gauss = gauss + x[r2, t2]
            x[r2, t2] = gauss
        noisy = scaled + gauss
    else:
        noisy = scaled + bartlett(time).astype(x.dtype)[None, :]
    res = (_round_half_away(noisy) / t(32768)).astype(x.dtype)
    if noise_shaping:
        err = res - x
        res = res + np.concatenate([np.zeros((rows, 1), x.dtype), err[:, :-1]], axis=1)
    return res


# ------------------------------------------------------------------ voice activity detection
def vad_start(length, sample_rate, trigger_level, search_time, pre_trigger_time, measure_freq, measure_duration):
    """Where the reference's detector cuts a waveform of ``length`` samples (the kept tail starts there).

    The reference's measure builds its cepstrum from the zero-filled front of a buffer it appends the noise-reduced
    spectrum to, so every measure it takes is 0: its detector triggers at its first measure when ``trigger_level``
    is at most 0 and never otherwise, and the cut follows from its buffer lengths."""
    measure_len = int(sample_rate * measure_duration + 0.5)
    period = int(sample_rate / measure_freq + 0.5)
    measures_len = int(math.ceil(search_time * measure_freq))
    pre_trigger = int(pre_trigger_time * sample_rate + 0.5)
    samples_len = pre_trigger + measures_len * period + measure_len
    if trigger_level <= 0 and measure_len - 1 < length:
        pos, flushed = measure_len, measures_len * period     # triggered at the first measure, nothing to flush
    else:
        pos, flushed = length, 0
    start = pos - samples_len + flushed
    if start < -length:
        start = 0
    elif start < 0:
        start += length
    return start

"""Cases shared by gen_dataset_audio.py (run on MindSpore 2.7.1) and tests/test_dataset_audio.py (lightspore):
(name, expression, tolerance). Expressions see ``audio`` (mindspore.dataset.audio), ``U`` (its utils), ``np``
and the inputs of ``inputs()``; values are compared with ``rtol=atol=tolerance`` (0: exactly)."""
import numpy as np


def inputs():
    rng = np.random.default_rng(20261205)
    t = np.arange(800) / 8000.0
    wave = (0.5 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 1230 * t)
            + 0.05 * rng.standard_normal(t.size)).astype(np.float32)
    return {
        "WAVE": wave,
        "WAVE64": wave.astype(np.float64),
        "WAVE2": np.stack([wave, wave[::-1].copy() * 0.7]),
        "SHORT": rng.uniform(-1, 1, 300).astype(np.float32),
        "SPEC": np.abs(rng.standard_normal((2, 33, 20))).astype(np.float32) + 1e-3,
        "SPEC1": np.abs(rng.standard_normal((21, 15))).astype(np.float32),
        "CPLX": rng.standard_normal((3, 7, 2)).astype(np.float32),
        "FEAT": rng.standard_normal((2, 13, 40)).astype(np.float32),
        "INTS": np.array([1, 2, 3], np.int32),
        "CSPEC": rng.standard_normal((2, 9, 12, 2)).astype(np.float32),
        "MELKW": {"n_fft": 64, "win_length": 64, "hop_length": 32, "f_min": 0.0, "f_max": 4000.0, "pad": 0,
                  "n_mels": 16, "window": None, "power": 2.0, "normalized": False, "center": True,
                  "pad_mode": None, "onesided": True, "norm": None, "mel_scale": None},
        "SPECKW": {"n_fft": 64, "win_length": 48, "hop_length": 16, "pad": 0, "window": None, "power": 2.0,
                   "normalized": False, "center": True, "pad_mode": None, "onesided": True},
    }


def fill_enums(env, U):
    """The kwargs dicts name enums of the module under test (reference or lightspore)."""
    for key, extra in (("MELKW", {"norm": U.NormType.NONE, "mel_scale": U.MelType.HTK}), ("SPECKW", {})):
        env[key] = dict(env[key], window=U.WindowType.HANN, pad_mode=U.BorderType.REFLECT, **extra)


CASES = [
    # spectrograms
    ("spectrogram", "audio.Spectrogram(n_fft=64)(WAVE)", 1e-4),
    ("spectrogram_options", "audio.Spectrogram(n_fft=64, win_length=48, hop_length=16, pad=3, "
                            "window=U.WindowType.HAMMING, power=1.0, normalized=True, center=True, "
                            "pad_mode=U.BorderType.CONSTANT)(WAVE)", 1e-4),
    ("spectrogram_nocenter", "audio.Spectrogram(n_fft=50, center=False, window=U.WindowType.BLACKMAN)(WAVE2)", 1e-4),
    ("spectrogram_f64", "audio.Spectrogram(n_fft=32, window=U.WindowType.BARTLETT, pad_mode=U.BorderType.EDGE)"
                        "(WAVE64)", 1e-4),
    ("spectrogram_kaiser", "audio.Spectrogram(n_fft=40, window=U.WindowType.KAISER, "
                           "pad_mode=U.BorderType.SYMMETRIC)(SHORT)", 1e-4),
    ("spectrogram_complex", "audio.Spectrogram(n_fft=16, power=None)(SHORT[:64])", 1e-4),
    ("spectrogram_int", "audio.Spectrogram(n_fft=16)(INTS)", 1e-4),
    ("spectrogram_bad_nfft", "audio.Spectrogram(n_fft=0)", 0),
    ("melscale", "audio.MelScale(n_mels=16, sample_rate=8000, n_stft=33)(SPEC)", 1e-4),
    ("melscale_slaney", "audio.MelScale(n_mels=10, sample_rate=8000, f_min=50.0, f_max=3000.0, n_stft=21, "
                        "norm=U.NormType.SLANEY, mel_type=U.MelType.SLANEY)(SPEC1)", 1e-4),
    ("melspectrogram", "audio.MelSpectrogram(sample_rate=8000, n_fft=64, n_mels=12)(WAVE)", 1e-4),
    ("melspectrogram_slaney", "audio.MelSpectrogram(sample_rate=8000, n_fft=64, hop_length=20, n_mels=8, f_min=20.0, "
                              "power=1.0, norm=U.NormType.SLANEY, mel_scale=U.MelType.SLANEY)(WAVE2)", 1e-4),
    ("amplitude_to_db", "audio.AmplitudeToDB()(SPEC)", 1e-4),
    ("amplitude_to_db_mag", "audio.AmplitudeToDB(stype=U.ScaleType.MAGNITUDE, ref_value=2.0, amin=1e-5, "
                            "top_db=20.0)(SPEC)", 1e-4),
    ("amplitude_to_db_3d_top", "audio.AmplitudeToDB(top_db=10.0)(SPEC[0])", 1e-4),
    ("db_to_amplitude", "audio.DBToAmplitude(0.5, 0.5)(FEAT)", 1e-4),
    ("mfcc", "audio.MFCC(sample_rate=8000, n_mfcc=8, melkwargs=MELKW)(WAVE)", 1e-3),
    ("mfcc_default", "audio.MFCC(sample_rate=8000, n_mfcc=6)(np.tile(WAVE, 2))", 1e-3),
    ("mfcc_log", "audio.MFCC(sample_rate=8000, n_mfcc=6, dct_type=2, norm=U.NormMode.NONE, log_mels=True, "
                 "melkwargs=dict(MELKW, n_mels=12, mel_scale=U.MelType.SLANEY))(WAVE)", 1e-3),
    ("mfcc_partial_kwargs", "audio.MFCC(sample_rate=8000, melkwargs={'n_fft': 64})", 0),
    ("lfcc", "audio.LFCC(sample_rate=8000, n_filter=20, n_lfcc=10, speckwargs=SPECKW)(WAVE)", 1e-3),
    ("lfcc_log", "audio.LFCC(sample_rate=8000, n_filter=16, n_lfcc=8, f_min=100.0, f_max=3500.0, log_lf=True, "
                 "speckwargs=SPECKW)(WAVE2)", 1e-3),
    ("create_dct", "U.create_dct(8, 16, U.NormMode.ORTHO)", 1e-6),
    ("create_dct_none", "U.create_dct(5, 7)", 1e-6),
    ("melscale_fbanks", "U.melscale_fbanks(33, 0.0, 4000.0, 10, 8000)", 1e-6),
    ("melscale_fbanks_slaney", "U.melscale_fbanks(21, 100.0, 3000.0, 6, 8000, U.NormType.SLANEY, "
                               "U.MelType.SLANEY)", 1e-6),
    ("linear_fbanks", "U.linear_fbanks(33, 10.0, 3000.0, 7, 8000)", 1e-6),
    # complex / magnitude
    ("complex_norm", "audio.ComplexNorm()(CPLX)", 1e-5),
    ("complex_norm_pow", "audio.ComplexNorm(power=2.0)(CPLX)", 1e-5),
    ("angle", "audio.Angle()(CPLX)", 1e-5),
    ("magphase", "audio.Magphase(power=1.5)(CPLX)", 1e-5),
    ("complex_norm_bad", "audio.ComplexNorm()(SPEC)", 0),
    # features
    ("compute_deltas", "audio.ComputeDeltas()(FEAT)", 1e-5),
    ("compute_deltas_w3", "audio.ComputeDeltas(win_length=3, pad_mode=U.BorderType.REFLECT)(FEAT)", 1e-5),
    ("spectral_centroid", "audio.SpectralCentroid(sample_rate=8000, n_fft=64)(WAVE)", 1e-3),
    ("spectral_centroid_hop", "audio.SpectralCentroid(8000, n_fft=32, hop_length=10, window=U.WindowType.HAMMING)"
                              "(WAVE2)", 1e-3),
    ("sliding_cmn", "audio.SlidingWindowCmn(cmn_window=10, min_cmn_window=3)(FEAT[0].T.copy())", 1e-5),
    ("sliding_cmn_center_vars", "audio.SlidingWindowCmn(cmn_window=8, min_cmn_window=2, center=True, "
                                "norm_vars=True)(FEAT[0].T.copy())", 1e-4),
    ("frequency_masking", "audio.FrequencyMasking(False, 5, 3, 1.5)(SPEC)", 0),
    ("time_masking", "audio.TimeMasking(False, 4, 2, 2.0)(SPEC)", 0),
    ("time_masking_negative", "audio.TimeMasking(False, 4, 2, -1.0)", 0),
    # effects and filters
    ("dc_shift", "audio.DCShift(0.3)(WAVE)", 1e-6),
    ("dc_shift_limiter", "audio.DCShift(0.6, 0.05)(WAVE)", 1e-6),
    ("contrast", "audio.Contrast(60.0)(WAVE)", 1e-5),
    ("gain", "audio.Gain(3.0)(WAVE)", 1e-6),
    ("vol_db", "audio.Vol(-6.0, U.GainType.DB)(WAVE)", 1e-6),
    ("vol_power", "audio.Vol(0.5, U.GainType.POWER)(WAVE)", 1e-6),
    ("mu_law_encoding", "audio.MuLawEncoding(256)(WAVE)", 0),
    ("mu_law_decoding", "audio.MuLawDecoding(256)(audio.MuLawEncoding(256)(WAVE))", 1e-6),
    ("riaa", "audio.RiaaBiquad(44100)(WAVE)", 1e-4),
    ("treble", "audio.TrebleBiquad(8000, 3.0, 1500, 0.707)(WAVE)", 1e-4),
    ("bass", "audio.BassBiquad(8000, 5.0)(WAVE2)", 1e-4),
    ("lowpass", "audio.LowpassBiquad(8000, 1000.0)(WAVE)", 1e-4),
    ("highpass", "audio.HighpassBiquad(8000, 800.0, 0.5)(WAVE)", 1e-4),
    ("bandpass", "audio.BandpassBiquad(8000, 900.0, 1.0, True)(WAVE)", 1e-4),
    ("bandreject", "audio.BandrejectBiquad(8000, 440.0)(WAVE)", 1e-4),
    ("allpass", "audio.AllpassBiquad(8000, 700.0)(WAVE)", 1e-4),
    ("equalizer", "audio.EqualizerBiquad(8000, 1200.0, -4.0)(WAVE)", 1e-4),
    ("band", "audio.BandBiquad(8000, 600.0, 0.9, True)(WAVE)", 1e-4),
    ("deemph", "audio.DeemphBiquad(44100)(WAVE)", 1e-4),
    ("deemph_48k", "audio.DeemphBiquad(48000)(WAVE64)", 1e-6),
    ("deemph_bad_rate", "audio.DeemphBiquad(8000)", 0),
    ("riaa_bad_rate", "audio.RiaaBiquad(8000)", 0),
    ("biquad", "audio.Biquad(0.4, 0.2, 0.1, 1.0, -0.3, 0.1)(WAVE)", 1e-4),
    ("lfilter", "audio.LFilter([1.0, -0.5, 0.25], [0.3, 0.3, 0.1])(WAVE)", 1e-4),
    ("lfilter_noclamp", "audio.LFilter([1.0, -0.95], [2.0, 1.0], clamp=False)(WAVE)", 1e-4),
    ("resample_down", "audio.Resample(8000, 6000)(WAVE)", 1e-4),
    ("resample_up", "audio.Resample(8000, 11025, lowpass_filter_width=4, rolloff=0.9)(SHORT)", 1e-4),
    ("resample_kaiser", "audio.Resample(8000, 5000, U.ResampleMethod.KAISER_WINDOW, 6, 0.95, 12.0)(WAVE2)", 1e-4),
    ("resample_same", "audio.Resample(8000, 8000)(SHORT)", 0),
    ("fade", "audio.Fade(100, 300, U.FadeShape.LINEAR)(WAVE)", 1e-6),
    ("filtfilt", "audio.Filtfilt([1.0, -0.5, 0.25], [0.3, 0.3, 0.1])(WAVE)", 1e-4),
    ("filtfilt_noclamp", "audio.Filtfilt([1.0, -0.9], [0.5, 0.5], clamp=False)(WAVE2)", 1e-4),
    ("mask_along_axis_freq", "audio.MaskAlongAxis(3, 4, 2.5, 1)(SPEC)", 0),
    ("mask_along_axis_time", "audio.MaskAlongAxis(0, 5, 0.0, 2)(SPEC1)", 0),
    ("overdrive", "audio.Overdrive(10.0, 30.0)(WAVE)", 1e-4),
    ("overdrive_default", "audio.Overdrive()(WAVE2)", 1e-4),
    ("phase_vocoder", "audio.PhaseVocoder(1.3, np.linspace(0, np.pi * 8, 9, dtype=np.float32)[:, None])(CSPEC)",
     1e-4),
    ("phase_vocoder_slow", "audio.PhaseVocoder(0.7, np.linspace(0, np.pi * 4, 9)[:, None])"
                           "(CSPEC[0].astype(np.float64))", 1e-4),
    ("phase_vocoder_dtype", "audio.PhaseVocoder(0.7, np.linspace(0, np.pi * 4, 9)[:, None])(CSPEC[0])", 0),
    ("time_stretch", "audio.TimeStretch(n_freq=9, fixed_rate=1.3)(CSPEC)", 1e-4),
    ("time_stretch_hop", "audio.TimeStretch(hop_length=4, n_freq=9, fixed_rate=0.8)(CSPEC[1])", 1e-4),
    ("time_stretch_unit", "audio.TimeStretch(n_freq=9)(CSPEC)", 1e-6),
    ("fade_shapes", "[audio.Fade(50, 80, s)(SHORT) for s in (U.FadeShape.QUARTER_SINE, U.FadeShape.HALF_SINE, "
                    "U.FadeShape.LOGARITHMIC, U.FadeShape.EXPONENTIAL)]", 1e-5),
]

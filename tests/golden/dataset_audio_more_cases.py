"""Cases of the signal-recovery, pitch, effect, dither and VAD transforms, shared by gen_dataset_audio.py (run on
MindSpore 2.7.1) and tests/test_dataset_audio.py: (name, expression, tolerance), as in dataset_audio_cases.py.
``seeded(s, fn)`` sets the dataset seed to ``s`` and calls ``fn``: the random transforms then draw the
reference's numbers.

Tolerances (rtol = atol): the reference computes its STFTs as float32 sums, lightspore with float64 FFTs; Griffin-Lim
and pitch shifting feed those spectra back through phase normalization, iteration after iteration, which lifts the
float32 rounding of the reference to at most 1.4e-5 (Griffin-Lim) and 3.5e-5 (PitchShift) of a signal peaking near
1 (measured); 1e-4 leaves room for other BLAS/FFT builds and still fails on any real difference (a wrong phase or
momentum gives 1e-2 and more). Everything else is 1e-4 or tighter (0: exactly)."""
import numpy as np


def inputs():
    rng = np.random.default_rng(20261205)
    t = np.arange(800) / 8000.0
    wave = (0.5 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 1230 * t)
            + 0.05 * rng.standard_normal(t.size)).astype(np.float32)
    # a magnitude spectrogram (n_fft 64, hop 32) of the wave, so that Griffin-Lim has a consistent target
    frames = np.lib.stride_tricks.sliding_window_view(np.pad(wave, 32, mode="reflect"), 64)[::32]
    mag = np.abs(np.fft.rfft(frames * np.hanning(65)[:-1], axis=-1)).T.astype(np.float32)
    return {
        "WAVE": wave,
        "WAVE64": wave.astype(np.float64),
        "WAVE2": np.stack([wave, wave[::-1].copy() * 0.7]),
        "LONG": np.tile(wave, 12),
        "INTWAVE": (wave * 1000).astype(np.int16),
        "CS33": rng.standard_normal((33, 10, 2)).astype(np.float32),
        "CS33B": rng.standard_normal((2, 33, 12, 2)).astype(np.float32),
        "CS16": rng.standard_normal((16, 9, 2)).astype(np.float32),
        "MAG": mag,
        "MAG2": np.stack([mag, mag[:, ::-1].copy()]),
        "MEL": np.abs(rng.standard_normal((8, 6))).astype(np.float32),
        "MEL2": np.abs(rng.standard_normal((2, 6, 5))).astype(np.float32),
        "SPEC": np.abs(rng.standard_normal((2, 33, 20))).astype(np.float32),
    }


CASES = [
    # inverse STFT
    ("inverse_spectrogram", "audio.InverseSpectrogram(n_fft=64)(CS33)", 1e-4),
    ("inverse_spectrogram_opts", "audio.InverseSpectrogram(length=300, n_fft=64, hop_length=16, pad=2, "
                                 "window=U.WindowType.HAMMING, normalized=True)(CS33B)", 1e-4),
    ("inverse_spectrogram_nocenter", "audio.InverseSpectrogram(length=100, n_fft=64, win_length=48, center=False)"
                                     "(CS33.astype(np.float64))", 1e-4),
    ("inverse_spectrogram_twosided", "audio.InverseSpectrogram(n_fft=16, hop_length=4, onesided=False)(CS16)", 1e-4),
    ("inverse_spectrogram_bad_freq", "audio.InverseSpectrogram(n_fft=40)(CS33)", 0),
    ("inverse_spectrogram_bad_win", "audio.InverseSpectrogram(n_fft=16, win_length=20)", 0),
    # Griffin-Lim
    ("griffin_lim_zero_init", "audio.GriffinLim(n_fft=64, n_iter=8, rand_init=False)(MAG)", 1e-4),
    ("griffin_lim_options", "audio.GriffinLim(n_fft=64, n_iter=5, win_length=48, hop_length=32, "
                            "window_type=U.WindowType.HAMMING, power=1.0, momentum=0.0, length=810, "
                            "rand_init=False)(MAG2)", 1e-4),
    ("griffin_lim_seeded", "seeded(7, lambda: audio.GriffinLim(n_fft=64, n_iter=4)(MAG))", 1e-4),
    ("griffin_lim_f64", "seeded(11, lambda: audio.GriffinLim(n_fft=64, n_iter=3)(MAG.astype(np.float64)))", 1e-4),
    ("griffin_lim_bad_freq", "audio.GriffinLim(n_fft=100)(MAG)", 0),
    ("griffin_lim_bad_power", "audio.GriffinLim(power=0.0)", 0),
    ("griffin_lim_momentum", "audio.GriffinLim(n_fft=64, n_iter=6, momentum=0.5, rand_init=False)(MAG)", 1e-4),
    # inverse mel scale (random start, then gradient steps)
    ("inverse_mel_scale", "seeded(3, lambda: audio.InverseMelScale(20, 8, 8000, max_iter=40)(MEL))", 1e-4),
    ("inverse_mel_scale_converge", "seeded(5, lambda: audio.InverseMelScale(12, 6, 8000, f_min=100.0, f_max=3500.0, "
                                   "max_iter=3000, sgdargs={'sgd_lr': 0.5, 'sgd_momentum': 0.0}, "
                                   "norm=U.NormType.SLANEY, mel_type=U.MelType.SLANEY)(MEL2))", 1e-4),
    ("inverse_mel_scale_f64", "seeded(9, lambda: audio.InverseMelScale(20, 8, 8000, max_iter=3)"
                              "(MEL.astype(np.float64)))", 1e-6),
    ("inverse_mel_scale_bad_mels", "seeded(3, lambda: audio.InverseMelScale(20, 6, 8000, max_iter=3)(MEL))", 0),
    ("inverse_mel_scale_bad_fmin", "audio.InverseMelScale(20, 8, 8000, f_min=5000.0)", 0),
    # pitch
    ("pitch_shift", "audio.PitchShift(8000, 4, n_fft=64)(WAVE)", 1e-4),
    ("pitch_shift_down", "audio.PitchShift(8000, -3, bins_per_octave=10, n_fft=64, win_length=48, hop_length=16)"
                         "(WAVE2)", 1e-4),
    ("pitch_shift_f64", "audio.PitchShift(8000, 2, n_fft=32, window=U.WindowType.HAMMING)(WAVE64)", 1e-4),
    ("pitch_shift_zero", "audio.PitchShift(8000, 0, n_fft=64)(WAVE)", 1e-4),
    ("detect_pitch", "audio.DetectPitchFrequency(8000, 0.02, 3, 85, 3400)(WAVE2)", 1e-5),
    ("detect_pitch_default", "audio.DetectPitchFrequency(8000)(LONG)", 1e-5),
    ("detect_pitch_int", "audio.DetectPitchFrequency(8000, 0.01, 5, 100, 2000)(INTWAVE)", 1e-5),
    ("detect_pitch_f64", "audio.DetectPitchFrequency(8000, 0.015, 1, 200, 1000)(WAVE64)", 1e-5),
    ("detect_pitch_bad_rate", "audio.DetectPitchFrequency(0)", 0),
    ("detect_pitch_bad_freq", "audio.DetectPitchFrequency(8000, freq_low=0)", 0),
    # modulated delay lines
    ("flanger", "audio.Flanger(8000)(WAVE2)", 1e-4),
    ("flanger_options", "audio.Flanger(8000, delay=2.0, depth=5.0, regen=-20.0, width=50.0, speed=2.0, phase=50.0, "
                        "modulation=U.Modulation.TRIANGULAR, interpolation=U.Interpolation.QUADRATIC)"
                        "(np.stack([WAVE2, WAVE2 * 0.5]))", 1e-4),
    ("flanger_f64", "audio.Flanger(8000, regen=30.0, interpolation=U.Interpolation.QUADRATIC)"
                    "(WAVE2.astype(np.float64))", 1e-6),
    ("flanger_1d", "audio.Flanger(8000)(WAVE)", 0),
    ("phaser", "audio.Phaser(8000)(WAVE)", 1e-4),
    ("phaser_options", "audio.Phaser(8000, 0.8, 0.9, 4.0, 0.6, 1.5, False)(WAVE2)", 1e-4),
    ("phaser_f64", "audio.Phaser(16000, delay_ms=1.0)(WAVE64)", 1e-6),
    ("phaser_bad_decay", "audio.Phaser(8000, decay=1.0)", 0),
    # dither
    ("dither_tpdf", "audio.Dither()(WAVE)", 1e-6),
    ("dither_tpdf_shaped", "audio.Dither(U.DensityFunction.TPDF, True)(WAVE2)", 1e-6),
    ("dither_rpdf", "seeded(21, lambda: audio.Dither(U.DensityFunction.RPDF)(WAVE2))", 1e-6),
    ("dither_gpdf", "seeded(22, lambda: audio.Dither(U.DensityFunction.GPDF, True)(WAVE2))", 1e-6),
    ("dither_f64", "seeded(23, lambda: audio.Dither(U.DensityFunction.GPDF)(WAVE64))", 1e-9),
    ("dither_int", "audio.Dither()(INTWAVE)", 1e-6),
    # random mask
    ("mask_along_axis_iid_freq", "seeded(5, lambda: audio.MaskAlongAxisIID(6, 1.5, 1)(SPEC))", 0),
    ("mask_along_axis_iid_time", "seeded(6, lambda: audio.MaskAlongAxisIID(15, -2.0, 2)(SPEC[0]))", 0),
    ("mask_along_axis_iid_bad_axis", "audio.MaskAlongAxisIID(5, 0.0, 3)", 0),
    ("frequency_masking_iid", "seeded(8, lambda: audio.FrequencyMasking(True, 10, 0, 0.5)(SPEC))", 0),
    ("time_masking_iid", "seeded(9, lambda: audio.TimeMasking(True, 12, 0, -1.5)(SPEC))", 0),
    ("time_masking_iid_f64", "seeded(10, lambda: audio.TimeMasking(True, 7)(SPEC[0].astype(np.float64)))", 0),
    # voice activity detection
    ("vad_default", "audio.Vad(8000)(WAVE)", 0),
    ("vad_long", "audio.Vad(8000)(LONG)", 0),
    ("vad_trigger_zero", "audio.Vad(8000, trigger_level=0.0, pre_trigger_time=0.05)(WAVE2)", 0),
    ("vad_trigger_negative", "audio.Vad(8000, trigger_level=-1.0)(LONG)", 0),
    ("vad_bad_spectrum", "audio.Vad(8000, hp_filter_freq=5000.0)(WAVE)", 0),
    ("vad_bad_noise_times", "audio.Vad(8000, noise_up_time=0.01, noise_down_time=0.1)", 0),
]

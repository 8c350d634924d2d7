"""IIR filtering along the last axis, the recurrence run in compiled code.

``lfilter(x, a, b, clamp)`` computes y[n] = (sum_k b[k] x[n-k] - sum_{k>0} a[k] y[n-k]) / a[0] from a zero state,
for every row of ``x`` at once, then clips the output (never the state) to [-1, 1] when ``clamp`` is set, as the
reference's kernel does. With scipy importable the recurrence is ``scipy.signal.lfilter`` (C); without it, a
block form: the FIR part is ``len(b)`` shifted vector sums, and the all-pole part advances a block of ``_BLOCK``
samples per step as ``y_blk = v_blk @ H + y_prev @ G`` (``H``: the impulse response of 1/A as a Toeplitz matrix,
``G``: the response to the previous outputs), so the Python loop runs once per block, not per sample. The block
products are numpy (BLAS) matrix products: torch's dispatch of so many small products was several times slower.
"""
import functools

import numpy as np

try:  # scipy is optional (the `metrics` extra)
    from scipy.signal import lfilter as _scipy_lfilter
except ImportError:  # pragma: no cover - exercised by forcing the block path in the tests
    _scipy_lfilter = None

_BLOCK = 64


@functools.lru_cache(maxsize=64)
def _all_pole_blocks(a, block):
    """(H, G) of the all-pole recurrence y[n] = v[n] - sum_{k>=1} a[k] y[n-k] over one block of ``block`` samples:
    y_blk = v_blk @ H + state @ G, ``state`` = the previous ``order`` outputs, oldest first."""
    order = len(a) - 1
    h = np.zeros(block)
    g = np.zeros((order, block))
    # impulse response of 1/A and the zero-input responses to each previous output, by the recurrence itself
    for n in range(block):
        h[n] = (1.0 if n == 0 else 0.0) - sum(a[k] * h[n - k] for k in range(1, min(order, n) + 1))
        for j in range(order):                  # state[j] is y[-(order - j)]
            acc = 0.0
            for k in range(1, order + 1):
                m = n - k
                if m >= 0:
                    acc -= a[k] * g[j, m]
                elif m == -(order - j):
                    acc -= a[k]
            g[j, n] = acc
    idx = np.arange(block)
    lag = idx[None, :] - idx[:, None]           # H[i, n] = h[n - i] for n >= i
    big_h = np.where(lag >= 0, h[np.clip(lag, 0, None)], 0.0)
    big_h.setflags(write=False)             # cached: shared by every call with these coefficients
    g.setflags(write=False)
    return big_h, g


def _lfilter_blocks(x, a, b):
    rows, length = x.shape
    order = len(a) - 1
    v = b[0] * x
    for k in range(1, len(b)):                  # FIR part: v[n] = sum_k b[k] x[n-k]
        v[:, k:] += b[k] * x[:, :length - k]
    if order == 0:
        return v
    block = min(_BLOCK, length)
    big_h, g = _all_pole_blocks(tuple(a.tolist()), block)
    y = np.empty_like(v)
    state = np.zeros((rows, order))
    for start in range(0, length, block):
        stop = min(start + block, length)
        n = stop - start
        blk = v[:, start:stop] @ big_h[:n, :n] + state @ g[:, :n]
        y[:, start:stop] = blk
        state = blk[:, n - order:] if n >= order else np.concatenate([state[:, n:], blk], axis=1)
    return y


def lfilter(w, a_coeffs, b_coeffs, clamp, engine=None):
    """Filter ``w`` (..., time) with denominator ``a_coeffs`` and numerator ``b_coeffs`` (same length), float64."""
    a = np.asarray([float(v) for v in a_coeffs], dtype=np.float64)
    b = np.asarray([float(v) for v in b_coeffs], dtype=np.float64)
    b = b / a[0]
    a = a / a[0]
    x = np.asarray(w, dtype=np.float64).reshape(-1, w.shape[-1])
    use_scipy = _scipy_lfilter is not None if engine is None else engine == "scipy"   # engine: "scipy" or "blocks"
    if x.shape[-1] == 0:
        y = x.copy()
    elif use_scipy:
        y = _scipy_lfilter(b, a, x, axis=-1)
    else:
        y = _lfilter_blocks(x, a, b)
    if clamp:
        y = np.clip(y, -1.0, 1.0)
    return y.reshape(w.shape)

"""IIR filtering along the last axis, the recurrence run in compiled code.

``lfilter(x, a, b, clamp)`` computes y[n] = (sum_k b[k] x[n-k] - sum_{k>0} a[k] y[n-k]) / a[0] from a zero state,
for every row of ``x`` at once, then clips the output (never the state) to [-1, 1] when ``clamp`` is set, as the
reference's kernel does. With scipy importable the recurrence is ``scipy.signal.lfilter`` (C); without it, a
block form on torch: the FIR part is one convolution, and the all-pole part advances a block of ``_BLOCK``
samples per step as ``y_blk = v_blk @ H + y_prev @ G`` (``H``: the impulse response of 1/A as a Toeplitz
matrix, ``G``: the response to the previous outputs), so the Python loop runs once per block, not per sample.
"""
import numpy as np
import torch

try:  # scipy is optional (the `metrics` extra)
    from scipy.signal import lfilter as _scipy_lfilter
except ImportError:  # pragma: no cover - exercised by forcing the torch path in the tests
    _scipy_lfilter = None

_BLOCK = 256


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
    return big_h, g


def _lfilter_torch(x, a, b):
    rows, length = x.shape
    order = len(a) - 1
    xt = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float64))
    # FIR part: v[n] = sum_k b[k] x[n-k] (a causal convolution)
    kernel = torch.tensor(b[::-1].copy(), dtype=torch.float64).view(1, 1, -1)
    v = torch.nn.functional.conv1d(torch.nn.functional.pad(xt[:, None, :], (len(b) - 1, 0)), kernel)[:, 0, :]
    if order == 0:
        return v.numpy()
    block = min(_BLOCK, length)
    big_h, g = (torch.from_numpy(m) for m in _all_pole_blocks(a, block))
    y = torch.empty_like(v)
    state = torch.zeros(rows, order, dtype=torch.float64)
    for start in range(0, length, block):
        stop = min(start + block, length)
        n = stop - start
        blk = v[:, start:stop] @ big_h[:n, :n] + state @ g[:, :n]
        y[:, start:stop] = blk
        if n >= order:
            state = blk[:, n - order:]
        else:
            state = torch.cat([state[:, n:], blk], dim=1)
    return y.numpy()


def lfilter(w, a_coeffs, b_coeffs, clamp, engine=None):
    """Filter ``w`` (..., time) with denominator ``a_coeffs`` and numerator ``b_coeffs`` (same length), float64."""
    a = np.asarray([float(v) for v in a_coeffs], dtype=np.float64)
    b = np.asarray([float(v) for v in b_coeffs], dtype=np.float64)
    b = b / a[0]
    a = a / a[0]
    x = np.asarray(w, dtype=np.float64).reshape(-1, w.shape[-1])
    use_scipy = _scipy_lfilter is not None if engine is None else engine == "scipy"
    if x.shape[-1] == 0:
        y = x.copy()
    elif use_scipy:
        y = _scipy_lfilter(b, a, x, axis=-1)
    else:
        y = _lfilter_torch(x, a, b)
    if clamp:
        y = np.clip(y, -1.0, 1.0)
    return y.reshape(w.shape)

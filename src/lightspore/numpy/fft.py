"""``mindspore.numpy.fft``: discrete Fourier transforms on ``torch.fft`` (float32 inputs give complex64)."""
from __future__ import annotations

import torch

from ._utils import _dt, _float, _guard, _name, _tt, _w

__all__ = ['fft', 'ifft', 'fft2', 'ifft2', 'fftn', 'ifftn', 'rfft', 'irfft', 'rfft2', 'irfft2', 'rfftn', 'irfftn',
           'hfft', 'ihfft', 'hfft2', 'ihfft2', 'hfftn', 'ihfftn', 'fftshift', 'ifftshift', 'fftfreq', 'rfftfreq']


def _in(a, where):
    return _float(_tt(a, where, "a"))


def _norm(norm, where):
    if norm not in (None, "backward", "ortho", "forward"):
        raise ValueError(f"{_name('fft.' + where)}, 'norm' must be None, 'backward', 'ortho' or 'forward', "
                         f"but got {norm!r}.")
    return norm


def _one(fn, where):
    def f(a, n=None, axis=-1, norm=None):
        return _w(fn(_in(a, where), n=n, dim=axis, norm=_norm(norm, where)).resolve_conj())
    f.__name__ = f.__qualname__ = where
    return f


def _two(fn, where):
    def f(a, s=None, axes=(-2, -1), norm=None):
        return _w(fn(_in(a, where), s=s, dim=axes, norm=_norm(norm, where)).resolve_conj())
    f.__name__ = f.__qualname__ = where
    return f


def _nd(fn, where):
    def f(a, s=None, axes=None, norm=None):
        return _w(fn(_in(a, where), s=s, dim=axes, norm=_norm(norm, where)).resolve_conj())
    f.__name__ = f.__qualname__ = where
    return f


fft = _one(torch.fft.fft, "fft")
ifft = _one(torch.fft.ifft, "ifft")
rfft = _one(torch.fft.rfft, "rfft")
irfft = _one(torch.fft.irfft, "irfft")
hfft = _one(torch.fft.hfft, "hfft")
ihfft = _one(torch.fft.ihfft, "ihfft")
fft2 = _two(torch.fft.fft2, "fft2")
ifft2 = _two(torch.fft.ifft2, "ifft2")
rfft2 = _two(torch.fft.rfft2, "rfft2")
irfft2 = _two(torch.fft.irfft2, "irfft2")
hfft2 = _two(torch.fft.hfft2, "hfft2")
ihfft2 = _two(torch.fft.ihfft2, "ihfft2")
fftn = _nd(torch.fft.fftn, "fftn")
ifftn = _nd(torch.fft.ifftn, "ifftn")
rfftn = _nd(torch.fft.rfftn, "rfftn")
irfftn = _nd(torch.fft.irfftn, "irfftn")
hfftn = _nd(torch.fft.hfftn, "hfftn")
ihfftn = _nd(torch.fft.ihfftn, "ihfftn")


def fftshift(x, axes=None):
    return _w(torch.fft.fftshift(_tt(x, "fft.fftshift", "x"), dim=axes))


def ifftshift(x, axes=None):
    return _w(torch.fft.ifftshift(_tt(x, "fft.ifftshift", "x"), dim=axes))


def fftfreq(n, d=1.0, dtype=None):
    return _w(torch.fft.fftfreq(n, d, dtype=_dt(dtype, "fft.fftfreq") or torch.float32))


def rfftfreq(n, d=1.0, dtype=None):
    return _w(torch.fft.rfftfreq(n, d, dtype=_dt(dtype, "fft.rfftfreq") or torch.float32))


_guard(globals(), __all__, 'fft.')

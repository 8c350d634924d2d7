"""Discrete Fourier transforms."""
from __future__ import annotations

import torch

from ..common import dtype as mstype
from ._samples import S, f32
from ._table import op


# ---------------------------------------------------------------------------------------------
# discrete Fourier transforms
# ---------------------------------------------------------------------------------------------
def _fft_input(x):
    return x.to(torch.float32) if not (x.is_floating_point() or x.is_complex()) else x


def _fft1(name, fn):
    def impl(input, n=None, dim=-1, norm=None):
        return fn(_fft_input(input), n=n, dim=dim, norm=norm).resolve_conj()
    impl.__name__ = name
    impl.__doc__ = f"``torch.fft.{name}`` semantics: one-dimensional transform along ``dim``."
    return op(name, samples=(S(f32(8)), S(f32(2, 6), 4), S(f32(2, 6), None, 0, "ortho")))(impl)


def _fftn(name, fn, default_dim):
    if default_dim is None:
        def impl(input, s=None, dim=None, norm=None):
            return fn(_fft_input(input), s=s, dim=dim, norm=norm).resolve_conj()
    else:
        def impl(input, s=None, dim=(-2, -1), norm=None):
            return fn(_fft_input(input), s=s, dim=dim, norm=norm).resolve_conj()
    impl.__name__ = name
    impl.__doc__ = f"Multi-dimensional transform over ``dim`` (``{name}``)."
    return op(name, samples=(S(f32(2, 4, 4)), S(f32(4, 6), None, None, "forward")))(impl)

for _n in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft"):
    _fft1(_n, getattr(torch.fft, _n))

for _n in ("fft2", "ifft2", "rfft2", "irfft2", "hfft2", "ihfft2"):
    _fftn(_n, getattr(torch.fft, _n), (-2, -1))

for _n in ("fftn", "ifftn", "rfftn", "irfftn", "hfftn", "ihfftn"):
    _fftn(_n, getattr(torch.fft, _n), None)


@op(samples=(S(f32(2, 5)), S(f32(2, 5), 1)))
def fftshift(input, dim=None):
    """Move the zero-frequency term to the centre along ``dim`` (all dims when None)."""
    return torch.fft.fftshift(input, dim=dim)


@op(samples=(S(f32(2, 5)), S(f32(2, 5), 1)))
def ifftshift(input, dim=None):
    """The inverse of ``fftshift``."""
    return torch.fft.ifftshift(input, dim=dim)


@op(samples=(S(5), S(6, 0.5)))
def fftfreq(n, d=1.0, dtype=None):
    """Sample frequencies of an ``n``-point DFT with spacing ``d`` (float32 unless ``dtype``)."""
    return torch.fft.fftfreq(n, d, dtype=mstype.to_torch(dtype) or torch.float32)


@op(samples=(S(5), S(6, 0.5)))
def rfftfreq(n, d=1.0, dtype=None):
    """Sample frequencies of an ``n``-point real DFT with spacing ``d``."""
    return torch.fft.rfftfreq(n, d, dtype=mstype.to_torch(dtype) or torch.float32)

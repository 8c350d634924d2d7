"""Torch-level implementations of the ``mindspore.mint`` functions that have no same-signature entry in
the op table (``ops/_table.IMPLS``). Where the table has the math under MindSpore's ``ops`` argument
names, the mint form here only renames arguments and calls that entry; the rest follow PyTorch's
semantics (which ``mint`` mirrors) directly on torch tensors.

Every function takes and returns torch tensors; ``mint/__init__.py`` generates the public forms.
"""
from __future__ import annotations

import builtins

import torch
import torch.nn.functional as F

from ..common import dtype as mstype
from ..common.seed import Generator
from ..common.tensor import Tensor
from ..ops._table import IMPLS as _I


def tdt(dtype):
    """A MindSpore dtype (or None) -> torch dtype (or None)."""
    if dtype is None:
        return None
    if isinstance(dtype, torch.dtype):
        return dtype
    if isinstance(dtype, mstype.Type):
        return mstype.to_torch(dtype)
    raise TypeError(f"'dtype' must be a mindspore dtype, but got {dtype!r}")


def tgen(generator):
    if generator is None:
        return None
    if isinstance(generator, Generator):
        return generator.to_torch()
    if isinstance(generator, torch.Generator):
        return generator
    raise TypeError(f"'generator' must be a mindspore Generator, but got {type(generator).__name__}")


def _size(size, where):
    if len(size) == 1 and isinstance(size[0], (tuple, list, torch.Size)):
        size = tuple(size[0])
    elif len(size) == 1 and isinstance(size[0], torch.Tensor):
        size = tuple(int(v) for v in size[0].reshape(-1).tolist())
    for s in size:
        if isinstance(s, bool) or not isinstance(s, int):
            raise TypeError(f"For '{where}', 'size' must be a tuple of ints, but got {size!r}.")
        if s < 0:
            raise ValueError(f"For '{where}', 'size' must not contain negative values, but got {size!r}.")
    return tuple(size)


def _dims(dim):
    return tuple(dim) if isinstance(dim, list) else dim


def _float_default(dtype):
    return tdt(dtype) if dtype is not None else torch.float32


# ---- reductions ---------------------------------------------------------------------------------
def all(input, dim=None, keepdim=False):
    if dim is None or dim == ():
        r = torch.all(input)
        return r.reshape((1,) * input.dim()) if keepdim else r
    return torch.all(input, dim=_dims(dim), keepdim=keepdim)


def amax(input, dim=(), keepdim=False):
    return torch.amax(input, dim=_dims(dim), keepdim=keepdim)


def amin(input, dim=(), keepdim=False):
    return torch.amin(input, dim=_dims(dim), keepdim=keepdim)


def argmin(input, dim=None, keepdim=False):
    return torch.argmin(input, dim=dim, keepdim=keepdim)


def mean(input, dim=None, keepdim=False, *, dtype=None):
    if dim is None:
        dim = ()
    return torch.mean(input, dim=_dims(dim), keepdim=keepdim, dtype=tdt(dtype))


def prod(input, dim=None, keepdim=False, *, dtype=None):
    if dim is None:
        return torch.prod(input, dtype=tdt(dtype))
    return torch.prod(input, dim, keepdim=keepdim, dtype=tdt(dtype))


def count_nonzero(input, dim=None):
    return torch.count_nonzero(input, dim=_dims(dim))


def norm(input, p='fro', dim=None, keepdim=False, *, dtype=None):
    return torch.norm(input, p=p, dim=_dims(dim), keepdim=keepdim, dtype=tdt(dtype))


def _std_var(fn):
    def impl(input, dim=None, *, correction=1, keepdim=False):
        return fn(input, dim=_dims(dim), correction=correction, keepdim=keepdim)
    return impl


std = _std_var(torch.std)
var = _std_var(torch.var)
std_mean = _std_var(torch.std_mean)
var_mean = _std_var(torch.var_mean)


def median(input, dim=None, keepdim=False):
    if dim is None:
        return torch.median(input)
    return tuple(torch.median(input, dim, keepdim=keepdim))


def cummax(input, dim):
    return tuple(torch.cummax(input, dim))


def cummin(input, dim):
    return tuple(torch.cummin(input, dim))


def cumsum(input, dim, dtype=None):
    return torch.cumsum(input, dim, dtype=tdt(dtype))


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return builtins.bool(torch.allclose(input, other.to(input.dtype) if other.dtype != input.dtype else other,
                                        rtol=rtol, atol=atol, equal_nan=equal_nan))


def histc(input, bins=100, min=0, max=0):
    return torch.histc(input, bins=bins, min=min, max=max)


# ---- sorting / selection ------------------------------------------------------------------------
def argsort(input, dim=-1, descending=False, stable=False):
    return torch.argsort(input, dim=dim, descending=descending, stable=stable)


def sort(input, *, dim=-1, descending=False, stable=False):
    return tuple(torch.sort(input, dim=dim, descending=descending, stable=stable))


def topk(input, k, dim=-1, largest=True, sorted=True):
    return tuple(torch.topk(input, k, dim=dim, largest=largest, sorted=sorted))


# ---- linear algebra -----------------------------------------------------------------------------
def baddbmm(input, batch1, batch2, *, beta=1, alpha=1):
    return _I["baddbmm"](input, batch1, batch2, beta, alpha)


def bmm(input, mat2):
    return _I["bmm"](input, mat2)


def mv(input, vec):
    return _I["mv"](input, vec)


def cdist(x1, x2, p=2.0, compute_mode='use_mm_for_euclid_dist_if_necessary'):
    return torch.cdist(x1, x2, p=p, compute_mode=compute_mode)


def triangular_solve(b, A, upper=True, transpose=False, unitriangular=False):
    a = A.mT if transpose else A
    x = torch.linalg.solve_triangular(a, b, upper=upper != transpose, unitriangular=unitriangular)
    return x, A.clone()


def t(input):
    if input.dim() > 2:
        raise ValueError(f"For 't', the input must be a 1-D or 2-D tensor, but got {input.dim()}-D.")
    return input.t()


def _need_tensor(where, call, **args):
    """The reference's argument check of an Ascend kernel's Python entry: TypeError naming the valid call."""
    for name, (value, kind) in args.items():
        ok = isinstance(value, torch.Tensor) if kind == "Tensor" else (
            isinstance(value, int) and not isinstance(value, bool) if kind == "int" else
            isinstance(value, (int, float)) and not isinstance(value, bool) if kind == "number" else
            isinstance(value, str))
        if not ok:
            given = ", ".join(f"{n}={type(v).__name__ if not isinstance(v, torch.Tensor) else 'Tensor'}"
                              for n, (v, _) in args.items())
            want = ", ".join(f"{n}=<{k}>" for n, (_, k) in args.items())
            raise TypeError(f"Failed calling {where} with \"{where}()({given})\". The valid calling should be: "
                            f"\"{where}()({want})\" ('{name}' was given {type(value).__name__}).")


def addr_(input, vec1, vec2, beta=1, alpha=1):
    """In place: ``input = beta * input + alpha * outer(vec1, vec2)`` (MindSpore 2.10's ``mint.addr_``,
    aclnnInplaceAddr; torch.Tensor.addr_)."""
    _need_tensor("InplaceAddr", "addr_", input=(input, "Tensor"), vec1=(vec1, "Tensor"), vec2=(vec2, "Tensor"),
                 beta=(beta, "number"), alpha=(alpha, "number"))
    return input.addr_(vec1, vec2, beta=beta, alpha=alpha)


def conv_tbc(input, weight, bias, pad=0):
    """1-D convolution over time of a (time, batch, channel) input with a (kernel, in, out) weight, ``pad`` zeros
    on each side of the time axis (MindSpore 2.10's ``mint.conv_tbc``; torch.conv_tbc)."""
    _need_tensor("ConvTbc", "conv_tbc", input=(input, "Tensor"), weight=(weight, "Tensor"), bias=(bias, "Tensor"),
                 pad=(pad, "int"))
    if input.dim() != 3 or weight.dim() != 3 or bias.dim() != 1:
        raise ValueError(f"For 'conv_tbc', 'input' and 'weight' must be 3-D and 'bias' 1-D, but got "
                         f"{input.dim()}-D, {weight.dim()}-D and {bias.dim()}-D.")
    return torch.conv_tbc(input, weight, bias, pad)


def npu_gelu(input, approximate='none'):
    """GELU, exact (``'none'``) or with the tanh approximation (``'tanh'``) (MindSpore 2.10's ``mint.npu_gelu``)."""
    _need_tensor("NpuGelu", "npu_gelu", input=(input, "Tensor"), approximate=(approximate, "string"))
    if approximate not in ("none", "tanh"):
        raise ValueError(f"For 'npu_gelu', 'approximate' must be 'none' or 'tanh', but got {approximate!r}.")
    return F.gelu(input, approximate=approximate)


def vdot(input, other):
    """Dot product of two 1-D tensors, the first conjugated (MindSpore 2.10's ``mint.vdot``: aclnnVdot)."""
    if input.dim() != 1 or other.dim() != 1:
        raise ValueError(f"For 'vdot', 'input' and 'other' must be 1-D tensors, but got {input.dim()}-D and "
                         f"{other.dim()}-D.")
    if input.numel() != other.numel():
        raise ValueError(f"For 'vdot', 'input' and 'other' must have the same number of elements, but got "
                         f"{input.numel()} and {other.numel()}.")
    if input.dtype != other.dtype:
        raise TypeError(f"For 'vdot', 'input' and 'other' must have the same dtype, but got {input.dtype} and "
                        f"{other.dtype}.".replace("torch.", ""))
    return torch.vdot(input, other)


# ---- shape / indexing ---------------------------------------------------------------------------
def cat(tensors, dim=0):
    return _I["cat"](tensors, dim)


def concat(tensors, dim=0):
    return _I["cat"](tensors, dim)


def stack(tensors, dim=0):
    return _I["stack"](tensors, dim)


def chunk(input, chunks, dim=0):
    return _I["chunk"](input, chunks, dim)


def split(tensor, split_size_or_sections, dim=0):
    return tuple(torch.split(tensor, split_size_or_sections, dim))


def diag(input, diagonal=0):
    return torch.diag(input, diagonal)


def diff(input, n=1, dim=-1, prepend=None, append=None):
    return torch.diff(input, n, dim, prepend, append)


def flatten(input, start_dim=0, end_dim=-1):
    return torch.flatten(input, start_dim, end_dim)


def ravel(input):
    return torch.ravel(input)


def gather(input, dim, index):
    return torch.gather(input, dim, index)


def index_select(input, dim, index):
    return _I["index_select"](input, dim, index)


def narrow(input, dim, start, length):
    return _I["narrow"](input, dim, start, length)


def permute(input, dims):
    return torch.permute(input, tuple(dims))


def transpose(input, dim0, dim1):
    return torch.transpose(input, dim0, dim1)


def squeeze(input, dim):
    return torch.squeeze(input, _dims(dim))


def select(input, dim, index):
    return torch.select(input, dim, index)


def take(input, index):
    return torch.take(input, index)


def scatter(input, dim, index, src):
    if isinstance(src, torch.Tensor):
        return torch.scatter(input, dim, index, src)
    return torch.scatter(input, dim, index, value=src)


def scatter_add(input, dim, index, src):
    return torch.scatter_add(input, dim, index, src)


def meshgrid(*tensors, indexing=None):
    if len(tensors) == 1 and isinstance(tensors[0], (tuple, list)):
        tensors = tuple(tensors[0])
    if indexing is None:
        indexing = 'ij'
    if indexing not in ('ij', 'xy'):
        raise ValueError(f"For 'meshgrid', 'indexing' must be 'xy' or 'ij', but got {indexing!r}.")
    return tuple(torch.meshgrid(*tensors, indexing=indexing))


def round(input, *, decimals=0):
    if not input.is_floating_point() and not input.is_complex():
        return input.clone()
    return _I["round"](input, decimals=decimals)


def nonzero(input, *, as_tuple=False):
    if as_tuple:
        return tuple(torch.nonzero(input, as_tuple=True))
    return torch.nonzero(input)


def clone(input):
    return input.clone()


def negative(input):
    return torch.neg(input)


def eq(input, other):
    return torch.eq(input, other)


def ne(input, other):
    return torch.ne(input, other)


def gt(input, other):
    return torch.gt(input, other)


def lt(input, other):
    return torch.lt(input, other)


def le(input, other):
    return torch.le(input, other)


def sqrt(input):
    return _I["sqrt"](input)


def frac(input):
    return _I["frac"](input)


def isnan(tensor):
    return _I["isnan"](tensor)


def softmax(input, dim, *, dtype=None):
    if dtype is not None:
        input = input.to(tdt(dtype))
    return torch.softmax(input, dim)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    return F.conv2d(input, weight, bias, stride, padding, dilation, groups)


# ---- creation -----------------------------------------------------------------------------------
def zeros(size, *, dtype=None):
    if isinstance(size, int):
        size = (size,)
    return torch.zeros(_size((size,), 'zeros'), dtype=_float_default(dtype), device=_dev(None, 'zeros'))


def _dev(device, where):
    """2.10's device= ('CPU' or 'meta'; a meta tensor draws no random numbers, so no generator); without one,
    'meta' inside ``DeviceCtx('meta')``."""
    from ..common._device import current_device
    from ..common._meta import torch_device
    dev = torch_device(device, where)
    if dev is None and device is not None:
        return "cpu"        # an explicit 'CPU', inside DeviceCtx('meta') too
    return "meta" if dev is None and current_device().type == "meta" else dev


def rand(*size, generator=None, dtype=None, device=None):
    dev = _dev(device, 'rand')
    return torch.rand(_size(size, 'rand'), generator=None if dev == "meta" else tgen(generator),
                      dtype=_float_default(dtype), device=dev)


def randn(*size, generator=None, dtype=None, device=None):
    dev = _dev(device, 'randn')
    return torch.randn(_size(size, 'randn'), generator=None if dev == "meta" else tgen(generator),
                       dtype=_float_default(dtype), device=dev)


def rand_like(input, *, dtype=None, device=None):
    return torch.rand_like(input, dtype=tdt(dtype), device=_dev(device, 'rand_like'))


def randn_like(input, *, dtype=None, device=None):
    return torch.randn_like(input, dtype=tdt(dtype), device=_dev(device, 'randn_like'))


def randint(*args, generator=None, dtype=None, device=None):
    if len(args) == 2:
        low, (high, size) = 0, args
    elif len(args) == 3:
        low, high, size = args
    else:
        raise TypeError(f"For 'randint', expected (high, size) or (low, high, size), but got {len(args)} "
                        f"positional arguments.")
    dev = _dev(device, 'randint')
    return torch.randint(low, high, _size((size,), 'randint'), generator=None if dev == "meta" else tgen(generator),
                         dtype=tdt(dtype) or torch.int64, device=dev)


def randint_like(*args, dtype=None, device=None):
    if len(args) == 2:
        (input, high), low = args, 0
    elif len(args) == 3:
        input, low, high = args
    else:
        raise TypeError(f"For 'randint_like', expected (input, high) or (input, low, high), but got "
                        f"{len(args)} positional arguments.")
    return torch.randint_like(input, low, high, dtype=tdt(dtype), device=_dev(device, 'randint_like'))


def randperm(n, *, generator=None, dtype=mstype.int64):
    return torch.randperm(n, generator=tgen(generator), dtype=tdt(dtype))


def bernoulli(input, *, generator=None):
    return torch.bernoulli(input, generator=tgen(generator))


def multinomial(input, num_samples, replacement=False, *, generator=None):
    return torch.multinomial(input, num_samples, replacement, generator=tgen(generator))


def normal(mean=0.0, std=1.0, size=None, generator=None):
    g = tgen(generator)
    mt, st = isinstance(mean, torch.Tensor), isinstance(std, torch.Tensor)
    if mt or st:
        if mt and st:
            return torch.normal(mean, std, generator=g)
        if mt:
            return torch.normal(mean, float(std), generator=g)
        return torch.normal(float(mean), std, generator=g)
    if size is None:
        raise ValueError("For 'normal', 'size' must be given when 'mean' and 'std' are numbers.")
    return torch.normal(float(mean), float(std), _size((size,), 'normal'), generator=g)


# ---- names the reference's mint exports beyond its documented list ------------------------------
def addcmul(input, tensor1, tensor2, *, value=1):
    return _I["addcmul"](input, tensor1, tensor2, value)


def equal(input, other):
    if not isinstance(input, torch.Tensor) or not isinstance(other, torch.Tensor):
        raise TypeError("For 'equal', 'input' and 'other' must be Tensors.")
    if input.shape != other.shape:
        return False
    dt = torch.promote_types(input.dtype, other.dtype)
    return builtins.bool(torch.equal(input.to(dt), other.to(dt)))


def item(input):
    if input.numel() != 1:
        raise ValueError(f"For 'item', the input must have exactly one element, but got {input.numel()}.")
    return input.item()


def fix(input):
    return torch.trunc(input) if input.is_floating_point() else input.clone()


def trunc(input):
    return fix(input)


def linspace(start, end, steps, *, dtype=None):
    start = start.item() if isinstance(start, torch.Tensor) else start
    end = end.item() if isinstance(end, torch.Tensor) else end
    return torch.linspace(start, end, steps, dtype=_float_default(dtype))


def ones(size, *, dtype=None):
    if isinstance(size, int):
        size = (size,)
    return torch.ones(_size((size,), 'ones'), dtype=_float_default(dtype))


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    r = torch.unique(input, sorted=sorted, return_inverse=return_inverse, return_counts=return_counts, dim=dim)
    return tuple(r) if isinstance(r, tuple) else r


# ---- batch-norm pieces --------------------------------------------------------------------------
def _bn_axes(input):
    return (0,) + tuple(range(2, input.dim()))


def _bn_shape(input):
    return (1, -1) + (1,) * (input.dim() - 2)


def batch_norm_stats(input, eps):
    var, mean = torch.var_mean(input.float(), dim=_bn_axes(input), correction=0)
    return mean, torch.rsqrt(var + eps)


def batch_norm_elemt(input, weight=None, bias=None, mean=None, invstd=None, eps=1e-05):
    shape = _bn_shape(input)
    y = (input - mean.reshape(shape)) * invstd.reshape(shape)
    if weight is not None:
        y = y * weight.reshape(shape)
    if bias is not None:
        y = y + bias.reshape(shape)
    return y.to(input.dtype)


def batch_norm_gather_stats_with_counts(input, mean, invstd, running_mean=None, running_var=None, momentum=0.1,
                                        eps=1e-05, counts=None):
    """Combine per-device (mean, invstd, count) rows into the global mean and invstd; update the running
    statistics in place (variance unbiased) when given."""
    n = counts.to(torch.float64).reshape(-1, 1)
    m, var = mean.to(torch.float64), invstd.to(torch.float64).pow(-2) - eps
    total = n.sum()
    gmean = (m * n).sum(0) / total
    gvar = ((var + (m - gmean) ** 2) * n).sum(0) / total
    with torch.no_grad():
        if running_mean is not None:
            running_mean.mul_(1 - momentum).add_(momentum * gmean.to(running_mean.dtype))
        if running_var is not None:
            unbiased = gvar * total / (total - 1)
            running_var.mul_(1 - momentum).add_(momentum * unbiased.to(running_var.dtype))
    return gmean.to(mean.dtype), torch.rsqrt(gvar + eps).to(mean.dtype)


# ---- overloaded functions (``(*args, **kwargs)`` in the reference): PyTorch's overloads ------------
def _arg(a):
    if isinstance(a, Tensor):
        return a._t
    if isinstance(a, mstype.Type):
        return mstype.to_torch(a)
    if isinstance(a, (tuple, list)) and a and builtins.any(isinstance(x, Tensor) for x in a):
        return type(a)(_arg(x) for x in a)
    return a


def overload(name, fn):
    """A function taking PyTorch's overloads of ``fn`` (Tensors and dtypes converted at the edge)."""
    from ..common._errors import translate_error
    from ..ops._table import wrap

    def f(*args, **kwargs):
        try:
            args = [a._t if type(a) is Tensor else _arg(a) for a in args]
            r = fn(*args, **{k: _arg(v) for k, v in kwargs.items()}) if kwargs else fn(*args)
        except (RuntimeError, IndexError, NotImplementedError) as e:
            raise translate_error(name, e) from None
        except TypeError as e:
            raise TypeError(f"For '{name}', {e}") from None
        if type(r) is torch.Tensor:
            return Tensor._make(r)
        if isinstance(r, tuple):
            return tuple(wrap(x) for x in r)
        return wrap(r)
    f.__name__ = f.__qualname__ = name
    f.__module__ = "lightspore.mint"
    return f


def _empty(*size, dtype=None, device=None, pin_memory=False):
    return torch.empty(_size(size, 'empty'), dtype=_float_default(dtype), device=_dev(device, 'empty'))


def _empty_like(input, *, dtype=None, device=None, pin_memory=False):
    return torch.empty_like(input, dtype=dtype, device=_dev(device, 'empty_like'))


def _clamp(input, min=None, max=None):
    from ..ops._release_ops import clamp  # int input with float bounds differs between 2.7.1 and 2.10
    return clamp(input, min, max)


def _unbool(input, other):
    """The reference adds/subtracts bool tensors as numbers: cast them to the promoted dtype."""
    it, ot = isinstance(input, torch.Tensor), isinstance(other, torch.Tensor)
    if (it and input.dtype == torch.bool) or (ot and other.dtype == torch.bool):
        dt = torch.result_type(input, other)
        if dt == torch.bool:
            dt = torch.int64 if (it and ot) else dt
        if it and input.dtype == torch.bool:
            input = input.to(dt)
        if ot and other.dtype == torch.bool:
            other = other.to(dt)
    return input, other


def _sub(input, other, *, alpha=1):
    input, other = _unbool(input, other)
    return torch.sub(input, other, alpha=alpha)


def _nansum(input, dim=None, keepdim=False, *, dtype=None):
    if dim is None:
        dim = ()
    return torch.nansum(input, dim=_dims(dim), keepdim=keepdim, dtype=dtype)


def _repeat_interleave(input, repeats, dim=None, *, output_size=None):
    return torch.repeat_interleave(input, repeats, dim=dim, output_size=output_size)


def _kthvalue(input, k, dim=-1, keepdim=False):
    return tuple(torch.kthvalue(input, k, dim, keepdim))


def _real(input):
    return torch.real(input) if input.is_complex() else input


def _imag(input):
    if not input.is_complex():
        raise TypeError("For 'imag', the input must be a complex tensor.")
    return torch.imag(input)


def _any(input, dim=None, keepdim=False):
    if dim is None:
        r = torch.any(input)
        return r.reshape((1,) * input.dim()) if keepdim else r
    return torch.any(input, dim=_dims(dim), keepdim=keepdim)


def _max(input, *args, **kwargs):
    if not args and not kwargs:
        return torch.max(input)
    r = torch.max(input, *args, **kwargs)
    return tuple(r) if isinstance(r, tuple) else r


def _min(input, *args, **kwargs):
    if not args and not kwargs:
        return torch.min(input)
    r = torch.min(input, *args, **kwargs)
    return tuple(r) if isinstance(r, tuple) else r


def _where(condition, *args, **kwargs):
    if not args and not kwargs:
        return tuple(torch.where(condition))
    return torch.where(condition, *args, **kwargs)


OVERLOADS = {
    "add": torch.add, "sub": _sub, "addcdiv": torch.addcdiv, "any": _any,
    "bitwise_not": torch.bitwise_not, "clamp": _clamp, "div": torch.div, "floor_divide": torch.floor_divide,
    "fmod": torch.fmod, "greater_equal": torch.greater_equal, "imag": _imag, "real": _real,
    "index_add": torch.index_add, "kthvalue": _kthvalue, "lerp": torch.lerp, "max": _max, "min": _min,
    "nansum": _nansum, "remainder": torch.remainder, "repeat_interleave": _repeat_interleave,
    "where": _where, "xlogy": torch.xlogy, "empty": _empty, "empty_like": _empty_like,
    "clip": _clamp, "ge": torch.greater_equal,
}

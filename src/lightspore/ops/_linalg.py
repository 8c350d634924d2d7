"""Linear algebra: matrix products, decompositions, solves, norms, windows over matrices."""
from __future__ import annotations

import torch

from ..common import dtype as mstype
from ..common._errors import translate_error
from ..common.tensor import Tensor
from ._args import _REQ, _attr_prim, _u, attr_prim
from ._samples import A, Prop, S, V, f32, f64, i32, inf
from ._table import OPS, Primitive, method, op, prim, unwrap


# ---------------------------------------------------------------------------------------------
# linear algebra
# ---------------------------------------------------------------------------------------------
@op(method="matmul",
    samples=(S(f32(2, 3), f32(3, 4, seed=1)), S(f32(2, 2, 3), f32(3, 4, seed=1)), S(f32(3), f32(3, 2, seed=1)),
             S(f32(3), f32(3, seed=1)), S(i32(2, 3), i32(3, 2, seed=1))))
def matmul(input, other):
    if not (isinstance(input, torch.Tensor) and isinstance(other, torch.Tensor)):
        raise TypeError(f"For 'matmul', 'input' and 'other' must be Tensors, but got {type(input).__name__} and "
                        f"{type(other).__name__}.")
    return torch.matmul(input, other)


@op(method="bmm", samples=(S(f32(2, 2, 3), f32(2, 3, 4, seed=1)),))
def bmm(input_x, mat2):
    return torch.bmm(input_x, mat2)


@op(method="outer", samples=(S(f32(3), f32(2, seed=1)),))
def outer(input, vec2):
    return torch.outer(input, vec2)


@op(samples=(S(f32(2, 3), f32(3, 2, seed=1)),))
def dot(input, other):
    return torch.matmul(input, other)


@op(static=("equation",), samples=(S('ij,jk->ik', f32(2, 3), f32(3, 4, seed=1)), S('ii', f32(3, 3))))
def einsum(equation, *operands):
    return torch.einsum(equation, *operands)


@prim("MatMul")
class MatMul(Primitive):
    def __init__(self, transpose_a=False, transpose_b=False):
        super().__init__("MatMul")
        self.transpose_a, self.transpose_b = transpose_a, transpose_b

    def __call__(self, x, y):
        a, b = unwrap(x), unwrap(y)
        if self.transpose_a:
            a = a.mT
        if self.transpose_b:
            b = b.mT
        try:
            return Tensor._make(torch.matmul(a, b))
        except RuntimeError as e:
            raise translate_error(self.name, e) from None


@prim("BatchMatMul")
class BatchMatMul(MatMul):
    def __init__(self, transpose_a=False, transpose_b=False):
        super().__init__(transpose_a, transpose_b)
        self.name = "BatchMatMul"


@method("dot")
def _dot_method(self, other):
    return OPS["dot"](self, other)


def _tridiag_matmul(s, superdiag, maindiag, subdiag, rhs):
    # row i: sub[i] * rhs[i-1] + main[i] * rhs[i] + super[i] * rhs[i+1]
    su, ma, sb = superdiag.mT, maindiag.mT, subdiag.mT     # (..., m, 1)
    r = ma * rhs
    r[..., :-1, :] += su[..., :-1, :] * rhs[..., 1:, :]
    r[..., 1:, :] += sb[..., 1:, :] * rhs[..., :-1, :]
    return r

_attr_prim("TridiagonalMatMul", [], _tridiag_matmul,
           "A tridiagonal matrix (super-, main and sub-diagonal, each (..., 1, M)) times ``rhs`` (..., M, N).")


@op(samples=(S(f32(2, 2, 4), f32(2, 2, 3, seed=1), f32(2, 3, 4, seed=2)),))
def baddbmm_ext(input, batch1, batch2, *, beta=1, alpha=1):
    """``beta * input + alpha * (batch1 @ batch2)``."""
    return torch.baddbmm(input, batch1, batch2, beta=beta, alpha=alpha)

_attr_prim("Einsum", [("equation", _REQ)], lambda s, xs: torch.einsum(s.equation, *[_u(t) for t in xs]),
           "Einstein summation of the input tensors over ``equation``.")


def _float_in(x, name, arg="input"):
    if not (x.is_floating_point() or x.is_complex()):
        raise TypeError(f"For '{name}', '{arg}' must be a float or complex tensor, "
                        f"but got {mstype.from_torch(x.dtype)}")
    return x


@op(method="inverse", samples=(S(A((3, 3), 'float32', 1, 2)),))
def inverse(input):
    return torch.linalg.inv(_float_in(input, "inverse"))


@op(method="det", samples=(S(f32(3, 3)), S(f32(2, 2, 2))))
def det(input):
    return torch.linalg.det(_float_in(input, "det"))


@op(prim="MatrixDeterminant", method="matrix_determinant", samples=(S(f32(3, 3)),))
def matrix_determinant(input):
    return torch.linalg.det(_float_in(input, "matrix_determinant"))


@op(method="slogdet", out="tuple", samples=(S(f32(3, 3)),))
def slogdet(input):
    r = torch.linalg.slogdet(_float_in(input, "slogdet"))
    return r.sign, r.logabsdet


@op(method="logdet", samples=(S(A((3, 3), 'float32', 1, 2)),))
def logdet(input):
    return torch.logdet(_float_in(input, "logdet"))


@op(method="svd", out="any", samples=(S(f32(3, 3), False, False), S(f32(2, 4, 3), False, False)))
def svd(input, full_matrices=False, compute_uv=True):
    _float_in(input, "svd")
    if not compute_uv:
        return torch.linalg.svdvals(input)
    u, s, vh = torch.linalg.svd(input, full_matrices=full_matrices)
    return s, u, vh.mH      # the reference returns (s, u, v), v not transposed


@op(out="tuple", samples=(S(f32(3, 2)), S(f32(3, 2), 'complete')))
def qr(input, mode='reduced'):
    if mode not in ('reduced', 'complete', 'r'):
        raise TypeError(f"For 'qr', 'mode' must be 'reduced', 'complete' or 'r', but got {mode!r}")
    return torch.linalg.qr(_float_in(input, "qr"), mode=mode)


@method("qr")
def _qr_method(self, some=True):
    return qr(self, 'reduced' if some else 'complete')


@op(method="cholesky", samples=(S(V([[4.0, 2.0], [2.0, 3.0]])), S(V([[4.0, 2.0], [2.0, 3.0]]), True)))
def cholesky(input_x, upper=False):
    return torch.linalg.cholesky(_float_in(input_x, "cholesky", "input_x"), upper=upper)


@op(method="cholesky_inverse", samples=(S(V([[2.0, 0.0], [1.0, 1.5]])),))
def cholesky_inverse(input_x, upper=False):
    return torch.cholesky_inverse(_float_in(input_x, "cholesky_inverse", "input_x"), upper=upper)


@op(method="matrix_power", samples=(S(f32(3, 3), 2), S(f32(3, 3), 0), S(A((3, 3), 'float32', 1, 2), -1)))
def matrix_power(input, n):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"For 'matrix_power', 'n' must be an int, but got {type(n).__name__}")
    return torch.linalg.matrix_power(input, n)


@op(method="cross", samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(3, 2), f32(3, 2, seed=1), 0)))
def cross(input, other, dim=None):
    if dim is None:
        dim = next((i for i, s in enumerate(input.shape) if s == 3), None)
        if dim is None:
            raise ValueError("For 'cross', no dimension of 'input' has size 3")
    return torch.linalg.cross(input, other, dim=dim)


@op(prim="Trace", samples=(S(f32(3, 3)), S(f32(2, 4))))
def trace(input):
    if input.ndim != 2:
        raise ValueError(f"For 'trace', 'input' must be a 2-D tensor, but got {input.ndim}-D")
    return torch.trace(input).to(input.dtype)     # integer traces keep their dtype


@method("trace")
def _trace_method(self, offset=0, axis1=0, axis2=1, dtype=None):
    t = self._t
    r = torch.diagonal(t, offset, axis1, axis2).sum(-1)
    if dtype is not None:
        r = r.to(mstype.to_torch(dtype))
    return Tensor._make(r)


@op(samples=(S(f32(2, 2), f32(2, 3, seed=1)),))
def kron(input, other):
    return torch.kron(input, other)


@op(method="inner", samples=(S(f32(2, 3), f32(4, 3, seed=1)),))
def inner(input, other):
    return torch.inner(input, other)


@op(method="mm", samples=(S(f32(2, 3), f32(3, 4, seed=1)),))
def mm(input, mat2):
    return torch.mm(input, mat2)


@op(samples=(S(f32(2, 3), f32(3, seed=1)),))
def mv(mat, vec):
    return torch.mv(mat, vec)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(2, 3, seed=1), axis=0)))
def vecdot(x, y, *, axis=-1):
    return torch.linalg.vecdot(x, y, dim=axis)


@op(samples=(S(f32(2, 2, 4), f32(2, 2, 3, seed=1), f32(2, 3, 4, seed=2)),
             S(f32(2, 2, 4), f32(2, 2, 3, seed=1), f32(2, 3, 4, seed=2), 0.5, 2.0)))
def baddbmm(input, batch1, batch2, beta=1, alpha=1):
    return torch.baddbmm(input, batch1, batch2, beta=beta, alpha=alpha)


@method("baddbmm", of="baddbmm")
def _t_baddbmm(self, batch1, batch2, *, beta=1, alpha=1):
    """``Tensor.baddbmm``: ``beta`` and ``alpha`` by keyword only (positional in the functional form)."""
    return OPS["baddbmm"](self, batch1, batch2, beta, alpha)


@op(method="addmm",
    samples=(S(f32(2, 4), f32(2, 3, seed=1), f32(3, 4, seed=2)),
             S(f32(4), f32(2, 3, seed=1), f32(3, 4, seed=2), beta=0.5, alpha=2.0)))
def addmm(input, mat1, mat2, *, beta=1, alpha=1):
    return torch.addmm(input, mat1, mat2, beta=beta, alpha=alpha)


@op(method="addmv", samples=(S(f32(2), f32(2, 3, seed=1), f32(3, seed=2)),))
def addmv(input, mat, vec, *, beta=1, alpha=1):
    return torch.addmv(input, mat, vec, beta=beta, alpha=alpha)


@op(method="addbmm", samples=(S(f32(2, 4), f32(2, 2, 3, seed=1), f32(2, 3, 4, seed=2)),))
def addbmm(input, batch1, batch2, *, beta=1, alpha=1):
    return torch.addbmm(input, batch1, batch2, beta=beta, alpha=alpha)


@op(samples=(S(f32(2, 3), f32(2, seed=1), f32(3, seed=2)),))
def addr(x, vec1, vec2, *, beta=1, alpha=1):
    return torch.addr(x, vec1, vec2, beta=beta, alpha=alpha)


@method("addr")
def _t_addr(self, vec1, vec2, beta=1, alpha=1):
    return addr(self, vec1, vec2, beta=beta, alpha=alpha)


@op(samples=(S(f32(3)), S(f32(3), 4)))
def vander(x, N=None):
    if x.ndim != 1:
        raise ValueError(f"For 'vander', 'x' must be a 1-D tensor, but got {x.ndim}-D")
    return torch.linalg.vander(x, N=N).flip(-1)      # decreasing powers, like numpy


@op(samples=(S(f32(2, 3, 4), f32(2, 2, 4, seed=1)), S(f32(3, 4), f32(2, 4, seed=1), 1.0)))
def cdist(x1, x2, p=2.0):
    return torch.cdist(x1, x2, p=p)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 3), f32(2, 3, seed=1), 1)))
def dist(input, other, p=2):
    return torch.dist(input, other, p=p)


@op(samples=(S(f32(3, 2)),))
def pinv(x, *, atol=None, rtol=None, hermitian=False):
    return torch.linalg.pinv(x, atol=atol, rtol=rtol, hermitian=hermitian)


@op(method="renorm", samples=(S(f32(3, 4), 2, 0, 1.0),))
def renorm(input, p, axis, maxnorm):
    return torch.renorm(input, p, axis, maxnorm)


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 1, 1), S(f32(2, 3), inf, (0, 1), True)))
def vector_norm(x, ord=2, axis=None, keepdims=False, *, dtype=None):
    return torch.linalg.vector_norm(x, ord, axis, keepdims, dtype=mstype.to_torch(dtype) if dtype else None)


@op(samples=(S(f32(2, 3)), S(f32(2, 3), 1), S(f32(2, 3, 3), 'nuc')))
def matrix_norm(A, ord='fro', axis=(-2, -1), keepdims=False, *, dtype=None):
    return torch.linalg.matrix_norm(A, ord, tuple(axis), keepdims, dtype=mstype.to_torch(dtype) if dtype else None)


@prim("MatrixInverse")
class MatrixInverse(Primitive):
    def __init__(self, adjoint=False):
        super().__init__("MatrixInverse")
        self.adjoint = adjoint

    def __call__(self, x):
        r = torch.linalg.inv(_float_in(x._t, "MatrixInverse", "x"))
        return Tensor._make(r.mH if self.adjoint else r)


@prim("Svd")
class Svd(Primitive):
    def __init__(self, full_matrices=False, compute_uv=True):
        super().__init__("Svd")
        self.full_matrices, self.compute_uv = full_matrices, compute_uv

    def __call__(self, a):
        u, s, vh = torch.linalg.svd(_float_in(a._t, "Svd", "a"), full_matrices=self.full_matrices)
        if not self.compute_uv:     # the primitive always returns three outputs
            u, vh = torch.zeros((), dtype=a._t.dtype), torch.zeros((), dtype=a._t.dtype).mH
        return Tensor._make(s), Tensor._make(u), Tensor._make(vh.mH)


@prim("Qr")
class Qr(Primitive):
    def __init__(self, full_matrices=False):
        super().__init__("Qr")
        self.full_matrices = full_matrices

    def __call__(self, x):
        q, r = torch.linalg.qr(_float_in(x._t, "Qr", "x"), mode="complete" if self.full_matrices else "reduced")
        return Tensor._make(q), Tensor._make(r)


attr_prim("Cholesky", cholesky, {"upper": False})


attr_prim("MatrixPower", matrix_power, {"n": _REQ})


@prim("Cross")
class Cross(Primitive):
    def __init__(self, dim=-65530):
        super().__init__("Cross")
        self.dim = dim

    def __call__(self, x1, x2):
        return cross(x1, x2, None if self.dim == -65530 else self.dim)


attr_prim("Cdist", cdist, {"p": 2.0})


# ---------------------------------------------------------------------------------------------
# part 2: solves, log-determinant, adjoint, products
# ---------------------------------------------------------------------------------------------
@op(method="cholesky_solve", samples=(S(f32(2, 3), V([[2.0, 0.0], [1.0, 1.5]])),))
def cholesky_solve(input, input2, upper=False):
    return torch.cholesky_solve(input, input2, upper=upper)


@op(samples=(S(A((3, 3), 'float32', 1, 2), f32(3, 2)),))
def matrix_solve(matrix, rhs, adjoint=False):
    return torch.linalg.solve(matrix.mH if adjoint else matrix, rhs)


attr_prim("MatrixSolve", matrix_solve, {"adjoint": False})


@op(prim="LogMatrixDeterminant", method="log_matrix_determinant", out="tuple", samples=(S(A((3, 3), 'float32', 1, 2)),))
def log_matrix_determinant(input):
    r = torch.linalg.slogdet(_float_in(input, "log_matrix_determinant"))
    return r.sign, r.logabsdet


@op(method="adjoint", samples=(S(f32(2, 3)),))
def adjoint(x):
    return x.mH.clone()


@op(prim="Ger", method="ger", samples=(S(f32(3), f32(2, seed=1)),))
def ger(input, vec2):
    return torch.outer(input, vec2)


@op(samples=(S(f32(2, 3), f32(3, 4, seed=1), 1), S(f32(2, 3), f32(3, 2, seed=1), ((1,), (0,)))))
def tensor_dot(x1, x2, axes):
    if isinstance(axes, (list, tuple)) and len(axes) == 2 and all(isinstance(a, (list, tuple)) for a in axes):
        axes = (list(axes[0]), list(axes[1]))
    elif isinstance(axes, (list, tuple)) and len(axes) == 2:
        axes = ([axes[0]], [axes[1]])
    return torch.tensordot(x1, x2, dims=axes)


# ---------------------------------------------------------------------------------------------
# window functions
# ---------------------------------------------------------------------------------------------
def _win(name, window_length, dtype, default=torch.float32, tensor=False):
    if isinstance(window_length, torch.Tensor):
        if tensor:
            window_length = int(window_length.item())
        else:
            raise TypeError(f"For '{name}', 'window_length' must be an int, but got Tensor")
    elif tensor:
        raise TypeError(f"For '{name}', 'window_length' must be a Tensor, but got {type(window_length).__name__}")
    if not isinstance(window_length, int) or isinstance(window_length, bool):
        raise TypeError(f"For '{name}', 'window_length' must be an int, but got {type(window_length).__name__}")
    if window_length < 0:
        raise ValueError(f"For '{name}', 'window_length' must be non-negative, but got {window_length}")
    return window_length, (mstype.to_torch(dtype) if dtype is not None else default)


@op(samples=(S(5), S(5, False)))
def bartlett_window(window_length, periodic=True, *, dtype=None):
    window_length, dt = _win("bartlett_window", window_length, dtype, tensor=True)
    return torch.bartlett_window(window_length, periodic, dtype=dt)


@op(samples=(S(5), S(5, False)))
def blackman_window(window_length, periodic=True, *, dtype=None):
    window_length, dt = _win("blackman_window", window_length, dtype, tensor=True)
    return torch.blackman_window(window_length, periodic, dtype=dt)


@op(samples=(S(5), S(5, False)))
def hamming_window(window_length, periodic=True, alpha=0.54, beta=0.46, *, dtype=None):
    window_length, dt = _win("hamming_window", window_length, dtype)
    return torch.hamming_window(window_length, periodic, alpha, beta, dtype=dt)


@op(samples=(S(5), S(5, False)))
def hann_window(window_length, periodic=True, *, dtype=None):
    window_length, dt = _win("hann_window", window_length, dtype, default=torch.float64)
    return torch.hann_window(window_length, periodic, dtype=dt)


@op(samples=(S(5), S(5, False)))
def kaiser_window(window_length, periodic=True, beta=12.0, *, dtype=None):
    window_length, dt = _win("kaiser_window", window_length, dtype, default=torch.float64)
    return torch.kaiser_window(window_length, periodic, beta, dtype=dt)


@op(samples=(S(f32(2, 3), f32(2, 3, seed=1)), S(f32(2, 2, 3), f32(2, 3, 4, seed=1), (2, 1))))
def batch_dot(x1, x2, axes=None):
    name = "batch_dot"
    if x1.ndim < 2 or x2.ndim < 2:
        raise ValueError(f"For '{name}', 'x1' and 'x2' must be at least 2-D, but got {x1.ndim}-D and {x2.ndim}-D")
    if x1.shape[0] != x2.shape[0]:
        raise ValueError(f"For '{name}', 'x1' and 'x2' must have the same batch size, "
                         f"but got {x1.shape[0]} and {x2.shape[0]}")
    if axes is None:
        axes = [x1.ndim - 1, x2.ndim - 1 if x2.ndim == 2 else x2.ndim - 2]
    elif isinstance(axes, (list, tuple)):
        if len(axes) != 2 or 0 in axes:
            raise ValueError(f"For '{name}', 'axes' must be two non-zero ints, but got {axes}")
        axes = [axes[0] + x1.ndim if axes[0] < 0 else axes[0], axes[1] + x2.ndim if axes[1] < 0 else axes[1]]
    elif isinstance(axes, int) and not isinstance(axes, bool):
        if axes == 0:
            raise ValueError(f"For '{name}', 'axes' cannot be 0")
        axes = [axes + x1.ndim, axes + x2.ndim] if axes < 0 else [axes, axes]
    else:
        raise ValueError(f"For '{name}', 'axes' must be an int or a tuple/list of ints, but got {type(axes).__name__}")
    if axes[0] >= x1.ndim + (x1.ndim == 2) or axes[1] >= x2.ndim + (x2.ndim == 2) or min(axes) < 1:
        raise ValueError(f"For '{name}', 'axes' {axes} is out of range for shapes {tuple(x1.shape)}, "
                         f"{tuple(x2.shape)}")
    a, b = x1, x2
    if x1.ndim == 2:
        a = a.unsqueeze(1)
        axes[0] += 1
    if x2.ndim == 2:
        b = b.unsqueeze(2)
    a = torch.movedim(a, axes[0], -1)
    b = torch.movedim(b, axes[1], 1)
    f1, f2 = a.shape[1:-1], b.shape[2:]
    r = torch.bmm(a.reshape(a.shape[0], -1, a.shape[-1]), b.reshape(b.shape[0], b.shape[1], -1))
    r = r.reshape((a.shape[0],) + tuple(f1) + tuple(f2))
    if x1.ndim == 2:
        r = r.squeeze(1)
    elif x2.ndim == 2:
        r = r.squeeze(-1)
    return r


# eigenvalues come in no fixed order: they are compared as the characteristic polynomial, the eigenvectors (unique
# up to a phase) as A V == V diag(w) with unit columns (ops/_samples.CHECKS)
@op(samples=(Prop("eigvals", f32(3, 3)), Prop("eigvals", f64(4, 4)), S(i32(2, 2))))
def eigvals(A):     # Tensor.eigvals is broken in the reference (calls ops.eigvals without its argument)
    return torch.linalg.eigvals(_float_in(A, "eigvals", "A"))


@op(out="tuple", samples=(Prop("eig", f32(3, 3)), Prop("eig", f64(4, 4)), S(f32(2, 3))))
def eig(A):
    return torch.linalg.eig(_float_in(A, "eig", "A"))


# ---------------------------------------------------------------------------------------------
# matrix_diag / matrix_diag_part / matrix_set_diag (k = one diagonal or a band, four alignments)
# ---------------------------------------------------------------------------------------------
_ALIGNS = ("LEFT_RIGHT", "RIGHT_LEFT", "LEFT_LEFT", "RIGHT_RIGHT")


def _band(k, name):
    if isinstance(k, torch.Tensor):
        k = k.reshape(-1).tolist()
    if isinstance(k, (list, tuple)):
        if len(k) == 1:
            k = k[0]
        elif len(k) == 2:
            lo, hi = int(k[0]), int(k[1])
            if lo > hi:
                raise ValueError(f"For '{name}', k[0] must not be greater than k[1], but got {k}")
            return lo, hi, False
        else:
            raise ValueError(f"For '{name}', 'k' must have one or two elements, but got {k}")
    return int(k), int(k), True


def _diag_layout(m, n, lo, hi, align, name):
    """Per diagonal d (from hi down to lo): row/col index tensors and the offset in the padded row."""
    if align not in _ALIGNS:
        raise ValueError(f"For '{name}', 'align' must be one of {_ALIGNS}, but got {align!r}")
    sup_left, sub_left = align.split("_")[0] == "LEFT", align.split("_")[1] == "LEFT"
    lens = {d: max(0, min(m + min(d, 0), n - max(d, 0))) for d in range(lo, hi + 1)}
    max_len = max(lens.values())
    out = []
    for d in range(hi, lo - 1, -1):
        ln = lens[d]
        left = (d >= 0 and sup_left) or (d <= 0 and sub_left)
        off = 0 if left else max_len - ln
        j = torch.arange(ln)
        out.append((hi - d, j + max(0, -d), j + max(0, d), off, ln))
    return out, max_len


def _scalar(v, like):
    return v.to(like.dtype) if isinstance(v, torch.Tensor) else torch.tensor(v, dtype=like.dtype)


@op(samples=(S(f32(3, 4), V(0, 'int32'), V(0.0)),))
def matrix_diag_part(x, k, padding_value, align='RIGHT_LEFT'):
    lo, hi, single = _band(k, "matrix_diag_part")
    m, n = x.shape[-2], x.shape[-1]
    layout, max_len = _diag_layout(m, n, lo, hi, align, "matrix_diag_part")
    out = _scalar(padding_value, x).expand(tuple(x.shape[:-2]) + (hi - lo + 1, max_len)).clone()
    for row, r, c, off, ln in layout:
        out[..., row, off:off + ln] = x[..., r, c]
    return out[..., 0, :] if single else out


@op(samples=(S(f32(3, 3), f32(3, seed=1)), S(f32(2, 3, 4), f32(2, 3, seed=1))))
def matrix_set_diag(x, diagonal, k=0, align='RIGHT_LEFT'):
    lo, hi, single = _band(k, "matrix_set_diag")
    m, n = x.shape[-2], x.shape[-1]
    layout, _ = _diag_layout(m, n, lo, hi, align, "matrix_set_diag")
    dg = diagonal.unsqueeze(-2) if single else diagonal
    out = x.clone()
    for row, r, c, off, ln in layout:
        out[..., r, c] = dg[..., row, off:off + ln].to(x.dtype)
    return out


@op(samples=(S(f32(2, 3)),))
def matrix_diag(x, k=0, num_rows=-1, num_cols=-1, padding_value=0, align='RIGHT_LEFT'):
    lo, hi, single = _band(k, "matrix_diag")
    dg = x.unsqueeze(-2) if single else x
    max_len = dg.shape[-1]
    min_rows, min_cols = max_len - min(hi, 0), max_len + max(lo, 0)
    num_rows = int(num_rows.item()) if isinstance(num_rows, torch.Tensor) else int(num_rows)
    num_cols = int(num_cols.item()) if isinstance(num_cols, torch.Tensor) else int(num_cols)
    if num_rows == -1 and num_cols == -1:     # square, large enough for every diagonal
        m = n = max(min_rows, min_cols)
    else:
        m = num_rows if num_rows != -1 else min_rows
        n = num_cols if num_cols != -1 else min_cols
    layout, _ = _diag_layout(m, n, lo, hi, align, "matrix_diag")
    out = _scalar(padding_value, x).expand(tuple(dg.shape[:-2]) + (m, n)).clone()
    for row, r, c, off, ln in layout:
        out[..., r, c] = dg[..., row, off:off + ln]
    return out


# ---------------------------------------------------------------------------------------------
# matrix exponential, LU unpacking, and the primitive forms of the Cholesky helpers and renorm
# ---------------------------------------------------------------------------------------------
@op(prim="MatrixExp", samples=(S(f32(2, 2)),))
def matrix_exp(input):
    """The matrix exponential of each square matrix in the last two dims."""
    if input.dim() < 2 or input.shape[-1] != input.shape[-2]:
        raise ValueError(f"For 'matrix_exp', the input must be square matrices, but got shape {tuple(input.shape)}.")
    return torch.linalg.matrix_exp(input)


def _lu_unpack(lu, pivots, unpack_data, unpack_pivots, name):
    if lu.dim() < 2:
        raise ValueError(f"For '{name}', 'LU_data' must be at least 2-D, but got {lu.dim()}-D.")
    if pivots.is_floating_point():
        raise TypeError(f"For '{name}', 'LU_pivots' must be an integer tensor.")
    p, lo, up = torch.lu_unpack(lu, pivots.to(torch.int32), unpack_data, unpack_pivots)
    # what was not asked for is None, as in the reference
    return (p.to(lu.dtype) if unpack_pivots else None, lo if unpack_data else None, up if unpack_data else None)


@op(out="tuple", samples=(S(f32(3, 3), V([2, 2, 3], "int32")), S(f32(2, 3, 3), V([[3, 2, 3], [1, 3, 3]], "int32")),
                          S(f32(3, 3), V([2, 3, 3], "int32"), False), S(f32(3, 3), V([3, 3, 3], "int32"), True, False)))
def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True):  # noqa: N803  (the reference's names)
    """``(P, L, U)`` from an LU factorisation and its 1-based pivots."""
    return _lu_unpack(LU_data, LU_pivots, unpack_data, unpack_pivots, "lu_unpack")


@prim("LuUnpack")
class LuUnpack(Primitive):
    """``(P, L, U)`` from an LU factorisation and its 1-based pivots."""

    def __init__(self, unpack_data=True, unpack_pivots=True):
        super().__init__("LuUnpack")
        self.unpack_data, self.unpack_pivots = unpack_data, unpack_pivots

    def __call__(self, LU_data, LU_pivots):  # noqa: N803
        r = _lu_unpack(LU_data._t, LU_pivots._t, self.unpack_data, self.unpack_pivots, "LuUnpack")
        return tuple(None if x is None else Tensor._make(x) for x in r)


attr_prim("CholeskyInverse", cholesky_inverse, {"upper": False})


attr_prim("CholeskySolve", cholesky_solve, {"upper": False})


@prim("Renorm")
class Renorm(Primitive):
    """Rescale each sub-tensor along ``dim`` whose ``p``-norm exceeds ``maxnorm``."""

    def __init__(self, p, dim, maxnorm):
        super().__init__("Renorm")
        self.p, self.dim, self.maxnorm = p, dim, maxnorm

    def __call__(self, x):
        return renorm(x, self.p, self.dim, self.maxnorm)


# ---------------------------------------------------------------------------------------------
# triangular and LU solves, Householder QR pieces, least squares
# ---------------------------------------------------------------------------------------------
def _lu_solve(b, lu, piv):
    return torch.linalg.lu_solve(lu, piv.to(torch.int32), b)


@op(samples=(S(f32(3, 2, seed=1), A((3, 3), "float32", 1, 2), V([3, 2, 3], "int32")),
             S(f32(2, 3, 1, seed=1), A((2, 3, 3), "float32", 1, 2), V([[1, 2, 3], [2, 3, 3]], "int32"))))
def lu_solve(b, LU_data, LU_pivots):  # noqa: N803  (the reference's names)
    """Solve ``A x = b`` from ``A``'s LU factorisation and 1-based pivots."""
    if LU_data.dim() < 2 or LU_data.shape[-1] != LU_data.shape[-2]:
        raise ValueError(f"For 'lu_solve', 'LU_data' must be square matrices, but got {tuple(LU_data.shape)}.")
    return _lu_solve(b, LU_data, LU_pivots)


attr_prim("LuSolve", lu_solve, {})


@method("lu_solve", of="lu_solve")
def _t_lu_solve(self, LU_data, LU_pivots):  # noqa: N803
    return lu_solve(self, LU_data, LU_pivots)


@prim("MatrixTriangularSolve")
class MatrixTriangularSolve(Primitive):
    """Solve ``matrix @ X = rhs`` for triangular ``matrix`` (``lower``; ``adjoint`` solves with its adjoint)."""

    def __init__(self, lower=True, adjoint=False):
        super().__init__("MatrixTriangularSolve")
        self.lower, self.adjoint = lower, adjoint

    def __call__(self, matrix, rhs):
        a, b = matrix._t, rhs._t
        upper = not self.lower
        if self.adjoint:
            a, upper = a.mH, not upper
        a = torch.tril(a) if not upper else torch.triu(a)
        return Tensor._make(torch.linalg.solve_triangular(a, b, upper=upper))


@method("triangular_solve")
def _t_triangular_solve(self, A, upper=True, transpose=False, unitriangular=False):  # noqa: N803
    """``(solution, A)`` of ``A X = self`` for triangular ``A``."""
    a = A._t
    a = torch.triu(a) if upper else torch.tril(a)
    if transpose:
        a, upper = a.mT, not upper
    x = torch.linalg.solve_triangular(a, self._t, upper=upper, unitriangular=unitriangular)
    return Tensor._make(x), Tensor._make(A._t.clone())


def _geqrf(x):
    if x.dim() < 2:
        raise ValueError(f"For 'geqrf', the input must be at least 2-D, but got {x.dim()}-D.")
    return torch.geqrf(x)


@op(out="tuple", prim="Geqrf", method="geqrf",
    samples=(S(f32(4, 3)), S(f32(3, 3)), S(f32(2, 2, 3)), S(f64(3, 2))))
def geqrf(input):
    """``(a, tau)``: the Householder form of the QR decomposition (LAPACK geqrf)."""
    return _geqrf(input)


@op(prim="Orgqr", method="orgqr",
    samples=(S(f32(4, 3), A((3,), "float32", 1, 2, 1)), S(f32(2, 3, 2), A((2, 2), "float32", 1, 2, 1))))
def orgqr(input, input2):
    """The explicit ``Q`` of a Householder QR (``geqrf``'s ``a`` and ``tau``)."""
    return torch.linalg.householder_product(input, input2)


_TAU = A((3,), "float32", 1, 2, 1)     # Householder scalars of a (4, 3) QR


@op(samples=(S(f32(4, 3), _TAU, f32(4, 2, seed=2)), S(f32(4, 3), _TAU, f32(2, 4, seed=2), False),
             S(f32(4, 3), _TAU, f32(4, 2, seed=2), True, True)))
def ormqr(input, tau, other, left=True, transpose=False):
    """``Q @ other`` (or ``other @ Q``, ``Q^H`` when ``transpose``) for ``Q`` given by Householder reflectors."""
    return torch.ormqr(input, tau, other, left=left, transpose=transpose)


attr_prim("Ormqr", ormqr, {"left": True, "transpose": False})


@op(prim="EqualCount", samples=(S(i32(5), i32(5, seed=1)),))
def _equal_count(x, y):
    if x.shape != y.shape or x.dtype != y.dtype:
        raise ValueError("For 'EqualCount', the inputs must have the same shape and dtype.")
    return torch.sum(x == y).to(torch.int32).reshape(1)


@method("ormqr", of="ormqr")
def _t_ormqr(self, input2, input3, left=True, transpose=False):
    return ormqr(self, input2, input3, left, transpose)


def _lstsq(x, a, name):
    if x.dtype != a.dtype:
        raise TypeError(f"For '{name}', the inputs must have the same dtype, but got {x.dtype} and {a.dtype}.")
    if x.dim() != 2 or a.dim() not in (1, 2) or x.shape[0] != a.shape[0]:
        raise ValueError(f"For '{name}', the inputs must be (m, n) and (m, k) or (m,), but got {tuple(x.shape)} "
                         f"and {tuple(a.shape)}.")
    b = a.unsqueeze(1) if a.dim() == 1 else a
    # minimum-norm least squares through the pseudo-inverse (gelsd-like, any m, n)
    # a 1-D right-hand side comes back as an (n, 1) column, as in the reference
    return torch.linalg.lstsq(x.double(), b.double(), driver="gelsd").solution.to(x.dtype)


@op(method="lstsq", samples=(S(f32(4, 2), f32(4, 3, seed=1)),))
def lstsq(input, A):  # noqa: N803  (the reference's name)
    """The least-squares (m >= n) or minimum-norm (m < n) solution ``y`` of ``input @ y = A``."""
    return _lstsq(input, A, "lstsq")


@prim("Lstsq")
class Lstsq(Primitive):
    """Least-squares / minimum-norm solutions (the reference accepts only ``l2_regularizer=0.0``)."""

    def __init__(self, fast=True, l2_regularizer=0.0):
        super().__init__("Lstsq")
        if l2_regularizer != 0.0:
            raise TypeError(f"For 'Lstsq', the 'l2_regularizer' should be 0.0, but got {l2_regularizer!r}.")
        self.fast, self.l2_regularizer = fast, l2_regularizer

    def __call__(self, a, b):
        return Tensor._make(_lstsq(a._t, b._t, "Lstsq"))


@prim("Eig")
class Eig(Primitive):
    """Eigenvalues (and, with ``compute_v``, eigenvectors) of square matrices, complex."""

    def __init__(self, compute_v=False):
        super().__init__("Eig")
        self.compute_v = compute_v

    def __call__(self, x):
        t = x._t
        if self.compute_v:
            w, v = torch.linalg.eig(t)
            return Tensor._make(w), Tensor._make(v)
        # without compute_v the reference still returns a pair: the eigenvalues and an empty complex tensor
        w = torch.linalg.eigvals(t)
        return Tensor._make(w), Tensor._make(torch.zeros((), dtype=w.dtype))

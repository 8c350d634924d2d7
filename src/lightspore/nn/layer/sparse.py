"""SparseTensorDenseMatmul: a COO sparse matrix (indices, values, shape) times a dense matrix."""
import torch

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["SparseTensorDenseMatmul"]


class SparseTensorDenseMatmul(Cell):
    """``op(A) @ op(dense)`` where ``A`` (``sparse_shape``) holds ``values`` at ``indices`` (duplicates add up) and
    ``op`` transposes when ``adjoint_st`` / ``adjoint_dt``."""

    def __init__(self, adjoint_st=False, adjoint_dt=False):
        super().__init__()
        for arg, v in (("adjoint_st", adjoint_st), ("adjoint_dt", adjoint_dt)):
            validator.check_value_type(arg, v, [bool], "SparseTensorDenseMatmul")
        self.adj_st = adjoint_st
        self.adj_dt = adjoint_dt

    def construct(self, indices, values, sparse_shape, dense):
        name = "SparseTensorDenseMatmul"
        for arg, v in (("indices", indices), ("values", values), ("dense", dense)):
            if not isinstance(v, Tensor):
                raise TypeError(f"For '{name}', the '{arg}' must be a Tensor, but got {type(v).__name__}.")
        idx, val, b = indices._t, values._t, dense._t
        if idx.dtype not in (torch.int32, torch.int64):
            raise TypeError(f"For '{name}', the dtype of 'indices' must be int32 or int64, but got "
                            f"{mstype.from_torch(idx.dtype)}.")
        if val.dtype != b.dtype:
            raise TypeError(f"For '{name}', the dtype of 'dense' must be the dtype of 'values' "
                            f"({mstype.from_torch(val.dtype)}), but got {mstype.from_torch(b.dtype)}.")
        if not isinstance(sparse_shape, tuple) or len(sparse_shape) != 2 or any(
                isinstance(s, bool) or not isinstance(s, int) or s <= 0 for s in sparse_shape):
            raise ValueError(f"For '{name}', the 'sparse_shape' must be a tuple of two positive ints, but got "
                             f"{sparse_shape}.")
        if idx.dim() != 2 or idx.shape[1] != 2 or val.dim() != 1 or val.shape[0] != idx.shape[0]:
            raise ValueError(f"For '{name}', 'indices' must be (n, 2) and 'values' (n,), but got "
                             f"{tuple(idx.shape)} and {tuple(val.shape)}.")
        if b.dim() != 2:
            raise ValueError(f"For '{name}', the 'dense' must be 2-D, but got shape {tuple(b.shape)}.")
        a = torch.zeros(sparse_shape, dtype=val.dtype, device=val.device)
        a = a.index_put((idx[:, 0].long(), idx[:, 1].long()), val, accumulate=True)
        if self.adj_st:
            a = a.T
        if self.adj_dt:
            b = b.T
        if a.shape[1] != b.shape[0]:
            raise ValueError(f"For '{name}', the inner dimensions do not match: {tuple(a.shape)} and "
                             f"{tuple(b.shape)} (after the adjoints).")
        return Tensor._make(a @ b)

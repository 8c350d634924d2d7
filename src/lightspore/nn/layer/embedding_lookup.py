"""Embedding lookups: EmbeddingLookup, MultiFieldEmbeddingLookup and the torch-style EmbeddingExt.

The ``target``/``slice_mode``/``manual_shapes`` arguments only steer the reference's host/device placement and
model-parallel sharding; on one process every mode looks rows up the same way.
"""

import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.initializer import Normal, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell
from ._validate import check_bool, check_dtype, positive_int, tensor_arg

__all__ = ["EmbeddingLookup", "MultiFieldEmbeddingLookup", "EmbeddingExt"]


class EmbeddingLookup(Cell):
    """Looks rows of ``embedding_table`` (vocab_size, embedding_size) up; indices outside the table give zeros.
    With ``max_norm`` each looked-up vector is clipped to that L2 norm."""

    BATCH_SLICE = "batch_slice"
    FIELD_SLICE = "field_slice"
    TABLE_ROW_SLICE = "table_row_slice"
    TABLE_COLUMN_SLICE = "table_column_slice"

    def __init__(self, vocab_size, embedding_size, param_init='normal', target='CPU', slice_mode='batch_slice',
                 manual_shapes=None, max_norm=None, sparse=True, dtype=mstype.float32):
        super().__init__()
        name = type(self).__name__
        validator.check_value_type("sparse", sparse, [bool], name)
        self.vocab_size = validator.check_positive_int(vocab_size, "vocab_size")  # the reference names no cell
        self.target = target
        self.sparse = sparse
        self.forward_unique = False
        validator.check_string(target, ["CPU", "DEVICE"], "target", name)
        if not sparse and target == "CPU":
            raise ValueError(f"For '{name}', 'sparse' must be True when 'target' is \"CPU\", but got 'sparse': "
                             f"{sparse} and 'target': {target}")
        self.embedding_size = positive_int(embedding_size, "embedding_size", name)
        self.slice_mode = slice_mode
        self.manual_shapes = manual_shapes
        self.embedding_table = Parameter(initializer(param_init, [self.vocab_size, self.embedding_size],
                                                     dtype=dtype), name="embedding_table")
        self.max_norm = max_norm
        if max_norm is not None:
            validator.check_positive_float(max_norm, "max_norm", name)

    def _lookup(self, idx):
        table = self.embedding_table._t
        valid = (idx >= 0) & (idx < self.vocab_size)
        out = table[idx.long().clamp(0, self.vocab_size - 1)] * valid.unsqueeze(-1).to(table.dtype)
        if self.max_norm is not None:
            norm = torch.sqrt(torch.sum(out * out, dim=-1, keepdim=True))
            c = torch.tensor(self.max_norm, dtype=out.dtype, device=out.device)
            out = out * c / torch.maximum(norm, c)
        return out

    def construct(self, indices):
        idx = tensor_arg(indices, "indices", type(self).__name__)
        if idx.dtype not in (torch.int32, torch.int64):  # the words of the reference's primitive
            raise TypeError(f"For primitive[EmbeddingLookup], the input argument[indices] must be a type of "
                            f"{{Tensor[Int32], Tensor[Int64]}}, but got Tensor[{mstype.from_torch(idx.dtype)}].")
        return Tensor._make(self._lookup(idx))


class MultiFieldEmbeddingLookup(EmbeddingLookup):
    """Looks rows up for (batch, n) indices, weights them by ``input_values`` and merges the rows of each
    (batch, field) with ``operator`` 'SUM', 'MEAN' (divided by the sum of |values|) or 'MAX'; output
    (batch, field_size, embedding_size)."""

    OPERATOR_SUM = 'SUM'
    OPERATOR_MEAN = 'MEAN'
    OPERATOR_MAX = 'MAX'

    def __init__(self, vocab_size, embedding_size, field_size, param_init='normal', target='CPU',
                 slice_mode='batch_slice', feature_num_list=None, max_norm=None, sparse=True, operator='SUM',
                 dtype=mstype.float32):
        super().__init__(vocab_size, embedding_size, param_init, target, slice_mode, feature_num_list, max_norm,
                         sparse, dtype=dtype)
        self.field_size = positive_int(field_size, "field_size", "MultiFieldEmbeddingLookup")
        validator.check_string(operator, ["SUM", "MAX", "MEAN"], "operator", "MultiFieldEmbeddingLookup")
        self.operator = operator

    def construct(self, input_indices, input_values, field_ids):
        name = "MultiFieldEmbeddingLookup"
        idx = tensor_arg(input_indices, "input_indices", name)
        val = tensor_arg(input_values, "input_values", name)
        fid = tensor_arg(field_ids, "field_ids", name)
        for arg, t in (("input_indices", idx), ("input_values", val), ("field_ids", fid)):
            if t.dim() != 2:
                raise ValueError(f"For '{name}', the dimension of '{arg}' must be 2d, but got {t.dim()}")
        check_dtype(idx, "input_indices", (torch.int32, torch.int64), name)
        check_dtype(val, "input_values", (torch.float32,), name)
        check_dtype(fid, "field_ids", (torch.int32,), name)
        batch = idx.shape[0]
        segments = batch * self.field_size
        seg = (fid.long() + torch.arange(batch, device=fid.device).unsqueeze(1) * self.field_size).reshape(-1)
        emb = val.unsqueeze(-1) * self._lookup(idx)
        e = self.embedding_size
        if self.operator == "MAX":
            emb = emb + (val.unsqueeze(-1) == 0).to(emb.dtype) * -3.402823466e+38
            flat = emb.reshape(-1, e)
            merged = flat.new_zeros((segments, e)).scatter_reduce(
                0, seg.unsqueeze(1).expand(-1, e), flat, "amax", include_self=False)
            count = flat.new_zeros(segments).index_add(0, seg, val.abs().reshape(-1))
            merged = merged * (count != 0).to(merged.dtype).unsqueeze(-1)
        else:
            merged = emb.new_zeros((segments, e)).index_add(0, seg, emb.reshape(-1, e))
            if self.operator == "MEAN":
                count = val.new_zeros(segments).index_add(0, seg, val.abs().reshape(-1)).unsqueeze(-1)
                merged = torch.where(count == 0, torch.zeros_like(merged), merged / torch.where(
                    count == 0, torch.ones_like(count), count))
        return Tensor._make(merged.reshape(batch, self.field_size, -1))


class EmbeddingExt(Cell):
    """Torch-style embedding: ``weight`` (num_embeddings, embedding_dim) initialized N(0, 1) with the
    ``padding_idx`` row zeroed; ``max_norm`` renormalizes the looked-up rows of ``weight`` in place."""

    def __init__(self, num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0,
                 scale_grad_by_freq=False, sparse=False, _weight=None, _freeze=False, dtype=None):
        super().__init__()
        name = "EmbeddingExt"
        check_bool(sparse, "sparse", name)
        if sparse:
            raise ValueError("For Embedding, the scenerio, where `sparse` is True, has not be supported.")
        for arg, v in (("num_embeddings", num_embeddings), ("embedding_dim", embedding_dim)):
            validator.check_value_type(arg, v, [int], name)
        self.sparse = sparse
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        self.dtype = dtype if dtype is not None else mstype.float32
        self.padding_idx = padding_idx
        if padding_idx is not None:
            validator.check_int_range(padding_idx, -num_embeddings, num_embeddings, validator.INC_LEFT,
                                      "padding_idx", name)
        if _weight is None:
            init = initializer(Normal(1.0, 0.0), [num_embeddings, embedding_dim], self.dtype).init_data()
            if padding_idx is not None:
                init._t[padding_idx] = 0
            self.weight = Parameter(init, name="weight", requires_grad=not _freeze)
        else:
            if tuple(_weight.shape) != (num_embeddings, embedding_dim):
                raise ValueError(f"For Embedding, shape of weight should be match with num_embeddings and "
                                 f"embedding_dim, but got weight.shape: {_weight.shape}, and (num_embeddings, "
                                 f"embedding_dim): ({num_embeddings}, {embedding_dim})")
            self.weight = Parameter(_weight, name="weight", requires_grad=not _freeze)
        for arg, v in (("max_norm", max_norm), ("norm_type", norm_type)):
            if v is not None:
                validator.check_value_type(arg, v, [float], name)
        if scale_grad_by_freq is not None:
            check_bool(scale_grad_by_freq, "scale_grad_by_freq", name)
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq

    def construct(self, input):
        idx = tensor_arg(input, "input", "EmbeddingExt")
        check_dtype(idx, "input", (torch.int32, torch.int64), "EmbeddingExt")
        out = F.embedding(idx.long(), self.weight._t, self.padding_idx, self.max_norm,
                          2.0 if self.norm_type is None else self.norm_type, bool(self.scale_grad_by_freq))
        return Tensor._make(out)

    def extend_repr(self):
        return (f"num_embeddings={self.num_embeddings}, embedding_dim={self.embedding_dim}, "
                f"padding_idx={self.padding_idx}, max_norm={self.max_norm}, norm_type={self.norm_type}, "
                f"scale_grad_by_freq={self.scale_grad_by_freq}, dtype={self.dtype}")

"""Embedding: a lookup table ``embedding_table`` of shape (vocab_size, embedding_size)."""
import torch
import torch.nn.functional as F

from ... import _checkparam as validator
from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell

__all__ = ["Embedding"]


def _int_arg(value, arg):
    return validator.check_value_type(arg, value, [int], "Embedding")


class Embedding(Cell):
    """Maps int ids of any shape to vectors: output shape ``ids.shape + (embedding_size,)``.

    The table is drawn with ``embedding_table`` in float32 (``dtype`` is the dtype of the one-hot values);
    the ``padding_idx`` row starts at zero but, as in the reference, still receives gradients."""

    def __init__(self, vocab_size, embedding_size, use_one_hot=False, embedding_table='normal',
                 dtype=mstype.float32, padding_idx=None):
        super().__init__()
        self.vocab_size = _int_arg(vocab_size, "vocab_size")
        self.embedding_size = _int_arg(embedding_size, "embedding_size")
        validator.check_value_type("use_one_hot", use_one_hot, [bool], "Embedding")
        if not isinstance(dtype, mstype.Type) or dtype not in mstype.number_type:
            raise TypeError(f"For 'Embedding', the element of 'dtype' must be one of Int8, Int16, Int32, Int64, UInt8, "
                            f"UInt16, UInt32, UInt64, Float16, Float32, Float64, BFloat16, Complex64, Complex128, "
                            f"Int4, Float8E4M3FN, Float8E5M2, HiFloat8, but got {dtype}.The supported data types "
                            f"depend on the hardware that executes the operator, for more details, please refer to "
                            f"the MindSpore official website to get more information about the data type.")
        self.use_one_hot = use_one_hot
        self.dtype = dtype
        table = initializer(embedding_table, [vocab_size, embedding_size])
        self.padding_idx = padding_idx
        if padding_idx is not None:
            validator.check_int_range(padding_idx, 0, vocab_size, validator.INC_LEFT, "padding_idx", "Embedding")
            t = table._t.clone()
            t[padding_idx] = 0
            table = Tensor._make(t)
        self.embedding_table = Parameter(table, name="embedding_table")

    def construct(self, ids):
        if not isinstance(ids, Tensor):
            raise TypeError(f"For 'Embedding', the input 'ids' must be a Tensor, but got {type(ids).__name__}.")
        t = ids._t
        if t.dtype not in (torch.int32, torch.int64, torch.int16, torch.int8, torch.uint8):
            raise TypeError(f"For 'Embedding', the dtype of 'ids' must be int, but got {mstype.from_torch(t.dtype)}.")
        w = self.embedding_table._t
        try:
            if self.use_one_hot:
                oh = F.one_hot(t.reshape(-1).long(), self.vocab_size).to(mstype.to_torch(self.dtype))
                out = torch.matmul(oh, w).reshape(*t.shape, self.embedding_size)
            else:
                out = F.embedding(t, w)
        except (IndexError, RuntimeError):
            bad = t[(t < 0) | (t >= self.vocab_size)]
            if bad.numel():
                raise RuntimeError(f"For 'Embedding', the 'input_indices' should be in the range "
                                   f"[0, {self.vocab_size}), but got {int(bad.reshape(-1)[0])}.") from None
            raise
        return Tensor._make(out)

    def extend_repr(self):
        return (f"vocab_size={self.vocab_size}, embedding_size={self.embedding_size}, use_one_hot={self.use_one_hot}, "
                f"embedding_table={self.embedding_table}, dtype={self.dtype}, padding_idx={self.padding_idx}")

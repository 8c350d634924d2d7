"""Embedding: a lookup table ``embedding_table`` of shape (vocab_size, embedding_size)."""
import torch
import torch.nn.functional as F

from ...common import dtype as mstype
from ...common.initializer import initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell
from ._validate import check_bool

__all__ = ["Embedding"]


def _int_arg(value, arg):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For 'Embedding', the type of '{arg}' must be int, but got {type(value).__name__}.")
    return value


class Embedding(Cell):
    """Maps int ids of any shape to vectors: output shape ``ids.shape + (embedding_size,)``.

    The table is drawn with ``embedding_table`` in float32 (``dtype`` is the dtype of the one-hot values);
    the ``padding_idx`` row starts at zero but, as in the reference, still receives gradients."""

    def __init__(self, vocab_size, embedding_size, use_one_hot=False, embedding_table='normal',
                 dtype=mstype.float32, padding_idx=None):
        super().__init__()
        self.vocab_size = _int_arg(vocab_size, "vocab_size")
        self.embedding_size = _int_arg(embedding_size, "embedding_size")
        check_bool(use_one_hot, "use_one_hot", "Embedding")
        if not isinstance(dtype, mstype.Type) or dtype not in mstype.number_type:
            raise TypeError(f"For 'Embedding', the 'dtype' must be a number type, but got {dtype}.")
        self.use_one_hot = use_one_hot
        self.dtype = dtype
        table = initializer(embedding_table, [vocab_size, embedding_size])
        self.padding_idx = padding_idx
        if padding_idx is not None:
            if isinstance(padding_idx, bool) or not isinstance(padding_idx, int):
                raise TypeError(f"For 'Embedding', the type of 'padding_idx' must be int, but got "
                                f"{type(padding_idx).__name__}.")
            if not 0 <= padding_idx < vocab_size:
                raise ValueError(f"For 'Embedding', the 'padding_idx' must be in range [0, {vocab_size}), but got "
                                 f"{padding_idx}.")
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

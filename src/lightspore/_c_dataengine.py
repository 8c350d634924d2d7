"""mindspore._c_dataengine: the dataset engine objects that model code builds by hand.

In the reference this is the C++ dataset engine; public model libraries (mindnlp) import it to build a
vocabulary (``cde.Vocab.from_dict``) and to write their own text transforms whose ``parse()`` returns an
engine operation (``cde.LookupOperation``, ``cde.BasicTokenizerOperation``). Here the vocabulary is
``dataset.text``'s table and each operation runs the matching ``dataset.text`` transform; a transform
whose class only defines ``parse()`` runs that operation when called (``TensorOperation``).

The engine objects have no public methods beyond the reference's (the operations are consumed by the
pipeline, through ``_run``).
"""
import enum

import numpy as np

from .common import dtype as _dt

__all__ = ["Vocab", "NormalizeForm", "LookupOperation", "BasicTokenizerOperation"]


class NormalizeForm(enum.IntEnum):
    """The engine's unicode normalization forms (values as ``dataset.text.NormalizeForm``)."""
    DE_NORMALIZE_NONE = 0
    DE_NORMALIZE_NFC = 1
    DE_NORMALIZE_NFKC = 2
    DE_NORMALIZE_NFD = 3
    DE_NORMALIZE_NFKD = 4


def _text():
    from .dataset import text  # the dataset package imports this module's users lazily
    return text


class Vocab:
    """A token -> id table (the engine side of ``dataset.text.Vocab``, which holds one as ``c_vocab``)."""

    def __init__(self, table):
        self._table = dict(table)
        self._ids = None

    @staticmethod
    def from_dict(word_dict):
        return Vocab(_text().Vocab.from_dict(word_dict).c_vocab)

    @staticmethod
    def from_list(word_list, special_tokens, special_first):
        return Vocab(_text().Vocab.from_list(word_list, special_tokens, special_first).c_vocab)

    @staticmethod
    def from_file(file_path, delimiter, vocab_size, special_tokens, special_first):
        return Vocab(_text().Vocab.from_file(file_path, delimiter, vocab_size, special_tokens, special_first).c_vocab)

    def vocab(self):
        return dict(self._table)

    def tokens_to_ids(self, tokens):
        if not isinstance(tokens, list):
            raise TypeError(f"tokens_to_ids(): incompatible function arguments: expected list[str], got "
                            f"{type(tokens).__name__}.")
        return [self._table.get(t, -1) for t in tokens]

    def ids_to_tokens(self, ids):
        if not isinstance(ids, list):
            raise TypeError(f"ids_to_tokens(): incompatible function arguments: expected list[int], got "
                            f"{type(ids).__name__}.")
        if self._ids is None:
            self._ids = {i: w for w, i in self._table.items()}
        return [self._ids.get(i, "") for i in ids]


def _table_of(vocab, op):
    if isinstance(vocab, Vocab):
        return vocab._table
    if isinstance(vocab, dict):   # dataset.text.Vocab().c_vocab
        return vocab
    raise TypeError(f"{op}: vocab must be a _c_dataengine.Vocab, got {type(vocab).__name__}.")


_DE_TYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16",
             "float32", "float64")


class LookupOperation:
    """Engine op of ``text.Lookup``: ``(vocab, unknown_token or None, data type name such as 'int32')``."""

    def __init__(self, vocab, unknown_token, data_type):
        table = _table_of(vocab, "LookupOperation")
        if unknown_token is not None and not isinstance(unknown_token, str):
            raise TypeError("LookupOperation: unknown_token must be a str or None, got "
                            f"{type(unknown_token).__name__}.")
        if str(data_type) not in _DE_TYPES:
            raise RuntimeError(f"Lookup : The parameter data_type must be numeric including bool, got {data_type}.")
        text = _text()
        self._op = text.Lookup(text.Vocab._of(table), unknown_token, getattr(_dt, str(data_type)))

    def _run(self, *arrays):
        return self._op(*arrays)


class BasicTokenizerOperation:
    """Engine op of ``text.BasicTokenizer``: ``(lower_case, keep_whitespace, NormalizeForm,
    preserve_unused_token, with_offsets)``."""

    def __init__(self, lower_case, keep_whitespace, normalize_form, preserve_unused_token, with_offsets):
        text = _text()
        self._op = text.BasicTokenizer(bool(lower_case), bool(keep_whitespace),
                                       text.NormalizeForm(int(normalize_form)), bool(preserve_unused_token),
                                       bool(with_offsets))

    def _run(self, *arrays):
        return self._op(*[np.asarray(a) for a in arrays])

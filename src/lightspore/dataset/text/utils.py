"""mindspore.dataset.text.utils: vocabularies, the text enums and str/bytes array conversion."""
import collections
import enum
import fnmatch
import os

import numpy as np

from ..transforms._check import check_positive, check_value, type_check, type_check_list

__all__ = ["CharNGram", "FastText", "GloVe", "JiebaMode", "NormalizeForm", "SentencePieceModel", "SentencePieceVocab",
           "SPieceTokenizerLoadType", "SPieceTokenizerOutType", "Vectors", "Vocab", "to_bytes", "to_str"]


def _int_enum(name, doc, names):
    """An IntEnum class of this module numbering ``names`` from 0."""
    cls = enum.IntEnum(name, [(n, i) for i, n in enumerate(names)], module=__name__, qualname=name)
    cls.__doc__ = doc
    return cls


JiebaMode = _int_enum("JiebaMode", "Jieba tokenizer modes.", ["MIX", "MP", "HMM"])
NormalizeForm = _int_enum("NormalizeForm", "Unicode normalization forms (NONE: leave the text as it is).",
                          ["NONE", "NFC", "NFKC", "NFD", "NFKD"])
SentencePieceModel = _int_enum("SentencePieceModel", "SentencePiece model types.", ["UNIGRAM", "BPE", "CHAR", "WORD"])
SPieceTokenizerLoadType = _int_enum("SPieceTokenizerLoadType", "Where a SentencePiece tokenizer loads its model from.",
                                    ["FILE", "MODEL"])
SPieceTokenizerOutType = _int_enum("SPieceTokenizerOutType", "What a SentencePiece tokenizer outputs.",
                                   ["STRING", "INT"])


def _check_words(words, name):
    type_check(words, (list,), name)
    seen = set()
    for i, w in enumerate(words):
        type_check(w, (str,), f"{name}[{i}]")
        if w in seen:
            raise ValueError(f"{name} contains duplicate word: {w}.")
        seen.add(w)


def _with_specials(words, special_tokens, special_first):
    specials = list(special_tokens or [])
    clash = set(specials) & set(words)
    if clash:
        raise ValueError(f"special_tokens and word_list contain duplicate word :{clash}.")
    ordered = specials + list(words) if special_first else list(words) + specials
    return {w: i for i, w in enumerate(ordered)}


def _as_str_array(a):
    a = np.asarray(a)
    if a.dtype.kind == "S":
        a = np.char.decode(a, "utf-8")
    return a


class Vocab:
    """A token <-> id table, built with one of the ``from_*`` class methods."""

    def __init__(self):
        self.c_vocab = None

    # the table itself: token -> id (ids need not be contiguous: from_dict keeps the user's)
    def _table(self):
        if self.c_vocab is None:
            raise RuntimeError(f"The Vocab has not built yet, got type {type(self.c_vocab)}. Use Vocab.from_dataset(), "
                               "Vocab.from_list(), Vocab.from_file() or Vocab.from_dict() to build a Vocab.")
        return self.c_vocab

    @classmethod
    def _of(cls, table):
        v = cls()
        v.c_vocab = table
        v._ids = None
        return v

    @classmethod
    def from_dataset(cls, dataset, columns=None, freq_range=None, top_k=None, special_tokens=None, special_first=True):
        """Words of ``columns`` (all when None) by descending count (ties alphabetical), counts in ``freq_range``,
        the ``top_k`` first, with ``special_tokens`` before or after them."""
        if columns is not None and not isinstance(columns, list):
            columns = [columns]
            type_check_list(columns, (str,), "col")
        if freq_range is not None:
            type_check(freq_range, (tuple,), "freq_range")
            if len(freq_range) != 2:
                raise ValueError("freq_range needs to be a tuple of 2 element.")
            for num in freq_range:
                if num is not None and not isinstance(num, int):
                    raise ValueError("freq_range needs to be either None or a tuple of 2 integers or an int and a "
                                     "None.")
            if isinstance(freq_range[0], int) and isinstance(freq_range[1], int):
                if freq_range[0] > freq_range[1] or freq_range[0] < 0:
                    raise ValueError("frequency range [a,b] should be 0 <= a <= b (a,b are inclusive).")
        type_check(top_k, (int, type(None)), "top_k")
        if isinstance(top_k, int):
            check_positive(top_k, "top_k")
        type_check(special_first, (bool,), "special_first")
        if special_tokens is not None:
            _check_words(special_tokens, "special_tokens")
        names = dataset.get_col_names()
        cols = columns or names
        for c in cols:
            if c not in names:
                raise RuntimeError(f"BuildVocab: column '{c}' does not exist in the dataset columns {names}.")
        pos = [names.index(c) for c in cols]
        counts = collections.Counter()
        for row in dataset.create_tuple_iterator(num_epochs=1, output_numpy=True):
            for p in pos:
                a = _as_str_array(row[p])
                if a.dtype.kind != "U":
                    raise RuntimeError(f"BuildVocab: column '{names[p]}' is not of string type.")
                counts.update(a.reshape(-1).tolist())
        lo, hi = (freq_range or (None, None))
        lo = 0 if lo is None else lo
        hi = float("inf") if hi is None else hi
        words = sorted((w for w, n in counts.items() if lo <= n <= hi), key=lambda w: (-counts[w], w))
        if top_k is not None:
            words = words[:top_k]
        specials = list(special_tokens or [])
        words = [w for w in words if w not in specials]
        return cls._of(_with_specials(words, specials, special_first))

    @classmethod
    def from_list(cls, word_list, special_tokens=None, special_first=True):
        """Ids in list order, ``special_tokens`` first (or last)."""
        _check_words(word_list, "word_list")
        if special_tokens is not None:
            _check_words(special_tokens, "special_tokens")
        type_check(special_first, (bool,), "special_first")
        return cls._of(_with_specials(word_list, special_tokens, special_first))

    @classmethod
    def from_file(cls, file_path, delimiter="", vocab_size=None, special_tokens=None, special_first=True):
        """One word per line (the part before ``delimiter`` when it is set), the first ``vocab_size`` lines."""
        type_check(file_path, (str,), "file_path")
        type_check(delimiter, (str,), "delimiter")
        if vocab_size is not None:
            type_check(vocab_size, (int,), "vocab_size")
            check_positive(vocab_size, "vocab_size")
        if special_tokens is not None:
            _check_words(special_tokens, "special_tokens")
        type_check(special_first, (bool,), "special_first")
        if not os.path.isfile(file_path):
            raise RuntimeError(f"Get real path failed, path={file_path}")
        with open(file_path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        words, seen = [], set()
        for line in lines:
            if vocab_size is not None and len(words) >= vocab_size:
                break
            w = line.split(delimiter, 1)[0] if delimiter else line
            if w in seen:
                raise RuntimeError(f"from_file: word_list contains duplicate word:{w}")
            seen.add(w)
            words.append(w)
        specials = list(special_tokens or [])
        clash = set(specials) & seen
        if clash:
            raise RuntimeError(f"from_file: special_tokens and word_list contain duplicate word:{sorted(clash)[0]}")
        return cls._of(_with_specials(words, specials, special_first))

    @classmethod
    def from_dict(cls, word_dict):
        """The user's own token -> id table."""
        type_check(word_dict, (dict,), "word_dict")
        for k, v in word_dict.items():
            type_check(k, (str,), "key")
            type_check(v, (int,), "value")
            check_value(v, 0, 2147483647, "word_id")
        return cls._of(dict(word_dict))

    def vocab(self):
        """The token -> id dictionary."""
        return dict(self._table())

    def tokens_to_ids(self, tokens):
        """The id of each token (-1 for a token not in the vocabulary); a str gives an int."""
        type_check(tokens, (str, list, np.ndarray), "tokens")
        table = self._table()
        if isinstance(tokens, np.ndarray):
            tokens = _as_str_array(tokens).tolist()
        if isinstance(tokens, str):
            return table.get(tokens, -1)
        return [table.get(t, -1) for t in tokens]

    def ids_to_tokens(self, ids):
        """The token of each id ('' for an id not in the vocabulary); an int gives a str."""
        type_check(ids, (int, list, np.ndarray), "ids")
        if isinstance(ids, np.ndarray):
            ids = ids.tolist()
        single = isinstance(ids, int)
        ids = [ids] if single else ids
        for i, x in enumerate(ids):
            type_check(x, (int,), f"ids[{i}]")
            check_value(x, 0, 2147483647, f"ids[{i}]")
        table = self._table()
        if getattr(self, "_ids", None) is None or len(self._ids) != len(table):
            self._ids = {i: w for w, i in table.items()}
        out = [self._ids.get(x, "") for x in ids]
        return out[0] if single else out


def _sentencepiece():
    try:
        import sentencepiece
    except ImportError as e:  # pragma: no cover - the package is a dependency of the text extra
        raise ImportError("SentencePieceVocab and SentencePieceTokenizer need the 'sentencepiece' package "
                          "(pip install sentencepiece).") from e
    return sentencepiece


_SPM_TYPES = {SentencePieceModel.UNIGRAM: "UNIGRAM", SentencePieceModel.BPE: "BPE", SentencePieceModel.CHAR: "CHAR",
              SentencePieceModel.WORD: "WORD"}
_SPM_FIXED = ("input", "vocab_size", "model_prefix", "character_coverage", "model_type")


def _check_spm_args(vocab_size, character_coverage, model_type, params):
    if vocab_size is not None:
        type_check(vocab_size, (int,), "vocab_size")
        check_value(vocab_size, 0, 4294967295, "vocab_size")
    if character_coverage is not None:
        type_check(character_coverage, (float,), "character_coverage")
    if model_type is not None:
        type_check(model_type, (str, SentencePieceModel), "model_type")
    if params is not None:
        type_check(params, (dict,), "params")


def _check_spm_params(params, fn):
    """The reference hands ``params`` to its binding as dict[str, str]; anything else is its TypeError."""
    for k, v in (params or {}).items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise TypeError(f"{fn}(): incompatible function arguments. The following argument types are supported:\n"
                            f"    params: Dict[str, str], but got {{{k!r}: {v!r}}}.")


def _train_sentencepiece(vocab_size, character_coverage, model_type, params, **source):
    """Train a model with the reference's trainer options; the serialized model proto."""
    import io
    spm = _sentencepiece()
    # the reference passes the coverage as std::to_string(float) (six decimals) and the model type by name
    options = {"vocab_size": str(vocab_size), "character_coverage": f"{float(np.float32(character_coverage)):f}",
               "model_type": _SPM_TYPES.get(model_type, "UNIGRAM")}
    options.update({k: v for k, v in (params or {}).items() if k not in _SPM_FIXED})
    options.update(model_prefix="", minloglevel="1")
    out = io.BytesIO()
    try:
        spm.SentencePieceTrainer.train(model_writer=out, **options, **source)
    except RuntimeError as e:
        raise RuntimeError(f"SentencePieceVocab: {e}") from None
    return out.getvalue()


class SentencePieceVocab:
    """A SentencePiece model (the serialized proto), trained by the ``sentencepiece`` package with the
    reference's trainer options."""

    def __init__(self):
        self.c_sentence_piece_vocab = None

    @classmethod
    def from_dataset(cls, dataset, col_names, vocab_size, character_coverage, model_type, params):
        """Train on the strings of the first of ``col_names`` (the 'text' column when None) of ``dataset``."""
        if col_names is not None:
            type_check_list(col_names, (str,), "col_names")
        if vocab_size is None:
            raise TypeError("vocab_size must be provided.")
        _check_spm_args(vocab_size, character_coverage, model_type, params)
        if col_names is None:
            raise TypeError("__init__(): incompatible constructor arguments. The following argument types are "
                            "supported:\n    col_names: List[str], but got None.")
        _check_spm_params(params, "__init__")
        names = dataset.get_col_names()
        col = col_names[0] if col_names else "text"   # an empty list: the 'text' column
        if col not in names:
            if col_names:
                raise RuntimeError(f"Invalid column, column name: {col} does not exist, check existed column with "
                                   f"dataset API 'get_col_names'")
            raise RuntimeError("Invalid data, 'text' column does not exist in dataset.")
        pos = names.index(col)

        def sentences():
            for row in dataset.create_tuple_iterator(num_epochs=1, output_numpy=True):
                a = _as_str_array(row[pos])
                if a.dtype.kind != "U" or a.ndim > 1:
                    raise RuntimeError(f"Invalid data, build_sentence_piece_vocab only works on string data with "
                                       f"rank equal to 1, got type: {a.dtype}and rank: {a.ndim}")
                yield a.reshape(-1)[0] if a.size else ""

        vocab = cls()
        vocab.c_sentence_piece_vocab = _train_sentencepiece(vocab_size, character_coverage, model_type, params,
                                                            sentence_iterator=sentences())
        return vocab

    @classmethod
    def from_file(cls, file_path, vocab_size, character_coverage, model_type, params):
        """Train on the lines of the text files ``file_path`` (a list)."""
        if file_path is not None:
            type_check(file_path, (list,), "file_path")
        _check_spm_args(vocab_size, character_coverage, model_type, params)
        _check_spm_params(params, "from_file")
        vocab = cls()
        vocab.c_sentence_piece_vocab = _train_sentencepiece(vocab_size, character_coverage, model_type, params,
                                                            input=",".join(file_path))
        return vocab

    @classmethod
    def save_model(cls, vocab, path, filename):
        """Write the model to ``path``/``filename`` (readable only by its owner, as the reference writes it)."""
        if vocab is not None:
            type_check(vocab, (SentencePieceVocab,), "vocab")
        if path is not None:
            type_check(path, (str,), "path")
        if filename is not None:
            type_check(filename, (str,), "filename")
        if not os.path.exists(path):
            raise RuntimeError(f"Get real path failed, path={path}")
        target = os.path.join(os.path.realpath(path), filename)
        with open(target, "wb") as f:
            f.write(vocab.c_sentence_piece_vocab or b"")
        os.chmod(target, 0o600)


class Vectors:
    """Pre-trained word vectors read from a text file of ``token v1 v2 ...`` lines (a first ``count dim`` line is
    skipped), the first ``max_vectors`` of them."""

    _pattern = None
    _kind = "Vectors"

    def __init__(self):
        self.stoi, self.vectors, self.dim = {}, np.zeros((0, 0), np.float32), 0

    @classmethod
    def from_file(cls, file_path, max_vectors=None):
        """Load the vectors of ``file_path``."""
        type_check(file_path, (str,), "file_path")
        if not os.path.isfile(file_path):
            raise ValueError(f"The file {file_path} does not exist or permission denied!")
        if max_vectors is not None:
            type_check(max_vectors, (int,), "max_vectors")
            check_value(max_vectors, 0, 2147483647, "max_vectors")
        if cls._pattern and not fnmatch.fnmatch(os.path.basename(file_path), cls._pattern):
            raise RuntimeError(f"{cls._kind}: invalid file, can not find file '{cls._pattern}', but got: {file_path}")
        out = cls()
        tokens, rows = [], []
        with open(file_path, encoding="utf-8") as f:
            for k, line in enumerate(f):
                parts = line.rstrip("\n").rstrip("\r").split(" ")
                parts = [p for p in parts if p != ""]
                if not parts:
                    continue
                if k == 0 and len(parts) == 2:
                    continue            # the "count dim" header of .vec files
                if max_vectors is not None and len(rows) >= max_vectors:
                    break
                values = [float(v) for v in parts[1:]]
                if rows and len(values) != len(rows[0]):
                    raise RuntimeError(f"{cls._kind}: all vectors must have the same number of dimensions, but got "
                                       f"dim {len(values)} while expecting {len(rows[0])}")
                if parts[0] in out.stoi:
                    continue
                out.stoi[parts[0]] = len(rows)
                tokens.append(parts[0])
                rows.append(values)
        out.vectors = np.array(rows, dtype=np.float32).reshape(len(rows), len(rows[0]) if rows else 0)
        out.dim = out.vectors.shape[1]
        return out

    def _lookup(self, token, unk, lower_case_backup):
        i = self.stoi.get(token)
        if i is None and lower_case_backup:
            i = self.stoi.get(token.lower())
        return self.vectors[i] if i is not None else unk


class GloVe(Vectors):
    """GloVe vectors (a ``glove.6B.*.txt`` file)."""

    _pattern = "glove.6B.*.txt"
    _kind = "GloVe"


class FastText(Vectors):
    """FastText vectors (a ``*.vec`` file)."""

    _pattern = "*.vec"
    _kind = "FastText"


class CharNGram(Vectors):
    """Character n-gram vectors: a token's vector is the mean of its ``{n}gram-{chars}`` vectors, n = 2, 3, 4,
    over ``#BEGIN#`` + characters + ``#END#``."""

    _kind = "CharNGram"

    def _lookup(self, token, unk, lower_case_backup):
        chars = ["#BEGIN#"] + list(token) + ["#END#"]
        total, found = np.zeros(self.dim, np.float64), 0
        for n in (2, 3, 4):
            for i in range(len(chars) - n + 1):
                j = self.stoi.get(f"{n}gram-{''.join(chars[i:i + n])}")
                if j is not None:
                    total += self.vectors[j]
                    found += 1
        return (total / found).astype(np.float32) if found else unk


def to_bytes(array, encoding="utf8"):
    """A str array encoded to a bytes array."""
    if not isinstance(array, np.ndarray):
        raise ValueError("input should be a NumPy array.")
    return np.char.encode(array, encoding)


def to_str(array, encoding="utf8"):
    """A bytes array decoded to a str array."""
    if not isinstance(array, np.ndarray):
        raise TypeError("input should be a NumPy array.")
    return np.char.decode(array, encoding)

"""mindspore.dataset.text.transforms: string tokenizers and the token/id transforms, on numpy arrays.

Strings come in as numpy ``str`` (or utf-8 ``bytes``) arrays and go out as ``str`` arrays; the ``with_offsets``
tokenizers also return the start and end *byte* offsets (utf-8) of each token as uint32, as the reference does.
Errors in the data raise RuntimeError naming the transform, as the reference's pipeline does.
"""
import os
import re
import unicodedata

import numpy as np

from ... import _c_dataengine as _cde
from ...common import dtype as _dt
from ..core.datatypes import mstype_to_detype
from ..transforms._check import UINT32_MAX, check_value, type_check
from ..transforms.transforms import Implementation, TensorOperation
from . import _jieba
from .utils import (
    JiebaMode,
    NormalizeForm,
    SentencePieceVocab,
    SPieceTokenizerLoadType,  # noqa: F401 - the reference's text.transforms has it too
    SPieceTokenizerOutType,
    Vectors,
    Vocab,
    to_str,
)

# the engine form of each NormalizeForm (user transforms pass it to _c_dataengine operations in parse())
DE_C_INTER_NORMALIZE_FORM = {f: _cde.NormalizeForm(int(f)) for f in NormalizeForm}

__all__ = ["TextTensorOperation", "AddToken", "Lookup", "Ngram", "PythonTokenizer", "SlidingWindow", "ToNumber",
           "ToVectors",
           "Truncate", "TruncateSequencePair", "UnicodeCharTokenizer", "WordpieceTokenizer", "BasicTokenizer",
           "BertTokenizer", "CaseFold", "NormalizeUTF8", "RegexReplace", "RegexTokenizer", "WhitespaceTokenizer",
           "Implementation", "FilterWikipediaXML", "JiebaTokenizer", "SentencePieceTokenizer", "UnicodeScriptTokenizer"]


def _err(op, msg):
    return RuntimeError(f"{op}: {msg}")


def _strings(op, a, what="input is not string datatype."):
    a = np.asarray(a)
    if a.dtype.kind != "U":   # bytes arrays too, as the reference's transforms called on them
        raise _err(op, what)
    return a


def _str_array(values, shape=None):
    out = np.array(values, dtype=str) if values else np.array([""], dtype=str)[:0]
    return out if shape is None else out.reshape(shape)


class TextTensorOperation(TensorOperation):
    """Base of the text transforms."""

    random = False

    def __init__(self):
        super().__init__()
        self.implementation = Implementation.C

    def __call__(self, *inputs):
        if self.implementation == Implementation.PY:
            return self._execute_py(*inputs)
        return self._execute(*[np.asarray(x) for x in inputs])


class AddToken(TextTensorOperation):
    """Insert ``token`` at the start (``begin``) or end of a 1-D string array, or of each row of a 2-D one."""

    def __init__(self, token, begin=True):
        type_check(token, (str,), "token")
        type_check(begin, (bool,), "begin")
        super().__init__()
        self.token = token
        self.begin = begin

    def _execute(self, a):
        if a.ndim not in (1, 2):
            raise _err("AddToken", "input tensor rank should be 1 or 2.")
        a = _strings("AddToken", a, "input tensor type should be string.")
        tok = np.full(a.shape[:-1] + (1,), self.token)
        parts = [tok, a] if self.begin else [a, tok]
        return np.concatenate(parts, axis=-1)


def _numpy_dtype(data_type):
    return np.dtype(str(mstype_to_detype(data_type)))


class Lookup(TextTensorOperation):
    """Replace each token by its id in ``vocab`` (``unknown_token``'s id for a token not in it)."""

    def __init__(self, vocab, unknown_token=None, data_type=_dt.int32):
        type_check(vocab, (Vocab,), "vocab is not an instance of text.Vocab.")
        type_check(unknown_token, (str, type(None)), "unknown_token")
        type_check(data_type, (_dt.Type,), "data_type")
        super().__init__()
        self.vocab = vocab
        self.unknown_token = unknown_token
        self.data_type = data_type

    def _execute(self, a):
        table = self.vocab._table()
        if self.data_type == _dt.string:
            raise RuntimeError("Lookup : The parameter data_type must be numeric including bool.")
        unk = None
        if self.unknown_token is not None:
            if self.unknown_token not in table:
                raise RuntimeError(f'Lookup: "{self.unknown_token}" doesn\'t exist in vocab.')
            unk = table[self.unknown_token]
        a = _strings("Lookup", a)
        ids = []
        for t in a.reshape(-1).tolist():
            i = table.get(t, unk)
            if i is None:
                raise _err("Lookup", f'invalid data, token: "{t}" doesn\'t exist in vocab and no unknown token is '
                                     "specified.")
            ids.append(i)
        return np.array(ids, dtype=np.int64).astype(_numpy_dtype(self.data_type)).reshape(a.shape)


class Ngram(TextTensorOperation):
    """The n-grams (``separator``-joined) of a 1-D string array for each n of ``n``, with optional padding."""

    def __init__(self, n, left_pad=("", 0), right_pad=("", 0), separator=" "):
        if isinstance(n, int):
            n = [n]
        type_check(n, (list,), "n")
        for i, g in enumerate(n):
            type_check(g, (int,), f"gram[{i}]")
            if g <= 0:
                raise ValueError(f"Input gram_{i} must be greater than 0.")
        for name, pad in (("left_pad", left_pad), ("right_pad", right_pad)):
            if not (isinstance(pad, tuple) and len(pad) == 2 and isinstance(pad[0], str)
                    and isinstance(pad[1], int) and not isinstance(pad[1], bool)):
                raise ValueError(f"{name} needs to be a tuple of (str, int) str is pad token and int is pad_width.")
            if pad[1] < 0:
                raise ValueError(f"padding width need to be positive numbers, but got {pad[1]}.")
        type_check(separator, (str,), "separator")
        super().__init__()
        self.ngrams = list(n)
        self.left_pad = left_pad
        self.right_pad = right_pad
        self.separator = separator

    def _execute(self, a):
        a = _strings("Ngram", a)
        if a.ndim != 1:
            raise _err("Ngram", f"input tensor must be 1-D, but got rank {a.ndim}.")
        words = a.tolist()
        out = []
        for g in self.ngrams:
            seq = ([self.left_pad[0]] * min(self.left_pad[1], g - 1) + words
                   + [self.right_pad[0]] * min(self.right_pad[1], g - 1))
            if len(seq) < g:
                out.append("")
                continue
            out.extend(self.separator.join(seq[i:i + g]) for i in range(len(seq) - g + 1))
        return _str_array(out)


class PythonTokenizer:
    """Tokenize each string of a numpy array with the Python function ``tokenizer`` (str -> list of str)."""

    def __init__(self, tokenizer):
        if not callable(tokenizer):
            raise TypeError(f"tokenizer is not a callable Python function, but got {type(tokenizer)}.")
        self.pyfunc = tokenizer
        self.tokenizer = np.vectorize(lambda x: np.array(tokenizer(x), dtype="U"), signature="()->(n)")
        self.random = False

    def __call__(self, in_array):
        if not isinstance(in_array, np.ndarray):
            raise TypeError(f"input should be a NumPy array. Got {type(in_array)}.")
        if in_array.dtype.type is np.bytes_:
            in_array = to_str(in_array)
        try:
            return self.tokenizer(in_array)
        except Exception as e:
            name = getattr(self.pyfunc, "__name__", type(self.pyfunc).__name__)
            raise RuntimeError(f"Error occurred in Pyfunc [{name}], error message: {e}") from e


class SlidingWindow(TextTensorOperation):
    """The windows of ``width`` consecutive elements of a 1-D array, one per row."""

    def __init__(self, width, axis=0):
        type_check(width, (int,), "width")
        check_value(width, 1, 2147483647, "width")
        type_check(axis, (int,), "axis")
        super().__init__()
        self.width = width
        self.axis = axis

    def _execute(self, a):
        if a.ndim != 1:
            raise _err("SlidingWindow", f"SlidingWindow supports 1D input only for now, but got {a.ndim}D.")
        if a.dtype.kind == "S":
            a = np.char.decode(a, "utf-8")
        n = a.shape[0] - self.width + 1
        if n <= 0:
            return a[:0]
        return np.stack([a[i:i + self.width] for i in range(n)])


_INT_RE = re.compile(r"\s*[+-]?\d+")
_FLOAT_RE = re.compile(r"\s*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)",
                       re.IGNORECASE)


class ToNumber(TextTensorOperation):
    """Parse each string as a number of ``data_type`` (the leading number of the string, as C's strtol/strtod)."""

    def __init__(self, data_type):
        type_check(data_type, (_dt.Type,), "data_type")
        if data_type in (_dt.string, _dt.bool_) or _numpy_dtype_or_none(data_type) is None:
            raise TypeError(f"data_type: {data_type} is not numeric data type.")
        super().__init__()
        self.data_type = data_type

    def _execute(self, a):
        a = _strings("ToNumber", a, "input should be string datatype.")
        dt = _numpy_dtype(self.data_type)
        name = str(mstype_to_detype(self.data_type))
        out = []
        for s in a.reshape(-1).tolist():
            if dt.kind in "iu":
                m = _INT_RE.match(s)
                if not m:
                    raise _err("ToNumber", f'it is invalid to convert "{s}" to a number.')
                v = int(m.group())
                info = np.iinfo(dt)
            else:
                m = _FLOAT_RE.match(s)
                if not m:
                    raise _err("ToNumber", f'it is invalid to convert "{s}" to a number.')
                v = float(m.group())
                info = np.finfo(dt)
            if not (float(info.min) <= v <= float(info.max)):
                if dt == np.float16:
                    # the reference names the range's ends high first
                    raise RuntimeError(f"ToFloat16: value {v:f}in input data is outside of valid float16 range "
                                       f"[{float(info.max):f}, {float(info.min):f}].")
                lo, hi = (f"{float(info.min):f}", f"{float(info.max):f}") if dt.kind == "f" else (info.min, info.max)
                raise _err("ToNumber", f"string input {s.strip()} will be out of bounds if cast to {name}. The valid "
                                       f"range is: [{lo}, {hi}].")
            out.append(v)
        return np.array(out, dtype=dt).reshape(a.shape)


class ToVectors(TextTensorOperation):
    """Each token's vector in ``vectors`` (``unk_init``, or zeros, for a token it lacks): (tokens, dim) float32."""

    def __init__(self, vectors, unk_init=None, lower_case_backup=False):
        type_check(vectors, (Vectors,), "vectors")
        if unk_init is not None:
            type_check(unk_init, (list, tuple), "unk_init")
            for i, v in enumerate(unk_init):
                type_check(v, (int, float), f"unk_init[{i}]")
        type_check(lower_case_backup, (bool,), "lower_case_backup")
        super().__init__()
        self.vectors = vectors
        self.unk_init = list(unk_init) if unk_init is not None else []
        self.lower_case_backup = lower_case_backup

    def _execute(self, a):
        a = _strings("ToVectors", a)
        dim = self.vectors.dim
        if self.unk_init and len(self.unk_init) != dim:
            raise _err("ToVectors", f"unk_init must be the same length as vectors, but got unk_init: "
                                    f"{len(self.unk_init)} and vectors: {dim}")
        unk = np.array(self.unk_init, np.float32) if self.unk_init else np.zeros(dim, np.float32)
        rows = [self.vectors._lookup(t, unk, self.lower_case_backup) for t in a.reshape(-1).tolist()]
        out = np.array(rows, dtype=np.float32).reshape(len(rows), dim)
        return out[0] if a.size == 1 else out      # one token: its vector alone, as the reference gives it


def _numpy_dtype_or_none(data_type):
    try:
        return _numpy_dtype(data_type)
    except (KeyError, TypeError, NotImplementedError):
        return None


class Truncate(TextTensorOperation):
    """Keep the first ``max_seq_len`` elements along the last axis of a 1-D or 2-D array."""

    def __init__(self, max_seq_len):
        type_check(max_seq_len, (int,), "max_seq_len")
        check_value(max_seq_len, 1, 2147483647, "max_seq_len")
        super().__init__()
        self.max_seq_len = max_seq_len

    def _execute(self, a):
        if a.ndim not in (1, 2):
            raise _err("Truncate", "the input tensor should be of dimension 1 or 2.")
        if a.dtype.kind == "S":
            a = np.char.decode(a, "utf-8")
        return a[..., :self.max_seq_len].copy()


class TruncateSequencePair(TextTensorOperation):
    """Shorten the longer of two 1-D arrays, one element at a time, until their total length is ``max_length``."""

    def __init__(self, max_length):
        type_check(max_length, (int,), "max_length")
        super().__init__()
        self.max_length = max_length

    def _execute(self, a, b):
        if a.ndim != 1 or b.ndim != 1:
            raise _err("TruncateSequencePair", "the input tensors should be 1-D.")
        la, lb = a.shape[0], b.shape[0]
        while la + lb > self.max_length and (la or lb):
            if la > lb:
                la -= 1
            else:
                lb -= 1
        return a[:la].copy(), b[:lb].copy()

    def __call__(self, *inputs):
        if len(inputs) != 2:
            raise RuntimeError(f"TruncateSequencePair: the number of input columns should be 2, but got "
                               f"{len(inputs)}.")
        return self._execute(*[np.asarray(x) for x in inputs])


class _Tokenizer(TextTensorOperation):
    """A tokenizer of one string: ``_spans(text)`` gives (token, char_start, char_end) triples."""

    _scalar_only = False

    def __init__(self, with_offsets=False):
        type_check(with_offsets, (bool,), "with_offsets")
        super().__init__()
        self.with_offsets = with_offsets

    def _execute(self, a):
        a = _strings(self._name(), a, self._type_msg())
        if a.ndim != 0:
            if self._scalar_only:
                raise _err(self._name(), "the input shape should be scalar and the input datatype should be "
                                         "string.")
            raise _err(self._name(), "the input should be scalar string.")
        text = a.item()
        spans = self._spans(text)
        if not spans:
            spans = [("", 0, 0)]
        toks = _str_array([s[0] for s in spans])
        if not self.with_offsets:
            return toks
        byte_at = _byte_positions(text)
        starts = np.array([byte_at[s[1]] for s in spans], dtype=np.uint32)
        ends = np.array([byte_at[s[2]] for s in spans], dtype=np.uint32)
        return toks, starts, ends

    def _name(self):
        return type(self).__name__

    def _type_msg(self):
        return "input is not string datatype."


def _byte_positions(text):
    pos = [0]
    for ch in text:
        pos.append(pos[-1] + len(ch.encode("utf-8")))
    return pos


class UnicodeCharTokenizer(_Tokenizer):
    """One token per character."""

    def _spans(self, text):
        return [(ch, i, i + 1) for i, ch in enumerate(text)]


_WS = re.compile(r"\S+")


class WhitespaceTokenizer(_Tokenizer):
    """Tokens separated by white space (the spaces are dropped)."""

    _scalar_only = True

    def _name(self):
        return "WhitespaceTokenizerOp"

    def _spans(self, text):
        return [(m.group(), m.start(), m.end()) for m in _WS.finditer(text)]


def _icu_pattern(p):
    return p


def _icu_replacement(r, groups):
    """ICU's replacement string as a re.sub function: ``$n`` is group n (the longest run of digits naming a group
    of the pattern's ``groups``), a backslash takes the next character as it is, the rest is literal."""
    parts, lit, i = [], [], 0
    while i < len(r):
        ch = r[i]
        if ch == "\\" and i + 1 < len(r):
            lit.append(r[i + 1])
            i += 2
        elif ch == "$" and i + 1 < len(r) and r[i + 1].isdigit():
            j = i + 2
            while j < len(r) and r[j].isdigit() and int(r[i + 1:j + 1]) <= groups:
                j += 1
            parts.extend(["".join(lit), int(r[i + 1:j])])
            lit = []
            i = j
        else:
            lit.append(ch)
            i += 1
    parts.append("".join(lit))

    def replace(m):
        return "".join(p if isinstance(p, str) else (m.group(p) or "") for p in parts)
    return replace


class RegexTokenizer(_Tokenizer):
    """Split at matches of ``delim_pattern``; delimiters matching ``keep_delim_pattern`` are kept as tokens."""

    def __init__(self, delim_pattern, keep_delim_pattern="", with_offsets=False):
        type_check(delim_pattern, (str,), "delim_pattern")
        type_check(keep_delim_pattern, (str,), "keep_delim_pattern")
        super().__init__(with_offsets)
        self.delim_pattern = delim_pattern
        self.keep_delim_pattern = keep_delim_pattern
        self._delim = re.compile(_icu_pattern(delim_pattern))
        self._keep = re.compile(_icu_pattern(keep_delim_pattern)) if keep_delim_pattern else None

    def _spans(self, text):
        spans, last = [], 0
        for m in self._delim.finditer(text):
            if m.start() == m.end():
                continue
            if m.start() > last:
                spans.append((text[last:m.start()], last, m.start()))
            if self._keep is not None and self._keep.fullmatch(m.group()):
                spans.append((m.group(), m.start(), m.end()))
            last = m.end()
        if last < len(text):
            spans.append((text[last:], last, len(text)))
        return spans


class RegexReplace(TextTensorOperation):
    """Replace the matches of ``pattern`` by ``replace`` (the first only unless ``replace_all``)."""

    def __init__(self, pattern, replace, replace_all=True):
        type_check(pattern, (str,), "pattern")
        type_check(replace, (str,), "replace")
        type_check(replace_all, (bool,), "replace_all")
        super().__init__()
        self.pattern = pattern
        self.replace = replace
        self.replace_all = replace_all
        self._re = re.compile(_icu_pattern(pattern))
        self._repl = _icu_replacement(replace, self._re.groups)

    def _execute(self, a):
        a = _strings("RegexReplace", a)
        count = 0 if self.replace_all else 1
        out = [self._re.sub(self._repl, s, count=count) for s in a.reshape(-1).tolist()]
        return np.array(out, dtype=str).reshape(a.shape)


class CaseFold(TextTensorOperation):
    """Unicode case folding (a stronger lower-casing: 'ß' -> 'ss')."""

    def _execute(self, a):
        a = _strings("CaseFold", a)
        return np.array([s.casefold() for s in a.reshape(-1).tolist()], dtype=str).reshape(a.shape)


_FORMS = {NormalizeForm.NFC: "NFC", NormalizeForm.NFKC: "NFKC", NormalizeForm.NFD: "NFD", NormalizeForm.NFKD: "NFKD"}


def _normalize(form, s):
    return unicodedata.normalize(_FORMS[form], s) if form in _FORMS else s


class NormalizeUTF8(TextTensorOperation):
    """Unicode normalization (``normalize_form``: NFC, NFKC, NFD, NFKD or NONE)."""

    def __init__(self, normalize_form=NormalizeForm.NFKC):
        type_check(normalize_form, (NormalizeForm,), "normalize_form")
        super().__init__()
        self.normalize_form = normalize_form

    def _execute(self, a):
        a = _strings("NormalizeUTF8", a)
        out = [_normalize(self.normalize_form, s) for s in a.reshape(-1).tolist()]
        return np.array(out, dtype=str).reshape(a.shape)


_UNUSED = re.compile(r"\[(?:CLS|SEP|UNK|PAD|MASK|unused\d+)\]")


def _is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(ch):
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F)


def _is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


def _basic_spans(text, lower_case, keep_whitespace, form, preserve_unused):
    """BERT's basic tokenization: split at white space, punctuation and CJK characters."""
    # character-level pass keeping each output character's source position
    protected = []
    if preserve_unused:
        protected = [(m.start(), m.end()) for m in _UNUSED.finditer(text)]
    i = 0
    pieces = []   # (token, start, end, kind): kind 'w' word char run, 's' space, 'x' single
    while i < len(text):
        hit = next((p for p in protected if p[0] == i), None)
        if hit is not None:
            pieces.append((text[hit[0]:hit[1]], hit[0], hit[1], "x"))
            i = hit[1]
            continue
        ch = text[i]
        if ord(ch) == 0 or ord(ch) == 0xFFFD or _is_control(ch):
            i += 1
            continue
        piece = ch
        if lower_case:
            piece = "".join(c for c in unicodedata.normalize("NFD", piece.lower()) if unicodedata.category(c) != "Mn")
        elif form != NormalizeForm.NONE:
            piece = _normalize(form, piece)
        if ch.isspace():
            pieces.append((" " if keep_whitespace else None, i, i + 1, "s"))
        elif _is_punct(ch) or _is_cjk(ch):
            pieces.append((piece, i, i + 1, "x"))
        else:
            pieces.append((piece, i, i + 1, "w"))
        i += 1
    spans = []
    for tok, s, e, kind in pieces:
        if kind == "w" and spans and spans[-1][3] == "w" and spans[-1][2] == s:
            t0, s0, _, _ = spans[-1]
            spans[-1] = (t0 + tok, s0, e, "w")
        elif kind == "s":
            if not keep_whitespace:
                continue
            if spans and spans[-1][3] == "s" and spans[-1][2] == s:
                t0, s0, _, _ = spans[-1]
                spans[-1] = (t0 + tok, s0, e, "s")
            else:
                spans.append((tok, s, e, "s"))
        else:
            spans.append((tok, s, e, kind))
    return [(t, s, e) for t, s, e, _ in spans if t]


def _check_kind(value, kind, name, what):
    """The tokenizers' argument check, in the reference's words."""
    if not isinstance(value, kind):
        raise TypeError(f"Wrong input type for {name}, should be {what}.")


def _init_basic(op, lower_case, keep_whitespace, normalization_form, preserve_unused_token, with_offsets):
    """Check BasicTokenizer's arguments (in the reference's order) and keep them on ``op`` (a BasicTokenizer or a
    BertTokenizer)."""
    _check_kind(lower_case, bool, "lower_case", "boolean")
    _check_kind(keep_whitespace, bool, "keep_whitespace", "boolean")
    _check_kind(preserve_unused_token, bool, "preserve_unused_token", "boolean")
    _check_kind(with_offsets, bool, "with_offsets", "boolean")
    _check_kind(normalization_form, NormalizeForm, "normalization_form", "enum of 'NormalizeForm'")
    op.lower_case = lower_case
    op.keep_whitespace = keep_whitespace
    op.normalization_form = normalization_form
    op.preserve_unused_token = preserve_unused_token


class BasicTokenizer(_Tokenizer):
    """BERT's basic tokenizer: white space, punctuation and CJK characters split the text."""

    def __init__(self, lower_case=False, keep_whitespace=False, normalization_form=NormalizeForm.NONE,
                 preserve_unused_token=True, with_offsets=False):
        _init_basic(self, lower_case, keep_whitespace, normalization_form, preserve_unused_token, with_offsets)
        super().__init__(with_offsets)

    def _spans(self, text):
        return _basic_spans(text, self.lower_case, self.keep_whitespace, self.normalization_form,
                            self.preserve_unused_token)


def _check_vocab(vocab, missing):
    if vocab is None:
        raise ValueError(missing)
    _check_kind(vocab, Vocab, "vocab", "text.Vocab object")


def _check_max_bytes(max_bytes_per_token):
    """The reference checks it as a uint32 with no name in its messages."""
    type_check(max_bytes_per_token, (int,), "")
    check_value(max_bytes_per_token, 0, UINT32_MAX)


def _keep_wordpiece(op, vocab, suffix_indicator, max_bytes_per_token, unknown_token):
    """Keep WordpieceTokenizer's arguments (but ``with_offsets``) on ``op`` (a WordpieceTokenizer or a
    BertTokenizer)."""
    op.vocab = vocab
    op.suffix_indicator = suffix_indicator
    op.max_bytes_per_token = max_bytes_per_token
    op.unknown_token = unknown_token


def _wordpiece(word, table, suffix, max_bytes, unknown):
    """Greedy longest-match pieces of ``word`` as (piece, byte_start, byte_end) within the word."""
    raw = word.encode("utf-8")
    if len(raw) > max_bytes:
        return [(unknown or word, 0, len(raw))]
    pos = _byte_positions(word)
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        found = None
        while end > start:
            sub = word[start:end]
            if start > 0:
                sub = suffix + sub
            if sub in table:
                found = sub
                break
            end -= 1
        if found is None:
            return [(unknown or word, 0, len(raw))]
        pieces.append((found, pos[start], pos[end]))
        start = end
    return pieces


class WordpieceTokenizer(TextTensorOperation):
    """Split each word of a string array into the longest vocabulary pieces (later pieces prefixed by
    ``suffix_indicator``); a word with no split is ``unknown_token`` (or itself when that is '')."""

    def __init__(self, vocab, suffix_indicator="##", max_bytes_per_token=100, unknown_token="[UNK]",
                 with_offsets=False):
        _check_vocab(vocab, "vocab is not provided.")
        _check_kind(suffix_indicator, str, "suffix_indicator", "string")
        _check_kind(unknown_token, str, "unknown_token", "string")
        _check_kind(with_offsets, bool, "with_offsets", "boolean")
        _check_max_bytes(max_bytes_per_token)
        super().__init__()
        _keep_wordpiece(self, vocab, suffix_indicator, max_bytes_per_token, unknown_token)
        self.with_offsets = with_offsets

    def _pieces(self, words):
        table = self.vocab._table()
        out = []
        for w in words:
            out.extend(_wordpiece(w, table, self.suffix_indicator, self.max_bytes_per_token, self.unknown_token))
        return out

    def _execute(self, a):
        a = _strings("WordpieceTokenizer", a)
        pieces = self._pieces(a.reshape(-1).tolist())
        toks = _str_array([p[0] for p in pieces])
        if not self.with_offsets:
            return toks
        return (toks, np.array([p[1] for p in pieces], dtype=np.uint32),
                np.array([p[2] for p in pieces], dtype=np.uint32))


class BertTokenizer(_Tokenizer):
    """BasicTokenizer followed by WordpieceTokenizer (offsets are byte offsets in the input string)."""

    def __init__(self, vocab, suffix_indicator="##", max_bytes_per_token=100, unknown_token="[UNK]", lower_case=False,
                 keep_whitespace=False, normalization_form=NormalizeForm.NONE, preserve_unused_token=True,
                 with_offsets=False):
        _check_vocab(vocab, "vacab is not provided.")  # sic: the reference's word
        _check_kind(suffix_indicator, str, "suffix_indicator", "string")
        _check_kind(max_bytes_per_token, int, "max_bytes_per_token", "int")
        _check_max_bytes(max_bytes_per_token)
        _check_kind(unknown_token, str, "unknown_token", "string")
        _init_basic(self, lower_case, keep_whitespace, normalization_form, preserve_unused_token, with_offsets)
        super().__init__(with_offsets)
        _keep_wordpiece(self, vocab, suffix_indicator, max_bytes_per_token, unknown_token)

    def _execute(self, a):
        a = _strings("BertTokenizer", a)
        if a.ndim != 0:
            raise _err("BertTokenizer", "the input should be scalar string.")
        text = a.item()
        byte_at = _byte_positions(text)
        table = self.vocab._table()
        out = []
        for tok, s, _ in _basic_spans(text, self.lower_case, self.keep_whitespace, self.normalization_form,
                                      self.preserve_unused_token):
            for piece, bs, be in _wordpiece(tok, table, self.suffix_indicator, self.max_bytes_per_token,
                                            self.unknown_token):
                out.append((piece, byte_at[s] + bs, byte_at[s] + be))
        if not out:
            out = [("", 0, 0)]
        toks = _str_array([p[0] for p in out])
        if not self.with_offsets:
            return toks
        return toks, np.array([p[1] for p in out], dtype=np.uint32), np.array([p[2] for p in out], dtype=np.uint32)



# ------------------------------------------------------------------ script, Wikipedia, SentencePiece, Jieba
# ICU's White_Space characters (u_isUWhiteSpace)
_WHITE_SPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                         "\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def _script_of():
    try:
        import unicodedataplus
    except ImportError as e:  # pragma: no cover - the package is a dependency of the text extra
        raise ImportError("UnicodeScriptTokenizer needs the 'unicodedataplus' package (the Unicode Script "
                          "property; pip install unicodedataplus).") from e
    return unicodedataplus.script


class UnicodeScriptTokenizer(_Tokenizer):
    """Split a string where the Unicode script changes, and between white space and the rest (white space
    dropped unless ``keep_whitespace``)."""

    _scalar_only = True

    def _name(self):
        return "UnicodeScriptTokenizerOp"

    def __init__(self, keep_whitespace=False, with_offsets=False):
        _check_kind(keep_whitespace, bool, "keep_whitespace", "boolean")
        _check_kind(with_offsets, bool, "with_offsets", "boolean")
        super().__init__(with_offsets)
        self.keep_whitespace = keep_whitespace
        self._script = _script_of()

    def _spans(self, text):
        spans, start, last, was_space = [], 0, None, False
        for i, ch in enumerate(text):
            space = ch in _WHITE_SPACE
            script = self._script(ch)
            if i > start and (script != last or space != was_space):
                if self.keep_whitespace or not was_space:
                    spans.append((text[start:i], start, i))
                start = i
            last, was_space = script, space
        if len(text) > start and (self.keep_whitespace or not was_space):
            spans.append((text[start:], start, len(text)))
        return spans


# the reference's (pattern, replacement) rules, applied in the order of its std::map: sorted by pattern
_WIKI_RULES = sorted({
    r"<.*>": "", r"&amp;": "&", "&lt;": "<", "&gt;": ">", r"<ef[^<]*<\/ef>": "", "<[^>]*>": "",
    r"\[http:[^] ]*": "[", r"\|thumb": "", r"\|left": "", r"\|right": "", r"\|\d+px": "",
    r"\[\[image:[^\[\]]*\|": "", r"\[\[category:([^|\]]*)[^]]*\]\]": "[[$1]]", r"\[\[[a-z\-]*:[^\]]*\]\]": "",
    r"\[\[[^\|\]]*\|": "[[", r"\{\{[^\}]*\}\}": "", r"\{[^\}]*\}": "", r"\[": "", r"\]": "", "&[^;]*;": " ",
    **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1) if chr(c) != "R"}, "R": "",
    **dict(zip("0123456789", [" zero ", " one ", " two ", " three ", " four ", " five ", " six ", " seven ",
                               " eight ", " nine "])),
    r"[^a-z\n]+": " ", r"\n ": "", r"\s+": " ", r"\n\s*\n": r"\n"}.items())
_WIKI_COMPILED = [(re.compile(p), _icu_replacement(r, re.compile(p).groups)) for p, r in _WIKI_RULES]


def _filter_wikipedia(text):
    if "#redirect" in text or "#REDIRECT" in text:
        return ""
    for pattern, repl in _WIKI_COMPILED:
        text = pattern.sub(repl, text).strip()
    return text


class FilterWikipediaXML(TextTensorOperation):
    """Clean Wikipedia XML dump text to lower-case letters and single spaces (digits spelled out, markup and
    links dropped; a redirect page becomes ''). As the reference, only the first string of the input is
    filtered; the others come out empty."""

    def _execute(self, a):
        if np.asarray(a).dtype.kind not in "US":
            raise _err("RegexReplace", "input is not of type string.")
        a = _strings("FilterWikipediaXML", a)
        out = [""] * a.size
        if a.size:
            out[0] = _filter_wikipedia(a.reshape(-1)[0])
        return np.array(out, dtype=str).reshape(a.shape)


class SentencePieceTokenizer(TextTensorOperation):
    """Encode a string with a SentencePiece model (a SentencePieceVocab, or the path of a model file) into
    pieces (``SPieceTokenizerOutType.STRING``) or ids (``INT``)."""

    def __init__(self, mode, out_type):
        from .utils import _sentencepiece
        type_check(mode, (str, SentencePieceVocab), "mode is not an instance of str or text.SentencePieceVocab.")
        type_check(out_type, (SPieceTokenizerOutType,), "out_type is not an instance of SPieceTokenizerOutType")
        super().__init__()
        self.mode, self.out_type = mode, out_type
        self._processor = _sentencepiece().SentencePieceProcessor()
        self._status = None
        try:
            if isinstance(mode, SentencePieceVocab):
                self._processor.LoadFromSerializedProto(mode.c_sentence_piece_vocab or b"")
            else:
                self._processor.Load(os.path.realpath(mode))
        except (OSError, RuntimeError):
            self._status = ("SentencePieceTokenizer: parser vocab model filed." if isinstance(mode, SentencePieceVocab)
                            else f"SentencePieceTokenizer: load vocab model file: {os.path.realpath(mode)} failed.")

    def _execute(self, a):
        if self._status is not None:
            raise RuntimeError(self._status)
        if a.ndim != 0 or a.dtype.kind not in "US":
            raise _err("SentencePieceTokenizer", "the input shape should be scalar and the input datatype should be "
                                                 "string.")
        text = _strings("SentencePieceTokenizer", a).item()
        if self.out_type == SPieceTokenizerOutType.STRING:
            return _str_array(self._processor.EncodeAsPieces(text))
        return np.array(self._processor.EncodeAsIds(text), dtype=np.int32)


class JiebaTokenizer(TextTensorOperation):
    """Segment Chinese text into words with cppjieba's algorithms over the given dictionary files: ``mp_path``
    (``word freq tag`` lines) for maximum-probability segmentation, ``hmm_path`` (cppjieba's HMM model file) for
    the HMM, and their mix (``JiebaMode.MIX``)."""

    def __init__(self, hmm_path, mp_path, mode=JiebaMode.MIX, with_offsets=False):
        if hmm_path is None:
            raise ValueError("The dict of HMMSegment in cppjieba is not provided.")
        _check_kind(hmm_path, str, "hmm_path", "string")
        if mp_path is None:
            raise ValueError("The dict of MPSegment in cppjieba is not provided.")
        _check_kind(mp_path, str, "mp_path", "string")
        _check_kind(with_offsets, bool, "with_offsets", "boolean")
        super().__init__()
        _check_kind(mode, JiebaMode, "mode", "JiebaMode")
        for path in (hmm_path, mp_path):
            if not os.path.exists(os.path.realpath(path)):
                raise ValueError(f" jieba mode file {path} is not exist.")
        self.mode, self.hmm_path, self.mp_path, self.with_offsets = mode, hmm_path, mp_path, with_offsets
        self.words = []
        self._dict = _jieba.Dictionary(mp_path)
        self._hmm = _jieba.HmmModel(hmm_path)

    def add_word(self, word, freq=None):
        """Add ``word`` to the dictionary (``freq`` None: the median weight of the dictionary's words)."""
        if word is None:
            raise ValueError("word is not provided.")
        if freq is not None:
            type_check(freq, (int,), "freq")
            check_value(freq, 0, 4294967295)
        self.words.append((word, 0 if freq is None else freq))
        self._dict.add_word(word, 0 if freq is None else freq)

    def add_dict(self, user_dict):
        """Add the words of a ``{word: freq}`` dict, or of a file of ``word [freq]`` lines."""
        if isinstance(user_dict, str):
            if not os.path.exists(user_dict):
                raise ValueError(f"user dict file {user_dict} is not exist.")
            line_re = re.compile(r"^\s*([^\s*]+?)\s*([0-9]+)?\s*$", re.U)
            with open(os.path.realpath(user_dict), encoding="utf-8") as f:
                for item in f:
                    m = line_re.match(item.strip().lstrip("\ufeff"))
                    if m:
                        self.add_word(m.group(1), int(m.group(2)) if m.group(2) is not None else 0)
        elif isinstance(user_dict, dict):
            for k, v in user_dict.items():
                self.add_word(k, v)
        else:
            raise TypeError("The type of user_dict must str or dict.")

    def _execute(self, a):
        if a.ndim != 0 or a.dtype.kind not in "US":
            raise _err("JiebaTokenizerOp", "the input shape should be scalar and the input datatype should be string.")
        text = _strings("JiebaTokenizer", a).item()
        if text == "":
            toks, starts, ends = [""], [], []
        else:
            spans = _jieba.segment(text, self.mode.name, self._dict, self._hmm)
            pos = _byte_positions(text)
            toks = [text[s:e] for s, e in spans]
            starts, ends = [pos[s] for s, _ in spans], [pos[e] for _, e in spans]
        out = _str_array(toks)
        if not self.with_offsets:
            return out
        return out, np.array(starts, dtype=np.uint32), np.array(ends, dtype=np.uint32)

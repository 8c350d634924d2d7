"""mindspore.dataset.text: text transforms (tokenizers, vocabulary lookup, sequence shaping) on numpy arrays."""
from . import transforms, utils
from .transforms import (
    AddToken,
    BasicTokenizer,
    BertTokenizer,
    CaseFold,
    FilterWikipediaXML,
    JiebaTokenizer,
    Lookup,
    Ngram,
    NormalizeUTF8,
    PythonTokenizer,
    RegexReplace,
    RegexTokenizer,
    SentencePieceTokenizer,
    SlidingWindow,
    ToNumber,
    ToVectors,
    Truncate,
    TruncateSequencePair,
    UnicodeCharTokenizer,
    UnicodeScriptTokenizer,
    WhitespaceTokenizer,
    WordpieceTokenizer,
)
from .utils import *  # noqa: F403

__all__ = ["transforms", "utils", "AddToken", "BasicTokenizer", "BertTokenizer", "CaseFold", "Lookup", "Ngram",
           "NormalizeUTF8", "PythonTokenizer", "RegexReplace", "RegexTokenizer", "SlidingWindow", "ToNumber",
           "Truncate", "TruncateSequencePair", "UnicodeCharTokenizer", "WhitespaceTokenizer", "WordpieceTokenizer",
           "JiebaMode", "NormalizeForm", "SentencePieceModel", "SPieceTokenizerLoadType", "SPieceTokenizerOutType",
           "Vocab", "to_bytes", "to_str", "ToVectors", "Vectors", "GloVe", "FastText", "CharNGram",
           "FilterWikipediaXML", "JiebaTokenizer", "SentencePieceTokenizer", "SentencePieceVocab",
           "UnicodeScriptTokenizer"]

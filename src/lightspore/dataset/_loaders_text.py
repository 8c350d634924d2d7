"""The text corpora readers: CLUE, the CSV news/review corpora (AG News, Amazon Review, DBpedia, Sogou News,
Yahoo Answers, Yelp Review), SST-2, SQuAD, WikiText, EnWik9, CoNLL-2000, UDPOS and Multi30k.

They are file sources (``_LineSource``): the files are read in sorted path order, ``num_parallel_workers`` readers
take them in turn, ``shuffle`` (``Shuffle.GLOBAL`` / ``FILES`` / ``False``) and ``num_shards``/``shard_id`` work as
for ``TextFileDataset``; every column is a string (numpy ``str``) unless said otherwise.
"""
import csv
import json
import os

import numpy as np

from ._loaders_vision import _check_dir, _check_sampler_options, _json_lines
from ._pipeline import TextBaseDataset
from .samplers import Shuffle
from .sources import _check_usage, _type_error
from .standard_sources import TFRecordDataset
from .text_sources import _LineSource

__all__ = ["CLUEDataset", "AGNewsDataset", "AmazonReviewDataset", "DBpediaDataset", "SogouNewsDataset",
           "YahooAnswersDataset", "YelpReviewDataset", "SST2Dataset", "SQuADDataset", "WikiTextDataset",
           "EnWik9Dataset", "CoNLL2000Dataset", "UDPOSDataset", "Multi30kDataset"]


def _usage(usage, allowed, default):
    return default if usage is None else _check_usage(usage, allowed)


def _find_files(name, patterns):
    import glob
    pats = [patterns] if isinstance(patterns, str) else patterns
    if not isinstance(pats, (list, tuple)) or not all(isinstance(p, str) for p in pats):
        raise _type_error("dataset_files", patterns, "[<class 'str'>, <class 'list'>]")
    files, missing = [], []
    for p in pats:
        hit = sorted(glob.glob(p))
        if not hit:
            missing.append(p)
        files.extend(hit)
    if missing:
        raise ValueError(f"The following patterns did not match any files: {missing}.")
    return files


def _missing(api, tag, files):
    """The reference's error when a corpus file the usage needs is not there."""
    return RuntimeError(f"Invalid data, {api} API can't read the data file (interface mismatch or no data found). "
                        f"Check {tag}:  " + " ".join(files))


class _RowSharded(_LineSource):
    """A file source whose shards are runs of rows, not files: shard i reads rows [i * size, (i + 1) * size) of
    all the files' rows in order (size = ceil(rows / num_shards), wrapping to the first rows), as the reference's
    readers of these corpora do (``TFRecordDataset(shard_equal_rows=True)``'s rule)."""

    def __init__(self, dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id):
        _check_sampler_options(None, None, num_shards, shard_id, num_samples)
        super().__init__(dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        self._equal_rows = num_shards is not None

    _columns_ = ()

    def _columns(self):
        return list(self._columns_)

    def _segments(self, files):
        if self._equal_rows:
            return TFRecordDataset._segments(self, files)
        return super()._segments(files)


class _CorpusSource(_RowSharded, TextBaseDataset):
    """A corpus of files under ``dataset_dir`` chosen by ``usage``; rows come from ``_file_rows(path)``."""

    def __init__(self, dataset_dir, usage, files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id,
                 cache, api=None, tag=None):
        paths = sorted(os.path.join(dataset_dir, f) for f in files)
        absent = [p for p in paths if not os.path.isfile(p)]
        if absent:
            raise _missing(api or type(self).__name__, tag or type(self).__name__[:-len("Dataset")].lower(), absent)
        super().__init__(paths, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        self.dataset_dir = dataset_dir
        self.usage = usage
        self.cache = cache


# ------------------------------------------------------------------ CLUE
_CLUE_KEYS = {
    "AFQMC": (["sentence1", "sentence2", "label"], ["id", "sentence1", "sentence2"]),
    "CMNLI": (["sentence1", "sentence2", "label"], ["id", "sentence1", "sentence2"]),
    "TNEWS": (["label", "label_desc", "sentence", "keywords"], ["id", "keywords", "sentence"]),
    "IFLYTEK": (["label", "label_des", "sentence"], ["id", "sentence"]),
    "WSC": (["span1_index", "span2_index", "span1_text", "span2_text", "idx", "text", "label"],
            ["span1_index", "span2_index", "span1_text", "span2_text", "idx", "text"]),
    "CSL": (["id", "abst", "keyword", "label"], ["id", "abst", "keyword"]),
}
_CLUE_INTS = ("id", "idx", "span1_index", "span2_index")


class CLUEDataset(_RowSharded, TextBaseDataset):
    """The CLUE benchmark's JSON-lines files of one ``task`` (AFQMC, TNEWS, IFLYTEK, CMNLI, WSC, CSL): one row
    per line with the task's fields (for ``usage='test'`` the ``id`` and no ``label``) as columns in name order;
    ``id``/``idx``/span indices are uint32, CSL's ``keyword`` a 1-D string array, the rest strings."""

    def __init__(self, dataset_files, task='AFQMC', usage='train', num_samples=None, num_parallel_workers=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        files = _find_files("CLUEDataset", dataset_files)
        task = 'AFQMC' if task is None else task
        usage = 'train' if usage is None else usage
        if not isinstance(task, str) or task not in _CLUE_KEYS:
            raise ValueError("task should be 'AFQMC', 'TNEWS', 'IFLYTEK', 'CMNLI', 'WSC' or 'CSL'.")
        if not isinstance(usage, str) or usage not in ("train", "test", "eval"):
            raise ValueError("usage should be 'train', 'test' or 'eval'.")
        super().__init__(files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        self.task, self.usage, self.cache = task, usage, cache
        keys = _CLUE_KEYS[task][1 if usage == "test" else 0]
        self._keys = sorted(keys)

    def _columns(self):
        return list(self._keys)

    def _file_rows(self, path):
        rows = []
        for k, obj in _json_lines(path, "json"):
            if self.task == "WSC" and isinstance(obj.get("target"), dict):
                obj = {**obj, **obj["target"]}
            row = []
            for key in self._keys:
                if key not in obj:
                    raise RuntimeError(f"Invalid json file, in given JSON file, failed to find key: {key} "
                                       f"({path} line {k + 1}, task {self.task}).")
                row.append(_clue_value(key, obj[key]))
            rows.append(tuple(row))
        return rows


def _clue_value(key, value):
    if key in _CLUE_INTS:
        return np.array(int(value), dtype=np.uint32)
    if isinstance(value, list):
        return np.array([str(v) for v in value])
    return np.array(value if isinstance(value, str) else json.dumps(value))


# ------------------------------------------------------------------ CSV corpora
class _CsvCorpus(_CorpusSource):
    """``{train,test}.csv`` of quoted fields (``""`` for a quote; backslash escapes are kept as written), read
    test before train (``_TrainFirstCsvCorpus``: train before test), as the reference reads them."""

    _train_first = False

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        usage = _usage(usage, ["train", "test", "all"], "all")
        names = ["train", "test"] if usage == "all" else [usage]
        super().__init__(dataset_dir, usage, [f"{n}.csv" for n in names], num_samples, num_parallel_workers, shuffle,
                         num_shards, shard_id, cache)
        if self._train_first:
            self.dataset_files = sorted(self.dataset_files, reverse=True)

    def _file_rows(self, path):
        ncols = len(self._columns_)
        out = []
        with open(path, newline="", encoding="utf-8") as f:
            for k, fields in enumerate(csv.reader(f)):
                if not fields:
                    continue
                if len(fields) != ncols:
                    raise RuntimeError(f"Invalid csv, csv file: {path} parse failed at line {k + 1}, the number of "
                                       f"columns does not match the definition ({len(fields)} vs {ncols}).")
                out.append(tuple(np.array(v) for v in fields))
        return out


class _TrainFirstCsvCorpus(_CsvCorpus):
    """Sogou News and Yelp Review: read train before test, and ``shuffle`` comes before ``num_parallel_workers`` in
    their arguments."""

    _train_first = True

    def __init__(self, dataset_dir, usage=None, num_samples=None, shuffle=Shuffle.GLOBAL, num_shards=None,
                 shard_id=None, num_parallel_workers=None, cache=None):
        super().__init__(dataset_dir, usage, num_samples, num_parallel_workers, shuffle, num_shards, shard_id, cache)


class AGNewsDataset(_CsvCorpus):
    """AG News: ``{train,test}.csv`` rows ``index``, ``title``, ``description``."""

    _columns_ = ("index", "title", "description")


class AmazonReviewDataset(_CsvCorpus):
    """Amazon Review (polarity or full): ``{train,test}.csv`` rows ``label``, ``title``, ``content``."""

    _columns_ = ("label", "title", "content")


class DBpediaDataset(_CsvCorpus):
    """DBpedia ontology: ``{train,test}.csv`` rows ``class``, ``title``, ``content``."""

    _columns_ = ("class", "title", "content")


class SogouNewsDataset(_TrainFirstCsvCorpus):
    """Sogou News: ``{train,test}.csv`` rows ``index``, ``title``, ``content``."""

    _columns_ = ("index", "title", "content")


class YahooAnswersDataset(_CsvCorpus):
    """Yahoo! Answers: ``{train,test}.csv`` rows ``class``, ``title``, ``content``, ``answer``."""

    _columns_ = ("class", "title", "content", "answer")


class YelpReviewDataset(_TrainFirstCsvCorpus):
    """Yelp Review (polarity or full): ``{train,test}.csv`` rows ``label``, ``text``."""

    _columns_ = ("label", "text")


# ------------------------------------------------------------------ SST-2, SQuAD
class SST2Dataset(_CorpusSource):
    """SST-2: ``{train,dev}.tsv`` rows ``sentence``, ``label``; ``test.tsv`` rows ``sentence`` (its index column
    dropped); the header line is skipped."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        usage = _usage(usage, ["train", "test", "dev"], "train")
        super().__init__(dataset_dir, usage, [f"{usage}.tsv"], num_samples, num_parallel_workers, shuffle,
                         num_shards, shard_id, cache)

    def _columns(self):
        return ["sentence"] if self.usage == "test" else ["sentence", "label"]

    def _file_rows(self, path):
        with open(path, encoding="utf-8") as f:
            lines = [line.rstrip("\r\n") for line in f][1:]
        out = []
        for line in lines:
            if not line:
                continue
            fields = line.split("\t")
            out.append((np.array(fields[1]),) if self.usage == "test" else (np.array(fields[0]), np.array(fields[1])))
        return out


class SQuADDataset(_CorpusSource):
    """SQuAD 1.1 / 2.0 (``train-v1.1.json``/``dev-v1.1.json`` or the v2.0 pair): one row per question,
    ``context``, ``question`` (strings), ``text`` (the answers, a 1-D string array) and ``answer_start``
    (uint32; an unanswerable question has ``[""]`` and ``[4294967295]``)."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        usage = _usage(usage, ["train", "dev", "all"], "all")
        names = ["train", "dev"] if usage == "all" else [usage]
        found = []
        for n in names:
            hits = [f for f in (f"{n}-v1.1.json", f"{n}-v2.0.json") if os.path.isfile(os.path.join(dataset_dir, f))]
            if not hits:
                raise RuntimeError(f"Invalid path, failed to find SQuAD {n} data file: {dataset_dir}")
            found.append(hits[0])
        super().__init__(dataset_dir, usage, found, num_samples, num_parallel_workers, shuffle, num_shards, shard_id,
                         cache, api="SQuADDataset", tag="squad")

    _columns_ = ("context", "question", "text", "answer_start")

    def _file_rows(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            raise RuntimeError(f"Invalid file, failed to parse SQuAD json file: {path}: {e}") from None
        out = []
        for article in data.get("data", []):
            for para in article.get("paragraphs", []):
                context = para.get("context", "")
                for qa in para.get("qas", []):
                    answers = qa.get("answers") or []
                    texts = [a.get("text", "") for a in answers] or [""]
                    starts = [a.get("answer_start", -1) for a in answers] or [-1]
                    out.append((np.array(context), np.array(qa.get("question", "")), np.array(texts),
                                np.array(starts, dtype=np.int64).astype(np.uint32)))
        return out


# ------------------------------------------------------------------ line corpora
class WikiTextDataset(_CorpusSource):
    """WikiText-2 / WikiText-103: the non-empty lines of ``wiki.{train,valid,test}.tokens`` as rows ``text``."""

    _columns_ = ("text",)

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        usage = _usage(usage, ["train", "valid", "test", "all"], "all")
        names = ["train", "valid", "test"] if usage == "all" else [usage]
        super().__init__(dataset_dir, usage, [f"wiki.{n}.tokens" for n in names], num_samples, num_parallel_workers,
                         shuffle, num_shards, shard_id, cache, api="WikiTextDataset", tag="wikitext")

    def _file_rows(self, path):
        with open(path, encoding="utf-8") as f:
            return [(np.array(line.rstrip("\r\n")),) for line in f if line.rstrip("\r\n")]


class _CountedByLines(_CorpusSource):
    """A corpus whose dataset size is its number of non-empty lines (as the reference counts it), whatever the
    rows it yields."""

    def _size(self):
        files = list(self.dataset_files)
        if self.num_shards is not None and len(files) >= self.num_shards:
            files = files[self.shard_id::self.num_shards]
        n = 0
        for path in files:
            with open(path, encoding="utf-8") as f:
                n += sum(1 for line in f if line.rstrip("\r\n"))
        if self.num_shards is not None and len(self.dataset_files) < self.num_shards:
            n = len(range(self.shard_id, n, self.num_shards))
        return n if self.num_samples is None else min(n, self.num_samples)


class EnWik9Dataset(_CountedByLines):
    """EnWik9: every line of ``enwik9`` (empty ones too) as a row ``text``; the dataset size counts the
    non-empty lines, as the reference's does."""

    _columns_ = ("text",)

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=True, num_shards=None,
                 shard_id=None, cache=None):
        _check_dir(dataset_dir)
        super().__init__(dataset_dir, "all", ["enwik9"], num_samples, num_parallel_workers, shuffle, num_shards,
                         shard_id, cache, api="EnWik9Dataset", tag="enwik9")

    def _file_rows(self, path):
        with open(path, encoding="utf-8") as f:
            return [(np.array(line.rstrip("\r\n")),) for line in f]


class _TaggedSentences(_CountedByLines):
    """One row per sentence (a run of ``word tag tag`` lines ended by an empty line; a last sentence without the
    empty line after it is not read, as in the reference), each column a 1-D string array."""

    _sep = None

    def _file_rows(self, path):
        out, words = [], []
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if line.strip():
                    fields = line.split(self._sep)
                    if len(fields) < len(self._columns_):
                        raise RuntimeError(f"Invalid data, {path} line '{line}' should have "
                                           f"{len(self._columns_)} fields.")
                    words.append(fields[:len(self._columns_)])
                elif words:
                    out.append(tuple(np.array(col) for col in zip(*words)))
                    words = []
        return out


class CoNLL2000Dataset(_TaggedSentences):
    """CoNLL-2000 chunking: sentences of ``{train,test}.txt`` as rows ``word``, ``pos_tag``, ``chunk_tag``."""

    _columns_ = ("word", "pos_tag", "chunk_tag")

    def __init__(self, dataset_dir, usage=None, num_samples=None, shuffle=Shuffle.GLOBAL, num_shards=None,
                 shard_id=None, num_parallel_workers=None, cache=None):
        _check_dir(dataset_dir)
        usage = _usage(usage, ["train", "test", "all"], "all")
        names = ["train", "test"] if usage == "all" else [usage]
        super().__init__(dataset_dir, usage, [f"{n}.txt" for n in names], num_samples, num_parallel_workers, shuffle,
                         num_shards, shard_id, cache, api="CoNLL2000Dataset", tag="conll2000")


class UDPOSDataset(_TaggedSentences):
    """UDPOS: sentences of ``en-ud-tag.v2.{train,dev,test}.txt`` as rows ``word``, ``universal``, ``stanford``."""

    _columns_ = ("word", "universal", "stanford")
    _sep = "\t"

    def __init__(self, dataset_dir, usage=None, num_samples=None, shuffle=Shuffle.GLOBAL, num_shards=None,
                 shard_id=None, num_parallel_workers=None, cache=None):
        _check_dir(dataset_dir)
        usage = _usage(usage, ["train", "valid", "test", "all"], "all")
        names = {"train": ["train"], "valid": ["dev"], "test": ["test"], "all": ["train", "dev", "test"]}[usage]
        super().__init__(dataset_dir, usage, [f"en-ud-tag.v2.{n}.txt" for n in names], num_samples,
                         num_parallel_workers, shuffle, num_shards, shard_id, cache, api="UDPOSDataset", tag="udpos")


class Multi30kDataset(_CorpusSource):
    """Multi30k: line pairs of ``training/train.{en,de}``, ``validation/val.*``, ``mmt16_task1_test/test.*`` as
    rows ``text`` (the first language of ``language_pair``) and ``translation``."""

    _columns_ = ("text", "translation")
    _FOLDERS = {"train": ("training", "train"), "valid": ("validation", "val"), "test": ("mmt16_task1_test", "test")}

    def __init__(self, dataset_dir, usage=None, language_pair=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        usage = _usage(usage, ["train", "test", "valid", "all"], "all")
        if language_pair is None:
            language_pair = ["en", "de"]
        if not isinstance(language_pair, (list, tuple)):
            raise _type_error("language_pair", language_pair, "(<class 'list'>, <class 'tuple'>)")
        if len(language_pair) != 2:
            raise ValueError(f"language_pair should be a list or tuple of length 2, but got {len(language_pair)}")
        if list(language_pair) not in (["en", "de"], ["de", "en"]):
            raise ValueError(f"language_pair can only be ['en', 'de'] or ['en', 'de'], but got {list(language_pair)}")
        self.language_pair = list(language_pair)
        names = ["train", "valid", "test"] if usage == "all" else [usage]
        files = [os.path.join(*self._FOLDERS[n]) + "." + language_pair[0] for n in names]
        super().__init__(dataset_dir, usage, files, num_samples, num_parallel_workers,
                         Shuffle.GLOBAL if shuffle is None else shuffle, num_shards, shard_id, cache,
                         api="Multi30kDataset", tag="multi30k")

    def _file_rows(self, path):
        other = path[:-2] + self.language_pair[1]
        lines = []
        for p in (path, other):
            if not os.path.isfile(p):
                raise _missing("Multi30kDataset", "multi30k", [p])
            with open(p, encoding="utf-8") as f:
                lines.append([line.rstrip("\r\n") for line in f if line.rstrip("\r\n")])
        if len(lines[0]) != len(lines[1]):
            raise RuntimeError(f"Invalid data, {path} and {other} have different numbers of lines "
                               f"({len(lines[0])} and {len(lines[1])}).")
        return [(np.array(a), np.array(b)) for a, b in zip(*lines)]

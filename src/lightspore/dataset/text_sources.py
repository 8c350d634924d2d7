"""Line-based file sources: TextFileDataset (one ``text`` row per non-empty line) and CSVDataset.

The files are read in sorted order; ``num_parallel_workers`` readers take the files in turn (file i
to reader i % workers) and their rows are interleaved one by one, as the reference's readers
deliver them (one worker: file after file).
"""
import csv
import html
import os
import re

import numpy as np

from . import config
from ._pipeline import SourceDataset, TextBaseDataset, UnionBaseDataset
from .samplers import Shuffle, _rng
from .sources import _check_opt_int, _check_shards, _check_usage, _MappableSource, _type_error

__all__ = ["TextFileDataset", "CSVDataset", "IMDBDataset", "PennTreebankDataset", "IWSLT2016Dataset",
           "IWSLT2017Dataset"]


def _files(name, dataset_files):
    files = [dataset_files] if isinstance(dataset_files, str) else dataset_files
    if not isinstance(files, (list, tuple)) or not files or not all(isinstance(f, str) for f in files):
        raise _type_error("dataset_files", dataset_files, "[<class 'str'>, <class 'list'>]")
    for f in files:
        if not os.path.isfile(f):
            raise ValueError(f"The file {f} does not exist or permission denied!")
    return sorted(files)


def _shuffle_mode(shuffle):
    if shuffle is None or shuffle is True:
        return Shuffle.GLOBAL
    if shuffle is False:
        return Shuffle.FALSE
    if isinstance(shuffle, Shuffle) and shuffle in (Shuffle.FALSE, Shuffle.GLOBAL, Shuffle.FILES):
        return shuffle
    raise TypeError("shuffle must be of boolean or enum of 'Shuffle' values like 'Shuffle.ADAPTIVE' or "
                    "'Shuffle.GLOBAL' or 'Shuffle.PARTIAL' or 'Shuffle.FILES' or 'Shuffle.INFILE'.")


class _LineSource(SourceDataset):
    def __init__(self, dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id):
        self.dataset_files = _files(type(self).__name__, dataset_files)
        _check_opt_int("num_samples", num_samples)
        _check_opt_int("num_parallel_workers", num_parallel_workers, 1)
        _check_shards(num_shards, shard_id)
        super().__init__([], num_parallel_workers)
        self.num_samples = num_samples or None
        self.shuffle_mode = _shuffle_mode(shuffle)
        self.num_shards, self.shard_id = num_shards, shard_id

    def _file_rows(self, path):
        raise NotImplementedError

    # sharding by rows (not files) with equal shard sizes: TFRecordDataset(shard_equal_rows=True)
    _equal_rows = False

    def _segments(self, files):
        """The row runs the readers take in turn: one per file of this shard."""
        if self.num_shards is not None:
            files = files[self.shard_id::self.num_shards] if len(files) >= self.num_shards else files
        return [self._file_rows(f) for f in files]

    def _all_rows(self, epoch):
        files = list(self.dataset_files)
        if self.shuffle_mode is not Shuffle.FALSE:
            files = [files[i] for i in _rng(epoch, 8).permutation(len(files))]
        segments = self._segments(files)
        workers = self.num_parallel_workers or config.get_num_parallel_workers()
        readers = [[] for _ in range(min(workers, len(segments)) or 1)]
        for i, seg in enumerate(segments):
            readers[i % len(readers)].extend(seg)
        rows, pos = [], [0] * len(readers)
        while True:
            moved = False
            for k, r in enumerate(readers):
                if pos[k] < len(r):
                    rows.append(r[pos[k]])
                    pos[k] += 1
                    moved = True
            if not moved:
                break
        if self.num_shards is not None and len(self.dataset_files) < self.num_shards and not self._equal_rows:
            rows = rows[self.shard_id::self.num_shards]
        if self.shuffle_mode is Shuffle.GLOBAL:
            rows = [rows[i] for i in _rng(epoch, 9).permutation(len(rows))]
        if self.num_samples is not None:
            rows = rows[:self.num_samples]
        return rows

    def _size(self):
        return len(self._all_rows(0))

    def _rows(self, epoch):
        for row in self._all_rows(epoch):
            yield [np.array(v) if not isinstance(v, np.ndarray) else v for v in row]


class _TextLines(_LineSource, TextBaseDataset):
    """Rows of one string column ``text``: the non-empty lines of the files."""

    def _columns(self):
        return ["text"]

    def _file_rows(self, path):
        with open(path, encoding="utf-8") as f:
            return [(np.array(line.rstrip("\r\n")),) for line in f if line.rstrip("\r\n")]


class TextFileDataset(_TextLines):
    """Every non-empty line of the text files as a row with one string column ``text``."""

    def __init__(self, dataset_files, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        super().__init__(dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        self.cache = cache


class CSVDataset(_LineSource, UnionBaseDataset):
    """Rows of CSV files. Columns are named by ``column_names`` or by the first line of the first
    file (then every file's first line is a header); ``column_defaults`` (int / float / str values)
    make the columns int32 / float32 / string (an empty numeric field is an error, as in the reference)."""

    def __init__(self, dataset_files, field_delim=",", column_defaults=None, column_names=None, num_samples=None,
                 num_parallel_workers=None, shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        if not isinstance(field_delim, str) or len(field_delim) != 1 or field_delim in '"\r\n':
            raise ValueError("field_delim is invalid.")
        if column_defaults is not None:
            if not isinstance(column_defaults, list) or not all(
                    isinstance(v, (int, float, str)) and not isinstance(v, bool) for v in column_defaults):
                raise TypeError("column type in column_defaults is invalid.")
        if column_names is not None and (not isinstance(column_names, list) or not all(
                isinstance(n, str) for n in column_names)):
            raise _type_error("column_names", column_names, "[<class 'list'>]")
        super().__init__(dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        self.field_delim = field_delim
        self.column_defaults = column_defaults
        self.column_names = column_names
        self.cache = cache

    def _read(self, path):
        with open(path, newline="", encoding="utf-8") as f:
            return list(csv.reader(f, delimiter=self.field_delim))

    def _columns(self):
        if self.column_names is not None:
            return list(self.column_names)
        lines = self._read(self.dataset_files[0])
        if not lines:
            raise RuntimeError(f"Invalid file, {self.dataset_files[0]} is empty: its first line should name the "
                               "columns.")
        return list(lines[0])

    def _file_rows(self, path):
        lines = self._read(path)
        if self.column_names is None:
            lines = lines[1:]
        ncols = len(self._columns())
        out = []
        for k, fields in enumerate(lines):
            if not fields:
                continue
            if len(fields) != ncols:
                raise RuntimeError(f"Invalid csv, csv file: {path} parse failed at line {k + 1}, the number of "
                                   f"columns does not match the definition ({len(fields)} vs {ncols}).")
            out.append(tuple(self._convert(v, j, path, k) for j, v in enumerate(fields)))
        return out

    def _convert(self, text, j, path, k):
        default = self.column_defaults[j] if self.column_defaults and j < len(self.column_defaults) else ""
        if isinstance(default, str):
            return np.array(text)
        kind, dtype = (int, np.int32) if isinstance(default, int) else (float, np.float32)
        try:
            return np.array(kind(text), dtype)
        except ValueError:
            raise RuntimeError(f"Invalid csv, csv file: {path} parse failed at line {k + 1}, type does not "
                               "match.") from None


def _check_dir(dataset_dir):
    if not isinstance(dataset_dir, str):
        raise _type_error("dataset_dir", dataset_dir, "[<class 'str'>]")
    if not os.path.isdir(dataset_dir):
        raise ValueError(f"The folder {dataset_dir} does not exist or is not a directory or permission denied!")


class IMDBDataset(_MappableSource, TextBaseDataset):
    """The IMDB movie reviews: ``{usage}/{pos,neg}/*.txt`` under ``dataset_dir``, one review per file, as rows
    ``text`` (string) and ``label`` (int32, 1 positive / 0 negative); train before test, pos before neg, files in
    name order."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        usage = _check_usage(usage, ["train", "test", "all"])
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)
        self.dataset_dir = dataset_dir
        self.usage = usage
        self.cache = cache
        self._index = None

    def _columns(self):
        return ["text", "label"]

    def _files(self):
        if self._index is None:
            index = []
            for usage in (["train", "test"] if self.usage == "all" else [self.usage]):
                for folder, label in (("pos", 1), ("neg", 0)):
                    d = os.path.join(self.dataset_dir, usage, folder)
                    if not os.path.isdir(d):
                        raise RuntimeError(f"Invalid file, failed to open directory: {d}")
                    index.extend((os.path.join(d, f), label) for f in sorted(os.listdir(d)) if f.endswith(".txt"))
            self._index = index
        return self._index

    def _len(self):
        return len(self._files())

    def _fetch(self, index):
        path, label = self._files()[index]
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f.read().split("\n") if line]
        # the reference keeps the file's last non-empty line (a review file is one line)
        return [np.array(lines[-1] if lines else ""), np.array(label, dtype=np.int32)]


class PennTreebankDataset(_TextLines):
    """The Penn Treebank: the non-empty lines of ``ptb.{train,test,valid}.txt`` as rows ``text``."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        usage = _check_usage(usage, ["train", "test", "valid", "all"])
        _check_opt_int("num_samples", num_samples)
        _shuffle_mode(shuffle)   # checked before the files are looked for, as the reference does
        names = ["train", "test", "valid"] if usage == "all" else [usage]
        files = [os.path.join(dataset_dir, f"ptb.{u}.txt") for u in names]
        super().__init__(files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        self.dataset_dir = dataset_dir
        self.usage = usage
        self.cache = cache


_SEG = re.compile(r"<seg[^>]*>(.*?)</seg>", re.S)


def _xml_segments(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        raise RuntimeError(f"Invalid file, failed to load xml file: {path}") from None
    return [html.unescape(m.group(1)).strip() for m in _SEG.finditer(text)]


def _tag_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("<")]


class _IWSLTBase(_LineSource, TextBaseDataset):
    """Sentence pairs ``text`` (source language) / ``translation`` (target) of the IWSLT talks: the training
    ``train.tags.*`` files (markup lines dropped) and the ``<seg>`` elements of the dev/test XML files."""

    def __init__(self, folder, prefix, dataset_dir, usage, language_pair, sets, num_samples, shuffle, num_shards,
                 shard_id, num_parallel_workers):
        _shuffle_mode(shuffle)   # checked before the files are looked for, as the reference does
        src, tgt = language_pair
        pair = f"{src}-{tgt}"
        names = {"train": f"train.tags.{pair}.{src}"}
        for key, set_name in sets.items():
            names[key] = f"{prefix}.TED.{set_name}.{pair}.{src}.xml"
        keys = ["train", "valid", "test"] if usage == "all" else [usage]
        self._pairs = {}
        files = []
        for k in keys:
            path = os.path.join(folder, names[k])
            tgt_path = path[:-len(f".{src}.xml")] + f".{tgt}.xml" if k != "train" else path[:-len(src)] + tgt
            if not os.path.isfile(path) or not os.path.isfile(tgt_path):
                raise RuntimeError(f"Invalid data, IWSLTDataset API can't read the data file (interface mismatch or "
                                   f"no data found). Check iwslt:  {path}")
            self._pairs[path] = tgt_path
            files.append(path)
        super().__init__(files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        self.dataset_files = files   # train, valid, test: the reference's order, not sorted
        self.dataset_dir = dataset_dir
        self.usage = usage
        self.language_pair = [src, tgt]

    def _columns(self):
        return ["text", "translation"]

    def _file_rows(self, path):
        other = self._pairs[path]
        read = _xml_segments if path.endswith(".xml") else _tag_lines
        a, b = read(path), read(other)
        if len(a) != len(b):
            raise RuntimeError(f"Invalid data, the files {path} and {other} have different numbers of sentences "
                               f"({len(a)} and {len(b)}).")
        return [(np.array(x), np.array(y)) for x, y in zip(a, b)]


def _check_pair(language_pair, allowed):
    if language_pair is None:
        return ("de", "en")
    if not isinstance(language_pair, (list, tuple)) or len(language_pair) != 2:
        raise _type_error("language_pair", language_pair, "[<class 'list'>, <class 'tuple'>]")
    if tuple(language_pair) not in allowed:
        raise ValueError(f"language_pair can only be one of {[list(p) for p in allowed]}, but got "
                         f"{list(language_pair)}.")
    return tuple(language_pair)


_SETS16 = ("dev2010", "tst2010", "tst2011", "tst2012", "tst2013", "tst2014")


class IWSLT2016Dataset(_IWSLTBase):
    """IWSLT 2016 sentence pairs from ``texts/{src}/{tgt}/{src}-{tgt}/`` (valid: ``valid_set``, test: ``test_set``)."""

    def __init__(self, dataset_dir, usage=None, language_pair=None, valid_set=None, test_set=None, num_samples=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, num_parallel_workers=None, cache=None):
        _check_dir(dataset_dir)
        usage = _check_usage(usage, ["train", "valid", "test", "all"])
        pair = _check_pair(language_pair, [("en", "fr"), ("en", "de"), ("en", "cs"), ("en", "ar"), ("fr", "en"),
                                           ("de", "en"), ("cs", "en"), ("ar", "en")])
        valid_set = "tst2013" if valid_set is None else valid_set
        test_set = "tst2014" if test_set is None else test_set
        for name, v in (("valid_set", valid_set), ("test_set", test_set)):
            if v not in _SETS16:
                raise ValueError(f"Input {name} is not within the valid set of {list(_SETS16)}.")
        folder = os.path.join(dataset_dir, "texts", pair[0], pair[1], f"{pair[0]}-{pair[1]}")
        super().__init__(folder, "IWSLT16", dataset_dir, usage, pair, {"valid": valid_set, "test": test_set},
                         num_samples, shuffle, num_shards, shard_id, num_parallel_workers)
        self.valid_set, self.test_set = valid_set, test_set
        self.cache = cache


_LANGS17 = ("en", "nl", "de", "it", "ro")


class IWSLT2017Dataset(_IWSLTBase):
    """IWSLT 2017 sentence pairs from ``texts/DeEnItNlRo/DeEnItNlRo/DeEnItNlRo-DeEnItNlRo/`` (valid: dev2010,
    test: tst2010)."""

    def __init__(self, dataset_dir, usage=None, language_pair=None, num_samples=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, num_parallel_workers=None, cache=None):
        _check_dir(dataset_dir)
        usage = _check_usage(usage, ["train", "valid", "test", "all"])
        pair = _check_pair(language_pair, [(a, b) for a in _LANGS17 for b in _LANGS17 if a != b])
        folder = os.path.join(dataset_dir, "texts", "DeEnItNlRo", "DeEnItNlRo", "DeEnItNlRo-DeEnItNlRo")
        super().__init__(folder, "IWSLT17", dataset_dir, usage, pair, {"valid": "dev2010", "test": "tst2010"},
                         num_samples, shuffle, num_shards, shard_id, num_parallel_workers)
        self.cache = cache

"""Line-based file sources: TextFileDataset (one ``text`` row per non-empty line) and CSVDataset.

The files are read in sorted order; ``num_parallel_workers`` readers take the files in turn (file i
to reader i % workers) and their rows are interleaved one by one, as the reference's readers
deliver them (one worker: file after file).
"""
import csv
import os

import numpy as np

from . import config
from ._pipeline import SourceDataset, TextBaseDataset, UnionBaseDataset
from .samplers import Shuffle, _rng
from .sources import _check_opt_int, _check_shards, _type_error

__all__ = ["TextFileDataset", "CSVDataset"]


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
    raise TypeError(f"shuffle must be of boolean or enum of 'Shuffle' values like 'Shuffle.GLOBAL' or "
                    f"'Shuffle.FILES', but got {shuffle!r}.")


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

    def _all_rows(self, epoch):
        files = list(self.dataset_files)
        if self.shuffle_mode is not Shuffle.FALSE:
            files = [files[i] for i in _rng(epoch, 8).permutation(len(files))]
        if self.num_shards is not None:
            files = files[self.shard_id::self.num_shards] if len(files) >= self.num_shards else files
        workers = self.num_parallel_workers or config.get_num_parallel_workers()
        readers = [[] for _ in range(min(workers, len(files)) or 1)]
        for i, f in enumerate(files):
            readers[i % len(readers)].extend(self._file_rows(f))
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
        if self.num_shards is not None and len(self.dataset_files) < self.num_shards:
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


class TextFileDataset(_LineSource, TextBaseDataset):
    """Every non-empty line of the text files as a row with one string column ``text``."""

    def __init__(self, dataset_files, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        super().__init__(dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        self.cache = cache

    def _columns(self):
        return ["text"]

    def _file_rows(self, path):
        with open(path, encoding="utf-8") as f:
            return [(np.array(line.rstrip("\r\n")),) for line in f if line.rstrip("\r\n")]


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

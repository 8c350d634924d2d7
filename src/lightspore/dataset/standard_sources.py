"""Readers of the standard formats: MindDataset (MindRecord files) and TFRecordDataset (tf.train.Example)."""
import os

import numpy as np

from ..mindrecord.filereader import _ShardFile, shard_paths
from . import _tfrecord
from ._pipeline import UnionBaseDataset
from .samplers import Shuffle
from .sources import Schema, _MappableSource
from .text_sources import _LineSource

__all__ = ["MindDataset", "TFRecordDataset"]


class MindDataset(_MappableSource, UnionBaseDataset):
    """The rows of MindRecord files (``dataset_files``: one file, meaning every shard its header names, or a
    list of files). Columns in name order (or ``columns_list``'s); scalars as 0-d arrays of the schema's type,
    strings as str, bytes as a 1-element bytes array, array fields in the schema's shape."""

    def __init__(self, dataset_files, columns_list=None, num_parallel_workers=None, shuffle=None, num_shards=None,
                 shard_id=None, sampler=None, padded_sample=None, num_padded=None, num_samples=None, cache=None):
        if isinstance(dataset_files, str):
            if not os.path.isfile(dataset_files):
                raise ValueError(f"The file {dataset_files} does not exist or permission denied!")
        elif not (isinstance(dataset_files, list) and dataset_files and all(isinstance(f, str) for f in
                                                                                dataset_files)):
            raise TypeError(f"Argument dataset_files with value {dataset_files!r} is not of type [<class 'str'>, "
                            f"<class 'list'>], but got {type(dataset_files)}.")
        if columns_list is not None and (not isinstance(columns_list, list) or not columns_list
                                         or not all(isinstance(c, str) for c in columns_list)):
            raise TypeError(f"Argument columns_list with value {columns_list!r} is not of type [<class 'list'>].")
        if padded_sample is not None:
            if not isinstance(padded_sample, dict):
                raise TypeError(f"Argument padded_sample with value {padded_sample!r} is not of type "
                                "[<class 'dict'>].")
            if columns_list is None:
                raise RuntimeError("padded_sample is specified and requires columns_list as well.")
            if num_padded is None:
                raise RuntimeError("padded_sample is specified and requires num_padded as well.")
        if num_padded is not None:
            if not isinstance(num_padded, int) or isinstance(num_padded, bool):
                raise TypeError(f"Argument num_padded with value {num_padded!r} is not of type [<class 'int'>].")
            if num_padded < 0:
                raise ValueError("Input num_padded is not within the required interval of [0, 2147483647].")
            if padded_sample is None and num_padded:
                raise RuntimeError("num_padded is specified but padded_sample is not.")
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)
        self.dataset_files = dataset_files
        self.cache = cache
        self._shards = [_ShardFile(p) for p in shard_paths(dataset_files)]
        schema = self._shards[0].schema
        for s in self._shards[1:]:
            if s.schema != schema:
                raise RuntimeError(f"Invalid file, the schema of {s.path} differs from that of "
                                   f"{self._shards[0].path}.")
        names = sorted(schema)
        if columns_list is not None:
            for c in columns_list:
                if c not in schema:
                    raise RuntimeError(f"Invalid data, column name: {c} does not exist in the schema of "
                                       f"{self._shards[0].path} (columns: {names}).")
            names = list(columns_list)
        self.columns_list = names
        self._schema = schema
        self._index = [(k, r) for k, s in enumerate(self._shards) for r in s.rows]
        self.padded_sample, self.num_padded = padded_sample, num_padded or 0
        if self.num_padded:
            for c in names:
                if c not in padded_sample:
                    raise RuntimeError(f"Invalid padded_sample, column: {c} of columns_list is not in "
                                       "'padded_sample'.")
            self._padded_row = [self._convert(c, padded_sample[c], "padded_sample") for c in names]
            self._index += [(None, None)] * self.num_padded
            if num_shards is not None and len(self._index) % num_shards:
                raise RuntimeError(f"Invalid data, the size of dataset and padded samples: {len(self._index)} can "
                                   "not be divisible by the value of 'num_shards'. Please adjust the value of "
                                   "'num_padded'.")

    def _columns(self):
        return list(self.columns_list)

    def _len(self):
        return len(self._index)

    def _convert(self, c, v, where):
        spec = self._schema[c]
        if spec["type"] == "bytes":
            if isinstance(v, np.ndarray):
                v = v.tobytes()
            if not isinstance(v, bytes):
                raise RuntimeError(f"Invalid {where}, the value of column: {c} should be bytes, but got {v!r}.")
            return np.array([v], dtype=np.bytes_) if v else np.array([b""], dtype="S1")
        if spec["type"] == "string":
            return np.array(v, dtype=str)
        if "shape" in spec:
            return np.asarray(v, dtype=spec["type"]).reshape(spec["shape"])
        if isinstance(v, np.ndarray) and v.size != 1:
            raise RuntimeError(f"Invalid {where}, the value of column: {c} should be string or number but got: "
                               f"{v!r}, check '{where}'.")
        return np.array(v, dtype=spec["type"]).reshape(())

    def _fetch(self, index):
        k, r = self._index[index]
        if k is None:
            return [a.copy() for a in self._padded_row]
        row = self._shards[k].read_row(r)
        return [self._convert(c, row[c], "row") if self._schema[c]["type"] != "bytes" or row[c] else
                np.array([b""], dtype="S1") for c in self.columns_list]


def _feature_array(kind, values, path, name):
    if kind == "bytes_list":
        if len(values) != 1:
            # several byte strings: one string array element each
            return np.array(values, dtype=np.bytes_)
        return np.frombuffer(values[0], dtype=np.uint8).copy()
    if kind == "float_list":
        return np.array(values, dtype=np.float32)
    if kind == "int64_list":
        return np.array(values, dtype=np.int64)
    raise RuntimeError(f"Invalid TFRecord file {path}: feature '{name}' has no value list.")


class TFRecordDataset(_LineSource, UnionBaseDataset):
    """tf.train.Example records of TFRecord files (no TensorFlow needed). Without a schema the columns are the
    features of the first record in name order (``columns_list`` picks and orders them): int64 lists as int64,
    float lists as float32, a bytes value as its uint8 bytes. A ``schema`` (Schema, dict or JSON file) orders the
    columns and casts them to its types (``string``: the byte strings as str) and shapes."""

    def __init__(self, dataset_files, schema=None, columns_list=None, num_samples=None, num_parallel_workers=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, shard_equal_rows=False, cache=None,
                 compression_type=None):
        if compression_type not in (None, "", "GZIP", "ZLIB"):
            raise ValueError(f"Input compression_type can only be either '' (no compression), 'ZLIB', or 'GZIP', "
                             f"but got '{compression_type}'.")
        if columns_list is not None and (not isinstance(columns_list, list) or not columns_list
                                         or not all(isinstance(c, str) for c in columns_list)):
            raise TypeError(f"Argument columns_list with value {columns_list!r} is not of type [<class 'list'>].")
        if not isinstance(shard_equal_rows, bool):
            raise TypeError(f"Argument shard_equal_rows with value {shard_equal_rows!r} is not of type "
                            f"[<class 'bool'>].")
        super().__init__(dataset_files, num_samples, num_parallel_workers, shuffle, num_shards, shard_id)
        if isinstance(schema, str):
            schema = Schema(schema)
        elif isinstance(schema, dict):
            parsed = Schema()
            parsed.from_json(schema)
            schema = parsed
        elif schema is not None and not isinstance(schema, Schema):
            raise TypeError(f"Argument schema with value {schema!r} is not of type [<class 'str'>, "
                            "<class 'mindspore.dataset.engine.datasets.Schema'>].")
        self.schema = schema
        self.columns_list = columns_list
        self.shard_equal_rows = shard_equal_rows
        self._equal_rows = shard_equal_rows and num_shards is not None
        self.cache = cache
        self.compression_type = compression_type
        if schema is not None and schema.num_rows and not num_samples:
            self.num_samples = schema.num_rows

    def _columns(self):
        if self.schema is not None and self.schema.columns:
            names = [c["name"] for c in self.schema.columns]
        else:
            records = _tfrecord.read_records(self.dataset_files[0], self.compression_type)
            if not records:
                raise RuntimeError(f"Invalid TFRecord file {self.dataset_files[0]}: it holds no record, so the "
                                   "columns can not be known (pass a schema).")
            names = sorted(_tfrecord.parse_example(records[0], self.dataset_files[0]))
        if self.columns_list is not None:
            for c in self.columns_list:
                if c not in names:
                    raise RuntimeError(f"Invalid data, column name: {c} does not exist in the TFRecord features "
                                       f"{names}.")
            names = list(self.columns_list)
        return names

    def _segments(self, files):
        """With ``shard_equal_rows``: shard i takes rows [i * size, (i + 1) * size) of all the files' rows in
        order (size = ceil(rows / num_shards), wrapping to the first rows), read as one run per file piece."""
        if not self._equal_rows:
            return super()._segments(files)
        per_file = [self._file_rows(f) for f in files]
        flat = [(k, i) for k, rows in enumerate(per_file) for i in range(len(rows))]
        n = len(flat)
        if not n:
            return []
        size = -(-n // self.num_shards)
        segments, run, last = [], [], None
        for p in range(self.shard_id * size, (self.shard_id + 1) * size):
            k, i = flat[p % n]
            key = (k, p >= n)
            if key != last and run:
                segments.append(run)
                run = []
            run.append(per_file[k][i])
            last = key
        if run:
            segments.append(run)
        return segments

    def _file_rows(self, path):
        names = self._columns()
        specs = {c["name"]: c for c in self.schema.columns} if self.schema is not None else {}
        rows = []
        for payload in _tfrecord.read_records(path, self.compression_type):
            feats = _tfrecord.parse_example(payload, path)
            row = []
            for n in names:
                if n not in feats:
                    raise RuntimeError(f"Invalid TFRecord file {path}: a record lacks the feature '{n}'.")
                kind, values = feats[n]
                spec = specs.get(n)
                if spec is not None and spec["type"] == "string" and kind == "bytes_list":
                    arr = np.array([v.decode("utf-8") for v in values], dtype=str)
                else:
                    arr = _feature_array(kind, values, path, n)
                    if spec is not None:
                        arr = arr.astype(spec["type"]) if spec["type"] != "string" else arr
                if spec is not None and "shape" in spec:
                    try:
                        arr = arr.reshape(spec["shape"])
                    except ValueError:
                        raise RuntimeError(f"Invalid TFRecord file {path}: feature '{n}' has {arr.size} values, "
                                           f"which do not fit the schema shape {spec['shape']}.") from None
                row.append(arr)
            rows.append(tuple(row))
        return rows

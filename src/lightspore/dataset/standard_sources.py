"""Readers of the standard formats: MindDataset (MindRecord files) and TFRecordDataset (tf.train.Example)."""
import os

import numpy as np

from ..mindrecord.filereader import _ShardFile, shard_paths
from ._pipeline import UnionBaseDataset
from .sources import _MappableSource

__all__ = ["MindDataset"]


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
        if padded_sample is not None or num_padded is not None:
            raise ValueError("MindDataset: padded_sample / num_padded are not supported here; pad with "
                             "ds.PaddedDataset and concat instead.")
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

    def _columns(self):
        return list(self.columns_list)

    def _len(self):
        return len(self._index)

    def _fetch(self, index):
        k, r = self._index[index]
        row = self._shards[k].read_row(r)
        out = []
        for c in self.columns_list:
            spec = self._schema[c]
            v = row[c]
            if spec["type"] == "bytes":
                out.append(np.array([v], dtype=np.bytes_) if v else np.array([b""], dtype="S1"))
            elif spec["type"] == "string":
                out.append(np.array(v, dtype=str))
            elif "shape" in spec:
                out.append(v)
            else:
                out.append(np.array(v, dtype=spec["type"]))
        return out

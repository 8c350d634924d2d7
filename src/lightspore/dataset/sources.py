"""Source datasets: user Python sources (GeneratorDataset, NumpySlicesDataset) and the standard file
formats (MNIST idx files, CIFAR-10/100 binaries, image class folders)."""
import json
import os
import struct

import numpy as np

from ..common import dtype as mstype
from . import _workers
from ._pipeline import (
    Dataset,
    MappableDataset,
    UnionBaseDataset,
    VisionBaseDataset,
    _as_names,
    _pipeline_error,
    _to_array,
)
from .samplers import (
    BuiltinSampler,
    DistributedSampler,
    PKSampler,
    RandomSampler,
    SequentialSampler,
    SubsetSampler,
    _IterSampler,
)

__all__ = ["GeneratorDataset", "NumpySlicesDataset", "MnistDataset", "FashionMnistDataset", "KMnistDataset",
           "EMnistDataset",
           "Cifar10Dataset", "Cifar100Dataset", "ImageFolderDataset", "PaddedDataset", "Schema", "FakeImageDataset"]


def _type_error(name, value, types):
    return TypeError(f"Argument {name} with value {value!r} is not of type {types}, but got {type(value)}.")


def _check_opt_int(name, value, lo=0):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(name, value, "[<class 'int'>]")
    if value < lo:
        raise ValueError(f"Input {name} is not within the required interval of [{lo}, 2147483647].")
    return value


def _check_opt_bool(name, value):
    if value is not None and not isinstance(value, bool):
        raise _type_error(name, value, "[<class 'bool'>]")
    return value


def _check_shards(num_shards, shard_id):
    if (num_shards is None) != (shard_id is None):
        raise ValueError("num_shards and shard_id need to be passed in together.")
    if num_shards is not None:
        _check_opt_int("num_shards", num_shards, 1)
        _check_opt_int("shard_id", shard_id, 0)
        if shard_id >= num_shards:
            raise ValueError("shard_id should be less than num_shards.")


def _check_sampler_options(shuffle, sampler, num_shards, shard_id, num_samples):
    """The reference's checks of how ``sampler``, ``shuffle``, ``num_samples`` and the shard arguments combine."""
    for name, v in (("num_samples", num_samples), ("num_shards", num_shards), ("shard_id", shard_id)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            raise _type_error(name, v, "[<class 'int'>]")
    if sampler is not None:
        if shuffle is not None:
            raise RuntimeError("sampler and shuffle cannot be specified at the same time.")
        if num_shards is not None or shard_id is not None:
            raise RuntimeError("sampler and sharding cannot be specified at the same time.")
        if num_samples is not None:
            raise RuntimeError("sampler and num_samples cannot be specified at the same time.")
    if num_shards is not None:
        if not 1 <= num_shards <= 2147483647:
            raise ValueError("Input num_shards is not within the required interval of [1, 2147483647].")
        if shard_id is None:
            raise RuntimeError("num_shards is specified and currently requires shard_id as well.")
        if not 0 <= shard_id <= num_shards - 1:
            raise ValueError(f"Input shard_id is not within the required interval of [0, {num_shards - 1}].")
    if num_shards is None and shard_id is not None:
        raise RuntimeError("shard_id is specified but num_shards is not.")


def _select_sampler(num_samples, shuffle, num_shards, shard_id, sampler):
    """The sampler the arguments ask for, by the reference's rules."""
    if sampler is not None:
        if isinstance(sampler, BuiltinSampler):
            if any(a is not None for a in (num_shards, shard_id, shuffle, num_samples)):
                raise ValueError(f"Conflicting arguments during sampler assignments. num_samples: {num_samples}, "
                                 f"num_shards: {num_shards}, shard_id: {shard_id}, shuffle: {shuffle}.")
            return sampler
        if isinstance(sampler, (np.ndarray, list, tuple)):
            return SubsetSampler(sampler, num_samples)
        if not isinstance(sampler, str) and hasattr(sampler, "__iter__"):
            return _IterSampler(sampler, num_samples)
        if isinstance(sampler, int):
            return SubsetSampler([sampler])
        raise TypeError(f"Unsupported sampler object of type ({type(sampler)})")
    if shuffle is None or shuffle:
        if num_shards is not None:
            return DistributedSampler(num_shards, shard_id, shuffle=True, num_samples=num_samples)
        if num_samples is not None:
            return RandomSampler(replacement=True, num_samples=num_samples)
        return RandomSampler()
    if num_shards is not None:
        return DistributedSampler(num_shards, shard_id, shuffle=False, num_samples=num_samples)
    return SequentialSampler(num_samples=num_samples)


class _MappableSource(MappableDataset):
    """A source read by row index through a sampler; ``_fetch(i)`` gives row ``i`` as a list of arrays."""

    # the reference's file readers refuse a sampler given with shuffle/shards/num_samples (RuntimeError, before
    # anything is read); GeneratorDataset and PaddedDataset check only the shard pair (select_sampler's rules)
    _reference_sampler_checks = True

    def __init__(self, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id):
        _check_opt_int("num_samples", num_samples)
        _check_opt_int("num_parallel_workers", num_parallel_workers, 1)
        _check_opt_bool("shuffle", shuffle)
        if self._reference_sampler_checks:
            _check_sampler_options(shuffle, sampler, num_shards, shard_id, num_samples)
        else:
            _check_shards(num_shards, shard_id)
        super().__init__([], num_parallel_workers)
        self.num_samples = num_samples
        self.shuffle_flag = shuffle
        self.num_shards, self.shard_id = num_shards, shard_id
        self.sampler = _select_sampler(num_samples, shuffle, num_shards, shard_id, sampler)
        self.python_multiprocessing = False

    def _len(self):
        raise NotImplementedError

    def _fetch(self, index):
        raise NotImplementedError

    def _ids(self, epoch, counting=False):
        if isinstance(self.sampler, PKSampler):
            # the readers draw by their label column: class_column is for MindDataset only (the reference)
            return self.sampler.label_indices(self._class_labels("label"), epoch)
        return self.sampler.indices(self._len(), epoch, counting)

    def _class_labels(self, column):
        names = self._columns()
        if column not in names:
            raise RuntimeError(f"Invalid column, PKSampler's class_column '{column}' does not exist in the dataset "
                               f"columns {names}.")
        j = names.index(column)
        return [self._fetch(i)[j] for i in range(self._len())]

    def _size(self):
        n = len(self._ids(0, counting=True))
        return n

    def _describe(self, index):
        return f"{type(self).__name__} reading row {index}" if index is not None else type(self).__name__

    def _rows(self, epoch):
        ids = self._ids(epoch)
        workers = self.num_parallel_workers or 1
        chunk = max(1, min(64, len(ids) // (workers * 8))) if self.python_multiprocessing else 1
        yield from _workers.run_parallel(_Fetch(self), (int(i) for i in ids), self._describe, workers,
                                         self.python_multiprocessing, chunk)

    def _source_for_split(self):
        return True

    def _use_sampler(self, sampler):
        self.sampler = sampler

    def use_sampler(self, new_sampler):
        """Read the source through ``new_sampler`` from now on."""
        if not isinstance(new_sampler, BuiltinSampler):
            raise TypeError(f"For 'use_sampler', 'new_sampler' should be a Sampler, but got "
                            f"{type(new_sampler).__name__}.")
        self.sampler = new_sampler


class _Fetch:
    def __init__(self, source):
        self.source = source

    def __call__(self, index):
        return self.source._fetch(index)


# ------------------------------------------------------------------ user Python sources
def _row_of(item, ncols, where):
    if isinstance(item, (tuple, list)):
        row = [_to_array(x) for x in item]
    elif isinstance(item, dict):
        raise TypeError(f"{where} should return a tuple of NumPy arrays, but got a dict.")
    else:
        row = [_to_array(item)]
    if ncols is not None and len(row) != ncols:
        raise RuntimeError(f"Invalid Python function, the 'source' of 'GeneratorDataset' should return same number of "
                           f"NumPy arrays as specified in column_names, the size of column_names is:{ncols} and "
                           f"number of returned NumPy array is:{len(row)}")
    return row


class GeneratorDataset(_MappableSource, UnionBaseDataset):
    """Rows from a Python source: a generator function, an iterable, or a random-access object
    (``__getitem__`` and ``__len__``; then samplers, shuffling, sharding and worker processes apply)."""

    _reference_sampler_checks = False

    def __init__(self, source, column_names=None, column_types=None, schema=None, num_samples=None,
                 num_parallel_workers=1, shuffle=None, sampler=None, num_shards=None, shard_id=None,
                 python_multiprocessing=True, max_rowsize=None, batch_sampler=None, collate_fn=None):
        if not callable(source):
            try:
                iter(source)
            except TypeError:
                raise TypeError("Input `source` function of GeneratorDataset should be callable, iterable or random "
                                "accessible, commonly it should implement one of the method like yield, __getitem__ "
                                "or __next__(__iter__).") from None
        if column_names is None and schema is None:
            raise ValueError("Neither columns_names nor schema are provided.")
        if isinstance(sampler, PKSampler):
            raise ValueError("GeneratorDataset doesn't support PKSampler.")
        if sampler is not None and not isinstance(sampler, BuiltinSampler):
            try:
                iter(sampler)
            except TypeError:
                raise TypeError("sampler should be either iterable or from mindspore.dataset.samplers.") from None
        if schema is not None:
            names = _schema_names(schema)
            column_names = names if column_names is None else column_names
        self._names = _as_names("column_names", column_names)
        if column_types is not None:
            if not isinstance(column_types, list):
                raise _type_error("column_types", column_types, "[<class 'list'>]")
            self.column_types = [_np_type(t) for t in column_types]
        else:
            self.column_types = None
        _check_opt_int("max_rowsize", max_rowsize, -1)
        _check_opt_bool("python_multiprocessing", python_multiprocessing)
        self.source = source
        self.random_access = hasattr(source, "__getitem__") and not isinstance(source, (str, bytes))
        if self.random_access and not hasattr(source, "__len__"):
            raise TypeError("For 'GeneratorDataset', a random-access 'source' (with __getitem__) must also define "
                            "__len__.")
        if batch_sampler is not None and (sampler is not None or num_shards is not None or shuffle is not None
                                          or num_samples is not None):
            raise ValueError("batch_sampler is mutually exclusive with num_samples, shuffle, num_shards, shard_id "
                             "and sampler.")
        if collate_fn is not None and batch_sampler is None:
            raise ValueError("collate_fn can be specified only when batch_sampler is set.")
        if not self.random_access:
            for name, v in (("sampler", sampler), ("num_shards", num_shards), ("batch_sampler", batch_sampler)):
                if v is not None:
                    raise ValueError(f"{name} is not supported if source does not have attribute '__getitem__'.")
            if shuffle:
                raise ValueError("shuffle is not supported if source does not have attribute '__getitem__'.")
            _check_opt_int("num_samples", num_samples)
            _check_opt_int("num_parallel_workers", num_parallel_workers, 1)
            Dataset.__init__(self, [], num_parallel_workers)
            self.num_samples = num_samples
            self.sampler = None
        else:
            super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)
        self.python_multiprocessing = python_multiprocessing
        self.batch_sampler = batch_sampler
        self.collate_fn = collate_fn
        self._iter_size = None

    def _columns(self):
        return list(self._names)

    def _len(self):
        return len(self.source)

    def _finish(self, row):
        if self.column_types is not None:
            for a, t in zip(row, self.column_types):
                if a.dtype != t:
                    raise RuntimeError("Invalid Python function, type of returned data in 'GeneratorDataset' should be "
                                       f"same with specified column_types, but the type of returned data: {a.dtype}, "
                                       f"specified column type: {t}")
        return row

    def _fetch(self, index):
        return self._finish(_row_of(self.source[index], len(self._names), "The 'source' of 'GeneratorDataset'"))

    def _describe(self, index):
        what = f"GeneratorDataset source {type(self.source).__name__}"
        return what if index is None else f"{what}: source[{index}]"

    def _size(self):
        if self.batch_sampler is not None:
            return len(self.batch_sampler) if hasattr(self.batch_sampler, "__len__") else None
        if self.random_access:
            return super()._size()
        if self._iter_size is None:
            if hasattr(self.source, "__len__"):
                n = len(self.source)
            else:
                n = sum(1 for _ in self._iterate(0))
            self._iter_size = n
        return self._iter_size if self.num_samples is None else min(self._iter_size, self.num_samples)

    def _iterate(self, epoch):
        it = self.source() if callable(self.source) and not hasattr(self.source, "__iter__") else iter(self.source)
        ncols = len(self._names)
        for i, item in enumerate(it):
            if self.num_samples is not None and i >= self.num_samples:
                return
            yield self._finish(_row_of(item, ncols, "The 'source' of 'GeneratorDataset'"))

    def _rows(self, epoch):
        if self.batch_sampler is not None:
            yield from _workers.run_parallel(_BatchFetch(self), iter(self.batch_sampler), self._describe_batch,
                                             self.num_parallel_workers or 1, self.python_multiprocessing)
        elif self.random_access:
            yield from super()._rows(epoch)
        else:
            gen = self._iterate(epoch)
            while True:
                try:
                    row = next(gen)
                except StopIteration:
                    return
                except RuntimeError:
                    raise
                except Exception as e:   # noqa: BLE001 - reported with what failed
                    raise RuntimeError(_workers._user_error_text(lambda _: self._describe(None) + " (iterating)",
                                                                 None, e)) from e
                yield row

    def _describe_batch(self, ids):
        return self._describe(None) + ("" if ids is None else f": batch_sampler indices {list(ids)}")

    def _source_for_split(self):
        return self.random_access and self.batch_sampler is None


class _BatchFetch:
    def __init__(self, ds):
        self.ds = ds

    def __call__(self, ids):
        rows = [self.ds._fetch(int(i)) for i in ids]
        if self.ds.collate_fn is not None:
            out = self.ds.collate_fn(*[list(c) for c in zip(*rows)])
            return [_to_array(x) for x in (out if isinstance(out, (tuple, list)) else (out,))]
        return [np.stack(c) for c in zip(*rows)]


def _np_type(t):
    try:
        return np.dtype(mstype.dtype_to_nptype(t))
    except (TypeError, KeyError, ValueError, AttributeError):
        return np.dtype(t)


def _schema_names(schema):
    if isinstance(schema, str):
        schema = Schema(schema)
    if not isinstance(schema, Schema):
        raise ValueError("schema should be a path to schema file or a schema object.")
    return [c["name"] for c in schema.columns]


class Schema:
    """Column names, types and shapes of a dataset (``add_column``; read from / written to JSON)."""

    def __init__(self, schema_file=None):
        self.columns = []
        self.dataset_type = ""
        self.num_rows = 0
        if schema_file is not None:
            if not isinstance(schema_file, str):
                raise _type_error("schema_file", schema_file, "[<class 'str'>]")
            if not os.path.isfile(schema_file):
                raise ValueError(f"The file {schema_file} does not exist or permission denied!")
            with open(schema_file) as f:
                self.from_json(json.load(f))

    def add_column(self, name, de_type, shape=None):
        """Add a column ``name`` of type ``de_type`` (a dtype or its name) and optional ``shape``."""
        if not isinstance(name, str) or not name:
            raise TypeError(f"For 'Schema.add_column', 'name' should be a non-empty str, but got {name!r}.")
        col = {"name": name, "type": _type_name(de_type)}
        if shape is not None:
            if not isinstance(shape, list) or not all(isinstance(d, int) and not isinstance(d, bool) for d in shape):
                raise TypeError(f"For 'Schema.add_column', 'shape' should be a list of int, but got {shape!r}.")
            col["shape"] = list(shape)
            col["rank"] = len(shape)
        else:
            col["rank"] = 1
        self.columns.append(col)

    def parse_columns(self, columns):
        """Set the columns from ``{name: {"type": ..., "shape": [...]}}`` or a list of such dicts with ``name``."""
        self.columns = []
        items = columns.items() if isinstance(columns, dict) else [(c.get("name"), c) for c in columns]
        for name, col in items:
            if "type" not in col:
                raise RuntimeError(f"Column '{name}' must have the attribute 'type'.")
            self.add_column(name, col["type"], col.get("shape"))

    def to_json(self):
        """The schema as a JSON string."""
        out = {"columns": self.columns}
        if self.dataset_type:
            out["datasetType"] = self.dataset_type
        if self.num_rows:
            out["numRows"] = self.num_rows
        return json.dumps(out, indent=2, sort_keys=True)

    def from_json(self, json_obj):
        """Read the columns (and ``datasetType``/``numRows``) from a parsed JSON object."""
        if "columns" not in json_obj:
            raise RuntimeError("Unknown field: the schema JSON must have 'columns'.")
        self.parse_columns(json_obj["columns"])
        self.dataset_type = json_obj.get("datasetType", "")
        self.num_rows = json_obj.get("numRows", 0)

    def __str__(self):
        return self.to_json()


def _type_name(de_type):
    if isinstance(de_type, str):
        name = de_type
    elif isinstance(de_type, np.dtype) or (isinstance(de_type, type) and issubclass(de_type, np.generic)):
        name = np.dtype(de_type).name
    elif de_type is mstype.string:
        name = "string"
    else:
        try:
            name = np.dtype(mstype.dtype_to_nptype(de_type)).name
        except (TypeError, KeyError, ValueError, AttributeError):
            raise TypeError(f"For 'Schema.add_column', 'de_type' should be a dtype or its name, but got "
                            f"{de_type!r}.") from None
    if name == "bool_":
        name = "bool"
    try:
        np.dtype(name)
    except TypeError:
        if name != "string":
            raise TypeError(f"For 'Schema.add_column', unknown type '{name}'.") from None
    return name


class PaddedDataset(_MappableSource, UnionBaseDataset):
    """Rows given as a list of dicts (one per row, the same keys): typically concatenated to a dataset
    to pad it to a multiple of the shard count."""

    _reference_sampler_checks = False

    def __init__(self, padded_samples):
        if not isinstance(padded_samples, list) or not padded_samples:
            raise TypeError(f"For 'PaddedDataset', 'padded_samples' should be a non-empty list of dict, but got "
                            f"{type(padded_samples).__name__}.")
        if not all(isinstance(r, dict) for r in padded_samples):
            raise TypeError("For 'PaddedDataset', every item of 'padded_samples' should be a dict.")
        keys = list(padded_samples[0].keys())
        if any(list(r.keys()) != keys for r in padded_samples):
            raise ValueError("For 'PaddedDataset', every dict of 'padded_samples' must have the same keys.")
        super().__init__(None, None, False, None, None, None)
        self._names = keys
        self._samples = [[_to_array(r[k]) for k in keys] for r in padded_samples]

    def _columns(self):
        return list(self._names)

    def _len(self):
        return len(self._samples)

    def _fetch(self, index):
        return list(self._samples[index])


class NumpySlicesDataset(GeneratorDataset):
    """Rows sliced along the first axis of in-memory data: a list, a tuple of columns, a dict of named
    columns, or an ndarray."""

    def __init__(self, data, column_names=None, num_samples=None, num_parallel_workers=1, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None):
        cols, names, kind = _slice_columns(data)
        if column_names is not None:
            given = _as_names("column_names", column_names)
            if len(given) != len(cols):
                raise ValueError(f"Num of input column names is {len(given)}, but required is {len(cols)} as data is "
                                 f"{kind}.")
            names = given
        n = len(cols[0])
        if any(len(c) != n for c in cols):
            raise ValueError(f"For 'NumpySlicesDataset', every column must have the same number of rows, but got "
                             f"{[len(c) for c in cols]}.")
        super().__init__(_Slices(cols), column_names=names, num_samples=num_samples,
                         num_parallel_workers=num_parallel_workers, shuffle=shuffle, sampler=sampler,
                         num_shards=num_shards, shard_id=shard_id, python_multiprocessing=False)


def _slice_columns(data):
    if isinstance(data, dict):
        names = list(data.keys())
        cols = [np.asarray(v) for v in data.values()]
        kind = "dict"
    elif isinstance(data, tuple):
        cols = [np.asarray(v) for v in data]
        names = [f"column_{i}" for i in range(len(cols))]
        kind = "tuple"
    elif isinstance(data, (list, np.ndarray)):
        cols = [np.asarray(data)]
        names = ["column_0"]
        kind = "list"
    else:
        raise TypeError(f"Unsupported data type: {type(data)}, only support some common python data type, like list, "
                        "tuple, dict, and numpy array.")
    if not cols or any(c.ndim == 0 for c in cols):
        raise ValueError("For 'NumpySlicesDataset', 'data' must have at least one row in every column.")
    return cols, names, kind


class _Slices:
    def __init__(self, cols):
        self.cols = cols

    def __len__(self):
        return len(self.cols[0])

    def __getitem__(self, i):
        return tuple(c[i] for c in self.cols)


# ------------------------------------------------------------------ file formats
def _check_dir(name, path):
    if not isinstance(path, str):
        raise _type_error("dataset_dir", path, "[<class 'str'>]")
    if not os.path.isdir(path):
        raise ValueError(f"The folder {path} does not exist or is not a directory or permission denied!")


def _check_usage(usage, allowed):
    if usage is None:
        return "all"
    if not isinstance(usage, str):
        raise _type_error("usage", usage, "[<class 'str'>]")
    if usage not in allowed:
        raise ValueError(f"Input usage is not within the valid set of {allowed}.")
    return usage


class _ArraySource(_MappableSource, VisionBaseDataset):
    """A file source (the files of ``usage`` under ``dataset_dir``) loaded into memory as column arrays: MNIST
    and its kin, CIFAR-10/100."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        _check_dir("dataset_dir", dataset_dir)
        self.usage = _check_usage(usage, ["train", "test", "all"])
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)
        self.dataset_dir = dataset_dir
        self.cache = cache

    def _load(self):
        raise NotImplementedError

    def _arrays(self):
        if getattr(self, "_cache", None) is None:
            self._cache = self._load()
        return self._cache

    def _len(self):
        return len(self._arrays()[0])

    def _class_labels(self, column):
        names = self._columns()
        if column not in names:
            return super()._class_labels(column)
        return self._arrays()[names.index(column)]

    def _fetch(self, index):
        return [c[index].copy() for c in self._arrays()]


class MnistDataset(_ArraySource):
    """MNIST from its idx files (``train-images-idx3-ubyte`` ...): ``image`` (28, 28, 1) uint8 and
    ``label`` uint32."""

    def _columns(self):
        return ["image", "label"]

    def _prefix(self, usage):
        return {"train": "train", "test": "t10k"}[usage]

    def _load(self):
        usages = ["test", "train"] if self.usage == "all" else [self.usage]   # file-name order, as the reference
        images, labels = [], []
        for u in usages:
            img_path = os.path.join(self.dataset_dir, f"{self._prefix(u)}-images-idx3-ubyte")
            lbl_path = os.path.join(self.dataset_dir, f"{self._prefix(u)}-labels-idx1-ubyte")
            if not (os.path.exists(img_path) and os.path.exists(lbl_path)):
                if self.usage == "all":
                    continue
                raise RuntimeError(f"Invalid file, failed to find MNIST file {img_path} or {lbl_path}.")
            images.append(_read_idx(img_path, 2051, 3)[..., None])
            labels.append(_read_idx(lbl_path, 2049, 1).astype(np.uint32))
        if not images:
            raise RuntimeError(f"Invalid data, no valid data matching the dataset API {type(self).__name__}. Please "
                               "check file "
                               f"path or dataset API: {self.dataset_dir}.")
        images, labels = np.concatenate(images), np.concatenate(labels)
        if len(images) != len(labels):
            raise RuntimeError(f"Invalid data, the number of MNIST images {len(images)} and labels {len(labels)} "
                               "differ.")
        return images, labels


def _read_idx(path, magic, ndim):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 4 + 4 * ndim:
        raise RuntimeError(f"Invalid file, {path} is too short to be an idx file.")
    got = struct.unpack(">I", data[:4])[0]
    if got != magic:
        raise RuntimeError(f"Invalid file, {path} has magic number {got}, expected {magic}.")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if body.size != int(np.prod(dims)):
        raise RuntimeError(f"Invalid file, {path} holds {body.size} bytes of data, its header says {dims}.")
    return body.reshape(dims)


class FashionMnistDataset(MnistDataset):
    """Fashion-MNIST (the MNIST idx file layout): ``image`` (28, 28, 1) uint8 and ``label`` uint32."""


class KMnistDataset(MnistDataset):
    """Kuzushiji-MNIST (the MNIST idx file layout): ``image`` (28, 28, 1) uint8 and ``label`` uint32."""


class EMnistDataset(MnistDataset):
    """EMNIST split ``name`` from its idx files (``emnist-<name>-train-images-idx3-ubyte`` ...):
    ``image`` (28, 28, 1) uint8 and ``label`` uint32."""

    _NAMES = ("byclass", "bymerge", "balanced", "letters", "digits", "mnist")

    def __init__(self, dataset_dir, name, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        if not isinstance(name, str):
            raise _type_error("name", name, "[<class 'str'>]")
        if name not in self._NAMES:
            raise ValueError(f"Input name is not within the valid set of {list(self._NAMES)}.")
        super().__init__(dataset_dir, usage, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)
        self.name = name

    def _prefix(self, usage):
        return f"emnist-{self.name}-{usage}"


class _CifarBase(_ArraySource):
    _labels = 1

    def _files(self):
        raise NotImplementedError

    def _load(self):
        record = self._labels + 3072
        images, labels = [], []
        for path in self._files():
            raw = np.fromfile(path, dtype=np.uint8)
            if raw.size % record:
                raise RuntimeError(f"Invalid file, {path} is not a whole number of {record}-byte CIFAR records.")
            raw = raw.reshape(-1, record)
            labels.append(raw[:, :self._labels].astype(np.uint32))
            images.append(raw[:, self._labels:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
        if not images:
            raise RuntimeError(f"Invalid data, no valid data matching the dataset API {type(self).__name__}. Please "
                               f"check file path or dataset API: {self.dataset_dir}.")
        labels = np.concatenate(labels)
        return (np.ascontiguousarray(np.concatenate(images)),) + tuple(labels[:, i] for i in range(self._labels))


class Cifar10Dataset(_CifarBase):
    """CIFAR-10 from its binary batches (``data_batch_*.bin``, ``test_batch.bin``): ``image`` (32, 32, 3)
    uint8 and ``label`` uint32."""

    def _columns(self):
        return ["image", "label"]

    def _files(self):
        names = sorted(os.listdir(self.dataset_dir))
        train = [n for n in names if n.startswith("data_batch_") and n.endswith(".bin")]
        test = [n for n in names if n == "test_batch.bin"]
        chosen = {"train": train, "test": test, "all": train + test}[self.usage]
        return [os.path.join(self.dataset_dir, n) for n in chosen]


class Cifar100Dataset(_CifarBase):
    """CIFAR-100 from ``train.bin`` / ``test.bin``: ``image`` (32, 32, 3) uint8, ``coarse_label`` and
    ``fine_label`` uint32."""

    _labels = 2

    def _columns(self):
        return ["image", "coarse_label", "fine_label"]

    def _files(self):
        chosen = {"train": ["train.bin"], "test": ["test.bin"], "all": ["train.bin", "test.bin"]}[self.usage]
        return [os.path.join(self.dataset_dir, n) for n in chosen if os.path.exists(os.path.join(self.dataset_dir, n))]


_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff")


class ImageFolderDataset(_MappableSource, VisionBaseDataset):
    """Images in one folder per class: ``image`` (the file's bytes, or the decoded HWC RGB uint8 array
    with ``decode=True``) and ``label`` int32 (classes numbered in sorted folder order, or by
    ``class_indexing``)."""

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None, sampler=None,
                 extensions=None, class_indexing=None, decode=False, num_shards=None, shard_id=None, cache=None,
                 decrypt=None):
        _check_dir("dataset_dir", dataset_dir)
        if extensions is not None and (not isinstance(extensions, list)
                                       or not all(isinstance(e, str) for e in extensions)):
            raise _type_error("extensions", extensions, "[<class 'list'>]")
        if class_indexing is not None:
            if not isinstance(class_indexing, dict):
                raise _type_error("class_indexing", class_indexing, "[<class 'dict'>]")
            for k, v in class_indexing.items():
                if not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, int) or v < 0:
                    raise ValueError("class_indexing should be a dictionary of str to non-negative int.")
        if not isinstance(decode, bool):
            raise _type_error("decode", decode, "[<class 'bool'>]")
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)
        self.dataset_dir = dataset_dir
        self.extensions = extensions
        self.class_indexing = class_indexing
        self.decode = decode
        self.cache = cache
        self.decrypt = decrypt
        self._files = None

    def _columns(self):
        return ["image", "label"]

    def _scan(self):
        if self._files is not None:
            return self._files
        classes = sorted(d for d in os.listdir(self.dataset_dir) if os.path.isdir(os.path.join(self.dataset_dir, d)))
        if self.class_indexing is not None:
            index = dict(self.class_indexing)
            classes = [c for c in classes if c in index]
        else:
            index = {c: i for i, c in enumerate(classes)}
        exts = tuple(e.lower() for e in self.extensions) if self.extensions else None
        files = []
        for c in classes:
            folder = os.path.join(self.dataset_dir, c)
            for name in sorted(os.listdir(folder)):
                path = os.path.join(folder, name)
                if not os.path.isfile(path):
                    continue
                if exts is not None and not name.lower().endswith(exts):
                    continue
                files.append((path, index[c]))
        self._files = files
        self._index = index
        return files

    def _len(self):
        return len(self._scan())

    def _class_labels(self, column):
        if column != "label":
            return super()._class_labels(column)
        return [label for _, label in self._scan()]

    def _fetch(self, index):
        path, label = self._scan()[index]
        with open(path, "rb") as f:
            data = f.read()
        if self.decode:
            image = _decode_image(data, path)
        else:
            image = np.frombuffer(data, dtype=np.uint8).copy()
        return [image, np.array(label, dtype=np.int32)]

    def get_class_indexing(self):
        """``{class folder: label}``."""
        self._scan()
        return dict(self._index)

    def _num_classes(self):
        self._scan()
        return len(set(self._index.values()))


def _decode_image(data, path):
    import io

    from PIL import Image
    try:
        with Image.open(io.BytesIO(data)) as img:
            return np.asarray(img.convert("RGB"))
    except Exception as e:   # noqa: BLE001 - every undecodable file is reported the same way
        raise _pipeline_error(f"Invalid image, {path} can not be decoded: {e}") from e


class FakeImageDataset(_MappableSource, VisionBaseDataset):
    """``num_images`` random images (``image_size`` HWC uint8) with random uint32 labels below
    ``num_classes``; row i is drawn from a generator seeded by (``base_seed``, i), so it is the same
    in every epoch and run (the values are not the reference's)."""

    def __init__(self, num_images=1000, image_size=(224, 224, 3), num_classes=10, base_seed=0, num_samples=None,
                 num_parallel_workers=None, shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        for name, v in (("num_images", num_images), ("num_classes", num_classes)):
            if isinstance(v, bool) or not isinstance(v, int):
                raise _type_error(name, v, "[<class 'int'>]")
            if v <= 0:
                raise ValueError(f"Input {name} is not within the required interval of [1, 2147483647].")
        if not isinstance(image_size, (list, tuple)) or len(image_size) != 3 or not all(
                isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in image_size):
            raise ValueError("image_size should be a list or tuple of 3 positive int (height, width, channels).")
        _check_opt_int("base_seed", base_seed)
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)
        self.num_images, self.image_size = num_images, tuple(image_size)
        self.num_classes_, self.base_seed = num_classes, base_seed
        self.cache = cache

    def _columns(self):
        return ["image", "label"]

    def _len(self):
        return self.num_images

    def _fetch(self, index):
        rng = np.random.default_rng([self.base_seed, index])
        image = rng.integers(0, 256, size=self.image_size, dtype=np.uint8)
        return [image, np.array(rng.integers(0, self.num_classes_), dtype=np.uint32)]

"""The pipeline: a tree of datasets, each pulling rows (lists of numpy arrays) from its children.

Every node has ``_columns()`` (its column names), ``_rows(epoch)`` (a generator of the rows of one
epoch; ``epoch`` reseeds the random choices, so each pass reshuffles and a fixed seed repeats) and
``_size()`` (its row count, or None when only a full pass can tell). Iterators number the epochs.
"""
import copy
import inspect
import warnings

import numpy as np
import torch

from ..common._device import _state as _DEVICE
from ..common.tensor import Tensor
from . import _workers
from .samplers import _rng
from .transforms._check import (
    INT32_MAX,
    check_columns,
    check_num_parallel_workers,
    check_value,
    pipeline_error,
    type_check,
    type_check_list,
)

__all__ = ["Dataset", "BatchInfo", "Iterator", "TupleIterator", "DictIterator", "SourceDataset", "MappableDataset",
           "VisionBaseDataset", "TextBaseDataset", "AudioBaseDataset", "UnionBaseDataset"]


_pipeline_error = pipeline_error


def _check_int(name, value, lo, hi=INT32_MAX):
    """An int (not a bool) in [lo, hi], in the reference's words."""
    type_check(value, (int,), name)
    check_value(value, lo, hi, name)
    return value


def _is_count(value):
    """-1 (no limit) or a count in [1, INT32_MAX] (``repeat``/``take``)."""
    return value == -1 or 1 <= value <= INT32_MAX


def _check_workers(value):
    if value is not None:
        check_num_parallel_workers(value)
    return value


def _check_bool(value, name):
    if value is not None:
        type_check(value, (bool,), name)


def _as_names(name, value):
    """Column names as a list (None stays None), checked in the reference's words."""
    if value is None:
        return None
    check_columns(value, name)
    return [value] if isinstance(value, str) else list(value)


def _to_array(x):
    """One column value as the reference stores it: numpy, python numbers as int64 / float64 / bool."""
    if isinstance(x, np.ndarray):
        return x
    if isinstance(x, Tensor):
        return x.asnumpy()
    if isinstance(x, torch.Tensor):
        return x.detach().cpu().numpy()
    return np.asarray(x)    # numbers, lists, numpy scalars, PIL images


def _to_output(arr, output_numpy):
    """A row's array as the iterator yields it: a Tensor owning its memory (a view into a source's
    data, e.g. a NumpySlicesDataset row, is copied so that the Tensor can not write into the source)."""
    if output_numpy or arr.dtype.kind in "USO":
        return arr
    if not arr.flags.owndata or not arr.flags.writeable or not arr.flags.c_contiguous:
        arr = np.array(arr, order="C", copy=True)
    t = torch.from_numpy(arr)
    dev = _DEVICE["device"]
    if dev.type != "cpu":       # device_target='GPU': batches go where the parameters are
        t = t.to(dev)
    return Tensor._make(t)


class Dataset:
    """Base of every dataset: the pipeline operations, the size/shape/type queries and the iterators."""

    def __init__(self, children=None, num_parallel_workers=None):
        self.children = list(children or [])
        self.num_parallel_workers = num_parallel_workers
        self._epoch_counter = 0
        self._probe = None

    # -------------------------------------------------------------- structure
    def _columns(self):
        """A stage's columns are its input's unless it says otherwise (sources always do)."""
        return self.children[0]._columns()

    def _rows(self, epoch):
        raise NotImplementedError

    def _size(self):
        return None

    def _next_epoch(self):
        e = self._epoch_counter
        self._epoch_counter += 1
        return e

    # -------------------------------------------------------------- operations
    def batch(self, batch_size, drop_remainder=False, num_parallel_workers=None, **kwargs):
        """Stack ``batch_size`` consecutive rows into one (``per_batch_map`` may rewrite each batch)."""
        return BatchDataset(self, batch_size, drop_remainder, num_parallel_workers, **kwargs)

    def padded_batch(self, batch_size, drop_remainder=False, num_parallel_workers=None, pad_info=None):
        """Like ``batch``, padding the columns of ``pad_info`` (``{column: (shape or None, value)}``; a None
        shape or dimension pads to the largest in the batch) before stacking."""
        return BatchDataset(self, batch_size, drop_remainder, num_parallel_workers, _pad_info=_check_pad_info(pad_info))

    def bucket_batch_by_length(self, column_names, bucket_boundaries, bucket_batch_sizes,
                               element_length_function=None, pad_info=None, pad_to_bucket_boundary=False,
                               drop_remainder=False):
        """Batch rows of similar length: a row of length L (``element_length_function`` of
        ``column_names``, or the first dimension of the one column) goes to the bucket of the
        boundaries around L; a bucket holding ``bucket_batch_sizes[i]`` rows becomes a (padded) batch."""
        return BucketBatchByLengthDataset(self, column_names, bucket_boundaries, bucket_batch_sizes,
                                          element_length_function, pad_info, pad_to_bucket_boundary, drop_remainder)

    def map(self, operations, input_columns=None, output_columns=None, num_parallel_workers=None, **kwargs):
        """Apply ``operations`` (one callable or a list, chained) to ``input_columns`` of every row."""
        return MapDataset(self, operations, input_columns, output_columns, num_parallel_workers, **kwargs)

    def shuffle(self, buffer_size):
        """Shuffle rows through a buffer of ``buffer_size`` rows."""
        return ShuffleDataset(self, buffer_size)

    def repeat(self, count=None):
        """Pass over the data ``count`` times (None or -1: forever)."""
        return RepeatDataset(self, count)

    def take(self, count=-1):
        """The first ``count`` rows (-1: all)."""
        return TakeDataset(self, count)

    def skip(self, count):
        """Every row after the first ``count``."""
        return SkipDataset(self, count)

    def zip(self, datasets):
        """Rows side by side with those of ``datasets`` (columns joined; as many rows as the shortest)."""
        type_check(datasets, (tuple, Dataset), "datasets")
        if isinstance(datasets, Dataset):
            datasets = (datasets,)
        for d in datasets:      # the reference fails on reading the item's parent
            if not isinstance(d, Dataset):
                raise AttributeError(f"'{type(d).__name__}' object has no attribute 'parent'")
        return ZipDataset((self,) + datasets)

    def concat(self, datasets):
        """The rows of this dataset followed by those of ``datasets`` (the same columns)."""
        type_check(datasets, (list, Dataset), "datasets")
        if isinstance(datasets, Dataset):
            datasets = [datasets]
        for i, d in enumerate(datasets):
            type_check(d, (Dataset,), f"dataset[{i}]")
        return ConcatDataset([self] + datasets)

    def __add__(self, datasets):
        return self.concat(datasets)

    def split(self, sizes, randomize=True):
        """Split into datasets of the given ``sizes`` (ints summing to the size, or fractions summing to 1)."""
        return _split(self, sizes, randomize)

    def project(self, columns):
        """Keep ``columns``, in that order."""
        return ProjectDataset(self, columns)

    def rename(self, input_columns, output_columns):
        """Rename ``input_columns`` to ``output_columns``."""
        return RenameDataset(self, input_columns, output_columns)

    def filter(self, predicate, input_columns=None, num_parallel_workers=None):
        """Keep the rows for which ``predicate(*input_columns)`` is true."""
        return FilterDataset(self, predicate, input_columns, num_parallel_workers)

    # -------------------------------------------------------------- queries
    def get_col_names(self):
        """The column names of the rows this dataset yields."""
        return list(self._columns())

    def get_dataset_size(self):
        """The number of rows (batches after ``batch``) of one epoch."""
        n = self._size()
        if n is None:
            n = sum(1 for _ in self._rows(0))
        return int(n)

    def _first_row(self):
        if self._probe is None:
            for row in self._rows(0):
                self._probe = row
                break
            else:
                raise RuntimeError("The dataset yields no row, so its output shapes and types are unknown.")
        return self._probe

    def output_shapes(self, estimate=False):
        """The shape of each column of the first row."""
        type_check(estimate, (bool,), "estimate")
        return [list(a.shape) for a in self._first_row()]

    def output_types(self):
        """The numpy dtype of each column of the first row."""
        return [np.dtype(np.str_) if a.dtype.kind == "U" else a.dtype for a in self._first_row()]

    def get_batch_size(self):
        """The batch size of the last ``batch`` in the pipeline (1 when none)."""
        for node in self._walk():
            if isinstance(node, BatchDataset):
                return node.batch_size if isinstance(node.batch_size, int) else -1
        return 1

    def get_repeat_count(self):
        """The count of the last ``repeat`` in the pipeline (1 when none)."""
        for node in self._walk():
            if isinstance(node, RepeatDataset):
                return node.count
        return 1

    def num_classes(self):
        """The number of classes of a labelled source (None when it has none)."""
        for node in self._walk():
            if hasattr(node, "_num_classes"):
                return node._num_classes()
        return None

    def _walk(self):
        todo = [self]
        while todo:
            node = todo.pop(0)
            yield node
            todo.extend(node.children)

    def reset(self):
        """Nothing to reset: each iterator starts its own pass."""

    # -------------------------------------------------------------- iterators
    def create_tuple_iterator(self, columns=None, num_epochs=-1, output_numpy=False, do_copy=False):
        """An iterator over rows as lists (in column order, or of ``columns``)."""
        return TupleIterator(self, columns, num_epochs, output_numpy, do_copy)

    def create_dict_iterator(self, num_epochs=-1, output_numpy=False, do_copy=False):
        """An iterator over rows as ``{column name: value}``."""
        return DictIterator(self, num_epochs, output_numpy, do_copy)

    def __iter__(self):
        return iter(self.create_tuple_iterator())

    def __deepcopy__(self, memodict):
        cls = self.__class__
        new = cls.__new__(cls)
        memodict[id(self)] = new
        for k, v in self.__dict__.items():
            if k in ("children",):
                setattr(new, k, copy.deepcopy(v, memodict))
            elif isinstance(v, Dataset):
                setattr(new, k, copy.deepcopy(v, memodict))
            else:
                setattr(new, k, copy.copy(v) if isinstance(v, (list, dict)) else v)
        return new


class SourceDataset(Dataset):
    """Base of the datasets that read data (no input dataset)."""


class MappableDataset(SourceDataset):
    """Base of the sources whose rows can be fetched by index (they take a sampler)."""


class VisionBaseDataset(Dataset):
    """Base of the datasets holding images."""


class TextBaseDataset(Dataset):
    """Base of the datasets holding text: they can build a vocabulary from their rows."""

    def build_vocab(self, columns, freq_range, top_k, special_tokens, special_first):
        """A ``text.Vocab`` of the words in ``columns`` (deprecated: ``text.Vocab.from_dataset``; the reference
        only warns and returns None, here the vocabulary is also built)."""
        warnings.warn("mindspore.dataset.Dataset.build_vocab is deprecated from version 2.0 and will be removed in a "
                      "future version. Use mindspore.dataset.text.Vocab.from_dataset instead.", DeprecationWarning,
                      stacklevel=2)
        from .text.utils import Vocab  # the text package imports this module
        return Vocab.from_dataset(self, columns, freq_range, top_k, special_tokens, special_first)


class AudioBaseDataset(Dataset):
    """Base of the datasets holding audio."""


class UnionBaseDataset(VisionBaseDataset, TextBaseDataset, AudioBaseDataset):
    """Base of the pipeline stages and general sources (any kind of data)."""


class Iterator:
    def __init__(self, dataset, num_epochs, output_numpy, do_copy=False):
        _check_bool(output_numpy, "output_numpy")
        _check_bool(do_copy, "do_copy")
        if num_epochs is not None:
            _check_int("num_epochs", num_epochs, -1)
        if num_epochs == 0:
            raise pipeline_error("RootNode: num_epochs should be either -1 or positive integer, num_epochs: 0")
        self.dataset = dataset
        self._names = dataset.get_col_names()
        self.num_epochs = num_epochs
        self.output_numpy = output_numpy
        self._epochs_done = 0
        self._gen = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._gen is None:
            if self.num_epochs != -1 and self._epochs_done >= self.num_epochs:
                raise pipeline_error("EOF buffer encountered. User tries to fetch data beyond the specified number "
                                     "of epochs.")
            self._gen = self.dataset._rows(self.dataset._next_epoch())
        try:
            row = next(self._gen)
        except StopIteration:
            self._gen = None
            self._epochs_done += 1
            raise
        return self._convert(row)

    def stop(self):
        """Stop the pass under way (its worker pools are shut down)."""
        if self._gen is not None:
            self._gen.close()
            self._gen = None

    def __del__(self):
        gen = getattr(self, "_gen", None)
        if gen is not None:
            gen.close()

    def get_next(self):
        return next(self)


class TupleIterator(Iterator):
    """Rows as lists of Tensors (numpy arrays with ``output_numpy=True``)."""

    def __init__(self, dataset, columns=None, num_epochs=-1, output_numpy=False, do_copy=False):
        if columns is not None:
            check_columns(columns, "column_names")
        super().__init__(dataset, num_epochs, output_numpy, do_copy)
        self._pick = None
        if columns is not None:
            columns = [columns] if isinstance(columns, str) else columns
            _check_exist(self._names, columns)
            self._pick = [self._names.index(c) for c in columns]
        elif any(n.startswith("_meta-") for n in self._names):   # metadata columns are not output (the reference)
            self._pick = [i for i, n in enumerate(self._names) if not n.startswith("_meta-")]

    def _convert(self, row):
        if self._pick is not None:
            row = [row[i] for i in self._pick]
        return [_to_output(a, self.output_numpy) for a in row]


class DictIterator(Iterator):
    """Rows as ``{column name: Tensor}`` (numpy arrays with ``output_numpy=True``)."""

    def _convert(self, row):
        return {n: _to_output(a, self.output_numpy) for n, a in zip(self._names, row) if not n.startswith("_meta-")}


# ------------------------------------------------------------------ pipeline nodes
class BatchInfo:
    """What ``per_batch_map`` and a callable ``batch_size`` learn about the batch being built."""

    def __init__(self, batch_num, epoch_num):
        self._batch_num = batch_num
        self._epoch_num = epoch_num

    def get_batch_num(self):
        """The index of this batch in the epoch (from 0)."""
        return self._batch_num

    def get_epoch_num(self):
        """The index of the epoch (from 0)."""
        return self._epoch_num


def _stack(column, j, names):
    try:
        return np.stack(column)
    except ValueError:
        shapes = [list(a.shape) for a in column]
        bad = next(s for s in shapes if s != shapes[0])
        raise _pipeline_error(
            "Inconsistent batch shapes, batch operation expects same shape for each data row, but got inconsistent "
            f"shape in column {j} ('{names[j]}'), expected shape for this column is:{shapes[0]}, got shape:{bad}"
        ) from None


def _reorder(names, inputs, outputs, reverse_rest=False):
    """Columns after an op replaced ``inputs`` with ``outputs``: the outputs first, then the untouched
    columns (in their order after ``map``; in reverse order after ``batch`` with ``per_batch_map``, as
    the reference orders them)."""
    if list(outputs) == list(inputs):
        return list(names)     # columns rewritten in place
    rest = [n for n in names if n not in inputs]
    if reverse_rest:
        rest.reverse()
    clash = [n for n in outputs if n in rest]
    if clash:
        raise _pipeline_error(f"Invalid columns, column name: {clash[0]} already exists in the dataset.")
    return outputs + rest


def _check_max_rowsize(value):
    """None, an int in [-1, INT32_MAX] or a pair of them (the option is deprecated and unused)."""
    if value is None:
        return
    type_check(value, (int, list), "max_rowsize")
    if isinstance(value, int):
        check_value(value, -1, INT32_MAX, "max_rowsize")
    elif len(value) == 2:
        for i, v in enumerate(value):
            type_check(v, (int,), f"max_rowsize[{i}]")
            check_value(v, -1, INT32_MAX, f"max_rowsizei[{i}]")
    else:
        raise TypeError("max_rowsize should be a single integer or a list[in_rowsize, out_rowsize] of length 2.")


def _check_exist(names, wanted):
    """Each of ``wanted`` is a column of ``names`` (the reference checks it when the pipeline starts)."""
    missing = [c for c in wanted if c not in names]
    if missing:
        raise pipeline_error(f"Invalid column, column name: {missing[0]} does not exist.")


# the reference's words for a column an operation names that its input lacks (found when the pipeline starts)
_MISSING = {
    "map": "Invalid parameter, input column name: {} doesn't exist in the dataset columns.",
    "bucket_batch_by_length": "Invalid parameter, input column name: {} doesn't exist in the dataset columns.",
    "filter": "Invalid parameter, column name: {} does not exist in the dataset columns.",
    "batch": "Invalid input_columns, '{}' of 'input_columns' doesn't exist.",
    "pad_info": "Invalid pad_info, column name: {} does not exist.",
}


def _check_inputs(where, names, inputs):
    for c in inputs:
        if c not in names:
            raise pipeline_error(_MISSING[where].format(c))


class BatchDataset(UnionBaseDataset):
    """Rows stacked ``batch_size`` at a time."""

    # the keywords of ``Dataset.batch``'s ``**kwargs`` are these parameters: any other (``column_order`` of
    # pre-2.0 scripts) is a TypeError, as in the reference
    def __init__(self, child, batch_size, drop_remainder=False, num_parallel_workers=None, per_batch_map=None,
                 input_columns=None, output_columns=None, python_multiprocessing=False, max_rowsize=None, *,
                 _pad_info=None):
        if not isinstance(batch_size, int) and not callable(batch_size):
            raise TypeError("batch_size should either be an int or a callable.")
        if callable(batch_size):
            if len(inspect.signature(batch_size).parameters) != 1:
                raise ValueError("callable batch_size should take one parameter (BatchInfo).")
        elif batch_size != -1:
            check_value(batch_size, 1, INT32_MAX, "batch_size")
        _check_workers(num_parallel_workers)
        type_check(drop_remainder, (bool,), "drop_remainder")
        _check_max_rowsize(max_rowsize)
        if input_columns is not None and per_batch_map is None:
            raise ValueError("input_columns can be specified only when per_batch_map is set.")
        if input_columns is not None:
            check_columns(input_columns, "input_columns")
            # as the reference: len() of the argument given (a str's length, for one name given as a str)
            if len(input_columns) != len(inspect.signature(per_batch_map).parameters) - 1:
                raise ValueError("The signature of per_batch_map should match with input columns.")
        if output_columns is not None:
            check_columns(output_columns, "output_columns")
        _check_bool(python_multiprocessing, "python_multiprocessing")
        super().__init__([child], num_parallel_workers)
        self.batch_size = batch_size
        self.drop_remainder = drop_remainder
        self.per_batch_map = per_batch_map
        self.input_columns = _as_names("input_columns", input_columns)
        # without per_batch_map, output_columns is accepted and unused (the reference)
        self.output_columns = _as_names("output_columns", output_columns) if per_batch_map else None
        self.python_multiprocessing = bool(python_multiprocessing)
        self.pad_info = _pad_info

    def _columns(self):
        if self.per_batch_map is not None and not callable(self.per_batch_map):   # refused when the pipeline starts
            raise ValueError(f"Input operations should be callable Python function, but got: {self.per_batch_map}")
        names = self.children[0]._columns()
        if self.pad_info:
            _check_inputs("pad_info", names, list(self.pad_info))
        if self.per_batch_map is None:
            return names
        inputs = self.input_columns or names
        _check_inputs("batch", names, inputs)
        return _reorder(names, inputs, self.output_columns or inputs, reverse_rest=True)

    def _size(self):
        n = self.children[0]._size()
        if n is None or callable(self.batch_size) or self.batch_size == -1:
            return None
        return n // self.batch_size if self.drop_remainder else -(-n // self.batch_size)

    def _groups(self, epoch):
        if self.batch_size == -1:     # accepted when built, refused when the pipeline starts (the reference)
            raise pipeline_error("Batch size cannot be -1 without using batch sampler.")
        rows = self.children[0]._rows(epoch)
        group, num = [], 0
        size = self.batch_size(BatchInfo(0, epoch)) if callable(self.batch_size) else self.batch_size
        for row in rows:
            group.append(row)
            if len(group) == size:
                yield num, group
                num += 1
                group = []
                if callable(self.batch_size):
                    size = self.batch_size(BatchInfo(num, epoch))
        if group and not self.drop_remainder:
            yield num, group

    def _rows(self, epoch):
        names = self.children[0]._columns()
        out_names = self._columns()
        fn = _BatchFn(names, out_names, self.per_batch_map, self.input_columns, self.output_columns, epoch,
                      self.pad_info)
        workers = self.num_parallel_workers or 1
        if self.per_batch_map is None:
            workers = 1
        yield from _workers.run_parallel(fn, self._groups(epoch), fn.describe, workers, self.python_multiprocessing)


class _BatchFn:
    def __init__(self, names, out_names, per_batch_map, inputs, outputs, epoch, pad_info=None):
        self.names, self.out_names = names, out_names
        self.pad = {names.index(n): v for n, v in (pad_info or {}).items()}
        self.per_batch_map, self.epoch = per_batch_map, epoch
        self.inputs = inputs or names
        self.outputs = outputs or self.inputs

    def describe(self, item):
        what = "batch" if self.per_batch_map is None else f"per_batch_map {_name_of(self.per_batch_map)}"
        return f"{what}" + ("" if item is None else f" on batch {item[0]}")

    def __call__(self, item):
        num, group = item
        cols = list(zip(*group))
        for j, (shape, value) in self.pad.items():
            cols[j] = _pad_column(cols[j], shape, value, self.names[j])
        if self.per_batch_map is None:
            return [_stack(c, j, self.names) for j, c in enumerate(cols)]
        pos = {n: i for i, n in enumerate(self.names)}
        args = [list(cols[pos[n]]) for n in self.inputs]
        res = self.per_batch_map(*args, BatchInfo(num, self.epoch))
        if not isinstance(res, tuple):
            res = (res,)
        if len(res) != len(self.outputs):
            raise ValueError(f"per_batch_map returned {len(res)} columns, but 'output_columns' names "
                             f"{len(self.outputs)}.")
        done = {n: _stack([_to_array(x) for x in c], j, self.outputs) for j, (n, c) in enumerate(zip(self.outputs,
                                                                                                        res))}
        for n in self.names:
            if n not in self.inputs:
                done[n] = _stack(cols[pos[n]], pos[n], self.names)
        return [done[n] for n in self.out_names]


class BucketBatchByLengthDataset(UnionBaseDataset):
    """Rows batched by length buckets (see ``Dataset.bucket_batch_by_length``)."""

    def __init__(self, child, column_names, bucket_boundaries, bucket_batch_sizes, element_length_function=None,
                 pad_info=None, pad_to_bucket_boundary=False, drop_remainder=False):
        for name, v in (("column_names", column_names), ("bucket_boundaries", bucket_boundaries),
                        ("bucket_batch_sizes", bucket_batch_sizes)):
            type_check(v, (list,), name)
        type_check(pad_to_bucket_boundary, (bool,), "pad_to_bucket_boundary")
        type_check(drop_remainder, (bool,), "drop_remainder")
        check_columns(column_names, "column_names")
        if element_length_function is None and len(column_names) != 1:
            raise ValueError("If element_length_function is not specified, exactly one column name should be "
                             "passed.")
        if element_length_function is not None and not callable(element_length_function):
            raise TypeError("element_length_function object is not callable.")
        if not bucket_boundaries:
            raise ValueError("bucket_boundaries cannot be empty.")
        if not all(isinstance(b, int) for b in bucket_boundaries):
            raise TypeError("bucket_boundaries should be a list of int.")
        if not all(b > 0 for b in bucket_boundaries):
            raise ValueError("bucket_boundaries must only contain positive numbers.")
        if any(a >= b for a, b in zip(bucket_boundaries, bucket_boundaries[1:])):
            raise ValueError("bucket_boundaries should be strictly increasing.")
        if len(bucket_batch_sizes) != len(bucket_boundaries) + 1:
            raise ValueError("bucket_batch_sizes must contain one element more than bucket_boundaries.")
        if not all(isinstance(b, int) for b in bucket_batch_sizes):
            raise TypeError("bucket_batch_sizes should be a list of int.")
        if not all(b > 0 for b in bucket_batch_sizes):
            raise ValueError("bucket_batch_sizes should be a list of positive numbers.")
        super().__init__([child])
        self.column_names = column_names
        self.bucket_boundaries = list(bucket_boundaries)
        self.bucket_batch_sizes = list(bucket_batch_sizes)
        self.element_length_function = element_length_function
        self.pad_info = _check_pad_info(pad_info)
        self.pad_to_bucket_boundary = pad_to_bucket_boundary
        self.drop_remainder = drop_remainder

    def _columns(self):
        names = self.children[0]._columns()
        _check_inputs("bucket_batch_by_length", names, self.column_names)
        _check_inputs("pad_info", names, list(self.pad_info or {}))
        return names

    def _rows(self, epoch):
        names = self._columns()
        pos = [names.index(c) for c in self.column_names]
        buckets = [[] for _ in self.bucket_batch_sizes]
        for row in self.children[0]._rows(epoch):
            if self.element_length_function is not None:
                length = int(self.element_length_function(*(row[i] for i in pos)))
            else:
                length = int(row[pos[0]].shape[0]) if row[pos[0]].ndim else 0
            k = sum(1 for b in self.bucket_boundaries if length >= b)
            buckets[k].append(row)
            if len(buckets[k]) == self.bucket_batch_sizes[k]:
                yield self._batch(buckets[k], k, names)
                buckets[k] = []
        if not self.drop_remainder:
            for k, rows in enumerate(buckets):
                if rows:
                    yield self._batch(rows, k, names)

    def _batch(self, rows, k, names):
        cols = [list(c) for c in zip(*rows)]
        # no pad_info: every column is padded with 0 to the longest of the batch (as the reference does);
        # pad_to_bucket_boundary sets the None dimensions of a given pad shape to the bucket's boundary - 1
        pad_info = self.pad_info if self.pad_info is not None else {n: (None, 0) for n in names}
        for name, (shape, value) in pad_info.items():
            j = names.index(name)
            if shape is not None and self.pad_to_bucket_boundary and k < len(self.bucket_boundaries):
                shape = [self.bucket_boundaries[k] - 1 if d is None else d for d in shape]
            cols[j] = _pad_column(cols[j], shape, value, name)
        return [_stack(c, j, names) for j, c in enumerate(cols)]


def _check_pad_info(pad_info):
    """``{column: (shape or None, value)}`` in the reference's words (a None entry pads to the longest with 0)."""
    if pad_info is None:
        return None
    type_check(pad_info, (dict,), "pad_info")
    out = {}
    for name, spec in pad_info.items():
        type_check(name, (str,), "key in pad_info")
        if spec is None:
            out[name] = (None, 0)
            continue
        if len(spec) != 2:
            raise ValueError("value of pad_info should be a tuple of size 2.")
        type_check(spec, (tuple,), "value in pad_info")
        shape, value = spec
        if shape is not None:
            type_check(shape, (list,), "shape in pad_info")
            for d in shape:
                if d is not None:
                    _check_int("dim of shape in pad_info", d, 1)
        if value is not None:
            type_check(value, (int, float, str, bytes), "pad_value")
        out[name] = (shape, value)
    return out


def _pad_column(column, shape, value, name):
    rank = column[0].ndim
    if any(a.ndim != rank for a in column):
        raise _pipeline_error(f"Invalid data, padded_batch needs the rows of column '{name}' to have one rank.")
    biggest = [max(a.shape[k] for a in column) for k in range(rank)]
    if shape is None:
        target = biggest
    else:
        if len(shape) != rank:
            raise pipeline_error(f"Invalid pad_info, rank of pad_shape must be equal to rank of specified column. "
                                 f"pad_shapes rank:{len(shape)}, column rank: {rank}")
        target = [b if d is None else d for d, b in zip(shape, biggest)]
    out = []
    for a in column:       # a row larger than the pad shape is cut to it (the reference)
        padded = np.full(target, 0 if value is None else value, dtype=a.dtype)
        part = tuple(slice(0, min(s, t)) for s, t in zip(a.shape, target))
        padded[part] = a[part]
        out.append(padded)
    return out


def _name_of(fn):
    return getattr(fn, "__name__", None) or type(fn).__name__


class MapDataset(UnionBaseDataset):
    """``operations`` applied to ``input_columns`` of every row."""

    # the keywords of ``Dataset.map``'s ``**kwargs`` are these parameters: any other (``column_order`` of
    # pre-2.0 scripts) is a TypeError, as in the reference
    def __init__(self, child, operations, input_columns=None, output_columns=None, num_parallel_workers=None,
                 python_multiprocessing=False, cache=None, callbacks=None, max_rowsize=None, offload=None):
        _check_workers(num_parallel_workers)
        type_check(python_multiprocessing, (bool,), "python_multiprocessing")
        _check_max_rowsize(max_rowsize)
        from .callback.ds_callback import DSCallback
        if isinstance(callbacks, (list, tuple)):
            type_check_list(callbacks, (DSCallback,), "callbacks")
        elif callbacks is not None:
            type_check(callbacks, (DSCallback,), "callbacks")
        cbs = [] if callbacks is None else list(callbacks) if isinstance(callbacks, (list, tuple)) else [callbacks]
        for name, cols in (("input_columns", input_columns), ("output_columns", output_columns)):
            if cols is not None:
                check_columns(cols, name)
        ops = operations if isinstance(operations, list) else [operations]
        for op in ops:
            if not callable(op):
                raise ValueError("Parameter operations's element of method map should be a python function or class "
                                 f"method which should be callable, but got: {op}. It doesn't need parentheses for "
                                 "python function or class method.")
        super().__init__([child], num_parallel_workers)
        self.callbacks = cbs
        self._cb_state = None
        self.operations = ops
        self.input_columns = _as_names("input_columns", input_columns)
        self.output_columns = _as_names("output_columns", output_columns)
        self.python_multiprocessing = python_multiprocessing

    def _io(self):
        if not self.operations:     # map([]): accepted when built, refused when the pipeline starts (the reference)
            raise pipeline_error("Map: No 'operations' are specified.")
        names = self.children[0]._columns()
        inputs = self.input_columns or names[:1]
        _check_inputs("map", names, inputs)
        return names, inputs, self.output_columns or inputs

    def _columns(self):
        names, inputs, outputs = self._io()
        return _reorder(names, inputs, outputs)

    def _size(self):
        return self.children[0]._size()

    def _rows(self, epoch):
        names, inputs, outputs = self._io()
        fn = _MapFn(names, inputs, outputs, _reorder(names, inputs, outputs), self.operations)
        workers = self.num_parallel_workers or 1
        source = self.children[0]._rows(epoch)
        if self.callbacks:
            yield from self._with_callbacks(fn, source, workers)
            return
        yield from _workers.run_parallel(fn, source, fn.describe, workers,
                                         self.python_multiprocessing, chunk=4 if self.python_multiprocessing else 1)

    def _with_callbacks(self, fn, source, workers):
        """The rows of one epoch with the DSCallback hooks around them (step_begin as a row enters the map,
        step_end as it leaves)."""
        from .callback.ds_callback import RunContext
        if self._cb_state is None:
            self._cb_state = [0, 0]          # epochs begun, steps done overall
            for cb in self.callbacks:
                cb.ds_begin(RunContext(0, 0, 0))
        state = self._cb_state
        state[0] += 1
        epoch_num, base = state[0], state[1]
        for cb in self.callbacks:
            cb.ds_epoch_begin(RunContext(epoch_num, 0, base))

        def hooked(kind, rows):
            for i, row in enumerate(rows, 1):
                if kind == "begin":
                    for cb in self.callbacks:
                        if (i - 1) % cb.step_size == 0:
                            cb.ds_step_begin(RunContext(epoch_num, i, base + i))
                yield row
                if kind == "end":
                    state[1] = base + i
                    for cb in self.callbacks:
                        if (i - 1) % cb.step_size == 0:
                            cb.ds_step_end(RunContext(epoch_num, i, base + i))
        yield from hooked("end", _workers.run_parallel(fn, hooked("begin", source), fn.describe, workers,
                                                       self.python_multiprocessing,
                                                       chunk=4 if self.python_multiprocessing else 1))
        for cb in self.callbacks:
            cb.ds_epoch_end(RunContext(epoch_num, state[1] - base, state[1]))


class _MapFn:
    def __init__(self, names, inputs, outputs, out_names, operations):
        self.pos = [names.index(n) for n in inputs]
        self.outputs = outputs
        # where each output column comes from: ("op", k) for the k-th result, ("row", i) for column i
        self.plan = [("op", outputs.index(n)) if n in outputs else ("row", names.index(n)) for n in out_names]
        self.operations = operations

    def describe(self, item):
        ops = ", ".join(_name_of(op) for op in self.operations)
        return f"map operation [{ops}]"

    def __call__(self, row):
        args = tuple(row[i] for i in self.pos)
        for op in self.operations:
            res = op(*args)
            args = res if isinstance(res, tuple) else (res,)
        if len(args) != len(self.outputs):
            raise _pipeline_error(
                "Invalid columns, the number of columns returned in 'map' operations should match the number of "
                f"'output_columns', but got the number of columns returned in 'map' operations: {len(args)}, the "
                f"number of 'output_columns': {len(self.outputs)}.")
        return [_to_array(args[k]) if src == "op" else row[k] for src, k in self.plan]


class ShuffleDataset(UnionBaseDataset):
    """Rows shuffled through a buffer: each output row is a random pick among ``buffer_size`` rows."""

    def __init__(self, child, buffer_size):
        _check_int("buffer_size", buffer_size, 2)
        super().__init__([child])
        self.buffer_size = buffer_size

    def _size(self):
        return self.children[0]._size()

    def _rows(self, epoch):
        rng = _rng(epoch, 5)
        buf = []
        for row in self.children[0]._rows(epoch):
            if len(buf) < self.buffer_size:
                buf.append(row)
                continue
            i = int(rng.integers(len(buf)))
            buf[i], row = row, buf[i]
            yield row
        while buf:
            i = int(rng.integers(len(buf)))
            buf[i], buf[-1] = buf[-1], buf[i]
            yield buf.pop()


class RepeatDataset(UnionBaseDataset):
    """The child's rows ``count`` times over (each pass a new epoch of the child)."""

    def __init__(self, child, count=None):
        type_check(count, (int, type(None)), "repeat")
        if count is None:
            count = -1
        if not _is_count(count):
            raise ValueError("count should be either -1 or positive integer, range[1, INT32_MAX].")
        super().__init__([child])
        self.count = count

    def _size(self):
        n = self.children[0]._size()
        if n is None:
            return None
        return n * self.count if self.count != -1 else n

    def _rows(self, epoch):
        r = 0
        while self.count == -1 or r < self.count:
            sub = epoch * max(self.count, 1) + r if self.count != -1 else epoch * 1000003 + r
            yield from self.children[0]._rows(sub)
            r += 1


class TakeDataset(UnionBaseDataset):
    """The first ``count`` rows."""

    def __init__(self, child, count=-1):
        type_check(count, (int,), "count")
        if not _is_count(count):
            raise ValueError(f"count should be either -1 or within the required interval of (0, {INT32_MAX}], got "
                             f"{count}.")
        super().__init__([child])
        self.count = count

    def _size(self):
        n = self.children[0]._size()
        if n is None or self.count == -1:
            return n
        return min(n, self.count)

    def _rows(self, epoch):
        if self.count == -1:
            yield from self.children[0]._rows(epoch)
            return
        if self.count == 0:
            return
        gen = self.children[0]._rows(epoch)
        try:
            for i, row in enumerate(gen, 1):
                yield row
                if i >= self.count:
                    return
        finally:
            gen.close()


class SkipDataset(UnionBaseDataset):
    """Every row after the first ``count``."""

    def __init__(self, child, count):
        _check_int("count", count, 0)
        super().__init__([child])
        self.count = count

    def _size(self):
        n = self.children[0]._size()
        return None if n is None else max(0, n - self.count)

    def _rows(self, epoch):
        for i, row in enumerate(self.children[0]._rows(epoch)):
            if i >= self.count:
                yield row


class ZipDataset(UnionBaseDataset):
    """Rows of several datasets side by side."""

    def __init__(self, datasets):
        super().__init__(list(datasets))

    def _columns(self):
        names = [n for d in self.children for n in d._columns()]
        dup = [n for i, n in enumerate(names) if n in names[:i]]
        if dup:     # the reference names the last one
            raise pipeline_error(f"Invalid data, duplicate column {dup[-1]} already exists when zipping datasets.")
        return names

    def _size(self):
        sizes = [d._size() for d in self.children]
        return None if None in sizes else min(sizes)

    def _rows(self, epoch):
        gens = [d._rows(epoch) for d in self.children]
        try:
            for rows in zip(*gens):
                yield [a for r in rows for a in r]
        finally:
            for g in gens:
                g.close()


def zip_datasets(datasets):
    """Zip a tuple of datasets into one (their columns side by side)."""
    type_check(datasets, (tuple,), "datasets")
    if len(datasets) <= 1:
        raise ValueError("Can't zip empty or just one dataset!")
    for d in datasets:
        if not isinstance(d, Dataset):
            raise TypeError(f"Invalid dataset, expected Dataset object, but got {type(d)}!")
    return ZipDataset(datasets)


class ConcatDataset(UnionBaseDataset):
    """The rows of several datasets one after another."""

    def __init__(self, datasets):
        flat = []
        for d in datasets:
            flat.extend(d.children if type(d) is ConcatDataset else [d])
        super().__init__(flat)
        self._alone = len(datasets) < 2     # concat([]): the reference refuses it when the pipeline starts

    def _columns(self):
        if self._alone:
            raise pipeline_error("Concat: concatenated datasets are not specified.")
        names = self.children[0]._columns()
        for d in self.children[1:]:
            other = d._columns()
            if other != names:
                raise pipeline_error("Invalid columns, 'column name' or 'column order' of concat datasets should be "
                                     "the same.")
        return names

    def _size(self):
        self._columns()
        sizes = [d._size() for d in self.children]
        return None if None in sizes else sum(sizes)

    def _rows(self, epoch):
        self._columns()
        for d in self.children:
            yield from d._rows(epoch)


class ProjectDataset(UnionBaseDataset):
    """Only ``columns``, in that order."""

    def __init__(self, child, columns):
        check_columns(columns, "columns")
        super().__init__([child])
        self.columns = [columns] if isinstance(columns, str) else list(columns)

    def _columns(self):
        _check_exist(self.children[0]._columns(), self.columns)
        return list(self.columns)

    def _size(self):
        return self.children[0]._size()

    def _rows(self, epoch):
        names = self.children[0]._columns()
        self._columns()
        pick = [names.index(c) for c in self.columns]
        for row in self.children[0]._rows(epoch):
            yield [row[i] for i in pick]


class RenameDataset(UnionBaseDataset):
    """The same rows under new column names."""

    def __init__(self, child, input_columns, output_columns):
        check_columns(input_columns, "input_columns")
        check_columns(output_columns, "output_columns")
        self.input_columns = [input_columns] if isinstance(input_columns, str) else list(input_columns)
        self.output_columns = [output_columns] if isinstance(output_columns, str) else list(output_columns)
        if len(self.input_columns) != len(self.output_columns):
            raise ValueError("Number of column in input_columns and output_columns is not equal.")
        super().__init__([child])

    def _columns(self):
        names = self.children[0]._columns()
        if any(c not in names for c in self.input_columns):
            raise pipeline_error("Invalid column, column to be renamed does not exist.")
        for c in self.output_columns:
            if c in names and c not in self.input_columns:
                raise pipeline_error("Invalid column, rename operation does not support rename one column name into "
                                     f"another already exist column name, existing column name is: {c}.")
        mapping = dict(zip(self.input_columns, self.output_columns))
        return [mapping.get(n, n) for n in names]

    def _size(self):
        return self.children[0]._size()

    def _rows(self, epoch):
        self._columns()
        yield from self.children[0]._rows(epoch)


class FilterDataset(UnionBaseDataset):
    """The rows for which ``predicate`` is true."""

    def __init__(self, child, predicate, input_columns=None, num_parallel_workers=None):
        if not callable(predicate):
            raise TypeError("Predicate should be a Python function or a callable Python object.")
        _check_workers(num_parallel_workers)
        if input_columns is not None:
            check_columns(input_columns, "input_columns")
        super().__init__([child], num_parallel_workers)
        self.predicate = predicate
        self.input_columns = _as_names("input_columns", input_columns)

    def _columns(self):
        names = self.children[0]._columns()
        if self.input_columns:
            _check_inputs("filter", names, self.input_columns)
        return names

    def _rows(self, epoch):
        names = self._columns()
        pos = [names.index(c) for c in self.input_columns] if self.input_columns else list(range(len(names)))
        fn = _FilterFn(pos, self.predicate)
        rows = self.children[0]._rows(epoch)
        flags = _workers.run_parallel(fn, rows, fn.describe, 1, False)
        for keep, row in flags:
            if keep:
                yield row


class _FilterFn:
    def __init__(self, pos, predicate):
        self.pos, self.predicate = pos, predicate

    def describe(self, item):
        return f"filter predicate {_name_of(self.predicate)}"

    def __call__(self, row):
        keep = self.predicate(*(row[i] for i in self.pos))
        return bool(np.asarray(keep).all()), row


# ------------------------------------------------------------------ split
class _FixedShuffleDataset(Dataset):
    """The child's rows in one random order fixed by ``seed`` (the same in every epoch and copy)."""

    def __init__(self, child, seed):
        super().__init__([child])
        self.seed = seed

    def _size(self):
        return self.children[0]._size()

    def _rows(self, epoch):
        rows = list(self.children[0]._rows(epoch))
        order = np.random.default_rng(self.seed).permutation(len(rows))
        for i in order:
            yield rows[i]


def _split(dataset, sizes, randomize):
    type_check(sizes, (list,), "sizes")
    type_check(randomize, (bool,), "randomize")
    if not sizes:
        raise ValueError("sizes cannot be empty.")
    all_int = all(isinstance(s, int) for s in sizes)
    if not all_int and not all(isinstance(s, float) for s in sizes):
        raise ValueError("sizes should be list of int or list of float.")
    if all_int and any(s <= 0 for s in sizes):
        raise ValueError("sizes is a list of int, but there should be no negative or zero numbers.")
    if not all_int:
        if any(not 0 < s <= 1 for s in sizes):
            raise ValueError("sizes is a list of float, but there should be no numbers outside the range (0, 1].")
        if not abs(sum(sizes) - 1) < 0.00001:
            raise ValueError("sizes is a list of float, but the percentages do not sum up to 1.")
    if any(getattr(node, "num_shards", None) is not None or type(getattr(node, "sampler", None)).__name__ ==
           "DistributedSampler" for node in dataset._walk()):
        raise RuntimeError("Dataset should not be sharded before split.")
    n = dataset.get_dataset_size()
    if all_int:
        if sum(sizes) != n:
            raise RuntimeError(f"Sum of split sizes {sum(sizes)} is not equal to dataset size {n}.")
        counts = [int(s) for s in sizes]
    else:
        counts = [int(round(s * n)) for s in sizes]
        for s, c in zip(sizes, counts):
            if c == 0:
                raise RuntimeError(f"Split percentage {s} is too small.")
        counts[-1] += n - sum(counts)
        if any(c <= 0 for c in counts):
            raise RuntimeError(f"Split percentage {sizes[-1]} is too small.")
    order = _rng(0, 6).permutation(n) if randomize else np.arange(n)
    bounds = np.cumsum([0] + counts)
    out = []
    from .samplers import SubsetRandomSampler, SubsetSampler
    source = getattr(dataset, "_source_for_split", None)
    if source is not None and source():
        for a, b in zip(bounds[:-1], bounds[1:]):
            part = copy.deepcopy(dataset)
            ids = [int(i) for i in order[a:b]]
            part._use_sampler(SubsetRandomSampler(ids) if randomize else SubsetSampler(ids))
            out.append(part)
        return out
    # any other pipeline: every part shuffles (when randomize) the same fixed way, then skips/takes its rows
    seed = int(_rng(0, 10).integers(2 ** 31)) if randomize else None
    for a, b in zip(bounds[:-1], bounds[1:]):
        part = copy.deepcopy(dataset)
        if seed is not None:
            part = _FixedShuffleDataset(part, seed)
        if a:
            part = part.skip(int(a))
        out.append(part.take(int(b - a)))
    return out

"""The image dataset readers: COCO, VOC, Manifest and RandomDataset (and the helpers the other image readers
share: the lazily built record index, image reading and decoding).

Each reader lists its records once (on first use: the dataset's size, first row, or an epoch) and reads row i
as ``_read(record)``; rows are read through the sampler the arguments ask for (``shuffle``, ``num_samples``,
``num_shards``/``shard_id``, ``sampler``), as the other mappable sources.
"""
import json
import os
import xml.etree.ElementTree as ET

import numpy as np

from . import config
from ._pipeline import SourceDataset, VisionBaseDataset
from .samplers import PKSampler
from .sources import (
    Schema,
    _check_opt_bool,
    _check_opt_int,
    _check_sampler_options,
    _check_shards,
    _decode_image,
    _MappableSource,
    _type_error,
)

__all__ = ["CocoDataset", "VOCDataset", "ManifestDataset", "RandomDataset"]

# the arguments that choose which rows a reader reads and in what order, not what a row holds
_NOT_ROW_CONTENT = {"sampler", "cache", "num_samples", "shuffle_flag", "num_shards", "shard_id", "num_parallel_workers",
                    "children", "python_multiprocessing"}


def _check_dir(path, name="dataset_dir"):
    if not isinstance(path, str):
        raise _type_error(name, path, "[<class 'str'>]")
    if not os.path.isdir(path):
        raise ValueError(f"The folder {path} does not exist or is not a directory or permission denied!")
    return path


def _check_file(path, name=None):
    """``path`` must name a readable file (``name``: the argument, for the reader's own messages)."""
    if not isinstance(path, str):
        raise TypeError(f"path: {path} is not string")
    if not os.path.isfile(path) or not os.access(path, os.R_OK):
        raise ValueError(f"The file {os.path.realpath(path)} does not exist or permission denied!")
    return path


def _file_lines(path, missing):
    """The lines of a text file a dataset must have; RuntimeError ``missing`` when it is not a file."""
    if not os.path.isfile(path):
        raise RuntimeError(missing)
    with open(path, encoding="utf-8") as f:
        return f.readlines()


def _json_lines(path, what):
    """(line number, object) of every non-empty line of a JSON-lines file."""
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f):
            if not line.strip():
                continue
            try:
                yield k, json.loads(line)
            except json.JSONDecodeError as e:
                raise RuntimeError(f"Invalid file, failed to parse {what} file: {path} at line {k + 1}: "
                                   f"{e}") from None


def _check_bool(name, value):
    if not isinstance(value, bool):
        raise _type_error(name, value, "[<class 'bool'>]")
    return value


def _read_image(path, decode, decrypt=None):
    """The file's bytes as a 1-D uint8 array, or with ``decode`` the HWC RGB uint8 image."""
    if decrypt is not None:
        data = decrypt(path)
    else:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            raise RuntimeError(f"Invalid file, failed to open image file: {path}") from None
    if decode:
        return _decode_image(bytes(data), path)
    return np.frombuffer(bytes(data), dtype=np.uint8).copy()


class _RecordSource(_MappableSource, VisionBaseDataset):
    """A mappable source over a list of records built once by ``_records()``; row i is ``_read(records[i])``.

    A ``cache`` (``DatasetCache``) keeps the rows read, so later epochs take them from memory."""

    def __init__(self, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache=None,
                 pk_sampler=True):
        _check_sampler_options(shuffle, sampler, num_shards, shard_id, num_samples)
        if not pk_sampler and isinstance(sampler, PKSampler):
            raise ValueError(f"{type(self).__name__} doesn't support PKSampler.")
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)
        from ._cache import DatasetCache
        if cache is not None and not isinstance(cache, DatasetCache):
            raise _type_error("cache", cache, f"[{DatasetCache}]")
        self.cache = cache
        self._recs = None

    _columns_ = ()   # the column names, for a reader whose columns do not depend on its arguments

    def _columns(self):
        return list(self._columns_)

    def _records(self):
        raise NotImplementedError

    def _read(self, record):
        raise NotImplementedError

    def _cache_key(self):
        """What identifies this reader's rows in a cache: its class and the arguments that decide a row's content
        (the same for every copy a pipeline makes and for another reader built with the same arguments)."""
        return (type(self).__name__,) + tuple((k, repr(v)) for k, v in sorted(vars(self).items())
                                              if not k.startswith("_") and k not in _NOT_ROW_CONTENT)

    def _all(self):
        if self._recs is None:
            self._recs = self._records()
        return self._recs

    def _len(self):
        return len(self._all())

    def _fetch(self, index):
        if self.cache is not None:
            return self.cache._row(self, index, lambda: self._read(self._all()[index]))
        return self._read(self._all()[index])


class _NamedClasses:
    """``get_class_indexing``: the ``class_indexing`` given, or the one built with the records (``_index``)."""

    def get_class_indexing(self):
        """``{class name: label}``."""
        if not self.class_indexing:
            self._all()
            return dict(self._index)
        return dict(self.class_indexing)

    def _num_classes(self):
        return len(self.get_class_indexing())


# ------------------------------------------------------------------ COCO
_COCO_TASKS = ("Detection", "Stuff", "Panoptic", "Keypoint", "Captioning")
_COCO_COLUMNS = {"Detection": ["image", "bbox", "category_id", "iscrowd"],
                 "Stuff": ["image", "segmentation", "iscrowd"],
                 "Keypoint": ["image", "keypoints", "num_keypoints"],
                 "Panoptic": ["image", "bbox", "category_id", "iscrowd", "area"],
                 "Captioning": ["image", "captions"]}


class CocoDataset(_RecordSource):
    """COCO: the images of ``annotation_file`` (in its ``images`` order; an image without annotations is left
    out) under ``dataset_dir``, with the columns of ``task``: Detection ``bbox`` (N, 4) float32,
    ``category_id``/``iscrowd`` (N, 1) uint32; Stuff ``segmentation`` (one row per polygon, or an RLE's counts,
    padded with -1) float32 and ``iscrowd``; Keypoint ``keypoints`` (N, 51) float32 and ``num_keypoints``;
    Panoptic the ``segments_info`` ``bbox``, ``category_id``, ``iscrowd``, ``area``; Captioning ``captions``
    (N, 1) strings. ``extra_metadata`` adds ``_meta-filename``."""

    def __init__(self, dataset_dir, annotation_file, task="Detection", num_samples=None, num_parallel_workers=None,
                 shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None, cache=None,
                 extra_metadata=False, decrypt=None):
        _check_dir(dataset_dir)
        _check_file(annotation_file, "annotation_file")
        task = "Detection" if task is None else task
        if not isinstance(task, str):
            raise _type_error("task", task, "[<class 'str'>]")
        if task not in _COCO_TASKS:
            raise ValueError(f"Invalid task type: {task}.")
        decode = False if decode is None else _check_bool("decode", decode)
        _check_bool("extra_metadata", extra_metadata)
        if decrypt is not None and not callable(decrypt):
            raise TypeError("decrypt is not a function.")
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache,
                         pk_sampler=False)
        self.dataset_dir, self.annotation_file, self.task = dataset_dir, annotation_file, task
        self.decode, self.extra_metadata, self.decrypt = decode, extra_metadata, decrypt
        self._class_indexing = None
        self._json = None

    def _columns(self):
        return _COCO_COLUMNS[self.task] + (["_meta-filename"] if self.extra_metadata else [])

    def _load_json(self):
        if self._json is None:
            try:
                with open(self.annotation_file, encoding="utf-8") as f:
                    self._json = json.load(f)
            except (OSError, ValueError) as e:
                raise RuntimeError(f"Invalid annotation file, Coco Dataset annotation file:{self.annotation_file} "
                                   f"load failed, error description: {e}") from None
        return self._json

    def _records(self):
        data = self._load_json()
        images = data.get("images")
        if not isinstance(images, list):
            raise RuntimeError(f"Invalid annotation file, Coco Dataset annotation file:{self.annotation_file} has "
                               "no 'images' list.")
        anns = {}
        for ann in data.get("annotations", []):
            anns.setdefault(ann.get("image_id"), []).append(ann)
        return [(img["file_name"], img.get("id"), anns[img.get("id")]) for img in images if img.get("id") in anns]

    def _read(self, record):
        file_name, _, anns = record
        image = _read_image(os.path.join(self.dataset_dir, file_name), self.decode, self.decrypt)
        out = [image] + getattr(self, "_" + self.task.lower())(anns)
        if self.extra_metadata:
            out.append(np.array(os.path.splitext(file_name)[0]))
        return out

    @staticmethod
    def _col(values, dtype, width=None):
        a = np.array(values, dtype=dtype)
        return a.reshape(-1, width if width is not None else 1)

    def _detection(self, anns):
        bbox = [a.get("bbox", []) for a in anns]
        if any(len(b) != 4 for b in bbox):
            raise RuntimeError(f"Invalid annotation, the bbox of an annotation in {self.annotation_file} should "
                               "have 4 values.")
        return [self._col(bbox, np.float32, 4), self._col([a.get("category_id", 0) for a in anns], np.uint32),
                self._col([a.get("iscrowd", 0) for a in anns], np.uint32)]

    def _stuff(self, anns):
        polys = []
        for a in anns:
            seg = a.get("segmentation", [])
            if a.get("iscrowd", 0):
                polys.append(list(seg.get("counts", [])) if isinstance(seg, dict) else [])
            else:
                polys.extend(list(p) for p in seg)
        width = max((len(p) for p in polys), default=0)
        seg = np.full((len(polys), width), -1, dtype=np.float32)
        for i, p in enumerate(polys):
            seg[i, :len(p)] = p
        return [seg, self._col([a.get("iscrowd", 0) for a in anns], np.uint32)]

    def _keypoint(self, anns):
        return [self._col([a.get("keypoints", []) for a in anns], np.float32, 51),
                self._col([a.get("num_keypoints", 0) for a in anns], np.uint32)]

    def _panoptic(self, anns):
        segs = [s for a in anns for s in a.get("segments_info", [])]
        return [self._col([s.get("bbox", []) for s in segs], np.float32, 4),
                self._col([s.get("category_id", 0) for s in segs], np.uint32),
                self._col([s.get("iscrowd", 0) for s in segs], np.uint32),
                self._col([s.get("area", 0) for s in segs], np.uint32)]

    def _captioning(self, anns):
        return [np.array([a.get("caption", "") for a in anns]).reshape(-1, 1)]

    def get_class_indexing(self):
        """``{category name: [category id]}`` (Panoptic: ``[id, isthing]``) of the annotation file."""
        if self.task not in ("Detection", "Panoptic"):
            raise NotImplementedError("Only 'Detection' and 'Panoptic' support get_class_indexing.")
        if self._class_indexing is None:
            out = {}
            for c in self._load_json().get("categories", []):
                out[c["name"]] = [c["id"]] + ([c.get("isthing", 0)] if self.task == "Panoptic" else [])
            self._class_indexing = out
        return self._class_indexing

    def _num_classes(self):
        return len(self._load_json().get("categories", []))


# ------------------------------------------------------------------ VOC
def _fmt(v):
    return f"{v:g}"


class VOCDataset(_NamedClasses, _RecordSource):
    """PASCAL VOC: the ids of ``ImageSets/{Segmentation,Main}/{usage}.txt`` as rows ``image`` and ``target``
    (``SegmentationClass/{id}.png``) for ``task='Segmentation'``, or ``image``, ``bbox`` ([xmin, ymin, width,
    height] float32), ``label``, ``difficult``, ``truncate`` (N, 1) uint32 from ``Annotations/{id}.xml`` for
    ``task='Detection'`` (labels numbered in sorted name order unless ``class_indexing``)."""

    def __init__(self, dataset_dir, task="Segmentation", usage="train", class_indexing=None, num_samples=None,
                 num_parallel_workers=None, shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None,
                 cache=None, extra_metadata=False, decrypt=None):
        _check_dir(dataset_dir)
        task = "Segmentation" if task is None else task
        usage = "train" if usage is None else usage
        if not isinstance(task, str):
            raise _type_error("task", task, "[<class 'str'>]")
        if not isinstance(usage, str):
            raise _type_error("usage", usage, "[<class 'str'>]")
        if task not in ("Segmentation", "Detection"):
            raise ValueError(f"Invalid task : {task}.")
        if task == "Segmentation" and class_indexing:
            raise ValueError("class_indexing is not supported in Segmentation task.")
        if class_indexing is not None:
            if not isinstance(class_indexing, dict):
                raise _type_error("class_indexing", class_indexing, "[<class 'dict'>]")
        folder = "Segmentation" if task == "Segmentation" else "Main"
        self._list = _check_file(os.path.join(dataset_dir, "ImageSets", folder, usage + ".txt"), "usage")
        decode = False if decode is None else _check_bool("decode", decode)
        _check_bool("extra_metadata", extra_metadata)
        if decrypt is not None and not callable(decrypt):
            raise TypeError("decrypt is not a function.")
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache)
        self.dataset_dir, self.task, self.usage = dataset_dir, task, usage
        self.class_indexing = dict(class_indexing or {})
        self.decode, self.extra_metadata, self.decrypt = decode, extra_metadata, decrypt
        self._index = None

    def _columns(self):
        cols = ["image", "target"] if self.task == "Segmentation" else ["image", "bbox", "label", "difficult",
                                                                          "truncate"]
        return cols + (["_meta-filename"] if self.extra_metadata else [])

    def _records(self):
        with open(self._list, encoding="utf-8") as f:
            ids = [line.strip() for line in f if line.strip()]
        if self.task == "Segmentation":
            return ids
        recs = [(i, self._objects(i)) for i in ids]
        if self.class_indexing:
            self._index = dict(self.class_indexing)
        else:
            names = sorted({o[0] for _, objs in recs for o in objs})
            self._index = {n: k for k, n in enumerate(names)}
        return recs

    def _objects(self, image_id):
        path = os.path.join(self.dataset_dir, "Annotations", image_id + ".xml")
        if not os.path.isfile(path):
            raise RuntimeError(f"Invalid file, failed to open annotation file: {path}")
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as e:
            raise RuntimeError(f"Invalid file, failed to parse xml file: {path}: {e}") from None
        objs = []
        for obj in root.iter("object"):
            name = (obj.findtext("name") or "").strip()
            box = obj.find("bndbox")
            if box is None:
                continue
            coords = [float(box.findtext(k) or 0) for k in ("xmin", "ymin", "xmax", "ymax")]
            xmin, ymin, xmax, ymax = coords
            if xmin <= 0 or ymin <= 0 or xmax <= xmin or ymax <= ymin:
                raise RuntimeError(f"Invalid bndbox, the coordinate of bndbox in {path} should be greater than 0, but "
                                   f"got {{{', '.join(_fmt(c) for c in coords)}}}")
            objs.append((name, int(float(obj.findtext("difficult") or 0)),
                         int(float(obj.findtext("truncated") or 0)), [xmin, ymin, xmax - xmin, ymax - ymin]))
        return objs

    def _read(self, record):
        d = self.dataset_dir
        if self.task == "Segmentation":
            out = [_read_image(os.path.join(d, "JPEGImages", record + ".jpg"), self.decode, self.decrypt),
                   _read_image(os.path.join(d, "SegmentationClass", record + ".png"), self.decode, self.decrypt)]
            image_id = record
        else:
            image_id, objs = record
            labels = []
            for o in objs:
                if o[0] not in self._index:
                    raise RuntimeError(f"Invalid label, the label {o[0]!r} of {image_id}.xml is not in "
                                       f"class_indexing {self._index}.")
                labels.append(self._index[o[0]])
            out = [_read_image(os.path.join(d, "JPEGImages", image_id + ".jpg"), self.decode, self.decrypt),
                   np.array([o[3] for o in objs], dtype=np.float32).reshape(-1, 4),
                   np.array(labels, dtype=np.uint32).reshape(-1, 1),
                   np.array([o[1] for o in objs], dtype=np.uint32).reshape(-1, 1),
                   np.array([o[2] for o in objs], dtype=np.uint32).reshape(-1, 1)]
        if self.extra_metadata:
            out.append(np.array(image_id))
        return out

    def get_class_indexing(self):
        """``{class name: label}`` of the Detection task."""
        if self.task != "Detection":
            raise NotImplementedError("Only 'Detection' support get_class_indexing.")
        return super().get_class_indexing()


# ------------------------------------------------------------------ Manifest
class ManifestDataset(_NamedClasses, _RecordSource):
    """The images of a manifest file (one JSON object per line: ``source``, ``usage``, ``annotation`` labels)
    whose ``usage`` matches: rows ``image`` and ``label`` int32 (a scalar, or a 1-D array for several labels),
    labels numbered in sorted name order unless ``class_indexing``."""

    def __init__(self, dataset_file, usage="train", num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, class_indexing=None, decode=False, num_shards=None, shard_id=None, cache=None):
        _check_file(dataset_file, "dataset_file")
        if usage is not None and not isinstance(usage, str):
            raise _type_error("usage", usage, "[<class 'str'>]")
        if class_indexing is not None and not isinstance(class_indexing, dict):
            raise _type_error("class_indexing", class_indexing, "[<class 'dict'>]")
        decode = False if decode is None else _check_bool("decode", decode)
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache)
        self.dataset_file = dataset_file
        self.usage = "train" if usage is None else usage
        self.class_indexing = dict(class_indexing or {})
        self.decode = decode
        self._index = None

    def _columns(self):
        return ["image", "label"]

    def _records(self):
        usage = self.usage.lower()
        if usage not in ("train", "eval", "inference"):
            raise RuntimeError(f"ManifestDataset: {self.usage} does not match any mode in [ inference eval train ]")
        recs = []
        for _, obj in _json_lines(self.dataset_file, "manifest"):
            if str(obj.get("usage", "")).lower() == usage:
                names = [a.get("name") for a in obj.get("annotation", []) if a.get("type", "label") == "label"]
                recs.append((obj.get("source", ""), names))
        if self.class_indexing:
            self._index = dict(self.class_indexing)
        else:
            self._index = {n: i for i, n in enumerate(sorted({n for _, names in recs for n in names}))}
        return recs

    def _read(self, record):
        path, names = record
        missing = [n for n in names if n not in self._index]
        if missing:
            raise RuntimeError(f"Invalid data, the label {missing[0]!r} of {path} is not in class_indexing "
                               f"{self._index}.")
        labels = [self._index[n] for n in names]
        label = np.array(labels[0] if len(labels) == 1 else labels, dtype=np.int32)
        return [_read_image(path, self.decode), label]


# ------------------------------------------------------------------ RandomDataset
_RANDOM_TYPES = (np.uint8, np.int8, np.uint16, np.int16, np.uint32, np.int32, np.uint64, np.int64, np.float16,
                 np.float32, np.float64, np.bool_)


class RandomDataset(SourceDataset, VisionBaseDataset):
    """Rows of random values with the columns of ``schema`` (a Schema or its JSON file; ``columns_list`` picks
    some), ``total_rows`` of them. Without a schema, 1-4 columns (``c0``, ``c1``, ...) of a random numeric type
    and shape are drawn, and without ``total_rows`` a random count. The values are drawn from the dataset seed
    (``config.set_seed``); they are not the reference engine's draws."""

    def __init__(self, total_rows=None, schema=None, columns_list=None, num_samples=None, num_parallel_workers=None,
                 cache=None, shuffle=None, num_shards=None, shard_id=None):
        _check_opt_int("total_rows", total_rows)
        _check_opt_int("num_samples", num_samples)
        _check_opt_int("num_parallel_workers", num_parallel_workers, 1)
        _check_opt_bool("shuffle", shuffle)
        _check_shards(num_shards, shard_id)
        if columns_list is not None and (not isinstance(columns_list, list)
                                         or not all(isinstance(c, str) for c in columns_list)):
            raise _type_error("columns_list", columns_list, "[<class 'list'>]")
        if schema is not None and not isinstance(schema, (str, Schema)):
            raise _type_error("schema", schema, "[<class 'str'>, <class 'mindspore.dataset.engine.datasets.Schema'>]")
        super().__init__([], num_parallel_workers)
        if isinstance(schema, str):
            schema = Schema(schema)
        rng = np.random.default_rng([config.get_seed(), 17])
        rows = num_samples or total_rows or 0   # the reference's order of precedence
        if schema is not None:
            rows = total_rows if total_rows is not None else schema.num_rows
            cols = [(c["name"], np.dtype(c["type"]) if c["type"] != "string" else None, c.get("shape"))
                    for c in schema.columns]
        else:
            cols = [(f"c{i}", np.dtype(_RANDOM_TYPES[rng.integers(len(_RANDOM_TYPES))]),
                     [int(d) for d in rng.integers(1, 6, rng.integers(1, 4))]) for i in range(rng.integers(1, 5))]
        if columns_list:
            names = [c[0] for c in cols]
            absent = [c for c in columns_list if c not in names]
            if absent:
                raise RuntimeError(f"Invalid column, column name: {absent[0]} does not exist in the schema columns "
                                   f"{names}.")
            cols = [c for c in cols if c[0] in columns_list]
        if not rows:
            rows = int(rng.integers(1, 1025))
        self.total_rows, self.schema, self.columns_list = rows, schema, columns_list
        self.num_samples, self.shuffle_flag, self.num_shards, self.shard_id = num_samples, shuffle, num_shards, shard_id
        self.cache = cache
        self._cols = cols

    def _columns(self):
        return [c[0] for c in self._cols]

    def _count(self):
        n = self.total_rows
        if self.num_shards is not None:
            n = len(range(self.shard_id, n, self.num_shards))
        return n

    def _size(self):
        return self._count()

    def _rows(self, epoch):
        rng = np.random.default_rng([config.get_seed(), 18, epoch])
        for _ in range(self._count()):
            row = []
            for _, dt, shape in self._cols:
                shape = tuple(shape) if shape else (1,)
                if dt is None:
                    row.append(np.array(["".join(chr(c) for c in rng.integers(97, 123, 8))
                                         for _ in range(int(np.prod(shape)))]).reshape(shape))
                elif dt.kind == "f":
                    row.append(rng.random(shape).astype(dt))
                elif dt.kind == "b":
                    row.append(rng.integers(0, 2, shape).astype(np.bool_))
                else:
                    info = np.iinfo(dt)
                    row.append(rng.integers(max(info.min, -2 ** 31), min(info.max, 2 ** 31 - 1), shape,
                                            dtype=np.int64, endpoint=True).astype(dt))
            yield row

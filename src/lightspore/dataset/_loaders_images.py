"""The image classification / captioning / detection corpora: Caltech101/256, CelebA, Flickr, Food101, SUN397,
Semeion, STL10, USPS, QMNIST, Omniglot, RenderedSST2, DIV2K, KITTI, SVHN and Flowers102.

Each reads its corpus's own file layout (see the class notes) with the reference's column names, dtypes and row
order; images are the file's bytes (1-D uint8) unless ``decode=True`` (HWC RGB uint8).
"""
import os

import numpy as np

from ._loaders_text import _RowSharded
from ._loaders_vision import _check_bool, _check_dir, _check_file, _file_lines, _read_image, _RecordSource
from ._pipeline import VisionBaseDataset
from .samplers import Shuffle
from .sources import _check_usage, _type_error

__all__ = ["Caltech101Dataset", "Caltech256Dataset", "CelebADataset", "FlickrDataset", "Food101Dataset",
           "SUN397Dataset", "SemeionDataset", "STL10Dataset", "USPSDataset", "QMnistDataset", "OmniglotDataset",
           "RenderedSST2Dataset", "DIV2KDataset", "KITTIDataset", "SVHNDataset", "Flowers102Dataset",
           "CityscapesDataset", "Places365Dataset", "LFWDataset", "SBUDataset", "SBDataset",
           "PhotoTourDataset", "WIDERFaceDataset"]


def _sorted_dirs(path):
    return sorted(d for d in os.listdir(path) if os.path.isdir(os.path.join(path, d)))


def _sorted_files(path):
    return sorted(f for f in os.listdir(path) if os.path.isfile(os.path.join(path, f)))


def _open_dir(path):
    if not os.path.isdir(path):
        raise RuntimeError(f"Invalid path, failed to open dir: {path}, not exists or permission denied.")
    return path


def _loadmat(path):
    try:
        from scipy.io import loadmat
    except ImportError:   # pragma: no cover - scipy is installed with the reference's readers of .mat files
        raise RuntimeError(f"Reading {path} needs scipy (pip install scipy): the corpus is stored as MATLAB "
                           ".mat files.") from None
    return loadmat(path)


def _decode_flag(decode):
    return False if decode is None else _check_bool("decode", decode)


class _ImageCorpus(_RecordSource):
    """A corpus under ``dataset_dir``; records are built by ``_records()`` and read by ``_read(record)``."""

    def __init__(self, dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                 cache=None, decode=False):
        _check_dir(dataset_dir)
        self.decode = _decode_flag(decode)
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache)
        self.dataset_dir = dataset_dir

    def _image(self, *parts):
        return _read_image(os.path.join(self.dataset_dir, *parts), self.decode)


class _FolderCorpus(_ImageCorpus):
    """A corpus read from ``dataset_dir`` alone (no usage or task)."""

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None, decode=False,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)


# ------------------------------------------------------------------ class folders
class Caltech256Dataset(_FolderCorpus):
    """Caltech-256: ``{nnn.name}/*.jpg``, ``label`` int32 numbered in sorted folder order."""

    _columns_ = ("image", "label")

    def _records(self):
        return [(os.path.join(c, f), k) for k, c in enumerate(_sorted_dirs(self.dataset_dir))
                for f in _sorted_files(os.path.join(self.dataset_dir, c))]

    def _read(self, rec):
        return [self._image(rec[0]), np.array(rec[1], np.int32)]


class Caltech101Dataset(_ImageCorpus):
    """Caltech-101: ``101_ObjectCategories/{class}/image_nnnn.jpg`` (``BACKGROUND_Google`` left out), ``category``
    int64 in sorted class order, and with ``target_type`` 'annotation'/'all' the ``obj_contour`` of
    ``Annotations/{class}/annotation_nnnn.mat`` (float64)."""

    _RENAMED = {"Faces": "Faces_2", "Faces_easy": "Faces_3", "Motorbikes": "Motorbikes_16",
                "airplanes": "Airplanes_Side_2"}

    def __init__(self, dataset_dir, target_type=None, num_samples=None, num_parallel_workers=1, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None):
        target_type = "category" if target_type is None else target_type
        if not isinstance(target_type, str):
            raise _type_error("target_type", target_type, "[<class 'str'>]")
        if target_type not in ("category", "annotation", "all"):
            raise ValueError("Input target_type is not within the valid set of ['category', 'annotation', 'all'].")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         None, decode)
        self.target_type = target_type

    def _columns(self):
        return {"category": ["image", "category"], "annotation": ["image", "annotation"],
                "all": ["image", "category", "annotation"]}[self.target_type]

    def _records(self):
        image_dir = os.path.join(self.dataset_dir, "101_ObjectCategories")
        classes = [c for c in sorted(os.listdir(image_dir)) if c != "BACKGROUND_Google"]
        recs = []
        for k, c in enumerate(classes):
            sub = os.path.join(image_dir, c)
            if os.path.isdir(sub):
                recs.extend((c, k, i) for i in range(1, len(os.listdir(sub)) + 1))
        return recs

    def _read(self, rec):
        c, k, i = rec
        path = os.path.join(self.dataset_dir, "101_ObjectCategories", c, f"image_{i:04d}.jpg")
        if not os.path.exists(path):
            raise ValueError(f"The image file {path} does not exist or permission denied!")
        out = [_read_image(path, self.decode)]
        if self.target_type != "annotation":
            out.append(np.array(k, np.int64))
        if self.target_type != "category":
            ann = os.path.join(self.dataset_dir, "Annotations", self._RENAMED.get(c, c), f"annotation_{i:04d}.mat")
            if not os.path.exists(ann):
                raise ValueError(f"The annotation file {ann} does not exist or permission denied!")
            out.append(np.asarray(_loadmat(ann)["obj_contour"]))
        return out


class OmniglotDataset(_ImageCorpus):
    """Omniglot: ``images_background`` (``background`` True, the default) or ``images_evaluation``
    ``/{alphabet}/{character}/*.png``, ``label`` int32 numbering the characters in sorted order."""

    def __init__(self, dataset_dir, background=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None, cache=None):
        if background is not None:
            _check_bool("background", background)
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)
        self.background = True if background is None else background

    _columns_ = ("image", "label")

    def _records(self):
        root = _open_dir(os.path.join(self.dataset_dir,
                                      "images_background" if self.background else "images_evaluation"))
        recs, k = [], 0
        for a in _sorted_dirs(root):
            for c in _sorted_dirs(os.path.join(root, a)):
                recs.extend((os.path.join(root, a, c, f), k) for f in _sorted_files(os.path.join(root, a, c)))
                k += 1
        return recs

    def _read(self, rec):
        return [_read_image(rec[0], self.decode), np.array(rec[1], np.int32)]


class RenderedSST2Dataset(_ImageCorpus):
    """Rendered SST-2: ``{train,valid,test}/{negative,positive}/*.png``, ``label`` uint32 (0 negative,
    1 positive); ``usage`` 'val' reads ``valid``."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None, cache=None):
        if usage is not None and usage not in ("val", "all", "train", "test"):
            raise ValueError("Input  is not within the valid set of ['val', 'all', 'train', 'test'].")
        self.usage = _check_usage(usage, ["val", "all", "train", "test"])
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)

    _columns_ = ("image", "label")

    def _records(self):
        folders = ["test", "train", "valid"] if self.usage == "all" else [{"val": "valid"}.get(self.usage, self.usage)]
        recs = []
        for u in folders:
            _open_dir(os.path.join(self.dataset_dir, u))
            for k, c in enumerate(("negative", "positive")):
                d = os.path.join(self.dataset_dir, u, c)
                if os.path.isdir(d):
                    recs.extend((os.path.join(u, c, f), k) for f in _sorted_files(d))
        return recs

    def _read(self, rec):
        return [self._image(rec[0]), np.array(rec[1], np.uint32)]


class SUN397Dataset(_FolderCorpus):
    """SUN397: the classes of ``ClassName.txt`` (``/a/abbey`` ...), their images in class-path order, ``label``
    uint32 numbered in ``ClassName.txt`` order."""

    _columns_ = ("image", "label")

    def _records(self):
        names = _check_file(os.path.join(self.dataset_dir, "ClassName.txt"), "dataset_dir")
        with open(names, encoding="utf-8") as f:
            classes = [line.strip() for line in f if line.strip()]
        recs = []
        for k, c in sorted(enumerate(classes), key=lambda kc: kc[1]):
            d = _open_dir(os.path.join(self.dataset_dir, c.lstrip("/")))
            recs.extend((os.path.join(c.lstrip("/"), f), k) for f in _sorted_files(d) if f.endswith(".jpg"))
        return recs

    def _read(self, rec):
        return [self._image(rec[0]), np.array(rec[1], np.uint32)]


class Food101Dataset(_ImageCorpus):
    """Food-101: the ``class/id`` lines of ``meta/{train,test}.txt`` as ``images/class/id.jpg``, ``label`` the
    class name (string)."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None, cache=None):
        self.usage = _check_usage(usage, ["train", "test", "all"])
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)

    _columns_ = ("image", "label")

    def _records(self):
        recs = []
        for u in (["train", "test"] if self.usage == "all" else [self.usage]):
            path = os.path.join(self.dataset_dir, "meta", u + ".txt")
            lines = _file_lines(path, f"Invalid file, failed to open Food101 meta file: {path}")
            recs.extend(line.strip() for line in lines if line.strip())
        return recs

    def _read(self, rec):
        return [self._image("images", rec + ".jpg"), np.array(rec.split("/")[0])]


# ------------------------------------------------------------------ annotated image folders
class CelebADataset(_ImageCorpus):
    """CelebA: the images of ``list_attr_celeba.txt`` (split by ``list_eval_partition.txt``: 0 train, 1 valid,
    2 test), ``attr`` uint32 (the 40 attributes, -1 as 0)."""

    def __init__(self, dataset_dir, num_parallel_workers=None, shuffle=None, usage='all', sampler=None, decode=False,
                 extensions=None, num_samples=None, num_shards=None, shard_id=None, cache=None, decrypt=None):
        if usage is not None and usage not in ('all', 'train', 'valid', 'test'):
            raise ValueError("usage should be 'all', 'train', 'valid' or 'test'.")
        if decrypt is not None and not callable(decrypt):
            raise TypeError("Argument decrypt is not a callable object, but got " + str(type(decrypt)))
        if extensions is not None and (not isinstance(extensions, list)
                                       or not all(isinstance(e, str) for e in extensions)):
            raise _type_error("extensions", extensions, "[<class 'list'>]")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)
        self.usage = "all" if usage is None else usage
        self.extensions, self.decrypt = extensions, decrypt

    _columns_ = ("image", "attr")

    def _records(self):
        attr = os.path.join(self.dataset_dir, "list_attr_celeba.txt")
        if not os.path.isfile(attr):
            raise RuntimeError(f"Invalid file, failed to open CelebA attr file: {attr}")
        with open(attr, encoding="utf-8") as f:
            lines = [line.split() for line in f.read().splitlines()[2:] if line.strip()]
        split = None
        if self.usage != "all":
            part = os.path.join(self.dataset_dir, "list_eval_partition.txt")
            parts = _file_lines(part, f"Invalid file, failed to open CelebA partition file: {part}")
            want = {"train": "0", "valid": "1", "test": "2"}[self.usage]
            split = {p[0] for p in (line.split() for line in parts) if len(p) == 2 and p[1] == want}
        exts = tuple(e.lower() for e in self.extensions) if self.extensions else None
        return [(p[0], [0 if int(v) < 0 else int(v) for v in p[1:]]) for p in lines
                if (split is None or p[0] in split) and (exts is None or p[0].lower().endswith(exts))]

    def _read(self, rec):
        return [_read_image(os.path.join(self.dataset_dir, rec[0]), self.decode, self.decrypt),
                np.array(rec[1], np.uint32)]


class FlickrDataset(_ImageCorpus):
    """Flickr8k / Flickr30k: the ``image#k<TAB>caption`` lines of ``annotation_file`` grouped per image (images in
    name order), ``annotation`` the image's captions (1-D strings)."""

    def __init__(self, dataset_dir, annotation_file, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        _check_file(annotation_file, "annotation_file")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)
        self.annotation_file = annotation_file

    _columns_ = ("image", "annotation")

    def _records(self):
        caps = {}
        with open(self.annotation_file, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                key, _, caption = line.partition("\t")
                caps.setdefault(key.split("#")[0], []).append(caption)
        return sorted(caps.items())

    def _read(self, rec):
        return [self._image(rec[0]), np.array(rec[1])]


class KITTIDataset(_ImageCorpus):
    """KITTI object detection: ``data_object_image_2/{training,testing}/image_2/*.png``; for ``usage='train'``
    the objects of ``data_object_label_2/training/label_2/*.txt``: ``label`` (names numbered in sorted order),
    ``truncated``, ``occluded``, ``alpha``, ``bbox`` (N, 4), ``dimensions``, ``location`` (N, 3), ``rotation_y``."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None, cache=None):
        self.usage = "train" if usage is None else usage
        if self.usage not in ("train", "test"):
            raise ValueError("Input usage is not within the valid set of ['train', 'test'].")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)
        self._index = None

    def _columns(self):
        if self.usage == "test":
            return ["image"]
        return ["image", "label", "truncated", "occluded", "alpha", "bbox", "dimensions", "location", "rotation_y"]

    def _records(self):
        split = "training" if self.usage == "train" else "testing"
        d = _open_dir(os.path.join(self.dataset_dir, "data_object_image_2", split, "image_2"))
        names = [f for f in _sorted_files(d)]
        if self.usage == "test":
            return [(n, None) for n in names]
        recs = []
        for n in names:
            path = os.path.join(self.dataset_dir, "data_object_label_2", split, "label_2", os.path.splitext(n)[0] +
                                ".txt")
            lines = _file_lines(path, f"Invalid file, failed to open KITTI label file: {path}")
            objs = [line.split() for line in lines if line.strip()]
            if any(len(o) < 15 for o in objs):
                raise RuntimeError(f"Invalid data, every line of {path} should have 15 fields.")
            recs.append((n, objs))
        self._index = {c: i for i, c in enumerate(sorted({o[0] for _, objs in recs for o in objs}))}
        return recs

    def _read(self, rec):
        split = "training" if self.usage == "train" else "testing"
        image = self._image("data_object_image_2", split, "image_2", rec[0])
        if self.usage == "test":
            return [image]
        objs = rec[1]
        f = np.array([[float(v) for v in o[1:15]] for o in objs], np.float64).reshape(-1, 14)
        return [image, np.array([[self._index[o[0]]] for o in objs], np.uint32).reshape(-1, 1),
                f[:, 0:1].astype(np.float32), f[:, 1:2].astype(np.int64).astype(np.uint32),
                f[:, 2:3].astype(np.float32), f[:, 3:7].astype(np.float32), f[:, 7:10].astype(np.float32),
                f[:, 10:13].astype(np.float32), f[:, 13:14].astype(np.float32)]


class DIV2KDataset(_RecordSource):
    """DIV2K: ``hr_image`` of ``DIV2K_{usage}_HR/nnnn.png`` with its ``lr_image`` of the ``downgrade`` and
    ``scale`` (``DIV2K_{usage}_LR_{downgrade}/X{scale}/nnnnx{scale}.png``; the 2018 mild/difficult/wild sets:
    ``DIV2K_{usage}_LR_{downgrade}/nnnnx4{m,d,w}.png``)."""

    def __init__(self, dataset_dir, usage="train", downgrade="bicubic", scale=2, num_samples=None,
                 num_parallel_workers=None, shuffle=None, decode=None, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        _check_dir(dataset_dir)
        self.usage = _check_usage(usage, ["train", "valid", "all"]) if usage is not None else "train"
        downgrade = "bicubic" if downgrade is None else downgrade
        if not isinstance(downgrade, str):
            raise _type_error("downgrade", downgrade, "[<class 'str'>]")
        if downgrade not in ("bicubic", "unknown", "mild", "difficult", "wild"):
            raise ValueError("Input downgrade is not within the valid set of ['bicubic', 'unknown', 'mild', "
                             "'difficult', 'wild'].")
        if isinstance(scale, bool) or not isinstance(scale, int):
            raise _type_error("scale", scale, "<class 'int'>")
        if scale not in (2, 3, 4, 8):
            raise ValueError("Input scale is not within the valid set of [2, 3, 4, 8].")
        if scale == 8 and downgrade != "bicubic":
            raise ValueError("DIV2KNode: scale equal to 8 is allowed only in bicubic downgrade.")
        if downgrade in ("mild", "difficult", "wild") and scale != 4:
            raise ValueError(f"DIV2KNode: {downgrade} downgrade requires scale equal to 4.")
        self.decode = _decode_flag(decode)
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache)
        self.dataset_dir, self.downgrade, self.scale = dataset_dir, downgrade, scale

    _columns_ = ("hr_image", "lr_image")

    def _records(self):
        recs = []
        for u in (["train", "valid"] if self.usage == "all" else [self.usage]):
            hr = _open_dir(os.path.join(self.dataset_dir, f"DIV2K_{u}_HR"))
            lr = os.path.join(self.dataset_dir, f"DIV2K_{u}_LR_{self.downgrade}")
            for f in _sorted_files(hr):
                stem, ext = os.path.splitext(f)
                if self.downgrade in ("bicubic", "unknown"):
                    low = os.path.join(lr, f"X{self.scale}", f"{stem}x{self.scale}{ext}")
                else:
                    low = os.path.join(lr, f"{stem}x4{self.downgrade[0]}{ext}")
                if not os.path.isfile(low):
                    raise RuntimeError(f"Invalid file, the low resolution image of {os.path.join(hr, f)} is "
                                       f"missing: {low}")
                recs.append((os.path.join(hr, f), low))
        return recs

    def _read(self, rec):
        return [_read_image(rec[0], self.decode), _read_image(rec[1], self.decode)]


# ------------------------------------------------------------------ array files
class _ArrayCorpus(_RecordSource):
    """A corpus loaded at once into column arrays by ``_arrays()``; row i is the i-th entry of each."""

    def __init__(self, dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                 cache=None):
        _check_dir(dataset_dir)
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache)
        self.dataset_dir = dataset_dir

    def _records(self):
        cols = self._arrays()
        return [tuple(c[i] for c in cols) for i in range(len(cols[0]))]

    def _read(self, rec):
        return [np.array(v) for v in rec]


class SemeionDataset(_ArrayCorpus):
    """Semeion handwritten digits: the lines of ``semeion.data`` (256 pixels then 10 one-hot digits), ``image``
    (16, 16) uint8 of 0/1 and ``label`` uint32."""

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None, sampler=None,
                 num_shards=None, shard_id=None, cache=None):
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)

    _columns_ = ("image", "label")

    def _arrays(self):
        path = os.path.join(self.dataset_dir, "semeion.data")
        images, labels = [], []
        for line in _file_lines(path, f"Invalid file, failed to open Semeion file: {path}"):
            v = line.split()
            if not v:
                continue
            if len(v) != 266:
                raise RuntimeError(f"Invalid data, every line of {path} should have 266 values, got {len(v)}.")
            images.append(np.array([float(x) for x in v[:256]]).astype(np.uint8).reshape(16, 16))
            labels.append(int(np.argmax([int(x) for x in v[256:]])))
        return [images, np.array(labels, np.uint32)]


class STL10Dataset(_ArrayCorpus):
    """STL-10: ``{train,test,unlabeled}_X.bin`` (96x96x3 images stored column-major) and ``*_y.bin`` labels 1-10,
    ``image`` (96, 96, 3) uint8 and ``label`` int32 (0-9; -1 for unlabeled images)."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        usage = _check_usage(usage, ["train", "test", "unlabeled", "train+unlabeled", "all"])
        needs = {"all": ["train", "test", "unlabeled"], "train+unlabeled": ["train", "unlabeled"]}.get(usage, [usage])
        for u in needs:
            _check_file(os.path.join(dataset_dir, u + "_X.bin"), "dataset_dir")
            if u != "unlabeled":
                _check_file(os.path.join(dataset_dir, u + "_y.bin"), "dataset_dir")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)
        self.usage = usage

    _columns_ = ("image", "label")

    def _arrays(self):
        parts = {"all": ["test", "train", "unlabeled"], "train+unlabeled": ["train", "unlabeled"]}.get(
            self.usage, [self.usage])
        images, labels = [], []
        for u in parts:
            raw = np.fromfile(os.path.join(self.dataset_dir, u + "_X.bin"), np.uint8)
            if raw.size % (3 * 96 * 96):
                raise RuntimeError(f"Invalid file, {u}_X.bin is not a whole number of 96x96x3 images.")
            x = raw.reshape(-1, 3, 96, 96).transpose(0, 3, 2, 1)
            images.append(np.ascontiguousarray(x))
            if u == "unlabeled":
                labels.append(np.full(len(x), -1, np.int32))
            else:
                y = np.fromfile(os.path.join(self.dataset_dir, u + "_y.bin"), np.uint8).astype(np.int32) - 1
                if len(y) != len(x):
                    raise RuntimeError(f"Invalid file, {u}_y.bin has {len(y)} labels for {len(x)} images.")
                labels.append(y)
        return [np.concatenate(images), np.concatenate(labels)]


class QMnistDataset(_ArrayCorpus):
    """QMNIST: ``qmnist-{train,test}-images-idx3-ubyte`` / ``-labels-idx2-int`` (``nist``: ``xnist-*``), ``image``
    (28, 28, 1) uint8 and ``label`` uint32 (the class, or with ``compat=False`` the 8 QMNIST fields)."""

    def __init__(self, dataset_dir, usage=None, compat=True, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        self.usage = _check_usage(usage, ["train", "test", "test10k", "test50k", "nist", "all"])
        self.compat = _check_bool("compat", compat)
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache)

    _columns_ = ("image", "label")

    def _read_part(self, prefix, start=0, count=None):
        img_path = os.path.join(self.dataset_dir, f"{prefix}-images-idx3-ubyte")
        lab_path = os.path.join(self.dataset_dir, f"{prefix}-labels-idx2-int")
        for p in (img_path, lab_path):
            if not os.path.isfile(p):
                raise RuntimeError(f"Invalid file, failed to find QMNIST file: {p}")
        img = np.fromfile(img_path, np.uint8)
        lab = np.fromfile(lab_path, np.uint8)
        n = int.from_bytes(img[4:8].tobytes(), "big") if count is None else count
        body = img[16 + start * 784:16 + (start + n) * 784]
        if body.size != n * 784:
            raise RuntimeError(f"Invalid file, failed to read {n * 784} bytes from {img_path}: the data file is "
                               "damaged or the content is incomplete.")
        labels = np.frombuffer(lab[12:].tobytes(), ">i4").reshape(-1, 8)[start:start + n]
        if len(labels) != n:
            raise RuntimeError(f"Invalid file, failed to read {n * 32} bytes from {lab_path}: the data file is "
                               "damaged or the content is incomplete.")
        return body.reshape(n, 28, 28, 1), labels.astype(np.uint32)

    def _arrays(self):
        parts = {"train": [("qmnist-train",)], "test": [("qmnist-test",)], "test10k": [("qmnist-test", 0, 10000)],
                 "test50k": [("qmnist-test", 10000, 50000)], "nist": [("xnist",)],
                 "all": [("qmnist-train",), ("qmnist-test",), ("xnist",)]}[self.usage]
        got = [self._read_part(*p) for p in parts]
        images = np.concatenate([g[0] for g in got])
        labels = np.concatenate([g[1] for g in got])
        return [images, labels[:, 0] if self.compat else labels]


class SVHNDataset(_ArrayCorpus):
    """SVHN: ``{train,test,extra}_32x32.mat`` (``X`` 32x32x3xN, ``y``), ``image`` (32, 32, 3) uint8 and
    ``label`` uint32 (digit 10 read as 0)."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=1, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None):
        usage = _check_usage(usage, ["train", "test", "extra", "all"])
        for u in (["train", "test", "extra"] if usage == "all" else [usage]):
            _check_file(os.path.join(dataset_dir, u + "_32x32.mat"), "dataset_dir")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id)
        self.usage = usage

    _columns_ = ("image", "label")

    def _arrays(self):
        images, labels = [], []
        for u in (["train", "test", "extra"] if self.usage == "all" else [self.usage]):
            mat = _loadmat(os.path.join(self.dataset_dir, u + "_32x32.mat"))
            images.append(np.transpose(mat["X"], [3, 0, 1, 2]))
            y = mat["y"].astype(np.uint32).reshape(-1)
            labels.append(np.where(y == 10, 0, y).astype(np.uint32))
        return [np.concatenate(images), np.concatenate(labels)]


class Flowers102Dataset(_ImageCorpus):
    """Oxford 102 Flowers: ``jpg/image_nnnnn.jpg`` chosen by ``setid.mat`` (train, test, valid ids), ``label``
    uint32 (``imagelabels.mat`` minus one); ``task='Segmentation'`` adds ``segmim/segmim_nnnnn.jpg``."""

    def __init__(self, dataset_dir, task="Classification", usage="all", num_samples=None, num_parallel_workers=1,
                 shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None):
        _check_dir(dataset_dir)
        _check_dir(os.path.join(dataset_dir, "jpg"))
        _check_file(os.path.join(dataset_dir, "imagelabels.mat"), "dataset_dir")
        _check_file(os.path.join(dataset_dir, "setid.mat"), "dataset_dir")
        self.usage = _check_usage(usage, ["train", "valid", "test", "all"])
        task = "Classification" if task is None else task
        if not isinstance(task, str):
            raise _type_error("task", task, "[<class 'str'>]")
        if task not in ("Classification", "Segmentation"):
            raise ValueError("Input task is not within the valid set of ['Classification', 'Segmentation'].")
        if task == "Segmentation":
            _check_dir(os.path.join(dataset_dir, "segmim"))
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         None, decode)
        self.task = task

    def _columns(self):
        return ["image", "label"] if self.task == "Classification" else ["image", "segmentation", "label"]

    def _records(self):
        labels = (_loadmat(os.path.join(self.dataset_dir, "imagelabels.mat"))["labels"][0] - 1).astype(np.uint32)
        setid = _loadmat(os.path.join(self.dataset_dir, "setid.mat"))
        keys = {"train": ["trnid"], "test": ["tstid"], "valid": ["valid"],
                "all": ["trnid", "tstid", "valid"]}[self.usage]
        ids = [int(i) for k in keys for i in setid[k][0]]
        return [(i, labels[i - 1]) for i in ids]

    def _read(self, rec):
        i, label = rec
        image = os.path.join(self.dataset_dir, "jpg", f"image_{i:05d}.jpg")
        if not os.path.exists(image):
            raise RuntimeError("Can not find image file: " + image)
        out = [_read_image(image, self.decode)]
        if self.task == "Segmentation":
            seg = os.path.join(self.dataset_dir, "segmim", f"segmim_{i:05d}.jpg")
            if not os.path.exists(seg):
                raise RuntimeError("Can not find segmentation file: " + seg)
            out.append(_read_image(seg, self.decode))
        return out + [np.array(label, np.uint32)]


# ------------------------------------------------------------------ USPS (a file source)
class USPSDataset(_RowSharded, VisionBaseDataset):
    """USPS: the libsvm-format lines of ``usps`` (train) and ``usps.t`` (test), ``image`` (16, 16, 1) uint8 (the
    [-1, 1] features scaled to [0, 255]) and ``label`` uint32 (0-9)."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        usage = _check_usage(usage, ["train", "test", "all"])
        names = {"train": ["usps"], "test": ["usps.t"], "all": ["usps", "usps.t"]}[usage]
        super().__init__([os.path.join(dataset_dir, n) for n in names], num_samples, num_parallel_workers, shuffle,
                         num_shards, shard_id)
        self.dataset_dir, self.usage, self.cache = dataset_dir, usage, cache

    _columns_ = ("image", "label")

    def _file_rows(self, path):
        out = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                parts = line.split(" ")
                if len(parts) != 258:
                    raise RuntimeError(f"Invalid data, the number of split characters ':' in USPS data file is "
                                       f"corrupted, should be 257, but got {len(parts) - 1}.")
                values = np.array([float(p.split(":")[1]) for p in parts[1:257]])
                image = ((values + 1) / 2 * 255).astype(np.uint8).reshape(16, 16, 1)
                out.append((image, np.array(int(parts[0]) - 1, np.uint32)))
        return out


# ------------------------------------------------------------------ Cityscapes, Places365, LFW, SBU
class CityscapesDataset(_ImageCorpus):
    """Cityscapes: ``leftImg8bit/{usage}/{city}/*_leftImg8bit.png`` with the ``task`` target of ``gtFine`` (or
    ``gtCoarse``): ``instance`` ``*_instanceIds.png``, ``semantic`` ``*_labelIds.png``, ``color`` ``*_color.png``
    (images) or ``polygon`` ``*_polygons.json`` (its JSON, compact, as a string)."""

    _TASKS = {"instance": "instanceIds.png", "semantic": "labelIds.png", "color": "color.png",
              "polygon": "polygons.json"}

    def __init__(self, dataset_dir, usage="train", quality_mode="fine", task="instance", num_samples=None,
                 num_parallel_workers=None, shuffle=None, decode=None, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        quality_mode = "fine" if quality_mode is None else quality_mode
        if quality_mode not in ("fine", "coarse"):
            raise ValueError("Input quality_mode is not within the valid set of ['fine', 'coarse'].")
        task = "instance" if task is None else task
        if task not in self._TASKS:
            raise ValueError("Input task is not within the valid set of ['instance', 'semantic', 'polygon', "
                             "'color'].")
        usages = ["train", "test", "val", "all"] if quality_mode == "fine" else ["train", "train_extra", "val", "all"]
        usage = "train" if usage is None else usage
        if usage not in usages:
            raise ValueError(f"Input usage is not within the valid set of {usages}.")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)
        self.usage, self.quality_mode, self.task = usage, quality_mode, task

    _columns_ = ("image", "task")

    def _records(self):
        gt = "gtFine" if self.quality_mode == "fine" else "gtCoarse"
        if self.usage != "all":
            splits = [self.usage]
        else:
            splits = ["train", "test", "val"] if self.quality_mode == "fine" else ["train", "train_extra", "val"]
        recs = []
        for u in splits:
            img_root = _open_dir(os.path.join(self.dataset_dir, "leftImg8bit", u))
            for city in _sorted_dirs(img_root):
                for f in _sorted_files(os.path.join(img_root, city)):
                    stem = f[:-len("_leftImg8bit.png")] if f.endswith("_leftImg8bit.png") else os.path.splitext(f)[0]
                    target = os.path.join(self.dataset_dir, gt, u, city, f"{stem}_{gt}_{self._TASKS[self.task]}")
                    if not os.path.isfile(target):
                        raise RuntimeError(f"Invalid file, Cityscapes Dataset task file: {target} does not exist.")
                    recs.append((os.path.join(img_root, city, f), target))
        return recs

    def _read(self, rec):
        image = _read_image(rec[0], self.decode)
        if self.task != "polygon":
            return [image, _read_image(rec[1], self.decode)]
        import json
        with open(rec[1], encoding="utf-8") as f:
            data = json.load(f)
        return [image, np.array(json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False))]


class Places365Dataset(_ImageCorpus):
    """Places365: the ``path label`` lines of ``places365_train_standard.txt`` / ``places365_train_challenge.txt``
    / ``places365_val.txt`` with the images of ``data_{256,large}_{standard,challenge}`` / ``val_{256,large}``
    (``small``: the 256x256 ones), ``label`` uint32."""

    def __init__(self, dataset_dir, usage=None, small=True, decode=False, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        usage = "train-standard" if usage is None else usage
        if usage not in ("train-standard", "train-challenge", "val"):
            raise ValueError("Input usage is not within the valid set of ['train-standard', 'train-challenge', "
                             "'val'].")
        _check_bool("small", small)
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)
        self.usage, self.small = usage, small

    _columns_ = ("image", "label")

    def _records(self):
        size = "256" if self.small else "large"
        if self.usage == "val":
            listing, folder = "places365_val.txt", f"val_{size}"
        else:
            kind = self.usage.split("-")[1]
            listing, folder = f"places365_train_{kind}.txt", f"data_{size}_{kind}"
        path = os.path.join(self.dataset_dir, listing)
        recs = []
        for line in _file_lines(path, f"Invalid file path, {path} does not exists."):
            parts = line.split()
            if len(parts) == 2:
                image = os.path.join(self.dataset_dir, folder) + "/" + parts[0]
                recs.append((image, int(parts[1])))
        return recs

    def _read(self, rec):
        if not os.path.isfile(rec[0]):
            raise RuntimeError(f"Invalid file path, {rec[0]} does not exists.")
        return [_read_image(rec[0], self.decode), np.array(rec[1], np.uint32)]


class LFWDataset(_ImageCorpus):
    """Labeled Faces in the Wild: ``task='people'`` rows ``image``, ``label`` (uint32, the person's line in
    ``lfw-names.txt``) of ``peopleDevTrain.txt`` / ``peopleDevTest.txt`` / ``people.txt`` (``10fold``);
    ``task='pairs'`` rows ``image1``, ``image2``, ``label`` (1 same person) of the ``pairs*.txt`` files; images
    from ``lfw`` (original), ``lfw_funneled`` or ``lfw-deepfunneled``."""

    def __init__(self, dataset_dir, task=None, usage=None, image_set=None, num_samples=None,
                 num_parallel_workers=None, shuffle=None, decode=False, sampler=None, num_shards=None, shard_id=None,
                 cache=None):
        task = "people" if task is None else task
        if task not in ("people", "pairs"):
            raise ValueError("Input task is not within the valid set of ['people', 'pairs'].")
        usage = _check_usage(usage, ["10fold", "train", "test", "all"])
        image_set = "funneled" if image_set is None else image_set
        if image_set not in ("original", "funneled", "deepfunneled"):
            raise ValueError("Input image_set is not within the valid set of ['original', 'funneled', "
                             "'deepfunneled'].")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)
        self.task, self.usage, self.image_set = task, usage, image_set

    def _columns(self):
        return ["image", "label"] if self.task == "people" else ["image1", "image2", "label"]

    def _lines(self, name):
        path = os.path.join(self.dataset_dir, name)
        lines = _file_lines(path, f"Invalid file, failed to open LFW file: {path}")
        return [line.split() for line in lines if line.strip()]

    def _entries(self, name, width):
        """The ``width``-field lines of a listing (its count lines skipped)."""
        return [p for p in self._lines(name) if len(p) in width]

    def _records(self):
        files = {"people": {"train": ["peopleDevTrain.txt"], "test": ["peopleDevTest.txt"], "10fold": ["people.txt"],
                            "all": ["peopleDevTrain.txt", "peopleDevTest.txt"]},
                 "pairs": {"train": ["pairsDevTrain.txt"], "test": ["pairsDevTest.txt"], "10fold": ["pairs.txt"],
                           "all": ["pairsDevTrain.txt", "pairsDevTest.txt"]}}[self.task][self.usage]
        if self.task == "pairs":
            recs = []
            for name in files:
                for p in self._entries(name, (3, 4)):
                    if len(p) == 3:
                        recs.append(((p[0], int(p[1])), (p[0], int(p[2])), 1))
                    else:
                        recs.append(((p[0], int(p[1])), (p[2], int(p[3])), 0))
            return recs
        index = {p[0]: k for k, p in enumerate(self._lines("lfw-names.txt"))}
        recs = []
        for name in files:
            for p in self._entries(name, (2,)):
                if not p[1].isdigit():
                    continue
                recs.extend(((p[0], i), index[p[0]]) for i in range(1, int(p[1]) + 1))
        return recs

    def _path(self, person):
        folder = {"original": "lfw", "funneled": "lfw_funneled", "deepfunneled": "lfw-deepfunneled"}[self.image_set]
        return os.path.join(self.dataset_dir, folder, person[0], f"{person[0]}_{person[1]:04d}.jpg")

    def _read(self, rec):
        if self.task == "people":
            return [_read_image(self._path(rec[0]), self.decode), np.array(rec[1], np.uint32)]
        return [_read_image(self._path(rec[0]), self.decode), _read_image(self._path(rec[1]), self.decode),
                np.array(rec[2], np.uint32)]


class SBUDataset(_FolderCorpus):
    """SBU Captioned Photos: the lines of ``SBU_captioned_photo_dataset_urls.txt`` with their captions, images
    ``sbu_images/m_{server}_{photo}.jpg``; rows ``image``, ``caption``."""

    _columns_ = ("image", "caption")

    def _records(self):
        lists = []
        for name in ("SBU_captioned_photo_dataset_urls.txt", "SBU_captioned_photo_dataset_captions.txt"):
            path = os.path.join(self.dataset_dir, name)
            lines = _file_lines(path, f"Invalid file, failed to open SBU file: {path}")
            lists.append([line.rstrip("\r\n") for line in lines if line.strip()])
        urls, captions = lists
        if len(urls) != len(captions):
            raise RuntimeError(f"Invalid data, the SBU url and caption files have {len(urls)} and {len(captions)} "
                               "lines.")
        recs = []
        for url, caption in zip(urls, captions):
            parts = url.split("/")
            image = os.path.join(self.dataset_dir, "sbu_images", f"m_{parts[-2]}_{parts[-1]}")
            if os.path.isfile(image):
                recs.append((image, caption))
        return recs

    def _read(self, rec):
        return [_read_image(rec[0], self.decode), np.array(rec[1])]


class SBDataset(_ImageCorpus):
    """Semantic Boundaries Dataset: the ids of ``{train,val,train_noval}.txt`` (``all``: train then val) as
    ``img/{id}.jpg`` with ``task`` read from ``cls/{id}.mat``: ``Boundaries`` (20, H, W) uint8 (one map per
    category) or ``Segmentation`` (H, W) uint8."""

    def __init__(self, dataset_dir, task='Boundaries', usage='all', num_samples=None, num_parallel_workers=1,
                 shuffle=None, decode=None, sampler=None, num_shards=None, shard_id=None):
        task = "Boundaries" if task is None else task
        if not isinstance(task, str):
            raise _type_error("task", task, "[<class 'str'>]")
        if task not in ("Boundaries", "Segmentation"):
            raise ValueError("Input task is not within the valid set of ['Boundaries', 'Segmentation'].")
        usage = "all" if usage is None else usage
        if not isinstance(usage, str):
            raise _type_error("usage", usage, "[<class 'str'>]")
        if usage not in ("train", "val", "train_noval", "all"):
            raise ValueError("Input usage is not within the valid set of ['train', 'val', 'train_noval', 'all'].")
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         None, decode)
        self.task, self.usage = task, usage
        self._all()   # the reference lists the ids when the dataset is built: a missing list is found at once

    _columns_ = ("image", "task")

    def _records(self):
        ids = []
        for u in (["train", "val"] if self.usage == "all" else [self.usage]):
            path = os.path.join(self.dataset_dir, u + ".txt")
            if not os.path.exists(path):
                raise FileNotFoundError(f"SBDataset: {path} not found")
            with open(path, encoding="utf-8") as f:
                ids.extend(line.strip() for line in f)
        return ids

    def _read(self, image_id):
        image = self._image("img", image_id + ".jpg")
        gt = _loadmat(os.path.join(self.dataset_dir, "cls", image_id + ".mat"))["GTcls"][0]
        if self.task == "Boundaries":
            maps = gt["Boundaries"][0]
            target = np.stack([maps[c][0].toarray() for c in range(20)])
        else:
            target = np.asarray(gt["Segmentation"][0])
        return [image, target]


class PhotoTourDataset(_RecordSource):
    """Photo Tourism patches of ``name``: the 64x64 patches of ``patchesNNNN.bmp`` (16x16 per 1024x1024 image, in
    row order), one per line of ``info.txt``: ``usage='train'`` rows ``image`` (64, 64, 1) uint8;
    ``usage='test'`` the pairs of ``m50_100000_100000_0.txt``: ``image1``, ``image2`` and ``matches`` uint32 (1 when
    both patches show the same 3D point)."""

    _NAMES = ["notredame", "yosemite", "liberty", "notredame_harris", "yosemite_harris", "liberty_harris"]

    def __init__(self, dataset_dir, name, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        _check_dir(dataset_dir)
        self.usage = "train" if usage is None else usage
        if self.usage not in ("train", "test"):
            raise ValueError("Input usage is not within the valid set of ['train', 'test'].")
        if not isinstance(name, str):
            raise _type_error("name", name, "[<class 'str'>]")
        if name not in self._NAMES:
            raise ValueError(f"Input name is not within the valid set of {self._NAMES}.")
        super().__init__(num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, cache)
        self.dataset_dir, self.name = dataset_dir, name
        self._sheets = {}

    def _columns(self):
        return ["image"] if self.usage == "train" else ["image1", "image2", "matches"]

    def _folder(self):
        return os.path.join(self.dataset_dir, self.name)

    def _records(self):
        info = os.path.join(self._folder(), "info.txt")
        lines = _file_lines(info, f"Invalid file, failed to open PhotoTour info file: {info}")
        count = sum(1 for line in lines if line.strip())
        if self.usage == "train":
            return list(range(count))
        path = os.path.join(self._folder(), "m50_100000_100000_0.txt")
        lines = _file_lines(path, f"Invalid file, failed to open PhotoTour matches file: {path}")
        pairs = [line.split() for line in lines if line.strip()]
        return [(int(p[0]), int(p[3]), int(p[1] == p[4])) for p in pairs]

    def _patch(self, index):
        sheet = index // 256
        if sheet not in self._sheets:
            from PIL import Image
            path = os.path.join(self._folder(), f"patches{sheet:04d}.bmp")
            if not os.path.isfile(path):
                raise RuntimeError(f"Invalid file, failed to open PhotoTour patch image: {path}")
            with Image.open(path) as img:
                self._sheets[sheet] = np.asarray(img.convert("L"))
        r, c = (index % 256) // 16, index % 16
        return np.ascontiguousarray(self._sheets[sheet][64 * r:64 * r + 64, 64 * c:64 * c + 64, None])

    def _read(self, rec):
        if self.usage == "train":
            return [self._patch(rec)]
        return [self._patch(rec[0]), self._patch(rec[1]), np.array(rec[2], np.uint32)]


class WIDERFaceDataset(_ImageCorpus):
    """WIDER FACE: ``WIDER_{train,val,test}/images/{event}/*.jpg``; for train/valid/all the faces of
    ``wider_face_split/wider_face_{train,val}_bbx_gt.txt``: ``bbox`` (N, 4) and ``blur``, ``expression``,
    ``illumination``, ``occlusion``, ``pose``, ``invalid`` (N,) int32; ``usage='test'`` rows ``image`` of
    ``wider_face_test_filelist.txt``. Images go event folder by event folder, in the annotation file's order."""

    _ATTRS = ("blur", "expression", "illumination", "occlusion", "pose", "invalid")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 decode=False, sampler=None, num_shards=None, shard_id=None, cache=None):
        self.usage = _check_usage(usage, ["train", "test", "valid", "all"])
        super().__init__(dataset_dir, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
                         cache, decode)

    def _columns(self):
        return ["image"] if self.usage == "test" else ["image", "bbox", *self._ATTRS]

    def _split(self, name):
        path = os.path.join(self.dataset_dir, "wider_face_split", name)
        lines = _file_lines(path, f"Invalid file, failed to open WIDERFace annotation file: {path}")
        return [line.strip() for line in lines if line.strip()]

    def _records(self):
        if self.usage == "test":
            return [(os.path.join("WIDER_test", "images", n), None) for n in self._split(
                "wider_face_test_filelist.txt")]
        recs = []
        for u in (["train", "val"] if self.usage == "all" else [{"valid": "val"}.get(self.usage, self.usage)]):
            lines, part, i = self._split(f"wider_face_{u}_bbx_gt.txt"), [], 0
            while i < len(lines):
                name, count = lines[i], int(lines[i + 1])
                boxes = [[int(v) for v in lines[i + 2 + j].split()[:10]] for j in range(max(count, 1))]
                part.append((os.path.join(f"WIDER_{u}", "images", name), boxes[:count]))
                i += 2 + max(count, 1)
            part.sort(key=lambda r: os.path.dirname(r[0]))   # event folders in order, files as annotated
            recs.extend(part)
        return recs

    def _read(self, rec):
        image = self._image(rec[0])
        if rec[1] is None:
            return [image]
        f = np.array(rec[1], np.int32).reshape(-1, 10)
        return [image, f[:, :4].copy()] + [f[:, 4 + k].copy() for k in range(6)]

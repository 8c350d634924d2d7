"""``serialize`` / ``deserialize`` / ``show`` / ``compare``: a pipeline as the reference's JSON description.

The JSON has the reference's layout (``op_type``, ``children``, the node's arguments; ``sampler``; map
``operations`` as ``tensor_op_name`` / ``tensor_op_params``) for the pipeline stages and sources listed in
``_NODES``/``_SOURCES`` and the transforms of ``_OPS``; a Python function in a map is written as its module and name
(as the reference does) and can not be read back. A node of another kind is refused with a TypeError naming it.
"""
import json
import os

import numpy as np

from .. import log as logger
from . import config
from . import samplers as _samplers

__all__ = ["serialize", "deserialize", "show", "compare"]

_QUEUE = 16   # the reference's connector queue size, written for every node that has one


def _workers(node):
    return node.num_parallel_workers or config.get_num_parallel_workers()


# ------------------------------------------------------------------ samplers
def _sampler_json(s):
    n = s.num_samples or 0
    if isinstance(s, _samplers.DistributedSampler):
        return {"even_dist": True, "num_samples": n, "num_shards": s.num_shards, "offset": s.offset,
                "sampler_name": "DistributedSampler", "seed": config.get_seed() + 1, "shard_id": s.shard_id,
                "shuffle_mode": 0 if s.shuffle == _samplers.Shuffle.FALSE else 2}
    if isinstance(s, _samplers.RandomSampler):
        return {"num_samples": n, "replacement": bool(s.replacement), "reshuffle_each_epoch": True,
                "sampler_name": "RandomSampler", "shuffle_mode": 2}
    if isinstance(s, _samplers.SubsetRandomSampler):
        return {"indices": [int(i) for i in s.indices_], "num_samples": n, "sampler_name": "SubsetRandomSampler"}
    if isinstance(s, _samplers.SequentialSampler):
        return {"num_samples": n, "sampler_name": "SequentialSampler", "start_index": s.start_index or 0}
    raise TypeError(f"serialize: the sampler {type(s).__name__} can not be written as JSON (supported: "
                    "SequentialSampler, RandomSampler, DistributedSampler, SubsetRandomSampler).")


def _sampler_from(j):
    name = j.get("sampler_name")
    n = j.get("num_samples") or None
    if name == "SequentialSampler":
        return _samplers.SequentialSampler(j.get("start_index", 0), n)
    if name == "RandomSampler":
        return _samplers.RandomSampler(j.get("replacement", False), n)
    if name == "DistributedSampler":
        return _samplers.DistributedSampler(j["num_shards"], j["shard_id"], j.get("shuffle_mode", 2) != 0, n,
                                            j.get("offset", -1))
    if name == "SubsetRandomSampler":
        return _samplers.SubsetRandomSampler(j["indices"], n)
    raise RuntimeError(f"deserialize: unknown sampler_name {name!r} in the JSON pipeline.")


# ------------------------------------------------------------------ transforms
def _size_list(size):
    return [int(size), int(size)] if isinstance(size, int) else [int(v) for v in size]


def _inter_codes():
    from .vision import Inter
    names = ["BILINEAR", "NEAREST", "BICUBIC", "AREA", "PILCUBIC"]
    return {getattr(Inter, n): k for k, n in enumerate(names) if hasattr(Inter, n)}


def _border_codes():
    from .vision import Border
    return {b: k for k, b in enumerate([Border.CONSTANT, Border.EDGE, Border.REFLECT, Border.SYMMETRIC])}


def _f32(x):
    return float(np.float32(x))


def _op_table():
    from . import transforms as T
    from . import vision as V
    inter, border = _inter_codes(), _border_codes()
    inter_of = {k: v for v, k in inter.items()}
    border_of = {k: v for v, k in border.items()}

    def fill(v):
        return [int(v)] * 3 if isinstance(v, int) else [int(x) for x in v]

    return {
        V.Decode: ("Decode", lambda o: {"device_target": "CPU", "rgb": True}, lambda p: V.Decode()),
        V.Resize: ("Resize", lambda o: {"device_target": "CPU", "interpolation": inter[o.interpolation],
                                        "size": [o.size] if isinstance(o.size, int) else [int(v) for v in o.size]},
                   lambda p: V.Resize(p["size"][0] if len(p["size"]) == 1 else p["size"],
                                      inter_of[p.get("interpolation", 0)])),
        V.HWC2CHW: ("HwcToChw", lambda o: None, lambda p: V.HWC2CHW()),
        V.Normalize: ("Normalize", lambda o: {"device_target": "CPU", "is_hwc": bool(o.is_hwc),
                                              "mean": [float(v) for v in o.mean], "std": [float(v) for v in o.std]},
                      lambda p: V.Normalize(p["mean"], p["std"], p.get("is_hwc", True))),
        V.Rescale: ("Rescale", lambda o: {"rescale": float(o.rescale), "shift": float(o.shift)},
                    lambda p: V.Rescale(p["rescale"], p["shift"])),
        V.CenterCrop: ("CenterCrop", lambda o: {"size": _size_list(o.size)}, lambda p: V.CenterCrop(p["size"])),
        V.RandomCrop: ("RandomCrop", lambda o: {"fill_value": fill(o.fill_value),
                                                "pad_if_needed": bool(o.pad_if_needed),
                                                "padding": [int(v) for v in o.padding],
                                                "padding_mode": border[o.padding_mode], "size": _size_list(o.size)},
                       lambda p: V.RandomCrop(p["size"], p.get("padding"), p.get("pad_if_needed", False),
                                              tuple(p.get("fill_value", (0, 0, 0))),
                                              border_of[p.get("padding_mode", 0)])),
        V.RandomHorizontalFlip: ("RandomHorizontalFlip", lambda o: {"prob": _f32(o.prob)},
                                 lambda p: V.RandomHorizontalFlip(p["prob"])),
        V.RandomVerticalFlip: ("RandomVerticalFlip", lambda o: {"prob": _f32(o.prob)},
                               lambda p: V.RandomVerticalFlip(p["prob"])),
        T.TypeCast: ("TypeCast", lambda o: {"data_type": str(o.data_type)}, lambda p: T.TypeCast(p["data_type"])),
        T.OneHot: ("OneHot", lambda o: {"num_classes": int(o.num_classes), "smoothing_rate": float(o.smoothing_rate)},
                   lambda p: T.OneHot(p["num_classes"], p.get("smoothing_rate", 0.0))),
    }


def _op_json(op, table):
    entry = table.get(type(op))
    if entry is not None:
        return {"tensor_op_name": entry[0], "tensor_op_params": entry[1](op)}
    if callable(op) and not hasattr(op, "parse"):
        return {"python_module": getattr(op, "__module__", None), "tensor_op_name": getattr(op, "__name__",
                                                                                           type(op).__name__)}
    raise TypeError(f"serialize: the transform {type(op).__name__} can not be written as JSON yet (supported: "
                    f"{sorted(e[0] for e in table.values())} and Python functions).")


def _op_from(j, table):
    by_name = {e[0]: e[2] for e in table.values()}
    name = j.get("tensor_op_name")
    if "python_module" in j or name not in by_name:
        raise RuntimeError(f"deserialize: the operation {name!r} of the JSON pipeline can not be rebuilt (a Python "
                           f"function, or a transform not among {sorted(by_name)}).")
    return by_name[name](j.get("tensor_op_params") or {})


# ------------------------------------------------------------------ nodes
def _sources():
    from . import sources as S
    from . import text_sources as TS
    return {
        S.ImageFolderDataset: lambda d: {"class_indexing": dict(d.class_indexing or {}), "dataset_dir": d.dataset_dir,
                                         "decode": bool(d.decode), "extensions": list(d.extensions or []),
                                         "recursive": False},
        S.MnistDataset: lambda d: {"dataset_dir": d.dataset_dir, "usage": d.usage},
        S.Cifar10Dataset: lambda d: {"dataset_dir": d.dataset_dir, "usage": d.usage},
        S.Cifar100Dataset: lambda d: {"dataset_dir": d.dataset_dir, "usage": d.usage},
        TS.TextFileDataset: None,
    }


def _node_json(node, table):
    from . import _pipeline as P
    from . import sources as S
    from . import text_sources as TS
    kids = [_node_json(c, table) for c in node.children]
    kind = type(node)
    srcs = _sources()
    if kind is TS.TextFileDataset:
        return {"children": [], "connector_queue_size": _QUEUE, "dataset_files": list(node.dataset_files),
                "num_parallel_workers": _workers(node), "num_samples": node.num_samples or 0,
                "num_shards": node.num_shards or 1, "op_type": "TextFileDataset", "shard_id": node.shard_id or 0,
                "shuffle": {_samplers.Shuffle.FALSE: 0, _samplers.Shuffle.FILES: 1}.get(node.shuffle_mode, 2)}
    if kind in srcs and issubclass(kind, S._MappableSource):
        out = {"children": [], "connector_queue_size": _QUEUE, "num_parallel_workers": _workers(node),
               "op_type": kind.__name__, "sampler": _sampler_json(node.sampler)}
        out.update(srcs[kind](node))
        return out
    simple = {P.RepeatDataset: ("Repeat", lambda n: {"count": n.count}),
              P.SkipDataset: ("Skip", lambda n: {"count": n.count}),
              P.TakeDataset: ("Take", lambda n: {"count": n.count}),
              P.ShuffleDataset: ("Shuffle", lambda n: {"buffer_size": n.buffer_size, "reset_each_epoch": True}),
              P.ProjectDataset: ("Project", lambda n: {"columns": list(n.columns)}),
              P.RenameDataset: ("Rename", lambda n: {"input_columns": list(n.input_columns),
                                                     "output_columns": list(n.output_columns)})}
    if kind in simple:
        name, fields = simple[kind]
        return {"children": kids, "op_type": name, **fields(node)}
    if kind is P.MapDataset:
        return {"callback": [], "children": kids, "connector_queue_size": _QUEUE,
                "input_columns": list(node.input_columns or []), "num_parallel_workers": _workers(node),
                "op_type": "Map", "operations": [_op_json(op, table) for op in node.operations],
                "output_columns": list(node.output_columns or node.input_columns or [])}
    if kind is P.BatchDataset and node.per_batch_map is None and not node.pad_info and isinstance(node.batch_size,
                                                                                                     int):
        return {"batch_size": node.batch_size, "children": kids, "connector_queue_size": _QUEUE,
                "drop_remainder": bool(node.drop_remainder), "input_columns": list(node.input_columns or []),
                "num_parallel_workers": _workers(node), "op_type": "Batch",
                "output_columns": list(node.output_columns or [])}
    if kind is P.ZipDataset:
        return {"children": kids, "connector_queue_size": _QUEUE, "num_parallel_workers": _workers(node),
                "op_type": "Zip"}
    raise TypeError(f"serialize: the pipeline node {kind.__name__} can not be written as JSON (supported: "
                    "ImageFolderDataset, MnistDataset, Cifar10Dataset, Cifar100Dataset, TextFileDataset, map, batch "
                    "without per_batch_map/pad_info, repeat, skip, take, shuffle, project, rename, zip).")


def _node_from(j, table):
    from . import _pipeline as P
    from . import sources as S
    from . import text_sources as TS
    kind = j.get("op_type")
    kids = [_node_from(c, table) for c in j.get("children", [])]
    workers = j.get("num_parallel_workers")
    if kind == "TextFileDataset":
        shuffle = {0: False, 1: _samplers.Shuffle.FILES}.get(j.get("shuffle"), _samplers.Shuffle.GLOBAL)
        shards = j.get("num_shards", 1)
        return TS.TextFileDataset(j["dataset_files"], j.get("num_samples") or None, workers, shuffle,
                                  shards if shards > 1 else None, j.get("shard_id") if shards > 1 else None)
    if kind == "ImageFolderDataset":
        return S.ImageFolderDataset(j["dataset_dir"], num_parallel_workers=workers,
                                    sampler=_sampler_from(j["sampler"]), extensions=j.get("extensions") or None,
                                    class_indexing=j.get("class_indexing") or None, decode=j.get("decode", False))
    if kind in ("MnistDataset", "Cifar10Dataset", "Cifar100Dataset"):
        cls = getattr(S, kind)
        return cls(j["dataset_dir"], j.get("usage"), num_parallel_workers=workers, sampler=_sampler_from(j["sampler"]))
    if kind in ("Repeat", "Skip", "Take", "Shuffle", "Project", "Rename", "Map", "Batch") and len(kids) != 1:
        raise RuntimeError(f"deserialize: the {kind} node of the JSON pipeline should have one child.")
    if kind == "Repeat":
        return kids[0].repeat(j["count"])
    if kind == "Skip":
        return kids[0].skip(j["count"])
    if kind == "Take":
        return kids[0].take(j["count"])
    if kind == "Shuffle":
        return kids[0].shuffle(j["buffer_size"])
    if kind == "Project":
        return kids[0].project(j["columns"])
    if kind == "Rename":
        return kids[0].rename(j["input_columns"], j["output_columns"])
    if kind == "Map":
        return kids[0].map([_op_from(o, table) for o in j.get("operations", [])],
                           input_columns=j.get("input_columns") or None, output_columns=j.get("output_columns") or None,
                           num_parallel_workers=workers)
    if kind == "Batch":
        return kids[0].batch(j["batch_size"], j.get("drop_remainder", False), workers,
                             input_columns=j.get("input_columns") or None,
                             output_columns=j.get("output_columns") or None)
    if kind == "Zip":
        return P.zip_datasets(tuple(kids))
    raise RuntimeError(f"deserialize: the op_type {kind!r} of the JSON pipeline can not be rebuilt.")


def _check_tree(node, seen):
    if id(node) in seen:
        raise ValueError("The data pipeline is not a tree (i.e., one node has 2 consumers)")
    seen.add(id(node))
    for c in node.children:
        _check_tree(c, seen)


def serialize(dataset, json_filepath=""):
    """The pipeline ending at ``dataset`` as the reference's JSON description (a dict); with ``json_filepath`` it is
    also written to that file."""
    _check_tree(dataset, set())
    out = _node_json(dataset, _op_table())
    if json_filepath:
        if not isinstance(json_filepath, str):
            raise TypeError(f"serialize: json_filepath should be a str, but got {type(json_filepath).__name__}.")
        try:
            with open(json_filepath, "w", encoding="utf-8") as f:
                json.dump(out, f, indent=2)
        except OSError as e:
            raise RuntimeError(f"serialize: failed to write the JSON file {json_filepath}: {e}") from None
    return out


def deserialize(input_dict=None, json_filepath=None):
    """The pipeline a JSON description (``input_dict``, or the file ``json_filepath`` that ``serialize`` wrote)
    describes, or None when neither is given."""
    data = None
    table = _op_table()
    if input_dict:
        data = _node_from(input_dict, table)
    if json_filepath:
        if not os.path.isfile(json_filepath):
            raise RuntimeError(f"deserialize: the JSON file {json_filepath} does not exist.")
        with open(json_filepath, encoding="utf-8") as f:
            data = _node_from(json.load(f), table)
    return data


def show(dataset, indentation=2):
    """Log (at INFO level) the JSON description of the pipeline ending at ``dataset``."""
    logger.info(json.dumps(serialize(dataset), indent=indentation))


def compare(pipeline1, pipeline2):
    """Whether the two pipelines have the same JSON description."""
    return serialize(pipeline1) == serialize(pipeline2)

"""MindRecord files written by both MindSpore 2.7.1 (gen_mindrecord.py) and lightspore (test_mindrecord.py) from
the same rows. Each spec: name -> (schema, desc, index fields or None, header size, page size, write calls)."""
import hashlib

import numpy as np


def _mixed_rows():
    rng = np.random.default_rng(7)
    rows = []
    for i in range(5):
        rows.append({
            "label": int(i * 37 - 60),
            "name": f"sample_{i}_é" * (i + 1),
            "score": float(i) / 3.0,
            "weight": float(i) * 0.5,
            "big": int(2 ** 40 + i) if i % 2 else -int(2 ** 33 + i),
            "data": bytes(rng.integers(0, 256, 11 + 7 * i, dtype=np.uint8)),
            "ids": rng.integers(-70000, 70000, 3 + i).astype(np.int64) * np.int64(1 + (i % 3) * 40000),
            "mask": rng.integers(-200, 200, 2 * i + 1).astype(np.int32),
            "feat": rng.standard_normal((2, 3)).astype(np.float32),
            "vec": rng.standard_normal(i + 1).astype(np.float64),
        })
    return rows


MIXED_SCHEMA = {"label": {"type": "int32"}, "name": {"type": "string"}, "score": {"type": "float64"},
                "weight": {"type": "float32"}, "big": {"type": "int64"}, "data": {"type": "bytes"},
                "ids": {"type": "int64", "shape": [-1]}, "mask": {"type": "int32", "shape": [-1]},
                "feat": {"type": "float32", "shape": [2, 3]}, "vec": {"type": "float64", "shape": [-1]}}


def _image_rows(start, n):
    # compressible bytes (the golden files are stored gzipped)
    return [{"image": bytes((np.arange(15000 + 10 * i) * (start + i + 3) % 251).astype(np.uint8)), "label": start + i,
             "file_name": f"img_{start + i}.jpg"} for i in range(n)]


SPECS = {
    "mixed": (MIXED_SCHEMA, "all field kinds", None, 1 << 14, 1 << 15, lambda: [_mixed_rows()[:2],
                                                                               _mixed_rows()[2:]]),
    "pages": ({"image": {"type": "bytes"}, "label": {"type": "int64"}, "file_name": {"type": "string"}},
              "several blob pages", ["label"], 1 << 14, 1 << 15, lambda: [_image_rows(0, 3), _image_rows(3, 2)]),
    "noblob": ({"label": {"type": "int64"}, "x": {"type": "float64"}}, "raw only", None, 1 << 14, 1 << 15,
               lambda: [[{"label": i, "x": i * 1.25} for i in range(4)]]),
    # three shard files sharded3.mindrecord0..2: each write call's rows are split into three runs
    "sharded3": ({"label": {"type": "int64"}, "img": {"type": "bytes"}}, "sharded", None, 1 << 14, 1 << 15,
                 lambda: [[{"label": i, "img": bytes([i, 7])} for i in range(7)],
                          [{"label": 10 + i, "img": bytes([i])} for i in range(2)]], 3),
}


def shard_num(spec):
    return spec[6] if len(spec) > 6 else 1


# MindDataset arguments on the golden files: (name, spec, keyword-arguments expression)
MD_CASES = [
    ("padded", "sharded3", "dict(columns_list=['label', 'img'], padded_sample={'label': -1, 'img': b'\\x09'}, "
                           "num_padded=2)"),
    ("padded_shard", "sharded3", "dict(columns_list=['label', 'img'], padded_sample={'label': -1, 'img': b'\\x09'}, "
                                 "num_padded=3, num_shards=4, shard_id=3)"),
    ("shard_wrap", "sharded3", "dict(num_shards=2, shard_id=1)"),
    ("samples", "mixed", "dict(columns_list=['label', 'ids'], num_samples=3)"),
    ("padded_no_columns", "sharded3", "dict(padded_sample={'label': -1, 'img': b''}, num_padded=1)"),
    ("padded_indivisible", "sharded3", "dict(columns_list=['label'], padded_sample={'label': -1}, num_padded=2, "
                                       "num_shards=4, shard_id=0)"),
]

# schema / row errors: (name, schema, rows) - the writer's error type and message are compared
WRITER_ERRORS = [
    ("schema_type", {"a": {"type": "int16"}}, None),
    ("schema_string_shape", {"a": {"type": "string", "shape": [2]}}, None),
    ("schema_attr", {"a": {"typ": "int32"}}, None),
    ("schema_name", {"a-b": {"type": "int32"}}, None),
    ("schema_empty", {}, None),
    ("rows_all_bad", {"a": {"type": "int32"}, "b": {"type": "float32", "shape": [2]}},
     [{"a": "x", "b": np.zeros(2, np.float32)}, {"a": 1, "b": np.zeros(3, np.float32)}, {"a": 1},
      {"a": 1, "b": np.zeros(2, np.float64)}]),
]


def encode_value(v):
    if isinstance(v, np.ndarray):
        if v.dtype.kind == "S":
            return {"dtype": str(v.dtype), "shape": list(v.shape),
                "bytes": [hashlib.sha256(x).hexdigest() if len(x) > 64 else x.hex() for x in v.reshape(-1).tolist()]}
        return {"dtype": str(v.dtype), "shape": list(v.shape), "values": v.tolist()}
    if isinstance(v, bytes):
        return {"pybytes": v.hex()} if len(v) <= 64 else {"pybytes_sha256": hashlib.sha256(v).hexdigest()}
    return {"py": v, "type": type(v).__name__}

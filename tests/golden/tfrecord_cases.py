"""tf.train.Example records for the TFRecordDataset goldens, built without TensorFlow: the Example messages from
descriptors with the protobuf runtime, the TFRecord framing (length, masked CRC32C) by hand. Used by
gen_tfrecord.py (MindSpore 2.7.1 reads the file) and tests/test_dataset_text_tfrecord.py (lightspore reads it)."""
import struct

import numpy as np
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory


def _example_class():
    fdp = descriptor_pb2.FileDescriptorProto(name="golden_tf/example.proto", package="golden_tf", syntax="proto3")
    F = descriptor_pb2.FieldDescriptorProto
    rep, opt = F.LABEL_REPEATED, F.LABEL_OPTIONAL
    for name, ftype in (("BytesList", F.TYPE_BYTES), ("FloatList", F.TYPE_FLOAT), ("Int64List", F.TYPE_INT64)):
        m = fdp.message_type.add(name=name)
        m.field.add(name="value", number=1, label=rep, type=ftype)
    feat = fdp.message_type.add(name="Feature")
    feat.oneof_decl.add(name="kind")
    for num, (name, tname) in enumerate((("bytes_list", "BytesList"), ("float_list", "FloatList"),
                                         ("int64_list", "Int64List")), 1):
        feat.field.add(name=name, number=num, label=opt, type=F.TYPE_MESSAGE, type_name=f".golden_tf.{tname}",
                       oneof_index=0)
    feats = fdp.message_type.add(name="Features")
    entry = feats.nested_type.add(name="FeatureEntry")
    entry.options.map_entry = True
    entry.field.add(name="key", number=1, label=opt, type=F.TYPE_STRING)
    entry.field.add(name="value", number=2, label=opt, type=F.TYPE_MESSAGE, type_name=".golden_tf.Feature")
    feats.field.add(name="feature", number=1, label=rep, type=F.TYPE_MESSAGE,
                    type_name=".golden_tf.Features.FeatureEntry")
    ex = fdp.message_type.add(name="Example")
    ex.field.add(name="features", number=1, label=opt, type=F.TYPE_MESSAGE, type_name=".golden_tf.Features")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("golden_tf.Example"))


def _crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 & -(crc & 1))
    return crc ^ 0xFFFFFFFF


def _masked(data):
    c = _crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def example_bytes(features):
    """``features``: {name: ("bytes" | "float" | "int64", list of values)}."""
    ex = _example_class()()
    for name, (kind, values) in features.items():
        f = ex.features.feature[name]
        getattr(f, f"{kind}_list").value.extend(values)
    return ex.SerializeToString(deterministic=True)


def frame(record):
    n = struct.pack("<Q", len(record))
    return n + struct.pack("<I", _masked(n)) + record + struct.pack("<I", _masked(record))


def rows(seed=11, n=5):
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        out.append({
            "image": ("bytes", [bytes(rng.integers(0, 256, 6 + i, dtype=np.uint8))]),
            "label": ("int64", [i * 1000 - 2000]),
            "boxes": ("float", [float(v) for v in rng.standard_normal(4).astype(np.float32)]),
            "ids": ("int64", [int(v) for v in rng.integers(-2 ** 40, 2 ** 40, 3)]),
            "text": ("bytes", [f"line {i} é".encode()]),
        })
    return out


def write(path, records=None):
    with open(path, "wb") as f:
        for r in (records if records is not None else rows()):
            f.write(frame(example_bytes(r)))


# (name, expression): evaluated with ds (mindspore.dataset), ms, FILE_A / FILE_B (the two golden files)
CASES = [
    ("plain", "ds.TFRecordDataset(FILE_A, shuffle=False)"),
    ("columns_list", "ds.TFRecordDataset(FILE_A, columns_list=['label', 'text'], shuffle=False)"),
    ("schema_cast_shape", "ds.TFRecordDataset(FILE_A, schema=schema([('label', ms.int64, [1]), "
                          "('boxes', ms.float32, [2, 2]), ('image', ms.uint8, None)]), shuffle=False)"),
    ("schema_string_int32", "ds.TFRecordDataset(FILE_A, schema=schema([('text', ms.string, None), "
                            "('ids', ms.int32, None)]), shuffle=False, num_samples=2)"),
    ("two_files", "ds.TFRecordDataset([FILE_A, FILE_B], columns_list=['label'], shuffle=False)"),
    ("two_files_one_worker", "ds.TFRecordDataset([FILE_B, FILE_A], columns_list=['label', 'ids'], shuffle=False, "
                             "num_parallel_workers=1)"),
    ("shard", "ds.TFRecordDataset([FILE_A, FILE_B], columns_list=['label'], shuffle=False, num_shards=2, "
              "shard_id=1)"),
    ("gzip", "ds.TFRecordDataset(FILE_A + '.gz', columns_list=['label', 'boxes'], shuffle=False, "
             "compression_type='GZIP')"),
    ("zlib", "ds.TFRecordDataset(FILE_B + '.zlib', shuffle=False, compression_type='ZLIB')"),
    ("equal_rows_2_0", "ds.TFRecordDataset([FILE_A, FILE_B], columns_list=['label'], shuffle=False, num_shards=2, "
                       "shard_id=0, shard_equal_rows=True)"),
    ("equal_rows_2_1", "ds.TFRecordDataset([FILE_A, FILE_B], columns_list=['label'], shuffle=False, num_shards=2, "
                       "shard_id=1, shard_equal_rows=True)"),
    ("equal_rows_3_1", "ds.TFRecordDataset([FILE_A, FILE_B], columns_list=['label'], shuffle=False, num_shards=3, "
                       "shard_id=1, shard_equal_rows=True)"),
    ("equal_rows_3_2", "ds.TFRecordDataset([FILE_A, FILE_B], columns_list=['label'], shuffle=False, num_shards=3, "
                       "shard_id=2, shard_equal_rows=True)"),
    ("equal_rows_one_file", "ds.TFRecordDataset(FILE_A, columns_list=['label'], shuffle=False, num_shards=2, "
                            "shard_id=1, shard_equal_rows=True)"),
    ("equal_rows_one_worker", "ds.TFRecordDataset([FILE_A, FILE_B], columns_list=['label'], shuffle=False, "
                              "num_shards=3, shard_id=1, shard_equal_rows=True, num_parallel_workers=1)"),
]

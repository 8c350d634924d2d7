"""TFRecord files of tf.train.Example records, read without TensorFlow.

The Example / Features / Feature messages are built from descriptors with the protobuf runtime (in a private
descriptor pool, so a process that also imports TensorFlow sees no clash); a TFRecord file is a sequence of
``uint64 length, uint32 masked-CRC32C(length), data, uint32 masked-CRC32C(data)`` (little-endian), and both
checksums are verified.
"""
import gzip
import struct
import zlib

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

_PACKAGE = "lightspore_tfrecord"


def _build():
    fdp = descriptor_pb2.FileDescriptorProto(name=f"{_PACKAGE}/example.proto", package=_PACKAGE, syntax="proto3")
    F = descriptor_pb2.FieldDescriptorProto
    rep, opt = F.LABEL_REPEATED, F.LABEL_OPTIONAL
    for name, ftype in (("BytesList", F.TYPE_BYTES), ("FloatList", F.TYPE_FLOAT), ("Int64List", F.TYPE_INT64)):
        fdp.message_type.add(name=name).field.add(name="value", number=1, label=rep, type=ftype)
    feat = fdp.message_type.add(name="Feature")
    feat.oneof_decl.add(name="kind")
    for num, (name, tname) in enumerate((("bytes_list", "BytesList"), ("float_list", "FloatList"),
                                         ("int64_list", "Int64List")), 1):
        feat.field.add(name=name, number=num, label=opt, type=F.TYPE_MESSAGE, type_name=f".{_PACKAGE}.{tname}",
                       oneof_index=0)
    feats = fdp.message_type.add(name="Features")
    entry = feats.nested_type.add(name="FeatureEntry")
    entry.options.map_entry = True
    entry.field.add(name="key", number=1, label=opt, type=F.TYPE_STRING)
    entry.field.add(name="value", number=2, label=opt, type=F.TYPE_MESSAGE, type_name=f".{_PACKAGE}.Feature")
    feats.field.add(name="feature", number=1, label=rep, type=F.TYPE_MESSAGE,
                    type_name=f".{_PACKAGE}.Features.FeatureEntry")
    ex = fdp.message_type.add(name="Example")
    ex.field.add(name="features", number=1, label=opt, type=F.TYPE_MESSAGE, type_name=f".{_PACKAGE}.Features")
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName(f"{_PACKAGE}.Example"))


Example = _build()

_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ (0x82F63B78 if _c & 1 else 0)
    _TABLE.append(_c)
del _i, _c


def crc32c(data):
    crc = 0xFFFFFFFF
    table = _TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def masked_crc(data):
    c = crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def read_records(path, compression_type=None):
    """The record payloads of a TFRecord file (``compression_type``: '' / None, 'GZIP' or 'ZLIB'); a damaged file
    raises RuntimeError naming it and the offset."""
    with open(path, "rb") as f:
        data = f.read()
    if compression_type in ("GZIP", "ZLIB"):
        try:
            data = gzip.decompress(data) if compression_type == "GZIP" else zlib.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            raise RuntimeError(f"Invalid TFRecord file {path}: it is not {compression_type}-compressed data "
                               f"({e}).") from None
    out, pos = [], 0
    while pos < len(data):
        if pos + 12 > len(data):
            raise RuntimeError(f"Invalid TFRecord file {path}: truncated record header at byte {pos}.")
        head = data[pos:pos + 8]
        (n,) = struct.unpack("<Q", head)
        (crc,) = struct.unpack("<I", data[pos + 8:pos + 12])
        if crc != masked_crc(head):
            raise RuntimeError(f"Invalid TFRecord file {path}: the length checksum at byte {pos} does not match "
                               "(not a TFRecord file, or damaged).")
        if pos + 12 + n + 4 > len(data):
            raise RuntimeError(f"Invalid TFRecord file {path}: the record at byte {pos} needs {n} bytes, the file "
                               "is truncated.")
        payload = data[pos + 12:pos + 12 + n]
        (dcrc,) = struct.unpack("<I", data[pos + 12 + n:pos + 16 + n])
        if dcrc != masked_crc(payload):
            raise RuntimeError(f"Invalid TFRecord file {path}: the data checksum of the record at byte {pos} does "
                               "not match (damaged file).")
        out.append(payload)
        pos += 16 + n
    return out


def parse_example(payload, path):
    """{name: (kind, values)} of one serialized tf.train.Example."""
    ex = Example()
    try:
        ex.ParseFromString(payload)
    except Exception as e:  # noqa: BLE001 - protobuf's DecodeError and friends
        raise RuntimeError(f"Invalid TFRecord file {path}: a record is not a tf.train.Example ({e}).") from None
    out = {}
    for name, feat in ex.features.feature.items():
        kind = feat.WhichOneof("kind")
        out[name] = (kind, list(getattr(feat, kind).value) if kind else [])
    return out

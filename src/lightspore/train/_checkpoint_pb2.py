"""The protobuf messages of MindSpore's ``.ckpt`` files, built at import with the protobuf runtime.

Wire layout (proto2)::

    message Checkpoint {
      message Value {
        required string tag = 1;
        oneof value { TensorProto tensor = 2; MapTensorProto maptensor = 3; }
      }
      repeated Value value = 1;
    }
    message TensorProto {
      repeated int64 dims = 1;             // proto2: not packed
      required string tensor_type = 2;     // "Float32", "BFloat16", ..., or "str"
      required bytes tensor_content = 3;   // raw little-endian element bytes
    }
    message MapTensorProto { repeated TensorProto tensor = 1; }

Only field numbers, types and labels reach the wire; the message names live in a private descriptor
pool, so importing real MindSpore in the same process never clashes with these.
"""
from __future__ import annotations

from google.protobuf import descriptor_pb2

from .._proto import message_classes

__all__ = ["Checkpoint", "TensorProto", "MapTensorProto"]

_PACKAGE = "lightspore_ckpt"


def _build():
    fdp = descriptor_pb2.FileDescriptorProto(
        name="lightspore_ckpt/checkpoint.proto", package=_PACKAGE, syntax="proto2")
    F = descriptor_pb2.FieldDescriptorProto
    req, opt, rep = F.LABEL_REQUIRED, F.LABEL_OPTIONAL, F.LABEL_REPEATED

    def ref(name):
        return f".{_PACKAGE}.{name}"

    ckpt = fdp.message_type.add(name="Checkpoint")
    ckpt.field.add(name="value", number=1, label=rep, type=F.TYPE_MESSAGE, type_name=ref("Checkpoint.Value"))
    value = ckpt.nested_type.add(name="Value")
    value.oneof_decl.add(name="value")
    value.field.add(name="tag", number=1, label=req, type=F.TYPE_STRING)
    value.field.add(name="tensor", number=2, label=opt, type=F.TYPE_MESSAGE,
                    type_name=ref("TensorProto"), oneof_index=0)
    value.field.add(name="maptensor", number=3, label=opt, type=F.TYPE_MESSAGE,
                    type_name=ref("MapTensorProto"), oneof_index=0)

    tensor = fdp.message_type.add(name="TensorProto")
    tensor.field.add(name="dims", number=1, label=rep, type=F.TYPE_INT64)
    tensor.field.add(name="tensor_type", number=2, label=req, type=F.TYPE_STRING)
    tensor.field.add(name="tensor_content", number=3, label=req, type=F.TYPE_BYTES)

    maptensor = fdp.message_type.add(name="MapTensorProto")
    maptensor.field.add(name="tensor", number=1, label=rep, type=F.TYPE_MESSAGE, type_name=ref("TensorProto"))

    return message_classes(fdp, ("Checkpoint", "TensorProto", "MapTensorProto"))


Checkpoint, TensorProto, MapTensorProto = _build()

"""The protobuf messages of MindSpore's parallel strategy files (``strategy_ckpt_save_file``), built at import
with the protobuf runtime in a private pool (field numbers, types and labels are what reach the wire)::

    message DevMatrix { repeated uint32 dim = 1; }
    message TensorMap { repeated int32 dim = 1; }
    message ParamSplitShape { repeated int64 dim = 1; }
    message IndicesOffset { repeated int64 dim = 1; }
    message ParallelLayouts {
      repeated DevMatrix dev_matrix = 1; repeated TensorMap tensor_map = 2;
      repeated ParamSplitShape param_split_shape = 3; repeated IndicesOffset indices_offset = 4;
      required int32 field = 5; required int32 opt_weight_shard_step = 6; required int32 opt_weight_shard_size = 7;
    }
    message ParallelLayoutItem { required string param_name = 1; required ParallelLayouts parallel_layouts = 2; }
    message ParallelStrategyMap {
      required uint32 current_stage = 1; repeated ... parallel_strategy_item = 2;   // not read here
      repeated ParallelLayoutItem parallel_layout_item = 3;
    }
"""
from google.protobuf import descriptor_pb2

from .._proto import message_classes

__all__ = ["ParallelLayouts", "ParallelStrategyMap"]

_PACKAGE = "lightspore_strategy"


def _build():
    fdp = descriptor_pb2.FileDescriptorProto(name="lightspore_strategy/node_strategy.proto", package=_PACKAGE,
                                             syntax="proto2")
    F = descriptor_pb2.FieldDescriptorProto
    req, rep = F.LABEL_REQUIRED, F.LABEL_REPEATED

    def ref(name):
        return f".{_PACKAGE}.{name}"

    for name, kind in (("DevMatrix", F.TYPE_UINT32), ("TensorMap", F.TYPE_INT32), ("ParamSplitShape", F.TYPE_INT64),
                       ("IndicesOffset", F.TYPE_INT64)):
        fdp.message_type.add(name=name).field.add(name="dim", number=1, label=rep, type=kind)
    layouts = fdp.message_type.add(name="ParallelLayouts")
    for number, (name, sub) in enumerate((("dev_matrix", "DevMatrix"), ("tensor_map", "TensorMap"),
                                          ("param_split_shape", "ParamSplitShape"),
                                          ("indices_offset", "IndicesOffset")), start=1):
        layouts.field.add(name=name, number=number, label=rep, type=F.TYPE_MESSAGE, type_name=ref(sub))
    for number, name in ((5, "field"), (6, "opt_weight_shard_step"), (7, "opt_weight_shard_size")):
        layouts.field.add(name=name, number=number, label=req, type=F.TYPE_INT32)
    item = fdp.message_type.add(name="ParallelLayoutItem")
    item.field.add(name="param_name", number=1, label=req, type=F.TYPE_STRING)
    item.field.add(name="parallel_layouts", number=2, label=req, type=F.TYPE_MESSAGE, type_name=ref("ParallelLayouts"))
    smap = fdp.message_type.add(name="ParallelStrategyMap")
    smap.field.add(name="current_stage", number=1, label=req, type=F.TYPE_UINT32)
    smap.field.add(name="parallel_layout_item", number=3, label=rep, type=F.TYPE_MESSAGE,
                   type_name=ref("ParallelLayoutItem"))
    return message_classes(fdp, ("ParallelLayouts", "ParallelStrategyMap"))


ParallelLayouts, ParallelStrategyMap = _build()

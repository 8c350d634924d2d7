"""The protobuf messages of MindSpore's MindIR files (``.mindir``), built at import with the protobuf runtime.

A MindIR file is one serialized ``ModelProto`` (proto2, package ``mind_ir``). The parts lightspore reads and writes::

    ModelProto      1 ir_version  2 producer_name  3 producer_version  4 domain  5 model_version  6 doc_string
                    7 graph: GraphProto  8 functions: GraphProto*  9 preprocessor  10 little_endian
                    11 parallel  12 primitives: PrimitiveProto*  13 mind_ir_version
                    14 user_info: UserInfoEntry* (key, value); a map<string, string> in 2.10
    GraphProto      1 node: NodeProto*  2 name  3 parameter: TensorProto*  4 doc_string  5 input: ValueInfoProto*
                    6 output: ValueInfoProto*  7 bprop_hash  8 attribute: AttributeProto*  9 bprop_filepath
                    10 map_parameter: MapTensorProto*
    NodeProto       1 input*  2 output*  3 name  4 op_type ("Constant" or "REF::<primitive or graph name>")
                    5 attribute*  6 doc_string  7 domain  8 node_attr*  9 primal_attr*
    PrimitiveProto  1 name  2 op_type  3 attribute*  4 instance_name  5 prim_type (1 PRIMITIVE, 2 PRIMITIVE_FUNCTION)
    TensorProto     1 dims*  2 data_type  ... 7 name  9 raw_data  13 ref_key ...
    AttributeProto  1 name  2 f  3 i  4 d  5 s  6 t  7 g  8 floats*  9 doubles*  10 ints*  11 strings*
                    12 tensors*  13 graphs*  16 type  17 values*  18 seq_info ...

Only field numbers, types and labels reach the wire; the message names live in a private descriptor pool, so
importing real MindSpore in the same process never clashes with these.
"""
from __future__ import annotations

from google.protobuf import descriptor_pb2

from .._proto import message_classes

__all__ = ["ModelProto", "ModelProto210", "model_proto", "GraphProto", "NodeProto", "AttributeProto", "TensorProto",
           "ValueInfoProto", "PrimitiveProto", "ATTR", "DTYPE"]

_PACKAGE = "lightspore_mindir"

# AttributeProto.AttributeType and TensorProto.DataType: (name, number), in the file's order
_ATTR_TYPES = ("UNDEFINED FLOAT UINT8 INT8 UINT16 INT16 INT32 INT64 STRING BOOL FLOAT16 DOUBLE UINT32 UINT64 "
               "COMPLEX64 COMPLEX128 BFLOAT16 TENSOR GRAPH TENSORS TUPLE LIST DICT UMONAD IOMONAD NONE "
               "PRIMITIVECLOSURE FUNCGRAPHCLOSURE PARTIALCLOSURE UNIONFUNCCLOSURE CSR_TENSOR COO_TENSOR ROW_TENSOR "
               "CLASS_TYPE NAME_SPACE SYMBOL TYPE_NULL MAP_TENSOR FUNCTOR SCALAR SCALAR_GRAPH_HOLDER").split()
_DATA_TYPES = ("UNDEFINED FLOAT UINT8 INT8 UINT16 INT16 INT32 INT64 STRING BOOL FLOAT16 DOUBLE UINT32 UINT64 "
               "COMPLEX64 COMPLEX128 BFLOAT16 FLOAT64 QINT4X2").split()
ATTR = {n: i for i, n in enumerate(_ATTR_TYPES)}
DTYPE = {n: i for i, n in enumerate(_DATA_TYPES)}

# message -> [(field, number, label, type, message-or-enum type name)]; label o/r/q, type as protobuf's TYPE_*
_MESSAGES = {
    "AttributeProto": [
        ("name", 1, "o", "STRING"), ("f", 2, "o", "FLOAT"), ("i", 3, "o", "INT64"), ("d", 4, "o", "DOUBLE"),
        ("s", 5, "o", "BYTES"), ("t", 6, "o", "MESSAGE", "TensorProto"), ("g", 7, "o", "MESSAGE", "GraphProto"),
        ("floats", 8, "r", "FLOAT"), ("doubles", 9, "r", "DOUBLE"), ("ints", 10, "r", "INT64"),
        ("strings", 11, "r", "BYTES"), ("tensors", 12, "r", "MESSAGE", "TensorProto"),
        ("graphs", 13, "r", "MESSAGE", "GraphProto"), ("doc_string", 14, "o", "STRING"),
        ("ref_attr_name", 15, "o", "STRING"), ("type", 16, "o", "ENUM", "AttributeProto.AttributeType"),
        ("values", 17, "r", "MESSAGE", "AttributeProto"),
        ("seq_info", 18, "o", "MESSAGE", "AttributeProto.SeqInfoProto"),
        ("functor", 19, "o", "MESSAGE", "FunctorProto"), ("graph_holder", 20, "o", "MESSAGE", "ScalarGraphHolderProto"),
    ],
    "AttributeProto.SeqInfoProto": [("is_dyn_len", 1, "o", "BOOL"),
                                    ("tuple_elem_item", 2, "o", "MESSAGE", "AttributeProto")],
    "FunctorProto": [("type", 1, "o", "ENUM", "FunctorProto.FunctorType"), ("name", 2, "o", "STRING"),
                     ("values", 3, "r", "MESSAGE", "AttributeProto")],
    "ValueInfoProto": [("name", 1, "o", "STRING"), ("tensor", 2, "r", "MESSAGE", "TensorProto"),
                       ("doc_string", 3, "o", "STRING"), ("denotation", 4, "o", "STRING"),
                       ("attr_info", 5, "o", "MESSAGE", "AttributeProto")],
    "NodeProto": [("input", 1, "r", "STRING"), ("output", 2, "r", "STRING"), ("name", 3, "o", "STRING"),
                  ("op_type", 4, "o", "STRING"), ("attribute", 5, "r", "MESSAGE", "AttributeProto"),
                  ("doc_string", 6, "o", "STRING"), ("domain", 7, "o", "STRING"),
                  ("node_attr", 8, "r", "MESSAGE", "AttributeProto"),
                  ("primal_attr", 9, "r", "MESSAGE", "AttributeProto")],
    "ModelProto": [("ir_version", 1, "o", "STRING"), ("producer_name", 2, "o", "STRING"),
                   ("producer_version", 3, "o", "STRING"), ("domain", 4, "o", "STRING"),
                   ("model_version", 5, "o", "STRING"), ("doc_string", 6, "o", "STRING"),
                   ("graph", 7, "o", "MESSAGE", "GraphProto"), ("functions", 8, "r", "MESSAGE", "GraphProto"),
                   ("preprocessor", 9, "o", "MESSAGE", "PreprocessorProto"), ("little_endian", 10, "o", "BOOL"),
                   ("parallel", 11, "o", "MESSAGE", "ParallelProto"),
                   ("primitives", 12, "r", "MESSAGE", "PrimitiveProto"), ("mind_ir_version", 13, "o", "INT64"),
                   ("user_info", 14, "r", "MESSAGE", "ModelProto.UserInfoEntry")],
    "ModelProto.UserInfoEntry": [("key", 1, "o", "STRING"), ("value", 2, "o", "STRING")],
    "PreprocessorProto": [("op", 1, "r", "MESSAGE", "PreprocessOpProto")],
    "PreprocessOpProto": [("input_columns", 1, "o", "STRING"), ("output_columns", 2, "o", "STRING"),
                          ("project_columns", 3, "o", "STRING"), ("op_type", 4, "o", "STRING"),
                          ("operations", 5, "o", "STRING"), ("offload", 6, "o", "BOOL")],
    "GraphProto": [("node", 1, "r", "MESSAGE", "NodeProto"), ("name", 2, "o", "STRING"),
                   ("parameter", 3, "r", "MESSAGE", "TensorProto"), ("doc_string", 4, "o", "STRING"),
                   ("input", 5, "r", "MESSAGE", "ValueInfoProto"), ("output", 6, "r", "MESSAGE", "ValueInfoProto"),
                   ("bprop_hash", 7, "o", "STRING"), ("attribute", 8, "r", "MESSAGE", "AttributeProto"),
                   ("bprop_filepath", 9, "o", "STRING"), ("map_parameter", 10, "r", "MESSAGE", "MapTensorProto")],
    "TensorProto": [("dims", 1, "r", "INT64"), ("data_type", 2, "o", "INT32"), ("float_data", 3, "r", "FLOAT"),
                    ("int32_data", 4, "r", "INT32"), ("string_data", 5, "r", "BYTES"),
                    ("int64_data", 6, "r", "INT64"), ("name", 7, "o", "STRING"), ("doc_string", 8, "o", "STRING"),
                    ("raw_data", 9, "o", "BYTES"), ("double_data", 10, "r", "DOUBLE"),
                    ("uint64_data", 11, "r", "UINT64"),
                    ("external_data", 12, "o", "MESSAGE", "TensorProto.ExternalDataProto"),
                    ("ref_key", 13, "o", "STRING"), ("min_dims", 14, "r", "INT64"), ("max_dims", 15, "r", "INT64"),
                    ("compression_type", 16, "o", "ENUM", "TensorProto.CompressionType"),
                    ("quant_params", 17, "r", "MESSAGE", "TensorProto.QuantParamProto")],
    "TensorProto.ExternalDataProto": [("location", 1, "o", "STRING"), ("offset", 2, "o", "INT64"),
                                      ("length", 3, "o", "INT64")],
    "TensorProto.QuantParamProto": [("quant_algo_name", 1, "q", "STRING"),
                                    ("attribute", 2, "r", "MESSAGE", "AttributeProto")],
    "MapTensorProto": [("name", 1, "q", "STRING"), ("default_value", 2, "q", "MESSAGE", "AttributeProto"),
                       ("key_tensor", 3, "q", "MESSAGE", "TensorProto"),
                       ("value_tensor", 4, "q", "MESSAGE", "TensorProto"),
                       ("status_tensor", 5, "q", "MESSAGE", "TensorProto")],
    "ParallelProto": [("layout", 1, "r", "MESSAGE", "LayoutProto")],
    "LayoutProto": [("name", 1, "o", "STRING"), ("device_arrangement_int", 2, "r", "INT64"),
                    ("tensor_map_int", 3, "r", "INT64"), ("slice_shape_int", 4, "r", "INT64"),
                    ("field_size", 5, "o", "INT64"), ("uniform_split", 6, "o", "BOOL"),
                    ("opt_shard_group", 7, "o", "STRING"), ("pipeline_shared", 8, "o", "BOOL"),
                    ("is_send", 9, "o", "BOOL"), ("peer_rank", 10, "o", "INT64"), ("sr_tag", 11, "o", "INT64"),
                    ("opt_shard_slice_shape_int", 12, "r", "INT64")],
    "PrimitiveProto": [("name", 1, "o", "STRING"), ("op_type", 2, "o", "STRING"),
                       ("attribute", 3, "r", "MESSAGE", "AttributeProto"), ("instance_name", 4, "o", "STRING"),
                       ("prim_type", 5, "o", "ENUM", "PrimitiveProto.PrimType")],
    "ScalarNodeProto": [("scalar_op_type", 1, "o", "INT64"), ("in_index", 2, "r", "INT64"),
                        ("value", 3, "r", "INT64")],
    "ScalarGraphHolderProto": [("scalar_node", 1, "r", "MESSAGE", "ScalarNodeProto"),
                               ("input_shape_index", 2, "r", "UINT64")],
}
_ENUMS = {
    "Version": [("IR_VERSION_START", 0), ("IR_VERSION", 1), ("IR_VERSION_WITH_PRIM_FUNCTION", 2),
                ("IR_VERSION_WITH_SCALAR_GRAPH_HOLDER", 3)],
    "AttributeProto.AttributeType": list(ATTR.items()),
    "FunctorProto.FunctorType": [("SHAPE_CALC_FUNCTOR", 1), ("ANY_FUNCTOR", 2)],
    "TensorProto.DataType": list(DTYPE.items()),
    "TensorProto.CompressionType": [("NO_COMPRESSION", 0), ("INDEXING", 1), ("SPARSE", 2), ("FSE", 3),
                                    ("BIT_PACKING", 4), ("FSE_INT", 5), ("FSE_INFER", 6)],
    "PrimitiveProto.PrimType": [("PRIMITIVE", 1), ("PRIMITIVE_FUNCTION", 2)],
}


def _build(package, user_info_map):
    fdp = descriptor_pb2.FileDescriptorProto(name=f"{package}/mind_ir.proto", package=package, syntax="proto2")
    F = descriptor_pb2.FieldDescriptorProto
    labels = {"o": F.LABEL_OPTIONAL, "r": F.LABEL_REPEATED, "q": F.LABEL_REQUIRED}
    protos = {}
    for full in _MESSAGES:             # parents are listed before their nested messages
        outer, _, inner = full.rpartition(".")
        protos[full] = (protos[outer].nested_type if outer else fdp.message_type).add(name=inner)
    for full, values in _ENUMS.items():
        outer, _, inner = full.rpartition(".")
        enum = (protos[outer].enum_type if outer else fdp.enum_type).add(name=inner)
        for name, number in values:
            enum.value.add(name=name, number=number)
    for full, fields in _MESSAGES.items():
        for name, number, label, kind, *ref in fields:
            f = protos[full].field.add(name=name, number=number, label=labels[label],
                                       type=getattr(F, "TYPE_" + kind))
            if ref:
                f.type_name = f".{package}.{ref[0]}"
    if user_info_map:       # 2.10's generated module: ModelProto.user_info is a map<string, string>
        protos["ModelProto.UserInfoEntry"].options.map_entry = True
    return dict(zip(_MESSAGES, message_classes(fdp, _MESSAGES)))


_CLASSES = _build(_PACKAGE, False)
ModelProto = _CLASSES["ModelProto"]           # 2.7.1's layout: user_info is a repeated (key, value) entry
ModelProto210 = _build(_PACKAGE + "_v210", True)["ModelProto"]     # the same wire format; user_info a map
GraphProto = _CLASSES["GraphProto"]
NodeProto = _CLASSES["NodeProto"]
AttributeProto = _CLASSES["AttributeProto"]
TensorProto = _CLASSES["TensorProto"]
ValueInfoProto = _CLASSES["ValueInfoProto"]
PrimitiveProto = _CLASSES["PrimitiveProto"]


def model_proto():
    """The ModelProto class of the release followed (2.7.1 and 2.10 differ only in how ``user_info`` reads)."""
    from .. import _release
    return ModelProto210 if _release.follows_2_10("load_mindir") else ModelProto

"""The protobuf-level checkpoint helpers of ``mindspore.train.serialization`` that model libraries import.

mindnlp's ``_legacy.utils`` (and other code written against older releases) reads ``.ckpt`` files itself:
``_parse_ckpt_proto`` gives the parsed ``Checkpoint`` message (every ``Value`` with its ``tag`` and its
``tensor``/``maptensor``), ``tensor_to_np_type``/``tensor_to_ms_type`` map a tensor's type name to numpy and
MindSpore dtypes, ``_load_map_parameter`` assembles a map parameter's arrays. Re-exported by
``train/serialization.py``; the file format itself lives in ``_ckpt_format``.
"""
import numpy as np

from ..common import dtype as mstype
from . import _ckpt_format as fmt

__all__ = []

_tensor_to_np_type = {
    "Int8": np.int8, "UInt8": np.uint8, "Int16": np.int16, "UInt16": np.uint16, "Int32": np.int32,
    "UInt32": np.uint32, "Int64": np.int64, "UInt64": np.uint64, "Float16": np.float16, "Float32": np.float32,
    "Float64": np.float64, "Bool": np.bool_, "str": "U",
}

tensor_to_ms_type = {
    "Int8": mstype.int8, "UInt8": mstype.uint8, "Int16": mstype.int16, "UInt16": mstype.uint16,
    "Int32": mstype.int32, "UInt32": mstype.uint32, "Int64": mstype.int64, "UInt64": mstype.uint64,
    "Float16": mstype.float16, "Float32": mstype.float32, "Float64": mstype.float64, "Bool": mstype.bool_,
    "str": mstype.string, "BFloat16": mstype.bfloat16, "Int4": mstype.qint4x2,
}

np_type_convert = {"int32": np.int32, "float32": np.float32, "float16": np.float16, "float64": np.float64}


def tensor_to_np_type(tensor_type_str):
    """The numpy type of a checkpoint tensor type name (None for a name without one)."""
    if tensor_type_str == "BFloat16":   # numpy has no bfloat16 here
        raise TypeError("The Numpy bfloat16 data type is not supported now, please ensure that the current Numpy "
                        "version is not less than the version when the mindspore is compiled, and the major "
                        "versions are same.")
    return _tensor_to_np_type.get(tensor_type_str)


def _parse_ckpt_proto(ckpt_file_name, dec_key, dec_mode, crc_check):
    """The ``Checkpoint`` message of a .ckpt file (decrypted with ``dec_key``/``dec_mode`` when a key is given;
    the crc trailer checked when ``crc_check``)."""
    data = fmt._read_file(ckpt_file_name)
    if dec_key is not None:
        data = fmt.decrypt_stream(data, dec_key, dec_mode, ckpt_file_name)
    body = fmt._split_crc(data, ckpt_file_name, crc_check)
    msg = fmt._pb().Checkpoint()
    try:
        msg.ParseFromString(bytes(body))
    except Exception as e:  # google.protobuf.message.DecodeError
        raise ValueError(f"Failed to read the checkpoint file {ckpt_file_name}. The file may be corrupted, and the "
                         "content cannot be parsed.") from e
    return msg


def _load_map_parameter(checkpoint_list, element, element_id, map_data_list, map_shape_list, parameter_dict):
    """Collect one map-parameter ``element`` of ``checkpoint_list``; on the last piece of its tag, store the
    list of its assembled arrays (keys, values, status) in ``parameter_dict[tag]``."""
    values = checkpoint_list.value
    last_piece = element_id == len(values) - 1 or element.tag != values[element_id + 1].tag
    arrays = []
    for index, tensor in enumerate(element.maptensor.tensor):
        np_type = np_type_convert.get(tensor.tensor_type)
        map_data_list[index].append(np.frombuffer(tensor.tensor_content, np_type))
        if not last_piece:
            map_shape_list[index] += tensor.dims[0]
            continue
        dims = list(tensor.dims)
        dims[0] += map_shape_list[index]
        arrays.append(np.frombuffer(b"".join(a.tobytes() for a in map_data_list[index]), np_type).reshape(dims))
    if last_piece:
        parameter_dict[element.tag] = arrays

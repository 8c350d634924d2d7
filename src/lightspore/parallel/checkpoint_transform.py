"""``mindspore.parallel.checkpoint_transform``: reading training strategy files (``build_searched_strategy``)
and merging a parameter's per-rank slices into the whole parameter (``merge_sliced_parameter``)."""
import json
import os

import numpy as np

from ..common import dtype as mstype
from ..common.parameter import Parameter
from ..common.tensor import Tensor
from . import _strategy_pb2

__all__ = ["build_searched_strategy", "merge_sliced_parameter"]


def _check_strategy_file(strategy_filename):
    if not isinstance(strategy_filename, str):
        raise TypeError(f"For 'build_searched_strategy', the argument 'strategy_filename' should be string, "
                        f"but got {type(strategy_filename)}.")
    if not os.path.isfile(strategy_filename):
        raise ValueError(f"For 'build_searched_strategy', no such strategy file: {strategy_filename}. "
                         f"Please check whether the 'strategy_filename' exists.")
    if os.path.getsize(strategy_filename) == 0:
        raise ValueError(f"For 'build_searched_strategy', the strategy file {strategy_filename} should not "
                         f"be empty. Please check whether the 'strategy_filename' is correct.")


def _json_layouts(item):
    layout = _strategy_pb2.ParallelLayouts()
    layout.field = item.get("field")
    layout.opt_weight_shard_size = item.get("opt_weight_shard_size")
    layout.opt_weight_shard_step = item.get("opt_weight_shard_step")
    for key in ("dev_matrix", "tensor_map", "param_split_shape", "indices_offset"):
        entry = getattr(layout, key).add()
        entry.dim.extend(item.get(key, []))
    return layout


def build_searched_strategy(strategy_filename):
    """The layout of every parameter in a training strategy file (protobuf, or JSON when the name ends in
    ``.json``): {parameter name: ParallelLayouts (dev_matrix, tensor_map, param_split_shape, field, ...)}."""
    if strategy_filename is None:
        return strategy_filename
    _check_strategy_file(strategy_filename)
    if strategy_filename[-5:] == ".json":
        with open(strategy_filename) as f:
            content = json.load(f)
        if "parallel_layout_item" not in content:
            return {}
        return {name: _json_layouts(item) for name, item in content["parallel_layout_item"].items()}
    smap = _strategy_pb2.ParallelStrategyMap()
    with open(strategy_filename, "rb") as f:
        data = f.read()
    try:
        smap.ParseFromString(data)
    except Exception as e:  # noqa: BLE001 - protobuf's DecodeError and friends
        raise TypeError("The strategy file type should be one of json or protobuf. When the file name extension "
                        "is not '.json', the file is considered as a protobuf file.") from e
    return {item.param_name: item.parallel_layouts for item in smap.parallel_layout_item}


def _slice_index(rank, dev_mat, tensor_map, tensor_strategy):
    """Which slice of the whole tensor device ``rank`` holds (the reference's rank -> device coordinate ->
    tensor coordinate -> slice number)."""
    coord = np.unravel_index(rank, dev_mat)
    tensor_coord = [0 if m == -1 else int(coord[len(dev_mat) - 1 - m]) for m in tensor_map]
    return int(np.ravel_multi_index(tensor_coord, tensor_strategy))


def _assemble(slices, tensor_strategy):
    """Concatenate the slices (in slice order) into the whole tensor, axis by axis from the last."""
    for axis in reversed(range(len(tensor_strategy))):
        n = tensor_strategy[axis]
        slices = [np.concatenate(slices[j * n:(j + 1) * n], axis=axis) for j in range(len(slices) // n)]
    return slices[0]


def _merge_with_weight(data, dev_mat, field_size):
    """A field-sliced embedding: each column regrouped per field across the devices."""
    count = int(np.prod(dev_mat))
    parts = np.split(data, count, axis=0)
    cols = []
    for i in range(parts[0].shape[1]):
        cols.append(np.concatenate([p[:, i].reshape(field_size, -1) for p in parts], axis=1).reshape(-1, 1))
    return np.concatenate(cols, axis=1)


def _merge_param_with_strategy(sliced_data, name, strategy, is_even):
    layout = strategy.get(name)
    try:
        dev_mat = list(layout.dev_matrix[0].dim)
        tensor_map = list(layout.tensor_map[0].dim)
        split_shape = list(layout.param_split_shape[0].dim)
        field_size = int(layout.field)
    except Exception as e:  # noqa: BLE001 - a malformed layout, as the reference words it
        raise ValueError(f"{e}. For 'merge_sliced_parameter', please make sure that 'strategy' is correct.") from e
    device_count = int(np.prod(dev_mat))
    if len(sliced_data) != device_count:
        raise ValueError(f"For 'merge_sliced_parameter', the length of 'sliced_parameters' should be equal to "
                         f"device_count. The length of 'sliced_parameters' is {len(sliced_data)}, but "
                         f"device_count is {device_count}.")
    tensor_strategy = [1 if m == -1 else dev_mat[-m - 1] for m in tensor_map]
    slice_count = int(np.prod(tensor_strategy))
    ordered = [None] * slice_count
    if not split_shape:
        if not is_even:
            raise ValueError("For 'merge_sliced_parameter', the shape of every parameter in 'sliced_parameters' "
                             "should be the same when slice manner is even.")
        if field_size > 0:
            return _merge_with_weight(np.concatenate(sliced_data), dev_mat, field_size)
    elif len(split_shape) != slice_count:
        raise ValueError(f"For 'merge_sliced_parameter', the param_split_shape length in 'strategy' should be "
                         f"{slice_count}, but got {len(split_shape)}.")
    for rank in range(device_count):
        idx = _slice_index(rank, dev_mat, tensor_map, tensor_strategy)
        if split_shape and sliced_data[rank].shape[0] != split_shape[idx]:
            raise ValueError(f"For 'merge_sliced_parameter', the slice {idx} should be {split_shape[idx]} in 0 axis, "
                             f"but got {sliced_data[rank].shape[0]}.")
        ordered[idx] = sliced_data[rank]
    return _assemble(ordered, tensor_strategy)


def merge_sliced_parameter(sliced_parameters, strategy=None):
    """Merge one parameter's slices (a list of Parameters in rank order) into the whole Parameter: along axis 0
    without ``strategy``, else by the parameter's layout in ``strategy`` (from ``build_searched_strategy``)."""
    if not isinstance(sliced_parameters, list):
        raise TypeError(f"For 'merge_sliced_parameter', the argument 'sliced_parameters' should be list, "
                        f"but got {type(sliced_parameters)}.")
    if not sliced_parameters:
        raise ValueError("For 'merge_sliced_parameter', the argument 'sliced_parameters' should not be empty.")
    if strategy and not isinstance(strategy, dict):
        raise TypeError(f"For 'merge_sliced_parameter', the argument 'strategy' should be dict, "
                        f"but got {type(strategy)}.")
    first = sliced_parameters[0]
    if not isinstance(first, Parameter):
        raise TypeError(f"For 'merge_sliced_parameter', the element in 'sliced_parameters' should be 'Parameter', "
                        f"but got {type(first)} at index 0.")
    name, shape = first.name, first.shape
    is_even = True
    for index, p in enumerate(sliced_parameters):
        if not isinstance(p, Parameter):
            raise TypeError(f"For 'merge_sliced_parameter', the element in 'sliced_parameters' should be "
                            f"'Parameter', but got {type(p)} at index {index}.")
        if p.name != name or len(p.shape) != len(shape) or p.shape[1:] != shape[1:]:
            raise ValueError(f"For 'merge_sliced_parameter', please make sure that the elements in "
                             f"'slice_parameters' have the same name, dimension length and shape except 0 axis. The "
                             f"name, dimension length, shape except 0 axis should be {name}, {len(shape)}, "
                             f"{shape[1:]}, but got name: {p.name}, dimension length: {len(p.shape)}, shape except "
                             f"0 axis: {p.shape[1:]} at index {index}.")
        if p.shape != shape:
            is_even = False
    data = [(p.astype(mstype.float32) if p.dtype == mstype.bfloat16 else p).asnumpy() for p in sliced_parameters]
    if not strategy:
        merged = np.concatenate(data)
    else:
        if name not in strategy:
            raise KeyError(f"For 'merge_sliced_parameter', the parameter name {name} should be a key in the "
                           f"'strategy'. Please check 'sliced_parameter' and 'strategy'.")
        merged = _merge_param_with_strategy(data, name, strategy, is_even)
    return Parameter(Tensor(merged), name, first.requires_grad, first.layerwise_parallel)

"""``save_checkpoint`` / ``load_checkpoint`` / ``load_param_into_net`` and friends (MindSpore 2.7.1).

Files are MindSpore's own (``.ckpt`` protobuf or ``.safetensors``), bit-exact in both directions; the
file layer is ``_ckpt_format``. Beyond MindSpore: :func:`to_torch_state_dict` /
:func:`load_torch_state_dict` move weights between a lightspore net and PyTorch, and
``python -m lightspore.convert IN OUT`` converts between ``.ckpt``, ``.safetensors`` and torch ``.pt``.

Safety beyond the reference:

* writes are atomic (temp file beside the target, fsync, rename): a crash or ``kill -9`` leaves the
  old file or the new one, never a truncated one (MindSpore deletes the old file first);
* ``load_param_into_net`` checks every shape and dtype before it assigns any parameter, so a bad
  checkpoint leaves the net untouched (MindSpore may have assigned some parameters when it raises);
* ``crc_check`` together with ``enc_key`` raises ``ValueError`` (MindSpore writes a file it then
  cannot load).
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing as mp
import os
import re
import threading
from collections import OrderedDict

import numpy as np
import torch

from ..common import dtype as mstype
from ..common.parameter import Parameter
from ..common.tensor import Tensor
from . import _ckpt_format as fmt
from ._ckpt_proto import (  # noqa: F401  (protobuf-level helpers model libraries import from here)
    _load_map_parameter,
    _parse_ckpt_proto,
    np_type_convert,
    tensor_to_ms_type,
    tensor_to_np_type,
)

__all__ = ["save_checkpoint", "load_checkpoint", "load_param_into_net", "ckpt_to_safetensors",
           "safetensors_to_ckpt", "load_checkpoint_async", "async_ckpt_thread_status",
           "to_torch_state_dict", "load_torch_state_dict"]

logger = logging.getLogger("lightspore")
_ASYNC_NAME = "asyn_save_ckpt"
_async_lock = threading.Lock()
_async_jobs = []  # threads / processes still writing


def _cell_type():
    from ..nn.cell import Cell
    return Cell


# ------------------------------------------------------------------------------------------------
# tensors <-> numpy, no copies where possible

def _tensor_to_item(name, data):
    """(name, numpy array, dtype name) for a Tensor/Parameter; bfloat16 as its uint16 bits."""
    t = data._t.detach()
    if t.device.type != "cpu":
        t = t.cpu()
    t = t.contiguous()
    dtype_name = str(mstype.from_torch(t.dtype))
    if dtype_name not in fmt.CKPT_DTYPES:
        raise TypeError(f"For 'save_checkpoint', the data type {dtype_name} of '{name}' cannot be saved in a "
                        f"checkpoint; supported: {', '.join(fmt.CKPT_DTYPES)}.")
    if t.dtype == torch.bfloat16:
        return name, t.view(torch.uint16).numpy(), dtype_name
    return name, t.numpy(), dtype_name


def _array_to_tensor(arr, dtype_name):
    t = torch.from_numpy(arr)
    if dtype_name == "BFloat16":
        t = t.view(torch.bfloat16)
    return Tensor._make(t)


def _param_of(tensor, name=None):
    """A Parameter holding ``tensor``'s torch data without a copy (Parameter() itself copies)."""
    p = Parameter(Tensor._make(torch.empty(0, dtype=tensor._t.dtype)), name=name)
    return p.set_data(tensor)


# ------------------------------------------------------------------------------------------------
# save_checkpoint

def _check_save_args(save_obj, ckpt_file_name, format):
    if format not in ("safetensors", "ckpt"):
        raise ValueError(f"For 'save_checkpoint', the format must be 'safetensors' or 'ckpt', but got {format}.")
    if not isinstance(save_obj, (_cell_type(), list, dict)):
        raise TypeError(f"For 'save_checkpoint', the parameter 'save_obj' must be nn.Cell, list or dict, "
                        f"but got {type(save_obj)}.")
    if not isinstance(ckpt_file_name, str):
        raise TypeError(f"For 'save_checkpoint', the parameter {ckpt_file_name} for checkpoint file name is "
                        f"invalid,'ckpt_file_name' must be string, but got {type(ckpt_file_name)}.")
    ckpt_file_name = os.path.realpath(ckpt_file_name)
    if os.path.isdir(ckpt_file_name):
        raise IsADirectoryError(f"For 'save_checkpoint', the parameter `ckpt_file_name`: {ckpt_file_name} is a "
                                f"directory, it must be a file name.")
    if not ckpt_file_name.endswith(format):
        ckpt_file_name += f".{format}"
    return ckpt_file_name


def _check_bool(name, value, where):
    if not isinstance(value, bool):
        raise TypeError(f"For '{where}', the argument '{name}' must be bool, but got {type(value).__name__}.")
    return value


def _check_type(name, value, types, where):
    if not isinstance(value, types):
        want = " or ".join("None" if t is type(None) else t.__name__ for t in types) \
            if isinstance(types, tuple) else types.__name__
        raise TypeError(f"For '{where}', the argument '{name}' must be {want}, but got {type(value).__name__}.")
    return value


def _check_append_dict(append_dict):
    if append_dict is None:
        return None
    if not isinstance(append_dict, dict):
        raise TypeError(f"For 'save_checkpoint', the argument 'append_dict' must be dict, but got "
                        f"{type(append_dict)}.")
    for key, value in append_dict.items():
        if not isinstance(key, str) or not isinstance(value, (int, float, bool, str, Tensor)):
            raise TypeError(f"For 'save_checkpoint', the type of dict 'append_info' must be key: string, "
                            f"value: int, float, bool or Generator, but got key: {type(key)}, "
                            f"value: {type(value)}")
    return append_dict


def _list_to_pairs(save_obj, choice_func):
    pairs = []
    if not save_obj:
        return pairs
    if isinstance(save_obj[0], dict):
        for param in save_obj:
            if not (isinstance(param, dict) and "name" in param and "data" in param):
                raise TypeError(f"For save_checkpoint, save_obj should be a list of dict items, and the dict "
                                f"should have key values 'name' and 'value', but got {type(param)} and {param}.")
            if not isinstance(param["name"], str):
                raise TypeError(f"For save_checkpoint, when save_obj is a list of dict items, the name in dict "
                                f"should be string, but got {type(param['name'])}.")
            if not isinstance(param["data"], Tensor):
                raise TypeError(f"For save_checkpoint, when save_obj is a list of dict items, the data in dict "
                                f"should be parameter, but got {type(param['data'])}.")
            if choice_func is None or choice_func(param["name"]):
                pairs.append((param["name"], param["data"]))
    else:
        for param in save_obj:
            if not isinstance(param, Parameter):
                raise TypeError(f"For save_checkpoint, when save_obj is made up by list of Parameter,"
                                f"the param should be parameter, but got {type(param)}")
            if choice_func is None or choice_func(param.name):
                pairs.append((param.name, param))
    return pairs


def _dict_to_pairs(save_obj, choice_func):
    pairs = []
    for key, value in save_obj.items():
        if not isinstance(key, str):
            raise TypeError(f"For save_checkpoint, when save_obj is made up by dict, the key should be str and"
                            f"value should be Parameter, but got the type of key is {type(key)} and"
                            f"the type of value is {type(value)}")
        if choice_func is not None and not choice_func(key):
            continue
        if isinstance(value, np.ndarray):
            value = Tensor.from_numpy(value)
        if not isinstance(value, (Tensor, str)):
            raise TypeError(f"For save_checkpoint, when save_obj is made up by dict, the value should be "
                            f"Parameter, Tensor, numpy.ndarray or str, but got {type(value)} for '{key}'.")
        pairs.append((key, value))
    return pairs


def _cell_to_pairs(cell, choice_func):
    by_name = OrderedDict()
    for _, param in cell.parameters_and_names():
        if choice_func is not None and not choice_func(param.name):
            continue
        by_name[param.name] = param
    return list(by_name.items())


def _append_pairs(append_dict):
    pairs = []
    for key, value in append_dict.items():
        if isinstance(value, str):
            pairs.append((key, value))
        elif isinstance(value, Tensor):
            pairs.append((key, Tensor._make(value._t.detach().clone())))
        else:  # bool -> Bool, int -> Int64, float -> Float32 scalars
            pairs.append((key, Tensor(value)))
    return pairs


def _wait_async_saves():
    with _async_lock:
        jobs = list(_async_jobs)
        _async_jobs.clear()
    for job in jobs:
        job.join()


atexit.register(_wait_async_saves)


def _write(path, items, format, crc_check, enc_key, enc_mode, chunking, remove_redundancy):
    if format == "ckpt":
        fmt.write_ckpt(path, items, crc_check=crc_check, enc_key=enc_key, enc_mode=enc_mode, chunking=chunking)
    else:
        meta = {} if remove_redundancy is None else {"remove_redundancy": str(remove_redundancy)}
        fmt.write_safetensors(path, items, crc_check=crc_check, metadata=meta)


def _async_process_main(args):
    try:
        _write(*args)
    except BaseException:  # report in the child; the parent's file stays as it was
        logger.exception("Failed to save the checkpoint file %s.", args[0])
        os._exit(1)


def save_checkpoint(save_obj, ckpt_file_name, integrated_save=True, async_save=False, append_dict=None,
                    enc_key=None, enc_mode="AES-GCM", choice_func=None, crc_check=False, format="ckpt",
                    **kwargs):
    """Save ``save_obj`` (a Cell, a list of Parameters or ``{'name':..., 'data':...}`` dicts, or a dict)
    to ``ckpt_file_name`` in MindSpore's ``.ckpt`` (or ``.safetensors``) format.

    ``append_dict`` values are stored as MindSpore stores them: int -> Int64 scalar, float -> Float32
    scalar, bool -> Bool scalar, str -> string, Tensor -> tensor. ``async_save`` (True/'thread' or
    'process') writes in the background; pending writes are joined before the interpreter exits. The
    file is written atomically and left read-only for its owner (0o400), like MindSpore's.
    """
    ckpt_file_name = _check_save_args(save_obj, ckpt_file_name, format)
    _check_bool("integrated_save", integrated_save, "save_checkpoint")
    if not isinstance(async_save, (bool, str)):
        raise TypeError(f"For 'save_checkpoint', the parameter 'async_save' must be bool or str, "
                        f"but got {type(async_save)}.")
    if isinstance(async_save, str) and async_save not in ("process", "thread"):
        raise ValueError(f"For 'save_checkpoint', the argument 'async_save' can only be 'process' or 'thread',"
                         f"but got {async_save}.")
    append_dict = _check_append_dict(append_dict)
    _check_type("enc_key", enc_key, (type(None), bytes), "save_checkpoint")
    _check_type("enc_mode", enc_mode, str, "save_checkpoint")
    _check_type("crc_check", crc_check, bool, "save_checkpoint")
    remove_redundancy = kwargs.get("remove_redundancy")
    _check_type("remove_redundancy", remove_redundancy, (type(None), bool), "save_checkpoint")
    if format == "safetensors":
        for pname, value, default in (("enc_key", enc_key, None), ("enc_mode", enc_mode, "AES-GCM"),
                                      ("map_param_inc", kwargs.get("incremental", False), False),
                                      ("global_step_num", kwargs.get("global_step_num"), None)):
            if value != default:
                raise ValueError(f"For 'save_checkpoint', when format is 'safetensors', the parameter "
                                 f"'{pname}' must be set to default value '{default}', but got '{value}'.")
    elif enc_key is not None:
        if enc_mode not in ("AES-GCM", "AES-CBC", "SM4-CBC"):
            raise ValueError(f"For 'save_checkpoint', the argument 'enc_mode' must be 'AES-GCM', 'AES-CBC' or "
                             f"'SM4-CBC', but got {enc_mode}.")
        if crc_check:
            raise ValueError("For 'save_checkpoint', 'enc_key' and 'crc_check' cannot be used together.")

    if isinstance(save_obj, list):
        pairs = _list_to_pairs(save_obj, choice_func)
    elif isinstance(save_obj, dict):
        pairs = _dict_to_pairs(save_obj, choice_func)
    else:
        pairs = _cell_to_pairs(save_obj, choice_func)
    if append_dict:
        pairs.extend(_append_pairs(append_dict))

    items = []
    for name, data in pairs:
        if isinstance(data, str):
            items.append((name, data, fmt.STR))
        else:
            items.append(_tensor_to_item(name, data))

    args = (ckpt_file_name, items, format, crc_check, enc_key, enc_mode,
            "rows" if async_save else "bytes", remove_redundancy)
    if not async_save:
        _write(*args)
        return
    _wait_async_saves()  # one background save at a time, as MindSpore does
    if async_save == "process":
        job = mp.get_context("fork").Process(target=_async_process_main, args=(args,), name=_ASYNC_NAME,
                                             daemon=True)
    else:
        # the thread writes a snapshot: later in-place updates of the net must not leak into the file
        snap = [(n, v if isinstance(v, str) else v.copy(), d) for n, v, d in items]
        job = threading.Thread(target=_write, args=(ckpt_file_name, snap) + args[2:], name=_ASYNC_NAME)
    with _async_lock:
        _async_jobs.append(job)
    job.start()


def async_ckpt_thread_status():
    """True while an asynchronous ``save_checkpoint`` is still writing."""
    with _async_lock:
        return any(job.is_alive() for job in _async_jobs)


# ------------------------------------------------------------------------------------------------
# load_checkpoint

def _check_prefix(prefix):
    if prefix is None:
        return None
    if not isinstance(prefix, (str, list, tuple)):
        raise TypeError(f"For 'load_checkpoint', the type of 'specify_prefix' or 'filter_prefix' must be string, "
                        f"list[string] or tuple[string], but got {type(prefix)}.")
    if isinstance(prefix, str):
        prefix = (prefix,)
    if not prefix:
        raise ValueError("For 'load_checkpoint', the argument 'specify_prefix' or 'filter_prefix' can't be empty "
                         "when 'specify_prefix' or 'filter_prefix' is list or tuple.")
    for index, pre in enumerate(prefix):
        if not isinstance(pre, str):
            raise TypeError(f"For 'load_checkpoint', when 'specify_prefix' or 'filter_prefix' is list or tuple, "
                            f"the element in it must be string, but got {type(pre)} at index {index}.")
        if pre == "":
            raise ValueError("For 'load_checkpoint', the value of 'specify_prefix' or 'filter_prefix' "
                             "can't include ''.")
    return prefix


def _check_load_file(ckpt_file_name, format):
    if not isinstance(ckpt_file_name, str):
        raise TypeError(f"For 'load_checkpoint', the argument 'ckpt_file_name' must be string, "
                        f"but got {type(ckpt_file_name)}.")
    if format not in ("ckpt", "safetensors"):
        raise ValueError("For 'load_checkpoint', the checkpoint file should end with '.ckpt' or '.safetensors', "
                         "please input the correct 'ckpt_file_name'.")
    if not ckpt_file_name.endswith(format):
        raise ValueError(f"For 'load_checkpoint', the checkpoint file format must same with 'format', but got "
                         f"file_name:'{ckpt_file_name}', format:'{format}'")
    path = os.path.realpath(ckpt_file_name)
    if not os.path.exists(path):
        raise ValueError(f"For 'load_checkpoint', the checkpoint file: {path} does not exist, please check "
                         f"whether the 'ckpt_file_name' is correct.")
    return path


def _prefix_choice(specify_prefix, filter_prefix, choice_func):
    if specify_prefix or filter_prefix:
        def choose(name):
            if specify_prefix and not name.startswith(tuple(specify_prefix)):
                return False
            return not (filter_prefix and name.startswith(tuple(filter_prefix)))
        return choose
    return choice_func


def _read_param_dict(path, format, choice, crc_check, dec_key, dec_mode):
    """{name: Parameter | str} from a file (validated by the file layer before anything is built)."""
    parameter_dict = {}
    if format == "safetensors":
        arrays, _meta = fmt.read_safetensors(path, crc_check=crc_check, choice=choice)
        for name, (arr, dtype_name) in arrays.items():
            parameter_dict[name] = _param_of(_array_to_tensor(arr, dtype_name))
        return parameter_dict
    values = fmt.read_ckpt(path, crc_check=crc_check, dec_key=dec_key, dec_mode=dec_mode, choice=choice)
    for name, (value, dtype_name) in values.items():
        if dtype_name == fmt.STR:
            parameter_dict[name] = value
        else:
            parameter_dict[name] = _param_of(_array_to_tensor(value, dtype_name), name)
    return parameter_dict


def load_checkpoint(ckpt_file_name, net=None, strict_load=False, filter_prefix=None, dec_key=None,
                    dec_mode="AES-GCM", specify_prefix=None, choice_func=None, crc_check=False,
                    remove_redundancy=False, format="ckpt"):
    """Load a MindSpore checkpoint: ``{name: Parameter}`` (strings from ``append_dict`` come back as str).

    With ``net``, the parameters are also loaded into it (:func:`load_param_into_net`). A file that is
    missing, truncated, corrupted or fails its crc raises ``ValueError`` naming the file.
    """
    specify_prefix = _check_prefix(specify_prefix)
    filter_prefix = _check_prefix(filter_prefix)
    _check_type("dec_key", dec_key, (type(None), bytes), "load_checkpoint")
    _check_type("dec_mode", dec_mode, str, "load_checkpoint")
    _check_type("crc_check", crc_check, bool, "load_checkpoint")
    _check_type("remove_redundancy", remove_redundancy, bool, "load_checkpoint")
    if format == "safetensors":
        for pname, value, default in (("dec_key", dec_key, None), ("dec_mode", dec_mode, "AES-GCM")):
            if value != default:
                raise ValueError(f"For 'load_checkpoint', when format is 'safetensors', the parameter "
                                 f"'{pname}' must be set to default value '{default}', but got '{value}'.")
    path = _check_load_file(ckpt_file_name, format)
    if format == "safetensors":  # MindSpore's safetensors loader only looks at choice_func
        choice = choice_func
    else:
        choice = _prefix_choice(specify_prefix, filter_prefix, choice_func)
    parameter_dict = _read_param_dict(path, format, choice, crc_check, dec_key, dec_mode)
    if not parameter_dict:
        raise ValueError("The loaded parameter dict is empty after filter or specify, please check whether "
                         "'filter_prefix' or 'specify_prefix' are set correctly.")
    if net is not None:
        load_param_into_net(net, parameter_dict, strict_load, remove_redundancy)
    return parameter_dict


class ParamDictFuture:
    """What :func:`load_checkpoint_async` returns; ``result()`` gives ``load_checkpoint``'s result."""

    def __init__(self, executor, future):
        self.executor = executor
        self.param_dict_future = future

    def result(self):
        try:
            return self.param_dict_future.result()
        finally:
            self.executor.shutdown()


def load_checkpoint_async(ckpt_file_name, net=None, strict_load=False, filter_prefix=None, dec_key=None,
                          dec_mode="AES-GCM", specify_prefix=None, choice_func=None):
    """:func:`load_checkpoint` in a background thread; call ``.result()`` on what it returns."""
    from concurrent.futures import ThreadPoolExecutor

    format = "safetensors" if str(ckpt_file_name).endswith(".safetensors") else "ckpt"
    executor = ThreadPoolExecutor(max_workers=1)
    future = executor.submit(load_checkpoint, ckpt_file_name, net, strict_load, filter_prefix, dec_key,
                             dec_mode, specify_prefix, choice_func, format=format)
    return ParamDictFuture(executor, future)


# ------------------------------------------------------------------------------------------------
# load_param_into_net

_FLOATS = ("Float16", "Float32", "Float64", "BFloat16")
_INTS = ("Int8", "Int16", "Int32", "Int64")


def _plan_update(param, new, strict_load):
    """Check ``new`` against ``param`` without touching either; return the Tensor to assign."""
    p_shape, n_shape = tuple(param.shape), tuple(new.shape)
    new_t = new._t
    if p_shape != n_shape:
        # (12, 2048, 1, 1) -> (12, 2048): extra trailing dims of size 1 are dropped, as MindSpore does
        if len(n_shape) > len(p_shape) and n_shape[:len(p_shape)] == p_shape \
                and all(d == 1 for d in n_shape[len(p_shape):]):
            new_t = new_t.reshape(p_shape)
        else:
            raise RuntimeError(
                f"For 'load_param_into_net', {param.name} in the argument 'net' should have the same shape "
                f"as {param.name} in the argument 'parameter_dict'. But got its shape {p_shape} in the "
                f"argument 'net' and shape {n_shape} in the argument 'parameter_dict'.May you need to check "
                f"whether the checkpoint you loaded is correct or the batch size and so on in the 'net' and "
                f"'parameter_dict' are same.")
    p_dt, n_dt = str(param.dtype), str(new.dtype)
    if p_dt != n_dt:
        pair = {p_dt, n_dt}
        if strict_load or not (pair <= set(_FLOATS) or pair <= set(_INTS)):
            raise RuntimeError(
                f"For 'load_param_into_net', {param.name} in the argument 'net' should have the same type as "
                f"{param.name} in the argument 'parameter_dict'. but got its type {p_dt} in the argument "
                f"'net' and type {n_dt} in the argument 'parameter_dict'.May you need to check whether the "
                f"checkpoint you loaded is correct.")
        logger.warning("The type of %s:%s in 'parameter_dict' is different from the type of it in 'net':%s, "
                       "then the type convert from %s to %s in the network.", param.name, n_dt, p_dt, n_dt, p_dt)
        new_t = new_t.to(param._t.dtype)
    return Tensor._make(new_t)


def _check_load_param_into_net(net, parameter_dict):
    if not isinstance(net, _cell_type()):
        raise TypeError(f"For 'load_param_into_net', the argument 'net' should be a Cell, but got {type(net)}.")
    if not isinstance(parameter_dict, dict):
        raise TypeError(f"For 'load_param_into_net', the argument 'parameter_dict' should be a dict, "
                        f"but got {type(parameter_dict)}.")
    for key, value in parameter_dict.items():
        if not isinstance(key, str) or not isinstance(value, (Parameter, str, list)):
            raise TypeError(f"For 'parameter_dict', the element in the argument 'parameter_dict' should be a "
                            f"'str' and 'Parameter' , but got {type(key)} and {type(value)}.")


def load_param_into_net(net, parameter_dict, strict_load=False, remove_redundancy=False):
    """Load ``parameter_dict`` into ``net``; returns ``(param_not_load, ckpt_not_load)``.

    Matching is by parameter name; with ``strict_load=False`` a common name prefix in the dict is
    also tried and float/int parameters of another width are converted. Every shape and dtype is
    checked first: on a mismatch ``RuntimeError`` is raised and no parameter has been changed.
    """
    _check_load_param_into_net(net, parameter_dict)
    strict_load = _check_bool("strict_load", strict_load, "load_param_into_net")
    _check_type("remove_redundancy", remove_redundancy, bool, "load_param_into_net")
    if remove_redundancy:
        raise TypeError("The deduplication feature for loading checkpoint can only be used in parallel "
                        "scenarios, but got stand_alone.")
    param_not_load = []
    ckpt_not_load = list(parameter_dict)
    plan = []
    params = [p for _, p in net.parameters_and_names()]
    for param in params:
        if param.name in parameter_dict:
            new = parameter_dict[param.name]
            if not isinstance(new, Tensor):  # strings of append_dict
                continue
            plan.append((param, _plan_update(param, new, strict_load)))
            ckpt_not_load.remove(param.name)
        elif not param.name.startswith("accu_grads"):
            param_not_load.append(param.name)

    if param_not_load and not strict_load:
        _plan_prefixed(params, parameter_dict, param_not_load, strict_load, plan)

    for param, value in plan:  # everything checked: now assign
        param.set_data(value, param.sliced)
    if param_not_load:
        logger.warning("For 'load_param_into_net', %d parameters in the 'net' are not loaded, because they are "
                       "not in the 'parameter_dict', please check whether the network structure is consistent "
                       "when training and loading checkpoint. %s are not loaded.", len(param_not_load),
                       param_not_load)
    return param_not_load, ckpt_not_load


def _plan_prefixed(params, parameter_dict, param_not_load, strict_load, plan):
    """MindSpore's retry for names that differ by a prefix (``'net.' + name`` in the dict)."""
    prefix_name = ""
    longest_name = param_not_load[0]
    while prefix_name != longest_name and param_not_load:
        prefix_name = longest_name
        for net_param_name in param_not_load:
            for dict_name in parameter_dict:
                if dict_name.endswith(net_param_name):
                    prefix_name = dict_name[:-len(net_param_name)]
                    break
            if prefix_name != longest_name:
                break
        if prefix_name != longest_name:
            logger.warning("For 'load_param_into_net', remove parameter prefix name: %s, continue to load.",
                           prefix_name)
            for param in params:
                new_name = prefix_name + param.name
                if param.name in param_not_load and new_name in parameter_dict:
                    new = parameter_dict[new_name]
                    if isinstance(new, Tensor):
                        plan.append((param, _plan_update(param, new, strict_load)))
                    param_not_load.remove(param.name)


# ------------------------------------------------------------------------------------------------
# ckpt <-> safetensors (MindSpore's converters)

def _load_renamed(path, name_map, format):
    param_dict = load_checkpoint(path, format=format)
    if name_map is None:
        return param_dict
    return {name_map.get(k, k): v for k, v in param_dict.items()}


def _convert_one(task):
    src, name_map, dst_dir, file_name, dst_format = task
    src_format = "ckpt" if dst_format == "safetensors" else "safetensors"
    param_dict = _load_renamed(src, name_map, src_format)
    dst = os.path.join(dst_dir, file_name.replace(f".{src_format}", f".{dst_format}"))
    save_checkpoint(param_dict, dst, format=dst_format)


def _convert_checkpoint_file(file_path, save_path, name_map, file_name_regex, processes_num, dst_format):
    src_format = "ckpt" if dst_format == "safetensors" else "safetensors"
    func_name = "ckpt_to_safetensors" if dst_format == "safetensors" else "safetensors_to_ckpt"
    is_dir, is_file = os.path.isdir(file_path), os.path.isfile(file_path)
    if not is_dir and not is_file:
        raise ValueError(f"For {func_name}, the input path must be a valid path or file, but got {file_path}")
    if save_path and os.path.splitext(save_path)[1]:
        raise ValueError(f"For {func_name}, the save_path must be a directory, but got '{save_path}'")
    if name_map is not None and not isinstance(name_map, dict):
        raise ValueError(f"For {func_name}, the type of 'name_map' must be a directory, but got '{type(name_map)}'")
    if is_file:
        if not file_path.endswith(f".{src_format}"):
            raise ValueError(f"For {func_name}, the input file must be a .{src_format} file, but got {file_path}")
        if file_name_regex is not None and not re.findall(file_name_regex, file_path):
            raise ValueError(f"For {func_name}, the input file does not match the regular expression.")
        if save_path:
            os.makedirs(save_path, exist_ok=True)
        _convert_one((file_path, name_map, save_path or os.path.dirname(file_path), os.path.basename(file_path),
                      dst_format))
        return
    rank_dirs = sorted(d for d in os.listdir(file_path)
                       if d.startswith("rank") and os.path.isdir(os.path.join(file_path, d)))
    if not rank_dirs:
        raise ValueError(f"For '{func_name}', no directories starting with 'rank' found in {file_path}.")
    tasks = []
    for rank_dir in rank_dirs:
        src_dir = os.path.join(file_path, rank_dir)
        dst_dir = os.path.join(save_path, rank_dir) if save_path is not None else src_dir
        os.makedirs(dst_dir, exist_ok=True)
        for f in sorted(os.listdir(src_dir)):
            if f.endswith(f".{src_format}") and (file_name_regex is None or re.search(file_name_regex, f)):
                tasks.append((os.path.join(src_dir, f), name_map, dst_dir, f, dst_format))
    if processes_num > 1 and len(tasks) > 1:
        with mp.get_context("spawn").Pool(processes=processes_num) as pool:
            list(pool.imap(_convert_one, tasks))
    else:
        for task in tasks:
            _convert_one(task)


def ckpt_to_safetensors(file_path, save_path=None, name_map=None, file_name_regex=None, processes_num=1):
    """Convert ``.ckpt`` files (one file, or a folder of ``rank*`` folders) to ``.safetensors``."""
    _convert_checkpoint_file(file_path, save_path, name_map, file_name_regex, processes_num, "safetensors")


def safetensors_to_ckpt(file_path, save_path=None, name_map=None, file_name_regex=None, processes_num=1):
    """Convert ``.safetensors`` files (one file, or a folder of ``rank*`` folders) to ``.ckpt``."""
    _convert_checkpoint_file(file_path, save_path, name_map, file_name_regex, processes_num, "ckpt")


# ------------------------------------------------------------------------------------------------
# PyTorch bridge (beyond MindSpore)

def to_torch_state_dict(net, copy=False):
    """A torch ``state_dict`` (``OrderedDict[name, torch.Tensor]``) of ``net``'s parameters.

    Keys are the parameter names MindSpore would write into a checkpoint. The tensors share memory
    with the parameters unless ``copy=True``.
    """
    if not isinstance(net, _cell_type()):
        raise TypeError(f"For 'to_torch_state_dict', the argument 'net' should be a Cell, but got {type(net)}.")
    out = OrderedDict()
    for _, param in net.parameters_and_names():
        t = param._t.detach()
        out[param.name] = t.clone() if copy else t
    return out


def load_torch_state_dict(net, state_dict, strict_load=False):
    """Load a torch ``state_dict`` (``{name: torch.Tensor}``) into ``net`` with
    :func:`load_param_into_net`'s rules (all checked before anything is assigned); returns
    ``(param_not_load, ckpt_not_load)``. Tensors are taken without a copy where dtype and device agree.
    """
    if not isinstance(state_dict, dict):
        raise TypeError(f"For 'load_torch_state_dict', the argument 'state_dict' should be a dict, "
                        f"but got {type(state_dict)}.")
    params = {}
    for key, value in state_dict.items():
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"For 'load_torch_state_dict', the value of '{key}' should be a torch.Tensor, "
                            f"but got {type(value)}.")
        params[key] = _param_of(Tensor._make(value.detach()), str(key))
    return load_param_into_net(net, params, strict_load)


# mindspore.train.serialization.merge_sliced_parameter / build_searched_strategy / load_distributed_checkpoint
from ..parallel.checkpoint_transform import (  # noqa: E402,F401  (written in parallel/)
    build_searched_strategy,
    load_distributed_checkpoint,
    merge_sliced_parameter,
)
from ._export import export  # noqa: E402,F401  (mindspore.train.serialization.export; written in train/_export.py)

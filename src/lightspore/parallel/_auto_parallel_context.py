"""The auto-parallel context (``set_auto_parallel_context`` / ``get_auto_parallel_context`` /
``reset_auto_parallel_context``) and ``ParallelMode``.

lightspore runs data parallelism (``stand_alone``, ``data_parallel``) on ``torch.distributed``. Every key of
the reference's context can be read (its default value); keys that only matter to the modes not built here
(semi-auto/auto parallel, pipeline, optimizer sharding, ...) accept their default value and raise ValueError
for any other, so a script never silently runs as something it did not ask for.
"""
from __future__ import annotations

import copy


class ParallelMode:
    """Parallel mode names: ``STAND_ALONE``, ``DATA_PARALLEL``, ``HYBRID_PARALLEL``, ``SEMI_AUTO_PARALLEL``,
    ``AUTO_PARALLEL``; ``MODE_LIST`` lists them. lightspore runs the first two."""
    STAND_ALONE = "stand_alone"
    DATA_PARALLEL = "data_parallel"
    HYBRID_PARALLEL = "hybrid_parallel"
    SEMI_AUTO_PARALLEL = "semi_auto_parallel"
    AUTO_PARALLEL = "auto_parallel"
    MODE_LIST = [STAND_ALONE, DATA_PARALLEL, HYBRID_PARALLEL, SEMI_AUTO_PARALLEL, AUTO_PARALLEL]


_SUPPORTED_MODES = (ParallelMode.STAND_ALONE, ParallelMode.DATA_PARALLEL)

# the reference's defaults, in its order (get_auto_parallel_context of a fresh process)
_DEFAULTS = {
    "device_num": 1, "global_rank": 0, "gradients_mean": False, "gradient_fp32_sync": True,
    "loss_repeated_mean": True, "pipeline_stages": 1, "auto_pipeline": False, "pipeline_result_broadcast": False,
    "pipeline_interleave": False, "pipeline_scheduler": "1f1b", "parallel_mode": "stand_alone",
    "search_mode": "recursive_programming", "auto_parallel_search_mode": "recursive_programming",
    "parameter_broadcast": False, "strategy_ckpt_load_file": "", "strategy_ckpt_save_file": "", "full_batch": False,
    "dataset_strategy": "data_parallel", "enable_parallel_optimizer": False, "force_fp32_communication": False,
    "grad_accumulation_step": 1, "all_reduce_fusion_config": [], "communi_parallel_mode": "all_group_parallel",
    "optimizer_weight_shard_size": -1, "optimizer_weight_shard_aggregated_save": False,
    "sharding_propagation": False, "enable_alltoall": False,
    "comm_fusion": {"openstate": True, "allreduce": {"mode": "auto", "config": None},
                    "allgather": {"mode": "auto", "config": None},
                    "reducescatter": {"mode": "auto", "config": None}},
    "strategy_ckpt_config": {"load_file": "", "save_file": "", "only_trainable_params": True},
    "full_batch_is_set": False, "dump_local_norm": False, "dump_local_norm_path": "", "dump_device_local_norm": False,
    "auto_parallel_new_interface": False, "init_param_in_compile": True,
}
# keys only the getter knows (the reference's setter rejects them as unrecognized)
_GET_ONLY = {"pipeline_interleave", "pipeline_scheduler", "full_batch_is_set"}
# keys the setter knows that the getter does not
_SET_ONLY = {"group_ckpt_save_file": "", "pipeline_segments": None, "pipeline_config": None}
# what data parallelism here uses; the rest must stay at its default
_BUILT = {"device_num", "global_rank", "gradients_mean", "gradient_fp32_sync", "loss_repeated_mean",
          "parallel_mode", "parameter_broadcast", "all_reduce_fusion_config", "comm_fusion", "dataset_strategy",
          "strategy_ckpt_save_file", "strategy_ckpt_load_file", "strategy_ckpt_config", "search_mode",
          "auto_parallel_search_mode", "group_ckpt_save_file", "force_fp32_communication"}
_TYPES = {"device_num": int, "global_rank": int, "gradients_mean": bool, "gradient_fp32_sync": bool,
          "loss_repeated_mean": bool, "parallel_mode": str, "search_mode": str, "auto_parallel_search_mode": str,
          "parameter_broadcast": bool, "strategy_ckpt_load_file": str, "strategy_ckpt_save_file": str,
          "full_batch": bool, "enable_parallel_optimizer": bool, "grad_accumulation_step": int,
          "all_reduce_fusion_config": list, "group_ckpt_save_file": str, "communi_parallel_mode": str,
          "optimizer_weight_shard_size": int, "sharding_propagation": bool,
          "optimizer_weight_shard_aggregated_save": bool, "enable_alltoall": bool, "comm_fusion": dict,
          "strategy_ckpt_config": dict, "force_fp32_communication": bool}

_state = {}
_is_set = set()


def _reset():
    _state.clear()
    _state.update(copy.deepcopy(_DEFAULTS))
    _is_set.clear()


_reset()


def _check(key, value):
    if key == "parallel_mode":
        if value not in ParallelMode.MODE_LIST:
            raise ValueError(f"The context configuration parameter 'parallel_mode' only support 'stand_alone', "
                             f"'data_parallel', 'hybrid_parallel', 'semi_auto_parallel' and 'auto_parallel', but got "
                             f"the value : {value}.")
        if value not in _SUPPORTED_MODES:
            raise ValueError(f"For 'set_auto_parallel_context', parallel_mode {value!r} is not available in "
                             f"lightspore: it runs 'stand_alone' and 'data_parallel' (on torch.distributed); semi-auto,"
                             f" auto and hybrid parallelism are not built.")
    elif key == "device_num":
        if value < 1:
            raise ValueError(f"The context configuration parameter 'device_num' must be a positive integer, but got "
                             f"the value of device_num : {value}.")
    elif key == "global_rank":
        if value < 0 or value > 4095:
            raise ValueError(f"The context configuration parameter 'global_rank' must be in [0, 4095], but got the "
                             f"value of global_rank : {value}.")
    elif key == "all_reduce_fusion_config":
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in value):
            raise TypeError(f"For 'set_auto_parallel_context', every element of 'all_reduce_fusion_config' must be "
                            f"int, but got {value}.")
        if any(b <= a for a, b in zip(value, value[1:])) or any(i < 0 for i in value):
            raise ValueError(f"For 'set_auto_parallel_context', 'all_reduce_fusion_config' must be increasing "
                             f"non-negative parameter indices, but got {value}.")
    elif key == "comm_fusion":
        for k, v in value.items():
            if k not in ("openstate", "allreduce", "allgather", "reducescatter"):
                raise KeyError(f"comm fusion type must be openstate,allreduce, allgather or reducescatter, but got {k}")
            if k == "openstate":
                if not isinstance(v, bool):
                    raise TypeError(f"For 'comm_fusion', the 'openstate' must be bool, but got the type : {type(v)}.")
                continue
            if not isinstance(v, dict):
                raise TypeError(f"For 'comm_fusion', the '{k}' config must be dict, but got the type : {type(v)}.")
            for must in ("mode", "config"):
                if must not in v:
                    raise KeyError(f"For 'comm_fusion', the key '{must}' should be contained.")
            if v["mode"] not in ("auto", "index", "size"):
                raise KeyError(f"fusion method mode must be auto, index or size, but got {v['mode']}")
            if k == "allreduce" and v["mode"] == "index":
                _check("all_reduce_fusion_config", list(v["config"]))
            if v["mode"] == "size" and (not isinstance(v["config"], int) or v["config"] <= 0):
                raise ValueError(f"For 'comm_fusion', the '{k}' size config must be a positive int (MB), but got "
                                 f"{v['config']!r}.")
    elif key not in _BUILT and value != _DEFAULTS.get(key, _SET_ONLY.get(key)):
        raise ValueError(f"For 'set_auto_parallel_context', {key}={value!r} is not available in lightspore: only data "
                         f"parallelism is built (this key may only keep its default "
                         f"{_DEFAULTS.get(key, _SET_ONLY.get(key))!r}).")


def set_auto_parallel_context(**kwargs):
    """Set the parallel settings (see the module docstring for which exist)."""
    for key, value in kwargs.items():
        if key in _GET_ONLY or (key not in _DEFAULTS and key not in _SET_ONLY):
            raise ValueError(f"Set context keyword {key} is not recognized!")
        if key in _TYPES and not isinstance(value, _TYPES[key]):
            raise TypeError(f"The parameter '{key}' must be {_TYPES[key]}, but got {type(value)}")
    for key, value in kwargs.items():
        _check(key, value)
    for key, value in kwargs.items():
        if key in _SET_ONLY:
            continue
        if key == "comm_fusion":     # merged into the current config, as the reference does
            merged = _state["comm_fusion"]
            merged.update(copy.deepcopy(value))
            merged.setdefault("openstate", True)
            ar = value.get("allreduce")
            if ar and ar["mode"] == "index":
                _state["all_reduce_fusion_config"] = list(ar["config"])
            _is_set.add(key)
            continue
        _state[key] = copy.deepcopy(value)
        _is_set.add(key)
        if key == "full_batch":
            _state["full_batch_is_set"] = True


def get_auto_parallel_context(attr_key):
    """The value of one parallel setting; unknown keys raise ValueError."""
    if attr_key not in _DEFAULTS:
        raise ValueError(f"Get context keyword {attr_key} is not recognized!")
    return copy.deepcopy(_state[attr_key])


def reset_auto_parallel_context():
    """Every parallel setting back to its default (parallel_mode 'stand_alone', device_num 1, ...)."""
    _reset()


class AutoParallelContext:
    """The ``auto_parallel_context()`` object some model code queries directly."""

    def get_parallel_mode(self):
        return _state["parallel_mode"]

    def get_device_num(self):
        return _state["device_num"]

    def get_device_num_is_set(self):
        return "device_num" in _is_set

    def get_global_rank(self):
        return _state["global_rank"]

    def get_global_rank_is_set(self):
        return "global_rank" in _is_set

    def get_gradients_mean(self):
        return _state["gradients_mean"]

    def get_parameter_broadcast(self):
        return _state["parameter_broadcast"]

    def get_all_reduce_fusion_split_indices(self, group=""):
        return list(_state["all_reduce_fusion_config"])

    def set_all_reduce_fusion_split_indices(self, indices, group=""):
        """The gradient-bucket boundaries (parameter indices) of DistributedGradReducer, as
        ``set_auto_parallel_context(all_reduce_fusion_config=indices)``."""
        if not isinstance(indices, (list, tuple)):
            raise TypeError(f"For 'set_all_reduce_fusion_split_indices', the argument 'indices' must be list or "
                            f"tuple, but got {type(indices)}.")
        set_auto_parallel_context(all_reduce_fusion_config=list(indices))

    def get_allreduce_bucket_bytes(self):
        """The gradient bucket size of DistributedGradReducer: comm_fusion's allreduce 'size' (MB) when set,
        else 25 MB (torch DDP's default); None when comm_fusion's openstate is False (no fusion: one bucket per
        gradient)."""
        cf = _state["comm_fusion"]
        if not cf.get("openstate", True):
            return None
        ar = cf.get("allreduce") or {}
        if ar.get("mode") == "size":
            return int(ar["config"]) * 1024 * 1024
        return 25 * 1024 * 1024

    def get_full_batch(self):
        return _state["full_batch"]

    def get_enable_parallel_optimizer(self):
        return _state["enable_parallel_optimizer"]

    def get_pipeline_stages(self):
        return _state["pipeline_stages"]

    def get_grad_accumulation_step(self):
        return _state["grad_accumulation_step"]

    def get_grad_accumulation_shard(self):
        return True

    def get_strategy_search_mode(self):
        return _state["search_mode"]

    def get_sharding_propagation(self):
        return _state["sharding_propagation"]

    def reset(self):
        _reset()


_CONTEXT = AutoParallelContext()


def auto_parallel_context():
    """The process's auto-parallel context object."""
    return _CONTEXT

"""The ``nn.Cell`` members the reference keeps for its compiler, parallel planner and mixed precision (compile,
offload, pipeline_stage, parameter_layout_dict, set_comm_fusion, get_mixed_precision_type...): ``CASES`` maps a
case name to a function of the framework module returning JSON-able data (an error as {"error": type name}).
Recorded from the 2.7.1 reference by gen_cell_members.py (2.10 gives the same); run by tests/test_cell_members.py."""
import numpy as np
from _record import err as _err


def _x(ms):
    return ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))


def _dense(ms):
    return ms.nn.Dense(3, 2, weight_init="ones", bias_init="zeros")


def _defaults(ms):
    d = _dense(ms)
    out = {}
    for name in ("bprop_debug", "compiled", "compile_cache", "phase_cache", "compile_phase", "exist_names",
                 "exist_objs", "parameter_layout_dict", "parallel_parameter_name_list",
                 "parallel_parameter_merge_net_dict", "pipeline_stage", "pipeline_segment", "enable_backward_hook"):
        v = _err(getattr, d, name)
        out[name] = v if isinstance(v, dict) and "error" in v else [type(v).__name__, v if not isinstance(
            v, (set, tuple)) else sorted(v)]
    out["create_time"] = type(d.create_time).__name__
    out["create_time grows"] = _dense(ms).create_time >= d.create_time
    out["T_destination"] = [type(ms.nn.Cell.T_destination).__name__, ms.nn.Cell.T_destination.__name__]
    out["global_cells"] = [type(ms.nn.Cell.global_cells).__name__, len(ms.nn.Cell.global_cells)]
    return out


def _setters(ms):
    out = {}
    for name, good, bads in (("bprop_debug", True, [1]), ("compile_phase", "x", [1]),
                             ("parameter_layout_dict", {"a": 1}, [1]),
                             ("parallel_parameter_name_list", ["a"], [(1,)]),
                             ("parallel_parameter_merge_net_dict", {"b": 2}, [[1]]),
                             ("pipeline_stage", 2, [-1, True, 1.5]), ("pipeline_segment", 1, [-1, True]),
                             ("cell_init_args", "abc", [1])):
        d = _dense(ms)
        setattr(d, name, good)
        out[name] = [getattr(d, name), [_err(setattr, d, name, b) for b in bads], getattr(d, name)]
    seq = ms.nn.SequentialCell([_dense(ms)])
    seq.compile_phase = "q"
    out["compile_phase reaches children"] = seq[0].compile_phase
    return out


def _instance_count(ms):
    import gc
    C = ms.nn.Cell
    gc.collect()
    a = C.total_instance_count
    cells = [ms.nn.Conv2d(1, 1, 1), ms.nn.BatchNorm2d(2), ms.nn.SequentialCell([ms.nn.ReLU()]), _dense(ms)]
    made = C.total_instance_count - a
    del cells
    gc.collect()
    return {"type": type(C.total_instance_count).__name__, "made": made, "after del": C.total_instance_count - a}


def _run_construct(ms):
    class Two(ms.nn.Cell):
        def construct(self, a, b=None):
            return [type(a).__name__, type(b).__name__]
    x = _x(ms)
    return {"two": Two().run_construct((x,), {}), "dense": _err(lambda: _dense(ms).run_construct((x,), {})),
            "cast_inputs": _dense(ms).cast_inputs((x,), ms.float16),
            "remove_redundant_parameters": _dense(ms).remove_redundant_parameters()}


def _compile(ms):
    d, x = _dense(ms), _x(ms)
    out = {"compile returns": d.compile(x), "compiled": d.compiled, "cache size": len(d.compile_cache),
           "phase_cache values in cache": all(v in d.compile_cache for v in d.phase_cache.values())}
    key = next(iter(d.compile_cache))
    out["key has create_time and id"] = f".{d.create_time}.{id(d)}." in key
    out["compile_and_run"] = [d.compile_and_run(x).asnumpy().tolist() for _ in range(3)]
    out["compiled after"] = d.compiled
    return out


def _offload(ms):
    d, x = _dense(ms), _x(ms)
    out = {"default": d.offload(), "int": d.offload(3), "zero": d.offload(0)}
    for bad in ("x", -1, 1.5, None):
        out[f"bad {bad!r}"] = _err(d.offload, bad)
    out["forward"] = d(x).asnumpy().tolist()
    grad = ms.value_and_grad(d, grad_position=None, weights=d.trainable_params())(x)
    out["grad"] = [grad[0].asnumpy().tolist(), [g.asnumpy().tolist() for g in grad[1]]]
    return out


def _parallel(ms):
    d = _dense(ms)
    out = {"parameters_broadcast_dict": list(d.parameters_broadcast_dict()),
           "not recursive": list(ms.nn.SequentialCell([_dense(ms)]).parameters_broadcast_dict(recurse=False) or [])}

    class L(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(ms.Tensor([1.0]), name="w", layerwise_parallel=True)
            self.v = ms.Parameter(ms.Tensor([1.0]), name="v")
    out["layerwise excluded"] = list(L().parameters_broadcast_dict())
    seq = ms.nn.SequentialCell([_dense(ms)])
    out["set_broadcast_flag"] = [seq.set_broadcast_flag() is seq, dict(seq[0].get_flags())]
    seq.set_broadcast_flag(False)
    out["set_broadcast_flag False"] = seq[0].get_flags()
    out["comm_fusion default"] = d.weight.comm_fusion
    out["set_comm_fusion"] = [d.set_comm_fusion(3) is d, d.weight.comm_fusion, d.bias.comm_fusion]
    nr = ms.nn.SequentialCell([_dense(ms)])
    nr.set_comm_fusion(2, recurse=False)
    out["set_comm_fusion not recursive"] = nr[0].weight.comm_fusion
    frozen = _dense(ms)
    frozen.bias.requires_grad = False
    frozen.set_comm_fusion(4)
    out["set_comm_fusion trainable only"] = [frozen.weight.comm_fusion, frozen.bias.comm_fusion]
    for bad in ("a", -1, True):
        out[f"set_comm_fusion {bad!r}"] = _err(d.set_comm_fusion, bad)
    out["Parameter.comm_fusion -1"] = _err(lambda: setattr(d.weight, "comm_fusion", -1))
    out["set_data_parallel"] = ms.nn.SequentialCell([_dense(ms), ms.nn.ReLU()]).set_data_parallel()
    return out


def _names(ms):
    class N(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.ps = [ms.Parameter(ms.Tensor([1.0]), name="a"), ms.Parameter(ms.Tensor([2.0]), name="b")]
    n = N()
    out = {"exist_names": sorted(n.exist_names), "exist_objs": len(n.exist_objs),
           "cell_init_args": _err(lambda: n.cell_init_args)}

    class Dup(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.a = _dense(ms)
            self.b = _dense(ms)
    dup = Dup()
    out["before"] = [p.name for p in dup.get_parameters()]
    out["check_names_and_refresh_name"] = dup.check_names_and_refresh_name()
    out["after"] = [p.name for p in dup.get_parameters()]
    return out


def _mixed(ms):
    import importlib
    M = importlib.import_module(ms.__name__ + "._c_expression").MixedPrecisionType
    d, x = _dense(ms), _x(ms)
    out = {"members": [[k, int(v)] for k, v in M.__members__.items()], "default": str(d.get_mixed_precision_type())}
    out["set returns"] = d.set_mixed_precision_type(M.FP16)
    out["after set"] = [repr(d.get_mixed_precision_type()), str(d(x).dtype)]
    out["set bad"] = _err(lambda: d.set_mixed_precision_type("fp16"))
    seq = ms.nn.SequentialCell([_dense(ms)])
    seq.to_float(ms.bfloat16)
    out["to_float"] = [str(seq.get_mixed_precision_type()), str(seq[0].get_mixed_precision_type())]
    out["to_float fp32"] = str(_dense(ms).to_float(ms.float32).get_mixed_precision_type())
    return out


def _phase(ms):
    seq = ms.nn.SequentialCell([_dense(ms)])
    out = {"initial": [seq.phase, seq[0].phase, seq.training]}
    seq.set_train(False)
    out["set_train(False)"] = [seq.phase, seq[0].phase]
    seq.set_train(True)
    out["set_train(True)"] = [seq.phase, seq[0].phase]
    seq.phase = "eval"
    out["assigned"] = [seq.phase, _err(setattr, seq, "phase", 3)]
    return out


CASES = {
    "phase": _phase,
    "defaults": _defaults,
    "setters": _setters,
    "total_instance_count": _instance_count,
    "run_construct, cast_inputs": _run_construct,
    "compile": _compile,
    "offload": _offload,
    "parallel state": _parallel,
    "parameter names": _names,
    "mixed precision type": _mixed,
}

"""One script, run by both the reference (``import mindspore``) and lightspore, that prints what the runtime
modules answer on the CPU target as JSON on stdout (tests/golden/gen_runtime.py, tests/test_runtime.py).

    <python> tests/golden/runtime_cases.py [log]

With ``log`` it writes one warning and one info message and prints the logger's configuration (the caller sets the
GLOG_* environment); otherwise it records the memory, hal, device_context, get_context and set_memory answers.
"""
import importlib
import json
import sys

try:
    import mindspore as ms
except ImportError:
    import lightspore as ms

ROOT = ms.__name__


def mod(name):
    return importlib.import_module(f"{ROOT}.{name}")


def call(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:      # noqa: BLE001 - the error type is the answer
        return {"error": type(e).__name__, "mro": [c.__name__ for c in type(e).__mro__], "msg": str(e).split("\n")[0]}
    if r is None or isinstance(r, (bool, int, float, str, list, dict)):
        return r
    if isinstance(r, tuple):
        return list(r)
    return {"type": type(r).__name__}


def log_case():
    log = mod("log")
    log.warning("runtime case %d", 7)
    log.info("runtime info %s", "shown")
    cfg = ms.get_log_config()
    cfg.pop("GLOG_log_dir", None)
    return {"level": ms.get_level(), "config": cfg}


def main():
    rt, hal, dc = mod("runtime"), mod("hal"), mod("device_context")
    out = {}
    out["memory_stats"] = call(rt.memory_stats)
    out["memory_summary"] = call(rt.memory_summary)
    for n in ("memory_allocated", "max_memory_allocated", "memory_reserved", "max_memory_reserved"):
        out["runtime." + n] = call(getattr(rt, n))
        out["hal." + n] = call(getattr(hal, n))
        out["hal." + n + "('CPU')"] = call(getattr(hal, n), "CPU")
    out["hal.memory_stats('CPU')"] = call(hal.memory_stats, "CPU")
    for n in ("reset_peak_memory_stats", "reset_max_memory_allocated", "reset_max_memory_reserved", "empty_cache"):
        out["runtime." + n] = call(getattr(rt, n))
    for t in ("CPU", "GPU", "Ascend", "NPU", "cpu"):
        out[f"hal.is_available({t!r})"] = call(hal.is_available, t)
    for t in ("CPU", "Ascend", "NPU"):
        out[f"hal.is_initialized({t!r})"] = call(hal.is_initialized, t)
    out["hal.device_count()"] = call(hal.device_count)
    out["hal.device_count('CPU')"] = call(hal.device_count, "CPU")
    out["hal.device_count('Ascend')"] = call(hal.device_count, "Ascend")
    out["hal.device_count('NPU')"] = call(hal.device_count, "NPU")
    out["hal.device_count(1)"] = call(hal.device_count, 1)
    for n in ("get_device_name", "get_device_properties", "get_device_capability"):
        out[f"hal.{n}(0)"] = call(getattr(hal, n), 0)
        out[f"hal.{n}(1)"] = call(getattr(hal, n), 1)
        out[f"hal.{n}(-1)"] = call(getattr(hal, n), -1)
        out[f"hal.{n}('0')"] = call(getattr(hal, n), "0")
    out["hal.get_arch_list()"] = call(hal.get_arch_list)
    out["dc.cpu.is_available"] = call(dc.cpu.is_available)
    out["dc.cpu.device_count"] = call(dc.cpu.device_count)
    out["dc.cpu.threads_num('2')"] = call(dc.cpu.threads_num, "2")
    out["dc.cpu.threads_num(0)"] = call(dc.cpu.threads_num, 0)
    out["dc.cpu.threads_num(2)"] = call(dc.cpu.threads_num, 2)
    out["dc.cpu.threads_num(2) again"] = call(dc.cpu.threads_num, 2)
    out["dc.gpu.is_available"] = call(dc.gpu.is_available)
    out["dc.gpu.device_count"] = call(dc.gpu.device_count)
    out["dc.ascend.is_available"] = call(dc.ascend.is_available)
    out["dc.ascend.device_count"] = call(dc.ascend.device_count)
    out["dispatch_threads_num('2')"] = call(rt.dispatch_threads_num, "2")
    out["dispatch_threads_num(0)"] = call(rt.dispatch_threads_num, 0)
    out["dispatch_threads_num(2)"] = call(rt.dispatch_threads_num, 2)
    out["dispatch_threads_num(2) again"] = call(rt.dispatch_threads_num, 2)
    out["Stream(priority='a')"] = call(rt.Stream, priority="a")
    out["Stream().query()"] = call(lambda: rt.Stream().query())
    out["Event(enable_timing=1)"] = call(rt.Event, enable_timing=1)
    out["Event(blocking='x')"] = call(rt.Event, blocking="x")
    out["set_cur_stream(None)"] = call(rt.set_cur_stream, None)
    out["data_sink(sink_size='1')"] = call(ms.data_sink, lambda x: x, None, sink_size="1")
    out["data_sink(sink_size=0)"] = call(ms.data_sink, lambda x: x, None, sink_size=0)
    keys = ["device_target", "mode", "device_id", "max_device_memory", "save_graphs", "save_graphs_path",
            "enable_graph_kernel", "jit_config", "ascend_config", "gpu_config", "memory_optimize_level",
            "pynative_synchronize", "enable_compile_cache", "compile_cache_path", "precompile_only",
            "deterministic", "print_file_path", "env_config_path", "max_call_depth", "check_bprop",
            "enable_reduce_precision", "reserve_class_name_in_scope", "op_timeout", "exec_order", "debug_level",
            "grad_for_scalar", "graph_kernel_flags", "inter_op_parallel_num", "mempool_block_size",
            "variable_memory_max_size", "aoe_tune_mode", "aoe_config", "disable_format_transform",
            "enable_profiling", "profiling_options", "support_binary", "enable_ge", "no_such_key"]
    for k in keys:
        out[f"get_context({k!r})"] = call(ms.get_context, k)
    for args in ({"max_size": "2G"}, {"max_size": "0GB"}, {"max_size": 2}, {"init_size": "-1GB"},
                 {"optimize_level": "O2"}, {"huge_page_reserve_size": "x"}):
        out[f"set_memory({args})"] = call(ms.set_memory, **args)
    out["set_memory(max_size='8GB', optimize_level='O1')"] = call(ms.set_memory, max_size="8GB", optimize_level="O1")
    out["set_memory() again"] = call(ms.set_memory)
    out["get_context('max_device_memory') after"] = call(ms.get_context, "max_device_memory")
    out["get_context('memory_optimize_level') after"] = call(ms.get_context, "memory_optimize_level")
    return out


if __name__ == "__main__":
    print("JSON:" + json.dumps(log_case() if sys.argv[1:] == ["log"] else main(), sort_keys=True))

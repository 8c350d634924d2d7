"""Top-level runtime names of MindSpore 2.10 as its CPU build runs them: ``UntypedStorage``,
``register_saved_tensors_hooks``, device/stream core limits, ``set_cpu_affinity``, ``ms_memory_recycle``,
``set_dump``, ``memory_replay``, ``PluggableAllocator``/``MemPool``/``use_mem_pool``, and
``Cell.register_parameter_forward_hook``. ``CASES`` maps a case name to a
function of the framework module returning JSON-able data (an error as {"error": type name}). Recorded from the 2.10
reference by gen_runtime_210.py; run by tests/test_runtime_210.py.

The reference's CPU build returns uninitialised numbers from the core-limit getters, so only their shape (keys,
types) and errors are compared."""
import subprocess
import sys

import numpy as np
from _record import err as _err


def _storage(ms):
    x = ms.Tensor(np.arange(4, dtype=np.float32))
    st = x.untyped_storage()
    y = ms.Tensor(np.zeros(4, dtype=np.float32))
    copied = y.untyped_storage().copy_(st)
    out = {"type": type(st).__name__, "isinstance": isinstance(st, ms.UntypedStorage), "device": st.device,
           "size": st.size(), "nbytes": st.nbytes(), "len": len(st), "element_size": st.element_size(),
           "dtype": str(st.dtype), "is_shared": st.is_shared(), "same object": x.untyped_storage() is st,
           "view shares": x[1:].untyped_storage().data_ptr() == st.data_ptr(),
           "view size": x[1:].untyped_storage().size(), "copy_ returns self": copied is y.untyped_storage(),
           "copy_ result": y.asnumpy().tolist(),
           "copy_ size mismatch": _err(ms.Tensor(np.zeros(2, np.float32)).untyped_storage().copy_, st),
           "resize_ float": _err(st.resize_, 1.5),
           "int64 nbytes": ms.Tensor(np.arange(3, dtype=np.int64)).untyped_storage().nbytes(),
           "float16 size": ms.Tensor(np.ones(3, np.float16)).untyped_storage().size(),
           "Parameter": type(ms.Parameter(ms.Tensor([1.0]), name="p").untyped_storage()).__name__,
           "construct": _err(ms.UntypedStorage), "construct with size": _err(ms.UntypedStorage, 4)}
    w = ms.Tensor(np.arange(4, dtype=np.float32)).untyped_storage()
    out["resize_"] = [w.resize_(32) is w, w.size()]
    with ms.DeviceCtx("meta"):
        m = ms.Tensor(np.ones(3, np.float32))
    out["meta"] = [m.untyped_storage().size(), m.untyped_storage().device, m.untyped_storage().data_ptr()]
    return out


def _saved_hooks(ms):
    def pack_hook(x):
        return x + 1

    def unpack_hook(x):
        return x

    def f(x, y):
        return x * y
    g = ms.register_saved_tensors_hooks(pack_hook, unpack_hook)(f)
    x = ms.ops.ones(2, dtype=ms.float32)
    _, grads = ms.jit(ms.value_and_grad(f, grad_position=(0, 1)))(x, x)
    return {"returns the function": g is f, "pack stored": f._saved_tensors_pack_hook is pack_hook,
            "unpack stored": f._saved_tensors_unpack_hook is unpack_hook,
            "jit grads": [t.asnumpy().tolist() for t in grads],
            "not a function": _err(ms.register_saved_tensors_hooks(pack_hook, unpack_hook), 5)}


def _limit_shape(d):
    return sorted((k, type(v).__name__) for k, v in d.items())


def _device_limit(ms):
    return {"set": ms.set_device_limit(0, 2, 3), "get": _limit_shape(ms.get_device_limit(0)),
            "set str": _err(ms.set_device_limit, "a"), "get str": _err(ms.get_device_limit, "a"),
            "set float": _err(ms.set_device_limit, 0, 1.5)}


def _stream_limit(ms):
    s = ms.runtime.Stream()
    out = {"get": _limit_shape(ms.get_stream_limit(s)), "set": ms.set_stream_limit(s, 2, 3),
           "reset": ms.reset_stream_limit(s)}
    for name in ("get_stream_limit", "set_stream_limit", "reset_stream_limit", "StreamLimitCtx"):
        out[f"{name} not a stream"] = _err(getattr(ms, name), 1)
    ctx = ms.StreamLimitCtx(s, 4, 5)     # entered, the reference's CPU build restores uninitialised numbers
    out["ctx attributes"] = [ctx.cube_num, ctx.vector_num, ctx.prev_cube_num, ctx.prev_vector_num]
    return out


_AFFINITY = """
import json, sys
import {name} as ms
out = []
def call(*a, **k):
    try:
        out.append(repr(ms.set_cpu_affinity(*a, **k)))
    except Exception as e:
        out.append(type(e).__name__)
for args in ([True, 'a'], [True, ['x']], [True, [1]], [True, ['0-0'], {{'main': ['a']}}],
             [True, ['0-0'], {{'main': 1}}], [True, ['0-0'], [1]], [True, ['100000-100001']],
             [True, {{'device7': ['0-0']}}], [True, ['0-0']], [True], [False]):
    call(*args)
print(json.dumps(out))
"""


def _cpu_affinity(ms):
    """Once per process: errors before the first good call leave it unset; a second good call raises."""
    p = subprocess.run([sys.executable, "-c", _AFFINITY.format(name=ms.__name__)], capture_output=True, text=True,
                       timeout=300, env={"GLOG_v": "3", "PATH": "/usr/bin:/bin"})
    import json
    return json.loads(p.stdout.strip().splitlines()[-1])


def _memory_recycle(ms):
    d = ms.nn.Dense(3, 2)
    d.compile(ms.Tensor(np.ones((1, 3), np.float32)))
    before = len(d.compile_cache)
    ret = ms.ms_memory_recycle()
    return {"returns": ret, "compile_cache before": before, "after": len(d.compile_cache),
            "still runs": d(ms.Tensor(np.ones((1, 3), np.float32))).shape}


def _set_dump(ms):
    import warnings
    net = ms.nn.SequentialCell([ms.nn.Dense(2, 2), ms.nn.ReLU()])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        ret = ms.set_dump(net)
    out = {"returns": ret, "warned": any("not supported by set_dump" in str(x.message) for x in w),
           "flags": [net.get_flags().get("dump"), net[0].get_flags().get("dump"), net[1].get_flags().get("dump")]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ms.set_dump(net[0], enabled=False)
        out["disabled"] = [net.get_flags().get("dump"), net[0].get_flags().get("dump")]
        out["bad target"] = _err(ms.set_dump, 1)
        out["bad enabled"] = _err(ms.set_dump, net, 1)
    return out


def _memory_pool(ms):
    out = {"memory_replay": _err(ms.memory_replay, "/nonexistent/memory_block.csv"),
           "missing library": _err(ms.PluggableAllocator, "/nonexistent/alloc.so", "a", "b"),
           "missing symbol": _err(ms.PluggableAllocator, "libc.so.6", "no_such_alloc", "free")}
    alloc = ms.PluggableAllocator("libc.so.6", "malloc", "free")
    out["pointers"] = [type(alloc.alloc_fn_ptr).__name__, alloc.alloc_fn_ptr > 0, alloc.free_fn_ptr > 0]
    pool = ms.MemPool(alloc)
    out["pool allocator"] = pool.allocator is alloc
    out["use_mem_pool on CPU"] = _err(lambda: ms.use_mem_pool(pool).__enter__())
    out["use_mem_pool None"] = _err(lambda: ms.use_mem_pool(None).__enter__())
    out["MemPool None"] = ms.MemPool(None).allocator
    return out


def _parameter_forward_hook(ms):
    class Scale(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.weight = ms.Parameter(ms.Tensor(2.0), name="weight")

        def construct(self, x):
            return x * self.weight

    def times_ten(p):
        return p * 10
    out = {}
    for mode in ("pynative", "jit", "jit, hook for the whole cell"):
        net = Scale()
        net.register_parameter_forward_hook(times_ten if mode.endswith("cell") else
                                            [{"params": [net.weight], "hook": times_ten}])
        f = ms.value_and_grad(net, grad_position=None, weights=net.trainable_params())
        if mode != "pynative":
            f = ms.jit(f)
        runs = []
        for _ in range(2):
            value, grads = f(ms.Tensor(3.0))
            runs.append([float(value.asnumpy()), float(grads[0].asnumpy())])
        out[mode] = {"runs": runs, "plain call after": float(net(ms.Tensor(3.0)).asnumpy()),
                     "weight after": float(net.weight.asnumpy())}
    net = Scale()
    for name, bad in (("int", 3), ("list of int", [3]), ("no hook key", [{"params": [net.weight]}]),
                      ("hook not callable", [{"params": [net.weight], "hook": 3}]),
                      ("param not Parameter", [{"params": [1], "hook": times_ten}])):
        out[f"bad: {name}"] = _err(net.register_parameter_forward_hook, bad)
    return out


CASES = {
    "Cell.register_parameter_forward_hook": _parameter_forward_hook,
    "UntypedStorage": _storage,
    "register_saved_tensors_hooks": _saved_hooks,
    "device limit": _device_limit,
    "stream limit": _stream_limit,
    "set_cpu_affinity": _cpu_affinity,
    "ms_memory_recycle": _memory_recycle,
    "set_dump": _set_dump,
    "memory pool": _memory_pool,
}

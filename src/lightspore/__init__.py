"""lightspore: MindSpore's model-building API (``mindspore`` 2.7.1) running on PyTorch.

    import lightspore as ms
    import lightspore.nn as nn
"""
from . import nn, ops
from ._alias import install_alias
from ._runtime import *  # noqa: F401,F403  (synchronize, memory counters, run_check...)
from .common import dtype
from .common._saved_hooks import register_saved_tensors_hooks, saved_tensors_hooks
from .common._storage import UntypedStorage
from .common._v210 import frombuffer, swap_tensors
from .common.api import enable_dynamic, jit, jit_class, lazy_inline, no_inline
from .common.device import DeviceCtx
from .common.dtype import *  # noqa: F401,F403
from .common.dtype import dtype_to_nptype, dtype_to_pytype, get_py_obj_dtype, pytype_to_dtype
from .common.jit_config import JitConfig
from .common.mutable import mutable
from .common.parameter import Parameter, ParameterTuple
from .common.recompute import recompute
from .common.seed import *  # noqa: F403  (set_seed, get_seed, Generator, manual_seed, ...)
from .common.sparse_tensor import RowTensor
from .common.symbol import Symbol
from .common.tensor import Tensor, from_numpy, from_torch, is_tensor, tensor, to_torch
from .context import (
    GRAPH_MODE,
    PYNATIVE_MODE,
    ParallelMode,
    get_auto_parallel_context,
    get_context,
    get_current_device,
    reset_auto_parallel_context,
    set_auto_parallel_context,
    set_context,
    set_deterministic,
    set_device,
)
from .ops import grad, value_and_grad
from .train.serialization import (
    async_ckpt_thread_status,
    ckpt_to_safetensors,
    load_checkpoint,
    load_checkpoint_async,
    load_param_into_net,
    load_torch_state_dict,
    safetensors_to_ckpt,
    save_checkpoint,
    to_torch_state_dict,
)

__version__ = "2.10.0"   # the MindSpore release followed (lightspore._release; LIGHTSPORE_MS_VERSION)
__lightspore_version__ = "0.1.0"

# mindspore's submodules, and what it exposes at the top level too (Model, callbacks, metrics, checkpoint
# functions; the runtime modules' names: log, runtime, profiler, export, data_sink)
from . import (  # noqa: E402
    _release,
    amp,  # noqa: E402  (mindspore.amp)
    boost,  # noqa: E402  (mindspore.boost)
    communication,  # noqa: E402  (mindspore.communication)
    dataset,  # noqa: E402  (mindspore.dataset)
    device_context,
    experimental,
    hal,
    log,
    mindrecord,  # noqa: E402  (mindspore.mindrecord)
    mint,  # noqa: E402  (mindspore.mint)
    numpy,  # noqa: E402  (mindspore.numpy)
    onnx,
    profiler,
    runtime,
    train,  # noqa: E402
    version,
)
from . import common as _common  # noqa: E402
from ._release import get_release, set_release  # noqa: E402
from .common.dump import set_dump  # noqa: E402
from .log import get_level, get_log_config  # noqa: E402
from .profiler import Profiler  # noqa: E402
from .runtime import (  # noqa: E402
    Event,
    MemPool,
    PluggableAllocator,
    Stream,
    StreamCtx,
    StreamLimitCtx,
    communication_stream,
    current_stream,
    default_stream,
    dispatch_threads_num,
    get_device_limit,
    get_stream_limit,
    launch_blocking,
    memory_replay,
    memory_stats,
    memory_summary,
    reset_stream_limit,
    set_cpu_affinity,
    set_cur_stream,
    set_device_limit,
    set_memory,
    set_stream_limit,
    use_mem_pool,
)
from .runtime.memory import ms_memory_recycle  # noqa: E402
from .train import *  # noqa: E402,F401,F403
from .train import serialization as _serialization  # noqa: E402
from .train._data_sink import data_sink  # noqa: E402
from .train._export import export  # noqa: E402
from .train._mindir import load, load_mindir, save_mindir  # noqa: E402

# the reference's common and train.serialization offer the MindIR functions too (same objects)
_common.load_mindir, _common.save_mindir, _serialization.load = load_mindir, save_mindir, load
_common.__all__ += ["load_mindir", "save_mindir"]

_chunk_ext = ops.chunk_ext


def _follow_release(release):
    """``__version__`` (of ``lightspore``, ``mindspore`` under the alias, and ``version``) is the release followed;
    2.10 removed ``ops.chunk_ext`` (``ops.function.array_func`` keeps it)."""
    global __version__
    __version__ = version.__version__ = release
    # ops.functional follows ops; ops.function.array_func keeps chunk_ext under both releases
    from .ops import functional as _opsf
    from .ops.function import array_func as _af
    _af.chunk_ext = _chunk_ext
    for mod in (ops, _opsf):
        if release == "2.7.1":
            mod.chunk_ext = _chunk_ext
        elif hasattr(mod, "chunk_ext"):
            del mod.chunk_ext


_release.on_switch(_follow_release)
__import__("lightspore._release_sigs", fromlist=["apply"]).apply()   # signatures 2.10 changed, per release

# mindspore.train.data_sink is the function and its module path stays importable: load the mirror module (it
# re-exports the function above) once, then rebind the attribute its import set
__import__("importlib").import_module(".train.data_sink", __name__)
train.data_sink = data_sink

# the reference's `import mindspore` leaves these ops submodules bound on `ops` (model code such as mindyolo calls
# ops.function.silu, ops.operations.X without importing them); loaded last, once every op is registered
for _sub in ("function", "functional", "operations", "primitive"):
    __import__("importlib").import_module(f".ops.{_sub}", __name__)
del _sub

# the parameter-server context and the strategy-search settings (lightspore.parallel)
from .context import get_ps_context, reset_ps_context, set_ps_context  # noqa: E402
from .parallel import get_algo_parameters, reset_algo_parameters, set_algo_parameters  # noqa: E402

# ``mindspore.bool`` is ``bool_`` (the reference binds it at the top level only: ``common.dtype``'s own functions
# compare with Python's ``bool``, so it is not put there)
bool = bool_  # noqa: A001,F405

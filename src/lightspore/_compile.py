"""``ms.jit`` and GRAPH_MODE on ``torch.compile`` (TorchDynamo captures, Inductor generates the kernels).

What compiles and what does not
  * A jitted function (or Cell method, or a Cell's ``construct`` in GRAPH_MODE) is handed to
    ``torch.compile``. Dynamo traces through lightspore's Python (Tensor holds its torch tensor in ``_t``,
    so the traced graph holds the same torch ops eager runs), guards on input shapes, dtypes and the Python
    constants the code read, and recompiles only when one of those changes.
  * Constructs Dynamo cannot put in a graph (``requires_grad_`` toggling, ``print``, data-dependent ``if`` on a
    tensor value, ``.item()``...) end the graph there: that piece runs eagerly and tracing resumes after it (a
    graph break), so results stay eager's.
  * A training step ``loss, grads = grad_fn(x, y); optimizer(grads)``: with ``jit_level='O0'`` (the default) the
    gradient transform runs between graphs and the differentiated function compiles on its own (its forward
    graph, with the backward AOTAutograd compiles and ``torch.autograd.grad`` runs), then the optimizer update is
    one graph, Parameters updated in place: the split ``torch.compile`` makes of a PyTorch step at
    ``loss.backward()``, at its compile cost. With ``jit_level='O1'`` (or ``fullgraph=True``) the gradient is traced
    in the graph (Dynamo's ``trace_autograd_ops``, the weights swapped for detached aliases while tracing): forward,
    backward and update are one graph for Inductor to fuse (faster steps on small nets; a much longer first
    compile for large ones, Inductor's cost growing faster than the graph).
  * Optimizers with ``_graph_update`` (Momentum, SGD, Adam, AdamWeightDecay) read learning rates, momentum, the step and
    Adam's beta powers as 0-d tensors while traced, never as host floats: no graph break, no recompile per step.
  * Dynamic shapes: ``dynamic=1``, the None and ``Symbol`` dimensions of ``Cell.set_inputs`` specs (GRAPH_MODE) and
    of ``enable_dynamic`` specs become ``torch._dynamo.mark_dynamic`` dimensions (a Symbol's ``min``/``max`` its
    range), after the reference's checks of the input sizes.
  * The first call of a jitted function runs eagerly (filling the caches lightspore builds on first use,
    which would otherwise each cost a recompile); the second call compiles.
  * A frame Dynamo cannot compile at all runs eagerly (only that frame, never re-running work already
    done), and a graph Inductor cannot compile runs as captured, eagerly; either way one
    ``JitFallbackWarning`` names the function, the construct and the reason, once per function.

Switches (environment variables, read at each compile)
  * ``LIGHTSPORE_JIT=0``: jit and GRAPH_MODE run eagerly (nothing is compiled).
  * ``LIGHTSPORE_JIT_BACKEND``: ``inductor`` (default), ``aot_eager`` (capture + AOTAutograd, no code
    generation: fast to compile, for tests) or ``eager`` (capture only).
  * ``LIGHTSPORE_JIT_LOG=1``: print, per compiled graph, which function it came from and every graph break
    with its reason. ``TORCH_LOGS=graph_breaks,recompiles`` shows PyTorch's own account.
  * The compile cache on disk is Inductor's FX graph cache (on by default); it lives in
    ``set_context(compile_cache_path=...)`` when that is set (with ``enable_compile_cache``), else in
    ``$TORCHINDUCTOR_CACHE_DIR`` or PyTorch's default ``/tmp/torchinductor_<user>``.
"""
from __future__ import annotations

import functools
import logging
import os
import sys
import threading
import types
import warnings

import torch

from ._torch_compat import COMPILE_KWARGS, TRACE_AUTOGRAD

__all__ = ["JitFallbackWarning", "compile_function", "set_graph_mode", "graph_mode_enabled", "jit_stats"]

_BACKENDS = ("inductor", "aot_eager", "eager")


class JitFallbackWarning(UserWarning):
    """A jitted function (or part of it) runs eagerly because torch.compile could not compile it."""


_active = threading.local()          # the _JitState whose compiled call is running on this thread


def _current():
    return getattr(_active, "state", None)


# how grad/value_and_grad run inside the ms.jit call now running (a guard of the traced code): "" (none running),
# "split" (jit_level O0) or "graph" (jit_level O1)
_in_jit = [""]


def tracing_grad():
    """True while Dynamo traces an ``ms.jit(jit_level='O1')`` function: ``grad``/``value_and_grad`` differentiate
    inside the graph (``torch.autograd.grad`` traced with Dynamo's ``trace_autograd_ops``), so forward, backward
    and optimizer update of a training step are one graph for Inductor to fuse."""
    return _in_jit[0] == "graph" and torch.compiler.is_compiling()


def grad_outside_graph():
    """True while Dynamo traces an ``ms.jit`` (jit_level O0) or GRAPH_MODE call: ``grad``/``value_and_grad`` run
    between graphs (``run_outside_graph``), where torch.compile splits a PyTorch step at ``backward()``: the
    differentiated function compiles as its own frame (AOTAutograd compiles its forward and backward graphs),
    and the optimizer update after it is one graph."""
    return _in_jit[0] == "split" and torch.compiler.is_compiling()


@torch._dynamo.disable
def run_outside_graph(run, fn, *args):
    """``run(fn, *args)`` (the gradient transform) run eagerly between two graphs, its differentiated function
    ``fn`` compiled as a graph of its own (AOTAutograd gives it its compiled backward): the structure
    torch.compile gives a PyTorch step, and no trace is spent on the transform's own Python."""
    state = _current()
    mode, _in_jit[0] = _in_jit[0], ""
    try:
        return run(state.part(fn) if state is not None else fn, *args)
    finally:
        _in_jit[0] = mode


def _env_backend():
    name = os.environ.get("LIGHTSPORE_JIT_BACKEND", "inductor").strip() or "inductor"
    if name not in _BACKENDS:
        raise ValueError(f"For 'jit', the environment variable LIGHTSPORE_JIT_BACKEND must be one of "
                         f"{list(_BACKENDS)}, but got {name!r}.")
    return name


def _jit_disabled():
    return os.environ.get("LIGHTSPORE_JIT", "1").strip() in ("0", "off", "OFF", "false", "False")


def _log_enabled():
    return os.environ.get("LIGHTSPORE_JIT_LOG", "").strip() not in ("", "0")


def _apply_cache_dir():
    """Inductor's on-disk cache in set_context(compile_cache_path=...) when the user asked for one."""
    from . import context

    path = context._context.get("compile_cache_path")
    if path and context._context.get("enable_compile_cache", True):
        os.environ["TORCHINDUCTOR_CACHE_DIR"] = os.path.abspath(os.path.join(path, "torchinductor"))


def _first_line(exc):
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".strip()


def _reason(exc):
    """The first line of a Dynamo error and the user line it points at ("Caused by: ..."), if any."""
    lines = [ln.strip() for ln in str(exc).strip().splitlines() if ln.strip()]
    where = next((ln for ln in lines if ln.startswith("Caused by:")), "")
    head = f"{type(exc).__name__}: {lines[0] if lines else ''}"
    return f"{head} ({where})" if where else head


# ------------------------------------------------------------------------------------------------------
# Dynamo's "could not convert this frame" messages become one lightspore warning per function
# ------------------------------------------------------------------------------------------------------
class _FrameFallbackFilter(logging.Filter):
    def filter(self, record):
        state = _current()
        if state is None:
            return True
        if record.name.startswith("torch._subclasses"):
            return False                      # fake-tensor tracebacks of a frame that is falling back
        msg = record.getMessage()
        if msg.startswith("torch._dynamo hit config."):
            lines = msg.splitlines()
            func = next((ln.split("function:", 1)[1].strip() for ln in lines if "function:" in ln), "?")
            last = next((ln.split("last reason:", 1)[1].strip() for ln in lines if "last reason:" in ln), "")
            state.fallback(f"frame {func} was recompiled too often ({lines[0].split('hit ', 1)[1]}; last "
                           f"reason: {last}); it runs eagerly from now on", stacklevel=1)
            return False
        if not msg.startswith("WON'T CONVERT"):
            return True
        head = msg.splitlines()[0]            # WON'T CONVERT <name> <file> line <n>
        parts = head.split()
        construct = f"{parts[2]} ({parts[3]}:{parts[5]})" if len(parts) >= 6 else head
        reason = ""
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None:
            reason = _first_line(exc)
        state.fallback(f"frame {construct} could not be compiled ({reason}); it runs eagerly", stacklevel=1)
        return False


_filter_installed = []


def _install_filter():
    if not _filter_installed:
        flt = _FrameFallbackFilter()
        logging.getLogger("torch._dynamo.convert_frame").addFilter(flt)
        logging.getLogger("torch._subclasses.fake_tensor").addFilter(flt)
        _filter_installed.append(True)


def _backend_fn(name):
    """Inductor's compile_fx or the aot_eager backend (imported quietly: importing them makes torch warn about
    its own deprecated torch.jit.script_method use)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="`torch.jit.script_method` is deprecated",
                                category=DeprecationWarning)
        if name == "inductor":
            from torch._inductor import compile_fx as mod

            return mod.compile_fx
        from torch._dynamo.backends import debugging as mod

        return mod.aot_eager


# ------------------------------------------------------------------------------------------------------
# one compiled function
# ------------------------------------------------------------------------------------------------------
class _JitState:
    """The torch.compile'd form of one function, its options and its counters."""

    def __init__(self, fn, name, dynamic=0, fullgraph=False, jit_level="O0"):
        self.fn = fn
        self.name = name
        # O1 traces the gradient into the graph; a torch without Dynamo's trace_autograd_ops splits as O0 does
        self.grad_mode = "graph" if (jit_level == "O1" or fullgraph) and TRACE_AUTOGRAD else "split"
        self.dynamic = dynamic
        self.fullgraph = fullgraph
        self.compiled = None
        self.backend_name = None
        self.graphs = 0            # graphs handed to the backend (first compiles and recompiles)
        self.fallbacks = []        # reasons something ran eagerly
        self._warned = False
        self.eager = False         # the whole function runs eagerly from now on
        self.calls = 0

    # the backend: counts graphs, and runs a graph eagerly when the code generator fails on it
    def _backend(self, gm, example_inputs):
        self.graphs += 1
        if _log_enabled():
            print(f"[lightspore.jit] {self.name}: compiling graph #{self.graphs} "
                  f"({len(gm.graph.nodes)} nodes) with {self.backend_name}", file=sys.stderr)
        try:
            if self.backend_name == "eager":
                return gm.forward
            return _backend_fn(self.backend_name)(gm, example_inputs)
        except Exception as e:      # noqa: BLE001 - any code-generation failure: run this graph as captured
            if self.fullgraph:
                raise
            self.fallback(f"the {self.backend_name} backend could not compile a graph ({_first_line(e)}); "
                          f"that graph runs eagerly")
            return gm.forward

    def part(self, fn):
        """``fn`` (a function differentiated inside this jitted function) compiled on its own, with this
        function's backend and counters; each such function gets its own code object (its own graph cache)."""
        if getattr(fn, "__dict__", {}).get("_saved_tensors_pack_hook") is not None:
            return fn                     # its saved-tensor hooks are applied around the call: left as it is
        parts = self.__dict__.setdefault("_parts", {})
        key = id(fn)
        entry = parts.get(key)
        if entry is None or entry[0] is not fn:
            def grad_part(*args, **kwargs):
                return fn(*args, **kwargs)

            name = getattr(fn, "__name__", type(fn).__name__)
            grad_part.__code__ = grad_part.__code__.replace(co_name=f"{name}_differentiated")
            entry = parts[key] = (fn, torch.compile(grad_part, backend=self._backend, dynamic=bool(self.dynamic),
                                                    **COMPILE_KWARGS))
        return entry[1]

    def fallback(self, reason, stacklevel=4):
        self.fallbacks.append(reason)
        if not self._warned:
            self._warned = True
            warnings.warn(f"ms.jit: {self.name!r}: {reason}. Set LIGHTSPORE_JIT_LOG=1 or "
                          f"TORCH_LOGS=graph_breaks to see every graph break.", JitFallbackWarning,
                          stacklevel=stacklevel)

    def _build(self):
        _apply_cache_dir()
        _install_filter()
        self.backend_name = _env_backend()
        # isolate_recompiles: this function's graphs (and the nested frames it compiles) count against its own
        # recompile limit, not against every other jitted function running the same code (Momentum.construct)
        kwargs = {"backend": self._backend, "fullgraph": bool(self.fullgraph),
                  "dynamic": True if self.dynamic else False, **COMPILE_KWARGS}
        self.compiled = torch.compile(self.fn, **kwargs)

    def __call__(self, *args, **kwargs):
        if self.eager or _jit_disabled():
            return self.fn(*args, **kwargs)
        if "__enable_dynamic__" in getattr(self.fn, "__dict__", {}):
            names = self.fn.__code__.co_varnames[:1]
            apply_enable_dynamic(self.fn, args, 1 if names == ("self",) else 0)
        self.calls += 1
        if self.calls == 1:
            # the first call runs eagerly: it fills what lightspore builds lazily on first use (dtype-promotion
            # plans, an optimizer's host copies of its hyper-parameters...), which traced on first use would
            # each cost a graph break now and a recompile on the next call
            return self.fn(*args, **kwargs)
        if self.compiled is None:
            self._build()
        prev, prev_in = _current(), _in_jit[0]
        _active.state = self
        _in_jit[0] = self.grad_mode
        n_before = self.graphs
        try:
            if self.fullgraph:
                try:
                    with torch._dynamo.config.patch(**TRACE_AUTOGRAD):
                        return self.compiled(*args, **kwargs)
                except torch._dynamo.exc.TorchDynamoException as e:
                    raise RuntimeError(f"For 'jit' with fullgraph=True, {self.name!r} cannot be compiled as one "
                                       f"graph: {_reason(e)}") from None
            with torch._dynamo.config.patch(suppress_errors=True, **TRACE_AUTOGRAD):
                return self.compiled(*args, **kwargs)
        finally:
            _active.state = prev
            _in_jit[0] = prev_in
            if self.graphs != n_before and _log_enabled():
                _print_breaks(self)


def _print_breaks(state):
    from torch._dynamo.utils import counters

    for reason, n in counters.get("graph_break", {}).items():
        first = str(reason).strip().splitlines()[0] if str(reason).strip() else str(reason)
        print(f"[lightspore.jit] {state.name}: graph break x{n}: {first}", file=sys.stderr)


def compile_function(fn, name=None, dynamic=0, fullgraph=False, jit_level="O0"):
    """``fn`` wrapped so that calls go through torch.compile; calls made while another compiled function is
    being traced run ``fn`` itself (Dynamo inlines it into the outer graph)."""
    state = _JitState(fn, name or getattr(fn, "__qualname__", repr(fn)), dynamic, fullgraph, jit_level)

    @functools.wraps(fn)
    def jitted(*args, **kwargs):
        if torch.compiler.is_compiling():
            return fn(*args, **kwargs)
        return state(*args, **kwargs)

    jitted.__dict__["_ls_jit"] = state
    return jitted


def jit_stats(fn):
    """``(graphs compiled, fallback reasons)`` of a function returned by ``ms.jit``, or of a Cell class's
    GRAPH_MODE calls (for tests and tools)."""
    state = getattr(fn, "_ls_jit", None)
    if state is None and isinstance(fn, types.MethodType):
        state = getattr(fn.__func__, "_ls_jit", None)
    if state is None and isinstance(fn, type):          # a Cell class called in GRAPH_MODE
        state = _class_entries.get(fn)
    if state is None:
        raise TypeError(f"jit_stats expects a function returned by ms.jit, but got {type(fn).__name__}.")
    return state.graphs, list(state.fallbacks)


# ------------------------------------------------------------------------------------------------------
# GRAPH_MODE: a Cell called from eager code compiles its call (construct, hooks, casts) as a whole
# ------------------------------------------------------------------------------------------------------
_eager_call = []         # Cell.__call__ as defined in nn/cell.py
_class_entries = {}      # Cell subclass -> its compiled entry (a code object of its own: its own cache)


def _entry_for(cls):
    entry = _class_entries.get(cls)
    if entry is None:
        call = _eager_call[0]

        def graph_entry(cell, *args, **kwargs):
            return call(cell, *args, **kwargs)

        # a code object per Cell class keeps each class's compiled graphs (and its recompile limit) apart
        graph_entry.__code__ = graph_entry.__code__.replace(co_name=f"{cls.__name__}_construct")
        graph_entry.__qualname__ = f"{cls.__qualname__}.construct"
        entry = _class_entries[cls] = _JitState(graph_entry, f"{cls.__name__}.construct (GRAPH_MODE)")
    return entry


def _shape_text(shape):
    from . import _release

    return str(list(shape)) if _release.follows_2_10("Symbol shape checks") else str(tuple(shape))


def _check_symbols(shape, dims, j):
    """The reference's checks of an input's sizes against the ``Symbol`` dimensions of its spec (GRAPH_MODE /
    jit): ``min``, ``max``, ``divisor * N + remainder`` (N >= 1), equal sizes for a ``unique`` Symbol."""
    from . import _release
    from .common.symbol import Symbol

    v210 = _release.follows_2_10("Symbol shape checks")
    seen = {}
    for axis, s in enumerate(dims):
        if not isinstance(s, Symbol):
            continue
        v = shape[axis]
        head = f"The {axis + 1}th shape value of {j}th actual input args "
        tail = f"Actual shape: {_shape_text(shape)}, axis: {axis}"
        if v < s.min:
            raise ValueError(f"{head}must be greater than or equal to the 'min' value '{s.min}' of `Symbol`, but got "
                             f"'{v}'.{' ' if v210 else '  '}{tail}.")
        if s.max > s.min and v > s.max:
            raise ValueError(f"{head}must be less than or equal to the 'max' value '{s.max}' of `Symbol`, but got "
                             f"'{v}'. {tail}.")
        if v < s.divisor + s.remainder or (v - s.remainder) % s.divisor:
            what = "must match the 'divisor'(d) and 'remainder'(d)" if v210 else \
                "must be match the 'divisor'(d) and 'remainder'(r)"
            raise ValueError(f"{head}{what} of `Symbol`. The value should be 'd * N + r' for 'N > 0', got "
                             f"d={s.divisor} and r={s.remainder}, but actual shape value is '{v}'. {tail}"
                             f"{'.' if v210 else ''}")
        if s.unique:
            prev = seen.setdefault(s.id, v)
            if prev != v:
                raise ValueError(f"{head}is a unique symbol, all values must be the same. The previous value is "
                                 f"{prev}, but the current value is {v}. {tail}.")


def _mark_one(t, dims):
    """Mark the dynamic dimensions of torch tensor ``t`` after an input spec's dimensions (-1 or None: any size;
    a Symbol: its range; ``(-2,)``: an unknown rank, every dimension). Sizes 0 and 1, which PyTorch always
    specialises, stay static."""
    from .common.symbol import Symbol

    if tuple(dims) == (-2,):
        dims = (-1,) * t.dim()
    if t.dim() != len(dims):
        return
    for axis, s in enumerate(dims):
        if t.shape[axis] < 2:
            continue
        if isinstance(s, Symbol) and s.max > s.min:       # a range (the sizes were checked against it)
            torch._dynamo.mark_dynamic(t, axis, min=max(s.min, 2), max=max(s.max, 2))
        elif isinstance(s, Symbol) or s is None or s < 0:
            torch._dynamo.mark_dynamic(t, axis)


def _spec_dims(spec):
    """An input spec's dimensions with its Symbols (a placeholder keeps them in ``_init``)."""
    from .common.tensor import _PlaceholderTensor

    return spec._init if isinstance(spec, _PlaceholderTensor) else spec.shape


def _mark_dynamic(args, specs):
    """``Cell.set_inputs(Tensor(shape=[None, Symbol(...), ...]))``: the None (-1) and Symbol dimensions compile
    shape-generic, after the reference's checks of the sizes against the Symbols."""
    from .common.tensor import Tensor

    for j, (a, spec) in enumerate(zip(args, specs), 1):
        if isinstance(a, Tensor) and isinstance(spec, Tensor):
            dims = _spec_dims(spec)
            if len(dims) == a._t.dim():
                _check_symbols(a._t.shape, dims, j)
            _mark_one(a._t, dims)


def _check_dynamic_arg(arg, spec, name):
    """``enable_dynamic``: an input against its spec (the reference's checks), then its dynamic dimensions marked."""
    from .common.tensor import Tensor

    if isinstance(arg, Tensor) and isinstance(spec, Tensor):
        shape = tuple(arg._t.shape)
        if arg.dtype != spec.dtype:
            raise TypeError(f"When using decorator enable_dynamic, input tensor dtype = {arg.dtype}, dynamic tensor "
                            f"dtype = {spec.dtype}, tensor dtypes are not the same.")
        dims = _spec_dims(spec)
        if tuple(dims) != (-2,):
            if len(shape) != len(dims) or any(isinstance(d, int) and d >= 0 and d != n for n, d in zip(shape, dims)):
                raise ValueError(f"When using decorator enable_dynamic, input tensor shape = {_shape_text(shape)}, "
                                 f"dynamic tensor shape = {_shape_text(spec.shape)}, tensor shapes are not the same.")
        _mark_one(arg._t, dims)
    elif isinstance(arg, (tuple, list)) and isinstance(spec, (tuple, list)):
        if len(arg) != len(spec):
            raise ValueError("Input sequences must have the same structure and length.")
        for x, y in zip(arg, spec):
            _check_dynamic_arg(x, y, name)
    else:
        raise TypeError(f"When using decorator enable_dynamic, the type between argument '{name}' and corresponding "
                        f"input are not the same.")


def apply_enable_dynamic(fn, args, offset):
    """The ``enable_dynamic`` specs recorded on ``fn`` applied to the positional ``args`` (``offset``: a leading
    ``self`` not counted by the specs)."""
    specs = fn.__dict__.get("__enable_dynamic__")
    if specs:
        for index, (name, spec) in specs.items():
            if index + offset < len(args):
                _check_dynamic_arg(args[index + offset], spec, name)


def _graph_call(self, *args, **kwargs):
    if torch.compiler.is_compiling() or _jit_disabled():
        return _eager_call[0](self, *args, **kwargs)
    specs = self.__dict__.get("_inputs")
    if specs:
        _mark_dynamic(args, specs)
    return _entry_for(type(self))(self, *args, **kwargs)


def set_graph_mode(on):
    """Switch ``Cell.__call__`` between eager (PYNATIVE_MODE) and compiled (GRAPH_MODE) calls."""
    from .nn.cell import Cell

    current = Cell.__dict__["__call__"]
    if not _eager_call:
        if current is _graph_call:          # pragma: no cover - set only by this module
            raise RuntimeError("GRAPH_MODE was switched on before lightspore recorded Cell.__call__.")
        _eager_call.append(current)
    Cell.__call__ = _graph_call if on else _eager_call[0]


def graph_mode_enabled():
    from .nn.cell import Cell

    return Cell.__dict__["__call__"] is _graph_call

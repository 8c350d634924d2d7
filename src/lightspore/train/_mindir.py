"""MindIR files: ``mindspore.load`` (a graph ``nn.GraphCell`` runs), ``load_mindir`` / ``save_mindir`` (the protobuf).

A ``.mindir`` file is one ``ModelProto`` (``_mindir_pb2``). Its main graph lists

- inputs (``ValueInfoProto``: name, shape, dtype) and outputs (the name of the node whose value is returned);
- parameters (``TensorProto`` with the weights as ``raw_data``, named ``<graph>:<parameter name>``);
- nodes in order: ``Constant`` nodes carry a value (scalar, tuple, tensor, dtype id, monad), the others name a
  primitive of ``ModelProto.primitives`` (``REF::<name>``) and take the values of earlier nodes as inputs.

``load`` turns the file into a :class:`FuncGraph`: every node becomes a call of lightspore's primitive of the same
name, built once from the primitive's attributes. A ``PRIMITIVE`` node keeps its attributes in the primitive
(``Conv2D``'s ``kernel_size``, ``pad_mode``...); a ``PRIMITIVE_FUNCTION`` node (the generated primitives of
MindSpore 2.x) passes them as trailing inputs, after the tensor inputs, in the order of the primitive's
``__init__`` - so the last ``len(__init__ arguments)`` inputs build the primitive and the rest are its call
inputs. Enum-valued arguments arrive as MindSpore's integer ids (``data_format`` 0 = 'NCHW', ``pad_mode``
2 = 'VALID', dtypes as type ids) and are turned back into names. The side-effect plumbing of graph mode
(``Load``, ``UpdateState``, ``Depend``'s second input, ``U`` monads) is read as plain data flow.
"""
from __future__ import annotations

import inspect
import os

import numpy as np
import torch

from ..common import dtype as mstype
from ..common.parameter import Parameter
from ..common.tensor import Tensor
from . import _mindir_pb2 as pb

__all__ = ["FuncGraph", "load", "load_mindir", "save_mindir"]

_ATTR_NAME = {v: k for k, v in pb.ATTR.items()}
# TensorProto.DataType -> torch dtype
_TORCH_DTYPE = {1: torch.float32, 2: torch.uint8, 3: torch.int8, 4: torch.uint16, 5: torch.int16, 6: torch.int32,
                7: torch.int64, 9: torch.bool, 10: torch.float16, 11: torch.float64, 12: torch.uint32,
                13: torch.uint64, 16: torch.bfloat16, 17: torch.float64}
# MindSpore's TypeId numbers, as dtype arguments carry them in a graph
_TYPE_ID = {30: mstype.bool_, 32: mstype.int8, 33: mstype.int16, 34: mstype.int32, 35: mstype.int64,
            37: mstype.uint8, 38: mstype.uint16, 39: mstype.uint32, 40: mstype.uint64, 42: mstype.float16,
            43: mstype.float32, 44: mstype.float64, 45: mstype.bfloat16}
# the integer ids of MindSpore's string-enum arguments (ops/_utils/arg_handler str_to_enum)
_ENUMS = {
    "data_format": {0: "NCHW", 1: "NHWC", 14: "NCDHW", 20: "ND"},
    "format": {0: "NCHW", 1: "NHWC", 14: "NCDHW", 20: "ND"},
    "pad_mode": {0: "PAD", 1: "SAME", 2: "VALID"},
    "reduction": {0: "sum", 1: "mean", 2: "none"},
    "approximate": {0: "none", 1: "tanh"},
}
_DTYPE_ARGS = ("dtype", "output_type", "type", "out_type", "dstT")
# primitives whose call inputs (not __init__ arguments) include a dtype, by input position
_CALL_DTYPES = {"Cast": (1,)}
# PRIMITIVE attributes the reference stores widened to NCHW 4-tuples, where lightspore's primitive takes (h, w)
_HW_ATTRS = ("kernel_size", "strides", "stride", "dilation")


class _Monad:
    """The ``U``/``IO`` monad of graph mode: an ordering token with no value."""

    def __repr__(self):
        return "U"


_MONAD = _Monad()


def _fail(path, problem, cause=None, kind=RuntimeError):
    err = kind(f"Load MindIR failed. {path}: {problem}")
    if cause is not None:
        raise err from cause
    raise err


# ------------------------------------------------------------------------------------------------ values
def _tensor_from_proto(t, path, what):
    tdt = _TORCH_DTYPE.get(t.data_type)
    if tdt is None:
        _fail(path, f"{what} has data type {t.data_type}, which lightspore cannot read.")
    if t.HasField("external_data"):
        _fail(path, f"the data of {what} is kept in a separate file ({t.external_data.location!r}); lightspore "
                    f"reads MindIR files that hold their weights inside.")
    shape = tuple(int(d) for d in t.dims)
    raw = t.raw_data
    n = int(np.prod(shape)) if shape else 1
    size = torch.empty((), dtype=tdt).element_size()
    if len(raw) != n * size:
        _fail(path, f"{what} holds {len(raw)} bytes of data, but shape {list(shape)} of "
                    f"{mstype.from_torch(tdt)} needs {n * size}; the file is damaged.")
    if n == 0:
        return torch.empty(shape, dtype=tdt)
    return torch.frombuffer(bytearray(raw), dtype=tdt).reshape(shape)


def _scalar(a, field, default):
    if a.HasField(field):
        return getattr(a, field)
    plural = {"i": a.ints, "f": a.floats, "d": a.doubles, "s": a.strings}[field]
    return plural[0] if len(plural) else default


def _value(a, path, where):
    """The Python value of an AttributeProto (a constant node's value or a primitive attribute)."""
    kind = _ATTR_NAME.get(a.type, str(a.type))
    if kind in ("INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64"):
        return int(_scalar(a, "i", 0))
    if kind == "BOOL":
        return bool(_scalar(a, "i", 0))
    if kind in ("FLOAT", "FLOAT16", "BFLOAT16"):
        return float(_scalar(a, "f", 0.0))
    if kind == "DOUBLE":
        return float(_scalar(a, "d", 0.0))
    if kind == "STRING":
        s = _scalar(a, "s", b"")
        return s.decode() if isinstance(s, bytes) else s
    if kind in ("TUPLE", "LIST"):
        vals = [_value(v, path, where) for v in a.values]
        return tuple(vals) if kind == "TUPLE" else vals
    if kind == "TENSORS" and len(a.tensors) == 1:
        return Tensor._make(_tensor_from_proto(a.tensors[0], path, where))
    if kind == "TENSOR" and a.HasField("t"):
        return Tensor._make(_tensor_from_proto(a.t, path, where))
    if kind == "NONE":
        return None
    if kind in ("UMONAD", "IOMONAD"):
        return _MONAD
    _fail(path, f"{where} is a value of kind {kind}, which lightspore cannot read.")
    return None


# ------------------------------------------------------------------------------------------------ primitives
def _structural():
    def load(p, *_):
        return p

    def depend(x, *_):
        return x

    def update_state(*_):
        return _MONAD

    def make_tuple(*xs):
        return tuple(xs)

    def make_list(*xs):
        return list(xs)

    def get_item(seq, i):
        return seq[i]

    return {"Load": load, "Depend": depend, "UpdateState": update_state, "MakeTuple": make_tuple,
            "MakeList": make_list, "TupleGetItem": get_item, "ListGetItem": get_item, "RealTupleGetItem": get_item}


def _internal():
    """Generated primitives of the reference with no public primitive class in lightspore (the mint ops record
    these): name -> (function taking the node's inputs in order, positions of dtype inputs)."""
    from .. import mint, ops
    F = mint.nn.functional

    def reduce(fn):
        return lambda input, dim, keepdim, dtype=None: fn(input, dim, keepdim, dtype=dtype)

    return {
        "MatMulExt": (mint.matmul, ()), "BatchMatMulExt": (mint.bmm, ()), "Muls": (ops.mul, ()),
        "Divs": (ops.div, ()), "SiLU": (ops.silu, ()), "Dense": (F.linear, ()),
        "AddExt": (lambda x, y, alpha: mint.add(x, y, alpha=alpha), ()),
        "SubExt": (lambda x, y, alpha: mint.sub(x, y, alpha=alpha), ()),
        "SumExt": (reduce(mint.sum), (3,)), "MeanExt": (reduce(mint.mean), (3,)),
        "ProdExt": (reduce(mint.prod), (3,)),
        "MaxDim": (lambda x, dim, keepdim: tuple(mint.max(x, dim, keepdim)), ()),
        "MinDim": (lambda x, dim, keepdim: tuple(mint.min(x, dim, keepdim)), ()),
        "ArgMaxExt": (mint.argmax, ()), "Max": (mint.max, ()), "Min": (mint.min, ()),
        "LessScalar": (ops.less, ()), "GreaterScalar": (ops.greater, ()),
        "OnesLikeExt": (lambda x, dtype=None: mint.ones_like(x, dtype=dtype), (1,)),
        "ZerosLikeExt": (lambda x, dtype=None: mint.zeros_like(x, dtype=dtype), (1,)),
    }


_STRUCTURAL = _structural()
_INTERNAL = None


def _init_params(cls):
    sig = inspect.signature(cls.__init__)
    return [p for p in list(sig.parameters.values())[1:]
            if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)]


def _decode_arg(param, value):
    """An ``__init__`` argument as stored in the graph -> the value lightspore's primitive takes."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    if param.name in _ENUMS and isinstance(param.default, str) and value in _ENUMS[param.name]:
        return _ENUMS[param.name][value]
    if param.name in _DTYPE_ARGS and value in _TYPE_ID:
        return _TYPE_ID[value]
    return value


def _primitive_class(name, path):
    from ..ops._table import PRIMS
    cls = PRIMS.get(name)
    if cls is None:
        _fail(path, f"it uses the primitive '{name}', which lightspore cannot run.", kind=ValueError)
    return cls


def _old_style(name, attrs, path):
    """A PRIMITIVE node: lightspore's primitive built from the primitive's attributes."""
    cls = _primitive_class(name, path)
    kwargs = {}
    for p in _init_params(cls):
        key = p.name if p.name in attrs else ("format" if p.name == "data_format" and "format" in attrs else None)
        if key is None:
            continue
        v = attrs[key]
        if p.name in _HW_ATTRS and isinstance(v, (tuple, list)) and len(v) == 4:
            v = tuple(v[2:])
        kwargs[p.name] = _decode_arg(p, v)
    try:
        prim = cls(**kwargs)
    except (TypeError, ValueError) as e:
        _fail(path, f"the primitive '{name}' cannot be built from its attributes {kwargs}: {e}", e)
    return prim


class _Call:
    """One primitive node: build the primitive (once when its arguments are constants) and call it."""
    __slots__ = ("name", "prim", "cls", "params", "n_call", "dtype_pos")

    def __init__(self, name, prim=None, cls=None, params=None, n_call=None, dtype_pos=None):
        self.name, self.prim, self.cls, self.params, self.n_call = name, prim, cls, params, n_call
        self.dtype_pos = _CALL_DTYPES.get(name, ()) if dtype_pos is None else dtype_pos

    def __call__(self, *args):
        if args and args[-1] is _MONAD:   # a view or side-effect primitive's ordering token
            args = tuple(a for a in args if a is not _MONAD)
        if self.dtype_pos:
            args = tuple(_TYPE_ID.get(a, a) if i in self.dtype_pos and isinstance(a, int) else a
                         for i, a in enumerate(args))
        if self.cls is not None:        # a PRIMITIVE_FUNCTION whose init arguments are computed in the graph
            k = len(self.params)
            prim = self.cls(*[_decode_arg(p, v) for p, v in zip(self.params, args[len(args) - k:])])
            return prim(*args[:len(args) - k])
        if self.n_call is not None:
            args = args[:self.n_call]
        return self.prim(*args)


def _node_fn(node, prim_proto, consts, path):
    """The callable of one primitive node and how many of its inputs it takes."""
    name = prim_proto.op_type
    if name in _STRUCTURAL:
        return _STRUCTURAL[name]
    global _INTERNAL
    if _INTERNAL is None:
        _INTERNAL = _internal()
    if name in _INTERNAL:
        fn, dtype_pos = _INTERNAL[name]
        return _Call(name, fn, dtype_pos=dtype_pos)
    attrs = {a.name: _value(a, path, f"attribute '{a.name}' of primitive '{name}'") for a in prim_proto.attribute
             if a.name not in ("input_names", "output_names")}
    if prim_proto.prim_type != 2:       # PRIMITIVE: attributes in the primitive
        return _Call(name, _old_style(name, attrs, path))
    cls = _primitive_class(name, path)
    params = _init_params(cls)
    k = len(params)
    inputs = list(node.input)
    if len(inputs) < k:
        _fail(path, f"the node '{node.name}' calls '{name}' with {len(inputs)} inputs, but its primitive takes "
                    f"{k} arguments at construction.")
    init_inputs = inputs[len(inputs) - k:]
    if all(i in consts for i in init_inputs):
        vals = [_decode_arg(p, consts[i]) for p, i in zip(params, init_inputs)]
        try:
            prim = cls(*vals)
        except (TypeError, ValueError) as e:
            _fail(path, f"the primitive '{name}' cannot be built from the arguments {vals}: {e}", e)
        return _Call(name, prim, n_call=len(inputs) - k)
    return _Call(name, cls=cls, params=params)


# ------------------------------------------------------------------------------------------------ graph
class _Closure:
    """A graph (or a primitive call) with some arguments bound: what ``Partial`` makes and ``Switch`` picks."""

    def __init__(self, fn, args):
        self.fn, self.args = fn, tuple(args)

    def __call__(self, *args):
        return self.fn(*self.args, *args)


def _partial(fn, *args):
    return _Closure(fn, args)


def _switch(cond, true_branch, false_branch):
    return true_branch if bool(cond) else false_branch


def _call_value(fn, *args):
    return fn(*args)


_STRUCTURAL.update({"Partial": _partial, "Switch": _switch})


class _Graph:
    """One GraphProto of the file (the main graph or a sub-graph of ``ModelProto.functions``) as steps to run."""

    def __init__(self, proto, ctx):
        self.name = proto.name
        self.inputs = [vi.name for vi in proto.input]
        self.input_shapes = [[tuple(int(d) for d in t.dims) for t in vi.tensor] for vi in proto.input]
        self.outputs = [vi.name for vi in proto.output]
        if not self.outputs:
            _fail(ctx.path, f"the graph '{proto.name}' has no output.")
        consts, steps = ctx.consts, []
        for node in proto.node:
            if node.op_type == "Constant":
                continue
            ref = node.op_type[5:] if node.op_type.startswith("REF::") else None
            if ref in ctx.prims:
                prim = ctx.prims[ref]
                steps.append((node.output[0], _node_fn(node, prim, consts, ctx.path), list(node.input), prim.op_type))
            elif ref in ctx.functions:          # a direct call of a sub-graph
                steps.append((node.output[0], _call_value, [ref] + list(node.input), ref))
            elif ref is not None and ref.startswith(proto.name + ":"):     # a call of a closure a node computed
                steps.append((node.output[0], _call_value, [ref] + list(node.input), "call"))
            else:
                what = f"the graph '{ref}'" if ref is not None else f"the operation '{node.op_type}'"
                _fail(ctx.path, f"the node '{node.name}' calls {what}, which lightspore cannot run (only the "
                                f"primitives and graphs of the file are supported).", kind=ValueError)
        self.ctx = ctx
        self.steps = self._ordered(steps, ctx)

    def _ordered(self, steps, ctx):
        """The steps in an order where every input is computed first (the file's order when it already is)."""
        known = set(ctx.consts) | set(ctx.param_nodes) | set(self.inputs) | set(ctx.functions)
        by_out = {st[0]: st for st in steps}
        order, state = [], {}
        for out in self.outputs:
            stack = [(out, False)]
            while stack:
                n, done = stack.pop()
                if n in known or state.get(n) == 2:
                    continue
                if done:
                    state[n] = 2
                    order.append(by_out[n])
                    continue
                if n not in by_out:
                    _fail(ctx.path, f"the value '{n}' is used but never computed; the file is damaged.")
                if state.get(n) == 1:
                    _fail(ctx.path, f"the graph has a cycle through '{n}'.")
                state[n] = 1
                stack.append((n, True))
                stack.extend((i, False) for i in reversed(by_out[n][2]))
        return order

    def __call__(self, *inputs):
        ctx = self.ctx
        if len(inputs) != len(self.inputs):
            raise TypeError(f"For 'GraphCell', the graph '{self.name}' takes {len(self.inputs)} input(s), but got "
                            f"{len(inputs)}.")
        env = dict(ctx.consts)
        env.update(zip(self.inputs, inputs))
        for out, fn, ins, prim in self.steps:
            args = [env[i] if i in env else ctx.lookup(i) for i in ins]
            try:
                env[out] = fn(*args)
            except (TypeError, ValueError, RuntimeError) as e:
                if str(e).startswith("For 'GraphCell'"):
                    raise
                raise type(e)(f"For 'GraphCell', running the primitive '{prim}' of the graph loaded from "
                              f"{ctx.path} failed: {e}") from e
        res = tuple(env[o] for o in self.outputs)
        return res[0] if len(res) == 1 else res


class _Context:
    """What every graph of one file shares: its primitives, sub-graphs and parameters."""

    def __init__(self, model, path, parameters, param_nodes):
        self.path = path
        self.prims = {p.name: p for p in model.primitives}
        self.functions = {f.name: f for f in model.functions}
        self.graphs = {}
        self.parameters, self.param_nodes = parameters, param_nodes
        self.consts = {}                # a constant node of one graph may be used in another
        for g in [model.graph, *model.functions]:
            for node in g.node:
                if node.op_type == "Constant":
                    attr = next((a for a in node.attribute if a.name == "value"), None)
                    if attr is None:
                        _fail(path, f"the constant node '{node.name}' has no value.")
                    self.consts[node.output[0]] = _value(attr, path, f"constant '{node.name}'")

    def lookup(self, name):
        if name in self.param_nodes:
            return self.parameters[self.param_nodes[name]]
        graph = self.graphs.get(name)
        if graph is None:               # sub-graphs are built on first use (a recursive loop refers to itself)
            graph = self.graphs[name] = _Graph(self.functions[name], self)
        return graph


class FuncGraph:
    """A graph loaded from a MindIR file by :func:`load`; run it with ``nn.GraphCell(graph)``.

    Calling the graph itself runs it on its own parameters: ``graph(*inputs)``.
    """

    def __init__(self, model, path):
        g = model.graph
        self.name = g.name
        self.file_name = path
        self.parameters = {}             # parameter name -> Parameter
        param_nodes = {}                 # node-input name -> parameter name
        for t in g.parameter:
            pname = t.name[t.name.find(":") + 1:]
            data = _tensor_from_proto(t, path, f"parameter '{pname}'")
            self.parameters[pname] = Parameter(Tensor._make(data), name=pname)
            param_nodes[t.name] = pname
        ctx = _Context(model, path, self.parameters, param_nodes)
        self._graph = _Graph(g, ctx)
        for f in model.functions:        # build every sub-graph now: a file lightspore cannot run fails at load
            ctx.lookup(f.name)
        self._inputs = list(zip(self._graph.inputs, self._graph.input_shapes))

    def __call__(self, *inputs):
        xs = []
        for x in inputs:
            if isinstance(x, np.ndarray):
                x = Tensor(x)
            elif not isinstance(x, Tensor):
                raise TypeError(f"For 'GraphCell', the inputs must be Tensors, but got {type(x).__name__}.")
            xs.append(x)
        return self._graph(*xs)

    def __repr__(self):
        return f"FuncGraph({self.name!r}, {len(self._graph.steps)} nodes, {len(self.parameters)} parameters)"


# ------------------------------------------------------------------------------------------------ files
def _parse(data, path):
    model = pb.ModelProto()
    try:
        model.ParseFromString(bytes(data))
    except Exception as e:  # google.protobuf.message.DecodeError
        _fail(path, "the file is not a MindIR model or is damaged (it cannot be parsed).", e)
    if not model.HasField("graph") or not model.graph.node:
        _fail(path, "the file holds no graph; it is not a MindIR model.")
    return model


def load(file_name, **kwargs):
    """Load the MindIR file ``file_name`` (ending in '.mindir') into a graph that ``nn.GraphCell`` runs.

    kwargs: ``dec_key`` (bytes) and ``dec_mode`` ('AES-GCM' default, 'AES-CBC', 'SM4-CBC' or a callable
    ``dec_mode(data, key)``) for a file exported with ``enc_key``.
    """
    from . import _ckpt_format as fmt
    if "obf_func" in kwargs:
        raise NotImplementedError("Dynamic model structure obfuscation is no longer supported.")
    if not isinstance(file_name, str):
        raise ValueError(f"For 'load', the argument 'file_name' must be string, but got {type(file_name)}.")
    if not file_name.endswith(".mindir"):
        raise ValueError("For 'load', the argument 'file_name'(MindIR file) should end with '.mindir', please input "
                         "the correct 'file_name'.")
    if not os.path.exists(file_name):
        raise ValueError("For 'load', the argument 'file_name'(MindIR file) does not exist, please check whether the "
                         "'file_name' is correct.")
    path = os.path.realpath(file_name)
    with open(path, "rb") as f:
        data = f.read()
    if "dec_key" in kwargs:
        key = kwargs["dec_key"]
        if not isinstance(key, bytes):
            raise ValueError(f"The parameter 'dec_key' must be isinstance of {bytes}, but got {key}.")
        mode = kwargs.get("dec_mode", "AES-GCM")
        if callable(mode):
            data = mode(data, key)
        else:
            if not isinstance(mode, str):
                raise ValueError(f"The parameter 'dec_mode' must be isinstance of {str}, but got {mode}.")
            try:
                data = fmt.decrypt_stream(data, key, mode, path)
            except ValueError as e:
                raise RuntimeError("Load MindIR failed. The file may be encrypted and decrypt failed, you can check "
                                   "whether the values of the arguments 'dec_key' and 'dec_mode' are the same as "
                                   f"when exported MindIR file, or check the file integrity ({path}).") from e
    elif fmt.is_encrypted(data[:4]):
        raise RuntimeError("Load MindIR failed. The file may be encrypted and decrypt failed, you can check whether "
                           "the values of the arguments 'dec_key' and 'dec_mode' are the same as when exported "
                           f"MindIR file, or check the file integrity ({path}).")
    return FuncGraph(_parse(data, path), path)


def _check_file_name(file_name, where):
    if not isinstance(file_name, str):
        raise TypeError(f"For '{where}', the argument 'file_name' must be str, but got {type(file_name)}.")
    if not file_name or file_name.endswith(os.sep) or "\0" in file_name:
        raise ValueError(f"For '{where}', '{file_name}' is not a valid file name.")


def load_mindir(file_name):
    """The ``ModelProto`` message of a MindIR file (deprecated in the reference since 2.5)."""
    from .. import log as logger
    logger.warning("The interface 'mindspore.load_mindir' is deprecated from version 2.5 and will be removed in a "
                   "future version.")
    _check_file_name(file_name, "load_mindir")
    path = os.path.realpath(file_name)
    model = pb.model_proto()()
    try:
        with open(path, "rb") as f:
            model.ParseFromString(f.read())
    except BaseException as e:
        raise ValueError(f"Failed to parse the file {path}: {e}") from e
    return model


def save_mindir(model, file_name):
    """Write the ``ModelProto`` ``model`` to ``file_name`` (+ '.mindir' when missing), atomically and read-only."""
    from .. import log as logger
    from ._ckpt_format import _atomic_write
    logger.warning("The interface 'mindspore.save_mindir' is deprecated from version 2.5 and will be removed in a "
                   "future version.")
    _check_file_name(file_name, "save_mindir")
    path = os.path.realpath(file_name)
    if not path.endswith(".mindir"):
        path += ".mindir"
    if not isinstance(model, (pb.ModelProto, pb.ModelProto210)):
        raise TypeError(f"For 'save_mindir', the argument 'model' must be ModelProto, but got {type(model)}.")
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    body = model.SerializeToString()
    _atomic_write(path, lambda f, _tmp: f.write(body), "save_mindir", mode=0o400)

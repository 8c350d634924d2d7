"""``export(..., file_format='MINDIR')``: a network written as a MindIR graph that MindSpore's ``load`` +
``nn.GraphCell`` runs.

The Cell is traced once by ``torch.export`` (as for ONNX, ``train/_export.py``); each ATen operation of the trace is
written as the MindSpore primitive(s) the reference's own exporter writes for the same layer - ``Conv2D`` with its
attributes (``pad_mode='pad'`` and the explicit 4-sided ``pad``), ``BiasAdd``, ``MatMul`` with ``transpose_b``
for ``Dense``, ``BatchNorm`` + ``TupleGetItem``, ``MaxPool``/``AvgPool``, ``Reshape``, ``Transpose``, ``Concat``,
element-wise primitives, ... - in the MindIR layout of the reference's files: ``Constant`` nodes for scalars,
tuples and tensors; each node's output shape in its ``shape`` attribute; parameters as ``<graph>:<name>`` with
the weights as ``raw_data`` and the Cell's parameter name as ``ref_key``. An ATen operation outside the table
raises ValueError naming it and ONNX as the way out; nothing is left on disk.
"""
from __future__ import annotations

import os

import torch

from . import _mindir_pb2 as pb

__all__ = ["export_mindir", "EXPORTED_OPS"]

_A = pb.ATTR
# torch dtype -> TensorProto.DataType and MindSpore TypeId
_DATA_TYPE = {torch.float32: 1, torch.uint8: 2, torch.int8: 3, torch.int16: 5, torch.int32: 6, torch.int64: 7,
              torch.bool: 9, torch.float16: 10, torch.float64: 11, torch.bfloat16: 16}
_TYPE_ID = {torch.bool: 30, torch.int8: 32, torch.int16: 33, torch.int32: 34, torch.int64: 35, torch.uint8: 37,
            torch.float16: 42, torch.float32: 43, torch.float64: 44, torch.bfloat16: 45}
_PRIMITIVE, _PRIMITIVE_FUNCTION = 1, 2


def _fill(a, value):
    """Fill the AttributeProto ``a`` with a Python value the way the reference's files encode it."""
    if isinstance(value, bool):
        a.type, a.i = _A["BOOL"], int(value)
    elif isinstance(value, int):
        a.type, a.i = _A["INT64"], value
    elif isinstance(value, float):
        a.type, a.f = _A["FLOAT"], value
    elif isinstance(value, str):
        a.type, a.s = _A["STRING"], value.encode()
    elif value is None:
        a.type = _A["NONE"]
    elif isinstance(value, (tuple, list)):
        a.type = _A["TUPLE"] if isinstance(value, tuple) else _A["LIST"]
        for v in value:
            item = a.values.add()
            if isinstance(v, bool):
                item.type = _A["BOOL"]
                item.ints.append(int(v))
            elif isinstance(v, int):
                item.type = _A["INT64"]
                item.ints.append(v)
            elif isinstance(v, float):
                item.type = _A["FLOAT"]
                item.floats.append(v)
            elif isinstance(v, str):
                item.type = _A["STRING"]
                item.strings.append(v.encode())
            else:
                _fill(item, v)
    elif isinstance(value, torch.Tensor):
        a.type = _A["TENSORS"]
        t = a.tensors.add()
        t.dims.extend(value.shape)
        t.data_type = _DATA_TYPE[value.dtype]
        t.name = "value0"
        t.raw_data = value.detach().contiguous().cpu().numpy().tobytes()
    else:
        raise TypeError(f"MindIR export: cannot encode the value {value!r}")


def _shape_attr(a, meta, name="shape"):
    """The abstract (shape and dtype) of a value: TENSORS for a tensor, a TUPLE of them for a tuple."""
    if name:
        a.name = name
    if isinstance(meta, (tuple, list)):
        a.type = _A["TUPLE"]
        for m in meta:
            _shape_attr(a.values.add(), m, None)
        a.seq_info.is_dyn_len = False
        return
    a.type = _A["TENSORS"]
    t = a.tensors.add()
    t.dims.extend(int(d) for d in meta.shape)
    t.data_type = _DATA_TYPE[meta.dtype]


class _Writer:
    """Builds the ModelProto: constants, primitive nodes, parameters."""

    def __init__(self, graph_name, release):
        self.model = pb.ModelProto()
        m = self.model
        m.ir_version, m.producer_name, m.model_version = "0.1.1", "MindSpore", release
        m.little_endian, m.mind_ir_version = True, 3
        self.g = m.graph
        self.g.name = graph_name
        self.count = 0
        self.consts = {}

    def _id(self):
        self.count += 1
        return self.count

    def const(self, value):
        key = (type(value).__name__, repr(value)) if not isinstance(value, torch.Tensor) else None
        if key is not None and key in self.consts:
            return self.consts[key]
        name = f"ValueNode_{self._id()}"
        node = self.g.node.add(output=[name], name=name, op_type="Constant")
        a = node.attribute.add(name="value")
        _fill(a, value)
        if key is not None:
            self.consts[key] = name
        return name

    def prim(self, op_type, inputs, meta, attrs=None, kind=_PRIMITIVE_FUNCTION):
        """A node calling a new primitive ``op_type``; ``inputs`` are node names or Python constants."""
        i = self._id()
        p = self.model.primitives.add(name=f"{op_type}:{i}", op_type=op_type, prim_type=kind)
        for k, v in (attrs or {}).items():
            _fill(p.attribute.add(name=k), v)
        names = [x if isinstance(x, _Ref) else _Ref(self.const(x)) for x in inputs]
        out = f"{self.g.name}:CNode_{i}"
        node = self.g.node.add(input=[str(n) for n in names], output=[out], name=out, op_type=f"REF::{op_type}:{i}")
        _shape_attr(node.attribute.add(), meta)
        return _Ref(out)


class _Ref(str):
    """The name of a value in the graph (a node output, an input or a parameter), as opposed to a constant."""


def _meta(node):
    return node.meta.get("val")


def _conv_attrs(w, stride, pad, dilation, groups):
    out_c, _, kh, kw = w.shape
    return {"kernel_size": (int(kh), int(kw)), "mode": 1, "out_channel": int(out_c), "input_names": ["x", "w"],
            "pad": tuple(pad), "pad_mode": "pad", "format": "NCHW", "pad_list": tuple(pad), "groups": groups,
            "stride": (1, 1) + tuple(stride), "group": groups, "dilation": (1, 1) + tuple(dilation),
            "output_names": ["output"]}


def _pair(v):
    return (v[0], v[0]) if len(v) == 1 else tuple(v)


class _Export:
    """Walks the torch.export graph and writes each ATen operation as MindSpore primitives."""

    def __init__(self, writer, params, net_name):
        self.w = writer
        self.params = params       # placeholder name -> (parameter name, tensor)
        self.env = {}
        self.pads = {}             # pad node -> (input, pads, value): folded into the conv / pool after it
        self.net_name = net_name

    def arg(self, a):
        if isinstance(a, torch.fx.Node):
            if a.name in self.pads:     # a pad not folded into a convolution or pooling: MindSpore's Pad
                self.env[a.name] = self.pad_node(a, *self.pads.pop(a.name))
            return self.env[a.name]
        return a

    def _padded(self, x, value):
        """Whether ``x`` is a pending pad of H and W only, with ``value``."""
        pending = self.pads.get(x.name) if isinstance(x, torch.fx.Node) else None
        return pending is not None and len(pending[1]) == 4 and pending[2] == value

    def pad_node(self, node, src, pads, value):
        if value != 0:
            raise ValueError(f"For 'export', {self.net_name} pads a tensor with {value} other than before a max "
                             f"pooling; MINDIR cannot express it, use file_format='ONNX'.")
        n = _meta(node).dim()
        pairs = [(0, 0)] * n
        for i in range(len(pads) // 2):
            pairs[n - 1 - i] = (int(pads[2 * i]), int(pads[2 * i + 1]))
        return self.w.prim("Pad", [src], _meta(node),
                           {"paddings": tuple(pairs), "input_names": ["x"], "output_names": ["y"]}, kind=_PRIMITIVE)

    def scalar_tensor(self, value, like):
        return torch.tensor(value, dtype=_meta(like).dtype if isinstance(like, torch.fx.Node) else torch.float32)

    def run(self, node):
        fn = _TABLE.get(node.target)
        if fn is None:
            name = getattr(node.target, "__name__", str(node.target))
            raise ValueError(f"For 'export', {self.net_name} uses the operation '{name}', which lightspore cannot "
                             f"write as MINDIR (written: {', '.join(sorted(EXPORTED_OPS))}); use "
                             f"file_format='ONNX'.")
        out = fn(self, node, *node.args, **node.kwargs)
        if out is not None:
            self.env[node.name] = out

    # ----------------------------------------------------------------- layer ops
    def conv2d(self, node, x, w, b=None, stride=(1,), padding=(0,), dilation=(1,), groups=1):
        if isinstance(padding, str):
            raise ValueError(f"For 'export', {self.net_name}: a string convolution padding cannot be written as "
                             f"MINDIR; use file_format='ONNX'.")
        ph, pw = _pair(padding)
        pad = [ph, ph, pw, pw]
        if self._padded(x, 0):       # a zero pad of H and W folded into the convolution's own pads
            src, (left, right, top, bottom), _ = self.pads.pop(x.name)
            pad = [pad[0] + top, pad[1] + bottom, pad[2] + left, pad[3] + right]
            xv = src
        else:
            xv = self.arg(x)
        wt = _meta(w)
        y = self.w.prim("Conv2D", [xv, self.arg(w)], _meta(node) if b is None else _meta(node),
                        _conv_attrs(wt, _pair(stride), pad, _pair(dilation), groups), kind=_PRIMITIVE)
        if b is not None:
            y = self.w.prim("BiasAdd", [y, self.arg(b), 0], _meta(node))
        return y

    def pad(self, node, x, pads, mode="constant", value=None):
        if mode != "constant":
            raise ValueError(f"For 'export', {self.net_name}: a {mode!r} pad cannot be written as MINDIR; use "
                             f"file_format='ONNX'.")
        self.pads[node.name] = (self.arg(x), tuple(pads), 0.0 if value is None else value)

    def max_pool2d(self, node, x, kernel, stride=(), padding=(0,), dilation=(1,), ceil_mode=False):
        k = _pair(kernel)
        s = _pair(stride) if stride else k
        pad_mode = "VALID"
        if ceil_mode and _ceil_is_same(_meta(x).shape[-2:], k, s) and all(p == 0 for p in _pair(padding)):
            ceil_mode, pad_mode = False, "SAME"      # 'same' with no padding in front: how lightspore pools it
        if self._padded(x, float("-inf")):   # lightspore's 'same' max pooling: a -inf pad, then a valid one
            src, pads, _ = self.pads.pop(x.name)
            h, w = _meta(x).shape[-2:]
            ih, iw = h - pads[2] - pads[3], w - pads[0] - pads[1]
            if pads != _same_pads(ih, iw, k, s):
                raise ValueError(f"For 'export', {self.net_name}: a max pooling padded other than 'same' cannot be "
                                 f"written as MINDIR; use file_format='ONNX'.")
            pad_mode, xv = "SAME", src
        else:
            xv = self.arg(x)
        if any(p != 0 for p in _pair(padding)) or any(d != 1 for d in _pair(dilation)) or ceil_mode:
            raise ValueError(f"For 'export', {self.net_name}: a max pooling with padding, dilation or ceil_mode "
                             f"cannot be written as MINDIR; use file_format='ONNX'.")
        return self.w.prim("MaxPool", [xv], _meta(node),
                           {"pad_mode": pad_mode, "output_names": ["output"], "kernel_size": (1, 1) + k,
                            "format": "NCHW", "strides": (1, 1) + s, "input_names": ["x"]}, kind=_PRIMITIVE)

    def avg_pool2d(self, node, x, kernel, stride=(), padding=(0,), ceil_mode=False, count_include_pad=True,
                   divisor_override=None):
        k = _pair(kernel)
        s = _pair(stride) if stride else k
        if any(p != 0 for p in _pair(padding)) or ceil_mode or divisor_override:
            raise ValueError(f"For 'export', {self.net_name}: an average pooling with padding, ceil_mode or a "
                             f"divisor cannot be written as MINDIR; use file_format='ONNX'.")
        return self.w.prim("AvgPool", [self.arg(x), k, s, 2, 0], _meta(node))

    def linear(self, node, x, w, b=None):
        xm = _meta(x)
        xv = self.arg(x)
        out_meta = _meta(node)
        flat = xm.dim() != 2
        if flat:
            xv = self.w.prim("Reshape", [xv, (-1, int(xm.shape[-1]))],
                             torch.empty((xm.numel() // xm.shape[-1], xm.shape[-1]), dtype=xm.dtype))
        mm_meta = torch.empty((out_meta.numel() // out_meta.shape[-1], out_meta.shape[-1]), dtype=out_meta.dtype)
        y = self.w.prim("MatMul", [xv, self.arg(w), False, True], mm_meta)
        if b is not None:
            y = self.w.prim("BiasAdd", [y, self.arg(b), 0], mm_meta)
        if flat:
            y = self.w.prim("Reshape", [y, tuple(int(d) for d in out_meta.shape)], out_meta)
        return y

    def batch_norm(self, node, x, weight, bias, mean, var, momentum, eps):
        c = _meta(x).shape[1]
        vec = torch.empty((c,), dtype=_meta(x).dtype)
        out = self.w.prim("BatchNorm", [self.arg(x), self.arg(weight), self.arg(bias), self.arg(mean),
                                        self.arg(var), False, float(eps), 0.1, 0],
                          (_meta(node)[0], vec, vec, vec, vec))
        return _Tuple(out, (_meta(node)[0],))

    def layer_norm(self, node, x, shape, weight=None, bias=None, eps=1e-5, cudnn=False):
        if weight is None or bias is None:
            raise ValueError(f"For 'export', {self.net_name}: a layer norm without weight and bias cannot be "
                             f"written as MINDIR; use file_format='ONNX'.")
        n = len(shape)
        xm = _meta(x)
        stat = torch.empty(tuple(xm.shape[:-n]) + (1,) * n, dtype=xm.dtype)
        out = self.w.prim("LayerNorm", [self.arg(x), self.arg(weight), self.arg(bias), -n, -n, float(eps)],
                          (_meta(node), stat, stat))
        return self.w.prim("TupleGetItem", [out, 0], _meta(node), kind=_PRIMITIVE)

    def getitem(self, node, seq, i):
        t = self.env[seq.name]
        if not isinstance(t, _Tuple) or i != 0:
            raise ValueError(f"For 'export', {self.net_name}: output {i} of '{seq.target}' cannot be written as "
                             f"MINDIR; use file_format='ONNX'.")
        return self.w.prim("TupleGetItem", [t.ref, 0], _meta(node), kind=_PRIMITIVE)

    # ----------------------------------------------------------------- shapes
    def reshape(self, node, x, shape):
        return self.w.prim("Reshape", [self.arg(x), tuple(int(d) for d in shape)], _meta(node))

    def permute(self, node, x, dims):
        return self.w.prim("Transpose", [self.arg(x), tuple(int(d) for d in dims)], _meta(node))

    def identity(self, node, x, *args, **kwargs):
        return self.arg(x)

    def cat(self, node, xs, dim=0):
        metas = tuple(_meta(x) for x in xs)
        t = self.w.prim("MakeTuple", [self.arg(x) for x in xs], metas, kind=_PRIMITIVE)
        return self.w.prim("Concat", [t, int(dim)], _meta(node))

    def unsqueeze(self, node, x, dim):
        return self.w.prim("ExpandDims", [self.arg(x), int(dim)], _meta(node))

    def squeeze(self, node, x, dim):
        dims = (dim,) if isinstance(dim, int) else tuple(dim)
        return self.w.prim("Squeeze", [self.arg(x), dims], _meta(node))

    def slice(self, node, x, dim=0, start=None, end=None, step=1):
        shape = _meta(x).shape
        n = len(shape)
        d = dim % n
        size = int(shape[d])
        start = 0 if start is None else max(min(start if start >= 0 else start + size, size), 0)
        end = size if end is None else max(min(end if end >= 0 else end + size, size), 0)
        begin, stop, strides = [0] * n, [0] * n, [1] * n
        begin[d], stop[d], strides[d] = start, end, int(step)
        # as the reference writes a slice: a begin of 0 and an end at the size are left open by the masks
        begin_mask = sum(1 << i for i in range(n) if begin[i] == 0)
        end_mask = sum(1 << i for i in range(n) if i != d or end == size)
        stop = [0 if end_mask >> i & 1 else stop[i] for i in range(n)]
        return self.w.prim("StridedSlice", [self.arg(x), tuple(begin), tuple(stop), tuple(strides), begin_mask,
                                            end_mask, 0, 0, 0], _meta(node))

    # ----------------------------------------------------------------- reductions and softmax
    def mean(self, node, x, dims, keepdim=False, dtype=None):
        return self.w.prim("ReduceMean", [self.arg(x), tuple(int(d) for d in dims), bool(keepdim)], _meta(node))

    def sum(self, node, x, dims, keepdim=False, dtype=None):
        return self.w.prim("ReduceSum", [self.arg(x), tuple(int(d) for d in dims), bool(keepdim), False],
                           _meta(node))

    def softmax(self, node, x, dim, half_to_float=False):
        return self.w.prim("Softmax", [self.arg(x), (int(dim),)], _meta(node))

    def log_softmax(self, node, x, dim, half_to_float=False):
        return self.w.prim("LogSoftmax", [self.arg(x), int(dim)], _meta(node))

    def to_copy(self, node, x, dtype=None, **kwargs):
        if dtype is None or dtype == _meta(x).dtype:
            return self.arg(x)
        return self.w.prim("Cast", [self.arg(x), _TYPE_ID[dtype]], _meta(node))

    def skip(self, node, *args, **kwargs):
        return None

    def gelu(self, node, x, approximate="none"):
        if approximate != "tanh":      # MindSpore's GeLU primitive is the tanh form (nn.GELU(approximate=True))
            raise ValueError(f"For 'export', {self.net_name}: GELU with approximate={approximate!r} cannot be "
                             f"written as MINDIR; use file_format='ONNX'.")
        return self.w.prim("GeLU", [self.arg(x)], _meta(node))

    def leaky_relu(self, node, x, slope=0.01):
        scaled = self.w.prim("Mul", [self.scalar_tensor(float(slope), x), self.arg(x)], _meta(node))
        return self.w.prim("Maximum", [scaled, self.arg(x)], _meta(node))


class _Tuple:
    """A multi-output primitive's node and the outputs ATen reads from it."""

    def __init__(self, ref, metas):
        self.ref, self.metas = ref, metas


def _same_pads(h, w, k, s):
    def one(n, kk, ss):
        out = -(-n // ss)
        total = max((out - 1) * ss + kk - n, 0)
        return total // 2, total - total // 2
    top, bottom = one(h, k[0], s[0])
    left, right = one(w, k[1], s[1])
    return (left, right, top, bottom)


def _ceil_is_same(hw, k, s):
    """Whether a ceil-mode pooling without padding is 'same' pooling (SAME pads nothing in front here)."""
    for n, kk, ss in zip(hw, k, s):
        same_out = -(-n // ss)
        if max((same_out - 1) * ss + kk - n, 0) // 2 != 0 or -(-(n - kk) // ss) + 1 != same_out:
            return False
    return True


def _unary(op_type, attrs=None):
    def fn(self, node, x):
        return self.w.prim(op_type, [self.arg(x)], _meta(node), attrs)
    return fn


def _binary(op_type):
    def fn(self, node, a, b, **kwargs):
        if kwargs.get("alpha", 1) != 1:
            raise ValueError(f"For 'export', {self.net_name}: '{op_type}' with alpha cannot be written as MINDIR; "
                             f"use file_format='ONNX'.")
        av = self.arg(a) if isinstance(a, torch.fx.Node) else self.scalar_tensor(a, b)
        bv = self.arg(b) if isinstance(b, torch.fx.Node) else self.scalar_tensor(b, a)
        return self.w.prim(op_type, [av, bv], _meta(node))
    return fn


def _matmul(self, node, a, b):          # ops.matmul: the reference writes MatMulExt, any rank
    return self.w.prim("MatMulExt", [self.arg(a), self.arg(b)], _meta(node))


def _mm(self, node, a, b):              # 2-D and batched 3-D products: MatMul / BatchMatMul
    op = "MatMul" if _meta(a).dim() == 2 else "BatchMatMul"
    return self.w.prim(op, [self.arg(a), self.arg(b), False, False], _meta(node))


_aten = torch.ops.aten
_TABLE = {
    _aten.conv2d.default: _Export.conv2d, _aten.pad.default: _Export.pad,
    _aten.max_pool2d.default: _Export.max_pool2d, _aten.avg_pool2d.default: _Export.avg_pool2d,
    _aten.linear.default: _Export.linear,
    _aten._native_batch_norm_legit_no_training.default: _Export.batch_norm,
    _aten.layer_norm.default: _Export.layer_norm,
    _aten.view.default: _Export.reshape, _aten._unsafe_view.default: _Export.reshape,
    _aten.reshape.default: _Export.reshape,
    _aten.permute.default: _Export.permute, _aten.clone.default: _Export.identity,
    _aten.contiguous.default: _Export.identity, _aten.alias.default: _Export.identity,
    _aten.cat.default: _Export.cat, _aten.unsqueeze.default: _Export.unsqueeze,
    _aten.squeeze.dim: _Export.squeeze, _aten.squeeze.dims: _Export.squeeze,
    _aten.slice.Tensor: _Export.slice,
    _aten.mean.dim: _Export.mean, _aten.sum.dim_IntList: _Export.sum,
    _aten.softmax.int: _Export.softmax, _aten._softmax.default: _Export.softmax,
    _aten.log_softmax.int: _Export.log_softmax, _aten._log_softmax.default: _Export.log_softmax,
    _aten._to_copy.default: _Export.to_copy, _aten._assert_tensor_metadata.default: _Export.skip,
    _aten.leaky_relu.default: _Export.leaky_relu,
    _aten.matmul.default: _matmul, _aten.mm.default: _mm, _aten.bmm.default: _mm,
    _aten.add.Tensor: _binary("Add"), _aten.sub.Tensor: _binary("Sub"), _aten.mul.Tensor: _binary("Mul"),
    _aten.div.Tensor: _binary("Div"), _aten.true_divide.Tensor: _binary("Div"),
    _aten.maximum.default: _binary("Maximum"), _aten.minimum.default: _binary("Minimum"),
    _aten.gt.Scalar: _binary("Greater"), _aten.gt.Tensor: _binary("Greater"),
    _aten.lt.Scalar: _binary("Less"), _aten.lt.Tensor: _binary("Less"),
    _aten.relu.default: _unary("ReLU"), _aten.sigmoid.default: _unary("Sigmoid"), _aten.tanh.default: _unary("Tanh"),
    _aten.exp.default: _unary("Exp"), _aten.sqrt.default: _unary("Sqrt"), _aten.abs.default: _unary("Abs"),
    _aten.relu6.default: _unary("ReLU6"), _aten.hardswish.default: _unary("HSwish"),
    _aten.silu.default: _unary("SiLU"), _aten.gelu.default: _Export.gelu, _aten.neg.default: _unary("Neg"),
    # Log's primitive attributes, as the reference's ops.Log sets them
    _aten.log.default: _unary("Log", {"shift": 0.0, "scale": 1.0, "cust_aicpu": "Log", "base": -1.0}),
}
_TABLE[__import__("operator").getitem] = _Export.getitem
EXPORTED_OPS = sorted({getattr(k, "__name__", str(k)).split(".")[0] for k in _TABLE if k is not _aten.pad.default})


def _order_parameters(g):
    """Parameters in the order the graph first uses them, as the reference lists them."""
    first = {}
    for i, node in enumerate(g.node):
        for j, name in enumerate(node.input):
            first.setdefault(name, (i, j))
    params = sorted((p for p in g.parameter), key=lambda p: first.get(p.name, (len(g.node), 0)))
    copies = [type(p)() for p in params]
    for c, p in zip(copies, params):
        c.CopyFrom(p)
    del g.parameter[:]
    g.parameter.extend(copies)


def export_mindir(net, program, file_name, enc_key=None, enc_mode="AES-GCM"):
    """Write the traced ``program`` of ``net`` as ``file_name`` (+ '.mindir' when missing), encrypted with
    ``enc_key`` in ``enc_mode`` (a mode name or a function ``enc_mode(data, key)``) when a key is given; return
    the path."""
    from .. import __version__
    from ._ckpt_format import _atomic_write, encrypt_stream
    net_name = type(net).__name__
    writer = _Writer(f"1_lightspore_{net_name}_construct", __version__)
    g = writer.g
    by_storage = {}
    for pname, p in net.parameters_and_names():
        by_storage[(p._t.untyped_storage().data_ptr(), tuple(p._t.shape))] = (pname, p._t)
    sig = program.graph_signature
    consts = dict(program.constants)
    consts.update(program.state_dict)
    exp = _Export(writer, {}, net_name)
    user_inputs = []
    for spec in sig.input_specs:
        name = spec.arg.name
        if spec.kind.name == "USER_INPUT":
            user_inputs.append(name)
            continue
        t = consts[spec.target]
        key = (t.untyped_storage().data_ptr(), tuple(t.shape))
        if key in by_storage:
            pname, pt = by_storage[key]
            ref = f"{g.name}:{pname}"
            if ref not in {p.name for p in g.parameter}:
                proto = g.parameter.add(name=ref, ref_key=pname, data_type=_DATA_TYPE[pt.dtype])
                proto.dims.extend(pt.shape)
                proto.raw_data = pt.detach().contiguous().numpy().tobytes()
            exp.env[name] = _Ref(ref)
        else:
            exp.env[name] = _Ref(writer.const(t.detach().clone()))
    for node in program.graph.nodes:
        if node.op == "placeholder" and node.name in user_inputs:
            ref = f"{g.name}:{node.name}"
            vi = g.input.add(name=ref)
            t = vi.tensor.add(data_type=_DATA_TYPE[_meta(node).dtype])
            t.dims.extend(int(d) for d in _meta(node).shape)
            exp.env[node.name] = _Ref(ref)
        elif node.op == "call_function":
            exp.run(node)
        elif node.op == "output":
            outs = node.args[0]
            outs = list(outs) if isinstance(outs, (tuple, list)) else [outs]
            refs = [exp.arg(o) for o in outs]
            metas = tuple(_meta(o) for o in outs)
            out = refs[0] if len(refs) == 1 else writer.prim("MakeTuple", refs, metas, kind=_PRIMITIVE)
            if len(refs) == 1 and not str(out).startswith(g.name + ":CNode_"):
                raise ValueError(f"For 'export', the output of {net_name} is not computed by the graph; MINDIR "
                                 f"needs at least one operation.")
            vi = g.output.add(name=str(out))
            if len(metas) == 1:
                t = vi.tensor.add(data_type=_DATA_TYPE[metas[0].dtype])
                t.dims.extend(int(d) for d in metas[0].shape)
            else:
                vi.denotation = "Tuple"
                _shape_attr(vi.attr_info, metas, None)
    _order_parameters(g)
    if exp.pads:
        raise ValueError(f"For 'export', {net_name} pads a tensor with aten.pad where the pad is not folded into a "
                         f"convolution or pooling; MINDIR cannot express it here, use file_format='ONNX'.")
    path = os.path.realpath(file_name if file_name.endswith(".mindir") else file_name + ".mindir")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    body = writer.model.SerializeToString()
    if enc_key is not None:
        body = enc_mode(body, enc_key) if callable(enc_mode) else encrypt_stream(body, enc_key, enc_mode)
    _atomic_write(path, lambda f, _tmp: f.write(body), "export", mode=0o400)
    return path


"""Small ops real MindSpore code reaches for: ``identity``, ``Print``/``print_``, ``make_range``,
``tuple_len``, ``Partial``, ``RandomChoiceWithMask``/``choice_with_mask``, the float-status family
(``FloatStatus``, ``NPUAllocFloatStatus``, ``NPUGetFloatStatus``, ``NPUClearFloatStatus``) and
``DynamicRNN``.

Behaviour follows the reference on the devices lightspore runs on (tests/golden/gen_misc_ops.py):
``FloatStatus`` is a GPU kernel there (0./1. for "x holds a NaN or an infinity") and raises on CPU; the
NPU float-status ops and ``DynamicRNN`` are Ascend kernels and raise on CPU and GPU, with the reference's
RuntimeError. They still construct, as in the reference, so model code that builds them for an Ascend
branch it never takes runs unchanged.
"""
import functools
import numbers
import sys

import torch

from ..common import dtype as mstype
from ..common._device import current_device
from ..common.tensor import Tensor
from . import _random
from ._table import OPS, Primitive, prim


def _type_name(v):
    return type(v).__name__


def _check_type(op, name, value, types, type_names):
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        raise TypeError(f"For '{op}', the type of '{name}' should be '{type_names}', but got type "
                        f"'{_type_name(value)}'.")


def _device_name(t=None):
    dev = t.device if t is not None else current_device()
    return "GPU" if dev.type == "cuda" else "CPU"


def _unsupported(op, device):
    return RuntimeError(f"Unsupported op [{op}] on {device}, Please confirm whether the device target setting is "
                        f"correct, or refer to 'mindspore.ops' at https://www.mindspore.cn to query the operator "
                        f"support list.")


# ----------------------------------------------------------------------------- identity
class identity(Primitive):  # noqa: N801  (the reference's class is spelled so: ops.operations.identity)
    """Returns its input unchanged (the very same object)."""

    def __init__(self):
        super().__init__("identity")

    def __call__(self, x):
        return x


# ----------------------------------------------------------------------------- sequence helpers
class _MakeRange(Primitive):
    """``make_range(stop)`` / ``(start, stop)`` / ``(start, stop, step)``: a tuple of ints, like ``range``."""

    def __init__(self):
        super().__init__("make_range")

    def __call__(self, *args):
        if not 1 <= len(args) <= 3:
            raise RuntimeError(f"For 'make_range', the input size should within [1, 3] but got{len(args)}")
        for i, a in enumerate(args):
            if not isinstance(a, numbers.Integral) or isinstance(a, bool):
                raise TypeError(f"For 'make_range', the {i}th input should be a int scalar but got "
                                f"{_type_name(a)} {a!r}")
        if len(args) == 3 and args[2] == 0:
            raise RuntimeError("For 'range', the argument 'step' could not be 0.")
        return tuple(range(*(int(a) for a in args)))


class _TupleLen(Primitive):
    """``tuple_len(seq)``: the length of a tuple or list."""

    def __init__(self):
        super().__init__("tuple_len")

    def __call__(self, *args):
        if len(args) != 1:
            raise TypeError(f"For 'tuple_len', one input (a tuple or list) is expected, but got {len(args)}.")
        seq = args[0]
        if not isinstance(seq, (tuple, list)):
            raise TypeError(f"For 'tuple_len', the input must be a tuple or list, but got {_type_name(seq)}.")
        return len(seq)


# ----------------------------------------------------------------------------- Print
def _print_text(args):
    return "".join(f"{a!r}\n" if isinstance(a, Tensor) else f"{a}\n" for a in args)


@prim("Print")
class Print(Primitive):
    """Prints each input on its own line to stdout (a Tensor as its repr); returns None."""

    def __init__(self):
        super().__init__("Print")

    def __call__(self, *args):
        sys.stdout.write(_print_text(args))
        sys.stdout.flush()


def print_(*input_x):
    """Prints each input on its own line to stdout (a Tensor as its repr); returns None."""
    sys.stdout.write(_print_text(input_x))
    sys.stdout.flush()


# ----------------------------------------------------------------------------- Partial
@prim("Partial")
class Partial(Primitive):
    """``Partial()(fn, *args)``: ``fn`` with its first arguments bound (a ``functools.partial``)."""

    def __init__(self):
        super().__init__("Partial")

    def __call__(self, *args):
        if not args or not callable(args[0]):
            raise TypeError(f"For 'Partial', the first input must be a function, but got "
                            f"{_type_name(args[0]) if args else 'nothing'}.")
        return functools.partial(args[0], *args[1:])


# ----------------------------------------------------------------------------- RandomChoiceWithMask
@prim("RandomChoiceWithMask")
class RandomChoiceWithMask(Primitive):
    """Picks ``count`` of the True positions of a bool tensor at random.

    Returns ``(index, mask)``: ``index`` int32 of shape ``(count, rank)`` with the chosen positions first
    (zero rows after them when fewer than ``count`` are True) and ``mask`` bool of shape ``(count,)``.
    """

    def __init__(self, count=256, seed=0, seed2=0):
        super().__init__("RandomChoiceWithMask")
        _check_type(self.name, "count", count, (int,), "int")
        if count <= 0:
            raise ValueError(f"For 'RandomChoiceWithMask', the 'count' must be int and must > 0, but got "
                             f"'{count}' with type 'int'.")
        _check_type(self.name, "seed", seed, (int,), "int")
        _check_type(self.name, "seed2", seed2, (int,), "int")
        self.count, self.seed, self.seed2 = count, seed, seed2
        self.add_prim_attr("side_effect_hidden", True)

    def __call__(self, input_x):
        if not isinstance(input_x, Tensor) or input_x._t.dtype != torch.bool:
            got = f"Tensor[{input_x.dtype}]" if isinstance(input_x, Tensor) else _type_name(input_x)
            raise TypeError(f"For primitive[RandomChoiceWithMask], the input argument[input_x] must be a type of "
                            f"{{Tensor[Bool]}}, but got {got}.")
        t = input_x._t
        if not 1 <= t.dim() <= 5:
            raise ValueError(f"For 'RandomChoiceWithMask', input[0] rank should be between 1 and 5, but "
                             f"got:{t.dim()}")
        s = self.seed * 1000003 + self.seed2 if (self.seed or self.seed2) else None
        gen = _random._gen("RandomChoiceWithMask", s, t.device)
        nz = torch.nonzero(t)
        k = min(self.count, nz.shape[0])
        chosen = nz[torch.randperm(nz.shape[0], generator=gen, device=t.device)[:k]]
        index = torch.zeros((self.count, t.dim()), dtype=torch.int32, device=t.device)
        index[:k] = chosen.to(torch.int32)
        mask = torch.zeros(self.count, dtype=torch.bool, device=t.device)
        mask[:k] = True
        return Tensor._make(index), Tensor._make(mask)


def choice_with_mask(input_x, count=256, seed=None):
    """``RandomChoiceWithMask(count, seed)(input_x)``: ``count`` True positions at random, and their mask."""
    return RandomChoiceWithMask(count, 0 if seed is None else seed, 0)(input_x)


# ----------------------------------------------------------------------------- float status
_FLOATS = (torch.float16, torch.float32, torch.float64)


@prim("FloatStatus")
class FloatStatus(Primitive):
    """``[1.]`` if ``x`` holds a NaN or an infinity, else ``[0.]`` (float32, shape ``(1,)``).

    A GPU kernel in the reference: on CPU it raises its RuntimeError, as the reference does.
    """

    def __init__(self):
        super().__init__("FloatStatus")

    def __call__(self, x):
        if not isinstance(x, Tensor):
            raise TypeError(f"For 'FloatStatus', 'x' must be a Tensor, but got {_type_name(x)}.")
        t = x._t
        if t.dtype not in _FLOATS:
            raise TypeError(f"For 'FloatStatus', the dtype of 'x' must be float16, float32 or float64, but got "
                            f"{x.dtype}.")
        if t.device.type != "cuda":
            raise _unsupported("FloatStatus", _device_name(t))
        return Tensor._make((~torch.isfinite(t)).any().to(torch.float32).reshape(1))


class _AscendOnly(Primitive):
    """An Ascend kernel in the reference: constructs, and raises the reference's RuntimeError when called on
    CPU or GPU."""

    def __init__(self):
        super().__init__(type(self).__name__)

    def __call__(self, *args):
        t = next((a._t for a in args if isinstance(a, Tensor)), None)
        raise _unsupported(self.name, _device_name(t))


@prim("NPUAllocFloatStatus")
class NPUAllocFloatStatus(_AscendOnly):
    """Allocates Ascend's float-status buffer (Ascend only: raises on CPU and GPU, as the reference does)."""


@prim("NPUGetFloatStatus")
class NPUGetFloatStatus(_AscendOnly):
    """Reads Ascend's float-status register (Ascend only: raises on CPU and GPU, as the reference does)."""


@prim("NPUClearFloatStatus")
class NPUClearFloatStatus(_AscendOnly):
    """Clears Ascend's float-status register (Ascend only: raises on CPU and GPU, as the reference does)."""


# ----------------------------------------------------------------------------- DynamicRNN
@prim("DynamicRNN")
class DynamicRNN(_AscendOnly):
    """Ascend's fused LSTM kernel. Its attributes are checked as in the reference; calling it raises the
    reference's RuntimeError on CPU and GPU (use ``nn.LSTM`` there)."""

    def __init__(self, cell_type='LSTM', direction='UNIDIRECTIONAL', cell_depth=1, use_peephole=False,
                 keep_prob=1.0, cell_clip=-1.0, num_proj=0, time_major=True, activation='tanh', forget_bias=0.0,
                 is_training=True):
        Primitive.__init__(self, "DynamicRNN")
        for name, value, types, tname in (
                ("cell_type", cell_type, (str,), "str"), ("direction", direction, (str,), "str"),
                ("cell_depth", cell_depth, (int,), "int"), ("use_peephole", use_peephole, (bool,), "bool"),
                ("keep_prob", keep_prob, (float,), "float"), ("cell_clip", cell_clip, (float,), "float"),
                ("num_proj", num_proj, (int,), "int"), ("time_major", time_major, (bool,), "bool"),
                ("activation", activation, (str,), "str"), ("forget_bias", forget_bias, (float,), "float"),
                ("is_training", is_training, (bool,), "bool")):
            _check_type(self.name, name, value, types, tname)
        for name, value, allowed in (("cell_type", cell_type, "LSTM"), ("direction", direction, "UNIDIRECTIONAL"),
                                     ("activation", activation, "tanh")):
            if value != allowed:
                raise ValueError(f"For 'DynamicRNN', the '{name}' must be str and must be in '['{allowed}']', but "
                                 f"got '{value}'.")
        for name, value in (("cell_type", cell_type), ("direction", direction), ("cell_depth", cell_depth),
                            ("use_peephole", use_peephole), ("keep_prob", keep_prob), ("cell_clip", cell_clip),
                            ("num_proj", num_proj), ("time_major", time_major), ("activation", activation),
                            ("forget_bias", forget_bias), ("is_training", is_training)):
            self.add_prim_attr(name, value)


# functional forms: the reference's ops.identity / make_range / tuple_len are primitive instances
OPS["identity"] = identity()
OPS["make_range"] = _MakeRange()
OPS["tuple_len"] = _TupleLen()
OPS["print_"] = print_
OPS["choice_with_mask"] = choice_with_mask
print_.__module__ = choice_with_mask.__module__ = "lightspore.ops"


# ----------------------------------------------------------------------------- composite.ones_like / zeros_like
def _unsupported_type(v):
    # the reference's exact type for a Python object it cannot convert
    return NotImplementedError(f"The python type {type(v)} cannot be converted to MindSpore type.")


class _OnesLike:
    """``ops.composite.ones_like``: ones shaped like a Tensor, applied through tuples and lists (a list gives a
    tuple, as in the reference); an int gives 1, a bool True, None stays None."""

    def __call__(self, x):
        if isinstance(x, Tensor):
            return Tensor._make(torch.ones_like(x._t))
        if isinstance(x, (tuple, list)):
            return tuple(self(v) for v in x)
        if x is None:
            return None
        if isinstance(x, bool):
            return True
        if isinstance(x, numbers.Integral):
            return 1
        if isinstance(x, numbers.Real):
            raise ValueError("For 'ScalarCast', the supported type is in the list: [mindspore.int64, "
                             "mindspore.float64, mindspore.bool], but got Float32")
        raise _unsupported_type(x)


class _ZerosLike:
    """``ops.composite.zeros_like``: zeros shaped like a Tensor; a number gives 0 of its type (a bool gives the
    int 0), None stays None; as in the reference, any tuple gives the int 0 and a list is refused."""

    def __call__(self, x):
        if isinstance(x, Tensor):
            return Tensor._make(torch.zeros_like(x._t))
        if x is None:
            return None
        if isinstance(x, list):
            raise ValueError("For 'MultitypeFuncGraph', cannot find fn match given args: zeros_like takes a "
                             "Tensor, a number or a tuple, but got list.")
        if isinstance(x, (tuple, bool, numbers.Integral)):
            return 0
        if isinstance(x, numbers.Real):
            return 0.0
        raise _unsupported_type(x)


ones_like = _OnesLike()
zeros_like = _ZerosLike()


def add_flags(fn=None, **flags):
    """Records ``flags`` on ``fn`` (its ``_func_graph_flags`` dict) and returns ``fn``; without ``fn``, a
    decorator doing so."""
    def deco(f):
        merged = dict(getattr(f, "_func_graph_flags", None) or {})
        merged.update(flags)
        f._func_graph_flags = merged
        return f

    return deco if fn is None else deco(fn)


# ----------------------------------------------------------------------------- AdamWeightDecay (primitive)
@prim("AdamWeightDecay")
class AdamWeightDecay(Primitive):
    """``AdamWeightDecay(use_locking=False)(var, m, v, lr, beta1, beta2, epsilon, decay, gradient)``: one Adam step
    with decoupled weight decay, written into ``var``, ``m`` and ``v`` (Parameters)::

        m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * g * g
        update = m / (sqrt(v) + epsilon) + decay * var;  var -= lr * update

    Returns ``(var, m, v)``, the updated tensors (the reference's CPU kernel returns zero-filled tensors of
    those shapes here; its documentation promises the updated ones).
    """

    def __init__(self, use_locking=False):
        super().__init__("AdamWeightDecay")
        _check_type(self.name, "use_locking", use_locking, (bool,), "bool")
        self.use_locking = use_locking
        self.add_prim_attr("side_effect_mem", True)

    def __call__(self, var, m, v, lr, beta1, beta2, epsilon, decay, gradient):
        for name, t in (("var", var), ("m", m), ("v", v), ("gradient", gradient)):
            if not isinstance(t, Tensor):
                raise TypeError(f"For 'AdamWeightDecay', '{name}' must be a Tensor, but got {_type_name(t)}.")
        w, mt, vt = var._t, m._t, v._t
        g = gradient._t.to(torch.float32)

        def scalar(name, x):
            if isinstance(x, Tensor):
                return float(x._t.reshape(-1)[0])
            if not isinstance(x, numbers.Real) or isinstance(x, bool):
                raise TypeError(f"For 'AdamWeightDecay', '{name}' must be a float, but got {_type_name(x)}.")
            return float(x)

        lr, b1, b2 = scalar("lr", lr), scalar("beta1", beta1), scalar("beta2", beta2)
        eps, wd = scalar("epsilon", epsilon), scalar("decay", decay)
        with torch.no_grad():
            m32 = mt.to(torch.float32) * b1 + g * (1.0 - b1)
            v32 = vt.to(torch.float32) * b2 + g * g * (1.0 - b2)
            upd = m32 / (v32.sqrt() + eps)
            w32 = w.to(torch.float32)
            if wd != 0.0:
                upd = upd + wd * w32
            mt.copy_(m32)
            vt.copy_(v32)
            w.copy_(w32 - lr * upd)
        return var, m, v


# ----------------------------------------------------------------------------- DynamicGRUV2
@prim("DynamicGRUV2")
class DynamicGRUV2(_AscendOnly):
    """Ascend's fused GRU kernel. Its attributes are checked as in the reference; calling it raises the
    reference's RuntimeError on CPU and GPU (use ``nn.GRU`` there)."""

    def __init__(self, direction='UNIDIRECTIONAL', cell_depth=1, keep_prob=1.0, cell_clip=-1.0, num_proj=0,
                 time_major=True, activation='tanh', gate_order='rzh', reset_after=True, is_training=True):
        from .. import _checkparam as V

        Primitive.__init__(self, "DynamicGRUV2")
        V.check_value_type("cell_depth", cell_depth, [int], self.name)
        V.check_value_type("keep_prob", keep_prob, [float], self.name)
        V.check_value_type("cell_clip", cell_clip, [float], self.name)
        V.check_non_negative_int(num_proj, "num_proj", self.name)
        V.check_value_type("time_major", time_major, [bool], self.name)
        V.check_value_type("is_training", is_training, [bool], self.name)
        V.check_value_type("reset_after", reset_after, [bool], self.name)
        V.check_string(direction, ["UNIDIRECTIONAL"], "direction", self.name)
        V.check_string(activation, ["tanh"], "activation", self.name)
        V.check_string(gate_order, ["zrh", "rzh"], "gate_order", self.name)
        for name, value in (("direction", direction), ("cell_depth", cell_depth), ("keep_prob", keep_prob),
                            ("cell_clip", cell_clip), ("num_proj", num_proj), ("time_major", time_major),
                            ("activation", activation), ("gate_order", gate_order), ("reset_after", reset_after),
                            ("is_training", is_training)):
            self.add_prim_attr(name, value)


# ----------------------------------------------------------------------------- mixed_precision_cast
class _MixedPrecisionCast(Primitive):
    """``F.mixed_precision_cast(dst_dtype, x)``: every floating Tensor in ``x`` (through tuples and lists; a list
    gives a tuple) cast to ``dst_dtype``; other values, and dicts, as they are (as in the reference)."""

    def __init__(self):
        super().__init__("MixedPrecisionCast")

    def __call__(self, dst_dtype, x):
        target = mstype.to_torch(dst_dtype)

        def cast(v):
            if isinstance(v, Tensor):
                return Tensor._make(v._t.to(target)) if v._t.is_floating_point() else v
            if isinstance(v, (tuple, list)):
                return tuple(cast(x) for x in v)
            return v

        return cast(x)


OPS["mixed_precision_cast"] = _MixedPrecisionCast()


# ----------------------------------------------------------------------------- multi_head_attention_forward
def multi_head_attention_forward(query, key, value, embed_dim_to_check, num_heads, in_proj_weight, in_proj_bias,
                                 bias_k, bias_v, add_zero_attn, dropout_p, out_proj_weight, out_proj_bias,
                                 training=True, key_padding_mask=None, attn_mask=None, use_separate_proj_weight=False,
                                 q_proj_weight=None, k_proj_weight=None, v_proj_weight=None, static_k=None,
                                 static_v=None, average_attn_weights=True, is_causal=False, k_is_v=False,
                                 q_is_k=False, dtype=mstype.float32):
    """``mindspore.ops.function.nn_func.multi_head_attention_forward``: multi-head attention on sequence-first
    inputs ``(L, N, E)``; returns ``(attn_output, attn_weights)`` (weights averaged over the heads unless
    ``average_attn_weights=False``). ``k_is_v``/``q_is_k`` are the reference's hints that the inputs are the same
    tensor (the result does not depend on them); ``dtype`` is the computation dtype (float32 by default)."""
    def t(x):
        return x._t if isinstance(x, Tensor) else x

    compute = mstype.to_torch(dtype)

    def c(x):
        x = t(x)
        return x.to(compute) if isinstance(x, torch.Tensor) and x.is_floating_point() else x

    out, weights = torch.nn.functional.multi_head_attention_forward(
        c(query), c(key), c(value), embed_dim_to_check, num_heads, c(in_proj_weight), c(in_proj_bias), c(bias_k),
        c(bias_v), add_zero_attn, dropout_p, c(out_proj_weight), c(out_proj_bias), training=training,
        key_padding_mask=c(key_padding_mask), need_weights=True, attn_mask=c(attn_mask),
        use_separate_proj_weight=use_separate_proj_weight, q_proj_weight=c(q_proj_weight),
        k_proj_weight=c(k_proj_weight), v_proj_weight=c(v_proj_weight), static_k=c(static_k), static_v=c(static_v),
        average_attn_weights=average_attn_weights, is_causal=is_causal)
    return Tensor._make(out), Tensor._make(weights)


# ----------------------------------------------------------------------------- LSTM (primitive)
@prim("LSTM")
class LSTM(Primitive):
    """``LSTM(input_size, hidden_size, num_layers, has_bias, bidirectional, dropout, proj_size=0)(x, h, c, w)``:
    a multi-layer LSTM over sequence-first ``x`` ``(seq_len, batch, input_size)`` with every weight in the one
    flat tensor ``w``, laid out as the reference's CPU kernel reads it: the input-hidden matrices
    ``(4*hidden, in)`` of every (layer, direction), then the hidden-hidden matrices ``(4*hidden, hidden)``, then
    one bias ``(4*hidden,)`` per (layer, direction) (the rest of ``w``, a second bias per (layer, direction),
    is not read); gates in the order input, forget, cell, output.

    Returns ``(output, h_n, c_n, reserve, state)``; ``reserve`` and ``state`` are the reference's backend
    workspace (its documentation: "reserved") and come back empty here. Stacked bidirectional layers
    (``num_layers > 1`` with ``bidirectional``) are not built: their CPU weight layout is not reproduced; stacked
    layers with ``input_size != hidden_size`` are refused, as the reference's CPU kernel refuses them.
    """

    def __init__(self, input_size, hidden_size, num_layers, has_bias, bidirectional, dropout, proj_size=0):
        from .. import _checkparam as V

        super().__init__("LSTM")
        self.input_size = V.check_positive_int(input_size, "input_size", self.name)
        self.hidden_size = V.check_positive_int(hidden_size, "hidden_size", self.name)
        self.num_layers = V.check_positive_int(num_layers, "num_layers", self.name)
        self.has_bias = V.check_value_type("has_bias", has_bias, (bool,), self.name)
        self.bidirectional = V.check_value_type("bidirectional", bidirectional, (bool,), self.name)
        self.dropout = V.check_value_type("dropout", dropout, [float], self.name)
        self.dropout = V.check_float_range(dropout, 0, 1, V.INC_BOTH, "dropout", self.name)
        self.proj_size = V.check_int_range(proj_size, 0, hidden_size, V.INC_LEFT, "proj_size", self.name)
        if proj_size:
            raise ValueError("For 'LSTM', 'proj_size' > 0 is not built in lightspore (use nn.LSTM).")
        if bidirectional and num_layers > 1:
            raise ValueError("For 'LSTM', num_layers > 1 with bidirectional=True is not built in lightspore: the "
                             "reference's CPU weight layout for stacked bidirectional layers is not reproduced "
                             "(use nn.LSTM).")
        if num_layers > 1 and input_size != hidden_size:
            raise ValueError(f"For 'LSTM', stacked layers (num_layers={num_layers}) need input_size == hidden_size "
                             f"(the reference's CPU kernel refuses the rest), but got input_size={input_size}, "
                             f"hidden_size={hidden_size}.")
        self.num_directions = 2 if bidirectional else 1

    def __call__(self, x, h, c, w):
        for name, t in (("x", x), ("h", h), ("c", c), ("w", w)):
            if not isinstance(t, Tensor):
                raise TypeError(f"For 'LSTM', '{name}' must be a Tensor, but got {_type_name(t)}.")
        xt, ht, ct, wt = x._t, h._t, c._t, w._t.reshape(-1)
        if xt.dim() != 3 or xt.shape[-1] != self.input_size:
            raise ValueError(f"For 'LSTM', 'x' must be (seq_len, batch, {self.input_size}), but got "
                             f"{tuple(xt.shape)}.")
        hs, nd, g = self.hidden_size, self.num_directions, 4 * self.hidden_size
        keys = [(layer, d) for layer in range(self.num_layers) for d in range(nd)]
        ins = {k: (self.input_size if k[0] == 0 else hs * nd) for k in keys}
        need = sum(g * ins[k] + g * hs for k in keys) + (len(keys) * 2 * g if self.has_bias else 0)
        if wt.numel() != need:
            raise ValueError(f"For 'LSTM', 'w' must hold {need} values for these sizes, but got {wt.numel()}.")
        wt = wt.to(xt.dtype)
        off, w_ih, w_hh, b_ih = 0, {}, {}, {}
        for k in keys:
            w_ih[k] = wt[off:off + g * ins[k]].reshape(g, ins[k])
            off += g * ins[k]
        for k in keys:
            w_hh[k] = wt[off:off + g * hs].reshape(g, hs)
            off += g * hs
        if self.has_bias:
            for k in keys:
                b_ih[k] = wt[off:off + g]
                off += g
        flat = []
        for k in keys:
            flat += [w_ih[k], w_hh[k]]
            if self.has_bias:
                flat += [b_ih[k], torch.zeros_like(b_ih[k])]
        with torch.no_grad():
            y, hn, cn = torch.lstm(xt, (ht, ct), flat, self.has_bias, self.num_layers, self.dropout,
                                   self.dropout > 0, self.bidirectional, False)
        empty = torch.zeros((0, 1), dtype=xt.dtype, device=xt.device)
        return (Tensor._make(y), Tensor._make(hn), Tensor._make(cn), Tensor._make(empty),
                Tensor._make(empty.clone()))

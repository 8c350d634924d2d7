"""``mindspore.amp``: automatic mixed precision, loss scaling and the mixed-precision train network.

How lightspore runs a cell in lower precision (float16 or bfloat16), matching what the reference does
in PyNative mode:

* ``Cell.to_float(dtype)`` marks a cell and all its sub-cells; a marked cell casts its float inputs.
  The amp functions here also make each marked cell cast its own float Parameters to the cell's
  dtype while its ``construct`` runs (``common/_param_cast.py``: the Parameter itself stays float32;
  the cast is inside the gradient tape, so gradients reach the float32 Parameter as float32; a cast
  written in place is copied back). A cell holding both trainable and non-trainable float Parameters
  (BatchNorm: gamma, beta and the moving statistics it updates in place) keeps its Parameters as
  they are; torch's kernels take the lower-precision input with float32 weights.
* ``O1``: the white-list cells (``get_white_list``) run in ``dtype`` and return float32; white-list
  primitives held as cell attributes (``self.matmul = ops.MatMul()``) are wrapped so they cast their
  inputs to ``dtype`` and their outputs back to float32 (the reference's rewrite-based casting; the
  layers of lightspore that call torch directly where the reference calls a white-list primitive,
  such as ``nn.ReLU``, are treated as white-list cells).
* ``O2``: the whole network runs in ``dtype`` except the black-list cells (``get_black_list``), which
  run in float32 and return ``dtype``; the network's outputs are cast to float32.
* ``O3``: the whole network runs in ``dtype``; outputs cast to float32.
* ``auto``: every torch call the network makes is checked against the reference's operator lists
  (a ``torch.overrides.TorchFunctionMode`` while it runs): matmul/bmm/einsum/addmm/baddbmm/mv/prelu and
  the convolutions run in ``dtype``; ``nn.Dense``/``nn.Conv*`` compute their product in ``dtype`` and
  add the bias in the wider dtype (the reference's MatMul/Conv2D + BiasAdd, BiasAdd being a promote-list
  operator); exp/log/pow/rsqrt/reciprocal, softmax/log_softmax, the norms, cumsum/cumprod/prod and the
  black-list losses run in float32; cat/addcmul/addcdiv/cross/dot/grid_sample run in the widest float
  input dtype; everything else runs in its inputs' dtype. Reductions such as ``sum`` are left to their
  inputs' dtype (the reference lists only the ``mint`` sum).

``build_train_network`` (and so ``Model``) also accepts a ``loss_scale_manager`` with an update cell
on CPU; the reference refuses that on CPU only because its graph compiler there lacks the overflow
kernels, a limit lightspore does not have. ``boost_level`` is checked and accepted; the boost
algorithms (LessBN, gradient freezing, AdaSum, dimension reduction) are not applied, so every boost
level trains like ``O0`` (the boost train cells differ from the plain ones only by those algorithms).
"""
import functools
import inspect
import logging
import types
from abc import ABC, abstractmethod

import torch

from . import nn, ops
from ._checkparam import IN, check, check_positive_int, check_type_name, check_value_type
from .common import dtype as mstype
from .common._param_cast import restore_params, swap_params
from .common.parameter import Parameter
from .common.tensor import Tensor
from .nn.cell import Cell
from .nn.optim.optimizer import Optimizer
from .nn.wrap.cell_wrapper import _copy_cell_attrs
from .nn.wrap.grad_accumulation import _is_grad_accumulation, _TrainGradAccuStepCell
from .nn.wrap.loss_scale import TrainOneStepWithLossScaleCell
from .ops._table import Primitive
from .train.loss_scale_manager import DynamicLossScaleManager, FixedLossScaleManager, LossScaleManager

logger = logging.getLogger("lightspore")

__all__ = ["DynamicLossScaleManager", "LossScaleManager", "FixedLossScaleManager", "build_train_network",
           "DynamicLossScaler", "StaticLossScaler", "LossScaler", "auto_mixed_precision", "all_finite",
           "custom_mixed_precision", "get_white_list", "get_black_list"]


def _present(module, names):
    return [getattr(module, n) for n in names if hasattr(module, n)]


# the reference's lists, in its order, holding the classes lightspore has
AMP_WHITE_LIST = (_present(nn, ["Conv1d", "Conv2d", "Conv3d", "Conv1dTranspose", "Conv2dTranspose",
                                "Conv3dTranspose", "Dense", "LSTMCell", "RNNCell", "GRUCell"])
                  + _present(ops, ["Conv2D", "Conv3D", "Conv2DTranspose", "Conv3DTranspose", "Conv2DBackpropInput",
                                   "MatMul", "BatchMatMul", "PReLU", "ReLU", "Ger"]))
AMP_BLACK_LIST = [nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d, nn.LayerNorm]

# lightspore layers whose reference construct is a single white-list primitive call
_O1_PRIMITIVE_CELLS = {ops.ReLU: _present(nn, ["ReLU"])}     # (the reference's nn.PReLU calls ops.prelu)

_LOW = (mstype.float16, mstype.bfloat16)


# ---------------------------------------------------------------------------------------------- casting
def _cast_tree(x, tdt):
    """Cast every float Tensor in ``x`` (nested tuples/lists) to the torch dtype ``tdt``."""
    if isinstance(x, Tensor):
        t = x._t
        if t.is_floating_point() and t.dtype != tdt:
            return Tensor._make(t.to(tdt))
        return x
    if isinstance(x, tuple):
        return tuple(_cast_tree(v, tdt) for v in x)
    if isinstance(x, list):
        return [_cast_tree(v, tdt) for v in x]
    return x


def _amp_construct(self, *args, **kwargs):
    d = self.__dict__
    tdt = d["_cast_type"]
    swapped = swap_params(d["_params"], tdt) if tdt is not None else ()
    try:
        out = d["_amp_construct"](*args, **kwargs)
    finally:
        restore_params(swapped)
    out_type = d.get("_amp_out_type")
    if out_type is not None:
        out = _cast_tree(out, out_type)
    return out


def _install(cell, out_type=None):
    """Make ``cell`` cast its Parameters to its ``to_float`` dtype while it runs (and its outputs to
    ``out_type`` when given)."""
    d = cell.__dict__
    if "_amp_construct" not in d:
        d["_amp_construct"] = cell.construct
        d["construct"] = types.MethodType(_amp_construct, cell)
    if out_type is not None:
        d["_amp_out_type"] = out_type


def _install_tree(network):
    for _, cell in network.cells_and_names():
        _install(cell)


class _OutputTo16(Cell):
    """Runs ``backbone`` and casts its outputs to ``dtype`` (float16 by default)."""

    def __init__(self, backbone, dtype=mstype.float16):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        self.dtype = dtype
        _copy_cell_attrs(self, backbone)

    def construct(self, *args, **kwargs):
        return _cast_tree(self._backbone(*args, **kwargs), mstype.to_torch(self.dtype))


class _OutputTo32(Cell):
    """Runs ``backbone`` and casts its float outputs to float32."""

    def __init__(self, backbone):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        _copy_cell_attrs(self, backbone)

    def construct(self, *args, **kwargs):
        return _cast_tree(self._backbone(*args, **kwargs), torch.float32)


class _CastPrimitive:
    """A white-list primitive run in ``dtype``: float inputs cast down, float outputs cast to float32."""

    def __init__(self, primitive, dtype):
        self._primitive = primitive
        self._tdt = mstype.to_torch(dtype)

    def __call__(self, *args, **kwargs):
        return _cast_tree(self._primitive(*_cast_tree(args, self._tdt), **kwargs), torch.float32)

    def __getattr__(self, name):
        return getattr(self.__dict__["_primitive"], name)

    def __repr__(self):
        return repr(self._primitive)


def _precision_set_by_user(cell):
    return cell.__dict__.get("_cast_type") is not None


def _white_list_cast(cell, dtype, cell_types, prim_types):
    """The reference's rewrite casting: white-list cells run in ``dtype`` and return float32, white-list
    primitive attributes are wrapped; everything else keeps its precision."""
    d = cell.__dict__
    for name, value in list(d.items()):
        if isinstance(value, Primitive) and prim_types and isinstance(value, prim_types):
            d[name] = _CastPrimitive(value, dtype)
    for sub in list(d["_cells"].values()):
        if sub is None or sub is cell or _precision_set_by_user(sub):
            continue
        if cell_types and isinstance(sub, cell_types):
            sub.to_float(dtype)
            _install_tree(sub)
            _install(sub, torch.float32)
        else:
            _white_list_cast(sub, dtype, cell_types, prim_types)


def _split_white_list(white_list):
    cells = [c for c in white_list if issubclass(c, Cell)]
    prims = tuple(c for c in white_list if issubclass(c, Primitive))
    for prim, layers in _O1_PRIMITIVE_CELLS.items():
        if prim in prims:
            cells.extend(layers)
    return tuple(cells), prims


def _auto_black_list(network, black_list, dtype):
    """Run ``network`` in ``dtype`` except the ``black_list`` cells: float32 inside, ``dtype`` out."""
    network.to_float(dtype)
    for name, sub in list(network.name_cells().items()):
        if sub is network:
            continue
        if isinstance(sub, tuple(black_list)):
            network._cells[name] = _OutputTo16(sub.to_float(mstype.float32), dtype)
        else:
            _auto_black_list(sub, black_list, dtype)
    return network


def _do_keep_batchnorm_fp32(network):
    """The black-list (normalization) cells of a float16 network run in float32 and return float16."""
    for name, sub in list(network.name_cells().items()):
        if sub is network:
            continue
        if isinstance(sub, tuple(AMP_BLACK_LIST)):
            network._cells[name] = _OutputTo16(sub.to_float(mstype.float32))
        else:
            _do_keep_batchnorm_fp32(sub)


def _torch_fns(*names):
    """torch functions and Tensor methods by name (those this torch has)."""
    fns = []
    for name in names:
        for holder in (torch, torch.nn.functional, torch.Tensor, torch.linalg, torch.special):
            fn = getattr(holder, name, None)
            if fn is not None and callable(fn):
                fns.append(fn)
    return fns


# the reference's 'auto' lists, as the torch calls lightspore's ops and layers make for those primitives
_AUTO_WHITE = _torch_fns("matmul", "__matmul__", "__rmatmul__", "mm", "bmm", "einsum", "addmm", "addbmm", "addmv",
                         "baddbmm", "mv", "prelu", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d")
_AUTO_BIAS_OPS = _torch_fns("linear", "conv1d", "conv2d", "conv3d")   # MatMul/Conv (white) + BiasAdd (promote)
_AUTO_BLACK = _torch_fns("pow", "__pow__", "__rpow__", "acos", "arccos", "asin", "arcsin", "cosh", "erfinv", "exp",
                         "expm1", "log", "log10", "log1p", "log2", "reciprocal", "rsqrt", "sinh", "tan", "softplus",
                         "layer_norm", "batch_norm", "group_norm", "norm", "vector_norm", "kl_div", "smooth_l1_loss",
                         "multilabel_margin_loss", "soft_margin_loss", "triplet_margin_loss", "multi_margin_loss",
                         "binary_cross_entropy_with_logits", "pdist", "cdist", "renorm", "prod", "softmax",
                         "log_softmax", "cumprod", "cumsum", "nll_loss")
_AUTO_PROMOTE = _torch_fns("addcdiv", "addcmul", "cross", "dot", "grid_sample", "cat", "concat", "concatenate")
_AUTO_KIND = {}
for _kind, _fns in (("white", _AUTO_WHITE), ("bias", _AUTO_BIAS_OPS), ("black", _AUTO_BLACK),
                    ("promote", _AUTO_PROMOTE)):
    for _fn in _fns:
        _AUTO_KIND.setdefault(_fn, _kind)


def _map_tensors(x, fn):
    if isinstance(x, torch.Tensor):
        return fn(x)
    if isinstance(x, (tuple, list)):
        return type(x)(_map_tensors(v, fn) for v in x)
    return x


def _to_float(tdt):
    def cast(t):
        return t.to(tdt) if t.is_floating_point() and t.dtype != tdt else t
    return cast


def _widest(args, kwargs):
    found = []
    _map_tensors((args, tuple(kwargs.values())), lambda t: found.append(t.dtype) if t.is_floating_point() else None)
    if not found:
        return None
    return max(found, key=lambda d: (torch.finfo(d).bits, d == torch.float32))


class _AutoMode(torch.overrides.TorchFunctionMode):
    """amp_level='auto': white-list calls run in the low dtype, black-list calls in float32, promote-list
    calls in their widest float input dtype, everything else in its inputs' dtype."""

    def __init__(self, low):
        super().__init__()
        self.low = low

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        kind = _AUTO_KIND.get(func)
        if kind is None:
            return func(*args, **kwargs)
        if kind == "black":
            cast = _to_float(torch.float32)
        elif kind == "promote":
            widest = _widest(args, kwargs)
            if widest is None:
                return func(*args, **kwargs)
            cast = _to_float(widest)
        else:
            cast = _to_float(self.low)
        if kind == "bias":
            args = list(args)
            bias = kwargs.pop("bias", None)
            if len(args) > 2:
                bias, args[2] = args[2], None
            out = func(*_map_tensors(tuple(args), cast), **_map_tensors(kwargs, cast))
            if bias is None:
                return out
            if func in (torch.nn.functional.linear,):
                return out + bias
            return out + bias.reshape((1, -1) + (1,) * (out.dim() - 2))
        return func(*_map_tensors(args, cast), **_map_tensors(kwargs, cast))


def _autocast(obj, dtype):
    tdt = mstype.to_torch(dtype)
    if isinstance(obj, Cell):
        d = obj.__dict__
        inner = d.get("_amp_autocast_inner", obj.construct)

        def construct(*args, **kwargs):
            with _AutoMode(tdt):
                return inner(*args, **kwargs)

        d["_amp_autocast_inner"] = inner
        d["construct"] = construct
        return obj

    @functools.wraps(obj)
    def wrapper(*args, **kwargs):
        with _AutoMode(tdt):
            return obj(*args, **kwargs)

    return wrapper


def _check_dtype(dtype):
    if dtype not in _LOW:
        raise ValueError(f"The dtype should be one of (mstype.float16, mstype.bfloat16), but got {dtype}.")


def auto_mixed_precision(network, amp_level="O0", dtype=mstype.float16):
    """Return ``network`` set up to run in ``dtype`` (float16 or bfloat16) at ``amp_level``:
    ``O0`` unchanged, ``O1`` white-list cells and primitives, ``O2`` all but the black-list cells,
    ``O3`` everything, ``auto`` torch autocast (see the module notes)."""
    if not isinstance(network, Cell):
        if amp_level == "auto":
            if not inspect.isfunction(network) and not inspect.ismethod(network):
                raise TypeError("For amp_level 'auto', the network type should be Cell or function.")
        else:
            raise TypeError(f"For amp_level '{amp_level}', the network type should be Cell.")
    _check_dtype(dtype)
    if amp_level == "O0":
        return network
    previous = getattr(network, "_amp_level", None) if isinstance(network, Cell) else None
    if previous in ("O1", "O2", "O3", "auto"):
        logger.warning(f"The network's auto mixed-precision level is adjusted from {previous} to {amp_level}, "
                       "and repeated calls to mixed-precision interfaces can cause performance degradation.")
    if amp_level == "O1":
        cells, prims = _split_white_list(AMP_WHITE_LIST)
        if isinstance(network, cells) and not _precision_set_by_user(network):
            network.to_float(dtype)
            _install_tree(network)
            _install(network, torch.float32)
        else:
            _white_list_cast(network, dtype, cells, prims)
    elif amp_level == "O2":
        network = _auto_black_list(network, AMP_BLACK_LIST, dtype)
        network = _OutputTo32(network)
        _install_tree(network)
    elif amp_level == "O3":
        network.to_float(dtype)
        network = _OutputTo32(network)
        _install_tree(network)
    elif amp_level == "auto":
        network = _autocast(network, dtype)
    else:
        raise ValueError(f"The amp level {amp_level} is not supported")
    if isinstance(network, Cell):
        network.__dict__["_amp_level"] = amp_level
    else:
        network._amp_level = amp_level
    return network


def _list_check(custom_list, list_name):
    if not isinstance(custom_list, list):
        raise TypeError(f"The type of {list_name} should be list, but got {type(custom_list)}")
    for elem in custom_list:
        if not isinstance(elem, type):
            raise TypeError(f"The element in {list_name} should be a class, but got {elem}")
        if list_name == "white_list" and not issubclass(elem, (Cell, Primitive)):
            raise TypeError(f"The subclass of element in {list_name} should be one of 'Cell' and 'Primitive', "
                            f"but got {elem}")
        if list_name == "black_list" and not issubclass(elem, Cell):
            raise TypeError(f"The subclass of element in {list_name} should be one of 'Cell', but got {elem}")
    if list_name == "black_list":
        for elem in AMP_BLACK_LIST:
            if elem not in custom_list:
                logger.warning(f"{elem} is removed from internal black list.")


def custom_mixed_precision(network, *, white_list=None, black_list=None, dtype=mstype.float16):
    """Mixed precision with your own list: the ``white_list`` cells/primitives run in ``dtype``, or
    everything but the ``black_list`` cells does (exactly one of the two)."""
    if not isinstance(network, Cell):
        raise TypeError("The network type should be Cell.")
    if white_list is None and black_list is None:
        raise ValueError("For custom_mixed_precision, one of white_list and black_list must be provided.")
    if white_list is not None and black_list is not None:
        raise ValueError("For custom_mixed_precision, the white_list or black_list cannot be provided at the same "
                         "time, please provide one or the other.")
    _check_dtype(dtype)
    if white_list is not None:
        _list_check(white_list, "white_list")
        cells = tuple(c for c in white_list if issubclass(c, Cell))
        prims = tuple(c for c in white_list if issubclass(c, Primitive))
        if cells and isinstance(network, cells) and not _precision_set_by_user(network):
            network.to_float(dtype)
            _install_tree(network)
            _install(network, torch.float32)
        else:
            _white_list_cast(network, dtype, cells, prims)
    else:
        _list_check(black_list, "black_list")
        network = _OutputTo32(_auto_black_list(network, black_list, dtype))
        _install_tree(network)
    return network


def get_white_list():
    """A copy of the O1 white list (cells and primitives run in lower precision)."""
    return AMP_WHITE_LIST.copy()


def get_black_list():
    """A copy of the O2 black list (cells kept in float32)."""
    return AMP_BLACK_LIST.copy()


# ------------------------------------------------------------------------------------- train network
_config_level = {
    "O0": {"keep_batchnorm_fp32": False, "cast_model_type": mstype.float32, "loss_scale_manager": None},
    "O1": {"keep_batchnorm_fp32": False, "cast_model_type": mstype.float32, "loss_scale_manager": None},
    "O2": {"keep_batchnorm_fp32": True, "cast_model_type": mstype.float16,
           "loss_scale_manager": DynamicLossScaleManager()},
    "O3": {"keep_batchnorm_fp32": False, "cast_model_type": mstype.float16, "loss_scale_manager": None},
    "auto": {"keep_batchnorm_fp32": False, "cast_model_type": mstype.float32, "loss_scale_manager": None},
}


# the classes the reference accepts here, by name (its boost and AdaSum classes are not built in lightspore)
_OPTIMIZER_NAMES = ["Optimizer", "FreezeOpt", "AdaSumByGradWrapCell", "AdaSumByDeltaWeightWrapCell"]
_MANAGER_NAMES = ["LossScaleManager", "GroupLossScaleManager"]


def _check_type_named(arg_name, value, cls, names):
    """The reference's check_value_type over its list of classes ``names``, of which lightspore has ``cls``."""
    if not isinstance(value, cls):
        raise TypeError(f"The type of '{arg_name}' should be one of '{names}', but got type "
                        f"'{type(value).__name__}'.")


def _check_kwargs(kwargs):
    for arg in kwargs:
        if arg not in ("cast_model_type", "keep_batchnorm_fp32", "loss_scale_manager"):
            raise ValueError(f"Unsupported arg '{arg}'")
    if "cast_model_type" in kwargs:
        check_type_name("cast_model_type", kwargs["cast_model_type"], [mstype.float16, mstype.float32], None)
    if "keep_batchnorm_fp32" in kwargs:
        check_value_type("keep_batchnorm_fp32", kwargs["keep_batchnorm_fp32"], bool)
    manager = kwargs.get("loss_scale_manager")
    if manager:
        _check_type_named("loss_scale_manager", manager, LossScaleManager, _MANAGER_NAMES)


def _check_level(level, boost_level):
    if not isinstance(level, str):
        raise TypeError(f"The argument `level` must be a string in ['O0', 'O1', 'O2', 'O3', 'auto'],but got type "
                        f"{type(level)}.")
    check("level", level, "", ["O0", "O1", "O2", "O3", "auto"], IN)
    check("boost_level", boost_level, "", ["O0", "O1", "O2"], IN)
    return level


class _AmpWithLossCell(Cell):
    """``loss_fn(float32(backbone(data)), float32(label))`` for a lower-precision backbone."""

    def __init__(self, backbone, loss_fn):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn
        _copy_cell_attrs(self, backbone)

    def construct(self, data, label):
        out = self._backbone(data)
        return self._loss_fn(_cast_tree(out, torch.float32), _cast_tree(label, torch.float32))


_AmpWithLossCell.__name__ = "WithLossCell"


def _add_loss_network(network, loss_fn, cast_model_type):
    check_value_type("loss_fn", loss_fn, Cell)
    if cast_model_type in _LOW or getattr(network, "_amp_level", None) in ("O2", "O3", "auto"):
        return _AmpWithLossCell(network, loss_fn)
    return nn.WithLossCell(network, loss_fn)


def _mixed_precision_process(network, config, level):
    if config["cast_model_type"] == mstype.float16:
        network.to_float(mstype.float16)
        if config["keep_batchnorm_fp32"]:
            _do_keep_batchnorm_fp32(network)
        _install_tree(network)
    elif not config["keep_batchnorm_fp32"] and level == "O2":
        network.to_float(mstype.float16)
        _install_tree(network)
    elif config["cast_model_type"] == mstype.float32 and level in ("O2", "O3"):
        pass
    else:
        network = auto_mixed_precision(network, level)
    return network


def build_train_network(network, optimizer, loss_fn=None, level='O0', boost_level='O0', **kwargs):
    """The training cell for ``network``: mixed precision at ``level`` (``cast_model_type``,
    ``keep_batchnorm_fp32`` and ``loss_scale_manager`` in ``kwargs`` override the level's defaults;
    ``O2`` defaults to ``DynamicLossScaleManager()``), ``loss_fn`` attached, and a
    ``TrainOneStepWithLossScaleCell`` when the manager has an update cell, else a ``TrainOneStepCell``
    whose sens is the manager's fixed scale."""
    _check_type_named("optimizer", optimizer, Optimizer, _OPTIMIZER_NAMES)
    level = _check_level(level, boost_level)
    _check_kwargs(kwargs)
    config = dict(_config_level[level], **kwargs)
    network = _mixed_precision_process(network, config, level)
    if loss_fn:
        network = _add_loss_network(network, loss_fn, config["cast_model_type"])
    loss_scale = None
    manager = config["loss_scale_manager"]
    if manager is not None:
        loss_scale = manager.get_loss_scale()
        update_cell = manager.get_update_cell()
        if update_cell is not None:
            if _is_grad_accumulation(network):
                # the reference's loss-scaled accumulation cell exists for (semi-)auto-parallel pipelines only
                raise ValueError("ParallelMode must be one of [ParallelMode.SEMI_AUTO_PARALLEL, "
                                 "ParallelMode.AUTO_PARALLEL], but found stand_alone.")
            return TrainOneStepWithLossScaleCell(network, optimizer, scale_sense=update_cell).set_train()
    if _is_grad_accumulation(network):
        return _TrainGradAccuStepCell(network, optimizer).set_train()
    return nn.TrainOneStepCell(network, optimizer, loss_scale).set_train()


# ------------------------------------------------------------------------------------------ loss scalers
def _as_tuple(inputs):
    if isinstance(inputs, Tensor):
        return (inputs,), True
    if isinstance(inputs, (tuple, list)):
        return tuple(inputs), False
    raise TypeError(f"The inputs must be a Tensor or a tuple/list of Tensors, but got {type(inputs).__name__}.")


def all_finite(inputs):
    """A bool Tensor of shape (): True when every Tensor in ``inputs`` holds only finite values."""
    items, _ = _as_tuple(inputs)
    if not items:
        return Tensor._make(torch.tensor(True))
    flags = torch.stack([torch.isfinite(x._t).all() for x in items])
    return Tensor._make(flags.all())


def _scale_value(scale_value):
    check_value_type("scale_value", scale_value, [float, int])
    if scale_value < 1.0:
        raise ValueError(f"The argument 'scale_value' must be > 1, but got {scale_value}")
    return Parameter(Tensor(scale_value, dtype=mstype.float32), name="scale_value")


def _map_scale(scale, inputs, unscale):
    items, single = _as_tuple(inputs)
    s = scale._t
    if unscale:
        s = torch.reciprocal(s)
    out = tuple(Tensor._make(x._t * s.to(x._t.dtype)) for x in items)
    return out[0] if single else out


class LossScaler(ABC):
    """Abstract base of the loss scalers: a subclass implements ``scale(inputs)``, ``unscale(inputs)``
    and ``adjust(grads_finite)``."""

    @abstractmethod
    def scale(self, inputs):
        """Multiply the loss or gradients by the scale."""

    @abstractmethod
    def unscale(self, inputs):
        """Divide the loss or gradients by the scale."""

    @abstractmethod
    def adjust(self, grads_finite):
        """Move the scale according to ``grads_finite``."""


class StaticLossScaler(LossScaler):
    """A fixed loss scale: ``scale``/``unscale`` multiply by it / by its reciprocal (in each input's
    dtype); ``adjust`` changes nothing and returns False."""

    def __init__(self, scale_value):
        self.scale_value = _scale_value(scale_value)

    def scale(self, inputs):
        return _map_scale(self.scale_value, inputs, False)

    def unscale(self, inputs):
        return _map_scale(self.scale_value, inputs, True)

    def adjust(self, grads_finite):
        return False


class DynamicLossScaler(LossScaler):
    """A loss scale that grows by ``scale_factor`` after ``scale_window`` finite steps in a row (unless
    the product overflows float32) and shrinks by it, down to 1, at each non-finite step."""

    def __init__(self, scale_value, scale_factor, scale_window):
        self.scale_value = _scale_value(scale_value)
        self.scale_window = check_positive_int(scale_window, "scale_window")
        self.scale_factor = check_positive_int(scale_factor, "scale_factor")
        self.counter = Parameter(Tensor(0, dtype=mstype.int32), name="counter")

    def scale(self, inputs):
        return _map_scale(self.scale_value, inputs, False)

    def unscale(self, inputs):
        return _map_scale(self.scale_value, inputs, True)

    def adjust(self, grads_finite):
        finite = grads_finite._t if isinstance(grads_finite, Tensor) else torch.tensor(bool(grads_finite))
        finite = finite.to(torch.bool).reshape(())
        with torch.no_grad():
            s = self.scale_value._t
            counter = self.counter._t
            grown = s * self.scale_factor
            on_finite = torch.where(counter == (self.scale_window - 1),
                                    torch.where(torch.isfinite(grown), grown, s), s)
            on_overflow = torch.maximum(torch.ones((), dtype=s.dtype), s / self.scale_factor)
            s.copy_(torch.where(finite, on_finite, on_overflow))
            counter.copy_(((counter + 1) % self.scale_window) * finite.to(counter.dtype))
        return True

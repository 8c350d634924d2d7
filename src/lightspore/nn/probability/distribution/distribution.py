"""``Distribution``: the base Cell of every distribution (``mindspore.nn.probability.distribution``).

Parameters given at construction are the defaults; each method also takes them per call (positionally after its
own arguments, or by name), and raises TypeError when a parameter is given neither way. The subclasses compute on
torch tensors (``_check_value`` / ``_check_param_type`` unwrap, broadcast and cast); the public methods wrap the
result as a Tensor, so gradients flow through ``grad``/``value_and_grad`` like through any other op.
"""
import torch

from .... import _checkparam as validator
from .... import context
from ....common import dtype as mstype
from ....ops import constexpr  # noqa: F401 - a name of the reference's module
from ...cell import Cell
from ._utils.custom_ops import _exp, _log, broadcast_to, exp_generic, log_generic
from ._utils.utils import (
    CheckTensor,
    CheckTuple,
    ParamsRecord,
    _t,
    _wrap,
    batch_repr,
    cast_to_tensor,
    cast_type_for_device,
    check_type_name,
    raise_none_error,
    raise_not_implemented_util,
    read_only,
    set_param_type,
)

__all__ = ["Distribution"]

# method name -> the attribute holding its implementation (see _set_routes)
_DISPATCH = {"log_prob": "_call_log_prob", "prob": "_call_prob", "cdf": "_call_cdf", "log_cdf": "_call_log_cdf",
             "survival_function": "_call_survival", "log_survival": "_call_log_survival", "kl_loss": "_kl_loss",
             "mean": "_mean", "mode": "_mode", "sd": "_call_sd", "var": "_call_var", "entropy": "_entropy",
             "cross_entropy": "_call_cross_entropy", "sample": "_sample", "get_dist_args": "_get_dist_args"}


_ANY_CDF = object()      # "the subclass has any of cdf, log_cdf, survival_function, log_survival"
# call attribute -> (method name in the NotImplementedError, [(what the subclass defines, what to call)]): the first
# candidate present wins (the order of the reference's checks; its log_survival error names 'log_cdf')
_ROUTES = {
    "_call_prob": ("prob", [("_prob", "_prob"), ("_log_prob", "_calc_prob_from_log_prob")]),
    "_call_log_prob": ("log_prob", [("_log_prob", "_log_prob"), ("_prob", "_calc_log_prob_from_prob")]),
    "_call_sd": ("sd", [("_sd", "_sd"), ("_var", "_calc_sd_from_var")]),
    "_call_var": ("var", [("_var", "_var"), ("_sd", "_calc_var_from_sd")]),
    "_call_cdf": ("cdf", [("_cdf", "_cdf"), ("_log_cdf", "_calc_cdf_from_log_cdf"),
                          ("_survival_function", "_calc_cdf_from_survival"),
                          ("_log_survival", "_calc_cdf_from_log_survival")]),
    "_call_survival": ("survival_function", [("_survival_function", "_survival_function"),
                                             ("_log_survival", "_calc_survival_from_log_survival"),
                                             (_ANY_CDF, "_calc_survival_from_call_cdf")]),
    "_call_log_cdf": ("log_cdf", [("_log_cdf", "_log_cdf"), (_ANY_CDF, "_calc_log_cdf_from_call_cdf")]),
    "_call_log_survival": ("log_cdf", [("_log_survival", "_log_survival"),
                                       (_ANY_CDF, "_calc_log_survival_from_call_survival")]),
    "_call_cross_entropy": ("cross_entropy", [("_cross_entropy", "_cross_entropy")]),
}


def _broadcast_shape(a, b, cell, arg):
    """numpy's broadcast of shapes ``a`` and ``b`` (ValueError naming the cell and argument when they clash)."""
    n = max(len(a), len(b))
    a, b = (1,) * (n - len(a)) + tuple(a), (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            raise ValueError(f"For '{cell}', the parameter '{arg}' of shape {b} does not broadcast with the shape "
                             f"{a} of the others.")
        out.append(y if x == 1 else x)
    return torch.Size(out)


class Distribution(ParamsRecord, Cell):
    """Base class of the distributions. ``seed`` (int >= 0, None means 0) seeds ``sample``; ``dtype`` is the
    dtype of values and samples; ``param`` is the subclass's ``locals()`` with ``param_dict`` naming its
    parameters."""

    def __init__(self, seed, dtype, name, param):
        super().__init__()
        if seed is None:
            seed = 0
        validator.check_value_type('name', name, [str], type(self).__name__)
        validator.check_non_negative_int(seed, 'seed', name)
        self._name = name
        self._seed = seed
        self._dtype = cast_type_for_device(dtype)
        self._parameters = {k: v for k, v in param.items() if not (k == 'self' or k.startswith('_'))}
        self.default_parameters = []
        self.parameter_names = []
        if 'distribution' not in self._parameters:
            self.parameter_type = set_param_type(self._parameters.get('param_dict', {}), dtype)
            self._batch_shape = self._calc_batch_shape()
            self._is_scalar_batch = self._check_is_scalar_batch()
            self._broadcast_shape = self._batch_shape
        self._set_routes()
        self.context_mode = context.get_context('mode')
        self.device_target = context.get_context('device_target')
        self.checktuple = CheckTuple()
        self.checktensor = CheckTensor()
        self.broadcast = broadcast_to
        self.exp_base = exp_generic
        self.log_base = log_generic

    def _start(self, args, *names, dtypes=mstype.float_type):
        """The distributions' constructor preamble, in the reference's order: record the arguments (``args``,
        the subclass ``__init__``'s ``locals()``; ``names`` its distribution parameters), check ``dtype`` is one
        of ``dtypes`` (the float types unless given), then initialise the base."""
        param = dict(args)
        param['param_dict'] = {n: args[n] for n in names}
        check_type_name("dtype", args['dtype'], dtypes, type(self).__name__)
        Distribution.__init__(self, args['seed'], args['dtype'], args['name'], param)

    _DIST_TYPE = None   # what get_dist_type returns (None: NotImplementedError)

    seed = read_only('_seed', "The seed of sample.")
    broadcast_shape = read_only('_broadcast_shape', "The shape a call with the default parameters broadcasts to.")

    def extend_repr(self):
        return batch_repr(self, self._broadcast_shape)

    # ---- parameters -------------------------------------------------------------------------
    def _reset_parameters(self):
        self.default_parameters = []
        self.parameter_names = []

    def _add_parameter(self, value, name):
        """Record a construction-time parameter (None: to be given per call) and return it as a Tensor."""
        if not hasattr(self, 'default_parameters'):
            self.default_parameters = []
            self.parameter_names = []
        value_t = None if value is None else cast_to_tensor(value, self.parameter_type)
        self.default_parameters.append(value_t)
        self.parameter_names.append(name)
        return value_t

    def _add_checked(self, value, name, check, *label):
        """_add_parameter, then ``check(tensor, *label)`` when the parameter is given."""
        value_t = self._add_parameter(value, name)
        if value_t is not None:
            check(value_t, *label)
        return value_t

    def _check_param_type(self, *args):
        """The parameters of a call as torch tensors of ``parameter_type``: each given one (a Tensor) or else
        its default; several are broadcast to one shape and must share a dtype."""
        shape = dtype = None
        out = []
        for arg, name, default in zip(args, self.parameter_names, self.default_parameters):
            if arg is not None:
                self.checktensor(arg, name)
            elif default is not None:
                arg = default
            else:
                raise_none_error(name)
            t = _t(arg)
            if shape is None:
                shape, dtype = t.shape, t.dtype
            elif t.shape != shape or t.dtype != dtype:
                if t.dtype != dtype:
                    raise TypeError(f"For '{self.name}', the parameter '{name}' must have the dtype of the other "
                                    f"parameters ({mstype.from_torch(dtype)}), but got {mstype.from_torch(t.dtype)}.")
                shape = _broadcast_shape(shape, t.shape, self.name, name)
            out.append(t)
        tdt = mstype.to_torch(self.parameter_type)
        out = [t if t.dtype == tdt else t.to(tdt) for t in out]
        if len(out) == 1:
            return out[0]
        return tuple(t if t.shape == shape else torch.broadcast_to(t, shape) for t in out)

    def _check_value(self, value, name):
        """``value`` (a Tensor, else TypeError) as a torch tensor."""
        self.checktensor(value, name)
        return _t(value)

    def _cast_value(self, value, name='value', to=None):
        """A checked value cast to the distribution's dtype (or ``to``)."""
        t = self._check_value(value, name)
        tdt = mstype.to_torch(self.dtype if to is None else to)
        return t if t.dtype == tdt else t.to(tdt)

    def _check_other(self, value, name):
        """A parameter of the other distribution (kl_loss, cross_entropy) cast to ``parameter_type``."""
        return self._check_value(value, name).to(mstype.to_torch(self.parameter_type))

    def _dist_args(self, *args):
        """get_dist_args: each given argument (a Tensor) or else its default."""
        out = []
        for arg, name, default in zip(args, self.parameter_names, self.default_parameters):
            if arg is not None:
                self.checktensor(arg, name)
                out.append(arg)
            else:
                out.append(default)
        return tuple(out)

    def _sample_shape(self, shape, batch_shape):
        """(shape drawn, whether to drop the leading axis): a 0-d result is drawn as (1,) and squeezed."""
        shape = self.checktuple(shape, 'shape')
        origin = tuple(shape) + tuple(batch_shape)
        return ((1,), True) if origin == () else (origin, False)

    def _check_is_scalar_batch(self):
        return all(v is None or isinstance(v, (int, float)) for v in self._parameters.get('param_dict').values())

    def _calc_batch_shape(self):
        shape = None
        if not self._parameters.get('param_dict'):
            raise AttributeError(f"For '{self.name}', 'param' must name the distribution's parameters in a non-empty "
                                 f"'param_dict' (the reference computes the batch shape from them).")
        for value in self._parameters.get('param_dict').values():
            if value is None:
                return None
            is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
            s = () if is_number else tuple(cast_to_tensor(value).shape)
            shape = s if shape is None else tuple(_broadcast_shape(shape, s, self.name, 'param_dict'))
        return shape

    # ---- which implementation each method uses ----------------------------------------------------
    def _set_routes(self):
        """Point each ``_call_*`` at the subclass's own method or at a form derived from another one (prob from
        log_prob, sd from var, survival from cdf...), as the reference does; NotImplementedError when none."""
        has_cdf = any(hasattr(self, n) for n in ('_survival_function', '_log_survival', '_cdf', '_log_cdf'))
        for call, (method, candidates) in _ROUTES.items():
            for needs, impl in candidates:
                if (has_cdf if needs is _ANY_CDF else hasattr(self, needs)):
                    setattr(self, call, getattr(self, impl))
                    break
            else:
                setattr(self, call, self._raise_not_implemented_error(method))

    def _raise_not_implemented_error(self, func_name):
        name = self.name

        def raise_error(*args, **kwargs):
            return raise_not_implemented_util(func_name, name, *args, **kwargs)
        return raise_error

    # ---- derived forms ----------------------------------------------------------------------
    def _calc_prob_from_log_prob(self, value, *args, **kwargs):
        return _exp(_t(self._log_prob(value, *args, **kwargs)))

    def _calc_log_prob_from_prob(self, value, *args, **kwargs):
        return _log(_t(self._prob(value, *args, **kwargs)))

    def _calc_cdf_from_log_cdf(self, value, *args, **kwargs):
        return _exp(_t(self._log_cdf(value, *args, **kwargs)))

    def _calc_cdf_from_survival(self, value, *args, **kwargs):
        return 1.0 - _t(self._survival_function(value, *args, **kwargs))

    def _calc_cdf_from_log_survival(self, value, *args, **kwargs):
        return 1.0 - _exp(_t(self._log_survival(value, *args, **kwargs)))

    def _calc_log_cdf_from_call_cdf(self, value, *args, **kwargs):
        return _log(_t(self._call_cdf(value, *args, **kwargs)))

    def _calc_survival_from_call_cdf(self, value, *args, **kwargs):
        return 1.0 - _t(self._call_cdf(value, *args, **kwargs))

    def _calc_survival_from_log_survival(self, value, *args, **kwargs):
        return _exp(_t(self._log_survival(value, *args, **kwargs)))

    def _calc_log_survival_from_call_survival(self, value, *args, **kwargs):
        return _log(_t(self._call_survival(value, *args, **kwargs)))

    def _calc_sd_from_var(self, *args, **kwargs):
        return torch.sqrt(_t(self._var(*args, **kwargs)))

    def _calc_var_from_sd(self, *args, **kwargs):
        return torch.square(_t(self._sd(*args, **kwargs)))

    def _calc_cross_entropy(self, dist, *args, **kwargs):
        return _t(self._entropy(*args, **kwargs)) + _t(self._kl_loss(dist, *args, **kwargs))

    # ---- what a subclass implements (the reference raises NotImplementedError for the rest) -------
    def _get_dist_args(self, *args, **kwargs):
        return raise_not_implemented_util('get_dist_args', self.name, *args, **kwargs)

    def _get_dist_type(self):
        if self._DIST_TYPE is None:
            return raise_not_implemented_util('get_dist_type', self.name)
        return self._DIST_TYPE

    def _kl_loss(self, *args, **kwargs):
        return raise_not_implemented_util('kl_loss', self.name, *args, **kwargs)

    def _mean(self, *args, **kwargs):
        return raise_not_implemented_util('mean', self.name, *args, **kwargs)

    def _mode(self, *args, **kwargs):
        return raise_not_implemented_util('mode', self.name, *args, **kwargs)

    def _entropy(self, *args, **kwargs):
        return raise_not_implemented_util('entropy', self.name, *args, **kwargs)

    def _sample(self, *args, **kwargs):
        return raise_not_implemented_util('sample', self.name, *args, **kwargs)

    # ---- the public methods -----------------------------------------------------------------
    def _run(self, impl, *args, **kwargs):
        """``impl(*args, **kwargs)`` with torch results wrapped as Tensors; values and parameters that do not
        broadcast give ValueError (as the reference's shape inference does), not torch's RuntimeError."""
        try:
            return _wrap(impl(*args, **kwargs))
        except RuntimeError as e:
            if "must match the size" in str(e) or "broadcast" in str(e):
                raise ValueError(f"For '{self.name}', the value and the parameters do not broadcast: {e}") from None
            raise

    def get_dist_args(self, *args, **kwargs):
        """The distribution's parameters: the ones given, else the construction-time ones."""
        return self._run(self._get_dist_args, *args, **kwargs)

    def get_dist_type(self):
        """The distribution's type name, e.g. ``'Normal'``."""
        return self._get_dist_type()

    def log_prob(self, value, *args, **kwargs):
        """Log probability (density or mass) of ``value``."""
        return self._run(self._call_log_prob, value, *args, **kwargs)

    def prob(self, value, *args, **kwargs):
        """Probability (density or mass) of ``value``."""
        return self._run(self._call_prob, value, *args, **kwargs)

    def cdf(self, value, *args, **kwargs):
        """Cumulative distribution function at ``value``."""
        return self._run(self._call_cdf, value, *args, **kwargs)

    def log_cdf(self, value, *args, **kwargs):
        """Log of the cdf at ``value``."""
        return self._run(self._call_log_cdf, value, *args, **kwargs)

    def survival_function(self, value, *args, **kwargs):
        """1 - cdf at ``value``."""
        return self._run(self._call_survival, value, *args, **kwargs)

    def log_survival(self, value, *args, **kwargs):
        """Log of the survival function at ``value``."""
        return self._run(self._call_log_survival, value, *args, **kwargs)

    def kl_loss(self, dist, *args, **kwargs):
        """KL divergence KL(self || dist) with ``dist`` the type name of the other distribution, whose
        parameters follow."""
        return self._run(self._kl_loss, dist, *args, **kwargs)

    def mean(self, *args, **kwargs):
        """Mean."""
        return self._run(self._mean, *args, **kwargs)

    def mode(self, *args, **kwargs):
        """Mode."""
        return self._run(self._mode, *args, **kwargs)

    def sd(self, *args, **kwargs):
        """Standard deviation."""
        return self._run(self._call_sd, *args, **kwargs)

    def var(self, *args, **kwargs):
        """Variance."""
        return self._run(self._call_var, *args, **kwargs)

    def entropy(self, *args, **kwargs):
        """Entropy."""
        return self._run(self._entropy, *args, **kwargs)

    def cross_entropy(self, dist, *args, **kwargs):
        """Cross entropy with ``dist`` (the other distribution's type name, then its parameters)."""
        return self._run(self._call_cross_entropy, dist, *args, **kwargs)

    def sample(self, *args, **kwargs):
        """Samples of shape ``shape + batch_shape`` (``shape``: a tuple, default ``()``)."""
        return self._run(self._sample, *args, **kwargs)

    def construct(self, name, *args, **kwargs):
        """``dist('log_prob', value, ...)``: the method called ``name``."""
        if name == 'get_dist_type':          # its other arguments are ignored, as in the reference
            return self._get_dist_type()
        attr = _DISPATCH.get(name)
        if attr is None:
            return raise_not_implemented_util(name, self.name, *args, **kwargs)
        return self._run(getattr(self, attr), *args, **kwargs)


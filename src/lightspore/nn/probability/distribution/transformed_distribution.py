"""``TransformedDistribution``: the distribution of ``bijector.forward(X)`` for X drawn from ``distribution``."""
import torch

from .... import _checkparam as validator
from ....common import dtype as mstype
from ._utils.custom_ops import _exp, _log, exp_generic, log_generic  # noqa: F401 - names of the reference's
from ._utils.utils import _t, check_type_name, raise_not_impl_error, read_only
from .distribution import Distribution

__all__ = ["TransformedDistribution"]


class TransformedDistribution(Distribution):
    """The distribution of Y = bijector(X), X ~ ``distribution`` (a float distribution). Its parameters are the
    underlying distribution's, given at construction or per call."""

    def __init__(self, bijector, distribution, seed=None, name="transformed_distribution"):
        param = dict(locals())
        from ..bijector.bijector import Bijector

        validator.check_value_type('bijector', bijector, [Bijector], type(self).__name__)
        validator.check_value_type('distribution', distribution, [Distribution], type(self).__name__)
        check_type_name("dtype", distribution.dtype, mstype.float_type, type(self).__name__)
        super().__init__(seed, distribution.dtype, name, param)
        self._bijector = bijector
        self._distribution = distribution
        self._is_linear_transformation = bijector.is_constant_jacobian
        self._dtype = distribution.dtype
        self._is_scalar_batch = distribution.is_scalar_batch and bijector.is_scalar_batch
        self._batch_shape = distribution.batch_shape
        self.default_parameters = distribution.default_parameters
        self.parameter_names = distribution.parameter_names
        self.parameter_type = distribution.parameter_type
        self._broadcast_shape = self._broadcast_bijector_dist()

    bijector = read_only('_bijector', "The bijector.")
    distribution = read_only('_distribution', "The underlying distribution.")
    dtype = read_only('_dtype', "The dtype of values and samples.")
    is_linear_transformation = read_only('_is_linear_transformation', "Whether the Jacobian is constant.")

    def _broadcast_bijector_dist(self):
        if self.batch_shape is None or self.bijector.batch_shape is None:
            return None
        return tuple(torch.broadcast_shapes(tuple(self.bijector.batch_shape), tuple(self.batch_shape)))

    def _bij(self, name, value):
        return _t(self.bijector(name, value))

    def _dist(self, name, *args, **kwargs):
        return _t(self.distribution(name, *args, **kwargs))

    def _cdf(self, value, *args, **kwargs):
        return self._dist("cdf", self._bij("inverse", value), *args, **kwargs)

    def _log_cdf(self, value, *args, **kwargs):
        return _log(self._cdf(value, *args, **kwargs))

    def _survival_function(self, value, *args, **kwargs):
        return 1.0 - self._cdf(value, *args, **kwargs)

    def _log_survival(self, value, *args, **kwargs):
        return _log(self._survival_function(value, *args, **kwargs))

    def _log_prob(self, value, *args, **kwargs):
        unadjusted = self._dist("log_prob", self._bij("inverse", value), *args, **kwargs)
        log_jacobian = self._bij("inverse_log_jacobian", value)
        # where the base density is 0 the log-Jacobian (possibly nan there) is not added
        return torch.where(unadjusted == -float('inf'), unadjusted, unadjusted + log_jacobian)

    def _prob(self, value, *args, **kwargs):
        return _exp(self._log_prob(value, *args, **kwargs))

    def _sample(self, *args, **kwargs):
        return self._bij("forward", self._dist("sample", *args, **kwargs))

    def _mean(self, *args, **kwargs):
        if not self.is_linear_transformation:
            raise_not_impl_error("mean")
        return self._bij("forward", self._dist("mean", *args, **kwargs))

"""The base of the distributions with a location ``loc`` and a scale ``scale`` (> 0): Cauchy and Logistic."""
from ._utils.utils import check_greater_zero, read_only
from .distribution import Distribution


class LocScale(Distribution):
    """``loc`` and ``scale`` (> 0) recorded at construction (``_add_loc_scale``), and what depends on them only:
    the mode (``loc``), get_dist_args and the standardised value ``(value - loc) / scale``."""

    _REPR = (('location', '_loc'), ('scale', '_scale'))

    def _add_loc_scale(self, loc, scale):
        self._loc = self._add_parameter(loc, 'loc')
        self._scale = self._add_checked(scale, 'scale', check_greater_zero, "scale")

    loc = read_only('_loc', "The location given at construction (a Tensor), or None.")

    scale = read_only('_scale', "The scale given at construction (a Tensor), or None.")

    def _get_dist_args(self, loc=None, scale=None):
        return self._dist_args(loc, scale)

    def _mode(self, loc=None, scale=None):
        return self._check_param_type(loc, scale)[0]

    def _z(self, value, loc, scale):
        """``((value - loc) / scale, scale)``, ``value`` checked and cast, the parameters given or the defaults."""
        value = self._cast_value(value)
        loc, scale = self._check_param_type(loc, scale)
        return (value - loc) / scale, scale

"""``mindspore.nn.probability.bijector``: invertible transforms (Exp, PowerTransform, ScalarAffine, Softplus,
GumbelCDF, Invert) as Cells."""
from .bijector import Bijector
from .exp import Exp
from .gumbel_cdf import GumbelCDF
from .invert import Invert
from .power_transform import PowerTransform
from .scalar_affine import ScalarAffine
from .softplus import Softplus

__all__ = ['Bijector', 'PowerTransform', 'Exp', 'ScalarAffine', 'Softplus', 'GumbelCDF', 'Invert']

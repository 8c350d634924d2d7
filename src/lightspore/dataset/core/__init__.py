"""mindspore.dataset.core: the dataset configuration (``config``, the same module as ``dataset.config``) and the
data-type table (``datatypes``)."""
import sys

from .. import config
from . import datatypes

# ``import mindspore.dataset.core.config`` gives the module ``mindspore.dataset.config``, as in the reference
sys.modules[__name__ + ".config"] = config

"""mindspore.dataset.core: the dataset configuration (``config``) and the data-type table (``datatypes``)."""
from .. import config
from . import datatypes


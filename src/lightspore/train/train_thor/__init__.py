"""``mindspore.train.train_thor``: converting a network and a Model for the second-order optimizer THOR."""
from .convert_utils import ConvertModelUtils, ConvertNetUtils

__all__ = ["ConvertNetUtils", "ConvertModelUtils"]

"""``mindspore.nn``: Cell, layers, losses, optimizers, wrappers and learning-rate schedules."""
from .cell import Cell, CellDict, CellList, GraphCell, SequentialCell
from .layer.activation import (
                               GELU,
                               LeakyReLU,
                               LogSoftmax,
                               ReLU,
                               ReLU6,
                               Sigmoid,
                               SiLU,
                               Softmax,
                               Tanh,
                               get_activation,
)
from .layer.basic import Dense, Flatten, Identity
from .layer.conv import Conv2d
from .layer.pooling import MaxPool2d

__all__ = ["Cell", "CellDict", "CellList", "GraphCell", "SequentialCell", "GELU", "LeakyReLU", "LogSoftmax",
           "ReLU", "ReLU6", "Sigmoid", "SiLU", "Softmax", "Tanh", "get_activation", "Dense", "Flatten", "Identity",
           "Conv2d", "MaxPool2d"]

from .loss import *  # noqa: E402,F403
from .loss import __all__ as _loss_all  # noqa: E402

__all__ = __all__ + list(_loss_all)
from .layer.conv import Conv1d, Conv1dTranspose, Conv2dTranspose, Conv3d, Conv3dTranspose

__all__ += ["Conv1d", "Conv1dTranspose", "Conv2dTranspose", "Conv3d", "Conv3dTranspose"]

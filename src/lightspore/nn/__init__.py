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
from .layer import activation as _act  # noqa: E402
from .layer.activation import *  # noqa: E402,F403
from .layer.dropout import Dropout, Dropout1d, Dropout2d, Dropout3d  # noqa: E402
from .layer.embedding import Embedding  # noqa: E402
from .layer.normalization import (  # noqa: E402
                               BatchNorm1d,
                               BatchNorm2d,
                               BatchNorm3d,
                               GroupNorm,
                               InstanceNorm1d,
                               InstanceNorm2d,
                               InstanceNorm3d,
                               LayerNorm,
)

__all__ += [n for n in _act.__all__ if n not in __all__]
__all__ += ["Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "Embedding", "BatchNorm1d", "BatchNorm2d",
            "BatchNorm3d", "GroupNorm", "InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d", "LayerNorm"]
from . import dynamic_lr, learning_rate_schedule, optim, wrap  # noqa: E402
from .dynamic_lr import (  # noqa: E402
    cosine_decay_lr,
    exponential_decay_lr,
    inverse_decay_lr,
    natural_exp_decay_lr,
    piecewise_constant_lr,
    polynomial_decay_lr,
    warmup_lr,
)
from .learning_rate_schedule import (  # noqa: E402
    CosineDecayLR,
    ExponentialDecayLR,
    InverseDecayLR,
    LearningRateSchedule,
    NaturalExpDecayLR,
    PolynomialDecayLR,
    WarmUpLR,
)
from .optim import SGD, Adam, AdamWeightDecay, Momentum, Optimizer  # noqa: E402
from .wrap import (  # noqa: E402
    ForwardValueAndGrad,
    ParameterUpdate,
    TrainOneStepCell,
    WithEvalCell,
    WithGradCell,
    WithLossCell,
)

__all__ += ["dynamic_lr", "learning_rate_schedule", "optim", "wrap", "cosine_decay_lr", "exponential_decay_lr",
            "inverse_decay_lr", "natural_exp_decay_lr", "piecewise_constant_lr", "polynomial_decay_lr", "warmup_lr",
            "CosineDecayLR", "ExponentialDecayLR", "InverseDecayLR", "LearningRateSchedule", "NaturalExpDecayLR",
            "PolynomialDecayLR", "WarmUpLR", "SGD", "Adam", "AdamWeightDecay", "Momentum", "Optimizer",
            "ForwardValueAndGrad", "ParameterUpdate", "TrainOneStepCell", "WithEvalCell", "WithGradCell",
            "WithLossCell"]
from .layer.pooling import (
    AdaptiveAvgPool1d,
    AdaptiveAvgPool2d,
    AdaptiveAvgPool3d,
    AdaptiveMaxPool1d,
    AdaptiveMaxPool2d,
    AdaptiveMaxPool3d,
    AvgPool1d,
    AvgPool2d,
    AvgPool3d,
    LPPool1d,
    LPPool2d,
    MaxPool1d,
    MaxPool3d,
)

__all__ += ["AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d",
            "AdaptiveMaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "LPPool1d", "LPPool2d", "MaxPool1d",
            "MaxPool3d"]
from .layer.image import PixelShuffle, PixelUnshuffle, Unflatten, Upsample
from .layer.padding import (
    ConstantPad1d,
    ConstantPad2d,
    ConstantPad3d,
    Pad,
    ReflectionPad1d,
    ReflectionPad2d,
    ReflectionPad3d,
    ReplicationPad1d,
    ReplicationPad2d,
    ReplicationPad3d,
    ZeroPad2d,
)

__all__ += ["PixelShuffle", "PixelUnshuffle", "Unflatten", "Upsample", "ConstantPad1d", "ConstantPad2d",
            "ConstantPad3d", "Pad", "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d", "ReplicationPad1d",
            "ReplicationPad2d", "ReplicationPad3d", "ZeroPad2d"]
from .layer.image import ChannelShuffle

__all__ += ["ChannelShuffle"]

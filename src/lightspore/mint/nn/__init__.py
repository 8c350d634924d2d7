"""``mindspore.mint.nn``: PyTorch-style layers. Where the reference re-exports a ``mindspore.nn`` class
(Identity, ReLU, Hardshrink = HShrink, ...), so does this package."""
from ...nn.layer.activation import HShrink as Hardshrink
from ...nn.layer.activation import HSigmoid as Hardsigmoid
from ...nn.layer.activation import HSwish as Hardswish
from ...nn.layer.activation import LogSoftmaxExt as LogSoftmax
from ...nn.layer.activation import PReLUExt as PReLU
from ...nn.layer.activation import ReLU
from ...nn.layer.activation import SoftShrink as Softshrink
from ...nn.layer.basic import Identity
from ...nn.layer.dense import Linear
from ...nn.layer.pooling import AdaptiveMaxPool2d
from . import functional
from ._layers import (
    ELU,
    GELU,
    GLU,
    SELU,
    AdaptiveAvgPool1d,
    AdaptiveAvgPool2d,
    AdaptiveAvgPool3d,
    AdaptiveMaxPool1d,
    AvgPool1d,
    AvgPool2d,
    AvgPool3d,
    BatchNorm1d,
    BatchNorm2d,
    BatchNorm3d,
    BCELoss,
    BCEWithLogitsLoss,
    ConstantPad1d,
    ConstantPad2d,
    ConstantPad3d,
    Conv1d,
    Conv2d,
    Conv3d,
    ConvTranspose2d,
    CosineEmbeddingLoss,
    CrossEntropyLoss,
    Dropout,
    Dropout2d,
    Embedding,
    Flatten,
    Fold,
    GroupNorm,
    Hardtanh,
    KLDivLoss,
    L1Loss,
    LayerNorm,
    LogSigmoid,
    MaxPool2d,
    MaxUnpool2d,
    Mish,
    MSELoss,
    NLLLoss,
    PixelShuffle,
    ReflectionPad1d,
    ReflectionPad2d,
    ReflectionPad3d,
    ReLU6,
    ReplicationPad1d,
    ReplicationPad2d,
    ReplicationPad3d,
    Sigmoid,
    SiLU,
    SmoothL1Loss,
    SoftMarginLoss,
    Softmax,
    SyncBatchNorm,
    Tanh,
    Threshold,
    Unfold,
    Upsample,
    UpsamplingBilinear2d,
    UpsamplingNearest2d,
    ZeroPad1d,
    ZeroPad2d,
    ZeroPad3d,
)

__all__ = [
    "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d",
    "AvgPool1d", "AvgPool2d", "AvgPool3d", "BCELoss", "BCEWithLogitsLoss", "BatchNorm1d", "BatchNorm2d",
    "BatchNorm3d", "ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "Conv1d", "Conv2d", "Conv3d",
    "ConvTranspose2d",
    "CosineEmbeddingLoss", "ELU", "Flatten", "Fold", "GELU", "GroupNorm", "Hardshrink", "Hardsigmoid", "Hardswish",
    "Hardtanh", "Identity", "KLDivLoss", "L1Loss", "Linear", "LogSigmoid", "LogSoftmax", "MSELoss", "MaxUnpool2d",
    "Mish", "PReLU", "PixelShuffle", "ReLU", "ReLU6", "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d",
    "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d", "SELU", "SiLU", "Sigmoid", "SmoothL1Loss",
    "SoftMarginLoss", "SyncBatchNorm", "Softmax", "Tanh", "Threshold", "Unfold", "Upsample", "UpsamplingBilinear2d",
    "UpsamplingNearest2d", "ZeroPad1d", "ZeroPad2d", "ZeroPad3d", "functional",
    # public classes of the reference's mint.nn that its documented list leaves out
    "CrossEntropyLoss", "Dropout", "Dropout2d", "Embedding", "GLU", "LayerNorm", "MaxPool2d", "NLLLoss", "Softshrink"]

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
from .wrap import *  # noqa: E402,F403
from .wrap import __all__ as _wrap_all  # noqa: E402

__all__ += ["dynamic_lr", "learning_rate_schedule", "optim", "wrap", "cosine_decay_lr", "exponential_decay_lr",
            "inverse_decay_lr", "natural_exp_decay_lr", "piecewise_constant_lr", "polynomial_decay_lr", "warmup_lr",
            "CosineDecayLR", "ExponentialDecayLR", "InverseDecayLR", "LearningRateSchedule", "NaturalExpDecayLR",
            "PolynomialDecayLR", "WarmUpLR", "SGD", "Adam", "AdamWeightDecay", "Momentum", "Optimizer"]
__all__ += list(_wrap_all)
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
from .layer.rnn_cells import GRUCell, LSTMCell, RNNCell  # noqa: E402
from .layer.rnns import GRU, LSTM, RNN  # noqa: E402

__all__ += ["RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell"]
from .layer.combined import Conv2dBnAct, DenseBnAct  # noqa: E402
from .layer.transformer import (  # noqa: E402
    MultiheadAttention,
    Transformer,
    TransformerDecoder,
    TransformerDecoderLayer,
    TransformerEncoder,
    TransformerEncoderLayer,
)

__all__ += ["Conv2dBnAct", "DenseBnAct", "MultiheadAttention", "Transformer", "TransformerDecoder",
            "TransformerDecoderLayer", "TransformerEncoder", "TransformerEncoderLayer"]
from .layer.array import (  # noqa: E402
    MatrixDiag,
    MatrixDiagPart,
    MatrixSetDiag,
    OneHot,
    Roll,
    Tril,
    Triu,
    Unfold,
)
from .layer.dense import BiDense, Linear  # noqa: E402
from .layer.image_quality import MSSSIM, PSNR, SSIM, CentralCrop, ImageGradients  # noqa: E402
from .layer.math import (  # noqa: E402
    ClipByNorm,
    DiGamma,
    IGamma,
    L1Regularizer,
    LBeta,
    LGamma,
    MatDet,
    MatInverse,
    MatMul,
    Moments,
    Norm,
    Range,
    ReduceLogSumExp,
)

__all__ += ["MatrixDiag", "MatrixDiagPart", "MatrixSetDiag", "OneHot", "Roll", "Tril", "Triu", "Unfold", "BiDense",
            "Linear", "MSSSIM", "PSNR", "SSIM", "CentralCrop", "ImageGradients", "ClipByNorm", "DiGamma", "IGamma",
            "L1Regularizer", "LBeta", "LGamma", "MatDet", "MatInverse", "MatMul", "Moments", "Norm", "Range",
            "ReduceLogSumExp"]
from .optim import (  # noqa: E402
    ASGD,
    FTRL,
    LARS,
    Adadelta,
    Adagrad,
    AdaMax,
    Lamb,
    LazyAdam,
    ProximalAdagrad,
    RMSProp,
    Rprop,
)

__all__ += ["RMSProp", "Adagrad", "Adadelta", "AdaMax", "ASGD", "Rprop", "ProximalAdagrad", "FTRL", "LazyAdam",
            "Lamb", "LARS"]
from .optim import AdaFactor  # noqa: E402

__all__ += ["AdaFactor"]
from .layer.dropout_ext import Dropout2dExt, DropoutExt  # noqa: E402
from .layer.embedding_lookup import EmbeddingExt, EmbeddingLookup, MultiFieldEmbeddingLookup  # noqa: E402
from .layer.normalization_ext import LayerNormExt, SyncBatchNorm  # noqa: E402
from .layer.pooling_ext import (  # noqa: E402
    AvgPool1dExt,
    AvgPool2dExt,
    AvgPool3dExt,
    FractionalMaxPool2d,
    FractionalMaxPool3d,
    MaxPool2dExt,
    MaxUnpool1d,
    MaxUnpool2d,
    MaxUnpool3d,
)
from .layer.timedistributed import TimeDistributed  # noqa: E402
from .loss.loss_ext import L1LossExt, MultilabelMarginLoss, TripletMarginLoss  # noqa: E402

__all__ += ["Dropout2dExt", "DropoutExt", "EmbeddingExt", "EmbeddingLookup", "MultiFieldEmbeddingLookup",
            "LayerNormExt", "SyncBatchNorm", "AvgPool1dExt", "AvgPool2dExt", "AvgPool3dExt", "FractionalMaxPool2d",
            "FractionalMaxPool3d", "MaxPool2dExt", "MaxUnpool1d", "MaxUnpool2d", "MaxUnpool3d", "TimeDistributed",
            "L1LossExt", "MultilabelMarginLoss", "TripletMarginLoss"]
from ..train.metrics import (  # noqa: E402
    F1,
    MAE,
    MSE,
    ROC,
    Accuracy,
    ConfusionMatrix,
    ConfusionMatrixMetric,
    Dice,
    Fbeta,
    Loss,
    Metric,
    Perplexity,
    Precision,
    Recall,
    Top1CategoricalAccuracy,
    Top5CategoricalAccuracy,
    TopKCategoricalAccuracy,
    auc,
    get_metric_fn,
    get_metrics,
    names,
    rearrange_inputs,
)

__all__ += ["F1", "MAE", "MSE", "ROC", "Accuracy", "ConfusionMatrix", "ConfusionMatrixMetric", "Dice", "Fbeta", "Loss",
            "Metric", "Perplexity", "Precision", "Recall", "Top1CategoricalAccuracy", "Top5CategoricalAccuracy",
            "TopKCategoricalAccuracy", "auc", "get_metric_fn", "get_metrics", "names", "rearrange_inputs"]
from .cell_grad import Jvp, Vjp  # noqa: E402
from .loss.loss_ext import SampledSoftmaxLoss  # noqa: E402

__all__ += ["Jvp", "Vjp", "SampledSoftmaxLoss"]
from .layer.sparse import SparseTensorDenseMatmul  # noqa: E402

__all__ += ["SparseTensorDenseMatmul"]
from .init_utils import no_init_parameters  # noqa: E402

__all__ += ["no_init_parameters"]
from ..train.metrics.similarity import BleuScore, CosineSimilarity  # noqa: E402
from ..train.metrics.surface import HausdorffDistance, MeanSurfaceDistance, RootMeanSquareDistance  # noqa: E402
from . import probability  # noqa: E402,F401 - imported eagerly, as the reference's nn does (not in __all__)

__all__ += ["BleuScore", "CosineSimilarity", "HausdorffDistance", "MeanSurfaceDistance", "RootMeanSquareDistance"]
from ..train.metrics.occlusion import OcclusionSensitivity  # noqa: E402

__all__ += ["OcclusionSensitivity"]
from .layer.thor_layer import Conv2dThor, DenseThor, EmbeddingLookupThor, EmbeddingThor  # noqa: E402
from .optim.thor import thor  # noqa: E402

__all__ += ["DenseThor", "Conv2dThor", "EmbeddingThor", "EmbeddingLookupThor", "thor"]

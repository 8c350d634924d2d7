"""``mindspore.nn.probability.bnn_layers``: Bayesian layers (weights drawn from trainable Normal posteriors) and
the loss wrapper that adds their KL terms."""
from . import bnn_cell_wrapper, conv_variational, dense_variational, layer_distribution
from .bnn_cell_wrapper import WithBNNLossCell
from .conv_variational import ConvReparam
from .dense_variational import DenseLocalReparam, DenseReparam
from .layer_distribution import NormalPosterior, NormalPrior

__all__ = []
__all__.extend(conv_variational.__all__)
__all__.extend(dense_variational.__all__)
__all__.extend(layer_distribution.__all__)
__all__.extend(bnn_cell_wrapper.__all__)

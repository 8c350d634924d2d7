"""``mindspore.nn.optim``: the optimizer base class and the optimizers."""
from .adam import Adam, AdamWeightDecay
from .momentum import Momentum
from .optimizer import Optimizer, opt_init_args_register
from .sgd import SGD

__all__ = ["Optimizer", "opt_init_args_register", "SGD", "Momentum", "Adam", "AdamWeightDecay"]

"""``mindspore.experimental.optim``: PyTorch-style optimizers over Cell parameters, with param groups whose
learning rates are Parameters that ``optim.lr_scheduler`` updates.

Called as the reference: ``optimizer(grads)`` with the gradients in ``optimizer.parameters`` order.
"""
from . import lr_scheduler
from .adadelta import Adadelta
from .adagrad import Adagrad
from .adam import Adam
from .adamax import Adamax
from .adamw import AdamW
from .asgd import ASGD
from .nadam import NAdam
from .optimizer import Optimizer
from .radam import RAdam
from .rmsprop import RMSprop
from .rprop import Rprop
from .sgd import SGD

__all__ = ["Optimizer", "AdamW", "SGD", "Adam", "Adadelta", "Adagrad", "ASGD", "Adamax", "RMSprop", "Rprop",
           "RAdam", "NAdam"]

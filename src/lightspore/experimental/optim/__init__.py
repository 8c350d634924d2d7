"""``mindspore.experimental.optim``: PyTorch-style optimizers over Cell parameters, with param groups whose
learning rates are Parameters that ``optim.lr_scheduler`` updates.

Called as the reference: ``optimizer(grads)`` with the gradients in ``optimizer.parameters`` order.
"""
from . import lr_scheduler
from .adam import Adam
from .adamw import AdamW
from .optimizer import Optimizer
from .sgd import SGD

__all__ = ["Optimizer", "AdamW", "SGD", "Adam"]

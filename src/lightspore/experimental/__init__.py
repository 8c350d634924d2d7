"""``mindspore.experimental``: the PyTorch-style optimizers and learning-rate schedulers (``optim``)."""
from . import optim

__all__ = ["optim"]

"""``mindspore.nn.optim``: the optimizer base class and the optimizers."""
from .adam import Adam, AdamWeightDecay
from .momentum import Momentum
from .optimizer import Optimizer, opt_init_args_register
from .sgd import SGD

__all__ = ["Optimizer", "opt_init_args_register", "SGD", "Momentum", "Adam", "AdamWeightDecay"]
from .ada_grad import Adagrad  # noqa: E402
from .adadelta import Adadelta  # noqa: E402
from .adamax import AdaMax  # noqa: E402
from .asgd import ASGD  # noqa: E402
from .ftrl import FTRL  # noqa: E402
from .lamb import Lamb  # noqa: E402
from .lars import LARS  # noqa: E402
from .lazyadam import LazyAdam  # noqa: E402
from .proximal_ada_grad import ProximalAdagrad  # noqa: E402
from .rmsprop import RMSProp  # noqa: E402
from .rprop import Rprop  # noqa: E402

__all__ += ["RMSProp", "Adagrad", "Adadelta", "AdaMax", "ASGD", "Rprop", "ProximalAdagrad", "FTRL", "LazyAdam",
            "Lamb", "LARS"]
from .adafactor import AdaFactor  # noqa: E402

__all__ += ["AdaFactor"]
from .thor import thor  # noqa: E402

__all__ += ["thor"]

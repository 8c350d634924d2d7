"""``mindspore.nn.probability``: distributions, bijectors and Bayesian layers for probabilistic networks."""
from . import bijector, distribution

__all__ = ["bijector", "distribution"]

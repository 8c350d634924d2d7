"""``mindspore.nn.probability``: distributions, bijectors and Bayesian layers for probabilistic networks."""
from . import bijector, distribution  # noqa: F401 - the subpackages the reference imports with it

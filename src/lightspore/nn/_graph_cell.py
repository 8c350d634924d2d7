"""``nn.GraphCell``: run a graph loaded from a MindIR file by ``mindspore.load``."""
from ..common.tensor import Tensor
from .cell import Cell

__all__ = ["GraphCell"]


class GraphCell(Cell):
    """Runs a :class:`FuncGraph` loaded by ``load``; its parameters are the graph's, under the names the file
    gives them. ``params_init`` ({name: Tensor}) replaces the values of the graph's parameters of those names
    (names the graph lacks are ignored)."""

    def __init__(self, graph, params_init=None, obf_random_seed=None):
        from ..train._mindir import FuncGraph  # here: the train package imports nn
        super().__init__(auto_prefix=True)
        if obf_random_seed is not None:
            raise NotImplementedError("Dynamic structure obfuscation is not supported now.")
        if not isinstance(graph, FuncGraph):
            raise TypeError(f"For 'GraphCell', the argument 'graph' must be a FuncGraph loaded from MindIR, but got "
                            f"type {type(graph)}.")
        self.graph = graph
        params_init = {} if params_init is None else params_init
        if not isinstance(params_init, dict):
            raise TypeError(f"For 'GraphCell', the argument 'params_init' must be a dict, but got {type(params_init)}.")
        for name, value in params_init.items():
            if not isinstance(name, str) or not isinstance(value, Tensor):
                raise TypeError("For 'GraphCell', the key of the 'params_init' must be str, and the value must be "
                                f"Tensor or Parameter, but got the key type: {type(name)}, and the value type: "
                                f"{type(value)}")
        for name, param in graph.parameters.items():
            if name in params_init:
                value = params_init[name]
                if tuple(value.shape) != tuple(param.shape):
                    raise ValueError(f"For 'GraphCell', the parameter '{name}' of the graph has shape "
                                     f"{tuple(param.shape)}, but 'params_init' gives shape {tuple(value.shape)}.")
                param.set_data(value.astype(param.dtype) if value.dtype != param.dtype else value)
            self._params[name] = param

    def construct(self, *inputs):
        return self.graph(*inputs)

"""Cells that wrap a network for training and evaluation: ``WithLossCell``, ``WithEvalCell``,
``WithGradCell``, ``ForwardValueAndGrad``, ``TrainOneStepCell``, ``ParameterUpdate``.

``TrainOneStepCell`` computes the loss and the gradients with respect to ``optimizer.parameters`` in
one forward and one backward pass (``value_and_grad``), then calls ``optimizer(grads)``.
"""
from __future__ import annotations

from types import FunctionType, MethodType

import torch

from ... import context as _context
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from ...communication._comm_helper import GlobalComm
from ...ops.composite import GradOperation, _run_and_grad, value_and_grad
from ...parallel._auto_parallel_context import ParallelMode
from ...parallel._utils import _get_device_num, _get_gradients_mean, _get_parallel_mode, _get_parameter_broadcast
from ..cell import Cell
from ..layer.basic import Identity
from ..learning_rate_schedule import _value_type
from .grad_reducer import DistributedGradReducer, _broadcast_parameters

__all__ = ["WithLossCell", "WithEvalCell", "WithGradCell", "ForwardValueAndGrad", "TrainOneStepCell",
           "ParameterUpdate"]


def _copy_cell_attrs(cell, network):
    """What the reference copies from the wrapped network: its jit config and AMP level."""
    if isinstance(network, Cell):
        for key in ("_jit_config_dict", "_amp_level"):
            if key in network.__dict__:
                cell.__dict__[key] = network.__dict__[key]


class WithLossCell(Cell):
    """``loss_fn(backbone(data), label)``."""

    def __init__(self, backbone, loss_fn):
        super().__init__(auto_prefix=False)
        self._backbone = backbone
        self._loss_fn = loss_fn
        _copy_cell_attrs(self, backbone)

    def construct(self, data, label):
        return self._loss_fn(self._backbone(data), label)

    @property
    def backbone_network(self):
        """The wrapped network."""
        return self._backbone


class WithEvalCell(Cell):
    """Returns ``(loss, outputs, label)``; ``add_cast_fp32`` casts outputs (and a float label) to float32."""

    def __init__(self, network, loss_fn, add_cast_fp32=False):
        super().__init__(auto_prefix=False)
        self._network = network
        self._loss_fn = loss_fn
        self.add_cast_fp32 = _value_type("add_cast_fp32", add_cast_fp32, [bool], self.cls_name)
        _copy_cell_attrs(self, network)

    def construct(self, data, label):
        outputs = self._network(data)
        if self.add_cast_fp32:
            if isinstance(label, Tensor) and label._t.is_floating_point():
                label = Tensor._make(label._t.to(torch.float32))
            outputs = Tensor._make(outputs._t.to(torch.float32))
        loss = self._loss_fn(outputs, label)
        return loss, outputs, label


class WithGradCell(Cell):
    """Returns the gradients of ``network`` (with ``loss_fn`` applied when given) w.r.t. its trainable
    parameters; ``sens`` scales the output gradient."""

    def __init__(self, network, loss_fn=None, sens=None):
        super().__init__(auto_prefix=False)
        self.network = network
        self.loss_fn = loss_fn
        self.weights = ParameterTuple(network.trainable_params())
        self.grad = GradOperation(get_by_list=True, sens_param=(sens is not None))
        self.sens = sens
        self.network_with_loss = network if loss_fn is None else WithLossCell(self.network, self.loss_fn)
        self.network_with_loss.set_train()
        _copy_cell_attrs(self, network)

    def construct(self, *inputs):
        if self.sens is None:
            return self.grad(self.network_with_loss, self.weights)(*inputs)
        return self.grad(self.network_with_loss, self.weights)(*inputs, self.sens)


class ForwardValueAndGrad(Cell):
    """Returns ``(network(*inputs), gradients)`` where the gradients are those of
    ``GradOperation(get_all, get_by_list, sens_param)``; the last input is the sens with ``sens_param``."""

    def __init__(self, network, weights=None, get_all=False, get_by_list=False, sens_param=False):
        super().__init__(auto_prefix=False)
        if not isinstance(network, (Cell, FunctionType, MethodType)):
            raise TypeError(f"For 'ForwardValueAndGrad', the argument 'network' must be cell, function type or "
                            f"method type, but got '{type(network)}'")
        if not isinstance(get_all, bool):
            raise TypeError(f"For 'ForwardValueAndGrad', the type of 'get_all' must be bool, "
                            f"but got '{type(get_all)}'")
        if not isinstance(get_by_list, bool):
            raise TypeError(f"For 'ForwardValueAndGrad', the type of 'get_by_list' must be bool, "
                            f"but got '{type(get_by_list)}'")
        if get_by_list and not isinstance(weights, (ParameterTuple, tuple, list)):
            raise TypeError(f"For 'ForwardValueAndGrad', when 'get_by_list' is set to True, the argument "
                            f"'weights' must be Parameters array, but got '{type(weights)}'")
        self.network = network
        if isinstance(network, Cell):
            self.network.set_grad()
        self.weights = weights
        self.get_all = get_all
        self.get_by_list = get_by_list
        self.sens_param = sens_param
        self.grad = GradOperation(get_all=get_all, get_by_list=get_by_list, sens_param=sens_param)
        _copy_cell_attrs(self, network)

    def construct(self, *inputs):
        sens = None
        if self.sens_param:
            inputs, sens = inputs[:-1], inputs[-1]
        if self.get_all:
            pos = tuple(i for i, a in enumerate(inputs) if isinstance(a, Tensor))
        elif self.get_by_list:
            pos = None
        else:
            pos = (0,) if inputs else None
        weights = list(self.weights) if self.get_by_list else None
        loss, in_grads, w_grads = _run_and_grad(self.network, inputs, {}, pos, weights, False, sens,
                                                "ForwardValueAndGrad")
        if self.get_by_list:
            grads = (tuple(in_grads), tuple(w_grads)) if self.get_all else tuple(w_grads)
        elif self.get_all:
            grads = tuple(in_grads)
        else:
            grads = in_grads[0]
        return loss, grads


class TrainOneStepCell(Cell):
    """One training step: loss and gradients of ``network`` w.r.t. ``optimizer.parameters``, then
    ``optimizer(grads)``. Returns the loss (and ``{name: grad}`` with ``return_grad=True``); ``sens``
    scales the gradients (the loss's output gradient is ``sens`` instead of 1)."""

    def __init__(self, network, optimizer, sens=None, return_grad=False):
        super().__init__(auto_prefix=False)
        self.network = network
        self.network.set_grad()
        self.optimizer = optimizer
        self.weights = self.optimizer.parameters
        self.grad = GradOperation(get_by_list=True, sens_param=True)
        self.grad_no_sens = GradOperation(get_by_list=True)
        self.sens = sens
        if self.sens == 0:
            raise ValueError("The input argument of 'sens' can not be 0.")
        self.sense_flag = True
        if self.sens is None:
            self.sense_flag = False
            self.sens = 1.0
        self.return_grad = return_grad
        if return_grad:
            self.weights_name = [i.name for i in self.optimizer.parameters]
        self.reducer_flag = False
        self.grad_reducer = Identity()
        self.parallel_mode = _get_parallel_mode()
        self.reducer_flag = self.parallel_mode in (ParallelMode.DATA_PARALLEL, ParallelMode.HYBRID_PARALLEL)
        if self.reducer_flag:     # data parallel: the gradients are all-reduced over the world group
            self.mean = _get_gradients_mean()
            self.degree = _get_device_num()
            self.grad_reducer = DistributedGradReducer(self.weights, self.mean, self.degree,
                                                       group=GlobalComm.WORLD_COMM_GROUP)
        self.__dict__["_params_synced"] = False
        _copy_cell_attrs(self, network)
        self.__dict__["_value_and_grad"] = value_and_grad(self.network, None, self.weights)
        self.__dict__["_value_and_grad_sens"] = value_and_grad(self._scaled_network, None, self.weights,
                                                               has_aux=True)

    def _scaled_network(self, *inputs):
        # d(sens * loss)/dw seeds the backward pass with ``sens`` exactly as a filled sens tensor would
        loss = self.network(*inputs)
        return loss * self.sens, loss

    def _sync_parameters(self):
        # parameter_broadcast: as the reference's graph compilation does (GRAPH_MODE only; its PyNative mode leaves
        # the parameters alone), every process starts from rank 0's parameters, once, before the first step
        self.__dict__["_params_synced"] = True
        if _context.get_context("mode") == _context.GRAPH_MODE and _get_parameter_broadcast():
            _broadcast_parameters(self.network)

    def construct(self, *inputs):
        if not self._params_synced:
            self._sync_parameters()
        vg = self._value_and_grad_sens if self.sense_flag else self._value_and_grad
        if self.reducer_flag and type(self.grad_reducer) is DistributedGradReducer and \
                self.grad_reducer._can_overlap(self.weights):
            # all-reduce each gradient bucket as soon as backward has produced it (torch DDP's overlap)
            # the gradients go to the optimizer and are dropped, so the bucket buffers are reused across steps
            # unless they are handed back (return_grad)
            with self.grad_reducer._overlap(self.weights, reuse=not self.return_grad) as ov:
                loss, grads = vg(*inputs)
            grads = ov.result(grads)
        else:
            loss, grads = vg(*inputs)
            grads = self.grad_reducer(grads)
        if self.sense_flag:
            loss = loss[1]
        self.optimizer(grads)
        if self.return_grad:
            return loss, {name: g for name, g in zip(self.weights_name, grads)}
        return loss


class ParameterUpdate(Cell):
    """Writes its input into ``param`` and returns the input."""

    def __init__(self, param):
        super().__init__(auto_prefix=False)
        if not isinstance(param, Parameter):
            raise TypeError(f"For 'ParameterUpdate', 'param' must be 'Parameter', but got {type(param)}.")
        self._param = param

    def construct(self, x):
        with torch.no_grad():
            self._param._t.copy_(x._t if isinstance(x, Tensor) else torch.as_tensor(x))
        return x


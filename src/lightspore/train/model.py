"""``mindspore.train.Model``: train / eval / predict / fit over a dataset, driving callbacks and metrics.

Setting ``LIGHTSPORE_PROGRESS=1`` shows a tqdm progress bar per training epoch on stderr (see
``train/_progress.py``); it is off by default and changes nothing else.
"""
import copy
import logging
from collections.abc import Iterable

import numpy as np

from .. import nn
from ..common.tensor import Tensor
from ..parallel._auto_parallel_context import ParallelMode  # noqa: F401  (mindspore.train.model.ParallelMode)
from ..parallel._utils import _get_device_num, _get_parallel_mode, _get_parameter_broadcast
from . import _progress
from .callback import RunContext, TimeMonitor
from .callback._callback import _CallbackManager, _InternalCallbackParam
from .metrics import Loss, get_metric_fn, get_metrics

logger = logging.getLogger("lightspore")

__all__ = ["Model"]

_KWARGS = ("loss_scale_manager", "keep_batchnorm_fp32", "boost_config_dict", "acc_level")


def _to_tensor(x):
    if isinstance(x, Tensor):
        return x
    if isinstance(x, (np.ndarray, np.generic, int, float, bool, list)):
        return Tensor(x)
    return x


class _DataSource:
    """Iterates a dataset (``create_tuple_iterator``/``get_dataset_size``) or a plain iterable of tuples."""

    def __init__(self, dataset, name):
        self.dataset = dataset
        self._items = None
        if hasattr(dataset, "create_tuple_iterator"):
            self._size = dataset.get_dataset_size()
        elif isinstance(dataset, Iterable) and not isinstance(dataset, (str, bytes, dict, Tensor, np.ndarray)):
            if not hasattr(dataset, "__len__"):
                self._items = list(dataset)    # a one-shot generator must serve every epoch
            self._size = len(self._items if self._items is not None else dataset)
        else:
            raise TypeError(f"For 'Model.{name}', the dataset must have 'create_tuple_iterator' and "
                            "'get_dataset_size' (a mindspore.dataset Dataset) or be an iterable of (data, label) "
                            f"tuples, but got {type(dataset).__name__}.")

    def get_dataset_size(self):
        return self._size

    def __iter__(self):
        ds = self.dataset
        if self._items is not None:
            source = self._items
        elif hasattr(ds, "create_tuple_iterator"):
            try:
                source = ds.create_tuple_iterator(num_epochs=1)
            except TypeError:
                source = ds.create_tuple_iterator()
        else:
            source = ds
        for item in source:
            if isinstance(item, dict):
                item = tuple(item.values())
            if isinstance(item, (tuple, list)):
                yield tuple(_to_tensor(x) for x in item)
            else:
                yield (_to_tensor(item),)

    def reset(self):
        reset = getattr(self.dataset, "reset", None)
        if callable(reset):
            reset()


def _check_bool(name, value, where):
    if not isinstance(value, bool):
        raise TypeError(f"For 'Model.{where}', the type of '{name}' should be bool, but got "
                        f"{type(value).__name__}.")
    return value


def _check_int(name, value, where, minimum):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For 'Model.{where}', the type of '{name}' should be int, but got {type(value).__name__}.")
    if value < minimum:
        raise ValueError(f"For 'Model.{where}', '{name}' must be {'positive' if minimum == 1 else 'non-negative'}, "
                         f"but got {value}.")
    return value


class Model:
    """High-level training and inference: wraps ``network`` with ``loss_fn`` and ``optimizer`` into a
    training step, builds the evaluation network for ``metrics``, and runs the loops with callbacks."""

    def __init__(self, network, loss_fn=None, optimizer=None, metrics=None, eval_network=None, eval_indexes=None,
                 amp_level="O0", boost_level="O0", **kwargs):
        for key in kwargs:
            if key not in _KWARGS:
                raise ValueError("The argument in 'kwargs' should be 'loss_scale_manager' or 'keep_batchnorm_fp32' "
                                 f"or 'boost_config_dict' or 'acc_level', but got '{key}'.")
        if not isinstance(network, nn.Cell):
            raise TypeError(f"For 'Model', the argument 'network' must be a Cell, but got {type(network).__name__}.")
        self._network = network
        self._loss_fn = loss_fn
        self._optimizer = optimizer
        self._loss_scale_manager = kwargs.get("loss_scale_manager")
        self._loss_scale_manager_set = "loss_scale_manager" in kwargs
        self._keep_bn_fp32 = kwargs.get("keep_batchnorm_fp32")
        self._amp_level = amp_level
        self._boost_level = kwargs.get("acc_level", boost_level)
        if optimizer is None and amp_level != "O0":
            raise ValueError("Auto mixed precision will not work because 'optimizer' is None.Please set "
                             "amp_level='O0' to disable auto mixed precision or set 'optimizer' not be None to use "
                             "auto mixed precision.")
        self._metrics = metrics
        # data parallel (lightspore.parallel): the training step reduces gradients itself under DATA_PARALLEL
        self._parallel_mode = _get_parallel_mode()
        self._device_number = _get_device_num()
        self._parameter_broadcast = _get_parameter_broadcast()
        self._train_network = self._build_train_network()
        self._eval_network = eval_network
        self._eval_indexes = None
        self._build_eval_network(metrics, eval_network, eval_indexes)
        self._predict_network = network
        self._current_epoch_num = 0
        self._current_step_num = 0
        self.epoch_iter = 0
        self.batch_num = -1

    # ------------------------------------------------------------------ networks
    def _build_train_network(self):
        """As the reference: with an optimizer, ``amp.build_train_network`` (mixed precision at
        ``amp_level``, the loss scale manager and ``keep_batchnorm_fp32`` when given); else the
        network with its loss."""
        from .. import amp

        network = self._network
        if self._loss_scale_manager is not None and self._optimizer is None:
            raise ValueError("The argument 'optimizer' can not be None when set 'loss_scale_manager'.")
        if self._optimizer is not None:
            cfg = {}
            if self._loss_scale_manager_set:
                cfg["loss_scale_manager"] = self._loss_scale_manager
            if self._keep_bn_fp32 is not None:
                cfg["keep_batchnorm_fp32"] = self._keep_bn_fp32
            return amp.build_train_network(network, self._optimizer, self._loss_fn, level=self._amp_level,
                                           boost_level=self._boost_level, **cfg)
        if self._loss_fn is not None:
            return nn.WithLossCell(network, self._loss_fn)
        return network

    def _build_eval_network(self, metrics, eval_network, eval_indexes):
        self._metric_fns = get_metrics(metrics)
        if not self._metric_fns:
            return
        if eval_network is not None:
            if eval_indexes is not None and not (isinstance(eval_indexes, list) and len(eval_indexes) == 3):
                raise ValueError("The argument 'eval_indexes' must be a list or None. If 'eval_indexes' is a list, "
                                 f"length of it must be three. But got 'eval_indexes' {eval_indexes}")
            self._eval_network = eval_network
            self._eval_indexes = eval_indexes
            return
        if self._loss_fn is None:
            raise ValueError("If `metrics` is set, `eval_network` must not be None. Do not set `metrics` if you "
                             "don't want an evaluation. For the simple case of one data, one label and one logits, "
                             "set `loss_fn` instead and Model builds the evaluation network from `network` and "
                             "`loss_fn`.")
        self._eval_network = nn.WithEvalCell(self._network, self._loss_fn, self._amp_level in ("O2", "O3", "auto"))
        self._eval_indexes = [0, 1, 2]

    @property
    def train_network(self):
        return self._train_network

    @property
    def predict_network(self):
        return self._predict_network

    @property
    def eval_network(self):
        return self._eval_network

    # ------------------------------------------------------------------ metrics
    def _clear_metrics(self):
        for m in self._metric_fns.values():
            m.clear()

    def _update_metrics(self, outputs):
        if isinstance(outputs, Tensor):
            outputs = (outputs,)
        if isinstance(outputs, list):
            outputs = tuple(outputs)
        if not isinstance(outputs, tuple):
            raise ValueError(f"The argument 'outputs' should be tuple, but got {type(outputs)}.")
        idx = self._eval_indexes
        if idx is not None and len(outputs) < 3:
            raise ValueError(f"The length of 'outputs' must be >= 3, but got {len(outputs)}")
        for m in self._metric_fns.values():
            if idx is None:
                m.update(*outputs)
            elif isinstance(m, Loss):
                m.update(outputs[idx[0]])
            else:
                m.update(outputs[idx[1]], outputs[idx[2]])

    def _get_metrics(self):
        return {name: m.eval() for name, m in self._metric_fns.items()}

    # ------------------------------------------------------------------ train
    @staticmethod
    def _transform_callbacks(callbacks):
        if callbacks is None:
            return []
        if isinstance(callbacks, Iterable):
            return list(callbacks)
        return [callbacks]

    def _check_train_args(self, where, epoch, train_dataset, dataset_sink_mode, sink_size, initial_epoch):
        _check_bool("dataset_sink_mode", dataset_sink_mode, where)
        if isinstance(sink_size, bool) or not isinstance(sink_size, int):
            raise TypeError(f"For 'Model.{where}', the type of 'sink_size' should be int, but got "
                            f"{type(sink_size).__name__}.")
        _check_int("epoch", epoch, where, 1)
        _check_int("initial_epoch", initial_epoch, where, 0)
        if initial_epoch >= epoch:
            raise ValueError(f"For 'Model.{where}', the parameter 'epoch' must bigger than parameter "
                             f"'initial_epoch', but got the parameter 'epoch' is {epoch}, 'initial_epoch' is "
                             f"{initial_epoch}.")
        source = _DataSource(train_dataset, where)
        if source.get_dataset_size() == 0:
            raise ValueError("There is no valid data in dataset, please check dataset file firstly.")
        if sink_size < -1 or sink_size == 0:
            raise ValueError(f"For 'Model.{where}', The argument 'sink_size' must be -1 or positive, but got "
                             f"{sink_size}.")
        return source

    def train(self, epoch, train_dataset, callbacks=None, dataset_sink_mode=False, sink_size=-1, initial_epoch=0):
        """Train ``epoch - initial_epoch`` epochs over ``train_dataset``. ``dataset_sink_mode`` is accepted
        and runs like the reference does on CPU (one step per batch)."""
        source = self._check_train_args("train", epoch, train_dataset, dataset_sink_mode, sink_size, initial_epoch)
        _check_custom_callbacks(callbacks, "train")
        self._train(epoch, source, callbacks, initial_epoch, sink_size=sink_size if dataset_sink_mode else -1)

    def fit(self, epoch, train_dataset, valid_dataset=None, valid_frequency=1, callbacks=None,
            dataset_sink_mode=False, valid_dataset_sink_mode=False, sink_size=-1, initial_epoch=0):
        """Train, evaluating on ``valid_dataset`` every ``valid_frequency`` epochs (an int, or a list of
        epochs); the results reach callbacks as ``cb_params.metrics`` / ``eval_results``."""
        source = self._check_train_args("fit", epoch, train_dataset, dataset_sink_mode, sink_size, initial_epoch)
        _check_bool("valid_dataset_sink_mode", valid_dataset_sink_mode, "fit")
        if isinstance(valid_frequency, bool) or not isinstance(valid_frequency, (int, list)):
            raise TypeError("For 'Model.fit', the type of 'valid_frequency' must be a list or an integer, but got "
                            f"type {type(valid_frequency)}.")
        valid = None
        if valid_dataset is not None:
            if not self._metric_fns:
                raise ValueError("For 'Model.fit', if valid_dataset is not None, the model argument 'metrics' can "
                                 "not be None or empty, you should set the argument 'metrics' for model.")
            valid = _DataSource(valid_dataset, "fit")
        _check_custom_callbacks(callbacks, "fit")
        self._train(epoch, source, callbacks, initial_epoch, valid, valid_frequency,
                    sink_size=sink_size if dataset_sink_mode else -1)

    def _check_reuse_dataset(self, dataset):
        owner = getattr(dataset, "__model_hash__", None)
        if owner is None:
            try:
                dataset.__model_hash__ = hash(self)
            except AttributeError:     # a list or another object without attributes: nothing to mark
                return
        elif owner != hash(self):
            raise RuntimeError("The dataset object had been used in other model by model.train(...), please create "
                               "a new dataset.")

    def _train(self, epoch, source, callbacks, initial_epoch, valid=None, valid_frequency=1, sink_size=-1):
        p = _InternalCallbackParam()
        p.cur_step_num = 0
        p.train_network = self._train_network
        p.epoch_num = epoch - initial_epoch
        # as the reference on CPU: sink mode runs every batch, but steps are counted per sink_size
        p.batch_num = sink_size if sink_size > 0 else source.get_dataset_size()
        self.batch_num = p.batch_num
        p.mode = "train"
        p.loss_fn = self._loss_fn
        p.optimizer = self._optimizer
        p.parallel_mode = self._parallel_mode
        p.device_number = self._device_number
        p.train_dataset = source.dataset
        p.list_callback = self._transform_callbacks(callbacks)
        p.train_dataset_element = None
        p.network = self._network
        p.last_save_ckpt_step = None
        p.latest_ckpt_file = None
        p.loss_scale_mananger = self._loss_scale_manager
        p.dataset_sink_mode = False
        p.initial_step = None
        run_context = RunContext(p)
        with _CallbackManager(p.list_callback) as cbs:
            self._check_reuse_dataset(source.dataset)
            cbs.on_train_begin(run_context)
            for i in range(initial_epoch, epoch):
                p.cur_epoch_num = i + 1
                self._current_epoch_num = p.cur_epoch_num
                self._current_step_num = 0
                cbs.on_train_epoch_begin(run_context)
                bar = _progress.bar(p.batch_num, f"epoch {p.cur_epoch_num}/{epoch}")
                for element in source:
                    if self._loss_fn is not None and len(element) != 2:
                        raise ValueError("When 'loss_fn' is not None, 'train_dataset' should return two elements, "
                                         f"but got {len(element)}, please check the number of elements returned by "
                                         "'train_dataset'")
                    p.cur_step_num += 1
                    self._current_step_num = int((p.cur_step_num - 1) % p.batch_num + 1)
                    p.train_dataset_element = element
                    cbs.on_train_step_begin(run_context)
                    self._train_network.set_train(True)
                    outputs = self._train_network(*element)
                    p.net_outputs = outputs
                    manager = self._loss_scale_manager
                    if manager is not None and manager.get_drop_overflow_update():
                        manager.update_loss_scale(bool(np.all(outputs[1].asnumpy())))
                    bar.step(outputs)
                    cbs.on_train_step_end(run_context)
                    if run_context.get_stop_requested():
                        break
                bar.close()
                if valid is not None and self._should_eval(p.cur_epoch_num, valid_frequency):
                    self._eval_during_train(valid, p, cbs)
                source.reset()
                cbs.on_train_epoch_end(run_context)
                p.pop("metrics", None)
                p.pop("eval_results", None)
                if run_context.get_stop_requested():
                    break
            cbs.on_train_end(run_context)

    @staticmethod
    def _should_eval(epoch, frequency):
        if isinstance(frequency, int):
            return epoch % frequency == 0
        return epoch in frequency

    def _eval_during_train(self, valid, p, cbs):
        saved = (p.cur_step_num, p.batch_num, p.dataset_sink_mode, p.get("net_outputs"))
        # the built-in callbacks (but TimeMonitor) stay out of the evaluation, as in the reference
        eval_cbs = [cb for cb in cbs._callbacks
                    if type(cb).__module__.split(".")[:3] != ["lightspore", "train", "callback"]
                    or isinstance(cb, TimeMonitor)]
        p.eval_network = self._eval_network
        p.valid_dataset = valid.dataset
        p.batch_num = valid.get_dataset_size()
        p.mode = "eval"
        p.cur_step_num = 0
        self._clear_metrics()
        with _CallbackManager(eval_cbs) as ecbs:
            self._eval_process(valid, ecbs, p, add_eval_loss=True)
        p.mode = "train"
        p.cur_step_num, p.batch_num, p.dataset_sink_mode, p.net_outputs = saved

    # ------------------------------------------------------------------ eval / predict
    def _eval_process(self, valid, cbs, p, add_eval_loss=False):
        run_context = RunContext(p)
        p.dataset_sink_mode = False
        cbs.on_eval_begin(run_context)
        cbs.on_eval_epoch_begin(run_context)
        eval_loss = get_metric_fn("loss") if add_eval_loss else None
        self._eval_network.set_train(False)
        for element in valid:
            p.cur_step_num += 1
            p.eval_dataset_element = element
            cbs.on_eval_step_begin(run_context)
            self._eval_network.set_train(False)
            outputs = self._eval_network(*element)
            p.net_outputs = outputs
            cbs.on_eval_step_end(run_context)
            self._update_metrics(outputs)
            if eval_loss is not None:
                eval_loss.update(outputs[self._eval_indexes[0]])
            if run_context.get_stop_requested():
                break
        cbs.on_eval_epoch_end(run_context)
        valid.reset()
        metrics = self._get_metrics()
        p.metrics = metrics
        if eval_loss is not None:
            p.eval_results = copy.deepcopy(metrics)
            p.eval_results["eval_loss"] = eval_loss.eval()
        cbs.on_eval_end(run_context)
        return metrics

    def eval(self, valid_dataset, callbacks=None, dataset_sink_mode=False):
        """Evaluate the metrics over ``valid_dataset``; returns ``{name: value}``."""
        _check_bool("dataset_sink_mode", dataset_sink_mode, "eval")
        if not self._metric_fns:
            raise ValueError("For Model.eval, the model argument 'metrics' can not be None or empty, you should set "
                             "the argument 'metrics' for model.")
        valid = _DataSource(valid_dataset, "eval")
        _check_custom_callbacks(callbacks, "eval")
        p = _InternalCallbackParam()
        p.eval_network = self._eval_network
        p.valid_dataset = valid_dataset
        p.batch_num = valid.get_dataset_size()
        p.mode = "eval"
        p.cur_step_num = 0
        p.list_callback = self._transform_callbacks(callbacks)
        p.network = self._network
        self._clear_metrics()
        with _CallbackManager(p.list_callback) as cbs:
            return self._eval_process(valid, cbs, p)

    def predict(self, *predict_data, backend=None, config=None):
        """The network's output on ``predict_data`` (inference mode, no gradient tape)."""
        if backend not in ("lite", None):
            raise ValueError(f"For Model.predict, `backend` should be 'lite' or None, but got {backend}")
        for item in predict_data:
            if item is None:
                continue
            if isinstance(item, Tensor):
                if item.size == 0:
                    raise ValueError("The input data can not be empty.")
                continue
            if not isinstance(item, (int, float, str)):
                raise TypeError("The types of input data must be in the Union(Tensor, None, int, float, str, "
                                f"tuple, list, dict), but got type {type(item).__name__}.")
        self._predict_network.set_train(False)
        return self._predict_network(*predict_data)

    def build(self, train_dataset=None, valid_dataset=None, sink_size=-1, epoch=1, sink_mode=True):
        """Checks the arguments (networks run eagerly, so there is nothing to compile ahead)."""
        _check_int("epoch", epoch, "build", 1)
        if train_dataset is not None:
            _DataSource(train_dataset, "build")
        if valid_dataset is not None:
            if not self._metric_fns:
                raise RuntimeError("If define `valid_dataset`, metric fn can not be None or empty, you should set "
                                   "the argument 'metrics' for model.")
            _DataSource(valid_dataset, "build")


_OLD_HOOKS = {"begin", "end", "epoch_begin", "epoch_end", "step_begin", "step_end"}


def _check_custom_callbacks(callbacks, mode):
    """User callbacks overriding the old hook names: a warning in train/eval, an error in fit (as the reference)."""
    from . import callback as _cb

    if not callbacks:
        return
    for cb in callbacks if isinstance(callbacks, (list, tuple)) else [callbacks]:
        name = type(cb).__name__
        if name in _cb.__all__:
            continue
        old = set(type(cb).__dict__) & _OLD_HOOKS
        if old:
            msg = (f"For {name} callback, {old} methods may not be supported in later version, Use methods prefixed "
                   "with 'on_train' or 'on_eval' instead when using customized callbacks.")
            if mode == "fit":
                raise ValueError(msg)
            logger.warning(msg)


"""``SummaryCollector``: a training callback that writes, through ``SummaryRecord``, what the reference's collects
by default in PyNative mode: the input images (``input_data/auto``), the loss (``loss/auto``), histograms of the
optimizer's first five parameters (or those matching ``histogram_regular``: ``<name>/auto``) and the values the
network's summary ops cache - at the first step, every ``collect_freq`` steps and at each epoch end, as the
reference does (tensor summaries on their own, sparser schedule).

Not written (the reference writes them from its graph compiler or lineage/landscape machinery): the network
graph (the reference cannot in PyNative mode either), the dataset graph, train/eval lineage files and loss
landscapes. Asking for a loss landscape explicitly raises ValueError.
"""
import re

import numpy as np

from .. import log as logger
from ..common.tensor import Tensor
from .callback import Callback
from .summary import SummaryRecord

__all__ = ["SummaryCollector"]

_DEFAULTS = {"collect_metric": True, "collect_graph": True, "collect_train_lineage": True,
             "collect_eval_lineage": True, "collect_input_data": True, "collect_dataset_graph": True,
             "histogram_regular": None, "collect_landscape": None}
_BOOLS = set(_DEFAULTS) - {"histogram_regular", "collect_landscape"}


class SummaryCollector(Callback):
    """Collect the common training data into a summary file under ``summary_dir`` during ``Model.train``."""

    def __init__(self, summary_dir, collect_freq=10, num_process=32, collect_specified_data=None,
                 keep_default_action=True, custom_lineage_data=None, collect_tensor_freq=None, max_file_size=None,
                 export_options=None):
        super().__init__()
        if not isinstance(summary_dir, str) or not summary_dir.strip():
            raise TypeError(f"For 'SummaryCollector', 'summary_dir' must be a non-empty str, but got "
                            f"{summary_dir!r}.")
        self._summary_dir = summary_dir
        self._check_positive("collect_freq", collect_freq)
        self._collect_freq = collect_freq
        self._check_positive("collect_tensor_freq", collect_tensor_freq, allow_none=True)
        self._collect_tensor_freq = collect_tensor_freq
        self._check_positive("max_file_size", max_file_size, allow_none=True)
        self._max_file_size = max_file_size
        if export_options is not None:
            raise ValueError("For 'SummaryCollector', 'export_options' is not supported by lightspore.")
        if not isinstance(keep_default_action, bool):
            raise TypeError(f"For 'SummaryCollector', the 'keep_default_action' should be bool, but got "
                            f"{type(keep_default_action).__name__}.")
        self._specified = self._process_specified_data(collect_specified_data, keep_default_action)
        if custom_lineage_data is not None:
            if not isinstance(custom_lineage_data, dict):
                raise TypeError(f"For 'SummaryCollector', the 'custom_lineage_data' should be dict, but got "
                                f"{type(custom_lineage_data).__name__}.")
            for k, v in custom_lineage_data.items():
                if not isinstance(k, str) or not isinstance(v, (int, float, str)):
                    raise TypeError("For 'SummaryCollector', the keys of 'custom_lineage_data' must be str and its "
                                    "values int, float or str.")
        self._record = None
        self._first_step = True
        self._has_first_record = False
        self._loss_ok = True
        self._optimizer = None
        self._tensor_range = None

    def _check_positive(self, name, value, allow_none=False):
        if allow_none and value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"For 'SummaryCollector', the '{name}' should be int, but got {type(value).__name__}.")
        if value <= 0:
            raise ValueError(f'For "SummaryCollector", the value of `{name}` should be greater than 0, but got '
                             f'`{value}`.')

    def _process_specified_data(self, data, keep_default):
        if data is not None and not isinstance(data, dict):
            raise TypeError(f"For 'SummaryCollector', the 'collect_specified_data' should be dict or None, but got "
                            f"{type(data).__name__}.")
        if data is None:
            return dict(_DEFAULTS) if keep_default else {}
        for k in data:
            if not isinstance(k, str):
                raise TypeError(f"For 'SummaryCollector', the keys of 'collect_specified_data' must be str, but got "
                                f"{type(k).__name__}.")
        unexpected = set(data) - set(_DEFAULTS)
        if unexpected:
            raise ValueError(f'For "SummaryCollector", the keys {unexpected} of `collect_specified_data` are '
                             f'unsupported, expect the follow keys: {list(_DEFAULTS)}')
        regular = data.get("histogram_regular")
        if regular is not None:
            if not isinstance(regular, str):
                raise TypeError(f"For 'SummaryCollector', the 'histogram_regular' should be str or None, but got "
                                f"{type(regular).__name__}.")
            try:
                re.compile(regular)
            except re.error as e:
                raise ValueError(f"For `collect_specified_data`, the value of `histogram_regular` is not a valid "
                                 f"regular expression. Detail: {e}.") from None
        for k in _BOOLS & set(data):
            if not isinstance(data[k], bool):
                raise TypeError(f"For 'SummaryCollector', the '{k}' should be bool, but got "
                                f"{type(data[k]).__name__}.")
        if data.get("collect_landscape"):
            raise ValueError("For 'SummaryCollector', 'collect_landscape' is not supported by lightspore (loss "
                             "landscapes are computed by MindInsight from per-step checkpoints); leave it None.")
        result = dict(_DEFAULTS) if keep_default else {}
        result.update(data)
        return result

    def __enter__(self):
        self._record = SummaryRecord(log_dir=self._summary_dir, max_file_size=self._max_file_size,
                                     raise_exception=False)
        self._first_step = True
        return self

    def __exit__(self, *err):
        if self._record is not None:
            self._record.close()

    def begin(self, run_context):
        p = run_context.original_args()
        if self._record is None:
            self.__enter__()
        same = [cb for cb in p.get("list_callback", []) if type(cb).__name__ == type(self).__name__]
        if len(same) > 1:
            raise ValueError("There are more than one SummaryCollector instance in callback list,but expected only "
                             "one SummaryCollector instance.")
        if p.mode not in ("train", "eval"):
            raise ValueError(f"Only support `train` (model.train) and `eval` (model.eval) mode, but got "
                             f"`{p.mode}` mode.")
        self._record.set_mode(p.mode)
        self._sink = bool(p.get("dataset_sink_mode", False))

    def step_end(self, run_context):
        p = run_context.original_args()
        if p.mode != "train":
            return
        if not self._has_first_record:
            if self._specified.get("collect_graph"):
                logger.warning("Can not get graph proto, it may not be 'GRAPH_MODE' in context currently, so "
                               "SummaryCollector will not collect graph.")
            self._has_first_record = True
            self._record.record(p.cur_step_num)          # the summary ops' values of the first step
        if not self._sink:
            self._collect_tensor_data(p)

    def epoch_end(self, run_context):
        p = run_context.original_args()
        self._collect_tensor_data(p)
        self._record.flush()

    def end(self, run_context):
        self._record.set_mode("eval")
        self._record.record(step=0)

    def _collect_tensor_data(self, p):
        if p.mode != "train":
            return
        if self._first_step:
            self._tensor_range = self._get_tensor_range(p)
            self._collect_at_step_end(p, None)
            self._first_step = False
            self._record.flush()
            return
        current = p.cur_epoch_num if self._sink else p.cur_step_num
        if current % self._collect_freq == 0 and current in self._tensor_range:
            self._collect_at_step_end(p, None)
        elif current in self._tensor_range:
            self._collect_at_step_end(p, lambda plugin: plugin == "tensor")
        elif current % self._collect_freq == 0:
            self._collect_at_step_end(p, lambda plugin: plugin != "tensor")

    def _get_tensor_range(self, p):
        total = p.epoch_num * (1 if self._sink else p.batch_num)
        if self._collect_tensor_freq is not None:
            return range(0, total + 1, self._collect_tensor_freq)
        limit = 20
        if len(range(0, total + 1, self._collect_freq)) > limit:
            freq = total // (limit - 1)
            if freq > 1:
                return range(0, total + 1, freq)[:limit]
            return range(0, total + 1)[:limit + 1]
        return range(0, total + 1, self._collect_freq)

    def _collect_at_step_end(self, p, plugin_filter):
        self._collect_input_data(p)
        self._collect_metric(p)
        self._collect_histogram(p)
        self._record.record(p.cur_step_num, plugin_filter=plugin_filter)

    def _collect_input_data(self, p):
        if not self._specified.get("collect_input_data"):
            return
        data = p.get("train_dataset_element")
        if not isinstance(data, (Tensor, list, tuple)) or (not isinstance(data, Tensor) and not data):
            logger.warning("The type of input data is not Tensor/list/tuple, so SummaryCollector will not collect "
                           "input data.")
            self._specified["collect_input_data"] = False
            return
        if isinstance(data, (list, tuple)):
            data = data[0]
        try:
            self._record.add_value("image", "input_data/auto", data)
        except (TypeError, ValueError):
            logger.warning("The input data of network are not image, so will not collect by SummaryCollector.")
            self._specified["collect_input_data"] = False

    def _collect_metric(self, p):
        if not self._specified.get("collect_metric") or not self._loss_ok:
            return
        out = p.get("net_outputs")
        if isinstance(out, (list, tuple)) and out:
            out = out[0]
        if not isinstance(out, (int, float, Tensor)):
            logger.warning("The output type could not be identified, expect type is one of [int, float, Tensor, "
                           "list, tuple], so no loss was recorded in SummaryCollector.")
            self._loss_ok = False
            return
        loss = out.asnumpy() if isinstance(out, Tensor) else np.asarray(out)
        try:
            self._record.add_value("scalar", "loss/auto", Tensor(np.mean(loss)))
        except ValueError:
            logger.warning("The output of network is not a scalar, so SummaryCollector will not collect loss.")
            self._specified["collect_metric"] = False

    def _collect_histogram(self, p):
        if "histogram_regular" not in self._specified:
            return
        if self._optimizer is None:
            from ..nn.optim.optimizer import Optimizer
            opt = p.get("optimizer")
            self._optimizer = opt if isinstance(opt, Optimizer) else False
            if not self._optimizer:
                logger.warning("Can not find optimizer in network, or the optimizer does not inherit MindSpore's "
                               "optimizer, so we will not collect data about optimizer in SummaryCollector.")
        if not self._optimizer:
            return
        params = list(self._optimizer.parameters)
        regular = self._specified.get("histogram_regular")
        chosen = [q for q in params if re.match(regular, q.name)] if regular is not None else params[:5]
        for q in chosen:
            self._record.add_value("histogram", q.name + "/auto", Tensor(q.asnumpy()))

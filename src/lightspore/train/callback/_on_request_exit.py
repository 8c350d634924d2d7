"""``OnRequestExit``: stop training or evaluation on request (a signal, or ``{"GracefulExit": 1}`` in a JSON
file) and save the network's checkpoint (and MindIR) before the process ends."""
import json
import os
import signal
import threading

from ... import context
from ... import log as logger
from ...common import dtype as mstype
from ...common.tensor import Tensor
from ...communication.management import get_group_size
from ...parallel._auto_parallel_context import ParallelMode
from ...parallel._utils import _get_parallel_mode
from ._callback import Callback
from ._checkpoint import _make_directory

__all__ = ["OnRequestExit"]


def _check_type(name, value, kind):
    # the reference's Validator.check_isinstance raises ValueError here
    if not isinstance(value, kind):
        raise ValueError(f"For 'OnRequestExit', the parameter '{name}' must be isinstance of {kind}, but got "
                         f"{value!r}.")
    return value


class OnRequestExit(Callback):
    """On the signal ``sig`` (SIGTERM by default) the callback marks an exit: training runs to its end (an
    evaluation stops after the current step) and ``on_train_end``/``on_eval_end`` save
    ``<directory>/rank_<device_id>/<file_name>_train.ckpt`` (``_eval`` for evaluation) and, with ``save_mindir``,
    the MindIR. A later run with the same callback loads that checkpoint at ``on_train_begin``. With
    ``MS_ENABLE_GRACEFUL_EXIT=1`` the training network's ``graceful_exit`` parameter, when it has one, stops
    training at the step the request arrives, as the reference's."""

    def __init__(self, save_ckpt=True, save_mindir=True, file_name='Net', directory='./', config_file=None,
                 sig=signal.SIGTERM):
        super().__init__()
        self.save_ckpt = _check_type("save_ckpt", save_ckpt, bool)
        self.save_mindir = _check_type("save_mindir", save_mindir, bool)
        self.sig = _check_type("sig", sig, int)
        if hasattr(signal, "SIGKILL") and self.sig == signal.SIGKILL:
            raise ValueError("Not support send exit request by signal SIGKILL.")
        self.exit = False
        self.lock = threading.Lock()
        self.save_path = directory
        self.key = "GracefulExit"
        self.remote_config_file = config_file
        self.use_graceful = os.environ.get("MS_ENABLE_GRACEFUL_EXIT") == "1"
        self.is_distributed = get_group_size() > 1
        self.integrated_save = True
        self.stop_train = False
        self.need_do_step_end = False
        if self.save_ckpt or self.save_mindir:
            self.train_name, self.eval_name = self._get_save_path(file_name)

    # ---- training
    def on_train_begin(self, run_context):
        """Register the signal handler; load the checkpoint an earlier exit saved."""
        signal.signal(self.sig, self._handle_signal)
        if self.save_ckpt and os.path.isfile(f"{self.train_name}.ckpt"):
            from ..serialization import load_checkpoint
            load_checkpoint(f"{self.train_name}.ckpt", net=run_context.original_args().train_network)

    def on_train_step_begin(self, run_context):
        self._do_step_begin(run_context)

    def on_train_step_end(self, run_context):
        self._do_step_end(run_context)

    def on_train_epoch_end(self, run_context):
        self._do_step_end(run_context)

    def on_train_end(self, run_context):
        """After an exit request: save the training network's checkpoint (and MindIR)."""
        if not self.exit:
            return
        cb_params = run_context.original_args()
        self._save(cb_params.train_network, self.train_name, cb_params.train_dataset_element)

    # ---- evaluation
    def on_eval_begin(self, run_context):
        signal.signal(self.sig, self._handle_signal)
        if not self.save_ckpt:
            return
        from ..serialization import load_checkpoint
        eval_net = run_context.original_args().eval_network
        if os.path.isfile(f"{self.eval_name}.ckpt"):
            load_checkpoint(f"{self.eval_name}.ckpt", net=eval_net)
        elif os.path.isfile(f"{self.train_name}.ckpt"):
            load_checkpoint(f"{self.train_name}.ckpt", net=eval_net)

    def on_eval_step_end(self, run_context):
        if self.exit:
            run_context.request_stop()

    def on_eval_end(self, run_context):
        if not self.exit:
            return
        cb_params = run_context.original_args()
        self._save(cb_params.eval_network, self.eval_name, cb_params.get("eval_dataset_element"))

    # ---- helpers
    def _save(self, net, name, inputs, append_dict=None, integrated_save=True):
        if self.save_ckpt:
            from ..serialization import save_checkpoint
            save_checkpoint(net, name, integrated_save=integrated_save, append_dict=append_dict)
        if self.save_mindir:
            from .._export import export
            export(net, *inputs, file_name=name, file_format='MINDIR')

    def _handle_signal(self, signum, frame):
        logger.debug(f"signum: {signum}, frame: {frame}")
        self.exit = True

    def _do_step_end(self, run_context):
        with self.lock:
            if self.stop_train or not self.need_do_step_end:
                return
            p = run_context.original_args()
            net = p.train_network
            for _, param in net.parameters_and_names():
                if param.name == "graceful_exit" and bool(param.asnumpy()):
                    logger.warning("Graceful exit is triggered, stop training.")
                    append_dict = None
                    if self.save_ckpt:
                        append_dict = {"epoch_num": p.cur_epoch_num, "step_num": p.cur_step_num,
                                       "batch_num": p.batch_num}
                        if p.loss_scale_mananger is not None:
                            append_dict["loss_scale"] = p.loss_scale_mananger.get_loss_scale()
                        opt = p.optimizer if p.optimizer is not None else p.network.optimizer
                        append_dict["global_step"] = int(opt.global_step.asnumpy().reshape(-1)[0])
                        if self.is_distributed:
                            self.integrated_save = _get_parallel_mode() == ParallelMode.AUTO_PARALLEL
                    self._save(net, self.train_name, p.train_dataset_element, append_dict, self.integrated_save)
                    run_context.request_stop()
                    self.stop_train = True

    def _do_step_begin(self, run_context):
        with self.lock:
            if not self.use_graceful:
                return
            if self._check_config_info() or self.exit:
                net = run_context.original_args().train_network
                for _, param in net.parameters_and_names():
                    if not self.is_distributed and param.name == "graceful_exit":
                        param.set_data(Tensor(True, mstype.bool_))
                        self.need_do_step_end = True
                        break
                    if param.name == "graceful_init":
                        param.set_data(Tensor([1], mstype.int32))
                        self.need_do_step_end = True
                        break

    def _check_config_info(self):
        if self.remote_config_file is not None and os.path.exists(self.remote_config_file):
            with open(self.remote_config_file) as f:
                try:
                    config_info = json.load(f)
                except json.JSONDecodeError as e:
                    logger.warning(f"Parse json file failed: {e}, please check json file: {self.remote_config_file}")
                    return False
            return config_info.get(self.key) == 1
        return False

    def _get_save_path(self, file_name):
        device_id = context.get_context("device_id")
        base = os.getcwd() if self.save_path is None else self.save_path
        path = _make_directory(os.path.join(base, f"rank_{device_id}"))
        return os.path.join(path, f"{file_name}_train"), os.path.join(path, f"{file_name}_eval")

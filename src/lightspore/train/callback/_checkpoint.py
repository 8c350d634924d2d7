"""CheckpointConfig and ModelCheckpoint: ``prefix-epoch_step.ckpt`` files, kept by count or age."""
import os
import stat
import time

from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..serialization import save_checkpoint
from ._callback import Callback

_INFO_KEYS = ("epoch_num", "step_num")


def _non_negative_int(name, value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"For 'CheckpointConfig', the type of '{name}' should be int, but got "
                        f"{type(value).__name__}.")
    if value < 0:
        raise ValueError(f"For 'CheckpointConfig', '{name}' must be non-negative, but got {value}.")
    return value


def _isinstance(name, value, types):
    if not isinstance(value, types):
        raise TypeError(f"For 'CheckpointConfig', the type of '{name}' should be "
                        f"{getattr(types, '__name__', types)}, but got {type(value).__name__}.")
    return value


class CheckpointConfig:
    """When and how ModelCheckpoint saves: every ``save_checkpoint_steps`` steps (or
    ``save_checkpoint_seconds`` seconds), keeping ``keep_checkpoint_max`` files (or one per
    ``keep_checkpoint_per_n_minutes``); ``append_info`` adds 'epoch_num'/'step_num' and one dict of values."""

    def __init__(self, save_checkpoint_steps=1, save_checkpoint_seconds=0, keep_checkpoint_max=5,
                 keep_checkpoint_per_n_minutes=0, integrated_save=True, async_save=False, saved_network=None,
                 append_info=None, enc_key=None, enc_mode="AES-GCM", exception_save=False, crc_check=False,
                 remove_redundancy=False, format="ckpt", **kwargs):
        from ...nn.cell import Cell

        steps = None if save_checkpoint_steps is None else _non_negative_int("save_checkpoint_steps",
                                                                             save_checkpoint_steps)
        seconds = None if save_checkpoint_seconds is None else _non_negative_int("save_checkpoint_seconds",
                                                                                 save_checkpoint_seconds)
        keep_max = None if keep_checkpoint_max is None else _non_negative_int("keep_checkpoint_max",
                                                                              keep_checkpoint_max)
        keep_min = None if keep_checkpoint_per_n_minutes is None else _non_negative_int(
            "keep_checkpoint_per_n_minutes", keep_checkpoint_per_n_minutes)
        if saved_network is not None and not isinstance(saved_network, Cell):
            raise TypeError("For 'CheckpointConfig', the type of 'saved_network' must be None or Cell, but got "
                            f"{type(saved_network)}.")
        if not steps and not seconds and not keep_max and not keep_min:
            raise ValueError("For 'CheckpointConfig', the input arguments 'save_checkpoint_steps', "
                             "'save_checkpoint_seconds', 'keep_checkpoint_max' and 'keep_checkpoint_per_n_minutes' "
                             "can't be all None or 0.")
        self.exception_save = _isinstance("exception_save", exception_save, bool)
        self._save_checkpoint_steps = steps
        self._save_checkpoint_seconds = None if steps else seconds
        self._keep_checkpoint_max = keep_max
        self._keep_checkpoint_per_n_minutes = keep_min
        if keep_max:
            self._keep_checkpoint_per_n_minutes = None
        elif not keep_min:
            self._keep_checkpoint_max = 1
        self._integrated_save = _isinstance("integrated_save", integrated_save, bool)
        if async_save not in (False, True, "thread", "process"):
            raise ValueError(f"For 'CheckpointConfig', 'async_save' must be bool, 'thread' or 'process', but got "
                             f"{async_save!r}.")
        self._async_save = async_save
        self._saved_network = saved_network
        self._append_dict = self._handle_append_info(append_info)
        self._enc_key = _isinstance("enc_key", enc_key, (type(None), bytes))
        self._enc_mode = _isinstance("enc_mode", enc_mode, str)
        self._crc_check = _isinstance("crc_check", crc_check, bool)
        self._format = _isinstance("format", format, str)
        self._map_param_inc = kwargs.get("incremental", False)
        self.enable_redundance = kwargs.get("enable_redundance", False)
        self.remove_redundancy = _isinstance("remove_redundancy", remove_redundancy, bool)
        if format == "safetensors" and (enc_key is not None or enc_mode != "AES-GCM" or crc_check or exception_save
                                        or self._map_param_inc):
            raise ValueError("For 'save_checkpoint', when format is 'safetensors', other param must be default.")

    save_checkpoint_steps = property(lambda self: self._save_checkpoint_steps)
    save_checkpoint_seconds = property(lambda self: self._save_checkpoint_seconds)
    keep_checkpoint_max = property(lambda self: self._keep_checkpoint_max)
    keep_checkpoint_per_n_minutes = property(lambda self: self._keep_checkpoint_per_n_minutes)
    integrated_save = property(lambda self: self._integrated_save)
    async_save = property(lambda self: self._async_save)
    saved_network = property(lambda self: self._saved_network)
    enc_key = property(lambda self: self._enc_key)
    enc_mode = property(lambda self: self._enc_mode)
    crc_check = property(lambda self: self._crc_check)
    format = property(lambda self: self._format)
    append_dict = property(lambda self: self._append_dict)
    map_param_inc = property(lambda self: self._map_param_inc)

    def get_checkpoint_policy(self):
        return {"save_checkpoint_steps": self.save_checkpoint_steps,
                "save_checkpoint_seconds": self.save_checkpoint_seconds,
                "keep_checkpoint_max": self.keep_checkpoint_max,
                "keep_checkpoint_per_n_minutes": self.keep_checkpoint_per_n_minutes,
                "saved_network": self.saved_network}

    @staticmethod
    def _handle_append_info(append_info):
        if append_info is None or append_info == []:
            return None
        if not isinstance(append_info, list):
            raise TypeError(f"For 'CheckpointConfig', the type of 'append_info' must be list, but got "
                            f"{type(append_info)}.")
        out = {key: 0 for key in _INFO_KEYS if key in append_info}
        dicts = 0
        for item in append_info:
            if isinstance(item, str):
                if item not in _INFO_KEYS:
                    raise ValueError(f"For 'CheckpointConfig', the value of element in the argument 'append_info' "
                                     f"must be in {list(_INFO_KEYS)}, but got {item}.")
            elif isinstance(item, dict):
                dicts += 1
                if dicts > 1:
                    raise TypeError("For 'CheckpointConfig', the element of 'append_info' must has only one dict, "
                                    f"but got {dicts}")
                for key, value in item.items():
                    if not isinstance(key, str) or not isinstance(value, (int, float, bool, str, Parameter, Tensor)):
                        raise TypeError("For 'CheckpointConfig', the key type of the dict 'append_info' must be "
                                        "string, the value type must be int or float or bool, but got key type "
                                        f"{type(key)}, value type {type(value)}")
                    out[key] = value
            else:
                raise TypeError(f"For 'CheckpointConfig', the type of 'append_info' element must be str or dict, "
                                f"but got {type(item)}.")
        return out


def _make_directory(path):
    path = os.path.realpath(os.path.expanduser(path))
    os.makedirs(path, exist_ok=True)
    return path


def _unique_prefix(directory, prefix):
    """``prefix``, or ``prefix_N`` when checkpoints of that prefix are already in ``directory``."""
    suffix = 0
    n = len(prefix)
    for fname in os.listdir(directory):
        ext = os.path.splitext(fname)[1]
        if ext not in (".ckpt", ".safetensors") or fname.endswith("_breakpoint.ckpt"):
            continue
        if not fname.startswith(prefix) or len(fname) <= n or fname[n].isalpha():
            continue
        dash = fname[n:].find("-")
        if dash == 0:
            suffix = max(suffix, 1)
        elif dash != -1:
            num = fname[n + 1:n + dash]
            if num.isdigit():
                suffix = max(suffix, int(num) + 1)
    return f"{prefix}_{suffix}" if suffix else prefix


class _CheckpointFiles:
    """The checkpoint files of one prefix in a directory, oldest removable first."""

    def __init__(self, fmt):
        self._fmt = fmt
        self.files = []

    def refresh(self, directory, prefix):
        ext = "." + self._fmt
        self.files = []
        for fname in os.listdir(directory):
            if fname.endswith(ext) and fname.startswith(prefix + "-"):
                middle = fname[len(prefix):-len(ext)]
                if not any(c.isalpha() for c in middle):
                    self.files.append(os.path.join(directory, fname))

    def remove(self, path):
        try:
            os.chmod(path, stat.S_IWRITE)
            os.remove(path)
            self.files.remove(path)
        except (OSError, ValueError):
            pass

    def remove_oldest(self):
        self.remove(min(self.files, key=os.path.getmtime))

    def keep_one_per_minutes(self, minutes, now):
        recent = [f for f in self.files if now - os.path.getmtime(f) < 60 * minutes]
        if not recent:
            return
        oldest = min(recent, key=os.path.getmtime)
        for f in recent:
            if f != oldest:
                self.remove(f)


class ModelCheckpoint(Callback):
    """Saves the training network to ``directory/prefix-<epoch>_<step in epoch>.ckpt`` as the config says,
    and once more at the end of training."""

    def __init__(self, prefix="CKP", directory=None, config=None):
        super().__init__()
        if not callable(prefix) and (not isinstance(prefix, str) or "/" in prefix):
            raise ValueError("For 'ModelCheckpoint', the argument 'prefix' for checkpoint file name is invalid, it "
                             f"must be callable or string that does not contain '/', but got {prefix}.")
        self._latest_ckpt_file_name = ""
        self._last_time = time.time()
        self._last_time_for_keep = time.time()
        self._last_triggered_step = 0
        self._prefix = prefix
        self._exception_prefix = prefix
        self._prefix_func = prefix if callable(prefix) else None
        self._directory_func = directory if callable(directory) else None
        if directory is None:
            self._directory = os.getcwd()
        elif callable(directory):
            self._directory = None
        else:
            self._directory = _make_directory(directory)
        if config is None:
            config = CheckpointConfig()
        elif not isinstance(config, CheckpointConfig):
            raise TypeError("For 'ModelCheckpoint', the type of argument 'config' should be 'CheckpointConfig', but "
                            f"got {type(config)}.")
        self._config = config
        self._files = _CheckpointFiles(config.format)
        if not callable(directory) and not callable(prefix):
            self._prefix = _unique_prefix(self._directory, self._prefix)
        self._append_dict = config.append_dict or {}
        self._append_epoch_num = self._append_dict.get("epoch_num", 0)
        self._append_step_num = self._append_dict.get("step_num", 0)

    def step_end(self, run_context):
        p = run_context.original_args()
        if self._prefix_func:
            self._prefix = self._prefix_func(p)
            if not isinstance(self._prefix, str) or "/" in self._prefix:
                raise ValueError("For 'ModelCheckpoint', the argument 'prefix' for checkpoint file name is callable, "
                                 f"it must return a string that does not contain '/', but got {self._prefix}.")
        if self._directory_func:
            self._directory = _make_directory(self._directory_func(p))
        self._save_ckpt(p)

    def end(self, run_context):
        self._save_ckpt(run_context.original_args(), force=True)

    def _due(self, p, force):
        cfg = self._config
        if cfg.save_checkpoint_steps and cfg.save_checkpoint_steps > 0:
            return force or p.cur_step_num >= self._last_triggered_step + cfg.save_checkpoint_steps
        if cfg.save_checkpoint_seconds and cfg.save_checkpoint_seconds > 0:
            now = time.time()
            if force or now - self._last_time > cfg.save_checkpoint_seconds:
                self._last_time = now
                return True
        return False

    def _save_ckpt(self, p, force=False):
        if p.cur_step_num == self._last_triggered_step or not self._due(p, force):
            return
        cfg = self._config
        step_in_epoch = int((p.cur_step_num - 1) % p.batch_num + 1)
        if self._prefix_func:
            fname = f"{self._prefix}.{cfg.format}"
        else:
            fname = f"{self._prefix}-{p.cur_epoch_num}_{step_in_epoch}.{cfg.format}"
        self._files.refresh(self._directory, self._prefix)
        if cfg.keep_checkpoint_max and 0 < cfg.keep_checkpoint_max <= len(self._files.files):
            self._files.remove_oldest()
        elif cfg.keep_checkpoint_per_n_minutes and cfg.keep_checkpoint_per_n_minutes > 0:
            now = time.time()
            if now - self._last_time_for_keep < cfg.keep_checkpoint_per_n_minutes * 60:
                self._files.keep_one_per_minutes(cfg.keep_checkpoint_per_n_minutes, now)
        path = os.path.join(self._directory, fname)
        self._last_time_for_keep = time.time()
        self._last_triggered_step = p.cur_step_num
        if "epoch_num" in self._append_dict:
            self._append_dict["epoch_num"] = self._append_epoch_num + p.cur_epoch_num
        if "step_num" in self._append_dict:
            self._append_dict["step_num"] = self._append_step_num + p.cur_step_num
        network = cfg.saved_network if cfg.saved_network is not None else p.train_network
        save_checkpoint(network, path, cfg.integrated_save, cfg.async_save, self._append_dict or None, cfg.enc_key,
                        cfg.enc_mode, crc_check=cfg.crc_check, format=cfg.format)
        self._latest_ckpt_file_name = path

    @property
    def latest_ckpt_file_name(self):
        return self._latest_ckpt_file_name

    @property
    def _get_save_checkpoint_steps(self):
        return self._config.save_checkpoint_steps

    @property
    def _get_last_trigger_step(self):
        return self._last_triggered_step


class BackupAndRestore(Callback):
    """Saves the training network to ``backup_dir/backup.ckpt`` every ``save_freq`` epochs and loads it back
    at the start of the next training run (the file is removed at the end when ``delete_checkpoint``)."""

    def __init__(self, backup_dir, save_freq="epoch", delete_checkpoint=True):
        super().__init__()
        self.backup_file = os.path.join(_make_directory(backup_dir), "backup.ckpt")
        if save_freq == "epoch":
            self.save_freq = 1
        else:
            if isinstance(save_freq, bool) or not isinstance(save_freq, int):
                raise TypeError(f"For 'BackupAndRestore', the type of 'save_freq' should be int or 'epoch', but got "
                                f"{type(save_freq).__name__}.")
            if save_freq <= 0:
                raise ValueError(f"For 'BackupAndRestore', 'save_freq' must be positive, but got {save_freq}.")
            self.save_freq = save_freq
        if not isinstance(delete_checkpoint, bool):
            raise TypeError("For 'BackupAndRestore', the type of 'delete_checkpoint' should be bool, but got "
                            f"{type(delete_checkpoint).__name__}.")
        self.delete_checkpoint = delete_checkpoint

    def on_train_begin(self, run_context):
        if os.path.exists(self.backup_file):
            from ..serialization import load_checkpoint

            load_checkpoint(self.backup_file, net=run_context.original_args().train_network)

    def on_train_epoch_end(self, run_context):
        p = run_context.original_args()
        if p.cur_epoch_num % self.save_freq == 0:
            save_checkpoint(p.train_network, self.backup_file)

    def on_train_end(self, run_context):
        if self.delete_checkpoint:
            os.chmod(self.backup_file, stat.S_IWRITE)
            os.remove(self.backup_file)

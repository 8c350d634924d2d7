"""``SummaryRecord``: values of a run, written in MindSpore's summary event format.

The file is a sequence of records, each ``uint64 length | masked crc32c(length) | Event | masked crc32c(Event)``
(little-endian), where ``Event`` is the protobuf message of MindSpore's ``summary.proto`` (wall_time=1, step=2,
version=3, summary=5; Summary.value=1; Value: tag=1, scalar_value=3, image=4, tensor=8, histogram=9;
TensorProto: dims=1, data_type=2, float_data=3 packed; Image: height=1, width=2, colorspace=3, encoded_image=4
(PNG); Histogram: buckets=1 {left=1, width=2, count=3}, nan_count=2, pos_inf_count=3, neg_inf_count=4, max=5,
min=6, sum=7, count=8). The first record is the version event ``MindSpore.Event:1``.

Plugins written: ``scalar``, ``tensor``, ``image`` and ``histogram`` - added with ``add_value`` or by the summary
ops (``ops.ScalarSummary`` ...) a network calls, which ``record`` collects in train mode. ``graph``,
``landscape`` and the lineage plugins are not written by lightspore and raise ValueError.
"""
from __future__ import annotations

import os
import platform
import re
import struct
import time

import numpy as np

from ...common.tensor import Tensor

__all__ = ["SummaryRecord"]

_ALL_PLUGINS = ("tensor", "scalar", "image", "histogram", "train_lineage", "eval_lineage", "dataset_graph",
                "custom_lineage_data", "graph", "landscape")
_WRITTEN = ("scalar", "tensor", "image", "histogram")
_DT = {np.dtype(np.bool_): 1, np.dtype(np.int8): 2, np.dtype(np.int16): 3, np.dtype(np.int32): 4,
       np.dtype(np.int64): 5, np.dtype(np.uint8): 6, np.dtype(np.uint16): 7, np.dtype(np.uint32): 8,
       np.dtype(np.uint64): 9, np.dtype(np.float16): 10, np.dtype(np.float32): 11, np.dtype(np.float64): 12}


def _crc32c_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table


_TABLE = _crc32c_table()


def _masked_crc(data):
    c = 0xFFFFFFFF
    for b in data:
        c = _TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    c ^= 0xFFFFFFFF
    return ((((c >> 15) | (c << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def _varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _field(num, wire, payload):
    key = _varint((num << 3) | wire)
    if wire == 2:
        return key + _varint(len(payload)) + payload
    return key + payload


def _tensor_proto(a):
    dims = b"".join(_field(1, 0, _varint(int(d))) for d in a.shape)
    floats = np.asarray(a, dtype=np.float64).reshape(-1).astype("<f4").tobytes()
    return dims + _field(2, 0, _varint(_DT[a.dtype])) + (_field(3, 2, floats) if a.size else b"")


def _double(v):
    return struct.pack("<d", float(v))


def _histogram_proto(a):
    """The reference's histogram: counts of nan/+inf/-inf, min/max/sum of the finite values, and
    experience-based bins (2 up to 5 values, 3 up to 10, one per 10 values up to 90 bins) over [min, max]."""
    total = a.size
    finite = a[np.isfinite(a)] if a.dtype.kind == "f" else a.reshape(-1)
    valid = finite.size
    invalid = [int(np.count_nonzero(np.isnan(a))), int(np.count_nonzero(np.isposinf(a))),
               int(np.count_nonzero(np.isneginf(a)))] if a.dtype.kind == "f" else [0, 0, 0]
    out = b""
    lo = hi = tot = 0.0
    if valid:
        lo, hi = float(finite.min()), float(finite.max())
        tot = float(finite.sum(dtype=np.float64))
        bins = 2 if valid <= 5 else 3 if valid <= 10 else valid // 10 + 1 if valid <= 880 else 90
        first, last = lo, hi
        if not first < last:
            first -= 0.5
            last += 0.5
        edges = np.linspace(first, last, bins + 1, dtype=a.dtype)
        counts, edges = np.histogram(a, bins=edges)
        for c, e1, e2 in zip(counts, edges, edges[1:]):
            out += _field(1, 2, _field(1, 1, _double(e1)) + _field(2, 1, _double(e2 - e1)) +
                          _field(3, 0, _varint(int(c))))
    out += _field(2, 0, _varint(invalid[0])) + _field(3, 0, _varint(invalid[1])) + _field(4, 0, _varint(invalid[2]))
    out += _field(5, 1, _double(hi)) + _field(6, 1, _double(lo)) + _field(7, 1, _double(tot))
    return out + _field(8, 0, _varint(total))


def _image_proto(a):
    """NCHW images (1 or 3 channels) on one canvas, 8 per row, scaled to uint8 as the reference does; PNG."""
    import io

    from PIL import Image
    if a.ndim != 4 or a.shape[1] not in (1, 3) or 0 in a.shape:
        return None
    if a.shape[1] == 1:
        a = np.concatenate([a, a, a], 1)
    n, _, h, w = a.shape
    cols = min(n, 8)
    rows = int(np.ceil(n / cols))
    canvas = np.zeros((3, h * rows, w * cols))
    for i in range(n):
        y, x = divmod(i, cols)
        canvas[:, y * h:(y + 1) * h, x * w:(x + 1) * w] = a[i]
    img = canvas.transpose(1, 2, 0)
    scale, shift = 1, 0
    hi, lo = np.max(img), np.min(img)
    if hi <= 1 and lo >= 0:          # (the reference's uint8 test sees its float64 canvas, so never applies)
        scale = 255
    elif hi != lo:
        scale, shift = 255 / (hi - lo + 1), lo
    else:
        shift = lo
    img = ((img.astype(np.float32) - shift) * scale).astype(np.uint8)
    height, width, channels = img.shape
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="PNG")
    return (_field(1, 0, _varint(height)) + _field(2, 0, _varint(width)) + _field(3, 0, _varint(channels)) +
            _field(4, 2, buf.getvalue()))


def _event(wall_time, step=None, version=None, values=()):
    msg = _field(1, 1, struct.pack("<d", wall_time))
    if step is not None:
        msg += _field(2, 0, _varint(int(step)))
    if version is not None:
        msg += _field(3, 2, version.encode())
    if values:
        summary = b"".join(_field(1, 2, v) for v in values)
        msg += _field(5, 2, summary)
    return msg


def _record(data):
    head = struct.pack("<Q", len(data))
    return head + struct.pack("<I", _masked_crc(head)) + data + struct.pack("<I", _masked_crc(data))


def _checked_array(plugin, value, where):
    """The value as numpy, with the reference's per-plugin shape rules."""
    a = value.asnumpy().copy()
    if plugin == "scalar" and a.size != 1:
        raise ValueError(f'For "{where}", the v rank must be less than or equal to 1, but got {len(a)}.')
    if plugin == "image" and a.ndim != 4:
        raise ValueError(f'For "{where}", the tensor seems not to hold a valid image.')
    if plugin in ("tensor", "histogram") and a.ndim == 0:
        raise ValueError(f'For "{where}", the value should not be empty.')
    return a


# (plugin, tag, Tensor) cached by the summary ops (ops.ScalarSummary ...) until SummaryRecord.record takes them
_SUMMARY_CACHE = []


def _cache_summary(op_name, tag, value):
    plugin = op_name[:-len("Summary")].lower()
    if not isinstance(tag, str) or not tag:
        raise TypeError(f'For "{op_name}", the name must be valid string, but got "{tag}".')
    if not isinstance(value, Tensor):
        raise TypeError(f'For "{op_name}", the parameter "value" expect to be Tensor, but got {type(value).__name__}')
    _checked_array(plugin, value, op_name)
    _SUMMARY_CACHE.append((plugin, tag, value))


def _take_summary_cache():
    items = list(_SUMMARY_CACHE)
    _SUMMARY_CACHE.clear()
    return items


_NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]*$")


class SummaryRecord:
    """``SummaryRecord(log_dir, file_prefix='events', file_suffix='_MS', ...)``: collect values with
    ``add_value(plugin, name, value)`` and write them as one event per ``record(step)``."""

    count = 0

    def __init__(self, log_dir, file_prefix='events', file_suffix='_MS', num_process=32, network=None,
                 max_file_size=None, raise_exception=False, export_options=None):
        if not isinstance(log_dir, str) or not log_dir:
            raise ValueError(f"For 'SummaryRecord', 'log_dir' must be a non-empty str, but got {log_dir!r}.")
        if not isinstance(max_file_size, (int, type(None))) or isinstance(max_file_size, bool):
            raise TypeError(f"For 'SummaryRecord', the 'max_file_size' should be int type, but got type "
                            f"{type(max_file_size)}")
        if not isinstance(file_prefix, str) or not isinstance(file_suffix, str):
            raise TypeError("For 'SummaryRecord', `file_prefix` and `file_suffix` should be str.")
        for n, v in (("file_prefix", file_prefix), ("file_suffix", file_suffix)):
            if not _NAME_RE.match(v):
                raise ValueError(f"For 'SummaryRecord', '{n}' may hold only letters, digits, '_', '-' and '.', "
                                 f"but got {v!r}.")
        if not isinstance(raise_exception, bool):
            raise TypeError(f"For 'SummaryRecord', 'raise_exception' must be bool, but got "
                            f"{type(raise_exception).__name__}.")
        if export_options is not None:
            raise ValueError("For 'SummaryRecord', 'export_options' is not supported by lightspore.")
        self.network = network
        self.max_file_size = max_file_size if (max_file_size or 0) > 0 else None
        self.raise_exception = raise_exception
        os.makedirs(log_dir, exist_ok=True)
        self._log_dir = os.path.realpath(log_dir)
        name = f"{file_prefix}.out.events.summary.{int(time.time())}.0.{platform.node()}{file_suffix}"
        self.file_path = os.path.join(self._log_dir, name)
        self._file = open(self.file_path, "wb")
        self._written = 0
        self._pool = {}                          # plugin -> [(tag, array)], plugins in first-added order
        self._mode = "train"
        self._closed = False
        self._write(_event(time.time(), version="MindSpore.Event:1"))
        _take_summary_cache()                    # values cached before this record are dropped, as the reference
        SummaryRecord.count += 1

    @property
    def log_dir(self):
        return self._log_dir

    def __enter__(self):
        if self._closed:
            raise ValueError("For 'SummaryRecord', SummaryRecord has been closed, please check if close() method "
                             "is called")
        return self

    def __exit__(self, *err):
        self.close()

    def set_mode(self, mode):
        if mode not in ("train", "eval"):
            raise ValueError(f"For 'SummaryRecord.set_mode', {mode!r} is not a recognized mode, expect the "
                             f"parameter \"mode\" is \"train\" or \"eval\"")
        self._mode = mode

    def add_value(self, plugin, name, value):
        if plugin not in _ALL_PLUGINS:
            raise ValueError(f"For 'SummaryRecord.add_value', no such \"plugin\" of {plugin!r}, expect value is one "
                             f"of {list(_ALL_PLUGINS)}")
        if plugin not in _WRITTEN:
            raise ValueError(f"For 'SummaryRecord.add_value', lightspore writes only the plugins {list(_WRITTEN)}, "
                             f"not {plugin!r}.")
        if not name or not isinstance(name, str):
            raise ValueError(f"For 'SummaryRecord', the parameter \"name\" type should be str, but got {type(name)}.")
        if not isinstance(value, Tensor):
            raise TypeError(f"For 'SummaryRecord', the parameter \"value\" expect to be Tensor, but got "
                            f"{type(value).__name__}")
        a = _checked_array(plugin, value, "SummaryRecord")
        if a.dtype not in _DT:
            raise TypeError(f"For 'SummaryRecord.add_value', the dtype {value.dtype} cannot be written.")
        self._pool.setdefault(plugin, []).append((name, a))    # a repeated tag is written twice, as the reference

    def record(self, step, train_network=None, plugin_filter=None):
        if isinstance(step, bool) or not isinstance(step, int):
            raise TypeError(f"For 'SummaryRecord.record', 'step' must be int, but got {type(step).__name__}.")
        if self._closed:
            return False
        if self._mode == "train":
            self._add_summary_op_values()
        values = []
        for plugin, items in self._pool.items():
            if plugin_filter is not None and not plugin_filter(plugin):
                continue
            for tag, a in items:
                v = _field(1, 2, tag.encode())
                if plugin == "scalar":
                    v += _field(3, 5, struct.pack("<f", float(a.reshape(-1)[0])))
                elif plugin == "tensor":
                    v += _field(8, 2, _tensor_proto(a))
                elif plugin == "histogram":
                    v += _field(9, 2, _histogram_proto(a))
                else:
                    img = _image_proto(a)
                    if img is None:         # the reference logs and leaves the value out
                        continue
                    v += _field(4, 2, img)
                values.append(v)
        self._pool = {}
        if values:
            self._write(_event(time.time(), step=step, values=values))
        return True

    def _add_summary_op_values(self):
        """The values the summary ops of a network cached since the last record: the last one per tag and kind,
        in first-call order."""
        latest = {}
        for kind, tag, value in _take_summary_cache():
            latest[(tag, kind)] = value
        for (tag, kind), value in latest.items():
            self.add_value(kind, tag, value)

    def _write(self, data):
        rec = _record(data)
        if self.max_file_size is not None and self._written + len(rec) > self.max_file_size:
            msg = f"For 'SummaryRecord', the file {self.file_path} would exceed max_file_size={self.max_file_size}."
            if self.raise_exception:
                raise RuntimeError(msg)
            return
        self._file.write(rec)
        self._written += len(rec)

    def flush(self):
        if not self._closed:
            self._file.flush()

    def close(self):
        if self._closed:
            return
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.chmod(self.file_path, 0o400)
        self._closed = True
        SummaryRecord.count -= 1

    def __del__(self):
        try:
            self.close()
        except Exception:      # noqa: BLE001 - interpreter shutdown
            pass

"""``mindspore.export``: write a network for inference in another runtime.

- ``file_format='ONNX'``: the Cell is traced by ``torch.export`` (its Parameters become the graph's weights) and
  written by ``torch.onnx`` (opset 18, weights inside the file); the file runs in onnxruntime.
- ``file_format='MINDIR'``: the same trace written as MindSpore primitives in MindIR (``train/_mindir_export.py``);
  real MindSpore's ``load`` + ``nn.GraphCell`` runs the file. An operation outside its table raises ValueError
  naming the operation and ONNX as the way out.
- ``file_format='AIR'``: Ascend only, a ValueError as in the reference.

A network the exporter cannot express (data-dependent Python control flow, host reads such as ``.asnumpy()``
inside ``construct``) raises ValueError naming the cause; nothing is left on disk.
"""
import logging
import os
import tempfile
import warnings

import torch

from ..common.tensor import Tensor

__all__ = ["export"]

_FORMATS = ["AIR", "ONNX", "MINDIR"]


class _Traced(torch.nn.Module):
    """A torch view of a Cell for tracing: its parameters registered (same storage), forward calling construct."""

    def __init__(self, net):
        super().__init__()
        self._net = [net]                      # a list, so torch does not walk into the Cell
        for i, (name, p) in enumerate(net.parameters_and_names()):
            self.register_buffer(f"p{i}_" + "".join(c if c.isalnum() else "_" for c in name), p._t, persistent=True)

    def forward(self, *args):
        out = self._net[0](*[Tensor._make(a) if isinstance(a, torch.Tensor) else a for a in args])
        return _unwrap(out)


def _unwrap(out):
    if isinstance(out, Tensor):
        return out._t
    if isinstance(out, (tuple, list)):
        return type(out)(_unwrap(o) for o in out)
    if isinstance(out, dict):
        return {k: _unwrap(v) for k, v in out.items()}
    return out


def _torch_inputs(inputs):
    args = []
    for i, a in enumerate(inputs):
        if isinstance(a, Tensor):
            if a._t is None or getattr(a, "has_init", False):
                raise ValueError(f"For 'export', input {i} is a Tensor without data; give a Tensor with values of the "
                                 f"shape to export.")
            args.append(a._t)
        else:
            raise TypeError(f"For 'export', the inputs must be Tensors, but input {i} is {type(a).__name__}.")
    return tuple(args)


def export(net, *inputs, file_name, file_format, **kwargs):
    """Export ``net`` traced with ``inputs`` to ``file_name`` (+ '.onnx' when missing) in ``file_format``."""
    from ..nn.cell import Cell
    if not isinstance(file_name, str):
        raise TypeError(f"The '{file_name}' must be string, but got {type(file_name)}.")
    if file_format not in _FORMATS:
        raise ValueError(f"For 'export', 'file_format' must be one of {_FORMATS}, but got {file_format}.")
    if file_format == "AIR":
        raise ValueError("Only support export file in 'AIR' format with Ascend backend.")
    if not isinstance(net, Cell):
        raise TypeError(f"For 'export', 'net' must be a Cell, but got {type(net).__name__}.")
    if file_format == "MINDIR":
        return _export_mindir(net, inputs, file_name, kwargs)
    unknown = sorted(set(kwargs) - {"input_names", "output_names", "opset_version", "dynamic_axes"})
    if unknown:
        raise ValueError(f"For 'export' to ONNX, unsupported keyword argument(s) {unknown}; lightspore accepts "
                         f"input_names, output_names, opset_version and dynamic_axes.")
    return _export_onnx(net, inputs, file_name, kwargs.get("input_names"), kwargs.get("output_names"),
                        kwargs.get("dynamic_axes"), kwargs.get("opset_version", 18))


def _trace(net, args, dynamic_shapes, what):
    """``torch.export`` of ``net`` on the torch tensors ``args`` (eval mode and no_grad are the caller's)."""
    try:
        return torch.export.export(_Traced(net), args, strict=False, dynamic_shapes=dynamic_shapes)
    except Exception as e:   # noqa: BLE001 - torch.export's many error types: one clear message
        raise ValueError(f"For 'export', {type(net).__name__} cannot be expressed as {what} graph: tracing it failed "
                         f"({type(e).__name__}: {str(e).splitlines()[0][:300]}). Data-dependent Python control flow "
                         f"and host reads (asnumpy, item) in construct cannot be exported.") from e


def _export_mindir(net, inputs, file_name, kwargs):
    """Trace ``net`` on ``inputs`` and write it as MindIR (``file_name`` + '.mindir'); return the path."""
    from ._mindir_export import export_mindir
    unknown = sorted(set(kwargs) - {"enc_key", "enc_mode"})
    if unknown:
        raise ValueError(f"For 'export' to MINDIR, unsupported keyword argument(s) {unknown}; lightspore accepts "
                         f"enc_key and enc_mode.")
    enc_key, enc_mode = kwargs.get("enc_key"), kwargs.get("enc_mode", "AES-GCM")
    if enc_key is not None and not isinstance(enc_key, bytes):
        raise TypeError(f"For 'export', 'enc_key' must be bytes, but got {type(enc_key).__name__}.")
    if enc_key is not None and not (isinstance(enc_mode, str) or callable(enc_mode)):
        raise TypeError(f"For 'export', 'enc_mode' must be str or a function, but got {type(enc_mode).__name__}.")
    if not inputs:
        raise TypeError(f"For 'export', the inputs of {type(net).__name__} are needed to trace it: pass example "
                        f"Tensors after 'net'.")
    args = _torch_inputs(inputs)
    was_training = net.training
    net.set_train(False)
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            program = _trace(net, args, None, "a MindIR").run_decompositions({})
            return export_mindir(net, program, file_name, enc_key, enc_mode)
    finally:
        net.set_train(was_training)


def _export_onnx(net, inputs, file_name, input_names=None, output_names=None, dynamic_axes=None, opset_version=18):
    """Trace ``net`` on ``inputs`` and write ``file_name`` (+ '.onnx') atomically; return the path."""
    try:
        import onnx  # noqa: F401
        import onnxscript  # noqa: F401
    except ImportError as e:
        raise ImportError(f"For 'export', ONNX export needs the 'onnx' and 'onnxscript' packages ({e}); install "
                          f"them with: pip install onnx onnxscript") from None
    if not inputs:
        raise TypeError(f"For 'export', the inputs of {type(net).__name__} are needed to trace it: pass example "
                        f"Tensors after 'net'.")
    args = _torch_inputs(inputs)
    path = file_name if file_name.endswith(".onnx") else file_name + ".onnx"
    path = os.path.realpath(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    was_training = net.training
    net.set_train(False)
    fd, tmp = tempfile.mkstemp(suffix=".onnx", dir=os.path.dirname(path))
    os.close(fd)
    reg = logging.getLogger("torch.onnx._internal.exporter._registration")
    level = reg.level
    reg.setLevel(logging.ERROR)          # "torchvision is not installed" notes
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            dynamic_shapes = None
            if dynamic_axes:
                names = list(input_names or [f"input_{i}" for i in range(len(args))])
                # forward(*args): one spec per input, inside the tuple of the varargs
                dynamic_shapes = (tuple({ax: torch.export.Dim(str(n)) for ax, n in dynamic_axes.get(name, {}).items()}
                                        or None for name in names),)
            program = _trace(net, args, dynamic_shapes, "an ONNX")
            try:
                onnx_program = torch.onnx.export(program, args, dynamo=True, external_data=False,
                                                 opset_version=opset_version, input_names=input_names or None,
                                                 output_names=output_names or None, verbose=False)
                onnx_program.save(tmp)
            except Exception as e:   # noqa: BLE001
                raise ValueError(f"For 'export', {type(net).__name__} uses an operation ONNX cannot express "
                                 f"({type(e).__name__}: {str(e).splitlines()[0][:300]}).") from e
        os.replace(tmp, path)
    finally:
        reg.setLevel(level)
        if os.path.exists(tmp):
            os.remove(tmp)
        net.set_train(was_training)
    return path

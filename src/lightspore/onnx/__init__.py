"""``mindspore.onnx``: export a network to ONNX (through torch.export and torch.onnx)."""
from .onnx_export import export

__all__ = ["export"]

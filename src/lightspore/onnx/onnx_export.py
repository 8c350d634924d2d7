"""``mindspore.onnx.export``: the ONNX-only export with ONNX's options, on the same path as ``mindspore.export``
(torch.export traces the Cell, torch.onnx writes opset 18 with the weights inside)."""
from ..train._export import _export_onnx

__all__ = ["export"]


def export(net, *inputs, file_name, input_names=None, output_names=None, export_params=True,
           keep_initializers_as_inputs=False, dynamic_axes=None):
    """Export ``net`` traced on ``inputs`` to ``file_name`` ('.onnx' added when missing).

    ``dynamic_axes`` ({input_name: {axis: name}}) makes those input axes dynamic. Weights are always stored in
    the file as initializers: ``export_params=False`` and ``keep_initializers_as_inputs=True`` raise
    ValueError (the torch.export-based exporter does not write weights as graph inputs)."""
    from ..nn.cell import Cell
    if not isinstance(file_name, str):
        raise TypeError(f"The '{file_name}' must be string, but got {type(file_name)}.")
    if not isinstance(net, Cell):
        raise TypeError(f"For 'mindspore.onnx.export', the 'net' must be a Cell, but got {type(net).__name__}.")
    for name, value, kind in (("input_names", input_names, list), ("output_names", output_names, list),
                              ("dynamic_axes", dynamic_axes, dict)):
        if value is not None and not isinstance(value, kind):
            raise TypeError(f"For 'mindspore.onnx.export', the '{name}' must be {kind.__name__}, but got "
                            f"{type(value).__name__}.")
    if export_params is not True or keep_initializers_as_inputs is not False:
        raise ValueError("For 'mindspore.onnx.export', lightspore writes the weights inside the file: "
                         "export_params must be True and keep_initializers_as_inputs False.")
    return _export_onnx(net, inputs, file_name, input_names, output_names, dynamic_axes)

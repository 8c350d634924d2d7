"""Pooling layers."""
from ...common.tensor import Tensor
from ...ops._nn import max_pool2d_torch
from ..cell import Cell
from ._validate import check_bool, check_string, twice

__all__ = ["MaxPool2d"]


class MaxPool2d(Cell):
    """2-D max pooling with MindSpore's ``pad_mode`` ('valid', 'same', 'pad')."""

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1, return_indices=False,
                 ceil_mode=False, data_format="NCHW"):
        super().__init__()
        name = "MaxPool2d"
        self.kernel_size = kernel_size
        self.stride = stride
        self.pad_mode = check_string(pad_mode, ["valid", "same", "pad"], "pad_mode", name).upper()
        self.format = check_string(data_format, ["NCHW", "NHWC"], "format", name)
        if self.format == "NHWC":
            raise ValueError(f"For '{name}', lightspore supports the NCHW format only.")
        self._k = twice(kernel_size, "kernel_size", name)
        self._s = twice(stride, "stride", name)
        self._d = twice(dilation, "dilation", name)
        self.return_indices = check_bool(return_indices, "return_indices", name)
        self.ceil_mode = check_bool(ceil_mode, "ceil_mode", name)
        if self.pad_mode != "PAD" and (padding != 0 or dilation != 1 or ceil_mode or return_indices):
            raise ValueError(f"For '{name}', the 'padding', 'dilation', 'return_indices', 'ceil_mode' parameters "
                             f"must be default values when 'pad_mode' is not 'pad', but got 'pad_mode' "
                             f"{pad_mode!r}.")
        if isinstance(padding, int):
            self._p = (padding, padding)
        elif isinstance(padding, (tuple, list)) and len(padding) in (1, 2):
            self._p = tuple(padding) * (2 // len(padding))
        else:
            raise ValueError(f"For '{name}', 'padding' must be an int or a tuple of 1 or 2 ints, got {padding!r}.")
        if any(p * 2 > k for p, k in zip(self._p, self._k)):
            raise ValueError(f"For '{name}', 'padding' {padding} should be at most half of 'kernel_size' "
                             f"{kernel_size}.")
        self.padding = padding
        self.dilation = dilation
        self._mode = self.pad_mode.lower()

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise TypeError(f"For 'MaxPool2d', the input 'x' must be a Tensor, but got {type(x).__name__}.")
        out = max_pool2d_torch(x._t, self._k, self._s, self._mode, self._p, self._d, self.return_indices,
                               self.ceil_mode, "MaxPool2d")
        if self.return_indices:
            return Tensor._make(out[0]), Tensor._make(out[1])
        return Tensor._make(out)

    def extend_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}"

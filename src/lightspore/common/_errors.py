"""Turning PyTorch's internal errors into the reference's error types, naming the op or cell."""
import re


class ShapeRuntimeError(ValueError, RuntimeError):
    """A bad-input error where the reference raises RuntimeError: catchable as either."""


class RefRuntimeError(RuntimeError):
    """A bad input the reference reports as RuntimeError (its kernel-side checks), raised by an op's body in the
    reference's words; the op table re-raises it as a plain RuntimeError instead of translating it."""


_DTYPE_WORDS = re.compile(r"dtype|expected scalar type|but found|not implemented for|must be .*Tensor|"
                          r"Boolean|bool tensors|promot|Unsupported data type", re.I)


# torch's wording -> the reference's, with the reference's error type: (pattern, type, message template); the type
# may be a dict keyed by op name (the reference's forms of one op differ), "default" for the others
_RUNTIME_MATMUL = {"matmul": RuntimeError, "Tensor.matmul": RuntimeError, "default": ValueError}
_WORDING = [
    (re.compile(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)"), _RUNTIME_MATMUL,
     "For '{name}', shape1[-1] must be equal to shape2[-2], but got {1} and {2}."),
    (re.compile(r"size mismatch, got input \((\d+)\), mat \((\d+)x(\d+)\)"), _RUNTIME_MATMUL,
     "For '{name}', shape1[-1] must be equal to shape2[-2], but got {2} and {0}."),
    (re.compile(r"Expected size for first two dimensions of batch2 tensor to be: \[(\d+), (\d+)\] but got: "
                r"\[(\d+), (\d+)\]"), ValueError,
     "For '{name}', the batch and row of the input 'y' ({2}, {3}) must match the batch and col of the input 'x' "
     "({0}, {1})."),
    (re.compile(r"shape '\[([-\d, ]*)\]' is invalid for input of size (\d+)"), ValueError,
     "For '{name}', the shape ({0}) is invalid for an input of size {1}."),
    (re.compile(r"Target (-?\d+) is out of bounds"), RuntimeError,
     "For '{name}', the value of 'target' must be in [0, number of classes), but got: {0}."),
    (re.compile(r"The size of tensor a \((\d+)\) must match the size of tensor b \((\d+)\) at non-singleton "
                r"dimension (\d+)"), ValueError,
     "For '{name}', input1.shape and input2.shape need to broadcast. The value of input1.shape[{2}] or "
     "input2.shape[{2}] must be 1 when they are not the same, but got {0} and {1}."),
    (re.compile(r"Sizes of tensors must match except in dimension (\d+)\. Expected size (\d+) but got size (\d+) "
                r"for tensor number (\d+)"), ValueError,
     "For '{name}', the tensors' shapes must be equal except along axis {0}, but tensor {3} has size {2} where {1} "
     "was expected."),
    (re.compile(r"expected target dtype to be Long or Byte, but got (\w+)"),
     {"cross_entropy": ValueError, "default": TypeError},      # cross_entropy reads a float target as probabilities
     {"cross_entropy": "For '{name}', 'target' must be class indices (an int32 or int64 tensor) or class "
                       "probabilities of the shape of 'input' (a floating-point tensor), but got a Tensor[{0}] of "
                       "another shape.",
      "default": "For '{name}', the input argument[target] must be a type of {{Tensor[Int32], Tensor[Int64]}}, but "
                 "got Tensor[{0}]."}),
    (re.compile(r"split_with_sizes expects split_sizes to sum exactly to (\d+) .*but got split_sizes=\[([-\d, ]*)\]"),
     ValueError, "For '{name}', the sum of 'split_size_or_sections' should be equal to {0}, but got [{1}]."),
    (re.compile(r"permute\(\): duplicate dims are not allowed"), ValueError,
     "For '{name}', the elements of 'perm' must be unique dims, but a dim is repeated."),
    (re.compile(r"input\.dim\(\) = (\d+) is not equal to len\(dims\) = (\d+)"), ValueError,
     "For '{name}', the size of 'perm' must equal the rank of the input, but got {1} and {0}."),
    (re.compile(r"Tensors must have same number of dimensions: got (\d+) and (\d+)"), ValueError,
     "For '{name}', every tensor must have the same rank, but got {0} and {1}."),
    (re.compile(r"Dimension out of range \(expected to be in range of \[(-?\d+), (-?\d+)\], but got (-?\d+)\)"),
     ValueError, "For '{name}', the dim value must be in [{0}, {1}], but got {2}."),
]
# torch's scalar-type names in its messages -> MindSpore's dtype names
_TORCH_DTYPE_NAMES = {"Float": "Float32", "Double": "Float64", "Half": "Float16", "BFloat16": "BFloat16",
                      "Int": "Int32", "Long": "Int64", "Short": "Int16", "Char": "Int8", "Byte": "UInt8",
                      "Bool": "Bool"}
_BROADCAST = re.compile(r"not broadcastable|cannot be broadcast")
# torch's argument parser: ``exp(): argument 'input' (position 1) must be Tensor, not list``
_ARG_TYPE = re.compile(r"argument '(\w+)' \(position (\d+)\) must be (\w+), not (\w+)")


def translate_type_error(name, err):
    """torch's argument-parser TypeError -> the reference's TypeError naming the op, the argument, what it takes
    and what it got; any other TypeError (lightspore's own) is returned unchanged."""
    m = _ARG_TYPE.search(str(err))
    if m is None:
        return err
    arg, _, want, got = m.groups()
    return TypeError(f"For '{name}', the argument '{arg}' must be a {want}, but got {got}.")


def translate_error(name, err):
    """A torch-internal error -> the reference's error type (ValueError for shapes and values, TypeError for
    dtypes, RuntimeError where the reference's kernel reports it) in the reference's words, naming ``name``."""
    text = str(err).strip()
    msg = text.splitlines()[0] if text else type(err).__name__
    for pattern, cls, template in _WORDING:
        m = pattern.search(msg)
        if m:
            if isinstance(cls, dict):
                cls = cls.get(name, cls["default"])
            if isinstance(template, dict):
                template = template.get(name, template["default"])
            groups = [_TORCH_DTYPE_NAMES.get(g, g) for g in m.groups()]
            return cls(template.format(*groups, name=name))
    is_type = isinstance(err, (TypeError, NotImplementedError)) or bool(_DTYPE_WORDS.search(msg))
    cls = TypeError if is_type else ValueError
    if isinstance(err, IndexError) and "index out of range" in msg:
        # an index outside its axis: the reference's kernels raise RuntimeError (Gather, Embedding, ...)
        return RuntimeError(f"For '{name}', an index is outside the range of its axis.")
    if _BROADCAST.search(msg):
        msg = f"input.shape and other.shape need to broadcast ({msg})"
    return cls(f"For '{name}', {msg}")


class StateDictError(ShapeRuntimeError):
    """``Cell.load_state_dict`` refused a state dict (RuntimeError in the reference; nothing was assigned)."""

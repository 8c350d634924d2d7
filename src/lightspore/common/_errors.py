"""Turning PyTorch's internal errors into the reference's error types, naming the op or cell."""
import re


class ShapeRuntimeError(ValueError, RuntimeError):
    """A bad-input error where the reference raises RuntimeError: catchable as either."""


class RefRuntimeError(RuntimeError):
    """A bad input the reference reports as RuntimeError (its kernel-side checks), raised by an op's body in the
    reference's words; the op table re-raises it as a plain RuntimeError instead of translating it."""


_DTYPE_WORDS = re.compile(r"dtype|expected scalar type|but found|not implemented for|must be .*Tensor|"
                          r"Boolean|bool tensors|promot|Unsupported data type", re.I)


_BROADCAST = re.compile(r"must match the size of tensor b|not broadcastable|cannot be broadcast")


def translate_error(name, err):
    """A torch-internal error -> ValueError (shapes, values) or TypeError (dtypes), naming ``name``."""
    text = str(err).strip()
    msg = text.splitlines()[0] if text else type(err).__name__
    is_type = isinstance(err, (TypeError, NotImplementedError)) or bool(_DTYPE_WORDS.search(msg))
    cls = TypeError if is_type else ValueError
    if isinstance(err, IndexError) and "index out of range" in msg:
        # an index outside its axis: the reference's kernels raise RuntimeError (Gather, Embedding, ...)
        return ShapeRuntimeError(f"For '{name}', an index is out of range for its axis ({msg}).")
    if _BROADCAST.search(msg):
        msg = f"input.shape and other.shape need to broadcast ({msg})"
    return cls(f"For '{name}', {msg}")


class StateDictError(ShapeRuntimeError):
    """``Cell.load_state_dict`` refused a state dict (RuntimeError in the reference; nothing was assigned)."""

"""``mindspore.saved_tensors_hooks`` (2.10): inside the context, every tensor the backward pass saves goes
through ``pack_hook`` (given a Tensor, returns anything) when the forward runs and ``unpack_hook`` (given that,
returns a Tensor) when the backward needs it; on torch.autograd.graph.saved_tensors_hooks."""
import torch

from .tensor import Tensor


class saved_tensors_hooks:  # noqa: N801 - the reference's name
    def __init__(self, pack_hook, unpack_hook):
        for name, fn in (("pack_hook", pack_hook), ("unpack_hook", unpack_hook)):
            if not callable(fn):
                raise TypeError(f"For 'saved_tensors_hooks', '{name}' must be callable, but got "
                                f"{type(fn).__name__}.")
        self.pack_hook, self.unpack_hook = pack_hook, unpack_hook

        def unpack(x):
            r = unpack_hook(x)
            if not isinstance(r, Tensor):
                raise TypeError(f"For 'saved_tensors_hooks', 'unpack_hook' must return a Tensor, but got "
                                f"{type(r).__name__}.")
            return r._t
        self._ctx = torch.autograd.graph.saved_tensors_hooks(lambda t: pack_hook(Tensor._make(t)), unpack)

    def __enter__(self):
        self._ctx.__enter__()
        return self

    def __exit__(self, *exc):
        return self._ctx.__exit__(*exc)


def register_saved_tensors_hooks(pack_hook, unpack_hook):
    """``mindspore.register_saved_tensors_hooks`` (2.10): a decorator giving a function the pair of hooks that
    ``grad``/``value_and_grad`` of it run its saved tensors through (as ``with saved_tensors_hooks(...)`` around the
    call would). Like the reference, it stores them on the undecorated function and returns the function; the
    reference applies them only when the gradient is compiled (``ms.jit``), lightspore in PyNative too."""
    def decorator(func):
        import inspect
        inner = inspect.unwrap(func)
        inner._saved_tensors_pack_hook = pack_hook
        inner._saved_tensors_unpack_hook = unpack_hook
        return func
    return decorator

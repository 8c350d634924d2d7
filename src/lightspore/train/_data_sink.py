"""``mindspore.data_sink``: a step function that pulls its inputs from a dataset.

The reference sinks the dataset into a device queue and runs ``fn`` on ``sink_size`` batches per call (only on
Ascend/GPU). Here the dataset is read by its own iterator (across epochs, without end, as the reference's
transfer queue) on any device target, and ``fn(*batch)`` runs ``sink_size`` times per call; the last output is
returned. With a ``jit_config`` the step goes through ``mindspore.jit``.
"""
import functools

from .._checkparam import check_value_type

__all__ = ["data_sink"]


def _check_signature(signature, row):
    from ..common.tensor import Tensor
    sig = list(signature) if isinstance(signature, (list, tuple)) else [signature]
    for i, (want, got) in enumerate(zip(sig, row)):
        if want is None:
            continue
        if not isinstance(got, Tensor):
            continue
        if want.dtype != got.dtype:
            raise TypeError(f"The {i + 1}th input type of 'set_inputs' must be the same as network's input, but got "
                            f"'set_inputs': {want.dtype} and network's input: {got.dtype}.")
        if len(want.shape) != len(got.shape):
            raise ValueError(f"The {i + 1}th input dims of 'set_inputs' must be the same as network's input, but "
                             f"got 'set_inputs': {len(want.shape)} and network's input: {len(got.shape)}.")
        for j, (w, g) in enumerate(zip(want.shape, got.shape)):
            if w != -1 and w != g:
                raise ValueError(f"The {j + 1}th input shape of 'set_inputs' must be the same as network's input, "
                                 f"but got 'set_inputs': {w} and network's input: {g}.")


def data_sink(fn, dataset, sink_size=1, jit_config=None, input_signature=None):
    """Return ``sink_process()``: each call runs ``fn(*batch)`` on the next ``sink_size`` batches of ``dataset``
    and returns the last output."""
    check_value_type("sink_size", sink_size, int, "Data sink")
    if sink_size <= 0:
        raise ValueError(f"The 'sink_size' must be positive, but got sink_size {sink_size}.")
    if not callable(fn):
        raise TypeError(f"For 'data_sink', 'fn' must be callable, but got {type(fn).__name__}.")
    if not hasattr(dataset, "create_tuple_iterator"):
        raise TypeError(f"For 'data_sink', 'dataset' must be a mindspore.dataset Dataset, but got "
                        f"{type(dataset).__name__}.")
    if getattr(dataset, "_lightspore_sunk", False):
        raise ValueError("The dataset has been used with network.")
    dataset._lightspore_sunk = True
    step = fn
    if jit_config is not None:
        from ..common.api import jit
        step = jit(fn)
    state = {"it": None, "checked": input_signature is None}

    def _next():
        if state["it"] is None:
            state["it"] = dataset.create_tuple_iterator(num_epochs=-1)
        try:
            return next(state["it"])
        except StopIteration:
            try:
                return next(state["it"])          # the next epoch
            except StopIteration:
                raise ValueError("For 'data_sink', the dataset yields no data.") from None

    @functools.wraps(fn)
    def sink_process(*args, **kwargs):
        out = None
        for _ in range(sink_size):
            row = _next()
            if not state["checked"]:
                _check_signature(input_signature, row)
                state["checked"] = True
            out = step(*row)
        return out

    return sink_process

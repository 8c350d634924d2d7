"""``mindspore.train.dataset_helper``: ``DatasetHelper`` (iterate a dataset the way ``Model`` feeds it) and
``connect_network_with_dataset``.

Without sink mode the helper yields each batch as a tuple of Tensors, for ``epoch_num`` epochs, as the
reference's. Dataset sink mode sends batches to a device queue, which lightspore does not build: as the
reference's CPU build, asking for it raises RuntimeError (``Model.train(dataset_sink_mode=True)`` itself runs
every batch from the host instead, as the reference does on CPU).
"""
from .. import context

__all__ = ["DatasetHelper", "connect_network_with_dataset"]


class _DatasetIterNormal:
    """The host-fed iterator: one tuple of Tensors per batch."""

    def __init__(self, dataset, epoch_num=-1):
        self.dataset = dataset
        self.iter = dataset.create_tuple_iterator(num_epochs=epoch_num, do_copy=True)

    def __iter__(self):
        return self

    def __next__(self):
        return self.iter.__next__()


class DatasetHelper:
    """Iterates ``dataset`` as ``Model`` does; ``for inputs in helper: network(*inputs)``."""

    def __init__(self, dataset, dataset_sink_mode=True, sink_size=-1, epoch_num=1):
        if not isinstance(dataset_sink_mode, bool):
            raise TypeError(f"For 'DatasetHelper', the input value must be a bool, but got "
                            f"{type(dataset_sink_mode).__name__}.")
        if isinstance(sink_size, bool) or not isinstance(sink_size, int):
            raise TypeError(f"For 'DatasetHelper', the type of 'sink_size' must be 'int', but got "
                            f"'{type(sink_size).__name__}'.")
        if sink_size < -1 or sink_size == 0:
            raise ValueError(f"The 'sink_size' must be -1 or positive, but got sink_size {sink_size}.")
        if dataset_sink_mode:
            target = context.get_context("device_target")
            raise RuntimeError(f"For 'DatasetHelper', dataset sink mode needs a device data queue, which lightspore "
                               f"does not build (device target {target}); use dataset_sink_mode=False.")
        self.iter = _DatasetIterNormal(dataset, epoch_num=epoch_num)

    def __iter__(self):
        return self.iter.__iter__()


def connect_network_with_dataset(network, dataset_helper):
    """Connect ``network`` to the device queue of a sink-mode ``dataset_helper``. Only sink mode has a queue to
    connect to: a host-fed helper is a RuntimeError, as in the reference."""
    if isinstance(dataset_helper.iter, _DatasetIterNormal):
        raise RuntimeError("The API 'connect_network_with_dataset' should be called in dataset sink mode.")
    raise RuntimeError("For 'connect_network_with_dataset', dataset sink mode is not built in lightspore.")

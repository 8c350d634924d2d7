"""``ModelThor``: the ``Model`` that trains with THOR."""
from ...nn import TrainOneStepCell
from ..model import Model

__all__ = ["ModelThor"]


class ModelThor(Model):
    """``Model`` for THOR: remembers the optimizer's update interval (``frequency``). Training runs the step of
    ``Model`` for every batch with the THOR statistics on, which is what the reference does off the device sink
    (its CPU, and every device without ``dataset_sink_mode``)."""

    def __init__(self, network, loss_fn=None, optimizer=None, metrics=None, eval_network=None, eval_indexes=None,
                 amp_level="O0", **kwargs):
        super().__init__(network, loss_fn, optimizer, metrics, eval_network, eval_indexes, amp_level, **kwargs)
        if isinstance(network, TrainOneStepCell):
            self._frequency = network.optimizer.get_frequency()
        else:
            self._frequency = optimizer.get_frequency()
        self.switch_branch_one = True
        self.index_first_order = 0
        self.train_network_init_flag = True
        self.has_do_dataset_init = False
        self._train_network = self._build_train_network()

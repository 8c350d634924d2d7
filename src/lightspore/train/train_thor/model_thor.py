"""``ModelThor``: the ``Model`` that trains with THOR."""
from ... import context
from ...nn import Cell, TrainOneStepCell
from ..model import Model

__all__ = ["ModelThor"]


def _device_target():
    return context.get_context("device_target")


class _ThorSwitch(Cell):
    """Runs the training network with THOR's statistics on for one step, then off (first-order steps that reuse
    the last inverses) for ``frequency - 1`` steps, over and over: the reference's GPU sink-mode schedule
    (its 'train0' and 'train1' graphs)."""

    def __init__(self, network, frequency):
        super().__init__(auto_prefix=False)
        self.network = network
        self.frequency = frequency
        self.step = 0

    def construct(self, *inputs):
        self.network.add_flags_recursive(thor=self.step % self.frequency == 0)
        self.step += 1
        return self.network(*inputs)


class ModelThor(Model):
    """``Model`` for THOR. Off the device sink (the reference's CPU, and every target without
    ``dataset_sink_mode``) each step records the statistics and recomputes the inverses, as the reference does.
    With ``dataset_sink_mode=True`` on the GPU target it follows the reference's GPU schedule: a THOR step every
    ``frequency`` steps, first-order steps with the last inverses in between."""

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

    def train(self, epoch, train_dataset, callbacks=None, dataset_sink_mode=False, sink_size=-1, initial_epoch=0):
        if not (dataset_sink_mode is True and _device_target() == "GPU"):
            return super().train(epoch, train_dataset, callbacks, dataset_sink_mode, sink_size, initial_epoch)
        network = self._train_network
        self._train_network = _ThorSwitch(network, self._frequency)
        try:
            return super().train(epoch, train_dataset, callbacks, dataset_sink_mode, sink_size, initial_epoch)
        finally:
            self._train_network = network
            network.add_flags_recursive(thor=True)

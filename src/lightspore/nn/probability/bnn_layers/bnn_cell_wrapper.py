"""``WithBNNLossCell``: a Bayesian network's loss plus the KL terms of its Bayesian layers."""
from ...cell import Cell
from .conv_variational import _ConvVariational
from .dense_variational import _DenseVariational

__all__ = ['WithBNNLossCell']


class WithBNNLossCell(Cell):
    """loss = ``loss_fn(backbone(x), label) * dnn_factor + sum of the layers' KL losses * bnn_factor``."""

    def __init__(self, backbone, loss_fn, dnn_factor=1, bnn_factor=1):
        super().__init__(auto_prefix=False)
        if isinstance(dnn_factor, bool) or not isinstance(dnn_factor, (int, float)):
            raise TypeError('The type of `dnn_factor` must be `int` or `float`')
        if dnn_factor < 0:
            raise ValueError('The value of `dnn_factor` should >= 0')
        if isinstance(bnn_factor, bool) or not isinstance(bnn_factor, (int, float)):
            raise TypeError('The type of `bnn_factor` must be `int` or `float`')
        if bnn_factor < 0:
            raise ValueError('The value of `bnn_factor` must >= 0')
        self._backbone = backbone
        self._loss_fn = loss_fn
        self.dnn_factor = dnn_factor
        self.bnn_factor = bnn_factor
        self.kl_loss = []
        self._add_kl_loss(self._backbone)

    def construct(self, x, label):
        backbone_loss = self._loss_fn(self._backbone(x), label)
        kl_loss = 0
        for fn in self.kl_loss:
            kl_loss = kl_loss + fn()
        return backbone_loss * self.dnn_factor + kl_loss * self.bnn_factor

    def _add_kl_loss(self, net):
        for layer in net.name_cells().values():
            if isinstance(layer, (_DenseVariational, _ConvVariational)):
                self.kl_loss.append(layer.compute_kl_loss)
            else:
                self._add_kl_loss(layer)

    @property
    def backbone_network(self):
        """The wrapped network."""
        return self._backbone

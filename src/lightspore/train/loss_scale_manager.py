"""``mindspore.train`` loss scale managers: ``LossScaleManager``, ``FixedLossScaleManager``,
``DynamicLossScaleManager``.

A manager tells ``amp.build_train_network`` (and so ``Model``) which loss scale to start from and gives
the cell that updates it during training (``nn.FixedLossScaleUpdateCell`` /
``nn.DynamicLossScaleUpdateCell``); ``update_loss_scale`` is the host-side rule ``Model`` applies
after every step whose overflow flag it reads.
"""

from .. import _checkparam as validator

__all__ = ["LossScaleManager", "FixedLossScaleManager", "DynamicLossScaleManager"]


class LossScaleManager:
    """Base of the loss scale managers: ``get_loss_scale``, ``update_loss_scale(overflow)`` and
    ``get_update_cell`` are what a subclass provides."""

    def get_loss_scale(self):
        """The current loss scale (the factor the loss, and so the gradients, are multiplied by)."""

    def update_loss_scale(self, overflow):
        """Move the loss scale according to ``overflow`` (whether the last step overflowed)."""

    def get_update_cell(self):
        """The ``Cell`` that updates the loss scale inside the training step, or None."""


class FixedLossScaleManager(LossScaleManager):
    """A constant loss scale. With ``drop_overflow_update=True`` an overflowing step skips the optimizer
    (the train cell checks the gradients); with False the optimizer always runs and its own
    ``loss_scale`` must equal ``loss_scale`` so the gradients are divided back."""

    def __init__(self, loss_scale=128.0, drop_overflow_update=True):
        if loss_scale < 1:
            raise ValueError(f"The argument 'loss_scale' must be >= 1, but got {loss_scale}")
        self._loss_scale = loss_scale
        self._drop_overflow_update = drop_overflow_update

    def get_loss_scale(self):
        return self._loss_scale

    def get_drop_overflow_update(self):
        """Whether an overflowing step skips the optimizer."""
        return self._drop_overflow_update

    def update_loss_scale(self, overflow):
        """The scale is fixed: nothing changes."""

    def get_update_cell(self):
        if not self._drop_overflow_update:
            return None
        from ..nn.wrap.loss_scale import FixedLossScaleUpdateCell

        return FixedLossScaleUpdateCell(self._loss_scale)


class DynamicLossScaleManager(LossScaleManager):
    """A loss scale divided by ``scale_factor`` (never below 1) at each overflow and multiplied by it
    after ``scale_window`` steps in a row without one."""

    def __init__(self, init_loss_scale=2 ** 24, scale_factor=2, scale_window=2000):
        if init_loss_scale < 1.0:
            raise ValueError(f"The argument 'init_loss_scale' must be > 1, but got {init_loss_scale}")
        self.loss_scale = init_loss_scale
        validator.check_positive_int(scale_window, "scale_window", type(self).__name__)
        self.scale_window = scale_window
        if scale_factor <= 0:
            raise ValueError(f"The argument 'scale_factor' must be > 0, but got {scale_factor}")
        self.scale_factor = scale_factor
        self.increase_ratio = scale_factor
        self.decrease_ratio = 1 / scale_factor
        self.cur_iter = 1
        self.last_overflow_iter = 0
        self.bad_step_max = 1000
        self.bad_step = 0

    def get_loss_scale(self):
        return self.loss_scale

    def update_loss_scale(self, overflow):
        """Overflow: scale * (1 / scale_factor), at least 1. No overflow: times ``scale_factor`` every
        ``scale_window`` steps since the last overflow. More than 1000 overflows in a row is an error."""
        if overflow:
            self.loss_scale = max(self.loss_scale * self.decrease_ratio, 1)
            self.last_overflow_iter = self.cur_iter
            self.bad_step += 1
        else:
            if (self.cur_iter - self.last_overflow_iter) % self.scale_window == 0:
                self.loss_scale *= self.increase_ratio
            self.bad_step = 0
        if self.bad_step > self.bad_step_max:
            raise RuntimeError("Dynamic loss scale Continuous overflow ", self.bad_step,
                               " times, has exceeded maximum threshold.")
        self.cur_iter += 1

    def get_drop_overflow_update(self):
        """Always True: an overflowing step skips the optimizer."""
        return True

    def get_update_cell(self):
        from ..nn.wrap.loss_scale import DynamicLossScaleUpdateCell

        return DynamicLossScaleUpdateCell(self.loss_scale, self.scale_factor, self.scale_window)

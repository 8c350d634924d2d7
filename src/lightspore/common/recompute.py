"""``recompute(block, *args)``: activation checkpointing. Inside ``grad``/``value_and_grad`` the block's
intermediate activations are not kept; they are computed again during the backward pass
(``torch.utils.checkpoint``, non-reentrant). Outside a transform there is no tape and ``block`` simply runs."""
import torch

__all__ = ["recompute"]


def recompute(block, *args, use_reentrant=True, output_recompute=False, early_stop=True, context_fn=None, **kwargs):
    if not callable(block):
        raise TypeError(f"For 'recompute', 'block' must be a Cell or a function, but got {type(block).__name__}.")
    from .. import _release
    from ..nn.cell import Cell
    if output_recompute:
        use_reentrant = False
    if use_reentrant and not isinstance(block, Cell) and _release.follows_2_10("'recompute' of a function"):
        raise TypeError("Recompute function now only support block which inherited from Cell when "
                        "use_reentrant=True!")
    if use_reentrant and context_fn is not None:
        raise ValueError("context_fn is only supported when use_reentrant=False.")
    return _recompute(block, args, kwargs, early_stop, context_fn)


def _recompute(block, args, kwargs, early_stop=True, context_fn=None):
    """Run ``block`` under torch's non-reentrant checkpoint (either of MindSpore's modes gives the same values and
    gradients; the reentrant one would lose the weights' gradients, which carry no tape at rest). ``early_stop``
    and ``context_fn`` (MindSpore 2.10) are torch's; ``output_recompute`` only saves memory and the output is kept."""
    if not torch.is_grad_enabled():
        return block(*args, **kwargs)
    from torch.utils.checkpoint import checkpoint, set_checkpoint_early_stop

    from ..ops._table import unwrap, unwrap_tree, wrap

    def run(*targs):
        return unwrap_tree(block(*wrap(targs), **kwargs))

    extra = {} if context_fn is None else {"context_fn": context_fn}
    with set_checkpoint_early_stop(bool(early_stop)):
        return wrap(checkpoint(run, *[unwrap(a) for a in args], use_reentrant=False, **extra))


def _sig_2_7_1(block, *args, **kwargs):
    pass


def _sig_2_10_0(block, *args, use_reentrant=True, output_recompute=False, early_stop=True, context_fn=None,
                **kwargs):
    pass


def _follow():
    from .. import _release
    _release.signature_per_release(recompute, _sig_2_7_1, _sig_2_10_0)


_follow()

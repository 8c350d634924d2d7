"""``ConvertNetUtils`` (Dense/Conv2d/Embedding/EmbeddingLookup -> their THOR layers) and ``ConvertModelUtils``
(a ``Model`` whose optimizer is THOR -> ``ModelThor``)."""
from ... import nn
from ...common import dtype as mstype
from ...context import get_context

__all__ = ["ConvertNetUtils", "ConvertModelUtils"]


class ConvertNetUtils:
    """Replaces a network's layers by the THOR layers that record the second-order information."""

    def __init__(self):
        self._convert_method_map = {nn.Dense: ConvertNetUtils._convert_dense,
                                    nn.Embedding: ConvertNetUtils._convert_embedding,
                                    nn.Conv2d: ConvertNetUtils._convert_conv2d,
                                    nn.EmbeddingLookup: ConvertNetUtils._convert_embeddinglookup}

    @staticmethod
    def _convert_dense(subcell):
        """A ``DenseThor`` sharing the Dense layer's weight (and bias); float16 compute off the GPU/CPU, except
        for the 1001-class head, as the reference."""
        act_name = None
        if subcell.activation_flag:
            act_name = type(subcell.activation).__name__.lower()
            if act_name == "fastgelu":
                act_name = "fast_gelu"
        new = nn.DenseThor(in_channels=subcell.in_channels, out_channels=subcell.out_channels,
                           weight_init=subcell.weight, has_bias=subcell.has_bias, bias_init='zeros',
                           activation=act_name)
        if subcell.out_channels != 1001:
            # the reference computes in float16 on Ascend and float32 on GPU; lightspore's CPU is the GPU's
            compute_type = mstype.float32 if get_context("device_target") in ("GPU", "CPU") else mstype.float16
            new = new.to_float(compute_type)
        if subcell.has_bias:
            new.bias = subcell.bias
        return new

    @staticmethod
    def _convert_embedding(subcell):
        new = nn.EmbeddingThor(vocab_size=subcell.vocab_size, embedding_size=subcell.embedding_size,
                               use_one_hot=False)
        new.embedding_table = subcell.embedding_table
        return new

    @staticmethod
    def _convert_embeddinglookup(subcell):
        # as the reference: it reads ``vocab_cache_size``, which EmbeddingLookup does not have (AttributeError)
        new = nn.EmbeddingLookupThor(vocab_size=subcell.vocab_size, embedding_size=subcell.embedding_size,
                                     target=subcell.target, sparse=subcell.sparse,
                                     vocab_cache_size=subcell.vocab_cache_size)
        new.embedding_table = subcell.embedding_table
        return new

    @staticmethod
    def _convert_conv2d(subcell):
        return nn.Conv2dThor(subcell.in_channels, subcell.out_channels, kernel_size=subcell.kernel_size[0],
                             stride=subcell.stride, padding=subcell.padding, pad_mode=subcell.pad_mode,
                             has_bias=subcell.has_bias, weight_init=subcell.weight)

    @staticmethod
    def _need_change(subcell, prefix):
        if isinstance(subcell, (nn.Dense, nn.Conv2d)) and subcell.weight.requires_grad:
            return not ("rpn_with_loss.rpn_convs_list." in prefix.lower() or "wide" in prefix.lower())
        return isinstance(subcell, (nn.Embedding, nn.EmbeddingLookup)) and subcell.embedding_table.requires_grad

    def _convert_to_thor_net(self, net):
        cells = net.name_cells()
        for name in cells:
            sub = cells[name]
            if sub is net or isinstance(sub, (nn.DenseThor, nn.Conv2dThor, nn.EmbeddingThor,
                                               nn.EmbeddingLookupThor)):
                continue
            if isinstance(sub, (nn.Conv2dTranspose, nn.Conv1d, nn.Conv1dTranspose, nn.BatchNorm1d, nn.GroupNorm,
                                nn.LayerNorm, nn.BatchNorm2d, nn.MaxPool2d)):
                continue
            if isinstance(sub, (nn.Embedding, nn.Dense, nn.Conv2d, nn.EmbeddingLookup)):
                prefix = sub.param_prefix
                if self._need_change(sub, prefix):
                    new = self._convert_method_map.get(type(sub))(sub)
                    new.update_parameters_name(prefix + '.')
                    net.insert_child_to_cell(name, new)
            else:
                self._convert_to_thor_net(sub)
        # the reference then rebuilds a SequentialCell's cell_list; lightspore's is read from its cells already

    def convert_to_thor_net(self, net):
        """Convert ``net`` in place to THOR layers (``nn.thor`` calls this itself)."""
        net.update_cell_prefix()
        self._convert_to_thor_net(net)
        net.update_cell_type("second-order")


class ConvertModelUtils:
    """Converts a ``Model`` to the THOR model."""

    @staticmethod
    def convert_to_thor_model(model, network, loss_fn=None, optimizer=None, metrics=None, amp_level="O0",
                              loss_scale_manager=None, keep_batchnorm_fp32=False):
        """A ``ModelThor`` when ``optimizer`` is THOR (a ``TrainOneStepCell`` ``network`` is used as it is);
        otherwise ``model`` unchanged."""
        if type(optimizer).__name__ in ("ThorAscend", "ThorGpu"):
            from .model_thor import ModelThor
            if isinstance(network, nn.TrainOneStepCell):
                return ModelThor(network=network)
            return ModelThor(network=network, loss_fn=loss_fn, optimizer=optimizer, amp_level=amp_level,
                             loss_scale_manager=loss_scale_manager, keep_batchnorm_fp32=keep_batchnorm_fp32,
                             metrics=metrics)
        return model

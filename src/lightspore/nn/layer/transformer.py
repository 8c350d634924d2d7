"""Attention and transformer layers: MultiheadAttention, TransformerEncoderLayer/DecoderLayer,
TransformerEncoder/Decoder and Transformer.

Parameter names follow the reference (``in_proj_weight``/``q_proj_weight``..., ``out_proj``,
``dense1``/``dense2``, ``norm1``..``norm3``). The attention itself runs on torch tensors: scores
are ``(q / d**0.25) @ (k / d**0.25)^T`` plus the combined mask (a boolean mask becomes ``-inf``
where True); when the weights are not asked for, torch's fused ``scaled_dot_product_attention``
does the same sum.
"""
import copy
import math
from typing import Optional, Union

import torch
import torch.nn.functional as F

from ... import ops
from ...common import dtype as mstype
from ...common.initializer import HeUniform, Uniform, XavierNormal, XavierUniform, initializer
from ...common.parameter import Parameter
from ...common.tensor import Tensor
from ..cell import Cell, CellList
from .activation import GELU, ReLU
from .basic import Dense
from .dropout import Dropout
from .normalization import LayerNorm

__all__ = ["MultiheadAttention", "TransformerEncoderLayer", "TransformerDecoderLayer", "TransformerEncoder",
           "TransformerDecoder", "Transformer"]

_FLOATS = (torch.float16, torch.bfloat16, torch.float32, torch.float64)


def _mask_t(mask):
    if mask is None:
        return None
    return mask._t if isinstance(mask, Tensor) else torch.as_tensor(mask)


def _check_kpm_dtype(kpm, err):
    if kpm is not None and kpm.dtype != torch.bool and kpm.dtype not in _FLOATS:
        raise err("only bool and floating types of key_padding_mask are supported")


def _pad_last(mask):
    """Append one column (False / 0) to the last axis of a mask."""
    return torch.cat([mask, mask.new_zeros(mask.shape[:-1] + (1,))], dim=-1)


class MultiheadAttention(Cell):
    """Multi-head attention ``Concat(head_1..head_h) W_o`` with ``head_i = Attention(q W_q, k W_k, v W_v)``.

    Returns ``(attn_output, attn_weights)`` when ``need_weights`` else ``(attn_output,)``.
    """

    def __init__(self, embed_dim, num_heads, dropout=0.0, has_bias=True, add_bias_kv=False, add_zero_attn=False,
                 kdim=None, vdim=None, batch_first=False, dtype=mstype.float32):
        super().__init__()
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.batch_first = batch_first
        self.head_dim = embed_dim // num_heads
        if self.head_dim * num_heads != embed_dim:
            raise ValueError("The init argument 'embed_dim' must be divisible by 'num_heads'.")
        if dtype is None:
            dtype = mstype.float32
        if self._qkv_same_embed_dim:
            self.in_proj_weight = Parameter(initializer(XavierUniform(), (3 * embed_dim, embed_dim), dtype),
                                            "in_proj_weight")
            self.q_proj_weight = self.k_proj_weight = self.v_proj_weight = None
        else:
            self.q_proj_weight = Parameter(initializer(XavierUniform(), (embed_dim, embed_dim), dtype),
                                           "q_proj_weight")
            self.k_proj_weight = Parameter(initializer(XavierUniform(), (embed_dim, self.kdim), dtype),
                                           "k_proj_weight")
            self.v_proj_weight = Parameter(initializer(XavierUniform(), (embed_dim, self.vdim), dtype),
                                           "v_proj_weight")
            self.in_proj_weight = None
        self.in_proj_bias = (Parameter(initializer("zeros", (3 * embed_dim,), dtype), "in_proj_bias")
                             if has_bias else None)
        self.out_proj = Dense(embed_dim, embed_dim, has_bias=has_bias, weight_init=HeUniform(math.sqrt(5)),
                              bias_init=Uniform(1 / math.sqrt(embed_dim)), dtype=dtype)
        if add_bias_kv:
            self.bias_k = Parameter(initializer(XavierNormal(), (1, 1, embed_dim), dtype), "bias_k")
            self.bias_v = Parameter(initializer(XavierNormal(), (1, 1, embed_dim), dtype), "bias_v")
        else:
            self.bias_k = self.bias_v = None
        self.add_zero_attn = add_zero_attn
        self.dtype = dtype

    def construct(self, query: Tensor, key: Tensor, value: Tensor, key_padding_mask: Optional[Tensor] = None,
                  need_weights: bool = True, attn_mask: Optional[Tensor] = None, average_attn_weights: bool = True):
        for n, v in (("query", query), ("key", key), ("value", value)):
            if not isinstance(v, Tensor):
                raise TypeError(f"For 'MultiheadAttention', the input '{n}' must be a Tensor, but got "
                                f"{type(v).__name__}.")
        out, weights = self._forward(query._t, key._t, value._t, _mask_t(key_padding_mask), need_weights,
                                     _mask_t(attn_mask), average_attn_weights, query is key, key is value)
        if need_weights:
            return Tensor._make(out), Tensor._make(weights)
        return (Tensor._make(out),)

    def _project(self, q, k, v, q_is_k, k_is_v):
        b = self.in_proj_bias._t if self.in_proj_bias is not None else None
        if self.in_proj_weight is not None:
            w = self.in_proj_weight._t
            if q_is_k and k_is_v:
                return F.linear(q, w, b).chunk(3, dim=-1)
            ws, bs = w.chunk(3), (b.chunk(3) if b is not None else (None,) * 3)
            return F.linear(q, ws[0], bs[0]), F.linear(k, ws[1], bs[1]), F.linear(v, ws[2], bs[2])
        bs = b.chunk(3) if b is not None else (None,) * 3
        ws = (self.q_proj_weight._t, self.k_proj_weight._t, self.v_proj_weight._t)
        out = []
        for x, w, bb, n in zip((q, k, v), ws, bs, ("query", "key", "value")):
            if x.shape[-1] != w.shape[1]:
                raise ValueError(f"For 'MultiheadAttention', expecting {n} weights shape of "
                                 f"{(w.shape[0], x.shape[-1])}, but got {tuple(w.shape)}.")
            out.append(F.linear(x, w, bb))
        return out

    def _forward(self, query, key, value, kpm, need_weights, attn_mask, average, q_is_k, k_is_v):
        name = "MultiheadAttention"
        _check_kpm_dtype(kpm, ValueError)
        qn, kn, vn = query.dim(), key.dim(), value.dim()
        if qn == 3:
            if kn != 3 or vn != 3:
                raise ValueError(f"For batched `query`, the `key` and `value` must be 3D tensor, but got `key` with "
                                 f"{kn}D and `value` with {vn}D.")
        elif qn == 2:
            if kn != 2 or vn != 2:
                raise ValueError(f"For unbatched `query`, the `key` and `value` must be 2D tensor, but got `key` "
                                 f"with {kn}D and `value` with {vn}D.")
        else:
            raise ValueError(f"The `query` should be unbatched 2D or batched 3D tensor, but got `query` with {qn}D.")
        batched = qn == 3
        if kpm is not None and kpm.dim() != (2 if batched else 1):
            raise ValueError(f"For {'batched' if batched else 'unbatched'} `query`, the `key_padding_mask` must be "
                             f"`None` or {2 if batched else 1}D, but got `key_padding_mask` with {kpm.dim()}D.")
        if attn_mask is not None:
            if attn_mask.dim() not in (2, 3):
                raise ValueError(f"For {'batched' if batched else 'unbatched'} `query`, the `attn_mask` must be "
                                 f"`None`, 2-D or 3-D, but got `attn_mask` with {attn_mask.dim()}D.")
            if not batched and attn_mask.dim() == 3:
                want = (self.num_heads, query.shape[0], key.shape[0])
                if tuple(attn_mask.shape) != want:
                    raise ValueError(f"The shape of `attn_mask` must to be {want}, but got "
                                     f"{tuple(attn_mask.shape)}.")
        if batched and self.batch_first:
            query, key, value = query.transpose(0, 1), key.transpose(0, 1), value.transpose(0, 1)
        if not batched:
            query, key, value = query.unsqueeze(1), key.unsqueeze(1), value.unsqueeze(1)
            if kpm is not None:
                kpm = kpm.unsqueeze(0)
        tgt_len, bsz, embed_dim = query.shape
        src_len = key.shape[0]
        if embed_dim != self.embed_dim:
            raise ValueError(f"The `embed_dim` should be {self.embed_dim}, but got {embed_dim}.")
        if self._qkv_same_embed_dim:
            if key.shape != value.shape:
                raise ValueError(f"The shape of `key` {tuple(key.shape)} does not match `value` "
                                 f"{tuple(value.shape)}.")
        elif key.shape[:2] != value.shape[:2]:
            raise ValueError(f"For '{name}', the sequence length and batch dims of `key`: {tuple(key.shape[:2])} "
                             f"do not match `value`: {tuple(value.shape[:2])}.")
        q, k, v = self._project(query, key, value, q_is_k, k_is_v)

        if attn_mask is not None:
            if attn_mask.dtype == torch.uint8:
                attn_mask = attn_mask.bool()
            elif attn_mask.dtype != torch.bool and attn_mask.dtype not in _FLOATS:
                raise ValueError(f"`attn_mask` only support float, byte, and bool types, but got not "
                                 f"{mstype.from_torch(attn_mask.dtype)}.")
            if attn_mask.dim() == 2:
                if tuple(attn_mask.shape) != (tgt_len, src_len):
                    raise ValueError(f"The shape of the `attn_mask` should be {(tgt_len, src_len)}, but got "
                                     f"{tuple(attn_mask.shape)}.")
                attn_mask = attn_mask.unsqueeze(0)
            elif tuple(attn_mask.shape) != (bsz * self.num_heads, tgt_len, src_len):
                raise ValueError(f"The shape of the `attn_mask` should be "
                                 f"{(bsz * self.num_heads, tgt_len, src_len)}, but got {tuple(attn_mask.shape)}.")
        if self.bias_k is not None:
            k = torch.cat([k, self.bias_k._t.expand(1, bsz, -1)])
            v = torch.cat([v, self.bias_v._t.expand(1, bsz, -1)])
            if attn_mask is not None:
                attn_mask = _pad_last(attn_mask)
            if kpm is not None:
                kpm = _pad_last(kpm)
        heads, hd = self.num_heads, self.head_dim
        # (L, N, E) -> (N, H, L, D)
        q = q.reshape(tgt_len, bsz, heads, hd).permute(1, 2, 0, 3)
        k = k.reshape(k.shape[0], bsz, heads, hd).permute(1, 2, 0, 3)
        v = v.reshape(v.shape[0], bsz, heads, hd).permute(1, 2, 0, 3)
        if self.add_zero_attn:
            k = torch.cat([k, k.new_zeros((bsz, heads, 1, hd))], dim=2)
            v = torch.cat([v, v.new_zeros((bsz, heads, 1, hd))], dim=2)
            if attn_mask is not None:
                attn_mask = _pad_last(attn_mask)
            if kpm is not None:
                kpm = _pad_last(kpm)
        src_len = k.shape[2]
        # masks as (1 | N, 1 | H, L | 1, S)
        if attn_mask is not None:
            attn_mask = (attn_mask.unsqueeze(0) if attn_mask.shape[0] == 1
                         else attn_mask.reshape(bsz, heads, tgt_len, src_len))
        if kpm is not None:
            if tuple(kpm.shape) != (bsz, src_len):
                raise ValueError(f"The shape of `key_padding_mask` should be {(bsz, src_len)}, but got "
                                 f"{tuple(kpm.shape)}.")
            kpm = kpm.reshape(bsz, 1, 1, src_len)
            if attn_mask is None:
                attn_mask = kpm
            elif attn_mask.dtype == torch.bool:
                attn_mask = torch.logical_or(attn_mask, kpm)
            else:
                attn_mask = attn_mask + (kpm.to(attn_mask.dtype) if kpm.dtype == torch.bool else kpm)
        if attn_mask is not None and attn_mask.dtype == torch.bool:
            attn_mask = torch.zeros(attn_mask.shape, dtype=q.dtype, device=q.device).masked_fill_(
                attn_mask, float("-inf"))
        p = self.dropout if self.training else 0.0
        if need_weights:
            s = torch.tensor(hd, dtype=mstype.to_torch(self.dtype), device=q.device).sqrt().sqrt()
            scores = torch.matmul(q / s, (k / s).transpose(-2, -1))
            if attn_mask is not None:
                scores = scores + attn_mask
            attn = torch.softmax(scores, dim=-1)
            if p > 0:
                attn = F.dropout(attn, p, True)
            out = torch.matmul(attn, v)
        else:
            if attn_mask is not None and attn_mask.dtype != q.dtype:
                attn_mask = attn_mask.to(q.dtype)
            out = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask, dropout_p=p)
            attn = None
        out = out.permute(2, 0, 1, 3).reshape(tgt_len, bsz, embed_dim)
        ob = self.out_proj.bias._t if self.out_proj.has_bias else None
        out = F.linear(out, self.out_proj.weight._t, ob)
        if attn is not None and average:
            attn = attn.sum(dim=1) / heads
        if not batched:
            out = out.squeeze(1)
            if attn is not None:
                attn = attn.squeeze(0)
        elif self.batch_first:
            out = out.transpose(0, 1)
        return out, attn


def _activation(activation):
    if not isinstance(activation, (str, Cell)) and not callable(activation):
        raise ValueError(f"The argument 'activation' must be str, callable or Cell instance, but get {activation}.")
    if isinstance(activation, Cell) and not isinstance(activation, (ReLU, GELU)):
        raise ValueError(f"The argument 'activation' must be nn.ReLU or nn.GELU instance, but get {activation}.")
    # as in the reference, any callable (a Cell included) other than ops.relu / ops.gelu is refused
    if callable(activation) and activation is not ops.relu and activation is not ops.gelu:
        raise ValueError(f"The argument 'activation' must be ops.relu or ops.gelu instance, but get {activation}.")
    if isinstance(activation, str):
        if activation == "relu":
            return ops.relu
        if activation == "gelu":
            return ops.gelu
        raise ValueError(f"The activation must be relu/gelu, but get {activation}")
    return activation


def _check_kpm_assert(mask):
    if mask is not None:
        t = _mask_t(mask)
        if t.dtype != torch.bool and t.dtype not in _FLOATS:
            raise AssertionError("only bool and floating types of key_padding_mask are supported")


class _LayerBase(Cell):
    """The feed-forward half and the settings shared by the encoder and decoder layers."""

    def _build(self, d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first,
               dtype, n_norms):
        self.dense1 = Dense(d_model, dim_feedforward, weight_init=HeUniform(math.sqrt(5)),
                            bias_init=Uniform(1 / math.sqrt(d_model)), dtype=dtype)
        self.dropout = Dropout(p=dropout)
        self.dense2 = Dense(dim_feedforward, d_model, weight_init=HeUniform(math.sqrt(5)),
                            bias_init=Uniform(1 / math.sqrt(dim_feedforward)), dtype=dtype)
        self.norm_first = norm_first
        for i in range(1, n_norms + 1):
            setattr(self, f"norm{i}", LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        for i in range(1, n_norms + 1):
            setattr(self, f"dropout{i}", Dropout(p=dropout))
        self.activation1 = activation
        self.activation = _activation(activation)
        self.d_model = d_model
        self.nhead = nhead
        self.dim_feedforward = dim_feedforward
        self.dropout_num = dropout
        self.layernorm_eps = layer_norm_eps
        self.batch_first = batch_first
        self.dtype = dtype

    def _attn(self, attn, dropout, x, mem, attn_mask, key_padding_mask):
        out = attn(x, mem, mem, attn_mask=attn_mask, key_padding_mask=key_padding_mask, need_weights=False)[0]
        return dropout(out)

    def _ff_block(self, x, dropout):
        return dropout(self.dense2(self.dropout(self.activation(self.dense1(x)))))


class TransformerEncoderLayer(_LayerBase):
    """One encoder layer: self-attention and a feed-forward block, each with a residual and a LayerNorm
    (before the block when ``norm_first``, after it otherwise)."""

    def __init__(self, d_model: int, nhead: int, dim_feedforward: int = 2048, dropout: float = 0.1,
                 activation: Union[str, Cell, callable] = 'relu', layer_norm_eps: float = 1e-5,
                 batch_first: bool = False, norm_first: bool = False, dtype=mstype.float32):
        super().__init__()
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first, dtype=dtype)
        self._build(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first,
                    dtype, 2)

    def construct(self, src: Tensor, src_mask: Optional[Tensor] = None,
                  src_key_padding_mask: Optional[Tensor] = None):
        _check_kpm_assert(src_key_padding_mask)
        x = src
        if self.norm_first:
            h = self.norm1(x)
            x = x + self._attn(self.self_attn, self.dropout1, h, h, src_mask, src_key_padding_mask)
            x = x + self._ff_block(self.norm2(x), self.dropout2)
        else:
            x = self.norm1(x + self._attn(self.self_attn, self.dropout1, x, x, src_mask, src_key_padding_mask))
            x = self.norm2(x + self._ff_block(x, self.dropout2))
        return x


class TransformerDecoderLayer(_LayerBase):
    """One decoder layer: self-attention, cross-attention over ``memory`` and a feed-forward block, each with
    a residual and a LayerNorm."""

    def __init__(self, d_model: int, nhead: int, dim_feedforward: int = 2048, dropout: float = 0.1,
                 activation: Union[str, Cell, callable] = 'relu', layer_norm_eps: float = 1e-5,
                 batch_first: bool = False, norm_first: bool = False, dtype=mstype.float32):
        super().__init__()
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first, dtype=dtype)
        self.multihead_attn = MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first,
                                                 dtype=dtype)
        self._build(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first,
                    dtype, 3)

    def construct(self, tgt: Tensor, memory: Tensor, tgt_mask: Optional[Tensor] = None,
                  memory_mask: Optional[Tensor] = None, tgt_key_padding_mask: Optional[Tensor] = None,
                  memory_key_padding_mask: Optional[Tensor] = None):
        x = tgt
        if self.norm_first:
            h = self.norm1(x)
            x = x + self._attn(self.self_attn, self.dropout1, h, h, tgt_mask, tgt_key_padding_mask)
            x = x + self._attn(self.multihead_attn, self.dropout2, self.norm2(x), memory, memory_mask,
                               memory_key_padding_mask)
            x = x + self._ff_block(self.norm3(x), self.dropout3)
        else:
            x = self.norm1(x + self._attn(self.self_attn, self.dropout1, x, x, tgt_mask, tgt_key_padding_mask))
            x = self.norm2(x + self._attn(self.multihead_attn, self.dropout2, x, memory, memory_mask,
                                          memory_key_padding_mask))
            x = self.norm3(x + self._ff_block(x, self.dropout3))
        return x


def _fresh_copies(layer_cls, layer, num_layers):
    """``num_layers`` copies of a new ``layer_cls`` built with ``layer``'s settings (the reference's rule: not its
    weights)."""
    fresh = layer_cls(layer.d_model, layer.nhead, layer.dim_feedforward, layer.dropout_num, layer.activation1,
                      layer.layernorm_eps, layer.batch_first, layer.norm_first, dtype=layer.dtype)
    return CellList([copy.deepcopy(fresh) for _ in range(num_layers)])


class TransformerEncoder(Cell):
    """``num_layers`` copies of a fresh encoder layer built with ``encoder_layer``'s settings (as in the
    reference, not its weights), then the optional ``norm``."""

    def __init__(self, encoder_layer, num_layers, norm=None):
        super().__init__()
        self.layers = _fresh_copies(TransformerEncoderLayer, encoder_layer, num_layers)
        self.num_layers = num_layers
        self.norm = norm

    def construct(self, src: Tensor, src_mask: Optional[Tensor] = None, src_key_padding_mask: Optional[Tensor] = None):
        _check_kpm_assert(src_key_padding_mask)
        out = src
        for layer in self.layers:
            out = layer(out, src_mask=src_mask, src_key_padding_mask=src_key_padding_mask)
        if self.norm is not None:
            out = self.norm(out)
        return out


class TransformerDecoder(Cell):
    """``num_layers`` copies of a fresh decoder layer built with ``decoder_layer``'s settings, then the
    optional ``norm``."""

    def __init__(self, decoder_layer, num_layers, norm=None):
        super().__init__()
        self.layers = _fresh_copies(TransformerDecoderLayer, decoder_layer, num_layers)
        self.num_layers = num_layers
        self.norm = norm

    def construct(self, tgt: Tensor, memory: Tensor, tgt_mask: Optional[Tensor] = None,
                  memory_mask: Optional[Tensor] = None, tgt_key_padding_mask: Optional[Tensor] = None,
                  memory_key_padding_mask: Optional[Tensor] = None):
        out = tgt
        for layer in self.layers:
            out = layer(out, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                        tgt_key_padding_mask=tgt_key_padding_mask, memory_key_padding_mask=memory_key_padding_mask)
        if self.norm is not None:
            out = self.norm(out)
        return out


class Transformer(Cell):
    """Encoder-decoder transformer; every weight of rank > 1 is re-initialized Xavier-uniform."""

    def __init__(self, d_model: int = 512, nhead: int = 8, num_encoder_layers: int = 6, num_decoder_layers: int = 6,
                 dim_feedforward: int = 2048, dropout: float = 0.1, activation: Union[str, Cell, callable] = 'relu',
                 custom_encoder: Optional[Cell] = None, custom_decoder: Optional[Cell] = None,
                 layer_norm_eps: float = 1e-5, batch_first: bool = False, norm_first: bool = False,
                 dtype=mstype.float32):
        super().__init__()

        def stack(stack_cls, layer_cls, num_layers):
            layer = layer_cls(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first,
                              norm_first, dtype=dtype)
            return stack_cls(layer, num_layers, LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))

        if custom_encoder is not None:
            self.encoder = custom_encoder
        else:
            self.encoder = stack(TransformerEncoder, TransformerEncoderLayer, num_encoder_layers)
        if custom_decoder is not None:
            self.decoder = custom_decoder
        else:
            self.decoder = stack(TransformerDecoder, TransformerDecoderLayer, num_decoder_layers)
        for _, p in self.parameters_and_names():
            if p.ndim > 1:
                p.set_data(initializer("xavier_uniform", p.shape, p.dtype))
        self.d_model = d_model
        self.nhead = nhead
        self.batch_first = batch_first

    def construct(self, src: Tensor, tgt: Tensor, src_mask: Optional[Tensor] = None, tgt_mask: Optional[Tensor] = None,
                  memory_mask: Optional[Tensor] = None, src_key_padding_mask: Optional[Tensor] = None,
                  tgt_key_padding_mask: Optional[Tensor] = None, memory_key_padding_mask: Optional[Tensor] = None):
        if src.shape[-1] != self.d_model or tgt.shape[-1] != self.d_model:
            raise ValueError("The number of features for 'src' and 'tgt' must be equal to `d_model`.")
        memory = self.encoder(src, src_mask=src_mask, src_key_padding_mask=src_key_padding_mask)
        return self.decoder(tgt, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                            tgt_key_padding_mask=tgt_key_padding_mask, memory_key_padding_mask=memory_key_padding_mask)

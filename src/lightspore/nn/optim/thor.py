"""``nn.thor``: the second-order optimizer THOR (the reference's GPU algorithm, ``ThorGpu``).

``thor(net, ...)`` converts ``net``'s Dense/Conv2d/Embedding layers to their THOR forms (which record the
covariances A and G) and returns the optimizer. Each step preconditions the gradient of every converted weight
with the inverses of its damped covariances and applies the reference's momentum rule:

- Dense/Conv2d weight ``g`` (out, in...): ``g <- Ginv @ g.reshape(out, -1) @ Ainv``, where ``Ainv``/``Ginv`` are
  the inverses of the 128x128 diagonal blocks of ``A + sqrt(d_a) I`` and ``G / loss_scale^2 * batch^2 +
  sqrt(d_g) I`` (the last block the remainder), times ``feature_map``. Dense: ``d_a = d_g = damping[step]``,
  ``feature_map = 1``; Conv2d: ``d_a = damping / a_normalizer``, ``d_g = damping / g_normalizer``,
  ``feature_map = sqrt(1 / a_normalizer)``.
- Embedding table ``g`` (vocab, dim): ``g <- (a[:, None] * g) @ (L^-1 @ L^-1)`` with ``a = 1 / (A / batch +
  sqrt(d))`` and ``L`` the Cholesky factor of the damped G (the reference's formula, as written).
- LayerNorm parameters: ``g <- g / (g^2 / batch + sqrt(d))``; every other parameter keeps its gradient.

Then weight decay (``g + wd * w`` where ``decay_filter``), optional clipping by norm 1.0, and
``moments = momentum * moments + g; w -= lr * moments`` (Nesterov: ``w -= lr * g + lr * momentum * moments``).
The inverses are kept in ``matrix_a_inv_<i>``/``matrix_g_inv_<i>`` and reused while the optimizer's ``thor``
flag is off (``ModelThor`` switches it). The ``damping`` entry used is ``damping[cov_step]`` (zero past its end).
"""
import numpy as np
import torch

from ... import log as logger
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from ...common.tensor import Tensor
from .. import layer as _layer
from ..layer.thor_layer import Conv2dThor, DenseThor, EmbeddingLookupThor, EmbeddingThor
from .optimizer import Optimizer

__all__ = ["thor"]

# layer kinds, as the reference numbers them
Other = -1
Conv = 1
FC = 2
Embedding = 3
LayerNorm = 4
BatchNorm = 5


def _check_param(momentum, frequency, lr, cls_name):
    if isinstance(momentum, bool) or not isinstance(momentum, float):
        raise TypeError(f"For '{cls_name}', the type of 'momentum' must be float, but got "
                        f"{type(momentum).__name__}.")
    if momentum < 0.0:
        raise ValueError(f"For 'thor', the argument 'momentum' must be at least 0.0, but got 'momentum' {momentum}.")
    if isinstance(frequency, bool) or not isinstance(frequency, int):
        raise TypeError(f"For '{cls_name}', the type of 'frequency' must be int, but got {type(frequency).__name__}.")
    if frequency < 2:
        raise ValueError(f"For 'thor', the argument 'frequency' must be at least 2, but got 'frequency' {frequency}.")
    if not isinstance(lr, Tensor):
        raise TypeError(f"For '{cls_name}', the type of 'learning rate' must be Tensor, but got "
                        f"{type(lr).__name__}.")


def caculate_matmul_shape(matrix_a_dim, matrix_g_dim, split_dim):
    """The shapes the reference stores A^-1 (batch_h, batch_w, sa, sa) and G^-1 (batch_h, sg, sg) in."""
    def blocks(dim):
        if dim % split_dim == 0:
            return dim // split_dim, split_dim
        if dim < split_dim:
            return 1, dim
        return dim // split_dim + 1, split_dim
    batch_w, split_a = blocks(matrix_a_dim)
    batch_h, split_g = blocks(matrix_g_dim)
    return (batch_h, batch_w, split_a, split_a), (batch_h, split_g, split_g)


def _layer_kinds(net, kinds):
    """The reference's walk: one kind per trainable layer, in the order of ``net``'s child cells."""
    nn = _layer
    cells = net.name_cells()
    for name in cells:
        sub = cells[name]
        if sub is net:
            continue
        if isinstance(sub, Conv2dThor):
            kinds.append(Conv)
        elif isinstance(sub, DenseThor):
            kinds.append(FC)
        elif isinstance(sub, (EmbeddingThor, EmbeddingLookupThor)):
            kinds.append(Embedding)
        elif isinstance(sub, nn.LayerNorm):
            kinds.append(LayerNorm)
        elif isinstance(sub, nn.BatchNorm2d):
            if sub.gamma.requires_grad:
                kinds.append(BatchNorm)
        elif isinstance(sub, (nn.Conv2d, nn.Dense, nn.Embedding, nn.Conv2dTranspose, nn.Conv1d, nn.Conv1dTranspose,
                              nn.BatchNorm1d, nn.GroupNorm)):
            if isinstance(sub, (nn.Dense, nn.Conv2d)):
                prefix = sub.param_prefix.lower()
                if sub.weight.requires_grad and ("rpn_with_loss.rpn_convs_list." not in prefix
                                                 or "rpn_with_loss.rpn_convs_list.0." in prefix):
                    kinds.append(Other)
            else:
                kinds.append(Other)
        else:
            _layer_kinds(sub, kinds)
    return kinds


def _next_layer(kind, counter, params, idx):
    """The reference's rule for when parameter ``idx`` closes its layer."""
    name = params[idx].name.lower()
    nxt_is_bias = idx < len(params) - 1 and "bias" in params[idx + 1].name.lower()
    if kind in (Conv, FC):
        if "bias" in name or (idx < len(params) - 1 and not nxt_is_bias):
            counter += 1
    elif kind in (LayerNorm, BatchNorm):
        if "beta" in name:
            counter += 1
    elif "bias" in name:
        counter += 1
    elif "weight" in name:
        if idx < len(params) - 1 and not nxt_is_bias:
            counter += 1
    else:
        counter += 1
    return counter


def _diag_blocks(m, split_dim):
    """The diagonal split_dim x split_dim blocks of ``m`` stacked (nb, s, s); a last partial block is padded with
    the identity (the reference's MatrixSplit). A dim within one block is one block."""
    n = m.shape[0]
    if split_dim == 0 or n <= split_dim:
        return m.unsqueeze(0)
    full, rest = divmod(n, split_dim)
    s = split_dim
    blocks = m[:full * s, :full * s].reshape(full, s, full, s).diagonal(dim1=0, dim2=2).permute(2, 0, 1)
    if rest:
        last = torch.eye(s, dtype=m.dtype, device=m.device)
        last[:rest, :rest] = m[full * s:, full * s:]
        blocks = torch.cat([blocks, last.unsqueeze(0)])
    return blocks


def _block_inverse(m, split_dim):
    """Inverses of the diagonal blocks of the SPD matrix ``m``, stacked (nb, s, s): ``(L L^T)^-1 = L^-T L^-1``
    from each block's Cholesky factor ``L``, as the reference's CholeskyTrsm + BatchMatMul."""
    return torch.cholesky_inverse(torch.linalg.cholesky_ex(_diag_blocks(m, split_dim))[0])


def _chol_inv_factor(m):
    """``L^-1`` for ``m = L L^T`` (the reference's CholeskyTrsm without split)."""
    chol = torch.linalg.cholesky_ex(m)[0]
    eye = torch.eye(m.shape[-1], dtype=m.dtype, device=m.device)
    return torch.linalg.solve_triangular(chol, eye, upper=False)


def _add_diag(m, value):
    """``m + value * I`` without building I."""
    out = m.clone()
    out.diagonal().add_(value)
    return out


def _apply_blocks(ginv, g, ainv):
    """``blockdiag(Ginv) @ g @ blockdiag(Ainv)`` (the reference's UpdateThorGradient), ``g`` (out, in): block
    (i, j) of the gradient becomes ``Ginv[i] @ g_ij @ Ainv[i, j]``; edge blocks are zero-padded."""
    out_dim, in_dim = g.shape
    sg, sa = ginv.shape[-1], ainv.shape[-1]
    bh, bw = ginv.shape[0], ainv.shape[1]
    if (bh * sg, bw * sa) != (out_dim, in_dim):
        gp = g.new_zeros(bh * sg, bw * sa)
        gp[:out_dim, :in_dim] = g
    else:
        gp = g
    r = torch.einsum("hij,hjwk,hwkl->hiwl", ginv, gp.reshape(bh, sg, bw, sa), ainv)
    return r.reshape(bh * sg, bw * sa)[:out_dim, :in_dim]


def thor(net, learning_rate, damping, momentum, weight_decay=0.0, loss_scale=1.0, batch_size=32, use_nesterov=False,
         decay_filter=lambda x: x.name not in [], split_indices=None, enable_clip_grad=False, frequency=100):
    """The THOR optimizer for ``net``: converts ``net`` to THOR layers (``ConvertNetUtils``) and returns the
    GPU form of the optimizer (lightspore runs it on every device)."""
    from ...train.train_thor.convert_utils import ConvertNetUtils
    ConvertNetUtils().convert_to_thor_net(net)
    return ThorGpu(net, learning_rate, damping, momentum, weight_decay, loss_scale, batch_size, use_nesterov,
                   decay_filter, split_indices=split_indices, enable_clip_grad=enable_clip_grad, frequency=frequency)


class ThorGpu(Optimizer):
    """THOR with the reference's GPU formulas (see the module docstring); built by :func:`thor`."""

    def __init__(self, net, learning_rate, damping, momentum, weight_decay=0.0, loss_scale=1.0, batch_size=32,
                 use_nesterov=False, decay_filter=lambda x: x.name not in [], split_indices=None,
                 enable_clip_grad=False, frequency=100):
        params = [p for p in net.get_parameters() if p.requires_grad]
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        _check_param(momentum, frequency, learning_rate, type(self).__name__)
        self.momentum = Parameter(Tensor(momentum, mstype.float32), name="momentum")
        self.params = self._parameters
        if not isinstance(use_nesterov, bool):
            raise TypeError(f"For 'ThorGpu', the type of 'use_nesterov' must be bool, but got "
                            f"{type(use_nesterov).__name__}.")
        self.use_nesterov = use_nesterov
        self.moments = self.params.clone(prefix="moments", init="zeros")
        self.net = net
        net_params = list(net.get_parameters())
        self.matrix_a_cov = ParameterTuple([p for p in net_params if "matrix_a" in p.name])
        self.matrix_g_cov = ParameterTuple([p for p in net_params if "matrix_g" in p.name])
        self.a_normalizer = ParameterTuple([p for p in net_params if "a_normalizer" in p.name])
        self.g_normalizer = ParameterTuple([p for p in net_params if "g_normalizer" in p.name])
        self.batch_size = Tensor(batch_size, mstype.float32)
        self.loss_scale = Tensor(1 / (loss_scale * loss_scale), mstype.float32)
        self.batch_size_scale = Tensor(batch_size * batch_size, mstype.float32)
        self.damping = damping
        self.cov_step = Parameter(Tensor(np.zeros([1], np.int32)), name="cov_step", requires_grad=False)
        self.split_dim = 128
        logger.info(f"matrix_a_cov len is {len(self.matrix_a_cov)}")
        self.thor = True
        self.matrix_a_shape = ()
        self.thor_layer_count = 0
        self.conv_layer_count = 0
        self.weight_fim_idx_map = ()
        self.weight_conv_idx_map = ()
        self.weight_layertype_idx_map = ()
        inv_a, inv_g = self._process_matrix_init_and_weight_idx_map(net)
        self.matrix_a = ParameterTuple(inv_a)
        self.matrix_g = ParameterTuple(inv_g)
        self.weight_decay = weight_decay
        self.decay_flags = tuple(decay_filter(x) for x in self._parameters)
        self.enable_clip_grad = enable_clip_grad
        self.frequency = frequency
        self._define_gpu_reducer(split_indices)

    def get_frequency(self):
        """The update interval of A/G and their inverses."""
        return self.frequency

    def _define_gpu_reducer(self, split_indices):
        from ...context import ParallelMode, get_auto_parallel_context
        self.parallel_mode = get_auto_parallel_context("parallel_mode")
        self.is_distributed = self.parallel_mode != ParallelMode.STAND_ALONE
        if self.is_distributed:
            from ...parallel._utils import _get_device_num, _get_gradients_mean
            self._mean = _get_gradients_mean()
            self._degree = _get_device_num()
            self.split_indices = split_indices if split_indices else [len(self.matrix_a_cov) - 1]

    def _process_matrix_init_and_weight_idx_map(self, net):
        kinds = _layer_kinds(net, [])
        counter = 0
        inv_a, inv_g = [], []
        for idx, weight in enumerate(self.params):
            kind = kinds[counter]
            shape = weight.shape
            is_bias = "bias" in weight.name.lower()
            if kind in (Conv, FC) and not is_bias:
                a_dim = shape[1] * (shape[2] * shape[3] if kind == Conv else 1)
                a_shape, g_shape = caculate_matmul_shape(a_dim, shape[0], self.split_dim)
                inv_a.append(Parameter(Tensor(np.zeros(a_shape, np.float32)),
                                       name="matrix_a_inv_" + str(self.thor_layer_count), requires_grad=False))
                inv_g.append(Parameter(Tensor(np.zeros(g_shape, np.float32)),
                                       name="matrix_g_inv_" + str(self.thor_layer_count), requires_grad=False))
                self.matrix_a_shape += (a_shape,)
            elif kind == Embedding:
                inv_a.append(Parameter(Tensor(np.zeros([shape[0]], np.float32)),
                                       name="matrix_a_inv_" + str(self.thor_layer_count), requires_grad=False))
                inv_g.append(Parameter(Tensor(np.zeros([shape[1], shape[1]], np.float32)),
                                       name="matrix_g_inv_" + str(self.thor_layer_count), requires_grad=False))
                self.matrix_a_shape += ((shape[0],),)
            if kind in (Conv, FC, Embedding) and not is_bias:
                self.weight_fim_idx_map += (self.thor_layer_count,)
                self.thor_layer_count += 1
                self.weight_layertype_idx_map += (kind,)
                if kind == Conv:
                    self.weight_conv_idx_map += (self.conv_layer_count,)
                    self.conv_layer_count += 1
                else:
                    self.weight_conv_idx_map += (-1,)
            else:
                self.weight_conv_idx_map += (-1,)
                self.weight_fim_idx_map += (-1,)
                self.weight_layertype_idx_map += (LayerNorm if kind == LayerNorm else Other,)
            if "output_bias" not in weight.name.lower():
                counter = _next_layer(kind, counter, self.params, idx)
        return inv_a, inv_g

    # ---- the step ---------------------------------------------------------------------------
    def _damping_step(self):
        step = int(self.cov_step._t[0])
        d = self.damping._t.reshape(-1)
        return d[step].float() if 0 <= step < d.shape[0] else d.new_zeros((), dtype=torch.float32)

    def _inverses(self, damping):
        """The damped block inverses of every THOR layer's A and G, in layer order."""
        inv_scale = float(self.loss_scale._t) * float(self.batch_size_scale._t)
        batch = float(self.batch_size._t)
        out = []
        for i, kind in enumerate(self.weight_layertype_idx_map):
            t = self.weight_fim_idx_map[i]
            if kind not in (Conv, FC, Embedding):
                continue
            a = self.matrix_a_cov[t]._t.float()
            g = self.matrix_g_cov[t]._t.float()
            d_a = d_g = damping
            fmap = torch.ones((), dtype=torch.float32, device=a.device)
            if kind == Conv:
                c = self.weight_conv_idx_map[i]
                a_n = self.a_normalizer[c]._t.float().reshape(())
                g_n = self.g_normalizer[c]._t.float().reshape(())
                d_a, d_g = damping / a_n, damping / g_n
                fmap = torch.sqrt(1.0 / a_n)
            d_a, d_g = torch.sqrt(d_a), torch.sqrt(d_g)
            g = _add_diag(g * inv_scale, d_g)
            if kind == Embedding:
                a = 1.0 / (a / batch + d_a)
                linv = _chol_inv_factor(g)
                g = linv @ linv
            else:
                a = _block_inverse(_add_diag(a, d_a), self.split_dim)
                a = a.expand(self.matrix_a_shape[t])
                g = _block_inverse(g, self.split_dim)
            out.append((a * fmap, g * fmap))
        if self.is_distributed:
            out = self._all_reduce(out)
        return out

    def _all_reduce(self, mats):
        import torch.distributed as dist
        res = []
        for a, g in mats:
            a, g = a.contiguous(), g.contiguous()
            dist.all_reduce(a)
            dist.all_reduce(g)
            if self._mean:
                a, g = a / self._degree, g / self._degree
            res.append((a, g))
        return res

    def _precondition(self, gs, damping):
        """The THOR gradients (torch tensors)."""
        if self.thor:
            fresh = iter(self._inverses(damping))
        batch = float(self.batch_size._t)
        new = []
        for i, g in enumerate(gs):
            kind = self.weight_layertype_idx_map[i]
            t = self.weight_fim_idx_map[i]
            if kind in (Conv, FC, Embedding):
                if self.thor:
                    a, gm = next(fresh)
                    self.matrix_a[t]._t.copy_(a)
                    self.matrix_g[t]._t.copy_(gm)
                a, gm = self.matrix_a[t]._t, self.matrix_g[t]._t
                if kind == Embedding:
                    g = (a.unsqueeze(1) * g) @ gm
                else:
                    g = _apply_blocks(gm, g.reshape(g.shape[0], -1), a).reshape(g.shape)
            elif kind == LayerNorm:
                g = g / (g * g / batch + torch.sqrt(damping))
            new.append(g)
        return new

    def construct(self, gradients):
        with torch.no_grad():
            gs = self._torch_grads(gradients)
            if self.need_scale:
                gs = torch._foreach_mul(gs, self._recip)
            damping = self._damping_step().to(gs[0].device)
            gs = self._precondition(gs, damping)
            self.cov_step._t.add_(1)
            ps = [p._t for p in self._parameters]
            if self.weight_decay > 0:
                idx = [i for i, flag in enumerate(self.decay_flags) if flag]
                decayed = torch._foreach_add([gs[i] for i in idx], [ps[i] for i in idx], alpha=self.weight_decay)
                for i, t in zip(idx, decayed):
                    gs[i] = t
            if self.enable_clip_grad:
                gs = [g / torch.sqrt(torch.sum(g.float() * g.float())).clamp_min(1.0) for g in gs]
            lr = self._lr_values()[0]
            self._advance()
            mom = float(self.momentum._t)
            accs = [a._t for a in self.moments]
            torch._foreach_mul_(accs, mom)
            torch._foreach_add_(accs, gs)
            if self.use_nesterov:
                torch._foreach_add_(ps, gs, alpha=-lr)
                torch._foreach_add_(ps, accs, alpha=-lr * mom)
            else:
                torch._foreach_add_(ps, accs, alpha=-lr)
        return self._success

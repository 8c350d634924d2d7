"""Golden data for tests/test_loss.py: loss cells of ``mindspore.nn`` beyond the core cases of
core_cases.py (values, input gradients, result dtypes, and the error each bad call raises).

Run with the reference (real MindSpore 2.7.1):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_loss.py

It writes tests/golden/loss.json and tests/golden/loss.npz. The case tables below use only the public
API of the framework passed in as ``ms``; the test runs the very same tables on lightspore. Nothing
at module level imports mindspore or lightspore.
"""
import json
import sys
from collections import OrderedDict
from functools import partial
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent


def loss_arrays():
    rng = np.random.default_rng(5)
    a = OrderedDict()
    a['x'] = rng.standard_normal((3, 4)).astype(np.float32)
    a['y'] = rng.standard_normal((3, 4)).astype(np.float32)
    a['row'] = rng.standard_normal((4,)).astype(np.float32)
    a['y_f16'] = rng.standard_normal((3, 4)).astype(np.float16)
    a['xi'] = rng.integers(-5, 5, (3, 4)).astype(np.int32)
    a['yi'] = rng.integers(-5, 5, (3, 4)).astype(np.int32)
    a['xi64'] = rng.integers(-5, 5, (5,)).astype(np.int64)
    a['yi64'] = rng.integers(-5, 5, (5,)).astype(np.int64)
    a['prob'] = rng.uniform(0.05, 0.95, (3, 4)).astype(np.float32)
    a['bin'] = (rng.uniform(size=(3, 4)) > 0.5).astype(np.float32)
    a['soft'] = rng.uniform(0.0, 1.0, (3, 4)).astype(np.float32)
    a['pm1'] = np.where(rng.uniform(size=(3, 4)) > 0.5, 1.0, -1.0).astype(np.float32)
    a['pm1_0'] = np.array([[1, -1, 0, 1], [-1, 2, 1, -1], [0, 1, -1, -1]], np.float32)
    a['w4'] = np.array([0.5, 1.0, 2.0, 1.5], np.float32)
    a['edge_p'] = np.array([0.0, 1.0, 0.5, 1e-3], np.float32)
    a['edge_t'] = np.array([1.0, 0.0, 1.0, 0.0], np.float32)
    # classification
    a['logits'] = rng.standard_normal((4, 5)).astype(np.float32)
    a['idx'] = np.array([1, 0, 4, 2], np.int32)
    a['idx_oob'] = np.array([1, 9, 4, -1], np.int32)
    a['idx3'] = np.array([1, 0, 3], np.int32)
    a['idx64'] = a['idx'].astype(np.int64)
    a['idx_ign64'] = np.array([1, -100, 4, 2], np.int64)
    a['logits_f16'] = a['logits'].astype(np.float16)
    a['w5'] = np.array([0.5, 1.0, 2.0, 1.5, 0.25], np.float32)
    a['logits5'] = rng.standard_normal((5,)).astype(np.float32)
    a['idx0d'] = np.array(3, np.int32)
    a['logits_k'] = rng.standard_normal((2, 3, 4)).astype(np.float32)
    a['idx_k'] = np.array([[0, 2, 1, 1], [2, 2, 0, 1]], np.int32)
    a['idx_k64'] = np.array([[0, 2, 1, 1], [2, 2, 0, 1]], np.int64)
    pk = rng.uniform(0.1, 1.0, (2, 3, 4))
    a['prob_k'] = (pk / pk.sum(axis=1, keepdims=True)).astype(np.float32)
    a['w3'] = np.array([0.5, 2.0, 1.0], np.float32)
    a['logits_3d'] = rng.standard_normal((2, 3, 5)).astype(np.float32)
    a['idx_3d'] = np.array([[0, 4, 1], [2, 2, 3]], np.int32)
    a['idx_3d_ce'] = np.array([[0, 2, 1, 1, 0], [2, 2, 0, 1, 1]], np.int32)
    lp = rng.standard_normal((3, 4)).astype(np.float64)
    a['logprob'] = (lp - np.log(np.exp(lp).sum(axis=1, keepdims=True))).astype(np.float32)
    q = rng.uniform(0.1, 1.0, (3, 4))
    q[0, 1] = 0.0
    a['kl_target'] = (q / q.sum(axis=1, keepdims=True)).astype(np.float32)
    a['kl_target_neg'] = np.array([[0.5, -0.2, 0.0, 0.7], [0.1, 0.2, 0.3, 0.4], [1.0, 0.0, 0.0, 0.0]], np.float32)
    # focal
    a['f_logits'] = rng.standard_normal((3, 4)).astype(np.float32)
    a['f_idx'] = np.array([[1], [0], [3]], np.int32)
    a['f_idx64'] = np.array([[1], [0], [3]], np.int64)
    a['f_onehot'] = np.eye(4, dtype=np.float32)[[1, 0, 3]]
    a['f_logits4'] = rng.standard_normal((2, 3, 2, 2)).astype(np.float32)
    a['f_idx4'] = rng.integers(0, 3, (2, 1, 2, 2)).astype(np.int32)
    # cosine / triplet
    a['e1'] = rng.standard_normal((3, 5)).astype(np.float32)
    a['e2'] = rng.standard_normal((3, 5)).astype(np.float32)
    a['e3'] = rng.standard_normal((3, 5)).astype(np.float32)
    a['cos_lab'] = np.array([1, -1, 1], np.int32)
    a['cos_lab_odd'] = np.array([0, 2, -1], np.int32)
    a['cos_lab_f'] = np.array([1.0, -1.0, -1.0], np.float32)
    # multi margin
    a['mm_target'] = np.array([1, 0, 3], np.int64)
    # poisson / gaussian
    a['counts'] = rng.integers(0, 6, (3, 4)).astype(np.float32)
    a['var'] = rng.uniform(0.1, 2.0, (3, 4)).astype(np.float32)
    a['var31'] = rng.uniform(0.1, 2.0, (3, 1)).astype(np.float32)
    a['var3'] = rng.uniform(0.1, 2.0, (3,)).astype(np.float32)
    a['var_small'] = np.array([[1e-8, -1.0, 0.5, 2.0]] * 3, np.float32)
    # dice
    a['d_logits3'] = rng.standard_normal((2, 3, 4)).astype(np.float32)
    a['d_label3'] = (rng.uniform(size=(2, 3, 4)) > 0.5).astype(np.float32)
    a['w_cls41'] = np.array([[0.5], [1.0], [2.0], [1.5]], np.float32)
    # ctc
    t_len, n, c = 6, 2, 5
    raw = rng.standard_normal((t_len, n, c))
    a['ctc_lp'] = (raw - np.log(np.exp(raw).sum(axis=-1, keepdims=True))).astype(np.float32)
    a['ctc_tg'] = np.array([[1, 2, 2], [3, 1, 0]], np.int32)
    a['ctc_il'] = np.array([6, 5], np.int32)
    a['ctc_tl'] = np.array([3, 2], np.int32)
    a['ctc_lp2'] = a['ctc_lp'][:, 0, :].copy()
    a['ctc_tg1'] = np.array([1, 2, 2], np.int32)
    a['ctc_il1'] = np.array([6], np.int32)
    a['ctc_tl1'] = np.array([3], np.int32)
    a['ctc_il_short'] = np.array([2, 5], np.int32)
    return a


def _abs_sum_distance(a, b):
    return (a - b).abs().sum(axis=1)


# value cases: id -> (builder(ms, T) -> callable, inputs ('@key' -> Tensor), grad positions[, call kwargs])
VALUE_CASES = OrderedDict([
    # LossBase.get_loss
    ('getloss_mean', (lambda ms, T: ms.nn.LossBase().get_loss, ['@x'], (0,))),
    ('getloss_sum_weights', (lambda ms, T: ms.nn.LossBase('sum').get_loss, ['@x', '@w4'], (0,))),
    ('getloss_none_scalar_weight', (lambda ms, T: ms.nn.LossBase('none').get_loss, ['@x', 2.0], (0,))),
    ('getloss_int_mean', (lambda ms, T: ms.nn.LossBase().get_loss, ['@xi'], ())),
    ('getloss_f16_mean', (lambda ms, T: ms.nn.LossBase().get_loss, ['@y_f16'], ())),
    # core cells, variants beyond core_cases.py
    ('mse_bcast_none', (lambda ms, T: ms.nn.MSELoss(reduction='none'), ['@x', '@row'], (0, 1))),
    ('mse_int_mean', (lambda ms, T: ms.nn.MSELoss(), ['@xi', '@yi'], ())),
    ('mse_int64_sum', (lambda ms, T: ms.nn.MSELoss(reduction='sum'), ['@xi64', '@yi64'], ())),
    ('mse_mixed_dtype', (lambda ms, T: ms.nn.MSELoss(), ['@x', '@y_f16'], (0,))),
    ('l1_int_mean', (lambda ms, T: ms.nn.L1Loss(), ['@xi', '@yi'], ())),
    ('l1_bcast_sum', (lambda ms, T: ms.nn.L1Loss(reduction='sum'), ['@x', '@row'], (0, 1))),
    ('smoothl1_mixed_dtype', (lambda ms, T: ms.nn.SmoothL1Loss(), ['@x', '@y_f16'], (0,))),
    ('smoothl1_int_beta', (lambda ms, T: ms.nn.SmoothL1Loss(beta=2, reduction='sum'), ['@x', '@y'], (0, 1))),
    ('ce_1d', (lambda ms, T: ms.nn.CrossEntropyLoss(), ['@logits5', '@idx0d'], (0,))),
    ('ce_1d_prob', (lambda ms, T: ms.nn.CrossEntropyLoss(reduction='none'), ['@logits5', '@logits5'], (0,))),
    ('ce_kdim_weight_ignore_smooth', (lambda ms, T: ms.nn.CrossEntropyLoss(
        weight=T('w3'), ignore_index=1, label_smoothing=0.15), ['@logits_k', '@idx_k'], (0,))),
    ('ce_kdim_weight_sum', (lambda ms, T: ms.nn.CrossEntropyLoss(weight=T('w3'), reduction='sum'),
                            ['@logits_k', '@idx_k'], (0,))),
    ('ce_prob_kdim_weight_smooth', (lambda ms, T: ms.nn.CrossEntropyLoss(
        weight=T('w3'), label_smoothing=0.2), ['@logits_k', '@prob_k'], (0, 1))),
    ('ce_prob_kdim_none', (lambda ms, T: ms.nn.CrossEntropyLoss(reduction='none'),
                           ['@logits_k', '@prob_k'], (0, 1))),
    ('ce_3d_logits_none', (lambda ms, T: ms.nn.CrossEntropyLoss(reduction='none', ignore_index=2),
                           ['@logits_3d', '@idx_3d_ce'], (0,))),
    ('nll_kdim_none', (lambda ms, T: ms.nn.NLLLoss(reduction='none'), ['@logits_k', '@idx_k'], (0,))),
    ('nll_kdim_weight_mean_int64', (lambda ms, T: ms.nn.NLLLoss(weight=T('w3')), ['@logits_k', '@idx_k64'],
                                    (0,))),
    ('nll_1d_none', (lambda ms, T: ms.nn.NLLLoss(reduction='none'), ['@logits5', '@idx0d'], (0,))),
    ('nll_int_logits', (lambda ms, T: ms.nn.NLLLoss(), ['@xi', '@idx3'], ())),
    ('sce_sparse_3d_mean', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean'),
                            ['@logits_3d', '@idx_3d'], (0,))),
    ('sce_sparse_oob_none', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True),
                             ['@logits', '@idx_oob'], (0,))),
    ('sce_dense_label_grad', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(reduction='mean'),
                              ['@x', '@prob'], (0, 1))),
    ('bcel_mixed_dtype', (lambda ms, T: ms.nn.BCEWithLogitsLoss(), ['@x', '@y_f16'], ())),
    ('bcel_weight_f16', (lambda ms, T: ms.nn.BCEWithLogitsLoss(weight=T('y_f16'), reduction='none'),
                         ['@x', '@soft'], (0, 1))),
    # extra cells
    ('bce_mean', (lambda ms, T: ms.nn.BCELoss(), ['@prob', '@bin'], (0, 1))),
    # a weight of the input's shape: the reference's CPU kernel reads a smaller weight past its end
    ('bce_weight_none', (lambda ms, T: ms.nn.BCELoss(weight=T('var'), reduction='none'), ['@prob', '@soft'], (0, 1))),
    ('bce_sum', (lambda ms, T: ms.nn.BCELoss(reduction='sum'), ['@prob', '@soft'], (0, 1))),
    ('bce_edges', (lambda ms, T: ms.nn.BCELoss(reduction='none'), ['@edge_p', '@edge_t'], (0,))),
    ('kl_mean', (lambda ms, T: ms.nn.KLDivLoss(), ['@logprob', '@kl_target'], (0, 1))),
    ('kl_batchmean', (lambda ms, T: ms.nn.KLDivLoss('batchmean'), ['@logprob', '@kl_target'], (0,))),
    ('kl_sum', (lambda ms, T: ms.nn.KLDivLoss('sum'), ['@logprob', '@kl_target'], (0,))),
    ('kl_none_nonpositive', (lambda ms, T: ms.nn.KLDivLoss('none'), ['@logprob', '@kl_target_neg'], (0, 1))),
    ('huber_mean', (lambda ms, T: ms.nn.HuberLoss(), ['@x', '@y'], (0, 1))),
    ('huber_delta_none', (lambda ms, T: ms.nn.HuberLoss(reduction='none', delta=0.5), ['@x', '@y'], (0, 1))),
    ('huber_bcast_sum', (lambda ms, T: ms.nn.HuberLoss(reduction='sum', delta=2), ['@x', '@row'], (0, 1))),
    ('huber_int', (lambda ms, T: ms.nn.HuberLoss(), ['@xi', '@yi'], ())),
    ('softmargin_mean', (lambda ms, T: ms.nn.SoftMarginLoss(), ['@x', '@pm1'], (0,))),
    ('softmargin_none', (lambda ms, T: ms.nn.SoftMarginLoss(reduction='none'), ['@x', '@pm1'], (0,))),
    ('cos_mean', (lambda ms, T: ms.nn.CosineEmbeddingLoss(), ['@e1', '@e2', '@cos_lab'], (0, 1))),
    ('cos_margin_none', (lambda ms, T: ms.nn.CosineEmbeddingLoss(margin=-0.3, reduction='none'),
                         ['@e1', '@e2', '@cos_lab'], (0, 1))),
    ('cos_odd_labels_sum', (lambda ms, T: ms.nn.CosineEmbeddingLoss(margin=0.2, reduction='sum'),
                            ['@e1', '@e3', '@cos_lab_odd'], (0, 1))),
    ('cos_float_labels', (lambda ms, T: ms.nn.CosineEmbeddingLoss(), ['@e1', '@e3', '@cos_lab_f'], (0,))),
    ('dice', (lambda ms, T: ms.nn.DiceLoss(), ['@prob', '@bin'], (0, 1))),
    ('dice_smooth', (lambda ms, T: ms.nn.DiceLoss(smooth=0.5), ['@x', '@soft'], (0, 1))),
    ('dice_int', (lambda ms, T: ms.nn.DiceLoss(), ['@xi', '@yi'], ())),
    ('mcdice_default', (lambda ms, T: ms.nn.MultiClassDiceLoss(), ['@x', '@bin'], (0, 1))),
    ('mcdice_weights_ignore', (lambda ms, T: ms.nn.MultiClassDiceLoss(weights=T('w_cls41'), ignore_indiex=2),
                               ['@x', '@bin'], (0,))),
    ('mcdice_sigmoid', (lambda ms, T: ms.nn.MultiClassDiceLoss(activation='sigmoid'), ['@x', '@bin'], (0,))),
    ('mcdice_no_activation', (lambda ms, T: ms.nn.MultiClassDiceLoss(activation=None), ['@prob', '@bin'], (0,))),
    ('mcdice_logsoftmax_3d', (lambda ms, T: ms.nn.MultiClassDiceLoss(activation='logsoftmax'),
                              ['@d_logits3', '@d_label3'], (0,))),
    ('mcdice_cell_activation', (lambda ms, T: ms.nn.MultiClassDiceLoss(activation=ms.nn.Tanh()),
                                ['@x', '@bin'], (0,))),
    ('focal_idx', (lambda ms, T: ms.nn.FocalLoss(), ['@f_logits', '@f_idx'], (0,))),
    ('focal_idx64_none', (lambda ms, T: ms.nn.FocalLoss(reduction='none', gamma=0.5), ['@f_logits', '@f_idx64'],
                          (0,))),
    ('focal_onehot', (lambda ms, T: ms.nn.FocalLoss(), ['@f_logits', '@f_onehot'], (0, 1))),
    ('focal_weight_idx_sum', (lambda ms, T: ms.nn.FocalLoss(weight=T('w4'), reduction='sum'),
                              ['@f_logits', '@f_idx'], (0,))),
    ('focal_weight_onehot_none', (lambda ms, T: ms.nn.FocalLoss(weight=T('w4'), reduction='none'),
                                  ['@f_logits', '@f_onehot'], (0,))),
    ('focal_4d_none', (lambda ms, T: ms.nn.FocalLoss(reduction='none'), ['@f_logits4', '@f_idx4'], (0,))),
    ('mae_mean', (lambda ms, T: ms.nn.MAELoss(), ['@x', '@y'], (0, 1))),
    ('mae_none', (lambda ms, T: ms.nn.MAELoss(reduction='none'), ['@x', '@row'], (0, 1))),
    ('mae_int_sum', (lambda ms, T: ms.nn.MAELoss(reduction='sum'), ['@xi', '@yi'], ())),
    ('rmse', (lambda ms, T: ms.nn.RMSELoss(), ['@x', '@y'], (0, 1))),
    ('rmse_int', (lambda ms, T: ms.nn.RMSELoss(), ['@xi', '@yi'], ())),
    ('mm_default', (lambda ms, T: ms.nn.MultiMarginLoss(), ['@f_logits', '@mm_target'], (0,))),
    ('mm_p2_weight', (lambda ms, T: ms.nn.MultiMarginLoss(p=2, margin=0.5, weight=T('w4')),
                      ['@f_logits', '@mm_target'], (0,))),
    ('mm_call_weight_none', (lambda ms, T: ms.nn.MultiMarginLoss(reduction='none'),
                             ['@f_logits', '@mm_target', '@w4'], (0,))),
    ('mm_sum', (lambda ms, T: ms.nn.MultiMarginLoss(margin=2.0, reduction='sum'), ['@x', '@mm_target'], (0,))),
    ('mlsm_mean', (lambda ms, T: ms.nn.MultiLabelSoftMarginLoss(), ['@x', '@bin'], (0, 1))),
    ('mlsm_weight_none', (lambda ms, T: ms.nn.MultiLabelSoftMarginLoss(weight=T('w4'), reduction='none'),
                          ['@x', '@soft'], (0, 1))),
    ('mlsm_bcast_sum', (lambda ms, T: ms.nn.MultiLabelSoftMarginLoss(reduction='sum'), ['@x', '@row'], (0, 1))),
    ('mlsm_3d_none', (lambda ms, T: ms.nn.MultiLabelSoftMarginLoss(reduction='none'),
                      ['@d_logits3', '@d_label3'], (0,))),
    ('poisson_mean', (lambda ms, T: ms.nn.PoissonNLLLoss(), ['@x', '@counts'], (0, 1))),
    ('poisson_full_sum', (lambda ms, T: ms.nn.PoissonNLLLoss(full=True, reduction='sum'), ['@x', '@counts'],
                          (0,))),
    ('poisson_prob_full_none', (lambda ms, T: ms.nn.PoissonNLLLoss(log_input=False, full=True, reduction='none'),
                                ['@prob', '@counts'], (0,))),
    ('gauss_mean', (lambda ms, T: ms.nn.GaussianNLLLoss(), ['@x', '@y', '@var'], (0, 1, 2))),
    ('gauss_full_sum', (lambda ms, T: ms.nn.GaussianNLLLoss(full=True, reduction='sum'), ['@x', '@y', '@var'],
                        (0, 2))),
    ('gauss_var31_none', (lambda ms, T: ms.nn.GaussianNLLLoss(reduction='none'), ['@x', '@y', '@var31'],
                          (0, 2))),
    ('gauss_var3_none', (lambda ms, T: ms.nn.GaussianNLLLoss(reduction='none'), ['@x', '@y', '@var3'], (0, 2))),
    ('gauss_clamped_var', (lambda ms, T: ms.nn.GaussianNLLLoss(eps=1e-3, reduction='none'),
                           ['@x', '@y', '@var_small'], (0,))),
    ('tmwd_default', (lambda ms, T: ms.nn.TripletMarginWithDistanceLoss(), ['@e1', '@e2', '@e3'], (0, 1, 2))),
    ('tmwd_swap_none', (lambda ms, T: ms.nn.TripletMarginWithDistanceLoss(swap=True, margin=0.5, reduction='none'),
                        ['@e1', '@e2', '@e3'], (0, 1, 2))),
    ('tmwd_custom_distance', (lambda ms, T: ms.nn.TripletMarginWithDistanceLoss(
        distance_function=_abs_sum_distance, margin=2.0, reduction='sum'), ['@e1', '@e2', '@e3'], (0, 1))),
    ('mr_mean', (lambda ms, T: ms.nn.MarginRankingLoss(), ['@x', '@y', '@pm1'], (0, 1))),
    ('mr_margin_none', (lambda ms, T: ms.nn.MarginRankingLoss(margin=0.5, reduction='none'), ['@x', '@y', '@pm1'],
                        (0, 1))),
    ('mr_sum', (lambda ms, T: ms.nn.MarginRankingLoss(margin=-0.2, reduction='sum'), ['@x', '@y', '@pm1_0'],
                (0, 1))),
    ('hinge_mean', (lambda ms, T: ms.nn.HingeEmbeddingLoss(), ['@x', '@pm1'], (0,))),
    ('hinge_margin_none', (lambda ms, T: ms.nn.HingeEmbeddingLoss(margin=2, reduction='none'), ['@x', '@pm1_0'],
                           (0,))),
    ('hinge_sum', (lambda ms, T: ms.nn.HingeEmbeddingLoss(margin=0.3, reduction='sum'), ['@x', '@pm1'], (0,))),
    ('ctc_mean', (lambda ms, T: ms.nn.CTCLoss(), ['@ctc_lp', '@ctc_tg', '@ctc_il', '@ctc_tl'], (0,))),
    ('ctc_none', (lambda ms, T: ms.nn.CTCLoss(reduction='none'), ['@ctc_lp', '@ctc_tg', '@ctc_il', '@ctc_tl'],
                  (0,))),
    ('ctc_sum_blank4', (lambda ms, T: ms.nn.CTCLoss(blank=4, reduction='sum'),
                        ['@ctc_lp', '@ctc_tg', '@ctc_il', '@ctc_tl'], (0,))),
    ('ctc_unbatched', (lambda ms, T: ms.nn.CTCLoss(), ['@ctc_lp2', '@ctc_tg1', '@ctc_il1', '@ctc_tl1'], (0,))),
    ('ctc_unbatched_none', (lambda ms, T: ms.nn.CTCLoss(reduction='none'),
                            ['@ctc_lp2', '@ctc_tg1', '@ctc_il1', '@ctc_tl1'], (0,))),
    # float16
    ('ce_f16', (lambda ms, T: ms.nn.CrossEntropyLoss(), ['@logits_f16', '@idx'], (0,))),
    ('sce_sparse_f16_mean', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean'),
                             ['@logits_f16', '@idx'], (0,))),
    ('mse_f16_sum', (lambda ms, T: ms.nn.MSELoss(reduction='sum'), ['@y_f16', '@y_f16'], ())),
    # the functional forms in ops
    ('fn_cross_entropy_int64_smooth_weight', (lambda ms, T: partial(
        ms.ops.cross_entropy, weight=T('w5'), label_smoothing=0.2), ['@logits', '@idx_ign64'], (0,))),
    ('fn_cross_entropy_prob_none', (lambda ms, T: partial(ms.ops.cross_entropy, reduction='none'),
                                    ['@logits_k', '@prob_k'], (0, 1))),
    ('fn_nll_loss_smooth_sum', (lambda ms, T: partial(ms.ops.nll_loss, weight=T('w5'), reduction='sum',
                                                      label_smoothing=0.3), ['@logits', '@idx64'], (0,))),
    ('fn_nll_loss_kdim_smooth', (lambda ms, T: partial(ms.ops.nll_loss, label_smoothing=0.1),
                                 ['@logits_k', '@idx_k'], (0,))),
    ('fn_mse_loss_int_none', (lambda ms, T: partial(ms.ops.mse_loss, reduction='none'), ['@xi', '@yi'], ())),
    ('fn_mse_loss_bcast', (lambda ms, T: ms.ops.mse_loss, ['@x', '@row'], (0, 1))),
    ('fn_l1_loss_int', (lambda ms, T: ms.ops.l1_loss, ['@xi', '@yi'], ())),
    ('fn_smooth_l1_loss_mean', (lambda ms, T: partial(ms.ops.smooth_l1_loss, beta=0.5, reduction='mean'),
                                ['@x', '@y'], (0, 1))),
    ('fn_kl_div_none', (lambda ms, T: partial(ms.ops.kl_div, reduction='none'), ['@logprob', '@kl_target_neg'],
                        (0, 1))),
    ('fn_kl_div_mean', (lambda ms, T: ms.ops.kl_div, ['@logprob', '@kl_target'], (0,))),
    ('fn_kl_div_batchmean', (lambda ms, T: partial(ms.ops.kl_div, reduction='batchmean'),
                             ['@logprob', '@kl_target'], (0,))),
    ('fn_binary_cross_entropy_edges', (lambda ms, T: partial(ms.ops.binary_cross_entropy, reduction='none'),
                                       ['@edge_p', '@edge_t'], (0,))),
    ('fn_binary_cross_entropy_weight', (lambda ms, T: partial(ms.ops.binary_cross_entropy, weight=T('var')),
                                        ['@prob', '@soft'], (0, 1))),
    ('fn_bce_with_logits_weights_none', (lambda ms, T: partial(
        ms.ops.binary_cross_entropy_with_logits, weight=T('prob'), pos_weight=T('w4'), reduction='none'),
        ['@x', '@soft'], (0, 1))),
])

# SoftMarginLoss has no CPU kernel in the reference ("The kernel SoftMarginLoss unregistered"): its
# golden values are its documented formula, log(1 + exp(-y x)), evaluated with the reference's ops.
FORMULA = {
    'softmargin_mean': lambda ms, x, y: ms.ops.log(1 + ms.ops.exp(-y * x)).mean(),
    'softmargin_none': lambda ms, x, y: ms.ops.log(1 + ms.ops.exp(-y * x)),
}


def _tensor_resolver(ms, arrays):
    def T(key):
        return ms.Tensor(np.array(arrays[key]))
    return T


def build_value_case(ms, case_id, arrays):
    spec = VALUE_CASES[case_id]
    builder, inputs, positions = spec[:3]
    T = _tensor_resolver(ms, arrays)
    fn = builder(ms, T)
    args = [T(v[1:]) if isinstance(v, str) and v.startswith('@') else v for v in inputs]
    return fn, args, positions


def run_value_case(ms, case_id, arrays, fn=None):
    """(value Tensor, {position: grad ndarray}); gradients of fn(...).sum() by ms.grad."""
    built, args, positions = build_value_case(ms, case_id, arrays)
    fn = fn or built
    value = fn(*args)
    grads = {}
    if positions:
        def total(*a):
            return fn(*a).sum()
        if len(positions) == 1:
            grads[positions[0]] = ms.grad(total, grad_position=positions[0])(*args).asnumpy()
        else:
            gs = ms.grad(total, grad_position=positions)(*args)
            grads = {p: g.asnumpy() for p, g in zip(positions, gs)}
    return value, grads


# error cases: id -> (action(ms, T), keywords that must appear in the message (case-insensitive)).
# A case the reference accepts records its result (shape, dtype) instead; lightspore must match it.
def _call(cell, *args, **kw):
    return cell(*args, **kw)


ERROR_CASES = OrderedDict([
    ('lossbase_bad_reduction', (lambda ms, T: ms.nn.LossBase('x'), ['lossbase', 'reduction', 'x'])),
    ('lossbase_construct', (lambda ms, T: ms.nn.LossBase()(T('x'), T('y')), [])),
    ('ce_ignore_index_float', (lambda ms, T: ms.nn.CrossEntropyLoss(ignore_index=1.0), ['ignore_index', 'int'])),
    ('ce_smoothing_int', (lambda ms, T: ms.nn.CrossEntropyLoss(label_smoothing=0), ['label_smoothing', 'float'])),
    ('ce_smoothing_range', (lambda ms, T: ms.nn.CrossEntropyLoss(label_smoothing=1.5), ['label_smoothing', '1.5'])),
    ('ce_weight_numpy', (lambda ms, T: ms.nn.CrossEntropyLoss(weight=np.ones(5, np.float32)), ['weight', 'tensor'])),
    ('ce_weight_int', (lambda ms, T: ms.nn.CrossEntropyLoss(weight=ms.Tensor(np.ones(5, np.int32))),
                       ['weight', 'int32'])),
    ('ce_reduction_none_obj', (lambda ms, T: ms.nn.CrossEntropyLoss(reduction=None), ['reduction', 'none'])),
    ('ce_labels_int64', (lambda ms, T: ms.nn.CrossEntropyLoss()(T('logits'), T('idx').astype(ms.int64)),
                         ['labels', 'int32', 'int64'])),
    ('ce_labels_f64', (lambda ms, T: ms.nn.CrossEntropyLoss()(T('x'), T('prob').astype(ms.float64)),
                       ['labels', 'float64'])),
    ('ce_logits_int', (lambda ms, T: ms.nn.CrossEntropyLoss()(T('xi'), T('f_idx').squeeze(1)), ['logits', 'int32'])),
    ('ce_prob_shape', (lambda ms, T: ms.nn.CrossEntropyLoss()(T('logits'), T('x')), ['shape', '(4, 5)', '(3, 4)'])),
    ('ce_idx_shape', (lambda ms, T: ms.nn.CrossEntropyLoss()(T('logits'), T('mm_target').astype(ms.int32)),
                      ['shape', '(4, 5)', '(3,)'])),
    ('ce_rank', (lambda ms, T: ms.nn.CrossEntropyLoss()(T('logits'), ms.Tensor(np.zeros((4, 5, 2), np.int32))),
                 ['rank'])),
    ('ce_logits_numpy', (lambda ms, T: ms.nn.CrossEntropyLoss()(np.ones((4, 5), np.float32), T('idx')),
                         ['logits'])),
    ('ce_label_out_of_range', (lambda ms, T: ms.nn.CrossEntropyLoss()(T('logits'), ms.Tensor(
        np.array([1, 0, 7, 2], np.int32))), [])),
    ('ce_prob_mixed_dtype', (lambda ms, T: ms.nn.CrossEntropyLoss()(T('x'), T('prob').astype(ms.float16)), [])),
    ('sce_sparse_not_bool', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=1), ['sparse', 'bool'])),
    ('sce_bad_reduction', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(reduction='foo'),
                           ['reduction', 'foo'])),
    ('sce_sparse_float_labels_mean', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(
        sparse=True, reduction='mean')(T('logits'), T('idx').astype(ms.float32)), ['labels'])),
    ('sce_sparse_float_labels_none', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True)(
        T('logits'), T('idx').astype(ms.float32)), [])),
    ('sce_sparse_int16_labels', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')(
        T('logits'), T('idx').astype(ms.int16)), [])),
    ('sce_sparse_int64_labels', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')(
        T('logits'), T('idx').astype(ms.int64)), [])),
    ('sce_sparse_shape_mean', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')(
        T('logits'), T('mm_target').astype(ms.int32)), [])),
    ('sce_sparse_shape_none', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True)(
        T('logits'), T('mm_target').astype(ms.int32)), ['shape'])),
    ('sce_sparse_oob_mean', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')(
        T('logits'), T('idx_oob')), [])),
    ('sce_sparse_f16_none', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True)(
        T('logits').astype(ms.float16), T('idx')), [])),
    ('sce_sparse_f16_mean', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction='mean')(
        T('logits').astype(ms.float16), T('idx')), [])),
    ('sce_dense_shape', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits()(T('logits'), T('x')), ['shape'])),
    ('sce_dense_int_labels', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits()(T('x'), T('xi')), [])),
    ('sce_dense_3d', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits()(T('logits_k'), T('prob_k')),
                      ['dimension', '2', '3'])),
    ('sce_dense_f64', (lambda ms, T: ms.nn.SoftmaxCrossEntropyWithLogits()(
        T('x').astype(ms.float64), T('prob').astype(ms.float64)), [])),
    ('nll_labels_int16', (lambda ms, T: ms.nn.NLLLoss()(T('logprob'), T('f_idx').squeeze(1).astype(ms.int16)), [])),
    ('nll_labels_float', (lambda ms, T: ms.nn.NLLLoss()(T('logprob'), T('f_idx').squeeze(1).astype(ms.float32)),
                          [])),
    ('nll_shape', (lambda ms, T: ms.nn.NLLLoss()(T('logprob'), T('idx')), [])),
    ('nll_weight_int', (lambda ms, T: ms.nn.NLLLoss(weight=ms.Tensor(np.ones(4, np.int32))), ['weight', 'int32'])),
    ('nll_ignore_index_float', (lambda ms, T: ms.nn.NLLLoss(ignore_index=1.5), ['ignore_index', 'int'])),
    ('nll_bad_reduction', (lambda ms, T: ms.nn.NLLLoss(reduction='batchmean'), ['reduction', 'batchmean'])),
    ('nll_label_out_of_range', (lambda ms, T: ms.nn.NLLLoss()(T('logits'), ms.Tensor(
        np.array([1, 0, 9, 2], np.int32))), [])),
    ('nll_f64', (lambda ms, T: ms.nn.NLLLoss()(T('logprob').astype(ms.float64), T('f_idx').squeeze(1)), [])),
    ('mse_numpy_logits', (lambda ms, T: ms.nn.MSELoss()(np.ones((3, 4), np.float32), T('y')), ['mseloss', 'logits'])),
    ('mse_float_labels', (lambda ms, T: ms.nn.MSELoss()(T('x'), 1.0), ['mseloss', 'labels'])),
    ('mse_bool', (lambda ms, T: ms.nn.MSELoss()(T('bin').astype(ms.bool_), T('bin').astype(ms.bool_)), [])),
    ('mse_f16', (lambda ms, T: ms.nn.MSELoss()(T('y_f16'), T('y_f16')), [])),
    ('l1_shape', (lambda ms, T: ms.nn.L1Loss()(T('x'), T('logits5')), ['broadcast'])),
    ('l1_bad_reduction', (lambda ms, T: ms.nn.L1Loss(reduction='foo'), ['l1loss', 'reduction', 'foo'])),
    ('l1_numpy', (lambda ms, T: ms.nn.L1Loss()(np.ones((3, 4), np.float32), T('y')), [])),
    ('l1_uint8', (lambda ms, T: ms.nn.L1Loss()(ms.Tensor(np.array([1, 2], np.uint8)),
                                               ms.Tensor(np.array([3, 0], np.uint8))), [])),
    ('bcel_shape', (lambda ms, T: ms.nn.BCEWithLogitsLoss()(T('x'), T('logits5')), ['shape'])),
    ('bcel_broadcast_target', (lambda ms, T: ms.nn.BCEWithLogitsLoss(reduction='none')(T('x'), T('row')),
                               ['shape'])),
    ('bcel_int_target', (lambda ms, T: ms.nn.BCEWithLogitsLoss()(T('x'), T('xi')), ['target'])),
    ('bcel_f64', (lambda ms, T: ms.nn.BCEWithLogitsLoss()(T('x').astype(ms.float64), T('y').astype(ms.float64)),
                  ['input'])),
    ('bcel_weight_parameter', (lambda ms, T: ms.nn.BCEWithLogitsLoss(weight=ms.Parameter(T('w4'), name='w')),
                               ['weight', 'parameter'])),
    ('bcel_pos_weight_parameter', (lambda ms, T: ms.nn.BCEWithLogitsLoss(
        pos_weight=ms.Parameter(T('w4'), name='pw')), ['pos_weight', 'parameter'])),
    ('bcel_weight_bad_shape', (lambda ms, T: ms.nn.BCEWithLogitsLoss(weight=T('logits5'))(T('x'), T('y')),
                               ['weight', 'broadcast'])),
    ('bcel_pos_weight_bad_shape', (lambda ms, T: ms.nn.BCEWithLogitsLoss(pos_weight=T('logits5'))(T('x'), T('y')),
                                   ['pos_weight', 'broadcast'])),
    ('bcel_weight_int', (lambda ms, T: ms.nn.BCEWithLogitsLoss(weight=ms.Tensor(np.ones(4, np.int32)))(
        T('x'), T('y')), ['weight'])),
    ('bcel_bad_reduction_init', (lambda ms, T: ms.nn.BCEWithLogitsLoss(reduction='foo') and None, [])),
    ('bcel_bad_reduction_call', (lambda ms, T: ms.nn.BCEWithLogitsLoss(reduction='foo')(T('x'), T('y')),
                                 ['reduction', 'foo'])),
    ('bcel_numpy_input', (lambda ms, T: ms.nn.BCEWithLogitsLoss()(np.ones((3, 4), np.float32), T('y')), ['input'])),
    ('bcel_mixed_f16_input', (lambda ms, T: ms.nn.BCEWithLogitsLoss()(T('x').astype(ms.float16), T('y')), [])),
    ('sl1_beta_zero_init', (lambda ms, T: ms.nn.SmoothL1Loss(beta=0.0) and None, [])),
    ('sl1_beta_zero_call', (lambda ms, T: ms.nn.SmoothL1Loss(beta=0.0)(T('x'), T('y')), ['beta'])),
    ('sl1_beta_negative_call', (lambda ms, T: ms.nn.SmoothL1Loss(beta=-1.0)(T('x'), T('y')), ['beta'])),
    ('sl1_beta_str', (lambda ms, T: ms.nn.SmoothL1Loss(beta='a'), ['beta'])),
    ('sl1_shape', (lambda ms, T: ms.nn.SmoothL1Loss()(T('x'), T('row')), [])),
    ('sl1_int', (lambda ms, T: ms.nn.SmoothL1Loss()(T('xi'), T('yi')), [])),
    ('sl1_bad_reduction', (lambda ms, T: ms.nn.SmoothL1Loss(reduction='foo'), ['smoothl1loss', 'reduction'])),
    ('bce_mixed_dtype', (lambda ms, T: ms.nn.BCELoss()(T('prob'), T('y_f16')), [])),
    ('bce_int_labels', (lambda ms, T: ms.nn.BCELoss()(T('prob'), T('xi')), [])),
    ('bce_f64', (lambda ms, T: ms.nn.BCELoss()(T('prob').astype(ms.float64), T('bin').astype(ms.float64)), [])),
    ('bce_shape', (lambda ms, T: ms.nn.BCELoss()(T('prob'), T('row')), [])),
    ('bce_out_of_range', (lambda ms, T: ms.nn.BCELoss()(T('prob') * 2, T('bin')), [])),
    ('bce_bad_reduction', (lambda ms, T: ms.nn.BCELoss(reduction='x'), ['bceloss', 'reduction'])),
    ('kl_bad_reduction_init', (lambda ms, T: ms.nn.KLDivLoss('x') and None, [])),
    ('kl_bad_reduction_call', (lambda ms, T: ms.nn.KLDivLoss('x')(T('logprob'), T('kl_target')),
                               ['reduction', 'batchmean'])),
    ('kl_shape', (lambda ms, T: ms.nn.KLDivLoss()(T('x'), T('row')), [])),
    ('kl_int_labels', (lambda ms, T: ms.nn.KLDivLoss()(T('x'), T('xi')), [])),
    ('kl_f64', (lambda ms, T: ms.nn.KLDivLoss()(T('x').astype(ms.float64), T('prob').astype(ms.float64)), [])),
    ('huber_delta_zero_init', (lambda ms, T: ms.nn.HuberLoss(delta=0) and None, [])),
    ('huber_delta_zero_call', (lambda ms, T: ms.nn.HuberLoss(delta=0)(T('x'), T('y')), ['delta'])),
    ('huber_delta_str_call', (lambda ms, T: ms.nn.HuberLoss(delta='a')(T('x'), T('y')), ['delta'])),
    ('huber_bad_reduction', (lambda ms, T: ms.nn.HuberLoss(reduction='x'), ['huberloss', 'reduction'])),
    ('softmargin_bad_reduction_init', (lambda ms, T: ms.nn.SoftMarginLoss(reduction='x') and None, [])),
    ('softmargin_bad_reduction_call', (lambda ms, T: ms.nn.SoftMarginLoss(reduction='x')(T('x'), T('pm1')),
                                       ['reduction'])),
    ('softmargin_shape', (lambda ms, T: ms.nn.SoftMarginLoss()(T('x'), T('row')), [])),
    ('cos_margin_int', (lambda ms, T: ms.nn.CosineEmbeddingLoss(margin=0), ['margin', 'float', 'int'])),
    ('cos_margin_range', (lambda ms, T: ms.nn.CosineEmbeddingLoss(margin=2.0), ['margin', '2.0'])),
    ('cos_bad_reduction', (lambda ms, T: ms.nn.CosineEmbeddingLoss(reduction='x'), ['reduction'])),
    ('cos_shape', (lambda ms, T: ms.nn.CosineEmbeddingLoss()(T('e1'), T('x'), T('cos_lab')), ['shape'])),
    ('cos_dtype', (lambda ms, T: ms.nn.CosineEmbeddingLoss()(T('e1'), T('e2').astype(ms.float16), T('cos_lab')),
                   ['dtype'])),
    ('cos_1d', (lambda ms, T: ms.nn.CosineEmbeddingLoss()(T('row'), T('row'), T('idx0d')), [])),
    ('dice_smooth_int', (lambda ms, T: ms.nn.DiceLoss(smooth=1), ['smooth', 'float'])),
    ('dice_smooth_zero', (lambda ms, T: ms.nn.DiceLoss(smooth=0.0), ['smooth'])),
    ('dice_shape', (lambda ms, T: ms.nn.DiceLoss()(T('x'), T('row')), ['shape'])),
    ('dice_uint8', (lambda ms, T: ms.nn.DiceLoss()(T('bin').astype(ms.uint8), T('bin')), ['uint8'])),
    ('dice_mixed_dtype', (lambda ms, T: ms.nn.DiceLoss()(T('x'), T('y_f16')), [])),
    ('mcdice_bad_activation', (lambda ms, T: ms.nn.MultiClassDiceLoss(activation='gelu'), ['activation', 'gelu'])),
    ('mcdice_activation_int', (lambda ms, T: ms.nn.MultiClassDiceLoss(activation=3), ['activation'])),
    ('mcdice_weights_1d', (lambda ms, T: ms.nn.MultiClassDiceLoss(weights=T('w4')), ['weights', '2'])),
    ('mcdice_weights_numpy', (lambda ms, T: ms.nn.MultiClassDiceLoss(weights=np.ones((4, 1), np.float32)),
                              ['weights'])),
    ('mcdice_weights_mismatch', (lambda ms, T: ms.nn.MultiClassDiceLoss(weights=ms.Tensor(
        np.ones((1, 4), np.float32)))(T('x'), T('bin')), ['weight'])),
    ('mcdice_ignore_str', (lambda ms, T: ms.nn.MultiClassDiceLoss(ignore_indiex='a'), ['ignore_indiex'])),
    ('mcdice_1d', (lambda ms, T: ms.nn.MultiClassDiceLoss()(T('row'), T('row')), ['dimension'])),
    ('mcdice_shape', (lambda ms, T: ms.nn.MultiClassDiceLoss()(T('x'), T('logits')), ['shape'])),
    ('focal_gamma_int', (lambda ms, T: ms.nn.FocalLoss(gamma=2), ['gamma', 'float'])),
    ('focal_weight_numpy', (lambda ms, T: ms.nn.FocalLoss(weight=np.ones(4)), ['weight', 'tensor'])),
    ('focal_weight_2d', (lambda ms, T: ms.nn.FocalLoss(weight=T('w_cls41')), ['weight', '1'])),
    ('focal_bad_reduction', (lambda ms, T: ms.nn.FocalLoss(reduction='x'), ['reduction'])),
    ('focal_1d', (lambda ms, T: ms.nn.FocalLoss()(T('row'), T('row')), ['logits', '[2, 4]'])),
    ('focal_one_channel', (lambda ms, T: ms.nn.FocalLoss()(T('f_idx').astype(ms.float32), T('f_idx')),
                           ['shape[1]'])),
    ('focal_channel_mismatch', (lambda ms, T: ms.nn.FocalLoss()(T('f_logits'), T('x')[:, :2]), ['labels'])),
    ('focal_ndim_mismatch', (lambda ms, T: ms.nn.FocalLoss()(T('f_logits4'), T('f_idx')), ['dimension'])),
    ('focal_labels_int8', (lambda ms, T: ms.nn.FocalLoss()(T('f_logits'), T('f_idx').astype(ms.int8)),
                           ['labels', 'int8'])),
    ('mm_p3', (lambda ms, T: ms.nn.MultiMarginLoss(p=3), ['p', '3'])),
    ('mm_margin_int', (lambda ms, T: ms.nn.MultiMarginLoss(margin=2), ['margin', 'float'])),
    ('mm_bad_reduction', (lambda ms, T: ms.nn.MultiMarginLoss(reduction='x'), ['reduction'])),
    ('mm_target_int32', (lambda ms, T: ms.nn.MultiMarginLoss()(T('f_logits'), T('mm_target').astype(ms.int32)),
                         ['target'])),
    ('mm_target_shape', (lambda ms, T: ms.nn.MultiMarginLoss()(T('f_logits'), T('xi64')), [])),
    ('mm_1d', (lambda ms, T: ms.nn.MultiMarginLoss()(T('row'), T('mm_target')[0]), [])),
    ('mlsm_bad_reduction', (lambda ms, T: ms.nn.MultiLabelSoftMarginLoss(reduction='x'), ['reduction'])),
    ('mlsm_shape', (lambda ms, T: ms.nn.MultiLabelSoftMarginLoss()(T('x'), T('logits')), ['broadcast'])),
    ('mlsm_int_target', (lambda ms, T: ms.nn.MultiLabelSoftMarginLoss()(T('x'), T('bin').astype(ms.int32)), [])),
    ('poisson_bad_reduction', (lambda ms, T: ms.nn.PoissonNLLLoss(reduction='x'), ['reduction'])),
    ('poisson_int_input', (lambda ms, T: ms.nn.PoissonNLLLoss()(T('xi'), T('counts')), [])),
    ('poisson_numpy_input', (lambda ms, T: ms.nn.PoissonNLLLoss()(np.ones((3, 4), np.float32), T('counts')),
                             ['input'])),
    ('poisson_int_target', (lambda ms, T: ms.nn.PoissonNLLLoss()(T('x'), T('counts').astype(ms.int32)), [])),
    ('gauss_eps_int', (lambda ms, T: ms.nn.GaussianNLLLoss(eps=1), ['eps', 'float'])),
    ('gauss_eps_zero', (lambda ms, T: ms.nn.GaussianNLLLoss(eps=0.0), ['eps'])),
    ('gauss_full_int', (lambda ms, T: ms.nn.GaussianNLLLoss(full=1), ['full', 'bool'])),
    ('gauss_bad_reduction', (lambda ms, T: ms.nn.GaussianNLLLoss(reduction='x'), ['reduction'])),
    ('gauss_positional', (lambda ms, T: ms.nn.GaussianNLLLoss(True), [])),
    ('gauss_var_float', (lambda ms, T: ms.nn.GaussianNLLLoss()(T('x'), T('y'), 1.0), ['var'])),
    ('tmwd_margin_int', (lambda ms, T: ms.nn.TripletMarginWithDistanceLoss(margin=1), ['margin', 'float'])),
    ('tmwd_swap_int', (lambda ms, T: ms.nn.TripletMarginWithDistanceLoss(swap=1), ['swap', 'bool'])),
    ('tmwd_bad_reduction', (lambda ms, T: ms.nn.TripletMarginWithDistanceLoss(reduction='x'), ['reduction'])),
    ('tmwd_0d', (lambda ms, T: ms.nn.TripletMarginWithDistanceLoss()(T('idx0d').astype(ms.float32),
                                                                     T('idx0d').astype(ms.float32),
                                                                     T('idx0d').astype(ms.float32)), ['ndim'])),
    ('mr_margin_int_init', (lambda ms, T: ms.nn.MarginRankingLoss(margin=1) and None, [])),
    ('mr_margin_int_call', (lambda ms, T: ms.nn.MarginRankingLoss(margin=1)(T('x'), T('y'), T('pm1')),
                            ['margin', 'float'])),
    ('mr_target_dtype', (lambda ms, T: ms.nn.MarginRankingLoss()(T('x'), T('y'), T('xi')), ['target', 'dtype'])),
    ('mr_input_dtype', (lambda ms, T: ms.nn.MarginRankingLoss()(T('x'), T('y_f16'), T('pm1')), ['input2', 'dtype'])),
    ('mr_bad_reduction', (lambda ms, T: ms.nn.MarginRankingLoss(reduction='x'), ['reduction'])),
    ('hinge_int_labels', (lambda ms, T: ms.nn.HingeEmbeddingLoss()(T('x'), T('xi')), ['second input', 'float'])),
    ('hinge_int_logits', (lambda ms, T: ms.nn.HingeEmbeddingLoss()(T('xi'), T('x')), ['first input', 'float'])),
    ('hinge_margin_str', (lambda ms, T: ms.nn.HingeEmbeddingLoss(margin='a'), ['margin'])),
    ('hinge_bad_reduction', (lambda ms, T: ms.nn.HingeEmbeddingLoss(reduction='x'), ['reduction'])),
    ('rmse_uint8', (lambda ms, T: ms.nn.RMSELoss()(ms.Tensor(np.array([1, 2], np.uint8)),
                                                   ms.Tensor(np.array([0, 0], np.uint8))), ['uint8'])),
    ('rmse_shape', (lambda ms, T: ms.nn.RMSELoss()(T('x'), T('logits5')), ['broadcast'])),
    ('mae_numpy', (lambda ms, T: ms.nn.MAELoss()(np.ones((3, 4), np.float32), T('y')), ['logits'])),
    ('mae_bad_reduction', (lambda ms, T: ms.nn.MAELoss('x'), ['reduction'])),
    ('ctc_bad_reduction_init', (lambda ms, T: ms.nn.CTCLoss(reduction='x') and None, [])),
    ('ctc_bad_reduction_call', (lambda ms, T: ms.nn.CTCLoss(reduction='x')(
        T('ctc_lp'), T('ctc_tg'), T('ctc_il'), T('ctc_tl')), ['reduction'])),
    ('ctc_blank_str', (lambda ms, T: ms.nn.CTCLoss(blank='a')(T('ctc_lp'), T('ctc_tg'), T('ctc_il'), T('ctc_tl')),
                       ['blank'])),
    ('ctc_float_targets', (lambda ms, T: ms.nn.CTCLoss()(T('ctc_lp'), T('ctc_tg').astype(ms.float32), T('ctc_il'),
                                                         T('ctc_tl')), ['targets'])),
    ('ctc_unbatched_2d_targets', (lambda ms, T: ms.nn.CTCLoss()(T('ctc_lp2'), T('ctc_tg'), T('ctc_il1'),
                                                                T('ctc_tl1')), ['targets'])),
    ('ctc_input_shorter_than_target', (lambda ms, T: ms.nn.CTCLoss(reduction='none')(
        T('ctc_lp'), T('ctc_tg'), T('ctc_il_short'), T('ctc_tl')), [])),
    ('ctc_int64', (lambda ms, T: ms.nn.CTCLoss()(T('ctc_lp'), T('ctc_tg').astype(ms.int64),
                                                 T('ctc_il').astype(ms.int64), T('ctc_tl').astype(ms.int64)), [])),
    ('ctc_f64', (lambda ms, T: ms.nn.CTCLoss()(T('ctc_lp').astype(ms.float64), T('ctc_tg'), T('ctc_il'),
                                               T('ctc_tl')), [])),
])


def summarize(ms, r):
    """json-able summary of a non-raising action's result."""
    if isinstance(r, ms.Tensor):
        r.asnumpy()
        return ['tensor', list(r.shape), str(r.dtype)]
    if r is None:
        return None
    return type(r).__name__


def run_error_case(ms, case_id, arrays):
    action = ERROR_CASES[case_id][0]
    return summarize(ms, action(ms, _tensor_resolver(ms, arrays)))


# --------------------------------------------------------------------------------------------
def _record_error_case(case_id):
    """Run one error case in a fresh reference process: the reference caches primitives across
    calls, and a failed call can change what a later call of the same primitive raises."""
    import mindspore as ms

    keywords = ERROR_CASES[case_id][1]
    try:
        result = run_error_case(ms, case_id, loss_arrays())
        return OrderedDict(raises=None, message=None, result=result), None
    except Exception as e:  # noqa: BLE001 - recording whatever the reference raises
        msg = str(e).strip().splitlines()[0] if str(e).strip() else ''
        missing = [k for k in keywords if k.lower() not in str(e).lower()]
        warn = f'{case_id}: keywords {missing} not in the reference message {msg!r}' if missing else None
        return OrderedDict(raises=type(e).__name__, message=msg, result=None), warn


def main():
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import mindspore as ms

    arrays = loss_arrays()
    out = OrderedDict(('in/' + k, v) for k, v in arrays.items())
    meta = OrderedDict(values=OrderedDict(), errors=OrderedDict())
    for case_id in VALUE_CASES:
        fn = None
        if case_id in FORMULA:
            formula = FORMULA[case_id]

            def fn(x, y, _f=formula):
                return _f(ms, x, y)
        value, grads = run_value_case(ms, case_id, arrays, fn)
        out['value/' + case_id] = value.asnumpy()
        for pos, g in grads.items():
            out[f'grad{pos}/{case_id}'] = g
        meta['values'][case_id] = OrderedDict(dtype=str(value.dtype), shape=list(value.shape),
                                              grad_positions=sorted(grads))
    ctx = multiprocessing.get_context('spawn')
    with ProcessPoolExecutor(max_workers=8, mp_context=ctx, max_tasks_per_child=1) as pool:
        records = list(pool.map(_record_error_case, list(ERROR_CASES)))
    for case_id, (rec, warn) in zip(ERROR_CASES, records):
        if warn:
            print('warning:', warn, file=sys.stderr)
        meta['errors'][case_id] = rec
    np.savez_compressed(HERE / 'loss.npz', **out)
    (HERE / 'loss.json').write_text(json.dumps(meta, indent=1) + '\n')
    print(f"wrote {len(VALUE_CASES)} value cases and {len(ERROR_CASES)} error cases")


if __name__ == '__main__':
    main()

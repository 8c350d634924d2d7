"""Inputs shared by tests/golden/gen_train.py (reference side) and tests/test_train.py."""
import numpy as np


def metric_cases():
    """(case name, metric class name, ctor kwargs, list of update input tuples, eval kwargs)."""
    r = np.random.default_rng(7)
    p1 = r.random((6, 3)).astype(np.float32)
    p2 = r.random((5, 3)).astype(np.float32)
    y1 = np.array([0, 2, 1, 1, 0, 2], np.int32)
    y2 = np.array([2, 2, 1, 0, 0], np.int32)
    oh1 = np.eye(3, dtype=np.float32)[y1]
    ml_p = (r.random((6, 4)) > 0.5).astype(np.float32)
    ml_y = (r.random((6, 4)) > 0.5).astype(np.float32)
    reg_p = r.standard_normal((6, 2)).astype(np.float32)
    reg_y = r.standard_normal((6, 2)).astype(np.float32)
    top_p = r.random((7, 6)).astype(np.float32)
    top_y = np.array([0, 5, 3, 2, 1, 4, 5], np.int32)
    bin_p = np.array([0.1, 0.8, 0.35, 0.6, 0.9, 0.2, 0.6, 0.45], np.float32)
    bin_y = np.array([0, 1, 0, 1, 1, 0, 0, 1], np.int32)
    dice_p = r.random((3, 4)).astype(np.float32)
    dice_y = (r.random((3, 4)) > 0.5).astype(np.float32)
    ppl_p = r.random((8, 5)).astype(np.float32)
    ppl_p = ppl_p / ppl_p.sum(-1, keepdims=True)
    ppl_y = np.array([0, 1, 4, 2, 3, 1, 1, 0], np.int32)
    cases = [
        ("acc_cls", "Accuracy", {}, [(p1, y1), (p2, y2)], {}),
        ("acc_onehot", "Accuracy", {}, [(p1, oh1)], {}),
        ("acc_multilabel", "Accuracy", {"eval_type": "multilabel"}, [(ml_p, ml_y)], {}),
        ("prec_cls", "Precision", {}, [(p1, y1), (p2, y2)], {}),
        ("prec_cls_avg", "Precision", {}, [(p1, y1), (p2, y2)], {"average": True}),
        ("prec_ml", "Precision", {"eval_type": "multilabel"}, [(ml_p, ml_y)], {}),
        ("prec_ml_avg", "Precision", {"eval_type": "multilabel"}, [(ml_p, ml_y)], {"average": True}),
        ("rec_cls", "Recall", {}, [(p1, y1), (p2, y2)], {}),
        ("rec_cls_avg", "Recall", {}, [(p1, y1)], {"average": True}),
        ("rec_ml_avg", "Recall", {"eval_type": "multilabel"}, [(ml_p, ml_y)], {"average": True}),
        ("f1", "F1", {}, [(p1, y1), (p2, y2)], {}),
        ("f1_avg", "F1", {}, [(p1, y1)], {"average": True}),
        ("fbeta", "Fbeta", {"beta": 0.5}, [(p1, oh1)], {}),
        ("mae", "MAE", {}, [(reg_p, reg_y), (reg_p[:3], reg_y[:3])], {}),
        ("mse", "MSE", {}, [(reg_p, reg_y)], {}),
        ("mse_reshape", "MSE", {}, [(reg_p[:, :1].reshape(-1), reg_y[:, :1])], {}),
        ("loss", "Loss", {}, [(np.array(1.5, np.float32),), (np.array([0.5, 1.0], np.float32),)], {}),
        ("top1", "Top1CategoricalAccuracy", {}, [(top_p, top_y)], {}),
        ("top5", "Top5CategoricalAccuracy", {}, [(top_p, top_y)], {}),
        ("topk2", "TopKCategoricalAccuracy", {"k": 2}, [(top_p, top_y), (top_p[:3], top_y[:3])], {}),
        ("cm", "ConfusionMatrix", {"num_classes": 3}, [(p1, y1), (p2, y2)], {}),
        ("cm_target", "ConfusionMatrix", {"num_classes": 3, "normalize": "target"}, [(p1, y1)], {}),
        ("cm_pred", "ConfusionMatrix", {"num_classes": 3, "normalize": "prediction"}, [(p1, y1)], {}),
        ("cm_all", "ConfusionMatrix", {"num_classes": 3, "normalize": "all"}, [(p1, y1)], {}),
        ("cm_bin", "ConfusionMatrix", {"num_classes": 2, "threshold": 0.4}, [(bin_p, bin_y)], {}),
        ("roc_bin", "ROC", {"pos_label": 1}, [(bin_p, bin_y)], {}),
        ("roc_multi", "ROC", {"class_num": 3}, [(p1, y1)], {}),
        ("dice", "Dice", {"smooth": 1e-5}, [(dice_p, dice_y), (dice_p[:2], dice_y[:2])], {}),
        ("ppl", "Perplexity", {}, [(ppl_p, ppl_y)], {}),
        ("ppl_ignore", "Perplexity", {"ignore_label": 1}, [(ppl_p, ppl_y)], {}),
    ]
    return cases


def cm_metric_inputs():
    r = np.random.default_rng(11)
    seg_p = np.eye(3, dtype=np.float32)[r.integers(0, 3, (2, 4, 4))].transpose(0, 3, 1, 2)
    seg_y = np.eye(3, dtype=np.float32)[r.integers(0, 3, (2, 4, 4))].transpose(0, 3, 1, 2)
    seg_p2 = np.eye(3, dtype=np.float32)[r.integers(0, 3, (3, 4, 4))].transpose(0, 3, 1, 2)
    seg_y2 = np.eye(3, dtype=np.float32)[r.integers(0, 3, (3, 4, 4))].transpose(0, 3, 1, 2)
    flat_p = np.eye(4, dtype=np.float32)[r.integers(0, 4, 6)]
    flat_y = np.eye(4, dtype=np.float32)[r.integers(0, 4, 6)]
    seg = [(seg_p, seg_y), (seg_p2, seg_y2)]
    return [
        ("cmm_sens", {}, seg),
        ("cmm_prec_calc", {"metric_name": "precision", "calculation_method": True}, seg),
        ("cmm_f1_calc_sum", {"metric_name": "f1 score", "calculation_method": True, "decrease": "sum"}, seg),
        ("cmm_mcc", {"metric_name": "mcc"}, seg),
        ("cmm_fm_calc", {"metric_name": "fm", "calculation_method": True, "skip_channel": False}, seg),
        ("cmm_pt", {"metric_name": "prevalence_threshold"}, seg),
        ("cmm_mk_noskip", {"metric_name": "markedness", "skip_channel": False}, seg),
        ("cmm_acc_flat", {"metric_name": "accuracy"}, [(flat_p, flat_y)]),
        ("cmm_ba_flat", {"metric_name": "balanced accuracy"}, [(flat_p, flat_y)]),
    ]


AUC_CASES = [
    ("auc_inc", np.array([0.0, 0.25, 0.5, 1.0]), np.array([0.0, 0.5, 0.75, 1.0]), False),
    ("auc_dec", np.array([1.0, 0.5, 0.2, 0.0]), np.array([1.0, 0.9, 0.4, 0.0]), False),
    ("auc_reorder", np.array([0.5, 0.0, 1.0, 0.25]), np.array([0.75, 0.0, 1.0, 0.5]), True),
]


def train_data():
    r = np.random.default_rng(3)
    x = r.standard_normal((10, 4)).astype(np.float32)
    y = r.standard_normal((10, 2)).astype(np.float32)
    w = (r.standard_normal((2, 4)) * 0.5).astype(np.float32)
    b = (r.standard_normal((2,)) * 0.1).astype(np.float32)
    return x, y, w, b


BATCH = 4
EPOCHS = 3
LR = 0.1


def lr_function(lr, step):
    return lr * 0.5 if step % 4 == 0 else lr

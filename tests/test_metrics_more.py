"""BleuScore, CosineSimilarity, HausdorffDistance, MeanSurfaceDistance and RootMeanSquareDistance against golden
data from real MindSpore 2.7.1 (tests/golden/gen_metrics_more.py; cases in tests/golden/metrics_more_cases.py):
eval results, error types, signatures, and the nn names being the train metrics."""
import inspect
import json

import numpy as np
import pytest

import lightspore as ms
from lightspore import nn
from tests._golden import GOLDEN, load_cases
from tests._golden import outcome as _raised

C = load_cases("metrics_more_cases.py")
META = json.loads((GOLDEN / "metrics_more.json").read_text())


@pytest.mark.parametrize("case", C.CASES, ids=[c[0] for c in C.CASES])
def test_metric_case(case):
    case_id, cls_name, kwargs, set_name = case
    metric = getattr(nn, cls_name)(**kwargs)
    got = C.run(metric, C.to_arrays(set_name, META["inputs"][set_name]))
    np.testing.assert_allclose(np.asarray(got, np.float64), np.asarray(META["cases"][case_id], np.float64),
                               rtol=1e-6, atol=1e-9, err_msg=case_id)


@pytest.mark.parametrize("case", C.OCCLUSION_CASES, ids=[c[0] for c in C.OCCLUSION_CASES])
def test_occlusion_case(case):
    case_id, kwargs, model_name, image_set, label = case
    got = C.run_occlusion(ms, kwargs, model_name, META["inputs"][image_set], label)
    np.testing.assert_allclose(np.asarray(got), np.asarray(META["cases"][case_id]), rtol=1e-5, atol=1e-6,
                               err_msg=case_id)


def test_occlusion_errors():
    want_ctor, want_call = META["ctor_errors"], META["call_errors"]
    assert _raised(lambda: nn.OcclusionSensitivity(pad_val=0)) == want_ctor["occ_pad_int"][0]
    assert _raised(lambda: nn.OcclusionSensitivity(margin=1.5)) == want_ctor["occ_margin"][0]
    assert _raised(lambda: nn.OcclusionSensitivity(b_box=(0, 1))) == want_ctor["occ_bbox"][0]
    assert _raised(lambda: C.run_occlusion(ms, {}, "dense", [[0.1] * 4, [0.2] * 4], 1)) == want_call["occ_batch2"][0]
    assert _raised(lambda: C.run_occlusion(ms, dict(b_box=[0, 1]), "conv", META["inputs"]["occ_img"], 0)) == \
        want_call["occ_bbox_len"][0]


@pytest.mark.parametrize("case", C.CTOR_ERRORS, ids=[c[0] for c in C.CTOR_ERRORS])
def test_ctor_error(case):
    case_id, cls_name, kwargs = case
    assert _raised(lambda: getattr(nn, cls_name)(**kwargs)) == META["ctor_errors"][case_id][0]


@pytest.mark.parametrize("case", C.CALL_ERRORS, ids=[c[0] for c in C.CALL_ERRORS])
def test_call_error(case):
    case_id, cls_name, kwargs, ins = case

    def go():
        m = getattr(nn, cls_name)(**kwargs)
        vals = None if ins is None else [np.array(v) if isinstance(v, list) and cls_name != "BleuScore" else v
                                         for v in ins]
        return C.run(m, vals)

    assert _raised(go) == META["call_errors"][case_id][0]


@pytest.mark.parametrize("name", sorted(META["signatures"]))
def test_signature_and_train_alias(name):
    assert str(inspect.signature(getattr(nn, name))) == META["signatures"][name]
    assert (getattr(nn, name) is getattr(ms.train, name)) == META["nn_is_train"][name]

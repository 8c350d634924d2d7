"""mindspore.experimental.optim (Adam, AdamW, SGD with param groups) and optim.lr_scheduler (all 14 schedulers,
stepwise and with step(epoch)) against real MindSpore 2.7.1 (tests/golden/gen_experimental_optim.py ran the same
cases, tests/golden/experimental_optim_cases.py)."""
import json
import os

import numpy as np
import pytest
from _golden import load_cases

import lightspore as ms
from lightspore.experimental import optim

cases = load_cases("experimental_optim_cases.py")
GOLDEN = json.load(open(os.path.join(os.path.dirname(__file__), "golden", "experimental_optim.json")))


@pytest.mark.parametrize("key", sorted(GOLDEN["optim"]))
def test_optimizer_steps_match_reference(key):
    i, name, groups = key.split(":")
    _name, kw = cases.OPTIM_CASES[int(i)]
    got = cases.run_optim(ms, name, kw, groups == "True")
    for step, (g, w) in enumerate(zip(got, GOLDEN["optim"][key])):
        for p, (a, b) in enumerate(zip(g, w)):
            np.testing.assert_allclose(np.array(a), np.array(b), rtol=1e-4, atol=1e-6,
                                       err_msg=f"{key} step {step} param {p}")


@pytest.mark.parametrize("key", sorted(GOLDEN["sched"]))
def test_scheduler_steps_match_reference(key):
    i, name = key.split(":")
    got = cases.run_sched(ms, name, cases.SCHED_CASES[int(i)][1])
    np.testing.assert_allclose(np.array(got), np.array(GOLDEN["sched"][key]), rtol=1e-4, atol=1e-7, err_msg=key)


@pytest.mark.parametrize("key", sorted(GOLDEN["epoch"]))
def test_scheduler_epoch_jumps_match_reference(key):
    i, name = key.split(":")
    _n, kw, epochs = cases.EPOCH_CASES[int(i)]
    got = cases.run_sched(ms, name, kw, epochs)
    np.testing.assert_allclose(np.array(got), np.array(GOLDEN["epoch"][key]), rtol=1e-4, atol=1e-7, err_msg=key)


def _w():
    return ms.Parameter(ms.Tensor(np.ones((2,), np.float32)), name="w")


@pytest.mark.parametrize("make, err, words", [
    (lambda: optim.Adam([_w()], lr=-1.0), ValueError, "Invalid learning rate"),
    (lambda: optim.AdamW([_w()], betas=(0.9, 1.0)), ValueError, "beta parameter at index 1"),
    (lambda: optim.SGD([_w()], lr="0.1"), TypeError, "'lr'"),
    (lambda: optim.SGD([_w()], lr=0.1, nesterov=True), ValueError, "nesterov"),
    (lambda: optim.SGD(None, lr=0.1), ValueError, "can not be None"),
    (lambda: optim.SGD([], lr=0.1), ValueError, "must not be empty"),
    (lambda: optim.SGD([1.0], lr=0.1), TypeError, "only optimize Parameters"),
    (lambda: optim.SGD([{"params": {_w()}}], lr=0.1), TypeError, "ordered collections"),
    (lambda: optim.lr_scheduler.StepLR(object(), 2), TypeError, "is not an Optimizer"),
    (lambda: optim.lr_scheduler.StepLR(optim.SGD([_w()], lr=0.1), 2, gamma=1), TypeError, "'gamma' must be float"),
    (lambda: optim.lr_scheduler.StepLR(optim.SGD([_w()], lr=0.1), 2, last_epoch=3), KeyError, "initial_lr"),
    (lambda: optim.lr_scheduler.LambdaLR(optim.SGD([_w()], lr=0.1), [abs, abs]), ValueError, "Expected 1"),
    (lambda: optim.lr_scheduler.ReduceLROnPlateau(optim.SGD([_w()], lr=0.1), mode="mid"), ValueError, "`mode`"),
])
def test_errors(make, err, words):
    with pytest.raises(err, match=words):
        make()


def test_train_step_with_value_and_grad_and_scheduler():
    """The usual loop: grads from value_and_grad over optimizer.parameters, then optimizer(grads), then
    scheduler.step(); compared with the same arithmetic in numpy (SGD: p -= lr * grad)."""
    net = ms.nn.Dense(3, 1, weight_init="ones", bias_init="zeros")
    opt = optim.SGD(net.trainable_params(), lr=0.1)
    sched = optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    x = ms.Tensor(np.array([[1.0, 2.0, 3.0]], np.float32))
    fn = ms.value_and_grad(lambda x: net(x).sum(), None, opt.parameters)
    w, lr = np.ones((1, 3), np.float32), 0.1
    for _ in range(3):
        _loss, grads = fn(x)
        opt(grads)
        sched.step()
        w = w - lr * np.array([[1.0, 2.0, 3.0]], np.float32)
        lr *= 0.5
        np.testing.assert_allclose(net.weight.asnumpy(), w, rtol=1e-6)
    np.testing.assert_allclose([float(v.asnumpy()) for v in sched.get_last_lr()], [lr], rtol=1e-6)


def test_a_float_put_in_a_group_is_the_learning_rate():
    """As the reference's construct: ``group['lr'] = 0.5`` (a float) replaces the group's lr Parameter."""
    w = ms.Parameter(ms.Tensor(np.ones((2,), np.float32)), name="w")
    opt = optim.SGD([w], lr=0.1)
    opt.param_groups[0]["lr"] = 0.5
    opt((ms.Tensor(np.ones((2,), np.float32)),))
    np.testing.assert_allclose(w.asnumpy(), [0.5, 0.5], rtol=1e-6)

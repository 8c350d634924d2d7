"""No autograd tape outside gradient transforms (DESIGN.md layer 4), and gradients agree with
torch.autograd on the same math."""
import numpy as np
import pytest
import torch

import lightspore as ms
import lightspore.nn as nn


def _net():
    ms.set_seed(0)
    return nn.SequentialCell([nn.Dense(4, 8), nn.ReLU(), nn.Dense(8, 3)])


def test_forward_records_nothing():
    net = _net()
    x = ms.Tensor(np.ones((2, 4), np.float32))
    out = net(x)
    assert out._t.grad_fn is None and not out._t.requires_grad
    assert all(not p._t.requires_grad for p in net.get_parameters())


def test_transform_restores_flags_even_on_error():
    net = _net()
    params = net.trainable_params()

    def bad(x):
        net(x)
        raise KeyError("boom")

    with pytest.raises(KeyError):
        ms.value_and_grad(bad, None, params)(ms.Tensor(np.ones((2, 4), np.float32)))
    assert all(not p._t.requires_grad for p in params)


def test_value_and_grad_matches_torch_autograd():
    net = _net()
    params = net.trainable_params()
    x_np = np.random.RandomState(1).randn(5, 4).astype(np.float32)
    loss, grads = ms.value_and_grad(lambda x: (net(x) ** 2).mean(), None, params)(ms.Tensor(x_np))
    ws = [p._t.detach().clone().requires_grad_(True) for p in params]
    h = torch.relu(torch.from_numpy(x_np) @ ws[0].T + ws[1])
    ref = ((h @ ws[2].T + ws[3]) ** 2).mean()
    ref_grads = torch.autograd.grad(ref, ws)
    np.testing.assert_allclose(loss.asnumpy(), ref.detach().numpy(), rtol=1e-6)
    for g, r in zip(grads, ref_grads):
        np.testing.assert_allclose(g.asnumpy(), r.numpy(), rtol=1e-5, atol=1e-7)


def test_second_order_grad():
    f = ms.grad(ms.grad(lambda x: (x ** 3).sum()))
    x = ms.Tensor(np.array([1.0, 2.0], np.float32))
    np.testing.assert_allclose(f(x).asnumpy(), [6.0, 12.0])


def test_stop_gradient_blocks():
    g = ms.grad(lambda x: (x * ms.ops.stop_gradient(x)).sum())(ms.Tensor(np.array([3.0], np.float32)))
    np.testing.assert_allclose(g.asnumpy(), [3.0])

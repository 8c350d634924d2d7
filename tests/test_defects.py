"""Fidelity defects of issue 13 against real MindSpore (golden data: tests/golden/gen_json_cases.py defects):
Tensor.view on non-contiguous tensors, Cell._amp_level/cell_list/get_scope/set_grad/recompute, custom bprop and
backward hooks, integer-input gradients, CTC loss gradients, dynamic-shape placeholders, numpy functions on Tensors,
unsigned comparisons, ops.cast of scalars, nll_loss with int32 targets, float indices, Tensor method keywords."""
from _golden import json_case_suite

import lightspore as ms

test_all_cases_have_golden, test_case = json_case_suite("defects_cases", "defects.json", ms)


def test_cell_recompute_keeps_fewer_activations():
    """Cell.recompute() is activation checkpointing: inside grad the cell's intermediate activations are not saved
    for the backward pass (torch's saved-tensor hooks count them), and the gradients equal those without it (the
    golden case recompute_cell compares both with the reference)."""
    import numpy as np
    import torch

    class Net(ms.nn.Cell):
        def __init__(self, rc):
            super().__init__()
            self.body = ms.nn.SequentialCell([ms.nn.Dense(8, 8), ms.nn.Tanh(), ms.nn.Dense(8, 8), ms.nn.Tanh()])
            if rc:
                self.body.recompute()

        def construct(self, x):
            return self.body(x).sum()

    x = ms.Tensor(np.ones((4, 8), np.float32))
    counts, grads = [], []
    for rc in (False, True):
        net = Net(rc)
        for p in net.get_parameters():
            p.set_data(ms.Tensor(np.full(p.shape, 0.1, np.float32)))
        saved = []
        with torch.autograd.graph.saved_tensors_hooks(lambda t, saved=saved: saved.append(t) or t, lambda t: t):
            g = ms.grad(net, grad_position=0, weights=net.trainable_params())(x)
        counts.append(len(saved))
        grads.append([a.asnumpy() for a in [g[0], *g[1]]])
    assert counts[1] < counts[0], counts
    for a, b in zip(*grads):
        np.testing.assert_allclose(a, b, rtol=1e-6)

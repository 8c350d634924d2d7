"""Generate golden data for normalization / dropout / embedding / activation cells with real
MindSpore 2.7.1 (cases in layers_norm_cases.py, shared with tests/test_layers_norm.py).

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_layers_norm.py

Writes tests/golden/layers_norm.json and tests/golden/layers_norm.npz. InstanceNorm has no CPU
kernel in the reference (RuntimeError 'Unsupported op [InstanceNorm] on CPU'); only its parameters
and construction errors come from the reference.
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import layers_norm_cases as C  # noqa: E402, I001
import mindspore as ms  # noqa: E402

assert ms.__version__ == '2.7.1', ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE)


def main():
    meta = {'layers': {}, 'activations': {}, 'errors': {}}
    arrays = {}
    for name in C.LAYERS:
        m, a = C.run_layer(ms, name)
        meta['layers'][name] = m
        for k, v in a.items():
            arrays[f'{name}/{k}'] = v
    for name in C.ACTIVATIONS:
        a, dt = C.run_activation(ms, name)
        meta['activations'][name] = dt
        for k, v in a.items():
            arrays[f'act/{name}/{k}'] = v
    for name in C.ERRORS:
        meta['errors'][name] = C.run_error(ms, name)
    meta['get_activation'] = C.get_activation_record(ms)
    meta['dropout'] = C.dropout_record(ms)
    inst = {}
    rng = np.random.default_rng(7)
    for cls, shape in (('InstanceNorm1d', (2, 3, 4)), ('InstanceNorm2d', (2, 3, 4, 4)),
                       ('InstanceNorm3d', (2, 3, 2, 3, 4))):
        cell = getattr(ms.nn, cls)(3)
        inst[cls] = C.param_record(cell)
        # no CPU kernel in the reference: the expected output is its documented formula in numpy
        # (per sample and channel statistics, biased variance, eps 1e-5, gamma/beta per channel)
        x = rng.standard_normal(shape).astype(np.float32)
        gamma = rng.standard_normal(3).astype(np.float32)
        beta = rng.standard_normal(3).astype(np.float32)
        axes = tuple(range(2, len(shape)))
        bshape = (1, 3) + (1,) * (len(shape) - 2)
        xd = x.astype(np.float64)
        y = (xd - xd.mean(axis=axes, keepdims=True)) / np.sqrt(xd.var(axis=axes, keepdims=True) + 1e-5)
        y = y * gamma.reshape(bshape) + beta.reshape(bshape)
        arrays[f'inst/{cls}/x'] = x
        arrays[f'inst/{cls}/gamma'] = gamma
        arrays[f'inst/{cls}/beta'] = beta
        arrays[f'inst/{cls}/formula_out'] = y.astype(np.float32)
    meta['instancenorm'] = inst
    with open(os.path.join(HERE, 'layers_norm.json'), 'w') as f:
        json.dump(meta, f, indent=1)
        f.write('\n')
    np.savez_compressed(os.path.join(HERE, 'layers_norm.npz'), **arrays)


if __name__ == '__main__':
    main()

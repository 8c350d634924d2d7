"""Generate the core golden files with real MindSpore 2.7.1.

Run (re-runnable, deterministic: numpy seeds only, weights set with ``set_data``):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_core.py

Writes into tests/golden/:
  core_lenet.json / core_lenet.npz      LeNet5 names, forward, losses, gradients, optimizer runs
  core_losses.json / core_losses.npz    loss values and input gradients
  core_tensor.json                      dtype promotion, Tensor(x) dtypes, repr/str, dtype helpers
  core_cell.json / core_cell.npz        cell traversal / naming of nested nets
  core_errors.json                      exception types and messages
The case definitions live in core_cases.py and are shared with the tests.
"""
import json
import os
import re
import subprocess
import sys
from collections import OrderedDict

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import core_cases as C  # noqa: E402, I001
import mindspore as ms  # noqa: E402

assert ms.__version__ == '2.7.1', ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE)

# fc1.weight (120x400) is stored subsampled in the optimizer runs to keep the files small
FC1_SUBSAMPLE = 4000


def dump_json(name, obj):
    with open(os.path.join(HERE, name), 'w') as f:
        json.dump(obj, f, indent=1, sort_keys=False)
        f.write('\n')


def dump_npz(name, arrays):
    np.savez_compressed(os.path.join(HERE, name), **arrays)


# ----------------------------------------------------------------------------------------------
def gen_lenet():
    rng = np.random.default_rng(0)
    weights = C.lenet_weights(rng)
    x = rng.standard_normal((4, 1, 32, 32)).astype(np.float32)
    labels = np.array([3, 7, 0, 9], np.int32)
    fc1_idx = np.sort(np.random.default_rng(1).choice(120 * 400, FC1_SUBSAMPLE, replace=False))

    arrays = OrderedDict()
    meta = OrderedDict()
    arrays['x'] = x
    arrays['labels'] = labels
    arrays['fc1_subidx'] = fc1_idx
    for k, v in weights.items():
        arrays['weights/' + k] = v

    def put_weights(prefix, named, subsample=False):
        for name, arr in named:
            arr = np.asarray(arr)
            if subsample and name == 'fc1.weight':
                arrays[prefix + name + '/sub'] = arr.reshape(-1)[fc1_idx]
                arrays[prefix + name + '/sum'] = np.float64(arr.astype(np.float64).sum())
                arrays[prefix + name + '/sumsq'] = np.float64((arr.astype(np.float64) ** 2).sum())
                arrays[prefix + name + '/abssum'] = np.float64(np.abs(arr.astype(np.float64)).sum())
            else:
                arrays[prefix + name] = arr

    # fresh, default-initialised net: names/shapes/dtypes/requires_grad and repr
    net0 = C.lenet5_class(ms)()
    meta['params'] = [OrderedDict(name=p.name, shape=list(p.shape), dtype=str(p.dtype),
                                  requires_grad=bool(p.requires_grad)) for p in net0.get_parameters()]
    meta['sorted_names'] = sorted(p.name for p in net0.get_parameters())
    meta['trainable_names'] = [p.name for p in net0.trainable_params()]
    meta['parameters_and_names'] = [k for k, _ in net0.parameters_and_names()]
    meta['cells_and_names'] = [[k, type(c).__name__] for k, c in net0.cells_and_names()]
    meta['repr'] = C.norm_addr(repr(net0))
    meta['param_reprs'] = [repr(p) for p in net0.get_parameters()]

    net = C.make_lenet(ms, weights)
    arrays['logits'] = net(ms.Tensor(x)).asnumpy()

    for lname in C.LENET_LOSSES:
        res = C.lenet_grads(ms, weights, x, labels, lname, extended=(lname == 'sce'))
        arrays[f'loss/{lname}'] = res['loss']
        put_weights(f'grad/{lname}/', res['grads'], subsample=(lname != 'sce'))
        arrays[f'dx/{lname}/loss'] = res['dx_loss']
        arrays[f'dx/{lname}/dx'] = res['dx']
        if lname == 'sce':
            arrays['dxw/dx'] = res['dxw_dx']
            meta['dxw_num_weight_grads'] = len(res['dxw_grads'])
            for i in C.EXTENDED_GRAD_INDICES:
                arrays[f'dxw/grad{i}'] = res['dxw_grads'][i]
                arrays[f'aux/grad{i}'] = res['aux_grads'][i]
            arrays['grad_fn/dx'] = res['grad_fn_dx']
            arrays['aux/loss'] = res['aux_loss']
            arrays['aux/logits'] = res['aux_logits']
            # the smallest non-zero |grad|: how sensitive Adam's sign-like first step is
            allg = np.concatenate([g.ravel() for _, g in res['grads']])
            nz = np.abs(allg[allg != 0])
            meta['min_nonzero_abs_grad'] = float(nz.min())
            meta['n_abs_grad_below_1e-7'] = int((nz < 1e-7).sum())

    # optimizers
    opt_meta = OrderedDict()
    for case in C.OPTIMIZER_CASES:
        res = C.run_optimizer_case(ms, case, weights, x, labels)
        arrays[f'opt/{case}/losses'] = np.array(res['losses'], np.float32)
        put_weights(f'opt/{case}/final/', res['final'], subsample=True)
        opt_meta[case] = OrderedDict(losses=res['losses'],
                                     lr=res['lrs'] if case in C.DYNAMIC_LR_CASES else None,
                                     type=res['type'], param_names=res['param_names'])
    meta['optimizers'] = opt_meta
    meta['fc1_subsample'] = FC1_SUBSAMPLE
    dump_json('core_lenet.json', meta)
    dump_npz('core_lenet.npz', arrays)


# ----------------------------------------------------------------------------------------------
def gen_losses():
    arrays = C.loss_arrays(np.random.default_rng(2))
    out = OrderedDict(('in/' + k, v) for k, v in arrays.items())
    meta = OrderedDict()
    for case_id in C.LOSS_CASES:
        value, grads = C.run_loss_case(ms, case_id, arrays)
        out['value/' + case_id] = value.asnumpy()
        for pos, g in grads.items():
            out[f'grad{pos}/{case_id}'] = g
        meta[case_id] = OrderedDict(dtype=str(value.dtype), shape=list(value.shape),
                                    grad_positions=list(grads))
    dump_json('core_losses.json', meta)
    dump_npz('core_losses.npz', out)


# ----------------------------------------------------------------------------------------------
def gen_tensor():
    meta = OrderedDict()
    for table in ('tensor_tensor', 'tensor_scalar', 'zero_dim', 'np_scalar'):
        meta['binop_' + table] = OrderedDict()
    cases = C.binop_cases()
    for key, (table, op, a, b) in cases.items():
        meta['binop_' + table][key] = C.run_binop(ms, op, a, b)
    # The reference's kernel selection is stateful: after some failed kernels (e.g. bool ** bool) later,
    # valid calls can fail too. Every error is therefore re-checked in a fresh interpreter.
    for key, (table, *_rest) in cases.items():
        if meta['binop_' + table][key][0] == 'error':
            out = subprocess.run([sys.executable, __file__, '--binop', key], check=True, capture_output=True,
                                 text=True, env=dict(os.environ, GLOG_v='3')).stdout
            meta['binop_' + table][key] = json.loads(out.strip().splitlines()[-1])
    meta['tensor_ctor'] = OrderedDict(
        (k, C.tensor_info(lambda f=f: ms.Tensor(f()))) for k, f in C.TENSOR_INPUTS.items())
    meta['tensor_ctor_dtype'] = OrderedDict(
        (k, C.tensor_info(lambda f=f, d=d: ms.Tensor(f(), dtype=getattr(ms, d))))
        for k, (f, d) in C.TENSOR_INPUTS_DTYPE.items())
    meta['param_ctor'] = OrderedDict(
        (k, C.tensor_info(lambda f=f: ms.Parameter(f()))) for k, f in C.PARAM_INPUTS.items())
    meta['repr'] = OrderedDict((k, [repr(f(ms)), str(f(ms))]) for k, f in C.REPR_TENSORS.items())
    meta['dtype_str'] = OrderedDict(
        (d, [str(getattr(ms, d)), repr(getattr(ms, d))]) for d in C.DTYPE_STR_NAMES)
    meta['dtype_to_nptype'] = OrderedDict((d, np.dtype(ms.dtype_to_nptype(getattr(ms, d))).name)
                                          for d in C.NPTYPE_DTYPES)
    meta['pytype_to_dtype'] = OrderedDict((k, str(ms.pytype_to_dtype(t))) for k, t in C.PYTYPES.items())
    meta['dtype_to_pytype'] = OrderedDict(
        (d, ms.dtype_to_pytype(getattr(ms, d)).__name__) for d in C.PYTYPE_DTYPES)
    p = ms.Parameter(ms.Tensor([1.0, 2.0]), name='w')
    p2 = ms.Parameter(ms.Tensor([1, 2], ms.int32), name='b', requires_grad=False)
    p3 = ms.Parameter(ms.Tensor(np.zeros((2, 3), np.float16)))
    meta['param_repr'] = OrderedDict([
        ('named', [repr(p), str(p)]),
        ('int_frozen', [repr(p2), str(p2)]),
        ('unnamed', [re.sub(r'Parameter#\d+', 'Parameter#N', repr(p3)),
                     re.sub(r'Parameter#\d+', 'Parameter#N', str(p3))]),
    ])
    meta['unnamed_param_name_regex'] = r'Parameter#\d+'
    meta['unnamed_params_distinct'] = ms.Parameter(ms.Tensor([1.0])).name != ms.Parameter(ms.Tensor([1.0])).name
    assert re.fullmatch(meta['unnamed_param_name_regex'], p3.name), p3.name
    # dtype object identities / equalities
    meta['dtype_eq'] = OrderedDict([
        ('float32==single', ms.float32 == ms.single),
        ('float64==double', ms.float64 == ms.double),
        ('float16==half', ms.float16 == ms.half),
        ('float32==float64', ms.float32 == ms.float64),
        ('tensor_dtype_is_float32', ms.Tensor([1.0]).dtype == ms.float32),
    ])
    dump_json('core_tensor.json', meta)


# ----------------------------------------------------------------------------------------------
def gen_cell():
    meta = OrderedDict()
    arrays = OrderedDict()
    for name in C.CELL_NETS:
        rec, out = C.cell_record(ms, name)
        meta[name] = rec
        if out is not None:
            arrays['out/' + name] = out
    dump_json('core_cell.json', meta)
    dump_npz('core_cell.npz', arrays)


# ----------------------------------------------------------------------------------------------
def gen_errors():
    meta = OrderedDict()
    for name, (action, keywords) in C.ERROR_CASES.items():
        try:
            result = C.summarize(ms, action(ms))
        except Exception as e:  # noqa: BLE001 - recording what the reference raises
            for kw in keywords:
                assert kw.lower() in str(e).lower(), (name, kw, str(e))
            meta[name] = OrderedDict(raises=type(e).__name__, message=str(e).split('\n')[0][:300],
                                     keywords=keywords)
        else:
            assert not keywords, (name, 'keywords given for a non-raising case')
            meta[name] = OrderedDict(raises=None, result=result)
    dump_json('core_errors.json', meta)


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--binop':
        _table, _op, _a, _b = C.binop_cases()[sys.argv[2]]
        print(json.dumps(C.run_binop(ms, _op, _a, _b)))
        sys.exit(0)
    gen_lenet()
    gen_losses()
    gen_tensor()
    gen_cell()
    gen_errors()
    total = sum(os.path.getsize(os.path.join(HERE, f)) for f in os.listdir(HERE) if f.startswith('core_'))
    print(f'core golden files written, total {total / 1024:.1f} KiB')

"""Generate golden data for the attention/transformer, combined and remaining ``mindspore.nn`` cells with
real MindSpore 2.7.1.

Run (re-runnable, deterministic: numpy seeds only, weights set with ``set_data``):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_layers_more.py

Writes tests/golden/layers_more.json (parameter names/shapes/dtypes, output shapes/dtypes, error types
and messages,
signatures) and tests/golden/layers_more.npz (inputs, parameters, cotangents, outputs, parameters after a
train-mode call, input and parameter gradients). The cases and the shared procedure live in
layers_more_cases.py, used by tests/test_layers_more.py too.
"""
import inspect
import json
import os
import sys
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import layers_more_cases as C  # noqa: E402, I001
import mindspore as ms  # noqa: E402
from mindspore import nn  # noqa: E402

assert ms.__version__ == '2.7.1', ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE)


def rng_for(case_id):
    return np.random.default_rng(zlib.crc32(case_id.encode()))


class RefNet:
    """A stand-in for a reference cell without a CPU kernel: the reference function REF[name], given the cell
    itself (``kw["_cell"]``) for its parameters."""

    def __init__(self, fn, kwargs, real):
        self.fn, self.kwargs, self.real = fn, kwargs, real

    def __call__(self, *args, **kwargs):
        return self.fn(ms, *args, dict(self.kwargs, _cell=self.real), **kwargs)

    def set_train(self, mode):
        pass

    def get_parameters(self):
        """The parameters of the reference cell itself (it constructs on CPU; only its call has no kernel)."""
        return self.real.get_parameters()

    def trainable_params(self):
        return self.real.trainable_params()


def run_case(case, arrays, meta):
    case_id, cls_name, kwargs, inputs, call_kwargs, opts = case
    rng = rng_for(case_id)
    ms.set_context(mode=ms.GRAPH_MODE if opts.get("graph") else ms.PYNATIVE_MODE)
    if opts.get("ref"):
        net = RefNet(C.REF[opts["ref"]], kwargs, getattr(nn, cls_name)(**C.make_args(kwargs, ms)))
    else:
        net = getattr(nn, cls_name)(**C.make_args(kwargs, ms))
    net.set_train(opts.get("train", False))
    values = C.make_values(inputs, rng)
    for i, v in enumerate(values):
        if hasattr(v, "dtype"):
            arrays[f"{case_id}/in{i}"] = v
    params = list(net.get_parameters())
    info = {"params": [[p.name, list(p.shape), str(p.dtype)] for p in params]}
    if opts.get("ctor_only"):
        meta[case_id] = info
        return
    init = {}
    for p in params:
        if opts.get("keep"):
            init[p.name] = arrays[f"{case_id}/p/{p.name}"] = p.asnumpy()
            continue
        v = C.param_value(p.name, p.shape, rng)
        p.set_data(ms.Tensor(v))
        init[p.name] = v
        arrays[f"{case_id}/p/{p.name}"] = v
    ts = C.to_tensors(inputs, values, ms)
    out = C.call(net, inputs, ts, call_kwargs)
    outs = C.flat(out)
    info["n_out"] = len(outs)
    info["out_shapes"] = [list(o.shape) for o in outs]
    info["out_dtypes"] = [str(o.dtype) for o in outs]
    for i, o in enumerate(outs):
        arrays[f"{case_id}/out{i}"] = o.asnumpy()
    if opts.get("train"):
        for p in params:
            arrays[f"{case_id}/after/{p.name}"] = p.asnumpy()
            p.set_data(ms.Tensor(init[p.name]))
    if not opts.get("grad", True):
        meta[case_id] = info
        return
    cots = {}
    for i in C.float_outputs(outs):
        c = rng.standard_normal(outs[i].shape).astype(np.float32)
        arrays[f"{case_id}/cot{i}"] = c
        cots[i] = ms.Tensor(c)
    diff = C.diff_positions(inputs)
    loss = C.loss_fn(net, inputs, ts, call_kwargs, cots, diff)
    weights = list(net.trainable_params())
    xs = [ts[j] for j in diff]
    if diff and weights:
        gxs, gws = ms.grad(loss, grad_position=tuple(range(len(diff))), weights=weights)(*xs)
    elif diff:
        gxs, gws = ms.grad(loss, grad_position=tuple(range(len(diff))))(*xs), ()
    elif weights:
        gxs, gws = (), ms.grad(loss, grad_position=None, weights=weights)(*xs)
    else:
        gxs, gws = (), ()
    if not isinstance(gxs, (tuple, list)):  # one differentiated input: a Tensor, not a 1-tuple
        gxs = (gxs,)
    for j, g in zip(diff, gxs):
        arrays[f"{case_id}/gx{j}"] = g.asnumpy()
    for p, g in zip(weights, gws):
        arrays[f"{case_id}/gp/{p.name}"] = dense_grad(g, p.shape, values)
    info["grad_params"] = [p.name for p in weights]
    meta[case_id] = info


def dense_grad(g, shape, values):
    """A parameter gradient as a dense array. For a lookup table the reference returns the row-sparse gradient's
    values only (one row per looked-up index, in the order of the flattened indices, the first input): those
    rows are summed into the table's shape here, indices outside the table dropped."""
    g = g.asnumpy()
    if tuple(g.shape) == tuple(shape):
        return g
    assert g.shape[1:] == tuple(shape[1:]), (g.shape, shape)
    idx = np.asarray(values[0]).reshape(-1)
    assert idx.shape[0] == g.shape[0], (idx.shape, g.shape)
    keep = (idx >= 0) & (idx < shape[0])
    out = np.zeros(shape, np.float32)
    np.add.at(out, idx[keep], g[keep])
    return out


def main():
    arrays, meta = {}, {}
    failed = []
    for case in C.CASES:
        try:
            run_case(case, arrays, meta)
        except Exception as e:  # noqa: BLE001
            print("CASE FAILED", case[0], type(e).__name__, str(e).splitlines()[0][:300] if str(e) else "")
            failed.append(case[0])
            if not os.environ.get("GEN_KEEP_GOING"):
                raise
    ctor = {}
    for case_id, cls_name, kwargs in C.CTOR_ERRORS:
        ctor[case_id] = C.error_record(lambda c=cls_name, k=kwargs: getattr(nn, c)(**C.make_args(k, ms)))
    ms.set_context(mode=ms.PYNATIVE_MODE)
    call = {}
    for case_id, cls_name, kwargs, inputs, call_kwargs in C.CALL_ERRORS:
        def go(c=cls_name, k=kwargs, i=inputs, ck=call_kwargs, cid=case_id):
            net = getattr(nn, c)(**C.make_args(k, ms))
            values = C.make_values(i, rng_for(cid))
            return C.call(net, i, C.to_tensors(i, values, ms), ck)
        call[case_id] = C.error_record(go)
    sigs = {name: str(inspect.signature(getattr(nn, name))) for name in C.class_names()}
    sigs["no_init_parameters"] = str(inspect.signature(nn.no_init_parameters))
    flags = {"before": getattr(ms.Parameter, "init_param", True)}
    with nn.no_init_parameters():
        flags["inside"] = ms.Parameter.init_param
        dense = nn.Dense(3, 2)
    flags["after"] = ms.Parameter.init_param
    flags["params"] = [[p.name, list(p.shape), str(p.dtype)] for p in dense.get_parameters()]
    with open(os.path.join(HERE, "layers_more.json"), "w") as f:
        json.dump({"cases": meta, "ctor_errors": ctor, "call_errors": call, "signatures": sigs,
                   "no_init_parameters": flags}, f, indent=1)
        f.write("\n")
    np.savez_compressed(os.path.join(HERE, "layers_more.npz"), **arrays)
    print(f"{len(meta)} cases, {len(ctor)} ctor errors, {len(call)} call errors, failed: {failed}")


if __name__ == "__main__":
    main()

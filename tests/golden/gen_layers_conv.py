"""Generate golden data for the convolution / pooling / padding / image layers with real MindSpore 2.7.1.

Run (re-runnable, deterministic: numpy seeds only, weights set with ``set_data``):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_layers_conv.py

Writes tests/golden/layers_conv.json (parameter names/shapes/dtypes, output shapes, error types
and messages) and
tests/golden/layers_conv.npz (inputs, parameters, cotangents, outputs, input and parameter gradients).
The cases live in layers_conv_cases.py and are shared with tests/test_layers_conv.py.
"""
import inspect
import json
import os
import sys
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import layers_conv_cases as C  # noqa: E402, I001
import mindspore as ms  # noqa: E402
from mindspore import nn  # noqa: E402

assert ms.__version__ == '2.7.1', ms.__version__
ms.set_context(mode=ms.PYNATIVE_MODE)


def rng_for(case_id):
    return np.random.default_rng(zlib.crc32(case_id.encode()))


def case_input(case_id, cls_name, shape):
    rng = rng_for(case_id)
    x = rng.standard_normal(shape).astype(np.float32)
    if cls_name.startswith("LPPool"):
        x = np.abs(x) + 0.1
    return x, rng


def run_case(case_id, cls_name, kwargs, shape, arrays, meta):
    net = getattr(nn, cls_name)(**C.make_args(kwargs))
    x, rng = case_input(case_id, cls_name, shape)
    params = list(net.get_parameters())
    info = {"params": [[p.name, list(p.shape), str(p.dtype)] for p in params]}
    for p in params:
        v = (rng.standard_normal(p.shape) * 0.5).astype(np.float32)
        p.set_data(ms.Tensor(v))
        arrays[f"{case_id}/p/{p.name}"] = v
    arrays[f"{case_id}/x"] = x
    out = net(ms.Tensor(x))
    outs = out if isinstance(out, tuple) else (out,)
    info["n_out"] = len(outs)
    info["out_shapes"] = [list(o.shape) for o in outs]
    info["out_dtypes"] = [str(o.dtype) for o in outs]
    for i, o in enumerate(outs):
        arrays[f"{case_id}/out{i}"] = o.asnumpy()
    cot = rng.standard_normal(outs[0].shape).astype(np.float32)
    arrays[f"{case_id}/cot"] = cot
    cot_t = ms.Tensor(cot)

    def loss(inp):
        r = net(inp)
        if isinstance(r, tuple):
            r = r[0]
        return (r * cot_t).sum()

    if params:
        gx, gws = ms.grad(loss, grad_position=0, weights=params)(ms.Tensor(x))
        for p, g in zip(params, gws):
            arrays[f"{case_id}/gp/{p.name}"] = g.asnumpy()
    else:
        gx = ms.grad(loss, grad_position=0)(ms.Tensor(x))
    arrays[f"{case_id}/gx"] = gx.asnumpy()
    meta[case_id] = info


def main():
    arrays, meta = {}, {}
    for case_id, cls_name, kwargs, shape in C.CASES:
        try:
            run_case(case_id, cls_name, kwargs, shape, arrays, meta)
        except Exception as e:  # noqa: BLE001
            print("CASE FAILED", case_id, type(e).__name__, str(e).splitlines()[0][:300])
            if not os.environ.get("GEN_KEEP_GOING"):
                raise
    ctor = {}
    for case_id, cls_name, kwargs in C.CTOR_ERRORS:
        ctor[case_id] = C.error_record(lambda c=cls_name, k=kwargs: getattr(nn, c)(**C.make_args(k)))
    call = {}
    for case_id, cls_name, kwargs, shape in C.CALL_ERRORS:
        net = getattr(nn, cls_name)(**C.make_args(kwargs))
        call[case_id] = C.error_record(lambda n=net, t=C.call_input(ms, shape): n(t))
    sigs = {name: str(inspect.signature(getattr(nn, name))) for name in sorted({c[1] for c in C.CASES})}
    with open(os.path.join(HERE, "layers_conv.json"), "w") as f:
        json.dump({"cases": meta, "ctor_errors": ctor, "call_errors": call, "signatures": sigs}, f, indent=1)
        f.write("\n")
    np.savez_compressed(os.path.join(HERE, "layers_conv.npz"), **arrays)
    print(f"{len(meta)} cases, {len(ctor)} ctor errors, {len(call)} call errors")


if __name__ == "__main__":
    main()

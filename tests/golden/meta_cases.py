"""The meta device of MindSpore 2.10 (``DeviceCtx('meta')``, ``device='meta'``, ``Cell.to_empty``): ``CASES`` maps a
case name to a function of the framework module returning JSON-able data (an error as {"error": type name}).
Recorded from the 2.10 reference by gen_meta.py; run on lightspore by tests/test_meta.py."""
import numpy as np
from _record import err as _err


def _desc(t):
    """What a tensor or Parameter shows without its values."""
    return {"type": type(t).__name__, "shape": list(t.shape), "dtype": str(t.dtype), "is_meta": bool(t.is_meta),
            "device": str(t.device)}


def _in_meta(ms, fn):
    with ms.DeviceCtx("meta"):
        return _err(lambda: fn())


def _dense_on_meta(ms):
    with ms.DeviceCtx("meta"):
        return ms.nn.Dense(3, 4)


def _cells(ms):
    nn = ms.nn

    def build():
        d, c, b, e = nn.Dense(3, 4), nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.Embedding(10, 4)
        return {"dense.weight": _desc(d.weight), "dense.bias": _desc(d.bias), "conv.weight": _desc(c.weight),
                "bn.gamma": _desc(b.gamma), "bn.moving_mean": _desc(b.moving_mean),
                "embedding": _desc(e.embedding_table), "names": [p.name for p in d.get_parameters()]}
    return _in_meta(ms, build)


def _forward(ms):
    def run():
        d = ms.nn.Dense(3, 4)
        out = d(ms.Tensor(np.ones((2, 3), np.float32)))
        y = (out * 2).sum()
        return [_desc(out), _desc(y)]
    return _in_meta(ms, run)


def _factories(ms):
    mint, ops = ms.mint, ms.ops

    def run():
        return {"mint.rand": _desc(mint.rand(2, 3)), "mint.zeros": _desc(mint.zeros((2, 3))),
                "mint.empty": _desc(mint.empty(2, 3)), "ops.ones": _desc(ops.ones((2, 3))),
                "tensor": _desc(ms.tensor([1.0, 2.0])), "Tensor(ndarray)": _desc(ms.Tensor(np.ones(3))),
                "Tensor(shape, dtype)": _desc(ms.Tensor(shape=(2, 3), dtype=ms.float32)),
                "Parameter": _desc(ms.Parameter(ms.Tensor(np.ones(3, np.float32)), name="p"))}
    return _in_meta(ms, run)


def _device_arg(ms):
    return {"mint.rand": _desc(ms.mint.rand(2, 3, device="meta")),
            "mint.empty": _desc(ms.mint.empty(2, device="meta")),
            "tensor": _desc(ms.tensor([1.0, 2.0], device="meta")),
            "empty CPU": _desc(ms.mint.empty(2, device="CPU"))}


def _explicit_cpu(ms):
    with ms.DeviceCtx("meta"):
        return {"tensor": _desc(ms.tensor([1.0], device="CPU")), "mint.empty": _desc(ms.mint.empty(2, device="CPU")),
                "mint.empty_like": _desc(ms.mint.empty_like(ms.tensor([1.0]), device="CPU")),
                "mint.empty_like default": _desc(ms.mint.empty_like(ms.tensor([1.0])))}


def _seed_untouched(ms):
    ms.set_seed(1)
    a = ms.nn.Dense(3, 4).weight.asnumpy()
    ms.set_seed(1)
    _dense_on_meta(ms)
    b = ms.nn.Dense(3, 4).weight.asnumpy()
    return bool(np.array_equal(a, b))


def _current(ms):
    out = {"before": list(ms.get_current_device()), "target before": ms.get_context("device_target")}
    with ms.DeviceCtx("meta") as ctx:
        out["inside"] = list(ms.get_current_device())
        out["target inside"] = ms.get_context("device_target")
        out["ctx"] = [ctx.name, ctx.device_id]
        with ms.DeviceCtx("CPU"):
            out["nested"] = [list(ms.get_current_device()), bool(ms.Tensor([1.0]).is_meta)]
        out["back"] = [list(ms.get_current_device()), bool(ms.Tensor([1.0]).is_meta)]
    out["after"] = list(ms.get_current_device())
    out["target after"] = ms.get_context("device_target")
    c = ms.DeviceCtx("meta")
    out["device_id before enter"] = c.device_id
    with c:
        pass
    out["device_id after enter"] = c.device_id
    return out


def _errors(ms):
    out = {}
    out["name"] = _err(lambda: ms.DeviceCtx("cuda").__enter__())
    out["device_id"] = _err(lambda: ms.DeviceCtx("CPU", -1).__enter__())
    out["constructor does not check"] = type(ms.DeviceCtx("cuda")).__name__
    out["current after errors"] = list(ms.get_current_device())
    out["asnumpy"] = _err(lambda: _dense_on_meta(ms).weight.asnumpy())
    out["Cell.to from meta"] = _err(lambda: _dense_on_meta(ms).to("CPU"))
    out["to_empty bad device"] = _err(lambda: ms.nn.Dense(2, 2).to_empty(device="cuda"))
    out["mint.rand bad device"] = _err(lambda: ms.mint.rand(2, device="cuda"))
    return out


def _to_empty(ms):
    d = _dense_on_meta(ms)
    ret = d.to_empty(device="CPU")
    out = {"returns self": ret is d, "weight": _desc(d.weight), "bias": _desc(d.bias),
           "names": [p.name for p in d.get_parameters()]}
    out["forward"] = _desc(d(ms.Tensor(np.ones((2, 3), np.float32))))
    out["default device"] = _desc(_dense_on_meta(ms).to_empty().weight)
    out["to meta"] = _desc(ms.nn.Dense(2, 2).to_empty(device="meta").weight)
    return out


def _text(ms):
    with ms.DeviceCtx("meta"):
        x = ms.Tensor(np.ones((2, 3), np.float32))
        p = ms.nn.Dense(3, 4).weight
        return {"repr": repr(x), "str": str(x), "parameter": repr(p)}


CASES = {
    "cells built on meta": _cells,
    "forward on meta": _forward,
    "factories inside DeviceCtx(meta)": _factories,
    "device=meta argument": _device_arg,
    "explicit device='CPU' inside DeviceCtx(meta)": _explicit_cpu,
    "initializers draw nothing on meta": _seed_untouched,
    "current device": _current,
    "errors": _errors,
    "Cell.to_empty": _to_empty,
    "repr and str": _text,
}

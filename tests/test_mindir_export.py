"""``export(..., file_format='MINDIR')`` against the reference's own MindIR files of the same networks and weights
(tests/golden/mindir/<release>/, written by tests/golden/gen_mindir.py): the same parameters (names, order, shapes,
bytes), inputs and outputs, the same primitives in the same order with the same attributes and constant
arguments; the file, run here, gives the outputs the reference's GraphCell gave on its own file. With
LIGHTSPORE_REF_PYTHON naming a python with MindSpore, real MindSpore loads and runs the files written here."""
import json
import os
import subprocess

import numpy as np
import pytest
from _golden import GOLDEN, load_cases

import lightspore as ms
from lightspore import nn
from lightspore.train import _mindir
from lightspore.train import _mindir_pb2 as pb

C = load_cases("mindir_cases.py")
EXPORTED = ("lenet", "bn_pool", "residual", "mlp_ops", "norms", "activations", "pads", "misc_ops")
REF_DIR = GOLDEN / "mindir" / "2.7"
KEY16 = b"0123456789abcdef"
# where the reference writes a different but equivalent primitive for the same layer or op (lightspore's trace
# sees the ATen operation, not the MindSpore layer): Flatten is a Reshape to (N, -1), Muls a Mul by a scalar,
# SumExt a ReduceSum
SAME_AS = {"Flatten": "Reshape", "Muls": "Mul", "SumExt": "ReduceSum"}
PLUMBING = {"Load", "UpdateState", "Depend", "MakeTuple", "TupleGetItem"}
# Conv2D's padding is written explicitly (pad_mode='pad' with the 4 pads 'same'/'valid' come to)
CONV_PAD = {"pad_mode", "pad", "pad_list"}


def _model(path):
    m = pb.ModelProto()
    with open(path, "rb") as f:
        m.ParseFromString(f.read())
    return m


def _value(a):
    v = _mindir._value(a, "file", "value")
    return v.asnumpy().tolist() if isinstance(v, ms.Tensor) else v


def _compute_nodes(m):
    prims = {p.name: p for p in m.primitives}
    consts = {n.output[0]: n for n in m.graph.node if n.op_type == "Constant"}
    out = []
    for n in m.graph.node:
        if n.op_type == "Constant":
            continue
        p = prims[n.op_type[5:]]
        if p.op_type in PLUMBING:
            continue
        attrs = {a.name: _value(a) for a in p.attribute if a.name not in ("input_names", "output_names")}
        args = [_value(consts[i].attribute[0]) for i in n.input if i in consts]
        shape = str(n.attribute[0]) if n.attribute else None
        out.append((SAME_AS.get(p.op_type, p.op_type), p.op_type, attrs, args, shape))
    return out


def _export(name, folder, **kw):
    net = C.build(ms, name)
    path = ms.export(net, ms.Tensor(C.inputs(name)), file_name=str(folder / name), file_format="MINDIR", **kw)
    return net, path


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Each network of EXPORTED written once for the tests of this module: name -> path."""
    folder = tmp_path_factory.mktemp("mindir_export")
    paths = {name: _export(name, folder)[1] for name in EXPORTED}
    assert paths == {name: str(folder / f"{name}.mindir") for name in EXPORTED}
    return paths


@pytest.mark.parametrize("name", EXPORTED)
def test_export_matches_reference_file(name, exported):
    path = exported[name]
    got, want = _model(path), _model(REF_DIR / f"{name}.mindir")
    gp, wp = got.graph.parameter, want.graph.parameter
    assert [(p.ref_key, list(p.dims), p.data_type) for p in gp] == [(p.ref_key, list(p.dims), p.data_type)
                                                                     for p in wp]
    assert all(a.raw_data == b.raw_data for a, b in zip(gp, wp))
    assert [p.name.split(":", 1)[1] for p in gp] == [p.name.split(":", 1)[1] for p in wp]
    for g_io, w_io in ((got.graph.input, want.graph.input), (got.graph.output, want.graph.output)):
        assert [(v.denotation, str(v.attr_info), [(list(t.dims), t.data_type) for t in v.tensor]) for v in g_io] == \
               [(v.denotation, str(v.attr_info), [(list(t.dims), t.data_type) for t in v.tensor]) for v in w_io]
    g_nodes, w_nodes = _compute_nodes(got), _compute_nodes(want)
    assert [n[0] for n in g_nodes] == [n[0] for n in w_nodes]
    for g, w in zip(g_nodes, w_nodes):
        assert g[4] == w[4], (g[0], g[4], w[4])              # the output shape each node records
        if g[1] != w[1]:                                      # an equivalent primitive: its arguments differ
            continue
        if g[0] == "Conv2D":
            assert {k: v for k, v in g[2].items() if k not in CONV_PAD} == \
                   {k: v for k, v in w[2].items() if k not in CONV_PAD}
        else:
            assert g[2] == w[2], (g[0], g[2], w[2])
            assert g[3] == w[3], (g[0], g[3], w[3])
    assert (got.producer_name, got.ir_version, got.mind_ir_version, got.little_endian) == \
           (want.producer_name, want.ir_version, want.mind_ir_version, want.little_endian)


@pytest.mark.parametrize("name", EXPORTED)
def test_exported_file_runs_to_reference_outputs(name, exported):
    path = exported[name]
    arrays = np.load(REF_DIR / "outputs.npz")
    res = nn.GraphCell(ms.load(path))(ms.Tensor(arrays[f"{name}/x"]))
    for i, o in enumerate(res if isinstance(res, tuple) else (res,)):
        np.testing.assert_allclose(o.asnumpy(), arrays[f"{name}/out{i}"], rtol=1e-4, atol=1e-5)


def test_export_errors_leave_nothing(tmp_path):
    net = C.build(ms, "ext_ops")
    x = ms.Tensor(C.inputs("ext_ops"))
    with pytest.raises(ValueError, match=r"'max\.dim'.*file_format='ONNX'"):
        ms.export(net, x, file_name=str(tmp_path / "ext"), file_format="MINDIR")
    with pytest.raises(ValueError, match="cannot be expressed as a MindIR graph"):      # data-dependent if
        ms.export(C.build(ms, "control_flow"), ms.Tensor(C.inputs("control_flow")), file_name=str(tmp_path / "cf"),
                  file_format="MINDIR")
    lenet = C.build(ms, "lenet")
    with pytest.raises(ValueError, match="dataset"):
        ms.export(lenet, ms.Tensor(C.inputs("lenet")), file_name=str(tmp_path / "a"), file_format="MINDIR",
                  dataset=None)
    with pytest.raises(TypeError, match="inputs"):
        ms.export(lenet, file_name=str(tmp_path / "b"), file_format="MINDIR")
    with pytest.raises(TypeError, match="enc_key"):
        ms.export(lenet, ms.Tensor(C.inputs("lenet")), file_name=str(tmp_path / "c"), file_format="MINDIR",
                  enc_key="0123456789abcdef")
    assert os.listdir(tmp_path) == []


REF = os.environ.get("LIGHTSPORE_REF_PYTHON")
_SCRIPT = r"""
import json, sys, numpy as np, mindspore as ms
from mindspore import nn
folder, names = sys.argv[1], json.loads(sys.argv[2])
out = {}
for name, kw in names.items():
    if "dec_key" in kw:
        kw["dec_key"] = bytes(kw["dec_key"])
    cell = nn.GraphCell(ms.load(folder + "/" + name + ".mindir", **kw))
    x = np.load(folder + "/" + name + "_x.npy")
    res = cell(ms.Tensor(x))
    res = res if isinstance(res, tuple) else (res,)
    for i, r in enumerate(res):
        np.save(folder + "/" + name + "_out%d.npy" % i, r.asnumpy())
    out[name] = len(res)
print(json.dumps(out))
"""


@pytest.mark.skipif(not REF, reason="set LIGHTSPORE_REF_PYTHON to a python with mindspore")
def test_reference_runs_lightspore_mindir(tmp_path):
    want, kws = {}, {}
    for name in EXPORTED:
        net, _ = _export(name, tmp_path)
        res = net(ms.Tensor(C.inputs(name)))
        want[name] = [r.asnumpy() for r in (res if isinstance(res, tuple) else (res,))]
        np.save(tmp_path / f"{name}_x.npy", C.inputs(name))
        kws[name] = {}
    for mode in ("AES-GCM", "AES-CBC"):
        stem = "lenet_" + mode.replace("-", "_").lower()
        net = C.build(ms, "lenet")
        ms.export(net, ms.Tensor(C.inputs("lenet")), file_name=str(tmp_path / stem), file_format="MINDIR",
                  enc_key=KEY16, enc_mode=mode)
        np.save(tmp_path / f"{stem}_x.npy", C.inputs("lenet"))
        want[stem], kws[stem] = want["lenet"], {"dec_key": list(KEY16), "dec_mode": mode}
    r = subprocess.run([REF, "-c", _SCRIPT, str(tmp_path), json.dumps(kws)], capture_output=True, text=True,
                       env=dict(os.environ, GLOG_v="3"), timeout=600, cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr[-3000:]
    counts = json.loads(r.stdout.strip().splitlines()[-1])
    for name, outs in want.items():
        assert counts[name] == len(outs), name
        for i, o in enumerate(outs):
            np.testing.assert_allclose(np.load(tmp_path / f"{name}_out{i}.npy"), o, rtol=1e-4, atol=1e-5,
                                       err_msg=name)

"""MindIR files exported by the reference and what its own ``load`` + ``nn.GraphCell`` compute from them, for
tests/test_mindir.py (run with the reference python, from a scratch folder: graph compilation writes
``rewritten_network/`` into the working folder)::

    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref/bin/python /work/main/tests/golden/gen_mindir.py
    cd /tmp && GLOG_v=3 /root/.cache/mindspore-ref-2.10.0/bin/python /work/main/tests/golden/gen_mindir.py

For each network of mindir_cases.NETS: ``export(..., file_format='MINDIR')`` to tests/golden/mindir/<release>/
<name>.mindir, then ``GraphCell(load(file))`` on the case's input. Also: LeNet on a larger batch, LeNet with
``params_init``, LeNet exported with ``enc_key`` (AES-GCM and AES-CBC) and loaded with ``dec_key``, the
``load_mindir``/``save_mindir`` round trip, and the errors of ``load``/``GraphCell`` on bad arguments and
damaged files. Writes tests/golden/mindir/<release>/outputs.npz + cases.json.
"""
import json
import os
import shutil
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import mindir_cases as C  # noqa: E402

KEY16 = b"0123456789abcdef"


def _err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - recording whatever the reference raises
        return {"type": type(e).__name__, "message": str(e).splitlines()[0][:300] if str(e) else ""}
    return None


def _outs(res):
    return [o.asnumpy() for o in res] if isinstance(res, (tuple, list)) else [res.asnumpy()]


def main():
    import mindspore as ms
    from mindspore import nn

    release = ".".join(ms.__version__.split(".")[:2])
    out_dir = os.path.join(HERE, "mindir", release)
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    arrays, cases = {}, {"release": ms.__version__, "nets": {}}
    for name in C.NETS:
        net = C.build(ms, name)
        x = ms.Tensor(C.inputs(name))
        path = os.path.join(out_dir, name + ".mindir")
        ms.export(net, x, file_name=os.path.join(out_dir, name), file_format="MINDIR")
        cell = nn.GraphCell(ms.load(path))
        outs = _outs(cell(x))
        arrays[f"{name}/x"] = C.inputs(name)
        for i, o in enumerate(outs):
            arrays[f"{name}/out{i}"] = o
        try:        # the network run directly (PyNative): some mint kernels are missing there on CPU
            direct = _outs(net(x))
            diff = max(float(np.abs(a - b).max()) for a, b in zip(outs, direct))
        except RuntimeError:
            diff = None
        cases["nets"][name] = {"n_out": len(outs), "params": [n for n, _ in cell.parameters_and_names()],
                               "param_shapes": [list(p.shape) for _, p in cell.parameters_and_names()],
                               "max_diff_to_net": diff}
    # the other branch of control_flow's if
    neg = -C.inputs("control_flow")
    arrays["control_flow_neg/x"] = neg
    arrays["control_flow_neg/out0"] = nn.GraphCell(ms.load(os.path.join(out_dir, "control_flow.mindir")))(
        ms.Tensor(neg)).asnumpy()
    lenet = os.path.join(out_dir, "lenet.mindir")
    # a batch other than the exported one
    x3 = np.random.RandomState(3).randn(3, 1, 28, 28).astype(np.float32)
    arrays["lenet_batch3/x"] = x3
    arrays["lenet_batch3/out0"] = nn.GraphCell(ms.load(lenet))(ms.Tensor(x3)).asnumpy()
    # params_init: a known name, a name the graph lacks
    bias = np.linspace(-1, 1, 10).astype(np.float32)
    arrays["params_init/fc2.bias"] = bias
    graph = ms.load(lenet)
    cell = nn.GraphCell(graph, params_init={"fc2.bias": ms.Tensor(bias), "not_there": ms.Tensor(bias)})
    arrays["params_init/out0"] = cell(ms.Tensor(C.inputs("lenet"))).asnumpy()
    arrays["params_init/param"] = [p for n, p in cell.parameters_and_names() if n == "fc2.bias"][0].asnumpy()
    arrays["params_init/second_cell_out0"] = nn.GraphCell(graph)(ms.Tensor(C.inputs("lenet"))).asnumpy()
    # encrypted export
    net = C.build(ms, "lenet")
    for mode in ("AES-GCM", "AES-CBC"):
        stem = os.path.join(out_dir, "lenet_" + mode.replace("-", "_").lower())
        ms.export(net, ms.Tensor(C.inputs("lenet")), file_name=stem, file_format="MINDIR", enc_key=KEY16,
                  enc_mode=mode)
        arrays[f"enc_{mode}/out0"] = nn.GraphCell(ms.load(stem + ".mindir", dec_key=KEY16, dec_mode=mode))(
            ms.Tensor(C.inputs("lenet"))).asnumpy()
    enc = os.path.join(out_dir, "lenet_aes_gcm.mindir")
    # load_mindir / save_mindir
    model = ms.load_mindir(lenet)
    is_map = hasattr(model.user_info, "items")     # 2.10: a map<string, string>; 2.7.1: repeated entries
    if is_map:
        model.user_info["version"] = "pangu v100"
    else:
        model.user_info.add(key="version", value="pangu v100")
    tmp = tempfile.mkdtemp()
    try:
        ms.save_mindir(model, os.path.join(tmp, "copy"))
        copy = os.path.join(tmp, "copy.mindir")
        again = ms.load_mindir(copy)
        cases["mindir_proto"] = {"graph_name": again.graph.name, "n_nodes": len(again.graph.node),
                                 "n_parameters": len(again.graph.parameter), "user_info_is_map": is_map,
                                 "user_info": (sorted(map(list, again.user_info.items())) if is_map
                                               else [[e.key, e.value] for e in again.user_info]),
                                 "producer_name": again.producer_name, "model_version": again.model_version,
                                 "mode": oct(os.stat(copy).st_mode & 0o777)}
        arrays["save_mindir/out0"] = nn.GraphCell(ms.load(copy))(ms.Tensor(C.inputs("lenet"))).asnumpy()
        cases["mindir_proto"]["save_bad_model"] = _err(lambda: ms.save_mindir("model", os.path.join(tmp, "b")))
        # damaged files
        data = open(lenet, "rb").read()
        trunc = os.path.join(tmp, "trunc.mindir")
        with open(trunc, "wb") as f:
            f.write(data[: len(data) // 3])
        foreign = os.path.join(tmp, "foreign.mindir")
        with open(foreign, "wb") as f:
            f.write(b"this is not a protobuf message at all\n" * 20)
        graph = ms.load(lenet)
        errors = {
            "load_not_str": _err(lambda: ms.load(123)),
            "load_suffix": _err(lambda: ms.load(lenet[:-7] + ".onnx")),
            "load_missing": _err(lambda: ms.load(os.path.join(tmp, "missing.mindir"))),
            "load_obf_func": _err(lambda: ms.load(lenet, obf_func=lambda x: x)),
            "load_truncated": _err(lambda: ms.load(trunc)),
            "load_foreign": _err(lambda: ms.load(foreign)),
            "load_encrypted_no_key": _err(lambda: ms.load(enc)),
            "load_wrong_key": _err(lambda: ms.load(enc, dec_key=b"fedcba9876543210")),
            "load_key_not_bytes": _err(lambda: ms.load(enc, dec_key="0123456789abcdef")),
            "graphcell_not_graph": _err(lambda: nn.GraphCell(3)),
            "graphcell_params_not_dict": _err(lambda: nn.GraphCell(graph, params_init=[1])),
            "graphcell_params_value": _err(lambda: nn.GraphCell(graph, params_init={"fc2.bias": 1})),
            "graphcell_obf_seed": _err(lambda: nn.GraphCell(graph, obf_random_seed=1)),
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    cases["errors"] = errors
    np.savez_compressed(os.path.join(out_dir, "outputs.npz"), **arrays)
    with open(os.path.join(out_dir, "cases.json"), "w") as f:
        json.dump(cases, f, indent=1, sort_keys=True)
    for name in os.listdir(out_dir):
        os.chmod(os.path.join(out_dir, name), 0o644)
    print("wrote", out_dir, sorted(os.listdir(out_dir)))


if __name__ == "__main__":
    main()

"""Public MindSpore model libraries, unchanged, through the ``mindspore`` alias: build, forward, train, compare.

    python tools/realcode_check.py CHECKOUTS_DIR [--ref REF_PYTHON] [--refdeps DIR] [--only CASE ...]

CHECKOUTS_DIR holds fetched checkouts named mindcv, mindyolo, mindocr, mindaudio, mindnlp (mindnlp at tag
v0.1.1); never commit them. Their third-party dependencies must be importable by the python running this
(a throwaway venv, not the project's requirements). Each case runs in its own child process through the alias
(``python -m lightspore``): it builds a model with the library's own API (random init, no download), saves
its initial weights as a .ckpt, runs one eval-mode forward on fixed inputs and two training steps (the
library's train-step cell where it has one, else ``value_and_grad`` + an optimizer). The reference run
does the same from the loaded weights; its losses are printed beside ours (equal up to float error unless
the model has dropout).

``--ref``: the same case then runs in real MindSpore (2.7.1) with the library on ``PYTHONPATH`` (and
``--refdeps``, a ``pip install --target`` folder of the library's pure-python deps; never install into the
reference venv): it builds the same model, loads the .ckpt, runs the same forward, and this prints the
largest relative error of each output (``max|a-b| / max|b|``).

Prints one table row per case: built, forward, train step (first loss -> second loss), compare, error.

``--imports LIB ...``: instead, import every module of each library (every ``.py`` of its package tree), each
library in one child process through the alias (and, with ``--ref``, in the reference), and print how many
import, the errors behind the failures, and the modules that import in the reference but not here.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback

import numpy as np

CASES = {}


def case(lib):
    def deco(fn):
        CASES[fn.__name__] = (lib, fn)
        return fn
    return deco


# ----------------------------------------------------------------------------- the cases (run in the child)
# each returns (net, forward inputs, train_step or None); train_step() runs one step and returns the loss
@case("mindcv")
def mindcv_resnet18(ms, rs):
    import mindcv
    from mindspore import nn
    net = mindcv.create_model("resnet18", num_classes=10)
    x = ms.Tensor(rs.rand(2, 3, 64, 64).astype(np.float32))
    y = ms.Tensor(np.array([1, 7], np.int32))
    loss_fn = mindcv.create_loss("CE")
    opt = nn.Momentum(net.trainable_params(), 0.01, 0.9)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn), opt)
    return net, (x,), lambda: step(x, y)


def _yolo(ms, rs, name):
    from mindspore import nn, ops
    from mindyolo.models import create_loss, create_model
    from mindyolo.utils.config import Config, load_config
    from mindyolo.utils.train_step_factory import create_train_step_fn, get_loss_scaler
    root = os.environ["REALCODE_ROOT"]
    cfg = Config(load_config(os.path.join(root, "mindyolo", "configs", name[:6], f"{name}.yaml"))[0])
    net = create_model(model_name=cfg.network.model_name, model_cfg=cfg.network, num_classes=cfg.data.nc,
                       sync_bn=False)
    x = ms.Tensor(rs.rand(2, 3, 160, 160).astype(np.float32))
    loss_fn = create_loss(**cfg.loss, anchors=cfg.network.get("anchors", 1), stride=cfg.network.stride,
                          nc=cfg.data.nc)
    opt = nn.Momentum(net.trainable_params(), 0.01, 0.9)
    label = np.zeros((2, 4, 6), np.float32)   # [image_idx, cls, x, y, w, h], cls -1 pads
    label[:, 0] = [0, 3, 0.5, 0.5, 0.3, 0.4]
    label[:, 1] = [0, 7, 0.3, 0.6, 0.2, 0.2]
    label[1, :2, 0] = 1
    label[:, 2:, 1] = -1
    step = create_train_step_fn("detect", net, loss_fn, opt, 1.0, get_loss_scaler("none"), ops.functional.identity)
    return net, (x,), lambda: step(x, ms.Tensor(label))[0]


@case("mindyolo")
def yolov5n(ms, rs):
    return _yolo(ms, rs, "yolov5n")


@case("mindyolo")
def yolov8n(ms, rs):
    return _yolo(ms, rs, "yolov8n")


@case("mindocr")
def dbnet_resnet18(ms, rs):
    from mindocr.losses import build_loss
    from mindocr.models import build_model
    from mindspore import nn
    net = build_model("dbnet_resnet18", pretrained=False, pretrained_backbone=False)
    loss_fn = build_loss("DBLoss")
    x = ms.Tensor(rs.rand(2, 3, 128, 128).astype(np.float32))
    gts = [ms.Tensor((rs.rand(2, 128, 128) > 0.7).astype(np.float32)), ms.Tensor(np.ones((2, 128, 128), np.float32)),
           ms.Tensor(rs.rand(2, 128, 128).astype(np.float32)), ms.Tensor(np.ones((2, 128, 128), np.float32))]
    return net, (x,), _vg_step(ms, nn.Adam(net.trainable_params(), 1e-3), lambda: loss_fn(net(x), *gts))


@case("mindaudio")
def deepspeech2(ms, rs):
    from mindaudio.loss.ctc_loss import NetWithCTCLoss
    from mindaudio.models import DeepSpeechModel
    from mindspore import ParameterTuple, nn

    class Conf:
        sample_rate = 16000
        window_size = 0.02
    net = DeepSpeechModel(batch_size=2, labels=list("_'ABCDEFGHIJKLMNOPQRSTUVWXYZ "), rnn_hidden_size=32,
                          nb_layers=2, audio_conf=Conf, rnn_type="LSTM", bidirectional=True)
    x = ms.Tensor(rs.rand(2, 1, 161, 40).astype(np.float32))
    lens = ms.Tensor(np.array([40, 40], np.int32))
    opt = nn.Adam(ParameterTuple(net.trainable_params()), learning_rate=1e-3, eps=1e-8, loss_scale=1024.0)
    train = nn.TrainOneStepWithLossScaleCell(NetWithCTCLoss(net), opt, ms.Tensor(1024.0))
    idx = ms.Tensor(np.array([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1]], np.int64))
    vals = ms.Tensor(np.array([3, 5, 7, 2, 9], np.int32))
    return net, (x, lens), lambda: train(x, lens, idx, vals)[0]


def _vg_step(ms, opt, loss_of):
    grad_fn = ms.value_and_grad(lambda: loss_of(), None, opt.parameters)

    def step():
        loss, grads = grad_fn()
        opt(grads)
        return loss
    return step


@case("mindnlp")
def bert_small(ms, rs):
    from mindnlp.models.bert import BertConfig, BertForSequenceClassification
    from mindspore import nn, ops
    cfg = BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=64, max_position_embeddings=64, num_labels=3)
    net = BertForSequenceClassification(cfg)
    ids = ms.Tensor(rs.randint(0, 100, (2, 16)).astype(np.int32))
    labels = ms.Tensor(np.array([0, 2], np.int32))
    opt = nn.AdamWeightDecay(net.trainable_params(), 1e-3)
    return net, (ids,), _vg_step(ms, opt, lambda: ops.cross_entropy(net(ids)[0], labels))


@case("mindnlp")
def gpt2_small(ms, rs):
    from mindnlp.models.gpt2 import GPT2Config, GPT2LMHeadModel
    from mindspore import nn
    net = GPT2LMHeadModel(GPT2Config(vocab_size=100, n_positions=64, n_embd=32, n_layer=2, n_head=4))
    ids = ms.Tensor(rs.randint(0, 100, (2, 16)).astype(np.int32))
    opt = nn.AdamWeightDecay(net.trainable_params(), 1e-3)
    return net, (ids,), _vg_step(ms, opt, lambda: net(ids, labels=ids)[0])


# ----------------------------------------------------------------------------- child: one case
def _arrays(out):
    if isinstance(out, dict):
        out = list(out.values())
    if isinstance(out, (tuple, list)):
        res = []
        for o in out:
            res.extend(_arrays(o))
        return res
    return [out.asnumpy()] if hasattr(out, "asnumpy") else []


def _stopped(res, key, e):
    res[key] = f"{type(e).__name__}: {e}"[:400]
    res["where"] = traceback.format_exc().strip().splitlines()[-3][:300]


def run_case(name, out_dir, compare):
    import mindspore as ms
    res = {"case": name}
    net = step = None
    try:
        ms.set_seed(0)
        lib, fn = CASES[name]
        net, inputs, step = fn(ms, np.random.RandomState(0))
        res["built"] = True
        res["params"] = int(sum(p.size for p in net.trainable_params()))
        ckpt = os.path.join(out_dir, f"{name}.ckpt")
        if compare:
            ms.load_param_into_net(net, ms.load_checkpoint(ckpt), strict_load=True)
        else:
            ms.save_checkpoint(net, ckpt)
        net.set_train(False)
        outs = _arrays(net(*inputs))
        res["forward"] = [list(o.shape) for o in outs]
        np.savez(os.path.join(out_dir, f"{name}{'.ref' if compare else ''}.npz"), *outs)
    except Exception as e:  # report where it stopped
        _stopped(res, "error", e)
    if "forward" in res and step is not None:
        try:
            net.set_train(True)
            losses = []
            for _ in range(2):
                t = time.time()
                losses.append(float(np.asarray(step().asnumpy()).reshape(-1)[0]))
                res.setdefault("step_s", []).append(round(time.time() - t, 2))
            res["train"] = losses
        except Exception as e:  # report where it stopped
            _stopped(res, "train_error", e)
    with open(os.path.join(out_dir, f"{name}{'.ref' if compare else ''}.json"), "w") as f:
        json.dump(res, f)


def walk_imports(root, pkg, out):
    """Import every module of ``root/pkg`` (this process); write {module: None or [error, missing name]}."""
    import importlib
    import warnings
    warnings.simplefilter("ignore")
    sys.path.insert(0, root)
    import mindspore  # noqa: F401  (the alias, or the reference)
    mods = []
    for d, dirs, files in os.walk(os.path.join(root, pkg)):
        dirs[:] = sorted(x for x in dirs if not x.startswith((".", "__")))
        if "__init__.py" not in files:
            dirs[:] = []
            continue
        rel = os.path.relpath(d, root).replace(os.sep, ".")
        mods.append(rel)
        mods += [rel + "." + f[:-3] for f in sorted(files) if f.endswith(".py") and f != "__init__.py"]
    res = {}
    for m in mods:
        try:
            importlib.import_module(m)
            res[m] = None
        except BaseException as e:  # noqa: BLE001 - any failure is the library's answer
            res[m] = [(type(e).__name__ + ": " + str(e)).splitlines()[0][:300], getattr(e, "name", None)]
    with open(out, "w") as f:
        json.dump(res, f)


def import_report(root, libs, ref, refdeps):
    import collections
    out_dir = tempfile.mkdtemp(prefix="realcode-imports-")
    for lib in libs:
        env = dict(os.environ, GLOG_v="3", PYTHONPATH=os.pathsep.join(
            [p for p in (refdeps, os.environ.get("PYTHONPATH", "")) if p]))
        runs = {}
        for side, python, alias in (("lightspore", sys.executable, True), ("reference", ref, False)):
            if python is None:
                continue
            path = os.path.join(out_dir, f"{lib}.{side}.json")
            r = subprocess.run([python] + (["-m", "lightspore"] if alias else []) +
                               [os.path.abspath(__file__), "--walk", os.path.join(root, lib), lib, "--out", path],
                               env=env, capture_output=True, text=True, timeout=1800, cwd=os.path.join(root, lib))
            if not os.path.exists(path):
                print(f"{lib} ({side}): the walk failed: {r.stderr[-300:]}")
                continue
            with open(path) as f:
                runs[side] = json.load(f)
        if "lightspore" not in runs:
            continue
        res = runs["lightspore"]
        line = f"{lib}: {sum(v is None for v in res.values())}/{len(res)} modules import"
        ref_res = runs.get("reference")
        if ref_res is not None:
            line += f" (reference: {sum(v is None for v in ref_res.values())}/{len(ref_res)})"
        print(line)
        counts = collections.Counter(v[0][:150] for k, v in res.items()
                                     if v and (ref_res is None or ref_res.get(k) is None))
        for msg, n in counts.most_common(10):
            print(f"    {n:4d}  {msg}")


# ----------------------------------------------------------------------------- parent
def _child(python, args, env, alias):
    cmd = [python] + (["-m", "lightspore"] if alias else []) + [os.path.abspath(__file__)] + args
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)


def _rel_err(a, b):
    if a.shape != b.shape:
        return float("inf")
    scale = float(np.max(np.abs(b))) or 1.0
    return float(np.max(np.abs(a.astype(np.float64) - b.astype(np.float64)))) / scale


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkouts", nargs="?")
    ap.add_argument("--ref")
    ap.add_argument("--refdeps")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--imports", nargs="*", metavar="LIB",
                    help="import every module of these libraries (mindcv mindyolo mindocr mindaudio mindnlp)")
    ap.add_argument("--walk", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--compare", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.case:
        run_case(args.case, args.out, args.compare)
        return 0
    if args.walk:
        walk_imports(args.walk[0], args.walk[1], args.out)
        return 0
    root = os.path.abspath(args.checkouts)
    if args.imports is not None:
        import_report(root, args.imports or ["mindcv", "mindyolo", "mindocr", "mindaudio", "mindnlp"], args.ref,
                      args.refdeps)
        return 0
    out_dir = tempfile.mkdtemp(prefix="realcode-")
    rows = []
    for name, (lib, _) in CASES.items():
        if args.only and name not in args.only and lib not in args.only:
            continue
        path = [os.path.join(root, lib)]
        env = dict(os.environ, REALCODE_ROOT=root, GLOG_v="3",
                   PYTHONPATH=os.pathsep.join(path + [os.environ.get("PYTHONPATH", "")]))
        _child(sys.executable, ["--case", name, "--out", out_dir], env, alias=True)
        with open(os.path.join(out_dir, f"{name}.json")) as f:
            res = json.load(f)
        if args.ref and "forward" in res:
            env["PYTHONPATH"] = os.pathsep.join(path + ([args.refdeps] if args.refdeps else []))
            r = _child(args.ref, ["--case", name, "--out", out_dir, "--compare"], env, alias=False)
            ref_json = os.path.join(out_dir, f"{name}.ref.json")
            if os.path.exists(ref_json):
                with open(ref_json) as f:
                    ref = json.load(f)
                if "error" in ref:
                    res["compare"] = f"reference: {ref['error']}"
                else:
                    a = np.load(os.path.join(out_dir, f"{name}.npz"))
                    b = np.load(os.path.join(out_dir, f"{name}.ref.npz"))
                    res["compare"] = max(_rel_err(a[k], b[k]) for k in b.files) if b.files else None
                res["ref_train"] = ref.get("train", ref.get("train_error"))
            else:
                res["compare"] = f"reference child failed: {r.stderr[-300:]}"
        rows.append(res)
        print(json.dumps(res), flush=True)
    print(f"\n{'case':16s} {'built':6s} {'forward':8s} {'train (loss1 -> loss2)':28s} compare (max rel err)")
    for r in rows:
        tr = r.get("train")
        print(f"{r['case']:16s} {'yes' if r.get('built') else 'no':6s} {'yes' if 'forward' in r else 'no':8s} "
              f"{(f'{tr[0]:.5g} -> {tr[1]:.5g}' if tr else 'no'):28s} {r.get('compare', '-')}")
        if "ref_train" in r:
            print(f"{'':16s} reference train: {r['ref_train']}")
        for key in ("error", "train_error"):
            if key in r:
                print(f"{'':16s} {key}: {r[key][:200]}\n{'':16s} at: {r.get('where', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

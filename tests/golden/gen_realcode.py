"""Golden data for tests/test_realcode.py: the private pieces of MindSpore 2.7.1 that public model libraries
(mindnlp 0.1.1, mindocr, mindyolo) import, as the reference behaves.

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_realcode.py

Writes tests/golden/realcode.json and tests/golden/realcode.ckpt (a small checkpoint the reference wrote).
"""
import json
import os
import sys

import mindspore as ms
import mindspore._c_dataengine as cde
import mindspore._c_expression as ce
import mindspore.dataset.text as text
import numpy as np
from mindspore.dataset.text.transforms import DE_C_INTER_NORMALIZE_FORM, NormalizeForm, TextTensorOperation
from mindspore.log import _LogActionOnce
from mindspore.train import serialization as ser

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from realcode_cases import arr, parse_only_transforms  # noqa: E402

out = {}

# ---------------------------------------------------------------- _c_dataengine.Vocab
v = cde.Vocab.from_dict({"a": 3, "b": 5, "c": 0})
out["vocab_dict"] = {"ids": v.tokens_to_ids(["a", "zz", "c"]), "tokens": v.ids_to_tokens([3, 4, 0]),
                     "vocab": v.vocab()}
out["vocab_list_first"] = cde.Vocab.from_list(["x", "y", "x2"], ["<pad>", "<unk>"], True).vocab()
out["vocab_list_last"] = cde.Vocab.from_list(["x", "y"], ["<pad>"], False).vocab()


# ---------------------------------------------------------------- transforms whose class only defines parse()
Lookup, Basic = parse_only_transforms(TextTensorOperation, cde, NormalizeForm, DE_C_INTER_NORMALIZE_FORM)



out["lookup"] = [
    arr(Lookup(v, "a", "int64")(np.array(["a", "b", "zz", "c"]))),
    arr(Lookup(text.Vocab.from_list(["p", "q"]).c_vocab, None, "int32")(np.array([["q", "p"], ["p", "p"]]))),
]
try:
    Lookup(v, None, "int32")(np.array(["zz"]))
    out["lookup_missing"] = None
except Exception as e:  # noqa: BLE001
    out["lookup_missing"] = type(e).__name__
texts = ["Hello, Wörld! 你好", "  MindSpore's API -- on PyTorch.  ", "ÀÉÎ õü"]
out["basic"] = {str(lc): [arr(Basic(lc)(np.array(t))) for t in texts] for lc in (True, False)}
out["normalize_form_map"] = {f.name: int(DE_C_INTER_NORMALIZE_FORM[f]) for f in NormalizeForm}

# ---------------------------------------------------------------- _c_expression._random_normal
a, b, c = (np.zeros((4000,), np.float32) for _ in range(3))
ce._random_normal(7, a, 1.5, 0.5)
ce._random_normal(7, b, 1.5, 0.5)
ce._random_normal(8, c, 1.5, 0.5)
out["random_normal"] = {"same_seed_equal": bool(np.array_equal(a, b)), "other_seed_equal": bool(np.array_equal(a, c)),
                        "mean": float(a.mean()), "std": float(a.std())}

# ---------------------------------------------------------------- train.serialization protobuf helpers
ckpt = os.path.join(HERE, "realcode.ckpt")
ms.save_checkpoint([{"name": "w", "data": ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3) / 4)},
                    {"name": "step", "data": ms.Tensor(np.array([3], np.int32))},
                    {"name": "h", "data": ms.Tensor(np.array([1.5, -2.0], np.float16))}], ckpt)
msg = ser._parse_ckpt_proto(ckpt, None, None, False)
out["parse_ckpt_proto"] = [{"tag": e.tag, "tensor_type": e.tensor.tensor_type, "dims": list(e.tensor.dims),
                            "value": np.frombuffer(e.tensor.tensor_content,
                                                   ser.tensor_to_np_type(e.tensor.tensor_type)).tolist()}
                           for e in msg.value]
out["tensor_to_np_type"] = {k: np.dtype(ser.tensor_to_np_type(k)).name
                            for k in ser.tensor_to_ms_type if k not in ("str", "BFloat16", "Int4")}
out["tensor_to_ms_type"] = {k: str(t) for k, t in ser.tensor_to_ms_type.items()}
out["np_type_convert"] = {k: np.dtype(t).name for k, t in ser.np_type_convert.items()}


# ---------------------------------------------------------------- log._LogActionOnce
class FakeLogger:
    def __init__(self):
        self.calls = []

    def warning(self, msg):
        self.calls.append(msg)


logger = FakeLogger()


def make(key, no_warning):
    @_LogActionOnce(logger=logger, key=key, no_warning=no_warning)
    def f(x):
        logger.warning(f"{key}:{x}")
        return x * 2
    return f


f1, f1b, f2 = make("k1", False), make("k1", False), make("k2", True)
results = [f1(1), f1(2), f1b(3), f2(4), f2(5)]
out["log_action_once"] = {"results": results, "warnings": logger.calls,
                          "restored": logger.warning.__func__ is FakeLogger.warning}

# ---------------------------------------------------------------- ops submodules bound by `import mindspore`
out["ops_submodules"] = {n: hasattr(ms.ops, n) for n in ("function", "functional", "operations", "primitive",
                                                         "composite")}

with open(os.path.join(HERE, "realcode.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
print("wrote", os.path.join(HERE, "realcode.json"))

"""ops.LSTM (the primitive with one flat weight tensor) from the reference's CPU kernel, for
tests/test_lstm_prim.py (run with the reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_lstm_prim.py

CASES: (input_size, hidden_size, num_layers, has_bias, bidirectional); inputs from a fixed numpy seed.
Writes tests/golden/lstm_prim.npz (output, h_n, c_n per case).
"""
import os
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
T, N = 5, 2
CASES = {"uni": (3, 4, 1, True, False), "uni_nobias": (3, 4, 1, False, False), "bi": (3, 4, 1, True, True),
         "bi_nobias": (3, 4, 1, False, True), "stacked": (4, 4, 2, True, False),
         "stacked3": (5, 5, 3, False, False)}
# the reference's CPU kernel refuses these (stacked layers need input_size == hidden_size there)
ERROR_CASES = {"stacked_wide": (3, 5, 3, True, False)}


def weight_size(i, h, layers, bias, bi):
    d = 2 if bi else 1
    return sum(d * 4 * h * ((i if layer == 0 else h * d) + h) + (d * 8 * h if bias else 0) for layer in range(layers))


def inputs(case):
    i, h, layers, bias, bi = {**CASES, **ERROR_CASES}[case]
    d = 2 if bi else 1
    rng = np.random.default_rng(sum(map(ord, case)))
    x = rng.standard_normal((T, N, i)).astype(np.float32)
    h0 = rng.standard_normal((layers * d, N, h)).astype(np.float32)
    c0 = rng.standard_normal((layers * d, N, h)).astype(np.float32)
    w = (rng.standard_normal((weight_size(i, h, layers, bias, bi), 1, 1)) * 0.3).astype(np.float32)
    return x, h0, c0, w


def main():
    warnings.simplefilter("ignore")
    from mindspore import Tensor
    from mindspore.ops import operations as P

    out = {}
    for case, (i, h, layers, bias, bi) in CASES.items():
        res = P.LSTM(i, h, layers, bias, bi, 0.0)(*(Tensor(a) for a in inputs(case)))
        for name, t in zip(("y", "hn", "cn"), res[:3]):
            out[f"{case}/{name}"] = t.asnumpy().copy()
    for case, (i, h, layers, bias, bi) in ERROR_CASES.items():
        try:
            P.LSTM(i, h, layers, bias, bi, 0.0)(*(Tensor(a) for a in inputs(case)))
            out[f"{case}/error"] = np.array("")
        except Exception as e:  # noqa: BLE001
            out[f"{case}/error"] = np.array(type(e).__name__)
    np.savez_compressed(os.path.join(HERE, "lstm_prim.npz"), **out)


if __name__ == "__main__":
    main()

"""Generate golden checkpoint files with real MindSpore 2.7.1 (run with the reference python).

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_ckpt.py

Writes tests/golden/ckpt/:
  *.ckpt / *.safetensors   files written by MindSpore's save_checkpoint
  expected.npz             what MindSpore's load_checkpoint returns for each, as numpy arrays
                           (key "<file>/<name>"; bfloat16 as uint16 bits)
  expected.json            per file: the ordered entries [name, dtype, shape] or [name, "str", value],
                           and how the file was made (arguments), so a test can rebuild it.
Inputs are seeded, so re-running gives the same tensors (encrypted files differ by their random IVs).
"""
import json
import os
import sys

import mindspore as ms
import mindspore.train.serialization as ser
import numpy as np
from mindspore import Parameter, Tensor, nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ckpt")
KEY16 = bytes(range(16))
KEY32 = bytes(range(100, 132))

rng = np.random.default_rng(20240704)


def arr(dtype, shape):
    if dtype == np.bool_:
        return rng.integers(0, 2, size=shape).astype(np.bool_)
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
    return (rng.standard_normal(size=shape) * 10).astype(dtype)


def dtype_params():
    d = {}
    for name, dt in [("float16", np.float16), ("float32", np.float32), ("float64", np.float64),
                     ("int8", np.int8), ("int16", np.int16), ("int32", np.int32), ("int64", np.int64),
                     ("uint8", np.uint8), ("uint16", np.uint16), ("uint32", np.uint32),
                     ("uint64", np.uint64), ("bool", np.bool_)]:
        d[f"p.{name}"] = Parameter(Tensor(arr(dt, (2, 3))), name=f"p.{name}")
    d["p.bfloat16"] = Parameter(Tensor(arr(np.float32, (3, 2)), ms.bfloat16), name="p.bfloat16")
    d["p.scalar"] = Parameter(Tensor(np.array(1.25, np.float32)), name="p.scalar")
    d["p.rank3"] = Parameter(Tensor(arr(np.float32, (2, 1, 4))), name="p.rank3")
    d["p.empty"] = Parameter(Tensor(np.zeros((2, 0, 3), np.float32)), name="p.empty")  # dropped by ckpt save
    return d


APPEND = {"epoch_num": 7, "lr": 0.125, "flag": True, "note": "h\u00e9llo \u2713 \u4e16\u754c", "blank": "",
          "step": Tensor(np.array([5, 6], np.int32))}
APPEND_ST = {"epoch_num": 7, "lr": 0.125, "flag": False}


class Inner(nn.Cell):
    def __init__(self):
        super().__init__()
        self.weight = Parameter(Tensor(arr(np.float32, (3, 4))), name="weight")
        self.bias = Parameter(Tensor(arr(np.float32, (3,))), name="bias")

    def construct(self, x):
        return x


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.block = Inner()
        self.head = Inner()
        self.scale = Parameter(Tensor(np.array([2.0], np.float32)), name="scale")

    def construct(self, x):
        return x


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        p = os.path.join(OUT, f)
        os.chmod(p, 0o600)
        os.remove(p)
    made = {}

    def save(fname, obj, how, **kw):
        path = os.path.join(OUT, fname)
        ms.save_checkpoint(obj, path, **kw)
        ser._async_save_close()
        made[fname] = dict(how=how, args={k: v for k, v in kw.items()
                                          if k in ("crc_check", "enc_mode", "format", "async_save")})

    params = dtype_params()
    save("dtypes.ckpt", dict(params), "dtype_params + APPEND", append_dict=dict(APPEND))
    save("dtypes_crc.ckpt", dict(params), "dtype_params + APPEND", append_dict=dict(APPEND), crc_check=True)
    save("dtypes.safetensors", dict(params), "dtype_params + APPEND_ST", append_dict=dict(APPEND_ST),
         format="safetensors")
    # MindSpore's safetensors crc cannot hash bfloat16 arrays (bytes() refuses its numpy dtype)
    no_bf16 = {k: v for k, v in params.items() if k != "p.bfloat16"}
    save("dtypes_crc.safetensors", no_bf16, "dtype_params without p.bfloat16 + APPEND_ST",
         append_dict=dict(APPEND_ST), format="safetensors", crc_check=True)

    # chunking with MindSpore's own code paths, at a 1 KiB slice instead of 512 MiB
    saved_slice = ser.SLICE_SIZE
    ser.SLICE_SIZE = 1
    big = {"big": Parameter(Tensor(arr(np.float32, (10, 70))), name="big"),
           "small": Parameter(Tensor(arr(np.int8, (5,))), name="small"),
           "big16": Parameter(Tensor(arr(np.float32, (33, 17)), ms.bfloat16), name="big16")}
    save("chunked.ckpt", dict(big), "chunk 1 KiB, raw bytes (sync save)", crc_check=True)
    big_np = dict(big)
    big_np["zero"] = Parameter(Tensor(np.zeros((2, 0, 3), np.float32)), name="zero")
    save("chunked_rows.ckpt", big_np, "chunk 1 KiB, array_split rows (async save)", async_save="thread",
         append_dict={"note": "rows"})
    ser.SLICE_SIZE = saved_slice

    small = {"w": Parameter(Tensor(arr(np.float32, (20, 30))), name="w"),
             "b": Parameter(Tensor(arr(np.float32, (3, 2)), ms.bfloat16), name="b")}
    save("enc_gcm.ckpt", dict(small), "small, AES-GCM KEY16", enc_key=KEY16, enc_mode="AES-GCM")
    save("enc_gcm32.ckpt", dict(small), "small, AES-GCM KEY32", enc_key=KEY32, enc_mode="AES-GCM")
    save("enc_cbc.ckpt", dict(small), "small, AES-CBC KEY16", enc_key=KEY16, enc_mode="AES-CBC")
    save("enc_sm4.ckpt", dict(small), "small, SM4-CBC KEY16", enc_key=KEY16, enc_mode="SM4-CBC")
    saved_block = ser.ENCRYPT_BLOCK_SIZE
    ser.ENCRYPT_BLOCK_SIZE = 1  # 1 KiB plaintext blocks -> several cipher blocks
    save("enc_gcm_blocks.ckpt", dict(small), "small, AES-GCM KEY16, 1 KiB blocks", enc_key=KEY16)
    save("enc_cbc_blocks.ckpt", dict(small), "small, AES-CBC KEY16, 1 KiB blocks", enc_key=KEY16,
         enc_mode="AES-CBC")
    ser.ENCRYPT_BLOCK_SIZE = saved_block

    net = Net()
    save("net.ckpt", net, "Net cell")
    save("net.safetensors", net, "Net cell", format="safetensors")

    expected = {}
    listing = {}
    for fname, info in made.items():
        path = os.path.join(OUT, fname)
        fmt = "safetensors" if fname.endswith(".safetensors") else "ckpt"
        kw = {}
        if fname.startswith("enc_"):
            kw = dict(dec_key=KEY32 if "32" in fname else KEY16,
                      dec_mode=info["args"].get("enc_mode", "AES-GCM"))
        loaded = ms.load_checkpoint(path, format=fmt, **kw)
        entries = []
        for name, v in loaded.items():
            if isinstance(v, str):
                entries.append([name, "str", v])
                continue
            a = v.asnumpy()
            if v.dtype == ms.bfloat16:
                a = a.view(np.uint16)
            expected[f"{fname}/{name}"] = a
            entries.append([name, str(v.dtype), list(v.shape)])
        listing[fname] = dict(info, entries=entries, mode=oct(os.stat(path).st_mode & 0o777),
                              size=os.path.getsize(path))
    np.savez(os.path.join(OUT, "expected.npz"), **expected)
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(dict(mindspore=ms.__version__, python=sys.version.split()[0], files=listing), f, indent=1,
                  ensure_ascii=False)
    for fname in sorted(os.listdir(OUT)):
        print(fname, os.path.getsize(os.path.join(OUT, fname)))


if __name__ == "__main__":
    main()

"""save_checkpoint / load_checkpoint / load_param_into_net against real MindSpore 2.7.1's files.

Golden files: tests/golden/ckpt/ (tests/golden/gen_ckpt.py). With LIGHTSPORE_REF_PYTHON naming a
python that has MindSpore 2.7.1, files written here are also loaded by the reference (live test).
"""
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time

import numpy as np
import pytest
import torch

import lightspore as ms
from lightspore import Parameter, Tensor, nn
from lightspore.train import serialization as ser

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "ckpt")
with open(os.path.join(GOLD, "expected.json"), encoding="utf-8") as _f:
    LISTING = json.load(_f)["files"]
EXPECTED = dict(np.load(os.path.join(GOLD, "expected.npz")))
KEY16 = bytes(range(16))
KEY32 = bytes(range(100, 132))
APPEND = {"epoch_num": 7, "lr": 0.125, "flag": True, "note": "h\u00e9llo \u2713 \u4e16\u754c", "blank": "",
          "step": Tensor(np.array([5, 6], np.int32))}
APPEND_ST = {"epoch_num": 7, "lr": 0.125, "flag": False}


def gold(fname):
    return os.path.join(GOLD, fname)


def gold_bytes(fname):
    with open(gold(fname), "rb") as f:
        return f.read()


def same_safetensors(a, b):
    """Equal safetensors bytes, up to the order of the ``__metadata__`` keys: the safetensors library
    keeps metadata in a Rust HashMap, so their order varies from run to run (in MindSpore too)."""
    na, nb = int.from_bytes(a[:8], "little"), int.from_bytes(b[:8], "little")
    ha, hb = json.loads(a[8:8 + na]), json.loads(b[8:8 + nb])
    if len(ha.get("__metadata__", {})) <= 1:
        return a == b
    return na == nb and ha == hb and a[8 + na:] == b[8 + nb:] and \
        [k for k in ha if k != "__metadata__"] == [k for k in hb if k != "__metadata__"]


def bits(x):
    """Raw bytes of a Tensor / Parameter (bfloat16 included)."""
    t = x._t.detach().contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.uint16)
    return t.numpy().tobytes()


def ref_param(fname, name, dtype):
    arr = EXPECTED[f"{fname}/{name}"]
    t = torch.from_numpy(arr.copy())
    if dtype == "BFloat16":
        t = t.view(torch.bfloat16)
    return Parameter(Tensor._make(t), name=name)


def reference_dict(fname, with_empty=False):
    """The reference's load_checkpoint(fname) result, rebuilt as lightspore objects."""
    out = {}
    for entry in LISTING[fname]["entries"]:
        name, dtype = entry[0], entry[1]
        out[name] = entry[2] if dtype == "str" else ref_param(fname, name, dtype)
        if with_empty and name == "p.rank3":
            out["p.empty"] = Parameter(Tensor(np.zeros((2, 0, 3), np.float32)), name="p.empty")
    return out


def assert_matches_reference(got, fname):
    entries = LISTING[fname]["entries"]
    assert list(got) == [e[0] for e in entries]
    for entry in entries:
        name, dtype = entry[0], entry[1]
        if dtype == "str":
            assert got[name] == entry[2]
            continue
        p = got[name]
        assert isinstance(p, Parameter)
        assert str(p.dtype) == dtype and list(p.shape) == entry[2], name
        assert bits(p) == EXPECTED[f"{fname}/{name}"].tobytes(), name


class Inner(nn.Cell):
    def __init__(self):
        super().__init__()
        self.weight = Parameter(Tensor(np.zeros((3, 4), np.float32)), name="weight")
        self.bias = Parameter(Tensor(np.zeros((3,), np.float32)), name="bias")

    def construct(self, x):
        return x


class Net(nn.Cell):
    """Same structure as gen_ckpt.py's Net."""

    def __init__(self):
        super().__init__()
        self.block = Inner()
        self.head = Inner()
        self.scale = Parameter(Tensor(np.array([1.0], np.float32)), name="scale")

    def construct(self, x):
        return x


def snapshot(net):
    return {p.name: bits(p) for _, p in net.parameters_and_names()}


# ------------------------------------------------------------------------------------------------
# reading the reference's files

@pytest.mark.parametrize("fname", sorted(LISTING))
def test_load_reference_files_bit_exact(fname):
    kw = {}
    if fname.endswith(".safetensors"):
        kw["format"] = "safetensors"
    if fname.startswith("enc_"):
        kw["dec_key"] = KEY32 if "32" in fname else KEY16
        kw["dec_mode"] = LISTING[fname]["args"].get("enc_mode", "AES-GCM")
    if LISTING[fname]["args"].get("crc_check"):
        kw["crc_check"] = True
    assert_matches_reference(ms_load(gold(fname), **kw), fname)


def ms_load(path, **kw):
    return ser.load_checkpoint(path, **kw)


def test_append_dict_values_come_back_typed():
    d = ser.load_checkpoint(gold("dtypes.ckpt"))
    assert d["note"] == "h\u00e9llo \u2713 \u4e16\u754c" and d["blank"] == ""
    assert d["epoch_num"].dtype == ms.int64 and d["epoch_num"].shape == () and int(d["epoch_num"].asnumpy()) == 7
    assert d["lr"].dtype == ms.float32 and float(d["lr"].asnumpy()) == 0.125
    assert d["flag"].dtype == ms.bool_ and bool(d["flag"].asnumpy())
    assert d["step"].dtype == ms.int32 and d["step"].asnumpy().tolist() == [5, 6]
    assert d["p.bfloat16"].dtype == ms.bfloat16
    assert d["p.float32"].name == "p.float32"


def test_load_into_net_from_reference_net_ckpt():
    for fname, kw in (("net.ckpt", {}), ("net.safetensors", {"format": "safetensors"})):
        net = Net()
        d = ser.load_checkpoint(gold(fname), net=net, **kw)
        assert sorted(d) == sorted(e[0] for e in LISTING[fname]["entries"])
        for _, p in net.parameters_and_names():
            assert bits(p) == EXPECTED[f"{fname}/{p.name}"].tobytes()
        assert ser.load_param_into_net(Net(), d) == ([], [])


# ------------------------------------------------------------------------------------------------
# writing what the reference writes

def test_save_cell_byte_identical(tmp_path):
    net = Net()
    ser.load_checkpoint(gold("net.ckpt"), net=net)
    ser.save_checkpoint(net, str(tmp_path / "net.ckpt"))
    assert (tmp_path / "net.ckpt").read_bytes() == gold_bytes("net.ckpt")
    ser.save_checkpoint(net, str(tmp_path / "net"), format="safetensors")  # suffix added
    assert (tmp_path / "net.safetensors").read_bytes() == gold_bytes("net.safetensors")
    assert stat.S_IMODE(os.stat(tmp_path / "net.ckpt").st_mode) == int(LISTING["net.ckpt"]["mode"], 8)


@pytest.mark.parametrize("fname,kw", [
    ("dtypes.ckpt", {}),
    ("dtypes_crc.ckpt", {"crc_check": True}),
    ("dtypes.ckpt", {"async_save": True}),
    ("dtypes.ckpt", {"async_save": "thread"}),
    ("dtypes.ckpt", {"async_save": "process"}),
])
def test_save_dict_with_append_dict_byte_identical(tmp_path, fname, kw):
    params = {k: v for k, v in reference_dict(fname, with_empty=True).items() if k not in APPEND}
    if kw.get("async_save"):  # MindSpore's async path keeps empty tensors; ours too
        params.pop("p.empty")
    out = str(tmp_path / "x.ckpt")
    ser.save_checkpoint(params, out, append_dict=dict(APPEND), **kw)
    ser._wait_async_saves()
    with open(out, "rb") as f:
        assert f.read() == gold_bytes(fname)


def test_save_safetensors_byte_identical(tmp_path):
    for fname, kw in (("dtypes.safetensors", {}), ("dtypes_crc.safetensors", {"crc_check": True})):
        params = {k: v for k, v in reference_dict(fname).items() if k not in APPEND_ST}
        out = str(tmp_path / fname)
        ser.save_checkpoint(params, out, append_dict=dict(APPEND_ST), format="safetensors", **kw)
        with open(out, "rb") as f:
            assert same_safetensors(f.read(), gold_bytes(fname)), fname


def test_save_list_forms_and_choice_func(tmp_path):
    net = Net()
    ser.load_checkpoint(gold("net.ckpt"), net=net)
    out = str(tmp_path / "l.ckpt")
    ser.save_checkpoint(list(net.get_parameters()), out)
    assert open(out, "rb").read() == gold_bytes("net.ckpt")
    ser.save_checkpoint([{"name": p.name, "data": p} for p in net.get_parameters()], out)
    assert open(out, "rb").read() == gold_bytes("net.ckpt")
    ser.save_checkpoint(net, out, choice_func=lambda n: n.startswith("head"))
    assert list(ser.load_checkpoint(out)) == ["head.weight", "head.bias"]
    ser.save_checkpoint({"a": np.arange(3, dtype=np.float32), "t": Tensor(np.ones(2, np.int8))}, out)
    d = ser.load_checkpoint(out)
    assert d["a"].asnumpy().tolist() == [0, 1, 2] and d["t"].dtype == ms.int8


def test_encrypted_roundtrip_and_reference_files(tmp_path):
    net = Net()
    ser.load_checkpoint(gold("net.ckpt"), net=net)
    for mode in ("AES-GCM", "AES-CBC", "SM4-CBC"):
        out = str(tmp_path / f"{mode}.ckpt")
        ser.save_checkpoint(net, out, enc_key=KEY16, enc_mode=mode)
        got = ser.load_checkpoint(out, dec_key=KEY16, dec_mode=mode)
        assert {k: bits(v) for k, v in got.items()} == snapshot(net)
        with pytest.raises(ValueError, match="encrypted"):
            ser.load_checkpoint(out)
    with pytest.raises(ValueError, match="cannot be used together"):
        ser.save_checkpoint(net, str(tmp_path / "x.ckpt"), enc_key=KEY16, crc_check=True)


def test_async_save_is_joined_and_snapshotted(tmp_path):
    net = Net()
    ser.load_checkpoint(gold("net.ckpt"), net=net)
    before = snapshot(net)
    out = str(tmp_path / "a.ckpt")
    ser.save_checkpoint(net, out, async_save=True)
    net.scale.set_data(Tensor(np.array([99.0], np.float32)))
    ser._wait_async_saves()
    assert not ser.async_ckpt_thread_status()
    assert {k: bits(v) for k, v in ser.load_checkpoint(out).items()} == before


# ------------------------------------------------------------------------------------------------
# load_param_into_net rules

def _dict_of(net, **changes):
    d = {p.name: Parameter(Tensor._make(p._t.clone()), name=p.name) for _, p in net.parameters_and_names()}
    d.update(changes)
    return d


def test_wrong_shape_leaves_net_untouched():
    src = Net()
    ser.load_checkpoint(gold("net.ckpt"), net=src)
    net = Net()
    before = snapshot(net)
    bad = _dict_of(src, **{"head.bias": Parameter(Tensor(np.zeros((4,), np.float32)), name="head.bias")})
    with pytest.raises(RuntimeError, match="head.bias.*same shape"):
        ser.load_param_into_net(net, bad)
    assert snapshot(net) == before  # scale and block.* come first and were not assigned either


def test_dtype_rules():
    net = Net()
    before = snapshot(net)
    f16 = _dict_of(net, **{"scale": Parameter(Tensor(np.array([3.0], np.float16)), name="scale")})
    with pytest.raises(RuntimeError, match="same type"):
        ser.load_param_into_net(net, f16, strict_load=True)
    assert snapshot(net) == before
    assert ser.load_param_into_net(net, f16) == ([], [])
    assert net.scale.dtype == ms.float32 and net.scale.asnumpy().tolist() == [3.0]
    i32 = _dict_of(net, **{"scale": Parameter(Tensor(np.array([3], np.int32)), name="scale")})
    with pytest.raises(RuntimeError, match="same type"):
        ser.load_param_into_net(net, i32)


def test_missing_keys_prefix_and_strict():
    src = Net()
    ser.load_checkpoint(gold("net.ckpt"), net=src)
    d = _dict_of(src)
    del d["head.weight"]
    d["extra"] = "a string"
    net = Net()
    before = snapshot(net)
    not_loaded, ckpt_left = ser.load_param_into_net(net, d, strict_load=True)
    assert not_loaded == ["head.weight"] and ckpt_left == ["extra"]
    assert snapshot(net)["head.weight"] == before["head.weight"]
    assert snapshot(net)["head.bias"] == bits(src.head.bias)
    # names with an extra prefix in the dict are matched when strict_load=False
    prefixed = {"net." + k: v for k, v in _dict_of(src).items()}
    net2 = Net()
    not_loaded, ckpt_left = ser.load_param_into_net(net2, prefixed)
    assert not_loaded == [] and snapshot(net2) == snapshot(src)
    net3 = Net()
    assert ser.load_param_into_net(net3, prefixed, strict_load=True)[0] == [p.name for p in net3.get_parameters()]


def test_trailing_unit_dims_are_squeezed():
    net = Net()
    d = {"scale": Parameter(Tensor(np.full((1, 1, 1), 5.0, np.float32)), name="scale")}
    ser.load_param_into_net(net, d)
    assert net.scale.shape == (1,) and net.scale.asnumpy().tolist() == [5.0]


def test_load_param_into_net_arg_errors():
    with pytest.raises(TypeError, match="Cell"):
        ser.load_param_into_net({}, {})
    with pytest.raises(TypeError, match="dict"):
        ser.load_param_into_net(Net(), [])
    with pytest.raises(TypeError, match="'str' and 'Parameter'"):
        ser.load_param_into_net(Net(), {"scale": np.zeros(1)})
    with pytest.raises(TypeError, match="strict_load"):
        ser.load_param_into_net(Net(), {}, strict_load=1)


# ------------------------------------------------------------------------------------------------
# bad files and arguments: clear errors, net and target untouched

def test_bad_files_leave_net_untouched(tmp_path):
    data = gold_bytes("net.ckpt")
    rng = np.random.default_rng(1)
    cases = {
        "missing.ckpt": None,
        "empty.ckpt": b"",
        "random.ckpt": rng.integers(0, 256, 500, dtype=np.uint8).tobytes(),
    }
    for cut in (1, 5, 50, len(data) // 2, len(data) - 1):
        cases[f"cut{cut}.ckpt"] = data[:cut]
    net = Net()
    before = snapshot(net)
    for fname, content in cases.items():
        path = tmp_path / fname
        if content is not None:
            path.write_bytes(content)
        with pytest.raises(ValueError, match=fname.replace(".", r"\.")):
            ser.load_checkpoint(str(path), net=net)
        assert snapshot(net) == before, fname
    os.mkdir(tmp_path / "adir.ckpt")
    with pytest.raises(ValueError, match="directory"):
        ser.load_checkpoint(str(tmp_path / "adir.ckpt"), net=net)
    with pytest.raises(ValueError, match="format"):
        ser.load_checkpoint(gold("net.ckpt"), format="safetensors")
    with pytest.raises(ValueError, match="end with"):
        ser.load_checkpoint(gold("net.ckpt"), format="pt")
    with pytest.raises(TypeError):
        ser.load_checkpoint(123)
    with pytest.raises(ValueError, match="empty after filter"):
        ser.load_checkpoint(gold("net.ckpt"), filter_prefix=["block", "head", "scale"])
    with pytest.raises(ValueError, match="crc check"):
        flipped = bytearray(gold_bytes("dtypes_crc.ckpt"))
        flipped[100] ^= 1
        (tmp_path / "flip.ckpt").write_bytes(bytes(flipped))
        ser.load_checkpoint(str(tmp_path / "flip.ckpt"), net=net, crc_check=True)
    assert snapshot(net) == before


def test_valid_file_wrong_shape_or_dtype_for_net(tmp_path):
    net = Net()
    ser.load_checkpoint(gold("net.ckpt"), net=net)
    before = snapshot(net)
    for name, value in (("shape.ckpt", np.zeros((3, 5), np.float32)), ("dtype.ckpt", np.zeros((3, 4), np.int32))):
        d = {p.name: p for p in Net().get_parameters()}
        d["head.weight"] = Tensor(value)
        ser.save_checkpoint(d, str(tmp_path / name))
        with pytest.raises(RuntimeError, match="head.weight.*same (shape|type)"):
            ser.load_checkpoint(str(tmp_path / name), net=net)
        assert snapshot(net) == before


def test_prefix_filters():
    assert list(ser.load_checkpoint(gold("net.ckpt"), specify_prefix="block")) == ["block.weight", "block.bias"]
    assert list(ser.load_checkpoint(gold("net.ckpt"), filter_prefix=("block", "scale"))) == \
        ["head.weight", "head.bias"]
    assert list(ser.load_checkpoint(gold("net.ckpt"), choice_func=lambda n: n.endswith("bias"))) == \
        ["block.bias", "head.bias"]
    with pytest.raises(ValueError, match="can't include ''"):
        ser.load_checkpoint(gold("net.ckpt"), specify_prefix=[""])
    with pytest.raises(TypeError):
        ser.load_checkpoint(gold("net.ckpt"), specify_prefix=3)


def test_save_arg_errors_and_unwritable_targets(tmp_path):
    net = Net()
    target = tmp_path / "keep.ckpt"
    ser.save_checkpoint(net, str(target))
    old = target.read_bytes()
    with pytest.raises(TypeError, match="save_obj"):
        ser.save_checkpoint(3, str(target))
    with pytest.raises(TypeError, match="ckpt_file_name"):
        ser.save_checkpoint(net, 3)
    with pytest.raises(ValueError, match="format"):
        ser.save_checkpoint(net, str(target), format="pt")
    with pytest.raises(TypeError, match="append_info"):
        ser.save_checkpoint(net, str(target), append_dict={"x": [1]})
    with pytest.raises(ValueError, match="async_save"):
        ser.save_checkpoint(net, str(target), async_save="fork")
    with pytest.raises(ValueError, match="enc_key"):
        ser.save_checkpoint(net, str(tmp_path / "x.safetensors"), format="safetensors", enc_key=KEY16)
    with pytest.raises(IsADirectoryError):
        ser.save_checkpoint(net, str(tmp_path))
    with pytest.raises(OSError):
        ser.save_checkpoint(net, str(target / "sub.ckpt"))  # parent is a file
    with pytest.raises(OSError):
        ser.save_checkpoint(net, str(tmp_path / "no" / "x.ckpt"))
    with pytest.raises(ValueError, match="safetensors format cannot store the string"):
        ser.save_checkpoint(net, str(tmp_path / "s.safetensors"), format="safetensors", append_dict={"s": "x"})
    complex_p = {"c": Tensor(np.ones(2, np.complex64))}
    with pytest.raises(TypeError, match="Complex64"):
        ser.save_checkpoint(complex_p, str(target))
    assert target.read_bytes() == old
    assert sorted(os.listdir(tmp_path)) == ["keep.ckpt"]


# ------------------------------------------------------------------------------------------------
# converters and the torch bridge

def test_ckpt_safetensors_converters(tmp_path):
    src = tmp_path / "net.ckpt"
    src.write_bytes(gold_bytes("net.ckpt"))
    ser.ckpt_to_safetensors(str(src))
    assert (tmp_path / "net.safetensors").read_bytes() == gold_bytes("net.safetensors")
    ser.safetensors_to_ckpt(str(tmp_path / "net.safetensors"), str(tmp_path / "back"))
    back = ser.load_checkpoint(str(tmp_path / "back" / "net.ckpt"))
    assert list(back) == sorted(back)  # safetensors names come back sorted, so the ckpt is in that order
    assert {k: bits(v) for k, v in back.items()} == {k: EXPECTED[f"net.ckpt/{k}"].tobytes() for k in back}
    for rank in ("rank_0", "rank_1"):
        os.makedirs(tmp_path / "tree" / rank)
        (tmp_path / "tree" / rank / "net.ckpt").write_bytes(gold_bytes("net.ckpt"))
    ser.ckpt_to_safetensors(str(tmp_path / "tree"), str(tmp_path / "out"), name_map={"scale": "gain"})
    d = ser.load_checkpoint(str(tmp_path / "out" / "rank_1" / "net.safetensors"), format="safetensors")
    assert "gain" in d and "scale" not in d
    with pytest.raises(ValueError, match="valid path"):
        ser.ckpt_to_safetensors(str(tmp_path / "nothing"))
    with pytest.raises(ValueError, match="must be a .ckpt"):
        ser.ckpt_to_safetensors(str(tmp_path / "net.safetensors"))


def test_torch_state_dict_bridge():
    net = Net()
    ser.load_checkpoint(gold("net.ckpt"), net=net)
    sd = ser.to_torch_state_dict(net)
    assert list(sd) == ["scale", "block.weight", "block.bias", "head.weight", "head.bias"]
    assert sd["scale"].data_ptr() == net.scale._t.data_ptr()  # zero-copy
    lin = torch.nn.Linear(4, 3)
    lin.load_state_dict({"weight": sd["block.weight"], "bias": sd["block.bias"]})
    net2 = Net()
    assert ser.load_torch_state_dict(net2, sd) == ([], [])
    assert snapshot(net2) == snapshot(net)
    before = snapshot(net2)
    with pytest.raises(RuntimeError, match="same shape"):
        ser.load_torch_state_dict(net2, {"scale": torch.zeros(2), "head.bias": torch.zeros(3)})
    assert snapshot(net2) == before
    with pytest.raises(TypeError):
        ser.load_torch_state_dict(net2, {"scale": np.zeros(1)})


def test_convert_cli(tmp_path):
    src = tmp_path / "net.ckpt"
    src.write_bytes(gold_bytes("net.ckpt"))
    env = dict(os.environ)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "lightspore.convert", *args], capture_output=True,
                              text=True, env=env, timeout=120)

    r = run(str(src), str(tmp_path / "net.pt"))
    assert r.returncode == 0, r.stderr
    sd = torch.load(tmp_path / "net.pt", weights_only=True)
    assert list(sd) == ["scale", "block.weight", "block.bias", "head.weight", "head.bias"]
    assert sd["block.weight"].numpy().tobytes() == EXPECTED["net.ckpt/block.weight"].tobytes()
    r = run(str(tmp_path / "net.pt"), str(tmp_path / "again.safetensors"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "again.safetensors").read_bytes() == gold_bytes("net.safetensors")
    r = run(str(tmp_path / "again.safetensors"), str(tmp_path / "again.ckpt"))
    assert r.returncode == 0, r.stderr
    d = ser.load_checkpoint(str(tmp_path / "again.ckpt"))
    assert {k: bits(v) for k, v in d.items()} == {k: EXPECTED[f"net.ckpt/{k}"].tobytes() for k in d}
    r = run(str(tmp_path / "missing.ckpt"), str(tmp_path / "x.pt"))
    assert r.returncode != 0 and "does not exist" in r.stderr
    r = run(str(src), str(tmp_path / "x.txt"))
    assert r.returncode != 0 and "extension" in r.stderr


# ------------------------------------------------------------------------------------------------
# kill -9 while saving

_KILL_SERVER = r"""
import os, sys, numpy as np
import lightspore as ms
from lightspore.train import serialization as ser

target = sys.argv[1]
big = np.arange(4 * 1024 * 1024, dtype=np.float32)  # 16 MiB


def work():
    i = 0
    while True:
        i += 1
        v = np.float32(i % 2 + 1)
        ser.save_checkpoint({"big": ms.Tensor(big * v), "ver": ms.Tensor(np.array([v]))}, target)


print("ready", flush=True)
for line in sys.stdin:  # one forked saver per "go"; the test kills it with SIGKILL
    if line.strip() != "go":
        break
    pid = os.fork()
    if pid == 0:
        try:
            work()
        finally:
            os._exit(0)
    print(pid, flush=True)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""


def test_kill_during_save_never_leaves_a_broken_file(tmp_path):
    """A process saving a 16 MiB checkpoint in a loop is kill -9'ed at random moments, 24 times; the
    target is always the old file or a complete new one. (The saver is forked from a server that has
    imported lightspore once, so each kill costs milliseconds, not an interpreter start.)"""
    target = tmp_path / "k.ckpt"
    big = np.arange(4 * 1024 * 1024, dtype=np.float32)
    ser.save_checkpoint({"big": Tensor(big * 0), "ver": Tensor(np.array([0.0], np.float32))}, str(target))
    script = tmp_path / "server.py"
    script.write_text(_KILL_SERVER)
    server = subprocess.Popen([sys.executable, str(script), str(target)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    rnd = random.Random(4)
    seen = []
    try:
        assert server.stdout.readline().strip() == "ready"
        for _ in range(24):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rnd.uniform(0.0, 0.3))
            os.kill(pid, signal.SIGKILL)
            assert server.stdout.readline().strip() == "reaped"
            d = ser.load_checkpoint(str(target))  # always complete and loadable
            ver = float(d["ver"].asnumpy()[0])
            assert ver in (0.0, 1.0, 2.0)
            assert d["big"].asnumpy().tobytes() == (big * np.float32(ver)).tobytes()
            assert stat.S_IMODE(os.stat(target).st_mode) == 0o400
            seen.append(ver)
        # one more saver, killed only once it has replaced the file at least once: proves saves do
        # complete (on a loaded machine a 0-0.3 s window may end every save before its rename)
        before = os.stat(target).st_mtime_ns
        server.stdin.write("go\n")
        server.stdin.flush()
        pid = int(server.stdout.readline())
        deadline = time.monotonic() + 60
        while os.stat(target).st_mtime_ns == before and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(pid, signal.SIGKILL)
        assert server.stdout.readline().strip() == "reaped"
        d = ser.load_checkpoint(str(target))
        ver = float(d["ver"].asnumpy()[0])
        assert d["big"].asnumpy().tobytes() == (big * np.float32(ver)).tobytes()
        seen.append(ver)
    finally:
        server.kill()
        server.wait()
    assert len(seen) == 25 and seen[-1] in (1.0, 2.0), seen
    leftovers = [f for f in os.listdir(tmp_path) if f not in ("k.ckpt", "server.py")]
    assert all(".ckpt.tmp" in f for f in leftovers), leftovers  # only temp files may remain after kill -9


# ------------------------------------------------------------------------------------------------
# live: files written here load bit-exact into real MindSpore

REF = os.environ.get("LIGHTSPORE_REF_PYTHON")


@pytest.mark.skipif(not REF, reason="set LIGHTSPORE_REF_PYTHON to a python with mindspore 2.7.1")
def test_reference_loads_lightspore_files(tmp_path):
    params = {k: v for k, v in reference_dict("dtypes.ckpt").items() if k not in APPEND}
    files = {
        "a.ckpt": dict(append_dict=dict(APPEND)),
        "b.ckpt": dict(append_dict=dict(APPEND), crc_check=True),
        "c.ckpt": dict(enc_key=KEY16, enc_mode="AES-GCM"),
        "d.ckpt": dict(enc_key=KEY32, enc_mode="AES-CBC"),
        "e.ckpt": dict(enc_key=KEY16, enc_mode="SM4-CBC"),
        "f.safetensors": dict(format="safetensors"),
    }
    for fname, kw in files.items():
        ser.save_checkpoint(params, str(tmp_path / fname), **kw)
    script = r"""
import sys, json, numpy as np, mindspore as ms
out = {}
for fname, kw in json.loads(sys.argv[2]).items():
    if "dec_key" in kw: kw["dec_key"] = bytes(kw["dec_key"])
    d = ms.load_checkpoint(sys.argv[1] + "/" + fname, **kw)
    res = {}
    for k, v in d.items():
        if isinstance(v, str):
            res[k] = ["str", v]
        else:
            a = v.asnumpy()
            a = a.view(np.uint16) if v.dtype == ms.bfloat16 else a
            res[k] = [str(v.dtype), list(v.shape), a.tobytes().hex()]
    out[fname] = res
print(json.dumps(out))
"""
    load_kw = {"a.ckpt": {}, "b.ckpt": {"crc_check": True},
               "c.ckpt": {"dec_key": list(KEY16), "dec_mode": "AES-GCM"},
               "d.ckpt": {"dec_key": list(KEY32), "dec_mode": "AES-CBC"},
               "e.ckpt": {"dec_key": list(KEY16), "dec_mode": "SM4-CBC"},
               "f.safetensors": {"format": "safetensors"}}
    r = subprocess.run([REF, "-c", script, str(tmp_path), json.dumps(load_kw)], capture_output=True, text=True,
                       env=dict(os.environ, GLOG_v="3"), timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    got = json.loads(r.stdout.strip().splitlines()[-1])
    for fname in files:
        for k, v in params.items():
            dtype, shape, hexdata = got[fname][k]
            assert dtype == str(v.dtype) and shape == list(v.shape), (fname, k)
            assert bytes.fromhex(hexdata) == bits(v), (fname, k)
        if fname in ("a.ckpt", "b.ckpt"):
            assert got[fname]["note"] == ["str", APPEND["note"]]
            assert got[fname]["epoch_num"][:2] == ["Int64", []]

"""The .ckpt / .safetensors file layer against files written by real MindSpore 2.7.1.

Golden files: tests/golden/ckpt/, made by tests/golden/gen_ckpt.py with the reference python;
expected.npz/expected.json hold what the reference's load_checkpoint returned for each file.
"""
import json
import os
import stat
import struct

import numpy as np
import pytest

from lightspore.train import _ckpt_format as fmt
from lightspore.train._checkpoint_pb2 import Checkpoint

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "ckpt")
with open(os.path.join(GOLD, "expected.json"), encoding="utf-8") as _f:
    LISTING = json.load(_f)["files"]
EXPECTED = dict(np.load(os.path.join(GOLD, "expected.npz")))
KEY16 = bytes(range(16))
KEY32 = bytes(range(100, 132))
CKPT_FILES = sorted(f for f in LISTING if f.endswith(".ckpt"))
ST_FILES = sorted(f for f in LISTING if f.endswith(".safetensors"))


def gold(fname):
    return os.path.join(GOLD, fname)


def gold_bytes(fname):
    with open(gold(fname), "rb") as f:
        return f.read()


def expected_items(fname):
    """The reference's view of a file as ordered (name, value, dtype) triples."""
    items = []
    for entry in LISTING[fname]["entries"]:
        name, dtype = entry[0], entry[1]
        if dtype == "str":
            items.append((name, entry[2], "str"))
        else:
            items.append((name, EXPECTED[f"{fname}/{name}"], dtype))
    return items


def dec_args(fname):
    if not fname.startswith("enc_"):
        return {}
    mode = LISTING[fname]["args"].get("enc_mode", "AES-GCM")
    return {"dec_key": KEY32 if "32" in fname else KEY16, "dec_mode": mode}


def same_safetensors(a, b):
    """Equal safetensors bytes, up to the order of the ``__metadata__`` keys: the safetensors library
    keeps metadata in a Rust HashMap, so their order varies from run to run (in MindSpore too)."""
    na, nb = int.from_bytes(a[:8], "little"), int.from_bytes(b[:8], "little")
    ha, hb = json.loads(a[8:8 + na]), json.loads(b[8:8 + nb])
    if len(ha.get("__metadata__", {})) <= 1:
        return a == b
    return na == nb and ha == hb and a[8 + na:] == b[8 + nb:] and \
        [k for k in ha if k != "__metadata__"] == [k for k in hb if k != "__metadata__"]


def assert_same(got, items):
    assert list(got) == [n for n, _, _ in items]
    for name, value, dtype in items:
        gv, gd = got[name]
        assert gd == dtype, name
        if dtype == "str":
            assert gv == value
        else:
            assert gv.dtype == fmt.CKPT_DTYPES[dtype], name
            assert gv.shape == value.shape, name
            assert gv.tobytes() == value.tobytes(), name  # bit-exact


# ------------------------------------------------------------------------------------------------
# reading what MindSpore wrote

@pytest.mark.parametrize("fname", CKPT_FILES)
def test_read_reference_ckpt_bit_exact(fname):
    got = fmt.read_ckpt(gold(fname), crc_check=bool(LISTING[fname]["args"].get("crc_check")),
                        **dec_args(fname))
    assert_same(got, expected_items(fname))


@pytest.mark.parametrize("fname", ST_FILES)
def test_read_reference_safetensors_bit_exact(fname):
    got, meta = fmt.read_safetensors(gold(fname), crc_check=bool(LISTING[fname]["args"].get("crc_check")))
    assert meta["format"] == "ms"
    assert_same(got, expected_items(fname))


def test_every_dtype_and_append_dict_value_present():
    kinds = {e[1] for e in LISTING["dtypes.ckpt"]["entries"]}
    assert kinds == set(fmt.CKPT_DTYPES) | {"str"}
    got = fmt.read_ckpt(gold("dtypes.ckpt"))
    assert got["note"] == ("h\u00e9llo \u2713 \u4e16\u754c", "str")
    assert got["blank"] == ("", "str")
    assert got["epoch_num"][1] == "Int64" and got["epoch_num"][0].shape == () and got["epoch_num"][0] == 7
    assert got["lr"][1] == "Float32" and got["lr"][0] == np.float32(0.125)
    assert got["flag"][1] == "Bool" and got["flag"][0].dtype == np.bool_ and bool(got["flag"][0])
    assert "p.empty" not in got  # MindSpore's normal save leaves out tensors with no elements
    assert got["p.bfloat16"][0].dtype == np.uint16  # raw bfloat16 bits


def test_chunked_files_have_repeated_tags():
    for fname in ("chunked.ckpt", "chunked_rows.ckpt"):
        data = gold_bytes(fname)
        if data[-17:-10] == b"crc_num":
            data = data[:-17]
        msg = Checkpoint()
        msg.ParseFromString(data)
        tags = [v.tag for v in msg.value]
        assert tags.count("big") > 1 and tags.count("big16") > 1, (fname, tags)


def test_read_choice_filters():
    got = fmt.read_ckpt(gold("net.ckpt"), choice=lambda n: n.startswith("block."))
    assert list(got) == ["block.weight", "block.bias"]
    got, _ = fmt.read_safetensors(gold("net.safetensors"), choice=lambda n: n == "scale")
    assert list(got) == ["scale"]


def test_reference_crc_layout():
    data = gold_bytes("dtypes_crc.ckpt")
    import binascii
    assert data[-17:-10] == b"crc_num"
    assert int.from_bytes(data[-10:], "big") == binascii.crc32(data[:-17])
    assert data[:-17] == gold_bytes("dtypes.ckpt")


# ------------------------------------------------------------------------------------------------
# writing what MindSpore writes, byte for byte

def _write_and_read(tmp_path, fname, **kw):
    out = tmp_path / fname
    fmt.write_ckpt(out, **kw)
    return out.read_bytes()


def _dtypes_items_with_empty(fname):
    items = expected_items(fname)
    at = [n for n, _, _ in items].index("p.rank3") + 1
    items.insert(at, ("p.empty", np.zeros((2, 0, 3), np.float32), "Float32"))
    return items


@pytest.mark.parametrize("fname,kw", [
    ("dtypes.ckpt", {}),
    ("dtypes_crc.ckpt", {"crc_check": True}),
    ("net.ckpt", {}),
    ("chunked.ckpt", {"crc_check": True, "chunk_bytes": 1024}),
    ("chunked_rows.ckpt", {"chunk_bytes": 1024, "chunking": "rows"}),
])
def test_write_ckpt_byte_identical(tmp_path, fname, kw):
    items = _dtypes_items_with_empty(fname) if fname.startswith("dtypes") else expected_items(fname)
    if fname == "chunked_rows.ckpt":  # the async path keeps empty tensors; the reference read it back
        assert ("zero", (2, 0, 3)) in [(n, v.shape) for n, v, d in items if d != "str"]
    assert _write_and_read(tmp_path, fname, items=items, **kw) == gold_bytes(fname)


@pytest.mark.parametrize("fname,kw", [
    ("dtypes.safetensors", {}),
    ("dtypes_crc.safetensors", {"crc_check": True}),
    ("net.safetensors", {}),
])
def test_write_safetensors_byte_identical(tmp_path, fname, kw):
    out = tmp_path / fname
    items = expected_items(fname)[::-1]  # order of the input does not matter: names are sorted
    fmt.write_safetensors(out, items, **kw)
    assert same_safetensors(out.read_bytes(), gold_bytes(fname))


def test_written_mode_matches_reference(tmp_path):
    out = tmp_path / "m.ckpt"
    fmt.write_ckpt(out, expected_items("net.ckpt"))
    assert oct(stat.S_IMODE(os.stat(out).st_mode)) == LISTING["net.ckpt"]["mode"] == "0o400"
    st = tmp_path / "m.safetensors"
    fmt.write_safetensors(st, expected_items("net.safetensors"))
    assert oct(stat.S_IMODE(os.stat(st).st_mode)) == LISTING["net.safetensors"]["mode"]


def test_write_accepts_mapping_and_zero_dim(tmp_path):
    out = tmp_path / "d.ckpt"
    fmt.write_ckpt(out, {"a": (np.float64(3.5), "Float64"), "s": ("x", "str"),
                         "b": (np.arange(4, dtype=np.int16).reshape(2, 2).T, "Int16")})
    got = fmt.read_ckpt(out)
    assert got["a"][0].shape == () and got["a"][0] == 3.5
    assert got["s"] == ("x", "str")
    assert got["b"][0].tolist() == [[0, 2], [1, 3]]


# ------------------------------------------------------------------------------------------------
# encryption

def _blocks(data, mode):
    """Split a MindSpore cipher file into its blocks' IVs."""
    ivs, pos = [], 0
    while pos < len(data):
        pos += 4 + (16 if mode == "AES-GCM" else 0)
        (block_len,) = struct.unpack_from("<i", data, pos)
        ivs.append(bytes(data[pos + 8:pos + 24]))
        pos += 4 + block_len
    return ivs


@pytest.mark.parametrize("fname,block", [
    ("enc_gcm.ckpt", None), ("enc_gcm32.ckpt", None), ("enc_cbc.ckpt", None), ("enc_sm4.ckpt", None),
    ("enc_gcm_blocks.ckpt", 1024), ("enc_cbc_blocks.ckpt", 1024),
])
def test_encrypt_reproduces_reference_file(tmp_path, fname, block):
    """Given the reference's random IVs, our encryption of our own plaintext gives its exact bytes."""
    args = dec_args(fname)
    plain = _write_and_read(tmp_path, "plain.ckpt", items=expected_items(fname))
    ref = gold_bytes(fname)
    ivs = iter(_blocks(ref, args["dec_mode"]))
    kw = {"block_size": block} if block else {}
    mine = fmt.encrypt_stream(plain, args["dec_key"], args["dec_mode"], iv_source=lambda: next(ivs), **kw)
    assert mine == ref
    assert len(_blocks(ref, args["dec_mode"])) == (1 if block is None else -(-len(plain) // block))


@pytest.mark.parametrize("mode", ["AES-GCM", "AES-CBC", "SM4-CBC"])
def test_encrypted_roundtrip(tmp_path, mode):
    out = tmp_path / "e.ckpt"
    items = expected_items("net.ckpt")
    fmt.write_ckpt(out, items, enc_key=KEY16, enc_mode=mode)
    assert fmt.is_encrypted(out.read_bytes())
    assert_same(fmt.read_ckpt(out, dec_key=KEY16, dec_mode=mode), items)


def test_encrypted_errors(tmp_path):
    with pytest.raises(ValueError, match="encrypted.*dec_key"):
        fmt.read_ckpt(gold("enc_gcm.ckpt"))
    with pytest.raises(ValueError, match="decryption failed"):
        fmt.read_ckpt(gold("enc_gcm.ckpt"), dec_key=bytes(16))
    with pytest.raises(ValueError, match="not an AES-CBC"):
        fmt.read_ckpt(gold("enc_gcm.ckpt"), dec_key=KEY16, dec_mode="AES-CBC")
    with pytest.raises(ValueError, match="decryption failed"):
        fmt.read_ckpt(gold("enc_cbc.ckpt"), dec_key=bytes(16), dec_mode="AES-CBC")
    with pytest.raises(ValueError, match="encryption mode"):
        fmt.read_ckpt(gold("enc_gcm.ckpt"), dec_key=KEY16, dec_mode="DES-ECB")
    data = bytearray(gold_bytes("enc_gcm.ckpt"))
    data[60] ^= 1
    bad = tmp_path / "bad.ckpt"
    bad.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=str(bad)):
        fmt.read_ckpt(bad, dec_key=KEY16)
    bad.write_bytes(bytes(data[:-5]))
    with pytest.raises(ValueError, match="truncated"):
        fmt.read_ckpt(bad, dec_key=KEY16)
    with pytest.raises(ValueError, match="cannot be used together"):
        fmt.write_ckpt(tmp_path / "x.ckpt", expected_items("net.ckpt"), enc_key=KEY16, crc_check=True)


# ------------------------------------------------------------------------------------------------
# bad files

def test_missing_dir_empty(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        fmt.read_ckpt(tmp_path / "nope.ckpt")
    with pytest.raises(ValueError, match="directory"):
        fmt.read_ckpt(tmp_path)
    (tmp_path / "empty.ckpt").write_bytes(b"")
    with pytest.raises(ValueError, match="empty.ckpt.*empty"):
        fmt.read_ckpt(tmp_path / "empty.ckpt")
    (tmp_path / "empty.safetensors").write_bytes(b"")
    with pytest.raises(ValueError, match="empty"):
        fmt.read_safetensors(tmp_path / "empty.safetensors")
    with pytest.raises(ValueError, match="does not exist"):
        fmt.read_safetensors(tmp_path / "nope.safetensors")
    with pytest.raises(ValueError, match="directory"):
        fmt.read_safetensors(tmp_path)
    with pytest.raises(TypeError):
        fmt.read_ckpt(3)


@pytest.mark.parametrize("fname", ["dtypes.ckpt", "chunked.ckpt"])
def test_truncated_at_every_offset_never_gives_wrong_data(tmp_path, fname):
    """A cut inside a value is an error; a cut exactly between values is a shorter valid file, and
    what it holds is then exactly the reference's first values (with crc_check the cut is caught)."""
    data = gold_bytes(fname)
    full = expected_items(fname)
    crc = data[-17:-10] == b"crc_num"
    bad = tmp_path / "t.ckpt"
    errors = 0
    for cut in range(1, len(data)):
        bad.write_bytes(data[:cut])
        try:
            got = fmt.read_ckpt(bad)
        except ValueError as e:
            assert str(bad) in str(e)
            errors += 1
            continue
        assert not crc or cut <= len(data) - 17, "cut into the crc trailer must not pass silently"
        names = list(got)
        assert_same(got, full[:len(names)])  # whatever is read is complete and exact
        if crc:
            with pytest.warns(UserWarning, match="crc"):
                fmt.read_ckpt(bad, crc_check=True)
    assert errors > len(data) * 0.9


def test_crc_mismatch(tmp_path):
    data = bytearray(gold_bytes("dtypes_crc.ckpt"))
    data[40] ^= 0xFF
    bad = tmp_path / "c.ckpt"
    bad.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="crc check failed"):
        fmt.read_ckpt(bad, crc_check=True)
    with pytest.warns(UserWarning, match="crc"):
        fmt.read_ckpt(gold("dtypes.ckpt"), crc_check=True)


def test_random_bytes(tmp_path):
    rng = np.random.default_rng(0)
    bad = tmp_path / "r.ckpt"
    for size in (1, 7, 100, 4096):
        for _ in range(5):
            bad.write_bytes(rng.integers(0, 256, size=size, dtype=np.uint8).tobytes())
            with pytest.raises(ValueError, match="r.ckpt"):
                fmt.read_ckpt(bad)
    bad = tmp_path / "r.safetensors"
    bad.write_bytes(rng.integers(0, 256, size=4096, dtype=np.uint8).tobytes())
    with pytest.raises(ValueError, match="r.safetensors"):
        fmt.read_safetensors(bad)


def _craft(tmp_path, *values):
    msg = Checkpoint()
    for tag, dims, ttype, content in values:
        v = msg.value.add()
        v.tag = tag
        if ttype is None:
            continue
        v.tensor.dims.extend(dims)
        v.tensor.tensor_type = ttype
        v.tensor.tensor_content = content
    p = tmp_path / "crafted.ckpt"
    if p.exists():
        p.unlink()
    p.write_bytes(msg.SerializeToString())
    return p


@pytest.mark.parametrize("values,match", [
    ([("a", [2, 3], "Float32", b"\0" * 20)], "needs 24 bytes"),
    ([("a", [2], "Complex64", b"\0" * 16)], "unsupported data type 'Complex64'"),
    ([("a", [-1], "Float32", b"")], "negative"),
    ([("a", [2], "Float32", b"\0" * 4), ("a", [2], "Float16", b"\0" * 4)], "disagree"),
    ([("a", [2], "Float32", b"\0" * 4), ("a", [3], "Float32", b"\0" * 4)], "disagree"),
    ([("a", [0], "str", b"abc")], "multiple of 4"),
    ([("a", [0], "str", b"\xff\xff\xff\xff")], "UTF-32"),
    ([("a", [], None, b"")], "holds no tensor"),
])
def test_malformed_values(tmp_path, values, match):
    p = _craft(tmp_path, *values)
    with pytest.raises(ValueError, match=match):
        fmt.read_ckpt(p)


def test_maptensor_rejected(tmp_path):
    msg = Checkpoint()
    v = msg.value.add()
    v.tag = "m"
    t = v.maptensor.tensor.add()
    t.dims.append(1)
    t.tensor_type = "int32"
    t.tensor_content = b"\0" * 4
    p = tmp_path / "m.ckpt"
    p.write_bytes(msg.SerializeToString())
    with pytest.raises(ValueError, match="map tensor"):
        fmt.read_ckpt(p)


def test_safetensors_truncated_and_crc(tmp_path):
    data = gold_bytes("dtypes_crc.safetensors")
    bad = tmp_path / "t.safetensors"
    for cut in (4, 8, 50, len(data) // 2, len(data) - 1):
        bad.write_bytes(data[:cut])
        with pytest.raises(ValueError, match="t.safetensors"):
            fmt.read_safetensors(bad)
    flipped = bytearray(data)
    flipped[-3] ^= 0xFF
    bad.write_bytes(bytes(flipped))
    with pytest.raises(ValueError, match="crc check failed"):
        fmt.read_safetensors(bad, crc_check=True)
    with pytest.warns(UserWarning, match="crc"):
        fmt.read_safetensors(gold("dtypes.safetensors"), crc_check=True)


def test_safetensors_rejects_strings(tmp_path):
    with pytest.raises(ValueError, match="string"):
        fmt.write_safetensors(tmp_path / "s.safetensors", [("s", "x", "str")])


# ------------------------------------------------------------------------------------------------
# atomic writes

def test_overwrite_readonly_target_and_no_temp_left(tmp_path):
    out = tmp_path / "o.ckpt"
    fmt.write_ckpt(out, expected_items("net.ckpt"))
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o400
    fmt.write_ckpt(out, expected_items("dtypes.ckpt"))
    assert_same(fmt.read_ckpt(out), expected_items("dtypes.ckpt"))
    assert sorted(os.listdir(tmp_path)) == ["o.ckpt"]


def test_failure_mid_write_leaves_old_file(tmp_path):
    out = tmp_path / "o.ckpt"
    fmt.write_ckpt(out, expected_items("net.ckpt"))
    before = out.read_bytes()

    def items():
        yield from expected_items("dtypes.ckpt")[:3]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        fmt.write_ckpt(out, items())
    with pytest.raises(ValueError, match="cannot save|does not hold"):
        fmt.write_ckpt(out, [("x", np.zeros(2, np.float32), "Int32")])
    assert out.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["o.ckpt"]


def test_unwritable_targets(tmp_path):
    with pytest.raises(IsADirectoryError, match="directory"):
        fmt.write_ckpt(tmp_path, expected_items("net.ckpt"))
    with pytest.raises(FileNotFoundError, match="no_such_dir"):
        fmt.write_ckpt(tmp_path / "no_such_dir" / "x.ckpt", expected_items("net.ckpt"))
    (tmp_path / "afile").write_bytes(b"x")
    with pytest.raises(NotADirectoryError):
        fmt.write_ckpt(tmp_path / "afile" / "x.ckpt", expected_items("net.ckpt"))
    with pytest.raises(IsADirectoryError):
        fmt.write_safetensors(tmp_path, expected_items("net.safetensors"))
    assert (tmp_path / "afile").read_bytes() == b"x"

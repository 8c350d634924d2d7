"""Checkpoint robustness: a save SIGKILLed mid-write never leaves a damaged target, and what it leaves beside the
target (its temp folder, with the hidden temp file the safetensors writer makes inside) is removed by the next save
to that path; mutated and truncated files raise ValueError naming the file (never another error, never a half-loaded
net); a name that is not valid UTF-8 names the file; ops.matmul(x, None) answers in lightspore's words."""
import os
import random
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

import lightspore as ms

FORMATS = ("ckpt", "safetensors")
CHILD = r"""
import sys
import numpy as np
import lightspore as ms
path, fmt = sys.argv[1], sys.argv[2]
items = [{"name": f"p{i}", "data": ms.Tensor(np.full((256, 1024), i, np.float32))} for i in range(24)]
ms.save_checkpoint(items, path, format=fmt)
print("saved", flush=True)
while True:
    ms.save_checkpoint(items, path, format=fmt)
"""


def _entries(folder):
    return sorted(os.listdir(folder))


def _check_full(path, fmt):
    """The target is a complete checkpoint (the first save finished before any kill)."""
    params = ms.load_checkpoint(path, format=fmt)
    assert sorted(params) == sorted(f"p{i}" for i in range(24))
    assert float(params["p23"].asnumpy()[255, 1023]) == 23.0


def test_kill_mid_save_then_next_save_cleans(tmp_path):
    """One SIGKILL per format at a random moment of a save loop (both formats at once, 24 MiB per save); the target
    then loads whole, and one save from this process leaves nothing but the target in the folder."""
    rng = random.Random(13)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    paths, children = {}, {}
    for fmt in FORMATS:
        (tmp_path / fmt).mkdir()
        paths[fmt] = str(tmp_path / fmt / f"net.{fmt}")
        children[fmt] = subprocess.Popen([sys.executable, "-c", CHILD, paths[fmt], fmt], stdout=subprocess.PIPE,
                                         env=env)
    try:
        for fmt in FORMATS:
            assert children[fmt].stdout.readline().strip() == b"saved"
        time.sleep(rng.uniform(0.05, 0.3))
    finally:
        for child in children.values():
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)
            child.stdout.close()
    leftovers = 0
    for fmt, path in paths.items():
        folder = os.path.dirname(path)
        _check_full(path, fmt)
        leftovers += len([n for n in _entries(folder) if n != os.path.basename(path)])
        os.chmod(path, 0o600)
        ms.save_checkpoint([{"name": "w", "data": ms.Tensor(np.ones(3, np.float32))}], path, format=fmt)
        assert _entries(folder) == [os.path.basename(path)], _entries(folder)
        assert list(ms.load_checkpoint(path, format=fmt)) == ["w"]
    print(f"kills that left temp files behind: {leftovers} of {len(FORMATS)}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_stale_temp_of_a_dead_process_is_removed(tmp_path, fmt):
    """A temp folder (and an old-style temp file) named for a process that no longer runs goes at the next save;
    one of a live process stays."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    path = tmp_path / f"m.{fmt}"
    stale_dir = tmp_path / f"m.{fmt}.tmp{dead.pid}-0123abcd"
    stale_dir.mkdir()
    (stale_dir / "data").write_bytes(b"x" * 100)
    (stale_dir / ".tmpAbC123").write_bytes(b"y" * 100)       # the safetensors writer's hidden file
    stale_file = tmp_path / f"m.{fmt}.tmp{dead.pid}-89abcdef"
    stale_file.write_bytes(b"z")
    live = tmp_path / f"m.{fmt}.tmp{os.getppid()}-00000000"  # the pytest runner's parent: alive
    live.mkdir()
    other = tmp_path / f"n.{fmt}.tmp{dead.pid}-0123abcd"      # another target's: not ours to touch
    other.mkdir()
    ms.save_checkpoint([{"name": "w", "data": ms.Tensor(np.ones(2, np.float32))}], str(path), format=fmt)
    assert _entries(tmp_path) == sorted([path.name, live.name, other.name])


def _good_file(folder, fmt):
    path = str(folder / f"good.{fmt}")
    rs = np.random.RandomState(0)
    items = [{"name": "conv.weight", "data": ms.Tensor(rs.randn(4, 3).astype(np.float32))},
             {"name": "bn.gamma", "data": ms.Tensor(rs.randn(3).astype(np.float16))},
             {"name": "step", "data": ms.Tensor(np.array([7], np.int32))}]
    ms.save_checkpoint(items, path, format=fmt)
    with open(path, "rb") as f:
        return f.read()


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_files_raise_value_error_naming_the_file(tmp_path, fmt):
    """300 byte mutations and every truncation length class: loading either succeeds with the three names or
    raises ValueError naming the file; load_param_into_net never half-loads."""
    good = _good_file(tmp_path, fmt)
    rng = random.Random(fmt)
    target = str(tmp_path / f"bad.{fmt}")
    outcomes = {"loaded": 0, "refused": 0}

    def attempt(data):
        if os.path.exists(target):
            os.chmod(target, 0o600)
        with open(target, "wb") as f:
            f.write(data)
        try:
            params = ms.load_checkpoint(target, format=fmt)
        except ValueError as e:
            assert target in str(e), f"the error does not name the file: {e}"
            outcomes["refused"] += 1
            return
        assert len(params) <= 3 and all(isinstance(k, str) for k in params), sorted(params)  # a mutated name loads
        outcomes["loaded"] += 1

    for _ in range(300):
        data = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        attempt(bytes(data))
    for n in sorted({0, 1, 7, 8, 9, len(good) // 3, len(good) // 2, len(good) - 1}):
        attempt(good[:n])
    assert outcomes["refused"] > 0


def test_invalid_utf8_name_names_the_file(tmp_path):
    path = tmp_path / "u.ckpt"
    ms.save_checkpoint([{"name": "ab", "data": ms.Tensor(np.ones(3, np.float32))}], str(path))
    data = path.read_bytes()
    i = data.index(b"ab")
    bad = tmp_path / "u2.ckpt"
    bad.write_bytes(data[:i] + b"\xff\xfe" + data[i + 2:])
    with pytest.raises(ValueError) as info:
        ms.load_checkpoint(str(bad))
    assert str(bad) in str(info.value) and "UTF-8" in str(info.value)


def test_matmul_none_in_lightspore_words():
    x = ms.Tensor(np.ones((2, 2), np.float32))
    for call in (lambda: ms.ops.matmul(x, None), lambda: ms.ops.matmul(None, x), lambda: x.matmul(None)):
        with pytest.raises(TypeError) as info:
            call()
        assert "For 'matmul'" in str(info.value) and "NoneType" in str(info.value), str(info.value)

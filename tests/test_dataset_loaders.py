"""The dataset loaders (COCO, VOC, CLUE, Manifest, RandomDataset, the text and audio corpora) against golden data
from MindSpore 2.7.1 (tests/golden/gen_dataset_loaders.py): the small dataset trees of
tests/golden/dataset_loaders_cases.make_files are built here from the same recipe, each case is evaluated with
lightspore and its value (column names, size, every row's dtype/shape/values) or error (type, message) compared."""

import inspect
import json
import os
import sys

import numpy as np
import pytest

import lightspore as ms
import lightspore.dataset as ds

HERE = os.path.join(os.path.dirname(__file__), "golden")
sys.path.insert(0, HERE)
from dataset_loaders_cases import CASES, NAMES, encode, encode_error, make_files, scope  # noqa: E402

with open(os.path.join(HERE, "dataset_loaders.json"), encoding="utf-8") as _f:
    _ALL = json.load(_f)
GOLD = _ALL["cases"]
SIGNATURES = _ALL["signatures"]


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("loaders"))
    make_files(root)
    workers = ds.config.get_num_parallel_workers()
    ds.config.set_num_parallel_workers(1)   # as the generator: one reader, files read one after the other
    # and, as the generator, no dataset seed set (an earlier test module may have set one; samplers record it)
    from lightspore.dataset import config as _config
    seed_state = dict(_config._state)
    _config._state.update(seed=_config._DEFAULT_SEED, seed_set=False)
    yield scope(ds, ms, root), root
    ds.config.set_num_parallel_workers(workers)
    _config._state.update(seed=seed_state["seed"], seed_set=seed_state["seed_set"])


def _same(got, want, where):
    if isinstance(want, dict) and "values" in want and str(want.get("dtype", "")).startswith("float"):
        assert got.get("dtype") == want["dtype"] and got.get("shape") == want["shape"], f"{where}: {got} vs {want}"
        np.testing.assert_allclose(np.array(got["values"], dtype=float), np.array(want["values"], dtype=float),
                                   rtol=1e-6, atol=1e-7, err_msg=where)
        return
    assert got == want, f"{where}: got {got}, want {want}"


# The reference's TedliumDataset yields all-zero waveforms for the .sph files of the recipe (its SPH reader returns
# no samples for them); lightspore decodes the samples. For these cases the waveform's dtype and shape are compared
# with the reference and its values with the recipe's samples (test_tedlium_waveform).
_WAVEFORM_NOT_COMPARED = {"tedlium_all", "tedlium_dev", "tedlium_r3"}


def _compare(got, want, where):
    rows_like = isinstance(want, dict) and isinstance(want.get("py"), list) and len(want["py"]) >= 2 and \
        isinstance(want["py"][0], list)
    if not rows_like:
        _same(got, want, where)
        return
    g, w = got["py"], want["py"]
    assert g[:2] == w[:2], f"{where}: columns/size {g[:2]}, want {w[:2]}"
    assert len(g) == len(w), f"{where}: {len(g) - 2} rows, want {len(w) - 2}"
    for r, (gr, wr) in enumerate(zip(g[2:], w[2:])):
        assert len(gr) == len(wr), f"{where} row {r}: {len(gr)} columns, want {len(wr)}"
        for c, (gc, wc) in enumerate(zip(gr, wr)):
            if c == 0 and where in _WAVEFORM_NOT_COMPARED:
                assert (gc["dtype"], gc["shape"]) == (wc["dtype"], wc["shape"]), f"{where} row {r}: {gc} vs {wc}"
                continue
            _same(gc, wc, f"{where} row {r} column {c}")


@pytest.mark.parametrize("name,expr", CASES, ids=[c[0] for c in CASES])
def test_case(env, name, expr):
    scope_, root = env
    want = GOLD[name]
    try:
        got = json.loads(json.dumps(encode(eval(expr, dict(scope_)))))   # as the golden file holds it
    except Exception as e:  # noqa: BLE001 - compared with the reference's error
        got = encode_error(e)
        got["msg"] = got["msg"].replace(root, "ROOT")
    if "error" in want:
        assert got.get("error") == want["error"], f"{name}: got {got}, want {want}"
        head = " ".join(want["msg"].replace("'", "").split()[:4])
        message = " ".join(got["msg"].replace("'", "").split())
        assert head in message, f"{name}: got {got['msg']!r}, want {want['msg']!r}"
        return
    assert "error" not in got, f"{name}: raised {got}, want {want}"
    _compare(got, want, name)


@pytest.mark.parametrize("name", NAMES)
def test_signature(name):
    assert str(inspect.signature(getattr(ds, name))) == SIGNATURES[name]


def test_cache_serves_rows_from_memory(env, tmp_path):
    """A reader given ``cache=DatasetCache(...)`` yields the reference's rows (golden ``manifest``), keeps them in the
    cache on the first pass and serves later passes, and another reader built with the same arguments, from memory:
    a file changed after the first pass is not read again (a reader with other arguments reads it)."""
    scope_, root = env
    import shutil
    tree = tmp_path / "manifest"
    shutil.copytree(os.path.join(root, "manifest"), tree)
    manifest = tree / "m.manifest"
    manifest.write_text(manifest.read_text().replace(os.path.join(root, "manifest"), str(tree)))
    cache = ds.DatasetCache(session_id=1, size=0)
    with pytest.raises(RuntimeError, match="not in use yet"):
        cache.get_stat()
    data = ds.ManifestDataset(str(manifest), shuffle=False, cache=cache)
    want = GOLD["manifest"]
    assert json.loads(json.dumps(encode(scope_["rows"](data)))) == want
    stat = cache.get_stat()
    assert (stat.num_mem_cached, stat.num_disk_cached) == (3, 0) and stat.avg_cache_sz > 0
    (tree / "img" / "a.jpg").write_bytes(b"changed")   # rows 0 and 2 read a.jpg
    assert json.loads(json.dumps(encode(scope_["rows"](data)))) == want     # second pass: from the cache
    again = ds.ManifestDataset(str(manifest), shuffle=False, cache=cache)
    assert json.loads(json.dumps(encode(scope_["rows"](again)))) == want    # the same reader again: cached rows
    decoded = ds.ManifestDataset(str(manifest), shuffle=False, cache=cache, decode=True)
    with pytest.raises(RuntimeError, match="a.jpg"):                         # other arguments: read from disk
        scope_["rows"](decoded)
    assert cache.get_stat().num_mem_cached == 3


def test_tedlium_waveform(env):
    """The segments of a TED-LIUM talk are its .sph samples between the stm start and end times, / 32767 (the
    recipe's samples: the reference gives zeros for them, see _WAVEFORM_NOT_COMPARED)."""
    scope_, root = env
    from dataset_loaders_cases import _sph
    raw = np.frombuffer(_sph(902, 64)[1024:], "<i2")    # dev/AlGore_2009: the recipe's third talk
    rows = list(ds.TedliumDataset(os.path.join(root, "tedlium", "TEDLIUM_release1"), "release1", usage="dev",
                                  shuffle=False).create_tuple_iterator(output_numpy=True))
    np.testing.assert_allclose(rows[0][0][0], raw[0:16] / 32767.0, rtol=1e-6)
    np.testing.assert_allclose(rows[1][0][0], raw[32:56] / 32767.0, rtol=1e-6)

"""lightspore.dataset.text and the text readers (IMDB, PennTreebank, IWSLT2016/2017) against golden data from
MindSpore 2.7.1 (tests/golden/gen_dataset_text.py): each case of tests/golden/dataset_text_cases.py and
dataset_text_more_cases.py is evaluated here with lightspore and its value (dtype, shape, values) or error (type,
message: the whole first line, with the package's name and memory addresses normalised) compared."""

import json
import os
import re
import sys

import numpy as np
import pytest

import lightspore as ms
import lightspore.dataset as ds
import lightspore.dataset.text as text

HERE = os.path.join(os.path.dirname(__file__), "golden")
sys.path.insert(0, HERE)
import dataset_text_more_cases as more  # noqa: E402
from dataset_text_cases import CASES, encode, encode_error, make_files, scope  # noqa: E402

with open(os.path.join(HERE, "dataset_text.json"), encoding="utf-8") as _f:
    _ALL = json.load(_f)
with open(os.path.join(HERE, "dataset_text_more.json"), encoding="utf-8") as _f:
    GOLD_MORE = json.load(_f)["cases"]
GOLD = _ALL["cases"]
SIGNATURES = _ALL["signatures"]


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("text_files"))
    make_files(root)
    return scope(text, ds, ms, root), root


@pytest.fixture(scope="module")
def env_more(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("text_more_files"))
    more.make_files(root)
    return more.scope(text, ds, ms, root), root


def _same(got, want, where):
    if "values" in want and isinstance(want["values"], float):
        assert got["dtype"] == want["dtype"], where
        np.testing.assert_allclose(got["values"], want["values"], rtol=1e-6, err_msg=where)
        return
    if "values" in want and want["dtype"].startswith(("float",)):
        assert got["dtype"] == want["dtype"] and got["shape"] == want["shape"], where
        np.testing.assert_allclose(np.array(got["values"], dtype=float), np.array(want["values"], dtype=float),
                                   rtol=1e-6, err_msg=where)
        return
    assert got == want, f"{where}: got {got}, want {want}"


def _compare(got, want, where):
    if isinstance(want, dict) and "tuple" in want:
        assert "tuple" in got and len(got["tuple"]) == len(want["tuple"]), f"{where}: got {got}"
        for k, (g, w) in enumerate(zip(got["tuple"], want["tuple"])):
            _same(g, w, f"{where}[{k}]")
    elif isinstance(want, dict) and "py" in want and isinstance(want["py"], list) and want["py"] and \
            isinstance(want["py"][-1], list) and want["py"][-1] and isinstance(want["py"][-1][0], dict):
        # reader rows: [column names, size, row...]
        assert got["py"][:2] == want["py"][:2], f"{where}: got {got['py'][:2]}, want {want['py'][:2]}"
        assert len(got["py"]) == len(want["py"]), f"{where}: {len(got['py']) - 2} rows, want {len(want['py']) - 2}"
        for r, (g, w) in enumerate(zip(got["py"][2:], want["py"][2:])):
            for c, (gc, wc) in enumerate(zip(g, w)):
                _same(gc, wc, f"{where} row {r} column {c}")
    else:
        _same(got, want, where)


@pytest.mark.parametrize("name,expr", CASES, ids=[c[0] for c in CASES])
def test_case(env, name, expr):
    _check(env, GOLD[name], name, expr)


@pytest.mark.parametrize("name,expr", more.CASES, ids=[c[0] for c in more.CASES])
def test_more_case(env_more, name, expr):
    _check(env_more, GOLD_MORE[name], name, expr)


# cases whose message still differs from the reference's (name -> reason); every other error case compares the
# whole first line of its message
LOOSE_MESSAGES = {
    # the reference's dtype class lives in its C++ extension (mindspore._c_expression.typing.Type); lightspore's is
    # lightspore.common.dtype.Type, so the class path in the message differs
    "lookup_dtype_str": "dtype class path",
}


def _normalise(msg):
    """A message with what varies by run (memory addresses) masked and the package's name as lightspore's."""
    return re.sub(r"0x[0-9a-fA-F]+", "0x?", msg.replace("mindspore.", "lightspore."))


def _check(env, want, name, expr):
    scope_, root = env
    try:
        got = encode(eval(expr, dict(scope_)))
    except Exception as e:  # noqa: BLE001 - compared with the reference's error
        got = encode_error(e)
        got["msg"] = got["msg"].replace(root, "ROOT")
    if "error" in want:
        assert got.get("error") == want["error"], f"{name}: got {got}, want {want}"
        want_msg = _normalise(want["msg"])
        got_msg = _normalise(got["msg"])
        if name in LOOSE_MESSAGES:
            head = " ".join(want_msg.replace("'", "").split()[:4])
            assert head in got_msg.replace("'", ""), f"{name}: got {got_msg!r}, want {want_msg!r}"
            return
        assert got_msg == want_msg, f"{name}: got {got_msg!r}, want {want_msg!r}"
        return
    assert "error" not in got, f"{name}: raised {got}, want {want}"
    _compare(got, want, name)


def test_every_case_has_golden():
    assert sorted(GOLD) == sorted(n for n, _ in CASES)
    assert sorted(GOLD_MORE) == sorted(n for n, _ in more.CASES)


def test_mirror_paths_are_the_same_objects():
    import lightspore.dataset.engine as de
    import lightspore.dataset.text.transforms as tt
    import lightspore.dataset.text.utils as tu
    from lightspore.dataset.transforms.transforms import Implementation, PyTensorOperation
    assert de.IMDBDataset is ds.IMDBDataset and de.TakeDataset is ds.TakeDataset
    assert tt.Lookup is text.Lookup and tu.Vocab is text.Vocab
    assert tt.Implementation is Implementation
    assert issubclass(ds.IMDBDataset, ds.TextBaseDataset) and issubclass(ds.GeneratorDataset, ds.TextBaseDataset)
    assert PyTensorOperation is ds.transforms.transforms.PyTensorOperation


def test_signatures_match_the_reference():
    """Every public class and function lightspore has in the mirrored modules takes the reference's arguments."""
    import importlib
    import inspect
    # the pipeline stages and iterators are built by Dataset's methods, not by users: their constructors are
    # lightspore's own (documented difference)
    internal = {"AudioBaseDataset", "BatchDataset", "BucketBatchByLengthDataset", "Dataset", "DictIterator",
                "FilterDataset", "Iterator", "MapDataset", "MappableDataset", "ProjectDataset", "RenameDataset",
                "RepeatDataset", "ShuffleDataset", "SkipDataset", "SourceDataset", "TakeDataset", "TextBaseDataset",
                "TupleIterator", "UnionBaseDataset", "VisionBaseDataset", "ZipDataset", "ConcatDataset"}
    checked, wrong = 0, []
    for key, want in SIGNATURES.items():
        if key.startswith("dataset.engine.") and key.rpartition(".")[2] in internal:
            continue
        mod_name, _, name = key.rpartition(".")
        try:
            mod = importlib.import_module("lightspore." + mod_name)
        except ImportError:
            continue
        obj = getattr(mod, name, None)
        if obj is None or not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        got = str(inspect.signature(obj.__init__ if inspect.isclass(obj) else obj))
        got = got.replace("lightspore", "mindspore")
        checked += 1
        if got != want:
            wrong.append(f"{key}: {got} != {want}")
    assert checked > 100
    assert not wrong, "\n".join(wrong)

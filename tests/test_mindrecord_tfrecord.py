"""TFRecordDataset (tf.train.Example records, no TensorFlow) against MindSpore 2.7.1: the golden files
tests/golden/tfrecord/*.tfrecord (written by tests/golden/tfrecord_cases.py with the protobuf runtime) are read
with each case's arguments and must give the columns, dtypes, shapes and values MindSpore read
(tests/golden/gen_tfrecord.py). Damaged files raise RuntimeError naming the file."""

import json
import os
import shutil
import sys

import pytest

import lightspore as ms
import lightspore.dataset as ds

HERE = os.path.join(os.path.dirname(__file__), "golden")
sys.path.insert(0, HERE)
import tfrecord_cases as T  # noqa: E402

with open(os.path.join(HERE, "tfrecord.json"), encoding="utf-8") as _f:
    GOLD = json.load(_f)["cases"]
FILE_A = os.path.join(HERE, "tfrecord", "a.tfrecord")
FILE_B = os.path.join(HERE, "tfrecord", "b.tfrecord")


def _schema(columns):
    s = ds.Schema()
    for name, t, shape in columns:
        s.add_column(name, de_type=t, shape=shape)
    return s


@pytest.mark.parametrize("name,expr", T.CASES, ids=[c[0] for c in T.CASES])
def test_case(name, expr):
    env = {"ds": ds, "ms": ms, "FILE_A": FILE_A, "FILE_B": FILE_B, "schema": _schema}
    d = eval(expr, env)
    want = GOLD[name]
    assert d.get_col_names() == want["columns"]
    assert d.get_dataset_size() == want["size"]
    rows = [[[k, str(v.dtype), list(v.shape), v.tolist()] for k, v in row.items()]
            for row in d.create_dict_iterator(output_numpy=True, num_epochs=1)]
    assert rows == want["rows"]


def test_golden_files_are_the_generator_output(tmp_path):
    # the committed files are exactly what tfrecord_cases writes (framing + Example bytes)
    T.write(str(tmp_path / "a.tfrecord"), T.rows(11, 5))
    assert (tmp_path / "a.tfrecord").read_bytes() == open(FILE_A, "rb").read()


def test_damaged_files_name_the_file(tmp_path):
    data = open(FILE_A, "rb").read()
    cases = {"truncated.tfrecord": data[:-7], "flipped.tfrecord": data[:40] + bytes([data[40] ^ 1]) + data[41:],
             "foreign.tfrecord": b"this is not a tfrecord file at all......"}
    for fname, content in cases.items():
        path = str(tmp_path / fname)
        with open(path, "wb") as f:
            f.write(content)
        with pytest.raises(RuntimeError) as info:
            list(ds.TFRecordDataset(path, columns_list=["label"], schema=_schema([("label", ms.int64, None)]),
                                    shuffle=False).create_tuple_iterator(output_numpy=True))
        assert path in str(info.value) and "Invalid TFRecord file" in str(info.value)


def test_mirror_path_and_copy(tmp_path):
    assert ds.engine.TFRecordDataset is ds.TFRecordDataset
    shutil.copy(FILE_B, tmp_path / "b.tfrecord")
    d = ds.TFRecordDataset(str(tmp_path / "b.tfrecord"), shuffle=False)
    assert d.get_dataset_size() == 3

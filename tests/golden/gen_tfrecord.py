"""Golden TFRecord files (tf.train.Example records built with the protobuf runtime: TensorFlow is not installed
with the reference) and what MindSpore 2.7.1's TFRecordDataset reads from them.

Run with the reference python, from the repository root:
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_tfrecord.py
Writes tests/golden/tfrecord/{a,b}.tfrecord (and a.tfrecord.gz, b.tfrecord.zlib) and tests/golden/tfrecord.json.
"""
import gzip
import json
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import mindspore as ms  # noqa: E402  (before google.protobuf: MindSpore's generated _pb2 modules need it first)
import mindspore.dataset as ds  # noqa: E402
import tfrecord_cases as T  # noqa: E402


def schema_of(columns):
    s = ds.Schema()
    for name, t, shape in columns:
        s.add_column(name, de_type=t, shape=shape)
    return s


def main():
    folder = os.path.join(HERE, "tfrecord")
    os.makedirs(folder, exist_ok=True)
    file_a, file_b = os.path.join(folder, "a.tfrecord"), os.path.join(folder, "b.tfrecord")
    T.write(file_a, T.rows(11, 5))
    T.write(file_b, T.rows(12, 3))
    with open(file_a, "rb") as f, open(file_a + ".gz", "wb") as g:
        g.write(gzip.compress(f.read(), mtime=0))
    with open(file_b, "rb") as f, open(file_b + ".zlib", "wb") as g:
        g.write(zlib.compress(f.read()))
    out = {"mindspore": ms.__version__, "cases": {}}
    env = {"ds": ds, "ms": ms, "FILE_A": file_a, "FILE_B": file_b, "schema": schema_of}
    for name, expr in T.CASES:
        d = eval(expr, dict(env))
        rows = [[[k, str(v.dtype), list(v.shape), v.tolist()] for k, v in row.items()]
                for row in d.create_dict_iterator(output_numpy=True, num_epochs=1)]
        out["cases"][name] = {"columns": d.get_col_names(), "size": d.get_dataset_size(), "rows": rows}
    with open(os.path.join(HERE, "tfrecord.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=0, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

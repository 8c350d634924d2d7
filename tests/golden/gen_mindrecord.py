"""Golden MindRecord files and reads from MindSpore 2.7.1.

Run with the reference python, from the repository root:
    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_mindrecord.py
Writes, for each spec of mindrecord_cases.SPECS, tests/golden/mindrecord/<name>.mindrecord.gz and .db.gz (the
files MindSpore's FileWriter wrote, gzipped: they are mostly page padding), and tests/golden/mindrecord.json:
what MindSpore's FileReader and MindDataset read from each, the writer's errors, and the reader's error type for
a truncated and a foreign file.
"""
import gzip
import json
import os
import shutil
import sqlite3
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import mindspore as ms  # noqa: E402
import mindspore.dataset as ds  # noqa: E402
from mindrecord_cases import MD_CASES, SPECS, WRITER_ERRORS, encode_value, shard_num  # noqa: E402
from mindspore.mindrecord import FileReader, FileWriter  # noqa: E402


def write(path, spec):
    schema, desc, index, hsize, psize, calls = spec[:6]
    w = FileWriter(path, shard_num=shard_num(spec), overwrite=True)
    w.set_header_size(hsize)
    w.set_page_size(psize)
    w.add_schema(schema, desc)
    if index:
        w.add_index(index)
    for rows in calls():
        w.write_raw_data(rows)
    w.commit()


def error_of(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the error is the golden value
        return {"error": type(e).__name__, "msg": str(e).split("\n")[0]}
    return None


def main():
    out = {"mindspore": ms.__version__, "files": {}, "writer_errors": {}, "bad_files": {}}
    folder = os.path.join(HERE, "mindrecord")
    os.makedirs(folder, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, spec in SPECS.items():
            path = os.path.join(tmp, f"{name}.mindrecord")
            write(path, spec)
            n = shard_num(spec)
            files = [f"{name}.mindrecord"] if n == 1 else [f"{name}.mindrecord{k}" for k in range(n)]
            path = os.path.join(tmp, files[0])
            for fname in files:
                for suffix in ("", ".db"):
                    with open(os.path.join(tmp, fname + suffix), "rb") as f, \
                            open(os.path.join(folder, f"{fname}{suffix}.gz"), "wb") as g:
                        g.write(gzip.compress(f.read(), mtime=0))
            r = FileReader(path)
            reader_rows = [[[k, encode_value(v)] for k, v in row.items()] for row in r.get_next()]
            r.close()
            d = ds.MindDataset(path, shuffle=False)
            md_rows = [{k: encode_value(v) for k, v in row.items()}
                       for row in d.create_dict_iterator(output_numpy=True, num_epochs=1)]
            con = sqlite3.connect(path + ".db")
            index_sql = con.execute("SELECT sql FROM sqlite_master WHERE name='INDEXES'").fetchone()[0]
            con.close()
            out["files"][name] = {"reader": reader_rows, "columns": d.get_col_names(),
                                  "minddataset": md_rows, "index_sql": index_sql}
        out["minddataset_cases"] = {}
        for name, spec_name, kwargs in MD_CASES:
            n = shard_num(SPECS[spec_name])
            path = os.path.join(tmp, f"{spec_name}.mindrecord" + ("0" if n > 1 else ""))

            def run(path=path, kwargs=kwargs):
                d = ds.MindDataset(path, shuffle=False, **eval(kwargs))
                return {"size": d.get_dataset_size(), "columns": d.get_col_names(),
                        "rows": [{k: encode_value(v) for k, v in row.items()}
                                 for row in d.create_dict_iterator(output_numpy=True, num_epochs=1)]}
            try:
                out["minddataset_cases"][name] = run()
            except Exception as e:  # noqa: BLE001 - the error is the golden value
                msg = str(e)
                i = msg.find("[ERROR] ")
                out["minddataset_cases"][name] = {"error": type(e).__name__,
                                                  "msg": (msg[i + 8:] if i >= 0 else msg).split("\n")[0].strip()}
        for name, schema, rows in WRITER_ERRORS:
            def attempt(schema=schema, rows=rows):
                w = FileWriter(os.path.join(tmp, "err.mindrecord"), overwrite=True)
                w.add_schema(schema, "x")
                if rows is not None:
                    w.write_raw_data(rows)
            out["writer_errors"][name] = error_of(attempt)
        bad = os.path.join(tmp, "bad")
        os.makedirs(bad)
        src = os.path.join(tmp, "pages.mindrecord")
        with open(src, "rb") as f:
            data = f.read()
        with open(os.path.join(bad, "pages.mindrecord"), "wb") as f:
            f.write(data[:len(data) - 5000])
        shutil.copy(src + ".db", os.path.join(bad, "pages.mindrecord.db"))
        # MindSpore logs an internal error and yields fewer rows; lightspore raises (tests/test_mindrecord.py)
        got = []
        out["bad_files"]["truncated"] = error_of(lambda: got.extend(FileReader(os.path.join(bad, "pages.mindrecord"))
                                                                    .get_next()))
        out["bad_files"]["truncated_rows_read"] = len(got)
        with open(os.path.join(bad, "foreign.mindrecord"), "wb") as f:
            f.write(b"PK\x03\x04 this is a zip file, not a MindRecord")
        shutil.copy(src + ".db", os.path.join(bad, "foreign.mindrecord.db"))
        out["bad_files"]["foreign"] = error_of(lambda: FileReader(os.path.join(bad, "foreign.mindrecord")))
        shutil.copy(src, os.path.join(bad, "nodb.mindrecord"))
        out["bad_files"]["no_index"] = error_of(lambda: FileReader(os.path.join(bad, "nodb.mindrecord")))
        for v in out["bad_files"].values():
            if isinstance(v, dict):
                v["msg"] = v["msg"].replace(bad, "DIR")
    with open(os.path.join(HERE, "mindrecord.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=0, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

"""Generate tests/golden/dataset.json / dataset.npz with real MindSpore 2.7.1 (mindspore.dataset).

Run (re-runnable, deterministic):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_dataset.py

For every pipeline of dataset_cases.CASES: column names, dataset size, batch size, repeat count,
output shapes/types, the dtypes of the Tensors a tuple iterator yields, and every row (numpy) of
one epoch. For dataset_cases.PERM_CASES (random order) the same, the rows being compared as a
multiset. Model.train over a GeneratorDataset (final weights; a 3-column dataset's error).
For dataset_cases.SIZE_CASES only names and sizes.
For dataset_cases.ERROR_CASES the type of the error raised; for dataset_cases.ARG_CASES (the argument checks
of the samplers and of the pipeline methods) the type and the whole message (dataset_cases.norm_message), or
the value when none is raised. The input files are written
to a temp folder by dataset_cases.write_files and removed afterwards.
"""
import json
import os
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dataset_cases as C  # noqa: E402, I001
import mindspore as ms  # noqa: E402
import mindspore.dataset as ds  # noqa: E402

assert ms.__version__ == "2.7.1", ms.__version__


def record(name, make, root, arrays):
    d = make(ds, root)
    info = {"col_names": d.get_col_names(), "dataset_size": d.get_dataset_size(),
            "batch_size": d.get_batch_size(), "repeat_count": d.get_repeat_count()}
    d = make(ds, root)
    info["output_shapes"] = [list(s) for s in d.output_shapes()]
    info["output_types"] = [str(t) for t in d.output_types()]
    d = make(ds, root)
    first = next(iter(d.create_tuple_iterator(num_epochs=1)))
    info["tensor_types"] = [str(x.dtype) if isinstance(x, ms.Tensor) else type(x).__name__ for x in first]
    d = make(ds, root)
    rows = list(d.create_tuple_iterator(num_epochs=1, output_numpy=True))
    info["num_rows"] = len(rows)
    # per column: every row's shape and dtype, the small rows' values flattened into one array, and a
    # digest of the large (random image) rows
    info["columns"] = []
    for j in range(len(info["col_names"])):
        col = [row[j] for row in rows]
        small = [a.ravel() for a in col if a.size <= C.HASH_ABOVE]
        info["columns"].append({"shapes": [list(a.shape) for a in col], "dtypes": [str(a.dtype) for a in col],
                                "hashes": {str(i): C.digest(a) for i, a in enumerate(col) if a.size > C.HASH_ABOVE}})
        if small:
            arrays[f"{name}/{j}"] = np.concatenate(small)
    d = make(ds, root)
    drow = next(iter(d.create_dict_iterator(num_epochs=1, output_numpy=True)))
    info["dict_keys"] = list(drow.keys())
    return info


def main():
    ds.config.set_seed(1234)
    out = {"cases": {}, "perm_cases": {}, "errors": {}, "size_cases": {}, "arg_errors": {}}
    arrays = {}
    with tempfile.TemporaryDirectory() as root:
        C.write_files(root)
        for name, make in C.CASES.items():
            out["cases"][name] = record(name, make, root, arrays)
        for name, make in C.SIZE_CASES.items():
            d = make(ds, root)
            out["size_cases"][name] = {"col_names": d.get_col_names(), "dataset_size": d.get_dataset_size()}
            if name.startswith("fake_image"):
                d = make(ds, root)
                out["size_cases"][name]["output_shapes"] = [list(s) for s in d.output_shapes()]
                out["size_cases"][name]["output_types"] = [str(t) for t in d.output_types()]
        for name, make in C.PERM_CASES.items():
            out["perm_cases"][name] = record("perm/" + name, make, root, arrays)
        for name, make in C.ERROR_CASES.items():
            try:
                make(ds, root)
            except Exception as e:   # noqa: BLE001 - the type is what is recorded
                out["errors"][name] = type(e).__name__
            else:
                out["errors"][name] = None
        for name in C.ARG_CASES:
            out["arg_errors"][name] = C.run_arg_case(ds, root, name)
        d = ds.MnistDataset(os.path.join(root, "mnist"), sampler=ds.PKSampler(2))
        out["pk_sampler"] = {"size": d.get_dataset_size(),
                             "labels": [int(r[1]) for r in d.create_tuple_iterator(num_epochs=1, output_numpy=True)]}
        out["num_classes"] = {name: C.CASES[name](ds, root).num_classes()
                              for name in ("mnist_all", "imagefolder_raw", "imagefolder_class_indexing", "slices_dict")}
        out["class_indexing"] = {name: C.CASES[name](ds, root).get_class_indexing()
                                 for name in ("imagefolder_raw", "imagefolder_class_indexing")}
        d = C.weighted(ds)
        out["weighted"] = {"size": d.get_dataset_size(),
                           "values": sorted({int(r[0]) for r in d.create_tuple_iterator(num_epochs=1,
                                                                                        output_numpy=True)})}
        out["capped_sizes"] = [ds.NumpySlicesDataset(np.arange(10), sampler=s).get_dataset_size() for s in (
            ds.RandomSampler(replacement=True, num_samples=20), ds.SubsetSampler([1, 2, 3], num_samples=20),
            ds.SequentialSampler(num_samples=20))]
        out["capped_sizes"].append(ds.NumpySlicesDataset(np.arange(10), shuffle=True,
                                                         num_samples=20).get_dataset_size())
        d = C.slices(ds)
        out["iterator_columns"] = [[r[0].tolist(), r[1].tolist()] for r in d.create_tuple_iterator(
            columns=["c", "a"], num_epochs=1, output_numpy=True)]
    out["schema_json"] = C._schema(ds).to_json()
    parts = C.slices(ds, 10).split([0.6, 0.4])
    out["random_split"] = {"sizes": [p.get_dataset_size() for p in parts],
                           "rows": sorted(int(r[0]) for p in parts for r in p.create_tuple_iterator(
                               num_epochs=1, output_numpy=True))}
    ms.set_seed(77)
    out["seed_after_ms_set_seed"] = ds.config.get_seed()
    ds.config.set_seed(1234)
    w, b = C.model_train(ms, ds)
    arrays["model/weight"], arrays["model/bias"] = w, b
    try:
        C.model_train(ms, ds, columns=("x", "y", "z"), extra=True)
    except Exception as e:   # noqa: BLE001
        out["errors"]["model_three_columns"] = type(e).__name__
    else:
        out["errors"]["model_three_columns"] = None
    try:
        C.model_train_without_loss_fn(ms, ds)
    except Exception as e:   # noqa: BLE001
        out["errors"]["model_network_arity"] = type(e).__name__
    else:
        out["errors"]["model_network_arity"] = None
    with open(os.path.join(HERE, "dataset.json"), "w") as f:
        json.dump(out, f, sort_keys=True)
    np.savez_compressed(os.path.join(HERE, "dataset.npz"), **arrays)
    print(len(out["cases"]), "cases,", len(out["perm_cases"]), "perm cases,", len(out["errors"]), "error cases")


if __name__ == "__main__":
    main()

"""lightspore.dataset against real MindSpore 2.7.1 (golden data from tests/golden/gen_dataset.py run on
the pipelines of tests/golden/dataset_cases.py)."""
import json
import multiprocessing
import os

import numpy as np
import pytest

import lightspore as ms
import lightspore.dataset as ds
from tests._golden import GOLDEN, load_cases

C = load_cases("dataset_cases.py")
with open(GOLDEN / "dataset.json") as _f:
    G = json.load(_f)
Z = np.load(GOLDEN / "dataset.npz")


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    path = tmp_path_factory.mktemp("dataset_files")
    C.write_files(str(path))
    return str(path)


@pytest.fixture(autouse=True)
def seeded():
    old = ds.config.get_seed(), ds.config._seeded()
    ds.config.set_seed(1234)
    yield
    ds.config._state["seed"], ds.config._state["seed_set"] = old


def rows_of(d):
    return list(d.create_tuple_iterator(num_epochs=1, output_numpy=True))


def golden_rows(key, info):
    """The reference's rows of a case, rebuilt from the flattened columns (digests for large arrays)."""
    ncols = len(info["col_names"])
    out = [[None] * ncols for _ in range(info["num_rows"])]
    for j, col in enumerate(info["columns"]):
        flat = Z[f"{key}/{j}"] if f"{key}/{j}" in Z else None
        pos = 0
        for i, (shape, dt) in enumerate(zip(col["shapes"], col["dtypes"])):
            if str(i) in col["hashes"]:
                out[i][j] = ("digest", col["hashes"][str(i)])
                continue
            n = int(np.prod(shape))
            out[i][j] = flat[pos:pos + n].reshape(shape).astype(dt)
            pos += n
    return out


def same(ours, ref):
    if isinstance(ref, tuple):
        return C.digest(ours) == ref[1]
    return ours.shape == ref.shape and ours.dtype == ref.dtype and np.array_equal(ours, ref)


def check_meta(make, root, info, size=True):
    d = make(ds, root)
    assert d.get_col_names() == info["col_names"]
    if size:
        assert d.get_dataset_size() == info["dataset_size"]
    assert d.get_batch_size() == info["batch_size"]
    assert d.get_repeat_count() == info["repeat_count"]
    d = make(ds, root)
    assert [list(s) for s in d.output_shapes()] == info["output_shapes"]
    assert [str(t) for t in d.output_types()] == info["output_types"]
    first = next(iter(make(ds, root).create_tuple_iterator(num_epochs=1)))
    # a string column is a String Tensor in the reference; lightspore's Tensor holds no strings, so it
    # stays a numpy array of str (the only difference, and a documented one)
    expected = ["ndarray" if t == "String" else t for t in info["tensor_types"]]
    assert [str(x.dtype) if isinstance(x, ms.Tensor) else type(x).__name__ for x in first] == expected
    drow = next(iter(make(ds, root).create_dict_iterator(num_epochs=1, output_numpy=True)))
    assert list(drow) == info["dict_keys"]


# the reference counts the files of every class folder but reads only those of `class_indexing`
SIZE_QUIRK = {"imagefolder_class_indexing"}


@pytest.mark.parametrize("name", sorted(C.CASES))
def test_pipeline_matches_reference(name, root):
    info = G["cases"][name]
    make = C.CASES[name]
    check_meta(make, root, info, size=name not in SIZE_QUIRK)
    rows = rows_of(make(ds, root))
    ref = golden_rows(name, info)
    assert len(rows) == len(ref)
    for i, (r, g) in enumerate(zip(rows, ref)):
        assert len(r) == len(g)
        for j, (a, b) in enumerate(zip(r, g)):
            assert same(a, b), (name, i, j, a, b)


def _row_key(row):
    return tuple(C.digest(a)[2] if not isinstance(a, tuple) else a[1][2] for a in row)


@pytest.mark.parametrize("name", sorted(C.PERM_CASES))
def test_seeded_random_pipeline_is_a_permutation_of_the_reference_rows(name, root):
    info = G["perm_cases"][name]
    make = C.PERM_CASES[name]
    check_meta(make, root, info)
    rows = rows_of(make(ds, root))
    ref = golden_rows("perm/" + name, info)
    assert sorted(map(_row_key, rows)) == sorted(map(_row_key, ref))
    # a fixed seed repeats the order; the next epoch of one pipeline draws a new one
    again = rows_of(make(ds, root))
    assert list(map(_row_key, rows)) == list(map(_row_key, again))


def test_reshuffles_each_epoch_and_differs_by_seed():
    d = ds.NumpySlicesDataset(np.arange(50), shuffle=True)
    it = d.create_tuple_iterator(num_epochs=2, output_numpy=True)
    e1 = [int(x[0]) for x in it]
    e2 = [int(x[0]) for x in it]
    assert sorted(e1) == sorted(e2) == list(range(50)) and e1 != e2
    ds.config.set_seed(99)
    e3 = [int(x[0]) for x in ds.NumpySlicesDataset(np.arange(50), shuffle=True).create_tuple_iterator(
        num_epochs=1, output_numpy=True)]
    assert e3 != e1


@pytest.mark.parametrize("name", sorted(C.SIZE_CASES))
def test_sizes_match_reference(name, root):
    d = C.SIZE_CASES[name](ds, root)
    assert d.get_col_names() == G["size_cases"][name]["col_names"]
    assert d.get_dataset_size() == G["size_cases"][name]["dataset_size"]
    if "output_shapes" in G["size_cases"][name]:   # random values: shapes and types only
        d = C.SIZE_CASES[name](ds, root)
        assert [list(s) for s in d.output_shapes()] == G["size_cases"][name]["output_shapes"]
        assert [str(t) for t in d.output_types()] == G["size_cases"][name]["output_types"]


@pytest.mark.parametrize("name", sorted(C.ERROR_CASES))
def test_errors_match_reference(name, root):
    expected = G["errors"][name]
    if expected is None:
        C.ERROR_CASES[name](ds, root)
        return
    with pytest.raises(Exception) as info:
        C.ERROR_CASES[name](ds, root)
    assert type(info.value).__name__ == expected, info.value


@pytest.mark.parametrize("name", sorted(C.ARG_CASES))
def test_argument_checks_match_reference_whole_message(name, root):
    """The samplers' and the pipeline methods' argument checks: the reference's error type and its whole
    message (normalised by dataset_cases.norm_message), or the same value where the reference accepts."""
    assert C.run_arg_case(ds, root, name) == G["arg_errors"][name]


def test_norm_message_keeps_the_user_facing_part_of_a_pipeline_error():
    framed = ("Exception thrown from dataset pipeline. Refer to 'Dataset Pipeline Error Message'. \n\n" + "-" * 66 +
              "\n- Dataset Pipeline Error Message: \n" + "-" * 66 + "\n[ERROR] Sample ID (10) is out of bound\n\n" +
              "-" * 66 + "\n- C++ Call Stack: (For framework developers) \n" + "-" * 66 + "\nsubset_sampler.cc(90).\n")
    assert C.norm_message(framed) == "Exception thrown from dataset pipeline. Sample ID (10) is out of bound"
    assert C.norm_message("x at 0x7f00ab: between 1 and 7!", cpus=7) == "x at 0x?: between 1 and <cpus>!"
    assert C.norm_message("between 1 and 7!", cpus=8) == "between 1 and 7!"
    assert C.norm_message("[<class 'mindspore.dataset.engine.datasets.Dataset'>]") == "[<class 'Dataset'>]"


def test_worker_error_names_the_source_and_index_and_leaves_no_worker():
    with pytest.raises(RuntimeError, match=r"source\[3\].*ValueError: bad row 3") as info:
        list(ds.GeneratorDataset(C.Failing(), ["x"], shuffle=False, num_parallel_workers=2).create_tuple_iterator(
            num_epochs=1))
    assert "Failing" in str(info.value)
    assert multiprocessing.active_children() == []


def test_map_worker_error_names_the_operation():
    d = C.slices(ds).map(C.double, input_columns=["zz"] if False else ["a"])
    d = d.map(lambda a: 1 // 0 if a == 8 else a, input_columns=["a"], num_parallel_workers=2,
              python_multiprocessing=True)
    with pytest.raises(RuntimeError, match="map operation.*ZeroDivisionError"):
        list(d.create_tuple_iterator(num_epochs=1))
    assert multiprocessing.active_children() == []


def test_killed_worker_is_reported_not_hung():
    class Dies:
        def __getitem__(self, i):
            if i == 2:
                os._exit(3)
            return (np.array(i),)

        def __len__(self):
            return 6

    with pytest.raises(RuntimeError, match="terminated abruptly"):
        list(ds.GeneratorDataset(Dies(), ["x"], shuffle=False, num_parallel_workers=2).create_tuple_iterator(
            num_epochs=1))
    assert multiprocessing.active_children() == []


def test_workers_are_real_processes():
    class Pid:
        def __getitem__(self, i):
            return (np.array(os.getpid()),)

        def __len__(self):
            return 16

    pids = {int(r[0]) for r in rows_of(ds.GeneratorDataset(Pid(), ["p"], shuffle=False, num_parallel_workers=2))}
    assert os.getpid() not in pids and len(pids) >= 1
    pids = {int(r[0]) for r in rows_of(ds.GeneratorDataset(Pid(), ["p"], shuffle=False, num_parallel_workers=2,
                                                           python_multiprocessing=False))}
    assert pids == {os.getpid()}


def test_stopping_early_shuts_workers_down():
    it = ds.GeneratorDataset(C.RandomAccess(50), ["d", "l"], shuffle=False, num_parallel_workers=2) \
        .create_tuple_iterator(num_epochs=1)
    next(it)
    it.stop()
    assert multiprocessing.active_children() == []


def test_model_trains_over_a_worker_fed_generator_dataset():
    w, b = C.model_train(ms, ds)
    np.testing.assert_allclose(w, Z["model/weight"], rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(b, Z["model/bias"], rtol=1e-4, atol=1e-6)


def test_model_rejects_a_dataset_whose_columns_do_not_fit():
    with pytest.raises(ValueError, match="two elements"):
        C.model_train(ms, ds, columns=("x", "y", "z"), extra=True)
    assert G["errors"]["model_three_columns"] == "ValueError"


def test_iterator_yields_tensors_and_numpy():
    row = next(iter(C.slices(ds)))
    assert all(isinstance(x, ms.Tensor) for x in row)
    assert [x.dtype for x in row] == [ms.int32, ms.float32, ms.int64]
    row = next(iter(C.slices(ds).create_dict_iterator(output_numpy=True)))
    assert all(isinstance(x, np.ndarray) for x in row.values())


def test_bad_argument_types():
    with pytest.raises(TypeError):
        ds.GeneratorDataset(C.gen5, ["x", "y"], num_parallel_workers="2")
    with pytest.raises(TypeError):
        C.slices(ds).batch(2, drop_remainder=1)
    with pytest.raises(TypeError):
        C.slices(ds).create_tuple_iterator(output_numpy="yes")
    with pytest.raises(TypeError):
        C.slices(ds).zip([C.slices(ds)])


def test_pk_sampler_draws_num_val_rows_per_class_like_the_reference(root):
    d = ds.MnistDataset(os.path.join(root, "mnist"), sampler=ds.PKSampler(2))
    assert d.get_dataset_size() == G["pk_sampler"]["size"]
    assert [int(r[1]) for r in rows_of(d)] == G["pk_sampler"]["labels"]


def test_schema_json_and_file_round_trip(tmp_path):
    sc = C._schema(ds)
    assert sc.to_json() == G["schema_json"]
    path = tmp_path / "schema.json"
    path.write_text(sc.to_json())
    assert ds.Schema(str(path)).to_json() == G["schema_json"]


def test_num_classes_and_class_indexing(root):
    for name, n in G["num_classes"].items():
        assert C.CASES[name](ds, root).num_classes() == n, name
    for name, idx in G["class_indexing"].items():
        assert C.CASES[name](ds, root).get_class_indexing() == idx, name


def test_shuffled_shards_partition_the_rows_without_a_seed():
    ds.config._state["seed_set"] = False   # as if no set_seed: every shard must still draw the same order
    parts = [[int(r[0]) for r in rows_of(ds.NumpySlicesDataset(np.arange(10), num_shards=2, shard_id=k))]
             for k in range(2)]
    assert sorted(parts[0] + parts[1]) == list(range(10))


def test_weighted_random_sampler_draws_only_weighted_rows():
    d = C.weighted(ds)
    assert d.get_dataset_size() == G["weighted"]["size"]
    assert {int(r[0]) for r in rows_of(d)} <= {1, 3} and set(G["weighted"]["values"]) <= {1, 3}


def test_num_samples_is_capped_at_the_source_size():
    sizes = [ds.NumpySlicesDataset(np.arange(10), sampler=s).get_dataset_size()
             for s in (ds.RandomSampler(replacement=True, num_samples=20), ds.SubsetSampler([1, 2, 3], num_samples=20),
                       ds.SequentialSampler(num_samples=20))]
    sizes.append(ds.NumpySlicesDataset(np.arange(10), shuffle=True, num_samples=20).get_dataset_size())
    assert sizes == G["capped_sizes"]


def test_tuple_iterator_picks_columns():
    got = [[r[0].tolist(), r[1].tolist()] for r in C.slices(ds).create_tuple_iterator(
        columns=["c", "a"], num_epochs=1, output_numpy=True)]
    assert got == G["iterator_columns"]


def test_model_network_given_more_columns_than_it_takes():
    with pytest.raises(Exception) as info:
        C.model_train_without_loss_fn(ms, ds)
    assert type(info.value).__name__ == G["errors"]["model_network_arity"]


def test_top_level_set_seed_seeds_the_pipelines():
    ms.set_seed(77)
    assert ds.config.get_seed() == G["seed_after_ms_set_seed"]


def test_random_split_of_a_mappable_source():
    parts = C.slices(ds, 10).split([0.6, 0.4])
    assert [p.get_dataset_size() for p in parts] == G["random_split"]["sizes"]
    rows = [[int(r[0]) for r in rows_of(p)] for p in parts]
    assert sorted(rows[0] + rows[1]) == G["random_split"]["rows"]
    # any other pipeline: one fixed shuffle shared by the parts
    parts = C.slices(ds, 10).map(C.double, ["a"]).split([0.5, 0.5])
    rows = [[int(r[0]) for r in rows_of(p)] for p in parts]
    assert sorted(rows[0] + rows[1]) == sorted(2 * v for v in G["random_split"]["rows"])
    assert rows == [[int(r[0]) for r in rows_of(p)] for p in parts]     # the same split in the next epoch
    with pytest.raises(RuntimeError, match="sharded"):
        ds.NumpySlicesDataset(np.arange(10), num_shards=2, shard_id=0).split([0.5, 0.5])
    assert G["errors"]["split_sharded"] == "RuntimeError"

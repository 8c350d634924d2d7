"""Dataset pipelines run by both tests/golden/gen_dataset.py (real MindSpore) and tests/test_dataset.py
(lightspore). Each case is ``fn(ds, root)`` -> a dataset; ``ds`` is ``mindspore.dataset`` or
``lightspore.dataset``, ``root`` a temp folder holding the files ``write_files`` wrote.

``CASES``: deterministic pipelines (rows compared value by value).
``PERM_CASES``: seeded random pipelines (rows compared as a multiset).
``ERROR_CASES``: ``fn(ds, root)`` that must raise; the generator records the error type.
``ARG_CASES``: the argument checks of the samplers and the pipeline methods; ``run_arg_case`` gives the error's type
and whole message (``norm_message``), or the value when none is raised, and the generator records that.
"""
import hashlib
import importlib
import os
import re
import struct

import numpy as np

HASH_ABOVE = 200


def digest(a):
    """shape, dtype and sha256 of the C-order bytes of an array."""
    a = np.ascontiguousarray(a)
    return [list(a.shape), str(a.dtype), hashlib.sha256(a.tobytes()).hexdigest()]


# ------------------------------------------------------------------ files (the same bytes in both runs)
def _bmp_bytes(img):
    """A 24-bit uncompressed BMP of an (h, w, 3) uint8 RGB image."""
    h, w, _ = img.shape
    row = w * 3
    pad = (4 - row % 4) % 4
    body = b"".join(img[y, :, ::-1].tobytes() + b"\0" * pad for y in range(h - 1, -1, -1))
    header = struct.pack("<2sIHHI", b"BM", 54 + len(body), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, len(body), 2835, 2835, 0, 0)
    return header + info + body


def write_files(root):
    rng = np.random.default_rng(20240607)
    mnist = os.path.join(root, "mnist")
    os.makedirs(mnist)
    for prefix, n in (("train", 6), ("t10k", 4)):
        imgs = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
        labels = rng.integers(0, 10, size=n, dtype=np.uint8)
        with open(os.path.join(mnist, f"{prefix}-images-idx3-ubyte"), "wb") as f:
            f.write(struct.pack(">IIII", 2051, n, 28, 28) + imgs.tobytes())
        with open(os.path.join(mnist, f"{prefix}-labels-idx1-ubyte"), "wb") as f:
            f.write(struct.pack(">II", 2049, n) + labels.tobytes())
    # the reference's CIFAR readers expect full files (10000 records each)
    emnist = os.path.join(root, "emnist")
    os.makedirs(emnist)
    for prefix, n in (("emnist-letters-train", 3), ("emnist-letters-test", 2)):
        imgs = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
        labels = rng.integers(1, 27, size=n, dtype=np.uint8)
        with open(os.path.join(emnist, f"{prefix}-images-idx3-ubyte"), "wb") as f:
            f.write(struct.pack(">IIII", 2051, n, 28, 28) + imgs.tobytes())
        with open(os.path.join(emnist, f"{prefix}-labels-idx1-ubyte"), "wb") as f:
            f.write(struct.pack(">II", 2049, n) + labels.tobytes())
    c10 = os.path.join(root, "cifar10")
    os.makedirs(c10)
    for name in ("data_batch_1.bin", "test_batch.bin"):
        recs = rng.integers(0, 256, size=(10000, 3073), dtype=np.uint8)
        recs[:, 0] %= 10
        recs.tofile(os.path.join(c10, name))
    c100 = os.path.join(root, "cifar100")
    os.makedirs(c100)
    recs = rng.integers(0, 256, size=(10000, 3074), dtype=np.uint8)
    recs[:, 0] %= 20
    recs[:, 1] %= 100
    recs.tofile(os.path.join(c100, "test.bin"))
    folder = os.path.join(root, "images")
    for cls, n in (("cat", 2), ("dog", 3), ("bird", 1)):
        os.makedirs(os.path.join(folder, cls))
        for i in range(n):
            h, w = int(rng.integers(3, 7)), int(rng.integers(3, 7))
            img = rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8)
            with open(os.path.join(folder, cls, f"img{i}.bmp"), "wb") as f:
                f.write(_bmp_bytes(img))
    with open(os.path.join(folder, "dog", "notes.txt"), "w") as f:
        f.write("not an image")
    text = os.path.join(root, "text")
    os.makedirs(text)
    for name, body in (("a.txt", "hello world\nsecond line\n\nlast\n"), ("b.txt", "x\ny\n"),
                       ("c.txt", "c1\nc2\nc3\nc4"), ("c.csv", "id,name,score\n1,ann,0.5\n2,bob,1.5\n3,,2\n"),
                       ("f.csv", "1,,\n"),
                       ("d.csv", "id,name,score\n7,zed,9.5\n"), ("e.csv", "5;eve;1\n6;\"q;uoted\";2.25\n")):
        with open(os.path.join(text, name), "w", newline="") as f:
            f.write(body)


# ------------------------------------------------------------------ Python sources
def gen5():
    for i in range(5):
        yield (np.array([i, i + 1], np.float32), np.array(i, np.int32))


def gen_types():
    for i in range(3):
        yield (i, float(i) / 2, np.float64(i), np.array([i, i], np.float32), i % 2 == 0, [i, 2 * i])


class RandomAccess:
    def __init__(self, n=7):
        self.data = np.arange(n * 3, dtype=np.float32).reshape(n, 3)

    def __getitem__(self, i):
        return self.data[i], np.array(i % 3, np.int32)

    def __len__(self):
        return len(self.data)


class IterSource:
    def __init__(self, n=4):
        self.n = n

    def __iter__(self):
        return iter([(np.full((2,), i, np.int64),) for i in range(self.n)])


class Failing:
    def __getitem__(self, i):
        if i == 3:
            raise ValueError("bad row 3")
        return (np.array(i),)

    def __len__(self):
        return 6


def _ms(ds):
    """The framework (mindspore or lightspore) a dataset module belongs to."""
    return __import__(ds.__name__.split(".")[0])


def slices(ds, n=7):
    return ds.NumpySlicesDataset({"a": np.arange(n, dtype=np.int32), "b": np.arange(n, dtype=np.float32) * 10,
                                  "c": np.arange(2 * n, dtype=np.int64).reshape(n, 2)}, shuffle=False)


# user functions keep their dtypes explicitly: numpy 1 (the reference's) and numpy 2 promote 0-d arrays
# with python numbers differently
def add_one(x):
    return (x + 1).astype(x.dtype)


def double(x):
    return (x * 2).astype(x.dtype)


def split_two(x):
    return x, (x * 3).astype(np.float64)


def pbm(a, b, info):
    return ([(x * 2).astype(np.int64) for x in a], [(y + info.get_batch_num()).astype(np.float64) for y in b])


def pbm_three(a, info):
    return ([(x * 2).astype(np.int64) for x in a], [(x * 3).astype(np.int64) for x in a],
            [np.array(info.get_epoch_num(), np.int64) for _ in a])


def is_even(a):
    return a % 2 == 0


CASES = {
    "gen_function": lambda ds, root: ds.GeneratorDataset(gen5, ["x", "y"]),
    "gen_types": lambda ds, root: ds.GeneratorDataset(gen_types, ["i", "f", "f64", "arr", "b", "lst"]),
    "gen_iterable": lambda ds, root: ds.GeneratorDataset(IterSource(), "v"),
    "gen_iterable_num_samples": lambda ds, root: ds.GeneratorDataset(IterSource(), ["v"], num_samples=2),
    "gen_random_seq": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=False),
    "gen_random_proc": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=False,
                                                            num_parallel_workers=2),
    "gen_random_thread": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=False,
                                                              num_parallel_workers=2, python_multiprocessing=False),
    "gen_num_samples": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=False, num_samples=3),
    "gen_shard_1of3": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=False, num_shards=3,
                                                           shard_id=1),
    "gen_shard_2of3": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=False, num_shards=3,
                                                           shard_id=2),
    "gen_column_types": lambda ds, root: ds.GeneratorDataset(gen5, ["x", "y"], column_types=[
        _ms(ds).float32, _ms(ds).int32]),
    "sampler_subset": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"],
                                                           sampler=ds.SubsetSampler([4, 0, 2])),
    "sampler_sequential": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"],
                                                               sampler=ds.SequentialSampler(start_index=2,
                                                                                            num_samples=3)),
    "sampler_list": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], sampler=[3, 1, 5]),
    "sampler_distributed": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"],
                                                                sampler=ds.DistributedSampler(2, 1, shuffle=False)),
    "slices_list": lambda ds, root: ds.NumpySlicesDataset([1.5, 2.5, 3.5], shuffle=False),
    "slices_int_list": lambda ds, root: ds.NumpySlicesDataset([[1, 2], [3, 4]], column_names=["p"], shuffle=False),
    "slices_tuple": lambda ds, root: ds.NumpySlicesDataset(([1, 2, 3], [[1.0], [2.0], [3.0]]), shuffle=False),
    "slices_dict": lambda ds, root: slices(ds),
    "slices_ndarray": lambda ds, root: ds.NumpySlicesDataset(np.arange(12, dtype=np.float32).reshape(4, 3),
                                                             column_names=["m"], shuffle=False),
    "batch": lambda ds, root: slices(ds).batch(3),
    "batch_drop": lambda ds, root: slices(ds).batch(3, drop_remainder=True),
    "batch_per_batch_map": lambda ds, root: slices(ds).batch(2, per_batch_map=pbm, input_columns=["a", "b"]),
    "batch_per_batch_map_out": lambda ds, root: slices(ds).batch(3, per_batch_map=pbm_three, input_columns=["a"],
                                                                 output_columns=["p", "q", "r"]),
    "batch_workers": lambda ds, root: slices(ds).batch(2, num_parallel_workers=2, per_batch_map=pbm,
                                                       input_columns=["a", "b"]),
    "map_one": lambda ds, root: slices(ds).map(add_one, input_columns=["b"]),
    "map_default_column": lambda ds, root: slices(ds).map(double),
    "map_list": lambda ds, root: slices(ds).map([add_one, double], input_columns="c"),
    "map_more_columns": lambda ds, root: slices(ds).map(split_two, input_columns=["b"], output_columns=["b1", "b3"]),
    "map_fewer_columns": lambda ds, root: slices(ds).map(lambda a, b: (a + b).astype(np.float64),
                                                         input_columns=["a", "b"], output_columns=["s"]),
    "map_threads": lambda ds, root: slices(ds).map(double, input_columns=["a"], num_parallel_workers=2),
    "map_processes": lambda ds, root: slices(ds).map(lambda c: c * 3, input_columns=["c"], num_parallel_workers=2,
                                                     python_multiprocessing=True),
    "map_then_batch": lambda ds, root: slices(ds).map(add_one, ["a"]).batch(4),
    "repeat": lambda ds, root: slices(ds, 3).repeat(3),
    "repeat_batch": lambda ds, root: slices(ds).repeat(2).batch(3),
    "batch_repeat": lambda ds, root: slices(ds).batch(3).repeat(2),
    "take": lambda ds, root: slices(ds).take(4),
    "skip": lambda ds, root: slices(ds).skip(5),
    "skip_take": lambda ds, root: slices(ds).skip(1).take(3),
    "zip": lambda ds, root: slices(ds).zip(ds.GeneratorDataset(gen5, ["x", "y"])),
    "zip_function": lambda ds, root: ds.zip((slices(ds, 3).project("a"), ds.GeneratorDataset(gen5, ["x", "y"]))),
    "concat": lambda ds, root: slices(ds, 3).concat(slices(ds, 2)),
    "concat_plus": lambda ds, root: slices(ds, 2) + slices(ds, 3) + slices(ds, 1),
    "project": lambda ds, root: slices(ds).project(["c", "a"]),
    "rename": lambda ds, root: slices(ds).rename(["a", "c"], ["A", "C"]),
    "filter": lambda ds, root: slices(ds).filter(is_even, input_columns=["a"]),
    "filter_batch": lambda ds, root: slices(ds).filter(lambda a, b, c: a > 2).batch(2),
    "split_first": lambda ds, root: slices(ds, 10).split([0.6, 0.4], randomize=False)[0],
    "split_second": lambda ds, root: slices(ds, 10).split([7, 3], randomize=False)[1],
    "mnist_all": lambda ds, root: ds.MnistDataset(os.path.join(root, "mnist"), shuffle=False),
    "mnist_test": lambda ds, root: ds.MnistDataset(os.path.join(root, "mnist"), usage="test", shuffle=False),
    "mnist_batch": lambda ds, root: ds.MnistDataset(os.path.join(root, "mnist"), usage="train",
                                                    shuffle=False).batch(4),
    "cifar10_all": lambda ds, root: ds.Cifar10Dataset(os.path.join(root, "cifar10"), shuffle=False, num_samples=4),
    "cifar10_subset": lambda ds, root: ds.Cifar10Dataset(os.path.join(root, "cifar10"),
                                                         sampler=ds.SubsetSampler([0, 9999, 10000, 19999])),
    "cifar10_test": lambda ds, root: ds.Cifar10Dataset(os.path.join(root, "cifar10"), usage="test", shuffle=False,
                                                       num_samples=3),
    "cifar100_test": lambda ds, root: ds.Cifar100Dataset(os.path.join(root, "cifar100"), usage="test",
                                                         shuffle=False, num_samples=3),
    "cifar100_subset": lambda ds, root: ds.Cifar100Dataset(os.path.join(root, "cifar100"), usage="test",
                                                           sampler=ds.SubsetSampler([9999, 5])).batch(2),
    "imagefolder_raw": lambda ds, root: ds.ImageFolderDataset(os.path.join(root, "images"), shuffle=False,
                                                              extensions=[".bmp"]),
    "imagefolder_decode": lambda ds, root: ds.ImageFolderDataset(os.path.join(root, "images"), shuffle=False,
                                                                 decode=True, extensions=[".bmp"]),
    "imagefolder_class_indexing": lambda ds, root: ds.ImageFolderDataset(
        os.path.join(root, "images"), shuffle=False, decode=True, extensions=[".bmp"],
        class_indexing={"dog": 0, "cat": 5}),
    "imagefolder_shard": lambda ds, root: ds.ImageFolderDataset(os.path.join(root, "images"), shuffle=False,
                                                                extensions=[".bmp"], num_shards=2, shard_id=0),
}

def _vision_pipeline(ds, root):
    ms = _ms(ds)
    d = ds.MnistDataset(os.path.join(root, "mnist"), usage="test", shuffle=False)
    d = d.map([ds.vision.Rescale(1.0 / 255, 0.0), ds.vision.HWC2CHW()], input_columns="image")
    d = d.map(ds.transforms.TypeCast(ms.int32), input_columns="label")
    return d.batch(2)


def _decode_pipeline(ds, root):
    d = ds.ImageFolderDataset(os.path.join(root, "images"), shuffle=False, extensions=[".bmp"])
    return d.map([ds.vision.Decode(), ds.vision.CenterCrop(3), ds.vision.HWC2CHW()], input_columns=["image"],
                 num_parallel_workers=2, python_multiprocessing=True)


def _schema(ds):
    ms = _ms(ds)
    sc = ds.Schema()
    sc.add_column("a", de_type=ms.int32, shape=[2])
    sc.add_column("b", de_type="float32")
    return sc


def gen_ab():
    for i in range(3):
        yield (np.array([i, i], np.int32), np.array(1.5 * i, np.float32))


CASES["vision_map_batch"] = _vision_pipeline
CASES["padded"] = lambda ds, root: ds.PaddedDataset([{"image": np.zeros(3, np.uint8), "label": np.array(1, np.int32)},
                                                     {"image": np.ones(3, np.uint8), "label": np.array(2, np.int32)}])
CASES["padded_concat"] = lambda ds, root: slices(ds, 3).project(["a", "c"]).concat(
    ds.PaddedDataset([{"a": np.array(-1, np.int32), "c": np.zeros(2, np.int64)}]))
CASES["fashion_mnist"] = lambda ds, root: ds.FashionMnistDataset(os.path.join(root, "mnist"), usage="test",
                                                                 shuffle=False)
CASES["kmnist"] = lambda ds, root: ds.KMnistDataset(os.path.join(root, "mnist"), usage="train", shuffle=False,
                                                    num_samples=2)
def gen_ragged():
    for i in range(5):
        yield (np.arange(i + 1, dtype=np.int32), np.array(i, np.int64))


CASES["padded_batch_shape"] = lambda ds, root: ds.GeneratorDataset(gen_ragged, ["x", "y"]).padded_batch(
    2, pad_info={"x": ([5], -1)})
CASES["padded_batch_longest"] = lambda ds, root: ds.GeneratorDataset(gen_ragged, ["x", "y"]).padded_batch(
    2, drop_remainder=True, pad_info={"x": (None, 7)})
CASES["nested_processes"] = lambda ds, root: ds.GeneratorDataset(
    RandomAccess(20), ["d", "l"], shuffle=False, num_parallel_workers=2).map(
    double, input_columns="d", num_parallel_workers=2, python_multiprocessing=True).batch(
    3, per_batch_map=pbm, input_columns=["l", "d"], num_parallel_workers=2, python_multiprocessing=True)
def _text(root, *names):
    return [os.path.join(root, "text", n) for n in names]


CASES["text_one_worker"] = lambda ds, root: ds.TextFileDataset(_text(root, "c.txt", "a.txt", "b.txt"), shuffle=False,
                                                               num_parallel_workers=1)
CASES["text_two_workers"] = lambda ds, root: ds.TextFileDataset(_text(root, "a.txt", "b.txt", "c.txt"),
                                                                shuffle=False, num_parallel_workers=2)
CASES["text_num_samples"] = lambda ds, root: ds.TextFileDataset(_text(root, "a.txt", "c.txt"), shuffle=False,
                                                                num_parallel_workers=1, num_samples=4)
CASES["csv_header_strings"] = lambda ds, root: ds.CSVDataset(_text(root, "c.csv"), shuffle=False)
CASES["csv_defaults"] = lambda ds, root: ds.CSVDataset(_text(root, "c.csv"), column_defaults=[0, "x", -1.0],
                                                       shuffle=False)
CASES["csv_two_files_one_worker"] = lambda ds, root: ds.CSVDataset(_text(root, "d.csv", "c.csv"), shuffle=False,
                                                                   column_defaults=[0, "", 0.0],
                                                                   num_parallel_workers=1)
CASES["csv_two_files_two_workers"] = lambda ds, root: ds.CSVDataset(_text(root, "d.csv", "c.csv"), shuffle=False,
                                                                    column_defaults=[0, "", 0.0],
                                                                    num_parallel_workers=2)
CASES["csv_names_delim"] = lambda ds, root: ds.CSVDataset(_text(root, "e.csv"), field_delim=";",
                                                          column_names=["n", "who", "v"],
                                                          column_defaults=[0, "", 0.0], shuffle=False)
CASES["csv_batch"] = lambda ds, root: ds.CSVDataset(_text(root, "c.csv"), column_defaults=[0, "", 0.0],
                                                    shuffle=False).project(["id", "score"]).batch(2)
def gen_lengths():
    for n in [1, 5, 2, 7, 3, 3, 6, 1, 4, 8]:
        yield (np.arange(n, dtype=np.int32), np.array(n, np.int64))


CASES["bucket_pad"] = lambda ds, root: ds.GeneratorDataset(gen_lengths, ["x", "n"]).bucket_batch_by_length(
    ["x"], [3, 6], [2, 3, 2], pad_info={"x": (None, -1)})
CASES["bucket_boundary_drop"] = lambda ds, root: ds.GeneratorDataset(gen_lengths, ["x", "n"]).bucket_batch_by_length(
    ["x"], [4, 9], [2, 3, 2], pad_info={"x": ([None], 0)}, pad_to_bucket_boundary=True, drop_remainder=True)
CASES["bucket_no_pad_info"] = lambda ds, root: ds.GeneratorDataset(gen_lengths, ["x", "n"]).bucket_batch_by_length(
    ["x"], [4, 6], [2, 3, 2])
CASES["bucket_length_fn"] = lambda ds, root: ds.GeneratorDataset(gen_lengths, ["x", "n"]).bucket_batch_by_length(
    ["x", "n"], [1, 2], [2, 3, 1], element_length_function=lambda x, n: int(n) % 3, pad_info={"x": (None, 9)})
CASES["emnist_all"] = lambda ds, root: ds.EMnistDataset(os.path.join(root, "emnist"), "letters", shuffle=False)
CASES["emnist_train"] = lambda ds, root: ds.EMnistDataset(os.path.join(root, "emnist"), name="letters", usage="train",
                                                          shuffle=False)
CASES["gen_schema"] = lambda ds, root: ds.GeneratorDataset(gen_ab, schema=_schema(ds))

CASES["vision_decode_resize"] = _decode_pipeline

# only the column names and the size are compared (too many rows to store)
SIZE_CASES = {
    "fake_image": lambda ds, root: ds.FakeImageDataset(num_images=50, image_size=(8, 6, 3), num_classes=4,
                                                       base_seed=1),
    "fake_image_shard": lambda ds, root: ds.FakeImageDataset(num_images=50, image_size=(8, 6, 3), num_shards=4,
                                                             shard_id=3).batch(4),
    "cifar10_full": lambda ds, root: ds.Cifar10Dataset(os.path.join(root, "cifar10")),
    "cifar10_train_full": lambda ds, root: ds.Cifar10Dataset(os.path.join(root, "cifar10"), usage="train"),
    "cifar100_test_full": lambda ds, root: ds.Cifar100Dataset(os.path.join(root, "cifar100"), usage="test"),
    "cifar10_full_batch": lambda ds, root: ds.Cifar10Dataset(os.path.join(root, "cifar10")).batch(32),
    "cifar10_shard": lambda ds, root: ds.Cifar10Dataset(os.path.join(root, "cifar10"), num_shards=3, shard_id=1),
}

PERM_CASES = {
    "shuffle_source": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=True),
    "shuffle_op": lambda ds, root: slices(ds).shuffle(4),
    "random_sampler": lambda ds, root: ds.NumpySlicesDataset(np.arange(9), sampler=ds.RandomSampler()),
    "subset_random_sampler": lambda ds, root: ds.NumpySlicesDataset(np.arange(9),
                                                                    sampler=ds.SubsetRandomSampler([1, 4, 6, 8])),
    "distributed_shuffled_shards": lambda ds, root: ds.NumpySlicesDataset(np.arange(9), num_shards=3, shard_id=0,
                                                                          shuffle=True).concat(
        ds.NumpySlicesDataset(np.arange(9), num_shards=3, shard_id=1, shuffle=True)).concat(
        ds.NumpySlicesDataset(np.arange(9), num_shards=3, shard_id=2, shuffle=True)),
    "mnist_shuffled_batch": lambda ds, root: ds.MnistDataset(os.path.join(root, "mnist"), shuffle=True).batch(1),
}


def weighted(ds):
    """Rows 1 and 3 only (the others weigh 0), 40 draws with replacement."""
    return ds.NumpySlicesDataset(np.arange(5), sampler=ds.WeightedRandomSampler([0, 1, 0, 2.5, 0], num_samples=40))


def _bad_columns(ds, root):
    list(ds.GeneratorDataset(gen5, ["x", "y", "z"]).create_tuple_iterator(num_epochs=1))


def _failing_worker(ds, root):
    list(ds.GeneratorDataset(Failing(), ["x"], shuffle=False, num_parallel_workers=2).create_tuple_iterator(
        num_epochs=1))


def _failing_serial(ds, root):
    list(ds.GeneratorDataset(Failing(), ["x"], shuffle=False).create_tuple_iterator(num_epochs=1))


def _failing_map(ds, root):
    d = slices(ds).map(lambda a: 1 // 0 if a == 3 else a, input_columns=["a"])
    list(d.create_tuple_iterator(num_epochs=1))


def _failing_map_processes(ds, root):
    d = slices(ds).map(lambda a: 1 // 0 if a == 4 else a, input_columns=["a"], num_parallel_workers=2,
                       python_multiprocessing=True)
    list(d.create_tuple_iterator(num_epochs=1))


def _inconsistent_batch(ds, root):
    d = ds.GeneratorDataset(lambda: iter([(np.zeros(2),), (np.zeros(3),)]), ["x"]).batch(2)
    list(d.create_tuple_iterator(num_epochs=1))


ERROR_CASES = {
    "gen_not_source": lambda ds, root: ds.GeneratorDataset(5, ["x"]),
    "gen_no_columns": lambda ds, root: ds.GeneratorDataset(gen5),
    "gen_column_names_type": lambda ds, root: ds.GeneratorDataset(gen5, 5),
    "gen_num_samples_type": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], num_samples="3"),
    "gen_shuffle_type": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=1),
    "gen_shards_alone": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], num_shards=2),
    "gen_shard_id_range": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], num_shards=2, shard_id=2),
    "gen_sampler_and_shuffle": lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"], shuffle=True,
                                                                    sampler=ds.SequentialSampler()),
    "gen_iterable_shards": lambda ds, root: ds.GeneratorDataset(IterSource(), ["v"], num_shards=2, shard_id=0),
    "gen_bad_columns": _bad_columns,
    "gen_column_types_mismatch": lambda ds, root: list(ds.GeneratorDataset(gen5, ["x", "y"], column_types=[
        _ms(ds).float16, _ms(ds).int32]).create_tuple_iterator(num_epochs=1)),
    "gen_failing_worker": _failing_worker,
    "gen_failing_serial": _failing_serial,
    "map_failing": _failing_map,
    "map_failing_processes": _failing_map_processes,
    "batch_inconsistent": _inconsistent_batch,
    "batch_zero": lambda ds, root: slices(ds).batch(0),
    "batch_str": lambda ds, root: slices(ds).batch("2"),
    "shuffle_one": lambda ds, root: slices(ds).shuffle(1),
    "repeat_zero": lambda ds, root: slices(ds).repeat(0),
    "project_missing": lambda ds, root: slices(ds).project(["zz"]).get_col_names(),
    "map_missing_column": lambda ds, root: list(slices(ds).map(double, input_columns=["zz"]).create_tuple_iterator(
        num_epochs=1)),
    "zip_duplicate": lambda ds, root: slices(ds).zip(slices(ds)).get_col_names(),
    "concat_mismatch": lambda ds, root: list((slices(ds) + slices(ds).project("a")).create_tuple_iterator(
        num_epochs=1)),
    "rename_lengths": lambda ds, root: slices(ds).rename(["a"], ["x", "y"]),
    "slices_names_count": lambda ds, root: ds.NumpySlicesDataset(np.arange(3), column_names=["a", "b"]),
    "slices_bad_data": lambda ds, root: ds.NumpySlicesDataset(5),
    "mnist_missing_dir": lambda ds, root: ds.MnistDataset(os.path.join(root, "nowhere")),
    "mnist_bad_usage": lambda ds, root: ds.MnistDataset(os.path.join(root, "mnist"), usage="valid"),
    "distributed_bad_shard": lambda ds, root: ds.DistributedSampler(2, 5),
    "subset_sampler_type": lambda ds, root: ds.SubsetSampler("abc"),
    "seed_negative": lambda ds, root: ds.config.set_seed(-1),
    "seed_type": lambda ds, root: ds.config.set_seed("1"),
}

ERROR_CASES["padded_batch_no_pad_info"] = lambda ds, root: list(
    ds.GeneratorDataset(gen_ragged, ["x", "y"]).padded_batch(3, pad_info=None).create_tuple_iterator(num_epochs=1))
PERM_CASES["text_shuffled"] = lambda ds, root: ds.TextFileDataset(_text(root, "a.txt", "b.txt", "c.txt"))
ERROR_CASES["text_missing_file"] = lambda ds, root: ds.TextFileDataset(os.path.join(root, "text", "nope.txt"))
ERROR_CASES["csv_type_mismatch"] = lambda ds, root: list(ds.CSVDataset(
    os.path.join(root, "text", "c.csv"), column_names=["a", "b", "c"], column_defaults=[0, "", 0.0],
    shuffle=False).create_tuple_iterator(num_epochs=1))
ERROR_CASES["csv_empty_number"] = lambda ds, root: list(ds.CSVDataset(
    os.path.join(root, "text", "f.csv"), column_names=["a", "b", "c"], column_defaults=[0, "", 0.0],
    shuffle=False).create_tuple_iterator(num_epochs=1))
ERROR_CASES["emnist_bad_name"] = lambda ds, root: ds.EMnistDataset(os.path.join(root, "emnist"), "greek")
ERROR_CASES["split_sharded"] = lambda ds, root: ds.NumpySlicesDataset(np.arange(10), num_shards=2,
                                                                      shard_id=0).split([0.5, 0.5])
ERROR_CASES["gen_pk_sampler"] = lambda ds, root: ds.GeneratorDataset(RandomAccess(), ["d", "l"],
                                                                     sampler=ds.PKSampler(2))
ERROR_CASES["pk_num_class"] = lambda ds, root: ds.PKSampler(2, num_class=3)



# ------------------------------------------------------------------ argument checks: type and whole message
def norm_message(msg, cpus=None):
    """An error message with what varies by run or by framework layout taken out: the reference's pipeline
    frame (the "Dataset Pipeline Error Message" box and its C++ call stack) becomes the one line
    "Exception thrown from dataset pipeline. <message>", memory addresses become 0x?, and the machine's
    CPU count (the bound of num_parallel_workers) becomes <cpus>."""
    if "- Dataset Pipeline Error Message:" in msg:
        body = msg.split("[ERROR] ", 1)[1].split("\n\n---", 1)[0].strip()
        msg = "Exception thrown from dataset pipeline. " + body
    msg = re.sub(r" at 0x[0-9a-fA-F]+", " at 0x?", msg)
    msg = re.sub(r"<class '(?:mindspore|lightspore)\.dataset\.[\w.]*\.(\w+)'>", r"<class '\1'>", msg)
    cpus = os.cpu_count() if cpus is None else cpus
    return msg.replace(f"between 1 and {cpus}!", "between 1 and <cpus>!")


def _rows_through(ds, sampler):
    """The row ids a sampler picks from a 10-row source (errors of a sampler's values show here)."""
    d = ds.NumpySlicesDataset(np.arange(10), sampler=sampler, column_names=["a"])
    return [int(r[0]) for r in d.create_tuple_iterator(num_epochs=1, output_numpy=True)]


def _with_child(ds, parent, child):
    parent.add_child(child)
    return parent


def _count(d, **kw):
    return len(list(d.create_tuple_iterator(num_epochs=1, output_numpy=True, **kw)))


def _shuffle(ds, name):
    return getattr(ds.Shuffle, name)


def _user_sampler(ds, ids, with_len=False, **kw):
    """A user Sampler (a subclass of ``ds.Sampler``) yielding ``ids``, with ``__len__`` when ``with_len``."""
    body = {"__iter__": lambda self: iter(ids)}
    if with_len:
        body["__len__"] = lambda self: 2
    return type("UserIds", (ds.Sampler,), body)(**kw)


def _pbm_one(a, info):
    return ([x * 2 for x in a],)


# fn(ds, root) -> a value (compared when it is a list or int) or an error (type and normalised message compared)
ARG_CASES = {
    # Shuffle is a str enum in the reference: its members equal their strings, which the samplers accept as modes
    "shuffle_is_str": lambda ds, root: [ds.Shuffle.GLOBAL == "global", isinstance(ds.Shuffle.FILES, str),
                                        f"{ds.Shuffle.PARTIAL}", ds.Shuffle("infile").name],
    "random_shuffle_str_mode": lambda ds, root: sorted(_rows_through(ds, ds.RandomSampler(shuffle="global"))),
    "random_shuffle_str_false": lambda ds, root: ds.RandomSampler(shuffle="false"),
    # samplers: the reference checks the types when built and the values when the pipeline starts
    "dist_num_shards_str": lambda ds, root: ds.DistributedSampler("a", 0),
    "dist_num_shards_float": lambda ds, root: ds.DistributedSampler(2.0, 0),
    "dist_shard_id_str": lambda ds, root: ds.DistributedSampler(2, "0"),
    "dist_shuffle_int": lambda ds, root: ds.DistributedSampler(2, 0, shuffle=1),
    "dist_offset_str": lambda ds, root: ds.DistributedSampler(2, 0, offset="1"),
    "dist_num_samples_str": lambda ds, root: ds.DistributedSampler(2, 0, num_samples="1"),
    "dist_num_samples_negative": lambda ds, root: ds.DistributedSampler(2, 0, num_samples=-1),
    "dist_bool_ints": lambda ds, root: _rows_through(ds, ds.DistributedSampler(True, False, shuffle=False)),
    "dist_num_samples_bool": lambda ds, root: _rows_through(ds, ds.DistributedSampler(2, 0, shuffle=False,
                                                                                      num_samples=True)),
    "dist_num_samples_zero": lambda ds, root: _rows_through(ds, ds.DistributedSampler(2, 0, shuffle=False,
                                                                                      num_samples=0)),
    "dist_zero_built": lambda ds, root: ds.DistributedSampler(0, 0).num_shards,
    "dist_zero_used": lambda ds, root: _rows_through(ds, ds.DistributedSampler(0, 0)),
    "dist_negative_used": lambda ds, root: _rows_through(ds, ds.DistributedSampler(-1, 0)),
    "dist_shard_negative_used": lambda ds, root: _rows_through(ds, ds.DistributedSampler(2, -1)),
    "dist_shard_too_big_used": lambda ds, root: _rows_through(ds, ds.DistributedSampler(2, 2)),
    "dist_offset_too_big_used": lambda ds, root: _rows_through(ds, ds.DistributedSampler(2, 0, offset=3)),
    "dist_shuffle_mode_built": lambda ds, root: ds.DistributedSampler(2, 0, shuffle=_shuffle(ds, "FILES")).num_shards,
    "dist_shuffle_mode_used": lambda ds, root: _rows_through(ds, ds.DistributedSampler(
        2, 0, shuffle=_shuffle(ds, "FILES"))),
    "seq_start_str": lambda ds, root: ds.SequentialSampler("1"),
    "seq_num_samples_float": lambda ds, root: ds.SequentialSampler(num_samples=1.0),
    "seq_num_samples_too_big": lambda ds, root: ds.SequentialSampler(num_samples=2 ** 63),
    "seq_start_bool": lambda ds, root: _rows_through(ds, ds.SequentialSampler(True)),
    "seq_start_negative_used": lambda ds, root: _rows_through(ds, ds.SequentialSampler(-1)),
    "seq_start_past_end_used": lambda ds, root: _rows_through(ds, ds.SequentialSampler(10)),
    "random_replacement_int": lambda ds, root: ds.RandomSampler(replacement=1),
    "random_shuffle_bool": lambda ds, root: ds.RandomSampler(shuffle=True),
    "random_shuffle_false": lambda ds, root: ds.RandomSampler(shuffle=_shuffle(ds, "FALSE")),
    "random_shuffle_files_used": lambda ds, root: _rows_through(ds, ds.RandomSampler(shuffle=_shuffle(ds, "FILES"))),
    "random_num_samples_negative": lambda ds, root: ds.RandomSampler(num_samples=-3),
    "pk_num_val_str": lambda ds, root: ds.PKSampler("2"),
    "pk_num_val_zero_built": lambda ds, root: ds.PKSampler(0).num_val,
    "pk_num_val_negative_built": lambda ds, root: ds.PKSampler(-1).num_val,
    "pk_num_val_bool_built": lambda ds, root: int(ds.PKSampler(True).num_val),
    "pk_num_val_zero_used": lambda ds, root: _count(ds.MnistDataset(os.path.join(root, "mnist"),
                                                                    sampler=ds.PKSampler(0))),
    "pk_num_val_negative_used": lambda ds, root: _count(ds.MnistDataset(os.path.join(root, "mnist"),
                                                                        sampler=ds.PKSampler(-2))),
    "pk_class_column_unknown_used": lambda ds, root: _count(ds.MnistDataset(
        os.path.join(root, "mnist"), sampler=ds.PKSampler(1, class_column="zz"))),
    "pk_on_folder_used": lambda ds, root: _count(ds.ImageFolderDataset(
        os.path.join(root, "images"), extensions=[".bmp"], sampler=ds.PKSampler(1))),
    "pk_on_slices_used": lambda ds, root: _count(ds.NumpySlicesDataset(
        {"image": np.arange(4), "label": np.array([0, 1, 0, 1])}, sampler=ds.PKSampler(1))),
    "pk_shuffle_int": lambda ds, root: ds.PKSampler(2, shuffle=1),
    "pk_class_column_int": lambda ds, root: ds.PKSampler(2, class_column=1),
    "pk_num_samples_str": lambda ds, root: ds.PKSampler(2, num_samples="x"),
    "subset_str": lambda ds, root: ds.SubsetSampler("abc"),
    "subset_none": lambda ds, root: ds.SubsetSampler(None),
    "subset_float_item": lambda ds, root: ds.SubsetSampler([1, 2.0]),
    "subset_int": lambda ds, root: _rows_through(ds, ds.SubsetSampler(3)),
    "subset_bool_item": lambda ds, root: _rows_through(ds, ds.SubsetSampler([True, 2])),
    "subset_range": lambda ds, root: _rows_through(ds, ds.SubsetSampler(range(3))),
    "subset_num_samples": lambda ds, root: _rows_through(ds, ds.SubsetSampler([1, 2, 3], num_samples=2)),
    "subset_negative_used": lambda ds, root: _rows_through(ds, ds.SubsetSampler([1, -1])),
    "subset_past_end_used": lambda ds, root: _rows_through(ds, ds.SubsetSampler([1, 10])),
    "subset_random_str": lambda ds, root: ds.SubsetRandomSampler("abc"),
    "subset_random_str_item": lambda ds, root: ds.SubsetRandomSampler([1, "a"]),
    "subset_random_past_end_used": lambda ds, root: _rows_through(ds, ds.SubsetRandomSampler([1, 10])),
    "weighted_str": lambda ds, root: ds.WeightedRandomSampler("abc"),
    "weighted_str_item": lambda ds, root: ds.WeightedRandomSampler([1, "a"]),
    "weighted_tuple": lambda ds, root: ds.WeightedRandomSampler((1, 2)),
    "weighted_replacement_int": lambda ds, root: ds.WeightedRandomSampler([1, 2], replacement=1),
    "weighted_scalar": lambda ds, root: _rows_through(ds, ds.WeightedRandomSampler(1.0, num_samples=3)),
    "weighted_empty_used": lambda ds, root: _rows_through(ds, ds.WeightedRandomSampler([])),
    "weighted_all_zero_used": lambda ds, root: _rows_through(ds, ds.WeightedRandomSampler([0, 0])),
    "weighted_negative_used": lambda ds, root: _rows_through(ds, ds.WeightedRandomSampler([1, -1])),
    "weighted_too_few_used": lambda ds, root: _rows_through(ds, ds.WeightedRandomSampler([1, 2, 3], num_samples=5,
                                                                                         replacement=False)),
    "weighted_default_count": lambda ds, root: len(_rows_through(ds, ds.WeightedRandomSampler([1, 2, 3]))),
    "weighted_count_past_end": lambda ds, root: len(_rows_through(ds, ds.WeightedRandomSampler([1, 2, 3],
                                                                                              num_samples=30))),
    "weighted_count_four": lambda ds, root: len(_rows_through(ds, ds.WeightedRandomSampler([1, 2, 3],
                                                                                          num_samples=4))),
    "weighted_more_weights_than_rows_used": lambda ds, root: _rows_through(ds, ds.WeightedRandomSampler([1] * 15)),
    "seq_start_at_end_size": lambda ds, root: ds.NumpySlicesDataset(np.arange(10), sampler=ds.SequentialSampler(
        10)).get_dataset_size(),
    "seq_start_with_num_samples": lambda ds, root: _rows_through(ds, ds.SequentialSampler(8, num_samples=5)),
    "dist_more_shards_than_rows": lambda ds, root: _rows_through(ds, ds.DistributedSampler(12, 11, shuffle=False)),
    "dist_shards_wrap": lambda ds, root: [_rows_through(ds, ds.DistributedSampler(3, i, shuffle=False))
                                         for i in range(3)],
    "dist_offset": lambda ds, root: _rows_through(ds, ds.DistributedSampler(3, 1, shuffle=False, offset=1)),
    "random_count": lambda ds, root: len(_rows_through(ds, ds.RandomSampler(num_samples=3))),
    "random_replacement_count_past_end": lambda ds, root: len(_rows_through(ds, ds.RandomSampler(True,
                                                                                                 num_samples=30))),
    "child_of_sequential": lambda ds, root: _rows_through(ds, _with_child(ds, ds.SequentialSampler(1, 3),
                                                                          ds.SequentialSampler(2, 5))),
    "child_of_distributed": lambda ds, root: _rows_through(ds, _with_child(ds, ds.DistributedSampler(
        2, 1, shuffle=False), ds.SequentialSampler(0, 6))),
    "list_sampler_past_end_used": lambda ds, root: _rows_through(ds, [3, 11]),
    "sampler_arg_str": lambda ds, root: _rows_through(ds, "abc"),
    "sampler_arg_float": lambda ds, root: _rows_through(ds, 3.5),
    "sampler_arg_int": lambda ds, root: _rows_through(ds, 4),
    "sampler_arg_tuple": lambda ds, root: _rows_through(ds, (4, 1)),
    "sampler_arg_array": lambda ds, root: _rows_through(ds, np.array([2, 1])),
    "reader_sampler_str": lambda ds, root: ds.MnistDataset(os.path.join(root, "mnist"), sampler="abc"),
    "reader_sampler_float": lambda ds, root: ds.MnistDataset(os.path.join(root, "mnist"), sampler=3.5),
    "reader_sampler_object": lambda ds, root: ds.MnistDataset(os.path.join(root, "mnist"), sampler=object()),
    "reader_sampler_int": lambda ds, root: _count(ds.MnistDataset(os.path.join(root, "mnist"), sampler=3)),
    "reader_sampler_bool": lambda ds, root: _count(ds.MnistDataset(os.path.join(root, "mnist"), sampler=True)),
    "user_sampler_len": lambda ds, root: _user_sampler(ds, [3, 1, 4], with_len=True).get_num_samples(),
    "user_sampler_counted": lambda ds, root: _user_sampler(ds, [3, 1, 4]).get_num_samples(),
    "user_sampler_num_samples": lambda ds, root: _rows_through(ds, _user_sampler(ds, [3, 1, 4], num_samples=2)),
    "add_child_twice": lambda ds, root: _with_child(ds, _with_child(ds, ds.RandomSampler(), ds.SequentialSampler()),
                                                    ds.SequentialSampler()),
    "add_child_none": lambda ds, root: _with_child(ds, ds.RandomSampler(), None).get_child(),
    "add_child_partial": lambda ds, root: _with_child(ds, ds.SequentialSampler(),
                                                      ds.RandomSampler(shuffle=_shuffle(ds, "PARTIAL"))),
    "add_child_to_partial": lambda ds, root: _with_child(ds, ds.RandomSampler(shuffle=_shuffle(ds, "PARTIAL")),
                                                         ds.SequentialSampler()),
    "add_child_to_files": lambda ds, root: _with_child(ds, ds.DistributedSampler(2, 0, shuffle=_shuffle(ds, "FILES")),
                                                       ds.SequentialSampler()),
    "num_samples_of_child": lambda ds, root: _with_child(ds, ds.RandomSampler(num_samples=5),
                                                         ds.SequentialSampler(num_samples=3)).get_num_samples(),
    "num_samples_of_parent": lambda ds, root: _with_child(ds, ds.RandomSampler(num_samples=2),
                                                          ds.SequentialSampler(num_samples=3)).get_num_samples(),
    "num_samples_subset": lambda ds, root: ds.SubsetSampler([1, 2, 3]).get_num_samples(),
    "num_samples_subset_capped": lambda ds, root: ds.SubsetSampler([1, 2, 3], num_samples=2).get_num_samples(),
    # pipeline methods
    "batch_zero": lambda ds, root: slices(ds).batch(0),
    "batch_too_big": lambda ds, root: slices(ds).batch(2 ** 31),
    "batch_str": lambda ds, root: slices(ds).batch("2"),
    "batch_float": lambda ds, root: slices(ds).batch(2.0),
    "batch_drop_remainder_int": lambda ds, root: slices(ds).batch(2, drop_remainder=1),
    "batch_workers_zero": lambda ds, root: slices(ds).batch(2, num_parallel_workers=0),
    "batch_workers_str": lambda ds, root: slices(ds).batch(2, num_parallel_workers="1"),
    "batch_workers_too_many": lambda ds, root: slices(ds).batch(2, num_parallel_workers=1000),
    "batch_input_columns_without_map": lambda ds, root: slices(ds).batch(2, input_columns=["a"]),
    "batch_multiprocessing_int": lambda ds, root: slices(ds).batch(2, python_multiprocessing=1),
    "batch_input_column_int": lambda ds, root: slices(ds).batch(2, per_batch_map=pbm, input_columns=[1]),
    "batch_unknown_keyword": lambda ds, root: slices(ds).batch(2, foo=1),
    "batch_map_arity": lambda ds, root: slices(ds).batch(2, per_batch_map=pbm, input_columns=["a"]),
    "batch_map_arity_ok": lambda ds, root: slices(ds).batch(2, per_batch_map=_pbm_one,
                                                            input_columns=["a"]).get_dataset_size(),
    "batch_bool": lambda ds, root: slices(ds).batch(True).get_dataset_size(),
    "batch_minus_one_used": lambda ds, root: _count(slices(ds).batch(-1)),
    "batch_size_function_arity": lambda ds, root: slices(ds).batch(lambda a, b: 2),
    "batch_size_function": lambda ds, root: slices(ds).batch(lambda info: 3).get_dataset_size(),
    "batch_output_columns_without_map": lambda ds, root: _count(slices(ds).batch(2, output_columns=["x"])),
    "batch_map_not_callable_used": lambda ds, root: _count(slices(ds).batch(2, per_batch_map=3)),
    "zip_int": lambda ds, root: slices(ds).zip(3),
    "zip_tuple_int": lambda ds, root: slices(ds).zip((3,)),
    "concat_int": lambda ds, root: slices(ds).concat(3),
    "concat_list_int": lambda ds, root: slices(ds).concat([3]),
    "map_callbacks_int": lambda ds, root: slices(ds).map(add_one, callbacks=1),
    "padded_batch_zero": lambda ds, root: slices(ds).padded_batch(0),
    "padded_batch_pad_info_list": lambda ds, root: slices(ds).padded_batch(2, pad_info=[1]),
    "padded_batch_pad_info_key": lambda ds, root: slices(ds).padded_batch(2, pad_info={1: ([1], 0)}),
    "padded_batch_pad_shape_str": lambda ds, root: slices(ds).padded_batch(2, pad_info={"a": ("x", 0)}),
    "padded_batch_pad_shape_negative": lambda ds, root: slices(ds).padded_batch(2, pad_info={"a": ([-1], 0)}),
    "repeat_none": lambda ds, root: slices(ds).repeat(None).get_repeat_count(),
    "take_past_end": lambda ds, root: slices(ds).take(100).get_dataset_size(),
    "skip_past_end": lambda ds, root: slices(ds).skip(100).get_dataset_size(),
    "shuffle_two": lambda ds, root: slices(ds).shuffle(2).get_dataset_size(),
    "map_operation_int": lambda ds, root: slices(ds).map(3),
    "map_operation_list_int": lambda ds, root: slices(ds).map([add_one, 3]),
    "map_input_columns_int": lambda ds, root: slices(ds).map(add_one, input_columns=1),
    "map_input_columns_empty": lambda ds, root: slices(ds).map(add_one, input_columns=[]),
    "map_input_columns_duplicate": lambda ds, root: slices(ds).map(add_one, input_columns=["a", "a"]),
    "map_input_column_empty_name": lambda ds, root: slices(ds).map(add_one, input_columns=[""]),
    "map_output_columns_int": lambda ds, root: slices(ds).map(add_one, input_columns="a", output_columns=2),
    "map_workers_zero": lambda ds, root: slices(ds).map(add_one, num_parallel_workers=0),
    "map_workers_str": lambda ds, root: slices(ds).map(add_one, num_parallel_workers="2"),
    "map_multiprocessing_int": lambda ds, root: slices(ds).map(add_one, python_multiprocessing=1),
    "map_max_rowsize_str": lambda ds, root: slices(ds).map(add_one, max_rowsize="1"),
    "map_unknown_keyword": lambda ds, root: slices(ds).map(add_one, foo=1),
    "filter_predicate_int": lambda ds, root: slices(ds).filter(3),
    "filter_input_columns_int": lambda ds, root: slices(ds).filter(is_even, input_columns=1),
    "filter_workers_zero": lambda ds, root: slices(ds).filter(is_even, num_parallel_workers=0),
    "project_int": lambda ds, root: slices(ds).project(1),
    "project_empty": lambda ds, root: slices(ds).project([]),
    "project_duplicate": lambda ds, root: slices(ds).project(["a", "a"]),
    "project_missing_used": lambda ds, root: _count(slices(ds).project(["zz"])),
    "rename_int": lambda ds, root: slices(ds).rename(1, "x"),
    "rename_lengths": lambda ds, root: slices(ds).rename(["a"], ["x", "y"]),
    "rename_duplicate": lambda ds, root: slices(ds).rename(["a", "a"], ["x", "y"]),
    "rename_missing_used": lambda ds, root: _count(slices(ds).rename(["zz"], ["x"])),
    "zip_function_one": lambda ds, root: ds.zip((slices(ds),)),
    "zip_function_empty": lambda ds, root: ds.zip(()),
    "zip_function_int_item": lambda ds, root: ds.zip((slices(ds), 3)),
    "concat_empty_used": lambda ds, root: slices(ds).concat([]).get_dataset_size(),
    "split_empty": lambda ds, root: slices(ds).split([]),
    "split_str": lambda ds, root: slices(ds).split("a"),
    "split_mixed": lambda ds, root: slices(ds).split([1, 0.5]),
    "split_negative": lambda ds, root: slices(ds).split([-1, 8]),
    "split_zero": lambda ds, root: slices(ds).split([0, 7]),
    "split_sum": lambda ds, root: slices(ds).split([3, 3]),
    "split_float_sum": lambda ds, root: slices(ds).split([0.3, 0.3]),
    "split_float_zero": lambda ds, root: slices(ds).split([0.0, 1.0]),
    "split_float_out_of_range": lambda ds, root: slices(ds).split([1.5, -0.5]),
    "split_randomize_int": lambda ds, root: slices(ds).split([3, 4], randomize=1),
    "split_bool_size": lambda ds, root: [p.get_dataset_size() for p in slices(ds).split([True, 6], randomize=False)],
    "split_too_small": lambda ds, root: slices(ds, 2).split([0.9, 0.1]),
    "iterator_epochs_zero": lambda ds, root: slices(ds).create_tuple_iterator(num_epochs=0),
    "iterator_epochs_minus_two": lambda ds, root: slices(ds).create_tuple_iterator(num_epochs=-2),
    "iterator_epochs_str": lambda ds, root: slices(ds).create_tuple_iterator(num_epochs="1"),
    "iterator_epochs_bool": lambda ds, root: slices(ds).create_tuple_iterator(num_epochs=True),
    "iterator_output_numpy_int": lambda ds, root: slices(ds).create_tuple_iterator(output_numpy=1),
    "iterator_do_copy_int": lambda ds, root: slices(ds).create_tuple_iterator(do_copy=1),
    "iterator_columns_int": lambda ds, root: slices(ds).create_tuple_iterator(columns=1),
    "iterator_columns_empty": lambda ds, root: slices(ds).create_tuple_iterator(columns=[]),
    "iterator_columns_missing_used": lambda ds, root: _count(slices(ds), columns=["zz"]),
    "dict_iterator_epochs_zero": lambda ds, root: slices(ds).create_dict_iterator(num_epochs=0),
    "dict_iterator_epochs_str": lambda ds, root: slices(ds).create_dict_iterator(num_epochs="x"),
    "dict_iterator_output_numpy_int": lambda ds, root: slices(ds).create_dict_iterator(output_numpy=1),
}

# repeat/take/skip/shuffle, each given the same bad (or edge) counts
for _method in ("repeat", "take", "skip", "shuffle"):
    for _label, _value in (("zero", 0), ("minus_one", -1), ("minus_two", -2), ("too_big", 2 ** 31), ("str", "1"),
                           ("bool", True), ("float", 2.0)):
        ARG_CASES[f"{_method}_{_label}"] = lambda ds, root, m=_method, c=_value: getattr(slices(ds), m)(c)


def _ragged_rows(d):
    return [[a.tolist() for a in r] for r in d.create_tuple_iterator(num_epochs=1, output_numpy=True)]


def _ragged(ds):
    return ds.GeneratorDataset(gen_ragged, ["x", "y"])


ARG_CASES.update({
    "num_samples_zero_sequential": lambda ds, root: ds.SequentialSampler(num_samples=0).get_num_samples(),
    "num_samples_zero_subset": lambda ds, root: ds.SubsetSampler([1, 2, 3], num_samples=0).get_num_samples(),
    "num_samples_zero_random": lambda ds, root: ds.RandomSampler(num_samples=0).get_num_samples(),
    "map_no_operation_used": lambda ds, root: _count(slices(ds).map([])),
    "rename_onto_existing_used": lambda ds, root: _count(slices(ds).rename(["a"], ["b"])),
    "rename_str": lambda ds, root: slices(ds).rename("a", "x").get_col_names(),
    "project_str": lambda ds, root: slices(ds).project("b").get_col_names(),
    "padded_batch_none_entry": lambda ds, root: _ragged_rows(_ragged(ds).padded_batch(2, pad_info={"x": None})),
    "padded_batch_three_items": lambda ds, root: _ragged(ds).padded_batch(2, pad_info={"x": ([5], 0, 1)}),
    "padded_batch_list_entry": lambda ds, root: _ragged(ds).padded_batch(2, pad_info={"x": [[5], 0]}),
    "padded_batch_list_value": lambda ds, root: _ragged(ds).padded_batch(2, pad_info={"x": ([5], [0])}),
    "padded_batch_none_value": lambda ds, root: _ragged_rows(_ragged(ds).padded_batch(2, pad_info={"x": ([5], None)})),
    "padded_batch_dim_zero": lambda ds, root: _ragged(ds).padded_batch(2, pad_info={"x": ([0], 0)}),
    "padded_batch_dim_bool": lambda ds, root: _ragged(ds).padded_batch(2, pad_info={"x": ([True], 0)}),
    "padded_batch_shape_smaller": lambda ds, root: _ragged_rows(_ragged(ds).padded_batch(2, pad_info={"x": ([2], 0)})),
    "padded_batch_missing_column_used": lambda ds, root: _count(_ragged(ds).padded_batch(2, pad_info={"zz": ([2], 0)})),
    "padded_batch_drop_remainder_int": lambda ds, root: _ragged(ds).padded_batch(2, drop_remainder=1),
    "padded_batch_workers_zero": lambda ds, root: _ragged(ds).padded_batch(2, num_parallel_workers=0),
    "filter_missing_column_used": lambda ds, root: _count(slices(ds).filter(is_even, input_columns=["zz"])),
    "map_missing_column_used": lambda ds, root: _count(slices(ds).map(add_one, input_columns=["zz"])),
    "map_output_columns_duplicate": lambda ds, root: slices(ds).map(split_two, input_columns=["a"],
                                                                    output_columns=["x", "x"]),
    "batch_missing_input_column_used": lambda ds, root: _count(slices(ds).batch(2, per_batch_map=_pbm_one,
                                                                                input_columns=["zz"])),
    "zip_duplicate_columns_used": lambda ds, root: _count(ds.zip((slices(ds), slices(ds)))),
    "concat_different_columns_used": lambda ds, root: _count(slices(ds).concat(slices(ds).project("a"))),
    "zip_duplicate_reordered_used": lambda ds, root: _count(ds.zip((slices(ds), slices(ds).project(["b", "a"])))),
    "zip_duplicate_third_used": lambda ds, root: _count(ds.zip((slices(ds), slices(ds).project(["a"]).rename(
        "a", "q"), slices(ds).project(["b"])))),
    "bucket_missing_column_used": lambda ds, root: _count(_ragged(ds).bucket_batch_by_length(["zz"], [3], [2, 2])),
    "bucket_missing_pad_column_used": lambda ds, root: _count(_ragged(ds).bucket_batch_by_length(
        ["x"], [3], [2, 2], pad_info={"zz": (None, 0)})),
    "bucket_column_str": lambda ds, root: _ragged(ds).bucket_batch_by_length("x", [3], [2, 2]),
    "bucket_boundaries_tuple": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], (3,), [2, 2]),
    "bucket_drop_remainder_int": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [3], [2, 2],
                                                                                     drop_remainder=1),
    "bucket_two_columns_no_function": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x", "y"], [3], [2, 2]),
    "bucket_function_int": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [3], [2, 2],
                                                                               element_length_function=3),
    "bucket_boundaries_empty": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [], [2]),
    "bucket_boundaries_float": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [3.0], [2, 2]),
    "bucket_boundaries_zero": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [0, 3], [2, 2, 2]),
    "bucket_boundaries_not_increasing": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [3, 3],
                                                                                            [2, 2, 2]),
    "bucket_sizes_count": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [3], [2]),
    "bucket_sizes_str": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [3], [2, "2"]),
    "bucket_sizes_zero": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [3], [2, 0]),
    "bucket_pad_info_list": lambda ds, root: _ragged(ds).bucket_batch_by_length(["x"], [3], [2, 2], pad_info=[1]),
    "bucket_bool_boundary": lambda ds, root: _ragged_rows(_ragged(ds).bucket_batch_by_length(
        ["x"], [True, 3], [1, 2, 2], pad_info={"x": (None, 0)})),
    "padded_batch_rank_used": lambda ds, root: _count(_ragged(ds).padded_batch(2, pad_info={"x": ([2, 2], 0)})),
})


def _two_passes(it):
    return [[int(r[0]) for r in it], [int(r[0]) for r in it]]


def _two_dict_passes(it):
    return [[int(r["a"]) for r in it], [int(r["a"]) for r in it]]


ARG_CASES.update({
    "iterator_past_its_epochs": lambda ds, root: _two_passes(slices(ds, 3).create_tuple_iterator(
        num_epochs=1, output_numpy=True)),
    "iterator_two_epochs": lambda ds, root: _two_passes(slices(ds, 3).create_tuple_iterator(
        num_epochs=2, output_numpy=True)),
    "dict_iterator_past_its_epochs": lambda ds, root: _two_dict_passes(slices(ds, 3).create_dict_iterator(
        num_epochs=1, output_numpy=True)),
})


ARG_CASES.update({
    "gen_column_names_int": lambda ds, root: ds.GeneratorDataset(gen5, 5),
    "gen_column_names_empty": lambda ds, root: ds.GeneratorDataset(gen5, []),
    "gen_column_names_empty_name": lambda ds, root: ds.GeneratorDataset(gen5, ["x", ""]),
    "gen_column_names_duplicate": lambda ds, root: ds.GeneratorDataset(gen5, ["x", "x"]),
    "gen_column_names_int_item": lambda ds, root: ds.GeneratorDataset(gen5, ["x", 1]),
    "gen_column_names_str": lambda ds, root: ds.GeneratorDataset(gen5, "x").get_col_names(),
    "slices_column_names_duplicate": lambda ds, root: ds.NumpySlicesDataset([[1, 2], [3, 4]], column_names=["p", "p"]),
    "slices_column_names_int": lambda ds, root: ds.NumpySlicesDataset([[1, 2], [3, 4]], column_names=3),
})


ARG_CASES.update({
    "output_shapes_estimate_int": lambda ds, root: slices(ds).output_shapes(estimate=1),
    "output_shapes_estimate": lambda ds, root: slices(ds).output_shapes(estimate=True),
    "num_classes_of_slices": lambda ds, root: slices(ds).num_classes(),
    "batch_size_of_function_batch": lambda ds, root: slices(ds).batch(lambda info: 2).get_batch_size(),
    "repeat_count_forever": lambda ds, root: slices(ds).repeat().get_repeat_count(),
    "size_repeat_forever": lambda ds, root: slices(ds).repeat().get_dataset_size(),
    "size_take_after_repeat_forever": lambda ds, root: slices(ds).repeat().take(10).get_dataset_size(),
})


def run_arg_case(ds, root, name):
    """[error type name, normalised message], or [None, value] for a value-like result (list / int / None)."""
    try:
        value = ARG_CASES[name](ds, root)
    except Exception as e:   # noqa: BLE001 - type and message are what is compared
        return [type(e).__name__, norm_message(str(e))]
    return [None, value if isinstance(value, (list, int, type(None))) else "built"]


# ------------------------------------------------------------------ Model over a dataset
class ModelData:
    """12 rows of (3 float32 features, an int32 label)."""

    def __init__(self):
        rng = np.random.default_rng(7)
        self.x = rng.standard_normal((12, 3)).astype(np.float32)
        self.y = (rng.integers(0, 2, size=12)).astype(np.int32)

    def __getitem__(self, i):
        return self.x[i], self.y[i]

    def __len__(self):
        return 12


def model_train_without_loss_fn(ms, ds):
    """Model over a WithLossCell (no loss_fn) fed a 3-column dataset: the network gets one input too many."""
    nn = importlib.import_module(ms.__name__ + ".nn")
    train = importlib.import_module(ms.__name__ + ".train")
    net = nn.Dense(3, 2)
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    data = ds.GeneratorDataset(ExtraColumn(ModelData()), ["x", "y", "z"], shuffle=False).batch(4)
    train.Model(nn.WithLossCell(net, loss), optimizer=opt).train(1, data)


def model_train(ms, ds, columns=("x", "y"), extra=False):
    """Train Dense(3, 2) with fixed weights for 2 epochs over a worker-fed GeneratorDataset; return the
    final weight and bias."""
    nn = importlib.import_module(ms.__name__ + ".nn")
    train = importlib.import_module(ms.__name__ + ".train")
    net = nn.Dense(3, 2)
    net.weight.set_data(ms.Tensor(np.array([[0.1, -0.2, 0.3], [0.05, 0.4, -0.1]], np.float32)))
    net.bias.set_data(ms.Tensor(np.array([0.01, -0.02], np.float32)))
    loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    src = ModelData()
    if extra:
        src = ExtraColumn(src)
    data = ds.GeneratorDataset(src, list(columns), shuffle=False, num_parallel_workers=2).batch(4)
    model = train.Model(net, loss_fn=loss, optimizer=opt)
    model.train(2, data)
    return net.weight.asnumpy(), net.bias.asnumpy()


class ExtraColumn:
    def __init__(self, src):
        self.src = src

    def __getitem__(self, i):
        x, y = self.src[i]
        return x, y, y

    def __len__(self):
        return len(self.src)

"""mindspore.dataset.dataloader (MindSpore 2.8+) cases, run by the 2.10 reference (gen_dataloader.py) and by
lightspore (tests/test_dataloader.py): ``run(ms)`` -> {case: JSON-able result}."""
import collections

import numpy as np

Point = collections.namedtuple("Point", "x y")


def enc(v):
    """A JSON form of a DataLoader output: Tensors as {T: dtype, shape, value}."""
    if hasattr(v, "asnumpy"):
        return {"T": str(v.dtype), "shape": list(v.shape), "value": v.asnumpy().tolist()}
    if isinstance(v, np.ndarray):
        return {"ndarray": str(v.dtype), "value": v.tolist()}
    if isinstance(v, dict):
        return {"dict": {k: enc(x) for k, x in v.items()}}
    if isinstance(v, tuple) and hasattr(v, "_fields"):
        return {"namedtuple": type(v).__name__, "items": [enc(x) for x in v]}
    if isinstance(v, (list, tuple)):
        return {type(v).__name__: [enc(x) for x in v]}
    if isinstance(v, (np.generic,)):
        return {"np": str(v.dtype), "value": v.item()}
    return v


def cases(ms):
    dl = ms.dataset.dataloader
    T = ms.Tensor

    class Rows(dl.Dataset):
        def __init__(self, n):
            self.n = n

        def __getitem__(self, i):
            return np.arange(3, dtype=np.float32) + i, i, float(i) / 2, f"s{i}"

        def __len__(self):
            return self.n

    class Dicts(dl.Dataset):
        def __getitem__(self, i):
            return {"a": np.int32(i), "b": [i, i + 1], "c": np.bool_(i % 2), "p": Point(i, np.float16(i))}

        def __len__(self):
            return 4

    class Stream(dl.IterableDataset):
        def __iter__(self):
            return iter([np.full((2,), k, np.int64) for k in range(5)])

        def __len__(self):
            return 5

    tds = dl.TensorDataset(T(np.arange(14, dtype=np.float32).reshape(7, 2)), T(np.arange(7, dtype=np.int32)))
    c = {}

    def epochs(loader, n=2):
        return [[enc(b) for b in loader] for _ in range(n)]

    c["tensor dataset shuffle seeded"] = lambda: epochs(dl.DataLoader(tds, batch_size=3, shuffle=True,
                                                                       generator=np.random.default_rng(7)))
    c["tensor dataset len"] = lambda: [len(dl.DataLoader(tds, batch_size=3)),
                                       len(dl.DataLoader(tds, batch_size=3, drop_last=True))]
    c["tensor dataset drop_last"] = lambda: epochs(dl.DataLoader(tds, batch_size=3, drop_last=True), 1)
    c["tensor dataset sample"] = lambda: enc(tds[2])
    c["rows collate"] = lambda: epochs(dl.DataLoader(Rows(5), batch_size=2), 1)
    c["rows no batching"] = lambda: epochs(dl.DataLoader(Rows(3), batch_size=None), 1)
    c["dicts collate"] = lambda: epochs(dl.DataLoader(Dicts(), batch_size=4), 1)
    c["iterable"] = lambda: epochs(dl.DataLoader(Stream(), batch_size=2), 1) + [len(dl.DataLoader(Stream(),
                                                                                                  batch_size=2))]
    c["workers"] = lambda: epochs(dl.DataLoader(tds, batch_size=4, num_workers=2), 1)
    c["random sampler replacement"] = lambda: list(dl.RandomSampler(list(range(10)), replacement=True,
                                                                     num_samples=40,
                                                                     generator=np.random.default_rng(3)))
    c["random sampler num_samples"] = lambda: list(dl.RandomSampler(list(range(4)), num_samples=10,
                                                                    generator=np.random.default_rng(4)))
    c["batch sampler"] = lambda: [list(dl.BatchSampler(dl.SequentialSampler(range(10)), 4, d)) for d in (False, True)]
    c["batch sampler loader"] = lambda: epochs(dl.DataLoader(
        tds, batch_sampler=dl.BatchSampler(dl.RandomSampler(tds, generator=np.random.default_rng(1)), 2, False)), 1)

    def dist():
        out = []
        for drop in (False, True):
            for rank in range(3):
                s = dl.DistributedSampler(list(range(10)), num_replicas=3, rank=rank, shuffle=True, seed=5,
                                          drop_last=drop)
                e0 = list(s)
                s.set_epoch(1)
                out.append([len(s), e0, list(s)])
        out.append(list(dl.DistributedSampler(list(range(5)), num_replicas=2, rank=1, shuffle=False)))
        return out
    c["distributed sampler"] = dist
    c["default_collate numbers"] = lambda: [enc(dl.default_collate(b)) for b in (
        [1, 2, 3], [1.5, 2.5], [True, False], [np.float16(1), np.float16(2)], [np.int8(1), np.int8(-1)],
        ["a", "b"], [(1, 2.0), (3, 4.0)], [[1, 2], [3, 4]])]
    c["default_collate tensors"] = lambda: enc(dl.default_collate([T(np.ones((2,), np.float16)),
                                                                   T(np.zeros((2,), np.float16))]))
    c["default_convert"] = lambda: [enc(dl.default_convert(v)) for v in (
        np.arange(3, dtype=np.int16), np.float32(2.5), {"k": np.ones((2,), np.uint8)}, (np.int64(1), 2),
        [np.zeros((1,), np.float64)], np.array(["x"]), "text")]
    # argument errors
    c["err shuffle with sampler"] = lambda: dl.DataLoader(tds, shuffle=True, sampler=dl.SequentialSampler(tds))
    c["err batch_size 0"] = lambda: dl.DataLoader(tds, batch_size=0)
    c["err batch_size bool"] = lambda: dl.DataLoader(tds, batch_size=True)
    c["err batch_sampler with batch_size"] = lambda: dl.DataLoader(tds, batch_size=2, batch_sampler=[[0, 1]])
    c["err generator type"] = lambda: dl.DataLoader(tds, generator=1)
    c["err persistent without workers"] = lambda: dl.DataLoader(tds, persistent_workers=True)
    c["err prefetch without workers"] = lambda: dl.DataLoader(tds, prefetch_factor=2)
    c["err num_workers negative"] = lambda: dl.DataLoader(tds, num_workers=-1)
    c["err iterable shuffle"] = lambda: dl.DataLoader(Stream(), shuffle=True)
    c["err batch sampler size"] = lambda: dl.BatchSampler(range(3), 0, False)
    c["err random sampler num_samples"] = lambda: dl.RandomSampler(range(3), num_samples=0)
    c["err random sampler generator"] = lambda: dl.RandomSampler(range(3), generator=5)
    c["err distributed rank"] = lambda: dl.DistributedSampler(range(3), num_replicas=2, rank=2)
    c["err tensor dataset sizes"] = lambda: dl.TensorDataset(T(np.ones((2,))), T(np.ones((3,))))
    c["module names"] = lambda: sorted(n for n in dir(dl) if not n.startswith("_") and n not in (
        "dataloader", "dataset", "distributed", "sampler"))
    return c


def result(fn):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - any type may be the reference's
        return {"error": type(e).__name__, "message": (str(e).splitlines() or [""])[0][:200]}
    if type(r).__name__ in ("DataLoader", "BatchSampler", "RandomSampler", "DistributedSampler", "TensorDataset"):
        return {"no error": type(r).__name__}
    return r


def run(ms):
    return {k: result(f) for k, f in cases(ms).items()}

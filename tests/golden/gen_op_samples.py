"""Generate tests/golden/op_samples.{json,npz}: every sample input of the op table's specs run through every form of
its op (functional, primitive, Tensor method, mint) in real MindSpore 2.7.1.

The list of specs and samples comes from lightspore itself (``--manifest``, run in lightspore's interpreter:
$LIGHTSPORE_PYTHON, default .venv/bin/python of this repo); the samples are rebuilt here from their ``repr`` with
ops/_samples.py, which needs only numpy.

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_op_samples.py
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import op_samples_cases as C  # noqa: E402

# the reference's CPU build lacks some kernels, or lacks them for a dtype ("The kernel AcosExt unregistered.",
# "Select CPU operator[Sin] fail! Unsupported data type!", "Kernel select failed: Unsupported op [Einsum] on CPU"): what
# a form gives there says nothing about the op's semantics (its other backends compute it, and so does lightspore), so
# the result is recorded as "no_kernel" and not compared
NO_KERNEL = ("unregistered", "Select CPU operator", "Kernel select failed", "KernelMod Init Failed",
             "Not implement exception", "Create kernelmod", "not supported on this device", "only supports Ascend")


def _manifest():
    py = os.environ.get("LIGHTSPORE_PYTHON", os.path.join(C.REPO, ".venv", "bin", "python"))
    out = subprocess.run([py, os.path.abspath(__file__), "--manifest"], check=True, capture_output=True, text=True,
                         cwd=HERE)
    return json.loads(out.stdout)


def _arrays_of(key, arrays):
    return [arrays[k] for k in sorted(arrays) if k == key or k.startswith(key + "|")]


def _dedupe(got, key, forms, name, i, arrays):
    """A result equal (record and arrays) to an earlier form's is stored as {"same_as": that form}."""
    import numpy as np
    mine = _arrays_of(key, arrays)
    for form, rec in forms.items():
        if "same_as" in rec or rec != got:
            continue
        theirs = _arrays_of(f"{name}|{i}|{form}", arrays)
        if len(theirs) == len(mine) and all(a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
                                            for a, b in zip(mine, theirs)):
            for k in [k for k in arrays if k == key or k.startswith(key + "|")]:
                del arrays[k]
            return {"same_as": form}
    return got


def main():
    import mindspore as ms
    import numpy as np
    assert ms.__version__ == "2.7.1", ms.__version__
    ms.set_context(mode=ms.PYNATIVE_MODE, pynative_synchronize=True)
    samples = C.load_samples_module()
    ns = {k: getattr(samples, k) for k in samples.NAMES}
    golden, arrays = {}, {}
    for name, entry in _manifest().items():
        rec = {"samples": entry["samples"], "results": []}
        for i, text in enumerate(entry["samples"]):
            sample = eval(text, ns)  # noqa: S307 - the repr of our own sample records
            forms = {}
            for form in entry["forms"]:
                got = C.run(ms, samples, name, sample, form, f"{name}|{i}|{form}", arrays)
                if got is not None and "raises" in got and any(m in got["message"] for m in NO_KERNEL):
                    got = {"no_kernel": got["message"]}
                if got is not None:
                    forms[form] = _dedupe(got, f"{name}|{i}|{form}", forms, name, i, arrays)
            rec["results"].append(forms)
        golden[name] = rec
    with open(os.path.join(HERE, "op_samples.json"), "w") as f:
        json.dump(golden, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    np.savez_compressed(os.path.join(HERE, "op_samples.npz"), **arrays)
    print(len(golden), "ops,", sum(len(r["results"]) for r in golden.values()), "samples,", len(arrays), "arrays")


if __name__ == "__main__":
    if sys.argv[1:] == ["--manifest"]:
        import lightspore
        print(json.dumps(C.manifest(lightspore)))
    else:
        main()

"""The reference's module tree through the ``mindspore`` alias: what is built keeps resolving, to the
same objects the reference shares between paths.

tests/golden/module_tree.json is walked from real MindSpore 2.7.1 (tests/golden/gen_module_tree.py);
tests/module_tree_expected.json is the committed list of the modules and names lightspore resolves
(``python tools/module_coverage.py --write-expected``): one that stops resolving fails here, and
``python tools/api_coverage.py --modules`` lists what is not built yet.
"""
import json
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
import module_coverage as mc  # noqa: E402

with open(mc.EXPECTED) as _f:
    _DATA = json.load(_f)
EXPECTED = _DATA["modules"]
KNOWN_BREAKS = set(_DATA["known_identity_breaks"])
TREE = mc.load_tree()


@pytest.fixture(scope="module")
def resolved():
    return mc.resolve(TREE)


def test_expected_list_names_only_reference_paths():
    stale = [m for m in EXPECTED if m not in TREE["modules"]]
    stale += [f"{m}.{n}" for m, names in EXPECTED.items() if m in TREE["modules"]
              for n in names if n not in mc.names_of(TREE["modules"][m])]
    assert not stale, f"tests/module_tree_expected.json lists paths the reference does not have: {stale}"


def test_built_modules_import(resolved):
    gone = [m for m in EXPECTED if m not in resolved]
    assert not gone, f"modules that resolved before and no longer import: {gone}"


def test_built_names_resolve(resolved):
    gone = [f"{m}.{n}" for m, names in EXPECTED.items() for n in names if n not in resolved.get(m, {})]
    assert not gone, f"{len(gone)} names that resolved before and no longer do: {gone[:50]}"


def test_same_objects_as_the_reference_shares(resolved):
    # the breaks known when the list was written (one object of the reference defined twice in lightspore,
    # e.g. mint.eq and ops.eq) are listed there to be fixed; a new one fails
    problems = [p for p in mc.identity_problems(TREE, resolved) if p not in KNOWN_BREAKS]
    assert not problems, f"{len(problems)} paths break the reference's identities:\n" + "\n".join(problems[:40])


def test_alias_modules_are_lightspore_modules(resolved):
    wrong = [m for m in resolved if sys.modules[m] is not sys.modules["lightspore" + m[len("mindspore"):]]]
    assert not wrong, wrong


def test_first_line_imports_of_model_libraries():
    # each of these stopped a whole model library at its first import
    import mindspore.nn.layer as layer
    import mindspore.ops.operations.array_ops as array_ops
    from mindspore.common import float16, float32, set_seed
    from mindspore.ops import composite as C
    from mindspore.ops import functional as F
    from mindspore.ops.primitive import Primitive, constexpr

    import lightspore as ms

    assert layer.CellList is ms.nn.CellList and set_seed is ms.set_seed
    assert float16 is ms.float16 and float32 is ms.float32
    assert constexpr is ms.ops.constexpr and Primitive is ms.ops.Primitive
    assert array_ops.Transpose is ms.ops.Transpose
    assert C.GradOperation is ms.ops.GradOperation and F.stop_gradient is ms.ops.stop_gradient


def test_top_level_bool_is_bool_():
    # MindSpore 2.7.1 and 2.10: `mindspore.bool is mindspore.bool_` (Bool); the module tree leaves `bool` out, as it
    # shadows a builtin. common.dtype keeps Python's bool (its functions compare with it), as the reference's does.
    import lightspore as ms
    assert ms.bool is ms.bool_ and str(ms.bool) == "Bool"
    assert ms.common.dtype.pytype_to_dtype(bool) is ms.bool_

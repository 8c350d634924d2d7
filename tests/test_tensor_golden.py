"""Tensor/dtype behaviour checked against real MindSpore 2.7.1: result dtypes (and values) of binary
operators for every dtype pair and with python scalars, Tensor(x)/Parameter(x) dtypes, repr/str, dtype
names and the dtype helper functions.

Golden data: tests/golden/core_tensor.json (tests/golden/gen_core.py); cases in tests/golden/core_cases.py.
"""
import json
import re

import numpy as np
import pytest
from _golden import GOLDEN, check_error, load_cases, raised

import lightspore as ms

C = load_cases('core_cases.py')
REF = json.loads((GOLDEN / 'core_tensor.json').read_text())
BINOP_CASES = C.binop_cases()


def _check_raises(expected_name, fn):
    check_error(raised(fn), expected_name)


def _as_tensor(v):
    return ms.Tensor(v) if isinstance(v, np.ndarray) else v


@pytest.mark.parametrize('key', list(BINOP_CASES))
def test_binop(key):
    table, op, a, b = BINOP_CASES[key]
    ref = REF['binop_' + table][key]
    if ref[0] == 'error':
        # the reference raises (for kernels: when the result is materialised)
        _check_raises(ref[1], lambda: C.apply_binop(op, _as_tensor(a), _as_tensor(b)).asnumpy())
        return
    r = C.apply_binop(op, _as_tensor(a), _as_tensor(b))
    assert isinstance(r, ms.Tensor)
    assert str(r.dtype) == ref[1]
    rtol = 1e-3 if ref[1] == 'Float16' else 1e-6
    np.testing.assert_allclose(r.asnumpy().astype(np.float64), np.array(ref[2], np.float64), rtol=rtol,
                               atol=1e-6, equal_nan=True)


def _check_info(fn, ref):
    if ref[0] == 'error':
        _check_raises(ref[1], lambda: fn().asnumpy())
        return
    t = fn()
    assert str(t.dtype) == ref[1]
    assert list(t.shape) == ref[2]
    np.testing.assert_allclose(t.asnumpy().astype(np.float64), np.array(ref[3], np.float64), rtol=1e-6)


@pytest.mark.parametrize('name', list(C.TENSOR_INPUTS))
def test_tensor_ctor_dtype(name):
    f = C.TENSOR_INPUTS[name]
    _check_info(lambda: ms.Tensor(f()), REF['tensor_ctor'][name])


@pytest.mark.parametrize('name', list(C.TENSOR_INPUTS_DTYPE))
def test_tensor_ctor_explicit_dtype(name):
    f, d = C.TENSOR_INPUTS_DTYPE[name]
    _check_info(lambda: ms.Tensor(f(), dtype=getattr(ms, d)), REF['tensor_ctor_dtype'][name])


@pytest.mark.parametrize('name', list(C.PARAM_INPUTS))
def test_parameter_ctor_dtype(name):
    f = C.PARAM_INPUTS[name]
    _check_info(lambda: ms.Parameter(f()), REF['param_ctor'][name])


@pytest.mark.parametrize('name', list(C.REPR_TENSORS))
def test_tensor_repr(name):
    t = C.REPR_TENSORS[name](ms)
    assert repr(t) == REF['repr'][name][0]


@pytest.mark.parametrize('name', list(C.REPR_TENSORS))
def test_tensor_str(name):
    t = C.REPR_TENSORS[name](ms)
    assert str(t) == REF['repr'][name][1]


@pytest.mark.parametrize('name', C.DTYPE_STR_NAMES)
def test_dtype_str_repr(name):
    d = getattr(ms, name)
    assert str(d) == REF['dtype_str'][name][0]
    assert repr(d) == REF['dtype_str'][name][1]


@pytest.mark.parametrize('name', C.NPTYPE_DTYPES)
def test_dtype_to_nptype(name):
    assert np.dtype(ms.dtype_to_nptype(getattr(ms, name))).name == REF['dtype_to_nptype'][name]


@pytest.mark.parametrize('name', list(C.PYTYPES))
def test_pytype_to_dtype(name):
    assert str(ms.pytype_to_dtype(C.PYTYPES[name])) == REF['pytype_to_dtype'][name]


@pytest.mark.parametrize('name', C.PYTYPE_DTYPES)
def test_dtype_to_pytype(name):
    assert ms.dtype_to_pytype(getattr(ms, name)).__name__ == REF['dtype_to_pytype'][name]


def test_parameter_repr_named():
    p = ms.Parameter(ms.Tensor([1.0, 2.0]), name='w')
    assert [repr(p), str(p)] == REF['param_repr']['named']


def test_parameter_repr_int_frozen():
    p = ms.Parameter(ms.Tensor([1, 2], ms.int32), name='b', requires_grad=False)
    assert [repr(p), str(p)] == REF['param_repr']['int_frozen']


def test_parameter_unnamed():
    p = ms.Parameter(ms.Tensor(np.zeros((2, 3), np.float16)))
    assert re.fullmatch(REF['unnamed_param_name_regex'], p.name), p.name
    got = [re.sub(r'Parameter#\d+', 'Parameter#N', repr(p)), re.sub(r'Parameter#\d+', 'Parameter#N', str(p))]
    assert got == REF['param_repr']['unnamed']


def test_unnamed_parameters_get_distinct_names():
    distinct = ms.Parameter(ms.Tensor([1.0])).name != ms.Parameter(ms.Tensor([1.0])).name
    assert distinct == REF['unnamed_params_distinct']


def test_dtype_equalities():
    got = {
        'float32==single': ms.float32 == ms.single,
        'float64==double': ms.float64 == ms.double,
        'float16==half': ms.float16 == ms.half,
        'float32==float64': ms.float32 == ms.float64,
        'tensor_dtype_is_float32': ms.Tensor([1.0]).dtype == ms.float32,
    }
    assert got == REF['dtype_eq']

"""Cell traversal and parameter naming checked against real MindSpore 2.7.1: nested nets built from
SequentialCell (list and OrderedDict), CellList (append/insert/extend), CellDict, auto_prefix=False
cells, unnamed/shared/tied parameters and nets inside nets.

Golden data: tests/golden/core_cell.{json,npz} (tests/golden/gen_core.py); the nets are defined in
tests/golden/core_cases.py and built unchanged here on lightspore.
"""
import json

import numpy as np
import pytest
from _golden import GOLDEN, load_cases

import lightspore as ms

C = load_cases('core_cases.py')
REF = json.loads((GOLDEN / 'core_cell.json').read_text())
OUT = dict(np.load(GOLDEN / 'core_cell.npz'))
FIELDS = ['get_parameters', 'parameters_and_names', 'cells_and_names', 'name_cells', 'cells',
          'parameters_dict', 'shapes', 'repr', 'frozen', 'trainable_params', 'untrainable_params',
          'after_update_name']
_CACHE = {}


def _record(net_name):
    if net_name not in _CACHE:
        _CACHE[net_name] = C.cell_record(ms, net_name)
    return _CACHE[net_name]


@pytest.mark.parametrize('field', FIELDS)
@pytest.mark.parametrize('net_name', list(C.CELL_NETS))
def test_cell_traversal(net_name, field):
    rec, _ = _record(net_name)
    assert rec[field] == REF[net_name][field]


@pytest.mark.parametrize('net_name', [n for n, (_, shape) in C.CELL_NETS.items() if shape is not None])
def test_cell_forward(net_name):
    _, out = _record(net_name)
    np.testing.assert_allclose(out, OUT['out/' + net_name], rtol=1e-4, atol=1e-6)

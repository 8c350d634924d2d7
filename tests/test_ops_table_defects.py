"""Defects at the op table's edges against real MindSpore, under each release (tests/golden/ops_table_defects_cases.py,
golden data from gen_ops_table_defects.py run with the 2.7.1 and the 2.10.0 reference): ``Tensor`` of a list of
NumPy scalars, a NumPy scalar as the left operand (numpy computes it and returns an ndarray, as in the reference),
``asnumpy()`` of a conjugated tensor, gradients with respect to integer inputs. Each release runs in its own process
(``LIGHTSPORE_MS_VERSION`` is read at import)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / 'golden'
CODE = ('import json, sys; sys.path.insert(0, sys.argv[1]); import ops_table_defects_cases as C; '
        'import lightspore as ms; print(json.dumps(C.run_all(ms)))')


@pytest.mark.parametrize('release', ['2.7.1', '2.10.0'])
def test_defects_like_the_reference(release):
    want = json.loads((GOLDEN / f'ops_table_defects_{release}.json').read_text())
    env = dict(os.environ, LIGHTSPORE_MS_VERSION=release)
    out = subprocess.run([sys.executable, '-c', CODE, str(GOLDEN)], env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert list(got) == list(want)
    diffs = [f'{k}: got {got[k]}, reference {want[k]}' for k in want
             if _strip(got[k]) != _strip(want[k]) and not (isinstance(want[k], dict) and want[k].get('no_kernel'))]
    # an operator numpy computed gives exactly what numpy gives on the plain array (dtype included), in both
    pairs = [(k, r) for rec in (got, want) for k, r in rec.items()
             if isinstance(r, dict) and r.get('type') == 'numpy pair']
    diffs += [f'{k}: {r["result"]} is not numpy\'s own {r["numpy_alone"]}' for k, r in pairs
              if r['result'] != r['numpy_alone']]
    assert not diffs, '\n'.join(diffs)


def _strip(rec):
    """A record without the ndarray dtypes of numpy-computed results (they follow the numpy version installed:
    the reference's has value-based casting, numpy 2 has NEP 50); those are checked against numpy itself."""
    if isinstance(rec, dict) and rec.get('type') == 'numpy pair':
        return {k: v for k, v in rec['result'].items() if k != 'dtype'}
    return rec

"""Every name lightspore exports from ``mint``, ``mint.nn``, ``mint.nn.functional`` and ``mint.optim`` has
the reference's signature (../shared/api/mindspore-api.json; for classes, ``__init__`` without ``self``),
and every name the golden cases use exists with the signature the reference printed when the golden data
was made (tests/golden/mint.json)."""
import inspect
import json
import os

import pytest
from _golden import GOLDEN

import lightspore.mint as mint

API = os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'api', 'mindspore-api.json')
MODULES = {'mindspore.mint': mint, 'mindspore.mint.nn': mint.nn, 'mindspore.mint.nn.functional': mint.nn.functional,
           'mindspore.mint.optim': mint.optim}
SUBMODULES = {'nn', 'optim', 'functional'}


def _sig(obj):
    if inspect.isclass(obj):
        sig = inspect.signature(obj.__init__)
        sig = sig.replace(parameters=list(sig.parameters.values())[1:])
    else:
        sig = inspect.signature(obj)
    return str(sig).replace('lightspore', 'mindspore')


@pytest.fixture(scope='module')
def api():
    if not os.path.exists(API):
        pytest.skip('the shared API listing is not beside this checkout')
    with open(API) as fh:
        return json.load(fh)['namespaces']


PREFIX = {'mindspore.mint': '', 'mindspore.mint.nn': 'nn.', 'mindspore.mint.nn.functional': 'F.',
          'mindspore.mint.optim': 'optim.'}


@pytest.mark.parametrize('namespace', sorted(MODULES))
def test_exported_names_have_reference_signatures(api, namespace):
    """Names in the API listing have its signature; the few public names of the reference's mint modules
    that the listing leaves out (``mint.ones``, ``mint.nn.LayerNorm``, ...) have the signature the reference
    printed when the golden data was made."""
    mod, ref = MODULES[namespace], api[namespace]
    api_2_10 = API.replace('mindspore-api.json', 'mindspore-api-2.10.json')
    if os.path.exists(api_2_10):        # names MindSpore 2.10 added (mint.vdot, mint.optim.FusedAdamW, ...)
        with open(api_2_10) as fh:
            ref = dict(json.load(fh)['namespaces'].get(namespace, {}), **ref)
    recorded = json.loads((GOLDEN / 'mint.json').read_text())['__signatures__']
    names = [n for n in mod.__all__ if n not in SUBMODULES]
    bad = []
    for n in names:
        want = ref[n]['signature'] if n in ref else recorded.get(PREFIX[namespace] + n, 'not in the reference')
        if want is not None and _sig(getattr(mod, n)) != want:
            bad.append((n, want, _sig(getattr(mod, n))))
    assert not bad, '\n'.join(f'{n}: reference {r} lightspore {o}' for n, r, o in bad)


def test_case_names_exist_with_reference_signatures():
    sigs = json.loads((GOLDEN / 'mint.json').read_text())['__signatures__']
    bad = []
    for name, ref in sigs.items():
        if name.startswith('F.'):
            obj = getattr(mint.nn.functional, name[2:])
        elif name.startswith('nn.'):
            obj = getattr(mint.nn, name[3:])
        elif name.startswith('optim.'):
            obj = getattr(mint.optim, name[6:])
        else:
            obj = getattr(mint, name)
        if _sig(obj) != ref:
            bad.append((name, ref, _sig(obj)))
    assert not bad, '\n'.join(f'{n}: reference {r} lightspore {o}' for n, r, o in bad)


def test_counts():
    """At least the planned number of names is exported per namespace."""
    assert len([n for n in mint.__all__ if n not in SUBMODULES]) >= 200
    assert len([n for n in mint.nn.__all__ if n not in SUBMODULES]) >= 60
    assert len(mint.nn.functional.__all__) >= 58
    assert len(mint.optim.__all__) == 4

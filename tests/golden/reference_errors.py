"""Error cases shared by several generators and their tests: ``cases`` maps a case name to
``(action, keywords)``; ``action(ms)`` builds what must fail and ``materialize`` runs it to the end.

The generator records, per case, the reference's exception type and first message line
(``record_errors``); the test requires lightspore's exception to be of that exact type (or a documented deliberate
difference, tests/_golden.DELIBERATE_ERRORS) and to mention every keyword (``check_error``). Nothing here imports
mindspore or lightspore.
"""
from collections import OrderedDict


def record_errors(ms, cases, materialize):
    out = OrderedDict()
    for case, (action, _) in cases.items():
        try:
            materialize(action(ms))
        except Exception as e:  # noqa: BLE001  (recording whatever the reference raises)
            out[case] = OrderedDict(raises=type(e).__name__, message=str(e).split('\n')[0][:300])
        else:
            out[case] = OrderedDict(raises=None, message=None)
    return out


def check_error(ms, case, cases, materialize, ref):
    """``ref`` is the reference's record for ``case``; raises AssertionError when lightspore differs."""
    action, keywords = cases[case]
    from _golden import check_error as check  # tests/ is on sys.path when the tests run
    from _golden import raised
    assert ref['raises'] is not None, f'{case}: the reference raised nothing'
    check(raised(lambda: materialize(action(ms))), ref['raises'], keywords, ref['message'])

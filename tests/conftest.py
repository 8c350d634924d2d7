"""The suite's golden data (tests/golden/gen_*.py) is recorded from MindSpore 2.7.1, so the suite follows 2.7.1
unless LIGHTSPORE_MS_VERSION says otherwise; tests/test_release.py checks both releases in subprocesses."""
import os

os.environ.setdefault("LIGHTSPORE_MS_VERSION", "2.7.1")

"""Loading the golden data and the case modules shared with the generators (tests/golden/*_cases.py)."""
import importlib.util
import sys
from pathlib import Path

GOLDEN = Path(__file__).parent / 'golden'


def load_cases(filename='core_cases.py'):
    """Import tests/golden/<filename> once (it is not a package module) and return it."""
    name = '_lightspore_golden_' + filename[:-3]
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, GOLDEN / filename)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]

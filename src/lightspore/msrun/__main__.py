"""``python -m lightspore.msrun [msrun flags] script.py [args]``."""
import sys

from ._launcher import main

if __name__ == "__main__":
    sys.exit(main())

"""The `accord` command: each command is a few lines over the library.

Exit codes: 0 all inputs analysed, 1 some inputs rejected, 2 usage error.
"""

from . import evals, kb, run, serve  # noqa: F401  (each registers its commands)
from . import export  # noqa: F401  (accord export)
from .common import main

__all__ = ["main"]

"""The store stage: analysed articles in one SQLite file."""

from .db import DEFAULT_PATH, Store

__all__ = ["DEFAULT_PATH", "Store"]

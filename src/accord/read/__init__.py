"""The read stage: inputs of every kind become Articles, or Rejected with a reason."""

from .sources import read_bytes, read_sources
from .text import make_article

__all__ = ["make_article", "read_bytes", "read_sources"]

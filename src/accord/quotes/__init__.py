"""The quotes stage: who said what, with the words it came from (GUIDELINES in ../shared/eval/quotes)."""

from .cues import CueLexicon, load_cues
from .extract import QuoteExtractor

__all__ = ["CueLexicon", "QuoteExtractor", "load_cues"]

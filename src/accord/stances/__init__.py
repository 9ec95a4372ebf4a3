"""The stances stage: positions of actors on the issues of a negotiation, and their matrix."""

from .extract import StanceExtractor, load_issues
from .matrix import stance_matrix

__all__ = ["StanceExtractor", "load_issues", "stance_matrix"]

"""accord: conflict and diplomacy news to structured, checkable facts.

    >>> import accord
    >>> result = accord.analyze("US envoy Steve Witkoff met Vladimir Putin on Friday.", published="2025-04-14")
    >>> [a.name for a in result.actors]
"""

from importlib.metadata import PackageNotFoundError, version

from .errors import AccordError, InputRejected, KnowledgeBaseError, StoreError
from .model import (
    Actor, Analysis, Article, Event, Finding, Mention, Place, Quantity, Quote, Rejected, Span, Stance,
    TimeExpression,
)  # fmt: skip
from .pipeline import Pipeline, analyze
from .stances import stance_matrix
from .store import Store

try:
    __version__ = version("accord")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+source"

__all__ = [
    "AccordError", "Actor", "Analysis", "Article", "Event", "Finding", "InputRejected",
    "KnowledgeBaseError", "Mention", "Pipeline", "Place", "Quantity", "Quote", "Rejected", "Span",
    "Stance", "Store", "StoreError", "TimeExpression", "analyze", "stance_matrix",
]  # fmt: skip

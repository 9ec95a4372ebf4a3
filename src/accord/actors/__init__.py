"""The actors stage: a dated knowledge base and the resolution of mentions against it."""

from .kb import KnowledgeBase
from .kb import load as load_kb
from .resolve import ActorResolver, ActorResult

__all__ = ["ActorResolver", "ActorResult", "KnowledgeBase", "load_kb"]

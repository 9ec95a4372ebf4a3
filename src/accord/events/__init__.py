"""The events stage: PLOVER and CAMEO coding from spaCy's parse, with a codebook as data."""

from .codebook import Codebook
from .codebook import load as load_codebook
from .learned.classifier import load as load_classifier
from .stage import EventStage

__all__ = ["Codebook", "EventStage", "load_classifier", "load_codebook"]

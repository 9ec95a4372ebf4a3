"""Consistency checks: claims read from each article, findings inside one article
(role and time, contradictions, details, quotes) and across the outlets of a story."""

from .stage import CheckStage

__all__ = ["CheckStage"]

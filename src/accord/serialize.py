"""Analysis to plain JSON-ready dicts, in the versioned schema `schema/analysis.schema.json`."""

import dataclasses
from datetime import date
from typing import Any

from .model import Analysis, Span

SCHEMA_VERSION = "1.1"


def _plain(value: Any, text: str) -> Any:
    if isinstance(value, Span):
        return {"start": value.start, "end": value.end, "text": value.text_in(text)}
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name), text) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v, text) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def analysis_to_dict(analysis: Analysis) -> dict:
    """Return the analysis as a JSON-ready dict; every span carries the text it covers."""
    body = _plain(analysis, analysis.article.text)
    return {"schema_version": SCHEMA_VERSION, **body}

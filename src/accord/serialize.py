"""Analysis to plain JSON-ready dicts, in the versioned schema `schema/analysis.schema.json`."""

import dataclasses
from datetime import date
from typing import Any

from .model import Analysis, Claim, Span

SCHEMA_VERSION = "1.4"


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


def record_to_dict(record: Any) -> dict:
    """A record that holds no Span (a Finding, whose Evidence carries its own words) as a dict."""
    return _plain(record, "")


def analysis_to_dict(analysis: Analysis) -> dict:
    """Return the analysis as a JSON-ready dict; every span carries the text it covers."""
    body = _plain(analysis, analysis.article.text)
    return {"schema_version": SCHEMA_VERSION, **body}


def claim_from_dict(record: dict) -> Claim:
    """A Claim read back from its JSON record (as stored)."""
    values = dict(record)
    for name in ("span", "sentence", "speaker"):
        values[name] = Span(record[name]["start"], record[name]["end"]) if record.get(name) else None
    for name in ("day", "day_end"):
        values[name] = date.fromisoformat(record[name]) if record.get(name) else None
    values["keys"] = tuple(record.get("keys", ()))
    values["hours"] = tuple(record["hours"]) if record.get("hours") else None
    return Claim(**values)

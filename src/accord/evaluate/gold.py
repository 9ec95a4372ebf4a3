"""Gold sets in the PLOVER gold-standard shape: a JSON array, or JSON Lines of the same records."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import AccordError, InputRejected
from ..model import Analysis
from ..read import make_article

# PLOVER 0.5 names in the gold file and their PLOVER 0.8 names (the manual's conversion table).
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Old CAMEO country codes some gold records still use, and their ISO 3166 alpha-3 codes.
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def gold_files(path: Path) -> list[Path]:
    """The gold files under `path`: the file itself, or the .json/.jsonl files of a directory."""
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted([*path.glob("*.json"), *path.glob("*.jsonl")])
        if files:
            return files
    raise AccordError(f"{path}: no gold file (.json or .jsonl) found")


def load_records(path: Path) -> list[dict]:
    """Every event record of the gold files under `path` (DOCUMENT records skipped)."""
    records = []
    for file in gold_files(path):
        text = file.read_text(encoding="utf-8")
        try:
            items = json.loads(text) if text.lstrip().startswith("[") else [json.loads(l) for l in text.splitlines() if l.strip()]
        except json.JSONDecodeError as err:
            raise AccordError(f"{file}: not JSON or JSON Lines ({err.msg}, line {err.lineno})") from None
        records += [r for r in items if isinstance(r, dict) and r.get("event") != "DOCUMENT" and r.get("text")]
    return records


def actors_of(record: dict, role: str) -> list[dict]:
    """The gold source or target actors of a record (the field may be a list, or empty)."""
    value = record.get(role)
    return [a for a in value if isinstance(a, dict) and a.get("code")] if isinstance(value, list) else []


def country(code: str) -> str:
    """The country part of a gold code, with legacy codes made ISO."""
    return LEGACY_CODES.get(code[:3], code[:3])


def analyze_records(records: list[dict], pipeline) -> list[Analysis | None]:
    """Analyse each record's sentence; None where the reader or a stage rejected it (scored as a miss)."""
    articles = []
    for i, record in enumerate(records):
        try:
            articles.append(make_article(record["text"], record.get("id", f"record-{i}")))
        except InputRejected:
            articles.append(None)
    analyses = iter(pipeline.stream(a for a in articles if a))
    results = [next(analyses) if a else None for a in articles]
    return [r if isinstance(r, Analysis) else None for r in results]

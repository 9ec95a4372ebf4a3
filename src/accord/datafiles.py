"""Reading the data files that hold accord's knowledge (YAML codebooks, lexicons) and its
sentence sets (JSON Lines: training sentences, gold records)."""

import json
from pathlib import Path

import yaml

from .errors import AccordError, KnowledgeBaseError


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSON Lines file, blank lines skipped; a bad line is an AccordError with its number."""
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise AccordError(f"{path}, line {n}: not JSON ({err.msg})") from None
    return records


def read_yaml(path: Path) -> dict:
    """The mapping a data file holds ({} when empty); bad YAML is a KnowledgeBaseError with its line."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise KnowledgeBaseError(str(path), mark.line + 1 if mark else None, f"not valid YAML: {err}") from None

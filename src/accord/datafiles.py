"""Reading the YAML data files that hold accord's knowledge (codebooks, lexicons)."""

from pathlib import Path

import yaml

from .errors import KnowledgeBaseError


def read_yaml(path: Path) -> dict:
    """The mapping a data file holds ({} when empty); bad YAML is a KnowledgeBaseError with its line."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise KnowledgeBaseError(str(path), mark.line + 1 if mark else None, f"not valid YAML: {err}") from None

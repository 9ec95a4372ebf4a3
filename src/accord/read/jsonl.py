"""JSON Lines: one article a line, `text` plus optional `url`, `title`, `published`, `source`."""

import json
from collections.abc import Iterator

from ..errors import InputRejected
from ..model import Article, Rejected
from .text import make_article


_OPTIONAL = ("url", "title", "published", "source")


def read_jsonl(text: str, origin: str) -> Iterator[Article | Rejected]:
    """Yield an Article or a Rejected for every non-blank line."""
    for n, line in enumerate(text.split("\n"), 1):  # not splitlines(): JSON strings may hold U+2028
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            yield _article(line, where)
        except InputRejected as err:
            yield Rejected(where, err.reason)


def _article(line: str, where: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputRejected(f"not valid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise InputRejected("JSON nested too deeply to read (an article is a flat object)") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputRejected('no "text" field holding a string')
    for key in _OPTIONAL:
        if not isinstance(record.get(key), str | None):
            raise InputRejected(f'"{key}" must hold a string or null, not {type(record[key]).__name__}')
    return make_article(
        record["text"],
        where,
        url=record.get("url"),
        source=record.get("source"),
        title=record.get("title"),
        published=record.get("published"),
    )
